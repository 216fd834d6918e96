//! The customers' own import problems as sentences: a JSON export that cannot be read.

use std::sync::Arc;

use crate::components::import::FailureText;
use crate::customers::domain::import_export::JsonErrorKind;
use crate::customers::domain::JsonError;
use crate::customers::list::messages::ListMsg;
use crate::i18n::{fill, Lang, Text};

/// Why a JSON file was refused, naming the line and column where reading stopped.
pub fn json_failure_text(e: JsonError, lang: Lang) -> String {
    let why = match e.kind {
        JsonErrorKind::Syntax => ListMsg::JsonSyntax,
        JsonErrorKind::Data => ListMsg::JsonData,
        JsonErrorKind::Truncated => ListMsg::JsonTruncated,
    };
    let (line, column) = (e.line.to_string(), e.column.to_string());
    fill(
        ListMsg::JsonFailed.in_lang(lang),
        &[&line, &column, why.in_lang(lang)],
    )
}

/// [`json_failure_text`] as the import flow shows a failure.
pub fn json_failure(e: JsonError) -> FailureText {
    Arc::new(move |lang| json_failure_text(e, lang))
}

/// JSON when the file says so by name, or when the text starts like a JSON list.
pub fn looks_like_json(file_name: Option<&str>, text: &str) -> bool {
    match file_name.map(str::to_lowercase) {
        Some(name) if name.ends_with(".json") => true,
        Some(name) if name.ends_with(".csv") => false,
        _ => matches!(
            text.trim_start_matches('\u{feff}')
                .trim_start()
                .chars()
                .next(),
            Some('[' | '{')
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::import::texts::row_error_text;
    use crate::customers::domain::{CustomerImport, Field, Problem, RowError};

    #[test]
    fn row_errors_and_json_failures_read_as_sentences_in_both_languages() {
        let target = CustomerImport {
            next_id: 1,
            now: chrono::DateTime::UNIX_EPOCH,
            today: chrono::NaiveDate::MIN,
        };
        let row = RowError {
            row: 17,
            field: Field::Email,
            problem: Problem::InvalidEmail,
            value: "x@".into(),
        };
        let json = JsonError {
            line: 2,
            column: 9,
            kind: JsonErrorKind::Syntax,
        };
        let cases = [
            (row_error_text(&target, &row, Lang::En), "Row 17: Email: “x@” is not a valid email address."),
            (row_error_text(&target, &row, Lang::Zh), "第 17 行：邮箱：“x@”不是有效的邮箱地址。"),
            (json_failure_text(json, Lang::En), "This JSON file cannot be read: line 2, column 9: this is not valid JSON. Nothing was imported."),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn json_is_recognised_by_name_or_by_its_first_character() {
        let cases = [
            (Some("a.JSON"), "name", true),
            (Some("a.csv"), "[", false),
            (None, "  [{\"id\":1}]", true),
            (None, "\u{feff}{", true),
            (None, "name,email", false),
            (Some("export.txt"), "name", false),
        ];
        for (name, text, json) in cases {
            assert_eq!(looks_like_json(name, text), json, "{name:?} {text:?}");
        }
    }
}
