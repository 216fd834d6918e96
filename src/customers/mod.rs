//! The Customers section (planned; the page says so plainly).

use leptos::prelude::*;

use crate::components::not_built::NotBuilt;
use crate::i18n::Msg;

/// The Customers page.
#[component]
pub fn CustomersPage() -> impl IntoView {
    view! { <NotBuilt title=Msg::CustomersTitle planned=Msg::CustomersPlanned testid="page-customers" /> }
}
