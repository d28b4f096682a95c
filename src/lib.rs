//! Splitline: the browser toolkit for drawing the line between an internal IT team
//! and a managed service provider. `domain` is the pure core; the rest is browser glue
//! and views over it.
#![recursion_limit = "512"]

pub mod browser;
pub mod chunks;
pub mod components;
pub mod domain;
pub mod pages;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod split;
pub mod takeover;
pub mod tools;

use leptos::prelude::*;

use browser::state::{BrowserPrefs, Conflicts, Health, HealthInfo, Lib, Notices, Session, Status};
use components::{footer::SiteFooter, header::SiteHeader, later::Later, notices::NoticeList};
use domain::route::Route;
use domain::share::link_page;

/// Starts the app over the static first screen (see `takeover`).
pub fn start() {
    wasm_bindgen_futures::spawn_local(takeover::mount_when_ready());
}

/// The app's state: the workspaces read from storage, saved as they change and kept in
/// step with other tabs. Read in a task of its own, before the app is built (`takeover`).
#[derive(Clone, Copy)]
pub struct AppState {
    session: Session,
    saver: browser::persistence::Saver,
}

impl AppState {
    pub fn start() -> Self {
        let notices = Notices(RwSignal::new(Vec::new()));
        let booted = browser::persistence::boot(notices);
        let session = Session {
            lib: Lib(RwSignal::new(booted.library)),
            prefs: BrowserPrefs(RwSignal::new(booted.prefs)),
            status: Status(RwSignal::new(booted.status)),
            health: Health(RwSignal::new(HealthInfo::default())),
            conflicts: Conflicts(RwSignal::new(Vec::new())),
            notices,
        };
        // In the task that read storage: another tab's write after the read must not be
        // missed while the app is being built.
        browser::tab_sync::listen(booted.saver, session);
        AppState {
            session,
            saver: booted.saver,
        }
    }
}

/// The whole app over its state: keeps the workspaces saved and shows the current page.
#[component]
pub fn App(state: AppState) -> impl IntoView {
    let AppState { session, saver } = state;
    session.provide();
    provide_context(saver);
    saver.attach(session);
    browser::backup::request_persistence(session.health);
    let route = browser::router::provide_router().0;
    browser::router::announce_page_changes(route);
    Effect::new(move |_| session.notices.left_for(route.get()));

    view! {
        <Frame>
            <Later>{move || page(route.get())}</Later>
        </Frame>
    }
}

/// What every page sits in: the header, notices, the page itself and the footer. The
/// static first screens in `index.html` are rendered from this too (`prerender`).
#[component]
pub fn Frame(children: Children) -> impl IntoView {
    // `Later`: on the first mount the header, the page and the footer are each built in
    // a task of their own (see `takeover`); afterwards they are simply there.
    view! {
        <Later>
            <SiteHeader />
        </Later>
        <NoticeList />
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <Later>
            <SiteFooter />
        </Later>
    }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <pages::home::Home /> }.into_any(),
        Route::NotFound => view! { <pages::not_found::NotFound /> }.into_any(),
        split => {
            let (title, purpose) = link_page::heading(&browser::router::location_hash_raw());
            view! {
                <Suspense fallback=move || {
                    view! { <pages::loading::Loading title purpose /> }
                }>
                    {Suspend::new(async move {
                        let page = chunks::page(split)
                            .await
                            .unwrap_or_else(|_| {
                                view! { <pages::loading::NotLoaded title /> }.into_any()
                            });
                        browser::router::refocus_after_loading();
                        page
                    })}
                </Suspense>
            }
            .into_any()
        }
    }
}
