//! The root component: app state, the router with every section's URL, and the page shell.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::blueprints::state::BlueprintsState;
use crate::blueprints::BlueprintRoutes;
use crate::components::layout::Shell;
use crate::components::leave_guard::provide_leave_guard;
use crate::components::text::use_lang;
use crate::credit::CreditRoutes;
use crate::customers::state::CustomersState;
use crate::customers::CustomerRoutes;
use crate::dashboard::DashboardPage;
use crate::i18n::{fill, Msg, Text};
use crate::learn::LearnPage;
use crate::not_found::NotFoundPage;
use crate::paths;
use crate::settings::SettingsPage;
use crate::state::{use_app_state, AppState, Loading};
use crate::surveys::SurveyRoutes;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    if let Ok(Some(base_uri)) = document().base_uri() {
        paths::set_base_from_uri(&base_uri);
    }
    let state = AppState::provide();
    CustomersState::provide(state);
    crate::credit::provide(state);
    crate::surveys::provide(state);
    BlueprintsState::provide(state);
    // Before the router: its `popstate` listener must come after the leave guard's.
    provide_leave_guard();
    // Keep <html lang> and the colour scheme in step with the settings.
    Effect::new(move |_| {
        let root = document().document_element().expect("an <html> element");
        let _ = root.set_attribute("lang", state.lang.get().tag());
        let _ = root.set_attribute("data-theme", state.settings.with(|s| s.theme.key()));
    });

    view! {
        <Router base=paths::base()>
            <Shell>
                // Every page may read or change the customers: pages wait until the
                // book is whole (at most a moment, see `AppState::loading`).
                <Show when=move || state.loading.with(Option::is_none) fallback=LoadingCustomers>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=DashboardPage />
                    <CustomerRoutes />
                    <SurveyRoutes />
                    <BlueprintRoutes />
                    <CreditRoutes />
                    <Route path=path!("/learn") view=LearnPage />
                    <Route path=path!("/settings") view=SettingsPage />
                </Routes>
                </Show>
            </Shell>
        </Router>
    }
}

/// Shown in place of the page while the customers are read at start-up.
#[component]
fn LoadingCustomers() -> impl IntoView {
    let state = use_app_state();
    let lang = use_lang();
    let progress = move || match state.loading.get() {
        Some(Loading::Reading { read, all }) => (Msg::LoadingCustomers, read, all),
        Some(Loading::Preparing { done, all }) => (Msg::PreparingCustomers, done, all),
        None => (Msg::LoadingCustomers, 0, 0),
    };
    let label = move || {
        let (msg, done, all) = progress();
        fill(
            msg.in_lang(lang.get()),
            &[&done.to_string(), &all.to_string()],
        )
    };
    view! {
        <div class="loading-customers" role="status" data-testid="loading-customers">
            <p>{label}</p>
            <progress max=move || progress().2.max(1) value=move || progress().1></progress>
        </div>
    }
}
