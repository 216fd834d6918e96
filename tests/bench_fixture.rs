//! Writes the benchmark's fixture: deterministic demo customers exactly as the app
//! stores them in localStorage (compressed shards plus the book's own key), as a JSON
//! object of key → value. Ignored by the test suite; `.ci/bench` runs it:
//! `cargo test --test bench_fixture -- --ignored`.
//!
//! It writes 70,000 customers so the benchmark can also find how many fit in the quota
//! (`storage-fixture.json`), and the first `CRM_BENCH_CUSTOMERS` (10,000) of them as a
//! book of their own for the timings (`storage-fixture-measured.json`): ids start at 1,
//! so the first shard holds 99 and whole shards of the big fixture never make exactly
//! 10,000.

use std::collections::BTreeMap;

use crm::customers::book::CustomerBook;
use crm::customers::domain::demo_customers;
use crm::storage::{KeyValueStore, MemoryStore, Persist, Repository, ShardMemory};

const GENERATED: usize = 70_000;

#[test]
#[ignore = "writes the benchmark fixture; run by .ci/bench"]
fn write_benchmark_fixture() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let customers = demo_customers(7, GENERATED, today);
    let measured: usize = std::env::var("CRM_BENCH_CUSTOMERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let first = CustomerBook {
        next_id: measured as u64 + 1,
        customers: customers[..measured.min(GENERATED)].to_vec(),
        ..Default::default()
    };
    write_items("storage-fixture-measured.json", &stored_items(&first));
    let book = CustomerBook {
        next_id: GENERATED as u64 + 1,
        customers,
        ..Default::default()
    };
    let items = stored_items(&book);
    let path = write_items("storage-fixture.json", &items);
    let json_chars: usize = book
        .customers
        .iter()
        .map(|c| serde_json::to_string(c).unwrap().encode_utf16().count())
        .sum();
    let stored_chars: usize = items
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum();
    println!(
        "wrote {}: {GENERATED} customers, {:.0} JSON characters each, {:.0} stored",
        path.display(),
        json_chars as f64 / GENERATED as f64,
        stored_chars as f64 / GENERATED as f64
    );
}

/// The book as the app stores it in localStorage: key → value.
fn stored_items(book: &CustomerBook) -> BTreeMap<String, String> {
    let repo = Repository::new(MemoryStore::new());
    book.save(&repo, &mut ShardMemory::default()).unwrap();
    let store = repo.store();
    store
        .keys()
        .unwrap()
        .into_iter()
        .map(|k| {
            let v = store.get(&k).unwrap().unwrap();
            (k, v)
        })
        .collect()
}

/// Writes `items` as JSON to `target/bench/<name>`.
fn write_items(name: &str, items: &BTreeMap<String, String>) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string(items).unwrap()).unwrap();
    path
}
