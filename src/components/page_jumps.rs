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
        .map(|&(label, id)| jump_button(label.to_owned(), id.to_owned()))
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

/// A link-styled button that takes focus to the element with `id` (a heading, a field).
pub fn jump_button(label: String, id: String) -> impl IntoView {
    view! {
        <button
            type="button"
            class="link"
            on:click=move |ev| {
                let from = ev.current_target().and_then(|t| t.dyn_into().ok());
                jump(id.clone(), from);
            }
        >
            {label}
        </button>
    }
}

/// Goes to the section, or waits for it: the RACI's panels below the matrix come in a
/// chunk of their own, about a second after the matrix on a slow phone, and a press in
/// that second must not be lost. A late jump must never take the page from whatever the
/// user went on to, so the wait ends at a later press, when focus leaves the pressed
/// button, or when the page is scrolled.
fn jump(id: String, from: Option<web_sys::Element>) {
    let press = PRESSES.with(|p| {
        p.set(p.get() + 1);
        p.get()
    });
    if land(&id) {
        return;
    }
    let doc = document();
    // Safari does not focus a clicked button: then focus on the page itself is unmoved.
    let focused = from.is_some() && doc.active_element() == from;
    let watch = Watch {
        press,
        from: if focused {
            from
        } else {
            doc.body().map(Into::into)
        },
        scroll_y: window().scroll_y().unwrap_or(0.0),
    };
    wait(id, watch, STEP);
}

/// What a waiting jump checks before it lands.
struct Watch {
    press: u32,
    /// Where focus was when the button was pressed: the button, or the page's body.
    from: Option<web_sys::Element>,
    scroll_y: f64,
}

impl Watch {
    fn still_wanted(&self) -> bool {
        PRESSES.with(|p| p.get()) == self.press
            && document().active_element() == self.from
            && (window().scroll_y().unwrap_or(0.0) - self.scroll_y).abs() < 40.0
    }
}

thread_local! {
    /// Presses of a Go to button, so a waiting one gives way to any later press.
    static PRESSES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn wait(id: String, watch: Watch, waited: Duration) {
    set_timeout(
        move || {
            if !watch.still_wanted() || land(&id) || waited >= WAIT {
                return;
            }
            wait(id, watch, waited + STEP);
        },
        STEP,
    );
}

/// Moves focus to the section's heading (or a field) and brings it into view, if it is there.
fn land(id: &str) -> bool {
    let Some(heading) = super::html_by_id(id) else {
        return false;
    };
    // Headings are not focusable until told; -1 keeps them out of the Tab order (a
    // field, already in it, is left there).
    if heading.tab_index() < 0 {
        let _ = heading.set_attribute("tabindex", "-1");
    }
    let _ = heading.focus();
    heading.scroll_into_view();
    true
}
