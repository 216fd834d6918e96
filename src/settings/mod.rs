//! Settings: preferences, backup export/restore and erasing all data.

pub mod backup;
pub mod model;
mod page;

pub use page::SettingsPage;
