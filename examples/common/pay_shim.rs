//! TEMPORARY stand-in for the crate's wasm runtime (`iamport_pay::request_pay`,
//! `parse_redirect`, `take_pending_order`), which is being written on another branch. Same
//! shapes as API.md describes; removed when the runtime is merged.

use iamport_pay::{CheckOptions, PaymentRequest, Provider, Report};
use js_sys::{Function, Promise, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Options of [`request_pay`].
#[derive(Clone, Debug, Default)]
pub struct PayOptions {
    pub provider: Option<Provider>,
    pub mobile: Option<bool>,
    /// `IMP.init` merchant id (unused: the sandbox needs none).
    #[allow(dead_code)]
    pub user_code: Option<String>,
    /// Keep the order in sessionStorage for the redirect page ([`take_pending_order`]).
    pub keep_pending_order: bool,
}

/// The order kept for the redirect page.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingOrder {
    pub merchant_uid: String,
    pub amount: u64,
    pub name: Option<String>,
}

/// The callback's answer, with `success` normalized.
#[derive(Clone, Debug, PartialEq)]
pub struct PaymentResult {
    pub imp_uid: Option<String>,
    pub merchant_uid: String,
    pub success: Option<bool>,
    pub error_code: Option<String>,
    pub error_msg: Option<String>,
    pub raw: serde_json::Value,
}

/// The query PortOne appends to `m_redirect_url`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RedirectResult {
    pub imp_uid: Option<String>,
    pub merchant_uid: String,
    pub success: Option<bool>,
    pub error_code: Option<String>,
    pub error_msg: Option<String>,
}

#[derive(Debug)]
pub enum Error {
    InvalidParams(Report),
    Sdk(String),
    InvalidRedirect,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::InvalidParams(r) => write!(f, "invalid_params: {r}"),
            Error::Sdk(m) => write!(f, "sdk_load_failed: {m}"),
            Error::InvalidRedirect => f.write_str("invalid_redirect"),
        }
    }
}

fn to_js(v: &serde_json::Value) -> JsValue {
    JSON::parse(&v.to_string()).unwrap_or(JsValue::NULL)
}

fn from_js(v: &JsValue) -> serde_json::Value {
    JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(serde_json::Value::Null)
}

fn s(v: &serde_json::Value, k: &str) -> Option<String> {
    v.get(k)
        .and_then(|x| x.as_str())
        .filter(|x| !x.is_empty())
        .map(str::to_string)
}

const PENDING: &str = "iamport-pay:pending:";

pub async fn request_pay(
    req: &PaymentRequest,
    options: &PayOptions,
) -> Result<PaymentResult, Error> {
    let check = CheckOptions {
        provider: options.provider,
        mobile: options.mobile.unwrap_or(false),
        webview: false,
    };
    let report = req.check(&check);
    if !report.is_ok() {
        return Err(Error::InvalidParams(report));
    }
    let window = web_sys::window().ok_or_else(|| Error::Sdk("no window".into()))?;
    let imp = Reflect::get(&window, &"IMP".into()).unwrap_or(JsValue::UNDEFINED);
    let call = Reflect::get(&imp, &"request_pay".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| Error::Sdk("window.IMP is not loaded".into()))?;
    let params = req.to_value();
    if options.keep_pending_order {
        if let Ok(Some(storage)) = window.session_storage() {
            let _ = storage.set_item(
                &format!("{PENDING}{}", req.merchant_uid),
                &params.to_string(),
            );
        }
    }
    let js_params = to_js(&params);
    let promise = Promise::new(&mut |resolve, _reject| {
        let cb = Closure::once_into_js(move |res: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &res);
        });
        let _ = call.call2(&imp, &js_params, &cb);
    });
    let res = JsFuture::from(promise)
        .await
        .map_err(|e| Error::Sdk(format!("{e:?}")))?;
    let raw = from_js(&res);
    let error_code = s(&raw, "error_code");
    let error_msg = s(&raw, "error_msg");
    let success = raw
        .get("success")
        .or_else(|| raw.get("imp_success"))
        .and_then(|v| v.as_bool())
        .or_else(|| (error_code.is_some() || error_msg.is_some()).then_some(false));
    Ok(PaymentResult {
        imp_uid: s(&raw, "imp_uid"),
        merchant_uid: s(&raw, "merchant_uid").unwrap_or_default(),
        success,
        error_code,
        error_msg,
        raw,
    })
}

pub fn parse_redirect(query: &str) -> Result<RedirectResult, Error> {
    let q = web_sys::UrlSearchParams::new_with_str(query).map_err(|_| Error::InvalidRedirect)?;
    let get = |k: &str| q.get(k).filter(|v| !v.is_empty());
    let merchant_uid = get("merchant_uid").ok_or(Error::InvalidRedirect)?;
    let error_code = get("error_code");
    let error_msg = get("error_msg");
    let success = match get("imp_success").or_else(|| get("success")).as_deref() {
        Some("true") => Some(true),
        Some("false") => Some(false),
        _ => (error_code.is_some() || error_msg.is_some()).then_some(false),
    };
    Ok(RedirectResult {
        imp_uid: get("imp_uid"),
        merchant_uid,
        success,
        error_code,
        error_msg,
    })
}

pub fn take_pending_order(merchant_uid: &str) -> Result<Option<PendingOrder>, Error> {
    let take = || {
        let storage = web_sys::window()?.session_storage().ok()??;
        let key = format!("{PENDING}{merchant_uid}");
        let raw = storage.get_item(&key).ok()??;
        let _ = storage.remove_item(&key);
        let req: PaymentRequest = serde_json::from_str(&raw).ok()?;
        Some(PendingOrder {
            merchant_uid: req.merchant_uid,
            amount: req.amount,
            name: req.name,
        })
    };
    Ok(take())
}
