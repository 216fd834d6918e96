//! The figures card: spend, purchases, last purchase and RFM scores, each with its working;
//! lifetime value, complaint resolution and churn risk follow in their own components.

use leptos::prelude::*;

use super::lifetime_value::LifetimeValue;
use super::messages::DetailMsg;
use super::resolution::ResolutionTimes;
use super::risk::RiskLevel;
use crate::clock::today;
use crate::components::money::NotCounted;
use crate::components::text::{tr, use_lang};
use crate::components::working::ShowWorking;
use crate::customers::domain::Customer;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};
use crate::money::format_money;

/// Every computed figure of one customer.
#[component]
pub fn Figures(
    /// The customer shown.
    customer: Signal<Customer>,
) -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let spend_total = Memo::new(move |_| {
        let conversion = state.conversion.get();
        customer.with(|c| c.spend(&conversion))
    });
    let spend = move || spend_total.with(|t| format_money(t.cents, t.home));
    let spend_working = Signal::derive(move || {
        let conversion = state.conversion.get();
        customer.with(|c| c.spend_working(&conversion))
    });
    let not_counted = Signal::derive(move || spend_total.with(|t| t.not_counted.clone()));
    let count_working = Signal::derive(move || customer.with(Customer::purchase_count_working));
    let last = move || {
        let lang = lang.get();
        match customer.with(|c| c.last_purchase()) {
            Some(date) if date >= today() => {
                fill(DetailMsg::DateToday.in_lang(lang), &[&date.to_string()])
            }
            Some(date) => {
                let days = (today() - date).num_days().to_string();
                fill(
                    DetailMsg::DaysAgo.in_lang(lang),
                    &[&date.to_string(), &days],
                )
            }
            None => DetailMsg::NoPurchaseYet.in_lang(lang).to_owned(),
        }
    };
    let rfm = Memo::new(move |_| {
        let id = customer.with(|c| c.id);
        let scores = state.derived.rfm(state.customers);
        state.customers.with(|book| {
            let index = book.customers.iter().position(|c| c.id == id)?;
            scores.get(index).copied()
        })
    });
    let score = move |pick: fn(&crate::customers::domain::RfmScore) -> u8| {
        move || rfm.get().map_or("—".to_owned(), |s| pick(&s).to_string())
    };
    let rfm_working = Signal::derive(move || rfm.get().map(|s| s.working()).unwrap_or_default());
    view! {
        <div class="card figures" data-testid="customer-figures">
            <h2>{tr(DetailMsg::FiguresHeading)}</h2>
            <div class="figure-grid">
                <div class="figure">
                    <h3>{tr(DetailMsg::TotalSpend)}</h3>
                    <p class="figure-value" data-testid="figure-total-spend">{spend}</p>
                    <NotCounted not_counted />
                    <ShowWorking working=spend_working testid="working-total-spend" />
                </div>
                <div class="figure">
                    <h3>{tr(DetailMsg::PurchaseCount)}</h3>
                    <p class="figure-value" data-testid="figure-purchase-count">{move || customer.with(|c| c.purchase_count())}</p>
                    <ShowWorking working=count_working testid="working-purchase-count" />
                </div>
                <div class="figure">
                    <h3>{tr(DetailMsg::LastPurchase)}</h3>
                    <p class="figure-value small" data-testid="figure-last-purchase">{last}</p>
                </div>
            </div>
            <div class="figure" data-testid="figure-rfm">
                <h3>{tr(DetailMsg::RfmHeading)}</h3>
                <p class="explain">{tr(DetailMsg::RfmExplain)}</p>
                <dl class="rfm">
                    <div><dt>{tr(DetailMsg::RfmRecency)}</dt><dd data-testid="rfm-r">{score(|s| s.r)}</dd></div>
                    <div><dt>{tr(DetailMsg::RfmFrequency)}</dt><dd data-testid="rfm-f">{score(|s| s.f)}</dd></div>
                    <div><dt>{tr(DetailMsg::RfmMonetary)}</dt><dd data-testid="rfm-m">{score(|s| s.m)}</dd></div>
                </dl>
                <ShowWorking working=rfm_working testid="working-rfm" />
            </div>
            <LifetimeValue customer />
            <ResolutionTimes customer />
            <RiskLevel customer />
        </div>
    }
}
