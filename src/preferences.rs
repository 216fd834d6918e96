//! The user's preferences, stored as one versioned document.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::storage::{Document, Migration};

/// Which colour scheme to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The value of `data-theme` on `<html>`; the stylesheet keys its colours on it.
    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Preferences. `lang: None` means "follow the browser".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub lang: Option<Lang>,
    #[serde(default)]
    pub theme: Theme,
}

impl Document for Settings {
    const KEY: &'static str = "crm.settings";
    const SCHEMA: u32 = 1;
    const MIGRATIONS: &'static [Migration] = &[];
}

crate::persist_whole_document!(Settings);
