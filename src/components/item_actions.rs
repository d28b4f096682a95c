//! The move and delete buttons of one item in an ordered list, the same in every tool.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Which way an ordered list runs, for the labels of its move buttons.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Axis {
    /// Rows: "Move up" and "Move down".
    #[default]
    Vertical,
    /// Columns: "Move left" and "Move right".
    Horizontal,
}

/// The move and delete buttons of one item in an ordered list, the same in every tool.
/// Each button's accessible name ends with the item's name ("Move up Security"), so a
/// screen reader tells the rows apart. Extra buttons (`children`) sit before Delete.
/// A list of sections (a group of rows) names what moves: "Move group up Security".
#[component]
pub fn ItemActions(
    /// The item's name, appended (visually hidden) to every label.
    #[prop(into)]
    name: Signal<String>,
    /// Rows or columns.
    #[prop(optional)]
    axis: Axis,
    /// What moves, when it is not the row itself ("group"); goes into the labels.
    #[prop(optional)]
    noun: Option<&'static str>,
    /// Whether the item can move back (up or left); always, when not given.
    #[prop(optional, into)]
    can_back: Option<Signal<bool>>,
    /// Whether the item can move forward (down or right); always, when not given.
    #[prop(optional, into)]
    can_forward: Option<Signal<bool>>,
    /// Moves the item by -1 or +1.
    on_move: Callback<i32>,
    /// Deletes the item (or asks first); no Delete button without it.
    #[prop(optional)]
    on_delete: Option<Callback<()>>,
    /// Buttons shown between the move buttons and Delete.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let (back, forward) = match axis {
        Axis::Vertical => ("up", "down"),
        Axis::Horizontal => ("left", "right"),
    };
    let label = |way: &str| match noun {
        Some(noun) => format!("Move {noun} {way}"),
        None => format!("Move {way}"),
    };
    let (back, forward) = (label(back), label(forward));
    // aria-disabled, not disabled: a button that becomes disabled under the keyboard
    // drops the focus to the page.
    let stuck = |can: Option<Signal<bool>>| move || can.is_some_and(|c| !c.get()).then_some("true");
    let step = move |ev: leptos::ev::MouseEvent, by: i32, can: Option<Signal<bool>>| {
        if can.is_some_and(|c| !c.get_untracked()) {
            return;
        }
        on_move.run(by);
        keep_focus(&ev);
    };
    view! {
        <div class="row-actions">
            <button
                type="button"
                class="secondary"
                aria-disabled=stuck(can_back)
                on:click=move |ev| step(ev, -1, can_back)
            >
                {back}
                <span class="visually-hidden">" " {name}</span>
            </button>
            <button
                type="button"
                class="secondary"
                aria-disabled=stuck(can_forward)
                on:click=move |ev| step(ev, 1, can_forward)
            >
                {forward}
                <span class="visually-hidden">" " {name}</span>
            </button>
            {children.map(|c| c())}
            {on_delete
                .map(|delete| {
                    view! {
                        <button
                            type="button"
                            class="secondary danger"
                            on:click=move |_| delete.run(())
                        >
                            "Delete"
                            <span class="visually-hidden">" " {name}</span>
                        </button>
                    }
                })}
        </div>
    }
}

/// A keyed list moves the row's element to its new place, and a moved element loses the
/// focus: give it back to the button that was pressed. After the next frame, then after
/// each of the next few settled frames while the focus is on the page's body: a list read
/// from the settled document (the RACI's, `Doc::with_settled`) moves in a task after the
/// first frame, and on a loaded machine a part may be rebuilt a frame later still, with a
/// new button of the same name, which then takes the focus.
fn keep_focus(ev: &leptos::ev::MouseEvent) {
    let Some(button) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let again = button.clone();
    request_animation_frame(move || refocus(&button));
    keep_focus_settled(again, 3);
}

fn keep_focus_settled(button: web_sys::HtmlElement, tries: u32) {
    super::after_settled(move || {
        if super::focus_lost() {
            refocus(&button);
        }
        if tries > 1 {
            keep_focus_settled(button, tries - 1);
        }
    });
}

/// Focuses the pressed button, or the button with its words that replaced it (the words
/// name the item and the move, so they find the one button).
fn refocus(button: &web_sys::HtmlElement) {
    if button.is_connected() {
        let _ = button.focus();
        return;
    }
    let words = button.text_content();
    let Ok(all) = document().query_selector_all(".row-actions button") else {
        return;
    };
    let twin = (0..all.length())
        .filter_map(|i| all.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| b.text_content() == words);
    if let Some(twin) = twin {
        let _ = twin.focus();
    }
}
