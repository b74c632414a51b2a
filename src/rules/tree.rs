//! The read-only tree the rules read params through.
//!
//! Rules never look at a JSON type directly: they read through the cursor in
//! [`super::ctx`], and the cursor reads through [`Tree`]. `Tree` is implemented for
//! `serde_json::Value` (the server code reads PortOne's answers through it) and for [`Doc`],
//! the lean borrowed tree the checker runs on ([`Node`]): `wire.rs` parses the npm wrapper's
//! JSON text straight into a `Doc` whose strings are slices of that text, and
//! [`Doc::from_value`] borrows a `serde_json::Value` the same way, so `check(&Value)` and the
//! JSON path read one tree type with the same answers.
//!
//! Contract for an implementation:
//! - `null` and an absent key are different to [`Tree::get`] (`Some(null)` vs `None`); the
//!   cursor treats both as absent.
//! - [`Tree::entries`] yields an object's keys in one fixed order (key order for both
//!   implementations here), each key once.
//! - Numbers: [`Tree::as_u64`] / [`Tree::as_i64`] answer only for integers that fit exactly;
//!   [`Tree::as_f64`] answers for every number (NaN/∞ only if the representation can hold
//!   them). A string is never a number.
//! - Every method is cheap and never panics.

/// The JSON type of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

/// A read-only JSON-like tree (see the module docs for the contract).
pub(crate) trait Tree {
    /// The JSON type of this node.
    fn kind(&self) -> Kind;
    /// The value at `key` when this node is an object (`None` when absent or not an object).
    fn get(&self, key: &str) -> Option<&Self>;
    /// An object's entries, each key once (empty for other kinds).
    fn entries(&self) -> impl Iterator<Item = (&str, &Self)>;
    /// An array's length (0 for other kinds).
    fn len(&self) -> usize;
    /// The item at `i` when this node is an array.
    fn index(&self, i: usize) -> Option<&Self>;
    /// The string, when this node is one.
    fn str(&self) -> Option<&str>;
    /// The boolean, when this node is one.
    fn bool(&self) -> Option<bool>;
    /// The number as `u64` when it is a non-negative integer that fits.
    fn as_u64(&self) -> Option<u64>;
    /// The number as `i64` when it is an integer that fits.
    fn as_i64(&self) -> Option<i64>;
    /// The number as `f64` when this node is a number.
    fn as_f64(&self) -> Option<f64>;
    /// Whether this node is `null`.
    fn is_null(&self) -> bool {
        self.kind() == Kind::Null
    }
}

/// The tree type the checker runs on.
pub(crate) type Node<'a> = Doc<'a>;

use std::borrow::Cow;

/// A JSON tree that borrows its strings (from the JSON text, or from a `serde_json::Value`).
///
/// Objects keep their entries sorted by key, each key once, the last one winning: the order
/// and the duplicate rule of `serde_json::Map` (the crate does not enable `preserve_order`),
/// so issues come out in the order they did when the checker read a `Value`. An object is a
/// short `Vec`, looked up by binary search: no map nodes, and no key copied.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Doc<'a> {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(Cow<'a, str>),
    Array(Vec<Doc<'a>>),
    Object(Vec<(Cow<'a, str>, Doc<'a>)>),
}

/// Containers deeper than this are cut (to an empty one of the same kind) when a `Value` is
/// borrowed: still deeper than `MAX_DEPTH`, so `too_deep` is reported as before, and no
/// recursion follows the caller's nesting.
const BORROW_DEPTH: usize = crate::check::MAX_DEPTH + 2;

impl<'a> Doc<'a> {
    /// `v` as a `Doc` borrowing its strings.
    pub(crate) fn from_value(v: &'a serde_json::Value) -> Self {
        Self::borrow(v, 0)
    }

    fn borrow(v: &'a serde_json::Value, depth: usize) -> Self {
        use serde_json::Value as V;
        match v {
            V::Null => Doc::Null,
            V::Bool(b) => Doc::Bool(*b),
            V::Number(n) => Doc::Number(n.clone()),
            V::String(s) => Doc::String(Cow::Borrowed(s)),
            V::Array(_) | V::Object(_) if depth >= BORROW_DEPTH => match v {
                V::Array(_) => Doc::Array(Vec::new()),
                _ => Doc::Object(Vec::new()),
            },
            V::Array(items) => {
                Doc::Array(items.iter().map(|i| Self::borrow(i, depth + 1)).collect())
            }
            // The map iterates in key order, with unique keys: already a `Doc` object.
            V::Object(m) => Doc::Object(
                m.iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Self::borrow(v, depth + 1)))
                    .collect(),
            ),
        }
    }

    /// Adds `key` to an object's sorted entries; a key seen before takes the new value.
    pub(crate) fn insert(
        entries: &mut Vec<(Cow<'a, str>, Doc<'a>)>,
        key: Cow<'a, str>,
        v: Doc<'a>,
    ) {
        // Input from JSON.stringify arrives in insertion order, often already sorted; look at
        // the end first.
        match entries.last() {
            Some((last, _)) if **last < *key => entries.push((key, v)),
            None => entries.push((key, v)),
            _ => match entries.binary_search_by(|(k, _)| (**k).cmp(&*key)) {
                Ok(i) => entries[i].1 = v,
                Err(i) => entries.insert(i, (key, v)),
            },
        }
    }

    /// An owned `serde_json::Value` of the same tree.
    pub(crate) fn to_value(&self) -> serde_json::Value {
        use serde_json::Value as V;
        match self {
            Doc::Null => V::Null,
            Doc::Bool(b) => V::Bool(*b),
            Doc::Number(n) => V::Number(n.clone()),
            Doc::String(s) => V::String(s.to_string()),
            Doc::Array(items) => V::Array(items.iter().map(Doc::to_value).collect()),
            Doc::Object(entries) => {
                let mut m = serde_json::Map::new();
                for (k, v) in entries {
                    m.insert(k.to_string(), v.to_value());
                }
                V::Object(m)
            }
        }
    }
}

impl Tree for Doc<'_> {
    fn kind(&self) -> Kind {
        match self {
            Doc::Null => Kind::Null,
            Doc::Bool(_) => Kind::Bool,
            Doc::Number(_) => Kind::Number,
            Doc::String(_) => Kind::String,
            Doc::Array(_) => Kind::Array,
            Doc::Object(_) => Kind::Object,
        }
    }
    fn get(&self, key: &str) -> Option<&Self> {
        match self {
            // Rules ask for many keys that are absent; in a short object, comparing lengths
            // first rules most entries out without touching their bytes.
            // The first byte next: most keys of one length differ there, and no `memcmp` runs.
            Doc::Object(entries) if entries.len() <= 24 => {
                let want = key.as_bytes();
                let first = want.first();
                entries
                    .iter()
                    .find(|(k, _)| {
                        let k = k.as_bytes();
                        k.len() == want.len() && k.first() == first && k == want
                    })
                    .map(|(_, v)| v)
            }
            Doc::Object(entries) => entries
                .binary_search_by(|(k, _)| (**k).cmp(key))
                .ok()
                .and_then(|i| entries.get(i))
                .map(|(_, v)| v),
            _ => None,
        }
    }
    fn entries(&self) -> impl Iterator<Item = (&str, &Self)> {
        let entries: &[(Cow<'_, str>, Doc<'_>)] = match self {
            Doc::Object(entries) => entries,
            _ => &[],
        };
        entries.iter().map(|(k, v)| (&**k, v))
    }
    fn len(&self) -> usize {
        match self {
            Doc::Array(items) => items.len(),
            _ => 0,
        }
    }
    fn index(&self, i: usize) -> Option<&Self> {
        match self {
            Doc::Array(items) => items.get(i),
            _ => None,
        }
    }
    fn str(&self) -> Option<&str> {
        match self {
            Doc::String(s) => Some(s),
            _ => None,
        }
    }
    fn bool(&self) -> Option<bool> {
        match self {
            Doc::Bool(b) => Some(*b),
            _ => None,
        }
    }
    fn as_u64(&self) -> Option<u64> {
        match self {
            Doc::Number(n) => n.as_u64(),
            _ => None,
        }
    }
    fn as_i64(&self) -> Option<i64> {
        match self {
            Doc::Number(n) => n.as_i64(),
            _ => None,
        }
    }
    fn as_f64(&self) -> Option<f64> {
        match self {
            Doc::Number(n) => n.as_f64(),
            _ => None,
        }
    }
}

impl Tree for serde_json::Value {
    fn kind(&self) -> Kind {
        use serde_json::Value as V;
        match self {
            V::Null => Kind::Null,
            V::Bool(_) => Kind::Bool,
            V::Number(_) => Kind::Number,
            V::String(_) => Kind::String,
            V::Array(_) => Kind::Array,
            V::Object(_) => Kind::Object,
        }
    }
    fn get(&self, key: &str) -> Option<&Self> {
        self.as_object().and_then(|m| m.get(key))
    }
    fn entries(&self) -> impl Iterator<Item = (&str, &Self)> {
        // An option of the map's own iterator, not a flat_map: one branch per step.
        let mut iter = self.as_object().map(|m| m.iter());
        std::iter::from_fn(move || iter.as_mut()?.next().map(|(k, v)| (k.as_str(), v)))
    }
    fn len(&self) -> usize {
        self.as_array().map_or(0, Vec::len)
    }
    fn index(&self, i: usize) -> Option<&Self> {
        self.as_array().and_then(|a| a.get(i))
    }
    fn str(&self) -> Option<&str> {
        self.as_str()
    }
    fn bool(&self) -> Option<bool> {
        self.as_bool()
    }
    fn as_u64(&self) -> Option<u64> {
        serde_json::Value::as_u64(self)
    }
    fn as_i64(&self) -> Option<i64> {
        serde_json::Value::as_i64(self)
    }
    fn as_f64(&self) -> Option<f64> {
        serde_json::Value::as_f64(self)
    }
}
