//! Untrusted JS values → the checker's tree ([`Doc`], owning its strings), and trees back to
//! plain JS data, without trusting the input. (No `serde_json::Value` here: the npm wasm
//! carries no `BTreeMap`; [`Reader::read_root`] and [`write`] are the `Value` forms for Rust
//! callers.)
//!
//! The reader never recurses past [`MAX_DEPTH`] (cycles and 10,000-level nesting stop there),
//! visits at most [`MAX_NODES`] values, reads at most [`MAX_KEYS_PER_OBJECT`] keys of one
//! object and [`MAX_INPUT_BYTES`] of text in all (both checked before anything is copied into
//! wasm memory), catches throwing getters and proxies, and refuses non-plain objects (Date,
//! Map, class instances) with an issue instead of guessing. What it cannot represent is
//! reported at the value's path, so the checker sees the same tree a native caller would pass.
//! The limits are documented in [`crate::limits`].

use crate::issue::{Code, Issue, Msg};
use crate::limits::{MAX_DEPTH, MAX_INPUT_BYTES, MAX_KEYS_PER_OBJECT, MAX_NODES};
use crate::rules::tree::Doc;
use js_sys::{Array, JsString, Object, Reflect};
use serde_json::{Number, Value};
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(o: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = getPrototypeOf)]
    fn get_prototype_of(o: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(o: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(thread_local_v2, js_namespace = Object, js_name = prototype)]
    static OBJECT_PROTOTYPE: JsValue;
}

/// Reads a JS value into JSON, collecting what could not be read.
pub struct Reader {
    /// Problems found while reading (paths use wire names).
    pub issues: Vec<Issue>,
    nodes: usize,
    bytes: usize,
}

impl Reader {
    /// A fresh reader.
    pub fn new() -> Self {
        Reader {
            issues: Vec::new(),
            nodes: 0,
            bytes: 0,
        }
    }

    /// Reads the root as a `serde_json::Value`. `undefined` gives `None` (the checker reports
    /// the missing object).
    pub fn read_root(&mut self, v: &JsValue) -> Option<Value> {
        self.read_doc(v).map(|d| d.to_value())
    }

    /// [`Reader::read_root`] as the checker's tree (what the npm exports read: no
    /// `serde_json::Value` is built).
    pub(crate) fn read_doc(&mut self, v: &JsValue) -> Option<Doc<'static>> {
        self.read(v, "", 0)
    }

    fn read(&mut self, v: &JsValue, path: &str, depth: usize) -> Option<Doc<'static>> {
        self.nodes += 1;
        if v.is_undefined() {
            return None;
        }
        if v.is_null() {
            return Some(Doc::Null);
        }
        if let Some(b) = v.as_bool() {
            return Some(Doc::Bool(b));
        }
        if let Some(f) = v.as_f64() {
            return self.number(f, path);
        }
        if v.is_string() {
            return self.string(v, path).map(|s| Doc::String(Cow::Owned(s)));
        }
        if v.is_bigint() {
            self.issue(path, Code::InvalidType, Msg::MustBeNumber, None);
            return None;
        }
        if v.is_symbol() || v.is_function() || !v.is_object() {
            let what = if v.is_symbol() {
                "a Symbol"
            } else {
                "a function"
            };
            self.issue(path, Code::InvalidType, Msg::NotPlainData, Some(what));
            return None;
        }
        // An object. Past the depth limit it is a cycle or garbage: the caller marks it.
        if depth >= MAX_DEPTH {
            return Some(too_deep());
        }
        if self.nodes > MAX_NODES {
            self.issue(path, Code::InvalidValue, Msg::TooLarge, None);
            return None;
        }
        match is_array(v) {
            Ok(true) => return self.array(v, path, depth),
            Ok(false) => {}
            Err(_) => {
                self.issue(path, Code::InvalidValue, Msg::Unreadable, Some("it threw"));
                return None;
            }
        }
        let plain = match get_prototype_of(v) {
            Ok(proto) => proto.is_null() || OBJECT_PROTOTYPE.with(|p| Object::is(&proto, p)),
            Err(_) => false,
        };
        if !plain {
            let what = describe(v);
            self.issue(path, Code::InvalidType, Msg::NotPlainData, Some(&what));
            return None;
        }
        self.object(v, path, depth)
    }

    /// Copies a JS string into wasm memory, unless it would take the input past
    /// [`MAX_INPUT_BYTES`]. The UTF-16 length is read first: UTF-8 takes 1 to 3 bytes per
    /// unit, so the size is bounded before anything is allocated.
    fn string(&mut self, v: &JsValue, path: &str) -> Option<String> {
        let units = v.unchecked_ref::<JsString>().length() as usize;
        let room = MAX_INPUT_BYTES.saturating_sub(self.bytes);
        if units > room {
            self.too_many_bytes(path);
            return None;
        }
        let s = v.as_string()?;
        if s.len() > room {
            self.too_many_bytes(path);
            return None;
        }
        self.bytes += s.len();
        Some(s)
    }

    fn too_many_bytes(&mut self, path: &str) {
        // Reported once: the first string that does not fit; the rest are skipped quietly.
        if self.bytes <= MAX_INPUT_BYTES {
            self.issue(
                path,
                Code::TooLong,
                Msg::TooManyBytes,
                Some(&decimal(MAX_INPUT_BYTES as u64)),
            );
            self.bytes = MAX_INPUT_BYTES + 1;
        }
    }

    fn number(&mut self, f: f64, path: &str) -> Option<Doc<'static>> {
        if !f.is_finite() {
            self.issue(path, Code::InvalidValue, Msg::NotFinite, None);
            return None;
        }
        const SAFE: f64 = 9_007_199_254_740_991.0;
        if f.fract() == 0.0 && f.abs() <= SAFE {
            // Whole and within ±2^53: exact as an integer.
            return Some(Doc::Number(if f >= 0.0 {
                Number::from(f as u64)
            } else {
                Number::from(f as i64)
            }));
        }
        Number::from_f64(f).map(Doc::Number)
    }

    fn array(&mut self, v: &JsValue, path: &str, depth: usize) -> Option<Doc<'static>> {
        let len = Reflect::get(v, &JsValue::from_str("length"))
            .ok()
            .and_then(|l| l.as_f64())
            .unwrap_or(0.0);
        let len = if len.is_finite() && len > 0.0 {
            len.min(u32::MAX as f64) as u32
        } else {
            0
        };
        let mut items = Vec::new();
        for i in 0..len {
            if self.nodes > MAX_NODES {
                self.issue(path, Code::InvalidValue, Msg::TooLarge, None);
                return None;
            }
            let item_path = index_path(path, i);
            let item = match Reflect::get_u32(v, i) {
                Ok(item) => item,
                Err(_) => {
                    self.issue(
                        &item_path,
                        Code::InvalidValue,
                        Msg::Unreadable,
                        Some("it threw"),
                    );
                    items.push(Doc::Null);
                    continue;
                }
            };
            let value = self.read(&item, &item_path, depth + 1);
            // Like JSON.stringify, an unreadable or undefined item becomes null.
            items.push(value.unwrap_or(Doc::Null));
        }
        Some(Doc::Array(items))
    }

    fn object(&mut self, v: &JsValue, path: &str, depth: usize) -> Option<Doc<'static>> {
        let keys = match object_keys(v) {
            Ok(keys) => keys,
            Err(_) => {
                self.issue(path, Code::InvalidValue, Msg::Unreadable, Some("it threw"));
                return None;
            }
        };
        if keys.length() as usize > MAX_KEYS_PER_OBJECT {
            self.issue(path, Code::InvalidValue, Msg::TooLarge, None);
            return None;
        }
        // Kept sorted by key (`Doc::insert`), the order `serde_json::Map` had.
        let mut entries = Vec::new();
        for key in keys.iter() {
            if !key.is_string() {
                continue;
            }
            let key = self.string(&key, path)?;
            let key_path = if path.is_empty() {
                key.clone()
            } else {
                [path, ".", &key].concat()
            };
            if self.nodes > MAX_NODES {
                self.issue(path, Code::InvalidValue, Msg::TooLarge, None);
                return None;
            }
            match Reflect::get(v, &JsValue::from_str(&key)) {
                Ok(item) => {
                    if let Some(value) = self.read(&item, &key_path, depth + 1) {
                        Doc::insert(&mut entries, Cow::Owned(key), value);
                    }
                }
                Err(_) => {
                    self.issue(
                        &key_path,
                        Code::InvalidValue,
                        Msg::Unreadable,
                        Some("its getter threw"),
                    );
                }
            }
        }
        Some(Doc::Object(entries))
    }

    fn issue(&mut self, path: &str, code: Code, msg: Msg, arg: Option<&str>) {
        let mut issue = Issue::new(path, code, msg);
        issue.arg = arg.map(str::to_string);
        self.issues.push(issue);
    }
}

impl Default for Reader {
    fn default() -> Self {
        Reader::new()
    }
}

/// A stand-in for a value nested past the limit: itself deeper than [`MAX_DEPTH`], so the
/// checker reports it exactly as it does natively (`invalid_value` at the top-level key).
fn too_deep() -> Doc<'static> {
    let mut v = Doc::Null;
    for _ in 0..=MAX_DEPTH {
        v = Doc::Array(vec![v]);
    }
    v
}

/// `n` in decimal (no `core::fmt`: see [`crate::wire::push_u64`]).
fn decimal(n: u64) -> String {
    let mut out = String::new();
    crate::wire::push_u64(&mut out, n);
    out
}

/// `path[i]`.
fn index_path(path: &str, i: u32) -> String {
    let mut out = String::with_capacity(path.len() + 4);
    out.push_str(path);
    out.push('[');
    crate::wire::push_u64(&mut out, i.into());
    out.push(']');
    out
}

fn describe(v: &JsValue) -> String {
    let name = Reflect::get(v, &JsValue::from_str("constructor"))
        .ok()
        .and_then(|c| Reflect::get(&c, &JsValue::from_str("name")).ok())
        .and_then(|n| n.as_string())
        .filter(|n| !n.is_empty() && n.len() <= 40);
    match name {
        Some(n) => ["a ", &n].concat(),
        None => "an object with a custom prototype".to_string(),
    }
}

/// Writes JSON as plain JS data. Keys are defined, not assigned, so a `__proto__` key stays
/// data and never changes a prototype. Containers nested past the checker's depth limit (by
/// more than two levels) are written empty, as the checker's tree borrows them: no recursion
/// follows the caller's nesting.
pub fn write(v: &Value) -> JsValue {
    write_doc(&Doc::from_value(v), false)
}

/// Writes a tree as plain JS data (see [`write`]), leaving out `null` object values when
/// `strip` (the normalized params: `check::normalize`'s rule).
pub(crate) fn write_doc(v: &Doc<'_>, strip: bool) -> JsValue {
    match v {
        Doc::Null => JsValue::NULL,
        Doc::Bool(b) => JsValue::from_bool(*b),
        Doc::Number(n) => JsValue::from_f64(n.as_f64().unwrap_or(0.0)),
        Doc::String(s) => JsValue::from_str(s),
        Doc::Array(items) => items
            .iter()
            .map(|item| write_doc(item, strip))
            .collect::<Array>()
            .into(),
        Doc::Object(entries) => {
            let obj = Object::new();
            for (k, v) in entries {
                if !(strip && matches!(v, Doc::Null)) {
                    put(&obj, k, &write_doc(v, strip));
                }
            }
            obj.into()
        }
    }
}

/// Sets `obj[key] = value` on a fresh plain object; `__proto__` is defined, so it stays data.
pub(crate) fn put(obj: &Object, key: &str, value: &JsValue) {
    let key_js = JsValue::from_str(key);
    if key == "__proto__" {
        define(obj, &key_js, value);
    } else {
        let _ = Reflect::set(obj, &key_js, value);
    }
}

/// Reads a plain `{ key: string }`-style options object, ignoring what it cannot read.
pub fn get_prop(obj: &JsValue, key: &str) -> JsValue {
    if !obj.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A shallow copy of `v`'s own enumerable string-keyed fields onto a fresh plain object, for
/// a callback response. Every key is *defined* (an own `__proto__` key stays data and never
/// replaces the copy's prototype), nothing can throw (a throwing getter or proxy trap just
/// leaves its field out), and at most [`MAX_KEYS_PER_OBJECT`] fields are copied.
pub(crate) fn copy_own_fields(v: &JsValue) -> Object {
    let out = Object::new();
    if !v.is_object() {
        return out;
    }
    let Ok(keys) = object_keys(v) else {
        return out;
    };
    for key in keys.iter().take(MAX_KEYS_PER_OBJECT) {
        if !key.is_string() {
            continue;
        }
        if let Ok(value) = Reflect::get(v, &key) {
            define(&out, &key, &value);
        }
    }
    out
}

/// `Object.defineProperty(obj, key, { value, enumerable, writable, configurable })`.
pub(crate) fn define(obj: &Object, key: &JsValue, value: &JsValue) {
    let desc = Object::new();
    let _ = Reflect::set(&desc, &"value".into(), value);
    for flag in ["enumerable", "writable", "configurable"] {
        let _ = Reflect::set(&desc, &flag.into(), &JsValue::TRUE);
    }
    let _ = Reflect::define_property(obj, key, &desc);
}
