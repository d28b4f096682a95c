//! The Results view: the verdict, the ranking and its settings, the chart and group subtotals.

use leptos::prelude::*;

use super::chart::ResultsChart;
use super::live::Live;
use super::sig::{flag, show, show_or, text};
use crate::browser::state::Lib;
use crate::components::by_content::column_heads;
use crate::components::number_text::NumberText;
use crate::components::unique_id;
use crate::domain::input::{micros, micros_text};
use crate::domain::scorecard::edit::ScorecardEdit;
use crate::domain::scorecard::knockout::by_others_phrase;
use crate::domain::scorecard::model::parse_margin;
use crate::domain::scorecard::model::Basis;
use crate::domain::scorecard::scoring::{Place, Results, Standing};
use crate::domain::scorecard::sensitivity::{points, Verdict};

/// The ranking, the sensitivity verdict, the chart and the group subtotals.
#[component]
pub fn ResultsView() -> impl IntoView {
    let live = expect_context::<Live>();
    let results = live.results;
    view! {
        <section aria-labelledby="sc-results-title">
            <h2 id="sc-results-title">"Results"</h2>
            <VerdictPanel />
            <ResultSettings />
            {show_or(
                move || live.providers.with(|p| !p.is_empty()),
                move || {
                    view! {
                        <h3>"Ranking"</h3>
                        <div
                            class="sc-table-wrap"
                            tabindex="0"
                            role="region"
                            aria-label="Ranking table"
                        >
                            <table class="sc-table sc-ranking stacked">
                                <thead>{column_heads(RANKING, RANKING_NUM)}</thead>
                                <tbody>
                                    {move || {
                                        results
                                            .with(|r| {
                                                r.standings
                                                    .iter()
                                                    .map(|s| ranking_row(s, r.criteria))
                                                    .collect_view()
                                            })
                                    }}
                                </tbody>
                            </table>
                        </div>
                        <h3>"By group"</h3>
                        <ResultsChart />
                        <GroupTable results=results />
                    }
                        .into_any()
                },
                || {
                    view! {
                        <p class="empty">
                            "Add the providers you are evaluating above to see the ranking, the \
                                chart and the group subtotals."
                        </p>
                    }
                        .into_any()
                },
            )}
            <crate::components::brief_link::BriefLink />
        </section>
    }
}

/// The ranking's columns; each figure carries its column's name for narrow screens, which
/// stack a provider's row (`data-label`).
const RANKING: [&str; 6] = [
    "Rank",
    "Provider",
    "Total (0 to 100)",
    "Lead over next",
    "Scored",
    "Status",
];
const RANKING_NUM: [bool; 6] = [false, false, true, true, true, false];

fn ranking_row(s: &Standing, criteria: usize) -> impl IntoView {
    let rank = s
        .rank()
        .map(|r| r.to_string())
        .unwrap_or_else(|| "–".into());
    let status = match &s.place {
        Place::Ranked(_) if !s.knock_outs.is_empty() => {
            format!("Knocked out (shown anyway): {}", s.knock_outs.join("; "))
        }
        Place::Ranked(_) if s.scored < criteria => {
            format!("{} criteria not scored yet", criteria - s.scored)
        }
        Place::Ranked(_) => "Complete".into(),
        Place::KnockedOut => format!("Disqualified: {}", s.knock_outs.join("; ")),
        Place::NotScored => "No weighted scores yet".into(),
    };
    let status = if s.flagged_by_others.is_empty() {
        status
    } else {
        format!(
            "{status}. Red flags on other cards: {}",
            by_others_phrase(&s.flagged_by_others)
        )
    };
    view! {
        <tr class:sc-out=matches!(s.place, Place::KnockedOut)>
            <td data-label=RANKING[0]>{rank}</td>
            <th scope="row">{s.provider.name.clone()}</th>
            <td class="num" data-label=RANKING[2]>
                {s.total.map(points).unwrap_or_else(|| "–".into())}
            </td>
            <td class="num" data-label=RANKING[3]>
                {s.margin.map(points).unwrap_or_else(|| "–".into())}
            </td>
            <td class="num" data-label=RANKING[4]>
                {format!("{} of {criteria}", s.scored)}
            </td>
            <td data-label=RANKING[5]>{status}</td>
        </tr>
    }
}

/// The plain verdict line and the weight-sensitivity finding, announced when they change.
#[component]
fn VerdictPanel() -> impl IntoView {
    let live = expect_context::<Live>();
    let results = live.results;
    let tone = move || {
        results.with(|r| match r.sensitivity.verdict {
            Verdict::ClearWinner => "panel sc-verdict clear",
            Verdict::TooClose(_) => "panel sc-verdict close",
            Verdict::NotEnough => "panel sc-verdict",
        })
    };
    let incomplete = move || {
        results.with(|r| {
            let missing: Vec<String> = r
                .ranked()
                .filter(|s| s.scored < r.criteria)
                .map(|s| s.provider.name.clone())
                .collect();
            (!missing.is_empty()).then(|| {
                format!(
                    "Not every criterion is scored for {}; totals cover the scored criteria only.",
                    missing.join(", ")
                )
            })
        })
    };
    let knocked = move || {
        results.with(|r| {
            let out: Vec<String> = r
                .standings
                .iter()
                .filter(|s| s.place == Place::KnockedOut)
                .map(|s| s.provider.name.clone())
                .collect();
            (!out.is_empty()).then(|| {
                format!(
                    "Left out of the ranking as knocked out: {}.",
                    out.join(", ")
                )
            })
        })
    };
    // A panel member's knock-out is not the ranking's until this card ticks it too.
    let flagged = move || {
        results.with(|r| {
            let named: Vec<String> = r
                .standings
                .iter()
                .filter(|s| !s.flagged_by_others.is_empty())
                .map(|s| {
                    format!(
                        "{} ({})",
                        s.provider.name,
                        by_others_phrase(&s.flagged_by_others)
                    )
                })
                .collect();
            (!named.is_empty()).then(|| {
                format!(
                    "Other evaluators ticked red flags for providers your card keeps in the \
                     ranking: {}. Only a flag ticked on your card (Knock-outs) leaves a \
                     provider out.",
                    named.join("; ")
                )
            })
        })
    };
    view! {
        <div class=tone aria-live="polite" data-testid="sc-verdict">
            <p class="sc-verdict-line">
                <strong>{text(move || results.with(|r| r.sensitivity.line()))}</strong>
            </p>
            <p>{text(move || results.with(|r| r.sensitivity.weight_line().unwrap_or_default()))}</p>
            <p class="hint">{incomplete}</p>
            <p class="hint">{knocked}</p>
            <p class="hint">{flagged}</p>
        </div>
    }
}

/// The closeness threshold, showing knocked-out providers, and the ranking basis.
#[component]
fn ResultSettings() -> impl IntoView {
    let lib = Lib::get();
    let live = expect_context::<Live>();
    let margin_id = unique_id("sc-margin");
    let show_id = unique_id("sc-show-ko");
    let basis_id = unique_id("sc-basis");
    let sc_get = move |f: fn(&crate::domain::scorecard::Scorecard) -> bool| {
        flag(move || lib.0.with(|l| f(&l.active().scorecard)))
    };
    // In millionths, as a weight: a refused entry ("60" over 50) leaves the margin it began from.
    let margin = NumberText::new(
        &margin_id,
        Signal::stored("Too close to call under (points)".to_owned()),
        Signal::derive(move || lib.0.with(|l| micros(l.active().scorecard.close_margin))),
        Callback::new(move |micros| {
            let margin = ScorecardEdit::CloseMargin(micros_text(micros));
            let _ = live.doc.typed("margin", margin);
        }),
        Callback::new(|t: String| {
            parse_margin(&t)
                .map(micros)
                .map_err(|e| e.message().to_owned())
        }),
        micros_text,
    );
    view! {
        <div class="sc-settings">
            <div class="field">
                <label for=margin_id.clone()>"Too close to call under (points)"</label>
                <input
                    id=margin_id
                    type="text"
                    inputmode="decimal"
                    value=margin.text.get_untracked()
                    prop:value=margin.text
                    on:input=move |ev| margin.input(ev)
                    on:blur=move |_| margin.blur()
                    aria-invalid=move || margin.invalid()
                />
                <p class="field-error" aria-live="polite">
                    {margin.error}
                </p>
            </div>
            <div class="sc-check">
                <input
                    id=show_id.clone()
                    type="checkbox"
                    prop:checked=sc_get(|sc| sc.show_knocked_out)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        live.doc.send(ScorecardEdit::ShowKnockedOut(on));
                    }
                />
                <label for=show_id>"Show knocked-out providers in the ranking anyway"</label>
            </div>
            {show(
                move || live.others_shown.get(),
                move || {
                    view! {
                        <div class="field">
                            <label for=basis_id
                                .clone()>"Where no agreed score is set, rank by"</label>
                            <select
                                id=basis_id.clone()
                                on:change=move |ev| {
                                    let basis = if event_target_value(&ev) == "mean" {
                                        Basis::Mean
                                    } else {
                                        Basis::Mine
                                    };
                                    live.doc.send(ScorecardEdit::Basis(basis));
                                }
                            >
                                <option value="mine" selected=sc_get(|sc| sc.basis == Basis::Mine)>
                                    "My scores"
                                </option>
                                <option value="mean" selected=sc_get(|sc| sc.basis == Basis::Mean)>
                                    "The mean of all evaluators"
                                </option>
                            </select>
                        </div>
                    }
                        .into_any()
                },
            )}
        </div>
    }
}

/// Subtotals per group (rows) and provider (columns), ranked providers first.
#[component]
fn GroupTable(results: RwSignal<Results>) -> impl IntoView {
    view! {
        <div class="sc-table-wrap" tabindex="0" role="region" aria-label="Subtotals by group">
            <table class="sc-table">
                <caption class="visually-hidden">"Subtotals by group, 0 to 100"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Group"</th>
                        {move || {
                            results
                                .with(|r| {
                                    r.standings
                                        .iter()
                                        .map(|s| s.provider.name.clone())
                                        .map(|n| view! { <th scope="col" class="num">{n}</th> })
                                        .collect_view()
                                })
                        }}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        results
                            .with(|r| {
                                r.groups
                                    .iter()
                                    .enumerate()
                                    .map(|(g, name)| {
                                        let cells = r
                                            .standings
                                            .iter()
                                            .map(|s| {
                                                let v = s
                                                    .groups
                                                    .get(g)
                                                    .copied()
                                                    .flatten()
                                                    .map(points)
                                                    .unwrap_or_else(|| "–".into());
                                                view! { <td class="num">{v}</td> }
                                            })
                                            .collect_view();
                                        view! {
                                            <tr>
                                                <th scope="row">{name.clone()}</th>
                                                {cells}
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </tbody>
            </table>
        </div>
    }
}
