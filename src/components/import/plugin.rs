//! How a section plugs into the shared import screens. The section writes one typed
//! [`ImportPlugin`] (its pure [`ImportTarget`] plus how it shows and stores records); the
//! screens hold it as the object-safe [`ImportSection`], so their view code is compiled
//! once however many sections import, and each section adds only this thin glue.

use std::sync::Arc;

use leptos::prelude::*;

use super::messages::ImportMsg;
use super::texts::row_error_text;
use crate::i18n::{fill, Lang, Text};
use crate::tabular::import::{self, ColumnMapping, ImportPreview, ImportTarget, MatchChoice};

/// Rows shown in a preview table.
pub const PREVIEW_ROWS: usize = 5;

/// A whole-file failure as a sentence in the user's language.
pub type FailureText = Arc<dyn Fn(Lang) -> String + Send + Sync>;

/// A column mapping by field key, as the screens' selects hold it.
pub type KeyMapping = ColumnMapping<&'static str>;

/// The words of the import screens that name the section's records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionWord {
    /// The file chooser's label ("CSV or JSON file").
    ChooseFile,
    /// The paste box's label.
    OrPaste,
    /// Under "Match the columns": what a column fills.
    MappingIntro,
    /// The confirm button, `{0}` the number of records.
    Confirm,
    /// After confirming, `{0}` the number added.
    Done,
    /// After confirming when storage refused the save: `{0}` records are on screen but
    /// not saved, and what to do.
    NotSaved,
    /// The link back to the section once the import is done.
    Back,
}

/// An imported record that matches one already stored (the same person imported again).
#[derive(Clone)]
pub struct RecordMatch {
    /// The record's place among those read.
    pub record: usize,
    /// The choice made unless the user chooses.
    pub default: MatchChoice,
    /// "Ann Lee (ann@example.com): the same email as Ann Lee, stored", per language.
    pub text: FailureText,
}

/// Rows read and checked, waiting for the user to confirm. Nothing is stored before
/// [`PendingImport::confirm`].
pub trait PendingImport: Send + Sync {
    /// "2 of 3 rows are ready to import.", or the section's own sentence.
    fn summary(&self, lang: Lang) -> String;
    /// How many records confirming would add.
    fn ready(&self) -> usize;
    /// How many problems were found.
    fn error_count(&self) -> usize;
    /// The problem at `index` as a sentence: "Row 3: Email: “x@” is not a valid …".
    fn error_text(&self, index: usize, lang: Lang) -> String;
    /// The first records, as the section shows them.
    fn sample(&self) -> AnyView;
    /// Stores the records; returns how many were added.
    fn confirm(&self) -> usize;
    /// The records that match stored ones, each with a choice the user can change.
    fn matches(&self) -> Vec<RecordMatch> {
        Vec::new()
    }
    /// Stores the records with `choices[i]` for `matches()[i]`; returns how many records
    /// were added or updated.
    fn confirm_chosen(&self, _choices: &[MatchChoice]) -> usize {
        self.confirm()
    }
}

/// What a section gives the import screens.
pub trait ImportPlugin: Clone + Send + Sync + 'static {
    /// The section's pure import rules.
    type Target: ImportTarget<
            Field: Send + Sync + 'static,
            Record: Clone + Send + Sync + 'static,
            Problem: Send + Sync + 'static,
        > + Send
        + Sync
        + 'static;

    /// The rules for rows read now (customers: new ids, today's date).
    fn target(&self) -> Self::Target;
    /// A word of the screens that names the section's records.
    fn word(&self, word: SectionWord, lang: Lang) -> &'static str;
    /// Where [`SectionWord::Back`] leads.
    fn back_path(&self) -> String;
    /// The file types the chooser offers.
    fn accept(&self) -> &'static str {
        ".csv,text/csv"
    }
    /// The first records an import would add, as the section shows them.
    fn sample(&self, records: &[<Self::Target as ImportTarget>::Record]) -> AnyView;
    /// Stores the records; returns how many were added.
    fn add(&self, records: Vec<<Self::Target as ImportTarget>::Record>) -> usize;
    /// The records that match stored ones (none unless the section looks).
    fn stored_matches(
        &self,
        _records: &[<Self::Target as ImportTarget>::Record],
    ) -> Vec<RecordMatch> {
        Vec::new()
    }
    /// Stores the records as chosen for each of `matches`; the default adds them all.
    fn add_chosen(
        &self,
        records: Vec<<Self::Target as ImportTarget>::Record>,
        _matches: &[RecordMatch],
        _choices: &[MatchChoice],
    ) -> usize {
        self.add(records)
    }
    /// Reads a text that is not CSV (customers: their own JSON export); `None` reads it as CSV.
    fn read_other(
        &self,
        _text: &str,
        _file_name: Option<&str>,
    ) -> Option<Result<Arc<dyn PendingImport>, FailureText>> {
        None
    }
}

/// A section as the screens see it, with its types erased.
pub trait ImportSection: Send + Sync {
    fn word(&self, word: SectionWord, lang: Lang) -> &'static str;
    fn back_path(&self) -> String;
    fn accept(&self) -> &'static str;
    /// The keys of the fields a column can fill, in the order the mapping offers them.
    fn field_keys(&self) -> Vec<&'static str>;
    /// The name of the field with `key` in the user's language.
    fn field_label(&self, key: &str, lang: Lang) -> &'static str;
    /// The suggested field for each header.
    fn suggest(&self, headers: &[String]) -> KeyMapping;
    /// Checks every data row of `table` (header row first) under `mapping`.
    fn check(&self, table: &[Vec<String>], mapping: &KeyMapping) -> Arc<dyn PendingImport>;
    fn read_other(
        &self,
        text: &str,
        file_name: Option<&str>,
    ) -> Option<Result<Arc<dyn PendingImport>, FailureText>>;
}

impl<P: ImportPlugin> ImportSection for P {
    fn word(&self, word: SectionWord, lang: Lang) -> &'static str {
        ImportPlugin::word(self, word, lang)
    }

    fn back_path(&self) -> String {
        ImportPlugin::back_path(self)
    }

    fn accept(&self) -> &'static str {
        ImportPlugin::accept(self)
    }

    fn field_keys(&self) -> Vec<&'static str> {
        self.target().fields().iter().map(|f| f.key).collect()
    }

    fn field_label(&self, key: &str, lang: Lang) -> &'static str {
        let target = self.target();
        let field = target.fields().iter().find(|f| f.key == key);
        field.map_or("", |f| target.label(f.field, lang))
    }

    fn suggest(&self, headers: &[String]) -> KeyMapping {
        let target = self.target();
        let fields = target.fields();
        import::suggest_mapping(fields, headers)
            .map(|field| fields.iter().find(|f| f.field == field).map(|f| f.key))
    }

    fn check(&self, table: &[Vec<String>], mapping: &KeyMapping) -> Arc<dyn PendingImport> {
        let target = self.target();
        let fields = target.fields();
        let mapping = mapping.map(|key| fields.iter().find(|f| f.key == key).map(|f| f.field));
        let preview = import::preview(&target, table, &mapping);
        Arc::new(Checked {
            matches: self.stored_matches(&preview.records),
            plugin: self.clone(),
            rows: preview.rows_read(),
            preview,
            target,
        })
    }

    fn read_other(
        &self,
        text: &str,
        file_name: Option<&str>,
    ) -> Option<Result<Arc<dyn PendingImport>, FailureText>> {
        ImportPlugin::read_other(self, text, file_name)
    }
}

type Preview<T> = ImportPreview<
    <T as ImportTarget>::Record,
    <T as ImportTarget>::Field,
    <T as ImportTarget>::Problem,
>;

/// CSV rows checked by a section's rules.
struct Checked<P: ImportPlugin> {
    plugin: P,
    target: P::Target,
    preview: Preview<P::Target>,
    rows: usize,
    matches: Vec<RecordMatch>,
}

impl<P: ImportPlugin> PendingImport for Checked<P> {
    fn summary(&self, lang: Lang) -> String {
        let (ready, rows) = (self.ready().to_string(), self.rows.to_string());
        fill(ImportMsg::ValidRows.in_lang(lang), &[&ready, &rows])
    }

    fn ready(&self) -> usize {
        self.preview.records.len()
    }

    fn error_count(&self) -> usize {
        self.preview.errors.len()
    }

    fn error_text(&self, index: usize, lang: Lang) -> String {
        self.preview
            .errors
            .get(index)
            .map(|e| row_error_text(&self.target, e, lang))
            .unwrap_or_default()
    }

    fn sample(&self) -> AnyView {
        let shown = self.preview.records.len().min(PREVIEW_ROWS);
        self.plugin.sample(&self.preview.records[..shown])
    }

    fn confirm(&self) -> usize {
        self.plugin.add(self.preview.records.clone())
    }

    fn matches(&self) -> Vec<RecordMatch> {
        self.matches.clone()
    }

    fn confirm_chosen(&self, choices: &[MatchChoice]) -> usize {
        let records = self.preview.records.clone();
        self.plugin.add_chosen(records, &self.matches, choices)
    }
}
