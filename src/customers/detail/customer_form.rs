//! The create/edit form of a customer. It edits a draft copy: Save checks every field,
//! shows all problems at once and writes once; Cancel discards; leaving with unsaved
//! changes asks first.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::form_relationship::RelationshipFields;
use super::form_sections::{ClassificationFields, IdentityFields};
use super::input::finish_draft;
use super::messages::DetailMsg;
use crate::app::app_path;
use crate::clock::today;
use crate::components::leave_guard::use_leave_guard;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{validate, Customer};
use crate::customers::labels::problem_text;
use crate::i18n::CommonMsg;
use crate::state::use_app_state;
use crate::tasks::next_task;

/// The form; `original` is the stored record being edited, `None` for a new customer.
#[component]
pub fn CustomerForm(
    /// The stored record to edit, or `None` to create one.
    original: Option<Customer>,
) -> impl IntoView {
    let state = use_app_state();
    let lang = use_lang();
    let baseline = original
        .clone()
        .unwrap_or_else(|| Customer::new(0, "", chrono::Utc::now()));
    let draft = RwSignal::new(baseline.clone());
    let tags_text = RwSignal::new(baseline.tags.join(", "));
    let attempted = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let issues = Memo::new(move |_| draft.with(|c| validate(c, today())));
    let dirty = Signal::derive(move || !saved.get() && draft.with(|d| *d != baseline));
    use_leave_guard(dirty);
    let back = match &original {
        Some(c) => app_path(&format!("/customers/{}", c.id)),
        None => app_path("/customers"),
    };
    let editing = original.is_some();
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        if !issues.with_untracked(Vec::is_empty) {
            return;
        }
        let done = finish_draft(
            original.as_ref(),
            draft.get_untracked(),
            chrono::Utc::now(),
            today(),
        );
        let mut id = done.id;
        state.customers.update(
            |book| match book.get_mut(done.id).filter(|_| original.is_some()) {
                Some(stored) => *stored = done,
                None => {
                    let mut done = done;
                    id = book.take_id();
                    done.id = id;
                    book.customers.push(done);
                }
            },
        );
        saved.set(true);
        // The customer page is built in a task of its own, after the save.
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            next_task().await;
            navigate(&app_path(&format!("/customers/{id}")), Default::default());
        });
    };
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
            <Show when=move || shown.get()>
                <div class="banner error" role="alert" data-testid="form-problems">
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
