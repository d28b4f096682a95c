//! Notices that ask what to keep when a workspace changed in this tab and another, and the
//! reminder to download a backup.

use leptos::prelude::*;

use crate::browser::backup::export_backup;
use crate::browser::clock::now_ms;
use crate::browser::persistence::Saver;
use crate::browser::state::Session;
use crate::browser::tab_sync::{resolve, Resolution};
use crate::domain::reminder::{backup_due, reminder_text, SNOOZE_MS};
use crate::split::split_point;

/// Workspaces changed in this tab and another one: the buyer chooses, nothing is lost.
/// The choice's code is with the merge's, fetched when a clash first happens (by then
/// the merge has usually fetched it).
#[component]
pub fn Conflicts() -> impl IntoView {
    let session = Session::get();
    let list = || async move { conflict_list().await.unwrap_or_else(|_| not_loaded()) };
    view! {
        <Show when=move || session.conflicts.0.with(|c| !c.is_empty())>
            <Suspense fallback=|| ()>{Suspend::new(list())}</Suspense>
        </Show>
    }
}

split_point! {
    /// The choice for each workspace in conflict.
    merge, fn conflict_list() -> AnyView {
        Ok(view! { <ConflictList /> }.into_any())
    }
}

/// In place of the choice when its code cannot be fetched (offline, before the service
/// worker kept it). This tab's version is not saved until the buyer chooses, and a reload
/// would drop it: the copy keeps it.
fn not_loaded() -> AnyView {
    let session = Session::get();
    view! {
        <div class="notice warning" role="alert">
            <p>
                "A workspace was also changed in another tab, and the choice of which version \
                    to keep could not be loaded: you may be offline. This tab's changes are not \
                    saved until that choice is made. Download a copy of them now, then reload \
                    once you are back online."
            </p>
            <button type="button" on:click=move |_| export_backup(session)>
                "Download a copy of all workspaces"
            </button>
        </div>
    }
    .into_any()
}

#[component]
fn ConflictList() -> impl IntoView {
    let session = Session::get();
    let saver = expect_context::<Saver>();
    view! {
        <For each=move || session.conflicts.0.get() key=|c| c.id.clone() let(conflict)>
            {
                let id = StoredValue::new(conflict.id.clone());
                let choose = move |r: Resolution| resolve(saver, session, &id.get_value(), r);
                // What each tab changed goes before the question, in one text.
                let text = if conflict.theirs_exists {
                    format!(
                        "“{}” was changed in another tab while you were editing it here. {}Which \
                            version do you want to keep?",
                        conflict.name,
                        conflict.changes.as_deref().map_or(String::new(), |c| format!("{c} ")),
                    )
                } else {
                    format!(
                        "“{}” was deleted in another tab while you were editing it here.",
                        conflict.name,
                    )
                };
                view! {
                    <div class="notice warning" role="alert">
                        <p>{text}</p>
                        <button type="button" on:click=move |_| choose(Resolution::KeepBoth)>
                            "Keep both"
                        </button>
                        <button
                            type="button"
                            class="secondary"
                            on:click=move |_| choose(Resolution::KeepMine)
                        >
                            "Keep this tab's version"
                        </button>
                        <button
                            type="button"
                            class="secondary"
                            on:click=move |_| choose(Resolution::UseTheirs)
                        >
                            {if conflict.theirs_exists {
                                "Use the other tab's version"
                            } else {
                                "Delete it here too"
                            }}
                        </button>
                    </div>
                }
            }
        </For>
    }
}

/// A gentle nudge to download a backup when work has not been exported for days.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let session = Session::get();
    let due = move || {
        let (last_export, snoozed) = session
            .prefs
            .0
            .with(|p| (p.last_export_ms, p.reminder_snoozed_until_ms));
        session.lib.0.with(|l| {
            let now = now_ms();
            let spans = l.workspaces().iter().map(|w| (w.created_ms, w.updated_ms));
            backup_due(now, spans, last_export, snoozed).then(|| reminder_text(now, last_export))
        })
    };
    let snooze = move |_| {
        let until = now_ms() + SNOOZE_MS;
        session
            .prefs
            .0
            .update(|p| p.reminder_snoozed_until_ms = Some(until));
    };
    view! {
        <Show when=move || due().is_some()>
            <div class="notice info reminder" role="status">
                <p>{move || due().unwrap_or_default()}</p>
                <button type="button" on:click=move |_| export_backup(session)>
                    "Download a backup"
                </button>
                // A link, not a second button: on a phone the reminder sits above every
                // tool's first screen, and two buttons took two rows of it.
                <button type="button" class="link" on:click=snooze>
                    "Remind me tomorrow"
                </button>
            </div>
        </Show>
    }
}
