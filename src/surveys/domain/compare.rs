//! Headline figures as estimates with a standard error, so two groups of responses (two
//! periods, two segments) can be compared — the difference with its 95% interval and
//! whether it is more than chance — and a survey's main figure followed month by month.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::model::{Answer, DualColumns, QuestionKind, Response, Scale, Survey};
use super::scoring::{
    ces, csat, nps, satisfaction_index, servqual, t_quantile_95, Interval, MeanScore, NoScore,
    NpsMethod, Z95,
};
use super::templates::ServqualDimension;
use super::terms::SurveyTerm;
use crate::working::{Quantity, Step, Token, Working};

/// A headline figure of a survey.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Headline {
    /// NPS of the question with this code, in points (−100…100).
    Nps(String),
    /// CSAT of the question, in percent (0…100).
    Csat(String),
    /// CES (mean effort) of the question.
    Ces(String),
    /// The overall satisfaction index (P ÷ E) of the E/P matrix.
    Index(String),
    /// The unweighted SERVQUAL score (mean of the five dimension gaps).
    ServqualGap,
    /// The mean of a single-scale question (rating, importance).
    Mean(String),
}

impl Headline {
    /// The figure's name for tables and the working.
    pub fn term(&self) -> SurveyTerm {
        match self {
            Headline::Nps(_) => SurveyTerm::NetPromoterScore,
            Headline::Csat(_) => SurveyTerm::CustomerSatisfaction,
            Headline::Ces(_) => SurveyTerm::MeanEffort,
            Headline::Index(_) => SurveyTerm::SatisfactionIndex,
            Headline::ServqualGap => SurveyTerm::Unweighted,
            Headline::Mean(_) => SurveyTerm::MeanScore,
        }
    }

    /// The question code it is about (none for SERVQUAL, which spans five).
    pub fn code(&self) -> Option<&str> {
        match self {
            Headline::Nps(c)
            | Headline::Csat(c)
            | Headline::Ces(c)
            | Headline::Index(c)
            | Headline::Mean(c) => Some(c),
            Headline::ServqualGap => None,
        }
    }

    /// Decimals the figure is shown with.
    pub fn decimals(&self) -> u8 {
        match self {
            Headline::Nps(_) | Headline::Csat(_) => 1,
            Headline::Index(_) => 3,
            _ => 2,
        }
    }
}

/// The headline figures a survey has, in question order (SERVQUAL's score instead of the
/// satisfaction index of its matrices, as the results show it).
pub fn headlines(survey: &Survey) -> Vec<Headline> {
    let is_servqual = ServqualDimension::ALL.iter().all(|d| {
        d.item_codes().iter().all(|code| {
            survey
                .questions()
                .any(|q| q.kind.rows().iter().any(|r| &r.code == code))
        })
    });
    let mut list: Vec<Headline> = survey
        .questions()
        .filter_map(|q| {
            let code = q.code.clone();
            match &q.kind {
                QuestionKind::Nps => Some(Headline::Nps(code)),
                QuestionKind::Csat => Some(Headline::Csat(code)),
                QuestionKind::Ces => Some(Headline::Ces(code)),
                QuestionKind::DualMatrix {
                    columns: DualColumns::ExpectationPerception,
                    ..
                } if !is_servqual => Some(Headline::Index(code)),
                _ => None,
            }
        })
        .collect();
    if is_servqual {
        list.push(Headline::ServqualGap);
    }
    list
}

/// The one figure a survey's trend follows: its NPS if it asks one, else CSAT, CES, the
/// satisfaction index, the SERVQUAL score, else the mean of its first scale question.
pub fn main_headline(survey: &Survey) -> Option<Headline> {
    let all = headlines(survey);
    let rank = |h: &Headline| match h {
        Headline::Nps(_) => 0,
        Headline::Csat(_) => 1,
        Headline::Ces(_) => 2,
        Headline::Index(_) => 3,
        Headline::ServqualGap => 4,
        Headline::Mean(_) => 5,
    };
    all.into_iter().min_by_key(rank).or_else(|| {
        survey
            .questions()
            .find(|q| q.kind.is_single_scale())
            .map(|q| Headline::Mean(q.code.clone()))
    })
}

/// A figure over one group of responses, with what a comparison needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub headline: Headline,
    /// Respondents it is computed from.
    pub n: usize,
    /// The figure as the results show it.
    pub value: f64,
    /// The centre of its interval: the value, or the small-sample adjusted value (NPS
    /// below 100 answers, CSAT's Agresti–Caffo share).
    pub centre: f64,
    pub standard_error: f64,
    /// Degrees of freedom when the interval uses t (a mean), `None` when it uses z.
    pub df: Option<f64>,
    /// Its own 95% interval.
    pub interval: Interval,
}

fn from_mean(headline: Headline, m: &MeanScore) -> Result<Estimate, NoScore> {
    let s = m.standard_deviation.ok_or(NoScore::NoResponses)?;
    let interval = m.interval.ok_or(NoScore::NoResponses)?;
    Ok(Estimate {
        headline,
        n: m.n,
        value: m.mean,
        centre: m.mean,
        standard_error: s / (m.n as f64).sqrt(),
        df: Some(m.n as f64 - 1.0),
        interval,
    })
}

/// Mean, standard deviation (n − 1) and n of some values; `None` below two.
fn mean_sd(values: &[f64]) -> Option<(f64, f64)> {
    let n = values.len();
    if n < 2 {
        return None;
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    let ss: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    Some((mean, (ss / (n as f64 - 1.0)).sqrt()))
}

/// One respondent's answered (E, P) pairs of the rows of question `code`.
fn pairs_of(survey: &Survey, r: &Response, code: &str) -> Vec<(f64, f64)> {
    let Some(q) = survey.question(code) else {
        return Vec::new();
    };
    let (Some(scale), Some(Answer::Dual(rows))) = (q.kind.scale(), r.answers.get(code)) else {
        return Vec::new();
    };
    q.kind
        .rows()
        .iter()
        .filter_map(|row| {
            let a = rows.get(&row.code)?;
            match (a.first, a.second) {
                (Some(e), Some(p)) if scale.contains(e) && scale.contains(p) => {
                    Some((f64::from(e), f64::from(p)))
                }
                _ => None,
            }
        })
        .collect()
}

/// `headline` over `responses` (to `survey`), with its standard error.
///
/// - NPS: Rocks (2016)'s SE, adjusted-Wald below 100 answers (see [`super::Nps`]).
/// - CSAT: the share of the top two points; SE = √(p̃(1 − p̃)/(n + 2)) with p̃ = (k + 1)
///   / (n + 2), the Agresti–Caffo adjustment (Agresti & Caffo 2000, "Simple and effective
///   confidence intervals for proportions and differences of proportions result from
///   adding two successes and two failures", The American Statistician 54(4), 280–288),
///   in percent; its own interval stays the Wilson one the results show.
/// - CES and any mean: SE = s / √n with n − 1 degrees of freedom.
/// - Satisfaction index: a ratio of means R = ΣP / ΣE over respondents, with the ratio
///   estimator's SE = √(Σ(Pᵢ − R·Eᵢ)² / (n(n − 1))) / Ē (Cochran 1977, Sampling
///   Techniques, 3rd ed., §6.3, eq. 6.13 without the finite-population correction), Pᵢ and
///   Eᵢ each respondent's sums over the attributes they answered.
/// - SERVQUAL: the unweighted score; SE = s / √n of each respondent's own unweighted
///   score (the mean of their dimension gaps), n − 1 degrees of freedom.
pub fn estimate<R: Borrow<Response>>(
    survey: &Survey,
    responses: &[R],
    headline: &Headline,
) -> Result<Estimate, NoScore> {
    let h = headline.clone();
    match headline {
        Headline::Nps(code) => {
            let n = nps(survey, responses, code)?;
            Ok(Estimate {
                headline: h,
                n: n.n,
                value: n.score,
                centre: n.centre,
                standard_error: n.standard_error,
                df: None,
                interval: n.interval,
            })
        }
        Headline::Csat(code) => {
            let c = csat(survey, responses, code)?;
            let adjusted = (c.satisfied as f64 + 1.0) / (c.n as f64 + 2.0);
            Ok(Estimate {
                headline: h,
                n: c.n,
                value: 100.0 * c.share,
                centre: 100.0 * adjusted,
                standard_error: 100.0 * (adjusted * (1.0 - adjusted) / (c.n as f64 + 2.0)).sqrt(),
                df: None,
                interval: Interval {
                    low: 100.0 * c.interval.low,
                    high: 100.0 * c.interval.high,
                },
            })
        }
        Headline::Ces(code) => from_mean(h, &ces(survey, responses, code)?),
        Headline::Mean(code) => {
            let q = survey
                .question(code)
                .ok_or_else(|| NoScore::MissingQuestion { code: code.clone() })?;
            let scale = q
                .kind
                .scale()
                .ok_or_else(|| NoScore::WrongKind { code: code.clone() })?;
            let values: Vec<u8> = responses
                .iter()
                .map(Borrow::borrow)
                .filter(|r| r.survey_id == survey.id)
                .filter_map(|r| match r.answers.get(code) {
                    Some(Answer::Scale(v)) if scale.contains(*v) => Some(*v),
                    _ => None,
                })
                .collect();
            from_mean(h, &MeanScore::of(&values, scale)?)
        }
        Headline::Index(code) => {
            let si = satisfaction_index(survey, responses, code)?;
            let sums: Vec<(f64, f64)> = responses
                .iter()
                .map(Borrow::borrow)
                .filter(|r| r.survey_id == survey.id)
                .map(|r| pairs_of(survey, r, code))
                .filter(|p| !p.is_empty())
                .map(|p| p.iter().fold((0.0, 0.0), |(e, q), x| (e + x.0, q + x.1)))
                .collect();
            let n = sums.len();
            if n < 2 {
                return Err(NoScore::NoAnswers { code: code.clone() });
            }
            let r = si.overall;
            let mean_e = sums.iter().map(|s| s.0).sum::<f64>() / n as f64;
            let ss: f64 = sums.iter().map(|(e, p)| (p - r * e).powi(2)).sum();
            let se = (ss / (n as f64 * (n as f64 - 1.0))).sqrt() / mean_e;
            Ok(Estimate {
                headline: h,
                n,
                value: r,
                centre: r,
                standard_error: se,
                df: None,
                interval: Interval {
                    low: r - Z95 * se,
                    high: r + Z95 * se,
                },
            })
        }
        Headline::ServqualGap => {
            let q = servqual(survey, responses)?;
            let places = servqual_places(survey);
            let own: Vec<f64> = responses
                .iter()
                .map(Borrow::borrow)
                .filter(|r| r.survey_id == survey.id)
                .filter_map(|r| respondent_gap(&places, r))
                .collect();
            let (_, s) = mean_sd(&own).ok_or(NoScore::NoResponses)?;
            let n = own.len();
            let se = s / (n as f64).sqrt();
            let t = t_quantile_95(n - 1);
            Ok(Estimate {
                headline: h,
                n,
                value: q.unweighted,
                centre: q.unweighted,
                standard_error: se,
                df: Some(n as f64 - 1.0),
                interval: Interval {
                    low: q.unweighted - t * se,
                    high: q.unweighted + t * se,
                },
            })
        }
    }
}

/// Where each SERVQUAL item is answered, by dimension: the matrix's code, the item's
/// code and the scale. Items the survey lacks are left out. Found once per figure rather
/// than once per respondent and item (10,000 respondents × 22 items).
fn servqual_places(survey: &Survey) -> Vec<Vec<(&str, String, Scale)>> {
    ServqualDimension::ALL
        .iter()
        .map(|d| {
            d.item_codes()
                .into_iter()
                .filter_map(|item| {
                    let q = survey
                        .questions()
                        .find(|q| q.kind.rows().iter().any(|row| row.code == item))?;
                    Some((q.code.as_str(), item, q.kind.scale()?))
                })
                .collect()
        })
        .collect()
}

/// One respondent's unweighted SERVQUAL score: the mean over the dimensions they
/// answered of the mean of their item gaps P − E (`places` from [`servqual_places`]).
fn respondent_gap(places: &[Vec<(&str, String, Scale)>], r: &Response) -> Option<f64> {
    // Sums rather than a list per dimension (the trend asks this of every response once a
    // month's figure): the same additions in the same order as the means of those lists.
    let (mut sum_gaps, mut dimensions) = (0.0, 0usize);
    for items in places {
        let (mut sum, mut n) = (0.0, 0usize);
        for (question, item, scale) in items {
            let Some(Answer::Dual(rows)) = r.answers.get(*question) else {
                continue;
            };
            let Some(a) = rows.get(item) else {
                continue;
            };
            if let (Some(e), Some(p)) = (a.first, a.second) {
                if scale.contains(e) && scale.contains(p) {
                    sum += f64::from(p) - f64::from(e);
                    n += 1;
                }
            }
        }
        if n > 0 {
            sum_gaps += sum / n as f64;
            dimensions += 1;
        }
    }
    (dimensions > 0).then(|| sum_gaps / dimensions as f64)
}

/// The difference B − A of one figure between two independent groups.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub a: Estimate,
    pub b: Estimate,
    /// B's value − A's value.
    pub difference: f64,
    /// B's centre − A's centre: the interval's centre.
    pub centre: f64,
    /// √(SE_A² + SE_B²).
    pub standard_error: f64,
    /// Welch–Satterthwaite degrees of freedom when both are means.
    pub df: Option<f64>,
    /// 1.96, or t at `df`.
    pub quantile: f64,
    pub interval: Interval,
}

impl Difference {
    /// Two independent samples: SE_diff = √(SE_A² + SE_B²), the variance of a difference
    /// of independent estimates being the sum of their variances; 95% interval = (B − A) ±
    /// 1.96 × SE_diff (Rocks 2016 and Sauro & Lewis, Quantifying the User Experience, 2nd
    /// ed. 2016, ch. 5, for two NPS; Agresti & Caffo 2000 for two proportions). For two
    /// means the quantile is t at the Welch–Satterthwaite degrees of freedom (Welch 1947,
    /// Biometrika 34, 28–35): df = (a + b)² / (a²/(n_A − 1) + b²/(n_B − 1)), a = SE_A²,
    /// b = SE_B².
    pub fn of(a: Estimate, b: Estimate) -> Difference {
        let (va, vb) = (a.standard_error.powi(2), b.standard_error.powi(2));
        let standard_error = (va + vb).sqrt();
        let df = match (a.df, b.df) {
            (Some(da), Some(db)) if da > 0.0 && db > 0.0 && va + vb > 0.0 => {
                Some((va + vb).powi(2) / (va.powi(2) / da + vb.powi(2) / db))
            }
            _ => None,
        };
        // The table's t for the whole degrees of freedom below (a little wider: cautious).
        let quantile = df.map_or(Z95, |df| t_quantile_95((df.floor() as usize).max(1)));
        let centre = b.centre - a.centre;
        let margin = quantile * standard_error;
        Difference {
            difference: b.value - a.value,
            centre,
            standard_error,
            df,
            quantile,
            interval: Interval {
                low: centre - margin,
                high: centre + margin,
            },
            a,
            b,
        }
    }

    /// Whether the interval leaves out 0: a difference this size would rarely (under 5%
    /// of the time) come from chance alone.
    pub fn beyond_chance(&self) -> bool {
        self.interval.low > 0.0 || self.interval.high < 0.0
    }

    /// A, B, the difference, its standard error, interval and verdict, with the numbers.
    pub fn working(&self) -> Working {
        let d = self.a.headline.decimals();
        let fixed = |v: f64, dec: u8| Token::Value(Quantity::fixed(v, dec));
        let group = |name: SurveyTerm, e: &Estimate| {
            vec![
                Step::Heading(name.into()),
                Step::Fact {
                    name: SurveyTerm::Respondents.into(),
                    value: Quantity::count(e.n),
                },
                Step::Fact {
                    name: self.a.headline.term().into(),
                    value: Quantity::fixed(e.value, d),
                },
                Step::Fact {
                    name: SurveyTerm::StandardError.into(),
                    value: Quantity::fixed(e.standard_error, d + 2),
                },
            ]
        };
        let mut steps = group(SurveyTerm::GroupA, &self.a);
        if self.a.centre != self.a.value || self.b.centre != self.b.value {
            steps.push(Step::Fact {
                name: SurveyTerm::AdjustedScore.into(),
                value: Quantity::fixed(self.a.centre, d),
            });
        }
        steps.extend(group(SurveyTerm::GroupB, &self.b));
        if self.a.centre != self.a.value || self.b.centre != self.b.value {
            steps.push(Step::Fact {
                name: SurveyTerm::AdjustedScore.into(),
                value: Quantity::fixed(self.b.centre, d),
            });
            steps.push(Step::Note(SurveyTerm::AdjustedCentre.into()));
        }
        steps.push(Step::Heading(SurveyTerm::DifferenceBA.into()));
        steps.push(Step::Formula {
            name: Some(SurveyTerm::DifferenceBA.into()),
            symbol: None,
            symbolic: Some("B − A"),
            filled: vec![vec![
                fixed(self.b.value, d),
                Token::Sym("−"),
                fixed(self.a.value, d),
            ]],
            result: Quantity::fixed(self.difference, d),
        });
        steps.push(Step::Formula {
            name: Some(SurveyTerm::StandardErrorDiff.into()),
            symbol: Some("SE"),
            symbolic: Some("√(SE_A² + SE_B²)"),
            filled: vec![vec![
                Token::Sym("√("),
                fixed(self.a.standard_error, d + 2),
                Token::Sym("² +"),
                fixed(self.b.standard_error, d + 2),
                Token::Sym("²)"),
            ]],
            result: Quantity::fixed(self.standard_error, d + 2),
        });
        if let Some(df) = self.df {
            steps.push(Step::Formula {
                name: Some(SurveyTerm::WelchDf.into()),
                symbol: Some("df"),
                symbolic: Some("(a + b)² / (a²/(n_A − 1) + b²/(n_B − 1))"),
                filled: vec![vec![
                    Token::Sym("a ="),
                    fixed(self.a.standard_error.powi(2), d + 3),
                    Token::Sym(", b ="),
                    fixed(self.b.standard_error.powi(2), d + 3),
                ]],
                result: Quantity::fixed(df, 1),
            });
            steps.push(Step::Fact {
                name: SurveyTerm::TQuantile.into(),
                value: Quantity::fixed(self.quantile, 3),
            });
        }
        let margin = self.quantile * self.standard_error;
        steps.push(Step::Formula {
            name: Some(SurveyTerm::MarginOfError.into()),
            symbol: None,
            symbolic: Some(if self.df.is_some() {
                "t × SE"
            } else {
                "1.96 × SE"
            }),
            filled: vec![vec![
                fixed(self.quantile, 3),
                Token::Sym("×"),
                fixed(self.standard_error, d + 2),
            ]],
            result: Quantity::fixed(margin, d),
        });
        for (name, sign, bound) in [
            (SurveyTerm::LowerBound, "−", self.interval.low),
            (SurveyTerm::UpperBound, "+", self.interval.high),
        ] {
            steps.push(Step::Formula {
                name: Some(name.into()),
                symbol: None,
                symbolic: None,
                filled: vec![vec![
                    fixed(self.centre, d),
                    Token::Sym(sign),
                    fixed(margin, d),
                ]],
                result: Quantity::fixed(bound, d),
            });
        }
        let (rule, outcome) = if self.beyond_chance() {
            (SurveyTerm::ExcludesZero, SurveyTerm::BeyondChance)
        } else {
            (SurveyTerm::IncludesZero, SurveyTerm::MaybeChance)
        };
        steps.push(Step::Rule {
            rule: rule.into(),
            values: vec![
                Quantity::fixed(self.interval.low, d),
                Quantity::fixed(self.interval.high, d),
            ],
            outcome: outcome.into(),
        });
        steps.into()
    }
}

/// Each headline figure of `survey` over groups A and B, compared; a figure either group
/// cannot compute (too few answers) is left out with its reason.
pub fn compare<R: Borrow<Response>>(
    survey: &Survey,
    a: &[R],
    b: &[R],
) -> Vec<(Headline, Result<Difference, NoScore>)> {
    headlines(survey)
        .into_iter()
        .map(|h| {
            let diff = estimate(survey, a, &h)
                .and_then(|ea| Ok(Difference::of(ea, estimate(survey, b, &h)?)));
            (h, diff)
        })
        .collect()
}

/// One month of a trend.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthPoint {
    /// The first day of the month.
    pub month: NaiveDate,
    /// Responses submitted that month.
    pub responses: usize,
    /// The figure that month, or why there is none (no answers, one answer).
    pub estimate: Result<Estimate, NoScore>,
}

/// `headline` per calendar month, from the month of the first response to that of the
/// last, months without responses included (so the chart's spacing is time).
pub fn trend<R: Borrow<Response>>(
    survey: &Survey,
    responses: &[R],
    headline: &Headline,
) -> Vec<MonthPoint> {
    trend_months(survey, responses)
        .into_iter()
        .map(|(month, at)| {
            let group: Vec<&Response> = at.iter().map(|&i| responses[i].borrow()).collect();
            month_point(survey, month, &group, headline)
        })
        .collect()
}

/// The months of [`trend`] with the places (in `responses`) of the survey's responses
/// submitted in each, in their order: a caller can then work the months out a few at a
/// time ([`month_point`]), as the results page does over 10,000 responses.
pub fn trend_months<R: Borrow<Response>>(
    survey: &Survey,
    responses: &[R],
) -> Vec<(NaiveDate, Vec<usize>)> {
    let mut months: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for (at, r) in responses
        .iter()
        .map(Borrow::borrow)
        .enumerate()
        .filter(|(_, r)| r.survey_id == survey.id)
    {
        let month = r.submitted.with_day(1).unwrap_or(r.submitted);
        months.entry(month).or_default().push(at);
    }
    let (Some(first), Some(last)) = (
        months.keys().next().copied(),
        months.keys().next_back().copied(),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut month = first;
    while month <= last {
        out.push((month, months.remove(&month).unwrap_or_default()));
        month = month
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(NaiveDate::MAX);
    }
    out
}

/// One month of [`trend`]: `headline` over `group`, that month's responses.
pub fn month_point(
    survey: &Survey,
    month: NaiveDate,
    group: &[&Response],
    headline: &Headline,
) -> MonthPoint {
    MonthPoint {
        month,
        responses: group.len(),
        estimate: if group.is_empty() {
            Err(NoScore::NoResponses)
        } else {
            estimate(survey, group, headline)
        },
    }
}

/// Whether the NPS of an estimate used the small-sample method (for the trend's table).
pub fn nps_method(e: &Estimate) -> Option<NpsMethod> {
    matches!(e.headline, Headline::Nps(_)).then(|| {
        if e.n < super::scoring::NPS_ADJUSTED_BELOW {
            NpsMethod::AdjustedWald
        } else {
            NpsMethod::Wald
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::domain::model::{DualAnswer, Section};
    use crate::surveys::domain::templates::template;
    use crate::surveys::domain::TemplateId;

    fn day(d: &str) -> NaiveDate {
        NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
    }

    fn survey_of(id: TemplateId) -> Survey {
        template(id, 1)
    }

    fn scale_response(id: u64, code: &str, value: u8, date: &str) -> Response {
        Response {
            id,
            survey_id: 1,
            submitted: day(date),
            answers: [(code.to_owned(), Answer::Scale(value))].into(),
            ..Response::default()
        }
    }

    /// `counts[v]` answers of value v (index = value − offset).
    fn answers_of(code: &str, counts: &[(u8, usize)], date: &str) -> Vec<Response> {
        counts
            .iter()
            .flat_map(|(v, k)| std::iter::repeat_n(*v, *k))
            .enumerate()
            .map(|(i, v)| scale_response(i as u64, code, v, date))
            .collect()
    }

    fn code_of(survey: &Survey, kind: fn(&QuestionKind) -> bool) -> String {
        survey
            .questions()
            .find(|q| kind(&q.kind))
            .unwrap()
            .code
            .clone()
    }

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn two_nps_differ_by_the_published_worked_example() {
        // Sauro & Lewis (2016, ch. 5; MeasuringU "Comparing two NPS", 2021) compare two
        // independent samples; here both n ≥ 100 so plain Wald: A = 40 promoters, 30
        // passives, 30 detractors of 100 (NPS 10, SE = 100 × √((0.4 + 0.3 − 0.01)/100) =
        // 8.307); B = 60/25/15 of 100 (NPS 45, SE = 100 × √((0.6 + 0.15 − 0.2025)/100) =
        // 7.399); SE_diff = √(8.307² + 7.399²) = 11.124; 95% = 35 ± 21.80 = 13.20…56.80.
        let s = survey_of(TemplateId::Nps);
        let code = code_of(&s, |k| *k == QuestionKind::Nps);
        let a = answers_of(&code, &[(10, 40), (8, 30), (3, 30)], "2026-01-05");
        let b = answers_of(&code, &[(9, 60), (7, 25), (0, 15)], "2026-02-05");
        let h = Headline::Nps(code);
        let d = Difference::of(estimate(&s, &a, &h).unwrap(), estimate(&s, &b, &h).unwrap());
        assert!(
            close(d.a.standard_error, 8.307, 0.001),
            "{}",
            d.a.standard_error
        );
        assert!(
            close(d.b.standard_error, 7.399, 0.001),
            "{}",
            d.b.standard_error
        );
        assert!(close(d.difference, 35.0, 1e-9));
        assert!(
            close(d.standard_error, 11.124, 0.001),
            "{}",
            d.standard_error
        );
        assert!(close(d.interval.low, 13.20, 0.01), "{:?}", d.interval);
        assert!(close(d.interval.high, 56.80, 0.01), "{:?}", d.interval);
        assert!(d.beyond_chance());
        let text = d.working().text(crate::i18n::Lang::En);
        assert!(text.contains("√(8.307² + 7.399²) = 11.124"), "{text}");
        assert!(text.contains("more than chance"), "{text}");
    }

    #[test]
    fn each_headline_compares_with_its_own_standard_error() {
        let csat_s = survey_of(TemplateId::Csat);
        let csat_code = code_of(&csat_s, |k| *k == QuestionKind::Csat);
        let ces_s = survey_of(TemplateId::Ces);
        let ces_code = code_of(&ces_s, |k| *k == QuestionKind::Ces);
        let nps_s = survey_of(TemplateId::Nps);
        let nps_code = code_of(&nps_s, |k| *k == QuestionKind::Nps);
        // (survey, headline, A, B, difference, SE_diff, df, beyond chance)
        type Row = (
            Survey,
            Headline,
            Vec<Response>,
            Vec<Response>,
            f64,
            f64,
            Option<f64>,
            bool,
        );
        let table: Vec<Row> = vec![
            // CSAT 8/10 vs 3/10: Agresti–Caffo p̃ = 9/12 = 0.75, 4/12 = 0.333; SE =
            // √(0.75·0.25/12) = 0.1250, √(0.333·0.667/12) = 0.1361; SE_diff = 0.1848 (in
            // percent 18.48); centre −41.67 ± 36.22 → −77.9…−5.4, beyond chance. 7/10 vs 6/10:
            // p̃ = 8/12, 7/12; SE_diff = √(0.018519 + 0.020255) = 19.69%.
            (
                csat_s.clone(),
                Headline::Csat(csat_code.clone()),
                answers_of(&csat_code, &[(5, 8), (2, 2)], "2026-01-01"),
                answers_of(&csat_code, &[(4, 3), (1, 7)], "2026-01-01"),
                -50.0,
                18.48,
                None,
                true,
            ),
            // CSAT 7/10 vs 6/10: well within chance.
            (
                csat_s,
                Headline::Csat(csat_code.clone()),
                answers_of(&csat_code, &[(5, 7), (2, 3)], "2026-01-01"),
                answers_of(&csat_code, &[(4, 6), (1, 4)], "2026-01-01"),
                -10.0,
                19.69,
                None,
                false,
            ),
            // CES: A = {2,3,4} (mean 3, s 1, SE 0.577), B = {5,6,7} (mean 6, SE 0.577);
            // SE_diff = 0.8165; Welch df = (2/3)² / ((1/9)/2 × 2) = 4; t(4) = 2.776;
            // 3 ± 2.267 → 0.733…5.267, beyond chance.
            (
                ces_s,
                Headline::Ces(ces_code.clone()),
                answers_of(&ces_code, &[(2, 1), (3, 1), (4, 1)], "2026-01-01"),
                answers_of(&ces_code, &[(5, 1), (6, 1), (7, 1)], "2026-01-01"),
                3.0,
                0.8165,
                Some(4.0),
                true,
            ),
            // NPS with n < 100: each side adjusted-Wald, the difference of the adjusted
            // centres. A = 5 promoters, 5 detractors of 10; B = the same: 0 difference.
            (
                nps_s,
                Headline::Nps(nps_code.clone()),
                answers_of(&nps_code, &[(10, 5), (0, 5)], "2026-01-01"),
                answers_of(&nps_code, &[(9, 5), (6, 5)], "2026-01-01"),
                0.0,
                // p = d = 5.75/13 = 0.4423; SE = 100 × √(0.8846/13) = 26.086 each.
                36.891,
                None,
                false,
            ),
        ];
        for (survey, h, a, b, diff, se, df, beyond) in table {
            let d = Difference::of(
                estimate(&survey, &a, &h).unwrap(),
                estimate(&survey, &b, &h).unwrap(),
            );
            assert!(close(d.difference, diff, 1e-9), "{h:?} {}", d.difference);
            assert!(
                close(d.standard_error, se, 0.01),
                "{h:?} {}",
                d.standard_error
            );
            assert_eq!(d.df.map(|x| (x * 1000.0).round() / 1000.0), df, "{h:?}");
            assert_eq!(d.beyond_chance(), beyond, "{h:?} {:?}", d.interval);
        }
    }

    fn dual(e: u8, p: u8) -> DualAnswer {
        DualAnswer {
            first: Some(e),
            second: Some(p),
        }
    }

    /// A response to the satisfaction index template answering every row of its first
    /// E/P matrix with (e, p).
    fn index_response(survey: &Survey, code: &str, e: u8, p: u8) -> Response {
        let rows = survey.question(code).unwrap().kind.rows().to_vec();
        Response {
            survey_id: 1,
            submitted: day("2026-01-01"),
            answers: [(
                code.to_owned(),
                Answer::Dual(rows.iter().map(|r| (r.code.clone(), dual(e, p))).collect()),
            )]
            .into(),
            ..Response::default()
        }
    }

    #[test]
    fn the_satisfaction_index_has_the_ratio_estimators_standard_error() {
        let s = survey_of(TemplateId::SatisfactionIndex);
        let code = code_of(&s, |k| {
            matches!(
                k,
                QuestionKind::DualMatrix {
                    columns: DualColumns::ExpectationPerception,
                    ..
                }
            )
        });
        let k = s.question(&code).unwrap().kind.rows().len() as f64;
        // Three respondents: (E, P) per row = (5, 5), (5, 6), (6, 4). Sums per respondent
        // are k × those; R = (5 + 6 + 4)/(5 + 5 + 6) = 15/16 = 0.9375. Residuals Pᵢ − R·Eᵢ
        // = k × (0.3125, 1.3125, −1.625); Σ² = k² × 4.4609; SE = √(k² × 4.4609 / 6) /
        // (k × 16/3) = 0.8623 / 5.3333 = 0.16167 (k cancels).
        let rs = vec![
            index_response(&s, &code, 5, 5),
            index_response(&s, &code, 5, 6),
            index_response(&s, &code, 6, 4),
        ];
        let e = estimate(&s, &rs, &Headline::Index(code)).unwrap();
        assert!(k >= 1.0);
        assert!(close(e.value, 0.9375, 1e-9), "{}", e.value);
        assert!(
            close(e.standard_error, 0.16167, 0.0001),
            "{}",
            e.standard_error
        );
        assert_eq!(e.n, 3);
    }

    #[test]
    fn servqual_compares_on_each_respondents_unweighted_score() {
        let s = survey_of(TemplateId::Servqual);
        let answer = |gap: i8| -> Response {
            let mut answers = crate::surveys::domain::Answers::new();
            for q in s.questions() {
                if let QuestionKind::DualMatrix { rows, .. } = &q.kind {
                    answers.insert(
                        q.code.clone(),
                        Answer::Dual(
                            rows.iter()
                                .map(|r| (r.code.clone(), dual(4, (4 + gap) as u8)))
                                .collect(),
                        ),
                    );
                }
            }
            Response {
                survey_id: 1,
                submitted: day("2026-01-01"),
                answers,
                ..Response::default()
            }
        };
        let h = Headline::ServqualGap;
        assert_eq!(headlines(&s), vec![Headline::ServqualGap]);
        // A's gaps −1, −2, −3 (mean −2, s 1); B's 1, 0, 2 (mean 1, s 1): SE 0.577 each,
        // df 4, 3 ± 2.776 × 0.8165 → 0.733…5.267.
        let a: Vec<Response> = [-1, -2, -3].into_iter().map(answer).collect();
        let b: Vec<Response> = [1, 0, 2].into_iter().map(answer).collect();
        let d = Difference::of(estimate(&s, &a, &h).unwrap(), estimate(&s, &b, &h).unwrap());
        assert!(close(d.a.value, -2.0, 1e-9) && close(d.b.value, 1.0, 1e-9));
        assert!(close(d.interval.low, 0.733, 0.001), "{:?}", d.interval);
        assert!(d.beyond_chance());
    }

    #[test]
    fn the_main_headline_prefers_nps_then_csat_then_ces() {
        let main = |id| main_headline(&survey_of(id));
        assert!(matches!(main(TemplateId::Nps), Some(Headline::Nps(_))));
        assert!(matches!(main(TemplateId::Csat), Some(Headline::Csat(_))));
        assert!(matches!(main(TemplateId::Ces), Some(Headline::Ces(_))));
        assert!(matches!(
            main(TemplateId::SatisfactionIndex),
            Some(Headline::Index(_))
        ));
        assert_eq!(main(TemplateId::Servqual), Some(Headline::ServqualGap));
        assert!(matches!(
            main(TemplateId::ImportancePerformance),
            Some(Headline::Mean(_)) | None
        ));
        let empty = Survey {
            sections: vec![Section::default()],
            ..Survey::default()
        };
        assert_eq!(main_headline(&empty), None);
    }

    /// A respondent's SERVQUAL gap from sums equals the mean of their dimensions' means
    /// worked out from lists, as before: every demo response, to the last bit.
    #[test]
    fn a_respondents_gap_from_sums_is_the_mean_of_their_dimension_means() {
        fn by_lists(places: &[Vec<(&str, String, Scale)>], r: &Response) -> Option<f64> {
            let gaps: Vec<f64> = places
                .iter()
                .filter_map(|items| {
                    let items: Vec<f64> = items
                        .iter()
                        .filter_map(|(question, item, scale)| {
                            let Some(Answer::Dual(rows)) = r.answers.get(*question) else {
                                return None;
                            };
                            let a = rows.get(item)?;
                            match (a.first, a.second) {
                                (Some(e), Some(p)) if scale.contains(e) && scale.contains(p) => {
                                    Some(f64::from(p) - f64::from(e))
                                }
                                _ => None,
                            }
                        })
                        .collect();
                    (!items.is_empty()).then(|| items.iter().sum::<f64>() / items.len() as f64)
                })
                .collect();
            (!gaps.is_empty()).then(|| gaps.iter().sum::<f64>() / gaps.len() as f64)
        }
        let ids: Vec<u64> = (1..=40).collect();
        let book = crate::surveys::domain::demo::demo_surveys(&ids, day("2026-05-01"));
        let mut checked = 0;
        for survey in &book.surveys {
            let places = servqual_places(survey);
            for r in book.responses.iter().filter(|r| r.survey_id == survey.id) {
                let before = by_lists(&places, r);
                checked += usize::from(before.is_some());
                assert_eq!(respondent_gap(&places, r), before, "response {}", r.id);
            }
        }
        assert!(checked > 40, "the demo's SERVQUAL responses ({checked})");
    }

    #[test]
    fn the_trend_has_every_month_from_first_to_last_with_its_own_interval() {
        let s = survey_of(TemplateId::Nps);
        let code = code_of(&s, |k| *k == QuestionKind::Nps);
        let mut rs = answers_of(&code, &[(10, 3), (2, 1)], "2026-01-15");
        rs.extend(answers_of(&code, &[(9, 1)], "2026-03-31"));
        rs.extend(answers_of(&code, &[(5, 2)], "2026-04-01"));
        let h = Headline::Nps(code);
        let t = trend(&s, &rs, &h);
        let months: Vec<(String, usize, Option<f64>)> = t
            .iter()
            .map(|m| {
                (
                    m.month.format("%Y-%m").to_string(),
                    m.responses,
                    m.estimate.as_ref().ok().map(|e| e.value),
                )
            })
            .collect();
        assert_eq!(
            months,
            vec![
                ("2026-01".into(), 4, Some(50.0)),
                ("2026-02".into(), 0, None),
                ("2026-03".into(), 1, Some(100.0)),
                ("2026-04".into(), 2, Some(-100.0)),
            ]
        );
        // Each month's interval is that month's own adjusted-Wald one.
        let jan = t[0].estimate.as_ref().unwrap();
        let own = nps(&s, &rs[..4], h.code().unwrap()).unwrap();
        assert_eq!(jan.interval, own.interval);
        assert_eq!(nps_method(jan), Some(NpsMethod::AdjustedWald));
        assert!(trend(&s, &[] as &[Response], &h).is_empty());
    }

    #[test]
    fn a_group_too_small_to_compare_says_why() {
        let s = survey_of(TemplateId::Ces);
        let code = code_of(&s, |k| *k == QuestionKind::Ces);
        let one = answers_of(&code, &[(3, 1)], "2026-01-01");
        let three = answers_of(&code, &[(3, 3)], "2026-01-01");
        let all = compare(&s, &one, &three);
        assert_eq!(all.len(), 1);
        assert!(all[0].1.is_err());
        assert!(compare(&s, &three, &[])[0].1.is_err());
    }
}
