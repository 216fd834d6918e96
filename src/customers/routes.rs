//! The customer section's addresses (the links to them are built in [`crate::paths`]).
//!
//! Flat routes, not a parent route with an outlet: the pages share no layout, and the
//! nested-route machinery costs the bundle several KB.

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::path;

use super::detail::{CustomerPage, EditCustomerPage, NewCustomerPage};
use super::list::{CustomerListPage, DuplicatesPage, ImportPage};

/// `/customers` and the pages below it.
#[component(transparent)]
pub fn CustomerRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/customers") view=CustomerListPage />
        <Route path=path!("/customers/import") view=ImportPage />
        <Route path=path!("/customers/duplicates") view=DuplicatesPage />
        <Route path=path!("/customers/new") view=NewCustomerPage />
        <Route path=path!("/customers/:id") view=CustomerPage />
        <Route path=path!("/customers/:id/edit") view=EditCustomerPage />
    }
    .into_inner()
    // Six routes side by side, as one route of the app's list.
    .into_any_nested_route()
}
