//! Merging another evaluator's card: how it matches this workspace (criteria by
//! stable id; providers by id, then by name), the plan shown before anything changes,
//! and the import itself, which never touches the importing evaluator's own scores.

use std::collections::{BTreeMap, BTreeSet};

use super::card_file::CardFile;
use super::knockout;
use super::model::{Cells, OtherCard, Scorecard, Unmatched, MAX_CARDS, MAX_CRITERIA};
use crate::domain::order;
use crate::domain::provider::{self, Provider};

/// How one criterion of the card matches this scorecard.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionMatch {
    pub id: String,
    pub name: String,
    pub group: String,
    /// Matched by id here.
    pub matched: bool,
    /// Our name, where it differs from the card's (a rename on one side).
    pub our_name: Option<String>,
}

/// How one provider of the card matches this workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct ProviderMatch {
    pub id: String,
    pub name: String,
    /// Our provider id, if matched.
    pub ours: Option<String>,
    /// Matched by name rather than id (the evaluators added it separately).
    pub by_name: bool,
}

/// What importing a card would do, shown to the buyer before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub evaluator: String,
    pub complete: bool,
    /// The card is this evaluator's own (same card id): refused.
    pub own_card: bool,
    /// The name on the imported card it would replace.
    pub replaces: Option<String>,
    /// The card it replaces is a newer share of the same card: (when this one was
    /// shared, when that one was, that one's scores and notes).
    pub replaces_newer: Option<(i64, i64, usize)>,
    pub criteria: Vec<CriterionMatch>,
    pub providers: Vec<ProviderMatch>,
    /// Our criteria the card does not have: that evaluator has no scores for them.
    pub missing_here: Vec<String>,
    /// Scores and notes in the card.
    pub cells: usize,
}

impl Plan {
    pub fn unmatched_criteria(&self) -> Vec<&CriterionMatch> {
        self.criteria.iter().filter(|c| !c.matched).collect()
    }

    pub fn unmatched_providers(&self) -> Vec<&ProviderMatch> {
        self.providers.iter().filter(|p| p.ours.is_none()).collect()
    }
}

fn evaluator_name(card: &CardFile) -> String {
    let name = card.evaluator.trim();
    if name.is_empty() {
        "Unnamed evaluator".into()
    } else {
        name.to_owned()
    }
}

/// Matches the card's providers: by id first, then by name (case-insensitive); each
/// of our providers is matched at most once.
fn match_providers(ours: &[Provider], card: &CardFile) -> Vec<ProviderMatch> {
    let mut taken: BTreeSet<&str> = BTreeSet::new();
    let mut out: Vec<ProviderMatch> = card
        .providers
        .iter()
        .map(|p| {
            let by_id = ours.iter().find(|o| o.id == p.id);
            if let Some(o) = by_id {
                taken.insert(o.id.as_str());
            }
            ProviderMatch {
                id: p.id.clone(),
                name: p.name.clone(),
                ours: by_id.map(|o| o.id.clone()),
                by_name: false,
            }
        })
        .collect();
    for m in out.iter_mut().filter(|m| m.ours.is_none()) {
        if let Some(o) = ours
            .iter()
            .find(|o| !taken.contains(o.id.as_str()) && provider::same_name(&o.name, &m.name))
        {
            taken.insert(o.id.as_str());
            m.ours = Some(o.id.clone());
            m.by_name = true;
        }
    }
    out
}

/// Works out what importing `card` would do, without changing anything.
pub fn plan(sc: &Scorecard, providers: &[Provider], card: &CardFile) -> Plan {
    let evaluator = evaluator_name(card);
    let criteria = card
        .criteria
        .iter()
        .map(|c| {
            let ours = sc.criterion(&c.id);
            CriterionMatch {
                id: c.id.clone(),
                name: c.name.clone(),
                group: c.group.clone(),
                matched: ours.is_some(),
                our_name: ours.filter(|o| o.name != c.name).map(|o| o.name.clone()),
            }
        })
        .collect();
    let missing_here = sc
        .criteria
        .iter()
        .filter(|c| !card.criteria.iter().any(|t| t.id == c.id))
        .map(|c| c.name.clone())
        .collect();
    let held = find_replaced(sc, card, &evaluator).map(|i| &sc.others[i]);
    let replaces = held.map(|o| o.evaluator.clone());
    let replaces_newer = held
        .filter(|o| o.id == card.card_id && card.exported_ms < o.shared_ms)
        .map(|o| {
            // Counted as `cells` below counts the incoming card's: shown or not.
            let cells = o.cells.values().map(BTreeMap::len).sum::<usize>() + o.unmatched.cells;
            (card.exported_ms, o.shared_ms, cells)
        });
    Plan {
        evaluator,
        complete: card.complete,
        own_card: !card.card_id.is_empty() && card.card_id == sc.card_id,
        replaces,
        replaces_newer,
        criteria,
        providers: match_providers(providers, card),
        missing_here,
        cells: card
            .cells
            .values()
            .flat_map(|r| r.values())
            .filter(|c| !c.is_empty())
            .count(),
    }
}

fn find_replaced(sc: &Scorecard, card: &CardFile, evaluator: &str) -> Option<usize> {
    sc.others
        .iter()
        .position(|o| !card.card_id.is_empty() && o.id == card.card_id)
        .or_else(|| {
            sc.others
                .iter()
                .position(|o| provider::same_name(&o.evaluator, evaluator))
        })
}

/// What the buyer chose in the import dialog.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Add the card's unknown criteria to this scorecard (with their ids).
    pub add_criteria: bool,
    /// Add the card's unknown providers to the workspace.
    pub add_providers: bool,
}

/// Why an import was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportError {
    OwnCard,
    TooManyCards,
}

impl ImportError {
    pub fn message(self) -> &'static str {
        match self {
            ImportError::OwnCard => {
                "This is your own scorecard. Import the file of another evaluator."
            }
            ImportError::TooManyCards => {
                "You can merge up to 20 other evaluators. Remove one first."
            }
        }
    }
}

/// What an import did.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub evaluator: String,
    /// Scores and notes now shown.
    pub cells: usize,
    pub added_criteria: usize,
    pub added_providers: usize,
    pub replaced: bool,
    /// What could not be matched (also kept on the card).
    pub unmatched: Unmatched,
}

/// Imports another evaluator's card. Only `sc.others` changes, plus (if chosen) new
/// criteria and providers; this evaluator's own scores are never touched.
pub fn apply(
    sc: &mut Scorecard,
    providers: &mut Vec<Provider>,
    card: &CardFile,
    options: Options,
    now_ms: i64,
    mut fresh_id: impl FnMut() -> String,
) -> Result<Applied, ImportError> {
    let evaluator = evaluator_name(card);
    if !card.card_id.is_empty() && card.card_id == sc.card_id {
        return Err(ImportError::OwnCard);
    }
    let replaced = find_replaced(sc, card, &evaluator);
    if replaced.is_none() && sc.others.len() >= MAX_CARDS {
        return Err(ImportError::TooManyCards);
    }
    let mut added_criteria = 0;
    if options.add_criteria {
        for c in &card.criteria {
            if sc.criterion(&c.id).is_none() && sc.criteria.len() < MAX_CRITERIA {
                let at = sc
                    .criteria
                    .iter()
                    .rposition(|x| x.group == c.group)
                    .map_or(sc.criteria.len(), |i| i + 1);
                sc.criteria.insert(at, c.clone());
                added_criteria += 1;
            }
        }
    }
    let mut matches = match_providers(providers, card);
    let mut added_providers = 0;
    if options.add_providers {
        for m in matches.iter_mut().filter(|m| m.ours.is_none()) {
            let id = if providers.iter().any(|p| p.id == m.id) {
                fresh_id()
            } else {
                m.id.clone()
            };
            if provider::add(providers, id.clone(), &m.name).is_ok() {
                m.ours = Some(id);
                added_providers += 1;
            }
        }
    }
    let provider_map = order::map(
        matches
            .iter()
            .filter_map(|m| m.ours.as_deref().map(|o| (m.id.as_str(), o))),
    );
    let mut cells = Cells::new();
    let mut unmatched_cells = 0;
    for (pid, row) in &card.cells {
        for (cid, cell) in row {
            if cell.is_empty() {
                continue;
            }
            match (provider_map.get(pid.as_str()), sc.criterion(cid)) {
                (Some(ours), Some(_)) => {
                    cells
                        .entry((*ours).to_owned())
                        .or_default()
                        .insert(cid.clone(), cell.clone());
                }
                _ => unmatched_cells += 1,
            }
        }
    }
    let unmatched = Unmatched {
        criteria: card
            .criteria
            .iter()
            .filter(|c| sc.criterion(&c.id).is_none())
            .map(|c| c.name.clone())
            .collect(),
        providers: matches
            .iter()
            .filter(|m| m.ours.is_none())
            .map(|m| m.name.clone())
            .collect(),
        cells: unmatched_cells,
    };
    let red_flags = card_red_flags(card, &provider_map);
    let shown = cells.values().map(BTreeMap::len).sum();
    let other = OtherCard {
        id: if card.card_id.is_empty() {
            fresh_id()
        } else {
            card.card_id.clone()
        },
        evaluator: evaluator.clone(),
        complete: card.complete,
        imported_ms: now_ms,
        shared_ms: card.exported_ms,
        cells,
        unmatched: unmatched.clone(),
        red_flags,
    };
    match replaced {
        Some(i) => sc.others[i] = other,
        None => sc.others.push(other),
    }
    Ok(Applied {
        evaluator,
        cells: shown,
        added_criteria,
        added_providers,
        replaced: replaced.is_some(),
        unmatched,
    })
}

/// The card's ticked red flags as text, keyed by our provider ids.
fn card_red_flags(
    card: &CardFile,
    provider_map: &BTreeMap<&str, &str>,
) -> BTreeMap<String, Vec<String>> {
    let as_scorecard = Scorecard {
        flags: card.flags.clone(),
        knockouts: card.knockouts.clone(),
        ..Scorecard::default()
    };
    let mut out = BTreeMap::new();
    for (theirs, ours) in provider_map {
        let texts: Vec<String> = knockout::reasons(&as_scorecard, theirs)
            .into_iter()
            .map(|r| r.text)
            .collect();
        if !texts.is_empty() {
            out.insert((*ours).to_owned(), texts);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::agreement::{cell_stats, other_cell};
    use crate::domain::scorecard::card_file::card_file;
    use crate::domain::scorecard::fixtures::{arb_card, danas_card, mine};
    use crate::domain::scorecard::model::Score;
    use proptest::prelude::*;

    #[test]
    fn the_plan_matches_criteria_by_id_and_providers_by_id_then_name() {
        let (sc, ours) = mine();
        let plan = plan(&sc, &ours, &danas_card());
        assert_eq!(plan.evaluator, "Dana");
        assert!(!plan.own_card);
        let renamed = plan
            .criteria
            .iter()
            .find(|c| c.id == "raci-written")
            .unwrap();
        assert!(renamed.matched);
        assert_eq!(
            renamed.our_name.as_deref(),
            Some("Written RACI with named owners")
        );
        let unmatched: Vec<&str> = plan
            .unmatched_criteria()
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        // We removed "contract-qbr", so Dana's copy of it is unmatched too.
        assert_eq!(
            unmatched,
            ["Quarterly reviews that review", "Local engineers"]
        );
        let p: Vec<(&str, Option<&str>, bool)> = plan
            .providers
            .iter()
            .map(|m| (m.name.as_str(), m.ours.as_deref(), m.by_name))
            .collect();
        assert_eq!(
            p,
            [
                ("Harbor IT", Some("p1"), false),
                ("keystone partners", Some("p2"), true),
                ("Nimbus", None, false)
            ]
        );
        assert!(plan.missing_here.is_empty());
        assert_eq!(plan.cells, 4);
    }

    #[test]
    fn importing_maps_scores_reports_the_unmatched_and_never_touches_own_scores() {
        let (mut sc, mut ours) = mine();
        let own_before = sc.cells.clone();
        let applied = apply(
            &mut sc,
            &mut ours,
            &danas_card(),
            Options::default(),
            7,
            || "new".into(),
        )
        .unwrap();
        assert_eq!(sc.cells, own_before);
        assert_eq!(ours.len(), 2);
        assert_eq!(applied.cells, 2);
        assert_eq!(
            applied.unmatched.criteria,
            ["Quarterly reviews that review", "Local engineers"]
        );
        assert_eq!(applied.unmatched.providers, ["Nimbus"]);
        // Keystone's "dana-extra" score and Nimbus's EDR score have nowhere to go.
        assert_eq!(applied.unmatched.cells, 2);
        let card = &sc.others[0];
        assert_eq!(card.evaluator, "Dana");
        assert_eq!(card.imported_ms, 7);
        assert_eq!(
            other_cell(card, "p2", "raci-written").unwrap().score,
            Some(Score::Points(4))
        );
        assert_eq!(
            other_cell(card, "p1", "raci-written").unwrap().note,
            "No RACI at all"
        );
        assert_eq!(card.red_flags["p1"], ["Vague SLAs (\"best effort\")"]);
        assert_eq!(card.unmatched, applied.unmatched);
    }

    #[test]
    fn importing_can_add_the_unknown_criteria_and_providers() {
        let (mut sc, mut ours) = mine();
        let options = Options {
            add_criteria: true,
            add_providers: true,
        };
        let applied = apply(&mut sc, &mut ours, &danas_card(), options, 0, || {
            "fresh".into()
        })
        .unwrap();
        assert_eq!((applied.added_criteria, applied.added_providers), (2, 1));
        assert!(applied.unmatched.is_empty());
        assert_eq!(
            ours[2],
            Provider {
                id: "x7".into(),
                name: "Nimbus".into()
            }
        );
        assert!(sc.criterion("dana-extra").is_some());
        assert_eq!(
            other_cell(&sc.others[0], "x7", "sec-edr").unwrap().score,
            Some(Score::Points(3))
        );
        // Still nothing of Dana's in our own cells.
        assert!(!sc.cells.contains_key("x7"));
    }

    #[test]
    fn a_newer_file_from_the_same_evaluator_replaces_the_older_and_own_cards_are_refused() {
        let (mut sc, mut ours) = mine();
        apply(
            &mut sc,
            &mut ours,
            &danas_card(),
            Options::default(),
            1,
            String::new,
        )
        .unwrap();
        let mut newer = danas_card();
        newer
            .cells
            .get_mut("p1")
            .unwrap()
            .get_mut("raci-written")
            .unwrap()
            .score = Some(Score::Points(2));
        assert_eq!(plan(&sc, &ours, &newer).replaces.as_deref(), Some("Dana"));
        let applied = apply(
            &mut sc,
            &mut ours,
            &newer,
            Options::default(),
            2,
            String::new,
        )
        .unwrap();
        assert!(applied.replaced);
        assert_eq!(sc.others.len(), 1);
        assert_eq!(
            other_cell(&sc.others[0], "p1", "raci-written")
                .unwrap()
                .score,
            Some(Score::Points(2))
        );

        // An older share of the same card than the one held is said before it replaces it.
        assert_eq!(plan(&sc, &ours, &newer).replaces_newer, None);
        sc.others[0].shared_ms = 2_000;
        let mut older = danas_card();
        older.exported_ms = 1_000;
        let held = sc.others[0]
            .cells
            .values()
            .map(BTreeMap::len)
            .sum::<usize>()
            + sc.others[0].unmatched.cells;
        assert_eq!(
            plan(&sc, &ours, &older).replaces_newer,
            Some((1_000, 2_000, held))
        );
        older.exported_ms = 3_000;
        assert_eq!(plan(&sc, &ours, &older).replaces_newer, None);

        let own = card_file(&sc, &ours, "", 0);
        assert!(plan(&sc, &ours, &own).own_card);
        assert_eq!(
            apply(&mut sc, &mut ours, &own, Options::default(), 0, String::new),
            Err(ImportError::OwnCard)
        );
    }

    #[test]
    fn missing_scores_are_reported_and_left_out_of_the_stats() {
        let (mut sc, mut ours) = mine();
        let mut card = danas_card();
        card.criteria.retain(|c| c.id != "sec-edr");
        let plan = plan(&sc, &ours, &card);
        assert_eq!(plan.missing_here, ["EDR on every endpoint"]);
        apply(
            &mut sc,
            &mut ours,
            &card,
            Options::default(),
            0,
            String::new,
        )
        .unwrap();
        let stats = cell_stats(&sc, "p2", "sec-edr");
        assert_eq!(stats.scores, [None, None]);
        assert_eq!(
            (stats.mean, stats.spread, stats.disagree),
            (None, None, false)
        );
    }

    proptest! {
        #[test]
        fn importing_never_changes_own_scores(card in arb_card()) {
            let (mut sc, mut ours) = mine();
            let before = sc.cells.clone();
            let _ = apply(&mut sc, &mut ours, &card, Options { add_criteria: true, add_providers: true }, 0, || "fresh".into());
            prop_assert_eq!(sc.cells, before);
        }
    }
}
