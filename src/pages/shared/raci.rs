//! A RACI matrix opened from a share link: the matrix read-only, its check score, and saving it.

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
    let columns = raci.parties.len() + 1;
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
                        .map(|p| view! { <td class="letters">{f.letters(p.id).label()}</td> })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{f.name.clone()}</th>
                            {cells}
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
            <div class="table-scroll" tabindex="0" role="region" aria-label="RACI matrix table">
                <table class="shared-table">
                    <thead>
                        <tr>
                            <th scope="col">"Function"</th>
                            {head}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <SaveAsNew make=build then=Route::Raci />
        </section>
    }
}
