//! The section navigation: a sidebar on wide screens, a collapsible list on phones.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::tr;
use crate::i18n::Msg;
use crate::paths::{app_path, DASHBOARD};
use crate::sections::SECTIONS;

/// The main navigation. Links are ordinary anchors, so Tab and Enter work and the
/// current page is announced through `aria-current`.
#[component]
pub fn Nav(
    /// Whether the menu is expanded on narrow screens; following a link closes it.
    open: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <nav
            id="main-nav"
            class="app-nav"
            class:open=move || open.get()
            aria-label=tr(Msg::MainNavigation)
        >
            <ul>
                {SECTIONS
                    .into_iter()
                    .map(|section| {
                        view! {
                            <li>
                                <A href=app_path(section.path) exact=section.path == DASHBOARD attr:data-testid=format!("nav-{}", section.id) on:click=move |_| open.set(false)>
                                    {tr(section.label)}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
