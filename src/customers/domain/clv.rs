//! Customer lifetime value (客户终身价值) with editable assumptions.
//!
//! Formula: CLV = m × r / (1 + d − r), the infinite-horizon margin multiple of
//! Gupta & Lehmann (2003), "Customers as assets", Journal of Interactive Marketing 17(1),
//! assuming a constant yearly margin m received at the end of each year, constant
//! retention r and discount rate d.
//!
//! m = yearly spend × gross margin. Yearly spend is total spend divided by the years
//! observed, counted from the first purchase to `today` (not to the last purchase, so a
//! customer who stopped buying is not credited with a full rate) and never less than one
//! year (so a first purchase last week is not extrapolated fifty-fold).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::Customer;
use super::terms::WorkingTerm;
use crate::money::{Conversion, Currency};
use crate::working::{Quantity, Step, Token, Working};

const DAYS_PER_YEAR: f64 = 365.25;

/// The figures a user may change; defaults are common textbook values. Stored with the
/// customer book; a missing field reads as its default.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClvAssumptions {
    /// Share of revenue kept as margin, 0..=1.
    pub gross_margin: f64,
    /// Chance a customer stays another year, 0..1 (1 would make the value infinite).
    pub annual_retention: f64,
    /// Yearly discount rate, 0..=1.
    pub discount_rate: f64,
}

impl Default for ClvAssumptions {
    fn default() -> Self {
        ClvAssumptions {
            gross_margin: 0.3,
            annual_retention: 0.8,
            discount_rate: 0.1,
        }
    }
}

/// An assumption outside its allowed range (or not a number).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClvError {
    GrossMarginOutOfRange,
    RetentionOutOfRange,
    DiscountRateOutOfRange,
}

impl ClvAssumptions {
    /// Every assumption that is out of range.
    pub fn validate(&self) -> Vec<ClvError> {
        let mut errors = Vec::new();
        if !(0.0..=1.0).contains(&self.gross_margin) {
            errors.push(ClvError::GrossMarginOutOfRange);
        }
        if !(0.0..1.0).contains(&self.annual_retention) {
            errors.push(ClvError::RetentionOutOfRange);
        }
        if !(0.0..=1.0).contains(&self.discount_rate) {
            errors.push(ClvError::DiscountRateOutOfRange);
        }
        errors
    }

    /// r / (1 + d − r): how many years of margin the customer is worth today.
    pub fn margin_multiple(&self) -> f64 {
        let r = self.annual_retention;
        r / (1.0 + self.discount_rate - r)
    }
}

/// A customer's estimated lifetime value and the numbers behind it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clv {
    /// The currency of every amount here: the home currency.
    pub home: Currency,
    pub total_spend_cents: i64,
    /// Purchases left out of the spend for want of a rate.
    pub purchases_not_counted: usize,
    pub observed_years: f64,
    pub yearly_spend_cents: f64,
    pub yearly_margin_cents: f64,
    pub margin_multiple: f64,
    pub value_cents: i64,
    pub assumptions: ClvAssumptions,
}

impl Clv {
    /// The formula with this customer's numbers filled in: the yearly margin m, then CLV.
    pub fn working(&self) -> Working {
        let a = &self.assumptions;
        let margin = self.yearly_margin_cents.round() as i64;
        let plain = |v: f64| Token::Value(Quantity::plain(v));
        let money = |cents| Quantity::Amount {
            cents,
            currency: self.home,
        };
        vec![
            Step::Formula {
                name: Some(WorkingTerm::YearlyMargin.into()),
                symbol: Some("m"),
                symbolic: None,
                filled: vec![vec![
                    Token::Value(money(self.total_spend_cents)),
                    Token::Sym("/"),
                    Token::Value(Quantity::Years(self.observed_years)),
                    Token::Sym("×"),
                    plain(a.gross_margin),
                ]],
                result: Quantity::AmountPerYear {
                    cents: margin,
                    currency: self.home,
                },
            },
            Step::Formula {
                name: Some(WorkingTerm::LifetimeValue.into()),
                symbol: Some("CLV"),
                symbolic: Some("m × r / (1 + d − r)"),
                filled: vec![
                    vec![
                        Token::Value(money(margin)),
                        Token::Sym("×"),
                        plain(a.annual_retention),
                        Token::Sym("/"),
                        Token::Sym("("),
                        plain(1.0),
                        Token::Sym("+"),
                        plain(a.discount_rate),
                        Token::Sym("−"),
                        plain(a.annual_retention),
                        Token::Sym(")"),
                    ],
                    vec![
                        Token::Value(money(margin)),
                        Token::Sym("×"),
                        Token::Value(Quantity::fixed(self.margin_multiple, 3)),
                    ],
                ],
                result: money(self.value_cents),
            },
        ]
        .into()
    }
}

/// Estimates `customer`'s lifetime value, or says which assumptions are out of range.
pub fn customer_lifetime_value(
    customer: &Customer,
    assumptions: &ClvAssumptions,
    today: NaiveDate,
    conversion: &Conversion,
) -> Result<Clv, Vec<ClvError>> {
    let errors = assumptions.validate();
    if !errors.is_empty() {
        return Err(errors);
    }
    let spend = customer.spend(conversion);
    let total_spend_cents = spend.cents;
    let first_purchase = customer.purchases().map(|p| p.date).min();
    let observed_days = first_purchase.map_or(0, |first| (today - first).num_days());
    let observed_years = (observed_days as f64 / DAYS_PER_YEAR).max(1.0);
    let yearly_spend_cents = total_spend_cents as f64 / observed_years;
    let yearly_margin_cents = yearly_spend_cents * assumptions.gross_margin;
    let margin_multiple = assumptions.margin_multiple();
    Ok(Clv {
        home: conversion.home,
        total_spend_cents,
        purchases_not_counted: spend.not_counted_count(),
        observed_years,
        yearly_spend_cents,
        yearly_margin_cents,
        margin_multiple,
        value_cents: (yearly_margin_cents * margin_multiple).round() as i64,
        assumptions: *assumptions,
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{buyer, cny, day};
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn value_follows_gupta_lehmann() {
        let today = day(2024, 12, 31);
        let defaults = ClvAssumptions::default();
        // (purchases, assumptions, expected value in cents)
        type Case<'a> = (&'a [(NaiveDate, i64)], ClvAssumptions, i64);
        let cases: &[Case] = &[
            (&[], defaults, 0),
            // 1 000.00 this year: m = 300.00, multiple 0.8 / 0.3 = 2.667 → 800.00
            (&[(day(2024, 6, 1), 100_000)], defaults, 80_000),
            // 2 000.00 over 730 days = 1.999 years: m = 300.21 → 800.55
            (
                &[(day(2023, 1, 1), 100_000), (day(2024, 6, 1), 100_000)],
                defaults,
                80_055,
            ),
            (
                &[(day(2024, 6, 1), 100_000)],
                ClvAssumptions {
                    annual_retention: 0.0,
                    ..defaults
                },
                0,
            ),
            // r = 0.9, d = 0: multiple 9 → 2 700.00
            (
                &[(day(2024, 6, 1), 100_000)],
                ClvAssumptions {
                    annual_retention: 0.9,
                    discount_rate: 0.0,
                    ..defaults
                },
                270_000,
            ),
        ];
        for (purchases, assumptions, expected) in cases {
            let clv = customer_lifetime_value(&buyer(1, purchases), assumptions, today, &cny())
                .expect("valid assumptions");
            assert_eq!(clv.value_cents, *expected, "{purchases:?} {assumptions:?}");
        }
    }

    #[test]
    fn assumptions_out_of_range_are_all_reported() {
        use ClvError::*;
        let d = ClvAssumptions::default();
        let cases: &[(ClvAssumptions, &[ClvError])] = &[
            (d, &[]),
            (
                ClvAssumptions {
                    annual_retention: 1.0,
                    ..d
                },
                &[RetentionOutOfRange],
            ),
            (
                ClvAssumptions {
                    annual_retention: -0.1,
                    ..d
                },
                &[RetentionOutOfRange],
            ),
            (
                ClvAssumptions {
                    gross_margin: 1.5,
                    discount_rate: f64::NAN,
                    ..d
                },
                &[GrossMarginOutOfRange, DiscountRateOutOfRange],
            ),
        ];
        for (assumptions, expected) in cases {
            assert_eq!(assumptions.validate(), *expected, "{assumptions:?}");
            let result =
                customer_lifetime_value(&buyer(1, &[]), assumptions, day(2024, 1, 1), &cny());
            assert_eq!(result.err().unwrap_or_default(), *expected);
        }
    }

    #[test]
    fn working_fills_in_the_numbers() {
        let clv = customer_lifetime_value(
            &buyer(1, &[(day(2024, 6, 1), 100_000)]),
            &ClvAssumptions::default(),
            day(2024, 12, 31),
            &cny(),
        )
        .expect("valid assumptions");
        let working = clv.working();
        let Step::Formula { filled, result, .. } = &working.steps[1] else {
            panic!("CLV is a formula: {working:?}");
        };
        assert_eq!(
            (&filled[1][2], result),
            (
                &Token::Value(Quantity::fixed(
                    ClvAssumptions::default().margin_multiple(),
                    3
                )),
                &Quantity::Amount {
                    cents: 80_000,
                    currency: Currency::CNY
                }
            )
        );
        assert_eq!(
            working.text(Lang::En),
            "Yearly margin m = ¥1,000.00 / 1.00 years × 0.3 = ¥300.00 per year\n\
             Lifetime value CLV = m × r / (1 + d − r) = ¥300.00 × 0.8 / (1 + 0.1 − 0.8) = ¥300.00 × 2.667 = ¥800.00"
        );
        assert_eq!(
            working.text(Lang::Zh),
            "年毛利 m = ¥1,000.00 / 1.00 年 × 0.3 = 每年 ¥300.00\n\
             客户终身价值 CLV = m × r / (1 + d − r) = ¥300.00 × 0.8 / (1 + 0.1 − 0.8) = ¥300.00 × 2.667 = ¥800.00"
        );
    }
}
