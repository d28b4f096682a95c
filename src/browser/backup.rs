//! Backups of every workspace as one file, and the browser's promise to keep storage.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::clock::now_ms;
use crate::browser::download::offer;
use crate::browser::state::{Health, Session};
use crate::domain::persist;

/// Downloads every workspace as one JSON file and remembers when, for the reminder.
pub fn export_backup(session: Session) {
    let file = session.lib.0.with_untracked(persist::library_file);
    offer(
        session.notices,
        "splitline-all-workspaces.json",
        "application/json",
        &file,
    );
    let now = now_ms();
    session.prefs.0.update(|p| p.last_export_ms = Some(now));
}

/// Asks the browser not to evict our storage under pressure (and Safari's 7-day rule
/// for installed apps); records the answer for the storage health line.
pub fn request_persistence(health: Health) {
    let manager = window().navigator().storage();
    // Missing outside secure contexts (plain http on a non-local host).
    if manager
        .unchecked_ref::<wasm_bindgen::JsValue>()
        .is_undefined()
    {
        return;
    }
    let Ok(promise) = manager.persist() else {
        return;
    };
    leptos::task::spawn_local(async move {
        if let Ok(granted) = wasm_bindgen_futures::JsFuture::from(promise).await {
            health.0.update(|h| h.persisted = granted.as_bool());
        }
    });
}
