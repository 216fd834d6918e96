//! Demo credit data for "Load demo data": the business customers' recent purchases become
//! credit sales, paid in five deterministic patterns (on time, with the cash discount,
//! late, in part, and not at all — with a broken promise and a write-off), so the aging,
//! the metrics and Learn have something real to show.

use chrono::{Datelike, Days, NaiveDate};

use super::altman::{BalanceSheet, FirmType};
use super::checks::assess;
use super::conditions::CreditTerms;
use super::file::{CreditBook, CreditFile};
use super::ledger::{AdjustmentKind, Invoice, Promise};
use super::policy::CreditPolicy;
use super::scorecard::C;

/// A purchase on a customer's timeline: (interaction id, date, cents, currency, items).
pub type DemoPurchase = (u64, NaiveDate, i64, String, String);

/// How many business customers get a credit file.
pub const DEMO_CREDIT_CUSTOMERS: usize = 15;

/// The credit book for the business customers `(id, purchases)`, as of `today`.
pub fn demo_credit(customers: &[(u64, Vec<DemoPurchase>)], today: NaiveDate) -> CreditBook {
    let mut book = CreditBook {
        policy: CreditPolicy::default(),
        ..CreditBook::default()
    };
    let year_ago = today - Days::new(365);
    for (n, (customer_id, purchases)) in customers.iter().take(DEMO_CREDIT_CUSTOMERS).enumerate() {
        let pattern = n % 5;
        let file = demo_file(*customer_id, pattern, today, &book.policy);
        let terms = file.terms.clone();
        book.files.push(file);
        let mut recent: Vec<&DemoPurchase> = purchases
            .iter()
            .filter(|p| p.1 > year_ago && p.1 <= today)
            .collect();
        recent.sort_by_key(|p| p.1);
        for (interaction_id, date, cents, currency, items) in recent.into_iter().rev().take(8).rev()
        {
            if *cents <= 0 {
                continue;
            }
            let id = book.ledger.next_id();
            let number = book.ledger.next_invoice_number();
            book.ledger.add_invoice(Invoice {
                id,
                customer_id: *customer_id,
                number,
                date: *date,
                due: terms.due_date(*date),
                terms: terms.clone(),
                amount_cents: *cents,
                currency: currency.clone(),
                items: items.clone(),
                purchase_id: Some(*interaction_id),
                hold_override: None,
            });
            pay(&mut book, id, pattern, today);
        }
        if pattern == 4 {
            bad_payer_extras(&mut book, *customer_id, today);
        }
    }
    book
}

fn demo_file(
    customer_id: u64,
    pattern: usize,
    today: NaiveDate,
    policy: &CreditPolicy,
) -> CreditFile {
    let mut file = CreditFile::new(customer_id);
    let ratings: [[u8; 5]; 5] = [
        [5, 4, 4, 3, 4],
        [4, 4, 5, 4, 3],
        [3, 3, 3, 2, 3],
        [3, 4, 3, 3, 2],
        [2, 2, 3, 1, 2],
    ];
    for (c, r) in C::ALL.iter().zip(ratings[pattern]) {
        file.scorecard.rating_mut(*c).score = Some(r);
    }
    file.firm_type = [
        FirmType::PrivateFirm,
        FirmType::ListedManufacturer,
        FirmType::NonManufacturer,
        FirmType::PrivateFirm,
        FirmType::NonManufacturer,
    ][pattern];
    file.terms = if pattern == 1 {
        CreditTerms::parse("2/10, net 30").unwrap_or_default()
    } else {
        CreditTerms::net(30)
    };
    let scale = 1_000_000 + (customer_id as i64 % 7) * 250_000;
    let ebit_share = [15, 12, 6, 5, -2][pattern];
    for (year, growth) in [(today.year() - 2, 95), (today.year() - 1, 100)] {
        let ta = scale * growth / 100 * 100;
        let tl = ta * [50, 45, 65, 60, 90][pattern] / 100;
        file.put_sheet(BalanceSheet {
            year,
            current_assets: ta * 45 / 100,
            current_liabilities: tl * 40 / 100,
            total_assets: ta,
            total_liabilities: tl,
            retained_earnings: ta * [25, 30, 10, 12, -5][pattern] / 100,
            ebit: ta * ebit_share / 100,
            sales: ta * 140 / 100,
            book_equity: ta - tl,
            market_value: (file.firm_type == FirmType::ListedManufacturer).then_some((ta - tl) * 2),
            shares: None,
            share_price_cents: None,
        });
    }
    let latest = file.sheets.last().cloned().unwrap_or_default();
    file.limit_inputs.tangible_net_worth = Some(latest.book_equity);
    file.limit_inputs.working_capital = Some(latest.working_capital());
    file.limit_inputs.monthly_credit_purchases = Some(scale / 2);
    file.limit_inputs.our_annual_sales = Some(2_000_000_000);
    file.limit_cents = file.limit_inputs.suggested();
    file.limit_currency = "CNY".into();
    if pattern != 2 {
        file.documents_received = policy.documents.clone();
    }
    let (_, suggested) = assess(policy, &file, true);
    // One review is overdue, so the overview's list has something in it.
    let decided = today
        - Days::new(if pattern == 3 {
            400
        } else {
            30 + 20 * pattern as u64
        });
    file.decide(suggested, decided, "Demo", "", policy.review_months);
    file
}

/// Pays invoice `id` the way `pattern` does, if that day has come.
fn pay(book: &mut CreditBook, id: u64, pattern: usize, today: NaiveDate) {
    let Some(invoice) = book.ledger.invoice(id).cloned() else {
        return;
    };
    let (when, cents) = match pattern {
        0 => (invoice.due - Days::new(2), invoice.amount_cents),
        1 => {
            let discounted = invoice.amount_cents
                - (invoice.amount_cents as f64 * invoice.terms.discount_pct / 100.0).round() as i64;
            (
                invoice.date + Days::new(u64::from(invoice.terms.discount_days)),
                discounted,
            )
        }
        2 => (invoice.due + Days::new(25), invoice.amount_cents),
        3 => (invoice.due + Days::new(10), invoice.amount_cents / 2),
        _ => return,
    };
    if when <= today && cents > 0 {
        let _ = book.ledger.record_payment(
            invoice.customer_id,
            &invoice.currency,
            when,
            cents,
            Some(id),
            "",
        );
    }
}

/// The bad payer: a promise that was broken, and the oldest invoice written off.
fn bad_payer_extras(book: &mut CreditBook, customer_id: u64, today: NaiveDate) {
    let open = book.ledger.open_invoices(customer_id, today);
    let Some((oldest, open_cents)) = open.first().map(|(i, o)| ((*i).clone(), *o)) else {
        return;
    };
    let id = book.ledger.next_id();
    book.ledger.promises.push(Promise {
        id,
        customer_id,
        made_on: oldest.due + Days::new(20),
        due: oldest.due + Days::new(35),
        amount_cents: open_cents / 2,
        currency: oldest.currency.clone(),
    });
    if (today - oldest.due).num_days() > 120 {
        let _ = book.ledger.record_adjustment(
            oldest.id,
            AdjustmentKind::WriteOff,
            oldest.due + Days::new(120),
            open_cents,
            "Uncollectable after final notice / 催收无果",
            "Demo",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::aging::{aging, AgeBasis, DEFAULT_EDGES};
    use super::super::ledger::tests::day;
    use super::super::ledger::PromiseStatus;
    use super::*;

    fn customers() -> Vec<(u64, Vec<DemoPurchase>)> {
        (1..=10u64)
            .map(|id| {
                let purchases = (0..10u64)
                    .map(|k| {
                        (
                            id * 100 + k,
                            day("2026-01-01") + Days::new(k * 30),
                            50_000 + k as i64 * 1_000,
                            "CNY".to_owned(),
                            "Goods".to_owned(),
                        )
                    })
                    .collect();
                (id, purchases)
            })
            .collect()
    }

    #[test]
    fn the_demo_has_late_payers_part_payments_a_broken_promise_and_a_write_off() {
        let today = day("2026-12-01");
        let book = demo_credit(&customers(), today);
        assert_eq!(book.files.len(), 10);
        assert!(book.ledger.invoices().all(|i| i.purchase_id.is_some()));
        assert!(book
            .ledger
            .payments()
            .any(|p| p.allocations.iter().any(|a| a.discount_cents > 0)));
        assert!(book
            .ledger
            .adjustments()
            .any(|a| a.kind == AdjustmentKind::WriteOff));
        assert!(book
            .ledger
            .promises
            .iter()
            .any(|p| book.ledger.promise_status(p, today) == PromiseStatus::Broken));
        let a = aging(&book.ledger, today, AgeBasis::DueDate, &DEFAULT_EDGES);
        let (buckets, total) = &a.totals["CNY"];
        assert!(*total > 0);
        assert!(buckets[4] > 0, "something is over 90 days: {buckets:?}");
        assert_eq!(book.reviews_due(today).len(), 2);
        // The same input gives the same book.
        assert_eq!(demo_credit(&customers(), today), book);
    }
}
