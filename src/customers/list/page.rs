//! The customer list page: toolbar, filters, status line, bulk actions, table and pager.

use leptos::prelude::*;
use leptos_router::components::A;

use super::bulk::BulkBar;
use super::context::ListContext;
use super::data_actions::{demo_loader, DataActions};
use super::filters::Filters;
use super::messages::ListMsg;
use super::status::StatusLine;
use super::table::CustomerTable;
use super::toolbar::Toolbar;
use crate::components::text::tr;
use crate::customers::state::use_customers;
use crate::paths;

/// The customer list: every customer, searchable and filterable, with the view in the URL.
#[component]
pub fn CustomerListPage() -> impl IntoView {
    let state = use_customers();
    ListContext::provide();
    let empty = move || state.customers.with(|b| b.customers.is_empty());
    // On a phone the filters and the secondary actions fold behind one button each.
    let (filters_open, more_open) = (RwSignal::new(false), RwSignal::new(false));
    view! {
        <section class="page list-page customer-list" data-testid="page-customers">
            <h1>{tr(ListMsg::Title)}</h1>
            <p class="muted">{tr(ListMsg::Intro)}</p>
            <Toolbar filters_open more_open />
            <DataActions open=more_open />
            <StatusLine />
            <Show when=empty fallback=move || view! { <Filters open=filters_open /> <BulkBar /> <CustomerTable /> }>
                <EmptyState />
            </Show>
        </section>
    }
}

/// What to do when there are no customers at all.
#[component]
fn EmptyState() -> impl IntoView {
    let load_demo = demo_loader();
    view! {
        <div class="card empty-state" data-testid="customers-empty">
            <h2>{tr(ListMsg::EmptyTitle)}</h2>
            <p>{tr(ListMsg::EmptyBody)}</p>
            <div class="actions">
                <A href=paths::new_customer() attr:class="button">{tr(ListMsg::NewCustomer)}</A>
                <A href=paths::import_customers() attr:class="button ghost">{tr(ListMsg::Import)}</A>
                <button type="button" class="ghost" data-testid="empty-load-demo" on:click=move |_| load_demo()>{tr(ListMsg::LoadDemo)}</button>
            </div>
        </div>
    }
}
