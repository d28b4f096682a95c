//! Money and percentage inputs. Like `NumberField`: bad input is refused next to the
//! field, and the model keeps the value the field held before the typing began.

use leptos::prelude::*;

use crate::components::number_text::NumberText;
use crate::components::unique_id;
use crate::domain::pricing::money::{
    parse_money, parse_percent, percent_text, plain, Bps, Cents, Currency, MAX_AMOUNT,
};

/// A labelled text input whose text is parsed by the domain.
#[component]
fn ParsedField(
    /// The visible label (or the accessible name when `hide_label` is set).
    label: Signal<String>,
    /// The current value in the model.
    value: Signal<i64>,
    /// Receives each accepted value.
    on_change: Callback<i64>,
    /// Reads typed text; the error is the message shown next to the field.
    parse: Callback<String, Result<i64, String>>,
    /// Writes a value back as text.
    show: fn(i64) -> String,
    /// Shown before the input, e.g. the currency symbol.
    #[prop(optional_no_strip)]
    prefix: Option<Signal<String>>,
    /// Shown after the input, e.g. "%".
    #[prop(optional)]
    suffix: &'static str,
    #[prop(optional_no_strip)] hint: Option<Signal<String>>,
    /// Keeps the label for screen readers only (inside tables).
    #[prop(optional)]
    hide_label: bool,
    /// A fixed id, for a page that jumps to this field; a unique one otherwise.
    #[prop(optional_no_strip)]
    id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| unique_id("fld"));
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let field = NumberText::new(&id, label, value, on_change, parse, show);
    let described_by = match hint {
        Some(_) => format!("{error_id} {hint_id}"),
        None => error_id.clone(),
    };
    view! {
        <div class="field">
            <label for=id.clone() class:visually-hidden=hide_label>
                {label}
            </label>
            <div class="affix">
                {prefix
                    .map(|p| {
                        view! {
                            <span class="affix-text" aria-hidden="true">
                                {p}
                            </span>
                        }
                    })}
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    // The attribute gives the static first screen its value too.
                    value=field.text.get_untracked()
                    prop:value=field.text
                    on:input=move |ev| field.input(ev)
                    on:blur=move |_| field.blur()
                    aria-invalid=move || field.invalid()
                    aria-describedby=described_by
                />
                {(!suffix.is_empty())
                    .then(|| {
                        view! {
                            <span class="affix-text" aria-hidden="true">
                                {suffix}
                            </span>
                        }
                    })}
            </div>
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

/// An amount of money in the comparison's currency, stored as cents.
#[component]
pub fn MoneyField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<Cents>,
    on_change: Callback<Cents>,
    #[prop(into)] currency: Signal<Currency>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional)] hide_label: bool,
    /// The unit after the amount ("an hour"), where the label is hidden.
    #[prop(optional)]
    suffix: &'static str,
    /// A fixed id, for a page that jumps to this field.
    #[prop(optional_no_strip)]
    id: Option<String>,
    /// A fee that may be none: an emptied field means zero, not a refused entry that
    /// keeps the old fee.
    #[prop(optional)]
    none_when_empty: bool,
    /// An amount where zero means "not given yet" (a rate card line): zero shows as an
    /// empty field, not a "0" the page then calls missing, and emptying it means zero.
    #[prop(optional)]
    blank_when_zero: bool,
) -> impl IntoView {
    let parse = Callback::new(move |t: String| {
        if (none_when_empty || blank_when_zero) && t.trim().is_empty() {
            return Ok(0);
        }
        parse_money(&t, MAX_AMOUNT, currency.get_untracked()).map_err(|e| e.message())
    });
    let show: fn(Cents) -> String = if blank_when_zero {
        |c| if c == 0 { String::new() } else { plain(c) }
    } else {
        plain
    };
    view! {
        <ParsedField
            label=label
            value=value
            on_change=on_change
            parse=parse
            show=show
            prefix=Some(Signal::derive(move || currency.get().symbol().to_owned()))
            suffix=suffix
            hint=hint
            hide_label=hide_label
            id=id
        />
    }
}

/// A percentage stored in basis points.
#[component]
pub fn PercentField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<Bps>,
    on_change: Callback<Bps>,
    min: Bps,
    max: Bps,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let parse = Callback::new(move |t: String| {
        parse_percent(&t, min, max).map_err(|e| e.percent_message())
    });
    view! {
        <ParsedField
            label=label
            value=value
            on_change=on_change
            parse=parse
            show=percent_text
            suffix="%"
            hint=hint
        />
    }
}
