//! Actions on the selected customers: add a tag, set the stage or owner, export, delete.

use std::collections::HashSet;

use chrono::Utc;
use leptos::prelude::*;

use super::context::use_list;
use super::export::{download_customers, Format};
use super::messages::ListMsg;
use super::records::{apply_bulk, remove_customers, BulkEdit};
use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::LifecycleStage;
use crate::customers::labels::Labelled;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};

/// Shown while at least one customer is selected.
#[component]
pub fn BulkBar() -> impl IntoView {
    let state = use_customers();
    let list = use_list();
    let lang = use_lang();
    // Only ids still in the book count (another tab may have deleted some).
    let selected = move || -> HashSet<u64> {
        let chosen = list.selection.get();
        state.customers.with(|b| {
            b.customers
                .iter()
                .map(|c| c.id)
                .filter(|id| chosen.contains(id))
                .collect()
        })
    };
    let count = move || selected().len();
    let tag = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let stage = RwSignal::new(LifecycleStage::Stability);
    let edit = move |edit: BulkEdit| {
        let ids = selected();
        let mut changed = 0;
        state
            .customers
            .update(|b| changed = apply_bulk(b, &ids, &edit, today(), Utc::now()));
        list.tell(ListMsg::Updated, changed, None);
    };
    let export = move |format: Format| {
        let ids = selected();
        state.customers.with_untracked(|b| {
            let picked: Vec<_> = b
                .customers
                .iter()
                .filter(|c| ids.contains(&c.id))
                .cloned()
                .collect();
            download_customers(&picked, format);
        });
    };
    let delete = move |_| {
        let ids = selected();
        let mut removed = Vec::new();
        state
            .customers
            .update(|b| removed = remove_customers(b, &ids));
        list.selection.set(HashSet::new());
        list.tell(ListMsg::Deleted, removed.len(), Some(removed));
    };
    let on_stage = move |ev| {
        if let Some(s) = LifecycleStage::from_key(&event_target_value(&ev)) {
            stage.set(s);
        }
    };
    view! {
        <Show when=move || { count() > 0 }>
            <div class="bulk-bar card" role="region" aria-label=tr(ListMsg::BulkActions) data-testid="bulk-bar">
                <p class="bulk-count">
                    <strong data-testid="selected-count">{move || fill(ListMsg::Selected.in_lang(lang.get()), &[&count().to_string()])}</strong>
                    <button type="button" class="link" on:click=move |_| list.selection.set(HashSet::new())>{tr(ListMsg::ClearSelection)}</button>
                </p>
                <div class="bulk-row">
                    <label class="filter">
                        <span>{tr(ListMsg::TagToAdd)}</span>
                        <input type="text" data-testid="bulk-tag" prop:value=tag on:input=move |ev| tag.set(event_target_value(&ev)) />
                    </label>
                    <button type="button" data-testid="bulk-add-tag" disabled=move || tag.with(|t| t.trim().is_empty())
                        on:click=move |_| edit(BulkEdit::AddTag(tag.get_untracked()))>{tr(ListMsg::AddTag)}</button>
                    <label class="filter">
                        <span>{tr(ListMsg::NewStage)}</span>
                        <select data-testid="bulk-stage" on:change=on_stage>
                            {LifecycleStage::ALL.iter().map(|&s| view! {
                                <option value=s.key() selected=move || stage.get() == s>{move || s.label(lang.get())}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <button type="button" data-testid="bulk-set-stage" on:click=move |_| edit(BulkEdit::SetStage(stage.get_untracked()))>{tr(ListMsg::SetStage)}</button>
                    <label class="filter">
                        <span>{tr(ListMsg::NewOwner)}</span>
                        <input type="text" data-testid="bulk-owner" prop:value=owner on:input=move |ev| owner.set(event_target_value(&ev)) />
                    </label>
                    <button type="button" data-testid="bulk-set-owner" on:click=move |_| edit(BulkEdit::SetOwner(owner.get_untracked()))>{tr(ListMsg::SetOwner)}</button>
                </div>
                <div class="bulk-row">
                    <button type="button" class="ghost" data-testid="export-selected-csv" on:click=move |_| export(Format::Csv)>{tr(ListMsg::ExportSelectedCsv)}</button>
                    <button type="button" class="ghost" data-testid="export-selected-json" on:click=move |_| export(Format::Json)>{tr(ListMsg::ExportSelectedJson)}</button>
                    <button type="button" class="danger" data-testid="bulk-delete" on:click=delete>{tr(ListMsg::DeleteSelected)}</button>
                </div>
            </div>
        </Show>
    }
}
