//! The survey figures, each with its 95% interval where one applies and its working:
//! NPS, CSAT, CES, the satisfaction index, SERVQUAL gaps, importance–performance
//! quadrants and customer delivered value.
//!
//! Only answered questions count: a skipped answer is never in n (Formbricks counts
//! skipped answers in its NPS denominator; that is the bug not to copy). Only responses
//! to the survey passed in count. A figure with nothing to compute from is an `Err` with
//! the reason, never NaN.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use super::model::{
    Answer, DualAnswer, DualColumns, Question, QuestionKind, Response, Scale, Survey,
};
use super::templates::{ServqualDimension, SERVQUAL_WEIGHTS};
use super::terms::SurveyTerm;
use crate::working::{Quantity, Step, Token, Working};

/// The normal quantile for a two-sided 95% interval.
pub const Z95: f64 = 1.96;

/// Below this many answers the NPS interval is the adjusted-Wald one.
pub const NPS_ADJUSTED_BELOW: usize = 100;

/// How far from 1 a satisfaction index may be and still read as "satisfied" (= 1):
/// 0.05, e.g. a perception of 5.7 against an expectation of 6 (0.95) on a 7-point scale.
pub const SATISFIED_TOLERANCE: f64 = 0.05;

/// Why a figure cannot be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoScore {
    /// There are no responses (to this survey, in this selection).
    NoResponses,
    /// Responses exist but none answered this question (or row).
    NoAnswers { code: String },
    /// The survey has no question or row with this code.
    MissingQuestion { code: String },
    /// The question is of a kind the figure cannot use (NPS of a text question, …).
    WrongKind { code: String },
    /// No response split its importance points completely (weighted SERVQUAL).
    NoWeights,
}

/// A 95% interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// The responses to `survey` among `responses`: owned (`&[Response]`) or borrowed
/// (`&[&Response]`, the results page's filtered view of the stored book), so no caller has
/// to copy responses to score them.
fn to_survey<'a, R: Borrow<Response>>(
    survey: &Survey,
    responses: &'a [R],
) -> Result<Vec<&'a Response>, NoScore> {
    let own: Vec<&Response> = responses
        .iter()
        .map(Borrow::borrow)
        .filter(|r| r.survey_id == survey.id)
        .collect();
    if own.is_empty() {
        Err(NoScore::NoResponses)
    } else {
        Ok(own)
    }
}

fn question<'a>(survey: &'a Survey, code: &str) -> Result<&'a Question, NoScore> {
    survey
        .question(code)
        .ok_or_else(|| NoScore::MissingQuestion {
            code: code.to_owned(),
        })
}

fn wrong_kind(code: &str) -> NoScore {
    NoScore::WrongKind {
        code: code.to_owned(),
    }
}

fn no_answers(code: &str) -> NoScore {
    NoScore::NoAnswers {
        code: code.to_owned(),
    }
}

/// The points given to a single-scale question, skipped answers left out.
fn scale_values(responses: &[&Response], code: &str, scale: Scale) -> Vec<u8> {
    responses
        .iter()
        .filter_map(|r| match r.answers.get(code) {
            Some(Answer::Scale(v)) if scale.contains(*v) => Some(*v),
            _ => None,
        })
        .collect()
}

fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

fn value(v: Quantity) -> Token {
    Token::Value(v)
}

fn fixed(v: f64, decimals: u8) -> Token {
    value(Quantity::fixed(v, decimals))
}

fn answers_count(n: usize) -> Quantity {
    Quantity::count_of(n, SurveyTerm::AnswersUnit)
}

fn formula(
    name: SurveyTerm,
    symbol: Option<&'static str>,
    symbolic: Option<&'static str>,
    filled: Vec<Token>,
    result: Quantity,
) -> Step {
    Step::Formula {
        name: Some(name.into()),
        symbol,
        symbolic,
        filled: vec![filled],
        result,
    }
}

/// Margin, lower and upper bound lines for `centre ± Z95 × se`.
fn bounds_steps(centre: f64, se: f64, interval: Interval, decimals: u8, capped: bool) -> Vec<Step> {
    let margin = Z95 * se;
    let mut steps = vec![
        formula(
            SurveyTerm::MarginOfError,
            None,
            Some("1.96 × SE"),
            vec![fixed(Z95, 2), Token::Sym("×"), fixed(se, decimals + 1)],
            Quantity::fixed(margin, decimals),
        ),
        formula(
            SurveyTerm::LowerBound,
            None,
            None,
            vec![
                fixed(centre, decimals),
                Token::Sym("−"),
                fixed(margin, decimals),
            ],
            Quantity::fixed(interval.low, decimals),
        ),
        formula(
            SurveyTerm::UpperBound,
            None,
            None,
            vec![
                fixed(centre, decimals),
                Token::Sym("+"),
                fixed(margin, decimals),
            ],
            Quantity::fixed(interval.high, decimals),
        ),
    ];
    if capped {
        steps.push(Step::Note(SurveyTerm::Capped.into()));
    }
    steps
}

// ---------------------------------------------------------------------------------------
// NPS

/// Which group an NPS answer puts a respondent in (Reichheld 2003).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NpsCategory {
    /// 9–10.
    Promoter,
    /// 7–8.
    Passive,
    /// 0–6: flagged for a follow-up on the customer's page.
    Detractor,
}

impl NpsCategory {
    pub fn of(value: u8) -> NpsCategory {
        match value {
            9.. => NpsCategory::Promoter,
            7 | 8 => NpsCategory::Passive,
            _ => NpsCategory::Detractor,
        }
    }
}

/// How the NPS interval was computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NpsMethod {
    /// n ≥ 100: the Wald interval of a difference of two multinomial proportions.
    Wald,
    /// n < 100: adjusted-Wald (3 added to n, ¾ to promoters and to detractors).
    AdjustedWald,
}

/// An NPS with its counts and 95% interval, in points (−100…100).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Nps {
    pub n: usize,
    pub promoters: usize,
    pub passives: usize,
    pub detractors: usize,
    /// %promoters − %detractors, −100…100.
    pub score: f64,
    pub method: NpsMethod,
    /// The interval's centre: the score itself (Wald) or the adjusted score.
    pub centre: f64,
    /// Standard error, in points.
    pub standard_error: f64,
    /// 1.96 × standard error, in points.
    pub margin: f64,
    /// centre ± margin, capped at −100 and 100.
    pub interval: Interval,
}

impl Nps {
    /// The NPS of these counts.
    ///
    /// SE = 100 × √((p + d − (p − d)²) / n), the standard error of a difference of two
    /// proportions of one multinomial sample (Rocks 2016, "Interval estimation for the
    /// Net Promoter Score", The American Statistician 70(4), 365–372); 95% interval =
    /// NPS ± 1.96 × SE. Below 100 answers, the adjusted-Wald form Rocks found best: add
    /// 3 to n and ¾ to each of promoters and detractors, and centre the interval on the
    /// adjusted score (Sauro & Lewis, MeasuringU 2021, "Evaluating NPS confidence
    /// intervals with real-world data").
    pub fn from_counts(
        promoters: usize,
        passives: usize,
        detractors: usize,
    ) -> Result<Nps, NoScore> {
        let n = promoters + passives + detractors;
        if n == 0 {
            return Err(NoScore::NoResponses);
        }
        let share = |k: f64, n: f64| k / n;
        let nf = n as f64;
        let score = 100.0 * (share(promoters as f64, nf) - share(detractors as f64, nf));
        let (method, extra_n, extra_each) = if n < NPS_ADJUSTED_BELOW {
            (NpsMethod::AdjustedWald, 3.0, 0.75)
        } else {
            (NpsMethod::Wald, 0.0, 0.0)
        };
        let na = nf + extra_n;
        let p = share(promoters as f64 + extra_each, na);
        let d = share(detractors as f64 + extra_each, na);
        let centre = 100.0 * (p - d);
        // p + d ≥ (p − d)² always, since p + d ≤ 1; the max guards rounding.
        let standard_error = 100.0 * ((p + d - (p - d).powi(2)).max(0.0) / na).sqrt();
        let margin = Z95 * standard_error;
        Ok(Nps {
            n,
            promoters,
            passives,
            detractors,
            score,
            method,
            centre,
            standard_error,
            margin,
            interval: Interval {
                low: (centre - margin).max(-100.0),
                high: (centre + margin).min(100.0),
            },
        })
    }

    pub fn share_of_promoters(&self) -> f64 {
        self.promoters as f64 / self.n as f64
    }

    pub fn share_of_detractors(&self) -> f64 {
        self.detractors as f64 / self.n as f64
    }

    /// The counts, the score and the interval with the numbers filled in.
    pub fn working(&self) -> Working {
        let whole = answers_count(self.n);
        let share = |name: SurveyTerm, k: usize| Step::Share {
            name: name.into(),
            part: Quantity::count(k),
            whole: whole.clone(),
            share: Quantity::percent(k as f64 / self.n as f64, 1),
        };
        let (p, d) = (self.share_of_promoters(), self.share_of_detractors());
        let mut steps = vec![
            share(SurveyTerm::Promoters, self.promoters),
            share(SurveyTerm::Passives, self.passives),
            share(SurveyTerm::Detractors, self.detractors),
            formula(
                SurveyTerm::NetPromoterScore,
                Some("NPS"),
                Some("%P − %D"),
                vec![
                    value(Quantity::percent(p, 1)),
                    Token::Sym("−"),
                    value(Quantity::percent(d, 1)),
                ],
                Quantity::fixed(self.score, 1),
            ),
        ];
        let (n_used, p_used, d_used) = match self.method {
            NpsMethod::Wald => (self.n as f64, p, d),
            NpsMethod::AdjustedWald => {
                let na = self.n as f64 + 3.0;
                let adjusted = |name, k: usize| {
                    formula(
                        name,
                        None,
                        None,
                        vec![
                            Token::Sym("("),
                            value(Quantity::count(k)),
                            Token::Sym("+"),
                            fixed(0.75, 2),
                            Token::Sym(")"),
                            Token::Sym("/"),
                            Token::Sym("("),
                            value(Quantity::count(self.n)),
                            Token::Sym("+"),
                            value(Quantity::count(3)),
                            Token::Sym(")"),
                        ],
                        Quantity::fixed((k as f64 + 0.75) / na, 3),
                    )
                };
                let pa = (self.promoters as f64 + 0.75) / na;
                let da = (self.detractors as f64 + 0.75) / na;
                steps.push(Step::Note(SurveyTerm::SmallSample.into()));
                steps.push(adjusted(SurveyTerm::AdjustedPromoters, self.promoters));
                steps.push(adjusted(SurveyTerm::AdjustedDetractors, self.detractors));
                steps.push(formula(
                    SurveyTerm::AdjustedScore,
                    None,
                    Some("100 × (p − d)"),
                    vec![
                        value(Quantity::count(100)),
                        Token::Sym("×"),
                        Token::Sym("("),
                        fixed(pa, 3),
                        Token::Sym("−"),
                        fixed(da, 3),
                        Token::Sym(")"),
                    ],
                    Quantity::fixed(self.centre, 1),
                ));
                (na, pa, da)
            }
        };
        steps.push(formula(
            SurveyTerm::StandardError,
            Some("SE"),
            Some("100 × √((p + d − (p − d)²) / n)"),
            vec![
                value(Quantity::count(100)),
                Token::Sym("×"),
                Token::Sym("√("),
                Token::Sym("("),
                fixed(p_used, 3),
                Token::Sym("+"),
                fixed(d_used, 3),
                Token::Sym("−"),
                Token::Sym("("),
                fixed(p_used, 3),
                Token::Sym("−"),
                fixed(d_used, 3),
                Token::Sym(")²"),
                Token::Sym(")"),
                Token::Sym("/"),
                value(Quantity::plain(n_used)),
                Token::Sym(")"),
            ],
            Quantity::fixed(self.standard_error, 2),
        ));
        let capped = self.interval.low > self.centre - self.margin
            || self.interval.high < self.centre + self.margin;
        steps.extend(bounds_steps(
            self.centre,
            self.standard_error,
            self.interval,
            1,
            capped,
        ));
        steps.into()
    }
}

/// The NPS of question `code` (an NPS question) over `responses` to `survey`.
pub fn nps<R: Borrow<Response>>(
    survey: &Survey,
    responses: &[R],
    code: &str,
) -> Result<Nps, NoScore> {
    let q = question(survey, code)?;
    if q.kind != QuestionKind::Nps {
        return Err(wrong_kind(code));
    }
    let own = to_survey(survey, responses)?;
    let values = scale_values(&own, code, Scale::NPS);
    if values.is_empty() {
        return Err(no_answers(code));
    }
    let count = |c: NpsCategory| values.iter().filter(|v| NpsCategory::of(**v) == c).count();
    Nps::from_counts(
        count(NpsCategory::Promoter),
        count(NpsCategory::Passive),
        count(NpsCategory::Detractor),
    )
}

// ---------------------------------------------------------------------------------------
// CSAT

/// CSAT: the share of answers in the top two points of the scale (4–5 on 1–5), with
/// the Wilson score interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Csat {
    pub n: usize,
    pub satisfied: usize,
    /// satisfied / n, 0…1.
    pub share: f64,
    /// The Wilson 95% interval of the share, 0…1.
    pub interval: Interval,
    pub scale: Scale,
}

/// The Wilson (1927) score interval for `k` successes in `n`, z = 1.96:
/// (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n). Returns (centre, half-width).
pub fn wilson(k: usize, n: usize) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = Z95 * Z95;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    Some((centre, half))
}

impl Csat {
    pub fn from_counts(satisfied: usize, n: usize, scale: Scale) -> Result<Csat, NoScore> {
        let (centre, half) = wilson(satisfied, n).ok_or(NoScore::NoResponses)?;
        Ok(Csat {
            n,
            satisfied,
            share: satisfied as f64 / n as f64,
            interval: Interval {
                low: (centre - half).max(0.0),
                high: (centre + half).min(1.0),
            },
            scale,
        })
    }

    /// The share, then the Wilson interval with the numbers filled in.
    pub fn working(&self) -> Working {
        let (centre, half) = wilson(self.satisfied, self.n).unwrap_or((0.0, 0.0));
        let p = || fixed(self.share, 4);
        let n = || value(Quantity::count(self.n));
        let z = || fixed(Z95, 2);
        let sym = Token::Sym;
        // (1 + z² / n), the denominator of both parts.
        let denominator = || {
            vec![
                sym("("),
                value(Quantity::count(1)),
                sym("+"),
                z(),
                sym("²"),
                sym("/"),
                n(),
                sym(")"),
            ]
        };
        let mut centre_tokens = vec![
            sym("("),
            p(),
            sym("+"),
            z(),
            sym("²"),
            sym("/"),
            sym("("),
            value(Quantity::count(2)),
            sym("×"),
            n(),
            sym(")"),
            sym(")"),
            sym("/"),
        ];
        centre_tokens.extend(denominator());
        let mut half_tokens = vec![
            z(),
            sym("×"),
            sym("√("),
            p(),
            sym("×"),
            sym("("),
            value(Quantity::count(1)),
            sym("−"),
            p(),
            sym(")"),
            sym("/"),
            n(),
            sym("+"),
            z(),
            sym("²"),
            sym("/"),
            sym("("),
            value(Quantity::count(4)),
            sym("×"),
            n(),
            sym("²"),
            sym(")"),
            sym(")"),
            sym("/"),
        ];
        half_tokens.extend(denominator());
        vec![
            Step::Share {
                name: SurveyTerm::Satisfied.into(),
                part: Quantity::count(self.satisfied),
                whole: answers_count(self.n),
                share: Quantity::percent(self.share, 1),
            },
            Step::Formula {
                name: Some(SurveyTerm::WilsonCentre.into()),
                symbol: None,
                symbolic: Some("(p + z² / 2n) / (1 + z² / n)"),
                filled: vec![centre_tokens],
                result: Quantity::fixed(centre, 4),
            },
            Step::Formula {
                name: Some(SurveyTerm::WilsonHalfWidth.into()),
                symbol: None,
                symbolic: Some("z × √(p(1 − p) / n + z² / 4n²) / (1 + z² / n)"),
                filled: vec![half_tokens],
                result: Quantity::fixed(half, 4),
            },
            formula(
                SurveyTerm::LowerBound,
                None,
                None,
                vec![fixed(centre, 4), Token::Sym("−"), fixed(half, 4)],
                Quantity::percent(self.interval.low, 1),
            ),
            formula(
                SurveyTerm::UpperBound,
                None,
                None,
                vec![fixed(centre, 4), Token::Sym("+"), fixed(half, 4)],
                Quantity::percent(self.interval.high, 1),
            ),
        ]
        .into()
    }
}

/// CSAT of question `code`: a CSAT question (1–5), or any rating, whose top two points
/// count as satisfied (not assuming every scale is 1–5).
pub fn csat<R: Borrow<Response>>(
    survey: &Survey,
    responses: &[R],
    code: &str,
) -> Result<Csat, NoScore> {
    let q = question(survey, code)?;
    let scale = match &q.kind {
        QuestionKind::Csat | QuestionKind::Rating { .. } => {
            q.kind.scale().ok_or_else(|| wrong_kind(code))?
        }
        _ => return Err(wrong_kind(code)),
    };
    let own = to_survey(survey, responses)?;
    let values = scale_values(&own, code, scale);
    if values.is_empty() {
        return Err(no_answers(code));
    }
    let top_two = scale.max.saturating_sub(1);
    let satisfied = values.iter().filter(|v| **v >= top_two).count();
    Csat::from_counts(satisfied, values.len(), scale)
}

// ---------------------------------------------------------------------------------------
// Per question

/// One single-scale question's answers: n, skipped, the distribution, mean and median.
#[derive(Clone, Debug, PartialEq)]
pub struct ScaleSummary {
    /// Responses that answered it.
    pub n: usize,
    /// Responses that did not (counted apart, never in n).
    pub skipped: usize,
    /// (point, how many chose it) for every point of the scale, lowest first.
    pub counts: Vec<(u8, usize)>,
    pub mean: f64,
    /// The middle answer (the mean of the two middle ones when n is even).
    pub median: f64,
}

/// The summary of single-scale question `code` (rating, NPS, CSAT, CES, importance).
pub fn scale_summary<R: Borrow<Response>>(
    survey: &Survey,
    responses: &[R],
    code: &str,
) -> Result<ScaleSummary, NoScore> {
    let q = question(survey, code)?;
    let scale = match q.kind.scale() {
        Some(scale) if q.kind.is_single_scale() => scale,
        _ => return Err(wrong_kind(code)),
    };
    let own = to_survey(survey, responses)?;
    let mut values = scale_values(&own, code, scale);
    if values.is_empty() {
        return Err(no_answers(code));
    }
    values.sort_unstable();
    let n = values.len();
    let median = if n % 2 == 1 {
        f64::from(values[n / 2])
    } else {
        (f64::from(values[n / 2 - 1]) + f64::from(values[n / 2])) / 2.0
    };
    Ok(ScaleSummary {
        n,
        skipped: own.len() - n,
        counts: (scale.min..=scale.max)
            .map(|point| (point, values.iter().filter(|v| **v == point).count()))
            .collect(),
        mean: values.iter().map(|v| f64::from(*v)).sum::<f64>() / n as f64,
        median,
    })
}

// ---------------------------------------------------------------------------------------
// CES and any mean

/// t(0.975, df) for df = 1…30 (any statistics table, e.g. NIST/SEMATECH e-Handbook
/// §1.3.6.7.2), then 40, 60, 120 and ∞.
const T975: [f64; 30] = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042,
];
const T975_TAIL: [(f64, f64); 4] = [(30.0, 2.042), (40.0, 2.021), (60.0, 2.000), (120.0, 1.980)];

/// The two-sided 95% t quantile for `df` degrees of freedom; beyond the table it is
/// interpolated linearly in 1/df towards 1.96, as the tables advise.
pub fn t_quantile_95(df: usize) -> f64 {
    if df == 0 {
        return f64::INFINITY;
    }
    if df <= 30 {
        return T975[df - 1];
    }
    let x = 1.0 / df as f64;
    let mut points: Vec<(f64, f64)> = T975_TAIL.iter().map(|(d, t)| (1.0 / d, *t)).collect();
    points.push((0.0, Z95));
    for pair in points.windows(2) {
        let ((x0, t0), (x1, t1)) = (pair[0], pair[1]);
        if x <= x0 && x >= x1 {
            return t1 + (t0 - t1) * (x - x1) / (x0 - x1);
        }
    }
    Z95
}

/// A mean with its t interval (CES 2.0: the mean agreement on 1–7).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeanScore {
    pub n: usize,
    pub sum: f64,
    pub mean: f64,
    /// Sample standard deviation (n − 1); `None` with one answer.
    pub standard_deviation: Option<f64>,
    pub t: Option<f64>,
    /// mean ± t × s / √n, within the scale; `None` with one answer.
    pub interval: Option<Interval>,
    pub scale: Scale,
}

impl MeanScore {
    pub fn of(values: &[u8], scale: Scale) -> Result<MeanScore, NoScore> {
        let n = values.len();
        if n == 0 {
            return Err(NoScore::NoResponses);
        }
        let sum: f64 = values.iter().map(|v| f64::from(*v)).sum();
        let mean = sum / n as f64;
        let (standard_deviation, t, interval) = if n >= 2 {
            let ss: f64 = values.iter().map(|v| (f64::from(*v) - mean).powi(2)).sum();
            let s = (ss / (n as f64 - 1.0)).sqrt();
            let t = t_quantile_95(n - 1);
            let margin = t * s / (n as f64).sqrt();
            let interval = Interval {
                low: (mean - margin).max(f64::from(scale.min)),
                high: (mean + margin).min(f64::from(scale.max)),
            };
            (Some(s), Some(t), Some(interval))
        } else {
            (None, None, None)
        };
        Ok(MeanScore {
            n,
            sum,
            mean,
            standard_deviation,
            t,
            interval,
            scale,
        })
    }

    pub fn margin(&self) -> Option<f64> {
        Some(self.t? * self.standard_deviation? / (self.n as f64).sqrt())
    }

    pub fn working(&self, name: SurveyTerm) -> Working {
        let mut steps = vec![
            Step::Fact {
                name: SurveyTerm::Sum.into(),
                value: Quantity::plain(self.sum),
            },
            formula(
                name,
                None,
                Some("Σx / n"),
                vec![
                    value(Quantity::plain(self.sum)),
                    Token::Sym("/"),
                    value(answers_count(self.n)),
                ],
                Quantity::fixed(self.mean, 2),
            ),
        ];
        match (
            self.standard_deviation,
            self.t,
            self.interval,
            self.margin(),
        ) {
            (Some(s), Some(t), Some(interval), Some(margin)) => {
                steps.push(Step::Fact {
                    name: SurveyTerm::StandardDeviation.into(),
                    value: Quantity::fixed(s, 3),
                });
                steps.push(formula(
                    SurveyTerm::MarginOfError,
                    None,
                    Some("t × s / √n"),
                    vec![
                        fixed(t, 3),
                        Token::Sym("×"),
                        fixed(s, 3),
                        Token::Sym("/"),
                        Token::Sym("√("),
                        value(Quantity::count(self.n)),
                        Token::Sym(")"),
                    ],
                    Quantity::fixed(margin, 2),
                ));
                steps.push(formula(
                    SurveyTerm::LowerBound,
                    None,
                    None,
                    vec![fixed(self.mean, 2), Token::Sym("−"), fixed(margin, 2)],
                    Quantity::fixed(interval.low, 2),
                ));
                steps.push(formula(
                    SurveyTerm::UpperBound,
                    None,
                    None,
                    vec![fixed(self.mean, 2), Token::Sym("+"), fixed(margin, 2)],
                    Quantity::fixed(interval.high, 2),
                ));
                if interval.low > self.mean - margin || interval.high < self.mean + margin {
                    steps.push(Step::Note(SurveyTerm::Capped.into()));
                }
            }
            _ => steps.push(Step::Note(SurveyTerm::OneAnswer.into())),
        }
        steps.into()
    }
}

/// The CES (mean effort, 1–7) of question `code`, a CES question.
pub fn ces<R: Borrow<Response>>(
    survey: &Survey,
    responses: &[R],
    code: &str,
) -> Result<MeanScore, NoScore> {
    let q = question(survey, code)?;
    if q.kind != QuestionKind::Ces {
        return Err(wrong_kind(code));
    }
    let own = to_survey(survey, responses)?;
    let values = scale_values(&own, code, Scale::CES);
    MeanScore::of(&values, Scale::CES).map_err(|_| no_answers(code))
}

// ---------------------------------------------------------------------------------------
// Dual-scale rows: satisfaction index, SERVQUAL, importance–performance

/// The question holding dual-scale row `row` and its scale.
fn dual_row<'a>(
    survey: &'a Survey,
    row: &str,
) -> Result<(&'a Question, Scale, DualColumns), NoScore> {
    for q in survey.questions() {
        if let QuestionKind::DualMatrix { rows, columns, .. } = &q.kind {
            if rows.iter().any(|r| r.code == row) {
                let scale = q.kind.scale().ok_or_else(|| wrong_kind(row))?;
                return Ok((q, scale, *columns));
            }
        }
    }
    Err(NoScore::MissingQuestion {
        code: row.to_owned(),
    })
}

/// (first, second) of every response that answered both for this row.
fn dual_pairs(responses: &[&Response], question: &str, row: &str, scale: Scale) -> Vec<(f64, f64)> {
    responses
        .iter()
        .filter_map(|r| match r.answers.get(question) {
            Some(Answer::Dual(rows)) => match rows.get(row) {
                Some(DualAnswer {
                    first: Some(a),
                    second: Some(b),
                }) if scale.contains(*a) && scale.contains(*b) => {
                    Some((f64::from(*a), f64::from(*b)))
                }
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// Means of one dual-scale row over the responses that answered both of its columns.
#[derive(Clone, Debug, PartialEq)]
pub struct RowMeans {
    pub code: String,
    pub n: usize,
    /// Mean expectation (or importance).
    pub first: f64,
    /// Mean perception (or performance).
    pub second: f64,
}

fn row_means(responses: &[&Response], question: &str, row: &str, scale: Scale) -> Option<RowMeans> {
    means_of(row, dual_pairs(responses, question, row, scale))
}

/// The dual-scale answers to matrix `question`, one per response that answered it.
fn dual_answers<'a>(
    responses: &[&'a Response],
    question: &str,
) -> Vec<&'a BTreeMap<String, DualAnswer>> {
    responses
        .iter()
        .filter_map(|r| match r.answers.get(question) {
            Some(Answer::Dual(rows)) => Some(rows),
            _ => None,
        })
        .collect()
}

/// [`row_means`] of several rows of one matrix over the answers of [`dual_answers`], in
/// one pass: sums per row rather than a list of pairs per row, added in the responses'
/// order as [`mean`] adds them, so the means are the same to the last bit.
fn rows_means_in(
    answers: &[&BTreeMap<String, DualAnswer>],
    rows: &[&str],
    scale: Scale,
) -> Vec<Option<RowMeans>> {
    // (Σ first, Σ second, pairs) per row.
    let mut sums = vec![(0.0, 0.0, 0usize); rows.len()];
    for answer in answers {
        for (row, sum) in rows.iter().zip(sums.iter_mut()) {
            if let Some(DualAnswer {
                first: Some(a),
                second: Some(b),
            }) = answer.get(*row)
            {
                if scale.contains(*a) && scale.contains(*b) {
                    sum.0 += f64::from(*a);
                    sum.1 += f64::from(*b);
                    sum.2 += 1;
                }
            }
        }
    }
    rows.iter()
        .zip(sums)
        .map(|(row, (first, second, n))| {
            (n > 0).then(|| RowMeans {
                code: (*row).to_owned(),
                n,
                first: first / n as f64,
                second: second / n as f64,
            })
        })
        .collect()
}

fn means_of(row: &str, pairs: Vec<(f64, f64)>) -> Option<RowMeans> {
    Some(RowMeans {
        code: row.to_owned(),
        n: pairs.len(),
        first: mean(pairs.iter().map(|p| p.0))?,
        second: mean(pairs.iter().map(|p| p.1))?,
    })
}

/// How satisfied a satisfaction index says the customers are (concepts.md §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SatisfactionBand {
    /// Above 1 + tolerance.
    HighlySatisfied,
    /// Within the tolerance of 1.
    Satisfied,
    /// Below 1 − tolerance: flagged for a follow-up.
    Dissatisfied,
}

impl SatisfactionBand {
    pub fn of(index: f64) -> SatisfactionBand {
        if index > 1.0 + SATISFIED_TOLERANCE {
            SatisfactionBand::HighlySatisfied
        } else if index < 1.0 - SATISFIED_TOLERANCE {
            SatisfactionBand::Dissatisfied
        } else {
            SatisfactionBand::Satisfied
        }
    }

    fn name(self) -> SurveyTerm {
        match self {
            SatisfactionBand::HighlySatisfied => SurveyTerm::HighlySatisfied,
            SatisfactionBand::Satisfied => SurveyTerm::SatisfiedBand,
            SatisfactionBand::Dissatisfied => SurveyTerm::Dissatisfied,
        }
    }

    fn rule(self) -> Step {
        let (rule, bound) = match self {
            SatisfactionBand::HighlySatisfied => (SurveyTerm::AboveOne, 1.0 + SATISFIED_TOLERANCE),
            SatisfactionBand::Satisfied => (SurveyTerm::NearOne, SATISFIED_TOLERANCE),
            SatisfactionBand::Dissatisfied => (SurveyTerm::BelowOne, 1.0 - SATISFIED_TOLERANCE),
        };
        Step::Rule {
            rule: rule.into(),
            values: vec![Quantity::fixed(bound, 2)],
            outcome: self.name().into(),
        }
    }
}

/// One attribute's satisfaction index: mean perception ÷ mean expectation.
#[derive(Clone, Debug, PartialEq)]
pub struct AttributeIndex {
    pub means: RowMeans,
    pub index: f64,
    pub band: SatisfactionBand,
}

/// The satisfaction index per attribute (row) and overall.
#[derive(Clone, Debug, PartialEq)]
pub struct SatisfactionIndex {
    pub attributes: Vec<AttributeIndex>,
    /// Rows nobody answered both columns of.
    pub unanswered: Vec<String>,
    /// Mean of every answered perception ÷ mean of every answered expectation.
    pub overall: f64,
    pub overall_expected: f64,
    pub overall_perceived: f64,
    pub pairs: usize,
    pub band: SatisfactionBand,
}

fn index_steps(expected: f64, perceived: f64, index: f64, band: SatisfactionBand) -> Vec<Step> {
    vec![
        Step::Fact {
            name: SurveyTerm::MeanExpected.into(),
            value: Quantity::fixed(expected, 2),
        },
        Step::Fact {
            name: SurveyTerm::MeanPerceived.into(),
            value: Quantity::fixed(perceived, 2),
        },
        formula(
            SurveyTerm::SatisfactionIndex,
            None,
            Some("P / E"),
            vec![fixed(perceived, 2), Token::Sym("/"), fixed(expected, 2)],
            Quantity::fixed(index, 3),
        ),
        band.rule(),
    ]
}

impl AttributeIndex {
    /// This attribute's index with its numbers (the UI heads it with the row's text).
    pub fn working(&self) -> Working {
        index_steps(self.means.first, self.means.second, self.index, self.band).into()
    }
}

impl SatisfactionIndex {
    /// The overall index; each attribute has its own [`AttributeIndex::working`].
    pub fn working(&self) -> Working {
        let mut steps = vec![Step::Heading(SurveyTerm::Overall.into())];
        steps.extend(index_steps(
            self.overall_expected,
            self.overall_perceived,
            self.overall,
            self.band,
        ));
        steps.into()
    }
}

/// The satisfaction index (perceived ÷ expected) of the E/P matrix `code`.
///
/// Per attribute the index is the ratio of the means over respondents who answered
/// both columns (a ratio of means, so one respondent's low expectation cannot blow it
/// up); overall it pools every answered pair.
pub fn satisfaction_index<R: Borrow<Response>>(
    survey: &Survey,
    responses: &[R],
    code: &str,
) -> Result<SatisfactionIndex, NoScore> {
    let q = question(survey, code)?;
    let QuestionKind::DualMatrix {
        rows,
        columns: DualColumns::ExpectationPerception,
        ..
    } = &q.kind
    else {
        return Err(wrong_kind(code));
    };
    let scale = q.kind.scale().ok_or_else(|| wrong_kind(code))?;
    let own = to_survey(survey, responses)?;
    let mut attributes = Vec::new();
    let mut unanswered = Vec::new();
    let (mut sum_e, mut sum_p, mut pairs) = (0.0, 0.0, 0usize);
    for row in rows {
        let all = dual_pairs(&own, code, &row.code, scale);
        sum_e += all.iter().map(|p| p.0).sum::<f64>();
        sum_p += all.iter().map(|p| p.1).sum::<f64>();
        pairs += all.len();
        match row_means(&own, code, &row.code, scale) {
            Some(means) => {
                let index = means.second / means.first;
                attributes.push(AttributeIndex {
                    band: SatisfactionBand::of(index),
                    means,
                    index,
                });
            }
            None => unanswered.push(row.code.clone()),
        }
    }
    if pairs == 0 {
        return Err(no_answers(code));
    }
    let (overall_expected, overall_perceived) = (sum_e / pairs as f64, sum_p / pairs as f64);
    let overall = overall_perceived / overall_expected;
    Ok(SatisfactionIndex {
        attributes,
        unanswered,
        overall,
        overall_expected,
        overall_perceived,
        pairs,
        band: SatisfactionBand::of(overall),
    })
}

/// One respondent's satisfaction index over the rows of E/P matrix `code` they
/// answered both columns of (for the customer's page); `None` if none.
pub fn response_satisfaction_index(
    survey: &Survey,
    response: &Response,
    code: &str,
) -> Option<f64> {
    let q = survey.question(code)?;
    let scale = q.kind.scale()?;
    let Some(Answer::Dual(answers)) = response.answers.get(code) else {
        return None;
    };
    // The follow-ups and the churn-risk reasons ask this of every response: sums, not a
    // list of pairs per row (the same sums in the same order as `mean` of those pairs).
    let (mut sum_e, mut sum_p, mut n) = (0.0, 0.0, 0usize);
    for row in q.kind.rows() {
        if let Some(DualAnswer {
            first: Some(a),
            second: Some(b),
        }) = answers.get(&row.code)
        {
            if scale.contains(*a) && scale.contains(*b) {
                sum_e += f64::from(*a);
                sum_p += f64::from(*b);
                n += 1;
            }
        }
    }
    (n > 0).then(|| (sum_p / n as f64) / (sum_e / n as f64))
}

/// One SERVQUAL item: its means and gap P − E.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemGap {
    /// Mean expectation (`first`) and perception (`second`).
    pub means: RowMeans,
    pub gap: f64,
}

/// One SERVQUAL dimension: the means of its items' means and gaps.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionGap {
    pub dimension: ServqualDimension,
    pub items: Vec<ItemGap>,
    /// Items nobody answered both columns of.
    pub unanswered: Vec<String>,
    pub expected: f64,
    pub perceived: f64,
    /// The mean of its items' gaps.
    pub gap: f64,
}

/// The weighted SERVQUAL score.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightedServqual {
    /// Responses whose importance split was complete (summed to its total).
    pub n: usize,
    /// Mean points per dimension (out of 100), in dimension order.
    pub weights: [f64; 5],
    /// Σ weight × dimension gap ÷ 100.
    pub score: f64,
}

/// SERVQUAL gaps per item and dimension, unweighted and weighted.
#[derive(Clone, Debug, PartialEq)]
pub struct Servqual {
    pub dimensions: Vec<DimensionGap>,
    /// The mean of the five dimension gaps.
    pub unweighted: f64,
    pub weighted: Result<WeightedServqual, NoScore>,
}

/// The name of a SERVQUAL dimension.
pub fn dimension_term(d: ServqualDimension) -> SurveyTerm {
    match d {
        ServqualDimension::Tangibles => SurveyTerm::Tangibles,
        ServqualDimension::Reliability => SurveyTerm::Reliability,
        ServqualDimension::Responsiveness => SurveyTerm::Responsiveness,
        ServqualDimension::Assurance => SurveyTerm::Assurance,
        ServqualDimension::Empathy => SurveyTerm::Empathy,
    }
}

impl Servqual {
    /// Per dimension: each item's gap, then the dimension's; then both scores.
    pub fn working(&self) -> Working {
        let mut steps = Vec::new();
        for d in &self.dimensions {
            steps.push(Step::Heading(dimension_term(d.dimension).into()));
            for item in &d.items {
                steps.push(Step::Formula {
                    name: Some(SurveyTerm::Gap.into()),
                    symbol: Some(static_code(&item.means.code)),
                    symbolic: Some("P − E"),
                    filled: vec![vec![
                        fixed(item.means.second, 2),
                        Token::Sym("−"),
                        fixed(item.means.first, 2),
                    ]],
                    result: Quantity::fixed(item.gap, 2),
                });
            }
            steps.push(Step::Mean {
                name: SurveyTerm::DimensionGap.into(),
                parts: d.items.iter().map(|i| Quantity::fixed(i.gap, 2)).collect(),
                mean: Quantity::fixed(d.gap, 2),
            });
        }
        steps.push(Step::Heading(SurveyTerm::Unweighted.into()));
        steps.push(Step::Mean {
            name: SurveyTerm::Unweighted.into(),
            parts: self
                .dimensions
                .iter()
                .map(|d| Quantity::fixed(d.gap, 2))
                .collect(),
            mean: Quantity::fixed(self.unweighted, 2),
        });
        if let Ok(w) = &self.weighted {
            steps.push(Step::Heading(SurveyTerm::Weighted.into()));
            for (d, weight) in self.dimensions.iter().zip(w.weights) {
                steps.push(Step::Fact {
                    name: dimension_term(d.dimension).into(),
                    value: Quantity::fixed(weight, 1),
                });
            }
            let mut tokens = vec![Token::Sym("(")];
            for (i, (d, weight)) in self.dimensions.iter().zip(w.weights).enumerate() {
                if i > 0 {
                    tokens.push(Token::Sym("+"));
                }
                tokens.extend([fixed(weight, 1), Token::Sym("×"), fixed(d.gap, 2)]);
            }
            tokens.extend([
                Token::Sym(")"),
                Token::Sym("/"),
                value(Quantity::count(100)),
            ]);
            steps.push(Step::Formula {
                name: Some(SurveyTerm::Weighted.into()),
                symbol: None,
                symbolic: Some("Σ w × (P − E) / 100"),
                filled: vec![tokens],
                result: Quantity::fixed(w.score, 2),
            });
        }
        steps.into()
    }
}

/// The SERVQUAL item codes as static symbols for the working (`SQ1`…`SQ22`); any other
/// code reads as "item".
fn static_code(code: &str) -> &'static str {
    const CODES: [&str; 22] = [
        "SQ1", "SQ2", "SQ3", "SQ4", "SQ5", "SQ6", "SQ7", "SQ8", "SQ9", "SQ10", "SQ11", "SQ12",
        "SQ13", "SQ14", "SQ15", "SQ16", "SQ17", "SQ18", "SQ19", "SQ20", "SQ21", "SQ22",
    ];
    CODES.into_iter().find(|c| *c == code).unwrap_or("·")
}

/// SERVQUAL of a survey holding the items `SQ1`…`SQ22` (in any E/P matrices) and
/// optionally the importance split `SQW` (items `W_TAN`…`W_EMP`).
///
/// Item gap = mean P − mean E over respondents who answered both; dimension gap = the
/// mean of its items' gaps; unweighted score = the mean of the five dimension gaps;
/// weighted score = Σ w × dimension gap ÷ 100 with w the mean points each dimension got
/// over the complete splits (Zeithaml, Parasuraman & Berry 1990, appendix; they weight
/// each customer's gaps by that customer's points and then average, which equals this
/// when the weights and gaps are uncorrelated; the aggregate form is the one whose
/// working a reader can follow).
pub fn servqual<R: Borrow<Response>>(
    survey: &Survey,
    responses: &[R],
) -> Result<Servqual, NoScore> {
    let own = to_survey(survey, responses)?;
    // Where each item is asked: (dimension, item, matrix, scale), in the figure's order.
    let mut asked = Vec::new();
    for dimension in ServqualDimension::ALL {
        for code in dimension.item_codes() {
            let (q, scale, columns) = dual_row(survey, &code)?;
            if columns != DualColumns::ExpectationPerception {
                return Err(wrong_kind(&q.code));
            }
            asked.push((dimension, code, q.code.as_str(), scale));
        }
    }
    // Each matrix's answers read once for all its items (22 items × 10,000 responses).
    let mut means: Vec<Option<RowMeans>> = vec![None; asked.len()];
    let mut matrices: Vec<(&str, Scale)> = Vec::new();
    for (_, _, matrix, scale) in &asked {
        if !matrices.iter().any(|(m, _)| m == matrix) {
            matrices.push((matrix, *scale));
        }
    }
    for (matrix, scale) in matrices {
        let at: Vec<usize> = (0..asked.len()).filter(|&i| asked[i].2 == matrix).collect();
        let rows: Vec<&str> = at.iter().map(|&i| asked[i].1.as_str()).collect();
        let answers = dual_answers(&own, matrix);
        for (i, m) in at.into_iter().zip(rows_means_in(&answers, &rows, scale)) {
            means[i] = m;
        }
    }
    let mut dimensions = Vec::new();
    for dimension in ServqualDimension::ALL {
        let mut items = Vec::new();
        let mut unanswered = Vec::new();
        for (i, (_, code, _, _)) in asked.iter().enumerate().filter(|(_, a)| a.0 == dimension) {
            match means[i].take() {
                Some(means) => items.push(ItemGap {
                    gap: means.second - means.first,
                    means,
                }),
                None => unanswered.push(code.clone()),
            }
        }
        if items.is_empty() {
            return Err(no_answers(dimension.question_code()));
        }
        let expected = mean(items.iter().map(|i| i.means.first)).unwrap_or_default();
        let perceived = mean(items.iter().map(|i| i.means.second)).unwrap_or_default();
        let gap = mean(items.iter().map(|i| i.gap)).unwrap_or_default();
        dimensions.push(DimensionGap {
            dimension,
            items,
            unanswered,
            expected,
            perceived,
            gap,
        });
    }
    let unweighted = mean(dimensions.iter().map(|d| d.gap)).unwrap_or_default();
    let weighted = servqual_weights(survey, &own).map(|(n, weights)| WeightedServqual {
        n,
        weights,
        score: dimensions
            .iter()
            .zip(weights)
            .map(|(d, w)| w * d.gap)
            .sum::<f64>()
            / 100.0,
    });
    Ok(Servqual {
        dimensions,
        unweighted,
        weighted,
    })
}

/// (complete splits, mean points per dimension scaled to 100).
fn servqual_weights(
    survey: &Survey,
    responses: &[&Response],
) -> Result<(usize, [f64; 5]), NoScore> {
    let q = question(survey, SERVQUAL_WEIGHTS)?;
    let QuestionKind::ConstantSum { items, total } = &q.kind else {
        return Err(wrong_kind(SERVQUAL_WEIGHTS));
    };
    if ServqualDimension::ALL
        .iter()
        .any(|d| !items.iter().any(|i| i.code == d.weight_code()))
        || *total == 0
    {
        return Err(wrong_kind(SERVQUAL_WEIGHTS));
    }
    let mut sums = [0.0; 5];
    let mut n = 0;
    for r in responses {
        let Some(Answer::Split(points)) = r.answers.get(SERVQUAL_WEIGHTS) else {
            continue;
        };
        if points.values().map(|v| u64::from(*v)).sum::<u64>() != u64::from(*total) {
            continue;
        }
        n += 1;
        for (sum, d) in sums.iter_mut().zip(ServqualDimension::ALL) {
            *sum += f64::from(points.get(d.weight_code()).copied().unwrap_or(0));
        }
    }
    if n == 0 {
        return Err(NoScore::NoWeights);
    }
    // Scaled to 100 points, whatever total the question asks for.
    let scale = 100.0 / f64::from(*total);
    Ok((n, sums.map(|s| s / n as f64 * scale)))
}

/// Where the importance–performance crosshair sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Crosshair {
    /// At the mean importance and mean performance of the attributes.
    #[default]
    DataMeans,
    /// At the middle of the scale (4 on 1–7).
    ScaleMidpoint,
}

/// The four quadrants of Martilla & James (1977), "Importance-performance analysis",
/// Journal of Marketing 41(1), 77–79.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// Important, performing poorly.
    ConcentrateHere,
    /// Important, performing well.
    KeepUpTheGoodWork,
    /// Less important, performing poorly.
    LowPriority,
    /// Less important, performing well.
    PossibleOverkill,
}

impl Quadrant {
    /// A value on a dividing line counts as high.
    pub fn of(
        importance: f64,
        performance: f64,
        importance_cut: f64,
        performance_cut: f64,
    ) -> Quadrant {
        match (importance >= importance_cut, performance >= performance_cut) {
            (true, false) => Quadrant::ConcentrateHere,
            (true, true) => Quadrant::KeepUpTheGoodWork,
            (false, false) => Quadrant::LowPriority,
            (false, true) => Quadrant::PossibleOverkill,
        }
    }

    /// The quadrant's name (Martilla & James's words).
    pub fn name(self) -> SurveyTerm {
        match self {
            Quadrant::ConcentrateHere => SurveyTerm::ConcentrateHere,
            Quadrant::KeepUpTheGoodWork => SurveyTerm::KeepUpTheGoodWork,
            Quadrant::LowPriority => SurveyTerm::LowPriority,
            Quadrant::PossibleOverkill => SurveyTerm::PossibleOverkill,
        }
    }
}

/// One attribute on the importance–performance grid.
#[derive(Clone, Debug, PartialEq)]
pub struct IpaPoint {
    /// Mean importance (`first`) and performance (`second`).
    pub means: RowMeans,
    pub quadrant: Quadrant,
}

/// The importance–performance grid.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportancePerformance {
    pub points: Vec<IpaPoint>,
    pub unanswered: Vec<String>,
    pub crosshair: Crosshair,
    pub importance_cut: f64,
    pub performance_cut: f64,
    pub scale: Scale,
}

impl IpaPoint {
    /// The rule that put this attribute in its quadrant (the UI heads it with the row's text).
    pub fn working(&self) -> Working {
        vec![Step::Rule {
            rule: SurveyTerm::QuadrantRule.into(),
            values: vec![
                Quantity::fixed(self.means.first, 2),
                Quantity::fixed(self.means.second, 2),
            ],
            outcome: self.quadrant.name().into(),
        }]
        .into()
    }
}

impl ImportancePerformance {
    /// Where the dividing lines are and why; each point has its own [`IpaPoint::working`].
    pub fn working(&self) -> Working {
        let mut steps = vec![Step::Note(
            match self.crosshair {
                Crosshair::DataMeans => SurveyTerm::AtDataMeans,
                Crosshair::ScaleMidpoint => SurveyTerm::AtMidpoint,
            }
            .into(),
        )];
        let cut = |name: SurveyTerm, cut: f64, pick: fn(&RowMeans) -> f64| match self.crosshair {
            Crosshair::DataMeans => Step::Mean {
                name: name.into(),
                parts: self
                    .points
                    .iter()
                    .map(|p| Quantity::fixed(pick(&p.means), 2))
                    .collect(),
                mean: Quantity::fixed(cut, 2),
            },
            Crosshair::ScaleMidpoint => Step::Fact {
                name: name.into(),
                value: Quantity::fixed(cut, 2),
            },
        };
        steps.push(cut(SurveyTerm::ImportanceCut, self.importance_cut, |m| {
            m.first
        }));
        steps.push(cut(SurveyTerm::PerformanceCut, self.performance_cut, |m| {
            m.second
        }));
        steps.into()
    }
}

/// Importance–performance analysis of the I/P matrix `code`.
pub fn importance_performance<R: Borrow<Response>>(
    survey: &Survey,
    responses: &[R],
    code: &str,
    crosshair: Crosshair,
) -> Result<ImportancePerformance, NoScore> {
    let q = question(survey, code)?;
    let QuestionKind::DualMatrix {
        rows,
        columns: DualColumns::ImportancePerformance,
        ..
    } = &q.kind
    else {
        return Err(wrong_kind(code));
    };
    let scale = q.kind.scale().ok_or_else(|| wrong_kind(code))?;
    let own = to_survey(survey, responses)?;
    let mut means = Vec::new();
    let mut unanswered = Vec::new();
    for row in rows {
        match row_means(&own, code, &row.code, scale) {
            Some(m) => means.push(m),
            None => unanswered.push(row.code.clone()),
        }
    }
    if means.is_empty() {
        return Err(no_answers(code));
    }
    let (importance_cut, performance_cut) = match crosshair {
        Crosshair::DataMeans => (
            mean(means.iter().map(|m| m.first)).unwrap_or_default(),
            mean(means.iter().map(|m| m.second)).unwrap_or_default(),
        ),
        Crosshair::ScaleMidpoint => (scale.midpoint(), scale.midpoint()),
    };
    let points = means
        .into_iter()
        .map(|m| IpaPoint {
            quadrant: Quadrant::of(m.first, m.second, importance_cut, performance_cut),
            means: m,
        })
        .collect();
    Ok(ImportancePerformance {
        points,
        unanswered,
        crosshair,
        importance_cut,
        performance_cut,
        scale,
    })
}

// ---------------------------------------------------------------------------------------
// Customer delivered value

/// The mean rating of one value or cost component.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    pub code: String,
    pub n: usize,
    pub mean: f64,
}

/// Customer delivered value (Kotler): total customer value − total customer cost, each
/// the sum of its components' mean ratings.
#[derive(Clone, Debug, PartialEq)]
pub struct DeliveredValue {
    pub value: Vec<Component>,
    pub cost: Vec<Component>,
    pub unanswered: Vec<String>,
    pub total_value: f64,
    pub total_cost: f64,
    pub delivered: f64,
}

impl DeliveredValue {
    pub fn working(&self) -> Working {
        let parts = |c: &[Component]| c.iter().map(|c| Quantity::fixed(c.mean, 2)).collect();
        vec![
            Step::Sum {
                name: SurveyTerm::TotalValue.into(),
                parts: parts(&self.value),
                total: Quantity::fixed(self.total_value, 2),
            },
            Step::Sum {
                name: SurveyTerm::TotalCost.into(),
                parts: parts(&self.cost),
                total: Quantity::fixed(self.total_cost, 2),
            },
            formula(
                SurveyTerm::DeliveredValue,
                None,
                None,
                vec![
                    fixed(self.total_value, 2),
                    Token::Sym("−"),
                    fixed(self.total_cost, 2),
                ],
                Quantity::fixed(self.delivered, 2),
            ),
        ]
        .into()
    }
}

fn components(
    survey: &Survey,
    responses: &[&Response],
    code: &str,
    unanswered: &mut Vec<String>,
) -> Result<Vec<Component>, NoScore> {
    let q = question(survey, code)?;
    let QuestionKind::LikertMatrix { rows, .. } = &q.kind else {
        return Err(wrong_kind(code));
    };
    let scale = q.kind.scale().ok_or_else(|| wrong_kind(code))?;
    let mut found = Vec::new();
    for row in rows {
        let values: Vec<f64> = responses
            .iter()
            .filter_map(|r| match r.answers.get(code) {
                Some(Answer::Matrix(given)) => given
                    .get(&row.code)
                    .filter(|v| scale.contains(**v))
                    .map(|v| f64::from(*v)),
                _ => None,
            })
            .collect();
        match mean(values.iter().copied()) {
            Some(m) => found.push(Component {
                code: row.code.clone(),
                n: values.len(),
                mean: m,
            }),
            None => unanswered.push(row.code.clone()),
        }
    }
    if found.is_empty() {
        return Err(no_answers(code));
    }
    Ok(found)
}

/// Customer delivered value from the value matrix and the cost matrix.
pub fn delivered_value<R: Borrow<Response>>(
    survey: &Survey,
    responses: &[R],
    value_code: &str,
    cost_code: &str,
) -> Result<DeliveredValue, NoScore> {
    question(survey, value_code)?;
    question(survey, cost_code)?;
    let own = to_survey(survey, responses)?;
    let mut unanswered = Vec::new();
    let value = components(survey, &own, value_code, &mut unanswered)?;
    let cost = components(survey, &own, cost_code, &mut unanswered)?;
    let total_value: f64 = value.iter().map(|c| c.mean).sum();
    let total_cost: f64 = cost.iter().map(|c| c.mean).sum();
    Ok(DeliveredValue {
        value,
        cost,
        unanswered,
        total_value,
        total_cost,
        delivered: total_value - total_cost,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::surveys::domain::model::{Answers, TemplateId};
    use crate::surveys::domain::templates::{
        template, COST_QUESTION, IPA_QUESTION, SATISFACTION_QUESTION, VALUE_QUESTION,
    };
    use crate::working::english_words;
    use proptest::prelude::*;

    const SURVEY: u64 = 9;

    fn response(answers: Vec<(&str, Answer)>) -> Response {
        Response {
            survey_id: SURVEY,
            answers: answers
                .into_iter()
                .map(|(c, a)| (c.to_owned(), a))
                .collect::<Answers>(),
            ..Response::default()
        }
    }

    fn scale_responses(code: &str, values: &[u8]) -> Vec<Response> {
        values
            .iter()
            .map(|v| response(vec![(code, Answer::Scale(*v))]))
            .collect()
    }

    fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
        (actual - expected).abs() <= tolerance
    }

    /// Abbreviations a Chinese working keeps in Latin letters, beyond the shared list.
    const SURVEY_ABBREVIATIONS: &[&str] = &["SE", "CSAT", "CES", "SERVQUAL", "SQ"];

    fn assert_chinese(working: &Working) {
        let zh = working.text(Lang::Zh);
        let english: Vec<_> = english_words(&zh)
            .into_iter()
            .filter(|w| !SURVEY_ABBREVIATIONS.contains(w))
            .collect();
        assert!(english.is_empty(), "{english:?} in {zh}");
    }

    /// SERVQUAL reads each matrix once for all its rows: the same pairs, in the same
    /// order, as reading every row from the responses (the satisfaction index's way).
    #[test]
    fn a_matrix_read_once_gives_every_row_the_same_means() {
        let ids: Vec<u64> = (1..=40).collect();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let book = crate::surveys::domain::demo::demo_surveys(&ids, day);
        let survey = &book.surveys[0];
        let own = to_survey(survey, &book.responses).unwrap();
        let mut rows = 0;
        for q in survey.questions() {
            let (Some(scale), QuestionKind::DualMatrix { .. }) = (q.kind.scale(), &q.kind) else {
                continue;
            };
            let answers = dual_answers(&own, &q.code);
            let codes: Vec<&str> = q.kind.rows().iter().map(|r| r.code.as_str()).collect();
            for (row, once) in codes.iter().zip(rows_means_in(&answers, &codes, scale)) {
                rows += 1;
                assert_eq!(once, row_means(&own, &q.code, row, scale), "{row}");
            }
        }
        assert_eq!(rows, 22, "the demo survey's SERVQUAL items");
    }

    /// One respondent's index from sums (the follow-ups and churn risk ask it of every
    /// response) equals the ratio of the means of their pairs, the way it was worked out
    /// before: every demo response, every E/P matrix, to the last bit.
    #[test]
    fn a_respondents_index_from_sums_is_the_ratio_of_their_pairs_means() {
        let ids: Vec<u64> = (1..=40).collect();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let book = crate::surveys::domain::demo::demo_surveys(&ids, day);
        let mut checked = 0;
        for survey in &book.surveys {
            for r in book.responses.iter().filter(|r| r.survey_id == survey.id) {
                for q in survey.questions() {
                    let Some(scale) = q.kind.scale() else {
                        continue;
                    };
                    let own = [r];
                    let pairs: Vec<(f64, f64)> = q
                        .kind
                        .rows()
                        .iter()
                        .flat_map(|row| dual_pairs(&own, &q.code, &row.code, scale))
                        .collect();
                    let before = mean(pairs.iter().map(|p| p.0))
                        .and_then(|e| mean(pairs.iter().map(|p| p.1)).map(|p| p / e));
                    checked += usize::from(before.is_some());
                    assert_eq!(
                        response_satisfaction_index(survey, r, &q.code),
                        before,
                        "{}",
                        q.code
                    );
                }
            }
        }
        assert!(
            checked > 40,
            "the demo's responses answer E/P matrices ({checked})"
        );
    }

    #[test]
    fn nps_and_its_interval_follow_the_published_formula() {
        use NpsMethod::*;
        // (promoters, passives, detractors, method, score, SE, low, high)
        let cases = [
            // talkstats.com thread 58500: 291 promoters, 476 passives, 395 detractors,
            // NPS −9 with a margin of error of 4.4.
            (291, 476, 395, Wald, -8.95, 2.239, -13.34, -4.56),
            (50, 30, 20, Wald, 30.0, 7.810, 14.69, 45.31),
            // Adjusted-Wald: (5 + 0.75) / 13 − (2 + 0.75) / 13 = 23.08, SE 21.49.
            (5, 3, 2, AdjustedWald, 30.0, 21.494, -19.05, 65.21),
            // Capped at −100; an all-detractor sample still has an interval above it.
            (0, 0, 10, AdjustedWald, -100.0, 15.010, -100.0, -47.50),
            (200, 0, 0, Wald, 100.0, 0.0, 100.0, 100.0),
        ];
        for (p, pa, d, method, score, se, low, high) in cases {
            let nps = Nps::from_counts(p, pa, d).unwrap();
            assert_eq!(nps.method, method, "{p}/{pa}/{d}");
            assert!(close(nps.score, score, 0.005), "{p}/{pa}/{d}: {nps:?}");
            assert!(
                close(nps.standard_error, se, 0.0005),
                "{p}/{pa}/{d}: {nps:?}"
            );
            assert!(close(nps.interval.low, low, 0.005), "{p}/{pa}/{d}: {nps:?}");
            assert!(
                close(nps.interval.high, high, 0.005),
                "{p}/{pa}/{d}: {nps:?}"
            );
        }
        let talk = Nps::from_counts(291, 476, 395).unwrap();
        assert!(
            close(talk.margin, 4.4, 0.05),
            "the thread's margin of error: {}",
            talk.margin
        );
        assert_eq!(Nps::from_counts(0, 0, 0), Err(NoScore::NoResponses));
    }

    #[test]
    fn nps_working_reads_as_the_formula_with_its_numbers() {
        let working = Nps::from_counts(50, 30, 20).unwrap().working();
        assert_eq!(
            working.lines(Lang::En),
            [
                "Promoters (9–10): 50 / 100 answers = 50.0%",
                "Passives (7–8): 30 / 100 answers = 30.0%",
                "Detractors (0–6): 20 / 100 answers = 20.0%",
                "Net Promoter Score NPS = %P − %D = 50.0% − 20.0% = 30.0",
                "Standard error SE = 100 × √((p + d − (p − d)²) / n) = 100 × √((0.500 + 0.200 − (0.500 − 0.200)²) / 100) = 7.81",
                "Margin of error (95%) = 1.96 × SE = 1.96 × 7.81 = 15.3",
                "95% interval, lower bound = 30.0 − 15.3 = 14.7",
                "95% interval, upper bound = 30.0 + 15.3 = 45.3",
            ]
        );
        assert_eq!(
            working.lines(Lang::Zh)[2],
            "贬损者（0–6 分）：20 / 100 份回答 = 20.0%"
        );
        assert_chinese(&working);
        let small = Nps::from_counts(5, 3, 2).unwrap().working();
        let text = small.text(Lang::En);
        assert!(
            text.contains("Adjusted share of promoters = (5 + 0.75) / (10 + 3) = 0.442"),
            "{text}"
        );
        assert!(
            text.contains("= 100 × √((0.442 + 0.212 − (0.442 − 0.212)²) / 13) = 21.49"),
            "{text}"
        );
        assert_chinese(&small);
        let capped = Nps::from_counts(0, 0, 10).unwrap().working();
        assert!(capped.text(Lang::En).contains("capped"));
    }

    #[test]
    fn nps_counts_only_answered_questions_of_this_survey() {
        let survey = template(TemplateId::Nps, SURVEY);
        let mut responses = scale_responses("NPS", &[10, 9, 8, 7, 6, 0]);
        responses.push(response(vec![(
            "NPS_WHY",
            Answer::Text("skipped the score".into()),
        )]));
        responses.push(Response {
            survey_id: SURVEY + 1,
            ..scale_responses("NPS", &[0])[0].clone()
        });
        let nps = nps(&survey, &responses, "NPS").unwrap();
        assert_eq!(
            (nps.n, nps.promoters, nps.passives, nps.detractors),
            (6, 2, 2, 2)
        );
        assert_eq!(nps.score, 0.0);
        // Every way to have no figure says why.
        let cases = [
            (vec![], "NPS", NoScore::NoResponses),
            (scale_responses("NPS_WHY", &[]), "NPS", NoScore::NoResponses),
            (
                vec![response(vec![])],
                "NPS",
                NoScore::NoAnswers { code: "NPS".into() },
            ),
            (
                responses.clone(),
                "NPS_WHY",
                NoScore::WrongKind {
                    code: "NPS_WHY".into(),
                },
            ),
            (
                responses.clone(),
                "Q1",
                NoScore::MissingQuestion { code: "Q1".into() },
            ),
        ];
        for (responses, code, reason) in cases {
            assert_eq!(super::nps(&survey, &responses, code), Err(reason), "{code}");
        }
        assert_eq!(
            [0, 6, 7, 8, 9, 10].map(NpsCategory::of),
            [
                NpsCategory::Detractor,
                NpsCategory::Detractor,
                NpsCategory::Passive,
                NpsCategory::Passive,
                NpsCategory::Promoter,
                NpsCategory::Promoter
            ]
        );
    }

    #[test]
    fn wilson_intervals_match_newcombe_1998() {
        // Newcombe (1998), "Two-sided confidence intervals for the single proportion",
        // Statistics in Medicine 17, 857–872, Table I, method 3 (score, no correction).
        let cases = [
            (81, 263, 0.2553, 0.3662),
            (15, 148, 0.0624, 0.1605),
            (0, 20, 0.0, 0.1611),
            (1, 29, 0.0061, 0.1718),
        ];
        for (k, n, low, high) in cases {
            let csat = Csat::from_counts(k, n, Scale::CSAT).unwrap();
            assert!(close(csat.interval.low, low, 0.00005), "{k}/{n}: {csat:?}");
            assert!(
                close(csat.interval.high, high, 0.00005),
                "{k}/{n}: {csat:?}"
            );
        }
        assert_eq!(wilson(0, 0), None);
    }

    #[test]
    fn csat_is_the_share_of_the_top_two_points_of_its_own_scale() {
        let survey = template(TemplateId::Csat, SURVEY);
        let csat = csat(
            &survey,
            &scale_responses("CSAT", &[5, 4, 4, 3, 1, 2, 5, 5, 4, 5]),
            "CSAT",
        )
        .unwrap();
        assert_eq!((csat.satisfied, csat.n), (7, 10));
        assert!(
            close(csat.interval.low, 0.3968, 0.0001) && close(csat.interval.high, 0.8922, 0.0001),
            "{csat:?}"
        );
        let working = csat.working();
        let en = working.text(Lang::En);
        assert!(
            en.starts_with("Satisfied (top two points): 7 / 10 answers = 70.0%"),
            "{en}"
        );
        assert!(
            en.contains("(0.7000 + 1.96² / (2 × 10)) / (1 + 1.96² / 10) = 0.6445"),
            "{en}"
        );
        assert_chinese(&working);
        // A 10-point rating: 9 and 10 are the top two (not 4 and 5).
        let mut rated = survey.clone();
        rated.sections[0].questions[0].kind = QuestionKind::Rating {
            points: 10,
            start: 1,
            ends: Default::default(),
        };
        let ten = super::csat(&rated, &scale_responses("CSAT", &[10, 9, 5, 4]), "CSAT").unwrap();
        assert_eq!(ten.satisfied, 2);
    }

    #[test]
    fn a_scale_summary_counts_skipped_answers_apart() {
        let survey = template(TemplateId::Csat, SURVEY);
        let mut responses = scale_responses("CSAT", &[5, 4, 4, 1]);
        responses.push(response(vec![(
            "CSAT_WHY",
            Answer::Text("no score".into()),
        )]));
        let summary = scale_summary(&survey, &responses, "CSAT").unwrap();
        assert_eq!((summary.n, summary.skipped), (4, 1));
        assert_eq!(summary.counts, [(1, 1), (2, 0), (3, 0), (4, 2), (5, 1)]);
        assert_eq!((summary.mean, summary.median), (3.5, 4.0));
        let odd = scale_summary(&survey, &scale_responses("CSAT", &[2, 5, 3]), "CSAT").unwrap();
        assert_eq!(odd.median, 3.0);
        assert_eq!(
            scale_summary(&survey, &responses, "CSAT_WHY"),
            Err(NoScore::WrongKind {
                code: "CSAT_WHY".into()
            })
        );
    }

    #[test]
    fn t_quantiles_come_from_the_table() {
        let cases = [
            (1, 12.706),
            (7, 2.365),
            (30, 2.042),
            (40, 2.021),
            (50, 2.0086),
            (120, 1.980),
            (100_000, 1.960),
        ];
        for (df, t) in cases {
            assert!(
                close(t_quantile_95(df), t, 0.001),
                "df {df}: {}",
                t_quantile_95(df)
            );
        }
    }

    #[test]
    fn ces_is_a_mean_with_a_t_interval() {
        let survey = template(TemplateId::Ces, SURVEY);
        let ces = ces(
            &survey,
            &scale_responses("CES", &[7, 6, 5, 6, 7, 5, 4, 6]),
            "CES",
        )
        .unwrap();
        // mean 5.75, s = 1.035, t(7) = 2.365: 5.75 ± 0.866.
        assert_eq!((ces.n, ces.mean), (8, 5.75));
        assert!(close(ces.standard_deviation.unwrap(), 1.0351, 0.0001));
        let interval = ces.interval.unwrap();
        assert!(
            close(interval.low, 4.884, 0.001) && close(interval.high, 6.616, 0.001),
            "{ces:?}"
        );
        let working = ces.working(SurveyTerm::MeanEffort);
        let en = working.text(Lang::En);
        assert!(
            en.contains("Mean effort score = Σx / n = 46 / 8 answers = 5.75"),
            "{en}"
        );
        assert!(
            en.contains("= t × s / √n = 2.365 × 1.035 / √(8) = 0.87"),
            "{en}"
        );
        assert_chinese(&working);
        let one = super::ces(&survey, &scale_responses("CES", &[3]), "CES").unwrap();
        assert_eq!((one.interval, one.standard_deviation), (None, None));
        assert!(one
            .working(SurveyTerm::MeanEffort)
            .text(Lang::En)
            .contains("Only one answer"));
        assert_eq!(
            super::ces(&survey, &[response(vec![])], "CES"),
            Err(NoScore::NoAnswers { code: "CES".into() })
        );
    }

    fn dual(rows: &[(&str, u8, u8)]) -> Answer {
        Answer::Dual(
            rows.iter()
                .map(|(code, e, p)| ((*code).to_owned(), DualAnswer::both(*e, *p)))
                .collect(),
        )
    }

    #[test]
    fn the_satisfaction_index_is_perceived_over_expected() {
        let survey = template(TemplateId::SatisfactionIndex, SURVEY);
        let responses = vec![
            response(vec![(
                SATISFACTION_QUESTION,
                dual(&[("SI1", 6, 6), ("SI2", 5, 6), ("SI3", 6, 4)]),
            )]),
            response(vec![(
                SATISFACTION_QUESTION,
                dual(&[("SI1", 4, 4), ("SI2", 5, 6), ("SI3", 6, 5)]),
            )]),
            // Half an answer does not count for that row.
            response(vec![(
                SATISFACTION_QUESTION,
                Answer::Dual(BTreeMap::from([(
                    "SI1".to_owned(),
                    DualAnswer {
                        first: Some(7),
                        second: None,
                    },
                )])),
            )]),
        ];
        let index = satisfaction_index(&survey, &responses, SATISFACTION_QUESTION).unwrap();
        // (row, n, E, P, index, band)
        let expected = [
            ("SI1", 2, 5.0, 5.0, 1.0, SatisfactionBand::Satisfied),
            ("SI2", 2, 5.0, 6.0, 1.2, SatisfactionBand::HighlySatisfied),
            ("SI3", 2, 6.0, 4.5, 0.75, SatisfactionBand::Dissatisfied),
        ];
        assert_eq!(index.attributes.len(), 3);
        for (a, (code, n, e, p, i, band)) in index.attributes.iter().zip(expected) {
            assert_eq!(
                (
                    a.means.code.as_str(),
                    a.means.n,
                    a.means.first,
                    a.means.second,
                    a.band
                ),
                (code, n, e, p, band)
            );
            assert!(close(a.index, i, 1e-9), "{a:?}");
        }
        assert_eq!(index.unanswered, ["SI4"]);
        // Pooled: E = 32 / 6, P = 31 / 6, index 31 / 32.
        assert_eq!(index.pairs, 6);
        assert!(close(index.overall, 31.0 / 32.0, 1e-9));
        assert_eq!(index.band, SatisfactionBand::Satisfied);
        let working = index.attributes[2].working();
        assert_eq!(
            working.lines(Lang::En),
            [
                "Mean expectation: 6.00",
                "Mean perception: 4.50",
                "Satisfaction index = P / E = 4.50 / 6.00 = 0.750",
                "Index below 0.95 → dissatisfied"
            ]
        );
        assert_eq!(working.lines(Lang::Zh)[3], "指数低于 0.95 → 不满意");
        assert_chinese(&index.working());
        assert!(close(
            response_satisfaction_index(&survey, &responses[0], SATISFACTION_QUESTION).unwrap(),
            16.0 / 17.0,
            1e-9
        ));
        assert_eq!(
            response_satisfaction_index(&survey, &response(vec![]), SATISFACTION_QUESTION),
            None
        );
        // The bands' edges, with the stated tolerance.
        let bands = [
            (1.05, SatisfactionBand::Satisfied),
            (1.051, SatisfactionBand::HighlySatisfied),
            (0.95, SatisfactionBand::Satisfied),
            (0.949, SatisfactionBand::Dissatisfied),
        ];
        for (i, band) in bands {
            assert_eq!(SatisfactionBand::of(i), band, "{i}");
        }
    }

    /// A SERVQUAL response: every item expected at `e`, perceived per dimension, and
    /// the importance split.
    fn servqual_response(e: u8, perceived: [u8; 5], weights: [u32; 5]) -> Response {
        let mut answers = Vec::new();
        for (d, p) in ServqualDimension::ALL.into_iter().zip(perceived) {
            let rows: Vec<(String, u8, u8)> =
                d.item_codes().into_iter().map(|c| (c, e, p)).collect();
            let rows: Vec<(&str, u8, u8)> =
                rows.iter().map(|(c, e, p)| (c.as_str(), *e, *p)).collect();
            answers.push((d.question_code(), dual(&rows)));
        }
        let split = ServqualDimension::ALL
            .into_iter()
            .zip(weights)
            .map(|(d, w)| (d.weight_code().to_owned(), w))
            .collect();
        answers.push((SERVQUAL_WEIGHTS, Answer::Split(split)));
        response(answers)
    }

    #[test]
    fn servqual_gaps_per_item_dimension_and_weighted() {
        let survey = template(TemplateId::Servqual, SURVEY);
        let responses = vec![
            servqual_response(7, [6, 5, 6, 7, 4], [10, 40, 20, 20, 10]),
            servqual_response(6, [6, 4, 6, 6, 6], [20, 30, 20, 20, 10]),
            // An incomplete split (90 points) counts for the gaps, not the weights.
            servqual_response(6, [6, 6, 6, 6, 6], [10, 30, 20, 20, 10]),
        ];
        let sq = servqual(&survey, &responses).unwrap();
        // Gaps: tangibles (−1 + 0 + 0) / 3, reliability (−2 − 2 + 0) / 3, …
        let gaps: Vec<f64> = sq.dimensions.iter().map(|d| d.gap).collect();
        let expected = [-1.0 / 3.0, -4.0 / 3.0, -1.0 / 3.0, 0.0, -1.0];
        for (gap, want) in gaps.iter().zip(expected) {
            assert!(close(*gap, want, 1e-9), "{gaps:?}");
        }
        assert_eq!(sq.dimensions[1].items.len(), 5);
        assert!(close(
            sq.dimensions[0].items[0].means.first,
            19.0 / 3.0,
            1e-9
        ));
        assert!(close(sq.unweighted, -3.0 / 5.0, 1e-9), "{}", sq.unweighted);
        let weighted = sq.weighted.as_ref().unwrap();
        assert_eq!(weighted.n, 2);
        assert_eq!(weighted.weights, [15.0, 35.0, 20.0, 20.0, 10.0]);
        // (15 × −1/3 + 35 × −4/3 + 20 × −1/3 + 20 × 0 + 10 × −1) / 100
        assert!(
            close(
                weighted.score,
                (-5.0 - 140.0 / 3.0 - 20.0 / 3.0 - 10.0) / 100.0,
                1e-9
            ),
            "{}",
            weighted.score
        );
        let working = sq.working();
        let en = working.text(Lang::En);
        assert!(en.contains("Gap SQ5 = P − E = 5.00 − 6.33 = -1.33"), "{en}");
        assert!(
            en.contains(
                "Weighted SERVQUAL score = Σ w × (P − E) / 100 = (15.0 × -0.33 + 35.0 × -1.33"
            ),
            "{en}"
        );
        assert_chinese(&working);
    }

    #[test]
    fn servqual_says_what_is_missing() {
        let survey = template(TemplateId::Servqual, SURVEY);
        assert_eq!(
            servqual(&survey, &[] as &[Response]),
            Err(NoScore::NoResponses)
        );
        // Only tangibles answered: reliability has no answers.
        let partial = response(vec![("SQ_TAN", dual(&[("SQ1", 5, 5)]))]);
        assert_eq!(
            servqual(&survey, std::slice::from_ref(&partial)),
            Err(NoScore::NoAnswers {
                code: "SQ_REL".into()
            })
        );
        // No split at all: the unweighted score stands, the weighted one says why.
        let mut no_weights = servqual_response(6, [5; 5], [20; 5]);
        no_weights.answers.remove(SERVQUAL_WEIGHTS);
        let sq = servqual(&survey, &[no_weights]).unwrap();
        assert!(close(sq.unweighted, -1.0, 1e-9));
        assert_eq!(sq.weighted, Err(NoScore::NoWeights));
        // A survey whose item was deleted.
        let mut edited = survey.clone();
        edited.sections[0].questions[0].kind = QuestionKind::ShortText;
        assert_eq!(
            servqual(&edited, &[partial]),
            Err(NoScore::MissingQuestion { code: "SQ1".into() })
        );
    }

    #[test]
    fn importance_performance_quadrants_depend_on_the_crosshair() {
        let survey = template(TemplateId::ImportancePerformance, SURVEY);
        let responses = vec![response(vec![(
            IPA_QUESTION,
            dual(&[
                ("IPA1", 7, 3),
                ("IPA2", 6, 6),
                ("IPA3", 3, 2),
                ("IPA4", 2, 7),
                ("IPA5", 5, 5),
            ]),
        )])];
        let at_means =
            importance_performance(&survey, &responses, IPA_QUESTION, Crosshair::DataMeans)
                .unwrap();
        assert_eq!(
            (at_means.importance_cut, at_means.performance_cut),
            (4.6, 4.6)
        );
        let quadrants =
            |ipa: &ImportancePerformance| ipa.points.iter().map(|p| p.quadrant).collect::<Vec<_>>();
        use Quadrant::*;
        assert_eq!(
            quadrants(&at_means),
            [
                ConcentrateHere,
                KeepUpTheGoodWork,
                LowPriority,
                PossibleOverkill,
                KeepUpTheGoodWork
            ]
        );
        assert_eq!(at_means.unanswered, ["IPA6", "IPA7"]);
        // At the midpoint (4 on 1–7) the same data reads the same here …
        let mid =
            importance_performance(&survey, &responses, IPA_QUESTION, Crosshair::ScaleMidpoint)
                .unwrap();
        assert_eq!((mid.importance_cut, mid.performance_cut), (4.0, 4.0));
        // … and a point between the two lines changes its verdict with the switch.
        let between = vec![response(vec![(
            IPA_QUESTION,
            dual(&[("IPA1", 7, 7), ("IPA2", 4, 4), ("IPA3", 4, 4)]),
        )])];
        let means =
            importance_performance(&survey, &between, IPA_QUESTION, Crosshair::DataMeans).unwrap();
        let mid = importance_performance(&survey, &between, IPA_QUESTION, Crosshair::ScaleMidpoint)
            .unwrap();
        assert_eq!(
            (means.points[1].quadrant, mid.points[1].quadrant),
            (LowPriority, KeepUpTheGoodWork)
        );
        assert_eq!(
            means.points[1].working().text(Lang::En),
            "Importance 4.00, performance 4.00 → Low priority"
        );
        assert_eq!(
            mid.working().lines(Lang::En)[1],
            "Importance dividing line: 4.00"
        );
        assert_chinese(&means.working());
        // The satisfaction matrix is E/P, not I/P.
        let si = template(TemplateId::SatisfactionIndex, SURVEY);
        assert_eq!(
            importance_performance(&si, &between, SATISFACTION_QUESTION, Crosshair::DataMeans),
            Err(NoScore::WrongKind {
                code: SATISFACTION_QUESTION.into()
            })
        );
    }

    #[test]
    fn delivered_value_is_total_value_minus_total_cost() {
        let survey = template(TemplateId::DeliveredValue, SURVEY);
        let matrix = |rows: &[(&str, u8)]| {
            Answer::Matrix(rows.iter().map(|(c, v)| ((*c).to_owned(), *v)).collect())
        };
        let responses = vec![
            response(vec![
                (
                    VALUE_QUESTION,
                    matrix(&[("CDV_PV", 6), ("CDV_SV", 5), ("CDV_EV", 7), ("CDV_IV", 4)]),
                ),
                (
                    COST_QUESTION,
                    matrix(&[("CDV_MC", 5), ("CDV_TC", 3), ("CDV_EC", 2), ("CDV_PC", 1)]),
                ),
            ]),
            response(vec![
                (
                    VALUE_QUESTION,
                    matrix(&[("CDV_PV", 4), ("CDV_SV", 5), ("CDV_EV", 5), ("CDV_IV", 4)]),
                ),
                (
                    COST_QUESTION,
                    matrix(&[("CDV_MC", 7), ("CDV_TC", 3), ("CDV_EC", 4)]),
                ),
            ]),
        ];
        let value = delivered_value(&survey, &responses, VALUE_QUESTION, COST_QUESTION).unwrap();
        // Value 5 + 5 + 6 + 4 = 20; cost 6 + 3 + 3 + 1 = 13 (physical cost answered once).
        assert_eq!(
            (value.total_value, value.total_cost, value.delivered),
            (20.0, 13.0, 7.0)
        );
        assert_eq!(value.cost[3].n, 1);
        let working = value.working();
        assert_eq!(
            working.lines(Lang::En),
            [
                "Total customer value = 5.00 + 5.00 + 6.00 + 4.00 = 20.00",
                "Total customer cost = 6.00 + 3.00 + 3.00 + 1.00 = 13.00",
                "Customer delivered value = 20.00 − 13.00 = 7.00",
            ]
        );
        assert_eq!(
            working.lines(Lang::Zh)[2],
            "顾客让渡价值 = 20.00 − 13.00 = 7.00"
        );
        assert_eq!(
            delivered_value(&survey, &[response(vec![])], VALUE_QUESTION, COST_QUESTION),
            Err(NoScore::NoAnswers {
                code: VALUE_QUESTION.into()
            })
        );
    }

    proptest! {
        #[test]
        fn nps_and_its_interval_stay_within_minus_100_and_100(p in 0usize..500, pa in 0usize..500, d in 0usize..500) {
            prop_assume!(p + pa + d > 0);
            let nps = Nps::from_counts(p, pa, d).unwrap();
            prop_assert!((-100.0..=100.0).contains(&nps.score));
            prop_assert!(nps.interval.low >= -100.0 && nps.interval.high <= 100.0);
            prop_assert!(nps.interval.low <= nps.interval.high);
            prop_assert!(nps.standard_error.is_finite() && nps.standard_error >= 0.0);
            if nps.method == NpsMethod::Wald {
                prop_assert!(nps.interval.low <= nps.score + 1e-9 && nps.score <= nps.interval.high + 1e-9);
            }
        }

        #[test]
        fn a_wilson_interval_holds_its_share_and_stays_in_0_1(n in 1usize..2000, k in 0usize..2000) {
            let k = k % (n + 1);
            let csat = Csat::from_counts(k, n, Scale::CSAT).unwrap();
            prop_assert!(0.0 <= csat.interval.low && csat.interval.high <= 1.0);
            prop_assert!(csat.interval.low <= csat.share + 1e-12 && csat.share <= csat.interval.high + 1e-12);
        }
    }
}
