//! Reading the tools' documents when a tool's code arrives (`domain::tool_doc`).
//!
//! Start-up leaves each tool's document as stored text; the page of a tool calls `open`
//! for the documents it shows, so each is read and checked before anything renders it. A
//! document that cannot be read is handled like a stored workspace that cannot be: its
//! text moves to a backup key, the workspace leaves the library and the buyer is told.

use leptos::prelude::*;

use crate::browser::clock::{fresh_id, now_ms};
use crate::browser::persistence::{report_quarantined, Saver};
use crate::browser::state::Session;
use crate::browser::storage::{self, Local};
use crate::components::later::after_queued;
use crate::domain::envelope::EnvelopeError;
use crate::domain::persist;
use crate::domain::pricing::Pricing;
use crate::domain::raci::Raci;
use crate::domain::scorecard::Scorecard;
use crate::domain::workspace::{open_in, register, Tool};

/// Reads `T`'s document of every workspace, now and for every workspace that arrives later.
pub fn open<T: Tool>() {
    open_with::<T>(Session::get(), expect_context::<Saver>());
}

/// `open` in a task of its own, once the parts queued before it are built
/// (`after_queued`): for documents a page does not show at its top.
pub fn open_soon<T: Tool>() {
    let (session, saver) = (Session::get(), expect_context::<Saver>());
    after_queued(move || open_with::<T>(session, saver));
}

fn open_with<T: Tool>(session: Session, saver: Saver) {
    register::<T>();
    let failed: Vec<(String, String)> = session.lib.0.with_untracked(|lib| {
        lib.workspaces()
            .iter()
            // A document already read was checked then, and may hold edits since.
            .filter(|ws| !T::doc(ws).is_read())
            .filter_map(|ws| open_in::<T>(ws).err().map(|e| (ws.id.clone(), e)))
            .collect()
    });
    for (id, reason) in failed {
        set_aside(session, saver, &id, reason);
    }
}

fn set_aside(session: Session, saver: Saver, id: &str, reason: String) {
    let key = persist::workspace_key(id);
    let moved = saver.0.try_update_value(|inner| {
        let store = inner.storage.clone()?;
        let raw = storage::read(&store, &key)?;
        let error = EnvelopeError::Inconsistent(reason);
        Some(
            inner
                .saving
                .quarantine(&mut Local(&store), &key, &raw, error, now_ms()),
        )
    });
    session.lib.0.update(|lib| {
        // The library always holds a workspace: a fresh one takes the place of the last.
        if lib.workspaces().len() == 1 {
            lib.create(fresh_id(), now_ms());
        }
        lib.forget(id);
    });
    if let Some(moved) = moved.flatten() {
        report_quarantined(session.notices, moved);
    }
}

/// For pages that show all three tools' documents (workspaces, decision brief, links).
pub fn open_all() {
    open::<Raci>();
    open::<Scorecard>();
    open::<Pricing>();
}
