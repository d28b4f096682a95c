//! Browser glue for share links: the page address around the link text, the clipboard,
//! and leaving a link behind once its document has been saved.

use leptos::prelude::*;

use crate::domain::route::Route;

/// The full address that opens `link_text`, relative to wherever the app is served.
pub fn full_url(link_text: &str) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}#/s/{link_text}")
}

/// The link text in the current address, if it is a share link.
pub fn current_link_text() -> Option<String> {
    let hash = window().location().hash().ok()?;
    Route::shared_data(&hash).map(str::to_owned)
}

/// Copies text to the clipboard; the error is a sentence to show.
pub async fn copy(text: String) -> Result<(), String> {
    let clipboard = window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
        .await
        .map(|_| ())
        .map_err(|_| {
            "The browser did not allow copying. Select the link below and copy it yourself."
                .to_owned()
        })
}

/// Replaces the share link in the address bar (and its history entry) with a page,
/// so the shared data does not linger and Back does not offer to import it again.
pub fn leave_link_for(route: Route) {
    leave_link_for_href(route.href());
}

/// Like `leave_link_for`, to any fragment (`#/scorecard?view=evaluators`).
pub fn leave_link_for_href(href: &str) {
    let _ = window().location().replace(href);
}
