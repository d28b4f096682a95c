//! Figures formatted for the buyer's locale with `Intl.NumberFormat`.
//!
//! Amounts reach the formatter as exact decimal strings ("1234.50"), never as floats,
//! so what is shown is exactly what the domain computed.

use leptos::prelude::*;

use crate::domain::pricing::money::{decimal, Cents, Currency};

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Money,
    Compact,
    Count,
}

#[cfg(target_arch = "wasm32")]
use intl::call;

#[cfg(target_arch = "wasm32")]
mod intl {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use js_sys::Intl::{
        NumberFormat, NumberFormatNotation, NumberFormatOptions, NumberFormatStyle,
    };
    use wasm_bindgen::JsValue;

    use super::Kind;
    use crate::domain::pricing::money::Currency;

    thread_local! {
        static FORMATS: RefCell<HashMap<(Kind, Currency), js_sys::Function>> = RefCell::new(HashMap::new());
    }

    fn formatter(kind: Kind, cur: Currency) -> js_sys::Function {
        FORMATS.with(|cache| {
            cache
                .borrow_mut()
                .entry((kind, cur))
                .or_insert_with(|| {
                    let opts = NumberFormatOptions::new();
                    match kind {
                        Kind::Money | Kind::Compact => {
                            opts.set_style(NumberFormatStyle::Currency);
                            opts.set_currency(cur.code());
                        }
                        Kind::Count => opts.set_style(NumberFormatStyle::Decimal),
                    }
                    if kind == Kind::Compact {
                        opts.set_notation(NumberFormatNotation::Compact);
                        opts.set_maximum_fraction_digits(1);
                    }
                    NumberFormat::new(&js_sys::Array::new(), &opts).format()
                })
                .clone()
        })
    }

    pub(super) fn warm_up() {
        formatter(Kind::Count, Currency::Usd);
    }

    pub(super) fn call(kind: Kind, cur: Currency, text: &str) -> String {
        formatter(kind, cur)
            .call1(&JsValue::NULL, &JsValue::from_str(text))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| text.to_owned())
    }
}

/// Without a browser (the static first screens are rendered natively) figures read
/// as in en-US, which is what most visitors' browsers show too.
#[cfg(not(target_arch = "wasm32"))]
fn call(kind: Kind, cur: Currency, text: &str) -> String {
    let (sign, digits) = text.strip_prefix('-').map_or(("", text), |t| ("-", t));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match kind {
        Kind::Count => format!("{sign}{grouped}"),
        Kind::Money => format!("{sign}{}{grouped}.{fraction:0<2}", cur.symbol()),
        Kind::Compact => {
            let value: f64 = digits.parse().unwrap_or(0.0);
            let (scaled, unit) = match value {
                v if v >= 1e6 => (v / 1e6, "M"),
                v if v >= 1e3 => (v / 1e3, "K"),
                v => (v, ""),
            };
            let short = format!("{scaled:.1}");
            let short = short.trim_end_matches(".0");
            format!("{sign}{}{short}{unit}", cur.symbol())
        }
    }
}

/// Makes the browser's first number format, which loads its locale data: about 30 ms
/// (120 ms on a slow phone) that would otherwise lengthen the page's first build, the
/// longest task of the visit. `chunks::prepare` runs it in a task of its own.
pub fn warm_up() {
    #[cfg(target_arch = "wasm32")]
    intl::warm_up();
}

/// "$1,234.50" in en-US, "1.234,50 €" in de-DE.
pub fn money(cur: Currency, cents: Cents) -> String {
    call(Kind::Money, cur, &decimal(cents))
}

/// A short amount for chart axes: "$120K".
pub fn compact(cur: Currency, cents: Cents) -> String {
    call(Kind::Compact, cur, &decimal(cents))
}

/// A hint's market bands are in US dollars: beside figures in another currency they say
/// so ("US$45 to US$175"), as the benchmarks do.
pub fn us_bands(hint: &str, beside: Currency) -> String {
    if beside == Currency::Usd {
        hint.to_owned()
    } else {
        hint.replace('$', "US$")
    }
}

/// A whole number with the locale's grouping.
pub fn count(n: impl Into<i64>) -> String {
    call(Kind::Count, Currency::Usd, &n.into().to_string())
}

/// An optional amount; a dash when there is nothing to divide by.
pub fn maybe_money(cur: Currency, cents: Option<Cents>) -> String {
    cents.map_or_else(|| "–".to_owned(), |c| money(cur, c))
}

/// One labelled figure in a `<dl class="figures">`.
#[component]
pub fn Figure(
    /// What the figure is.
    #[prop(into)]
    label: Signal<String>,
    /// The figure, formatted.
    #[prop(into)]
    value: Signal<String>,
) -> impl IntoView {
    view! {
        <div>
            <dt>{label}</dt>
            // Past "$256,500.00", a smaller size keeps a million on one line.
            <dd class:long=move || value.with(|v| v.chars().count() > 11)>{value}</dd>
        </div>
    }
}
