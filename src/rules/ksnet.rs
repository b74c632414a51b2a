//! KSNET (`ksnet[.MID]`): guide 002 and portone-docs/ksnet.mdx, ksnet-warning.mdx.
//! Rule ids and decisions: docs/RULES.md §4.
//!
//! Card codes (card-codes.mdx): 361 BC, 381 KB국민, 367 현대, 365 삼성, 368 롯데, 371 NH농협,
//! 041 우리, 374 하나, 366 신한, 370 씨티, 369 수협, 372 전북, 364 광주, 090 카카오뱅크.

use crate::check::quote;
use crate::issue::{Code, Msg};
use crate::request::{Currency, PayMethod};
use crate::rules::common::INSTALLMENT_MINIMUM;
use crate::rules::ctx::Ctx;
use crate::rules::format::{is_http_url, DateFormat};
use crate::rules::schema::Type;
use crate::rules::tree::Kind;
use crate::rules::Pg;

/// Everything KSNET is, as data (docs/RULES.md §4).
pub(crate) const DESCRIPTOR: Pg = Pg {
    section: "§4 KSNET",
    pay_methods: PAY_METHODS,
    // `ksnet_no_billing_window`: ksnet.mdx "비인증 결제창 요청" tab: "**KSNET은 결제창 기반 비인증
    // 결제를 지원하지 않습니다.**" — a `customer_uid` (billing-key window) is an error.
    no_billing_window: Some(Msg::KsnetNoBillingWindow),
    // ksnet.mdx "storeDetails?: object 상점 세부 정보"
    keys: &[("storeDetails", Type::Obj)],
    bypass_keys: &["ksnet"],
    // `bypass.ksnet` keys (ksnet.mdx).
    bypass_sub: Some((
        "ksnet",
        &[
            "sndQpayType",
            "tcode",
            "url",
            "sndKakaopayType",
            "easyPayDirect",
        ],
    )),
    // vbank_due formats: the common four (`Pg::COMMON`). `ksnet_vbank_due_window_formats`:
    // ksnet-warning.mdx "초 단위의 UNIX TIMESTAMP ... (`api로 가상계좌를 발급하는 경우에만
    // 해당합니다.`)" — the window takes the common formats, so a timestamp is the common
    // invalid_value.
    // `period` formats under KSNET: its samples send "2022-12-01" (docs/RULES.md §1.3).
    period_formats: &[DateFormat::Date8, DateFormat::DashDate],
    // `ksnet_amount_string`: 002 shows `amount : '1004'`, a string, where 000 / request-pay-
    // params.mdx say a number ("문자열이 아닌 숫자 타입으로 지정해야 하는 점에 유의하세요").
    // Decision: under KSNET a decimal-digit string is accepted, sent as a number, and reported
    // as warning `coerced` (ksnet.mdx, the newer page, uses a number — so the number is sent).
    amount_digit_string: true,
    // `ksnet_card_quota_exact` (below) replaces the common installment warning.
    card_quota_exact: true,
    // `ksnet_currency`: ksnet-warning.mdx "KSNET은 KRW, USD 만 지원합니다." (A code outside the
    // common list is already the common `invalid_value`.)
    currencies: Some((&[Currency::Krw, Currency::Usd], Msg::KsnetCurrency)),
    // `ksnet_name_optional`: ksnet.mdx's parameter list has no `name` entry (its sample sends
    // one); request-pay-params.mdx L157 "name?: string" applies (docs/RULES.md §4.1).
    name_required: false,
    // `ksnet_no_interest_free`: `card.interest_free` is documented only in 000 (KG Inicis:
    // "interest_free: 7, //모든 카드 7개월까지 상점분담무이자"); KSNET documents
    // card.detail[].max_month instead (ksnet.mdx "상점 부담 무이자 할부의 경우 card.detail
    // 파라미터를 사용하여 최대 할부개월수 설정이 가능합니다.").
    no_interest_free: Some(Msg::KsnetNoInterestFree),
    // Supported (request-pay-params.mdx "상점 부담 무이자 할부" lists KSNET); the easy-pay and
    // issuer limits are `merchant_interest_free` below.
    no_mall_interest: None,
    check,
    ..Pg::COMMON
};

/// 002 / ksnet.mdx pay_method list: "card (신용카드) vbank (가상계좌) trans (계좌이체) phone
/// (휴대폰소액결제) lpay (LPAY) ssgpay (SSGPAY) kakaopay (카카오페이) naverpay (네이버페이)
/// payco (페이코)" — the two sources agree.
pub(crate) const PAY_METHODS: &[PayMethod] = &[
    PayMethod::Card,
    PayMethod::Vbank,
    PayMethod::Trans,
    PayMethod::Phone,
    PayMethod::Lpay,
    PayMethod::Ssgpay,
    PayMethod::Kakaopay,
    PayMethod::Naverpay,
    PayMethod::Payco,
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

/// Runs the KSNET rules that are not data.
fn check(ctx: &mut Ctx) {
    // A pay_method the common layer rejected (not a PortOne code) gets nothing on top (§0).
    let method = ctx.method().map(PayMethod::as_str);
    let ksnet = bypass_ksnet(ctx);
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
    let at = ctx.at(["bypass", "ksnet"]);
    if !at.present() {
        // Absent, or `bypass` itself not an object (the schema pass reported it).
        out.usable = at.missing();
        return out;
    }
    if at.type_msg(Msg::KsnetBypassObject).object().is_none() {
        out.usable = false;
        return out;
    }
    // 002: "sndQpayType string 카드 결제 시 결제창에 간편 결제 수단 표시 여부 "0" : 간편결제 수단
    // 표시하지 않음 "1" : 간편결제 수단 표시함"; ksnet.mdx "sndQpayType?: string ... 0 : ... /
    // 1 : ...".
    ctx.at(["bypass", "ksnet", "sndQpayType"])
        .one_of(&["0", "1"], Some(Msg::KsnetSndQpayType));
    // ksnet.mdx "tcode?: string 통신사 구분 ... LG는 `lgt`, KT는 `ktf`, SKT는 `skt`로 입력해야
    // 하며, 통신사 구분이 어려우신 경우 임의의 값을 입력하여 요청해도 무방합니다." — any string.
    ctx.at(["bypass", "ksnet", "tcode"]).string();
    // ksnet.mdx "url?: string 고객사 url - 결제를 요청하는 사이트의 url을 입력하여야 합니다."
    ctx.at(["bypass", "ksnet", "url"])
        .check_str(|s| s.is_empty() || is_http_url(s), Msg::KsnetSiteUrl);
    // ksnet.mdx "sndKakaopayType?: string ... - `CARD`: 카드 결제만 허용 - `MONEY`: 카카오머니
    // 결제만 허용 - 미입력시 모든 결제수단 허용".
    ctx.at(["bypass", "ksnet", "sndKakaopayType"])
        .one_of(&["CARD", "MONEY"], Some(Msg::KsnetSndKakaopayType));
    // ksnet.mdx "`bypass.ksnet.easyPayDirect`를 `true`로 설정하고" (sample `"easyPayDirect":
    // true`): a boolean; a wrong type turns nothing on.
    out.easy_pay_direct = ctx.at(["bypass", "ksnet", "easyPayDirect"]).bool() == Some(true);
    out
}

/// `ksnet_tax_free_required`, `ksnet_vbank_due_required`, `ksnet_vbank_no_tax_vat`.
fn tax_free_and_vbank(ctx: &mut Ctx, method: Option<&str>) {
    let vbank = method == Some("vbank");
    if vbank {
        // ksnet-warning.mdx "가상계좌 입금기한은 필수 입력 항목 ... (포트원에서는 필수 값으로
        // 제한하고 있습니다.)"
        ctx.require("vbank_due", Msg::KsnetVbankDue);
        // ksnet-warning.mdx "KSNET는 일회성 가상계좌의 경우 부가세, 면세 금액 설정을 지원하지
        // 않습니다." tax_free 0 says nothing is tax-free and is harmless; any vat_amount is a
        // VAT setting.
        let at = ctx.at(["tax_free"]);
        if at.peek_int().is_some_and(|n| n > 0) {
            at.add_new(Code::UnsupportedOption, Msg::KsnetVbankNoTaxVat);
        }
        let at = ctx.at(["vat_amount"]);
        if at.present() {
            at.add_new(Code::UnsupportedOption, Msg::KsnetVbankNoTaxVat);
        }
    } else {
        // ksnet.mdx tax_free: "포트원을 통해 KSNET를 사용하는 경우 과세 설정이 `복합과세`이므로
        // 면세금액을 반드시 입력해야 합니다." **Conflict:** the same entry (and 002) says "지정하지
        // 않은 경우 0원입니다" — PortOne defaults it, so this is a warning, not an error; vbank is
        // excluded because it cannot carry tax_free (rule above).
        ctx.at(["tax_free"]).required_warn(Msg::KsnetTaxFree);
    }
}

/// `ksnet_escrow_buyer_email`: ksnet-warning.mdx "주문자 이메일(`buyer_email`)은 선택 입력
/// 항목이지만 에스크로 결제에서 구매확인 이메일 수신을 위해 필수로 입력해야 합니다."
fn escrow(ctx: &mut Ctx) {
    if ctx.is_true("escrow") {
        ctx.require("buyer_email", Msg::KsnetEscrowEmail);
    }
}

/// Card direct (ksnet.mdx "카드사 다이렉트 호출" → 유의사항). KSNET documents only `code`
/// (ksnet.mdx "direct?: object ... code?: string 카드사 코드").
fn card_direct(ctx: &mut Ctx, ksnet: &KsnetBypass) {
    let Some(code) = ctx.at(["card", "direct", "code"]).peek_str() else {
        return;
    };
    let card = quote(code);
    // `ksnet_direct_buyer_name`: "KSNET을 통한 카드사 다이렉트 호출 시 `buyer_name` 파라미터는
    // 필수 입력해야 합니다."
    ctx.require("buyer_name", Msg::KsnetDirectBuyerName);
    // `ksnet_direct_krw_only`: ksnet.mdx currency "결제통화로 KSNET 카드 다이렉트의 경우 `KRW` 만
    // 허용됩니다."
    let at = ctx.at(["currency"]);
    if at.peek_str().is_some_and(|c| c != "KRW") {
        at.add_new(Code::UnsupportedOption, Msg::KsnetDirectKrw);
    }
    // `ksnet_direct_mobile_tel_tcode`: [`DIRECT_MOBILE_TEL_TCODE`] ("모바일 환경에서").
    if ctx.opts.mobile && DIRECT_MOBILE_TEL_TCODE.contains(&code) {
        ctx.at(["buyer_tel"])
            .required_arg(Msg::KsnetDirectMobile, &card);
        if ksnet.usable {
            ctx.at(["bypass", "ksnet", "tcode"])
                .required_arg(Msg::KsnetDirectMobile, &card);
        }
    }
    // `ksnet_direct_store_details`: [`DIRECT_STORE_DETAILS`].
    if DIRECT_STORE_DETAILS.contains(&code) {
        for key in ["businessName", "businessRegistrationNumber"] {
            ctx.at(["storeDetails", key])
                .required_arg(Msg::KsnetDirectStore, &card);
        }
    }
    if DIRECT_URL_NO_QUOTA.contains(&code) {
        // `ksnet_direct_url`: [`DIRECT_URL_NO_QUOTA`].
        if ksnet.usable {
            ctx.at(["bypass", "ksnet", "url"])
                .required_arg(Msg::KsnetDirectUrl, &card);
        }
        // `ksnet_direct_no_card_quota`: "...의 경우 다이렉트 호출 시 렌더링할 할부개월 리스트를
        // 지정할 수 없습니다."
        let at = ctx.at(["display", "card_quota"]);
        if at.present() {
            at.add_new_arg(Code::UnsupportedOption, Msg::KsnetDirectNoQuota, card);
        }
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
    if method.is_some_and(|m| !EASY_DIRECT_METHODS.contains(&m)) {
        ctx.at(["pay_method"])
            .add_new(Code::UnsupportedPayMethod, Msg::KsnetEasyDirectMethod);
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
        ctx.at(["storeDetails", key])
            .required_arg(Msg::KsnetEasyDirectField, &arg);
    }
    if buyer {
        for key in ["buyer_email", "buyer_tel"] {
            ctx.at([key]).required_arg(Msg::KsnetEasyDirectField, &arg);
        }
    }
}

/// `ksnet_store_details_brn_digits`: ksnet.mdx "businessRegistrationNumber?: string 상점 사업자
/// 번호 - 하이픈(-) 을 제외한, 숫자만 전달하여야합니다." (Length is not checked: the page's own
/// sample is 9 digits.) The other fields (ksnet.mdx `storeDetails` and the easy-pay sample:
/// businessName, ceoFullName, address, phoneNumber) are strings.
fn store_details(ctx: &mut Ctx) {
    for key in ["businessName", "ceoFullName", "address", "phoneNumber"] {
        ctx.at(["storeDetails", key]).string();
    }
    ctx.at(["storeDetails", "businessRegistrationNumber"])
        .digits();
}

/// `ksnet_easy_pay_fixed_quota` and `ksnet_card_quota_exact`.
fn card_quota(ctx: &mut Ctx, method: Option<&str>) {
    let at = ctx.at(["display", "card_quota"]);
    if !at.present() || !at.fresh() {
        return;
    }
    // `ksnet_easy_pay_fixed_quota`: ksnet-warning.mdx "Payco, SSGPay: 할부 개월 수 표시 설정
    // 불가, 5만원 이상 시 1\~12 개월 표시 고정".
    if let Some(m @ ("payco" | "ssgpay")) = method {
        at.add_arg(Code::UnsupportedOption, Msg::KsnetQuotaFixed, quote(m));
        return;
    }
    // `ksnet_card_quota_exact`: ksnet.mdx "`[0]` : 일시불 `[2,3,4]` : 2,3,4 개월" and
    // "\"card_quota\": [5, 6] // 할부개월 5,6개월만 활성화" — exactly the listed months, so a
    // list without 0 or 1 offers no lump sum. "할부 결제는 **5만원 이상 결제 요청시**에만 이용
    // 가능합니다. (현대카드의 경우 1만원 이상 결제 요청시 사용 가능)".
    // **Conflict:** 002 "2,3,4,5,6 : 일시불을 포함한 2, 3, 4, 5, 6개월까지" (Inicis-style
    // semantics); **decision:** ksnet.mdx (newer). The common warning is skipped under KSNET
    // (`card_quota_exact`) in favour of this rule.
    if at.kind() != Some(Kind::Array) {
        return;
    }
    let mut months = Vec::with_capacity(at.len());
    let mut all_ints = true;
    at.each(|item| match item.peek_int() {
        Some(m) => months.push(m),
        // The common rule reported the item; do not guess what the list meant.
        None => all_ints = false,
    });
    let Some(amount) = ctx.amount.filter(|_| all_ints) else {
        return;
    };
    let lump = months.is_empty() || months.iter().any(|&m| m <= 1);
    let installments = months.iter().any(|&m| m >= 2);
    let at = ctx.at(["display", "card_quota"]);
    if installments && !lump && amount < HYUNDAI_INSTALLMENT_MINIMUM {
        at.add(Code::OutOfRange, Msg::KsnetQuotaNoLumpSum);
    } else if installments && amount < INSTALLMENT_MINIMUM {
        at.add(Code::BelowInstallmentMinimum, Msg::KsnetQuotaMinimum);
    }
}

/// `ksnet_easy_pay_no_merchant_interest_free` and `ksnet_max_month_issuers`
/// (merchant-paid interest-free installments: `useFreeInterestFromMall`,
/// `card.detail[].max_month`, ksnet.mdx "상점 부담 무이자 할부").
fn merchant_interest_free(ctx: &mut Ctx, method: Option<&str>) {
    let easy = method.filter(|m| EASY_PAY_METHODS.contains(m));
    if let Some(m) = easy {
        // ksnet-warning.mdx 기타: "간편 결제 수단에서 고객사 부담 무이자 설정은 사용
        // 불가능합니다."
        if ctx.is_true("useFreeInterestFromMall") {
            ctx.at(["useFreeInterestFromMall"]).add_arg(
                Code::UnsupportedOption,
                Msg::KsnetEasyPayNoMallInterest,
                quote(m),
            );
        }
    }
    ctx.at(["card", "detail"]).each(|mut entry| {
        if entry.kind() != Some(Kind::Object) {
            return;
        }
        let max_month = entry.child("max_month").given();
        let code = entry.child("card_code").peek_str();
        if !max_month {
            return;
        }
        match (easy, code) {
            (Some(m), _) => entry.child("max_month").add_new_arg(
                Code::UnsupportedOption,
                Msg::KsnetEasyPayNoMallInterest,
                quote(m),
            ),
            // ksnet-warning.mdx 특이사항: "발급사가 비씨,국민,하나,삼성,신한,현대,롯데,농협인
            // 경우에 `고객사 무이자 할부`를 설정할 수 있습니다." ([`MAX_MONTH_ISSUERS`]; `*` =
            // every card.)
            (None, Some(code)) if code != "*" && !MAX_MONTH_ISSUERS.contains(&code) => entry
                .child("card_code")
                .add_new(Code::UnsupportedOption, Msg::KsnetMaxMonthIssuer),
            _ => {}
        }
    });
}

/// `ksnet_use_installment_type`: ksnet.mdx "useInstallment?: boolean 할부 가능 여부". (Its note
/// "KB 앱카드 결제 시, card.useInstallment 파라미터 true 설정 시에만 할부 개월 수 설정이
/// 가능합니다." cannot be checked: the card is chosen in the window.)
fn card_options(ctx: &mut Ctx) {
    ctx.at(["card", "useInstallment"]).bool();
}
