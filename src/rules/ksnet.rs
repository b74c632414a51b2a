//! KSNET (`ksnet[.MID]`): guide 002 and portone-docs/ksnet.mdx, ksnet-warning.mdx.
//! Rule ids and decisions: docs/RULES.md §4.
//!
//! Card codes (card-codes.mdx): 361 BC, 381 KB국민, 367 현대, 365 삼성, 368 롯데, 371 NH농협,
//! 041 우리, 374 하나, 366 신한, 370 씨티, 369 수협, 372 전북, 364 광주, 090 카카오뱅크.

use crate::check::{quote, Ctx, Slot};
use crate::issue::{Code, Issue, Msg, Severity};
use crate::request::PayMethod;
use crate::rules::common::{int, Int, INSTALLMENT_MINIMUM};
use crate::rules::format::{is_digits, is_http_url, DateFormat};
use serde_json::{Map, Value};

/// Top-level `bypass` keys (docs/RULES.md §4.2).
pub(crate) const BYPASS_KEYS: &[&str] = &["ksnet"];
/// `bypass.ksnet` keys (ksnet.mdx).
pub(crate) const BYPASS_SUB: Option<(&str, &[&str])> = Some((
    "ksnet",
    &[
        "sndQpayType",
        "tcode",
        "url",
        "sndKakaopayType",
        "easyPayDirect",
    ],
));

/// `period` formats under KSNET: its samples send "2022-12-01" (docs/RULES.md §1.3).
pub(crate) const PERIOD_FORMATS: &[DateFormat] = &[DateFormat::Date8, DateFormat::DashDate];

/// 002 / ksnet.mdx pay_method list: "card (신용카드) vbank (가상계좌) trans (계좌이체) phone
/// (휴대폰소액결제) lpay (LPAY) ssgpay (SSGPAY) kakaopay (카카오페이) naverpay (네이버페이)
/// payco (페이코)" — the two sources agree.
const PAY_METHODS: &[&str] = &[
    "card", "vbank", "trans", "phone", "lpay", "ssgpay", "kakaopay", "naverpay", "payco",
];

/// ksnet.mdx: "`pay_method`를 `naverpay`, `kakaopay`, `payco`, `lpay` 중 하나로 지정합니다."
const EASY_DIRECT_METHODS: &[&str] = &["naverpay", "kakaopay", "payco", "lpay"];

/// The easy-pay methods of the KSNET list (ksnet-warning.mdx "간편 결제 수단").
const EASY_PAY_METHODS: &[&str] = &["kakaopay", "naverpay", "payco", "lpay", "ssgpay"];

/// ksnet-warning.mdx: "발급사가 비씨,국민,하나,삼성,신한,현대,롯데,농협인 경우에 `고객사 무이자
/// 할부`를 설정할 수 있습니다."
const MAX_MONTH_ISSUERS: &[&str] = &["361", "381", "374", "365", "366", "367", "368", "371"];

/// ksnet.mdx: "모바일 환경에서 **BC카드, 수협카드, 전북카드, 광주카드, 카카오뱅크카드** 를
/// 다이렉트 호출하는 경우 `buyer_tel`, `bypass.ksnet.tcode` 파라미터를 필수 입력해야 합니다."
const DIRECT_MOBILE_TEL_TCODE: &[&str] = &["361", "369", "372", "364", "090"];

/// ksnet.mdx: "**국민카드, 우리카드, 하나카드, 농협카드, 삼성카드, 현대카드, 롯데카드, 신한카드,
/// 씨티카드** 를 다이렉트 호출하는 경우 `storeDetails.businessName`,
/// `storeDetails.businessRegistrationNumber` 파라미터를 필수 입력해야 합니다."
const DIRECT_STORE_DETAILS: &[&str] = &[
    "381", "041", "374", "371", "365", "367", "368", "366", "370",
];

/// ksnet.mdx: "**우리카드, 하나카드, 농협카드, 삼성카드, 현대카드, 롯데카드, 신한카드, 씨티카드**
/// 를 다이렉트 호출하는 경우 `bypass.ksnet.url` 파라미터를 필수 입력해야 합니다." and "...의
/// 경우 다이렉트 호출 시 렌더링할 할부개월 리스트를 지정할 수 없습니다." (the same eight cards).
const DIRECT_URL_NO_QUOTA: &[&str] = &["041", "374", "371", "365", "367", "368", "366", "370"];

/// ksnet.mdx: "할부 결제는 **5만원 이상 결제 요청시**에만 이용 가능합니다. (현대카드의 경우
/// 1만원 이상 결제 요청시 사용 가능)" — the lowest amount any card takes installments at.
const HYUNDAI_INSTALLMENT_MINIMUM: u64 = 10_000;

/// Runs the KSNET rule set.
pub(crate) fn check(ctx: &mut Ctx) {
    // A pay_method the common layer rejected (not a PortOne code) gets nothing on top (§0).
    let method = ctx.pay_method().filter(|m| m.parse::<PayMethod>().is_ok());
    let ksnet = bypass_ksnet(ctx);
    pay_method(ctx, method);
    no_billing_window(ctx);
    currency(ctx);
    tax_free_and_vbank(ctx, method);
    escrow(ctx);
    card_direct(ctx, &ksnet);
    easy_pay_direct(ctx, method, &ksnet);
    store_details(ctx);
    card_quota(ctx, method);
    merchant_interest_free(ctx, method);
    card_options(ctx);
}

/// `bypass.ksnet` as read by the rules; its type and value issues are reported here.
struct KsnetBypass {
    /// `bypass.ksnet` (and `bypass`) is an object or absent: nested `required` rules apply.
    usable: bool,
    /// `easyPayDirect === true`.
    easy_pay_direct: bool,
}

/// ksnet.mdx `bypass.ksnet` table, each key with its documented type and values.
///
/// **Decision** (docs/RULES.md §4.2): the table types "ksnet?: string", but both samples (002,
/// ksnet.mdx) pass an object `{ sndQpayType: "0" }`, so `bypass.ksnet` is an object.
fn bypass_ksnet(ctx: &mut Ctx) -> KsnetBypass {
    let mut out = KsnetBypass {
        usable: true,
        easy_pay_direct: false,
    };
    let ksnet = match ctx.object_at(&["bypass", "ksnet"]) {
        Slot::Absent => return out,
        Slot::Obj(m) => m,
        Slot::Other => {
            out.usable = false;
            // `bypass` itself not an object: the schema pass reported it.
            if matches!(ctx.object_at(&["bypass"]), Slot::Obj(_)) {
                ctx.add("bypass.ksnet", Code::InvalidType, Msg::KsnetBypassObject);
            }
            return out;
        }
    };
    // 002: "sndQpayType string 카드 결제 시 결제창에 간편 결제 수단 표시 여부 "0" : 간편결제 수단
    // 표시하지 않음 "1" : 간편결제 수단 표시함"; ksnet.mdx "sndQpayType?: string ... 0 : ... /
    // 1 : ...".
    if let Some(s) = string_at(ctx, ksnet, "sndQpayType") {
        if s != "0" && s != "1" {
            ctx.add(
                "bypass.ksnet.sndQpayType",
                Code::InvalidValue,
                Msg::KsnetSndQpayType,
            );
        }
    }
    // ksnet.mdx "tcode?: string 통신사 구분 ... LG는 `lgt`, KT는 `ktf`, SKT는 `skt`로 입력해야
    // 하며, 통신사 구분이 어려우신 경우 임의의 값을 입력하여 요청해도 무방합니다." — any string.
    string_at(ctx, ksnet, "tcode");
    // ksnet.mdx "url?: string 고객사 url - 결제를 요청하는 사이트의 url을 입력하여야 합니다."
    if let Some(s) = string_at(ctx, ksnet, "url") {
        if !s.is_empty() && !is_http_url(s) {
            ctx.add("bypass.ksnet.url", Code::InvalidValue, Msg::KsnetSiteUrl);
        }
    }
    // ksnet.mdx "sndKakaopayType?: string ... - `CARD`: 카드 결제만 허용 - `MONEY`: 카카오머니
    // 결제만 허용 - 미입력시 모든 결제수단 허용".
    if let Some(s) = string_at(ctx, ksnet, "sndKakaopayType") {
        if s != "CARD" && s != "MONEY" {
            ctx.add(
                "bypass.ksnet.sndKakaopayType",
                Code::InvalidValue,
                Msg::KsnetSndKakaopayType,
            );
        }
    }
    // ksnet.mdx "`bypass.ksnet.easyPayDirect`를 `true`로 설정하고" (sample `"easyPayDirect":
    // true`): a boolean; a wrong type turns nothing on.
    match ksnet.get("easyPayDirect") {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => out.easy_pay_direct = *b,
        Some(_) => ctx.add(
            "bypass.ksnet.easyPayDirect",
            Code::InvalidType,
            Msg::MustBeBool,
        ),
    }
    out
}

/// The string at `bypass.ksnet.<key>`; a non-string is `invalid_type` (every key but
/// easyPayDirect is typed `string` in ksnet.mdx).
fn string_at<'a>(ctx: &mut Ctx, ksnet: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    match ksnet.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(_) => {
            ctx.add(
                format!("bypass.ksnet.{key}"),
                Code::InvalidType,
                Msg::MustBeString,
            );
            None
        }
    }
}

/// `ksnet_pay_method_allowed`: 002 / ksnet.mdx pay_method list ([`PAY_METHODS`]).
fn pay_method(ctx: &mut Ctx, method: Option<&str>) {
    if let Some(m) = method {
        if !PAY_METHODS.contains(&m) {
            ctx.add_arg(
                "pay_method",
                Code::UnsupportedPayMethod,
                Msg::UnsupportedPayMethodBy,
                quote(m),
            );
        }
    }
}

/// `ksnet_no_billing_window`: ksnet.mdx "비인증 결제창 요청" tab: "**KSNET은 결제창 기반 비인증
/// 결제를 지원하지 않습니다.**" — a `customer_uid` (billing-key window) is an error.
fn no_billing_window(ctx: &mut Ctx) {
    if ctx.has("customer_uid") && !ctx.has_issue_at("customer_uid") {
        ctx.add(
            "customer_uid",
            Code::UnsupportedOption,
            Msg::KsnetNoBillingWindow,
        );
    }
}

/// `ksnet_currency`: ksnet-warning.mdx "KSNET은 KRW, USD 만 지원합니다." (A code outside the
/// common list is already the common `invalid_value`.)
fn currency(ctx: &mut Ctx) {
    if let Some(c) = ctx.str("currency") {
        if c != "KRW" && c != "USD" && !ctx.has_issue_at("currency") {
            ctx.add("currency", Code::InvalidValue, Msg::KsnetCurrency);
        }
    }
}

/// `ksnet_tax_free_required`, `ksnet_vbank_due_required`, `ksnet_vbank_no_tax_vat`.
fn tax_free_and_vbank(ctx: &mut Ctx, method: Option<&str>) {
    let vbank = method == Some("vbank");
    if vbank {
        // ksnet-warning.mdx "가상계좌 입금기한은 필수 입력 항목 ... (포트원에서는 필수 값으로
        // 제한하고 있습니다.)"
        ctx.require("vbank_due", Msg::KsnetVbankDue);
        // `ksnet_vbank_due_window_formats`: ksnet-warning.mdx "초 단위의 UNIX TIMESTAMP ...
        // (`api로 가상계좌를 발급하는 경우에만 해당합니다.`)" — the window takes the common
        // formats (rules::vbank_due_formats), so a timestamp is the common invalid_value.

        // ksnet-warning.mdx "KSNET는 일회성 가상계좌의 경우 부가세, 면세 금액 설정을 지원하지
        // 않습니다." tax_free 0 says nothing is tax-free and is harmless; any vat_amount is a
        // VAT setting.
        let tax_free_set =
            matches!(ctx.get("tax_free"), Some(v) if matches!(int(v), Int::Ok(n) if n > 0));
        if tax_free_set && !ctx.has_issue_at("tax_free") {
            ctx.add("tax_free", Code::UnsupportedOption, Msg::KsnetVbankNoTaxVat);
        }
        if ctx.get("vat_amount").is_some() && !ctx.has_issue_at("vat_amount") {
            ctx.add(
                "vat_amount",
                Code::UnsupportedOption,
                Msg::KsnetVbankNoTaxVat,
            );
        }
    } else if !ctx.has("tax_free") && !ctx.has_issue_at("tax_free") {
        // ksnet.mdx tax_free: "포트원을 통해 KSNET를 사용하는 경우 과세 설정이 `복합과세`이므로
        // 면세금액을 반드시 입력해야 합니다." **Conflict:** the same entry (and 002) says "지정하지
        // 않은 경우 0원입니다" — PortOne defaults it, so this is a warning, not an error; vbank is
        // excluded because it cannot carry tax_free (rule above).
        ctx.push(
            Issue::new("tax_free", Code::Required, Msg::KsnetTaxFree).severity(Severity::Warning),
        );
    }
}

/// `ksnet_escrow_buyer_email`: ksnet-warning.mdx "주문자 이메일(`buyer_email`)은 선택 입력
/// 항목이지만 에스크로 결제에서 구매확인 이메일 수신을 위해 필수로 입력해야 합니다."
fn escrow(ctx: &mut Ctx) {
    if ctx.is_true("escrow") {
        ctx.require("buyer_email", Msg::KsnetEscrowEmail);
    }
}

/// `card.direct.code` when it is a string (KSNET documents only `code`: ksnet.mdx "direct?:
/// object ... code?: string 카드사 코드").
fn direct_code<'a>(ctx: &Ctx<'a>) -> Option<&'a str> {
    match ctx.object_at(&["card", "direct"]) {
        Slot::Obj(d) => d.get("code").and_then(Value::as_str),
        _ => None,
    }
}

/// Reports `required` at `{parent}.{key}` (with `msg` and `arg`) when it is missing.
fn require_nested(ctx: &mut Ctx, parent: &[&str], key: &str, msg: Msg, arg: &str) {
    let path = format!("{}.{key}", crate::rules::format::join(parent, "."));
    if ctx.missing_at(parent, key) && !ctx.has_issue_at(&path) {
        ctx.add_arg(path, Code::Required, msg, arg);
    }
}

/// Reports `required` at a top-level `key` (with `msg` and `arg`) when it is missing.
fn require_arg(ctx: &mut Ctx, key: &str, msg: Msg, arg: &str) {
    if !ctx.has(key) && !ctx.has_issue_at(key) {
        ctx.add_arg(key, Code::Required, msg, arg);
    }
}

/// Card direct (ksnet.mdx "카드사 다이렉트 호출" → 유의사항).
fn card_direct(ctx: &mut Ctx, ksnet: &KsnetBypass) {
    let Some(code) = direct_code(ctx) else {
        return;
    };
    let card = quote(code);
    // `ksnet_direct_buyer_name`: "KSNET을 통한 카드사 다이렉트 호출 시 `buyer_name` 파라미터는
    // 필수 입력해야 합니다."
    ctx.require("buyer_name", Msg::KsnetDirectBuyerName);
    // `ksnet_direct_krw_only`: ksnet.mdx currency "결제통화로 KSNET 카드 다이렉트의 경우 `KRW` 만
    // 허용됩니다."
    if let Some(c) = ctx.str("currency") {
        if c != "KRW" && !ctx.has_issue_at("currency") {
            ctx.add("currency", Code::UnsupportedOption, Msg::KsnetDirectKrw);
        }
    }
    // `ksnet_direct_mobile_tel_tcode`: [`DIRECT_MOBILE_TEL_TCODE`] ("모바일 환경에서").
    if ctx.opts.mobile && DIRECT_MOBILE_TEL_TCODE.contains(&code) {
        require_arg(ctx, "buyer_tel", Msg::KsnetDirectMobile, &card);
        if ksnet.usable {
            require_nested(
                ctx,
                &["bypass", "ksnet"],
                "tcode",
                Msg::KsnetDirectMobile,
                &card,
            );
        }
    }
    // `ksnet_direct_store_details`: [`DIRECT_STORE_DETAILS`].
    if DIRECT_STORE_DETAILS.contains(&code) {
        for key in ["businessName", "businessRegistrationNumber"] {
            require_nested(ctx, &["storeDetails"], key, Msg::KsnetDirectStore, &card);
        }
    }
    if DIRECT_URL_NO_QUOTA.contains(&code) {
        // `ksnet_direct_url`: [`DIRECT_URL_NO_QUOTA`].
        if ksnet.usable {
            require_nested(ctx, &["bypass", "ksnet"], "url", Msg::KsnetDirectUrl, &card);
        }
        // `ksnet_direct_no_card_quota`: "...의 경우 다이렉트 호출 시 렌더링할 할부개월 리스트를
        // 지정할 수 없습니다."
        if card_quota_given(ctx) && !ctx.has_issue_at("display.card_quota") {
            ctx.add_arg(
                "display.card_quota",
                Code::UnsupportedOption,
                Msg::KsnetDirectNoQuota,
                card,
            );
        }
    }
}

/// Whether `display.card_quota` is given (not absent or null).
fn card_quota_given(ctx: &Ctx) -> bool {
    match ctx.object_at(&["display"]) {
        Slot::Obj(d) => d.get("card_quota").is_some_and(|q| !q.is_null()),
        _ => false,
    }
}

/// Easy-pay direct (ksnet.mdx "간편결제 다이렉트 호출"), on when `bypass.ksnet.easyPayDirect`
/// is `true`.
fn easy_pay_direct(ctx: &mut Ctx, method: Option<&str>, ksnet: &KsnetBypass) {
    if !ksnet.easy_pay_direct {
        return;
    }
    // `ksnet_easy_direct_pay_method`: "`bypass.ksnet.easyPayDirect`를 `true`로 설정하고,
    // `pay_method`를 `naverpay`, `kakaopay`, `payco`, `lpay` 중 하나로 지정합니다."
    if let Some(m) = method {
        if !EASY_DIRECT_METHODS.contains(&m) && !ctx.has_issue_at("pay_method") {
            ctx.add(
                "pay_method",
                Code::UnsupportedPayMethod,
                Msg::KsnetEasyDirectMethod,
            );
        }
    }
    // `ksnet_easy_direct_buyer_name`: "- 구매자 이름(`buyer_name`)을 입력해야 합니다."
    ctx.require("buyer_name", Msg::KsnetEasyDirectBuyerName);
    let Some(m) = method.filter(|m| EASY_DIRECT_METHODS.contains(m)) else {
        return;
    };
    let arg = quote(m);
    let (store, buyer): (&[&str], bool) = match m {
        // `ksnet_easy_direct_naverpay`: "네이버페이의 경우 ... 상점명(`storeDetails.businessName`)
        // 필수 - `buyer_email`, `buyer_tel` 선택"
        "naverpay" => (&["businessName"], false),
        // `ksnet_easy_direct_kakaopay`: "카카오페이의 경우 - 상점 대표자명(`storeDetails.
        // ceoFullName`) 필수 - 상점 주소(`storeDetails.address`) 필수 - 상점 전화번호
        // (`storeDetails.phoneNumber`) 필수 - `buyer_email`, `buyer_tel` 필수".
        // **Conflict:** ksnet-warning.mdx 기타 "카카오페이 사용 시 상점정보(대표자명, 주소,
        // 전화번호)를 필수로 입력해야합니다" does not mention direct; **decision:** only with
        // easyPayDirect (the specific page; docs/RULES.md §4.4).
        "kakaopay" => (&["ceoFullName", "address", "phoneNumber"], true),
        // `ksnet_easy_direct_payco`: "페이코의 경우 - 상점명(`storeDetails.businessName`) 필수 -
        // 사업자등록번호(`storeDetails.businessRegistrationNumber`) 필수 - `buyer_email`,
        // `buyer_tel` 필수"
        "payco" => (&["businessName", "businessRegistrationNumber"], true),
        // "L페이의 경우 - `buyer_email`, `buyer_tel` 선택": nothing more.
        _ => (&[], false),
    };
    for key in store {
        require_nested(ctx, &["storeDetails"], key, Msg::KsnetEasyDirectField, &arg);
    }
    if buyer {
        for key in ["buyer_email", "buyer_tel"] {
            require_arg(ctx, key, Msg::KsnetEasyDirectField, &arg);
        }
    }
}

/// `ksnet_store_details_brn_digits`: ksnet.mdx "businessRegistrationNumber?: string 상점 사업자
/// 번호 - 하이픈(-) 을 제외한, 숫자만 전달하여야합니다." (Length is not checked: the page's own
/// sample is 9 digits.) The other fields (ksnet.mdx `storeDetails` and the easy-pay sample:
/// businessName, ceoFullName, address, phoneNumber) are strings.
fn store_details(ctx: &mut Ctx) {
    let Slot::Obj(details) = ctx.object_at(&["storeDetails"]) else {
        return;
    };
    for key in [
        "businessName",
        "businessRegistrationNumber",
        "ceoFullName",
        "address",
        "phoneNumber",
    ] {
        let path = format!("storeDetails.{key}");
        match details.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => {
                if key == "businessRegistrationNumber" && !s.is_empty() && !is_digits(s) {
                    ctx.add(path, Code::InvalidValue, Msg::DigitsOnly);
                }
            }
            Some(_) => ctx.add(path, Code::InvalidType, Msg::MustBeString),
        }
    }
}

/// `ksnet_easy_pay_fixed_quota` and `ksnet_card_quota_exact`.
fn card_quota(ctx: &mut Ctx, method: Option<&str>) {
    if !card_quota_given(ctx) || ctx.has_issue_at("display.card_quota") {
        return;
    }
    // `ksnet_easy_pay_fixed_quota`: ksnet-warning.mdx "Payco, SSGPay: 할부 개월 수 표시 설정
    // 불가, 5만원 이상 시 1\~12 개월 표시 고정".
    if let Some(m @ ("payco" | "ssgpay")) = method {
        ctx.add_arg(
            "display.card_quota",
            Code::UnsupportedOption,
            Msg::KsnetQuotaFixed,
            quote(m),
        );
        return;
    }
    // `ksnet_card_quota_exact`: ksnet.mdx "`[0]` : 일시불 `[2,3,4]` : 2,3,4 개월" and
    // "\"card_quota\": [5, 6] // 할부개월 5,6개월만 활성화" — exactly the listed months, so a
    // list without 0 or 1 offers no lump sum. "할부 결제는 **5만원 이상 결제 요청시**에만 이용
    // 가능합니다. (현대카드의 경우 1만원 이상 결제 요청시 사용 가능)".
    // **Conflict:** 002 "2,3,4,5,6 : 일시불을 포함한 2, 3, 4, 5, 6개월까지" (Inicis-style
    // semantics); **decision:** ksnet.mdx (newer). The common warning is skipped under KSNET
    // (common.rs card_quota) in favour of this rule.
    let Slot::Obj(display) = ctx.object_at(&["display"]) else {
        return;
    };
    let Some(Value::Array(items)) = display.get("card_quota") else {
        return;
    };
    let mut months = Vec::with_capacity(items.len());
    for item in items {
        match int(item) {
            Int::Ok(m) => months.push(m),
            // The common rule reported the item; do not guess what the list meant.
            Int::Bad(..) => return,
        }
    }
    let Some(amount) = ctx.amount else {
        return;
    };
    let lump = months.is_empty() || months.iter().any(|&m| m <= 1);
    let installments = months.iter().any(|&m| m >= 2);
    if installments && !lump && amount < HYUNDAI_INSTALLMENT_MINIMUM {
        ctx.add(
            "display.card_quota",
            Code::OutOfRange,
            Msg::KsnetQuotaNoLumpSum,
        );
    } else if installments && amount < INSTALLMENT_MINIMUM {
        ctx.add(
            "display.card_quota",
            Code::BelowInstallmentMinimum,
            Msg::KsnetQuotaMinimum,
        );
    }
}

/// `ksnet_easy_pay_no_merchant_interest_free` and `ksnet_max_month_issuers`
/// (merchant-paid interest-free installments: `useFreeInterestFromMall`,
/// `card.detail[].max_month`, ksnet.mdx "상점 부담 무이자 할부").
fn merchant_interest_free(ctx: &mut Ctx, method: Option<&str>) {
    let details: Vec<(usize, Option<String>, bool)> = match ctx.object_at(&["card"]) {
        Slot::Obj(card) => match card.get("detail") {
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let entry = item.as_object()?;
                    let code = entry
                        .get("card_code")
                        .and_then(Value::as_str)
                        .map(str::to_string);
                    let max_month = entry.get("max_month").is_some_and(|m| !m.is_null());
                    Some((i, code, max_month))
                })
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    if let Some(m) = method.filter(|m| EASY_PAY_METHODS.contains(m)) {
        // ksnet-warning.mdx 기타: "간편 결제 수단에서 고객사 부담 무이자 설정은 사용
        // 불가능합니다."
        let arg = quote(m);
        if ctx.is_true("useFreeInterestFromMall") {
            ctx.add_arg(
                "useFreeInterestFromMall",
                Code::UnsupportedOption,
                Msg::KsnetEasyPayNoMallInterest,
                arg.clone(),
            );
        }
        for (i, _, max_month) in &details {
            let path = format!("card.detail[{i}].max_month");
            if *max_month && !ctx.has_issue_at(&path) {
                ctx.add_arg(
                    path,
                    Code::UnsupportedOption,
                    Msg::KsnetEasyPayNoMallInterest,
                    arg.clone(),
                );
            }
        }
        return;
    }
    // ksnet-warning.mdx 특이사항: "발급사가 비씨,국민,하나,삼성,신한,현대,롯데,농협인 경우에
    // `고객사 무이자 할부`를 설정할 수 있습니다." ([`MAX_MONTH_ISSUERS`]; `*` = every card.)
    for (i, code, max_month) in details {
        let Some(code) = code else { continue };
        let path = format!("card.detail[{i}].card_code");
        if max_month
            && code != "*"
            && !MAX_MONTH_ISSUERS.contains(&code.as_str())
            && !ctx.has_issue_at(&path)
        {
            ctx.add(path, Code::UnsupportedOption, Msg::KsnetMaxMonthIssuer);
        }
    }
}

/// `ksnet_use_installment_type` and `ksnet_no_interest_free`.
fn card_options(ctx: &mut Ctx) {
    let Slot::Obj(card) = ctx.object_at(&["card"]) else {
        return;
    };
    // ksnet.mdx "useInstallment?: boolean 할부 가능 여부". (Its note "KB 앱카드 결제 시,
    // card.useInstallment 파라미터 true 설정 시에만 할부 개월 수 설정이 가능합니다." cannot be
    // checked: the card is chosen in the window.)
    if card
        .get("useInstallment")
        .is_some_and(|v| !v.is_null() && !v.is_boolean())
    {
        ctx.add("card.useInstallment", Code::InvalidType, Msg::MustBeBool);
    }
    // `ksnet_no_interest_free`: `card.interest_free` is documented only in 000 (KG Inicis:
    // "interest_free: 7, //모든 카드 7개월까지 상점분담무이자"); KSNET documents
    // card.detail[].max_month instead (ksnet.mdx "상점 부담 무이자 할부의 경우 card.detail
    // 파라미터를 사용하여 최대 할부개월수 설정이 가능합니다.").
    if card.get("interest_free").is_some_and(|v| !v.is_null()) {
        ctx.add(
            "card.interest_free",
            Code::UnsupportedOption,
            Msg::KsnetNoInterestFree,
        );
    }
}
