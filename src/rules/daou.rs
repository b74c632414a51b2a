//! Kiwoom Pay / Daou (`channelKey` + `options.provider: "daou"`, deprecated `pg: "daou"`):
//! guide 004 and portone-docs/daou.mdx, daou-notes.mdx. Rule ids and decisions:
//! docs/RULES.md §5.

use crate::check::{quote, Ctx, Slot};
use crate::issue::{Code, Msg};
use crate::provider::Provider;
use crate::request::PayMethod;
use crate::rules::common::{int, Int, INSTALLMENT_MINIMUM};
use crate::rules::format::is_digits;
use crate::rules::ksx1001;
use serde_json::Value;

/// Top-level `bypass` keys (docs/RULES.md §5.2).
pub(crate) const BYPASS_KEYS: &[&str] = &["daou"];
/// `bypass.daou` keys (daou.mdx).
pub(crate) const BYPASS_SUB: Option<(&str, &[&str])> = Some((
    "daou",
    &["PRODUCTCODE", "CASHRECEIPTFLAG", "DIRECT_YN", "CARDQUOTA"],
));

/// daou.mdx pay_method: "card (신용카드) trans (실시간 계좌이체) vbank (가상계좌) kakaopay
/// (카카오페이) naverpay (네이버페이) payco (페이코) samsung (삼성페이) applepay (애플페이)
/// cultureland (컬쳐랜드 문화상품권) smartculture (스마트문화상품권) booknlife (도서문화상품권)
/// phone (휴대폰결제)". **Conflict:** 004 lists only the first eight; **decision:** daou.mdx
/// (newer, a superset).
const PAY_METHODS: &[&str] = &[
    "card",
    "trans",
    "vbank",
    "kakaopay",
    "naverpay",
    "payco",
    "samsung",
    "applepay",
    "cultureland",
    "smartculture",
    "booknlife",
    "phone",
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

/// Runs the Kiwoom Pay rule set.
pub(crate) fn check(ctx: &mut Ctx) {
    // A pay_method the common layer rejected (not a PortOne code) gets nothing on top (§0).
    let method = ctx.pay_method().filter(|m| m.parse::<PayMethod>().is_ok());
    channel(ctx);
    digital(ctx);
    pay_method(ctx, method);
    escrow(ctx, method);
    bypass_daou(ctx, method);
    euc_kr(ctx);
    no_billing_window(ctx);
    tax_free(ctx, method);
    phone(ctx);
    prefill(ctx);
    card(ctx);
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
        ctx.add("pg", Code::Deprecated, Msg::DaouPgDeprecated);
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

/// `daou_pay_method_allowed` ([`PAY_METHODS`]).
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

/// `daou_escrow_trans_vbank`: 004 / daou.mdx "escrow?: boolean 에스크로 설정여부
/// 계좌이체,가상계좌만 지원됩니다."
fn escrow(ctx: &mut Ctx, method: Option<&str>) {
    if let Some(m) = method {
        if ctx.is_true("escrow") && m != "trans" && m != "vbank" {
            ctx.add("escrow", Code::UnsupportedOption, Msg::DaouEscrow);
        }
    }
}

/// `daou_bypass_types` and the `bypass.daou` keys (daou.mdx "bypass?: object 키움페이 전용
/// 파라미터 - daou?: object").
fn bypass_daou(ctx: &mut Ctx, method: Option<&str>) {
    let daou = match ctx.object_at(&["bypass", "daou"]) {
        Slot::Absent => return,
        Slot::Obj(m) => m,
        Slot::Other => {
            // `bypass` itself not an object: the schema pass reported it.
            if matches!(ctx.object_at(&["bypass"]), Slot::Obj(_)) {
                ctx.add("bypass.daou", Code::InvalidType, Msg::DaouBypassObject);
            }
            return;
        }
    };
    // `daou_productcode_type`: 004 "bypass.daou.PRODUCTCODE?: string 결제 상품 고유 번호 값에
    // 대해 정해진 규격이 없고 보내지 않을 경우 포트원에서 기본값(iamport)을 설정" — free form.
    if daou
        .get("PRODUCTCODE")
        .is_some_and(|v| !v.is_null() && !v.is_string())
    {
        ctx.add(
            "bypass.daou.PRODUCTCODE",
            Code::InvalidType,
            Msg::MustBeString,
        );
    }
    if let Some(flag) = daou.get("CASHRECEIPTFLAG").filter(|v| !v.is_null()) {
        cash_receipt_flag(ctx, flag, method);
    }
    // `daou_direct_yn`: daou.mdx "DIRECT_YN?: string 간편결제 다이렉트 호출 시 키움페이 페이지
    // 노출여부 `Y`로 입력하는 경우 키움페이 화면이 노출되지 않고 바로 간편결제 결제창이
    // 호출됩니다." — Y/N flags are case-sensitive (docs/RULES.md §0).
    match daou.get("DIRECT_YN") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s == "Y" || s == "N" => {}
        Some(Value::String(_)) => ctx.add_arg(
            "bypass.daou.DIRECT_YN",
            Code::InvalidValue,
            Msg::BadEnum,
            "\"Y\", \"N\"",
        ),
        Some(_) => ctx.add(
            "bypass.daou.DIRECT_YN",
            Code::InvalidType,
            Msg::MustBeString,
        ),
    }
    match daou.get("CARDQUOTA") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => card_quota(ctx, s),
        Some(_) => ctx.add(
            "bypass.daou.CARDQUOTA",
            Code::InvalidType,
            Msg::MustBeString,
        ),
    }
}

/// `daou_cash_receipt_flag`: 004 "bypass.daou.CASHRECEIPTFLAG?: number ... 실시간 계좌이체,
/// 가상계좌인 경우 1: 허용 0: 차단 / 카카오페이인 경우 Y: 허용 N: 차단"; daou.mdx
/// "CASHRECEIPTFLAG?: number | string".
/// **Conflict:** 004 types it "number" but gives Y/N for kakaopay; **decision:** a number for
/// trans/vbank, a string for kakaopay; other pay methods (Kiwoom ignores it there — the 004
/// sample sends `CASHRECEIPTFLAG: 0` with card) accept any of 0, 1, "Y", "N".
fn cash_receipt_flag(ctx: &mut Ctx, flag: &Value, method: Option<&str>) {
    const PATH: &str = "bypass.daou.CASHRECEIPTFLAG";
    let number = match flag {
        Value::Number(n) => n.as_f64().filter(|f| *f == 0.0 || *f == 1.0),
        Value::String(_) => None,
        _ => {
            ctx.add(PATH, Code::InvalidType, Msg::DaouCashReceiptType);
            return;
        }
    };
    let yn = flag.as_str().filter(|s| *s == "Y" || *s == "N");
    let msg = match method {
        Some("trans" | "vbank") if number.is_none() => Msg::DaouCashReceiptTransfer,
        Some("kakaopay") if yn.is_none() => Msg::DaouCashReceiptKakaopay,
        Some("trans" | "vbank" | "kakaopay") => return,
        _ if number.is_none() && yn.is_none() => Msg::DaouCashReceiptAny,
        _ => return,
    };
    ctx.add(PATH, Code::InvalidValue, msg);
}

/// `daou_cardquota_syntax` and `daou_cardquota_minimum`: daou.mdx "CARDQUOTA?: string 카드사별
/// 할부개월 수 설정 `^` 로 구분된 다수의 카드 할부 설정 그룹으로 구성되며, 각 그룹은
/// `{키움페이_카드사_코드}-{할부_개월수_옵션1}:{할부_개월수_옵션2}:...` 형식" (예:
/// `CCBC-0:2:3:4:5:6^CCNH-0:2:3^CCKM-0:2:3:4`), codes from its 카드사 코드 table, and
/// "할부결제는 **5만원 이상 결제 요청시**에만 이용 가능합니다." Months are 1–2 digits (0 = 일시불).
fn card_quota(ctx: &mut Ctx, s: &str) {
    const PATH: &str = "bypass.daou.CARDQUOTA";
    if s.is_empty() {
        return;
    }
    let mut installments = false;
    for group in s.split('^') {
        let Some((code, months)) = group.split_once('-') else {
            ctx.add(PATH, Code::InvalidValue, Msg::DaouCardQuotaSyntax);
            return;
        };
        let months_ok = months.split(':').all(|m| m.len() <= 2 && is_digits(m));
        if !months_ok {
            ctx.add(PATH, Code::InvalidValue, Msg::DaouCardQuotaSyntax);
            return;
        }
        if !CARD_CODES.contains(&code) {
            ctx.add_arg(
                PATH,
                Code::InvalidValue,
                Msg::DaouCardQuotaCode,
                quote(code),
            );
            return;
        }
        installments |= months
            .split(':')
            .any(|m| m.parse::<u8>().is_ok_and(|m| m >= 2));
    }
    if installments && ctx.amount.is_some_and(|a| a < INSTALLMENT_MINIMUM) {
        ctx.add(
            PATH,
            Code::BelowInstallmentMinimum,
            Msg::DaouCardQuotaMinimum,
        );
    }
}

/// `daou_euc_kr`: daou-notes.mdx "키움페이의 경우 EUC-KR 인코딩을 사용합니다. 따라서
/// 주문자명(buyer_name), 주문명(name) 등의 파라미터에 EUC-KR에서 표현 가능한 문자를 입력해야
/// 합니다." **Decision:** the two named fields only ("등" is open-ended); one issue per field,
/// naming the first character without an EUC-KR form.
fn euc_kr(ctx: &mut Ctx) {
    for key in ["name", "buyer_name"] {
        let Some(s) = ctx.str(key) else { continue };
        let bad = s.chars().find(|c| !c.is_ascii() && !ksx1001::encodable(*c));
        if let Some(c) = bad {
            if !ctx.has_issue_at(key) {
                ctx.add_arg(
                    key,
                    Code::InvalidValue,
                    Msg::DaouEucKr,
                    quote(&c.to_string()),
                );
            }
        }
    }
}

/// `daou_no_billing_window`: daou.mdx offers only the "비 인증 API 요청" tab (REST billing), and
/// non-auth-billing.mdx's "결제창(SDK) 방식 ... 지원 결제대행사" list has no 키움페이.
fn no_billing_window(ctx: &mut Ctx) {
    if ctx.has("customer_uid") && !ctx.has_issue_at("customer_uid") {
        ctx.add(
            "customer_uid",
            Code::UnsupportedOption,
            Msg::DaouNoBillingWindow,
        );
    }
}

/// `daou_tax_free_methods`: daou-notes.mdx "키움페이 시스템 상 면세 금액은 카드결제 혹은
/// 간편결제 시에만 가능하고 계좌이체 / 가상계좌 결제 시에는 설정할 수 없어 전액 과세 처리
/// 됩니다." ([`TAX_FREE_METHODS`]). tax_free 0 sets nothing and passes.
fn tax_free(ctx: &mut Ctx, method: Option<&str>) {
    let Some(m) = method else { return };
    let positive = ctx
        .get("tax_free")
        .is_some_and(|v| matches!(int(v), Int::Ok(n) if n > 0));
    if positive && !TAX_FREE_METHODS.contains(&m) && !ctx.has_issue_at("tax_free") {
        ctx.add_arg(
            "tax_free",
            Code::UnsupportedOption,
            Msg::DaouTaxFree,
            quote(m),
        );
    }
}

/// `daou_phone_detail`: daou.mdx "통신사 노출 제어" samples, `phone: { detail: [{ carrier:
/// "SKT", enabled: true }, ...] }` with carriers "*", "SKT", "KTF", "LGT", "CJH".
fn phone(ctx: &mut Ctx) {
    let Slot::Obj(phone) = ctx.object_at(&["phone"]) else {
        return;
    };
    let items = match phone.get("detail") {
        None | Some(Value::Null) => return,
        Some(Value::Array(items)) => items,
        Some(_) => {
            ctx.add("phone.detail", Code::InvalidType, Msg::MustBeArray);
            return;
        }
    };
    for (i, item) in items.iter().enumerate() {
        let at = format!("phone.detail[{i}]");
        let Value::Object(entry) = item else {
            ctx.add(at, Code::InvalidType, Msg::MustBeObject);
            continue;
        };
        match entry.get("carrier") {
            None | Some(Value::Null) => {
                ctx.add(format!("{at}.carrier"), Code::Required, Msg::Required)
            }
            Some(Value::String(c)) if CARRIERS.contains(&c.as_str()) => {}
            Some(Value::String(c)) if c.is_empty() => {
                ctx.add(format!("{at}.carrier"), Code::Required, Msg::Required)
            }
            Some(Value::String(_)) => ctx.add_arg(
                format!("{at}.carrier"),
                Code::InvalidValue,
                Msg::BadEnum,
                "\"*\", \"SKT\", \"KTF\", \"LGT\", \"CJH\"",
            ),
            Some(_) => ctx.add(
                format!("{at}.carrier"),
                Code::InvalidType,
                Msg::MustBeString,
            ),
        }
        match entry.get("enabled") {
            None | Some(Value::Null) => {
                ctx.add(format!("{at}.enabled"), Code::Required, Msg::Required)
            }
            Some(Value::Bool(_)) => {}
            Some(_) => ctx.add(format!("{at}.enabled"), Code::InvalidType, Msg::MustBeBool),
        }
    }
}

/// `daou_prefill_phone_digits`: daou.mdx "휴대폰 번호 고정" `"prefill": { "phoneNumber":
/// "휴대폰번호" // 휴대폰번호 입력(하이픈 제거) }`.
fn prefill(ctx: &mut Ctx) {
    let Slot::Obj(prefill) = ctx.object_at(&["prefill"]) else {
        return;
    };
    match prefill.get("phoneNumber") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.is_empty() || is_digits(s) => {}
        Some(Value::String(_)) => {
            ctx.add("prefill.phoneNumber", Code::InvalidValue, Msg::DigitsOnly)
        }
        Some(_) => ctx.add("prefill.phoneNumber", Code::InvalidType, Msg::MustBeString),
    }
}

/// `daou_no_max_month` and `daou_no_interest_free`.
fn card(ctx: &mut Ctx) {
    // request-pay-params.mdx "상점 부담 무이자 할부 최대 개월수 설정하기" → 지원되는 PG사:
    // "토스페이먼츠(신모듈) - KSNET - 나이스페이(신모듈) - 웰컴페이먼츠 - KSNET 카드 다이렉트 -
    // KG이니시스" — no 키움페이, and daou.mdx documents neither max_month nor
    // useFreeInterestFromMall.
    if ctx.is_true("useFreeInterestFromMall") {
        ctx.add(
            "useFreeInterestFromMall",
            Code::UnsupportedOption,
            Msg::DaouNoMallInterest,
        );
    }
    let Slot::Obj(card) = ctx.object_at(&["card"]) else {
        return;
    };
    let mut max_months = Vec::new();
    if let Some(Value::Array(items)) = card.get("detail") {
        for (i, item) in items.iter().enumerate() {
            if item.get("max_month").is_some_and(|m| !m.is_null()) {
                max_months.push(format!("card.detail[{i}].max_month"));
            }
        }
    }
    for path in max_months {
        if !ctx.has_issue_at(&path) {
            ctx.add(path, Code::UnsupportedOption, Msg::DaouNoMallInterest);
        }
    }
    // `card.interest_free` is documented only in 000 (KG Inicis: "interest_free: 7, //모든
    // 카드 7개월까지 상점분담무이자"), not in 004 or daou.mdx.
    if card.get("interest_free").is_some_and(|v| !v.is_null()) {
        ctx.add(
            "card.interest_free",
            Code::UnsupportedOption,
            Msg::DaouNoInterestFree,
        );
    }
}
