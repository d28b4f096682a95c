//! The first mount. `index.html` arrives with a static first screen in `#app` (see
//! `prerender`); once the page's chunk has loaded, the live app replaces it in one step,
//! so nothing flashes or moves. `boot.js` carries over what the visitor already did on
//! the static screen: it reads the fields before and replays clicks after, on the two
//! events dispatched here.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::router;
use crate::domain::route::Route;
use crate::{chunks, App};

/// Loads the chunk of the page in the address (again if a static link changed it
/// meanwhile), then mounts the app over the static first screen.
pub async fn mount_when_ready() {
    loop {
        let route = Route::parse(&router::location_hash_raw());
        chunks::preload(route).await;
        if Route::parse(&router::location_hash_raw()) == route {
            break;
        }
    }
    // Never before the static screen has painted: a visitor (and Lighthouse's trace) must
    // see it as the largest paint, not the same text painted again by the app.
    after_next_paint().await;
    announce("splitline:leaving-static");
    let root = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            let _ = root.remove_attribute("data-static");
            root.replace_children_with_node_0();
            leptos::mount::mount_to(root, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
    announce("splitline:live");
}

/// Resolves once a frame has been painted: the second animation frame from now.
async fn after_next_paint() {
    for _ in 0..2 {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().request_animation_frame(&resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    }
}

fn announce(name: &str) {
    if let Ok(event) = web_sys::Event::new(name) {
        let _ = document().dispatch_event(&event);
    }
}
