//! Saves text as a file on the buyer's computer.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use crate::browser::state::{Notices, Tone};

/// Offers `contents` as a download named `filename`. Errors come back as text to show.
pub fn download(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&contents.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "The browser could not prepare the file.".to_owned())?;
    let url = Url::create_object_url_with_blob(&blob)
        .map_err(|_| "The browser could not prepare the file.".to_owned())?;
    let document = leptos::prelude::document();
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "The browser could not start the download.".to_owned())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // Revoke later: some browsers read the blob after click() returns.
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Starts a download, turning a browser refusal into a notice. True when it started.
pub fn offer(notices: Notices, filename: &str, mime: &str, contents: &str) -> bool {
    match download(filename, mime, contents) {
        Ok(()) => true,
        Err(reason) => {
            notices.push(Tone::Error, reason, None);
            false
        }
    }
}
