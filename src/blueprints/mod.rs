//! The Blueprints section (planned; the page says so plainly).

use leptos::prelude::*;

use crate::components::not_built::NotBuilt;
use crate::i18n::Msg;

/// The Blueprints page.
#[component]
pub fn BlueprintsPage() -> impl IntoView {
    view! { <NotBuilt title=Msg::BlueprintsTitle planned=Msg::BlueprintsPlanned testid="page-blueprints" /> }
}
