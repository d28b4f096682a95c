//! Categories (rename, reorder, delete, add) and the form that adds a function.

use leptos::prelude::*;

use super::ask::{AskDelete, AskDeleteDialog};
use super::ctx::Editor;
use crate::components::item_actions::ItemActions;
use crate::domain::edit::Changed;
use crate::domain::raci::{Id, Raci, RaciEdit, Under};

/// Every category, and a form to add one.
#[component]
pub fn CategoriesPanel() -> impl IntoView {
    let editor = Editor::get();
    let ids = Memo::new(move |_| {
        editor.with_settled(|r| r.categories.iter().map(|c| c.id).collect::<Vec<_>>())
    });
    let ask = AskDelete::new();
    view! {
        <section class="panel categories no-print" aria-labelledby="raci-categories-title">
            <h2 id="raci-categories-title">"Categories"</h2>
            <p class="hint">
                "Groups of functions, in the order the matrix shows them. Deleting a category \
                    deletes its functions."
            </p>
            <ol class="item-list">
                <For each=move || ids.get() key=|c| *c let(cid)>
                    <CategoryRow
                        cid=cid
                        ask=ask
                        position=Signal::derive(move || {
                            ids.with(|v| v.iter().position(|x| *x == cid).unwrap_or(0) + 1)
                        })
                    />
                </For>
            </ol>
            <AddCategory />
            <AskDeleteDialog
                ask=ask
                message="Their letters, owners, escalation paths and notes go with them. Undo \
                    brings them back."
                confirm_label="Delete category"
            />
        </section>
    }
}

#[component]
fn CategoryRow(cid: Id, position: Signal<usize>, ask: AskDelete) -> impl IntoView {
    let editor = Editor::get();
    let name = Memo::new(move |_| {
        editor.with(|r| r.category(cid).map(|c| c.name.clone()).unwrap_or_default())
    });
    let count = Memo::new(move |_| editor.with_settled(|r| r.functions_in(cid).count()));
    let error = RwSignal::new(None::<String>);
    let label = Memo::new(move |_| format!("Category {} name", position.get()));
    let count_text = Memo::new(move |_| format!("{} functions", count.get()));
    let input_id = format!("category-name-{cid}");
    let error_id = format!("category-error-{cid}");
    let rename = move |ev| {
        let text = event_target_value(&ev);
        let result = editor.typed(
            &format!("category:{cid}"),
            RaciEdit::RenameCategory(cid, text),
        );
        error.set(result.err().map(|e| e.message()));
    };
    let move_by = move |delta: i32| {
        editor.move_item(
            RaciEdit::MoveCategory(cid, delta),
            name.get_untracked(),
            "place",
            |r| {
                (
                    r.categories.iter().position(|c| c.id == cid),
                    r.categories.len(),
                )
            },
        );
    };
    let remove = move || {
        let n = editor.with_untracked(|r| r.functions_in(cid).count());
        let label = name.get_untracked();
        if editor.apply(RaciEdit::RemoveCategory(cid)) == Ok(Changed::Yes) {
            editor.say(match n {
                0 => format!("Deleted {label}, which had no functions. Undo brings it back."),
                1 => format!("Deleted {label} and its function. Undo brings them back."),
                n => format!("Deleted {label} and its {n} functions. Undo brings them back."),
            });
        }
    };
    // A category with functions asks first: two presses of Enter (or one held down) took
    // two categories and their functions, the focus going to the next Delete button.
    // Read fresh: the settled count lags a change by a frame (an Undo just pressed).
    let delete = move |()| match editor.with_untracked(|r| r.functions_in(cid).count()) {
        0 => remove(),
        n => ask.ask(
            match n {
                1 => format!("Delete {} and its function?", name.get_untracked()),
                n => format!("Delete {} and its {n} functions?", name.get_untracked()),
            },
            Callback::new(move |()| remove()),
        ),
    };
    view! {
        <li class="item-row">
            <div class="field">
                <label for=input_id.clone()>{label}</label>
                <input
                    id=input_id
                    type="text"
                    maxlength="120"
                    autocomplete="off"
                    prop:value=move || name.get()
                    on:input=rename
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=error_id.clone()
                />
            </div>
            <p class="count">{count_text}</p>
            <ItemActions name=name on_move=Callback::new(move_by) on_delete=Callback::new(delete) />
            <p class="field-error" id=error_id aria-live="polite">
                {error}
            </p>
        </li>
    }
}

#[component]
fn AddCategory() -> impl IntoView {
    let editor = Editor::get();
    let add = Callback::new(move |text: String| {
        editor
            .apply(RaciEdit::AddCategory(text.clone()))
            .map(|_| editor.say(format!("Added the category {}.", text.trim())))
            .map_err(|e| e.message())
    });
    view! {
        <AddNamed
            id="raci-add-category-name"
            label="New category"
            button="Add category"
            on_add=add
        />
    }
}

/// A one-line form that adds a named item: the name, any further fields (`children`),
/// the button, and the reason next to them when the name is refused. The name clears
/// once the item is added.
#[component]
pub(super) fn AddNamed(
    /// The name field's id.
    id: &'static str,
    /// The name field's label.
    label: &'static str,
    /// The button's label.
    button: &'static str,
    /// An example name shown in the empty field.
    #[prop(optional)]
    placeholder: &'static str,
    /// Adds the item with this name, or says why not.
    on_add: Callback<String, Result<(), String>>,
    /// Further fields, between the name and the button.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{id}-error");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match on_add.run(name.get_untracked()) {
            Ok(()) => {
                error.set(None);
                name.set(String::new());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="add-form" on:submit=submit>
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    type="text"
                    maxlength="120"
                    autocomplete="off"
                    placeholder=(!placeholder.is_empty()).then_some(placeholder)
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=error_id.clone()
                />
            </div>
            {children.map(|c| c())}
            <button type="submit">{button}</button>
            <p class="field-error" id=error_id aria-live="polite">
                {error}
            </p>
        </form>
    }
}

/// Adds a function to a category (typed: an existing one, or a new one created on the fly).
#[component]
pub fn AddFunction() -> impl IntoView {
    let editor = Editor::get();
    let name = RwSignal::new(String::new());
    // Empty means the first category, which the field shows as its placeholder: written
    // into the field, a name tapped in on a phone was added to it ("Service deskOps").
    let category = RwSignal::new(String::new());
    let first = move || {
        editor.with_untracked(|r| {
            r.categories
                .first()
                .map(|c| c.name.clone())
                .unwrap_or_default()
        })
    };
    let error = RwSignal::new(None::<String>);
    // Said aloud and shown: the new row can be far above, off screen.
    let added = RwSignal::new(String::new());
    let options = Memo::new(move |_| {
        editor.with_settled(|r| {
            r.categories
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (text, cat) = (name.get_untracked(), category.get_untracked());
        let cat = if cat.trim().is_empty() { first() } else { cat };
        let categories = move || editor.with_untracked(|r| r.categories.len());
        let had = categories();
        let add = RaciEdit::AddFunction {
            category: Under::Named(cat.clone()),
            name: text.clone(),
        };
        match editor
            .apply(add)
            .map(|_| editor.with_untracked(Raci::newest_function))
        {
            Ok(id) => {
                error.set(None);
                name.set(String::new());
                editor.cursor.update(|c| c.0 = id);
                let marked = editor
                    .with_untracked(|r| r.function(id).and_then(|f| f.suggestion_note()))
                    .map(|note| format!(" {note}"))
                    .unwrap_or_default();
                // The category as it is named ("ops" finds "Ops"); a name typed with a slip
                // makes a category of its own: say so.
                let named = editor.with_untracked(|r| {
                    r.function(id)
                        .and_then(|f| r.category(f.category))
                        .map_or_else(|| cat.trim().to_owned(), |c| c.name.clone())
                });
                let group = if categories() > had {
                    format!("a new category, “{named}”")
                } else {
                    named
                };
                let said = format!(
                    "Added “{}” to {group}.{marked} Its details are below the matrix.",
                    text.trim()
                );
                added.set(said.clone());
                editor.say(said);
            }
            Err(e) => {
                added.set(String::new());
                error.set(Some(e.message()));
            }
        }
    };
    view! {
        <form
            class="panel add-form add-function no-print"
            on:submit=submit
            aria-labelledby="raci-add-function-title"
        >
            <h2 id="raci-add-function-title">"Add a function"</h2>
            <div class="field">
                <label for="raci-add-name">"Function name"</label>
                <input
                    id="raci-add-name"
                    type="text"
                    maxlength="120"
                    autocomplete="off"
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        name.set(event_target_value(&ev));
                        added.set(String::new());
                    }
                    aria-describedby="raci-add-function-error"
                />
            </div>
            <div class="field">
                <label for="raci-add-category">"Category"</label>
                <input
                    id="raci-add-category"
                    type="text"
                    list="raci-category-names"
                    maxlength="120"
                    autocomplete="off"
                    prop:value=move || category.get()
                    placeholder=move || options.with(|o| o.first().cloned().unwrap_or_default())
                    on:input=move |ev| category.set(event_target_value(&ev))
                />
                <datalist id="raci-category-names">
                    <For each=move || options.get() key=|o| o.clone() let(o)>
                        <option value=o></option>
                    </For>
                </datalist>
            </div>
            <button type="submit">"Add function"</button>
            <p class="field-error" id="raci-add-function-error" aria-live="polite">
                {error}
            </p>
            <p class="hint">{added}</p>
        </form>
    }
}
