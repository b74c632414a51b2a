//! The dynamic checker: an untrusted `request_pay` value in, every issue out.
//!
//! [`check`] runs the schema pass (types, unknown keys, card data), resolves the provider,
//! then the common rules and the PG's rule set. [`build_params`] does the same and returns
//! the normalized object `IMP.request_pay` should receive.

use crate::issue::{Code, Issue, Msg, Report};
use crate::provider::{Provider, RuleSet};
use crate::rules;
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

/// The checker's state while rules run: the params, the resolved provider, the report.
pub(crate) struct Ctx<'a> {
    /// The params object (already known to be an object).
    pub obj: &'a Map<String, Value>,
    /// Options given by the caller.
    pub opts: &'a CheckOptions,
    /// The provider the rules are for, if any.
    pub provider: Option<Provider>,
    /// Issues so far.
    pub report: Report,
    /// `amount` as a checked integer, after a documented coercion.
    pub amount: Option<u64>,
    /// Replacement values for the normalized params (`coerced`).
    pub coerced: Vec<(&'static str, Value)>,
}

impl<'a> Ctx<'a> {
    /// The value at a top-level key; `null` counts as absent.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        match self.obj.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    /// The string at a top-level key (None when absent or of another type).
    pub fn str(&self, key: &str) -> Option<&'a str> {
        self.get(key).and_then(Value::as_str)
    }

    /// Whether a top-level key holds a non-empty value.
    pub fn has(&self, key: &str) -> bool {
        match self.get(key) {
            None => false,
            Some(Value::String(s)) => !s.is_empty(),
            Some(_) => true,
        }
    }

    /// Whether a top-level key is `true`.
    #[allow(dead_code)]
    pub fn is_true(&self, key: &str) -> bool {
        self.get(key) == Some(&Value::Bool(true))
    }

    /// `pay_method`, when it is a string.
    pub fn pay_method(&self) -> Option<&'a str> {
        self.str("pay_method")
    }

    /// Whether any issue is already reported at `path` (so a rule does not pile on).
    pub fn has_issue_at(&self, path: &str) -> bool {
        self.report.issues().iter().any(|i| i.path == path)
    }

    /// Adds an issue; it names the current PG unless it names one already.
    pub fn push(&mut self, mut issue: Issue) {
        if issue.pg.is_none() {
            issue.pg = self.provider;
        }
        self.report.push(issue);
    }

    /// Adds an issue with the code's default severity.
    pub fn add(&mut self, path: impl Into<String>, code: Code, msg: Msg) {
        self.push(Issue::new(path, code, msg));
    }

    /// Adds an issue whose message shows `arg`.
    pub fn add_arg(
        &mut self,
        path: impl Into<String>,
        code: Code,
        msg: Msg,
        arg: impl Into<String>,
    ) {
        self.push(Issue::new(path, code, msg).arg(arg));
    }

    /// What the nested object at `path` (e.g. `["bypass", "ksnet"]`) holds.
    pub fn object_at(&self, path: &[&str]) -> Slot<'a> {
        let mut cur = self.obj;
        for key in path {
            match cur.get(*key) {
                None | Some(Value::Null) => return Slot::Absent,
                Some(Value::Object(m)) => cur = m,
                Some(_) => return Slot::Other,
            }
        }
        Slot::Obj(cur)
    }

    /// Whether `key` inside the object at `parent` is missing (absent, null or `""`),
    /// counting an absent parent as missing (docs/RULES.md §0) and a parent that is not an
    /// object as not missing (only its type issue is reported).
    pub fn missing_at(&self, parent: &[&str], key: &str) -> bool {
        match self.object_at(parent) {
            Slot::Absent => true,
            Slot::Other => false,
            Slot::Obj(m) => match m.get(key) {
                None | Some(Value::Null) => true,
                Some(Value::String(s)) => s.is_empty(),
                Some(_) => false,
            },
        }
    }

    /// Reports `required` at a top-level `key` when it is absent, null or `""`,
    /// unless that key already has an issue (e.g. a wrong type).
    pub fn require(&mut self, key: &str, msg: Msg) -> bool {
        if self.has(key) {
            return true;
        }
        if !self.has_issue_at(key) {
            self.add(key, Code::Required, msg);
        }
        false
    }
}

/// What a nested object path such as `bypass.ksnet` holds ([`Ctx::object_at`]).
pub(crate) enum Slot<'a> {
    /// Absent or null, here or at a parent.
    Absent,
    /// An object.
    Obj(&'a Map<String, Value>),
    /// Another type, here or at a parent (a type issue covers it).
    Other,
}

/// The check alone (no normalized copy is made). `pre` as in [`check_full`].
pub(crate) fn check_report(params: &Value, options: &CheckOptions, pre: Vec<Issue>) -> Report {
    check_inner(params, options, pre, false).0
}

/// The full check: the report and, when params is an object, the normalized copy.
/// `pre` holds issues found before (reading a JS value), so rules do not pile onto them.
pub(crate) fn check_full(
    params: &Value,
    options: &CheckOptions,
    pre: Vec<Issue>,
) -> (Report, Option<Value>) {
    check_inner(params, options, pre, true)
}

fn check_inner(
    params: &Value,
    options: &CheckOptions,
    pre: Vec<Issue>,
    want_normalized: bool,
) -> (Report, Option<Value>) {
    let mut report = Report::new();
    let obj = match params {
        Value::Object(obj) => obj,
        _ => {
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
            return (report, None);
        }
    };
    for issue in pre {
        report.push(issue);
    }
    let mut ctx = Ctx {
        obj,
        opts: options,
        provider: None,
        report,
        amount: None,
        coerced: Vec::new(),
    };
    ctx.provider = resolve_provider(&mut ctx);
    rules::schema::check(&mut ctx);
    rules::common::check(&mut ctx);
    let rule_set = ctx.provider.and_then(Provider::rule_set);
    match rule_set {
        Some(RuleSet::Inicis) => rules::inicis::check(&mut ctx),
        Some(RuleSet::Kcp) | Some(RuleSet::KcpBilling) => rules::kcp::check(&mut ctx),
        Some(RuleSet::Ksnet) => rules::ksnet::check(&mut ctx),
        Some(RuleSet::Daou) => rules::daou::check(&mut ctx),
        None => {}
    }
    if rule_set.is_some() {
        rules::check_bypass_keys(&mut ctx);
    }
    let normalized = want_normalized.then(|| normalize(obj, &ctx.coerced));
    (ctx.report, normalized)
}

/// API.md "Providers": `options.provider`, else the part of `pg` before the first `.`.
fn resolve_provider(ctx: &mut Ctx) -> Option<Provider> {
    let from_pg = match ctx.get("pg") {
        Some(Value::String(pg)) if !pg.is_empty() => match Provider::from_pg(pg) {
            Ok(p) => Some(p),
            Err(_) => {
                let code = pg.split('.').next().unwrap_or_default();
                ctx.add_arg("pg", Code::UnknownProvider, Msg::UnknownPg, quote(code));
                None
            }
        },
        _ => None,
    };
    let provider = ctx.opts.provider.or(from_pg);
    match provider {
        Some(p) if p.rule_set().is_none() => {
            let at = if ctx.has("pg") { "pg" } else { "channelKey" };
            ctx.add_arg(at, Code::UncheckedProvider, Msg::UncheckedPg, p.as_str());
        }
        None if ctx.has("channelKey") && !ctx.has("pg") => {
            ctx.add("channelKey", Code::UncheckedProvider, Msg::ChannelKeyOnly);
        }
        _ => {}
    }
    provider
}

/// A copy of the params without `null` values, with coerced values applied.
fn normalize(obj: &Map<String, Value>, coerced: &[(&'static str, Value)]) -> Value {
    let mut out = Map::new();
    for (k, v) in obj {
        if let Some((_, replacement)) = coerced.iter().find(|(key, _)| key == k) {
            out.insert(k.clone(), replacement.clone());
        } else if let Some(v) = strip_nulls(v, 0) {
            out.insert(k.clone(), v);
        }
    }
    Value::Object(out)
}

fn strip_nulls(v: &Value, depth: usize) -> Option<Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    match v {
        Value::Null => None,
        // Inserting one by one, not `collect()`: collecting into the map sorts and bulk-builds,
        // which costs ~5 KB of wasm for keys that are already unique and ordered.
        Value::Object(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                if let Some(v) = strip_nulls(v, depth + 1) {
                    out.insert(k.clone(), v);
                }
            }
            Some(Value::Object(out))
        }
        // Array items keep their positions (a null item is the caller's data, not noise).
        Value::Array(items) => Some(Value::Array(
            items
                .iter()
                .map(|v| strip_nulls(v, depth + 1).unwrap_or(Value::Null))
                .collect(),
        )),
        other => Some(other.clone()),
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
