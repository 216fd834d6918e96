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
use crate::state::Persisted;
use crate::tasks::{next_task, STEP_MS};

/// What a derived value was made for: the book version, the date and the money rule
/// (home currency and rates: spend, ABC and RFM follow a change of either).
type MadeFor = (u64, NaiveDate, Conversion);

/// One derived value and what it was made for.
type Slot<T> = StoredValue<Option<(MadeFor, Arc<T>)>>;

/// What `slot` holds, if it was made for `made_for`.
fn kept<T: Send + Sync + 'static>(slot: Slot<T>, made_for: &MadeFor) -> Option<Arc<T>> {
    slot.with_value(|kept| match kept {
        Some((made, value)) if made == made_for => Some(value.clone()),
        _ => None,
    })
}

/// What `slot` holds if it was made for `made_for`, else `make()`, kept in `slot`.
fn fetch<T: Send + Sync + 'static>(
    slot: Slot<T>,
    made_for: MadeFor,
    make: impl FnOnce() -> T,
) -> Arc<T> {
    kept(slot, &made_for).unwrap_or_else(|| {
        let value = Arc::new(make());
        slot.set_value(Some((made_for, value.clone())));
        value
    })
}

/// The derived figures of the customer book; `Copy`, held by the app state.
#[derive(Clone, Copy)]
pub struct BookDerived {
    /// The money rule the figures are made with (tracked: a change of the home currency
    /// or a rate remakes them).
    conversion: Memo<Conversion>,
    prepared: Slot<Prepared>,
    abc: Slot<Vec<AbcSuggestion>>,
    rfm: Slot<Vec<RfmScore>>,
}

impl BookDerived {
    pub fn new(conversion: Memo<Conversion>) -> Self {
        BookDerived {
            conversion,
            prepared: StoredValue::new(None),
            abc: StoredValue::new(None),
            rfm: StoredValue::new(None),
        }
    }

    /// The list's preparation of the customers shown now (tracks the book).
    pub fn prepared(&self, customers: Persisted<CustomerBook>) -> Arc<Prepared> {
        let conversion = self.conversion.get();
        customers.with(|book| {
            let today = today();
            fetch(
                self.prepared,
                (customers.generation(), today, conversion.clone()),
                || Prepared::new(&book.customers, today, &conversion),
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
            if let Some(prepared) = kept(self.prepared, &made_for) {
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
        let made_for = (
            customers.generation(),
            today(),
            self.conversion.get_untracked(),
        );
        if kept(self.prepared, &made_for).is_some() {
            return;
        }
        let all = customers.with_untracked(|book| book.customers.len());
        let mut builder = PreparedBuilder::new(made_for.1, made_for.2.clone());
        loop {
            // Yields first: the caller has just finished a step of its own.
            progress(builder.len(), all);
            next_task().await;
            if customers.generation() != made_for.0
                || self.conversion.get_untracked() != made_for.2
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
