//! RFM analysis (recency, frequency, monetary; Hughes 1994): scores 1-5 by quintiles.
//!
//! Scores are rank-based over the customers who have bought at least once:
//! `score = 1 + ⌊5 × worse / n⌋`, where `worse` counts buyers with a strictly worse value
//! and `n` is the number of buyers. Equal values therefore always share a score (the lower
//! one a tie spans), and a dimension where everyone is equal scores 1 for all. Customers
//! with no purchase score R=1, F=1, M=1 and are left out of the ranking so they do not
//! push everyone else's scores up.
//!
//! Quintiles need at least five buyers. With fewer, scores spread the ranks over 1–5
//! instead (`score = 1 + round(4 × midrank / (n − 1))`, the best buyer 5, the worst 1, a
//! lone buyer or a tie of everyone in the middle, 3), the cut points are not shown and the
//! working says why. In every case a purchase made today is the best recency there is:
//! R = 5.

use chrono::NaiveDate;

use super::model::Customer;
use super::terms::WorkingTerm;
use crate::money::{Conversion, Currency};
use crate::working::{Quantity, Step, Working};

/// The smallest value (in "better" order) that reaches scores 2, 3, 4 and 5; `None` where
/// no customer reaches that score (ties can skip one).
pub type CutPoints = [Option<i64>; 4];

/// Cut points of the three dimensions, shared by every score of one analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RfmCutPoints {
    pub recency_days: CutPoints,
    pub frequency: CutPoints,
    pub monetary_cents: CutPoints,
}

/// One customer's RFM numbers and scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RfmScore {
    /// Days since the last purchase; `None` when there is none.
    pub recency_days: Option<i64>,
    pub frequency: usize,
    /// In the home currency `home` (see [`Customer::spend`]).
    pub monetary_cents: i64,
    pub home: Currency,
    pub r: u8,
    pub f: u8,
    pub m: u8,
    pub cut_points: RfmCutPoints,
    /// Fewer buyers than quintiles need: scored by rank, no cut points.
    pub few_buyers: bool,
}

impl RfmScore {
    /// The combined cell, e.g. "545", as RFM tables usually print it.
    pub fn code(&self) -> String {
        format!("{}{}{}", self.r, self.f, self.m)
    }

    /// The numbers behind the scores, one dimension per line, each with its cut points
    /// (the smallest value reaching scores 2 to 5; recency listed as days ascending).
    pub fn working(&self) -> Working {
        let few_buyers = self.few_buyers;
        let cuts = |points: CutPoints, quantity: &dyn Fn(i64) -> Quantity| {
            if few_buyers {
                return Vec::new();
            }
            points
                .iter()
                .map(|p| p.map_or(Quantity::Missing, quantity))
                .collect()
        };
        let purchases = |n: i64| Quantity::count_of(n, WorkingTerm::PurchasesUnit);
        let cut = &self.cut_points;
        let home = self.home;
        let money = move |cents| Quantity::Amount {
            cents,
            currency: home,
        };
        let mut steps = vec![
            Step::CutPoints {
                symbol: "R",
                value: self
                    .recency_days
                    .map_or(Quantity::Missing, Quantity::DaysAgo),
                score: Quantity::Score(self.r),
                cuts: cuts(reversed(cut.recency_days), &Quantity::days),
            },
            Step::CutPoints {
                symbol: "F",
                value: purchases(self.frequency as i64),
                score: Quantity::Score(self.f),
                cuts: cuts(cut.frequency, &purchases),
            },
            Step::CutPoints {
                symbol: "M",
                value: money(self.monetary_cents),
                score: Quantity::Score(self.m),
                cuts: cuts(cut.monetary_cents, &money),
            },
        ];
        if self.few_buyers {
            steps.insert(0, Step::Note(WorkingTerm::FewBuyers.into()));
        }
        steps.into()
    }
}

/// Buyers needed for quintile scores.
pub const QUINTILE_BUYERS: usize = 5;

fn reversed(mut points: CutPoints) -> CutPoints {
    points.reverse();
    points
}

/// RFM scores for every customer, in the same order as `customers`.
pub fn rfm_scores(
    customers: &[Customer],
    today: NaiveDate,
    conversion: &Conversion,
) -> Vec<RfmScore> {
    let facts: Vec<(Option<i64>, usize, i64)> = customers
        .iter()
        .map(|c| {
            let recency = c.last_purchase().map(|d| (today - d).num_days());
            (recency, c.purchase_count(), c.spend_cents(conversion))
        })
        .collect();
    let buyers = || {
        facts
            .iter()
            .filter_map(|(r, f, m)| r.map(|r| (r, *f as i64, *m)))
    };
    // Fewer days since the last purchase is better, so rank recency on its negation.
    let few_buyers = buyers().count() < QUINTILE_BUYERS;
    let (recency_rank, recency_cuts) = Quintiles::new(buyers().map(|(r, _, _)| -r).collect());
    let (frequency_rank, frequency_cuts) = Quintiles::new(buyers().map(|(_, f, _)| f).collect());
    let (monetary_rank, monetary_cuts) = Quintiles::new(buyers().map(|(_, _, m)| m).collect());
    let cut_points = if few_buyers {
        RfmCutPoints {
            recency_days: [None; 4],
            frequency: [None; 4],
            monetary_cents: [None; 4],
        }
    } else {
        RfmCutPoints {
            recency_days: recency_cuts.map(|c| c.map(|v| -v)),
            frequency: frequency_cuts,
            monetary_cents: monetary_cuts,
        }
    };
    facts
        .into_iter()
        .map(|(recency_days, frequency, monetary_cents)| {
            let (r, f, m) = match recency_days {
                Some(days) => {
                    let recency = if days <= 0 {
                        5
                    } else {
                        recency_rank.score(-days)
                    };
                    (
                        recency,
                        frequency_rank.score(frequency as i64),
                        monetary_rank.score(monetary_cents),
                    )
                }
                None => (1, 1, 1),
            };
            RfmScore {
                recency_days,
                frequency,
                monetary_cents,
                home: conversion.home,
                r,
                f,
                m,
                cut_points,
                few_buyers,
            }
        })
        .collect()
}

/// Sorted values of one dimension, larger = better.
struct Quintiles(Vec<i64>);

impl Quintiles {
    fn new(mut values: Vec<i64>) -> (Self, CutPoints) {
        values.sort_unstable();
        let quintiles = Quintiles(values);
        let mut cuts = [None; 4];
        for (slot, wanted) in cuts.iter_mut().zip(2..=5) {
            *slot = quintiles
                .0
                .iter()
                .copied()
                .find(|&v| quintiles.score(v) >= wanted);
        }
        (quintiles, cuts)
    }

    fn score(&self, value: i64) -> u8 {
        let n = self.0.len();
        let worse = self.0.partition_point(|&v| v < value);
        if n < QUINTILE_BUYERS {
            // Spread the ranks over 1..=5 by mid-rank: with `equal` tied values the
            // mid-rank is `worse + (equal − 1) / 2`, in units of half a rank here.
            let equal = self.0.partition_point(|&v| v <= value) - worse;
            if n <= 1 {
                return 3;
            }
            let half_ranks = 2 * worse + equal - 1;
            // 1 + round(4 × half_ranks / (2 × (n − 1))), in integers.
            return (1 + (4 * half_ranks + (n - 1)) / (2 * (n - 1))) as u8;
        }
        // worse < n for any ranked value, so this is 1..=5.
        (1 + 5 * worse / n.max(1)) as u8
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{buyer, cny, customer, day};
    use super::*;
    use crate::i18n::Lang;

    fn today() -> NaiveDate {
        day(2024, 12, 31)
    }

    /// `days_ago` of each customer's single purchase of `cents`; `None` = never bought.
    fn check(customers: &[Option<(i64, i64)>], expected: &[(u8, u8, u8)]) {
        let list: Vec<Customer> = customers
            .iter()
            .zip(1..)
            .map(|(spec, id)| match spec {
                Some((days_ago, cents)) => buyer(
                    id,
                    &[(today() - chrono::Days::new(*days_ago as u64), *cents)],
                ),
                None => customer(id, "never bought"),
            })
            .collect();
        let got: Vec<(u8, u8, u8)> = rfm_scores(&list, today(), &cny())
            .iter()
            .map(|s| (s.r, s.f, s.m))
            .collect();
        assert_eq!(got, expected, "{customers:?}");
    }

    #[test]
    fn quintile_scores_with_ties_and_non_buyers() {
        type Case = (&'static [Option<(i64, i64)>], &'static [(u8, u8, u8)]);
        let cases: &[Case] = &[
            (&[], &[]),
            (&[None], &[(1, 1, 1)]),
            // Fewer than five buyers: ranks spread over 1–5 by mid-rank; a lone buyer is 3.
            (&[Some((10, 500))], &[(3, 3, 3)]),
            // A purchase today is the best recency, however few buyers there are.
            (&[Some((0, 500))], &[(5, 3, 3)]),
            (&[Some((0, 100)), Some((9, 900))], &[(5, 3, 1), (1, 3, 5)]),
            (
                &[
                    Some((3, 100)),
                    Some((6, 200)),
                    Some((9, 300)),
                    Some((12, 400)),
                ],
                &[(5, 3, 1), (4, 3, 2), (2, 3, 4), (1, 3, 5)],
            ),
            (
                &[
                    Some((1, 500)),
                    Some((2, 400)),
                    Some((3, 300)),
                    Some((4, 200)),
                    Some((5, 100)),
                ],
                &[(5, 1, 5), (4, 1, 4), (3, 1, 3), (2, 1, 2), (1, 1, 1)],
            ),
            // Ties share their mid-rank; the never-bought customer does not shift the ranks.
            (
                &[Some((7, 100)), Some((7, 100)), Some((30, 900)), None],
                &[(4, 3, 2), (4, 3, 2), (1, 3, 5), (1, 1, 1)],
            ),
            // Five buyers: quintiles; ties share the lower score of the span.
            (
                &[
                    Some((7, 100)),
                    Some((7, 100)),
                    Some((30, 900)),
                    Some((40, 50)),
                    Some((50, 60)),
                ],
                &[(4, 1, 3), (4, 1, 3), (3, 1, 5), (2, 1, 1), (1, 1, 2)],
            ),
            (
                &[
                    Some((0, 1)),
                    Some((1, 2)),
                    Some((2, 3)),
                    Some((3, 4)),
                    Some((4, 5)),
                    Some((5, 6)),
                    Some((6, 7)),
                    Some((7, 8)),
                    Some((8, 9)),
                    Some((9, 10)),
                ],
                &[
                    (5, 1, 1),
                    (5, 1, 1),
                    (4, 1, 2),
                    (4, 1, 2),
                    (3, 1, 3),
                    (3, 1, 3),
                    (2, 1, 4),
                    (2, 1, 4),
                    (1, 1, 5),
                    (1, 1, 5),
                ],
            ),
        ];
        for (customers, expected) in cases {
            check(customers, expected);
        }
    }

    #[test]
    fn frequency_counts_purchases() {
        let list = [
            buyer(1, &[(day(2024, 12, 1), 100)]),
            buyer(
                2,
                &[
                    (day(2024, 12, 1), 100),
                    (day(2024, 11, 1), 100),
                    (day(2024, 10, 1), 100),
                ],
            ),
        ];
        let scores = rfm_scores(&list, today(), &cny());
        assert_eq!((scores[0].frequency, scores[0].f), (1, 1));
        assert_eq!(
            (scores[1].frequency, scores[1].f, scores[1].monetary_cents),
            (3, 5, 300)
        );
    }

    #[test]
    fn working_shows_cut_points_and_numbers() {
        let list: Vec<Customer> = [
            (12, 120_000),
            (30, 50_000),
            (60, 20_000),
            (120, 9_000),
            (240, 100),
        ]
        .iter()
        .zip(1..)
        .map(|(&(days, cents), id)| buyer(id, &[(today() - chrono::Days::new(days), cents)]))
        .collect();
        let scores = rfm_scores(&list, today(), &cny());
        let purchases = |n| Quantity::count_of(n, WorkingTerm::PurchasesUnit);
        let days = |d: &[i64]| d.iter().map(|&d| Quantity::days(d)).collect::<Vec<_>>();
        let yuan = |cents| Quantity::Amount {
            cents,
            currency: crate::money::Currency::CNY,
        };
        let money = |c: &[i64]| c.iter().map(|&c| yuan(c)).collect::<Vec<_>>();
        assert_eq!(
            scores[0].working(),
            Working::from(vec![
                Step::CutPoints {
                    symbol: "R",
                    value: Quantity::DaysAgo(12),
                    score: Quantity::Score(5),
                    cuts: days(&[12, 30, 60, 120]),
                },
                Step::CutPoints {
                    symbol: "F",
                    value: purchases(1),
                    score: Quantity::Score(1),
                    cuts: vec![Quantity::Missing; 4],
                },
                Step::CutPoints {
                    symbol: "M",
                    value: yuan(120_000),
                    score: Quantity::Score(5),
                    cuts: money(&[9_000, 20_000, 50_000, 120_000]),
                },
            ])
        );
        assert_eq!(
            scores[0].working().lines(Lang::Zh)[0],
            "R：距今 12 天 → 5 分（分界点 12/30/60/120 天）"
        );
        assert_eq!(scores[0].code(), "515");
        let no_purchase = rfm_scores(&[customer(9, "x")], today(), &cny())[0].working();
        assert_eq!(
            no_purchase.steps[1],
            Step::CutPoints {
                symbol: "R",
                value: Quantity::Missing,
                score: Quantity::Score(1),
                cuts: vec![],
            }
        );
        // Too few buyers: the working says so and shows no cut points.
        let lone = rfm_scores(&list[..1], today(), &cny())[0].working();
        assert_eq!(lone.steps[0], Step::Note(WorkingTerm::FewBuyers.into()));
        assert_eq!(lone.lines(Lang::En)[1], "R: 12 days ago → 3");
    }
}
