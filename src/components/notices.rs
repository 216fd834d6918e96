//! Banners for storage problems (full quota, unreadable data, conflicts with other tabs,
//! data of a newer build) and for a new version that is ready.

use chrono::Utc;
use leptos::prelude::*;

use crate::components::text::use_lang;
use crate::i18n::{fill, Text};

use super::download::download_text;
use super::leave_guard::unsaved_changes;
use super::new_version::{reload_into_newest, watch_for_new_version};
use super::text::tr;
use crate::i18n::Msg;
use crate::state::{data_activity, use_app_state, AppState, Notice};
use crate::storage::activity::backup_due;
use crate::storage::backup::export_backup;

/// Shows every current notice with the action that helps.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
    let lang = use_lang();
    watch_for_new_version();
    watch_for_backup_due();
    let dismiss = move |notice: Notice| state.notices.update(|n| n.retain(|x| *x != notice));
    view! {
        <div class="notices" aria-live="polite">
            <For each=move || state.notices.get() key=|n| format!("{n:?}") let:notice>
                {
                    let n = notice.clone();
                    let on_dismiss = move |_| dismiss(n.clone());
                    let (class, testid, title, body, action) = describe(&notice);
                    let calm = matches!(notice, Notice::UpdateReady | Notice::BackupDue { .. });
                    let dismiss_label = if calm { Msg::Later } else { Msg::Dismiss };
                    let arg = match notice {
                        Notice::BackupDue { days } => days.to_string(),
                        _ => String::new(),
                    };
                    let body = move || fill(body.in_lang(lang.get()), &[&arg]);
                    view! {
                        <div class=format!("banner {class}") role=if calm { "status" } else { "alert" } data-testid=testid>
                            <div class="banner-text">
                                {title.map(|t| view! { <strong>{tr(t)}</strong> })}
                                <p>{body}</p>
                            </div>
                            <div class="banner-actions">
                                {action}
                                <button type="button" class="ghost" on:click=on_dismiss>
                                    {tr(dismiss_label)}
                                </button>
                            </div>
                        </div>
                    }
                }
            </For>
        </div>
    }
}

type Description = (
    &'static str,
    &'static str,
    Option<Msg>,
    Msg,
    Option<AnyView>,
);

fn describe(notice: &Notice) -> Description {
    match notice {
        Notice::QuotaExceeded => (
            "error",
            "notice-quota",
            Some(Msg::QuotaTitle),
            Msg::QuotaBody,
            Some(export_now_button()),
        ),
        Notice::Unreadable { key, raw } => (
            "warning",
            "notice-unreadable",
            Some(Msg::CorruptTitle),
            Msg::CorruptBody,
            Some(download_raw_button(key, raw.clone())),
        ),
        Notice::Conflict => (
            "warning",
            "notice-conflict",
            Some(Msg::ConflictTitle),
            Msg::ConflictBody,
            None,
        ),
        Notice::SyncedFromOtherTab => {
            ("info", "notice-synced", None, Msg::SyncedFromOtherTab, None)
        }
        Notice::StorageUnavailable => (
            "error",
            "notice-unavailable",
            None,
            Msg::StorageUnavailable,
            None,
        ),
        Notice::NewerVersion => (
            "warning",
            "notice-newer-version",
            Some(Msg::NewerVersionTitle),
            Msg::NewerVersionBody,
            Some(reload_button()),
        ),
        Notice::UpdateReady => (
            "info",
            "notice-update",
            Some(Msg::UpdateReadyTitle),
            Msg::UpdateReadyBody,
            Some(reload_button()),
        ),
        Notice::BackupDue { .. } => (
            "info",
            "notice-backup-due",
            Some(Msg::BackupDueTitle),
            Msg::BackupDueBody,
            Some(export_now_button()),
        ),
    }
}

/// Shows [`Notice::BackupDue`] once start-up is over, when the user's reminder says so
/// (Settings, `storage::activity::backup_due`); an export takes it away.
fn watch_for_backup_due() {
    let state = use_app_state();
    Effect::new(move |shown: Option<bool>| {
        if shown == Some(true) || state.loading.with(Option::is_some) {
            return shown.unwrap_or(false);
        }
        let (last_backup, every) = state
            .settings
            .with_untracked(|s| (s.last_backup, s.backup_every_days));
        if let Some(days) = backup_due(data_activity(), last_backup, every, crate::clock::today()) {
            state.notices.update(|n| n.push(Notice::BackupDue { days }));
        }
        true
    });
}

/// Downloads a backup of everything and notes the day, so the reminder rests.
pub fn download_backup(state: AppState) {
    let text = export_backup(state.backup_entries(), Utc::now());
    if download_text(&backup_filename(), "application/json", &text).is_ok() {
        let today = crate::clock::today();
        state.settings.edit(move |s| s.last_backup = Some(today));
        state
            .notices
            .update(|n| n.retain(|x| !matches!(x, Notice::BackupDue { .. })));
    }
}

/// Reloads into the newest build; held back (and says why) while a form is unsaved.
fn reload_button() -> AnyView {
    let unsaved = unsaved_changes();
    view! {
        <button type="button" data-testid="notice-reload" disabled=move || unsaved.get()
            on:click=move |_| reload_into_newest()>
            {tr(Msg::ReloadNow)}
        </button>
        <Show when=move || unsaved.get()>
            <p class="banner-hint" data-testid="notice-reload-waits">{tr(Msg::UpdateWaitsForForm)}</p>
        </Show>
    }
    .into_any()
}

fn export_now_button() -> AnyView {
    let state = use_app_state();
    let export = move |_| download_backup(state);
    view! {
        <button type="button" data-testid="notice-export" on:click=export>{tr(Msg::ExportBackup)}</button>
    }
    .into_any()
}

fn download_raw_button(key: &str, raw: String) -> AnyView {
    let filename = format!("{}-unreadable.txt", key.replace('.', "-"));
    let download = move |_| {
        let _ = download_text(&filename, "text/plain", &raw);
    };
    view! {
        <button type="button" data-testid="notice-download-raw" on:click=download>{tr(Msg::DownloadRawData)}</button>
    }
    .into_any()
}

/// `crm-backup-2026-11-23.json`
pub fn backup_filename() -> String {
    format!("crm-backup-{}.json", Utc::now().format("%Y-%m-%d"))
}
