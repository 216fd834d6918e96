//! The timeline of interactions, newest first, filterable by kind (kept in the URL as
//! `?kind=`), with the form to add one, and on each entry the way to correct it (one
//! entry at a time, in place) or delete it.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::complaint::ResolveComplaint;
use super::entry_actions::{edit_button_id, EntryActions};
use super::interaction_edit::EditInteraction;
use super::interaction_form::AddInteraction;
use super::messages::DetailMsg;
use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{Customer, Interaction, InteractionKind};
use crate::customers::labels::{interaction_kind_label, Labelled};
use crate::i18n::{fill, Text};
use crate::money::format_money_in;
use crate::paths;
use crate::state::{use_app_state, TimelineEntry};

/// The timeline card of the customer page.
#[component]
pub fn Timeline(
    /// The customer shown.
    customer: Signal<Customer>,
) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query
            .with(|q| q.get("kind"))
            .filter(|k| InteractionKind::KEYS.contains(&k.as_str()))
            .unwrap_or_default()
    });
    let navigate = use_navigate();
    let choose = move |kind: String| {
        let mut params = query.get_untracked();
        if kind.is_empty() {
            params.remove("kind");
        } else {
            params.replace("kind", kind);
        }
        let id = customer.with_untracked(|c| c.id);
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        };
        navigate(&paths::customer(id, &params.to_query_string()), options);
    };
    // The entry being corrected; only one at a time.
    let editing = RwSignal::new(None::<u64>);
    let entries = Memo::new(move |previous: Option<&Vec<Interaction>>| {
        let filter = filter.get();
        let mut entries = customer.with(|c| {
            let key = (!filter.is_empty()).then_some(filter.as_str());
            c.timeline(key).into_iter().cloned().collect::<Vec<_>>()
        });
        // An entry deleted in another tab while it is being corrected keeps its row, so
        // its form can offer to restore it.
        if let Some(id) = editing.get() {
            let gone = previous
                .and_then(|p| p.iter().find(|e| e.id == id))
                .filter(|_| !entries.iter().any(|e| e.id == id));
            if let Some(entry) = gone {
                entries.push(entry.clone());
            }
        }
        entries
    });
    // What other sections record for this customer (credit payments, write-offs), among
    // the customer's own entries by date; only when no kind is chosen.
    let app = use_app_state();
    let rows = Memo::new(move |_| {
        let own = entries.get();
        let others = match filter.with(String::is_empty) {
            true => app.timeline_entries(customer.with(|c| c.id), lang.get()),
            false => Vec::new(),
        };
        merge_rows(own, others)
    });
    let options = InteractionKind::KEYS.iter().map(|&key| {
        view! {
            <option value=key selected=move || filter.with(|f| f == key)>
                {move || interaction_kind_label(key, lang.get())}
            </option>
        }
    });
    view! {
        <div class="card" data-testid="customer-timeline">
            <h2>{tr(DetailMsg::TimelineHeading)}</h2>
            <AddInteraction customer />
            <label class="field filter">
                <span>{tr(DetailMsg::FilterKind)}</span>
                <select data-testid="timeline-filter" prop:value=move || filter.get() on:change=move |ev| choose(event_target_value(&ev))>
                    <option value="" selected=move || filter.with(String::is_empty)>{tr(DetailMsg::AllKinds)}</option>
                    {options.collect_view()}
                </select>
            </label>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=|| view! { <p class="muted">{tr(DetailMsg::NoInteractions)}</p> }>
                <ol class="timeline" data-testid="timeline-list">
                    <For each=move || rows.get() key=Row::key let:row>
                        {match row {
                            Row::Own(entry) => view! { <Entry customer entry editing /> }.into_any(),
                            Row::Other(entry) => view! { <OtherEntry entry /> }.into_any(),
                        }}
                    </For>
                </ol>
            </Show>
        </div>
    }
}

/// One row of the timeline: the customer's own interaction, or another section's entry.
#[derive(Clone, PartialEq)]
enum Row {
    Own(Interaction),
    Other(TimelineEntry),
}

impl Row {
    #[cfg(test)]
    fn date(&self) -> chrono::NaiveDate {
        match self {
            Row::Own(i) => i.date,
            Row::Other(e) => e.date,
        }
    }

    /// Unique within a timeline: own entries by id, the others by their test id and id.
    fn key(&self) -> (&'static str, u64) {
        match self {
            Row::Own(i) => ("", i.id),
            Row::Other(e) => (e.testid, e.order),
        }
    }
}

/// The own entries (newest first, as the customer's timeline gives them) with the other
/// sections' entries put in by date, newest first; on one date the own entries first.
fn merge_rows(own: Vec<Interaction>, mut others: Vec<TimelineEntry>) -> Vec<Row> {
    others.sort_by_key(|e| std::cmp::Reverse((e.date, e.order)));
    let mut rows = Vec::with_capacity(own.len() + others.len());
    let mut others = others.into_iter().peekable();
    for entry in own {
        while let Some(other) = others.next_if(|o| o.date > entry.date) {
            rows.push(Row::Other(other));
        }
        rows.push(Row::Own(entry));
    }
    rows.extend(others.map(Row::Other));
    rows
}

/// Another section's entry: what it is and records, and the way to where it is changed.
#[component]
fn OtherEntry(entry: TimelineEntry) -> impl IntoView {
    view! {
        <li class="timeline-entry kind-other" data-testid=entry.testid>
            <div class="timeline-head">
                <time>{entry.date.to_string()}</time>
                <span class="kind-badge">{entry.badge}</span>
            </div>
            <p>{entry.text}</p>
            <p><a href=entry.link>{entry.link_text}</a></p>
        </li>
    }
}

/// One interaction in the timeline, or the form correcting it.
#[component]
fn Entry(
    /// The customer the interaction belongs to.
    customer: Signal<Customer>,
    /// The interaction shown.
    entry: Interaction,
    /// The id of the entry being corrected, if any.
    editing: RwSignal<Option<u64>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = entry.id;
    // The row follows the stored entry (another tab may correct it); a deleted one keeps
    // its last version while its form is open.
    let current = Memo::new(move |_| {
        customer
            .with(|c| c.interactions.iter().find(|i| i.id == id).cloned())
            .unwrap_or_else(|| entry.clone())
    });
    let key = move || current.with(|e| e.kind.key());
    view! {
        <li class=move || format!("timeline-entry kind-{}", key()) data-testid=move || format!("timeline-{}", key())>
            <div class="timeline-head">
                <time>{move || current.with(|e| e.date.to_string())}</time>
                <span class="kind-badge">{move || interaction_kind_label(key(), lang.get())}</span>
            </div>
            <Show when=move || editing.get() == Some(id)
                fallback=move || view! { {move || view! { <Details customer entry=current.get() editing /> }} }>
                <EditInteraction customer original=current.get_untracked() on_close=Callback::new(move |()| close_form(editing, id)) />
            </Show>
        </li>
    }
}

/// Closes entry `id`'s form and puts focus back on its Edit button, once it is shown
/// again, so a keyboard user carries on from where they were.
fn close_form(editing: RwSignal<Option<u64>>, id: u64) {
    editing.set(None);
    request_animation_frame(move || {
        let button = document()
            .get_element_by_id(&edit_button_id(id))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = button {
            let _ = button.focus();
        }
    });
}

/// What one interaction records, with its actions.
#[component]
fn Details(
    /// The customer the interaction belongs to.
    customer: Signal<Customer>,
    /// The interaction shown.
    entry: Interaction,
    /// The id of the entry being corrected, if any.
    editing: RwSignal<Option<u64>>,
) -> impl IntoView {
    let lang = use_lang();
    let detail = match entry.kind.clone() {
        InteractionKind::Purchase { amount_cents, currency, items } => view! {
            <p data-testid="purchase-amount"><strong>{format_money_in(amount_cents, &currency)}</strong></p>
            {(!items.is_empty()).then(|| view! { <p>{move || fill(DetailMsg::Items.in_lang(lang.get()), &[&items])}</p> })}
        }
        .into_any(),
        InteractionKind::Complaint { category, severity, status, opened, resolved } => {
            let line = move || {
                let l = lang.get();
                let values = [category.label(l), severity.label(l), status.label(l), &opened.to_string()];
                fill(DetailMsg::ComplaintLine.in_lang(l), &values)
            };
            let state_line = move || {
                let l = lang.get();
                match resolved {
                    Some(r) => fill(DetailMsg::ResolvedIn.in_lang(l), &[&r.to_string(), &(r - opened).num_days().to_string()]),
                    None if opened >= today() => DetailMsg::OpenedToday.in_lang(l).to_owned(),
                    None => fill(DetailMsg::OpenFor.in_lang(l), &[&(today() - opened).num_days().to_string()]),
                }
            };
            view! {
                <p>{line}</p>
                <p class="muted" data-testid="complaint-state">{state_line}</p>
                {resolved.is_none().then(|| view! { <ResolveComplaint customer interaction_id=entry.id opened /> })}
            }
            .into_any()
        }
        InteractionKind::ServiceRecovery { complaint_id, action } => {
            let complaint_date = move || {
                let id = complaint_id?;
                customer.with(|c| c.interactions.iter().find(|i| i.id == id).map(|i| i.date.to_string()))
            };
            view! {
                <p>{action}</p>
                {move || complaint_date().map(|d| view! { <p class="muted">{fill(DetailMsg::ForComplaint.in_lang(lang.get()), &[&d])}</p> })}
            }
            .into_any()
        }
        _ => ().into_any(),
    };
    view! {
        {detail}
        {(!entry.note.is_empty()).then(|| view! { <p class="timeline-note">{entry.note.clone()}</p> })}
        <EntryActions customer interaction_id=entry.id editing />
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn own(id: u64, d: u32) -> Interaction {
        Interaction {
            id,
            date: day(d),
            kind: InteractionKind::Note,
            note: String::new(),
        }
    }

    fn other(order: u64, d: u32) -> TimelineEntry {
        TimelineEntry {
            date: day(d),
            order,
            badge: String::new(),
            text: String::new(),
            link: String::new(),
            link_text: String::new(),
            testid: "timeline-credit-payment",
        }
    }

    #[test]
    fn other_sections_entries_go_in_by_date() {
        let rows = merge_rows(
            vec![own(3, 20), own(2, 10), own(1, 1)],
            vec![other(7, 5), other(8, 25), other(9, 10), other(6, 1)],
        );
        let keys: Vec<(&str, u64)> = rows.iter().map(Row::key).collect();
        let c = "timeline-credit-payment";
        assert_eq!(
            keys,
            [(c, 8), ("", 3), ("", 2), (c, 9), (c, 7), ("", 1), (c, 6)],
            "newest first; on one date the customer's own entry first"
        );
        assert!(rows.windows(2).all(|w| w[0].date() >= w[1].date()));
        assert!(merge_rows(Vec::new(), Vec::new()).is_empty());
    }
}
