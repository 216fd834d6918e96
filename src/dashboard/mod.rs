//! The dashboard: the start page.

mod page;

pub use page::DashboardPage;
