//! The key-value seam that every persistence path goes through, and its in-memory version.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

/// Why the underlying store refused an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser's quota for this site is used up; nothing was written.
    QuotaExceeded,
    /// Storage cannot be used at all (blocked, private mode, not a browser).
    Unavailable(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::QuotaExceeded => write!(f, "storage quota exceeded"),
            StorageError::Unavailable(why) => write!(f, "storage unavailable: {why}"),
        }
    }
}

/// A string-to-string store with the semantics of `window.localStorage`.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Writes the value, or fails without changing anything.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// An in-memory store for native tests; `with_quota` mimics the browser's size limit
/// (counted in UTF-16 code units of keys and values, as Chromium does).
#[derive(Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_quota(units: usize) -> Self {
        Self {
            entries: RefCell::default(),
            quota: Some(units),
        }
    }

    fn size(entries: &BTreeMap<String, String>) -> usize {
        entries
            .iter()
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let mut entries = self.entries.borrow_mut();
        if let Some(quota) = self.quota {
            let mut after = entries.clone();
            after.insert(key.to_owned(), value.to_owned());
            if Self::size(&after) > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        entries.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_refuses_a_write_and_keeps_the_old_value() {
        let store = MemoryStore::with_quota(20);
        store.set("k", "small").unwrap();
        assert_eq!(
            store.set("k", &"x".repeat(50)),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(store.get("k").unwrap().as_deref(), Some("small"));
    }
}
