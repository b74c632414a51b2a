//! wasm-bindgen-test suite in headless browsers (Chromium, and Firefox in scripts/test.sh).
#![cfg(target_arch = "wasm32")]

mod common;
use common::js as shared;

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn runs_in_a_real_browser() {
    let window = web_sys::window().expect("a window");
    assert!(window.document().is_some(), "a DOM document");
    let ua = window.navigator().user_agent().expect("ua");
    assert!(
        ua.contains("Chrome/") || ua.contains("Firefox/"),
        "user agent: {ua}"
    );
}

#[wasm_bindgen_test]
fn shared_cases_in_the_browser() {
    let n = common::run_all(|case| {
        shared::js_pairs(&shared::js(&case.params), &shared::js(&case.options))
    });
    assert!(n >= 10);
}

#[wasm_bindgen_test]
fn non_objects_never_throw() {
    for v in [
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from_f64(f64::NAN),
        JsValue::from_str("x"),
    ] {
        let pairs = shared::js_pairs(&v, &JsValue::UNDEFINED);
        assert_eq!(pairs, vec![(String::new(), "invalid_type".to_string())]);
    }
}

#[wasm_bindgen_test]
fn key_order_does_not_change_the_answer() {
    common::run_all(|case| {
        shared::js_pairs(
            &shared::js_reversed(&case.params),
            &shared::js(&case.options),
        )
    });
}
