//! The import page: choose or paste a file, match CSV columns, preview, then confirm.

mod mapping;
mod preview;
mod source;
pub mod texts;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use self::mapping::MappingStep;
use self::preview::{CsvPreview, JsonPreview};
use self::source::SourceStep;
use self::texts::{failure_text, ImportFailure};
use super::messages::ListMsg;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{ColumnMapping, Customer};
use crate::i18n::{fill, CommonMsg, Text};
use crate::paths;

/// Where an import is. Nothing is stored before `Done`.
#[derive(Clone)]
pub enum ImportStep {
    Choose,
    Failed(ImportFailure),
    /// A readable CSV: its text, header row, and the current column mapping.
    Csv {
        text: Arc<String>,
        headers: Vec<String>,
        mapping: ColumnMapping,
    },
    Json(Arc<Vec<Customer>>),
    Done(usize),
}

/// CSV/JSON import.
#[component]
pub fn ImportPage() -> impl IntoView {
    let step = RwSignal::new(ImportStep::Choose);
    let lang = use_lang();
    let body = move || {
        match step.get() {
        ImportStep::Choose => ().into_any(),
        ImportStep::Failed(failure) => view! {
            <div class="banner error" role="alert" data-testid="import-error">
                <p class="banner-text">{move || failure_text(failure, lang.get())}</p>
            </div>
        }
        .into_any(),
        ImportStep::Csv { .. } => view! { <MappingStep step /> <CsvPreview step /> }.into_any(),
        ImportStep::Json(customers) => view! { <JsonPreview step customers /> }.into_any(),
        ImportStep::Done(count) => view! {
            <div class="banner success" role="status" data-testid="import-done">
                <p class="banner-text">{move || fill(ListMsg::ImportDone.in_lang(lang.get()), &[&count.to_string()])}</p>
                <div class="banner-actions">
                    <A href=paths::customers("") attr:class="button" attr:data-testid="import-back">{tr(CommonMsg::BackToCustomers)}</A>
                    <button type="button" class="ghost" on:click=move |_| step.set(ImportStep::Choose)>{tr(ListMsg::ImportAnother)}</button>
                </div>
            </div>
        }
        .into_any(),
    }
    };
    let choosing = move || !matches!(step.get(), ImportStep::Done(_));
    view! {
        <section class="page list-page import-page" data-testid="page-customer-import">
            <p class="back"><A href=paths::customers("")>{tr(CommonMsg::BackToCustomers)}</A></p>
            <h1>{tr(ListMsg::ImportTitle)}</h1>
            <p class="muted">{tr(ListMsg::ImportIntro)}</p>
            <Show when=choosing>
                <SourceStep step />
            </Show>
            {body}
        </section>
    }
}
