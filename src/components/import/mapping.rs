//! Step two of a CSV import: which field each column fills, preselected by its header.

use std::sync::Arc;

use leptos::prelude::*;

use super::messages::ImportMsg;
use super::plugin::{ImportSection, KeyMapping, SectionWord};
use super::ImportStep;
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Text};

/// One select per CSV column, preselected by the header.
#[component]
pub fn MappingStep(
    /// The import step; choosing a field changes its mapping.
    step: RwSignal<ImportStep>,
    /// The section being imported into: the fields a column can fill.
    section: Arc<dyn ImportSection>,
    /// The CSV's header row.
    headers: Vec<String>,
    /// The mapping as it stands.
    mapping: KeyMapping,
) -> impl IntoView {
    let lang = use_lang();
    let keys = section.field_keys();
    let set = move |column: usize, value: String| {
        let key = keys.iter().copied().find(|k| *k == value);
        step.update(|s| {
            if let ImportStep::Csv { mapping, .. } = s {
                mapping.choose(column, key);
            }
        });
    };
    let intro = section.clone();
    let selects = headers
        .into_iter()
        .enumerate()
        .map(|(column, header)| {
            let chosen = mapping.field(column);
            let set = set.clone();
            let options = section
                .field_keys()
                .into_iter()
                .map(|key| {
                    let section = section.clone();
                    view! { <option value=key selected=chosen == Some(key)>{move || section.field_label(key, lang.get())}</option> }
                })
                .collect_view();
            view! {
                <label class="filter mapping">
                    <span>{move || fill(ImportMsg::ColumnHeader.in_lang(lang.get()), &[&header])}</span>
                    <select data-testid=format!("map-{column}") on:change=move |ev| set(column, event_target_value(&ev))>
                        <option value="" selected=chosen.is_none()>{tr(ImportMsg::Ignore)}</option>
                        {options}
                    </select>
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="card" data-testid="import-mapping">
            <h2>{tr(ImportMsg::MappingTitle)}</h2>
            <p class="muted">{move || intro.word(SectionWord::MappingIntro, lang.get())}</p>
            <div class="mapping-grid">{selects}</div>
        </div>
    }
}
