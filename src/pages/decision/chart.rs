//! Value for money: score (up) against total contract value (across), the best-value
//! line through the providers nothing beats on both, knocked-out providers crossed out.
//! The list under the chart says the same in words. Colours come from CSS classes (the
//! CSP forbids style attributes).

use leptos::prelude::*;

use super::BriefMemo;
use crate::domain::decision::frontier::Point;
use crate::domain::pricing::money::Currency;

const W: f64 = 640.0;
const H: f64 = 320.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 44.0;

/// A coordinate for an SVG attribute.
fn n(v: f64) -> String {
    format!("{v:.1}")
}

/// The visible span of an axis: the values with a quarter of their spread either side.
fn span(values: impl Iterator<Item = f64>, floor: f64, ceil: f64) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(v), h.max(v)));
    if lo > hi {
        return (floor, ceil);
    }
    let pad = ((hi - lo) * 0.25).max(hi.abs() * 0.05).max(1.0);
    ((lo - pad).max(floor), (hi + pad).min(ceil))
}

/// "$257k", "$1.2M".
fn compact(cur: Currency, cents: f64) -> String {
    let major = cents / 100.0;
    let sym = cur.symbol();
    if major >= 1_000_000.0 {
        format!("{sym}{:.1}M", major / 1_000_000.0)
    } else if major >= 1_000.0 {
        format!("{sym}{:.0}k", major / 1_000.0)
    } else {
        format!("{sym}{major:.0}")
    }
}

fn short(name: &str) -> String {
    if name.chars().count() > 24 {
        format!("{}…", name.chars().take(23).collect::<String>())
    } else {
        name.to_owned()
    }
}

/// Round values from below `lo` to above `hi`: steps of 1, 2 or 5 times a power of ten,
/// about four of them, so the gridlines land on amounts a reader can use.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let raw = ((hi - lo) / 4.0).max(1e-9);
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let (first, last) = ((lo / step).floor(), (hi / step).ceil());
    (0..=(last - first) as i64)
        .map(|i| (first + i as f64) * step)
        .collect()
}

struct Scale {
    xs: Vec<f64>,
    ys: Vec<f64>,
}

impl Scale {
    fn new(points: &[Point]) -> Scale {
        let (x0, x1) = span(points.iter().map(|p| p.cost as f64), 0.0, f64::MAX);
        let (y0, y1) = span(points.iter().map(|p| p.score), 0.0, 100.0);
        Scale {
            xs: ticks(x0, x1),
            ys: ticks(y0, y1),
        }
    }
    fn ends(v: &[f64]) -> (f64, f64) {
        (v[0], v[v.len() - 1])
    }
    fn px(&self, cost: f64) -> f64 {
        let (lo, hi) = Self::ends(&self.xs);
        LEFT + (cost - lo) / (hi - lo) * (W - LEFT - RIGHT)
    }
    fn py(&self, score: f64) -> f64 {
        let (lo, hi) = Self::ends(&self.ys);
        H - BOTTOM - (score - lo) / (hi - lo) * (H - TOP - BOTTOM)
    }
}

fn axes(s: &Scale, cur: Currency) -> impl IntoView {
    let across =
        s.xs.iter()
            .map(|&cost| {
                let x = s.px(cost);
                view! {
                    <line class="chart-grid" x1=n(x) x2=n(x) y1=n(TOP) y2=n(H - BOTTOM) />
                    <text class="chart-label" x=n(x) y=n(H - BOTTOM + 16.0) text-anchor="middle">
                        {compact(cur, cost)}
                    </text>
                }
            })
            .collect_view();
    let up =
        s.ys.iter()
            .map(|&score| {
                let y = s.py(score);
                view! {
                    <line class="chart-grid" x1=n(LEFT) x2=n(W - RIGHT) y1=n(y) y2=n(y) />
                    <text class="chart-label" x=n(LEFT - 6.0) y=n(y + 4.0) text-anchor="end">
                        {format!("{score:.0}")}
                    </text>
                }
            })
            .collect_view();
    view! {
        {across}
        {up}
        <text class="chart-label" x=n((W + LEFT - RIGHT) / 2.0) y=n(H - 6.0) text-anchor="middle">
            "Total contract value"
        </text>
        <text class="chart-label" x=n(LEFT) y=n(TOP - 4.0)>
            "Score"
        </text>
    }
}

fn marks(s: &Scale, points: &[Point], name: &dyn Fn(&str) -> String) -> impl IntoView {
    points
        .iter()
        .map(|p| {
            let (x, y) = (s.px(p.cost as f64), s.py(p.score));
            let label = short(&name(&p.provider));
            let anchor = if x > W * 0.7 { "end" } else { "start" };
            let lx = if anchor == "end" { x - 10.0 } else { x + 10.0 };
            let mark = if p.knocked_out {
                view! {
                    <g class="ko-mark">
                        <line x1=n(x - 6.0) x2=n(x + 6.0) y1=n(y - 6.0) y2=n(y + 6.0) />
                        <line x1=n(x - 6.0) x2=n(x + 6.0) y1=n(y + 6.0) y2=n(y - 6.0) />
                    </g>
                }
                .into_any()
            } else {
                view! { <circle class="pick-mark" cx=n(x) cy=n(y) r="6" /> }.into_any()
            };
            let label = if p.knocked_out {
                format!("{label} (knocked out)")
            } else {
                label
            };
            view! {
                {mark}
                <text class="chart-label point-label" x=n(lx) y=n(y - 8.0) text-anchor=anchor>
                    {label}
                </text>
            }
        })
        .collect_view()
}

#[component]
pub fn ValuePanel() -> impl IntoView {
    let brief = expect_context::<BriefMemo>().0;
    let chart = move || {
        brief.with(|b| {
            let points = &b.placement.points;
            if points.is_empty() {
                return None;
            }
            let s = Scale::new(points);
            let line: Vec<String> = b
                .frontier
                .providers
                .iter()
                .filter_map(|id| points.iter().find(|p| p.provider == *id))
                .map(|p| format!("{:.1},{:.1}", s.px(p.cost as f64), s.py(p.score)))
                .collect();
            let name = |id: &str| b.name(id).to_owned();
            Some(view! {
                <svg
                    class="value-chart"
                    viewBox=format!("0 0 {W} {H}")
                    role="img"
                    aria-labelledby="value-title"
                    aria-describedby="value-lines"
                >
                    {axes(&s, b.currency)}
                    <polyline class="frontier" points=line.join(" ") />
                    {marks(&s, points, &name)}
                </svg>
            })
        })
    };
    let lines = move || {
        brief.with(|b| {
            b.value_lines()
                .into_iter()
                .map(|l| view! { <li>{l}</li> })
                .collect_view()
        })
    };
    view! {
        <section class="panel value" aria-labelledby="value-title">
            <h2 id="value-title">"Value for money"</h2>
            <p class="hint">
                "Higher is better, further left is cheaper. The line joins the providers that \
                    no other choosable provider beats on both score and price."
            </p>
            <crate::components::scroll_hint::ScrollHint />
            <figure
                class="chart-figure"
                tabindex="0"
                aria-label="Value chart (scrolls sideways on a narrow screen)"
            >
                {chart}
            </figure>
            <ul id="value-lines" class="rec-lines">
                {lines}
            </ul>
        </section>
    }
}
