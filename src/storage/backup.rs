//! One-file backups: export every document as JSON, and read a backup back with
//! validation and a preview before anything is replaced.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::envelope::{decode_value, encode_value, DecodeError};
use super::{Document, KeyValueStore, Persist, Repository, SaveError, QUARANTINE_PREFIX};

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

/// How a backup reads and restores one kind of document. Every document the app
/// registers (see `state::AppState::register`) has one, so a section's data is in the
/// backup by being registered.
pub struct BackupKind<S> {
    pub key: &'static str,
    /// Decodes a backup's copy strictly (`None`: the backup has none, which restores
    /// the empty document); gives its record count.
    check: fn(Option<Value>) -> Result<Option<usize>, String>,
    /// Writes a backup's copy over what is stored.
    write: fn(&Repository<S>, Option<Value>) -> Result<(), SaveError>,
}

impl<S> Clone for BackupKind<S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S> Copy for BackupKind<S> {}

impl<S: KeyValueStore> BackupKind<S> {
    pub fn of<D: Document + Persist>() -> Self {
        BackupKind {
            key: D::KEY,
            check: |value| Ok(strict::<D>(value)?.record_count()),
            write: |repo, value| {
                // Checked when the backup was read: it decodes.
                let doc = strict::<D>(value).unwrap_or_default();
                doc.replace(repo)
            },
        }
    }
}

/// A backup's copy of a document, decoded strictly: a backup with unreadable records
/// is refused as a whole rather than restored in part.
fn strict<D: Document>(value: Option<Value>) -> Result<D, String> {
    let Some(value) = value else {
        return Ok(D::default());
    };
    let decoded = decode_value::<D>(value).map_err(|e: DecodeError| e.to_string())?;
    if !decoded.rejected.is_empty() {
        return Err(format!("{} unreadable records", decoded.rejected.len()));
    }
    Ok(decoded.doc)
}

/// What a backup holds, shown to the user before restoring.
#[derive(Clone, Debug, PartialEq)]
pub struct BackupPreview {
    pub exported_at: DateTime<Utc>,
    /// (document key, number of records if it is a list), in registration order.
    pub contents: Vec<(&'static str, Option<usize>)>,
    /// The backup's copy of each registered document, checked.
    documents: Vec<(&'static str, Option<Value>)>,
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

/// Writes documents into one backup file: `(key, envelope)` as
/// [`encode_value`] makes them. It is given the in-memory state, so a backup made when
/// storage is full still holds the changes that could not be saved.
pub fn export_backup(documents: Vec<(&'static str, Value)>, now: DateTime<Utc>) -> String {
    let file = BackupFile {
        app: BACKUP_APP.into(),
        format: BACKUP_FORMAT,
        exported_at: now,
        documents: documents
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect(),
    };
    serde_json::to_string_pretty(&file).expect("backup serialises")
}

/// A document's envelope for [`export_backup`].
pub fn backup_entry<D: Document>(doc: &D) -> (&'static str, Value) {
    (D::KEY, encode_value(doc, 0))
}

/// Reads and validates a backup file completely, without touching storage. Documents
/// of kinds not in `kinds` (from a newer build) are left out.
pub fn read_backup<S>(text: &str, kinds: &[BackupKind<S>]) -> Result<BackupPreview, BackupError> {
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
    let mut stored = file.documents;
    let mut contents = Vec::new();
    let mut documents = Vec::new();
    for kind in kinds {
        let value = stored.remove(kind.key);
        let count =
            (kind.check)(value.clone()).map_err(|why| BackupError::Document(kind.key, why))?;
        contents.push((kind.key, count));
        documents.push((kind.key, value));
    }
    Ok(BackupPreview {
        exported_at: file.exported_at,
        contents,
        documents,
    })
}

/// Replaces all stored documents with the backup's. All or nothing: if any write fails
/// (a full quota), every key is put back as it was.
pub fn restore<S: KeyValueStore>(
    repo: &Repository<S>,
    kinds: &[BackupKind<S>],
    preview: &BackupPreview,
) -> Result<(), SaveError> {
    let store = repo.store();
    let documents = || {
        repo.app_keys()
            .into_iter()
            .filter(|k| !k.starts_with(QUARANTINE_PREFIX))
    };
    let before: Vec<(String, String)> = documents()
        .filter_map(|key| store.get(&key).transpose().map(|v| v.map(|v| (key, v))))
        .collect::<Result<_, _>>()?;
    let result = preview.documents.iter().try_for_each(|(key, value)| {
        let kind = kinds.iter().find(|k| k.key == *key);
        kind.map_or(Ok(()), |kind| (kind.write)(repo, value.clone()))
    });
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
    use crate::customers::book::CustomerBook;
    use crate::i18n::Lang;
    use crate::preferences::{Settings, Theme};
    use crate::storage::{MemoryStore, ShardMemory};

    /// The app's documents, as the app state registers them.
    fn kinds() -> Vec<BackupKind<MemoryStore>> {
        vec![
            BackupKind::of::<Settings>(),
            BackupKind::of::<CustomerBook>(),
        ]
    }

    struct AppData {
        settings: Settings,
        customers: CustomerBook,
    }

    impl AppData {
        fn entries(&self) -> Vec<(&'static str, Value)> {
            vec![backup_entry(&self.settings), backup_entry(&self.customers)]
        }
    }

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
            ..Settings::default()
        };
        let file = export_backup(data_with(settings.clone()).entries(), now());
        let preview = read_backup(&file, &kinds()).unwrap();
        assert_eq!(preview.exported_at, now());
        assert_eq!(
            preview.contents,
            vec![("crm.settings", None), ("crm.customers", Some(1))]
        );

        let fresh = Repository::new(MemoryStore::new());
        restore(&fresh, &kinds(), &preview).unwrap();
        assert_eq!(fresh.load::<Settings>().doc, settings);
        let customers = <CustomerBook as Persist>::load(&fresh, &mut ShardMemory::default());
        assert_eq!(customers.doc.customers[0].name, "王芳");
    }

    #[test]
    fn damaged_files_are_refused_with_the_reason() {
        let good = export_backup(data_with(Settings::default()).entries(), now());
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
            let err = read_backup(text, &kinds()).unwrap_err();
            assert!(is_expected(&err), "{text:?} gave {err:?}");
        }
    }

    #[test]
    fn a_failed_restore_changes_nothing() {
        let original = Settings {
            lang: Some(Lang::En),
            theme: Theme::Light,
            ..Settings::default()
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
                ..Settings::default()
            },
            customers: CustomerBook::default(),
        };
        let preview = read_backup(&export_backup(bigger.entries(), now()), &kinds()).unwrap();
        assert_eq!(
            restore(&repo, &kinds(), &preview),
            Err(SaveError::QuotaExceeded)
        );
        assert_eq!(repo.store().get(Settings::KEY).unwrap(), before);
    }

    #[test]
    fn every_registered_kind_is_restored_and_unknown_documents_are_left_out() {
        // A backup from a build with only the settings, read by one with customers too,
        // plus a document of a section this build does not know.
        let settings = Settings {
            lang: Some(Lang::Zh),
            theme: Theme::Light,
            ..Settings::default()
        };
        let mut entries = vec![backup_entry(&settings)];
        entries.push(("crm.future-section", serde_json::json!({"x": 1})));
        let preview = read_backup(&export_backup(entries, now()), &kinds()).unwrap();
        assert_eq!(
            preview.contents,
            vec![("crm.settings", None), ("crm.customers", Some(0))]
        );

        let repo = Repository::new(MemoryStore::new());
        let stored = data_with(Settings::default());
        repo.save(&stored.settings).unwrap();
        repo.replace_sharded(&stored.customers, &mut ShardMemory::default())
            .unwrap();
        restore(&repo, &kinds(), &preview).unwrap();
        assert_eq!(repo.load::<Settings>().doc, settings);
        let customers = <CustomerBook as Persist>::load(&repo, &mut ShardMemory::default());
        assert!(customers.doc.customers.is_empty(), "the backup had none");
        assert!(repo.store().get("crm.future-section").unwrap().is_none());
    }
}
