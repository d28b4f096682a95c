//! Heads a printout: whose it is, what it is and when it was prepared. Hidden on screen.

use leptos::prelude::*;

use crate::browser::clock::{format_time, now_ms};
use crate::browser::state::Lib;

#[component]
pub fn PrintHeading(
    /// What the printout is, after the company's name: "managed IT quotes compared".
    what: &'static str,
) -> impl IntoView {
    let lib = Lib::get();
    let line = move || {
        lib.0.with(|l| {
            let ws = l.active();
            let company = ws.profile.company_name.trim();
            let who = if company.is_empty() {
                ws.display_name()
            } else {
                company
            };
            format!("{who}: {what}. Prepared {}.", format_time(now_ms()))
        })
    };
    view! { <p class="print-only print-heading">{line}</p> }
}
