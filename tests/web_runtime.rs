//! The browser runtime in headless Chromium: the SDK loader (fake SDK scripts from `data:`
//! URLs and a 404), `requestPay` against a fake `window.IMP`, the pending order in
//! `sessionStorage`, and `parseRedirect` on the shared table (tests/redirect_cases.json).
//!
//! All tests share one page, so each uses its own `merchant_uid` and installs its own fake
//! `IMP` (or removes it) first; the async tests run one at a time.
#![cfg(target_arch = "wasm32")]

use iamport_pay::js::runtime::{
    detect_mobile, load_iamport_js, parse_redirect_js, parse_redirect_json, request_pay_js,
    take_pending_order_js,
};
use iamport_pay::{
    load_iamport, request_pay, take_pending_order, ErrorCode, LoadOptions, PayOptions,
    PaymentRequest,
};
use js_sys::{Array, Function, Object, Promise, Reflect, JSON};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// ---- helpers -------------------------------------------------------------------------------

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

fn js(v: &Value) -> JsValue {
    JSON::parse(&v.to_string()).expect("valid JSON")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("an object")
}

fn get_str(v: &JsValue, key: &str) -> Option<String> {
    get(v, key).as_string()
}

/// A JS value as JSON, for whole-object assertions.
fn to_json(v: &JsValue) -> Value {
    let text: String = JSON::stringify(v).expect("serializable").into();
    serde_json::from_str(&text).expect("JSON")
}

/// Valid KG Inicis params (the checker's own doc example, with `buyer_tel` fixed).
fn params(merchant_uid: &str) -> Value {
    json!({
        "pg": "html5_inicis.INIpayTest", "pay_method": "card", "merchant_uid": merchant_uid,
        "name": "T-shirt", "amount": 1004, "buyer_tel": "010-1234-5678",
        "custom_data": {"cart": 7}
    })
}

fn remove_imp() {
    let _ = Reflect::delete_property(&window(), &JsValue::from_str("IMP"));
}

type InitFn = Closure<dyn FnMut(JsValue)>;
type PayFn = Closure<dyn FnMut(JsValue, JsValue)>;

/// A fake `window.IMP`. `respond(params, callback)` plays the SDK's part.
struct FakeImp {
    requests: Rc<RefCell<Vec<JsValue>>>,
    inits: Rc<RefCell<Vec<String>>>,
    callbacks: Rc<RefCell<Vec<Function>>>,
    _closures: (InitFn, PayFn),
}

impl FakeImp {
    fn install(respond: impl Fn(&JsValue, &Function) + 'static) -> FakeImp {
        let requests = Rc::new(RefCell::new(Vec::new()));
        let inits = Rc::new(RefCell::new(Vec::new()));
        let callbacks = Rc::new(RefCell::new(Vec::new()));
        let i = inits.clone();
        let init = Closure::<dyn FnMut(JsValue)>::new(move |code: JsValue| {
            i.borrow_mut().push(code.as_string().unwrap_or_default());
        });
        let (r, c) = (requests.clone(), callbacks.clone());
        let pay = Closure::<dyn FnMut(JsValue, JsValue)>::new(move |p: JsValue, cb: JsValue| {
            let cb: Function = cb.unchecked_into();
            r.borrow_mut().push(p.clone());
            c.borrow_mut().push(cb.clone());
            respond(&p, &cb);
        });
        let imp = Object::new();
        Reflect::set(&imp, &"init".into(), init.as_ref()).unwrap();
        Reflect::set(&imp, &"request_pay".into(), pay.as_ref()).unwrap();
        Reflect::set(&window(), &"IMP".into(), &imp).unwrap();
        FakeImp {
            requests,
            inits,
            callbacks,
            _closures: (init, pay),
        }
    }

    /// An SDK that answers at once with `response` (plus the request's merchant_uid).
    fn answering(response: Value) -> FakeImp {
        FakeImp::install(move |p, cb| {
            let r = js(&response);
            if get(&r, "merchant_uid").is_undefined() {
                Reflect::set(&r, &"merchant_uid".into(), &get(p, "merchant_uid")).unwrap();
            }
            cb.call1(&JsValue::NULL, &r).expect("callback");
        })
    }

    /// An SDK that keeps the callback for the test to call.
    fn holding() -> FakeImp {
        FakeImp::install(|_, _| {})
    }

    fn request_count(&self) -> usize {
        self.requests.borrow().len()
    }
}

fn code_of(err: &JsValue) -> String {
    assert_eq!(
        get(err, "__iamportPayError"),
        JsValue::TRUE,
        "not our error: {err:?}"
    );
    get_str(err, "code").expect("code")
}

async fn pay_js(params: &Value, options: &Value) -> Result<JsValue, JsValue> {
    JsFuture::from(request_pay_js(js(params), js(options))).await
}

/// Starts `requestPay` as a JS Promise (running concurrently with the test). The params are
/// checked and the order locked synchronously, as in JS.
fn spawn_pay(params: Value, options: Value) -> Promise {
    request_pay_js(js(&params), js(&options))
}

fn take_js(merchant_uid: &str) -> JsValue {
    take_pending_order_js(JsValue::from_str(merchant_uid)).expect("no error")
}

fn storage() -> web_sys::Storage {
    window().session_storage().unwrap().expect("sessionStorage")
}

/// Lets queued tasks and microtasks run.
async fn tick() {
    let p = Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

fn data_script(body: &str) -> String {
    format!(
        "data:text/javascript,{}",
        js_sys::encode_uri_component(body)
    )
}

fn script_tags_with(src_part: &str) -> usize {
    let scripts = window()
        .document()
        .unwrap()
        .get_elements_by_tag_name("script");
    (0..scripts.length())
        .filter_map(|i| scripts.item(i))
        .filter(|s| s.get_attribute("src").is_some_and(|s| s.contains(src_part)))
        .count()
}

/// Collects the `iamport-pay:late-result` events dispatched on `window` while it lives.
struct LateEvents {
    details: Rc<RefCell<Vec<JsValue>>>,
    closure: Closure<dyn FnMut(JsValue)>,
}

impl LateEvents {
    fn listen() -> LateEvents {
        let details = Rc::new(RefCell::new(Vec::new()));
        let d = details.clone();
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            d.borrow_mut().push(get(&e, "detail"));
        });
        window()
            .add_event_listener_with_callback(
                iamport_pay::LATE_RESULT_EVENT,
                closure.as_ref().unchecked_ref(),
            )
            .unwrap();
        LateEvents { details, closure }
    }

    /// `(imp_uid, success)` of every event so far.
    fn uids(&self) -> Vec<(Option<String>, Value)> {
        self.details
            .borrow()
            .iter()
            .map(|d| (get_str(d, "imp_uid"), to_json(&get(d, "success"))))
            .collect()
    }
}

impl Drop for LateEvents {
    fn drop(&mut self) {
        let _ = window().remove_event_listener_with_callback(
            iamport_pay::LATE_RESULT_EVENT,
            self.closure.as_ref().unchecked_ref(),
        );
    }
}

/// Runs `body` (a function body) in the page and returns its value.
fn eval(body: &str) -> JsValue {
    Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .expect("the test's own JS does not throw")
}

/// A synthetic `pagehide` / `pageshow` (the e2e suite restores a page from the real bfcache).
fn dispatch_page_event(kind: &str, persisted: bool) {
    eval(&format!(
        "window.dispatchEvent(new PageTransitionEvent('{kind}', {{ persisted: {persisted} }}));"
    ));
}

async fn sleep_ms(ms: i32) {
    let p = Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

/// Whether a promise has settled yet (after letting queued work run).
async fn settled(p: &Promise) -> bool {
    let race = Function::new_with_args(
        "p",
        "return Promise.race([p.then(() => true, () => true), \
         new Promise((r) => setTimeout(() => r(false), 0))]);",
    );
    let r: Promise = race.call1(&JsValue::NULL, p).unwrap().unchecked_into();
    JsFuture::from(r).await.unwrap() == JsValue::TRUE
}

// ---- requestPay: results -------------------------------------------------------------------

#[wasm_bindgen_test]
async fn success_keeps_every_field() {
    let fake = FakeImp::answering(json!({
        "success": true, "imp_uid": "imp_100", "pay_method": "card", "paid_amount": 1004,
        "status": "paid", "pg_provider": "html5_inicis", "card_name": "국민KB카드", "card_quota": 0
    }));
    let r = pay_js(&params("rt-success"), &json!({"keepPendingOrder": false}))
        .await
        .expect("a result");
    assert_eq!(
        to_json(&r),
        json!({
            "success": true, "imp_uid": "imp_100", "merchant_uid": "rt-success",
            "pay_method": "card", "paid_amount": 1004, "status": "paid",
            "pg_provider": "html5_inicis", "card_name": "국민KB카드", "card_quota": 0,
            "verified": false
        })
    );
    assert_eq!(fake.request_count(), 1);
    // IMP got the normalized params (no `custom_data` loss, wire names).
    let sent = to_json(&fake.requests.borrow()[0]);
    assert_eq!(sent["merchant_uid"], json!("rt-success"));
    assert_eq!(sent["custom_data"], json!({"cart": 7}));
}

#[wasm_bindgen_test]
async fn failure_is_a_result_not_an_exception() {
    let _fake = FakeImp::answering(json!({
        "success": false, "imp_uid": "imp_101", "error_code": "F0005",
        "error_msg": "카드 한도 초과", "status": "failed"
    }));
    let r = pay_js(&params("rt-failure"), &json!({"keepPendingOrder": false}))
        .await
        .expect("a result");
    assert_eq!(get(&r, "success"), JsValue::FALSE);
    assert_eq!(get_str(&r, "error_code").as_deref(), Some("F0005"));
    assert_eq!(get_str(&r, "error_msg").as_deref(), Some("카드 한도 초과"));
    assert_eq!(get(&r, "verified"), JsValue::FALSE);
}

#[wasm_bindgen_test]
async fn user_cancel_without_a_flag_is_a_failure() {
    // The current SDK sends no success flag (js-sdk.mdx); a cancel carries error_code/msg.
    let _fake = FakeImp::answering(json!({
        "imp_uid": null, "error_code": "F1002", "error_msg": "사용자가 결제를 취소하셨습니다"
    }));
    let r = pay_js(&params("rt-cancel"), &json!({"keepPendingOrder": false}))
        .await
        .expect("a result");
    assert_eq!(get(&r, "success"), JsValue::FALSE);
    assert_eq!(get(&r, "imp_uid"), JsValue::NULL);
    assert_eq!(get_str(&r, "merchant_uid").as_deref(), Some("rt-cancel"));
}

#[wasm_bindgen_test]
async fn ksnet_ids_only_gives_success_null() {
    // ksnet.mdx: with the new SDK the callback carries only imp_uid and merchant_uid.
    let _fake = FakeImp::answering(json!({"imp_uid": "imp_ks_1"}));
    let p = json!({"pg": "ksnet.MID", "pay_method": "card", "merchant_uid": "rt-ksnet",
                   "name": "Mug", "amount": "1004", "buyer_name": "홍길동",
                   "buyer_tel": "01012345678", "buyer_email": "a@b.co"});
    let r = pay_js(&p, &json!({"keepPendingOrder": false}))
        .await
        .expect("a result");
    assert_eq!(
        to_json(&r),
        json!({"imp_uid": "imp_ks_1", "merchant_uid": "rt-ksnet", "success": null, "verified": false})
    );
}

#[wasm_bindgen_test]
async fn invalid_params_never_reach_imp() {
    let fake = FakeImp::answering(json!({"success": true}));
    let bad = json!({"pg": "html5_inicis.INIpayTest", "pay_method": "card",
                     "merchant_uid": "rt-invalid", "name": "T", "amount": -1});
    let err = pay_js(&bad, &json!({})).await.expect_err("rejects");
    assert_eq!(code_of(&err), "invalid_params");
    let issues: Array = get(&err, "issues").into();
    let pairs: Vec<(String, String)> = issues
        .iter()
        .map(|i| (get_str(&i, "path").unwrap(), get_str(&i, "code").unwrap()))
        .collect();
    assert!(
        pairs.contains(&("amount".into(), "out_of_range".into())),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("buyer_tel".into(), "required".into())),
        "{pairs:?}"
    );
    assert_eq!(pairs.len(), 2, "{pairs:?}");
    assert_eq!(fake.request_count(), 0);
    assert!(take_js("rt-invalid").is_null(), "nothing was saved");
}

#[wasm_bindgen_test]
async fn rust_request_pay_is_typed() {
    let _fake =
        FakeImp::answering(json!({"success": true, "imp_uid": "imp_rs", "paid_amount": 1004}));
    let req: PaymentRequest = serde_json::from_value(params("rt-rust")).expect("a request");
    let opts = PayOptions {
        keep_pending_order: false,
        ..PayOptions::default()
    };
    let r = request_pay(&req, &opts).await.expect("a result");
    assert_eq!(r.success, Some(true));
    assert_eq!(r.imp_uid.as_deref(), Some("imp_rs"));
    assert_eq!(r.merchant_uid, "rt-rust");
    assert_eq!(r.response["paid_amount"], json!(1004));
    let mut bad = req.clone();
    bad.buyer_tel = None;
    let e = request_pay(&bad, &opts).await.expect_err("invalid");
    assert_eq!(e.code(), ErrorCode::InvalidParams);
    assert_eq!(e.issues()[0].path, "buyer_tel");
}

// ---- requestPay: duplicates, double callbacks, dropping ------------------------------------

#[wasm_bindgen_test]
async fn concurrent_requests_for_one_order_are_refused() {
    let fake = FakeImp::holding();
    let first = spawn_pay(params("rt-dup"), json!({"keepPendingOrder": false}));
    let second = spawn_pay(params("rt-dup"), json!({"keepPendingOrder": false}));
    let err = JsFuture::from(second)
        .await
        .expect_err("the second is refused");
    assert_eq!(code_of(&err), "duplicate_request");
    assert_eq!(fake.request_count(), 1, "one window only");
    // The first completes normally once the SDK answers.
    let cb = fake.callbacks.borrow()[0].clone();
    cb.call1(
        &JsValue::NULL,
        &js(&json!({"imp_uid": "imp_d", "merchant_uid": "rt-dup", "success": true})),
    )
    .unwrap();
    let r = JsFuture::from(first).await.expect("first resolves");
    assert_eq!(get_str(&r, "imp_uid").as_deref(), Some("imp_d"));
    // Closed now: the same merchant_uid may be requested again.
    let again = spawn_pay(params("rt-dup"), json!({"keepPendingOrder": false}));
    tick().await;
    assert_eq!(fake.request_count(), 2);
    let cb = fake.callbacks.borrow()[1].clone();
    cb.call1(
        &JsValue::NULL,
        &js(&json!({"success": false, "error_msg": "x"})),
    )
    .unwrap();
    let r = JsFuture::from(again).await.expect("resolves");
    assert_eq!(get(&r, "success"), JsValue::FALSE);
}

#[wasm_bindgen_test]
async fn a_second_different_callback_is_announced_not_dropped() {
    let late = LateEvents::listen();
    let seconds = Rc::new(RefCell::new(Vec::new()));
    let s = seconds.clone();
    let _fake = FakeImp::install(move |p, cb| {
        let uid = get(p, "merchant_uid");
        let first = js(&json!({"imp_uid": "imp_first", "success": true}));
        Reflect::set(&first, &"merchant_uid".into(), &uid).unwrap();
        cb.call1(&JsValue::NULL, &first).unwrap();
        // A buggy PG page calls back again; it must neither throw nor change the result.
        let again = cb.call1(
            &JsValue::NULL,
            &js(&json!({"imp_uid": "imp_second", "success": false})),
        );
        s.borrow_mut().push(again.is_ok());
    });
    let r = pay_js(&params("rt-twice"), &json!({"keepPendingOrder": false}))
        .await
        .expect("a result");
    assert_eq!(get_str(&r, "imp_uid").as_deref(), Some("imp_first"));
    assert_eq!(get(&r, "success"), JsValue::TRUE);
    assert_eq!(
        *seconds.borrow(),
        vec![true],
        "the second call returned normally"
    );
    // Issue 12 item 3: the second, different answer is announced, not dropped.
    assert_eq!(late.uids(), vec![(Some("imp_second".into()), json!(false))]);
}

#[wasm_bindgen_test]
async fn dropping_the_future_releases_the_order() {
    let fake = FakeImp::holding();
    let req: PaymentRequest = serde_json::from_value(params("rt-drop")).unwrap();
    let opts = PayOptions {
        keep_pending_order: false,
        ..PayOptions::default()
    };
    {
        let mut fut = pin!(request_pay(&req, &opts));
        let mut cx = Context::from_waker(Waker::noop());
        assert!(matches!(fut.as_mut().poll(&mut cx), Poll::Pending));
        assert_eq!(fake.request_count(), 1);
        // While it is open, the same order is refused.
        let err = pay_js(&params("rt-drop"), &json!({"keepPendingOrder": false}))
            .await
            .expect_err("duplicate");
        assert_eq!(code_of(&err), "duplicate_request");
    } // dropped here, after IMP.request_pay was called: the window may be open
    let err = pay_js(&params("rt-drop"), &json!({"keepPendingOrder": false}))
        .await
        .expect_err("still locked");
    assert_eq!(code_of(&err), "duplicate_request");
    // The SDK calling back after the drop does not throw; it frees the order and is
    // announced as a late result, to the Rust hooks too (typed from the response as it came).
    let late = LateEvents::listen();
    let hooked = Rc::new(RefCell::new(Vec::new()));
    let h = hooked.clone();
    let hook = iamport_pay::on_late_result(move |l| {
        let keys: Vec<String> = l.result.response.keys().cloned().collect();
        h.borrow_mut().push((
            l.reason,
            l.requested_merchant_uid.clone(),
            l.result.merchant_uid.clone(),
            l.result.imp_uid.clone(),
            keys,
        ));
    });
    let old = fake.callbacks.borrow()[0].clone();
    assert!(old
        .call1(
            &JsValue::NULL,
            &js(&json!({"imp_uid": "imp_old", "success": true}))
        )
        .is_ok());
    assert_eq!(late.uids(), vec![(Some("imp_old".into()), json!(true))]);
    assert_eq!(
        *hooked.borrow(),
        vec![(
            iamport_pay::LateReason::AfterDrop,
            "rt-drop".to_string(),
            "rt-drop".to_string(),
            Some("imp_old".to_string()),
            vec!["imp_uid".to_string(), "success".to_string()],
        )]
    );
    drop(hook);
    drop(late);
    // And the order can be requested again.
    let p = spawn_pay(params("rt-drop"), json!({"keepPendingOrder": false}));
    tick().await;
    assert_eq!(fake.request_count(), 2);
    let cb = fake.callbacks.borrow()[1].clone();
    cb.call1(&JsValue::NULL, &js(&json!({"imp_uid": "imp_new"})))
        .unwrap();
    let r = JsFuture::from(p).await.expect("resolves");
    assert_eq!(get_str(&r, "imp_uid").as_deref(), Some("imp_new"));
}

#[wasm_bindgen_test]
async fn imp_request_pay_throwing_without_a_window_is_unknown_and_keeps_the_order() {
    let _fake = FakeImp::install(|_, _| {
        wasm_bindgen::throw_str("IMP not initialized");
    });
    let err = pay_js(&params("rt-throws"), &json!({}))
        .await
        .expect_err("rejects");
    assert_eq!(code_of(&err), "payment_state_unknown");
    let msg = get_str(&err, "message").unwrap();
    assert!(msg.contains("IMP not initialized"), "{msg}");
    assert!(msg.contains("check it on your server"), "{msg}");
    // Kept: the order stays locked and its pending order stays stored.
    assert!(storage()
        .get_item("iamport-pay:pending:rt-throws")
        .unwrap()
        .is_some());
    let err = pay_js(&params("rt-throws"), &json!({}))
        .await
        .expect_err("rejects");
    assert_eq!(code_of(&err), "duplicate_request");
    // A navigation settles it (here: the page going away).
    dispatch_page_event("pagehide", false);
    let err = pay_js(&params("rt-throws"), &json!({"keepPendingOrder": false}))
        .await
        .expect_err("rejects");
    assert_eq!(
        code_of(&err),
        "payment_state_unknown",
        "free again: IMP was called"
    );
    dispatch_page_event("pagehide", false);
    assert!(take_js("rt-throws").is_object());
}

// ---- the loader ----------------------------------------------------------------------------

/// A fake SDK script: defines `IMP` (answering asynchronously, as the real one), and counts
/// its runs in `window.__runs_{tag}` and its `IMP.init` codes in `window.__inits_{tag}`.
fn fake_sdk(tag: &str) -> String {
    data_script(&format!(
        "window.__runs_{tag}=(window.__runs_{tag}||0)+1;window.__inits_{tag}=[];\
         window.IMP={{init:function(c){{window.__inits_{tag}.push(c)}},\
         request_pay:function(p,cb){{setTimeout(function(){{\
         cb({{imp_uid:'imp_sdk',merchant_uid:p.merchant_uid,success:true}})}},0)}}}};"
    ))
}

fn global(key: &str) -> JsValue {
    get(&window(), key)
}

#[wasm_bindgen_test]
async fn loader_injects_once_shares_the_load_and_inits() {
    remove_imp();
    let url = fake_sdk("once");
    let opts = json!({"userCode": "imp00000001", "sdkUrl": url});
    let a = future_to_promise({
        let o = js(&opts);
        async move { load_iamport_js(o).await.map(|_| JsValue::TRUE) }
    });
    let b = future_to_promise({
        let o = js(&opts);
        async move { load_iamport_js(o).await.map(|_| JsValue::TRUE) }
    });
    JsFuture::from(a).await.expect("loads");
    JsFuture::from(b).await.expect("loads");
    assert_eq!(
        script_tags_with("once"),
        1,
        "one script tag for two callers"
    );
    assert_eq!(global("__runs_once").as_f64(), Some(1.0));
    assert_eq!(to_json(&global("__inits_once")), json!(["imp00000001"]));
    // Loaded and initialized: a third call neither injects nor calls IMP.init again.
    load_iamport_js(js(&opts)).await.expect("loads");
    assert_eq!(script_tags_with("once"), 1);
    assert_eq!(to_json(&global("__inits_once")), json!(["imp00000001"]));
    // requestPay uses the loaded SDK (asynchronous callback, as the real one).
    let r = pay_js(&params("rt-loaded"), &json!({"keepPendingOrder": false}))
        .await
        .expect("a result");
    assert_eq!(get_str(&r, "imp_uid").as_deref(), Some("imp_sdk"));
}

#[wasm_bindgen_test]
async fn request_pay_loads_the_sdk_when_needed() {
    remove_imp();
    let url = fake_sdk("bypay");
    let r = pay_js(
        &params("rt-autoload"),
        &json!({"userCode": "imp00000002", "sdkUrl": url, "keepPendingOrder": false}),
    )
    .await
    .expect("a result");
    assert_eq!(get(&r, "success"), JsValue::TRUE);
    assert_eq!(to_json(&global("__inits_bypay")), json!(["imp00000002"]));
    // Without IMP and without userCode there is nothing to initialize with.
    remove_imp();
    let err = pay_js(
        &params("rt-nocode"),
        &json!({"sdkUrl": "/never-fetched.js"}),
    )
    .await
    .expect_err("rejects");
    assert_eq!(code_of(&err), "invalid_params");
    let issues: Array = get(&err, "issues").into();
    assert_eq!(
        get_str(&issues.get(0), "path").as_deref(),
        Some("options.userCode")
    );
    // IMP there when requestPay is called and gone before the SDK call (a microtask later):
    // without userCode nothing is loaded, and the order is free again.
    let fake = FakeImp::holding();
    let p = spawn_pay(params("rt-gone"), json!({"keepPendingOrder": false}));
    remove_imp();
    let err = JsFuture::from(p).await.expect_err("rejects");
    assert_eq!(code_of(&err), "sdk_load_failed");
    let msg = get_str(&err, "message").unwrap();
    assert!(msg.contains("window.IMP went away"), "{msg}");
    assert_eq!(fake.request_count(), 0);
    let fake = FakeImp::holding();
    let _open = spawn_pay(params("rt-gone"), json!({"keepPendingOrder": false}));
    tick().await;
    assert_eq!(fake.request_count(), 1, "the order was released");
}

#[wasm_bindgen_test]
async fn a_dropped_loader_does_not_strand_the_others() {
    remove_imp();
    let url = fake_sdk("dropped");
    let opts = LoadOptions {
        sdk_url: Some(url.clone()),
        ..LoadOptions::new("imp00000007")
    };
    {
        let mut fut = pin!(load_iamport(&opts));
        let mut cx = Context::from_waker(Waker::noop());
        assert!(matches!(fut.as_mut().poll(&mut cx), Poll::Pending));
    } // the first caller gives up
    load_iamport_js(js(&json!({"userCode": "imp00000007", "sdkUrl": url})))
        .await
        .expect("the shared load still completes");
    assert_eq!(script_tags_with("dropped"), 1);
    assert_eq!(global("__runs_dropped").as_f64(), Some(1.0));
    assert_eq!(to_json(&global("__inits_dropped")), json!(["imp00000007"]));
}

#[wasm_bindgen_test]
async fn a_script_that_404s_is_sdk_load_failed() {
    remove_imp();
    let err = load_iamport_js(js(&json!({
        "userCode": "imp00000003", "sdkUrl": "/iamport-pay-test-missing-404.js", "timeoutMs": 20000
    })))
    .await
    .expect_err("rejects");
    assert_eq!(code_of(&err), "sdk_load_failed");
    assert_eq!(
        script_tags_with("missing-404"),
        0,
        "the failed tag is removed for a retry"
    );
    // The Rust API says the same.
    let e = load_iamport(&LoadOptions {
        sdk_url: Some("/iamport-pay-test-missing-404.js".into()),
        ..LoadOptions::new("imp00000003")
    })
    .await
    .expect_err("rejects");
    assert_eq!(e.code(), ErrorCode::SdkLoadFailed);
}

#[wasm_bindgen_test]
async fn a_script_without_imp_is_sdk_timeout() {
    remove_imp();
    let started = js_sys::Date::now();
    let err = load_iamport_js(js(&json!({
        "userCode": "imp00000004", "sdkUrl": data_script("window.__notImp = 1;"), "timeoutMs": 20000
    })))
    .await
    .expect_err("rejects");
    assert_eq!(code_of(&err), "sdk_timeout");
    assert!(get_str(&err, "message")
        .unwrap()
        .contains("did not define window.IMP"));
    // Decided on `load`, not by waiting out the 20 s timeout.
    assert!(js_sys::Date::now() - started < 5000.0);
}

#[wasm_bindgen_test]
async fn a_script_that_never_loads_times_out() {
    remove_imp();
    // A tag the page already has for this URL, which never fires load or error (a
    // non-JavaScript type is never fetched): the loader reuses it and must not hang.
    let doc = window().document().unwrap();
    let tag = doc.create_element("script").unwrap();
    tag.set_attribute("type", "text/x-never").unwrap();
    let url = format!(
        "{}/iamport-pay-test-stalled.js",
        window().location().origin().unwrap()
    );
    tag.set_attribute("src", &url).unwrap();
    doc.head().unwrap().append_child(&tag).unwrap();
    let started = js_sys::Date::now();
    let err = load_iamport_js(js(
        &json!({"userCode": "imp00000005", "sdkUrl": url, "timeoutMs": 300}),
    ))
    .await
    .expect_err("rejects");
    let waited = js_sys::Date::now() - started;
    assert_eq!(code_of(&err), "sdk_timeout");
    assert!((250.0..5000.0).contains(&waited), "waited {waited} ms");
    assert_eq!(
        script_tags_with("stalled"),
        1,
        "reused, not injected again; the page's tag stays"
    );
    tag.remove();
}

#[wasm_bindgen_test]
async fn an_existing_imp_is_reused_and_initialized_once() {
    let fake = FakeImp::answering(json!({"success": true}));
    let opts = json!({"userCode": "imp00000006", "sdkUrl": "/never-fetched.js"});
    load_iamport_js(js(&opts)).await.expect("no load needed");
    load_iamport_js(js(&opts)).await.expect("no load needed");
    assert_eq!(*fake.inits.borrow(), vec!["imp00000006".to_string()]);
    assert_eq!(script_tags_with("never-fetched"), 0);
    let err = load_iamport_js(js(&json!({})))
        .await
        .expect_err("no userCode");
    assert_eq!(code_of(&err), "invalid_params");
}

#[wasm_bindgen_test]
async fn an_init_that_throws_is_sdk_load_failed_and_a_new_imp_is_initialized_anew() {
    // IMP.init throws: the load is over, the SDK is broken.
    eval("window.IMP = { init(c) { throw new Error('bad code ' + c); }, request_pay() {} };");
    let err = load_iamport_js(js(&json!({"userCode": "imp0000000e"})))
        .await
        .expect_err("rejects");
    assert_eq!(code_of(&err), "sdk_load_failed");
    assert_eq!(
        get_str(&err, "message").as_deref(),
        Some("IMP.init threw: bad code imp0000000e")
    );
    // A value thrown that is not an Error still gives a message.
    eval("window.IMP = { init() { throw 42; }, request_pay() {} };");
    let e = load_iamport(&LoadOptions::new("imp0000000e"))
        .await
        .expect_err("rejects");
    assert_eq!(e.code(), ErrorCode::SdkLoadFailed);
    assert_eq!(e.message(), "IMP.init threw: unknown error");
    // Each IMP object is initialized once per code: the same one is not called again, a
    // replaced one (a second SDK copy) is, and so is the same one with another code.
    let first = FakeImp::answering(json!({"success": true}));
    load_iamport_js(js(&json!({"userCode": "imp0000000f"})))
        .await
        .unwrap();
    load_iamport_js(js(&json!({"userCode": "imp0000000f"})))
        .await
        .unwrap();
    assert_eq!(*first.inits.borrow(), vec!["imp0000000f".to_string()]);
    load_iamport_js(js(&json!({"userCode": "imp00000010"})))
        .await
        .unwrap();
    assert_eq!(first.inits.borrow().len(), 2);
    let second = FakeImp::answering(json!({"success": true}));
    load_iamport_js(js(&json!({"userCode": "imp00000010"})))
        .await
        .unwrap();
    assert_eq!(*second.inits.borrow(), vec!["imp00000010".to_string()]);
    // Something called IMP that is not the SDK (no request_pay function) is loaded over.
    eval("window.IMP = { init() {} };");
    let err = load_iamport_js(js(&json!({
        "userCode": "imp00000011", "sdkUrl": "/iamport-pay-test-not-sdk-404.js", "timeoutMs": 20000
    })))
    .await
    .expect_err("rejects");
    assert_eq!(code_of(&err), "sdk_load_failed");
    assert_eq!(
        get_str(&err, "message"),
        Some(format!(
            "the PortOne SDK failed to load from {}/iamport-pay-test-not-sdk-404.js",
            origin()
        ))
    );
    remove_imp();
}

// ---- pending order -------------------------------------------------------------------------

/// The order is saved from the normalized params, as `IMP.request_pay` gets them: KSNET's
/// digit-string amount coerced to a number, and `custom_data` without its `null` object
/// values (an array keeps its `null` items).
#[wasm_bindgen_test]
async fn pending_order_holds_the_normalized_params() {
    let fake = FakeImp::answering(json!({"imp_uid": "imp_ks_2", "success": true}));
    let p = json!({"pg": "ksnet.MID", "pay_method": "card", "merchant_uid": "rt-normal",
                   "name": "Mug", "amount": "1004", "tax_free": 0, "buyer_name": "홍길동",
                   "buyer_tel": "01012345678", "buyer_email": "a@b.co",
                   "custom_data": {"cart": [1, null], "coupon": null, "note": {"gift": null, "to": "엄마"}}});
    pay_js(&p, &json!({})).await.expect("a result");
    let sent = to_json(&fake.requests.borrow()[0]);
    assert_eq!(sent["amount"], json!(1004));
    let want = json!({"cart": [1, null], "note": {"to": "엄마"}});
    assert_eq!(sent["custom_data"], want);
    let order = to_json(&take_js("rt-normal"));
    assert_eq!(order["amount"], json!(1004));
    assert_eq!(order["pg"], json!("ksnet.MID"));
    assert_eq!(order["customData"], want);
}

#[wasm_bindgen_test]
async fn pending_order_is_saved_taken_once_and_expires() {
    // On mobile the real SDK navigates away inside IMP.request_pay, so the order must be in
    // storage by the time IMP.request_pay runs: the fake looks when it is called.
    let seen = Rc::new(RefCell::new(None));
    let s = seen.clone();
    let fake = FakeImp::install(move |_, _| {
        *s.borrow_mut() = Some(
            storage()
                .get_item("iamport-pay:pending:rt-pending")
                .unwrap(),
        );
    });
    // Redirect flow: the page would navigate away, so the callback never comes.
    let _p = spawn_pay(params("rt-pending"), json!({"mobile": true}));
    tick().await;
    assert_eq!(fake.request_count(), 1);
    let raw = seen
        .borrow()
        .clone()
        .flatten()
        .expect("saved before IMP.request_pay ran");
    let saved: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(saved["amount"], json!(1004));
    // Taken once (as the landing page after the navigation does), then gone.
    let order = take_js("rt-pending");
    let order = to_json(&order);
    assert_eq!(order["merchant_uid"], json!("rt-pending"));
    assert_eq!(order["amount"], json!(1004));
    assert_eq!(order["name"], json!("T-shirt"));
    assert_eq!(order["pg"], json!("html5_inicis.INIpayTest"));
    assert_eq!(order["customData"], json!({"cart": 7}));
    let age = js_sys::Date::now() - order["createdAt"].as_f64().unwrap();
    assert!((0.0..60_000.0).contains(&age), "createdAt is now: {age}");
    assert!(
        take_js("rt-pending").is_null(),
        "a reload does not get it twice"
    );
    assert_eq!(
        storage()
            .get_item("iamport-pay:pending:rt-pending")
            .unwrap(),
        None
    );

    // Expired (2 hours old) and damaged entries give null and are removed.
    let old = js_sys::Date::now() - 2.0 * 3600.0 * 1000.0;
    let stale = json!({"merchant_uid": "rt-old", "amount": 1, "name": null, "pg": null, "createdAt": old as u64});
    storage()
        .set_item("iamport-pay:pending:rt-old", &stale.to_string())
        .unwrap();
    storage()
        .set_item("iamport-pay:pending:rt-bad", "{not json")
        .unwrap();
    assert!(take_js("rt-old").is_null());
    assert!(take_js("rt-bad").is_null());
    assert_eq!(
        storage().get_item("iamport-pay:pending:rt-old").unwrap(),
        None
    );
    assert_eq!(
        storage().get_item("iamport-pay:pending:rt-bad").unwrap(),
        None
    );
    // The Rust API reads the same store.
    assert_eq!(take_pending_order("rt-nothing").unwrap(), None);
}

#[wasm_bindgen_test]
async fn keep_pending_order_false_saves_nothing_and_saving_sweeps_stale_entries() {
    let _fake = FakeImp::answering(json!({"success": true}));
    let old = js_sys::Date::now() - 2.0 * 3600.0 * 1000.0;
    let stale = json!({"merchant_uid": "rt-sweep", "amount": 1, "name": null, "pg": null, "createdAt": old as u64});
    storage()
        .set_item("iamport-pay:pending:rt-sweep", &stale.to_string())
        .unwrap();
    pay_js(&params("rt-nokeep"), &json!({"keepPendingOrder": false}))
        .await
        .unwrap();
    assert_eq!(
        storage().get_item("iamport-pay:pending:rt-nokeep").unwrap(),
        None
    );
    assert!(
        storage()
            .get_item("iamport-pay:pending:rt-sweep")
            .unwrap()
            .is_some(),
        "no save, no sweep"
    );
    pay_js(&params("rt-keep"), &json!({})).await.unwrap();
    assert!(storage()
        .get_item("iamport-pay:pending:rt-keep")
        .unwrap()
        .is_some());
    assert_eq!(
        storage().get_item("iamport-pay:pending:rt-sweep").unwrap(),
        None,
        "swept"
    );
    let order = take_pending_order("rt-keep").unwrap().expect("typed order");
    assert_eq!(
        (order.amount, order.name.as_deref()),
        (1004, Some("T-shirt"))
    );
}

// ---- parseRedirect -------------------------------------------------------------------------

#[wasm_bindgen_test]
fn redirect_case_table_in_the_browser() {
    let cases: Vec<Value> = serde_json::from_str(include_str!("redirect_cases.json")).unwrap();
    let mut failures = Vec::new();
    for case in &cases {
        let input = case["input"].as_str().unwrap();
        let got = match parse_redirect_js(JsValue::from_str(input)) {
            Ok(r) => {
                let mut v = to_json(&r);
                assert_eq!(v["verified"], json!(false));
                v.as_object_mut().unwrap().remove("verified");
                v
            }
            Err(e) => json!({ "error": code_of(&e) }),
        };
        let want = match case.get("error") {
            Some(code) => json!({ "error": code }),
            None => case["expect"].clone(),
        };
        if got != want {
            failures.push(format!("{}: got {got}, want {want}", case["name"]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The same table through the Rust API in wasm.
    for case in &cases {
        let r = iamport_pay::parse_redirect(case["input"].as_str().unwrap());
        assert_eq!(r.is_err(), case.get("error").is_some(), "{}", case["name"]);
    }
}

/// The npm wrappers' path (`parseRedirectJson`, then `JSON.parse`) gives the very object
/// `parse_redirect_js` builds: the same keys in the same order and the same values (compared
/// as `JSON.stringify` text), and the same error code, for every case of the table and for a
/// URL object.
#[wasm_bindgen_test]
fn redirect_json_path_matches_the_object_path() {
    let cases: Vec<Value> = serde_json::from_str(include_str!("redirect_cases.json")).unwrap();
    let url =
        web_sys::Url::new("https://shop.example/d?merchant_uid=u%22q%5C&error_msg=%0A%01").unwrap();
    let mut inputs: Vec<JsValue> = cases
        .iter()
        .map(|c| JsValue::from_str(c["input"].as_str().unwrap()))
        .collect();
    inputs.push(url.into());
    inputs.push(JsValue::from_f64(3.0));
    for input in inputs {
        let text = |v: &JsValue| String::from(JSON::stringify(v).unwrap());
        match (
            parse_redirect_js(input.clone()),
            parse_redirect_json(input.clone()),
        ) {
            (Ok(object), Ok(json)) => {
                let parsed = JSON::parse(&json).expect("valid JSON");
                assert_eq!(text(&parsed), text(&object), "{input:?}");
                assert_eq!(
                    js_sys::Object::get_prototype_of(&parsed),
                    js_sys::Object::get_prototype_of(&object)
                );
            }
            (Err(a), Err(b)) => assert_eq!(code_of(&a), code_of(&b), "{input:?}"),
            (a, b) => panic!("{input:?}: {a:?} vs {b:?}"),
        }
    }
}

#[wasm_bindgen_test]
fn redirect_from_url_location_and_default() {
    let url = web_sys::Url::new(
        "https://shop.example/done?imp_uid=imp_u&merchant_uid=rt-url&imp_success=false&error_msg=%ED%95%9C%EB%8F%84+%EC%B4%88%EA%B3%BC",
    )
    .unwrap();
    let r = parse_redirect_js(url.into()).expect("parses");
    assert_eq!(
        to_json(&r),
        json!({"imp_uid": "imp_u", "merchant_uid": "rt-url", "success": false,
               "error_code": null, "error_msg": "한도 초과", "verified": false})
    );
    // window.location, explicitly and by default, after a same-document URL change.
    let history = window().history().unwrap();
    let before = window().location().href().unwrap();
    let landing = format!(
        "{}?imp_uid=imp_l&merchant_uid=rt-loc&imp_success=true#top",
        before.split(['?', '#']).next().unwrap()
    );
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&landing))
        .unwrap();
    let explicit = parse_redirect_js(window().location().into());
    let default = parse_redirect_js(JsValue::UNDEFINED);
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&before))
        .unwrap();
    for r in [explicit, default] {
        let r = r.expect("parses");
        assert_eq!(get_str(&r, "merchant_uid").as_deref(), Some("rt-loc"));
        assert_eq!(get(&r, "success"), JsValue::TRUE);
        assert_eq!(get_str(&r, "imp_uid").as_deref(), Some("imp_l"));
    }
    // The test page itself is no landing page.
    let err = parse_redirect_js(JsValue::UNDEFINED).expect_err("no merchant_uid");
    assert_eq!(code_of(&err), "invalid_redirect");
    let err = parse_redirect_js(JsValue::from_f64(3.0)).expect_err("not a URL");
    assert_eq!(code_of(&err), "invalid_redirect");
}

// ---- mobile detection ----------------------------------------------------------------------

#[wasm_bindgen_test]
fn mobile_detection_reads_the_user_agent() {
    assert!(!detect_mobile(), "headless desktop Chromium is not mobile");
    let nav = window().navigator();
    let desc = Object::new();
    let ua = "Mozilla/5.0 (Linux; Android 14; SM-S911N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";
    Reflect::set(&desc, &"value".into(), &ua.into()).unwrap();
    Reflect::set(&desc, &"configurable".into(), &JsValue::TRUE).unwrap();
    Reflect::define_property(&nav, &"userAgent".into(), &desc).unwrap();
    let mobile = detect_mobile();
    Reflect::delete_property(&nav, &"userAgent".into()).unwrap();
    assert!(mobile);
    assert!(!detect_mobile());
    // iPadOS 13+ says "Macintosh"; its touch points give it away.
    let ipad = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15";
    Reflect::set(&desc, &"value".into(), &ipad.into()).unwrap();
    Reflect::define_property(&nav, &"userAgent".into(), &desc).unwrap();
    let mac_without_touch = detect_mobile();
    Reflect::set(&desc, &"value".into(), &JsValue::from_f64(5.0)).unwrap();
    Reflect::define_property(&nav, &"maxTouchPoints".into(), &desc).unwrap();
    let ipad_with_touch = detect_mobile();
    Reflect::delete_property(&nav, &"userAgent".into()).unwrap();
    Reflect::delete_property(&nav, &"maxTouchPoints".into()).unwrap();
    assert!(!mac_without_touch);
    assert!(ipad_with_touch);
}

// ---- issue 12: payment-flow reliability ----------------------------------------------------

fn origin() -> String {
    window().location().origin().unwrap()
}

#[wasm_bindgen_test]
async fn issue12_1_back_from_the_pg_page_releases_a_redirect_request() {
    let fake = FakeImp::holding();
    // Redirect mode: the real SDK would navigate to the PG here; the promise stays pending.
    let first = spawn_pay(params("rt-bfcache"), json!({"mobile": true}));
    tick().await;
    assert_eq!(fake.request_count(), 1);
    let err = pay_js(&params("rt-bfcache"), &json!({"mobile": true}))
        .await
        .expect_err("still open");
    assert_eq!(code_of(&err), "duplicate_request");
    // A PC-mode order open at the same time is not touched by the navigation.
    let pc = spawn_pay(
        params("rt-bfcache-pc"),
        json!({"mobile": false, "keepPendingOrder": false}),
    );
    tick().await;
    assert_eq!(fake.request_count(), 2);
    // The page is hidden for the PG and restored from the bfcache when the buyer taps Back.
    dispatch_page_event("pagehide", true);
    dispatch_page_event("pageshow", true);
    let err = JsFuture::from(first)
        .await
        .expect_err("the old request settles: the page is not left waiting");
    assert_eq!(code_of(&err), "payment_state_unknown");
    assert!(get_str(&err, "message").unwrap().contains("Back"));
    // The pending order is kept, as before, for a landing page or a later take.
    assert!(storage()
        .get_item("iamport-pay:pending:rt-bfcache")
        .unwrap()
        .is_some());
    // Paying again works.
    let again = spawn_pay(params("rt-bfcache"), json!({"mobile": true}));
    tick().await;
    assert_eq!(fake.request_count(), 3, "a new window for the retry");
    // pageshow alone (restored, without a pagehide we saw) releases too.
    dispatch_page_event("pageshow", true);
    let err = JsFuture::from(again).await.expect_err("settles");
    assert_eq!(code_of(&err), "payment_state_unknown");
    // A pageshow that is not a bfcache restore (a first load) releases nothing.
    let third = spawn_pay(params("rt-bfcache"), json!({"mobile": true}));
    tick().await;
    assert_eq!(fake.request_count(), 4);
    dispatch_page_event("pageshow", false);
    assert!(!settled(&third).await);
    let err = pay_js(&params("rt-bfcache"), &json!({"mobile": true}))
        .await
        .expect_err("still open");
    assert_eq!(code_of(&err), "duplicate_request");
    dispatch_page_event("pagehide", false);
    // The PC request was never released: still one window for it.
    let err = pay_js(&params("rt-bfcache-pc"), &json!({"mobile": false}))
        .await
        .expect_err("still open");
    assert_eq!(code_of(&err), "duplicate_request");
    let cb = fake.callbacks.borrow()[1].clone();
    cb.call1(
        &JsValue::NULL,
        &js(&json!({"imp_uid": "imp_pc", "merchant_uid": "rt-bfcache-pc", "success": true})),
    )
    .unwrap();
    let r = JsFuture::from(pc).await.expect("resolves");
    assert_eq!(get_str(&r, "imp_uid").as_deref(), Some("imp_pc"));
    let _ = take_js("rt-bfcache");
}

#[wasm_bindgen_test]
async fn issue12_2_a_throw_after_the_window_opened_is_unknown_and_keeps_the_order() {
    let late = LateEvents::listen();
    let reasons = Rc::new(RefCell::new(Vec::new()));
    let r = reasons.clone();
    let hook = iamport_pay::on_late_result(move |l| {
        r.borrow_mut().push((l.reason, l.result.imp_uid.clone()));
    });
    // Opens the window (keeps the callback), schedules its success, then throws.
    let fake = FakeImp::install(|p, cb| {
        let r = js(&json!({"imp_uid": "imp_after_throw", "success": true}));
        Reflect::set(&r, &"merchant_uid".into(), &get(p, "merchant_uid")).unwrap();
        let cb = cb.clone();
        let later = Closure::once_into_js(move || {
            cb.call1(&JsValue::NULL, &r).unwrap();
        });
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 50)
            .unwrap();
        wasm_bindgen::throw_str("SDK bug after opening");
    });
    let err = pay_js(&params("rt-open-throw"), &json!({}))
        .await
        .expect_err("rejects");
    assert_eq!(code_of(&err), "payment_state_unknown");
    // No second window while the first may be open; the landing page still has its order.
    let err = pay_js(&params("rt-open-throw"), &json!({}))
        .await
        .expect_err("rejects");
    assert_eq!(code_of(&err), "duplicate_request");
    assert_eq!(fake.request_count(), 1);
    assert!(storage()
        .get_item("iamport-pay:pending:rt-open-throw")
        .unwrap()
        .is_some());
    // The success arrives later: announced, never ignored; and it frees the order.
    sleep_ms(120).await;
    assert_eq!(
        late.uids(),
        vec![(Some("imp_after_throw".into()), json!(true))]
    );
    assert_eq!(
        *reasons.borrow(),
        vec![(
            iamport_pay::LateReason::AfterRejection,
            Some("imp_after_throw".to_string())
        )]
    );
    drop(hook);
    let order = to_json(&take_js("rt-open-throw"));
    assert_eq!(order["amount"], json!(1004));
    let err = pay_js(
        &params("rt-open-throw"),
        &json!({"keepPendingOrder": false}),
    )
    .await
    .expect_err("this fake always throws");
    assert_eq!(code_of(&err), "payment_state_unknown");
    assert_eq!(fake.request_count(), 2, "free again after the callback");
    sleep_ms(120).await;
    drop(fake);

    // A returned promise that rejects (it used to hang) is unknown too.
    eval(
        "window.__cbs = []; window.IMP = { init() {}, request_pay(p, cb) { \
         window.__cbs.push(cb); return Promise.reject(new Error('rejected by the SDK')); } };",
    );
    let started = js_sys::Date::now();
    let err = pay_js(&params("rt-reject"), &json!({"keepPendingOrder": false}))
        .await
        .expect_err("rejects, does not hang");
    assert_eq!(code_of(&err), "payment_state_unknown");
    assert!(get_str(&err, "message")
        .unwrap()
        .contains("rejected by the SDK"));
    assert!(js_sys::Date::now() - started < 2000.0);
    let err = pay_js(&params("rt-reject"), &json!({"keepPendingOrder": false}))
        .await
        .expect_err("locked");
    assert_eq!(code_of(&err), "duplicate_request");
    eval("window.__cbs[0]({ imp_uid: 'imp_rej', merchant_uid: 'rt-reject', error_msg: 'declined' });");
    // The retry's own late success (the fake schedules one every time), then this one.
    assert_eq!(
        late.uids()[1..].to_vec(),
        vec![
            (Some("imp_after_throw".into()), json!(true)),
            (Some("imp_rej".into()), json!(false))
        ]
    );
    let err = pay_js(&params("rt-reject"), &json!({"keepPendingOrder": false}))
        .await
        .expect_err("this fake always rejects");
    assert_eq!(
        code_of(&err),
        "payment_state_unknown",
        "free after the callback"
    );
    dispatch_page_event("pagehide", false);
    remove_imp();
}

#[wasm_bindgen_test]
async fn issue12_3_a_second_different_callback_and_a_foreign_one_are_announced() {
    let late = LateEvents::listen();
    let hooked = Rc::new(RefCell::new(Vec::new()));
    let h = hooked.clone();
    let hook = iamport_pay::on_late_result(move |l| {
        h.borrow_mut()
            .push((l.result.imp_uid.clone(), l.result.success, l.reason));
    });
    // A fail (imp_A) then a success (imp_B): the promise keeps the first, imp_B is announced.
    let _fake = FakeImp::install(|p, cb| {
        let uid = get(p, "merchant_uid");
        for r in [
            json!({"imp_uid": "imp_A", "success": false, "error_msg": "한도 초과"}),
            json!({"imp_uid": "imp_A", "success": false, "error_msg": "한도 초과"}),
            json!({"imp_uid": "imp_B", "success": true}),
        ] {
            let r = js(&r);
            Reflect::set(&r, &"merchant_uid".into(), &uid).unwrap();
            cb.call1(&JsValue::NULL, &r).unwrap();
        }
    });
    let r = pay_js(&params("rt-ab"), &json!({"keepPendingOrder": false}))
        .await
        .expect("a result");
    assert_eq!(get_str(&r, "imp_uid").as_deref(), Some("imp_A"));
    assert_eq!(get(&r, "success"), JsValue::FALSE);
    // The repeated imp_A is the same answer (not announced); imp_B is.
    assert_eq!(late.uids(), vec![(Some("imp_B".into()), json!(true))]);
    let detail = late.details.borrow()[0].clone();
    assert_eq!(get(&detail, "verified"), JsValue::FALSE);
    assert_eq!(get_str(&detail, "merchant_uid").as_deref(), Some("rt-ab"));
    assert_eq!(
        *hooked.borrow(),
        vec![(
            Some("imp_B".to_string()),
            Some(true),
            iamport_pay::LateReason::Differs
        )]
    );

    // A callback for another merchant_uid does not resolve ours: it is flagged.
    let fake = FakeImp::holding();
    let p = spawn_pay(params("rt-mine"), json!({"keepPendingOrder": false}));
    tick().await;
    let cb = fake.callbacks.borrow()[0].clone();
    cb.call1(
        &JsValue::NULL,
        &js(&json!({"imp_uid": "imp_other", "merchant_uid": "someone-else", "success": true})),
    )
    .unwrap();
    assert!(
        !settled(&p).await,
        "not resolved with another order's result"
    );
    assert_eq!(late.uids()[1], (Some("imp_other".into()), json!(true)));
    assert_eq!(hooked.borrow()[1].2, iamport_pay::LateReason::OtherOrder);
    cb.call1(
        &JsValue::NULL,
        &js(&json!({"imp_uid": "imp_mine", "merchant_uid": "rt-mine", "success": true})),
    )
    .unwrap();
    let r = JsFuture::from(p).await.expect("resolves with ours");
    assert_eq!(get_str(&r, "imp_uid").as_deref(), Some("imp_mine"));
    drop(hook);
    assert_eq!(late.uids().len(), 2);
}

#[wasm_bindgen_test]
async fn issue12_4_twenty_calls_in_one_tick_open_one_window() {
    // An SDK that answers synchronously, inside IMP.request_pay.
    let fake = FakeImp::answering(json!({"imp_uid": "imp_sync", "success": true}));
    let promises: Vec<Promise> = (0..20)
        .map(|_| {
            request_pay_js(
                js(&params("rt-burst")),
                js(&json!({"keepPendingOrder": false})),
            )
        })
        .collect();
    let (mut ok, mut dup) = (0, 0);
    for p in promises {
        match JsFuture::from(p).await {
            Ok(r) => {
                assert_eq!(get_str(&r, "imp_uid").as_deref(), Some("imp_sync"));
                ok += 1;
            }
            Err(e) => {
                assert_eq!(code_of(&e), "duplicate_request");
                dup += 1;
            }
        }
    }
    assert_eq!((ok, dup, fake.request_count()), (1, 19, 1));
    // In Rust the lock is taken when request_pay is called, before the future is polled.
    let req: PaymentRequest = serde_json::from_value(params("rt-burst-rs")).unwrap();
    let opts = PayOptions {
        keep_pending_order: false,
        ..PayOptions::default()
    };
    let a = request_pay(&req, &opts);
    let b = request_pay(&req, &opts);
    let e = b.await.expect_err("the second is refused");
    assert_eq!(e.code(), ErrorCode::DuplicateRequest);
    let r = a.await.expect("the first pays");
    assert_eq!(r.imp_uid.as_deref(), Some("imp_sync"));
    assert_eq!(fake.request_count(), 2);
    // A future dropped without being polled releases its order.
    drop(request_pay(&req, &opts));
    request_pay(&req, &opts).await.expect("free again");
}

#[wasm_bindgen_test]
async fn issue12_5_a_response_that_throws_settles_and_does_not_stall_the_others() {
    eval(
        "window.__cbs = []; window.IMP = { init() {}, request_pay(p, cb) { \
         window.__cbs.push([p.merchant_uid, cb]); } };",
    );
    let opts = json!({"keepPendingOrder": false});
    let a = spawn_pay(params("rt-getter"), opts.clone());
    let b = spawn_pay(params("rt-proxy"), opts.clone());
    let c = spawn_pay(params("rt-plain"), opts);
    tick().await;
    eval(
        "for (const [uid, cb] of window.__cbs) { \
           if (uid === 'rt-getter') cb(Object.defineProperty({ imp_uid: 'imp_g', merchant_uid: uid }, \
             'success', { enumerable: true, get() { throw new Error('boom'); } })); \
           else if (uid === 'rt-proxy') cb(new Proxy({}, { ownKeys() { throw new Error('trap'); }, \
             get() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } })); \
           else cb({ imp_uid: 'imp_p', merchant_uid: uid, success: true }); }",
    );
    sleep_ms(50).await;
    for p in [&a, &b, &c] {
        assert!(settled(p).await, "every payment settles");
    }
    let r = JsFuture::from(a).await.expect("resolves");
    assert_eq!(
        to_json(&r),
        json!({"imp_uid": "imp_g", "merchant_uid": "rt-getter", "success": null, "verified": false})
    );
    let r = JsFuture::from(b).await.expect("resolves");
    assert_eq!(
        to_json(&r),
        json!({"imp_uid": null, "merchant_uid": "rt-proxy", "success": null, "verified": false})
    );
    let r = JsFuture::from(c).await.expect("resolves");
    assert_eq!(get(&r, "success"), JsValue::TRUE);
    // The executor still runs other futures.
    let d = spawn_pay(params("rt-after"), json!({"keepPendingOrder": false}));
    tick().await;
    eval("window.__cbs[3][1]({ imp_uid: 'imp_d', success: true });");
    let r = JsFuture::from(d).await.expect("resolves");
    assert_eq!(get_str(&r, "imp_uid").as_deref(), Some("imp_d"));
    remove_imp();
}

/// Adds `<script src=url>` to the page like a shop's HTML would and waits for it to finish.
async fn page_script(url: &str) {
    let p: Promise = eval(&format!(
        "return new Promise((r) => {{ const s = document.createElement('script'); \
         s.src = {}; s.onload = r; s.onerror = r; document.head.appendChild(s); }});",
        serde_json::to_string(url).unwrap()
    ))
    .unchecked_into();
    JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn issue12_6_a_failed_sdk_tag_on_the_page_is_replaced_not_waited_on() {
    remove_imp();
    // The page's own tag failed (404) before the library looked.
    let url = format!("{}/iamport-pay-test-failed-tag.js", origin());
    page_script(&url).await;
    let started = js_sys::Date::now();
    let err = load_iamport_js(js(
        &json!({"userCode": "imp0000000a", "sdkUrl": url, "timeoutMs": 20000}),
    ))
    .await
    .expect_err("rejects");
    assert_eq!(code_of(&err), "sdk_load_failed");
    assert!(
        js_sys::Date::now() - started < 5000.0,
        "not the 20 s timeout"
    );
    assert_eq!(
        script_tags_with("failed-tag"),
        1,
        "the page's tag stays, ours is removed"
    );

    // A tag that ran without defining IMP (a broken first response): a fresh one recovers.
    let flaky = data_script(
        "window.__flaky_marker = (window.__flaky_marker || 0) + 1; \
         if (window.__flaky_marker > 1) window.IMP = { init(c) { window.__flaky_init = c; }, \
         request_pay(p, cb) { cb({ imp_uid: 'imp_flaky', merchant_uid: p.merchant_uid, success: true }); } };",
    );
    page_script(&flaky).await;
    assert_eq!(global("__flaky_marker").as_f64(), Some(1.0));
    let r = pay_js(
        &params("rt-flaky"),
        &json!({"userCode": "imp0000000b", "sdkUrl": flaky, "keepPendingOrder": false}),
    )
    .await
    .expect("pays after a fresh load");
    assert_eq!(get_str(&r, "imp_uid").as_deref(), Some("imp_flaky"));
    assert_eq!(global("__flaky_marker").as_f64(), Some(2.0));
    assert_eq!(
        global("__flaky_init").as_string().as_deref(),
        Some("imp0000000b")
    );
    remove_imp();

    // An SDK that throws at top level (its load event still fires) is sdk_load_failed.
    let throws = data_script("window.__throws_marker = 1; throw new Error('sdk exploded');");
    let err = load_iamport_js(js(
        &json!({"userCode": "imp0000000c", "sdkUrl": throws, "timeoutMs": 20000}),
    ))
    .await
    .expect_err("rejects");
    assert_eq!(
        code_of(&err),
        "sdk_load_failed",
        "{:?}",
        get_str(&err, "message")
    );
    assert!(get_str(&err, "message").unwrap().contains("threw"));
    assert_eq!(global("__throws_marker").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
async fn issue12_7_each_caller_keeps_its_own_timeout() {
    remove_imp();
    // A load that never finishes: a tag the page has whose type the browser never fetches.
    let stalled = |name: &str| {
        let doc = window().document().unwrap();
        let tag = doc.create_element("script").unwrap();
        tag.set_attribute("type", "text/x-never").unwrap();
        let url = format!("{}/iamport-pay-test-{name}.js", origin());
        tag.set_attribute("src", &url).unwrap();
        doc.head().unwrap().append_child(&tag).unwrap();
        (tag, url)
    };
    let load = |url: &str, ms: u32| {
        let o = js(&json!({"userCode": "imp0000000d", "sdkUrl": url, "timeoutMs": ms}));
        future_to_promise(async move {
            let started = js_sys::Date::now();
            let e = load_iamport_js(o).await.expect_err("times out");
            assert_eq!(code_of(&e), "sdk_timeout");
            Ok(JsValue::from_f64(js_sys::Date::now() - started))
        })
    };
    let waited = |p: Promise| async move { JsFuture::from(p).await.unwrap().as_f64().unwrap() };
    // A long caller first, a short one joins: the short one is not held to the long timeout.
    let (tag1, url1) = stalled("slow-a");
    let long = load(&url1, 1500);
    let short = load(&url1, 300);
    let s = waited(short).await;
    assert!((250.0..1000.0).contains(&s), "short waited {s} ms");
    let l = waited(long).await;
    assert!((1400.0..5000.0).contains(&l), "long waited {l} ms");
    // A short caller first, a long one joins: the long one is not cut short.
    let (tag2, url2) = stalled("slow-b");
    let short = load(&url2, 300);
    let long = load(&url2, 1500);
    let s = waited(short).await;
    let l = waited(long).await;
    assert!((250.0..1000.0).contains(&s), "short waited {s} ms");
    assert!((1400.0..5000.0).contains(&l), "long waited {l} ms");
    tag1.remove();
    tag2.remove();
}

#[wasm_bindgen_test]
async fn issue12_8_a_response_own_proto_key_stays_data() {
    eval(
        "window.IMP = { init() {}, request_pay(p, cb) { cb(JSON.parse('{\"imp_uid\":\"imp_proto\",\
         \"merchant_uid\":\"rt-proto\",\"success\":true,\"__proto__\":{\"isAdmin\":true}}')); } };",
    );
    let r = pay_js(&params("rt-proto"), &json!({"keepPendingOrder": false}))
        .await
        .expect("a result");
    assert!(
        get(&r, "isAdmin").is_undefined(),
        "the prototype is untouched"
    );
    assert!(JsValue::from(Object::get_prototype_of(&r)) == eval("return Object.prototype"));
    let own = Object::get_own_property_descriptor(r.unchecked_ref::<Object>(), &"__proto__".into());
    assert_eq!(to_json(&get(&own, "value")), json!({"isAdmin": true}));
    remove_imp();
}

/// The npm wrapper's issue renderer (the messages section of js/index.js): the wasm's issues
/// carry their message row, not text.
fn render_issue() -> Function {
    const INDEX_JS: &str = include_str!("../js/index.js");
    let start = INDEX_JS.find("// ---- messages:").expect("marked");
    let end = INDEX_JS
        .find("// ---- end of messages ----")
        .expect("marked");
    // What the wrapper defines before the section: the wasm's message table.
    let lines = Array::of2(
        &iamport_pay::js::message_table(0).into(),
        &iamport_pay::js::message_table(1).into(),
    );
    let table = Function::new_with_args("t", "return (lang) => t[lang];")
        .call1(&JsValue::NULL, &lines)
        .expect("a function");
    Function::new_with_args(
        "messageTable",
        &format!("{}\nreturn issue;", &INDEX_JS[start..end]),
    )
    .call1(&JsValue::NULL, &table)
    .expect("the section evaluates")
    .unchecked_into()
}

fn check_pairs(params: &JsValue) -> (Vec<(String, String)>, Vec<String>) {
    let result = iamport_pay::js::check_params(params.clone(), JsValue::UNDEFINED);
    let errors: Array = get(&result, "errors").into();
    let pairs = errors
        .iter()
        .map(|i| (get_str(&i, "path").unwrap(), get_str(&i, "code").unwrap()))
        .collect();
    let render = render_issue();
    let messages = errors
        .iter()
        .map(|i| get_str(&render.call1(&JsValue::NULL, &i).unwrap(), "message").unwrap())
        .collect();
    (pairs, messages)
}

#[wasm_bindgen_test]
fn issue12_8_input_limits_answer_with_an_issue_fast_and_never_trap() {
    use iamport_pay::limits::{MAX_INPUT_BYTES, MAX_KEYS_PER_OBJECT};
    let base = "({pg:'ksnet.M', pay_method:'card', merchant_uid:'o-1', name:'Mug', amount:1004, tax_free:0})";
    // 100,000 keys: a clear "too many values", not "must be an object"; and fast.
    let p = eval(&format!(
        "const p = {base}; for (let i = 0; i < 100000; i++) p['k' + i] = i; return p;"
    ));
    let started = js_sys::Date::now();
    let (pairs, messages) = check_pairs(&p);
    let took = js_sys::Date::now() - started;
    assert_eq!(pairs, vec![(String::new(), "invalid_value".to_string())]);
    assert!(messages[0].contains("too many values"), "{messages:?}");
    assert!(took < 500.0, "100,000 keys took {took} ms");
    let err = iamport_pay::js::build_params(p, JsValue::UNDEFINED).expect_err("refused");
    assert_eq!(code_of(&err), "invalid_params");
    // Just under the cap it is still quick; inside custom_data the issue has its path.
    let p = eval(&format!(
        "const p = {base}; p.custom_data = {{}}; for (let i = 0; i < {MAX_KEYS_PER_OBJECT}; i++) p.custom_data['k' + i] = i; return p;"
    ));
    let started = js_sys::Date::now();
    let (pairs, _) = check_pairs(&p);
    let took = js_sys::Date::now() - started;
    assert!(pairs.is_empty(), "{pairs:?}");
    assert!(took < 500.0, "{MAX_KEYS_PER_OBJECT} keys took {took} ms");
    let p = eval(&format!(
        "const p = {base}; p.custom_data = {{}}; for (let i = 0; i <= {MAX_KEYS_PER_OBJECT}; i++) p.custom_data['k' + i] = i; return p;"
    ));
    assert_eq!(
        check_pairs(&p).0,
        vec![("custom_data".to_string(), "invalid_value".to_string())]
    );
    // About 4.5 GiB of text (300 references to one 15 MiB string): an issue, not an OOM trap.
    let p = eval(&format!(
        "const p = {base}; const s = 'x'.repeat(15 * 1024 * 1024); p.custom_data = Array(300).fill(s); return p;"
    ));
    let (pairs, messages) = check_pairs(&p);
    assert_eq!(
        pairs,
        vec![("custom_data[1]".to_string(), "too_long".to_string())]
    );
    assert!(
        messages[0].contains(&MAX_INPUT_BYTES.to_string()),
        "{messages:?}"
    );
    let err = iamport_pay::js::build_params(p, JsValue::UNDEFINED).expect_err("refused");
    assert_eq!(code_of(&err), "invalid_params");
}
