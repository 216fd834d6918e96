//! The credit section's addresses: `/credit`, `/credit/aging`, `/credit/import`, `/credit/:id`.

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::path;

use super::aging_page::AgingPage;
use super::file_page::CreditFilePage;
use super::import_page::LedgerImportPage;
use super::overview::CreditOverview;

/// The section's routes, mounted by the app's router.
#[component(transparent)]
pub fn CreditRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/credit") view=CreditOverview />
        <Route path=path!("/credit/aging") view=AgingPage />
        <Route path=path!("/credit/import") view=LedgerImportPage />
        <Route path=path!("/credit/:id") view=CreditFilePage />
    }
    .into_inner()
    .into_any_nested_route()
}
