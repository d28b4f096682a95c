//! A page's heading, its one-line purpose and the workspace it works on.

use leptos::prelude::*;

use crate::browser::state::Lib;
use crate::domain::route::Route;

/// The page heading, its one-line purpose and the workspace it works on.
#[component]
pub fn PageIntro(
    /// The page being introduced.
    route: Route,
) -> impl IntoView {
    let lib = Lib::get();
    let workspace = move || lib.0.with(|l| l.active().display_name().to_owned());
    // The workspaces page lists them all with the open one marked: "Change" would link
    // to the page itself.
    let context = (route != Route::Workspaces).then(|| {
        view! {
            <p class="context">
                "Workspace: " <strong>{workspace}</strong> " · "
                <a href=Route::Workspaces.href()>"Change"</a>
            </p>
        }
    });
    view! {
        <div class="page-intro">
            <h1 tabindex="-1">{route.title()}</h1>
            <p class="purpose">{route.purpose()}</p>
            {context}
        </div>
    }
}
