//! Import problems as sentences in the user's language.

use crate::customers::domain::import_export::JsonErrorKind;
use crate::customers::domain::{CsvError, CsvErrorKind, JsonError, RowError};
use crate::customers::labels::problem_text;
use crate::customers::list::messages::ListMsg;
use crate::i18n::{fill, Lang, Text};

/// Why a file was refused as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFailure {
    Csv(CsvError),
    Json(JsonError),
    Unreadable,
    Empty,
}

/// "Row 17: Email: “x@” is not a valid email address."
pub fn row_error_text(error: &RowError, lang: Lang) -> String {
    let problem = problem_text(error.field, error.problem, &error.value, lang);
    fill(
        ListMsg::RowError.in_lang(lang),
        &[&error.row.to_string(), &problem],
    )
}

/// The whole-file failure, naming the line (and column) where reading stopped.
pub fn failure_text(failure: ImportFailure, lang: Lang) -> String {
    match failure {
        ImportFailure::Csv(e) => {
            let why = match e.kind {
                CsvErrorKind::UnterminatedQuote => ListMsg::CsvUnterminatedQuote,
                CsvErrorKind::QuoteInUnquotedField => ListMsg::CsvQuoteInField,
                CsvErrorKind::TextAfterClosingQuote => ListMsg::CsvTextAfterQuote,
            };
            fill(
                ListMsg::CsvFailed.in_lang(lang),
                &[&e.line.to_string(), why.in_lang(lang)],
            )
        }
        ImportFailure::Json(e) => {
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
        ImportFailure::Unreadable => ListMsg::FileUnreadable.in_lang(lang).to_string(),
        ImportFailure::Empty => ListMsg::EmptyFile.in_lang(lang).to_string(),
    }
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
    use crate::customers::domain::{Field, Problem};

    #[test]
    fn row_errors_and_failures_read_as_sentences_in_both_languages() {
        let row = RowError {
            row: 17,
            field: Field::Email,
            problem: Problem::InvalidEmail,
            value: "x@".into(),
        };
        let csv = ImportFailure::Csv(CsvError {
            line: 4,
            kind: CsvErrorKind::UnterminatedQuote,
        });
        let json = ImportFailure::Json(JsonError {
            line: 2,
            column: 9,
            kind: JsonErrorKind::Syntax,
        });
        let cases = [
            (row_error_text(&row, Lang::En), "Row 17: Email: “x@” is not a valid email address."),
            (row_error_text(&row, Lang::Zh), "第 17 行：邮箱：“x@”不是有效的邮箱地址。"),
            (failure_text(csv, Lang::En), "This CSV file cannot be read: line 4: a quoted value is never closed. Nothing was imported."),
            (failure_text(csv, Lang::Zh), "无法读取此 CSV 文件：第 4 行：引号内的值没有闭合。未导入任何数据。"),
            (failure_text(json, Lang::En), "This JSON file cannot be read: line 2, column 9: this is not valid JSON. Nothing was imported."),
            (failure_text(ImportFailure::Empty, Lang::Zh), "文件中没有可导入的行。"),
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
