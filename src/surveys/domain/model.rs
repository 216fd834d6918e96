//! Survey types: a survey (sections of questions in one or two languages) and the
//! responses to it, as plain data the builder, the respondent page and the scores share.
//!
//! Answers are keyed by codes, never by wording: a question's `code` (`Q1`, `NPS`), a
//! matrix row's or a constant-sum item's `code` (`SQ1`), a choice's `code`. Editing a
//! typo in the wording therefore keeps every answer already given. Row and item codes
//! share one namespace with question codes (they are the CSV columns: `SQ1_E`, `SQ1_P`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// A text in both survey languages; either may be empty when the survey has one language.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq, Hash)]
#[serde(default)]
pub struct Bilingual {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub zh: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl Bilingual {
    pub fn new(zh: &str, en: &str) -> Bilingual {
        Bilingual {
            zh: zh.to_owned(),
            en: en.to_owned(),
        }
    }

    /// The text in `lang`, or in the other language when it has none in `lang`.
    pub fn in_lang(&self, lang: Lang) -> &str {
        let (first, other) = match lang {
            Lang::Zh => (&self.zh, &self.en),
            Lang::En => (&self.en, &self.zh),
        };
        if first.trim().is_empty() {
            other
        } else {
            first
        }
    }

    /// The text in exactly `lang`, possibly empty.
    pub fn exactly(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    pub fn is_blank(&self) -> bool {
        self.zh.trim().is_empty() && self.en.trim().is_empty()
    }
}

/// Where a survey is in its life: drafted, collecting answers, or no longer collecting.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum SurveyStatus {
    #[default]
    Draft,
    Open,
    Closed,
}

impl SurveyStatus {
    pub const ALL: [SurveyStatus; 3] = [
        SurveyStatus::Draft,
        SurveyStatus::Open,
        SurveyStatus::Closed,
    ];
}

/// Which built-in template a survey started from, and that template's version, so a
/// link to an unchanged template can carry only these two numbers.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TemplateOrigin {
    pub id: TemplateId,
    pub version: u32,
}

/// The built-in templates (see `templates.rs`).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum TemplateId {
    Servqual,
    SatisfactionIndex,
    Nps,
    Csat,
    Ces,
    ImportancePerformance,
    DeliveredValue,
}

impl TemplateId {
    pub const ALL: [TemplateId; 7] = [
        TemplateId::Servqual,
        TemplateId::SatisfactionIndex,
        TemplateId::Nps,
        TemplateId::Csat,
        TemplateId::Ces,
        TemplateId::ImportancePerformance,
        TemplateId::DeliveredValue,
    ];

    /// A small stable number for share links (never reuse one).
    pub fn number(self) -> u8 {
        match self {
            TemplateId::Servqual => 1,
            TemplateId::SatisfactionIndex => 2,
            TemplateId::Nps => 3,
            TemplateId::Csat => 4,
            TemplateId::Ces => 5,
            TemplateId::ImportancePerformance => 6,
            TemplateId::DeliveredValue => 7,
        }
    }

    pub fn from_number(number: u8) -> Option<TemplateId> {
        TemplateId::ALL.into_iter().find(|t| t.number() == number)
    }
}

/// A survey: its questions in sections (pages), in one or both languages.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct Survey {
    pub id: u64,
    /// Raised whenever the answer layout changes (a question, row, choice or scale is
    /// added, removed or changed), so a response code says which layout it answered.
    pub version: u32,
    pub name: Bilingual,
    pub status: SurveyStatus,
    /// The languages a respondent may choose, in the order offered; never empty when valid.
    pub languages: Vec<Lang>,
    #[serde(skip_serializing_if = "Bilingual::is_blank")]
    pub intro: Bilingual,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<TemplateOrigin>,
    pub sections: Vec<Section>,
}

impl Default for Survey {
    fn default() -> Self {
        Survey {
            id: 0,
            version: 1,
            name: Bilingual::default(),
            status: SurveyStatus::Draft,
            languages: vec![Lang::Zh, Lang::En],
            intro: Bilingual::default(),
            template: None,
            sections: Vec::new(),
        }
    }
}

impl Survey {
    /// Every question in order, across sections.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// The question with `code`.
    pub fn question(&self, code: &str) -> Option<&Question> {
        self.questions().find(|q| q.code == code)
    }

    /// The number of questions, across sections.
    pub fn question_count(&self) -> usize {
        self.sections.iter().map(|s| s.questions.len()).sum()
    }

    /// Whether section `index` is shown, given the answers so far.
    pub fn section_shown(&self, index: usize, answers: &Answers) -> bool {
        self.sections
            .get(index)
            .is_some_and(|s| s.show_if.as_ref().is_none_or(|c| c.holds(answers)))
    }

    /// Whether the question with `code` is shown: its section is shown and its own
    /// condition (if any) holds.
    pub fn question_shown(&self, code: &str, answers: &Answers) -> bool {
        self.sections.iter().enumerate().any(|(index, section)| {
            section.questions.iter().any(|q| {
                q.code == code
                    && self.section_shown(index, answers)
                    && q.show_if.as_ref().is_none_or(|c| c.holds(answers))
            })
        })
    }

    /// The questions a respondent with these answers sees, in order.
    pub fn shown_questions<'a>(
        &'a self,
        answers: &'a Answers,
    ) -> impl Iterator<Item = &'a Question> {
        self.sections
            .iter()
            .enumerate()
            .filter(move |(index, _)| self.section_shown(*index, answers))
            .flat_map(|(_, s)| s.questions.iter())
            .filter(move |q| q.show_if.as_ref().is_none_or(|c| c.holds(answers)))
    }
}

/// A page of the survey, shown only when its condition (if any) holds.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default)]
pub struct Section {
    #[serde(skip_serializing_if = "Bilingual::is_blank")]
    pub title: Bilingual,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    pub questions: Vec<Question>,
}

/// One question.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct Question {
    /// Short and unique in the survey (`Q1`, `NPS`, `SQW`): letters, digits and `_`.
    pub code: String,
    pub kind: QuestionKind,
    pub text: Bilingual,
    #[serde(skip_serializing_if = "Bilingual::is_blank")]
    pub help: Bilingual,
    #[serde(skip_serializing_if = "is_false")]
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// Shuffle the choices (or rows) for each respondent, against order bias.
    #[serde(skip_serializing_if = "is_false")]
    pub randomise: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Default for Question {
    fn default() -> Self {
        Question {
            code: String::new(),
            kind: QuestionKind::ShortText,
            text: Bilingual::default(),
            help: Bilingual::default(),
            required: false,
            show_if: None,
            randomise: false,
        }
    }
}

impl Question {
    pub fn new(code: &str, kind: QuestionKind, text: Bilingual) -> Question {
        Question {
            code: code.to_owned(),
            kind,
            text,
            ..Question::default()
        }
    }

    pub fn required(mut self) -> Question {
        self.required = true;
        self
    }
}

/// A choice of a choice question; `code` is what an answer stores.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct Choice {
    pub code: String,
    pub label: Bilingual,
}

/// A row of a matrix or an item of a constant-sum question; `code` is unique in the
/// survey (it names the CSV column).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct Row {
    pub code: String,
    pub text: Bilingual,
}

impl Row {
    pub fn new(code: &str, zh: &str, en: &str) -> Row {
        Row {
            code: code.to_owned(),
            text: Bilingual::new(zh, en),
        }
    }
}

/// The words at the two ends of a scale ("Strongly disagree" … "Strongly agree").
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct ScaleEnds {
    #[serde(skip_serializing_if = "Bilingual::is_blank")]
    pub low: Bilingual,
    #[serde(skip_serializing_if = "Bilingual::is_blank")]
    pub high: Bilingual,
}

/// A numeric answer scale `min..=max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Scale {
    pub min: u8,
    pub max: u8,
}

impl Scale {
    pub const NPS: Scale = Scale { min: 0, max: 10 };
    pub const CSAT: Scale = Scale { min: 1, max: 5 };
    pub const CES: Scale = Scale { min: 1, max: 7 };

    /// `points` points starting at `start`, e.g. 7 from 1 is 1..=7.
    pub fn of(points: u8, start: u8) -> Scale {
        Scale {
            min: start,
            max: start.saturating_add(points.saturating_sub(1)),
        }
    }

    pub fn contains(self, value: u8) -> bool {
        (self.min..=self.max).contains(&value)
    }

    pub fn points(self) -> u8 {
        self.max - self.min + 1
    }

    /// The middle of the scale, e.g. 4 on 1–7 (the importance–performance crosshair).
    pub fn midpoint(self) -> f64 {
        (f64::from(self.min) + f64::from(self.max)) / 2.0
    }
}

/// The two answers of each dual-scale row.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum DualColumns {
    /// Expectation, then perception (SERVQUAL, the satisfaction index): CSV `_E`, `_P`.
    #[default]
    ExpectationPerception,
    /// Importance, then performance (importance–performance analysis): CSV `_I`, `_P`.
    ImportancePerformance,
}

impl DualColumns {
    /// The CSV column suffixes of the first and the second answer.
    pub fn suffixes(self) -> (&'static str, &'static str) {
        match self {
            DualColumns::ExpectationPerception => ("_E", "_P"),
            DualColumns::ImportancePerformance => ("_I", "_P"),
        }
    }
}

fn default_start() -> u8 {
    1
}

fn default_points() -> u8 {
    7
}

fn default_total() -> u32 {
    100
}

/// What kind of answer a question takes.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "KindRecord")]
pub enum QuestionKind {
    /// One of the choices.
    SingleChoice {
        choices: Vec<Choice>,
    },
    /// Any number of the choices, optionally bounded.
    MultipleChoice {
        choices: Vec<Choice>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u8>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u8>,
    },
    /// A rating of 2–11 points from `start` (0 or 1), with labelled ends.
    Rating {
        #[serde(default = "default_points")]
        points: u8,
        #[serde(default = "default_start")]
        start: u8,
        #[serde(default)]
        ends: ScaleEnds,
    },
    /// Likelihood to recommend, 0–10.
    Nps,
    /// Satisfaction, 1–5.
    Csat,
    /// Customer effort ("it was easy to …", agreement 1–7; CES 2.0).
    Ces,
    /// How important something is, 2–11 points from `start`.
    Importance {
        #[serde(default = "default_points")]
        points: u8,
        #[serde(default = "default_start")]
        start: u8,
        #[serde(default)]
        ends: ScaleEnds,
    },
    /// Several rows answered on one scale.
    LikertMatrix {
        rows: Vec<Row>,
        #[serde(default = "default_points")]
        points: u8,
        #[serde(default = "default_start")]
        start: u8,
        #[serde(default)]
        ends: ScaleEnds,
    },
    /// Each row answered twice on one scale: expectation and perception side by side
    /// (or importance and performance).
    DualMatrix {
        rows: Vec<Row>,
        #[serde(default = "default_points")]
        points: u8,
        #[serde(default = "default_start")]
        start: u8,
        #[serde(default)]
        ends: ScaleEnds,
        #[serde(default)]
        columns: DualColumns,
    },
    /// Share `total` points (usually 100) across the items.
    ConstantSum {
        items: Vec<Row>,
        #[serde(default = "default_total")]
        total: u32,
    },
    ShortText,
    LongText,
    Number {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
    },
    Date,
}

/// A question's kind as read from JSON: every field any kind has, beside its `type`.
/// serde's own reading of an internally tagged enum buffers the whole object first, and
/// its code for that was the largest of the surveys' (about 30 KB of wasm); a flat record
/// reads the same JSON straight from the text.
#[derive(Deserialize)]
struct KindRecord {
    #[serde(rename = "type")]
    kind: String,
    choices: Option<Vec<Choice>>,
    min: Option<f64>,
    max: Option<f64>,
    points: Option<u8>,
    start: Option<u8>,
    #[serde(default)]
    ends: ScaleEnds,
    rows: Option<Vec<Row>>,
    #[serde(default)]
    columns: DualColumns,
    items: Option<Vec<Row>>,
    total: Option<u32>,
}

impl TryFrom<KindRecord> for QuestionKind {
    type Error = String;

    fn try_from(r: KindRecord) -> Result<Self, String> {
        let needed = |field: &str| format!("missing field `{field}`");
        let count = |v: Option<f64>| -> Result<Option<u8>, String> {
            v.map(|v| {
                if v.fract() == 0.0 && (0.0..=255.0).contains(&v) {
                    Ok(v as u8)
                } else {
                    Err(format!("invalid value: {v}, expected u8"))
                }
            })
            .transpose()
        };
        let points = r.points.unwrap_or_else(default_points);
        let start = r.start.unwrap_or_else(default_start);
        let ends = r.ends;
        Ok(match r.kind.as_str() {
            "single_choice" => QuestionKind::SingleChoice {
                choices: r.choices.ok_or_else(|| needed("choices"))?,
            },
            "multiple_choice" => QuestionKind::MultipleChoice {
                choices: r.choices.ok_or_else(|| needed("choices"))?,
                min: count(r.min)?,
                max: count(r.max)?,
            },
            "rating" => QuestionKind::Rating {
                points,
                start,
                ends,
            },
            "nps" => QuestionKind::Nps,
            "csat" => QuestionKind::Csat,
            "ces" => QuestionKind::Ces,
            "importance" => QuestionKind::Importance {
                points,
                start,
                ends,
            },
            "likert_matrix" => QuestionKind::LikertMatrix {
                rows: r.rows.ok_or_else(|| needed("rows"))?,
                points,
                start,
                ends,
            },
            "dual_matrix" => QuestionKind::DualMatrix {
                rows: r.rows.ok_or_else(|| needed("rows"))?,
                points,
                start,
                ends,
                columns: r.columns,
            },
            "constant_sum" => QuestionKind::ConstantSum {
                items: r.items.ok_or_else(|| needed("items"))?,
                total: r.total.unwrap_or_else(default_total),
            },
            "short_text" => QuestionKind::ShortText,
            "long_text" => QuestionKind::LongText,
            "number" => QuestionKind::Number {
                min: r.min,
                max: r.max,
            },
            "date" => QuestionKind::Date,
            other => return Err(format!("unknown variant `{other}`")),
        })
    }
}

impl QuestionKind {
    /// The numeric scale of a single-value scale question or of a matrix's rows.
    pub fn scale(&self) -> Option<Scale> {
        match self {
            QuestionKind::Nps => Some(Scale::NPS),
            QuestionKind::Csat => Some(Scale::CSAT),
            QuestionKind::Ces => Some(Scale::CES),
            QuestionKind::Rating { points, start, .. }
            | QuestionKind::Importance { points, start, .. }
            | QuestionKind::LikertMatrix { points, start, .. }
            | QuestionKind::DualMatrix { points, start, .. } => Some(Scale::of(*points, *start)),
            _ => None,
        }
    }

    /// True for the kinds answered by one number on a scale.
    pub fn is_single_scale(&self) -> bool {
        matches!(
            self,
            QuestionKind::Nps
                | QuestionKind::Csat
                | QuestionKind::Ces
                | QuestionKind::Rating { .. }
                | QuestionKind::Importance { .. }
        )
    }

    /// The rows of a matrix, or the items of a constant-sum question.
    pub fn rows(&self) -> &[Row] {
        match self {
            QuestionKind::LikertMatrix { rows, .. } | QuestionKind::DualMatrix { rows, .. } => rows,
            QuestionKind::ConstantSum { items, .. } => items,
            _ => &[],
        }
    }

    /// The choices of a choice question.
    pub fn choices(&self) -> &[Choice] {
        match self {
            QuestionKind::SingleChoice { choices }
            | QuestionKind::MultipleChoice { choices, .. } => choices,
            _ => &[],
        }
    }
}

/// One answer. A question left unanswered has no entry at all (skipped answers are
/// never counted in a figure's n).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// A single choice's code.
    Choice(String),
    /// The codes of the choices picked.
    Choices(Vec<String>),
    /// A point on a scale (rating, NPS, CSAT, CES, importance).
    Scale(u8),
    /// Matrix rows answered, by row code.
    Matrix(BTreeMap<String, u8>),
    /// Dual-scale rows answered, by row code.
    Dual(BTreeMap<String, DualAnswer>),
    /// Points given to each item of a constant-sum question, by item code.
    Split(BTreeMap<String, u32>),
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Answer {
    /// The value a show-if condition compares: a choice code or a number's text.
    fn comparable(&self) -> Option<Comparable<'_>> {
        match self {
            Answer::Choice(code) => Some(Comparable::Choices(std::slice::from_ref(code))),
            Answer::Choices(codes) => Some(Comparable::Choices(codes)),
            Answer::Scale(v) => Some(Comparable::Number(f64::from(*v))),
            Answer::Number(v) => Some(Comparable::Number(*v)),
            _ => None,
        }
    }
}

/// Saving fingerprints every stored response, so answers hash; a number by its bits.
impl std::hash::Hash for Answer {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Answer::Choice(code) | Answer::Text(code) => code.hash(state),
            Answer::Choices(codes) => codes.hash(state),
            Answer::Scale(v) => v.hash(state),
            Answer::Matrix(rows) => rows.hash(state),
            Answer::Dual(rows) => rows.hash(state),
            Answer::Split(items) => items.hash(state),
            Answer::Number(v) => v.to_bits().hash(state),
            Answer::Date(d) => d.hash(state),
        }
    }
}

enum Comparable<'a> {
    Choices(&'a [String]),
    Number(f64),
}

/// The two answers of one dual-scale row; either may be skipped. Written as
/// `{"e": …, "p": …}` without the skipped ones in JSON, and as two options in the
/// stored binary form (see `super::wire`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DualAnswer {
    /// Expectation (or importance).
    pub first: Option<u8>,
    /// Perception (or performance).
    pub second: Option<u8>,
}

impl DualAnswer {
    pub fn both(first: u8, second: u8) -> DualAnswer {
        DualAnswer {
            first: Some(first),
            second: Some(second),
        }
    }
}

/// Answers by question code.
pub type Answers = BTreeMap<String, Answer>;

/// A show-if condition: the question is shown only when an earlier answer passes `test`.
/// An unanswered target never passes.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Condition {
    /// The code of an earlier question.
    pub question: String,
    pub test: Test,
}

/// How a condition compares the earlier answer.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// Equals a choice code (a multiple choice: includes it) or a number.
    Equals(Value),
    /// Equals (includes) any of these.
    OneOf(Vec<Value>),
    GreaterThan(f64),
    LessThan(f64),
}

/// A value a condition compares with.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Choice(String),
}

impl Condition {
    pub fn new(question: &str, test: Test) -> Condition {
        Condition {
            question: question.to_owned(),
            test,
        }
    }

    /// Whether the answers meet the condition.
    pub fn holds(&self, answers: &Answers) -> bool {
        let Some(answer) = answers.get(&self.question).and_then(Answer::comparable) else {
            return false;
        };
        let equals = |value: &Value| match (&answer, value) {
            (Comparable::Choices(codes), Value::Choice(code)) => codes.contains(code),
            (Comparable::Number(a), Value::Number(b)) => a == b,
            _ => false,
        };
        match (&self.test, &answer) {
            (Test::Equals(value), _) => equals(value),
            (Test::OneOf(values), _) => values.iter().any(equals),
            (Test::GreaterThan(limit), Comparable::Number(v)) => v > limit,
            (Test::LessThan(limit), Comparable::Number(v)) => v < limit,
            _ => false,
        }
    }
}

/// One respondent's answers to one survey. Written as JSON (backups, exports) without
/// the absent options, and in a fixed binary form in the stored shards (see
/// `super::wire`).
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Response {
    pub id: u64,
    pub survey_id: u64,
    /// The survey version answered (see [`Survey::version`]).
    pub survey_version: u32,
    /// The customer it is linked to, if any.
    pub customer_id: Option<u64>,
    /// Where it was collected (a touchpoint of a blueprint, "kiosk", …).
    pub touchpoint: Option<String>,
    pub submitted: NaiveDate,
    pub answers: Answers,
}

impl Default for Response {
    fn default() -> Self {
        Response {
            id: 0,
            survey_id: 0,
            survey_version: 1,
            customer_id: None,
            touchpoint: None,
            submitted: NaiveDate::default(),
            answers: Answers::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        pairs
            .iter()
            .map(|(code, answer)| ((*code).to_owned(), answer.clone()))
            .collect()
    }

    #[test]
    fn every_question_kind_reads_back_from_its_json() {
        let choices = vec![Choice::default()];
        let rows = vec![Row::default()];
        let ends = ScaleEnds::default();
        let kinds = [
            QuestionKind::SingleChoice {
                choices: choices.clone(),
            },
            QuestionKind::MultipleChoice {
                choices: choices.clone(),
                min: Some(1),
                max: None,
            },
            QuestionKind::MultipleChoice {
                choices,
                min: None,
                max: Some(3),
            },
            QuestionKind::Rating {
                points: 5,
                start: 0,
                ends: ends.clone(),
            },
            QuestionKind::Nps,
            QuestionKind::Csat,
            QuestionKind::Ces,
            QuestionKind::Importance {
                points: 11,
                start: 1,
                ends: ends.clone(),
            },
            QuestionKind::LikertMatrix {
                rows: rows.clone(),
                points: 7,
                start: 1,
                ends: ends.clone(),
            },
            QuestionKind::DualMatrix {
                rows: rows.clone(),
                points: 7,
                start: 1,
                ends,
                columns: DualColumns::ImportancePerformance,
            },
            QuestionKind::ConstantSum {
                items: rows,
                total: 10,
            },
            QuestionKind::ShortText,
            QuestionKind::LongText,
            QuestionKind::Number {
                min: Some(-1.5),
                max: None,
            },
            QuestionKind::Date,
        ];
        for kind in kinds {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(
                serde_json::from_str::<QuestionKind>(&json).unwrap(),
                kind,
                "{json}"
            );
        }
    }

    #[test]
    fn a_question_kind_reads_with_its_defaults_and_refuses_what_is_wrong() {
        let check = |json: &str, expected: Option<QuestionKind>| {
            assert_eq!(
                serde_json::from_str::<QuestionKind>(json).ok(),
                expected,
                "{json}"
            );
        };
        check(
            r#"{"type":"rating"}"#,
            Some(QuestionKind::Rating {
                points: 7,
                start: 1,
                ends: ScaleEnds::default(),
            }),
        );
        check(
            r#"{"type":"dual_matrix","rows":[],"extra":1}"#,
            Some(QuestionKind::DualMatrix {
                rows: vec![],
                points: 7,
                start: 1,
                ends: ScaleEnds::default(),
                columns: DualColumns::default(),
            }),
        );
        check(
            r#"{"type":"constant_sum","items":[]}"#,
            Some(QuestionKind::ConstantSum {
                items: vec![],
                total: 100,
            }),
        );
        check(
            r#"{"type":"multiple_choice","choices":[],"min":null}"#,
            Some(QuestionKind::MultipleChoice {
                choices: vec![],
                min: None,
                max: None,
            }),
        );
        check(r#"{"type":"single_choice"}"#, None);
        check(r#"{"type":"multiple_choice","choices":[],"max":2.5}"#, None);
        check(r#"{"type":"multiple_choice","choices":[],"max":300}"#, None);
        check(r#"{"type":"poll"}"#, None);
        check(r#"{"points":5}"#, None);
    }

    #[test]
    fn conditions_compare_the_earlier_answer() {
        let choice = |c: &str| Value::Choice(c.to_owned());
        let given = answers(&[
            ("Q1", Answer::Choice("yes".into())),
            ("Q2", Answer::Scale(4)),
            ("Q3", Answer::Choices(vec!["a".into(), "c".into()])),
            ("Q4", Answer::Number(2.5)),
            ("Q5", Answer::Text("yes".into())),
        ]);
        // (condition, holds)
        let cases = [
            (Condition::new("Q1", Test::Equals(choice("yes"))), true),
            (Condition::new("Q1", Test::Equals(choice("no"))), false),
            (
                Condition::new("Q1", Test::OneOf(vec![choice("no"), choice("yes")])),
                true,
            ),
            (Condition::new("Q2", Test::GreaterThan(3.0)), true),
            (Condition::new("Q2", Test::GreaterThan(4.0)), false),
            (Condition::new("Q2", Test::LessThan(5.0)), true),
            (Condition::new("Q2", Test::Equals(Value::Number(4.0))), true),
            (
                Condition::new("Q2", Test::OneOf(vec![Value::Number(1.0)])),
                false,
            ),
            (Condition::new("Q3", Test::Equals(choice("c"))), true),
            (Condition::new("Q3", Test::Equals(choice("b"))), false),
            (Condition::new("Q4", Test::LessThan(3.0)), true),
            // A choice is never greater than a number; text is never compared.
            (Condition::new("Q1", Test::GreaterThan(0.0)), false),
            (Condition::new("Q5", Test::Equals(choice("yes"))), false),
            // An unanswered question never passes.
            (Condition::new("Q9", Test::LessThan(100.0)), false),
        ];
        for (condition, holds) in cases {
            assert_eq!(condition.holds(&given), holds, "{condition:?}");
        }
    }

    #[test]
    fn hidden_sections_hide_their_questions() {
        let q = |code: &str| Question::new(code, QuestionKind::Nps, Bilingual::new("问", "Q"));
        let survey = Survey {
            sections: vec![
                Section {
                    questions: vec![q("A")],
                    ..Section::default()
                },
                Section {
                    show_if: Some(Condition::new("A", Test::LessThan(7.0))),
                    questions: vec![q("B"), q("C")],
                    ..Section::default()
                },
            ],
            ..Survey::default()
        };
        let shown = |a: &Answers| {
            survey
                .shown_questions(a)
                .map(|q| q.code.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(shown(&Answers::new()), ["A"]);
        assert_eq!(shown(&answers(&[("A", Answer::Scale(3))])), ["A", "B", "C"]);
        assert_eq!(shown(&answers(&[("A", Answer::Scale(9))])), ["A"]);
        assert!(survey.question_shown("C", &answers(&[("A", Answer::Scale(3))])));
        assert!(!survey.question_shown("C", &answers(&[("A", Answer::Scale(9))])));
        assert!(!survey.question_shown("Z", &Answers::new()));
    }

    #[test]
    fn a_text_falls_back_to_the_other_language() {
        let only_zh = Bilingual::new("您好", "");
        assert_eq!(only_zh.in_lang(Lang::En), "您好");
        assert_eq!(only_zh.exactly(Lang::En), "");
        assert_eq!(Bilingual::new("您好", "Hello").in_lang(Lang::En), "Hello");
    }

    #[test]
    fn scales_know_their_bounds() {
        assert_eq!(Scale::of(7, 1), Scale { min: 1, max: 7 });
        assert_eq!(Scale::of(11, 0), Scale::NPS);
        assert_eq!(Scale::of(7, 1).midpoint(), 4.0);
        assert!(!Scale::CSAT.contains(0));
        assert_eq!(Scale::CES.points(), 7);
    }

    #[test]
    fn stored_surveys_read_back_and_missing_fields_take_defaults() {
        let survey = Survey {
            id: 7,
            name: Bilingual::new("测试", "Test"),
            sections: vec![Section {
                questions: vec![Question::new(
                    "Q1",
                    QuestionKind::DualMatrix {
                        rows: vec![Row::new("R1", "行", "Row")],
                        points: 7,
                        start: 1,
                        ends: ScaleEnds::default(),
                        columns: DualColumns::ExpectationPerception,
                    },
                    Bilingual::new("问", "Q"),
                )
                .required()],
                ..Section::default()
            }],
            ..Survey::default()
        };
        let json = serde_json::to_string(&survey).unwrap();
        assert_eq!(serde_json::from_str::<Survey>(&json).unwrap(), survey);
        let sparse: Survey = serde_json::from_str(
            r#"{"id":3,"sections":[{"questions":[{"code":"Q1","kind":{"type":"rating"}}]}]}"#,
        )
        .unwrap();
        assert_eq!(sparse.version, 1);
        assert_eq!(sparse.languages, [Lang::Zh, Lang::En]);
        assert_eq!(
            sparse.sections[0].questions[0].kind.scale(),
            Some(Scale::of(7, 1))
        );
        let response = Response {
            answers: answers(&[(
                "Q1",
                Answer::Dual(BTreeMap::from([("R1".to_owned(), DualAnswer::both(5, 6))])),
            )]),
            ..Response::default()
        };
        let json = serde_json::to_string(&response).unwrap();
        assert_eq!(serde_json::from_str::<Response>(&json).unwrap(), response);
    }
}
