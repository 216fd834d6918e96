//! The customer section's addresses (the links to them are built in [`crate::paths`]).

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::path;

use super::detail::{CustomerPage, EditCustomerPage, NewCustomerPage};
use super::list::{CustomerListPage, DuplicatesPage, ImportPage};

/// `/customers` and the pages below it.
#[component(transparent)]
pub fn CustomerRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/customers") view=Outlet>
            <Route path=path!("") view=CustomerListPage />
            <Route path=path!("import") view=ImportPage />
            <Route path=path!("duplicates") view=DuplicatesPage />
            <Route path=path!("new") view=NewCustomerPage />
            <Route path=path!(":id") view=CustomerPage />
            <Route path=path!(":id/edit") view=EditCustomerPage />
        </ParentRoute>
    }
    .into_inner()
}
