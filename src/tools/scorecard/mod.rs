use leptos::prelude::*;

use crate::components::page_intro::PageIntro;
use crate::domain::route::Route;

/// The Scorecard page.
#[component]
pub fn ScorecardPage() -> impl IntoView {
    view! {
        <PageIntro route=Route::Scorecard />
    }
}
