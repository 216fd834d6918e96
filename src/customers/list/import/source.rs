//! Step one of an import: a file chooser, or text pasted into a box.

use std::sync::Arc;

use leptos::prelude::*;

use super::texts::{looks_like_json, ImportFailure};
use super::ImportStep;
use crate::components::file::{chosen_file, file_text};
use crate::components::text::tr;
use crate::customers::domain::{import_customers_json, parse_csv, suggest_mapping};
use crate::customers::list::messages::ListMsg;

/// Reads the text into the next step (mapping for CSV, preview for JSON, or a failure).
pub fn read_text(text: String, file_name: Option<&str>) -> ImportStep {
    if looks_like_json(file_name, &text) {
        return match import_customers_json(&text) {
            Ok(customers) if customers.is_empty() => ImportStep::Failed(ImportFailure::Empty),
            Ok(customers) => ImportStep::Json(Arc::new(customers)),
            Err(e) => ImportStep::Failed(ImportFailure::Json(e)),
        };
    }
    match parse_csv(&text) {
        Err(e) => ImportStep::Failed(ImportFailure::Csv(e)),
        Ok(records) if records.len() < 2 => ImportStep::Failed(ImportFailure::Empty),
        Ok(records) => {
            let headers = records[0].clone();
            let mapping = suggest_mapping(&headers);
            ImportStep::Csv {
                text: Arc::new(text),
                headers,
                mapping,
            }
        }
    }
}

/// The file chooser and the paste box.
#[component]
pub fn SourceStep(
    /// The import's current step; reading a source replaces it.
    step: RwSignal<ImportStep>,
) -> impl IntoView {
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let pasted = RwSignal::new(String::new());
    let on_file = move |_| {
        let Some(file) = chosen_file(&input_ref) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = file_text(&file).await;
            step.set(match text {
                Some(text) => read_text(text, Some(&file.name())),
                None => ImportStep::Failed(ImportFailure::Unreadable),
            });
        });
    };
    let read_pasted = move |_| step.set(read_text(pasted.get_untracked(), None));
    view! {
        <div class="card import-source">
            <label class="field">
                <span>{tr(ListMsg::ChooseFile)}</span>
                <input type="file" accept=".csv,.json,text/csv,application/json" data-testid="import-file"
                    node_ref=input_ref on:change=on_file />
            </label>
            <label class="field wide">
                <span>{tr(ListMsg::OrPaste)}</span>
                <textarea rows="4" data-testid="import-paste" prop:value=pasted
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            </label>
            <button type="button" class="ghost" data-testid="import-read-pasted"
                disabled=move || pasted.with(|t| t.trim().is_empty()) on:click=read_pasted>
                {tr(ListMsg::ReadPasted)}
            </button>
        </div>
    }
}
