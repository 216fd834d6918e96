//! The page shown for an address that matches no section.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::text::tr;
use crate::i18n::Msg;
use crate::paths;

/// "Page not found", with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="page-not-found">
            <h1>{tr(Msg::NotFoundTitle)}</h1>
            <p>{tr(Msg::NotFoundBody)}</p>
            <p><A href=paths::app_path(paths::DASHBOARD)>{tr(Msg::BackToDashboard)}</A></p>
        </section>
    }
}
