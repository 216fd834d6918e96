//! The section's addresses: `/blueprints`, `/blueprints/:id` and `/blueprints/:id/import`.

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::path;

use super::editor::BlueprintEditor;
use super::import_page::StepsImportPage;
use super::list_page::BlueprintList;

/// The section's routes, mounted by the app's router.
#[component(transparent)]
pub fn BlueprintRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/blueprints") view=BlueprintList />
        <Route path=path!("/blueprints/:id") view=BlueprintEditor />
        <Route path=path!("/blueprints/:id/import") view=StepsImportPage />
    }
    .into_inner()
    .into_any_nested_route()
}
