//! Two tabs that changed one workspace inside the save delay: when they changed different
//! things, both changes are kept (`domain::sync::merge_workspace`), and the buyer is asked
//! (`add_conflict`) only when they did not. The merge's code loads when it is first needed.

use leptos::prelude::*;

use crate::browser::persistence::{add_conflict, Saver};
use crate::browser::state::{Conflict, Session, Tone};
use crate::browser::storage;
use crate::browser::tab_sync::{on_remote_write, ours_and_synced};
use crate::domain::persist;
use crate::domain::sync::{decide, Decision};
use crate::split::split_point;

/// This tab's and the stored version of a workspace both changed since they last agreed.
pub(crate) fn on_conflict(saver: Saver, session: Session, conflict: Conflict) {
    let key = persist::workspace_key(&conflict.id);
    // Already asked: a merge now would change what the question is about.
    let asked = session
        .conflicts
        .0
        .with_untracked(|c| c.iter().any(|c| c.id == conflict.id));
    let three = texts(saver, session, &conflict.id).filter(|_| !asked);
    let Some((synced, ours, stored)) = three else {
        // Asked already, deleted in the other tab, or never saved here: nothing to merge.
        return add_conflict(session, conflict);
    };
    if decide(Some(&ours), Some(&synced), Some(&stored)) != Decision::Conflict {
        // Either side moved on (an undo here, another write there): decide afresh.
        on_remote_write(saver, session, &conflict.id, Some(stored));
        return saver.schedule(session);
    }
    // One merge at a time per workspace; saves meanwhile find the same conflict.
    let started = saver
        .0
        .try_update_value(|inner| inner.merging.insert(key.clone()));
    if started != Some(true) {
        return;
    }
    leptos::task::spawn_local(async move {
        let (failed_key, failed) = (key.clone(), conflict.clone());
        if settle(saver, session, conflict, key, synced, ours, stored)
            .await
            .is_err()
        {
            // The merge's code could not be fetched: ask, as when the changes clash.
            done_merging(saver, &failed_key);
            add_conflict(session, failed);
            saver.flush(session);
        }
    });
}

fn done_merging(saver: Saver, key: &str) {
    saver.0.update_value(|inner| {
        inner.merging.remove(key);
    });
}

split_point! {
    /// Merges the two tabs' changes and keeps the result, or, when they clash, asks the
    /// buyer with what each tab changed, in words (`Clash::text`). Rare, so this code and
    /// the JSON reader the merge needs load only when it happens.
    merge, fn settle(
        saver: Saver,
        session: Session,
        conflict: Conflict,
        key: String,
        synced: String,
        ours: String,
        stored: String
    ) -> () {
        let merged = crate::domain::sync::merge_workspace(&key, &synced, &ours, &stored);
        done_merging(saver, &key);
        let unmoved = texts(saver, session, &conflict.id)
            .is_some_and(|(_, now_ours, now_stored)| now_ours == ours && now_stored == stored);
        match merged {
            Ok(ws) if unmoved => {
                saver.0.update_value(|inner| {
                    inner.saving.synced.insert(key, stored);
                });
                session.lib.0.update(|l| l.replace(ws));
                session.notices.push(
                    Tone::Info,
                    format!(
                        "“{}” was also edited in another tab a moment ago. The two edits changed different things, so both are kept.",
                        conflict.name
                    ),
                    None,
                );
                saver.flush(session);
            }
            // Either side changed again while the merge's code loaded: start again.
            Ok(_) => on_conflict(saver, session, conflict),
            Err(clash) => {
                add_conflict(
                    session,
                    Conflict {
                        changes: clash.text(),
                        ..conflict
                    },
                );
                // The status said a save was coming: now it says what the buyer must choose.
                saver.flush(session);
            }
        }
        Ok(())
    }
}

/// The texts a merge needs: the last one both tabs agreed on, this tab's and the stored one.
fn texts(saver: Saver, session: Session, id: &str) -> Option<(String, String, String)> {
    let (ours, synced) = ours_and_synced(saver, session, id);
    let key = persist::workspace_key(id);
    let stored = saver
        .0
        .with_value(|inner| storage::read(inner.storage.as_ref()?, &key))?;
    Some((synced?, ours?, stored))
}
