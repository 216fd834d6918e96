//! How a response is written. JSON (backups, exports, share pages, and the whole book as
//! earlier builds stored it) keeps its shape: absent options and skipped dual answers
//! are left out. The stored shards use postcard's binary form instead (see
//! `crate::storage::sharded`), which has no field names and so cannot leave a field out:
//! there every field is written, in order, and a date is its day number. serde tells
//! the two apart by `is_human_readable()`, as the customers' records do
//! (`crate::customers::domain::wire`).
//!
//! **The binary form is pinned by a test in `crate::surveys::book`**: changing a field
//! of `Response`, `DualAnswer` or the order of `Answer`'s variants means raising the
//! survey book's schema and reading the old layout.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model::{Answers, DualAnswer, Response};

/// The JSON of a response, as it has always been written; a missing field reads as in
/// `Response::default()`.
#[derive(Serialize, Deserialize)]
#[serde(remote = "Response")]
struct ResponseJson {
    #[serde(default)]
    id: u64,
    #[serde(default)]
    survey_id: u64,
    #[serde(default = "first_version")]
    survey_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    customer_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    touchpoint: Option<String>,
    #[serde(default)]
    submitted: NaiveDate,
    #[serde(default)]
    answers: Answers,
}

fn first_version() -> u32 {
    Response::default().survey_version
}

/// The binary form of a response: every field, in this order.
#[derive(Serialize, Deserialize)]
#[serde(remote = "Response")]
struct ResponseBinary {
    id: u64,
    survey_id: u64,
    survey_version: u32,
    customer_id: Option<u64>,
    touchpoint: Option<String>,
    #[serde(with = "crate::customers::domain::wire::date")]
    submitted: NaiveDate,
    answers: Answers,
}

/// The JSON of a dual-scale row: `{"e": 5, "p": 3}`, either left out when skipped.
#[derive(Serialize, Deserialize)]
#[serde(remote = "DualAnswer")]
struct DualAnswerJson {
    #[serde(rename = "e", default, skip_serializing_if = "Option::is_none")]
    first: Option<u8>,
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    second: Option<u8>,
}

/// The binary form of a dual-scale row: both options.
#[derive(Serialize, Deserialize)]
#[serde(remote = "DualAnswer")]
struct DualAnswerBinary {
    first: Option<u8>,
    second: Option<u8>,
}

/// `Serialize` and `Deserialize` for `$ty` through `$json` for JSON and `$binary` for
/// the stored binary form.
macro_rules! json_or_binary {
    ($ty:ty, $json:ident, $binary:ident) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                if serializer.is_human_readable() {
                    $json::serialize(self, serializer)
                } else {
                    $binary::serialize(self, serializer)
                }
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                if deserializer.is_human_readable() {
                    $json::deserialize(deserializer)
                } else {
                    $binary::deserialize(deserializer)
                }
            }
        }
    };
}

json_or_binary!(Response, ResponseJson, ResponseBinary);
json_or_binary!(DualAnswer, DualAnswerJson, DualAnswerBinary);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::domain::model::Answer;

    fn response() -> Response {
        Response {
            id: 7,
            survey_id: 2,
            survey_version: 3,
            customer_id: None,
            touchpoint: Some("kiosk".into()),
            submitted: NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
            answers: [
                ("NPS".to_owned(), Answer::Scale(9)),
                (
                    "SQ1".to_owned(),
                    Answer::Dual(
                        [
                            ("R1".to_owned(), DualAnswer::both(6, 4)),
                            (
                                "R2".to_owned(),
                                DualAnswer {
                                    first: None,
                                    second: Some(5),
                                },
                            ),
                        ]
                        .into(),
                    ),
                ),
                ("Q9".to_owned(), Answer::Number(2.5)),
            ]
            .into(),
        }
    }

    #[test]
    fn the_json_leaves_out_absent_options_and_skipped_dual_answers() {
        let json = serde_json::to_string(&response()).unwrap();
        assert_eq!(
            json,
            concat!(
                r#"{"id":7,"survey_id":2,"survey_version":3,"touchpoint":"kiosk","#,
                r#""submitted":"2026-05-01","answers":{"NPS":{"scale":9},"Q9":{"number":2.5},"#,
                r#""SQ1":{"dual":{"R1":{"e":6,"p":4},"R2":{"p":5}}}}}"#
            )
        );
        assert_eq!(serde_json::from_str::<Response>(&json).unwrap(), response());
    }

    #[test]
    fn missing_json_fields_read_as_before() {
        let read: Response = serde_json::from_str(r#"{"id":3,"answers":{}}"#).unwrap();
        assert_eq!(
            read,
            Response {
                id: 3,
                ..Response::default()
            }
        );
        let dual: DualAnswer = serde_json::from_str("{}").unwrap();
        assert_eq!(dual, DualAnswer::default());
    }

    #[test]
    fn the_binary_form_round_trips() {
        let mut plain = response();
        plain.touchpoint = None;
        plain.customer_id = Some(42);
        for r in [response(), plain, Response::default()] {
            let bytes = postcard::to_allocvec(&r).unwrap();
            assert_eq!(postcard::from_bytes::<Response>(&bytes).unwrap(), r);
        }
    }
}
