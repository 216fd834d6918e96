//! The Credit card on a customer's page: decision, limit and use of it, what is open and
//! overdue, the latest ledger entries, and the way to the full credit file.

use leptos::prelude::*;
use leptos_router::components::A;

use super::domain::{utilisation, AdjustmentKind, Entry};
use super::messages::CreditMsg;
use super::state::use_credit;
use super::view::{amount, decision_name, entry_line};
use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Lang, Text};
use crate::paths;
use crate::state::TimelineEntry;

/// The credit summary of one customer.
#[component]
pub fn CreditCard(
    /// The customer shown.
    customer_id: u64,
) -> impl IntoView {
    let credit = use_credit();
    let lang = use_lang();
    let summary = Memo::new(move |_| {
        credit.book.with(|book| {
            let file = book.file(customer_id);
            let currency = file.map_or("CNY".to_owned(), |f| f.limit_currency.clone());
            let open = book.ledger.open_total(customer_id, &currency, today());
            let overdue: i64 = book
                .ledger
                .open_invoices(customer_id, today())
                .iter()
                .filter(|(i, _)| i.due < today() && i.currency == currency)
                .map(|(_, o)| o)
                .sum();
            let limit = file.and_then(|f| f.limit_cents);
            let decision = file.and_then(|f| f.decision()).map(|d| d.kind);
            let entries: Vec<String> = book
                .ledger
                .entries_of(customer_id)
                .iter()
                .take(5)
                .map(|e| entry_line(e, lang.get()))
                .collect();
            (currency, open, overdue, limit, decision, entries)
        })
    });
    let line = move |msg: CreditMsg, value: String| fill(msg.in_lang(lang.get()), &[&value]);
    view! {
        <div class="card" data-testid="customer-credit">
            <h2>{tr(CreditMsg::CardHeading)}</h2>
            {move || {
                let (currency, open, overdue, limit, decision, entries) = summary.get();
                let used = limit.and_then(|l| utilisation(open, l));
                let overdue_text = amount(overdue, &currency);
                view! {
                    <p data-testid="credit-card-decision">{match decision {
                        Some(kind) => decision_name(kind).in_lang(lang.get()).to_owned(),
                        None => CreditMsg::NoDecision.in_lang(lang.get()).to_owned(),
                    }}</p>
                    <p data-testid="credit-card-open">{line(CreditMsg::OpenLine, amount(open, &currency))}</p>
                    <Show when=move || { overdue > 0 }>
                        <p class="danger-text">{line(CreditMsg::OverdueLine, overdue_text.clone())}</p>
                    </Show>
                    {limit.map(|l| view! {
                        <p>{line(CreditMsg::LimitLine, amount(l, &currency))}
                            {used.map(|u| format!(" ({:.0}%)", u * 100.0))}</p>
                    })}
                    <ul class="plain-list">
                        {entries.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                    </ul>
                }
            }}
            <A href=paths::credit_file(customer_id) attr:class="button" attr:data-testid="open-credit-file">
                {tr(CreditMsg::OpenFile)}
            </A>
        </div>
    }
}

/// The customer's payments, credit notes and write-offs as timeline entries (their credit
/// sales are on the timeline already, as purchases). Registered in `credit::provide`.
pub fn timeline_entries(customer_id: u64, lang: Lang) -> Vec<TimelineEntry> {
    let credit = use_credit();
    credit.book.with(|book| {
        let ledger = &book.ledger;
        let number = |invoice_id: u64| {
            ledger
                .invoice(invoice_id)
                .map_or_else(|| "–".to_owned(), |i| i.number.clone())
        };
        ledger
            .entries_of(customer_id)
            .iter()
            .filter_map(|entry| {
                let (badge, text, testid) = match entry {
                    Entry::Invoice(_) => return None,
                    Entry::Payment(p) => {
                        let paid = amount(p.amount_cents, &p.currency);
                        let invoices: Vec<String> =
                            p.allocations.iter().map(|a| number(a.invoice_id)).collect();
                        let text = match invoices.is_empty() {
                            true => paid,
                            false => fill(
                                CreditMsg::TimelineFor.in_lang(lang),
                                &[&paid, &invoices.join(", ")],
                            ),
                        };
                        (CreditMsg::TimelinePayment, text, "timeline-credit-payment")
                    }
                    Entry::Adjustment(a) => {
                        let (badge, testid) = match a.kind {
                            AdjustmentKind::CreditNote => {
                                (CreditMsg::TimelineCreditNote, "timeline-credit-note")
                            }
                            AdjustmentKind::WriteOff => {
                                (CreditMsg::TimelineWriteOff, "timeline-credit-write-off")
                            }
                        };
                        let currency = ledger
                            .invoice(a.invoice_id)
                            .map_or("", |i| i.currency.as_str());
                        let text = fill(
                            CreditMsg::TimelineReason.in_lang(lang),
                            &[
                                &amount(a.amount_cents, currency),
                                &number(a.invoice_id),
                                &a.reason,
                            ],
                        );
                        (badge, text, testid)
                    }
                };
                Some(TimelineEntry {
                    date: entry.date(),
                    order: entry.id(),
                    badge: badge.in_lang(lang).to_owned(),
                    text,
                    link: paths::credit_file(customer_id),
                    link_text: CreditMsg::TimelineLink.in_lang(lang).to_owned(),
                    testid,
                })
            })
            .collect()
    })
}
