//! The customer list and the pages that work on many customers at once: search, filters,
//! bulk actions, demo data, export, import and duplicate merging.

mod bulk;
mod context;
mod data_actions;
mod duplicates;
mod export;
mod filters;
mod import;
mod messages;
mod page;
mod pager;
pub mod records;
mod row;
mod status;
mod table;
mod toolbar;
pub mod view_query;

pub use duplicates::DuplicatesPage;
pub use import::ImportPage;
pub use page::CustomerListPage;
