//! The JS interop: the only place with `#[wasm_bindgen]`.
//!
//! `js/index.js` wraps these exports for npm users (it turns thrown plain objects into
//! `IamportPayError`). The exported names follow API.md. They are exports only with the `npm`
//! feature; without it the functions are plain Rust, so a Rust app's wasm carries none of
//! them. The redirect entry's wasm (`npm-redirect`) exports a small C ABI instead
//! (`redirect_abi.rs`, loaded by `js/redirect.js` without wasm-bindgen's glue).

mod convert;
// The redirect entry's wasm: its exports are a C ABI, not wasm-bindgen's.
#[cfg(feature = "npm-redirect")]
mod redirect_abi;
pub mod runtime;
#[cfg(feature = "sandbox")]
pub mod sandbox;

use crate::check::{check_doc, check_inner, CheckOptions};
use crate::issue::{Issue, Report};
use crate::provider::Provider;
use crate::rules::tree::{Doc, Tree};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

pub use convert::{write as to_js, Reader};

/// Sets a property on a fresh plain object (cannot fail for string keys on our objects).
pub(crate) fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// `Issue` as the npm wrapper renders it: `{ path, code, msg, pg?, arg?, argKo? }`, the six
/// fields of [`crate::wire::push_issue`] as an object. `js/index.js` turns it into API.md's
/// `{ path, code, message, messageKo }` from the message table it reads once from
/// [`message_table`], so the package's wasm carries the templates but not their renderer.
pub(crate) fn issue_to_js(issue: &Issue) -> JsValue {
    let o = Object::new();
    set(&o, "path", &JsValue::from_str(&issue.path));
    set(&o, "code", &JsValue::from_str(issue.code.as_str()));
    set(&o, "msg", &JsValue::from(issue.msg as u32));
    if let Some(pg) = issue.pg {
        set(&o, "pg", &JsValue::from(pg as u32));
    }
    if let Some(arg) = &issue.arg {
        set(&o, "arg", &JsValue::from_str(arg));
    }
    if let Some(ko) = &issue.arg_ko {
        set(&o, "argKo", &JsValue::from_str(ko));
    }
    o.into()
}

pub(crate) fn issues_to_js<'a>(issues: impl Iterator<Item = &'a Issue>) -> Array {
    issues.map(issue_to_js).collect()
}

/// Reads JS `CheckOptions` (`{ provider?, mobile?, webview? }`). An unknown provider string is
/// reported as `unknown_provider` at `options.provider` ([`crate::wire::options_from`]).
pub(crate) fn read_options(options: &JsValue, pre: &mut Vec<Issue>) -> CheckOptions {
    let provider = convert::get_prop(options, "provider").as_string();
    let mobile = convert::get_prop(options, "mobile")
        .as_bool()
        .unwrap_or(false);
    let webview = convert::get_prop(options, "webview")
        .as_bool()
        .unwrap_or(false);
    crate::wire::options_from(provider.as_deref(), mobile, webview, pre)
}

/// The careful reader's tree of `params`, and the options, with the issues reading them
/// found: what `checkParams`, `buildParams` and `requestPay` start from.
pub(crate) fn read_params(
    params: &JsValue,
    options: &JsValue,
) -> (Doc<'static>, Vec<Issue>, CheckOptions) {
    let mut reader = Reader::new();
    let value = reader.read_doc(params).unwrap_or(Doc::Null);
    let mut pre = reader.issues;
    let opts = read_options(options, &mut pre);
    (value, pre, opts)
}

/// The normalized params as plain JS data, or the report when it has errors: `buildParams`'
/// and `requestPay`'s check ([`check_inner`]: the checker's tree and `check::normalize`'s
/// rules, without a `serde_json::Value`).
/// `also` reads what else the caller needs from the checked tree and the top-level values
/// the checker coerced.
pub(crate) fn check_normalized<T>(
    params: &Doc<'_>,
    options: &CheckOptions,
    pre: Vec<Issue>,
    also: impl FnOnce(&Doc<'_>, &[(&'static str, u64)]) -> T,
) -> Result<(JsValue, T), Report> {
    let ctx = check_inner(params, options, pre)?;
    if !ctx.report.is_ok() {
        return Err(ctx.report);
    }
    // The root is an object here, and a coerced value replaces a key it already has (a digit
    // string, never `null`), so setting it again keeps the key order.
    let out = convert::write_doc(ctx.root, true);
    for (k, n) in &ctx.coerced {
        convert::put(out.unchecked_ref(), k, &JsValue::from_f64(*n as f64));
    }
    Ok((out, also(ctx.root, &ctx.coerced)))
}

fn provider_of(params: &Doc<'_>, opts: &CheckOptions) -> Option<Provider> {
    opts.provider.or_else(|| {
        params
            .get("pg")
            .and_then(Tree::str)
            .and_then(|pg| Provider::from_pg(pg).ok())
    })
}

/// `checkParams(params, options?) -> CheckResult`, each issue as
/// `{ path, code, msg, pg?, arg?, argKo? }` (its message row and values: the npm wrapper
/// renders the messages). Never throws on bad input.
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = checkParams))]
pub fn check_params(params: JsValue, options: JsValue) -> JsValue {
    let (value, pre, opts) = read_params(&params, &options);
    let report = check_doc(&value, &opts, pre);
    let result = Object::new();
    set(&result, "ok", &JsValue::from_bool(report.is_ok()));
    let provider = provider_of(&value, &opts)
        .map(|p| JsValue::from_str(p.as_str()))
        .unwrap_or(JsValue::NULL);
    set(&result, "provider", &provider);
    set(&result, "errors", &issues_to_js(report.errors()));
    set(&result, "warnings", &issues_to_js(report.warnings()));
    result.into()
}

/// An error for `js/index.js` to turn into `IamportPayError`: `{ code, message, issues? }`.
pub(crate) fn error_object(code: &str, message: &str, issues: Option<Array>) -> JsValue {
    let e = Object::new();
    set(&e, "code", &JsValue::from_str(code));
    set(&e, "message", &JsValue::from_str(message));
    if let Some(issues) = issues {
        set(&e, "issues", &issues);
    }
    set(&e, "__iamportPayError", &JsValue::TRUE);
    e.into()
}

/// The `invalid_params` error for a report with errors (the same error `requestPay` rejects
/// with: [`crate::Error::invalid_params`]).
pub(crate) fn invalid_params(report: &Report) -> JsValue {
    runtime::error_to_js(&crate::Error::invalid_params(report.issues().to_vec()))
}

/// `buildParams(params, options?)`: the normalized object `IMP.request_pay` should receive.
/// Throws `invalid_params` (with `issues`, and the message left to the wrapper: see
/// `runtime::error_to_js`) when there is any error.
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = buildParams))]
pub fn build_params(params: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let (value, pre, opts) = read_params(&params, &options);
    check_normalized(&value, &opts, pre, |_, _| ())
        .map(|(normalized, ())| normalized)
        .map_err(|report| invalid_params(&report))
}

/// [`check_params`] for params the npm wrapper has serialized (one string in, one out; see
/// `src/wire.rs`); `""` asks the wrapper for the careful [`check_params`] instead. The npm
/// export is [`check_input`], which reads the same text from the input buffer.
pub fn check_json(text: &str, provider: Option<String>, flags: u32) -> String {
    crate::wire::check_json(text, provider, flags)
}

/// [`build_params`] for params the npm wrapper has serialized (`src/wire.rs`); `""` asks the
/// wrapper for the careful [`build_params`]. The npm export is [`build_input`].
pub fn build_json(text: &str, provider: Option<String>, flags: u32) -> String {
    crate::wire::build_json(text, provider, flags)
}

/// `messageTable(lang)`: every message template, one per line, in English (0) or Korean (1):
/// `Msg::browser_lines` (src/issue.rs: [`Msg::lines`](crate::Msg::lines) with the server
/// bodies' rows empty, as no browser issue shows them). The wrapper (js/index.js, the messages section) renders
/// the issues' messages from it; it asks once, at the first issue.
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = messageTable))]
pub fn message_table(lang: u32) -> String {
    crate::Msg::browser_lines(if lang == 1 {
        crate::Lang::Ko
    } else {
        crate::Lang::En
    })
}

// ---- the JSON text in a buffer ----------------------------------------------------------
// The wrapper writes the params' JSON text as UTF-8 in the same walk that guards them
// (js/index.js, the guard section): TextEncoder (which wasm-bindgen's string passing uses)
// encodes Korean text about half as fast as that loop in Chromium, and JSON.stringify would be
// a second walk. It asks for a buffer (`jsonInput`), copies the bytes in, and calls
// `checkInput` / `buildInput`, which check them in place: the tree borrows from the buffer.

/// Most bytes `jsonInput` takes: `MAX_BYTES` in js/index.js (3 bytes for each of 256 Ki UTF-16
/// units).
const MAX_INPUT_BYTES: usize = 3 << 18;

thread_local! {
    static INPUT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `jsonInput(bytes) -> address`: room for `bytes` bytes of UTF-8 in wasm memory, for the next
/// `checkInput` / `buildInput`; 0 when `bytes` is over the limit (the wrapper then takes the
/// careful path).
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = jsonInput))]
pub fn json_input(bytes: usize) -> usize {
    if bytes > MAX_INPUT_BYTES {
        return 0;
    }
    INPUT.with(|b| {
        let mut b = b.borrow_mut();
        // Grown (and zeroed) only when too short: zeroing 3 bytes per character on every call
        // was 3 % of a `buildParams`. What a call does not write is never read (`with_input`
        // takes the length the wrapper wrote).
        if b.len() < bytes.max(1) {
            b.resize(bytes.max(1), 0);
        }
        b.as_mut_ptr() as usize
    })
}

/// `f` of the first `len` bytes of the input buffer as text; `refused` past the buffer or for
/// bytes that are not UTF-8 (the wrapper then takes the careful path).
fn with_input<T>(len: usize, refused: T, f: impl FnOnce(&str) -> T) -> T {
    INPUT.with(|b| {
        let b = b.borrow();
        match b.get(..len).map(std::str::from_utf8) {
            Some(Ok(text)) => f(text),
            _ => refused,
        }
    })
}

thread_local! {
    static ANSWER: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
}

/// `checkInput(len, provider, flags) -> number`: checks the `len` bytes of text in the input
/// buffer (`wire::check_text`). A check without any issue answers with the provider
/// alone: 0 for none, else 1 + its index in `Provider::ALL` (the wrapper builds
/// `{ ok: true, provider, errors: [], warnings: [] }` without a string crossing). -2: the
/// answer has issues, and [`take_check_answer`] gives it ([`check_json`]'s text). -1: not strict
/// JSON; take the careful path.
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = checkInput))]
pub fn check_input(len: usize, provider: Option<String>, flags: u32) -> i32 {
    with_input(len, -1, |t| {
        match crate::wire::check_text(t, provider, flags) {
            None => -1,
            Some((report, p)) if report.issues().is_empty() => p.map_or(0, |p| p as i32 + 1),
            Some((report, p)) => {
                ANSWER.set(crate::wire::check_answer(&report, p));
                -2
            }
        }
    })
}

/// `checkAnswer() -> string`: the answer the last [`check_input`] or [`build_input`] left
/// (once).
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = checkAnswer))]
pub fn take_check_answer() -> String {
    ANSWER.take()
}

/// `buildInput(len, provider, flags) -> number`: [`build_json`] of the `len` bytes of text in
/// the input buffer. 1: the answer is `=` (`FLAG_SAME`: the wrapper's copy is the normalized
/// params), told without a string crossing; -2: [`take_check_answer`] (`checkAnswer`) gives
/// the answer; -1: take the careful path.
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = buildInput))]
pub fn build_input(len: usize, provider: Option<String>, flags: u32) -> i32 {
    with_input(len, -1, |t| {
        let answer = crate::wire::build_json(t, provider, flags);
        match answer.as_str() {
            "" => -1,
            "=" => 1,
            _ => {
                ANSWER.set(answer);
                -2
            }
        }
    })
}

/// The crate version, for diagnostics (`version()` in JS).
#[cfg_attr(feature = "npm", wasm_bindgen)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
