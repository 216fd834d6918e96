//! The customer section's state: the stored customer book, registered with the app
//! state, and the figures derived from all customers, kept here beside it.

use leptos::prelude::*;

use super::book::CustomerBook;
use super::derived::BookDerived;
use crate::money::Conversion;
use crate::state::{AppState, Loading, Persisted};
use crate::tasks::{after_ms, mark, next_task};

/// How long background work waits after a change (ms): saving an edit shows the customer
/// page in two tasks, which a background step started at once would hold up.
const BACKGROUND_DELAY_MS: i32 = 200;

/// The customers and what is derived from them, provided as context.
#[derive(Clone, Copy)]
pub struct CustomersState {
    pub customers: Persisted<CustomerBook>,
    /// Figures derived from the whole customer book, kept until it changes.
    pub derived: BookDerived,
    /// The home currency and rates every figure over several purchases goes through.
    pub conversion: Memo<Conversion>,
}

impl CustomersState {
    /// Registers the customer book and starts reading it; every page waits until it is
    /// whole (at most a moment, see [`AppState::loading`]).
    pub fn provide(app: AppState) -> Self {
        let customers = app.unread::<CustomerBook>(Loading::Reading { read: 0, all: 0 });
        let state = Self {
            customers,
            derived: BookDerived::new(app.conversion, Memo::new(move |_| app.satisfaction_drops())),
            conversion: app.conversion,
        };
        state.refresh_derived_after_changes(app);
        provide_context(state);
        leptos::task::spawn_local(state.load(app));
        state
    }

    /// After each change of the customers (an edit, an import, another tab's write), the
    /// figures over all of them are rebuilt in short background tasks, so the list and
    /// the customer page find them ready instead of rebuilding them in one long task.
    fn refresh_derived_after_changes(self, app: AppState) {
        Effect::new(move |_| {
            self.customers.with(|_| ());
            if app.loading.get_untracked().is_some() {
                return;
            }
            let generation = self.customers.generation();
            leptos::task::spawn_local(async move {
                // Not before the page that made the change has been built and shown.
                after_ms(BACKGROUND_DELAY_MS).await;
                if self.customers.generation() != generation {
                    // A later change is waiting its own turn: one rebuild, not one each.
                    return;
                }
                self.derived
                    .prepare_in_steps(self.customers, |_, _| {})
                    .await;
                next_task().await;
                self.derived.rfm(self.customers);
            });
        });
    }

    /// Reads the customers and prepares the list in short tasks, then lets the pages
    /// show.
    async fn load(self, app: AppState) {
        // The app's own start (instantiating, mounting the shell) is a task already: the
        // first step of reading gets a task of its own.
        next_task().await;
        mark("crm:reading");
        let loading = app.loading;
        self.customers
            .read_in_steps(|read, all| loading.set(Some(Loading::Reading { read, all })))
            .await;
        mark("crm:read");
        self.derived
            .prepare_in_steps(self.customers, |done, all| {
                loading.set(Some(Loading::Preparing { done, all }))
            })
            .await;
        // The first render of a page gets a task of its own.
        next_task().await;
        self.customers.loaded();
        mark("crm:prepared");
        app.started();
        // RFM quintiles over all customers, ready before the first customer is opened.
        next_task().await;
        self.derived.rfm(self.customers);
    }
}

impl CustomersState {
    /// Each customer's name by id, made once per change of the book: for pages that name
    /// thousands of customers (the aging, credit exposure) instead of a search per row.
    pub fn names_by_id(self) -> Memo<std::collections::HashMap<u64, String>> {
        Memo::new(move |_| {
            self.customers
                .with(|b| b.customers.iter().map(|c| (c.id, c.name.clone())).collect())
        })
    }

    /// Every customer as (id, name), sorted by name: what a customer picker offers.
    pub fn names_by_name(self) -> Memo<Vec<(u64, String)>> {
        Memo::new(move |_| {
            self.customers.with(|b| {
                let mut list: Vec<(u64, String)> =
                    b.customers.iter().map(|c| (c.id, c.name.clone())).collect();
                list.sort_by(|a, b| a.1.cmp(&b.1));
                list
            })
        })
    }
}

/// The customer section's state from context.
pub fn use_customers() -> CustomersState {
    expect_context::<CustomersState>()
}

/// After the demo customers are loaded: the demo's illustrative rates into the home
/// currency, for each demo currency the user has no rate for yet (their own stay), so
/// the demo's dollar and yuan purchases both count.
pub fn add_demo_rates(app: AppState) {
    let home = app.conversion.get_untracked().home;
    let rates = super::domain::demo_rates(home, crate::clock::today());
    app.settings.edit(move |s| {
        for rate in &rates {
            if !s.rates.iter().any(|r| r.currency == rate.currency) {
                s.rates.push(rate.clone());
            }
        }
        s.rates.sort_by_key(|r| r.currency);
    });
}
