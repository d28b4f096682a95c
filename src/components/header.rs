//! The site header: brand link, tool navigation, workspace switcher and save badge.

use leptos::prelude::*;

use crate::browser::router::{focus_heading, CurrentRoute};
use crate::browser::state::{Lib, SaveStatus, Status};
use crate::domain::route::Route;

/// The banner: product name, the three tools and the decision brief, the open workspace and the save state.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let route = expect_context::<CurrentRoute>().0;
    let links = Route::NAV
        .into_iter()
        .map(|r| {
            let current = move || (route.get() == r).then_some("page");
            view! {
                <li>
                    // The full title names the link on every screen; a phone shows the short one.
                    <a href=r.href() aria-current=current aria-label=r.title()>
                        <span class="nav-long">{r.title()}</span>
                        <span class="nav-short">{r.short_title()}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <header class="site-header">
            // The first stop for a keyboard, past the header's seven or more. A button, not
            // a link to "#main": the router owns the address, where "#main" is no page.
            <button type="button" class="skip-link" on:click=move |_| focus_heading()>
                "Skip to the page"
            </button>
            <a
                class="brand"
                href=Route::Home.href()
                aria-current=move || (route.get() == Route::Home).then_some("page")
            >
                <span class="brand-mark" aria-hidden="true"></span>
                "Splitline"
            </a>
            <nav aria-label="Tools">
                <ul>{links}</ul>
            </nav>
            <div class="header-workspace">
                <WorkspaceSwitcher />
                <SaveBadge />
            </div>
        </header>
    }
}

/// Opens another workspace from any page.
#[component]
fn WorkspaceSwitcher() -> impl IntoView {
    let lib = Lib::get();
    let options = move || {
        lib.0.with(|l| {
            l.workspaces()
                .iter()
                .map(|ws| {
                    (
                        ws.id.clone(),
                        ws.display_name().to_owned(),
                        ws.id == l.active_id(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let on_change = move |ev| {
        let id = event_target_value(&ev);
        lib.0.update(|l| {
            l.switch(&id);
        });
    };
    view! {
        <label class="switcher">
            <span>"Workspace"</span>
            <select on:change=on_change on:keydown=open_list_on_keys>
                <For each=options key=|o| o.clone() let((id, name, selected))>
                    <option value=id selected=selected>
                        {name}
                    </option>
                </For>
            </select>
        </label>
        <a class="manage-link" href=Route::Workspaces.href()>
            "Manage"
        </a>
    }
}

/// An arrow key or a typed letter on a closed select changes its value at once, and here
/// that opens another workspace under the keyboard user's hands: those keys open the list
/// instead, where they move without choosing until Enter (the letter that opened it is
/// not typed: the buyer types it again in the open list). Browsers without `showPicker`
/// keep their own behaviour.
fn open_list_on_keys(ev: web_sys::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let key = ev.key();
    let moves = matches!(
        key.as_str(),
        "ArrowUp" | "ArrowDown" | "Home" | "End" | "PageUp" | "PageDown"
    );
    // A printable key is one character; Ctrl or Cmd with it is a shortcut, not typing.
    let letter = key.chars().count() == 1 && key != " " && !ev.ctrl_key() && !ev.meta_key();
    if ev.alt_key() || !(moves || letter) {
        return;
    }
    let Some(select) = ev.current_target() else {
        return;
    };
    let picker = js_sys::Reflect::get(&select, &"showPicker".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(show) = picker {
        if show.call0(&select).is_ok() {
            ev.prevent_default();
        }
    }
}

/// A short word on whether the latest change is stored; details live in the notices.
#[component]
fn SaveBadge() -> impl IntoView {
    let status = expect_context::<Status>().0;
    let label = move || match status.get() {
        SaveStatus::Saved => ("saved", "Saved"),
        SaveStatus::Pending => ("pending", "Saving…"),
        SaveStatus::Failed(_) | SaveStatus::Held(_) => ("failed", "Not saved"),
        SaveStatus::MemoryOnly(_) => ("failed", "Not saved: in memory only"),
    };
    view! {
        <p class=move || format!("save-badge {}", label().0) data-testid="save-status">
            {move || label().1}
        </p>
    }
}
