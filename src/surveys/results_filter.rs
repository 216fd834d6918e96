//! The results' filters, kept in the URL: a date range and a customer segment (group A),
//! and with "compare" on, a second filter (group B, under `b_`); the line saying what is
//! filtered and how many responses remain.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::domain::{filter_responses, CustomerSegment, Filtered, Response, ResultsFilter};
use super::results_messages::ResultsMsg as SurveyMsg;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{
    effective_class, Channel, Field, LifecycleStage, Motive, ValueClass,
};
use crate::customers::labels::Labelled;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Lang, Text};
use crate::paths;

/// The query parameter that turns the comparison on.
pub const COMPARE: &str = "cmp";
/// The prefix of group B's parameters.
pub const GROUP_B: &str = "b_";

/// The results' view as read from the URL, and a way to change it.
#[derive(Clone, Copy)]
pub struct ResultsQuery {
    pairs: Memo<Vec<(String, String)>>,
    pub filter: Memo<ResultsFilter>,
    pub comparing: Memo<bool>,
    pub filter_b: Memo<ResultsFilter>,
    go: Callback<Vec<(String, String)>>,
}

impl ResultsQuery {
    pub fn new(id: u64) -> Self {
        let query = use_query_map();
        let pairs = Memo::new(move |_| {
            query.with(|map| {
                map.latest_values()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect::<Vec<_>>()
            })
        });
        let filter = Memo::new(move |_| pairs.with(|p| ResultsFilter::from_query_pairs(p, "")));
        let comparing = Memo::new(move |_| pairs.with(|p| p.iter().any(|(k, _)| k == COMPARE)));
        let filter_b =
            Memo::new(move |_| pairs.with(|p| ResultsFilter::from_query_pairs(p, GROUP_B)));
        let navigate = use_navigate();
        let go = Callback::new(move |pairs: Vec<(String, String)>| {
            let search: leptos_router::params::ParamsMap = pairs.into_iter().collect();
            let options = NavigateOptions {
                scroll: false,
                ..Default::default()
            };
            navigate(
                &format!("{}{}", paths::survey_results(id), search.to_query_string()),
                options,
            );
        });
        ResultsQuery {
            pairs,
            filter,
            comparing,
            filter_b,
            go,
        }
    }

    /// The value of parameter `name` now ("" when unset).
    fn value(&self, name: &str) -> String {
        self.pairs.with(|p| {
            p.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        })
    }

    /// Sets parameter `name` (empty: removes it).
    pub fn set(&self, name: &str, value: &str) {
        let mut pairs = self.pairs.get_untracked();
        pairs.retain(|(k, _)| k != name);
        if !value.is_empty() {
            pairs.push((name.to_owned(), value.to_owned()));
        }
        self.go.run(pairs);
    }

    /// Removes every parameter of group `prefix` ("" for A, leaving B's alone).
    fn clear(&self, prefix: &str) {
        let mut pairs = self.pairs.get_untracked();
        let mine = ResultsFilter::from_query_pairs(&pairs, prefix).to_query_pairs(prefix);
        pairs.retain(|p| !mine.contains(p));
        self.go.run(pairs);
    }
}

/// Each linked customer's segment facts, by id (the value class as the customer list
/// shows it: the manual class, else the ABC suggestion); only built when a segment
/// filter needs it.
pub fn customer_segments() -> Memo<Option<Arc<HashMap<u64, CustomerSegment>>>> {
    let customers = use_customers();
    Memo::new(move |_| {
        let abc = customers.derived.abc(customers.customers);
        customers.customers.with(|book| {
            let classes: HashMap<u64, ValueClass> =
                abc.iter().map(|s| (s.customer_id, s.class)).collect();
            Some(Arc::new(
                book.customers
                    .iter()
                    .map(|c| {
                        let suggested = classes.get(&c.id).copied().unwrap_or(ValueClass::General);
                        (
                            c.id,
                            CustomerSegment {
                                value_class: effective_class(c, suggested),
                                stage: c.stage,
                                channel: c.channel,
                                motive: c.motive,
                                tags: c.tags.clone(),
                            },
                        )
                    })
                    .collect(),
            ))
        })
    })
}

/// `responses` through `filter`, reading segments only when the filter has one.
pub fn apply(
    responses: &[Response],
    survey_id: u64,
    filter: &ResultsFilter,
    segments: Memo<Option<Arc<HashMap<u64, CustomerSegment>>>>,
) -> Filtered {
    if filter.segment.is_everyone() {
        return filter_responses(responses, survey_id, filter, |_| None);
    }
    let map = segments.get().unwrap_or_default();
    filter_responses(responses, survey_id, filter, |id| map.get(&id))
}

/// What a filter keeps, in words: "from 2026-01-01 · Key customer · Referral chain".
pub fn describe(filter: &ResultsFilter, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(from) = filter.from {
        parts.push(fill(
            SurveyMsg::FromDate.in_lang(lang),
            &[&from.to_string()],
        ));
    }
    if let Some(to) = filter.to {
        parts.push(fill(SurveyMsg::ToDate.in_lang(lang), &[&to.to_string()]));
    }
    let s = &filter.segment;
    parts.extend(s.value_class.map(|v| v.label(lang).to_owned()));
    parts.extend(s.stage.map(|v| v.label(lang).to_owned()));
    parts.extend(s.channel.map(|v| v.label(lang).to_owned()));
    parts.extend(s.motive.map(|v| v.label(lang).to_owned()));
    parts.extend(
        s.tag
            .as_ref()
            .map(|t| fill(SurveyMsg::TagIs.in_lang(lang), &[t])),
    );
    if parts.is_empty() {
        SurveyMsg::AllResponses.in_lang(lang).to_owned()
    } else {
        parts.join(" · ")
    }
}

/// "n of all responses · what is filtered · how many without a customer were left out".
pub fn count_line(filter: &ResultsFilter, f: &Filtered, lang: Lang) -> String {
    let mut line = fill(
        SurveyMsg::ShowingOf.in_lang(lang),
        &[&f.len().to_string(), &f.all.to_string()],
    );
    if !filter.is_everything() {
        line.push_str(" · ");
        line.push_str(&describe(filter, lang));
    }
    if f.unlinked > 0 {
        line.push_str(" · ");
        line.push_str(&fill(
            SurveyMsg::UnlinkedLeftOut.in_lang(lang),
            &[&f.unlinked.to_string()],
        ));
    }
    line
}

type Options = Vec<(String, String)>;

fn labelled<T: Labelled + 'static>(
    all: &'static [T],
    key: fn(T) -> &'static str,
    lang: Lang,
) -> Options {
    all.iter()
        .map(|&v| (key(v).to_owned(), v.label(lang).to_owned()))
        .collect()
}

/// The filter of one group: from, to, value class, stage, channel, motive, tag.
#[component]
pub fn FilterBar(
    /// The results' query.
    query: ResultsQuery,
    /// "" for the filter (group A), [`GROUP_B`] for the second group.
    prefix: &'static str,
    /// The tags of all customers, for the tag select.
    tags: Memo<Vec<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let group = if prefix.is_empty() { "a" } else { "b" };
    let legend = if prefix.is_empty() {
        SurveyMsg::FilterLegend
    } else {
        SurveyMsg::GroupBLegend
    };
    let param = move |name: &str| format!("{prefix}{name}");
    let date = move |name: &'static str, label: SurveyMsg| {
        let key = param(name);
        let key2 = key.clone();
        view! {
            <label class="filter">
                <span>{tr(label)}</span>
                <input type="date" data-testid=format!("results-{group}-{name}")
                    prop:value=move || query.value(&key)
                    on:change=move |ev| query.set(&key2, &event_target_value(&ev)) />
            </label>
        }
    };
    let select = move |name: &'static str,
                       label: Box<dyn Fn(Lang) -> &'static str + Send + Sync>,
                       options: Box<dyn Fn(Lang) -> Options + Send + Sync>| {
        let key = param(name);
        let key2 = key.clone();
        let current = Memo::new(move |_| query.value(&key));
        view! {
            <label class="filter">
                <span>{move || label(lang.get())}</span>
                <select data-testid=format!("results-{group}-{name}") prop:value=move || current.get()
                    on:change=move |ev| query.set(&key2, &event_target_value(&ev))>
                    <option value="">{tr(SurveyMsg::AnyValue)}</option>
                    {move || {
                        let selected = current.get();
                        options(lang.get()).into_iter().map(|(value, text)| {
                            let is = value == selected;
                            view! { <option value=value selected=is>{text}</option> }
                        }).collect_view()
                    }}
                </select>
            </label>
        }
    };
    let filter = if prefix.is_empty() {
        query.filter
    } else {
        query.filter_b
    };
    view! {
        <fieldset class="list-filters results-filters open no-print" data-testid=format!("results-filter-{group}")>
            <legend>{tr(legend)}</legend>
            {date("from", SurveyMsg::From)}
            {date("to", SurveyMsg::To)}
            {select("class", Box::new(|l| Field::ValueClass.label(l)), Box::new(|l| labelled(ValueClass::ALL, ValueClass::key, l)))}
            {select("stage", Box::new(|l| Field::Stage.label(l)), Box::new(|l| labelled(LifecycleStage::ALL, LifecycleStage::key, l)))}
            {select("channel", Box::new(|l| Field::Channel.label(l)), Box::new(|l| labelled(Channel::ALL, Channel::key, l)))}
            {select("motive", Box::new(|l| Field::Motive.label(l)), Box::new(|l| labelled(Motive::ALL, Motive::key, l)))}
            {select("tag", Box::new(|l| SurveyMsg::Tag.in_lang(l)), Box::new(move |_| tags.get().into_iter().map(|t| (t.clone(), t)).collect()))}
            <Show when=move || !filter.with(ResultsFilter::is_everything)>
                <button type="button" class="ghost" data-testid=format!("results-{group}-clear") on:click=move |_| query.clear(prefix)>{tr(SurveyMsg::ClearFilter)}</button>
            </Show>
        </fieldset>
    }
}
