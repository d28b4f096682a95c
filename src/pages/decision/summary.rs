//! One row per provider: score and rank, knock-outs, what the quote costs and ranks,
//! unknown costs, the MSP's RACI duties left out of the base price, and open questions.

use leptos::prelude::*;

use super::BriefMemo;
use crate::domain::route::Route;

/// The columns; each cell also carries its column's name (`data-label`) for narrow
/// screens, which stack a provider's row.
const HEADINGS: [&str; 9] = [
    "Provider",
    "Score (rank)",
    "Knock-outs",
    "Total contract value (rank)",
    "All-in year 1 (rank)",
    "Per user a month",
    "Unknown costs",
    "MSP duties not in the base price",
    "Questions",
];

#[component]
pub fn SummaryPanel() -> impl IntoView {
    let brief = expect_context::<BriefMemo>().0;
    let basis = move || brief.with(|b| format!("Scores are {}. {}", b.basis, b.figures));
    let rows = move || {
        brief.with(|b| {
            let (cur, ranked, priced) = (b.currency, b.ranked(), b.priced());
            b.rows
                .iter()
                .map(|r| {
                    let out = if r.knocked_out() { "knocked-out" } else { "" };
                    let cells = [
                        r.score_text(ranked),
                        r.knock_out_text(),
                        r.total_text(cur, priced),
                        r.year1_text(cur, priced),
                        r.per_user_text(cur),
                        r.unknown_text(),
                        r.gaps_text(),
                    ];
                    view! {
                        <tr class=out>
                            <th scope="row">{r.provider.name.clone()}</th>
                            {cells
                                .into_iter()
                                .zip(&HEADINGS[1..])
                                .map(|(c, h)| view! { <td data-label=*h>{c}</td> })
                                .collect_view()}
                            <td class="num" data-label=HEADINGS[8]>{r.questions}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let empty = move || brief.with(|b| b.rows.is_empty());
    view! {
        <section class="panel" aria-labelledby="summary-title">
            <h2 id="summary-title">"Providers side by side"</h2>
            <Show
                when=move || !empty()
                fallback=|| {
                    view! {
                        <p>
                            "No providers yet. Add them in the "
                            <a href=Route::Scorecard.href()>"scorecard"</a> " or the "
                            <a href=Route::Pricing.href()>"pricing comparison"</a> "."
                        </p>
                    }
                }
            >
                <p class="basis">{basis}</p>
                <div
                    class="table-scroll"
                    role="region"
                    aria-label="Providers table"
                    tabindex="0"
                >
                    <table class="brief-table stacked" aria-labelledby="summary-title">
                        <thead>
                            <tr>
                                {HEADINGS
                                    .map(|h| view! { <th scope="col">{h}</th> })
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
