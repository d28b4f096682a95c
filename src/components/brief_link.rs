//! The way from a tool's results to the decision brief, which sets them beside the
//! other two tools'.

use leptos::prelude::*;

use crate::domain::route::Route;

#[component]
pub fn BriefLink() -> impl IntoView {
    view! {
        <p class="brief-link no-print">
            <a href=Route::Decision.href()>"Open the decision brief"</a>
            ": the RACI, the scores and the quotes side by side, with a recommendation."
        </p>
    }
}
