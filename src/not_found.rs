//! The page shown for an address that matches no section.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::app_path;
use crate::components::text::tr;
use crate::i18n::Msg;

/// "Page not found", with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="page-not-found">
            <h1>{tr(Msg::NotFoundTitle)}</h1>
            <p>{tr(Msg::NotFoundBody)}</p>
            <p><A href=app_path("/")>{tr(Msg::BackToDashboard)}</A></p>
        </section>
    }
}
