//! The root component: app state, the router with every section's URL, and the page shell.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::blueprints::BlueprintsPage;
use crate::components::layout::Shell;
use crate::components::leave_guard::provide_leave_guard;
use crate::components::text::use_lang;
use crate::credit::CreditPage;
use crate::customers::{
    CustomerListPage, CustomerPage, DuplicatesPage, EditCustomerPage, ImportPage, NewCustomerPage,
};
use crate::dashboard::DashboardPage;
use crate::i18n::{fill, Msg, Text};
use crate::learn::LearnPage;
use crate::not_found::NotFoundPage;
use crate::settings::SettingsPage;
use crate::state::{use_app_state, AppState, Loading};
use crate::surveys::SurveysPage;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    // Before the router: its `popstate` listener must come after the leave guard's.
    provide_leave_guard();
    // Keep <html lang> and the colour scheme in step with the settings.
    Effect::new(move |_| {
        let root = document().document_element().expect("an <html> element");
        let _ = root.set_attribute("lang", state.lang.get().tag());
        let _ = root.set_attribute("data-theme", state.settings.with(|s| s.theme.key()));
    });

    view! {
        <Router base=base_path()>
            <Shell>
                // Every page may read or change the customers: pages wait until the
                // book is whole (at most a moment, see `AppState::loading`).
                <Show when=move || state.loading.with(Option::is_none) fallback=LoadingCustomers>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=DashboardPage />
                    <Route path=path!("/customers") view=CustomerListPage />
                    <Route path=path!("/customers/import") view=ImportPage />
                    <Route path=path!("/customers/duplicates") view=DuplicatesPage />
                    <Route path=path!("/customers/new") view=NewCustomerPage />
                    <Route path=path!("/customers/:id") view=CustomerPage />
                    <Route path=path!("/customers/:id/edit") view=EditCustomerPage />
                    <Route path=path!("/surveys") view=SurveysPage />
                    <Route path=path!("/blueprints") view=BlueprintsPage />
                    <Route path=path!("/credit") view=CreditPage />
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

thread_local! {
    static BASE_PATH: String = {
        let base_uri = document().base_uri().ok().flatten().unwrap_or_default();
        let path = web_sys::Url::new(&base_uri).map(|u| u.pathname()).unwrap_or_default();
        path.trim_end_matches('/').to_owned()
    };
}

/// The sub-path the site is served from, read from `<base href>` (which Trunk fills in
/// from `--public-url`), without a trailing slash: "" at the root, "/crm" under /crm/.
fn base_path() -> String {
    BASE_PATH.with(Clone::clone)
}

/// An in-app address for links and navigation: `app_path("/customers")` is
/// "/customers" at the site root and "/crm/customers" under /crm/. The router matches
/// below its base, but `<A>` and `navigate` take absolute paths as they are, so every
/// absolute in-app path goes through here.
pub fn app_path(path: &str) -> String {
    format!("{}{path}", base_path())
}
