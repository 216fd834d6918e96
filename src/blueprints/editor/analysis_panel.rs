//! What the open blueprint computes, each figure with its working: the customer's time
//! with the share spent waiting and the longest wait, the longest and shortest paths, the
//! fail-point risk table with its gaps, the waits with the principles they break and the
//! remedies, the teacher's checks and the competitor's figures. The domain computes; this
//! only writes the step names beside its ids.

use leptos::prelude::*;

use super::canvas::minutes_text;
use super::editing::Editing;
use crate::blueprints::domain::{
    benchmark_gaps, compare, customer_time, paths, risk_table, teacher_checks, wait_reviews,
    BenchmarkGap, Blueprint, CompareMeasure, CustomerTime, Finding, PathFigure, PathProblem, Paths,
    RiskTable, StepId, WaitReview,
};
use crate::blueprints::messages::BlueprintMsg;
use crate::components::text::{tr, use_lang};
use crate::components::working::ShowWorking;
use crate::i18n::{fill, Lang, Text};

/// Every figure of one blueprint, computed together (one memo, not one per figure, and no
/// deep comparison of the figures: they follow every change, which keeps the bundle small).
#[derive(Clone)]
struct Analysis {
    time: CustomerTime,
    routes: Result<Paths, PathProblem>,
    risks: RiskTable,
    waits: Vec<WaitReview>,
    checks: Vec<Finding>,
    benchmarks: Vec<BenchmarkGap>,
}

fn analyse(bp: &Blueprint) -> Analysis {
    Analysis {
        time: customer_time(bp),
        routes: paths(bp),
        risks: risk_table(bp),
        waits: wait_reviews(bp),
        checks: teacher_checks(bp),
        benchmarks: benchmark_gaps(bp),
    }
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

fn path_text(ed: Editing, path: &[StepId], lang: Lang) -> String {
    path.iter()
        .map(|id| ed.step_name(*id, lang))
        .collect::<Vec<_>>()
        .join(" → ")
}

fn card(title: BlueprintMsg, testid: &'static str, body: impl IntoView) -> impl IntoView {
    view! {
        <section class="card bp-figure" data-testid=testid>
            <h3>{tr(title)}</h3>
            {body}
        </section>
    }
}

/// The analysis of the open blueprint.
#[component]
pub fn AnalysisPanel(
    /// The open blueprint.
    ed: Editing,
) -> impl IntoView {
    let lang = use_lang();
    let analysis = Memo::new_with_compare(move |_| ed.bp.with(analyse), |_, _| true);

    let time_body = move || {
        let lang = lang.get();
        let t = analysis.with(|a| a.time.clone());
        let total = fill(
            BlueprintMsg::CustomerTimeIs.in_lang(lang),
            &[&minutes_text(t.total_minutes)],
        );
        let share = t.waiting_share.map(|s| {
            fill(
                BlueprintMsg::WaitingShareIs.in_lang(lang),
                &[&minutes_text(t.wait_minutes), &percent(s)],
            )
        });
        let longest = t.longest_wait.map(|(id, m)| {
            fill(
                BlueprintMsg::LongestWaitIs.in_lang(lang),
                &[&minutes_text(m), &ed.step_name(id, lang)],
            )
        });
        view! {
            <p class="figure-value" data-testid="bp-customer-time">{total}</p>
            <p data-testid="bp-waiting-share">{share}</p>
            <p data-testid="bp-longest-wait">{longest}</p>
            <p class="muted">{BlueprintMsg::MainPath.in_lang(lang)}{": "}{path_text(ed, &t.path, lang)}</p>
        }
    };
    let time_working = Signal::derive(move || analysis.with(|a| a.time.working.clone()));

    let paths_body = move || {
        let lang = lang.get();
        match analysis.with(|a| a.routes.clone()) {
            Ok(p) => {
                let line = |msg: BlueprintMsg, f: &PathFigure| {
                    fill(
                        msg.in_lang(lang),
                        &[&minutes_text(f.minutes), &path_text(ed, &f.steps, lang)],
                    )
                };
                view! {
                    <p data-testid="bp-longest-path">{line(BlueprintMsg::LongestPathIs, &p.longest)}</p>
                    <p data-testid="bp-shortest-path">{line(BlueprintMsg::ShortestPathIs, &p.shortest)}</p>
                    <p class="muted">{fill(BlueprintMsg::PathCount.in_lang(lang), &[&p.count.to_string()])}</p>
                }
                .into_any()
            }
            Err(PathProblem::NoSteps) => {
                view! { <p>{BlueprintMsg::NoStepsYet.in_lang(lang)}</p> }.into_any()
            }
            Err(PathProblem::Cycle(cycle)) => {
                let mut around = cycle.clone();
                around.extend(cycle.first());
                view! { <p class="warning-text">{fill(BlueprintMsg::PathLoop.in_lang(lang), &[&path_text(ed, &around, lang)])}</p> }.into_any()
            }
        }
    };
    let paths_working = Signal::derive(move || {
        analysis.with(|a| {
            a.routes
                .as_ref()
                .map(|p| p.working.clone())
                .unwrap_or_default()
        })
    });

    let risk_body = move || {
        let lang = lang.get();
        let table = analysis.with(|a| a.risks.clone());
        if table.rows.is_empty() {
            return view! { <p>{BlueprintMsg::NoFailPoints.in_lang(lang)}</p> }.into_any();
        }
        let rows = table
            .rows
            .into_iter()
            .map(|r| {
                let working = r.working.clone();
                view! {
                    <tr>
                        <td>{ed.step_name(r.step, lang)}</td>
                        <td>{r.what}</td>
                        <td class="num">{r.likelihood}</td>
                        <td class="num">{r.impact}</td>
                        <td class="num"><strong>{r.risk}</strong><ShowWorking working=Signal::stored(working) /></td>
                        <td>{r.standard}</td>
                        <td>{r.recovery}</td>
                        <td>{r.owner}</td>
                    </tr>
                }
            })
            .collect_view();
        let gaps = table
            .gaps
            .into_iter()
            .map(|(id, gap)| view! { <li>{ed.step_name(id, lang)}{": "}{gap.term().in_lang(lang)}</li> })
            .collect_view();
        view! {
            <div class="scroll-x" tabindex="0">
                <table class="table compact" data-testid="bp-risk-table">
                    <thead><tr>
                        <th scope="col">{BlueprintMsg::Step.in_lang(lang)}</th>
                        <th scope="col">{BlueprintMsg::FailWhat.in_lang(lang)}</th>
                        <th scope="col" class="num">{BlueprintMsg::Likelihood.in_lang(lang)}</th>
                        <th scope="col" class="num">{BlueprintMsg::Impact.in_lang(lang)}</th>
                        <th scope="col" class="num">{BlueprintMsg::RiskScore.in_lang(lang)}</th>
                        <th scope="col">{BlueprintMsg::Standard.in_lang(lang)}</th>
                        <th scope="col">{BlueprintMsg::Recovery.in_lang(lang)}</th>
                        <th scope="col">{BlueprintMsg::Owner.in_lang(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h4>{BlueprintMsg::Gaps.in_lang(lang)}</h4>
            <ul class="bp-gaps" data-testid="bp-risk-gaps">{gaps}</ul>
        }
        .into_any()
    };

    let waits_body = move || {
        let lang = lang.get();
        let reviews = analysis.with(|a| a.waits.clone());
        if reviews.is_empty() {
            return view! { <p>{BlueprintMsg::NoWaits.in_lang(lang)}</p> }.into_any();
        }
        reviews
            .into_iter()
            .map(|w| {
                let head = fill(
                    BlueprintMsg::WaitBreaks.in_lang(lang),
                    &[&ed.step_name(w.step, lang), &minutes_text(w.minutes), &w.broken.len().to_string()],
                );
                let items = w
                    .broken
                    .into_iter()
                    .map(|(p, r)| view! { <li>{p.term().in_lang(lang)}<br /><span class="muted">{BlueprintMsg::Remedy.in_lang(lang)}{": "}{r.term().in_lang(lang)}</span></li> })
                    .collect_view();
                view! { <div class="bp-wait-review"><p><strong>{head}</strong></p><ul>{items}</ul></div> }
            })
            .collect_view()
            .into_any()
    };

    let checks_body = move || {
        let lang = lang.get();
        let findings = analysis.with(|a| a.checks.clone());
        if findings.is_empty() {
            return view! { <p>{BlueprintMsg::NoFindings.in_lang(lang)}</p> }.into_any();
        }
        let items = findings
            .into_iter()
            .map(|f| {
                let about = match &f {
                    Finding::MissingElement { kind } => kind
                        .term()
                        .map(|t| t.in_lang(lang).to_owned())
                        .or_else(|| match kind {
                            crate::blueprints::domain::ElementKind::Other { name, .. } => {
                                Some(name.clone())
                            }
                            _ => None,
                        }),
                    _ => f.step().map(|id| ed.step_name(id, lang)),
                };
                view! { <li>{f.sentence(lang)}{about.map(|a| format!(": {a}"))}</li> }
            })
            .collect_view();
        view! { <ul data-testid="bp-checks">{items}</ul> }.into_any()
    };

    let benchmark_body = move || {
        let lang = lang.get();
        let gaps = analysis.with(|a| a.benchmarks.clone());
        if gaps.is_empty() {
            return view! { <p>{BlueprintMsg::NoBenchmarks.in_lang(lang)}</p> }.into_any();
        }
        let rows = gaps
            .into_iter()
            .map(|g| {
                let show = |v: Option<f64>| v.map_or("–".to_owned(), minutes_text);
                view! {
                    <tr>
                        <td>{ed.step_name(g.step, lang)}</td>
                        <td>{g.competitor.clone()}</td>
                        <td>{g.measure.term().in_lang(lang)}</td>
                        <td class="num">{show(g.ours)}</td>
                        <td class="num">{minutes_text(g.theirs)}</td>
                        <td class="num">{show(g.gap)}<ShowWorking working=Signal::stored(g.working.clone()) /></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="scroll-x" tabindex="0">
                <table class="table compact" data-testid="bp-benchmarks">
                    <thead><tr>
                        <th scope="col">{BlueprintMsg::Step.in_lang(lang)}</th>
                        <th scope="col">{BlueprintMsg::Competitor.in_lang(lang)}</th>
                        <th scope="col">{BlueprintMsg::Measure.in_lang(lang)}</th>
                        <th scope="col" class="num">{BlueprintMsg::Ours.in_lang(lang)}</th>
                        <th scope="col" class="num">{BlueprintMsg::Theirs.in_lang(lang)}</th>
                        <th scope="col" class="num">{BlueprintMsg::GapColumn.in_lang(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };

    // A to-be version beside the blueprint it was duplicated from.
    let compare_body = move || {
        let lang = lang.get();
        let rows = ed.bp.with(|bp| {
            let as_is = bp.based_on?;
            ed.state
                .book
                .with(|b| b.get(as_is).map(|a| (a.name.clone(), compare(a, bp))))
        });
        let (name, rows) = rows?;
        let show = |measure: CompareMeasure, v: f64| match measure {
            CompareMeasure::WaitingShare => percent(v),
            _ => minutes_text(v),
        };
        let rows = rows
            .into_iter()
            .map(|r| view! {
                <tr>
                    <th scope="row">{r.measure.term().in_lang(lang)}</th>
                    <td class="num">{show(r.measure, r.as_is)}</td>
                    <td class="num">{show(r.measure, r.to_be)}</td>
                    <td class="num">{show(r.measure, r.change)}<ShowWorking working=Signal::stored(r.working.clone()) /></td>
                </tr>
            })
            .collect_view();
        Some(view! {
            <section class="card bp-figure" data-testid="bp-compare-card">
                <h3>{fill(BlueprintMsg::CompareTitle.in_lang(lang), &[&name])}</h3>
                <div class="scroll-x" tabindex="0">
                    <table class="table compact" data-testid="bp-compare">
                        <thead><tr>
                            <th scope="col">{BlueprintMsg::Measure.in_lang(lang)}</th>
                            <th scope="col" class="num">{BlueprintMsg::AsIsColumn.in_lang(lang)}</th>
                            <th scope="col" class="num">{BlueprintMsg::ToBeColumn.in_lang(lang)}</th>
                            <th scope="col" class="num">{BlueprintMsg::ChangeColumn.in_lang(lang)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        })
    };

    view! {
        <section class="bp-analysis" aria-labelledby="bp-analysis-title" data-testid="bp-analysis">
            <h2 id="bp-analysis-title">{tr(BlueprintMsg::AnalysisTitle)}</h2>
            <div class="bp-figures">
                {card(BlueprintMsg::CustomerTime, "bp-time-card", view! { {time_body}<ShowWorking working=time_working testid="working-customer-time" /> })}
                {card(BlueprintMsg::Paths, "bp-paths-card", view! { {paths_body}<ShowWorking working=paths_working testid="working-paths" /> })}
            </div>
            {compare_body}
            {card(BlueprintMsg::RiskTable, "bp-risk-card", risk_body)}
            {card(BlueprintMsg::Waits, "bp-waits-card", waits_body)}
            {card(BlueprintMsg::TeacherChecks, "bp-checks-card", checks_body)}
            {card(BlueprintMsg::Benchmarks, "bp-benchmarks-card", benchmark_body)}
        </section>
    }
}
