//! The stored list of blueprints: what `/blueprints` lists, with the ids new blueprints
//! get. Creating, duplicating, renaming, deleting and putting a deleted blueprint back.

use serde::{Deserialize, Serialize};

use super::edit::duplicate_as_to_be;
use super::model::Blueprint;
use super::samples::Sample;
use crate::i18n::Lang;

/// Schema 1 → 2: every step gets its ties to the other sections, none yet (a survey item
/// and complaint categories; see `ties.rs`).
pub fn add_step_ties(mut value: serde_json::Value) -> Result<serde_json::Value, String> {
    let blueprints = value
        .get_mut("blueprints")
        .and_then(|b| b.as_array_mut())
        .ok_or("no blueprints")?;
    for bp in blueprints {
        let Some(steps) = bp.get_mut("steps").and_then(|s| s.as_array_mut()) else {
            continue;
        };
        for step in steps {
            if let Some(step) = step.as_object_mut() {
                step.entry("survey").or_insert(serde_json::Value::Null);
                step.entry("complaints")
                    .or_insert_with(|| serde_json::Value::Array(Vec::new()));
            }
        }
    }
    Ok(value)
}

/// Every blueprint the user keeps, in the order they were made.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct BlueprintBook {
    pub blueprints: Vec<Blueprint>,
    /// The id the next new blueprint gets; above every id ever given.
    pub next_id: u64,
}

impl Default for BlueprintBook {
    fn default() -> BlueprintBook {
        BlueprintBook {
            blueprints: Vec::new(),
            next_id: 1,
        }
    }
}

impl BlueprintBook {
    pub fn get(&self, id: u64) -> Option<&Blueprint> {
        self.blueprints.iter().find(|b| b.id == id)
    }

    pub fn get_mut(&mut self, id: u64) -> Option<&mut Blueprint> {
        self.blueprints.iter_mut().find(|b| b.id == id)
    }

    /// A fresh id, never given before (also above the ids of blueprints imported with one).
    fn take_id(&mut self) -> u64 {
        let above = self.blueprints.iter().map(|b| b.id + 1).max().unwrap_or(1);
        let id = self.next_id.max(above).max(1);
        self.next_id = id + 1;
        id
    }

    /// Adds `bp` under a fresh id (a blank one, a sample, an imported file); returns the id.
    pub fn add(&mut self, mut bp: Blueprint) -> u64 {
        bp.id = self.take_id();
        let id = bp.id;
        self.blueprints.push(bp);
        id
    }

    /// "Load demo data": adds every sample (worded in `lang`) that the book does not hold
    /// yet under its title in either language, keeping the user's own blueprints; returns
    /// how many were added. Loading the demo twice adds nothing the second time.
    pub fn add_samples(&mut self, lang: Lang) -> usize {
        let missing: Vec<Sample> = Sample::ALL
            .into_iter()
            .filter(|s| {
                let title = s.title();
                !self
                    .blueprints
                    .iter()
                    .any(|b| b.name == title.en || b.name == title.zh)
            })
            .collect();
        for sample in &missing {
            self.add(sample.build(0, lang));
        }
        missing.len()
    }

    /// A copy of blueprint `id` as its to-be version, named `name`, right after it.
    pub fn duplicate(&mut self, id: u64, name: &str) -> Option<u64> {
        let at = self.blueprints.iter().position(|b| b.id == id)?;
        let new_id = self.take_id();
        let mut copy = duplicate_as_to_be(&self.blueprints[at], new_id);
        copy.name = name.to_owned();
        self.blueprints.insert(at + 1, copy);
        Some(new_id)
    }

    /// Renames a blueprint; a blank name is refused (false).
    pub fn rename(&mut self, id: u64, name: &str) -> bool {
        let name = name.trim();
        match self.get_mut(id) {
            Some(bp) if !name.is_empty() => {
                bp.name = name.to_owned();
                true
            }
            _ => false,
        }
    }

    /// Removes a blueprint; returns it with its place, so it can be put back.
    pub fn delete(&mut self, id: u64) -> Option<(usize, Blueprint)> {
        let at = self.blueprints.iter().position(|b| b.id == id)?;
        Some((at, self.blueprints.remove(at)))
    }

    /// Puts a deleted blueprint back where it was (at the end if the list got shorter);
    /// nothing happens if one with its id is there already.
    pub fn restore(&mut self, at: usize, bp: Blueprint) {
        if self.get(bp.id).is_some() {
            return;
        }
        self.next_id = self.next_id.max(bp.id + 1);
        let at = at.min(self.blueprints.len());
        self.blueprints.insert(at, bp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_one_books_gain_empty_ties() {
        let old = serde_json::json!({
            "blueprints": [{"id": 1, "name": "b", "steps": [{"id": 1, "lane": "customer"}]}, {"id": 2}],
            "next_id": 3
        });
        let new = add_step_ties(old).unwrap();
        let step = &new["blueprints"][0]["steps"][0];
        assert_eq!(step["survey"], serde_json::Value::Null);
        assert_eq!(step["complaints"], serde_json::json!([]));
        let book: BlueprintBook = serde_json::from_value(new).unwrap();
        assert_eq!(book.blueprints[0].steps[0].survey, None);
        assert!(add_step_ties(serde_json::json!({"x": 1})).is_err());
    }
    use crate::blueprints::domain::model::Version;

    fn names(book: &BlueprintBook) -> Vec<(u64, &str)> {
        book.blueprints
            .iter()
            .map(|b| (b.id, b.name.as_str()))
            .collect()
    }

    #[test]
    fn the_demo_adds_each_sample_once_and_keeps_the_users_blueprints() {
        let mut book = BlueprintBook::default();
        book.add(Blueprint::new(0, "Our checkout"));
        book.add(Sample::HotelStay.build(0, Lang::En));
        assert_eq!(book.add_samples(Lang::Zh), Sample::ALL.len() - 1);
        assert_eq!(book.blueprints.len(), Sample::ALL.len() + 1);
        assert_eq!(book.blueprints[0].name, "Our checkout");
        assert_eq!(book.blueprints[2].name, "餐厅用餐");
        assert!(book
            .blueprints
            .iter()
            .all(|b| !b.steps.is_empty() || b.id == 1));
        assert_eq!(
            book.add_samples(Lang::En),
            0,
            "a second demo load adds nothing"
        );
    }

    #[test]
    fn new_blueprints_get_ids_never_given_before() {
        let mut book = BlueprintBook::default();
        assert_eq!(book.add(Blueprint::new(99, "a")), 1);
        assert_eq!(book.add(Blueprint::new(0, "b")), 2);
        book.delete(2);
        // A deleted id is not given again.
        assert_eq!(book.add(Blueprint::new(0, "c")), 3);
        // Stored data with a lagging counter still gets fresh ids.
        book.next_id = 1;
        assert_eq!(book.add(Blueprint::new(0, "d")), 4);
        assert_eq!(names(&book), [(1, "a"), (3, "c"), (4, "d")]);
    }

    #[test]
    fn a_duplicate_is_the_to_be_version_right_after_its_original() {
        let mut book = BlueprintBook::default();
        let a = book.add(Blueprint::new(0, "hotel"));
        book.add(Blueprint::new(0, "bank"));
        let copy = book.duplicate(a, "hotel (to be)").unwrap();
        assert_eq!(
            names(&book),
            [(1, "hotel"), (3, "hotel (to be)"), (2, "bank")]
        );
        let bp = book.get(copy).unwrap();
        assert_eq!((bp.version, bp.based_on), (Version::ToBe, Some(a)));
        assert_eq!(book.duplicate(42, "x"), None);
    }

    #[test]
    fn renaming_refuses_a_blank_name() {
        let mut book = BlueprintBook::default();
        let id = book.add(Blueprint::new(0, "old"));
        let cases = [
            ("  new name ", true, "new name"),
            ("   ", false, "new name"),
        ];
        for (typed, done, now) in cases {
            assert_eq!(book.rename(id, typed), done, "{typed:?}");
            assert_eq!(book.get(id).unwrap().name, now);
        }
        assert!(!book.rename(7, "x"));
    }

    #[test]
    fn a_deleted_blueprint_goes_back_where_it_was() {
        let mut book = BlueprintBook::default();
        for name in ["a", "b", "c"] {
            book.add(Blueprint::new(0, name));
        }
        let (at, bp) = book.delete(2).unwrap();
        assert_eq!(names(&book), [(1, "a"), (3, "c")]);
        book.restore(at, bp.clone());
        assert_eq!(names(&book), [(1, "a"), (2, "b"), (3, "c")]);
        // Twice is once.
        book.restore(at, bp);
        assert_eq!(book.blueprints.len(), 3);
        assert_eq!(book.delete(9), None);
    }

    #[test]
    fn the_stored_form_reads_back_and_fills_what_is_missing() {
        let mut book = BlueprintBook::default();
        book.add(crate::blueprints::domain::Sample::HotelStay.build(0, crate::i18n::Lang::Zh));
        let json = serde_json::to_string(&book).unwrap();
        let back: BlueprintBook = serde_json::from_str(&json).unwrap();
        assert_eq!(back, book);
        let empty: BlueprintBook = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, BlueprintBook::default());
    }
}
