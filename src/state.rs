//! The one place reactive state meets storage: documents are loaded once at start-up,
//! saved after every change, refreshed when another tab writes, and every storage
//! failure becomes a [`Notice`] the user can read and act on.
//!
//! The app state knows documents, not sections: each section registers the documents it
//! keeps ([`AppState::load`], [`AppState::unread`]) and keeps its own state and derived
//! data in a context of its own. Following other tabs, reloading, backup and restore go
//! over the registered documents, so a new section's data takes part by registering.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;
use web_sys::StorageEvent;

use crate::i18n::Lang;
use crate::money::{Conversion, Currency};
use crate::preferences::Settings;
use crate::storage::activity::{self, Activity};
use crate::storage::backup::{backup_entry, BackupKind};
use crate::storage::browser::{persistence, BrowserStore};
use crate::storage::{
    Collection, Document, Loaded, Persist, Problem, Repository, SaveError, ShardMemory,
};
use crate::tasks::{next_task, STEP_MS};

thread_local! {
    static REPO: Repository<BrowserStore> = Repository::new(BrowserStore);
    /// Whether the most recent save of any document was refused (see [`last_save_refused`]).
    static LAST_SAVE_REFUSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the most recent save of any document was refused (full quota, another tab's
/// newer data, a blocked or unavailable store). A screen that has just changed one
/// document, such as an import's Confirm, asks this before it claims success.
pub fn last_save_refused() -> bool {
    LAST_SAVE_REFUSED.get()
}

/// Runs `f` with the browser repository (the app is single-threaded in wasm).
pub fn with_repo<R>(f: impl FnOnce(&Repository<BrowserStore>) -> R) -> R {
    REPO.with(f)
}

/// Something about storage the user should know, shown as a banner.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The last save was refused for lack of space; the state on screen is unsaved.
    QuotaExceeded,
    /// Stored data could not be read and was kept aside (or left in place).
    Unreadable {
        key: String,
        raw: String,
    },
    /// A save was refused because another tab had saved newer data, which is now shown.
    Conflict,
    /// Data was refreshed from another tab's change.
    SyncedFromOtherTab,
    StorageUnavailable,
    /// A newer build of the app wrote this document; it is kept as it is and this tab
    /// saves nothing over it until it is reloaded into the newer build.
    NewerVersion,
    /// A new build is installed and waits for the user to agree to reload.
    UpdateReady,
    /// The data changed and has gone this many days without a backup.
    BackupDue {
        days: i64,
    },
}

/// A document held in a signal and kept in step with storage.
pub struct Persisted<D: Persist> {
    value: RwSignal<D>,
    /// What the repository remembers between saves of this document.
    memory: StoredValue<D::Memory>,
    notices: RwSignal<Vec<Notice>>,
    /// False while the document is still being read: nothing is saved until it is whole,
    /// so a part-read document can never overwrite what is stored.
    ready: RwSignal<bool>,
    /// Counts the changes of the value, so work derived from it can be kept until the next.
    changes: StoredValue<u64>,
}

impl<D: Persist> Clone for Persisted<D> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<D: Persist> Copy for Persisted<D> {}

impl<D: Persist> Persisted<D> {
    fn load(notices: RwSignal<Vec<Notice>>) -> Self {
        let persisted = Self::unread(notices);
        persisted.reload();
        persisted.loaded();
        persisted
    }

    /// An empty document not read yet (not `ready`).
    fn unread(notices: RwSignal<Vec<Notice>>) -> Self {
        Self {
            value: RwSignal::new(D::default()),
            memory: StoredValue::new(D::Memory::default()),
            notices,
            ready: RwSignal::new(false),
            changes: StoredValue::new(0),
        }
    }

    /// Marks the document whole; data from an older build is written in today's layout
    /// straight away.
    pub fn loaded(&self) {
        self.ready.set(true);
        if self.memory.with_value(D::needs_rewrite) {
            self.save();
        }
    }

    /// Whether the document has been read completely.
    pub fn is_ready(&self) -> bool {
        self.ready.get()
    }

    /// Which version of the value is shown: it changes whenever the value does.
    pub fn generation(&self) -> u64 {
        self.changes.get_value()
    }

    /// Counts a change; called before the value's readers are told of it.
    fn changed(&self) {
        self.changes.update_value(|n| *n += 1);
    }

    fn take(&self, loaded: Loaded<D>) {
        self.changed();
        self.value.set(loaded.doc);
        self.tell(loaded.problems);
    }

    fn tell(&self, problems: Vec<Problem>) {
        for problem in problems {
            self.notices.update(|n| push_unique(n, notice_for(problem)));
        }
    }

    /// Reads the document, tracking it.
    pub fn with<R>(&self, f: impl FnOnce(&D) -> R) -> R {
        self.value.with(f)
    }

    /// Reads the document without tracking it.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&D) -> R) -> R {
        self.value.with_untracked(f)
    }

    /// Changes the document and saves it. If the save is refused the change stays on
    /// screen (quota) or is replaced by the newer stored data (conflict), with a notice.
    pub fn update(&self, f: impl FnOnce(&mut D)) {
        self.changed();
        self.value.update(f);
        self.save();
    }

    /// Changes one part of the document and saves it. `f` must touch only what the user
    /// changed: if another tab saved first (a conflict), the newer data is read and `f`
    /// is applied again on top of it, so neither tab's change is lost.
    pub fn edit(&self, f: impl Fn(&mut D)) {
        self.changed();
        self.value.update(&f);
        match self.write() {
            Err(SaveError::Conflict) => {
                self.reload();
                self.changed();
                self.value.update(&f);
                self.save();
            }
            result => self.after_save(result),
        }
    }

    fn save(&self) {
        let result = self.write();
        self.after_save(result);
    }

    fn write(&self) -> Result<(), SaveError> {
        if !self.ready.get_untracked() {
            // Nothing can change a document before it is shown; this is a safety net.
            return Ok(());
        }
        self.value.with_untracked(|doc| {
            self.memory
                .try_update_value(|memory| with_repo(|repo| doc.save(repo, memory)))
                .unwrap_or_else(|| Err(SaveError::Unavailable("disposed".into())))
        })
    }

    fn after_save(&self, result: Result<(), SaveError>) {
        LAST_SAVE_REFUSED.set(result.is_err());
        match result {
            Ok(()) => {
                self.notices
                    .update(|n| n.retain(|x| *x != Notice::QuotaExceeded));
                if !D::owns_key(Settings::KEY) {
                    note_data_changed();
                }
            }
            Err(SaveError::QuotaExceeded) => self
                .notices
                .update(|n| push_unique(n, Notice::QuotaExceeded)),
            Err(SaveError::Conflict) => {
                self.reload();
                self.notices.update(|n| push_unique(n, Notice::Conflict));
            }
            // The unreadable-data (or newer-version) banner for this key is already showing.
            Err(SaveError::Blocked) => {}
            Err(SaveError::Unavailable(_)) => self
                .notices
                .update(|n| push_unique(n, Notice::StorageUnavailable)),
        }
    }

    /// Takes the value another tab stored under `key` (`None`: it was deleted).
    fn follow(&self, key: &str, raw: Option<String>) {
        let mut problems = Vec::new();
        self.changed();
        self.value.update(|doc| {
            self.memory.update_value(|memory| {
                problems = with_repo(|repo| doc.follow(repo, memory, key, raw));
            })
        });
        self.tell(problems);
    }

    /// Shows what is stored now (at start-up, after a conflict, a restore or an erase).
    fn reload(&self) {
        let loaded = self
            .memory
            .try_update_value(|memory| with_repo(|repo| D::load(repo, memory)));
        if let Some(loaded) = loaded {
            self.take(loaded);
        }
    }
}

impl<D: Collection + Persist<Memory = ShardMemory<D::Record>>> Persisted<D> {
    /// Reads a sharded collection a few shards per task, telling `progress` (shards read,
    /// in all) as it goes, so 10,000 customers do not freeze the page at start-up.
    /// Returns once the collection is shown; it is not [`loaded`](Self::loaded) (saved
    /// to) until the caller says so.
    pub async fn read_in_steps(self, progress: impl Fn(usize, usize)) {
        let Some(mut load) = self
            .memory
            .try_update_value(|memory| with_repo(|repo| repo.begin_sharded_load::<D>(memory)))
        else {
            return;
        };
        loop {
            let started = js_sys::Date::now();
            while !load.is_done() && js_sys::Date::now() - started < STEP_MS {
                self.memory.update_value(|memory| {
                    with_repo(|repo| repo.read_next_shard(&mut load, memory))
                });
            }
            if load.is_done() {
                break;
            }
            let (read, all) = load.progress();
            progress(read, all);
            next_task().await;
        }
        self.take(load.finish());
    }

    /// Changes the collection now and saves it over the next two tasks: one works out
    /// and encodes the shards that changed, the next writes them (all or nothing, as
    /// [`update`](Self::update) does). Taking 1,000 response codes changes ten shards of
    /// 11,000 responses; finding and packing them took a long task on top of the change.
    /// Until the write the change is on screen only; if anything changes or writes the
    /// collection in between, the save is worked out again from what is there then.
    pub async fn update_in_steps(self, f: impl FnOnce(&mut D)) {
        self.changed();
        self.value.update(f);
        next_task().await;
        let generation = self.changes.try_get_value();
        let prepared = self.value.try_with_untracked(|doc| {
            self.memory
                .try_with_value(|memory| with_repo(|repo| repo.prepare_sharded_save(doc, memory)))
        });
        let Some(Some(prepared)) = prepared else {
            return; // the page that made the change is gone, and the document with it
        };
        next_task().await;
        let current = self.changes.try_get_value() == generation
            && self.ready.try_get_untracked() == Some(true);
        match prepared {
            Ok(prepared) if current && with_repo(|repo| prepared.is_current(repo)) => {
                let result = self
                    .memory
                    .try_update_value(|memory| {
                        with_repo(|repo| repo.commit_sharded_save(prepared, memory))
                    })
                    .unwrap_or_else(|| Err(SaveError::Unavailable("disposed".into())));
                self.after_save(result);
            }
            Err(e) if current => self.after_save(Err(e)),
            _ => self.save(),
        }
    }
}

thread_local! {
    /// What this tab last read or wrote of `crm.activity`, so only a day's first save
    /// writes it.
    static ACTIVITY: std::cell::Cell<Option<Activity>> = const { std::cell::Cell::new(None) };
}

/// Notes a save of the user's data for the backup reminder; the very first one also
/// asks the browser to keep the data (README "Keep the data").
fn note_data_changed() {
    let known = ACTIVITY
        .get()
        .unwrap_or_else(|| with_repo(|repo| activity::read(repo.store())));
    let today = crate::clock::today();
    if let Ok(noted) = with_repo(|repo| activity::note_change(repo.store(), known, today)) {
        ACTIVITY.set(Some(noted));
        if known.first_change.is_none() {
            leptos::task::spawn_local(async {
                persistence(true).await;
            });
        }
    }
}

/// The activity record as stored now (another tab may have written it).
pub fn data_activity() -> Activity {
    let stored = with_repo(|repo| activity::read(repo.store()));
    ACTIVITY.set(Some(stored));
    stored
}

fn notice_for(problem: Problem) -> Notice {
    match problem {
        Problem::Quarantined { key, raw, .. } | Problem::QuarantineFailed { key, raw, .. } => {
            Notice::Unreadable { key, raw }
        }
        Problem::WrittenByNewerVersion { .. } => Notice::NewerVersion,
        Problem::Storage(_) => Notice::StorageUnavailable,
    }
}

fn push_unique(notices: &mut Vec<Notice>, notice: Notice) {
    if !notices.contains(&notice) {
        notices.push(notice);
    }
}

/// How far start-up has got, for its progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loading {
    /// Reading the stored customers: shards read, in all.
    Reading { read: usize, all: usize },
    /// Preparing the list (search index, row facts): customers done, in all.
    Preparing { done: usize, all: usize },
}

/// A registered document, whatever its type.
trait Registered: Send + Sync {
    fn owns_key(&self, key: &str) -> bool;
    fn follow(&self, key: &str, raw: Option<String>);
    fn reload(&self);
    /// The document as shown now, saved or not, for a backup.
    fn backup_entry(&self) -> (&'static str, Value);
    fn backup_kind(&self) -> BackupKind<BrowserStore>;
}

impl<D: Persist + Document> Registered for Persisted<D> {
    fn owns_key(&self, key: &str) -> bool {
        D::owns_key(key)
    }
    fn follow(&self, key: &str, raw: Option<String>) {
        Persisted::follow(self, key, raw);
    }
    fn reload(&self) {
        Persisted::reload(self);
    }
    fn backup_entry(&self) -> (&'static str, Value) {
        self.with_untracked(backup_entry)
    }
    fn backup_kind(&self) -> BackupKind<BrowserStore> {
        BackupKind::of::<D>()
    }
}

/// The interface language, as a context of its own: a component that shows text needs
/// only this (the browser tests mount components with it alone).
#[derive(Clone, Copy)]
pub struct UiLang(pub Memo<Lang>);

/// What every page shares, provided as context by [`AppState::provide`]: the shell's
/// preferences, the storage notices, start-up progress and the registered documents.
#[derive(Clone, Copy)]
pub struct AppState {
    pub settings: Persisted<Settings>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The interface language: the saved choice, or else the browser's preference.
    pub lang: Memo<Lang>,
    /// The home currency suggested before the user chooses one (browser locale, else
    /// the language).
    pub suggested_currency: Memo<Currency>,
    /// The home currency and the user's rates: how amounts in several currencies become
    /// one figure (see [`Conversion`]).
    pub conversion: Memo<Conversion>,
    /// How far start-up has got while a section still reads its documents in steps.
    pub loading: RwSignal<Option<Loading>>,
    /// Documents registered with [`Self::unread`] whose section has not yet said
    /// [`Self::started`]: start-up is over when none is left.
    reading: StoredValue<usize>,
    /// Every stored document, in registration order (the order of a backup's contents).
    documents: StoredValue<Vec<Box<dyn Registered>>>,
    /// Other tabs' writes that arrived during start-up, applied in order once it is
    /// over: `(key, new value)`, a `None` key for a cleared storage.
    held_changes: StoredValue<Vec<(Option<String>, Option<String>)>>,
    /// What the sections add to the customer page, one panel each (see
    /// [`Self::add_customer_panel`]).
    customer_panels: StoredValue<Vec<CustomerPanel>>,
    /// What the sections add to a customer's timeline (see [`Self::add_timeline_source`]).
    timeline_sources: StoredValue<Vec<TimelineSource>>,
    /// What the sections tell churn risk about a customer's satisfaction (see
    /// [`Self::add_satisfaction_source`]).
    satisfaction_sources: StoredValue<Vec<SatisfactionSource>>,
    /// What the sections do after the demo customers are loaded.
    demo_loaders: StoredValue<Vec<DemoLoader>>,
}

/// A panel a section adds to a customer's page, given the customer's id; registered at
/// start-up, so the customer pages never import the section that adds it.
pub type CustomerPanel = fn(u64) -> AnyView;

/// An entry another section adds to a customer's timeline (a credit payment, a write-off):
/// shown there in date order among the customer's own interactions, read-only, with a
/// link to where it is changed.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEntry {
    pub date: chrono::NaiveDate,
    /// Orders entries of one date (the section's own id, newer higher).
    pub order: u64,
    /// What it is, in the user's language ("Payment").
    pub badge: String,
    /// What it records, in the user's language.
    pub text: String,
    /// The link to change it, and its words.
    pub link: String,
    pub link_text: String,
    /// `data-testid` of the entry, e.g. "timeline-credit-payment".
    pub testid: &'static str,
}

/// A section's entries on a customer's timeline, given the customer's id and the
/// language; called while the timeline is shown, so it may read the section's state from
/// context (and is followed when that state changes).
pub type TimelineSource = fn(u64, Lang) -> Vec<TimelineEntry>;

/// Every customer whose satisfaction a section finds falling (surveys), by customer id:
/// the latest score and the mean of the earlier ones.
pub type SatisfactionDrops = rustc_hash::FxHashMap<u64, (f64, f64)>;

/// A section's word on whose satisfaction is falling; called inside memos, so it may
/// read the section's state from context (and is followed when that state changes). It
/// answers for every customer at once: the customer list shows churn risk for 10,000.
pub type SatisfactionSource = fn() -> Arc<SatisfactionDrops>;

/// A section's part of "Load demo data", run after the demo customers are in place.
type DemoLoader = Box<dyn Fn() + Send + Sync>;

impl AppState {
    /// Loads the preferences and starts following other tabs; the sections then
    /// register their documents.
    pub fn provide() -> Self {
        let notices = RwSignal::new(Vec::new());
        if !BrowserStore::available() {
            notices.update(|n| n.push(Notice::StorageUnavailable));
        }
        let settings = Persisted::<Settings>::load(notices);
        let browser_lang = browser_language();
        let lang = Memo::new(move |_| settings.with(|s| s.lang).unwrap_or(browser_lang));
        let locales = browser_locales();
        let suggested_currency =
            Memo::new(move |_| Currency::suggested(lang.get(), locales.iter().map(String::as_str)));
        let conversion =
            Memo::new(move |_| settings.with(|s| s.conversion(suggested_currency.get())));
        let state = Self {
            settings,
            notices,
            lang,
            suggested_currency,
            conversion,
            loading: RwSignal::new(None),
            documents: StoredValue::new(Vec::new()),
            reading: StoredValue::new(0),
            held_changes: StoredValue::new(Vec::new()),
            customer_panels: StoredValue::new(Vec::new()),
            timeline_sources: StoredValue::new(Vec::new()),
            satisfaction_sources: StoredValue::new(Vec::new()),
            demo_loaders: StoredValue::new(Vec::new()),
        };
        state.register(settings);
        state.follow_other_tabs();
        provide_context(state);
        provide_context(UiLang(lang));
        state
    }

    fn register<D: Persist + Document>(self, doc: Persisted<D>) {
        self.documents
            .update_value(|documents| documents.push(Box::new(doc)));
    }

    /// Reads a document whole and registers it.
    pub fn load<D: Persist + Document>(self) -> Persisted<D> {
        let doc = Persisted::load(self.notices);
        self.register(doc);
        doc
    }

    /// Registers a document that its section reads in steps (see
    /// [`Persisted::read_in_steps`]); the pages wait until [`Self::started`].
    pub fn unread<D: Persist + Document>(self, progress: Loading) -> Persisted<D> {
        let doc = Persisted::unread(self.notices);
        self.register(doc);
        self.reading.update_value(|n| *n += 1);
        if self.loading.get_untracked().is_none() {
            self.loading.set(Some(progress));
        }
        doc
    }

    /// One document registered with [`Self::unread`] has been read. Once every one has,
    /// start-up is over: the pages are shown and what other tabs wrote meanwhile is
    /// applied.
    pub fn started(self) {
        let left = self
            .reading
            .try_update_value(|n| {
                *n = n.saturating_sub(1);
                *n
            })
            .unwrap_or(0);
        if left > 0 {
            return;
        }
        self.loading.set(None);
        let held = self.held_changes.try_update_value(std::mem::take);
        for (key, value) in held.unwrap_or_default() {
            self.apply_other_tab_change(key, value);
        }
    }

    fn follow_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |event: StorageEvent| {
            let (key, value) = (event.key(), event.new_value());
            if self.loading.get_untracked().is_some() {
                self.held_changes
                    .update_value(|held| held.push((key, value)));
            } else {
                self.apply_other_tab_change(key, value);
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Takes another tab's write of `key` (`None`: storage was cleared).
    fn apply_other_tab_change(self, key: Option<String>, value: Option<String>) {
        match key {
            Some(key) => {
                let followed = self.documents.with_value(|documents| {
                    let owner = documents.iter().find(|d| d.owns_key(&key));
                    owner.map(|d| d.follow(&key, value)).is_some()
                });
                if !followed {
                    return;
                }
            }
            // `localStorage.clear()` in another tab.
            None => self.reload_all(),
        }
        self.notices
            .update(|n| push_unique(n, Notice::SyncedFromOtherTab));
    }

    /// Re-reads every document from storage.
    pub fn reload_all(self) {
        self.documents
            .with_value(|documents| documents.iter().for_each(|d| d.reload()));
    }

    /// Adds a section's panel to every customer page.
    pub fn add_customer_panel(self, panel: CustomerPanel) {
        self.customer_panels
            .update_value(|panels| panels.push(panel));
    }

    /// The panels the sections add to a customer page.
    pub fn customer_panels(self) -> Vec<CustomerPanel> {
        self.customer_panels.get_value()
    }

    /// Adds a section's entries to every customer's timeline.
    pub fn add_timeline_source(self, source: TimelineSource) {
        self.timeline_sources
            .update_value(|sources| sources.push(source));
    }

    /// Adds a section's judgement of whether a customer's satisfaction is falling (the
    /// churn-risk reason "falling satisfaction"), so churn risk never imports the section.
    pub fn add_satisfaction_source(self, source: SatisfactionSource) {
        self.satisfaction_sources
            .update_value(|sources| sources.push(source));
    }

    /// The drops in satisfaction the sections report, every customer's (reactive: read
    /// inside a memo, it follows the sections' data). Where two sections report on one
    /// customer, the first registered wins.
    pub fn satisfaction_drops(self) -> Arc<SatisfactionDrops> {
        let sources = self.satisfaction_sources.get_value();
        match sources.as_slice() {
            [] => Arc::default(),
            [one] => one(),
            several => {
                let mut all = SatisfactionDrops::default();
                for source in several.iter().rev() {
                    all.extend(source().iter().map(|(id, drop)| (*id, *drop)));
                }
                Arc::new(all)
            }
        }
    }

    /// The sections' entries on customer `id`'s timeline, in no particular order.
    pub fn timeline_entries(self, id: u64, lang: Lang) -> Vec<TimelineEntry> {
        self.timeline_sources
            .get_value()
            .iter()
            .flat_map(|source| source(id, lang))
            .collect()
    }

    /// Adds a section's part to "Load demo data".
    pub fn on_demo_loaded(self, load: impl Fn() + Send + Sync + 'static) {
        self.demo_loaders
            .update_value(|loaders| loaders.push(Box::new(load)));
    }

    /// Runs every section's part of "Load demo data" (the demo customers are loaded).
    pub fn demo_loaded(self) {
        self.demo_loaders
            .with_value(|loaders| loaders.iter().for_each(|load| load()));
    }

    /// The in-memory state of every document, saved or not (what a backup should hold).
    pub fn backup_entries(self) -> Vec<(&'static str, Value)> {
        self.documents
            .with_value(|documents| documents.iter().map(|d| d.backup_entry()).collect())
    }

    /// How a backup reads and restores each registered document.
    pub fn backup_kinds(self) -> Vec<BackupKind<BrowserStore>> {
        self.documents
            .with_value(|documents| documents.iter().map(|d| d.backup_kind()).collect())
    }
}

/// The app state from context.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

fn browser_language() -> Lang {
    let tags = browser_locales();
    Lang::from_browser_preferences(tags.iter().map(String::as_str))
}

/// The browser's preferred locales (`navigator.languages`), such as `en-GB`.
fn browser_locales() -> Vec<String> {
    let languages = window().navigator().languages();
    languages.iter().filter_map(|v| v.as_string()).collect()
}
