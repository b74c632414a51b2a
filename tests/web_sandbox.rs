//! The Rust sandbox (`iamport_pay::sandbox`, feature `sandbox`) driving js/sandbox.js, and
//! the checkout layer the framework hooks use (`PayState`, `PayTask`, `RedirectLanding`),
//! in headless Chromium and Firefox.
//!
//! All tests share one page: each installs its own sandbox (dropped at its end, which
//! uninstalls it) and uses its own `merchant_uid`.
#![cfg(target_arch = "wasm32")]

use iamport_pay::builder::Inicis;
use iamport_pay::checkout::{PayState, PayTask, RedirectLanding};
use iamport_pay::sandbox::{Answer, Sandbox};
use iamport_pay::{
    parse_redirect, request_pay, take_pending_order, ErrorCode, PayMethod, PayOptions,
    PaymentRequest,
};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn request(merchant_uid: &str) -> PaymentRequest {
    Inicis::new("INIpayTest")
        .pay_method(PayMethod::Card)
        .merchant_uid(merchant_uid)
        .name("원두 200g")
        .amount(18_500)
        .buyer_tel("01012345678")
        .build()
        .expect("a valid request")
}

fn pc() -> PayOptions {
    PayOptions {
        mobile: Some(false),
        ..PayOptions::default()
    }
}

/// Lets queued tasks and timers (the sandbox answers in a `setTimeout(0)`) run.
async fn ticks(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn imp() -> JsValue {
    js_sys::Reflect::get(&web_sys::window().unwrap(), &"IMP".into()).unwrap()
}

#[wasm_bindgen_test]
async fn approve_next_pays_and_the_call_is_recorded() {
    let sandbox = Sandbox::install();
    assert!(Sandbox::is_installed());
    sandbox.approve_next();
    let r = request_pay(&request("sbx-approve"), &pc()).await.unwrap();
    assert_eq!(r.success, Some(true));
    assert_eq!(r.merchant_uid, "sbx-approve");
    let imp_uid = r.imp_uid.clone().expect("an imp_uid");
    assert!(
        imp_uid.starts_with("imp_") && imp_uid.len() == 16,
        "{imp_uid}"
    );
    assert_eq!(r.response["paid_amount"], 18_500);
    assert_eq!(r.response["pg_provider"], "html5_inicis");
    let calls = sandbox.calls();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0]["merchant_uid"], "sbx-approve");
    assert_eq!(calls[0]["amount"], 18_500);
    assert_eq!(calls[0]["pg"], "html5_inicis.INIpayTest");
    assert_eq!(sandbox.responses()[0]["imp_uid"], imp_uid.as_str());
    assert!(sandbox.redirects().is_empty());
}

#[wasm_bindgen_test]
async fn fail_next_and_cancel_next_are_results() {
    let sandbox = Sandbox::install();
    sandbox.fail_next("F001", "한도 초과").cancel_next();
    let failed = request_pay(&request("sbx-fail"), &pc()).await.unwrap();
    assert_eq!(failed.success, Some(false));
    assert_eq!(failed.error_code.as_deref(), Some("F001"));
    assert_eq!(failed.error_msg.as_deref(), Some("한도 초과"));
    let cancelled = request_pay(&request("sbx-cancel"), &pc()).await.unwrap();
    assert_eq!(cancelled.success, Some(false));
    assert_eq!(cancelled.error_code.as_deref(), Some("SANDBOX_CANCELLED"));
    assert_eq!(sandbox.calls().len(), 2);
}

#[wasm_bindgen_test]
async fn the_dialog_opens_without_a_script_and_answer_open_presses_it() {
    let sandbox = Sandbox::install();
    assert!(!sandbox.answer_open(&Answer::Approve), "no dialog yet");
    let answered = Rc::new(RefCell::new(None));
    let slot = answered.clone();
    wasm_bindgen_futures::spawn_local(async move {
        *slot.borrow_mut() = Some(request_pay(&request("sbx-dialog"), &pc()).await);
    });
    ticks(0).await;
    assert!(sandbox.is_open());
    let doc = web_sys::window().unwrap().document().unwrap();
    assert!(doc.query_selector("iamport-sandbox").unwrap().is_some());
    assert!(sandbox.answer_open(&Answer::Approve));
    ticks(0).await;
    assert!(!sandbox.is_open());
    assert!(doc.query_selector("iamport-sandbox").unwrap().is_none());
    let r = answered.borrow_mut().take().expect("answered").unwrap();
    assert_eq!(r.success, Some(true));
}

#[wasm_bindgen_test]
async fn redirect_mode_records_the_landing_url_and_keeps_the_order() {
    let sandbox = Sandbox::install();
    sandbox.redirect_mode(true).fail_next("F002", "잔액 부족");
    let req = Inicis::new("INIpayTest")
        .pay_method(PayMethod::Card)
        .merchant_uid("sbx-redirect")
        .name("원두 200g")
        .amount(18_500)
        .buyer_tel("01012345678")
        .mobile(true)
        .m_redirect_url("https://shop.example/pay/done?route=redirect")
        .build()
        .unwrap();
    let options = PayOptions {
        mobile: Some(true),
        ..PayOptions::default()
    };
    // The future never completes in redirect mode (the page would be gone).
    let done = Rc::new(RefCell::new(false));
    let flag = done.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = request_pay(&req, &options).await;
        *flag.borrow_mut() = true;
    });
    ticks(20).await;
    assert!(!*done.borrow(), "no callback in redirect mode");
    let urls = sandbox.redirects();
    assert_eq!(urls.len(), 1, "{urls:?}");
    assert!(urls[0].starts_with("https://shop.example/pay/done?route=redirect&imp_uid=imp_"));
    let landed = parse_redirect(&urls[0]).unwrap();
    assert_eq!(landed.merchant_uid, "sbx-redirect");
    assert_eq!(landed.success, Some(false));
    assert_eq!(landed.error_code.as_deref(), Some("F002"));
    let order = take_pending_order("sbx-redirect").unwrap().expect("kept");
    assert_eq!(order.amount, 18_500);
    assert_eq!(
        take_pending_order("sbx-redirect").unwrap(),
        None,
        "taken once"
    );
}

#[wasm_bindgen_test]
async fn one_answer_by_redirect_in_pc_mode() {
    let sandbox = Sandbox::install();
    sandbox.answer_next(Answer::Approve, Some(true));
    let mut req = request("sbx-one-redirect");
    req.m_redirect_url = Some("https://shop.example/done".into());
    wasm_bindgen_futures::spawn_local(async move {
        let _ = request_pay(&req, &pc()).await;
    });
    ticks(20).await;
    let urls = sandbox.redirects();
    assert_eq!(urls.len(), 1);
    let landed = parse_redirect(&urls[0]).unwrap();
    assert_eq!(
        (landed.merchant_uid.as_str(), landed.success),
        ("sbx-one-redirect", Some(true))
    );
    let _ = take_pending_order("sbx-one-redirect");
}

#[wasm_bindgen_test]
fn uninstall_restores_the_previous_imp() {
    let window = web_sys::window().unwrap();
    let before = js_sys::Object::new();
    js_sys::Reflect::set(&window, &"IMP".into(), &before).unwrap();
    let sandbox = Sandbox::install();
    assert!(Sandbox::is_installed());
    assert!(!js_sys::Object::is(&imp(), &before));
    sandbox.uninstall();
    assert!(!Sandbox::is_installed());
    assert!(js_sys::Object::is(&imp(), &before));
    js_sys::Reflect::delete_property(&window, &"IMP".into()).unwrap();
    // Dropping a handle uninstalls too.
    drop(Sandbox::install());
    assert!(imp().is_undefined());
}

#[wasm_bindgen_test]
async fn ksnet_ids_only_is_pay_state_unknown() {
    let sandbox = Sandbox::install();
    sandbox.approve_next();
    let req = iamport_pay::builder::Ksnet::new("2999199999")
        .pay_method(PayMethod::Card)
        .merchant_uid("sbx-ksnet")
        .name("원두")
        .amount(1000)
        .tax_free(0)
        .buyer_tel("01012345678")
        .build()
        .unwrap();
    let r = request_pay(&req, &pc()).await.unwrap();
    assert_eq!(r.success, None);
    let state = PayState::from_outcome(Ok(r));
    assert_eq!(state.as_str(), "unknown");
    assert_eq!(sandbox.responses()[0].as_object().unwrap().len(), 2);
}

// ---- PayTask -------------------------------------------------------------------------------

type Ends = Rc<RefCell<Vec<PayState>>>;

fn start(req: PaymentRequest, options: PayOptions) -> (PayTask, Ends) {
    let ends: Ends = Rc::new(RefCell::new(Vec::new()));
    let sink = ends.clone();
    let task = PayTask::start(req, options, move |s| sink.borrow_mut().push(s));
    (task, ends)
}

#[wasm_bindgen_test]
async fn pay_task_reports_the_end_once() {
    let sandbox = Sandbox::install();
    sandbox.fail_next("F003", "카드 정지");
    let (task, ends) = start(request("task-fail"), pc());
    assert!(task.is_running());
    assert_eq!(task.merchant_uid(), "task-fail");
    ticks(10).await;
    assert!(!task.is_running());
    let ends = ends.borrow();
    assert_eq!(ends.len(), 1);
    match &ends[0] {
        PayState::Failed(r) => assert_eq!(r.error_code.as_deref(), Some("F003")),
        other => panic!("want Failed, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn pay_task_errors_are_pay_state_error() {
    let _sandbox = Sandbox::install();
    let mut bad = request("task-bad");
    bad.amount = 0;
    bad.buyer_tel = None;
    let (_task, ends) = start(bad, pc());
    ticks(0).await;
    let ends = ends.borrow();
    match &ends[..] {
        [PayState::Error(e)] => {
            assert_eq!(e.code(), ErrorCode::InvalidParams);
            assert!(e.issues().iter().any(|i| i.path == "buyer_tel"));
        }
        other => panic!("want one Error, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_second_task_for_the_same_order_is_refused_when_it_starts() {
    let sandbox = Sandbox::install();
    // No scripted answer: the first window opens and stays open.
    let (first, first_ends) = start(request("task-twice"), pc());
    // In the same tick, before the task was polled: the task took the lock when it started,
    // so a direct request_pay (and a second task) for the order is the duplicate.
    let direct = request_pay(&request("task-twice"), &pc());
    let (_second, second_ends) = start(request("task-twice"), pc());
    assert_eq!(
        direct.await.unwrap_err().code(),
        ErrorCode::DuplicateRequest
    );
    ticks(0).await;
    match &second_ends.borrow()[..] {
        [PayState::Error(e)] => assert_eq!(e.code(), ErrorCode::DuplicateRequest),
        other => panic!("want one duplicate_request, got {other:?}"),
    }
    assert_eq!(sandbox.calls().len(), 1, "one window for the order");
    assert!(first.is_running());
    assert!(sandbox.answer_open(&Answer::Approve));
    ticks(10).await;
    assert!(matches!(&first_ends.borrow()[..], [PayState::Paid(_)]));
}

#[wasm_bindgen_test]
async fn a_cancelled_task_never_reports_and_the_order_is_released() {
    let sandbox = Sandbox::install();
    // No scripted answer: the dialog opens and stays open.
    let (task, ends) = start(request("task-cancel"), pc());
    ticks(0).await;
    assert!(sandbox.is_open());
    assert!(task.is_running());
    // While it runs, the same order is a duplicate.
    let dup = request_pay(&request("task-cancel"), &pc())
        .await
        .unwrap_err();
    assert_eq!(dup.code(), ErrorCode::DuplicateRequest);

    assert!(task.cancel(), "it was running");
    assert!(!task.is_running());
    assert!(!task.cancel(), "only once");
    drop(task);
    // The window is PortOne's: it stays open until the buyer answers it.
    assert!(sandbox.is_open());
    assert!(sandbox.answer_open(&Answer::Approve));
    ticks(10).await;
    assert!(ends.borrow().is_empty(), "{:?}", ends.borrow());
    // Released: the same merchant_uid pays again.
    sandbox.approve_next();
    let again = request_pay(&request("task-cancel"), &pc()).await.unwrap();
    assert_eq!(again.success, Some(true));
    assert_eq!(sandbox.calls().len(), 2);
    let _ = take_pending_order("task-cancel");
}

#[wasm_bindgen_test]
fn redirect_landing_takes_the_order_once() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let before = window.location().href().unwrap();
    let storage = window.session_storage().unwrap().unwrap();
    let order = iamport_pay::PendingOrder::from_params(
        &serde_json::json!({"merchant_uid": "land-1", "amount": 9900, "name": "머그컵"}),
        js_sys::Date::now() as u64,
    )
    .unwrap();
    storage
        .set_item(
            &iamport_pay::pending::storage_key("land-1"),
            &order.to_value().to_string(),
        )
        .unwrap();
    history
        .replace_state_with_url(
            &JsValue::NULL,
            "",
            Some("?imp_uid=imp_123&merchant_uid=land-1&imp_success=true"),
        )
        .unwrap();
    let first = RedirectLanding::take();
    let second = RedirectLanding::take();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&before))
        .unwrap();
    let result = first.result.unwrap();
    assert_eq!(result.imp_uid.as_deref(), Some("imp_123"));
    assert_eq!(result.success, Some(true));
    assert_eq!(first.pending.expect("the kept order").amount, 9900);
    assert!(second.result.is_ok());
    assert_eq!(second.pending, None, "taken once");
}
