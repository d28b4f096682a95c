//! What a number field sends while it is typed in. Accepted text goes to the model at
//! once, so the figures follow the typing. Refused text puts back the value from before
//! the entry being typed: "25" over a 20% limit must not leave the "2" typed on the way
//! in the figures, the saved draft or a response sent with the error on screen. A whole
//! entry typed over another ("100", then "ten" over it) keeps the one before (100).

use leptos::prelude::*;

/// The fields of the page whose text is refused, as (input id, label): a page that sends
/// its figures somewhere (the provider's response) names them before sending. Optional:
/// fields work the same without it.
#[derive(Clone, Copy, Default)]
pub struct Refused(pub RwSignal<Vec<(String, String)>>);

impl Refused {
    fn set(self, id: &str, label: Option<String>) {
        // Gone with the page when a field's cleanup comes after it.
        let Some(listed) = self
            .0
            .try_with_untracked(|list| list.iter().find(|(i, _)| i == id).map(|(_, l)| l.clone()))
        else {
            return;
        };
        // Only a change notifies: every accepted key of every field comes here.
        if listed == label {
            return;
        }
        self.0.update(|list| {
            list.retain(|(i, _)| i != id);
            if let Some(label) = label {
                list.push((id.to_owned(), label));
            }
        });
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
}

impl Typing {
    /// For the input with `id`; it leaves the page's list of refused fields with the field.
    pub fn new(id: &str) -> Typing {
        let typing = Typing {
            start: StoredValue::new(None),
            last: StoredValue::new(None),
            held: StoredValue::new(None),
            id: StoredValue::new(id.to_owned()),
            refused: use_context::<Refused>(),
        };
        on_cleanup(move || {
            if let (Some(r), Some(id)) = (typing.refused, typing.id.try_get_value()) {
                r.set(&id, None);
            }
        });
        typing
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
        self.mark(Some(label));
        let start = self
            .start
            .get_value()
            .unwrap_or_else(|| value.get_untracked());
        self.held.set_value(Some(start));
        self.last.set_value(Some(start));
        if start != value.get_untracked() {
            on_change.run(start);
        }
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

    fn mark(self, label: Option<String>) {
        if let Some(r) = self.refused {
            self.id.with_value(|id| r.set(id, label));
        }
    }
}
