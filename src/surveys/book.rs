//! How the survey book is stored: the surveys, the layouts of earlier versions, the
//! checksums of the codes taken, the personal links and the next ids on the book's own
//! key (`crm.surveys`), and the responses in compressed shards of 100 ids
//! (`crm.surveys.s<n>`), so 10,000 answered SERVQUAL forms fit beside 10,000 customers
//! and taking one more response rewrites one shard.
//!
//! Schema 2 was the whole book as JSON under `crm.surveys` (a SERVQUAL response took
//! about 750 characters: about 5,700 filled what 10,000 customers leave of 5 MiB); it is
//! read as it is and split into shards by the next save. Schema 3 is this layout;
//! raising it stops builds before it from reading the meta key alone as a book without
//! responses and writing that over the shards. The JSON of a backup is the same in both.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::domain::book::add_personal_links;
use super::domain::share::Layout;
use super::domain::{PersonalLink, Response, Survey, SurveyBook};
use crate::storage::{Collection, Document, Migration};

impl Document for SurveyBook {
    const KEY: &'static str = "crm.surveys";
    /// 2: personal links (token → customer). 3: the responses in shards.
    const SCHEMA: u32 = 3;
    /// 2 → 3 changed where the responses are kept, not the book's JSON.
    const MIGRATIONS: &'static [Migration] = &[add_personal_links, Ok];
}

/// The book without its responses: what the book's own key holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SurveyMeta {
    pub surveys: Vec<Survey>,
    pub layouts: Vec<Layout>,
    pub codes_taken: Vec<u32>,
    pub next_id: u64,
    pub next_response_id: u64,
    pub personal_links: Vec<PersonalLink>,
}

impl Collection for SurveyBook {
    type Record = Response;
    type Meta = SurveyMeta;
    /// 100 ids a shard: a SERVQUAL response (44 answers) packs to about 62 characters,
    /// so a shard of them is about 6 K characters (12 KB of UTF-16) and a shorter survey's
    /// far less; 1,000 pasted codes rewrite about ten shards, a kiosk answer one. Larger
    /// shards pack little better (the answer codes repeat within a shard already) and
    /// make every single answer rewrite more.
    const SHARD_SIZE: u64 = 100;

    fn record_id(record: &Response) -> u64 {
        record.id
    }

    fn records(&self) -> &[Response] {
        &self.responses
    }

    fn records_mut(&mut self) -> &mut Vec<Response> {
        &mut self.responses
    }

    fn meta(&self) -> SurveyMeta {
        SurveyMeta {
            surveys: self.surveys.clone(),
            layouts: self.layouts.clone(),
            codes_taken: self.codes_taken.clone(),
            next_id: self.next_id,
            next_response_id: self.next_response_id,
            personal_links: self.personal_links.clone(),
        }
    }

    fn set_meta(&mut self, meta: SurveyMeta) {
        self.surveys = meta.surveys;
        self.layouts = meta.layouts;
        self.codes_taken = meta.codes_taken;
        self.next_id = meta.next_id;
        self.next_response_id = meta.next_response_id;
        self.personal_links = meta.personal_links;
    }

    fn wrap_records(records: Value) -> Value {
        serde_json::json!({ "responses": records })
    }
}

// The responses are stored in compressed shards of `SurveyBook::SHARD_SIZE` ids.
crate::persist_sharded_collection!(SurveyBook);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::sharded::shard_key;
    use crate::storage::{KeyValueStore, MemoryStore, Persist, Repository, ShardMemory};
    use crate::surveys::domain::demo::demo_surveys;
    use crate::surveys::domain::{encode_response_code, Answer, CodeOutcome, DualAnswer};
    use chrono::NaiveDate;
    use std::rc::Rc;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()
    }

    /// The demo book (three surveys) with its SERVQUAL responses repeated up to `n`
    /// responses in all, linked to customers and with a personal link.
    fn book(n: usize) -> SurveyBook {
        let ids: Vec<u64> = (1..=50).collect();
        let mut book = demo_surveys(&ids, today());
        let servqual = book.surveys[0].id;
        let samples: Vec<Response> = book.responses_to(servqual);
        while book.responses.len() < n {
            let r = samples[book.responses.len() % samples.len()].clone();
            book.record(r);
        }
        book.personal_token(servqual, 7, 0xABCD);
        book
    }

    fn repo() -> Repository<Rc<MemoryStore>> {
        Repository::new(Rc::new(MemoryStore::new()))
    }

    fn stored(repo: &Repository<Rc<MemoryStore>>) -> Vec<(String, Option<String>)> {
        let mut keys = repo.store().keys().unwrap();
        keys.sort();
        keys.into_iter()
            .map(|k| {
                let v = repo.store().get(&k).unwrap();
                (k, v)
            })
            .collect()
    }

    #[test]
    fn the_book_is_stored_in_shards_and_read_back_whole() {
        let repo = repo();
        let book = book(1_050);
        let last_id = book.responses.last().unwrap().id;
        book.save(&repo, &mut ShardMemory::default()).unwrap();
        let keys = repo.store().keys().unwrap();
        for n in 0..=last_id / SurveyBook::SHARD_SIZE {
            assert!(keys.contains(&shard_key(SurveyBook::KEY, n)), "{keys:?}");
        }
        // The book's own key holds no response.
        let meta = repo.store().get(SurveyBook::KEY).unwrap().unwrap();
        assert!(!meta.contains("\"responses\""), "{meta}");
        let loaded = SurveyBook::load(&repo, &mut ShardMemory::default());
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.doc, book);
    }

    #[test]
    fn a_new_response_rewrites_only_its_shard_and_the_meta() {
        let repo = repo();
        let mut book = book(1_050);
        let mut memory = ShardMemory::default();
        book.save(&repo, &mut memory).unwrap();
        let before = stored(&repo);
        let survey = book.surveys[0].clone();
        let answers = book.responses[0].answers.clone();
        let code = encode_response_code(&survey, &answers, None).unwrap();
        let CodeOutcome::Taken { response_id, .. } = book.take_code(survey.id, &code, today())
        else {
            panic!("the code is taken");
        };
        book.save(&repo, &mut memory).unwrap();
        let changed: Vec<String> = stored(&repo)
            .into_iter()
            .filter(|kv| !before.contains(kv))
            .map(|(k, _)| k)
            .collect();
        // The code's checksum is in the meta.
        let shard = shard_key(SurveyBook::KEY, response_id / SurveyBook::SHARD_SIZE);
        assert_eq!(changed, vec![SurveyBook::KEY.to_owned(), shard]);
        let loaded = SurveyBook::load(&repo, &mut ShardMemory::default());
        assert_eq!(loaded.doc, book);
    }

    #[test]
    fn a_whole_book_of_schema_2_is_read_and_rewritten_in_shards() {
        let repo = repo();
        let book = book(250);
        let old = serde_json::json!({"schema": 2, "rev": 5, "data": book}).to_string();
        // The responses' JSON leaves absent options and skipped answers out, as before.
        assert!(old.contains(r#"{"e":"#) && !old.contains("null"));
        repo.store().set(SurveyBook::KEY, &old).unwrap();
        let mut memory = ShardMemory::default();
        let loaded = SurveyBook::load(&repo, &mut memory);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.doc, book);
        assert!(SurveyBook::needs_rewrite(&memory));
        loaded.doc.save(&repo, &mut memory).unwrap();
        assert!(!SurveyBook::needs_rewrite(&memory));
        for n in 0..=2 {
            let shard = repo.store().get(&shard_key(SurveyBook::KEY, n)).unwrap();
            assert!(shard.is_some_and(|s| s.contains(r#""format":"postcard""#)));
        }
        let again = SurveyBook::load(&repo, &mut ShardMemory::default());
        assert_eq!(again.doc, book);
    }

    #[test]
    fn a_schema_1_book_still_gains_its_personal_links() {
        let repo = repo();
        let mut book = book(3);
        book.personal_links.clear();
        let mut data = serde_json::to_value(&book).unwrap();
        data.as_object_mut().unwrap().remove("personal_links");
        let old = serde_json::json!({"schema": 1, "rev": 1, "data": data}).to_string();
        repo.store().set(SurveyBook::KEY, &old).unwrap();
        let loaded = SurveyBook::load(&repo, &mut ShardMemory::default());
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.doc, book);
    }

    #[test]
    fn another_tabs_shard_is_taken_in() {
        let repo = repo();
        let mut mine = book(150);
        let mut memory = ShardMemory::default();
        mine.save(&repo, &mut memory).unwrap();
        // The other tab takes a response at the kiosk and saves.
        let theirs_repo = Repository::new(repo.store().clone());
        let mut their_memory = ShardMemory::default();
        let mut theirs = SurveyBook::load(&theirs_repo, &mut their_memory).doc;
        let answer = theirs.responses[3].clone();
        let id = theirs.record(answer);
        theirs.save(&theirs_repo, &mut their_memory).unwrap();
        let shard = shard_key(SurveyBook::KEY, id / SurveyBook::SHARD_SIZE);
        for key in [shard, SurveyBook::KEY.to_owned()] {
            let raw = repo.store().get(&key).unwrap();
            assert!(mine.follow(&repo, &mut memory, &key, raw).is_empty());
        }
        assert_eq!(mine, theirs);
        // And this tab's next save is not a conflict.
        mine.record(theirs.responses[0].clone());
        mine.save(&repo, &mut memory).unwrap();
    }

    #[test]
    fn a_damaged_shard_is_quarantined_and_the_others_are_kept() {
        let repo = repo();
        let book = book(350);
        book.save(&repo, &mut ShardMemory::default()).unwrap();
        let damaged = shard_key(SurveyBook::KEY, 1);
        let raw = repo.store().get(&damaged).unwrap().unwrap();
        // A character of the packed data changed: the binary no longer reads.
        let broken = raw.replacen(r#""data":""#, r#""data":"ÿ"#, 1);
        repo.store().set(&damaged, &broken).unwrap();
        let loaded = SurveyBook::load(&repo, &mut ShardMemory::default());
        assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
        let in_shard_1 = |r: &Response| r.id / SurveyBook::SHARD_SIZE == 1;
        let kept: Vec<&Response> = book.responses.iter().filter(|r| !in_shard_1(r)).collect();
        assert_eq!(loaded.doc.responses.iter().collect::<Vec<_>>(), kept);
        assert_eq!(loaded.doc.surveys, book.surveys);
        let quarantined = repo.store().keys().unwrap();
        assert!(
            quarantined
                .iter()
                .any(|k| k.starts_with(crate::storage::QUARANTINE_PREFIX)),
            "{quarantined:?}"
        );
    }

    #[test]
    fn a_backup_holds_the_book_as_json_of_the_same_shape() {
        let mut book = book(2);
        book.responses[0].customer_id = None;
        book.responses[0].touchpoint = None;
        let value = crate::storage::envelope::encode_value(&book, 1);
        let response = value["data"]["responses"][0].as_object().unwrap();
        let fields: Vec<&str> = response.keys().map(String::as_str).collect();
        assert_eq!(
            fields,
            ["answers", "id", "submitted", "survey_id", "survey_version"]
        );
        let read: SurveyBook = serde_json::from_value(value["data"].clone()).unwrap();
        assert_eq!(read, book);
    }

    /// The binary form has no field or variant names, so this pins it: if it fails, the
    /// record's layout changed. Raise `SCHEMA` and give the book a reader of the old
    /// layout (see `crate::storage::sharded`) before updating it.
    #[test]
    fn a_response_has_a_fixed_binary_form() {
        let record = Response {
            id: 7,
            survey_id: 2,
            survey_version: 1,
            customer_id: Some(300),
            touchpoint: Some("kiosk".into()),
            submitted: today(),
            answers: [
                ("NPS".to_owned(), Answer::Scale(9)),
                (
                    "SQ1".to_owned(),
                    Answer::Dual(
                        [(
                            "R1".to_owned(),
                            DualAnswer {
                                first: Some(6),
                                second: None,
                            },
                        )]
                        .into(),
                    ),
                ),
            ]
            .into(),
        };
        let bytes = postcard::to_allocvec(&record).unwrap();
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            "07020101ac0201056b696f736bb2a65a02034e50530209035351310401025231010600"
        );
        assert_eq!(postcard::from_bytes::<Response>(&bytes).unwrap(), record);
    }
}
