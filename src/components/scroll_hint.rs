//! The line over a chart that keeps a readable size and scrolls in its frame on a phone,
//! where no scroll bar shows that there is more to the right.

use leptos::prelude::*;

/// Shown only on screens narrow enough for the chart to scroll (main.css); for the eye
/// alone, since the chart's own label and the lines under it say it all in words.
#[component]
pub fn ScrollHint() -> impl IntoView {
    view! {
        <p class="scroll-hint" aria-hidden="true">
            "Scroll sideways to see the whole chart."
        </p>
    }
}
