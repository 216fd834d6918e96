//! The user's preferences, stored as one versioned document.

use chrono::NaiveDate;
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub lang: Option<Lang>,
    #[serde(default)]
    pub theme: Theme,
    /// Remind the user to export a backup after this many days with changes and no
    /// backup (`None`: never). See `storage::activity::backup_due`.
    #[serde(default = "default_backup_every_days")]
    pub backup_every_days: Option<u32>,
    /// The day a backup was last exported from this browser.
    #[serde(default)]
    pub last_backup: Option<NaiveDate>,
}

/// A week: often enough that little is lost, seldom enough not to nag.
pub const DEFAULT_BACKUP_EVERY_DAYS: u32 = 7;

/// The choices the settings page offers for the reminder (days).
pub const BACKUP_REMINDER_CHOICES: [u32; 4] = [3, 7, 14, 30];

fn default_backup_every_days() -> Option<u32> {
    Some(DEFAULT_BACKUP_EVERY_DAYS)
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: None,
            theme: Theme::default(),
            backup_every_days: default_backup_every_days(),
            last_backup: None,
        }
    }
}

impl Document for Settings {
    const KEY: &'static str = "crm.settings";
    const SCHEMA: u32 = 1;
    const MIGRATIONS: &'static [Migration] = &[];
}

crate::persist_whole_document!(Settings);
