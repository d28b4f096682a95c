//! The checks: the score, every finding with what, why and how to fix, and a click that
//! takes focus to the cell or field concerned.

use leptos::prelude::*;

use super::ctx::{Editor, ROW_HEADER};
use super::Checks;
use crate::components::focus_by_id;
use crate::domain::raci::checks::{self, Field, Finding, Target};
use crate::domain::raci::{template, Id, MatrixEdit, Raci, Shift, TextField};

/// The DOM id of the details field a finding concerns.
fn field_element(field: Field) -> &'static str {
    match field {
        Field::Owner(Shift::Day) => "raci-day",
        Field::Owner(Shift::Night) => "raci-night",
        Field::Text(TextField::P1) => "raci-p1",
        Field::Text(TextField::Handoff) => "raci-handoff",
        Field::Text(TextField::Notes) => "raci-notes",
    }
}

/// Moves focus to where a finding is fixed.
fn go_to(editor: Editor, target: Target) {
    match target {
        Target::Cell { function, party } => editor.focus_cell(function, party),
        Target::Row(function) => editor.focus_cell(function, ROW_HEADER),
        Target::Field { function, field } => editor.focus_field(function, field_element(field)),
        Target::Party(p) => {
            focus_by_id(&format!("party-name-{p}"));
        }
        Target::OverloadLimit => {
            focus_by_id("raci-overload");
        }
        Target::AddFromTemplate(_) => {
            focus_by_id("raci-add-name");
        }
    }
}

/// The score and the list of findings.
#[component]
pub fn ChecksPanel() -> impl IntoView {
    let report = expect_context::<Checks>().0;
    let summary =
        Memo::new(move |_| report.with(|r| (r.score_pct(), r.summary(), r.findings.len())));
    let score = move || {
        summary
            .with(|s| s.0)
            .map(|s| format!("{s}%"))
            .unwrap_or_else(|| "–".into())
    };
    let line = move || summary.with(|s| s.1.clone());
    let all_clear = move || summary.with(|s| s.2 == 0);
    view! {
        <section class="panel checks no-print" aria-labelledby="raci-checks-title">
            <div class="checks-head">
                // Focused when an undo takes away the last finding and its link had focus.
                <h2 id="raci-checks-title" tabindex="-1">
                    "Checks"
                </h2>
                <p
                    class="score"
                    class:all-clear=all_clear
                    aria-live="polite"
                    data-testid="raci-score"
                >
                    <span class="score-value">{score}</span>
                    " "
                    <span class="score-line">{line}</span>
                </p>
            </div>
            <Show when=move || !all_clear()>
                <div class="findings-scroll" role="region" aria-label="Findings" tabindex="0">
                    <ul class="findings">
                        <For
                            each=move || report.with(|r| r.findings.clone())
                            key=|f| (f.id.clone(), f.what.clone())
                            let(finding)
                        >
                            <FindingItem finding=finding />
                        </For>
                    </ul>
                </div>
            </Show>
            <crate::components::brief_link::BriefLink />
        </section>
    }
}

/// One finding: what (a button that goes to the fix), why, and how to fix it.
#[component]
fn FindingItem(finding: Finding) -> impl IntoView {
    let editor = Editor::get();
    let target = finding.target;
    let quick_fix = match target {
        Target::AddFromTemplate(key) => template::all_seeds()
            .find(|s| s.key == key)
            .map(|s| (key, s.name)),
        _ => None,
    };
    view! {
        <li class="finding">
            <button type="button" class="link finding-what" on:click=move |_| go_to(editor, target)>
                {finding.what.clone()}
            </button>
            <p class="finding-why">{finding.why()}</p>
            <p class="finding-fix">
                <strong>"Fix: "</strong>
                {finding.fix.clone()}
            </p>
            {quick_fix
                .map(|(key, name)| {
                    view! {
                        <button
                            type="button"
                            class="secondary small"
                            on:click=move |_| {
                                if editor
                                    .apply_matrix(MatrixEdit::AddFromTemplate(key.to_owned()))
                                    .is_yes()
                                {
                                    let id = editor.with_untracked(Raci::newest_function);
                                    editor.say(format!("Added “{name}” from the template."));
                                    editor.focus_cell(id, ROW_HEADER);
                                }
                            }
                        >
                            "Add “"
                            {name}
                            "” from the template"
                        </button>
                    }
                })}
        </li>
    }
}

/// The findings for one function, shown in its details.
#[component]
pub fn FindingList(function: Id) -> impl IntoView {
    let report = expect_context::<Checks>().0;
    let editor = Editor::get();
    let mine = Memo::new(move |_| {
        report.with(|r| {
            r.findings
                .iter()
                .filter(|f| f.function == Some(function))
                .map(|f| (f.what.clone(), f.fix.clone()))
                .collect::<Vec<_>>()
        })
    });
    let none_found = Memo::new(move |_| {
        editor.with_settled(|r| {
            r.function(function)
                .map(|f| (checks::all_checks_ran(f), checks::no_findings(f)))
                .unwrap_or_default()
        })
    });
    view! {
        <Show
            when=move || !mine.with(Vec::is_empty)
            fallback=move || {
                view! {
                    <p class=move || {
                        if none_found.with(|n| n.0) { "passes" } else { "unchecked" }
                    }>{move || none_found.with(|n| n.1.clone())}</p>
                }
            }
        >
            <ul class="fn-findings">
                <For each=move || mine.get() key=|f| f.clone() let((what, fix))>
                    <li>{what} " " <span class="hint">{fix}</span></li>
                </For>
            </ul>
        </Show>
    }
}
