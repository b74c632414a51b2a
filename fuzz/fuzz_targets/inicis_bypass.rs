//! The KG Inicis bypass composer over arbitrary input: raw token/pair strings, typed options
//! with arbitrary arguments, and merges, in any order. It must never panic, and the strings it
//! writes must never hold an empty or repeated acceptmethod token or P_RESERVED key.
#![no_main]

use iamport_pay::builder::{compose_acceptmethod, compose_p_reserved, InicisBypass};
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;

/// No empty part, and no key twice (the checker's notion: acceptmethod token names compare
/// ASCII-case-insensitively without their `(..)` argument; P_RESERVED keys compare exactly).
fn assert_clean(s: &str, sep: char, key: fn(&str) -> String) {
    if s.is_empty() {
        return;
    }
    let mut seen = HashSet::new();
    for part in s.split(sep) {
        assert!(!part.is_empty(), "empty part in {s:?}");
        assert!(seen.insert(key(part)), "repeated {part:?} in {s:?}");
    }
}

fn token_key(t: &str) -> String {
    t.split_once('(').map_or(t, |(k, _)| k).to_ascii_lowercase()
}

fn pair_key(p: &str) -> String {
    p.split_once('=').map_or(p, |(k, _)| k).to_string()
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parts: Vec<&str> = text.split('\u{1}').collect();
    assert_clean(&compose_acceptmethod(parts.iter().copied()), ':', token_key);
    assert_clean(&compose_p_reserved(parts.iter().copied()), '&', pair_key);
    let mut b = InicisBypass::new();
    for (i, part) in parts.iter().enumerate() {
        let n = part.len() as u32;
        b = match data.get(i).copied().unwrap_or(0) % 16 {
            0 => b.acceptmethod_raw(part),
            1 => b.p_reserved_raw(part),
            2 => b.hide_easy_pay(),
            3 => b.card_point(),
            4 => b.card_show_option(part, n),
            5 => b.skin(part),
            6 => b.hyundai_m_point(n % 2 == 0),
            7 => b.shinhan_partnership(part, n),
            8 => b.return_to_app(part),
            9 => b.merge(InicisBypass::new().acceptmethod_raw(part).p_reserved_raw(part)),
            10 => b.payshot_key(*part),
            11 => b.no_cash_receipt(),
            12 => b.two_transaction_bank(),
            13 => b.direct_card_point(),
            14 => b.android_intent(),
            _ => b.ios_app(),
        };
    }
    if let Some(a) = b.acceptmethod() {
        assert_clean(&a, ':', token_key);
    }
    if let Some(p) = b.p_reserved() {
        assert_clean(&p, '&', pair_key);
    }
});
