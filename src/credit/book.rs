//! How the credit book is stored: the policy, the credit files, promises and reminders on
//! the book's own key (`crm.credit`), and the ledger's invoices, payments and
//! adjustments in compressed shards of 1,000 ids (`crm.credit.s<n>`), so a year of
//! invoices fits beside the customers and recording a payment rewrites one shard.
//!
//! Schema 1 was the whole book as JSON under `crm.credit` (about 24,700 ledger entries
//! filled an empty 5 MiB localStorage); it is read as it is and split into shards by the
//! next save. Schema 2 is this layout; raising it stops builds before it from reading the
//! meta key alone as an empty ledger and writing that over the shards. The JSON of a
//! backup is the same in both (`Ledger` keeps its one-list-per-kind JSON).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::domain::ledger::{LedgerRecord, Promise, Reminder};
use super::domain::policy::CreditPolicy;
use super::domain::{CreditBook, CreditFile};
use crate::storage::{Collection, Document, Migration};

impl Document for CreditBook {
    const KEY: &'static str = "crm.credit";
    const SCHEMA: u32 = 2;
    /// 1 → 2 changed where the ledger is kept, not the book's JSON.
    const MIGRATIONS: &'static [Migration] = &[Ok];

    fn record_count(&self) -> Option<usize> {
        Some(self.ledger.records().len())
    }
}

/// The book without its ledger entries: what the book's own key holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreditMeta {
    pub policy: CreditPolicy,
    pub files: Vec<CreditFile>,
    pub promises: Vec<Promise>,
    pub reminders: Vec<Reminder>,
    pub next_id: u64,
}

impl Collection for CreditBook {
    type Record = LedgerRecord;
    type Meta = CreditMeta;
    /// 1,000 ids a shard: a demo-sized ledger is one key, and a payment recorded in a
    /// ledger of 180,000 entries rewrites about 10 K characters instead of all 2 M.
    const SHARD_SIZE: u64 = 1_000;

    fn record_id(record: &LedgerRecord) -> u64 {
        record.id()
    }

    fn records(&self) -> &[LedgerRecord] {
        self.ledger.records()
    }

    fn records_mut(&mut self) -> &mut Vec<LedgerRecord> {
        self.ledger.records_mut()
    }

    fn meta(&self) -> CreditMeta {
        CreditMeta {
            policy: self.policy.clone(),
            files: self.files.clone(),
            promises: self.ledger.promises.clone(),
            reminders: self.ledger.reminders.clone(),
            next_id: self.ledger.next_id,
        }
    }

    fn set_meta(&mut self, meta: CreditMeta) {
        self.policy = meta.policy;
        self.files = meta.files;
        self.ledger.promises = meta.promises;
        self.ledger.reminders = meta.reminders;
        self.ledger.next_id = meta.next_id;
    }

    /// A shard's records as the book's JSON holds them: one list per kind.
    fn wrap_records(records: Value) -> Value {
        let mut ledger = serde_json::Map::new();
        for kind in ["invoices", "payments", "adjustments"] {
            ledger.insert(kind.into(), Value::Array(Vec::new()));
        }
        for record in records.as_array().into_iter().flatten() {
            let Some((variant, entry)) = record.as_object().and_then(|o| o.iter().next()) else {
                continue;
            };
            let kind = match variant.as_str() {
                "Invoice" => "invoices",
                "Payment" => "payments",
                _ => "adjustments",
            };
            if let Some(Value::Array(list)) = ledger.get_mut(kind) {
                list.push(entry.clone());
            }
        }
        serde_json::json!({ "ledger": ledger })
    }
}

// The ledger is stored in compressed shards of `CreditBook::SHARD_SIZE` ids.
crate::persist_sharded_collection!(CreditBook);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credit::domain::ledger::{AdjustmentKind, Invoice};
    use crate::credit::domain::CreditTerms;
    use crate::storage::sharded::shard_key;
    use crate::storage::MemoryStore;
    use crate::storage::{KeyValueStore, Persist, Repository, ShardMemory};
    use chrono::NaiveDate;
    use std::rc::Rc;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn invoice(ledger_id: u64, customer_id: u64) -> Invoice {
        let terms = CreditTerms::parse("2/10, net 30").unwrap();
        Invoice {
            id: ledger_id,
            customer_id,
            number: format!("INV-{ledger_id:04}"),
            date: day(1),
            due: terms.due_date(day(1)),
            terms,
            amount_cents: 12_345,
            currency: "CNY".into(),
            items: "茶叶".into(),
            purchase_id: Some(9),
            hold_override: Some("ok".into()),
        }
    }

    /// A book with `n` invoices (one per customer) and a payment on the first.
    fn book(n: u64) -> CreditBook {
        let mut book = CreditBook::default();
        book.file_mut(1).limit_cents = Some(500_000);
        for customer in 1..=n {
            let id = book.ledger.next_id();
            book.ledger.add_invoice(invoice(id, customer));
        }
        book.ledger
            .record_payment(1, "CNY", day(5), 5_000, None, "part")
            .unwrap();
        book
    }

    fn repo() -> Repository<Rc<MemoryStore>> {
        Repository::new(Rc::new(MemoryStore::new()))
    }

    #[test]
    fn the_book_is_stored_in_shards_and_read_back_whole() {
        let repo = repo();
        let book = book(2_500);
        let mut memory = ShardMemory::default();
        book.save(&repo, &mut memory).unwrap();
        let keys = repo.store().keys().unwrap();
        for n in 0..=2 {
            assert!(keys.contains(&shard_key(CreditBook::KEY, n)), "{keys:?}");
        }
        let loaded = CreditBook::load(&repo, &mut ShardMemory::default());
        assert!(loaded.problems.is_empty());
        assert_eq!(loaded.doc, book);
    }

    #[test]
    fn recording_a_payment_rewrites_only_its_shard_and_the_meta() {
        let repo = repo();
        let mut book = book(2_500);
        let mut memory = ShardMemory::default();
        book.save(&repo, &mut memory).unwrap();
        let before: Vec<(String, Option<String>)> = (0..=2)
            .map(|n| shard_key(CreditBook::KEY, n))
            .map(|k| (k.clone(), repo.store().get(&k).unwrap()))
            .collect();
        book.ledger
            .record_payment(3, "CNY", day(6), 1_000, None, "")
            .unwrap();
        book.save(&repo, &mut memory).unwrap();
        let changed: Vec<&String> = before
            .iter()
            .filter(|(k, v)| repo.store().get(k).unwrap() != *v)
            .map(|(k, _)| k)
            .collect();
        // The new payment's id is 2,502: the third shard.
        assert_eq!(changed, vec![&shard_key(CreditBook::KEY, 2)]);
        let loaded = CreditBook::load(&repo, &mut ShardMemory::default());
        assert_eq!(loaded.doc, book);
    }

    #[test]
    fn a_whole_book_of_schema_1_is_read_and_rewritten_in_shards() {
        let repo = repo();
        let mut book = book(3);
        let invoice_id = book.ledger.invoices().next().unwrap().id;
        book.ledger
            .record_adjustment(
                invoice_id,
                AdjustmentKind::WriteOff,
                day(9),
                100,
                "gone",
                "Li",
            )
            .unwrap();
        let old = serde_json::json!({"schema": 1, "rev": 4, "data": book}).to_string();
        // The ledger's JSON is one list per kind, as schema 1 wrote it.
        assert!(old.contains(r#""invoices":[{"#) && old.contains(r#""adjustments":[{"#));
        repo.store().set(CreditBook::KEY, &old).unwrap();
        let mut memory = ShardMemory::default();
        let loaded = CreditBook::load(&repo, &mut memory);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.doc, book);
        assert!(CreditBook::needs_rewrite(&memory));
        loaded.doc.save(&repo, &mut memory).unwrap();
        assert!(repo
            .store()
            .get(&shard_key(CreditBook::KEY, 0))
            .unwrap()
            .is_some());
        let again = CreditBook::load(&repo, &mut ShardMemory::default());
        assert_eq!(again.doc, book);
    }

    #[test]
    fn another_tabs_shard_is_taken_in() {
        let repo = repo();
        let mut mine = book(10);
        let mut memory = ShardMemory::default();
        mine.save(&repo, &mut memory).unwrap();
        // The other tab records a payment and saves.
        let theirs_repo = Repository::new(repo.store().clone());
        let mut their_memory = ShardMemory::default();
        let mut theirs = CreditBook::load(&theirs_repo, &mut their_memory).doc;
        theirs
            .ledger
            .record_payment(2, "CNY", day(7), 2_000, None, "")
            .unwrap();
        theirs.save(&theirs_repo, &mut their_memory).unwrap();
        for key in [shard_key(CreditBook::KEY, 0), CreditBook::KEY.to_owned()] {
            let raw = repo.store().get(&key).unwrap();
            mine.follow(&repo, &mut memory, &key, raw);
        }
        assert_eq!(mine, theirs);
    }

    #[test]
    fn wrapped_shard_records_read_as_the_book() {
        let book = book(2);
        let records = serde_json::to_value(book.ledger.records()).unwrap();
        let wrapped = CreditBook::wrap_records(records);
        let read: CreditBook = serde_json::from_value(wrapped).unwrap();
        assert_eq!(read.ledger.records(), book.ledger.records());
    }

    /// The binary form has no field or variant names, so this pins it: if it fails, the
    /// record's layout changed. Raise `SCHEMA` and give the book a reader of the old
    /// layout (see `crate::storage::sharded`) before updating it.
    #[test]
    fn a_ledger_record_has_a_fixed_binary_form() {
        let record = LedgerRecord::Invoice(invoice(7, 3));
        let bytes = postcard::to_allocvec(&record).unwrap();
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            concat!(
                "00070308494e562d30303037b8a55a1e00000000000000400af4a55af2c001",
                "03434e5906e88cb6e58fb6010901026f6b"
            )
        );
        assert_eq!(
            postcard::from_bytes::<LedgerRecord>(&bytes).unwrap(),
            record
        );
    }
}
