//! What the dashboard shows of the blueprints: how many there are, the fail points still
//! without an execution standard, and each blueprint's open fail points and waiting. The
//! dashboard page mounts [`BlueprintFigures`]; nothing is shown when there is no blueprint.

use leptos::prelude::*;
use leptos_router::components::A;

use super::domain::{risk_table, summary, RiskGap};
use super::editor::canvas::minutes_text;
use super::messages::BlueprintMsg;
use super::state::use_blueprints;
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Text};
use crate::paths;

/// The blueprint figures for the dashboard (no props; reads the stored blueprints).
#[component]
pub fn BlueprintFigures() -> impl IntoView {
    let state = use_blueprints();
    let lang = use_lang();
    let figures = move || {
        state.book.with(|book| {
            let without_standard: usize = book
                .blueprints
                .iter()
                .map(|bp| {
                    risk_table(bp)
                        .gaps
                        .iter()
                        .filter(|(_, gap)| *gap == RiskGap::NoStandard)
                        .count()
                })
                .sum();
            let rows: Vec<(u64, String, usize, f64)> = book
                .blueprints
                .iter()
                .map(|bp| {
                    let s = summary(bp);
                    (bp.id, bp.name.clone(), s.open_fail_points, s.wait_minutes)
                })
                .collect();
            (book.blueprints.len(), without_standard, rows)
        })
    };
    view! {
        <Show when=move || { figures().0 > 0 }>
            <section class="card" aria-labelledby="dashboard-blueprints" data-testid="dashboard-blueprints">
                <h2 id="dashboard-blueprints"><A href=paths::blueprints()>{tr(BlueprintMsg::DashboardHeading)}</A></h2>
                <ul class="card-grid dashboard-figures">
                    <li class="card" data-testid="dashboard-blueprint-count">
                        <h3>{tr(BlueprintMsg::DashboardCount)}</h3>
                        <p class="figure">{move || figures().0}</p>
                    </li>
                    <li class="card" data-testid="dashboard-no-standard">
                        <h3>{tr(BlueprintMsg::DashboardNoStandard)}</h3>
                        <p class="figure">{move || figures().1}</p>
                    </li>
                </ul>
                <ul class="plain">
                    {move || {
                        let lang = lang.get();
                        figures().2.into_iter().map(|(id, name, open, wait)| {
                            let text = fill(BlueprintMsg::DashboardRow.in_lang(lang), &[&open.to_string(), &minutes_text(wait)]);
                            view! { <li><A href=paths::blueprint(id)>{name}</A>{" · "}{text}</li> }
                        }).collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}
