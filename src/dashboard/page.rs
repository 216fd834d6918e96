//! The start page: where the data lives, and a card per section.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::app_path;
use crate::components::nav::SECTIONS;
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Msg, Text};
use crate::state::with_repo;

/// What each section card says about its section.
fn planned(section: Msg) -> Option<Msg> {
    match section {
        Msg::NavCustomers => Some(Msg::CustomersPlanned),
        Msg::NavSurveys => Some(Msg::SurveysPlanned),
        Msg::NavBlueprints => Some(Msg::BlueprintsPlanned),
        Msg::NavCredit => Some(Msg::CreditPlanned),
        Msg::NavLearn => Some(Msg::LearnPlanned),
        _ => None,
    }
}

/// The dashboard page.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let lang = use_lang();
    // Read once per visit: storage use changes only through other pages.
    let used_kb = with_repo(|repo| repo.used_units()) * 2 / 1024;
    let used = move || {
        fill(
            Msg::DashboardStorageUsed.in_lang(lang.get()),
            &[&used_kb.to_string()],
        )
    };
    view! {
        <section class="page" data-testid="page-dashboard">
            <h1>{tr(Msg::DashboardTitle)}</h1>
            <p class="lead">{tr(Msg::DashboardIntro)}</p>
            <div class="card">
                <h2>{tr(Msg::DashboardStorageHeading)}</h2>
                <p>{tr(Msg::DashboardStorageBody)}</p>
                <p class="muted" data-testid="storage-used">{used}</p>
            </div>
            <h2>{tr(Msg::DashboardSections)}</h2>
            <ul class="card-grid">
                {SECTIONS
                    .into_iter()
                    .filter_map(|(href, label, _)| planned(label).map(|p| (href, label, p)))
                    .map(|(href, label, planned)| {
                        view! {
                            <li class="card">
                                <h3><A href=app_path(href)>{tr(label)}</A></h3>
                                <p>{tr(planned)}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
