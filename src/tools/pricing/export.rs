//! The comparison's CSV download and printout.

use leptos::prelude::*;

use super::Cmp;
use crate::browser::download::offer;
use crate::browser::state::{Lib, Notices};
use crate::domain::pricing::csv::comparison_csv;

/// The comparison as a CSV file, and a printout for finance.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let cmp = expect_context::<Cmp>().0;
    let knocked_out = expect_context::<super::KnockedOut>().0;
    let notices = expect_context::<Notices>();
    let lib = Lib::get();
    let download = move |_| {
        let text = knocked_out.with_untracked(|out| cmp.with_untracked(|c| comparison_csv(c, out)));
        let name = lib
            .0
            .with_untracked(|l| file_stem(l.active().display_name()));
        offer(notices, &format!("{name}-pricing.csv"), "text/csv", &text);
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section class="panel no-print" aria-labelledby="export-title">
            <h2 id="export-title">"Export"</h2>
            <p class="hint">
                "The CSV has one row per quote and per alternative, with yearly totals, in plain \
                    numbers a spreadsheet reads. The printout leaves out the input fields: \
                    figures, flags and alternatives only."
            </p>
            <div class="row-actions">
                <button type="button" on:click=download>
                    "Download CSV"
                </button>
                <button type="button" class="secondary" on:click=print>
                    "Print for finance"
                </button>
            </div>
        </section>
    }
}

/// A file name from the workspace name: letters, digits and dashes.
fn file_stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.push(crate::domain::text::fold(c));
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    if out.is_empty() {
        "splitline".to_owned()
    } else {
        out.to_owned()
    }
}
