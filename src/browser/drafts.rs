//! A provider's response draft, kept in the provider's browser under its own key while
//! it is filled in, so a reload or a closed tab loses nothing.
//!
//! The key is outside the `splitline.` namespace on purpose: the app's start-up reads
//! every `splitline.` key as a workspace, and a draft is not one.

use crate::browser::storage;
use crate::domain::envelope::{self, Kind};
use crate::domain::proposal::Response;

fn key(request: &str) -> String {
    format!("splitline-response.{request}")
}

/// The draft for a request, if this browser has one that still reads.
pub fn load(request: &str) -> Option<Response> {
    let opened = storage::open().ok()?;
    let text = storage::read(&opened.storage, &key(request))?;
    let response: Response = envelope::decode(&text, Kind::Response).ok()?;
    (response.request == request && response.check().is_ok()).then_some(response)
}

/// Saves the draft; the error is a sentence to show (the draft stays on the page).
pub fn save(response: &Response) -> Result<(), String> {
    let opened = storage::open().map_err(|e| e.0)?;
    let text = envelope::encode(Kind::Response, response);
    storage::write(&opened.storage, &key(&response.request), &text).map_err(|e| e.message())
}
