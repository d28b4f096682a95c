//! The brief as a printout (two pages: summary, chart, recommendation, questions) and as
//! Markdown for an email, copied or downloaded.

use leptos::prelude::*;

use super::BriefMemo;
use crate::browser::download::offer;
use crate::browser::state::{Lib, Notices};
use crate::domain::decision::markdown::markdown;
use crate::domain::text::slug_or;

#[component]
pub fn ExportPanel() -> impl IntoView {
    let brief = expect_context::<BriefMemo>().0;
    let notices = expect_context::<Notices>();
    let lib = Lib::get();
    let status = RwSignal::new(String::new());
    let title = move || {
        lib.0
            .with_untracked(|l| l.active().display_name().to_owned())
    };
    let text = move || brief.with_untracked(|b| markdown(b, &title()));
    let download = move |_| {
        let name = format!("{}-decision-brief.md", slug_or(&title(), "splitline"));
        offer(notices, &name, "text/markdown", &text());
    };
    let copy = move |_| {
        let md = text();
        leptos::task::spawn_local(async move {
            status.set(match crate::browser::share::copy(md).await {
                Ok(()) => "Copied the brief as Markdown.".into(),
                Err(e) => format!("Could not copy: {e}. Download the file instead."),
            });
        });
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section class="panel no-print" aria-labelledby="brief-export-title">
            <h2 id="brief-export-title">"Print or copy for the meeting"</h2>
            <p class="hint">
                "The printout puts the recommendation, the table, the chart and the questions on \
                    two pages for a handful of providers. The Markdown pastes into an email or a \
                    ticket."
            </p>
            <div class="row-actions">
                <button type="button" on:click=print>
                    "Print or save as PDF"
                </button>
                <button type="button" class="secondary" on:click=copy>
                    "Copy as Markdown"
                </button>
                <button type="button" class="secondary" on:click=download>
                    "Download Markdown"
                </button>
            </div>
            <p role="status">{move || status.get()}</p>
        </section>
    }
}
