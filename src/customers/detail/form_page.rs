//! The pages around the customer form: `/customers/new` and `/customers/:id/edit`.

use leptos::prelude::*;

use super::customer_form::CustomerForm;
use super::messages::DetailMsg;
use super::page::{use_customer_id, NotFound};
use crate::components::text::{tr, use_lang};
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};

/// The form for a new customer.
#[component]
pub fn NewCustomerPage() -> impl IntoView {
    view! {
        <section class="page customer-form-page" data-testid="page-customer-new">
            <h1>{tr(DetailMsg::NewCustomer)}</h1>
            <CustomerForm original=None />
        </section>
    }
}

/// The form for editing a customer; the record is read once, so changes made elsewhere
/// while editing do not pull the draft out from under the user.
#[component]
pub fn EditCustomerPage() -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let id = use_customer_id();
    let original = Memo::new(move |_| {
        let id = id.get()?;
        state.customers.with_untracked(|book| book.get(id).cloned())
    });
    view! {
        <section class="page customer-form-page" data-testid="page-customer-edit">
            {move || match original.get() {
                Some(customer) => {
                    let name = customer.name.clone();
                    view! {
                        <h1>{move || fill(DetailMsg::EditCustomer.in_lang(lang.get()), &[&name])}</h1>
                        <CustomerForm original=Some(customer) />
                    }
                    .into_any()
                }
                None => view! { <NotFound /> }.into_any(),
            }}
        </section>
    }
}
