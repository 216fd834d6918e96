//! The create/edit form of a customer. It edits a draft copy: Save checks every field,
//! shows all problems at once and writes once; Cancel discards; leaving with unsaved
//! changes asks first. Through the shared editor (`crate::editing`) it follows the stored
//! record while open and saves only the fields the user changed, on top of the newest
//! stored record: another tab's changes are kept, a field changed in both is chosen by
//! the user, and a customer deleted meanwhile can be restored or the edits discarded.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::form_relationship::RelationshipFields;
use super::form_sections::{ClassificationFields, IdentityFields};
use super::input::finish_draft;
use super::messages::DetailMsg;
use crate::clock::today;
use crate::components::leave_guard::use_leave_guard;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{validate, Customer, Field};
use crate::customers::labels::problem_text;
use crate::customers::state::use_customers;
use crate::editing::panels::{ChangedElsewhere, ConflictChoice, DeletedElsewhere};
use crate::editing::{Editor, SavePlan};
use crate::i18n::CommonMsg;
use crate::paths;
use crate::tasks::next_task;

/// The form; `original` is the stored record being edited, `None` for a new customer.
#[component]
pub fn CustomerForm(
    /// The stored record to edit, or `None` to create one.
    original: Option<Customer>,
) -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let baseline = original
        .clone()
        .unwrap_or_else(|| Customer::new(0, "", chrono::Utc::now()));
    let editing = original.is_some();
    let stored = {
        let blank = baseline.clone();
        let id = baseline.id;
        Memo::new(move |_| match editing {
            true => state.customers.with(|book| book.get(id).cloned()),
            false => Some(blank.clone()),
        })
    };
    let editor = Editor::new(baseline.clone(), stored.into());
    let draft = editor.draft;
    let tags_text = RwSignal::new(baseline.tags.join(", "));
    // The tags input keeps the text as typed; it follows only when the tags were taken.
    Effect::new(move |_| {
        if editor.taken.with(|t| t.contains(&Field::Tags)) {
            tags_text.set(draft.with_untracked(|c| c.tags.join(", ")));
        }
    });
    let attempted = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let issues = Memo::new(move |_| draft.with(|c| validate(c, today())));
    let changed = editor.dirty();
    let dirty = Signal::derive(move || !saved.get() && changed.get());
    use_leave_guard(dirty);
    let back = match &original {
        Some(c) => paths::customer(c.id, ""),
        None => paths::customers(""),
    };
    let navigate = use_navigate();
    let leave = navigate.clone();
    let show_customer = move |id: u64| {
        saved.set(true);
        // The customer page is built in a task of its own, after the save.
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            next_task().await;
            navigate(&paths::customer(id, ""), Default::default());
        });
    };
    let finish = {
        let show_customer = show_customer.clone();
        move |record: Customer| {
            let done = finish_draft(
                editor.stored_now().as_ref().filter(|_| editing),
                record,
                chrono::Utc::now(),
                today(),
            );
            let mut id = done.id;
            state
                .customers
                .update(|book| match book.get_mut(done.id).filter(|_| editing) {
                    Some(stored) => *stored = done,
                    None => {
                        let mut done = done;
                        id = book.take_id();
                        done.id = id;
                        book.customers.push(done);
                    }
                });
            show_customer(id);
        }
    };
    let save = {
        let finish = finish.clone();
        let show_customer = show_customer.clone();
        move || {
            attempted.set(true);
            if !issues.with_untracked(Vec::is_empty) {
                return;
            }
            if !editing {
                return finish(draft.get_untracked());
            }
            match editor.plan() {
                SavePlan::Clean(record) => finish(record),
                SavePlan::Unchanged => show_customer(baseline.id),
                // The panels below ask; nothing is written until the user answers.
                SavePlan::Conflicts { .. } | SavePlan::Deleted => focus_panel(),
            }
        }
    };
    let submit = {
        let save = save.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            save();
        }
    };
    let on_settled = Callback::new(move |()| save());
    // Restored under its own number (free again), as it was edited here.
    let on_restore = Callback::new(move |record: Customer| {
        let id = record.id;
        let mut restored = record;
        restored.updated_at = chrono::Utc::now();
        state.customers.update(|book| {
            if book.get(id).is_none() {
                book.customers.push(restored);
                book.customers.sort_by_key(|c| c.id);
            }
        });
        show_customer(id);
    });
    let list = paths::customers("");
    let on_discard = Callback::new(move |()| {
        saved.set(true);
        leave(&list, Default::default());
    });
    let summary = move || {
        let lang = lang.get();
        let items = draft.with(|c| {
            issues
                .get()
                .into_iter()
                .map(|i| {
                    let value = match i.field {
                        crate::customers::domain::Field::Email => c.email.clone(),
                        crate::customers::domain::Field::Phone => c.phone.clone(),
                        _ => String::new(),
                    };
                    problem_text(i.field, i.problem, &value, lang)
                })
                .collect::<Vec<_>>()
        });
        items
            .into_iter()
            .map(|t| view! { <li>{t}</li> })
            .collect_view()
    };
    let shown = Signal::derive(move || attempted.get() && !issues.with(Vec::is_empty));
    view! {
        <form class="customer-form" data-testid="customer-form" on:submit=submit novalidate>
            <ChangedElsewhere editor />
            <DeletedElsewhere editor on_restore on_discard />
            <ConflictChoice editor on_save=on_settled />
            <Show when=move || shown.get()>
                <div class="banner error" role="alert" data-error-summary data-testid="form-problems">
                    <strong>{tr(DetailMsg::FormProblems)}</strong>
                    <ul>{summary}</ul>
                </div>
            </Show>
            <IdentityFields draft issues=issues.into() shown=attempted.into() tags_text />
            <ClassificationFields draft issues=issues.into() shown=attempted.into() />
            <RelationshipFields draft issues=issues.into() shown=attempted.into() changing_stage=editing />
            <div class="actions form-actions">
                <button type="submit" data-testid="save-customer">{tr(CommonMsg::Save)}</button>
                <A href=back attr:class="button ghost" attr:data-testid="cancel-customer">{tr(CommonMsg::Cancel)}</A>
            </div>
        </form>
    }
}

/// Brings the panel that asks (a conflict, or a customer deleted meanwhile) into view
/// and gives it the focus, so a keyboard or screen-reader user is told at once.
fn focus_panel() {
    leptos::task::spawn_local(async move {
        next_task().await;
        let document = document();
        let panel = document
            .query_selector("[data-testid=conflict-choice], [data-testid=deleted-elsewhere]")
            .ok()
            .flatten();
        if let Some(panel) = panel.and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok()) {
            panel.scroll_into_view();
            let _ = panel.focus();
        }
    });
}
