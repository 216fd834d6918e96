//! `keyed_enum!`: plain enums with a stable snake_case key, the same one serde writes.
//!
//! The key is what URLs, CSV cells and i18n tables use, so it must never change once
//! shipped; deriving it next to the serde name keeps the two from drifting apart.

macro_rules! keyed_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $key:literal),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(
            serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash,
            PartialOrd, Ord,
        )]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every variant, in display order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// Stable snake_case id (equal to the serde name).
            pub const fn key(self) -> &'static str {
                match self { $(Self::$variant => $key),+ }
            }

            /// Inverse of [`Self::key`].
            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
    };
}
