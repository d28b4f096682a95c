//! The list of workspaces: create, open, rename in place, duplicate and delete.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use crate::browser::clock::{format_time, fresh_id, now_ms};
use crate::browser::state::{Lib, Notices, TakeBack};
use crate::components::confirm::ConfirmDialog;
use crate::components::{refocus_when_done, unique_id};
use crate::domain::route::Route;

/// Every workspace with open, rename, duplicate and delete.
#[component]
pub fn WorkspaceList() -> impl IntoView {
    let lib = Lib::get();
    // What the last action did, for screen readers: a new or copied workspace opens at
    // once, and nothing on screen near the button says so.
    let said = RwSignal::new(String::new());
    let pending_delete = RwSignal::new(None::<String>);
    let confirm_open = RwSignal::new(false);
    Effect::new(move |_| {
        if !confirm_open.get() {
            pending_delete.set(None);
        }
    });
    let ids = move || {
        lib.0.with(|l| {
            l.workspaces()
                .iter()
                .map(|w| w.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let doomed_name = move || {
        let id = pending_delete.get().unwrap_or_default();
        lib.0.with(|l| {
            l.get(&id)
                .map(|w| w.display_name().to_owned())
                .unwrap_or_default()
        })
    };
    let create = move |_| {
        let name = lib.0.try_update(|l| {
            let id = l.create(fresh_id(), now_ms());
            l.get(&id).map(|w| w.display_name().to_owned())
        });
        if let Some(Some(name)) = name {
            said.set(format!("Created “{name}” and opened it."));
        }
    };
    let ask_delete = Callback::new(move |id: String| {
        pending_delete.set(Some(id));
        confirm_open.set(true);
    });
    let notices = expect_context::<Notices>();
    let delete = Callback::new(move |()| {
        if let Some(id) = pending_delete.get_untracked() {
            delete_with_undo(lib, notices, &id);
        }
    });
    view! {
        <section class="panel" aria-labelledby="ws-list-title">
            <div class="panel-head">
                <h2 id="ws-list-title">"Your workspaces"</h2>
                <button type="button" on:click=create>
                    "New workspace"
                </button>
            </div>
            <table class="workspace-table">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Last changed"</th>
                        <th scope="col">"Actions"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=ids key=|id| id.clone() let(id)>
                        <WorkspaceRow id=id on_delete=ask_delete said=said />
                    </For>
                </tbody>
            </table>
            <ConfirmDialog
                open=confirm_open
                title=Signal::derive(move || format!("Delete “{}”?", doomed_name()))
                message="Its company profile, RACI, scorecard and quotes are removed from this \
                    browser. Undo is offered right after."
                confirm_label="Delete workspace"
                on_confirm=delete
            />
            <p class="visually-hidden" role="status">
                {move || said.get()}
            </p>
        </section>
    }
}

/// Deletes workspace `id` and says so with an Undo that puts it back where it was: the
/// buyer who picked the wrong row of two similar names gets it back in one click.
fn delete_with_undo(lib: Lib, notices: Notices, id: &str) {
    let stand_in = fresh_id();
    let deleted = lib.0.try_update(|l| {
        let index = l.workspaces().iter().position(|w| w.id == id)?;
        let was_open = l.active_id() == id;
        let removed = l.delete(id, stand_in.clone(), now_ms())?;
        let in_place = (l.active_id() == stand_in).then(|| l.active().display_name().to_owned());
        Some((removed, index, was_open, in_place))
    });
    let Some(Some((removed, index, was_open, in_place))) = deleted else {
        return;
    };
    let name = removed.display_name().to_owned();
    let said = match in_place {
        Some(new) => {
            format!("Deleted “{name}”. An empty workspace, “{new}”, is open in its place.")
        }
        None => format!("Deleted “{name}”."),
    };
    let once = Mutex::new(Some(removed));
    let run = move || {
        let Some(ws) = once.lock().ok().and_then(|mut w| w.take()) else {
            return false;
        };
        let back = lib
            .0
            .try_update(|l| l.restore(ws, index, was_open, &stand_in))
            == Some(true);
        let said = if back {
            format!("“{name}” is back.")
        } else {
            format!("“{name}” is back already: another tab kept it.")
        };
        notices.confirm(Route::Workspaces, said);
        back
    };
    let take_back = TakeBack {
        label: "Undo",
        workspace: id.to_owned(),
        run: Arc::new(run),
    };
    notices.confirm_with(Route::Workspaces, said, Some(take_back));
}

/// One workspace: its name (editable in place) and what can be done with it.
#[component]
fn WorkspaceRow(id: String, on_delete: Callback<String>, said: RwSignal<String>) -> impl IntoView {
    let lib = Lib::get();
    let id = StoredValue::new(id);
    let name = move || {
        lib.0.with(|l| {
            l.get(&id.get_value())
                .map(|w| w.display_name().to_owned())
                .unwrap_or_default()
        })
    };
    let changed = move || {
        lib.0.with(|l| {
            l.get(&id.get_value())
                .map(|w| format_time(w.updated_ms))
                .unwrap_or_default()
        })
    };
    let is_open = move || lib.0.with(|l| l.active_id() == id.get_value());
    let editing = RwSignal::new(false);
    let rename_button = NodeRef::<leptos::html::Button>::new();
    refocus_when_done(editing, rename_button);
    // The Open button goes once its workspace is open: focus moves to the row's next one.
    let open = move |_| {
        lib.0.update(|l| {
            l.switch(&id.get_value());
        });
        said.set(format!("Opened “{}”.", untrack(name)));
        request_animation_frame(move || {
            if let Some(el) = rename_button.get_untracked() {
                let _ = el.focus();
            }
        });
    };
    let duplicate = move |_| {
        let copy = lib.0.try_update(|l| {
            let copy = l.duplicate(&id.get_value(), fresh_id(), now_ms())?;
            l.get(&copy).map(|w| w.display_name().to_owned())
        });
        if let Some(Some(name)) = copy {
            said.set(format!("Copied as “{name}” and opened it."));
        }
    };
    view! {
        <tr class:current=is_open>
            <th scope="row">
                <Show
                    when=move || editing.get()
                    fallback=move || {
                        view! {
                            <span class="ws-name">{name}</span>
                            <Show when=is_open>
                                <span class="tag">"open"</span>
                            </Show>
                        }
                    }
                >
                    <RenameForm id=id.get_value() editing=editing />
                </Show>
            </th>
            <td>{changed}</td>
            <td>
                <div class="row-actions">
                    <Show when=move || !is_open()>
                        <button type="button" class="secondary" on:click=open>
                            "Open"
                            <span class="visually-hidden">" " {name}</span>
                        </button>
                    </Show>
                    <button
                        type="button"
                        class="secondary"
                        node_ref=rename_button
                        on:click=move |_| editing.set(true)
                    >
                        "Rename"
                        <span class="visually-hidden">" " {name}</span>
                    </button>
                    <button type="button" class="secondary" on:click=duplicate>
                        "Duplicate"
                        <span class="visually-hidden">" " {name}</span>
                    </button>
                    <button
                        type="button"
                        class="secondary danger"
                        on:click=move |_| on_delete.run(id.get_value())
                    >
                        "Delete"
                        <span class="visually-hidden">" " {name}</span>
                    </button>
                </div>
            </td>
        </tr>
    }
}

/// The name field shown in place while renaming. Enter saves, Escape cancels.
#[component]
fn RenameForm(id: String, editing: RwSignal<bool>) -> impl IntoView {
    let lib = Lib::get();
    let input = NodeRef::<leptos::html::Input>::new();
    let current = lib
        .0
        .with_untracked(|l| l.get(&id).map(|w| w.name.clone()).unwrap_or_default());
    let draft = RwSignal::new(current);
    let error = RwSignal::new(None::<String>);
    let field_id = unique_id("rename");
    let error_id = format!("{field_id}-error");
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
            el.select();
        }
    });
    let save = {
        let id = id.clone();
        move || {
            let result = lib
                .0
                .try_update(|l| l.rename(&id, &draft.get_untracked(), now_ms()));
            match result {
                Some(Err(e)) => error.set(Some(e.message().to_owned())),
                _ => editing.set(false),
            }
        }
    };
    let save_on_submit = save.clone();
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            editing.set(false);
        }
    };
    view! {
        <form
            class="rename"
            on:submit=move |ev| {
                ev.prevent_default();
                save_on_submit();
            }
        >
            <label class="visually-hidden" for=field_id.clone()>
                "Workspace name"
            </label>
            <input
                id=field_id
                node_ref=input
                type="text"
                maxlength="120"
                prop:value=draft
                on:input=move |ev| draft.set(event_target_value(&ev))
                on:keydown=on_key
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=error_id.clone()
            />
            <button type="submit">"Save"</button>
            <button type="button" class="secondary" on:click=move |_| editing.set(false)>
                "Cancel"
            </button>
            <p class="field-error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
        </form>
    }
}
