//! The charts the results draw: horizontal bars (a distribution) and diverging bars
//! (SERVQUAL gaps), as SVG made by the app, each with the same numbers as a table
//! beside it for screen readers. One function for both, driven by the rows.

use leptos::prelude::*;

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
        </div>
    }
}
