//! The matrix toolbar: undo and redo, the downloads, import, the printable appendix, and replacing
//! the matrix with the template or clearing it, each confirmed first.

use leptos::prelude::*;

use super::ctx::Editor;
use super::io::{export, Export, ImportButton, ImportReport};
use crate::browser::state::Lib;
use crate::components::confirm::ConfirmDialog;
use crate::components::doc::UndoButtons;
use crate::components::heading_once_lost;
use crate::components::page_jumps::PageJumps;
use crate::domain::raci::{template, Raci};

/// Where "Go to" takes a buyer: a matrix of 36 functions is about 5,000 px tall on a
/// laptop and 9,000 on a phone, with parties and workload far below the checks.
const SECTIONS: &[(&str, &str)] = &[
    ("Checks", "raci-checks-title"),
    ("Matrix", "raci-grid-title"),
    ("Details", "raci-details-title"),
    ("Parties", "raci-parties-title"),
    ("Workload", "raci-workload-title"),
];

const DOWNLOADS: [(&str, Export); 3] = [
    ("Download CSV", Export::Csv),
    ("Download Markdown", Export::Markdown),
    ("SOW appendix (Markdown)", Export::Appendix),
];

/// Whether the screen is wider than a phone's, as raci.css's breakpoint says. Read once:
/// a disclosure closed on a phone then turned sideways still shows its buttons where the
/// browser can show a closed disclosure's content (raci.css), and has its summary elsewhere.
fn wide() -> bool {
    window()
        .match_media("(min-width: 40.01rem)")
        .ok()
        .flatten()
        .is_some_and(|q| q.matches())
}

/// Undo and redo with "Go to" on their row, the downloads, import, the printable
/// appendix, and starting over.
#[component]
pub fn Toolbar(
    /// Switches to the printable SOW appendix.
    printing: RwSignal<bool>,
) -> impl IntoView {
    let editor = Editor::get();
    let lib = Lib::get();
    let industry = move || lib.0.with(|l| l.active().profile.industry);
    let template_open = RwSignal::new(false);
    let clear_open = RwSignal::new(false);
    let use_template = Callback::new(move |()| {
        let i = industry();
        editor.replace(editor.with_untracked(|r| template::co_managed(i).keeping_settings_of(r)));
        editor.say(format!(
            "Replaced the matrix with the {} template. Undo brings yours back.",
            i.label().to_ascii_lowercase()
        ));
    });
    let clear = Callback::new(move |()| {
        editor.replace(Raci::default());
        editor.say("Cleared the matrix. Undo brings it back.");
        // The toolbar goes with the matrix, and the dialog with it, which then may not get
        // to put the focus back. A buyer already on the start screen's buttons stays.
        heading_once_lost();
    });
    view! {
        <div class="panel raci-toolbar" role="group" aria-label="Matrix actions">
            <div class="toolbar-top">
                <UndoButtons
                    can_undo=editor.doc.can_undo
                    can_redo=editor.doc.can_redo
                    undo=Callback::new(move |()| editor.undo())
                    redo=Callback::new(move |()| editor.redo())
                />
                <PageJumps sections=SECTIONS />
            </div>
            // One disclosure on a phone, where these seven buttons filled the first screen
            // above the checks; open where there is room, its summary hidden there where
            // the browser can still show the buttons if it is closed (raci.css).
            <details class="raci-files" open=wide()>
                <summary>"Download, import, start over"</summary>
                <div class="group">
                    {DOWNLOADS
                        .map(|(label, kind)| {
                            view! {
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| export(kind)
                                >
                                    {label}
                                </button>
                            }
                        })
                        .collect_view()}
                    <button type="button" class="secondary" on:click=move |_| printing.set(true)>
                        "Printable appendix"
                    </button>
                    <ImportButton />
                </div>
                <div class="group">
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| template_open.set(true)
                    >
                        "Replace with template…"
                    </button>
                    <button
                        type="button"
                        class="secondary danger"
                        on:click=move |_| clear_open.set(true)
                    >
                        "Clear…"
                    </button>
                </div>
            </details>
        </div>
        <ImportReport />
        <ConfirmDialog
            open=template_open
            title="Replace the matrix with the template?"
            message=Signal::derive(move || {
                format!(
                    "Every function, party and note in this matrix is replaced by the co-managed \
                        template for {} (from the company profile). Undo takes it back until you reload the page.",
                    industry().label().to_ascii_lowercase(),
                )
            })
            confirm_label="Replace with template"
            on_confirm=use_template
        />
        <ConfirmDialog
            open=clear_open
            title="Clear the whole matrix?"
            message="Every function, party and note is removed and the start screen comes back. \
            Undo takes it back until you reload the page."
            confirm_label="Clear the matrix"
            on_confirm=clear
        />
    }
}
