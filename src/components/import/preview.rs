//! The last import step: what would be added, the rows left out and why, and Confirm.

use std::sync::Arc;

use leptos::prelude::*;

use super::messages::ImportMsg;
use super::plugin::{ImportSection, PendingImport, SectionWord};
use super::ImportStep;
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, CommonMsg, Text};

/// Problems listed before "… and N more".
const LISTED_ERRORS: usize = 50;

/// The checked rows: how many are ready, the first records, every problem, and Confirm.
#[component]
pub fn PreviewStep(
    /// The import step; confirming moves it to `Done`, Cancel back to the start.
    step: RwSignal<ImportStep>,
    /// The section being imported into (the confirm button's words).
    section: Arc<dyn ImportSection>,
    /// The rows as read and checked.
    pending: Arc<dyn PendingImport>,
) -> impl IntoView {
    let lang = use_lang();
    let count = pending.ready();
    let summary = pending.clone();
    let listed = pending.clone();
    let errors = move || {
        let lang = lang.get();
        let total = listed.error_count();
        let items = (0..total.min(LISTED_ERRORS))
            .map(|i| view! { <li>{listed.error_text(i, lang)}</li> })
            .collect_view();
        let more = total.saturating_sub(LISTED_ERRORS);
        let more = (more > 0).then(
            || view! { <li>{fill(ImportMsg::MoreErrors.in_lang(lang), &[&more.to_string()])}</li> },
        );
        (total > 0).then(|| {
            view! {
                <h3>{tr(ImportMsg::RowErrorsTitle)}</h3>
                <ul class="row-errors" data-testid="import-row-errors">{items}{more}</ul>
            }
        })
    };
    let sample = pending.sample();
    let confirm = move |_| step.set(ImportStep::Done(pending.confirm()));
    view! {
        <div class="card" data-testid="import-preview">
            <h2>{tr(ImportMsg::PreviewTitle)}</h2>
            <p data-testid="import-valid-count">{move || summary.summary(lang.get())}</p>
            {sample}
            {errors}
            <div class="actions">
                <button type="button" data-testid="import-confirm" disabled=count == 0 on:click=confirm>
                    {move || fill(section.word(SectionWord::Confirm, lang.get()), &[&count.to_string()])}
                </button>
                <button type="button" class="ghost" data-testid="import-cancel" on:click=move |_| step.set(ImportStep::Choose)>
                    {tr(CommonMsg::Cancel)}
                </button>
            </div>
        </div>
    }
}
