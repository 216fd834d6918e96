//! Customer records: the pure domain, the stored collection, bilingual labels and the pages.

pub mod book;
pub mod derived;
pub mod detail;
pub mod domain;
pub mod labels;
pub mod list;

pub use detail::{provide_leave_guard, CustomerPage, EditCustomerPage, NewCustomerPage};
pub use list::{CustomerListPage, DuplicatesPage, ImportPage};
