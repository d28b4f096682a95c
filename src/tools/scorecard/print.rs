//! The printable scorecard report: a comparison page, then one page per provider.

use leptos::prelude::*;

use crate::browser::clock::{format_time, now_ms};
use crate::browser::state::Lib;
use crate::domain::scorecard::scoring::{display_shares, results, Place, Results, Standing};
use crate::domain::scorecard::sensitivity::points;
use crate::domain::scorecard::Scorecard;
use crate::domain::workspace::Workspace;

/// The printable report: a comparison page, then one page per provider. On screen it
/// is the print preview; `@media print` hides everything else.
#[component]
pub fn PrintView() -> impl IntoView {
    let lib = Lib::get();
    view! {
        <div class="sc-print" aria-label="Print preview" role="region">
            {move || lib.0.with(|l| report(l.active()))}
        </div>
    }
}

fn report(ws: &Workspace) -> AnyView {
    let sc = &ws.scorecard;
    let r = results(sc, &ws.providers);
    let who = if sc.evaluator.trim().is_empty() {
        String::new()
    } else {
        format!(" · Evaluator: {}", sc.evaluator.trim())
    };
    let pages = r
        .standings
        .iter()
        .map(|s| provider_page(sc, &r, s))
        .collect_view();
    view! {
        <section class="sc-print-page">
            <h3>{format!("Provider comparison: {}", ws.display_name())}</h3>
            <p class="hint">{format!("Printed {}{who}", format_time(now_ms()))}</p>
            <p>
                <strong>{r.sensitivity.line()}</strong>
            </p>
            <p>{r.sensitivity.weight_line()}</p>
            <table class="sc-table">
                <caption>"Ranking"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Rank"</th>
                        <th scope="col">"Provider"</th>
                        <th scope="col" class="num">"Total"</th>
                        <th scope="col" class="num">"Lead over next"</th>
                        <th scope="col">"Knock-outs"</th>
                    </tr>
                </thead>
                <tbody>
                    {r
                        .standings
                        .iter()
                        .map(|s| {
                            view! {
                                <tr>
                                    <td>
                                        {s
                                            .rank()
                                            .map(|n| n.to_string())
                                            .unwrap_or_else(|| "–".into())}
                                    </td>
                                    <th scope="row">{s.provider.name.clone()}</th>
                                    <td class="num">
                                        {s.total.map(points).unwrap_or_else(|| "–".into())}
                                    </td>
                                    <td class="num">
                                        {s.margin.map(points).unwrap_or_else(|| "–".into())}
                                    </td>
                                    <td>{s.knock_outs.join("; ")}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <table class="sc-table">
                <caption>"Subtotals by group (0 to 100)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Group"</th>
                        {r
                            .standings
                            .iter()
                            .map(|s| s.provider.name.clone())
                            .map(|name| view! { <th scope="col" class="num">{name}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {r
                        .groups
                        .iter()
                        .enumerate()
                        .map(|(g, name)| {
                            view! {
                                <tr>
                                    <th scope="row">{name.clone()}</th>
                                    {r
                                        .standings
                                        .iter()
                                        .map(|s| {
                                            view! {
                                                <td class="num">
                                                    {s
                                                        .groups
                                                        .get(g)
                                                        .copied()
                                                        .flatten()
                                                        .map(points)
                                                        .unwrap_or_else(|| "–".into())}
                                                </td>
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
        {pages}
    }
    .into_any()
}

fn provider_page(sc: &Scorecard, r: &Results, s: &Standing) -> impl IntoView {
    let ordered = sc.ordered();
    let shares = display_shares(&ordered.iter().map(|c| c.weight.get()).collect::<Vec<_>>());
    let place = match &s.place {
        Place::Ranked(n) => format!("Rank {n} of {}", r.ranked().count()),
        Place::KnockedOut => "Disqualified".to_owned(),
        Place::NotScored => "Not scored yet".to_owned(),
    };
    let rows = ordered
        .iter()
        .zip(shares)
        .map(|(c, share)| {
            let cell = sc.cell(&s.provider.id, &c.id).cloned().unwrap_or_default();
            let agreed = sc
                .agreed(&s.provider.id, &c.id)
                .map(|a| format!(" (agreed {})", a.label()))
                .unwrap_or_default();
            view! {
                <tr>
                    <td>{c.group.clone()}</td>
                    <th scope="row">{c.name.clone()}</th>
                    <td class="num">{format!("{share:.1}%")}</td>
                    <td class="num">
                        {format!(
                            "{}{agreed}",
                            cell.score.map(|x| x.label()).unwrap_or_else(|| "–".into()),
                        )}
                    </td>
                    <td>{cell.note}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="sc-print-page">
            <h3>{s.provider.name.clone()}</h3>
            <p>
                <strong>
                    {format!(
                        "Total {} · {place}",
                        s.total.map(points).unwrap_or_else(|| "–".into()),
                    )}
                </strong>
            </p>
            {(!s.knock_outs.is_empty())
                .then(|| {
                    view! {
                        <p class="sc-ko-status out">
                            {format!("Knock-outs: {}", s.knock_outs.join("; "))}
                        </p>
                    }
                })}
            <p class="hint">
                {r
                    .groups
                    .iter()
                    .zip(&s.groups)
                    .map(|(g, v)| format!("{g}: {}", v.map(points).unwrap_or_else(|| "–".into())))
                    .collect::<Vec<_>>()
                    .join(" · ")}
            </p>
            <table class="sc-table">
                <caption>{format!("Scores for {}", s.provider.name)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Group"</th>
                        <th scope="col">"Criterion"</th>
                        <th scope="col" class="num">"Share"</th>
                        <th scope="col" class="num">"Score"</th>
                        <th scope="col">"Note"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
