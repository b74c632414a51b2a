//! The bad-input corpus in a real browser (issue 8): hostile or broken values handed to
//! `checkParams` / `buildParams` give issues or a clear error object, never a wasm trap, a hang
//! or a changed `Object.prototype`. Runs in headless Chromium and headless Firefox.
#![cfg(target_arch = "wasm32")]

use iamport_pay::js::{build_params, check_params};
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Evaluates `body` (a function body that returns a value) in the page.
fn make(body: &str) -> JsValue {
    Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .expect("the corpus builder itself does not throw")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("object")
}

/// `(path, code)` of every issue `checkParams` reports (it must not throw).
fn pairs(params: &JsValue) -> Vec<(String, String)> {
    let result = check_params(params.clone(), JsValue::UNDEFINED);
    let mut out = Vec::new();
    for list in ["errors", "warnings"] {
        let arr: Array = get(&result, list).into();
        for issue in arr.iter() {
            out.push((
                get(&issue, "path").as_string().unwrap_or_default(),
                get(&issue, "code").as_string().unwrap_or_default(),
            ));
        }
    }
    out
}

fn has(pairs: &[(String, String)], path: &str, code: &str) -> bool {
    pairs.iter().any(|(p, c)| p == path && c == code)
}

/// `buildParams` either returns a plain object or throws the library's error object.
fn build_error_code(params: &JsValue) -> Option<String> {
    match build_params(params.clone(), JsValue::UNDEFINED) {
        Ok(v) => {
            let proto = Object::get_prototype_of(&v);
            assert!(
                JsValue::from(proto) == make("return Object.prototype"),
                "buildParams returns a plain object"
            );
            None
        }
        Err(e) => {
            assert_eq!(get(&e, "__iamportPayError"), JsValue::TRUE);
            Some(get(&e, "code").as_string().expect("code is a string"))
        }
    }
}

/// A valid KSNET request as a JS expression, to graft hostile values onto.
const BASE: &str =
    "({pg:'ksnet.M', pay_method:'card', merchant_uid:'o-1', name:'Mug', amount:1004, tax_free:0})";

fn prototype_snapshot() -> String {
    make("return Object.getOwnPropertyNames(Object.prototype).sort().join(',') + '|' + ({}).polluted + '|' + ({}).isAdmin")
        .as_string()
        .expect("string")
}

#[wasm_bindgen_test]
fn deep_nesting_10000_levels() {
    let p = make(&format!(
        "let o = {{}}; for (let i = 0; i < 10000; i++) o = {{a: o}}; const p = {BASE}; p.custom_data = o; return p;"
    ));
    let got = pairs(&p);
    assert!(has(&got, "custom_data", "invalid_value"), "{got:?}");
    assert_eq!(build_error_code(&p).as_deref(), Some("invalid_params"));
    // The root itself nested 10,000 levels deep (an array of arrays).
    let root = make("let o = []; for (let i = 0; i < 10000; i++) o = [o]; return o;");
    assert_eq!(
        pairs(&root),
        vec![(String::new(), "invalid_type".to_string())]
    );
}

#[wasm_bindgen_test]
fn ten_megabyte_string() {
    let p = make(&format!(
        "const p = {BASE}; p.name = 'x'.repeat(10 * 1024 * 1024); return p;"
    ));
    let got = pairs(&p);
    assert!(has(&got, "name", "too_long"), "{got:?}");
    assert_eq!(build_error_code(&p).as_deref(), Some("invalid_params"));
}

#[wasm_bindgen_test]
fn prototype_pollution_keys() {
    let before = prototype_snapshot();
    // JSON.parse makes `__proto__` an own data key (an object literal or Object.assign would
    // set the prototype instead): the way such keys arrive from a request body.
    let p = make(
        r#"return JSON.parse('{"pg":"ksnet.M","pay_method":"card","merchant_uid":"o-1","name":"Mug","amount":1004,"tax_free":0,"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"isAdmin":true}},"custom_data":{"__proto__":{"polluted":"yes"},"k":1}}');"#,
    );
    let got = pairs(&p);
    // An own `__proto__` is refused at any depth (docs/RULES.md §1.2), so buildParams and
    // requestPay never forward it; `constructor` is a plain data key (unknown_field).
    assert!(has(&got, "__proto__", "forbidden_field"), "{got:?}");
    assert!(
        has(&got, "custom_data.__proto__", "forbidden_field"),
        "{got:?}"
    );
    assert!(has(&got, "constructor", "unknown_field"), "{got:?}");
    assert_eq!(build_error_code(&p).as_deref(), Some("invalid_params"));
    assert_eq!(prototype_snapshot(), before, "Object.prototype unchanged");
}

#[wasm_bindgen_test]
fn non_plain_objects() {
    for (expr, path) in [
        ("new Map([['amount', 1]])", ""),
        ("new Date()", ""),
        (
            "new (class Order { constructor() { this.amount = 1; } })()",
            "",
        ),
    ] {
        let v = make(&format!("return {expr};"));
        assert_eq!(
            pairs(&v),
            vec![(path.to_string(), "invalid_type".to_string())],
            "{expr}"
        );
        assert_eq!(
            build_error_code(&v).as_deref(),
            Some("invalid_params"),
            "{expr}"
        );
    }
    let p = make(&format!(
        "const p = {BASE}; p.custom_data = new Map(); p.period = new Date(); return p;"
    ));
    let got = pairs(&p);
    assert!(has(&got, "custom_data", "invalid_type"), "{got:?}");
    assert!(has(&got, "period", "invalid_type"), "{got:?}");
}

#[wasm_bindgen_test]
fn getters_and_proxies_that_throw() {
    let p = make(&format!(
        "const p = {BASE}; Object.defineProperty(p, 'amount', {{ enumerable: true, get() {{ throw new Error('boom'); }} }}); return p;"
    ));
    let got = pairs(&p);
    assert!(has(&got, "amount", "invalid_value"), "{got:?}");
    assert_eq!(build_error_code(&p).as_deref(), Some("invalid_params"));
    let proxy = make(
        "return new Proxy({}, { ownKeys() { throw new Error('trap'); }, get() { throw new Error('trap'); } });",
    );
    let got = pairs(&proxy);
    assert!(!got.is_empty(), "a throwing proxy is reported");
    assert_eq!(build_error_code(&proxy).as_deref(), Some("invalid_params"));
}

#[wasm_bindgen_test]
fn cyclic_objects() {
    let p = make(&format!(
        "const p = {BASE}; p.custom_data = {{}}; p.custom_data.self = p.custom_data; p.bypass = p; return p;"
    ));
    let got = pairs(&p);
    assert!(!got.is_empty());
    assert!(
        got.iter()
            .any(|(path, code)| path.starts_with("custom_data") && code == "invalid_value"),
        "{got:?}"
    );
    assert_eq!(build_error_code(&p).as_deref(), Some("invalid_params"));
}

#[wasm_bindgen_test]
fn bigint_and_symbols() {
    let p = make(&format!(
        "const p = {BASE}; p.amount = 1004n; p[Symbol('s')] = 1; p.name = Symbol('n'); return p;"
    ));
    let got = pairs(&p);
    assert!(has(&got, "amount", "invalid_type"), "{got:?}");
    assert!(has(&got, "name", "invalid_type"), "{got:?}");
    assert_eq!(build_error_code(&p).as_deref(), Some("invalid_params"));
}

#[wasm_bindgen_test]
fn functions_undefined_and_sparse_arrays() {
    let p = make(&format!(
        "const p = {BASE}; p.buyer_tel = () => '010'; p.notice_url = [ , 'https://a.example/h']; p.buyer_email = undefined; return p;"
    ));
    let got = pairs(&p);
    assert!(has(&got, "buyer_tel", "invalid_type"), "{got:?}");
    assert!(
        !got.iter().any(|(path, _)| path == "buyer_email"),
        "{got:?}"
    );
}
