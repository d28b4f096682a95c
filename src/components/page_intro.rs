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
    view! {
        <div class="page-intro">
            <h1 tabindex="-1">{route.title()}</h1>
            <p class="purpose">{route.purpose()}</p>
            <p class="context">
                "Workspace: " <strong>{workspace}</strong> " · "
                <a href=Route::Workspaces.href()>"Change"</a>
            </p>
        </div>
    }
}
