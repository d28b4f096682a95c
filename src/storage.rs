//! Browser storage glue: the only code that touches `localStorage`.
//!
//! Decisions about what to load, back up or refuse are made by `domain::persist`;
//! this module just carries them out and reports failures as values, never panics,
//! because a browser with storage disabled must still run the app in memory.

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::JsCast;
use web_sys::Storage;

use crate::domain::persist::{PREFIX, PROBE_KEY};

/// Why storage cannot be used at all; the app then works in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unavailable(pub String);

/// Why one write failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The browser's quota for this site is used up.
    Full,
    Other(String),
}

impl WriteError {
    pub fn message(&self) -> String {
        match self {
            WriteError::Full => "This browser's storage for Splitline is full.".into(),
            WriteError::Other(detail) => format!("The browser refused to save ({detail})."),
        }
    }
}

/// Finds out whether localStorage works, by writing and removing a probe key.
/// Only after this succeeds is `LocalStorage::raw()` safe: gloo throws without storage.
pub fn open() -> Result<Storage, Unavailable> {
    let window = web_sys::window().ok_or_else(|| Unavailable("no window".into()))?;
    let storage = match window.local_storage() {
        Ok(Some(_)) => LocalStorage::raw(),
        Ok(None) => return Err(Unavailable("this browser offers no local storage".into())),
        Err(e) => return Err(Unavailable(js_message(&e))),
    };
    write(&storage, PROBE_KEY, "1").map_err(|e| Unavailable(e.message()))?;
    storage
        .remove_item(PROBE_KEY)
        .map_err(|e| Unavailable(js_message(&e)))?;
    Ok(storage)
}

/// Every `(key, text)` pair under our prefix.
pub fn read_all(storage: &Storage) -> Vec<(String, String)> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            Some((key, text))
        })
        .collect()
}

pub fn read(storage: &Storage, key: &str) -> Option<String> {
    storage.get_item(key).ok().flatten()
}

pub fn write(storage: &Storage, key: &str, text: &str) -> Result<(), WriteError> {
    storage.set_item(key, text).map_err(|e| {
        let name = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| d.name())
            .unwrap_or_default();
        // Firefox used its own name for the quota error before it adopted the standard one.
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            WriteError::Full
        } else {
            WriteError::Other(js_message(&e))
        }
    })
}

pub fn remove(storage: &Storage, key: &str) {
    // A failed removal only leaves stale data behind; nothing is lost.
    let _ = storage.remove_item(key);
}

fn js_message(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
