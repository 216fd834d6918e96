//! Value classification: ABC/Pareto split on spend, and Kotler's relationship-level matrix.

use super::model::{Customer, RelationshipLevel, ValueClass};
use super::terms::WorkingTerm;
use crate::customers::labels::Labelled;
use crate::money::Conversion;
use crate::working::{Name, Quantity, Step, Working};

/// Cumulative-share limits of the ABC split (Pareto's 80/20, with B up to 95%).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AbcThresholds {
    pub key_share: f64,
    pub potential_share: f64,
}

impl Default for AbcThresholds {
    fn default() -> Self {
        AbcThresholds {
            key_share: 0.80,
            potential_share: 0.95,
        }
    }
}

/// Thresholds must satisfy 0 < key < potential ≤ 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbcError {
    KeyShareOutOfRange,
    PotentialShareNotAboveKey,
}

impl AbcThresholds {
    pub fn validate(&self) -> Vec<AbcError> {
        let mut errors = Vec::new();
        if !(self.key_share > 0.0 && self.key_share < 1.0) {
            errors.push(AbcError::KeyShareOutOfRange);
        }
        if !(self.potential_share > self.key_share && self.potential_share <= 1.0) {
            errors.push(AbcError::PotentialShareNotAboveKey);
        }
        errors
    }
}

/// The suggested class of one customer and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AbcSuggestion {
    pub customer_id: u64,
    pub class: ValueClass,
    /// 1 = biggest spender.
    pub rank: usize,
    pub spend_cents: i64,
    /// Share of all spend held by the customers ranked above this one.
    pub share_before: f64,
    /// The same including this customer.
    pub cumulative_share: f64,
    pub thresholds: AbcThresholds,
}

impl AbcSuggestion {
    /// The rank, the cumulative share of spend before and with this customer, and the
    /// rule that decided the class.
    pub fn working(&self) -> Working {
        let t = &self.thresholds;
        let (rule, values) = match self.class {
            ValueClass::Key => (WorkingTerm::BeforeBelow, vec![t.key_share]),
            ValueClass::Potential => (WorkingTerm::BeforeBelow, vec![t.potential_share]),
            ValueClass::General if self.spend_cents <= 0 => (WorkingTerm::NoSpend, vec![]),
            ValueClass::General => (WorkingTerm::BeforeAtOrAbove, vec![t.potential_share]),
        };
        vec![
            Step::Fact {
                name: WorkingTerm::RankBySpend.into(),
                value: Quantity::Rank(self.rank),
            },
            Step::Change {
                name: WorkingTerm::CumulativeShare.into(),
                from: Quantity::percent(self.share_before, 1),
                to: Quantity::percent(self.cumulative_share, 1),
            },
            Step::Rule {
                rule: rule.into(),
                values: values
                    .into_iter()
                    .map(|v| Quantity::percent(v, 0))
                    .collect(),
                outcome: Name::of(self.class.term()),
            },
        ]
        .into()
    }
}

/// Ranks customers by total spend (ties by id) and classes them by cumulative share.
///
/// A customer is key while the share of the customers above it is still below
/// `key_share`, so the customer who crosses the line is key too: a single customer holding
/// 90% of spend is key, not potential. Customers with no spend are always general.
pub fn abc_classes(
    customers: &[Customer],
    thresholds: &AbcThresholds,
    conversion: &Conversion,
) -> Vec<AbcSuggestion> {
    ranked(customers, thresholds, conversion)
        .into_iter()
        .map(|(_, suggestion)| suggestion)
        .collect()
}

/// [`abc_classes`] in list order: the suggestion for `customers[i]` is at `i`.
pub fn abc_in_list_order(
    customers: &[Customer],
    thresholds: &AbcThresholds,
    conversion: &Conversion,
) -> Vec<AbcSuggestion> {
    let mut by_position: Vec<Option<AbcSuggestion>> = vec![None; customers.len()];
    for (position, suggestion) in ranked(customers, thresholds, conversion) {
        by_position[position] = Some(suggestion);
    }
    by_position.into_iter().flatten().collect()
}

/// `(position in customers, suggestion)` in rank order.
fn ranked(
    customers: &[Customer],
    thresholds: &AbcThresholds,
    conversion: &Conversion,
) -> Vec<(usize, AbcSuggestion)> {
    let mut ranked: Vec<(usize, u64, i64)> = customers
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.id, c.spend_cents(conversion).max(0)))
        .collect();
    ranked.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
    let total: i64 = ranked.iter().map(|(_, _, spend)| spend).sum();
    let share = |cents: i64| {
        if total > 0 {
            cents as f64 / total as f64
        } else {
            0.0
        }
    };
    let mut running = 0;
    ranked
        .into_iter()
        .zip(1..)
        .map(|((position, customer_id, spend_cents), rank)| {
            let share_before = share(running);
            running += spend_cents;
            let class = if spend_cents <= 0 {
                ValueClass::General
            } else if share_before < thresholds.key_share {
                ValueClass::Key
            } else if share_before < thresholds.potential_share {
                ValueClass::Potential
            } else {
                ValueClass::General
            };
            let suggestion = AbcSuggestion {
                customer_id,
                class,
                rank,
                spend_cents,
                share_before,
                cumulative_share: share(running),
                thresholds: *thresholds,
            };
            (position, suggestion)
        })
        .collect()
}

/// The class to use: the manual override if there is one, else the suggestion.
pub fn effective_class(customer: &Customer, suggestion: ValueClass) -> ValueClass {
    customer.value_class.unwrap_or(suggestion)
}

keyed_enum! {
    /// How many customers the firm has (rows of Kotler's matrix).
    pub enum CustomerCount { Many => "many", Medium => "medium", Few => "few" }
}

keyed_enum! {
    /// Profit margin per unit sold (columns of Kotler's matrix).
    pub enum Margin { Low => "low", Medium => "medium", High => "high" }
}

/// Kotler's levels of relationship marketing (Kotler, Marketing Management, "levels of
/// relationship marketing" table; 关系营销水平的选择):
///
/// |                 | high margin | medium margin | low margin        |
/// |-----------------|-------------|---------------|-------------------|
/// | many customers  | accountable | reactive      | basic (or reactive) |
/// | medium number   | proactive   | accountable   | reactive          |
/// | few customers   | partnership | proactive     | accountable       |
///
/// Where Kotler allows "basic or reactive" the cheaper basic level is suggested.
pub fn suggest_relationship_level(
    customer_count: CustomerCount,
    unit_margin: Margin,
) -> RelationshipLevel {
    use CustomerCount as C;
    use RelationshipLevel::*;
    match (customer_count, unit_margin) {
        (C::Many, Margin::Low) => Basic,
        (C::Many, Margin::Medium) | (C::Medium, Margin::Low) => Reactive,
        (C::Many, Margin::High) | (C::Medium, Margin::Medium) | (C::Few, Margin::Low) => {
            Accountable
        }
        (C::Medium, Margin::High) | (C::Few, Margin::Medium) => Proactive,
        (C::Few, Margin::High) => Partnership,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{buyer, cny, customer, day};
    use super::*;

    fn check(spends: &[i64], thresholds: AbcThresholds, expected: &[(u64, ValueClass)]) {
        let list: Vec<Customer> = spends
            .iter()
            .zip(1..)
            .map(|(&cents, id)| {
                if cents == 0 {
                    customer(id, "none")
                } else {
                    buyer(id, &[(day(2024, 1, 1), cents)])
                }
            })
            .collect();
        let got: Vec<(u64, ValueClass)> = abc_classes(&list, &thresholds, &cny())
            .iter()
            .map(|s| (s.customer_id, s.class))
            .collect();
        assert_eq!(got, expected, "{spends:?}");
    }

    #[test]
    fn pareto_split_by_cumulative_share() {
        use ValueClass::*;
        let d = AbcThresholds::default();
        type Case = (&'static [i64], AbcThresholds, &'static [(u64, ValueClass)]);
        let cases: &[Case] = &[
            (&[], d, &[]),
            (&[0, 0], d, &[(1, General), (2, General)]),
            (&[900, 100], d, &[(1, Key), (2, Potential)]),
            (&[960, 40], d, &[(1, Key), (2, General)]),
            // 50, 30 (share before 50%), 10 (80%: not below → potential), 6 (90%), 4 (96%)
            (
                &[10, 50, 4, 30, 6],
                d,
                &[
                    (2, Key),
                    (4, Key),
                    (1, Potential),
                    (5, Potential),
                    (3, General),
                ],
            ),
            // Ties rank by id; no-spend customers are general even inside the limits.
            (&[100, 100, 0], d, &[(1, Key), (2, Key), (3, General)]),
            (
                &[50, 30, 20],
                AbcThresholds {
                    key_share: 0.5,
                    potential_share: 0.9,
                },
                &[(1, Key), (2, Potential), (3, Potential)],
            ),
        ];
        for (spends, thresholds, expected) in cases {
            check(spends, *thresholds, expected);
        }
    }

    #[test]
    fn working_and_override() {
        let list = [
            buyer(1, &[(day(2024, 1, 1), 600)]),
            buyer(2, &[(day(2024, 1, 1), 400)]),
        ];
        let s = abc_classes(&list, &AbcThresholds::default(), &cny());
        assert_eq!(
            s[1].working(),
            Working::from(vec![
                Step::Fact {
                    name: WorkingTerm::RankBySpend.into(),
                    value: Quantity::Rank(2),
                },
                Step::Change {
                    name: WorkingTerm::CumulativeShare.into(),
                    from: Quantity::percent(0.6, 1),
                    to: Quantity::percent(1.0, 1),
                },
                Step::Rule {
                    rule: WorkingTerm::BeforeBelow.into(),
                    values: vec![Quantity::percent(0.8, 0)],
                    outcome: Name::of(crate::customers::labels::Term::KeyCustomer),
                },
            ])
        );
        assert_eq!(
            s[1].working().text(crate::i18n::Lang::Zh),
            "消费额排名：第 2 名\n累计消费额占比：60.0% → 100.0%\n此前累计占比低于 80% → 关键客户"
        );
        let mut c = customer(3, "x");
        assert_eq!(effective_class(&c, ValueClass::Key), ValueClass::Key);
        c.value_class = Some(ValueClass::General);
        assert_eq!(effective_class(&c, ValueClass::Key), ValueClass::General);
    }

    #[test]
    fn threshold_validation() {
        use AbcError::*;
        let cases: &[(f64, f64, &[AbcError])] = &[
            (0.8, 0.95, &[]),
            (0.8, 1.0, &[]),
            (0.0, 0.5, &[KeyShareOutOfRange]),
            (0.9, 0.8, &[PotentialShareNotAboveKey]),
            (1.2, 1.1, &[KeyShareOutOfRange, PotentialShareNotAboveKey]),
        ];
        for &(key_share, potential_share, expected) in cases {
            assert_eq!(
                AbcThresholds {
                    key_share,
                    potential_share
                }
                .validate(),
                expected
            );
        }
    }

    #[test]
    fn kotler_matrix() {
        use CustomerCount as C;
        use RelationshipLevel::*;
        let cases = [
            (C::Many, Margin::Low, Basic),
            (C::Many, Margin::Medium, Reactive),
            (C::Many, Margin::High, Accountable),
            (C::Medium, Margin::Low, Reactive),
            (C::Medium, Margin::Medium, Accountable),
            (C::Medium, Margin::High, Proactive),
            (C::Few, Margin::Low, Accountable),
            (C::Few, Margin::Medium, Proactive),
            (C::Few, Margin::High, Partnership),
        ];
        for (count, margin, expected) in cases {
            assert_eq!(
                suggest_relationship_level(count, margin),
                expected,
                "{count:?} {margin:?}"
            );
        }
    }
}
