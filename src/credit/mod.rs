//! Credit (客户信用管理): the pure domain (5 Cs, Altman Z, terms, limits, the receivables
//! ledger, aging and metrics), the stored credit book, and the pages: the overview, a
//! customer's credit file (also the printable credit memo) and the aging.

mod aging_page;
pub mod book;
mod card;
pub mod domain;
mod file_page;
mod import_page;
mod ledger_forms;
mod messages;
mod overview;
mod routes;
pub mod state;
mod view;

pub use routes::CreditRoutes;

use leptos::prelude::*;

use crate::state::AppState;

/// Provides the credit section's state and adds its card and its timeline entries to the
/// customer pages.
pub fn provide(app: AppState) -> state::CreditState {
    let state = state::CreditState::provide(app);
    app.add_customer_panel(|id| view! { <card::CreditCard customer_id=id /> }.into_any());
    app.add_timeline_source(card::timeline_entries);
    state
}
