//! The relationship group of the customer form: stage, ladder, level, channel, referrer.

use leptos::prelude::*;

use super::form_fields::{field_messages, Binding};
use super::form_sections::none_choice;
use super::messages::DetailMsg;
use super::widgets::{choice, FieldErrors};
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{
    Channel, Customer, Field, Issue, LadderLevel, LifecycleStage, RelationshipLevel,
};
use crate::customers::labels::Labelled;
use crate::customers::state::use_customers;
use crate::i18n::Text;

/// How many customers the referrer search offers at once.
const REFERRER_MATCHES: usize = 8;

/// Stage, ladder, relationship level, channel and referred-by.
#[component]
pub fn RelationshipFields(
    /// The draft being edited.
    draft: RwSignal<Customer>,
    /// Every problem of the draft.
    issues: Signal<Vec<Issue>>,
    /// Whether problems are shown yet.
    shown: Signal<bool>,
    /// True when editing a stored customer (a stage change is then recorded as history).
    changing_stage: bool,
) -> impl IntoView {
    let b = Binding {
        draft,
        issues,
        shown,
    };
    let current = draft.with_untracked(|c| c.stage);
    // Churn is recorded with its reasons through "mark as churned", not from this list.
    let stages = LifecycleStage::ALL
        .iter()
        .filter(|&&s| s != LifecycleStage::Churned || s == current)
        .map(|&s| choice(s, s.key()))
        .collect();
    let ladder = LadderLevel::ALL
        .iter()
        .map(|&l| choice(l, l.key()))
        .collect();
    let mut levels = vec![none_choice(DetailMsg::NotSet)];
    levels.extend(RelationshipLevel::ALL.iter().map(|&l| choice(l, l.key())));
    let channels = Channel::ALL.iter().map(|&c| choice(c, c.key())).collect();
    let referred_errors =
        field_messages(draft, issues, shown, Field::ReferredBy, |_| String::new());
    view! {
        <fieldset class="card">
            <legend>{tr(DetailMsg::RelationshipHeading)}</legend>
            {b.select(Field::Stage, stages, |c| c.stage.key(), |c, v| c.stage = LifecycleStage::from_key(v).unwrap_or(c.stage))}
            {changing_stage.then(|| view! { <small class="muted">{tr(DetailMsg::StageHint)}</small> })}
            {b.select(Field::Ladder, ladder, |c| c.ladder.key(), |c, v| c.ladder = LadderLevel::from_key(v).unwrap_or(c.ladder))}
            {b.select(Field::RelationshipLevel, levels, |c| c.relationship_level.map_or("", RelationshipLevel::key), |c, v| c.relationship_level = RelationshipLevel::from_key(v))}
            {b.select(Field::Channel, channels, |c| c.channel.key(), |c, v| c.channel = Channel::from_key(v).unwrap_or(c.channel))}
            <ReferrerPicker draft errors=referred_errors />
        </fieldset>
    }
}

/// The referrer, found by typing part of a name (a select of 10,000 names would be
/// neither usable nor quick): up to [`REFERRER_MATCHES`] customers whose name starts
/// with the text come first, then those whose name contains it. It is a WAI-ARIA
/// combobox: the arrow keys move through the suggestions, Enter takes the highlighted
/// one (and never submits the form), Escape closes the list, then clears the text.
#[component]
fn ReferrerPicker(
    /// The draft being edited.
    draft: RwSignal<Customer>,
    /// The problems of the referred-by field.
    errors: Signal<Vec<String>>,
) -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let typed = RwSignal::new(String::new());
    // The suggestion highlighted by the arrow keys, and whether the list is open.
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    let self_id = draft.with_untracked(|c| c.id);
    let matches = Memo::new(move |_| {
        let wanted = typed.with(|t| t.trim().to_lowercase());
        if wanted.is_empty() {
            return Vec::new();
        }
        state.customers.with(|book| {
            let (mut starts, mut contains) = (Vec::new(), Vec::new());
            for c in book.customers.iter().filter(|c| c.id != self_id) {
                let name = c.name.to_lowercase();
                if name.starts_with(&wanted) {
                    starts.push((c.id, c.name.clone(), c.company.clone()));
                } else if contains.len() < REFERRER_MATCHES && name.contains(&wanted) {
                    contains.push((c.id, c.name.clone(), c.company.clone()));
                }
                if starts.len() == REFERRER_MATCHES {
                    break;
                }
            }
            starts.extend(contains);
            starts.truncate(REFERRER_MATCHES);
            starts
        })
    });
    let chosen = Memo::new(move |_| {
        let id = draft.with(|c| c.referred_by)?;
        let name = state
            .customers
            .with(|book| book.get(id).map(|c| c.name.clone()))
            .unwrap_or_default();
        Some((id, name))
    });
    let pick = move |id: Option<u64>| {
        draft.update(|c| {
            c.referred_by = id;
            // A referrer means the referral chain brought this customer.
            if id.is_some() && c.channel == Channel::Other {
                c.channel = Channel::Referral;
            }
        });
        typed.set(String::new());
        active.set(None);
        open.set(false);
    };
    let expanded = move || open.get() && matches.with(|m| !m.is_empty());
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = matches.with(Vec::len);
        let step = |by: isize| {
            open.set(true);
            if count > 0 {
                let at = active
                    .get_untracked()
                    .map_or(if by > 0 { -1 } else { 0 }, |a| a as isize);
                active.set(Some((at + by).rem_euclid(count as isize) as usize));
            }
        };
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                step(1);
            }
            "ArrowUp" => {
                ev.prevent_default();
                step(-1);
            }
            // Enter in the search never saves the whole form.
            "Enter" if typed.with_untracked(|t| !t.trim().is_empty()) => {
                ev.prevent_default();
                let at = active.get_untracked().filter(|_| open.get_untracked());
                let id = at.and_then(|a| matches.with_untracked(|m| m.get(a).map(|m| m.0)));
                if let Some(id) = id {
                    pick(Some(id));
                }
            }
            "Escape" => {
                ev.prevent_default();
                if expanded() {
                    open.set(false);
                    active.set(None);
                } else {
                    typed.set(String::new());
                }
            }
            _ => {}
        }
    };
    let option_id = |i: usize| format!("referrer-option-{i}");
    let placeholder = move || DetailMsg::FindReferrer.in_lang(lang.get());
    view! {
        <div class="field referrer">
            <label for="customer-referred_by">{move || Field::ReferredBy.label(lang.get())}</label>
            <p class="referrer-current">
                <span data-testid="referrer-current">
                    {move || match chosen.get() {
                        Some((id, name)) => format!("{name} (#{id})"),
                        None => DetailMsg::Nobody.in_lang(lang.get()).to_owned(),
                    }}
                </span>
                <Show when=move || chosen.with(Option::is_some)>
                    <button type="button" class="link-button" data-testid="referrer-clear" on:click=move |_| pick(None)>
                        {tr(DetailMsg::ClearReferrer)}
                    </button>
                </Show>
            </p>
            <input id="customer-referred_by" type="text" data-testid="field-referred_by" autocomplete="off"
                role="combobox" aria-autocomplete="list" aria-controls="referrer-listbox"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                placeholder=placeholder aria-describedby="customer-referred_by-errors"
                prop:value=move || typed.get()
                on:input=move |ev| {
                    typed.set(event_target_value(&ev));
                    active.set(None);
                    open.set(true);
                }
                on:keydown=keydown
                on:focus=move |_| open.set(true)
                on:blur=move |_| open.set(false) />
            <Show when=expanded>
                <ul class="referrer-matches" id="referrer-listbox" role="listbox" data-testid="referrer-matches"
                    aria-label=move || Field::ReferredBy.label(lang.get())>
                    {move || matches.get().into_iter().enumerate().map(|(i, m)| {
                        let id = m.0;
                        view! {
                            <li role="option" id=option_id(i) data-testid="referrer-option"
                                class:active=move || active.get() == Some(i)
                                aria-selected=move || (active.get() == Some(i)).to_string()
                                // Before the input's blur closes the list.
                                on:mousedown=move |ev| ev.prevent_default()
                                on:click=move |_| pick(Some(id))>
                                {m.1.clone()}
                                <span class="muted">{format!(" #{}", m.0)}{(!m.2.is_empty()).then(|| format!(" · {}", m.2))}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <Show when=move || typed.with(|t| !t.trim().is_empty()) && matches.with(Vec::is_empty)>
                <p class="muted" data-testid="referrer-none">{tr(DetailMsg::NoReferrerMatch)}</p>
            </Show>
            <small class="muted">{tr(DetailMsg::ReferredByHint)}</small>
            <FieldErrors id="customer-referred_by-errors".into() messages=errors />
        </div>
    }
}
