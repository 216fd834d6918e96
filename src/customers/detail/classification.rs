//! Customer classification (客户分类): value class from ABC analysis or set by hand,
//! purchase motive, and internal or external customer.

use leptos::prelude::*;

use super::messages::DetailMsg;
use crate::components::text::{tr, use_lang};
use crate::components::working::ShowWorking;
use crate::customers::domain::{effective_class, Customer, Field};
use crate::customers::labels::Labelled;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};

/// The classification card of the customer page.
#[component]
pub fn Classification(
    /// The customer shown.
    customer: Signal<Customer>,
) -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let suggestion = Memo::new(move |_| {
        let id = customer.with(|c| c.id);
        let suggestions = state.derived.abc(state.customers);
        state.customers.with(|book| {
            let index = book.customers.iter().position(|c| c.id == id)?;
            suggestions.get(index).copied()
        })
    });
    let effective = move || {
        let suggested = suggestion.get().map(|s| s.class)?;
        Some(
            customer
                .with(|c| effective_class(c, suggested))
                .label(lang.get()),
        )
    };
    let suggested_text = move || {
        let class = suggestion
            .get()
            .map(|s| s.class.label(lang.get()))
            .unwrap_or("—");
        fill(DetailMsg::SuggestedByAbc.in_lang(lang.get()), &[class])
    };
    let override_text = move || {
        let msg = if customer.with(|c| c.value_class.is_some()) {
            DetailMsg::OverrideShown
        } else {
            DetailMsg::FollowsSuggestion
        };
        msg.in_lang(lang.get())
    };
    let working = Signal::derive(move || suggestion.get().map(|s| s.working()).unwrap_or_default());
    let motive = move || {
        customer
            .with(|c| c.motive)
            .map_or(DetailMsg::NotSet.in_lang(lang.get()), |m| {
                m.label(lang.get())
            })
    };
    let side = move || {
        let msg = if customer.with(|c| c.internal) {
            DetailMsg::Internal
        } else {
            DetailMsg::External
        };
        msg.in_lang(lang.get())
    };
    view! {
        <div class="card" data-testid="customer-classification">
            <h2>{tr(DetailMsg::ClassificationHeading)}</h2>
            <dl class="facts">
                <div class="fact">
                    <dt>{move || Field::ValueClass.label(lang.get())}</dt>
                    <dd>
                        <strong data-testid="value-class">{effective}</strong>
                        " "<span class="muted">{override_text}</span>
                        <p class="muted" data-testid="abc-suggestion">{suggested_text}</p>
                        <p class="explain">{tr(DetailMsg::AbcExplain)}</p>
                        <ShowWorking working testid="abc-working" />
                    </dd>
                </div>
                <div class="fact">
                    <dt>{move || Field::Motive.label(lang.get())}</dt>
                    <dd data-testid="customer-motive">{motive}</dd>
                </div>
                <div class="fact">
                    <dt>{tr(DetailMsg::CustomerSide)}</dt>
                    <dd data-testid="customer-internal">{side}</dd>
                </div>
            </dl>
        </div>
    }
}
