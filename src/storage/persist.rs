//! How a value the app keeps is read from and written to storage: one key for a small
//! document, many compressed shards for a large collection (see [`super::sharded`]).

use super::repo::{Loaded, Problem, Repository, SaveError};
use super::store::KeyValueStore;

/// A value kept in storage and followed across tabs.
pub trait Persist: Clone + Default + Send + Sync + 'static {
    /// What the repository remembers between saves (for a collection: what it last
    /// wrote, to find the shards that changed).
    type Memory: Default + Send + Sync + 'static;

    fn load<S: KeyValueStore>(repo: &Repository<S>, memory: &mut Self::Memory) -> Loaded<Self>;

    /// Saves over the revisions this tab knows; a stale tab gets `Conflict`.
    fn save<S: KeyValueStore>(
        &self,
        repo: &Repository<S>,
        memory: &mut Self::Memory,
    ) -> Result<(), SaveError>;

    /// Writes the value whatever is stored (a restored backup).
    fn replace<S: KeyValueStore>(&self, repo: &Repository<S>) -> Result<(), SaveError>;

    /// Whether a `storage` event for `key` concerns this value.
    fn owns_key(key: &str) -> bool;

    /// Takes another tab's write to `key` (`None`: removed).
    fn follow<S: KeyValueStore>(
        &mut self,
        repo: &Repository<S>,
        memory: &mut Self::Memory,
        key: &str,
        raw: Option<String>,
    ) -> Vec<Problem>;

    /// Whether what was just loaded should be written again at once (an old layout).
    fn needs_rewrite(_memory: &Self::Memory) -> bool {
        false
    }
}

/// Implements [`Persist`] for a [`super::Document`] stored whole under its key.
#[macro_export]
macro_rules! persist_whole_document {
    ($doc:ty) => {
        impl $crate::storage::Persist for $doc {
            type Memory = ();

            fn load<S: $crate::storage::KeyValueStore>(
                repo: &$crate::storage::Repository<S>,
                _: &mut (),
            ) -> $crate::storage::Loaded<Self> {
                repo.load::<Self>()
            }

            fn save<S: $crate::storage::KeyValueStore>(
                &self,
                repo: &$crate::storage::Repository<S>,
                _: &mut (),
            ) -> Result<(), $crate::storage::SaveError> {
                repo.save(self)
            }

            fn replace<S: $crate::storage::KeyValueStore>(
                &self,
                repo: &$crate::storage::Repository<S>,
            ) -> Result<(), $crate::storage::SaveError> {
                repo.replace(self)
            }

            fn owns_key(key: &str) -> bool {
                key == <Self as $crate::storage::Document>::KEY
            }

            fn follow<S: $crate::storage::KeyValueStore>(
                &mut self,
                repo: &$crate::storage::Repository<S>,
                _: &mut (),
                _key: &str,
                raw: Option<String>,
            ) -> Vec<$crate::storage::Problem> {
                let loaded = repo.accept::<Self>(raw.as_deref());
                *self = loaded.doc;
                loaded.problems
            }
        }
    };
}

/// Implements [`Persist`] for a [`super::Collection`] stored in compressed shards (see
/// [`super::sharded`]): the customers, the credit ledger.
#[macro_export]
macro_rules! persist_sharded_collection {
    ($doc:ty) => {
        impl $crate::storage::Persist for $doc {
            type Memory =
                $crate::storage::ShardMemory<<$doc as $crate::storage::Collection>::Record>;

            fn load<S: $crate::storage::KeyValueStore>(
                repo: &$crate::storage::Repository<S>,
                memory: &mut Self::Memory,
            ) -> $crate::storage::Loaded<Self> {
                repo.load_sharded(memory)
            }

            fn save<S: $crate::storage::KeyValueStore>(
                &self,
                repo: &$crate::storage::Repository<S>,
                memory: &mut Self::Memory,
            ) -> Result<(), $crate::storage::SaveError> {
                repo.save_sharded(self, memory)
            }

            fn replace<S: $crate::storage::KeyValueStore>(
                &self,
                repo: &$crate::storage::Repository<S>,
            ) -> Result<(), $crate::storage::SaveError> {
                repo.replace_sharded(self, &mut $crate::storage::ShardMemory::default())
            }

            fn owns_key(key: &str) -> bool {
                $crate::storage::sharded::owns_key(key, <Self as $crate::storage::Document>::KEY)
            }

            fn follow<S: $crate::storage::KeyValueStore>(
                &mut self,
                repo: &$crate::storage::Repository<S>,
                memory: &mut Self::Memory,
                key: &str,
                raw: Option<String>,
            ) -> Vec<$crate::storage::Problem> {
                repo.accept_sharded(self, memory, key, raw)
            }

            fn needs_rewrite(memory: &Self::Memory) -> bool {
                memory.needs_rewrite()
            }
        }
    };
}
