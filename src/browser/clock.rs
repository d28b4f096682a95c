//! Time and fresh ids from the browser, for the pure domain that cannot ask for them.

use crate::domain::when::Moment;

/// Milliseconds since the Unix epoch.
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Milliseconds since the Unix epoch (native builds render the static first screens).
#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// A fresh id: 40 random bits as 10 hex digits. Unique in practice across tabs,
/// devices and evaluators (a clash needs about a million ids), and short, because ids
/// travel in every share link.
pub fn fresh_id() -> String {
    let half = || (js_sys::Math::random() * f64::from(1u32 << 20)) as u32;
    format!("{:05x}{:05x}", half(), half())
}

/// A date and time in the buyer's time zone, for "last saved" and "prepared" labels.
#[cfg(target_arch = "wasm32")]
pub fn format_time(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    Moment {
        year: i64::from(date.get_full_year()),
        month: date.get_month() + 1,
        day: date.get_date(),
        hour: date.get_hours(),
        minute: date.get_minutes(),
    }
    .text()
}

/// A UTC date and time (native builds: the static first screens have no time zone).
#[cfg(not(target_arch = "wasm32"))]
pub fn format_time(ms: i64) -> String {
    format!("{} UTC", Moment::utc(ms).text())
}
