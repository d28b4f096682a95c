//! Reading a file the buyer picked or dropped, with the size checked before reading.

use wasm_bindgen::JsCast;

use crate::domain::files::{self, FileError, Imported};
use crate::domain::limits::MAX_FILE_BYTES;

/// The first file of a picker change or a drop.
pub fn first_file(list: Option<web_sys::FileList>) -> Option<web_sys::File> {
    list?.get(0)
}

/// Reads and checks a file. The size is checked first, so a huge file is never loaded.
pub async fn read(file: web_sys::File) -> Result<Imported, String> {
    let bytes = file.size() as u64;
    if bytes > MAX_FILE_BYTES {
        return Err(FileError::TooBig { bytes }.message());
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| "The browser could not read this file.".to_owned())?;
    files::read(bytes, &text).map_err(|e| e.message())
}

/// The file list of an `<input type="file">` change event.
pub fn picked(ev: &web_sys::Event) -> Option<web_sys::FileList> {
    ev.target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()
}

/// The file list of a drop event.
pub fn dropped(ev: &web_sys::DragEvent) -> Option<web_sys::FileList> {
    ev.data_transfer()?.files()
}
