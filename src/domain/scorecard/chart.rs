//! Geometry of the results chart: horizontal bars per group (and the total), one bar
//! per provider. The view only draws these rectangles, so the layout is tested here.

use super::scoring::Results;
use super::sensitivity::points;

/// At most this many providers in the chart; the table lists them all.
pub const MAX_SERIES: usize = 5;
/// The widths the chart is laid out at, in SVG units. Its labels are 11 and 13 units,
/// so drawn near its own width a frame keeps them readable: a screen gets the wide one
/// and a phone (about 300 px inside the panel) the narrow one, not the wide one halved.
pub const WIDE: f64 = 600.0;
pub const NARROW: f64 = 330.0;
/// Room right of the longest bar for its value.
const VALUE_ROOM: f64 = 48.0;
const LABEL_HEIGHT: f64 = 20.0;
const BAR_HEIGHT: f64 = 12.0;
const BAR_GAP: f64 = 4.0;
const ROW_GAP: f64 = 12.0;
const TOP: f64 = 4.0;

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The provider's colour (`Standing::colour`).
    pub colour: usize,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Where the value text starts, and the text ("80.0" or "not scored").
    pub label_x: f64,
    pub label: String,
}

/// One group's label and bars.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    pub label_y: f64,
    pub bars: Vec<Bar>,
}

/// A vertical grid line with its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

/// Everything needed to draw the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    /// Provider names and colours, in rank order.
    pub series: Vec<(String, usize)>,
    pub rows: Vec<Row>,
    pub ticks: Vec<Tick>,
    /// A sentence describing the chart for screen readers.
    pub summary: String,
}

/// The length of the 0 to 100 axis in a chart `width` wide.
pub fn scale(width: f64) -> f64 {
    width - VALUE_ROOM
}

/// Lays out the chart `width` wide for the top ranked providers: the total, then each group.
pub fn layout(results: &Results, width: f64) -> Chart {
    let scale = || scale(width);
    let series: Vec<_> = results.ranked().take(MAX_SERIES).collect();
    let mut rows = Vec::new();
    let mut y = TOP;
    let labels = std::iter::once("Total".to_owned()).chain(results.groups.iter().cloned());
    for (index, label) in labels.enumerate() {
        let label_y = y + LABEL_HEIGHT - 6.0;
        y += LABEL_HEIGHT;
        let bars = series
            .iter()
            .map(|standing| {
                let value = if index == 0 {
                    standing.total
                } else {
                    standing.groups.get(index - 1).copied().flatten()
                };
                let length = value.map_or(0.0, |v| v.clamp(0.0, 100.0) / 100.0 * scale());
                let bar = Bar {
                    colour: standing.colour,
                    y,
                    width: length,
                    height: BAR_HEIGHT,
                    label_x: length + 4.0,
                    label: value.map(points).unwrap_or_else(|| "not scored".into()),
                };
                y += BAR_HEIGHT + BAR_GAP;
                bar
            })
            .collect();
        y += ROW_GAP;
        rows.push(Row {
            label,
            label_y,
            bars,
        });
    }
    let ticks = [0.0, 25.0, 50.0, 75.0, 100.0]
        .iter()
        .map(|v| Tick {
            x: v / 100.0 * scale(),
            label: format!("{v}"),
        })
        .collect();
    let series: Vec<(String, usize)> = series
        .iter()
        .map(|s| (s.provider.name.clone(), s.colour))
        .collect();
    let summary = if series.is_empty() {
        "No provider is ranked yet.".to_owned()
    } else {
        let names: Vec<&str> = series.iter().map(|(name, _)| name.as_str()).collect();
        format!(
            "Bars from 0 to 100 for the total and each group, for {}. The table lists the same figures.",
            names.join(", ")
        )
    };
    Chart {
        width,
        height: y,
        series,
        rows,
        ticks,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::provider::Provider;
    use crate::domain::scorecard::fixtures::card;
    use crate::domain::scorecard::model::Score;
    use crate::domain::scorecard::scoring::results;

    /// Providers "a" and "b", named "A" and "B".
    fn a_and_b() -> Vec<Provider> {
        ["a", "b"]
            .iter()
            .map(|id| Provider {
                id: (*id).into(),
                name: id.to_ascii_uppercase(),
            })
            .collect()
    }

    #[test]
    fn bars_are_proportional_and_stacked_top_to_bottom() {
        let mut sc = card(&[("c1", "G1", 1.0), ("c2", "G2", 1.0)]);
        let providers = a_and_b();
        sc.set_score("a", "c1", Some(Score::Points(5)));
        sc.set_score("a", "c2", Some(Score::Points(0)));
        sc.set_score("b", "c1", Some(Score::Points(2)));
        let chart = layout(&results(&sc, &providers), NARROW);
        let scale = || scale(NARROW);
        assert_eq!(chart.series, [("A".into(), 0), ("B".into(), 1)]);
        let labels: Vec<&str> = chart.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Total", "G1", "G2"]);
        // Totals: A 50, B 40.
        let total = &chart.rows[0];
        assert_eq!(total.bars[0].width, scale() / 2.0);
        assert_eq!(total.bars[0].label, "50.0");
        assert_eq!(total.bars[1].width, scale() * 0.4);
        // G2: A scored 0 (a zero-width bar that still says 0.0), B not scored.
        let g2 = &chart.rows[2];
        assert_eq!((g2.bars[0].width, g2.bars[0].label.as_str()), (0.0, "0.0"));
        assert_eq!(g2.bars[1].label, "not scored");
        let ys: Vec<f64> = chart
            .rows
            .iter()
            .flat_map(|r| r.bars.iter().map(|b| b.y))
            .collect();
        assert!(ys.windows(2).all(|w| w[0] < w[1]));
        assert!(chart.height > *ys.last().unwrap());
        assert_eq!(chart.ticks.last().unwrap().x, scale());
        assert!(chart.summary.contains("A, B"));
    }

    #[test]
    fn a_provider_keeps_its_colour_whatever_its_rank() {
        let mut sc = card(&[("c1", "G", 1.0)]);
        let providers = a_and_b();
        sc.set_score("a", "c1", Some(Score::Points(2)));
        sc.set_score("b", "c1", Some(Score::Points(4)));
        let chart = layout(&results(&sc, &providers), WIDE);
        assert_eq!(chart.series, [("B".into(), 1), ("A".into(), 0)]);
        let colours: Vec<usize> = chart.rows[0].bars.iter().map(|b| b.colour).collect();
        assert_eq!(colours, [1, 0]);
    }

    #[test]
    fn at_most_five_providers_and_an_empty_chart_says_so() {
        let mut sc = card(&[("c1", "G", 1.0)]);
        let providers: Vec<Provider> = (0..8)
            .map(|i| Provider {
                id: format!("p{i}"),
                name: format!("P{i}"),
            })
            .collect();
        for p in &providers {
            sc.set_score(&p.id, "c1", Some(Score::Points(3)));
        }
        assert_eq!(
            layout(&results(&sc, &providers), WIDE).series.len(),
            MAX_SERIES
        );
        let empty = layout(&results(&card(&[("c1", "G", 1.0)]), &[]), WIDE);
        assert!(empty.series.is_empty());
        assert_eq!(empty.summary, "No provider is ranked yet.");
    }
}
