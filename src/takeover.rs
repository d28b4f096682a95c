//! The first mount. `index.html` arrives with a static first screen in `#app` (see
//! `prerender`); once the page's chunk has loaded, the live app replaces it in one step,
//! so nothing flashes or moves. `boot.js` carries over what the visitor already did on
//! the static screen: it reads the fields before and replays clicks after, on the two
//! events dispatched here.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::router;
use crate::components::later::after_all;
use crate::domain::route::Route;
use crate::{chunks, App};

/// Loads the chunk of the page in the address (again if a static link changed it
/// meanwhile), then mounts the app over the static first screen.
pub async fn mount_when_ready() {
    loop {
        let route = Route::parse(&router::location_hash_raw());
        chunks::preload(route).await;
        if Route::parse(&router::location_hash_raw()) == route {
            chunks::prepare(route).await;
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
            let height = main_of(&root).map_or(0, |main| main.offset_height());
            root.replace_children_with_node_0();
            leptos::mount::mount_to(root.clone(), App).forget();
            // The page's lower parts are built in later tasks (`Later`): until then
            // the page keeps the static screen's height, so the footer does not rise
            // into view and drop back.
            let main = main_of(&root);
            if let Some(main) = &main {
                let _ = main
                    .style()
                    .set_property("min-height", &format!("{height}px"));
            }
            after_all(move || {
                if let Some(main) = main {
                    let _ = main.style().remove_property("min-height");
                }
                // Fields typed into and buttons clicked on the static screen are found
                // on the live page only once all of it is there.
                announce("splitline:live");
            });
        }
        None => {
            leptos::mount::mount_to_body(App);
            announce("splitline:live");
        }
    }
}

fn main_of(root: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    root.query_selector("main")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
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
