//! The Learn page: each customer-record concept explained in the user's language (with
//! the term in both), then illustrated with the customers stored in this browser.

use leptos::prelude::*;
use leptos_router::components::A;

use super::messages::LearnMsg;
use crate::blueprints::learn::BlueprintLessons;
use crate::clock::today;
use crate::components::lesson::lesson_card;
use crate::components::text::{tr, use_lang};
use crate::components::working::ShowWorking;
use crate::credit::domain::{aging, metrics, CreditTerms};
use crate::credit::state::use_credit;
use crate::customers::domain::{
    book_lessons, demo_customers, BookLessons, Share, DEFAULT_DEMO_COUNT,
};
use crate::customers::labels::Labelled;
use crate::customers::state::use_customers;
use crate::customers::DEMO_SEED;
use crate::i18n::{fill, Lang, Msg, Text};
use crate::paths;
use crate::surveys::learn::SurveyLessons;

/// The Learn page.
#[component]
pub fn LearnPage() -> impl IntoView {
    let state = use_customers();
    let empty = move || state.customers.with(|b| b.customers.is_empty());
    view! {
        <section class="page learn-page" data-testid="page-learn">
            <h1>{tr(Msg::LearnTitle)}</h1>
            <p class="lead">{tr(LearnMsg::Intro)}</p>
            <Show when=empty fallback=Lessons>
                <NoCustomers />
            </Show>
        </section>
    }
}

/// Offers the demo data when there is nothing to illustrate the lessons with.
#[component]
fn NoCustomers() -> impl IntoView {
    let state = use_customers();
    let app = crate::state::use_app_state();
    let load = move |_| {
        let demo = demo_customers(DEMO_SEED, DEFAULT_DEMO_COUNT, today());
        state.customers.update(|b| b.customers = demo);
        crate::customers::state::add_demo_rates(app);
    };
    view! {
        <div class="card empty-state" data-testid="learn-empty">
            <h2>{tr(LearnMsg::NoCustomersTitle)}</h2>
            <p>{tr(LearnMsg::NoCustomersBody)}</p>
            <button type="button" data-testid="learn-load-demo" on:click=load>{tr(LearnMsg::LoadDemo)}</button>
        </div>
    }
}

/// Every lesson, with the book's figures.
#[component]
fn Lessons() -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let prepared = Memo::new(move |_| state.derived.prepared(state.customers));
    let lessons = Memo::new(move |_| {
        let prepared = prepared.get();
        state
            .customers
            .with(|b| book_lessons(&b.customers, &prepared.facts, state.conversion.get().home))
    });
    let name_of = move |id: u64| {
        state.customers.with_untracked(|b| {
            b.get(id)
                .map_or_else(|| format!("#{id}"), |c| c.name.clone())
        })
    };
    move || {
        let l = lessons.get();
        let lang = lang.get();
        let chart = |id, title, body, testid, rows| {
            lesson(id, title, body, lang, bars(testid, rows, l.customers))
        };
        let not_set = LearnMsg::NotClassified.in_lang(lang);
        view! {
            <div class="lessons">
                {profile(&l, lang, name_of)}
                {value(&l, lang)}
                {motive(&l, lang)}
                {channel(&l, lang, name_of)}
                {chart("stage", LearnMsg::StageTitle, LearnMsg::StageBody, "learn-stages",
                    bar_rows(&l.stages, |s| s.label(lang), |s| Some(list_link("stage", s.key()))))}
                {chart("ladder", LearnMsg::LadderTitle, LearnMsg::LadderBody, "learn-ladder",
                    bar_rows(&l.ladder, |v| v.label(lang), |v| Some(list_link("ladder", v.key()))))}
                {chart("levels", LearnMsg::LevelTitle, LearnMsg::LevelBody, "learn-levels",
                    bar_rows(&l.levels, |v| v.map_or(not_set, |v| v.label(lang)), |_| None))}
                {churn(&l, lang)}
                {complaints(&l, lang)}
                <SurveyLessons />
                <BlueprintLessons />
                <CreditLessons />
            </div>
        }
    }
}

/// A lesson's card: its title in the user's language with the other language beside it,
/// the explanation, then what the book shows.
fn lesson(
    id: &'static str,
    title: LearnMsg,
    body: LearnMsg,
    lang: Lang,
    figures: impl IntoView,
) -> impl IntoView {
    lesson_card(
        id,
        title,
        body,
        LearnMsg::InYourData.in_lang(lang),
        lang,
        figures,
    )
}

/// One row of a bar chart: a label (a link to those customers when there is one), the
/// count and a bar as wide as its share of `total`.
struct Bar {
    label: String,
    count: usize,
    href: Option<String>,
}

fn bars(testid: &'static str, rows: Vec<Bar>, total: usize) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|Bar { label, count, href }| {
            let width = if total == 0 {
                0.0
            } else {
                count as f64 * 100.0 / total as f64
            };
            let label = match href {
                Some(href) => view! { <A href=href>{label}</A> }.into_any(),
                None => view! { <span>{label}</span> }.into_any(),
            };
            view! {
                <li>
                    <span class="bar-label">{label}</span>
                    <span class="bar-track" aria-hidden="true">
                        <span class="bar-fill" style=format!("width: {width:.1}%")></span>
                    </span>
                    <span class="bar-count">{count}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="bars" data-testid=testid>{rows}</ul> }
}

/// Bars for counts per value, in the order given: `label` names a value and `href`
/// links to its customers.
fn bar_rows<T: Copy>(
    counts: &[(T, usize)],
    label: impl Fn(T) -> &'static str,
    href: impl Fn(T) -> Option<String>,
) -> Vec<Bar> {
    counts
        .iter()
        .map(|&(value, count)| Bar {
            label: label(value).to_owned(),
            count,
            href: href(value),
        })
        .collect()
}

/// A link to the list filtered by one query parameter.
fn list_link(key: &str, value: &str) -> String {
    paths::customers_where(key, value)
}

fn profile(l: &BookLessons, lang: Lang, name_of: impl Fn(u64) -> String) -> impl IntoView {
    let count = fill(
        LearnMsg::ProfileFigure.in_lang(lang),
        &[&l.customers.to_string(), &l.interactions.to_string()],
    );
    let example = l.fullest.map(|(id, n)| {
        let text = LearnMsg::ProfileExample.in_lang(lang);
        let (before, after) = text.split_once("{0}").unwrap_or((text, ""));
        let name = name_of(id);
        view! {
            <p>
                {before.to_owned()}
                <A href=paths::customer(id, "")>{name}</A>
                {fill(after, &["", &n.to_string()])}
            </p>
        }
    });
    lesson(
        "profile",
        LearnMsg::ProfileTitle,
        LearnMsg::ProfileBody,
        lang,
        view! { <p data-testid="learn-profile-count">{count}</p> {example} },
    )
}

fn value(l: &BookLessons, lang: Lang) -> impl IntoView {
    let rows = l
        .value
        .iter()
        .map(|g| {
            let href = list_link("value_class", g.class.key());
            let label = g.class.label(lang);
            let customers = format!("{:.1}%", g.customers.percent());
            let spend = format!("{:.1}%", g.spend.percent());
            view! {
                <tr>
                    <th scope="row"><A href=href>{label}</A></th>
                    <td class="num">{customers}</td>
                    <td class="num">{spend}</td>
                </tr>
            }
        })
        .collect_view();
    lesson(
        "value",
        LearnMsg::ValueTitle,
        LearnMsg::ValueBody,
        lang,
        view! {
            <table class="lesson-table" data-testid="learn-value">
                <thead>
                    <tr>
                        <th scope="col">{LearnMsg::ValueHeadClass.in_lang(lang)}</th>
                        <th scope="col" class="num">{LearnMsg::ValueHeadCustomers.in_lang(lang)}</th>
                        <th scope="col" class="num">{LearnMsg::ValueHeadSpend.in_lang(lang)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <ShowWorking working=l.value_working() />
        },
    )
}

fn motive(l: &BookLessons, lang: Lang) -> impl IntoView {
    let rows = bar_rows(
        &l.motives,
        |m| m.map_or(LearnMsg::NotClassified.in_lang(lang), |m| m.label(lang)),
        |m| m.map(|m| list_link("motive", m.key())),
    );
    let internal = fill(
        LearnMsg::InternalFigure.in_lang(lang),
        &[&l.internal.to_string()],
    );
    lesson(
        "motive",
        LearnMsg::MotiveTitle,
        LearnMsg::MotiveBody,
        lang,
        view! { {bars("learn-motives", rows, l.customers)} <p>{internal}</p> },
    )
}

fn channel(l: &BookLessons, lang: Lang, name_of: impl Fn(u64) -> String) -> impl IntoView {
    let rows = bar_rows(
        &l.channels,
        |c| c.label(lang),
        |c| Some(list_link("channel", c.key())),
    );
    let referred = fill(
        LearnMsg::ReferredFigure.in_lang(lang),
        &[&l.referred.to_string()],
    );
    let chain = (!l.longest_chain.is_empty()).then(|| {
        let links = l
            .longest_chain
            .iter()
            .map(|&id| {
                let name = name_of(id);
                view! { <li><A href=paths::customer(id, "")>{name}</A></li> }
            })
            .collect_view();
        view! {
            <p>{LearnMsg::LongestChain.in_lang(lang)}</p>
            <ol class="chain" data-testid="learn-chain">{links}</ol>
        }
    });
    lesson(
        "channel",
        LearnMsg::ChannelTitle,
        LearnMsg::ChannelBody,
        lang,
        view! { {bars("learn-channels", rows, l.customers)} <p>{referred}</p> {chain} },
    )
}

fn churn(l: &BookLessons, lang: Lang) -> impl IntoView {
    let rate = fill(
        LearnMsg::ChurnRate.in_lang(lang),
        &[
            &l.churned.part.to_string(),
            &l.churned.whole.to_string(),
            &format!("{:.1}%", l.churned.percent()),
        ],
    );
    let churned = l.churned.part as usize;
    let reasons = bar_rows(&l.churn_reasons, |r| r.label(lang), |_| None);
    let at_risk = fill(
        LearnMsg::AtRiskFigure.in_lang(lang),
        &[&l.at_risk.to_string()],
    );
    lesson(
        "churn",
        LearnMsg::ChurnTitle,
        LearnMsg::ChurnBody,
        lang,
        view! {
            <p data-testid="learn-churn-rate">
                <A href=list_link("stage", "churned")>{rate}</A>
            </p>
            <ShowWorking working=l.churn_working() />
            <h4>{LearnMsg::ChurnReasonsHeading.in_lang(lang)}</h4>
            {bars("learn-churn-reasons", reasons, churned)}
            <p><A href=list_link("risk", "high")>{at_risk}</A></p>
        },
    )
}

fn complaints(l: &BookLessons, lang: Lang) -> impl IntoView {
    let c = &l.complaints;
    let count = fill(
        LearnMsg::ComplaintFigure.in_lang(lang),
        &[&c.total.to_string(), &c.open.to_string()],
    );
    let mean = c.mean_days().map(|days| {
        let text = fill(
            LearnMsg::ComplaintMeanDays.in_lang(lang),
            &[&format!("{days:.1}")],
        );
        view! { <p data-testid="learn-complaint-days">{text}</p> <ShowWorking working=c.mean_working() /> }
    });
    let again = (c.bought_again.whole > 0).then(|| {
        let share: Share = c.bought_again;
        let text = fill(
            LearnMsg::BoughtAgain.in_lang(lang),
            &[&format!("{:.1}%", share.percent())],
        );
        view! { <p data-testid="learn-bought-again">{text}</p> <ShowWorking working=c.bought_again_working() /> }
    });
    lesson(
        "complaints",
        LearnMsg::ComplaintTitle,
        LearnMsg::ComplaintBody,
        lang,
        view! { <p data-testid="learn-complaint-count">{count}</p> {mean} {again} },
    )
}

/// The credit lessons, worked out on the stored credit files and ledger.
#[component]
fn CreditLessons() -> impl IntoView {
    let credit = use_credit();
    let lang = use_lang();
    move || {
        let lang = lang.get();
        credit.book.with(|book| {
            // The terms most files use, else the textbook's 2/10, net 30.
            let terms = book
                .files
                .iter()
                .map(|f| f.terms.clone())
                .find(CreditTerms::has_discount)
                .unwrap_or_else(|| CreditTerms::parse("2/10, net 30").unwrap_or_default());
            let cost = terms.discount_cost(book.policy.year_basis);
            let policy_figures = cost.map(|c| {
                let text = fill(
                    LearnMsg::DiscountCostFigure.in_lang(lang),
                    &[&terms.label(), &format!("{:.2}%", c.simple * 100.0), &format!("{:.2}%", c.compounded * 100.0)],
                );
                view! { <p data-testid="learn-discount-cost">{text}</p> <ShowWorking working=c.working() /> }
            });
            let scored = book.files.iter().find_map(|f| Some((f.customer_id, f.scorecard.score().ok()?, f.scorecard.working(), f.latest_z())));
            let five_cs = match scored {
                Some((_, score, working, z)) => {
                    let z_view = z.map(|z| {
                        let text = fill(
                            LearnMsg::ZFigure.in_lang(lang),
                            &[z.model.symbol(), &format!("{:.2}", z.score), z.zone.name().in_lang(lang)],
                        );
                        view! { <p data-testid="learn-z">{text}</p> <ShowWorking working=z.working() /> }
                    });
                    view! {
                        <p data-testid="learn-five-cs">{fill(LearnMsg::FiveCsFigure.in_lang(lang), &[&format!("{score:.1}")])}</p>
                        <ShowWorking working />
                        {z_view}
                    }
                    .into_any()
                }
                None => view! { <p>{LearnMsg::NoCreditFiles.in_lang(lang)}</p> }.into_any(),
            };
            let day = today();
            let a = aging(&book.ledger, day, book.policy.age_basis, &book.policy.aging_edges);
            let m = metrics(&book.ledger, "CNY", day - chrono::Days::new(89), day);
            let aging_view = a.totals.get("CNY").map(|(amounts, total)| {
                let rows: Vec<String> = a
                    .buckets
                    .iter()
                    .zip(amounts)
                    .map(|(b, c)| format!("{}: {}", b.label(lang), crate::customers::domain::format_cents(*c)))
                    .collect();
                view! {
                    <p data-testid="learn-aging">{fill(LearnMsg::AgingFigure.in_lang(lang), &[&crate::customers::domain::format_cents(*total)])}</p>
                    <ul class="plain-list">{rows.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                    <ShowWorking working=m.working() />
                }
            });
            view! {
                {lesson("credit-policy", LearnMsg::CreditPolicyTitle, LearnMsg::CreditPolicyBody, lang, policy_figures)}
                {lesson("five-cs", LearnMsg::FiveCsTitle, LearnMsg::FiveCsBody, lang, five_cs)}
                {lesson("aging", LearnMsg::AgingTitle, LearnMsg::AgingBody, lang, view! {
                    {aging_view}
                    <p><A href=paths::credit_aging("")>{LearnMsg::OpenAging.in_lang(lang)}</A></p>
                })}
            }
        })
    }
}
