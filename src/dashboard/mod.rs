//! The dashboard: the start page.

mod messages;
mod page;

pub use page::DashboardPage;
