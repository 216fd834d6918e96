//! What the customers show in an import preview: the first customers as a table, and a
//! JSON export read whole (with ids and history), waiting for Confirm.

use leptos::prelude::*;

use super::CustomerPlugin;
use crate::components::import::{PendingImport, RecordMatch, PREVIEW_ROWS};
use crate::components::text::{tr, use_lang};
use crate::customers::domain::reimport::MatchChoice;
use crate::customers::domain::{Customer, Field};
use crate::customers::labels::Labelled;
use crate::customers::list::messages::ListMsg;
use crate::i18n::{fill, Lang, Text};

/// Customers read from this app's JSON export, with their full history.
pub struct JsonPending {
    pub plugin: CustomerPlugin,
    pub customers: Vec<Customer>,
    /// The customers that match stored ones (the same email or phone), found when read.
    pub matches: Vec<RecordMatch>,
}

impl PendingImport for JsonPending {
    fn summary(&self, lang: Lang) -> String {
        let count = self.customers.len().to_string();
        fill(ListMsg::JsonReady.in_lang(lang), &[&count])
    }

    fn ready(&self) -> usize {
        self.customers.len()
    }

    fn error_count(&self) -> usize {
        0
    }

    fn error_text(&self, _: usize, _: Lang) -> String {
        String::new()
    }

    fn sample(&self) -> AnyView {
        let first = self.customers.iter().take(PREVIEW_ROWS).cloned().collect();
        view! { <PreviewTable customers=first /> }.into_any()
    }

    fn confirm(&self) -> usize {
        self.plugin.add_customers(self.customers.clone(), true)
    }

    fn matches(&self) -> Vec<RecordMatch> {
        self.matches.clone()
    }

    fn confirm_chosen(&self, choices: &[MatchChoice]) -> usize {
        self.plugin
            .add_as_chosen(self.customers.clone(), &self.matches, choices, true)
    }
}

/// The first customers an import would add.
#[component]
pub fn PreviewTable(
    /// The customers to show.
    customers: Vec<Customer>,
) -> impl IntoView {
    let lang = use_lang();
    let rows = move || {
        let lang = lang.get();
        customers
            .iter()
            .map(|c| view! { <tr><td>{c.name.clone()}</td><td>{c.company.clone()}</td><td>{c.phone.clone()}</td><td>{c.email.clone()}</td><td>{c.stage.label(lang)}</td></tr> })
            .collect_view()
    };
    view! {
        <div class="table-wrap" tabindex="0">
            <table class="customer-table preview-table">
                <thead><tr>
                    <th scope="col">{tr(ListMsg::ColName)}</th><th scope="col">{tr(ListMsg::ColCompany)}</th>
                    <th scope="col">{move || Field::Phone.label(lang.get())}</th>
                    <th scope="col">{move || Field::Email.label(lang.get())}</th>
                    <th scope="col">{tr(ListMsg::ColStage)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
