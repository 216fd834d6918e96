//! The receivables ledger on a credit file: record a credit sale (which also lands on the
//! customer's timeline as a purchase, and meets the credit hold), a payment, a credit note
//! or write-off, a payment promise; the entries; and the collection letters (催款函).

use leptos::prelude::*;

use super::domain::{
    dunning_level, hold_reasons, AdjustmentKind, HoldReason, Invoice, PaymentError, Promise,
    PromiseStatus, Sale,
};
use super::messages::CreditMsg;
use super::state::use_credit;
use super::view::{amount, entry_line, read_money};
use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{Interaction, InteractionKind};
use crate::customers::state::use_customers;
use crate::i18n::{fill, Lang, Text};

fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// The ledger of one customer.
#[component]
pub fn LedgerPanel(
    /// Whose ledger.
    customer_id: u64,
) -> impl IntoView {
    let credit = use_credit();
    let customers = use_customers();
    let lang = use_lang();
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<CreditMsg>);

    // --- a credit sale -------------------------------------------------------------
    let sale_date = RwSignal::new(today().to_string());
    let sale_amount = RwSignal::new(String::new());
    let sale_currency = RwSignal::new(String::new());
    let sale_items = RwSignal::new(String::new());
    let prepaid = RwSignal::new(false);
    // A purchase already on the timeline put on credit (its id), instead of a new sale.
    let from_purchase = RwSignal::new(None::<u64>);
    let holds = RwSignal::new(Vec::<HoldReason>::new());
    let override_reason = RwSignal::new(String::new());
    let file_currency = Memo::new(move |_| {
        credit.book.with(|b| {
            b.file(customer_id)
                .map_or("CNY".to_owned(), |f| f.limit_currency.clone())
        })
    });
    // The customer's purchases on the timeline that are not on credit yet, newest first:
    // (id, date, cents, currency, items).
    let open_purchases = Memo::new(move |_| {
        let on_credit = credit
            .book
            .with(|b| b.ledger.purchases_on_credit(customer_id));
        customers.customers.with(|book| {
            let mut purchases: Vec<(u64, chrono::NaiveDate, i64, String, String)> = book
                .get(customer_id)
                .into_iter()
                .flat_map(|c| c.interactions.iter())
                .filter(|i| !on_credit.contains(&i.id))
                .filter_map(|i| match &i.kind {
                    InteractionKind::Purchase {
                        amount_cents,
                        currency,
                        items,
                    } if *amount_cents > 0 => {
                        Some((i.id, i.date, *amount_cents, currency.clone(), items.clone()))
                    }
                    _ => None,
                })
                .collect();
            purchases.sort_by_key(|p| std::cmp::Reverse((p.1, p.0)));
            purchases
        })
    });
    let choose_purchase = move |value: String| {
        let chosen = value.parse::<u64>().ok().and_then(|id| {
            open_purchases.with_untracked(|ps| ps.iter().find(|p| p.0 == id).cloned())
        });
        from_purchase.set(chosen.as_ref().map(|p| p.0));
        if let Some((_, date, cents, currency, items)) = chosen {
            sale_date.set(date.to_string());
            sale_amount.set(crate::customers::domain::format_cents(cents));
            sale_currency.set(currency);
            sale_items.set(items);
        }
    };
    let record_sale = move |force: bool| {
        let lang = lang.get_untracked();
        let Some(date) = parse_date(&sale_date.get_untracked()) else {
            error.set(Some(CreditMsg::BadDate.in_lang(lang).to_owned()));
            return;
        };
        let cents = match read_money(&sale_amount.get_untracked()) {
            Ok(Some(c)) if c > 0 => c,
            _ => {
                error.set(Some(CreditMsg::AmountPositive.in_lang(lang).to_owned()));
                return;
            }
        };
        let currency = {
            let c = sale_currency.get_untracked().trim().to_uppercase();
            if c.is_empty() {
                file_currency.get_untracked()
            } else {
                c
            }
        };
        let reasons = credit.book.with_untracked(|b| {
            let sale = Sale {
                customer_id,
                cents,
                currency: &currency,
                date,
                prepaid: prepaid.get_untracked(),
            };
            hold_reasons(&b.policy, b.file(customer_id), &b.ledger, sale)
        });
        let why = override_reason.get_untracked().trim().to_owned();
        if !reasons.is_empty() && !force {
            holds.set(reasons);
            error.set(None);
            return;
        }
        if !reasons.is_empty() && why.is_empty() {
            error.set(Some(
                CreditMsg::OverrideNeedsReason.in_lang(lang).to_owned(),
            ));
            return;
        }
        let items = sale_items.get_untracked();
        // The sale is a purchase on the customer's timeline, and the invoice points at it:
        // the purchase chosen, or a new one.
        let mut purchase_id = from_purchase.get_untracked();
        if purchase_id.is_none() {
            customers.customers.update(|book| {
                if let Some(c) = book.get_mut(customer_id) {
                    let id = c.interactions.iter().map(|i| i.id).max().unwrap_or(0) + 1;
                    c.interactions.push(Interaction {
                        id,
                        date,
                        kind: InteractionKind::Purchase {
                            amount_cents: cents,
                            currency: currency.clone(),
                            items: items.clone(),
                        },
                        note: String::new(),
                    });
                    c.updated_at = chrono::Utc::now();
                    purchase_id = Some(id);
                }
            });
        }
        let prepaid_sale = prepaid.get_untracked();
        credit.book.edit(move |b| {
            let terms = b
                .file(customer_id)
                .map(|f| f.terms.clone())
                .unwrap_or_default();
            let id = b.ledger.next_id();
            let number = b.ledger.next_invoice_number();
            b.ledger.add_invoice(Invoice {
                id,
                customer_id,
                number,
                date,
                due: if prepaid_sale {
                    date
                } else {
                    terms.due_date(date)
                },
                terms: terms.clone(),
                amount_cents: cents,
                currency: currency.clone(),
                items: items.clone(),
                purchase_id,
                hold_override: (!why.is_empty()).then(|| why.clone()),
            });
            if prepaid_sale {
                let _ = b.ledger.record_payment(
                    customer_id,
                    &currency,
                    date,
                    cents,
                    Some(id),
                    "prepaid",
                );
            }
        });
        holds.set(Vec::new());
        override_reason.set(String::new());
        sale_amount.set(String::new());
        sale_items.set(String::new());
        from_purchase.set(None);
        error.set(None);
        done.set(Some(CreditMsg::SaleRecorded));
    };
    let hold_text = move |h: &HoldReason| -> String {
        let lang = lang.get();
        match h {
            HoldReason::OverLimit {
                open_cents,
                sale_cents,
                limit_cents,
            } => {
                let c = file_currency.get();
                fill(
                    CreditMsg::HoldOverLimit.in_lang(lang),
                    &[
                        &amount(*open_cents, &c),
                        &amount(*sale_cents, &c),
                        &amount(*limit_cents, &c),
                    ],
                )
            }
            HoldReason::Overdue { invoice, days } => fill(
                CreditMsg::HoldOverdue.in_lang(lang),
                &[invoice, &days.to_string()],
            ),
            HoldReason::Refused => CreditMsg::HoldRefused.in_lang(lang).to_owned(),
        }
    };

    // --- a payment -----------------------------------------------------------------
    let pay_date = RwSignal::new(today().to_string());
    let pay_amount = RwSignal::new(String::new());
    let pay_invoice = RwSignal::new(String::new());
    let open = Memo::new(move |_| {
        credit.book.with(|b| {
            b.ledger
                .open_invoices(customer_id, today())
                .into_iter()
                .map(|(i, o)| (i.clone(), o))
                .collect::<Vec<_>>()
        })
    });
    let record_payment = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        let Some(date) = parse_date(&pay_date.get_untracked()) else {
            error.set(Some(CreditMsg::BadDate.in_lang(lang).to_owned()));
            return;
        };
        let Ok(Some(cents)) = read_money(&pay_amount.get_untracked()) else {
            error.set(Some(CreditMsg::AmountPositive.in_lang(lang).to_owned()));
            return;
        };
        let invoice_id = pay_invoice.get_untracked().parse::<u64>().ok();
        let currency = invoice_id
            .and_then(|id| {
                credit
                    .book
                    .with_untracked(|b| b.ledger.invoice(id).map(|i| i.currency.clone()))
            })
            .unwrap_or_else(|| file_currency.get_untracked());
        let result = std::cell::RefCell::new(Ok(0));
        credit.book.edit(|b| {
            *result.borrow_mut() =
                b.ledger
                    .record_payment(customer_id, &currency, date, cents, invoice_id, "");
        });
        match result.into_inner() {
            Ok(_) => {
                pay_amount.set(String::new());
                error.set(None);
                done.set(Some(CreditMsg::PaymentRecorded));
            }
            Err(e) => error.set(Some(payment_error(e, &currency, lang))),
        }
    };

    // --- a credit note or write-off ------------------------------------------------
    let adj_kind = RwSignal::new("credit_note".to_owned());
    let adj_invoice = RwSignal::new(String::new());
    let adj_amount = RwSignal::new(String::new());
    let adj_reason = RwSignal::new(String::new());
    let adj_approver = RwSignal::new(String::new());
    let record_adjustment = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        let Some(invoice_id) = adj_invoice.get_untracked().parse::<u64>().ok() else {
            error.set(Some(CreditMsg::ChooseInvoice.in_lang(lang).to_owned()));
            return;
        };
        let Ok(Some(cents)) = read_money(&adj_amount.get_untracked()) else {
            error.set(Some(CreditMsg::AmountPositive.in_lang(lang).to_owned()));
            return;
        };
        let kind = if adj_kind.get_untracked() == "write_off" {
            AdjustmentKind::WriteOff
        } else {
            AdjustmentKind::CreditNote
        };
        let (reason, approver) = (adj_reason.get_untracked(), adj_approver.get_untracked());
        let result = std::cell::RefCell::new(Ok(0));
        credit.book.edit(|b| {
            *result.borrow_mut() =
                b.ledger
                    .record_adjustment(invoice_id, kind, today(), cents, &reason, &approver);
        });
        match result.into_inner() {
            Ok(_) => {
                adj_amount.set(String::new());
                adj_reason.set(String::new());
                error.set(None);
                done.set(Some(CreditMsg::AdjustmentRecorded));
            }
            Err(super::domain::ledger::AdjustmentError::NoReason) => {
                error.set(Some(CreditMsg::ReasonNeeded.in_lang(lang).to_owned()))
            }
            Err(super::domain::ledger::AdjustmentError::MoreThanOpen { open_cents }) => {
                error.set(Some(fill(
                    CreditMsg::MoreThanOpen.in_lang(lang),
                    &[&crate::customers::domain::format_cents(open_cents)],
                )))
            }
            Err(_) => error.set(Some(CreditMsg::AmountPositive.in_lang(lang).to_owned())),
        }
    };

    // --- a promise -----------------------------------------------------------------
    let promise_date = RwSignal::new(String::new());
    let promise_amount = RwSignal::new(String::new());
    let record_promise = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        let (Some(due), Ok(Some(cents))) = (
            parse_date(&promise_date.get_untracked()),
            read_money(&promise_amount.get_untracked()),
        ) else {
            error.set(Some(CreditMsg::PromiseNeeds.in_lang(lang).to_owned()));
            return;
        };
        let currency = file_currency.get_untracked();
        credit.book.edit(move |b| {
            let id = b.ledger.next_id();
            b.ledger.promises.push(Promise {
                id,
                customer_id,
                made_on: today(),
                due,
                amount_cents: cents,
                currency: currency.clone(),
            });
        });
        promise_amount.set(String::new());
        error.set(None);
        done.set(Some(CreditMsg::PromiseRecorded));
    };
    let promises = Memo::new(move |_| {
        credit.book.with(|b| {
            b.ledger
                .promises
                .iter()
                .filter(|p| p.customer_id == customer_id)
                .map(|p| (p.clone(), b.ledger.promise_status(p, today())))
                .collect::<Vec<_>>()
        })
    });
    let entries = Memo::new(move |_| {
        credit.book.with(|b| {
            b.ledger
                .entries_of(customer_id)
                .iter()
                .map(|e| entry_line(e, lang.get()))
                .collect::<Vec<_>>()
        })
    });

    let invoice_options = move || {
        open.get().into_iter().map(|(i, o)| {
        view! { <option value=i.id.to_string()>{format!("{} · {} · {}", i.number, i.due, amount(o, &i.currency))}</option> }
    }).collect_view()
    };

    view! {
        <div class="card wide-card" data-testid="credit-ledger">
            <h2>{tr(CreditMsg::LedgerHeading)}</h2>
            <div role="status" aria-live="polite">
                {move || done.get().map(|m| view! { <p class="success-text">{m.in_lang(lang.get())}</p> })}
            </div>
            <p class="danger-text" role="alert" data-error-summary data-testid="ledger-error">{move || error.get()}</p>
            <div class="ledger-forms no-print">
                <form class="inline-fields" data-testid="sale-form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); record_sale(false); }>
                    <h3>{tr(CreditMsg::NewSale)}</h3>
                    <Show when=move || open_purchases.with(|p| !p.is_empty()) || from_purchase.get().is_some()>
                        <label class="field wide"><span>{tr(CreditMsg::FromPurchase)}</span>
                            <select data-testid="sale-purchase" prop:value=move || from_purchase.get().map(|id| id.to_string()).unwrap_or_default()
                                on:change=move |ev| choose_purchase(event_target_value(&ev))>
                                <option value="">{tr(CreditMsg::NewPurchase)}</option>
                                {move || open_purchases.get().into_iter().map(|(id, date, cents, currency, items)| view! {
                                    <option value=id.to_string()>{format!("{date} · {} · {items}", amount(cents, &currency))}</option>
                                }).collect_view()}
                            </select></label>
                    </Show>
                    <label class="field"><span>{tr(CreditMsg::Date)}</span><input type="date" data-testid="sale-date" prop:disabled=move || from_purchase.get().is_some() prop:value=sale_date on:input=move |ev| sale_date.set(event_target_value(&ev)) /></label>
                    <label class="field"><span>{tr(CreditMsg::Amount)}</span><input type="text" inputmode="decimal" data-testid="sale-amount" prop:disabled=move || from_purchase.get().is_some() prop:value=sale_amount on:input=move |ev| sale_amount.set(event_target_value(&ev)) /></label>
                    <label class="field"><span>{tr(CreditMsg::Currency)}</span><input type="text" class="narrow" data-testid="sale-currency" prop:disabled=move || from_purchase.get().is_some() placeholder=move || file_currency.get() prop:value=sale_currency on:input=move |ev| sale_currency.set(event_target_value(&ev)) /></label>
                    <label class="field"><span>{tr(CreditMsg::Items)}</span><input type="text" data-testid="sale-items" prop:disabled=move || from_purchase.get().is_some() prop:value=sale_items on:input=move |ev| sale_items.set(event_target_value(&ev)) /></label>
                    <label class="check"><input type="checkbox" data-testid="sale-prepaid" prop:checked=prepaid on:change=move |ev| prepaid.set(event_target_checked(&ev)) />{tr(CreditMsg::Prepaid)}</label>
                    <button type="submit" data-testid="sale-save">{tr(CreditMsg::RecordSale)}</button>
                </form>
                <Show when=move || !holds.get().is_empty()>
                    <div class="banner warning" role="alertdialog" aria-labelledby="hold-title" data-testid="credit-hold">
                        <p id="hold-title" class="banner-text"><strong>{tr(CreditMsg::HoldTitle)}</strong></p>
                        <ul>{move || holds.get().iter().map(|h| view! { <li>{hold_text(h)}</li> }).collect_view()}</ul>
                        <label class="field wide"><span>{tr(CreditMsg::OverrideReason)}</span>
                            <input type="text" data-testid="hold-reason" prop:value=override_reason on:input=move |ev| override_reason.set(event_target_value(&ev)) /></label>
                        <div class="banner-actions">
                            <button type="button" class="danger" data-testid="hold-override" on:click=move |_| record_sale(true)>{tr(CreditMsg::RecordAnyway)}</button>
                            <button type="button" class="ghost" data-testid="hold-cancel" on:click=move |_| holds.set(Vec::new())>{tr(CreditMsg::Cancel)}</button>
                        </div>
                    </div>
                </Show>
                <form class="inline-fields" data-testid="payment-form" novalidate on:submit=record_payment>
                    <h3>{tr(CreditMsg::NewPayment)}</h3>
                    <label class="field"><span>{tr(CreditMsg::Date)}</span><input type="date" data-testid="payment-date" prop:value=pay_date on:input=move |ev| pay_date.set(event_target_value(&ev)) /></label>
                    <label class="field"><span>{tr(CreditMsg::Amount)}</span><input type="text" inputmode="decimal" data-testid="payment-amount" prop:value=pay_amount on:input=move |ev| pay_amount.set(event_target_value(&ev)) /></label>
                    <label class="field"><span>{tr(CreditMsg::Invoice)}</span>
                        <select data-testid="payment-invoice" on:change=move |ev| pay_invoice.set(event_target_value(&ev))>
                            <option value="">{tr(CreditMsg::OldestFirst)}</option>
                            {invoice_options}
                        </select></label>
                    <button type="submit" data-testid="payment-save">{tr(CreditMsg::RecordPayment)}</button>
                </form>
                <form class="inline-fields" data-testid="adjustment-form" novalidate on:submit=record_adjustment>
                    <h3>{tr(CreditMsg::NewAdjustment)}</h3>
                    <label class="field"><span>{tr(CreditMsg::Kind)}</span>
                        <select data-testid="adjustment-kind" on:change=move |ev| adj_kind.set(event_target_value(&ev))>
                            <option value="credit_note">{tr(CreditMsg::CreditNote)}</option>
                            <option value="write_off">{tr(CreditMsg::WriteOff)}</option>
                        </select></label>
                    <label class="field"><span>{tr(CreditMsg::Invoice)}</span>
                        <select data-testid="adjustment-invoice" on:change=move |ev| adj_invoice.set(event_target_value(&ev))>
                            <option value="">"–"</option>
                            {invoice_options}
                        </select></label>
                    <label class="field"><span>{tr(CreditMsg::Amount)}</span><input type="text" inputmode="decimal" data-testid="adjustment-amount" prop:value=adj_amount on:input=move |ev| adj_amount.set(event_target_value(&ev)) /></label>
                    <label class="field"><span>{tr(CreditMsg::Reason)}</span><input type="text" data-testid="adjustment-reason" prop:value=adj_reason on:input=move |ev| adj_reason.set(event_target_value(&ev)) /></label>
                    <label class="field"><span>{tr(CreditMsg::Approver)}</span><input type="text" prop:value=adj_approver on:input=move |ev| adj_approver.set(event_target_value(&ev)) /></label>
                    <button type="submit" data-testid="adjustment-save">{tr(CreditMsg::RecordAdjustment)}</button>
                </form>
                <form class="inline-fields" data-testid="promise-form" novalidate on:submit=record_promise>
                    <h3>{tr(CreditMsg::NewPromise)}</h3>
                    <label class="field"><span>{tr(CreditMsg::PromiseDate)}</span><input type="date" prop:value=promise_date on:input=move |ev| promise_date.set(event_target_value(&ev)) /></label>
                    <label class="field"><span>{tr(CreditMsg::Amount)}</span><input type="text" inputmode="decimal" prop:value=promise_amount on:input=move |ev| promise_amount.set(event_target_value(&ev)) /></label>
                    <button type="submit">{tr(CreditMsg::RecordPromise)}</button>
                </form>
            </div>
            <h3>{tr(CreditMsg::OpenInvoices)}</h3>
            <div class="scroll-x" tabindex="0">
            <table class="table compact" data-testid="open-invoices">
                <thead><tr><th>{tr(CreditMsg::Invoice)}</th><th>{tr(CreditMsg::Date)}</th><th>{tr(CreditMsg::Due)}</th><th>{tr(CreditMsg::Open)}</th><th>{tr(CreditMsg::Dunning)}</th></tr></thead>
                <tbody>
                    {move || open.get().into_iter().map(|(i, o)| {
                        let days = (today() - i.due).num_days();
                        let level = credit.book.with(|b| dunning_level(&b.policy, days));
                        view! { <tr><td>{i.number.clone()}</td><td>{i.date.to_string()}</td><td>{i.due.to_string()}</td><td>{amount(o, &i.currency)}</td>
                            <td>{level.map(|l| view! { <Letter customer_id invoice=i.clone() open=o level=l days /> })}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            <h3>{tr(CreditMsg::Promises)}</h3>
            <ul class="plain-list" data-testid="promises">
                {move || promises.get().into_iter().map(|(p, status)| view! {
                    <li class=format!("promise-{}", match status { PromiseStatus::Kept => "kept", PromiseStatus::Broken => "broken", PromiseStatus::Pending => "pending" })>
                        {fill(CreditMsg::PromiseLine.in_lang(lang.get()), &[&p.due.to_string(), &amount(p.amount_cents, &p.currency), match status {
                            PromiseStatus::Kept => CreditMsg::Kept.in_lang(lang.get()),
                            PromiseStatus::Broken => CreditMsg::Broken.in_lang(lang.get()),
                            PromiseStatus::Pending => CreditMsg::Pending.in_lang(lang.get()),
                        }])}
                    </li>
                }).collect_view()}
            </ul>
            <h3>{tr(CreditMsg::Entries)}</h3>
            <ul class="plain-list" data-testid="ledger-entries">
                {move || entries.get().into_iter().map(|e| view! { <li data-testid="ledger-entry">{e}</li> }).collect_view()}
            </ul>
        </div>
    }
}

fn payment_error(e: PaymentError, currency: &str, lang: Lang) -> String {
    match e {
        PaymentError::NotPositive => CreditMsg::AmountPositive.in_lang(lang).to_owned(),
        PaymentError::UnknownInvoice => CreditMsg::ChooseInvoice.in_lang(lang).to_owned(),
        PaymentError::MoreThanOpen { open_cents } => fill(
            CreditMsg::MoreThanOpen.in_lang(lang),
            &[&amount(open_cents, currency)],
        ),
    }
}

/// A collection letter for one overdue invoice, in the language chosen, with "mark sent".
#[component]
fn Letter(customer_id: u64, invoice: Invoice, open: i64, level: u8, days: i64) -> impl IntoView {
    let credit = use_credit();
    let customers = use_customers();
    let ui = use_lang();
    let letter_lang = RwSignal::new(ui.get_untracked());
    let name = customers.customers.with_untracked(|b| {
        b.get(customer_id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    });
    let interest = credit
        .book
        .with_untracked(|b| super::domain::policy::late_interest(&b.policy, open, days));
    let template = match level {
        0 => CreditMsg::LetterReminder,
        1 => CreditMsg::LetterFirst,
        2 => CreditMsg::LetterSecond,
        _ => CreditMsg::LetterFinal,
    };
    let level_name = [
        CreditMsg::LevelReminder,
        CreditMsg::LevelFirst,
        CreditMsg::LevelSecond,
        CreditMsg::LevelFinal,
    ][usize::from(level.min(3))];
    let inv = invoice.clone();
    let text = move || {
        let lang = letter_lang.get();
        fill(
            template.in_lang(lang),
            &[
                &name,
                &inv.number,
                &amount(open, &inv.currency),
                &inv.due.to_string(),
                &days.max(0).to_string(),
                &amount(interest, &inv.currency),
            ],
        )
    };
    let sent = Memo::new(move |_| {
        credit.book.with(|b| {
            b.ledger
                .reminders
                .iter()
                .filter(|r| r.invoice_id == invoice.id)
                .map(|r| (r.date, r.level))
                .collect::<Vec<_>>()
        })
    });
    let invoice_id = invoice.id;
    view! {
        <details class="letter">
            <summary>{tr(level_name)}</summary>
            <label class="field"><span>{tr(CreditMsg::LetterLanguage)}</span>
                <select on:change=move |ev| letter_lang.set(if event_target_value(&ev) == "zh" { Lang::Zh } else { Lang::En })
                    prop:value=move || if letter_lang.get() == Lang::Zh { "zh" } else { "en" }>
                    <option value="en">"English"</option><option value="zh">"简体中文"</option>
                </select></label>
            <pre class="letter-text" data-testid="letter-text">{text}</pre>
            <button type="button" class="ghost" on:click=move |_| credit.book.edit(move |b| b.ledger.reminders.push(super::domain::ledger::Reminder { customer_id, invoice_id, date: today(), level }))>
                {tr(CreditMsg::MarkSent)}
            </button>
            <ul class="plain-list">{move || sent.get().into_iter().map(|(d, l)| view! { <li>{format!("{d} · {}", l)}</li> }).collect_view()}</ul>
        </details>
    }
}
