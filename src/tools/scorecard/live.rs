//! The page's fine-grained view of the scorecard.
//!
//! The library is one coarse signal, and every reader of it is woken on every change.
//! With 20 providers × 100 criteria that is thousands of cells, so grid cells, rows and
//! headers never read the library: each has a keyed signal (`components/keyed.rs`). One
//! effect reads the library after each change and refreshes them: a score edit then
//! touches one cell, one total and whatever the ranking moved.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::browser::state::Lib;
use crate::components::doc::Doc;
use crate::components::keyed::{put, Keyed};
use crate::domain::edit::Changed;
use crate::domain::provider;
use crate::domain::scorecard::agreement::cell_stats;
use crate::domain::scorecard::edit::ScorecardEdit;
use crate::domain::scorecard::model::{Anchors, Score, Scorecard, Weight};
use crate::domain::scorecard::scoring::{self, display_shares, Place, Results};
use crate::domain::workspace::Workspace;

/// What a grid cell shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CellView {
    pub score: Option<Score>,
    pub has_note: bool,
    /// The provider answered this question in a response (`claims`).
    pub has_claim: bool,
    pub agreed: Option<Score>,
    /// Evaluators' scores are two or more points apart (only when others are visible).
    pub disagree: bool,
}

/// What a criterion row shows.
#[derive(Clone, Debug, PartialEq)]
pub struct CritView {
    pub name: String,
    pub group: String,
    pub weight: Weight,
    /// Share of all weight, to a tenth of a percent (`display_shares`).
    pub share: f64,
    pub question: String,
    pub anchors: Anchors,
    pub can_move_up: bool,
    pub can_move_down: bool,
}

/// What a provider's column header and total show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProvSummary {
    pub total: Option<f64>,
    pub place: Option<Place>,
    pub knocked_out: bool,
    pub scored: usize,
}

/// A group and its criterion ids, in display order.
pub type GroupRows = Vec<(String, Vec<String>)>;

/// Handles to the keyed signals; copy it into any component of the page.
#[derive(Clone, Copy)]
pub struct Live {
    /// The scorecard itself: every edit of the page goes through it.
    pub doc: ScorecardDoc,
    /// Grid cells by (provider, criterion).
    cells: Keyed<(String, String), CellView>,
    /// Criterion rows (None once removed).
    rows: Keyed<String, Option<CritView>>,
    names: Keyed<String, String>,
    summaries: Keyed<String, ProvSummary>,
    /// Set by `score` for the sync that follows: the one cell that can have changed.
    only_cell: StoredValue<Option<(String, String)>>,
    /// Groups with their criteria, in display order.
    pub groups: RwSignal<GroupRows>,
    /// Criterion ids in display order.
    pub criteria: RwSignal<Vec<String>>,
    /// Provider ids in workspace order.
    pub providers: RwSignal<Vec<String>>,
    pub results: RwSignal<Results>,
    /// Other evaluators' cards exist and may be shown.
    pub others_shown: RwSignal<bool>,
}

fn cell_view(sc: &Scorecard, others: bool, provider: &str, criterion: &str) -> CellView {
    let cell = sc.cell(provider, criterion);
    CellView {
        score: cell.and_then(|c| c.score),
        has_note: cell.is_some_and(|c| !c.note.is_empty()),
        has_claim: sc.claim(provider, criterion).is_some(),
        agreed: sc.agreed(provider, criterion),
        disagree: others && cell_stats(sc, provider, criterion).disagree,
    }
}

fn crit_views(sc: &Scorecard) -> Vec<(String, CritView)> {
    let ordered = sc.ordered();
    let weights: Vec<f64> = ordered.iter().map(|c| c.weight.get()).collect();
    let shares = display_shares(&weights);
    ordered
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let same_group = |j: usize| ordered.get(j).is_some_and(|o| o.group == c.group);
            (
                c.id.clone(),
                CritView {
                    name: c.name.clone(),
                    group: c.group.clone(),
                    weight: c.weight,
                    share: shares[i],
                    question: c.question.clone(),
                    anchors: c.anchors.clone(),
                    can_move_up: i > 0 && same_group(i - 1),
                    can_move_down: same_group(i + 1),
                },
            )
        })
        .collect()
}

fn summary(results: &Results, provider: &str) -> ProvSummary {
    let standing = results.standing(provider);
    ProvSummary {
        total: standing.and_then(|s| s.total),
        place: standing.map(|s| s.place.clone()),
        knocked_out: standing.is_some_and(|s| !s.knock_outs.is_empty()),
        // The scores the total is made of (agreed ones, others' on the mean basis), as
        // the Results tab counts them.
        scored: standing.map_or(0, |s| s.scored),
    }
}

fn groups_of(sc: &Scorecard) -> GroupRows {
    let mut groups: GroupRows = Vec::new();
    for c in sc.ordered() {
        match groups.last_mut() {
            Some((name, ids)) if *name == c.group => ids.push(c.id.clone()),
            _ => groups.push((c.group.clone(), vec![c.id.clone()])),
        }
    }
    groups
}

impl Live {
    /// Creates the view and keeps it in step with the open workspace.
    pub fn new(lib: Lib, doc: ScorecardDoc) -> Live {
        let (groups, criteria, providers, results, others_shown) = lib.0.with_untracked(|l| {
            let ws = l.active();
            let sc = &ws.scorecard;
            (
                groups_of(sc),
                sc.ordered().iter().map(|c| c.id.clone()).collect(),
                ws.providers.iter().map(|p| p.id.clone()).collect(),
                scoring::results(sc, &ws.providers),
                sc.others_visible() && !sc.others.is_empty(),
            )
        });
        let live = Live {
            doc,
            cells: Keyed::default(),
            rows: Keyed::default(),
            names: Keyed::default(),
            summaries: Keyed::default(),
            only_cell: StoredValue::new(None),
            groups: RwSignal::new(groups),
            criteria: RwSignal::new(criteria),
            providers: RwSignal::new(providers),
            results: RwSignal::new(results),
            others_shown: RwSignal::new(others_shown),
        };
        Effect::new(move |_| lib.0.with(|l| live.sync(l.active())));
        live
    }

    /// Scores one cell from the grid. Only that cell can look different afterwards, so
    /// the sync it triggers compares that cell instead of all of them (2,000 at 20 × 100).
    pub fn score(self, provider: String, criterion: String, score: Option<Score>) {
        let cell = (provider.clone(), criterion.clone());
        self.only_cell.set_value(Some(cell));
        let edit = ScorecardEdit::Score {
            provider,
            criterion,
            score,
        };
        if self.doc.apply(edit) != Ok(Changed::Yes) {
            // Nothing changed, so no sync runs to use the hint.
            self.only_cell.set_value(None);
        }
    }

    fn sync(self, ws: &Workspace) {
        let sc = &ws.scorecard;
        let ids: Vec<String> = ws.providers.iter().map(|p| p.id.clone()).collect();
        put(&self.providers, ids);
        put(&self.groups, groups_of(sc));
        put(
            &self.criteria,
            sc.ordered().iter().map(|c| c.id.clone()).collect(),
        );
        let others = sc.others_visible() && !sc.others.is_empty();
        put(&self.others_shown, others);
        let results = scoring::results(sc, &ws.providers);
        let mut views: HashMap<String, CritView> = crit_views(sc).into_iter().collect();
        self.rows.refresh(|id, _| Some(views.remove(id)));
        let known = |id: &str| ws.providers.iter().find(|p| p.id == id);
        self.names
            .refresh(|id, _| known(id).map(|p| p.name.clone()));
        self.summaries
            .refresh(|id, _| known(id).map(|_| summary(&results, id)));
        let view = |(p, c): &(String, String)| cell_view(sc, others, p, c);
        // The hint is taken even when it goes unused, so it never outlives its sync.
        match self.only_cell.try_update_value(Option::take).flatten() {
            Some(cell) => self
                .cells
                .refresh_keys([(&cell, |_: &CellView| Some(view(&cell)))]),
            None => self.cells.refresh(|cell, _| Some(view(cell))),
        }
        put(&self.results, results);
    }

    /// The signal of one grid cell, created on first use.
    pub fn cell(self, provider: &str, criterion: &str) -> RwSignal<CellView> {
        let key = (provider.to_owned(), criterion.to_owned());
        let first = || {
            Lib::get().0.with_untracked(|l| {
                let sc = &l.active().scorecard;
                let others = sc.others_visible() && !sc.others.is_empty();
                cell_view(sc, others, provider, criterion)
            })
        };
        self.cells.get(&key, first).into()
    }

    /// The signal of one criterion row (None once it is removed).
    pub fn criterion(self, id: &str) -> RwSignal<Option<CritView>> {
        let first = || {
            Lib::get().0.with_untracked(|l| {
                crit_views(&l.active().scorecard)
                    .into_iter()
                    .find(|(cid, _)| cid == id)
                    .map(|(_, v)| v)
            })
        };
        self.rows.get(id, first).into()
    }

    /// The criterion ids of a group, in display order (tracked).
    pub fn group_ids(self, group: &str) -> Vec<String> {
        self.groups.with(|g| {
            g.iter()
                .find(|(n, _)| n == group)
                .map(|(_, ids)| ids.clone())
                .unwrap_or_default()
        })
    }

    /// The name of a provider.
    pub fn name(self, id: &str) -> RwSignal<String> {
        let first = || {
            Lib::get().0.with_untracked(|l| {
                provider::name_of(&l.active().providers, id)
                    .unwrap_or_default()
                    .to_owned()
            })
        };
        self.names.get(id, first).into()
    }

    /// A provider's total, place and knock-out state.
    pub fn summary(self, id: &str) -> RwSignal<ProvSummary> {
        let first = || self.results.with_untracked(|results| summary(results, id));
        self.summaries.get(id, first).into()
    }
}

/// The selected cell: (provider id, criterion id).
pub type Selected = RwSignal<Option<(String, String)>>;

/// The open workspace's scorecard and its undo history.
pub type ScorecardDoc = Doc<Scorecard>;

/// The page's handle, made once when the page is built.
pub fn doc() -> ScorecardDoc {
    expect_context::<ScorecardDoc>()
}
