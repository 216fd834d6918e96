//! The one place reactive state meets storage: documents are loaded once at start-up,
//! saved after every change, refreshed when another tab writes, and every storage
//! failure becomes a [`Notice`] the user can read and act on.

use leptos::prelude::*;
use web_sys::StorageEvent;

use crate::customers::book::CustomerBook;
use crate::customers::derived::BookDerived;
use crate::i18n::Lang;
use crate::settings::backup::AppData;
use crate::settings::model::Settings;
use crate::storage::browser::BrowserStore;
use crate::storage::{Loaded, Persist, Problem, Repository, SaveError};
use crate::tasks::{after_ms, next_task, STEP_MS};

thread_local! {
    static REPO: Repository<BrowserStore> = Repository::new(BrowserStore);
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
    fn loaded(&self) {
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
        match result {
            Ok(()) => self
                .notices
                .update(|n| n.retain(|x| *x != Notice::QuotaExceeded)),
            Err(SaveError::QuotaExceeded) => self
                .notices
                .update(|n| push_unique(n, Notice::QuotaExceeded)),
            Err(SaveError::Conflict) => {
                self.reload();
                self.notices.update(|n| push_unique(n, Notice::Conflict));
            }
            // The unreadable-data banner for this key is already showing.
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

/// How long background work waits after a change (ms): saving an edit shows the customer
/// page in two tasks, which a background step started at once would hold up.
const BACKGROUND_DELAY_MS: i32 = 200;

impl Persisted<CustomerBook> {
    /// Reads the customer book a few shards per task, telling `progress` (shards read, in
    /// all) as it goes, so 10,000 customers do not freeze the page at start-up. Returns
    /// once the book is shown; it is not [`loaded`](Self::loaded) (saved to) until the
    /// caller says so.
    async fn read_in_steps(self, progress: impl Fn(usize, usize)) {
        let Some(mut load) = self.memory.try_update_value(|memory| {
            with_repo(|repo| repo.begin_sharded_load::<CustomerBook>(memory))
        }) else {
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
}

/// A named point in the page's performance timeline (the benchmark reports them).
fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

fn notice_for(problem: Problem) -> Notice {
    match problem {
        Problem::Quarantined { key, raw, .. } | Problem::QuarantineFailed { key, raw, .. } => {
            Notice::Unreadable { key, raw }
        }
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

/// Everything the pages share, provided as context by [`AppState::provide`].
#[derive(Clone, Copy)]
pub struct AppState {
    pub settings: Persisted<Settings>,
    pub customers: Persisted<CustomerBook>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The interface language: the saved choice, or else the browser's preference.
    pub lang: Memo<Lang>,
    /// How far start-up has got while the customers are still being read and prepared.
    pub loading: RwSignal<Option<Loading>>,
    /// Figures derived from the whole customer book, kept until it changes.
    pub derived: BookDerived,
    /// Other tabs' writes that arrived while the customers were being read, applied in
    /// order once they are whole: `(key, new value)`, a `None` key for a cleared storage.
    held_changes: StoredValue<Vec<(Option<String>, Option<String>)>>,
}

impl AppState {
    /// Loads every document and starts following other tabs.
    pub fn provide() -> Self {
        let notices = RwSignal::new(Vec::new());
        if !BrowserStore::available() {
            notices.update(|n| n.push(Notice::StorageUnavailable));
        }
        let settings = Persisted::<Settings>::load(notices);
        let customers = Persisted::<CustomerBook>::unread(notices);
        let browser_lang = browser_language();
        let lang = Memo::new(move |_| settings.with(|s| s.lang).unwrap_or(browser_lang));
        let state = Self {
            settings,
            customers,
            notices,
            lang,
            loading: RwSignal::new(Some(Loading::Reading { read: 0, all: 0 })),
            derived: BookDerived::new(),
            held_changes: StoredValue::new(Vec::new()),
        };
        state.follow_other_tabs();
        state.refresh_derived_after_changes();
        provide_context(state);
        leptos::task::spawn_local(state.load_customers());
        state
    }

    /// After each change of the customers (an edit, an import, another tab's write), the
    /// figures over all of them are rebuilt in short background tasks, so the list and
    /// the customer page find them ready instead of rebuilding them in one long task.
    fn refresh_derived_after_changes(self) {
        Effect::new(move |_| {
            self.customers.with(|_| ());
            if self.loading.get_untracked().is_some() {
                return;
            }
            let generation = self.customers.generation();
            leptos::task::spawn_local(async move {
                // Not before the page that made the change has been built and shown.
                after_ms(BACKGROUND_DELAY_MS).await;
                if self.customers.generation() != generation {
                    // A later change is waiting its own turn: one rebuild, not one each.
                    return;
                }
                self.derived
                    .prepare_in_steps(self.customers, |_, _| {})
                    .await;
                next_task().await;
                self.derived.rfm(self.customers);
            });
        });
    }

    /// Reads the customers and prepares the list in short tasks, then shows the pages and
    /// applies what other tabs wrote meanwhile.
    async fn load_customers(self) {
        // The app's own start (instantiating, mounting the shell) is a task already: the
        // first step of reading gets a task of its own.
        next_task().await;
        mark("crm:reading");
        let loading = self.loading;
        self.customers
            .read_in_steps(|read, all| loading.set(Some(Loading::Reading { read, all })))
            .await;
        mark("crm:read");
        self.derived
            .prepare_in_steps(self.customers, |done, all| {
                loading.set(Some(Loading::Preparing { done, all }))
            })
            .await;
        // The first render of a page gets a task of its own.
        next_task().await;
        self.customers.loaded();
        mark("crm:prepared");
        loading.set(None);
        let held = self.held_changes.try_update_value(std::mem::take);
        for (key, value) in held.unwrap_or_default() {
            self.apply_other_tab_change(key, value);
        }
        // RFM quintiles over all customers, ready before the first customer is opened.
        next_task().await;
        self.derived.rfm(self.customers);
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
            Some(key) if Settings::owns_key(&key) => self.settings.follow(&key, value),
            Some(key) if CustomerBook::owns_key(&key) => self.customers.follow(&key, value),
            Some(_) => return,
            // `localStorage.clear()` in another tab.
            None => self.reload_all(),
        }
        self.notices
            .update(|n| push_unique(n, Notice::SyncedFromOtherTab));
    }

    /// Re-reads every document from storage.
    pub fn reload_all(self) {
        self.settings.reload();
        self.customers.reload();
    }

    /// The in-memory state of every document, saved or not (what a backup should hold).
    pub fn snapshot(self) -> AppData {
        AppData {
            settings: self.settings.with_untracked(Clone::clone),
            customers: self.customers.with_untracked(Clone::clone),
        }
    }
}

/// The app state from context.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

fn browser_language() -> Lang {
    let languages = window().navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
    Lang::from_browser_preferences(tags.iter().map(String::as_str))
}
