//! The customer table: sortable headers, one page of rows, selection checkboxes, the pager.

use leptos::prelude::*;

use super::context::use_list;
use super::messages::ListMsg;
use super::pager::Pager;
use super::row::{CustomerRow, RowData};
use super::view_query::{page_window, ListQuery};
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{SortDirection, SortKey};
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};

/// The rows of the current page.
#[component]
pub fn CustomerTable() -> impl IntoView {
    let list = use_list();
    let state = use_customers();
    let window = Memo::new(move |_| {
        page_window(
            list.rows.with(Vec::len),
            list.query.with(|q| q.page),
            list.query.with(|q| q.per_page),
        )
    });
    // Follows the book too: a bulk edit may change rows that stay in place.
    let page_rows = Memo::new(move |_| {
        let w = window.get();
        let prepared = list.prepared.get();
        state.customers.with(|b| {
            list.rows.with(|rows| {
                rows[w.start..w.end]
                    .iter()
                    .map(|&i| RowData::new(&b.customers[i], prepared.facts[i]))
                    .collect::<Vec<RowData>>()
            })
        })
    });
    let page_ids =
        Memo::new(move |_| page_rows.with(|rows| rows.iter().map(|r| r.id).collect::<Vec<u64>>()));
    let all_on_page = move || {
        let ids = page_ids.get();
        !ids.is_empty() && list.selection.with(|s| ids.iter().all(|id| s.contains(id)))
    };
    let toggle_page = move |ev| {
        let on = event_target_checked(&ev);
        let ids = page_ids.get_untracked();
        list.selection.update(|s| {
            ids.into_iter().for_each(|id| {
                if on {
                    s.insert(id);
                } else {
                    s.remove(&id);
                }
            })
        });
    };
    let positions = move || 0..page_rows.with(Vec::len);
    view! {
        <div class="table-wrap" tabindex="0">
            <table class="customer-table" data-testid="customer-table">
                <caption class="visually-hidden">{tr(ListMsg::TableCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="check">
                            <input type="checkbox" data-testid="select-page" aria-label=tr(ListMsg::SelectAllOnPage)
                                prop:checked=all_on_page on:change=toggle_page />
                        </th>
                        <SortHeader key=Some(SortKey::Name) label=ListMsg::ColName />
                        <SortHeader key=Some(SortKey::Company) label=ListMsg::ColCompany />
                        <SortHeader key=None label=ListMsg::ColContact />
                        <SortHeader key=Some(SortKey::Stage) label=ListMsg::ColStage />
                        <SortHeader key=Some(SortKey::ValueClass) label=ListMsg::ColValueClass />
                        <SortHeader key=Some(SortKey::TotalSpend) label=ListMsg::ColSpend numeric=true />
                        <SortHeader key=Some(SortKey::LastPurchase) label=ListMsg::ColLastPurchase numeric=true />
                        <SortHeader key=Some(SortKey::ChurnRisk) label=ListMsg::ColRisk />
                    </tr>
                </thead>
                <tbody>
                    <For each=positions key=|p| *p
                        children=move |position| view! { <CustomerRow rows=page_rows position /> } />
                </tbody>
            </table>
        </div>
        <Show when=move || list.rows.with(Vec::is_empty)>
            <p class="muted no-matches" data-testid="no-matches">{tr(ListMsg::NoMatches)}</p>
        </Show>
        <Pager window=window />
    }
}

/// A column header; sortable columns are a button that sorts, then reverses the order.
#[component]
fn SortHeader(
    /// The sort key of this column (`None`: not sortable).
    key: Option<SortKey>,
    /// The column name.
    label: ListMsg,
    /// A column of figures: the header is right-aligned like its values.
    #[prop(optional)]
    numeric: bool,
) -> impl IntoView {
    let list = use_list();
    let lang = use_lang();
    let Some(key) = key else {
        return view! { <th scope="col">{tr(label)}</th> }.into_any();
    };
    let aria_sort = move || {
        list.filter.with(|f| match (f.sort == key, f.direction) {
            (false, _) => "none",
            (true, SortDirection::Asc) => "ascending",
            (true, SortDirection::Desc) => "descending",
        })
    };
    let sort = move |_| {
        let mut view: ListQuery = list.query.get_untracked();
        view.filter.direction =
            if view.filter.sort == key && view.filter.direction == SortDirection::Asc {
                SortDirection::Desc
            } else {
                SortDirection::Asc
            };
        view.filter.sort = key;
        view.page = 1;
        list.go.run((view, false));
    };
    let arrow = move || match aria_sort() {
        "ascending" => "▲",
        "descending" => "▼",
        _ => "",
    };
    view! {
        <th scope="col" class:num=numeric aria-sort=aria_sort>
            <button type="button" class="sort" data-testid=format!("sort-{}", key.key()) on:click=sort
                title=move || fill(ListMsg::SortBy.in_lang(lang.get()), &[label.in_lang(lang.get())])>
                {tr(label)}<span class="arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
    .into_any()
}
