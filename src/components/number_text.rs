//! A text input bound to a number in the model through `Typing`, for every number field
//! (pricing's money and percentages, whole numbers, scorecard weights, the RACI's limit):
//! what it shows, its error, and its input and blur handlers. A field that skipped this
//! kept the valid start of a refused entry: "1500" over a 1,000 limit saved 150.

use leptos::prelude::*;

use super::typing::Typing;

#[derive(Clone, Copy)]
pub struct NumberText {
    /// The text in the input.
    pub text: ReadSignal<String>,
    /// Why the text is refused, shown next to the field.
    pub error: ReadSignal<Option<String>>,
    set_text: WriteSignal<String>,
    set_error: WriteSignal<Option<String>>,
    /// The value this field itself last sent: when it comes back, the typed text stays
    /// as typed ("95.5" is not rewritten to "95.50" mid-word).
    sent: StoredValue<Option<i64>>,
    typing: Typing,
    label: Signal<String>,
    value: Signal<i64>,
    on_change: Callback<i64>,
    parse: Callback<String, Result<i64, String>>,
    show: fn(i64) -> String,
}

impl NumberText {
    /// For the input with `id`, named `label` in the page's list of refused fields.
    pub fn new(
        id: &str,
        label: Signal<String>,
        value: Signal<i64>,
        on_change: Callback<i64>,
        parse: Callback<String, Result<i64, String>>,
        show: fn(i64) -> String,
    ) -> NumberText {
        let (text, set_text) = signal(show(value.get_untracked()));
        let (error, set_error) = signal(None::<String>);
        let sent = StoredValue::new(None::<i64>);
        let typing = Typing::new(
            id,
            Callback::new(move |()| {
                set_error.set(None);
                sent.set_value(None);
                set_text.set(show(value.get_untracked()));
            }),
        );
        // Follow changes made elsewhere (undo, another tab, another workspace); mid-error,
        // not the refused entry's own going back (`Typing::shows`).
        Effect::new(move |_| {
            let v = value.get();
            // Another value (undo, redo) ends what this field sent: a redo back to it
            // must show it again.
            if sent.get_value().is_some_and(|s| s != v) {
                sent.set_value(None);
            }
            let in_error = error.get_untracked().is_some();
            if typing.shows(v, in_error) && (in_error || sent.get_value() != Some(v)) {
                set_error.set(None);
                set_text.set(show(v));
            }
        });
        NumberText {
            text,
            error,
            set_text,
            set_error,
            sent,
            typing,
            label,
            value,
            on_change,
            parse,
            show,
        }
    }

    /// The input's `input` event.
    pub fn input(self, ev: leptos::ev::Event) {
        let typed = event_target_value(&ev);
        self.typing
            .input(&self.text.get_untracked(), &typed, self.value);
        self.set_text.set(typed.clone());
        match self.parse.run(typed) {
            Ok(v) => {
                self.set_error.set(None);
                self.sent.set_value(Some(v));
                self.typing.accept(v, self.value, self.on_change);
            }
            Err(e) => {
                self.set_error.set(Some(e));
                self.typing
                    .refuse(self.label.get_untracked(), self.value, self.on_change);
            }
        }
    }

    /// Leaving the field tidies the text of an accepted value. A focused field whose row
    /// is being hidden gets its blur after its signals are gone: then there is nothing to do.
    pub fn blur(self) {
        self.typing.end();
        let (Some(err), Some(v)) = (
            self.error.try_get_untracked(),
            self.value.try_get_untracked(),
        ) else {
            return;
        };
        if err.is_none() {
            self.sent.try_set_value(None);
            self.set_text.try_set((self.show)(v));
        }
    }

    /// "true" while the text is refused, for `aria-invalid`.
    pub fn invalid(self) -> Option<&'static str> {
        self.error.get().map(|_| "true")
    }
}
