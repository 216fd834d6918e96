//! The Surveys section's state: the stored survey book (surveys, responses, earlier
//! layouts; stored as `super::book` says), read in steps at start-up and registered with
//! the app state, with what the section adds to the customers' churn risk (the reason
//! "falling satisfaction") and to "Load demo data". Its card on the customer pages is
//! registered beside it, in `surveys::provide`.

use std::sync::Arc;

use leptos::prelude::*;

use super::domain::demo::demo_surveys;
use super::domain::trend::falls_by_customer;
use super::domain::SurveyBook;
use crate::clock::today;
use crate::customers::state::{use_customers, CustomersState};
use crate::state::{AppState, Loading, SatisfactionDrops};
use crate::tasks::next_task;

/// The survey book, provided as context.
#[derive(Clone, Copy)]
pub struct SurveysState {
    pub book: crate::state::Persisted<SurveyBook>,
    /// Whose satisfaction is falling (churn risk's reason), worked out once per change of
    /// the book for every linked customer.
    drops: Memo<Arc<SatisfactionDrops>>,
}

impl SurveysState {
    pub fn provide(app: AppState) -> Self {
        // 10,000 responses take tens of milliseconds to read: they are read a few shards
        // per task beside the customers, and the pages wait for all of them.
        let book = app.unread::<SurveyBook>(Loading::Reading { read: 0, all: 0 });
        let drops = Memo::new(move |_| {
            Arc::new(book.with(|b| {
                falls_by_customer(b)
                    .into_iter()
                    .map(|(id, fall)| (id, (fall.last, fall.previous_mean)))
                    .collect()
            }))
        });
        let state = Self { book, drops };
        leptos::task::spawn_local(async move {
            next_task().await;
            state.book.read_in_steps(|_, _| {}).await;
            state.book.loaded();
            app.started();
        });
        provide_context(state);
        app.add_satisfaction_source(|| {
            use_context::<SurveysState>()
                .map(|surveys| surveys.drops.get())
                .unwrap_or_default()
        });
        let customers = use_customers();
        app.on_demo_loaded(move || state.load_demo(customers));
        state
    }

    /// Replaces the survey book with the demo's, linked to the demo customers just loaded.
    fn load_demo(self, customers: CustomersState) {
        let ids: Vec<u64> = customers
            .customers
            .with_untracked(|book| book.customers.iter().map(|c| c.id).collect());
        let demo = demo_surveys(&ids, today());
        self.book.update(|book| *book = demo);
    }
}

/// The Surveys section's state from context.
pub fn use_surveys() -> SurveysState {
    expect_context::<SurveysState>()
}
