//! One customer: the profile page with its figures, timeline and churn record, and the
//! create and edit forms.

mod churn;
mod churn_form;
mod classification;
mod complaint;
mod customer_form;
mod entry_actions;
mod figures;
mod form_fields;
mod form_page;
mod form_relationship;
mod form_sections;
mod identity;
pub mod input;
mod interaction_edit;
mod interaction_fields;
mod interaction_form;
mod kotler;
mod lifetime_value;
mod messages;
mod page;
mod record_fields;
mod relationship;
mod resolution;
mod risk;
mod timeline;
mod widgets;

pub use form_page::{EditCustomerPage, NewCustomerPage};
pub use page::CustomerPage;
