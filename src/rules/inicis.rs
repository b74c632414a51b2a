//! KG Inicis (`html5_inicis[.MID]`, `inicis[.MID]`): guides 000 (Korean), 003 (English) and
//! portone-docs/inicis.mdx. Rule ids and decisions: docs/RULES.md §2.
//!
//! Line numbers below are of the files in `../shared/pg-guides/` (000 = 000_1849cc83dd42ab81.txt,
//! 003 = 003_b586e4a2e73b9d33.txt, inicis.mdx = portone-docs/inicis.mdx).

use crate::check::quote;
use crate::issue::{Code, Issue, Msg, Severity};
use crate::request::{Language, PayMethod};
use crate::rules::ctx::{read_int, Ctx};
use crate::rules::schema::Type;
use crate::rules::tree::Kind;
use crate::rules::Pg;

/// Everything KG Inicis is, as data (docs/RULES.md §2).
pub(crate) const DESCRIPTOR: Pg = Pg {
    section: "§2 KG Inicis",
    pay_methods: PAY_METHODS,
    // `inicis_billing_card_only` — 000 L62 "pay_method: \"card\", // 'card'만 지원됩니다.";
    // inicis.mdx L297 (same); 003 "only 'card' supported". The billing amount is display-only
    // (000 L61 "amount 파라미터에 금액을 설정하여도 실제 승인은 이루어지지 않습니다.") — nothing to check.
    billing_pay_methods: Some((&[PayMethod::Card], Msg::InicisBillingCardOnly)),
    // `inicis_chai_deprecated` — 000 L25 "chai (차이페이)", absent from inicis.mdx's list.
    // Conflict (RULES.md §7.1): the newer list wins, but an old MID may still take chai, so a
    // warning rather than an error.
    deprecated_pay_methods: &[(PayMethod::Chai, Msg::InicisChaiDeprecated)],
    // inicis.mdx "customer_id?: string 구매자 고유 ID"
    keys: &[("customer_id", Type::Str)],
    bypass_keys: BYPASS_KEYS,
    bypass_sub: Some(("inicis", &["authtype"])),
    // `inicis_language` — inicis.mdx L209-214 "language?: string **결제창 언어** - `ko`: 한국어
    // (기본값) - `en`: 영어". The common rule already rejects non-PortOne values.
    languages: Some((&[Language::Ko, Language::En], Msg::LanguageKoEn)),
    // `inicis_name_required` — inicis.mdx L129 (일반결제) and L354 (빌링키) "name: string
    // **주문명**" without `?`, where request-pay-params.mdx L157 writes "name?: string"; the PG
    // page is the more specific one (docs/RULES.md §2.1).
    name_required: true,
    // `card.interest_free` is KG Inicis's own option (`inicis_interest_free` below).
    no_interest_free: None,
    // request-pay-params.mdx "상점 부담 무이자 할부" lists KG이니시스.
    no_mall_interest: None,
    check,
    ..Pg::COMMON
};

/// Top-level `bypass` keys (inicis.mdx; docs/RULES.md §2.2).
const BYPASS_KEYS: &[&str] = &[
    "acceptmethod",
    "P_RESERVED",
    "ini_PAYSHOT_KEY",
    "P_PAYSHOT_KEY",
    "inicis",
];

/// inicis.mdx L100-120 "결제수단 구분코드": card, kakaopay, naverpay, samsung, applepay, ssgpay,
/// payco, tosspay, lpay, trans, vbank, phone, cultureland, smartculture, happymoney, booknlife.
/// (000 L21-36 lists the same minus `applepay`, plus `chai`: see `inicis_chai_deprecated`.)
pub(crate) const PAY_METHODS: &[PayMethod] = &[
    PayMethod::Card,
    PayMethod::Kakaopay,
    PayMethod::Naverpay,
    PayMethod::Samsung,
    PayMethod::Applepay,
    PayMethod::Ssgpay,
    PayMethod::Payco,
    PayMethod::Tosspay,
    PayMethod::Lpay,
    PayMethod::Trans,
    PayMethod::Vbank,
    PayMethod::Phone,
    PayMethod::Cultureland,
    PayMethod::Smartculture,
    PayMethod::Happymoney,
    PayMethod::Booknlife,
];

/// Runs the KG Inicis rules that are not data.
fn check(ctx: &mut Ctx) {
    buyer_tel(ctx);
    interest_free(ctx);
    bypass(ctx);
}

/// `inicis_buyer_tel_required` — 000 L9 "buyer_tel : '010-1234-5678', //필수 파라미터 입니다."
/// and L45-48 "buyer_tel * string 주문자연락처 필수 파라미터 입니다."; inicis.mdx L147-151
/// "buyer\_tel: string **주문자연락처** 필수 파라미터 입니다."; 003 L29-33 "buyer_tel * string
/// Customer phone number Required".
///
/// Conflict (docs/RULES.md §7.2): inicis.mdx's billing tab (L372) writes "buyer\_tel?: string".
/// Decision: required in the billing-key window too — 000/003 mark it required, and every
/// billing sample (000 L62, inicis.mdx L304) sends it.
fn buyer_tel(ctx: &mut Ctx) {
    ctx.require("buyer_tel", Msg::BuyerTelRequired);
}

/// `inicis_interest_free` — 000 L138-140 / inicis.mdx L617-623 "card: { interest_free: 7,
/// //모든 카드 7개월까지 상점분담무이자 }": a whole number of months.
fn interest_free(ctx: &mut Ctx) {
    let at = ctx.at(["card", "interest_free"]);
    match at.node().map(read_int) {
        None | Some(Ok(_)) => {}
        Some(Err((Code::InvalidType, _))) => at.invalid_type(Msg::MustBeNumber),
        Some(Err(_)) => at.add(Code::InvalidValue, Msg::InicisInterestFree),
    }
}

/// The bypass keys of inicis.mdx L230-282 (and the billing tab L396-411).
fn bypass(ctx: &mut Ctx) {
    if ctx.get("bypass").is_none() {
        // No bypass at all: only the rule on a missing `twotrs_bank=Y` applies.
        twotrs_bank(ctx, Some(&Vec::new()));
        return;
    }
    // Not an object: only the schema's invalid_type at `bypass` (RULES.md §0).
    if ctx.at(["bypass"]).kind() != Some(Kind::Object) {
        return;
    }
    acceptmethod(ctx);
    let p_reserved = p_reserved(ctx);
    twotrs_bank(ctx, p_reserved.as_ref());
    // `inicis_payshot_key_type` — inicis.mdx L269-281 "ini\_PAYSHOT\_KEY?: string" / "P\_PAYSHOT\_KEY?:
    // string", format `{가맹점구분}{YYYYMMDDHHMMSSmsec}{고객id}`. The format is not checked: the
    // length of 가맹점구분 is not documented.
    for key in ["ini_PAYSHOT_KEY", "P_PAYSHOT_KEY"] {
        ctx.at(["bypass", key]).string();
    }
    authtype(ctx);
}

/// `inicis_acceptmethod_type` / `inicis_acceptmethod_tokens` — inicis.mdx L237-250
/// "acceptmethod?: string **PC 전용 옵션** (콜론 `:` 구분자로 여러 값 연결)".
fn acceptmethod(ctx: &mut Ctx) {
    let at = ctx.at(["bypass", "acceptmethod"]);
    let Some(s) = at.string() else { return };
    if let Err((msg, arg)) = parse_acceptmethod(s) {
        ctx.at(["bypass", "acceptmethod"])
            .push(Issue::new("", Code::InvalidValue, msg).arg(arg));
    }
}

/// A documented acceptmethod token: its name (compared ASCII-case-insensitively) and whether
/// it takes an argument in parentheses. inicis.mdx L241-248:
/// - "`noeasypay`: 간편결제 버튼을 통합결제창에서 제외"
/// - "`CARDPOINT`: 카드사 포인트 사용" (000 L9 writes 'cardpoint'; RULES.md §7.3: names are
///   case-insensitive, so both pass)
/// - "`no_receipt`: 현금영수증 미발행"
/// - "`SKIN(색상)`: 결제창 배경색상 변경 ... (예: `SKIN(BLUE)`). 미설정 시 기본값 `#c1272c`"
/// - "`cardshowopt(카드코드-호출옵션)` ... (예: `cardshowopt(04-6)`)"
/// - "`disablepoint`: 현대카드 M포인트 강제 미사용", "`usespcp`: 현대카드 M포인트 사용"
/// - "`cd_ps(카드코드-할부개월)`: 신한카드 제휴 옵션"
const ACCEPTMETHOD_TOKENS: &[(&str, bool)] = &[
    ("noeasypay", false),
    ("cardpoint", false),
    ("no_receipt", false),
    ("skin", true),
    ("cardshowopt", true),
    ("disablepoint", false),
    ("usespcp", false),
    ("cd_ps", true),
];

/// The name of an acceptmethod token (`SKIN(BLUE)` → `SKIN`), as written.
pub(crate) fn acceptmethod_name(token: &str) -> &str {
    token.split('(').next().unwrap_or(token)
}

/// Checks an `acceptmethod` string against the grammar of docs/RULES.md §2.2; the error is the
/// message and the token it is about.
pub(crate) fn parse_acceptmethod(s: &str) -> Result<(), (Msg, String)> {
    let mut seen: Vec<String> = Vec::new();
    for token in s.split(':') {
        if token.is_empty() {
            return Err((Msg::InicisAcceptmethodEmpty, String::new()));
        }
        let name = acceptmethod_name(token);
        let lower = name.to_ascii_lowercase();
        let Some((canon, takes_arg)) = ACCEPTMETHOD_TOKENS.iter().find(|(n, _)| *n == lower) else {
            return Err((Msg::InicisAcceptmethodToken, quote(token)));
        };
        // `get`, not indexing (no slice-panic path in the wasm); `name` is a prefix of `token`.
        let rest = token.get(name.len()..).unwrap_or("");
        let ok = if *takes_arg {
            rest.strip_prefix('(')
                .and_then(|r| r.strip_suffix(')'))
                .is_some_and(|arg| match *canon {
                    "skin" => is_colour(arg),
                    _ => is_digits_pair(arg, '-'),
                })
        } else {
            rest.is_empty()
        };
        if !ok {
            let msg = if *takes_arg {
                Msg::InicisAcceptmethodArgument
            } else {
                Msg::InicisAcceptmethodToken
            };
            return Err((msg, quote(token)));
        }
        if seen.contains(&lower) {
            return Err((Msg::InicisAcceptmethodRepeated, quote(name)));
        }
        seen.push(lower);
    }
    Ok(())
}

/// `SKIN(colour)`: a colour name (`BLUE`) or `#` and six hex digits (`#c1272c`), inicis.mdx L244.
fn is_colour(s: &str) -> bool {
    match s.strip_prefix('#') {
        Some(hex) => hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
        None => !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic()),
    }
}

/// `04-6` (sep `-`) or `04:6` (sep `:`): digits, the separator, digits.
fn is_digits_pair(s: &str, sep: char) -> bool {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    s.split_once(sep)
        .is_some_and(|(a, b)| digits(a) && digits(b))
}

/// The P_RESERVED keys whose value is `Y` or `N` (inicis.mdx L256-264):
/// "`noeasypay=Y`", "`cp_yn=Y`: 신용카드 포인트 사용", "`dcp_yn=Y`: 카드사 다이렉트 호출 시 카드 포인트
/// 사용", "`vbank_receipt=Y`", "`bank_receipt=N`", "`twotrs_bank=Y`", "`apprun_check=Y`",
/// "`iosapp=Y`: iOS 앱에서 결제 시 설정".
const P_RESERVED_FLAGS: &[&str] = &[
    "noeasypay",
    "cp_yn",
    "dcp_yn",
    "vbank_receipt",
    "bank_receipt",
    "twotrs_bank",
    "apprun_check",
    "iosapp",
];

/// Every documented P_RESERVED key: the flags, "`app_scheme=스키마명://`" (L263) and
/// "`cardshowopt=카드코드:호출옵션`" (L265).
pub(crate) fn is_p_reserved_key(key: &str) -> bool {
    P_RESERVED_FLAGS.contains(&key) || key == "app_scheme" || key == "cardshowopt"
}

/// Checks a `P_RESERVED` string against the grammar of docs/RULES.md §2.2 and returns its
/// pairs; the error is the message and the pair or key it is about.
pub(crate) fn parse_p_reserved(s: &str) -> Result<Vec<(&str, &str)>, (Msg, String)> {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for pair in s.split('&') {
        let Some((key, value)) = pair.split_once('=') else {
            return Err((Msg::InicisReservedNotPair, quote(pair)));
        };
        if !is_p_reserved_key(key) {
            return Err((Msg::InicisReservedKey, quote(key)));
        }
        let ok = match key {
            // L263 "`app_scheme=스키마명://`". `_` is allowed: the page's own sample is
            // `app_scheme=your_app_scheme://` (L55).
            "app_scheme" => value.strip_suffix("://").is_some_and(is_scheme),
            // L265 "`cardshowopt=카드코드:호출옵션`".
            "cardshowopt" => is_digits_pair(value, ':'),
            _ => value == "Y" || value == "N",
        };
        if !ok {
            return Err(match key {
                "app_scheme" => (Msg::InicisReservedAppScheme, String::new()),
                "cardshowopt" => (Msg::InicisReservedCardshowopt, String::new()),
                _ => (Msg::InicisReservedFlag, quote(pair)),
            });
        }
        if pairs.iter().any(|(k, _)| *k == key) {
            return Err((Msg::InicisReservedRepeated, quote(key)));
        }
        pairs.push((key, value));
    }
    Ok(pairs)
}

/// A URL scheme name: a letter, then letters, digits, `+`, `-`, `.` or `_`.
pub(crate) fn is_scheme(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.' | b'_'))
}

/// `inicis_p_reserved_type` / `inicis_p_reserved_pairs` / `inicis_apprun_check_vs_app_scheme`
/// — inicis.mdx L252-267 "P\_RESERVED?: string **모바일 전용 옵션** (`&` 구분자로 여러 값 연결)".
/// Returns the pairs when the string is valid or absent, `None` when reported.
fn p_reserved<'a>(ctx: &mut Ctx<'a>) -> Option<Vec<(&'a str, &'a str)>> {
    let at = ctx.at(["bypass", "P_RESERVED"]);
    if !at.present() {
        return Some(Vec::new());
    }
    let s = at.string()?;
    let at = ctx.at(["bypass", "P_RESERVED"]);
    match parse_p_reserved(s) {
        Ok(pairs) => {
            // L262 "`apprun_check=Y`: 앱 호출 시 Intent 방식으로 호출 (Android 전용, `app_scheme`과
            // 같이 사용 불가)". Read as the P_RESERVED `app_scheme=` pair listed right after
            // it (L263), not the top-level `app_scheme` param (RULES.md §7.6).
            let apprun = pairs.contains(&("apprun_check", "Y"));
            if apprun && pairs.iter().any(|(k, _)| *k == "app_scheme") {
                at.add(Code::UnsupportedOption, Msg::InicisApprunWithAppScheme);
                return None;
            }
            Some(pairs)
        }
        Err((msg, arg)) => {
            at.push(Issue::new("", Code::InvalidValue, msg).arg(arg));
            None
        }
    }
}

/// `inicis_twotrs_bank_in_app` — inicis.mdx L261 "`twotrs_bank=Y`: 계좌이체 거래 시 필수 입력 값",
/// shown in the sample at L55 "twotrs_bank=Y&iosapp=Y&app_scheme=your_app_scheme:// // iOS에서
/// 계좌이체시 결제가 이뤄지던 앱으로 돌아가기".
///
/// Decision (RULES.md §7.5): a **warning**, and only inside an app WebView (the one context
/// the page shows it in), for pay_method `trans`; not for every mobile transfer.
/// `pairs` is `None` when P_RESERVED was already reported.
fn twotrs_bank(ctx: &mut Ctx, pairs: Option<&Vec<(&str, &str)>>) {
    let Some(pairs) = pairs else { return };
    if ctx.opts.webview
        && ctx.pay_method() == Some("trans")
        && !pairs.contains(&("twotrs_bank", "Y"))
    {
        ctx.at(["bypass", "P_RESERVED"]).push(
            Issue::new("", Code::Required, Msg::InicisTwotrsBank).severity(Severity::Warning),
        );
    }
}

/// `inicis_bypass_object_types`, `inicis_authtype_value`, `inicis_authtype_billing_only` —
/// inicis.mdx L396-411 (billing tab) "bypass?: object **빌링키 발급 전용 파라미터** - inicis?:
/// object - authtype?: string ... - `01`: 카드번호, 유효기간, 생일 입력 부분만 표시 - 미전달: ...".
fn authtype(ctx: &mut Ctx) {
    if ctx.at(["bypass", "inicis"]).object().is_none() {
        return;
    }
    let billing = ctx.has("customer_uid");
    let at = ctx.at(["bypass", "inicis", "authtype"]);
    match at.peek_str() {
        Some("01") if !billing => at.add(Code::UnsupportedOption, Msg::InicisAuthtypeBillingOnly),
        Some("01") => {}
        Some(_) => at.add(Code::InvalidValue, Msg::InicisAuthtype),
        None => {
            at.string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acceptmethod_grammar() {
        assert!(parse_acceptmethod("noeasypay").is_ok());
        assert!(parse_acceptmethod("noeasypay:cardpoint").is_ok());
        assert!(parse_acceptmethod("SKIN(BLUE):skin(#C1272c)").is_err()); // SKIN twice
        assert!(parse_acceptmethod("SKIN(#c1272c):cd_ps(14-3):cardshowopt(04-6)").is_ok());
        let err = |s| parse_acceptmethod(s).unwrap_err().0;
        assert_eq!(err(""), Msg::InicisAcceptmethodEmpty);
        assert_eq!(err("noeasypay::CARDPOINT"), Msg::InicisAcceptmethodEmpty);
        assert_eq!(err("cardpoints"), Msg::InicisAcceptmethodToken);
        assert_eq!(err("noeasypay(1)"), Msg::InicisAcceptmethodToken);
        assert_eq!(err("SKIN()"), Msg::InicisAcceptmethodArgument);
        assert_eq!(err("SKIN(#12345)"), Msg::InicisAcceptmethodArgument);
        assert_eq!(err("SKIN(BLUE"), Msg::InicisAcceptmethodArgument);
        assert_eq!(err("cardshowopt(04)"), Msg::InicisAcceptmethodArgument);
        assert_eq!(err("cd_ps(a-3)"), Msg::InicisAcceptmethodArgument);
        assert_eq!(err("CARDPOINT:cardpoint"), Msg::InicisAcceptmethodRepeated);
    }

    #[test]
    fn p_reserved_grammar() {
        assert_eq!(
            parse_p_reserved("noeasypay=Y&cp_yn=N").unwrap(),
            vec![("noeasypay", "Y"), ("cp_yn", "N")]
        );
        assert!(parse_p_reserved("app_scheme=my.app+x-1_y://&cardshowopt=04:6").is_ok());
        let err = |s| parse_p_reserved(s).unwrap_err().0;
        assert_eq!(err(""), Msg::InicisReservedNotPair);
        assert_eq!(err("noeasypay=Y&"), Msg::InicisReservedNotPair);
        assert_eq!(err("NOEASYPAY=Y"), Msg::InicisReservedKey);
        assert_eq!(err("cp_yn=y"), Msg::InicisReservedFlag);
        assert_eq!(err("app_scheme=1app://"), Msg::InicisReservedAppScheme);
        assert_eq!(err("app_scheme=myapp"), Msg::InicisReservedAppScheme);
        assert_eq!(err("cardshowopt=04-6"), Msg::InicisReservedCardshowopt);
        assert_eq!(err("iosapp=Y&iosapp=N"), Msg::InicisReservedRepeated);
    }
}
