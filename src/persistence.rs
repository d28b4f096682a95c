//! Loads the library at start-up and keeps storage in step with it.
//!
//! Saves are debounced (300 ms) so typing does not write on every key, and flushed
//! when the page is hidden or unloaded so the last keystrokes are never lost. Before a
//! workspace key is written, its stored text is compared with what this tab last
//! synced: if another tab wrote it in between, nothing is overwritten (`tab_sync`).

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use leptos::prelude::*;
use web_sys::Storage;

use crate::clock::{fresh_id, now_ms};
use crate::domain::envelope::{self, Kind};
use crate::domain::library::Library;
use crate::domain::persist::{self, Action, Meta, Prefs, META_KEY};
use crate::domain::sync::{decide, Decision};
use crate::domain::workspace::Workspace;
use crate::state::{Attachment, Conflict, Notices, SaveStatus, Session, Tone};
use crate::storage::{self, WriteError};

const DEBOUNCE: Duration = Duration::from_millis(300);

/// What start-up found.
pub struct Booted {
    pub library: Library,
    pub prefs: Prefs,
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
    let library = loaded
        .library
        .unwrap_or_else(|| Library::first(fresh_id(), now));
    // What storage holds now: writing the same text again would be wasted work.
    let synced = entries
        .into_iter()
        .filter(|(k, _)| k.starts_with(persist::WORKSPACE_PREFIX))
        .filter(|(k, _)| !loaded.problems.iter().any(|p| &p.key == k))
        .collect();
    let saver = Saver(StoredValue::new_local(Inner {
        storage,
        synced,
        protected,
        meta_written: None,
        timer: None,
    }));
    Booted {
        library,
        prefs: loaded.meta.prefs,
        status,
        saver,
    }
}

pub(crate) struct Inner {
    pub(crate) storage: Option<Storage>,
    /// Per workspace key, the text this tab last wrote there or read from there.
    pub(crate) synced: HashMap<String, String>,
    /// Keys holding data from a newer version: never written or removed.
    pub(crate) protected: HashSet<String>,
    meta_written: Option<String>,
    timer: Option<TimeoutHandle>,
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
            synced: HashMap::new(),
            protected: HashSet::new(),
            meta_written: None,
            timer: None,
        }))
    }

    /// Saves after every change, at once when the page goes away, and follows other tabs.
    pub fn attach(self, session: Session) {
        Effect::new(move |_| {
            session.lib.0.track();
            session.prefs.0.track();
            self.schedule(session);
        });
        window_event_listener(leptos::ev::pagehide, move |_| self.flush(session));
        window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                self.flush(session);
            }
        });
        crate::tab_sync::listen(self, session);
    }

    pub(crate) fn schedule(self, session: Session) {
        let scheduled = self.0.try_update_value(|inner| {
            if inner.storage.is_none() {
                return false;
            }
            if let Some(timer) = inner.timer.take() {
                timer.clear();
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
        let meta = session.lib.0.with_untracked(|l| Meta {
            active: Some(l.active_id().to_owned()),
            prefs: session.prefs.0.get_untracked(),
        });
        let Some(outcome) = self
            .0
            .try_update_value(|inner| inner.write(&wanted, &pending, &meta))
            .flatten()
        else {
            return;
        };
        for (id, name, theirs_exists) in outcome.conflicts {
            add_conflict(
                session,
                Conflict {
                    id,
                    name,
                    theirs_exists,
                },
            );
        }
        for ws in outcome.kept_from_other_tab {
            session.notices.push(
                Tone::Warning,
                format!(
                    "“{}” was changed in another tab after you deleted it here, so it was kept.",
                    ws.display_name()
                ),
                None,
            );
            session.lib.0.update(|l| l.replace(ws));
        }
        let now = now_ms();
        session.health.0.update(|h| {
            h.used_chars = outcome.used_chars;
            if outcome.failure.is_none() && outcome.wrote {
                h.last_saved_ms = Some(now);
            }
        });
        session.status.0.set(match outcome.failure {
            None => SaveStatus::Saved,
            Some(e) => SaveStatus::Failed(format!(
                "{} Your latest changes are kept in this tab only: download a copy, then free some space.",
                e.message()
            )),
        });
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

/// Records a conflict once per workspace.
pub(crate) fn add_conflict(session: Session, conflict: Conflict) {
    session.conflicts.0.update(|list| {
        if !list.iter().any(|c| c.id == conflict.id) {
            list.push(conflict);
        }
    });
}

/// What one flush did.
struct Outcome {
    failure: Option<WriteError>,
    wrote: bool,
    used_chars: usize,
    /// (id, name, whether the other tab's version exists) of newly found conflicts.
    conflicts: Vec<(String, String, bool)>,
    /// Workspaces deleted here but changed since in another tab: they come back.
    kept_from_other_tab: Vec<Workspace>,
}

impl Inner {
    /// Writes every changed key that no other tab has touched meanwhile, and removes
    /// the keys of workspaces deleted here. `None` when storage is unavailable.
    fn write(
        &mut self,
        wanted: &HashMap<String, (String, String)>,
        pending: &HashSet<String>,
        meta: &Meta,
    ) -> Option<Outcome> {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        let store = self.storage.clone()?;
        let mut out = Outcome {
            failure: None,
            wrote: false,
            used_chars: 0,
            conflicts: Vec::new(),
            kept_from_other_tab: Vec::new(),
        };
        for (key, (name, text)) in wanted {
            let synced = self.synced.get(key);
            if self.protected.contains(key) || pending.contains(key) || synced == Some(text) {
                continue;
            }
            let stored = storage::read(&store, key);
            if decide(Some(text), synced.map(String::as_str), stored.as_deref())
                == Decision::Conflict
            {
                let id = key.trim_start_matches(persist::WORKSPACE_PREFIX).to_owned();
                out.conflicts.push((id, name.clone(), stored.is_some()));
                continue;
            }
            match storage::write(&store, key, text) {
                Ok(()) => {
                    self.synced.insert(key.clone(), text.clone());
                    out.wrote = true;
                }
                Err(e) => out.failure = Some(e),
            }
        }
        let gone: Vec<String> = self
            .synced
            .keys()
            .filter(|k| !wanted.contains_key(*k))
            .cloned()
            .collect();
        for key in gone {
            let synced = self.synced.remove(&key);
            let stored = storage::read(&store, &key);
            if stored.is_some() && stored != synced {
                let revived = stored
                    .as_deref()
                    .and_then(|t| envelope::decode::<Workspace>(t, Kind::Workspace).ok());
                if let Some(mut ws) = revived {
                    ws.id = key.trim_start_matches(persist::WORKSPACE_PREFIX).to_owned();
                    self.synced.insert(key.clone(), stored.unwrap_or_default());
                    out.kept_from_other_tab.push(ws);
                    continue;
                }
            }
            storage::remove(&store, &key);
            out.wrote = true;
        }
        let meta_text = envelope::encode(Kind::Meta, meta);
        if self.meta_written.as_ref() != Some(&meta_text) {
            match storage::write(&store, META_KEY, &meta_text) {
                Ok(()) => self.meta_written = Some(meta_text),
                Err(e) => out.failure = Some(e),
            }
        }
        out.used_chars = self.synced.iter().map(|(k, v)| k.len() + v.len()).sum();
        Some(out)
    }
}

/// The (name, text) every workspace key should hold for this library.
pub(crate) fn wanted_texts(lib: &Library) -> HashMap<String, (String, String)> {
    lib.workspaces()
        .iter()
        .map(|ws| {
            (
                persist::workspace_key(&ws.id),
                (
                    ws.display_name().to_owned(),
                    envelope::encode(Kind::Workspace, ws),
                ),
            )
        })
        .collect()
}
