//! The npm package's JSON path (`src/wire.rs`: text → borrowed tree → rules → JSON answer)
//! against the native path (`serde_json` → `Value` → `check` / `build_params`) over arbitrary
//! text: the same `(path, code)` pairs, the same normalized params, and no text the strict
//! parser accepts that serde_json refuses.
#![no_main]

use iamport_pay::{build_params, check, CheckOptions};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// The sorted `(path, code)` pairs of flat issue fields (six an issue: `wire::push_issue`).
fn pairs(fields: &[Value]) -> Vec<(String, String)> {
    assert_eq!(fields.len() % 6, 0, "six fields an issue");
    let mut out: Vec<(String, String)> = fields
        .chunks(6)
        .map(|i| {
            let s = |k: usize| i[k].as_str().expect("string field").to_string();
            (s(0), s(1))
        })
        .collect();
    out.sort();
    out
}

fuzz_target!(|data: &[u8]| {
    let (flags, text) = data.split_first().unwrap_or((&0, &[]));
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let flags = u32::from(*flags & 3);
    let answer = iamport_pay::wire::check_json(text, None, flags);
    if answer.is_empty() {
        return; // not what the wrapper's guard sends: the careful path answers instead
    }
    let value: Value = serde_json::from_str(text).expect("the strict parser took text serde_json refuses");
    let options = CheckOptions::default().mobile(flags & 1 != 0).webview(flags & 2 != 0);
    let report = check(&value, &options);
    // [provider, errors, …six fields an issue]: errors first, then warnings.
    let got: Vec<Value> = serde_json::from_str(&answer).expect("checkJson answers a JSON array");
    let errors = got[1].as_u64().expect("the number of errors") as usize;
    assert_eq!(errors == 0, report.is_ok());
    let end = 2 + 6 * errors;
    let mut want_errors: Vec<(String, String)> = report
        .errors()
        .map(|i| (i.path.clone(), i.code.as_str().to_string()))
        .collect();
    want_errors.sort();
    let mut want_warnings: Vec<(String, String)> = report
        .warnings()
        .map(|i| (i.path.clone(), i.code.as_str().to_string()))
        .collect();
    want_warnings.sort();
    assert_eq!(pairs(&got[2..end]), want_errors);
    assert_eq!(pairs(&got[end..]), want_warnings);

    let built_text = iamport_pay::wire::build_json(text, None, flags);
    // With FLAG_SAME, "=" only when the normalized params are the params as parsed; any
    // other answer is the one without the flag.
    let same = iamport_pay::wire::build_json(text, None, flags | iamport_pay::wire::FLAG_SAME);
    if same == "=" {
        assert_eq!(build_params(&value, &options).ok(), Some(value.clone()));
    } else {
        assert_eq!(same, built_text);
    }
    if built_text.is_empty() {
        return;
    }
    let built: Value = serde_json::from_str(&built_text).expect("buildJson answers JSON");
    match build_params(&value, &options) {
        Ok(params) => assert_eq!(built["params"], params),
        Err(r) => {
            assert!(!r.is_ok());
            let fields = built["error"].as_array().expect("the errors' fields");
            assert_eq!(pairs(fields), pairs(&got[2..end]));
        }
    }
});
