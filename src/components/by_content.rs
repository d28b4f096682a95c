//! Lists redrawn on every change of their document (a chart, a table of figures), keyed by
//! what each item shows, so an update rebuilds only the items that changed.
//!
//! Why not redraw the list whole: with `erase_components` an element keeps its attributes
//! as one list, and rebuilding the element removes and sets every attribute again even
//! when none changed. The pricing page's charts and tables, redrawn whole on each
//! keystroke at 12 quotes, made about 1,500 DOM changes; keyed by content, an edit
//! rebuilds the bars and rows of the quote it changed (and all of them only when the
//! scale moves).

use std::collections::HashMap;
use std::hash::Hash;

use leptos::prelude::*;

/// Draws `items()` with `draw`; an item equal to one drawn before keeps its DOM.
pub fn by_content<T>(
    items: impl Fn() -> Vec<T> + Send + 'static,
    draw: fn(T) -> AnyView,
) -> impl IntoView
where
    T: Clone + Eq + Hash + Send + Sync + 'static,
{
    // Equal items (two identical rows) are told apart by their count so far, since a key
    // must be unique.
    let each = move || {
        let mut seen: HashMap<T, usize> = HashMap::new();
        items()
            .into_iter()
            .map(|item| {
                let n = seen.entry(item.clone()).or_default();
                *n += 1;
                (*n, item)
            })
            .collect::<Vec<_>>()
    };
    view! { <For each key=|pair: &(usize, T)| pair.clone() children=move |(_, item)| draw(item) /> }
}

/// One cell of a table row of figures.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum Cell {
    /// The row's header (`th scope="row"`).
    Head(String),
    /// A data cell, with its class (`num` right-aligns figures).
    Data(Option<&'static str>, String),
}

impl Cell {
    /// A figure, right-aligned.
    pub fn num(text: String) -> Cell {
        Cell::Data(Some("num"), text)
    }
}

/// A table row of text cells, drawn with `labelled_row`.
pub type Row = Vec<Cell>;

/// A table's column headings, `num[i]` marking the columns of figures (right-aligned).
pub fn column_heads<const N: usize>(columns: [&'static str; N], num: [bool; N]) -> AnyView {
    let heads = columns
        .into_iter()
        .zip(num)
        .map(|(name, num)| view! { <th scope="col" class=num.then_some("num")>{name}</th> })
        .collect_view();
    view! { <tr>{heads}</tr> }.into_any()
}

/// Draws a row of cells, each data cell carrying its column's name (`data-label`), so a
/// narrow screen can stack the row and still say what each figure is.
pub fn labelled_row(cells: Row, columns: &'static [&'static str]) -> AnyView {
    let cells = cells
        .into_iter()
        .enumerate()
        .map(|(i, cell)| match cell {
            Cell::Head(text) => view! { <th scope="row">{text}</th> }.into_any(),
            Cell::Data(class, text) => {
                let label = columns.get(i).copied();
                view! { <td class=class data-label=label>{text}</td> }.into_any()
            }
        })
        .collect_view();
    view! { <tr>{cells}</tr> }.into_any()
}
