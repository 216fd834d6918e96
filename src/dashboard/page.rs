//! The start page: where the data lives, and a card per section.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Msg, Text};
use crate::paths::app_path;
use crate::sections::SECTIONS;
use crate::state::with_repo;

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
                    .filter_map(|s| s.summary.map(|summary| (s, summary)))
                    .map(|(section, summary)| {
                        view! {
                            <li class="card">
                                <h3><A href=app_path(section.path)>{tr(section.label)}</A></h3>
                                <p>{tr(summary)}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
