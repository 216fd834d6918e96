//! The import rules every section shares: suggest which field each column fills, then
//! turn every data row into a record or into the list of that row's problems.
//!
//! A section plugs in by implementing [`ImportTarget`]: it lists its fields (key, label in
//! each language, required or not, the header words that mean it) and says how one row
//! becomes a record. Nothing here stores anything: [`preview`] only says what an import
//! would add, so the screens can show it before the user confirms.

use std::collections::BTreeSet;
use std::fmt::Debug;

use crate::i18n::Lang;

/// What to do with an imported row that matches a record already stored (the same
/// person imported again).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchChoice {
    /// Leave the stored record as it is and drop the row.
    Skip,
    /// Write the row's values over the stored record's.
    Update,
    /// Add the row as another record beside the stored one.
    AddNew,
}

impl MatchChoice {
    pub const ALL: [MatchChoice; 3] = [MatchChoice::Skip, MatchChoice::Update, MatchChoice::AddNew];

    /// The key a `<select>` holds.
    pub fn key(self) -> &'static str {
        match self {
            MatchChoice::Skip => "skip",
            MatchChoice::Update => "update",
            MatchChoice::AddNew => "add",
        }
    }

    pub fn from_key(key: &str) -> Option<MatchChoice> {
        MatchChoice::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// One field a column can fill, as a section describes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportField<F> {
    pub field: F,
    /// Stable id: the mapping's choice, and the header an export writes.
    pub key: &'static str,
    /// A row whose cell for this field is empty is left out.
    pub required: bool,
    /// Header words recognised besides the key, as [`normalise_header`] writes them.
    pub synonyms: &'static [&'static str],
}

/// Every problem found in one row: which field, and what is wrong with it.
pub type RowProblems<F, P> = Vec<(F, P)>;

/// What a section tells the import about its records.
pub trait ImportTarget {
    /// A field of the section's records (customers: `Field`).
    type Field: Copy + Eq + Debug;
    /// What a valid row becomes.
    type Record;
    /// What can be wrong with one cell.
    type Problem: Copy + Eq + Debug;
    /// Reported for a required field whose cell is empty (unless `record` reported it).
    const REQUIRED: Self::Problem;

    /// The fields a column can fill, in the order the mapping offers them.
    fn fields(&self) -> &[ImportField<Self::Field>];

    /// The field's name in the user's language.
    fn label(&self, field: Self::Field, lang: Lang) -> &'static str;

    /// The record one row describes, or every problem found in it (never only the first).
    fn record(
        &self,
        row: &Row<'_, Self::Field>,
    ) -> Result<Self::Record, RowProblems<Self::Field, Self::Problem>>;

    /// "Email: “x@” is not a valid email address.", in the user's language.
    fn problem_text(
        &self,
        field: Self::Field,
        problem: Self::Problem,
        value: &str,
        lang: Lang,
    ) -> String;
}

/// Which field each column fills (`None`: the column is ignored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnMapping<F> {
    pub columns: Vec<Option<F>>,
}

impl<F> Default for ColumnMapping<F> {
    fn default() -> Self {
        Self {
            columns: Vec::new(),
        }
    }
}

impl<F: Copy + Eq> ColumnMapping<F> {
    /// Lets `column` fill `field`. A field fills from one column only, so taking it here
    /// frees it in any other column.
    pub fn choose(&mut self, column: usize, field: Option<F>) {
        if self.columns.len() <= column {
            self.columns.resize(column + 1, None);
        }
        if field.is_some() {
            self.columns
                .iter_mut()
                .filter(|c| **c == field)
                .for_each(|c| *c = None);
        }
        self.columns[column] = field;
    }

    /// The field `column` fills, if any.
    pub fn field(&self, column: usize) -> Option<F> {
        self.columns.get(column).copied().flatten()
    }

    /// The same choices under other names (e.g. a field's key for the field itself).
    pub fn map<G>(&self, mut convert: impl FnMut(F) -> Option<G>) -> ColumnMapping<G> {
        ColumnMapping {
            columns: self
                .columns
                .iter()
                .map(|f| f.and_then(&mut convert))
                .collect(),
        }
    }
}

/// One data row as a section reads it.
pub struct Row<'a, F> {
    /// Counted as a spreadsheet does: the header is row 1.
    pub number: usize,
    /// How many records the rows above gave (a section numbering new ids starts there).
    pub accepted: usize,
    cells: &'a [String],
    mapping: &'a ColumnMapping<F>,
}

impl<F: Copy + Eq> Row<'_, F> {
    /// The trimmed cell of the column that fills `field`; empty when no column does.
    pub fn cell(&self, field: F) -> &str {
        self.mapping
            .columns
            .iter()
            .position(|f| *f == Some(field))
            .and_then(|column| self.cells.get(column))
            .map_or("", |cell| cell.trim())
    }
}

/// A problem in one data row. `row` counts as a spreadsheet does: the header is row 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError<F, P> {
    pub row: usize,
    pub field: F,
    pub problem: P,
    /// The cell as it was read (trimmed).
    pub value: String,
}

/// What an import would add: the records from valid rows, and every problem found.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview<R, F, P> {
    pub records: Vec<R>,
    pub errors: Vec<RowError<F, P>>,
}

impl<R, F, P> Default for ImportPreview<R, F, P> {
    fn default() -> Self {
        Self {
            records: Vec::new(),
            errors: Vec::new(),
        }
    }
}

impl<R, F, P> ImportPreview<R, F, P> {
    /// Data rows read (blank rows aside): the valid ones plus those with problems.
    pub fn rows_read(&self) -> usize {
        let with_problems: BTreeSet<usize> = self.errors.iter().map(|e| e.row).collect();
        self.records.len() + with_problems.len()
    }
}

/// Guesses the field for each header by its key or a synonym; each field is given to its
/// first matching column, and a later column that names it again is ignored.
pub fn suggest_mapping<F: Copy + Eq, S: AsRef<str>>(
    fields: &[ImportField<F>],
    headers: &[S],
) -> ColumnMapping<F> {
    let mut taken = Vec::new();
    let columns = headers
        .iter()
        .map(|header| {
            let header = normalise_header(header.as_ref());
            let field = fields
                .iter()
                .find(|f| normalise_header(f.key) == header || f.synonyms.contains(&&*header))
                .map(|f| f.field)
                .filter(|field| !taken.contains(field))?;
            taken.push(field);
            Some(field)
        })
        .collect();
    ColumnMapping { columns }
}

/// A header as compared with keys and synonyms: lower case, without spaces (ideographic
/// ones too), underscores, dashes or dots, so "E-mail", "e_mail" and "EMAIL" are one word.
pub fn normalise_header(header: &str) -> String {
    header
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.' | '\u{3000}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Reads `table` (header row first, as `parse_csv` returns it) under `mapping`. Rows with
/// any problem are left out and reported; blank rows are skipped.
pub fn preview<T: ImportTarget>(
    target: &T,
    table: &[Vec<String>],
    mapping: &ColumnMapping<T::Field>,
) -> ImportPreview<T::Record, T::Field, T::Problem> {
    let mut preview = ImportPreview::default();
    for (index, cells) in table.iter().enumerate().skip(1) {
        if cells.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let row = Row {
            number: index + 1,
            accepted: preview.records.len(),
            cells,
            mapping,
        };
        let (record, mut problems) = match target.record(&row) {
            Ok(record) => (Some(record), Vec::new()),
            Err(problems) => (None, problems),
        };
        for spec in target.fields() {
            let missing = (spec.field, T::REQUIRED);
            if spec.required && row.cell(spec.field).is_empty() && !problems.contains(&missing) {
                problems.push(missing);
            }
        }
        match record {
            Some(record) if problems.is_empty() => preview.records.push(record),
            _ => {}
        }
        preview
            .errors
            .extend(problems.into_iter().map(|(field, problem)| RowError {
                row: row.number,
                field,
                problem,
                value: row.cell(field).to_string(),
            }));
    }
    preview
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tabular::csv::parse_csv;

    /// A small section: contacts with a required name and an optional age.
    struct Contacts;

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Field {
        Name,
        Age,
    }

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Problem {
        Required,
        NotANumber,
    }

    const FIELDS: &[ImportField<Field>] = &[
        ImportField {
            field: Field::Name,
            key: "name",
            required: true,
            synonyms: &["fullname", "姓名"],
        },
        ImportField {
            field: Field::Age,
            key: "age",
            required: false,
            synonyms: &["年龄"],
        },
    ];

    impl ImportTarget for Contacts {
        type Field = Field;
        type Record = (usize, String, Option<u32>);
        type Problem = Problem;
        const REQUIRED: Problem = Problem::Required;

        fn fields(&self) -> &[ImportField<Field>] {
            FIELDS
        }

        fn label(&self, field: Field, lang: Lang) -> &'static str {
            match (field, lang) {
                (Field::Name, Lang::En) => "Name",
                (Field::Name, Lang::Zh) => "姓名",
                (Field::Age, Lang::En) => "Age",
                (Field::Age, Lang::Zh) => "年龄",
            }
        }

        fn record(
            &self,
            row: &Row<'_, Field>,
        ) -> Result<Self::Record, RowProblems<Field, Problem>> {
            let age = row.cell(Field::Age);
            let age = match age.is_empty() {
                true => None,
                false => Some(
                    age.parse()
                        .map_err(|_| vec![(Field::Age, Problem::NotANumber)])?,
                ),
            };
            Ok((row.accepted, row.cell(Field::Name).to_string(), age))
        }

        fn problem_text(&self, field: Field, _: Problem, value: &str, lang: Lang) -> String {
            format!("{}: {value}", self.label(field, lang))
        }
    }

    #[test]
    fn suggests_a_field_for_each_header_by_key_or_synonym_once() {
        use Field::*;
        let cases: &[(&[&str], &[Option<Field>])] = &[
            (&["Full Name", "AGE"], &[Some(Name), Some(Age)]),
            (&["年龄", "姓名", "notes"], &[Some(Age), Some(Name), None]),
            (&["name", "姓名", "e_mail"], &[Some(Name), None, None]),
            (&["  Na-me\u{3000}"], &[Some(Name)]),
        ];
        for (headers, expected) in cases {
            assert_eq!(
                suggest_mapping(FIELDS, headers).columns,
                *expected,
                "{headers:?}"
            );
        }
    }

    #[test]
    fn choosing_a_field_for_a_column_frees_it_elsewhere() {
        use Field::*;
        // (mapping before, column, choice, mapping after)
        type Case = (Vec<Option<Field>>, usize, Option<Field>, Vec<Option<Field>>);
        let cases: Vec<Case> = vec![
            (
                vec![Some(Name), None],
                1,
                Some(Name),
                vec![None, Some(Name)],
            ),
            (vec![Some(Name), Some(Age)], 1, None, vec![Some(Name), None]),
            (vec![], 2, Some(Age), vec![None, None, Some(Age)]),
        ];
        for (before, column, choice, after) in cases {
            let mut mapping = ColumnMapping { columns: before };
            mapping.choose(column, choice);
            assert_eq!(mapping.columns, after, "{column} {choice:?}");
        }
    }

    #[test]
    fn rows_become_records_or_problems_numbered_as_in_a_spreadsheet() {
        // (csv, records, (row, field, problem, value) errors, rows read)
        type Case = (
            &'static str,
            &'static [(usize, &'static str, Option<u32>)],
            &'static [(usize, Field, Problem, &'static str)],
            usize,
        );
        use Field::*;
        use Problem::*;
        let cases: &[Case] = &[
            (
                "name,age\nAnn,31\n Bob ,\n",
                &[(0, "Ann", Some(31)), (1, "Bob", None)],
                &[],
                2,
            ),
            (
                "name,age\n,40\n\nCy,x\nDi,2\n",
                &[(0, "Di", Some(2))],
                &[(2, Name, Required, ""), (4, Age, NotANumber, "x")],
                3,
            ),
            // No column fills the required name: every row reports it.
            ("age\n3\n", &[], &[(2, Name, Required, "")], 1),
        ];
        for (text, records, errors, rows) in cases {
            let table = parse_csv(text).unwrap();
            let got = preview(&Contacts, &table, &suggest_mapping(FIELDS, &table[0]));
            let want: Vec<_> = records
                .iter()
                .map(|(i, n, a)| (*i, n.to_string(), *a))
                .collect();
            assert_eq!(got.records, want, "{text}");
            let got_errors: Vec<_> = got
                .errors
                .iter()
                .map(|e| (e.row, e.field, e.problem, e.value.as_str()))
                .collect();
            assert_eq!(got_errors, *errors, "{text}");
            assert_eq!(got.rows_read(), *rows, "{text}");
        }
    }

    #[test]
    fn a_mapping_converts_to_other_names() {
        let mapping = suggest_mapping(FIELDS, &["age", "x", "name"]);
        let keys = mapping.map(|f| FIELDS.iter().find(|s| s.field == f).map(|s| s.key));
        assert_eq!(keys.columns, [Some("age"), None, Some("name")]);
    }
}
