//! Kotler's rule for choosing a level of relationship marketing (关系营销水平), as a small
//! calculator: number of customers × unit margin → suggested level, with "use it".

use leptos::prelude::*;

use super::messages::DetailMsg;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{suggest_relationship_level, Customer, CustomerCount, Margin};
use crate::customers::labels::Labelled;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};

fn count_label(count: CustomerCount) -> DetailMsg {
    match count {
        CustomerCount::Many => DetailMsg::CountMany,
        CustomerCount::Medium => DetailMsg::CountMedium,
        CustomerCount::Few => DetailMsg::CountFew,
    }
}

fn margin_label(margin: Margin) -> DetailMsg {
    match margin {
        Margin::Low => DetailMsg::MarginLow,
        Margin::Medium => DetailMsg::MarginMedium,
        Margin::High => DetailMsg::MarginHigh,
    }
}

/// The rule explained, two choices, the suggestion and a button to adopt it.
#[component]
pub fn KotlerHelper(
    /// The customer whose level the suggestion may set.
    customer: Signal<Customer>,
) -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let count = RwSignal::new(CustomerCount::Many);
    let margin = RwSignal::new(Margin::Low);
    let suggested = Memo::new(move |_| suggest_relationship_level(count.get(), margin.get()));
    let adopt = move |_| {
        let id = customer.with_untracked(|c| c.id);
        let level = suggested.get_untracked();
        state.customers.update(|book| {
            if let Some(c) = book.get_mut(id) {
                c.relationship_level = Some(level);
                c.updated_at = chrono::Utc::now();
            }
        });
    };
    let count_options = CustomerCount::ALL.iter().map(|&c| {
        view! { <option value=c.key() selected=move || count.get() == c>{tr(count_label(c))}</option> }
    });
    let margin_options = Margin::ALL.iter().map(|&m| {
        view! { <option value=m.key() selected=move || margin.get() == m>{tr(margin_label(m))}</option> }
    });
    view! {
        <details class="working kotler" data-testid="kotler">
            <summary>{tr(DetailMsg::KotlerHeading)}</summary>
            <p class="explain">{tr(DetailMsg::KotlerExplain)}</p>
            <div class="inline-fields">
                <label class="field">
                    <span>{tr(DetailMsg::CustomerCountLabel)}</span>
                    <select data-testid="kotler-count" on:change=move |ev| {
                        if let Some(c) = CustomerCount::from_key(&event_target_value(&ev)) { count.set(c) }
                    }>{count_options.collect_view()}</select>
                </label>
                <label class="field">
                    <span>{tr(DetailMsg::MarginLabel)}</span>
                    <select data-testid="kotler-margin" on:change=move |ev| {
                        if let Some(m) = Margin::from_key(&event_target_value(&ev)) { margin.set(m) }
                    }>{margin_options.collect_view()}</select>
                </label>
            </div>
            <p data-testid="kotler-suggestion">
                {move || fill(DetailMsg::KotlerSuggests.in_lang(lang.get()), &[suggested.get().label(lang.get())])}
            </p>
            <button type="button" class="ghost" data-testid="kotler-apply" on:click=adopt>
                {tr(DetailMsg::UseSuggestion)}
            </button>
        </details>
    }
}
