//! NHN KCP (`kcp[.site]`, `kcp_billing[.site]`): guide 001 and portone-docs/kcp.mdx.
//! Rule ids and decisions: docs/RULES.md §3.
//!
//! Line numbers below are of the files in `../shared/pg-guides/` (001 = 001_c63e685c7fb95f6f.txt,
//! kcp.mdx = portone-docs/kcp.mdx).

use crate::check::{quote, Ctx};
use crate::issue::{Code, Msg};
use crate::provider::{Provider, RuleSet};
use crate::request::PayMethod;
use crate::rules::common::{int, Int};
use crate::rules::format::{euc_kr_len, is_digits, is_http_url, DateFormat};
use serde_json::{Map, Value};

/// Top-level `bypass` keys (kcp.mdx; docs/RULES.md §3.2).
pub(crate) const BYPASS_KEYS: &[&str] = &[
    "shop_user_id",
    "coupon_apply_yn",
    "skin_indx",
    "site_logo",
    "complex_pnt_yn",
    "pt_memcorp_cd",
    "app_flag",
    "batch_birth_day_yn",
];
/// KCP has no nested bypass object.
pub(crate) const BYPASS_SUB: Option<(&str, &[&str])> = None;

/// `kcp_vbank_due_formats` — kcp.mdx L202-206 "vbank\_due?: string ... `YYYYMMDD` 또는
/// `YYYYMMDDHHmmss` 형식으로 지정합니다." Conflict (RULES.md §7.10): request-pay-params.mdx
/// allows four formats; the PG page is more specific and wins for KCP.
pub(crate) const VBANK_DUE_FORMATS: &[DateFormat] = &[DateFormat::Date8, DateFormat::DateTime14];

/// kcp.mdx L135-158, the parameter list of `pay_method` (verbatim). Conflict (RULES.md §7.7):
/// the "가능한 결제 수단" list (L27-50) lacks `happymoney` and `ssgpay`, 001 L53-67 lacks
/// `naverpay_bridge`, `ssgpay`, `tosspay`; this list is their union.
pub(crate) const PAY_METHODS: &[PayMethod] = &[
    PayMethod::Card,
    PayMethod::Trans,
    PayMethod::Vbank,
    PayMethod::Phone,
    PayMethod::Cultureland,
    PayMethod::Smartculture,
    PayMethod::Booknlife,
    PayMethod::Happymoney,
    PayMethod::Payco,
    PayMethod::Lpay,
    PayMethod::Kakaopay,
    PayMethod::Naverpay,
    PayMethod::NaverpayBridge,
    PayMethod::Samsung,
    PayMethod::Ssgpay,
    PayMethod::Applepay,
    PayMethod::Tosspay,
    PayMethod::Point,
];

/// The pay methods that need `bypass.shop_user_id`: gift certificates (001 L199-207 "상품권
/// 결제수단을 사용하기 위해서는 가맹점에서 관리하는 회원ID를 ... 필수적으로 실어주셔야 합니다.") and, per
/// kcp.mdx L402 "상품권 결제 및 휴대폰 소액결제 시 필수 입력해야 합니다.", phone.
/// Conflict (RULES.md §7.8): 001 names gift certificates only; kcp.mdx (newer) adds phone.
const SHOP_USER_ID_METHODS: &[&str] = &[
    "cultureland",
    "smartculture",
    "happymoney",
    "booknlife",
    "phone",
];

/// kcp.mdx L317-319 "카드사별 포인트 사용시 아래 할부 개월수를 더해서 요청해야 합니다. - 현대카드 :
/// 80개월 - 국민카드, 비씨카드, 삼성카드, 하나카드, 롯데카드, 신한카드, 농협카드, 우리카드, 씨티카드 :
/// 60개월", as card-codes.mdx codes: 국민 381, 비씨 361, 삼성 365, 하나 374, 롯데 368, 신한 366,
/// 농협 371, 우리 041, 씨티 370.
const POINT_60_CARDS: &[&str] = &[
    "381", "361", "365", "374", "368", "366", "371", "041", "370",
];
/// 현대카드 (card-codes.mdx 367): point quotas start at 80.
const POINT_80_CARD: &str = "367";

/// kcp.mdx L453-456 "할부 결제는 5만원 이상 결제 요청시 이용 가능합니다. ... 일반적으로 결제 금액이
/// 5만원 이상일 경우 할부 결제가 가능하며, 특정 카드사에 따라 1만원 이상일 경우에도 사용이
/// 가능합니다." The page does not name the cards, so from 10,000 up to 50,000 KRW a
/// `card.direct` installment is a warning, not an error (`kcp_card_direct_some_cards_from_10000`,
/// through `rules::direct_quota_soft_minimum`). `display.card_quota` is a warning below 50,000
/// anyway (common rule).
pub(crate) const SOME_CARDS_INSTALLMENT_MINIMUM: u64 = 10_000;

/// The installment months of a `card.direct.quota` under KCP (`kcp_card_direct_point_quota`,
/// kcp.mdx L317-337: "quota: 80 = 80(현대카드 포인트 할부개월) + 0(일시불)", "quota: 63 =
/// 60(기타카드 포인트 할부개월) + 3개월 할부"). `None` when the quota is a point quota this card
/// cannot take (reported by [`check`]) or the card code is unknown (reported by the common
/// rules): no 50,000 KRW rule then.
pub(crate) fn direct_quota_months(code: Option<&str>, quota: u64) -> Option<u64> {
    if quota < 60 {
        return Some(quota);
    }
    let code = code?;
    if quota >= 80 && code == POINT_80_CARD {
        Some(quota - 80)
    } else if quota < 80 && POINT_60_CARDS.contains(&code) {
        Some(quota - 60)
    } else {
        None
    }
}

/// Runs the NHN KCP rule set (and the billing rules for `kcp_billing`).
pub(crate) fn check(ctx: &mut Ctx) {
    let billing = ctx.provider.and_then(Provider::rule_set) == Some(RuleSet::KcpBilling);
    pay_method(ctx, billing);
    customer_uid(ctx, billing);
    kcp_products(ctx);
    buyer_name(ctx);
    language(ctx);
    auth_mode(ctx);
    prefill(ctx);
    card(ctx);
    bypass(ctx, billing);
}

/// `kcp_pay_method_allowed` (PAY_METHODS) and `kcp_billing_card_only` — 001 L82 "pay_method :
/// 'card', // 'card'만 지원됩니다."; kcp.mdx L52-56 "결제창 빌링키 발급 ... - 카드: `card`".
fn pay_method(ctx: &mut Ctx, billing: bool) {
    let Some(m) = ctx.pay_method() else { return };
    // Not a PortOne code: the common layer's invalid_value only (RULES.md §0).
    let Ok(method) = m.parse::<PayMethod>() else {
        return;
    };
    if billing {
        if method != PayMethod::Card {
            ctx.add_arg(
                "pay_method",
                Code::UnsupportedPayMethod,
                Msg::KcpBillingCardOnly,
                quote(m),
            );
        }
    } else if !PAY_METHODS.contains(&method) {
        ctx.add_arg(
            "pay_method",
            Code::UnsupportedPayMethod,
            Msg::UnsupportedPayMethodBy,
            quote(m),
        );
    }
}

/// `kcp_billing_customer_uid_required` — kcp.mdx L591 "빌링키 발급 요청 시에는 `customer_uid`
/// 파라미터를 입력한 후 호출해야 합니다."; 001 L90 "customer_uid : 'your-customer-unique-id', // 필수
/// 입력."
///
/// `kcp_customer_uid_needs_billing` — kcp.mdx L640-641 "`kcp_billing.{mid(사이트코드)}` 형식으로
/// 채널을 지정할 때 사용됩니다." (the billing-key window is its own channel); 001 L80
/// "pg : 'kcp_billing.{사이트코드}'".
fn customer_uid(ctx: &mut Ctx, billing: bool) {
    if billing {
        ctx.require("customer_uid", Msg::KcpBillingCustomerUid);
    } else if ctx.has("customer_uid") && !ctx.has_issue_at("customer_uid") {
        // Suggest the billing channel of the same site code when `pg` names one.
        let site = ctx
            .str("pg")
            .and_then(|pg| pg.split_once('.'))
            .map(|(_, site)| site)
            .filter(|site| !site.is_empty());
        let suggestion = match site {
            Some(site) => format!("kcp_billing.{site}"),
            None => "kcp_billing.{site code}".to_string(),
        };
        ctx.add_arg(
            "customer_uid",
            Code::UnsupportedOption,
            Msg::KcpCustomerUidNeedsBilling,
            quote(&suggestion),
        );
    }
}

/// `kcp_escrow_products_required` — kcp.mdx L533-535 "에스크로 결제를 위해서는 **`escrow`**
/// 파라미터를 추가하고 **true** 값으로 설정되어야 합니다. ... 해당 상품 관련 정보를 추가
/// 파라미터(**`kcpProducts`**)로 전달해야 합니다." (001 L224-227, same.)
/// Conflict (RULES.md §7.11): the prose says "장바구니 상품을 묶어서 결제하는 경우"; decision:
/// required for every escrow payment, as issue 4 says (one item is a one-element list).
///
/// `kcp_products_items` — kcp.mdx L536-541 "**`kcpProducts`** 는 다음 4개의 필수 속성으로 구성된
/// 객체배열입니다. - orderNumber : 상품주문번호 - name : 상품명 - quantity : 수량 - amount : 상품
/// 가격". Not a rule: the items' sum against `amount` — L543 "**`amount`** 값은 결제
/// 금액(`param.amount`) 값과 관계가 없으며 비교 검증하지 않습니다."
fn kcp_products(ctx: &mut Ctx) {
    let products = ctx.get("kcpProducts");
    let empty = match products {
        None => true,
        Some(Value::Array(items)) => items.is_empty(),
        Some(_) => false, // not an array: the schema's invalid_type
    };
    if empty && ctx.is_true("escrow") && !ctx.has_issue_at("kcpProducts") {
        ctx.add("kcpProducts", Code::Required, Msg::KcpProductsForEscrow);
    }
    let Some(Value::Array(items)) = products else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let at = format!("kcpProducts[{i}]");
        let Value::Object(product) = item else {
            ctx.add(at, Code::InvalidType, Msg::MustBeObject);
            continue;
        };
        for key in ["orderNumber", "name"] {
            let path = format!("{at}.{key}");
            match product.get(key) {
                None | Some(Value::Null) => ctx.add(path, Code::Required, Msg::Required),
                Some(Value::String(s)) if s.is_empty() => {
                    ctx.add(path, Code::Required, Msg::Required)
                }
                Some(Value::String(_)) => {}
                Some(_) => ctx.add(path, Code::InvalidType, Msg::MustBeString),
            }
        }
        // quantity: an integer ≥ 1; amount: an integer ≥ 0.
        for (key, min) in [("quantity", 1), ("amount", 0)] {
            let path = format!("{at}.{key}");
            match product.get(key) {
                None | Some(Value::Null) => ctx.add(path, Code::Required, Msg::Required),
                Some(v) => match int(v) {
                    Int::Ok(n) if n < min => ctx.add(path, Code::OutOfRange, Msg::KcpQuantity),
                    Int::Ok(_) => {}
                    Int::Bad(code, msg) => ctx.add(path, code, msg),
                },
            }
        }
    }
}

/// `kcp_phone_buyer_name_required` — kcp.mdx L492-495 "휴대폰 소액결제시 `buyer_name`과
/// `bypass.shop_user_id` 파라미터를 필수 입력해야합니다."
fn buyer_name(ctx: &mut Ctx) {
    if ctx.pay_method() == Some("phone") {
        ctx.require("buyer_name", Msg::KcpPhoneBuyerName);
    }
}

/// `kcp_language` — 001 L35 "language : 'ko', // en 설정시 영문으로 출력되면 해당 파라미터 생략시
/// 한국어 default"; kcp.mdx L234-239 "- `ko`: 한국어 (기본값) - `en`: 영어".
fn language(ctx: &mut Ctx) {
    if let Some(l) = ctx.str("language") {
        if l != "ko" && l != "en" && !ctx.has_issue_at("language") {
            ctx.add("language", Code::InvalidValue, Msg::LanguageKoEn);
        }
    }
}

/// `kcp_auth_mode` — kcp.mdx L383-389 "auth\_mode?: string ... - `key-in`: 키인결제 모드로
/// 결제창을 호출합니다."; 001 L39 "auth_mode:'key-in' // 키인결제(일회성 결제)이용시 설정".
fn auth_mode(ctx: &mut Ctx) {
    if let Some(mode) = ctx.str("auth_mode") {
        if !mode.is_empty() && mode != "key-in" {
            ctx.add("auth_mode", Code::InvalidValue, Msg::KcpAuthMode);
        }
    }
}

/// `kcp_prefill_phone_digits` — 001 L254-259 "\"prefill\": { \"phoneNumber\": \"고정할
/// 휴대폰번호\" } 숫자만 입력하세요"; kcp.mdx L525 "`prefill.phoneNumber` 파라미터에 고정할 휴대폰
/// 번호를 입력한 후 결제를 요청합니다." (`prefill` not an object: the schema's invalid_type.)
fn prefill(ctx: &mut Ctx) {
    let Some(Value::Object(prefill)) = ctx.get("prefill") else {
        return;
    };
    let path = "prefill.phoneNumber";
    match prefill.get("phoneNumber") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => {
            if !s.is_empty() && !is_digits(s) {
                ctx.add(path, Code::InvalidValue, Msg::DigitsOnly);
            }
        }
        Some(_) => ctx.add(path, Code::InvalidType, Msg::MustBeString),
    }
}

/// The `card` options KCP does and does not take.
fn card(ctx: &mut Ctx) {
    // `kcp_no_use_free_interest` — request-pay-params.mdx L479-528 (### 상점 부담 무이자 할부
    // 최대 개월수 설정하기, `max_month` + `useFreeInterestFromMall`) "지원되는 PG사 - 토스페이먼츠(신모듈) - KSNET - 나이스페이(신모듈) - 웰컴페이먼츠 - KSNET 카드
    // 다이렉트 - KG이니시스": no KCP.
    if ctx.is_true("useFreeInterestFromMall") {
        ctx.add(
            "useFreeInterestFromMall",
            Code::UnsupportedOption,
            Msg::KcpNoMaxMonth,
        );
    }
    let Some(Value::Object(card)) = ctx.get("card") else {
        return;
    };
    // `kcp_card_direct_point_quota` — kcp.mdx L311-319 (see `direct_quota_months`): a quota of
    // 60 or more is a point quota, 60+ for nine cards and 80+ for Hyundai only. The common rule
    // applies the 50,000 KRW minimum to the decoded months.
    if let Some(Value::Object(direct)) = card.get("direct") {
        let code = direct.get("code").and_then(Value::as_str);
        let known = code.is_some_and(|c| crate::rules::common::CARD_CODES.contains(&c));
        if let (true, Some(code), Some(q)) = (known, code, direct.get("quota")) {
            if let Int::Ok(quota) = int(q) {
                if direct_quota_months(Some(code), quota).is_none()
                    && !ctx.has_issue_at("card.direct.quota")
                {
                    ctx.add_arg(
                        "card.direct.quota",
                        Code::InvalidValue,
                        Msg::KcpPointQuota,
                        code,
                    );
                }
            }
        }
    }
    // `kcp_no_max_month` — request-pay-params.mdx L479-528's list (above) has no KCP; kcp.mdx
    // L284-298 documents `card.detail[]` with `card_code` and `enabled` only.
    if let Some(Value::Array(items)) = card.get("detail") {
        for (i, item) in items.iter().enumerate() {
            let Some(m) = item.get("max_month").filter(|m| !m.is_null()) else {
                continue;
            };
            let path = format!("card.detail[{i}].max_month");
            if m.is_number() && !ctx.has_issue_at(&path) {
                ctx.add(path, Code::UnsupportedOption, Msg::KcpNoMaxMonth);
            }
        }
    }
    // `kcp_no_interest_free` — only KG Inicis documents `card.interest_free` (000 L138-140
    // "card: { interest_free: 7, //모든 카드 7개월까지 상점분담무이자 }"); kcp.mdx's `card` (L279-321)
    // has detail and direct only.
    if card.get("interest_free").is_some_and(|v| !v.is_null()) {
        ctx.add(
            "card.interest_free",
            Code::UnsupportedOption,
            Msg::KcpNoInterestFree,
        );
    }
}

/// The bypass keys of kcp.mdx L391-447 (and the billing tab L661-675).
fn bypass(ctx: &mut Ctx, billing: bool) {
    let bypass = match ctx.get("bypass") {
        None => None,
        Some(Value::Object(bypass)) => Some(bypass),
        // Not an object: only the schema's invalid_type at `bypass` (RULES.md §0).
        Some(_) => return,
    };
    shop_user_id(ctx, bypass);
    point_member_code(ctx, bypass);
    let Some(bypass) = bypass else { return };
    flags(ctx, bypass);
    // `kcp_app_flag_needs_kb_direct` — kcp.mdx L438-442 "app\_flag?: string **KB국민카드 다이렉트
    // 호출 시 앱카드 사용 여부** ... `card.direct`로 KB국민카드 다이렉트 호출 시 결제 방식을 지정합니다."
    let path = "bypass.app_flag";
    if present(bypass, "app_flag") && !ctx.has_issue_at(path) {
        let direct_code = match ctx.get("card") {
            Some(Value::Object(card)) => card
                .get("direct")
                .and_then(|d| d.get("code"))
                .and_then(Value::as_str),
            _ => None,
        };
        if direct_code != Some("381") {
            ctx.add(path, Code::UnsupportedOption, Msg::KcpAppFlagKbDirect);
        }
    }
    // `kcp_batch_birth_day_billing_only` — kcp.mdx L661-674 "bypass?: object **KCP 빌링키 발급
    // 전용 파라미터** ... batch\_birth\_day\_yn?: string".
    let path = "bypass.batch_birth_day_yn";
    if !billing && present(bypass, "batch_birth_day_yn") && !ctx.has_issue_at(path) {
        ctx.add(
            path,
            Code::UnsupportedOption,
            Msg::KcpBatchBirthDayBillingOnly,
        );
    }
}

/// Whether `bypass[key]` is there and not `null`.
fn present(bypass: &Map<String, Value>, key: &str) -> bool {
    bypass.get(key).is_some_and(|v| !v.is_null())
}

/// `kcp_shop_user_id_required` / `kcp_shop_user_id_bytes` — 001 L204-207 "bypass : {
/// shop_user_id : ‘ABCD123’ //가맹점 회원ID (20byte) } 상품권 기관 RM 조치를 위해 필수적으로
/// 실어주셔야 합니다."; kcp.mdx L398-402 "shop\_user\_id?: string **고객사 회원 ID** 상품권 결제 및
/// 휴대폰 소액결제 시 필수 입력해야 합니다."
///
/// Encoding decision (RULES.md §7.9): the 20-byte limit is counted in EUC-KR (ASCII 1 byte,
/// a KS X 1001 character 2 bytes), the encoding of KCP's payment window; a character EUC-KR
/// cannot hold is invalid_value. So 10 Hangul syllables (20 bytes) pass.
fn shop_user_id(ctx: &mut Ctx, bypass: Option<&Map<String, Value>>) {
    let path = "bypass.shop_user_id";
    let value = bypass.and_then(|b| b.get("shop_user_id"));
    match value {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.is_empty() => {}
        Some(Value::String(s)) => {
            match euc_kr_len(s) {
                None => ctx.add(path, Code::InvalidValue, Msg::KcpShopUserIdEucKr),
                Some(n) if n > 20 => ctx.add_arg(path, Code::TooLong, Msg::TooLongBytes, "20"),
                Some(_) => {}
            }
            return;
        }
        Some(_) => {
            ctx.add(path, Code::InvalidType, Msg::MustBeString);
            return;
        }
    }
    if ctx
        .pay_method()
        .is_some_and(|m| SHOP_USER_ID_METHODS.contains(&m))
    {
        ctx.add(path, Code::Required, Msg::KcpShopUserId);
    }
}

/// `kcp_point_member_code_required` — kcp.mdx L432-436 "pt\_memcorp\_cd?: string **베네피아 회원
/// 코드** (PC, 모바일) 베네피아 포인트 결제 시 필수 입력해야 합니다."
fn point_member_code(ctx: &mut Ctx, bypass: Option<&Map<String, Value>>) {
    let path = "bypass.pt_memcorp_cd";
    match bypass.and_then(|b| b.get("pt_memcorp_cd")) {
        Some(Value::String(s)) if !s.is_empty() => {}
        None | Some(Value::Null) | Some(Value::String(_)) => {
            if ctx.pay_method() == Some("point") {
                ctx.add(path, Code::Required, Msg::KcpPointMemberCode);
            }
        }
        Some(_) => ctx.add(path, Code::InvalidType, Msg::MustBeString),
    }
}

/// `kcp_bypass_values` — the value sets of kcp.mdx's bypass table:
/// - L404-411 "coupon\_apply\_yn?: string ... - `Y`: 활성 - `N`: 비활성"
/// - L413-417 "skin\_indx?: string **결제창 스킨 유형** (PC 전용) 1\~11 사이의 숫자로 지정 가능합니다."
/// - L419-421 "site\_logo?: string **결제창 로고 URL** (PC 전용)" (also L666 on kcp_billing)
/// - L423-430 "complex\_pnt\_yn?: string ... - `Y`: 포인트 + 신용카드 복합결제 허용 - `N`: 전액 포인트결제"
/// - L438-446 "app\_flag?: string ... - `Y` ... - `N` ... - `S` ... (모바일 전용)" (`S` is not
///   limited to mobile here: `options.mobile` is a guess)
/// - L670-674 "batch\_birth\_day\_yn?: string ... - `Y`: ..." (`N` is accepted as well)
fn flags(ctx: &mut Ctx, bypass: &Map<String, Value>) {
    const SETS: &[(&str, &[&str])] = &[
        ("coupon_apply_yn", &["Y", "N"]),
        ("complex_pnt_yn", &["Y", "N"]),
        ("app_flag", &["Y", "N", "S"]),
        ("batch_birth_day_yn", &["Y", "N"]),
    ];
    for (key, allowed) in SETS {
        let path = format!("bypass.{key}");
        match bypass.get(*key) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => {
                if !allowed.contains(&s.as_str()) {
                    ctx.add_arg(
                        path,
                        Code::InvalidValue,
                        Msg::BadEnum,
                        crate::rules::format::join(allowed, ", "),
                    );
                }
            }
            Some(_) => ctx.add(path, Code::InvalidType, Msg::MustBeString),
        }
    }
    match bypass.get("skin_indx") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => {
            let ok = is_digits(s) && !s.starts_with('0') && s.len() <= 2 && {
                let n: u8 = s.parse().unwrap_or(0);
                (1..=11).contains(&n)
            };
            if !ok {
                ctx.add("bypass.skin_indx", Code::InvalidValue, Msg::KcpSkinIndex);
            }
        }
        Some(_) => ctx.add("bypass.skin_indx", Code::InvalidType, Msg::KcpSkinIndex),
    }
    match bypass.get("site_logo") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => {
            if !is_http_url(s) {
                ctx.add("bypass.site_logo", Code::InvalidValue, Msg::BadUrl);
            }
        }
        Some(_) => ctx.add("bypass.site_logo", Code::InvalidType, Msg::MustBeString),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn point_quotas_decode() {
        assert_eq!(direct_quota_months(Some("367"), 3), Some(3));
        assert_eq!(direct_quota_months(None, 59), Some(59));
        assert_eq!(direct_quota_months(Some("367"), 80), Some(0));
        assert_eq!(direct_quota_months(Some("367"), 93), Some(13));
        assert_eq!(direct_quota_months(Some("367"), 63), None);
        assert_eq!(direct_quota_months(Some("381"), 63), Some(3));
        assert_eq!(direct_quota_months(Some("041"), 60), Some(0));
        assert_eq!(direct_quota_months(Some("381"), 80), None);
        assert_eq!(direct_quota_months(Some("045"), 60), None);
        assert_eq!(direct_quota_months(None, 60), None);
    }
}
