//! The repository: loads documents (quarantining what it cannot read), saves them only
//! over the revision it last saw, and never lets a stale tab overwrite newer data.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use super::envelope::{decode, encode, peek_rev, DecodeError, Document};
use super::store::{KeyValueStore, StorageError};
use super::{KEY_PREFIX, QUARANTINE_PREFIX};

/// Something the user should hear about after a load.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Unreadable data was copied, unchanged, to `quarantine_key`.
    Quarantined {
        key: String,
        quarantine_key: String,
        raw: String,
        reason: String,
    },
    /// Unreadable data could not even be copied aside (storage full). The original
    /// key is left untouched and saving to it is refused, so it is not overwritten.
    QuarantineFailed {
        key: String,
        raw: String,
        reason: String,
    },
    /// A newer build of the app wrote this key (a schema or format this build does not
    /// know). It is not damaged, so it is neither quarantined nor overwritten: saving to
    /// it is refused until the page is reloaded into the newer build.
    WrittenByNewerVersion {
        key: String,
    },
    Storage(StorageError),
}

/// Why a save did not happen. In every case the stored data is unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    QuotaExceeded,
    /// Another tab saved a newer revision since this tab last read it.
    Conflict,
    /// The key holds unreadable data that could not be quarantined.
    Blocked,
    Unavailable(String),
}

impl From<StorageError> for SaveError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::QuotaExceeded => SaveError::QuotaExceeded,
            StorageError::Unavailable(why) => SaveError::Unavailable(why),
        }
    }
}

/// A loaded document and what went wrong while loading it.
#[derive(Debug)]
pub struct Loaded<D> {
    pub doc: D,
    pub problems: Vec<Problem>,
}

/// Loads and saves [`Document`]s through a [`KeyValueStore`].
pub struct Repository<S> {
    store: S,
    /// The revision this tab last read or wrote, per key (0 = nothing stored).
    known_revs: RefCell<HashMap<String, u64>>,
    blocked: RefCell<HashSet<String>>,
}

impl<S: KeyValueStore> Repository<S> {
    pub fn new(store: S) -> Self {
        Self {
            store,
            known_revs: RefCell::default(),
            blocked: RefCell::default(),
        }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// Reads a document. Whatever cannot be read is kept aside under a quarantine key
    /// and reported; the caller gets the best document that could be made.
    pub fn load<D: Document>(&self) -> Loaded<D> {
        match self.store.get(D::KEY) {
            Ok(raw) => self.accept(raw.as_deref()),
            Err(e) => Loaded {
                doc: D::default(),
                problems: vec![Problem::Storage(e)],
            },
        }
    }

    /// Takes a value another tab wrote (from a `storage` event) as the newest revision.
    pub fn accept<D: Document>(&self, raw: Option<&str>) -> Loaded<D> {
        self.unblock(D::KEY);
        let Some(raw) = raw else {
            self.set_known_rev(D::KEY, 0);
            return Loaded {
                doc: D::default(),
                problems: vec![],
            };
        };
        match decode::<D>(raw) {
            Ok(decoded) => {
                self.set_known_rev(D::KEY, decoded.rev);
                let mut problems = vec![];
                if !decoded.rejected.is_empty() {
                    let rejected = serde_json::to_string(&decoded.rejected).unwrap_or_default();
                    let reason = format!("{} unreadable records", decoded.rejected.len());
                    problems.push(self.quarantine_records(D::KEY, rejected, reason));
                }
                Loaded {
                    doc: decoded.doc,
                    problems,
                }
            }
            Err(e) => {
                let problem = self.unreadable(D::KEY, D::KEY, raw.to_owned(), e);
                Loaded {
                    doc: D::default(),
                    problems: vec![problem],
                }
            }
        }
    }

    /// What to do with a stored value that did not decode: data from a newer build is
    /// left exactly as it is, and `owner` (the document or collection it belongs to) is
    /// blocked from saving; anything else is quarantined.
    pub(super) fn unreadable(
        &self,
        owner: &str,
        key: &str,
        raw: String,
        error: DecodeError,
    ) -> Problem {
        if error.is_from_a_newer_build() {
            let mut blocked = self.blocked.borrow_mut();
            blocked.insert(owner.to_owned());
            blocked.insert(key.to_owned());
            return Problem::WrittenByNewerVersion {
                key: owner.to_owned(),
            };
        }
        self.quarantine_key(key, raw, error.to_string())
    }

    /// Copies a key's unreadable value to a fresh quarantine key, then clears the key.
    /// The key is cleared only after the copy succeeded; if the copy fails, the key is
    /// left untouched and saving over it is refused.
    pub(super) fn quarantine_key(&self, key: &str, raw: String, reason: String) -> Problem {
        self.quarantine(key, raw, reason, true)
    }

    /// Copies unreadable records of `key` (the readable ones are kept) to quarantine.
    pub(super) fn quarantine_records(&self, key: &str, raw: String, reason: String) -> Problem {
        self.quarantine(key, raw, reason, false)
    }

    fn quarantine(&self, key: &str, raw: String, reason: String, whole: bool) -> Problem {
        let quarantine_key = self.free_quarantine_key(key);
        match self.store.set(&quarantine_key, &raw) {
            Ok(()) => {
                if whole {
                    // The copy exists, so clearing the original loses nothing.
                    let _ = self.store.remove(key);
                    self.set_known_rev(key, 0);
                }
                Problem::Quarantined {
                    key: key.to_owned(),
                    quarantine_key,
                    raw,
                    reason,
                }
            }
            Err(_) => {
                if whole {
                    self.blocked.borrow_mut().insert(key.to_owned());
                }
                Problem::QuarantineFailed {
                    key: key.to_owned(),
                    raw,
                    reason,
                }
            }
        }
    }

    fn free_quarantine_key(&self, key: &str) -> String {
        let base = format!("{QUARANTINE_PREFIX}{}", key.trim_start_matches(KEY_PREFIX));
        let taken: HashSet<String> = self.store.keys().unwrap_or_default().into_iter().collect();
        (1..)
            .map(|n| format!("{base}.{n}"))
            .find(|k| !taken.contains(k))
            .expect("unbounded range")
    }

    /// Saves a document over the revision this tab last saw. If another tab saved in
    /// between, nothing is written and `Conflict` tells the caller to reload.
    pub fn save<D: Document>(&self, doc: &D) -> Result<(), SaveError> {
        if self.is_blocked(D::KEY) {
            return Err(SaveError::Blocked);
        }
        let known = self.known_rev_of(D::KEY);
        let stored = self.stored_rev(D::KEY)?;
        if stored != known {
            return Err(SaveError::Conflict);
        }
        self.write(doc, known + 1)
    }

    /// Saves regardless of what is stored (restoring a backup the user confirmed).
    pub fn replace<D: Document>(&self, doc: &D) -> Result<(), SaveError> {
        let stored = self.stored_rev(D::KEY)?;
        self.unblock(D::KEY);
        self.write(doc, stored.max(self.known_rev_of(D::KEY)) + 1)
    }

    fn write<D: Document>(&self, doc: &D, rev: u64) -> Result<(), SaveError> {
        self.store.set(D::KEY, &encode(doc, rev))?;
        self.set_known_rev(D::KEY, rev);
        Ok(())
    }

    /// The revision this tab last read or wrote under `key` (0: nothing stored).
    pub(super) fn known_rev_of(&self, key: &str) -> u64 {
        self.known_revs.borrow().get(key).copied().unwrap_or(0)
    }

    pub(super) fn set_known_rev(&self, key: &str, rev: u64) {
        self.known_revs.borrow_mut().insert(key.to_owned(), rev);
    }

    pub(super) fn is_blocked(&self, key: &str) -> bool {
        self.blocked.borrow().contains(key)
    }

    pub(super) fn unblock(&self, key: &str) {
        self.blocked.borrow_mut().remove(key);
    }

    fn stored_rev(&self, key: &str) -> Result<u64, SaveError> {
        Ok(match self.store.get(key)? {
            None => 0,
            // Unreadable data that appeared since the load counts as someone else's write.
            Some(raw) => peek_rev(&raw).unwrap_or(u64::MAX),
        })
    }

    /// Every key this app wrote, quarantined data included.
    pub fn app_keys(&self) -> Vec<String> {
        let keys = self.store.keys().unwrap_or_default();
        keys.into_iter()
            .filter(|k| k.starts_with(KEY_PREFIX))
            .collect()
    }

    /// Deletes everything this app stored (and nothing else on the same origin).
    pub fn erase_all(&self) -> Result<(), SaveError> {
        for key in self.app_keys() {
            self.store.remove(&key)?;
        }
        self.known_revs.borrow_mut().clear();
        self.blocked.borrow_mut().clear();
        Ok(())
    }

    /// Size of this app's data in UTF-16 code units, the unit browsers count quota in.
    pub fn used_units(&self) -> usize {
        self.app_keys()
            .iter()
            .map(|k| {
                let value = self.store.get(k).ok().flatten().unwrap_or_default();
                k.encode_utf16().count() + value.encode_utf16().count()
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{MemoryStore, Migration};
    use serde::{Deserialize, Serialize};

    #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
    struct Notes {
        items: Vec<String>,
    }

    impl Document for Notes {
        const KEY: &'static str = "crm.notes";
        const SCHEMA: u32 = 1;
        const MIGRATIONS: &'static [Migration] = &[];
    }

    fn notes(items: &[&str]) -> Notes {
        Notes {
            items: items.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// Two tabs: two repositories over one store, as two tabs share one localStorage.
    fn two_tabs() -> (
        Repository<std::rc::Rc<MemoryStore>>,
        Repository<std::rc::Rc<MemoryStore>>,
    ) {
        let store = std::rc::Rc::new(MemoryStore::new());
        (Repository::new(store.clone()), Repository::new(store))
    }

    impl KeyValueStore for std::rc::Rc<MemoryStore> {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            (**self).get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
            (**self).set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), StorageError> {
            (**self).remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StorageError> {
            (**self).keys()
        }
    }

    #[test]
    fn save_then_load_round_trips() {
        let repo = Repository::new(MemoryStore::new());
        assert_eq!(repo.load::<Notes>().doc, Notes::default());
        repo.save(&notes(&["客户 A"])).unwrap();
        let fresh = Repository::new(MemoryStore::new());
        fresh
            .store()
            .set(
                "crm.notes",
                &repo.store().get("crm.notes").unwrap().unwrap(),
            )
            .unwrap();
        assert_eq!(fresh.load::<Notes>().doc, notes(&["客户 A"]));
    }

    #[test]
    fn corrupt_data_is_quarantined_unchanged_and_the_app_starts_empty() {
        let repo = Repository::new(MemoryStore::new());
        repo.store().set("crm.notes", "{oops").unwrap();
        let loaded = repo.load::<Notes>();
        assert_eq!(loaded.doc, Notes::default());
        let [Problem::Quarantined {
            quarantine_key,
            raw,
            ..
        }] = loaded.problems.as_slice()
        else {
            panic!("{:?}", loaded.problems)
        };
        assert_eq!(quarantine_key, "crm.quarantine.notes.1");
        assert_eq!(raw, "{oops");
        assert_eq!(
            repo.store().get(quarantine_key).unwrap().as_deref(),
            Some("{oops")
        );
        // A second corrupt load gets its own key: earlier quarantined data is never overwritten.
        repo.store().set("crm.notes", "{again").unwrap();
        repo.load::<Notes>();
        assert_eq!(
            repo.store()
                .get("crm.quarantine.notes.1")
                .unwrap()
                .as_deref(),
            Some("{oops")
        );
        assert_eq!(
            repo.store()
                .get("crm.quarantine.notes.2")
                .unwrap()
                .as_deref(),
            Some("{again")
        );
        // And the app can save again afterwards.
        repo.save(&notes(&["new"])).unwrap();
    }

    #[test]
    fn corrupt_data_that_cannot_be_quarantined_is_left_alone_and_not_overwritten() {
        let repo = Repository::new(MemoryStore::with_quota(40));
        repo.store()
            .set("crm.notes", "{this is not json at all}")
            .unwrap();
        let loaded = repo.load::<Notes>();
        assert!(matches!(
            loaded.problems.as_slice(),
            [Problem::QuarantineFailed { .. }]
        ));
        assert_eq!(repo.save(&notes(&[])), Err(SaveError::Blocked));
        assert_eq!(
            repo.store().get("crm.notes").unwrap().as_deref(),
            Some("{this is not json at all}")
        );
    }

    #[test]
    fn data_a_newer_build_wrote_is_kept_as_it_is_and_not_saved_over() {
        let repo = Repository::new(MemoryStore::new());
        let newer = r#"{"schema":7,"rev":3,"data":{"items":["from a newer build"]}}"#;
        repo.store().set("crm.notes", newer).unwrap();
        let loaded = repo.load::<Notes>();
        assert_eq!(
            loaded.problems,
            [Problem::WrittenByNewerVersion {
                key: "crm.notes".into()
            }]
        );
        assert_eq!(repo.save(&notes(&["older"])), Err(SaveError::Blocked));
        assert_eq!(
            repo.store().get("crm.notes").unwrap().as_deref(),
            Some(newer)
        );
        assert_eq!(repo.store().keys().unwrap(), ["crm.notes"]);
    }

    #[test]
    fn a_full_quota_refuses_the_save_and_keeps_the_previous_value() {
        let repo = Repository::new(MemoryStore::with_quota(80));
        repo.save(&notes(&["a"])).unwrap();
        let before = repo.store().get("crm.notes").unwrap();
        assert_eq!(
            repo.save(&notes(&[&"x".repeat(100)])),
            Err(SaveError::QuotaExceeded)
        );
        assert_eq!(repo.store().get("crm.notes").unwrap(), before);
        // After freeing space, saving works again from the same known revision.
        repo.save(&notes(&["b"])).unwrap();
    }

    #[test]
    fn a_stale_tab_cannot_overwrite_newer_data() {
        let (tab1, tab2) = two_tabs();
        tab1.load::<Notes>();
        tab2.load::<Notes>();
        tab1.save(&notes(&["from tab 1"])).unwrap();
        assert_eq!(tab2.save(&notes(&["stale"])), Err(SaveError::Conflict));
        assert_eq!(tab2.load::<Notes>().doc, notes(&["from tab 1"]));
        // Once it has the newest revision, tab 2 may save.
        tab2.save(&notes(&["from tab 2"])).unwrap();
        assert_eq!(
            tab1.save(&notes(&["stale again"])),
            Err(SaveError::Conflict)
        );
    }

    #[test]
    fn accepting_another_tabs_write_makes_it_the_known_revision() {
        let (tab1, tab2) = two_tabs();
        tab1.save(&notes(&["one"])).unwrap();
        let raw = tab1.store().get("crm.notes").unwrap();
        assert_eq!(tab2.accept::<Notes>(raw.as_deref()).doc, notes(&["one"]));
        tab2.save(&notes(&["two"])).unwrap();
    }

    #[test]
    fn replace_wins_over_any_stored_revision() {
        let (tab1, tab2) = two_tabs();
        tab1.save(&notes(&["one"])).unwrap();
        tab2.replace(&notes(&["restored"])).unwrap();
        assert_eq!(tab1.load::<Notes>().doc, notes(&["restored"]));
    }

    #[test]
    fn erase_all_removes_only_this_apps_keys() {
        let repo = Repository::new(MemoryStore::new());
        repo.save(&notes(&["a"])).unwrap();
        repo.store().set("crm.quarantine.notes.1", "x").unwrap();
        repo.store().set("other-app", "keep").unwrap();
        repo.erase_all().unwrap();
        assert_eq!(repo.store().keys().unwrap(), vec!["other-app".to_string()]);
    }
}
