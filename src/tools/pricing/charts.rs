//! Two SVG charts drawn from the comparison. Colours come from CSS classes (the CSP
//! forbids style attributes); the tables beside them carry the same figures in text.

use leptos::prelude::*;

use super::fmt::{compact, money};
use super::Cmp;
use crate::components::by_content::by_content;
use crate::domain::pricing::compare::{Comparison, QuoteView};
use crate::domain::pricing::money::Cents;

/// The width a chart is drawn at, in SVG units. Labels are 13 units: drawn at its width,
/// a frame keeps them near 13 px, so a phone gets a frame of its own instead of the wide
/// chart shrunk to unreadable labels or scrolled sideways past the totals that differ.
/// Both are drawn; CSS shows the one that fits, and paper always gets the wide one.
#[derive(Clone, Copy)]
struct Frame {
    w: f64,
    /// Whether names go over their bars (a phone) rather than to their left.
    narrow: bool,
    class: &'static str,
}

const WIDE: Frame = Frame {
    w: 640.0,
    narrow: false,
    class: "chart wide",
};

/// For a phone (about 300 px inside the panel at 360): CSS swaps it in below 40rem.
const NARROW: Frame = Frame {
    w: 330.0,
    narrow: true,
    class: "chart narrow",
};

/// The kinds of cost a total is made of, with their chart class. Their colours (greys and
/// a brown, excluded items in red) are apart from the providers' in the year chart.
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

/// A round top for an axis, close above `v` so the bars fill the chart: the smallest of
/// 1, 1.2, 1.6, 2, 2.4, 3.2, 4, 6, 8 or 10 times a power of ten that reaches it. Each
/// puts the four gridlines on amounts of two significant digits, as the compact axis
/// labels show them ($0.8M, $1.6M, $2.4M, $3.2M).
fn nice_max(v: Cents) -> Cents {
    if v <= 0 {
        return 100;
    }
    let mut p: Cents = 1;
    while p.saturating_mul(10) <= v {
        p *= 10;
    }
    [10, 12, 16, 20, 24, 32, 40, 60, 80, 100]
        .into_iter()
        .map(|tenths| p.saturating_mul(tenths) / 10)
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

/// `name`, cut to `chars` characters with an ellipsis.
fn short(name: &str, chars: usize) -> String {
    if name.chars().count() > chars {
        format!("{}…", name.chars().take(chars - 1).collect::<String>())
    } else {
        name.to_owned()
    }
}

/// A shape of a chart, kept as data so that a change redraws only the shapes it moved.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Mark {
    Rect {
        class: String,
        x: String,
        y: String,
        width: String,
        height: String,
    },
    /// A gridline.
    Line {
        x1: String,
        y1: String,
        x2: String,
        y2: String,
    },
    Text {
        class: &'static str,
        x: String,
        y: String,
        anchor: &'static str,
        text: String,
    },
}

/// A coordinate, to a tenth of a pixel.
fn px(v: f64) -> String {
    format!("{v:.1}")
}

fn draw(mark: Mark) -> AnyView {
    match mark {
        Mark::Rect {
            class,
            x,
            y,
            width,
            height,
        } => view! { <rect class=class x=x y=y width=width height=height /> }.into_any(),
        Mark::Line { x1, y1, x2, y2 } => {
            view! { <line class="chart-grid" x1=x1 y1=y1 x2=x2 y2=y2 /> }.into_any()
        }
        Mark::Text {
            class,
            x,
            y,
            anchor,
            text,
        } => view! { <text class=class x=x y=y text-anchor=anchor>{text}</text> }.into_any(),
    }
}

/// What a chart draws, and its size and text alternative.
#[derive(Clone, PartialEq)]
struct Chart {
    height: f64,
    label: String,
    marks: Vec<Mark>,
}

/// A chart in both frames, each redrawn by `draw` as the comparison changes.
fn in_both_frames(cmp: Memo<Comparison>, draw: fn(&Comparison, Frame) -> Chart) -> impl IntoView {
    let drawn = |f: Frame| svg(Memo::new(move |_| cmp.with(|c| draw(c, f))), f);
    (drawn(WIDE), drawn(NARROW))
}

/// The chart's SVG in frame `f`, redrawn mark by mark as `chart` changes.
fn svg(chart: Memo<Chart>, f: Frame) -> impl IntoView {
    view! {
        <svg
            class=f.class
            viewBox=move || chart.with(|c| format!("0 0 {} {:.0}", f.w, c.height))
            role="img"
            aria-label=move || chart.with(|c| c.label.clone())
        >
            {by_content(move || chart.with(|c| c.marks.clone()), draw)}
        </svg>
    }
}

/// The breakdown chart of the quotes, ranked.
fn breakdown(c: &Comparison, f: Frame) -> Chart {
    // A narrow frame puts each name over its bar, so the bars keep the whole width.
    let (left, right, row, bar_y) = if f.narrow {
        (4.0, f.w - 8.0, 46.0, 18.0)
    } else {
        (180.0, f.w - 10.0, 34.0, 4.0)
    };
    let cur = c.currency;
    let ranked = c.ranked();
    let max = nice_max(ranked.iter().map(|q| q.totals.total).max().unwrap_or(0));
    let axis_y = 10.0 + row * ranked.len() as f64 + 6.0;
    let mut marks = Vec::new();
    for t in 0..=4 {
        let x = left + (right - left) * t as f64 / 4.0;
        marks.push(Mark::Line {
            x1: px(x),
            x2: px(x),
            y1: "8".to_owned(),
            y2: px(axis_y),
        });
        marks.push(Mark::Text {
            class: "chart-axis",
            x: px(x),
            y: px(axis_y + 14.0),
            anchor: match t {
                0 => "start",
                4 => "end",
                _ => "middle",
            },
            text: compact(cur, max * t / 4),
        });
    }
    for (i, q) in ranked.iter().enumerate() {
        let y = 10.0 + row * i as f64;
        marks.push(if f.narrow {
            Mark::Text {
                class: "chart-label",
                x: px(left),
                y: px(y + 12.0),
                anchor: "start",
                text: short(&q.name, 40),
            }
        } else {
            Mark::Text {
                class: "chart-label",
                x: px(left - 8.0),
                y: px(y + 20.0),
                anchor: "end",
                text: short(&q.name, 23),
            }
        });
        let mut x = left;
        for (v, (class, _)) in parts(q).into_iter().zip(PARTS).filter(|(v, _)| *v > 0) {
            let w = scale(v, max, right - left);
            marks.push(Mark::Rect {
                class: class.to_owned(),
                x: px(x),
                y: px(y + bar_y),
                width: px(w),
                height: "22".to_owned(),
            });
            x += w;
        }
    }
    let label = ranked
        .iter()
        .map(|q| format!("{}: {}", q.name, money(cur, q.totals.total)))
        .collect::<Vec<_>>()
        .join("; ");
    Chart {
        height: 12.0 + row * ranked.len() as f64 + 24.0,
        label: format!("Total contract value by kind of cost. {label}."),
        marks,
    }
}

/// Each quote's total contract value as a bar split by kind of cost.
#[component]
pub fn BreakdownChart() -> impl IntoView {
    let cmp = expect_context::<Cmp>().0;
    // Only the kinds some quote has: a legend entry no bar shows is a colour to look for.
    let present = Memo::new(move |_| {
        cmp.with(|c| {
            let all: Vec<[Cents; 5]> = c.quotes.iter().map(parts).collect();
            PARTS
                .into_iter()
                .enumerate()
                .filter(|(i, _)| all.iter().any(|p| p[*i] > 0))
                .map(|(_, part)| part)
                .collect::<Vec<_>>()
        })
    });
    let legend = move || {
        present
            .get()
            .into_iter()
            .map(|(class, label)| {
                view! {
                    <li>
                        <span class=format!("swatch {class}") aria-hidden="true"></span>
                        {label}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="chart-figure">
            {in_both_frames(cmp, breakdown)}
            <figcaption>
                <ul class="legend">{legend}</ul>
            </figcaption>
        </figure>
    }
}

/// The year chart: bars grouped by contract year.
fn by_year(c: &Comparison, f: Frame) -> Chart {
    let left = if f.narrow { 44.0 } else { 64.0 };
    let (right, top, bottom) = (f.w - 10.0, 10.0, 210.0);
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
    let mut marks = Vec::new();
    for t in 0..=4 {
        let y = bottom - (bottom - top) * t as f64 / 4.0;
        marks.push(Mark::Line {
            x1: px(left),
            x2: px(right),
            y1: px(y),
            y2: px(y),
        });
        marks.push(Mark::Text {
            class: "chart-axis",
            x: px(left - 6.0),
            y: px(y + 4.0),
            anchor: "end",
            text: compact(cur, max * t / 4),
        });
    }
    for (i, q) in c.quotes.iter().enumerate() {
        for (k, y) in q.totals.years.iter().enumerate() {
            let h = scale(y.total(), max, bottom - top);
            let x = left + group * k as f64 + group * 0.1 + bar * i as f64;
            marks.push(Mark::Rect {
                class: format!("series-{}", q.colour),
                x: px(x),
                y: px(bottom - h),
                width: px((bar - 2.0).max(1.0)),
                height: px(h),
            });
        }
    }
    for k in 0..years {
        marks.push(Mark::Text {
            class: "chart-axis",
            x: px(left + group * (k as f64 + 0.5)),
            y: px(bottom + 18.0),
            anchor: "middle",
            text: format!("Year {}", k + 1),
        });
    }
    Chart {
        height: 236.0,
        label: "Cost of each quote per contract year; the table below has the figures.".to_owned(),
        marks,
    }
}

/// What each quote costs in each contract year, bars grouped by year.
#[component]
pub fn YearChart() -> impl IntoView {
    let cmp = expect_context::<Cmp>().0;
    let names = Memo::new(move |_| {
        cmp.with(|c| {
            c.quotes
                .iter()
                .map(|q| (q.name.clone(), q.colour))
                .collect::<Vec<_>>()
        })
    });
    let legend = move || {
        names.with(|names| {
            names
                .iter()
                .map(|(name, colour)| {
                    view! {
                        <li>
                            <span
                                class=format!("swatch series-{colour}")
                                aria-hidden="true"
                            ></span>
                            {name.clone()}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <figure class="chart-figure">
            {in_both_frames(cmp, by_year)}
            <figcaption>
                <ul class="legend">{legend}</ul>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::{nice_max, Cents};

    #[test]
    fn an_axis_top_is_round_and_close_above_the_largest_bar() {
        // $300,600 and $100,200, in cents: $320K and $120K, not $400K and $200K.
        assert_eq!(nice_max(30_060_000), 32_000_000);
        assert_eq!(nice_max(10_020_000), 12_000_000);
        assert_eq!(nice_max(10_000_000), 10_000_000);
        assert_eq!(nice_max(0), 100);
        for v in [1, 7, 99, 12_345, 987_654_321, Cents::MAX / 20] {
            let top = nice_max(v);
            assert!(top >= v && top <= v.saturating_mul(2), "{v} -> {top}");
            // A quarter of the top, each gridline's step, has two significant digits.
            let step = top / 4;
            let digits = step.to_string().trim_end_matches('0').len();
            assert!(top % 4 == 0 && digits <= 2 || top < 100, "{v} -> {top}");
        }
    }
}
