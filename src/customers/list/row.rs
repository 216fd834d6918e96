//! One row of the customer table.

use leptos::prelude::*;

use super::context::use_list;
use super::messages::ListMsg;
use super::view_query::money;
use crate::app::app_path;
use crate::components::text::use_lang;
use crate::customers::domain::{ChurnLevel, Customer, LifecycleStage, RowFacts};
use crate::customers::labels::Labelled;
use crate::i18n::{fill, Text};

/// What one row shows, copied out of the book so rendering holds no borrow.
#[derive(Clone)]
pub struct RowData {
    pub id: u64,
    pub name: String,
    pub company: String,
    pub phone: String,
    pub email: String,
    pub stage: LifecycleStage,
    pub facts: RowFacts,
}

impl RowData {
    pub fn new(c: &Customer, facts: RowFacts) -> Self {
        RowData {
            id: c.id,
            name: c.name.clone(),
            company: c.company.clone(),
            phone: c.phone.clone(),
            email: c.email.clone(),
            stage: c.stage,
            facts,
        }
    }
}

/// A customer as a table row, with a selection checkbox and a link to the profile.
#[component]
pub fn CustomerRow(
    /// The customer's data for this row.
    row: RowData,
) -> impl IntoView {
    let list = use_list();
    let lang = use_lang();
    let id = row.id;
    let checked = move || list.selection.with(|s| s.contains(&id));
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        list.selection.update(|s| {
            if on {
                s.insert(id);
            } else {
                s.remove(&id);
            }
        });
    };
    let name = row.name.clone();
    let select_label = move || fill(ListMsg::SelectCustomer.in_lang(lang.get()), &[&name]);
    let facts = row.facts;
    let risk_class = match facts.churn_level {
        ChurnLevel::Low => "risk risk-low",
        ChurnLevel::Medium => "risk risk-medium",
        ChurnLevel::High => "risk risk-high",
    };
    let stage = row.stage;
    view! {
        <tr class:selected=checked data-testid="customer-row" data-id=id.to_string()>
            <td class="check">
                <input type="checkbox" data-testid="select-row" aria-label=select_label prop:checked=checked on:change=toggle />
            </td>
            // A plain link: the router follows it all the same, and 50 rows skip the
            // reactive set-up of `<A>` (active-link tracking) on every keystroke.
            <td class="name"><a href=app_path(&format!("/customers/{id}"))>{row.name}</a></td>
            <td>{row.company}</td>
            <td class="contact">
                <span>{row.phone}</span>
                <span class="muted">{row.email}</span>
            </td>
            <td data-testid="cell-stage">{move || stage.label(lang.get())}</td>
            <td>{move || facts.value_class.label(lang.get())}</td>
            <td class="num">{money(facts.total_spend_cents)}</td>
            <td class="num">{facts.last_purchase.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()}</td>
            <td><span class=risk_class>{move || facts.churn_level.label(lang.get())}</span></td>
        </tr>
    }
}
