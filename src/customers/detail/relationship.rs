//! The relationship card: lifecycle stage with its dated history, ladder rung,
//! relationship level with Kotler's rule, acquisition channel and the referral chain.

use leptos::prelude::*;
use leptos_router::components::A;

use super::kotler::KotlerHelper;
use super::messages::DetailMsg;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{referrals_of, referred_by_chain, Customer, Field};
use crate::customers::labels::Labelled;
use crate::customers::state::use_customers;
use crate::i18n::Text;
use crate::paths;

/// The relationship card of the customer page.
#[component]
pub fn Relationship(
    /// The customer shown.
    customer: Signal<Customer>,
) -> impl IntoView {
    let lang = use_lang();
    let history = move || {
        let mut entries = customer.with(|c| c.stage_history.clone());
        entries.reverse();
        entries
            .into_iter()
            .map(|h| view! { <li><time>{h.date.to_string()}</time>" "{move || h.stage.label(lang.get())}</li> })
            .collect_view()
    };
    let level = move || {
        customer
            .with(|c| c.relationship_level)
            .map_or(DetailMsg::NotSet.in_lang(lang.get()), |l| {
                l.label(lang.get())
            })
    };
    view! {
        <div class="card" data-testid="customer-relationship">
            <h2>{tr(DetailMsg::RelationshipHeading)}</h2>
            <dl class="facts">
                <div class="fact">
                    <dt>{move || Field::Stage.label(lang.get())}</dt>
                    <dd>
                        <strong data-testid="customer-stage">{move || customer.with(|c| c.stage).label(lang.get())}</strong>
                        <details class="working">
                            <summary>{tr(DetailMsg::StageHistory)}</summary>
                            <ol class="stage-history" data-testid="stage-history" reversed>{history}</ol>
                        </details>
                    </dd>
                </div>
                <div class="fact">
                    <dt>{move || Field::Ladder.label(lang.get())}</dt>
                    <dd data-testid="customer-ladder">{move || customer.with(|c| c.ladder).label(lang.get())}</dd>
                </div>
                <div class="fact">
                    <dt>{move || Field::RelationshipLevel.label(lang.get())}</dt>
                    <dd>
                        <span data-testid="customer-relationship-level">{level}</span>
                        <KotlerHelper customer />
                    </dd>
                </div>
                <div class="fact">
                    <dt>{move || Field::Channel.label(lang.get())}</dt>
                    <dd data-testid="customer-channel">{move || customer.with(|c| c.channel).label(lang.get())}</dd>
                </div>
                <Referrals customer />
            </dl>
        </div>
    }
}

/// Who referred this customer (and who referred them, up the chain), and whom they referred.
#[component]
fn Referrals(
    /// The customer shown.
    customer: Signal<Customer>,
) -> impl IntoView {
    let state = use_customers();
    // (id, name) pairs so the links re-render only when the chain really changes.
    let named = move |ids: Vec<u64>| -> Vec<(u64, String)> {
        state.customers.with(|book| {
            ids.into_iter()
                .filter_map(|id| book.get(id).map(|c| (id, c.name.clone())))
                .collect()
        })
    };
    let chain = Memo::new(move |_| {
        let id = customer.with(|c| c.id);
        named(
            state
                .customers
                .with(|book| referred_by_chain(&book.customers, id)),
        )
    });
    let referred = Memo::new(move |_| {
        let id = customer.with(|c| c.id);
        named(
            state
                .customers
                .with(|book| referrals_of(&book.customers, id)),
        )
    });
    let link = |(id, name): (u64, String)| view! { <A href=paths::customer(id, "")>{name}</A> };
    view! {
        <div class="fact">
            <dt>{tr(DetailMsg::ReferredByChain)}</dt>
            <dd data-testid="referred-by">
                {move || {
                    let chain = chain.get();
                    if chain.is_empty() {
                        return view! { {tr(DetailMsg::NoReferrer)} }.into_any();
                    }
                    let parts = chain.into_iter().enumerate().map(|(i, pair)| {
                        view! { {(i > 0).then_some(" ← ")}{link(pair)} }
                    });
                    parts.collect_view().into_any()
                }}
            </dd>
        </div>
        <div class="fact">
            <dt>{tr(DetailMsg::ReferredOthers)}</dt>
            <dd data-testid="referrals">
                {move || {
                    let referred = referred.get();
                    if referred.is_empty() {
                        return view! { {tr(DetailMsg::NoReferrals)} }.into_any();
                    }
                    let parts = referred.into_iter().enumerate().map(|(i, pair)| {
                        view! { {(i > 0).then_some(", ")}{link(pair)} }
                    });
                    parts.collect_view().into_any()
                }}
            </dd>
        </div>
    }
}
