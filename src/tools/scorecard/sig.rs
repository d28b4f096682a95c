//! Reactive values as a few erased types.
//!
//! Every distinct closure used as reactive text or attribute compiles its own copy of
//! the render path (a few KB of wasm each). A `Signal<String>` or `Signal<bool>` built
//! from the closure shares one copy for the whole page, so views use these helpers.

use std::sync::Arc;

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

type Row = Arc<dyn Fn(String) -> AnyView + Send + Sync>;

/// A list keyed by string ids, compiled once for the whole page: each `<For>` with its
/// own closures would compile its own copy of the keyed diff (several KB of wasm each).
pub fn list(
    each: impl Fn() -> Vec<String> + Send + Sync + 'static,
    row: impl Fn(String) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    keyed(Signal::derive(each), Arc::new(row))
}

fn keyed(each: Signal<Vec<String>>, row: Row) -> AnyView {
    let key = |id: &String| id.clone();
    view! { <For each=move || each.get() key=key children=move |id| row(id) /> }.into_any()
}

type Part = Arc<dyn Fn() -> AnyView + Send + Sync>;

/// Shows `part` while `when` holds (like `<Show>`, but compiled once for the page).
pub fn show(
    when: impl Fn() -> bool + Send + Sync + 'static,
    part: impl Fn() -> AnyView + Send + Sync + 'static,
) -> AnyView {
    switch(
        Memo::new(move |_| when()),
        Arc::new(part),
        Arc::new(|| ().into_any()),
    )
}

/// Shows `part` while `when` holds and `otherwise` when it does not.
pub fn show_or(
    when: impl Fn() -> bool + Send + Sync + 'static,
    part: impl Fn() -> AnyView + Send + Sync + 'static,
    otherwise: impl Fn() -> AnyView + Send + Sync + 'static,
) -> AnyView {
    switch(
        Memo::new(move |_| when()),
        Arc::new(part),
        Arc::new(otherwise),
    )
}

// The memo wakes the branch only when the condition flips, not on every change below it.
fn switch(when: Memo<bool>, part: Part, otherwise: Part) -> AnyView {
    (move || if when.get() { part() } else { otherwise() }).into_any()
}
