//! What the customer list needs before it can filter: the search index, each
//! customer's row facts and ABC suggestion, and the tags and owners to filter by. Built
//! once per change of the customers, never per keystroke; [`PreparedBuilder`] builds it a
//! slice at a time so a caller can spread 10,000 customers over several short tasks.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use chrono::NaiveDate;

use super::abc::{abc_in_list_order, AbcSuggestion, AbcThresholds};
use super::churn::{ChurnContext, SatisfactionDrop, SatisfactionDrops};
use super::filter::{classify, unclassed_facts_in, RowFacts};
use super::model::Customer;
use super::search::SearchIndex;
use crate::money::Conversion;

/// Counts builds, so two preparations compare equal only when they are the same build.
static REVISION: AtomicU64 = AtomicU64::new(0);

/// The search index, row facts and ABC suggestions of one list of customers, in list
/// order, and its distinct tags and owners, sorted.
pub struct Prepared {
    revision: u64,
    pub index: SearchIndex,
    pub facts: Vec<RowFacts>,
    pub abc: Arc<Vec<AbcSuggestion>>,
    pub tags: Vec<String>,
    pub owners: Vec<String>,
}

impl Prepared {
    /// Prepares `customers` in one go.
    pub fn new(customers: &[Customer], today: NaiveDate, conversion: &Conversion) -> Self {
        let mut builder = PreparedBuilder::new(today, conversion.clone());
        builder.add(customers);
        builder.finish(customers)
    }

    /// Which build this is (every build has its own).
    pub fn revision(&self) -> u64 {
        self.revision
    }
}

impl PartialEq for Prepared {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

/// A [`Prepared`] under construction: add the customers in list order, a slice at a time,
/// then [`finish`](PreparedBuilder::finish) with the whole list.
pub struct PreparedBuilder {
    index: SearchIndex,
    facts: Vec<RowFacts>,
    tags: BTreeSet<String>,
    owners: BTreeSet<String>,
    today: NaiveDate,
    conversion: Conversion,
    drops: Arc<SatisfactionDrops>,
}

impl PreparedBuilder {
    pub fn new(today: NaiveDate, conversion: Conversion) -> Self {
        PreparedBuilder {
            index: SearchIndex::new(&[]),
            facts: Vec::new(),
            tags: BTreeSet::new(),
            owners: BTreeSet::new(),
            today,
            conversion,
            drops: Arc::default(),
        }
    }

    /// Whose satisfaction other sections find falling: churn risk's reason "falling
    /// satisfaction" (see [`super::churn::churn_risk`]).
    pub fn with_drops(mut self, drops: Arc<SatisfactionDrops>) -> Self {
        self.drops = drops;
        self
    }

    /// How many customers have been added: the next slice starts there.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// Adds the next customers of the list.
    pub fn add(&mut self, next: &[Customer]) {
        for customer in next {
            self.index.push(customer);
            let context = ChurnContext {
                falling_satisfaction: self.drops.get(&customer.id).map(|&(last, previous_mean)| {
                    SatisfactionDrop {
                        last,
                        previous_mean,
                    }
                }),
            };
            self.facts.push(unclassed_facts_in(
                customer,
                self.today,
                &self.conversion,
                &context,
            ));
            for tag in &customer.tags {
                remember(&mut self.tags, tag);
            }
            remember(&mut self.owners, &customer.owner);
        }
    }

    /// Completes the preparation of `customers`, the list whose every customer has been
    /// added in order: the value classes need the ABC split over all of them.
    pub fn finish(mut self, customers: &[Customer]) -> Prepared {
        assert_eq!(
            self.len(),
            customers.len(),
            "every customer is added before the preparation is finished"
        );
        let abc = abc_in_list_order(customers, &AbcThresholds::default(), &self.conversion);
        classify(customers, &mut self.facts, &abc);
        Prepared {
            revision: REVISION.fetch_add(1, Ordering::Relaxed),
            index: self.index,
            facts: self.facts,
            abc: Arc::new(abc),
            tags: self.tags.into_iter().collect(),
            owners: self.owners.into_iter().collect(),
        }
    }
}

/// Adds a non-empty `value` to `set`, copying it only when it is new.
fn remember(set: &mut BTreeSet<String>, value: &str) {
    if !value.is_empty() && !set.contains(value) {
        set.insert(value.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::super::abc::abc_classes;
    use super::super::demo::demo_customers;
    use super::super::filter::row_facts;
    use super::super::test_support::cny;
    use super::*;

    #[test]
    fn built_in_slices_equals_built_at_once() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let customers = demo_customers(7, 503, today);
        let whole = Prepared::new(&customers, today, &cny());
        // (slice length) — 1, uneven, and longer than the list.
        for step in [1, 97, 1000] {
            let mut builder = PreparedBuilder::new(today, cny());
            while builder.len() < customers.len() {
                let end = (builder.len() + step).min(customers.len());
                builder.add(&customers[builder.len()..end]);
            }
            let sliced = builder.finish(&customers);
            assert_eq!(sliced.facts, whole.facts, "step {step}");
            assert_eq!(sliced.abc, whole.abc, "step {step}");
            assert_eq!(
                (&sliced.tags, &sliced.owners),
                (&whole.tags, &whole.owners),
                "step {step}"
            );
            assert_eq!(sliced.index.len(), customers.len(), "step {step}");
            for query in ["", "wang", "北京", "138", "gmail"] {
                assert_eq!(
                    sliced.index.search(query),
                    whole.index.search(query),
                    "step {step}, query {query:?}"
                );
            }
            assert!(sliced != whole, "each build is its own revision");
        }
        assert_eq!(
            whole.facts,
            row_facts(&customers, &AbcThresholds::default(), today, &cny())
        );
        // The suggestions are in list order, one per customer.
        let by_rank = abc_classes(&customers, &AbcThresholds::default(), &cny());
        let ids: Vec<u64> = whole.abc.iter().map(|s| s.customer_id).collect();
        let list_ids: Vec<u64> = customers.iter().map(|c| c.id).collect();
        assert_eq!(ids, list_ids);
        assert_eq!(whole.abc.len(), by_rank.len());
        assert!(whole.abc.iter().all(|s| by_rank.contains(s)));
    }

    #[test]
    fn falling_satisfaction_raises_the_churn_level_in_the_list() {
        // The list's churn level is the customer page's: with falling satisfaction
        // reported, a low-risk customer is medium, like `churn_risk` with that context.
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let customers = demo_customers(7, 60, today);
        let plain = Prepared::new(&customers, today, &cny());
        let low = customers
            .iter()
            .zip(&plain.facts)
            .find(|(_, f)| f.churn_level == Some(super::super::churn::ChurnLevel::Low))
            .map(|(c, _)| c.id)
            .expect("a low-risk demo customer");
        let drops: SatisfactionDrops = [(low, (3.0, 9.0))].into_iter().collect();
        let mut builder = PreparedBuilder::new(today, cny()).with_drops(Arc::new(drops));
        builder.add(&customers);
        let told = builder.finish(&customers);
        for ((customer, before), after) in customers.iter().zip(&plain.facts).zip(&told.facts) {
            if customer.id == low {
                assert_eq!(
                    after.churn_level,
                    Some(super::super::churn::ChurnLevel::Medium)
                );
            } else {
                assert_eq!(after, before, "customer {}", customer.id);
            }
        }
    }

    #[test]
    fn distinct_tags_and_owners_sorted_without_blanks() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let mut customers = demo_customers(7, 3, today);
        customers[0].tags = vec!["vip".into(), "北京".into()];
        customers[1].tags = vec!["vip".into(), "".into()];
        customers[2].tags = vec![];
        customers[0].owner = "Li".into();
        customers[1].owner = "".into();
        customers[2].owner = "Li".into();
        let prepared = Prepared::new(&customers, today, &cny());
        assert_eq!(prepared.tags, vec!["vip", "北京"]);
        assert_eq!(prepared.owners, vec!["Li"]);
    }

    #[test]
    #[should_panic(expected = "every customer is added")]
    fn finishing_early_is_a_bug() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let customers = demo_customers(7, 10, today);
        let mut builder = PreparedBuilder::new(today, cny());
        builder.add(&customers[..5]);
        builder.finish(&customers);
    }
}
