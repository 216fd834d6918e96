//! State shared by the parts of the list page: the view read from the URL, the prepared
//! search index and row facts (kept by the app state between visits), the filtered rows,
//! the selection and the status line.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::messages::ListMsg;
use super::records::Removed;
use super::view_query::ListQuery;
use crate::customers::domain::{filter_customers, CustomerFilter, Prepared};
use crate::customers::state::use_customers;
use crate::paths;

/// The outcome of the last action, shown in a status line (with Undo after a delete).
#[derive(Clone)]
pub struct Status {
    pub msg: ListMsg,
    pub count: usize,
    pub undo: Option<Arc<Removed>>,
}

/// The list page's shared handles; all `Copy`.
#[derive(Clone, Copy)]
pub struct ListContext {
    pub query: Memo<ListQuery>,
    pub filter: Memo<CustomerFilter>,
    pub prepared: Memo<Arc<Prepared>>,
    /// Indexes into the book's customers, filtered and sorted.
    pub rows: Signal<Vec<usize>>,
    pub selection: RwSignal<HashSet<u64>>,
    pub status: RwSignal<Option<Status>>,
    /// Shows another view: `(view, replace the history entry)`.
    pub go: Callback<(ListQuery, bool)>,
}

impl ListContext {
    /// Creates the context from the current URL and provides it to the page's children.
    pub fn provide() -> Self {
        let state = use_customers();
        let query_map = use_query_map();
        let query = Memo::new(move |_| {
            query_map.with(|map| {
                let pairs: Vec<(String, String)> = map
                    .latest_values()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect();
                ListQuery::from_pairs(&pairs)
            })
        });
        let filter = Memo::new(move |_| query.with(|q| q.filter.clone()));
        let prepared = Memo::new(move |_| state.derived.prepared(state.customers));
        let status = RwSignal::new(None::<Status>);
        // Filtered once per change of the view or the book. The memo's value carries the
        // preparation's revision, so every change of the book notifies the readers even
        // when the same rows pass (a bulk edit), and a keystroke filters once, not once
        // per reader.
        let filtered = Memo::new(move |_| {
            let prepared = prepared.get();
            let rows = filter.with(|f| {
                state.customers.with(|book| {
                    filter_customers(&book.customers, &prepared.facts, &prepared.index, f)
                })
            });
            (prepared.revision(), rows)
        });
        let rows = Signal::derive(move || filtered.with(|(_, rows)| rows.clone()));
        let navigate = use_navigate();
        let go = Callback::new(move |(view, replace): (ListQuery, bool)| {
            let search: leptos_router::params::ParamsMap = view.to_pairs().into_iter().collect();
            let options = NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            };
            navigate(&paths::customers(&search.to_query_string()), options);
        });
        let context = ListContext {
            query,
            filter,
            prepared,
            rows,
            selection: RwSignal::new(HashSet::new()),
            status,
            go,
        };
        provide_context(context);
        context
    }

    /// Sets one filter parameter (empty: removes it) and goes back to the first page,
    /// keeping the rows per page.
    pub fn set_param(&self, name: &str, value: &str, replace: bool) {
        let mut pairs = self.filter.get_untracked().to_query_pairs();
        pairs.retain(|(k, _)| k != name);
        if !value.is_empty() {
            pairs.push((name.to_string(), value.to_string()));
        }
        let mut view = ListQuery::from_pairs(&pairs);
        view.per_page = self.query.with_untracked(|q| q.per_page);
        self.go.run((view, replace));
    }

    /// Shows the action's outcome in the status line.
    pub fn tell(&self, msg: ListMsg, count: usize, undo: Option<Removed>) {
        self.status.set(Some(Status {
            msg,
            count,
            undo: undo.map(Arc::new),
        }));
    }
}

/// The list page's context.
pub fn use_list() -> ListContext {
    expect_context::<ListContext>()
}
