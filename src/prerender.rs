//! The static first screens in `index.html`: each page as a new visitor sees it before
//! the wasm arrives, rendered natively from the same components the app mounts, so the
//! two cannot drift apart. `src/bin/prerender.rs` prints them for the post-build step;
//! the app replaces them when its code has loaded (`boot.js`, `lib.rs::start`).

use std::future::Future;
use std::pin::Pin;

use any_spawner::{CustomExecutor, Executor};
use leptos::prelude::*;

use crate::browser::clock::now_ms;
use crate::browser::persistence::Saver;
use crate::browser::router::CurrentRoute;
use crate::browser::state::SaveStatus;
use crate::browser::state::{
    BrowserPrefs, Conflicts, Health, HealthInfo, Lib, Notices, Session, Status,
};
use crate::domain::library::Library;
use crate::domain::route::Route;
use crate::domain::share::link_page::LinkPage;
use crate::{pages, tools, Frame};

/// The pages that get a static first screen, with the key the loader knows them by (share
/// links have one screen per `LinkPage`, keyed by `LinkPage::key`).
pub const PAGES: [(Route, &str); 7] = [
    (Route::Home, "home"),
    (Route::Raci, "raci"),
    (Route::Scorecard, "scorecard"),
    (Route::Pricing, "pricing"),
    (Route::Decision, "decision"),
    (Route::Workspaces, "workspaces"),
    (Route::NotFound, "not-found"),
];

/// Effects only run in a browser: during rendering, every spawned task is dropped.
struct NoTasks;

impl CustomExecutor for NoTasks {
    fn spawn(&self, _: Pin<Box<dyn Future<Output = ()> + Send>>) {}
    fn spawn_local(&self, _: Pin<Box<dyn Future<Output = ()>>>) {}
    fn poll_local(&self) {}
}

/// The whole body of `route` (header, notices, page, footer) as a new visitor first sees it.
pub fn first_screen(route: Route) -> String {
    render(route, move || page(route))
}

/// The screen a share link shows while its page's code loads (the page is all the link's
/// data, so until it is decoded, it is opening).
pub fn link_screen(link: LinkPage) -> String {
    render(Route::Shared, move || opening(link.title(), link.purpose()))
}

fn render(route: Route, page: impl FnOnce() -> AnyView + Send + 'static) -> String {
    let _ = Executor::init_custom_executor(NoTasks);
    let owner = Owner::new();
    let html = owner.with(|| {
        let notices = Notices(RwSignal::new(Vec::new()));
        let session = Session {
            lib: Lib(RwSignal::new(Library::first("first".into(), now_ms()))),
            prefs: BrowserPrefs(RwSignal::new(Default::default())),
            status: Status(RwSignal::new(SaveStatus::Saved)),
            health: Health(RwSignal::new(HealthInfo::default())),
            conflicts: Conflicts(RwSignal::new(Vec::new())),
            notices,
        };
        session.provide();
        provide_context(Saver::in_memory());
        provide_context(CurrentRoute(signal(route).0));
        view! { <Frame>{page()}</Frame> }.to_html()
    });
    owner.cleanup();
    html
}

/// The page itself, built directly: the app builds the same components through
/// `chunks::page` once their chunk has loaded.
fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <pages::home::Home /> }.into_any(),
        Route::Raci => view! { <tools::raci::RaciPage /> }.into_any(),
        Route::Scorecard => view! { <tools::scorecard::ScorecardPage /> }.into_any(),
        Route::Pricing => view! { <tools::pricing::PricingPage /> }.into_any(),
        // The brief is all the visitor's own data: until it is computed, it is opening.
        Route::Decision => opening(route.title(), route.purpose()),
        Route::Workspaces => view! { <pages::workspaces::WorkspacesPage /> }.into_any(),
        Route::Shared => opening(LinkPage::Copy.title(), LinkPage::Copy.purpose()),
        Route::NotFound => view! { <pages::not_found::NotFound /> }.into_any(),
    }
}

fn opening(title: &'static str, purpose: &'static str) -> AnyView {
    view! { <pages::loading::Loading title purpose /> }.into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_home_page_reads_without_wasm() {
        let html = first_screen(Route::Home);
        assert!(html.contains("Co-managed IT fails where ownership is vague"));
        assert!(html.contains(r##"href="#/raci""##));
        assert!(html.contains("<main"));
        assert!(html.contains("My first engagement"));
    }

    #[test]
    fn each_tool_opens_on_its_first_screen() {
        assert!(first_screen(Route::Raci).contains("Start from the co-managed template"));
        assert!(first_screen(Route::Scorecard).contains("Provider scorecard"));
        assert!(first_screen(Route::Pricing).contains("Pricing comparison"));
        assert!(first_screen(Route::Decision).contains("Decision brief"));
    }

    #[test]
    fn a_provider_opening_a_request_reads_whom_it_is_for() {
        let html = link_screen(LinkPage::Request);
        assert!(html.contains("Request for proposal"));
        assert!(!html.contains("Shared with you"));
        assert!(link_screen(LinkPage::Copy).contains("Shared with you"));
    }
}
