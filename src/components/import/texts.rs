//! The shared import problems as sentences in the user's language (no UI, tested natively).

use super::messages::ImportMsg;
use crate::i18n::{fill, Lang, Text};
use crate::tabular::csv::{CsvError, CsvErrorKind};
use crate::tabular::import::{ImportTarget, RowError};

/// Why a file was refused as a whole, before any section reads its rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFailure {
    Csv(CsvError),
    Unreadable,
    Empty,
}

/// "Row 17: Email: “x@” is not a valid email address."
pub fn row_error_text<T: ImportTarget>(
    target: &T,
    error: &RowError<T::Field, T::Problem>,
    lang: Lang,
) -> String {
    let problem = target.problem_text(error.field, error.problem, &error.value, lang);
    fill(
        ImportMsg::RowError.in_lang(lang),
        &[&error.row.to_string(), &problem],
    )
}

/// The whole-file failure, naming the line where reading stopped.
pub fn failure_text(failure: ImportFailure, lang: Lang) -> String {
    match failure {
        ImportFailure::Csv(e) => {
            let why = match e.kind {
                CsvErrorKind::UnterminatedQuote => ImportMsg::CsvUnterminatedQuote,
                CsvErrorKind::QuoteInUnquotedField => ImportMsg::CsvQuoteInField,
                CsvErrorKind::TextAfterClosingQuote => ImportMsg::CsvTextAfterQuote,
            };
            fill(
                ImportMsg::CsvFailed.in_lang(lang),
                &[&e.line.to_string(), why.in_lang(lang)],
            )
        }
        ImportFailure::Unreadable => ImportMsg::FileUnreadable.in_lang(lang).to_string(),
        ImportFailure::Empty => ImportMsg::EmptyFile.in_lang(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_read_as_sentences_in_both_languages() {
        let csv = ImportFailure::Csv(CsvError {
            line: 4,
            kind: CsvErrorKind::UnterminatedQuote,
        });
        let cases = [
            (failure_text(csv, Lang::En), "This CSV file cannot be read: line 4: a quoted value is never closed. Nothing was imported."),
            (failure_text(csv, Lang::Zh), "无法读取此 CSV 文件：第 4 行：引号内的值没有闭合。未导入任何数据。"),
            (failure_text(ImportFailure::Empty, Lang::Zh), "文件中没有可导入的行。"),
            (failure_text(ImportFailure::Unreadable, Lang::En), "The file could not be read."),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
    }
}
