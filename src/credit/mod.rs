//! The Credit section (planned; the page says so plainly).

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::path;

use crate::components::not_built::NotBuilt;
use crate::i18n::Msg;

/// The Credit page.
#[component]
pub fn CreditPage() -> impl IntoView {
    view! { <NotBuilt title=Msg::CreditTitle planned=Msg::CreditPlanned testid="page-credit" /> }
}

/// The section's addresses.
#[component(transparent)]
pub fn CreditRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! { <Route path=path!("/credit") view=CreditPage /> }.into_inner()
}
