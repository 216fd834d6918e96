//! Customer lifetime value (客户终身价值): the estimate, its working, and the assumptions
//! (margin, retention, discount rate) a user can change and save for all customers.

use leptos::prelude::*;

use super::input::{parse_percent, percent_text};
use super::messages::DetailMsg;
use super::widgets::FieldErrors;
use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::components::working::ShowWorking;
use crate::customers::domain::{
    customer_lifetime_value, format_cents, ClvAssumptions, ClvError, Customer,
};
use crate::i18n::{fill, Text};
use crate::state::use_app_state;

/// The CLV figure of one customer.
#[component]
pub fn LifetimeValue(
    /// The customer shown.
    customer: Signal<Customer>,
) -> impl IntoView {
    let state = use_app_state();
    let lang = use_lang();
    let assumptions = Memo::new(move |_| state.customers.with(|b| b.clv_assumptions));
    let clv = Memo::new(move |_| {
        customer.with(|c| customer_lifetime_value(c, &assumptions.get(), today()).ok())
    });
    let value = move || {
        clv.get()
            .map_or("—".to_owned(), |v| format_cents(v.value_cents))
    };
    let working = Signal::derive(move || clv.get().map(|v| v.working()).unwrap_or_default());
    let start = assumptions.get_untracked();
    let margin = RwSignal::new(percent_text(start.gross_margin));
    let retention = RwSignal::new(percent_text(start.annual_retention));
    let discount = RwSignal::new(percent_text(start.discount_rate));
    // (message, field it names): translated when shown, so a language switch follows.
    let errors = RwSignal::new(Vec::<(DetailMsg, Option<DetailMsg>)>::new());
    let messages = Signal::derive(move || {
        let lang = lang.get();
        let text = |(msg, arg): &(DetailMsg, Option<DetailMsg>)| match arg {
            Some(arg) => fill(msg.in_lang(lang), &[arg.in_lang(lang)]),
            None => msg.in_lang(lang).to_owned(),
        };
        errors.with(|e| e.iter().map(text).collect::<Vec<_>>())
    });
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut problems = Vec::new();
        let mut read = |text: RwSignal<String>, name: DetailMsg| {
            parse_percent(&text.get_untracked()).unwrap_or_else(|| {
                problems.push((DetailMsg::NotANumber, Some(name)));
                f64::NAN
            })
        };
        let candidate = ClvAssumptions {
            gross_margin: read(margin, DetailMsg::GrossMargin),
            annual_retention: read(retention, DetailMsg::Retention),
            discount_rate: read(discount, DetailMsg::DiscountRate),
        };
        if problems.is_empty() {
            problems.extend(
                candidate
                    .validate()
                    .into_iter()
                    .map(|e| (range_text(e), None)),
            );
        }
        saved.set(problems.is_empty());
        if problems.is_empty() {
            state
                .customers
                .update(|book| book.clv_assumptions = candidate);
        }
        errors.set(problems);
    };
    let input = |signal: RwSignal<String>, label: DetailMsg, testid: &'static str| {
        view! {
            <label class="field">
                <span>{tr(label)}</span>
                <input type="text" inputmode="decimal" data-testid=testid aria-describedby="clv-errors"
                    prop:value=move || signal.get() on:input=move |ev| signal.set(event_target_value(&ev)) />
            </label>
        }
    };
    view! {
        <div class="figure" data-testid="figure-clv">
            <h3>{tr(DetailMsg::ClvHeading)}</h3>
            <p class="figure-value" data-testid="clv-value">{value}</p>
            <p class="explain">{tr(DetailMsg::ClvExplain)}</p>
            <ShowWorking working testid="working-clv" />
            <details class="working">
                <summary>{tr(DetailMsg::ClvAssumptionsHeading)}</summary>
                <form class="inline-fields" on:submit=save data-testid="clv-assumptions" novalidate>
                    {input(margin, DetailMsg::GrossMargin, "clv-margin")}
                    {input(retention, DetailMsg::Retention, "clv-retention")}
                    {input(discount, DetailMsg::DiscountRate, "clv-discount")}
                    <button type="submit" data-testid="clv-save">{tr(DetailMsg::SaveAssumptions)}</button>
                </form>
                <FieldErrors id="clv-errors".into() messages />
                <Show when=move || saved.get()>
                    <p class="success-text" role="status">{tr(DetailMsg::AssumptionsSaved)}</p>
                </Show>
            </details>
        </div>
    }
}

fn range_text(error: ClvError) -> DetailMsg {
    match error {
        ClvError::GrossMarginOutOfRange => DetailMsg::MarginRange,
        ClvError::RetentionOutOfRange => DetailMsg::RetentionRange,
        ClvError::DiscountRateOutOfRange => DetailMsg::DiscountRange,
    }
}
