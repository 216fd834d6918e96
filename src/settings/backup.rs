//! One-file backups: export every document as JSON, and read a backup back with
//! validation and a preview before anything is replaced.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::model::Settings;
use crate::customers::book::CustomerBook;
use crate::storage::envelope::{decode_value, encode_value, DecodeError};
use crate::storage::{
    Document, KeyValueStore, Repository, SaveError, ShardMemory, QUARANTINE_PREFIX,
};

/// Identifies files written by this app.
pub const BACKUP_APP: &str = "crm-studio";
/// The layout of the backup file itself (each document inside carries its own schema).
pub const BACKUP_FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct BackupFile {
    app: String,
    format: u32,
    exported_at: DateTime<Utc>,
    /// Stored envelopes by key, exactly as they are in storage.
    documents: BTreeMap<String, Value>,
}

/// Every document the app keeps, decoded. A backup restores all of them together.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppData {
    pub settings: Settings,
    pub customers: CustomerBook,
}

/// What a backup holds, shown to the user before restoring.
#[derive(Clone, Debug, PartialEq)]
pub struct BackupPreview {
    pub exported_at: DateTime<Utc>,
    /// (document key, number of records if it is a list)
    pub contents: Vec<(&'static str, Option<usize>)>,
    pub data: AppData,
}

/// Why a file cannot be restored. Nothing is changed in any of these cases.
#[derive(Clone, Debug, PartialEq)]
pub enum BackupError {
    NotJson {
        line: usize,
        column: usize,
    },
    NotABackup,
    NewerFormat(u32),
    /// One document inside is damaged: (document key, what is wrong).
    Document(&'static str, String),
}

/// Writes every document into one backup file. It takes the in-memory state, so a
/// backup made when storage is full still holds the changes that could not be saved.
pub fn export_backup(data: &AppData, now: DateTime<Utc>) -> String {
    let documents = BTreeMap::from([
        (Settings::KEY.to_owned(), encode_value(&data.settings, 0)),
        (
            CustomerBook::KEY.to_owned(),
            encode_value(&data.customers, 0),
        ),
    ]);
    let file = BackupFile {
        app: BACKUP_APP.into(),
        format: BACKUP_FORMAT,
        exported_at: now,
        documents,
    };
    serde_json::to_string_pretty(&file).expect("backup serialises")
}

/// Reads and validates a backup file completely, without touching storage.
pub fn read_backup(text: &str) -> Result<BackupPreview, BackupError> {
    let text = text.trim_start_matches('\u{feff}');
    let value: Value = serde_json::from_str(text).map_err(|e| BackupError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    if value.get("app").and_then(Value::as_str) != Some(BACKUP_APP) {
        return Err(BackupError::NotABackup);
    }
    if let Some(format) = value.get("format").and_then(Value::as_u64) {
        if format > BACKUP_FORMAT as u64 {
            return Err(BackupError::NewerFormat(format as u32));
        }
    }
    let file: BackupFile = serde_json::from_value(value).map_err(|_| BackupError::NotABackup)?;
    let mut documents = file.documents;
    let settings = take::<Settings>(&mut documents)?;
    let customers = take::<CustomerBook>(&mut documents)?;
    let contents = vec![
        (Settings::KEY, settings.record_count()),
        (CustomerBook::KEY, customers.record_count()),
    ];
    Ok(BackupPreview {
        exported_at: file.exported_at,
        contents,
        data: AppData {
            settings,
            customers,
        },
    })
}

/// Decodes one document of a backup strictly: a backup with unreadable records is
/// refused as a whole rather than restored in part.
fn take<D: Document>(documents: &mut BTreeMap<String, Value>) -> Result<D, BackupError> {
    let Some(value) = documents.remove(D::KEY) else {
        return Ok(D::default());
    };
    let decoded = decode_value::<D>(value).map_err(|e| document_error::<D>(&e))?;
    if !decoded.rejected.is_empty() {
        let why = format!("{} unreadable records", decoded.rejected.len());
        return Err(BackupError::Document(D::KEY, why));
    }
    Ok(decoded.doc)
}

fn document_error<D: Document>(e: &DecodeError) -> BackupError {
    BackupError::Document(D::KEY, e.to_string())
}

/// Replaces all stored documents with the backup's. All or nothing: if any write fails
/// (a full quota), every key is put back as it was.
pub fn restore<S: KeyValueStore>(repo: &Repository<S>, data: &AppData) -> Result<(), SaveError> {
    let store = repo.store();
    let documents = || {
        repo.app_keys()
            .into_iter()
            .filter(|k| !k.starts_with(QUARANTINE_PREFIX))
    };
    let before: Vec<(String, String)> = documents()
        .filter_map(|key| store.get(&key).transpose().map(|v| v.map(|v| (key, v))))
        .collect::<Result<_, _>>()?;
    let result = repo
        .replace(&data.settings)
        .and_then(|()| repo.replace_sharded(&data.customers, &mut ShardMemory::default()));
    if result.is_err() {
        for key in documents() {
            if !before.iter().any(|(k, _)| *k == key) {
                store.remove(&key)?;
            }
        }
        for (key, raw) in &before {
            store.set(key, raw)?;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::settings::model::Theme;
    use crate::storage::{MemoryStore, Persist};

    fn now() -> DateTime<Utc> {
        "2026-11-23T10:00:00Z".parse().unwrap()
    }

    fn data_with(settings: Settings) -> AppData {
        let mut customers = CustomerBook::default();
        let id = customers.take_id();
        customers
            .customers
            .push(crate::customers::domain::Customer::new(id, "王芳", now()));
        AppData {
            settings,
            customers,
        }
    }

    #[test]
    fn a_backup_round_trips_into_a_fresh_store() {
        let settings = Settings {
            lang: Some(Lang::Zh),
            theme: Theme::Dark,
        };
        let file = export_backup(&data_with(settings.clone()), now());
        let preview = read_backup(&file).unwrap();
        assert_eq!(preview.exported_at, now());
        assert_eq!(
            preview.contents,
            vec![("crm.settings", None), ("crm.customers", Some(1))]
        );

        let fresh = Repository::new(MemoryStore::new());
        restore(&fresh, &preview.data).unwrap();
        assert_eq!(fresh.load::<Settings>().doc, settings);
        let customers = <CustomerBook as Persist>::load(&fresh, &mut ShardMemory::default());
        assert_eq!(customers.doc.customers[0].name, "王芳");
    }

    #[test]
    fn damaged_files_are_refused_with_the_reason() {
        let good = export_backup(&data_with(Settings::default()), now());
        let newer = good.replace("\"format\": 1", "\"format\": 7");
        let damaged = good.replace("\"theme\": \"system\"", "\"theme\": \"purple\"");
        type Case<'a> = (&'a str, fn(&BackupError) -> bool);
        let cases: Vec<Case> = vec![
            ("", |e| matches!(e, BackupError::NotJson { .. })),
            ("{\"app\": \"crm-studio\",", |e| {
                matches!(e, BackupError::NotJson { line: 1, .. })
            }),
            ("[1, 2]", |e| *e == BackupError::NotABackup),
            ("{\"app\": \"other\", \"format\": 1}", |e| {
                *e == BackupError::NotABackup
            }),
            (&newer, |e| *e == BackupError::NewerFormat(7)),
            (&damaged, |e| {
                matches!(e, BackupError::Document("crm.settings", _))
            }),
        ];
        for (text, is_expected) in cases {
            let err = read_backup(text).unwrap_err();
            assert!(is_expected(&err), "{text:?} gave {err:?}");
        }
    }

    #[test]
    fn a_failed_restore_changes_nothing() {
        let original = Settings {
            lang: Some(Lang::En),
            theme: Theme::Light,
        };
        // A quota that fits exactly the current settings: the larger restored ones cannot fit.
        let quota = Settings::KEY.len() + crate::storage::envelope::encode(&original, 1).len();
        let repo = Repository::new(MemoryStore::with_quota(quota));
        repo.save(&original).unwrap();
        let before = repo.store().get(Settings::KEY).unwrap();
        let bigger = AppData {
            settings: Settings {
                lang: Some(Lang::Zh),
                theme: Theme::Dark,
            },
            customers: CustomerBook::default(),
        };
        assert_eq!(restore(&repo, &bigger), Err(SaveError::QuotaExceeded));
        assert_eq!(repo.store().get(Settings::KEY).unwrap(), before);
    }
}
