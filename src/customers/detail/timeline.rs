//! The timeline of interactions, newest first, filterable by kind, with the form to add one.

use leptos::prelude::*;

use super::complaint::ResolveComplaint;
use super::interaction_form::InteractionForm;
use super::messages::DetailMsg;
use super::widgets::today;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{format_cents, Customer, Interaction, InteractionKind};
use crate::customers::labels::{interaction_kind_label, Labelled};
use crate::i18n::{fill, Text};

/// The timeline card of the customer page.
#[component]
pub fn Timeline(
    /// The customer shown.
    customer: Signal<Customer>,
) -> impl IntoView {
    let lang = use_lang();
    let filter = RwSignal::new(String::new());
    let entries = Memo::new(move |_| {
        let filter = filter.get();
        customer.with(|c| {
            let key = (!filter.is_empty()).then_some(filter.as_str());
            c.timeline(key).into_iter().cloned().collect::<Vec<_>>()
        })
    });
    let options = InteractionKind::KEYS.iter().map(|&key| {
        view! { <option value=key>{move || interaction_kind_label(key, lang.get())}</option> }
    });
    view! {
        <div class="card" data-testid="customer-timeline">
            <h2>{tr(DetailMsg::TimelineHeading)}</h2>
            <InteractionForm customer />
            <label class="field filter">
                <span>{tr(DetailMsg::FilterKind)}</span>
                <select data-testid="timeline-filter" on:change=move |ev| filter.set(event_target_value(&ev))>
                    <option value="">{tr(DetailMsg::AllKinds)}</option>
                    {options.collect_view()}
                </select>
            </label>
            <Show when=move || entries.with(|e| !e.is_empty()) fallback=|| view! { <p class="muted">{tr(DetailMsg::NoInteractions)}</p> }>
                <ol class="timeline" data-testid="timeline-list">
                    <For each=move || entries.get() key=|i| format!("{i:?}") let:entry>
                        <Entry customer entry />
                    </For>
                </ol>
            </Show>
        </div>
    }
}

/// One interaction in the timeline.
#[component]
fn Entry(
    /// The customer the interaction belongs to.
    customer: Signal<Customer>,
    /// The interaction shown.
    entry: Interaction,
) -> impl IntoView {
    let lang = use_lang();
    let key = entry.kind.key();
    let detail = match entry.kind.clone() {
        InteractionKind::Purchase { amount_cents, currency, items } => view! {
            <p data-testid="purchase-amount"><strong>{format!("{currency} {}", format_cents(amount_cents))}</strong></p>
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
        <li class=format!("timeline-entry kind-{key}") data-testid=format!("timeline-{key}")>
            <div class="timeline-head">
                <time>{entry.date.to_string()}</time>
                <span class="kind-badge">{move || interaction_kind_label(key, lang.get())}</span>
            </div>
            {detail}
            {(!entry.note.is_empty()).then(|| view! { <p class="timeline-note">{entry.note.clone()}</p> })}
        </li>
    }
}
