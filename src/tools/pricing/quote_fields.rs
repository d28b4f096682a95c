//! A quote's input fields: the pricing model with its rates, and the fees and contract terms.

use leptos::prelude::*;

use super::fields::{MoneyField, PercentField};
use super::fmt::us_bands;
use super::{currency, doc, typed_quote};
use crate::browser::state::Lib;
use crate::components::number_field::NumberField;
use crate::components::unique_id;
use crate::domain::pricing::edit::{Hours, PricingEdit, QuoteEdit, Rate};
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
    let doc = doc();
    let id = StoredValue::new(provider);
    let q = quote_memo(lib, id);
    let cur = currency(lib);
    let model = Memo::new(move |_| q.with(|q| q.model));
    let select_id = unique_id("model");
    let money =
        move |label: &'static str, hint: &'static str, get: fn(&Rates) -> Cents, which: Rate| {
            view! {
                <MoneyField
                    label=label
                    value=Signal::derive(move || q.with(|q| get(&q.rates)))
                    on_change=Callback::new(move |v| typed_quote(
                        doc,
                        &id.get_value(),
                        label,
                        QuoteEdit::Rate(which, v),
                    ))
                    currency=cur
                    hint=Signal::derive(move || us_bands(hint, cur.get()))
                />
            }
        };
    let hours =
        move |label: &'static str, hint: &'static str, get: fn(&Rates) -> u32, which: Hours| {
            view! {
                <NumberField
                    label=label
                    value=Signal::derive(move || i64::from(q.with(|q| get(&q.rates))))
                    on_change=Callback::new(move |v: i64| typed_quote(
                        doc,
                        &id.get_value(),
                        label,
                        QuoteEdit::Hours(which, v),
                    ))
                    min=0
                    max=MAX_BLOCK_HOURS
                    hint=hint
                />
            }
        };
    let fields = move || match model.get() {
        ModelKind::PerUser => money(
            "Rate per user a month",
            "Co-managed band: $45 to $175; most quotes $65 to $120.",
            |r| r.per_user,
            Rate::PerUser,
        )
        .into_any(),
        ModelKind::PerDevice => view! {
            {money(
                "Rate per workstation a month",
                "Usual band: $25 to $75.",
                |r| r.workstation,
                Rate::Workstation,
            )}
            {money(
                "Rate per server a month",
                "Often several hundred each.",
                |r| r.server,
                Rate::Server,
            )}
            {money("Rate per network device a month", "", |r| r.network, Rate::Network)}
        }
        .into_any(),
        ModelKind::Retainer => money(
            "Monthly retainer",
            "Usual band: $2,500 to $15,000 a month.",
            |r| r.retainer,
            Rate::Retainer,
        )
        .into_any(),
        ModelKind::BlockHours => view! {
            {hours("Hours in the monthly block", "", |r| r.block_hours, Hours::Block)}
            {money(
                "Block rate per hour",
                "Usual band: $125 to $200.",
                |r| r.block_rate,
                Rate::BlockRate,
            )}
            {money(
                "Overage rate per hour",
                "Usual band: $150 to $250.",
                |r| r.overage_rate,
                Rate::OverageRate,
            )}
            {hours(
                "Expected hours used a month",
                "Hours above the block are billed at the overage rate; unused hours are lost.",
                |r| r.expected_hours,
                Hours::Expected,
            )}
        }
        .into_any(),
        ModelKind::Hybrid => view! {
            {money(
                "Base rate per user a month",
                "Co-managed band: $45 to $175.",
                |r| r.per_user,
                Rate::PerUser,
            )}
            {money(
                "Project rate per hour",
                "Usual band: $150 to $250. Charged for the project hours you expect each year.",
                |r| r.project_rate,
                Rate::ProjectRate,
            )}
        }
        .into_any(),
    };
    view! {
        <fieldset class="quote-fields">
            <legend>"Pricing model"</legend>
            <div class="form-grid">
                <div class="field">
                    <label for=select_id.clone()>"Model"</label>
                    <select
                        id=select_id
                        on:change=move |ev| {
                            if let Some(m) = ModelKind::from_key(&event_target_value(&ev)) {
                                doc.send(PricingEdit::Quote(id.get_value(), QuoteEdit::Model(m)));
                            }
                        }
                    >
                        {ModelKind::ALL
                            .into_iter()
                            .map(|m| {
                                view! {
                                    <option value=m.key() selected=move || model.get() == m>
                                        {m.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
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
    let doc = doc();
    let set =
        move |field: &str, change: QuoteEdit| typed_quote(doc, &id.get_value(), field, change);
    view! {
        <fieldset class="quote-fields">
            <legend>"Fees and contract"</legend>
            <div class="form-grid">
                <MoneyField
                    label="Onboarding fee (one time)"
                    value=Signal::derive(move || q.with(|q| q.onboarding))
                    on_change=Callback::new(move |v| set("onboarding", QuoteEdit::Onboarding(v)))
                    currency=cur
                    none_when_empty=true
                />
                <MoneyField
                    label="Platform / tool access fee a month"
                    value=Signal::derive(move || q.with(|q| q.platform))
                    on_change=Callback::new(move |v| set("platform", QuoteEdit::Platform(v)))
                    currency=cur
                    none_when_empty=true
                />
                <PercentField
                    label="Annual price escalator"
                    value=Signal::derive(move || q.with(|q| q.escalator_bps))
                    on_change=Callback::new(move |v| set("escalator", QuoteEdit::Escalator(v)))
                    min=0
                    max=MAX_ESCALATOR
                    hint="Applied to every rate from the second contract year."
                />
                <NumberField
                    label="Contract term (months)"
                    value=Signal::derive(move || i64::from(q.with(|q| q.term_months)))
                    on_change=Callback::new(move |v: i64| set("term", QuoteEdit::TermMonths(v)))
                    min=MIN_TERM
                    max=MAX_TERM
                    hint="Usually 24 to 36."
                />
                <NumberField
                    label="Notice period (days)"
                    value=Signal::derive(move || i64::from(q.with(|q| q.notice_days)))
                    on_change=Callback::new(move |v: i64| set("notice", QuoteEdit::NoticeDays(v)))
                    min=0
                    max=MAX_NOTICE_DAYS
                />
            </div>
        </fieldset>
    }
}
