//! Widgets shared by several pages.

pub mod download;
pub mod file;
pub mod focus;
pub mod import;
pub mod layout;
pub mod leave_guard;
pub mod lesson;
pub mod money;
pub mod nav;
pub mod new_version;
pub mod not_built;
pub mod notices;
pub mod text;
pub mod working;
