//! Splitline: the browser toolkit for drawing the line between an internal IT team
//! and a managed service provider. `domain` is the pure core; the rest is browser glue
//! and views over it.

pub mod backup;
pub mod clock;
pub mod components;
pub mod domain;
pub mod download;
pub mod file_import;
pub mod pages;
pub mod persistence;
pub mod router;
pub mod share;
pub mod state;
pub mod storage;
pub mod tab_sync;
pub mod tools;

use leptos::prelude::*;

use components::{footer::SiteFooter, header::SiteHeader, notices::NoticeList};
use domain::route::Route;
use state::{
    BrowserPrefs, Conflicts, Health, HealthInfo, IncomingCard, Lib, Notices, Session, Status,
};

/// The whole app: loads the workspaces, keeps them saved, and shows the current page.
#[component]
pub fn App() -> impl IntoView {
    let notices = Notices(RwSignal::new(Vec::new()));
    provide_context(notices);
    let booted = persistence::boot(notices);
    let session = Session {
        lib: Lib(RwSignal::new(booted.library)),
        prefs: BrowserPrefs(RwSignal::new(booted.prefs)),
        status: Status(RwSignal::new(booted.status)),
        health: Health(RwSignal::new(HealthInfo::default())),
        conflicts: Conflicts(RwSignal::new(Vec::new())),
        notices,
    };
    provide_context(session);
    provide_context(session.lib);
    provide_context(session.status);
    provide_context(session.health);
    provide_context(booted.saver);
    provide_context(IncomingCard(RwSignal::new(None)));
    booted.saver.attach(session);
    backup::request_persistence(session.health);
    let route = router::provide_router().0;
    router::announce_page_changes(route);

    view! {
        <SiteHeader />
        <NoticeList />
        <main id="main" tabindex="-1">
            {move || page(route.get())}
        </main>
        <SiteFooter />
    }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <pages::home::Home /> }.into_any(),
        Route::Workspaces => view! { <pages::workspaces::WorkspacesPage /> }.into_any(),
        Route::Raci => view! { <tools::raci::RaciPage /> }.into_any(),
        Route::Scorecard => view! { <tools::scorecard::ScorecardPage /> }.into_any(),
        Route::Pricing => view! { <tools::pricing::PricingPage /> }.into_any(),
        Route::Shared => view! { <pages::shared::SharedPage /> }.into_any(),
        Route::NotFound => view! { <pages::not_found::NotFound /> }.into_any(),
    }
}
