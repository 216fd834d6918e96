//! Writes the benchmark's fixture: deterministic demo customers exactly as the app
//! stores them in localStorage (compressed shards plus the book's own key), as a JSON
//! object of key → value. Ignored by the test suite; `.ci/bench` runs it:
//! `cargo test --test bench_fixture -- --ignored`.
//!
//! It writes 70,000 customers so the benchmark can also find how many fit in the quota;
//! the timings use the first `CRM_BENCH_CUSTOMERS` (10,000) of them.

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
    let book = CustomerBook {
        next_id: GENERATED as u64 + 1,
        customers,
        ..Default::default()
    };
    let repo = Repository::new(MemoryStore::new());
    book.save(&repo, &mut ShardMemory::default()).unwrap();
    let store = repo.store();
    let items: BTreeMap<String, String> = store
        .keys()
        .unwrap()
        .into_iter()
        .map(|k| {
            let v = store.get(&k).unwrap().unwrap();
            (k, v)
        })
        .collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("storage-fixture.json");
    std::fs::write(&path, serde_json::to_string(&items).unwrap()).unwrap();
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
