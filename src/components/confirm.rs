//! The modal confirm dialog asked before a step that cannot be undone or that removes much
//! at once (a quote with its rate card), and `Pending`, the state of a "Delete …?" dialog
//! over a list of items.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{after_settled, focus_lost, unique_id};
use crate::browser::router::{focus_heading, moves};

/// A modal question before something that cannot be undone, or removes much at once. Built
/// on `<dialog>`, so focus stays inside it and Escape cancels.
#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is open; it sets this back to false when it closes.
    open: RwSignal<bool>,
    /// The question, as a heading.
    #[prop(into)]
    title: Signal<String>,
    /// What will happen, in one or two sentences.
    #[prop(into)]
    message: Signal<String>,
    /// The label of the button that goes ahead.
    #[prop(into)]
    confirm_label: Signal<String>,
    /// Runs when the buyer confirms.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let title_id = unique_id("dialog-title");
    // Read with the title, so a screen reader says what will happen, not only the question.
    let message_id = unique_id("dialog-message");
    let returns_to = StoredValue::new_local(None::<web_sys::HtmlElement>);
    // The heading of the section the question came from: focus goes there when the
    // button that asked was deleted along with its item.
    let fallback = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        let Some(el) = dialog.get() else { return };
        if open.get() && !el.open() {
            let active = document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            fallback.set_value(active.as_ref().and_then(section_heading));
            returns_to.set_value(active);
            let _ = el.show_modal();
        } else if !open.get() && el.open() {
            el.close();
        }
    });
    // The button that asked, else its section's heading, else (the whole section went,
    // as when the matrix is cleared) the page's title: never the top of the document.
    let restore = move || {
        // try_: the restore a frame later may find the dialog gone with its section.
        let back = returns_to
            .try_get_value()
            .flatten()
            .filter(|e| e.is_connected())
            .or_else(|| {
                fallback
                    .try_get_value()
                    .flatten()
                    .filter(|e| e.is_connected())
            });
        match back {
            Some(el) => {
                let _ = el.focus();
            }
            None => focus_heading(),
        }
    };
    let on_close = move |_| {
        // The close event comes a task after `close()`: a quick second press may have
        // opened the dialog again meanwhile, and that question stands.
        if dialog.get_untracked().is_some_and(|d| d.open()) {
            return;
        }
        open.set(false);
        restore();
        // What was confirmed may remove that button only once the page has caught up
        // (the RACI redraws from the settled document, a frame and a task later). Not
        // after the buyer's next move: one already pressing a button on the screen that
        // came in its place (the RACI's start screen) keeps the focus there.
        let since = moves();
        after_settled(move || {
            if moves() == since && focus_lost() {
                restore();
            }
        });
    };
    view! {
        <dialog
            node_ref=dialog
            class="confirm"
            aria-labelledby=title_id.clone()
            aria-describedby=message_id.clone()
            on:close=on_close
        >
            <h2 id=title_id.clone()>{title}</h2>
            <p id=message_id.clone()>{message}</p>
            <div class="actions">
                <button
                    type="button"
                    class="danger"
                    on:click=move |_| {
                        open.set(false);
                        on_confirm.run(());
                    }
                >
                    {confirm_label}
                </button>
                <button type="button" autofocus on:click=move |_| open.set(false)>
                    "Cancel"
                </button>
            </div>
        </dialog>
    }
}

/// The first heading of the nearest section around `el`, made focusable.
pub fn section_heading(el: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    let section = el.closest("section").ok().flatten()?;
    let heading = section
        .query_selector("h2, h3")
        .ok()
        .flatten()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    if !heading.has_attribute("tabindex") {
        let _ = heading.set_attribute("tabindex", "-1");
    }
    Some(heading)
}

/// The item a confirmation dialog asks about, and whether the dialog is open: the state
/// every "Delete …?" dialog over a list of items needs.
#[derive(Clone, Copy)]
pub struct Pending {
    /// The id of the item in question.
    pub id: RwSignal<Option<String>>,
    /// Whether the dialog is open.
    pub open: RwSignal<bool>,
}

impl Pending {
    pub fn new() -> Self {
        Self {
            id: RwSignal::new(None),
            open: RwSignal::new(false),
        }
    }

    /// Asks about the item with this id: opens the dialog.
    pub fn ask(self) -> Callback<String> {
        Callback::new(move |id: String| {
            self.id.set(Some(id));
            self.open.set(true);
        })
    }

    /// What the dialog's confirm button runs: `act` with the id asked about.
    pub fn then(self, act: impl Fn(&str) + Send + Sync + 'static) -> Callback<()> {
        Callback::new(move |()| {
            if let Some(id) = self.id.get_untracked() {
                act(&id);
            }
        })
    }

    /// The name of the item asked about, for the dialog's title.
    pub fn name(self, of: impl Fn(&str) -> String + Send + Sync + 'static) -> Signal<String> {
        Signal::derive(move || of(&self.id.get().unwrap_or_default()))
    }
}

impl Default for Pending {
    fn default() -> Self {
        Self::new()
    }
}
