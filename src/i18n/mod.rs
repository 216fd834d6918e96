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
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = template.to_owned();
    for (i, value) in values.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
