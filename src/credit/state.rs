//! The credit section's state: the stored credit book (policy, files, ledger), registered
//! with the app state, with what the section adds to "Load demo data". What it adds to the
//! customer pages is registered beside it, in `credit::provide`.

use leptos::prelude::*;

use super::domain::demo::{demo_credit, DemoPurchase};
use super::domain::CreditBook;
use crate::clock::today;
use crate::customers::domain::{CustomerKind, InteractionKind};
use crate::customers::state::{use_customers, CustomersState};
use crate::state::{AppState, Loading};
use crate::tasks::next_task;

/// The credit book, provided as context.
#[derive(Clone, Copy)]
pub struct CreditState {
    pub book: crate::state::Persisted<CreditBook>,
}

impl CreditState {
    pub fn provide(app: AppState) -> Self {
        // A ledger of 180,000 entries takes about 200 ms to read: it is read a few shards
        // per task beside the customers, and the pages wait for both.
        let state = Self {
            book: app.unread::<CreditBook>(Loading::Reading { read: 0, all: 0 }),
        };
        leptos::task::spawn_local(async move {
            next_task().await;
            state.book.read_in_steps(|_, _| {}).await;
            state.book.loaded();
            app.started();
        });
        provide_context(state);
        let customers = use_customers();
        app.on_demo_loaded(move || state.load_demo(customers));
        state
    }

    /// Replaces the credit book with the demo's, built on the demo customers just loaded.
    fn load_demo(self, customers: CustomersState) {
        let input: Vec<(u64, Vec<DemoPurchase>)> = customers.customers.with_untracked(|book| {
            book.customers
                .iter()
                .filter(|c| c.kind == CustomerKind::Business)
                .map(|c| {
                    let purchases = c
                        .interactions
                        .iter()
                        .filter_map(|i| match &i.kind {
                            InteractionKind::Purchase {
                                amount_cents,
                                currency,
                                items,
                            } => {
                                Some((i.id, i.date, *amount_cents, currency.clone(), items.clone()))
                            }
                            _ => None,
                        })
                        .collect();
                    (c.id, purchases)
                })
                .collect()
        });
        let demo = demo_credit(&input, today());
        self.book.update(|book| *book = demo);
    }
}

/// The credit section's state from context.
pub fn use_credit() -> CreditState {
    expect_context::<CreditState>()
}
