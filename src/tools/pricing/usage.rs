//! How much of each commonly excluded item the buyer expects to use in a year, and the licensed
//! seats: the figures that price every quote's exclusions.

use leptos::prelude::*;

use super::{doc, typed};
use crate::browser::state::Lib;
use crate::components::number_field::NumberField;
use crate::domain::pricing::edit::{PricingEdit, Use};
use crate::domain::pricing::environment::{Usage, MAX_COUNT, MAX_USE};

/// How much of each commonly excluded item the buyer expects to use in a year. The
/// same figures price every quote's exclusions, so the all-in totals compare fairly.
#[component]
pub fn UsagePanel() -> impl IntoView {
    let lib = Lib::get();
    let doc = doc();
    let usage = Memo::new(move |_| lib.0.with(|l| l.active().pricing.usage.clone()));
    let users = Memo::new(move |_| {
        lib.0.with(|l| {
            let ws = l.active();
            ws.pricing.env.counts(&ws.profile).users
        })
    });
    let field = move |label: &'static str, get: fn(&Usage) -> u32, which: Use| {
        view! {
            <NumberField
                label=label
                value=Signal::derive(move || i64::from(usage.with(get)))
                on_change=Callback::new(move |v: i64| typed(doc, label, PricingEdit::Use(which, v)))
                min=0
                max=MAX_USE
            />
        }
    };
    let seats_follow_users = move |_| doc.send(PricingEdit::Seats(None));
    view! {
        <section class="panel no-print" aria-labelledby="usage-title">
            <h2 id="usage-title">"What you expect to use each year"</h2>
            <p class="hint">
                "Your own estimates. Quotes that exclude an item are charged for this much of it \
                    at their rate card price, so the all-in figures compare like with like."
            </p>
            <div class="form-grid">
                {field("Project work (hours a year)", |u| u.project_hours, Use::ProjectHours)}
                {field("vCIO / advisory (hours a year)", |u| u.advisory_hours, Use::AdvisoryHours)}
                {field("After-hours incidents (a year)", |u| u.incidents, Use::Incidents)}
                {field(
                    "Compliance documentation (hours a year)",
                    |u| u.compliance_hours,
                    Use::ComplianceHours,
                )} {field("On-site visits (a year)", |u| u.visits, Use::Visits)}
                <div class="field-stack">
                    <NumberField
                        label="Licensed seats (each month)"
                        value=Signal::derive(move || i64::from(
                            usage.with(|u| u.seats).unwrap_or(users.get()),
                        ))
                        on_change=Callback::new(move |v: i64| typed(
                            doc,
                            "seats",
                            PricingEdit::Seats(Some(v)),
                        ))
                        min=0
                        max=MAX_COUNT
                        hint="Software licences bought through the MSP. Defaults to one per user, \
                        growing with users."
                    />
                    <Show when=move || usage.with(|u| u.seats.is_some())>
                        <button type="button" class="secondary small" on:click=seats_follow_users>
                            "One per user"
                        </button>
                    </Show>
                </div>
            </div>
        </section>
    }
}
