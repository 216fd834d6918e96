//! The user's preferences, stored as one versioned document.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::money::{Conversion, Currency, Rate};
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
    /// The currency figures over several purchases are given in; `None` until the user
    /// chooses, meaning the one suggested from the browser's locale or the language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_currency: Option<Currency>,
    /// Exchange rates into the home currency the user entered, with their dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<Rate>,
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
            home_currency: None,
            rates: Vec::new(),
        }
    }
}

impl Settings {
    /// The home currency: the user's choice, else `suggested`.
    pub fn home_currency(&self, suggested: Currency) -> Currency {
        self.home_currency.unwrap_or(suggested)
    }

    /// The rule that makes amounts in several currencies one figure.
    pub fn conversion(&self, suggested: Currency) -> Conversion {
        Conversion::new(self.home_currency(suggested), &self.rates)
    }
}

impl Document for Settings {
    const KEY: &'static str = "crm.settings";
    const SCHEMA: u32 = 1;
    const MIGRATIONS: &'static [Migration] = &[];
}

crate::persist_whole_document!(Settings);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_saved_before_currencies_read_with_none_chosen() {
        let old: Settings = serde_json::from_str(r#"{"lang":"en","theme":"dark"}"#).unwrap();
        assert_eq!(old.home_currency, None);
        assert_eq!(old.home_currency(Currency::GBP), Currency::GBP);
        let chosen: Settings = serde_json::from_str(
            r#"{"home_currency":"CNY","rates":[{"currency":"GBP","micros":9100000,"date":"2026-11-30"}]}"#,
        )
        .unwrap();
        assert_eq!(chosen.home_currency(Currency::GBP), Currency::CNY);
        assert_eq!(
            chosen
                .conversion(Currency::GBP)
                .total([(12_000, "GBP")])
                .cents,
            109_200
        );
        let again: Settings =
            serde_json::from_str(&serde_json::to_string(&chosen).unwrap()).unwrap();
        assert_eq!(again, chosen);
        assert!(serde_json::from_str::<Settings>(r#"{"home_currency":"C1"}"#).is_err());
    }
}
