//! Credit limits (信用额度): the rules of thumb, each with its working, and the suggested
//! limit (the smallest rule that applies). Concepts §4: a share (often 10%) of tangible
//! net worth or working capital; needs-based = monthly credit purchases × credit days / 30
//! (here terms + grace, as collectors allow for the usual lateness); and no one customer
//! above a share of our own annual sales.

use serde::{Deserialize, Serialize};

use super::words::CreditTerm;
use crate::working::{Name, Quantity, Step, Token, Working};

/// What the rules need, in cents of the limit's currency; `None` = not known.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LimitInputs {
    pub tangible_net_worth: Option<i64>,
    pub working_capital: Option<i64>,
    /// The share of net worth or working capital granted (0.10 = 10%).
    pub share: f64,
    pub monthly_credit_purchases: Option<i64>,
    pub terms_days: u32,
    pub grace_days: u32,
    /// Our own annual sales, and the most of it one customer may owe.
    pub our_annual_sales: Option<i64>,
    pub cap_share: f64,
}

impl Default for LimitInputs {
    fn default() -> Self {
        LimitInputs {
            tangible_net_worth: None,
            working_capital: None,
            share: 0.10,
            monthly_credit_purchases: None,
            terms_days: 30,
            grace_days: 10,
            our_annual_sales: None,
            cap_share: 0.05,
        }
    }
}

/// One rule of thumb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitRule {
    NetWorth,
    WorkingCapital,
    Needs,
    Cap,
}

impl LimitRule {
    pub fn name(self) -> Name {
        match self {
            LimitRule::NetWorth => CreditTerm::NetWorthRule.into(),
            LimitRule::WorkingCapital => CreditTerm::WorkingCapitalRule.into(),
            LimitRule::Needs => CreditTerm::NeedsRule.into(),
            LimitRule::Cap => CreditTerm::CapRule.into(),
        }
    }
}

/// A rule's limit and its working line.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleLimit {
    pub rule: LimitRule,
    pub cents: i64,
    pub working: Step,
}

fn round(x: f64) -> i64 {
    x.round() as i64
}

impl LimitInputs {
    /// Every rule that has what it needs (a negative net worth or working capital gives a
    /// limit of 0: nothing to lend against).
    pub fn rules(&self) -> Vec<RuleLimit> {
        let money = |c: i64| Token::Value(Quantity::money(c));
        let pct = |f: f64| Token::Value(Quantity::percent(f, 0));
        let mut out = Vec::new();
        let mut share_of = |rule: LimitRule, base: Option<i64>, share: f64| {
            if let Some(base) = base {
                let cents = round(base.max(0) as f64 * share);
                out.push(RuleLimit {
                    rule,
                    cents,
                    working: Step::Formula {
                        name: Some(rule.name()),
                        symbol: None,
                        symbolic: None,
                        filled: vec![vec![money(base), Token::Sym("×"), pct(share)]],
                        result: Quantity::money(cents),
                    },
                });
            }
        };
        share_of(LimitRule::NetWorth, self.tangible_net_worth, self.share);
        share_of(LimitRule::WorkingCapital, self.working_capital, self.share);
        share_of(LimitRule::Cap, self.our_annual_sales, self.cap_share);
        if let Some(monthly) = self.monthly_credit_purchases {
            let days = self.terms_days + self.grace_days;
            let cents = round(monthly.max(0) as f64 * f64::from(days) / 30.0);
            out.push(RuleLimit {
                rule: LimitRule::Needs,
                cents,
                working: Step::Formula {
                    name: Some(LimitRule::Needs.name()),
                    symbol: None,
                    symbolic: None,
                    filled: vec![vec![
                        money(monthly),
                        Token::Sym("×"),
                        Token::Sym("("),
                        Token::Value(Quantity::count(self.terms_days)),
                        Token::Sym("+"),
                        Token::Value(Quantity::count(self.grace_days)),
                        Token::Sym(")"),
                        Token::Sym("/"),
                        Token::Value(Quantity::count(30)),
                    ]],
                    result: Quantity::money(cents),
                },
            });
        }
        out.sort_by_key(|r| match r.rule {
            LimitRule::NetWorth => 0,
            LimitRule::WorkingCapital => 1,
            LimitRule::Needs => 2,
            LimitRule::Cap => 3,
        });
        out
    }

    /// The smallest limit of the rules that apply, or `None` when none does.
    pub fn suggested(&self) -> Option<i64> {
        self.rules().iter().map(|r| r.cents).min()
    }

    pub fn working(&self) -> Working {
        let mut steps: Vec<Step> = self.rules().into_iter().map(|r| r.working).collect();
        if !steps.is_empty() {
            steps.push(Step::Note(CreditTerm::SmallestRule.into()));
        }
        steps.into()
    }
}

/// Open receivables ÷ limit (0.5 = half used), `None` without a positive limit.
pub fn utilisation(open_cents: i64, limit_cents: i64) -> Option<f64> {
    (limit_cents > 0).then(|| open_cents as f64 / limit_cents as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rule_of_thumb() {
        let inputs = LimitInputs {
            tangible_net_worth: Some(50_000_000),
            working_capital: Some(20_000_000),
            monthly_credit_purchases: Some(3_000_000),
            our_annual_sales: Some(100_000_000),
            ..LimitInputs::default()
        };
        let rules: Vec<(LimitRule, i64)> =
            inputs.rules().iter().map(|r| (r.rule, r.cents)).collect();
        assert_eq!(
            rules,
            vec![
                (LimitRule::NetWorth, 5_000_000),
                (LimitRule::WorkingCapital, 2_000_000),
                // 30,000.00 a month × (30 + 10) / 30 = 40,000.00
                (LimitRule::Needs, 4_000_000),
                (LimitRule::Cap, 5_000_000),
            ]
        );
        assert_eq!(inputs.suggested(), Some(2_000_000));
        let text = inputs.working().text(crate::i18n::Lang::En);
        assert!(
            text.contains("30,000.00 × (30 + 10) / 30 = 40,000.00"),
            "{text}"
        );
        assert!(text.contains("500,000.00 × 10% = 50,000.00"), "{text}");
    }

    #[test]
    fn rules_without_inputs_are_left_out() {
        assert_eq!(LimitInputs::default().rules(), vec![]);
        assert_eq!(LimitInputs::default().suggested(), None);
        let negative = LimitInputs {
            working_capital: Some(-100),
            ..LimitInputs::default()
        };
        assert_eq!(negative.suggested(), Some(0));
    }

    #[test]
    fn utilisation_of_a_limit() {
        assert_eq!(utilisation(5_000, 10_000), Some(0.5));
        assert_eq!(utilisation(12_000, 10_000), Some(1.2));
        assert_eq!(utilisation(5_000, 0), None);
    }
}
