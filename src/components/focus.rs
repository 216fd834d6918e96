//! Where the keyboard focus goes when the page changes under it: to the problems after a
//! refused Save, to the new controls of an inline confirmation and back to its opener, and
//! to the page's heading after a navigation. Written once here so every form and page of
//! every section behaves the same.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_location;

use crate::tasks::next_task;

/// Marks the element listing a form's problems; a refused Save moves the focus there.
pub const ERROR_SUMMARY: &str = "data-error-summary";

/// Focuses `element`, scrolling it into view first if it is off-screen. An element that
/// cannot take the focus by itself (a heading, a summary) is given `tabindex="-1"`.
pub fn focus_element(element: &web_sys::Element, scroll: bool) {
    let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() else {
        return;
    };
    if element.tab_index() < 0 && !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    if scroll {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
    let _ = element.focus();
}

/// The first element under `root` matching one of `selectors`, tried in order.
fn first_match(root: &web_sys::Element, selectors: &[&str]) -> Option<web_sys::Element> {
    selectors
        .iter()
        .find_map(|s| root.query_selector(s).ok().flatten())
}

/// In a later task (once the page shows what the click changed), focuses the first
/// element of the page matching one of `selectors`.
pub fn focus_later(selectors: &'static [&'static str]) {
    leptos::task::spawn_local(async move {
        next_task().await;
        let Some(body) = document().body() else {
            return;
        };
        if let Some(element) = first_match(&body, selectors) {
            focus_element(&element, false);
        }
    });
}

/// After a submitted form has had its turn: if it now shows its problems, focus the
/// summary (or the first field marked invalid), scroll it into view, and so have it read
/// out (the summary is an alert). A form that was saved has gone, or shows no problem.
fn reveal_problems(form: web_sys::Element) {
    leptos::task::spawn_local(async move {
        next_task().await;
        if !form.is_connected() {
            return;
        }
        if let Some(problem) = shown_problem(&form) {
            focus_element(&problem, true);
        }
    });
}

/// The problems a form shows: a non-empty summary in the form, or beside it (a form's
/// message may sit just above it, for several small forms of one card), or else the first
/// field marked invalid.
fn shown_problem(form: &web_sys::Element) -> Option<web_sys::Element> {
    let summary = format!("[{ERROR_SUMMARY}]");
    let has_text = |e: &web_sys::Element| e.text_content().is_some_and(|t| !t.trim().is_empty());
    let mut scope = Some(form.clone());
    // The form itself, then two levels up (the card holding it): no further, so another
    // card's old problems are never taken for this form's.
    for _ in 0..3 {
        let here = scope?;
        let summaries = here.query_selector_all(&summary).ok()?;
        let found = (0..summaries.length())
            .filter_map(|i| summaries.item(i)?.dyn_into::<web_sys::Element>().ok())
            .find(has_text);
        if found.is_some() {
            return found;
        }
        if here == *form {
            if let Some(field) = first_match(form, &["[aria-invalid=\"true\"]"]) {
                return Some(field);
            }
        }
        scope = here.parent_element();
    }
    None
}

/// Installs, once for the app, the two page-wide focus rules: a refused Save shows its
/// problems (every `<form>` of every section), and a new page gives its heading the focus.
pub fn use_page_focus() {
    let submit = window_event_listener(leptos::ev::submit, move |ev| {
        if let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            reveal_problems(form);
        }
    });
    on_cleanup(move || submit.remove());
    let location = use_location();
    let path = location.pathname;
    Effect::new(move |previous: Option<String>| {
        let now = path.get();
        if previous.is_some_and(|p| p != now) {
            focus_heading();
        }
        now
    });
}

/// Focuses the page's first heading (or the main area), without scrolling, once the new
/// page is drawn; a screen reader then reads where the user has arrived.
fn focus_heading() {
    leptos::task::spawn_local(async move {
        next_task().await;
        let Some(main) = document().get_element_by_id("main") else {
            return;
        };
        // Leave the focus where a page put it on purpose (a form's first field).
        let active = document().active_element();
        if active.is_some_and(|a| a != main && main.contains(Some(&a))) {
            return;
        }
        let target = first_match(&main, &["h1"]).unwrap_or(main);
        focus_element(&target, false);
    });
}

/// An inline "are you sure": while `asking`, the question and its controls replace the
/// opener; the focus moves to the first control (or the one marked `data-autofocus`), and
/// back to the opener (marked `data-opener`, else its first button) when the question
/// closes, so a keyboard user never falls back to the top of the page.
#[component]
pub fn InlineConfirm(
    /// Whether the question is open; the opener sets it, Cancel and Confirm clear it.
    asking: RwSignal<bool>,
    /// What is shown while not asking: the button that opens the question.
    #[prop(into)]
    opener: ViewFn,
    /// The question and its controls.
    children: ChildrenFn,
) -> impl IntoView {
    let area = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |previous: Option<bool>| {
        let now = asking.get();
        if previous.is_some_and(|p| p != now) {
            leptos::task::spawn_local(async move {
                next_task().await;
                let Some(area) = area.get_untracked() else {
                    return;
                };
                let selectors: &[&str] = match now {
                    true => &["[data-autofocus]", "input, select, textarea, button"],
                    false => &["[data-opener]", "button"],
                };
                if let Some(target) = first_match(&area, selectors) {
                    focus_element(&target, false);
                }
            });
        }
        now
    });
    view! {
        <div class="inline-confirm" node_ref=area>
            <Show when=move || asking.get() fallback=move || opener.run()>
                {children()}
            </Show>
        </div>
    }
}
