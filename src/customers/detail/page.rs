//! The customer page (`/customers/:id`): profile, figures, timeline and churn in one place,
//! the single shared record every team reads.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::churn::ChurnSection;
use super::classification::Classification;
use super::figures::Figures;
use super::identity::Identity;
use super::messages::DetailMsg;
use super::relationship::Relationship;
use super::timeline::Timeline;
use super::widgets::customer_signal;
use crate::components::leave_guard::PageForms;
use crate::components::text::tr;
use crate::customers::state::use_customers;
use crate::i18n::CommonMsg;
use crate::paths;
use crate::state::use_app_state;
use crate::tasks::in_next_task;

/// The `:id` of the current route, when it is a number.
pub fn use_customer_id() -> Signal<Option<u64>> {
    let params = use_params_map();
    Signal::derive(move || params.read().get("id").and_then(|id| id.parse().ok()))
}

/// One customer's page.
#[component]
pub fn CustomerPage() -> impl IntoView {
    let state = use_customers();
    let app = use_app_state();
    let id = use_customer_id();
    let exists = Memo::new(move |_| {
        id.get()
            .is_some_and(|id| state.customers.with(|book| book.get(id).is_some()))
    });
    let customer = customer_signal(id);
    let id_value = Signal::derive(move || id.get().unwrap_or_default());
    PageForms::provide();
    // The activity column (figures, timeline) is built in the next task: opening a
    // customer is then two shorter tasks, and the profile shows a frame sooner.
    let activity_ready = in_next_task();
    view! {
        <section class="page customer-page" data-testid="page-customer">
            <Show when=move || exists.get() fallback=|| view! { <NotFound /> }>
                <header class="customer-header">
                    <h1 data-testid="customer-name">{move || customer.with(|c| c.name.clone())}</h1>
                    <A href=move || paths::edit_customer(id_value.get()) attr:class="button" attr:data-testid="edit-customer">
                        {tr(DetailMsg::Edit)}
                    </A>
                </header>
                // The figures come first in the page (first on a phone, above the long
                // profile); on a wide screen the grid puts them beside it, at the top.
                <div class="customer-columns">
                    <div class="customer-figures-area">
                        <Show when=move || activity_ready.get()>
                            <Figures customer />
                        </Show>
                    </div>
                    <div class="customer-profile">
                        <Identity customer />
                        <Classification customer />
                        <Relationship customer />
                        <ChurnSection customer />
                    </div>
                    <div class="customer-activity">
                        <Show when=move || activity_ready.get()>
                            // What other sections keep about this customer (credit, …).
                            {move || {
                                let id = id_value.get();
                                app.customer_panels().into_iter().map(|panel| panel(id)).collect_view()
                            }}
                            <Timeline customer />
                        </Show>
                    </div>
                </div>
            </Show>
        </section>
    }
}

/// What an unknown id shows: a clear message and the way back.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="card" data-testid="customer-not-found">
            <h1>{tr(DetailMsg::NotFoundTitle)}</h1>
            <p>{tr(DetailMsg::NotFoundBody)}</p>
            <p><A href=paths::customers("")>{tr(CommonMsg::BackToCustomers)}</A></p>
        </div>
    }
}
