//! Browser storage glue: the only code that touches `localStorage`.
//!
//! Decisions about what to load, back up or refuse are made by `domain::persist`;
//! this module just carries them out and reports failures as values, never panics,
//! because a browser with storage disabled must still run the app in memory.

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

use super::page_hooks;

use crate::domain::persist::store::{Store, WriteError};
use crate::domain::persist::{PREFIX, PROBE_KEY};

/// Why storage cannot be read at all; the app then works in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unavailable(pub String);

/// Storage that can be read, and whether it can be written too.
pub struct Opened {
    pub storage: Storage,
    /// Why a test write failed (usually a full quota). What is stored is still read:
    /// a full browser must show every workspace it holds.
    pub cannot_write: Option<WriteError>,
}

/// Finds out whether localStorage can be read, then whether it takes a write (a probe
/// key, written and removed). Only after `local_storage()` succeeds is
/// `LocalStorage::raw()` safe: gloo throws without storage.
pub fn open() -> Result<Opened, Unavailable> {
    let window = web_sys::window().ok_or_else(|| Unavailable("no window".into()))?;
    let storage = match window.local_storage() {
        Ok(Some(_)) => LocalStorage::raw(),
        Ok(None) => return Err(Unavailable("this browser offers no local storage".into())),
        Err(e) => return Err(Unavailable(js_message(&e))),
    };
    storage.length().map_err(|e| Unavailable(js_message(&e)))?;
    let cannot_write = signal(&storage, PROBE_KEY, "1").err();
    Ok(Opened {
        storage,
        cannot_write,
    })
}

/// The browser's localStorage as the domain's `Store`.
pub struct Local<'a>(pub &'a Storage);

impl Store for Local<'_> {
    fn read(&self, key: &str) -> Option<String> {
        read(self.0, key)
    }

    fn write(&mut self, key: &str, text: &str) -> Result<(), WriteError> {
        write(self.0, key, text)
    }

    fn remove(&mut self, key: &str) {
        remove(self.0, key);
    }
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
    set(storage, key, text)?;
    copy(key, &JsValue::from_str(text));
    Ok(())
}

pub fn remove(storage: &Storage, key: &str) {
    // A failed removal only leaves stale data behind; nothing is lost.
    if storage.remove_item(key).is_ok() {
        copy(key, &JsValue::NULL);
    }
}

/// A write that leaves nothing behind (a message to other tabs, through their `storage`
/// event, or the start-up probe): removed at once and never copied, so a restore never
/// replays it. Whether it could be written.
pub fn signal(storage: &Storage, key: &str, text: &str) -> Result<(), WriteError> {
    let sent = set(storage, key, text);
    let _ = storage.remove_item(key);
    sent
}

/// This tab's open workspace, kept in `sessionStorage`, which a reload keeps and another
/// tab does not share: a reload opens the workspace this tab had open, while the one
/// opened last in any tab (the settings' `active`) is for a new tab.
const TAB_WORKSPACE: &str = "splitline.tab-workspace";

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn tab_workspace() -> Option<String> {
    session()?.get_item(TAB_WORKSPACE).ok().flatten()
}

pub fn keep_tab_workspace(id: &str) {
    if let Some(session) = session() {
        // Without it, a reload opens the workspace opened last in any tab: nothing lost.
        let _ = session.set_item(TAB_WORKSPACE, id);
    }
}

/// Hands a write (or, as null, a removal) to the durable copy in IndexedDB (copies.js).
/// Chromium puts localStorage on disk late and in batches, later still after many
/// writes: a browser killed during a call lost a quarter-minute of scores that showed as
/// saved. IndexedDB has a write on disk once its transaction completes, and copies.js puts
/// back what localStorage lost before the app reads it. See README, "Saving".
fn copy(key: &str, text: &JsValue) {
    if let Some(copy) = page_hooks::find("splitlineCopy") {
        let _ = copy.call2(&JsValue::NULL, &JsValue::from_str(key), text);
    }
}

fn set(storage: &Storage, key: &str, text: &str) -> Result<(), WriteError> {
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

fn js_message(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
