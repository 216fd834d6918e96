//! Persistence: a key-value seam, versioned documents with migrations, and the repository
//! that loads, saves, quarantines and detects conflicting writes.
//!
//! Large collections are split into compressed shards (`sharded`, `pack`).
//!
//! Everything here except `browser` (localStorage) is pure and tested natively through `MemoryStore`.

pub mod activity;
pub mod backup;
pub mod envelope;
pub mod pack;
pub mod persist;
pub mod repo;
pub mod sharded;
pub mod store;

pub mod browser;

pub use envelope::{Document, Migration};
pub use persist::Persist;
pub use repo::{Loaded, Problem, Repository, SaveError};
pub use sharded::{Collection, PreparedSave, ShardMemory};
pub use store::{KeyValueStore, MemoryStore, StorageError};

/// Prefix of every key this app writes, so erase and backup touch nothing else.
pub const KEY_PREFIX: &str = "crm.";
/// Prefix of the keys that hold unreadable data kept aside.
pub const QUARANTINE_PREFIX: &str = "crm.quarantine.";
