//! The section navigation: a sidebar on wide screens, a collapsible list on phones.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::tr;
use crate::app::app_path;
use crate::i18n::Msg;

/// Every section, in menu order: (path, label, test id).
pub const SECTIONS: [(&str, Msg, &str); 7] = [
    ("/", Msg::NavDashboard, "dashboard"),
    ("/customers", Msg::NavCustomers, "customers"),
    ("/surveys", Msg::NavSurveys, "surveys"),
    ("/blueprints", Msg::NavBlueprints, "blueprints"),
    ("/credit", Msg::NavCredit, "credit"),
    ("/learn", Msg::NavLearn, "learn"),
    ("/settings", Msg::NavSettings, "settings"),
];

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
                    .map(|(href, label, id)| {
                        view! {
                            <li>
                                <A href=app_path(href) exact=href == "/" attr:data-testid=format!("nav-{id}") on:click=move |_| open.set(false)>
                                    {tr(label)}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
