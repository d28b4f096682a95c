use leptos::prelude::*;

use crate::components::page_intro::PageIntro;
use crate::domain::route::Route;

/// The Raci page.
#[component]
pub fn RaciPage() -> impl IntoView {
    view! {
        <PageIntro route=Route::Raci />
    }
}
