//! The browser runtime: the SDK loader, `request_pay` as a Future, the pending order in
//! `sessionStorage`, and the JS exports `loadIamport`, `requestPay`, `parseRedirect` and
//! `takePendingOrder` (API.md, "JS API").
//!
//! Futures sit on the callback layer in `src/js/imp.rs`: dropping one removes its listeners,
//! clears its timer and releases its `merchant_uid`.

use super::imp::{self, current_imp, oneshot, Imp, Listener, Timeout};
use super::{convert, error_object, issues_to_js, set, to_js, Reader};
use crate::check::{check_full, CheckOptions};
use crate::error::{Error, ErrorCode};
use crate::issue::{Code, Issue};
use crate::pending::{self, PendingOrder, Stored};
use crate::provider::Provider;
use crate::redirect::{self, PaymentResult, RedirectResult};
use crate::request::PaymentRequest;
use js_sys::{Object, Reflect, JSON};
use serde_json::Value;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlScriptElement, Storage, Window};

/// PortOne's current V1 SDK, the one every PG here works with.
///
/// js-sdk.mdx ("SDK Library 로드하기") and auth-payment-flow.mdx ("포트원 SDK 설치하기") give
/// `https://cdn.iamport.kr/v1/iamport.js`. KSNET is "supported by the newest SDK only"
/// (002 KSNET guide line 9, which shows this same URL on line 10) and Kiwoom Pay needs SDK
/// 1.2.0 or later (004 Kiwoom guide line 13; `channelKey` "from the newest SDK", daou.mdx).
/// The older versioned files (`iamport.payment-1.x.y.js`) serve neither, so there is one
/// default and it is this URL; `sdkUrl` overrides it for tests and self-hosting.
pub const DEFAULT_SDK_URL: &str = "https://cdn.iamport.kr/v1/iamport.js";

/// How long `loadIamport` waits for the SDK by default.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;

/// Options of [`load_iamport`] (JS `{ userCode, sdkUrl?, timeoutMs? }`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// The merchant id (`imp…`) for `IMP.init`.
    pub user_code: String,
    /// Where to load the SDK from; [`DEFAULT_SDK_URL`] when `None`.
    pub sdk_url: Option<String>,
    /// How long to wait; [`DEFAULT_TIMEOUT_MS`] when `None`.
    pub timeout_ms: Option<u32>,
}

impl LoadOptions {
    /// Options for `user_code` with the default URL and timeout.
    pub fn new(user_code: impl Into<String>) -> Self {
        LoadOptions {
            user_code: user_code.into(),
            ..LoadOptions::default()
        }
    }
}

/// Options of [`request_pay`] (JS `PayOptions`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayOptions {
    /// The PG whose rules apply (needed with `channelKey`).
    pub provider: Option<Provider>,
    /// Redirect (mobile) mode for the checker; `None` detects it from the user agent.
    pub mobile: Option<bool>,
    /// In-app WebView mode for the checker.
    pub webview: bool,
    /// The merchant id for `IMP.init`; needed unless `window.IMP` already exists.
    pub user_code: Option<String>,
    /// Where to load the SDK from; [`DEFAULT_SDK_URL`] when `None`.
    pub sdk_url: Option<String>,
    /// How long to wait for the SDK; [`DEFAULT_TIMEOUT_MS`] when `None`.
    pub timeout_ms: Option<u32>,
    /// Save the order for [`take_pending_order`] before the window opens (default `true`).
    pub keep_pending_order: bool,
}

impl Default for PayOptions {
    fn default() -> Self {
        PayOptions {
            provider: None,
            mobile: None,
            webview: false,
            user_code: None,
            sdk_url: None,
            timeout_ms: None,
            keep_pending_order: true,
        }
    }
}

// ---- errors --------------------------------------------------------------------------------

fn not_in_browser(what: &str) -> Error {
    Error::new(
        ErrorCode::NotInBrowser,
        format!("{what} needs a browser page (there is no window here)"),
    )
}

/// `Error` as the plain object `js/index.js` turns into `IamportPayError`.
pub(crate) fn error_to_js(e: &Error) -> JsValue {
    // The redirect-only wasm never has issues to render: leaving the branch out there keeps
    // the message table out of it.
    let render = !cfg!(all(feature = "npm-redirect", not(feature = "npm")));
    let issues =
        (render && e.code() == ErrorCode::InvalidParams).then(|| issues_to_js(e.issues().iter()));
    error_object(e.code().as_str(), e.message(), issues)
}

fn js_message(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            Reflect::get(e, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "unknown error".to_string())
}

fn user_code_required() -> Error {
    Error::invalid_params(vec![Issue::custom(
        "options.userCode",
        Code::Required,
        "userCode (the merchant id, imp…) is required to load and initialize the SDK",
        "SDK를 불러와 초기화하려면 userCode(고객사 식별코드, imp…)가 필요합니다",
    )])
}

// ---- the loader ----------------------------------------------------------------------------

/// A load shared by every concurrent caller for one URL.
struct SharedLoad {
    url: String,
    state: Rc<RefCell<LoadState>>,
}

#[derive(Default)]
struct LoadState {
    result: Option<Result<(), Error>>,
    wakers: Vec<Waker>,
}

struct WaitLoad(Rc<RefCell<LoadState>>);

impl Future for WaitLoad {
    type Output = Result<(), Error>;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut st = self.0.borrow_mut();
        match &st.result {
            Some(r) => Poll::Ready(r.clone()),
            None => {
                st.wakers.push(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

/// The SDK's `IMP.init` bookkeeping: which `IMP` object we initialized, with which code.
/// PortOne warns against calling `IMP.init` twice (auth-payment-flow.mdx, "SDK 초기화하기").
struct Inited {
    imp: JsValue,
    user_code: String,
}

thread_local! {
    static LOADING: RefCell<Option<SharedLoad>> = const { RefCell::new(None) };
    static INITED: RefCell<Option<Inited>> = const { RefCell::new(None) };
    static OPEN: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn init_once(imp: &Imp, user_code: &str) -> Result<(), Error> {
    let same = INITED.with(|i| {
        i.borrow()
            .as_ref()
            .is_some_and(|i| i.user_code == user_code && Object::is(&i.imp, imp))
    });
    if same {
        return Ok(());
    }
    imp.init(user_code).map_err(|e| {
        Error::new(
            ErrorCode::SdkLoadFailed,
            format!("IMP.init threw: {}", js_message(&e)),
        )
    })?;
    INITED.with(|i| {
        *i.borrow_mut() = Some(Inited {
            imp: AsRef::<JsValue>::as_ref(imp).clone(),
            user_code: user_code.to_string(),
        })
    });
    Ok(())
}

/// The absolute form of `url` against the page, as a script's `src` property reports it.
fn absolute(window: &Window, url: &str) -> String {
    let base = window.location().href().unwrap_or_default();
    web_sys::Url::new_with_base(url, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}

fn find_script(window: &Window, src: &str) -> Option<HtmlScriptElement> {
    let scripts = window.document()?.get_elements_by_tag_name("script");
    (0..scripts.length())
        .filter_map(|i| scripts.item(i))
        .filter_map(|e| e.dyn_into::<HtmlScriptElement>().ok())
        .find(|s| s.src() == src)
}

enum Outcome {
    Loaded,
    Failed,
    TimedOut,
}

/// Waits for a script's `load` or `error`, or for the timeout. Listeners and timer go on drop.
async fn wait_script(window: &Window, script: &HtmlScriptElement, timeout_ms: u32) -> Outcome {
    let (tx, rx) = oneshot();
    let (t1, t2, t3) = (tx.clone(), tx.clone(), tx);
    let _load = Listener::new(script, "load", move |_| {
        t1.send(Outcome::Loaded);
    });
    let _error = Listener::new(script, "error", move |_| {
        t2.send(Outcome::Failed);
    });
    let _timer = Timeout::new(window, timeout_ms, move || {
        t3.send(Outcome::TimedOut);
    });
    rx.await
}

/// Loads the script at `url` (absolute); one load per URL at a time, shared by every caller.
///
/// The load itself runs as its own task, so a caller that gives up (a dropped future) never
/// strands the others; it always settles, because [`wait_script`] has a timeout.
async fn load_script(window: &Window, url: String, timeout_ms: u32) -> Result<(), Error> {
    let shared = LOADING.with(|l| {
        l.borrow()
            .as_ref()
            .filter(|s| s.url == url)
            .map(|s| s.state.clone())
    });
    let state = match shared {
        Some(state) => state,
        None => {
            let state = Rc::new(RefCell::new(LoadState::default()));
            LOADING.with(|l| {
                *l.borrow_mut() = Some(SharedLoad {
                    url: url.clone(),
                    state: state.clone(),
                })
            });
            let (window, task_state) = (window.clone(), state.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = inject_and_wait(&window, &url, timeout_ms).await;
                // Settled: the next caller with no IMP starts over (a retry after an error).
                LOADING.with(|l| {
                    let mut l = l.borrow_mut();
                    if l.as_ref()
                        .is_some_and(|s| Rc::ptr_eq(&s.state, &task_state))
                    {
                        *l = None;
                    }
                });
                let wakers = {
                    let mut st = task_state.borrow_mut();
                    st.result = Some(result);
                    std::mem::take(&mut st.wakers)
                };
                wakers.into_iter().for_each(Waker::wake);
            });
            state
        }
    };
    WaitLoad(state).await
}

async fn inject_and_wait(window: &Window, url: &str, timeout_ms: u32) -> Result<(), Error> {
    let document = window
        .document()
        .ok_or_else(|| not_in_browser("loadIamport"))?;
    // Reuse a tag the page (or an earlier call) already has for this URL.
    let (script, ours) = match find_script(window, url) {
        Some(s) => (s, false),
        None => {
            let s: HtmlScriptElement = document
                .create_element("script")
                .ok()
                .and_then(|e| e.dyn_into().ok())
                .ok_or_else(|| {
                    Error::new(ErrorCode::SdkLoadFailed, "cannot create a script element")
                })?;
            s.set_src(url);
            s.set_async(true);
            let parent: web_sys::Element = match document.head() {
                Some(h) => h.into(),
                None => document.document_element().ok_or_else(|| {
                    Error::new(ErrorCode::SdkLoadFailed, "the page has no root element")
                })?,
            };
            parent
                .append_child(&s)
                .map_err(|e| Error::new(ErrorCode::SdkLoadFailed, js_message(&e)))?;
            (s, true)
        }
    };
    let outcome = wait_script(window, &script, timeout_ms).await;
    if current_imp(window).is_some() {
        return Ok(());
    }
    if ours {
        // A failed tag of ours would only be "reused" by the retry; take it out.
        script.remove();
    }
    Err(match outcome {
        Outcome::Failed => Error::new(
            ErrorCode::SdkLoadFailed,
            format!("the PortOne SDK failed to load from {url}"),
        ),
        Outcome::Loaded => Error::new(
            ErrorCode::SdkTimeout,
            format!("{url} loaded but did not define window.IMP"),
        ),
        Outcome::TimedOut => Error::new(
            ErrorCode::SdkTimeout,
            format!("window.IMP did not appear within {timeout_ms} ms ({url})"),
        ),
    })
}

/// `IMP`, loaded and initialized. `user_code` may be `None` only when `IMP` already exists
/// (the page initialized it itself).
async fn ensure_imp(
    window: &Window,
    user_code: Option<&str>,
    sdk_url: Option<&str>,
    timeout_ms: Option<u32>,
) -> Result<Imp, Error> {
    if let Some(imp) = current_imp(window) {
        if let Some(code) = user_code {
            init_once(&imp, code)?;
        }
        return Ok(imp);
    }
    let code = user_code.ok_or_else(user_code_required)?;
    let url = absolute(window, sdk_url.unwrap_or(DEFAULT_SDK_URL));
    load_script(window, url, timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS)).await?;
    let imp = current_imp(window).ok_or_else(|| {
        Error::new(
            ErrorCode::SdkTimeout,
            "window.IMP disappeared after loading",
        )
    })?;
    init_once(&imp, code)?;
    Ok(imp)
}

/// Loads PortOne's SDK (once; concurrent callers share the load), reusing a `<script>` tag
/// or a `window.IMP` that is already there, and calls `IMP.init(user_code)`.
///
/// # Errors
/// `invalid_params` for an empty `user_code`; `sdk_load_failed` when the script fails;
/// `sdk_timeout` when it loads without defining `IMP` or takes longer than the timeout;
/// `not_in_browser` without a `window`.
pub async fn load_iamport(options: &LoadOptions) -> Result<(), Error> {
    let window = web_sys::window().ok_or_else(|| not_in_browser("loadIamport"))?;
    if options.user_code.is_empty() {
        return Err(user_code_required());
    }
    ensure_imp(
        &window,
        Some(&options.user_code),
        options.sdk_url.as_deref(),
        options.timeout_ms,
    )
    .await
    .map(drop)
}

// ---- request_pay ---------------------------------------------------------------------------

/// Holds a `merchant_uid` open while its request runs; releases it on drop.
struct OpenOrder(String);

impl OpenOrder {
    fn claim(merchant_uid: &str) -> Result<Self, Error> {
        OPEN.with(|open| {
            let mut open = open.borrow_mut();
            if open.iter().any(|m| m == merchant_uid) {
                return Err(Error::new(
                    ErrorCode::DuplicateRequest,
                    format!("a payment for merchant_uid \"{merchant_uid}\" is still open"),
                ));
            }
            open.push(merchant_uid.to_string());
            Ok(OpenOrder(merchant_uid.to_string()))
        })
    }
}

impl Drop for OpenOrder {
    fn drop(&mut self) {
        OPEN.with(|open| open.borrow_mut().retain(|m| m != &self.0));
    }
}

/// Whether this browser gets PortOne's redirect flow: a mobile user agent, or iPadOS
/// (which claims to be a Mac, but has touch points).
pub fn detect_mobile() -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let ua = nav.user_agent().unwrap_or_default();
    redirect::is_mobile_user_agent(&ua)
        || (redirect::contains(&ua, "Macintosh") && nav.max_touch_points() > 1)
}

fn now_ms() -> u64 {
    let t = js_sys::Date::now();
    if t.is_finite() && t > 0.0 {
        t as u64
    } else {
        0
    }
}

fn session_storage(window: &Window) -> Option<Storage> {
    window.session_storage().ok().flatten()
}

/// Saves the order, and drops expired or damaged entries of ours. Best effort: a browser
/// that refuses storage (private mode quota, sandboxed frame) does not block the payment.
fn save_pending(window: &Window, normalized: &Value) {
    let Some(storage) = session_storage(window) else {
        return;
    };
    let now = now_ms();
    sweep(&storage, now);
    if let Some(order) = PendingOrder::from_params(normalized, now) {
        if let Ok(text) = JSON::stringify(&to_js(&order.to_value())) {
            let text: String = text.into();
            let _ = storage.set_item(&pending::storage_key(&order.merchant_uid), &text);
        }
    }
}

fn read_entry(raw: &str, merchant_uid: &str, now: u64) -> Stored {
    let Ok(parsed) = JSON::parse(raw) else {
        return Stored::Corrupt;
    };
    let value = Reader::new().read_root(&parsed).unwrap_or(Value::Null);
    pending::read_stored(&value, merchant_uid, now)
}

fn sweep(storage: &Storage, now: u64) {
    let n = storage.length().unwrap_or(0);
    let stale: Vec<String> = (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| {
            let uid = key.strip_prefix(pending::STORAGE_PREFIX)?.to_string();
            let raw = storage.get_item(&key).ok().flatten()?;
            (!matches!(read_entry(&raw, &uid, now), Stored::Valid(_))).then_some(key)
        })
        .collect();
    for key in stale {
        let _ = storage.remove_item(&key);
    }
}

/// Returns and removes the order [`request_pay`] saved for `merchant_uid`: `None` when there
/// is none, it expired ([`pending::PENDING_TTL_MS`]) or it is damaged (all three are removed
/// too, so a reload never processes an order twice), or when storage is unavailable.
///
/// # Errors
/// `not_in_browser` without a `window`.
pub fn take_pending_order(merchant_uid: &str) -> Result<Option<PendingOrder>, Error> {
    let window = web_sys::window().ok_or_else(|| not_in_browser("takePendingOrder"))?;
    let Some(storage) = session_storage(&window) else {
        return Ok(None);
    };
    let key = pending::storage_key(merchant_uid);
    let Some(raw) = storage.get_item(&key).ok().flatten() else {
        return Ok(None);
    };
    let _ = storage.remove_item(&key);
    Ok(match read_entry(&raw, merchant_uid, now_ms()) {
        Stored::Valid(order) => Some(order),
        Stored::Expired | Stored::Corrupt => None,
    })
}

/// What one `request_pay` needs besides the params.
struct Run {
    check: CheckOptions,
    user_code: Option<String>,
    sdk_url: Option<String>,
    timeout_ms: Option<u32>,
    keep_pending_order: bool,
}

/// The shared path of `requestPay` and [`request_pay`]: check, claim the order, load, save,
/// call, await the first callback. Returns the raw response and the request's merchant_uid.
async fn pay(params: &Value, pre: Vec<Issue>, run: Run) -> Result<(JsValue, String), Error> {
    let (report, normalized) = check_full(params, &run.check, pre);
    let normalized = match normalized {
        Some(n) if report.is_ok() => n,
        _ => return Err(Error::invalid_params(report.into_issues())),
    };
    let window = web_sys::window().ok_or_else(|| not_in_browser("requestPay"))?;
    // The checker requires a non-empty merchant_uid, so this is always a string here.
    let merchant_uid = normalized
        .get("merchant_uid")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    // Claimed before the load, so a second call during the load is refused too.
    let _open = OpenOrder::claim(&merchant_uid)?;
    let imp = ensure_imp(
        &window,
        run.user_code.as_deref(),
        run.sdk_url.as_deref(),
        run.timeout_ms,
    )
    .await?;
    if run.keep_pending_order {
        save_pending(&window, &normalized);
    }
    let (tx, rx) = oneshot();
    let callback = imp::response_callback(tx);
    if let Err(e) = imp.request_pay(&to_js(&normalized), &callback) {
        // No window opened: the saved order would only mislead a later landing page.
        if let Some(storage) = session_storage(&window).filter(|_| run.keep_pending_order) {
            let _ = storage.remove_item(&pending::storage_key(&merchant_uid));
        }
        return Err(Error::new(
            ErrorCode::SdkLoadFailed,
            format!("IMP.request_pay threw: {}", js_message(&e)),
        ));
    }
    let response = rx.await;
    Ok((response, merchant_uid))
}

/// Checks `request`, loads and initializes the SDK if needed, calls `IMP.request_pay`, and
/// resolves with the callback's response, typed. A failed or cancelled payment is an `Ok`
/// with `success == Some(false)`. **The result is unverified**: the server must call
/// `GET /payments/{imp_uid}` and compare the amount with the order.
///
/// In redirect (mobile) mode PortOne navigates to `m_redirect_url` and the future never
/// completes; the landing page uses [`parse_redirect`](crate::parse_redirect) and
/// [`take_pending_order`]. Dropping the future releases the `merchant_uid`; a callback that
/// arrives afterwards is ignored.
///
/// # Errors
/// `invalid_params` (before anything opens), `duplicate_request` while another request for
/// the same `merchant_uid` runs, `sdk_load_failed` / `sdk_timeout` from the loader (or when
/// `IMP.request_pay` throws: `sdk_load_failed`), `not_in_browser` without a `window`.
pub async fn request_pay(
    request: &PaymentRequest,
    options: &PayOptions,
) -> Result<PaymentResult, Error> {
    let check = CheckOptions {
        provider: options.provider,
        mobile: options.mobile.unwrap_or_else(detect_mobile),
        webview: options.webview,
    };
    let run = Run {
        check,
        user_code: options.user_code.clone().filter(|c| !c.is_empty()),
        sdk_url: options.sdk_url.clone(),
        timeout_ms: options.timeout_ms,
        keep_pending_order: options.keep_pending_order,
    };
    let (response, merchant_uid) = pay(&request.to_value(), Vec::new(), run).await?;
    let value = Reader::new().read_root(&response).unwrap_or(Value::Null);
    Ok(PaymentResult::from_response(value, &merchant_uid))
}

// ---- JS exports ----------------------------------------------------------------------------

fn opt_string(options: &JsValue, key: &str) -> Option<String> {
    convert::get_prop(options, key)
        .as_string()
        .filter(|s| !s.is_empty())
}

fn opt_timeout(options: &JsValue) -> Option<u32> {
    let t = convert::get_prop(options, "timeoutMs").as_f64()?;
    (t.is_finite() && t >= 0.0).then(|| t.min(u32::MAX as f64) as u32)
}

/// `loadIamport({ userCode, sdkUrl?, timeoutMs? }): Promise<void>`.
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = loadIamport))]
pub async fn load_iamport_js(options: JsValue) -> Result<(), JsValue> {
    let options = LoadOptions {
        user_code: opt_string(&options, "userCode").unwrap_or_default(),
        sdk_url: opt_string(&options, "sdkUrl"),
        timeout_ms: opt_timeout(&options),
    };
    load_iamport(&options).await.map_err(|e| error_to_js(&e))
}

/// `requestPay(params, options?): Promise<PaymentResult>`.
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = requestPay))]
pub async fn request_pay_js(params: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let mut reader = Reader::new();
    let value = reader.read_root(&params).unwrap_or(Value::Null);
    let mut pre = reader.issues;
    let mut check = super::read_options(&options, &mut pre);
    if convert::get_prop(&options, "mobile").as_bool().is_none() {
        check.mobile = detect_mobile();
    }
    let run = Run {
        check,
        user_code: opt_string(&options, "userCode"),
        sdk_url: opt_string(&options, "sdkUrl"),
        timeout_ms: opt_timeout(&options),
        keep_pending_order: convert::get_prop(&options, "keepPendingOrder").as_bool()
            != Some(false),
    };
    let (response, merchant_uid) = pay(&value, pre, run).await.map_err(|e| error_to_js(&e))?;
    Ok(payment_result_js(&response, &merchant_uid))
}

/// The JS `PaymentResult`: a copy of every own field of the response, `success` normalized,
/// `merchant_uid` / `imp_uid` filled when missing, and `verified: false`.
fn payment_result_js(response: &JsValue, merchant_uid: &str) -> JsValue {
    let typed = PaymentResult::from_response(
        Reader::new().read_root(response).unwrap_or(Value::Null),
        merchant_uid,
    );
    let out = Object::new();
    if response.is_object() {
        let _ = Object::assign(&out, response.unchecked_ref());
    }
    let missing =
        |key: &str| Reflect::get(&out, &JsValue::from_str(key)).map_or(true, |v| v.is_undefined());
    if missing("imp_uid") {
        set(&out, "imp_uid", &JsValue::NULL);
    }
    if missing("merchant_uid") {
        set(
            &out,
            "merchant_uid",
            &JsValue::from_str(&typed.merchant_uid),
        );
    }
    set(&out, "success", &opt_bool(typed.success));
    set(&out, "verified", &JsValue::FALSE);
    out.into()
}

fn opt_bool(b: Option<bool>) -> JsValue {
    b.map_or(JsValue::NULL, JsValue::from_bool)
}

fn opt_str(s: &Option<String>) -> JsValue {
    s.as_deref().map_or(JsValue::NULL, JsValue::from_str)
}

/// The JS `RedirectResult`, with `verified: false`.
pub(crate) fn redirect_result_js(r: &RedirectResult) -> JsValue {
    let out = Object::new();
    set(&out, "imp_uid", &opt_str(&r.imp_uid));
    set(&out, "merchant_uid", &JsValue::from_str(&r.merchant_uid));
    set(&out, "success", &opt_bool(r.success));
    set(&out, "error_code", &opt_str(&r.error_code));
    set(&out, "error_msg", &opt_str(&r.error_msg));
    set(&out, "verified", &JsValue::FALSE);
    out.into()
}

/// Parses the current page's URL (`window.location.href`) as an `m_redirect_url` landing.
///
/// # Errors
/// `not_in_browser` without a `window`; `invalid_redirect` as in
/// [`parse_redirect`](crate::parse_redirect).
pub fn parse_current_redirect() -> Result<RedirectResult, Error> {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .ok_or_else(|| not_in_browser("parseRedirect() without input"))?;
    redirect::parse_redirect(&href)
}

/// `parseRedirect(input?: string | URL | Location): RedirectResult`.
#[cfg_attr(any(feature = "npm", feature = "npm-redirect"), wasm_bindgen(js_name = parseRedirect))]
pub fn parse_redirect_js(input: JsValue) -> Result<JsValue, JsValue> {
    let result = if input.is_undefined() || input.is_null() {
        parse_current_redirect()
    } else if let Some(s) = input.as_string() {
        redirect::parse_redirect(&s)
    } else if let Some(href) = convert::get_prop(&input, "href").as_string() {
        // A URL or a Location: both expose the whole URL as `href`.
        redirect::parse_redirect(&href)
    } else {
        Err(Error::new(
            ErrorCode::InvalidRedirect,
            "parseRedirect takes a URL string, a query string, a URL or a Location",
        ))
    };
    result
        .map(|r| redirect_result_js(&r))
        .map_err(|e| error_to_js(&e))
}

/// `takePendingOrder(merchantUid): PendingOrder | null`.
#[cfg_attr(any(feature = "npm", feature = "npm-redirect"), wasm_bindgen(js_name = takePendingOrder))]
pub fn take_pending_order_js(merchant_uid: JsValue) -> Result<JsValue, JsValue> {
    let Some(uid) = merchant_uid.as_string() else {
        return Ok(JsValue::NULL);
    };
    match take_pending_order(&uid) {
        Ok(Some(order)) => Ok(to_js(&order.to_value())),
        Ok(None) => Ok(JsValue::NULL),
        Err(e) => Err(error_to_js(&e)),
    }
}
