//! Figures derived from the whole customer book: the list's preparation (search index,
//! row facts, ABC suggestions), and the RFM scores. Each is kept until the book or the
//! date changes, so going back to the list or opening another customer does not redo
//! work over 10,000 customers.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::book::CustomerBook;
use super::domain::{
    abc_in_list_order, rfm_scores, AbcSuggestion, AbcThresholds, Prepared, PreparedBuilder,
    RfmScore,
};
use crate::clock::today;
use crate::money::Conversion;
use crate::state::{Persisted, SatisfactionDrops};
use crate::tasks::{next_task, STEP_MS};

/// What a derived value was made for: the book version, the date and the money rule
/// (home currency and rates: spend, ABC and RFM follow a change of either).
type MadeFor = (u64, NaiveDate, Conversion);

/// What the list's preparation was made for: the above, and the other sections' word on
/// whose satisfaction is falling (churn risk), told apart by where it is kept.
type PreparedFor = (MadeFor, usize);

/// One derived value and what it was made for.
type Slot<T, K = MadeFor> = StoredValue<Option<(K, Arc<T>)>>;

/// What `slot` holds, if it was made for `made_for`.
fn kept<T: Send + Sync + 'static, K: PartialEq + Send + Sync + 'static>(
    slot: Slot<T, K>,
    made_for: &K,
) -> Option<Arc<T>> {
    slot.with_value(|kept| match kept {
        Some((made, value)) if made == made_for => Some(value.clone()),
        _ => None,
    })
}

/// What `slot` holds if it was made for `made_for`, else `make()`, kept in `slot`.
fn fetch<T: Send + Sync + 'static, K: PartialEq + Send + Sync + 'static>(
    slot: Slot<T, K>,
    made_for: K,
    make: impl FnOnce() -> T,
) -> Arc<T> {
    kept(slot, &made_for).unwrap_or_else(|| {
        let value = Arc::new(make());
        slot.set_value(Some((made_for, value.clone())));
        value
    })
}

/// Tells one report of falling satisfaction from another by where it is kept: a new
/// report is a new `Arc`.
fn drops_key(drops: &Arc<SatisfactionDrops>) -> usize {
    Arc::as_ptr(drops) as usize
}

/// The derived figures of the customer book; `Copy`, held by the app state.
#[derive(Clone, Copy)]
pub struct BookDerived {
    /// The money rule the figures are made with (tracked: a change of the home currency
    /// or a rate remakes them).
    conversion: Memo<Conversion>,
    /// Whose satisfaction other sections find falling (tracked: churn risk follows it).
    drops: Memo<Arc<SatisfactionDrops>>,
    prepared: Slot<Prepared, PreparedFor>,
    abc: Slot<Vec<AbcSuggestion>>,
    rfm: Slot<Vec<RfmScore>>,
}

impl BookDerived {
    pub fn new(conversion: Memo<Conversion>, drops: Memo<Arc<SatisfactionDrops>>) -> Self {
        BookDerived {
            conversion,
            drops,
            prepared: StoredValue::new(None),
            abc: StoredValue::new(None),
            rfm: StoredValue::new(None),
        }
    }

    /// The list's preparation of the customers shown now (tracks the book).
    pub fn prepared(&self, customers: Persisted<CustomerBook>) -> Arc<Prepared> {
        let conversion = self.conversion.get();
        let drops = self.drops.get();
        customers.with(|book| {
            let today = today();
            fetch(
                self.prepared,
                (
                    (customers.generation(), today, conversion.clone()),
                    drops_key(&drops),
                ),
                || {
                    let mut builder =
                        PreparedBuilder::new(today, conversion.clone()).with_drops(drops.clone());
                    builder.add(&book.customers);
                    builder.finish(&book.customers)
                },
            )
        })
    }

    /// Every customer's ABC suggestion, in book order (tracks the book): the list's, when
    /// it is prepared for this version of the book, so the customer page does not wait for
    /// a whole preparation after an edit.
    pub fn abc(&self, customers: Persisted<CustomerBook>) -> Arc<Vec<AbcSuggestion>> {
        let conversion = self.conversion.get();
        customers.with(|book| {
            let made_for = (customers.generation(), today(), conversion.clone());
            let drops = self.drops.with_untracked(drops_key);
            if let Some(prepared) = kept(self.prepared, &(made_for.clone(), drops)) {
                return prepared.abc.clone();
            }
            fetch(self.abc, made_for, || {
                abc_in_list_order(&book.customers, &AbcThresholds::default(), &conversion)
            })
        })
    }

    /// Every customer's RFM scores, in book order (tracks the book).
    pub fn rfm(&self, customers: Persisted<CustomerBook>) -> Arc<Vec<RfmScore>> {
        let conversion = self.conversion.get();
        customers.with(|book| {
            let today = today();
            fetch(
                self.rfm,
                (customers.generation(), today, conversion.clone()),
                || rfm_scores(&book.customers, today, &conversion),
            )
        })
    }

    /// Prepares the customers shown now a slice per task, starting in a new task and
    /// telling `progress` (customers done, in all) between slices;
    /// [`prepared`](Self::prepared) then finds it ready.
    pub async fn prepare_in_steps(
        &self,
        customers: Persisted<CustomerBook>,
        progress: impl Fn(usize, usize),
    ) {
        /// Customers added between two looks at the clock.
        const SLICE: usize = 100;
        let drops = self.drops.get_untracked();
        let made_for = (
            (
                customers.generation(),
                today(),
                self.conversion.get_untracked(),
            ),
            drops_key(&drops),
        );
        if kept(self.prepared, &made_for).is_some() {
            return;
        }
        let all = customers.with_untracked(|book| book.customers.len());
        let mut builder =
            PreparedBuilder::new(made_for.0 .1, made_for.0 .2.clone()).with_drops(drops);
        loop {
            // Yields first: the caller has just finished a step of its own.
            progress(builder.len(), all);
            next_task().await;
            if customers.generation() != made_for.0 .0
                || self.conversion.get_untracked() != made_for.0 .2
                || self.drops.with_untracked(drops_key) != made_for.1
                || kept(self.prepared, &made_for).is_some()
            {
                // The book changed meanwhile (what was built is for an old version; the
                // list prepares the new one when it is first shown), or the list has
                // prepared this version itself.
                return;
            }
            let started = js_sys::Date::now();
            while builder.len() < all && js_sys::Date::now() - started < STEP_MS {
                let end = (builder.len() + SLICE).min(all);
                customers.with_untracked(|book| builder.add(&book.customers[builder.len()..end]));
            }
            if builder.len() == all {
                break;
            }
        }
        let prepared = customers.with_untracked(|book| builder.finish(&book.customers));
        self.prepared
            .set_value(Some((made_for, Arc::new(prepared))));
    }
}
