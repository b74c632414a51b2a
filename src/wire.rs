//! One crossing in, one crossing out: `checkParams` / `buildParams` for params the npm
//! wrapper has already turned into JSON text (the `checkInput` / `buildInput` exports in
//! `src/js/mod.rs`). Plain Rust, so the native tests run it over the shared case table.
//!
//! The wrapper (`js/index.js`) writes the params' JSON text as UTF-8 in the one walk of its
//! guard, which makes sure JSON keeps exactly what the careful JS reader (`src/js/convert.rs`)
//! would read: plain objects and arrays, strings, booleans, null and safe integers, within
//! small size limits. Anything else (a lone surrogate among it) goes to the careful
//! `checkParams` / `buildParams` exports instead. Text that is not strict JSON answers with an
//! empty string, and the wrapper falls back to the careful export too, so every hostile input
//! keeps its answer.
//!
//! The answer comes back as one JSON string for `JSON.parse`; a build whose normalized params
//! are the wrapper's own copy answers `=` ([`FLAG_SAME`]). Issues carry their message row
//! and its values ([`push_issue`]), not text: the wrapper renders the messages from the one
//! message table, which it reads from the wasm once (`messageTable`: `Msg::browser_lines`),
//! and only for the issues that exist.

use crate::check::{check_doc, check_doc_into, CheckOptions};
use crate::issue::{Code, Msg};
use crate::issue::{Issue, Report};
use crate::provider::Provider;
use crate::rules::tree::{Doc, Tree};
#[cfg(all(test, not(target_arch = "wasm32")))]
use serde_json::Value;
use std::borrow::Cow;

/// `options.mobile` in the `flags` argument.
pub const FLAG_MOBILE: u32 = 1;
/// `options.webview` in the `flags` argument.
pub const FLAG_WEBVIEW: u32 = 2;
/// For [`build_json`]: the wrapper holds a copy of the params exactly as the text has them, so
/// a build whose normalized params are that copy (no coercion, no `null` object value to drop)
/// answers `=` instead of writing them out (js/index.js, `buildParams`).
pub const FLAG_SAME: u32 = 4;

/// `CheckOptions` from the JS options' fields (`{ provider?, mobile?, webview? }`): an
/// unknown provider string is reported as `unknown_provider` at `options.provider`. Shared
/// by the careful reader of the options object and [`check_json`] / [`build_json`].
pub fn options_from(
    provider: Option<&str>,
    mobile: bool,
    webview: bool,
    pre: &mut Vec<Issue>,
) -> CheckOptions {
    let mut out = CheckOptions::default();
    if let Some(p) = provider {
        match p.parse::<Provider>() {
            Ok(p) => out.provider = Some(p),
            Err(_) => pre.push(
                Issue::new(
                    "options.provider",
                    Code::UnknownProvider,
                    Msg::UnknownProviderOption,
                )
                .arg(crate::check::quote(p)),
            ),
        }
    }
    out.mobile = mobile;
    out.webview = webview;
    out
}

fn parse(
    text: &str,
    provider: Option<String>,
    flags: u32,
) -> Option<(Doc<'_>, CheckOptions, Vec<Issue>)> {
    let value = parse_doc(text)?;
    let mut pre = Vec::new();
    let opts = options_from(
        provider.as_deref(),
        flags & FLAG_MOBILE != 0,
        flags & FLAG_WEBVIEW != 0,
        &mut pre,
    );
    Some((value, opts, pre))
}

/// `checkJson(text, provider, flags)`: the `CheckResult` of the params in `text` as the JSON
/// of [`check_answer`] (`[provider, errors, …issues' fields]`), or `""` when `text` is not strict
/// JSON (the wrapper then uses the careful `checkParams`). `provider` is `options.provider`
/// when it is a string; `flags` holds [`FLAG_MOBILE`] and [`FLAG_WEBVIEW`].
pub fn check_json(text: &str, provider: Option<String>, flags: u32) -> String {
    match check_text(text, provider, flags) {
        Some((report, provider)) => check_answer(&report, provider),
        None => String::new(),
    }
}

/// The report of the params in `text` and the provider the result names; `None` when `text`
/// is not strict JSON. [`check_json`] is its answer as text; the `checkInput` export answers a
/// report without issues with the provider alone (the wrapper builds that result).
pub fn check_text(
    text: &str,
    provider: Option<String>,
    flags: u32,
) -> Option<(Report, Option<Provider>)> {
    let (value, opts, pre) = parse(text, provider, flags)?;
    let report = check_doc(&value, &opts, pre);
    let provider = opts.provider.or_else(|| {
        Tree::get(&value, "pg")
            .and_then(Tree::str)
            .and_then(|pg| Provider::from_pg(pg).ok())
    });
    Some((report, provider))
}

/// `[provider, errors, …]`: the provider's code (or `null`), the number of errors, then the
/// six fields of each issue ([`push_issue`]), the errors first, then the warnings. One flat
/// array: `JSON.parse` reads it in well under half the time of an array of objects (0.5
/// against 1.3 µs for the bad request's six issues in Chromium), and the wrapper builds each
/// rendered issue straight from its fields (js/index.js, `answerResult`).
pub fn check_answer(report: &Report, provider: Option<Provider>) -> String {
    // Room for the issues too: an issue is about 30–90 bytes.
    let mut out = String::with_capacity(32 + 80 * report.issues().len());
    out.push('[');
    match provider {
        Some(p) => push_str(&mut out, p.as_str()),
        None => out.push_str("null"),
    }
    out.push(',');
    push_u64(&mut out, report.errors().count() as u64);
    for issue in report.errors().chain(report.warnings()) {
        out.push(',');
        push_issue(&mut out, issue);
    }
    out.push(']');
    out
}

/// `buildJson(text, provider, flags)`: `{"params":…}` (the normalized params) or
/// `{"error":[…]}` (the errors' fields, [`push_error`]), or `""` when `text` is not
/// strict JSON or the normalized copy holds a number that is not a safe integer (the wrapper
/// then uses the careful `buildParams`). With [`FLAG_SAME`], `=` when the normalized params
/// are the params as the text has them.
pub fn build_json(text: &str, provider: Option<String>, flags: u32) -> String {
    let Some((value, opts, pre)) = parse(text, provider, flags) else {
        return String::new();
    };
    let same = flags & FLAG_SAME != 0;
    let mut out = String::with_capacity(if same { 1 } else { text.len() + 16 });
    out.push_str("{\"params\":");
    let Some((report, as_is)) = check_doc_into(&value, &opts, pre, &mut out, same) else {
        return String::new();
    };
    if as_is {
        return String::from("=");
    }
    if !report.is_ok() {
        out.clear();
        push_error(&mut out, &report);
    }
    out.push('}');
    out
}

/// `{"error":[…]}`: the six fields of each error of `report` ([`push_issue`]), an
/// `invalid_params` error's issues; the wrapper renders them and the message
/// (`Error::invalid_params` in Rust).
fn push_error(out: &mut String, report: &Report) {
    out.push_str("{\"error\":[");
    for (i, issue) in report.errors().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_issue(out, issue);
    }
    out.push(']');
}

/// Deepest nesting [`parse_json`] reads (the wrapper's guard sends at most 17 levels).
const PARSE_DEPTH: usize = 64;

/// Strict JSON text → the checker's tree ([`parse_doc`]; `parse_json` is its `Value` form for
/// the tests), for what the wrapper's guard lets through: no float syntax
/// (a fraction or an exponent), integers within ±2^53, no lone surrogate in a `\u` escape,
/// at most [`PARSE_DEPTH`] levels. `None` for anything else, and the wrapper takes the careful
/// path. Integers come out as the careful reader makes them (`u64` when non-negative, else
/// `i64`), so the checker sees the same tree. (serde_json's parser does the same job at
/// 19 KB of wasm, 9 KB gzip, and slower at opt-level z.)
#[cfg(all(test, not(target_arch = "wasm32")))]
pub fn parse_json(text: &str) -> Option<Value> {
    parse_doc(text).map(|d| d.to_value())
}

/// Strict JSON into the checker's tree (see [`parse_json`]): strings without an escape are
/// slices of `text`; an object's keys are sorted, a repeated key keeps its last value.
pub(crate) fn parse_doc(text: &str) -> Option<Doc<'_>> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
    };
    let v = p.value(0)?;
    p.ws();
    (p.i == p.s.len()).then_some(v)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
}

impl<'a> Parser<'a> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    #[inline(always)]
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.i += 1;
        }
    }

    #[inline(always)]
    fn eat(&mut self, b: u8) -> Option<()> {
        self.ws();
        (self.peek() == Some(b)).then(|| self.i += 1)
    }

    fn word(&mut self, w: &str, v: Doc<'a>) -> Option<Doc<'a>> {
        let end = self.i + w.len();
        (self.s.get(self.i..end) == Some(w.as_bytes())).then(|| {
            self.i = end;
            v
        })
    }

    fn value(&mut self, depth: usize) -> Option<Doc<'a>> {
        self.ws();
        match self.peek()? {
            b'{' if depth < PARSE_DEPTH => {
                self.i += 1;
                if self.eat(b'}').is_some() {
                    return Some(Doc::Object(Vec::new()));
                }
                // Room for a typical object's keys: growing from empty took four allocations
                // for a request's dozen top-level keys.
                let mut entries = Vec::with_capacity(8);
                loop {
                    self.eat(b'"')?;
                    let key = self.string()?;
                    self.eat(b':')?;
                    let v = self.value(depth + 1)?;
                    Doc::insert(&mut entries, key, v);
                    if self.eat(b',').is_none() {
                        self.eat(b'}')?;
                        return Some(Doc::Object(entries));
                    }
                }
            }
            b'[' if depth < PARSE_DEPTH => {
                self.i += 1;
                if self.eat(b']').is_some() {
                    return Some(Doc::Array(Vec::new()));
                }
                let mut items = Vec::with_capacity(4);
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b',').is_none() {
                        self.eat(b']')?;
                        return Some(Doc::Array(items));
                    }
                }
            }
            b'"' => {
                self.i += 1;
                self.string().map(Doc::String)
            }
            b't' => self.word("true", Doc::Bool(true)),
            b'f' => self.word("false", Doc::Bool(false)),
            b'n' => self.word("null", Doc::Null),
            b'-' | b'0'..=b'9' => self.integer(),
            _ => None,
        }
    }

    fn integer(&mut self) -> Option<Doc<'a>> {
        const SAFE: u64 = 9_007_199_254_740_991;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.i += 1;
        }
        let start = self.i;
        let mut n: u64 = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
            self.i += 1;
        }
        let digits = self.i - start;
        // No digits, a leading zero, a fraction or an exponent, or past ±2^53.
        if digits == 0 || (digits > 1 && self.s.get(start) == Some(&b'0')) || n > SAFE {
            return None;
        }
        if let Some(b'.' | b'e' | b'E') = self.peek() {
            return None;
        }
        Some(Doc::Number(if negative {
            // -0 would be a float in the careful reader's eyes; the guard never sends it.
            if n == 0 {
                return None;
            }
            serde_json::Number::from(-(n as i64))
        } else {
            serde_json::Number::from(n)
        }))
    }

    /// The rest of a string literal (the opening `"` is read).
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let start = self.i;
        // Eight bytes at a time to the first byte that ends the string, escapes or is a
        // control character: the lowest byte the mask marks (exact, see `escape_mask`).
        while let Some(block) = self.s.get(self.i..self.i + 8) {
            let mut word = [0; 8];
            word.copy_from_slice(block);
            let mask = escape_mask(u64::from_le_bytes(word));
            if mask != 0 {
                self.i += (mask.trailing_zeros() / 8) as usize;
                break;
            }
            self.i += 8;
        }
        // The last few bytes of the text, one by one.
        while let Some(b) = self.peek() {
            if b == b'"' || b == b'\\' || b < b' ' {
                break;
            }
            self.i += 1;
        }
        // The common case: no escape, so the text is a slice of the input (valid UTF-8).
        match self.peek()? {
            b'"' => {
                let s = self.text.get(start..self.i)?;
                self.i += 1;
                return Some(Cow::Borrowed(s));
            }
            b'\\' => {}
            _ => return None,
        }
        let mut out = String::from(self.text.get(start..self.i)?);
        loop {
            let run = self.i;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < b' ' {
                    break;
                }
                self.i += 1;
            }
            out.push_str(self.text.get(run..self.i)?);
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    return Some(Cow::Owned(out));
                }
                b'\\' => {
                    self.i += 1;
                    let e = self.peek()?;
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode()?,
                        _ => return None,
                    };
                    out.push(c);
                }
                _ => return None,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let d = char::from(self.peek()?).to_digit(16)?;
            n = n * 16 + d;
            self.i += 1;
        }
        Some(n)
    }

    /// A `\u` escape (the `\u` is read), with its low surrogate when it is a high one.
    fn unicode(&mut self) -> Option<char> {
        let hi = self.hex4()?;
        if (0xd800..0xdc00).contains(&hi) {
            if self.s.get(self.i..self.i + 2) != Some(b"\\u") {
                return None;
            }
            self.i += 2;
            let lo = self.hex4()?;
            if !(0xdc00..0xe000).contains(&lo) {
                return None;
            }
            return char::from_u32(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00));
        }
        char::from_u32(hi)
    }
}

/// An issue as the npm wrapper renders it (`js/index.js`, `render`): six fields of a flat
/// array, `path,code,msg,pg,arg,argKo`. `msg` is its row of the message table (`Msg as usize`;
/// the wrapper reads the table from `Msg::browser_lines`), `pg` the index of the PG `{pg}`
/// names (in `Provider::ALL`) or `null`, `arg` and `argKo` the values or `null`.
/// `issue_to_js` gives the careful path's issues the same fields as an object.
pub(crate) fn push_issue(out: &mut String, issue: &Issue) {
    push_str(out, &issue.path);
    out.push(',');
    push_str(out, issue.code.as_str());
    out.push(',');
    push_u64(out, issue.msg as u64);
    out.push(',');
    match issue.pg {
        Some(pg) => push_u64(out, pg as u64),
        None => out.push_str("null"),
    }
    for value in [&issue.arg, &issue.arg_ko] {
        out.push(',');
        match value {
            Some(v) => push_str(out, v),
            None => out.push_str("null"),
        }
    }
}

/// The normalized params (`check::normalize`'s copy, as JSON): no `null` values in objects,
/// the coerced top-level values applied. `None` as for [`push_doc`].
pub(crate) fn push_normalized(
    out: &mut String,
    root: &Doc<'_>,
    coerced: &[(&'static str, u64)],
) -> Option<()> {
    // Depth 0 here gives the top-level values depth 1, as in `push_doc`.
    let entries: &[(Cow<'_, str>, Doc<'_>)] = match root {
        Doc::Object(entries) => entries,
        _ => &[],
    };
    push_entries(out, entries, 0, true, coerced)
}

/// Writes `v` as JSON, leaving out `null` object values when `strip`; `None` for a number
/// that is not an integer within ±2^53 (the careful writer handles those, so no float
/// formatter is needed here), or past the checker's depth.
fn push_doc(out: &mut String, v: &Doc<'_>, depth: usize, strip: bool) -> Option<()> {
    if depth > crate::check::MAX_DEPTH + 1 {
        return None;
    }
    match v {
        Doc::Null => out.push_str("null"),
        Doc::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Doc::Number(n) => {
            const SAFE: u64 = 9_007_199_254_740_991;
            if let Some(u) = n.as_u64().filter(|u| *u <= SAFE) {
                push_u64(out, u);
            } else if let Some(i) = n.as_i64().filter(|i| i.unsigned_abs() <= SAFE) {
                out.push('-');
                push_u64(out, i.unsigned_abs());
            } else {
                return None;
            }
        }
        Doc::String(s) => push_str(out, s),
        Doc::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_doc(out, item, depth + 1, strip)?;
            }
            out.push(']');
        }
        Doc::Object(entries) => push_entries(out, entries, depth, strip, &[])?,
    }
    Some(())
}

/// An object's entries as JSON (see [`push_doc`]); a key in `coerced` is written as its
/// number instead of its value (the top level of [`push_normalized`]).
fn push_entries(
    out: &mut String,
    entries: &[(Cow<'_, str>, Doc<'_>)],
    depth: usize,
    strip: bool,
    coerced: &[(&'static str, u64)],
) -> Option<()> {
    out.push('{');
    let mut first = true;
    for (k, item) in entries {
        let replacement = coerced.iter().find(|(key, _)| *key == &**k);
        if replacement.is_none() && strip && matches!(item, Doc::Null) {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        push_str(out, k);
        out.push(':');
        match replacement {
            Some((_, n)) => push_u64(out, *n),
            None => push_doc(out, item, depth + 1, strip)?,
        }
    }
    out.push('}');
    Some(())
}

/// Writes `v` as JSON (see [`push_doc`]).
#[cfg(all(test, not(target_arch = "wasm32")))]
fn push_value(out: &mut String, v: &Value) -> Option<()> {
    push_doc(out, &Doc::from_value(v), 0, false)
}

/// Appends `n` in decimal, without `core::fmt` (the exports' messages and paths use this
/// instead of `format!`, which keeps the integer formatter out of the redirect wasm).
pub(crate) fn push_u64(out: &mut String, n: u64) {
    if n >= 10 {
        push_u64(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Whether one of the eight bytes of `w` is below 0x20, `"` or `\\` (exact: the classic
/// "has a zero byte" / "has a byte less than n" tests, which have no false negatives and,
/// asked only whether any byte matches, no false positives).
#[inline(always)]
fn needs_escape(w: u64) -> bool {
    escape_mask(w) != 0
}

/// The high bit of each byte of `w` (little-endian) that [`needs_escape`] looks for, and maybe
/// of bytes after the first such one (a borrow runs upward); the lowest set bit is exact: no
/// borrow reaches the first match from the bytes below it, which match nothing.
#[inline(always)]
fn escape_mask(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    below_space | zero(w ^ (ONES * u64::from(b'"'))) | zero(w ^ (ONES * u64::from(b'\\')))
}

/// A JSON string literal: `"`, `\\` and control characters escaped, the rest as is (UTF-8).
pub(crate) fn push_str(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    // Eight bytes at a time while none of them needs an escape (messages are long and have
    // none); from the first block that has one, byte by byte.
    let mut clean = 0;
    while let Some(block) = bytes.get(clean..clean + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(block);
        if needs_escape(u64::from_le_bytes(word)) {
            break;
        }
        clean += 8;
    }
    for (i, b) in bytes.iter().copied().enumerate().skip(clean) {
        if b >= b' ' && b != b'"' && b != b'\\' {
            continue;
        }
        // `get`, not indexing: an ASCII byte is always a char boundary, and indexing would
        // link the slice-panic formatter.
        out.push_str(s.get(start..i).unwrap_or_default());
        start = i + 1;
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ => {
                out.push_str("\\u00");
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 0xf) as usize] as char);
            }
        }
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

// Native only: they read tests/cases/ from disk and use proptest (a native dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::check::{build_params, check};
    use serde_json::json;

    /// With `FLAG_SAME`, a build whose normalized params are the params as sent answers `=`;
    /// any coercion, a dropped `null` (at any depth), an error or a refused text answers as
    /// without the flag.
    #[test]
    fn same_answers_eq_only_when_the_copy_is_the_input() {
        let clean = r#"{"pg":"kcp.T0000","pay_method":"card","merchant_uid":"o1","name":"n","amount":1000,"buyer_tel":"010","kcpProducts":[{"orderNumber":"a","name":"b","quantity":1,"amount":1000}],"custom_data":{"list":[null,1]}}"#;
        assert_eq!(build_json(clean, None, FLAG_SAME), "=");
        assert!(build_json(clean, None, 0).starts_with("{\"params\":"));
        for (text, why) in [
            (
                clean.replace("1000,\"buyer", "\"1000\",\"buyer"),
                "ksnet-style amount string",
            ),
            (
                clean.replace(
                    "\"buyer_tel\":\"010\"",
                    "\"buyer_tel\":\"010\",\"buyer_email\":null",
                ),
                "top-level null",
            ),
            (
                clean.replace("\"list\":[null,1]", "\"list\":[null,1],\"gone\":null"),
                "nested null",
            ),
            (
                clean.replace("\"amount\":1000,\"buyer", "\"amount\":-1,\"buyer"),
                "an error",
            ),
            ("{\"amount\":1.5}".to_string(), "not the wrapper's JSON"),
        ] {
            assert_eq!(
                build_json(&text, None, FLAG_SAME),
                build_json(&text, None, 0),
                "{why}"
            );
        }
        // The coercion case really coerces (KSNET documents the digit string).
        let ksnet =
            r#"{"pg":"ksnet.M","pay_method":"card","merchant_uid":"o","name":"n","amount":"1004"}"#;
        assert!(build_json(ksnet, None, FLAG_SAME).contains("\"amount\":1004"));
    }

    #[test]
    fn strings_escape_like_json() {
        for s in [
            "",
            "plain",
            "주문명:결제테스트",
            "a\"b\\c",
            "line\nbreak\t\r",
            "\u{1}\u{1f}\u{7f}",
            "😀 \u{2028}",
        ] {
            let mut out = String::new();
            push_str(&mut out, s);
            let back: String = serde_json::from_str(&out).expect("valid JSON");
            assert_eq!(back, s, "{out}");
        }
    }

    #[test]
    fn integers_and_unsafe_numbers() {
        let mut out = String::new();
        push_value(
            &mut out,
            &json!([
                0,
                7,
                10,
                64900,
                -1,
                -9007199254740991i64,
                9007199254740991u64
            ]),
        )
        .unwrap();
        assert_eq!(out, "[0,7,10,64900,-1,-9007199254740991,9007199254740991]");
        for v in [
            json!(1.5),
            json!(9007199254740992u64),
            json!({"a": [-9007199254740992i64]}),
        ] {
            assert_eq!(push_value(&mut String::new(), &v), None, "{v}");
        }
    }

    fn opts_of(options: &Value) -> (Option<String>, u32) {
        let provider = options
            .get("provider")
            .and_then(Value::as_str)
            .map(str::to_string);
        let mut flags = 0;
        if options.get("mobile") == Some(&Value::Bool(true)) {
            flags |= FLAG_MOBILE;
        }
        if options.get("webview") == Some(&Value::Bool(true)) {
            flags |= FLAG_WEBVIEW;
        }
        (provider, flags)
    }

    /// The shared case table through `check_json` / `build_json`: the same `(path, code)`
    /// pairs as `check`, and the same normalized params as `build_params`.
    #[test]
    fn shared_cases_through_the_json_path() {
        let mut n = 0;
        let mut careful = 0;
        for file in ["common", "inicis", "kcp", "ksnet", "daou"] {
            let path = format!("{}/tests/cases/{file}.json", env!("CARGO_MANIFEST_DIR"));
            let cases: Vec<Value> =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            for case in cases {
                let name = case["name"].as_str().unwrap().to_string();
                let params = &case["params"];
                let options = case.get("options").cloned().unwrap_or(json!({}));
                let (provider, flags) = opts_of(&options);
                let mut pre = Vec::new();
                let opts = options_from(
                    provider.as_deref(),
                    flags & FLAG_MOBILE != 0,
                    flags & FLAG_WEBVIEW != 0,
                    &mut pre,
                );
                let text = params.to_string();
                let answer = check_json(&text, provider.clone(), flags);
                if answer.is_empty() {
                    // A fraction or a number past ±2^53: the wrapper's guard sends it to the
                    // careful path, and so does the parser.
                    assert!(
                        text.contains(['.', 'e', 'E']) || text.len() > 20,
                        "{name}: {text}"
                    );
                    assert_eq!(build_json(&text, provider, flags), "", "{name}");
                    careful += 1;
                    continue;
                }
                let got = read_answer(&answer);
                let mut pairs: Vec<(String, String)> = ["errors", "warnings"]
                    .iter()
                    .flat_map(|k| got[*k].as_array().unwrap().clone())
                    .map(|i| {
                        (
                            i["path"].as_str().unwrap().to_string(),
                            i["code"].as_str().unwrap().to_string(),
                        )
                    })
                    .collect();
                pairs.sort();
                let report = if pre.is_empty() {
                    check(params, &opts)
                } else {
                    crate::check::check_report(params, &opts, pre)
                };
                let want: Vec<(String, String)> = report
                    .pairs()
                    .into_iter()
                    .map(|(p, c)| (p, c.to_string()))
                    .collect();
                assert_eq!(pairs, want, "{name}");
                assert_eq!(got["ok"], json!(report.is_ok()), "{name}");
                // Each issue, in order, with its message row and the values the wrapper fills.
                let fields = |i: &Issue| {
                    let mut o =
                        json!({"path": i.path, "code": i.code.as_str(), "msg": i.msg as usize});
                    if let Some(pg) = i.pg {
                        o["pg"] = json!(pg as usize);
                    }
                    if let Some(arg) = &i.arg {
                        o["arg"] = json!(arg);
                    }
                    if let Some(ko) = &i.arg_ko {
                        o["argKo"] = json!(ko);
                    }
                    o
                };
                let errors: Vec<Value> = report.errors().map(fields).collect();
                let warnings: Vec<Value> = report.warnings().map(fields).collect();
                assert_eq!(got["errors"], json!(errors), "{name}");
                assert_eq!(got["warnings"], json!(warnings), "{name}");
                let built: Value =
                    serde_json::from_str(&build_json(&text, provider, flags)).expect(&name);
                match build_params(params, &opts) {
                    Ok(v) if report.is_ok() => assert_eq!(built["params"], v, "{name}"),
                    _ => {
                        let fields = built["error"].as_array().expect(&name);
                        assert_eq!(records(fields), errors, "{name}");
                    }
                }
                n += 1;
            }
        }
        assert!(
            n >= 50 && careful <= n / 10,
            "{n} cases, {careful} for the careful path"
        );
    }

    #[test]
    fn the_parser_agrees_with_serde_json() {
        let texts = [
            r#"{}"#,
            r#"[]"#,
            r#" { "a" : [ 1 , -2 , true , false , null , "x" ] , "b" : { } } "#,
            r#"{"k":"\"\\\/\b\f\n\r\t\u0041\u00e9\uac00\ud83d\ude00 plain 주문"}"#,
            r#"[0,9007199254740991,-9007199254740991,10,100]"#,
            r#"{"b":1,"a":2,"b":3}"#,
            r#""just a string""#,
            r#"12"#,
        ];
        for t in texts {
            let want: Value = serde_json::from_str(t).unwrap();
            assert_eq!(parse_json(t), Some(want), "{t}");
        }
        let cases = std::fs::read_to_string(format!(
            "{}/tests/cases/kcp.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let all: Value = serde_json::from_str(&cases).unwrap();
        let mut read = 0;
        for c in all.as_array().unwrap() {
            let text = c["params"].to_string();
            if let Some(v) = parse_json(&text) {
                assert_eq!(v, c["params"], "{text}");
                read += 1;
            }
        }
        assert!(read >= 10, "{read}");
    }

    #[test]
    fn the_parser_refuses_what_the_careful_path_must_read() {
        for t in [
            "",
            " ",
            "{",
            "[1,]",
            "{\"a\":}",
            "{\"a\" 1}",
            "[1 2]",
            "01",
            "-",
            "-0",
            "1.5",
            "1e3",
            "1E3",
            "2.0",
            "9007199254740992",
            "-9007199254740992",
            "99999999999999999999999",
            "tru",
            "nul",
            "\"\\ud800\"",
            "\"\\ud800\\u0041\"",
            "\"\\udc00\"",
            "\"\\x\"",
            "\"a\nb\"",
            "\"open",
            "{} x",
            "[[[[]]]]]",
        ] {
            assert_eq!(parse_json(t), None, "{t:?}");
        }
        let deep = format!(
            "{}{}",
            "[".repeat(PARSE_DEPTH + 1),
            "]".repeat(PARSE_DEPTH + 1)
        );
        assert_eq!(parse_json(&deep), None);
        let ok = format!("{}{}", "[".repeat(PARSE_DEPTH), "]".repeat(PARSE_DEPTH));
        assert!(parse_json(&ok).is_some());
    }

    /// The issues of flat fields (`push_issue`) as objects, with `pg`, `arg` and `argKo` only
    /// when they are not null (the careful exports' shape).
    fn records(fields: &[Value]) -> Vec<Value> {
        assert_eq!(fields.len() % 6, 0, "six fields an issue: {fields:?}");
        fields
            .chunks(6)
            .map(|f| {
                let mut o = json!({"path": f[0], "code": f[1], "msg": f[2]});
                for (k, v) in ["pg", "arg", "argKo"].iter().zip(&f[3..]) {
                    if !v.is_null() {
                        o[*k] = v.clone();
                    }
                }
                o
            })
            .collect()
    }

    /// `check_answer`'s flat array as `{ ok, provider, errors, warnings }`.
    fn read_answer(text: &str) -> Value {
        let f: Vec<Value> = serde_json::from_str(text).expect("a JSON array");
        let errors = f[1].as_u64().expect("the number of errors") as usize;
        let end = 2 + 6 * errors;
        json!({
            "ok": errors == 0,
            "provider": f[0],
            "errors": records(&f[2..end]),
            "warnings": records(&f[end..]),
        })
    }

    #[test]
    fn the_answer_is_one_flat_array() {
        let bad = r#"{"pg":"html5_inicis.INIpayTest","pay_method":"cardd","name":"Mug","amount":1000,"buyer_tel":"010-1234-5678"}"#;
        let f: Value = serde_json::from_str(&check_json(bad, None, 0)).unwrap();
        let f = f.as_array().unwrap();
        assert_eq!(f[0], "html5_inicis");
        assert_eq!(f[1], 2, "{f:?}"); // merchant_uid, pay_method
        assert_eq!(f.len(), 2 + 2 * 6, "{f:?}");
        let pay_method = f[2..].chunks(6).find(|i| i[0] == "pay_method").unwrap();
        assert_eq!(pay_method[1], "invalid_value");
        assert_eq!(pay_method[2], Msg::UnknownPayMethodDidYouMean as u64);
        assert_eq!(pay_method[4], "card");
        assert_eq!(pay_method[5], Value::Null);
        let built: Value = serde_json::from_str(&build_json(bad, None, 0)).unwrap();
        assert_eq!(built["error"].as_array().unwrap().len(), 12);
    }

    #[test]
    fn not_strict_json_asks_for_the_careful_path() {
        for text in ["", "{", "{\"name\":\"\\ud800\"}", "{\"a\":1}x"] {
            assert_eq!(check_json(text, None, 0), "", "{text}");
            assert_eq!(build_json(text, None, 0), "", "{text}");
        }
        let unknown = read_answer(&check_json("{}", Some("stripe".into()), 0));
        assert_eq!(unknown["errors"][0]["path"], "options.provider");
        assert_eq!(unknown["provider"], Value::Null);
    }

    fn arb_json() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        const SAFE: i64 = 9_007_199_254_740_991;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            (-SAFE..=SAFE).prop_map(|n| if n >= 0 { json!(n as u64) } else { json!(n) }),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                proptest::collection::btree_map(any::<String>(), inner, 0..8)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, ..Default::default() })]

        /// Whatever serde_json writes (strings with any character, escapes, safe integers),
        /// parse_json reads back to the same tree, and push_value writes text serde_json
        /// reads back to the same tree.
        #[test]
        fn parse_and_write_round_trip(v in arb_json()) {
            let text = serde_json::to_string(&v).unwrap();
            proptest::prop_assert_eq!(parse_json(&text), Some(v.clone()));
            let pretty = serde_json::to_string_pretty(&v).unwrap();
            proptest::prop_assert_eq!(parse_json(&pretty), Some(v.clone()));
            let mut out = String::new();
            proptest::prop_assert!(push_value(&mut out, &v).is_some());
            proptest::prop_assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), v);
        }
    }

    /// The lowest byte `escape_mask` marks is the first byte that needs an escape, whatever
    /// follows it (two marked bytes at every pair of positions, over the bytes that matter).
    #[test]
    fn escape_mask_marks_the_first_byte_exactly() {
        let special = [0x00u8, 0x01, 0x1f, b'"', b'\\'];
        let plain = [
            0x20u8, 0x21, 0x23, 0x41, 0x5b, 0x5d, 0x7f, 0x80, 0xa0, 0xbf, 0xea, 0xff,
        ];
        for &fill in &plain {
            for first in 0..8 {
                for &a in &special {
                    for later in first..8 {
                        for &b in special.iter().chain(&plain) {
                            let mut w = [fill; 8];
                            w[later] = b;
                            w[first] = a;
                            let mask = escape_mask(u64::from_le_bytes(w));
                            assert_eq!(mask.trailing_zeros() / 8, first as u32, "{w:x?}");
                        }
                    }
                }
            }
        }
    }

    /// Every byte value at every position of the word, among bytes that need no escape
    /// (ASCII, `"`'s and `\\`'s neighbours, UTF-8 lead and continuation bytes).
    #[test]
    fn needs_escape_matches_the_byte_test() {
        let byte_needs = |b: u8| b < b' ' || b == b'"' || b == b'\\';
        for fill in [
            0x20u8, 0x21, 0x23, 0x41, 0x5b, 0x5d, 0x7f, 0x80, 0xbf, 0xea, 0xff,
        ] {
            for pos in 0..8 {
                for b in 0..=255u8 {
                    let mut w = [fill; 8];
                    w[pos] = b;
                    assert_eq!(
                        needs_escape(u64::from_le_bytes(w)),
                        byte_needs(b),
                        "fill {fill:#x}, byte {b:#x} at {pos}"
                    );
                }
            }
        }
        // Two hits, and a hit below bytes that would flag only through a borrow.
        assert!(needs_escape(u64::from_le_bytes(*b"\x00\x00abcdef")));
        assert!(needs_escape(u64::from_le_bytes([
            0, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21
        ])));
        assert!(!needs_escape(u64::from_le_bytes(*b"abcdefgh")));
    }
}
