use leptos::prelude::*;

use crate::components::page_intro::PageIntro;
use crate::domain::route::Route;

/// The Pricing page.
#[component]
pub fn PricingPage() -> impl IntoView {
    view! {
        <PageIntro route=Route::Pricing />
    }
}
