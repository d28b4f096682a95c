//! What a number field sends while it is typed in. Accepted text goes to the model at
//! once, so the figures follow the typing. Refused text puts back the value from before
//! the entry being typed: "25" over a 20% limit must not leave the "2" typed on the way
//! in the figures, the saved draft or a response sent with the error on screen. A whole
//! entry typed over another ("100", then "ten" over it) keeps the one before (100).
//! A refused entry is the newest thing on screen until a later step: Undo puts it back
//! first (`put_back_since`), instead of taking back a step that may be in another field.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;

thread_local! {
    /// Orders refused entries among the document's undo steps (`now`).
    static CLOCK: Cell<u64> = const { Cell::new(0) };
    /// The refused entries on screen: the field's id, when it was last typed in, and how
    /// it puts its entry back.
    static SHOWN: RefCell<Vec<(String, u64, Callback<()>)>> = const { RefCell::new(Vec::new()) };
    /// Whether SHOWN has any, for Undo's look (`any_refused`). Reference counted, not
    /// owned by the page that first asked: it outlives every page.
    static ANY_SHOWN: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// A tick of the clock that orders refused entries among undo steps.
pub fn now() -> u64 {
    CLOCK.with(|c| {
        c.set(c.get() + 1);
        c.get()
    })
}

/// Undo's first press over a refused entry: the newest one typed after the step undo
/// would take back (taken at `since`) goes instead, and its field shows the model's
/// value again. Whether there was one.
pub fn put_back_since(since: u64) -> bool {
    let newest = SHOWN.with_borrow(|shown| {
        shown
            .iter()
            .filter(|(_, at, _)| *at > since)
            .max_by_key(|(_, at, _)| *at)
            .map(|(_, _, put)| *put)
    });
    newest.inspect(|put| put.run(())).is_some()
}

/// Whether a refused entry is on screen (tracked): Undo then has something to do even
/// with no step to take back, and must not look disabled.
pub fn any_refused() -> bool {
    ANY_SHOWN.with(|any| any.get())
}

/// Changes SHOWN, then tells `any_refused` when that changed whether it has any.
fn change_shown(change: impl FnOnce(&mut Vec<(String, u64, Callback<()>)>)) {
    let any = SHOWN.with_borrow_mut(|shown| {
        change(shown);
        !shown.is_empty()
    });
    ANY_SHOWN.with(|signal| {
        if signal.get_untracked() != any {
            signal.set(any);
        }
    });
}

/// The fields of the page whose text is refused (`RefusedField`): a page that sends
/// its figures somewhere (the provider's response) names them before sending. Optional:
/// fields work the same without it.
#[derive(Clone, Copy, Default)]
pub struct Refused(pub RwSignal<Vec<RefusedField>>);

/// A field whose entry is refused: its input's id, its label, and the `FieldPlace` it
/// sits in, if any.
#[derive(Clone, PartialEq)]
pub struct RefusedField {
    pub id: String,
    pub label: String,
    pub place: Option<String>,
}

impl RefusedField {
    /// The label, with its place where the page holds several alike.
    fn full_label(&self) -> String {
        match &self.place {
            Some(place) => format!("{place}: {}", self.label),
            None => self.label.clone(),
        }
    }
}

/// The fields whose entry is refused, each a press away, and what that means: the
/// figures (or the response) go on with the value from before. `carries`: "the figures
/// use", "your response carries".
#[component]
pub fn RefusedFields(carries: &'static str) -> impl IntoView {
    let refused = expect_context::<Refused>();
    move || {
        let fields = refused.0.get();
        (!fields.is_empty()).then(|| {
            let lead = if fields.len() > 1 {
                format!(
                    "These fields show an entry that is not accepted, so {carries} their earlier \
                     value until you correct them:"
                )
            } else {
                format!(
                    "This field shows an entry that is not accepted, so {carries} its earlier \
                     value until you correct it:"
                )
            };
            let items = fields
                .into_iter()
                .map(|f| {
                    let label = f.full_label();
                    view! { <li>{super::page_jumps::jump_button(label, f.id)}</li> }
                })
                .collect_view();
            view! {
                <div class="notice warning open-parts">
                    <p>{lead}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// What the fields within name, where a page holds several alike: each quote's "Rate per
/// user a month" is listed as "Acme IT: Rate per user a month". Provided by the part
/// that holds them (a quote's card, whose list row has its own owner).
#[derive(Clone, Copy)]
pub struct FieldPlace(pub Signal<String>);

impl Refused {
    fn set(self, id: &str, field: Option<RefusedField>) {
        // Gone with the page when a field's cleanup comes after it.
        let Some(listed) = self
            .0
            .try_with_untracked(|list| list.iter().find(|f| f.id == id).cloned())
        else {
            return;
        };
        // Only a change notifies: every accepted key of every field comes here.
        if listed == field {
            return;
        }
        self.0.update(|list| {
            list.retain(|f| f.id != id);
            list.extend(field);
        });
    }

    /// The labels of the refused fields in `place` (tracked).
    pub fn in_place(self, place: &str) -> Vec<String> {
        self.0.with(|list| {
            list.iter()
                .filter(|f| f.place.as_deref() == Some(place))
                .map(|f| f.label.clone())
                .collect()
        })
    }
}

/// One field's entry being typed, from its first key to a key that does not add to it.
#[derive(Clone, Copy)]
pub struct Typing {
    /// The model's value before the entry; `None` between entries (before the first key
    /// after focus, or after the model changed from elsewhere).
    start: StoredValue<Option<i64>>,
    /// What this field last put in the model: any other value came from elsewhere.
    last: StoredValue<Option<i64>>,
    /// The value a refused entry put back, while its text shows (after the field has
    /// lost focus too).
    held: StoredValue<Option<i64>>,
    id: StoredValue<String>,
    refused: Option<Refused>,
    place: Option<FieldPlace>,
    /// Gives up the refused entry (Undo): the field shows the model's value again.
    put_back: Callback<()>,
}

impl Typing {
    /// For the input with `id`, whose text and error `show_model` replaces with the
    /// model's value. It leaves the page's lists of refused fields with the field.
    pub fn new(id: &str, show_model: Callback<()>) -> Typing {
        let (start, held) = (StoredValue::new(None), StoredValue::new(None));
        let id = StoredValue::new(id.to_owned());
        let refused = use_context::<Refused>();
        let put_back = Callback::new(move |()| {
            start.set_value(None);
            held.set_value(None);
            id.with_value(|id| unlist(id, refused));
            show_model.run(());
        });
        let owned = id.get_value();
        on_cleanup(move || unlist(&owned, refused));
        Typing {
            start,
            last: StoredValue::new(None),
            held,
            id,
            refused,
            place: use_context::<FieldPlace>(),
            put_back,
        }
    }

    /// Called first at each input, with the text before it and after. Text added at the
    /// end goes on with the entry; anything else (the text selected and typed over, a
    /// deletion) begins a new entry from the model's value now.
    pub fn input(self, before: &str, typed: &str, value: Signal<i64>) {
        if self.start.get_value().is_none() || !typed.starts_with(before) {
            self.start.set_value(Some(value.get_untracked()));
        }
    }

    /// Typed text read as `v`: the model takes it.
    pub fn accept(self, v: i64, value: Signal<i64>, on_change: Callback<i64>) {
        self.mark(None);
        self.held.set_value(None);
        self.last.set_value(Some(v));
        if v != value.get_untracked() {
            on_change.run(v);
        }
    }

    /// Typed text refused: the model goes back to where the entry began. `label` names
    /// the field in the page's list of refused fields.
    pub fn refuse(self, label: String, value: Signal<i64>, on_change: Callback<i64>) {
        let start = self
            .start
            .get_value()
            .unwrap_or_else(|| value.get_untracked());
        self.held.set_value(Some(start));
        self.last.set_value(Some(start));
        if start != value.get_untracked() {
            on_change.run(start);
        }
        // After the going back, which may join an undo step and so renew its time: the
        // entry is newer than any step.
        self.mark(Some(label));
    }

    /// A value reached the model: whether the field shows it. Mid-error the field keeps
    /// the refused text while the model holds the value from before the typing; any
    /// other value came from elsewhere (undo, another tab), and the refused text and its
    /// error give way to it.
    pub fn shows(self, v: i64, in_error: bool) -> bool {
        if self.last.get_value() != Some(v) {
            // From elsewhere: an entry under way goes on from this value.
            self.start.set_value(None);
            self.last.set_value(None);
        }
        if !in_error {
            return true;
        }
        if self.held.get_value() == Some(v) {
            return false;
        }
        self.start.set_value(None);
        self.held.set_value(None);
        self.mark(None);
        true
    }

    /// The field lost focus: the next key starts a new entry.
    pub fn end(self) {
        self.start.try_set_value(None);
    }

    /// Lists the field as refused under `label`, as the newest entry; `None` takes it off.
    fn mark(self, label: Option<String>) {
        let Some(label) = label else {
            return self.id.with_value(|id| unlist(id, self.refused));
        };
        self.id.with_value(|id| {
            let at = now();
            change_shown(|shown| {
                shown.retain(|(i, _, _)| i != id);
                shown.push((id.clone(), at, self.put_back));
            });
            if let Some(r) = self.refused {
                let place = self.place.and_then(|p| p.0.try_get_untracked());
                r.set(
                    id,
                    Some(RefusedField {
                        id: id.clone(),
                        label,
                        place,
                    }),
                );
            }
        });
    }
}

/// Takes a field off the lists of refused entries.
fn unlist(id: &str, refused: Option<Refused>) {
    change_shown(|shown| shown.retain(|(i, _, _)| i != id));
    if let Some(r) = refused {
        r.set(id, None);
    }
}
