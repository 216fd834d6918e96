//! The customer import page: the shared import flow with the customers' plug-in (their
//! CSV fields, their own JSON export, and where imported customers are stored).

mod preview;
pub mod texts;

use std::collections::HashMap;
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
    RecordMatch, SectionWord,
};
use crate::components::text::tr;
use crate::customers::domain::reimport::{match_stored, plan_import, MatchChoice, MatchReason};
use crate::customers::domain::{import_customers_json, Customer, CustomerImport};
use crate::customers::state::{use_customers, CustomersState};
use crate::i18n::{fill, CommonMsg, Lang, Text};
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
            SectionWord::NotSaved => ListMsg::ImportNotSaved.in_lang(lang),
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

    fn stored_matches(&self, records: &[Customer]) -> Vec<RecordMatch> {
        self.state.customers.with_untracked(|book| {
            match_stored(&book.customers, records)
                .into_iter()
                .map(|m| {
                    let row = records[m.record].name.clone();
                    let stored = book
                        .get(m.existing)
                        .map(|c| c.name.clone())
                        .unwrap_or_default();
                    let message = match m.reasons.as_slice() {
                        [MatchReason::SameEmail] => ListMsg::ReimportSameEmail,
                        [MatchReason::SamePhone] => ListMsg::ReimportSamePhone,
                        _ => ListMsg::ReimportSameBoth,
                    };
                    RecordMatch {
                        record: m.record,
                        default: m.default_choice(),
                        text: Arc::new(move |lang| fill(message.in_lang(lang), &[&row, &stored])),
                    }
                })
                .collect()
        })
    }

    fn add_chosen(
        &self,
        records: Vec<Customer>,
        shown: &[RecordMatch],
        choices: &[MatchChoice],
    ) -> usize {
        self.add_as_chosen(records, shown, choices, false)
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
                matches: self.stored_matches(&customers),
                customers,
            })),
            Err(e) => Err(json_failure(e)),
        })
    }
}

impl CustomerPlugin {
    /// Stores `records` as chosen for each of `shown` (skip, update the stored customer,
    /// or add); `keep_ids` for a JSON export's own ids where free.
    fn add_as_chosen(
        &self,
        records: Vec<Customer>,
        shown: &[RecordMatch],
        choices: &[MatchChoice],
        keep_ids: bool,
    ) -> usize {
        let chosen: HashMap<usize, MatchChoice> = shown
            .iter()
            .map(|m| m.record)
            .zip(choices.iter().copied())
            .collect();
        let mut written = 0;
        self.state.customers.update(|book| {
            // Matched again against the book as it is now (another tab may have saved
            // meanwhile); each row keeps the choice made for it on screen.
            let matches = match_stored(&book.customers, &records);
            let choices: Vec<MatchChoice> = matches
                .iter()
                .map(|m| {
                    chosen
                        .get(&m.record)
                        .copied()
                        .unwrap_or_else(|| m.default_choice())
                })
                .collect();
            let plan = plan_import(
                &book.customers,
                records,
                &matches,
                &choices,
                Utc::now(),
                today(),
            );
            written = plan.update.len();
            for next in plan.update {
                if let Some(slot) = book.get_mut(next.id) {
                    *slot = next;
                }
            }
            written += add_imported(book, plan.add, keep_ids);
        });
        written
    }

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
