//! Rules that hold for every PG, and the rules every PG's descriptor drives. Each cites the
//! line of request-pay-params.mdx (or a guide) it encodes.

use crate::check::quote;
use crate::issue::{Code, Issue, Msg, Severity};
use crate::provider::Provider;
use crate::request::{Currency, Language, PayMethod};
use crate::rules::ctx::Ctx;
use crate::rules::format::{closest, is_digits, join, parse_any, DateFormat};
use crate::rules::tree::Kind;
use crate::rules::Pg;

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

/// API.md "Providers": `options.provider`, else the part of `pg` before the first `.`.
/// A `pg` prefix that differs from a PortOne code only in case or by one edit gets a
/// "did you mean". Without `pg`, `channelKey` and `options.provider`, nothing PG-specific
/// can run: warning `unchecked_provider` at `pg` (API.md "Providers": common rules only).
pub(crate) fn resolve_provider(ctx: &mut Ctx) -> Option<Provider> {
    let from_pg = match ctx.str("pg") {
        Some(pg) if !pg.is_empty() => match Provider::from_pg(pg) {
            Ok(p) => Some(p),
            Err(_) => {
                let code = pg.split('.').next().unwrap_or_default();
                let known = Provider::ALL.iter().map(|p| p.as_str());
                let at = ctx.at(["pg"]);
                match closest(code, known) {
                    Some(real) => at.add_arg(Code::UnknownProvider, Msg::UnknownPgDidYouMean, real),
                    None => at.add_arg(Code::UnknownProvider, Msg::UnknownPg, quote(code)),
                }
                None
            }
        },
        _ => None,
    };
    let provider = ctx.opts.provider.or(from_pg);
    match provider {
        Some(p) if p.rule_set().is_none() => {
            let at = if ctx.has("pg") { "pg" } else { "channelKey" };
            ctx.add_arg(at, Code::UncheckedProvider, Msg::UncheckedPg, p.as_str());
        }
        None if ctx.has("channelKey") && !ctx.has("pg") => {
            ctx.add("channelKey", Code::UncheckedProvider, Msg::ChannelKeyOnly);
        }
        None if !ctx.has("pg") && !ctx.has("channelKey") => {
            ctx.at(["pg"])
                .add_new(Code::UncheckedProvider, Msg::NoPgNoChannelKey);
        }
        _ => {}
    }
    provider
}

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
    buyer_tel(ctx);
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
        ctx.at(["merchant_uid"]).max_chars(40);
    }
}

/// request-pay-params.mdx `name`: "40자 이내로 작성해주세요". (Required per PG: `Pg::name_required`.)
fn name(ctx: &mut Ctx) {
    ctx.at(["name"]).max_chars(40);
}

/// 000: "pay_method * string" (required); its value comes from request-pay-params.mdx's
/// "결제수단 구분코드" list (see `PayMethod`). A value that differs from a code only in case or
/// by one edit (`Card`) gets a "did you mean".
fn pay_method(ctx: &mut Ctx) {
    if !ctx.require("pay_method", Msg::Required) {
        return;
    }
    let Some(m) = ctx.pay_method() else { return };
    if m.parse::<PayMethod>().is_ok() {
        return;
    }
    let at = ctx.at(["pay_method"]);
    match closest(m, PayMethod::ALL.iter().map(|p| p.as_str())) {
        Some(real) => at.add_arg(Code::InvalidValue, Msg::UnknownPayMethodDidYouMean, real),
        None => at.add_arg(Code::InvalidValue, Msg::UnknownPayMethod, quote(m)),
    }
}

/// 000: "amount *integer 결제금액 — string 이 아닌점에 유의하세요"; request-pay-params.mdx:
/// "문자열이 아닌 숫자 타입으로 지정해야 하는 점에 유의하세요".
///
/// The one exception is a PG whose descriptor sets `amount_digit_string` (KSNET, rules/ksnet.rs).
fn amount(ctx: &mut Ctx) {
    let coerce = ctx.pg.is_some_and(|pg| pg.amount_digit_string);
    let at = ctx.at(["amount"]).required_key(Msg::Required);
    match at.kind() {
        None => {}
        Some(Kind::String) => {
            let s = at.peek_str().unwrap_or("");
            if coerce && is_digits(s) && s.len() <= 15 {
                let n: u64 = s.parse().unwrap_or(0);
                at.add_arg(Code::Coerced, Msg::AmountCoerced, quote(s));
                ctx.amount = Some(n);
                ctx.coerced.push(("amount", n));
            } else {
                at.add(Code::InvalidType, Msg::AmountStringNotAllowed);
            }
        }
        Some(_) => ctx.amount = at.int(),
    }
}

/// request-pay-params.mdx `tax_free` ("결제금액 중 면세금액") and `vat_amount` ("결제금액 중
/// 부가세"): both are parts of `amount`, so tax_free ≤ amount and
/// vat_amount ≤ amount − tax_free. 000 (zero-rate VAT) shows `tax_free: 0, vat_amount: 0`.
fn tax_and_vat(ctx: &mut Ctx) {
    let tax_free = ctx.at(["tax_free"]).int();
    let vat = ctx.at(["vat_amount"]).int();
    let Some(amount) = ctx.amount else { return };
    if let Some(t) = tax_free {
        if t > amount {
            ctx.at(["tax_free"])
                .add(Code::OutOfRange, Msg::TaxFreeOverAmount);
            return;
        }
    }
    if let Some(v) = vat {
        if v > amount - tax_free.unwrap_or(0) {
            ctx.at(["vat_amount"])
                .add(Code::OutOfRange, Msg::VatOverTaxable);
        }
    }
}

/// request-pay-params.mdx `vbank_due`: the four formats (a PG page may narrow or widen them:
/// `Pg::vbank_due_formats`), and the date must exist.
fn vbank_due(ctx: &mut Ctx) {
    let formats = ctx.pg.map_or(VBANK_DUE_FORMATS, |pg| pg.vbank_due_formats);
    let list: Vec<&str> = formats.iter().map(|f| f.pattern()).collect();
    let at = ctx.at(["vbank_due"]);
    if let Some(s) = at.peek_str() {
        if parse_any(s, formats).is_none() {
            at.add_arg(Code::InvalidValue, Msg::BadVbankDue, join(&list, ", "));
        }
    }
}

/// 000: "period : { from : "20200101", //YYYYMMDD to : "20201231" //YYYYMMDD }" (a PG may
/// take more formats: `Pg::period_formats`).
fn period(ctx: &mut Ctx) {
    if ctx.at(["period"]).kind() != Some(Kind::Object) {
        return;
    }
    let formats = ctx.pg.map_or(PERIOD_FORMATS, |pg| pg.period_formats);
    let mut dates = [None, None];
    for (i, key) in ["from", "to"].into_iter().enumerate() {
        let at = ctx.at(["period", key]).required_key(Msg::Required);
        if let Some(s) = at.string() {
            match parse_any(s, formats) {
                Some(d) => dates[i] = Some(d),
                None => ctx
                    .at(["period", key])
                    .add(Code::InvalidValue, Msg::BadDate),
            }
        }
    }
    if let [Some(from), Some(to)] = dates {
        if from > to {
            ctx.at(["period"])
                .add(Code::InvalidValue, Msg::PeriodReversed);
        }
    }
}

/// request-pay-params.mdx `m_redirect_url` ("결제완료이후 이동될 URL 주소"), `notice_url`
/// ("웹훅(Webhook) 수신 URL"), `confirm_url` ("고객사 endpoint URL"): absolute http(s) URLs.
/// Our security rule: never `javascript:`, `data:` or a relative URL.
fn urls(ctx: &mut Ctx) {
    for key in ["m_redirect_url", "confirm_url", "notice_url"] {
        let at = ctx.at([key]);
        match at.kind() {
            Some(Kind::String) => {
                at.http_url(Msg::BadUrl);
            }
            Some(Kind::Array) if key == "notice_url" => at.each(|item| {
                item.http_url(Msg::BadUrl);
            }),
            _ => {}
        }
    }
}

/// request-pay-params.mdx `currency` ("KRW, USD, EUR, JPY") and `language` ("en, ko, zh").
fn enums(ctx: &mut Ctx) {
    let at = ctx.at(["currency"]);
    if at
        .peek_str()
        .is_some_and(|c| c.parse::<Currency>().is_err())
    {
        at.add_arg(Code::InvalidValue, Msg::BadEnum, "KRW, USD, EUR, JPY");
    }
    let at = ctx.at(["language"]);
    if at
        .peek_str()
        .is_some_and(|l| l.parse::<Language>().is_err())
    {
        at.add_arg(Code::InvalidValue, Msg::BadEnum, "ko, en, zh");
    }
}

/// `common_buyer_tel_format` — request-pay-params.mdx "buyer\_tel?: string 구매자 연락처"; the
/// guides' values are "010-1234-5678" (000), "02-1234-1234" (000 billing), "01012345678".
/// **Decision** (docs/RULES.md §1.4): the guides give no grammar, so only digits, `-`, `+`,
/// spaces and parentheses are taken; anything else (`010-ABCD-5678`) is `invalid_value` at
/// **warning** severity — the PG decides, but a letter there is almost always a mistake.
fn buyer_tel(ctx: &mut Ctx) {
    let at = ctx.at(["buyer_tel"]);
    let ok = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | ' ' | '(' | ')'))
    };
    if at.peek_str().is_some_and(|s| !ok(s)) {
        at.push(
            Issue::new("", Code::InvalidValue, Msg::BuyerTelFormat).severity(Severity::Warning),
        );
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
/// with lump sum only). Not under a PG whose `card_quota_exact` rule handles it (KSNET).
fn card_quota(ctx: &mut Ctx) {
    let Some(quota) = ctx.at(["display", "card_quota"]).array() else {
        return;
    };
    let mut offers_installments = false;
    quota.each(|item| {
        if let Some(months) = item.int() {
            offers_installments |= months >= 2;
        }
    });
    let below = ctx.amount.is_some_and(|a| a < INSTALLMENT_MINIMUM);
    let exact = ctx.pg.is_some_and(|pg| pg.card_quota_exact);
    if offers_installments && below && !exact {
        ctx.at(["display", "card_quota"])
            .add(Code::BelowInstallmentMinimum, Msg::InstallmentMinimum);
    }
}

/// request-pay-params.mdx "카드사 결제모듈 바로(direct) 호출하기" and "원하는 카드사만
/// 결제창 노출하기": `card.direct.code` / `card.detail[].card_code` are card-codes.mdx codes
/// (`*` means every card in detail), `quota` is months ("일시불일 시 0"), and each detail entry
/// sets `enabled` or `max_month` ("상점 부담 무이자 할부 최대 개월수").
fn card(ctx: &mut Ctx) {
    if ctx.at(["card"]).kind() != Some(Kind::Object) {
        return;
    }
    if ctx.at(["card", "direct"]).object().is_some() {
        card_direct(ctx);
    }
    let Some(detail) = ctx.at(["card", "detail"]).array() else {
        return;
    };
    detail.each(|entry| {
        let Some(mut entry) = entry.object() else {
            return;
        };
        let code = entry
            .child("card_code")
            .required_key(Msg::Required)
            .string();
        if code.is_some_and(|c| c != "*" && !CARD_CODES.contains(&c)) {
            entry
                .child("card_code")
                .add(Code::InvalidValue, Msg::BadCardCode);
        }
        let enabled = entry.child("enabled");
        let has_enabled = enabled.present();
        enabled.bool();
        let max_month = entry.child("max_month");
        let has_max_month = max_month.present();
        max_month.int();
        if !has_enabled && !has_max_month {
            entry.add(Code::Required, Msg::CardDetailEmpty);
        }
    });
}

/// `card.direct`: the code, and the 50,000 KRW installment minimum on `quota` (decoded by the
/// PG: `Pg::direct_quota_months`, softened by `Pg::direct_quota_soft_minimum`).
fn card_direct(ctx: &mut Ctx) {
    let code = ctx
        .at(["card", "direct", "code"])
        .required_key(Msg::Required)
        .string();
    if code.is_some_and(|c| !CARD_CODES.contains(&c)) {
        ctx.at(["card", "direct", "code"])
            .add(Code::InvalidValue, Msg::BadCardCode);
    }
    let Some(quota) = ctx.at(["card", "direct", "quota"]).int() else {
        return;
    };
    let decode = ctx
        .pg
        .map_or(crate::rules::quota_is_months as fn(_, _) -> _, |pg| {
            pg.direct_quota_months
        });
    let months = decode(code, quota);
    let below = ctx.amount.filter(|a| *a < INSTALLMENT_MINIMUM);
    let (Some(months), Some(amount)) = (months, below) else {
        return;
    };
    if months < 2 {
        return;
    }
    let soft = ctx.pg.and_then(|pg| pg.direct_quota_soft_minimum);
    let at = ctx.at(["card", "direct", "quota"]);
    match soft {
        Some((floor, msg)) if amount >= floor => at.add(Code::BelowInstallmentMinimum, msg),
        _ => at.add(Code::OutOfRange, Msg::QuotaBelowMinimum),
    }
}

/// request-pay-params.mdx `m_redirect_url`: "대부분의 모바일 결제환경에서 결제창 호출 시
/// 필수적으로 요구됩니다 ... 누락 시 결제 결과를 수신받지 못하는 점에 유의하세요." A warning,
/// because `mobile` is our guess about the environment.
fn mobile(ctx: &mut Ctx) {
    if ctx.opts.mobile {
        ctx.at(["m_redirect_url"])
            .required_warn(Msg::RedirectMissingOnMobile);
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

/// The rules a PG's descriptor drives, run before the PG's own `check`.
pub(crate) fn pg_data_rules(ctx: &mut Ctx, pg: &Pg) {
    pay_method_allowed(ctx, pg);
    if let Some(msg) = pg.no_billing_window {
        // ksnet.mdx "KSNET은 결제창 기반 비인증 결제를 지원하지 않습니다."; daou.mdx has only the
        // "비 인증 API 요청" tab (docs/RULES.md §4, §5).
        if ctx.has("customer_uid") {
            ctx.at(["customer_uid"])
                .add_new(Code::UnsupportedOption, msg);
        }
    }
    if let Some((allowed, msg)) = pg.languages {
        narrower_set(ctx, "language", allowed, msg);
    }
    if let Some((allowed, msg)) = pg.currencies {
        narrower_set(ctx, "currency", allowed, msg);
    }
    if pg.name_required {
        ctx.require("name", Msg::RequiredBy);
    }
    if let Some(msg) = pg.no_interest_free {
        let at = ctx.at(["card", "interest_free"]);
        if at.present() {
            at.add(Code::UnsupportedOption, msg);
        }
    }
    if let Some(msg) = pg.no_mall_interest {
        if ctx.is_true("useFreeInterestFromMall") {
            ctx.at(["useFreeInterestFromMall"])
                .add(Code::UnsupportedOption, msg);
        }
        ctx.at(["card", "detail"]).each(|mut entry| {
            let at = entry.child("max_month");
            if at.present() {
                at.add_new(Code::UnsupportedOption, msg);
            }
        });
    }
}

/// `invalid_value` (with `msg`) at `key` when it holds a PortOne value (`T`) outside the PG's
/// narrower `allowed` set; a value outside PortOne's set has the common issue only.
fn narrower_set<T: std::str::FromStr + PartialEq>(
    ctx: &mut Ctx,
    key: &'static str,
    allowed: &[T],
    msg: Msg,
) {
    let at = ctx.at([key]);
    let other = at
        .peek_str()
        .and_then(|v| v.parse::<T>().ok())
        .is_some_and(|v| !allowed.contains(&v));
    if other {
        at.add_new(Code::InvalidValue, msg);
    }
}

/// `<pg>_pay_method_allowed` (the descriptor's `pay_methods`), `<pg>_billing_card_only`
/// (`billing_pay_methods` when `customer_uid` is set) and deprecated methods. A value that is
/// not a PortOne code has the common `invalid_value` only (docs/RULES.md §0).
fn pay_method_allowed(ctx: &mut Ctx, pg: &Pg) {
    let Some(method) = ctx.method() else { return };
    // Quoted only for an issue: most checks have none.
    let arg = || quote(method.as_str());
    if let Some((allowed, msg)) = pg.billing_pay_methods.filter(|_| ctx.has("customer_uid")) {
        if !allowed.contains(&method) {
            ctx.at(["pay_method"])
                .add_arg(Code::UnsupportedPayMethod, msg, arg());
        }
        return;
    }
    if let Some((_, msg)) = pg.deprecated_pay_methods.iter().find(|(m, _)| *m == method) {
        ctx.at(["pay_method"]).add(Code::Deprecated, *msg);
        return;
    }
    if !pg.pay_methods.contains(&method) {
        ctx.at(["pay_method"])
            .add_arg(Code::UnsupportedPayMethod, pg.pay_method_msg, arg());
    }
}

#[cfg(test)]
mod tests {
    use crate::issue::{Lang, Severity};
    use crate::{check, CheckOptions};
    use serde_json::json;

    fn issue(params: serde_json::Value, path: &str) -> crate::Issue {
        let report = check(&params, &CheckOptions::default());
        report
            .issues()
            .iter()
            .find(|i| i.path == path)
            .cloned()
            .unwrap_or_else(|| panic!("no issue at {path}: {report}"))
    }

    fn base() -> serde_json::Value {
        json!({"pay_method": "card", "merchant_uid": "o1", "name": "n", "amount": 1004})
    }

    fn with(key: &str, v: serde_json::Value) -> serde_json::Value {
        let mut p = base();
        p[key] = v;
        p
    }

    #[test]
    fn suggestions_name_the_real_value() {
        let i = issue(with("pg", json!("KCP.T0000")), "pg");
        assert_eq!(i.arg.as_deref(), Some("kcp"));
        assert_eq!(
            i.message(Lang::En),
            "the PG code in pg is not a PortOne PG code; did you mean kcp?"
        );
        assert_eq!(
            issue(with("pg", json!("Html5_Inicis.X")), "pg")
                .arg
                .as_deref(),
            Some("html5_inicis")
        );
        assert_eq!(
            issue(with("pg", json!("stripe.acct")), "pg").arg.as_deref(),
            Some("\"stripe\"")
        );
        let i = issue(with("pay_method", json!("Card")), "pay_method");
        assert_eq!(i.arg.as_deref(), Some("card"));
        assert!(i.message(Lang::Ko).contains("card을(를) 의도하셨나요?"));
        assert_eq!(
            issue(with("pay_method", json!("KAKAOPAY")), "pay_method")
                .arg
                .as_deref(),
            Some("kakaopay")
        );
        assert_eq!(
            issue(with("pay_method", json!("bitcoin")), "pay_method")
                .arg
                .as_deref(),
            Some("\"bitcoin\"")
        );
        let i = issue(
            with("display", json!({"cardQuota": [3]})),
            "display.cardQuota",
        );
        assert_eq!(i.arg.as_deref(), Some("card_quota"));
        assert_eq!(i.severity, Severity::Warning);
        let i = issue(with("display", json!({"zzz": 1})), "display.zzz");
        assert_eq!(i.arg, None);
    }

    #[test]
    fn severities_of_the_new_rules() {
        assert_eq!(
            issue(with("buyer_tel", json!("010-ABCD-5678")), "buyer_tel").severity,
            Severity::Warning
        );
        assert_eq!(issue(base(), "pg").severity, Severity::Warning);
        let mut p = with("pg", json!("kcp.T0000"));
        p.as_object_mut().map(|m| m.remove("name"));
        let i = issue(p, "name");
        assert_eq!(i.severity, Severity::Error);
        assert_eq!(i.message(Lang::En), "name is required by NHN KCP");
        let i = issue(
            serde_json::from_str(r#"{"__proto__": {"x": 1}}"#).unwrap(),
            "__proto__",
        );
        assert_eq!(i.severity, Severity::Error);
    }

    #[test]
    fn build_params_never_forwards_proto() {
        let p: serde_json::Value = serde_json::from_str(
            r#"{"pg":"ksnet","pay_method":"card","merchant_uid":"o","name":"n","amount":1,"tax_free":0,"custom_data":{"__proto__":{"a":1}}}"#,
        )
        .unwrap();
        let err = crate::build_params(&p, &CheckOptions::default()).unwrap_err();
        assert_eq!(
            err.pairs(),
            vec![("custom_data.__proto__".to_string(), "forbidden_field")]
        );
    }
}
