//! The page shown for an address that names no page.

use leptos::prelude::*;

use crate::domain::route::Route;

/// Shown for any fragment that names no page.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="not-found">
            <h1 tabindex="-1">{Route::NotFound.title()}</h1>
            <p>
                "There is no page at this address. The link may be mistyped or from a newer \
                    version of Splitline."
            </p>
            <p>
                <a href=Route::Home.href()>"Go to the start page"</a>
            </p>
        </div>
    }
}
