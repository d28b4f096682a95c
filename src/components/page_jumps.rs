//! Buttons that take a long page to one of its sections. With three quotes the pricing
//! page is about 8,000 px tall and its answer, the comparison, sits below all of them.
//! Buttons rather than `#id` links, because the address's fragment is the route.

use leptos::prelude::*;

/// One button per `(label, heading id)`. A click moves focus to the heading, so the
/// next Tab continues from the section and a screen reader reads where it landed.
#[component]
pub fn PageJumps(sections: &'static [(&'static str, &'static str)]) -> impl IntoView {
    let buttons = sections
        .iter()
        .map(|&(label, id)| {
            view! {
                <button type="button" class="link" on:click=move |_| jump(id)>
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

fn jump(id: &str) {
    let Some(heading) = super::html_by_id(id) else {
        return;
    };
    // Headings are not focusable until told; -1 keeps them out of the Tab order.
    let _ = heading.set_attribute("tabindex", "-1");
    let _ = heading.focus();
    heading.scroll_into_view();
}
