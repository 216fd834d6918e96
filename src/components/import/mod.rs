//! The one import flow every section shares: a file or pasted text, then the column
//! mapping with suggested matches, then a preview with each row's problems in the user's
//! language, then Confirm. Nothing is stored before Confirm.
//!
//! A section plugs in with an [`ImportPlugin`] (see `plugin.rs`) and renders
//! [`ImportFlow`] on its import page.

mod mapping;
pub mod messages;
pub mod plugin;
mod preview;
mod source;
pub mod texts;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use self::mapping::MappingStep;
use self::messages::ImportMsg;
pub use self::plugin::{
    FailureText, ImportPlugin, ImportSection, KeyMapping, PendingImport, RecordMatch, SectionWord,
    PREVIEW_ROWS,
};
use self::preview::PreviewStep;
pub use self::source::failure;
use self::source::SourceStep;
use crate::components::notices::download_backup;
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Msg};
use crate::state::use_app_state;

/// Where an import is. Nothing is stored before `Done`.
#[derive(Clone)]
pub enum ImportStep {
    Choose,
    Failed(FailureText),
    /// A readable CSV: its rows (header first) and the current column mapping.
    Csv {
        table: Arc<Vec<Vec<String>>>,
        mapping: KeyMapping,
    },
    /// Rows checked and waiting for Confirm.
    Pending(Arc<dyn PendingImport>),
    /// Confirmed: how many records were added, and whether storage kept them (a full
    /// quota leaves them on screen only).
    Done {
        count: usize,
        saved: bool,
    },
}

/// The import steps for one section, from choosing a file to "Imported N".
#[component]
pub fn ImportFlow(
    /// The section being imported into.
    section: Arc<dyn ImportSection>,
) -> impl IntoView {
    let step = RwSignal::new(ImportStep::Choose);
    let lang = use_lang();
    let source = section.clone();
    let body = move || {
        let section = section.clone();
        match step.get() {
            ImportStep::Choose => ().into_any(),
            ImportStep::Failed(why) => view! {
                <div class="banner error" role="alert" data-testid="import-error">
                    <p class="banner-text">{move || why(lang.get())}</p>
                </div>
            }
            .into_any(),
            ImportStep::Csv { table, mapping } => {
                let pending = section.check(&table, &mapping);
                let headers = table[0].clone();
                view! {
                    <MappingStep step section=section.clone() headers mapping />
                    <PreviewStep step section pending />
                }
                .into_any()
            }
            ImportStep::Pending(pending) => {
                view! { <PreviewStep step section pending /> }.into_any()
            }
            ImportStep::Done { count, saved } => {
                let words = section.clone();
                let (class, role, testid, word) = match saved {
                    true => ("banner success", "status", "import-done", SectionWord::Done),
                    false => (
                        "banner error",
                        "alert",
                        "import-not-saved",
                        SectionWord::NotSaved,
                    ),
                };
                view! {
                    <div class=class role=role data-testid=testid>
                        <p class="banner-text">{move || fill(words.word(word, lang.get()), &[&count.to_string()])}</p>
                        <div class="banner-actions">
                            {(!saved).then(|| {
                                let state = use_app_state();
                                view! {
                                    <button type="button" data-testid="import-export-backup" on:click=move |_| download_backup(state)>{tr(Msg::ExportBackup)}</button>
                                }
                            })}
                            <A href=section.back_path() attr:class="button" attr:data-testid="import-back">{move || section.word(SectionWord::Back, lang.get())}</A>
                            <button type="button" class="ghost" on:click=move |_| step.set(ImportStep::Choose)>{tr(ImportMsg::ImportAnother)}</button>
                        </div>
                    </div>
                }
                .into_any()
            }
        }
    };
    let choosing = move || !matches!(step.get(), ImportStep::Done { .. });
    view! {
        <Show when=choosing>
            <SourceStep step section=source.clone() />
        </Show>
        {body}
    }
}
