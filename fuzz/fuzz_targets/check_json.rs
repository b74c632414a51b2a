//! The dynamic checker over arbitrary JSON: it must never panic, `ok` must match the errors,
//! and `build_params` must agree with `check` and give params that re-check clean.
#![no_main]

use iamport_pay::{build_params, check, CheckOptions, Provider};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (opts_byte, json) = data.split_first().unwrap_or((&0, &[]));
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(json) else {
        return;
    };
    let mut options = CheckOptions::default();
    options.mobile = opts_byte & 1 == 1;
    options.webview = opts_byte & 2 == 2;
    let providers = Provider::ALL;
    let idx = usize::from(opts_byte >> 2);
    if idx < providers.len() {
        options.provider = Some(providers[idx]);
    }
    let report = check(&value, &options);
    assert_eq!(report.is_ok(), report.errors().next().is_none());
    for issue in report.issues() {
        let _ = issue.message(iamport_pay::Lang::En);
        let _ = issue.message(iamport_pay::Lang::Ko);
    }
    match build_params(&value, &options) {
        Ok(built) => {
            assert!(report.is_ok());
            let again = check(&built, &options);
            assert!(again.is_ok(), "built params re-check with errors: {again:?}");
        }
        Err(r) => assert_eq!(r, report),
    }
});
