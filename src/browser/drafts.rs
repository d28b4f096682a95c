//! A provider's response draft, kept in the provider's browser under its own key while
//! it is filled in, so a reload or a closed tab loses nothing.
//!
//! The key is outside the `splitline.` namespace on purpose: the app's start-up reads
//! every `splitline.` key as a workspace, and a draft is not one.

use leptos::prelude::{on_cleanup, window_event_listener};

use crate::browser::storage;
use crate::domain::envelope::{self, Kind};
use crate::domain::proposal::Response;

fn key(request: &str) -> String {
    format!("splitline-response.{request}")
}

/// The draft for a request, if this browser has one that still reads.
pub fn load(request: &str) -> Option<Response> {
    let opened = storage::open().ok()?;
    read(request, &storage::read(&opened.storage, &key(request))?)
}

fn read(request: &str, text: &str) -> Option<Response> {
    let response: Response = envelope::decode(text, Kind::Response).ok()?;
    (response.request == request && response.check().is_ok()).then_some(response)
}

fn seen_key(request: &str) -> String {
    format!("{}.seen", key(request))
}

/// The version noted as opened: when it was sent, and its checksum (its link follows).
fn seen(text: &str) -> Option<(i64, u32)> {
    let mut parts = text.splitn(3, ' ');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// The address of the newest version of `request` opened in this browser, to lead the
/// provider back to the draft from their own response link. Notes written before the
/// address was kept have none.
pub fn request_address(request: &str) -> Option<String> {
    let opened = storage::open().ok()?;
    let note = storage::read(&opened.storage, &seen_key(request))?;
    let address = note.splitn(3, ' ').nth(2)?;
    address.starts_with("#/s/").then(|| address.to_owned())
}

/// When the version `seen` was sent, if it is newer than the one sent at `made_ms` with
/// checksum `sum` and asks something else.
fn newer((at, seen_sum): (i64, u32), made_ms: i64, sum: u32) -> Option<i64> {
    (at > made_ms && seen_sum != sum).then_some(at)
}

/// Notes that the version of `request` sent at `made_ms`, with checksum `sum`, was
/// opened at `address`, and returns when the newest version opened in this browser
/// before was sent, if that one is newer and asks something else: an older link opened
/// again answers an older version, and the page says so.
pub fn newer_seen(request: &str, made_ms: i64, sum: u32, address: &str) -> Option<i64> {
    let opened = storage::open().ok()?;
    let key = seen_key(request);
    match storage::read(&opened.storage, &key)
        .as_deref()
        .and_then(seen)
    {
        Some(noted) if noted.0 > made_ms => newer(noted, made_ms, sum),
        _ => {
            // Losing this note only loses the warning; the draft is saved on its own.
            let note = format!("{made_ms} {sum} {address}");
            let _ = storage::write(&opened.storage, &key, &note);
            None
        }
    }
}

/// Calls `outdated` when another tab of this browser opens a newer version of `request`
/// than this page's (sent at `made_ms`, checksum `sum`), while the calling component
/// lives: from then on that tab's draft answers the newer one.
pub fn watch_newer(request: &str, made_ms: i64, sum: u32, outdated: impl Fn(i64) + 'static) {
    let key = seen_key(request);
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if ev.key().as_deref() != Some(key.as_str()) {
            return;
        }
        if let Some(at) = (ev.new_value().as_deref())
            .and_then(seen)
            .and_then(|n| newer(n, made_ms, sum))
        {
            outdated(at);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Calls `adopt` with the draft another tab of this browser saved for `request`, while
/// the calling component lives. Every edit is saved at once, so a tab that takes the
/// other's draft loses nothing of its own, and its next edit no longer writes its older
/// copy over the other tab's work.
pub fn follow(request: String, adopt: impl Fn(Response) + 'static) {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let key = key(&request);
        if ev.key().as_deref() != Some(key.as_str()) {
            return;
        }
        // A write already overtaken by a newer one: that one's event follows.
        let now = storage::open()
            .ok()
            .and_then(|o| storage::read(&o.storage, &key));
        if ev.new_value() != now {
            return;
        }
        if let Some(response) = now.and_then(|text| read(&request, &text)) {
            adopt(response);
        }
    });
    on_cleanup(move || handle.remove());
}

fn sent_key(request: &str) -> String {
    format!("{}.sent", key(request))
}

/// Notes that `response` was just made into a link or a file: when, and what it held
/// (`Response::sum`), so the page can say after a reload whether it changed since.
pub fn note_sent(response: &Response) {
    if let Ok(opened) = storage::open() {
        let note = format!("{} {}", response.made_ms, response.sum());
        let _ = storage::write(&opened.storage, &sent_key(&response.request), &note);
    }
}

/// When the response to `request` was last made into a link or a file, and its sum.
pub fn last_sent(request: &str) -> Option<(i64, u32)> {
    let opened = storage::open().ok()?;
    seen(&storage::read(&opened.storage, &sent_key(request))?)
}

/// Saves the draft; the error is a sentence to show (the draft stays on the page).
pub fn save(response: &Response) -> Result<(), String> {
    let opened = storage::open().map_err(|e| e.0)?;
    let text = envelope::encode(Kind::Response, response);
    storage::write(&opened.storage, &key(&response.request), &text).map_err(|e| e.message())
}
