//! Workspace files: download this workspace or a backup of all, import a file as new workspaces,
//! and the share panel for the open workspace.

use leptos::prelude::*;

use crate::browser::backup::export_backup;
use crate::browser::clock::{fresh_id, now_ms};
use crate::browser::download::offer;
use crate::browser::file_import::{dropped, first_file, picked, read};
use crate::browser::state::Session;
use crate::chunks;
use crate::components::share_panel::SharePanel;
use crate::domain::documents::workspace_from_card;
use crate::domain::envelope::{self, Kind};
use crate::domain::files::{slug, Imported};
use crate::domain::limits::backup_hint;
use crate::domain::proposal::{Request, Response};
use crate::domain::share::body::{Sender, SharedDoc};
use crate::domain::share::link::MAX_LINK_CHARS;
use crate::domain::text::and_list;
use crate::domain::workspace::Workspace;
use crate::pages::shared::response::ResponsePreview;

/// Files in and out: this workspace or everything as JSON, import by picker or drop,
/// and a share link for the open workspace.
#[component]
pub fn Transfer() -> impl IntoView {
    let session = Session::get();
    let lib = session.lib;
    let error = RwSignal::new(None::<String>);
    let over = RwSignal::new(false);
    let download_workspace = Callback::new(move |()| {
        let (name, text) = lib.0.with_untracked(|l| {
            let ws = l.active();
            (
                slug(ws.display_name()),
                envelope::encode_pretty(Kind::Workspace, ws),
            )
        });
        offer(
            session.notices,
            &format!("splitline-workspace-{name}.json"),
            "application/json",
            &text,
        );
    });
    let shared = Callback::new(move |_| {
        lib.0
            .with_untracked(|l| SharedDoc::Workspace(Box::new(l.active().clone())))
    });
    let incoming = RwSignal::new(None::<Response>);
    // Said under the file field, where the buyer is: the page's notices are at its top,
    // out of view here, and a failed import must not leave an earlier success showing.
    let done = RwSignal::new(None::<String>);
    // The workspace an import opened: once another is open (or it was deleted), "It is
    // open now" is no longer true, and the message goes.
    let opened = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let active = lib.0.with(|l| l.active_id().to_owned());
        if opened.get_value().is_some_and(|id| id != active) {
            opened.set_value(None);
            done.set(None);
        }
    });
    let import = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        error.set(None);
        done.set(None);
        incoming.set(None);
        leptos::task::spawn_local(async move {
            match read(file).await {
                // A response is previewed against the workspace that sent its request.
                Ok(Imported::Response(response)) => incoming.set(Some(*response)),
                // A request file is for a provider: it opens the provider's page.
                Ok(Imported::Request(request)) => open_request(*request, error).await,
                Ok(imported) => match add(session, imported) {
                    Ok((said, left_out)) => {
                        opened.set_value(lib.0.try_with_untracked(|l| l.active_id().to_owned()));
                        done.set(Some(said));
                        // What a backup could not bring is a problem to see, not a status.
                        error.set(left_out);
                    }
                    Err(why) => error.set(Some(why)),
                },
                Err(message) => error.set(Some(message)),
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="transfer-title">
            <h2 id="transfer-title">"Files and backups"</h2>
            <p class="hint">
                "Files are JSON: readable, and safe to keep outside the browser. Importing never \
                    replaces your work: every imported workspace is added as a new one (in a \
                    new browser, in place of the empty workspace it starts with)."
            </p>
            <div class="button-row">
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| download_workspace.run(())
                >
                    "Download this workspace"
                </button>
                <button type="button" class="secondary" on:click=move |_| export_backup(session)>
                    "Download a backup of all workspaces"
                </button>
            </div>
            <div
                class="drop-zone"
                class:over=over
                on:dragover=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    over.set(true);
                }
                on:dragleave=move |_| over.set(false)
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    over.set(false);
                    import(first_file(dropped(&ev)));
                }
            >
                <label for="import-file">
                    "Import a Splitline file (a workspace, a backup, or one tool's document)"
                </label>
                <input
                    id="import-file"
                    type="file"
                    accept=".json,application/json"
                    on:change=move |ev| {
                        import(first_file(picked(&ev)));
                    }
                />
                <p class="hint mouse-only">"Or drop the file here."</p>
                <p class="hint">{backup_hint()}</p>
            </div>
            <p class="field-error" role="alert">
                {move || error.get()}
            </p>
            <p class="import-done" role="status">
                {move || done.get()}
            </p>
            {move || {
                incoming
                    .get()
                    .map(|response| {
                        let dismiss = Callback::new(move |()| incoming.set(None));
                        view! { <ResponsePreview response=response dismiss=dismiss /> }
                    })
            }}
        </section>
        <SharePanel what="workspace" doc=shared download_json=download_workspace />
    }
}

/// Opens a request file as the provider's page, through the link that carries it.
async fn open_request(request: Request, error: RwSignal<Option<String>>) {
    let sender = Sender::default();
    match chunks::make_link(SharedDoc::Request(Box::new(request)), sender).await {
        Ok(text) if text.len() <= MAX_LINK_CHARS => {
            let _ = window().location().assign(&format!("#/s/{text}"));
        }
        Ok(_) => error.set(Some("This request is too large to open here: ask the buyer for its link.".into())),
        Err(_) => error.set(Some("The request page could not be loaded: you may be offline. Try again when you are back online.".into())),
    }
}

/// Adds imported workspaces under fresh ids, so nothing existing is touched. A single
/// tool's document becomes a new workspace holding it. What was added and what a backup
/// left out, or why nothing was added.
fn add(session: Session, imported: Imported) -> Result<(String, Option<String>), String> {
    let now = now_ms();
    let mut skipped = Vec::new();
    let workspaces: Vec<Workspace> = match imported {
        Imported::Workspace(ws) => vec![*ws],
        Imported::Library {
            workspaces,
            left_out,
        } => {
            skipped = left_out;
            workspaces
        }
        Imported::Raci(doc) => vec![doc.into_workspace(fresh_id(), now)],
        Imported::Pricing(doc) => vec![doc.into_workspace(fresh_id(), now)],
        // Each opens its own page (`import`): never added as a workspace.
        Imported::Request(_) | Imported::Response(_) => {
            return Err("This file is a request or a response, not a workspace.".into())
        }
        Imported::Scorecard(card) => match workspace_from_card(&card, fresh_id(), now, fresh_id) {
            Ok(ws) => vec![ws],
            Err(why) => {
                return Err(format!(
                    "The file's data is inconsistent: {why}. Nothing was imported."
                ));
            }
        },
    };
    // The same workspace imported again (a backup restored twice, a file from yesterday)
    // comes in as a copy: said, so two look-alike names are not a mystery.
    let already: Vec<String> = session.lib.0.with_untracked(|l| {
        (workspaces.iter())
            .filter_map(|ws| l.get(&ws.id))
            .map(|w| format!("“{}”", w.display_name()))
            .collect()
    });
    let names: Vec<String> = session
        .lib
        .0
        .try_update(|l| {
            // A millisecond apart: the list is in order of arrival after a reload.
            let arriving = (workspaces.into_iter().zip(0..))
                .map(|(ws, i)| ws.arriving(fresh_id(), now + i))
                .collect();
            let ids = l.import(arriving);
            ids.iter()
                .map(|id| {
                    l.get(id)
                        .map(|w| w.display_name().to_owned())
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default();
    let said = match names.as_slice() {
        [one] => format!("Imported “{one}” as a new workspace. It is open now."),
        many => format!("Imported {} workspaces as new workspaces.", many.len()),
    };
    let copies = match already.as_slice() {
        [] => None,
        [one] => Some(format!(
            "{one} was here already: the file's copy of it is kept beside it, so delete the one \
             you do not need."
        )),
        many => Some(format!(
            "{} were here already: the file's copies are kept beside them, so delete the ones \
             you do not need.",
            and_list(many)
        )),
    };
    let said = std::iter::once(said)
        .chain(copies)
        .collect::<Vec<_>>()
        .join(" ");
    Ok((said, (!skipped.is_empty()).then(|| skipped.join(" "))))
}
