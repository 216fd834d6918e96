//! `window.localStorage` as a [`KeyValueStore`], through gloo-storage.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use super::store::{KeyValueStore, StorageError};

/// The browser's localStorage for this origin.
#[derive(Clone, Copy, Default)]
pub struct BrowserStore;

impl BrowserStore {
    /// Whether localStorage can be used at all (it throws in some private modes).
    pub fn available() -> bool {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .is_some()
    }

    fn raw() -> Result<web_sys::Storage, StorageError> {
        if Self::available() {
            Ok(LocalStorage::raw())
        } else {
            Err(StorageError::Unavailable(
                "localStorage is not available".into(),
            ))
        }
    }
}

/// Maps a thrown DOMException to our error; quota errors keep their meaning.
fn to_error(err: wasm_bindgen::JsValue) -> StorageError {
    match err.dyn_ref::<web_sys::DomException>() {
        // Chromium and Safari name it QuotaExceededError; old Firefox used code 1014.
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 || e.code() == 1014 => {
            StorageError::QuotaExceeded
        }
        Some(e) => StorageError::Unavailable(e.message()),
        None => StorageError::Unavailable(format!("{err:?}")),
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Self::raw()?.get_item(key).map_err(to_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        Self::raw()?.set_item(key, value).map_err(to_error)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        Self::raw()?.remove_item(key).map_err(to_error)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let storage = Self::raw()?;
        let len = storage.length().map_err(to_error)?;
        Ok((0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }
}
