//! The results (`/surveys/:id/results`): per question n, skipped, the distribution as a
//! chart with its table, mean and median; NPS with its groups and 95% interval; CSAT;
//! CES; the satisfaction index P ÷ E per attribute with its band; SERVQUAL gaps per item
//! and dimension, unweighted and weighted. Every figure shows its working. Responses
//! export as CSV; the share link and pasted response codes are here too.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use super::chart::{chart, ipa_grid, ChartRow, GridPoint, GridWords};
use super::chart_download::chart_downloads;
use super::domain::export::export_rows;
use super::domain::{
    ces, csat, delivered_value, find_response_codes, importance_performance, main_headline,
    month_point, nps, satisfaction_index, scale_summary, servqual, trend_months, Answer,
    CodeOutcome, Crosshair, DualColumns, Filtered, MonthPoint, NpsMethod, Quadrant, QuestionKind,
    Response, ResultsFilter, Servqual, Survey, TokenLink,
};
use super::messages::SurveyMsg;
use super::personal_link::{token_line, PersonalLinkBox};
use super::results_compare::{compare_view, follow_up_view, trend_view};
use super::results_filter::{self, customer_segments, FilterBar, ResultsQuery};
use super::results_messages::ResultsMsg;
use super::state::use_surveys;
use super::view::{
    band_msg, code_error_msg, copy_to_clipboard, num, share_url, use_survey_id, SurveyNotFound,
};
use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::components::working::ShowWorking;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Lang, Text};
use crate::paths;
use crate::tasks::{next_task, STEP_MS};

/// The results page.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let id = use_survey_id();
    let surveys = use_surveys();
    let found = Memo::new(move |_| {
        id.get()
            .and_then(|id| surveys.book.with(|b| b.survey(id).map(|s| s.id)))
    });
    view! {
        <section class="page results-page" data-testid="page-survey-results">
            {move || match found.get() {
                Some(id) => view! { <Results id /> }.into_any(),
                None => view! { <SurveyNotFound /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Results(id: u64) -> impl IntoView {
    // Where the importance–performance grid is divided (the switch on its figure).
    let crosshair = RwSignal::new(Crosshair::DataMeans);
    let surveys = use_surveys();
    let customers = use_customers();
    let lang = use_lang();
    let query = ResultsQuery::new(id);
    let segments = customer_segments();
    // Each filter keeps the places of the responses it keeps in the book (once per change
    // of the filter or the book); a drawing reads them from the book. Places can be the
    // same after a change of the book while what is there is not: every new value counts.
    let has_responses = Memo::new(move |_| {
        surveys
            .book
            .with(|b| b.responses.iter().any(|r| r.survey_id == id))
    });
    let filtered = Memo::new_with_compare(
        move |_| {
            query.filter.with(|f| {
                surveys
                    .book
                    .with(|b| Arc::new(results_filter::apply(&b.responses, id, f, segments)))
            })
        },
        |_, _| true,
    );
    let filtered_b = Memo::new_with_compare(
        move |_| {
            query.comparing.get().then(|| {
                query.filter_b.with(|f| {
                    surveys
                        .book
                        .with(|b| Arc::new(results_filter::apply(&b.responses, id, f, segments)))
                })
            })
        },
        |_, _| true,
    );
    let survey = Memo::new(move |_| {
        surveys
            .book
            .with(|b| b.survey(id).cloned().unwrap_or_default())
    });
    // SERVQUAL over the kept responses (a pass over all of them): worked out once per
    // drawing, in a task of its own, for the headline figures (is there one?) and its figure.
    let gaps = Memo::new_with_compare(
        move |_| {
            survey.with(|s| {
                filtered.with(|f| {
                    surveys
                        .book
                        .with_untracked(|b| Arc::new(servqual(s, &f.responses(&b.responses)).ok()))
                })
            })
        },
        |_, _| true,
    );
    let tags = Memo::new(move |_| {
        customers.customers.with(|b| {
            b.customers
                .iter()
                .flat_map(|c| c.tags.iter().cloned())
                .collect::<std::collections::BTreeSet<String>>()
                .into_iter()
                .collect::<Vec<_>>()
        })
    });
    let export = move |_| {
        let (survey, filtered) = (survey.get_untracked(), filtered.get_untracked());
        let rows = surveys.book.with_untracked(|b| {
            customers.customers.with_untracked(|book| {
                export_rows(&survey, &filtered.responses(&b.responses), |cid| {
                    book.get(cid).map_or_else(
                        || cid.to_string(),
                        |c| {
                            if c.email.is_empty() {
                                cid.to_string()
                            } else {
                                c.email.clone()
                            }
                        },
                    )
                })
            })
        });
        let _ = crate::components::download::download_text(
            &format!("survey-{id}-responses.csv"),
            "text/csv;charset=utf-8",
            &crate::tabular::write_csv(&rows),
        );
    };
    // The figures are drawn a group per task, after the count: over 10,000 responses a
    // group takes tens of milliseconds, all of them together far longer than a task
    // should hold the page (50 ms). A new filter (or a new response) clears them and
    // draws them again the same way; `round` tells a drawing that a newer one began.
    let stage = RwSignal::new(0usize);
    let round = StoredValue::new(0u64);
    let boxes = RwSignal::new(false);
    let drawn: [Memo<bool>; FIGURE_GROUPS] =
        std::array::from_fn(|group| Memo::new(move |_| stage.get() > group));
    // The trend's months, worked out a few per task before its group is drawn (a
    // SERVQUAL estimate per month is a pass over every response).
    let months = StoredValue::new(Vec::<MonthPoint>::new());
    Effect::new(move |_| {
        filtered.track();
        filtered_b.track();
        survey.track();
        let this = round.get_value() + 1;
        round.set_value(this);
        stage.set(0);
        leptos::task::spawn_local(async move {
            let current = move || round.try_get_value() == Some(this);
            for group in 1..=FIGURE_GROUPS {
                next_task().await;
                if !current() {
                    return;
                }
                if group == TREND_GROUP + 1 {
                    let Some(points) = trend_in_steps(surveys, survey, filtered, current).await
                    else {
                        return;
                    };
                    months.set_value(points);
                }
                stage.set(group);
            }
            // The share, personal-link and paste boxes come once, after the first figures,
            // and stay (a new response must not clear a pasted text or its report).
            boxes.set(true);
        });
    });
    let toggle_compare = move |ev: leptos::ev::Event| {
        query.set(
            results_filter::COMPARE,
            if event_target_checked(&ev) { "1" } else { "" },
        );
    };
    view! {
        <header class="customer-header">
            <h1 data-testid="results-title">{move || survey.with(|s| s.name.in_lang(lang.get()).to_owned())}</h1>
            <div class="header-actions no-print">
                <A href=paths::surveys() attr:class="button ghost">{tr(SurveyMsg::BackToSurveys)}</A>
                <A href=paths::survey_edit(id) attr:class="button ghost">{tr(SurveyMsg::Edit)}</A>
                <A href=paths::survey_respond(id) attr:class="button ghost">{tr(SurveyMsg::Collect)}</A>
                <button type="button" class="ghost" data-testid="export-csv" on:click=export>{tr(SurveyMsg::ExportCsv)}</button>
                <A href=paths::survey_import(id) attr:class="button ghost" attr:data-testid="import-responses">{tr(SurveyMsg::ImportLink)}</A>
                <button type="button" class="ghost" data-testid="results-print" on:click=move |_| { let _ = window().print(); }>{tr(ResultsMsg::Print)}</button>
            </div>
        </header>
        <Show when=move || has_responses.get()>
            <div class="results-filter-area">
                <FilterBar query prefix="" tags />
                <label class="field inline no-print">
                    <input type="checkbox" data-testid="results-compare-toggle" prop:checked=move || query.comparing.get() on:change=toggle_compare />
                    <span>{tr(ResultsMsg::CompareToggle)}</span>
                </label>
                <Show when=move || query.comparing.get()>
                    <FilterBar query prefix=results_filter::GROUP_B tags />
                </Show>
            </div>
        </Show>
        <p data-testid="results-count">{move || fill(SurveyMsg::ResponsesN.in_lang(lang.get()), &[&filtered.with(|f| f.len()).to_string()])}</p>
        <Show when=move || !query.filter.with(ResultsFilter::is_everything)>
            <p data-testid="results-filter-status" role="status">{move || query.filter.with(|q| filtered.with(|f| results_filter::count_line(q, f, lang.get())))}</p>
        </Show>
        <Show
            when=move || !filtered.with(|f| f.is_empty())
            fallback=move || {
                let msg = move || if has_responses.get() { ResultsMsg::NoneLeft.in_lang(lang.get()) } else { SurveyMsg::NoResponses.in_lang(lang.get()) };
                view! { <p class="card" data-testid="results-empty">{msg}</p> }
            }
        >
        <div class="results-grid">
            {figure_group(drawn[0], move || filtered_b.get_untracked().and_then(|b| {
                let lang = lang.get();
                let labels = (
                    query.filter.with_untracked(|f| results_filter::describe(f, lang)),
                    query.filter_b.with_untracked(|f| results_filter::describe(f, lang)),
                );
                in_book(surveys, &|all| survey.with_untracked(|s| filtered.with_untracked(|a| Some(compare_view(s, &a.responses(all), &b.responses(all), labels.clone(), lang)))))
            }))}
            {figure_group(drawn[1], move || gaps.with_untracked(|_| None::<AnyView>))}
            {figure_group(drawn[2], move || { let lang = lang.get(); let has_servqual = gaps.with_untracked(|g| g.is_some()); in_book(surveys, &|all| survey.with_untracked(|s| filtered.with_untracked(|kept| Some(headline_figures(s, &kept.responses(all), has_servqual, lang, crosshair).into_any())))) })}
            {figure_group(drawn[TREND_GROUP], move || { let lang = lang.get(); survey.with_untracked(|s| months.with_value(|m| trend_view(s, m, lang))) })}
            {figure_group(drawn[4], move || { let lang = lang.get(); in_book(surveys, &|all| survey.with_untracked(|s| filtered.with_untracked(|kept| Some(follow_up_view(s, &kept.responses(all), lang))))) })}
            {figure_group(drawn[5], move || { let lang = lang.get(); gaps.with_untracked(|g| g.as_ref().as_ref().map(|q| servqual_figure(q, lang))) })}
            {figure_group(drawn[6], move || { let lang = lang.get(); in_book(surveys, &|all| survey.with_untracked(|s| filtered.with_untracked(|kept| delivered_figure(s, &kept.responses(all), lang)))) })}
            {figure_group(drawn[7], move || { let lang = lang.get(); in_book(surveys, &|all| survey.with_untracked(|s| filtered.with_untracked(|kept| {
                let responses = kept.responses(all);
                Some(s.questions().map(|q| question_summary(s, &responses, &q.code, lang)).collect_view().into_any())
            }))) })}
        </div>
        </Show>
        <Show when=move || boxes.get()>
            <div class="results-grid no-print">
                <ShareBox id />
                <PersonalLinkBox id />
                <PasteCodes id />
            </div>
        </Show>
    }
}

/// The groups of figures drawn one per task (see `Results`).
const FIGURE_GROUPS: usize = 8;
/// The trend's group: its months are worked out first, over a few tasks.
const TREND_GROUP: usize = 3;
/// How long one step of this page's split work (the trend's months, reading pasted
/// codes) may take (ms): half of `STEP_MS`, so that a step with what shares its task (a
/// click's handler, the last month or code begun) stays under 50 ms on a busy machine,
/// where everything takes up to twice as long.
const RESULTS_STEP_MS: f64 = STEP_MS / 2.0;

/// The trend's months over the responses the filter kept, a few months per task;
/// `None` if a newer drawing began meanwhile (`current` says it has not).
async fn trend_in_steps(
    surveys: super::state::SurveysState,
    survey: Memo<Survey>,
    filtered: Memo<Arc<Filtered>>,
    current: impl Fn() -> bool,
) -> Option<Vec<MonthPoint>> {
    let Some(headline) = survey.with_untracked(main_headline) else {
        return Some(Vec::new()); // no figure to follow
    };
    let kept = filtered.get_untracked();
    let pending = survey.with_untracked(|s| {
        surveys
            .book
            .with_untracked(|b| trend_months(s, &kept.responses(&b.responses)))
    });
    let mut points = Vec::with_capacity(pending.len());
    let mut pending = pending.into_iter();
    loop {
        let started = js_sys::Date::now();
        while js_sys::Date::now() - started < RESULTS_STEP_MS {
            let Some((month, at)) = pending.next() else {
                return Some(points);
            };
            // The places are among the kept responses; these are places in the book.
            points.push(survey.with_untracked(|s| {
                surveys.book.with_untracked(|b| {
                    let group: Vec<&Response> = at
                        .iter()
                        .filter_map(|&i| b.responses.get(kept.kept[i] as usize))
                        .collect();
                    month_point(s, month, &group, &headline)
                })
            }));
        }
        next_task().await;
        if !current() {
            return None;
        }
    }
}

/// A group of figures drawn from the book's responses (the filters keep their places).
fn in_book(
    surveys: super::state::SurveysState,
    draw: &dyn Fn(&[Response]) -> Option<AnyView>,
) -> Option<AnyView> {
    surveys.book.with_untracked(|b| draw(&b.responses))
}

/// A group of figures, drawn once `drawn` says its turn has come (nothing until then).
fn figure_group<V: IntoView + 'static>(
    drawn: Memo<bool>,
    draw: impl Fn() -> Option<V> + Send + Sync + 'static,
) -> impl IntoView {
    move || drawn.get().then(&draw).flatten()
}

fn figure(
    testid: String,
    title: String,
    headline: String,
    body: AnyView,
    working: Option<crate::working::Working>,
) -> AnyView {
    view! {
        <div class="card figure-card" data-testid=testid>
            <h2>{title}</h2>
            <p class="figure-value">{headline}</p>
            {body}
            {working.map(|w| view! { <ShowWorking working=w /> })}
        </div>
    }
    .into_any()
}

/// NPS, CSAT, CES and the satisfaction index of each question that has one.
fn headline_figures(
    survey: &Survey,
    responses: &[&Response],
    has_servqual: bool,
    lang: Lang,
    crosshair: RwSignal<Crosshair>,
) -> impl IntoView {
    let t = |m: SurveyMsg| m.in_lang(lang);
    survey
        .questions()
        .filter_map(|q| {
            let code = q.code.as_str();
            let title = format!("{} · {}", q.text.in_lang(lang), code);
            match &q.kind {
                QuestionKind::Nps => {
                    let n = nps(survey, responses, code).ok()?;
                    let headline = fill(t(SurveyMsg::NpsHeadline), &[&num(n.score, 1), &num(n.interval.low, 1), &num(n.interval.high, 1), &n.n.to_string()]);
                    let share = |k: usize| format!("{:.1}%", 100.0 * k as f64 / n.n as f64);
                    let rows = vec![
                        ChartRow { label: t(SurveyMsg::Promoters).to_owned(), value: n.promoters as f64, cells: vec![n.promoters.to_string(), share(n.promoters)] },
                        ChartRow { label: t(SurveyMsg::Passives).to_owned(), value: n.passives as f64, cells: vec![n.passives.to_string(), share(n.passives)] },
                        ChartRow { label: t(SurveyMsg::Detractors).to_owned(), value: n.detractors as f64, cells: vec![n.detractors.to_string(), share(n.detractors)] },
                    ];
                    let method = match n.method { NpsMethod::Wald => t(SurveyMsg::MethodWald), NpsMethod::AdjustedWald => t(SurveyMsg::MethodAdjusted) };
                    let body = view! {
                        {chart("nps-groups", vec![t(SurveyMsg::Group), t(SurveyMsg::Count), t(SurveyMsg::Share)], rows, false)}
                        <p class="muted">{method}</p>
                    }.into_any();
                    Some(figure(format!("figure-nps-{code}"), title, headline, body, Some(n.working())))
                }
                QuestionKind::Csat => {
                    let c = csat(survey, responses, code).ok()?;
                    let headline = fill(t(SurveyMsg::CsatHeadline), &[&num(c.share * 100.0, 1), &num(c.interval.low * 100.0, 1), &num(c.interval.high * 100.0, 1), &c.n.to_string()]);
                    Some(figure(format!("figure-csat-{code}"), title, headline, ().into_any(), Some(c.working())))
                }
                QuestionKind::Ces => {
                    let m = ces(survey, responses, code).ok()?;
                    let ci = m.interval.map_or_else(|| "–".to_owned(), |i| format!("{} – {}", num(i.low, 2), num(i.high, 2)));
                    let headline = fill(t(SurveyMsg::CesHeadline), &[&num(m.mean, 2), &ci, &m.n.to_string()]);
                    Some(figure(format!("figure-ces-{code}"), title, headline, ().into_any(), Some(m.working(super::domain::SurveyTerm::MeanEffort))))
                }
                QuestionKind::DualMatrix { columns: DualColumns::ExpectationPerception, rows, .. } if !has_servqual => {
                    let si = satisfaction_index(survey, responses, code).ok()?;
                    let headline = fill(t(SurveyMsg::IndexHeadline), &[&num(si.overall, 3), t(band_msg(si.band))]);
                    let name = |c: &str| rows.iter().find(|r| r.code == c).map_or(c.to_owned(), |r| r.text.in_lang(lang).to_owned());
                    let body = view! {
                        <div class="table-wrap" tabindex="0"><table class="table compact" data-testid=format!("index-{code}")>
                            <thead><tr><th>{t(SurveyMsg::Attribute)}</th><th class="num">"E"</th><th class="num">"P"</th><th class="num">"P ÷ E"</th><th>{t(SurveyMsg::Band)}</th></tr></thead>
                            <tbody>{si.attributes.iter().map(|a| view! { <tr>
                                <th scope="row">{name(&a.means.code)}<ShowWorking working=a.working() /></th>
                                <td class="num">{num(a.means.first, 2)}</td><td class="num">{num(a.means.second, 2)}</td>
                                <td class="num">{num(a.index, 3)}</td><td>{t(band_msg(a.band))}</td>
                            </tr> }).collect_view()}</tbody>
                        </table></div>
                        <p class="muted">{fill(t(SurveyMsg::Tolerance), &[&num(super::domain::scoring::SATISFIED_TOLERANCE, 2)])}</p>
                    }.into_any();
                    Some(figure(format!("figure-index-{code}"), title, headline, body, Some(si.working())))
                }
                QuestionKind::DualMatrix { columns: DualColumns::ImportancePerformance, rows, .. } => {
                    let at = crosshair.get();
                    let ipa = importance_performance(survey, responses, code, at).ok()?;
                    let name = |c: &str| rows.iter().find(|r| r.code == c).map_or(c.to_owned(), |r| r.text.in_lang(lang).to_owned());
                    let headline_msg = match at {
                        Crosshair::DataMeans => SurveyMsg::IpaHeadline,
                        Crosshair::ScaleMidpoint => SurveyMsg::IpaHeadlineMidpoint,
                    };
                    let headline = fill(t(headline_msg), &[&num(ipa.importance_cut, 2), &num(ipa.performance_cut, 2)]);
                    let points: Vec<GridPoint> = ipa.points.iter().map(|p| GridPoint {
                        label: p.means.code.clone(),
                        importance: p.means.first,
                        performance: p.means.second,
                    }).collect();
                    let words = GridWords {
                        quadrants: [Quadrant::ConcentrateHere, Quadrant::KeepUpTheGoodWork, Quadrant::LowPriority, Quadrant::PossibleOverkill]
                            .map(|q| q.name().in_lang(lang).to_owned()),
                        performance: t(SurveyMsg::AxisPerformance).to_owned(),
                        importance: t(SurveyMsg::AxisImportance).to_owned(),
                    };
                    let scale = (f64::from(ipa.scale.min), f64::from(ipa.scale.max));
                    let choose = move |ev| {
                        crosshair.set(match event_target_value(&ev).as_str() {
                            "midpoint" => Crosshair::ScaleMidpoint,
                            _ => Crosshair::DataMeans,
                        });
                        // The figures are drawn again: the focus goes back to the switch.
                        crate::components::focus::focus_later(&["[data-testid=ipa-crosshair]"]);
                    };
                    let body = view! {
                        <label class="field inline no-print">
                            <span>{t(SurveyMsg::IpaCrosshair)}</span>
                            <select data-testid="ipa-crosshair" on:change=choose>
                                <option value="means" selected=at == Crosshair::DataMeans>{t(SurveyMsg::IpaAtMeans)}</option>
                                <option value="midpoint" selected=at == Crosshair::ScaleMidpoint>{t(SurveyMsg::IpaAtMidpoint)}</option>
                            </select>
                        </label>
                        <div class="chart-pair">
                            {ipa_grid(&points, scale, ipa.importance_cut, ipa.performance_cut, words)}
                            {chart_downloads(format!("survey-{}-ipa", survey.id))}
                        </div>
                        <div class="table-wrap" tabindex="0"><table class="table compact" data-testid=format!("ipa-{code}")>
                            <thead><tr><th>{t(SurveyMsg::Attribute)}</th><th class="num">"I"</th><th class="num">"P"</th><th>{t(SurveyMsg::Quadrant)}</th></tr></thead>
                            <tbody>{ipa.points.iter().map(|p| view! { <tr>
                                <th scope="row">{name(&p.means.code)}</th>
                                <td class="num">{num(p.means.first, 2)}</td><td class="num">{num(p.means.second, 2)}</td>
                                <td>{p.quadrant.name().in_lang(lang)}</td>
                            </tr> }).collect_view()}</tbody>
                        </table></div>
                    }.into_any();
                    Some(figure(format!("figure-ipa-{code}"), title, headline, body, Some(ipa.working())))
                }
                _ => None,
            }
        })
        .collect_view()
}

/// Customer delivered value, when the survey holds the value and cost matrices.
fn delivered_figure(survey: &Survey, responses: &[&Response], lang: Lang) -> Option<AnyView> {
    use super::domain::templates::{COST_QUESTION, VALUE_QUESTION};
    let d = delivered_value(survey, responses, VALUE_QUESTION, COST_QUESTION).ok()?;
    let headline = fill(
        SurveyMsg::DeliveredHeadline.in_lang(lang),
        &[
            &num(d.delivered, 2),
            &num(d.total_value, 2),
            &num(d.total_cost, 2),
        ],
    );
    Some(figure(
        "figure-delivered".to_owned(),
        super::domain::SurveyTerm::DeliveredValue
            .in_lang(lang)
            .to_owned(),
        headline,
        ().into_any(),
        Some(d.working()),
    ))
}

/// SERVQUAL gaps, when the survey holds the 22 items.
fn servqual_figure(q: &Servqual, lang: Lang) -> AnyView {
    let t = |m: SurveyMsg| m.in_lang(lang);
    let dimension_name = |d: super::domain::ServqualDimension| {
        super::domain::scoring::dimension_term(d).in_lang(lang)
    };
    let dims: Vec<ChartRow> = q
        .dimensions
        .iter()
        .map(|d| ChartRow {
            label: dimension_name(d.dimension).to_owned(),
            value: d.gap,
            cells: vec![num(d.expected, 2), num(d.perceived, 2), num(d.gap, 2)],
        })
        .collect();
    let items: Vec<ChartRow> = q
        .dimensions
        .iter()
        .flat_map(|d| d.items.iter())
        .map(|i| ChartRow {
            label: i.means.code.clone(),
            value: i.gap,
            cells: vec![num(i.means.first, 2), num(i.means.second, 2), num(i.gap, 2)],
        })
        .collect();
    let weighted = q
        .weighted
        .as_ref()
        .map_or_else(|_| "–".to_owned(), |w| num(w.score, 2));
    let headline = fill(
        t(SurveyMsg::ServqualHeadline),
        &[&num(q.unweighted, 2), &weighted],
    );
    let headers = || vec![t(SurveyMsg::Item), "E", "P", t(SurveyMsg::GapPE)];
    view! {
        <div class="card figure-card wide-card" data-testid="figure-servqual">
            <h2>{t(SurveyMsg::ServqualTitle)}</h2>
            <p class="figure-value" data-testid="servqual-scores">{headline}</p>
            <h3>{t(SurveyMsg::ByDimension)}</h3>
            {chart("servqual-dimensions", headers(), dims, true)}
            <h3>{t(SurveyMsg::ByItem)}</h3>
            {chart("servqual-items", headers(), items, true)}
            <ShowWorking working=q.working() testid="working-servqual" />
        </div>
    }
    .into_any()
}

/// n, skipped, the distribution, mean and median of a scale or choice question.
fn question_summary(
    survey: &Survey,
    responses: &[&Response],
    code: &str,
    lang: Lang,
) -> Option<AnyView> {
    let t = |m: SurveyMsg| m.in_lang(lang);
    let q = survey.question(code)?;
    let title = format!("{} · {}", q.text.in_lang(lang), code);
    let (n, skipped, rows, extra) = match &q.kind {
        kind if kind.is_single_scale() => {
            let s = scale_summary(survey, responses, code).ok()?;
            let rows = s
                .counts
                .iter()
                .map(|(point, count)| ChartRow {
                    label: point.to_string(),
                    value: *count as f64,
                    cells: vec![
                        count.to_string(),
                        format!("{:.1}%", 100.0 * *count as f64 / s.n as f64),
                    ],
                })
                .collect();
            let extra = fill(
                t(SurveyMsg::MeanMedian),
                &[&num(s.mean, 2), &num(s.median, 1)],
            );
            (s.n, s.skipped, rows, extra)
        }
        QuestionKind::SingleChoice { choices } | QuestionKind::MultipleChoice { choices, .. } => {
            let answered: Vec<&Answer> = responses
                .iter()
                .filter_map(|r| r.answers.get(code))
                .collect();
            let n = answered.len();
            let rows = choices
                .iter()
                .map(|c| {
                    let count = answered
                        .iter()
                        .filter(|a| match a {
                            Answer::Choice(x) => *x == c.code,
                            Answer::Choices(xs) => xs.contains(&c.code),
                            _ => false,
                        })
                        .count();
                    ChartRow {
                        label: c.label.in_lang(lang).to_owned(),
                        value: count as f64,
                        cells: vec![
                            count.to_string(),
                            format!("{:.1}%", 100.0 * count as f64 / n.max(1) as f64),
                        ],
                    }
                })
                .collect();
            (n, responses.len() - n, rows, String::new())
        }
        QuestionKind::ShortText
        | QuestionKind::LongText
        | QuestionKind::Number { .. }
        | QuestionKind::Date => {
            let n = responses
                .iter()
                .filter(|r| r.answers.contains_key(code))
                .count();
            (n, responses.len() - n, Vec::new(), String::new())
        }
        _ => return None,
    };
    let counts = fill(
        t(SurveyMsg::AnsweredSkipped),
        &[&n.to_string(), &skipped.to_string()],
    );
    let has_chart = !rows.is_empty();
    Some(view! {
        <div class="card" data-testid=format!("summary-{code}")>
            <h2>{title}</h2>
            <p data-testid="summary-counts">{counts}</p>
            {has_chart.then(|| chart("distribution", vec![t(SurveyMsg::Answer), t(SurveyMsg::Count), t(SurveyMsg::Share)], rows, false))}
            {(!extra.is_empty()).then(|| view! { <p data-testid="summary-mean">{extra}</p> })}
        </div>
    }.into_any())
}

/// The share link of the survey, with a copy button.
#[component]
fn ShareBox(id: u64) -> impl IntoView {
    let surveys = use_surveys();
    let link = Memo::new(move |_| {
        surveys
            .book
            .with(|b| b.survey(id).map(|s| share_url(s, None)))
            .unwrap_or_default()
    });
    let copied = RwSignal::new(false);
    let lang = use_lang();
    view! {
        <div class="card" data-testid="share-box">
            <h2>{tr(SurveyMsg::ShareTitle)}</h2>
            <p>{tr(SurveyMsg::ShareExplain)}</p>
            <textarea readonly rows="3" class="response-code" data-testid="share-link" aria-label=tr(SurveyMsg::ShareTitle) prop:value=move || link.get()></textarea>
            <p class="muted">{move || fill(SurveyMsg::LinkLength.in_lang(lang.get()), &[&link.with(String::len).to_string()])}</p>
            <div class="actions">
                <button type="button" data-testid="copy-link" on:click=move |_| { copy_to_clipboard(&link.get_untracked()); copied.set(true); }>{tr(SurveyMsg::Copy)}</button>
                <a class="button ghost" href=move || link.get() target="_blank" rel="noopener">{tr(SurveyMsg::OpenLink)}</a>
                <Show when=move || copied.get()><span class="success-text" role="status">{tr(SurveyMsg::Copied)}</span></Show>
            </div>
        </div>
    }
}

/// A box to paste response codes into (one per line, or a whole chat log).
#[component]
fn PasteCodes(id: u64) -> impl IntoView {
    let surveys = use_surveys();
    let customers = use_customers();
    let lang = use_lang();
    let text = RwSignal::new(String::new());
    let report = RwSignal::new(Vec::<String>::new());
    // A thousand codes take a few hundred milliseconds to read: they are read a slice
    // per task, then taken at once (one change of the book, one save in two steps).
    let busy = RwSignal::new(false);
    let take = move |_| {
        let lang = lang.get_untracked();
        let codes = find_response_codes(&text.get_untracked());
        if codes.is_empty() {
            report.set(vec![SurveyMsg::NoCodesFound.in_lang(lang).to_owned()]);
            return;
        }
        // The last report goes: a new one comes when the codes are taken.
        report.set(Vec::new());
        busy.set(true);
        leptos::task::spawn_local(async move {
            // Finding the codes in the text was the click's task; reading starts in the next.
            next_task().await;
            let reader = surveys.book.with_untracked(|b| b.code_reader(id));
            let mut read = Vec::with_capacity(codes.len());
            while read.len() < codes.len() {
                let started = js_sys::Date::now();
                while read.len() < codes.len() && js_sys::Date::now() - started < RESULTS_STEP_MS {
                    read.push(reader.read(&codes[read.len()]));
                }
                next_task().await;
            }
            // One change of the book, saved over the next tasks (see `update_in_steps`).
            let mut outcomes = Vec::new();
            surveys
                .book
                .update_in_steps(|b| outcomes = b.take_read(&reader, read, today()))
                .await;
            // The report (1,000 lines) in a task of its own, after the save's.
            next_task().await;
            let lines = codes
                .iter()
                .zip(outcomes)
                .map(|(code, outcome)| code_line(code, outcome, lang, customers))
                .collect();
            report.set(lines);
            text.set(String::new());
            busy.set(false);
        });
    };
    view! {
        <div class="card" data-testid="paste-codes">
            <h2>{tr(SurveyMsg::PasteTitle)}</h2>
            <label class="field wide"><span>{tr(SurveyMsg::PasteExplain)}</span>
                <textarea rows="4" data-testid="codes-input" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea></label>
            <button type="button" data-testid="codes-take" disabled=move || busy.get() on:click=take>{tr(SurveyMsg::TakeCodes)}</button>
            <div role="status"><ul class="plain-list" data-testid="codes-report">{move || report.get().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul></div>
        </div>
    }
}

/// The report's line for one pasted code.
fn code_line(
    code: &str,
    outcome: CodeOutcome,
    lang: Lang,
    customers: crate::customers::state::CustomersState,
) -> String {
    let short: String = code.chars().take(16).collect();
    match outcome {
        CodeOutcome::Taken { link, .. } if link != TokenLink::NoToken => {
            token_line(link, &short, lang, customers)
        }
        CodeOutcome::Taken { dropped, .. } if dropped.is_empty() => {
            fill(SurveyMsg::CodeTaken.in_lang(lang), &[&short])
        }
        CodeOutcome::Taken { dropped, .. } => fill(
            SurveyMsg::CodeTakenDropped.in_lang(lang),
            &[&short, &dropped.len().to_string()],
        ),
        CodeOutcome::AlreadyTaken => fill(SurveyMsg::CodeAlready.in_lang(lang), &[&short]),
        CodeOutcome::Refused(e) => format!("{short}…: {}", code_error_msg(&e).in_lang(lang)),
    }
}
