//! Time and fresh ids from the browser, for the pure domain that cannot ask for them.

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A short id that is unique across tabs and devices in practice: time plus randomness,
/// so two tabs creating a workspace in the same millisecond still differ.
pub fn fresh_id() -> String {
    let random = (js_sys::Math::random() * f64::from(1u32 << 30)) as u32;
    format!("{:x}{:08x}", now_ms(), random)
}

/// A date and time in the buyer's locale, for "last changed" labels.
pub fn format_time(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}
