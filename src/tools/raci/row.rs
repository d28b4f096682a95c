//! One function's row of the grid. Each row has its own signal (`components/keyed.rs`)
//! and each cell its own letters, so an edit updates one cell's DOM and no other.

use std::collections::HashMap;

use leptos::prelude::*;

use super::ctx::{Editor, ROW_HEADER};
use super::IssueCounts;
use crate::components::keyed::Keyed;
use crate::domain::anchor::raci_cell;
use crate::domain::raci::{Function, Id, Letter, Letters, Marks};

/// What a row shows. Only a row whose view changed is told, so an edit wakes the effects
/// of one row instead of every cell in the grid.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowView {
    name: String,
    marks: Marks,
    cells: Vec<(Id, Letters)>,
    issues: usize,
}

impl RowView {
    fn of(f: &Function, issues: usize) -> RowView {
        RowView {
            name: f.name.clone(),
            marks: f.marks,
            cells: f.roles.iter().map(|(p, l)| (*p, *l)).collect(),
            issues,
        }
    }

    /// Whether this view still shows `f`, without building a new one.
    fn shows(&self, f: &Function, issues: usize) -> bool {
        self.issues == issues
            && self.marks == f.marks
            && self.name == f.name
            && self.cells.len() == f.roles.len()
            && self
                .cells
                .iter()
                .zip(&f.roles)
                .all(|((p, l), (q, m))| p == q && l == m)
    }

    fn letters(&self, party: Id) -> Letters {
        self.cells
            .iter()
            .find(|(p, _)| *p == party)
            .map(|(_, l)| *l)
            .unwrap_or_default()
    }
}

/// One signal per row of the grid, kept in step with the matrix by a single effect.
#[derive(Clone, Copy)]
pub struct Rows(Keyed<Id, RowView>);

impl Rows {
    /// Creates the rows' signals and the effect that updates changed rows after every change.
    pub fn provide(editor: Editor, counts: Memo<HashMap<Id, usize>>) {
        let rows: Keyed<Id, RowView> = Keyed::default();
        Effect::new(move |_| {
            counts.with(|counts| {
                editor.with(|r| {
                    rows.refresh_keys(r.functions.iter().map(|f| {
                        let issues = counts.get(&f.id).copied().unwrap_or(0);
                        let now = move |shown: &RowView| {
                            (!shown.shows(f, issues)).then(|| RowView::of(f, issues))
                        };
                        (&f.id, now)
                    }))
                })
            })
        });
        provide_context(Rows(rows));
    }

    /// The signal of one row, created on first use.
    fn row(self, fid: Id) -> ArcRwSignal<RowView> {
        self.0.get(&fid, || {
            let counts = expect_context::<IssueCounts>().0;
            let issues = counts.with_untracked(|c| c.get(&fid).copied().unwrap_or(0));
            Editor::get().with_untracked(|r| {
                r.function(fid)
                    .map(|f| RowView::of(f, issues))
                    .unwrap_or_default()
            })
        })
    }
}

fn tabindex(stop: bool) -> &'static str {
    if stop {
        "0"
    } else {
        "-1"
    }
}

/// A function's row: its name (the row header) and one cell per party.
#[component]
pub fn GridRow(fid: Id, party_ids: Memo<Vec<Id>>) -> impl IntoView {
    let editor = Editor::get();
    let signal = expect_context::<Rows>().row(fid);
    let row = Memo::new(move |_| signal.get());
    let issues = Memo::new(move |_| row.with(|r| r.issues));
    let marks = Memo::new(move |_| row.with(|r| r.marks));
    let name = Memo::new(move |_| row.with(|r| r.name.clone()));
    let plural = Memo::new(move |_| {
        if issues.get() == 1 {
            " finding"
        } else {
            " findings"
        }
    });
    let badges = move || {
        let m = marks.get();
        let mut out = Vec::new();
        if m.around_clock {
            out.push(("b-24", "24/7"));
        }
        if m.incident {
            out.push(("b-p1", "P1"));
        }
        if m.compliance {
            out.push(("b-reg", "Reg"));
        }
        if m.exit {
            out.push(("b-exit", "Exit"));
        }
        if m.tools {
            out.push(("b-tools", "Tools"));
        }
        out.into_iter()
            .map(|(class, text)| view! { <span class=format!("badge {class}")>{text}</span> })
            .collect_view()
    };
    view! {
        <tr class:has-issues=move || issues.get() != 0>
            <th
                scope="row"
                id=raci_cell(fid, ROW_HEADER)
                data-f=fid.to_string()
                data-p=ROW_HEADER.to_string()
                tabindex=move || tabindex(editor.is_tab_stop((fid, ROW_HEADER)))
                class="fn-name"
            >
                <span class="fn-text">{name}</span>
                <span class="badges" aria-hidden="true">
                    {badges}
                </span>
                <Show when=move || issues.get() != 0>
                    <span class="issue-count">
                        {issues} <span class="visually-hidden">{plural}</span>
                    </span>
                </Show>
            </th>
            <For each=move || party_ids.get() key=|p| *p let(pid)>
                <Cell fid=fid pid=pid letters=Memo::new(move |_| row.with(|r| r.letters(pid))) />
            </For>
        </tr>
    }
}

fn cell_class(l: Letters) -> &'static str {
    if l.has(Letter::Accountable) {
        "cell has-a"
    } else if l.has(Letter::Responsible) {
        "cell has-r"
    } else if l.is_empty() {
        "cell empty"
    } else {
        "cell has-ci"
    }
}

/// One cell: the letters a party holds for a function.
#[component]
fn Cell(fid: Id, pid: Id, letters: Memo<Letters>) -> impl IntoView {
    let editor = Editor::get();
    view! {
        <td
            role="gridcell"
            id=raci_cell(fid, pid)
            data-f=fid.to_string()
            data-p=pid.to_string()
            tabindex=move || tabindex(editor.is_tab_stop((fid, pid)))
            class=move || cell_class(letters.get())
            aria-label=move || letters.get().spoken()
        >
            {move || letters.get().label()}
        </td>
    }
}
