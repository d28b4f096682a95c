//! The comparison: what the figures are for, the quotes ranked by total contract value, the
//! charts and the cost per contract year.

use leptos::prelude::*;

use super::charts::{BreakdownChart, YearChart};
use super::fmt::{count, maybe_money, money};
use super::{Cmp, KnockedOut};
use crate::browser::state::Lib;
use crate::components::by_content::{by_content, column_heads, labelled_row, Cell, Row};
use crate::components::typing::RefusedFields;
use crate::domain::pricing::compare::{Comparison, QuoteView};
use crate::domain::pricing::money::{percent_text, Currency};
use crate::domain::pricing::quote::MAX_TERM;
use crate::domain::pricing::summary::summary;
use crate::domain::route::Route;

/// The quotes side by side, ranked by total contract value, with the charts.
#[component]
pub fn ResultsPanel() -> impl IntoView {
    let cmp = expect_context::<Cmp>().0;
    let knocked = expect_context::<KnockedOut>().0;
    let has_quotes = move || cmp.with(|c| !c.quotes.is_empty());
    let summary_line =
        move || cmp.with(|c| knocked.with(|k| summary(c, k, |n| money(c.currency, n))));
    // Charts of nothing but zeros only show a meaningless axis.
    let has_price = move || cmp.with(|c| c.quotes.iter().any(|q| q.totals.total > 0));
    view! {
        <section class="panel results" aria-labelledby="results-title">
            <h2 id="results-title">"Comparison"</h2>
            <Context />
            <RefusedFields carries="the figures use" />
            <Show
                when=has_quotes
                fallback=|| view! { <p class="empty">"Add a quote to see the comparison."</p> }
            >
                <p class="summary" aria-live="polite">
                    {summary_line}
                </p>
                <Show when=move || cmp.with(Comparison::terms_differ)>
                    <p class="advice">
                        "The quotes run for different terms, so compare the yearly figures too, not only the totals."
                    </p>
                </Show>
                <RankingTable />
                <Show
                    when=has_price
                    fallback=|| {
                        view! { <p class="empty">"The charts appear once a quote has a price."</p> }
                    }
                >
                    <h3>"Where the money goes"</h3>
                    <BreakdownChart />
                    <h3>"Year by year"</h3>
                    <YearChart />
                </Show>
                <YearTable />
            </Show>
            <crate::components::brief_link::BriefLink />
        </section>
    }
}

/// "1 server", "1.200 users": a count in the buyer's locale, with its noun.
fn counted(n: u32, one: &str, many: &str) -> String {
    format!("{} {}", count(n), if n == 1 { one } else { many })
}

/// The environment the figures are for, in one line (also heads the printout).
#[component]
fn Context() -> impl IntoView {
    let lib = Lib::get();
    let cmp = expect_context::<Cmp>().0;
    let growth = move || lib.0.with(|l| l.active().pricing.env.growth_bps);
    let line = move || {
        cmp.with(|c| {
            let n = c.counts;
            format!(
                "For {}, {}, {} and {}, growing {}% a year. Figures in {}.",
                counted(n.users, "user", "users"),
                counted(n.workstations, "workstation", "workstations"),
                counted(n.servers, "server", "servers"),
                counted(n.network, "network device", "network devices"),
                percent_text(growth()),
                c.currency.code()
            )
        })
    };
    let foreign = move || cmp.with(|c| c.currency != Currency::Usd);
    let duties = Memo::new(move |_| lib.0.with(|l| super::msp_duties(l.active()).len()));
    let raci_line = move || {
        match duties.get() {
        0 => "RACI cross-check: your RACI gives the MSP no functions yet. Fill it in to check each quote's exclusions against who owns what.".to_owned(),
        1 => "RACI cross-check: the one function your RACI gives the MSP is checked against each quote's exclusions.".to_owned(),
        n => format!("RACI cross-check: the {n} functions your RACI gives the MSP are checked against each quote's exclusions."),
    }
    };
    view! {
        <p class="context-line">{line}</p>
        <p class="context-line no-print">
            {raci_line} " " <a href=Route::Raci.href()>"Open the RACI builder"</a>
        </p>
        <Show when=foreign>
            <p class="hint">
                "Benchmark bands are 2026 US market figures in US dollars: read them as a rough \
                    guide in other currencies."
            </p>
        </Show>
    }
}

/// The ranking's columns, and which of them hold figures.
const RANKING: [&str; 10] = [
    "Rank",
    "Provider",
    "Model",
    "Term (months)",
    "Base monthly",
    "All-in year 1",
    "Total contract value",
    "Per user a month",
    "Per device a month",
    "Excluded with no rate",
];
const RANKING_NUM: [bool; 10] = [
    false, false, false, true, true, true, true, true, true, false,
];

fn ranking_row(cells: Row) -> AnyView {
    labelled_row(cells, &RANKING)
}

#[component]
fn RankingTable() -> impl IntoView {
    let cmp = expect_context::<Cmp>().0;
    let knocked = expect_context::<KnockedOut>();
    let rows = move || {
        let name = |q: &QuoteView| {
            if knocked.has(&q.provider) {
                format!("{} (knocked out)", q.name)
            } else {
                q.name.clone()
            }
        };
        cmp.with(|c| {
            let cur = c.currency;
            c.ranked()
                .into_iter()
                .map(|q| {
                    let unknown: Vec<&str> = q.totals.unknown().iter().map(|i| i.label()).collect();
                    vec![
                        Cell::Data(None, q.rank_label()),
                        Cell::Head(name(q)),
                        Cell::Data(None, q.model.label().to_owned()),
                        Cell::num(q.term.to_string()),
                        Cell::num(money(cur, q.totals.base_monthly)),
                        Cell::num(money(cur, q.totals.all_in_year1)),
                        Cell::Data(Some("num strong"), money(cur, q.totals.total)),
                        Cell::num(maybe_money(cur, q.totals.per_user_month)),
                        Cell::num(maybe_money(cur, q.totals.per_device_month)),
                        Cell::Data(
                            None,
                            if unknown.is_empty() {
                                "None".to_owned()
                            } else {
                                unknown.join(", ")
                            },
                        ),
                    ]
                })
                .collect()
        })
    };
    view! {
        <div class="table-scroll" role="region" aria-labelledby="ranking-caption" tabindex="0">
            <table class="ranking stacked">
                <caption id="ranking-caption">
                    "Ranked by total contract value, lowest first"
                </caption>
                <thead>{column_heads(RANKING, RANKING_NUM)}</thead>
                <tbody>{by_content(rows, ranking_row)}</tbody>
            </table>
        </div>
    }
}

/// The yearly table's columns. A contract runs at most `MAX_TERM` months, ten years.
const YEAR_COLUMNS: [&str; 11] = [
    "Provider", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Year 6", "Year 7", "Year 8",
    "Year 9", "Year 10",
];
const _: () = assert!(MAX_TERM as usize <= 12 * (YEAR_COLUMNS.len() - 1));

fn year_row(cells: Row) -> AnyView {
    labelled_row(cells, &YEAR_COLUMNS)
}

/// The year-by-year chart's figures as a table.
#[component]
fn YearTable() -> impl IntoView {
    let cmp = expect_context::<Cmp>().0;
    let years = Memo::new(move |_| cmp.with(|c| c.max_years()));
    let rows = move || {
        cmp.with(|c| {
            let cur = c.currency;
            let n = c.max_years();
            c.quotes
                .iter()
                .map(|q| {
                    let mut cells = vec![Cell::Head(q.name.clone())];
                    cells.extend((0..n).map(|y| {
                        let v = q.totals.years.get(y);
                        let mut text = v.map_or("–".to_owned(), |v| money(cur, v.total()));
                        if let Some(v) = v.filter(|v| v.months < 12) {
                            text.push_str(&format!(" ({} mo)", v.months));
                        }
                        Cell::num(text)
                    }));
                    cells
                })
                .collect()
        })
    };
    view! {
        <div class="table-scroll" role="region" aria-labelledby="years-caption" tabindex="0">
            <table class="years stacked">
                <caption id="years-caption">"Cost per contract year"</caption>
                <thead>
                    <tr>
                        <th scope="col">{YEAR_COLUMNS[0]}</th>
                        {move || {
                            YEAR_COLUMNS[1..]
                                .iter()
                                .take(years.get())
                                .map(|y| view! { <th scope="col" class="num">{*y}</th> })
                                .collect_view()
                        }}
                    </tr>
                </thead>
                <tbody>{by_content(rows, year_row)}</tbody>
            </table>
        </div>
    }
}
