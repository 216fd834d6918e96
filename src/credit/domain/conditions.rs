//! Credit conditions (信用条件): terms such as "2/10, net 30", read from what people type,
//! the due and discount dates they give, and the annual cost of forgoing the discount.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::words::CreditTerm;
use crate::i18n::to_half_width;
use crate::working::{Quantity, Step, Token, Working};

/// Payment terms: pay within `net_days`; pay within `discount_days` and take
/// `discount_pct` percent off.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreditTerms {
    pub net_days: u32,
    /// Percent off (2.0 for "2/10"), 0 when there is no cash discount.
    #[serde(default)]
    pub discount_pct: f64,
    #[serde(default)]
    pub discount_days: u32,
}

/// Terms are hashed for storage's change detection (see `storage::sharded`): the percent
/// by its bits, so equal terms hash alike.
impl std::hash::Hash for CreditTerms {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.net_days.hash(state);
        self.discount_pct.to_bits().hash(state);
        self.discount_days.hash(state);
    }
}

impl Default for CreditTerms {
    fn default() -> Self {
        CreditTerms::net(30)
    }
}

/// Why typed terms could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermsError {
    Empty,
    /// No "net N" / "n/N" part.
    NoNetDays,
    /// The "d/t" part is not two numbers.
    BadDiscount,
    /// The discount is 0 or at least 100 percent.
    DiscountOutOfRange,
    /// The discount days are not before the net days.
    DiscountNotBeforeNet,
}

/// How many days a year has in the cost of a discount: 365, or 360 as Chinese textbooks
/// and banks often use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearBasis {
    #[default]
    Days365,
    Days360,
}

impl YearBasis {
    pub fn days(self) -> f64 {
        match self {
            YearBasis::Days365 => 365.0,
            YearBasis::Days360 => 360.0,
        }
    }
}

impl CreditTerms {
    pub fn net(days: u32) -> CreditTerms {
        CreditTerms {
            net_days: days,
            discount_pct: 0.0,
            discount_days: 0,
        }
    }

    pub fn has_discount(&self) -> bool {
        self.discount_pct > 0.0 && self.discount_days > 0
    }

    /// Reads "2/10, net 30", "2/10 n/30", "2/10，n/30" (full-width comma), "net 30",
    /// "n/30", "Net 45" and "1.5/15, net 45"; case and spaces do not matter.
    pub fn parse(text: &str) -> Result<CreditTerms, TermsError> {
        let normal = to_half_width(text).to_lowercase().replace('、', ",");
        let normal = normal.replace("n/", "net ").replace(',', " ");
        let mut tokens = normal.split_whitespace().peekable();
        if tokens.peek().is_none() {
            return Err(TermsError::Empty);
        }
        let mut discount: Option<(f64, u32)> = None;
        let mut net: Option<u32> = None;
        while let Some(token) = tokens.next() {
            if let Some(rest) = token.strip_prefix("net") {
                let days = if rest.is_empty() {
                    tokens.next().unwrap_or("")
                } else {
                    rest
                };
                net = Some(days.parse().map_err(|_| TermsError::NoNetDays)?);
            } else if let Some((pct, days)) = token.split_once('/') {
                let pct: f64 = pct.parse().map_err(|_| TermsError::BadDiscount)?;
                let days: u32 = days.parse().map_err(|_| TermsError::BadDiscount)?;
                discount = Some((pct, days));
            } else {
                return Err(TermsError::NoNetDays);
            }
        }
        let net_days = net.ok_or(TermsError::NoNetDays)?;
        let Some((discount_pct, discount_days)) = discount else {
            return Ok(CreditTerms::net(net_days));
        };
        if !(discount_pct > 0.0 && discount_pct < 100.0) {
            return Err(TermsError::DiscountOutOfRange);
        }
        if discount_days == 0 || discount_days >= net_days {
            return Err(TermsError::DiscountNotBeforeNet);
        }
        Ok(CreditTerms {
            net_days,
            discount_pct,
            discount_days,
        })
    }

    /// The terms as they are usually written: "2/10, net 30" or "net 30".
    pub fn label(&self) -> String {
        if self.has_discount() {
            format!(
                "{}/{}, net {}",
                Quantity::plain(self.discount_pct).number(),
                self.discount_days,
                self.net_days
            )
        } else {
            format!("net {}", self.net_days)
        }
    }

    pub fn due_date(&self, invoiced: NaiveDate) -> NaiveDate {
        invoiced + Days::new(self.net_days.into())
    }

    /// The last day the cash discount may be taken, if there is one.
    pub fn discount_until(&self, invoiced: NaiveDate) -> Option<NaiveDate> {
        self.has_discount()
            .then(|| invoiced + Days::new(self.discount_days.into()))
    }

    /// The annual cost of not taking the discount and paying on the last day instead, as
    /// fractions (0.3724 = 37.24%): simple d/(1−d) × Y/(N−t) and compounded
    /// (1 + d/(1−d))^(Y/(N−t)) − 1. Brealey, Myers & Allen, *Principles of Corporate
    /// Finance*, ch. 30 (2/10, net 30 costs 44.6% a year compounded). `None` without a
    /// discount.
    pub fn discount_cost(&self, year: YearBasis) -> Option<DiscountCost> {
        if !self.has_discount() {
            return None;
        }
        let d = self.discount_pct / 100.0;
        let per_period = d / (1.0 - d);
        let periods = year.days() / f64::from(self.net_days - self.discount_days);
        Some(DiscountCost {
            simple: per_period * periods,
            compounded: (1.0 + per_period).powf(periods) - 1.0,
            terms: self.clone(),
            year,
        })
    }
}

/// The cost of forgoing a cash discount, with the terms and year it was computed on.
#[derive(Clone, Debug, PartialEq)]
pub struct DiscountCost {
    pub simple: f64,
    pub compounded: f64,
    pub terms: CreditTerms,
    pub year: YearBasis,
}

impl DiscountCost {
    pub fn working(&self) -> Working {
        let t = &self.terms;
        let d = t.discount_pct / 100.0;
        let days = t.net_days - t.discount_days;
        let y = self.year.days();
        let v = |x: f64| Token::Value(Quantity::plain(x));
        let year_note = match self.year {
            YearBasis::Days365 => CreditTerm::YearOf365,
            YearBasis::Days360 => CreditTerm::YearOf360,
        };
        vec![
            Step::Note(year_note.into()),
            Step::Formula {
                name: Some(CreditTerm::DiscountCostSimple.into()),
                symbol: None,
                symbolic: Some("d / (1 − d) × Y / (N − t)"),
                filled: vec![vec![
                    v(d),
                    Token::Sym("/"),
                    Token::Sym("("),
                    v(1.0),
                    Token::Sym("−"),
                    v(d),
                    Token::Sym(")"),
                    Token::Sym("×"),
                    v(y),
                    Token::Sym("/"),
                    Token::Sym("("),
                    v(t.net_days.into()),
                    Token::Sym("−"),
                    v(t.discount_days.into()),
                    Token::Sym(")"),
                ]],
                result: Quantity::percent(self.simple, 2),
            },
            Step::Formula {
                name: Some(CreditTerm::DiscountCostCompound.into()),
                symbol: None,
                symbolic: Some("(1 + d / (1 − d))^(Y / (N − t)) − 1"),
                filled: vec![vec![
                    Token::Sym("("),
                    v(1.0),
                    Token::Sym("+"),
                    Token::Value(Quantity::fixed(d / (1.0 - d), 6)),
                    Token::Sym(")^"),
                    Token::Value(Quantity::fixed(y / f64::from(days), 4)),
                    Token::Sym("−"),
                    v(1.0),
                ]],
                result: Quantity::percent(self.compounded, 2),
            },
        ]
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(net: u32, pct: f64, days: u32) -> CreditTerms {
        CreditTerms {
            net_days: net,
            discount_pct: pct,
            discount_days: days,
        }
    }

    #[test]
    fn reads_terms_as_people_write_them() {
        let table: &[(&str, Result<CreditTerms, TermsError>)] = &[
            ("2/10, net 30", Ok(terms(30, 2.0, 10))),
            ("2/10 n/30", Ok(terms(30, 2.0, 10))),
            ("2/10, n/30", Ok(terms(30, 2.0, 10))),
            ("2/10，n/30", Ok(terms(30, 2.0, 10))),
            ("２/１０，Ｎ/３０", Ok(terms(30, 2.0, 10))),
            ("1.5/15, Net 45", Ok(terms(45, 1.5, 15))),
            ("net 30", Ok(CreditTerms::net(30))),
            ("Net30", Ok(CreditTerms::net(30))),
            ("n/60", Ok(CreditTerms::net(60))),
            ("", Err(TermsError::Empty)),
            ("2/10", Err(TermsError::NoNetDays)),
            ("thirty days", Err(TermsError::NoNetDays)),
            ("x/10, net 30", Err(TermsError::BadDiscount)),
            ("0/10, net 30", Err(TermsError::DiscountOutOfRange)),
            ("2/30, net 30", Err(TermsError::DiscountNotBeforeNet)),
        ];
        for (text, expected) in table {
            assert_eq!(&CreditTerms::parse(text), expected, "{text}");
        }
    }

    #[test]
    fn labels_read_back_to_the_same_terms() {
        for t in [terms(30, 2.0, 10), terms(45, 1.5, 15), CreditTerms::net(60)] {
            assert_eq!(
                CreditTerms::parse(&t.label()),
                Ok(t.clone()),
                "{}",
                t.label()
            );
        }
        assert_eq!(terms(30, 2.0, 10).label(), "2/10, net 30");
    }

    #[test]
    fn due_and_discount_dates() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
        let t = terms(30, 2.0, 10);
        assert_eq!(
            t.due_date(day),
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
        );
        assert_eq!(t.discount_until(day), NaiveDate::from_ymd_opt(2026, 2, 10));
        assert_eq!(CreditTerms::net(30).discount_until(day), None);
    }

    #[test]
    fn cost_of_forgoing_a_discount_matches_the_textbook_figures() {
        // 2/10, net 30: 37.24% simple and 44.59% compounded on 365 days (Brealey, Myers
        // & Allen); on 360 days the simple cost is 2/98 × 360/20 = 36.73%.
        let table = [
            (terms(30, 2.0, 10), YearBasis::Days365, 0.3724, 0.4459),
            (terms(30, 2.0, 10), YearBasis::Days360, 0.3673, 0.4386),
            (terms(30, 1.0, 10), YearBasis::Days365, 0.1843, 0.2013),
            (terms(60, 3.0, 15), YearBasis::Days365, 0.2509, 0.2803),
        ];
        for (t, year, simple, compounded) in table {
            let cost = t.discount_cost(year).unwrap();
            assert!(
                (cost.simple - simple).abs() < 5e-5,
                "{} {:?}: {}",
                t.label(),
                year,
                cost.simple
            );
            assert!(
                (cost.compounded - compounded).abs() < 5e-5,
                "{} {:?}: {}",
                t.label(),
                year,
                cost.compounded
            );
        }
        assert_eq!(CreditTerms::net(30).discount_cost(YearBasis::Days365), None);
    }

    #[test]
    fn the_working_fills_in_the_terms() {
        let cost = terms(30, 2.0, 10)
            .discount_cost(YearBasis::Days365)
            .unwrap();
        let text = cost.working().text(crate::i18n::Lang::En);
        assert!(
            text.contains("0.02 / (1 − 0.02) × 365 / (30 − 10) = 37.24%"),
            "{text}"
        );
    }
}
