//! The schema pass: JSON types of every known top-level key, unknown keys with a
//! "did you mean", card data, and runaway nesting.
//!
//! The key table is request-pay-params.mdx plus the PG-only keys of the PG pages (each row
//! says where it comes from). Value rules (formats, ranges) live in `common.rs` and the PG
//! modules; this pass only reports wrong types, so they never pile up on one path.

use crate::check::MAX_DEPTH;
use crate::issue::{Code, Msg};
use crate::rules::ctx::{At, Ctx, Path, Seg};
use crate::rules::format::closest;
use crate::rules::tree::{Kind, Node, Tree};

/// The JSON type a key must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Type {
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

/// Every top-level `request_pay` key request-pay-params.mdx documents, with its type. The
/// PG-only keys are in each PG's descriptor (`Pg::keys`).
pub(crate) const KEYS: &[(&str, Type)] = &[
    // request-pay-params.mdx, "결제요청 파라미터 정의"
    ("channelKey", Type::Str),
    ("pg", Type::Str),
    ("pay_method", Type::Str),
    ("escrow", Type::Bool),
    ("products", Type::Arr),
    ("merchant_uid", Type::Str),
    ("name", Type::Str),
    ("amount", Type::Amount),
    ("custom_data", Type::Any),
    ("tax_free", Type::Num),
    ("vat_amount", Type::Num),
    ("currency", Type::Str),
    ("language", Type::Str),
    ("buyer_name", Type::Str),
    ("buyer_tel", Type::Str),
    ("buyer_email", Type::Str),
    ("buyer_addr", Type::Str),
    ("buyer_postcode", Type::Str),
    ("confirm_url", Type::Str),
    ("notice_url", Type::StrOrArr),
    ("customer_uid", Type::Str),
    // request-pay-params.mdx, "추가속성"
    ("digital", Type::Bool),
    ("vbank_due", Type::Str),
    ("m_redirect_url", Type::Str),
    ("app_scheme", Type::Str),
    ("biz_num", Type::Str),
    ("useFreeInterestFromMall", Type::Bool),
    // request-pay-params.mdx, "부가기능"
    ("display", Type::Obj),
    ("card", Type::Obj),
    // 000 (KG Inicis): "period : { from : "20200101", to : "20201231" }"
    ("period", Type::Obj),
    // every PG page: PG-specific options
    ("bypass", Type::Obj),
    // The V1 SDK's popup option (open the window as a popup). Not in the provided docs; kept
    // so shops that pass it get no unknown_field warning.
    ("popup", Type::Bool),
];

/// The documented type of a top-level key: the common table, then the four PGs' own keys.
pub(crate) fn key_type(key: &str) -> Option<Type> {
    // Every top-level key of every check asks: a hashed index over `all_keys`, built at the
    // first call (a scan of the ~50 rows cost about 5 % of a typical check).
    static INDEX: std::sync::OnceLock<KeyIndex> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(KeyIndex::new);
    let mut slot = KeyIndex::hash(key.as_bytes());
    loop {
        let row = usize::from(index.slots[slot]);
        let (k, t) = index.rows.get(row.checked_sub(1)?)?;
        if k.len() == key.len() && k.as_bytes() == key.as_bytes() {
            return Some(*t);
        }
        slot = (slot + 1) % KeyIndex::SLOTS;
    }
}

/// Open addressing over `all_keys`: a slot holds 1 + the row, or 0 when empty.
struct KeyIndex {
    rows: Vec<(&'static str, Type)>,
    slots: [u8; KeyIndex::SLOTS],
}

impl KeyIndex {
    /// A power of two, at least twice the rows (tests check both).
    const SLOTS: usize = 256;

    fn hash(key: &[u8]) -> usize {
        let at = |i: usize| usize::from(key.get(i).copied().unwrap_or(0));
        let n = key.len();
        (n * 31 + at(0) * 7 + at(n / 2) * 5 + at(n.wrapping_sub(1)) * 3) % Self::SLOTS
    }

    fn new() -> Self {
        let mut index = KeyIndex {
            rows: Vec::new(),
            slots: [0; Self::SLOTS],
        };
        for (k, t) in all_keys() {
            let mut slot = Self::hash(k.as_bytes());
            // The first row of a key wins, as in a scan (the common table before the PGs').
            let mut seen = false;
            while let Some(&row) = index.slots.get(slot).filter(|&&r| r != 0) {
                seen |= index
                    .rows
                    .get(usize::from(row) - 1)
                    .is_some_and(|(r, _)| *r == k);
                slot = (slot + 1) % Self::SLOTS;
            }
            if !seen && index.rows.len() < usize::from(u8::MAX) {
                index.rows.push((k, t));
                index.slots[slot] = index.rows.len() as u8;
            }
        }
        index
    }
}

pub(crate) fn all_keys() -> impl Iterator<Item = (&'static str, Type)> {
    KEYS.iter()
        .chain(crate::rules::PGS.iter().flat_map(|pg| pg.keys.iter()))
        .copied()
}

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
    closest(key, all_keys().map(|(k, _)| k))
}

/// How deep a value nests (iteratively; never recurses on input).
pub(crate) fn depth_exceeds(v: &Node<'_>, limit: usize) -> bool {
    if !matches!(v.kind(), Kind::Array | Kind::Object) {
        return 1 > limit; // a scalar is depth 1: no stack to allocate
    }
    let mut stack = vec![(v, 1usize)];
    while let Some((v, d)) = stack.pop() {
        if d > limit {
            return true;
        }
        match v.kind() {
            Kind::Array => {
                stack.extend((0..v.len()).filter_map(|i| v.index(i)).map(|i| (i, d + 1)))
            }
            Kind::Object => stack.extend(v.entries().map(|(_, i)| (i, d + 1))),
            _ => {}
        }
    }
    false
}

/// The documented keys of the nested objects (`unknown_field` with "did you mean" for
/// others). `[]` stands for every item of an array.
/// - `display`: request-pay-params.mdx "display?: object - card\_quota: number[]".
/// - `card`: request-pay-params.mdx "card?: object - direct?: object" / "detail?: object[]",
///   ksnet.mdx "useInstallment?: boolean", 000 "card: { interest_free: 7 }".
/// - `card.direct`: request-pay-params.mdx "code?: string", "quota?: number".
/// - `card.detail[]`: request-pay-params.mdx "card\_code?: string", "enabled?: boolean",
///   "max\_month?: number" (상점 부담 무이자 할부).
/// - `period`: 000 "period : { from : "20200101", to : "20201231" }".
/// - `storeDetails`: ksnet.mdx "businessName?", "businessRegistrationNumber?" and the
///   easy-pay direct list (ceoFullName, address, phoneNumber).
/// - `prefill`: kcp.mdx / daou.mdx "prefill": { "phoneNumber": … }.
/// - `phone`, `phone.detail[]`: daou.mdx "통신사 노출 제어" { detail: [{ carrier, enabled }] }.
/// - `kcpProducts[]`: kcp.mdx "orderNumber, name, quantity, amount".
pub(crate) const NESTED_KEYS: &[(&[&str], &[&str])] = &[
    (&["display"], &["card_quota"]),
    (
        &["card"],
        &["direct", "detail", "interest_free", "useInstallment"],
    ),
    (&["card", "direct"], &["code", "quota"]),
    (
        &["card", "detail", "[]"],
        &["card_code", "enabled", "max_month"],
    ),
    (&["period"], &["from", "to"]),
    (
        &["storeDetails"],
        &[
            "businessName",
            "businessRegistrationNumber",
            "ceoFullName",
            "address",
            "phoneNumber",
        ],
    ),
    (&["prefill"], &["phoneNumber"]),
    (&["phone"], &["detail"]),
    (&["phone", "detail", "[]"], &["carrier", "enabled"]),
    (
        &["kcpProducts", "[]"],
        &["orderNumber", "name", "quantity", "amount"],
    ),
];

/// Runs the schema pass over the top-level keys, then the nested key sets.
pub(crate) fn check(ctx: &mut Ctx) {
    let root = ctx.at([]);
    root.each_entry(|key, at| {
        if CARD_DATA.contains(&key) {
            at.add(Code::ForbiddenField, Msg::CardData);
            return;
        }
        // An own `__proto__` (JSON.parse makes one) would set the prototype of the object
        // IMP.request_pay receives: refused, never forwarded (docs/RULES.md §1.2).
        if key == "__proto__" {
            at.add(Code::ForbiddenField, Msg::ProtoKey);
            return;
        }
        let Some(ty) = key_type(key) else {
            match suggest(key) {
                Some(real) => at.add_arg(Code::UnknownField, Msg::UnknownKeyDidYouMean, real),
                None => at.add(Code::UnknownField, Msg::UnknownKey),
            }
            return;
        };
        let Some(value) = at.node() else { return };
        if depth_exceeds(value, MAX_DEPTH) {
            at.add(Code::InvalidValue, Msg::TooDeep);
            return;
        }
        let kind = value.kind();
        let msg = match (ty, kind) {
            (Type::Str, Kind::String)
            | (Type::Bool, Kind::Bool)
            | (Type::Num, Kind::Number)
            | (Type::Amount, _)
            | (Type::Obj, Kind::Object)
            | (Type::Arr, Kind::Array)
            | (Type::StrOrArr, Kind::String | Kind::Array)
            | (Type::Any, _) => return,
            (Type::Str, _) => Msg::MustBeString,
            (Type::Bool, _) => Msg::MustBeBool,
            (Type::Num, _) => Msg::MustBeNumber,
            (Type::Obj, Kind::String) if key == "phone" => Msg::PhoneIsCarrierFilter,
            (Type::Obj, _) => Msg::MustBeObject,
            (Type::Arr, _) => Msg::MustBeArray,
            (Type::StrOrArr, _) => Msg::MustBeStringOrArray,
        };
        at.invalid_type(msg);
    });
    proto_keys(ctx);
    for (path, known) in NESTED_KEYS {
        // Most requests have none of these objects: look before walking.
        if path.first().is_some_and(|top| ctx.get(top).is_some()) {
            nested_keys(ctx, path, known);
        }
    }
}
/// `known_keys` on every object at `path` (`[]`: each item of an array).
fn nested_keys(ctx: &mut Ctx, path: &[&'static str], known: &[&str]) {
    fn walk(at: At<'_, '_>, rest: &[&'static str], known: &[&str]) {
        match rest.split_first() {
            None => at.known_keys(known),
            Some((&"[]", rest)) => at.each(|item| walk(item, rest, known)),
            Some((key, rest)) => walk(at.key(key), rest, known),
        }
    }
    walk(ctx.at([]), path, known);
}

/// `forbidden_field` for an own `__proto__` key below the top level (custom_data, bypass, …).
/// A plain walk over the tree; a path is rendered only for a key it finds.
fn proto_keys(ctx: &mut Ctx) {
    fn walk<'a>(v: &'a Node<'a>, path: &mut Path<'a>, depth: usize, found: &mut Vec<String>) {
        if depth > MAX_DEPTH {
            return;
        }
        match v.kind() {
            Kind::Object => {
                for (key, value) in v.entries() {
                    path.push(Seg::Key(key));
                    if key == "__proto__" {
                        found.push(path.render());
                    } else {
                        walk(value, path, depth + 1, found);
                    }
                    path.pop();
                }
            }
            Kind::Array => {
                for i in 0..v.len() {
                    if let Some(item) = v.index(i) {
                        path.push(Seg::Index(i));
                        walk(item, path, depth + 1, found);
                        path.pop();
                    }
                }
            }
            _ => {}
        }
    }
    // Almost no request has one: look first without building any path.
    fn any<'a>(v: &'a Node<'a>, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        match v.kind() {
            Kind::Object => v
                .entries()
                .any(|(key, value)| key == "__proto__" || any(value, depth + 1)),
            Kind::Array => (0..v.len())
                .filter_map(|i| v.index(i))
                .any(|item| any(item, depth + 1)),
            _ => false,
        }
    }
    let below = |(key, value): (&str, &'_ Node<'_>)| key != "__proto__" && any(value, 1);
    if !ctx.root.entries().any(below) {
        return;
    }
    let mut found = Vec::new();
    let mut path = Path::default();
    for (key, value) in ctx.root.entries() {
        if key != "__proto__" {
            path.push(Seg::Key(key));
            walk(value, &mut path, 1, &mut found);
            path.pop();
        }
    }
    for path in found {
        ctx.add(path, Code::ForbiddenField, Msg::ProtoKey);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index answers as a scan of the tables does, for every documented key and for
    /// near misses; it has room to spare.
    #[test]
    fn key_type_answers_as_the_tables_do() {
        let scan = |key: &str| all_keys().find(|(k, _)| *k == key).map(|(_, t)| t);
        let rows = all_keys().count();
        assert!(rows * 2 <= KeyIndex::SLOTS && rows < 255, "{rows} rows");
        assert!(KeyIndex::SLOTS.is_power_of_two());
        for (k, _) in all_keys() {
            assert_eq!(key_type(k), scan(k), "{k}");
            for probe in [format!("{k}_"), k[1..].to_string(), k.to_uppercase()] {
                assert_eq!(key_type(&probe), scan(&probe), "{probe}");
            }
        }
        for probe in ["", "x", "buyer_phone", "__proto__", "\u{0}", "가나다"] {
            assert_eq!(key_type(probe), scan(probe), "{probe}");
        }
    }
    use crate::rules::format::push_lowercase;
    use serde_json::Value;

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
        // A key two PGs document (prefill: KCP and Kiwoom Pay) has one type.
        let keys: Vec<_> = all_keys().collect();
        for (k, t) in &keys {
            assert!(keys.iter().all(|(o, u)| o != k || u == t), "{k}: two types");
            assert_eq!(key_type(k), Some(*t));
        }
    }

    #[test]
    fn depth() {
        let mut v = Value::Null;
        for _ in 0..40 {
            v = Value::Array(vec![v]);
        }
        use crate::rules::tree::Doc;
        // Borrowing cuts the nesting at MAX_DEPTH + 2, still too deep.
        assert!(depth_exceeds(&Doc::from_value(&v), MAX_DEPTH));
        let shallow = serde_json::json!({"a": [{"b": 1}]});
        assert!(!depth_exceeds(&Doc::from_value(&shallow), 4));
        assert!(depth_exceeds(&Doc::from_value(&shallow), 3));
    }
}
