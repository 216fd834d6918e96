//! The section's addresses: `/surveys`, `/surveys/:id/edit`, `/surveys/:id/respond`,
//! `/surveys/:id/results`, `/surveys/:id/import`, `/surveys/:id/print`, and `/respond` (a share link's page).

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::path;

use super::builder::BuilderPage;
use super::import_page::ResponseImportPage;
use super::kiosk::KioskPage;
use super::list_page::SurveyListPage;
use super::paper::PaperFormPage;
use super::results::ResultsPage;
use super::shared_page::SharedRespondPage;

/// The section's routes, mounted by the app's router.
#[component(transparent)]
pub fn SurveyRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/surveys") view=SurveyListPage />
        <Route path=path!("/surveys/:id/edit") view=BuilderPage />
        <Route path=path!("/surveys/:id/respond") view=KioskPage />
        <Route path=path!("/surveys/:id/results") view=ResultsPage />
        <Route path=path!("/surveys/:id/import") view=ResponseImportPage />
        <Route path=path!("/surveys/:id/print") view=PaperFormPage />
        <Route path=path!("/respond") view=SharedRespondPage />
    }
    .into_inner()
    .into_any_nested_route()
}
