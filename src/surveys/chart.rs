//! The charts the results draw: horizontal bars (a distribution) and diverging bars
//! (SERVQUAL gaps), and the importance–performance grid, as SVG made by the app, each
//! with the same numbers as a table beside it for screen readers.

use leptos::prelude::*;

use super::chart_download::chart_downloads;

/// One bar: its label, its value and the table cells after the label.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartRow {
    pub label: String,
    pub value: f64,
    pub cells: Vec<String>,
}

const WIDTH: f64 = 320.0;
const LABEL: f64 = 64.0;
const ROW: f64 = 22.0;

/// Bars from zero (`diverging` false, values ≥ 0) or around a centre line (`diverging`
/// true, negative to the left), scaled to the largest magnitude; then the table.
pub fn chart(
    testid: &'static str,
    headers: Vec<&'static str>,
    rows: Vec<ChartRow>,
    diverging: bool,
) -> impl IntoView {
    let largest = rows
        .iter()
        .map(|r| r.value.abs())
        .fold(0.0, f64::max)
        .max(f64::EPSILON);
    let span = WIDTH - LABEL - 8.0;
    let zero = if diverging { LABEL + span / 2.0 } else { LABEL };
    let scale = if diverging {
        span / 2.0 / largest
    } else {
        span / largest
    };
    let height = ROW * rows.len() as f64 + 4.0;
    let bars = rows
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let y = ROW * n as f64 + 4.0;
            let w = (r.value.abs() * scale).max(0.5);
            let x = if r.value < 0.0 { zero - w } else { zero };
            let class = if r.value < 0.0 { "bar-neg" } else { "bar-pos" };
            view! {
                <text x=LABEL - 4.0 y=y + 12.0 text-anchor="end" class="chart-label">{r.label.clone()}</text>
                <rect x=x y=y width=w height=ROW - 6.0 class=class></rect>
            }
        })
        .collect_view();
    let table_rows = rows
        .into_iter()
        .map(|r| view! { <tr><th scope="row">{r.label}</th>{r.cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}</tr> })
        .collect_view();
    view! {
        <div class="chart-pair" data-testid=testid>
            <svg class="chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-hidden="true" preserveAspectRatio="xMinYMin meet">
                {bars}
                <line x1=zero x2=zero y1="0" y2=height class="chart-axis"></line>
            </svg>
            <table class="table compact chart-table">
                <thead><tr>{headers.into_iter().map(|h| view! { <th>{h}</th> }).collect_view()}</tr></thead>
                <tbody>{table_rows}</tbody>
            </table>
            {chart_downloads(testid.to_owned())}
        </div>
    }
}

/// One attribute on the importance–performance grid.
#[derive(Clone, Debug, PartialEq)]
pub struct GridPoint {
    /// Written beside the point (the row's code; the table beside names it in full).
    pub label: String,
    pub importance: f64,
    pub performance: f64,
}

/// The words of the grid: the four quadrants (Martilla & James 1977) and the two axes.
pub struct GridWords {
    /// Top left, top right, bottom left, bottom right: concentrate here, keep up the good
    /// work, low priority, possible overkill.
    pub quadrants: [String; 4],
    pub performance: String,
    pub importance: String,
}

const GRID: f64 = 300.0;
const MARGIN: f64 = 34.0;

/// The importance–performance grid: performance across, importance up, over the whole
/// answer scale `low..=high`, with the dividing lines at `cut_importance` and
/// `cut_performance` and each attribute a labelled point. Drawn for the eye only
/// (`aria-hidden`): the table beside it holds the same numbers.
pub fn ipa_grid(
    points: &[GridPoint],
    (low, high): (f64, f64),
    cut_importance: f64,
    cut_performance: f64,
    words: GridWords,
) -> impl IntoView {
    let span = (high - low).max(f64::EPSILON);
    let inner = GRID - 2.0 * MARGIN;
    let x = move |performance: f64| MARGIN + (performance - low) / span * inner;
    let y = move |importance: f64| GRID - MARGIN - (importance - low) / span * inner;
    let (cx, cy) = (x(cut_performance), y(cut_importance));
    let dots = points
        .iter()
        .map(|p| {
            let (px, py) = (x(p.performance), y(p.importance));
            view! {
                <circle cx=px cy=py r="4" class="grid-point"></circle>
                <text x=px + 6.0 y=py - 5.0 class="chart-label">{p.label.clone()}</text>
            }
        })
        .collect_view();
    let [top_left, top_right, bottom_left, bottom_right] = words.quadrants;
    let (left, right, top, bottom) = (
        MARGIN + 4.0,
        GRID - MARGIN - 4.0,
        MARGIN + 12.0,
        GRID - MARGIN - 6.0,
    );
    view! {
        <svg class="chart ipa-grid" viewBox=format!("0 0 {GRID} {GRID}") role="img" aria-hidden="true" data-testid="ipa-grid">
            <rect x=MARGIN y=MARGIN width=inner height=inner class="grid-frame"></rect>
            <line x1=cx x2=cx y1=MARGIN y2=GRID - MARGIN class="chart-axis" data-testid="ipa-cut-performance"></line>
            <line x1=MARGIN x2=GRID - MARGIN y1=cy y2=cy class="chart-axis" data-testid="ipa-cut-importance"></line>
            <text x=left y=top class="quadrant-label">{top_left}</text>
            <text x=right y=top text-anchor="end" class="quadrant-label">{top_right}</text>
            <text x=left y=bottom class="quadrant-label">{bottom_left}</text>
            <text x=right y=bottom text-anchor="end" class="quadrant-label">{bottom_right}</text>
            {dots}
            <text x=GRID / 2.0 y=GRID - 10.0 text-anchor="middle" class="chart-label">{words.performance}</text>
            <text x="12" y=GRID / 2.0 text-anchor="middle" class="chart-label" transform=format!("rotate(-90 12 {})", GRID / 2.0)>{words.importance}</text>
        </svg>
    }
}

/// One month of a trend: its label and, when it has a figure, (value, low, high).
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    pub label: String,
    pub estimate: Option<(f64, f64, f64)>,
}

/// A month's position and its (value, low, high).
type Known = (usize, (f64, f64, f64));

const TREND_W: f64 = 320.0;
const TREND_H: f64 = 160.0;
const TREND_LEFT: f64 = 40.0;
const TREND_PAD: f64 = 14.0;

/// The trend: each month's 95% interval as a shaded band, the figure as a line with a
/// point per month, the scale's ends and zero (when in range) marked. Drawn for the eye
/// only (`aria-hidden`): the table beside it holds the same numbers.
pub fn trend_chart(points: &[TrendPoint]) -> impl IntoView {
    let known: Vec<Known> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.estimate.map(|e| (i, e)))
        .collect();
    let low = known.iter().map(|(_, e)| e.1).fold(f64::INFINITY, f64::min);
    let high = known
        .iter()
        .map(|(_, e)| e.2)
        .fold(f64::NEG_INFINITY, f64::max);
    let (low, high) = if low.is_finite() && high > low {
        (low, high)
    } else if low.is_finite() {
        (low - 1.0, low + 1.0)
    } else {
        (0.0, 1.0)
    };
    let plot_w = TREND_W - TREND_LEFT - TREND_PAD;
    let plot_h = TREND_H - 2.0 * TREND_PAD - 12.0;
    let step = plot_w / (points.len().max(2) - 1) as f64;
    let x = move |i: usize| {
        if points.len() == 1 {
            TREND_LEFT + plot_w / 2.0
        } else {
            TREND_LEFT + step * i as f64
        }
    };
    let y = move |v: f64| TREND_PAD + (high - v) / (high - low) * plot_h;
    // One band and one line per run of months that have a figure.
    let mut runs: Vec<Vec<Known>> = Vec::new();
    for (i, e) in &known {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|(j, _)| j + 1 == *i) => run.push((*i, *e)),
            _ => runs.push(vec![(*i, *e)]),
        }
    }
    let shapes = runs
        .iter()
        .map(|run| {
            let upper = run
                .iter()
                .map(|(i, e)| format!("{:.1},{:.1}", x(*i), y(e.2)));
            let lower = run
                .iter()
                .rev()
                .map(|(i, e)| format!("{:.1},{:.1}", x(*i), y(e.1)));
            let band: Vec<String> = upper.chain(lower).collect();
            let line: Vec<String> = run
                .iter()
                .map(|(i, e)| format!("{:.1},{:.1}", x(*i), y(e.0)))
                .collect();
            view! {
                <polygon points=band.join(" ") class="trend-band"></polygon>
                <polyline points=line.join(" ") class="trend-line"></polyline>
            }
        })
        .collect_view();
    let dots = known
        .iter()
        .map(|(i, e)| view! { <circle cx=x(*i) cy=y(e.0) r="3" class="grid-point"></circle> })
        .collect_view();
    let zero = (low < 0.0 && high > 0.0).then(|| {
        view! { <line x1=TREND_LEFT x2=TREND_W - TREND_PAD y1=y(0.0) y2=y(0.0) class="chart-axis"></line> }
    });
    let label = |v: f64| {
        if (high - low) >= 20.0 {
            format!("{v:.0}")
        } else {
            format!("{v:.2}")
        }
    };
    let first = points.first().map(|p| p.label.clone()).unwrap_or_default();
    let last = points.last().map(|p| p.label.clone()).unwrap_or_default();
    let bottom = TREND_H - 6.0;
    view! {
        <svg class="chart trend-chart" viewBox=format!("0 0 {TREND_W} {TREND_H}") role="img" aria-hidden="true" data-testid="trend-chart">
            <line x1=TREND_LEFT x2=TREND_LEFT y1=TREND_PAD y2=TREND_PAD + plot_h class="chart-axis"></line>
            <text x=TREND_LEFT - 4.0 y=TREND_PAD + 4.0 text-anchor="end" class="chart-label">{label(high)}</text>
            <text x=TREND_LEFT - 4.0 y=TREND_PAD + plot_h text-anchor="end" class="chart-label">{label(low)}</text>
            {zero}
            {shapes}
            {dots}
            <text x=TREND_LEFT y=bottom class="chart-label">{first}</text>
            <text x=TREND_W - TREND_PAD y=bottom text-anchor="end" class="chart-label">{last}</text>
        </svg>
    }
}
