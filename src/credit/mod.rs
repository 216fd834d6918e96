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
