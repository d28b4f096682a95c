//! The results chart: bars per group for the top-ranked providers, drawn as SVG.

use leptos::prelude::*;

use super::live::Live;
use crate::domain::scorecard::chart::{layout, Chart, NARROW, WIDE};

/// Bars per group for the top ranked providers, drawn as SVG from the domain's layout.
/// Colours come from CSS classes (the page's policy forbids style attributes).
#[component]
pub fn ResultsChart() -> impl IntoView {
    let live = expect_context::<Live>();
    let chart = Memo::new(move |_| live.results.with(|r| layout(r, WIDE)));
    let narrow = Memo::new(move |_| live.results.with(|r| layout(r, NARROW)));
    view! {
        <figure class="sc-chart">
            <ul class="sc-legend" aria-hidden="true">
                {move || {
                    chart
                        .with(|c| {
                            c.series
                                .iter()
                                .map(|(name, colour)| {
                                    view! {
                                        <li>
                                            <span class=format!("sc-swatch s{colour}")></span>
                                            {name.clone()}
                                        </li>
                                    }
                                })
                                .collect_view()
                        })
                }}
            </ul>
            // Both are drawn; CSS shows the one that fits, and paper gets the wide one.
            {move || chart.with(|c| draw(c, "sc-chart-svg wide"))}
            {move || narrow.with(|c| draw(c, "sc-chart-svg narrow"))}
            <figcaption class="hint">
                "The chart shows up to five top-ranked providers; the table below lists every provider."
            </figcaption>
        </figure>
    }
}

fn draw(c: &Chart, class: &'static str) -> AnyView {
    let view_box = format!("0 0 {} {}", c.width, c.height);
    let ticks = c
        .ticks
        .iter()
        .map(|t| {
            view! {
                <line
                    class="sc-tick"
                    x1=t.x.to_string()
                    x2=t.x.to_string()
                    y1="0"
                    y2=c.height.to_string()
                ></line>
            }
        })
        .collect_view();
    let rows = c
        .rows
        .iter()
        .map(|row| {
            let bars = row
                .bars
                .iter()
                .map(|b| {
                    view! {
                        <rect
                            class=format!("sc-bar s{}", b.colour)
                            x="0"
                            y=b.y.to_string()
                            width=b.width.max(0.0).to_string()
                            height=b.height.to_string()
                            rx="2"
                        ></rect>
                        <text
                            class="sc-bar-label"
                            x=b.label_x.to_string()
                            y=(b.y + b.height - 2.0).to_string()
                        >
                            {b.label.clone()}
                        </text>
                    }
                })
                .collect_view();
            view! {
                <text class="sc-row-label" x="0" y=row.label_y.to_string()>
                    {row.label.clone()}
                </text>
                {bars}
            }
        })
        .collect_view();
    view! {
        <svg
            class=class
            viewBox=view_box
            role="img"
            aria-label=c.summary.clone()
            width="100%"
            preserveAspectRatio="xMinYMin meet"
        >
            <title>{c.summary.clone()}</title>
            {ticks}
            {rows}
        </svg>
    }
    .into_any()
}
