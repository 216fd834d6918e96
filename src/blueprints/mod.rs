//! The Blueprints section (planned; the page says so plainly). Its pure domain is in
//! [`domain`].

pub mod domain;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::path;

use crate::components::not_built::NotBuilt;
use crate::i18n::Msg;

/// The Blueprints page.
#[component]
pub fn BlueprintsPage() -> impl IntoView {
    view! { <NotBuilt title=Msg::BlueprintsTitle planned=Msg::BlueprintsPlanned testid="page-blueprints" /> }
}

/// The section's addresses.
#[component(transparent)]
pub fn BlueprintRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! { <Route path=path!("/blueprints") view=BlueprintsPage /> }.into_inner()
}
