//! The steps CSV import (`/blueprints/:id/import`): the shared import flow with the
//! blueprint's steps as its target. The steps import is read from the whole table (ids,
//! `next` and the columns in file order depend on the other rows), so this section speaks
//! to the flow through [`ImportSection`] itself rather than the one-row-at-a-time plug-in.
//!
//! An arrow may lead to any row, so the import is all or nothing: with a row error nothing
//! can be confirmed. Confirming replaces the blueprint's steps, arrows and phases as one
//! edit, which "Undo" in the editor takes back.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::domain::csv::FIELDS;
use super::domain::{Edit, ImportedSteps, StepField, StepProblem, StepRow, StepsImport};
use super::messages::BlueprintMsg;
use super::state::{use_blueprints, BlueprintsState};
use crate::components::import::messages::ImportMsg;
use crate::components::import::texts::row_error_text;
use crate::components::import::{
    FailureText, ImportFlow, ImportSection, KeyMapping, PendingImport, SectionWord,
};
use crate::components::text::tr;
use crate::i18n::{fill, Lang, Text};
use crate::paths;
use crate::tabular::import::{preview, suggest_mapping, ColumnMapping, ImportPreview};

/// The blueprint the steps go into.
#[derive(Clone, Copy)]
struct StepsSection {
    state: BlueprintsState,
    id: u64,
}

impl ImportSection for StepsSection {
    fn word(&self, word: SectionWord, lang: Lang) -> &'static str {
        match word {
            SectionWord::ChooseFile => BlueprintMsg::ImportChooseFile,
            SectionWord::OrPaste => BlueprintMsg::ImportOrPaste,
            SectionWord::MappingIntro => BlueprintMsg::ImportMapping,
            SectionWord::Confirm => BlueprintMsg::ImportConfirm,
            SectionWord::Done => BlueprintMsg::ImportDone,
            SectionWord::NotSaved => BlueprintMsg::ImportNotSaved,
            SectionWord::Back => BlueprintMsg::BackToBlueprint,
        }
        .in_lang(lang)
    }

    fn back_path(&self) -> String {
        paths::blueprint(self.id)
    }

    fn accept(&self) -> &'static str {
        ".csv,text/csv"
    }

    fn field_keys(&self) -> Vec<&'static str> {
        FIELDS.iter().map(|f| f.key).collect()
    }

    fn field_label(&self, key: &str, lang: Lang) -> &'static str {
        FIELDS
            .iter()
            .find(|f| f.key == key)
            .map_or("", |f| f.field.term().in_lang(lang))
    }

    fn suggest(&self, headers: &[String]) -> KeyMapping {
        suggest_mapping(FIELDS, headers).map(key_of)
    }

    fn check(&self, table: &[Vec<String>], mapping: &KeyMapping) -> Arc<dyn PendingImport> {
        let mapping: ColumnMapping<StepField> =
            mapping.map(|key| FIELDS.iter().find(|f| f.key == key).map(|f| f.field));
        let target = StepsImport::new(table, &mapping);
        let checked = preview(&target, table, &mapping);
        Arc::new(Checked {
            section: *self,
            rows: checked.rows_read(),
            preview: checked,
            target,
        })
    }

    fn read_other(
        &self,
        _text: &str,
        _file_name: Option<&str>,
    ) -> Option<Result<Arc<dyn PendingImport>, FailureText>> {
        None
    }
}

fn key_of(field: StepField) -> Option<&'static str> {
    FIELDS.iter().find(|f| f.field == field).map(|f| f.key)
}

/// The rows read and checked, waiting for Confirm.
struct Checked {
    section: StepsSection,
    target: StepsImport,
    preview: ImportPreview<StepRow, StepField, StepProblem>,
    rows: usize,
}

impl PendingImport for Checked {
    fn summary(&self, lang: Lang) -> String {
        if !self.preview.errors.is_empty() {
            return BlueprintMsg::ImportAllOrNothing.in_lang(lang).to_owned();
        }
        let (ready, rows) = (self.ready().to_string(), self.rows.to_string());
        fill(ImportMsg::ValidRows.in_lang(lang), &[&ready, &rows])
    }

    fn ready(&self) -> usize {
        if self.preview.errors.is_empty() {
            self.preview.records.len()
        } else {
            0
        }
    }

    fn error_count(&self) -> usize {
        self.preview.errors.len()
    }

    fn error_text(&self, index: usize, lang: Lang) -> String {
        self.preview
            .errors
            .get(index)
            .map(|e| row_error_text(&self.target, e, lang))
            .unwrap_or_default()
    }

    fn sample(&self) -> AnyView {
        let rows: Vec<(String, String, String)> = self
            .preview
            .records
            .iter()
            .take(crate::components::import::PREVIEW_ROWS)
            .map(|r| {
                (
                    r.step.id.to_string(),
                    r.step.lane.key().to_owned(),
                    r.step.name.clone(),
                )
            })
            .collect();
        view! {
            <ul class="plain-list" data-testid="bp-import-sample">
                {rows.into_iter().map(|(id, lane, name)| view! { <li>{id}{" · "}{lane}{" · "}{name}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    }

    fn confirm(&self) -> usize {
        if self.ready() == 0 {
            return 0;
        }
        let Some(mut bp) = self
            .section
            .state
            .book
            .with_untracked(|b| b.get(self.section.id).cloned())
        else {
            return 0;
        };
        let imported = ImportedSteps::from_rows(self.preview.records.clone());
        let count = imported.steps.len();
        imported.apply_to(&mut bp);
        match self
            .section
            .state
            .apply(self.section.id, &Edit::Replace(bp))
        {
            Ok(_) => count,
            Err(_) => 0,
        }
    }
}

/// `/blueprints/:id/import`.
#[component]
pub fn StepsImportPage() -> impl IntoView {
    let params = use_params_map();
    let state = use_blueprints();
    let id = params
        .read_untracked()
        .get("id")
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|id| state.book.with_untracked(|b| b.get(*id).is_some()));
    let name = id.and_then(|id| {
        state
            .book
            .with_untracked(|b| b.get(id).map(|bp| bp.name.clone()))
    });
    view! {
        <section class="page import-page" data-testid="page-steps-import">
            {match (id, name) {
                (Some(id), Some(name)) => view! {
                    <p class="back"><A href=paths::blueprint(id)>{tr(BlueprintMsg::BackToBlueprint)}</A></p>
                    <h1>{tr(BlueprintMsg::ImportTitle)}</h1>
                    <p class="lead">{name}</p>
                    <p class="muted">{tr(BlueprintMsg::ImportIntro)}</p>
                    <ImportFlow section=Arc::new(StepsSection { state, id }) />
                }.into_any(),
                _ => view! {
                    <h1>{tr(BlueprintMsg::NotFound)}</h1>
                    <A href=paths::blueprints()>{tr(BlueprintMsg::BackToList)}</A>
                }.into_any(),
            }}
        </section>
    }
}
