//! The Learn section (planned; the page says so plainly).

use leptos::prelude::*;

use crate::components::not_built::NotBuilt;
use crate::i18n::Msg;

/// The Learn page.
#[component]
pub fn LearnPage() -> impl IntoView {
    view! { <NotBuilt title=Msg::LearnTitle planned=Msg::LearnPlanned testid="page-learn" /> }
}
