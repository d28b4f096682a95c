//! Widgets shared by the pages and tools.

pub mod brief_link;
pub mod by_content;
pub mod change_note;
pub mod confirm;
pub mod conflicts;
pub mod doc;
pub mod footer;
pub mod header;
pub mod item_actions;
pub mod keyed;
pub mod later;
pub mod link_out;
pub mod notices;
pub mod number_field;
pub mod number_text;
pub mod page_intro;
pub mod page_jumps;
pub mod print_heading;
pub mod share_panel;
pub mod typing;

use std::sync::atomic::{AtomicU32, Ordering};

/// An id unique within the page, for label/description wiring.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Calls `handler` on every key press in the page while the calling component lives.
/// Native builds render the static first screens, where there is no window to listen on.
pub fn on_window_keydown(handler: impl Fn(web_sys::KeyboardEvent) + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        let handle = leptos::prelude::window_event_listener(leptos::ev::keydown, handler);
        leptos::prelude::on_cleanup(move || handle.remove());
    }
    #[cfg(not(target_arch = "wasm32"))]
    drop(handler);
}

/// The element with `id`, if it is there and is an HTML element (so it can take focus).
pub fn html_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Moves focus to the element with `id`; false when it is not there (yet).
pub fn focus_by_id(id: &str) -> bool {
    html_by_id(id).is_some_and(|el| el.focus().is_ok())
}

/// Gives focus back to `button` (the one that opened an editor in place) when `editing`
/// ends, by Enter, Escape or a click: the editor's field goes, and focus must not fall to
/// the top of the document.
pub fn refocus_when_done(
    editing: leptos::prelude::RwSignal<bool>,
    button: leptos::prelude::NodeRef<leptos::html::Button>,
) {
    use leptos::prelude::*;
    Effect::new(move |was: Option<bool>| {
        let now = editing.get();
        if was == Some(true) && !now {
            request_animation_frame(move || {
                if let Some(el) = button.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
        now
    });
}

/// Runs `f` once what reads the settled document (`Doc::with_settled`) has redrawn after
/// the latest change: those readers wake a frame and a task later, so `f` waits one more
/// frame past that. For focus that a redraw from the settled document may take away.
pub fn after_settled(f: impl FnOnce() + 'static) {
    use leptos::prelude::{request_animation_frame, set_timeout};
    request_animation_frame(move || {
        set_timeout(
            move || request_animation_frame(f),
            std::time::Duration::ZERO,
        )
    });
}

/// Calls `step` on each animation frame until it returns true, for a focus fix that waits
/// for the part it follows to be rebuilt (which, read from the settled document, takes a
/// frame and a task, and several frames on a loaded machine). It ends at the buyer's
/// next own move (a key, a tap, a scroll), as the focus is theirs again then, or after
/// `FOCUS_FRAMES`: a count of frames alone either ended too early on a slow machine or,
/// longer, took the focus a later press had moved.
pub fn watch_focus(step: impl FnMut() -> bool + 'static) {
    use crate::browser::router::moves;
    let step: Box<dyn FnMut() -> bool> = Box::new(step);
    // The newest fix wins: an older one, still watching, ends (a press that sends only a
    // click, as some assistive tools do, is not counted as a move).
    let fix = NEWEST_FIX.fetch_add(1, Ordering::Relaxed) + 1;
    // Counted from the first frame: by then the move that started the fix has reached
    // every listener, whichever order they run in.
    leptos::prelude::request_animation_frame(move || {
        watch_frames(step, (moves(), fix), FOCUS_FRAMES)
    });
}

/// When what held the focus goes with its part of the page (a quote taken back, a cleared
/// matrix's toolbar), the page's heading takes the focus once it falls to the page: not
/// the top of the document, and not after the buyer's next move (`watch_focus`).
pub fn heading_once_lost() {
    watch_focus(|| {
        let lost = focus_lost();
        if lost {
            crate::browser::router::focus_heading();
        }
        lost
    });
}

static NEWEST_FIX: AtomicU32 = AtomicU32::new(0);

/// About three seconds at 60 frames a second.
const FOCUS_FRAMES: u32 = 180;

fn watch_frames(mut step: Box<dyn FnMut() -> bool>, since: (u32, u32), left: u32) {
    use crate::browser::router::moves;
    let current = (moves(), NEWEST_FIX.load(Ordering::Relaxed)) == since;
    if current && !step() && left > 1 {
        leptos::prelude::request_animation_frame(move || watch_frames(step, since, left - 1));
    }
}

/// Whether the focus has fallen to the document's body, as when the focused element goes.
pub fn focus_lost() -> bool {
    let document = leptos::prelude::document();
    match (document.active_element(), document.body()) {
        (Some(active), Some(body)) => body.is_same_node(Some(&active)),
        _ => true,
    }
}

/// Moves focus to an element once it has been rendered (the next animation frame).
pub fn focus_later(id: String) {
    leptos::prelude::request_animation_frame(move || {
        focus_by_id(&id);
    });
}
