//! Deterministic demo surveys for "Load demo data": an open SERVQUAL survey, an open NPS
//! survey and an importance–performance survey, with a few hundred responses linked to
//! the demo customers, so the results, the customer pages and Learn show something real.
//! Same customers, same data.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::book::SurveyBook;
use super::model::{Answer, Answers, DualAnswer, Response, SurveyStatus, TemplateId};
use super::templates::{ServqualDimension, SERVQUAL_WEIGHTS};
use crate::customers::domain::demo::SplitMix64;

/// How many responses each demo survey gets.
pub const DEMO_SERVQUAL_RESPONSES: usize = 120;
pub const DEMO_NPS_RESPONSES: usize = 300;
pub const DEMO_IPA_RESPONSES: usize = 80;

/// The importance and performance each IPA item is answered around (1–7, tenths), chosen
/// so the items fall in all four quadrants: quality and speed matter and fall short,
/// staff and support do well, location and price matter less.
const IPA_MEANS: [(i64, i64); 7] = [
    (63, 42),
    (48, 40),
    (60, 38),
    (58, 60),
    (36, 52),
    (61, 59),
    (40, 34),
];

/// How far the perception falls short of (or passes) the expectation per dimension, in
/// tenths of a point: reliability worst, tangibles best, as SERVQUAL studies often find.
const SHORTFALL: [i64; 5] = [2, 12, 8, 5, 7];

/// The NPS answer weights for 0–10 (a mildly positive population).
const NPS_WEIGHTS: [u64; 11] = [1, 1, 1, 2, 2, 4, 6, 10, 14, 16, 13];

/// A book with the two demo surveys, linking ~90% of responses to `customer_ids` and
/// dating them over the 180 days before `today`.
pub fn demo_surveys(customer_ids: &[u64], today: NaiveDate) -> SurveyBook {
    let mut book = SurveyBook::default();
    let mut rng = SplitMix64::new(0x5EED_5EB7);
    let servqual = book.add_template(TemplateId::Servqual);
    let nps = book.add_template(TemplateId::Nps);
    let ipa = book.add_template(TemplateId::ImportancePerformance);
    for survey in &mut book.surveys {
        survey.status = SurveyStatus::Open;
    }
    let mut responses = Vec::new();
    let customer = |rng: &mut SplitMix64| {
        (!customer_ids.is_empty() && rng.below(10) < 9)
            .then(|| customer_ids[rng.below(customer_ids.len() as u64) as usize])
    };
    let date = |rng: &mut SplitMix64| today - Days::new(rng.below(180));
    for _ in 0..DEMO_SERVQUAL_RESPONSES {
        let mut answers = Answers::new();
        for (d, dimension) in ServqualDimension::ALL.into_iter().enumerate() {
            let rows: BTreeMap<String, DualAnswer> = dimension
                .item_codes()
                .into_iter()
                .map(|code| {
                    let e = 5 + rng.below(3) as i64;
                    let drop = (SHORTFALL[d] + rng.below(20) as i64 - 5) / 10;
                    let p = (e - drop).clamp(1, 7);
                    (code, DualAnswer::both(e as u8, p as u8))
                })
                .collect();
            answers.insert(dimension.question_code().to_owned(), Answer::Dual(rows));
        }
        // 100 points split: reliability first, as the published studies found.
        let base = [12u32, 30, 22, 18, 18];
        let mut split: BTreeMap<String, u32> = BTreeMap::new();
        let shift = rng.below(9) as u32;
        for (i, d) in ServqualDimension::ALL.into_iter().enumerate() {
            let points = match i {
                0 => base[0] + shift,
                1 => base[1] - shift,
                _ => base[i],
            };
            split.insert(d.weight_code().to_owned(), points);
        }
        answers.insert(SERVQUAL_WEIGHTS.to_owned(), Answer::Split(split));
        responses.push(Response {
            survey_id: servqual,
            customer_id: customer(&mut rng),
            touchpoint: Some("demo".to_owned()),
            submitted: date(&mut rng),
            answers,
            ..Response::default()
        });
    }
    let total: u64 = NPS_WEIGHTS.iter().sum();
    for _ in 0..DEMO_NPS_RESPONSES {
        let mut pick = rng.below(total);
        let mut score = 0u8;
        for (value, weight) in NPS_WEIGHTS.iter().enumerate() {
            if pick < *weight {
                score = value as u8;
                break;
            }
            pick -= weight;
        }
        let mut answers: Answers = [("NPS".to_owned(), Answer::Scale(score))].into();
        if rng.below(3) == 0 {
            let why = match score {
                9.. => "服务很周到 / Great service",
                7 | 8 => "还可以 / It was fine",
                _ => "送货太慢 / Delivery too slow",
            };
            answers.insert("NPS_WHY".to_owned(), Answer::Text(why.to_owned()));
        }
        responses.push(Response {
            survey_id: nps,
            customer_id: customer(&mut rng),
            touchpoint: Some("demo".to_owned()),
            submitted: date(&mut rng),
            answers,
            ..Response::default()
        });
    }
    for _ in 0..DEMO_IPA_RESPONSES {
        // Each answer within a point of the item's mean, rounded.
        let near = |rng: &mut SplitMix64, tenths: i64| {
            ((tenths + rng.below(21) as i64 - 10 + 5) / 10).clamp(1, 7) as u8
        };
        let rows: BTreeMap<String, DualAnswer> = IPA_MEANS
            .iter()
            .enumerate()
            .map(|(i, &(importance, performance))| {
                let answer =
                    DualAnswer::both(near(&mut rng, importance), near(&mut rng, performance));
                (format!("IPA{}", i + 1), answer)
            })
            .collect();
        responses.push(Response {
            survey_id: ipa,
            customer_id: customer(&mut rng),
            touchpoint: Some("demo".to_owned()),
            submitted: date(&mut rng),
            answers: [(
                super::templates::IPA_QUESTION.to_owned(),
                Answer::Dual(rows),
            )]
            .into(),
            ..Response::default()
        });
    }
    responses.sort_by_key(|r| r.submitted);
    for response in responses {
        book.record(response);
    }
    book
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::domain::{nps, servqual, validate_response};

    #[test]
    fn the_demo_is_deterministic_valid_and_scores() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let ids: Vec<u64> = (1..=50).collect();
        let book = demo_surveys(&ids, today);
        assert_eq!(book, demo_surveys(&ids, today));
        assert_eq!(
            book.responses.len(),
            DEMO_SERVQUAL_RESPONSES + DEMO_NPS_RESPONSES + DEMO_IPA_RESPONSES
        );
        for r in &book.responses {
            let survey = book.survey(r.survey_id).unwrap();
            assert_eq!(validate_response(survey, r), vec![], "{r:?}");
            assert!(r.customer_id.is_none_or(|c| ids.contains(&c)));
            assert!(r.submitted <= today);
        }
        let linked = book
            .responses
            .iter()
            .filter(|r| r.customer_id.is_some())
            .count();
        assert!(linked > book.responses.len() * 8 / 10, "{linked}");
        let s = book.survey(1).unwrap();
        let q = servqual(s, &book.responses).unwrap();
        // Every dimension falls short; reliability most.
        assert!(q.dimensions.iter().all(|d| d.gap < 0.0));
        let worst = q
            .dimensions
            .iter()
            .min_by(|a, b| a.gap.total_cmp(&b.gap))
            .unwrap();
        assert_eq!(worst.dimension, ServqualDimension::Reliability);
        assert!(q.weighted.is_ok());
        let n = nps(book.survey(2).unwrap(), &book.responses, "NPS").unwrap();
        assert_eq!(n.n, DEMO_NPS_RESPONSES);
        assert!(n.score > -20.0 && n.score < 60.0, "{}", n.score);
        // The importance–performance items fall in all four quadrants.
        let grid = crate::surveys::domain::importance_performance(
            book.survey(3).unwrap(),
            &book.responses,
            super::super::templates::IPA_QUESTION,
            crate::surveys::domain::Crosshair::DataMeans,
        )
        .unwrap();
        let quadrants: std::collections::BTreeSet<_> = grid
            .points
            .iter()
            .map(|p| format!("{:?}", p.quadrant))
            .collect();
        assert_eq!(quadrants.len(), 4, "{quadrants:?}");
        // Without customers nothing is linked.
        let alone = demo_surveys(&[], today);
        assert!(alone.responses.iter().all(|r| r.customer_id.is_none()));
    }
}
