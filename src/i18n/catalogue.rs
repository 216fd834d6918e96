//! The `catalogue!` macro that declares a message enum with both translations per entry.

/// Declares a message enum whose every variant has an English and a Chinese text.
///
/// ```ignore
/// catalogue! { pub enum NavMsg {
///     Dashboard => "Dashboard", "仪表盘";
/// }}
/// ```
/// An entry without both texts does not compile. Each invocation also generates tests
/// that every text is non-empty, that the Chinese text contains Chinese (unless the entry
/// is marked `latin`, e.g. "CSV"), that both texts use the same `{n}` placeholders, and
/// that every English count has its plural choice (`{0} {0|customer|customers}`, see
/// [`fill`](crate::i18n::fill)).
/// Use one invocation per module: the generated test module has a fixed name.
macro_rules! catalogue {
    (pub enum $name:ident { $( $(#[$doc:meta])* $variant:ident => $en:literal, $zh:literal $(, $latin:ident)? ; )* }) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $( $(#[$doc])* $variant, )* }

        impl $name {
            /// Every message, for the catalogue checks.
            #[allow(dead_code)]
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )* ];

            #[allow(dead_code)]
            fn zh_may_be_latin(self) -> bool {
                match self { $( $name::$variant => catalogue!(@latin $($latin)?), )* }
            }
        }

        impl $crate::i18n::Text for $name {
            fn en(self) -> &'static str { match self { $( $name::$variant => $en, )* } }
            fn zh(self) -> &'static str { match self { $( $name::$variant => $zh, )* } }
        }

        #[cfg(test)]
        mod catalogue_checks {
            use super::$name;
            use $crate::i18n::Text;

            #[test]
            fn every_entry_is_translated_consistently() {
                for msg in $name::ALL {
                    let (en, zh) = (msg.en(), msg.zh());
                    assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{msg:?} is empty");
                    for i in 0..6 {
                        let p = format!("{{{i}}}");
                        assert_eq!(en.contains(&p), zh.contains(&p), "{msg:?}: placeholder {p} differs");
                    }
                    // "1 customers": every English count chooses its plural form.
                    let bare = $crate::i18n::bare_plurals(en);
                    assert!(bare.is_empty(), "{msg:?}: write {bare:?} as {{i}} {{i|one|other}}");
                    // A copy-pasted English text in the Chinese column would pass the compiler.
                    let has_cjk = zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                    assert!(has_cjk || msg.zh_may_be_latin(), "{msg:?} has no Chinese: {zh}");
                }
            }
        }
    };
    (@latin latin) => { true };
    (@latin) => { false };
}
