//! The schema pass: JSON types of every known top-level key, unknown keys with a
//! "did you mean", card data, and runaway nesting.
//!
//! The key table is request-pay-params.mdx plus the PG-only keys of the PG pages (each row
//! says where it comes from). Value rules (formats, ranges) live in `common.rs` and the PG
//! modules; this pass only reports wrong types, so they never pile up on one path.

use crate::check::{Ctx, MAX_DEPTH};
use crate::issue::{Code, Msg};
use crate::rules::format::distance;
use serde_json::Value;

/// The JSON type a key must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Str,
    Bool,
    /// A JSON number (value rules decide integer-ness and range).
    Num,
    /// `amount`: a number, or a digit string where a PG documents it (common.rs).
    Amount,
    Obj,
    Arr,
    /// `notice_url`: a string or an array of strings.
    StrOrArr,
    /// Any JSON (custom_data).
    Any,
}

/// Every top-level `request_pay` key PortOne documents, with its type.
pub(crate) const KEYS: &[(&str, Kind)] = &[
    // request-pay-params.mdx, "결제요청 파라미터 정의"
    ("channelKey", Kind::Str),
    ("pg", Kind::Str),
    ("pay_method", Kind::Str),
    ("escrow", Kind::Bool),
    ("products", Kind::Arr),
    ("merchant_uid", Kind::Str),
    ("name", Kind::Str),
    ("amount", Kind::Amount),
    ("custom_data", Kind::Any),
    ("tax_free", Kind::Num),
    ("vat_amount", Kind::Num),
    ("currency", Kind::Str),
    ("language", Kind::Str),
    ("buyer_name", Kind::Str),
    ("buyer_tel", Kind::Str),
    ("buyer_email", Kind::Str),
    ("buyer_addr", Kind::Str),
    ("buyer_postcode", Kind::Str),
    ("confirm_url", Kind::Str),
    ("notice_url", Kind::StrOrArr),
    ("customer_uid", Kind::Str),
    // inicis.mdx "customer_id?: string 구매자 고유 ID"
    ("customer_id", Kind::Str),
    // request-pay-params.mdx, "추가속성"
    ("digital", Kind::Bool),
    ("vbank_due", Kind::Str),
    ("m_redirect_url", Kind::Str),
    ("app_scheme", Kind::Str),
    ("biz_num", Kind::Str),
    ("useFreeInterestFromMall", Kind::Bool),
    // request-pay-params.mdx, "부가기능"
    ("display", Kind::Obj),
    ("card", Kind::Obj),
    // 000 (KG Inicis): "period : { from : "20200101", to : "20201231" }"
    ("period", Kind::Obj),
    // every PG page: PG-specific options
    ("bypass", Kind::Obj),
    // kcp.mdx: company, auth_mode, appCard, prefill, kcpProducts
    ("company", Kind::Str),
    ("auth_mode", Kind::Str),
    ("appCard", Kind::Bool),
    ("prefill", Kind::Obj),
    ("kcpProducts", Kind::Arr),
    // ksnet.mdx "storeDetails?: object 상점 세부 정보"
    ("storeDetails", Kind::Obj),
    // daou.mdx "통신사 노출 제어": phone.detail[{carrier, enabled}]
    ("phone", Kind::Obj),
    // The V1 SDK's popup option (open the window as a popup). Not in the provided docs; kept
    // so shops that pass it get no unknown_field warning.
    ("popup", Kind::Bool),
];

/// Card data: the REST billing calls' fields (000: "card_number", "expiry", "birth",
/// "pwd_2digit" in `POST /subscribe/payments/onetime` and `/subscribe/customers/{uid}`).
/// They must never go through the browser.
pub(crate) const CARD_DATA: &[&str] = &["card_number", "expiry", "birth", "pwd_2digit"];

/// Common misspellings and other-API names, mapped to the real key.
const ALIASES: &[(&str, &str)] = &[
    ("buyer_phone", "buyer_tel"),
    ("buyer_mobile", "buyer_tel"),
    ("buyer_phone_number", "buyer_tel"),
    ("tel", "buyer_tel"),
    ("email", "buyer_email"),
    ("buyer_address", "buyer_addr"),
    ("address", "buyer_addr"),
    ("buyer_zipcode", "buyer_postcode"),
    ("zipcode", "buyer_postcode"),
    ("postcode", "buyer_postcode"),
    ("price", "amount"),
    ("total", "amount"),
    ("total_amount", "amount"),
    ("order_id", "merchant_uid"),
    ("order_no", "merchant_uid"),
    ("payment_id", "merchant_uid"),
    ("order_name", "name"),
    ("product_name", "name"),
    ("goods_name", "name"),
    ("redirect_url", "m_redirect_url"),
    ("return_url", "m_redirect_url"),
    ("webhook_url", "notice_url"),
    ("method", "pay_method"),
    ("products_kcp", "kcpProducts"),
];

/// The real key a near-miss most likely meant.
pub(crate) fn suggest(key: &str) -> Option<&'static str> {
    if let Some((_, real)) = ALIASES
        .iter()
        .find(|(alias, _)| alias.eq_ignore_ascii_case(key))
    {
        return Some(real);
    }
    let squash = |s: &str| -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars().filter(|c| *c != '_' && *c != '-') {
            push_lowercase(&mut out, c);
        }
        out
    };
    if key.chars().count() > 64 {
        return None;
    }
    let k = squash(key);
    let mut best: Option<(usize, &'static str)> = None;
    for (real, _) in KEYS {
        let d = distance(&k, &squash(real), 2);
        let limit = if k.chars().count() <= 4 { 1 } else { 2 };
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, real));
        }
    }
    best.map(|(_, real)| real)
}

/// Pushes `c` lowercased for [`suggest`]'s comparison, the same as `char::to_lowercase` as far
/// as matching the (ASCII) keys goes, without linking Unicode's case table (~11 KB of wasm).
/// Only two non-ASCII characters lowercase to something containing ASCII: U+212A KELVIN SIGN
/// (`k`) and U+0130 (`i` + U+0307). Any other non-ASCII character never equals a key's
/// character, lowercased or not, so keeping it as it is gives the same edit distance.
fn push_lowercase(out: &mut String, c: char) {
    match c {
        '\u{212A}' => out.push('k'),
        '\u{130}' => out.push_str("i\u{307}"),
        c => out.push(c.to_ascii_lowercase()),
    }
}

/// How deep a value nests (iteratively; never recurses on input).
pub(crate) fn depth_exceeds(v: &Value, limit: usize) -> bool {
    let mut stack = vec![(v, 1usize)];
    while let Some((v, d)) = stack.pop() {
        if d > limit {
            return true;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().map(|i| (i, d + 1))),
            Value::Object(m) => stack.extend(m.values().map(|i| (i, d + 1))),
            _ => {}
        }
    }
    false
}

/// Runs the schema pass over the top-level keys.
pub(crate) fn check(ctx: &mut Ctx) {
    let obj = ctx.obj;
    for (key, value) in obj {
        if CARD_DATA.contains(&key.as_str()) {
            ctx.add(key.as_str(), Code::ForbiddenField, Msg::CardData);
            continue;
        }
        let Some((_, kind)) = KEYS.iter().find(|(k, _)| k == key) else {
            match suggest(key) {
                Some(real) => ctx.add_arg(
                    key.as_str(),
                    Code::UnknownField,
                    Msg::UnknownKeyDidYouMean,
                    real,
                ),
                None => ctx.add(key.as_str(), Code::UnknownField, Msg::UnknownKey),
            }
            continue;
        };
        if value.is_null() {
            continue;
        }
        if depth_exceeds(value, MAX_DEPTH) {
            ctx.add(key.as_str(), Code::InvalidValue, Msg::TooDeep);
            continue;
        }
        let msg = match (kind, value) {
            (Kind::Str, Value::String(_))
            | (Kind::Bool, Value::Bool(_))
            | (Kind::Num, Value::Number(_))
            | (Kind::Amount, _)
            | (Kind::Obj, Value::Object(_))
            | (Kind::Arr, Value::Array(_))
            | (Kind::StrOrArr, Value::String(_) | Value::Array(_))
            | (Kind::Any, _) => continue,
            (Kind::Str, _) => Msg::MustBeString,
            (Kind::Bool, _) => Msg::MustBeBool,
            (Kind::Num, _) => Msg::MustBeNumber,
            (Kind::Obj, Value::String(_)) if key == "phone" => Msg::PhoneIsCarrierFilter,
            (Kind::Obj, _) => Msg::MustBeObject,
            (Kind::Arr, _) => Msg::MustBeArray,
            (Kind::StrOrArr, _) => Msg::MustBeStringOrArray,
        };
        ctx.add(key.as_str(), Code::InvalidType, msg);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `push_lowercase` agrees with `char::to_lowercase` wherever the result contains ASCII,
    /// and keeps every other character's count (so edit distances to the ASCII keys match).
    #[test]
    fn push_lowercase_matches_unicode_lowercase_for_key_matching() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut ours = String::new();
            push_lowercase(&mut ours, c);
            let unicode: String = c.to_lowercase().collect();
            if unicode.is_ascii() || c.is_ascii() || ours.chars().any(|o| o.is_ascii()) {
                assert_eq!(ours, unicode, "{c:?}");
            } else {
                assert_eq!(ours.chars().count(), unicode.chars().count(), "{c:?}");
                assert!(!unicode.chars().any(|u| u.is_ascii()), "{c:?}");
            }
        }
        assert_eq!(suggest("\u{212A}cp_products"), Some("kcpProducts"));
        assert_eq!(suggest("ＡＭＯＵＮＴ"), None);
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("buyer_phone"), Some("buyer_tel"));
        assert_eq!(suggest("buyer_emial"), Some("buyer_email"));
        assert_eq!(suggest("merchantUid"), Some("merchant_uid"));
        assert_eq!(suggest("kcp_products"), Some("kcpProducts"));
        assert_eq!(suggest("channel_key"), Some("channelKey"));
        assert_eq!(suggest("m_redirect_uri"), Some("m_redirect_url"));
        assert_eq!(suggest("foo"), None);
        assert_eq!(suggest("shipping_memo"), None);
    }

    #[test]
    fn keys_are_unique() {
        for (i, (k, _)) in KEYS.iter().enumerate() {
            assert!(!KEYS[i + 1..].iter().any(|(o, _)| o == k), "{k} twice");
        }
    }

    #[test]
    fn depth() {
        let mut v = Value::Null;
        for _ in 0..40 {
            v = Value::Array(vec![v]);
        }
        assert!(depth_exceeds(&v, MAX_DEPTH));
        assert!(!depth_exceeds(&serde_json::json!({"a": [{"b": 1}]}), 4));
        assert!(depth_exceeds(&serde_json::json!({"a": [{"b": 1}]}), 3));
    }
}
