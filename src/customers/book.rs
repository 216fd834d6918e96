//! The stored customer collection: every customer record plus the next free id.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::domain::{ClvAssumptions, Customer};
use crate::storage::{Collection, Document, Migration};

/// All customers, as one versioned document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerBook {
    pub customers: Vec<Customer>,
    /// The id the next new customer gets; never reused, so references stay unambiguous.
    pub next_id: u64,
    /// The customer-lifetime-value assumptions the user set (margin, retention, discount).
    #[serde(default)]
    pub clv_assumptions: ClvAssumptions,
}

impl CustomerBook {
    /// Hands out a fresh customer id.
    pub fn take_id(&mut self) -> u64 {
        let highest = self.customers.iter().map(|c| c.id).max().unwrap_or(0);
        self.next_id = self.next_id.max(highest + 1);
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    pub fn get(&self, id: u64) -> Option<&Customer> {
        self.customers.iter().find(|c| c.id == id)
    }

    pub fn get_mut(&mut self, id: u64) -> Option<&mut Customer> {
        self.customers.iter_mut().find(|c| c.id == id)
    }
}

#[derive(Deserialize)]
struct RawBook {
    #[serde(default)]
    customers: Vec<Value>,
    #[serde(default)]
    next_id: u64,
    #[serde(default)]
    clv_assumptions: ClvAssumptions,
}

impl Document for CustomerBook {
    const KEY: &'static str = "crm.customers";
    const SCHEMA: u32 = 1;
    const MIGRATIONS: &'static [Migration] = &[];

    /// Keeps every customer that can be read; the unreadable ones go to quarantine
    /// instead of taking the whole book down with them.
    fn from_data(data: Value) -> Result<(Self, Vec<Value>), String> {
        let raw: RawBook = serde_json::from_value(data).map_err(|e| e.to_string())?;
        let mut book = CustomerBook {
            customers: Vec::with_capacity(raw.customers.len()),
            next_id: raw.next_id,
            clv_assumptions: raw.clv_assumptions,
        };
        let mut rejected = Vec::new();
        for value in raw.customers {
            match serde_json::from_value::<Customer>(value.clone()) {
                Ok(customer) => book.customers.push(customer),
                Err(_) => rejected.push(value),
            }
        }
        Ok((book, rejected))
    }

    fn record_count(&self) -> Option<usize> {
        Some(self.customers.len())
    }
}

/// The book's fields other than the customers, stored on their own small key.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BookMeta {
    pub next_id: u64,
    #[serde(default)]
    pub clv_assumptions: ClvAssumptions,
}

impl Collection for CustomerBook {
    type Record = Customer;
    type Meta = BookMeta;
    /// 100 customers a shard: a save rewrites about 17 K characters, and 10,000
    /// customers make 100 keys.
    const SHARD_SIZE: u64 = 100;

    fn record_id(record: &Customer) -> u64 {
        record.id
    }

    fn records(&self) -> &[Customer] {
        &self.customers
    }

    fn records_mut(&mut self) -> &mut Vec<Customer> {
        &mut self.customers
    }

    fn meta(&self) -> BookMeta {
        BookMeta {
            next_id: self.next_id,
            clv_assumptions: self.clv_assumptions,
        }
    }

    fn set_meta(&mut self, meta: BookMeta) {
        self.next_id = meta.next_id;
        self.clv_assumptions = meta.clv_assumptions;
    }

    fn wrap_records(records: Value) -> Value {
        serde_json::json!({ "customers": records })
    }
}

// Customers are stored in compressed shards of `CustomerBook::SHARD_SIZE`.
crate::persist_sharded_collection!(CustomerBook);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::envelope::{decode, encode};
    #[allow(unused_imports)]
    use crate::storage::{KeyValueStore, Persist, Problem, Repository, SaveError, ShardMemory};
    use chrono::{DateTime, Utc};

    fn now() -> DateTime<Utc> {
        "2026-11-23T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn one_unreadable_customer_is_set_aside_and_the_rest_are_kept() {
        let mut book = CustomerBook::default();
        for name in ["王芳", "Ann Lee"] {
            let id = book.take_id();
            book.customers.push(Customer::new(id, name, now()));
        }
        let mut value: Value = serde_json::from_str(&encode(&book, 1)).unwrap();
        value["data"]["customers"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"id": "broken"}));
        let decoded = decode::<CustomerBook>(&value.to_string()).unwrap();
        assert_eq!(decoded.doc, book);
        assert_eq!(decoded.rejected, vec![serde_json::json!({"id": "broken"})]);
    }

    #[test]
    fn clv_assumptions_default_when_missing_and_round_trip_when_set() {
        let old = r#"{"schema":1,"rev":1,"data":{"customers":[],"next_id":3}}"#;
        let decoded = decode::<CustomerBook>(old).unwrap();
        assert_eq!(decoded.doc.clv_assumptions, ClvAssumptions::default());
        let mut book = CustomerBook::default();
        book.clv_assumptions.gross_margin = 0.45;
        let decoded = decode::<CustomerBook>(&encode(&book, 1)).unwrap();
        assert_eq!(decoded.doc.clv_assumptions.gross_margin, 0.45);
    }

    #[test]
    fn ids_are_never_reused() {
        let mut book = CustomerBook::default();
        let first = book.take_id();
        book.customers.push(Customer::new(first, "A", now()));
        book.customers.clear();
        assert_eq!(book.take_id(), first + 1);
        book.customers.push(Customer::new(40, "imported", now()));
        assert_eq!(book.take_id(), 41);
    }

    /// The binary form of stored shards has no field or variant names, so these pin it:
    /// if one fails, the record's layout changed. Raise `SCHEMA` and give the book a
    /// reader of the old layout (see `crate::storage::sharded`) before updating them.
    mod binary_layout {
        use super::*;
        use crate::customers::domain::*;

        fn every_field_set() -> Customer {
            let day = |d| chrono::NaiveDate::from_ymd_opt(2025, 3, d).unwrap();
            let mut c = Customer::new(7, "王芳", now());
            c.kind = CustomerKind::Business;
            c.company = "Acme".into();
            c.tags = vec!["vip".into()];
            c.value_class = Some(ValueClass::Key);
            c.motive = Some(Motive::Ethical);
            c.internal = true;
            c.relationship_level = Some(RelationshipLevel::Partnership);
            c.channel = Channel::Referral;
            c.referred_by = Some(3);
            let kinds = [
                InteractionKind::Note,
                InteractionKind::Purchase {
                    amount_cents: -150,
                    currency: "CNY".into(),
                    items: "tea".into(),
                },
                InteractionKind::Complaint {
                    category: ComplaintCategory::Billing,
                    severity: Severity::High,
                    status: ComplaintStatus::Resolved,
                    opened: day(1),
                    resolved: Some(day(2)),
                },
                InteractionKind::ServiceRecovery {
                    complaint_id: Some(2),
                    action: "refund".into(),
                },
            ];
            for (id, kind) in kinds.into_iter().enumerate() {
                c.interactions.push(Interaction {
                    id: id as u64,
                    date: day(3),
                    kind,
                    note: "n".into(),
                });
            }
            c.churn = Some(ChurnRecord {
                date: day(4),
                reasons: vec![ChurnReason::CompetitorPrice],
                other_reason: "o".into(),
                prevention_tried: vec![PreventionAction::Quality],
                notes: String::new(),
            });
            c
        }

        fn hex(bytes: &[u8]) -> String {
            bytes.iter().map(|b| format!("{b:02x}")).collect()
        }

        #[test]
        fn a_customer_with_every_field_set_has_a_fixed_binary_form() {
            let customer = every_field_set();
            let bytes = postcard::to_allocvec(&customer).unwrap();
            let expected = concat!(
                "0706e78e8be88ab3010441636d6500000000010376697000c0baa0b00d00c0ba",
                "a0b00d000100010101000100cea95a0001040201030400e29f5a00016e01e29f",
                "5a04ab0203434e5903746561016e02e29f5a05030202de9f5a01e09f5a016e03",
                "e29f5a06010206726566756e64016e01e49f5a0102016f010300"
            );
            assert_eq!(hex(&bytes), expected);
            assert_eq!(postcard::from_bytes::<Customer>(&bytes).unwrap(), customer);
        }

        /// Variants are stored by position: each enum's keys in binary order.
        #[test]
        fn enum_variants_keep_their_binary_positions() {
            fn order<T: Serialize + Copy>(all: &[T], key: fn(T) -> &'static str) -> Vec<String> {
                all.iter()
                    .map(|v| format!("{}={}", postcard::to_allocvec(v).unwrap()[0], key(*v)))
                    .collect()
            }
            let orders = [
                order(CustomerKind::ALL, CustomerKind::key),
                order(ValueClass::ALL, ValueClass::key),
                order(Motive::ALL, Motive::key),
                order(LifecycleStage::ALL, LifecycleStage::key),
                order(LadderLevel::ALL, LadderLevel::key),
                order(RelationshipLevel::ALL, RelationshipLevel::key),
                order(Channel::ALL, Channel::key),
                order(ChurnReason::ALL, ChurnReason::key),
                order(PreventionAction::ALL, PreventionAction::key),
                order(ComplaintCategory::ALL, ComplaintCategory::key),
                order(Severity::ALL, Severity::key),
                order(ComplaintStatus::ALL, ComplaintStatus::key),
            ]
            .map(|o| o.join(" "));
            let expected = [
                "0=individual 1=business",
                "0=key 1=potential 2=general",
                "0=economic 1=ethical 2=personalised 3=convenience",
                "0=exploration 1=formation 2=stability 3=decline 4=churned",
                "0=prospect 1=customer 2=client 3=supporter 4=advocate 5=partner",
                "0=basic 1=reactive 2=accountable 3=proactive 4=partnership",
                "0=advertising 1=agent 2=referral 3=other",
                "0=business_changed 1=became_competitor 2=competitor_price 3=competitor_product 4=competitor_service 5=competitor_bribery 6=needs_not_met 7=complaint_unresolved",
                "0=relationship_network 1=organisation_relationship 2=purchase_criteria 3=quality 4=service_level 5=competitive_price 6=priority_treatment",
                "0=product 1=service 2=delivery 3=billing 4=staff 5=other",
                "0=low 1=medium 2=high 3=critical",
                "0=open 1=in_progress 2=resolved",
            ];
            assert_eq!(orders, expected);
        }
    }

    mod shards {
        use super::*;
        use crate::storage::sharded::shard_key;
        use crate::storage::{MemoryStore, StorageError};
        use std::rc::Rc;

        struct Shared(Rc<MemoryStore>);

        impl KeyValueStore for Shared {
            fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
                self.0.get(key)
            }
            fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
                self.0.set(key, value)
            }
            fn remove(&self, key: &str) -> Result<(), StorageError> {
                self.0.remove(key)
            }
            fn keys(&self) -> Result<Vec<String>, StorageError> {
                self.0.keys()
            }
        }

        /// A tab: a repository over shared storage and what it remembers of its saves.
        struct Tab {
            repo: Repository<Shared>,
            memory: ShardMemory<Customer>,
        }

        impl Tab {
            fn open(store: &Rc<MemoryStore>) -> (Self, CustomerBook) {
                let mut tab = Tab {
                    repo: Repository::new(Shared(store.clone())),
                    memory: ShardMemory::default(),
                };
                let loaded = CustomerBook::load(&tab.repo, &mut tab.memory);
                assert_eq!(loaded.problems, vec![]);
                (tab, loaded.doc)
            }

            fn save(&mut self, book: &CustomerBook) -> Result<(), SaveError> {
                book.save(&self.repo, &mut self.memory)
            }
        }

        fn book_of(count: usize) -> CustomerBook {
            let mut book = CustomerBook::default();
            for i in 0..count {
                let id = book.take_id();
                book.customers
                    .push(Customer::new(id, format!("客户 {i}"), now()));
            }
            book
        }

        fn stored(store: &MemoryStore, key: &str) -> Option<String> {
            store.get(key).unwrap()
        }

        #[test]
        fn a_book_is_split_by_id_into_shards_and_read_back_whole() {
            let store = Rc::new(MemoryStore::new());
            let (mut tab, _) = Tab::open(&store);
            let book = book_of(250); // ids 1..=250
            tab.save(&book).unwrap();
            assert_eq!(
                store.keys().unwrap(),
                vec![
                    "crm.customers",
                    "crm.customers.s0",
                    "crm.customers.s1",
                    "crm.customers.s2"
                ]
            );
            let (_, read) = Tab::open(&store);
            assert_eq!(read, book);
        }

        #[test]
        fn a_book_read_shard_by_shard_reports_progress_and_comes_out_whole() {
            let store = Rc::new(MemoryStore::new());
            let (mut tab, _) = Tab::open(&store);
            let book = book_of(250);
            tab.save(&book).unwrap();
            let (reader, mut memory) = (
                Repository::new(Shared(store.clone())),
                ShardMemory::default(),
            );
            let mut load = reader.begin_sharded_load::<CustomerBook>(&mut memory);
            let mut seen = vec![load.progress()];
            while !load.is_done() {
                reader.read_next_shard(&mut load, &mut memory);
                seen.push(load.progress());
            }
            assert_eq!(seen, vec![(0, 3), (1, 3), (2, 3), (3, 3)]);
            let loaded = load.finish();
            assert_eq!((loaded.doc, loaded.problems), (book, vec![]));
        }

        #[test]
        fn a_shard_another_tab_saves_during_a_stepwise_read_is_not_overwritten() {
            let store = Rc::new(MemoryStore::new());
            let (mut writer, _) = Tab::open(&store);
            let mut book = book_of(150);
            writer.save(&book).unwrap();
            let mut reader = Tab {
                repo: Repository::new(Shared(store.clone())),
                memory: ShardMemory::default(),
            };
            let mut load = reader
                .repo
                .begin_sharded_load::<CustomerBook>(&mut reader.memory);
            reader.repo.read_next_shard(&mut load, &mut reader.memory);
            // Another tab changes shard 0 after this tab has read it.
            book.get_mut(5).unwrap().notes = "from the other tab".into();
            writer.save(&book).unwrap();
            while !load.is_done() {
                reader.repo.read_next_shard(&mut load, &mut reader.memory);
            }
            let mut stale = load.finish().doc;
            stale.get_mut(7).unwrap().notes = "from this tab".into();
            assert_eq!(reader.save(&stale), Err(SaveError::Conflict));
            let (_, now_stored) = Tab::open(&store);
            assert_eq!(now_stored.get(5).unwrap().notes, "from the other tab");
        }

        #[test]
        fn an_edit_rewrites_only_the_shard_of_that_customer() {
            let store = Rc::new(MemoryStore::new());
            let (mut tab, _) = Tab::open(&store);
            let mut book = book_of(250);
            tab.save(&book).unwrap();
            let untouched = ["crm.customers", "crm.customers.s0", "crm.customers.s2"]
                .map(|k| stored(&store, k));
            let before = stored(&store, "crm.customers.s1");
            book.get_mut(150).unwrap().email = "new@example.com".into();
            tab.save(&book).unwrap();
            assert_ne!(stored(&store, "crm.customers.s1"), before);
            assert_eq!(
                ["crm.customers", "crm.customers.s0", "crm.customers.s2"]
                    .map(|k| stored(&store, k)),
                untouched
            );
            assert_eq!(Tab::open(&store).1, book);
        }

        fn snapshot(store: &MemoryStore) -> std::collections::BTreeMap<String, String> {
            let keys = store.keys().unwrap();
            keys.into_iter()
                .map(|k| {
                    let v = stored(store, &k).unwrap();
                    (k, v)
                })
                .collect()
        }

        #[test]
        fn a_save_prepared_in_one_step_and_written_in_the_next_is_the_same_save() {
            // (customers saved first, customers now, customer 150's email changed) → the
            // keys written, added or removed.
            let cases: &[(usize, usize, bool, &[&str])] = &[
                (250, 250, false, &[]),
                (250, 250, true, &["crm.customers.s1"]),
                (
                    150,
                    250,
                    false,
                    &["crm.customers", "crm.customers.s1", "crm.customers.s2"],
                ),
                (
                    250,
                    99,
                    false,
                    &["crm.customers", "crm.customers.s1", "crm.customers.s2"],
                ),
            ];
            for &(first, now, edited, expected) in cases {
                let store = Rc::new(MemoryStore::new());
                let (mut tab, _) = Tab::open(&store);
                tab.save(&book_of(first)).unwrap();
                let mut book = book_of(now);
                if edited {
                    book.get_mut(150).unwrap().email = "new@example.com".into();
                }
                let case = format!("{first} → {now}, edited: {edited}");
                let before = snapshot(&store);
                let prepared = tab.repo.prepare_sharded_save(&book, &tab.memory).unwrap();
                assert_eq!(
                    snapshot(&store),
                    before,
                    "preparing writes nothing ({case})"
                );
                assert!(prepared.is_current(&tab.repo), "{case}");
                tab.repo
                    .commit_sharded_save(prepared, &mut tab.memory)
                    .unwrap();
                let after = snapshot(&store);
                let written: Vec<&str> = before
                    .keys()
                    .chain(after.keys())
                    .filter(|k| before.get(*k) != after.get(*k))
                    .map(String::as_str)
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                assert_eq!(written, expected, "{case}");
                assert_eq!(Tab::open(&store).1, book, "{case}");
                // Remembered as a save is: the same book again has nothing to write.
                let again = tab.repo.prepare_sharded_save(&book, &tab.memory).unwrap();
                assert!(again.is_empty(), "{case}");
            }
        }

        #[test]
        fn a_prepared_save_is_stale_once_the_tab_writes_in_between() {
            let store = Rc::new(MemoryStore::new());
            let (mut tab, _) = Tab::open(&store);
            let mut book = book_of(250);
            tab.save(&book).unwrap();
            book.get_mut(150).unwrap().email = "first@example.com".into();
            let prepared = tab.repo.prepare_sharded_save(&book, &tab.memory).unwrap();
            book.get_mut(150).unwrap().email = "second@example.com".into();
            tab.save(&book).unwrap();
            // Written now, it would carry a revision already used: it must be prepared again.
            assert!(!prepared.is_current(&tab.repo));
            assert_eq!(Tab::open(&store).1, book);
        }

        #[test]
        fn a_book_out_of_id_order_is_stored_shard_by_shard_all_the_same() {
            // Shards are found in one pass over a list in id order; a list out of order
            // (ids of shards 0, 2, 0, 1, 2) still puts every customer in its shard.
            let store = Rc::new(MemoryStore::new());
            let (mut tab, _) = Tab::open(&store);
            let mut book = book_of(250);
            let order = [3_u64, 201, 7, 120, 250, 1];
            book.customers.sort_by_key(|c| {
                order
                    .iter()
                    .position(|id| *id == c.id)
                    .unwrap_or(order.len())
            });
            tab.save(&book).unwrap();
            let (_, read) = Tab::open(&store);
            let ids = |b: &CustomerBook| {
                let mut ids: Vec<u64> = b.customers.iter().map(|c| c.id).collect();
                ids.sort_unstable();
                ids
            };
            assert_eq!(ids(&read), (1..=250).collect::<Vec<u64>>());
            // Unchanged, nothing is written again.
            let before = store
                .keys()
                .unwrap()
                .iter()
                .map(|k| stored(&store, k))
                .collect::<Vec<_>>();
            tab.save(&book).unwrap();
            let after = store
                .keys()
                .unwrap()
                .iter()
                .map(|k| stored(&store, k))
                .collect::<Vec<_>>();
            assert_eq!(before, after);
        }

        #[test]
        fn a_shard_whose_customers_are_all_deleted_is_removed() {
            let store = Rc::new(MemoryStore::new());
            let (mut tab, _) = Tab::open(&store);
            let mut book = book_of(250);
            tab.save(&book).unwrap();
            book.customers.retain(|c| c.id < 200);
            tab.save(&book).unwrap();
            assert_eq!(stored(&store, "crm.customers.s2"), None);
            assert_eq!(Tab::open(&store).1, book);
        }

        #[test]
        fn the_old_single_key_layout_is_read_and_rewritten_as_shards() {
            let store = Rc::new(MemoryStore::new());
            let old = book_of(120);
            store.set("crm.customers", &encode(&old, 4)).unwrap();
            let mut tab = Tab {
                repo: Repository::new(Shared(store.clone())),
                memory: ShardMemory::default(),
            };
            let loaded = CustomerBook::load(&tab.repo, &mut tab.memory);
            assert_eq!(loaded.doc, old);
            assert!(CustomerBook::needs_rewrite(&tab.memory));
            tab.save(&loaded.doc).unwrap();
            assert!(stored(&store, "crm.customers")
                .unwrap()
                .contains(r#""layout":"shards""#));
            assert!(stored(&store, "crm.customers.s1").is_some());
            assert_eq!(Tab::open(&store).1, old);
        }

        #[test]
        fn a_stale_tab_cannot_overwrite_a_shard_another_tab_saved() {
            let store = Rc::new(MemoryStore::new());
            let (mut first, _) = Tab::open(&store);
            first.save(&book_of(10)).unwrap();
            let (mut tab1, mut book1) = Tab::open(&store);
            let (mut tab2, mut book2) = Tab::open(&store);
            book1.get_mut(3).unwrap().notes = "from tab 1".into();
            tab1.save(&book1).unwrap();
            book2.get_mut(4).unwrap().notes = "stale".into();
            assert_eq!(tab2.save(&book2), Err(SaveError::Conflict));
            assert_eq!(Tab::open(&store).1, book1);
        }

        #[test]
        fn another_tabs_shard_write_is_followed_record_by_record() {
            let store = Rc::new(MemoryStore::new());
            let (mut tab1, _) = Tab::open(&store);
            let mut book1 = book_of(150);
            tab1.save(&book1).unwrap();
            let (mut tab2, mut book2) = Tab::open(&store);
            book1.get_mut(120).unwrap().owner = "李经理".into();
            tab1.save(&book1).unwrap();
            let key = shard_key(CustomerBook::KEY, 1);
            let raw = stored(&store, &key);
            let problems = book2.follow(&tab2.repo, &mut tab2.memory, &key, raw);
            assert_eq!(problems, vec![]);
            assert_eq!(book2, book1);
            // Having followed, tab 2 may save over tab 1's revision.
            book2.get_mut(121).unwrap().owner = "王经理".into();
            tab2.save(&book2).unwrap();
        }

        #[test]
        fn a_save_that_does_not_fit_changes_no_key() {
            let book = book_of(250);
            let probe = Rc::new(MemoryStore::new());
            Tab::open(&probe).0.save(&book).unwrap();
            let used: usize = probe
                .keys()
                .unwrap()
                .iter()
                .map(|k| k.len() + stored(&probe, k).unwrap().encode_utf16().count())
                .sum();
            // Room for the book plus a little: a bulk edit of every shard cannot fit.
            let store = Rc::new(MemoryStore::with_quota(used + 200));
            let (mut tab, _) = Tab::open(&store);
            tab.save(&book).unwrap();
            let before: Vec<_> = store
                .keys()
                .unwrap()
                .iter()
                .map(|k| stored(&store, k))
                .collect();
            let mut edited = book.clone();
            for c in &mut edited.customers {
                c.notes = format!("a longer note for {} that does not fit", c.id);
            }
            assert_eq!(tab.save(&edited), Err(SaveError::QuotaExceeded));
            let after: Vec<_> = store
                .keys()
                .unwrap()
                .iter()
                .map(|k| stored(&store, k))
                .collect();
            assert_eq!(after, before);
            assert_eq!(Tab::open(&store).1, book);
        }

        #[test]
        fn a_damaged_shard_is_quarantined_and_the_other_shards_still_load() {
            let store = Rc::new(MemoryStore::new());
            let (mut tab, _) = Tab::open(&store);
            let book = book_of(250);
            tab.save(&book).unwrap();
            store.set("crm.customers.s1", "{not json").unwrap();
            let mut tab = Tab {
                repo: Repository::new(Shared(store.clone())),
                memory: ShardMemory::default(),
            };
            let loaded = CustomerBook::load(&tab.repo, &mut tab.memory);
            assert_eq!(loaded.doc.customers.len(), 150);
            let [Problem::Quarantined {
                key,
                quarantine_key,
                ..
            }] = loaded.problems.as_slice()
            else {
                panic!("{:?}", loaded.problems)
            };
            assert_eq!(key, "crm.customers.s1");
            assert_eq!(stored(&store, quarantine_key).as_deref(), Some("{not json"));
            // The rest can still be edited and saved.
            tab.save(&loaded.doc).unwrap();
        }

        #[test]
        fn an_unreadable_customer_inside_a_shard_is_set_aside_alone() {
            let store = Rc::new(MemoryStore::new());
            let book = book_of(3);
            let mut records: Vec<Value> = book
                .customers
                .iter()
                .map(|c| serde_json::to_value(c).unwrap())
                .collect();
            records[1]["email"] = Value::from(42);
            let packed = crate::storage::pack::compress(&Value::from(records).to_string());
            let raw = serde_json::json!({"schema": 1, "rev": 1, "data": packed}).to_string();
            store.set("crm.customers.s0", &raw).unwrap();
            let repo = Repository::new(Shared(store.clone()));
            let loaded = CustomerBook::load(&repo, &mut ShardMemory::default());
            let ids: Vec<u64> = loaded.doc.customers.iter().map(|c| c.id).collect();
            assert_eq!(ids, vec![1, 3]);
            assert!(matches!(
                loaded.problems.as_slice(),
                [Problem::Quarantined { .. }]
            ));
        }

        /// A shard as builds before the binary form wrote it: the JSON array, packed.
        fn json_shard(customers: &[Customer], rev: u64) -> String {
            let json = serde_json::to_string(customers).unwrap();
            let packed = crate::storage::pack::compress(&json);
            serde_json::json!({"schema": 1, "rev": rev, "data": packed}).to_string()
        }

        #[test]
        fn json_shards_of_earlier_builds_are_read_and_rewritten_in_binary() {
            let store = Rc::new(MemoryStore::new());
            let mut old = book_of(250);
            Tab::open(&store).0.save(&old).unwrap(); // the book's own key
            for n in 0..3 {
                let shard: Vec<Customer> = old
                    .customers
                    .iter()
                    .filter(|c| c.id / 100 == n)
                    .cloned()
                    .collect();
                let key = shard_key(CustomerBook::KEY, n);
                store.set(&key, &json_shard(&shard, 1)).unwrap();
            }
            let mut tab = Tab {
                repo: Repository::new(Shared(store.clone())),
                memory: ShardMemory::default(),
            };
            let loaded = CustomerBook::load(&tab.repo, &mut tab.memory);
            assert_eq!((&loaded.doc, loaded.problems), (&old, vec![]));
            assert!(CustomerBook::needs_rewrite(&tab.memory));
            // Every customer of the last shard deleted before the rewrite: its key goes.
            old.customers.retain(|c| c.id < 200);
            tab.save(&old).unwrap();
            for n in 0..2 {
                let raw = stored(&store, &shard_key(CustomerBook::KEY, n)).unwrap();
                assert!(raw.contains(r#""format":"postcard""#), "{raw}");
            }
            assert_eq!(stored(&store, "crm.customers.s2"), None);
            let (tab, read) = Tab::open(&store);
            assert_eq!(read, old);
            assert!(!CustomerBook::needs_rewrite(&tab.memory));
        }

        #[test]
        fn demo_customers_round_trip_through_binary_shards() {
            let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
            let book = CustomerBook {
                next_id: 301,
                customers: crate::customers::domain::demo_customers(11, 300, today),
                ..Default::default()
            };
            let store = Rc::new(MemoryStore::new());
            Tab::open(&store).0.save(&book).unwrap();
            assert_eq!(Tab::open(&store).1, book);
        }

        #[test]
        fn a_damaged_binary_shard_is_quarantined_whole_and_the_others_still_load() {
            let store = Rc::new(MemoryStore::new());
            Tab::open(&store).0.save(&book_of(250)).unwrap();
            let damages: [fn(&mut Vec<u8>); 3] = [
                |bytes| bytes.truncate(bytes.len() / 2),
                |bytes| bytes.iter_mut().for_each(|b| *b = 0xff),
                |bytes| bytes.push(0),
            ];
            for damage in damages {
                let mut customers = book_of(150).customers;
                customers.retain(|c| c.id >= 100);
                let mut bytes = postcard::to_allocvec(&customers).unwrap();
                damage(&mut bytes);
                let raw = serde_json::json!({
                    "schema": 1, "rev": 1, "format": "postcard",
                    "data": crate::storage::pack::compress_bytes(&bytes),
                })
                .to_string();
                store.set("crm.customers.s1", &raw).unwrap();
                let repo = Repository::new(Shared(store.clone()));
                let loaded = CustomerBook::load(&repo, &mut ShardMemory::default());
                assert_eq!(loaded.doc.customers.len(), 150);
                let [Problem::Quarantined { key, raw: kept, .. }] = loaded.problems.as_slice()
                else {
                    panic!("{:?}", loaded.problems)
                };
                assert_eq!((key.as_str(), kept), ("crm.customers.s1", &raw));
            }
        }

        #[test]
        fn an_unknown_record_format_is_a_newer_builds_and_left_as_it_is() {
            let store = Rc::new(MemoryStore::new());
            let raw = r#"{"schema":1,"rev":1,"format":"cbor","data":"x"}"#;
            store.set("crm.customers.s0", raw).unwrap();
            let repo = Repository::new(Shared(store.clone()));
            let loaded = CustomerBook::load(&repo, &mut ShardMemory::default());
            assert!(loaded.doc.customers.is_empty());
            assert!(matches!(
                loaded.problems.as_slice(),
                [Problem::WrittenByNewerVersion { key }] if key == "crm.customers"
            ));
            assert_eq!(stored(&store, "crm.customers.s0").as_deref(), Some(raw));
        }

        #[test]
        fn a_shard_of_a_newer_schema_blocks_saving_and_is_never_quarantined() {
            let store = Rc::new(MemoryStore::new());
            let (mut tab, _) = Tab::open(&store);
            tab.save(&book_of(250)).unwrap();
            // A newer build rewrote shard 1 in a schema this build does not know.
            let newer = r#"{"schema":99,"rev":5,"format":"postcard","data":"x"}"#;
            store.set("crm.customers.s1", newer).unwrap();
            let mut tab = Tab {
                repo: Repository::new(Shared(store.clone())),
                memory: ShardMemory::default(),
            };
            let loaded = CustomerBook::load(&tab.repo, &mut tab.memory);
            assert!(matches!(
                loaded.problems.as_slice(),
                [Problem::WrittenByNewerVersion { key }] if key == "crm.customers"
            ));
            // The other shards are on screen, but nothing may be saved over the newer data.
            assert_eq!(loaded.doc.customers.len(), 150);
            assert_eq!(tab.save(&loaded.doc), Err(SaveError::Blocked));
            assert_eq!(stored(&store, "crm.customers.s1").as_deref(), Some(newer));
            assert!(store
                .keys()
                .unwrap()
                .iter()
                .all(|k| !k.contains("quarantine")));
        }

        #[test]
        fn ten_thousand_demo_customers_fit_in_a_browsers_quota() {
            let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
            let customers = crate::customers::domain::demo_customers(7, 10_000, today);
            let book = CustomerBook {
                next_id: 10_001,
                customers,
                ..Default::default()
            };
            // Chromium allows about 5.2 M UTF-16 units per origin.
            let store = Rc::new(MemoryStore::with_quota(5_200_000));
            let (mut tab, _) = Tab::open(&store);
            tab.save(&book).unwrap();
            assert_eq!(Tab::open(&store).1.customers.len(), 10_000);
        }
    }
}
