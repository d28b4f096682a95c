//! Compare evaluators: every evaluator's scores for one provider, with mean, spread,
//! disagreements and the agreed score the lead sets.

use leptos::prelude::*;

use super::live::{doc, Live};
use super::sig::{flag, list, show, show_or, text};
use crate::browser::state::Lib;
use crate::components::unique_id;
use crate::domain::scorecard::agreement::{cell_stats, disagreements};
use crate::domain::scorecard::edit::ScorecardEdit;
use crate::domain::scorecard::model::Score;
use crate::domain::scorecard::sensitivity::number;

#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: String,
    name: String,
    /// Each evaluator's name and score: the name labels the score where the table
    /// stacks on a phone.
    scores: Vec<(String, String)>,
    mean: String,
    spread: String,
    disagree: bool,
    agreed: Option<Score>,
}

/// Every evaluator's scores for one provider, with mean, spread, disagreements and the
/// agreed score the lead sets (which then drives the ranking).
#[component]
pub fn MergeView() -> impl IntoView {
    let lib = Lib::get();
    let live = expect_context::<Live>();
    let has_others = move || lib.0.with(|l| !l.active().scorecard.others.is_empty());
    view! {
        {show(
            has_others,
            move || {
                view! {
                    <div class="panel sc-merge">
                        <h3>"Compare evaluators"</h3>
                        {show_or(
                            move || live.others_shown.get(),
                            move || view! { <MergeTable /> }.into_any(),
                            || {
                                view! {
                                    <p class="sc-blind" role="status">
                                        "Blind mode is on: other evaluators' scores stay hidden \
                                            until you mark your card complete."
                                    </p>
                                }
                                    .into_any()
                            },
                        )}
                    </div>
                }
                    .into_any()
            },
        )}
    }
}

/// The evaluators in the order of their columns: this card's first, then the merged ones.
fn evaluator_names(sc: &crate::domain::scorecard::model::Scorecard) -> Vec<String> {
    let me = if sc.evaluator.trim().is_empty() {
        "You".to_owned()
    } else {
        format!("{} (you)", sc.evaluator.trim())
    };
    std::iter::once(me)
        .chain(sc.others.iter().map(|o| o.evaluator.clone()))
        .collect()
}

#[component]
fn MergeTable() -> impl IntoView {
    let lib = Lib::get();
    let live = expect_context::<Live>();
    let provider = RwSignal::new(
        live.providers
            .get_untracked()
            .first()
            .cloned()
            .unwrap_or_default(),
    );
    let only_disagreements = RwSignal::new(false);
    let select_id = unique_id("sc-merge-provider");
    let only_id = unique_id("sc-only-disagree");
    let evaluators = move || lib.0.with(|l| evaluator_names(&l.active().scorecard));
    let counts = Memo::new(move |_| {
        lib.0
            .with(|l| disagreements(&l.active().scorecard, &l.active().providers))
    });
    let rows = Memo::new(move |_| {
        let pid = provider.get();
        let only = only_disagreements.get();
        lib.0.with(|l| {
            let sc = &l.active().scorecard;
            let names = evaluator_names(sc);
            sc.ordered()
                .into_iter()
                .filter_map(|c| {
                    let stats = cell_stats(sc, &pid, &c.id);
                    if only && !stats.disagree {
                        return None;
                    }
                    Some(Row {
                        id: c.id.clone(),
                        name: c.name.clone(),
                        scores: names
                            .iter()
                            .zip(&stats.scores)
                            .map(|(name, s)| {
                                let score = s.map(Score::label).unwrap_or_else(|| "–".into());
                                (name.clone(), score)
                            })
                            .collect(),
                        mean: stats.mean.map(number).unwrap_or_else(|| "–".into()),
                        spread: stats
                            .spread
                            .map(|s| s.to_string())
                            .unwrap_or_else(|| "–".into()),
                        disagree: stats.disagree,
                        agreed: sc.agreed(&pid, &c.id),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="sc-merge-controls">
            <div class="field">
                <label for=select_id.clone()>"Provider"</label>
                <select id=select_id on:change=move |ev| provider.set(event_target_value(&ev))>
                    {list(
                        move || live.providers.get(),
                        move |id| {
                            let name = live.name(&id);
                            let label = text({
                                let id = id.clone();
                                move || match counts.with(|c| c.get(&id).copied().unwrap_or(0)) {
                                    0 => name.get(),
                                    1 => format!("{} (1 disagreement)", name.get()),
                                    n => format!("{} ({n} disagreements)", name.get()),
                                }
                            });
                            view! {
                                <option
                                    value=id.clone()
                                    selected=flag(move || provider.get() == id)
                                >
                                    {label}
                                </option>
                            }
                                .into_any()
                        },
                    )}
                </select>
            </div>
            <div class="sc-check">
                <input
                    id=only_id.clone()
                    type="checkbox"
                    prop:checked=only_disagreements
                    on:change=move |ev| only_disagreements.set(event_target_checked(&ev))
                />
                <label for=only_id>"Only disagreements (2 or more points apart)"</label>
            </div>
        </div>
        <p class="sc-status" aria-live="polite" data-testid="sc-disagreements">
            {move || {
                let n = counts.with(|c| c.get(&provider.get()).copied().unwrap_or(0));
                match n {
                    0 => "No disagreements for this provider.".to_owned(),
                    1 => "1 disagreement for this provider.".to_owned(),
                    n => format!("{n} disagreements for this provider."),
                }
            }}
        </p>
        <div class="sc-table-wrap" tabindex="0" role="region" aria-label="Scores by evaluator">
            <table class="sc-table sc-merge-table stacked">
                <thead>
                    <tr>
                        <th scope="col">"Criterion"</th>
                        {move || {
                            evaluators()
                                .into_iter()
                                .map(|e| view! { <th scope="col" class="num">{e}</th> })
                                .collect_view()
                        }}
                        <th scope="col" class="num">"Mean"</th>
                        <th scope="col" class="num">"Spread"</th>
                        <th scope="col">"Agreed"</th>
                    </tr>
                </thead>
                <tbody>
                    {list(
                        move || rows.with(|r| r.iter().map(|x| x.id.clone()).collect()),
                        move |id| {
                            view! { <MergeRow id=id rows=rows provider=provider /> }.into_any()
                        },
                    )}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn MergeRow(id: String, rows: Memo<Vec<Row>>, provider: RwSignal<String>) -> impl IntoView {
    let cid = id.clone();
    let row = Memo::new(move |_| rows.with(|r| r.iter().find(|x| x.id == cid).cloned()));
    let get = move |f: fn(&Row) -> String| {
        text(move || row.with(|r| r.as_ref().map(f).unwrap_or_default()))
    };
    let id = StoredValue::new(id);
    let doc = doc();
    let on_agree = move |ev| {
        let value = event_target_value(&ev);
        let score = Score::parse(&value);
        let (provider, criterion) = (provider.get_untracked(), id.get_value());
        doc.send(ScorecardEdit::Agreed {
            provider,
            criterion,
            score,
        });
    };
    let selected = move |key: String| {
        flag(move || {
            row.with(|r| {
                r.as_ref()
                    .and_then(|r| r.agreed)
                    .map(Score::key)
                    .unwrap_or_default()
                    == key
            })
        })
    };
    view! {
        <tr class:sc-disagree=flag(move || row.with(|r| r.as_ref().is_some_and(|r| r.disagree)))>
            <th scope="row">
                {get(|r| r.name.clone())}
                {show(
                    move || row.with(|r| r.as_ref().is_some_and(|r| r.disagree)),
                    move || {
                        view! { <span class="sc-disagree-tag">"Disagreement"</span> }.into_any()
                    },
                )}
            </th>
            {move || {
                row.with(|r| {
                    r.as_ref()
                        .map(|r| {
                            r.scores
                                .iter()
                                .map(|(name, score)| {
                                    view! {
                                        <td class="num" data-label=name.clone()>
                                            {score.clone()}
                                        </td>
                                    }
                                })
                                .collect_view()
                        })
                })
            }}
            <td class="num" data-label="Mean">
                {get(|r| r.mean.clone())}
            </td>
            <td class="num" data-label="Spread">
                {get(|r| r.spread.clone())}
            </td>
            <td data-label="Agreed">
                <select
                    aria-label=get(|r| format!("Agreed score for {}", r.name))
                    on:change=on_agree
                >
                    <option value="" selected=selected(String::new())>
                        "Not set"
                    </option>
                    {Score::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s.key() selected=selected(s.key())>
                                    {s.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </td>
        </tr>
    }
}
