//! Figures over the whole customer book for the Learn section: how the customers split by
//! value, motive, stage, ladder level and channel, referral chains, churn and its causes,
//! and complaints with what followed them (shared/concepts.md section 1). Every share
//! keeps its parts so the page can show the working.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::churn::ChurnLevel;
use super::figures::mean_days;
use super::filter::RowFacts;
use super::model::{
    Channel, ChurnReason, ComplaintStatus, Customer, InteractionKind, LadderLevel, LifecycleStage,
    Motive, RelationshipLevel, ValueClass,
};
use super::terms::WorkingTerm;
use crate::customers::labels::Labelled;
use crate::money::Currency;
use crate::working::{Name, Quantity, Step, Working};

/// `part` of `whole`, e.g. 40 of 200 customers.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Share {
    pub part: i64,
    pub whole: i64,
}

impl Share {
    /// The share in percent (0 when the whole is 0).
    pub fn percent(self) -> f64 {
        if self.whole == 0 {
            0.0
        } else {
            self.part as f64 * 100.0 / self.whole as f64
        }
    }

    /// The share as a fraction (0 when the whole is 0).
    pub fn fraction(self) -> f64 {
        self.percent() / 100.0
    }

    /// A share of customers: "Churned: 40 / 200 customers = 20.0%".
    pub fn customers_step(self, name: impl Into<Name>) -> Step {
        Step::Share {
            name: name.into(),
            part: Quantity::count(self.part),
            whole: Quantity::count_of(self.whole, WorkingTerm::CustomersUnit),
            share: Quantity::percent(self.fraction(), 1),
        }
    }

    /// A share of money in cents of `currency`: "Share of spend: ¥1,234.50 / ¥5,000.00 =
    /// 24.7%".
    pub fn money_step(self, name: impl Into<Name>, currency: Currency) -> Step {
        let money = |cents| Quantity::Amount { cents, currency };
        Step::Share {
            name: name.into(),
            part: money(self.part),
            whole: money(self.whole),
            share: Quantity::percent(self.fraction(), 1),
        }
    }
}

/// One value class: how many customers and how much of the spend.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueGroup {
    pub class: ValueClass,
    pub customers: Share,
    pub spend: Share,
}

/// Complaints and what followed them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComplaintFigures {
    pub total: usize,
    pub open: usize,
    /// Days from opened to resolved of each resolved complaint.
    pub resolution_days: Vec<i64>,
    /// Customers with a resolved complaint, and those of them who bought after it was
    /// resolved (the textbook's "95% buy again when resolved quickly").
    pub bought_again: Share,
}

impl ComplaintFigures {
    /// Mean days to resolve, if any complaint was resolved.
    pub fn mean_days(&self) -> Option<f64> {
        let n = self.resolution_days.len();
        (n > 0).then(|| self.resolution_days.iter().sum::<i64>() as f64 / n as f64)
    }

    /// "Average resolution time = (4 + 9 + 2) / 3 = 5.0 days"; empty when none is resolved.
    pub fn mean_working(&self) -> Working {
        mean_days(WorkingTerm::AverageResolution.into(), &self.resolution_days)
            .into_iter()
            .collect::<Vec<_>>()
            .into()
    }

    /// The customers who bought again out of those with a resolved complaint.
    pub fn bought_again_working(&self) -> Working {
        vec![self.bought_again.customers_step(WorkingTerm::BoughtAgain)].into()
    }
}

/// Every figure the Learn section shows for a book.
#[derive(Clone, Debug, PartialEq)]
pub struct BookLessons {
    pub customers: usize,
    /// Interactions recorded over all customers.
    pub interactions: usize,
    /// The customer with the most interactions (the first in list order on a tie) and how
    /// many: the fullest integrated record.
    pub fullest: Option<(u64, usize)>,
    pub value: Vec<ValueGroup>,
    /// Customers per motive; `None`: not classified yet.
    pub motives: Vec<(Option<Motive>, usize)>,
    pub internal: usize,
    pub stages: Vec<(LifecycleStage, usize)>,
    pub ladder: Vec<(LadderLevel, usize)>,
    pub levels: Vec<(Option<RelationshipLevel>, usize)>,
    pub channels: Vec<(Channel, usize)>,
    /// Customers with a recorded referrer.
    pub referred: usize,
    /// The longest referral chain: a customer, then who referred them, and so on up.
    pub longest_chain: Vec<u64>,
    pub churned: Share,
    /// Causes given for churned customers, most frequent first (ties in list order).
    pub churn_reasons: Vec<(ChurnReason, usize)>,
    /// Customers not churned whose churn risk is high.
    pub at_risk: usize,
    pub complaints: ComplaintFigures,
    /// The currency of the spend figures: the home currency.
    pub home: Currency,
}

impl BookLessons {
    /// Each value class's share of the customers and of the spend.
    pub fn value_working(&self) -> Working {
        let steps = self.value.iter().flat_map(|g| {
            [
                Step::Heading(Name::of(g.class.term())),
                g.customers.customers_step(WorkingTerm::ShareOfCustomers),
                g.spend.money_step(WorkingTerm::ShareOfSpend, self.home),
            ]
        });
        steps.collect::<Vec<_>>().into()
    }

    /// The churned customers' share.
    pub fn churn_working(&self) -> Working {
        vec![self.churned.customers_step(WorkingTerm::Churned)].into()
    }
}

/// Counts of `key` over the customers for each of `all`, in that order.
fn count_by<T: PartialEq + Copy>(
    customers: &[Customer],
    all: impl IntoIterator<Item = T>,
    key: impl Fn(&Customer) -> T,
) -> Vec<(T, usize)> {
    let mut counts: Vec<(T, usize)> = all.into_iter().map(|v| (v, 0)).collect();
    for c in customers {
        let k = key(c);
        if let Some(entry) = counts.iter_mut().find(|(v, _)| *v == k) {
            entry.1 += 1;
        }
    }
    counts
}

/// The figures for `customers`, with `facts` in the same order (as the list prepares
/// them: value class after the ABC split, churn level, spend).
pub fn book_lessons(customers: &[Customer], facts: &[RowFacts], home: Currency) -> BookLessons {
    let n = customers.len() as i64;
    let total_spend: i64 = facts.iter().map(|f| f.total_spend_cents).sum();
    let value = ValueClass::ALL
        .iter()
        .map(|&class| {
            let of_class = facts.iter().filter(|f| f.value_class == class);
            ValueGroup {
                class,
                customers: Share {
                    part: of_class.clone().count() as i64,
                    whole: n,
                },
                spend: Share {
                    part: of_class.map(|f| f.total_spend_cents).sum(),
                    whole: total_spend,
                },
            }
        })
        .collect();
    let motives = count_by(
        customers,
        std::iter::once(None).chain(Motive::ALL.iter().copied().map(Some)),
        |c| c.motive,
    );
    let levels = count_by(
        customers,
        std::iter::once(None).chain(RelationshipLevel::ALL.iter().copied().map(Some)),
        |c| c.relationship_level,
    );
    let mut churn_reasons: Vec<(ChurnReason, usize)> = ChurnReason::ALL
        .iter()
        .map(|&reason| {
            let times = customers
                .iter()
                .filter_map(|c| c.churn.as_ref())
                .filter(|r| r.reasons.contains(&reason))
                .count();
            (reason, times)
        })
        .filter(|(_, times)| *times > 0)
        .collect();
    churn_reasons.sort_by_key(|(_, times)| std::cmp::Reverse(*times));
    let mut fullest: Option<(u64, usize)> = None;
    for c in customers {
        if fullest.is_none_or(|(_, most)| c.interactions.len() > most) {
            fullest = Some((c.id, c.interactions.len()));
        }
    }
    BookLessons {
        customers: customers.len(),
        interactions: customers.iter().map(|c| c.interactions.len()).sum(),
        fullest,
        value,
        motives,
        internal: customers.iter().filter(|c| c.internal).count(),
        stages: count_by(customers, LifecycleStage::ALL.iter().copied(), |c| c.stage),
        ladder: count_by(customers, LadderLevel::ALL.iter().copied(), |c| c.ladder),
        levels,
        channels: count_by(customers, Channel::ALL.iter().copied(), |c| c.channel),
        referred: customers.iter().filter(|c| c.referred_by.is_some()).count(),
        longest_chain: longest_referral_chain(customers),
        churned: Share {
            part: customers
                .iter()
                .filter(|c| c.stage == LifecycleStage::Churned)
                .count() as i64,
            whole: n,
        },
        churn_reasons,
        at_risk: customers
            .iter()
            .zip(facts)
            .filter(|(c, f)| {
                c.stage != LifecycleStage::Churned && f.churn_level == Some(ChurnLevel::High)
            })
            .count(),
        complaints: complaint_figures(customers),
        home,
    }
}

/// The longest chain of referrals, from the customer furthest down to the first referrer
/// (the first such customer in list order; cycles and missing referrers end a chain).
fn longest_referral_chain(customers: &[Customer]) -> Vec<u64> {
    let referrer: HashMap<u64, Option<u64>> =
        customers.iter().map(|c| (c.id, c.referred_by)).collect();
    let mut best: Vec<u64> = Vec::new();
    for c in customers {
        let mut chain = vec![c.id];
        let mut current = c.id;
        while let Some(Some(up)) = referrer.get(&current) {
            if chain.contains(up) || !referrer.contains_key(up) {
                break;
            }
            chain.push(*up);
            current = *up;
        }
        if chain.len() > best.len() {
            best = chain;
        }
    }
    if best.len() < 2 {
        best.clear();
    }
    best
}

fn complaint_figures(customers: &[Customer]) -> ComplaintFigures {
    let mut figures = ComplaintFigures::default();
    let (mut with_resolved, mut bought_again) = (0, 0);
    for c in customers {
        let mut first_resolved: Option<NaiveDate> = None;
        for i in &c.interactions {
            if let InteractionKind::Complaint {
                status, resolved, ..
            } = &i.kind
            {
                figures.total += 1;
                if *status != ComplaintStatus::Resolved {
                    figures.open += 1;
                } else if let Some(day) = resolved {
                    first_resolved = Some(first_resolved.map_or(*day, |d| d.min(*day)));
                }
            }
        }
        figures
            .resolution_days
            .extend(c.complaint_resolution_days());
        if let Some(day) = first_resolved {
            with_resolved += 1;
            if c.purchases().any(|p| p.date > day) {
                bought_again += 1;
            }
        }
    }
    figures.bought_again = Share {
        part: bought_again,
        whole: with_resolved,
    };
    figures
}

#[cfg(test)]
mod tests {
    use super::super::filter::row_facts;
    use super::super::test_support::{buyer, cny, complaint, customer, day, purchase};
    use super::super::AbcThresholds;
    use super::*;

    fn lessons(customers: &[Customer]) -> BookLessons {
        let facts = row_facts(
            customers,
            &AbcThresholds::default(),
            day(2025, 1, 1),
            &cny(),
        );
        book_lessons(customers, &facts, Currency::CNY)
    }

    #[test]
    fn shares_show_their_working_and_survive_an_empty_whole() {
        let cases = [
            (
                Share {
                    part: 40,
                    whole: 200,
                },
                20.0,
                "已流失：40 / 200 位客户 = 20.0%",
            ),
            (
                Share { part: 1, whole: 3 },
                100.0 / 3.0,
                "已流失：1 / 3 位客户 = 33.3%",
            ),
            (
                Share { part: 0, whole: 0 },
                0.0,
                "已流失：0 / 0 位客户 = 0.0%",
            ),
        ];
        for (share, percent, working) in cases {
            let step = share.customers_step(WorkingTerm::Churned);
            let text = Working::from(vec![step]).text(crate::i18n::Lang::Zh);
            assert_eq!((share.percent(), text.as_str()), (percent, working));
        }
        let money = Share {
            part: 123450,
            whole: 500000,
        };
        assert_eq!(
            money.money_step(WorkingTerm::ShareOfSpend, Currency::GBP),
            Step::Share {
                name: WorkingTerm::ShareOfSpend.into(),
                part: Quantity::Amount {
                    cents: 123450,
                    currency: Currency::GBP
                },
                whole: Quantity::Amount {
                    cents: 500000,
                    currency: Currency::GBP
                },
                share: Quantity::percent(money.fraction(), 1),
            }
        );
        assert_eq!(
            Working::from(vec![
                money.money_step(WorkingTerm::ShareOfSpend, Currency::GBP)
            ])
            .text(crate::i18n::Lang::En),
            "Share of spend: £1,234.50 / £5,000.00 = 24.7%"
        );
    }

    #[test]
    fn value_classes_split_customers_and_spend() {
        // Spends 800, 150, 50: the default ABC split makes the first key.
        let customers = [
            buyer(1, &[(day(2024, 1, 1), 80000)]),
            buyer(2, &[(day(2024, 1, 1), 15000)]),
            buyer(3, &[(day(2024, 1, 1), 5000)]),
            customer(4, "no purchases"),
        ];
        let l = lessons(&customers);
        let key = &l.value[0];
        assert_eq!(key.class, ValueClass::Key);
        assert_eq!(key.customers, Share { part: 1, whole: 4 });
        assert_eq!(
            key.spend,
            Share {
                part: 80000,
                whole: 100000
            }
        );
        let counted: i64 = l.value.iter().map(|g| g.customers.part).sum();
        let spent: i64 = l.value.iter().map(|g| g.spend.part).sum();
        assert_eq!((counted, spent), (4, 100000));
        let working = l.value_working();
        assert_eq!(working.steps.len(), 9);
        assert_eq!(
            working.lines(crate::i18n::Lang::Zh)[..3],
            [
                "关键客户：",
                "  客户占比：1 / 4 位客户 = 25.0%",
                "  消费额占比：¥800.00 / ¥1,000.00 = 80.0%"
            ]
        );
    }

    #[test]
    fn counts_cover_every_variant_in_order_with_unset_first() {
        let mut a = customer(1, "a");
        a.motive = Some(Motive::Ethical);
        a.internal = true;
        let mut b = customer(2, "b");
        b.stage = LifecycleStage::Stability;
        b.channel = Channel::Referral;
        let l = lessons(&[a, b]);
        assert_eq!(l.motives.len(), Motive::ALL.len() + 1);
        assert_eq!(l.motives[0], (None, 1));
        assert_eq!(l.motives[2], (Some(Motive::Ethical), 1));
        assert_eq!(l.internal, 1);
        assert_eq!(
            l.stages[..3],
            [
                (LifecycleStage::Exploration, 1),
                (LifecycleStage::Formation, 0),
                (LifecycleStage::Stability, 1)
            ]
        );
        assert_eq!(l.channels[2], (Channel::Referral, 1));
        assert_eq!(l.levels[0], (None, 2));
    }

    #[test]
    fn the_longest_referral_chain_runs_up_to_the_first_referrer() {
        // (id, referred by) → the expected chain.
        type Links = &'static [(u64, Option<u64>)];
        let cases: [(Links, &[u64]); 4] = [
            (
                &[(1, None), (2, Some(1)), (3, Some(2)), (4, Some(1))],
                &[3, 2, 1],
            ),
            (&[(1, None), (2, None)], &[]),
            (&[(1, Some(2)), (2, Some(1))], &[1, 2]),
            (&[(1, Some(9)), (2, Some(1))], &[2, 1]),
        ];
        for (links, expected) in cases {
            let customers: Vec<Customer> = links
                .iter()
                .map(|&(id, by)| {
                    let mut c = customer(id, "c");
                    c.referred_by = by;
                    c
                })
                .collect();
            assert_eq!(longest_referral_chain(&customers), expected, "{links:?}");
        }
    }

    #[test]
    fn churn_counts_reasons_by_frequency() {
        let churned = |id, reasons: &[ChurnReason]| {
            let mut c = customer(id, "c");
            c.stage = LifecycleStage::Churned;
            c.churn = Some(super::super::ChurnRecord {
                date: day(2024, 6, 1),
                reasons: reasons.to_vec(),
                other_reason: String::new(),
                prevention_tried: vec![],
                notes: String::new(),
            });
            c
        };
        use ChurnReason::*;
        let l = lessons(&[
            churned(1, &[CompetitorPrice]),
            churned(2, &[NeedsNotMet, CompetitorPrice]),
            customer(3, "kept"),
        ]);
        assert_eq!(l.churned, Share { part: 2, whole: 3 });
        assert_eq!(
            l.churn_reasons,
            vec![(CompetitorPrice, 2), (NeedsNotMet, 1)]
        );
    }

    #[test]
    fn complaints_count_resolution_times_and_buying_again() {
        let mut again = customer(1, "bought again");
        again.interactions = vec![
            complaint(1, day(2024, 3, 1), Some(day(2024, 3, 5))),
            purchase(2, day(2024, 3, 10), 1000),
        ];
        let mut not_again = customer(2, "bought before only");
        not_again.interactions = vec![
            purchase(1, day(2024, 2, 1), 1000),
            complaint(2, day(2024, 3, 1), Some(day(2024, 3, 3))),
            complaint(3, day(2024, 4, 1), None),
        ];
        let l = lessons(&[again, not_again, customer(3, "no complaints")]);
        let c = &l.complaints;
        assert_eq!((c.total, c.open), (3, 1));
        assert_eq!(c.resolution_days, vec![4, 2]);
        assert_eq!(c.mean_days(), Some(3.0));
        assert_eq!(
            c.mean_working(),
            Working::from(vec![Step::Mean {
                name: WorkingTerm::AverageResolution.into(),
                parts: vec![Quantity::days(4), Quantity::days(2)],
                mean: Quantity::Days {
                    days: 3.0,
                    decimals: 1
                },
            }])
        );
        assert!(ComplaintFigures::default().mean_working().is_empty());
        assert_eq!(c.bought_again, Share { part: 1, whole: 2 });
        assert_eq!(ComplaintFigures::default().mean_days(), None);
        assert_eq!((l.interactions, l.fullest), (5, Some((2, 3))));
        assert_eq!(lessons(&[]).fullest, None);
    }
}
