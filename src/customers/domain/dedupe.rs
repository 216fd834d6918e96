//! Duplicate detection: pairs of customers that are probably the same person or firm.
//!
//! Runs in near-linear time: emails, phones and exact names are bucketed in hash maps, and
//! fuzzy Latin names are compared only within blocks of the same first letter and a
//! length difference the similarity threshold allows (a typo in the first letter is
//! missed; that is the price of not comparing every pair).

use std::collections::{BTreeMap, HashMap};

use super::model::Customer;

/// Levenshtein similarity (1 − distance / longer length) needed for Latin names.
pub const NAME_SIMILARITY: f64 = 0.85;
/// Shorter Latin names must match exactly: one typo in "Li" is another name.
pub const MIN_FUZZY_NAME_CHARS: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DuplicateReason {
    SameEmail,
    SamePhone,
    SameName,
    /// Similar Latin names; similarity in percent.
    SimilarName(u8),
}

/// How sure a pair is, strongest first (the list is ranked by it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchStrength {
    /// The same email or phone.
    Strong,
    /// A (nearly) identical name and nothing that contradicts it.
    Possible,
    /// A name only, while both have emails that differ or companies that differ: most
    /// likely two people of one name ("Samuel Baker" of two firms).
    Weak,
}

/// Two customers (by id, `a < b` in list order) and why they look alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicatePair {
    pub a: u64,
    pub b: u64,
    pub reasons: Vec<DuplicateReason>,
    pub strength: MatchStrength,
}

/// How sure the pair `a`, `b` with `reasons` is.
pub fn match_strength(a: &Customer, b: &Customer, reasons: &[DuplicateReason]) -> MatchStrength {
    let contact = reasons
        .iter()
        .any(|r| matches!(r, DuplicateReason::SameEmail | DuplicateReason::SamePhone));
    let differ = |x: &str, y: &str| {
        let (x, y) = (x.trim().to_lowercase(), y.trim().to_lowercase());
        !x.is_empty() && !y.is_empty() && x != y
    };
    if contact {
        MatchStrength::Strong
    } else if differ(&a.email, &b.email) || differ(&a.company, &b.company) {
        MatchStrength::Weak
    } else {
        MatchStrength::Possible
    }
}

/// A distinct normalised name and its chars (Levenshtein works on chars, not bytes).
type NameChars<'a> = (&'a str, Vec<char>);

/// Every likely-duplicate pair, strongest first ([`MatchStrength`]), then in list order
/// of the first customer, then the second.
pub fn find_duplicates(customers: &[Customer]) -> Vec<DuplicatePair> {
    let mut pairs: BTreeMap<(usize, usize), Vec<DuplicateReason>> = BTreeMap::new();
    let mut add =
        |i: usize, j: usize, reason| pairs.entry((i.min(j), i.max(j))).or_default().push(reason);
    let buckets = |key: &dyn Fn(&Customer) -> String| {
        let mut map: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in customers.iter().enumerate() {
            let k = key(c);
            if !k.is_empty() {
                map.entry(k).or_default().push(i);
            }
        }
        map
    };
    let by_email = buckets(&|c| c.email.trim().to_lowercase());
    let by_phone = buckets(&|c| normalise_phone(&c.phone));
    let by_name = buckets(&|c| normalise_name(&c.name));
    for (map, reason) in [
        (&by_email, DuplicateReason::SameEmail),
        (&by_phone, DuplicateReason::SamePhone),
        (&by_name, DuplicateReason::SameName),
    ] {
        for group in map.values() {
            for (n, &i) in group.iter().enumerate() {
                for &j in &group[n + 1..] {
                    add(i, j, reason);
                }
            }
        }
    }
    // Fuzzy names: block distinct Latin names by (first char, length in chars).
    let mut blocks: HashMap<(char, usize), Vec<NameChars>> = HashMap::new();
    for name in by_name.keys() {
        let chars: Vec<char> = name.chars().collect();
        if chars.len() >= MIN_FUZZY_NAME_CHARS && name.is_ascii() {
            blocks
                .entry((chars[0], chars.len()))
                .or_default()
                .push((name, chars));
        }
    }
    for (&(first, len), block) in &blocks {
        // similarity ≥ s needs the longer name to have at most len / s chars.
        let longest = (len as f64 / NAME_SIMILARITY).floor() as usize;
        for other_len in len..=longest {
            let Some(others) = blocks.get(&(first, other_len)) else {
                continue;
            };
            for (n, (name, chars)) in block.iter().enumerate() {
                let start = if other_len == len { n + 1 } else { 0 };
                for (other, other_chars) in &others[start..] {
                    let similarity = name_similarity(chars, other_chars);
                    if similarity >= NAME_SIMILARITY {
                        let reason =
                            DuplicateReason::SimilarName((similarity * 100.0).round() as u8);
                        for &i in &by_name[*name] {
                            for &j in &by_name[*other] {
                                add(i, j, reason);
                            }
                        }
                    }
                }
            }
        }
    }
    let mut pairs: Vec<DuplicatePair> = pairs
        .into_iter()
        .map(|((i, j), reasons)| DuplicatePair {
            a: customers[i].id,
            b: customers[j].id,
            strength: match_strength(&customers[i], &customers[j], &reasons),
            reasons,
        })
        .collect();
    // Stable: within a strength, list order stays.
    pairs.sort_by_key(|p| p.strength);
    pairs
}

/// Digits only, without a +86/0086 country code or the domestic trunk 0, so
/// "+86 10 1234 5678", "010-1234-5678" and "(010) 12345678" agree. Under 6 digits: none.
pub fn normalise_phone(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let national = if let Some(rest) = digits.strip_prefix("0086") {
        rest
    } else if phone.trim_start().starts_with('+') || digits.len() >= 12 {
        digits.strip_prefix("86").unwrap_or(&digits)
    } else {
        &digits
    };
    let national = national.strip_prefix('0').unwrap_or(national);
    if national.len() >= 6 {
        national.to_string()
    } else {
        String::new()
    }
}

/// Lowercase, full-width letters and digits as ASCII, whitespace collapsed; names with
/// Chinese characters lose all spaces ("王 芳" is "王芳").
pub fn normalise_name(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    let separator = if ascii
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        ""
    } else {
        " "
    };
    ascii.split_whitespace().collect::<Vec<_>>().join(separator)
}

/// 1 − Levenshtein distance / longer length (Levenshtein 1966), on chars.
fn name_similarity(a: &[char], b: &[char]) -> f64 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    1.0 - row[b.len()] as f64 / longer as f64
}

#[cfg(test)]
mod tests {
    use super::super::demo::demo_customers;
    use super::super::test_support::{customer, day};
    use super::*;
    use DuplicateReason::*;

    /// (name, email, phone)
    type Person = (&'static str, &'static str, &'static str);
    /// (id a, id b, reasons)
    type Expected = (u64, u64, &'static [DuplicateReason]);

    fn check(people: &[Person], expected: &[Expected]) {
        let list: Vec<Customer> = people
            .iter()
            .zip(1..)
            .map(|(&(name, email, phone), id)| {
                let mut c = customer(id, name);
                (c.email, c.phone) = (email.into(), phone.into());
                c
            })
            .collect();
        let got: Vec<(u64, u64, Vec<DuplicateReason>)> = find_duplicates(&list)
            .into_iter()
            .map(|p| (p.a, p.b, p.reasons))
            .collect();
        let expected: Vec<(u64, u64, Vec<DuplicateReason>)> = expected
            .iter()
            .map(|(a, b, r)| (*a, *b, r.to_vec()))
            .collect();
        assert_eq!(got, expected, "{people:?}");
    }

    #[test]
    fn finds_pairs_by_email_phone_and_name() {
        type Case = (&'static [Person], &'static [Expected]);
        let cases: &[Case] = &[
            (&[("王芳", "", ""), ("李雷", "", "")], &[]),
            (
                &[
                    ("A", " Wang@Example.com ", ""),
                    ("B", "wang@example.com", ""),
                ],
                &[(1, 2, &[SameEmail])],
            ),
            (
                &[
                    ("A", "", "+86 138 0013 8000"),
                    ("B", "", "13800138000"),
                    ("C", "", "0086-138-0013-8000"),
                ],
                &[
                    (1, 2, &[SamePhone]),
                    (1, 3, &[SamePhone]),
                    (2, 3, &[SamePhone]),
                ],
            ),
            (
                &[("A", "", "+86 10 1234 5678"), ("B", "", "(010) 1234-5678")],
                &[(1, 2, &[SamePhone])],
            ),
            (
                &[("王 芳", "", ""), ("王芳", "", ""), ("王芳芳", "", "")],
                &[(1, 2, &[SameName])],
            ),
            (
                &[("ＡＮＮＡ  SMITH", "", ""), ("anna smith", "a@x.cn", "")],
                &[(1, 2, &[SameName])],
            ),
            (
                &[
                    ("Jonathan Smith", "", ""),
                    ("Jonathon Smith", "", ""),
                    ("Jonathan Smiths", "", ""),
                    ("Jonathan Smithers", "", ""),
                ],
                &[
                    (1, 2, &[SimilarName(93)]),
                    (1, 3, &[SimilarName(93)]),
                    (2, 3, &[SimilarName(87)]),
                    (3, 4, &[SimilarName(88)]),
                ],
            ),
            // Short Latin names must be identical; one letter apart is another name.
            (
                &[
                    ("Li Na", "", ""),
                    ("Li Ni", "", ""),
                    ("Bo", "", ""),
                    ("Bob", "", ""),
                ],
                &[],
            ),
            (
                &[
                    ("Tom Lee", "t@x.com", "138 0013 8000"),
                    ("Tom Lee", "t@x.com", "138-0013-8000"),
                ],
                &[(1, 2, &[SameEmail, SamePhone, SameName])],
            ),
            (&[("A", "", "12-34"), ("B", "", "1234")], &[]),
        ];
        for (people, expected) in cases {
            check(people, expected);
        }
    }

    #[test]
    fn a_name_alone_against_other_emails_or_companies_is_weak_and_ranked_last() {
        // (name, email, company) of two people, and the strength of the pair.
        type Side = (&'static str, &'static str, &'static str);
        let table: &[(Side, Side, MatchStrength)] = &[
            (
                ("Samuel Baker", "sam@baker.com", "Baker Ltd"),
                ("Samuel Baker", "s.baker@acme.com", "Acme"),
                MatchStrength::Weak,
            ),
            (
                ("Samuel Baker", "sam@baker.com", ""),
                ("Samuel Baker", "s.baker@acme.com", ""),
                MatchStrength::Weak,
            ),
            (
                ("Samuel Baker", "", "Baker Ltd"),
                ("Samuel Baker", "", "Acme"),
                MatchStrength::Weak,
            ),
            (
                ("Samuel Baker", "", "Baker Ltd"),
                ("Samuel Baker", "", "baker ltd"),
                MatchStrength::Possible,
            ),
            (
                ("Samuel Baker", "sam@baker.com", ""),
                ("Samuel Baker", "", "Acme"),
                MatchStrength::Possible,
            ),
            (
                ("Samuel Baker", "sam@baker.com", "Baker Ltd"),
                ("Sam Baker", "SAM@baker.com", "Acme"),
                MatchStrength::Strong,
            ),
        ];
        for (left, right, expected) in table {
            let list: Vec<Customer> = [left, right]
                .iter()
                .zip(1..)
                .map(|(&&(name, email, company), id)| {
                    let mut c = customer(id, name);
                    (c.email, c.company) = (email.into(), company.into());
                    c
                })
                .collect();
            let got: Vec<MatchStrength> =
                find_duplicates(&list).iter().map(|p| p.strength).collect();
            assert_eq!(got, [*expected], "{left:?} / {right:?}");
        }
        // A weak pair found first in list order still comes after a strong one.
        let mut list: Vec<Customer> = ["Samuel Baker", "Samuel Baker", "Ann Lee", "Ann Li"]
            .iter()
            .zip(1..)
            .map(|(name, id)| customer(id, name))
            .collect();
        (list[0].company, list[1].company) = ("Baker Ltd".into(), "Acme".into());
        (list[2].phone, list[3].phone) = ("13800138000".into(), "138 0013 8000".into());
        let order: Vec<(u64, u64)> = find_duplicates(&list).iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(order, [(3, 4), (1, 2)]);
    }

    #[test]
    fn ten_thousand_customers_complete() {
        let list = demo_customers(5, 10_000, day(2025, 1, 1));
        let pairs = find_duplicates(&list);
        assert!(pairs.iter().all(|p| p.a != p.b && !p.reasons.is_empty()));
    }
}
