//! What every quote is priced for: user and device counts, yearly growth and the currency.

use leptos::prelude::*;

use super::fields::PercentField;
use super::{doc, typed};
use crate::browser::state::Lib;
use crate::components::number_field::NumberField;
use crate::components::unique_id;
use crate::domain::pricing::edit::{Count, PricingEdit};
use crate::domain::pricing::environment::{Environment, MAX_COUNT, MAX_GROWTH, MIN_GROWTH};
use crate::domain::pricing::money::Currency;

/// Users, devices, growth and currency: what every quote is priced for.
#[component]
pub fn EnvironmentPanel() -> impl IntoView {
    let lib = Lib::get();
    let doc = doc();
    let env = Memo::new(move |_| lib.0.with(|l| l.active().pricing.env.clone()));
    let counts = Memo::new(move |_| {
        lib.0.with(|l| {
            let ws = l.active();
            ws.pricing.env.counts(&ws.profile)
        })
    });
    let employees = Memo::new(move |_| lib.0.with(|l| l.active().profile.employees));
    let count_field = move |label: &'static str,
                            hint: &'static str,
                            get: fn(&crate::domain::pricing::environment::Counts) -> u32,
                            which: Count| {
        view! {
            <NumberField
                label=label
                value=Signal::derive(move || i64::from(get(&counts.get())))
                on_change=Callback::new(move |v: i64| typed(
                    doc,
                    label,
                    PricingEdit::Count(which, v),
                ))
                min=0
                max=MAX_COUNT
                hint=hint
            />
        }
    };
    let currency_id = unique_id("currency");
    let on_currency = move |ev| {
        if let Some(c) = Currency::from_code(&event_target_value(&ev)) {
            doc.send(PricingEdit::Currency(c));
        }
    };
    let reset = move |_| doc.send(PricingEdit::CountsFollowProfile);
    view! {
        <section class="panel no-print" aria-labelledby="env-title">
            <div class="panel-head">
                <h2 id="env-title">"Your environment"</h2>
                <Show when=move || !env.with(Environment::follows_profile)>
                    <button type="button" class="secondary" on:click=reset>
                        "Use the company profile's figures"
                    </button>
                </Show>
            </div>
            <p class="hint">
                {move || {
                    format!(
                        "Every quote is priced for these counts. Until you change them they follow \
                            the company profile ({} employees).",
                        employees.get(),
                    )
                }}
            </p>
            <div class="form-grid">
                {count_field(
                    "Users",
                    "Defaults to the employees in the company profile.",
                    |c| c.users,
                    Count::Users,
                )}
                {count_field(
                    "Workstations",
                    "Defaults to one per user.",
                    |c| c.workstations,
                    Count::Workstations,
                )}
                {count_field(
                    "Servers",
                    "Defaults to one per 25 users.",
                    |c| c.servers,
                    Count::Servers,
                )}
                {count_field(
                    "Network devices",
                    "Switches, firewalls, access points. Defaults to one per 15 users, at least \
                        two.",
                    |c| c.network,
                    Count::Network,
                )}
                <PercentField
                    label="Growth per year"
                    value=Signal::derive(move || env.with(|e| e.growth_bps))
                    on_change=Callback::new(move |v| typed(doc, "growth", PricingEdit::Growth(v)))
                    min=MIN_GROWTH
                    max=MAX_GROWTH
                    hint="Users and workstations grow by this each contract year. Use a minus sign \
                    for shrinking."
                /> <div class="field">
                    <label for=currency_id.clone()>"Currency"</label>
                    <select id=currency_id on:change=on_currency>
                        {Currency::ALL
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <option
                                        value=c.code()
                                        selected=move || env.with(|e| e.currency == c)
                                    >
                                        {c.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <p class="hint">
                        "All quotes in one currency. Amounts are shown in your browser's number format."
                    </p>
                </div>
            </div>
        </section>
    }
}
