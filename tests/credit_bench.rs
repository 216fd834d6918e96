//! The credit part of the benchmark (not a timed test; `.ci/bench` runs it): a ledger of
//! 10,000 customers with 100,000 invoices and their payments, built in memory. It
//! measures the aging as of three dates, recording a payment, storing and reading the
//! ledger, and how large the stored credit book is, natively (release build); and it
//! writes the stored book as the browser benchmark's fixture
//! (`target/bench/credit-fixture.json`, key → value, for `tests/e2e/bench-credit.mjs`).
//! Run:
//! `cargo test --release --test credit_bench -- --ignored --nocapture`.

use std::time::Instant;

use chrono::{Days, NaiveDate};
use crm::credit::domain::ledger::{Allocation, LedgerRecord};
use crm::credit::domain::{aging, AgeBasis, CreditBook, CreditTerms, Invoice, Payment};
use crm::storage::{KeyValueStore, MemoryStore, Persist, Repository, ShardMemory};

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
            ledger.add_invoice(Invoice {
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
    // Four invoices in five are paid in full, some late (written directly: recording
    // 80,000 payments one by one would allocate each against the whole ledger).
    let paid: Vec<Payment> = ledger
        .invoices()
        .filter(|i| i.id % 5 != 0)
        .map(|i| Payment {
            id: 0,
            customer_id: i.customer_id,
            date: i.due + Days::new(i.id % 40),
            amount_cents: i.amount_cents,
            currency: "CNY".into(),
            allocations: vec![Allocation {
                invoice_id: i.id,
                cents: i.amount_cents,
                discount_cents: 0,
            }],
            note: String::new(),
        })
        .collect();
    for mut payment in paid {
        payment.id = ledger.next_id();
        ledger.push(LedgerRecord::Payment(payment));
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
    let (invoices, payments) = (
        book.ledger.invoices().count(),
        book.ledger.payments().count(),
    );
    let entries = book.ledger.records().len();
    println!(
        "credit bench: {CUSTOMERS} customers, {invoices} invoices, {payments} payments (built in {build_ms:.0} ms)"
    );
    for as_of in ["2026-03-31", "2026-09-30", "2026-12-31"] {
        let day: NaiveDate = as_of.parse().unwrap();
        let (a, ms) = time(|| aging(&book.ledger, day, AgeBasis::DueDate, &[30, 60, 90]));
        println!(
            "| aging as of {as_of} | {ms:.1} ms | {} rows |",
            a.rows.len()
        );
    }
    // Stored as the app stores it: the ledger in compressed shards (src/credit/book.rs).
    let repo = Repository::new(MemoryStore::new());
    let mut memory = ShardMemory::default();
    let (saved, ms) = time(|| book.save(&repo, &mut memory));
    saved.unwrap();
    let units: usize = repo
        .store()
        .keys()
        .unwrap()
        .iter()
        .map(|k| k.len() + repo.store().get(k).unwrap().unwrap().encode_utf16().count())
        .sum();
    println!(
        "| store the whole ledger (first save, {} keys) | {ms:.0} ms | {:.2} M characters |",
        repo.store().keys().unwrap().len(),
        units as f64 / 1e6
    );
    let late = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
    let (result, ms) = time(|| book.ledger.record_payment(42, "CNY", late, 100, None, ""));
    assert!(result.is_ok());
    println!("| record a payment (allocation) | {ms:.2} ms |");
    let (saved, ms) = time(|| book.save(&repo, &mut memory));
    saved.unwrap();
    println!("| save after the payment (one shard and the meta) | {ms:.1} ms |");
    let (loaded, ms) = time(|| CreditBook::load(&repo, &mut ShardMemory::default()));
    assert_eq!(loaded.doc.ledger.records().len(), entries + 1);
    println!("| read the stored ledger back | {ms:.0} ms |");
    let items: std::collections::BTreeMap<String, String> = repo
        .store()
        .keys()
        .unwrap()
        .into_iter()
        .map(|k| {
            let v = repo.store().get(&k).unwrap().unwrap();
            (k, v)
        })
        .collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("credit-fixture.json"),
        serde_json::to_string(&items).unwrap(),
    )
    .unwrap();
    let per_entry = units as f64 / entries as f64;
    // localStorage holds about 5 M UTF-16 code units per origin (Chromium: 5,242,880 for
    // keys and values); 10,000 demo customers take about 1 M of them (README "Your data").
    let budget = 5.0 * 1024.0 * 1024.0;
    let customers = 1.0e6;
    println!(
        "| characters per ledger entry | {per_entry:.1} | about {:.0} entries fit in an empty store, {:.0} beside 10,000 customers |",
        budget / per_entry,
        (budget - customers) / per_entry
    );
}
