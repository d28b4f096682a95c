//! A pricing comparison opened from a share link: each quote's totals, and saving it.

use leptos::prelude::*;

use super::SaveAsNew;
use crate::browser::clock::{fresh_id, now_ms};
use crate::domain::decision::figures;
use crate::domain::documents::PricingDoc;
use crate::domain::pricing::compare::compare;
use crate::domain::route::Route;
use crate::domain::text::months;
use crate::tools::pricing::fmt::money;

/// A shared pricing comparison: every quote's all-in figures, and saving it.
#[component]
pub fn SharedPricing(doc: PricingDoc) -> impl IntoView {
    // The sender's RACI does not travel with the comparison, so no cross-check here.
    let cmp = compare(&doc.pricing, &doc.profile, &doc.providers, &[]);
    let cur = cmp.currency;
    let rows = cmp
        .ranked()
        .into_iter()
        .map(|q| {
            view! {
                <tr>
                    <td data-label="Rank">{q.rank_label()}</td>
                    <th scope="row">{q.name.clone()}</th>
                    <td data-label="Model">{q.model.label()}</td>
                    <td class="num" data-label="Base a month">
                        {money(cur, q.totals.base_monthly)}
                    </td>
                    <td class="num" data-label="All-in, year 1">
                        {money(cur, q.totals.all_in_year1)}
                    </td>
                    <td class="num" data-label="Total contract">
                        {format!("{} over {}", money(cur, q.totals.total), months(q.term))}
                    </td>
                    // A quote with no price yet keeps a new quote's exclusions: no count.
                    <td class="num" data-label="Excluded with no rate">
                        {if q.rank.is_some() {
                            q.totals.unknown().len().to_string()
                        } else {
                            "–".to_owned()
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let unknown = (cmp.ranked().iter()).any(|q| q.rank.is_some() && !q.totals.unknown().is_empty());
    let stored = StoredValue::new(doc.clone());
    let build =
        Callback::new(move |()| Ok(stored.get_value().into_workspace(fresh_id(), now_ms())));
    view! {
        <section class="panel" aria-labelledby="shared-pricing-title">
            <h2 id="shared-pricing-title">{doc.name.clone()}</h2>
            <p>{figures(&cmp, doc.pricing.env.growth_bps)}</p>
            {unknown
                .then(|| {
                    view! {
                        <p class="notice warning">
                            "Items a quote excludes with no rate are not in its figures: \
                                that quote costs more than shown."
                        </p>
                    }
                })}
            <div class="table-scroll" tabindex="0" role="region" aria-label="Quote totals table">
                // Stacked on a phone, as the shared RACI and scorecard are: seven columns
                // put the year-1 and contract figures off the side of a 390 px screen.
                <table class="shared-table stacked">
                    <thead>
                        <tr>
                            <th scope="col">"Rank"</th>
                            <th scope="col">"Provider"</th>
                            <th scope="col">"Model"</th>
                            <th scope="col">"Base a month"</th>
                            <th scope="col">"All-in, year 1"</th>
                            <th scope="col">"Total contract"</th>
                            <th scope="col">"Excluded with no rate"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <SaveAsNew make=build then=Route::Pricing />
        </section>
    }
}
