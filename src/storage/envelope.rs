//! Versioned records. What is stored is never the domain type itself but an envelope
//! `{"schema": n, "rev": r, "data": …}`: `schema` says which shape `data` has and is
//! upgraded by ordered migrations; `rev` counts saves so a stale tab can be caught.

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Upgrades `data` from one schema to the next, or says why it cannot.
pub type Migration = fn(Value) -> Result<Value, String>;

/// A value the app persists under one key.
pub trait Document: Serialize + DeserializeOwned + Default + Clone {
    /// The storage key (starts with `crm.`).
    const KEY: &'static str;
    /// The schema version this build writes. Starts at 1 and only grows.
    const SCHEMA: u32;
    /// `MIGRATIONS[i]` upgrades data of schema `i + 1` to schema `i + 2`,
    /// so there are exactly `SCHEMA - 1` of them, in order.
    const MIGRATIONS: &'static [Migration];

    /// Decodes data of the current schema. Collections override this to keep every
    /// record they can read and hand back the unreadable ones (to be quarantined),
    /// so one bad record never costs the user the rest.
    fn from_data(data: Value) -> Result<(Self, Vec<Value>), String> {
        serde_json::from_value(data)
            .map(|doc| (doc, Vec::new()))
            .map_err(|e| e.to_string())
    }

    /// How many records the document holds, for previews; `None` if it is not a list.
    fn record_count(&self) -> Option<usize> {
        None
    }
}

/// What is stored under a key (also used by [`super::sharded`] for shards).
#[derive(Serialize, Deserialize)]
pub(super) struct Envelope<T> {
    pub(super) schema: u32,
    pub(super) rev: u64,
    pub(super) data: T,
}

/// Only the header of an envelope: reading it skips over `data` without building it.
#[derive(Deserialize)]
struct Header {
    rev: u64,
    #[allow(dead_code)]
    data: IgnoredAny,
}

/// Why a stored or imported value could not be turned into a document.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    NotJson {
        line: usize,
        column: usize,
    },
    NotAnEnvelope(String),
    /// Written by a newer build of the app; never downgrade it.
    FromTheFuture {
        schema: u32,
    },
    Migration {
        from_schema: u32,
        reason: String,
    },
    BadData(String),
}

impl DecodeError {
    /// True when the value is not damaged but written by a newer build of the app: a
    /// schema above this build's, or a record format it does not know.
    pub fn is_from_a_newer_build(&self) -> bool {
        match self {
            DecodeError::FromTheFuture { .. } => true,
            DecodeError::NotAnEnvelope(why) => why.starts_with(UNKNOWN_FORMAT),
            _ => false,
        }
    }
}

/// How a [`DecodeError::NotAnEnvelope`] for a record format this build does not know
/// begins (a newer build may add formats; see [`DecodeError::is_from_a_newer_build`]).
pub const UNKNOWN_FORMAT: &str = "unknown record format";

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotJson { line, column } => {
                write!(f, "not JSON (line {line}, column {column})")
            }
            DecodeError::NotAnEnvelope(why) => write!(f, "not a versioned record: {why}"),
            DecodeError::FromTheFuture { schema } => {
                write!(f, "schema {schema} is newer than this app")
            }
            DecodeError::Migration {
                from_schema,
                reason,
            } => {
                write!(f, "cannot upgrade from schema {from_schema}: {reason}")
            }
            DecodeError::BadData(why) => write!(f, "{why}"),
        }
    }
}

/// A decoded document with its revision and any records that had to be left out.
#[derive(Debug)]
pub struct Decoded<D> {
    pub doc: D,
    pub rev: u64,
    pub rejected: Vec<Value>,
}

/// Serialises a document at the current schema.
pub fn encode<D: Document>(doc: &D, rev: u64) -> String {
    // Serialising plain data to a string cannot fail.
    serde_json::to_string(&Envelope {
        schema: D::SCHEMA,
        rev,
        data: doc,
    })
    .expect("documents serialise to JSON")
}

/// The envelope as a JSON value (for files that hold several documents, like backups).
///
/// Made from [`encode`]'s text rather than with `serde_json::to_value`: every document
/// type then has one serialiser in the wasm instead of two (tens of KB per section);
/// parsing into a `Value` is shared by all of them.
pub fn encode_value<D: Document>(doc: &D, rev: u64) -> Value {
    serde_json::from_str(&encode(doc, rev)).expect("encoded documents are JSON")
}

/// Reads a stored string, upgrading it to the current schema.
pub fn decode<D: Document>(raw: &str) -> Result<Decoded<D>, DecodeError> {
    let value: Value = serde_json::from_str(raw).map_err(|e| DecodeError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    decode_value(value)
}

/// Like [`decode`], for an envelope that is already parsed (e.g. inside a backup file).
pub fn decode_value<D: Document>(value: Value) -> Result<Decoded<D>, DecodeError> {
    let envelope: Envelope<Value> =
        serde_json::from_value(value).map_err(|e| DecodeError::NotAnEnvelope(e.to_string()))?;
    let data = migrate(envelope.schema, envelope.data, D::SCHEMA, D::MIGRATIONS)?;
    let (doc, rejected) = D::from_data(data).map_err(DecodeError::BadData)?;
    Ok(Decoded {
        doc,
        rev: envelope.rev,
        rejected,
    })
}

/// The revision of a stored envelope, without decoding its data; `None` if unreadable.
pub fn peek_rev(raw: &str) -> Option<u64> {
    serde_json::from_str::<Header>(raw).ok().map(|h| h.rev)
}

/// Runs the migrations from `schema` up to `current`, in order.
pub fn migrate(
    schema: u32,
    mut data: Value,
    current: u32,
    migrations: &[Migration],
) -> Result<Value, DecodeError> {
    if schema > current {
        return Err(DecodeError::FromTheFuture { schema });
    }
    if schema == 0 {
        return Err(DecodeError::NotAnEnvelope("schema 0 does not exist".into()));
    }
    for from in schema..current {
        let step = migrations
            .get(from as usize - 1)
            .ok_or_else(|| DecodeError::Migration {
                from_schema: from,
                reason: "no migration is registered".into(),
            })?;
        data = step(data).map_err(|reason| DecodeError::Migration {
            from_schema: from,
            reason,
        })?;
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A document whose history has two migrations, to exercise the mechanism:
    /// v1 `{"name": "Ann Lee"}` → v2 splits the name → v3 adds a default `tags` list.
    #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
    struct Contact {
        first: String,
        last: String,
        tags: Vec<String>,
    }

    fn split_name(mut v: Value) -> Result<Value, String> {
        let name = v
            .get("name")
            .and_then(Value::as_str)
            .ok_or("missing name")?
            .to_owned();
        let (first, last) = name.split_once(' ').unwrap_or((name.as_str(), ""));
        v = json!({ "first": first, "last": last });
        Ok(v)
    }

    fn add_tags(mut v: Value) -> Result<Value, String> {
        v.as_object_mut()
            .ok_or("not an object")?
            .insert("tags".into(), json!([]));
        Ok(v)
    }

    impl Document for Contact {
        const KEY: &'static str = "crm.test.contact";
        const SCHEMA: u32 = 3;
        const MIGRATIONS: &'static [Migration] = &[split_name, add_tags];
    }

    fn contact(first: &str, last: &str) -> Contact {
        Contact {
            first: first.into(),
            last: last.into(),
            tags: vec![],
        }
    }

    #[test]
    fn migration_1_to_2_splits_the_name() {
        assert_eq!(
            split_name(json!({"name": "Ann Lee"})),
            Ok(json!({"first": "Ann", "last": "Lee"}))
        );
        assert_eq!(
            split_name(json!({"name": "王芳"})),
            Ok(json!({"first": "王芳", "last": ""}))
        );
        assert!(split_name(json!({})).is_err());
    }

    #[test]
    fn migration_2_to_3_adds_empty_tags() {
        assert_eq!(
            add_tags(json!({"first": "A"})),
            Ok(json!({"first": "A", "tags": []}))
        );
    }

    #[test]
    fn decode_runs_every_migration_in_order() {
        let cases = [
            (
                r#"{"schema":1,"rev":4,"data":{"name":"Ann Lee"}}"#,
                contact("Ann", "Lee"),
            ),
            (
                r#"{"schema":2,"rev":4,"data":{"first":"Bo","last":"Li"}}"#,
                contact("Bo", "Li"),
            ),
            (
                r#"{"schema":3,"rev":4,"data":{"first":"C","last":"D","tags":[]}}"#,
                contact("C", "D"),
            ),
        ];
        for (raw, expected) in cases {
            let decoded = decode::<Contact>(raw).unwrap();
            assert_eq!((decoded.doc, decoded.rev), (expected, 4), "{raw}");
        }
    }

    #[test]
    fn decode_reports_each_kind_of_damage() {
        type Case = (&'static str, fn(&DecodeError) -> bool);
        let cases: &[Case] = &[
            ("{not json", |e| {
                matches!(e, DecodeError::NotJson { line: 1, .. })
            }),
            (r#"{"data":1}"#, |e| {
                matches!(e, DecodeError::NotAnEnvelope(_))
            }),
            (r#"{"schema":9,"rev":1,"data":{}}"#, |e| {
                *e == DecodeError::FromTheFuture { schema: 9 }
            }),
            (r#"{"schema":1,"rev":1,"data":{}}"#, |e| {
                matches!(e, DecodeError::Migration { from_schema: 1, .. })
            }),
            (r#"{"schema":3,"rev":1,"data":{"first":1}}"#, |e| {
                matches!(e, DecodeError::BadData(_))
            }),
        ];
        for (raw, is_expected) in cases {
            let err = decode::<Contact>(raw).unwrap_err();
            assert!(is_expected(&err), "{raw}: {err:?}");
        }
    }

    #[test]
    fn encode_then_decode_is_identity_and_peek_reads_the_revision() {
        let doc = Contact {
            first: "王".into(),
            last: "芳".into(),
            tags: vec!["vip".into()],
        };
        let raw = encode(&doc, 7);
        assert_eq!(peek_rev(&raw), Some(7));
        let back = decode::<Contact>(&raw).unwrap();
        assert_eq!((back.doc, back.rev), (doc, 7));
        assert_eq!(peek_rev("garbage"), None);
    }
}
