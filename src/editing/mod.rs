//! What every editor shares so that two tabs never undo each other: the pure three-way
//! field merge ([`merge`]), the reactive editor that follows the stored record while a
//! form is open ([`editor`]), and the panels that show a change made elsewhere, a choice
//! between two values, or a record deleted meanwhile ([`panels`]).

pub mod editor;
pub mod merge;
pub mod messages;
pub mod panels;

pub use editor::{Editor, Shown};
pub use merge::{Fields, Keep, SavePlan};
