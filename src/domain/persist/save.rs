//! Keeping storage in step with the library: what one save writes, skips, keeps or backs
//! up. The browser glue (`crate::browser::persistence`) only schedules saves and shows the result.
//!
//! Three rules hold on every path: a key written by a newer version is never written or
//! removed; text that cannot be read or fails the integrity check is moved to a backup key,
//! never deleted; and a change that was not written is reported, so "Saved" is only shown
//! when it is true.

use std::collections::{HashMap, HashSet};

use super::store::{Store, WriteError};
use super::{backup_key, workspace_key, Meta, META_KEY, WORKSPACE_PREFIX};
use crate::domain::envelope::{self, EnvelopeError, Kind};
use crate::domain::library::Library;
use crate::domain::sync::{decide, fingerprint, Decision};
use crate::domain::workspace::check_opened;
use crate::domain::workspace::Workspace;

/// A stored workspace as the app may use it: decoded, named by its key, and consistent.
/// Start-up, other tabs' writes and revived workspaces all come through here. The tools'
/// documents are read and checked here only for tools whose code has loaded; the others
/// when their tool opens (`tool_doc`), each with the check an imported file gets.
pub fn decode_workspace(key: &str, text: &str) -> Result<Workspace, EnvelopeError> {
    let mut ws: Workspace = envelope::decode(text, Kind::Workspace)?;
    // The key is the id the rest of storage refers to.
    ws.id = key.strip_prefix(WORKSPACE_PREFIX).unwrap_or(key).to_owned();
    ws.check_head()
        .and_then(|()| check_opened(&ws))
        .map_err(EnvelopeError::Inconsistent)?;
    Ok(ws)
}

/// The (name, text) every workspace key should hold for this library.
pub fn wanted_texts(lib: &Library) -> HashMap<String, (String, String)> {
    lib.workspaces()
        .iter()
        .map(|ws| {
            let text = envelope::encode(Kind::Workspace, ws);
            (workspace_key(&ws.id), (ws.display_name().to_owned(), text))
        })
        .collect()
}

/// A changed workspace that this save did not write, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Held {
    /// Another tab saved it in a newer format this version must not overwrite.
    Newer { name: String },
    /// This tab and another both changed it; the buyer has not chosen yet (or the two
    /// are being merged).
    Conflict { id: String, name: String },
}

impl Held {
    /// The sentence the save status shows.
    pub fn message(held: &[Held]) -> Option<String> {
        let first = held.first()?;
        let more = match held.len() {
            1 => String::new(),
            n => format!(" ({} more workspaces are waiting too)", n - 1),
        };
        Some(match first {
            Held::Conflict { name, .. } => format!(
                "Not saved: waiting for your choice between two tabs about “{name}”{more}. Choose below which version to keep."
            ),
            Held::Newer { name } => format!(
                "Not saved: another tab saved “{name}” with a newer version of Splitline{more}. Reload this tab to get the update; until then its changes here are not saved."
            ),
        })
    }
}

/// A workspace key's text moved aside because it could not be used.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarantined {
    pub key: String,
    pub error: EnvelopeError,
    /// Where the raw text now is; `None` when the backup could not be written, in which
    /// case the text was left where it was and the key is protected.
    pub backup_key: Option<String>,
    /// The text itself, offered to the buyer as a download.
    pub raw: String,
}

/// What one save did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub failure: Option<WriteError>,
    pub wrote: bool,
    pub used_chars: usize,
    /// (id, name, whether the other tab's version exists) of newly found conflicts.
    pub conflicts: Vec<(String, String, bool)>,
    /// Workspaces deleted here but changed since in another tab: they come back.
    pub kept_from_other_tab: Vec<Workspace>,
    /// Changed workspaces not written.
    pub held: Vec<Held>,
    pub quarantined: Vec<Quarantined>,
}

/// What this tab knows about storage between saves.
#[derive(Debug, Default)]
pub struct Saving {
    /// Per workspace key, the text this tab last wrote there or read from there.
    pub synced: HashMap<String, String>,
    /// Keys holding data from a newer version: never written or removed.
    pub protected: HashSet<String>,
    /// Per workspace key, a fingerprint of the text this tab itself last wrote there
    /// (`sync::kept_over` names it when another tab writes over it).
    pub written: HashMap<String, String>,
    meta_written: Option<String>,
}

impl Saving {
    pub fn new(synced: HashMap<String, String>, protected: HashSet<String>) -> Saving {
        Saving {
            synced,
            protected,
            written: HashMap::new(),
            meta_written: None,
        }
    }

    /// Writes every changed key that no other tab has touched meanwhile, and removes the
    /// keys of workspaces deleted here. `pending` holds keys with an unresolved conflict.
    pub fn save(
        &mut self,
        store: &mut impl Store,
        wanted: &HashMap<String, (String, String)>,
        pending: &HashSet<String>,
        meta: &Meta,
        now_ms: i64,
    ) -> Outcome {
        let mut out = Outcome::default();
        let mut keys: Vec<&String> = wanted.keys().collect();
        crate::domain::order::sort_by(&mut keys, |a, b| a.cmp(b));
        for key in keys {
            let (name, text) = &wanted[key];
            let synced = self.synced.get(key);
            if synced == Some(text) {
                continue;
            }
            if self.protected.contains(key) {
                out.held.push(Held::Newer { name: name.clone() });
                continue;
            }
            let id = key.trim_start_matches(WORKSPACE_PREFIX).to_owned();
            if pending.contains(key) {
                out.held.push(Held::Conflict {
                    id,
                    name: name.clone(),
                });
                continue;
            }
            let stored = store.read(key);
            if decide(Some(text), synced.map(String::as_str), stored.as_deref())
                == Decision::Conflict
            {
                out.conflicts
                    .push((id.clone(), name.clone(), stored.is_some()));
                out.held.push(Held::Conflict {
                    id,
                    name: name.clone(),
                });
                continue;
            }
            match store.write(key, text) {
                Ok(()) => {
                    self.synced.insert(key.clone(), text.clone());
                    self.written.insert(key.clone(), fingerprint(text));
                    out.wrote = true;
                }
                Err(e) => out.failure = Some(e),
            }
        }
        self.remove_deleted(store, wanted, now_ms, &mut out);
        // Settings written by a newer version stay as they are, like its workspaces.
        let meta_text = envelope::encode(Kind::Meta, meta);
        if !self.protected.contains(META_KEY) && self.meta_written.as_ref() != Some(&meta_text) {
            match store.write(META_KEY, &meta_text) {
                Ok(()) => self.meta_written = Some(meta_text),
                Err(e) => out.failure = Some(e),
            }
        }
        out.used_chars = self.synced.iter().map(|(k, v)| k.len() + v.len()).sum();
        out
    }

    /// Removes the keys of workspaces deleted in this tab, unless another tab changed them
    /// since: a readable change comes back, anything else is kept aside, never removed.
    fn remove_deleted(
        &mut self,
        store: &mut impl Store,
        wanted: &HashMap<String, (String, String)>,
        now_ms: i64,
        out: &mut Outcome,
    ) {
        let mut gone: Vec<String> = self
            .synced
            .keys()
            .filter(|k| !wanted.contains_key(*k))
            .cloned()
            .collect();
        crate::domain::order::sort_by(&mut gone, String::cmp);
        for key in gone {
            let synced = self.synced.remove(&key);
            if self.protected.contains(&key) {
                continue;
            }
            let Some(stored) = store.read(&key) else {
                continue;
            };
            if Some(&stored) == synced.as_ref() {
                store.remove(&key);
                out.wrote = true;
                continue;
            }
            match decode_workspace(&key, &stored) {
                Ok(ws) => {
                    self.synced.insert(key, stored);
                    out.kept_from_other_tab.push(ws);
                }
                Err(EnvelopeError::NewerVersion { .. }) => {
                    self.protected.insert(key);
                }
                Err(error) => out
                    .quarantined
                    .push(self.quarantine(store, &key, &stored, error, now_ms)),
            }
        }
    }

    /// Moves text that cannot be used to a backup key and removes the original, so the
    /// key is free again. When the backup cannot be written, the text stays where it is and
    /// the key is protected: nothing is ever lost to make room.
    pub fn quarantine(
        &mut self,
        store: &mut impl Store,
        key: &str,
        raw: &str,
        error: EnvelopeError,
        now_ms: i64,
    ) -> Quarantined {
        let backup = backup_key(key, now_ms);
        let backup_key = match store.write(&backup, raw) {
            Ok(()) => {
                store.remove(key);
                self.synced.remove(key);
                Some(backup)
            }
            Err(_) => {
                self.protected.insert(key.to_owned());
                None
            }
        };
        Quarantined {
            key: key.to_owned(),
            error,
            backup_key,
            raw: raw.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::store::Memory;
    use super::super::{start, Prefs};
    use super::*;

    const NEWER: &str = r#"{"format":"splitline","kind":"workspace","version":42,"data":{}}"#;

    fn ws(id: &str, name: &str) -> Workspace {
        Workspace::new(id.into(), name.into(), 1)
    }

    fn text(ws: &Workspace) -> String {
        envelope::encode(Kind::Workspace, ws)
    }

    fn meta() -> Meta {
        Meta {
            active: Some("a".into()),
            prefs: Prefs::default(),
        }
    }

    /// A store holding `workspaces`, and this tab's saving state after reading it.
    fn started(workspaces: &[Workspace]) -> (Memory, Saving, Library) {
        let mut store = Memory::default();
        for w in workspaces {
            store.entries.insert(workspace_key(&w.id), text(w));
        }
        let pairs = store.pairs();
        let started = start(&mut store, &pairs, 0);
        (store, started.saving, started.library.unwrap())
    }

    fn save(store: &mut Memory, saving: &mut Saving, lib: &Library) -> Outcome {
        saving.save(store, &wanted_texts(lib), &HashSet::new(), &meta(), 9)
    }

    #[test]
    fn a_change_is_written_and_a_deleted_workspace_removed() {
        let (mut store, mut saving, mut lib) = started(&[ws("a", "Acme"), ws("b", "Beta")]);
        lib.get_mut("a").unwrap().name = "Acme Ltd".into();
        lib.forget("b");
        let out = save(&mut store, &mut saving, &lib);
        assert!(out.wrote && out.failure.is_none() && out.held.is_empty());
        assert!(store.read("splitline.ws.a").unwrap().contains("Acme Ltd"));
        assert_eq!(store.read("splitline.ws.b"), None);
        assert!(store.read(META_KEY).is_some());
    }

    #[test]
    fn settings_from_a_newer_version_are_never_rewritten() {
        let mut store = Memory::default();
        let newer_meta = r#"{"format":"splitline","kind":"meta","version":42,"data":{}}"#;
        store.entries.insert(META_KEY.into(), newer_meta.into());
        store
            .entries
            .insert("splitline.ws.a".into(), text(&ws("a", "Acme")));
        let pairs = store.pairs();
        let started = start(&mut store, &pairs, 0);
        let mut saving = started.saving;
        let mut lib = started.library.unwrap();
        lib.active_mut().name = "Changed".into();
        save(&mut store, &mut saving, &lib);
        assert_eq!(store.read(META_KEY).as_deref(), Some(newer_meta));
        assert!(store.read("splitline.ws.a").unwrap().contains("Changed"));
    }

    #[test]
    fn deleting_a_workspace_another_tab_saved_in_a_newer_format_leaves_that_text() {
        let (mut store, mut saving, mut lib) = started(&[ws("a", "Acme"), ws("b", "Beta")]);
        store.entries.insert("splitline.ws.b".into(), NEWER.into());
        lib.forget("b");
        save(&mut store, &mut saving, &lib);
        assert_eq!(store.read("splitline.ws.b").as_deref(), Some(NEWER));
        assert!(saving.protected.contains("splitline.ws.b"));
    }

    #[test]
    fn a_protected_key_is_never_removed_even_when_deleted_here() {
        let (mut store, mut saving, mut lib) = started(&[ws("a", "Acme"), ws("b", "Beta")]);
        saving.protected.insert("splitline.ws.b".into());
        lib.forget("b");
        save(&mut store, &mut saving, &lib);
        assert!(store.read("splitline.ws.b").is_some());
    }

    #[test]
    fn deleting_a_workspace_whose_text_became_unreadable_keeps_that_text_as_a_backup() {
        let (mut store, mut saving, mut lib) = started(&[ws("a", "Acme"), ws("b", "Beta")]);
        store
            .entries
            .insert("splitline.ws.b".into(), "{broken".into());
        lib.forget("b");
        let out = save(&mut store, &mut saving, &lib);
        assert_eq!(store.read("splitline.ws.b"), None);
        assert_eq!(
            store.read("splitline.backup.ws.b.9").as_deref(),
            Some("{broken")
        );
        assert_eq!(
            out.quarantined[0].backup_key.as_deref(),
            Some("splitline.backup.ws.b.9")
        );
    }

    #[test]
    fn a_revived_workspace_must_pass_the_integrity_check() {
        let (mut store, mut saving, mut lib) = started(&[ws("a", "Acme"), ws("b", "Beta")]);
        let mut broken = ws("b", "Beta");
        let p = crate::domain::provider::Provider {
            id: "p".into(),
            name: "Same".into(),
        };
        broken.providers = vec![p.clone(), p];
        store.entries.insert("splitline.ws.b".into(), text(&broken));
        lib.forget("b");
        let out = save(&mut store, &mut saving, &lib);
        assert!(out.kept_from_other_tab.is_empty());
        assert!(matches!(
            out.quarantined[0].error,
            EnvelopeError::Inconsistent(_)
        ));
        assert!(store.read("splitline.backup.ws.b.9").is_some());
    }

    #[test]
    fn a_readable_change_from_another_tab_brings_a_deleted_workspace_back() {
        let (mut store, mut saving, mut lib) = started(&[ws("a", "Acme"), ws("b", "Beta")]);
        store
            .entries
            .insert("splitline.ws.b".into(), text(&ws("b", "Beta, edited")));
        lib.forget("b");
        let out = save(&mut store, &mut saving, &lib);
        assert_eq!(out.kept_from_other_tab[0].name, "Beta, edited");
        assert!(store.read("splitline.ws.b").is_some());
    }

    #[test]
    fn changes_not_written_are_reported_so_the_status_never_claims_saved() {
        let (mut store, mut saving, mut lib) = started(&[ws("a", "Acme"), ws("b", "Beta")]);
        saving.protected.insert("splitline.ws.a".into());
        lib.get_mut("a").unwrap().name = "Acme 2".into();
        let pending: HashSet<String> = ["splitline.ws.b".to_owned()].into();
        lib.get_mut("b").unwrap().name = "Beta 2".into();
        let out = saving.save(&mut store, &wanted_texts(&lib), &pending, &meta(), 9);
        assert_eq!(
            out.held,
            vec![
                Held::Newer {
                    name: "Acme 2".into()
                },
                Held::Conflict {
                    id: "b".into(),
                    name: "Beta 2".into()
                },
            ]
        );
        let message = Held::message(&out.held).unwrap();
        assert!(
            message.starts_with("Not saved: another tab saved “Acme 2”"),
            "{message}"
        );
        assert!(message.contains("1 more"), "{message}");
    }

    #[test]
    fn a_conflict_found_while_saving_is_held_too() {
        let (mut store, mut saving, mut lib) = started(&[ws("a", "Acme")]);
        store
            .entries
            .insert("splitline.ws.a".into(), text(&ws("a", "Theirs")));
        lib.active_mut().name = "Mine".into();
        let out = save(&mut store, &mut saving, &lib);
        assert_eq!(out.conflicts.len(), 1);
        assert_eq!(
            out.held,
            vec![Held::Conflict {
                id: "a".into(),
                name: "Mine".into()
            }]
        );
        assert!(store.read("splitline.ws.a").unwrap().contains("Theirs"));
        let message = Held::message(&out.held).unwrap();
        assert!(message.contains("waiting for your choice between two tabs"));
    }

    #[test]
    fn a_full_store_is_reported_and_nothing_is_marked_synced() {
        let (mut store, mut saving, mut lib) = started(&[ws("a", "Acme")]);
        store.quota_chars = Some(store.pairs().iter().map(|(k, v)| k.len() + v.len()).sum());
        lib.active_mut().name = "A much longer name than before".into();
        let out = save(&mut store, &mut saving, &lib);
        assert_eq!(out.failure, Some(WriteError::Full));
        assert!(!saving.synced["splitline.ws.a"].contains("much longer"));
    }
}
