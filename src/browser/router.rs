//! Hash routing: the current page follows `location.hash`.
//!
//! leptos_router 0.8 only routes on the path, which needs server rewrites for reloads
//! and sub-paths; see README "Routing" and `domain::route` for why we use the fragment.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::route::Route;
#[cfg(target_arch = "wasm32")]
use crate::domain::share::link_page::{self, LinkPage};

/// The page being shown.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub ReadSignal<Route>);

/// Starts following the fragment and provides `CurrentRoute`.
pub fn provide_router() -> CurrentRoute {
    let hash = location_hash_raw();
    follow_address(&hash);
    let (route, set_route) = signal(Route::parse(&hash));
    window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = location_hash_raw();
        follow_address(&hash);
        set_route.set(Route::parse(&hash));
    });
    let current = CurrentRoute(route);
    provide_context(current);
    current
}

/// Names the page in the tab (a share link's title depends on its kind, so it is set on
/// every change of address, not only of route), and marks the page as a provider's while
/// the address is a request link: the header's tools, workspace switcher and save badge
/// are the buyer's, and `style/main.css` hides them under `data-audience` (as
/// `scripts/first-screen.js` does before the app starts).
fn follow_address(hash: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        document().set_title(&link_page::document_title(hash));
        let provider = LinkPage::of(hash) == Some(LinkPage::Request);
        if let Some(root) = document().document_element() {
            let _ = if provider {
                root.set_attribute("data-audience", "provider")
            } else {
                root.remove_attribute("data-audience")
            };
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = hash;
}

/// The fragment of the address (`#/raci`); empty when rendering natively.
pub fn location_hash_raw() -> String {
    #[cfg(target_arch = "wasm32")]
    return window().location().hash().unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// After a navigation, moves focus to the new page's heading, so screen-reader and
/// keyboard users land on the new content, not the old link.
pub fn announce_page_changes(route: ReadSignal<Route>) {
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        if previous.is_some_and(|p| p != current) {
            request_animation_frame(focus_heading);
        }
        current
    });
}

/// For a page whose code arrived after the navigation: the focus went to the "Opening…"
/// heading, which is gone now, so it moves on to the page's own heading.
pub fn refocus_after_loading() {
    let on_loading = document()
        .active_element()
        .and_then(|el| el.closest(".page-loading").ok().flatten())
        .is_some();
    if on_loading {
        request_animation_frame(focus_heading);
    }
}

/// Moves focus to the page's own heading (`main h1`).
pub fn focus_heading() {
    if let Some(h1) = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = h1.focus();
    }
}
