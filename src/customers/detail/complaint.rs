//! Resolving an open complaint from the timeline: pick the date, check it, save.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::input::parse_date;
use super::messages::DetailMsg;
use super::widgets::FieldErrors;
use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{
    validate, ComplaintStatus, Customer, Field, InteractionKind, Problem,
};
use crate::customers::labels::problem_text;
use crate::customers::state::use_customers;
use crate::i18n::Text;

/// Marks a complaint as resolved on `opened`-or-later date, after checking it.
pub fn resolve(customer: &mut Customer, interaction_id: u64, date: NaiveDate) {
    if let Some(i) = customer
        .interactions
        .iter_mut()
        .find(|i| i.id == interaction_id)
    {
        if let InteractionKind::Complaint {
            status, resolved, ..
        } = &mut i.kind
        {
            *status = ComplaintStatus::Resolved;
            *resolved = Some(date);
        }
    }
}

/// The problems resolving on `date` would cause, for that complaint only.
pub fn resolution_problems(
    customer: &Customer,
    interaction_id: u64,
    date: NaiveDate,
) -> Vec<Problem> {
    let mut candidate = customer.clone();
    resolve(&mut candidate, interaction_id, date);
    validate(&candidate, today())
        .into_iter()
        .map(|issue| issue.problem)
        .filter(|p| match *p {
            Problem::DateInFuture { interaction_id: id } => id == Some(interaction_id),
            Problem::ResolvedBeforeOpened { interaction_id: id } => id == interaction_id,
            _ => false,
        })
        .collect()
}

/// The "resolved on … / mark resolved" control of one open complaint.
#[component]
pub fn ResolveComplaint(
    /// The customer the complaint belongs to.
    customer: Signal<Customer>,
    /// The complaint's interaction id.
    interaction_id: u64,
    /// When the complaint was opened (the earliest allowed resolution date).
    opened: NaiveDate,
) -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let date = RwSignal::new(today().to_string());
    let problems = RwSignal::new(Vec::<Problem>::new());
    let bad_date = RwSignal::new(false);
    let input_id = format!("resolve-{interaction_id}");
    let label_for = input_id.clone();
    let errors_id = format!("resolve-errors-{interaction_id}");
    let described_by = errors_id.clone();
    let messages = Signal::derive(move || {
        let lang = lang.get();
        let mut m: Vec<String> = problems
            .get()
            .into_iter()
            .map(|p| problem_text(Field::Interactions, p, "", lang))
            .collect();
        if bad_date.get() {
            m.push(DetailMsg::DateInvalid.in_lang(lang).to_owned());
        }
        m
    });
    let submit = move |_| {
        let Some(day) = parse_date(&date.get_untracked()) else {
            bad_date.set(true);
            return;
        };
        bad_date.set(false);
        let found = customer.with_untracked(|c| resolution_problems(c, interaction_id, day));
        if found.is_empty() {
            let id = customer.with_untracked(|c| c.id);
            state.customers.update(|book| {
                if let Some(c) = book.get_mut(id) {
                    resolve(c, interaction_id, day);
                    c.updated_at = chrono::Utc::now();
                }
            });
        }
        problems.set(found);
    };
    view! {
        <div class="resolve inline-fields" data-testid="resolve-complaint">
            <label class="field" for=label_for>
                <span>{tr(DetailMsg::ResolveOn)}</span>
                <input type="date" id=input_id min=opened.to_string() max=today().to_string()
                    data-testid="resolve-date" aria-describedby=described_by
                    prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) />
            </label>
            <button type="button" data-testid="resolve-button" on:click=submit>{tr(DetailMsg::ResolveComplaint)}</button>
            <FieldErrors id=errors_id messages />
        </div>
    }
}
