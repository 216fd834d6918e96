//! The 5 Cs of credit (品德、能力、资本、担保、条件) as a weighted scorecard: each C rated 1–5
//! with a note of the evidence, weights that sum to 100, a score from 0 to 100.
//!
//! No standard weights exist (anchors: "make them editable and state the defaults"); the
//! defaults lean on character and capacity, as most credit manuals do: 30/25/20/10/15.

use serde::{Deserialize, Serialize};

use super::words::CreditTerm;
use crate::working::{Name, Quantity, Step, Token, Working};

/// The five Cs, in the usual order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum C {
    Character,
    Capacity,
    Capital,
    Collateral,
    Conditions,
}

impl C {
    pub const ALL: [C; 5] = [
        C::Character,
        C::Capacity,
        C::Capital,
        C::Collateral,
        C::Conditions,
    ];

    pub fn name(self) -> Name {
        match self {
            C::Character => CreditTerm::Character.into(),
            C::Capacity => CreditTerm::Capacity.into(),
            C::Capital => CreditTerm::Capital.into(),
            C::Collateral => CreditTerm::Collateral.into(),
            C::Conditions => CreditTerm::Conditions.into(),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            C::Character => "character",
            C::Capacity => "capacity",
            C::Capital => "capital",
            C::Collateral => "collateral",
            C::Conditions => "conditions",
        }
    }

    fn index(self) -> usize {
        C::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }
}

/// The default weights of [`C::ALL`], summing to 100.
pub const DEFAULT_WEIGHTS: [u32; 5] = [30, 25, 20, 10, 15];

/// One C's rating and the evidence for it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rating {
    /// 1 (poor) to 5 (excellent); `None` not rated yet.
    pub score: Option<u8>,
    pub evidence: String,
}

/// A customer's scorecard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scorecard {
    /// In the order of [`C::ALL`].
    pub ratings: [Rating; 5],
    pub weights: [u32; 5],
}

impl Default for Scorecard {
    fn default() -> Self {
        Scorecard {
            ratings: Default::default(),
            weights: DEFAULT_WEIGHTS,
        }
    }
}

/// Why the score cannot be computed yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScoreGap {
    /// These Cs are not rated yet.
    Unrated(Vec<C>),
    /// The weights sum to this, not 100.
    WeightsSum(u32),
}

impl Scorecard {
    pub fn rating(&self, c: C) -> &Rating {
        &self.ratings[c.index()]
    }

    pub fn rating_mut(&mut self, c: C) -> &mut Rating {
        &mut self.ratings[c.index()]
    }

    pub fn weight(&self, c: C) -> u32 {
        self.weights[c.index()]
    }

    pub fn set_weight(&mut self, c: C, weight: u32) {
        self.weights[c.index()] = weight;
    }

    /// Σ weight × (rating − 1) / 4: all 1s give 0, all 5s give 100.
    pub fn score(&self) -> Result<f64, ScoreGap> {
        let sum: u32 = self.weights.iter().sum();
        if sum != 100 {
            return Err(ScoreGap::WeightsSum(sum));
        }
        let unrated: Vec<C> = C::ALL
            .into_iter()
            .filter(|c| !matches!(self.rating(*c).score, Some(1..=5)))
            .collect();
        if !unrated.is_empty() {
            return Err(ScoreGap::Unrated(unrated));
        }
        Ok(C::ALL
            .iter()
            .map(|c| {
                let r = f64::from(self.rating(*c).score.unwrap_or(1));
                f64::from(self.weight(*c)) * (r - 1.0) / 4.0
            })
            .sum())
    }

    /// Each C's points, then their sum.
    pub fn working(&self) -> Working {
        let Ok(score) = self.score() else {
            return Working::default();
        };
        let points = |c: C| {
            let r = f64::from(self.rating(c).score.unwrap_or(1));
            f64::from(self.weight(c)) * (r - 1.0) / 4.0
        };
        let mut steps: Vec<Step> = C::ALL
            .iter()
            .map(|c| Step::Formula {
                name: Some(c.name()),
                symbol: None,
                symbolic: None,
                filled: vec![vec![
                    Token::Value(Quantity::count(self.weight(*c))),
                    Token::Sym("×"),
                    Token::Sym("("),
                    Token::Value(Quantity::count(self.rating(*c).score.unwrap_or(1))),
                    Token::Sym("−"),
                    Token::Value(Quantity::count(1)),
                    Token::Sym(")"),
                    Token::Sym("/"),
                    Token::Value(Quantity::count(4)),
                ]],
                result: Quantity::fixed(points(*c), 2),
            })
            .collect();
        steps.push(Step::Sum {
            name: CreditTerm::FiveCsScore.into(),
            parts: C::ALL
                .iter()
                .map(|c| Quantity::fixed(points(*c), 2))
                .collect(),
            total: Quantity::fixed(score, 1),
        });
        steps.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(scores: [u8; 5]) -> Scorecard {
        let mut card = Scorecard::default();
        for (c, s) in C::ALL.iter().zip(scores) {
            card.rating_mut(*c).score = Some(s);
        }
        card
    }

    #[test]
    fn scores_run_from_0_to_100() {
        let table = [
            ([1, 1, 1, 1, 1], 0.0),
            ([5, 5, 5, 5, 5], 100.0),
            ([3, 3, 3, 3, 3], 50.0),
            // 30×3/4 + 25×2/4 + 20×4/4 + 10×0 + 15×1/4 = 22.5 + 12.5 + 20 + 0 + 3.75
            ([4, 3, 5, 1, 2], 58.75),
        ];
        for (scores, expected) in table {
            assert_eq!(card(scores).score(), Ok(expected), "{scores:?}");
        }
    }

    #[test]
    fn a_score_needs_every_c_and_weights_of_100() {
        let mut partial = card([4, 4, 4, 4, 4]);
        partial.rating_mut(C::Collateral).score = None;
        assert_eq!(partial.score(), Err(ScoreGap::Unrated(vec![C::Collateral])));
        let mut heavy = card([4, 4, 4, 4, 4]);
        heavy.set_weight(C::Character, 40);
        assert_eq!(heavy.score(), Err(ScoreGap::WeightsSum(110)));
        assert_eq!(DEFAULT_WEIGHTS.iter().sum::<u32>(), 100);
    }

    #[test]
    fn the_working_lists_each_c() {
        let text = card([4, 3, 5, 1, 2]).working().text(crate::i18n::Lang::En);
        assert!(
            text.contains("Character = 30 × (4 − 1) / 4 = 22.50"),
            "{text}"
        );
        assert!(
            text.contains("5 Cs score = 22.50 + 12.50 + 20.00 + 0.00 + 3.75 = 58.8"),
            "{text}"
        );
    }
}
