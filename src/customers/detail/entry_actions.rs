//! The quiet links under a timeline entry: Edit opens the entry's form in place, and
//! Delete removes an entry made by mistake after an inline "are you sure".

use leptos::prelude::*;

use super::messages::DetailMsg;
use crate::components::focus::InlineConfirm;
use crate::components::text::tr;
use crate::customers::domain::Customer;
use crate::customers::state::use_customers;
use crate::i18n::CommonMsg;

/// The id of an entry's Edit button, where focus returns when its form closes.
pub fn edit_button_id(interaction_id: u64) -> String {
    format!("edit-entry-{interaction_id}")
}

/// Edit and Delete for one entry; hidden while any entry is being corrected, so only one
/// form is open and nothing it links to is deleted under it.
#[component]
pub fn EntryActions(
    /// The customer the interaction belongs to.
    customer: Signal<Customer>,
    /// The interaction acted on.
    interaction_id: u64,
    /// The id of the entry being corrected, if any; Edit sets it.
    editing: RwSignal<Option<u64>>,
) -> impl IntoView {
    let state = use_customers();
    let asking = RwSignal::new(false);
    let delete = move |_| {
        let id = customer.with_untracked(|c| c.id);
        let now = chrono::Utc::now();
        state.customers.update(|book| {
            if let Some(c) = book.get_mut(id) {
                c.remove_interaction(interaction_id, now);
            }
        });
    };
    let edit = move |_| {
        asking.set(false);
        editing.set(Some(interaction_id));
    };
    view! {
        <Show when=move || editing.with(Option::is_none)>
            <div class="timeline-actions">
                <InlineConfirm
                    asking
                    opener=move || view! {
                        <button type="button" class="link-button" id=edit_button_id(interaction_id) data-testid="edit-interaction" on:click=edit>
                            {tr(DetailMsg::EditInteraction)}
                        </button>
                        <button type="button" class="link-button destructive" data-opener data-testid="delete-interaction" on:click=move |_| asking.set(true)>
                            {tr(DetailMsg::DeleteInteraction)}
                        </button>
                    }
                >
                    <span role="alert">{tr(DetailMsg::DeleteInteractionConfirm)}</span>
                    <button type="button" class="danger" data-testid="confirm-delete-interaction" on:click=delete>
                        {tr(DetailMsg::DeleteInteraction)}
                    </button>
                    <button type="button" class="ghost" data-testid="cancel-delete-interaction" on:click=move |_| asking.set(false)>{tr(CommonMsg::Cancel)}</button>
                </InlineConfirm>
            </div>
        </Show>
    }
}
