//! The read-only tree the rules read params through.
//!
//! Rules never look at a JSON type directly: they read through the cursor in
//! [`super::ctx`], and the cursor reads through [`Tree`]. `Tree` is implemented for
//! `serde_json::Value` here; another representation (for example a lean borrowed tree built
//! straight from a JS value in the wasm build) implements the same ten methods and changes
//! [`Node`] — no rule changes.
//!
//! Contract for an implementation:
//! - `null` and an absent key are different to [`Tree::get`] (`Some(null)` vs `None`); the
//!   cursor treats both as absent.
//! - [`Tree::entries`] yields an object's keys in input order, each key once.
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
    /// An object's entries in input order (empty for other kinds).
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
pub(crate) type Node = serde_json::Value;

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
