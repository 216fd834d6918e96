//! Whether one customer's satisfaction is falling, from their linked responses: the churn
//! risk reason "falling satisfaction" (concepts.md §1: a satisfied customer stays, a
//! dissatisfied one leaves), which the customer pages show through a registered source.
//!
//! The rule, per measure and oldest first by answer date: with at least two readings, the
//! latest is below the mean of the earlier ones by more than the measure's margin.
//! - NPS answer (0–10): margin [`NPS_MARGIN`] = 1 point (a tenth of the scale, so one
//!   point of noise between two visits is not a trend);
//! - satisfaction index P ÷ E (the mean over the response's expectation/perception
//!   matrices): margin [`INDEX_MARGIN`] = 0.10 (a tenth of "satisfied", 1.0).
//!
//! NPS is checked first; the index only when the NPS readings do not show a fall.

use chrono::NaiveDate;

use super::book::SurveyBook;
use super::model::{Answer, DualColumns, QuestionKind, Response, Survey};
use super::scoring::response_satisfaction_index;

/// A latest NPS answer more than this many points under the earlier mean is a fall.
pub const NPS_MARGIN: f64 = 1.0;
/// A latest satisfaction index more than this under the earlier mean is a fall.
pub const INDEX_MARGIN: f64 = 0.10;

/// One linked response's satisfaction figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    pub date: NaiveDate,
    /// The response's id (orders two answers of one day).
    pub response_id: u64,
    pub nps: Option<u8>,
    pub index: Option<f64>,
}

/// Which measure fell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Nps,
    Index,
}

/// A fall: the latest reading, the mean of the earlier ones and how many there were.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fall {
    pub measure: Measure,
    pub last: f64,
    pub previous_mean: f64,
    pub earlier: usize,
}

/// The satisfaction readings of `customer_id`'s linked responses, oldest first.
pub fn customer_readings(book: &SurveyBook, customer_id: u64) -> Vec<Reading> {
    let mut readings: Vec<Reading> = book
        .responses
        .iter()
        .filter(|r| r.customer_id == Some(customer_id))
        .filter_map(|r| reading(book, r))
        .collect();
    readings.sort_by_key(|r| (r.date, r.response_id));
    readings
}

/// Every linked customer whose satisfaction is falling ([`falling_satisfaction`]), in one
/// pass over the responses: what the customer list's churn risk reads for 10,000
/// customers at once.
pub fn falls_by_customer(book: &SurveyBook) -> rustc_hash::FxHashMap<u64, Fall> {
    let mut readings: rustc_hash::FxHashMap<u64, Vec<Reading>> = Default::default();
    for response in &book.responses {
        if let Some(customer_id) = response.customer_id {
            if let Some(reading) = reading(book, response) {
                readings.entry(customer_id).or_default().push(reading);
            }
        }
    }
    readings
        .into_iter()
        .filter_map(|(customer_id, mut readings)| {
            readings.sort_by_key(|r| (r.date, r.response_id));
            Some((customer_id, falling_satisfaction(&readings)?))
        })
        .collect()
}

fn reading(book: &SurveyBook, response: &Response) -> Option<Reading> {
    let survey = book.survey(response.survey_id)?;
    let (nps, index) = response_scores(survey, response);
    Some(Reading {
        date: response.submitted,
        response_id: response.id,
        nps,
        index,
    })
}

/// One response's NPS answer (the first NPS question answered) and satisfaction index
/// (the mean P ÷ E over its expectation/perception matrices), where it has them: what
/// the customer card shows and what the fall is read from.
pub fn response_scores(survey: &Survey, response: &Response) -> (Option<u8>, Option<f64>) {
    let nps = survey
        .questions()
        .filter(|q| q.kind == QuestionKind::Nps)
        .find_map(|q| match response.answers.get(&q.code) {
            Some(Answer::Scale(v)) => Some(*v),
            _ => None,
        });
    let indexes: Vec<f64> = survey
        .questions()
        .filter(|q| {
            matches!(
                q.kind,
                QuestionKind::DualMatrix {
                    columns: DualColumns::ExpectationPerception,
                    ..
                }
            )
        })
        .filter_map(|q| response_satisfaction_index(survey, response, &q.code))
        .collect();
    let index = (!indexes.is_empty()).then(|| indexes.iter().sum::<f64>() / indexes.len() as f64);
    (nps, index)
}

/// The fall of one series (oldest first) beyond `margin`, if any.
fn fall(series: &[f64], margin: f64, measure: Measure) -> Option<Fall> {
    let [earlier @ .., last] = series else {
        return None;
    };
    if earlier.is_empty() {
        return None;
    }
    let previous_mean = earlier.iter().sum::<f64>() / earlier.len() as f64;
    (*last < previous_mean - margin).then_some(Fall {
        measure,
        last: *last,
        previous_mean,
        earlier: earlier.len(),
    })
}

/// Whether the readings (oldest first) show falling satisfaction (the rule above).
pub fn falling_satisfaction(readings: &[Reading]) -> Option<Fall> {
    let nps: Vec<f64> = readings
        .iter()
        .filter_map(|r| r.nps.map(f64::from))
        .collect();
    let index: Vec<f64> = readings.iter().filter_map(|r| r.index).collect();
    fall(&nps, NPS_MARGIN, Measure::Nps).or_else(|| fall(&index, INDEX_MARGIN, Measure::Index))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::domain::model::{DualAnswer, Response, TemplateId};
    use std::collections::BTreeMap;

    fn reading(day: u32, nps: Option<u8>, index: Option<f64>) -> Reading {
        Reading {
            date: NaiveDate::from_ymd_opt(2026, 1, day).unwrap(),
            response_id: u64::from(day),
            nps,
            index,
        }
    }

    #[test]
    fn the_latest_score_must_fall_below_the_earlier_mean_by_more_than_the_margin() {
        let nps = |scores: &[u8]| {
            scores
                .iter()
                .zip(1..)
                .map(|(s, day)| reading(day, Some(*s), None))
                .collect::<Vec<_>>()
        };
        let fell = |last, previous_mean, earlier| {
            Some(Fall {
                measure: Measure::Nps,
                last,
                previous_mean,
                earlier,
            })
        };
        // (NPS answers oldest first, the fall found)
        let cases = [
            (nps(&[9, 10, 6]), fell(6.0, 9.5, 2)),
            // Exactly one point under the mean is within the margin.
            (nps(&[9, 7, 7]), None),
            (nps(&[9, 7, 6]), fell(6.0, 8.0, 2)),
            // Rising, or a single answer: nothing to compare.
            (nps(&[3, 8]), None),
            (nps(&[2]), None),
            (nps(&[]), None),
            // Only the latest counts: an earlier dip that recovered is not a fall.
            (nps(&[9, 2, 9]), None),
        ];
        for (readings, expected) in cases {
            assert_eq!(falling_satisfaction(&readings), expected, "{readings:?}");
        }
        // The index, when the NPS readings show no fall: 1.10 and 1.00, then 0.90.
        let index = [
            reading(1, Some(8), Some(1.10)),
            reading(2, None, Some(1.00)),
            reading(3, Some(8), Some(0.90)),
        ];
        let found = falling_satisfaction(&index).unwrap();
        assert_eq!((found.measure, found.last), (Measure::Index, 0.90));
        assert!((found.previous_mean - 1.05).abs() < 1e-12);
        let within = [reading(1, None, Some(1.0)), reading(2, None, Some(0.95))];
        assert_eq!(falling_satisfaction(&within), None);
    }

    #[test]
    fn readings_are_the_customers_own_oldest_first_across_surveys() {
        let mut book = SurveyBook::default();
        let nps = book.add_template(TemplateId::Nps);
        let index = book.add_template(TemplateId::SatisfactionIndex);
        let code = |id| {
            book.survey(id)
                .unwrap()
                .questions()
                .find(|q| matches!(q.kind, QuestionKind::Nps | QuestionKind::DualMatrix { .. }))
                .unwrap()
                .code
                .clone()
        };
        let (nps_code, index_code) = (code(nps), code(index));
        let row = book
            .survey(index)
            .unwrap()
            .question(&index_code)
            .unwrap()
            .kind
            .rows()[0]
            .code
            .clone();
        let day = |d| NaiveDate::from_ymd_opt(2026, 2, d).unwrap();
        let responses = [
            (nps, Some(7), day(9), Answer::Scale(3)),
            (nps, Some(7), day(1), Answer::Scale(9)),
            (
                index,
                Some(7),
                day(5),
                Answer::Dual(BTreeMap::from([(row.clone(), DualAnswer::both(5, 4))])),
            ),
            (nps, Some(8), day(3), Answer::Scale(0)),
            (nps, None, day(4), Answer::Scale(0)),
        ];
        for (survey_id, customer_id, submitted, answer) in responses {
            let code = if survey_id == nps {
                &nps_code
            } else {
                &index_code
            };
            book.record(Response {
                survey_id,
                customer_id,
                submitted,
                answers: [(code.clone(), answer)].into(),
                ..Response::default()
            });
        }
        let readings = customer_readings(&book, 7);
        let dates: Vec<u32> = readings
            .iter()
            .map(|r| chrono::Datelike::day(&r.date))
            .collect();
        assert_eq!(dates, [1, 5, 9]);
        assert_eq!(readings[1].index, Some(0.8));
        assert_eq!(
            falling_satisfaction(&readings).map(|f| (f.measure, f.last, f.previous_mean)),
            Some((Measure::Nps, 3.0, 9.0))
        );
        // All customers at once, as the customer list reads it: customer 7's fall, and
        // none for customer 8 (one reading) or for the unlinked response.
        let all = falls_by_customer(&book);
        assert_eq!(all.len(), 1);
        assert_eq!(all.get(&7), falling_satisfaction(&readings).as_ref());
    }
}
