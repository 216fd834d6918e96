//! The Learn section: the CRM concepts of customer records, each explained in both
//! languages and illustrated with the customers stored in this browser (or the demo data).

mod messages;
mod page;

pub use page::LearnPage;
