//! The hooks in a mounted Leptos component, against the Rust sandbox, in headless Chromium
//! and Firefox: pay and approve, decline, a second pay while one is open, unmount (owner
//! cleanup) mid-payment, and the redirect route.
#![cfg(target_arch = "wasm32")]

use iamport_pay::builder::Inicis;
use iamport_pay::sandbox::{Answer, Sandbox};
use iamport_pay::{pending, request_pay, ErrorCode, PayMethod, PayOptions, PaymentRequest};
use iamport_pay_leptos::{use_redirect_result, use_request_pay, PayState};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

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

/// A checkout as a shop writes it; the button stays enabled so the test can press it twice.
/// `refused` counts the `pay` calls the hook turned down.
#[component]
fn Checkout(merchant_uid: &'static str, refused: Rc<Cell<u32>>) -> impl IntoView {
    let payment = use_request_pay();
    let state = payment.state();
    let on_pay = move |_| {
        if !payment.pay(request(merchant_uid), pc()) {
            refused.set(refused.get() + 1);
        }
    };
    let imp_uid = move || state.with(|s| s.result().and_then(|r| r.imp_uid.clone()));
    let code = move || state.with(|s| s.result().and_then(|r| r.error_code.clone()));
    view! {
        <button class="pay" on:click=on_pay>"결제하기"</button>
        <p class="state">{move || state.with(PayState::as_str)}</p>
        <p class="imp_uid">{imp_uid}</p>
        <p class="error_code">{code}</p>
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn fresh_root() -> HtmlElement {
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

fn text(root: &HtmlElement, class: &str) -> String {
    root.query_selector(&format!(".{class}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no .{class}"))
        .text_content()
        .unwrap_or_default()
}

fn click(root: &HtmlElement, class: &str) {
    let button: HtmlElement = root
        .query_selector(&format!(".{class}"))
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
}

fn session_has(merchant_uid: &str) -> bool {
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    storage
        .get_item(&pending::storage_key(merchant_uid))
        .unwrap()
        .is_some()
}

/// Lets effects, tasks and the sandbox's `setTimeout(0)` answers run.
async fn ticks(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn mount(root: &HtmlElement, merchant_uid: &'static str, refused: &Rc<Cell<u32>>) -> impl Drop {
    let refused = refused.clone();
    leptos::mount::mount_to(root.clone(), move || {
        view! { <Checkout merchant_uid refused=refused.clone() /> }
    })
}

#[wasm_bindgen_test]
async fn pay_and_approve_renders_the_result() {
    let sandbox = Sandbox::install();
    let root = fresh_root();
    let refused = Rc::new(Cell::new(0));
    let _app = mount(&root, "leptos-approve", &refused);
    ticks(0).await;
    assert_eq!(text(&root, "state"), "idle");
    sandbox.approve_next();
    click(&root, "pay");
    ticks(0).await;
    assert_eq!(text(&root, "state"), "paying");
    ticks(20).await;
    assert_eq!(text(&root, "state"), "paid");
    let calls = sandbox.calls();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0]["merchant_uid"], "leptos-approve");
    assert_eq!(text(&root, "imp_uid"), sandbox.responses()[0]["imp_uid"]);
    assert!(text(&root, "imp_uid").starts_with("imp_"));
    assert_eq!(refused.get(), 0);
}

#[wasm_bindgen_test]
async fn a_decline_renders_failed_with_the_pg_code() {
    let sandbox = Sandbox::install();
    let root = fresh_root();
    let refused = Rc::new(Cell::new(0));
    let _app = mount(&root, "leptos-decline", &refused);
    ticks(0).await;
    sandbox.fail_next("F001", "한도 초과");
    click(&root, "pay");
    ticks(20).await;
    assert_eq!(text(&root, "state"), "failed");
    assert_eq!(text(&root, "error_code"), "F001");
}

#[wasm_bindgen_test]
async fn a_second_pay_while_open_is_refused_and_unmount_releases_the_order() {
    let sandbox = Sandbox::install();
    let root = fresh_root();
    let refused = Rc::new(Cell::new(0));
    let app = mount(&root, "leptos-unmount", &refused);
    ticks(0).await;
    // No scripted answer: the sandbox's dialog opens and stays open.
    click(&root, "pay");
    ticks(10).await;
    assert!(sandbox.is_open());
    assert_eq!(text(&root, "state"), "paying");
    click(&root, "pay");
    ticks(10).await;
    assert_eq!(refused.get(), 1);
    assert_eq!(sandbox.calls().len(), 1, "one window per component");
    let dup = request_pay(&request("leptos-unmount"), &pc())
        .await
        .unwrap_err();
    assert_eq!(dup.code(), ErrorCode::DuplicateRequest);
    assert!(session_has("leptos-unmount"));

    drop(app); // unmounts: the owner's cleanup cancels the payment
    assert_eq!(root.child_element_count(), 0, "unmounted");
    // The window is PortOne's: it stays open until the buyer answers it. The answer goes
    // nowhere (the component is gone), and the order is released.
    assert!(sandbox.is_open());
    assert!(sandbox.answer_open(&Answer::Approve));
    ticks(10).await;
    assert_eq!(
        root.child_element_count(),
        0,
        "nothing rendered the late answer"
    );
    sandbox.approve_next();
    let again = request_pay(&request("leptos-unmount"), &pc())
        .await
        .unwrap();
    assert_eq!(again.success, Some(true));
    assert_eq!(sandbox.calls().len(), 2);
    let _ = iamport_pay::take_pending_order("leptos-unmount");
}

#[component]
fn Landing() -> impl IntoView {
    let landing = use_redirect_result();
    let (uid, success) = match &landing.result {
        Ok(r) => (r.merchant_uid.clone(), format!("{:?}", r.success)),
        Err(e) => (String::new(), e.code().as_str().to_string()),
    };
    let amount = landing.pending.as_ref().map(|o| o.amount.to_string());
    view! {
        <p class="uid">{uid}</p>
        <p class="success">{success}</p>
        <p class="amount">{amount}</p>
    }
}

#[wasm_bindgen_test]
async fn the_redirect_route_gets_the_result_and_the_order_once() {
    let window = web_sys::window().unwrap();
    let storage = window.session_storage().unwrap().unwrap();
    let order = iamport_pay::PendingOrder::from_params(
        &serde_json::json!({"merchant_uid": "leptos-land", "amount": 9900, "name": "머그컵"}),
        js_sys::Date::now() as u64,
    )
    .unwrap();
    storage
        .set_item(
            &pending::storage_key("leptos-land"),
            &order.to_value().to_string(),
        )
        .unwrap();
    let history = window.history().unwrap();
    let before = window.location().href().unwrap();
    history
        .replace_state_with_url(
            &JsValue::NULL,
            "",
            Some("?imp_uid=imp_2&merchant_uid=leptos-land&imp_success=true"),
        )
        .unwrap();
    let root = fresh_root();
    let app = leptos::mount::mount_to(root.clone(), Landing);
    ticks(0).await;
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&before))
        .unwrap();
    assert_eq!(text(&root, "uid"), "leptos-land");
    assert_eq!(text(&root, "success"), "Some(true)");
    assert_eq!(text(&root, "amount"), "9900");
    assert!(!session_has("leptos-land"), "taken");
    drop(app);
}
