//! A labelled whole-number input: bad input is refused next to the field, and the model
//! keeps the value the field held before the typing began (`NumberText`).

use leptos::prelude::*;

use super::number_text::NumberText;
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
    let parse = Callback::new(move |t: String| parse_whole(&t, min, max).map_err(|e| e.message()));
    let field = NumberText::new(
        &id,
        Signal::stored(label.clone()),
        value,
        on_change,
        parse,
        group,
    );
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
                value=field.text.get_untracked()
                prop:value=field.text
                on:input=move |ev| field.input(ev)
                on:blur=move |_| field.blur()
                aria-invalid=move || field.invalid()
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
                {field.error}
            </p>
        </div>
    }
}
