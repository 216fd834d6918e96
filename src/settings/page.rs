//! The settings page: colour scheme, home currency and rates, keeping the data
//! (persistence, use, reminder), backup export, restore with preview, erase all.

use leptos::prelude::*;

use super::keeping::{BackupReminder, KeepYourData};
use super::money::MoneySettings;
use crate::components::file::{chosen_file, file_text};
use crate::components::focus::InlineConfirm;
use crate::components::notices::download_backup;
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Lang, Msg, Text};
use crate::preferences::{Settings, Theme};
use crate::state::{use_app_state, with_repo};
use crate::storage::backup::{read_backup, restore, BackupError, BackupPreview};
use crate::storage::Document;

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="page-settings">
            <h1>{tr(Msg::SettingsTitle)}</h1>
            <Appearance />
            <MoneySettings />
            <KeepYourData />
            <BackupExport />
            <BackupRestore />
            <EraseAll />
        </section>
    }
}

#[component]
fn Appearance() -> impl IntoView {
    let state = use_app_state();
    let label = |theme: Theme| match theme {
        Theme::System => Msg::ThemeSystem,
        Theme::Light => Msg::ThemeLight,
        Theme::Dark => Msg::ThemeDark,
    };
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        if let Some(theme) = Theme::ALL.into_iter().find(|t| t.key() == value) {
            state.settings.edit(move |s| s.theme = theme);
        }
    };
    view! {
        <div class="card">
            <h2>{tr(Msg::AppearanceHeading)}</h2>
            <label class="field">
                <span>{tr(Msg::ThemeLabel)}</span>
                <select data-testid="theme-select" on:change=on_change>
                    {Theme::ALL
                        .into_iter()
                        .map(|theme| {
                            let selected = move || state.settings.with(|s| s.theme == theme);
                            view! { <option value=theme.key() selected=selected>{tr(label(theme))}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}

#[component]
fn BackupExport() -> impl IntoView {
    let state = use_app_state();
    let export = move |_| download_backup(state);
    view! {
        <div class="card">
            <h2>{tr(Msg::BackupHeading)}</h2>
            <p>{tr(Msg::BackupExplain)}</p>
            <button type="button" data-testid="export-backup" on:click=export>{tr(Msg::ExportBackup)}</button>
            <BackupReminder />
        </div>
    }
}

/// Where a restore is: nothing chosen, a file read and previewed, or a result to report.
#[derive(Clone)]
enum RestoreStep {
    Idle,
    Preview(BackupPreview),
    Failed(BackupError),
    Done(Result<(), ()>),
}

#[component]
fn BackupRestore() -> impl IntoView {
    let state = use_app_state();
    let lang = use_lang();
    let step = RwSignal::new(RestoreStep::Idle);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let on_file = move |_| {
        let Some(file) = chosen_file(&input_ref) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = file_text(&file).await;
            step.set(match text.map(|t| read_backup(&t, &state.backup_kinds())) {
                Some(Ok(preview)) => RestoreStep::Preview(preview),
                Some(Err(e)) => RestoreStep::Failed(e),
                None => RestoreStep::Done(Err(())),
            });
        });
    };
    let clear_input = move || {
        if let Some(input) = input_ref.get() {
            input.set_value("");
        }
    };
    let confirm = move |_| {
        let RestoreStep::Preview(preview) = step.get_untracked() else {
            return;
        };
        let result = with_repo(|repo| restore(repo, &state.backup_kinds(), &preview));
        state.reload_all();
        step.set(RestoreStep::Done(result.map_err(|_| ())));
        clear_input();
    };
    let cancel = move |_| {
        step.set(RestoreStep::Idle);
        clear_input();
    };

    let body = move || {
        match step.get() {
        RestoreStep::Idle => ().into_any(),
        RestoreStep::Preview(preview) => {
            let lang = lang.get();
            let exported = preview.exported_at.format("%Y-%m-%d %H:%M UTC").to_string();
            let items = preview
                .contents
                .iter()
                .map(|(key, count)| {
                    let name = document_name(key).in_lang(lang);
                    let line = match count {
                        Some(n) => fill(Msg::PreviewRecords.in_lang(lang), &[name, &n.to_string()]),
                        None => fill(Msg::PreviewPresent.in_lang(lang), &[name]),
                    };
                    view! { <li>{line}</li> }
                })
                .collect_view();
            view! {
                <div class="preview" data-testid="restore-preview">
                    <h3>{tr(Msg::RestorePreviewHeading)}</h3>
                    <p class="muted">{fill(Msg::RestorePreviewExported.in_lang(lang), &[&exported])}</p>
                    <ul>{items}</ul>
                    <p class="warning-text">{tr(Msg::RestorePreviewWarning)}</p>
                    <div class="actions">
                        <button type="button" class="danger" data-testid="restore-confirm" on:click=confirm>
                            {tr(Msg::RestoreConfirm)}
                        </button>
                        <button type="button" class="ghost" on:click=cancel>{tr(Msg::Cancel)}</button>
                    </div>
                </div>
            }
            .into_any()
        }
        RestoreStep::Failed(error) => view! {
            <div class="banner error" role="alert" data-testid="restore-error">
                <div class="banner-text">
                    <strong>{tr(Msg::RestoreFailed)}</strong>
                    <p>{move || backup_error_text(&error, lang.get())}</p>
                </div>
            </div>
        }
        .into_any(),
        RestoreStep::Done(Ok(())) => {
            view! { <p class="banner success" role="status" data-testid="restore-done">{tr(Msg::Restored)}</p> }
                .into_any()
        }
        RestoreStep::Done(Err(())) => view! {
            <p class="banner error" role="alert" data-testid="restore-error">{tr(Msg::RestoreFailed)}</p>
        }
        .into_any(),
    }
    };

    view! {
        <div class="card">
            <h2>{tr(Msg::RestoreHeading)}</h2>
            <p>{tr(Msg::RestoreExplain)}</p>
            <label class="field">
                <span>{tr(Msg::ChooseBackupFile)}</span>
                <input
                    type="file"
                    accept="application/json,.json"
                    data-testid="restore-file"
                    node_ref=input_ref
                    on:change=on_file
                />
            </label>
            {body}
        </div>
    }
}

fn document_name(key: &str) -> Msg {
    match key {
        Settings::KEY => Msg::DocumentSettings,
        _ => Msg::DocumentCustomers,
    }
}

/// The user-facing reason a backup file was refused.
pub fn backup_error_text(error: &BackupError, lang: Lang) -> String {
    match error {
        BackupError::NotJson { line, column } => fill(
            Msg::BackupErrorNotJson.in_lang(lang),
            &[&line.to_string(), &column.to_string()],
        ),
        BackupError::NotABackup => Msg::BackupErrorNotBackup.in_lang(lang).to_owned(),
        BackupError::NewerFormat(format) => fill(
            Msg::BackupErrorNewerFormat.in_lang(lang),
            &[&format.to_string()],
        ),
        BackupError::Document(key, why) => fill(
            Msg::BackupErrorDocument.in_lang(lang),
            &[document_name(key).in_lang(lang), why],
        ),
    }
}

#[component]
fn EraseAll() -> impl IntoView {
    let state = use_app_state();
    let asking = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let erased = RwSignal::new(false);
    let erase = move |_| {
        if typed.get_untracked().trim() != "ERASE" {
            return;
        }
        let _ = with_repo(|repo| repo.erase_all());
        state.reload_all();
        state.notices.set(Vec::new());
        asking.set(false);
        typed.set(String::new());
        erased.set(true);
    };
    view! {
        <div class="card danger-zone">
            <h2>{tr(Msg::EraseHeading)}</h2>
            <p>{tr(Msg::EraseExplain)}</p>
            <InlineConfirm
                asking
                opener=move || {
                    view! {
                        <button type="button" class="danger" data-testid="erase-start" on:click=move |_| {
                            erased.set(false);
                            asking.set(true)
                        }>
                            {tr(Msg::EraseButton)}
                        </button>
                    }
                }
            >
                <label class="field">
                    <span>{tr(Msg::EraseConfirmPrompt)}</span>
                    <input
                        type="text"
                        data-testid="erase-confirm-input"
                        autocomplete="off"
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                </label>
                <div class="actions">
                    <button
                        type="button"
                        class="danger"
                        data-testid="erase-confirm"
                        disabled=move || typed.get().trim() != "ERASE"
                        on:click=erase
                    >
                        {tr(Msg::EraseConfirmButton)}
                    </button>
                    <button type="button" class="ghost" data-testid="erase-cancel" on:click=move |_| asking.set(false)>{tr(Msg::Cancel)}</button>
                </div>
            </InlineConfirm>
            <Show when=move || erased.get()>
                <p class="banner success" role="status" data-testid="erase-done">{tr(Msg::Erased)}</p>
            </Show>
        </div>
    }
}
