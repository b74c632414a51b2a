//! `wire_enum!`: a builder option enum from one table of (variant, wire string), with
//! `ALL`, `as_str()`, `FromStr` and `Display` derived from it (STYLE.md "String enums").

/// Defines a `Copy` enum whose variants map to fixed wire strings.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident, $field:literal { $($(#[$doc:meta])* $variant:ident = $s:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$doc])* $variant,)* }

        impl $name {
            /// Every value, in the table's order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The wire string.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s,)* }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s { $($s => Ok($name::$variant),)* _ => Err($crate::UnknownValue($field)) }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use wire_enum;
