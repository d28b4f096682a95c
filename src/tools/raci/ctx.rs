//! The editor's shared state: the open workspace's matrix (its `Doc`, with the undo
//! history), the grid cursor and the live announcements.

use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use wasm_bindgen::JsCast;

use crate::browser::router::focus_heading;
use crate::browser::state::Lib;
use crate::components::doc::{step_said, Doc};
use crate::components::item_actions::{focus_in_list, place_in_list};
use crate::components::{focus_by_id, focus_later, focus_lost, watch_focus};
use crate::domain::anchor::raci_cell;
use crate::domain::edit::Changed;
use crate::domain::raci::{EditError, Id, MatrixEdit, Raci, RaciEdit};

/// The grid column of a function's row header (party columns use the party id).
pub const ROW_HEADER: Id = 0;

/// Copyable handle to the editor state, provided once per open workspace.
#[derive(Clone, Copy)]
pub struct Editor {
    pub lib: Lib,
    /// The matrix and its undo history.
    pub doc: Doc<Raci>,
    /// The grid cell that holds the tab stop: (function, party or `ROW_HEADER`).
    pub cursor: RwSignal<(Id, Id)>,
    /// The cell that really has the tab stop: the cursor, or the first cell when the
    /// cursor's function or party is gone.
    pub tab_stop: Memo<(Id, Id)>,
    /// Tells each cell whether it holds the tab stop, without waking the others.
    pub selector: StoredValue<Selector<(Id, Id)>>,
    /// The latest message for screen readers (and the status line).
    pub said: RwSignal<String>,
    /// Functions just marked by their names, shown until the buyer keeps or undoes them.
    pub suggested: RwSignal<Option<Suggested>>,
}

/// Functions the app marked by their names in one go: stored before kinds were suggested,
/// or read from a file that gave them none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggested {
    pub functions: Vec<Id>,
    pub from_file: bool,
}

impl Editor {
    pub fn new(lib: Lib) -> Editor {
        let cursor = RwSignal::new((0, ROW_HEADER));
        let tab_stop = Memo::new(move |_| {
            let (f, p) = cursor.get();
            lib.0.with(|l| {
                let raci = &l.active().raci;
                let f_ok = raci.function(f).is_some();
                let p_ok = p == ROW_HEADER || raci.party(p).is_some();
                if f_ok && p_ok {
                    (f, p)
                } else {
                    let first = raci.rows().first().map(|f| f.id).unwrap_or(0);
                    (
                        if f_ok { f } else { first },
                        if p_ok { p } else { ROW_HEADER },
                    )
                }
            })
        });
        Editor {
            lib,
            doc: Doc::settling(lib),
            cursor,
            tab_stop,
            selector: StoredValue::new(Selector::new(move || tab_stop.get())),
            said: RwSignal::new(String::new()),
            suggested: RwSignal::new(None),
        }
    }

    pub fn get() -> Editor {
        expect_context::<Editor>()
    }

    /// Reads the matrix, tracked.
    pub fn with<T>(self, f: impl FnOnce(&Raci) -> T) -> T {
        self.lib.0.with(|l| f(&l.active().raci))
    }

    /// Reads the matrix for what shows beside the grid (checks, structure, workload):
    /// see `Doc::with_settled`.
    pub fn with_settled<T>(self, f: impl FnOnce(&Raci) -> T) -> T {
        self.doc.with_settled(f)
    }

    /// Reads the matrix without subscribing (event handlers).
    pub fn with_untracked<T>(self, f: impl FnOnce(&Raci) -> T) -> T {
        self.lib.0.with_untracked(|l| f(&l.active().raci))
    }

    /// Whether this cell holds the grid's tab stop (reactive, O(1) per cell).
    pub fn is_tab_stop(self, cell: (Id, Id)) -> bool {
        self.selector.with_value(|s| s.selected(&cell))
    }

    /// Applies an edit as one undo step.
    pub fn apply(self, edit: RaciEdit) -> Result<Changed, EditError> {
        self.doc.apply(edit)
    }

    /// Applies the move of a party or category and says where it went ("Moved MSP to
    /// column 2 of 3."), or that it is already at that end. `place` gives the item's
    /// place in its list after the move, and the list's length.
    pub fn move_item(
        self,
        edit: RaciEdit,
        name: String,
        unit: &str,
        place: impl FnOnce(&Raci) -> (Option<usize>, usize),
    ) {
        if self.apply(edit) != Ok(Changed::Yes) {
            return self.say("It is already at that end.");
        }
        let (at, of) = self.with_untracked(place);
        self.say(format!(
            "Moved {name} to {unit} {} of {of}.",
            at.unwrap_or(0) + 1
        ));
    }

    /// Applies a change made on the matrix as one undo step (kept apart from `apply`,
    /// which the panels' chunk carries, so the matrix's code stays small).
    pub fn apply_matrix(self, edit: MatrixEdit) -> Changed {
        Changed::when(self.doc.change(None, |r| r.apply_matrix(edit).is_yes()))
    }

    /// Applies an edit typed into `field`: keystrokes in one field join into one step.
    pub fn typed(self, field: &str, edit: RaciEdit) -> Result<Changed, EditError> {
        self.doc.typed(field, edit)
    }

    /// Replaces the whole matrix as one undo step.
    pub fn replace(self, next: Raci) {
        self.doc.replace(next);
    }

    /// Marks the functions stored before kinds were suggested (once: after this, each has
    /// a mark or nothing to suggest) and shows what changed. One undo step.
    pub fn suggest_stored_kinds(self) {
        let mut marked = Vec::new();
        self.doc.change(None, |r| {
            marked = r.suggest_kinds();
            !marked.is_empty()
        });
        if !marked.is_empty() {
            self.suggested.set(Some(Suggested {
                functions: marked,
                from_file: false,
            }));
        }
    }

    pub fn undo(self) {
        self.step(true);
    }

    pub fn redo(self) {
        self.step(false);
    }

    /// Undoes or redoes a step. The step may take the focused element away (a row it
    /// moves back is re-inserted, a finding it settles is removed): focus then goes back
    /// near where it was, rather than to the top of the document, whenever it falls to the
    /// page before the user presses on (the grid redraws on the next frame, the checks once
    /// settled, and a loaded machine may rebuild the toolbar a frame later still).
    fn step(self, back: bool) {
        let from = Origin::now(self);
        let done = if back {
            self.doc.undo()
        } else {
            self.doc.redo()
        };
        self.say(step_said(self.doc, back, done));
        if done {
            let mut frames = 0;
            watch_focus(move || {
                // The editor went with its page: nothing to put the focus back in.
                if self.cursor.try_get_untracked().is_none() {
                    return true;
                }
                frames += 1;
                if focus_lost() {
                    from.refocus(self, frames > PATIENCE);
                }
                false
            });
        }
    }

    /// Announces a message to screen readers.
    pub fn say(self, text: impl Into<String>) {
        let text = text.into();
        // The same words twice would not be re-read; a trailing space changes the text.
        let same = self.said.with_untracked(|s| s.trim_end() == text);
        self.said
            .set(if same && !self.said.with_untracked(|s| s.ends_with(' ')) {
                format!("{text} ")
            } else {
                text
            });
    }

    /// Moves the grid's tab stop to a cell and focuses it.
    pub fn focus_cell(self, function: Id, party: Id) {
        self.cursor.set((function, party));
        let id = raci_cell(function, party);
        if !focus_by_id(&id) {
            // The row may not be rendered yet (just added or moved).
            request_animation_frame(move || {
                focus_by_id(&id);
            });
        }
    }

    /// Like `focus_cell`, once the DOM has caught up (after a row moved).
    pub fn focus_cell_later(self, function: Id, party: Id) {
        self.cursor.set((function, party));
        focus_later(raci_cell(function, party));
    }

    /// Selects a function (so the details show it) and focuses one of its fields.
    pub fn focus_field(self, function: Id, element: &'static str) {
        let (_, p) = self.cursor.get_untracked();
        self.cursor.set((function, p));
        focus_later(element.to_owned());
    }
}

/// Frames an undo waits for the focused element to come back to the page before it puts
/// the focus elsewhere.
const PATIENCE: u32 = 10;

/// Where the focus was when an undo or redo began.
#[derive(Clone)]
enum Origin {
    /// A grid cell, and its row's place in the grid.
    Cell { function: Id, party: Id, row: usize },
    /// The link of the finding at this place in the checks' list.
    Finding(u32),
    /// Anywhere else: that element (a party's Move button, moved back by the step).
    Other(Option<web_sys::HtmlElement>),
    /// On the page itself: left there.
    Nowhere,
}

impl Origin {
    fn now(editor: Editor) -> Origin {
        // Focus already on the page (a click on plain text): nothing to put back, and
        // moving it would scroll the page to the toolbar.
        if focus_lost() {
            return Origin::Nowhere;
        }
        let Some(active) = document().active_element() else {
            return Origin::Other(None);
        };
        let within = |selector: &str| active.closest(selector).ok().flatten();
        if let Some(cell) = within(".raci-grid [data-f]") {
            let id = |name: &str| cell.get_attribute(name).and_then(|v| v.parse::<Id>().ok());
            if let (Some(function), Some(party)) = (id("data-f"), id("data-p")) {
                let row = editor.with_untracked(|r| {
                    r.row_ids().iter().position(|f| *f == function).unwrap_or(0)
                });
                return Origin::Cell {
                    function,
                    party,
                    row,
                };
            }
        }
        within(".findings > li")
            .and_then(|item| place_in_list(&item))
            .map_or_else(
                || Origin::Other(active.dyn_into().ok()),
                |(_, at)| Origin::Finding(at),
            )
    }

    /// The same cell, else the one now in its row's place, in the same column (the row
    /// header when the party went); the finding now in that place, else the checks'
    /// heading; the element focused; else the Undo button, or the page's heading when the
    /// matrix went.
    fn refocus(&self, editor: Editor, impatient: bool) {
        let done = match *self {
            Origin::Cell {
                function,
                party,
                row,
            } => match editor.with_untracked(|r| cell_near(r, function, party, row)) {
                Some((f, p)) => {
                    editor.focus_cell(f, p);
                    true
                }
                None => false,
            },
            Origin::Finding(at) => {
                document()
                    .query_selector(".findings")
                    .ok()
                    .flatten()
                    .is_some_and(|list| focus_in_list(&list, at, ".finding-what"))
                    || focus_by_id("raci-checks-title")
            }
            // Not `item_actions::refocus` and its search for a twin: its code would join
            // the RACI's first download (the party lists keep their elements on undo).
            // A keyed list moving the element takes it out and puts it back: out of the
            // page for a frame or two on a loaded machine, it is waited for a little.
            Origin::Other(Some(ref el)) if !el.is_connected() && !impatient => return,
            Origin::Other(ref el) => el.as_ref().is_some_and(|el| {
                let _ = el.focus();
                document()
                    .active_element()
                    .is_some_and(|a| a.is_same_node(Some(el)))
            }),
            Origin::Nowhere => return,
        };
        if !done && !focus_undo_button() {
            focus_heading();
        }
    }
}

/// The cell of `function` and `party`, else the one in the same column of the row now at
/// `row` (the last when there are fewer), on the row header when the party went; none
/// without rows.
fn cell_near(r: &Raci, function: Id, party: Id, row: usize) -> Option<(Id, Id)> {
    let rows = r.row_ids();
    let f = if rows.contains(&function) {
        function
    } else {
        *rows.get(row.min(rows.len().checked_sub(1)?))?
    };
    let p = if r.party(party).is_some() {
        party
    } else {
        ROW_HEADER
    };
    Some((f, p))
}

/// Focuses the toolbar's Undo button (`UndoButtons` gives it its keys); false without one.
fn focus_undo_button() -> bool {
    document()
        .query_selector(".raci-toolbar button[aria-keyshortcuts='Control+Z']")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|b| b.focus().is_ok())
}

/// The small side tag after a party's name, unless the name already says it
/// ("MSP SOC" needs no "MSP" tag; "Internal IT" needs no "Internal IT" tag).
pub fn side_tag(name: &str, side: crate::domain::raci::Side) -> Option<impl IntoView> {
    (!crate::domain::text::lower(name).contains(&side.label().to_ascii_lowercase()))
        .then(|| view! { <span class="side-tag">{side.label()}</span> })
}
