//! Banners for storage problems: full quota, unreadable data, conflicts with other tabs.

use chrono::Utc;
use leptos::prelude::*;

use super::download::download_text;
use super::text::tr;
use crate::i18n::Msg;
use crate::state::{use_app_state, Notice};
use crate::storage::backup::export_backup;

/// Shows every current notice with the action that helps.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
    let dismiss = move |notice: Notice| state.notices.update(|n| n.retain(|x| *x != notice));
    view! {
        <div class="notices" aria-live="polite">
            <For each=move || state.notices.get() key=|n| format!("{n:?}") let:notice>
                {
                    let n = notice.clone();
                    let on_dismiss = move |_| dismiss(n.clone());
                    let (class, testid, title, body, action) = describe(&notice);
                    view! {
                        <div class=format!("banner {class}") role="alert" data-testid=testid>
                            <div class="banner-text">
                                {title.map(|t| view! { <strong>{tr(t)}</strong> })}
                                <p>{tr(body)}</p>
                            </div>
                            <div class="banner-actions">
                                {action}
                                <button type="button" class="ghost" on:click=on_dismiss>
                                    {tr(Msg::Dismiss)}
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
    }
}

fn export_now_button() -> AnyView {
    let state = use_app_state();
    let export = move |_| {
        let text = export_backup(state.backup_entries(), Utc::now());
        let _ = download_text(&backup_filename(), "application/json", &text);
    };
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
