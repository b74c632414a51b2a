//! The hooks in a mounted Yew component, against the Rust sandbox, in headless Chromium and
//! Firefox: pay and approve, decline, a second pay while one is open, unmount mid-payment,
//! and the redirect route.
#![cfg(target_arch = "wasm32")]

use iamport_pay::builder::Inicis;
use iamport_pay::sandbox::{Answer, Sandbox};
use iamport_pay::{pending, request_pay, ErrorCode, PayMethod, PayOptions, PaymentRequest};
use iamport_pay_yew::{use_redirect_result, use_request_pay};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

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

#[derive(Properties, PartialEq)]
struct CheckoutProps {
    merchant_uid: AttrValue,
}

/// A checkout as a shop writes it: the button stays enabled here, so the test can press it
/// twice and see the hook refuse the second payment.
#[function_component]
fn Checkout(props: &CheckoutProps) -> Html {
    let (state, pay) = use_request_pay(pc());
    let request = request(&props.merchant_uid);
    let onclick = move |_| pay.emit(request.clone());
    let result = state.result();
    html! {
        <div>
            <button class="pay" {onclick}>{ "결제하기" }</button>
            <p class="state">{ state.as_str() }</p>
            <p class="imp_uid">{ result.and_then(|r| r.imp_uid.clone()).unwrap_or_default() }</p>
            <p class="error_code">{ result.and_then(|r| r.error_code.clone()).unwrap_or_default() }</p>
        </div>
    }
}

struct Mounted {
    root: Element,
    app: Option<yew::AppHandle<Checkout>>,
}

impl Mounted {
    fn new(merchant_uid: &str) -> Mounted {
        let root = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let props = CheckoutProps {
            merchant_uid: merchant_uid.to_string().into(),
        };
        let app = yew::Renderer::<Checkout>::with_root_and_props(root.clone(), props).render();
        Mounted {
            root,
            app: Some(app),
        }
    }

    fn text(&self, class: &str) -> String {
        self.root
            .query_selector(&format!(".{class}"))
            .unwrap()
            .unwrap_or_else(|| panic!("no .{class}"))
            .text_content()
            .unwrap_or_default()
    }

    fn click_pay(&self) {
        let button: HtmlElement = self
            .root
            .query_selector(".pay")
            .unwrap()
            .unwrap()
            .unchecked_into();
        button.click();
    }

    fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.unmount();
        self.root.remove();
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
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

/// Lets renders, tasks and the sandbox's `setTimeout(0)` answers run.
async fn ticks(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn pay_and_approve_renders_the_result() {
    let sandbox = Sandbox::install();
    let page = Mounted::new("yew-approve");
    ticks(0).await;
    assert_eq!(page.text("state"), "idle");
    sandbox.approve_next();
    page.click_pay();
    ticks(0).await;
    assert_eq!(page.text("state"), "paying");
    ticks(20).await;
    assert_eq!(page.text("state"), "paid");
    let calls = sandbox.calls();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0]["merchant_uid"], "yew-approve");
    assert_eq!(page.text("imp_uid"), sandbox.responses()[0]["imp_uid"]);
    assert!(page.text("imp_uid").starts_with("imp_"));
}

#[wasm_bindgen_test]
async fn a_decline_renders_failed_with_the_pg_code() {
    let sandbox = Sandbox::install();
    let page = Mounted::new("yew-decline");
    ticks(0).await;
    sandbox.fail_next("F001", "한도 초과");
    page.click_pay();
    ticks(20).await;
    assert_eq!(page.text("state"), "failed");
    assert_eq!(page.text("error_code"), "F001");
}

#[wasm_bindgen_test]
async fn a_second_pay_while_open_is_refused_and_unmount_releases_the_order() {
    let sandbox = Sandbox::install();
    let mut page = Mounted::new("yew-unmount");
    ticks(0).await;
    // No scripted answer: the sandbox's dialog opens and stays open.
    page.click_pay();
    ticks(10).await;
    assert!(sandbox.is_open());
    assert_eq!(page.text("state"), "paying");
    page.click_pay();
    ticks(10).await;
    assert_eq!(sandbox.calls().len(), 1, "one window per component");
    assert_eq!(page.text("state"), "paying");
    // While the component holds it, the order is taken.
    let dup = request_pay(&request("yew-unmount"), &pc())
        .await
        .unwrap_err();
    assert_eq!(dup.code(), ErrorCode::DuplicateRequest);
    assert!(session_has("yew-unmount"));

    page.unmount();
    ticks(0).await;
    assert_eq!(page.root.child_element_count(), 0, "unmounted");
    // The window is PortOne's: it stays open until the buyer answers it. The answer goes
    // nowhere (the component is gone), and the order is released.
    assert!(sandbox.is_open());
    assert!(sandbox.answer_open(&Answer::Approve));
    ticks(10).await;
    assert_eq!(
        page.root.child_element_count(),
        0,
        "nothing rendered the late answer"
    );
    sandbox.approve_next();
    let again = request_pay(&request("yew-unmount"), &pc()).await.unwrap();
    assert_eq!(again.success, Some(true));
    assert_eq!(sandbox.calls().len(), 2);
    let _ = iamport_pay::take_pending_order("yew-unmount");
}

#[function_component]
fn Landing() -> Html {
    let landing = use_redirect_result();
    let renders = use_mut_ref(|| 0u32);
    *renders.borrow_mut() += 1;
    let rerender = use_force_update();
    let onclick = move |_| rerender.force_update();
    let (uid, success) = match &landing.result {
        Ok(r) => (r.merchant_uid.clone(), format!("{:?}", r.success)),
        Err(e) => (String::new(), e.code().as_str().to_string()),
    };
    html! {
        <div>
            <p class="uid">{ uid }</p>
            <p class="success">{ success }</p>
            <p class="amount">{ landing.pending.as_ref().map(|o| o.amount.to_string()).unwrap_or_default() }</p>
            <p class="renders">{ *renders.borrow() }</p>
            <button class="again" {onclick}>{ "render again" }</button>
        </div>
    }
}

#[wasm_bindgen_test]
async fn the_redirect_route_gets_the_result_and_the_order_once() {
    let window = web_sys::window().unwrap();
    let storage = window.session_storage().unwrap().unwrap();
    let order = iamport_pay::PendingOrder::from_params(
        &serde_json::json!({"merchant_uid": "yew-land", "amount": 27000, "name": "드리퍼"}),
        js_sys::Date::now() as u64,
    )
    .unwrap();
    storage
        .set_item(
            &pending::storage_key("yew-land"),
            &order.to_value().to_string(),
        )
        .unwrap();
    let history = window.history().unwrap();
    let before = window.location().href().unwrap();
    history
        .replace_state_with_url(
            &JsValue::NULL,
            "",
            Some("?imp_uid=imp_1&merchant_uid=yew-land&imp_success=false&error_code=F9"),
        )
        .unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<Landing>::with_root(root.clone()).render();
    ticks(0).await;
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&before))
        .unwrap();
    let text = |c: &str| {
        root.query_selector(&format!(".{c}"))
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(text("uid"), "yew-land");
    assert_eq!(text("success"), "Some(false)");
    assert_eq!(text("amount"), "27000");
    assert!(!session_has("yew-land"), "taken");
    let again: HtmlElement = root
        .query_selector(".again")
        .unwrap()
        .unwrap()
        .unchecked_into();
    again.click();
    ticks(0).await;
    assert_eq!(text("renders"), "2");
    assert_eq!(text("amount"), "27000", "the order stays for later renders");
    app.destroy();
    root.remove();
}
