use leptos::prelude::*;

use super::fields::{MoneyField, PercentField};
use super::{currency, edit};
use crate::browser::clock::fresh_id;
use crate::browser::state::Lib;
use crate::components::number_field::NumberField;
use crate::components::unique_id;
use crate::domain::pricing::alternatives::{
    check_role, Hire, MAX_BENEFITS, MAX_HIRES, MAX_MONTHS_TO_HIRE, MAX_ROLE_CHARS,
};

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
    let add = move |_| {
        edit(lib, |p| {
            if p.in_house.hires.len() < MAX_HIRES {
                p.in_house.hires.push(Hire::generalist(fresh_id()));
            }
        })
    };
    view! {
        <div class="hires no-print">
            <For each=move || ids.get() key=|id| id.clone() let(id)>
                <HireFields hire=id />
            </For>
            <button type="button" class="secondary" on:click=add disabled=move || ids.with(|v| v.len() >= MAX_HIRES)>
                "Add a hire"
            </button>
        </div>
    }
}

#[component]
fn HireFields(hire: String) -> impl IntoView {
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
    let set = move |change: Box<dyn FnOnce(&mut Hire)>| {
        edit(lib, |p| {
            if let Some(h) = p.in_house.hires.iter_mut().find(|h| h.id == id.get_value()) {
                change(h);
            }
        })
    };
    let role_id = unique_id("role");
    let role_error = RwSignal::new(None::<String>);
    let role_error_id = format!("{role_id}-error");
    let role = move || h.with(|h| h.role.clone());
    let on_role = move |ev| {
        let text = event_target_value(&ev);
        match check_role(&text) {
            Ok(()) => {
                role_error.set(None);
                set(Box::new(move |h| h.role = text.trim().to_owned()));
            }
            Err(e) => role_error.set(Some(e.to_owned())),
        }
    };
    let remove = move |_| edit(lib, |p| p.in_house.hires.retain(|h| h.id != id.get_value()));
    view! {
        <fieldset class="hire">
            <legend>{role}</legend>
            <div class="form-grid">
                <div class="field">
                    <label for=role_id.clone()>"Role"</label>
                    <input id=role_id type="text" maxlength=MAX_ROLE_CHARS.to_string() prop:value=role on:input=on_role
                        aria-invalid=move || role_error.get().map(|_| "true") aria-describedby=role_error_id.clone() />
                    <p class="field-error" id=role_error_id aria-live="polite">{move || role_error.get()}</p>
                </div>
                <MoneyField label="Salary a year" value=Signal::derive(move || h.with(|h| h.salary))
                    on_change=Callback::new(move |v| set(Box::new(move |h| h.salary = v))) currency=cur />
                <PercentField label="Benefits load" value=Signal::derive(move || h.with(|h| h.benefits_bps))
                    on_change=Callback::new(move |v| set(Box::new(move |h| h.benefits_bps = v))) min=0 max=MAX_BENEFITS
                    hint=Signal::stored("Benefits, payroll taxes and overheads, as a share of salary.".to_owned()) />
                <MoneyField label="Tools and training a year" value=Signal::derive(move || h.with(|h| h.tooling))
                    on_change=Callback::new(move |v| set(Box::new(move |h| h.tooling = v))) currency=cur />
                <NumberField label="Months to hire" value=Signal::derive(move || i64::from(h.with(|h| h.months_to_hire)))
                    on_change=Callback::new(move |v: i64| set(Box::new(move |h| h.months_to_hire = v as u32))) min=0 max=MAX_MONTHS_TO_HIRE />
            </div>
            <button type="button" class="secondary danger" on:click=remove>
                "Delete" <span class="visually-hidden">" " {role}</span>
            </button>
        </fieldset>
    }
}
