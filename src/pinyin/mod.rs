//! Toneless pinyin for the common Chinese characters, so a search for `wangzuowen`,
//! `wang zuowen` or `wzw` finds 王作文.
//!
//! The table (`table.txt`, written by `.build/pinyin/generate.py`; all in the CJK
//! Unified Ideographs block) holds the 3,755 characters of GB2312 level 1 and 75 characters common in names that GB2312 leaves to
//! level 2, with their common readings: a polyphone such as 曾 (zeng, ceng) or 单 (dan,
//! shan) matches any of them. Other characters have no pinyin and break a match, as
//! letters and digits do.
//!
//! Matching rule: the typed letters must split into pieces, each a non-empty prefix of a
//! reading of consecutive characters. Full pinyin (`wangzuowen`), initials (`wzw`) and
//! mixes (`wangzw`, `wzuowen`) all follow from it, as pinyin input methods do.
//! [`Spelling`] is prepared once per text; [`Spelling::find`] allocates nothing.

use std::sync::OnceLock;

const TABLE: &str = include_str!("table.txt");

/// In a [`Spelling`]: a character without pinyin, which a match cannot cross.
const GAP: u16 = u16::MAX;

/// The block of CJK Unified Ideographs, U+4E00 to U+9FFF, which holds every character
/// of the table.
const CJK: std::ops::RangeInclusive<u32> = 0x4E00..=0x9FFF;

/// The parsed table: each known character with its readings.
struct Table {
    /// For each character of [`CJK`], its index in `starts`, or [`GAP`]: one look-up per
    /// character (42 KB, built once).
    index: Vec<u16>,
    /// How many characters have readings.
    known: usize,
    /// The readings of the `i`th known character are `readings[starts[i]..starts[i + 1]]`.
    starts: Vec<u16>,
    /// Indices into `syllables`.
    readings: Vec<u16>,
    syllables: Vec<&'static str>,
}

impl Table {
    fn parse(text: &'static str) -> Table {
        let mut syllables = Vec::new();
        let mut pairs: Vec<(char, u16)> = Vec::with_capacity(4_200);
        for line in text.lines() {
            let Some((syllable, chars)) = line.split_once(' ') else {
                continue;
            };
            let id = syllables.len() as u16;
            syllables.push(syllable);
            pairs.extend(chars.chars().map(|c| (c, id)));
        }
        pairs.sort_unstable();
        let mut table = Table {
            index: vec![GAP; (CJK.end() - CJK.start() + 1) as usize],
            known: 0,
            starts: Vec::with_capacity(pairs.len() + 1),
            readings: Vec::with_capacity(pairs.len()),
            syllables,
        };
        let mut last = None;
        for (c, syllable) in pairs {
            if last != Some(c) && CJK.contains(&(c as u32)) {
                last = Some(c);
                table.index[(c as u32 - CJK.start()) as usize] = table.known as u16;
                table.known += 1;
                table.starts.push(table.readings.len() as u16);
            }
            if last == Some(c) {
                table.readings.push(syllable);
            }
        }
        table.starts.push(table.readings.len() as u16);
        table
    }

    fn index_of(&self, c: char) -> Option<u16> {
        let at = (c as u32).checked_sub(*CJK.start())?;
        self.index.get(at as usize).copied().filter(|&i| i != GAP)
    }

    fn readings_of(&self, index: u16) -> impl Iterator<Item = &'static [u8]> + '_ {
        let i = index as usize;
        let (from, to) = (self.starts[i] as usize, self.starts[i + 1] as usize);
        self.readings[from..to]
            .iter()
            .map(|&s| self.syllables[s as usize].as_bytes())
    }
}

fn table() -> &'static Table {
    static TABLE_PARSED: OnceLock<Table> = OnceLock::new();
    TABLE_PARSED.get_or_init(|| Table::parse(TABLE))
}

/// The readings of one character, as the search knows them (empty if it has none).
pub fn readings(c: char) -> Vec<&'static str> {
    let table = table();
    table
        .index_of(c)
        .map(|i| {
            table
                .readings_of(i)
                .map(|r| std::str::from_utf8(r).unwrap_or_default())
                .collect()
        })
        .unwrap_or_default()
}

/// How many characters the table knows (for the README and Learn).
pub fn known_characters() -> usize {
    table().known
}

/// Where a pinyin query matched a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// From the text's first character: `wzw` in 王作文.
    Start,
    /// From a later character: `zuowen` in 王作文.
    Inside,
}

/// A text's characters as the pinyin table's indices, ready for [`Spelling::find`].
/// A text without Chinese characters has an empty spelling, which allocates nothing and
/// rejects every query at once.
#[derive(Clone, Debug, Default)]
pub struct Spelling {
    chars: Box<[u16]>,
    /// Bit `n` is set when some reading of some character starts with letter `a + n`: a
    /// query whose first letter is not among them cannot match.
    initials: u32,
}

impl Spelling {
    pub fn of(text: &str) -> Spelling {
        if text.is_ascii() {
            return Spelling::default();
        }
        let table = table();
        let mut initials = 0u32;
        let chars: Vec<u16> = text
            .chars()
            .map(|c| match table.index_of(c) {
                Some(i) => {
                    for reading in table.readings_of(i) {
                        initials |= 1 << (reading[0] - b'a');
                    }
                    i
                }
                None => GAP,
            })
            .collect();
        if initials == 0 {
            return Spelling::default();
        }
        Spelling {
            chars: chars.into_boxed_slice(),
            initials,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Where `query` matches, if it does. `query` is lowercase ASCII letters without
    /// spaces, as [`query_letters`] returns it.
    pub fn find(&self, query: &[u8]) -> Option<Place> {
        let n = query.len();
        let first = *query.first()?;
        if n > 63 || !first.is_ascii_lowercase() || self.initials & (1 << (first - b'a')) == 0 {
            return None;
        }
        let table = table();
        let done = 1u64 << n;
        // Bit p: the first p letters of the query are matched by the characters so far.
        // `from_start` follows matches that began at the first character, `any` those
        // that began anywhere (a fresh start is added at every character).
        let mut from_start = 1u64;
        let mut inside = false;
        let mut any = 0u64;
        for &c in self.chars.iter() {
            if c == GAP {
                from_start = 0;
                any = 0;
                continue;
            }
            from_start = step(from_start, table, c, query);
            any = step(any | 1, table, c, query);
            if from_start & done != 0 {
                return Some(Place::Start);
            }
            inside |= any & done != 0;
            if inside && from_start == 0 {
                return Some(Place::Inside);
            }
        }
        inside.then_some(Place::Inside)
    }
}

/// The query positions reachable from `states` by matching character `c`: from each
/// position `p`, every non-empty prefix of one of its readings that the query continues
/// with.
fn step(states: u64, table: &Table, c: u16, query: &[u8]) -> u64 {
    let n = query.len();
    let mut out = 0u64;
    let mut rest = states & ((1u64 << n) - 1);
    while rest != 0 {
        let p = rest.trailing_zeros() as usize;
        rest &= rest - 1;
        for reading in table.readings_of(c) {
            let mut len = 0;
            while len < reading.len() && p + len < n && reading[len] == query[p + len] {
                len += 1;
                out |= 1 << (p + len);
            }
        }
    }
    out
}

/// The query as pinyin letters: lowercase ASCII letters with spaces and apostrophes
/// (`xi'an`) removed. `None` when it has anything else (a Chinese character, a digit) or
/// fewer than two letters, which would match too many names to help.
pub fn query_letters(query: &str) -> Option<Vec<u8>> {
    let mut letters = Vec::with_capacity(query.len());
    for b in query.bytes() {
        match b {
            b'a'..=b'z' => letters.push(b),
            b'A'..=b'Z' => letters.push(b.to_ascii_lowercase()),
            b' ' | b'\'' => {}
            _ => return None,
        }
    }
    (letters.len() >= 2).then_some(letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, query: &str) -> Option<Place> {
        Spelling::of(text).find(&query_letters(query).expect("letters"))
    }

    #[test]
    fn the_table_holds_level_one_and_name_characters() {
        // GB2312 level 1 has 3,755 characters; the generator adds 75 for names.
        assert_eq!(known_characters(), 3_830);
        assert_eq!(readings('王'), ["wang"]);
        assert_eq!(readings('曾'), ["ceng", "zeng"]);
        assert_eq!(readings('单'), ["chan", "dan", "shan"]);
        assert_eq!(readings('吕'), ["lu", "lv"]);
        assert_eq!(readings('琪'), ["qi"]);
        assert!(readings('a').is_empty());
        assert!(readings('龘').is_empty());
    }

    #[test]
    fn full_pinyin_initials_and_mixes_match() {
        // (text, query, expected)
        let cases: &[(&str, &str, Option<Place>)] = &[
            ("王作文", "wangzuowen", Some(Place::Start)),
            ("王作文", "wang zuowen", Some(Place::Start)),
            ("王作文", "WZW", Some(Place::Start)),
            ("王作文", "wangzw", Some(Place::Start)),
            ("王作文", "wzuowen", Some(Place::Start)),
            ("王作文", "wang", Some(Place::Start)),
            ("王作文", "zuowen", Some(Place::Inside)),
            ("王作文", "zw", Some(Place::Inside)),
            ("王作文", "wangzuowenx", None),
            ("王作文", "zwang", None),
            ("王作文", "wangwen", None),
            // Polyphones: every common reading.
            ("曾国藩", "zengguofan", Some(Place::Start)),
            ("曾经", "cengjing", Some(Place::Start)),
            ("单田芳", "shantianfang", Some(Place::Start)),
            ("吕布", "lvbu", Some(Place::Start)),
            ("吕布", "lubu", Some(Place::Start)),
            ("长沙银行", "csyh", Some(Place::Start)),
            ("长沙银行", "yinhang", Some(Place::Inside)),
            // A letter, digit or unknown character breaks a match.
            ("王A作文", "wangzuowen", None),
            ("王A作文", "zuowen", Some(Place::Inside)),
            ("北京华联商贸有限公司", "hualian", Some(Place::Inside)),
            ("北京华联商贸有限公司", "bjhl", Some(Place::Start)),
            ("Anna Smith", "anna", None),
            ("", "wang", None),
        ];
        for &(text, query, expected) in cases {
            assert_eq!(find(text, query), expected, "{text} {query}");
        }
    }

    /// The matching rule, written the slow and obvious way: try every start and every
    /// split of the query.
    fn reference(text: &str, query: &[u8]) -> Option<Place> {
        fn from(chars: &[char], query: &[u8]) -> bool {
            if query.is_empty() {
                return true;
            }
            let Some((&c, rest)) = chars.split_first() else {
                return false;
            };
            readings(c).iter().any(|r| {
                (1..=r.len().min(query.len()))
                    .any(|len| r.as_bytes()[..len] == query[..len] && from(rest, &query[len..]))
            })
        }
        let chars: Vec<char> = text.chars().collect();
        if from(&chars, query) {
            return Some(Place::Start);
        }
        (1..chars.len())
            .any(|start| from(&chars[start..], query))
            .then_some(Place::Inside)
    }

    proptest::proptest! {
        #[test]
        fn find_agrees_with_the_rule(
            text in proptest::collection::vec(
                proptest::sample::select(vec!['李', '丽', '林', '拉', '王', '安', '长', 'A']),
                0..7,
            ),
            query in proptest::collection::vec(
                proptest::sample::select(vec![b'l', b'i', b'a', b'n', b'w', b'g', b'z', b'c']),
                1..9,
            ),
        ) {
            let text: String = text.into_iter().collect();
            proptest::prop_assert_eq!(Spelling::of(&text).find(&query), reference(&text, &query));
        }
    }

    #[test]
    fn queries_that_are_not_pinyin_are_refused() {
        assert_eq!(query_letters("w"), None);
        assert_eq!(query_letters("王"), None);
        assert_eq!(query_letters("wang1"), None);
        assert_eq!(query_letters("xi'an"), Some(b"xian".to_vec()));
        assert_eq!(query_letters(" Wang Fang "), Some(b"wangfang".to_vec()));
        let long = "a".repeat(70);
        assert_eq!(Spelling::of("王").find(long.as_bytes()), None);
    }

    #[test]
    fn texts_without_chinese_allocate_nothing() {
        assert!(Spelling::of("Anna Smith").is_empty());
        assert!(Spelling::of("Ünal Café").is_empty());
        assert!(!Spelling::of("Anna 王").is_empty());
    }
}
