//! Value for money: score (up) against total contract value, or the average a year when
//! the terms differ (across), the best-value line through the providers nothing beats on
//! both, knocked-out providers crossed out.
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
    class: "value-chart wide",
};

/// For a phone (about 300 px inside the panel at 360): CSS swaps it in below 40rem.
const NARROW: Frame = Frame {
    w: 330.0,
    h: 320.0,
    left: 40.0,
    // Room for half the last cost under the axis, centred on its gridline ("$350K").
    right: 26.0,
    top: 24.0,
    bottom: 44.0,
    name_chars: 18,
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

/// "$257K", "$1.2M", as the pricing charts' axes say it.
fn compact(cur: Currency, cents: f64) -> String {
    let major = cents / 100.0;
    let sym = cur.symbol();
    if major >= 1_000_000.0 {
        format!("{sym}{:.1}M", major / 1_000_000.0)
    } else if major >= 1_000.0 {
        format!("{sym}{:.0}K", major / 1_000.0)
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

fn axes(s: &Scale, cur: Currency, per_year: bool) -> impl IntoView {
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
            {if per_year { "Average cost a year" } else { "Total contract value" }}
        </text>
        <text class="chart-label" x=n(f.left) y=n(f.top - 4.0)>
            "Score"
        </text>
    }
}

/// A box in SVG units: left, top, right, bottom.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Rect(f64, f64, f64, f64);

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.0 < o.2 && o.0 < self.2 && self.1 < o.3 && o.1 < self.3
    }

    /// Whether the segment from `a` to `b` passes through the box (Liang–Barsky: clip
    /// the segment's span against each side in turn).
    fn crossed_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
        let sides = [
            (-dx, a.0 - self.0),
            (dx, self.2 - a.0),
            (-dy, a.1 - self.1),
            (dy, self.3 - a.1),
        ];
        for (p, q) in sides {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else if p < 0.0 {
                t0 = t0.max(q / p);
            } else {
                t1 = t1.min(q / p);
            }
        }
        t0 <= t1
    }
}

/// A label's lines are 14 units apart; a character is about 7.5 units wide at 13.
const LINE: f64 = 14.0;
const CHAR: f64 = 7.5;

/// Where a label goes: its text's x, the baseline of its first line, and whether it
/// ends at x (left of the mark) or starts there.
#[derive(Debug, PartialEq)]
struct Spot {
    x: f64,
    y: f64,
    end: bool,
}

/// The box of the "Score" title over the score axis (`axes`), which a label near the
/// top must not cover.
fn score_title(f: &Frame) -> Rect {
    let baseline = f.top - 4.0;
    Rect(
        f.left,
        baseline - LINE + 3.0,
        f.left + 5.0 * CHAR,
        baseline + 3.0,
    )
}

/// Beside its mark: above right, above left, below right, below left, right or left, the first
/// that stays in the room right of the score axis and above the cost axis, clear of
/// every mark, of what is placed so far (the "Score" title, earlier labels) and of the
/// best-value `line`; else the first clear of all but the line; else the first in that
/// room. Two providers close in score and price otherwise write their names over each
/// other, or one's name ends beside the other's mark or is struck through by the line.
fn place(
    f: &Frame,
    marks: &[(f64, f64)],
    line: &[(f64, f64)],
    placed: &mut Vec<Rect>,
    at: (f64, f64),
    lines: &[&str],
) -> Spot {
    let (x, y) = at;
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64 * CHAR;
    let height = lines.len() as f64 * LINE;
    let room = Rect(f.left, 0.0, f.w, f.h - f.bottom);
    // Above right, above left, below right, below left, then level with the mark on
    // either side: the segment arriving at a mark from below left can cross the corner
    // below left while the side stays clear of it.
    let candidates = [
        (false, Some(true)),
        (true, Some(true)),
        (false, Some(false)),
        (true, Some(false)),
        (false, None),
        (true, None),
    ]
    .map(|(end, above)| {
        let top = match above {
            Some(true) => y - 6.0 - height,
            Some(false) => y + 6.0,
            None => y - height / 2.0,
        };
        let (left, tx) = if end {
            (x - 10.0 - width, x - 10.0)
        } else {
            (x + 10.0, x + 10.0)
        };
        let rect = Rect(left, top, left + width, top + height);
        (
            Spot {
                x: tx,
                y: top + LINE - 3.0,
                end,
            },
            rect,
        )
    });
    let inside = |r: &Rect| r.0 >= room.0 && r.1 >= room.1 && r.2 <= room.2 && r.3 <= room.3;
    let clear = |r: &Rect| {
        !placed.iter().any(|p| p.overlaps(r))
            && !marks
                .iter()
                .any(|&(mx, my)| Rect(mx - 7.0, my - 7.0, mx + 7.0, my + 7.0).overlaps(r))
    };
    let off_line = |r: &Rect| !line.windows(2).any(|w| r.crossed_by(w[0], w[1]));
    let pick = candidates
        .iter()
        .position(|(_, r)| inside(r) && clear(r) && off_line(r))
        .or_else(|| candidates.iter().position(|(_, r)| inside(r) && clear(r)))
        .or_else(|| candidates.iter().position(|(_, r)| inside(r)))
        .unwrap_or(0);
    let (spot, rect) = candidates
        .into_iter()
        .nth(pick)
        .expect("pick is one of the candidates");
    placed.push(rect);
    spot
}

/// Each provider's mark and label; `at` is where each of `points` sits in the frame,
/// and `line` the best-value line's corners.
fn marks(
    f: &Frame,
    points: &[Point],
    at: &[(f64, f64)],
    line: &[(f64, f64)],
    name: &dyn Fn(&str) -> String,
) -> impl IntoView {
    let mut placed = vec![score_title(f)];
    points
        .iter()
        .zip(at)
        .map(|(p, &(x, y))| {
            let label = short(&name(&p.provider), f.name_chars);
            // "(knocked out)" on a line of its own, under the name, so a long name
            // and the reason both stay inside the frame.
            let lines: Vec<&str> = if p.knocked_out {
                vec![&label, "(knocked out)"]
            } else {
                vec![&label]
            };
            let spot = place(f, at, line, &mut placed, (x, y), &lines);
            let anchor = if spot.end { "end" } else { "start" };
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
            let texts = lines
                .iter()
                .enumerate()
                .map(|(i, line)| {
                    let (lx, ly) = (n(spot.x), n(spot.y + i as f64 * LINE));
                    view! {
                        <text class="chart-label point-label" x=lx y=ly text-anchor=anchor>
                            {line.to_string()}
                        </text>
                    }
                })
                .collect_view();
            // One group a provider, so its mark and label lines stay together.
            view! {
                <g class="point">
                    {mark}
                    {texts}
                </g>
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
    let at: Vec<(f64, f64)> = points
        .iter()
        .map(|p| (s.px(p.cost as f64), s.py(p.score)))
        .collect();
    let line: Vec<(f64, f64)> = b
        .frontier
        .providers
        .iter()
        .filter_map(|id| points.iter().position(|p| p.provider == *id))
        .map(|i| at[i])
        .collect();
    let corners: Vec<String> = line.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
    let name = |id: &str| b.name(id).to_owned();
    Some(view! {
        <svg
            class=f.class
            viewBox=format!("0 0 {} {}", f.w, f.h)
            role="img"
            aria-labelledby="value-title"
            aria-describedby="value-lines"
        >
            {axes(&s, b.currency, b.placement.per_year)}
            <polyline class="frontier" points=corners.join(" ") />
            {marks(f, points, &at, &line, &name)}
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

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(spots: &[(Spot, usize, usize)]) -> Vec<Rect> {
        spots
            .iter()
            .map(|(s, chars, lines)| {
                let w = *chars as f64 * CHAR;
                let left = if s.end { s.x - w } else { s.x };
                let top = s.y - LINE + 3.0;
                Rect(left, top, left + w, top + *lines as f64 * LINE)
            })
            .collect()
    }

    #[test]
    fn a_label_goes_above_right_when_there_is_room() {
        let mut placed = Vec::new();
        let spot = place(
            &WIDE,
            &[(100.0, 150.0)],
            &[],
            &mut placed,
            (100.0, 150.0),
            &["Harbor IT"],
        );
        assert_eq!(
            spot,
            Spot {
                x: 110.0,
                y: 150.0 - 6.0 - LINE + LINE - 3.0,
                end: false
            }
        );
    }

    #[test]
    fn a_label_at_the_right_edge_ends_left_of_its_mark() {
        let mut placed = Vec::new();
        let at = (NARROW.w - NARROW.right, 150.0);
        let spot = place(&NARROW, &[at], &[], &mut placed, at, &["Keystone Partners"]);
        assert!(spot.end);
        assert!(placed[0].0 >= NARROW.left && placed[0].2 <= NARROW.w);
    }

    #[test]
    fn close_providers_get_labels_that_do_not_overlap_each_other_or_the_marks() {
        // Three providers within a few points and dollars of each other, on a phone.
        let at = [(150.0, 120.0), (160.0, 128.0), (170.0, 112.0)];
        let names = ["Harbor IT", "Keystone Partners", "Nimbus Cloud Serv…"];
        let mut placed = Vec::new();
        let spots: Vec<_> = at
            .iter()
            .zip(names)
            .map(|(&p, n)| {
                (
                    place(&NARROW, &at, &[], &mut placed, p, &[n]),
                    n.chars().count(),
                    1,
                )
            })
            .collect();
        let rects = boxes(&spots);
        assert_eq!(rects, placed);
        for (i, r) in rects.iter().enumerate() {
            assert!(r.0 >= NARROW.left && r.2 <= NARROW.w, "{i} inside: {r:?}");
            for o in &rects[i + 1..] {
                assert!(!r.overlaps(o), "{r:?} and {o:?}");
            }
            for &(x, y) in &at {
                let mark = Rect(x - 7.0, y - 7.0, x + 7.0, y + 7.0);
                assert!(!r.overlaps(&mark), "{r:?} covers the mark at {x}, {y}");
            }
        }
    }

    #[test]
    fn a_knocked_out_provider_gets_two_lines_one_under_the_other() {
        let mut placed = Vec::new();
        let at = (120.0, 150.0);
        place(
            &WIDE,
            &[at],
            &[],
            &mut placed,
            at,
            &["Nimbus Cloud Services", "(knocked out)"],
        );
        assert_eq!(placed[0].3 - placed[0].1, 2.0 * LINE);
        assert!(placed[0].3 <= at.1 - 6.0, "both lines above the mark");
    }

    #[test]
    fn a_label_near_the_top_keeps_clear_of_the_score_title() {
        let at = (NARROW.left + 4.0, NARROW.top + 4.0);
        let mut placed = vec![score_title(&NARROW)];
        place(&NARROW, &[at], &[], &mut placed, at, &["Harbor IT"]);
        assert!(!placed[1].overlaps(&placed[0]), "{:?}", placed[1]);
    }

    #[test]
    fn a_label_keeps_off_the_best_value_line() {
        // The line rises to the right from the mark, through where "above right" goes.
        let (a, b) = ((100.0, 150.0), (250.0, 60.0));
        let mut placed = Vec::new();
        let spot = place(&WIDE, &[a, b], &[a, b], &mut placed, a, &["Harbor IT"]);
        assert!(spot.end || spot.y > a.1, "not above right: {spot:?}");
        assert!(!placed[0].crossed_by(a, b), "{:?}", placed[0]);
        // Where every spot is crossed, the label still goes where it is clear of marks.
        let mut placed = Vec::new();
        let cross = [(0.0, 0.0), (400.0, 300.0), (0.0, 300.0), (400.0, 0.0)];
        place(&WIDE, &[a], &cross, &mut placed, a, &["Harbor IT"]);
        assert_eq!(placed.len(), 1);
    }

    #[test]
    fn a_label_goes_level_with_its_mark_when_the_corners_are_taken() {
        // The brief's example on a phone: right of Keystone is the frame's edge, above
        // left Nimbus's mark, and below left the line up from Harbor crossed its name.
        let (nimbus, keystone, harbor) = ((94.0, 75.0), (221.0, 100.0), (142.0, 202.0));
        let mut placed = vec![score_title(&NARROW)];
        let marks = [nimbus, keystone, harbor];
        let spot = place(
            &NARROW,
            &marks,
            &[harbor, keystone],
            &mut placed,
            keystone,
            &["Keystone Partners"],
        );
        let label = placed[1];
        assert!(spot.end, "left of the mark");
        assert!(!label.crossed_by(harbor, keystone), "{label:?}");
        assert!(
            label.1 < keystone.1 && keystone.1 < label.3,
            "level: {label:?}"
        );
    }

    #[test]
    fn a_segment_crosses_a_box_only_where_it_passes_through() {
        let r = Rect(10.0, 10.0, 20.0, 20.0);
        assert!(r.crossed_by((0.0, 0.0), (30.0, 30.0)));
        assert!(r.crossed_by((15.0, 0.0), (15.0, 30.0)));
        assert!(r.crossed_by((12.0, 12.0), (14.0, 14.0)), "inside");
        assert!(!r.crossed_by((0.0, 0.0), (30.0, 5.0)));
        assert!(!r.crossed_by((0.0, 30.0), (30.0, 25.0)));
        assert!(!r.crossed_by((0.0, 15.0), (9.0, 15.0)), "stops short");
    }
}
