//! The last import step: what would be added, the rows left out and why, and Confirm.

use std::sync::Arc;

use leptos::prelude::*;

use super::messages::ImportMsg;
use super::plugin::{ImportSection, PendingImport, SectionWord};
use super::ImportStep;
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, CommonMsg, Lang, Text};
use crate::tabular::import::MatchChoice;

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
    let matches = pending.matches();
    let choices = RwSignal::new(matches.iter().map(|m| m.default).collect::<Vec<_>>());
    let skipped = move || choices.with(|c| c.iter().filter(|&&c| c == MatchChoice::Skip).count());
    let updated = move || choices.with(|c| c.iter().filter(|&&c| c == MatchChoice::Update).count());
    let writes = move || count - skipped();
    let any_matches = !matches.is_empty();
    let plan = move || {
        let (add, update, skip) = (count - skipped() - updated(), updated(), skipped());
        fill(
            ImportMsg::MatchPlan.in_lang(lang.get()),
            &[&add.to_string(), &update.to_string(), &skip.to_string()],
        )
    };
    let confirm = move |_| {
        let done = match any_matches {
            true => choices.with_untracked(|c| pending.confirm_chosen(c)),
            false => pending.confirm(),
        };
        // The section saved as it added; if storage refused, say so instead of "Imported".
        let saved = !crate::state::last_save_refused();
        step.set(ImportStep::Done { count: done, saved });
    };
    view! {
        <div class="card" data-testid="import-preview">
            <h2>{tr(ImportMsg::PreviewTitle)}</h2>
            <p data-testid="import-valid-count">{move || summary.summary(lang.get())}</p>
            {sample}
            {any_matches.then(|| view! {
                <MatchList matches choices />
                <p data-testid="import-plan" aria-live="polite">{plan}</p>
            })}
            {errors}
            <div class="actions">
                <button type="button" data-testid="import-confirm" disabled=move || writes() == 0 on:click=confirm>
                    {move || fill(section.word(SectionWord::Confirm, lang.get()), &[&writes().to_string()])}
                </button>
                <button type="button" class="ghost" data-testid="import-cancel" on:click=move |_| step.set(ImportStep::Choose)>
                    {tr(CommonMsg::Cancel)}
                </button>
            </div>
        </div>
    }
}

fn choice_name(choice: MatchChoice) -> ImportMsg {
    match choice {
        MatchChoice::Skip => ImportMsg::MatchSkip,
        MatchChoice::Update => ImportMsg::MatchUpdate,
        MatchChoice::AddNew => ImportMsg::MatchAddNew,
    }
}

fn choice_options(
    selected: impl Fn(MatchChoice) -> bool + Copy + Send + Sync + 'static,
    lang: Memo<Lang>,
) -> impl IntoView {
    MatchChoice::ALL
        .into_iter()
        .map(|c| view! { <option value=c.key() selected=move || selected(c)>{move || choice_name(c).in_lang(lang.get())}</option> })
        .collect_view()
}

/// The rows that match stored records, each with its choice, and one choice for all.
#[component]
fn MatchList(
    /// The matching rows, as the section describes them.
    matches: Vec<super::RecordMatch>,
    /// The choice per matching row; the list writes it.
    choices: RwSignal<Vec<MatchChoice>>,
) -> impl IntoView {
    let lang = use_lang();
    let all = RwSignal::new(None::<MatchChoice>);
    let choose_all = move |ev| {
        let choice = MatchChoice::from_key(&event_target_value(&ev));
        all.set(choice);
        if let Some(choice) = choice {
            choices.update(|c| c.iter_mut().for_each(|x| *x = choice));
        }
    };
    let rows = matches
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let text = m.text.clone();
            let change = move |ev| {
                if let Some(choice) = MatchChoice::from_key(&event_target_value(&ev)) {
                    choices.update(|c| c[i] = choice);
                    all.set(None);
                }
            };
            let id = format!("match-choice-{i}");
            let is = move |c: MatchChoice| choices.with(|x| x.get(i) == Some(&c));
            view! {
                <li data-testid="import-match">
                    <label for=id.clone()>{move || text(lang.get())}</label>
                    <select id=id data-testid="match-choice" on:change=change>
                        {choice_options(is, lang)}
                    </select>
                </li>
            }
        })
        .collect_view();
    view! {
        <h3>{tr(ImportMsg::MatchesTitle)}</h3>
        <p class="muted">{tr(ImportMsg::MatchesIntro)}</p>
        <label class="field inline">
            <span>{tr(ImportMsg::MatchAllLabel)}</span>
            <select data-testid="match-all" on:change=choose_all>
                <option value="" selected=move || all.get().is_none()>"—"</option>
                {choice_options(move |c| all.get() == Some(c), lang)}
            </select>
        </label>
        <ul class="import-matches" data-testid="import-matches">{rows}</ul>
    }
}
