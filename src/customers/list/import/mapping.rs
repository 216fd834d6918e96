//! Step two of a CSV import: which customer field each column fills.

use leptos::prelude::*;

use super::ImportStep;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::import_export::CSV_FIELDS;
use crate::customers::domain::Field;
use crate::customers::labels::Labelled;
use crate::customers::list::messages::ListMsg;
use crate::i18n::{fill, Text};

/// One select per CSV column, preselected by the header.
#[component]
pub fn MappingStep(
    /// The import step; holds the headers and the mapping this step changes.
    step: RwSignal<ImportStep>,
) -> impl IntoView {
    let lang = use_lang();
    let headers = move || match step.get() {
        ImportStep::Csv { headers, .. } => headers,
        _ => Vec::new(),
    };
    let current = move |column: usize| match step.get() {
        ImportStep::Csv { mapping, .. } => mapping.columns.get(column).copied().flatten(),
        _ => None,
    };
    let set = move |column: usize, value: String| {
        let field = Field::from_key(&value);
        step.update(|s| {
            if let ImportStep::Csv { mapping, .. } = s {
                if mapping.columns.len() <= column {
                    mapping.columns.resize(column + 1, None);
                }
                // A field fills from one column only: taking it here frees it elsewhere.
                if field.is_some() {
                    mapping
                        .columns
                        .iter_mut()
                        .filter(|c| **c == field)
                        .for_each(|c| *c = None);
                }
                mapping.columns[column] = field;
            }
        });
    };
    let selects = move || {
        headers()
            .into_iter()
            .enumerate()
            .map(|(column, header)| {
                let chosen = current(column);
                let options = CSV_FIELDS
                    .iter()
                    .map(|&f| view! { <option value=f.key() selected=chosen == Some(f)>{move || f.label(lang.get())}</option> })
                    .collect_view();
                view! {
                    <label class="filter mapping">
                        <span>{move || fill(ListMsg::ColumnHeader.in_lang(lang.get()), &[&header])}</span>
                        <select data-testid=format!("map-{column}") on:change=move |ev| set(column, event_target_value(&ev))>
                            <option value="" selected=chosen.is_none()>{tr(ListMsg::Ignore)}</option>
                            {options}
                        </select>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <div class="card" data-testid="import-mapping">
            <h2>{tr(ListMsg::MappingTitle)}</h2>
            <p class="muted">{tr(ListMsg::MappingIntro)}</p>
            <div class="mapping-grid">{selects}</div>
        </div>
    }
}
