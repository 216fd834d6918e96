//! The list toolbar: search-as-you-type, links to create, import and find duplicates.

use leptos::prelude::*;
use leptos_router::components::A;

use super::context::use_list;
use super::messages::ListMsg;
use crate::components::text::tr;
use crate::paths;

/// Search box and the page's main links.
#[component]
pub fn Toolbar() -> impl IntoView {
    let list = use_list();
    let query = move || list.filter.with(|f| f.query.clone());
    // Each keystroke replaces the history entry, so Back leaves the list instead of
    // stepping through every letter typed.
    let on_input = move |ev| list.set_param("q", &event_target_value(&ev), true);
    view! {
        <div class="list-toolbar">
            <label class="field search-field">
                <span>{tr(ListMsg::Search)}</span>
                <input
                    type="search"
                    data-testid="customer-search"
                    placeholder=tr(ListMsg::SearchHint)
                    prop:value=query
                    on:input=on_input
                />
            </label>
            <div class="toolbar-links">
                <A href=paths::new_customer() attr:class="button" attr:data-testid="new-customer">
                    {tr(ListMsg::NewCustomer)}
                </A>
                <A href=paths::import_customers() attr:class="button ghost" attr:data-testid="import-link">
                    {tr(ListMsg::Import)}
                </A>
                <A href=paths::duplicates("") attr:class="button ghost" attr:data-testid="duplicates-link">
                    {tr(ListMsg::FindDuplicates)}
                </A>
            </div>
        </div>
    }
}
