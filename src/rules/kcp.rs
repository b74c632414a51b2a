//! NHN KCP (`kcp[.site]`, `kcp_billing[.site]`): guide 001 and portone-docs/kcp.mdx.
//! Rule ids and decisions: docs/RULES.md §3.
//!
//! Line numbers below are of the files in `../shared/pg-guides/` (001 = 001_c63e685c7fb95f6f.txt,
//! kcp.mdx = portone-docs/kcp.mdx).

use crate::check::quote;
use crate::issue::{Code, Msg};
use crate::provider::Provider;
use crate::request::{Language, PayMethod};
use crate::rules::common::CARD_CODES;
use crate::rules::ctx::Ctx;
use crate::rules::format::{euc_kr_len, is_digits, DateFormat};
use crate::rules::schema::Type;
use crate::rules::tree::Kind;
use crate::rules::Pg;

/// Everything NHN KCP is, as data (docs/RULES.md §3).
pub(crate) const DESCRIPTOR: Pg = Pg {
    section: "§3 NHN KCP",
    pay_methods: PAY_METHODS,
    // `kcp_customer_uid_needs_billing` (below) instead.
    no_billing_window: None,
    // kcp.mdx: company, auth_mode, appCard, prefill, kcpProducts
    keys: &[
        ("company", Type::Str),
        ("auth_mode", Type::Str),
        ("appCard", Type::Bool),
        ("prefill", Type::Obj),
        ("kcpProducts", Type::Arr),
    ],
    bypass_keys: BYPASS_KEYS,
    bypass_sub: None,
    vbank_due_formats: VBANK_DUE_FORMATS,
    direct_quota_months,
    direct_quota_soft_minimum: Some((SOME_CARDS_INSTALLMENT_MINIMUM, Msg::KcpInstallmentSomeCards)),
    // `kcp_language` — 001 L35 "language : 'ko', // en 설정시 영문으로 출력되면 해당 파라미터 생략시
    // 한국어 default"; kcp.mdx L234-239 "- `ko`: 한국어 (기본값) - `en`: 영어".
    languages: Some((&[Language::Ko, Language::En], Msg::LanguageKoEn)),
    // `kcp_name_required` — kcp.mdx L166 "name: string **주문명**" without `?` (request-pay-
    // params.mdx L157 "name?: string"); the PG page is the more specific one (RULES.md §3.1).
    name_required: true,
    // `kcp_no_interest_free` — only KG Inicis documents `card.interest_free` (000 L138-140
    // "card: { interest_free: 7, //모든 카드 7개월까지 상점분담무이자 }"); kcp.mdx's `card` (L279-321)
    // has detail and direct only.
    no_interest_free: Some(Msg::KcpNoInterestFree),
    // `kcp_no_use_free_interest` / `kcp_no_max_month` — request-pay-params.mdx L479-528 (###
    // 상점 부담 무이자 할부 최대 개월수 설정하기, `max_month` + `useFreeInterestFromMall`) "지원되는
    // PG사 - 토스페이먼츠(신모듈) - KSNET - 나이스페이(신모듈) - 웰컴페이먼츠 - KSNET 카드 다이렉트 -
    // KG이니시스": no KCP; kcp.mdx L284-298 documents `card.detail[]` with `card_code` and
    // `enabled` only.
    no_mall_interest: Some(Msg::KcpNoMaxMonth),
    check,
    ..Pg::COMMON
};

/// NHN KCP's billing-key window (`kcp_billing`): KCP's data, pay_method `card` only —
/// `kcp_billing_card_only`: 001 L82 "pay_method : 'card', // 'card'만 지원됩니다."; kcp.mdx
/// L52-56 "결제창 빌링키 발급 ... - 카드: `card`".
pub(crate) const BILLING_DESCRIPTOR: Pg = Pg {
    section: "§3 NHN KCP (kcp_billing)",
    pay_methods: &[PayMethod::Card],
    pay_method_msg: Msg::KcpBillingCardOnly,
    ..DESCRIPTOR
};

/// Top-level `bypass` keys (kcp.mdx; docs/RULES.md §3.2).
const BYPASS_KEYS: &[&str] = &[
    "shop_user_id",
    "coupon_apply_yn",
    "skin_indx",
    "site_logo",
    "complex_pnt_yn",
    "pt_memcorp_cd",
    "app_flag",
    "batch_birth_day_yn",
];

/// `kcp_vbank_due_formats` — kcp.mdx L202-206 "vbank\_due?: string ... `YYYYMMDD` 또는
/// `YYYYMMDDHHmmss` 형식으로 지정합니다." Conflict (RULES.md §7.10): request-pay-params.mdx
/// allows four formats; the PG page is more specific and wins for KCP.
const VBANK_DUE_FORMATS: &[DateFormat] = &[DateFormat::Date8, DateFormat::DateTime14];

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

/// Runs the NHN KCP rules that are not data (and the billing rules for `kcp_billing`).
fn check(ctx: &mut Ctx) {
    let billing = ctx.provider == Some(Provider::KcpBilling);
    customer_uid(ctx, billing);
    kcp_products(ctx);
    buyer_name(ctx);
    auth_mode(ctx);
    prefill(ctx);
    card(ctx);
    bypass(ctx, billing);
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
            Some(site) => {
                let mut s = String::from("kcp_billing.");
                s.push_str(site);
                s
            }
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
    let products = ctx.at(["kcpProducts"]);
    let empty = match products.kind() {
        Some(Kind::Array) => products.len() == 0,
        _ => ctx.get("kcpProducts").is_none(),
    };
    if empty && ctx.is_true("escrow") {
        // Not an array: the schema's invalid_type (the cursor reads it as reported).
        ctx.at(["kcpProducts"])
            .add_new(Code::Required, Msg::KcpProductsForEscrow);
    }
    let Some(items) = ctx.at(["kcpProducts"]).array() else {
        return;
    };
    items.each(|item| {
        let Some(mut product) = item.object() else {
            return;
        };
        for key in ["orderNumber", "name"] {
            product.child(key).required(Msg::Required).string();
        }
        // quantity: an integer ≥ 1; amount: an integer ≥ 0.
        for (key, min) in [("quantity", 1), ("amount", 0)] {
            let at = product.child(key).required_key(Msg::Required);
            let n = at.int();
            if n.is_some_and(|n| n < min) {
                product.child(key).add(Code::OutOfRange, Msg::KcpQuantity);
            }
        }
    });
}

/// `kcp_phone_buyer_name_required` — kcp.mdx L492-495 "휴대폰 소액결제시 `buyer_name`과
/// `bypass.shop_user_id` 파라미터를 필수 입력해야합니다."
fn buyer_name(ctx: &mut Ctx) {
    if ctx.pay_method() == Some("phone") {
        ctx.require("buyer_name", Msg::KcpPhoneBuyerName);
    }
}

/// `kcp_auth_mode` — kcp.mdx L383-389 "auth\_mode?: string ... - `key-in`: 키인결제 모드로
/// 결제창을 호출합니다."; 001 L39 "auth_mode:'key-in' // 키인결제(일회성 결제)이용시 설정".
fn auth_mode(ctx: &mut Ctx) {
    let at = ctx.at(["auth_mode"]);
    if at
        .peek_str()
        .is_some_and(|m| !m.is_empty() && m != "key-in")
    {
        at.add(Code::InvalidValue, Msg::KcpAuthMode);
    }
}

/// `kcp_prefill_phone_digits` — 001 L254-259 "\"prefill\": { \"phoneNumber\": \"고정할
/// 휴대폰번호\" } 숫자만 입력하세요"; kcp.mdx L525 "`prefill.phoneNumber` 파라미터에 고정할 휴대폰
/// 번호를 입력한 후 결제를 요청합니다." (`prefill` not an object: the schema's invalid_type.)
fn prefill(ctx: &mut Ctx) {
    ctx.at(["prefill", "phoneNumber"]).digits();
}

/// `kcp_card_direct_point_quota` — kcp.mdx L311-319 (see `direct_quota_months`): a quota of
/// 60 or more is a point quota, 60+ for nine cards and 80+ for Hyundai only. The common rule
/// applies the 50,000 KRW minimum to the decoded months.
fn card(ctx: &mut Ctx) {
    let code = ctx.at(["card", "direct", "code"]).peek_str();
    let Some(code) = code.filter(|c| CARD_CODES.contains(c)) else {
        return;
    };
    let at = ctx.at(["card", "direct", "quota"]);
    if let Some(quota) = at.peek_int() {
        if direct_quota_months(Some(code), quota).is_none() {
            at.add_new_arg(Code::InvalidValue, Msg::KcpPointQuota, code);
        }
    }
}

/// The bypass keys of kcp.mdx L391-447 (and the billing tab L661-675).
fn bypass(ctx: &mut Ctx, billing: bool) {
    let absent = ctx.get("bypass").is_none();
    // Not an object: only the schema's invalid_type at `bypass` (RULES.md §0).
    if !absent && ctx.at(["bypass"]).kind() != Some(Kind::Object) {
        return;
    }
    shop_user_id(ctx);
    point_member_code(ctx);
    if absent {
        return;
    }
    flags(ctx);
    // `kcp_app_flag_needs_kb_direct` — kcp.mdx L438-442 "app\_flag?: string **KB국민카드 다이렉트
    // 호출 시 앱카드 사용 여부** ... `card.direct`로 KB국민카드 다이렉트 호출 시 결제 방식을 지정합니다."
    let direct_code = ctx.at(["card", "direct", "code"]).peek_str();
    let at = ctx.at(["bypass", "app_flag"]);
    if at.present() && direct_code != Some("381") {
        at.add_new(Code::UnsupportedOption, Msg::KcpAppFlagKbDirect);
    }
    // `kcp_batch_birth_day_billing_only` — kcp.mdx L661-674 "bypass?: object **KCP 빌링키 발급
    // 전용 파라미터** ... batch\_birth\_day\_yn?: string".
    let at = ctx.at(["bypass", "batch_birth_day_yn"]);
    if !billing && at.present() {
        at.add_new(Code::UnsupportedOption, Msg::KcpBatchBirthDayBillingOnly);
    }
}

/// `kcp_shop_user_id_required` / `kcp_shop_user_id_bytes` — 001 L204-207 "bypass : {
/// shop_user_id : ‘ABCD123’ //가맹점 회원ID (20byte) } 상품권 기관 RM 조치를 위해 필수적으로
/// 실어주셔야 합니다."; kcp.mdx L398-402 "shop\_user\_id?: string **고객사 회원 ID** 상품권 결제 및
/// 휴대폰 소액결제 시 필수 입력해야 합니다."
///
/// Encoding decision (RULES.md §7.9): the 20-byte limit is counted in EUC-KR (ASCII 1 byte,
/// a KS X 1001 character 2 bytes), the encoding of KCP's payment window; a character EUC-KR
/// cannot hold is invalid_value. So 10 Hangul syllables (20 bytes) pass.
fn shop_user_id(ctx: &mut Ctx) {
    let needed = ctx
        .pay_method()
        .is_some_and(|m| SHOP_USER_ID_METHODS.contains(&m));
    let at = ctx.at(["bypass", "shop_user_id"]);
    if at.missing() {
        if needed {
            at.add(Code::Required, Msg::KcpShopUserId);
        }
        return;
    }
    let Some(s) = ctx.at(["bypass", "shop_user_id"]).string() else {
        return;
    };
    let at = ctx.at(["bypass", "shop_user_id"]);
    match euc_kr_len(s) {
        None => at.add(Code::InvalidValue, Msg::KcpShopUserIdEucKr),
        Some(n) if n > 20 => at.add_arg(Code::TooLong, Msg::TooLongBytes, "20"),
        Some(_) => {}
    }
}

/// `kcp_point_member_code_required` — kcp.mdx L432-436 "pt\_memcorp\_cd?: string **베네피아 회원
/// 코드** (PC, 모바일) 베네피아 포인트 결제 시 필수 입력해야 합니다."
fn point_member_code(ctx: &mut Ctx) {
    let point = ctx.pay_method() == Some("point");
    let at = ctx.at(["bypass", "pt_memcorp_cd"]);
    if at.missing() {
        if point {
            at.add(Code::Required, Msg::KcpPointMemberCode);
        }
        return;
    }
    at.string();
}

/// `kcp_bypass_values` — the value sets of kcp.mdx's bypass table:
/// - L404-411 "coupon\_apply\_yn?: string ... - `Y`: 활성 - `N`: 비활성"
/// - L413-417 "skin\_indx?: string **결제창 스킨 유형** (PC 전용) 1\~11 사이의 숫자로 지정 가능합니다."
/// - L419-421 "site\_logo?: string **결제창 로고 URL** (PC 전용)" (also L666 on kcp_billing)
/// - L423-430 "complex\_pnt\_yn?: string ... - `Y`: 포인트 + 신용카드 복합결제 허용 - `N`: 전액 포인트결제"
/// - L438-446 "app\_flag?: string ... - `Y` ... - `N` ... - `S` ... (모바일 전용)" (`S` is not
///   limited to mobile here: `options.mobile` is a guess)
/// - L670-674 "batch\_birth\_day\_yn?: string ... - `Y`: ..." (`N` is accepted as well)
fn flags(ctx: &mut Ctx) {
    const SETS: &[(&str, &[&str])] = &[
        ("coupon_apply_yn", &["Y", "N"]),
        ("complex_pnt_yn", &["Y", "N"]),
        ("app_flag", &["Y", "N", "S"]),
        ("batch_birth_day_yn", &["Y", "N"]),
    ];
    for (key, allowed) in SETS {
        ctx.at(["bypass", key]).one_of(allowed, None);
    }
    let skin_ok = |s: &str| {
        is_digits(s)
            && !s.starts_with('0')
            && s.len() <= 2
            && (1..=11).contains(&s.parse::<u8>().unwrap_or(0))
    };
    ctx.at(["bypass", "skin_indx"])
        .type_msg(Msg::KcpSkinIndex)
        .check_str(skin_ok, Msg::KcpSkinIndex);
    ctx.at(["bypass", "site_logo"]).http_url(Msg::BadUrl);
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
