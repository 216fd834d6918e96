//! The list of blueprints (`/blueprints`): start a blank one or one from a sample (in the
//! interface language), import one from its JSON file; and for each, its figures, rename,
//! duplicate as to-be, and delete after a confirmation (with an undo).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::domain::{summary, Blueprint, Sample};
use super::editor::canvas::minutes_text;
use super::messages::BlueprintMsg;
use super::state::use_blueprints;
use crate::components::file::{chosen_file, file_text};
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Msg, Text};
use crate::paths;

/// One blueprint as the list shows it.
struct Row {
    id: u64,
    name: String,
    version: crate::blueprints::domain::Version,
    steps: usize,
    minutes: f64,
    fail_points: usize,
    open_fail_points: usize,
}

fn row(bp: &Blueprint) -> Row {
    let s = summary(bp);
    Row {
        id: bp.id,
        name: bp.name.clone(),
        version: bp.version,
        steps: bp.steps.len(),
        minutes: s.total_minutes,
        fail_points: s.fail_points,
        open_fail_points: s.open_fail_points,
    }
}

/// A blueprint from its JSON export. Read through a JSON value, as storage reads, so the
/// bundle holds one reader for blueprints, not two.
fn read_json(text: &str) -> Option<Blueprint> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    serde_json::from_value(value).ok()
}

/// `/blueprints`.
#[component]
pub fn BlueprintList() -> impl IntoView {
    let state = use_blueprints();
    let lang = use_lang();
    let navigate = use_navigate();
    let rows = move || {
        state
            .book
            .with(|b| b.blueprints.iter().map(row).collect::<Vec<_>>())
    };
    let renaming = RwSignal::new(None::<u64>);
    let deleting = RwSignal::new(None::<u64>);
    let deleted = RwSignal::new(None::<(usize, Blueprint)>);
    let import_error = RwSignal::new(false);

    let open = {
        let navigate = navigate.clone();
        move |id: u64| navigate(&paths::blueprint(id), Default::default())
    };
    let create = {
        let open = open.clone();
        move |bp: Blueprint| {
            let mut id = 0;
            state.book.update(|b| id = b.add(bp));
            open(id);
        }
    };
    let new_blank = {
        let create = create.clone();
        move |_| {
            create(Blueprint::new(
                0,
                BlueprintMsg::Untitled.in_lang(lang.get_untracked()),
            ))
        }
    };
    let samples = Sample::ALL
        .into_iter()
        .enumerate()
        .map(|(i, sample)| {
            let create = create.clone();
            view! {
                <button type="button" class="ghost" data-testid=format!("bp-new-sample-{i}")
                    on:click=move |_| create(sample.build(0, lang.get_untracked()))>
                    {move || sample.title().in_lang(lang.get())}
                </button>
            }
        })
        .collect_view();
    let file_input = NodeRef::<leptos::html::Input>::new();
    let on_file = {
        let create = create.clone();
        move |_| {
            let Some(file) = chosen_file(&file_input) else {
                return;
            };
            let create = create.clone();
            leptos::task::spawn_local(async move {
                match file_text(&file).await.and_then(|t| read_json(&t)) {
                    Some(bp) => {
                        import_error.set(false);
                        create(bp);
                    }
                    _ => import_error.set(true),
                }
            });
        }
    };

    let list = move || {
        let lang = lang.get();
        let rows = rows();
        if rows.is_empty() {
            return view! { <p data-testid="bp-empty">{BlueprintMsg::NoBlueprints.in_lang(lang)}</p> }.into_any();
        }
        let items = rows
            .into_iter()
            .map(|r| {
                let id = r.id;
                let figures = fill(
                    BlueprintMsg::RowFigures.in_lang(lang),
                    &[&r.steps.to_string(), &minutes_text(r.minutes), &r.fail_points.to_string(), &r.open_fail_points.to_string()],
                );
                let name_for_rename = r.name.clone();
                let name_for_delete = r.name.clone();
                let copy_name = fill(BlueprintMsg::ToBeName.in_lang(lang), &[&r.name]);
                view! {
                    <li class="card bp-row" data-testid=format!("bp-row-{id}")>
                        <h2><A href=paths::blueprint(id) attr:data-testid=format!("bp-open-{id}")>{r.name.clone()}</A></h2>
                        <p class="muted">{r.version.term().in_lang(lang)}{" · "}{figures}</p>
                        {move || (renaming.get() == Some(id)).then(|| {
                            let typed = RwSignal::new(name_for_rename.clone());
                            let save = move |ev: leptos::ev::SubmitEvent| {
                                ev.prevent_default();
                                let name = typed.get_untracked();
                                state.book.edit(move |b| { b.rename(id, &name); });
                                renaming.set(None);
                            };
                            view! {
                                <form class="bp-rename" on:submit=save>
                                    <label class="field"><span>{tr(BlueprintMsg::NewName)}</span>
                                        <input type="text" data-testid=format!("bp-rename-input-{id}") prop:value=typed
                                            on:input=move |ev| typed.set(event_target_value(&ev)) />
                                    </label>
                                    <div class="actions">
                                        <button type="submit" data-testid=format!("bp-rename-save-{id}")>{tr(crate::i18n::CommonMsg::Save)}</button>
                                        <button type="button" class="ghost" on:click=move |_| renaming.set(None)>{tr(crate::i18n::CommonMsg::Cancel)}</button>
                                    </div>
                                </form>
                            }
                        })}
                        {move || (deleting.get() == Some(id)).then(|| {
                            let confirm = move |_| {
                                let mut gone = None;
                                state.book.update(|b| gone = b.delete(id));
                                deleted.set(gone);
                                deleting.set(None);
                            };
                            view! {
                                <div class="banner warning" role="alert" data-testid="bp-delete-question">
                                    <p class="banner-text">{fill(BlueprintMsg::DeleteQuestion.in_lang(lang), &[&name_for_delete])}</p>
                                    <div class="banner-actions">
                                        <button type="button" class="danger" data-testid="bp-delete-confirm" on:click=confirm>{BlueprintMsg::Delete.in_lang(lang)}</button>
                                        <button type="button" class="ghost" on:click=move |_| deleting.set(None)>{crate::i18n::CommonMsg::Cancel.in_lang(lang)}</button>
                                    </div>
                                </div>
                            }
                        })}
                        <div class="actions">
                            <button type="button" class="ghost" data-testid=format!("bp-rename-{id}") on:click=move |_| renaming.set(Some(id))>{BlueprintMsg::Rename.in_lang(lang)}</button>
                            <button type="button" class="ghost" data-testid=format!("bp-duplicate-{id}")
                                on:click=move |_| { let name = copy_name.clone(); state.book.edit(move |b| { b.duplicate(id, &name); }); }>
                                {BlueprintMsg::DuplicateToBe.in_lang(lang)}
                            </button>
                            <button type="button" class="ghost" data-testid=format!("bp-delete-{id}") on:click=move |_| deleting.set(Some(id))>{BlueprintMsg::Delete.in_lang(lang)}</button>
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="bp-list">{items}</ul> }.into_any()
    };
    let undo_banner = move || {
        let lang = lang.get();
        deleted.get().map(|(at, bp)| {
            let text = fill(BlueprintMsg::Deleted.in_lang(lang), &[&bp.name]);
            let restore = move |_| {
                let bp = bp.clone();
                state.book.edit(move |b| b.restore(at, bp.clone()));
                deleted.set(None);
            };
            view! {
                <div class="banner" role="status" data-testid="bp-deleted">
                    <p class="banner-text">{text}</p>
                    <button type="button" class="ghost" data-testid="bp-undo-delete" on:click=restore>{BlueprintMsg::Undo.in_lang(lang)}</button>
                </div>
            }
        })
    };

    view! {
        <section class="page bp-list-page" data-testid="page-blueprints">
            <h1>{tr(Msg::BlueprintsTitle)}</h1>
            <p class="lead">{tr(BlueprintMsg::ListIntro)}</p>
            {undo_banner}
            <div class="card bp-new">
                <h2>{tr(BlueprintMsg::NewHeading)}</h2>
                <div class="actions">
                    <button type="button" data-testid="bp-new-blank" on:click=new_blank>{tr(BlueprintMsg::NewBlank)}</button>
                </div>
                <p>{tr(BlueprintMsg::FromSample)}</p>
                <div class="actions">{samples}</div>
                <label class="field">
                    <span>{tr(BlueprintMsg::ImportJson)}</span>
                    <input type="file" accept=".json,application/json" data-testid="bp-import-json" node_ref=file_input on:change=on_file />
                </label>
                {move || import_error.get().then(|| view! { <p class="error-text" role="alert" data-testid="bp-import-error">{tr(BlueprintMsg::ImportJsonFailed)}</p> })}
            </div>
            {list}
        </section>
    }
}
