//! New builds: the service worker's "a new version is waiting" (src/pwa/register.js) as
//! a banner, and reloading into the newest build only when the user agrees and no form
//! holds unsaved changes (README "Offline and updates").

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};

use crate::state::{use_app_state, Notice};

/// Shows [`Notice::UpdateReady`] once a new build is installed and waiting; call once,
/// in the shell.
pub fn watch_for_new_version() {
    let notices = use_app_state().notices;
    let show = move || {
        notices.update(|n| {
            if !n.contains(&Notice::UpdateReady) {
                n.push(Notice::UpdateReady);
            }
        })
    };
    // A worker may already have been waiting when the page opened.
    if call_update("ready").is_some_and(|ready| ready.is_truthy()) {
        show();
    }
    let listener = window_event_listener_untyped("crm-update-ready", move |_| show());
    on_cleanup(move || listener.remove());
}

/// Reloads the page into the newest build: a waiting service worker takes over first.
pub fn reload_into_newest() {
    if call_update("apply").is_none() {
        let _ = window().location().reload();
    }
}

/// Calls `window.crmUpdate[method]()`; `None` where register.js did not run.
fn call_update(method: &str) -> Option<JsValue> {
    let update = js_sys::Reflect::get(&window(), &"crmUpdate".into()).ok()?;
    let function = js_sys::Reflect::get(&update, &method.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    function.call0(&update).ok()
}
