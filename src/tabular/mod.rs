//! Tables of text shared by every section (pure: no UI, no IO, no clock): the RFC 4180
//! CSV reader and writer, and the import rules a section plugs into by describing its
//! fields and how one row becomes a record.

pub mod csv;
pub mod import;

pub use csv::{parse_csv, write_csv, CsvError, CsvErrorKind};
pub use import::{
    normalise_header, preview, suggest_mapping, ColumnMapping, ImportField, ImportPreview,
    ImportTarget, Row, RowError, RowProblems,
};
