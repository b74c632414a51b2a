//! `parse_redirect` over arbitrary strings: it must never panic; a parsed result always has a
//! non-empty merchant_uid, never an empty imp_uid / error_code / error_msg, and says
//! `success: Some(false)` whenever an error field is present without a flag. Re-encoding the
//! result and parsing it again gives the same result.
#![no_main]

use iamport_pay::parse_redirect;
use libfuzzer_sys::fuzz_target;

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(r) = parse_redirect(text) else {
        return;
    };
    assert!(!r.merchant_uid.is_empty());
    for v in [&r.imp_uid, &r.error_code, &r.error_msg] {
        assert!(v.as_deref() != Some(""));
    }
    let mut q = format!("merchant_uid={}", enc(&r.merchant_uid));
    if let Some(v) = &r.imp_uid {
        q += &format!("&imp_uid={}", enc(v));
    }
    if let Some(s) = r.success {
        q += &format!("&imp_success={s}");
    }
    if let Some(v) = &r.error_code {
        q += &format!("&error_code={}", enc(v));
    }
    if let Some(v) = &r.error_msg {
        q += &format!("&error_msg={}", enc(v));
    }
    let again = parse_redirect(&q).expect("a query we encoded parses");
    assert_eq!(again, r, "round trip of {q:?}");
});
