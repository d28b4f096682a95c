//! Reactive values as a few erased types.
//!
//! Every distinct closure used as reactive text or attribute compiles its own copy of
//! the render path (a few KB of wasm each). A `Signal<String>` or `Signal<bool>` built
//! from the closure shares one copy for the whole page, so views use these helpers.

use leptos::prelude::*;

/// Reactive text, for children, attributes, classes and properties.
pub fn text(f: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(f)
}

/// A reactive flag, for `disabled`, `checked` and the like.
pub fn flag(f: impl Fn() -> bool + Send + Sync + 'static) -> Signal<bool> {
    Signal::derive(f)
}

/// "true" or "false", for ARIA states.
pub fn aria(f: impl Fn() -> bool + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(move || if f() { "true" } else { "false" }.to_owned())
}

/// An error message shown next to a field, and `aria-invalid` while there is one.
pub fn invalid(error: RwSignal<Option<&'static str>>) -> Signal<Option<String>> {
    Signal::derive(move || error.get().map(|_| "true".to_owned()))
}

/// The text of an error signal.
pub fn error_text(error: RwSignal<Option<&'static str>>) -> Signal<Option<String>> {
    Signal::derive(move || error.get().map(str::to_owned))
}
