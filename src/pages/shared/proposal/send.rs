//! Sending the response back: who answered, then a link or a file for the buyer.

use leptos::prelude::*;

use super::Draft;
use crate::browser::clock::{format_time, now_ms};
use crate::browser::download::offer;
use crate::browser::drafts;
use crate::browser::state::Notices;
use crate::components::link_out::{make_and_copy, LinkOut, LinkSlot};
use crate::components::unique_id;
use crate::domain::envelope::{self, Kind};
use crate::domain::files::slug;
use crate::domain::proposal::request::MAX_CONTACT_CHARS;
use crate::domain::proposal::Response;
use crate::domain::share::body::{Sender, SharedDoc};

#[component]
pub fn Send() -> impl IntoView {
    let draft = Draft::get();
    let notices = expect_context::<Notices>();
    let slot = LinkSlot::default();
    let error = RwSignal::new(None::<String>);
    // The file offered last: a download gives no sign on the page otherwise.
    let downloaded = RwSignal::new(None::<String>);
    let contact_id = unique_id("contact");
    // Stamped when sent, so the buyer sees which of two responses is the newer.
    let stamped = move || {
        draft.response.update(|r| r.made_ms = now_ms());
        draft.response.get_untracked()
    };
    // What the last link and the last file held: an edit since makes them out of date,
    // and the page says so (the link on screen looked current after any edit).
    let (linked, filed) = (RwSignal::new(None), RwSignal::new(None));
    // Both buttons stamp the send time, so it is left out of the comparison: a link
    // then a file of the same answers is no change.
    let changed_since = move |made: RwSignal<Option<Response>>| {
        made.with(|m| {
            m.as_ref().is_some_and(|m| {
                draft.response.with(|r| {
                    r != &Response {
                        made_ms: r.made_ms,
                        ..m.clone()
                    }
                })
            })
        })
    };
    // The last link or file made, as this browser noted it: after a reload the page
    // still says when, and whether the answers changed since.
    let last = RwSignal::new(
        draft
            .response
            .with_untracked(|r| drafts::last_sent(&r.request)),
    );
    let note = move |response: &Response| {
        drafts::note_sent(response);
        last.set(Some((response.made_ms, response.sum())));
    };
    // Noted once the link is on screen: one refused as too long was never made.
    Effect::new(move |_| {
        if slot.made.with(Option::is_some) {
            if let Some(response) = linked.get_untracked() {
                note(&response);
            }
        }
    });
    let make_link = move |_| {
        let response = stamped();
        linked.set(Some(response.clone()));
        let sender = Sender {
            by: response.contact.clone(),
            at_ms: response.made_ms,
        };
        error.set(None);
        make_and_copy(SharedDoc::Response(Box::new(response)), sender, slot, error);
    };
    let download = move |_| {
        let response = stamped();
        let name = format!("splitline-response-{}.json", slug(&response.provider));
        let text = envelope::encode_pretty(Kind::Response, &response);
        if offer(notices, &name, "application/json", &text) {
            note(&response);
            downloaded.set(Some(name));
            filed.set(Some(response));
        }
    };
    view! {
        <section class="panel" aria-labelledby="proposal-send">
            <h2 id="proposal-send">"4. Send your response"</h2>
            <super::open::OpenParts />
            <div class="field">
                <label for=contact_id.clone()>"Your name and how to reach you"</label>
                <input
                    id=contact_id.clone()
                    aria-describedby=format!("{contact_id}-hint")
                    type="text"
                    autocomplete="name"
                    maxlength=MAX_CONTACT_CHARS.to_string()
                    prop:value=move || draft.response.with(|r| r.contact.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        draft.response.update(|r| r.contact = text);
                    }
                />
                <p class="hint" id=format!("{contact_id}-hint")>
                    {move || {
                        draft
                            .response
                            .with(|r| r.contact.trim().is_empty())
                            .then_some(
                                "Without it, the buyer sees only your firm's name and has no one \
                                 to reply to.",
                            )
                    }}
                </p>
            </div>
            <div class="button-row">
                <button type="button" on:click=make_link>"Copy the response link"</button>
                <button type="button" class="secondary" on:click=download>
                    "Download the response file"
                </button>
            </div>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p role="status">
                {move || {
                    downloaded
                        .get()
                        .map(|name| {
                            format!(
                                "Your browser is saving “{name}” (usually to Downloads). Attach \
                                 it to an email to the buyer. If you change an answer after \
                                 this, download the file again."
                            )
                        })
                }}
            </p>
            {move || {
                // A link refused (too long) was never made: nothing to be out of date.
                let link_made = error.with(Option::is_none) && changed_since(linked);
                let what = match (link_made, changed_since(filed)) {
                    (true, true) => "the link and the file",
                    (true, false) => "the link",
                    (false, true) => "the file",
                    (false, false) => {
                        return last.get().map(|(at, sum)| made_before(draft, at, sum));
                    }
                };
                Some(
                    view! {
                        <p class="notice warning">
                            {format!(
                                "You changed your response after making {what}: make it again, \
                                 or the buyer gets the earlier version."
                            )}
                        </p>
                    }
                        .into_any(),
                )
            }}
            <LinkOut made=slot.made label="Response link" />
            <p class="hint">
                "Send the link or the file to the buyer by email or chat. When they open it in \
                    their browser, they see your quote, answers and changes beside their own work."
            </p>
        </section>
    }
}

/// What the page says of the last link or file made, once it no longer knows which it was
/// (after a reload): when, and whether the answers changed since. Read inside the caller's
/// reactive closure, so an edit updates it.
fn made_before(draft: Draft, at: i64, sum: u32) -> AnyView {
    let when = format_time(at);
    if draft.response.with(|r| r.sum() != sum) {
        view! {
            <p class="notice warning">
                {format!(
                    "You changed your response after you last made a link or a file of it \
                     ({when}): make it again, or the buyer gets the earlier version."
                )}
            </p>
        }
        .into_any()
    } else {
        view! {
            <p class="hint">
                {format!(
                    "You last made a link or a file of this response on {when}. Nothing has \
                     changed since."
                )}
            </p>
        }
        .into_any()
    }
}
