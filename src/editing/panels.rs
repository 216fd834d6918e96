//! The panels an editor shows when its record changed elsewhere: what moved under the
//! open form, the choice between two values of a field, and a record deleted meanwhile.
//! Every editor uses the same three, so they read the same in every section.

use leptos::prelude::*;

use super::editor::{Editor, Shown};
use super::merge::Keep;
use super::messages::EditMsg;
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Lang, Text};

fn shown_value<T: Shown>(record: &T, field: T::Field, lang: Lang) -> String {
    let value = record.field_value(field, lang);
    if value.trim().is_empty() {
        EditMsg::Empty.in_lang(lang).to_owned()
    } else {
        value
    }
}

/// "Changed in another tab": each field that moved under the form, with its new value.
#[component]
pub fn ChangedElsewhere<T: Shown + PartialEq + Clone>(
    /// The open editor.
    editor: Editor<T>,
) -> impl IntoView {
    let lang = use_lang();
    let lines = move || {
        let lang = lang.get();
        let stored = editor.stored_now();
        let moved = editor.moved.get();
        editor.draft.with(|mine| {
            moved
                .iter()
                .map(|m| {
                    let name = T::field_name(m.field, lang);
                    let theirs = stored
                        .as_ref()
                        .map(|t| shown_value(t, m.field, lang))
                        .unwrap_or_default();
                    let text = if m.clashing {
                        let mine = shown_value(mine, m.field, lang);
                        fill(EditMsg::Clashing.in_lang(lang), &[&name, &theirs, &mine])
                    } else {
                        fill(EditMsg::Taken.in_lang(lang), &[&name, &theirs])
                    };
                    view! { <li>{text}</li> }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || editor.moved.with(|m| !m.is_empty()) && !editor.deleted.get()>
            <div class="banner info" role="status" data-testid="changed-elsewhere">
                <div class="banner-text">
                    <strong>{tr(EditMsg::ChangedElsewhereTitle)}</strong>
                    <ul>{lines}</ul>
                </div>
                <div class="banner-actions">
                    <button type="button" class="ghost" data-testid="changed-elsewhere-dismiss"
                        on:click=move |_| editor.moved.update(|m| m.retain(|x| x.clashing))>
                        {tr(EditMsg::Dismiss)}
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// Both values of each conflicting field side by side; the user picks one of each, then
/// `on_save` runs the form's save again with the choices applied.
#[component]
pub fn ConflictChoice<T: Shown + PartialEq + Clone>(
    /// The open editor; shown while it holds conflicts.
    editor: Editor<T>,
    /// Saves again once every conflict is settled.
    on_save: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let choices = RwSignal::new(Vec::<(T::Field, Keep)>::new());
    let missing = RwSignal::new(false);
    let choose = move |field: T::Field, keep: Keep| {
        choices.update(|c| {
            c.retain(|(f, _)| *f != field);
            c.push((field, keep));
        });
        missing.set(false);
    };
    let rows = move || {
        let lang = lang.get();
        let stored = editor.stored_now();
        let fields = editor.conflicts.get();
        editor.draft.with(|mine| {
            fields
                .into_iter()
                .enumerate()
                .map(|(i, field)| {
                    let name = T::field_name(field, lang);
                    let mine_text = shown_value(mine, field, lang);
                    let theirs_text = stored
                        .as_ref()
                        .map(|t| shown_value(t, field, lang))
                        .unwrap_or_default();
                    let group = format!("conflict-{i}");
                    let is = move |keep: Keep| {
                        move || choices.with(|c| c.contains(&(field, keep)))
                    };
                    view! {
                        <fieldset class="conflict-field" data-testid=format!("conflict-{i}")>
                            <legend>{name}</legend>
                            <div class="conflict-sides">
                                <label class="check conflict-side">
                                    <input type="radio" name=group.clone() data-testid=format!("conflict-{i}-mine")
                                        prop:checked=is(Keep::Mine) on:change=move |_| choose(field, Keep::Mine) />
                                    <span>{fill(EditMsg::KeepMine.in_lang(lang), &[&mine_text])}</span>
                                </label>
                                <label class="check conflict-side">
                                    <input type="radio" name=group data-testid=format!("conflict-{i}-theirs")
                                        prop:checked=is(Keep::Theirs) on:change=move |_| choose(field, Keep::Theirs) />
                                    <span>{fill(EditMsg::KeepTheirs.in_lang(lang), &[&theirs_text])}</span>
                                </label>
                            </div>
                        </fieldset>
                    }
                })
                .collect_view()
        })
    };
    let confirm = move |_| {
        let chosen = choices.get_untracked();
        let all = editor
            .conflicts
            .with_untracked(|fields| fields.iter().all(|f| chosen.iter().any(|(c, _)| c == f)));
        if !all {
            missing.set(true);
            return;
        }
        editor.settle(&chosen);
        choices.set(Vec::new());
        on_save.run(());
    };
    view! {
        <Show when=move || editor.conflicts.with(|c| !c.is_empty())>
            <div class="banner warning conflict-choice" role="alert" data-testid="conflict-choice" tabindex="-1">
                <div class="banner-text">
                    <strong>{tr(EditMsg::ConflictTitle)}</strong>
                    <p>{tr(EditMsg::ConflictBody)}</p>
                    {rows}
                    <Show when=move || missing.get()>
                        <p class="error-text" data-testid="conflict-missing">{tr(EditMsg::ChooseEach)}</p>
                    </Show>
                </div>
                <div class="banner-actions">
                    <button type="button" data-testid="conflict-save" on:click=confirm>{tr(EditMsg::SaveChoices)}</button>
                </div>
            </div>
        </Show>
    }
}

/// The record was deleted elsewhere: restore it as edited here, or discard the edits.
#[component]
pub fn DeletedElsewhere<T: Shown + PartialEq + Clone>(
    /// The open editor; shown once its stored record is gone.
    editor: Editor<T>,
    /// Stores the draft again as a record.
    on_restore: Callback<T>,
    /// Leaves the form without saving.
    on_discard: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || editor.deleted.get()>
            <div class="banner warning" role="alert" data-testid="deleted-elsewhere" tabindex="-1">
                <div class="banner-text">
                    <strong>{tr(EditMsg::DeletedTitle)}</strong>
                    <p>{tr(EditMsg::DeletedBody)}</p>
                </div>
                <div class="banner-actions">
                    <button type="button" data-testid="deleted-restore"
                        on:click=move |_| on_restore.run(editor.draft.get_untracked())>{tr(EditMsg::Restore)}</button>
                    <button type="button" class="ghost" data-testid="deleted-discard"
                        on:click=move |_| on_discard.run(())>{tr(EditMsg::Discard)}</button>
                </div>
            </div>
        </Show>
    }
}
