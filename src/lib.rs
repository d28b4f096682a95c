//! Splitline: the browser toolkit for drawing the line between an internal IT team
//! and a managed service provider. `domain` is the pure core; the rest is browser glue
//! and views over it.

pub mod clock;
pub mod components;
pub mod domain;
pub mod download;
pub mod pages;
pub mod persistence;
pub mod router;
pub mod state;
pub mod storage;
pub mod tools;

use leptos::prelude::*;

use components::{header::SiteHeader, notices::NoticeList};
use domain::route::Route;
use state::{Lib, Notices, Status};

/// The whole app: loads the workspaces, keeps them saved, and shows the current page.
#[component]
pub fn App() -> impl IntoView {
    let notices = Notices(RwSignal::new(Vec::new()));
    provide_context(notices);
    let booted = persistence::boot(notices);
    let lib = Lib(RwSignal::new(booted.library));
    let status = Status(RwSignal::new(booted.status));
    provide_context(lib);
    provide_context(status);
    provide_context(booted.saver);
    booted.saver.attach(lib, status);
    let route = router::provide_router().0;
    router::announce_page_changes(route);

    view! {
        <SiteHeader />
        <NoticeList />
        <main id="main" tabindex="-1">
            {move || page(route.get())}
        </main>
        <footer class="site-footer">
            <p>
                "Splitline runs entirely in your browser. Your workspaces stay on this device unless you export or share them."
            </p>
        </footer>
    }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <pages::home::Home /> }.into_any(),
        Route::Workspaces => view! { <pages::workspaces::WorkspacesPage /> }.into_any(),
        Route::Raci => view! { <tools::raci::RaciPage /> }.into_any(),
        Route::Scorecard => view! { <tools::scorecard::ScorecardPage /> }.into_any(),
        Route::Pricing => view! { <tools::pricing::PricingPage /> }.into_any(),
        Route::NotFound => view! { <pages::not_found::NotFound /> }.into_any(),
    }
}
