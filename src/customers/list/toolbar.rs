//! The list toolbar: search-as-you-type, links to create, import and find duplicates.

use leptos::prelude::*;
use leptos_router::components::A;

use super::context::use_list;
use super::messages::ListMsg;
use crate::components::text::{tr, use_lang};
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};
use crate::paths;

/// Search box and the page's main links; on a phone, also the buttons that unfold the
/// filters and the other actions (hidden on wider screens, where both are always shown).
#[component]
pub fn Toolbar(
    /// Whether the filters are unfolded (phones only).
    filters_open: RwSignal<bool>,
    /// Whether the other actions are unfolded (phones only).
    more_open: RwSignal<bool>,
) -> impl IntoView {
    let list = use_list();
    let lang = use_lang();
    let state = use_customers();
    let has_customers = move || state.customers.with(|b| !b.customers.is_empty());
    let active_filters = move || {
        list.filter.with(|f| {
            f.to_query_pairs()
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "q" | "sort" | "dir"))
                .count()
        })
    };
    let filters_label = move || match active_filters() {
        0 => ListMsg::Filters.in_lang(lang.get()).to_owned(),
        n => fill(
            ListMsg::FiltersActive.in_lang(lang.get()),
            &[&n.to_string()],
        ),
    };
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
                <A href=paths::import_customers() attr:class="button ghost wide-only" attr:data-testid="import-link">
                    {tr(ListMsg::Import)}
                </A>
                <A href=paths::duplicates("") attr:class="button ghost wide-only" attr:data-testid="duplicates-link">
                    {tr(ListMsg::FindDuplicates)}
                </A>
                // With no customers yet there is nothing to fold: the actions (Load demo
                // data) show as they are.
                <Show when=has_customers>
                    <button type="button" class="ghost narrow-only" data-testid="filters-toggle"
                        aria-controls="customer-filters" aria-expanded=move || filters_open.get().to_string()
                        on:click=move |_| filters_open.update(|o| *o = !*o)>{filters_label}</button>
                    <button type="button" class="ghost narrow-only" data-testid="more-toggle"
                        aria-controls="customer-data-actions" aria-expanded=move || more_open.get().to_string()
                        on:click=move |_| more_open.update(|o| *o = !*o)>
                        {tr(ListMsg::MoreActions)}<span aria-hidden="true">" ▾"</span>
                    </button>
                </Show>
            </div>
        </div>
    }
}
