//! Long work split into short tasks, so the page keeps painting and answering input.

use std::cell::RefCell;
use std::collections::VecDeque;

use wasm_bindgen::prelude::*;
use web_sys::MessageChannel;

/// How long one step of split work may run before the browser gets a turn (ms): under
/// the 50 ms that makes a task "long", with room for the last item a step starts. Each
/// turn costs a frame or so; at 25 ms, reading 10,000 customers took 20 ms longer.
pub const STEP_MS: f64 = 40.0;

thread_local! {
    /// A message posted to this channel wakes its waiters in a later task. Unlike
    /// `setTimeout(0)`, which browsers delay to 4 ms once calls nest five deep, a message
    /// comes back as soon as the browser has painted and handled input.
    static WAKER: Option<(MessageChannel, Closure<dyn FnMut()>)> = wake_channel();
    static WAITING: RefCell<VecDeque<js_sys::Function>> = const { RefCell::new(VecDeque::new()) };
}

fn wake_channel() -> Option<(MessageChannel, Closure<dyn FnMut()>)> {
    let channel = MessageChannel::new().ok()?;
    let wake = Closure::<dyn FnMut()>::new(|| {
        if let Some(resolve) = WAITING.with(|w| w.borrow_mut().pop_front()) {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    channel
        .port1()
        .set_onmessage(Some(wake.as_ref().unchecked_ref()));
    Some((channel, wake))
}

/// Resolves in a later task, after the browser has had a chance to paint and handle input.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let posted = WAKER.with(|waker| match waker {
            Some((channel, _)) => {
                WAITING.with(|w| w.borrow_mut().push_back(resolve.clone()));
                let posted = channel.port2().post_message(&JsValue::UNDEFINED).is_ok();
                if !posted {
                    WAITING.with(|w| w.borrow_mut().pop_back());
                }
                posted
            }
            None => false,
        });
        if !posted {
            let _ = leptos::prelude::window().set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// False until a task after this one: for what can come a moment after the rest of a
/// page, so that the first part shows first and no single task holds the page for long
/// (a customer's figures and timeline, a blueprint's table and analysis).
pub fn in_next_task() -> leptos::prelude::ReadSignal<bool> {
    use leptos::prelude::*;
    let (ready, set_ready) = signal(false);
    leptos::task::spawn_local(async move {
        next_task().await;
        // The page may have been left in between.
        let _ = set_ready.try_set(true);
    });
    ready
}

/// Resolves after about `ms` milliseconds, in a task of its own: for background work that
/// should wait until what the user just did has been shown.
pub async fn after_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A named point in the page's performance timeline (the benchmark reports them).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
