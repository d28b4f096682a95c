//! The site footer: when the last save was, how much storage is used, and whether the browser
//! may clear it; for a provider answering a request, where its answers are kept.

use leptos::prelude::*;

use crate::browser::clock::format_time;
use crate::browser::router::focus_heading;
use crate::browser::state::{Health, SaveStatus, Status};

/// Browsers give a site about five megabytes of localStorage.
const QUOTA_CHARS: usize = 5 * 1024 * 1024 / 2;

/// The page footer with the storage health line: last save, space used, eviction.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let health = expect_context::<Health>().0;
    let status = expect_context::<Status>().0;
    let saved = move || match (status.get(), health.get().last_saved_ms) {
        (SaveStatus::MemoryOnly(_), _) => "Not saved: storage is unavailable".to_owned(),
        (_, Some(ms)) => format!("Last saved {}", format_time(ms)),
        (_, None) => "No changes saved yet in this visit".to_owned(),
    };
    let used = move || {
        let chars = health.get().used_chars;
        let kb = (chars * 2).div_ceil(1024);
        let percent = (chars * 100).div_ceil(QUOTA_CHARS);
        format!("{kb} KB used, about {percent}% of this browser's space for Splitline")
    };
    let kept = move || match health.get().persisted {
        Some(true) => "the browser will not clear it on its own",
        Some(false) => "the browser may clear it if space runs low: keep a backup",
        None => "download a backup now and then",
    };
    // A provider answering a request has no workspaces and saves no backups: its lines
    // replace the buyer's under `data-audience` (style/main.css), as the header's do.
    view! {
        <footer class="site-footer">
            // Shown once the page is scrolled a screen down (main.css): pricing with three
            // quotes is 16,000 px tall on a phone, and the tools, Undo and "Go to" are at
            // the top. Focus goes to the page's heading, so Tab carries on from there.
            <button
                type="button"
                class="to-top secondary no-print"
                aria-label="Top of the page"
                on:click=move |_| {
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                    focus_heading();
                }
            >
                // Short, so it covers little of the page it floats over: on a phone, the
                // arrow alone (main.css).
                <span aria-hidden="true">"↑"</span>
                <span class="to-top-word">" Top"</span>
            </button>
            <p class="storage-health buyer-only" data-testid="storage-health">
                {saved}
                " · "
                {used}
                " · "
                {kept}
                "."
            </p>
            <p class="buyer-only">
                "Splitline runs entirely in your browser. Your workspaces stay on this device \
                    unless you export or share them."
            </p>
            <p class="provider-only">
                "Splitline runs entirely in your browser. Your answers are saved on this device \
                    as you type, so this link brings them back; the buyer sees them only when \
                    you send your response."
            </p>
        </footer>
    }
}
