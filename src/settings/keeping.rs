//! "Keep your data" in Settings: whether the browser promised to keep this site's
//! storage, how much of it the app uses, what that means (Safari's seven-day rule,
//! installing), and the backup reminder (README "Keep the data").

use leptos::prelude::*;

use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Msg, Text};
use crate::preferences::BACKUP_REMINDER_CHOICES;
use crate::state::{use_app_state, with_repo};
use crate::storage::browser::{estimate, persistence, Persistence};

/// About what localStorage holds per site in every current browser: 5 MiB counted in
/// UTF-16 code units of two bytes (the app's keys and values; WHATWG HTML §12.2 leaves
/// the figure to the browser, and Chromium, Firefox and Safari all use about this).
const LOCAL_STORAGE_LIMIT_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// Persistence, the app's share of localStorage and the site's whole estimate.
#[component]
pub fn KeepYourData() -> impl IntoView {
    let lang = use_lang();
    let status = RwSignal::new(None::<Persistence>);
    let site = RwSignal::new(None::<(f64, f64)>);
    leptos::task::spawn_local(async move {
        status.set(Some(persistence(false).await));
        site.set(estimate().await);
    });
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            status.set(Some(persistence(true).await));
        })
    };
    let used_bytes = with_repo(|repo| repo.used_units()) as f64 * 2.0;
    let share = move || {
        fill(
            Msg::KeepAppUses.in_lang(lang.get()),
            &[
                &format!("{:.1}", used_bytes / 1024.0),
                &format!("{:.0}", LOCAL_STORAGE_LIMIT_BYTES / 1024.0),
                &format!("{:.1}", used_bytes / LOCAL_STORAGE_LIMIT_BYTES * 100.0),
            ],
        )
    };
    let working = move || {
        fill(
            Msg::KeepAppUsesWorking.in_lang(lang.get()),
            &[
                &format!("{:.0}", used_bytes / 2.0),
                &format!("{:.1}", used_bytes / 1024.0),
            ],
        )
    };
    let site_line = move || {
        site.get().map(|(usage, quota)| {
            fill(
                Msg::KeepSiteEstimate.in_lang(lang.get()),
                &[
                    &format!("{:.1}", usage / 1024.0 / 1024.0),
                    &format!("{:.0}", quota / 1024.0 / 1024.0),
                ],
            )
        })
    };
    let status_text = move || match status.get() {
        None => Msg::KeepChecking,
        Some(Persistence::Granted) => Msg::KeepGranted,
        Some(Persistence::NotGranted) => Msg::KeepNotGranted,
        Some(Persistence::Unknown) => Msg::KeepUnknown,
    };
    let status_key = move || match status.get() {
        None => "checking",
        Some(Persistence::Granted) => "granted",
        Some(Persistence::NotGranted) => "not-granted",
        Some(Persistence::Unknown) => "unknown",
    };
    view! {
        <div class="card" data-testid="keep-data">
            <h2>{tr(Msg::KeepHeading)}</h2>
            <p data-testid="persistence-status" data-status=status_key>
                <strong>{move || tr(status_text())()}</strong>
            </p>
            <Show when=move || status.get() == Some(Persistence::NotGranted)>
                <button type="button" data-testid="ask-persistence" on:click=ask>{tr(Msg::KeepAsk)}</button>
            </Show>
            <p data-testid="storage-share">{share}</p>
            <p class="muted">{working}</p>
            {move || site_line().map(|line| view! { <p class="muted" data-testid="storage-estimate">{line}</p> })}
            <p>{tr(Msg::KeepExplain)}</p>
            <p>{tr(Msg::KeepSafari)}</p>
        </div>
    }
}

/// The backup reminder's choice (off, or every few days) and the day of the last backup.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = use_app_state();
    let lang = use_lang();
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        let every = value.parse::<u32>().ok();
        state.settings.edit(move |s| s.backup_every_days = every);
    };
    let last = move || {
        let lang = lang.get();
        match state.settings.with(|s| s.last_backup) {
            Some(day) => {
                let msg = match (crate::clock::today() - day).num_days() {
                    0 => Msg::LastBackupToday,
                    1 => Msg::LastBackupYesterday,
                    _ => Msg::LastBackupOn,
                };
                let ago = (crate::clock::today() - day).num_days();
                fill(msg.in_lang(lang), &[&day.to_string(), &ago.to_string()])
            }
            None => Msg::LastBackupNever.in_lang(lang).to_owned(),
        }
    };
    let chosen = move || state.settings.with(|s| s.backup_every_days);
    view! {
        <p data-testid="last-backup">{last}</p>
        <label class="field">
            <span>{tr(Msg::BackupReminderLabel)}</span>
            <select data-testid="backup-reminder" on:change=on_change>
                <option value="off" selected=move || chosen().is_none()>{tr(Msg::BackupReminderOff)}</option>
                {BACKUP_REMINDER_CHOICES
                    .into_iter()
                    .map(|days| {
                        let label = move || fill(Msg::BackupReminderEvery.in_lang(lang.get()), &[&days.to_string()]);
                        view! { <option value=days.to_string() selected=move || chosen() == Some(days)>{label}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
