//! The ledger import page (`/credit/import`): the shared import flow with the credit
//! plug-in. Confirmed invoices are also purchases on their customers' timelines, as a
//! credit sale typed on the credit file is.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use super::domain::import::{apply_rows, CustomerKey, LedgerImport, LedgerRow};
use super::messages::CreditMsg;
use super::state::{use_credit, CreditState};
use crate::components::import::{ImportFlow, ImportPlugin, SectionWord};
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{format_cents, Interaction, InteractionKind};
use crate::customers::state::{use_customers, CustomersState};
use crate::i18n::{Lang, Text};
use crate::paths;

/// Credit's part in the import flow.
#[derive(Clone, Copy)]
struct LedgerPlugin {
    credit: CreditState,
    customers: CustomersState,
}

impl ImportPlugin for LedgerPlugin {
    type Target = LedgerImport;

    fn target(&self) -> LedgerImport {
        let keys = self.customers.customers.with_untracked(|book| {
            book.customers
                .iter()
                .map(|c| CustomerKey {
                    id: c.id,
                    name: c.name.clone(),
                    email: c.email.clone(),
                })
                .collect()
        });
        self.credit
            .book
            .with_untracked(|b| LedgerImport::new(keys, &b.ledger, "CNY"))
    }

    fn word(&self, word: SectionWord, lang: Lang) -> &'static str {
        match word {
            SectionWord::ChooseFile => CreditMsg::ImportChooseFile,
            SectionWord::OrPaste => CreditMsg::ImportOrPaste,
            SectionWord::MappingIntro => CreditMsg::ImportMapping,
            SectionWord::Confirm => CreditMsg::ImportConfirm,
            SectionWord::Done => CreditMsg::ImportDone,
            SectionWord::NotSaved => CreditMsg::ImportNotSaved,
            SectionWord::Back => CreditMsg::BackToCredit,
        }
        .in_lang(lang)
    }

    fn back_path(&self) -> String {
        paths::credit()
    }

    fn sample(&self, records: &[LedgerRow]) -> AnyView {
        view! { <LedgerPreview rows=records.to_vec() /> }.into_any()
    }

    fn add(&self, mut records: Vec<LedgerRow>) -> usize {
        // Each credit sale is a purchase on its customer's timeline, and the invoice points
        // at it: number the purchases first, so each book is written once.
        self.customers.customers.with_untracked(|book| {
            let mut next: HashMap<u64, u64> = HashMap::new();
            for row in &mut records {
                let LedgerRow::Invoice(invoice) = row else {
                    continue;
                };
                let Some(c) = book.get(invoice.customer_id) else {
                    continue;
                };
                let id = next
                    .entry(c.id)
                    .or_insert_with(|| c.interactions.iter().map(|i| i.id).max().unwrap_or(0) + 1);
                invoice.purchase_id = Some(*id);
                *id += 1;
            }
        });
        let (mut added, mut skipped) = (Vec::new(), 0);
        self.credit.book.update(|b| {
            let (invoices, refused) = apply_rows(&mut b.ledger, &records);
            skipped = refused;
            added = invoices
                .iter()
                .filter_map(|id| b.ledger.invoice(*id).cloned())
                .collect::<Vec<_>>();
        });
        self.customers.customers.update(|book| {
            for invoice in &added {
                let (Some(id), Some(c)) = (invoice.purchase_id, book.get_mut(invoice.customer_id))
                else {
                    continue;
                };
                c.interactions.push(Interaction {
                    id,
                    date: invoice.date,
                    kind: InteractionKind::Purchase {
                        amount_cents: invoice.amount_cents,
                        currency: invoice.currency.clone(),
                        items: invoice.number.clone(),
                    },
                    note: String::new(),
                });
                c.updated_at = chrono::Utc::now();
            }
        });
        records.len() - skipped
    }
}

/// The first rows an import would add.
#[component]
fn LedgerPreview(rows: Vec<LedgerRow>) -> impl IntoView {
    let lang = use_lang();
    let body = move || {
        let lang = lang.get();
        rows.iter()
            .map(|r| {
                let (kind, invoice, date) = match r {
                    LedgerRow::Invoice(i) => (CreditMsg::TypeInvoice, i.number.clone(), i.date),
                    LedgerRow::Payment { invoice, date, .. } => (CreditMsg::TypePayment, invoice.clone().unwrap_or_default(), *date),
                    LedgerRow::CreditNote { invoice, date, .. } => (CreditMsg::TypeCreditNote, invoice.clone(), *date),
                };
                view! { <tr><td>{kind.in_lang(lang)}</td><td>{invoice}</td><td>{date.to_string()}</td><td class="num">{format_cents(r.amount_cents())}</td></tr> }
            })
            .collect_view()
    };
    view! {
        <div class="scroll-x" tabindex="0">
            <table class="table compact preview-table">
                <thead><tr>
                    <th scope="col">{tr(CreditMsg::ColType)}</th><th scope="col">{tr(CreditMsg::ColInvoice)}</th>
                    <th scope="col">{tr(CreditMsg::ColDate)}</th><th scope="col" class="num">{tr(CreditMsg::ColAmount)}</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// `/credit/import`.
#[component]
pub fn LedgerImportPage() -> impl IntoView {
    let plugin = LedgerPlugin {
        credit: use_credit(),
        customers: use_customers(),
    };
    view! {
        <section class="page import-page" data-testid="page-ledger-import">
            <p class="back"><A href=paths::credit()>{tr(CreditMsg::BackToCredit)}</A></p>
            <h1>{tr(CreditMsg::ImportTitle)}</h1>
            <p class="muted">{tr(CreditMsg::ImportIntro)}</p>
            <ImportFlow section=Arc::new(plugin) />
        </section>
    }
}
