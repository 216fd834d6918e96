//! Reading customers from JSON quickly: start-up parses every stored customer, so the
//! hot spots of that parse get a faster path that accepts exactly the same text.
//!
//! - Dates: chrono's `FromStr` runs a general format interpreter. The shapes this app
//!   writes (`2025-03-01`, `2025-03-01T10:00:00Z`, with or without a fraction) are read
//!   by hand; anything else falls back to chrono, so nothing that read before is refused.
//! - Interaction kinds: serde's internally tagged enums buffer every object before
//!   deciding the variant. [`InteractionKind`] is read instead through [`WireKind`], a
//!   plain struct serde reads in one pass, then checked for the variant's fields.
//!
//! JSON is written in chrono's and serde's own formats, so exports and backups read as
//! before.
//!
//! Stored shards use a binary form instead (postcard, see `crate::storage::sharded`),
//! which serde tells apart by `is_human_readable()`: there dates are whole numbers (days,
//! or seconds and nanoseconds) and an interaction kind is its variant's position
//! followed by its fields, the plain derive on [`InteractionKind`].

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use serde::de::{Deserializer, Error};
use serde::{Deserialize, Serialize, Serializer};

use super::model::{ComplaintCategory, ComplaintStatus, InteractionKind, Severity};

/// `YYYY-MM-DD` read by hand; `None` for any other shape.
fn fast_date(text: &[u8]) -> Option<NaiveDate> {
    if text.len() != 10 || text[4] != b'-' || text[7] != b'-' {
        return None;
    }
    let year = digits(&text[0..4])?;
    let month = digits(&text[5..7])?;
    let day = digits(&text[8..10])?;
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+00:00)` read by hand; `None` for any other shape
/// (other offsets, leap seconds, lowercase `t`), which chrono then reads.
fn fast_datetime(text: &[u8]) -> Option<DateTime<Utc>> {
    if text.len() < 20 || text[10] != b'T' || text[13] != b':' || text[16] != b':' {
        return None;
    }
    let date = fast_date(&text[..10])?;
    let (hour, minute, second) = (
        digits(&text[11..13])?,
        digits(&text[14..16])?,
        digits(&text[17..19])?,
    );
    let mut rest = &text[19..];
    let mut nanos = 0;
    if let Some(fraction) = rest.strip_prefix(b".") {
        let len = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 || len > 9 {
            return None;
        }
        nanos = digits(&fraction[..len])? * 10u32.pow(9 - len as u32);
        rest = &fraction[len..];
    }
    if rest != b"Z" && rest != b"+00:00" {
        return None;
    }
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    Some(date.and_time(time).and_utc())
}

/// The value of a run of ASCII digits (at most 9, so it fits).
fn digits(text: &[u8]) -> Option<u32> {
    text.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// A borrowed string when the JSON allows it (no escapes), an owned one otherwise.
#[derive(Deserialize)]
#[serde(transparent)]
struct Text<'a>(#[serde(borrow)] std::borrow::Cow<'a, str>);

/// `#[serde(with)]` for a `NaiveDate`: chrono's text in JSON, days since 1 January of
/// year 1 in the binary form.
pub mod date {
    use super::*;

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            date.serialize(serializer)
        } else {
            serializer.serialize_i32(date.num_days_from_ce())
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        if !deserializer.is_human_readable() {
            let days = i32::deserialize(deserializer)?;
            return NaiveDate::from_num_days_from_ce_opt(days)
                .ok_or_else(|| D::Error::custom(format!("day {days} is out of range")));
        }
        let text = Text::deserialize(deserializer)?.0;
        match fast_date(text.as_bytes()) {
            Some(date) => Ok(date),
            None => text.parse().map_err(D::Error::custom),
        }
    }
}

/// `#[serde(with)]` for an `Option<NaiveDate>` (with `#[serde(default)]` in JSON).
pub mod optional_date {
    use super::*;

    #[derive(Serialize, Deserialize)]
    struct Wrapped(#[serde(with = "super::date")] NaiveDate);

    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        date.map(Wrapped).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(d)| d))
    }
}

/// `#[serde(with)]` for a `DateTime<Utc>`: chrono's RFC 3339 text in JSON, seconds and
/// nanoseconds since 1970 in the binary form.
pub mod datetime {
    use super::*;

    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            at.serialize(serializer)
        } else {
            (at.timestamp(), at.timestamp_subsec_nanos()).serialize(serializer)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DateTime<Utc>, D::Error> {
        if !deserializer.is_human_readable() {
            let (seconds, nanos) = <(i64, u32)>::deserialize(deserializer)?;
            return DateTime::from_timestamp(seconds, nanos).ok_or_else(|| {
                D::Error::custom(format!("time {seconds}.{nanos} is out of range"))
            });
        }
        let text = Text::deserialize(deserializer)?.0;
        match fast_datetime(text.as_bytes()) {
            Some(at) => Ok(at),
            None => text.parse().map_err(D::Error::custom),
        }
    }
}

/// The variant names, as the `type` tag writes them.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum KindTag {
    Note,
    Call,
    Meeting,
    Email,
    Purchase,
    Complaint,
    ServiceRecovery,
}

/// Every field any variant has, read in one pass whatever their order.
#[derive(Deserialize)]
struct WireKind {
    #[serde(rename = "type")]
    tag: KindTag,
    amount_cents: Option<i64>,
    currency: Option<String>,
    items: Option<String>,
    category: Option<ComplaintCategory>,
    severity: Option<Severity>,
    status: Option<ComplaintStatus>,
    #[serde(default, with = "optional_date")]
    opened: Option<NaiveDate>,
    #[serde(default, with = "optional_date")]
    resolved: Option<NaiveDate>,
    complaint_id: Option<u64>,
    action: Option<String>,
}

/// An interaction kind as JSON writes it: the variant's name in a `type` field.
#[derive(Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
enum TaggedKind<'a> {
    Note,
    Call,
    Meeting,
    Email,
    Purchase {
        amount_cents: i64,
        currency: &'a str,
        items: &'a str,
    },
    Complaint {
        category: ComplaintCategory,
        severity: Severity,
        status: ComplaintStatus,
        opened: NaiveDate,
        resolved: Option<NaiveDate>,
    },
    ServiceRecovery {
        complaint_id: Option<u64>,
        action: &'a str,
    },
}

impl<'a> From<&'a InteractionKind> for TaggedKind<'a> {
    fn from(kind: &'a InteractionKind) -> Self {
        match kind {
            InteractionKind::Note => TaggedKind::Note,
            InteractionKind::Call => TaggedKind::Call,
            InteractionKind::Meeting => TaggedKind::Meeting,
            InteractionKind::Email => TaggedKind::Email,
            InteractionKind::Purchase {
                amount_cents,
                currency,
                items,
            } => TaggedKind::Purchase {
                amount_cents: *amount_cents,
                currency,
                items,
            },
            InteractionKind::Complaint {
                category,
                severity,
                status,
                opened,
                resolved,
            } => TaggedKind::Complaint {
                category: *category,
                severity: *severity,
                status: *status,
                opened: *opened,
                resolved: *resolved,
            },
            InteractionKind::ServiceRecovery {
                complaint_id,
                action,
            } => TaggedKind::ServiceRecovery {
                complaint_id: *complaint_id,
                action,
            },
        }
    }
}

impl Serialize for InteractionKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            TaggedKind::from(self).serialize(serializer)
        } else {
            InteractionKind::serialize(self, serializer)
        }
    }
}

impl<'de> Deserialize<'de> for InteractionKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !deserializer.is_human_readable() {
            return InteractionKind::deserialize(deserializer);
        }
        let w = WireKind::deserialize(deserializer)?;
        fn required<T, E: Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
            value.ok_or_else(|| E::missing_field(field))
        }
        Ok(match w.tag {
            KindTag::Note => InteractionKind::Note,
            KindTag::Call => InteractionKind::Call,
            KindTag::Meeting => InteractionKind::Meeting,
            KindTag::Email => InteractionKind::Email,
            KindTag::Purchase => InteractionKind::Purchase {
                amount_cents: required(w.amount_cents, "amount_cents")?,
                currency: required(w.currency, "currency")?,
                items: required(w.items, "items")?,
            },
            KindTag::Complaint => InteractionKind::Complaint {
                category: required(w.category, "category")?,
                severity: required(w.severity, "severity")?,
                status: required(w.status, "status")?,
                opened: required(w.opened, "opened")?,
                resolved: w.resolved,
            },
            KindTag::ServiceRecovery => InteractionKind::ServiceRecovery {
                complaint_id: w.complaint_id,
                action: required(w.action, "action")?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn dates_read_as_chrono_reads_them() {
        // (text, what chrono reads) — the fast path must agree, and fall back otherwise.
        let cases = [
            "2025-03-01",
            "2024-02-29",
            "2025-02-29",
            "0999-12-31",
            "2025-3-01",
            "2025-13-01",
            "+12025-03-01",
            "2025/03/01",
            "",
        ];
        for text in cases {
            let json = serde_json::to_string(text).unwrap();
            #[derive(Deserialize, Debug)]
            struct D(#[serde(with = "date")] NaiveDate);
            let fast = serde_json::from_str::<D>(&json).map(|d| d.0).ok();
            assert_eq!(fast, text.parse::<NaiveDate>().ok(), "{text:?}");
        }
    }

    #[test]
    fn datetimes_read_as_chrono_reads_them() {
        let cases = [
            "2025-03-01T10:00:00Z",
            "2025-03-01T10:00:00.5Z",
            "2025-03-01T10:00:00.123456789Z",
            "2025-03-01T10:00:00.1234567891Z",
            "2025-03-01T10:00:00+00:00",
            "2025-03-01T10:00:00+08:00",
            "2025-03-01T23:59:60Z",
            "2025-03-01T24:00:00Z",
            "2025-03-01t10:00:00Z",
            "2025-03-01 10:00:00Z",
            "2025-03-01T10:00Z",
            "2025-03-01T10:00:00.Z",
        ];
        for text in cases {
            let json = serde_json::to_string(text).unwrap();
            #[derive(Deserialize, Debug)]
            struct D(#[serde(with = "datetime")] DateTime<Utc>);
            let fast = serde_json::from_str::<D>(&json).map(|d| d.0).ok();
            assert_eq!(fast, text.parse::<DateTime<Utc>>().ok(), "{text:?}");
        }
    }

    #[test]
    fn interaction_kinds_read_every_variant_in_any_field_order_and_name_what_is_missing() {
        // (JSON, Ok(kind) or the error's start)
        let cases: &[(&str, Result<InteractionKind, &str>)] = &[
            (r#"{"type":"call"}"#, Ok(InteractionKind::Call)),
            (
                r#"{"type":"note","amount_cents":5}"#,
                Ok(InteractionKind::Note),
            ),
            (
                r#"{"items":"tea","currency":"CNY","amount_cents":-5,"type":"purchase"}"#,
                Ok(InteractionKind::Purchase {
                    amount_cents: -5,
                    currency: "CNY".into(),
                    items: "tea".into(),
                }),
            ),
            (
                r#"{"type":"complaint","category":"service","severity":"high","status":"resolved","opened":"2025-01-02","resolved":null}"#,
                Ok(InteractionKind::Complaint {
                    category: ComplaintCategory::Service,
                    severity: Severity::High,
                    status: ComplaintStatus::Resolved,
                    opened: NaiveDate::from_ymd_opt(2025, 1, 2).unwrap(),
                    resolved: None,
                }),
            ),
            (
                r#"{"type":"service_recovery","action":"refund"}"#,
                Ok(InteractionKind::ServiceRecovery {
                    complaint_id: None,
                    action: "refund".into(),
                }),
            ),
            (
                r#"{"type":"purchase","currency":"CNY","items":""}"#,
                Err("missing field `amount_cents`"),
            ),
            (r#"{"type":"complaint"}"#, Err("missing field `category`")),
            (r#"{"type":"visit"}"#, Err("unknown variant `visit`")),
            (r#"{"amount_cents":1}"#, Err("missing field `type`")),
            (
                r#"{"type":"complaint","category":"service","severity":"high","status":"open","opened":"2025-02-30"}"#,
                Err("input is out of range"),
            ),
        ];
        for (json, expected) in cases {
            let got = serde_json::from_str::<InteractionKind>(json);
            match (expected, got) {
                (Ok(kind), Ok(got)) => assert_eq!(&got, kind, "{json}"),
                (Err(start), Err(e)) => assert!(e.to_string().starts_with(start), "{json}: {e}"),
                (expected, got) => panic!("{json}: expected {expected:?}, got {got:?}"),
            }
        }
    }

    proptest! {
        #[test]
        fn any_written_datetime_reads_back(secs in 0i64..8_000_000_000, nanos in 0u32..1_000_000_000) {
            let at = DateTime::from_timestamp(secs, nanos).unwrap();
            let json = serde_json::to_string(&at).unwrap();
            #[derive(Deserialize)]
            struct D(#[serde(with = "datetime")] DateTime<Utc>);
            prop_assert_eq!(serde_json::from_str::<D>(&json).unwrap().0, at);
            prop_assert!(fast_datetime(json.trim_matches('"').as_bytes()).is_some(), "{}", json);
        }
    }
}
