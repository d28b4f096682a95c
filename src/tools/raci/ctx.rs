//! The editor's shared state: the open workspace's matrix (its `Doc`, with the undo
//! history), the grid cursor and the live announcements.

use leptos::prelude::*;
use leptos::reactive::computed::Selector;

use crate::browser::state::Lib;
use crate::components::doc::{step_said, Doc};
use crate::components::{focus_by_id, focus_later};
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

    /// Ends a run of typing, so the next change is its own step.
    pub fn seal(self) {
        self.doc.seal();
    }

    pub fn undo(self) {
        let done = self.doc.undo();
        self.say(step_said(self.doc, true, done));
    }

    pub fn redo(self) {
        let done = self.doc.redo();
        self.say(step_said(self.doc, false, done));
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

/// The small side tag after a party's name, unless the name already says it
/// ("MSP SOC" needs no "MSP" tag; "Internal IT" needs no "Internal IT" tag).
pub fn side_tag(name: &str, side: crate::domain::raci::Side) -> Option<impl IntoView> {
    (!crate::domain::text::lower(name).contains(&side.label().to_ascii_lowercase()))
        .then(|| view! { <span class="side-tag">{side.label()}</span> })
}
