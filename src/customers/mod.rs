//! Customer records: the pure domain, the stored collection, bilingual labels and the pages.

pub mod book;
pub mod derived;
pub mod detail;
pub mod domain;
pub mod labels;
pub mod list;
mod routes;
pub mod state;

/// The seed of "Load demo data": fixed, so every demo shows the same customers (the Learn
/// section and the README can refer to them).
pub const DEMO_SEED: u64 = 42;

pub use routes::CustomerRoutes;
