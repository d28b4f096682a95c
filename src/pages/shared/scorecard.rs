//! A scorecard opened from a share link: the ranking, every score and note, and adding it as an
//! evaluator's card or as a new workspace.

use leptos::prelude::*;

use super::SaveAsNew;
use crate::browser::clock::{fresh_id, now_ms};
use crate::browser::share::leave_link_for_href;
use crate::browser::state::{IncomingCard, Lib};
use crate::components::unique_id;
use crate::domain::documents::workspace_from_card;
use crate::domain::route::Route;
use crate::domain::scorecard::card_file::CardFile;
use crate::domain::scorecard::scoring::{self, Place};
use crate::domain::scorecard::sensitivity::points;
use crate::domain::scorecard::tab::Tab;
use crate::domain::text::possessive;

/// A shared scorecard: the ranking and every score, and two ways to keep it.
#[component]
pub fn SharedScorecard(card: CardFile) -> impl IntoView {
    let sc = card.scorecard();
    let results = scoring::results(&sc, &card.providers);
    let ranking = results
        .standings
        .iter()
        .map(|s| {
            let (rank, status) = match &s.place {
                Place::Ranked(r) => (
                    r.to_string(),
                    format!("{} of {} criteria scored", s.scored, results.criteria),
                ),
                Place::KnockedOut => (
                    "–".to_owned(),
                    format!("Knocked out: {}", s.knock_outs.join("; ")),
                ),
                Place::NotScored => ("–".to_owned(), "Not scored yet".to_owned()),
            };
            let total = s.total.map(points).unwrap_or_else(|| "–".into());
            view! {
                <tr>
                    <td data-label="Rank">{rank}</td>
                    <th scope="row">{s.provider.name.clone()}</th>
                    <td class="num" data-label="Total (of 100)">{total}</td>
                    <td data-label="Status">{status}</td>
                </tr>
            }
        })
        .collect_view();
    let stored = StoredValue::new(card.clone());
    let build = Callback::new(move |()| {
        stored.with_value(|c| workspace_from_card(c, fresh_id(), now_ms(), fresh_id))
    });
    let heading = format!("{} scores", possessive(&display(&card.evaluator)));
    view! {
        <section class="panel" aria-labelledby="shared-sc-title">
            <h2 id="shared-sc-title">{heading}</h2>
            <p>{results.sensitivity.line()}</p>
            // Stacked on a phone: four columns made the page scroll sideways at 360 px.
            <table class="shared-table stacked">
                <caption class="visually-hidden">"Ranking"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Rank"</th>
                        <th scope="col">"Provider"</th>
                        <th scope="col" class="num">"Total (of 100)"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>{ranking}</tbody>
            </table>
        </section>
        // Before the scores of every criterion, which run five screens on a phone.
        <section class="panel" aria-labelledby="shared-keep-title">
            <h2 id="shared-keep-title">"Keep it"</h2>
            <AddAsEvaluator card=card.clone() />
            <p class="hint">
                "Or start a new workspace with these providers, criteria and weights. These scores \
                    come in as this evaluator's card, and you score on your own."
            </p>
            <SaveAsNew make=build then=Route::Scorecard />
        </section>
        <ScoreTable card=card />
    }
}

fn display(name: &str) -> String {
    if name.trim().is_empty() {
        "The evaluator".into()
    } else {
        name.trim().to_owned()
    }
}

/// Every score and note, criteria down and providers across.
#[component]
fn ScoreTable(card: CardFile) -> impl IntoView {
    let weights: Vec<f64> = card.criteria.iter().map(|c| c.weight.get()).collect();
    let shares = scoring::display_shares(&weights);
    let head = card
        .providers
        .iter()
        .map(|p| view! { <th scope="col">{p.name.clone()}</th> })
        .collect_view();
    let rows = card
        .criteria
        .iter()
        .zip(shares)
        .map(|(c, share)| {
            let cells = card
                .providers
                .iter()
                .map(|p| {
                    let cell = card.cells.get(&p.id).and_then(|row| row.get(&c.id));
                    let score = cell
                        .and_then(|x| x.score)
                        .map(|s| s.label())
                        .unwrap_or_else(|| "–".into());
                    let note = cell.map(|x| x.note.clone()).unwrap_or_default();
                    view! {
                        <td>
                            <strong>{score}</strong>
                            " "
                            <span class="hint">{note}</span>
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{c.name.clone()}</th>
                    <td class="num">{format!("{share:.1}%")}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="shared-scores-title">
            <h2 id="shared-scores-title">"Scores and notes"</h2>
            <div
                class="table-scroll"
                tabindex="0"
                role="region"
                aria-label="Scores and notes table"
            >
                <table class="shared-table">
                    <thead>
                        <tr>
                            <th scope="col">"Criterion"</th>
                            <th scope="col" class="num">"Share"</th>
                            {head}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Merges the card into a chosen workspace's scorecard, through the usual import preview.
#[component]
fn AddAsEvaluator(card: CardFile) -> impl IntoView {
    let lib = Lib::get();
    let incoming = expect_context::<IncomingCard>();
    let target = RwSignal::new(lib.0.with_untracked(|l| l.active_id().to_owned()));
    let select_id = unique_id("target-ws");
    let options = lib.0.with_untracked(|l| {
        l.workspaces()
            .iter()
            .map(|w| {
                view! {
                    <option value=w.id.clone() selected=w.id == l.active_id()>
                        {w.display_name().to_owned()}
                    </option>
                }
            })
            .collect_view()
    });
    let stored = StoredValue::new(card);
    let add = move |_| {
        lib.0.update(|l| {
            l.switch(&target.get_untracked());
        });
        incoming.0.set(Some(stored.get_value()));
        leave_link_for_href(&Tab::Evaluators.href());
    };
    view! {
        <div class="share-row">
            <div class="field">
                <label for=select_id.clone()>"Add as an evaluator to workspace"</label>
                <select id=select_id on:change=move |ev| target.set(event_target_value(&ev))>
                    {options}
                </select>
            </div>
            <button type="button" on:click=add>
                "Add as an evaluator"
            </button>
        </div>
        <p class="hint">
            "You see what matches before anything is merged, and your own scores are never changed."
        </p>
    }
}
