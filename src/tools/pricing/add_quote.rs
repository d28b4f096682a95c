//! The form that adds a quote, for a provider already in the workspace or a new one.

use leptos::prelude::*;

use crate::browser::clock::fresh_id;
use crate::browser::state::Lib;
use crate::components::change_note::ChangeNote;
use crate::components::{focus_later, unique_id};
use crate::domain::pricing::{AddError, Pick};
use crate::domain::provider::{self, MAX_PROVIDER_NAME_CHARS};

/// The value of the "new provider" choice in the provider list.
const NEW: &str = "";

/// Adds a quote: from a provider already in the workspace (the scorecard's list) that
/// has no quote yet, or from a new provider typed here and added to that list.
#[component]
pub fn AddQuoteForm() -> impl IntoView {
    let lib = Lib::get();
    let doc = super::doc();
    let unquoted = Memo::new(move |_| {
        lib.0.with(|l| {
            let ws = l.active();
            ws.pricing
                .unquoted(&ws.providers)
                .into_iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let picked = RwSignal::new(None::<String>);
    // The choice in effect: the one picked if still available, else the first provider
    // without a quote, else a new provider.
    let choice = Memo::new(move |_| {
        let list = unquoted.get();
        match picked.get() {
            Some(id) if id == NEW || list.iter().any(|(p, _)| *p == id) => id,
            _ => list.first().map_or(NEW.to_owned(), |(id, _)| id.clone()),
        }
    });
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // Gone at the next change, so an undo does not leave "added" behind.
    let status = ChangeNote::new(lib);
    let select_id = unique_id("provider");
    let name_id = unique_id("provider-name");
    let error_id = format!("{name_id}-error");
    let error_ref = error_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pick = match choice.get_untracked() {
            id if id == NEW => Pick::New(name.get_untracked()),
            id => Pick::Existing(id),
        };
        let new_id = fresh_id();
        // One undo step: undo takes the quote back (a new provider stays in the list).
        let mut outcome = Err(AddError::UnknownProvider);
        doc.change_workspace(None, |ws| {
            outcome = ws.pricing.add_quote(&mut ws.providers, pick, new_id);
            outcome.is_ok()
        });
        match outcome {
            Ok(id) => {
                let added = lib.0.with_untracked(|l| {
                    provider::name_of(&l.active().providers, &id)
                        .unwrap_or_default()
                        .to_owned()
                });
                error.set(None);
                name.set(String::new());
                picked.set(None);
                status.say(format!("Quote from {added} added."));
                focus_later(crate::domain::anchor::quote(&id));
            }
            Err(e) => error.set(Some(e.message().to_owned())),
        }
    };
    view! {
        <form class="add-quote no-print" on:submit=submit>
            <h3>"Add a quote"</h3>
            <div class="add-row">
                <Show when=move || !unquoted.with(Vec::is_empty)>
                    <div class="field">
                        <label for=select_id.clone()>"Provider"</label>
                        <select
                            id=select_id.clone()
                            on:change=move |ev| picked.set(Some(event_target_value(&ev)))
                        >
                            <For
                                each=move || unquoted.get()
                                key=|(id, name)| (id.clone(), name.clone())
                                let((id, label))
                            >
                                <option
                                    value=id.clone()
                                    selected={
                                        let id = id.clone();
                                        move || choice.get() == id
                                    }
                                >
                                    {label}
                                </option>
                            </For>
                            <option value=NEW selected=move || choice.get() == NEW>
                                "A new provider…"
                            </option>
                        </select>
                    </div>
                </Show>
                <Show when=move || choice.get() == NEW>
                    <div class="field">
                        <label for=name_id.clone()>"New provider name"</label>
                        <input
                            id=name_id.clone()
                            type="text"
                            maxlength=MAX_PROVIDER_NAME_CHARS.to_string()
                            autocomplete="organization"
                            prop:value=name
                            on:input=move |ev| name.set(event_target_value(&ev))
                            aria-invalid=move || error.get().map(|_| "true")
                            aria-describedby=error_ref.clone()
                        />
                    </div>
                </Show>
                <button type="submit">"Add quote"</button>
            </div>
            <Show when=move || !unquoted.with(Vec::is_empty)>
                <p class="hint">
                    "Providers from the scorecard are listed until they have a quote."
                </p>
            </Show>
            <p class="field-error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
            <p class="visually-hidden" aria-live="polite">
                {move || status.text()}
            </p>
        </form>
    }
}
