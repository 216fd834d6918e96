//! Asks before unsaved changes are lost: the browser's own prompt on reload or close
//! (`beforeunload`), and a confirm before any in-app link is followed.

use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;

use super::messages::DetailMsg;
use crate::i18n::Text;
use crate::state::use_app_state;

/// Guards the current page while `dirty` is true; removed when the page goes away.
///
/// In-app links are caught in the capture phase on `window`, before the router's own
/// click handler (which listens in the bubble phase), so a declined confirm stops the
/// navigation entirely. The browser's back button is not covered (the router offers no
/// hook to cancel a `popstate`).
pub fn use_leave_guard(dirty: Signal<bool>) {
    let lang = use_app_state().lang;
    let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if dirty.get_untracked() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if !dirty.get_untracked() || ev.default_prevented() {
            return;
        }
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if target
            .and_then(|t| t.closest("a[href]").ok().flatten())
            .is_none()
        {
            return;
        }
        let question = DetailMsg::LeaveConfirm.in_lang(lang.get_untracked());
        if !window().confirm_with_message(question).unwrap_or(true) {
            ev.prevent_default();
            ev.stop_propagation();
        }
    })
    .into_js_value();
    let _ =
        window().add_event_listener_with_callback_and_bool("click", on_click.unchecked_ref(), true);
    let on_click = leptos::__reexports::send_wrapper::SendWrapper::new(on_click);
    on_cleanup(move || {
        unload.remove();
        let _ = window().remove_event_listener_with_callback_and_bool(
            "click",
            on_click.unchecked_ref(),
            true,
        );
    });
}
