//! The share panel of every tool and of a workspace: a link that carries the document, its length
//! and where it survives pasting, and the JSON download.

use leptos::prelude::*;

use super::link_out::{make_and_copy, LinkOut, LinkSlot};
use super::unique_id;
use crate::browser::clock::now_ms;
use crate::browser::state::{Lib, Session};
use crate::domain::share::body::{Sender, SharedDoc};

/// Share a document: a link that carries it (copied to the clipboard), its length and
/// where it survives pasting, and the JSON file for when the link is too long.
#[component]
pub fn SharePanel(
    /// What is being shared, for the heading ("workspace", "scorecard", …).
    #[prop(into)]
    what: String,
    /// The document as this sender shares it; the link is made from it.
    doc: Callback<Sender, SharedDoc>,
    /// Downloads the same document as a JSON file.
    download_json: Callback<()>,
    /// When the document names its own sharer (a scorecard's evaluator), that name;
    /// otherwise the panel asks for one.
    #[prop(optional, into)]
    fixed_name: Option<Signal<String>>,
) -> impl IntoView {
    let session = Session::get();
    let lib = Lib::get();
    let slot = LinkSlot::default();
    let made = slot.made;
    let error = RwSignal::new(None::<String>);
    // The sender and document of the link on show, to tell when later edits outdate it.
    let shown = RwSignal::new(None::<(Sender, SharedDoc)>);
    let name_id = unique_id("sharer");
    let title_id = unique_id("share-title");
    let labelled_by = title_id.clone();
    let create = move |_| {
        let sender = Sender {
            by: session
                .prefs
                .0
                .with_untracked(|p| p.sharer_name.trim().to_owned()),
            at_ms: now_ms(),
        };
        let shared = doc.run(sender.clone());
        error.set(None);
        shown.set(Some((sender.clone(), shared.clone())));
        make_and_copy(shared, sender, slot, error);
    };
    // Compared only while a link is on show, after an edit of the workspace; a change to
    // another tool's document leaves this one equal and says nothing.
    let outdated = Memo::new(move |_| {
        lib.0.with(|l| l.active().updated_ms);
        made.with(Option::is_some)
            && shown.with(|m| {
                m.as_ref()
                    .is_some_and(|(sender, shared)| doc.run(sender.clone()) != *shared)
            })
    });
    let outdated_text = format!(
        "You have changed the {what} since this link was made: it still holds the earlier version. Copy a new link to share the changes."
    );
    view! {
        <section class="panel share-panel" aria-labelledby=labelled_by>
            <h2 id=title_id>{format!("Share this {what}")}</h2>
            <p class="hint">
                "The link carries the data itself, after the # sign, which browsers never send to \
                    a server. Anyone with the link can read it, notes included."
            </p>
            <div class="share-row">
                {match fixed_name {
                    Some(name) => {
                        view! {
                            <p class="hint">
                                {move || match name.get().trim() {
                                    "" => {
                                        "Shared without an evaluator name: fill in “Your \
                                            name (evaluator)” at the top of the page first."
                                            .to_owned()
                                    }
                                    n => format!("Shared as {n}, the evaluator of this card."),
                                }}
                            </p>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <div class="field">
                                <label for=name_id
                                    .clone()>"Your name (shown to whoever opens it)"</label>
                                <input
                                    id=name_id
                                    type="text"
                                    maxlength="80"
                                    autocomplete="name"
                                    prop:value=move || {
                                        session.prefs.0.with(|p| p.sharer_name.clone())
                                    }
                                    on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        session.prefs.0.update(|p| p.sharer_name = v);
                                    }
                                />
                            </div>
                        }
                            .into_any()
                    }
                }} <button type="button" on:click=create>
                    "Copy share link"
                </button>
                <button type="button" class="secondary" on:click=move |_| download_json.run(())>
                    "Download JSON file"
                </button>
            </div>
            <p class="field-error" role="alert">
                {move || error.get()}
            </p>
            <LinkOut made=made label="Share link" />
            <Show when=move || outdated.get()>
                <p class="share-reach warn" role="status">
                    {outdated_text.clone()}
                </p>
            </Show>
        </section>
    }
}
