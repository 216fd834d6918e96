//! Churn (客户流失): the churn record when a customer is lost, "mark as churned" and
//! "reactivate".

use leptos::prelude::*;

use super::churn_form::ChurnForm;
use super::messages::DetailMsg;
use crate::clock::today;
use crate::components::focus::focus_later;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{Customer, LifecycleStage};
use crate::customers::labels::Labelled;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};

/// The churn card of the customer page.
#[component]
pub fn ChurnSection(
    /// The customer shown.
    customer: Signal<Customer>,
) -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let open = RwSignal::new(false);
    let record = Memo::new(move |_| customer.with(|c| c.churn.clone()));
    // The form takes the place of its button: the focus goes into the form, and back to
    // the button (or to Reactivate, once the churn is recorded) when it closes.
    Effect::new(move |previous: Option<bool>| {
        let now = open.get();
        if previous.is_some_and(|p| p != now) {
            focus_later(match now {
                true => &["[data-testid=churn-form] input"],
                false => &["[data-testid=mark-churned]", "[data-testid=reactivate]"],
            });
        }
        now
    });
    let reactivate = move |_| {
        let id = customer.with_untracked(|c| c.id);
        state.customers.update(|book| {
            if let Some(c) = book.get_mut(id) {
                c.churn = None;
                c.set_stage(LifecycleStage::Exploration, today());
                c.updated_at = chrono::Utc::now();
            }
        });
    };
    let shown = move || {
        let r = record.get()?;
        let lang = lang.get();
        let mut reasons: Vec<String> = r.reasons.iter().map(|x| x.label(lang).to_owned()).collect();
        if !r.other_reason.is_empty() {
            reasons.push(r.other_reason.clone());
        }
        let tried: Vec<&str> = r.prevention_tried.iter().map(|x| x.label(lang)).collect();
        Some(view! {
            <div class="churn-record" data-testid="churn-record">
                <p><strong>{fill(DetailMsg::ChurnedOn.in_lang(lang), &[&r.date.to_string()])}</strong></p>
                <h3>{DetailMsg::ChurnReasonsShown.in_lang(lang)}</h3>
                <ul data-testid="churn-reasons">{reasons.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                <h3>{DetailMsg::PreventionTried.in_lang(lang)}</h3>
                {if tried.is_empty() {
                    view! { <p class="muted">{DetailMsg::NothingTried.in_lang(lang)}</p> }.into_any()
                } else {
                    view! { <ul data-testid="churn-prevention">{tried.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
                }}
                {(!r.notes.is_empty()).then(|| view! { <p>{r.notes.clone()}</p> })}
            </div>
        })
    };
    view! {
        <div class="card" data-testid="customer-churn">
            <h2>{tr(DetailMsg::ChurnHeading)}</h2>
            {shown}
            // An open form stays open when another tab records the churn meanwhile: it
            // shows that record and asks which one to keep (see `ChurnForm`).
            <Show when=move || open.get()>
                <ChurnForm customer open />
            </Show>
            <Show when=move || !open.get() && record.with(Option::is_none)>
                <p class="explain">{tr(DetailMsg::ChurnPrevention)}</p>
                <button type="button" class="danger" data-testid="mark-churned" on:click=move |_| open.set(true)>
                    {tr(DetailMsg::MarkChurned)}
                </button>
            </Show>
            <Show when=move || !open.get() && record.with(Option::is_some)>
                <button type="button" data-testid="reactivate" on:click=reactivate>{tr(DetailMsg::Reactivate)}</button>
            </Show>
        </div>
    }
}
