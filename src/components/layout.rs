//! The page frame: skip link, header with the language switch, navigation, notices and
//! the main content area.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::nav::Nav;
use super::notices::Notices;
use super::text::tr;
use crate::i18n::{Lang, Msg};
use crate::state::use_app_state;

/// Frames every page.
#[component]
pub fn Shell(
    /// The routed page.
    children: Children,
) -> impl IntoView {
    let menu_open = RwSignal::new(false);
    super::focus::use_page_focus();
    // Under a `<base href>`, `#main` would be a link to the dashboard: move focus instead.
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_main();
    };
    view! {
        <a class="skip-link" href="#main" data-testid="skip-link" on:click=skip>{tr(Msg::SkipToContent)}</a>
        <header class="app-header">
            <button
                class="menu-toggle"
                type="button"
                data-testid="menu-toggle"
                aria-controls="main-nav"
                aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| menu_open.update(|open| *open = !*open)
            >
                <span aria-hidden="true">"☰ "</span>
                {tr(Msg::OpenMenu)}
            </button>
            <div class="brand">
                <span class="brand-name">{tr(Msg::AppName)}</span>
                <span class="brand-tagline">{tr(Msg::AppTagline)}</span>
            </div>
            <LanguageSwitch />
        </header>
        <div class="app-body">
            <Nav open=menu_open />
            <main id="main" class="app-main" tabindex="-1">
                <Notices />
                {children()}
            </main>
        </div>
    }
}

/// Gives the keyboard focus to the main content (it has `tabindex="-1"`).
fn focus_main() {
    let main = document().get_element_by_id("main");
    if let Some(main) = main.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = main.focus();
    }
}

/// The language picker; the choice is saved with the settings.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let state = use_app_state();
    let on_change = move |ev| {
        let lang = Lang::from_tag(&event_target_value(&ev));
        state.settings.edit(move |s| s.lang = lang);
    };
    view! {
        <label class="lang-switch">
            <span class="lang-label">{tr(Msg::LanguageLabel)}</span>
            <select data-testid="lang-switch" on:change=on_change>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option value=lang.tag() selected=move || state.lang.get() == lang>
                                {lang.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
