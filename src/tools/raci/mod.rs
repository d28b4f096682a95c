//! The RACI builder: a co-managed responsibility matrix that finds the gaps between the
//! internal team and the MSP. Renders what `domain::raci` computes.

mod ask;
mod categories;
mod ctx;
mod details;
mod findings;
mod grid;
mod io;
mod kinds;
mod parties;
mod print;
mod redline;
mod row;
mod share;
mod start;
mod suggested;
mod toolbar;
mod workload;

use std::collections::HashMap;

use leptos::prelude::*;

use crate::browser::open_docs::open;
use crate::browser::state::Lib;
use crate::components::doc::undo_shortcuts;
use crate::components::later::Later;
use crate::components::page_intro::PageIntro;
use crate::domain::raci::checks::{check, Report};
use crate::domain::raci::{Id, Raci};
use crate::domain::route::Route;
use crate::split::split_point;
use ctx::Editor;

/// The checks' report for the open matrix.
#[derive(Clone, Copy)]
pub(crate) struct Checks(pub Memo<Report>);

/// Findings per function, so each row reads one number.
#[derive(Clone, Copy)]
pub(crate) struct IssueCounts(pub Memo<HashMap<Id, usize>>);

/// The RACI page. The editor is rebuilt when another workspace opens, so its undo
/// history never mixes two matrices.
#[component]
pub fn RaciPage() -> impl IntoView {
    open::<Raci>();
    let lib = Lib::get();
    let active = Memo::new(move |_| vec![lib.0.with(|l| l.active_id().to_owned())]);
    // A keyed one-item list: a new workspace builds a new editor, and the editor's view is
    // only ever built, never diffed (which keeps the wasm small).
    view! {
        <div class="raci-page">
            <PageIntro route=Route::Raci />
            // Built in a task after the intro while the app is built off-screen (`Later`).
            <Later offscreen=true>
                <For each=move || active.get() key=|id| id.clone() let(_id)>
                    <Workbench />
                </For>
            </Later>
        </div>
    }
}

/// What the page shows below the intro.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Mode {
    Start,
    Edit,
    Print,
}

/// Everything below the intro: the start screen, the editor or the printable appendix.
#[component]
fn Workbench() -> impl IntoView {
    let editor = Editor::new(Lib::get());
    provide_context(editor);
    let unstarted = Memo::new(move |_| editor.with(Raci::is_unstarted));
    // Also woken by the start itself: the editor's first frame then shows the new
    // matrix's findings, rather than the empty one's, and nothing is pushed down a
    // frame later.
    let report = Memo::new(move |_| {
        unstarted.track();
        editor.with_settled(check)
    });
    provide_context(Checks(report));
    let counts = Memo::new(move |_| report.with(Report::counts_by_function));
    provide_context(IssueCounts(counts));
    row::Rows::provide(editor, counts);
    provide_context(io::ImportProblems(RwSignal::new(Vec::new())));
    let printing = RwSignal::new(false);
    let mode = Memo::new(move |_| match (unstarted.get(), printing.get()) {
        (true, _) => Mode::Start,
        (false, false) => Mode::Edit,
        (false, true) => Mode::Print,
    });
    // One keyed list per mode (zero or one item each): views are built, never diffed.
    let only = move |m: Mode| move || if mode.get() == m { vec![m] } else { Vec::new() };
    undo_shortcuts(move || editor.undo(), move || editor.redo());

    view! {
        <p class="visually-hidden" role="status" aria-live="polite">
            {editor.said}
        </p>
        <For each=only(Mode::Start) key=|m| *m let(_m)>
            <start::StartPanel />
        </For>
        <For each=only(Mode::Edit) key=|m| *m let(_m)>
            <EditorView printing=printing />
        </For>
        <For each=only(Mode::Print) key=|m| *m let(_m)>
            <Suspense fallback=|| ()>
                {Suspend::new(async move {
                    print_view(printing).await.unwrap_or_else(|_| not_loaded())
                })}
            </Suspense>
        </For>
    }
}

/// The editor: checks and matrix first. The panels below the matrix (details, structure,
/// workload, sharing) and the notice of kinds marked by name above it are in a chunk of
/// their own, fetched while the matrix shows, so a new visitor's matrix waits for less code.
#[component]
fn EditorView(printing: RwSignal<bool>) -> impl IntoView {
    view! {
        <toolbar::Toolbar printing=printing />
        {later(Part::Notice)}
        <findings::ChecksPanel />
        <grid::Grid />
        {later(Part::Below)}
    }
}

/// A part of the editor from the panels' chunk.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Notice,
    Below,
}

/// One helper for both parts, so they share one instance of the loading code. Neither
/// asks for the chunk until the matrix is on screen: on a slow phone the chunk's files,
/// fetched any earlier, shared the connection with the files the matrix waits for.
fn later(part: Part) -> impl IntoView {
    let painted = RwSignal::new(false);
    crate::components::after_settled(move || {
        painted.try_set(true);
    });
    view! {
        <Show when=move || painted.get()>
            <Suspense fallback=|| ()>
                {Suspend::new(async move {
                    panels(part)
                        .await
                        .unwrap_or_else(|_| match part {
                            Part::Below => not_loaded(),
                            Part::Notice => ().into_any(),
                        })
                })}
            </Suspense>
        </Show>
    }
}

split_point! {
    /// Everything below the matrix, and the notice above it.
    raci_panels, fn panels(part: Part) -> AnyView {
        Ok(match part {
            Part::Notice => {
                // Here rather than with the matrix: the vocabulary stays out of its code.
                Editor::get().suggest_stored_kinds();
                view! {
                    <suggested::SuggestedNotice />
                    <redline::Redline />
                }
                .into_any()
            }
            Part::Below => view! {
                <details::Details />
                <categories::AddFunction />
                <parties::PartiesPanel />
                <categories::CategoriesPanel />
                <workload::WorkloadPanel />
                <share::ShareRaci />
            }
            .into_any(),
        })
    }
}

split_point! {
    /// The printable appendix.
    raci_panels, fn print_view(printing: RwSignal<bool>) -> AnyView {
        Ok(view! { <print::PrintView printing=printing /> }.into_any())
    }
}

/// In place of a part of the page whose code could not be fetched.
fn not_loaded() -> AnyView {
    view! {
        <p class="notice error" role="alert">
            "Part of the RACI builder could not be loaded: you may be offline. Your matrix is \
                safe; reload the page to try again."
        </p>
    }
    .into_any()
}

/// A file name stem from the workspace name: "Acme 2026 review" → "acme-2026-review".
pub(crate) fn file_stem() -> String {
    let name = Lib::get()
        .0
        .with_untracked(|l| l.active().display_name().to_owned());
    crate::domain::raci::slug(&name)
}
