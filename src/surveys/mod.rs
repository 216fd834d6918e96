//! The Surveys section (planned; the page says so plainly).

use leptos::prelude::*;

use crate::components::not_built::NotBuilt;
use crate::i18n::Msg;

/// The Surveys page.
#[component]
pub fn SurveysPage() -> impl IntoView {
    view! { <NotBuilt title=Msg::SurveysTitle planned=Msg::SurveysPlanned testid="page-surveys" /> }
}
