//! Checks a survey (codes, scales, show-if logic) and a response (required answers,
//! ranges, constant-sum totals), reporting every problem at once as data the UI
//! translates.

use std::collections::BTreeSet;

use super::model::{Answer, Condition, QuestionKind, Response, Scale, Survey, Test, Value};

/// The longest code a question, row, item or choice may have: short enough for a CSV
/// header and a chart label.
pub const MAX_CODE_CHARS: usize = 20;

/// Rating and importance scales have this many points at least and at most.
pub const SCALE_POINTS: std::ops::RangeInclusive<u8> = 2..=11;

/// What a show-if condition is attached to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConditionOwner {
    /// The question with this code.
    Question(String),
    /// The section at this index (0-based).
    Section(usize),
}

/// Why a show-if condition is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConditionRefusal {
    /// No question has the code the condition names.
    MissingQuestion,
    /// The question it names comes later (or is in the same section as a section's
    /// condition), so its answer is not known yet when the condition is needed.
    LaterQuestion,
    /// A question cannot depend on itself.
    OwnQuestion,
    /// The question it names has no single value to compare (a matrix, text, date,
    /// constant-sum).
    NotComparable,
    /// "Greater than" or "less than" on a choice question.
    NeedsNumber,
    /// "Equals" a number on a choice question, or a choice on a number question.
    WrongValueKind,
    /// A choice code the question does not have.
    UnknownChoice(String),
    /// A number its scale cannot reach.
    OutsideScale,
    /// "One of" an empty list, which can never hold.
    EmptyList,
}

/// What is wrong with a survey.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SurveyProblem {
    NoLanguage,
    NoQuestions,
    /// The question at this place (section, index in the section) has no code.
    EmptyCode {
        section: usize,
        index: usize,
    },
    /// A code (of a question, row or item) that is not letters, digits and `_`, or too long.
    InvalidCode {
        code: String,
    },
    /// A code used twice: question, row and item codes share one namespace.
    DuplicateCode {
        code: String,
    },
    /// A question with no text in one of the survey's languages.
    MissingText {
        code: String,
    },
    /// A choice question with fewer than two choices.
    TooFewChoices {
        code: String,
    },
    /// A choice with no code, a code used twice in one question, or no label.
    BadChoice {
        code: String,
        choice: String,
    },
    /// Multiple-choice limits that cannot be met (min > max, or more than the choices).
    ImpossibleLimits {
        code: String,
    },
    /// A rating, importance or matrix scale outside 2–11 points or starting other than 0 or 1.
    BadScale {
        code: String,
    },
    /// A matrix or constant-sum question without rows, or a row without text.
    NoRows {
        code: String,
    },
    /// A constant-sum question whose total is 0.
    ZeroTotal {
        code: String,
    },
    /// A number question whose minimum is above its maximum.
    BadNumberRange {
        code: String,
    },
    /// A show-if condition that cannot work, and why.
    Condition {
        owner: ConditionOwner,
        refusal: ConditionRefusal,
    },
}

fn valid_code(code: &str) -> bool {
    code.chars().count() <= MAX_CODE_CHARS
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Every problem with `survey`; empty means it can be opened for answers.
pub fn validate_survey(survey: &Survey) -> Vec<SurveyProblem> {
    let mut problems = Vec::new();
    if survey.languages.is_empty() {
        problems.push(SurveyProblem::NoLanguage);
    }
    if survey.question_count() == 0 {
        problems.push(SurveyProblem::NoQuestions);
    }
    let mut seen = BTreeSet::new();
    let mut code_problem = |code: &str, problems: &mut Vec<SurveyProblem>| {
        if !valid_code(code) {
            problems.push(SurveyProblem::InvalidCode {
                code: code.to_owned(),
            });
        }
        if !seen.insert(code.to_owned()) {
            problems.push(SurveyProblem::DuplicateCode {
                code: code.to_owned(),
            });
        }
    };
    for (s, section) in survey.sections.iter().enumerate() {
        for (i, question) in section.questions.iter().enumerate() {
            let code = question.code.trim();
            if code.is_empty() {
                problems.push(SurveyProblem::EmptyCode {
                    section: s,
                    index: i,
                });
            } else {
                code_problem(&question.code, &mut problems);
            }
            for row in question.kind.rows() {
                if !row.code.is_empty() {
                    code_problem(&row.code, &mut problems);
                }
            }
            check_kind(&question.code, &question.kind, survey, &mut problems);
            let missing_text = survey
                .languages
                .iter()
                .any(|lang| question.text.exactly(*lang).trim().is_empty());
            if missing_text {
                problems.push(SurveyProblem::MissingText {
                    code: question.code.clone(),
                });
            }
        }
    }
    check_conditions(survey, &mut problems);
    problems
}

fn check_kind(code: &str, kind: &QuestionKind, survey: &Survey, problems: &mut Vec<SurveyProblem>) {
    let code = || code.to_owned();
    match kind {
        QuestionKind::SingleChoice { choices } | QuestionKind::MultipleChoice { choices, .. } => {
            if choices.len() < 2 {
                problems.push(SurveyProblem::TooFewChoices { code: code() });
            }
            let mut seen = BTreeSet::new();
            for choice in choices {
                let unlabelled = survey
                    .languages
                    .iter()
                    .any(|lang| choice.label.exactly(*lang).trim().is_empty());
                if choice.code.is_empty()
                    || !valid_code(&choice.code)
                    || !seen.insert(&choice.code)
                    || unlabelled
                {
                    problems.push(SurveyProblem::BadChoice {
                        code: code(),
                        choice: choice.code.clone(),
                    });
                }
            }
            if let QuestionKind::MultipleChoice { min, max, .. } = kind {
                let n = choices.len();
                let too_many = |limit: Option<u8>| limit.is_some_and(|l| usize::from(l) > n);
                if too_many(*min)
                    || too_many(*max)
                    || matches!((min, max), (Some(a), Some(b)) if a > b)
                {
                    problems.push(SurveyProblem::ImpossibleLimits { code: code() });
                }
            }
        }
        QuestionKind::Rating { points, start, .. }
        | QuestionKind::Importance { points, start, .. }
        | QuestionKind::LikertMatrix { points, start, .. }
        | QuestionKind::DualMatrix { points, start, .. }
            if !SCALE_POINTS.contains(points) || *start > 1 =>
        {
            problems.push(SurveyProblem::BadScale { code: code() });
        }
        QuestionKind::ConstantSum { total, .. } if *total == 0 => {
            problems.push(SurveyProblem::ZeroTotal { code: code() });
        }
        QuestionKind::Number {
            min: Some(a),
            max: Some(b),
        } if a > b => {
            problems.push(SurveyProblem::BadNumberRange { code: code() });
        }
        _ => {}
    }
    if matches!(
        kind,
        QuestionKind::LikertMatrix { .. }
            | QuestionKind::DualMatrix { .. }
            | QuestionKind::ConstantSum { .. }
    ) {
        let rows = kind.rows();
        let bad_row = rows.iter().any(|r| {
            r.code.is_empty()
                || survey
                    .languages
                    .iter()
                    .any(|lang| r.text.exactly(*lang).trim().is_empty())
        });
        if rows.is_empty() || bad_row {
            problems.push(SurveyProblem::NoRows { code: code() });
        }
    }
}

fn check_conditions(survey: &Survey, problems: &mut Vec<SurveyProblem>) {
    // (code, section index) of every question before the current point.
    let mut earlier: Vec<(&str, usize)> = Vec::new();
    let all: Vec<(&str, usize)> = survey
        .sections
        .iter()
        .enumerate()
        .flat_map(|(s, sec)| sec.questions.iter().map(move |q| (q.code.as_str(), s)))
        .collect();
    for (s, section) in survey.sections.iter().enumerate() {
        if let Some(condition) = &section.show_if {
            let before: Vec<&str> = earlier
                .iter()
                .filter(|(_, at)| *at < s)
                .map(|(c, _)| *c)
                .collect();
            if let Some(refusal) = refuse(condition, None, &before, &all, survey) {
                problems.push(SurveyProblem::Condition {
                    owner: ConditionOwner::Section(s),
                    refusal,
                });
            }
        }
        for question in &section.questions {
            if let Some(condition) = &question.show_if {
                let before: Vec<&str> = earlier.iter().map(|(c, _)| *c).collect();
                if let Some(refusal) =
                    refuse(condition, Some(&question.code), &before, &all, survey)
                {
                    problems.push(SurveyProblem::Condition {
                        owner: ConditionOwner::Question(question.code.clone()),
                        refusal,
                    });
                }
            }
            earlier.push((&question.code, s));
        }
    }
}

/// Why `condition` cannot work where it is, if it cannot.
fn refuse(
    condition: &Condition,
    own: Option<&str>,
    before: &[&str],
    all: &[(&str, usize)],
    survey: &Survey,
) -> Option<ConditionRefusal> {
    use ConditionRefusal::*;
    let target = condition.question.as_str();
    if own == Some(target) {
        return Some(OwnQuestion);
    }
    if !before.contains(&target) {
        return Some(if all.iter().any(|(c, _)| *c == target) {
            LaterQuestion
        } else {
            MissingQuestion
        });
    }
    let kind = &survey.question(target)?.kind;
    let values: Vec<&Value> = match &condition.test {
        Test::Equals(v) => vec![v],
        Test::OneOf(vs) if vs.is_empty() => return Some(EmptyList),
        Test::OneOf(vs) => vs.iter().collect(),
        Test::GreaterThan(_) | Test::LessThan(_) => Vec::new(),
    };
    let ordered = matches!(condition.test, Test::GreaterThan(_) | Test::LessThan(_));
    match kind {
        QuestionKind::SingleChoice { choices } | QuestionKind::MultipleChoice { choices, .. } => {
            if ordered {
                return Some(NeedsNumber);
            }
            for value in values {
                match value {
                    Value::Number(_) => return Some(WrongValueKind),
                    Value::Choice(c) if !choices.iter().any(|ch| &ch.code == c) => {
                        return Some(UnknownChoice(c.clone()))
                    }
                    Value::Choice(_) => {}
                }
            }
            None
        }
        _ if kind.is_single_scale() => {
            let scale = kind.scale()?;
            check_numbers(&condition.test, values, Some(scale))
        }
        QuestionKind::Number { .. } => check_numbers(&condition.test, values, None),
        _ => Some(NotComparable),
    }
}

fn check_numbers(
    test: &Test,
    values: Vec<&Value>,
    scale: Option<Scale>,
) -> Option<ConditionRefusal> {
    use ConditionRefusal::*;
    for value in values {
        match value {
            Value::Choice(_) => return Some(WrongValueKind),
            Value::Number(v) => {
                let reachable = scale.is_none_or(|s| {
                    *v >= f64::from(s.min) && *v <= f64::from(s.max) && v.fract() == 0.0
                });
                if !reachable || !v.is_finite() {
                    return Some(OutsideScale);
                }
            }
        }
    }
    // "Greater than the maximum" or "less than the minimum" can never hold.
    let never = match (test, scale) {
        (Test::GreaterThan(v), Some(s)) => *v >= f64::from(s.max),
        (Test::LessThan(v), Some(s)) => *v <= f64::from(s.min),
        (Test::GreaterThan(v) | Test::LessThan(v), None) => !v.is_finite(),
        _ => false,
    };
    never.then_some(OutsideScale)
}

/// What is wrong with a response.
#[derive(Clone, Debug, PartialEq)]
pub enum ResponseProblem {
    /// The response belongs to another survey.
    WrongSurvey,
    /// A required question shown to the respondent was not (fully) answered.
    RequiredMissing { code: String },
    /// An answer to a question the survey does not have.
    UnknownQuestion { code: String },
    /// An answer of the wrong kind for its question (text for a rating, …).
    WrongKind { code: String },
    /// A value outside the question's scale or range; `row` names the matrix row or item.
    OutOfRange { code: String, row: Option<String> },
    /// A matrix row or constant-sum item the question does not have.
    UnknownRow { code: String, row: String },
    /// A choice code the question does not have.
    UnknownChoice { code: String, choice: String },
    /// Fewer or more choices picked than the question allows.
    ChoiceCount { code: String, picked: usize },
    /// Constant-sum points that do not add up to the question's total.
    SplitTotal {
        code: String,
        total: u32,
        expected: u32,
    },
}

/// Every problem with `response` to `survey`; empty means it can be saved.
/// Required questions count only when shown (their show-if conditions hold).
pub fn validate_response(survey: &Survey, response: &Response) -> Vec<ResponseProblem> {
    use ResponseProblem::*;
    let mut problems = Vec::new();
    if response.survey_id != survey.id {
        problems.push(WrongSurvey);
    }
    for (code, answer) in &response.answers {
        match survey.question(code) {
            None => problems.push(UnknownQuestion { code: code.clone() }),
            Some(question) => problems.extend(check_answer(code, &question.kind, answer)),
        }
    }
    for question in survey.shown_questions(&response.answers) {
        if question.required && !complete(&question.kind, response.answers.get(&question.code)) {
            problems.push(RequiredMissing {
                code: question.code.clone(),
            });
        }
    }
    problems
}

/// Whether a required question counts as answered: every row of a matrix (both answers
/// of a dual row), at least one choice, non-blank text.
fn complete(kind: &QuestionKind, answer: Option<&Answer>) -> bool {
    match (kind, answer) {
        (_, None) => false,
        (QuestionKind::LikertMatrix { rows, .. }, Some(Answer::Matrix(given))) => {
            rows.iter().all(|r| given.contains_key(&r.code))
        }
        (QuestionKind::DualMatrix { rows, .. }, Some(Answer::Dual(given))) => {
            rows.iter().all(|r| {
                given
                    .get(&r.code)
                    .is_some_and(|d| d.first.is_some() && d.second.is_some())
            })
        }
        (_, Some(Answer::Choices(picked))) => !picked.is_empty(),
        (_, Some(Answer::Text(text))) => !text.trim().is_empty(),
        (_, Some(_)) => true,
    }
}

/// The problems of one answer to a question of `kind`.
pub fn check_answer(code: &str, kind: &QuestionKind, answer: &Answer) -> Vec<ResponseProblem> {
    use ResponseProblem::*;
    let mut problems = Vec::new();
    let code_of = || code.to_owned();
    let out_of_range = |row: Option<&String>| OutOfRange {
        code: code.to_owned(),
        row: row.cloned(),
    };
    let has_row = |row: &String| kind.rows().iter().any(|r| &r.code == row);
    let unknown_row = |row: &String| UnknownRow {
        code: code.to_owned(),
        row: row.clone(),
    };
    let has_choice = |c: &String| kind.choices().iter().any(|ch| &ch.code == c);
    match (kind, answer) {
        (QuestionKind::SingleChoice { .. }, Answer::Choice(c)) => {
            if !has_choice(c) {
                problems.push(UnknownChoice {
                    code: code_of(),
                    choice: c.clone(),
                });
            }
        }
        (QuestionKind::MultipleChoice { min, max, .. }, Answer::Choices(picked)) => {
            let mut seen = BTreeSet::new();
            for c in picked {
                if !has_choice(c) || !seen.insert(c) {
                    problems.push(UnknownChoice {
                        code: code_of(),
                        choice: c.clone(),
                    });
                }
            }
            let n = picked.len();
            if min.is_some_and(|m| n < usize::from(m)) || max.is_some_and(|m| n > usize::from(m)) {
                problems.push(ChoiceCount {
                    code: code_of(),
                    picked: n,
                });
            }
        }
        (_, Answer::Scale(v)) if kind.is_single_scale() => {
            if !kind.scale().is_some_and(|s| s.contains(*v)) {
                problems.push(out_of_range(None));
            }
        }
        (QuestionKind::LikertMatrix { .. }, Answer::Matrix(rows)) => {
            let scale = kind.scale();
            for (row, v) in rows {
                if !has_row(row) {
                    problems.push(unknown_row(row));
                } else if !scale.is_some_and(|s| s.contains(*v)) {
                    problems.push(out_of_range(Some(row)));
                }
            }
        }
        (QuestionKind::DualMatrix { .. }, Answer::Dual(rows)) => {
            let scale = kind.scale();
            for (row, dual) in rows {
                let fits = |v: Option<u8>| v.is_none_or(|v| scale.is_some_and(|s| s.contains(v)));
                if !has_row(row) {
                    problems.push(unknown_row(row));
                } else if !fits(dual.first) || !fits(dual.second) {
                    problems.push(out_of_range(Some(row)));
                }
            }
        }
        (QuestionKind::ConstantSum { total, .. }, Answer::Split(points)) => {
            for (item, v) in points {
                if !has_row(item) {
                    problems.push(unknown_row(item));
                } else if v > total {
                    problems.push(out_of_range(Some(item)));
                }
            }
            let sum: u64 = points.values().map(|v| u64::from(*v)).sum();
            if sum != u64::from(*total) {
                problems.push(SplitTotal {
                    code: code_of(),
                    total: u32::try_from(sum).unwrap_or(u32::MAX),
                    expected: *total,
                });
            }
        }
        (QuestionKind::ShortText | QuestionKind::LongText, Answer::Text(_)) => {}
        (QuestionKind::Number { min, max }, Answer::Number(v)) => {
            let below = min.is_some_and(|m| *v < m);
            let above = max.is_some_and(|m| *v > m);
            if !v.is_finite() || below || above {
                problems.push(out_of_range(None));
            }
        }
        (QuestionKind::Date, Answer::Date(_)) => {}
        _ => problems.push(WrongKind { code: code_of() }),
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::domain::model::*;
    use std::collections::BTreeMap;

    fn text() -> Bilingual {
        Bilingual::new("问题", "Question")
    }

    fn q(code: &str, kind: QuestionKind) -> Question {
        Question::new(code, kind, text())
    }

    fn choices(codes: &[&str]) -> Vec<Choice> {
        codes
            .iter()
            .map(|c| Choice {
                code: (*c).to_owned(),
                label: Bilingual::new("选项", "Choice"),
            })
            .collect()
    }

    fn single(code: &str, codes: &[&str]) -> Question {
        q(
            code,
            QuestionKind::SingleChoice {
                choices: choices(codes),
            },
        )
    }

    fn rows(codes: &[&str]) -> Vec<Row> {
        codes.iter().map(|c| Row::new(c, "行", "Row")).collect()
    }

    fn likert(code: &str, row_codes: &[&str]) -> Question {
        q(
            code,
            QuestionKind::LikertMatrix {
                rows: rows(row_codes),
                points: 5,
                start: 1,
                ends: ScaleEnds::default(),
            },
        )
    }

    fn split(code: &str, items: &[&str]) -> Question {
        q(
            code,
            QuestionKind::ConstantSum {
                items: rows(items),
                total: 100,
            },
        )
    }

    fn survey_of(sections: Vec<Vec<Question>>) -> Survey {
        Survey {
            id: 1,
            sections: sections
                .into_iter()
                .map(|questions| Section {
                    questions,
                    ..Section::default()
                })
                .collect(),
            ..Survey::default()
        }
    }

    fn with_condition(mut question: Question, target: &str, test: Test) -> Question {
        question.show_if = Some(Condition::new(target, test));
        question
    }

    fn refused(code: &str, refusal: ConditionRefusal) -> SurveyProblem {
        SurveyProblem::Condition {
            owner: ConditionOwner::Question(code.to_owned()),
            refusal,
        }
    }

    #[test]
    fn survey_problems_are_all_reported() {
        use SurveyProblem::*;
        let s = |c: &str| c.to_owned();
        let rating = |points, start| QuestionKind::Rating {
            points,
            start,
            ends: ScaleEnds::default(),
        };
        let cases: Vec<(Survey, Vec<SurveyProblem>)> = vec![
            (survey_of(vec![vec![q("NPS", QuestionKind::Nps)]]), vec![]),
            (survey_of(vec![]), vec![NoQuestions]),
            (
                Survey {
                    languages: vec![],
                    ..survey_of(vec![vec![q("Q1", QuestionKind::Nps)]])
                },
                vec![NoLanguage],
            ),
            (
                survey_of(vec![
                    vec![q("", QuestionKind::Nps), q("Q 1", QuestionKind::Nps)],
                    vec![q("Q2", QuestionKind::Csat)],
                ]),
                vec![
                    EmptyCode {
                        section: 0,
                        index: 0,
                    },
                    InvalidCode { code: s("Q 1") },
                ],
            ),
            // Codes are unique across questions, rows and items.
            (
                survey_of(vec![
                    vec![q("Q1", QuestionKind::Nps)],
                    vec![likert("M", &["Q1", "R2"]), split("S", &["R2"])],
                ]),
                vec![
                    DuplicateCode { code: s("Q1") },
                    DuplicateCode { code: s("R2") },
                ],
            ),
            (
                survey_of(vec![vec![
                    q("R1", rating(12, 1)),
                    q("R2", rating(1, 1)),
                    q("R3", rating(11, 0)),
                    q("R4", rating(5, 2)),
                ]]),
                vec![
                    BadScale { code: s("R1") },
                    BadScale { code: s("R2") },
                    BadScale { code: s("R4") },
                ],
            ),
            (
                survey_of(vec![vec![
                    single("C1", &["a"]),
                    single("C2", &["a", "a"]),
                    single("C3", &["a", "b"]),
                ]]),
                vec![
                    TooFewChoices { code: s("C1") },
                    BadChoice {
                        code: s("C2"),
                        choice: s("a"),
                    },
                ],
            ),
            (
                survey_of(vec![vec![q(
                    "M1",
                    QuestionKind::MultipleChoice {
                        choices: choices(&["a", "b"]),
                        min: Some(2),
                        max: Some(1),
                    },
                )]]),
                vec![ImpossibleLimits { code: s("M1") }],
            ),
            (
                survey_of(vec![vec![
                    likert("L1", &[]),
                    q(
                        "S1",
                        QuestionKind::ConstantSum {
                            items: rows(&["I1"]),
                            total: 0,
                        },
                    ),
                ]]),
                vec![NoRows { code: s("L1") }, ZeroTotal { code: s("S1") }],
            ),
            (
                survey_of(vec![vec![q(
                    "N1",
                    QuestionKind::Number {
                        min: Some(5.0),
                        max: Some(1.0),
                    },
                )]]),
                vec![BadNumberRange { code: s("N1") }],
            ),
            (
                survey_of(vec![vec![Question::new(
                    "Q1",
                    QuestionKind::Nps,
                    Bilingual::new("问题", ""),
                )]]),
                vec![MissingText { code: s("Q1") }],
            ),
        ];
        for (survey, expected) in cases {
            assert_eq!(validate_survey(&survey), expected, "{survey:#?}");
        }
    }

    #[test]
    fn a_condition_must_name_an_earlier_comparable_question() {
        use ConditionRefusal::*;
        let choice = |c: &str| Value::Choice(c.to_owned());
        let base = || {
            vec![
                single("C", &["yes", "no"]),
                q("NPS", QuestionKind::Nps),
                likert("M", &["M1"]),
                q("T", QuestionKind::ShortText),
                q(
                    "N",
                    QuestionKind::Number {
                        min: None,
                        max: None,
                    },
                ),
            ]
        };
        let later = || q("Z", QuestionKind::Nps);
        // (condition on a new question "X" placed after `base`, the refusal if any)
        let cases: Vec<(&str, Test, Option<ConditionRefusal>)> = vec![
            ("C", Test::Equals(choice("yes")), None),
            ("C", Test::OneOf(vec![choice("yes"), choice("no")]), None),
            ("NPS", Test::LessThan(7.0), None),
            (
                "NPS",
                Test::OneOf(vec![Value::Number(9.0), Value::Number(10.0)]),
                None,
            ),
            ("N", Test::GreaterThan(1000.5), None),
            ("Z", Test::LessThan(7.0), Some(LaterQuestion)),
            ("Q9", Test::LessThan(7.0), Some(MissingQuestion)),
            ("X", Test::LessThan(7.0), Some(OwnQuestion)),
            ("M", Test::LessThan(7.0), Some(NotComparable)),
            ("T", Test::Equals(choice("yes")), Some(NotComparable)),
            ("C", Test::GreaterThan(1.0), Some(NeedsNumber)),
            ("C", Test::Equals(Value::Number(1.0)), Some(WrongValueKind)),
            (
                "C",
                Test::Equals(choice("maybe")),
                Some(UnknownChoice("maybe".to_owned())),
            ),
            ("NPS", Test::Equals(Value::Number(11.0)), Some(OutsideScale)),
            ("NPS", Test::Equals(Value::Number(7.5)), Some(OutsideScale)),
            ("NPS", Test::GreaterThan(10.0), Some(OutsideScale)),
            ("NPS", Test::LessThan(0.0), Some(OutsideScale)),
            ("NPS", Test::Equals(choice("9")), Some(WrongValueKind)),
            ("NPS", Test::OneOf(vec![]), Some(EmptyList)),
        ];
        for (target, test, refusal) in cases {
            let mut questions = base();
            questions.push(with_condition(
                q("X", QuestionKind::Csat),
                target,
                test.clone(),
            ));
            questions.push(later());
            let expected: Vec<_> = refusal.into_iter().map(|r| refused("X", r)).collect();
            assert_eq!(
                validate_survey(&survey_of(vec![questions])),
                expected,
                "{target} {test:?}"
            );
        }
    }

    #[test]
    fn a_section_condition_must_name_a_question_of_an_earlier_section() {
        let mut survey = survey_of(vec![
            vec![q("A", QuestionKind::Nps)],
            vec![q("B", QuestionKind::Nps)],
        ]);
        survey.sections[1].show_if = Some(Condition::new("A", Test::LessThan(7.0)));
        assert_eq!(validate_survey(&survey), vec![]);
        survey.sections[1].show_if = Some(Condition::new("B", Test::LessThan(7.0)));
        assert_eq!(
            validate_survey(&survey),
            vec![SurveyProblem::Condition {
                owner: ConditionOwner::Section(1),
                refusal: ConditionRefusal::LaterQuestion,
            }]
        );
    }

    fn response(pairs: Vec<(&str, Answer)>) -> Response {
        Response {
            survey_id: 1,
            answers: pairs.into_iter().map(|(c, a)| (c.to_owned(), a)).collect(),
            ..Response::default()
        }
    }

    #[test]
    fn response_problems_are_all_reported() {
        use ResponseProblem::*;
        let s = |c: &str| c.to_owned();
        let dual = q(
            "D",
            QuestionKind::DualMatrix {
                rows: rows(&["D1", "D2"]),
                points: 7,
                start: 1,
                ends: ScaleEnds::default(),
                columns: DualColumns::ExpectationPerception,
            },
        )
        .required();
        let survey = survey_of(vec![vec![
            q("NPS", QuestionKind::Nps).required(),
            with_condition(
                q("WHY", QuestionKind::LongText).required(),
                "NPS",
                Test::LessThan(7.0),
            ),
            single("C", &["a", "b"]),
            q(
                "M",
                QuestionKind::MultipleChoice {
                    choices: choices(&["a", "b", "c"]),
                    min: None,
                    max: Some(2),
                },
            ),
            likert("L", &["L1"]),
            dual,
            split("W", &["W1", "W2"]),
            q(
                "N",
                QuestionKind::Number {
                    min: Some(0.0),
                    max: None,
                },
            ),
            q("DATE", QuestionKind::Date),
        ]]);
        let full = || {
            vec![
                ("NPS", Answer::Scale(9)),
                (
                    "D",
                    Answer::Dual(BTreeMap::from([
                        (s("D1"), DualAnswer::both(6, 5)),
                        (s("D2"), DualAnswer::both(7, 7)),
                    ])),
                ),
            ]
        };
        let plus = |extra: Vec<(&'static str, Answer)>| {
            let mut all = full();
            all.extend(extra);
            response(all)
        };
        let cases: Vec<(Response, Vec<ResponseProblem>)> = vec![
            (response(full()), vec![]),
            (
                response(vec![]),
                vec![
                    RequiredMissing { code: s("NPS") },
                    RequiredMissing { code: s("D") },
                ],
            ),
            (
                Response {
                    survey_id: 2,
                    ..response(full())
                },
                vec![WrongSurvey],
            ),
            // A required question hidden by its condition is not required.
            (
                plus(vec![("NPS", Answer::Scale(3))]),
                vec![RequiredMissing { code: s("WHY") }],
            ),
            (
                plus(vec![
                    ("NPS", Answer::Scale(3)),
                    ("WHY", Answer::Text(s("  "))),
                ]),
                vec![RequiredMissing { code: s("WHY") }],
            ),
            (
                plus(vec![("NPS", Answer::Scale(11))]),
                vec![OutOfRange {
                    code: s("NPS"),
                    row: None,
                }],
            ),
            (
                plus(vec![("NPS", Answer::Text(s("9")))]),
                vec![WrongKind { code: s("NPS") }],
            ),
            (
                plus(vec![("ZZ", Answer::Scale(1))]),
                vec![UnknownQuestion { code: s("ZZ") }],
            ),
            (
                plus(vec![("C", Answer::Choice(s("x")))]),
                vec![UnknownChoice {
                    code: s("C"),
                    choice: s("x"),
                }],
            ),
            (
                plus(vec![("M", Answer::Choices(vec![s("a"), s("b"), s("c")]))]),
                vec![ChoiceCount {
                    code: s("M"),
                    picked: 3,
                }],
            ),
            (
                plus(vec![(
                    "L",
                    Answer::Matrix(BTreeMap::from([(s("L1"), 6), (s("L9"), 1)])),
                )]),
                vec![
                    OutOfRange {
                        code: s("L"),
                        row: Some(s("L1")),
                    },
                    UnknownRow {
                        code: s("L"),
                        row: s("L9"),
                    },
                ],
            ),
            // A dual row with one of its two answers is incomplete for a required matrix.
            (
                plus(vec![(
                    "D",
                    Answer::Dual(BTreeMap::from([
                        (s("D1"), DualAnswer::both(6, 5)),
                        (
                            s("D2"),
                            DualAnswer {
                                first: Some(7),
                                second: None,
                            },
                        ),
                    ])),
                )]),
                vec![RequiredMissing { code: s("D") }],
            ),
            (
                plus(vec![(
                    "W",
                    Answer::Split(BTreeMap::from([(s("W1"), 60), (s("W2"), 30)])),
                )]),
                vec![SplitTotal {
                    code: s("W"),
                    total: 90,
                    expected: 100,
                }],
            ),
            (
                plus(vec![(
                    "W",
                    Answer::Split(BTreeMap::from([(s("W1"), 60), (s("W2"), 40)])),
                )]),
                vec![],
            ),
            (
                plus(vec![("N", Answer::Number(-1.0))]),
                vec![OutOfRange {
                    code: s("N"),
                    row: None,
                }],
            ),
            (
                plus(vec![("N", Answer::Number(f64::NAN))]),
                vec![OutOfRange {
                    code: s("N"),
                    row: None,
                }],
            ),
            (
                plus(vec![("DATE", Answer::Date(chrono::NaiveDate::default()))]),
                vec![],
            ),
        ];
        for (response, expected) in cases {
            assert_eq!(
                validate_response(&survey, &response),
                expected,
                "{:?}",
                response.answers
            );
        }
    }
}
