//! The status line under the toolbar: the outcome of the last action, with Undo after a delete.

use leptos::prelude::*;

use super::context::use_list;
use super::messages::ListMsg;
use super::records::restore_customers;
use super::view_query::group_thousands;
use crate::components::text::{tr, use_lang};
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};

/// Says what the last action did; offers Undo when it can be undone.
#[component]
pub fn StatusLine() -> impl IntoView {
    let list = use_list();
    let lang = use_lang();
    let state = use_customers();
    let undo = move |_| {
        let Some(removed) = list.status.get_untracked().and_then(|s| s.undo) else {
            return;
        };
        let removed = (*removed).clone();
        let count = removed.len();
        state
            .customers
            .update(|book| restore_customers(book, removed));
        list.tell(ListMsg::Restored, count, None);
    };
    move || {
        list.status.get().map(|status| {
            let text = move || fill(status.msg.in_lang(lang.get()), &[&group_thousands(status.count as u64)]);
            let can_undo = status.undo.is_some();
            view! {
                <div class="banner success" role="status" data-testid="list-status">
                    <p class="banner-text">{text}</p>
                    <div class="banner-actions">
                        <Show when=move || can_undo>
                            <button type="button" data-testid="undo" on:click=undo>{tr(ListMsg::Undo)}</button>
                        </Show>
                        <button type="button" class="ghost" on:click=move |_| list.status.set(None)>{tr(ListMsg::Dismiss)}</button>
                    </div>
                </div>
            }
        })
    }
}
