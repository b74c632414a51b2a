//! Kiwoom Pay / Daou (`channelKey` + `options.provider: "daou"`, deprecated `pg: "daou"`):
//! guide 004 and portone-docs/daou.mdx, daou-notes.mdx. Rule ids and decisions:
//! docs/RULES.md §5.

use crate::check::quote;
use crate::issue::{Code, Msg};
use crate::provider::Provider;
use crate::request::PayMethod;
use crate::rules::common::INSTALLMENT_MINIMUM;
use crate::rules::ctx::Ctx;
use crate::rules::format::is_digits;
use crate::rules::ksx1001;
use crate::rules::schema::Type;
use crate::rules::tree::Kind;
use crate::rules::Pg;

/// Everything Kiwoom Pay is, as data (docs/RULES.md §5).
pub(crate) const DESCRIPTOR: Pg = Pg {
    section: "§5 Kiwoom Pay",
    pay_methods: PAY_METHODS,
    // `daou_no_billing_window`: daou.mdx offers only the "비 인증 API 요청" tab (REST billing),
    // and non-auth-billing.mdx's "결제창(SDK) 방식 ... 지원 결제대행사" list has no 키움페이.
    no_billing_window: Some(Msg::DaouNoBillingWindow),
    keys: &[
        // daou.mdx "휴대폰 번호 고정": "prefill": { "phoneNumber": … } (also KCP's)
        ("prefill", Type::Obj),
        // daou.mdx "통신사 노출 제어": phone.detail[{carrier, enabled}]
        ("phone", Type::Obj),
    ],
    bypass_keys: &["daou"],
    // `bypass.daou` keys (daou.mdx).
    bypass_sub: Some((
        "daou",
        &["PRODUCTCODE", "CASHRECEIPTFLAG", "DIRECT_YN", "CARDQUOTA"],
    )),
    // `daou_name_required`: daou.mdx L103 "name: string **주문명**" without `?` (request-pay-
    // params.mdx L157 "name?: string"); the PG page is the more specific one (RULES.md §5.1).
    name_required: true,
    // `daou_no_interest_free`: `card.interest_free` is documented only in 000 (KG Inicis:
    // "interest_free: 7, //모든 카드 7개월까지 상점분담무이자"), not in 004 or daou.mdx.
    no_interest_free: Some(Msg::DaouNoInterestFree),
    // `daou_no_max_month`: request-pay-params.mdx "상점 부담 무이자 할부 최대 개월수 설정하기" →
    // 지원되는 PG사: "토스페이먼츠(신모듈) - KSNET - 나이스페이(신모듈) - 웰컴페이먼츠 - KSNET 카드
    // 다이렉트 - KG이니시스" — no 키움페이, and daou.mdx documents neither max_month nor
    // useFreeInterestFromMall.
    no_mall_interest: Some(Msg::DaouNoMallInterest),
    check,
    ..Pg::COMMON
};

/// daou.mdx pay_method: "card (신용카드) trans (실시간 계좌이체) vbank (가상계좌) kakaopay
/// (카카오페이) naverpay (네이버페이) payco (페이코) samsung (삼성페이) applepay (애플페이)
/// cultureland (컬쳐랜드 문화상품권) smartculture (스마트문화상품권) booknlife (도서문화상품권)
/// phone (휴대폰결제)". **Conflict:** 004 lists only the first eight; **decision:** daou.mdx
/// (newer, a superset).
pub(crate) const PAY_METHODS: &[PayMethod] = &[
    PayMethod::Card,
    PayMethod::Trans,
    PayMethod::Vbank,
    PayMethod::Kakaopay,
    PayMethod::Naverpay,
    PayMethod::Payco,
    PayMethod::Samsung,
    PayMethod::Applepay,
    PayMethod::Cultureland,
    PayMethod::Smartculture,
    PayMethod::Booknlife,
    PayMethod::Phone,
];

/// daou-notes.mdx "복합과세 거래가 가능한 결제수단 (pay_method) - card - kakaopay - naverpay -
/// payco - applepay - samsung".
const TAX_FREE_METHODS: &[&str] = &[
    "card", "kakaopay", "naverpay", "payco", "applepay", "samsung",
];

/// daou.mdx CARDQUOTA "카드사 코드" table (비씨카드 CCBC … K뱅크 CKBK).
const CARD_CODES: &[&str] = &[
    "CCBC", "CCKM", "CCCJ", "CCLG", "CCCT", "CCLO", "CCCU", "CCMG", "CCDI", "CCNH", "CCHD", "CCPH",
    "CCHN", "CCPO", "CCJB", "CCSB", "CCKA", "CCSS", "CCKD", "CCSU", "CCKE", "CCTS", "CCKJ", "CKBK",
];

/// daou.mdx "통신사 노출 제어" samples: `"carrier": "*"` (모두 활성화), "SKT", "KTF", "LGT", "CJH".
const CARRIERS: &[&str] = &["*", "SKT", "KTF", "LGT", "CJH"];

/// Runs the Kiwoom Pay rules that are not data.
fn check(ctx: &mut Ctx) {
    // A pay_method the common layer rejected (not a PortOne code) gets nothing on top (§0).
    let method = ctx.method().map(PayMethod::as_str);
    channel(ctx);
    digital(ctx);
    escrow(ctx, method);
    bypass_daou(ctx, method);
    euc_kr(ctx);
    tax_free(ctx, method);
    phone(ctx);
    prefill(ctx);
    // `daou_app_scheme_in_app`: 004 / daou.mdx "app_scheme?: string 모바일 앱 URL Scheme 모바일 앱
    // 환경에서 결제시 필수 파라미터" is the common `common_app_scheme_in_webview` rule
    // (options.webview), run for every provider in common.rs.
}

/// `daou_pg_deprecated` and `daou_channel_key_required`.
fn channel(ctx: &mut Ctx) {
    let pg_is_daou = ctx
        .str("pg")
        .is_some_and(|pg| Provider::from_pg(pg) == Ok(Provider::Daou));
    if pg_is_daou {
        // 004 / daou.mdx: "pg(deprecated)?: string PG사 구분코드 `daou` 로 지정하면 됩니다. `pg`
        // 파라미터는 지원 중단 예정입니다. JS SDK를 가장 최신 버전으로 업그레이드 후
        // `channelKey` 파라미터로 채널 설정(PG사 구분)을 대체해주세요." — also with a MID
        // (`daou.CTS…`) and with a channelKey next to it.
        ctx.at(["pg"]).add(Code::Deprecated, Msg::DaouPgDeprecated);
    } else if !ctx.has("pg") {
        // daou.mdx "channelKey: string 채널키 결제를 진행할 채널을 지정합니다." — required unless
        // the deprecated pg names the channel.
        ctx.require("channelKey", Msg::DaouChannelKey);
    }
}

/// `daou_digital_required`: daou.mdx "digital: boolean 디지털 컨텐츠 여부 고객사 <-> 키움페이간
/// 계약 상태에 따라 정해진 올바른 값을 넣어야 함. 그렇지 않은 경우 결제 진행 불가" — for every
/// pay_method. A wrong type is the schema's `invalid_type`. **Conflict:** 004 writes "digital:
/// string" but its sample sends `digital: false`; **decision:** boolean (daou.mdx).
fn digital(ctx: &mut Ctx) {
    ctx.require("digital", Msg::DaouDigital);
}

/// `daou_escrow_trans_vbank`: 004 / daou.mdx "escrow?: boolean 에스크로 설정여부
/// 계좌이체,가상계좌만 지원됩니다."
fn escrow(ctx: &mut Ctx, method: Option<&str>) {
    if let Some(m) = method {
        if ctx.is_true("escrow") && m != "trans" && m != "vbank" {
            ctx.at(["escrow"])
                .add(Code::UnsupportedOption, Msg::DaouEscrow);
        }
    }
}

/// `daou_bypass_types` and the `bypass.daou` keys (daou.mdx "bypass?: object 키움페이 전용
/// 파라미터 - daou?: object").
fn bypass_daou(ctx: &mut Ctx, method: Option<&str>) {
    let at = ctx.at(["bypass", "daou"]);
    // Absent, or `bypass` itself not an object (the schema pass reported it).
    if !at.present() || at.type_msg(Msg::DaouBypassObject).object().is_none() {
        return;
    }
    // `daou_productcode_type`: 004 "bypass.daou.PRODUCTCODE?: string 결제 상품 고유 번호 값에
    // 대해 정해진 규격이 없고 보내지 않을 경우 포트원에서 기본값(iamport)을 설정" — free form.
    ctx.at(["bypass", "daou", "PRODUCTCODE"]).string();
    cash_receipt_flag(ctx, method);
    // `daou_direct_yn`: daou.mdx "DIRECT_YN?: string 간편결제 다이렉트 호출 시 키움페이 페이지
    // 노출여부 `Y`로 입력하는 경우 키움페이 화면이 노출되지 않고 바로 간편결제 결제창이
    // 호출됩니다." — Y/N flags are case-sensitive (docs/RULES.md §0).
    ctx.at(["bypass", "daou", "DIRECT_YN"])
        .one_of(&["Y", "N"], None);
    if let Some(s) = ctx.at(["bypass", "daou", "CARDQUOTA"]).string() {
        card_quota(ctx, s);
    }
}

/// `daou_cash_receipt_flag`: 004 "bypass.daou.CASHRECEIPTFLAG?: number ... 실시간 계좌이체,
/// 가상계좌인 경우 1: 허용 0: 차단 / 카카오페이인 경우 Y: 허용 N: 차단"; daou.mdx
/// "CASHRECEIPTFLAG?: number | string".
/// **Conflict:** 004 types it "number" but gives Y/N for kakaopay; **decision:** a number for
/// trans/vbank, a string for kakaopay; other pay methods (Kiwoom ignores it there — the 004
/// sample sends `CASHRECEIPTFLAG: 0` with card) accept any of 0, 1, "Y", "N".
fn cash_receipt_flag(ctx: &mut Ctx, method: Option<&str>) {
    let at = ctx.at(["bypass", "daou", "CASHRECEIPTFLAG"]);
    let number = match at.kind() {
        None => return,
        Some(Kind::Number) => at.peek_number().filter(|f| *f == 0.0 || *f == 1.0),
        Some(Kind::String) => None,
        Some(_) => {
            at.invalid_type(Msg::DaouCashReceiptType);
            return;
        }
    };
    let yn = at.peek_str().filter(|s| *s == "Y" || *s == "N");
    let msg = match method {
        Some("trans" | "vbank") if number.is_none() => Msg::DaouCashReceiptTransfer,
        Some("kakaopay") if yn.is_none() => Msg::DaouCashReceiptKakaopay,
        Some("trans" | "vbank" | "kakaopay") => return,
        _ if number.is_none() && yn.is_none() => Msg::DaouCashReceiptAny,
        _ => return,
    };
    at.add(Code::InvalidValue, msg);
}

/// `daou_cardquota_syntax` and `daou_cardquota_minimum`: daou.mdx "CARDQUOTA?: string 카드사별
/// 할부개월 수 설정 `^` 로 구분된 다수의 카드 할부 설정 그룹으로 구성되며, 각 그룹은
/// `{키움페이_카드사_코드}-{할부_개월수_옵션1}:{할부_개월수_옵션2}:...` 형식" (예:
/// `CCBC-0:2:3:4:5:6^CCNH-0:2:3^CCKM-0:2:3:4`), codes from its 카드사 코드 table, and
/// "할부결제는 **5만원 이상 결제 요청시**에만 이용 가능합니다." Months are 1–2 digits (0 = 일시불).
fn card_quota(ctx: &mut Ctx, s: &str) {
    if s.is_empty() {
        return;
    }
    let below = ctx.amount.is_some_and(|a| a < INSTALLMENT_MINIMUM);
    let at = ctx.at(["bypass", "daou", "CARDQUOTA"]);
    let mut installments = false;
    for group in s.split('^') {
        let Some((code, months)) = group.split_once('-') else {
            at.add(Code::InvalidValue, Msg::DaouCardQuotaSyntax);
            return;
        };
        let months_ok = months.split(':').all(|m| m.len() <= 2 && is_digits(m));
        if !months_ok {
            at.add(Code::InvalidValue, Msg::DaouCardQuotaSyntax);
            return;
        }
        if !CARD_CODES.contains(&code) {
            at.add_arg(Code::InvalidValue, Msg::DaouCardQuotaCode, quote(code));
            return;
        }
        installments |= months
            .split(':')
            .any(|m| m.parse::<u8>().is_ok_and(|m| m >= 2));
    }
    if installments && below {
        at.add(Code::BelowInstallmentMinimum, Msg::DaouCardQuotaMinimum);
    }
}

/// `daou_euc_kr`: daou-notes.mdx "키움페이의 경우 EUC-KR 인코딩을 사용합니다. 따라서
/// 주문자명(buyer_name), 주문명(name) 등의 파라미터에 EUC-KR에서 표현 가능한 문자를 입력해야
/// 합니다." **Decision:** the two named fields only ("등" is open-ended); one issue per field,
/// naming the first character without an EUC-KR form.
fn euc_kr(ctx: &mut Ctx) {
    for key in ["name", "buyer_name"] {
        let at = ctx.at([key]);
        let bad = at
            .peek_str()
            .and_then(|s| s.chars().find(|c| !c.is_ascii() && !ksx1001::encodable(*c)));
        if let Some(c) = bad {
            at.add_new_arg(
                Code::InvalidValue,
                Msg::DaouEucKr,
                quote(c.encode_utf8(&mut [0; 4])),
            );
        }
    }
}

/// `daou_tax_free_methods`: daou-notes.mdx "키움페이 시스템 상 면세 금액은 카드결제 혹은
/// 간편결제 시에만 가능하고 계좌이체 / 가상계좌 결제 시에는 설정할 수 없어 전액 과세 처리
/// 됩니다." ([`TAX_FREE_METHODS`]). tax_free 0 sets nothing and passes.
fn tax_free(ctx: &mut Ctx, method: Option<&str>) {
    let Some(m) = method else { return };
    let at = ctx.at(["tax_free"]);
    if at.peek_int().is_some_and(|n| n > 0) && !TAX_FREE_METHODS.contains(&m) {
        at.add_new_arg(Code::UnsupportedOption, Msg::DaouTaxFree, quote(m));
    }
}

/// `daou_phone_detail`: daou.mdx "통신사 노출 제어" samples, `phone: { detail: [{ carrier:
/// "SKT", enabled: true }, ...] }` with carriers "*", "SKT", "KTF", "LGT", "CJH".
fn phone(ctx: &mut Ctx) {
    let Some(items) = ctx.at(["phone", "detail"]).array() else {
        return;
    };
    items.each(|entry| {
        let Some(mut entry) = entry.object() else {
            return;
        };
        let carrier = entry.child("carrier").required(Msg::Required);
        if !carrier.missing() {
            carrier.one_of(CARRIERS, None);
        }
        entry.child("enabled").required_key(Msg::Required).bool();
    });
}

/// `daou_prefill_phone_digits`: daou.mdx "휴대폰 번호 고정" `"prefill": { "phoneNumber":
/// "휴대폰번호" // 휴대폰번호 입력(하이픈 제거) }`.
fn prefill(ctx: &mut Ctx) {
    ctx.at(["prefill", "phoneNumber"]).digits();
}
