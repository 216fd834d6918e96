//! The start page: where the data lives, and a card per section.

use leptos::prelude::*;
use leptos_router::components::A;

use super::messages::DashMsg;
use crate::blueprints::dashboard::BlueprintFigures;
use crate::clock::today;
use crate::components::money::NotCounted;
use crate::components::text::{tr, use_lang};
use crate::credit::domain::aging;
use crate::credit::domain::exposure::exposures;
use crate::credit::state::use_credit;
use crate::customers::domain::{overview, Overview};
use crate::customers::labels::Labelled;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Msg, Text};
use crate::paths::{self, app_path};
use crate::sections::SECTIONS;
use crate::state::with_repo;
use crate::surveys::dashboard::SurveyFigures;

/// The dashboard page.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let lang = use_lang();
    // Read once per visit: storage use changes only through other pages.
    // localStorage counts UTF-16 units, two bytes each; one decimal, so a few customers
    // do not read as 0 KB.
    let used_kb = format!(
        "{:.1}",
        with_repo(|repo| repo.used_units()) as f64 * 2.0 / 1024.0
    );
    let used = move || fill(Msg::DashboardStorageUsed.in_lang(lang.get()), &[&used_kb]);
    view! {
        <section class="page" data-testid="page-dashboard">
            <h1>{tr(Msg::DashboardTitle)}</h1>
            <p class="lead">{tr(Msg::DashboardIntro)}</p>
            <CustomerFigures />
            <SurveyFigures />
            <BlueprintFigures />
            <CreditFigures />
            <div class="card">
                <h2>{tr(Msg::DashboardStorageHeading)}</h2>
                <p>{tr(Msg::DashboardStorageBody)}</p>
                <p class="muted" data-testid="storage-used">{used}</p>
            </div>
            <h2>{tr(Msg::DashboardSections)}</h2>
            <ul class="card-grid">
                {SECTIONS
                    .into_iter()
                    .filter_map(|s| s.summary.map(|summary| (s, summary)))
                    .map(|(section, summary)| {
                        view! {
                            <li class="card">
                                <h3><A href=app_path(section.path)>{tr(section.label)}</A></h3>
                                <p>{tr(summary)}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// The purchases of this and last month left out of the spend, per currency.
fn not_counted(o: &Overview) -> std::collections::BTreeMap<String, usize> {
    let mut left_out = o.spend_this_month.not_counted.clone();
    for (currency, n) in &o.spend_last_month.not_counted {
        *left_out.entry(currency.clone()).or_default() += n;
    }
    left_out
}

/// The customer figures a manager looks at first, each linking to the list it counts.
#[component]
fn CustomerFigures() -> impl IntoView {
    let lang = use_lang();
    let state = use_customers();
    let figures = Memo::new(move |_| {
        let prepared = state.derived.prepared(state.customers);
        state.customers.with(|book| {
            overview(
                &book.customers,
                &prepared.facts,
                today(),
                &state.conversion.get(),
            )
        })
    });
    let text = move |msg: DashMsg, n: String| fill(msg.in_lang(lang.get()), &[&n]);
    let money = |total: &crate::money::Total| crate::money::format_money(total.cents, total.home);
    let body = move || {
        let o: Overview = figures.get();
        if o.customers == 0 {
            return view! { <p data-testid="dashboard-no-customers">{tr(DashMsg::NoCustomers)}</p> }
                .into_any();
        }
        let counts = |pairs: Vec<(String, &'static str, usize)>| {
            pairs
                .into_iter()
                .map(|(href, label, n)| view! { <li><A href=href>{label}</A>": "<strong>{n}</strong></li> })
                .collect_view()
        };
        let stages = counts(
            o.by_stage
                .iter()
                .map(|(s, n)| {
                    (
                        paths::customers_where("stage", s.key()),
                        s.label(lang.get()),
                        *n,
                    )
                })
                .collect(),
        );
        let classes = counts(
            o.by_class
                .iter()
                .map(|(c, n)| {
                    (
                        paths::customers_where("value_class", c.key()),
                        c.label(lang.get()),
                        *n,
                    )
                })
                .collect(),
        );
        let oldest = o
            .oldest_open_days
            .map(|d| text(DashMsg::OldestOpen, d.to_string()));
        view! {
            <p data-testid="dashboard-customer-count">
                <A href=paths::customers("")>{text(DashMsg::CustomerCount, o.customers.to_string())}</A>
            </p>
            <ul class="card-grid dashboard-figures">
                <li class="card" data-testid="dashboard-new">
                    <h3>{tr(DashMsg::NewThisMonth)}</h3>
                    <p class="figure">{o.new_this_month}</p>
                </li>
                <li class="card" data-testid="dashboard-high-risk">
                    <h3><A href=paths::customers_where("risk", "high")>{tr(DashMsg::HighRisk)}</A></h3>
                    <p class="figure">{o.high_risk}</p>
                </li>
                <li class="card" data-testid="dashboard-complaints">
                    <h3>{tr(DashMsg::OpenComplaints)}</h3>
                    <p class="figure">{o.open_complaints}</p>
                    <p class="muted">{oldest}</p>
                </li>
                <li class="card" data-testid="dashboard-spend">
                    <h3>{tr(DashMsg::SpendThisMonth)}</h3>
                    <p class="figure">{money(&o.spend_this_month)}</p>
                    <p class="muted">{text(DashMsg::SpendLastMonth, money(&o.spend_last_month))}</p>
                    <NotCounted not_counted=Signal::stored(not_counted(&o)) />
                </li>
                <li class="card" data-testid="dashboard-by-stage">
                    <h3>{tr(DashMsg::ByStage)}</h3>
                    <ul class="plain">{stages}</ul>
                </li>
                <li class="card" data-testid="dashboard-by-class">
                    <h3>{tr(DashMsg::ByClass)}</h3>
                    <ul class="plain">{classes}</ul>
                </li>
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="dashboard-customers">
            <h2 id="dashboard-customers">{tr(DashMsg::CustomersHeading)}</h2>
            {body}
        </section>
    }
}

/// The overdue receivables (per currency) and the customers on hold, linking to Credit.
#[component]
fn CreditFigures() -> impl IntoView {
    let credit = use_credit();
    let figures = Memo::new(move |_| {
        credit.book.with(|book| {
            let a = aging(
                &book.ledger,
                today(),
                book.policy.age_basis,
                &book.policy.aging_edges,
            );
            let overdue: Vec<(String, i64)> = a
                .totals
                .iter()
                .map(|(currency, (amounts, total))| {
                    let current =
                        if a.buckets.first() == Some(&crate::credit::domain::Bucket::Current) {
                            amounts[0]
                        } else {
                            0
                        };
                    (currency.clone(), total - current)
                })
                .collect();
            // The same rule and count as the overview's exposure table, which it links to.
            let held = exposures(book, today()).iter().filter(|e| e.held).count();
            (overdue, held)
        })
    });
    let money = |cents: i64, currency: &str| crate::money::format_money_in(cents, currency);
    view! {
        <Show when=move || !figures.with(|(o, _)| o.is_empty())>
            <section class="card" aria-labelledby="dashboard-credit">
                <h2 id="dashboard-credit"><A href=paths::credit()>{tr(DashMsg::CreditHeading)}</A></h2>
                <ul class="card-grid dashboard-figures">
                    <li class="card" data-testid="dashboard-overdue">
                        <h3><A href=paths::credit_aging("")>{tr(DashMsg::Overdue)}</A></h3>
                        {move || figures.get().0.into_iter().map(|(c, cents)| view! { <p class="figure">{money(cents, &c)}</p> }).collect_view()}
                    </li>
                    <li class="card" data-testid="dashboard-on-hold">
                        <h3><A href=paths::credit()>{tr(DashMsg::OnHold)}</A></h3>
                        <p class="figure">{move || figures.get().1}</p>
                    </li>
                </ul>
            </section>
        </Show>
    }
}
