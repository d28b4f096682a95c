use leptos::prelude::*;

use super::fields::{MoneyField, PercentField};
use super::{currency, edit_quote};
use crate::browser::state::Lib;
use crate::components::number_field::NumberField;
use crate::components::unique_id;
use crate::domain::pricing::models::{ModelKind, Rates};
use crate::domain::pricing::money::Cents;
use crate::domain::pricing::quote::{
    Quote, MAX_BLOCK_HOURS, MAX_ESCALATOR, MAX_NOTICE_DAYS, MAX_TERM, MIN_TERM,
};

/// One quote, read from the open workspace (a default if it was deleted meanwhile).
fn quote_memo(lib: Lib, id: StoredValue<String>) -> Memo<Quote> {
    Memo::new(move |_| {
        lib.0.with(|l| {
            l.active()
                .pricing
                .quote(&id.get_value())
                .cloned()
                .unwrap_or_default()
        })
    })
}

/// The pricing model and its own figures.
#[component]
pub fn ModelFields(provider: String) -> impl IntoView {
    let lib = Lib::get();
    let id = StoredValue::new(provider);
    let q = quote_memo(lib, id);
    let cur = currency(lib);
    let model = Memo::new(move |_| q.with(|q| q.model));
    let select_id = unique_id("model");
    let money = move |label: &'static str,
                      hint: &'static str,
                      get: fn(&Rates) -> Cents,
                      set: fn(&mut Rates, Cents)| {
        view! {
            <MoneyField
                label=label
                value=Signal::derive(move || q.with(|q| get(&q.rates)))
                on_change=Callback::new(move |v| edit_quote(lib, &id.get_value(), |q| set(&mut q.rates, v)))
                currency=cur
                hint=Signal::stored(hint.to_owned())
            />
        }
    };
    let hours = move |label: &'static str,
                      hint: &'static str,
                      get: fn(&Rates) -> u32,
                      set: fn(&mut Rates, u32)| {
        view! {
            <NumberField
                label=label
                value=Signal::derive(move || i64::from(q.with(|q| get(&q.rates))))
                on_change=Callback::new(move |v: i64| edit_quote(lib, &id.get_value(), |q| set(&mut q.rates, v as u32)))
                min=0
                max=MAX_BLOCK_HOURS
                hint=hint
            />
        }
    };
    let fields = move || {
        match model.get() {
        ModelKind::PerUser => money("Rate per user a month", "Co-managed band: $45 to $175; most quotes $65 to $120.", |r| r.per_user, |r, v| r.per_user = v).into_any(),
        ModelKind::PerDevice => view! {
            {money("Rate per workstation a month", "Usual band: $25 to $75.", |r| r.workstation, |r, v| r.workstation = v)}
            {money("Rate per server a month", "Often several hundred each.", |r| r.server, |r, v| r.server = v)}
            {money("Rate per network device a month", "", |r| r.network, |r, v| r.network = v)}
        }.into_any(),
        ModelKind::Retainer => money("Monthly retainer", "Usual band: $2,500 to $15,000 a month.", |r| r.retainer, |r, v| r.retainer = v).into_any(),
        ModelKind::BlockHours => view! {
            {hours("Hours in the monthly block", "", |r| r.block_hours, |r, v| r.block_hours = v)}
            {money("Block rate per hour", "Usual band: $125 to $200.", |r| r.block_rate, |r, v| r.block_rate = v)}
            {money("Overage rate per hour", "Usual band: $150 to $250.", |r| r.overage_rate, |r, v| r.overage_rate = v)}
            {hours("Hours you expect to use a month", "Hours above the block are billed at the overage rate; unused hours are lost.", |r| r.expected_hours, |r, v| r.expected_hours = v)}
        }.into_any(),
        ModelKind::Hybrid => view! {
            {money("Base rate per user a month", "Co-managed band: $45 to $175.", |r| r.per_user, |r, v| r.per_user = v)}
            {money("Project rate per hour", "Usual band: $150 to $250. Charged for the project hours you expect each year.", |r| r.project_rate, |r, v| r.project_rate = v)}
        }.into_any(),
    }
    };
    view! {
        <fieldset class="quote-fields">
            <legend>"Pricing model"</legend>
            <div class="form-grid">
                <div class="field">
                    <label for=select_id.clone()>"Model"</label>
                    <select id=select_id on:change=move |ev| {
                        if let Some(m) = ModelKind::from_key(&event_target_value(&ev)) {
                            edit_quote(lib, &id.get_value(), |q| q.model = m);
                        }
                    }>
                        {ModelKind::ALL.into_iter().map(|m| view! {
                            <option value=m.key() selected=move || model.get() == m>{m.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                {fields}
            </div>
        </fieldset>
    }
}

/// Fees and contract terms every model has.
#[component]
pub fn ContractFields(provider: String) -> impl IntoView {
    let lib = Lib::get();
    let id = StoredValue::new(provider);
    let q = quote_memo(lib, id);
    let cur = currency(lib);
    let set = move |change: Box<dyn FnOnce(&mut Quote)>| edit_quote(lib, &id.get_value(), change);
    view! {
        <fieldset class="quote-fields">
            <legend>"Fees and contract"</legend>
            <div class="form-grid">
                <MoneyField
                    label="Onboarding fee (one time)"
                    value=Signal::derive(move || q.with(|q| q.onboarding))
                    on_change=Callback::new(move |v| set(Box::new(move |q| q.onboarding = v)))
                    currency=cur
                />
                <MoneyField
                    label="Platform / tool access fee a month"
                    value=Signal::derive(move || q.with(|q| q.platform))
                    on_change=Callback::new(move |v| set(Box::new(move |q| q.platform = v)))
                    currency=cur
                />
                <PercentField
                    label="Annual price escalator"
                    value=Signal::derive(move || q.with(|q| q.escalator_bps))
                    on_change=Callback::new(move |v| set(Box::new(move |q| q.escalator_bps = v)))
                    min=0
                    max=MAX_ESCALATOR
                    hint="Applied to every rate from the second contract year."
                />
                <NumberField
                    label="Contract term (months)"
                    value=Signal::derive(move || i64::from(q.with(|q| q.term_months)))
                    on_change=Callback::new(move |v: i64| set(Box::new(move |q| q.term_months = v as u32)))
                    min=MIN_TERM
                    max=MAX_TERM
                    hint="Usually 24 to 36."
                />
                <NumberField
                    label="Notice period (days)"
                    value=Signal::derive(move || i64::from(q.with(|q| q.notice_days)))
                    on_change=Callback::new(move |v: i64| set(Box::new(move |q| q.notice_days = v as u32)))
                    min=0
                    max=MAX_NOTICE_DAYS
                />
            </div>
        </fieldset>
    }
}
