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

/// Whether the browser promised to keep this site's storage under pressure
/// (`navigator.storage.persisted()`), as far as it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// The browser will not evict the data without asking the user.
    Granted,
    /// The data is "best effort": the browser may evict it (see README "Keep the data").
    NotGranted,
    /// This browser has no Storage API (or it failed).
    Unknown,
}

/// Asks whether storage is persistent, or (with `request`) asks for it to be: Chromium
/// decides by the site's use without a prompt, Firefox asks the user.
pub async fn persistence(request: bool) -> Persistence {
    let answer = storage_manager_call(if request { "persist" } else { "persisted" }).await;
    match answer.and_then(|v| v.as_bool()) {
        Some(true) => Persistence::Granted,
        Some(false) => Persistence::NotGranted,
        None => Persistence::Unknown,
    }
}

/// What the browser says the whole site uses and may use, in bytes
/// (`navigator.storage.estimate()`: localStorage, caches and the rest together).
pub async fn estimate() -> Option<(f64, f64)> {
    let estimate = storage_manager_call("estimate").await?;
    let number = |key: &str| {
        js_sys::Reflect::get(&estimate, &key.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((number("usage")?, number("quota")?))
}

/// Calls `navigator.storage[method]()` and awaits its promise.
async fn storage_manager_call(method: &str) -> Option<wasm_bindgen::JsValue> {
    let navigator = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    let function = js_sys::Reflect::get(&manager, &method.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = function
        .call0(&manager)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}
