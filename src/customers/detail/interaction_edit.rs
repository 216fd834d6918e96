//! Correcting a timeline entry after it was added: the interaction form, filled in from
//! the stored entry, checked by the same rules, saved in place under the same id.

use leptos::prelude::*;

use super::interaction_fields::Draft;
use super::interaction_form::{check, FormError, InteractionForm};
use crate::clock::today;
use crate::components::leave_guard::guard_form;
use crate::components::text::tr;
use crate::customers::domain::{Customer, Interaction};
use crate::i18n::CommonMsg;
use crate::state::use_app_state;

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
    let state = use_app_state();
    let id = original.id;
    let draft = RwSignal::new(Draft::from_interaction(&original, today()));
    let errors = RwSignal::new(Vec::<FormError>::new());
    let unchanged = draft.get_untracked();
    guard_form(Signal::derive(move || draft.with(|d| *d != unchanged)));
    let save = move |()| {
        let result =
            customer.with_untracked(|c| draft.with_untracked(|d| check(c, d, id, today())));
        let interaction = match result {
            Ok(interaction) => interaction,
            Err(found) => return errors.set(found),
        };
        let customer_id = customer.with_untracked(|c| c.id);
        // Close first: the form's own signals are not read after this.
        on_close.run(());
        if interaction != original {
            state.customers.update(|book| {
                if let Some(c) = book.get_mut(customer_id) {
                    c.replace_interaction(id, interaction, chrono::Utc::now());
                }
            });
        }
    };
    view! {
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
