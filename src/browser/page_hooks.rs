//! The plain-script functions the page gives the app (`public/boot.js`, `public/copies.js`).
//! Each is optional: the wasm tests, and a page without them, run without them.

use wasm_bindgen::{JsCast, JsValue};

/// The page's function `window[name]`, if the page has one.
pub fn find(name: &str) -> Option<js_sys::Function> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()
}
