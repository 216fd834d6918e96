//! Surveys (顾客满意与顾客让渡价值): the pure domain (model, checks, templates, scores with
//! their intervals, share links and response codes), the stored survey book, and the
//! pages: the list, the builder, the kiosk, a share link's page and the results; plus the
//! customer card, the dashboard figures and the Learn cards.

pub mod book;
mod builder;
mod card;
mod chart;
mod chart_download;
mod customer_picker;
pub mod dashboard;
pub mod domain;
mod form;
mod import_page;
mod kiosk;
pub mod learn;
mod list_page;
mod messages;
mod paper;
mod personal_link;
mod qr;
mod results;
mod results_compare;
mod results_filter;
mod results_messages;
mod routes;
mod shared_page;
pub mod state;
mod view;

pub use routes::SurveyRoutes;

use leptos::prelude::*;

use crate::state::AppState;

/// Provides the Surveys section's state and adds its card to the customer pages.
pub fn provide(app: AppState) -> state::SurveysState {
    let state = state::SurveysState::provide(app);
    app.add_customer_panel(|id| view! { <card::SurveyCard customer_id=id /> }.into_any());
    state
}
