//! The README's "Test your own checkout in Rust" example, compiled and run as it is shown
//! (tests/e2e/examples-readme.mjs checks that the README block equals the region below).
// ANCHOR: test
// tests/checkout.rs: `wasm-pack test --headless --chrome` runs it in a real browser.
#![cfg(target_arch = "wasm32")]

use iamport_pay::builder::Inicis;
use iamport_pay::sandbox::Sandbox;
use iamport_pay::{request_pay, PayMethod, PayOptions};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_declined_card_then_a_new_order_that_is_paid() {
    let sandbox = Sandbox::install(); // window.IMP is the sandbox until `sandbox` is dropped
    let request = Inicis::new("INIpayTest")
        .pay_method(PayMethod::Card)
        .merchant_uid("order-1001")
        .name("원두 200g")
        .amount(18_500)
        .buyer_tel("01012345678")
        .build()
        .expect("a valid request");
    let options = PayOptions {
        mobile: Some(false), // PC: the answer comes through the callback
        ..PayOptions::default()
    };

    sandbox.fail_next("F001", "한도 초과");
    let declined = request_pay(&request, &options).await.unwrap();
    assert_eq!(declined.success, Some(false)); // a decline is a result, not an Err
    assert_eq!(declined.error_code.as_deref(), Some("F001"));

    let mut retry = request.clone();
    retry.merchant_uid = "order-1002".into(); // PortOne wants a new merchant_uid per attempt
    sandbox.approve_next();
    let paid = request_pay(&retry, &options).await.unwrap();
    assert_eq!(paid.success, Some(true));
    assert!(paid.imp_uid.unwrap_or_default().starts_with("imp_"));

    let calls = sandbox.calls(); // what PortOne's SDK would have received
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[1]["merchant_uid"], "order-1002");
    assert_eq!(calls[1]["amount"], 18_500);
}
// ANCHOR_END: test
