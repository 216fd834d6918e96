//! The count line ("Showing 1–50 of 1,234") and previous/next page buttons.

use leptos::prelude::*;

use super::context::use_list;
use super::messages::ListMsg;
use super::view_query::{group_thousands, PageWindow, PAGE_SIZES};
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Text};

/// Where the user is in the filtered list.
#[component]
pub fn Pager(
    /// The page being shown.
    window: Memo<PageWindow>,
) -> impl IntoView {
    let list = use_list();
    let lang = use_lang();
    let total = move || list.rows.with(Vec::len);
    let showing = move || {
        let w = window.get();
        if w.end == 0 {
            return ListMsg::ShowingNone.in_lang(lang.get()).to_owned();
        }
        let first = w.start + 1;
        let n = |x: usize| group_thousands(x as u64);
        fill(
            ListMsg::Showing.in_lang(lang.get()),
            &[&n(first), &n(w.end), &n(total())],
        )
    };
    let page_of = move || {
        let w = window.get();
        fill(
            ListMsg::PageOf.in_lang(lang.get()),
            &[&w.page.to_string(), &w.pages.to_string()],
        )
    };
    let go_to = move |page: usize| {
        let mut view = list.query.get_untracked();
        view.page = page;
        list.go.run((view, false));
    };
    // The first row shown stays on screen: its page under the new size.
    let set_per_page = move |ev| {
        let mut view = list.query.get_untracked();
        let first_row = window.get_untracked().start;
        view.per_page = event_target_value(&ev).parse().unwrap_or(PAGE_SIZES[0]);
        view.page = first_row / view.per_page + 1;
        list.go.run((view, false));
    };
    view! {
        <nav class="pager" aria-label=tr(ListMsg::Pagination)>
            <p class="count" data-testid="customer-count" role="status">{showing}</p>
            <label class="per-page">
                <span>{tr(ListMsg::RowsPerPage)}</span>
                <select data-testid="per-page" on:change=set_per_page
                    prop:value=move || list.query.with(|q| q.per_page.to_string())>
                    {PAGE_SIZES.map(|n| view! { <option value=n.to_string()>{n}</option> })}
                </select>
            </label>
            <div class="pager-buttons">
                <button type="button" class="ghost" data-testid="page-prev"
                    disabled=move || { window.get().page <= 1 }
                    on:click=move |_| go_to(window.get_untracked().page - 1)>
                    {tr(ListMsg::Previous)}
                </button>
                <span data-testid="page-of">{page_of}</span>
                <button type="button" class="ghost" data-testid="page-next"
                    disabled=move || { let w = window.get(); w.page >= w.pages }
                    on:click=move |_| go_to(window.get_untracked().page + 1)>
                    {tr(ListMsg::Next)}
                </button>
            </div>
        </nav>
    }
}
