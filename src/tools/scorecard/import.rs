//! Importing another evaluator's scorecard file (picked, dropped or from a share link): a preview
//! of what matches, then the merge.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::browser::clock::{format_time, fresh_id, now_ms};
use crate::browser::state::{IncomingCard, Lib};
use crate::components::{focus_later, unique_id};
use crate::domain::limits::{file_hint, MAX_FILE_BYTES};
use crate::domain::scorecard::card_file::{self, CardError, CardFile};
use crate::domain::scorecard::merge::{self, Applied, Options, Plan};
use crate::domain::text::possessive;

/// The preview's heading, focused when a card arrives so it is not missed below the fold.
const PREVIEW_HEADING: &str = "sc-import-preview-title";

/// Reads a chosen or dropped file and decodes it as a scorecard.
fn read_file(
    file: web_sys::File,
    pending: RwSignal<Option<CardFile>>,
    error: RwSignal<Option<String>>,
) {
    if file.size() > MAX_FILE_BYTES as f64 {
        error.set(Some(CardError::TooLarge.message()));
        return;
    }
    spawn_local(async move {
        let text = match JsFuture::from(file.text()).await {
            Ok(v) => v.as_string().unwrap_or_default(),
            Err(_) => {
                error.set(Some("The browser could not read this file.".into()));
                return;
            }
        };
        match card_file::decode(&text) {
            Ok(card) => {
                error.set(None);
                pending.set(Some(card));
            }
            Err(e) => {
                pending.set(None);
                error.set(Some(e.message()));
            }
        }
    });
}

fn summary(a: &Applied) -> String {
    let mut parts = vec![format!(
        "{} {} card: {} scores and notes shown.",
        if a.replaced { "Updated" } else { "Merged" },
        possessive(&a.evaluator),
        a.cells
    )];
    if a.added_criteria > 0 || a.added_providers > 0 {
        parts.push(format!(
            "Added {} criteria and {} providers.",
            a.added_criteria, a.added_providers
        ));
    }
    if !a.unmatched.is_empty() {
        parts.push(format!(
            "Not matched: {}, {}, {}; they are listed under Imported cards.",
            count(a.unmatched.criteria.len(), "criterion", "criteria"),
            count(a.unmatched.providers.len(), "provider", "providers"),
            count(a.unmatched.cells, "score or note", "scores or notes"),
        ));
    }
    parts.join(" ")
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Import another evaluator's scorecard file: pick or drop it, review the match, merge.
#[component]
pub fn ImportCard() -> impl IntoView {
    let lib = Lib::get();
    let doc = super::live::doc();
    // A card opened from a share link arrives here for the same preview as a file.
    let arrived = expect_context::<IncomingCard>()
        .0
        .try_update(Option::take)
        .flatten();
    let pending = RwSignal::new(arrived);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
    let file_id = unique_id("sc-import");
    let plan = Memo::new(move |_| {
        pending.with(|p| {
            p.as_ref().map(|card| {
                lib.0
                    .with(|l| merge::plan(&l.active().scorecard, &l.active().providers, card))
            })
        })
    });
    Effect::new(move |_| {
        if pending.with(Option::is_some) {
            focus_later(PREVIEW_HEADING.into());
        }
    });
    let on_change = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            done.set(None);
            read_file(file, pending, error);
        }
        // Choosing the same file again should import it again.
        input.set_value("");
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            done.set(None);
            read_file(file, pending, error);
        }
    };
    // The preview goes with its buttons: focus goes back to the file chooser, beside the
    // status that says what was merged, not to the top of the page.
    let back_to_chooser = {
        let id = file_id.clone();
        move || focus_later(id.clone())
    };
    let cancel = {
        let back = back_to_chooser.clone();
        Callback::new(move |()| {
            pending.set(None);
            back();
        })
    };
    let apply = Callback::new(move |options: Options| {
        let Some(card) = pending.get_untracked() else {
            return;
        };
        let mut outcome = None;
        // One step: undo takes the imported card back (providers it added stay listed).
        doc.change_workspace(None, |ws| {
            let merged = merge::apply(
                &mut ws.scorecard,
                &mut ws.providers,
                &card,
                options,
                now_ms(),
                fresh_id,
            );
            let changed = merged.is_ok();
            outcome = Some(merged);
            changed
        });
        match outcome {
            Some(Ok(applied)) => {
                done.set(Some(summary(&applied)));
                pending.set(None);
                back_to_chooser();
            }
            Some(Err(e)) => error.set(Some(e.message().to_owned())),
            None => {}
        }
    });
    view! {
        <div class="panel">
            <h3>"Import another evaluator's card"</h3>
            <div
                class="sc-drop"
                class:dragging=dragging
                on:dragover=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label for=file_id.clone()>"Choose a scorecard file (.json)"</label>
                <input id=file_id type="file" accept=".json,application/json" on:change=on_change />
                <p class="hint">
                    <span class="mouse-only">"Or drop the file here. "</span>
                    "Your own scores are never changed by an import."
                </p>
                <p class="hint">{file_hint()}</p>
            </div>
            <p class="field-error" role="alert">
                {error}
            </p>
            <p class="sc-status" role="status">
                {done}
            </p>
            <ImportPreview
                plan=plan
                on_apply=apply
                on_cancel=cancel
            />
        </div>
    }
}

/// What the import would do, before anything changes.
#[component]
fn ImportPreview(
    plan: Memo<Option<Plan>>,
    on_apply: Callback<Options>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let add_criteria = RwSignal::new(false);
    let add_providers = RwSignal::new(false);
    // Each card starts unticked, except one none of whose providers are here: it keeps
    // nothing unless they are added (a colleague's first merge into an empty workspace
    // kept none of the scores).
    Effect::new(move |_| {
        let none_here = plan.with(|p| {
            p.as_ref().is_some_and(|p| {
                !p.providers.is_empty() && p.providers.iter().all(|m| m.ours.is_none())
            })
        });
        add_providers.set(none_here);
    });
    // The plan changes only when the workspace does; the preview is redrawn whole.
    move || {
        plan.get()
            .map(|p| preview(p, add_criteria, add_providers, on_apply, on_cancel))
    }
}

fn missing_text(missing: &[String]) -> String {
    if missing.len() <= 8 {
        format!(
            "Criteria this card has no scores for: {}.",
            missing.join(", ")
        )
    } else {
        format!(
            "{} of your criteria are not in this card, so it has no scores for them (for example {}).",
            missing.len(),
            missing[..3].join(", ")
        )
    }
}

fn bullets(items: Vec<String>) -> impl IntoView {
    items
        .into_iter()
        .map(|i| view! { <li>{i}</li> })
        .collect_view()
}

/// Said when the card is an older share than the one it would replace (an old email's
/// link opened after a newer one): merging would lose the later scores.
fn older_card(this_ms: i64, held_ms: i64, held_cells: usize, cells: usize) -> impl IntoView {
    let (this, held) = (format_time(this_ms), format_time(held_ms));
    // Times show to the minute: two shares a few seconds apart read the same.
    let when = if this_ms <= 0 {
        format!("was shared before the one you have (shared on {held})")
    } else if this == held {
        format!("was shared less than a minute before the one you have (both on {held})")
    } else {
        format!("was shared on {this}, before the one you have (shared on {held})")
    };
    view! {
        <p class="notice warning">
            {format!(
                "This card {when}. It has {cells} scores and notes, that one {held_cells}. \
                 Merging puts this older card in its place."
            )}
        </p>
    }
}

fn preview(
    p: Plan,
    add_criteria: RwSignal<bool>,
    add_providers: RwSignal<bool>,
    on_apply: Callback<Options>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let (crit_id, prov_id) = (unique_id("sc-add-crit"), unique_id("sc-add-prov"));
    let matched = p.providers.iter().filter(|m| m.ours.is_some()).count();
    let crit_matched = p.criteria.iter().filter(|c| c.matched).count();
    let unmatched_criteria: Vec<String> = p
        .unmatched_criteria()
        .iter()
        .map(|c| format!("{} ({})", c.name, c.group))
        .collect();
    let unmatched_providers: Vec<String> = p
        .unmatched_providers()
        .iter()
        .map(|m| m.name.clone())
        .collect();
    let by_name: Vec<String> = p
        .providers
        .iter()
        .filter(|m| m.by_name)
        .map(|m| m.name.clone())
        .collect();
    let renamed: Vec<String> = p
        .criteria
        .iter()
        .filter_map(|c| {
            c.our_name
                .as_ref()
                .map(|o| format!("“{}” is “{}” here", c.name, o))
        })
        .collect();
    let status = if p.complete {
        "complete"
    } else {
        "not marked complete"
    };
    let own = p.own_card;
    view! {
        <div class="sc-preview" role="region" aria-label="Import preview">
            <h4 id=PREVIEW_HEADING tabindex="-1">
                {format!("Card of {} ({status})", p.evaluator)}
            </h4>
            {own
                .then(|| {
                    view! {
                        <p class="field-error">
                            "This is your own scorecard. Import the file of another evaluator."
                        </p>
                    }
                })}
            <p>
                {format!(
                    "{} scores and notes. Matches {matched} of its {} providers and {crit_matched} of its {} criteria.",
                    p.cells,
                    p.providers.len(),
                    p.criteria.len(),
                )}
            </p>
            {p
                .replaces
                .as_ref()
                .map(|r| {
                    view! { <p>{format!("It replaces the card of {r} imported earlier.")}</p> }
                })}
            {p.replaces_newer.map(|(this, held, cells)| older_card(this, held, cells, p.cells))}
            {(!by_name.is_empty())
                .then(|| view! { <p>{format!("Matched by name: {}", by_name.join(", "))}</p> })}
            {(!renamed.is_empty())
                .then(|| {
                    view! {
                        <p>"Renamed criteria (matched by id):"</p>
                        <ul>{bullets(renamed)}</ul>
                    }
                })}
            {(!unmatched_criteria.is_empty())
                .then(|| {
                    view! {
                        <p>
                            <strong>"Criteria with no match here:"</strong>
                        </p>
                        <ul data-testid="sc-unmatched-criteria">{bullets(unmatched_criteria)}</ul>
                        <div class="sc-check">
                            <input
                                id=crit_id.clone()
                                type="checkbox"
                                prop:checked=add_criteria
                                on:change=move |ev| add_criteria.set(event_target_checked(&ev))
                            />
                            <label for=crit_id>"Add these criteria to my scorecard"</label>
                        </div>
                    }
                })}
            {(!unmatched_providers.is_empty())
                .then(|| {
                    view! {
                        <p>
                            <strong>"Providers with no match here:"</strong>
                        </p>
                        <ul data-testid="sc-unmatched-providers">{bullets(unmatched_providers)}</ul>
                        <div class="sc-check">
                            <input
                                id=prov_id.clone()
                                type="checkbox"
                                prop:checked=add_providers
                                on:change=move |ev| add_providers.set(event_target_checked(&ev))
                            />
                            <label for=prov_id>"Add these providers to the workspace"</label>
                        </div>
                        <p class="hint">
                            "Left unticked, the card's scores for them are not kept. To bring \
                                them in later, add the providers and import this card again."
                        </p>
                    }
                })}
            {(!p.missing_here.is_empty()).then(|| view! { <p>{missing_text(&p.missing_here)}</p> })}
            <div class="row-actions">
                <button
                    type="button"
                    disabled=own
                    on:click=move |_| {
                        on_apply
                            .run(Options {
                                add_criteria: add_criteria.get_untracked(),
                                add_providers: add_providers.get_untracked(),
                            })
                    }
                >
                    {format!("Merge the card of {}", p.evaluator)}
                </button>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
            </div>
        </div>
    }
}
