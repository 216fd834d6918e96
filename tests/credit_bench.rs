//! The credit part of the benchmark (not a timed test; `.ci/bench` runs it): a ledger of
//! 10,000 customers with 100,000 invoices and their payments, built in memory. It
//! measures the aging as of three dates, recording a payment, and how large the stored
//! credit book is, natively (release build). Run:
//! `cargo test --release --test credit_bench -- --ignored --nocapture`.

use std::time::Instant;

use chrono::{Days, NaiveDate};
use crm::credit::domain::{aging, AgeBasis, CreditBook, CreditTerms, Invoice};
use crm::storage::envelope::encode;

const CUSTOMERS: u64 = 10_000;
const INVOICES_EACH: u64 = 10;

fn ledger_book(start: NaiveDate) -> CreditBook {
    let mut book = CreditBook::default();
    let ledger = &mut book.ledger;
    for customer in 1..=CUSTOMERS {
        for n in 0..INVOICES_EACH {
            let date = start + Days::new((customer * 7 + n * 36) % 360);
            let terms = CreditTerms::net(30);
            let id = ledger.next_id();
            ledger.invoices.push(Invoice {
                id,
                customer_id: customer,
                number: format!("INV-{customer:05}-{n:02}"),
                date,
                due: terms.due_date(date),
                terms,
                amount_cents: 10_000 + ((customer * 31 + n * 17) % 90_000) as i64,
                currency: "CNY".into(),
                items: String::new(),
                purchase_id: None,
                hold_override: None,
            });
        }
    }
    // Four invoices in five are paid (in full, oldest first), some late.
    let paid: Vec<(u64, NaiveDate, i64)> = ledger
        .invoices
        .iter()
        .filter(|i| i.id % 5 != 0)
        .map(|i| (i.customer_id, i.due + Days::new(i.id % 40), i.amount_cents))
        .collect();
    for (customer, date, cents) in paid {
        let _ = ledger.record_payment(customer, "CNY", date, cents, None, "");
    }
    book
}

fn time<R>(f: impl FnOnce() -> R) -> (R, f64) {
    let t = Instant::now();
    let r = f();
    (r, t.elapsed().as_secs_f64() * 1000.0)
}

#[test]
#[ignore = "the credit benchmark; run by .ci/bench"]
fn credit_ledger_benchmark() {
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let (mut book, build_ms) = time(|| ledger_book(start));
    let entries = book.ledger.invoices.len() + book.ledger.payments.len();
    println!("credit bench: {CUSTOMERS} customers, {} invoices, {} payments (built in {build_ms:.0} ms)", book.ledger.invoices.len(), book.ledger.payments.len());
    for as_of in ["2026-03-31", "2026-09-30", "2026-12-31"] {
        let day: NaiveDate = as_of.parse().unwrap();
        let (a, ms) = time(|| aging(&book.ledger, day, AgeBasis::DueDate, &[30, 60, 90]));
        println!("| aging as of {as_of} | {ms:.1} ms | {} rows |", a.rows.len());
    }
    let late = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
    let (result, ms) = time(|| book.ledger.record_payment(42, "CNY", late, 100, None, ""));
    assert!(result.is_ok());
    println!("| record a payment (allocation) | {ms:.2} ms |");
    let (json, ms) = time(|| encode(&book, 1));
    println!("| serialise the credit book | {ms:.0} ms | {:.1} MB |", json.len() as f64 / 1e6);
    let per_entry = json.len() as f64 / entries as f64;
    // localStorage holds about 5 M UTF-16 code units per origin (Chromium, Firefox).
    let budget = 5.0 * 1024.0 * 1024.0;
    println!("| bytes per ledger entry | {per_entry:.0} | about {:.0} entries fit in an empty 5 MiB store |", budget / per_entry);
}
