//! Responses read from CSV (typed from paper or exported from another tool) through the
//! shared import flow: one column per answer, named as the export names it (a question's
//! code, a matrix row's code, a dual-scale row's `SQ1_E` and `SQ1_P`), plus an optional
//! `date` and an optional `customer` (email or id). Every cell is checked against the
//! survey; nothing is stored before the user confirms.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use chrono::NaiveDate;

use super::model::{Answer, Answers, DualAnswer, QuestionKind, Scale, Survey};
use crate::i18n::{fill, Lang, Text};
use crate::tabular::import::{ImportField, ImportTarget, Row, RowProblems};

catalogue! { pub enum ResponseImportText {
    FieldDate => "Date", "日期";
    FieldCustomer => "Customer", "客户";
    Required => "{0}: is required.", "{0}：不能为空。";
    BadDate => "{0}: “{1}” is not a date like 2026-03-31.", "{0}：“{1}”不是 2026-03-31 这样的日期。";
    UnknownCustomer => "{0}: no customer has the email or id “{1}”.", "{0}：没有邮箱或编号为“{1}”的客户。";
    NotANumber => "{0}: “{1}” is not a number.", "{0}：“{1}”不是数字。";
    OutOfRange => "{0}: “{1}” is outside {2}.", "{0}：“{1}”超出了 {2} 的范围。";
    UnknownChoice => "{0}: “{1}” is not one of the choices ({2}).", "{0}：“{1}”不是可选项之一（{2}）。";
    SplitTotal => "{0}: the points do not add up to {1}.", "{0}：各项分数合计不等于 {1}。";
}}

/// A column of a responses CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ResponseField {
    /// The day the response was given (empty: the day of the import).
    Date,
    /// The linked customer, by email or id.
    Customer,
    /// The answer column at this place in [`ResponseImport::columns`].
    Answer(usize),
}

/// What can be wrong with one cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResponseProblem {
    Required,
    BadDate,
    UnknownCustomer,
    NotANumber,
    /// Outside the question's scale or its number range.
    OutOfRange,
    /// Not a choice's code nor its label in either language.
    UnknownChoice,
    /// A constant-sum question's points do not add up to its total.
    SplitTotal,
}

/// Which part of a question's answer a column holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnPart {
    /// The whole answer (a choice, a scale point, a text, a number, a date).
    Whole,
    /// A Likert matrix row's point, by row code.
    MatrixRow(String),
    /// A dual-scale row's first answer (expectation or importance), by row code.
    DualFirst(String),
    /// A dual-scale row's second answer (perception or performance), by row code.
    DualSecond(String),
    /// A constant-sum item's points, by item code.
    SplitItem(String),
}

/// One answer column: its header, the question it answers and which part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerColumn {
    pub header: &'static str,
    pub question: String,
    pub part: ColumnPart,
}

/// A customer as the `customer` column may name them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerRef {
    pub id: u64,
    pub email: String,
}

/// A valid row: the answers given, when, and by whom.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedResponse {
    pub submitted: NaiveDate,
    pub customer_id: Option<u64>,
    pub answers: Answers,
}

/// The import rules for the responses to one survey.
pub struct ResponseImport {
    survey: Survey,
    customers: Vec<CustomerRef>,
    today: NaiveDate,
    columns: Vec<AnswerColumn>,
    fields: Vec<ImportField<ResponseField>>,
}

/// The header as a `'static` key, which the shared mapping screens hold: each distinct
/// header is allocated once for the life of the page and reused, so reading the same
/// survey again allocates nothing (the set is bounded by the codes ever imported).
fn column_key(header: &str) -> &'static str {
    static KEYS: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut keys = KEYS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(key) = keys.get(header) {
        return key;
    }
    let key: &'static str = Box::leak(header.to_owned().into_boxed_str());
    keys.insert(key);
    key
}

/// The answer columns of `survey`, in the order of the CSV export.
pub fn answer_columns(survey: &Survey) -> Vec<AnswerColumn> {
    let mut columns = Vec::new();
    let mut push = |header: String, question: &str, part: ColumnPart| {
        columns.push(AnswerColumn {
            header: column_key(&header),
            question: question.to_owned(),
            part,
        });
    };
    for q in survey.questions() {
        match &q.kind {
            QuestionKind::LikertMatrix { rows, .. } => {
                for r in rows {
                    push(
                        r.code.clone(),
                        &q.code,
                        ColumnPart::MatrixRow(r.code.clone()),
                    );
                }
            }
            QuestionKind::ConstantSum { items, .. } => {
                for r in items {
                    push(
                        r.code.clone(),
                        &q.code,
                        ColumnPart::SplitItem(r.code.clone()),
                    );
                }
            }
            QuestionKind::DualMatrix { rows, columns, .. } => {
                let (first, second) = columns.suffixes();
                for r in rows {
                    let code = &r.code;
                    push(
                        format!("{code}{first}"),
                        &q.code,
                        ColumnPart::DualFirst(code.clone()),
                    );
                    push(
                        format!("{code}{second}"),
                        &q.code,
                        ColumnPart::DualSecond(code.clone()),
                    );
                }
            }
            _ => push(q.code.clone(), &q.code, ColumnPart::Whole),
        }
    }
    columns
}

/// A date as people type it: `2026-03-31`, `2026/3/31` or `2026.3.31`.
pub fn parse_import_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
}

impl ResponseImport {
    /// The rules for rows read on `today` into `survey`, naming `customers`.
    pub fn new(survey: &Survey, customers: Vec<CustomerRef>, today: NaiveDate) -> Self {
        let columns = answer_columns(survey);
        let mut fields = vec![
            ImportField {
                field: ResponseField::Date,
                key: "date",
                required: false,
                synonyms: &["submitted", "answered", "日期", "填写日期", "提交日期"],
            },
            ImportField {
                field: ResponseField::Customer,
                key: "customer",
                required: false,
                synonyms: &["email", "customerid", "客户", "客户编号", "邮箱"],
            },
        ];
        fields.extend(columns.iter().enumerate().map(|(i, c)| ImportField {
            field: ResponseField::Answer(i),
            key: c.header,
            required: false,
            synonyms: &[],
        }));
        ResponseImport {
            survey: survey.clone(),
            customers,
            today,
            columns,
            fields,
        }
    }

    /// The answer columns, in the order [`ResponseField::Answer`] numbers them.
    pub fn columns(&self) -> &[AnswerColumn] {
        &self.columns
    }

    fn customer(&self, text: &str) -> Option<u64> {
        let by_email = self
            .customers
            .iter()
            .find(|c| !c.email.is_empty() && c.email.eq_ignore_ascii_case(text));
        by_email.map(|c| c.id).or_else(|| {
            text.parse::<u64>()
                .ok()
                .filter(|id| self.customers.iter().any(|c| c.id == *id))
        })
    }

    fn kind(&self, column: usize) -> Option<&QuestionKind> {
        let column = self.columns.get(column)?;
        self.survey.question(&column.question).map(|q| &q.kind)
    }

    /// The range a column's value must be in, as the problem text writes it ("1–7").
    fn range_text(&self, column: usize) -> String {
        match self.kind(column) {
            Some(QuestionKind::Number { min, max }) => match (min, max) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                (Some(a), None) => format!("≥ {a}"),
                (None, Some(b)) => format!("≤ {b}"),
                (None, None) => String::new(),
            },
            Some(QuestionKind::ConstantSum { total, .. }) => format!("0–{total}"),
            Some(kind) => kind
                .scale()
                .map(|s| format!("{}–{}", s.min, s.max))
                .unwrap_or_default(),
            None => String::new(),
        }
    }

    /// The choice codes of a column's question, for the problem text.
    fn choices_text(&self, column: usize) -> String {
        self.kind(column)
            .map(|k| {
                k.choices()
                    .iter()
                    .map(|c| c.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default()
    }
}

/// A point on `scale`, or why the cell is not one.
fn scale_point(text: &str, scale: Scale) -> Result<u8, ResponseProblem> {
    let value: i64 = text.parse().map_err(|_| ResponseProblem::NotANumber)?;
    u8::try_from(value)
        .ok()
        .filter(|v| scale.contains(*v))
        .ok_or(ResponseProblem::OutOfRange)
}

/// The code of the choice a cell names by code or by label (either language, any case).
fn choice_code(kind: &QuestionKind, text: &str) -> Option<String> {
    let text = text.trim();
    kind.choices()
        .iter()
        .find(|c| {
            c.code.eq_ignore_ascii_case(text)
                || c.label.zh.trim() == text
                || c.label.en.trim().eq_ignore_ascii_case(text)
        })
        .map(|c| c.code.clone())
}

/// The answer of one whole-answer cell.
fn whole_answer(kind: &QuestionKind, text: &str) -> Result<Answer, ResponseProblem> {
    use ResponseProblem as P;
    match kind {
        QuestionKind::SingleChoice { .. } => choice_code(kind, text)
            .map(Answer::Choice)
            .ok_or(P::UnknownChoice),
        QuestionKind::MultipleChoice { .. } => text
            .split([';', ',', '，', '、', '；'])
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(|part| choice_code(kind, part).ok_or(P::UnknownChoice))
            .collect::<Result<Vec<_>, _>>()
            .map(Answer::Choices),
        QuestionKind::ShortText | QuestionKind::LongText => Ok(Answer::Text(text.to_owned())),
        QuestionKind::Number { min, max } => {
            let value: f64 = text.parse().map_err(|_| P::NotANumber)?;
            let inside = value.is_finite()
                && min.is_none_or(|m| value >= m)
                && max.is_none_or(|m| value <= m);
            inside.then_some(Answer::Number(value)).ok_or(P::OutOfRange)
        }
        QuestionKind::Date => parse_import_date(text).map(Answer::Date).ok_or(P::BadDate),
        _ => match kind.scale() {
            Some(scale) => scale_point(text, scale).map(Answer::Scale),
            None => Err(P::NotANumber),
        },
    }
}

impl ImportTarget for ResponseImport {
    type Field = ResponseField;
    type Record = ImportedResponse;
    type Problem = ResponseProblem;
    const REQUIRED: ResponseProblem = ResponseProblem::Required;

    fn fields(&self) -> &[ImportField<ResponseField>] {
        &self.fields
    }

    fn label(&self, field: ResponseField, lang: Lang) -> &'static str {
        match field {
            ResponseField::Date => ResponseImportText::FieldDate.in_lang(lang),
            ResponseField::Customer => ResponseImportText::FieldCustomer.in_lang(lang),
            ResponseField::Answer(i) => self.columns.get(i).map_or("", |c| c.header),
        }
    }

    fn record(
        &self,
        row: &Row<'_, ResponseField>,
    ) -> Result<ImportedResponse, RowProblems<ResponseField, ResponseProblem>> {
        use ResponseField as F;
        use ResponseProblem as P;
        let mut problems = Vec::new();
        let submitted = match row.cell(F::Date) {
            "" => Some(self.today),
            text => parse_import_date(text),
        };
        if submitted.is_none() {
            problems.push((F::Date, P::BadDate));
        }
        let customer_id = match row.cell(F::Customer) {
            "" => None,
            text => {
                let found = self.customer(text);
                if found.is_none() {
                    problems.push((F::Customer, P::UnknownCustomer));
                }
                found
            }
        };
        let mut answers = Answers::new();
        // Constant-sum points per question, with the first column of each (for a total
        // that does not add up).
        let mut splits: BTreeMap<String, usize> = BTreeMap::new();
        for (i, column) in self.columns.iter().enumerate() {
            let text = row.cell(F::Answer(i));
            let Some(kind) = self.kind(i).filter(|_| !text.is_empty()) else {
                continue;
            };
            let code = column.question.clone();
            let mut fail = |p| problems.push((F::Answer(i), p));
            match &column.part {
                ColumnPart::Whole => match whole_answer(kind, text) {
                    Ok(answer) => {
                        answers.insert(code, answer);
                    }
                    Err(p) => fail(p),
                },
                ColumnPart::MatrixRow(r) => {
                    match scale_point(text, kind.scale().unwrap_or(Scale::CES)) {
                        Ok(v) => {
                            if let Answer::Matrix(m) = answers
                                .entry(code)
                                .or_insert_with(|| Answer::Matrix(BTreeMap::new()))
                            {
                                m.insert(r.clone(), v);
                            }
                        }
                        Err(p) => fail(p),
                    }
                }
                ColumnPart::DualFirst(r) | ColumnPart::DualSecond(r) => {
                    match scale_point(text, kind.scale().unwrap_or(Scale::CES)) {
                        Ok(v) => {
                            if let Answer::Dual(m) = answers
                                .entry(code)
                                .or_insert_with(|| Answer::Dual(BTreeMap::new()))
                            {
                                let pair: &mut DualAnswer = m.entry(r.clone()).or_default();
                                match column.part {
                                    ColumnPart::DualFirst(_) => pair.first = Some(v),
                                    _ => pair.second = Some(v),
                                }
                            }
                        }
                        Err(p) => fail(p),
                    }
                }
                ColumnPart::SplitItem(r) => {
                    let total = match kind {
                        QuestionKind::ConstantSum { total, .. } => *total,
                        _ => 0,
                    };
                    match text.parse::<u32>() {
                        Ok(v) if v <= total => {
                            splits.entry(code.clone()).or_insert(i);
                            if let Answer::Split(m) = answers
                                .entry(code)
                                .or_insert_with(|| Answer::Split(BTreeMap::new()))
                            {
                                m.insert(r.clone(), v);
                            }
                        }
                        Ok(_) => fail(P::OutOfRange),
                        Err(_) => fail(P::NotANumber),
                    }
                }
            }
        }
        for (code, first_column) in splits {
            let (Some(Answer::Split(points)), Some(QuestionKind::ConstantSum { total, .. })) =
                (answers.get(&code), self.kind(first_column))
            else {
                continue;
            };
            if points.values().sum::<u32>() != *total {
                problems.push((F::Answer(first_column), P::SplitTotal));
            }
        }
        match (problems.is_empty(), submitted) {
            (true, Some(submitted)) => Ok(ImportedResponse {
                submitted,
                customer_id,
                answers,
            }),
            _ => Err(problems),
        }
    }

    fn problem_text(
        &self,
        field: ResponseField,
        problem: ResponseProblem,
        value: &str,
        lang: Lang,
    ) -> String {
        use ResponseImportText as T;
        let label = self.label(field, lang);
        let column = match field {
            ResponseField::Answer(i) => i,
            _ => usize::MAX,
        };
        match problem {
            ResponseProblem::Required => fill(T::Required.in_lang(lang), &[label]),
            ResponseProblem::BadDate => fill(T::BadDate.in_lang(lang), &[label, value]),
            ResponseProblem::UnknownCustomer => {
                fill(T::UnknownCustomer.in_lang(lang), &[label, value])
            }
            ResponseProblem::NotANumber => fill(T::NotANumber.in_lang(lang), &[label, value]),
            ResponseProblem::OutOfRange => fill(
                T::OutOfRange.in_lang(lang),
                &[label, value, &self.range_text(column)],
            ),
            ResponseProblem::UnknownChoice => fill(
                T::UnknownChoice.in_lang(lang),
                &[label, value, &self.choices_text(column)],
            ),
            ResponseProblem::SplitTotal => {
                let question = self
                    .columns
                    .get(column)
                    .map_or(label, |c| c.question.as_str());
                let total = match self.kind(column) {
                    Some(QuestionKind::ConstantSum { total, .. }) => *total,
                    _ => 0,
                };
                fill(T::SplitTotal.in_lang(lang), &[question, &total.to_string()])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::domain::demo::demo_surveys;
    use crate::surveys::domain::export::export_rows;
    use crate::surveys::domain::model::{Bilingual, Choice, Question, Section, TemplateId};
    use crate::surveys::domain::template;
    use crate::tabular::csv::parse_csv;
    use crate::tabular::import::{preview, suggest_mapping, ColumnMapping};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn customers() -> Vec<CustomerRef> {
        vec![
            CustomerRef {
                id: 7,
                email: "ann@example.com".into(),
            },
            CustomerRef {
                id: 8,
                email: String::new(),
            },
        ]
    }

    /// A survey with a choice, several choices, a number, a date and a 100-point split.
    fn mixed() -> Survey {
        let choices = |codes: &[(&str, &str, &str)]| {
            codes
                .iter()
                .map(|(code, zh, en)| Choice {
                    code: (*code).to_owned(),
                    label: Bilingual::new(zh, en),
                })
                .collect::<Vec<_>>()
        };
        let q = |code: &str, kind| Question::new(code, kind, Bilingual::new("问", "Q"));
        Survey {
            id: 5,
            sections: vec![Section {
                questions: vec![
                    q(
                        "CH",
                        QuestionKind::SingleChoice {
                            choices: choices(&[("shop", "门店", "Shop"), ("web", "网站", "Web")]),
                        },
                    ),
                    q(
                        "MC",
                        QuestionKind::MultipleChoice {
                            choices: choices(&[("a", "甲", "A"), ("b", "乙", "B")]),
                            min: None,
                            max: None,
                        },
                    ),
                    q(
                        "AGE",
                        QuestionKind::Number {
                            min: Some(0.0),
                            max: Some(120.0),
                        },
                    ),
                    q("VISIT", QuestionKind::Date),
                    q(
                        "SPLIT",
                        QuestionKind::ConstantSum {
                            items: vec![
                                crate::surveys::domain::model::Row::new("X", "甲", "X"),
                                crate::surveys::domain::model::Row::new("Y", "乙", "Y"),
                            ],
                            total: 100,
                        },
                    ),
                ],
                ..Section::default()
            }],
            ..Survey::default()
        }
    }

    fn read(survey: &Survey, csv: &str) -> (ResponseImport, Vec<Vec<String>>) {
        let target = ResponseImport::new(survey, customers(), day(2026, 6, 1));
        (target, parse_csv(csv).unwrap())
    }

    fn mapping(target: &ResponseImport, table: &[Vec<String>]) -> ColumnMapping<ResponseField> {
        suggest_mapping(target.fields(), &table[0])
    }

    #[test]
    fn headers_equal_to_codes_and_dual_columns_are_matched_by_themselves() {
        let survey = template(TemplateId::Servqual, 1);
        let target = ResponseImport::new(&survey, customers(), day(2026, 6, 1));
        let headers = ["Date", "客户", "sq1_e", "SQ1_P", "SQ22_P", "W_TAN", "notes"];
        let fields = mapping(&target, &[headers.map(String::from).to_vec()]).columns;
        let names: Vec<Option<String>> = fields
            .iter()
            .map(|f| f.map(|f| target.label(f, Lang::En).to_owned()))
            .collect();
        let expected = [
            Some("Date"),
            Some("Customer"),
            Some("SQ1_E"),
            Some("SQ1_P"),
            Some("SQ22_P"),
            Some("W_TAN"),
            None,
        ];
        assert_eq!(names, expected.map(|e| e.map(String::from)));
        // 44 dual columns, 5 weights, each once, in the export's order.
        assert_eq!(target.columns().len(), 49);
        assert_eq!(target.columns()[1].header, "SQ1_P");
        assert_eq!(
            target.columns()[1].part,
            ColumnPart::DualSecond("SQ1".into())
        );
    }

    #[test]
    fn rows_become_responses_with_dual_pairs_dates_and_customers() {
        let survey = template(TemplateId::Servqual, 1);
        let (target, table) = read(
            &survey,
            "date,customer,SQ1_E,SQ1_P,SQ2_E\n2026/3/5,ANN@example.com,7,5,\n,8,,3,6\n",
        );
        let found = preview(&target, &table, &mapping(&target, &table));
        assert_eq!(found.errors, []);
        let first = &found.records[0];
        assert_eq!(first.submitted, day(2026, 3, 5));
        assert_eq!(first.customer_id, Some(7));
        let dual = |pairs: &[(&str, DualAnswer)]| {
            Answer::Dual(pairs.iter().map(|(c, a)| ((*c).to_owned(), *a)).collect())
        };
        assert_eq!(
            first.answers["SQ_TAN"],
            dual(&[("SQ1", DualAnswer::both(7, 5))])
        );
        // An empty date is the day of the import; a skipped cell is no answer at all.
        let second = &found.records[1];
        assert_eq!(
            (second.submitted, second.customer_id),
            (day(2026, 6, 1), Some(8))
        );
        let only_p = DualAnswer {
            first: None,
            second: Some(3),
        };
        let only_e = DualAnswer {
            first: Some(6),
            second: None,
        };
        assert_eq!(
            second.answers["SQ_TAN"],
            dual(&[("SQ1", only_p), ("SQ2", only_e)])
        );
    }

    #[test]
    fn every_bad_cell_is_a_row_error_in_the_users_language() {
        let survey = template(TemplateId::Servqual, 1);
        let (target, table) = read(
            &survey,
            "date,customer,SQ1_E,SQ1_P,W_TAN,W_REL,W_RES,W_ASS,W_EMP\n\
             2026-02-30,bob@example.com,8,x,20,20,20,20,20\n\
             2026-01-02,,7,7,50,50,10,0,0\n\
             2026-01-03,,1,2,,,,,\n",
        );
        let found = preview(&target, &table, &mapping(&target, &table));
        assert_eq!(found.records.len(), 1, "only the last row is clean");
        // The shared flow puts "Row 2: " before each ("第 2 行：").
        let texts: Vec<(String, String)> = found
            .errors
            .iter()
            .map(|e| {
                let text = |lang| target.problem_text(e.field, e.problem, &e.value, lang);
                (
                    format!("Row {}: {}", e.row, text(Lang::En)),
                    format!("第 {} 行：{}", e.row, text(Lang::Zh)),
                )
            })
            .collect();
        let expected = [
            (
                "Row 2: Date: “2026-02-30” is not a date like 2026-03-31.",
                "第 2 行：日期：“2026-02-30”不是 2026-03-31 这样的日期。",
            ),
            (
                "Row 2: Customer: no customer has the email or id “bob@example.com”.",
                "第 2 行：客户：没有邮箱或编号为“bob@example.com”的客户。",
            ),
            (
                "Row 2: SQ1_E: “8” is outside 1–7.",
                "第 2 行：SQ1_E：“8”超出了 1–7 的范围。",
            ),
            (
                "Row 2: SQ1_P: “x” is not a number.",
                "第 2 行：SQ1_P：“x”不是数字。",
            ),
            (
                "Row 3: SQW: the points do not add up to 100.",
                "第 3 行：SQW：各项分数合计不等于 100。",
            ),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(en, zh)| ((*en).to_owned(), (*zh).to_owned()))
            .collect();
        assert_eq!(texts, expected);
    }

    #[test]
    fn choices_are_read_by_code_or_label_and_unknown_ones_are_refused() {
        let survey = mixed();
        // (cells under CH, MC, AGE, VISIT, X, Y; the answers or the problems)
        type Case = (
            &'static str,
            Result<Vec<(&'static str, Answer)>, Vec<ResponseProblem>>,
        );
        let cases: Vec<Case> = vec![
            (
                "Web,a;乙,42,2026-05-01,60,40",
                Ok(vec![
                    ("AGE", Answer::Number(42.0)),
                    ("CH", Answer::Choice("web".into())),
                    ("MC", Answer::Choices(vec!["a".into(), "b".into()])),
                    (
                        "SPLIT",
                        Answer::Split([("X".into(), 60), ("Y".into(), 40)].into()),
                    ),
                    ("VISIT", Answer::Date(day(2026, 5, 1))),
                ]),
            ),
            ("门店,,,,,", Ok(vec![("CH", Answer::Choice("shop".into()))])),
            (
                "phone,a、c,130,May,101,",
                Err(vec![
                    ResponseProblem::UnknownChoice,
                    ResponseProblem::UnknownChoice,
                    ResponseProblem::OutOfRange,
                    ResponseProblem::BadDate,
                    ResponseProblem::OutOfRange,
                ]),
            ),
        ];
        for (cells, expected) in cases {
            let csv = format!("CH,MC,AGE,VISIT,X,Y\n{cells}\n");
            let (target, table) = read(&survey, &csv);
            let found = preview(&target, &table, &mapping(&target, &table));
            let got = match found.errors.is_empty() {
                true => Ok(found.records[0].answers.clone()),
                false => Err(found.errors.iter().map(|e| e.problem).collect::<Vec<_>>()),
            };
            let expected = expected.map(|pairs| {
                pairs
                    .into_iter()
                    .map(|(c, a)| (c.to_owned(), a))
                    .collect::<Answers>()
            });
            assert_eq!(got, expected, "{cells}");
        }
        let (target, _) = read(&survey, "CH\n");
        let text = target.problem_text(
            ResponseField::Answer(0),
            ResponseProblem::UnknownChoice,
            "phone",
            Lang::En,
        );
        assert_eq!(text, "CH: “phone” is not one of the choices (shop, web).");
    }

    #[test]
    fn an_export_imports_back_to_the_same_answers() {
        let book = demo_surveys(&[1, 2, 3], day(2026, 6, 1));
        for survey in &book.surveys {
            let responses = book.responses_to(survey.id);
            let rows = export_rows(survey, &responses, |id| id.to_string());
            let refs = [1, 2, 3]
                .map(|id| CustomerRef {
                    id,
                    email: String::new(),
                })
                .to_vec();
            let target = ResponseImport::new(survey, refs, day(2026, 6, 1));
            let found = preview(&target, &rows, &suggest_mapping(target.fields(), &rows[0]));
            assert_eq!(found.errors, [], "{}", survey.name.en);
            assert_eq!(found.records.len(), responses.len());
            for (read, stored) in found.records.iter().zip(&responses) {
                assert_eq!(read.answers, stored.answers);
                assert_eq!(read.submitted, stored.submitted);
                assert_eq!(read.customer_id, stored.customer_id);
            }
        }
    }
}
