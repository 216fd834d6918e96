//! The last import step: what would be added, the rows left out and why, and Confirm.

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;

use super::texts::row_error_text;
use super::ImportStep;
use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{import_customers, Customer, ImportPreview};
use crate::customers::labels::Labelled;
use crate::customers::list::messages::ListMsg;
use crate::customers::list::records::add_imported;
use crate::customers::state::use_customers;
use crate::i18n::{fill, CommonMsg, Text};

/// Rows shown in a preview table, and problems listed before "… and N more".
const PREVIEW_ROWS: usize = 5;
const LISTED_ERRORS: usize = 50;

/// The preview of a CSV import under the current mapping.
#[component]
pub fn CsvPreview(
    /// The import step (a CSV with its mapping); confirming moves it to `Done`.
    step: RwSignal<ImportStep>,
) -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let preview = Memo::new(move |_| match step.get() {
        ImportStep::Csv { text, mapping, .. } => {
            import_customers(&text, &mapping, 1, Utc::now(), today()).unwrap_or_default()
        }
        _ => ImportPreview::default(),
    });
    let counts = move || {
        preview.with(|p| {
            let bad: BTreeSet<usize> = p.errors.iter().map(|e| e.row).collect();
            (p.customers.len(), p.customers.len() + bad.len())
        })
    };
    let errors = move || {
        let lang = lang.get();
        preview.with(|p| {
            let listed = p.errors.iter().take(LISTED_ERRORS).map(|e| view! { <li>{row_error_text(e, lang)}</li> }).collect_view();
            let more = p.errors.len().saturating_sub(LISTED_ERRORS);
            let more = (more > 0).then(|| view! { <li>{fill(ListMsg::MoreErrors.in_lang(lang), &[&more.to_string()])}</li> });
            (!p.errors.is_empty()).then(|| view! {
                <h3>{tr(ListMsg::RowErrorsTitle)}</h3>
                <ul class="row-errors" data-testid="import-row-errors">{listed}{more}</ul>
            })
        })
    };
    let confirm = move |_| {
        let customers = preview.get_untracked().customers;
        let mut added = 0;
        state
            .customers
            .update(|b| added = add_imported(b, customers, false));
        step.set(ImportStep::Done(added));
    };
    view! {
        <div class="card" data-testid="import-preview">
            <h2>{tr(ListMsg::PreviewTitle)}</h2>
            <p data-testid="import-valid-count">{move || {
                let (valid, total) = counts();
                fill(ListMsg::ValidRows.in_lang(lang.get()), &[&valid.to_string(), &total.to_string()])
            }}</p>
            <PreviewTable customers=Signal::derive(move || preview.with(|p| p.customers.iter().take(PREVIEW_ROWS).cloned().collect())) />
            {errors}
            <ConfirmButtons step count=Signal::derive(move || counts().0) on_confirm=Callback::new(confirm) />
        </div>
    }
}

/// The preview of a JSON import (customers with their full history).
#[component]
pub fn JsonPreview(
    /// The import step; confirming moves it to `Done`.
    step: RwSignal<ImportStep>,
    /// The customers read from the file.
    customers: Arc<Vec<Customer>>,
) -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let count = customers.len();
    let first: Vec<Customer> = customers.iter().take(PREVIEW_ROWS).cloned().collect();
    let confirm = move |_| {
        let mut added = 0;
        state
            .customers
            .update(|b| added = add_imported(b, customers.to_vec(), true));
        step.set(ImportStep::Done(added));
    };
    view! {
        <div class="card" data-testid="import-preview">
            <h2>{tr(ListMsg::PreviewTitle)}</h2>
            <p data-testid="import-valid-count">{move || fill(ListMsg::JsonReady.in_lang(lang.get()), &[&count.to_string()])}</p>
            <PreviewTable customers=Signal::derive(move || first.clone()) />
            <ConfirmButtons step count=Signal::derive(move || count) on_confirm=Callback::new(confirm) />
        </div>
    }
}

/// The first customers an import would add.
#[component]
fn PreviewTable(
    /// The customers to show.
    customers: Signal<Vec<Customer>>,
) -> impl IntoView {
    let lang = use_lang();
    let rows = move || {
        let lang = lang.get();
        customers
            .get()
            .into_iter()
            .map(|c| view! { <tr><td>{c.name}</td><td>{c.company}</td><td>{c.phone}</td><td>{c.email}</td><td>{c.stage.label(lang)}</td></tr> })
            .collect_view()
    };
    view! {
        <div class="table-wrap">
            <table class="customer-table preview-table">
                <thead><tr>
                    <th scope="col">{tr(ListMsg::ColName)}</th><th scope="col">{tr(ListMsg::ColCompany)}</th>
                    <th scope="col">{move || crate::customers::domain::Field::Phone.label(lang.get())}</th>
                    <th scope="col">{move || crate::customers::domain::Field::Email.label(lang.get())}</th>
                    <th scope="col">{tr(ListMsg::ColStage)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// "Import N customers" and Cancel (which changes nothing).
#[component]
fn ConfirmButtons(
    /// The import step; Cancel returns it to the start.
    step: RwSignal<ImportStep>,
    /// How many customers would be added.
    count: Signal<usize>,
    /// Adds the customers.
    on_confirm: Callback<leptos::ev::MouseEvent>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="actions">
            <button type="button" data-testid="import-confirm" disabled=move || count.get() == 0
                on:click=move |ev| on_confirm.run(ev)>
                {move || fill(ListMsg::ConfirmImport.in_lang(lang.get()), &[&count.get().to_string()])}
            </button>
            <button type="button" class="ghost" data-testid="import-cancel" on:click=move |_| step.set(ImportStep::Choose)>
                {tr(CommonMsg::Cancel)}
            </button>
        </div>
    }
}
