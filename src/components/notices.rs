//! The notices under the header: save failures, load problems, tab conflicts and the backup
//! reminder.

use leptos::prelude::*;

use super::conflicts::{BackupReminder, Conflicts};
use crate::browser::backup::export_backup;
use crate::browser::download::offer;
use crate::browser::router::focus_heading;
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
            <Conflicts />
            <For each=move || notices.0.get() key=|n| n.id let(notice)>
                <div
                    class=match (notice.tone, notice.in_view) {
                        (Tone::Error, _) => "notice error",
                        (Tone::Warning, _) => "notice warning",
                        (Tone::Info, true) => "notice info in-view",
                        (Tone::Info, false) => "notice info",
                    }
                    role="alert"
                >
                    <p>{notice.text.clone()}</p>
                    {notice.attachment.clone().map(|a| view! { <AttachmentButton attachment=a /> })}
                    {notice.take_back.as_ref().map(|t| view! { <TakeBackButton label=t.label /> })}
                    <button
                        type="button"
                        class="secondary"
                        data-dismiss=""
                        on:click=move |ev| {
                            let next = neighbour(&ev);
                            notices.dismiss(notice.id);
                            match next {
                                Some(el) => {
                                    let _ = el.focus();
                                }
                                None => focus_heading(),
                            }
                        }
                    >
                        "Dismiss"
                    </button>
                </div>
            </For>
            <BackupReminder />
        </section>
    }
}

/// The Dismiss button focus goes to when the clicked one's notice goes: the next
/// notice's, else the one before; none left, the page's heading takes it.
fn neighbour(ev: &web_sys::MouseEvent) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let clicked = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let all = document()
        .query_selector_all(".notices [data-dismiss]")
        .ok()?;
    let buttons: Vec<web_sys::HtmlElement> = (0..all.length())
        .filter_map(|i| all.item(i)?.dyn_into().ok())
        .collect();
    let at = buttons
        .iter()
        .position(|b| b.is_same_node(Some(&clicked)))?;
    buttons
        .get(at + 1)
        .or_else(|| at.checked_sub(1).and_then(|i| buttons.get(i)))
        .cloned()
}

/// Takes back what the notice confirms; the notice goes with it, and focus to the heading.
#[component]
fn TakeBackButton(label: &'static str) -> impl IntoView {
    let notices = expect_context::<Notices>();
    let on_click = move |_| {
        notices.take_back(None);
        focus_heading();
    };
    view! {
        <button type="button" on:click=on_click>
            {label}
        </button>
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
            {attachment.label}
        </button>
    }
}
