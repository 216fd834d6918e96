//! The Credit section (planned; the page says so plainly).

use leptos::prelude::*;

use crate::components::not_built::NotBuilt;
use crate::i18n::Msg;

/// The Credit page.
#[component]
pub fn CreditPage() -> impl IntoView {
    view! { <NotBuilt title=Msg::CreditTitle planned=Msg::CreditPlanned testid="page-credit" /> }
}
