//! The Surveys section (planned; the page says so plainly).

pub mod domain;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::path;

use crate::components::not_built::NotBuilt;
use crate::i18n::Msg;

/// The Surveys page.
#[component]
pub fn SurveysPage() -> impl IntoView {
    view! { <NotBuilt title=Msg::SurveysTitle planned=Msg::SurveysPlanned testid="page-surveys" /> }
}

/// The section's addresses.
#[component(transparent)]
pub fn SurveyRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! { <Route path=path!("/surveys") view=SurveysPage /> }.into_inner()
}
