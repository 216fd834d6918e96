//! Writes the benchmark's fixture: 10,000 deterministic demo customers as the stored
//! `crm.customers` envelope. Ignored by the test suite; `.ci/bench` runs it:
//! `cargo test --test bench_fixture -- --ignored`.

use crm::customers::book::CustomerBook;
use crm::customers::domain::demo_customers;
use crm::storage::envelope::encode;

#[test]
#[ignore = "writes the benchmark fixture; run by .ci/bench"]
fn write_benchmark_fixture() {
    let count: usize = std::env::var("CRM_BENCH_CUSTOMERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let customers = demo_customers(7, count, today);
    let next_id = customers.iter().map(|c| c.id).max().unwrap_or(0) + 1;
    let book = CustomerBook {
        customers,
        next_id,
        ..Default::default()
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("customers-{count}.json"));
    std::fs::write(&path, encode(&book, 1)).unwrap();
    println!("wrote {}", path.display());
}
