//! The browser runtime in headless Chromium: the SDK loader (fake SDK scripts from `data:`
//! URLs and a 404), `requestPay` against a fake `window.IMP`, the pending order in
//! `sessionStorage`, and `parseRedirect` on the shared table (tests/redirect_cases.json).
//!
//! All tests share one page, so each uses its own `merchant_uid` and installs its own fake
//! `IMP` (or removes it) first; the async tests run one at a time.
#![cfg(target_arch = "wasm32")]

use iamport_pay::js::runtime::{
    detect_mobile, load_iamport_js, parse_redirect_js, request_pay_js, take_pending_order_js,
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
    request_pay_js(js(params), js(options)).await
}

/// Starts `requestPay` as a JS Promise (running concurrently with the test).
fn spawn_pay(params: Value, options: Value) -> Promise {
    future_to_promise(async move { pay_js(&params, &options).await })
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
async fn a_second_callback_is_ignored() {
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
    } // dropped here
      // The SDK calling back after the drop does nothing (and does not throw).
    let old = fake.callbacks.borrow()[0].clone();
    assert!(old
        .call1(&JsValue::NULL, &js(&json!({"success": true})))
        .is_ok());
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
async fn imp_request_pay_throwing_rejects_and_forgets_the_order() {
    let _fake = FakeImp::install(|_, _| {
        wasm_bindgen::throw_str("IMP not initialized");
    });
    let err = pay_js(&params("rt-throws"), &json!({}))
        .await
        .expect_err("rejects");
    assert_eq!(code_of(&err), "sdk_load_failed");
    assert!(get_str(&err, "message")
        .unwrap()
        .contains("IMP not initialized"));
    assert!(take_js("rt-throws").is_null(), "no window, no saved order");
    // Released: the next attempt is not a duplicate.
    let err = pay_js(&params("rt-throws"), &json!({}))
        .await
        .expect_err("rejects");
    assert_eq!(code_of(&err), "sdk_load_failed");
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

// ---- pending order -------------------------------------------------------------------------

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
