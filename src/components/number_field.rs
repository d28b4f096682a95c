//! A labelled whole-number input: bad input is refused next to the field, and the model
//! keeps the value the field held before the typing began (`Typing`).

use leptos::prelude::*;

use super::typing::Typing;
use super::unique_id;
use crate::domain::input::{group, parse_whole};

/// A labelled whole-number input. Bad input is refused next to the field and the model
/// keeps the value from before the typing.
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
    let typing = Typing::new(
        &id,
        Callback::new(move |()| {
            set_error.set(None);
            set_text.set(group(value.get_untracked()));
        }),
    );
    // Follow changes made elsewhere (another workspace opened, undo); mid-error, not the
    // refused entry's own going back (`Typing::shows`).
    Effect::new(move |_| {
        let v = value.get();
        if typing.shows(v, error.get_untracked().is_some()) {
            set_error.set(None);
            set_text.set(group(v));
        }
    });
    let name = label.clone();
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        typing.input(&text.get_untracked(), &typed, value);
        set_text.set(typed.clone());
        match parse_whole(&typed, min, max) {
            Ok(v) => {
                set_error.set(None);
                typing.accept(v, value, on_change);
            }
            Err(e) => {
                set_error.set(Some(e.message()));
                typing.refuse(name.clone(), value, on_change);
            }
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
                on:blur=move |_| typing.end()
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
