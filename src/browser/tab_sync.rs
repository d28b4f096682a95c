//! Following other tabs of the same browser through the `storage` event.
//!
//! `domain::sync::decide` makes every decision; this module reads the event, applies
//! the decision to the library, and carries out the buyer's choice in a conflict.

use leptos::prelude::*;

use crate::browser::clock::{fresh_id, now_ms};
use crate::browser::persistence::{report_quarantined, Saver};
use crate::browser::state::{Attachment, Conflict, Session, Tone};
use crate::browser::storage::{self, Local};
use crate::browser::tab_merge::on_conflict;
use crate::domain::envelope::{self, EnvelopeError, Kind};
use crate::domain::files::slug;
use crate::domain::persist::save::decode_workspace;
use crate::domain::persist::{self, WORKSPACE_PREFIX};
use crate::domain::sync::{
    decide, kept_after_delete, kept_over, kept_over_mine, Decision, KEPT_OVER_KEY,
};

/// Starts listening for writes by other tabs.
pub fn listen(saver: Saver, session: Session) {
    window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let Some(key) = ev.key() else { return };
        if key == KEPT_OVER_KEY {
            if let Some(value) = ev.new_value() {
                on_kept_over(saver, session, &value);
            }
        } else if let Some(id) = key.strip_prefix(WORKSPACE_PREFIX) {
            on_remote_write(saver, session, id, ev.new_value());
        }
    });
}

/// This tab's text of a workspace (`None` if it does not have it) and the text it last
/// synced with storage.
pub(crate) fn ours_and_synced(
    saver: Saver,
    session: Session,
    id: &str,
) -> (Option<String>, Option<String>) {
    let key = persist::workspace_key(id);
    let ours = session
        .lib
        .0
        .with_untracked(|l| l.get(id).map(|ws| envelope::encode(Kind::Workspace, ws)));
    let synced = saver
        .0
        .with_value(|inner| inner.saving.synced.get(&key).cloned());
    (ours, synced)
}

pub(crate) fn on_remote_write(saver: Saver, session: Session, id: &str, stored: Option<String>) {
    let key = persist::workspace_key(id);
    let (ours, synced) = ours_and_synced(saver, session, id);
    match decide(ours.as_deref(), synced.as_deref(), stored.as_deref()) {
        Decision::Ignore => {
            if let Some(text) = stored.filter(|s| Some(s) == ours.as_ref()) {
                saver.0.update_value(|inner| {
                    inner.saving.synced.insert(key, text);
                });
            }
        }
        Decision::Adopt => adopt(saver, session, id, stored.unwrap_or_default()),
        Decision::Revived => {
            adopt(saver, session, id, stored.unwrap_or_default());
            if let Some(name) = session
                .lib
                .0
                .with_untracked(|l| l.get(id).map(|w| w.display_name().to_owned()))
            {
                session
                    .notices
                    .push(Tone::Warning, kept_after_delete(&name), None);
            }
        }
        Decision::Forget => {
            saver.0.update_value(|inner| {
                inner.saving.synced.remove(&key);
            });
            // Another workspace opens in its place: a buyer who looked away must not come
            // back to other work with no word of why.
            let switched = session.lib.0.try_update(|l| {
                let was_open = l.active_id() == id;
                let name = l.get(id).map(|w| w.display_name().to_owned());
                l.forget(id);
                let now = l.active();
                (was_open && now.id != id)
                    .then(|| (name.unwrap_or_default(), now.display_name().to_owned()))
            });
            if let Some((name, now)) = switched.flatten() {
                session.notices.push(
                    Tone::Info,
                    format!("“{name}” was deleted in another tab, so “{now}” is open now."),
                    None,
                );
            }
        }
        Decision::Conflict => {
            let name = session.lib.0.with_untracked(|l| {
                l.get(id)
                    .map(|w| w.display_name().to_owned())
                    .unwrap_or_default()
            });
            on_conflict(
                saver,
                session,
                Conflict {
                    id: id.to_owned(),
                    name,
                    theirs_exists: stored.is_some(),
                    changes: None,
                },
            );
        }
    }
}

/// Another tab's buyer kept that tab's version of a workspace over the one this tab saved:
/// this tab is about to take it (the workspace's own event comes next, and merges it with
/// any edit made here since), so it says so and offers what it has as a file, which imports
/// as a copy. Only the tab that wrote the text written over hears of it.
fn on_kept_over(saver: Saver, session: Session, value: &str) {
    let written = |id: &str| {
        saver.0.with_value(|inner| {
            inner
                .saving
                .written
                .get(&persist::workspace_key(id))
                .cloned()
        })
    };
    let Some(id) = kept_over_mine(value, written) else {
        return;
    };
    let ours = session.lib.0.with_untracked(|l| {
        l.get(id).map(|ws| {
            (
                ws.display_name().to_owned(),
                envelope::encode_pretty(Kind::Workspace, ws),
            )
        })
    });
    let Some((name, text)) = ours else { return };
    session.notices.push(
        Tone::Warning,
        format!(
            "“{name}” was changed here and in another tab at the same time, and the buyer there chose to keep that tab's version over this one. To keep what this tab had, download it: importing the file adds it as a copy."
        ),
        Some(Attachment {
            label: "Download this tab's version",
            filename: format!("splitline-workspace-{}-this-tab.json", slug(&name)),
            mime: "application/json",
            contents: text,
        }),
    );
}

/// Takes another tab's version of a workspace, if it passes the same checks as a file.
fn adopt(saver: Saver, session: Session, id: &str, text: String) {
    let key = persist::workspace_key(id);
    match decode_workspace(&key, &text) {
        Ok(ws) => {
            saver.0.update_value(|inner| {
                inner.saving.synced.insert(key, text);
            });
            session.lib.0.update(|l| l.replace(ws));
        }
        Err(EnvelopeError::NewerVersion { .. }) => {
            saver.0.update_value(|inner| {
                inner.saving.protected.insert(key);
            });
            session.notices.push(
                Tone::Warning,
                "Another tab runs a newer version of Splitline and saved a workspace this tab cannot read. Reload this tab to get the update."
                    .into(),
                None,
            );
        }
        // Not something this app would write: keep it aside and this tab's version in use.
        Err(error) => {
            let moved = saver.0.try_update_value(|inner| {
                let store = inner.storage.clone()?;
                let moved =
                    inner
                        .saving
                        .quarantine(&mut Local(&store), &key, &text, error, now_ms());
                Some(moved)
            });
            if let Some(moved) = moved.flatten() {
                report_quarantined(session.notices, moved);
                saver.schedule(session);
            }
        }
    }
}

/// The buyer's answer to a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Take the other tab's version (or its deletion).
    UseTheirs,
    /// Write this tab's version over the other one.
    KeepMine,
    /// Keep this tab's version as a new workspace and take the other tab's.
    KeepBoth,
}

pub fn resolve(saver: Saver, session: Session, id: &str, resolution: Resolution) {
    let key = persist::workspace_key(id);
    let stored = saver
        .0
        .with_value(|inner| inner.storage.as_ref().and_then(|s| storage::read(s, &key)));
    session
        .conflicts
        .0
        .update(|list| list.retain(|c| c.id != id));
    if resolution == Resolution::KeepBoth {
        let now = now_ms();
        session.lib.0.update(|l| {
            if let Some(mine) = l.get(id).cloned() {
                let mut copy = mine;
                copy.id = fresh_id();
                copy.name = format!("{} (from this tab)", copy.display_name());
                copy.created_ms = now;
                copy.updated_ms = now;
                l.insert(copy);
            }
        });
    }
    match resolution {
        Resolution::KeepMine => {
            // The tab that saved what is stored hears of it first (`on_kept_over`), before
            // the workspace's own event, so it still has what it saved to offer. (Should this
            // tab's write then fail, its status says so, and the other tab has a copy.)
            if let Some(text) = &stored {
                saver.0.with_value(|inner| {
                    if let Some(store) = &inner.storage {
                        let _ = storage::signal(store, KEPT_OVER_KEY, &kept_over(id, text));
                    }
                });
            }
            // Treat what is stored as synced, so the next save may replace it.
            saver.0.update_value(|inner| match stored {
                Some(text) => {
                    inner.saving.synced.insert(key, text);
                }
                None => {
                    inner.saving.synced.remove(&key);
                }
            });
            saver.flush(session);
        }
        Resolution::UseTheirs | Resolution::KeepBoth => match stored {
            Some(text) => adopt(saver, session, id, text),
            None => {
                saver.0.update_value(|inner| {
                    inner.saving.synced.remove(&key);
                });
                session.lib.0.update(|l| l.forget(id));
            }
        },
    }
}
