//! Step one of an import: a file chooser, or text pasted into a box.

use std::sync::Arc;

use leptos::prelude::*;

use super::messages::ImportMsg;
use super::plugin::{FailureText, ImportSection, SectionWord};
use super::texts::{failure_text, ImportFailure};
use super::ImportStep;
use crate::components::file::{chosen_file, file_text};
use crate::components::text::{tr, use_lang};
use crate::tabular::csv::parse_csv;

/// A shared failure as the text a step shows.
pub fn failure(failure: ImportFailure) -> FailureText {
    Arc::new(move |lang| failure_text(failure, lang))
}

/// Reads the text into the next step: the section's own format if it knows it, else CSV
/// (on to the mapping), or a failure.
pub fn read_text(section: &dyn ImportSection, text: String, file_name: Option<&str>) -> ImportStep {
    if let Some(read) = section.read_other(&text, file_name) {
        return match read {
            Ok(pending) => ImportStep::Pending(pending),
            Err(why) => ImportStep::Failed(why),
        };
    }
    match parse_csv(&text) {
        Err(e) => ImportStep::Failed(failure(ImportFailure::Csv(e))),
        Ok(table) if table.len() < 2 => ImportStep::Failed(failure(ImportFailure::Empty)),
        Ok(table) => {
            let mapping = section.suggest(&table[0]);
            ImportStep::Csv {
                table: Arc::new(table),
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
    /// The section being imported into.
    section: Arc<dyn ImportSection>,
) -> impl IntoView {
    let lang = use_lang();
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let pasted = RwSignal::new(String::new());
    let from_file = section.clone();
    let on_file = move |_| {
        let Some(file) = chosen_file(&input_ref) else {
            return;
        };
        let section = from_file.clone();
        leptos::task::spawn_local(async move {
            let text = file_text(&file).await;
            step.set(match text {
                Some(text) => read_text(&*section, text, Some(&file.name())),
                None => ImportStep::Failed(failure(ImportFailure::Unreadable)),
            });
        });
    };
    let from_paste = section.clone();
    let read_pasted = move |_| step.set(read_text(&*from_paste, pasted.get_untracked(), None));
    let words = section.clone();
    let word = move |w: SectionWord| {
        let words = words.clone();
        move || words.word(w, lang.get())
    };
    view! {
        <div class="card import-source">
            <label class="field">
                <span>{word(SectionWord::ChooseFile)}</span>
                <input type="file" accept=section.accept() data-testid="import-file"
                    node_ref=input_ref on:change=on_file />
            </label>
            <label class="field wide">
                <span>{word(SectionWord::OrPaste)}</span>
                <textarea rows="4" data-testid="import-paste" prop:value=pasted
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            </label>
            <button type="button" class="ghost" data-testid="import-read-pasted"
                disabled=move || pasted.with(|t| t.trim().is_empty()) on:click=read_pasted>
                {tr(ImportMsg::ReadPasted)}
            </button>
        </div>
    }
}
