//! Criteria and weights: edit, add, delete and reorder criteria and groups, with each weight's
//! share of the total and each criterion's question and anchors.

use leptos::prelude::*;

use super::live::{doc, CritView, Live};
use super::sig::{aria, error_text, flag, invalid, list, show, text};
use crate::browser::clock::fresh_id;
use crate::browser::state::Lib;
use crate::components::confirm::{ConfirmDialog, Pending};
use crate::components::item_actions::ItemActions;
use crate::components::number_text::NumberText;
use crate::components::unique_id;
use crate::domain::input::{micros, micros_text};
use crate::domain::scorecard::edit::ScorecardEdit;
use crate::domain::scorecard::model::{
    CriterionText, Scorecard, Weight, MAX_NAME_CHARS, MAX_TEXT_CHARS,
};

/// Criteria and weights: edit, add, remove, reorder; shares shown as weights change.
#[component]
pub fn CriteriaEditor() -> impl IntoView {
    let live = expect_context::<Live>();
    let lib = Lib::get();
    let pending = Pending::new();
    let restored = RwSignal::new(None::<String>);
    let doc = live.doc;
    let total_weight = move || doc.with(Scorecard::total_weight_text);
    let doomed_name = pending.name(move |id| {
        lib.0.with(|l| {
            l.active()
                .scorecard
                .criterion(id)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        })
    });
    let ask_remove = pending.ask();
    let remove = pending.then(move |id| doc.send(ScorecardEdit::RemoveCriterion(id.to_owned())));
    let restore = move |_| {
        let before = doc.with_untracked(|sc| sc.criteria.len());
        doc.send(ScorecardEdit::RestoreDefaultCriteria);
        let added = doc
            .with_untracked(|sc| sc.criteria.len())
            .saturating_sub(before);
        restored.set(Some(match added {
            0 => "Every default criterion is already here.".to_owned(),
            1 => "Added back 1 default criterion.".to_owned(),
            n => format!("Added back {n} default criteria."),
        }));
    };
    let group_names = move || {
        live.groups
            .with(|g| g.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>())
    };
    view! {
        <section aria-labelledby="sc-criteria-title">
            <div class="panel-head">
                <h2 id="sc-criteria-title">"Criteria and weights"</h2>
                <button type="button" class="secondary" on:click=restore>
                    "Restore default criteria"
                </button>
            </div>
            <p class="hint">
                "Weights are relative: a criterion with weight 4 counts twice as much as one with \
                    2. The share column shows each weight as a percentage of the total ("
                {total_weight} "). Weight 0 ignores a criterion."
            </p>
            <p class="sc-status" aria-live="polite">
                {restored}
            </p>
            <datalist id="sc-group-names">
                {list(group_names, |g| view! { <option value=g></option> }.into_any())}
            </datalist>
            {list(
                group_names,
                move |group| {
                    view! { <CriteriaGroup group=group on_remove=ask_remove /> }.into_any()
                },
            )}
            <AddCriterion />
            <ConfirmDialog
                open=pending.open
                title=Signal::derive(move || format!("Delete “{}”?", doomed_name.get()))
                message="Every score, note and agreed score given on it is deleted, including imported evaluators' scores. This cannot be undone."
                confirm_label="Delete criterion"
                on_confirm=remove
            />
        </section>
    }
}

#[component]
fn CriteriaGroup(group: String, on_remove: Callback<String>) -> impl IntoView {
    let live = expect_context::<Live>();
    let name = group.clone();
    let ids = move || live.group_ids(&name);
    let heading = unique_id("sc-group");
    let labelled = heading.clone();
    // (this group's place, how many groups there are)
    let place = Memo::new({
        let name = group.clone();
        move |_| {
            live.groups
                .with(|g| (g.iter().position(|(n, _)| *n == name), g.len()))
        }
    });
    let can_up = Signal::derive(move || place.get().0.is_some_and(|at| at > 0));
    let can_down = Signal::derive(move || matches!(place.get(), (Some(at), len) if at + 1 < len));
    let moved = group.clone();
    let on_move = Callback::new(move |by: i32| {
        live.doc.send(ScorecardEdit::MoveGroup(moved.clone(), by));
    });
    view! {
        <section class="panel sc-crit-group" aria-labelledby=labelled>
            <div class="panel-head">
                <h3 id=heading>{group.clone()}</h3>
                <ItemActions
                    name=group.clone()
                    noun="group"
                    can_back=can_up
                    can_forward=can_down
                    on_move=on_move
                />
            </div>
            <div class="sc-crit-line sc-crit-head" aria-hidden="true">
                <span>"Criterion"</span>
                <span>"Weight"</span>
                <span class="sc-share">"Share"</span>
            </div>
            <ul class="sc-crit-list">
                {list(
                    ids,
                    move |id| view! { <CriterionEdit id=id on_remove=on_remove /> }.into_any(),
                )}
            </ul>
        </section>
    }
}

/// One criterion: name, weight and share on one line; group, question and anchors on demand.
#[component]
fn CriterionEdit(id: String, on_remove: Callback<String>) -> impl IntoView {
    let live = expect_context::<Live>();
    let view = live.criterion(&id);
    let v = move |f: fn(&CritView) -> String| {
        text(move || view.with(|c| c.as_ref().map(f).unwrap_or_default()))
    };
    let can = move |f: fn(&CritView) -> bool| move || view.with(|c| c.as_ref().is_some_and(f));
    let id = StoredValue::new(id);
    let name_id = unique_id("sc-crit-name");
    let weight_id = unique_id("sc-crit-weight");
    let name_error = RwSignal::new(None::<&'static str>);
    let open = RwSignal::new(false);
    let name = v(|c| c.name.clone());
    let on_name = move |ev: web_sys::Event| {
        let (id, text) = (id.get_value(), one_line(&ev));
        let field = format!("name:{id}");
        let edit = ScorecardEdit::CriterionText {
            id,
            which: CriterionText::Name,
            text,
        };
        name_error.set(live.doc.typed(&field, edit).err().map(|e| e.message()));
    };
    // Through `NumberText`: a refused entry ("1500") leaves the weight it began from.
    let weight = NumberText::new(
        &weight_id,
        text(move || format!("Weight of {}", name.get())),
        Signal::derive(move || view.with(|c| c.as_ref().map_or(0, |c| micros(c.weight.get())))),
        Callback::new(move |micros| {
            let id = id.get_value();
            let text = micros_text(micros);
            let _ = live
                .doc
                .typed(&format!("weight:{id}"), ScorecardEdit::Weight { id, text });
        }),
        Callback::new(|t: String| {
            Weight::parse(&t)
                .map(|w| micros(w.get()))
                .map_err(|e| e.message().to_owned())
        }),
        micros_text,
    );
    let (up, down) = (can(|c| c.can_move_up), can(|c| c.can_move_down));
    view! {
        <li class="sc-crit-item">
            <div class="sc-crit-line">
                <div class="field sc-crit-name">
                    <label class="visually-hidden" for=name_id.clone()>
                        "Criterion name"
                    </label>
                    // A textarea that grows to its text (scorecard.css), so a long name
                    // wraps on a phone instead of being cut at "Written RACI with named
                    // owne". A name is one line: a line break is refused as it is typed
                    // (beforeinput, which phone keyboards send too), and a pasted one
                    // becomes a space.
                    <textarea
                        id=name_id
                        rows="1"
                        enterkeyhint="done"
                        maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=name
                        on:input=on_name
                        on:beforeinput=|ev| {
                            let kind = ev.input_type();
                            if kind == "insertLineBreak" || kind == "insertParagraph" {
                                ev.prevent_default();
                            }
                        }
                        aria-invalid=invalid(name_error)
                    ></textarea>
                    <p class="field-error" aria-live="polite">
                        {error_text(name_error)}
                    </p>
                </div>
                <div class="field sc-crit-weight">
                    <label class="visually-hidden" for=weight_id.clone()>
                        "Weight of "
                        {name}
                    </label>
                    <input
                        id=weight_id
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        prop:value=weight.text
                        on:input=move |ev| weight.input(ev)
                        on:blur=move |_| weight.blur()
                        aria-invalid=move || weight.invalid()
                    />
                    <p class="field-error" aria-live="polite">
                        {weight.error}
                    </p>
                </div>
                <p class="sc-share" data-testid="sc-share">
                    {v(|c| format!("{:.1}%", c.share))}
                </p>
                <ItemActions
                    name=name
                    can_back=flag(up)
                    can_forward=flag(down)
                    on_move=Callback::new(move |by| {
                        live.doc.send(ScorecardEdit::MoveCriterion(id.get_value(), by))
                    })
                    on_delete=Callback::new(move |()| on_remove.run(id.get_value()))
                >
                    <button
                        type="button"
                        class="secondary"
                        aria-expanded=aria(move || open.get())
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        "Details"
                        <span class="visually-hidden">" of " {name}</span>
                    </button>
                </ItemActions>
            </div>
            {show(
                move || open.get(),
                move || view! { <CriterionTexts id=id.get_value() /> }.into_any(),
            )}
        </li>
    }
}

/// The group, question and anchors of a criterion.
#[component]
fn CriterionTexts(id: String) -> impl IntoView {
    let doc = doc();
    let current = doc.with_untracked(|sc| sc.criterion(&id).cloned());
    let Some(c) = current else {
        return ().into_any();
    };
    let id = StoredValue::new(id);
    let error = RwSignal::new(None::<&'static str>);
    let field = move |label: &'static str, which: CriterionText, value: String, multiline: bool| {
        let field_id = unique_id("sc-crit-text");
        let on_input = move |ev| {
            let (id, text) = (id.get_value(), event_target_value(&ev));
            let field = format!("text{}:{id}", which as u8);
            let edit = ScorecardEdit::CriterionText { id, which, text };
            error.set(doc.typed(&field, edit).err().map(|e| e.message()));
        };
        let input = if multiline {
            view! {
                <textarea
                    id=field_id.clone()
                    rows="2"
                    maxlength=MAX_TEXT_CHARS.to_string()
                    on:input=on_input
                >
                    {value}
                </textarea>
            }
            .into_any()
        } else {
            view! {
                <input
                    id=field_id.clone()
                    type="text"
                    list="sc-group-names"
                    maxlength=MAX_NAME_CHARS.to_string()
                    value=value
                    on:input=on_input
                />
            }
            .into_any()
        };
        view! {
            <div class="field">
                <label for=field_id>{label}</label>
                {input}
            </div>
        }
    };
    view! {
        <div class="sc-crit-texts">
            {field("Group", CriterionText::Group, c.group, false)}
            {field("Question to ask", CriterionText::Question, c.question, true)}
            {field("1 means", CriterionText::Anchor1, c.anchors.one, true)}
            {field("3 means", CriterionText::Anchor3, c.anchors.three, true)}
            {field("5 means", CriterionText::Anchor5, c.anchors.five, true)}
            <p class="field-error" aria-live="polite">
                {error_text(error)}
            </p>
        </div>
    }
    .into_any()
}

/// Adds a criterion to a group (existing or new).
#[component]
fn AddCriterion() -> impl IntoView {
    let doc = doc();
    let name = RwSignal::new(String::new());
    let group = RwSignal::new(String::new());
    let weight = RwSignal::new("3".to_owned());
    let error = RwSignal::new(None::<&'static str>);
    // The new criterion shows at the end of its group, maybe screens away.
    let added = RwSignal::new(String::new());
    let (name_id, group_id, weight_id) = (
        unique_id("sc-new-crit"),
        unique_id("sc-new-group"),
        unique_id("sc-new-weight"),
    );
    let add = move || {
        let id = fresh_id();
        let add = ScorecardEdit::AddCriterion {
            id: id.clone(),
            group: group.get_untracked(),
            name: name.get_untracked(),
            weight: weight.get_untracked(),
        };
        match doc.apply(add) {
            Ok(_) => {
                added.set(doc.with_untracked(|sc| added_text(sc, &id)));
                name.set(String::new());
                error.set(None);
            }
            Err(e) => {
                added.set(String::new());
                error.set(Some(e.message()));
            }
        }
    };
    view! {
        <form
            class="panel sc-add-criterion"
            on:submit=move |ev| {
                ev.prevent_default();
                add();
            }
        >
            <h3>"Add a criterion"</h3>
            <div class="form-grid">
                <div class="field">
                    <label for=name_id.clone()>"Name"</label>
                    <input
                        id=name_id
                        type="text"
                        maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=name
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for=group_id.clone()>"Group"</label>
                    <input
                        id=group_id
                        type="text"
                        list="sc-group-names"
                        maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=group
                        on:input=move |ev| group.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for=weight_id.clone()>"Weight"</label>
                    <input
                        id=weight_id
                        type="text"
                        inputmode="decimal"
                        prop:value=weight
                        on:input=move |ev| weight.set(event_target_value(&ev))
                    />
                </div>
            </div>
            <button type="submit">"Add criterion"</button>
            <p class="field-error" aria-live="polite">
                {error_text(error)}
            </p>
            <p class="sc-added" role="status">
                {added}
            </p>
        </form>
    }
}

/// A name field's text on one line (`text::one_line`), in the field too when a pasted
/// line break changed it, with the caret kept where it was in the text.
fn one_line(ev: &web_sys::Event) -> String {
    let field = event_target::<web_sys::HtmlTextAreaElement>(ev);
    let text = field.value();
    if !text.contains(['\r', '\n']) {
        return text;
    }
    let caret = field.selection_start().ok().flatten().unwrap_or(0) as usize;
    let (text, at) = crate::domain::text::one_line(&text, caret);
    field.set_value(&text);
    let _ = field.set_selection_range(at as u32, at as u32);
    text
}

/// What adding criterion `id` says: its name and where it went, as stored.
fn added_text(sc: &Scorecard, id: &str) -> String {
    sc.criteria
        .iter()
        .find(|c| c.id == id)
        .map(|c| format!("Added “{}” at the end of {}.", c.name, c.group))
        .unwrap_or_default()
}
