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
    /// Deletes the item (or asks first); no Delete button without it. Once the item has
    /// gone, the focus goes to the Delete button now in its place (`follow_delete`).
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
                            on:click=move |ev| {
                                let place = Place::of(&ev, "li");
                                delete.run(());
                                if let Some(place) = place {
                                    follow_delete(place);
                                }
                            }
                        >
                            "Delete"
                            <span class="visually-hidden">" " {name}</span>
                        </button>
                    }
                })}
        </div>
    }
}

/// Where a pressed button's item stood in its list, so that once the item has gone the
/// focus can go to the item now in its place (`follow_removal`).
pub struct Place {
    button: web_sys::HtmlElement,
    list: web_sys::Element,
    index: u32,
}

impl Place {
    /// The pressed button's item: its closest ancestor matching `item`.
    pub fn of(ev: &leptos::ev::MouseEvent, item: &str) -> Option<Place> {
        let button = ev
            .current_target()?
            .dyn_into::<web_sys::HtmlElement>()
            .ok()?;
        let (list, index) = place_in_list(&button.closest(item).ok()??)?;
        Some(Place {
            button,
            list,
            index,
        })
    }
}

/// Once the deleted item has gone, gives the focus to the Delete button of the item now in
/// its place (the next one, else the new last one), else to the list's section heading:
/// never to the "New …" field below the list, where Ctrl+Z would be the field's own text
/// undo instead of bringing the item back. Only when the pressed button really went and
/// took the focus with it: a delete that asks first leaves it in place, and its dialog
/// puts the focus back itself.
fn follow_delete(place: Place) {
    let list = place.list.clone();
    follow_removal(place, DELETE, move || focus_section_heading(&list));
}

/// Once the pressed button's item has gone and taken the focus with it, focuses the
/// element matching `selector` in the item now in its place (the next one, else the new
/// last one), else runs `otherwise` (the list is empty or went with its section).
pub fn follow_removal(place: Place, selector: &'static str, otherwise: impl FnOnce() + 'static) {
    let mut otherwise = Some(otherwise);
    super::watch_focus(move || {
        if place.button.is_connected() {
            return false;
        }
        if super::focus_lost() && !focus_in_list(&place.list, place.index, selector) {
            if let Some(f) = otherwise.take() {
                f();
            }
        }
        true
    });
}

/// The Delete button of an item's actions.
const DELETE: &str = ".row-actions > button.danger";

/// The list an item is in, and the item's place in it (from 0).
pub fn place_in_list(item: &web_sys::Element) -> Option<(web_sys::Element, u32)> {
    let list = item.parent_element()?;
    let items = list.children();
    let index =
        (0..items.length()).find(|i| items.item(*i).is_some_and(|e| e.is_same_node(Some(item))))?;
    Some((list, index))
}

/// Focuses the element matching `selector` in the item at `index` of `list`, or in its
/// last item when there are fewer; false when there is none (the list is empty or gone).
pub fn focus_in_list(list: &web_sys::Element, index: u32, selector: &str) -> bool {
    let items = list.children();
    let Some(last) = items.length().checked_sub(1) else {
        return false;
    };
    list.is_connected()
        && items
            .item(index.min(last))
            .and_then(|item| item.query_selector(selector).ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|el| el.focus().is_ok())
}

/// Focuses the heading of the section around `el` (made focusable from script only), or
/// the page's heading when that section went too.
fn focus_section_heading(el: &web_sys::Element) {
    let heading = el
        .closest("section")
        .ok()
        .flatten()
        .filter(|s| s.is_connected())
        .and_then(|s| s.query_selector("h2, h3").ok().flatten())
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    match heading {
        Some(h) => {
            if !h.has_attribute("tabindex") {
                let _ = h.set_attribute("tabindex", "-1");
            }
            let _ = h.focus();
        }
        None => crate::browser::router::focus_heading(),
    }
}

/// A keyed list moves the row's element to its new place, and a moved element loses the
/// focus: give it back to the button that was pressed, whenever it falls to the page until
/// the user presses on: a list read from the settled document (the RACI's,
/// `Doc::with_settled`) moves in a task after the first frame, and on a loaded machine a
/// part may be rebuilt a frame later still, with a new button of the same name.
fn keep_focus(ev: &leptos::ev::MouseEvent) {
    let Some(button) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    super::watch_focus(move || {
        if super::focus_lost() {
            refocus(&button);
        }
        false
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
