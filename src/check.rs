//! The public entry of the checker: an untrusted `request_pay` value in, every issue out.
//!
//! [`check`] hands the params to the rules (`rules::run`: provider, schema pass, common rules,
//! the PG's unit); [`build_params`] does the same and returns the normalized object
//! `IMP.request_pay` should receive.

use crate::issue::{Code, Issue, Msg, Report};
use crate::provider::Provider;
use crate::rules;
use crate::rules::ctx::Ctx;
use crate::rules::tree::{Doc, Kind, Tree};
use serde_json::{Map, Value};

/// Options of [`check`], mirroring JS `CheckOptions`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// The PG to check against; overrides the prefix of `pg`. Needed with `channelKey`.
    pub provider: Option<Provider>,
    /// The payment window opens on a mobile browser (the result comes by redirect).
    pub mobile: bool,
    /// The page runs inside an app's WebView (the PG needs `app_scheme` to return).
    pub webview: bool,
}

impl CheckOptions {
    /// Options for `provider`.
    pub fn provider(provider: Provider) -> Self {
        CheckOptions {
            provider: Some(provider),
            ..CheckOptions::default()
        }
    }

    /// Sets `mobile`.
    pub fn mobile(mut self, mobile: bool) -> Self {
        self.mobile = mobile;
        self
    }

    /// Sets `webview`.
    pub fn webview(mut self, webview: bool) -> Self {
        self.webview = webview;
        self
    }
}

/// Deepest nesting accepted anywhere in params. Real request_pay data is at most 4 levels
/// deep (`card.detail[0].card_code`); anything deeper is garbage or a cycle.
pub const MAX_DEPTH: usize = 32;

/// Checks an untrusted `request_pay` value. Never panics; every problem is in the report.
///
/// # Examples
/// ```
/// use iamport_pay::{check, CheckOptions};
/// use serde_json::json;
/// let report = check(&json!({
///     "pg": "html5_inicis.INIpayTest", "pay_method": "card",
///     "merchant_uid": "order_0001", "name": "T-shirt", "amount": 1004,
///     "buyer_phone": "010-1234-5678"
/// }), &CheckOptions::default());
/// assert!(!report.is_ok());
/// assert_eq!(report.pairs(), vec![
///     ("buyer_phone".to_string(), "unknown_field"),
///     ("buyer_tel".to_string(), "required"),
/// ]);
/// ```
pub fn check(params: &Value, options: &CheckOptions) -> Report {
    check_report(params, options, Vec::new())
}

/// Checks `params` and returns the normalized object `IMP.request_pay` should receive:
/// wire names, no `null` values, coerced values applied.
///
/// # Examples
/// ```
/// use iamport_pay::{build_params, CheckOptions};
/// use serde_json::json;
/// let params = build_params(&json!({
///     "pg": "ksnet.MID", "pay_method": "card", "merchant_uid": "o1",
///     "name": "Mug", "amount": "1004", "buyer_email": null
/// }), &CheckOptions::default()).unwrap();
/// assert_eq!(params["amount"], json!(1004));
/// assert!(params.get("buyer_email").is_none());
/// ```
///
/// # Errors
/// The [`Report`] when it holds any error.
pub fn build_params(params: &Value, options: &CheckOptions) -> Result<Value, Report> {
    let (report, normalized) = check_full(params, options, Vec::new());
    if report.is_ok() {
        Ok(normalized.unwrap_or(Value::Null))
    } else {
        Err(report)
    }
}

/// The check alone (no normalized copy is made). `pre` as in [`check_full`].
pub(crate) fn check_report(params: &Value, options: &CheckOptions, pre: Vec<Issue>) -> Report {
    check_doc(&Doc::from_value(params), options, pre)
}

/// [`check_report`] of a tree already in the checker's form (the JSON path, `wire.rs`).
pub(crate) fn check_doc(params: &Doc<'_>, options: &CheckOptions, pre: Vec<Issue>) -> Report {
    check_inner(params, options, pre).map_or_else(|r| r, |ctx| ctx.report)
}

/// The full check: the report and, when params is an object, the normalized copy.
/// `pre` holds issues found before (reading a JS value), so rules do not pile onto them.
pub(crate) fn check_full(
    params: &Value,
    options: &CheckOptions,
    pre: Vec<Issue>,
) -> (Report, Option<Value>) {
    let doc = Doc::from_value(params);
    match check_inner(&doc, options, pre) {
        Err(report) => (report, None),
        Ok(ctx) => {
            let normalized = normalize(ctx.root, &ctx.coerced);
            (ctx.report, Some(normalized))
        }
    }
}

/// [`check_full`] of a tree in the checker's form; the normalized copy is written as JSON
/// into `out` (only when the report has no error). `None` when the copy holds a number the
/// JSON writer leaves to the careful path (see `wire::push_doc`). With `as_is`, a copy that
/// would be `params` itself (no coercion, no `null` object value) is not written, and the
/// answer says so (`true`).
pub(crate) fn check_doc_into(
    params: &Doc<'_>,
    options: &CheckOptions,
    pre: Vec<Issue>,
    out: &mut String,
    as_is: bool,
) -> Option<(Report, bool)> {
    match check_inner(params, options, pre) {
        Err(report) => Some((report, false)),
        Ok(ctx) => {
            if ctx.report.is_ok() {
                if as_is && ctx.coerced.is_empty() && !has_null_value(ctx.root, 0) {
                    return Some((ctx.report, true));
                }
                crate::wire::push_normalized(out, ctx.root, &ctx.coerced)?;
            }
            Some((ctx.report, false))
        }
    }
}

/// Whether an object in `v` has a `null` value (which the normalized copy drops), or `v` nests
/// deeper than the copy goes (answered `true`: the copy is then not `v`).
fn has_null_value(v: &Doc<'_>, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return true;
    }
    match v {
        Doc::Object(entries) => entries
            .iter()
            .any(|(_, v)| matches!(v, Doc::Null) || has_null_value(v, depth + 1)),
        Doc::Array(items) => items.iter().any(|v| has_null_value(v, depth + 1)),
        _ => false,
    }
}

/// Runs the rules over an object; `Err` with the one issue when `params` is not an object.
pub(crate) fn check_inner<'a>(
    params: &'a Doc<'a>,
    options: &'a CheckOptions,
    pre: Vec<Issue>,
) -> Result<Ctx<'a>, Report> {
    let mut report = Report::new();
    if params.kind() != Kind::Object {
        // Whatever the root was (NaN, a Date, a string), the one problem is: not an object;
        // unless the JS reader stopped at a size limit (src/limits.rs), which says why.
        let limit = |i: &Issue| matches!(i.msg, Msg::TooLarge | Msg::TooManyBytes);
        match pre.iter().find(|i| i.path.is_empty() && limit(i)) {
            Some(issue) => report.push(issue.clone()),
            None => report.push(Issue::new("", Code::InvalidType, Msg::NotObject)),
        }
        for issue in pre.into_iter().filter(|i| i.code == Code::UnknownProvider) {
            report.push(issue);
        }
        return Err(report);
    }
    for issue in pre {
        report.push(issue);
    }
    let mut ctx = Ctx::new(params, options, report);
    rules::run(&mut ctx);
    Ok(ctx)
}

/// A copy of the params without `null` values, with coerced values applied.
fn normalize(root: &Doc<'_>, coerced: &[(&'static str, u64)]) -> Value {
    let mut out = Map::new();
    for (k, v) in root.entries() {
        if let Some((_, replacement)) = coerced.iter().find(|(key, _)| *key == k) {
            out.insert(k.to_string(), Value::from(*replacement));
        } else if let Some(v) = strip_nulls(v, 0) {
            out.insert(k.to_string(), v);
        }
    }
    Value::Object(out)
}

fn strip_nulls(v: &Doc<'_>, depth: usize) -> Option<Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    match v {
        Doc::Null => None,
        // Inserting one by one, not `collect()`: collecting into the map sorts and bulk-builds,
        // which costs ~5 KB of wasm for keys that are already unique and ordered.
        Doc::Object(entries) => {
            let mut out = Map::new();
            for (k, v) in entries {
                if let Some(v) = strip_nulls(v, depth + 1) {
                    out.insert(k.to_string(), v);
                }
            }
            Some(Value::Object(out))
        }
        // Array items keep their positions (a null item is the caller's data, not noise).
        Doc::Array(items) => Some(Value::Array(
            items
                .iter()
                .map(|v| strip_nulls(v, depth + 1).unwrap_or(Value::Null))
                .collect(),
        )),
        other => Some(other.to_value()),
    }
}

/// A short quoted form of a user value for messages (never echoes huge input).
pub(crate) fn quote(s: &str) -> String {
    const MAX: usize = 40;
    let mut out = String::from("\"");
    for (i, c) in s.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        out.push(c);
    }
    out.push('"');
    out
}
