//! The alternatives to the quotes: fully managed IT and hiring, priced over the same terms, and
//! what each costs beside every quote.

use leptos::prelude::*;

use super::fields::{MoneyField, PercentField};
use super::fmt::{money, us_bands, Figure};
use super::hires::HireList;
use super::{currency, doc, typed, Cmp};
use crate::browser::state::Lib;
use crate::components::by_content::{by_content, column_heads, labelled_row, Cell, Row};
use crate::domain::pricing::compare::Comparison;
use crate::domain::pricing::edit::PricingEdit;
use crate::domain::pricing::money::{Cents, Currency};
use crate::domain::pricing::quote::MAX_ESCALATOR;
use crate::domain::text::months;

/// Fully managed IT and hiring, priced over the same terms as the quotes.
#[component]
pub fn AlternativesPanel() -> impl IntoView {
    let lib = Lib::get();
    let doc = doc();
    let cmp = expect_context::<Cmp>().0;
    let cur = currency(lib);
    let managed = Memo::new(move |_| lib.0.with(|l| l.active().pricing.managed.clone()));
    let raise = Memo::new(move |_| lib.0.with(|l| l.active().pricing.in_house.raise_bps));
    let term = move || cmp.with(|c| c.alt_term);
    let figures = move |pick: fn(&Comparison) -> (Cents, Cents)| {
        view! {
            <dl class="figures">
                <Figure
                    label="Year 1"
                    value=Signal::derive(move || money(cur.get(), cmp.with(pick).0))
                />
                <Figure
                    label=Signal::derive(move || format!("Over {}", months(term())))
                    value=Signal::derive(move || money(cur.get(), cmp.with(pick).1))
                />
            </dl>
        }
    };
    view! {
        <section class="panel alternatives" aria-labelledby="alt-title">
            <h2 id="alt-title">"Alternatives"</h2>
            <div class="alt-grid">
                <div class="alt" role="group" aria-labelledby="fm-title">
                    <h3 id="fm-title">"Fully managed"</h3>
                    <p class="hint">
                        "The MSP runs all of IT. An estimate from the per-user rate, for the same \
                            users and growth."
                    </p>
                    <div class="no-print">
                        <MoneyField
                            label="Rate per user a month"
                            value=Signal::derive(move || managed.with(|m| m.rate))
                            on_change=Callback::new(move |v| typed(
                                doc,
                                "managed-rate",
                                PricingEdit::ManagedRate(v),
                            ))
                            currency=cur
                            hint=Signal::derive(move || us_bands(
                                "Market band: $125 to $250 per user a month.",
                                cur.get(),
                            ))
                        />
                        <PercentField
                            label="Annual price escalator"
                            value=Signal::derive(move || managed.with(|m| m.escalator_bps))
                            on_change=Callback::new(move |v| typed(
                                doc,
                                "managed-escalator",
                                PricingEdit::ManagedEscalator(v),
                            ))
                            min=0
                            max=MAX_ESCALATOR
                        />
                    </div>
                    {figures(|c| (c.managed.year1(), c.managed.total))}
                </div>
                <div class="alt" role="group" aria-labelledby="ih-title">
                    <h3 id="ih-title">"In-house"</h3>
                    <p class="hint">
                        "Hiring instead: salary, benefits load, tools, and the months it takes to \
                            hire."
                    </p>
                    <HireList />
                    <div class="no-print">
                        <PercentField
                            label="Yearly pay rise"
                            value=Signal::derive(move || raise.get())
                            on_change=Callback::new(move |v| typed(
                                doc,
                                "pay-rise",
                                PricingEdit::PayRise(v),
                            ))
                            min=0
                            max=MAX_ESCALATOR
                        />
                    </div>
                    {figures(|c| (c.in_house.year1(), c.in_house.total))}
                    <ul class="notes">
                        {move || {
                            cmp.with(|c| {
                                c.in_house_notes
                                    .iter()
                                    .map(|n| view! { <li>{n.clone()}</li> })
                                    .collect_view()
                            })
                        }}
                    </ul>
                </div>
            </div>
            <DifferenceTable />
        </section>
    }
}

fn difference(cur: Currency, d: Cents) -> String {
    match d.cmp(&0) {
        std::cmp::Ordering::Greater => format!("{} more", money(cur, d)),
        std::cmp::Ordering::Less => format!("{} less", money(cur, d.saturating_neg())),
        std::cmp::Ordering::Equal => "the same".to_owned(),
    }
}

/// The same-term table's columns, and which of them hold figures.
const DIFFERENCES: [&str; 7] = [
    "Quote",
    "Term (months)",
    "Quote total",
    "Fully managed",
    "Fully managed costs",
    "In-house",
    "In-house costs",
];
const DIFFERENCES_NUM: [bool; 7] = [false, true, true, true, false, true, false];

fn difference_row(cells: Row) -> AnyView {
    labelled_row(cells, &DIFFERENCES)
}

/// For each quote, what the alternatives cost over that quote's own term.
#[component]
fn DifferenceTable() -> impl IntoView {
    let cmp = expect_context::<Cmp>().0;
    let rows = move || {
        cmp.with(|c| {
            let cur = c.currency;
            // A quote with no price yet has nothing to compare.
            c.ranked()
                .into_iter()
                .filter(|q| q.rank.is_some())
                .map(|q| {
                    vec![
                        Cell::Head(q.name.clone()),
                        Cell::num(q.term.to_string()),
                        Cell::num(money(cur, q.totals.total)),
                        Cell::num(money(cur, q.managed.total)),
                        Cell::Data(None, difference(cur, q.managed_difference())),
                        Cell::num(money(cur, q.in_house.total)),
                        Cell::Data(None, difference(cur, q.in_house_difference())),
                    ]
                })
                .collect()
        })
    };
    view! {
        <Show when=move || cmp.with(|c| c.ranked_count() > 0)>
            <div class="table-scroll" role="region" aria-labelledby="diff-caption" tabindex="0">
                <table class="differences stacked">
                    <caption id="diff-caption">"Over the same term as each quote"</caption>
                    <thead>{column_heads(DIFFERENCES, DIFFERENCES_NUM)}</thead>
                    <tbody>{by_content(rows, difference_row)}</tbody>
                </table>
            </div>
        </Show>
    }
}
