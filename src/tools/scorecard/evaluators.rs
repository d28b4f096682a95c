//! Several evaluators: the evaluator's name; this card's complete and blind settings and export;
//! the imported cards with what did not match; and the import and merge views.

use leptos::prelude::*;

use super::import::ImportCard;
use super::live::doc;
use super::merge::MergeView;
use super::sig::{error_text, flag, list, show, text};
use crate::browser::clock::{format_time, fresh_id, now_ms};
use crate::browser::download::offer;
use crate::browser::state::{Lib, Notices};
use crate::components::confirm::ConfirmDialog;
use crate::components::unique_id;
use crate::domain::scorecard::card_file::{card_file, encode, file_name};
use crate::domain::scorecard::edit::ScorecardEdit;
use crate::domain::scorecard::model::MAX_NAME_CHARS;

/// Whose card this is; shown on every view so a shared laptop is not mixed up.
#[component]
pub fn EvaluatorName() -> impl IntoView {
    let lib = Lib::get();
    let doc = doc();
    let id = unique_id("sc-evaluator");
    let error = RwSignal::new(None::<&'static str>);
    let current = move || lib.0.with(|l| l.active().scorecard.evaluator.clone());
    view! {
        <div class="panel sc-evaluator">
            <div class="field">
                <label for=id.clone()>"Your name (evaluator)"</label>
                <input
                    id=id
                    type="text"
                    autocomplete="name"
                    maxlength=MAX_NAME_CHARS.to_string()
                    prop:value=current
                    on:input=move |ev| {
                        let name = ScorecardEdit::Evaluator(event_target_value(&ev));
                        error.set(doc.typed("evaluator", name).err().map(|e| e.message()));
                    }
                />
                <p class="field-error" aria-live="polite">
                    {error_text(error)}
                </p>
            </div>
            <p class="hint">
                "Your name goes on your scorecard file, so colleagues can merge it with theirs."
            </p>
        </div>
    }
}

/// Several evaluators: this card's status, export, import and the merged comparison.
#[component]
pub fn Evaluators() -> impl IntoView {
    let lib = Lib::get();
    let doc = doc();
    let notices = expect_context::<Notices>();
    let sc_flag = move |f: fn(&crate::domain::scorecard::Scorecard) -> bool| {
        flag(move || lib.0.with(|l| f(&l.active().scorecard)))
    };
    let complete_id = unique_id("sc-complete");
    let blind_id = unique_id("sc-blind");
    let export = move |_| {
        let mut file = None;
        doc.note(|sc| sc.stamp_card_id(fresh_id()));
        lib.0.with_untracked(|l| {
            let ws = l.active();
            let card = card_file(&ws.scorecard, &ws.providers, ws.display_name(), now_ms());
            file = Some((file_name(&card.evaluator), encode(&card)));
        });
        if let Some((name, text)) = file {
            offer(notices, &name, "application/json", &text);
        }
    };
    view! {
        <section aria-labelledby="sc-eval-title">
            <h2 id="sc-eval-title">"Evaluators"</h2>
            <p class="hint">
                "Each evaluator scores on their own device, exports their card as a file, and one \
                    person imports the others' files here. Criteria match by their id, so renamed \
                    criteria still merge; providers match by id, then by name."
            </p>
            <div class="panel">
                <h3>"Your card"</h3>
                <div class="sc-check">
                    <input
                        id=complete_id.clone()
                        type="checkbox"
                        prop:checked=sc_flag(|sc| sc.complete)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            doc.send(ScorecardEdit::Complete(on));
                        }
                    />
                    <label for=complete_id>"My card is complete"</label>
                </div>
                <div class="sc-check">
                    <input
                        id=blind_id.clone()
                        type="checkbox"
                        prop:checked=sc_flag(|sc| sc.blind)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            doc.send(ScorecardEdit::Blind(on));
                        }
                    />
                    <label for=blind_id>
                        "Blind mode: hide other evaluators' scores until my card is complete"
                    </label>
                </div>
                <p class="sc-status" aria-live="polite">
                    {text(move || {
                        lib.0
                            .with(|l| {
                                let sc = &l.active().scorecard;
                                if sc.others.is_empty() {
                                    String::new()
                                } else if sc.others_visible() {
                                    match sc.others.len() {
                                        1 => "Showing the scores of 1 other evaluator.".to_owned(),
                                        n => format!("Showing the scores of {n} other evaluators."),
                                    }
                                } else {
                                    match sc.others.len() {
                                        1 => {
                                            "1 other evaluator's card is hidden until you mark \
                                                your card complete."
                                                .to_owned()
                                        }
                                        n => {
                                            format!(
                                                "{n} other evaluators' cards are hidden until you \
                                                    mark your card complete.",
                                            )
                                        }
                                    }
                                }
                            })
                    })}
                </p>
                <button type="button" on:click=export>
                    "Export my scorecard"
                </button>
            </div>
            <ImportCard />
            <CardList />
            <MergeView />
        </section>
    }
}

/// The imported cards, with what could not be matched and a remove button.
#[component]
fn CardList() -> impl IntoView {
    let lib = Lib::get();
    let doc = doc();
    let doomed = RwSignal::new(None::<String>);
    let confirm_open = RwSignal::new(false);
    let cards = move || {
        lib.0.with(|l| {
            l.active()
                .scorecard
                .others
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let doomed_name = move || {
        let id = doomed.get().unwrap_or_default();
        lib.0.with(|l| {
            l.active()
                .scorecard
                .others
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.evaluator.clone())
                .unwrap_or_default()
        })
    };
    let remove = Callback::new(move |()| {
        if let Some(id) = doomed.get_untracked() {
            doc.send(ScorecardEdit::RemoveCard(id));
        }
    });
    view! {
        {show(
            move || lib.0.with(|l| !l.active().scorecard.others.is_empty()),
            move || {
                view! {
                    <div class="panel">
                        <h3>"Imported cards"</h3>
                        <ul class="sc-cards">
                            {list(
                                cards,
                                move |id| {
                                    view! {
                                        <CardItem id=id doomed=doomed confirm_open=confirm_open />
                                    }
                                        .into_any()
                                },
                            )}
                        </ul>
                    </div>
                }
                    .into_any()
            },
        )}
        <ConfirmDialog
            open=confirm_open
            title=Signal::derive(move || format!("Remove the card of {}?", doomed_name()))
            message="Their scores leave the comparison. Agreed scores you already set stay. You can import their file again."
            confirm_label="Remove card"
            on_confirm=remove
        />
    }
}

/// One imported card: who, what it holds, what did not match, and a remove button.
#[component]
fn CardItem(
    id: String,
    doomed: RwSignal<Option<String>>,
    confirm_open: RwSignal<bool>,
) -> impl IntoView {
    let lib = Lib::get();
    let card_id = id.clone();
    let info = Memo::new(move |_| {
        lib.0.with(|l| {
            l.active()
                .scorecard
                .others
                .iter()
                .find(|c| c.id == card_id)
                .map(|c| (c.evaluator.clone(), card_lines(c)))
        })
    });
    let name = text(move || info.with(|i| i.as_ref().map(|i| i.0.clone()).unwrap_or_default()));
    view! {
        <li>
            <strong>{name}</strong>
            {move || {
                info.with(|i| {
                    i.as_ref()
                        .map(|i| {
                            i.1
                                .iter()
                                .map(|l| view! { <p class="hint">{l.clone()}</p> })
                                .collect_view()
                        })
                })
            }}
            <button
                type="button"
                class="secondary danger small"
                on:click=move |_| {
                    doomed.set(Some(id.clone()));
                    confirm_open.set(true);
                }
            >
                "Remove"
                <span class="visually-hidden">" the card of " {name}</span>
            </button>
        </li>
    }
}

fn card_lines(c: &crate::domain::scorecard::OtherCard) -> Vec<String> {
    let cells: usize = c.cells.values().map(|r| r.len()).sum();
    let mut lines = vec![format!(
        "{} · {} · imported {}",
        if cells == 1 {
            "1 score or note".to_owned()
        } else {
            format!("{cells} scores or notes")
        },
        if c.complete {
            "complete"
        } else {
            "not marked complete"
        },
        format_time(c.imported_ms)
    )];
    if !c.unmatched.criteria.is_empty() {
        lines.push(format!(
            "Criteria not in this scorecard: {}",
            c.unmatched.criteria.join(", ")
        ));
    }
    if !c.unmatched.providers.is_empty() {
        lines.push(format!(
            "Providers not in this workspace: {}",
            c.unmatched.providers.join(", ")
        ));
    }
    if c.unmatched.cells > 0 {
        lines.push(format!(
            "{} of its scores or notes are not shown because of them.",
            c.unmatched.cells
        ));
    }
    lines
}
