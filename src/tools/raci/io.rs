//! Files in and out: CSV import (with confirmation before replacing a matrix and every
//! bad line reported), and the CSV, Markdown and SOW appendix downloads.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use super::ctx::Editor;
use super::file_stem;
use crate::browser::download::offer;
use crate::browser::state::{Lib, Notices, Tone};
use crate::components::confirm::ConfirmDialog;
use crate::domain::limits::{csv_hint, MAX_REPORTED_PROBLEMS};
use crate::domain::raci::csv::{self, ImportError, Imported, Layout};
use crate::domain::raci::{markdown, sow, Raci};
use crate::domain::text::counted;
use crate::split::{split_point, NotLoaded};

/// Problems with the last imported file, shown by `ImportReport`.
#[derive(Clone, Copy)]
pub struct ImportProblems(pub RwSignal<Vec<String>>);

/// A button that reads a CSV file (wide or long layout) into the matrix. Nothing changes
/// unless the whole file is good; replacing a matrix asks first.
#[component]
pub fn ImportButton() -> impl IntoView {
    let editor = Editor::get();
    let problems = expect_context::<ImportProblems>();
    let input = NodeRef::<leptos::html::Input>::new();
    let pending = RwSignal::new(None::<Imported>);
    let confirm_open = RwSignal::new(false);
    let file_name = RwSignal::new(String::new());
    let apply = move |imported: Imported| {
        let raci = editor.with_untracked(|r| imported.raci.keeping_settings_of(r));
        let (f, p) = (raci.functions.len(), raci.parties.len());
        editor.replace(raci);
        editor.suggested.set(
            (!imported.suggested.is_empty()).then_some(super::ctx::Suggested {
                functions: imported.suggested,
                from_file: true,
            }),
        );
        let layout = match imported.layout {
            Layout::Wide => "wide",
            Layout::Long => "long",
        };
        editor.say(format!(
            "Imported {} and {} from {} ({layout} layout).",
            counted(f as i64, "function", "functions"),
            counted(p as i64, "party", "parties"),
            file_name.get_untracked()
        ));
    };
    let on_change = move |_| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        let Some(file) = el.files().and_then(|list| list.get(0)) else {
            return;
        };
        // Clear the input so choosing the same file again still reads it.
        el.set_value("");
        file_name.set(file.name());
        // Refused before reading: a huge file would hang the tab while loading.
        if let Err(too_big) = csv::check_size(file.size() as u64) {
            problems.0.set(vec![too_big.text()]);
            return;
        }
        spawn_local(async move {
            let text = match JsFuture::from(file.text()).await {
                Ok(v) => v.as_string().unwrap_or_default(),
                Err(_) => {
                    problems
                        .0
                        .set(vec!["The browser could not read the file.".into()]);
                    return;
                }
            };
            let result = match import_csv(text).await {
                Ok(result) => result,
                Err(NotLoaded) => Err(vec![ImportError::file(NOT_LOADED)]),
            };
            match result {
                Err(errors) => {
                    let n = errors.len();
                    problems
                        .0
                        .set(errors.iter().map(ImportError::text).collect());
                    editor.say(if n > MAX_REPORTED_PROBLEMS {
                        format!("Nothing was imported: more than {MAX_REPORTED_PROBLEMS} problems in the file.")
                    } else {
                        format!(
                            "Nothing was imported: {n} problem{} in the file.",
                            if n == 1 { "" } else { "s" }
                        )
                    });
                }
                Ok(imported) => {
                    problems.0.set(Vec::new());
                    // Nothing to lose without functions (and Undo takes it back).
                    if editor.with_untracked(|r| r.is_unstarted() || r.functions.is_empty()) {
                        apply(imported);
                    } else {
                        pending.set(Some(imported));
                        confirm_open.set(true);
                    }
                }
            }
        });
    };
    let message = Signal::derive(move || {
        let current = editor.with(|r| r.functions.len());
        pending.with(|p| match p {
            Some(i) => format!(
                "“{}” has {} and {}{}. It replaces the current matrix of {}. Undo takes it back until you reload the page.",
                file_name.get(),
                counted(i.raci.functions.len() as i64, "function", "functions"),
                counted(i.raci.parties.len() as i64, "party", "parties"),
                match i.suggested.len() {
                    0 => String::new(),
                    1 => "; 1 function with no kinds in the file gets them from its name".into(),
                    n => format!("; {n} functions with no kinds in the file get them from their names"),
                },
                counted(current as i64, "function", "functions")
            ),
            None => String::new(),
        })
    });
    view! {
        <button
            type="button"
            class="secondary"
            on:click=move |_| {
                if let Some(el) = input.get_untracked() {
                    el.click();
                }
            }
        >
            "Import CSV…"
        </button>
        <input
            node_ref=input
            type="file"
            accept=".csv,text/csv"
            hidden
            aria-label="CSV file to import"
            on:change=on_change
        />
        <small class="hint">{csv_hint()}</small>
        <ConfirmDialog
            open=confirm_open
            title="Replace the current matrix?"
            message=message
            confirm_label="Replace the matrix"
            on_confirm=Callback::new(move |()| {
                if let Some(i) = pending.get_untracked() {
                    apply(i);
                }
                pending.set(None);
            })
        />
    }
}

/// Every problem in a refused file, by line.
#[component]
pub fn ImportReport() -> impl IntoView {
    let problems = expect_context::<ImportProblems>().0;
    view! {
        <Show when=move || !problems.with(Vec::is_empty)>
            <div class="notice error import-report" role="alert">
                <p>
                    <strong>"Nothing was imported."</strong>
                    " Fix these lines in the file and import it again:"
                </p>
                <ul>
                    <For each=move || problems.get() key=|p| p.clone() let(p)>
                        <li>{p}</li>
                    </For>
                </ul>
                <button type="button" class="secondary" on:click=move |_| problems.set(Vec::new())>
                    "Dismiss"
                </button>
            </div>
        </Show>
    }
}

/// The downloads.
#[derive(Clone, Copy)]
pub enum Export {
    Csv,
    Markdown,
    Appendix,
}

/// Starts a download; the exporters load with the CSV importer on first use.
pub fn export(kind: Export) {
    let editor = Editor::get();
    let notices = expect_context::<Notices>();
    let stem = file_stem();
    let raci = editor.with_untracked(Raci::clone);
    let company = Lib::get()
        .0
        .with_untracked(|l| l.active().profile.company_name.clone());
    spawn_local(async move {
        let (name, mime) = match kind {
            Export::Csv => (format!("{stem}-raci.csv"), "text/csv;charset=utf-8"),
            Export::Markdown => (format!("{stem}-raci.md"), "text/markdown;charset=utf-8"),
            Export::Appendix => (
                format!("{stem}-sow-appendix.md"),
                "text/markdown;charset=utf-8",
            ),
        };
        match export_text(kind, raci, company).await {
            Ok(text) => {
                offer(notices, &name, mime, &text);
            }
            Err(NotLoaded) => notices.push(Tone::Error, NOT_LOADED.to_owned(), None),
        }
    });
}

const NOT_LOADED: &str =
    "The file tools could not be loaded: you may be offline. Try again when you are back online.";

split_point! {
    /// Reads a CSV file in the wide or long layout.
    raci_files, fn import_csv(text: String) -> Result<Imported, Vec<ImportError>> {
        Ok(csv::import(&text))
    }
}

split_point! {
    /// The text of a download.
    raci_files, fn export_text(kind: Export, raci: Raci, company: String) -> String {
        Ok(match kind {
            Export::Csv => csv::export_wide(&raci),
            Export::Markdown => markdown::table(&raci),
            Export::Appendix => sow::markdown(&raci, &company),
        })
    }
}
