//! Correcting a timeline entry after it was added: the interaction form, filled in from
//! the stored entry, checked by the same rules, saved in place under the same id. Through
//! the shared editor it follows the stored entry while open and writes only the parts the
//! user changed (date, details, note) over the newest stored entry.

use leptos::prelude::*;

use super::interaction_fields::Draft;
use super::interaction_form::{check, FormError, InteractionForm};
use crate::clock::today;
use crate::components::leave_guard::guard_form;
use crate::components::text::tr;
use crate::customers::domain::{Customer, Interaction};
use crate::customers::state::use_customers;
use crate::editing::panels::{ChangedElsewhere, ConflictChoice, DeletedElsewhere};
use crate::editing::{Editor, SavePlan};
use crate::i18n::CommonMsg;

/// The form that corrects one interaction; closed by saving or cancelling.
#[component]
pub fn EditInteraction(
    /// The customer the interaction belongs to.
    customer: Signal<Customer>,
    /// The interaction as stored when Edit was chosen.
    original: Interaction,
    /// Closes the form (after a save, or on Cancel without changes).
    on_close: Callback<()>,
) -> impl IntoView {
    let state = use_customers();
    let id = original.id;
    let customer_id = customer.with_untracked(|c| c.id);
    let stored =
        Memo::new(move |_| customer.with(|c| c.interactions.iter().find(|i| i.id == id).cloned()));
    let editor = Editor::new(original.clone(), stored.into());
    let draft = RwSignal::new(Draft::from_interaction(
        &original,
        today(),
        state.conversion.get_untracked().home,
    ));
    let errors = RwSignal::new(Vec::<FormError>::new());
    // The typed draft, once it reads as an entry, is what the merge compares.
    Effect::new(move |_| {
        let parsed = customer.with_untracked(|c| draft.with(|d| check(c, d, id, today())));
        if let Ok(entry) = parsed {
            editor.draft.set(entry);
        }
    });
    // Parts taken from the stored entry show in the inputs, the rest stay as typed.
    Effect::new(move |_| {
        let taken = editor.taken.get();
        let entry = editor.draft.get_untracked();
        draft.update(|d| {
            for field in taken {
                d.take(&entry, field, today());
            }
        });
    });
    let unchanged = draft.get_untracked();
    guard_form(Signal::derive(move || draft.with(|d| *d != unchanged)));
    let write = move || match editor.plan() {
        SavePlan::Unchanged => on_close.run(()),
        SavePlan::Clean(entry) => {
            // Close first: the form's own signals are not read after this.
            on_close.run(());
            state.customers.update(|book| {
                if let Some(c) = book.get_mut(customer_id) {
                    c.replace_interaction(id, entry, chrono::Utc::now());
                }
            });
        }
        // The panels ask; nothing is written until the user answers.
        SavePlan::Conflicts { .. } | SavePlan::Deleted => {}
    };
    let save = move |()| {
        let result =
            customer.with_untracked(|c| draft.with_untracked(|d| check(c, d, id, today())));
        match result {
            Ok(entry) => {
                editor.draft.set(entry);
                write();
            }
            Err(found) => errors.set(found),
        }
    };
    let on_restore = Callback::new(move |entry: Interaction| {
        on_close.run(());
        state.customers.update(|book| {
            if let Some(c) = book.get_mut(customer_id) {
                if !c.interactions.iter().any(|i| i.id == entry.id) {
                    c.interactions.push(entry);
                    c.updated_at = chrono::Utc::now();
                }
            }
        });
    });
    view! {
        <ChangedElsewhere editor />
        <DeletedElsewhere editor on_restore on_discard=on_close />
        <ConflictChoice editor on_save=Callback::new(move |()| write()) />
        <InteractionForm customer draft errors errors_id="interaction-edit-errors" testid="interaction-edit-form"
            on_submit=Callback::new(save) focus_first=true>
            <div class="actions">
                <button type="submit" data-testid="interaction-save">{tr(CommonMsg::Save)}</button>
                <button type="button" class="ghost" data-testid="interaction-cancel" on:click=move |_| on_close.run(())>
                    {tr(CommonMsg::Cancel)}
                </button>
            </div>
        </InteractionForm>
    }
}
