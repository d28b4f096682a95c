//! The parties (columns): rename, choose the side, reorder, delete and add.

use leptos::prelude::*;

use super::ask::{AskDelete, AskDeleteDialog};
use super::categories::AddNamed;
use super::ctx::Editor;
use crate::components::item_actions::{Axis, ItemActions};
use crate::domain::edit::Changed;
use crate::domain::raci::{Id, RaciEdit, Side};

/// Every party, and a form to add one.
#[component]
pub fn PartiesPanel() -> impl IntoView {
    let editor = Editor::get();
    let ids = Memo::new(move |_| editor.with_settled(|r| r.party_ids()));
    let ask = AskDelete::new();
    view! {
        <section class="panel parties no-print" aria-labelledby="raci-parties-title">
            <h2 id="raci-parties-title">"Parties"</h2>
            <p class="hint">
                "The columns of the matrix. The side tells the checks who is internal IT and who \
                    is the MSP. Split a party to show who really does the work, for example MSP \
                    service desk and MSP SOC."
            </p>
            <ol class="item-list">
                <For each=move || ids.get() key=|p| *p let(pid)>
                    <PartyRow
                        pid=pid
                        ask=ask
                        position=Signal::derive(move || {
                            ids.with(|v| v.iter().position(|x| *x == pid).unwrap_or(0) + 1)
                        })
                    />
                </For>
            </ol>
            <AddParty />
            <AskDeleteDialog
                ask=ask
                message="Its column goes from the matrix, with every letter in it. Undo brings \
                    it back."
                confirm_label="Delete party"
            />
        </section>
    }
}

fn side_select(current: impl Fn() -> Side + Copy + Send + Sync + 'static) -> impl IntoView {
    Side::ALL
        .into_iter()
        .map(move |s| {
            view! {
                <option value=s.key() selected=move || current() == s>
                    {s.label()}
                </option>
            }
        })
        .collect_view()
}

#[component]
fn PartyRow(pid: Id, position: Signal<usize>, ask: AskDelete) -> impl IntoView {
    let editor = Editor::get();
    // Its name is an input's value: it follows each keystroke, not the settled matrix.
    let party = Memo::new(move |_| editor.with(|r| r.party(pid).cloned().unwrap_or_default()));
    let error = RwSignal::new(None::<String>);
    let name = Memo::new(move |_| party.with(|p| p.name.clone()));
    let label = Memo::new(move |_| format!("Party {} name", position.get()));
    let name_id = format!("party-name-{pid}");
    let side_id = format!("party-side-{pid}");
    let error_id = format!("party-error-{pid}");
    let rename = move |ev| {
        let text = event_target_value(&ev);
        let result = editor.typed(&format!("party:{pid}"), RaciEdit::RenameParty(pid, text));
        error.set(result.err().map(|e| e.message()));
    };
    let move_by = move |delta: i32| {
        editor.move_item(
            RaciEdit::MoveParty(pid, delta),
            name.get_untracked(),
            "column",
            |r| (r.parties.iter().position(|p| p.id == pid), r.parties.len()),
        );
    };
    let lettered = move || {
        editor.with_untracked(|r| {
            r.functions
                .iter()
                .filter(|f| !f.letters(pid).is_empty())
                .count()
        })
    };
    let remove = move || {
        let name = party.with_untracked(|p| p.name.clone());
        let letters = lettered();
        if editor.apply(RaciEdit::RemoveParty(pid)) == Ok(Changed::Yes) {
            editor.say(match letters {
                0 => format!("Deleted {name}, which had no letters. Undo brings it back."),
                1 => {
                    format!("Deleted {name} and its letters in 1 function. Undo brings it back.")
                }
                n => {
                    format!("Deleted {name} and its letters in {n} functions. Undo brings it back.")
                }
            });
        }
    };
    // A party with letters asks first, as a category with functions does (categories.rs).
    let delete = move |()| {
        let name = party.with_untracked(|p| p.name.clone());
        match lettered() {
            0 => remove(),
            n => ask.ask(
                match n {
                    1 => format!("Delete {name} and its letters in 1 function?"),
                    n => format!("Delete {name} and its letters in {n} functions?"),
                },
                Callback::new(move |()| remove()),
            ),
        }
    };
    view! {
        <li class="item-row">
            <div class="field">
                <label for=name_id.clone()>{label}</label>
                <input
                    id=name_id
                    type="text"
                    maxlength="120"
                    autocomplete="off"
                    prop:value=name
                    on:input=rename
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=error_id.clone()
                />
            </div>
            <div class="field">
                <label for=side_id.clone()>"Side"</label>
                <select
                    id=side_id
                    on:change=move |ev| {
                        if let Some(s) = Side::from_key(&event_target_value(&ev)) {
                            let _ = editor.apply(RaciEdit::SetPartySide(pid, s));
                        }
                    }
                >
                    {side_select(move || party.with(|p| p.side))}
                </select>
            </div>
            <ItemActions
                name=name
                axis=Axis::Horizontal
                on_move=Callback::new(move_by)
                on_delete=Callback::new(delete)
            />
            <p class="field-error" id=error_id aria-live="polite">
                {error}
            </p>
        </li>
    }
}

/// Adds a party at the right-hand end.
#[component]
fn AddParty() -> impl IntoView {
    let editor = Editor::get();
    let side = RwSignal::new(Side::Msp);
    let add = Callback::new(move |text: String| {
        editor
            .apply(RaciEdit::AddParty {
                name: text.clone(),
                side: side.get_untracked(),
            })
            .map(|_| editor.say(format!("Added the party {}.", text.trim())))
            .map_err(|e| e.message())
    });
    view! {
        <AddNamed
            id="raci-add-party"
            label="New party"
            button="Add party"
            placeholder="MSP SOC"
            on_add=add
        >
            <div class="field">
                <label for="raci-add-party-side">"Side"</label>
                <select
                    id="raci-add-party-side"
                    on:change=move |ev| {
                        if let Some(s) = Side::from_key(&event_target_value(&ev)) {
                            side.set(s);
                        }
                    }
                >
                    {side_select(move || side.get())}
                </select>
            </div>
        </AddNamed>
    }
}
