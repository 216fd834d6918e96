//! Ranked customer search for the search box, fast enough to run on every keystroke.
//!
//! `SearchIndex` lowercases every searchable text once; a keystroke then lowercases only
//! the query and looks for it in the prepared strings with [`contains`], allocating
//! nothing per customer. Matching is on UTF-8 bytes, which for valid UTF-8 is the same as
//! matching on chars, so Chinese works as plain substring search.
//!
//! Chinese names and companies are also found by their pinyin without tones, in full or
//! by initials ([`crate::pinyin`]); those matches rank after every match of the typed
//! text in the name.

use super::model::Customer;
use crate::pinyin::{query_letters, Place, Spelling};

/// Ranks, best first. Only the best matching kind counts for each customer.
pub const EXACT_NAME: u32 = 100;
pub const NAME_PREFIX: u32 = 80;
pub const NAME_CONTAINS: u32 = 60;
/// The name's pinyin, from its first character: `wzw` or `wangzuowen` for 王作文.
pub const PINYIN_NAME_START: u32 = 55;
/// The name's pinyin from a later character: `zuowen` for 王作文.
pub const PINYIN_NAME: u32 = 50;
/// Company, email, tags, notes, or phone digits contain the query.
pub const OTHER_CONTAINS: u32 = 40;
/// The company's pinyin: `bjhl` or `hualian` for 北京华联.
pub const PINYIN_COMPANY: u32 = 30;
/// Every word of a multi-word query is found somewhere ("wang 北京").
pub const ALL_WORDS: u32 = 20;

/// Separates fields in the prepared text so a query cannot match across two fields.
const FIELD_SEPARATOR: char = '\u{1f}';

struct Entry {
    name: String,
    other: String,
    phone_digits: String,
    name_pinyin: Spelling,
    company_pinyin: Spelling,
}

/// Prepared search text for a list of customers; rebuild it when the list changes.
pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl SearchIndex {
    pub fn new(customers: &[Customer]) -> Self {
        let mut index = SearchIndex {
            entries: Vec::with_capacity(customers.len()),
        };
        for customer in customers {
            index.push(customer);
        }
        index
    }

    /// Adds the next customer of the list (the index follows list order).
    pub fn push(&mut self, c: &Customer) {
        let mut other = String::new();
        for text in [
            &c.company, &c.email, &c.notes, &c.phone, &c.address, &c.owner,
        ]
        .into_iter()
        .chain(&c.tags)
        {
            normalise_into(text, &mut other);
            other.push(FIELD_SEPARATOR);
        }
        self.entries.push(Entry {
            name: normalise(&c.name),
            other,
            phone_digits: c.phone.chars().filter(char::is_ascii_digit).collect(),
            name_pinyin: Spelling::of(&c.name),
            company_pinyin: Spelling::of(&c.company),
        });
    }

    /// The `i`th customer's name as searched (lowercased, spaces collapsed): a sort key
    /// that costs nothing to compare.
    pub fn name_key(&self, i: usize) -> &str {
        &self.entries[i].name
    }

    /// How many customers the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// `(index into the customer list, score)` of every match, best first, ties in list
    /// order. An empty query matches everyone with score 0.
    pub fn search(&self, query: &str) -> Vec<(usize, u32)> {
        let query = normalise(query);
        if query.is_empty() {
            return (0..self.entries.len()).map(|i| (i, 0)).collect();
        }
        // A query such as "138-0013" searches phone digits, ignoring spaces and dashes.
        let phone_like = query
            .chars()
            .all(|c| c.is_ascii_digit() || " -+()".contains(c));
        let digits: String = query.chars().filter(char::is_ascii_digit).collect();
        let digits = if phone_like && digits.len() >= 3 {
            digits
        } else {
            String::new()
        };
        let words: Vec<&str> = query.split(' ').collect();
        let letters = query_letters(&query);
        let pinyin = |spelling: &Spelling| letters.as_deref().and_then(|q| spelling.find(q));
        let mut hits: Vec<(usize, u32)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let score = if e.name == query {
                    EXACT_NAME
                } else if e.name.starts_with(&query) {
                    NAME_PREFIX
                } else if contains(&e.name, &query) {
                    NAME_CONTAINS
                } else if let Some(place) = pinyin(&e.name_pinyin) {
                    match place {
                        Place::Start => PINYIN_NAME_START,
                        Place::Inside => PINYIN_NAME,
                    }
                } else if contains(&e.other, &query)
                    || (!digits.is_empty() && contains(&e.phone_digits, &digits))
                {
                    OTHER_CONTAINS
                } else if pinyin(&e.company_pinyin).is_some() {
                    PINYIN_COMPANY
                } else if words.len() > 1
                    && words
                        .iter()
                        .all(|w| contains(&e.name, w) || contains(&e.other, w))
                {
                    ALL_WORDS
                } else {
                    return None;
                };
                Some((i, score))
            })
            .collect();
        hits.sort_by_key(|&(_, score)| std::cmp::Reverse(score));
        hits
    }
}

/// One-off search; build a [`SearchIndex`] instead when searching as the user types.
pub fn search(customers: &[Customer], query: &str) -> Vec<(usize, u32)> {
    SearchIndex::new(customers).search(query)
}

/// Whether `needle` occurs in `haystack`. The same answer as `str::contains`, without
/// its per-call set-up (a two-way searcher built for every haystack), which dominated a
/// keystroke over 10,000 short strings. Queries are a few characters long, so scanning
/// for the first byte and comparing the rest is fast.
pub fn contains(haystack: &str, needle: &str) -> bool {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let Some(last_start) = hay.len().checked_sub(needle.len()) else {
        return false;
    };
    hay[..=last_start]
        .iter()
        .enumerate()
        .any(|(at, &b)| b == first && &hay[at + 1..at + needle.len()] == rest)
}

/// Lowercase with runs of whitespace (including the ideographic space) as one space.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalise_into(text, &mut out);
    out
}

/// [`normalise`], appended to `out` (one pass, no allocation of its own: the index
/// normalises every customer's fields at start-up).
fn normalise_into(text: &str, out: &mut String) {
    let start = out.len();
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = out.len() > start;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::customer;
    use super::*;
    use proptest::prelude::*;

    fn customers() -> Vec<Customer> {
        let mut list = vec![
            customer(1, "王芳"),
            customer(2, "王芳芳"),
            customer(3, "李王芳"),
            customer(4, "Anna Smith"),
            customer(5, "Ann"),
            customer(6, "Joanna Lee"),
            customer(7, "赵伟"),
        ];
        list[6].company = "北京华联商贸有限公司".into();
        list[6].phone = "138 0013-8000".into();
        list[5].email = "ANN@example.com".into();
        list[3].tags = vec!["VIP".into()];
        list[2].notes = "prefers email".into();
        list
    }

    #[test]
    fn ranks_matches() {
        // (query, expected (customer id, score) in order)
        let cases: &[(&str, &[(u64, u32)])] = &[
            (
                "王芳",
                &[(1, EXACT_NAME), (2, NAME_PREFIX), (3, NAME_CONTAINS)],
            ),
            (
                "ann",
                &[(5, EXACT_NAME), (4, NAME_PREFIX), (6, NAME_CONTAINS)],
            ),
            ("  ANNA   smith ", &[(4, EXACT_NAME)]),
            ("华联", &[(7, OTHER_CONTAINS)]),
            ("13800138000", &[(7, OTHER_CONTAINS)]),
            ("0013 8000", &[(7, OTHER_CONTAINS)]),
            ("vip", &[(4, OTHER_CONTAINS)]),
            ("email", &[(3, OTHER_CONTAINS)]),
            ("smith vip", &[(4, ALL_WORDS)]),
            ("smith 北京", &[]),
            ("12", &[]),
            ("nobody", &[]),
            // Pinyin: after the typed text's own matches ("wang" is in no name as
            // text), the first character's pinyin before a later one's.
            (
                "wangfang",
                &[
                    (1, PINYIN_NAME_START),
                    (2, PINYIN_NAME_START),
                    (3, PINYIN_NAME),
                ],
            ),
            (
                "wf",
                &[
                    (1, PINYIN_NAME_START),
                    (2, PINYIN_NAME_START),
                    (3, PINYIN_NAME),
                ],
            ),
            ("zhao wei", &[(7, PINYIN_NAME_START)]),
            (
                "an",
                &[(4, NAME_PREFIX), (5, NAME_PREFIX), (6, NAME_CONTAINS)],
            ),
            ("hualian", &[(7, PINYIN_COMPANY)]),
            ("bjhl", &[(7, PINYIN_COMPANY)]),
            ("fangfang", &[(2, PINYIN_NAME)]),
        ];
        let list = customers();
        let index = SearchIndex::new(&list);
        for (query, expected) in cases {
            let got: Vec<(u64, u32)> = index
                .search(query)
                .iter()
                .map(|&(i, s)| (list[i].id, s))
                .collect();
            assert_eq!(got, *expected, "{query:?}");
        }
        assert_eq!(search(&list, "").len(), list.len());
    }

    #[test]
    fn contains_agrees_with_str_contains() {
        let texts = [
            "",
            "a",
            "ab",
            "aab",
            "abc",
            "王芳",
            "北京王芳",
            "王",
            "芳王",
            "wang fang",
            "ababac",
            "\u{1f}",
            "x\u{1f}y",
        ];
        for hay in texts {
            for needle in texts {
                assert_eq!(
                    contains(hay, needle),
                    hay.contains(needle),
                    "{hay:?} {needle:?}"
                );
            }
        }
    }

    fn small_text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(vec!['a', 'b', '王', '芳', ' ']), 0..10)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn contains_matches_std_on_any_text(hay in small_text(), needle in small_text()) {
            prop_assert_eq!(contains(&hay, &needle), hay.contains(needle.as_str()));
        }
    }

    #[test]
    fn normalising_lowercases_and_folds_whitespace() {
        let cases = [
            ("  Anna \t SMITH  ", "anna smith"),
            ("王\u{3000}\u{3000}芳", "王 芳"),
            ("ÉCOLE Straße", "école straße"),
            ("ΣΑΣ", "σασ"),
            ("", ""),
            (" \n ", ""),
        ];
        for (text, expected) in cases {
            assert_eq!(normalise(text), expected, "{text:?}");
            let mut appended = String::from("x");
            normalise_into(text, &mut appended);
            assert_eq!(appended, format!("x{expected}"), "{text:?}");
        }
    }
}
