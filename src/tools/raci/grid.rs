//! The matrix as a WAI-ARIA grid: one tab stop, arrow keys, Home/End, Ctrl+Home/End,
//! R/A/C/I toggle letters, Delete clears, Enter or a click cycles, Alt+arrows move a row.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ctx::{side_tag, Editor, ROW_HEADER};
use super::row::GridRow;
use crate::domain::raci::{Id, Letter, MatrixEdit};

/// The grid with its category groups.
#[component]
pub fn Grid() -> impl IntoView {
    let editor = Editor::get();
    let party_ids = Memo::new(move |_| editor.with(|r| r.party_ids()));
    let headers = Memo::new(move |_| {
        editor.with(|r| {
            r.parties
                .iter()
                .map(|p| (p.id, p.name.clone(), p.side))
                .collect::<Vec<_>>()
        })
    });
    let categories =
        Memo::new(move |_| editor.with(|r| r.categories.iter().map(|c| c.id).collect::<Vec<_>>()));
    let empty = Memo::new(move |_| editor.with(|r| r.functions.is_empty()));
    view! {
        <section class="panel grid-panel" aria-labelledby="raci-grid-title">
            // Focused on the way back from the printable appendix.
            <h2 id="raci-grid-title" tabindex="-1">
                "Matrix"
            </h2>
            <p class="hint no-print" id="raci-grid-help">
                <span class="keys-only">
                    "Arrow keys move. R, A, C and I switch a letter; Delete clears; Enter or a \
                        click cycles through R, A, A/R, C, I. Alt+↑ and Alt+↓ move a function. \
                        On a function name, Enter opens its details."
                </span>
                <span class="touch-only">
                    "Tap a cell to cycle through R, A, A/R, C, I. The function you tap shows its \
                        details below the matrix."
                </span>
            </p>
            <Show when=move || empty.get()>
                <p class="empty">
                    "No functions yet. Add the first one below, or start from the template."
                </p>
            </Show>
            // The frame draws the shade that says the matrix scrolls sideways (raci.css).
            <div class="grid-frame">
                <div class="grid-scroll">
                    <table
                        role="grid"
                        class="raci-grid"
                        aria-labelledby="raci-grid-title"
                        aria-describedby="raci-grid-help"
                        on:keydown=move |ev| on_key(editor, ev)
                        on:click=move |ev| on_click(editor, ev)
                        on:focusin=move |ev| {
                            if let Some(cell) = cell_of(&ev) {
                                if editor.cursor.get_untracked() != cell {
                                    editor.cursor.set(cell);
                                }
                            }
                        }
                    >
                        <thead>
                            <tr>
                                <th scope="col" class="fn-col">
                                    "Function"
                                </th>
                                <For
                                    each=move || headers.get()
                                    key=|h| h.clone()
                                    let((_, name, side))
                                >
                                    <th scope="col" class=format!("party-col side-{}", side.key())>
                                        <span class="party-name">{name.clone()}</span>
                                        {side_tag(&name, side)}
                                    </th>
                                </For>
                            </tr>
                        </thead>
                        <For each=move || categories.get() key=|c| *c let(cid)>
                            <CategoryGroup cid=cid party_ids=party_ids />
                        </For>
                    </table>
                </div>
            </div>
        </section>
    }
}

/// One category: a heading row and its functions.
#[component]
fn CategoryGroup(cid: Id, party_ids: Memo<Vec<Id>>) -> impl IntoView {
    let editor = Editor::get();
    let name = Memo::new(move |_| {
        editor.with(|r| r.category(cid).map(|c| c.name.clone()).unwrap_or_default())
    });
    let rows =
        Memo::new(move |_| editor.with(|r| r.functions_in(cid).map(|f| f.id).collect::<Vec<_>>()));
    let span = move || (party_ids.with(Vec::len) + 1).to_string();
    view! {
        <tbody>
            <tr class="cat-row">
                // The name sticks, not the cell: a cell as wide as the matrix cannot.
                <th scope="rowgroup" colspan=span>
                    <span class="cat-name">{name}</span>
                </th>
            </tr>
            <For each=move || rows.get() key=|f| *f let(fid)>
                <GridRow fid=fid party_ids=party_ids />
            </For>
        </tbody>
    }
}

/// The cell an event happened in, from its `data-f` and `data-p` attributes.
fn cell_of(ev: &web_sys::Event) -> Option<(Id, Id)> {
    let el = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-f]")
        .ok()??;
    let f = el.get_attribute("data-f")?.parse().ok()?;
    let p = el.get_attribute("data-p")?.parse().ok()?;
    Some((f, p))
}

fn on_click(editor: Editor, ev: web_sys::MouseEvent) {
    let Some((f, p)) = cell_of(&ev) else { return };
    editor.cursor.set((f, p));
    if p != ROW_HEADER {
        editor.apply_matrix(MatrixEdit::CycleCell {
            function: f,
            party: p,
        });
        announce(editor, f, p);
    } else if !by_mouse(&ev) {
        request_animation_frame(bring_details_into_view);
    }
}

/// A mouse's click on a name selects it and leaves the matrix where it is: a desktop
/// buyer may go on with the arrow keys. A tap has nothing else to do.
fn by_mouse(ev: &web_sys::MouseEvent) -> bool {
    ev.dyn_ref::<web_sys::PointerEvent>()
        .is_some_and(|p| p.pointer_type() == "mouse")
}

/// A function's name is tapped to see its details, which sit below the matrix: off the
/// screen or at its bottom edge, where the tap seemed to do nothing. They come into
/// view (their "Back to the matrix" returns to the row).
fn bring_details_into_view() {
    let Some(heading) = document().get_element_by_id("raci-details-title") else {
        return;
    };
    let screen = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if heading.get_bounding_client_rect().top() > screen * 0.75 {
        heading.scroll_into_view();
    }
}

/// Says the new letters of a cell.
fn announce(editor: Editor, f: Id, p: Id) {
    let letters = editor.with_untracked(|r| r.cell(f, p));
    editor.say(letters.spoken());
}

fn on_key(editor: Editor, ev: web_sys::KeyboardEvent) {
    let (f, p) = cell_of(&ev).unwrap_or_else(|| editor.tab_stop.get_untracked());
    let key = ev.key();
    let ctrl = ev.ctrl_key() || ev.meta_key();
    let (rows, cols) = editor.with_untracked(|r| {
        let mut cols = vec![ROW_HEADER];
        cols.extend(r.party_ids());
        (r.row_ids(), cols)
    });
    if rows.is_empty() {
        return;
    }
    let ri = rows.iter().position(|x| *x == f).unwrap_or(0);
    let ci = cols.iter().position(|x| *x == p).unwrap_or(0);
    let (last_r, last_c) = (rows.len() - 1, cols.len() - 1);
    if ev.alt_key() && (key == "ArrowUp" || key == "ArrowDown") {
        ev.prevent_default();
        let delta = if key == "ArrowUp" { -1 } else { 1 };
        if editor
            .apply_matrix(MatrixEdit::MoveFunction(f, delta))
            .is_yes()
        {
            editor.say(if delta < 0 {
                "Moved up."
            } else {
                "Moved down."
            });
        } else {
            editor.say("It cannot move further in its category.");
        }
        editor.focus_cell_later(f, p);
        return;
    }
    let to = match key.as_str() {
        "ArrowRight" => Some((ri, (ci + 1).min(last_c))),
        "ArrowLeft" => Some((ri, ci.saturating_sub(1))),
        "ArrowDown" => Some(((ri + 1).min(last_r), ci)),
        "ArrowUp" => Some((ri.saturating_sub(1), ci)),
        "PageDown" => Some(((ri + 10).min(last_r), ci)),
        "PageUp" => Some((ri.saturating_sub(10), ci)),
        "Home" if ctrl => Some((0, 0)),
        "End" if ctrl => Some((last_r, last_c)),
        "Home" => Some((ri, 0)),
        "End" => Some((ri, last_c)),
        _ => None,
    };
    if let Some((r, c)) = to {
        if ev.alt_key() {
            return;
        }
        ev.prevent_default();
        editor.focus_cell(rows[r], cols[c]);
        return;
    }
    if ctrl || ev.alt_key() {
        return;
    }
    if p == ROW_HEADER {
        if key == "Enter" {
            ev.prevent_default();
            editor.focus_field(f, "raci-name");
        }
        return;
    }
    let edit = match key.as_str() {
        "Delete" | "Backspace" => MatrixEdit::SetCell {
            function: f,
            party: p,
            letters: Default::default(),
        },
        "Enter" | " " => MatrixEdit::CycleCell {
            function: f,
            party: p,
        },
        k => match k
            .chars()
            .next()
            .filter(|_| k.chars().count() == 1)
            .and_then(Letter::from_char)
        {
            Some(letter) => MatrixEdit::ToggleLetter {
                function: f,
                party: p,
                letter,
            },
            None => return,
        },
    };
    ev.prevent_default();
    if editor.apply_matrix(edit).is_yes() {
        announce(editor, f, p);
    }
}
