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
use crate::{pages, tools, Frame};

/// The pages that get a static first screen, with the key the loader knows them by.
pub const PAGES: [(Route, &str); 8] = [
    (Route::Home, "home"),
    (Route::Raci, "raci"),
    (Route::Scorecard, "scorecard"),
    (Route::Pricing, "pricing"),
    (Route::Decision, "decision"),
    (Route::Workspaces, "workspaces"),
    (Route::Shared, "shared"),
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
        view! { <Frame>{page(route)}</Frame> }.to_html()
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
        Route::Decision => view! { <pages::loading::Loading route=Route::Decision /> }.into_any(),
        Route::Workspaces => view! { <pages::workspaces::WorkspacesPage /> }.into_any(),
        Route::Shared => view! { <pages::loading::Loading route=Route::Shared /> }.into_any(),
        Route::NotFound => view! { <pages::not_found::NotFound /> }.into_any(),
    }
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
}
