//! The details of the function under the grid's cursor: name, category, owners by day and
//! after hours, kinds (`kinds.rs`), P1 escalation path, hand-off note and notes.

use leptos::prelude::*;

use super::ctx::{Editor, ROW_HEADER};
use super::findings::FindingList;
use crate::domain::edit::Changed;
use crate::domain::raci::{Function, Id, MatrixEdit, RaciEdit, Shift, TextField};

/// The panel; it follows the grid's cursor.
#[component]
pub fn Details() -> impl IntoView {
    let editor = Editor::get();
    let selected = Memo::new(move |_| {
        let (f, _) = editor.tab_stop.get();
        editor.with(|r| r.function(f).map(|_| f))
    });
    view! {
        <section class="panel details" aria-labelledby="raci-details-title">
            <h2 id="raci-details-title">"Function details"</h2>
            <p class="hint" class:hidden=move || selected.with(Option::is_some)>
                "Choose a function in the matrix to edit its details."
            </p>
            // Keyed by function: choosing another function builds a fresh form.
            <For each=move || selected.get().into_iter() key=|f| *f let(fid)>
                <FunctionForm fid=fid />
            </For>
        </section>
    }
}

#[component]
fn FunctionForm(fid: Id) -> impl IntoView {
    let editor = Editor::get();
    let func = Memo::new(move |_| editor.with(|r| r.function(fid).cloned()));
    let read = move |get: fn(&Function) -> String| {
        move || func.with(|f| f.as_ref().map(get).unwrap_or_default())
    };
    let hint =
        Memo::new(move |_| func.with(|f| f.as_ref().map(|f| f.hint.clone()).unwrap_or_default()));
    let name_error = RwSignal::new(None::<String>);
    let name_input = NodeRef::<leptos::html::Input>::new();
    let rename = move |ev| {
        let text = event_target_value(&ev);
        let result = editor.typed(&format!("name:{fid}"), RaciEdit::RenameFunction(fid, text));
        name_error.set(result.err().map(|e| e.message()));
    };
    let neighbours = move || {
        editor.with_untracked(|r| {
            let rows = r.row_ids();
            let at = rows.iter().position(|x| *x == fid).unwrap_or(0);
            rows.get(at + 1)
                .or(at.checked_sub(1).and_then(|i| rows.get(i)))
                .copied()
        })
    };
    let delete = move |_| {
        let name = func.with_untracked(|f| f.as_ref().map(|f| f.name.clone()).unwrap_or_default());
        let next = neighbours();
        if editor.apply(RaciEdit::RemoveFunction(fid)) == Ok(Changed::Yes) {
            editor.say(format!("Deleted “{name}”. Undo brings it back."));
            match next {
                Some(n) => editor.focus_cell(n, ROW_HEADER),
                None => {
                    crate::components::focus_by_id("raci-add-name");
                }
            }
        }
    };
    let shift = move |delta: i32| {
        if editor
            .apply_matrix(MatrixEdit::MoveFunction(fid, delta))
            .is_yes()
        {
            editor.say(if delta < 0 {
                "Moved up."
            } else {
                "Moved down."
            });
        } else {
            editor.say("It cannot move further in its category.");
        }
    };
    let back = move |_| editor.focus_cell(fid, ROW_HEADER);
    view! {
        <h3 class="details-title">{read(|f| f.name.clone())}</h3>
        <Show when=move || !hint.with(String::is_empty)>
            <p class="hint fn-hint">{hint}</p>
        </Show>
        <FindingList function=fid />
        <div class="details-grid">
            <div class="field">
                <label for="raci-name">"Name"</label>
                <input
                    node_ref=name_input
                    id="raci-name"
                    type="text"
                    maxlength="120"
                    autocomplete="off"
                    prop:value=read(|f| f.name.clone())
                    on:input=rename
                    // Blur fires too as the page goes (Back while typing a name), when
                    // its signals are gone: hence the `try_` read.
                    on:blur=move |_| {
                        if name_error.try_get_untracked().flatten().is_some() {
                            name_error.set(None);
                            if let Some(el) = name_input.get_untracked() {
                                el.set_value(
                                    &func
                                        .with_untracked(|f| {
                                            f.as_ref().map(|f| f.name.clone()).unwrap_or_default()
                                        }),
                                );
                            }
                        }
                    }
                    aria-invalid=move || name_error.get().map(|_| "true")
                    aria-describedby="raci-name-error"
                />
                <p class="field-error" id="raci-name-error" aria-live="polite">
                    {name_error}
                </p>
            </div>
            <CategoryField fid=fid />
            <OwnerField fid=fid shift=Shift::Day />
            <OwnerField fid=fid shift=Shift::Night />
        </div>
        <super::kinds::Kinds fid=fid />
        <TextArea fid=fid field=TextField::P1 />
        <TextArea fid=fid field=TextField::Handoff />
        <TextArea fid=fid field=TextField::Notes />
        <div class="actions">
            <button type="button" class="secondary" on:click=move |_| shift(-1)>
                "Move up"
            </button>
            <button type="button" class="secondary" on:click=move |_| shift(1)>
                "Move down"
            </button>
            <button type="button" class="secondary danger" on:click=delete>
                "Delete function"
            </button>
            // Focused, the function's name in the matrix scrolls into view: the way
            // back up from a phone's or a long matrix's details.
            <button type="button" class="secondary" on:click=back>
                "Back to the matrix"
            </button>
        </div>
    }
}

/// Which category the function is in.
#[component]
fn CategoryField(fid: Id) -> impl IntoView {
    let editor = Editor::get();
    let current = Memo::new(move |_| editor.with(|r| r.function(fid).map(|f| f.category)));
    let options = Memo::new(move |_| {
        editor.with(|r| {
            r.categories
                .iter()
                .map(|c| (c.id, c.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let error = RwSignal::new(None::<String>);
    let on_change = move |ev| {
        let Ok(cat) = event_target_value(&ev).parse::<Id>() else {
            return;
        };
        let result = editor.apply(RaciEdit::SetFunctionCategory(fid, cat));
        error.set(result.err().map(|e| e.message()));
        editor.focus_field(fid, "raci-category");
    };
    view! {
        <div class="field">
            <label for="raci-category">"Category"</label>
            <select id="raci-category" on:change=on_change aria-describedby="raci-category-error">
                <For each=move || options.get() key=|o| o.clone() let((id, name))>
                    <option value=id.to_string() selected=move || current.get() == Some(id)>
                        {name}
                    </option>
                </For>
            </select>
            <p class="field-error" id="raci-category-error" aria-live="polite">
                {error}
            </p>
        </div>
    }
}

/// The business-hours or after-hours owner.
#[component]
fn OwnerField(fid: Id, shift: Shift) -> impl IntoView {
    let editor = Editor::get();
    let current = Memo::new(move |_| {
        editor.with(|r| {
            r.function(fid).and_then(|f| match shift {
                Shift::Day => f.day_owner,
                Shift::Night => f.night_owner,
            })
        })
    });
    let options = Memo::new(move |_| {
        editor.with(|r| {
            r.parties
                .iter()
                .map(|p| (p.id, p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let (id, label) = match shift {
        Shift::Day => ("raci-day", "Owner in business hours"),
        Shift::Night => ("raci-night", "Owner after hours"),
    };
    let on_change = move |ev| {
        let owner = event_target_value(&ev).parse::<Id>().ok();
        let _ = editor.apply(RaciEdit::SetOwner {
            function: fid,
            shift,
            party: owner,
        });
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=on_change>
                <option value="" selected=move || current.get().is_none()>
                    "Not set"
                </option>
                <For each=move || options.get() key=|o| o.clone() let((pid, name))>
                    <option value=pid.to_string() selected=move || current.get() == Some(pid)>
                        {name}
                    </option>
                </For>
            </select>
        </div>
    }
}

/// P1 path, hand-off note or notes. Typing in one field is one undo step.
#[component]
fn TextArea(fid: Id, field: TextField) -> impl IntoView {
    let editor = Editor::get();
    let (id, label, hint, tag) = match field {
        TextField::P1 => ("raci-p1", "P1 escalation path", "Who is called, in order, with how to reach them.", "p1"),
        TextField::Handoff => ("raci-handoff", "Hand-off note", "When two teams both do the work: who starts, when the other takes over, where it is tracked.", "handoff"),
        TextField::Notes => ("raci-notes", "Notes", "Anything else. Notes stay out of the SOW appendix.", "notes"),
    };
    let value = Memo::new(move |_| {
        editor.with(|r| {
            r.function(fid)
                .map(|f| match field {
                    TextField::P1 => f.p1.clone(),
                    TextField::Handoff => f.handoff.clone(),
                    TextField::Notes => f.notes.clone(),
                })
                .unwrap_or_default()
        })
    });
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <textarea
                id=id
                rows="2"
                maxlength="2000"
                aria-describedby=hint_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    let _ = editor
                        .typed(
                            &format!("{tag}:{fid}"),
                            RaciEdit::SetText {
                                function: fid,
                                field,
                                text,
                            },
                        );
                }
            ></textarea>
            <p class="hint" id=hint_id>
                {hint}
            </p>
        </div>
    }
}
