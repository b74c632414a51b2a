//! Rules that hold for every PG. Each cites the line of request-pay-params.mdx (or a guide)
//! it encodes.

use crate::check::{quote, Ctx};
use crate::issue::{Code, Issue, Msg, Severity};
use crate::provider::RuleSet;
use crate::request::{Currency, Language, PayMethod};
use crate::rules::format::{is_http_url, parse_any, DateFormat};
use serde_json::Value;

/// Largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
pub(crate) const MAX_SAFE: u64 = (1 << 53) - 1;

/// request-pay-params.mdx `vbank_due`: "`YYYY-MM-DD`, `YYYYMMDD`, `YYYY-MM-DD HH:mm:ss`,
/// `YYYYMMDDHHmmss`".
pub(crate) const VBANK_DUE_FORMATS: &[DateFormat] = &[
    DateFormat::DashDate,
    DateFormat::Date8,
    DateFormat::DashDateTime,
    DateFormat::DateTime14,
];

/// 000: "period : { from : "20200101", //YYYYMMDD to : "20201231" //YYYYMMDD }".
pub(crate) const PERIOD_FORMATS: &[DateFormat] = &[DateFormat::Date8];

/// card-codes.mdx: every card company code PortOne handles.
pub(crate) const CARD_CODES: &[&str] = &[
    "361", "381", "367", "365", "368", "371", "041", "374", "045", "373", "364", "366", "002",
    "369", "048", "370", "071", "089", "372", "090",
];

/// request-pay-params.mdx / 000: "할부결제는 5만원 이상 결제 요청시에만 이용 가능합니다."
pub(crate) const INSTALLMENT_MINIMUM: u64 = 50_000;

/// Runs the common rules.
pub(crate) fn check(ctx: &mut Ctx) {
    merchant_uid(ctx);
    name(ctx);
    pay_method(ctx);
    amount(ctx);
    tax_and_vat(ctx);
    vbank_due(ctx);
    period(ctx);
    urls(ctx);
    enums(ctx);
    digital(ctx);
    card_quota(ctx);
    card(ctx);
    mobile(ctx);
    webview(ctx);
}

/// request-pay-params.mdx `merchant_uid`: "**40자** 이내로 작성해주세요"; 000 marks it
/// required ("merchant_uid * string").
fn merchant_uid(ctx: &mut Ctx) {
    if ctx.require("merchant_uid", Msg::Required) {
        max_chars(ctx, "merchant_uid", 40);
    }
}

/// request-pay-params.mdx `name`: "40자 이내로 작성해주세요".
fn name(ctx: &mut Ctx) {
    max_chars(ctx, "name", 40);
}

pub(crate) fn max_chars(ctx: &mut Ctx, key: &str, max: usize) {
    if let Some(s) = ctx.str(key) {
        if s.chars().nth(max).is_some() {
            ctx.add_arg(key, Code::TooLong, Msg::TooLongChars, max.to_string());
        }
    }
}

/// 000: "pay_method * string" (required); its value comes from request-pay-params.mdx's
/// "결제수단 구분코드" list (see `PayMethod`).
fn pay_method(ctx: &mut Ctx) {
    if !ctx.require("pay_method", Msg::Required) {
        return;
    }
    if let Some(m) = ctx.pay_method() {
        if m.parse::<PayMethod>().is_err() {
            ctx.add_arg(
                "pay_method",
                Code::InvalidValue,
                Msg::UnknownPayMethod,
                quote(m),
            );
        }
    }
}

/// The outcome of reading a JSON number as a non-negative safe integer.
pub(crate) enum Int {
    Ok(u64),
    Bad(Code, Msg),
}

/// Reads a number as a whole, non-negative, JS-safe integer.
pub(crate) fn int(v: &Value) -> Int {
    let Value::Number(n) = v else {
        return Int::Bad(Code::InvalidType, Msg::MustBeNumber);
    };
    if let Some(u) = n.as_u64() {
        return if u > MAX_SAFE {
            Int::Bad(Code::OutOfRange, Msg::UnsafeInteger)
        } else {
            Int::Ok(u)
        };
    }
    if n.as_i64().is_some() {
        return Int::Bad(Code::OutOfRange, Msg::NegativeAmount);
    }
    let f = n.as_f64().unwrap_or(f64::NAN);
    if f < 0.0 {
        Int::Bad(Code::OutOfRange, Msg::NegativeAmount)
    } else if !f.is_finite() {
        Int::Bad(Code::InvalidValue, Msg::NotFinite)
    } else if f.fract() != 0.0 {
        Int::Bad(Code::InvalidValue, Msg::MustBeInteger)
    } else if f > MAX_SAFE as f64 {
        Int::Bad(Code::OutOfRange, Msg::UnsafeInteger)
    } else {
        // A whole, non-negative f64 below 2^53 converts exactly.
        Int::Ok(f as u64)
    }
}

/// Reads `path`'s value as an integer, reporting what is wrong with it.
pub(crate) fn int_at(ctx: &mut Ctx, path: &str, v: &Value) -> Option<u64> {
    match int(v) {
        Int::Ok(n) => Some(n),
        Int::Bad(code, msg) => {
            ctx.add(path, code, msg);
            None
        }
    }
}

/// 000: "amount *integer 결제금액 — string 이 아닌점에 유의하세요"; request-pay-params.mdx:
/// "문자열이 아닌 숫자 타입으로 지정해야 하는 점에 유의하세요".
///
/// The one exception: 002 (KSNET) shows `amount : '1004'`, a string. Decision: under KSNET a
/// decimal-digit string is accepted, sent as a number, and reported as warning `coerced`
/// (ksnet.mdx, the newer page, uses a number — so the number is what we send).
fn amount(ctx: &mut Ctx) {
    let Some(v) = ctx.get("amount") else {
        ctx.require("amount", Msg::Required);
        return;
    };
    match v {
        Value::String(s) => {
            let ksnet = ctx.provider.and_then(|p| p.rule_set()) == Some(RuleSet::Ksnet);
            if ksnet && crate::rules::format::is_digits(s) && s.len() <= 15 {
                let n: u64 = s.parse().unwrap_or(0);
                ctx.add_arg("amount", Code::Coerced, Msg::AmountCoerced, quote(s));
                ctx.amount = Some(n);
                ctx.coerced.push(("amount", Value::from(n)));
            } else {
                ctx.add("amount", Code::InvalidType, Msg::AmountStringNotAllowed);
            }
        }
        Value::Number(_) => ctx.amount = int_at(ctx, "amount", v),
        _ => ctx.add("amount", Code::InvalidType, Msg::MustBeNumber),
    }
}

/// request-pay-params.mdx `tax_free` ("결제금액 중 면세금액") and `vat_amount` ("결제금액 중
/// 부가세"): both are parts of `amount`, so tax_free ≤ amount and
/// vat_amount ≤ amount − tax_free. 000 (zero-rate VAT) shows `tax_free: 0, vat_amount: 0`.
fn tax_and_vat(ctx: &mut Ctx) {
    let tax_free = match ctx.get("tax_free") {
        Some(v @ Value::Number(_)) => int_at(ctx, "tax_free", v),
        _ => None,
    };
    let vat = match ctx.get("vat_amount") {
        Some(v @ Value::Number(_)) => int_at(ctx, "vat_amount", v),
        _ => None,
    };
    let Some(amount) = ctx.amount else { return };
    if let Some(t) = tax_free {
        if t > amount {
            ctx.add("tax_free", Code::OutOfRange, Msg::TaxFreeOverAmount);
            return;
        }
    }
    if let Some(v) = vat {
        if v > amount - tax_free.unwrap_or(0) {
            ctx.add("vat_amount", Code::OutOfRange, Msg::VatOverTaxable);
        }
    }
}

/// request-pay-params.mdx `vbank_due`: the four formats (PG pages may add more; see
/// `rules::vbank_due_formats`), and the date must exist.
fn vbank_due(ctx: &mut Ctx) {
    let Some(s) = ctx.str("vbank_due") else {
        return;
    };
    let formats = crate::rules::vbank_due_formats(ctx.provider);
    if parse_any(s, formats).is_none() {
        let list: Vec<&str> = formats.iter().map(|f| f.pattern()).collect();
        ctx.add_arg(
            "vbank_due",
            Code::InvalidValue,
            Msg::BadVbankDue,
            crate::rules::format::join(&list, ", "),
        );
    }
}

/// 000: "period : { from : "20200101", //YYYYMMDD to : "20201231" //YYYYMMDD }".
fn period(ctx: &mut Ctx) {
    let Some(Value::Object(p)) = ctx.get("period") else {
        return;
    };
    let mut dates = [None, None];
    for (i, key) in ["from", "to"].into_iter().enumerate() {
        let path = format!("period.{key}");
        match p.get(key) {
            None | Some(Value::Null) => ctx.add(path, Code::Required, Msg::Required),
            Some(Value::String(s)) => {
                match parse_any(s, crate::rules::period_formats(ctx.provider)) {
                    Some(d) => dates[i] = Some(d),
                    None => ctx.add(path, Code::InvalidValue, Msg::BadDate),
                }
            }
            Some(_) => ctx.add(path, Code::InvalidType, Msg::MustBeString),
        }
    }
    if let [Some(from), Some(to)] = dates {
        if from > to {
            ctx.add("period", Code::InvalidValue, Msg::PeriodReversed);
        }
    }
}

/// request-pay-params.mdx `m_redirect_url` ("결제완료이후 이동될 URL 주소"), `notice_url`
/// ("웹훅(Webhook) 수신 URL"), `confirm_url` ("고객사 endpoint URL"): absolute http(s) URLs.
/// Our security rule: never `javascript:`, `data:` or a relative URL.
fn urls(ctx: &mut Ctx) {
    for key in ["m_redirect_url", "confirm_url"] {
        if let Some(s) = ctx.str(key) {
            if !is_http_url(s) {
                ctx.add(key, Code::InvalidValue, Msg::BadUrl);
            }
        }
    }
    match ctx.get("notice_url") {
        Some(Value::String(s)) if !is_http_url(s) => {
            ctx.add("notice_url", Code::InvalidValue, Msg::BadUrl);
        }
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let path = format!("notice_url[{i}]");
                match item {
                    Value::String(s) if is_http_url(s) => {}
                    Value::String(_) => ctx.add(path, Code::InvalidValue, Msg::BadUrl),
                    _ => ctx.add(path, Code::InvalidType, Msg::MustBeString),
                }
            }
        }
        _ => {}
    }
}

/// request-pay-params.mdx `currency` ("KRW, USD, EUR, JPY") and `language` ("en, ko, zh").
fn enums(ctx: &mut Ctx) {
    if let Some(c) = ctx.str("currency") {
        if c.parse::<Currency>().is_err() {
            ctx.add_arg(
                "currency",
                Code::InvalidValue,
                Msg::BadEnum,
                "KRW, USD, EUR, JPY",
            );
        }
    }
    if let Some(l) = ctx.str("language") {
        if l.parse::<Language>().is_err() {
            ctx.add_arg("language", Code::InvalidValue, Msg::BadEnum, "ko, en, zh");
        }
    }
}

/// request-pay-params.mdx `digital`: "휴대폰 결제수단인 경우 필수 항목입니다."
fn digital(ctx: &mut Ctx) {
    if ctx.pay_method() == Some("phone") {
        ctx.require("digital", Msg::DigitalRequiredForPhone);
    }
}

/// request-pay-params.mdx `display.card_quota: number[]` and "할부결제는 5만원 이상 결제
/// 요청시에만 이용 가능합니다" → warning `below_installment_minimum` (the window still opens,
/// with lump sum only).
fn card_quota(ctx: &mut Ctx) {
    let Some(Value::Object(display)) = ctx.get("display") else {
        return;
    };
    let Some(quota) = display.get("card_quota") else {
        return;
    };
    let Value::Array(items) = quota else {
        if !quota.is_null() {
            ctx.add("display.card_quota", Code::InvalidType, Msg::MustBeArray);
        }
        return;
    };
    let mut offers_installments = false;
    for (i, item) in items.iter().enumerate() {
        if let Some(months) = int_at(ctx, &format!("display.card_quota[{i}]"), item) {
            offers_installments |= months >= 2;
        }
    }
    let below = ctx.amount.is_some_and(|a| a < INSTALLMENT_MINIMUM);
    let ksnet = ctx.provider.and_then(|p| p.rule_set()) == Some(RuleSet::Ksnet);
    if offers_installments && below && !ksnet {
        // KSNET's card_quota means "exactly these months" and its own rule handles the
        // minimum (rules/ksnet.rs).
        ctx.add(
            "display.card_quota",
            Code::BelowInstallmentMinimum,
            Msg::InstallmentMinimum,
        );
    }
}

/// request-pay-params.mdx "카드사 결제모듈 바로(direct) 호출하기" and "원하는 카드사만
/// 결제창 노출하기": `card.direct.code` / `card.detail[].card_code` are card-codes.mdx codes
/// (`*` means every card in detail), `quota` is months ("일시불일 시 0"), and each detail entry
/// sets `enabled` or `max_month` ("상점 부담 무이자 할부 최대 개월수").
fn card(ctx: &mut Ctx) {
    let Some(Value::Object(card)) = ctx.get("card") else {
        return;
    };
    match card.get("direct") {
        None | Some(Value::Null) => {}
        Some(Value::Object(direct)) => {
            match direct.get("code") {
                None | Some(Value::Null) => {
                    ctx.add("card.direct.code", Code::Required, Msg::Required)
                }
                Some(Value::String(code)) => {
                    if !CARD_CODES.contains(&code.as_str()) {
                        ctx.add("card.direct.code", Code::InvalidValue, Msg::BadCardCode);
                    }
                }
                Some(_) => ctx.add("card.direct.code", Code::InvalidType, Msg::MustBeString),
            }
            let code = direct.get("code").and_then(Value::as_str);
            if let Some(q) = direct.get("quota").filter(|q| !q.is_null()) {
                let quota = int_at(ctx, "card.direct.quota", q);
                let months =
                    quota.and_then(|q| crate::rules::direct_quota_months(ctx.provider, code, q));
                let below = ctx.amount.filter(|a| *a < INSTALLMENT_MINIMUM);
                if let (Some(months), Some(amount)) = (months, below) {
                    if months >= 2 {
                        // A PG whose page names a lower minimum for some cards (KCP) makes
                        // the range from that minimum up to 50,000 a warning.
                        match crate::rules::direct_quota_soft_minimum(ctx.provider) {
                            Some((floor, msg)) if amount >= floor => {
                                ctx.add("card.direct.quota", Code::BelowInstallmentMinimum, msg)
                            }
                            _ => ctx.add(
                                "card.direct.quota",
                                Code::OutOfRange,
                                Msg::QuotaBelowMinimum,
                            ),
                        }
                    }
                }
            }
        }
        Some(_) => ctx.add("card.direct", Code::InvalidType, Msg::MustBeObject),
    }
    match card.get("detail") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let at = format!("card.detail[{i}]");
                let Value::Object(entry) = item else {
                    ctx.add(at, Code::InvalidType, Msg::MustBeObject);
                    continue;
                };
                match entry.get("card_code") {
                    None | Some(Value::Null) => {
                        ctx.add(format!("{at}.card_code"), Code::Required, Msg::Required)
                    }
                    Some(Value::String(code)) => {
                        if code != "*" && !CARD_CODES.contains(&code.as_str()) {
                            ctx.add(
                                format!("{at}.card_code"),
                                Code::InvalidValue,
                                Msg::BadCardCode,
                            );
                        }
                    }
                    Some(_) => ctx.add(
                        format!("{at}.card_code"),
                        Code::InvalidType,
                        Msg::MustBeString,
                    ),
                }
                let enabled = entry.get("enabled").filter(|v| !v.is_null());
                let max_month = entry.get("max_month").filter(|v| !v.is_null());
                if let Some(e) = enabled {
                    if !e.is_boolean() {
                        ctx.add(format!("{at}.enabled"), Code::InvalidType, Msg::MustBeBool);
                    }
                }
                if let Some(m) = max_month {
                    int_at(ctx, &format!("{at}.max_month"), m);
                }
                if enabled.is_none() && max_month.is_none() {
                    ctx.add(at, Code::Required, Msg::CardDetailEmpty);
                }
            }
        }
        Some(_) => ctx.add("card.detail", Code::InvalidType, Msg::MustBeArray),
    }
}

/// request-pay-params.mdx `m_redirect_url`: "대부분의 모바일 결제환경에서 결제창 호출 시
/// 필수적으로 요구됩니다 ... 누락 시 결제 결과를 수신받지 못하는 점에 유의하세요." A warning,
/// because `mobile` is our guess about the environment.
fn mobile(ctx: &mut Ctx) {
    if ctx.opts.mobile && !ctx.has("m_redirect_url") && !ctx.has_issue_at("m_redirect_url") {
        ctx.push(
            Issue::new(
                "m_redirect_url",
                Code::Required,
                Msg::RedirectMissingOnMobile,
            )
            .severity(Severity::Warning),
        );
    }
}

/// request-pay-params.mdx `app_scheme`: "WebView 환경 결제시 필수 설정 항목입니다." (004 /
/// daou.mdx: "모바일 앱 환경에서 결제시 필수 파라미터"). `webview` is the caller's statement that
/// the page runs inside an app.
fn webview(ctx: &mut Ctx) {
    if ctx.opts.webview {
        ctx.require("app_scheme", Msg::AppSchemeInWebview);
    }
}
