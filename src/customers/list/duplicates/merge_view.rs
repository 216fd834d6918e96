//! Two records side by side, a radio per conflicting field, and Merge.

use chrono::Utc;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::field_text::field_text;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{conflicting_fields, Field, FieldChoices, Side};
use crate::customers::labels::Labelled;
use crate::customers::list::messages::ListMsg;
use crate::customers::list::records::merge_pair;
use crate::customers::state::use_customers;
use crate::i18n::{fill, CommonMsg, Text};
use crate::paths;

/// Fields shown for context even when they agree.
const SHOWN: &[Field] = &[
    Field::Name,
    Field::Company,
    Field::Phone,
    Field::Email,
    Field::Stage,
    Field::Tags,
    Field::Interactions,
];

/// The merge of customer `b` into customer `a`.
#[component]
pub fn MergeView(
    /// The record that is kept (its id survives).
    a: u64,
    /// The record merged into `a` and then removed.
    b: u64,
    /// Where to leave the outcome message for the pair list.
    merged: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let navigate = use_navigate();
    let choices = RwSignal::new(FieldChoices::default());
    let records = move || {
        state
            .customers
            .with(|book| book.get(a).cloned().zip(book.get(b).cloned()))
    };
    let do_merge = move |_| {
        let name = state
            .customers
            .with_untracked(|book| book.get(a).map(|c| c.name.clone()))
            .unwrap_or_default();
        let mut done = false;
        state
            .customers
            .update(|book| done = merge_pair(book, a, b, &choices.get_untracked(), Utc::now()));
        if done {
            merged.set(Some(fill(
                ListMsg::Merged.in_lang(lang.get_untracked()),
                &[&name],
            )));
            navigate(&paths::duplicates(""), Default::default());
        }
    };
    move || {
        let Some((ca, cb)) = records() else {
            return view! {
                <p class="banner error" role="alert">{tr(ListMsg::PairGone)}</p>
                <p><A href=paths::duplicates("")>{tr(ListMsg::BackToDuplicates)}</A></p>
            }
            .into_any();
        };
        let lang = lang.get();
        let conflicts = conflicting_fields(&ca, &cb);
        let mut fields: Vec<Field> = SHOWN.to_vec();
        fields.extend(conflicts.iter().copied().filter(|f| !SHOWN.contains(f)));
        let rows = fields.into_iter().map(|field| {
            let label = field.label(lang);
            let (va, vb) = (field_text(&ca, field, lang), field_text(&cb, field, lang));
            let cell = |side: Side, value: String| {
                if !conflicts.contains(&field) {
                    return view! { <td>{value}</td> }.into_any();
                }
                let name = format!("merge-{}", field.key());
                let aria = fill(ListMsg::Keep.in_lang(lang), &[&value, label]);
                let checked = move || choices.with(|c| c.side(field) == side);
                view! {
                    <td><label class="radio">
                        <input type="radio" name=name aria-label=aria data-testid=format!("choose-{}-{}", field.key(), if side == Side::A { "a" } else { "b" })
                            prop:checked=checked on:change=move |_| choices.update(|c| { c.0.insert(field, side); }) />
                        <span>{value}</span>
                    </label></td>
                }.into_any()
            };
            view! { <tr class:conflict=conflicts.contains(&field)><th scope="row">{label}</th>{cell(Side::A, va)}{cell(Side::B, vb)}</tr> }
        }).collect_view();
        let no_conflicts = conflicts
            .is_empty()
            .then(|| view! { <p class="muted">{ListMsg::NoConflicts.in_lang(lang)}</p> });
        view! {
            <div class="card merge-view" data-testid="merge-view">
                <h2>{ListMsg::MergeTitle.in_lang(lang)}</h2>
                <p class="muted">{ListMsg::MergeIntro.in_lang(lang)}</p>
                {no_conflicts}
                <div class="table-wrap" tabindex="0">
                    <table class="customer-table merge-table">
                        <thead><tr>
                            <th scope="col">{ListMsg::Field.in_lang(lang)}</th>
                            <th scope="col">{fill(ListMsg::RecordA.in_lang(lang), &[&a.to_string()])}</th>
                            <th scope="col">{fill(ListMsg::RecordA.in_lang(lang), &[&b.to_string()])}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <div class="actions">
                    <button type="button" data-testid="merge-confirm" on:click=do_merge.clone()>{ListMsg::Merge.in_lang(lang)}</button>
                    <A href=paths::duplicates("") attr:class="button ghost">{CommonMsg::Cancel.in_lang(lang)}</A>
                </div>
            </div>
        }
        .into_any()
    }
}
