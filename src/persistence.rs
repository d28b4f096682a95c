//! Loads the library at start-up and keeps storage in step with it.
//!
//! Saves are debounced (300 ms) so typing does not write on every key, and flushed
//! when the page is hidden or unloaded so the last keystrokes are never lost.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use leptos::prelude::*;
use web_sys::Storage;

use crate::clock::{fresh_id, now_ms};
use crate::domain::envelope::{self, Kind};
use crate::domain::library::Library;
use crate::domain::persist::{self, Action, Meta, META_KEY};
use crate::domain::workspace::Workspace;
use crate::state::{Attachment, Lib, Notices, SaveStatus, Status, Tone};
use crate::storage::{self, WriteError};

const DEBOUNCE: Duration = Duration::from_millis(300);

/// What start-up found.
pub struct Booted {
    pub library: Library,
    pub status: SaveStatus,
    pub saver: Saver,
}

/// Reads storage, carries out the backups the domain asks for and reports every problem.
pub fn boot(notices: Notices) -> Booted {
    let now = now_ms();
    let (storage, status) = match storage::open() {
        Ok(s) => (Some(s), SaveStatus::Saved),
        Err(e) => {
            let reason = format!(
                "Storage is unavailable ({}). Your work is kept in this tab only and is lost when you close it: download a copy before you leave.",
                e.0
            );
            (None, SaveStatus::MemoryOnly(reason))
        }
    };
    let entries = storage.as_ref().map(storage::read_all).unwrap_or_default();
    let loaded = persist::read_library(&entries, now);
    let mut protected = HashSet::new();
    for problem in &loaded.problems {
        let what = if problem.key == META_KEY {
            "the app settings"
        } else {
            "a saved workspace"
        };
        let reason = problem.error.message();
        match &problem.action {
            Action::LeaveAlone => {
                protected.insert(problem.key.clone());
                notices.push(
                    Tone::Warning,
                    format!("Splitline could not open {what}. {reason} It was left untouched."),
                    None,
                );
            }
            Action::MoveToBackup { backup_key, raw } => {
                let store = storage.as_ref().expect("problems only come from storage");
                let kept = match storage::write(store, backup_key, raw) {
                    Ok(()) => {
                        storage::remove(store, &problem.key);
                        format!("Nothing was deleted: the raw text is kept in this browser as “{backup_key}”.")
                    }
                    Err(e) => {
                        protected.insert(problem.key.clone());
                        format!(
                            "It could not be copied to a backup ({}), so it was left where it was.",
                            e.message()
                        )
                    }
                };
                let attachment = Attachment {
                    filename: format!("{}.txt", backup_key.replace('.', "-")),
                    mime: "text/plain",
                    contents: raw.clone(),
                };
                notices.push(
                    Tone::Error,
                    format!("Splitline could not read {what}. {reason} {kept} Download the raw data to keep a copy."),
                    Some(attachment),
                );
            }
        }
    }
    let library = loaded.library.unwrap_or_else(|| {
        Library::new(Workspace::new(
            fresh_id(),
            "My first engagement".into(),
            now,
        ))
    });
    // What storage holds now: writing the same text again would be wasted work.
    let written = entries
        .into_iter()
        .filter(|(k, _)| k == META_KEY || k.starts_with(persist::WORKSPACE_PREFIX))
        .filter(|(k, _)| !loaded.problems.iter().any(|p| &p.key == k))
        .collect();
    let saver = Saver(StoredValue::new_local(Inner {
        storage,
        written,
        protected,
        timer: None,
    }));
    Booted {
        library,
        status,
        saver,
    }
}

struct Inner {
    storage: Option<Storage>,
    /// The text last written (or read) per key.
    written: HashMap<String, String>,
    /// Keys holding data from a newer version: never written or removed.
    protected: HashSet<String>,
    timer: Option<TimeoutHandle>,
}

/// Writes the library to storage, debounced. A copyable handle; the state stays on
/// the main thread because `web_sys::Storage` cannot leave it.
#[derive(Clone, Copy)]
pub struct Saver(StoredValue<Inner, LocalStorage>);

impl Saver {
    /// Saves after every change of the library, and at once when the page goes away.
    pub fn attach(self, lib: Lib, status: Status) {
        Effect::new(move |_| {
            lib.0.track();
            self.schedule(lib, status);
        });
        window_event_listener(leptos::ev::pagehide, move |_| self.flush(lib, status));
        window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                self.flush(lib, status);
            }
        });
    }

    fn schedule(self, lib: Lib, status: Status) {
        let scheduled = self.0.try_update_value(|inner| {
            if inner.storage.is_none() {
                return false;
            }
            if let Some(timer) = inner.timer.take() {
                timer.clear();
            }
            inner.timer = set_timeout_with_handle(move || self.flush(lib, status), DEBOUNCE).ok();
            true
        });
        if scheduled == Some(true) && status.0.get_untracked() == SaveStatus::Saved {
            status.0.set(SaveStatus::Pending);
        }
    }

    /// Saves now: on a timer, or because the page is going away.
    pub fn flush(self, lib: Lib, status: Status) {
        let wanted = lib.0.with_untracked(wanted_texts);
        let outcome = self
            .0
            .try_update_value(|inner| inner.write(&wanted))
            .flatten();
        if let Some(failure) = outcome {
            status.0.set(match failure {
                None => SaveStatus::Saved,
                Some(e) => SaveStatus::Failed(format!(
                    "{} Your latest changes are kept in this tab only: download a copy, then free some space.",
                    e.message()
                )),
            });
        }
    }

    /// The raw text of a backup key, for a download.
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
            keys.sort();
            keys
        })
    }
}

impl Inner {
    /// Writes every key whose text changed and removes the keys of deleted workspaces.
    /// `None` when storage is unavailable; otherwise the last write error, if any.
    fn write(&mut self, wanted: &HashMap<String, String>) -> Option<Option<WriteError>> {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        let store = self.storage.clone()?;
        let inner = self;
        let mut failure: Option<WriteError> = None;
        for (key, text) in wanted {
            if inner.protected.contains(key) || inner.written.get(key) == Some(text) {
                continue;
            }
            match storage::write(&store, key, text) {
                Ok(()) => {
                    inner.written.insert(key.clone(), text.clone());
                }
                Err(e) => failure = Some(e),
            }
        }
        let gone: Vec<String> = inner
            .written
            .keys()
            .filter(|k| !wanted.contains_key(*k))
            .cloned()
            .collect();
        for key in gone {
            storage::remove(&store, &key);
            inner.written.remove(&key);
        }
        Some(failure)
    }
}

/// The text every key should hold for this library.
fn wanted_texts(lib: &Library) -> HashMap<String, String> {
    let mut wanted: HashMap<String, String> = lib
        .workspaces()
        .iter()
        .map(|ws| {
            (
                persist::workspace_key(&ws.id),
                envelope::encode(Kind::Workspace, ws),
            )
        })
        .collect();
    let meta = Meta {
        active: Some(lib.active_id().to_owned()),
    };
    wanted.insert(META_KEY.to_owned(), envelope::encode(Kind::Meta, &meta));
    wanted
}
