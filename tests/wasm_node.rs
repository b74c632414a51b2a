//! wasm-bindgen-test suite in Node: the shared case table through the JS interop.
#![cfg(target_arch = "wasm32")]

mod common;
use common::js as shared;

use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn shared_cases_in_node() {
    let n = common::run_all(|case| {
        shared::js_pairs(&shared::js(&case.params), &shared::js(&case.options))
    });
    assert!(n >= 10);
}

#[wasm_bindgen_test]
fn not_in_a_browser_here() {
    assert!(web_sys::window().is_none(), "this suite must run in Node");
}
