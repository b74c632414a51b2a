//! The browser runtime's Rust half: the typed API over `js/runtime.js` (a wasm-bindgen
//! snippet that holds the SDK loader and each request's flow), the check and the pending
//! order in `sessionStorage`, and the JS exports `loadIamport`, `requestPay`,
//! `parseRedirect` and `takePendingOrder` (API.md, "JS API").
//!
//! The `merchant_uid` lock is taken synchronously when a request is
//! made and outlives the future once the SDK was called: only the SDK's callback or a
//! navigation (`pagehide`, `pageshow` from the back-forward cache) frees an order whose
//! window may be open. Callbacks that do not settle a request are announced as late results
//! (`iamport-pay:late-result` on `window`, `console.warn`, [`on_late_result`]). That state
//! machine is JS; Rust reads each callback's response ([`PaymentResult`], one reader) and
//! turns the JS Promise into a Future. The npm exports run no Rust future at all.

use super::{check_normalized, convert, error_object, issues_to_js, read_params, set, Reader};
use crate::check::CheckOptions;
use crate::error::{Error, ErrorCode};
use crate::issue::{Code, Issue};
use crate::pending::{self, Fields, PendingOrder, Verdict};
use crate::provider::Provider;
use crate::redirect::{self, PaymentResult, RedirectResult, Summary};
use crate::request::PaymentRequest;
use crate::rules::tree::{Doc, Tree};
use js_sys::{Object, Promise, Reflect, JSON};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Storage, Window};

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

pub(crate) fn not_in_browser(what: &str) -> Error {
    // Not `concat`: the redirect entry's wasm has no other use for it.
    let mut message = what.to_string();
    message.push_str(" needs a browser page (there is no window here)");
    Error::new(ErrorCode::NotInBrowser, message)
}

/// `Error` as the plain object `js/index.js` turns into `IamportPayError`.
/// An `invalid_params` error goes without its message: the wrapper renders the issues and
/// the message from them (`js/index.js`, `invalidParams`), the text `Error::message` gives.
pub(crate) fn error_to_js(e: &Error) -> JsValue {
    if e.code() == ErrorCode::InvalidParams {
        return error_object(e.code().as_str(), "", Some(issues_to_js(e.issues().iter())));
    }
    error_object(e.code().as_str(), e.message_as_made(), None)
}

fn user_code_required() -> Error {
    Error::invalid_params(vec![Issue::custom(
        "options.userCode",
        Code::Required,
        "userCode (the merchant id, imp…) is required to load and initialize the SDK",
        "SDK를 불러와 초기화하려면 userCode(고객사 식별코드, imp…)가 필요합니다",
    )])
}

// ---- the JS half -----------------------------------------------------------------------------

// The loader and the request flow are JS (`js/runtime.js`, a wasm-bindgen snippet): the npm
// package and a Rust app run that one implementation; this is its typed façade.
#[wasm_bindgen(module = "/js/runtime.js")]
extern "C" {
    /// `window.IMP` when it looks like the SDK (an object with a `request_pay` function).
    #[wasm_bindgen(js_name = currentImp)]
    fn current_imp() -> Option<Object>;
    /// Loads the SDK at `url` unless `window.IMP` is there, and calls `IMP.init(user_code)`
    /// (unless this `IMP` was initialized with it already); rejects with an error object
    /// whose `code` is `sdk_load_failed` or `sdk_timeout`.
    #[wasm_bindgen(js_name = loadImp)]
    fn load_imp(user_code: &str, url: &str, timeout_ms: u32) -> Promise;
    /// One request's half in JS: its lock on the `merchant_uid`, its flow and its callback.
    type Request;
    /// Locks `merchant_uid`, or throws the `duplicate_request` error object.
    #[wasm_bindgen(js_name = claimOrder, catch)]
    fn claim_order(merchant_uid: &str, redirect: bool) -> Result<Request, JsValue>;
    /// Loads (unless `IMP` is there; `user_code` "" skips `IMP.init`), saves the pending
    /// order (`pending_key` "" saves nothing), calls `IMP.request_pay` and settles with the
    /// first own callback, or rejects with an error object. `rust` (a polled future): it
    /// opens now and settles with `normalize`'s array; else (the JS export) it opens in a
    /// microtask and settles with the JS `PaymentResult`.
    #[wasm_bindgen(method)]
    #[allow(clippy::too_many_arguments)]
    fn go(
        this: &Request,
        params: &JsValue,
        user_code: &str,
        url: &str,
        timeout_ms: u32,
        pending_key: &str,
        pending_text: &str,
        normalize: &JsValue,
        rust: bool,
    ) -> Promise;
    /// The future was dropped: frees the order while the SDK loads; an open one stays locked.
    #[wasm_bindgen(method)]
    fn cancel(this: &Request);
    /// Installs the one Rust late-result hook: `(copy, requested_merchant_uid, reason)`.
    #[wasm_bindgen(js_name = setLateHook)]
    fn set_late_hook(hook: &JsValue);
}

/// An error object of `js/runtime.js` (`{ code, message }`) as an [`Error`]. A code it does
/// not name is read as the safe one: the payment's state is unknown.
fn js_error(e: &JsValue) -> Error {
    let code = match convert::get_prop(e, "code").as_string().as_deref() {
        Some("sdk_load_failed") => ErrorCode::SdkLoadFailed,
        Some("sdk_timeout") => ErrorCode::SdkTimeout,
        Some("duplicate_request") => ErrorCode::DuplicateRequest,
        _ => ErrorCode::PaymentStateUnknown,
    };
    let message = convert::get_prop(e, "message")
        .as_string()
        .unwrap_or_default();
    Error::new(code, message)
}

/// Loads PortOne's SDK (once; concurrent callers share the load), reusing a `<script>` tag
/// or a `window.IMP` that is already there, and calls `IMP.init(user_code)`.
///
/// A tag already on the page that failed, or ran without defining `IMP`, is not waited on: a
/// fresh tag is injected. Each caller waits its own `timeout_ms`; the shared load keeps going
/// for callers that allowed more.
///
/// # Errors
/// `invalid_params` for an empty `user_code`; `sdk_load_failed` when the script fails or
/// throws while it runs; `sdk_timeout` when it loads without defining `IMP` or takes longer
/// than the timeout; `not_in_browser` without a `window`.
pub async fn load_iamport(options: &LoadOptions) -> Result<(), Error> {
    let load = start_load(options)?;
    wasm_bindgen_futures::JsFuture::from(load)
        .await
        .map(drop)
        .map_err(|e| js_error(&e))
}

/// The synchronous half of [`load_iamport`]: the Promise of `js/runtime.js`'s load.
fn start_load(options: &LoadOptions) -> Result<Promise, Error> {
    web_sys::window().ok_or_else(|| not_in_browser("loadIamport"))?;
    if options.user_code.is_empty() {
        return Err(user_code_required());
    }
    Ok(load_imp(
        &options.user_code,
        options.sdk_url.as_deref().unwrap_or(DEFAULT_SDK_URL),
        options.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS),
    ))
}

// ---- request_pay: the check, the pending order, late results -------------------------------

/// Why a callback was announced as a late result instead of settling `request_pay`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LateReason {
    /// The request had already settled with another result (another `imp_uid` or `success`).
    Differs,
    /// The request had rejected with `payment_state_unknown` (or the buyer came back with
    /// Back); this callback is the answer it did not have.
    AfterRejection,
    /// The callback names another `merchant_uid` than the request's.
    OtherOrder,
    /// The future was dropped while the window was open.
    AfterDrop,
}

/// [`LateReason`] by the index `js/runtime.js` gives it (`DIFFERS` … `AFTER_DROP`).
const LATE_REASONS: [LateReason; 4] = [
    LateReason::Differs,
    LateReason::AfterRejection,
    LateReason::OtherOrder,
    LateReason::AfterDrop,
];

/// A callback that did not settle its `request_pay` (see [`on_late_result`]).
#[derive(Clone, Debug, PartialEq)]
pub struct LateResult {
    /// The callback's result, as `request_pay` would have returned it (unverified).
    pub result: PaymentResult,
    /// The `merchant_uid` of the request the callback was given to.
    pub requested_merchant_uid: String,
    /// Why it is late.
    pub reason: LateReason,
}

type LateHook = Rc<dyn Fn(&LateResult)>;

thread_local! {
    static LATE_HOOKS: RefCell<Vec<(u64, LateHook)>> = const { RefCell::new(Vec::new()) };
    static NEXT_HOOK: Cell<u64> = const { Cell::new(1) };
    static LATE_HOOK_SET: Cell<bool> = const { Cell::new(false) };
    /// `normalize` as a JS function, made once for the page's lifetime.
    static NORMALIZE: JsValue =
        Closure::<dyn Fn(JsValue, String) -> JsValue>::new(normalize).into_js_value();
}

/// Stops the hook [`on_late_result`] registered when dropped; [`LateResultHook::forget`] keeps
/// it for the page's lifetime.
#[must_use = "dropping the handle unregisters the hook at once"]
pub struct LateResultHook {
    id: u64,
}

impl LateResultHook {
    /// Keeps the hook registered for good.
    pub fn forget(self) {
        std::mem::forget(self);
    }
}

impl Drop for LateResultHook {
    fn drop(&mut self) {
        let id = self.id;
        LATE_HOOKS.with(|h| h.borrow_mut().retain(|(i, _)| *i != id));
    }
}

/// Calls `hook` with every late result: a callback that arrives after its `request_pay`
/// settled and differs from the result (another `imp_uid` or `success`), any callback after a
/// `payment_state_unknown` rejection or after the future was dropped, and a callback that
/// names another `merchant_uid`. The Rust side of the JS `iamport-pay:late-result` event
/// (which is dispatched as well, with a `console.warn`). Such a result is as unverified as
/// any other: look it up on the server before acting on it.
pub fn on_late_result(hook: impl Fn(&LateResult) + 'static) -> LateResultHook {
    if !LATE_HOOK_SET.with(|s| s.replace(true)) {
        let f = Closure::<dyn Fn(JsValue, String, u32)>::new(run_late_hooks);
        set_late_hook(&f.into_js_value());
    }
    let id = NEXT_HOOK.with(|n| n.replace(n.get() + 1));
    LATE_HOOKS.with(|h| h.borrow_mut().push((id, Rc::new(hook))));
    LateResultHook { id }
}

/// The JS late-result hook: every Rust hook, with the callback's result typed.
fn run_late_hooks(copy: JsValue, requested: String, reason: u32) {
    let Some(&reason) = LATE_REASONS.get(reason as usize) else {
        return;
    };
    let hooks: Vec<LateHook> =
        LATE_HOOKS.with(|h| h.borrow().iter().map(|(_, f)| f.clone()).collect());
    if hooks.is_empty() {
        return;
    }
    let late = LateResult {
        result: typed_result(&copy, &requested),
        requested_merchant_uid: requested,
        reason,
    };
    for hook in hooks {
        hook(&late);
    }
}

/// The event name of a late result on `window` (`CustomEvent`, `detail`: a `PaymentResult`).
pub const LATE_RESULT_EVENT: &str = "iamport-pay:late-result";

/// A callback's response read without trusting it, for `js/runtime.js`: `[out, copy,
/// merchant_uid, imp_uid, success]`. `copy` has every own field of the response (defined, so
/// an own `__proto__` key stays data; a getter or proxy trap that throws leaves its field
/// out); `out` is the JS `PaymentResult`: a copy of `copy` with `success` normalized,
/// `merchant_uid` / `imp_uid` filled when missing and `verified: false`. The last three are
/// the typed result's, which decide whether the callback settles its request. Nothing here
/// throws.
fn normalize(response: JsValue, merchant_uid: String) -> JsValue {
    let copy = convert::copy_own_fields(&response);
    let typed = Summary::of(&read_tree(&copy), &merchant_uid);
    let out = convert::copy_own_fields(&copy);
    let missing =
        |key: &str| Reflect::get(&out, &JsValue::from_str(key)).map_or(true, |v| v.is_undefined());
    let define = |key: &str, v: &JsValue| convert::define(&out, &JsValue::from_str(key), v);
    if missing("imp_uid") {
        define("imp_uid", &JsValue::NULL);
    }
    let uid = JsValue::from_str(&typed.merchant_uid);
    if missing("merchant_uid") {
        define("merchant_uid", &uid);
    }
    let success = opt_bool(typed.success);
    define("success", &success);
    define("verified", &JsValue::FALSE);
    let out: JsValue = out.into();
    let parts = [out, copy.into(), uid, opt_str(&typed.imp_uid), success];
    parts.iter().collect::<js_sys::Array>().into()
}

/// The typed result of a copied response (see [`normalize`]).
fn typed_result(copy: &JsValue, merchant_uid: &str) -> PaymentResult {
    PaymentResult::from_response(read_tree(copy).to_value(), merchant_uid)
}

/// The careful reader's tree of `v` (`null` for what it cannot represent).
fn read_tree(v: &JsValue) -> Doc<'static> {
    Reader::new().read_doc(v).unwrap_or(Doc::Null)
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
    pending::clock_ms(js_sys::Date::now())
}

fn session_storage(window: &Window) -> Option<Storage> {
    window.session_storage().ok().flatten()
}

/// The pending order's storage key and text, for `js/runtime.js` to save just before the
/// window opens; expired or damaged entries of ours are dropped now. `None` when storage is
/// unavailable (a browser that refuses it does not block the payment).
/// The stored order as plain JS data, in `PendingOrder::into_value`'s key order (a
/// `serde_json::Map`'s: sorted), `customData` only when there is one.
fn order_js(f: &Fields, custom_data: Option<JsValue>) -> JsValue {
    let text = |s: &Option<String>| s.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    let out = Object::new();
    set(&out, "amount", &JsValue::from_f64(f.amount as f64));
    set(&out, "createdAt", &JsValue::from_f64(f.created_at as f64));
    if let Some(data) = custom_data {
        set(&out, "customData", &data);
    }
    set(&out, "merchant_uid", &JsValue::from_str(&f.merchant_uid));
    set(&out, "name", &text(&f.name));
    set(&out, "pg", &text(&f.pg));
    out.into()
}

/// The pending order's storage key and text, for `js/runtime.js` to save just before the
/// window opens; expired or damaged entries of ours are dropped now. `None` when storage is
/// unavailable (a browser that refuses it does not block the payment). `order` is the order's
/// fields and its `customData` (the normalized params', as JS data), taken at `now`.
fn pending_entry(
    window: &Window,
    order: (Fields, Option<JsValue>),
    now: u64,
) -> Option<(String, String)> {
    let storage = session_storage(window)?;
    sweep(&storage, now);
    let (fields, custom_data) = order;
    let key = pending::storage_key(&fields.merchant_uid);
    let text: String = JSON::stringify(&order_js(&fields, custom_data))
        .ok()?
        .into();
    Some((key, text))
}

/// A stored entry's tree (`JSON.parse`, then the careful reader); `None` when it is not JSON.
fn read_entry(raw: &str) -> Option<Doc<'static>> {
    JSON::parse(raw).ok().map(|parsed| read_tree(&parsed))
}

/// The fields of a stored entry that is the order of `merchant_uid` and not expired.
fn valid_entry(entry: &Doc<'_>, merchant_uid: &str, now: u64) -> Option<Fields> {
    Fields::read(entry).filter(|f| f.verdict(merchant_uid, now) == Verdict::Valid)
}

/// The stored order of `merchant_uid` (taken out of storage), as `take` reads it.
fn take_entry<T>(
    merchant_uid: &str,
    take: impl FnOnce(&Doc<'_>, Fields) -> T,
) -> Result<Option<T>, Error> {
    let window = web_sys::window().ok_or_else(|| not_in_browser("takePendingOrder"))?;
    let Some(storage) = session_storage(&window) else {
        return Ok(None);
    };
    let key = pending::storage_key(merchant_uid);
    let Some(raw) = storage.get_item(&key).ok().flatten() else {
        return Ok(None);
    };
    let _ = storage.remove_item(&key);
    Ok(read_entry(&raw).and_then(|entry| {
        let fields = valid_entry(&entry, merchant_uid, now_ms())?;
        Some(take(&entry, fields))
    }))
}

fn sweep(storage: &Storage, now: u64) {
    let n = storage.length().unwrap_or(0);
    let stale: Vec<String> = (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| {
            let uid = key.strip_prefix(pending::STORAGE_PREFIX)?.to_string();
            let raw = storage.get_item(&key).ok().flatten()?;
            let valid = read_entry(&raw).and_then(|e| valid_entry(&e, &uid, now));
            valid.is_none().then_some(key)
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
    take_entry(merchant_uid, |entry, fields| {
        let custom_data = entry.get("customData").filter(|d| !d.is_null());
        fields.into_order(custom_data.map(Doc::to_value))
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

/// A checked request holding its `merchant_uid`'s lock: the synchronous half of
/// `requestPay` / [`request_pay`].
struct Prepared {
    params: JsValue,
    merchant_uid: String,
    request: Request,
    pending: Option<(String, String)>,
    run: Run,
}

/// Checks and claims the order, synchronously (so two calls in one tick cannot both pass).
fn prepare(params: &Doc<'_>, pre: Vec<Issue>, run: Run) -> Result<Prepared, Error> {
    let now = now_ms();
    let checked = check_normalized(params, &run.check, pre, |root, coerced| {
        // The checker requires a non-empty merchant_uid, so this is always a string here.
        let merchant_uid = root.get("merchant_uid").and_then(Tree::str);
        // The order as the normalized params give it: the coerced amount, if any, and a
        // `custom_data` without its `null` object values.
        let amount = coerced
            .iter()
            .find(|(k, _)| *k == "amount")
            .map(|(_, n)| *n);
        let fields = run
            .keep_pending_order
            .then(|| Fields::from_params(root, amount, now));
        let order = fields.flatten().map(|fields| {
            let data = root.get("custom_data").filter(|v| !v.is_null());
            (fields, data.map(|d| convert::write_doc(d, true)))
        });
        (merchant_uid.unwrap_or_default().to_string(), order)
    });
    let (params, (merchant_uid, order)) =
        checked.map_err(|report| Error::invalid_params(report.into_issues()))?;
    let window = web_sys::window().ok_or_else(|| not_in_browser("requestPay"))?;
    // Claimed before the load, so a second call during the load is refused too.
    let request = claim_order(&merchant_uid, run.check.mobile).map_err(|e| js_error(&e))?;
    let pending = order.and_then(|order| pending_entry(&window, order, now));
    Ok(Prepared {
        params,
        merchant_uid,
        request,
        pending,
        run,
    })
}

/// The asynchronous half, started: load, save the pending order, call `IMP.request_pay`; the
/// Promise settles with the first own callback (`rust`: `normalize`'s array) or an error
/// object. With `IMP` there the SDK is called in the buyer's click: now (`rust`, a polled
/// future) or in a microtask (the JS export).
fn start(p: &Prepared, rust: bool) -> Result<Promise, Error> {
    let user_code = p.run.user_code.as_deref().unwrap_or_default();
    if user_code.is_empty() && current_imp().is_none() {
        p.request.cancel();
        return Err(user_code_required());
    }
    let (key, text) = p.pending.as_ref().map_or(("", ""), |(k, t)| (k, t));
    Ok(NORMALIZE.with(|normalize| {
        p.request.go(
            &p.params,
            user_code,
            p.run.sdk_url.as_deref().unwrap_or(DEFAULT_SDK_URL),
            p.run.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS),
            key,
            text,
            normalize,
            rust,
        )
    }))
}

/// A prepared request owned by a Rust future: cancelled when the future is dropped, polled
/// or not (see [`request_pay`]). After the request settled, that does nothing.
struct CancelOnDrop(Prepared);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.request.cancel();
    }
}

/// Checks `request`, loads and initializes the SDK if needed, calls `IMP.request_pay`, and
/// resolves with the callback's response, typed. A failed or cancelled payment is an `Ok`
/// with `success == Some(false)`. **The result is unverified**: the server must call
/// `GET /payments/{imp_uid}` and compare the amount with the order.
///
/// **The check and the `merchant_uid` lock happen when `request_pay` is called**, before
/// the returned future is first polled: a second `request_pay` for the same order, even in
/// the same tick, gets `duplicate_request` (so does a JS `requestPay`). Dropping the future
/// before the SDK was called releases the order. Once `IMP.request_pay` was called, only
/// the SDK's callback or a navigation releases it: dropping the future then keeps the order
/// locked, and the callback is announced through [`on_late_result`].
///
/// In redirect (mobile) mode PortOne navigates to `m_redirect_url` and the future does not
/// complete; the landing page uses [`parse_redirect`](crate::parse_redirect) and
/// [`take_pending_order`]. If the page comes back from the back-forward cache instead (the
/// buyer pressed Back), the order is released and the future completes with
/// `payment_state_unknown`.
///
/// # Errors
/// `invalid_params` (before anything opens), `duplicate_request` while another request for
/// the same `merchant_uid` is open, `sdk_load_failed` / `sdk_timeout` from the loader,
/// `payment_state_unknown` when `IMP.request_pay` throws or its promise rejects (the window
/// may be open: check the server before retrying; the order stays locked until a callback,
/// which goes to [`on_late_result`], or a navigation), `not_in_browser` without a `window`.
pub fn request_pay(
    request: &PaymentRequest,
    options: &PayOptions,
) -> impl Future<Output = Result<PaymentResult, Error>> + 'static {
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
    let value = request.to_value();
    let prepared = prepare(&Doc::from_value(&value), Vec::new(), run).map(CancelOnDrop);
    async move {
        let CancelOnDrop(p) = &prepared?;
        let settled = wasm_bindgen_futures::JsFuture::from(start(p, true)?).await;
        let whole = settled.map_err(|e| js_error(&e))?;
        let copy = Reflect::get_u32(&whole, 1).unwrap_or(JsValue::UNDEFINED);
        Ok(typed_result(&copy, &p.merchant_uid))
    }
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

fn load_options_js(options: &JsValue) -> LoadOptions {
    LoadOptions {
        user_code: opt_string(options, "userCode").unwrap_or_default(),
        sdk_url: opt_string(options, "sdkUrl"),
        timeout_ms: opt_timeout(options),
    }
}

/// `loadIamport({ userCode, sdkUrl?, timeoutMs? }): Promise<void>`, as a Rust future.
pub async fn load_iamport_js(options: JsValue) -> Result<(), JsValue> {
    load_iamport(&load_options_js(&options))
        .await
        .map_err(|e| error_to_js(&e))
}

/// The `loadIamport` export: the Promise of `js/runtime.js`'s load (no Rust future).
#[cfg(feature = "npm")]
#[wasm_bindgen(js_name = loadIamport)]
pub fn load_iamport_export(options: JsValue) -> Promise {
    start_load(&load_options_js(&options)).unwrap_or_else(|e| Promise::reject(&error_to_js(&e)))
}

/// `requestPay(params, options?): Promise<PaymentResult>`. The params are read and checked,
/// and the `merchant_uid` locked, synchronously, before the promise is returned (see
/// [`request_pay`]); with `IMP` on the page, `IMP.request_pay` is called before it returns.
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = requestPay))]
pub fn request_pay_js(params: JsValue, options: JsValue) -> Promise {
    let (value, pre, mut check) = read_params(&params, &options);
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
    prepare(&value, pre, run)
        .and_then(|p| start(&p, false))
        .unwrap_or_else(|e| Promise::reject(&error_to_js(&e)))
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
pub fn parse_redirect_js(input: JsValue) -> Result<JsValue, JsValue> {
    redirect_of(&input)
        .map(|r| redirect_result_js(&r))
        .map_err(|e| error_to_js(&e))
}

/// The `parseRedirect` export of the npm wrappers: [`parse_redirect_js`]'s result as JSON
/// text, which `js/index.js` hands to `JSON.parse` (one string out
/// instead of a string per key and value); its errors are thrown the same way.
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = parseRedirectJson))]
pub fn parse_redirect_json(input: JsValue) -> Result<String, JsValue> {
    redirect_of(&input)
        .map(|r| redirect_result_json(&r))
        .map_err(|e| error_to_js(&e))
}

/// [`redirect_result_js`] as JSON text: the same keys in the same order.
pub(crate) fn redirect_result_json(r: &RedirectResult) -> String {
    use crate::wire::push_str;
    let opt = |out: &mut String, s: &Option<String>| match s {
        Some(s) => push_str(out, s),
        None => out.push_str("null"),
    };
    let mut out = String::with_capacity(128);
    out.push_str("{\"imp_uid\":");
    opt(&mut out, &r.imp_uid);
    out.push_str(",\"merchant_uid\":");
    push_str(&mut out, &r.merchant_uid);
    out.push_str(",\"success\":");
    out.push_str(match r.success {
        Some(true) => "true",
        Some(false) => "false",
        None => "null",
    });
    out.push_str(",\"error_code\":");
    opt(&mut out, &r.error_code);
    out.push_str(",\"error_msg\":");
    opt(&mut out, &r.error_msg);
    out.push_str(",\"verified\":false}");
    out
}

/// What `parseRedirect` reads: the page's URL without input, a string, or a URL / Location.
fn redirect_of(input: &JsValue) -> Result<RedirectResult, Error> {
    if input.is_undefined() || input.is_null() {
        parse_current_redirect()
    } else if let Some(s) = input.as_string() {
        redirect::parse_redirect(&s)
    } else if let Some(href) = convert::get_prop(input, "href").as_string() {
        // A URL or a Location: both expose the whole URL as `href`.
        redirect::parse_redirect(&href)
    } else {
        Err(bad_redirect_input())
    }
}

/// `parseRedirect`'s answer to an input that is none of what it reads.
pub(crate) fn bad_redirect_input() -> Error {
    Error::new(
        ErrorCode::InvalidRedirect,
        "parseRedirect takes a URL string, a query string, a URL or a Location",
    )
}

/// `takePendingOrder(merchantUid): PendingOrder | null`.
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = takePendingOrder))]
pub fn take_pending_order_js(merchant_uid: JsValue) -> Result<JsValue, JsValue> {
    let Some(uid) = merchant_uid.as_string() else {
        return Ok(JsValue::NULL);
    };
    let order = take_entry(&uid, |entry, fields| {
        let data = entry.get("customData").filter(|d| !d.is_null());
        order_js(&fields, data.map(|d| convert::write_doc(d, false)))
    });
    match order {
        Ok(order) => Ok(order.unwrap_or(JsValue::NULL)),
        Err(e) => Err(error_to_js(&e)),
    }
}
