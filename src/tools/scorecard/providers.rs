//! The providers under evaluation, shared with the pricing comparison: add, rename, delete.

use leptos::prelude::*;

use super::live::Live;
use super::sig::{error_text, invalid, list, show_or, text};
use crate::browser::clock::fresh_id;
use crate::browser::open_docs::open_all;
use crate::browser::state::Lib;
use crate::components::confirm::{ConfirmDialog, Pending};
use crate::components::{focus_by_id, refocus_when_done, unique_id};
use crate::domain::provider::{self, MAX_PROVIDERS, MAX_PROVIDER_NAME_CHARS};

/// The providers under evaluation (shared with the pricing comparison): add, rename,
/// remove with confirmation.
#[component]
pub fn ProvidersPanel() -> impl IntoView {
    let lib = Lib::get();
    let live = expect_context::<Live>();
    let pending = Pending::new();
    let doomed_name = pending.name(move |id| {
        lib.0.with(|l| {
            provider::name_of(&l.active().providers, id)
                .unwrap_or_default()
                .to_owned()
        })
    });
    let ask_remove = pending.ask();
    // The dialog asks first; undo cannot bring back a provider's scores without the
    // provider, so the scorecard's history starts again.
    let remove = pending.then(move |id| {
        // Read and checked since the page opened, unless the removal came first.
        open_all();
        lib.update_active(|ws| ws.remove_provider(id));
        live.doc.forget_history();
    });
    let count = move || live.providers.with(Vec::len);
    view! {
        <section class="panel sc-providers" aria-labelledby="sc-providers-title">
            <div class="panel-head">
                <h2 id="sc-providers-title">"Providers"</h2>
                <p class="hint">
                    {text(move || {
                        format!(
                            "{} of {MAX_PROVIDERS}. Shared with the pricing comparison.",
                            count(),
                        )
                    })}
                </p>
            </div>
            <ul class="sc-provider-list">
                {list(
                    move || live.providers.get(),
                    move |id| view! { <ProviderItem id=id on_remove=ask_remove /> }.into_any(),
                )}
            </ul>
            <AddProvider />
            <ConfirmDialog
                open=pending.open
                title=Signal::derive(move || format!("Delete “{}”?", doomed_name.get()))
                message="Its scores, notes, knock-outs and agreed scores are deleted from this scorecard, and its quote leaves the pricing comparison too. This cannot be undone."
                confirm_label="Delete provider"
                on_confirm=remove
            />
        </section>
    }
}

/// One provider: its name, renamed in place, and a remove button.
#[component]
fn ProviderItem(id: String, on_remove: Callback<String>) -> impl IntoView {
    let live = expect_context::<Live>();
    let name = live.name(&id);
    let editing = RwSignal::new(false);
    let rename_button = NodeRef::<leptos::html::Button>::new();
    refocus_when_done(editing, rename_button);
    let id = StoredValue::new(id);
    view! {
        <li class="sc-provider">
            {show_or(
                move || editing.get(),
                move || {
                    view! {
                        <RenameProvider
                            id=id.get_value()
                            current=name.get_untracked()
                            editing=editing
                        />
                    }
                        .into_any()
                },
                move || {
                    view! {
                        <span class="sc-provider-name">{name}</span>
                        <button
                            type="button"
                            class="secondary small"
                            node_ref=rename_button
                            on:click=move |_| editing.set(true)
                        >
                            "Rename"
                            <span class="visually-hidden">" " {name}</span>
                        </button>
                        <button
                            type="button"
                            class="secondary danger small"
                            on:click=move |_| on_remove.run(id.get_value())
                        >
                            "Delete"
                            <span class="visually-hidden">" " {name}</span>
                        </button>
                    }
                        .into_any()
                },
            )}
        </li>
    }
}

#[component]
fn RenameProvider(id: String, current: String, editing: RwSignal<bool>) -> impl IntoView {
    let lib = Lib::get();
    let draft = RwSignal::new(current);
    let error = RwSignal::new(None::<&'static str>);
    let field_id = unique_id("sc-rename");
    let error_id = format!("{field_id}-error");
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
            el.select();
        }
    });
    let save = move || {
        let name = draft.get_untracked();
        let check = lib.0.with_untracked(|l| {
            let mut copy = l.active().providers.clone();
            provider::rename(&mut copy, &id, &name)
        });
        match check {
            Ok(()) => {
                lib.update_active(|ws| {
                    let _ = provider::rename(&mut ws.providers, &id, &name);
                });
                editing.set(false);
            }
            Err(e) => error.set(Some(e.message())),
        }
    };
    view! {
        <form
            class="sc-inline-form"
            on:submit=move |ev| {
                ev.prevent_default();
                save();
            }
        >
            <label class="visually-hidden" for=field_id.clone()>
                "Provider name"
            </label>
            <input
                id=field_id
                node_ref=input
                type="text"
                maxlength=MAX_PROVIDER_NAME_CHARS.to_string()
                prop:value=draft
                on:input=move |ev| draft.set(event_target_value(&ev))
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        editing.set(false);
                    }
                }
                aria-invalid=invalid(error)
                aria-describedby=error_id.clone()
            />
            <button type="submit" class="small">
                "Save"
            </button>
            <button type="button" class="secondary small" on:click=move |_| editing.set(false)>
                "Cancel"
            </button>
            <p class="field-error" id=error_id aria-live="polite">
                {error_text(error)}
            </p>
        </form>
    }
}

/// Adds a provider by name.
#[component]
fn AddProvider() -> impl IntoView {
    let lib = Lib::get();
    let draft = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    // The new provider shows in the list above the form, out of a screen reader's way.
    let added = RwSignal::new(String::new());
    let field_id = unique_id("sc-add-provider");
    let error_id = format!("{field_id}-error");
    let field = field_id.clone();
    let add = move || {
        let name = draft.get_untracked();
        let id = fresh_id();
        let check = lib.0.with_untracked(|l| {
            let mut copy = l.active().providers.clone();
            provider::add(&mut copy, id.clone(), &name)
        });
        match check {
            Ok(()) => {
                lib.update_active(|ws| {
                    let _ = provider::add(&mut ws.providers, id, &name);
                });
                draft.set(String::new());
                error.set(None);
                added.set(format!("Added “{}”.", name.trim()));
            }
            Err(e) => {
                added.set(String::new());
                error.set(Some(e.message()));
            }
        }
        // Back in the field, for the next name or to mend this one: a tap on the button
        // had taken the focus, and a phone's keyboard with it.
        focus_by_id(&field);
    };
    view! {
        <form
            class="sc-add-form"
            on:submit=move |ev| {
                ev.prevent_default();
                add();
            }
        >
            <div class="field">
                <label for=field_id.clone()>"New provider"</label>
                <input
                    id=field_id
                    type="text"
                    maxlength=MAX_PROVIDER_NAME_CHARS.to_string()
                    autocomplete="off"
                    prop:value=draft
                    on:input=move |ev| draft.set(event_target_value(&ev))
                    aria-invalid=invalid(error)
                    aria-describedby=error_id.clone()
                />
            </div>
            <button type="submit">"Add provider"</button>
            <p class="field-error" id=error_id aria-live="polite">
                {error_text(error)}
            </p>
            <p class="visually-hidden" role="status">
                {added}
            </p>
        </form>
    }
}
