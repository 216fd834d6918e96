//! What the customer list needs before it can filter: the search index and each
//! customer's row facts. Built once per change of the customers, never per keystroke;
//! [`PreparedBuilder`] builds it a slice at a time so a caller can spread 10,000
//! customers over several short tasks.

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;

use super::abc::AbcThresholds;
use super::filter::{classify, unclassed_facts, RowFacts};
use super::model::Customer;
use super::search::SearchIndex;

/// Counts builds, so two preparations compare equal only when they are the same build.
static REVISION: AtomicU64 = AtomicU64::new(0);

/// The search index and row facts of one list of customers, in list order.
pub struct Prepared {
    revision: u64,
    pub index: SearchIndex,
    pub facts: Vec<RowFacts>,
}

impl Prepared {
    /// Prepares `customers` in one go.
    pub fn new(customers: &[Customer], today: NaiveDate) -> Self {
        let mut builder = PreparedBuilder::new(today);
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
    today: NaiveDate,
}

impl PreparedBuilder {
    pub fn new(today: NaiveDate) -> Self {
        PreparedBuilder {
            index: SearchIndex::new(&[]),
            facts: Vec::new(),
            today,
        }
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
            self.facts.push(unclassed_facts(customer, self.today));
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
        classify(customers, &mut self.facts, &AbcThresholds::default());
        Prepared {
            revision: REVISION.fetch_add(1, Ordering::Relaxed),
            index: self.index,
            facts: self.facts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::demo::demo_customers;
    use super::super::filter::row_facts;
    use super::*;

    #[test]
    fn built_in_slices_equals_built_at_once() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let customers = demo_customers(7, 503, today);
        let whole = Prepared::new(&customers, today);
        // (slice length) — 1, uneven, and longer than the list.
        for step in [1, 97, 1000] {
            let mut builder = PreparedBuilder::new(today);
            while builder.len() < customers.len() {
                let end = (builder.len() + step).min(customers.len());
                builder.add(&customers[builder.len()..end]);
            }
            let sliced = builder.finish(&customers);
            assert_eq!(sliced.facts, whole.facts, "step {step}");
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
            row_facts(&customers, &AbcThresholds::default(), today)
        );
    }

    #[test]
    #[should_panic(expected = "every customer is added")]
    fn finishing_early_is_a_bug() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let customers = demo_customers(7, 10, today);
        let mut builder = PreparedBuilder::new(today);
        builder.add(&customers[..5]);
        builder.finish(&customers);
    }
}
