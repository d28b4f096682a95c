//! What a page shows while its code loads, and when its code could not be fetched.

use leptos::prelude::*;

/// What a page shows while its code is on the way (only after a click inside the app:
/// the first page a visitor opens arrives with its code already loaded). Its heading and
/// purpose come from `link_page::heading`, as a share link's depend on its kind.
#[component]
pub fn Loading(
    /// The page's heading.
    title: &'static str,
    /// One line on what the page is for.
    purpose: &'static str,
) -> impl IntoView {
    view! {
        <div class="page-intro page-loading" aria-busy="true">
            <h1 tabindex="-1">{title}</h1>
            <p class="purpose">{purpose}</p>
            <p role="status">"Opening…"</p>
        </div>
    }
}

/// Shown when a page's code cannot be fetched. Nothing the buyer saved is affected.
#[component]
pub fn NotLoaded(
    /// The heading of the page that could not open.
    title: &'static str,
) -> impl IntoView {
    let reload = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <div class="page-intro">
            <h1 tabindex="-1">{title}</h1>
            <p class="notice error" role="alert">
                "This page could not be loaded. You may be offline, or Splitline was updated since \
                    this tab opened. Your saved work is not affected."
            </p>
            <p>
                <button type="button" on:click=reload>
                    "Reload Splitline"
                </button>
            </p>
        </div>
    }
}
