//! A link just made for someone else (a request to a provider, a response to a buyer):
//! whether it was copied, its length and where it survives pasting, and the link itself
//! to select by hand.

use leptos::prelude::*;

use super::unique_id;
use crate::browser::share::{copy, full_url};
use crate::chunks;
use crate::domain::input::group;
use crate::domain::share::body::{Sender, SharedDoc};
use crate::domain::share::link::Reach;

/// A made link and whether copying it worked (the error is a sentence to show).
pub type Made = Option<(String, Result<(), String>)>;

/// Said when the link maker cannot be fetched.
pub const NOT_LOADED: &str = "The link maker could not be loaded: you may be offline. Download the file instead, or try again when you are back online.";

/// Makes the link that carries `doc` (the codec is in the shared-link chunk, fetched on
/// the first call), shows it in `made` and copies it; `error` says when it was not made.
pub fn make_and_copy(
    doc: SharedDoc,
    sender: Sender,
    made: RwSignal<Made>,
    error: RwSignal<Option<String>>,
) {
    leptos::task::spawn_local(async move {
        match chunks::make_link(doc, sender).await {
            Ok(text) => {
                let url = full_url(&text);
                made.set(Some((url.clone(), Ok(()))));
                let copied = copy(url.clone()).await;
                made.set(Some((url, copied)));
            }
            Err(_) => error.set(Some(NOT_LOADED.to_owned())),
        }
    });
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
