//! The printable SOW appendix: the matrix and one clause per function, without controls.

use leptos::prelude::*;

use super::ctx::Editor;
use super::io::{export, Export};
use crate::browser::state::Lib;
use crate::components::focus_later;
use crate::domain::raci::sow::{appendix, party_line, DEFINITIONS};

/// The appendix as a page to print (A4 or Letter, landscape) or save as PDF.
#[component]
pub fn PrintView(
    /// Set back to false to return to the editor.
    printing: RwSignal<bool>,
) -> impl IntoView {
    // A snapshot: the page is rebuilt each time it opens, so nothing here needs to react.
    let editor = Editor::get();
    let lib = Lib::get();
    let company = lib
        .0
        .with_untracked(|l| l.active().profile.company_name.trim().to_owned());
    let company = if company.is_empty() {
        "the customer".to_owned()
    } else {
        company
    };
    let (sections, parties, head, rows) = editor.with_untracked(|r| {
        let head: Vec<String> = r.parties.iter().map(|p| p.name.clone()).collect();
        let rows: Vec<(String, Vec<String>)> = r
            .rows()
            .into_iter()
            .map(|f| {
                (
                    f.name.clone(),
                    r.parties.iter().map(|p| f.letters(p.id).label()).collect(),
                )
            })
            .collect();
        (appendix(r), party_line(r), head, rows)
    });
    // The button that opened this page is gone with the editor: focus starts at the
    // appendix's title, and goes back to the matrix's title on the way back.
    focus_later("sow-title".into());
    let back = move |_| {
        printing.set(false);
        focus_later("raci-grid-title".into());
    };
    view! {
        <div class="print-controls no-print" role="group" aria-label="Appendix actions">
            <button
                type="button"
                on:click=move |_| {
                    let _ = window().print();
                }
            >
                "Print or save as PDF"
            </button>
            <button type="button" class="secondary" on:click=move |_| export(Export::Appendix)>
                "Download Markdown"
            </button>
            <button type="button" class="secondary" on:click=back>
                "Back to the editor"
            </button>
        </div>
        <article class="sow" aria-labelledby="sow-title">
            <h2 id="sow-title" tabindex="-1">
                "Appendix: responsibilities (RACI)"
            </h2>
            <p>
                "This appendix sets out, function by function, who owns what between " {company}
                " and the managed service provider."
            </p>
            <p>
                <strong>"Parties. "</strong>
                {parties}
                "."
            </p>
            <p>
                <strong>"Letters. "</strong>
                {DEFINITIONS}
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Matrix">
                <table class="print-matrix">
                    <thead>
                        <tr>
                            <th scope="col">"Function"</th>
                            {head
                                .into_iter()
                                .map(|h| view! { <th scope="col">{h}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|(name, cells)| {
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        {cells
                                            .into_iter()
                                            .map(|c| view! { <td>{c}</td> })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            {sections
                .into_iter()
                .map(|s| {
                    view! {
                        <section class="sow-section">
                            <h3>{format!("{}. {}", s.number, s.title)}</h3>
                            {s
                                .clauses
                                .into_iter()
                                .map(|c| {
                                    view! {
                                        <p class="clause">
                                            <strong>{format!("{} {}.", c.number, c.title)}</strong>
                                            " "
                                            {c.text}
                                        </p>
                                    }
                                })
                                .collect_view()}
                        </section>
                    }
                })
                .collect_view()}
        </article>
    }
}
