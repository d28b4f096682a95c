//! Buttons that take a long page to one of its sections. With three quotes the pricing
//! page is about 8,000 px tall and its answer, the comparison, sits below all of them.
//! Buttons rather than `#id` links, because the address's fragment is the route.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How long a jump waits for a section still being built or fetched, and how often it looks.
const WAIT: Duration = Duration::from_secs(5);
const STEP: Duration = Duration::from_millis(100);

/// One button per `(label, heading id)`. A click moves focus to the heading, so the
/// next Tab continues from the section and a screen reader reads where it landed.
#[component]
pub fn PageJumps(sections: &'static [(&'static str, &'static str)]) -> impl IntoView {
    let buttons = sections
        .iter()
        .map(|&(label, id)| {
            view! {
                <button
                    type="button"
                    class="link"
                    on:click=move |ev| {
                        let from = ev.current_target().and_then(|t| t.dyn_into().ok());
                        jump(id, from, Duration::ZERO);
                    }
                >
                    {label}
                </button>
            }
        })
        .collect_view();
    view! {
        <nav class="page-jumps no-print" aria-label="Sections of this page">
            <span class="jumps-label" aria-hidden="true">
                "Go to"
            </span>
            {buttons}
        </nav>
    }
}

/// Goes to the section, or waits for it: the RACI's panels below the matrix come in a
/// chunk of their own, about a second after the matrix on a slow phone, and a click in
/// that second must not be lost. The wait ends as soon as focus leaves the button that
/// was pressed, so a late jump never takes focus from whatever the user went on to.
fn jump(id: &'static str, from: Option<web_sys::Element>, waited: Duration) {
    if waited > Duration::ZERO && !focus_stayed(from.as_ref()) {
        return;
    }
    if let Some(heading) = super::html_by_id(id) {
        // Headings are not focusable until told; -1 keeps them out of the Tab order.
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
        heading.scroll_into_view();
        return;
    }
    if waited < WAIT {
        set_timeout(move || jump(id, from, waited + STEP), STEP);
    }
}

/// Focus is still on the pressed button, or on nothing (Safari does not focus a clicked
/// button).
fn focus_stayed(button: Option<&web_sys::Element>) -> bool {
    let doc = document();
    let active = doc.active_element();
    active.is_none() || active.as_ref() == button || active == doc.body().map(Into::into)
}
