//! A RACI matrix opened from a share link: the matrix read-only with each function's
//! owners by day and after hours (a card per function on a phone), what the checks
//! found, and saving it.

use leptos::prelude::*;

use super::SaveAsNew;
use crate::browser::clock::{fresh_id, now_ms};
use crate::domain::documents::RaciDoc;
use crate::domain::raci::checks;
use crate::domain::route::Route;

/// A shared RACI: the matrix read-only, its check score, and saving it.
#[component]
pub fn SharedRaci(doc: RaciDoc) -> impl IntoView {
    let raci = &doc.raci;
    let report = checks::check(raci);
    let score = match report.score_pct() {
        Some(p) => format!("{p}%: {}", report.summary()),
        None => "The matrix has no functions yet.".into(),
    };
    let head = raci
        .parties
        .iter()
        .map(|p| view! { <th scope="col" class="letters">{p.name.clone()}</th> })
        .collect_view();
    let columns = raci.parties.len() + 3;
    // The owner's name, as the editor's owner columns show it.
    // A missing after-hours owner is a gap only where the function runs around the clock.
    let owner = move |id: Option<u32>, needed: bool, label: &'static str| {
        let (name, class) = match id.and_then(|id| raci.party(id)) {
            Some(p) => (p.name.clone(), "owner"),
            None if needed => ("Not named".to_owned(), "owner muted"),
            None => ("Not needed".to_owned(), "owner muted"),
        };
        view! { <td class=class data-label=label>{name}</td> }
    };
    let body = raci
        .categories
        .iter()
        .map(|cat| {
            let rows = raci
                .functions_in(cat.id)
                .map(|f| {
                    let cells = raci
                        .parties
                        .iter()
                        .map(|p| {
                            let letters = f.letters(p.id);
                            // A party with no role is left out of a phone's card.
                            let class = if letters.is_empty() {
                                "letters none"
                            } else {
                                "letters"
                            };
                            view! {
                                <td class=class data-label=p.name.clone()>
                                    {letters.label()}
                                </td>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{f.name.clone()}</th>
                            {cells}
                            {owner(f.day_owner, true, "Business hours")}
                            {owner(f.night_owner, f.marks.around_clock, "After hours")}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tr class="group-row">
                    <th scope="colgroup" colspan=columns.to_string()>
                        {cat.name.clone()}
                    </th>
                </tr>
                {rows}
            }
        })
        .collect_view();
    let stored = StoredValue::new(doc.clone());
    let build =
        Callback::new(move |()| Ok(stored.get_value().into_workspace(fresh_id(), now_ms())));
    view! {
        <section class="panel" aria-labelledby="shared-raci-title">
            <h2 id="shared-raci-title">{doc.name.clone()}</h2>
            <p>{score}</p>
            // Above the matrix, which runs many screens on a phone.
            <SaveAsNew make=build then=Route::Raci />
            <div class="table-scroll" tabindex="0" role="region" aria-label="RACI matrix table">
                <table class="shared-table stacked">
                    <thead>
                        <tr>
                            <th scope="col">"Function"</th>
                            {head}
                            <th scope="col">"Business hours"</th>
                            <th scope="col">"After hours"</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <Findings findings=report.findings />
        </section>
    }
}

/// Each finding with its fix: what a colleague reviewing the matrix should raise before
/// it goes into a Statement of Work. Findings with the same fix (six functions with no P1
/// path) share one statement of it.
#[component]
fn Findings(findings: Vec<checks::Finding>) -> impl IntoView {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for f in findings {
        match groups.iter_mut().find(|(fix, _)| *fix == f.fix) {
            Some((_, whats)) => whats.push(f.what),
            None => groups.push((f.fix, vec![f.what])),
        }
    }
    (!groups.is_empty()).then(|| {
        let items = groups
            .into_iter()
            .map(|(fix, whats)| {
                let whats = whats
                    .into_iter()
                    .map(|w| view! { <p>{w}</p> })
                    .collect_view();
                view! {
                    <li>
                        {whats}
                        <p class="muted">{fix}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>"What the checks found"</h3>
            <ul class="shared-findings">{items}</ul>
        }
    })
}
