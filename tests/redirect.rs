//! `parse_redirect` against the shared case table (tests/redirect_cases.json). The same table
//! runs in headless Chromium (tests/web_runtime.rs), where the browser's URLSearchParams does
//! the decoding: both must give the same answers.

use iamport_pay::{parse_redirect, ErrorCode, RedirectResult};
use serde_json::{json, Value};

const CASES: &str = include_str!("redirect_cases.json");

fn as_json(r: &RedirectResult) -> Value {
    json!({
        "imp_uid": r.imp_uid, "merchant_uid": r.merchant_uid, "success": r.success,
        "error_code": r.error_code, "error_msg": r.error_msg,
    })
}

#[test]
fn redirect_case_table() {
    let cases: Vec<Value> = serde_json::from_str(CASES).expect("valid JSON");
    assert!(cases.len() >= 25);
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let input = case["input"].as_str().expect("input");
        let got = match parse_redirect(input) {
            Ok(r) => as_json(&r),
            Err(e) => json!({ "error": e.code().as_str() }),
        };
        let want = match case.get("error") {
            Some(code) => json!({ "error": code }),
            None => case["expect"].clone(),
        };
        if got != want {
            failures.push(format!(
                "{name}\n  input: {input:?}\n  got:  {got}\n  want: {want}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn invalid_redirect_error_shape() {
    let e = parse_redirect("https://shop.example/done?imp_uid=imp_1").unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidRedirect);
    assert!(e.message().contains("merchant_uid"), "{}", e.message());
    assert!(e.issues().is_empty());
    assert_eq!(e.to_string().split(':').next(), Some("invalid_redirect"));
}

#[test]
fn never_panics_on_odd_input() {
    for input in [
        "?",
        "#",
        "??&&==",
        "%",
        "%%%",
        "a:b:c",
        "\u{0}",
        "?merchant_uid=%FF%FE",
        "://?merchant_uid=x",
    ] {
        let _ = parse_redirect(input);
    }
    // Invalid UTF-8 after decoding becomes U+FFFD, as in the browser.
    let r = parse_redirect("?merchant_uid=%FF").unwrap();
    assert_eq!(r.merchant_uid, "\u{FFFD}");
}
