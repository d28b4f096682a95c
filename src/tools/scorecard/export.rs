//! The Export view: the CSV download, printing, the share panel and the print preview.

use leptos::prelude::*;

use super::print::PrintView;
use crate::browser::download::offer;
use crate::browser::state::{Lib, Notices};
use crate::domain::scorecard::csv;

/// CSV download, and the print view (one page per provider plus a comparison page).
#[component]
pub fn ExportView() -> impl IntoView {
    let lib = Lib::get();
    let notices = expect_context::<Notices>();
    let download_csv = move |_| {
        let (name, text) = lib.0.with_untracked(|l| {
            let ws = l.active();
            (
                csv::file_name(ws.display_name()),
                csv::to_csv(&ws.scorecard, &ws.providers),
            )
        });
        offer(notices, &name, "text/csv", &text);
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section aria-labelledby="sc-export-title">
            <h2 id="sc-export-title" class="sc-screen-only">
                "Export, print and share"
            </h2>
            <div class="panel sc-screen-only">
                <h3>"Spreadsheet"</h3>
                <p class="hint">
                    "Criteria down, providers across: weights, shares, your scores, agreed scores \
                        and notes, with totals and ranks at the bottom."
                </p>
                <button type="button" on:click=download_csv>
                    "Download CSV"
                </button>
            </div>
            <div class="panel sc-screen-only">
                <h3>"Print"</h3>
                <p class="hint">
                    "A comparison page, then one page per provider. Use your browser's print \
                        dialog to save it as a PDF."
                </p>
                <button type="button" on:click=print>
                    "Print or save as PDF"
                </button>
            </div>
            <div class="sc-screen-only">
                <super::share::ShareScorecard />
            </div>
            <PrintView />
        </section>
    }
}
