//! The customer list and the pages that work on many customers at once (stub).

use leptos::prelude::*;

/// The customer list.
#[component]
pub fn CustomerListPage() -> impl IntoView {
    view! { <section class="page" data-testid="page-customers"><h1>"Customers"</h1></section> }
}

/// CSV/JSON import.
#[component]
pub fn ImportPage() -> impl IntoView {
    view! { <section class="page" data-testid="page-customer-import"></section> }
}

/// Duplicate detection and merge.
#[component]
pub fn DuplicatesPage() -> impl IntoView {
    view! { <section class="page" data-testid="page-customer-duplicates"></section> }
}
