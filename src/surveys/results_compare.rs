//! The results' comparison of group A with group B (each headline figure's difference
//! with its 95% interval and whether it is more than chance), the trend of the main
//! figure by month (a chart with its interval band, and its table), and the follow-ups
//! among the responses shown.

use leptos::prelude::*;
use leptos_router::components::A;

use super::chart::{trend_chart, TrendPoint};
use super::chart_download::chart_downloads;
use super::domain::{
    compare, main_headline, response_satisfaction_index, Answer, DualColumns, Headline, MonthPoint,
    NpsCategory, QuestionKind, Response, SatisfactionBand, Survey,
};
use super::results_messages::ResultsMsg;
use super::view::num;
use crate::components::working::ShowWorking;
use crate::customers::domain::Customer;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Lang, Text};
use crate::paths;

/// A headline's name with its question code.
fn headline_name(survey: &Survey, h: &Headline, lang: Lang) -> String {
    let name = h.term().in_lang(lang);
    match h.code().and_then(|c| survey.question(c)) {
        Some(q) => format!("{name} · {}", q.code),
        None => name.to_owned(),
    }
}

/// Group A against group B, one row per headline figure.
pub fn compare_view(
    survey: &Survey,
    a: &[&Response],
    b: &[&Response],
    (label_a, label_b): (String, String),
    lang: Lang,
) -> AnyView {
    let t = |m: ResultsMsg| m.in_lang(lang);
    let rows = compare(survey, a, b)
        .into_iter()
        .map(|(h, diff)| {
            let name = headline_name(survey, &h, lang);
            let d = h.decimals() as usize;
            match diff {
                Ok(diff) => {
                    let beyond = diff.beyond_chance();
                    let verdict = if beyond { t(ResultsMsg::BeyondChance) } else { t(ResultsMsg::MaybeChance) };
                    let signed = |v: f64| if v > 0.0 { format!("+{}", num(v, d)) } else { num(v, d) };
                    view! {
                        <tr data-testid="compare-row">
                            <th scope="row">{name}<ShowWorking working=diff.working() /></th>
                            <td class="num">{num(diff.a.value, d)}<br /><span class="muted">{format!("n = {}", diff.a.n)}</span></td>
                            <td class="num">{num(diff.b.value, d)}<br /><span class="muted">{format!("n = {}", diff.b.n)}</span></td>
                            <td class="num" data-testid="compare-difference">{signed(diff.difference)}</td>
                            <td class="num" data-testid="compare-interval">{format!("{} … {}", signed(diff.interval.low), signed(diff.interval.high))}</td>
                            <td data-testid="compare-verdict" class:success-text=beyond>{verdict}</td>
                        </tr>
                    }.into_any()
                }
                Err(_) => view! {
                    <tr data-testid="compare-row"><th scope="row">{name}</th><td colspan="5" class="muted">{t(ResultsMsg::TooFew)}</td></tr>
                }.into_any(),
            }
        })
        .collect_view();
    view! {
        <div class="card wide-card" data-testid="results-compare">
            <h2>{t(ResultsMsg::CompareTitle)}</h2>
            <p class="muted">{format!("A: {label_a} · B: {label_b}")}</p>
            <div class="table-wrap" tabindex="0"><table class="table compact">
                <thead><tr>
                    <th>{t(ResultsMsg::Figure)}</th><th class="num">{t(ResultsMsg::GroupA)}</th><th class="num">{t(ResultsMsg::GroupB)}</th>
                    <th class="num">{t(ResultsMsg::Difference)}</th><th class="num">{t(ResultsMsg::Interval)}</th><th>{t(ResultsMsg::Verdict)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
            <p class="muted">{t(ResultsMsg::CompareExplain)}</p>
        </div>
    }
    .into_any()
}

/// The main figure per month (`months`, from the domain's `trend`): the chart with its
/// band, and the table beside it.
pub fn trend_view(survey: &Survey, months: &[MonthPoint], lang: Lang) -> Option<AnyView> {
    let t = |m: ResultsMsg| m.in_lang(lang);
    let h = main_headline(survey)?;
    if months.is_empty() {
        return None;
    }
    let d = h.decimals() as usize;
    let points: Vec<TrendPoint> = months
        .iter()
        .map(|m| TrendPoint {
            label: m.month.format("%Y-%m").to_string(),
            estimate: m
                .estimate
                .as_ref()
                .ok()
                .map(|e| (e.value, e.interval.low, e.interval.high)),
        })
        .collect();
    let rows = months
        .iter()
        .map(|m| {
            let (value, interval) = match &m.estimate {
                Ok(e) => (num(e.value, d), format!("{} … {}", num(e.interval.low, d), num(e.interval.high, d))),
                Err(_) => ("–".to_owned(), "–".to_owned()),
            };
            let n = m.estimate.as_ref().map_or(m.responses, |e| e.n);
            view! { <tr><th scope="row">{m.month.format("%Y-%m").to_string()}</th><td class="num">{n}</td><td class="num">{value}</td><td class="num">{interval}</td></tr> }
        })
        .collect_view();
    let title = fill(
        t(ResultsMsg::TrendTitle),
        &[&headline_name(survey, &h, lang)],
    );
    Some(view! {
        <div class="card wide-card figure-card" data-testid="results-trend">
            <h2>{title}</h2>
            <div class="chart-pair" data-testid="trend">
                {trend_chart(&points)}
                <table class="table compact chart-table" data-testid="trend-table">
                    <thead><tr><th>{t(ResultsMsg::Month)}</th><th class="num">"n"</th><th class="num">{t(ResultsMsg::Value)}</th><th class="num">{t(ResultsMsg::Interval)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {chart_downloads(format!("survey-{}-trend", survey.id))}
            </div>
            <p class="muted">{t(ResultsMsg::TrendExplain)}</p>
        </div>
    }.into_any())
}

/// One follow-up: a linked response from a detractor or with an index below 1.
struct FollowUp {
    customer_id: u64,
    date: chrono::NaiveDate,
    score: FollowUpScore,
}

/// Why a response is followed up, written out only for the ones listed (there can be
/// thousands).
enum FollowUpScore {
    /// A detractor's NPS answer.
    Nps(u8),
    /// A satisfaction index below the band.
    Index(f64),
}

impl std::fmt::Display for FollowUpScore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FollowUpScore::Nps(v) => write!(f, "NPS {v}"),
            FollowUpScore::Index(i) => write!(f, "P/E {}", num(*i, 2)),
        }
    }
}

/// Responses among `responses` whose customer should be contacted: a detractor or an
/// index below 1, with no contact on their timeline since (newest first).
fn follow_ups(
    survey: &Survey,
    responses: &[&Response],
    contacted: impl Fn(u64, chrono::NaiveDate) -> Option<bool>,
) -> Vec<FollowUp> {
    let nps = survey
        .questions()
        .find(|q| q.kind == QuestionKind::Nps)
        .map(|q| q.code.clone());
    let matrices: Vec<String> = survey
        .questions()
        .filter(|q| {
            matches!(
                q.kind,
                QuestionKind::DualMatrix {
                    columns: DualColumns::ExpectationPerception,
                    ..
                }
            )
        })
        .map(|q| q.code.clone())
        .collect();
    let mut list: Vec<FollowUp> = responses
        .iter()
        .filter_map(|r| {
            let customer_id = r.customer_id?;
            let score = nps.as_ref().and_then(|c| match r.answers.get(c) {
                Some(Answer::Scale(v)) if NpsCategory::of(*v) == NpsCategory::Detractor => {
                    Some(FollowUpScore::Nps(*v))
                }
                _ => None,
            });
            // A detractor is followed up whatever their index: it is worked out only if not.
            let score = score.or_else(|| {
                let indexes: Vec<f64> = matrices
                    .iter()
                    .filter_map(|c| response_satisfaction_index(survey, r, c))
                    .collect();
                (!indexes.is_empty())
                    .then(|| indexes.iter().sum::<f64>() / indexes.len() as f64)
                    .filter(|i| SatisfactionBand::of(*i) == SatisfactionBand::Dissatisfied)
                    .map(FollowUpScore::Index)
            })?;
            // A customer no longer in the book cannot be contacted from here.
            (!contacted(customer_id, r.submitted)?).then_some(FollowUp {
                customer_id,
                date: r.submitted,
                score,
            })
        })
        .collect();
    list.sort_by_key(|f| std::cmp::Reverse(f.date));
    list
}

/// How many follow-ups are listed (the count says how many there are in all).
const FOLLOW_UPS_SHOWN: usize = 50;

/// The follow-ups among the responses shown, each linking to its customer.
pub fn follow_up_view(survey: &Survey, responses: &[&Response], lang: Lang) -> AnyView {
    let t = |m: ResultsMsg| m.in_lang(lang);
    let customers = use_customers();
    let (list, names) = customers.customers.with(|book| {
        // Thousands of linked responses each look up their customer: by id, not by a
        // walk through the whole book each time.
        let mut by_id: Vec<(u64, &Customer)> = book.customers.iter().map(|c| (c.id, c)).collect();
        by_id.sort_unstable_by_key(|(id, _)| *id);
        let customer = |id: u64| {
            by_id
                .binary_search_by_key(&id, |(k, _)| *k)
                .ok()
                .map(|at| by_id[at].1)
        };
        let list = follow_ups(survey, responses, |id, date| {
            customer(id).map(|c| c.contacted_since(date))
        });
        let names: Vec<String> = list
            .iter()
            .take(FOLLOW_UPS_SHOWN)
            .map(|f| {
                customer(f.customer_id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default()
            })
            .collect();
        (list, names)
    });
    let count = list.len();
    view! {
        <div class="card" data-testid="results-follow-ups">
            <h2>{format!("{} ({count})", t(ResultsMsg::FollowUpsTitle))}</h2>
            <p class="muted">{t(ResultsMsg::FollowUpsExplain)}</p>
            {if list.is_empty() {
                view! { <p>{t(ResultsMsg::NoFollowUps)}</p> }.into_any()
            } else {
                view! { <ul class="plain-list follow-up-list">
                    {list.into_iter().zip(names).map(|(f, name)| view! {
                        <li data-testid="follow-up"><A href=paths::customer(f.customer_id, "")>{name}</A>{format!(" · {} · {}", f.date, f.score)}</li>
                    }).collect_view()}
                </ul> }.into_any()
            }}
        </div>
    }
    .into_any()
}
