//! Who the customer is: name, type, company, contacts, owner, tags, notes and dates.

use leptos::prelude::*;

use super::messages::DetailMsg;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{Customer, Field};
use crate::customers::labels::Labelled;

/// The identity card of the customer page.
#[component]
pub fn Identity(
    /// The customer shown.
    customer: Signal<Customer>,
) -> impl IntoView {
    let lang = use_lang();
    let row = move |field: Field,
                    testid: &'static str,
                    value: Box<dyn Fn(&Customer) -> String + Send + Sync>| {
        view! {
            <div class="fact">
                <dt>{move || field.label(lang.get())}</dt>
                <dd data-testid=testid>
                    {move || {
                        let text = customer.with(|c| value(c));
                        if text.is_empty() { "—".to_owned() } else { text }
                    }}
                </dd>
            </div>
        }
    };
    let kind = move || customer.with(|c| c.kind.label(lang.get()));
    let stamp = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    view! {
        <div class="card" data-testid="customer-identity">
            <h2>{tr(DetailMsg::IdentityHeading)}</h2>
            <dl class="facts">
                <div class="fact">
                    <dt>{move || Field::Kind.label(lang.get())}</dt>
                    <dd data-testid="customer-kind">{kind}</dd>
                </div>
                {row(Field::Company, "customer-company", Box::new(|c| c.company.clone()))}
                {row(Field::Phone, "customer-phone", Box::new(|c| c.phone.clone()))}
                {row(Field::Email, "customer-email", Box::new(|c| c.email.clone()))}
                {row(Field::Address, "customer-address", Box::new(|c| c.address.clone()))}
                {row(Field::Owner, "customer-owner", Box::new(|c| c.owner.clone()))}
                <div class="fact">
                    <dt>{move || Field::Tags.label(lang.get())}</dt>
                    <dd data-testid="customer-tags">
                        {move || {
                            let tags = customer.with(|c| c.tags.clone());
                            if tags.is_empty() {
                                view! { "—" }.into_any()
                            } else {
                                tags.into_iter().map(|t| view! { <span class="tag">{t}</span> }).collect_view().into_any()
                            }
                        }}
                    </dd>
                </div>
                {row(Field::Notes, "customer-notes", Box::new(|c| c.notes.clone()))}
                <div class="fact">
                    <dt>{tr(DetailMsg::Created)}</dt>
                    <dd>{move || customer.with(|c| stamp(c.created_at))}</dd>
                </div>
                <div class="fact">
                    <dt>{tr(DetailMsg::Updated)}</dt>
                    <dd>{move || customer.with(|c| stamp(c.updated_at))}</dd>
                </div>
            </dl>
        </div>
    }
}
