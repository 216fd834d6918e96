//! The filter bar: one labelled select per classification, each kept in the URL query.

use leptos::prelude::*;

use super::context::use_list;
use super::messages::ListMsg;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{
    Channel, ChurnLevel, Field, LadderLevel, LifecycleStage, Motive, ValueClass,
};
use crate::customers::labels::Labelled;
use crate::i18n::{Lang, Text};

/// `(value, text)` options of a filter select, in the given language.
type Options = Vec<(String, String)>;

fn labelled<T: Labelled + 'static>(
    all: &'static [T],
    key: fn(T) -> &'static str,
) -> impl Fn(Lang) -> Options {
    move |lang| {
        all.iter()
            .map(|&v| (key(v).to_string(), v.label(lang).to_string()))
            .collect()
    }
}

/// Every filter of the list; on a phone folded until the toolbar's Filters button opens it.
#[component]
pub fn Filters(
    /// Whether the filters are unfolded on a phone.
    open: RwSignal<bool>,
) -> impl IntoView {
    let list = use_list();
    // Distinct values as prepared with the list (kept until the customers change).
    let options =
        |values: &[String]| -> Options { values.iter().map(|v| (v.clone(), v.clone())).collect() };
    let tags = Memo::new(move |_| options(&list.prepared.get().tags));
    let owners = Memo::new(move |_| options(&list.prepared.get().owners));
    let has_filter = move || {
        list.filter.with(|f| {
            f.to_query_pairs()
                .iter()
                .any(|(k, _)| !matches!(k.as_str(), "q" | "sort" | "dir"))
        })
    };
    let clear = move |_| {
        let keep: Vec<(String, String)> = list
            .filter
            .get_untracked()
            .to_query_pairs()
            .into_iter()
            .filter(|(k, _)| matches!(k.as_str(), "q" | "sort" | "dir"))
            .collect();
        list.go
            .run((super::view_query::ListQuery::from_pairs(&keep), false));
    };
    view! {
        <fieldset class="list-filters" class:open=move || open.get() id="customer-filters" data-testid="customer-filters">
            <legend>{tr(ListMsg::Filters)}</legend>
            <FilterSelect param="value_class" label=Box::new(|l| Field::ValueClass.label(l)) options=Box::new(labelled(ValueClass::ALL, ValueClass::key)) />
            <FilterSelect param="motive" label=Box::new(|l| Field::Motive.label(l)) options=Box::new(labelled(Motive::ALL, Motive::key)) />
            <FilterSelect param="stage" label=Box::new(|l| Field::Stage.label(l)) options=Box::new(labelled(LifecycleStage::ALL, LifecycleStage::key)) />
            <FilterSelect param="ladder" label=Box::new(|l| Field::Ladder.label(l)) options=Box::new(labelled(LadderLevel::ALL, LadderLevel::key)) />
            <FilterSelect param="channel" label=Box::new(|l| Field::Channel.label(l)) options=Box::new(labelled(Channel::ALL, Channel::key)) />
            <FilterSelect param="tag" label=Box::new(|l| ListMsg::Tag.in_lang(l)) options=Box::new(move |_| tags.get()) />
            <FilterSelect param="owner" label=Box::new(|l| Field::Owner.label(l)) options=Box::new(move |_| owners.get()) />
            <FilterSelect param="risk" label=Box::new(|l| ListMsg::ColRisk.in_lang(l)) options=Box::new(labelled(ChurnLevel::ALL, ChurnLevel::key)) />
            <Show when=has_filter>
                <button type="button" class="ghost" data-testid="clear-filters" on:click=clear>{tr(ListMsg::ClearFilters)}</button>
            </Show>
        </fieldset>
    }
}

/// One filter: "Any" or one of the options; changing it updates the URL.
#[component]
fn FilterSelect(
    /// The URL query parameter this filter sets.
    param: &'static str,
    /// The label, per language.
    label: Box<dyn Fn(Lang) -> &'static str + Send + Sync>,
    /// The choices, per language.
    options: Box<dyn Fn(Lang) -> Options + Send + Sync>,
) -> impl IntoView {
    let list = use_list();
    let lang = use_lang();
    // A memo, so typing in the search box (which changes the filter) does not rebuild
    // this select's options: only a change of this parameter does.
    let current = Memo::new(move |_| {
        list.filter.with(|f| {
            f.to_query_pairs()
                .into_iter()
                .find(|(k, _)| k == param)
                .map(|(_, v)| v)
                .unwrap_or_default()
        })
    });
    let on_change = move |ev| list.set_param(param, &event_target_value(&ev), false);
    let choices = move || {
        let selected = current.get();
        options(lang.get())
            .into_iter()
            .map(|(value, text)| {
                let is_selected = value == selected;
                view! { <option value=value selected=is_selected>{text}</option> }
            })
            .collect_view()
    };
    view! {
        <label class="filter">
            <span>{move || label(lang.get())}</span>
            <select data-testid=format!("filter-{param}") on:change=on_change prop:value=current>
                <option value="">{tr(ListMsg::Any)}</option>
                {choices}
            </select>
        </label>
    }
}
