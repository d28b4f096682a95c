//! Value for money: score (up) against total contract value (across), the best-value
//! line through the providers nothing beats on both, knocked-out providers crossed out.
//! The list under the chart says the same in words. Colours come from CSS classes (the
//! CSP forbids style attributes).

use leptos::prelude::*;

use super::BriefMemo;
use crate::domain::decision::frontier::Point;
use crate::domain::decision::Brief;
use crate::domain::pricing::money::Currency;

/// The chart's drawing area in SVG units. Labels are 13 units: drawn at its width, a
/// frame keeps them near 13 px, so a phone gets a frame of its own instead of a wide
/// chart shrunk to unreadable labels or scrolled sideways past half the providers.
struct Frame {
    w: f64,
    h: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    /// The longest provider name shown in full beside its mark.
    name_chars: usize,
    /// A label goes to the left of its mark beyond this share of the width.
    flip: f64,
    class: &'static str,
}

const WIDE: Frame = Frame {
    w: 640.0,
    h: 320.0,
    left: 56.0,
    right: 24.0,
    top: 24.0,
    bottom: 44.0,
    name_chars: 24,
    flip: 0.7,
    class: "value-chart wide",
};

/// For a phone (about 300 px inside the panel at 360): CSS swaps it in below 40rem.
const NARROW: Frame = Frame {
    w: 330.0,
    h: 320.0,
    left: 40.0,
    right: 22.0,
    top: 24.0,
    bottom: 44.0,
    name_chars: 18,
    flip: 0.55,
    class: "value-chart narrow",
};

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

fn short(name: &str, max: usize) -> String {
    if name.chars().count() > max {
        format!("{}…", name.chars().take(max - 1).collect::<String>())
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
    f: &'static Frame,
    xs: Vec<f64>,
    ys: Vec<f64>,
}

impl Scale {
    fn new(f: &'static Frame, points: &[Point]) -> Scale {
        let (x0, x1) = span(points.iter().map(|p| p.cost as f64), 0.0, f64::MAX);
        let (y0, y1) = span(points.iter().map(|p| p.score), 0.0, 100.0);
        Scale {
            f,
            xs: ticks(x0, x1),
            ys: ticks(y0, y1),
        }
    }
    fn ends(v: &[f64]) -> (f64, f64) {
        (v[0], v[v.len() - 1])
    }
    fn px(&self, cost: f64) -> f64 {
        let (lo, hi) = Self::ends(&self.xs);
        let f = self.f;
        f.left + (cost - lo) / (hi - lo) * (f.w - f.left - f.right)
    }
    fn py(&self, score: f64) -> f64 {
        let (lo, hi) = Self::ends(&self.ys);
        let f = self.f;
        f.h - f.bottom - (score - lo) / (hi - lo) * (f.h - f.top - f.bottom)
    }
}

fn axes(s: &Scale, cur: Currency) -> impl IntoView {
    let f = s.f;
    let across =
        s.xs.iter()
            .map(|&cost| {
                let x = s.px(cost);
                view! {
                    <line class="chart-grid" x1=n(x) x2=n(x) y1=n(f.top) y2=n(f.h - f.bottom) />
                    <text
                        class="chart-label"
                        x=n(x)
                        y=n(f.h - f.bottom + 16.0)
                        text-anchor="middle"
                    >
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
                    <line class="chart-grid" x1=n(f.left) x2=n(f.w - f.right) y1=n(y) y2=n(y) />
                    <text class="chart-label" x=n(f.left - 6.0) y=n(y + 4.0) text-anchor="end">
                        {format!("{score:.0}")}
                    </text>
                }
            })
            .collect_view();
    view! {
        {across}
        {up}
        <text
            class="chart-label"
            x=n((f.w + f.left - f.right) / 2.0)
            y=n(f.h - 6.0)
            text-anchor="middle"
        >
            "Total contract value"
        </text>
        <text class="chart-label" x=n(f.left) y=n(f.top - 4.0)>
            "Score"
        </text>
    }
}

fn marks(s: &Scale, points: &[Point], name: &dyn Fn(&str) -> String) -> impl IntoView {
    let f = s.f;
    points
        .iter()
        .map(|p| {
            let (x, y) = (s.px(p.cost as f64), s.py(p.score));
            let label = short(&name(&p.provider), f.name_chars);
            let anchor = if x > f.w * f.flip { "end" } else { "start" };
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
            // "(knocked out)" on a line of its own, under the name, so a long name
            // and the reason both stay inside the frame.
            let (name_y, out) = if p.knocked_out {
                (y - 22.0, Some("(knocked out)"))
            } else {
                (y - 8.0, None)
            };
            view! {
                {mark}
                <text class="chart-label point-label" x=n(lx) y=n(name_y) text-anchor=anchor>
                    {label}
                </text>
                {out.map(|out| {
                    view! {
                        <text
                            class="chart-label point-label"
                            x=n(lx)
                            y=n(y - 8.0)
                            text-anchor=anchor
                        >
                            {out}
                        </text>
                    }
                })}
            }
        })
        .collect_view()
}

/// The chart drawn in one frame; `None` until a provider is both scored and priced.
fn chart(f: &'static Frame, b: &Brief) -> Option<impl IntoView> {
    let points = &b.placement.points;
    if points.is_empty() {
        return None;
    }
    let s = Scale::new(f, points);
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
            class=f.class
            viewBox=format!("0 0 {} {}", f.w, f.h)
            role="img"
            aria-labelledby="value-title"
            aria-describedby="value-lines"
        >
            {axes(&s, b.currency)}
            <polyline class="frontier" points=line.join(" ") />
            {marks(&s, points, &name)}
        </svg>
    })
}

#[component]
pub fn ValuePanel() -> impl IntoView {
    let brief = expect_context::<BriefMemo>().0;
    // Both frames are drawn; CSS shows the one that fits (the other is display: none,
    // so it is not read out either), and paper always gets the wide one.
    let charts = move || brief.with(|b| (chart(&WIDE, b), chart(&NARROW, b)));
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
            <figure class="chart-figure">{charts}</figure>
            <ul id="value-lines" class="rec-lines">
                {lines}
            </ul>
        </section>
    }
}
