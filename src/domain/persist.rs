//! What the browser's storage holds and how a start-up read is turned into a library.
//!
//! Every key lives here. The browser glue lists the raw `(key, text)` pairs, and
//! `read_library` decides, without touching storage, what loads, what must be moved to
//! a backup key and what must be left alone.

use serde::{Deserialize, Serialize};

use super::envelope::{self, EnvelopeError, Kind};
use super::library::Library;
use super::workspace::Workspace;

/// Every key we own starts with this, so we never read or clear anyone else's data.
pub const PREFIX: &str = "splitline.";
/// Per-browser settings (the open workspace).
pub const META_KEY: &str = "splitline.meta";
/// One key per workspace, so two tabs on different workspaces never collide.
pub const WORKSPACE_PREFIX: &str = "splitline.ws.";
/// Unreadable data is moved here, never deleted.
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

/// Something found at start-up that the buyer must be told about.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub key: String,
    pub error: EnvelopeError,
    pub action: Action,
}

/// What the glue must do about a problem.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Copy the raw text to `backup_key`, then remove the original so it is not reported again.
    MoveToBackup { backup_key: String, raw: String },
    /// Written by a newer version: leave it exactly where it is and do not write that key.
    LeaveAlone,
}

/// The result of reading storage at start-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// `None` when no workspace could be read; the glue then creates a first one.
    pub library: Option<Library>,
    pub problems: Vec<Problem>,
    /// Keys of unreadable data kept from earlier starts.
    pub backups: Vec<String>,
    /// Keys the app must never write (newer versions it cannot read).
    pub protected: Vec<String>,
    /// Per-browser settings (defaults when missing or unreadable).
    pub meta: Meta,
}

/// Turns the raw `(key, text)` pairs of our prefix into a library and a list of problems.
pub fn read_library(entries: &[(String, String)], now_ms: i64) -> Loaded {
    let mut workspaces: Vec<Workspace> = Vec::new();
    let mut problems = Vec::new();
    let mut backups = Vec::new();
    let mut meta = Meta::default();
    let mut sorted: Vec<&(String, String)> = entries.iter().collect();
    crate::domain::order::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
    for (key, raw) in sorted {
        let result = if key == META_KEY {
            envelope::decode::<Meta>(raw, Kind::Meta).map(|m| meta = m)
        } else if let Some(id) = key.strip_prefix(WORKSPACE_PREFIX) {
            envelope::decode::<Workspace>(raw, Kind::Workspace).map(|mut ws| {
                // The key is the id the rest of storage refers to.
                ws.id = id.to_owned();
                workspaces.push(ws);
            })
        } else {
            if key.starts_with(BACKUP_PREFIX) {
                backups.push(key.clone());
            }
            Ok(())
        };
        if let Err(error) = result {
            let action = match error {
                EnvelopeError::NewerVersion { .. } => Action::LeaveAlone,
                _ => Action::MoveToBackup {
                    backup_key: backup_key(key, now_ms),
                    raw: raw.clone(),
                },
            };
            problems.push(Problem {
                key: key.clone(),
                error,
                action,
            });
        }
    }
    let protected = problems
        .iter()
        .filter(|p| p.action == Action::LeaveAlone)
        .map(|p| p.key.clone())
        .collect();
    Loaded {
        library: Library::from_loaded(workspaces, meta.active.as_deref()),
        problems,
        backups,
        protected,
        meta,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(ws: &Workspace) -> (String, String) {
        (workspace_key(&ws.id), envelope::encode(Kind::Workspace, ws))
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
                        ..Prefs::default()
                    },
                },
            ),
        );
        let loaded = read_library(&[stored(&b), meta, stored(&a)], 10);
        assert_eq!(loaded.meta.prefs.last_export_ms, Some(7));
        let lib = loaded.library.unwrap();
        assert_eq!(lib.workspaces().len(), 2);
        assert_eq!(lib.active_id(), "a");
        assert!(loaded.problems.is_empty());
    }

    #[test]
    fn empty_storage_gives_no_library_and_no_problems() {
        let loaded = read_library(&[], 0);
        assert_eq!(loaded.library, None);
        assert!(loaded.problems.is_empty());
    }

    #[test]
    fn corrupt_data_is_moved_to_a_backup_with_its_raw_text() {
        let good = Workspace::new("a".into(), "Acme".into(), 1);
        let bad = (
            "splitline.ws.b".to_owned(),
            "{\"format\":\"splitl".to_owned(),
        );
        let loaded = read_library(&[stored(&good), bad.clone()], 77);
        assert_eq!(loaded.library.unwrap().workspaces().len(), 1);
        assert_eq!(loaded.problems.len(), 1);
        let problem = &loaded.problems[0];
        assert_eq!(problem.key, "splitline.ws.b");
        assert!(matches!(problem.error, EnvelopeError::NotJson(_)));
        assert_eq!(
            problem.action,
            Action::MoveToBackup {
                backup_key: "splitline.backup.ws.b.77".into(),
                raw: bad.1
            }
        );
    }

    #[test]
    fn corrupt_settings_are_backed_up_and_the_latest_workspace_opens() {
        let a = Workspace::new("a".into(), "Acme".into(), 1);
        let loaded = read_library(&[stored(&a), (META_KEY.into(), "nope".into())], 5);
        assert_eq!(loaded.library.unwrap().active_id(), "a");
        assert_eq!(loaded.problems[0].key, META_KEY);
    }

    #[test]
    fn newer_versions_are_left_alone_and_protected() {
        let newer = (
            "splitline.ws.n".to_owned(),
            r#"{"format":"splitline","kind":"workspace","version":42,"data":{}}"#.to_owned(),
        );
        let loaded = read_library(&[newer], 5);
        assert_eq!(loaded.library, None);
        assert_eq!(loaded.problems[0].action, Action::LeaveAlone);
        assert_eq!(loaded.protected, vec!["splitline.ws.n".to_owned()]);
    }

    #[test]
    fn earlier_backups_are_listed_and_unknown_keys_ignored() {
        let entries = [
            ("splitline.backup.ws.x.5".to_owned(), "junk".to_owned()),
            ("splitline.something-else".to_owned(), "junk".to_owned()),
        ];
        let loaded = read_library(&entries, 9);
        assert_eq!(loaded.backups, vec!["splitline.backup.ws.x.5".to_owned()]);
        assert!(loaded.problems.is_empty());
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
        let lib = read_library(&[entry], 0).library.unwrap();
        assert_eq!(lib.active_id(), "outside");
    }
}
