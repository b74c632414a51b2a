//! The JS interop: the only place with `#[wasm_bindgen]`.
//!
//! `js/index.js` wraps these exports for npm users (it turns thrown plain objects into
//! `IamportPayError`). The exported names follow API.md. They are exports only with the `npm`
//! feature (`npm-redirect`: `parseRedirect` and `takePendingOrder` only); without it the
//! functions are plain Rust, so a Rust app's wasm carries none of them.

mod convert;
mod imp;
pub mod runtime;
#[cfg(feature = "sandbox")]
pub mod sandbox;

use crate::check::{check_full, CheckOptions};
use crate::issue::{Issue, Lang, Report};
use crate::provider::Provider;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

pub use convert::{write as to_js, Reader};

/// Sets a property on a fresh plain object (cannot fail for string keys on our objects).
pub(crate) fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// `Issue` as JS: `{ path, code, message, messageKo }` (API.md).
pub(crate) fn issue_to_js(issue: &Issue) -> JsValue {
    let o = Object::new();
    set(&o, "path", &JsValue::from_str(&issue.path));
    set(&o, "code", &JsValue::from_str(issue.code.as_str()));
    set(&o, "message", &JsValue::from_str(&issue.message(Lang::En)));
    set(
        &o,
        "messageKo",
        &JsValue::from_str(&issue.message(Lang::Ko)),
    );
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

/// Reads, checks and normalizes: the shared path of `checkParams` and `buildParams`.
pub(crate) fn run(
    params: &JsValue,
    options: &JsValue,
) -> (Report, Option<serde_json::Value>, CheckOptions) {
    let mut reader = Reader::new();
    let value = reader.read_root(params).unwrap_or(serde_json::Value::Null);
    let mut pre = reader.issues;
    let opts = read_options(options, &mut pre);
    let (report, normalized) = check_full(&value, &opts, pre);
    (report, normalized, opts)
}

fn provider_of(params: &JsValue, opts: &CheckOptions) -> Option<Provider> {
    opts.provider.or_else(|| {
        convert::get_prop(params, "pg")
            .as_string()
            .and_then(|pg| Provider::from_pg(&pg).ok())
    })
}

/// `checkParams(params, options?) -> CheckResult`. Never throws on bad input.
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = checkParams))]
pub fn check_params(params: JsValue, options: JsValue) -> JsValue {
    let mut reader = Reader::new();
    let value = reader.read_root(&params).unwrap_or(serde_json::Value::Null);
    let mut pre = reader.issues;
    let opts = read_options(&options, &mut pre);
    let report = crate::check::check_report(&value, &opts, pre);
    let result = Object::new();
    set(&result, "ok", &JsValue::from_bool(report.is_ok()));
    let provider = provider_of(&params, &opts)
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
/// Throws `invalid_params` (with `issues`) when there is any error.
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = buildParams))]
pub fn build_params(params: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let (report, normalized, _) = run(&params, &options);
    match normalized {
        Some(v) if report.is_ok() => Ok(convert::write(&v)),
        _ => Err(invalid_params(&report)),
    }
}

/// `checkJson(text, provider, flags) -> string`: [`check_params`] for params the npm wrapper
/// has serialized (one string in, one out; see `src/wire.rs`). `""` asks the wrapper for the
/// careful [`check_params`] instead.
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = checkJson))]
pub fn check_json(text: &str, provider: Option<String>, flags: u32) -> String {
    crate::wire::check_json(text, provider, flags)
}

/// `buildJson(text, provider, flags) -> string`: [`build_params`] for params the npm wrapper
/// has serialized (`src/wire.rs`). `""` asks the wrapper for the careful [`build_params`].
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = buildJson))]
pub fn build_json(text: &str, provider: Option<String>, flags: u32) -> String {
    crate::wire::build_json(text, provider, flags)
}

/// The crate version, for diagnostics (`version()` in JS).
#[cfg_attr(feature = "npm", wasm_bindgen)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
