//! Hash routing: the current page follows `location.hash`.
//!
//! leptos_router 0.8 only routes on the path, which needs server rewrites for reloads
//! and sub-paths; see README "Routing" and `domain::route` for why we use the fragment.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::anchor;
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
    stop_at_the_buyers_move();
    focus_anchor(&hash);
    let (route, set_route) = signal(Route::parse(&hash));
    window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = location_hash_raw();
        follow_address(&hash);
        set_route.set(Route::parse(&hash));
        focus_anchor(&hash);
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

/// How often, and how many times, to look for a link's anchor: a tool's code loads and its
/// page builds in pieces first (about 6 s on a slow phone at most).
const ANCHOR_EVERY: std::time::Duration = std::time::Duration::from_millis(60);
const ANCHOR_TRIES: u32 = 100;
/// Checks in a row the anchor must keep the focus: the page's own move to its heading,
/// or a panel built off-screen and swapped in, may take it once more.
const ANCHOR_HELD: u32 = 3;

thread_local! {
    /// Counts the anchors looked for and the buyer's own moves: a search stops when the
    /// count moves on, so a buyer who taps, types or scrolls first keeps the page.
    static ANCHOR_RUN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// The count of anchors looked for and the buyer's own moves so far: a fix of the focus
/// after a change ends when it moves on too (`components::watch_focus`).
pub fn moves() -> u32 {
    ANCHOR_RUN.with(|r| r.get())
}

fn next_run() -> u32 {
    ANCHOR_RUN.with(|r| {
        r.set(r.get().wrapping_add(1));
        r.get()
    })
}

/// Stops any search for an anchor at the buyer's first own move (a touch, a scroll by
/// finger included, starts with a pointerdown).
fn stop_at_the_buyers_move() {
    window_event_listener(leptos::ev::pointerdown, |_| {
        next_run();
    });
    window_event_listener(leptos::ev::keydown, |_| {
        next_run();
    });
    window_event_listener(leptos::ev::wheel, |_| {
        next_run();
    });
}

/// Opens a link at its anchor (`domain::anchor`): once the page has built the element, the
/// focus moves there, which scrolls it into view (inside a scroll box too) and selects a
/// grid cell or function as a click would. Then the anchor leaves the address, so a reload
/// later stays at the top.
fn focus_anchor(hash: &str) {
    if let Some(anchor) = anchor::of_fragment(hash) {
        look_for(anchor.to_owned(), next_run(), 0, 0);
    }
}

fn look_for(anchor: String, run: u32, tries: u32, held: u32) {
    if tries >= ANCHOR_TRIES || ANCHOR_RUN.with(|r| r.get()) != run {
        return;
    }
    let found = document()
        .get_element_by_id(&anchor)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let held = match found {
        Some(el) if document().active_element().as_deref() == Some(&el) => held + 1,
        Some(el) => {
            let _ = el.focus();
            0
        }
        None => 0,
    };
    if held < ANCHOR_HELD {
        set_timeout(move || look_for(anchor, run, tries + 1, held), ANCHOR_EVERY);
    } else if let Ok(history) = window().history() {
        let here = anchor::without(&location_hash_raw());
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here));
    }
}
