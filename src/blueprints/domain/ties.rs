//! Ties from a blueprint to the other sections: a step tied to a survey item (a
//! single-scale question, or one row of a dual-scale matrix) is coloured by that item's
//! result over the survey's responses so far, and a step tied to complaint categories
//! counts the customers' complaints of those categories.
//!
//! The result of a single-scale item is its mean (the survey's own `scale_summary`); of a
//! dual-scale row, the mean gap P − E over the responses that answered both columns
//! (Parasuraman, Zeithaml & Berry 1988: the gap between perception and expectation). The
//! three colour bands are this app's own reading, not a published norm: a mean in the top
//! quarter of its scale (or a gap of 0 or more) is good, one in the lower half (or a gap
//! below −1) is poor, the rest fair. For the customer effort score less is better, so its
//! scale is read the other way round.

use std::collections::BTreeMap;

use super::model::{Blueprint, StepId};
use super::words::BlueprintTerm;
use crate::surveys::domain::{
    scale_summary, Answer, DualAnswer, QuestionKind, Response, Scale, Survey,
};
use crate::working::{Name, Quantity, Step as WorkingStep, Working};

/// What a tied item says now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TieResult {
    /// The mean of a single-scale question.
    Mean {
        value: f64,
        n: usize,
        scale: Scale,
        /// Less is better (the customer effort score).
        lower_is_better: bool,
    },
    /// The mean gap P − E of a dual-scale row.
    Gap { value: f64, n: usize },
}

/// How a tied step is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Band {
    Good,
    Fair,
    Poor,
}

impl Band {
    /// The CSS class suffix.
    pub fn key(self) -> &'static str {
        match self {
            Band::Good => "good",
            Band::Fair => "fair",
            Band::Poor => "poor",
        }
    }
}

impl TieResult {
    /// The colour band (see the module's notes for where the thresholds come from).
    pub fn band(self) -> Band {
        match self {
            TieResult::Mean {
                value,
                scale,
                lower_is_better,
                ..
            } => {
                let span = f64::from(scale.max) - f64::from(scale.min);
                let mut share = if span > 0.0 {
                    (value - f64::from(scale.min)) / span
                } else {
                    0.5
                };
                if lower_is_better {
                    share = 1.0 - share;
                }
                if share >= 0.75 {
                    Band::Good
                } else if share >= 0.5 {
                    Band::Fair
                } else {
                    Band::Poor
                }
            }
            TieResult::Gap { value, .. } => {
                if value >= 0.0 {
                    Band::Good
                } else if value >= -1.0 {
                    Band::Fair
                } else {
                    Band::Poor
                }
            }
        }
    }

    /// The figure as a step's label shows it: "4.2" or "P − E −0.8", with n.
    pub fn figure(self) -> String {
        match self {
            TieResult::Mean { value, .. } => format!("{value:.2}"),
            TieResult::Gap { value, .. } => format!("P − E {value:+.2}"),
        }
    }

    pub fn n(self) -> usize {
        match self {
            TieResult::Mean { n, .. } | TieResult::Gap { n, .. } => n,
        }
    }

    /// The working: how many answers were counted and their mean (or mean gap).
    pub fn working(self) -> Working {
        let (term, value, n) = match self {
            TieResult::Mean { value, n, .. } => (BlueprintTerm::TieMean, value, n),
            TieResult::Gap { value, n } => (BlueprintTerm::TieGap, value, n),
        };
        Working::from(vec![
            WorkingStep::Fact {
                name: Name::of(BlueprintTerm::TieAnswers),
                value: Quantity::count(n),
            },
            WorkingStep::Fact {
                name: Name::of(term),
                value: Quantity::fixed(value, 2),
            },
        ])
    }
}

/// The items of a survey a step can be tied to: each single-scale question, and each row
/// of a dual-scale matrix; as (code, the question's text, the row's text if a row).
pub fn tie_items(survey: &Survey) -> Vec<(String, String)> {
    let mut items = Vec::new();
    for q in survey.questions() {
        let text = q.text.en.clone();
        if q.kind.is_single_scale() {
            items.push((q.code.clone(), text));
        } else if let QuestionKind::DualMatrix { rows, .. } = &q.kind {
            for row in rows {
                items.push((row.code.clone(), format!("{text} · {}", row.text.en)));
            }
        }
    }
    items
}

/// The result of item `item` of `survey` over `responses` (those of other surveys are
/// left out); `None` when it is no item of the survey or nobody has answered it.
pub fn tie_result(survey: &Survey, responses: &[Response], item: &str) -> Option<TieResult> {
    if let Some(q) = survey.question(item) {
        let summary = scale_summary(survey, responses, item).ok()?;
        return Some(TieResult::Mean {
            value: summary.mean,
            n: summary.n,
            scale: q.kind.scale()?,
            lower_is_better: matches!(q.kind, QuestionKind::Ces),
        });
    }
    let (question, scale) = survey.questions().find_map(|q| match &q.kind {
        QuestionKind::DualMatrix { rows, .. } if rows.iter().any(|r| r.code == item) => {
            Some((q.code.as_str(), q.kind.scale()?))
        }
        _ => None,
    })?;
    let gaps: Vec<f64> = responses
        .iter()
        .filter(|r| r.survey_id == survey.id)
        .filter_map(|r| match r.answers.get(question) {
            Some(Answer::Dual(rows)) => match rows.get(item) {
                Some(DualAnswer {
                    first: Some(e),
                    second: Some(p),
                }) if scale.contains(*e) && scale.contains(*p) => {
                    Some(f64::from(*p) - f64::from(*e))
                }
                _ => None,
            },
            _ => None,
        })
        .collect();
    if gaps.is_empty() {
        return None;
    }
    Some(TieResult::Gap {
        value: gaps.iter().sum::<f64>() / gaps.len() as f64,
        n: gaps.len(),
    })
}

/// Each tied step's result, for the steps whose survey and item still exist and have
/// answers.
pub fn tie_results(
    bp: &Blueprint,
    surveys: &[Survey],
    responses: &[Response],
) -> BTreeMap<StepId, TieResult> {
    bp.steps
        .iter()
        .filter_map(|s| {
            let tie = s.survey.as_ref()?;
            let survey = surveys.iter().find(|x| x.id == tie.survey)?;
            Some((s.id, tie_result(survey, responses, &tie.item)?))
        })
        .collect()
}

/// How many complaints fall at each step tied to complaint categories: a complaint
/// counts at every step tied to its category. `complaints` are the categories' keys,
/// one per complaint.
pub fn complaint_counts(bp: &Blueprint, complaints: &[&str]) -> BTreeMap<StepId, usize> {
    bp.steps
        .iter()
        .filter(|s| !s.complaints.is_empty())
        .map(|s| {
            let count = complaints
                .iter()
                .filter(|c| s.complaints.iter().any(|k| k == *c))
                .count();
            (s.id, count)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blueprints::domain::model::{Lane, Step, SurveyTie};
    use crate::surveys::domain::{Bilingual, Question, Row};

    fn survey() -> Survey {
        let mut s = Survey {
            id: 4,
            sections: vec![crate::surveys::domain::Section::default()],
            ..Survey::default()
        };
        s.sections[0].questions = vec![
            Question::new(
                "Q1",
                QuestionKind::Rating {
                    points: 5,
                    start: 1,
                    ends: Default::default(),
                },
                Bilingual::new("总体满意", "Overall"),
            ),
            Question::new("CES", QuestionKind::Ces, Bilingual::new("费力", "Effort")),
            Question::new(
                "SQ",
                QuestionKind::DualMatrix {
                    rows: vec![
                        Row::new("SQ1", "及时", "Prompt"),
                        Row::new("SQ2", "礼貌", "Polite"),
                    ],
                    points: 7,
                    start: 1,
                    ends: Default::default(),
                    columns: crate::surveys::domain::DualColumns::ExpectationPerception,
                },
                Bilingual::new("服务", "Service"),
            ),
            Question::new("T", QuestionKind::ShortText, Bilingual::new("意见", "Say")),
        ];
        s
    }

    fn response(id: u64, survey: u64, answers: &[(&str, Answer)]) -> Response {
        Response {
            id,
            survey_id: survey,
            answers: answers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
            ..Response::default()
        }
    }

    fn dual(rows: &[(&str, DualAnswer)]) -> Answer {
        Answer::Dual(rows.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect())
    }

    #[test]
    fn single_scale_questions_and_dual_rows_can_be_tied() {
        let codes: Vec<String> = tie_items(&survey()).into_iter().map(|i| i.0).collect();
        assert_eq!(codes, ["Q1", "CES", "SQ1", "SQ2"]);
    }

    #[test]
    fn a_tied_item_gives_its_mean_or_its_gap_and_a_band() {
        let s = survey();
        let responses = vec![
            response(
                1,
                4,
                &[
                    ("Q1", Answer::Scale(5)),
                    ("CES", Answer::Scale(2)),
                    (
                        "SQ",
                        dual(&[
                            ("SQ1", DualAnswer::both(6, 4)),
                            ("SQ2", DualAnswer::both(5, 6)),
                        ]),
                    ),
                ],
            ),
            response(
                2,
                4,
                &[
                    ("Q1", Answer::Scale(4)),
                    (
                        "SQ",
                        dual(&[
                            ("SQ1", DualAnswer::both(7, 5)),
                            (
                                "SQ2",
                                DualAnswer {
                                    first: Some(5),
                                    second: None,
                                },
                            ),
                        ]),
                    ),
                ],
            ),
            // Another survey's answers are left out.
            response(
                3,
                9,
                &[
                    ("Q1", Answer::Scale(1)),
                    ("SQ", dual(&[("SQ1", DualAnswer::both(1, 7))])),
                ],
            ),
        ];
        // (item, figure, n, band)
        let cases = [
            ("Q1", Some(("4.50", 2, Band::Good))),
            ("CES", Some(("2.00", 1, Band::Good))),
            ("SQ1", Some(("P − E -2.00", 2, Band::Poor))),
            ("SQ2", Some(("P − E +1.00", 1, Band::Good))),
            ("T", None),
            ("nope", None),
        ];
        for (item, expected) in cases {
            let got = tie_result(&s, &responses, item).map(|r| (r.figure(), r.n(), r.band()));
            let expected = expected.map(|(f, n, b)| (f.to_owned(), n, b));
            assert_eq!(got, expected, "{item}");
        }
        assert_eq!(tie_result(&s, &[], "Q1"), None, "no answers, no colour");
    }

    #[test]
    fn bands_split_the_scale_and_the_gap() {
        let mean = |value| TieResult::Mean {
            value,
            n: 1,
            scale: Scale::of(5, 1),
            lower_is_better: false,
        };
        let gap = |value| TieResult::Gap { value, n: 1 };
        let cases = [
            (mean(5.0), Band::Good),
            (mean(4.0), Band::Good),
            (mean(3.99), Band::Fair),
            (mean(3.0), Band::Fair),
            (mean(2.9), Band::Poor),
            (gap(0.0), Band::Good),
            (gap(-0.5), Band::Fair),
            (gap(-1.0), Band::Fair),
            (gap(-1.01), Band::Poor),
        ];
        for (result, band) in cases {
            assert_eq!(result.band(), band, "{result:?}");
        }
        let effort = TieResult::Mean {
            value: 6.5,
            n: 1,
            scale: Scale::CES,
            lower_is_better: true,
        };
        assert_eq!(effort.band(), Band::Poor);
        let lines = gap(-0.5).working().lines(crate::i18n::Lang::En);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].contains("0.50"), "{lines:?}");
    }

    #[test]
    fn tied_steps_get_results_and_complaint_counts() {
        let mut bp = Blueprint::new(1, "b");
        let mut a = Step::new(1, Lane::Customer, 0, "a");
        a.survey = Some(SurveyTie {
            survey: 4,
            item: "Q1".into(),
        });
        a.complaints = vec!["service".into(), "staff".into()];
        let mut b = Step::new(2, Lane::Onstage, 0, "b");
        b.survey = Some(SurveyTie {
            survey: 5,
            item: "Q1".into(),
        });
        b.complaints = vec!["billing".into()];
        bp.steps = vec![a, b, Step::new(3, Lane::Support, 0, "c")];
        let responses = vec![response(1, 4, &[("Q1", Answer::Scale(2))])];
        let results = tie_results(&bp, &[survey()], &responses);
        assert_eq!(
            results.keys().copied().collect::<Vec<_>>(),
            [1],
            "survey 5 is gone"
        );
        assert_eq!(results[&1].band(), Band::Poor);
        let counts = complaint_counts(&bp, &["service", "staff", "delivery", "staff"]);
        assert_eq!(counts, BTreeMap::from([(1, 3), (2, 0)]));
    }
}
