use leptos::prelude::*;

use super::edit;
use crate::browser::state::Lib;
use crate::components::number_field::NumberField;
use crate::domain::pricing::environment::{Usage, MAX_COUNT, MAX_USE};

/// How much of each commonly excluded item the buyer expects to use in a year. The
/// same figures price every quote's exclusions, so the all-in totals compare fairly.
#[component]
pub fn UsagePanel() -> impl IntoView {
    let lib = Lib::get();
    let usage = Memo::new(move |_| lib.0.with(|l| l.active().pricing.usage.clone()));
    let users = Memo::new(move |_| {
        lib.0.with(|l| {
            let ws = l.active();
            ws.pricing.env.counts(&ws.profile).users
        })
    });
    let field = move |label: &'static str, get: fn(&Usage) -> u32, set: fn(&mut Usage, u32)| {
        view! {
            <NumberField
                label=label
                value=Signal::derive(move || i64::from(usage.with(get)))
                on_change=Callback::new(move |v: i64| edit(lib, |p| set(&mut p.usage, v as u32)))
                min=0
                max=MAX_USE
            />
        }
    };
    let seats_follow_users = move |_| edit(lib, |p| p.usage.seats = None);
    view! {
        <section class="panel no-print" aria-labelledby="usage-title">
            <h2 id="usage-title">"What you expect to use each year"</h2>
            <p class="hint">"Your own estimates. Quotes that exclude an item are charged for this much of it at their rate card price, so the all-in figures compare like with like."</p>
            <div class="form-grid">
                {field("Project work (hours a year)", |u| u.project_hours, |u, v| u.project_hours = v)}
                {field("vCIO / advisory (hours a year)", |u| u.advisory_hours, |u, v| u.advisory_hours = v)}
                {field("After-hours incidents (a year)", |u| u.incidents, |u, v| u.incidents = v)}
                {field("Compliance documentation (hours a year)", |u| u.compliance_hours, |u, v| u.compliance_hours = v)}
                {field("On-site visits (a year)", |u| u.visits, |u, v| u.visits = v)}
                <div class="field-stack">
                    <NumberField
                        label="Licensed seats (each month)"
                        value=Signal::derive(move || i64::from(usage.with(|u| u.seats).unwrap_or(users.get())))
                        on_change=Callback::new(move |v: i64| edit(lib, |p| p.usage.seats = Some(v as u32)))
                        min=0
                        max=MAX_COUNT
                        hint="Software licences bought through the MSP. Defaults to one per user, growing with users."
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
