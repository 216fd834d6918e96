//! Customer lifetime value (客户终身价值): the estimate, its working, and the assumptions
//! (margin, retention, discount rate) a user can change and save for all customers. The
//! assumptions form follows the stored values while open (another tab may change them)
//! and saves only the inputs the user changed.

use leptos::prelude::*;

use super::input::{parse_percent, percent_text};
use super::messages::DetailMsg;
use super::record_fields::{ClvField, ClvTexts};
use super::widgets::FieldErrors;
use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::components::working::ShowWorking;
use crate::customers::domain::{customer_lifetime_value, ClvAssumptions, ClvError, Customer};
use crate::customers::state::use_customers;
use crate::editing::panels::{ChangedElsewhere, ConflictChoice};
use crate::editing::{Editor, SavePlan};
use crate::i18n::{fill, Text};
use crate::money::format_money;

/// The CLV figure of one customer.
#[component]
pub fn LifetimeValue(
    /// The customer shown.
    customer: Signal<Customer>,
) -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let assumptions = Memo::new(move |_| state.customers.with(|b| b.clv_assumptions));
    let clv = Memo::new(move |_| {
        let conversion = state.conversion.get();
        customer.with(|c| customer_lifetime_value(c, &assumptions.get(), today(), &conversion).ok())
    });
    let value = move || {
        clv.get()
            .map_or("—".to_owned(), |v| format_money(v.value_cents, v.home))
    };
    let working = Signal::derive(move || clv.get().map(|v| v.working()).unwrap_or_default());
    let texts = |a: ClvAssumptions| ClvTexts {
        margin: percent_text(a.gross_margin),
        retention: percent_text(a.annual_retention),
        discount: percent_text(a.discount_rate),
    };
    let stored = Memo::new(move |_| Some(texts(assumptions.get())));
    let editor = Editor::new(texts(assumptions.get_untracked()), stored.into());
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
    let write = move || {
        let mut problems = Vec::new();
        let plan = editor.plan();
        let record = match &plan {
            SavePlan::Clean(record) => record.clone(),
            SavePlan::Unchanged => editor.draft.get_untracked(),
            SavePlan::Conflicts { .. } | SavePlan::Deleted => return,
        };
        let mut read = |text: &str, name: DetailMsg| {
            parse_percent(text).unwrap_or_else(|| {
                problems.push((DetailMsg::NotANumber, Some(name)));
                f64::NAN
            })
        };
        let candidate = ClvAssumptions {
            gross_margin: read(&record.margin, DetailMsg::GrossMargin),
            annual_retention: read(&record.retention, DetailMsg::Retention),
            discount_rate: read(&record.discount, DetailMsg::DiscountRate),
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
        if problems.is_empty() && matches!(plan, SavePlan::Clean(_)) {
            state
                .customers
                .update(|book| book.clv_assumptions = candidate);
        }
        errors.set(problems);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        write();
    };
    let input = move |field: ClvField, label: DetailMsg, testid: &'static str| {
        let text = move |t: &ClvTexts| match field {
            ClvField::Margin => t.margin.clone(),
            ClvField::Retention => t.retention.clone(),
            ClvField::Discount => t.discount.clone(),
        };
        let set = move |ev| {
            let value = event_target_value(&ev);
            editor.draft.update(|t| match field {
                ClvField::Margin => t.margin = value,
                ClvField::Retention => t.retention = value,
                ClvField::Discount => t.discount = value,
            });
        };
        view! {
            <label class="field">
                <span>{tr(label)}</span>
                <input type="text" inputmode="decimal" data-testid=testid aria-describedby="clv-errors"
                    prop:value=move || editor.draft.with(text) on:input=set />
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
                <ChangedElsewhere editor />
                <ConflictChoice editor on_save=Callback::new(move |()| write()) />
                <form class="inline-fields" on:submit=save data-testid="clv-assumptions" novalidate>
                    {input(ClvField::Margin, DetailMsg::GrossMargin, "clv-margin")}
                    {input(ClvField::Retention, DetailMsg::Retention, "clv-retention")}
                    {input(ClvField::Discount, DetailMsg::DiscountRate, "clv-discount")}
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
