//! Large collections stored across many keys, compressed, so a save writes only the
//! shards that changed.
//!
//! Layout of a collection whose document key is `K` (e.g. `crm.customers`):
//! - `K` holds the envelope `{schema, rev, data: {"layout": "shards", "meta": …}}`: the
//!   collection's small fields (next id, settings), without the records.
//! - `K.s<n>` holds the records whose id is in `n*SHARD_SIZE .. (n+1)*SHARD_SIZE`, as
//!   `{schema, rev, format: "postcard", data: "<packed>"}` where the packed text
//!   ([`super::pack`]) is those records in postcard's compact binary form. Every key
//!   keeps its own revision, so a stale tab is caught on exactly the shard it would
//!   overwrite.
//!
//! Binary records read three times faster than JSON and take about half the space, and
//! start-up reads every one of them. The price is that the binary form has no field
//! names: it is read only by the record type of the same schema. So **changing a
//! record's fields or the order of an enum's variants means raising the schema**, and
//! the collection then reads older binary shards with
//! [`Collection::binary_records_of_schema`] (a frozen copy of the old types, turned into
//! JSON for the migrations). A test of each collection pins its binary layout to catch a
//! change made without that.
//!
//! Shards written by earlier builds hold the JSON array of their records (no `format`);
//! they are read as before and rewritten in the binary form straight after loading.
//!
//! A save is all or nothing: if any key cannot be written (a full quota), the keys
//! already written are put back as they were. A `K` written by an older build as one
//! whole document is read as it is and split into shards by the next save.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::envelope::{migrate, DecodeError, Document, Envelope, UNKNOWN_FORMAT};
use super::pack;
use super::repo::{Loaded, Problem, Repository, SaveError};
use super::store::KeyValueStore;

/// Marks a document key that holds the sharded layout rather than a whole document.
const LAYOUT: &str = "shards";

/// A document made of many records plus a few collection-wide fields.
pub trait Collection: Document {
    type Record: Serialize + DeserializeOwned + Clone + Hash;
    type Meta: Serialize + DeserializeOwned + Default + Clone;
    /// Records per shard. Ids are handed out in order, so neighbours share a key.
    const SHARD_SIZE: u64;

    fn record_id(record: &Self::Record) -> u64;
    fn records(&self) -> &[Self::Record];
    fn records_mut(&mut self) -> &mut Vec<Self::Record>;
    fn meta(&self) -> Self::Meta;
    fn set_meta(&mut self, meta: Self::Meta);
    /// Wraps records the way the whole document holds them (`{"customers": [...]}`), so
    /// the document's own migrations and record-by-record reading apply to a shard.
    fn wrap_records(records: Value) -> Value;

    /// Reads binary records written at an older `schema` as their JSON array, for the
    /// migrations. Each schema change adds a reader of the layout it replaces (see the
    /// module's documentation); until then there is nothing older to read.
    fn binary_records_of_schema(schema: u32, _bytes: &[u8]) -> Result<Value, String> {
        Err(format!("no reader for binary records of schema {schema}"))
    }
}

/// The `format` of a shard whose records are in postcard's binary form.
const BINARY: &str = "postcard";

/// What was last written, kept between saves to find the shards that changed: each
/// stored record's fingerprint (a 64-bit SipHash of its value) rather than a copy, so
/// start-up does not duplicate 10,000 customers in memory.
pub struct ShardMemory<R> {
    /// Per stored shard, its fingerprint ([`shard_print`]); `None` matches nothing.
    saved: HashMap<u64, Option<u64>>,
    saved_meta: Option<String>,
    /// The stored document is still the old single-key layout.
    legacy: bool,
    /// Some shard still holds JSON records (written by an earlier build).
    outdated: bool,
    records: PhantomData<fn() -> R>,
}

impl<R> Default for ShardMemory<R> {
    fn default() -> Self {
        Self {
            saved: HashMap::new(),
            saved_meta: None,
            legacy: false,
            outdated: false,
            records: PhantomData,
        }
    }
}

/// A shard's fingerprint: its records' count and values through one of rustc-hash's
/// FxHashers. Every save fingerprints every record (180,000 ledger entries, 10,000
/// customers), and SipHash's resistance to chosen inputs buys nothing here, where no
/// adversary writes the records. Only within one session (nothing hashed is stored): a
/// changed shard whose old and new values happen to collide would not be saved, as
/// unlikely as for any 64-bit hash.
fn shard_print<'a, R: Hash + 'a>(records: impl ExactSizeIterator<Item = &'a R>) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    records.len().hash(&mut hasher);
    for record in records {
        record.hash(&mut hasher);
    }
    hasher.finish()
}

/// A shard that differs from what was saved: its number, its records (none: remove its
/// key) and their fingerprint.
type Changed<'a, R> = (u64, Vec<&'a R>, Option<u64>);

impl<R> ShardMemory<R> {
    /// Whether what is stored should be rewritten at once (old layout or JSON shards
    /// found).
    pub fn needs_rewrite(&self) -> bool {
        self.legacy || self.outdated
    }

    /// Remembers what shard `n` holds as stored. A shard still in JSON is remembered as
    /// matching nothing (no stored shard is empty), so the next save rewrites it.
    fn remember(&mut self, n: u64, shard: &[R], binary: bool)
    where
        R: Hash,
    {
        let prints = if binary {
            Some(shard_print(shard.iter()))
        } else {
            self.outdated = true;
            None
        };
        self.saved.insert(n, prints);
    }
}

/// A save of a sharded collection worked out but not written yet (see
/// [`Repository::prepare_sharded_save`]).
pub struct PreparedSave {
    /// The keys to write, with their values (`None`: remove the key).
    writes: Vec<(String, Option<String>)>,
    /// The revision each write carries: the one after the revision known when it was
    /// prepared.
    revs: Vec<u64>,
    /// Each shard written and its fingerprint (`None`: its key is removed).
    shards: Vec<(u64, Option<u64>)>,
    /// The collection's own fields as JSON, as written.
    meta: String,
}

impl PreparedSave {
    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }

    /// Whether the revisions this tab knows are still the ones the save was prepared
    /// over (nothing of the collection was written or followed since).
    pub fn is_current<S: KeyValueStore>(&self, repo: &Repository<S>) -> bool {
        self.writes
            .iter()
            .zip(&self.revs)
            .all(|((key, _), rev)| repo.known_rev_of(key) + 1 == *rev)
    }
}

/// A sharded collection part-way through being read (see
/// [`Repository::begin_sharded_load`]).
pub struct ShardedLoad<C: Collection> {
    doc: C,
    records: Vec<C::Record>,
    problems: Vec<Problem>,
    /// Shards still to read, `(number, key)`, the next one last.
    pending: Vec<(u64, String)>,
    read: usize,
}

impl<C: Collection> ShardedLoad<C> {
    pub fn is_done(&self) -> bool {
        self.pending.is_empty()
    }

    /// `(shards read, shards in all)`, for a progress bar.
    pub fn progress(&self) -> (usize, usize) {
        (self.read, self.read + self.pending.len())
    }

    /// The collection as read, records in id order, and what went wrong on the way.
    pub fn finish(self) -> Loaded<C> {
        let ShardedLoad {
            mut doc,
            mut records,
            problems,
            ..
        } = self;
        records.sort_by_key(C::record_id);
        *doc.records_mut() = records;
        Loaded { doc, problems }
    }
}

#[derive(Serialize, Deserialize)]
struct MetaData<M> {
    layout: String,
    meta: M,
}

/// The key that holds shard `n` of the collection stored at `key`.
pub fn shard_key(key: &str, n: u64) -> String {
    format!("{key}.s{n}")
}

fn shard_number(key: &str, collection_key: &str) -> Option<u64> {
    key.strip_prefix(collection_key)?
        .strip_prefix(".s")?
        .parse()
        .ok()
}

/// Whether `key` is the collection's document key or one of its shards.
pub fn owns_key(key: &str, collection_key: &str) -> bool {
    key == collection_key || shard_number(key, collection_key).is_some()
}

impl<S: KeyValueStore> Repository<S> {
    /// Reads a sharded collection, quarantining any shard or record it cannot read.
    pub fn load_sharded<C: Collection>(&self, memory: &mut ShardMemory<C::Record>) -> Loaded<C> {
        let mut load = self.begin_sharded_load::<C>(memory);
        while !load.is_done() {
            self.read_next_shard(&mut load, memory);
        }
        load.finish()
    }

    /// Starts reading a sharded collection: its own fields and the list of its shards.
    /// Read the shards with [`Self::read_next_shard`], one call each, so a large
    /// collection can be read between frames; [`ShardedLoad::finish`] gives the result.
    pub fn begin_sharded_load<C: Collection>(
        &self,
        memory: &mut ShardMemory<C::Record>,
    ) -> ShardedLoad<C> {
        *memory = ShardMemory::default();
        let mut load = ShardedLoad {
            doc: C::default(),
            records: Vec::new(),
            problems: Vec::new(),
            pending: Vec::new(),
            read: 0,
        };
        let raw_meta = match self.store().get(C::KEY) {
            Ok(raw) => raw,
            Err(e) => {
                load.problems.push(Problem::Storage(e));
                return load;
            }
        };
        if let Some(raw) = raw_meta {
            if !is_sharded_layout(&raw) {
                // Written by an older build (or damaged): read it the old way.
                let loaded = self.accept::<C>(Some(&raw));
                memory.legacy = true;
                load.doc = loaded.doc;
                load.problems.extend(loaded.problems);
            } else {
                match self.read_meta::<C>(&raw) {
                    Ok(meta) => {
                        memory.saved_meta = Some(meta_json::<C>(&meta));
                        load.doc.set_meta(meta);
                    }
                    Err(e) => load.problems.push(self.unreadable(C::KEY, C::KEY, raw, e)),
                }
            }
        } else {
            self.set_known_rev(C::KEY, 0);
        }
        match self.store().keys() {
            Ok(keys) => {
                load.pending = keys
                    .into_iter()
                    .filter_map(|k| shard_number(&k, C::KEY).map(|n| (n, k)))
                    .collect();
                // Read in order from the end of the list (see `read_next_shard`).
                load.pending.sort_by(|a, b| b.cmp(a));
            }
            Err(e) => {
                load.problems.push(Problem::Storage(e));
                load.doc = C::default();
            }
        }
        load.records = std::mem::take(load.doc.records_mut());
        load
    }

    /// Reads the next shard of `load` (nothing once it is done).
    pub fn read_next_shard<C: Collection>(
        &self,
        load: &mut ShardedLoad<C>,
        memory: &mut ShardMemory<C::Record>,
    ) {
        let Some((n, key)) = load.pending.pop() else {
            return;
        };
        load.read += 1;
        let raw = match self.store().get(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return,
            Err(e) => {
                load.problems.push(Problem::Storage(e));
                return;
            }
        };
        let (shard, problem, binary) = self.read_shard::<C>(&key, raw);
        load.problems.extend(problem);
        if !memory.legacy {
            memory.remember(n, &shard, binary);
        }
        load.records.extend(shard);
    }

    /// Saves the shards that differ from what was last read or written, then the
    /// collection's own fields, over the revisions this tab knows of.
    pub fn save_sharded<C: Collection>(
        &self,
        doc: &C,
        memory: &mut ShardMemory<C::Record>,
    ) -> Result<(), SaveError> {
        let prepared = self.prepare_sharded_save(doc, memory)?;
        self.commit_sharded_save(prepared, memory)
    }

    /// The first half of [`Self::save_sharded`], which writes nothing: finds the shards
    /// that differ from what was last saved and encodes them. A large save can then do
    /// this in one task and [`Self::commit_sharded_save`] in the next, if
    /// [`PreparedSave::is_current`] says nothing was written in between.
    pub fn prepare_sharded_save<C: Collection>(
        &self,
        doc: &C,
        memory: &ShardMemory<C::Record>,
    ) -> Result<PreparedSave, SaveError> {
        // A newer build wrote part of the collection: saving any of it could drop that.
        if self.is_blocked(C::KEY) {
            return Err(SaveError::Blocked);
        }
        let groups = group_by_shard::<C>(doc.records());
        // Shards saved before that now hold no record: their keys are removed.
        let emptied: Vec<Changed<C::Record>> = memory
            .saved
            .keys()
            .filter(|n| !groups.contains_key(n))
            .map(|n| (*n, Vec::new(), None))
            .collect();
        let mut changed: Vec<Changed<C::Record>> = groups
            .into_iter()
            .map(|(n, records)| {
                let print = shard_print(records.iter().copied());
                (n, records, Some(print))
            })
            .filter(|(n, _, print)| memory.saved.get(n) != Some(print))
            .collect();
        changed.extend(emptied);
        let mut writes: Vec<(String, Option<String>)> = Vec::new();
        let mut revs = Vec::new();
        for (n, records, _) in &changed {
            let key = shard_key(C::KEY, *n);
            let rev = self.known_rev_of(&key) + 1;
            let value = (!records.is_empty()).then(|| encode_shard::<C>(records, rev));
            writes.push((key, value));
            revs.push(rev);
        }
        let meta = meta_json::<C>(&doc.meta());
        if memory.legacy || memory.saved_meta.as_deref() != Some(meta.as_str()) {
            let rev = self.known_rev_of(C::KEY) + 1;
            writes.push((C::KEY.to_owned(), Some(encode_meta::<C>(doc.meta(), rev))));
            revs.push(rev);
        }
        Ok(PreparedSave {
            writes,
            revs,
            shards: changed
                .into_iter()
                .map(|(n, _, print)| (n, print))
                .collect(),
            meta,
        })
    }

    /// Writes a [`PreparedSave`] (all or nothing) and remembers what it wrote.
    pub fn commit_sharded_save<R>(
        &self,
        prepared: PreparedSave,
        memory: &mut ShardMemory<R>,
    ) -> Result<(), SaveError> {
        if prepared.writes.is_empty() {
            return Ok(());
        }
        self.write_all(&prepared.writes)?;
        for (n, print) in prepared.shards {
            match print {
                Some(print) => memory.saved.insert(n, Some(print)),
                None => memory.saved.remove(&n),
            };
        }
        memory.saved_meta = Some(prepared.meta);
        memory.legacy = false;
        Ok(())
    }

    /// Writes the whole collection regardless of what is stored (a restored backup).
    pub fn replace_sharded<C: Collection>(
        &self,
        doc: &C,
        memory: &mut ShardMemory<C::Record>,
    ) -> Result<(), SaveError> {
        let keys = self.store().keys()?;
        let stale: HashMap<u64, Option<u64>> = keys
            .iter()
            .filter_map(|k| shard_number(k, C::KEY))
            .map(|n| (n, None))
            .collect();
        for key in keys.iter().filter(|k| owns_key(k, C::KEY)) {
            self.adopt_stored_rev(key)?;
        }
        self.adopt_stored_rev(C::KEY)?;
        // Every stored shard counts as differing, so each is rewritten or removed.
        let mut fresh = ShardMemory {
            saved: stale,
            saved_meta: None,
            legacy: true,
            outdated: false,
            records: PhantomData,
        };
        self.save_sharded(doc, &mut fresh)?;
        *memory = fresh;
        Ok(())
    }

    /// Takes another tab's write to one of the collection's keys into `doc`.
    pub fn accept_sharded<C: Collection>(
        &self,
        doc: &mut C,
        memory: &mut ShardMemory<C::Record>,
        key: &str,
        raw: Option<String>,
    ) -> Vec<Problem> {
        if key == C::KEY {
            let Some(raw) = raw else {
                self.set_known_rev(C::KEY, 0);
                doc.set_meta(C::Meta::default());
                return vec![];
            };
            if !is_sharded_layout(&raw) {
                let loaded = self.load_sharded::<C>(memory);
                *doc = loaded.doc;
                return loaded.problems;
            }
            return match self.read_meta::<C>(&raw) {
                Ok(meta) => {
                    memory.saved_meta = Some(meta_json::<C>(&meta));
                    doc.set_meta(meta);
                    vec![]
                }
                Err(e) => vec![self.unreadable(C::KEY, C::KEY, raw, e)],
            };
        }
        let Some(n) = shard_number(key, C::KEY) else {
            return vec![];
        };
        let (shard, problems, binary) = match raw {
            Some(raw) => self.read_shard::<C>(key, raw),
            None => {
                self.set_known_rev(key, 0);
                (Vec::new(), None, true)
            }
        };
        if shard.is_empty() {
            memory.saved.remove(&n);
        } else {
            memory.remember(n, &shard, binary);
        }
        let records = doc.records_mut();
        records.retain(|r| C::record_id(r) / C::SHARD_SIZE != n);
        records.extend(shard);
        records.sort_by_key(C::record_id);
        problems.into_iter().collect()
    }

    fn read_meta<C: Collection>(&self, raw: &str) -> Result<C::Meta, DecodeError> {
        let envelope: Envelope<MetaData<C::Meta>> =
            serde_json::from_str(raw).map_err(|e| DecodeError::BadData(e.to_string()))?;
        if envelope.data.layout != LAYOUT {
            return Err(DecodeError::NotAnEnvelope(
                "not a sharded collection".into(),
            ));
        }
        if envelope.schema > C::SCHEMA {
            return Err(DecodeError::FromTheFuture {
                schema: envelope.schema,
            });
        }
        self.set_known_rev(C::KEY, envelope.rev);
        Ok(envelope.data.meta)
    }

    /// Reads one shard: its records, what went wrong, and whether it was in the binary
    /// form. Unreadable records (or the whole shard) go to quarantine.
    fn read_shard<C: Collection>(
        &self,
        key: &str,
        raw: String,
    ) -> (Vec<C::Record>, Option<Problem>, bool) {
        match decode_shard::<C>(&raw) {
            Ok(Shard {
                rev,
                records,
                rejected,
                binary,
            }) => {
                self.set_known_rev(key, rev);
                if rejected.is_empty() {
                    return (records, None, binary);
                }
                let reason = format!("{} unreadable records", rejected.len());
                let rejected = serde_json::to_string(&rejected).unwrap_or_default();
                let problem = self.quarantine_records(C::KEY, rejected, reason);
                (records, Some(problem), binary)
            }
            // Nothing read: there is no JSON left to rewrite.
            Err(e) => (Vec::new(), Some(self.unreadable(C::KEY, key, raw, e)), true),
        }
    }

    /// Writes (or removes, for `None`) every key, each over the revision this tab knows.
    /// On any failure the keys already written are put back and nothing has changed.
    fn write_all(&self, writes: &[(String, Option<String>)]) -> Result<(), SaveError> {
        let mut before = Vec::with_capacity(writes.len());
        for (key, _) in writes.iter() {
            if self.is_blocked(key) {
                return Err(SaveError::Blocked);
            }
            let stored = self.store().get(key)?;
            let stored_rev = stored.as_deref().map_or(0, peek_rev_or_max);
            if stored_rev != self.known_rev_of(key) {
                return Err(SaveError::Conflict);
            }
            before.push(stored);
        }
        let mut written = 0;
        let mut failure = None;
        for (key, value) in writes {
            let result = match value {
                Some(v) => self.store().set(key, v),
                None => self.store().remove(key),
            };
            if let Err(e) = result {
                failure = Some(e);
                break;
            }
            written += 1;
        }
        if let Some(e) = failure {
            for ((key, _), old) in writes.iter().zip(before).take(written) {
                let _ = match old {
                    Some(old) => self.store().set(key, &old),
                    None => self.store().remove(key),
                };
            }
            return Err(e.into());
        }
        for (key, value) in writes.iter() {
            let rev = if value.is_some() {
                self.known_rev_of(key) + 1
            } else {
                0
            };
            self.set_known_rev(key, rev);
        }
        Ok(())
    }

    fn adopt_stored_rev(&self, key: &str) -> Result<(), SaveError> {
        let stored = self.store().get(key)?;
        self.unblock(key);
        self.set_known_rev(key, stored.as_deref().map_or(0, peek_rev_or_max));
        Ok(())
    }
}

fn is_sharded_layout(raw: &str) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        data: ProbeData,
    }
    #[derive(Deserialize)]
    struct ProbeData {
        layout: Option<String>,
    }
    serde_json::from_str::<Probe>(raw)
        .ok()
        .and_then(|p| p.data.layout)
        .is_some_and(|l| l == LAYOUT)
}

fn peek_rev_or_max(raw: &str) -> u64 {
    // Unreadable data that appeared since the load counts as someone else's write.
    super::envelope::peek_rev(raw).unwrap_or(u64::MAX)
}

fn meta_json<C: Collection>(meta: &C::Meta) -> String {
    serde_json::to_string(meta).expect("collection fields serialise")
}

fn encode_meta<C: Collection>(meta: C::Meta, rev: u64) -> String {
    let data = MetaData {
        layout: LAYOUT.to_owned(),
        meta,
    };
    serde_json::to_string(&Envelope {
        schema: C::SCHEMA,
        rev,
        data,
    })
    .expect("envelopes serialise")
}

/// What is stored under a shard's key.
#[derive(Serialize, Deserialize)]
struct ShardEnvelope<D> {
    schema: u32,
    rev: u64,
    /// How the records are written: [`BINARY`], or JSON when absent (earlier builds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    format: Option<String>,
    data: D,
}

/// The stored form of one shard: its records in the binary form, compressed.
pub fn encode_shard<C: Collection>(records: &[&C::Record], rev: u64) -> String {
    let bytes = postcard::to_allocvec(records).expect("records serialise");
    serde_json::to_string(&ShardEnvelope {
        schema: C::SCHEMA,
        rev,
        format: Some(BINARY.to_owned()),
        data: pack::compress_bytes(&bytes),
    })
    .expect("envelopes serialise")
}

/// A stored shard, read: its revision, the readable records, the unreadable ones, and
/// whether it was in the binary form.
struct Shard<R> {
    rev: u64,
    records: Vec<R>,
    rejected: Vec<Value>,
    binary: bool,
}

fn decode_shard<C: Collection>(raw: &str) -> Result<Shard<C::Record>, DecodeError> {
    let envelope: ShardEnvelope<String> =
        serde_json::from_str(raw).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => DecodeError::NotAnEnvelope(e.to_string()),
            _ => DecodeError::NotJson {
                line: e.line(),
                column: e.column(),
            },
        })?;
    let damaged = |e: pack::UnpackError| DecodeError::BadData(e.to_string());
    let (schema, rev) = (envelope.schema, envelope.rev);
    let records: Value = match envelope.format.as_deref() {
        Some(BINARY) => {
            if schema > C::SCHEMA {
                return Err(DecodeError::FromTheFuture { schema });
            }
            let bytes = pack::decompress_bytes(&envelope.data).map_err(damaged)?;
            if schema == C::SCHEMA {
                // The usual case, and the fast one: straight to records. Binary records
                // carry no field names, so a damaged one cannot be told from the next:
                // the whole shard is read or none of it.
                let records = match postcard::take_from_bytes::<Vec<C::Record>>(&bytes) {
                    Ok((records, [])) => records,
                    Ok(_) => return Err(DecodeError::BadData("bytes after the records".into())),
                    Err(e) => return Err(DecodeError::BadData(format!("binary records: {e}"))),
                };
                return Ok(Shard {
                    rev,
                    records,
                    rejected: Vec::new(),
                    binary: true,
                });
            }
            C::binary_records_of_schema(schema, &bytes).map_err(|reason| {
                DecodeError::Migration {
                    from_schema: schema,
                    reason,
                }
            })?
        }
        Some(other) => {
            return Err(DecodeError::NotAnEnvelope(format!(
                "{UNKNOWN_FORMAT} {other:?}"
            )))
        }
        None => {
            let json = pack::decompress(&envelope.data).map_err(damaged)?;
            if schema == C::SCHEMA {
                if let Ok(records) = serde_json::from_str::<Vec<C::Record>>(&json) {
                    return Ok(Shard {
                        rev,
                        records,
                        rejected: Vec::new(),
                        binary: false,
                    });
                }
            }
            serde_json::from_str(&json).map_err(|e| DecodeError::NotJson {
                line: e.line(),
                column: e.column(),
            })?
        }
    };
    let data = migrate(schema, C::wrap_records(records), C::SCHEMA, C::MIGRATIONS)?;
    let (doc, rejected) = C::from_data(data).map_err(DecodeError::BadData)?;
    Ok(Shard {
        rev,
        records: doc.records().to_vec(),
        rejected,
        // Read record by record from JSON; written again in the binary form.
        binary: false,
    })
}

/// The records of each shard, in the collection's order. The collection is kept in id
/// order, so the shard is looked up once per shard, not once per record.
fn group_by_shard<C: Collection>(records: &[C::Record]) -> BTreeMap<u64, Vec<&C::Record>> {
    let mut groups: BTreeMap<u64, Vec<&C::Record>> = BTreeMap::new();
    let mut current: Option<(u64, Vec<&C::Record>)> = None;
    for record in records {
        let n = C::record_id(record) / C::SHARD_SIZE;
        match &mut current {
            Some((at, group)) if *at == n => group.push(record),
            _ => {
                if let Some((at, group)) = current.take() {
                    groups.insert(at, group);
                }
                // Out of id order, the shard's group may have begun already.
                let mut group = groups.remove(&n).unwrap_or_default();
                group.push(record);
                current = Some((n, group));
            }
        }
    }
    if let Some((at, group)) = current {
        groups.insert(at, group);
    }
    groups
}
