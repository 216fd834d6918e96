//! Asks before unsaved changes are lost: the browser's own prompt on reload or close
//! (`beforeunload`), and a confirm before an in-app link is followed or the browser's
//! Back or Forward button leaves the form (`popstate`).

use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::{JsCast, JsValue};

use crate::i18n::{CommonMsg, Text};
use crate::state::use_app_state;

/// Guards the current page while `dirty` is true; removed when the page goes away.
///
/// In-app links are caught in the capture phase on `window`, before the router's own
/// click handler (which listens in the bubble phase), so a declined confirm stops the
/// navigation entirely. Back and Forward are asked about by the app's one `popstate`
/// listener (see [`provide_leave_guard`]), which this registers the page with.
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
        let question = CommonMsg::LeaveConfirm.in_lang(lang.get_untracked());
        if !window().confirm_with_message(question).unwrap_or(true) {
            ev.prevent_default();
            ev.stop_propagation();
        }
    })
    .into_js_value();
    let _ =
        window().add_event_listener_with_callback_and_bool("click", on_click.unchecked_ref(), true);
    let on_click = leptos::__reexports::send_wrapper::SendWrapper::new(on_click);
    let back = use_context::<BackGuard>().map(|back| back.watch(dirty));
    let unsaved = use_context::<UnsavedForms>().map(|forms| forms.add(dirty));
    on_cleanup(move || {
        if let Some((forms, id)) = unsaved {
            forms.remove(id);
        }
        unload.remove();
        let _ = window().remove_event_listener_with_callback_and_bool(
            "click",
            on_click.unchecked_ref(),
            true,
        );
        if let Some((back, id)) = back {
            back.forget(id);
        }
    });
}

/// The forms of one page (the customer page's add-entry, edit-entry and churn forms),
/// guarded together: leaving asks once if any of them holds unsaved input.
#[derive(Clone, Copy)]
pub struct PageForms {
    dirty: RwSignal<Vec<(u64, Signal<bool>)>>,
    next_id: StoredValue<u64>,
}

impl PageForms {
    /// Guards the calling page while any form registered with [`guard_form`] is dirty.
    pub fn provide() {
        let forms = PageForms {
            dirty: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        };
        use_leave_guard(Signal::derive(move || {
            forms
                .dirty
                .with(|all| all.iter().any(|(_, dirty)| dirty.get()))
        }));
        provide_context(forms);
    }
}

/// Counts the calling form among its page's forms (see [`PageForms`]) while it is on
/// screen; `dirty` says whether it holds input that is not saved.
pub fn guard_form(dirty: Signal<bool>) {
    let Some(forms) = use_context::<PageForms>() else {
        return;
    };
    let id = forms.next_id.get_value();
    forms.next_id.set_value(id + 1);
    forms.dirty.update(|all| all.push((id, dirty)));
    on_cleanup(move || {
        forms
            .dirty
            .try_update(|all| all.retain(|(form, _)| *form != id));
    });
}

/// Adds the app's `popstate` listener that guards Back and Forward; call it in the root
/// component before the router is created, so this listener runs first.
///
/// Back and Forward cannot be cancelled: when `popstate` fires, the browser has already
/// moved to the other history entry. Chromium calls the listeners of an event fired at
/// `window` in the order they were added, whether or not they capture, so a form's own
/// listener would always come after the router's, which re-renders at once and drops
/// the form. Hence one listener, added before the router's, that asks for whichever
/// form is on screen. When the user declines, it stops the event reaching the router
/// (`stop_immediate_propagation`), so the page stays as it is, then travels back to the
/// form's own entry with `history.go(delta)` and swallows the `popstate` that travel
/// causes. Travelling, rather than pushing the form's URL again, leaves the history as
/// it was: the page before the form is still one Back away, the pages after it are
/// still Forward, and no entry is added that the browser might skip as one created
/// without a user's action. `delta` comes from the Navigation API's entry indices, where
/// the browser has it (the form's index is noted when it first becomes dirty, after the
/// router has committed its URL); elsewhere Back is assumed, so 1.
pub fn provide_leave_guard() {
    let lang = use_app_state().lang;
    let back = BackGuard {
        form: StoredValue::new(None),
        next_id: StoredValue::new(0),
        returning: StoredValue::new(false),
    };
    let listener = window_event_listener(leptos::ev::popstate, move |ev| {
        if back.returning.get_value() {
            back.returning.set_value(false);
            ev.stop_immediate_propagation();
            return;
        }
        let Some((_, form)) = back.form.get_value() else {
            return;
        };
        if !form.dirty.try_get_untracked().unwrap_or(false) {
            return;
        }
        let question = CommonMsg::LeaveConfirm.in_lang(lang.get_untracked());
        if window().confirm_with_message(question).unwrap_or(true) {
            return;
        }
        ev.stop_immediate_propagation();
        let delta = match (form.index.try_get_value().flatten(), history_index()) {
            (Some(form), Some(now)) if form >= 0.0 && now >= 0.0 => (form - now) as i32,
            _ => 1,
        };
        if delta != 0 {
            back.returning.set_value(true);
            if let Ok(history) = window().history() {
                let _ = history.go_with_delta(delta);
            }
        }
    });
    on_cleanup(move || listener.remove());
    provide_context(back);
    provide_context(UnsavedForms(RwSignal::new(Vec::new())));
}

/// True while any guarded form on screen holds input that is not saved (the app waits
/// for this before it reloads into a new version, see [`super::new_version`]).
pub fn unsaved_changes() -> Signal<bool> {
    let forms = use_context::<UnsavedForms>();
    Signal::derive(move || {
        forms.is_some_and(|forms| forms.0.with(|all| all.iter().any(|(_, dirty)| dirty.get())))
    })
}

/// Every guarded form on screen, by the number it was added under.
#[derive(Clone, Copy)]
struct UnsavedForms(RwSignal<Vec<(u64, Signal<bool>)>>);

impl UnsavedForms {
    fn add(self, dirty: Signal<bool>) -> (Self, u64) {
        let id = self
            .0
            .with_untracked(|all| all.last().map_or(0, |(id, _)| id + 1));
        self.0.update(|all| all.push((id, dirty)));
        (self, id)
    }

    fn remove(self, id: u64) {
        self.0.try_update(|all| all.retain(|(form, _)| *form != id));
    }
}

/// The form on screen that Back and Forward must ask about, if any.
#[derive(Clone, Copy)]
struct BackGuard {
    /// The guarded form, with the number it was registered under.
    form: StoredValue<Option<(u64, GuardedForm)>>,
    next_id: StoredValue<u64>,
    /// True while travelling back to the form after a declined confirm.
    returning: StoredValue<bool>,
}

/// What the `popstate` listener needs to know about one form.
#[derive(Clone, Copy)]
struct GuardedForm {
    dirty: Signal<bool>,
    /// The form's place in the history, noted when it first becomes dirty.
    index: StoredValue<Option<f64>>,
}

impl BackGuard {
    /// Guards the form of the calling component from now on; returns what to forget.
    fn watch(self, dirty: Signal<bool>) -> (Self, u64) {
        let index = StoredValue::new(None);
        Effect::new(move |_| {
            if dirty.get() && index.with_value(Option::is_none) {
                index.set_value(history_index());
            }
        });
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.form
            .set_value(Some((id, GuardedForm { dirty, index })));
        (self, id)
    }

    /// Stops guarding form `id`, unless another form has taken its place already.
    fn forget(self, id: u64) {
        if self
            .form
            .with_value(|f| f.is_some_and(|(current, _)| current == id))
        {
            self.form.set_value(None);
        }
    }
}

/// The current entry's place in this tab's history, from the Navigation API
/// (`navigation.currentEntry.index`); `None` where the browser lacks it.
fn history_index() -> Option<f64> {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
    let navigation = get(&window(), "navigation")?;
    let entry = get(&navigation, "currentEntry")?;
    get(&entry, "index")?.as_f64()
}
