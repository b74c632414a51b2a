//! Helpers for the wasm suites: run a case through the JS interop exactly as `checkParams`
//! does for a JS caller (params built with JSON.parse, result read back from the JS object).
#![allow(dead_code)]

use iamport_pay::js::check_params;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::JsValue;

pub fn js(v: &serde_json::Value) -> JsValue {
    JSON::parse(&v.to_string()).expect("valid JSON")
}

pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("object")
}

/// `(path, code)` of every error and warning `checkParams` returns.
pub fn js_pairs(params: &JsValue, options: &JsValue) -> Vec<(String, String)> {
    let result = check_params(params.clone(), options.clone());
    let mut out = Vec::new();
    for list in ["errors", "warnings"] {
        let arr: Array = get(&result, list).into();
        for issue in arr.iter() {
            out.push((
                get(&issue, "path").as_string().expect("path"),
                get(&issue, "code").as_string().expect("code"),
            ));
        }
    }
    out
}

/// The same object with its top-level keys in reverse order (JS keeps insertion order).
pub fn js_reversed(v: &serde_json::Value) -> JsValue {
    match v.as_object() {
        Some(map) => {
            let body: Vec<String> = map
                .iter()
                .rev()
                .map(|(k, v)| format!("{}:{}", serde_json::Value::from(k.as_str()), v))
                .collect();
            JSON::parse(&format!("{{{}}}", body.join(","))).expect("valid JSON")
        }
        None => js(v),
    }
}
