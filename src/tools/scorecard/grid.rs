//! The score grid: criteria down, providers across, with each provider's total and rank.

use leptos::prelude::*;

use super::cell::{keep_a_tab_stop, GridCell, GridSay};
use super::details::CellDetails;
use super::live::{Live, Selected};
use super::sig::{list, show, show_or, text};
use crate::browser::state::Lib;
use crate::domain::anchor::dom_id;
use crate::domain::scorecard::scoring::Place;
use crate::domain::scorecard::sensitivity::points;

/// Every provider's scores side by side: criteria down, providers across.
#[component]
pub fn ScoreGrid() -> impl IntoView {
    let live = expect_context::<Live>();
    let lib = Lib::get();
    let selected: Selected = RwSignal::new(None);
    let evaluator = move || {
        lib.0.with(|l| {
            let name = l.active().scorecard.evaluator.trim().to_owned();
            if name.is_empty() {
                "Your scores".to_owned()
            } else {
                format!("Scores by {name}")
            }
        })
    };
    let has_providers = move || live.providers.with(|p| !p.is_empty());
    // After each render that can add or remove the cell holding the Tab stop: in the next
    // frame, once the rows and columns the change moved are drawn.
    let table = NodeRef::<leptos::html::Table>::new();
    Effect::new(move |_| {
        live.providers.track();
        live.criteria.track();
        if let Some(table) = table.get() {
            request_animation_frame(move || keep_a_tab_stop(&table));
        }
    });
    let say = GridSay(RwSignal::new(String::new()));
    provide_context(say);
    view! {
        <section class="sc-grid-section" aria-labelledby="sc-grid-title">
            <h2 id="sc-grid-title">{text(evaluator)}</h2>
            <p class="visually-hidden" role="status">
                {text(move || say.0.get())}
            </p>
            {show_or(
                has_providers,
                move || {
                    view! {
                        <p class="hint">
                            <span class="keys-only">
                                "Select a cell and type 0 to 5, or N for not applicable. Arrow \
                                    keys and Enter move between cells; Delete clears; Tab leaves \
                                    the grid. "
                            </span>
                            <span class="touch-only">
                                "Tap a cell and type a score from 0 to 5, or use the buttons \
                                    under the grid, where N/A marks it not applicable. "
                            </span>
                            "The question and its anchors appear below the grid. Marks in a \
                                cell: • your note, “ the provider's answer to the question, ≠ \
                                evaluators disagree, =4 the agreed score."
                        </p>
                        <div
                            class="sc-grid-wrap"
                            tabindex="0"
                            role="region"
                            aria-label="Score grid, scrolls in both directions"
                        >
                            <table class="sc-grid" node_ref=table>
                                <thead>
                                    <tr>
                                        <th scope="col" class="sc-crit-col">
                                            "Criterion"
                                        </th>
                                        <th scope="col" class="sc-weight-col">
                                            "Share"
                                        </th>
                                        {list(
                                            move || live.providers.get(),
                                            |id| view! { <ProviderHead id=id /> }.into_any(),
                                        )}
                                    </tr>
                                    <tr class="sc-totals">
                                        <th scope="row" class="sc-crit-col">
                                            "Total (0 to 100)"
                                        </th>
                                        <td class="sc-weight-col">"100%"</td>
                                        {list(
                                            move || live.providers.get(),
                                            |id| view! { <TotalCell id=id /> }.into_any(),
                                        )}
                                    </tr>
                                </thead>
                                {list(
                                    move || {
                                        live.groups
                                            .with(|g| g.iter().map(|(n, _)| n.clone()).collect())
                                    },
                                    move |group| {
                                        view! { <GroupBody group=group selected=selected /> }
                                            .into_any()
                                    },
                                )}
                            </table>
                        </div>
                        <CellDetails selected=selected />
                    }
                        .into_any()
                },
                || {
                    view! {
                        <p class="empty">
                            "Add the providers you are evaluating above, then score them here or \
                                in call mode."
                        </p>
                    }
                        .into_any()
                },
            )}
        </section>
    }
}

/// A provider's column heading, with a knock-out tag.
#[component]
fn ProviderHead(id: String) -> impl IntoView {
    let live = expect_context::<Live>();
    let name = live.name(&id);
    let summary = live.summary(&id);
    view! {
        <th scope="col" class="sc-prov-col" id=dom_id("sc-p", &id)>
            <span class="sc-prov-name">{name}</span>
            {show(
                move || summary.with(|s| s.knocked_out),
                move || view! { <span class="sc-ko-tag">"Knocked out"</span> }.into_any(),
            )}
        </th>
    }
}

/// A provider's weighted total and rank.
#[component]
fn TotalCell(id: String) -> impl IntoView {
    let live = expect_context::<Live>();
    let summary = live.summary(&id);
    let total = move || {
        summary.with(|s| {
            let total = s.total.map(points).unwrap_or_else(|| "–".into());
            let place = match &s.place {
                Some(Place::Ranked(n)) => format!("#{n}"),
                Some(Place::KnockedOut) => "out".into(),
                _ => String::new(),
            };
            (total, place)
        })
    };
    // A blank counts as not applicable, so a cleared score can raise a total: say so
    // where the total is, not only on the Results tab.
    let partial = move || {
        let n = live.criteria.with(Vec::len);
        summary.with(|s| s.scored > 0 && s.scored < n).then(|| {
            let scored = summary.with(|s| s.scored);
            view! { <span class="sc-partial">{format!("{scored} of {n} scored")}</span> }
        })
    };
    view! {
        <td class="sc-total" data-testid="sc-total">
            <span class="sc-total-value">{text(move || total().0)}</span>
            " "
            <span class="sc-rank">{text(move || total().1)}</span>
            {partial}
        </td>
    }
}

/// One group: its heading row and its criteria.
#[component]
fn GroupBody(group: String, selected: Selected) -> impl IntoView {
    let live = expect_context::<Live>();
    let name = group.clone();
    let ids = move || live.group_ids(&name);
    let span = text(move || (live.providers.with(Vec::len) + 2).to_string());
    view! {
        <tbody>
            <tr class="sc-group-row">
                <th scope="rowgroup" colspan=span class="sc-group">
                    <span>{group}</span>
                </th>
            </tr>
            {list(ids, move |id| view! { <CriterionRow id=id selected=selected /> }.into_any())}
        </tbody>
    }
}

/// One criterion: its name, weight share and a cell per provider.
#[component]
fn CriterionRow(id: String, selected: Selected) -> impl IntoView {
    let live = expect_context::<Live>();
    let crit = live.criterion(&id);
    let cid = id.clone();
    let share = move || {
        crit.with(|c| {
            c.as_ref()
                .map(|c| format!("{:.1}%", c.share))
                .unwrap_or_default()
        })
    };
    let share_line = move || format!("{} of the total", share());
    view! {
        <tr>
            <th scope="row" class="sc-crit-col">
                // The cells take their names from this span: the name, not the share.
                <span id=dom_id("sc-c", &id)>
                    {text(move || {
                        crit.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default())
                    })}
                </span>
                // The share under the name, shown instead of its column on a phone (CSS):
                // the column left room for one provider and a half.
                <span class="sc-crit-share">{text(share_line)}</span>
            </th>
            <td class="sc-weight-col">{text(share)}</td>
            {list(
                move || live.providers.get(),
                move |pid| {
                    view! { <GridCell provider=pid criterion=cid.clone() selected=selected /> }
                        .into_any()
                },
            )}
        </tr>
    }
}
