//! What a fault in the app shows. A panic stops the wasm for good (release builds abort),
//! so the hook hands over to plain script in `boot.js` (`splitlineCrashed`), which shows
//! the message and offers the stored workspaces as a file, without calling back in here.

use wasm_bindgen::JsValue;

/// Installs the hook: the console message as before, then the page's fallback.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Hands the fault to the page; does nothing where the page has no fallback.
pub fn show(detail: &str) {
    if let Some(handler) = super::page_hooks::find("splitlineCrashed") {
        let _ = handler.call1(&JsValue::NULL, &JsValue::from_str(detail));
    }
}
