//! Two SVG charts drawn from the comparison. Colours come from CSS classes (the CSP
//! forbids style attributes); the tables beside them carry the same figures in text.

use leptos::prelude::*;

use super::fmt::{compact, money};
use super::Cmp;
use crate::domain::pricing::compare::QuoteView;
use crate::domain::pricing::money::Cents;

const WIDTH: f64 = 640.0;
/// Distinct series colours before they repeat.
const SERIES: usize = 8;

/// The kinds of cost a total is made of, with their chart class.
const PARTS: [(&str, &str); 5] = [
    ("seg-service", "Base service"),
    ("seg-platform", "Platform fee"),
    ("seg-overage", "Block-hour overage"),
    ("seg-extras", "Excluded items at rate card prices"),
    ("seg-onboarding", "Onboarding"),
];

fn parts(q: &QuoteView) -> [Cents; 5] {
    let mut out: [Cents; 5] = [0; 5];
    for y in &q.totals.years {
        for (slot, v) in
            out.iter_mut()
                .zip([y.service, y.platform, y.overage, y.extras, y.onboarding])
        {
            *slot = slot.saturating_add(v);
        }
    }
    out
}

/// A round top for an axis, so the four gridlines land on round amounts: the
/// smallest of 1, 2, 4, 6, 8 or 10 times a power of ten that reaches `v`.
fn nice_max(v: Cents) -> Cents {
    if v <= 0 {
        return 100;
    }
    let mut p: Cents = 1;
    while p.saturating_mul(10) <= v {
        p *= 10;
    }
    [1, 2, 4, 6, 8, 10]
        .into_iter()
        .map(|m| p.saturating_mul(m))
        .find(|&top| top >= v)
        .unwrap_or(v)
}

/// Pixels for an amount on a scale whose full width is `max` (display only).
fn scale(v: Cents, max: Cents, px: f64) -> f64 {
    if max <= 0 {
        0.0
    } else {
        (v as f64 / max as f64 * px).max(0.0)
    }
}

fn short(name: &str) -> String {
    if name.chars().count() > 18 {
        format!("{}…", name.chars().take(17).collect::<String>())
    } else {
        name.to_owned()
    }
}

/// Each quote's total contract value as a bar split by kind of cost.
#[component]
pub fn BreakdownChart() -> impl IntoView {
    let cmp = expect_context::<Cmp>().0;
    let (left, right) = (150.0, WIDTH - 10.0);
    let chart = move || {
        cmp.with(|c| {
            let cur = c.currency;
            let ranked = c.ranked();
            let max = nice_max(ranked.iter().map(|q| q.totals.total).max().unwrap_or(0));
            let row = 34.0;
            let height = 12.0 + row * ranked.len() as f64 + 24.0;
            let bars = ranked
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    let y = 10.0 + row * i as f64;
                    let mut x = left;
                    let segs = parts(q)
                        .into_iter()
                        .zip(PARTS)
                        .filter(|(v, _)| *v > 0)
                        .map(|(v, (class, _))| {
                            let w = scale(v, max, right - left);
                            let rect = view! {
                                <rect
                                    class=class
                                    x=format!("{x:.1}")
                                    y=format!("{:.1}", y + 4.0)
                                    width=format!("{w:.1}")
                                    height="22"
                                />
                            };
                            x += w;
                            rect
                        })
                        .collect_view();
                    view! {
                        <text
                            class="chart-label"
                            x=format!("{:.1}", left - 8.0)
                            y=format!("{:.1}", y + 20.0)
                            text-anchor="end"
                        >
                            {short(&q.name)}
                        </text>
                        {segs}
                    }
                })
                .collect_view();
            let axis_y = 10.0 + row * ranked.len() as f64 + 6.0;
            let ticks = (0..=4)
                .map(|t| {
                    let x = left + (right - left) * t as f64 / 4.0;
                    let anchor = match t {
                        0 => "start",
                        4 => "end",
                        _ => "middle",
                    };
                    view! {
                        <line
                            class="chart-grid"
                            x1=format!("{x:.1}")
                            x2=format!("{x:.1}")
                            y1="8"
                            y2=format!("{axis_y:.1}")
                        />
                        <text
                            class="chart-axis"
                            x=format!("{x:.1}")
                            y=format!("{:.1}", axis_y + 14.0)
                            text-anchor=anchor
                        >
                            {compact(cur, max * t / 4)}
                        </text>
                    }
                })
                .collect_view();
            let label = ranked
                .iter()
                .map(|q| format!("{}: {}", q.name, money(cur, q.totals.total)))
                .collect::<Vec<_>>()
                .join("; ");
            view! {
                <svg
                    class="chart"
                    viewBox=format!("0 0 {WIDTH} {height:.0}")
                    role="img"
                    aria-label=format!("Total contract value by kind of cost. {label}.")
                >
                    {ticks}
                    {bars}
                </svg>
            }
        })
    };
    let legend = PARTS
        .into_iter()
        .map(|(class, label)| {
            view! {
                <li>
                    <span class=format!("swatch {class}") aria-hidden="true"></span>
                    {label}
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="chart-figure" tabindex="0">
            {chart}
            <figcaption>
                <ul class="legend">{legend}</ul>
            </figcaption>
        </figure>
    }
}

/// What each quote costs in each contract year, bars grouped by year.
#[component]
pub fn YearChart() -> impl IntoView {
    let cmp = expect_context::<Cmp>().0;
    let (left, right, top, bottom) = (64.0, WIDTH - 10.0, 10.0, 210.0);
    let chart = move || {
        cmp.with(|c| {
            let cur = c.currency;
            let years = c.max_years().max(1);
            let n = c.quotes.len().max(1);
            let max = nice_max(
                c.quotes
                    .iter()
                    .flat_map(|q| q.totals.years.iter().map(|y| y.total()))
                    .max()
                    .unwrap_or(0),
            );
            let group = (right - left) / years as f64;
            let bar = group * 0.8 / n as f64;
            let bars = c
                .quotes
                .iter()
                .enumerate()
                .flat_map(|(i, q)| {
                    q.totals.years.iter().enumerate().map(move |(k, y)| {
                        let h = scale(y.total(), max, bottom - top);
                        let x = left + group * k as f64 + group * 0.1 + bar * i as f64;
                        view! {
                            <rect
                                class=format!("series-{}", i % SERIES)
                                x=format!("{x:.1}")
                                y=format!("{:.1}", bottom - h)
                                width=format!("{:.1}", (bar - 2.0).max(1.0))
                                height=format!("{h:.1}")
                            />
                        }
                    })
                })
                .collect_view();
            let ticks = (0..=4)
                .map(|t| {
                    let y = bottom - (bottom - top) * t as f64 / 4.0;
                    view! {
                        <line
                            class="chart-grid"
                            x1=format!("{left:.1}")
                            x2=format!("{right:.1}")
                            y1=format!("{y:.1}")
                            y2=format!("{y:.1}")
                        />
                        <text
                            class="chart-axis"
                            x=format!("{:.1}", left - 6.0)
                            y=format!("{:.1}", y + 4.0)
                            text-anchor="end"
                        >
                            {compact(cur, max * t / 4)}
                        </text>
                    }
                })
                .collect_view();
            let labels = (0..years)
                .map(|k| {
                    let x = left + group * (k as f64 + 0.5);
                    view! {
                        <text
                            class="chart-axis"
                            x=format!("{x:.1}")
                            y=format!("{:.1}", bottom + 18.0)
                            text-anchor="middle"
                        >
                            {format!("Year {}", k + 1)}
                        </text>
                    }
                })
                .collect_view();
            view! {
                <svg
                    class="chart"
                    viewBox=format!("0 0 {WIDTH} 236")
                    role="img"
                    aria-label="Cost of each quote per contract year; the table below has the \
                    figures."
                >
                    {ticks}
                    {bars}
                    {labels}
                </svg>
            }
        })
    };
    let legend = move || {
        cmp.with(|c| {
            c.quotes
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    view! {
                        <li>
                            <span
                                class=format!("swatch series-{}", i % SERIES)
                                aria-hidden="true"
                            ></span>
                            {q.name.clone()}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <figure class="chart-figure" tabindex="0">
            {chart}
            <figcaption>
                <ul class="legend">{legend}</ul>
            </figcaption>
        </figure>
    }
}
