//! One handle per open document (`PricingDoc`, `ScorecardDoc`, the RACI editor's
//! matrix): read it tracked or not, apply the tool's edits, undo and redo them. A page
//! makes its handle once, when it is built, and passes it down; nothing looks it up
//! at event time.

use std::marker::PhantomData;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::typing;
use crate::browser::state::{Lib, Notices};
use crate::domain::edit::Changed;
use crate::domain::history::History;
use crate::domain::workspace::Document;

/// How many steps undo keeps.
const UNDO_STEPS: usize = 200;

/// The undo history of the document of one workspace.
struct Past<D> {
    workspace: String,
    /// `Library::replaced` when the steps began: another tab's copy since makes them stale.
    replaced: u64,
    steps: History<D>,
    /// Steps were dropped because another tab changed the workspace, and none taken since.
    dropped: bool,
}

impl<D: Clone> Past<D> {
    fn new(workspace: String, replaced: u64, dropped: bool) -> Past<D> {
        Past {
            workspace,
            replaced,
            steps: History::new(UNDO_STEPS),
            dropped,
        }
    }
}

/// A document's undo history as its page closed, with the document then.
struct Kept<D> {
    past: Past<D>,
    doc: D,
}

thread_local! {
    /// The history of each document type's last page: a buyer who looks at another tool
    /// and comes back finds Undo where it was, unless the document changed meanwhile
    /// (the steps would then undo that too).
    static KEPT: std::cell::RefCell<Vec<Box<dyn std::any::Any>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Takes the kept history of `D` if `fits` it.
fn take_kept<D: 'static>(fits: impl Fn(&Kept<D>) -> bool) -> Option<Kept<D>> {
    KEPT.with_borrow_mut(|kept| {
        let at = kept
            .iter()
            .position(|k| k.downcast_ref::<Kept<D>>().is_some_and(&fits))?;
        kept.swap_remove(at).downcast().ok().map(|k| *k)
    })
}

/// How many histories are kept, the oldest dropped first.
const KEPT_MAX: usize = 6;

/// Keeps `k`, in place of an older history of the same document and workspace.
fn keep<D: 'static>(k: Kept<D>) {
    KEPT.with_borrow_mut(|kept| {
        kept.retain(|old| {
            old.downcast_ref::<Kept<D>>()
                .is_none_or(|old| old.past.workspace != k.past.workspace)
        });
        kept.push(Box::new(k));
        if kept.len() > KEPT_MAX {
            kept.remove(0);
        }
    });
}

/// A copyable handle to the open workspace's document of type `D`.
pub struct Doc<D: Document> {
    lib: Lib,
    /// Where a step taken outside the page (a response brought in) offers its take-back.
    notices: Option<Notices>,
    past: StoredValue<Past<D>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Fires once the frame after a change has been drawn (see `with_settled`).
    settled: Option<Trigger>,
    _doc: PhantomData<fn() -> D>,
}

impl<D: Document> Clone for Doc<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Document> Copy for Doc<D> {}

impl<D: Document> Doc<D> {
    pub fn new(lib: Lib) -> Doc<D> {
        let (open, replaced) = lib
            .0
            .with_untracked(|l| (l.active_id().to_owned(), l.replaced()));
        let kept = take_kept::<D>(|k| {
            k.past.workspace == open && lib.0.with_untracked(|l| *D::of(l.active()) == k.doc)
        });
        let past = kept.map_or_else(|| Past::new(open, replaced, false), |k| k.past);
        let doc = Doc {
            lib,
            notices: use_context::<Notices>(),
            past: StoredValue::new(past),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            settled: None,
            _doc: PhantomData,
        };
        // Another tab's copy may have come in meanwhile (`forget_stale`).
        doc.forget_stale();
        doc.sync_buttons();
        // A run of typing ends when the focus leaves its field (Tab, a click elsewhere):
        // "100", Tab, and later "120" in the same field are two steps, so Undo gives 100.
        // (No window when the first screens are rendered natively.)
        #[cfg(target_arch = "wasm32")]
        {
            let left = window_event_listener(leptos::ev::focusout, move |_| doc.seal());
            on_cleanup(move || left.remove());
        }
        on_cleanup(move || {
            let empty = || Past::new(String::new(), 0, false);
            let Some(mut past) = doc.past.try_update_value(|p| std::mem::replace(p, empty()))
            else {
                return;
            };
            // Steps of another workspace than the open one (switched in the header, no edit
            // since) have no document here to be checked against: they go.
            let now = lib.0.try_with_untracked(|l| {
                (l.active_id() == past.workspace).then(|| D::of(l.active()).clone())
            });
            if let Some(Some(doc)) = now {
                // The next visit's first key starts a step of its own.
                past.steps.seal();
                keep(Kept { past, doc });
            }
        });
        // Undo brings back whole states: once another tab's copy of the workspace is in,
        // the steps taken here would undo its work too, so they go (and the buttons say so).
        // A memo, so an ordinary edit (which changes the library, not the count) stops there.
        let replaced = Memo::new(move |_| lib.0.with(|l| l.replaced()));
        Effect::new(move |before: Option<u64>| {
            let now = replaced.get();
            if before.is_some_and(|b| b != now) {
                doc.forget_stale();
            }
            now
        });
        doc
    }

    /// A handle whose `with_settled` readers wake one frame after each change.
    pub fn settling(lib: Lib) -> Doc<D> {
        let settled = Trigger::new();
        let waiting = StoredValue::new(false);
        Effect::new(move |ran: Option<()>| {
            lib.0.track();
            if ran.is_some() && !waiting.get_value() {
                waiting.set_value(true);
                request_animation_frame(move || {
                    set_timeout(
                        move || {
                            waiting.try_set_value(false);
                            settled.notify();
                        },
                        std::time::Duration::ZERO,
                    )
                });
            }
        });
        Doc {
            settled: Some(settled),
            ..Doc::new(lib)
        }
    }

    /// Reads the document, tracked.
    pub fn with<T>(self, f: impl FnOnce(&D) -> T) -> T {
        self.lib.0.with(|l| f(D::of(l.active())))
    }

    /// Reads the document for what shows beside the part being edited (checks, totals,
    /// rankings): tracked, but woken after the frame that shows the edit itself, so a
    /// key press paints before they recompute. Never for an input's value, which must
    /// follow each keystroke.
    /// A handle made with `new` wakes them with every change.
    pub fn with_settled<T>(self, f: impl FnOnce(&D) -> T) -> T {
        match self.settled {
            Some(settled) => {
                settled.track();
                self.with_untracked(f)
            }
            None => self.with(f),
        }
    }

    /// Reads the document without subscribing (event handlers).
    pub fn with_untracked<T>(self, f: impl FnOnce(&D) -> T) -> T {
        self.lib.0.with_untracked(|l| f(D::of(l.active())))
    }

    /// Applies an edit as one undo step.
    pub fn apply(self, edit: D::Edit) -> Result<Changed, D::Error> {
        self.apply_in(None, edit)
    }

    /// Applies an edit sent by a click or a choice. What such a control sends is never
    /// refused (it offers only valid choices), so there is no message to show.
    pub fn send(self, edit: D::Edit) {
        let _ = self.apply(edit);
    }

    /// Applies an edit typed into `field`: keystrokes in one field join into one step.
    pub fn typed(self, field: &str, edit: D::Edit) -> Result<Changed, D::Error> {
        self.apply_in(Some(field), edit)
    }

    fn apply_in(self, tag: Option<&str>, edit: D::Edit) -> Result<Changed, D::Error> {
        let mut outcome = Ok(Changed::No);
        self.change(tag, |d| {
            outcome = d.apply_edit(edit);
            matches!(outcome, Ok(Changed::Yes))
        });
        outcome
    }

    /// Changes the workspace around the document in one step that undo can take back
    /// (adding a quote also adds its provider to the shared list). `change` says whether
    /// the document changed; only then is the workspace saved and a step recorded.
    pub fn change(self, tag: Option<&str>, change: impl FnOnce(&mut D) -> bool) -> bool {
        self.change_workspace(tag, |ws| D::doc_mut(ws).change(change))
    }

    /// Like `change`, with the whole workspace in hand.
    pub fn change_workspace(
        self,
        tag: Option<&str>,
        change: impl FnOnce(&mut crate::domain::workspace::Workspace) -> bool,
    ) -> bool {
        self.forget_stale();
        let joins = self.past.with_value(|p| p.steps.would_join(tag));
        let before = (!joins).then(|| self.with_untracked(D::clone));
        let changed = self.lib.change_active(change);
        if changed {
            self.past.update_value(|p| {
                p.steps
                    .record(tag, typing::now(), || before.unwrap_or_default());
                p.dropped = false;
                if joins {
                    self.with_untracked(|d| p.steps.drop_if_back(d));
                }
            });
            self.sync_buttons();
        }
        changed
    }

    /// A change that is not a step of the buyer's work (where call mode stands, the id a
    /// card is shared under): saved, never undone. `change` says whether it changed.
    pub fn note(self, change: impl FnOnce(&mut D) -> bool) {
        self.lib.change_active(|ws| D::doc_mut(ws).change(change));
    }

    /// Replaces the whole document as one step (a template, an import).
    pub fn replace(self, next: D) {
        self.change(None, move |d| {
            let changed = *d != next;
            *d = next;
            changed
        });
        self.seal();
    }

    /// Ends a run of typing, so the next change is a step of its own. Focus leaving a
    /// field also fires as a page goes: the history may be gone then.
    pub fn seal(self) {
        self.past.try_update_value(|p| p.steps.seal());
    }

    /// Takes back the last step, or first a refused entry typed since it (its field shows
    /// the model's value again). False when there is neither.
    pub fn undo(self) -> bool {
        self.step(true)
    }

    /// Does again the step undone last. False when there is none.
    pub fn redo(self) -> bool {
        self.step(false)
    }

    fn step(self, back: bool) -> bool {
        self.forget_stale();
        // A refused entry typed since the last step is what Undo takes back first.
        if back && typing::put_back_since(self.past.with_value(|p| p.steps.newest_at())) {
            return true;
        }
        let current = self.with_untracked(D::clone);
        let result = self.past.try_update_value(|p| {
            if back {
                p.steps.undo(current)
            } else {
                p.steps.redo(current, typing::now())
            }
        });
        let done = if let Some(Ok(mut state)) = result {
            self.lib.update_active(|ws| {
                D::doc_mut(ws).change(|doc| {
                    state.keep_on_undo(doc);
                    *doc = state;
                    true
                });
            });
            true
        } else {
            false
        };
        self.sync_buttons();
        // With the page's own steps used up, Undo takes back the step a confirmation on
        // screen offers to in this workspace (a response brought in): it came before them.
        done || (back && self.take_back())
    }

    /// Runs the take-back of the confirmation on screen for the open workspace. Its
    /// quote may go with the focus in it: the focus then goes to the page's heading.
    fn take_back(self) -> bool {
        let open = self.past.with_value(|p| p.workspace.clone());
        let taken = self.notices.is_some_and(|n| n.take_back(Some(&open)));
        if taken {
            crate::components::heading_once_lost();
        }
        taken
    }

    /// Forgets every step: after a change outside the document that its past states
    /// would contradict (a provider removed with its scores and quote).
    pub fn forget_history(self) {
        // The other tools' kept steps may hold the same parts (a provider's quote).
        KEPT.with_borrow_mut(Vec::clear);
        self.past.update_value(|p| {
            p.steps = History::new(UNDO_STEPS);
            p.dropped = false;
        });
        self.sync_buttons();
    }

    /// Whether undo has nothing because another tab changed the workspace since the
    /// last step here (what Undo then says).
    pub fn dropped_for_other_tab(self) -> bool {
        self.past.with_value(|p| p.dropped)
    }

    /// Another workspace opened in place (its document has a history of its own), or
    /// another tab's copy of this one came in (see `Library::replaced`).
    fn forget_stale(self) {
        let (open, replaced) = self
            .lib
            .0
            .with_untracked(|l| (l.active_id().to_owned(), l.replaced()));
        let (other_workspace, copied_in, had_steps) = self.past.with_value(|p| {
            (
                p.workspace != open,
                p.replaced != replaced,
                p.steps.can_undo() || p.steps.can_redo(),
            )
        });
        if other_workspace || copied_in {
            let dropped = !other_workspace && had_steps;
            self.past.set_value(Past::new(open, replaced, dropped));
            self.sync_buttons();
        }
    }

    fn sync_buttons(self) {
        let (u, r) = self
            .past
            .with_value(|p| (p.steps.can_undo(), p.steps.can_redo()));
        // Read, not tracked: a page's buttons that followed the notices were run again by
        // the notices' change as the app left the page, after its signals had gone. A
        // confirmation dismissed since leaves Undo enabled until pressed, when it says
        // there is nothing to undo.
        let u = u || {
            let open = self.past.with_value(|p| p.workspace.clone());
            self.notices.is_some_and(|n| n.can_take_back(&open))
        };
        if self.can_undo.get_untracked() != u {
            self.can_undo.set(u);
        }
        if self.can_redo.get_untracked() != r {
            self.can_redo.set(r);
        }
    }
}

/// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (Cmd on a Mac), while the page that
/// calls this is open. Text fields keep their own undo while the caret is in them, except
/// fields marked `data-doc-keys` (score cells, which take single keys, not text) and
/// number fields: the figures they drive change the page with each key, which splits
/// the browser's own undo into a step per key, each sending a wrong figure, where the
/// document's undo takes the whole entry back. A checkbox, a radio button or a list has
/// no undo of its own: there Ctrl+Z undoes the document, as it does on a button.
pub fn undo_shortcuts(undo: impl Fn() + 'static, redo: impl Fn() + 'static) {
    crate::components::on_window_keydown(move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || ev.default_prevented() {
            return;
        }
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                let text = match el.dyn_ref::<web_sys::HtmlInputElement>() {
                    Some(input) => !matches!(
                        input.type_().as_str(),
                        "checkbox"
                            | "radio"
                            | "file"
                            | "range"
                            | "color"
                            | "button"
                            | "submit"
                            | "reset"
                            | "image"
                    ),
                    None => el.tag_name() == "TEXTAREA",
                };
                let number = matches!(
                    el.get_attribute("inputmode").as_deref(),
                    Some("numeric" | "decimal")
                );
                (text && !number && !el.has_attribute("data-doc-keys"))
                    || el.closest("dialog[open]").ok().flatten().is_some()
            });
        if in_field {
            return;
        }
        match ev.key().to_ascii_lowercase().as_str() {
            "z" if ev.shift_key() => redo(),
            "z" => undo(),
            "y" => redo(),
            _ => return,
        }
        ev.prevent_default();
    });
}

/// The Undo and Redo buttons. aria-disabled rather than disabled: pressing Undo down
/// to the first step keeps the focus on the button (and says so) instead of dropping
/// it to the page.
#[component]
pub fn UndoButtons(
    can_undo: RwSignal<bool>,
    can_redo: RwSignal<bool>,
    undo: Callback<()>,
    redo: Callback<()>,
) -> impl IntoView {
    let button =
        move |label: &'static str, keys: &'static str, can: Signal<bool>, run: Callback<()>| {
            view! {
                <button
                    type="button"
                    class="secondary"
                    aria-disabled=move || (!can.get()).then_some("true")
                    aria-keyshortcuts=keys
                    on:click=move |_| run.run(())
                >
                    {label}
                </button>
            }
        };
    // A refused entry on screen is what Undo puts back first, with or without a step.
    // try_get: a refused entry forgotten as its page is torn down (`typing::unlist`) can
    // run this once more after the page's signals have gone.
    let can_undo =
        Signal::derive(move || can_undo.try_get().unwrap_or(false) || typing::any_refused());
    view! {
        <div class="group">
            {button("Undo", "Control+Z", can_undo, undo)}
            {button("Redo", "Control+Shift+Z Control+Y", can_redo.into(), redo)}
        </div>
    }
}

/// What undo or redo says: what happened, or why nothing did.
pub fn step_said<D: Document>(doc: Doc<D>, back: bool, done: bool) -> &'static str {
    match (back, done) {
        (true, true) => "Undone.",
        (false, true) => "Redone.",
        _ if doc.dropped_for_other_tab() => {
            "Nothing to undo or redo here: this workspace was changed outside this page since your last change (in another tab, or by taking a response back), and going back would undo that too."
        }
        (true, false) => "Nothing to undo.",
        (false, false) => "Nothing to redo.",
    }
}

/// Undo and Redo for a page whose only history is its document: the buttons, the keys,
/// and what screen readers are told ("Undone.", "Nothing to undo."), then `extra` on
/// the same row (type-erased: one copy of this per document type, not per extra).
pub fn undo_controls<D: Document>(
    doc: Doc<D>,
    label: &'static str,
    extra: AnyView,
) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let step = move |back: bool| {
        // Nothing focused (a click on plain text): nothing to keep, and focusing the
        // title would scroll the page to the top.
        let had_focus = !super::focus_lost();
        let near = document()
            .active_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .and_then(|e| super::confirm::section_heading(&e));
        let done = if back { doc.undo() } else { doc.redo() };
        said.set(step_said(doc, back, done).to_owned());
        if done && had_focus {
            keep_focus_near(near, said);
        }
    };
    undo_shortcuts(move || step(true), move || step(false));
    view! {
        <div class="panel no-print doc-actions" role="group" aria-label=label>
            <UndoButtons
                can_undo=doc.can_undo
                can_redo=doc.can_redo
                undo=Callback::new(move |()| step(true))
                redo=Callback::new(move |()| step(false))
            />
            <p class="visually-hidden" role="status" aria-live="polite">
                {said}
            </p>
            {extra}
        </div>
    }
}

/// A step may take the focused element away (Ctrl+Z right after adding a quote): focus
/// then goes to the heading of the section it was in, else the page's title, instead of
/// falling to the top of the document. `page` goes with the page, which ends the watch.
fn keep_focus_near(near: Option<web_sys::HtmlElement>, page: RwSignal<String>) {
    super::watch_focus(move || {
        if page.try_get_untracked().is_none() {
            return true;
        }
        if super::focus_lost() {
            match near.as_ref().filter(|h| h.is_connected()) {
                Some(h) => {
                    let _ = h.focus();
                }
                None => crate::browser::router::focus_heading(),
            }
        }
        false
    });
}
