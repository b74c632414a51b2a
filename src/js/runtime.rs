//! The browser runtime: the SDK loader's typed façade (the loader itself is `js/loader.js`,
//! a wasm-bindgen snippet), `request_pay` as a Future, the pending order in `sessionStorage`,
//! and the JS exports `loadIamport`, `requestPay`, `parseRedirect` and `takePendingOrder`
//! (API.md, "JS API").
//!
//! The `merchant_uid` lock is taken synchronously when a request is
//! made and outlives the future once the SDK was called: only the SDK's callback or a
//! navigation (`pagehide`, `pageshow` from the back-forward cache) frees an order whose
//! window may be open. Callbacks that do not settle a request are announced as late results
//! (`iamport-pay:late-result` on `window`, `console.warn`, [`on_late_result`]).

use super::imp::{self, Imp};
use super::{convert, error_object, issues_to_js, set, to_js, Reader};
use crate::check::{check_full, CheckOptions};
use crate::error::{Error, ErrorCode};
use crate::issue::{Code, Issue};
use crate::pending::{self, PendingOrder, Stored};
use crate::provider::Provider;
use crate::redirect::{self, PaymentResult, RedirectResult};
use crate::request::PaymentRequest;
use js_sys::{Object, Promise, Reflect, JSON};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
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

// ---- the loader ----------------------------------------------------------------------------

// The loader is JS (`js/loader.js`, a wasm-bindgen snippet): the npm package and a Rust app
// run that one implementation; this is its typed façade.
#[wasm_bindgen(module = "/js/loader.js")]
extern "C" {
    /// `window.IMP` when it looks like the SDK (an object with a `request_pay` function).
    #[wasm_bindgen(js_name = currentImp)]
    pub(crate) fn current_imp() -> Option<Imp>;
    /// `imp.init(user_code)` unless this `IMP` was initialized with this code already.
    #[wasm_bindgen(js_name = initImp, catch)]
    fn init_imp(imp: &Imp, user_code: &str) -> Result<(), JsValue>;
    /// Settles once the script at `url` defined `window.IMP`; rejects with an `Error` whose
    /// `code` is `sdk_load_failed` or `sdk_timeout`.
    #[wasm_bindgen(js_name = loadSdk)]
    fn load_sdk(url: &str, timeout_ms: u32) -> Promise;
    /// What a thrown value says: itself if a string, else its string `message`, else
    /// "unknown error".
    #[wasm_bindgen(js_name = messageOf)]
    fn js_message(e: &JsValue) -> String;
}

/// A rejection of `js/loader.js` as an [`Error`].
fn loader_error(e: &JsValue) -> Error {
    let code = match convert::get_prop(e, "code").as_string().as_deref() {
        Some("sdk_timeout") => ErrorCode::SdkTimeout,
        _ => ErrorCode::SdkLoadFailed,
    };
    Error::new(code, js_message(e))
}

fn init_once(imp: &Imp, user_code: &str) -> Result<(), Error> {
    init_imp(imp, user_code).map_err(|e| loader_error(&e))
}

/// `IMP`, loaded and initialized. `user_code` may be `None` only when `IMP` already exists
/// (the page initialized it itself). With `IMP` there, nothing waits: `IMP.request_pay` runs
/// in the same task as the buyer's click.
async fn ensure_imp(
    user_code: Option<&str>,
    sdk_url: Option<&str>,
    timeout_ms: Option<u32>,
) -> Result<Imp, Error> {
    if let Some(imp) = current_imp() {
        if let Some(code) = user_code {
            init_once(&imp, code)?;
        }
        return Ok(imp);
    }
    let code = user_code.ok_or_else(user_code_required)?;
    let load = load_sdk(
        sdk_url.unwrap_or(DEFAULT_SDK_URL),
        timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS),
    );
    wasm_bindgen_futures::JsFuture::from(load)
        .await
        .map_err(|e| loader_error(&e))?;
    let imp = current_imp().ok_or_else(|| {
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
/// A tag already on the page that failed, or ran without defining `IMP`, is not waited on: a
/// fresh tag is injected. Each caller waits its own `timeout_ms`; the shared load keeps going
/// for callers that allowed more.
///
/// # Errors
/// `invalid_params` for an empty `user_code`; `sdk_load_failed` when the script fails or
/// throws while it runs; `sdk_timeout` when it loads without defining `IMP` or takes longer
/// than the timeout; `not_in_browser` without a `window`.
pub async fn load_iamport(options: &LoadOptions) -> Result<(), Error> {
    web_sys::window().ok_or_else(|| not_in_browser("loadIamport"))?;
    if options.user_code.is_empty() {
        return Err(user_code_required());
    }
    ensure_imp(
        Some(&options.user_code),
        options.sdk_url.as_deref(),
        options.timeout_ms,
    )
    .await
    .map(drop)
}

// ---- request_pay: the lock, the request's state, late results ------------------------------

/// Where a request for one `merchant_uid` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    /// Checked and locked; the SDK is loading. Nothing was opened yet.
    Loading,
    /// `IMP.request_pay` was called: a window (or, in redirect mode, a navigation) may be open.
    Open,
    /// `IMP.request_pay` threw or rejected after it may have opened the window.
    Unknown,
}

struct OpenEntry {
    id: u64,
    merchant_uid: String,
    redirect: bool,
    stage: Stage,
}

thread_local! {
    static OPEN: RefCell<Vec<OpenEntry>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
    /// Requests that may still get an answer, for the navigation listeners.
    static FLOWS: RefCell<Vec<Weak<RefCell<Flow>>>> = const { RefCell::new(Vec::new()) };
    static LATE_HOOKS: RefCell<Vec<(u64, LateHook)>> = const { RefCell::new(Vec::new()) };
    static NAV_LISTENING: Cell<bool> = const { Cell::new(false) };
}

type LateHook = Rc<dyn Fn(&LateResult)>;

fn next_id() -> u64 {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

fn set_stage(id: u64, stage: Stage) {
    OPEN.with(|open| {
        if let Some(e) = open.borrow_mut().iter_mut().find(|e| e.id == id) {
            e.stage = stage;
        }
    });
}

fn release(id: u64) {
    OPEN.with(|open| open.borrow_mut().retain(|e| e.id != id));
}

/// The lock on a `merchant_uid`, taken when the request is made. Dropped while the SDK is
/// still loading (an error, or a future dropped before the window opened), it releases the
/// order; once `IMP.request_pay` was called, only a callback or a navigation releases it.
struct OpenOrder {
    id: u64,
}

impl OpenOrder {
    fn claim(merchant_uid: &str, redirect: bool) -> Result<Self, Error> {
        OPEN.with(|open| {
            let mut open = open.borrow_mut();
            if let Some(e) = open.iter().find(|e| e.merchant_uid == merchant_uid) {
                let why = match e.stage {
                    Stage::Unknown => {
                        " and its state is unknown: check the payment on your server \
                         (GET /payments/find/{merchant_uid}) before paying again"
                    }
                    _ => "",
                };
                return Err(Error::new(
                    ErrorCode::DuplicateRequest,
                    [
                        "a payment for merchant_uid \"",
                        merchant_uid,
                        "\" is still open",
                        why,
                    ]
                    .concat(),
                ));
            }
            let id = next_id();
            open.push(OpenEntry {
                id,
                merchant_uid: merchant_uid.to_string(),
                redirect,
                stage: Stage::Loading,
            });
            Ok(OpenOrder { id })
        })
    }
}

impl Drop for OpenOrder {
    fn drop(&mut self) {
        let id = self.id;
        OPEN.with(|open| {
            open.borrow_mut()
                .retain(|e| e.id != id || e.stage != Stage::Loading)
        });
    }
}

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

impl LateReason {
    fn describe(self) -> &'static str {
        match self {
            LateReason::Differs => "it differs from the result requestPay already returned",
            LateReason::AfterRejection => {
                "it arrived after requestPay rejected with payment_state_unknown"
            }
            LateReason::OtherOrder => "it names another merchant_uid than the request",
            LateReason::AfterDrop => "it arrived after the request_pay future was dropped",
        }
    }
}

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
    let id = next_id();
    LATE_HOOKS.with(|h| h.borrow_mut().push((id, Rc::new(hook))));
    LateResultHook { id }
}

/// The event name of a late result on `window` (`CustomEvent`, `detail`: a `PaymentResult`).
pub const LATE_RESULT_EVENT: &str = "iamport-pay:late-result";

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = console, js_name = warn)]
    fn console_warn(message: &str, detail: &JsValue) -> Result<(), JsValue>;
}

/// Announces a late result: `console.warn`, the window event, the Rust hooks. Nothing here
/// can throw into the SDK (event listeners' exceptions are reported by the browser).
fn announce(result_js: &JsValue, result: &PaymentResult, requested: &str, reason: LateReason) {
    let _ = console_warn(
        &[
            "iamport-pay: a late payment result for merchant_uid \"",
            &result.merchant_uid,
            "\" (imp_uid ",
            result.imp_uid.as_deref().unwrap_or("none"),
            "): ",
            reason.describe(),
            ". It is unverified; check it on your server. It is also dispatched as the \
             window event \"",
            LATE_RESULT_EVENT,
            "\".",
        ]
        .concat(),
        result_js,
    );
    if let Some(window) = web_sys::window() {
        let init = Object::new();
        set(&init, "detail", result_js);
        let event = Reflect::get(&window, &JsValue::from_str("CustomEvent"))
            .ok()
            .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
            .and_then(|c| {
                let args = js_sys::Array::of2(&JsValue::from_str(LATE_RESULT_EVENT), &init);
                Reflect::construct(&c, &args).ok()
            });
        if let Some(event) = event {
            let _ = window.dispatch_event(event.unchecked_ref());
        }
    }
    let hooks: Vec<LateHook> =
        LATE_HOOKS.with(|h| h.borrow().iter().map(|(_, f)| f.clone()).collect());
    let late = LateResult {
        result: result.clone(),
        requested_merchant_uid: requested.to_string(),
        reason,
    };
    for hook in hooks {
        hook(&late);
    }
}

/// A callback's answer, as JS (`PaymentResult`) and typed.
struct Delivered {
    js: JsValue,
    typed: PaymentResult,
}

/// What makes two callbacks "the same result": `imp_uid` and `success`.
type Key = (Option<String>, Option<bool>);

/// One request after `IMP.request_pay` was called, shared by its future, its callback, the
/// rejection handler of a promise `IMP.request_pay` returned, and the navigation listeners.
struct Flow {
    id: u64,
    merchant_uid: String,
    redirect: bool,
    /// The outcome, until the future takes it.
    ready: Option<Result<Delivered, Error>>,
    waker: Option<Waker>,
    /// The request settled (resolved or rejected); later callbacks are compared with `first`.
    settled: bool,
    /// It rejected with `payment_state_unknown`.
    rejected: bool,
    /// Its future was dropped before it settled.
    abandoned: bool,
    /// The result it resolved with (or the last late result announced after a rejection).
    first: Option<Key>,
}

enum Action {
    Nothing,
    Wake(Option<Waker>),
    Announce(LateReason),
}

impl Flow {
    fn new(id: u64, merchant_uid: &str, redirect: bool) -> Rc<RefCell<Flow>> {
        let flow = Rc::new(RefCell::new(Flow {
            id,
            merchant_uid: merchant_uid.to_string(),
            redirect,
            ready: None,
            waker: None,
            settled: false,
            rejected: false,
            abandoned: false,
            first: None,
        }));
        FLOWS.with(|f| {
            let mut f = f.borrow_mut();
            f.retain(|w| w.strong_count() > 0);
            f.push(Rc::downgrade(&flow));
        });
        flow
    }
}

/// The callback given to `IMP.request_pay`, for every call the SDK makes.
fn on_response(flow: &Rc<RefCell<Flow>>, response: &JsValue) {
    let (id, requested) = {
        let Ok(f) = flow.try_borrow() else { return };
        (f.id, f.merchant_uid.clone())
    };
    let delivered = payment_result(response, &requested);
    let key: Key = (delivered.typed.imp_uid.clone(), delivered.typed.success);
    if delivered.typed.merchant_uid != requested {
        announce(
            &delivered.js,
            &delivered.typed,
            &requested,
            LateReason::OtherOrder,
        );
        return;
    }
    let action = {
        let Ok(mut f) = flow.try_borrow_mut() else {
            return;
        };
        if !f.settled && !f.abandoned {
            f.settled = true;
            f.first = Some(key);
            f.ready = Some(Ok(Delivered {
                js: delivered.js.clone(),
                typed: delivered.typed.clone(),
            }));
            Action::Wake(f.waker.take())
        } else if f.first.as_ref() == Some(&key) {
            Action::Nothing
        } else {
            let reason = if f.abandoned && !f.settled {
                LateReason::AfterDrop
            } else if f.rejected {
                LateReason::AfterRejection
            } else {
                LateReason::Differs
            };
            if f.first.is_none() {
                f.first = Some(key);
            }
            Action::Announce(reason)
        }
    };
    // Any own callback answers the window: the order is free again.
    release(id);
    match action {
        Action::Nothing => {}
        Action::Wake(w) => {
            if let Some(w) = w {
                w.wake();
            }
        }
        Action::Announce(reason) => announce(&delivered.js, &delivered.typed, &requested, reason),
    }
}

fn state_unknown(message: String) -> Error {
    Error::new(ErrorCode::PaymentStateUnknown, message)
}

/// `IMP.request_pay` threw or rejected, or the buyer came back (Back) from the PG page: the
/// window may be open or the payment may have happened. Rejects the request with
/// `payment_state_unknown` and keeps the order locked (until a callback or a navigation).
fn settle_unknown(flow: &Rc<RefCell<Flow>>, message: String) {
    let waker = {
        let Ok(mut f) = flow.try_borrow_mut() else {
            return;
        };
        if f.settled {
            return;
        }
        f.settled = true;
        f.rejected = true;
        f.ready = Some(Err(state_unknown(
            [
                &message,
                ". The payment window for merchant_uid \"",
                &f.merchant_uid,
                "\" may be open or the payment may have gone through: check it on your server \
                 (GET /payments/find/{merchant_uid}) before trying again. The order stays locked \
                 until the SDK calls back or the page navigates; a later callback is dispatched \
                 as \"",
                LATE_RESULT_EVENT,
                "\".",
            ]
            .concat(),
        )));
        set_stage(f.id, Stage::Unknown);
        f.waker.take()
    };
    if let Some(w) = waker {
        w.wake();
    }
}

/// The future's half of a [`Flow`]; marks the flow abandoned when dropped unsettled.
struct WaitFlow(Rc<RefCell<Flow>>);

impl Future for WaitFlow {
    type Output = Result<Delivered, Error>;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut f = self.0.borrow_mut();
        match f.ready.take() {
            Some(outcome) => Poll::Ready(outcome),
            None => {
                f.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

impl Drop for WaitFlow {
    fn drop(&mut self) {
        if let Ok(mut f) = self.0.try_borrow_mut() {
            f.abandoned = true;
            f.waker = None;
        }
    }
}

/// Navigation settles what it can: on `pagehide` (the page goes away: to the PG in redirect
/// mode, or anywhere) and on `pageshow` with `persisted` (the page came back from the
/// back-forward cache, e.g. the buyer pressed Back on the PG page), every order in redirect
/// mode, or in the unknown state, is released. On `pageshow` a redirect request still
/// waiting also rejects with `payment_state_unknown`, so the page is never left waiting.
/// The pending orders in `sessionStorage` are left as they are.
fn listen_for_navigation(window: &Window) {
    if NAV_LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let on_hide = Closure::<dyn FnMut(JsValue)>::new(|_| release_on_navigation(false));
    let on_show = Closure::<dyn FnMut(JsValue)>::new(|event: JsValue| {
        if convert::get_prop(&event, "persisted").as_bool() == Some(true) {
            release_on_navigation(true);
        }
    });
    let _ = window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("pageshow", on_show.as_ref().unchecked_ref());
    // For the page's lifetime.
    on_hide.forget();
    on_show.forget();
}

fn release_on_navigation(restored: bool) {
    OPEN.with(|open| {
        open.borrow_mut().retain(|e| {
            let settle = e.stage == Stage::Unknown || (e.redirect && e.stage == Stage::Open);
            !settle
        })
    });
    if !restored {
        return;
    }
    let flows: Vec<Rc<RefCell<Flow>>> =
        FLOWS.with(|f| f.borrow().iter().filter_map(Weak::upgrade).collect());
    for flow in flows {
        let waiting = flow
            .try_borrow()
            .is_ok_and(|f| f.redirect && !f.settled && !f.abandoned);
        if waiting {
            settle_unknown(
                &flow,
                "the page came back from the back-forward cache (the buyer pressed Back on \
                 the payment page)"
                    .to_string(),
            );
        }
    }
}

/// Whether `v` is a thenable (a Promise `IMP.request_pay` returned); its `then` when so.
fn then_of(v: &JsValue) -> Option<js_sys::Function> {
    if !v.is_object() {
        return None;
    }
    Reflect::get(v, &JsValue::from_str("then"))
        .ok()
        .and_then(|t| t.dyn_into::<js_sys::Function>().ok())
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

/// Saves the order, and drops expired or damaged entries of ours. Best effort: a browser
/// that refuses storage (private mode quota, sandboxed frame) does not block the payment.
fn save_pending(window: &Window, normalized: &Value) {
    let Some(storage) = session_storage(window) else {
        return;
    };
    let now = now_ms();
    sweep(&storage, now);
    if let Some(order) = PendingOrder::from_params(normalized, now) {
        let key = pending::storage_key(&order.merchant_uid);
        if let Ok(text) = JSON::stringify(&to_js(&order.into_value())) {
            let text: String = text.into();
            let _ = storage.set_item(&key, &text);
        }
    }
}

fn read_entry(raw: &str, merchant_uid: &str, now: u64) -> Stored {
    let Ok(parsed) = JSON::parse(raw) else {
        return Stored::Corrupt;
    };
    let value = Reader::new().read_root(&parsed).unwrap_or(Value::Null);
    pending::read_stored_owned(value, merchant_uid, now)
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

/// A checked request holding its `merchant_uid`'s lock: the synchronous half of
/// `requestPay` / [`request_pay`].
struct Prepared {
    window: Window,
    normalized: Value,
    merchant_uid: String,
    open: OpenOrder,
    run: Run,
}

/// Checks and claims the order, synchronously (so two calls in one tick cannot both pass).
fn prepare(params: &Value, pre: Vec<Issue>, run: Run) -> Result<Prepared, Error> {
    let (report, normalized) = check_full(params, &run.check, pre);
    let normalized = match normalized {
        Some(n) if report.is_ok() => n,
        _ => return Err(Error::invalid_params(report.into_issues())),
    };
    let window = web_sys::window().ok_or_else(|| not_in_browser("requestPay"))?;
    listen_for_navigation(&window);
    // The checker requires a non-empty merchant_uid, so this is always a string here.
    let merchant_uid = normalized
        .get("merchant_uid")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    // Claimed before the load, so a second call during the load is refused too.
    let open = OpenOrder::claim(&merchant_uid, run.check.mobile)?;
    Ok(Prepared {
        window,
        normalized,
        merchant_uid,
        open,
        run,
    })
}

/// The asynchronous half: load, save the pending order, call `IMP.request_pay`, await the
/// first own callback (or an unknown state).
async fn pay(p: Prepared) -> Result<Delivered, Error> {
    let Prepared {
        window,
        normalized,
        merchant_uid,
        open,
        run,
    } = p;
    let imp = ensure_imp(
        run.user_code.as_deref(),
        run.sdk_url.as_deref(),
        run.timeout_ms,
    )
    .await?;
    if run.keep_pending_order {
        save_pending(&window, &normalized);
    }
    let flow = Flow::new(open.id, &merchant_uid, run.check.mobile);
    // From here on a window may open: only a callback or a navigation frees the order.
    set_stage(open.id, Stage::Open);
    drop(open);
    let wait = WaitFlow(flow.clone());
    let for_callback = flow.clone();
    let callback =
        imp::response_callback(move |response: JsValue| on_response(&for_callback, &response));
    match imp.request_pay(&to_js(&normalized), &callback) {
        Err(e) => settle_unknown(
            &flow,
            ["IMP.request_pay threw (", &js_message(&e), ")"].concat(),
        ),
        Ok(returned) => {
            if let Some(then) = then_of(&returned) {
                let for_reject = flow.clone();
                let on_reject = Closure::once_into_js(move |e: JsValue| {
                    settle_unknown(
                        &for_reject,
                        [
                            "the promise IMP.request_pay returned rejected (",
                            &js_message(&e),
                            ")",
                        ]
                        .concat(),
                    );
                });
                if then
                    .call2(&returned, &JsValue::UNDEFINED, &on_reject)
                    .is_err()
                {
                    settle_unknown(&flow, "IMP.request_pay returned a broken promise".into());
                }
            }
        }
    }
    wait.await
}

/// The JS `PaymentResult` and the typed one, read from a callback response without trusting
/// it: a copy of every own field (defined, so an own `__proto__` key stays data), `success`
/// normalized, `merchant_uid` / `imp_uid` filled when missing, `verified: false`. A getter or
/// proxy trap that throws leaves its field out; nothing here throws.
fn payment_result(response: &JsValue, merchant_uid: &str) -> Delivered {
    let out = convert::copy_own_fields(response);
    let mut reader = Reader::new();
    let value = reader.read_root(&out).unwrap_or(Value::Null);
    let typed = PaymentResult::from_response(value, merchant_uid);
    let missing =
        |key: &str| Reflect::get(&out, &JsValue::from_str(key)).map_or(true, |v| v.is_undefined());
    let define = |key: &str, v: &JsValue| convert::define(&out, &JsValue::from_str(key), v);
    if missing("imp_uid") {
        define("imp_uid", &JsValue::NULL);
    }
    if missing("merchant_uid") {
        define("merchant_uid", &JsValue::from_str(&typed.merchant_uid));
    }
    define("success", &opt_bool(typed.success));
    define("verified", &JsValue::FALSE);
    Delivered {
        js: out.into(),
        typed,
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
    let prepared = prepare(&request.to_value(), Vec::new(), run);
    async move { Ok(pay(prepared?).await?.typed) }
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

/// The Promise of an export: settled by `fut`, which runs as a task. Both async exports go
/// through this one (boxed) instance instead of a `future_to_promise` each.
fn to_promise(fut: Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>) -> Promise {
    let mut fut = Some(fut);
    Promise::new(&mut |resolve, reject| {
        let Some(fut) = fut.take() else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let _ = match fut.await {
                Ok(v) => resolve.call1(&JsValue::UNDEFINED, &v),
                Err(e) => reject.call1(&JsValue::UNDEFINED, &e),
            };
        });
    })
}

/// `loadIamport({ userCode, sdkUrl?, timeoutMs? }): Promise<void>`, as a Rust future.
pub async fn load_iamport_js(options: JsValue) -> Result<(), JsValue> {
    let options = LoadOptions {
        user_code: opt_string(&options, "userCode").unwrap_or_default(),
        sdk_url: opt_string(&options, "sdkUrl"),
        timeout_ms: opt_timeout(&options),
    };
    load_iamport(&options).await.map_err(|e| error_to_js(&e))
}

/// The `loadIamport` export: [`load_iamport_js`] as a Promise (through `to_promise`).
#[cfg(feature = "npm")]
#[wasm_bindgen(js_name = loadIamport)]
pub fn load_iamport_export(options: JsValue) -> Promise {
    to_promise(Box::pin(async move {
        load_iamport_js(options).await.map(|()| JsValue::UNDEFINED)
    }))
}

/// `requestPay(params, options?): Promise<PaymentResult>`. The params are read and checked,
/// and the `merchant_uid` locked, synchronously, before the promise is returned (see
/// [`request_pay`]).
#[cfg_attr(feature = "npm", wasm_bindgen(js_name = requestPay))]
pub fn request_pay_js(params: JsValue, options: JsValue) -> Promise {
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
    match prepare(&value, pre, run) {
        Err(e) => Promise::reject(&error_to_js(&e)),
        Ok(prepared) => to_promise(Box::pin(async move {
            pay(prepared)
                .await
                .map(|d| d.js)
                .map_err(|e| error_to_js(&e))
        })),
    }
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
    match take_pending_order(&uid) {
        Ok(Some(order)) => Ok(to_js(&order.into_value())),
        Ok(None) => Ok(JsValue::NULL),
        Err(e) => Err(error_to_js(&e)),
    }
}
