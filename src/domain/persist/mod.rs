//! What the browser's storage holds and how a start-up read is turned into a library.
//!
//! Every key lives here. The browser glue lists the raw `(key, text)` pairs, and
//! `read_library` decides, without touching storage, what loads, what must be moved to
//! a backup key and what must be left alone.

pub mod last_opened;
pub mod save;
pub mod store;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::envelope::{self, EnvelopeError, Kind};
use super::library::Library;
use super::workspace::Workspace;
use save::{decode_workspace, Quarantined, Saving};
use store::Store;

/// Every key we own starts with this, so we never read or clear anyone else's data.
pub const PREFIX: &str = "splitline.";
/// Per-browser settings (the open workspace).
pub const META_KEY: &str = "splitline.meta";
/// One key per workspace, so two tabs on different workspaces never collide.
pub const WORKSPACE_PREFIX: &str = "splitline.ws.";
/// Unreadable data is moved here, never deleted (`Saving::quarantine`).
pub const BACKUP_PREFIX: &str = "splitline.backup.";
/// Written and removed at start-up to find out whether storage works at all.
pub const PROBE_KEY: &str = "splitline.probe";

pub fn workspace_key(id: &str) -> String {
    format!("{WORKSPACE_PREFIX}{id}")
}

/// The backup key for unreadable text found under `key` at `now_ms`.
pub fn backup_key(key: &str, now_ms: i64) -> String {
    let original = key.strip_prefix(PREFIX).unwrap_or(key);
    format!("{BACKUP_PREFIX}{original}.{now_ms}")
}

/// Per-browser settings, stored in their own envelope.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// The workspace that was open last.
    pub active: Option<String>,
    #[serde(flatten)]
    pub prefs: Prefs,
}

/// Settings of this browser that are not about which workspace is open.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The name shown to people who open this browser's share links.
    pub sharer_name: String,
    /// When a backup file was last downloaded from this browser.
    pub last_export_ms: Option<i64>,
    /// "Remind me later" on the backup reminder lasts until then.
    pub reminder_snoozed_until_ms: Option<i64>,
    /// Call mode goes to the next question after a score: a habit of the evaluator at
    /// this browser, kept across reloads (a reload mid-call lost it).
    pub call_advance: bool,
}

/// Every workspace as one file: the "download a copy" of a browser that cannot save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryFile {
    pub workspaces: Vec<Workspace>,
}

/// The pretty JSON of every workspace, for a download.
pub fn library_file(library: &Library) -> String {
    let file = LibraryFile {
        workspaces: library.workspaces().to_vec(),
    };
    envelope::encode_pretty(Kind::Library, &file)
}

/// The result of reading storage at start-up.
#[derive(Debug)]
pub struct Started {
    /// `None` when no workspace could be read; the glue then creates a first one.
    pub library: Option<Library>,
    /// Per-browser settings (defaults when missing or unreadable).
    pub meta: Meta,
    /// Keys written by a newer version: left exactly as they are, never written.
    pub left_alone: Vec<(String, EnvelopeError)>,
    /// Unreadable or inconsistent text, moved to backup keys.
    pub quarantined: Vec<Quarantined>,
    /// What storage holds now, for the saves that follow.
    pub saving: Saving,
}

/// Reads every `(key, text)` pair of our prefix into a library. Text that cannot be used
/// is moved to a backup key in `store`; keys of a newer version are protected.
pub fn start(store: &mut impl Store, entries: &[(String, String)], now_ms: i64) -> Started {
    let mut workspaces: Vec<Workspace> = Vec::new();
    let mut meta = Meta::default();
    let mut problems = Vec::new();
    let mut synced = HashMap::new();
    let mut sorted: Vec<&(String, String)> = entries.iter().collect();
    crate::domain::order::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
    for (key, raw) in sorted {
        let result = if key == META_KEY {
            envelope::decode::<Meta>(raw, Kind::Meta).map(|m| meta = m)
        } else if key.starts_with(WORKSPACE_PREFIX) {
            decode_workspace(key, raw).map(|ws| {
                workspaces.push(ws);
                // Writing the same text again would be wasted work.
                synced.insert(key.clone(), raw.clone());
            })
        } else {
            Ok(())
        };
        if let Err(error) = result {
            problems.push((key, raw, error));
        }
    }
    let mut saving = Saving::new(synced, HashSet::new());
    let mut left_alone = Vec::new();
    let mut quarantined = Vec::new();
    for (key, raw, error) in problems {
        if matches!(error, EnvelopeError::NewerVersion { .. }) {
            saving.protected.insert(key.clone());
            left_alone.push((key.clone(), error));
        } else {
            quarantined.push(saving.quarantine(store, key, raw, error, now_ms));
        }
    }
    Started {
        library: Library::from_loaded(workspaces, meta.active.as_deref()),
        meta,
        left_alone,
        quarantined,
        saving,
    }
}

#[cfg(test)]
mod tests {
    use super::store::Memory;
    use super::*;

    pub(super) fn stored(ws: &Workspace) -> (String, String) {
        (workspace_key(&ws.id), envelope::encode(Kind::Workspace, ws))
    }

    /// Storage holding `entries`, started at `now`.
    fn boot(entries: &[(String, String)], now: i64) -> (Memory, Started) {
        let mut store = Memory::default();
        store.entries.extend(entries.iter().cloned());
        let started = start(&mut store, entries, now);
        (store, started)
    }

    #[test]
    fn reads_workspaces_and_the_open_one() {
        let a = Workspace::new("a".into(), "Acme".into(), 1);
        let b = Workspace::new("b".into(), "Beta".into(), 2);
        let meta = (
            META_KEY.to_owned(),
            envelope::encode(
                Kind::Meta,
                &Meta {
                    active: Some("a".into()),
                    prefs: Prefs {
                        last_export_ms: Some(7),
                        call_advance: true,
                        ..Prefs::default()
                    },
                },
            ),
        );
        let (_, started) = boot(&[stored(&b), meta, stored(&a)], 10);
        assert_eq!(started.meta.prefs.last_export_ms, Some(7));
        assert!(started.meta.prefs.call_advance);
        let lib = started.library.unwrap();
        assert_eq!(lib.workspaces().len(), 2);
        assert_eq!(lib.active_id(), "a");
        assert!(started.quarantined.is_empty() && started.left_alone.is_empty());
        assert_eq!(started.saving.synced.len(), 2);
    }

    #[test]
    fn empty_storage_gives_no_library_and_no_problems() {
        let (_, started) = boot(&[], 0);
        assert!(started.library.is_none());
        assert!(started.quarantined.is_empty() && started.left_alone.is_empty());
    }

    #[test]
    fn corrupt_data_is_moved_to_a_backup_with_its_raw_text() {
        let good = Workspace::new("a".into(), "Acme".into(), 1);
        let bad = (
            "splitline.ws.b".to_owned(),
            "{\"format\":\"splitl".to_owned(),
        );
        let (store, started) = boot(&[stored(&good), bad.clone()], 77);
        assert_eq!(started.library.unwrap().workspaces().len(), 1);
        let [moved] = started.quarantined.as_slice() else {
            panic!("one problem expected: {:?}", started.quarantined);
        };
        assert_eq!(moved.key, "splitline.ws.b");
        assert!(matches!(moved.error, EnvelopeError::NotJson(_)));
        assert_eq!(
            moved.backup_key.as_deref(),
            Some("splitline.backup.ws.b.77")
        );
        assert_eq!(store.read("splitline.backup.ws.b.77"), Some(bad.1));
        assert_eq!(store.read("splitline.ws.b"), None);
    }

    #[test]
    fn a_stored_workspace_that_fails_the_integrity_check_is_backed_up_not_opened() {
        let mut ws = Workspace::new("a".into(), "Acme".into(), 1);
        let provider = crate::domain::provider::Provider {
            id: "p1".into(),
            name: "Northwind".into(),
        };
        ws.providers = vec![provider.clone(), provider];
        let entry = stored(&ws);
        let (store, started) = boot(std::slice::from_ref(&entry), 5);
        assert!(started.library.is_none());
        assert!(matches!(
            started.quarantined[0].error,
            EnvelopeError::Inconsistent(_)
        ));
        assert_eq!(store.read("splitline.backup.ws.a.5"), Some(entry.1));
    }

    #[test]
    fn text_that_cannot_be_backed_up_stays_where_it_is_and_is_protected() {
        let bad = ("splitline.ws.b".to_owned(), "not json".to_owned());
        let mut store = Memory {
            quota_chars: Some(0),
            ..Memory::default()
        };
        store.entries.insert(bad.0.clone(), bad.1.clone());
        let started = start(&mut store, std::slice::from_ref(&bad), 3);
        assert_eq!(started.quarantined[0].backup_key, None);
        assert_eq!(store.read(&bad.0), Some(bad.1));
        assert!(started.saving.protected.contains(&bad.0));
    }

    #[test]
    fn corrupt_settings_are_backed_up_and_the_latest_workspace_opens() {
        let a = Workspace::new("a".into(), "Acme".into(), 1);
        let (_, started) = boot(&[stored(&a), (META_KEY.into(), "nope".into())], 5);
        assert_eq!(started.library.unwrap().active_id(), "a");
        assert_eq!(started.quarantined[0].key, META_KEY);
    }

    #[test]
    fn newer_versions_are_left_alone_and_protected() {
        let newer = (
            "splitline.ws.n".to_owned(),
            r#"{"format":"splitline","kind":"workspace","version":42,"data":{}}"#.to_owned(),
        );
        let (store, started) = boot(std::slice::from_ref(&newer), 5);
        assert!(started.library.is_none());
        assert_eq!(started.left_alone[0].0, "splitline.ws.n");
        assert!(started.saving.protected.contains("splitline.ws.n"));
        assert_eq!(store.read("splitline.ws.n"), Some(newer.1));
    }

    #[test]
    fn earlier_backups_and_unknown_keys_are_left_as_they_are() {
        let entries = [
            ("splitline.backup.ws.x.5".to_owned(), "junk".to_owned()),
            ("splitline.something-else".to_owned(), "junk".to_owned()),
        ];
        let (store, started) = boot(&entries, 9);
        assert!(started.quarantined.is_empty());
        assert_eq!(store.pairs(), entries.to_vec());
    }

    #[test]
    fn the_library_file_holds_every_workspace() {
        let mut lib = Library::new(Workspace::new("a".into(), "Acme".into(), 1));
        lib.create("b".into(), 2);
        let file: LibraryFile = envelope::decode(&library_file(&lib), Kind::Library).unwrap();
        assert_eq!(file.workspaces, lib.workspaces());
    }

    #[test]
    fn the_key_decides_the_workspace_id() {
        let ws = Workspace::new("inside".into(), "Acme".into(), 1);
        let entry = (
            workspace_key("outside"),
            envelope::encode(Kind::Workspace, &ws),
        );
        let (_, started) = boot(&[entry], 0);
        assert_eq!(started.library.unwrap().active_id(), "outside");
    }
}
