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
use crate::state::use_app_state;

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
    let state = use_app_state();
    let lang = use_lang();
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
    let self_id = draft.with_untracked(|c| c.id);
    // Built once, untracked: with 10,000 customers a reactive list of options would be
    // rebuilt on every change of the book, and each option re-checked on every keystroke.
    // The select keeps the choice itself after that.
    let chosen = draft.with_untracked(|c| c.referred_by);
    let others = state.customers.with_untracked(|book| {
        let mut others: Vec<(u64, String)> = book
            .customers
            .iter()
            .filter(|c| c.id != self_id)
            .map(|c| (c.id, c.name.clone()))
            .collect();
        others.sort_by(|a, b| a.1.cmp(&b.1));
        others
    });
    let others = others
        .into_iter()
        .map(|(id, name)| view! { <option value=id.to_string() selected=chosen == Some(id)>{name}</option> })
        .collect_view();
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
            <div class="field">
                <label for="customer-referred_by">{move || Field::ReferredBy.label(lang.get())}</label>
                <select id="customer-referred_by" data-testid="field-referred_by" aria-describedby="customer-referred_by-errors"
                    on:change=move |ev| draft.update(|c| {
                        c.referred_by = event_target_value(&ev).parse().ok();
                        // A referrer means the referral chain brought this customer.
                        if c.referred_by.is_some() && c.channel == Channel::Other {
                            c.channel = Channel::Referral;
                        }
                    })>
                    <option value="">{tr(DetailMsg::Nobody)}</option>
                    {others}
                </select>
                <small class="muted">{tr(DetailMsg::ReferredByHint)}</small>
                <FieldErrors id="customer-referred_by-errors".into() messages=referred_errors />
            </div>
        </fieldset>
    }
}
