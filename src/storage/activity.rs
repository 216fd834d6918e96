//! When the data last changed and when it was last backed up, for the backup reminder
//! (README "Keep the data").
//!
//! `crm.activity` holds the first and the last day any document other than the settings
//! was saved. It is written at most once a day (the first save of a day), so it costs
//! nothing on ordinary saves; it is not part of a backup. The day of the last backup is
//! kept with the settings, which a backup carries.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::store::{KeyValueStore, StorageError};

/// The key of the activity record (under the app's prefix, so erase removes it).
pub const KEY: &str = "crm.activity";

/// The first and the last day the user's data was saved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    #[serde(default)]
    pub first_change: Option<NaiveDate>,
    #[serde(default)]
    pub last_change: Option<NaiveDate>,
}

/// Reads the activity record; a missing or unreadable one counts as no activity (it is
/// a reminder's hint, never data the user could lose).
pub fn read(store: &impl KeyValueStore) -> Activity {
    store
        .get(KEY)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

/// Notes that the user's data was saved today. Writes only when `known` (what this tab
/// read or wrote last) is not already today; returns the record as it is now.
pub fn note_change(
    store: &impl KeyValueStore,
    known: Activity,
    today: NaiveDate,
) -> Result<Activity, StorageError> {
    if known.last_change == Some(today) {
        return Ok(known);
    }
    // Another tab may have written since: start from what is stored.
    let stored = read(store);
    let noted = Activity {
        first_change: stored.first_change.or(known.first_change).or(Some(today)),
        last_change: Some(today),
    };
    if stored != noted {
        let text = serde_json::to_string(&noted).expect("dates serialise");
        store.set(KEY, &text)?;
    }
    Ok(noted)
}

/// How long the data has gone without a backup, if the reminder is due: the user chose
/// to be reminded every `every_days` days (`None`: never), the data changed after the
/// last backup (or there never was one), and that backup (or the first change) is at
/// least `every_days` old. Changes are known by the day, so a change on the day of the
/// backup counts as included in it.
pub fn backup_due(
    activity: Activity,
    last_backup: Option<NaiveDate>,
    every_days: Option<u32>,
    today: NaiveDate,
) -> Option<i64> {
    let every = i64::from(every_days?);
    let last_change = activity.last_change?;
    if last_backup.is_some_and(|backup| backup >= last_change) {
        return None;
    }
    let since = last_backup.or(activity.first_change).unwrap_or(last_change);
    let days = (today - since).num_days();
    (days >= every).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    #[test]
    fn the_first_save_of_a_day_is_noted_once() {
        let store = MemoryStore::new();
        let first = note_change(&store, Activity::default(), day("2026-12-01")).unwrap();
        assert_eq!(first.first_change, Some(day("2026-12-01")));
        // Later saves that day write nothing (the record is unchanged, even if removed).
        store.remove(KEY).unwrap();
        assert_eq!(
            note_change(&store, first, day("2026-12-01")).unwrap(),
            first
        );
        assert_eq!(store.get(KEY).unwrap(), None);
        let next = note_change(&store, first, day("2026-12-03")).unwrap();
        assert_eq!(
            next,
            Activity {
                first_change: Some(day("2026-12-01")),
                last_change: Some(day("2026-12-03"))
            }
        );
        assert_eq!(read(&store), next);
    }

    #[test]
    fn an_unreadable_record_counts_as_no_activity() {
        let store = MemoryStore::new();
        store.set(KEY, "{oops").unwrap();
        assert_eq!(read(&store), Activity::default());
    }

    #[test]
    fn the_reminder_is_due_after_changes_and_the_chosen_days() {
        let today = day("2026-12-10");
        let changed = |first: &str, last: &str| Activity {
            first_change: Some(day(first)),
            last_change: Some(day(last)),
        };
        let cases = [
            // (activity, last backup, every, due)
            (Activity::default(), None, Some(7), None),
            (changed("2026-12-01", "2026-12-09"), None, Some(7), Some(9)),
            (changed("2026-12-05", "2026-12-09"), None, Some(7), None),
            (
                changed("2026-11-01", "2026-12-09"),
                Some("2026-12-02"),
                Some(7),
                Some(8),
            ),
            (
                changed("2026-11-01", "2026-12-09"),
                Some("2026-12-04"),
                Some(7),
                None,
            ),
            // Nothing changed since the backup, however old it is.
            (
                changed("2026-11-01", "2026-11-20"),
                Some("2026-11-20"),
                Some(7),
                None,
            ),
            (
                changed("2026-11-01", "2026-12-09"),
                Some("2026-12-02"),
                None,
                None,
            ),
            (
                changed("2026-11-01", "2026-12-09"),
                Some("2026-12-09"),
                Some(1),
                None,
            ),
            (
                changed("2026-11-01", "2026-12-10"),
                Some("2026-12-09"),
                Some(1),
                Some(1),
            ),
        ];
        for (activity, backup, every, due) in cases {
            assert_eq!(
                backup_due(activity, backup.map(day), every, today),
                due,
                "{activity:?} {backup:?} {every:?}"
            );
        }
    }
}
