//! Time and fresh ids from the browser, for the pure domain that cannot ask for them.

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

/// A date and time in the buyer's locale, for "last changed" labels.
#[cfg(target_arch = "wasm32")]
pub fn format_time(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}

/// A UTC date and time (native builds: the static first screens have no locale).
#[cfg(not(target_arch = "wasm32"))]
pub fn format_time(ms: i64) -> String {
    // Days to a civil date: Howard Hinnant's `civil_from_days`.
    let (days, minutes) = (
        ms.div_euclid(86_400_000),
        ms.rem_euclid(86_400_000) / 60_000,
    );
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year}-{month:02}-{day:02} {:02}:{:02} UTC",
        minutes / 60,
        minutes % 60
    )
}
