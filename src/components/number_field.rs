//! A labelled whole-number input: bad input is refused next to the field and the model keeps
//! the last good value.

use leptos::prelude::*;

use super::unique_id;
use crate::domain::input::{group, parse_whole};

/// A labelled whole-number input. Bad input is refused next to the field and the
/// last good value stays in the model.
#[component]
pub fn NumberField(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The current value in the model.
    #[prop(into)]
    value: Signal<i64>,
    /// Receives each accepted value.
    on_change: Callback<i64>,
    /// Smallest accepted value.
    min: i64,
    /// Largest accepted value.
    max: i64,
    /// A short hint under the field.
    #[prop(optional, into)]
    hint: Option<String>,
) -> impl IntoView {
    let id = unique_id("num");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let (text, set_text) = signal(group(value.get_untracked()));
    let (error, set_error) = signal(None::<String>);
    // Follow changes made elsewhere (another workspace opened, undo) unless mid-error.
    Effect::new(move |_| {
        let v = value.get();
        if error.get_untracked().is_none() {
            set_text.set(group(v));
        }
    });
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        set_text.set(typed.clone());
        match parse_whole(&typed, min, max) {
            Ok(v) => {
                set_error.set(None);
                if v != value.get_untracked() {
                    on_change.run(v);
                }
            }
            Err(e) => set_error.set(Some(e.message())),
        }
    };
    let described_by = {
        let mut ids = vec![error_id.clone()];
        if hint.is_some() {
            ids.push(hint_id.clone());
        }
        ids.join(" ")
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                // The attribute gives the static first screen its value too.
                value=text.get_untracked()
                prop:value=text
                on:input=on_input
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described_by
            />
            {hint
                .map(|h| {
                    view! {
                        <p class="hint" id=hint_id>
                            {h}
                        </p>
                    }
                })}
            <p class="field-error" id=error_id aria-live="polite">
                {error}
            </p>
        </div>
    }
}
