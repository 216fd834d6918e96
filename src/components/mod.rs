//! Widgets shared by several pages.

pub mod download;
pub mod file;
pub mod layout;
pub mod nav;
pub mod not_built;
pub mod notices;
pub mod text;
