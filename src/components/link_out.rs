//! A link just made for someone else (a request to a provider, a response to a buyer):
//! whether it was copied, its length and where it survives pasting, and the link itself
//! to select by hand.

use leptos::prelude::*;

use super::unique_id;
use crate::browser::share::{copy, full_url};
use crate::chunks;
use crate::domain::input::group;
use crate::domain::share::body::{Sender, SharedDoc};
use crate::domain::share::link::{Reach, MAX_LINK_CHARS};

/// A made link and whether copying it worked (the error is a sentence to show).
pub type Made = Option<(String, Result<(), String>)>;

/// Said when the link maker cannot be fetched.
pub const NOT_LOADED: &str = "The link maker could not be loaded: you may be offline. Download the file instead, or try again when you are back online.";

/// Where a page shows the link it made last. Making a link waits for the codec and the
/// clipboard, so two quick clicks can finish out of order: each request takes a number,
/// and only the newest may show its link, so the link on screen (and its "for …") is
/// always the last one asked for.
#[derive(Clone, Copy)]
pub struct LinkSlot {
    pub made: RwSignal<Made>,
    asked: StoredValue<u32>,
}

impl Default for LinkSlot {
    fn default() -> Self {
        Self {
            made: RwSignal::new(None),
            asked: StoredValue::new(0),
        }
    }
}

impl LinkSlot {
    /// Takes the link off the screen, and any link still being made with it.
    pub fn clear(self) {
        self.asked.update_value(|n| *n += 1);
        self.made.set(None);
    }

    /// Whether request `ticket` is the newest, and the page that asked is still there
    /// (a link finishing after the buyer left must not touch what is gone).
    fn newest(self, ticket: u32) -> bool {
        self.asked.try_get_value() == Some(ticket)
    }

    /// Sets the link of request `ticket` unless a newer one was asked for since.
    fn show(self, ticket: u32, link: (String, Result<(), String>)) -> bool {
        let newest = self.newest(ticket);
        if newest {
            self.made.try_set(Some(link));
        }
        newest
    }
}

/// Makes the link that carries `doc` (the codec is in the shared-link chunk, fetched on
/// the first call), shows it in `slot` and copies it; `error` says when it was not made.
pub fn make_and_copy(
    doc: SharedDoc,
    sender: Sender,
    slot: LinkSlot,
    error: RwSignal<Option<String>>,
) {
    slot.clear();
    let ticket = slot.asked.get_value();
    leptos::task::spawn_local(async move {
        match chunks::make_link(doc, sender).await {
            // Longer than any link Splitline opens: copying it would only move the refusal
            // to whoever opens it.
            Ok(text) if text.len() > MAX_LINK_CHARS => {
                if slot.newest(ticket) {
                    error.try_set(Some(too_long(text.len())));
                }
            }
            Ok(text) => {
                let url = full_url(&text);
                if slot.show(ticket, (url.clone(), Ok(()))) {
                    let copied = copy(url.clone()).await;
                    slot.show(ticket, (url, copied));
                }
            }
            Err(_) if slot.newest(ticket) => {
                error.try_set(Some(NOT_LOADED.to_owned()));
            }
            Err(_) => {}
        }
    });
}

/// Why no link was made for a document this big.
fn too_long(chars: usize) -> String {
    format!(
        "This would be a link of {} characters, more than Splitline can open ({} at most), so \
         none was made. Download the file instead: it carries everything.",
        group(chars as i64),
        group(MAX_LINK_CHARS as i64)
    )
}

#[component]
pub fn LinkOut(
    /// The link and whether copying it worked.
    made: RwSignal<Made>,
    /// The accessible name of the link field ("Response link").
    label: &'static str,
    /// Whom the link is for, when one page makes links for several people: the link
    /// left on screen must not read as the next one's.
    #[prop(optional, into)]
    to: Option<Signal<String>>,
) -> impl IntoView {
    let id = unique_id("link-out");
    let length = move || made.with(|m| m.as_ref().map_or(0, |(l, _)| l.chars().count()));
    let whom = move || to.map(|t| format!(" for {}", t.get())).unwrap_or_default();
    let summary = move || {
        let copied = match made.with(|m| m.as_ref().map(|(_, c)| c.clone())) {
            Some(Ok(())) => format!("Link{} copied. ", whom()),
            Some(Err(e)) => format!("{e} "),
            None => String::new(),
        };
        format!(
            "{copied}It is {} characters long. {}",
            group(length() as i64),
            Reach::of(length()).message()
        )
    };
    view! {
        <Show when=move || made.with(Option::is_some)>
            <p
                role="status"
                class=move || match Reach::of(length()) {
                    Reach::Everywhere => "share-reach ok",
                    _ => "share-reach warn",
                }
            >
                {summary}
            </p>
            <label class="visually-hidden" for=id.clone()>
                {move || format!("{label}{}", whom())}
            </label>
            <input
                id=id.clone()
                class="share-link"
                type="text"
                readonly
                prop:value=move || {
                    made.with(|m| m.as_ref().map(|(l, _)| l.clone()).unwrap_or_default())
                }
            />
        </Show>
    }
}
