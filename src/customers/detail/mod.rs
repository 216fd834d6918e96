//! One customer: the profile page, the create and edit forms (stub).

use leptos::prelude::*;

/// One customer's page.
#[component]
pub fn CustomerPage() -> impl IntoView {
    view! { <section class="page" data-testid="page-customer"></section> }
}

/// The form for a new customer.
#[component]
pub fn NewCustomerPage() -> impl IntoView {
    view! { <section class="page" data-testid="page-customer-new"></section> }
}

/// The form for editing a customer.
#[component]
pub fn EditCustomerPage() -> impl IntoView {
    view! { <section class="page" data-testid="page-customer-edit"></section> }
}
