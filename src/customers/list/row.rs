//! One row of the customer table.

use leptos::prelude::*;

use super::context::use_list;
use super::messages::ListMsg;
use crate::components::text::use_lang;
use crate::customers::domain::{ChurnLevel, Customer, LifecycleStage, RowFacts};
use crate::customers::labels::Labelled;
use crate::i18n::{fill, Lang, Text};
use crate::money::format_money;
use crate::paths;

/// What one row shows, copied out of the book so rendering holds no borrow.
#[derive(Clone, PartialEq)]
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

/// One row of the page, by position: the `position`-th of `rows`. The row's elements are
/// made once and their text and attributes follow whichever customer is at that position,
/// so a keystroke or a page turn changes text in place instead of building 50 new rows.
#[component]
pub fn CustomerRow(
    /// The rows of the page being shown.
    rows: Memo<Vec<RowData>>,
    /// This row's position on the page.
    position: usize,
) -> impl IntoView {
    let list = use_list();
    let lang = use_lang();
    // `None` only for an instant while the page shrinks and this row is on its way out.
    let row = Memo::new(move |_| rows.with(|r| r.get(position).cloned()));
    let read = move |f: fn(&RowData) -> String| {
        move || row.with(|r| r.as_ref().map(f).unwrap_or_default())
    };
    let id = move || row.with(|r| r.as_ref().map_or(0, |r| r.id));
    let checked = move || {
        let id = id();
        list.selection.with(|s| s.contains(&id))
    };
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        let id = row.with_untracked(|r| r.as_ref().map_or(0, |r| r.id));
        list.selection.update(|s| {
            if on {
                s.insert(id);
            } else {
                s.remove(&id);
            }
        });
    };
    let select_label = move || {
        row.with(|r| {
            let name = r.as_ref().map_or("", |r| r.name.as_str());
            fill(ListMsg::SelectCustomer.in_lang(lang.get()), &[name])
        })
    };
    let label = move |f: fn(&RowData, Lang) -> &'static str| {
        move || row.with(|r| r.as_ref().map_or("", |r| f(r, lang.get())))
    };
    // Spend in the home currency; purchases in a currency without a rate are said.
    let conversion = crate::customers::state::use_customers().conversion;
    let spend = move || {
        let home = conversion.with(|c| c.home);
        row.with(|r| {
            r.as_ref()
                .map(|r| format_money(r.facts.total_spend_cents, home))
        })
    };
    let not_counted = move || {
        let n = row.with(|r| r.as_ref().map_or(0, |r| r.facts.purchases_not_counted));
        (n > 0).then(|| {
            let text = fill(ListMsg::NotCountedShort.in_lang(lang.get()), &[&n.to_string()]);
            view! { <small class="muted not-counted-mark" data-testid="cell-not-counted">{text}</small> }
        })
    };
    let risk_class = move || {
        row.with(|r| match r.as_ref().map(|r| r.facts.churn_level) {
            Some(Some(ChurnLevel::Medium)) => "risk risk-medium",
            Some(Some(ChurnLevel::High)) => "risk risk-high",
            Some(None) => "risk risk-churned",
            _ => "risk risk-low",
        })
    };
    view! {
        <tr class:selected=checked data-testid="customer-row" data-id=move || id().to_string()>
            <td class="check">
                <input type="checkbox" data-testid="select-row" aria-label=select_label prop:checked=checked on:change=toggle />
            </td>
            // A plain link: the router follows it all the same, without the reactive
            // set-up of `<A>` (active-link tracking) for every row.
            <td class="name"><a href=move || paths::customer(id(), "")>{read(|r| r.name.clone())}</a></td>
            <td>{read(|r| r.company.clone())}</td>
            <td class="contact">
                <span>{read(|r| r.phone.clone())}</span>
                <span class="muted">{read(|r| r.email.clone())}</span>
            </td>
            <td data-testid="cell-stage">{label(|r, lang| r.stage.label(lang))}</td>
            <td>{label(|r, lang| r.facts.value_class.label(lang))}</td>
            <td class="num" data-testid="cell-spend" data-label=move || ListMsg::ColSpend.in_lang(lang.get())>{spend}{not_counted}</td>
            <td class="num">{read(|r| r.facts.last_purchase.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default())}</td>
            <td><span class=risk_class data-testid="cell-risk">{label(|r, lang| r.facts.churn_level.label(lang))}</span></td>
        </tr>
    }
}
