//! The duplicates page: likely duplicate pairs, and the merge view for one pair
//! (`?a=1&b=2` in the URL, so a pair under review survives a reload).

mod field_text;
mod merge_view;
mod pairs;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use self::merge_view::MergeView;
use self::pairs::PairList;
use super::messages::ListMsg;
use crate::components::text::tr;
use crate::i18n::CommonMsg;
use crate::paths;

/// Duplicate detection and merge.
#[component]
pub fn DuplicatesPage() -> impl IntoView {
    let query = use_query_map();
    let pair = Memo::new(move |_| {
        query.with(|q| {
            let id = |k: &str| q.get_str(k).and_then(|v| v.parse::<u64>().ok());
            id("a").zip(id("b"))
        })
    });
    let merged = RwSignal::new(None::<String>);
    view! {
        <section class="page list-page duplicates-page" data-testid="page-customer-duplicates">
            <p class="back"><A href=paths::customers("")>{tr(CommonMsg::BackToCustomers)}</A></p>
            <h1>{tr(ListMsg::DuplicatesTitle)}</h1>
            {move || match pair.get() {
                Some((a, b)) => view! { <MergeView a b merged /> }.into_any(),
                None => view! { <PairList merged /> }.into_any(),
            }}
        </section>
    }
}
