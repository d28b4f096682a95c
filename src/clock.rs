//! Time and fresh ids from the browser, for the pure domain that cannot ask for them.

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A fresh id: 40 random bits as 10 hex digits. Unique in practice across tabs,
/// devices and evaluators (a clash needs about a million ids), and short, because ids
/// travel in every share link.
pub fn fresh_id() -> String {
    let half = || (js_sys::Math::random() * f64::from(1u32 << 20)) as u32;
    format!("{:05x}{:05x}", half(), half())
}

/// A date and time in the buyer's locale, for "last changed" labels.
pub fn format_time(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}
