//! The customer import page: the shared import flow with the customers' plug-in (their
//! CSV fields, their own JSON export, and where imported customers are stored).

mod preview;
pub mod texts;

use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;
use leptos_router::components::A;

use self::preview::{JsonPending, PreviewTable};
use self::texts::{json_failure, looks_like_json};
use super::messages::ListMsg;
use super::records::add_imported;
use crate::clock::today;
use crate::components::import::{
    failure, texts::ImportFailure, FailureText, ImportFlow, ImportPlugin, PendingImport,
    SectionWord,
};
use crate::components::text::tr;
use crate::customers::domain::{import_customers_json, Customer, CustomerImport};
use crate::customers::state::{use_customers, CustomersState};
use crate::i18n::{CommonMsg, Lang, Text};
use crate::paths;

/// The customers' part in the import flow.
#[derive(Clone, Copy)]
pub struct CustomerPlugin {
    state: CustomersState,
}

impl ImportPlugin for CustomerPlugin {
    type Target = CustomerImport;

    fn target(&self) -> CustomerImport {
        // Ids from 1: storing renumbers them after the customers already there.
        CustomerImport {
            next_id: 1,
            now: Utc::now(),
            today: today(),
        }
    }

    fn word(&self, word: SectionWord, lang: Lang) -> &'static str {
        match word {
            SectionWord::ChooseFile => ListMsg::ChooseFile.in_lang(lang),
            SectionWord::OrPaste => ListMsg::OrPaste.in_lang(lang),
            SectionWord::MappingIntro => ListMsg::MappingIntro.in_lang(lang),
            SectionWord::Confirm => ListMsg::ConfirmImport.in_lang(lang),
            SectionWord::Done => ListMsg::ImportDone.in_lang(lang),
            SectionWord::Back => CommonMsg::BackToCustomers.in_lang(lang),
        }
    }

    fn back_path(&self) -> String {
        paths::customers("")
    }

    fn accept(&self) -> &'static str {
        ".csv,.json,text/csv,application/json"
    }

    fn sample(&self, records: &[Customer]) -> AnyView {
        view! { <PreviewTable customers=records.to_vec() /> }.into_any()
    }

    fn add(&self, records: Vec<Customer>) -> usize {
        self.add_customers(records, false)
    }

    fn read_other(
        &self,
        text: &str,
        file_name: Option<&str>,
    ) -> Option<Result<Arc<dyn PendingImport>, FailureText>> {
        if !looks_like_json(file_name, text) {
            return None;
        }
        Some(match import_customers_json(text) {
            Ok(customers) if customers.is_empty() => Err(failure(ImportFailure::Empty)),
            Ok(customers) => Ok(Arc::new(JsonPending {
                plugin: *self,
                customers,
            })),
            Err(e) => Err(json_failure(e)),
        })
    }
}

impl CustomerPlugin {
    /// Adds the customers to the book; `keep_ids` for a JSON export's own ids where free.
    fn add_customers(&self, customers: Vec<Customer>, keep_ids: bool) -> usize {
        let mut added = 0;
        self.state
            .customers
            .update(|b| added = add_imported(b, customers, keep_ids));
        added
    }
}

/// CSV/JSON import.
#[component]
pub fn ImportPage() -> impl IntoView {
    let plugin = CustomerPlugin {
        state: use_customers(),
    };
    view! {
        <section class="page list-page import-page" data-testid="page-customer-import">
            <p class="back"><A href=paths::customers("")>{tr(CommonMsg::BackToCustomers)}</A></p>
            <h1>{tr(ListMsg::ImportTitle)}</h1>
            <p class="muted">{tr(ListMsg::ImportIntro)}</p>
            <ImportFlow section=Arc::new(plugin) />
        </section>
    }
}
