//! Settings: preferences, backup export/restore and erasing all data (the backup
//! logic itself is `storage::backup`, over every registered document).

mod keeping;
mod money;
mod page;

pub use page::SettingsPage;
