//! The notices under the header: save failures, load problems, tab conflicts and the backup
//! reminder.

use leptos::prelude::*;

use super::conflicts::{BackupReminder, ConflictList};
use crate::browser::backup::export_backup;
use crate::browser::download::offer;
use crate::browser::state::{Attachment, Notices, SaveStatus, Session, Status, Tone};

/// Messages about storage: load problems (dismissable) and save failures (persistent).
#[component]
pub fn NoticeList() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let status = expect_context::<Status>().0;
    let session = Session::get();
    let save_problem = move || match status.get() {
        SaveStatus::Failed(text) | SaveStatus::Held(text) | SaveStatus::MemoryOnly(text) => {
            Some(text)
        }
        _ => None,
    };
    let download_copy = move |_| export_backup(session);
    view! {
        <section class="notices" aria-label="Notices">
            <Show when=move || save_problem().is_some()>
                <div class="notice error" role="alert">
                    <p>{save_problem}</p>
                    <button type="button" on:click=download_copy>
                        "Download a copy of all workspaces"
                    </button>
                </div>
            </Show>
            <ConflictList />
            <For each=move || notices.0.get() key=|n| n.id let(notice)>
                <div
                    class=match notice.tone {
                        Tone::Error => "notice error",
                        Tone::Warning => "notice warning",
                        Tone::Info => "notice info",
                    }
                    role="alert"
                >
                    <p>{notice.text.clone()}</p>
                    {notice.attachment.clone().map(|a| view! { <AttachmentButton attachment=a /> })}
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| notices.dismiss(notice.id)
                    >
                        "Dismiss"
                    </button>
                </div>
            </For>
            <BackupReminder />
        </section>
    }
}

#[component]
fn AttachmentButton(attachment: Attachment) -> impl IntoView {
    let notices = expect_context::<Notices>();
    let on_click = move |_| {
        offer(
            notices,
            &attachment.filename,
            attachment.mime,
            &attachment.contents,
        );
    };
    view! {
        <button type="button" on:click=on_click>
            "Download the raw data"
        </button>
    }
}
