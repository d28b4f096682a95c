//! The first mount. `index.html` arrives with a static first screen in `#app` (see
//! `prerender`); once the page's chunk has loaded, the live app replaces it in one step,
//! so nothing flashes or moves. `boot.js` carries over what the visitor already did on
//! the static screen: it reads the fields before and replays clicks after, on the two
//! events dispatched here.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::router;
use crate::components::later::{after_all, after_queued, app_is_live};
use crate::domain::route::Route;
use crate::{chunks, App, AppState};

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
    // The app's state is read in this task; the app is built off-screen in the next,
    // while the static screen stays in view and keeps taking input, and the header, the
    // page's top (in parts marked `offscreen`), the footer and the page's lower parts in
    // tasks of their own after that (`Later`), so no single task builds it all and a tap
    // never waits for the whole build. Once every part is built, the live app replaces
    // the static screen in one step, in the task that hands it what the visitor did:
    // no key typed in between can land outside a field.
    let state = AppState::start();
    let root = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    let staging = document()
        .create_element("div")
        .ok()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    let (Some(root), Some(staging)) = (root, staging) else {
        app_is_live();
        leptos::mount::mount_to_body(move || view! { <App state /> });
        announce("splitline:live");
        return;
    };
    after_queued(move || {
        leptos::mount::mount_to(staging.clone(), move || view! { <App state /> }).forget();
        // After the parts the build just queued, and those that they queue.
        after_all(move || take_over(&root, &staging));
    });
}

/// Puts the live app built in `staging` in place of the static screen, then lets
/// `boot.js` replay on it the fields typed into and buttons clicked on the static one.
fn take_over(root: &web_sys::HtmlElement, staging: &web_sys::HtmlElement) {
    announce("splitline:leaving-static");
    let _ = root.remove_attribute("data-static");
    root.replace_children_with_node(&js_sys::Array::from(&staging.child_nodes()));
    app_is_live();
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
