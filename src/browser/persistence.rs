//! Loads the library at start-up and keeps storage in step with it.
//!
//! Saves are debounced (300 ms, never more than about 2 s behind a run of changes) so
//! typing does not write on every key, and flushed
//! when the page is hidden or unloaded so the last keystrokes are never lost. Before a
//! workspace key is written, its stored text is compared with what this tab last
//! synced: if another tab wrote it in between, nothing is overwritten (`tab_sync`).

use std::collections::HashSet;
use std::time::Duration;

use leptos::prelude::*;
use web_sys::Storage;

use crate::browser::clock::{fresh_id, now_ms};
use crate::browser::state::{Attachment, Conflict, Notices, SaveStatus, Session, Tone};
use crate::browser::storage::{self, Local};
use crate::browser::tab_merge::on_conflict;
use crate::domain::library::Library;
use crate::domain::persist::last_opened::LastOpened;
use crate::domain::persist::save::{wanted_texts, Held, Outcome, Quarantined, Saving};
use crate::domain::persist::store::{Memory, WriteError};
use crate::domain::persist::{self, Meta, Prefs, META_KEY};
use crate::domain::sync::kept_after_delete;

const DEBOUNCE: Duration = Duration::from_millis(300);

/// The longest a change waits for a pause: a buyer scoring a call tap after tap never
/// pauses for 300 ms, and nothing was written until they stopped.
const MAX_WAIT_MS: i64 = 2000;

/// What start-up found.
pub struct Booted {
    pub library: Library,
    pub prefs: Prefs,
    pub status: SaveStatus,
    pub saver: Saver,
}

/// Reads storage, carries out the backups the domain asks for and reports every problem.
/// Storage that can be read is always read, even when it cannot be written.
pub fn boot(notices: Notices) -> Booted {
    let now = now_ms();
    let (storage, status) = match storage::open() {
        Ok(opened) => {
            let status = match opened.cannot_write {
                None => SaveStatus::Saved,
                Some(e) => SaveStatus::Failed(not_saved(&e)),
            };
            (Some(opened.storage), status)
        }
        Err(e) => {
            let reason = format!(
                "Storage is unavailable ({}). Your work is kept in this tab only and is lost when you close it: download a copy before you leave.",
                e.0
            );
            (None, SaveStatus::MemoryOnly(reason))
        }
    };
    let entries = storage.as_ref().map(storage::read_all).unwrap_or_default();
    let started = match storage.as_ref() {
        Some(store) => persist::start(&mut Local(store), &entries, now),
        None => persist::start(&mut Memory::default(), &[], now),
    };
    for (key, error) in &started.left_alone {
        let text = if key == META_KEY {
            format!(
                "Splitline could not open the app settings. {} They were left untouched, so this browser's settings are not saved until this page is updated.",
                error.summary()
            )
        } else {
            format!(
                "Splitline could not open a saved workspace. {} It was left untouched.",
                error.summary()
            )
        };
        notices.push(Tone::Warning, text, None);
    }
    for moved in started.quarantined {
        report_quarantined(notices, moved);
    }
    let mut library = started
        .library
        .unwrap_or_else(|| Library::first(fresh_id(), now));
    if let Some(id) = storage::tab_workspace() {
        // Unknown when it was deleted meanwhile: the settings' choice stands.
        library.switch(&id);
    }
    let saver = Saver(StoredValue::new_local(Inner {
        storage,
        saving: started.saving,
        edited: false,
        timer: None,
        waiting_since: 0,
        merging: HashSet::new(),
        last_opened: LastOpened::new(library.active_id(), started.meta.active),
    }));
    Booted {
        library,
        prefs: started.meta.prefs,
        status,
        saver,
    }
}

/// Tells the buyer that stored text could not be used and where it went, with the raw
/// text to download.
pub(crate) fn report_quarantined(notices: Notices, moved: Quarantined) {
    let what = if moved.key == META_KEY {
        "the app settings"
    } else {
        "a saved workspace"
    };
    let kept = match &moved.backup_key {
        Some(backup_key) => {
            format!("Nothing was deleted: the raw text is kept in this browser as “{backup_key}”.")
        }
        None => "It could not be copied to a backup, so it was left where it was.".to_owned(),
    };
    let name = moved.backup_key.as_deref().unwrap_or(&moved.key);
    let attachment = Attachment {
        label: "Download the raw data",
        filename: format!("{}.txt", name.replace('.', "-")),
        mime: "text/plain",
        contents: moved.raw,
    };
    notices.push(
        Tone::Error,
        format!(
            "Splitline could not read {what}. {} {kept} Download the raw data to keep a copy.",
            moved.error.summary()
        ),
        Some(attachment),
    );
}

pub(crate) struct Inner {
    pub(crate) storage: Option<Storage>,
    pub(crate) saving: Saving,
    /// Whether the library changed after start-up (closing a tab that cannot save then
    /// loses work).
    edited: bool,
    timer: Option<TimeoutHandle>,
    /// When the change the timer waits to save was first made.
    waiting_since: i64,
    /// Workspace keys whose two tabs' versions are being merged (`tab_merge`).
    pub(crate) merging: HashSet<String>,
    last_opened: LastOpened,
}

/// Writes the library to storage, debounced. A copyable handle; the state stays on
/// the main thread because `web_sys::Storage` cannot leave it.
#[derive(Clone, Copy)]
pub struct Saver(pub(crate) StoredValue<Inner, LocalStorage>);

impl Saver {
    /// A saver with no storage behind it: the static first screens are rendered with one.
    pub fn in_memory() -> Saver {
        Saver(StoredValue::new_local(Inner {
            storage: None,
            saving: Saving::default(),
            edited: false,
            timer: None,
            waiting_since: 0,
            merging: HashSet::new(),
            last_opened: LastOpened::default(),
        }))
    }

    /// Saves after every change, and at once when the page goes away (`tab_sync::listen`
    /// follows other tabs).
    pub fn attach(self, session: Session) {
        Effect::new(move |ran: Option<()>| {
            session.lib.0.track();
            session.prefs.0.track();
            if ran.is_some() {
                self.0.update_value(|inner| inner.edited = true);
            }
            self.schedule(session);
        });
        window_event_listener(leptos::ev::pagehide, move |_| self.flush(session));
        window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                self.flush(session);
            }
        });
        window_event_listener(leptos::ev::beforeunload, move |ev| {
            self.flush(session);
            if self.unsaved(session) {
                // Browsers show their own wording; asking is all a page may do.
                ev.prevent_default();
                ev.set_return_value("Your latest changes are not saved.");
            }
        });
    }

    /// Whether closing the page now would lose changes.
    fn unsaved(self, session: Session) -> bool {
        match session.status.0.get_untracked() {
            SaveStatus::Saved => false,
            // Saved on a timer or as the page goes, unless two tabs' edits are merging.
            SaveStatus::Pending => self.0.with_value(|inner| !inner.merging.is_empty()),
            SaveStatus::Failed(_) | SaveStatus::Held(_) => true,
            SaveStatus::MemoryOnly(_) => self.0.with_value(|inner| inner.edited),
        }
    }

    pub(crate) fn schedule(self, session: Session) {
        let scheduled = self.0.try_update_value(|inner| {
            if inner.storage.is_none() {
                return false;
            }
            let now = now_ms();
            match inner.timer.take() {
                // Waited long enough: the timer set last goes off, whatever comes after.
                Some(timer) if now - inner.waiting_since >= MAX_WAIT_MS => {
                    inner.timer = Some(timer);
                    return true;
                }
                Some(timer) => timer.clear(),
                None => inner.waiting_since = now,
            }
            inner.timer = set_timeout_with_handle(move || self.flush(session), DEBOUNCE).ok();
            true
        });
        if scheduled == Some(true) && session.status.0.get_untracked() == SaveStatus::Saved {
            session.status.0.set(SaveStatus::Pending);
        }
    }

    /// Saves now: on a timer, or because the page is going away.
    pub fn flush(self, session: Session) {
        let pending: HashSet<String> = session
            .conflicts
            .0
            .with_untracked(|c| c.iter().map(|c| persist::workspace_key(&c.id)).collect());
        let wanted = session.lib.0.with_untracked(wanted_texts);
        let open = session.lib.0.with_untracked(|l| l.active_id().to_owned());
        storage::keep_tab_workspace(&open);
        let prefs = session.prefs.0.get_untracked();
        let outcome = self
            .0
            .try_update_value(|inner| {
                if let Some(timer) = inner.timer.take() {
                    timer.clear();
                }
                let meta = Meta {
                    active: Some(inner.last_opened.name(&open)),
                    prefs,
                };
                let store = inner.storage.clone()?;
                Some(
                    inner
                        .saving
                        .save(&mut Local(&store), &wanted, &pending, &meta, now_ms()),
                )
            })
            .flatten();
        if let Some(outcome) = outcome {
            self.report(session, outcome);
        }
    }

    /// Shows what a save did: conflicts, workspaces that came back, text moved aside, and
    /// a status that says only what is true.
    fn report(self, session: Session, outcome: Outcome) {
        for (id, name, theirs_exists) in outcome.conflicts {
            on_conflict(
                self,
                session,
                Conflict {
                    id,
                    name,
                    theirs_exists,
                    changes: None,
                },
            );
        }
        for ws in outcome.kept_from_other_tab {
            session
                .notices
                .push(Tone::Warning, kept_after_delete(ws.display_name()), None);
            session.lib.0.update(|l| l.replace(ws));
        }
        for moved in outcome.quarantined {
            report_quarantined(session.notices, moved);
        }
        let now = now_ms();
        session.health.0.update(|h| {
            h.used_chars = outcome.used_chars;
            if outcome.failure.is_none() && outcome.wrote {
                h.last_saved_ms = Some(now);
            }
        });
        // A conflict being merged is no question yet: the merge saves when it is done,
        // or asks the buyer and saves again to say so.
        let mut held = outcome.held;
        let found = held.len();
        let asked = |id: &str| {
            session
                .conflicts
                .0
                .with_untracked(|c| c.iter().any(|c| c.id == id))
        };
        held.retain(|h| !matches!(h, Held::Conflict { id, .. } if !asked(id)));
        let status = match (outcome.failure, Held::message(&held)) {
            (Some(e), _) => SaveStatus::Failed(not_saved(&e)),
            (None, Some(held)) => SaveStatus::Held(held),
            (None, None) if held.len() < found => SaveStatus::Pending,
            (None, None) => SaveStatus::Saved,
        };
        session.status.0.set(status);
    }

    /// The raw text of a key, for a download or a comparison.
    pub fn read(self, key: &str) -> Option<String> {
        self.0
            .with_value(|inner| storage::read(inner.storage.as_ref()?, key))
    }

    /// Deletes a backup the buyer no longer wants.
    pub fn remove(self, key: &str) {
        self.0.with_value(|inner| {
            if let Some(store) = inner.storage.as_ref() {
                storage::remove(store, key);
            }
        });
    }

    /// Keys of unreadable data kept from this and earlier starts.
    pub fn backups(self) -> Vec<String> {
        self.0.with_value(|inner| {
            let Some(store) = inner.storage.as_ref() else {
                return Vec::new();
            };
            let mut keys: Vec<String> = storage::read_all(store)
                .into_iter()
                .map(|(k, _)| k)
                .filter(|k| k.starts_with(persist::BACKUP_PREFIX))
                .collect();
            crate::domain::order::sort_by(&mut keys, String::cmp);
            keys
        })
    }
}

/// One sentence for a write that failed, at start-up or later: what is safe, what is not,
/// and what to do.
fn not_saved(error: &WriteError) -> String {
    format!(
        "{} Your saved workspaces are all here, but new changes are kept in this tab only: download a copy, then delete workspaces or backups you no longer need.",
        error.message()
    )
}

/// Records a conflict once per workspace.
pub(crate) fn add_conflict(session: Session, conflict: Conflict) {
    session.conflicts.0.update(|list| {
        if !list.iter().any(|c| c.id == conflict.id) {
            list.push(conflict);
        }
    });
}
