//! The hires of the in-house alternative: role, salary, benefits load, tools and months to hire.

use leptos::prelude::*;

use super::fields::{MoneyField, PercentField};
use super::{currency, doc};
use crate::browser::clock::fresh_id;
use crate::browser::state::Lib;
use crate::components::number_field::NumberField;
use crate::components::{focus_later, unique_id};
use crate::domain::pricing::alternatives::{
    MAX_BENEFITS, MAX_HIRES, MAX_MONTHS_TO_HIRE, MAX_ROLE_CHARS,
};
use crate::domain::pricing::edit::{HireEdit, PricingEdit};

/// The people an in-house plan would hire, each editable and removable.
#[component]
pub fn HireList() -> impl IntoView {
    let lib = Lib::get();
    let ids = Memo::new(move |_| {
        lib.0.with(|l| {
            l.active()
                .pricing
                .in_house
                .hires
                .iter()
                .map(|h| h.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let doc = doc();
    // Said after an add or a delete, and where focus goes: never to the top of the page.
    let status = RwSignal::new(String::new());
    let add_id = unique_id("add-hire");
    let add = move |_| {
        let hire = fresh_id();
        doc.send(PricingEdit::AddHire(hire.clone()));
        status.set("Added a hire.".into());
        focus_later(role_field(&hire));
    };
    let focus_add = add_id.clone();
    let removed = Callback::new(move |role: String| {
        status.set(match role.trim() {
            "" => "Deleted a hire. Undo brings it back.".to_owned(),
            role => format!("Deleted {role}. Undo brings it back."),
        });
        focus_later(focus_add.clone());
    });
    view! {
        <div class="hires no-print">
            <For each=move || ids.get() key=|id| id.clone() let(id)>
                <HireFields hire=id on_removed=removed />
            </For>
            <button
                id=add_id
                type="button"
                class="secondary"
                on:click=add
                disabled=move || ids.with(|v| v.len() >= MAX_HIRES)
            >
                "Add a hire"
            </button>
            <p class="visually-hidden" role="status">
                {move || status.get()}
            </p>
        </div>
    }
}

/// The id of a hire's role field, which focus goes to when the hire is added.
fn role_field(hire: &str) -> String {
    format!("hire-role-{hire}")
}

#[component]
fn HireFields(hire: String, on_removed: Callback<String>) -> impl IntoView {
    let lib = Lib::get();
    let cur = currency(lib);
    let id = StoredValue::new(hire);
    let h = Memo::new(move |_| {
        lib.0.with(|l| {
            l.active()
                .pricing
                .in_house
                .hires
                .iter()
                .find(|h| h.id == id.get_value())
                .cloned()
                .unwrap_or_default()
        })
    });
    let doc = doc();
    // One undo step per field typed into.
    let set = move |field: &str, change: HireEdit| {
        let id = id.get_value();
        doc.typed(&format!("{field}:{id}"), PricingEdit::Hire(id, change))
    };
    let role_id = role_field(&id.get_value());
    let role_error = RwSignal::new(None::<String>);
    let role_error_id = format!("{role_id}-error");
    let role = move || h.with(|h| h.role.clone());
    let on_role = move |ev| {
        let result = set("role", HireEdit::Role(event_target_value(&ev)));
        role_error.set(result.err().map(|e| e.message()));
    };
    let remove = move |_| {
        let role = h.with_untracked(|h| h.role.clone());
        doc.send(PricingEdit::RemoveHire(id.get_value()));
        on_removed.run(role);
    };
    view! {
        <fieldset class="hire">
            <legend>{role}</legend>
            <div class="form-grid">
                <div class="field">
                    <label for=role_id.clone()>"Role"</label>
                    <input
                        id=role_id
                        type="text"
                        maxlength=MAX_ROLE_CHARS.to_string()
                        prop:value=role
                        on:input=on_role
                        aria-invalid=move || role_error.get().map(|_| "true")
                        aria-describedby=role_error_id.clone()
                    />
                    <p class="field-error" id=role_error_id aria-live="polite">
                        {move || role_error.get()}
                    </p>
                </div>
                <MoneyField
                    label="Salary a year"
                    value=Signal::derive(move || h.with(|h| h.salary))
                    on_change=Callback::new(move |v| _ = set("salary", HireEdit::Salary(v)))
                    currency=cur
                />
                <PercentField
                    label="Benefits load"
                    value=Signal::derive(move || h.with(|h| h.benefits_bps))
                    on_change=Callback::new(move |v| _ = set("benefits", HireEdit::Benefits(v)))
                    min=0
                    max=MAX_BENEFITS
                    hint=Signal::stored(
                        "Benefits, payroll taxes and overheads, as a share of salary.".to_owned(),
                    )
                />
                <MoneyField
                    label="Tools and training a year"
                    value=Signal::derive(move || h.with(|h| h.tooling))
                    on_change=Callback::new(move |v| _ = set("tooling", HireEdit::Tooling(v)))
                    currency=cur
                />
                <NumberField
                    label="Months to hire"
                    value=Signal::derive(move || i64::from(h.with(|h| h.months_to_hire)))
                    on_change=Callback::new(move |v: i64| {
                        _ = set("months", HireEdit::MonthsToHire(v));
                    })
                    min=0
                    max=MAX_MONTHS_TO_HIRE
                />
            </div>
            <button type="button" class="secondary danger" on:click=remove>
                "Delete"
                <span class="visually-hidden">" " {role}</span>
            </button>
        </fieldset>
    }
}
