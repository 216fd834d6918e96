//! The one place user-visible text comes from: the language type and the message catalogue.
//!
//! Every message is declared once with both translations. The `messages!` macro only
//! accepts an entry that has an English *and* a Chinese text, so a missing translation
//! is a compile error, never a raw key on screen.

#[macro_use]
mod catalogue;
mod common;
mod half_width;
mod messages;

pub use common::CommonMsg;
pub use half_width::to_half_width;
pub use messages::Msg;

use serde::{Deserialize, Serialize};

/// A language the interface can be shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The BCP 47 tag, used for `<html lang>` and in stored settings.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language's own name, as shown in the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "简体中文",
        }
    }

    /// Picks the interface language from the browser's preference list
    /// (`navigator.languages`): the first Chinese or English entry wins; otherwise English.
    pub fn from_browser_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in tags {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            match primary.as_str() {
                "zh" => return Lang::Zh,
                "en" => return Lang::En,
                _ => {}
            }
        }
        Lang::En
    }

    /// Parses a stored or URL language tag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }
}

/// A catalogue entry: a message with a text in every supported language.
/// Implemented by the `catalogue!` macro, never by hand.
pub trait Text: Copy {
    fn en(self) -> &'static str;
    fn zh(self) -> &'static str;

    /// The message in the given language.
    fn in_lang(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
            Lang::Zh => self.zh(),
        }
    }
}

/// Fills `{0}`, `{1}`, … placeholders in a translated template with the given values.
/// Both translations of a template must use the same placeholders; a test checks it.
///
/// English counts also take a plural choice, `{i|one|other}`: the first form when value
/// `i` is exactly "1", the second otherwise, so "Imported {0} {0|customer|customers}."
/// reads "Imported 1 customer." and "Imported 3 customers.". (English has just these two
/// forms, CLDR's "one" and "other"; Chinese needs none, its measure words do not change.)
/// The catalogue tests refuse an English count written without the choice.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inside = &after[..close];
        match placeholder(inside, values) {
            Some(text) => out.push_str(text),
            None => {
                out.push('{');
                out.push_str(inside);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// What `{inside}` stands for: value `i` for `i`, a plural form for `i|one|other`; `None`
/// leaves the braces as written (no such value, or not a placeholder).
fn placeholder<'a>(inside: &'a str, values: &[&'a str]) -> Option<&'a str> {
    let mut parts = inside.split('|');
    let value = values.get(parts.next()?.parse::<usize>().ok()?)?;
    match (parts.next(), parts.next(), parts.next()) {
        (None, _, _) => Some(value),
        (Some(one), Some(other), None) => Some(if *value == "1" { one } else { other }),
        _ => None,
    }
}

/// English words after a number that end in "s" without being plurals (`{0} is`,
/// `{2} falls due`): the catalogue check lets them stand without a plural choice.
pub const NOT_PLURALS: &[&str] = &[
    "is", "has", "was", "needs", "its", "this", "as", "us", "does", "goes", "falls", "costs",
];

/// The counted plurals of an English template written without `{i|one|other}`: for
/// "Deleted {0} customers." it returns `["{0} customers"]`.
pub fn bare_plurals(en: &str) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = en.as_bytes();
    for (at, _) in en.match_indices('{') {
        let Some(close) = en[at..].find('}').map(|c| at + c) else {
            continue;
        };
        if !en[at + 1..close].bytes().all(|b| b.is_ascii_digit()) || close == at + 1 {
            continue;
        }
        if bytes.get(close + 1) != Some(&b' ') {
            continue;
        }
        let word: String = en[close + 2..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase())
            .collect();
        if word.len() > 2 && word.ends_with('s') && !NOT_PLURALS.contains(&word.as_str()) {
            found.push(format!("{} {word}", &en[at..=close]));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_places_values_and_plural_forms() {
        let cases: &[(&str, &[&str], &str)] = &[
            (
                "Imported {0} {0|customer|customers}.",
                &["1"],
                "Imported 1 customer.",
            ),
            (
                "Imported {0} {0|customer|customers}.",
                &["0"],
                "Imported 0 customers.",
            ),
            (
                "Imported {0} {0|customer|customers}.",
                &["1,001"],
                "Imported 1,001 customers.",
            ),
            (
                "{0} of {1} {1|row|rows} {0|is|are} ready",
                &["1", "3"],
                "1 of 3 rows is ready",
            ),
            (
                "{0} of {1} {1|row|rows} {0|is|are} ready",
                &["2", "1"],
                "2 of 1 row are ready",
            ),
            ("{0|y|ies}", &["2"], "ies"),
            ("{1} and {0}", &["a", "b"], "b and a"),
            ("已导入 {0} 位客户。", &["1"], "已导入 1 位客户。"),
            // Not placeholders: left as written.
            ("{x} {9} {0|a} {", &["1"], "{x} {9} {0|a} {"),
            ("{0} holds {1}", &["{1}", "z"], "{1} holds z"),
        ];
        for (template, values, expected) in cases {
            assert_eq!(fill(template, values), *expected, "{template}");
        }
    }

    #[test]
    fn bare_plurals_are_found() {
        assert_eq!(bare_plurals("Deleted {0} customers."), ["{0} customers"]);
        assert_eq!(
            bare_plurals("Deleted {0} {0|customer|customers}."),
            Vec::<String>::new()
        );
        assert_eq!(
            bare_plurals("{0} is required; {1} needs two"),
            Vec::<String>::new()
        );
        assert_eq!(bare_plurals("for {2} falls due in {3} days"), ["{3} days"]);
    }

    #[test]
    fn browser_preferences_pick_the_first_supported_language() {
        let cases: &[(&[&str], Lang)] = &[
            (&["zh-CN", "en"], Lang::Zh),
            (&["zh-TW"], Lang::Zh),
            (&["en-GB", "zh-CN"], Lang::En),
            (&["fr-FR", "zh"], Lang::Zh),
            (&["de"], Lang::En),
            (&[], Lang::En),
        ];
        for (tags, expected) in cases {
            assert_eq!(
                Lang::from_browser_preferences(tags.iter().copied()),
                *expected,
                "{tags:?}"
            );
        }
    }

    #[test]
    fn fill_replaces_numbered_placeholders() {
        assert_eq!(fill("row {0}: {1}", &["17", "x@"]), "row 17: x@");
        assert_eq!(fill("第 {0} 行", &["3"]), "第 3 行");
    }
}
