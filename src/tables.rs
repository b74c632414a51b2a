//! The Rust tables, rendered as the text other languages hold (not public API).
//!
//! `js/index.d.ts`, `js/sandbox.js` and `www/tables.js` keep copies of the Rust tables
//! ([`PayMethod::ALL`], [`Provider::ALL`], [`Code::ALL`], [`Currency::ALL`],
//! [`Language::ALL`], each PG's pay methods and languages); `js/index.js` keeps the PG names,
//! which the npm wrapper renders issues with (its message table it reads from the wasm:
//! [`Msg::lines`](crate::issue::Msg::lines)). Each copy sits in a block marked
//! `// BEGIN GENERATED <name>` … `// END GENERATED <name>` (`www/tables.js` is generated
//! whole). `tests/tables.rs` renders every block with the functions here and fails on any
//! difference, printing the expected text; `UPDATE_TABLES=1 cargo test --test tables`
//! rewrites the blocks.
//!
//! Nothing here runs at check time: the library never calls this module, so it costs the
//! wasm build nothing.

#[cfg(test)]
use crate::check::{check, CheckOptions};
use crate::issue::{Code, Severity};
use crate::provider::{Provider, RuleSet};
use crate::request::{Currency, Language, PayMethod};
#[cfg(test)]
use serde_json::{json, Value};
use std::fmt::Write;

/// The regenerate command every generated block names.
pub const REGENERATE: &str = "UPDATE_TABLES=1 cargo test --test tables";

/// The rule sets in the order the generated text lists them.
pub const RULE_SETS: [RuleSet; 5] = [
    RuleSet::Inicis,
    RuleSet::Kcp,
    RuleSet::KcpBilling,
    RuleSet::Ksnet,
    RuleSet::Daou,
];

/// The pay methods a rule set offers, in [`PayMethod::ALL`] order: its descriptor's
/// `pay_methods` (`rules/<pg>.rs`), less the ones accepted only with a `deprecated` warning
/// (KG Inicis's `chai`). The unit tests check the answer against the rules themselves.
pub fn pay_methods_of(rule_set: RuleSet) -> Vec<PayMethod> {
    let pg = crate::rules::pg(rule_set);
    PayMethod::ALL
        .iter()
        .copied()
        .filter(|m| pg.pay_methods.contains(m))
        .filter(|m| !pg.deprecated_pay_methods.iter().any(|(d, _)| d == m))
        .collect()
}

/// The `language` values a rule set takes (its descriptor's `languages`; every PortOne
/// language when it names none), in [`Language::ALL`] order.
pub fn languages_of(rule_set: RuleSet) -> Vec<Language> {
    let own = crate::rules::pg(rule_set).languages.map(|(l, _)| l);
    Language::ALL
        .iter()
        .copied()
        .filter(|l| own.is_none_or(|own| own.contains(l)))
        .collect()
}

/// A provider that selects `rule_set` (the first in [`Provider::ALL`]).
pub fn provider_of(rule_set: RuleSet) -> Provider {
    Provider::ALL
        .iter()
        .copied()
        .find(|p| p.rule_set() == Some(rule_set))
        .unwrap_or(Provider::Kcp)
}

/// Whether a request for `rule_set` with `key: value` (and the fields every PG needs) has no
/// issue at `key` (the tests' cross-check of the descriptor lists against the rules).
#[cfg(test)]
fn no_issue_at(rule_set: RuleSet, key: &str, value: &str) -> bool {
    let provider = provider_of(rule_set);
    let mut params = json!({
        "channelKey": "channel-key-tables",
        "merchant_uid": "tables-0001",
        "name": "tables",
        "amount": 1000,
        "buyer_name": "tables",
        "buyer_tel": "01012345678",
        "buyer_email": "tables@example.com",
        "digital": false,
    });
    if rule_set == RuleSet::KcpBilling {
        params["customer_uid"] = Value::from("tables-customer");
    }
    params[key] = Value::from(value);
    let report = check(&params, &CheckOptions::provider(provider));
    !report.issues().iter().any(|i| i.path == key)
}

/// The TypeScript name of a rule set's pay-method union.
pub const fn ts_pay_method_type(rule_set: RuleSet) -> &'static str {
    match rule_set {
        RuleSet::Inicis => "InicisPayMethod",
        RuleSet::Kcp => "KcpPayMethod",
        RuleSet::KcpBilling => "KcpBillingPayMethod",
        RuleSet::Ksnet => "KsnetPayMethod",
        RuleSet::Daou => "DaouPayMethod",
    }
}

/// The TypeScript name of a rule set's language union.
pub const fn ts_language_type(rule_set: RuleSet) -> &'static str {
    match rule_set {
        RuleSet::Inicis => "InicisLanguage",
        RuleSet::Kcp => "KcpLanguage",
        RuleSet::KcpBilling => "KcpBillingLanguage",
        RuleSet::Ksnet => "KsnetLanguage",
        RuleSet::Daou => "DaouLanguage",
    }
}

/// Where a rule set's rules live, for the generated doc comments.
const fn rules_file(rule_set: RuleSet) -> &'static str {
    match rule_set {
        RuleSet::Inicis => "KG Inicis (`html5_inicis`, `inicis`): src/rules/inicis.rs",
        RuleSet::Kcp => "NHN KCP (`kcp`): src/rules/kcp.rs",
        RuleSet::KcpBilling => "NHN KCP billing-key window (`kcp_billing`): src/rules/kcp.rs",
        RuleSet::Ksnet => "KSNET (`ksnet`): src/rules/ksnet.rs",
        RuleSet::Daou => "Kiwoom Pay (`daou`): src/rules/daou.rs",
    }
}

/// `pay_method` codes that only responses carry: request-pay-response.mdx "결제수단
/// 구분코드" lists `tenpay`(텐페이), `paysbuy`(페이스바이), `econtext`(편의점 결제) and
/// `molpay`(MOL페이), which request-pay-params.mdx does not. Every other code of that list is a
/// [`PayMethod`].
pub const RESPONSE_ONLY_PAY_METHODS: &[&str] = &["tenpay", "paysbuy", "econtext", "molpay"];

/// A pay method's label for people, `(Korean, English)`: the Korean names of
/// request-pay-params.mdx "결제수단 구분코드" (and the PG pages for the codes it lacks).
pub const fn pay_method_label(m: PayMethod) -> (&'static str, &'static str) {
    match m {
        PayMethod::Card => ("신용카드", "Credit card"),
        PayMethod::Trans => ("실시간 계좌이체", "Bank transfer"),
        PayMethod::Vbank => ("가상계좌", "Virtual account"),
        PayMethod::Phone => ("휴대폰 소액결제", "Mobile phone billing"),
        PayMethod::Applepay => ("애플페이", "Apple Pay"),
        PayMethod::Naverpay => ("네이버페이", "Naver Pay"),
        PayMethod::Samsungpay => ("삼성페이", "Samsung Pay"),
        PayMethod::Samsung => ("삼성페이", "Samsung Pay"),
        PayMethod::Kpay => ("KPay 앱", "KPay app"),
        PayMethod::Kakaopay => ("카카오페이", "KakaoPay"),
        PayMethod::Payco => ("페이코", "PAYCO"),
        PayMethod::Lpay => ("L페이", "L.PAY"),
        PayMethod::Ssgpay => ("SSG페이", "SSG Pay"),
        PayMethod::Tosspay => ("토스페이", "Toss Pay"),
        PayMethod::Chai => ("차이페이", "CHAI"),
        PayMethod::Cultureland => ("컬쳐랜드 문화상품권", "Cultureland gift card"),
        PayMethod::Smartculture => ("스마트문상", "Smart Culture gift card"),
        PayMethod::Happymoney => ("해피머니 문화상품권", "Happy Money gift card"),
        PayMethod::Culturegift => ("문화상품권", "Culture gift card"),
        PayMethod::Booknlife => ("도서문화상품권", "Book & Life gift card"),
        PayMethod::Point => ("베네피아 포인트", "Benepia points"),
        PayMethod::Wechat => ("위쳇페이", "WeChat Pay"),
        PayMethod::Alipay => ("알리페이", "Alipay"),
        PayMethod::Unionpay => ("유니온페이", "UnionPay"),
        PayMethod::Pinpay => ("핀페이", "PINPAY"),
        PayMethod::SsgpayBank => ("SSG 은행계좌", "SSG bank account"),
        PayMethod::Skpay => ("11Pay", "11Pay"),
        PayMethod::NaverpayCard => ("네이버페이 - 카드", "Naver Pay (card)"),
        PayMethod::NaverpayBridge => ("네이버페이 (카드/포인트)", "Naver Pay (card/points)"),
        PayMethod::NaverpayPoint => ("네이버페이 - 포인트", "Naver Pay (points)"),
        PayMethod::Paypal => ("페이팔", "PayPal"),
        PayMethod::TossBrandpay => ("토스페이먼츠 브랜드페이", "Toss Payments BrandPay"),
        PayMethod::TosspayCard => ("토스페이 - 카드", "Toss Pay (card)"),
        PayMethod::TosspayMoney => ("토스페이 - 머니", "Toss Pay (money)"),
    }
}

// ---------------------------------------------------------------------------------------------
// Rendering

/// `'a'` as a TypeScript / JavaScript string literal (the table strings need no escaping:
/// the unit tests check they are plain ASCII words).
fn lit(s: &str) -> String {
    format!("'{s}'")
}

/// A `/** doc */` comment: one line when it fits in 100 columns, else wrapped.
fn doc_comment(out: &mut String, doc: &str) {
    let one = format!("/** {doc} */");
    if one.chars().count() <= 100 {
        let _ = writeln!(out, "{one}");
        return;
    }
    let _ = writeln!(out, "/**");
    let mut line = String::from(" *");
    for word in doc.split(' ') {
        if line.chars().count() + 1 + word.chars().count() > 100 && line != " *" {
            let _ = writeln!(out, "{line}");
            line = String::from(" *");
        }
        line.push(' ');
        line.push_str(word);
    }
    let _ = writeln!(out, "{line}");
    let _ = writeln!(out, " */");
}

/// `export type Name = 'a' | 'b' | …;`, wrapped at 100 columns, after its doc comment.
fn inline_union(out: &mut String, doc: &str, name: &str, items: &[String]) {
    doc_comment(out, doc);
    let head = format!("export type {name} = ");
    let one_line = format!("{head}{};", items.join(" | "));
    if one_line.len() <= 100 {
        let _ = writeln!(out, "{one_line}");
        return;
    }
    let _ = writeln!(out, "export type {name} =");
    let mut line = String::from("  |");
    for item in items {
        if line.len() + item.len() + 3 > 100 {
            let _ = writeln!(out, "{line}");
            line = String::from("  |");
        } else if line != "  |" {
            line.push_str(" |");
        }
        line.push(' ');
        line.push_str(item);
    }
    let _ = writeln!(out, "{line};");
}

/// `export type Name =` with one `| 'value' // comment` line per item.
fn commented_union(out: &mut String, doc: &str, name: &str, items: &[(String, String)]) {
    doc_comment(out, doc);
    let _ = writeln!(out, "export type {name} =");
    for (i, (value, comment)) in items.iter().enumerate() {
        let end = if i + 1 == items.len() { ";" } else { "" };
        let _ = writeln!(out, "  | {value}{end} // {comment}");
    }
}

/// The generated blocks of `js/index.d.ts`, by name.
pub fn index_dts_blocks() -> Vec<(&'static str, String)> {
    let mut blocks = Vec::new();

    let mut s = String::new();
    let checked: Vec<(String, String)> = Provider::ALL
        .iter()
        .filter(|p| p.rule_set().is_some())
        .map(|p| (lit(p.as_str()), p.display_name(crate::Lang::En).to_string()))
        .collect();
    commented_union(
        &mut s,
        "A PortOne PG code this library has a rule set for (API.md \"Providers\"; src/provider.rs).",
        "Provider",
        &checked,
    );
    s.push('\n');
    let unchecked: Vec<(String, String)> = Provider::ALL
        .iter()
        .filter(|p| p.rule_set().is_none())
        .map(|p| (lit(p.as_str()), p.display_name(crate::Lang::En).to_string()))
        .collect();
    commented_union(
        &mut s,
        "A PortOne PG code (request-pay-params.mdx `pg`) this library has no rule set for: \
         `checkParams` runs the common rules only and warns `unchecked_provider`.",
        "UncheckedProvider",
        &unchecked,
    );
    blocks.push(("providers", s));

    let mut s = String::new();
    let all: Vec<(String, String)> = PayMethod::ALL
        .iter()
        .map(|m| (lit(m.as_str()), pay_method_label(*m).0.to_string()))
        .collect();
    commented_union(
        &mut s,
        "`pay_method` codes (request-pay-params.mdx \"결제수단 구분코드\", plus PG-page codes; \
         src/request.rs).",
        "PayMethod",
        &all,
    );
    for rs in RULE_SETS {
        s.push('\n');
        let items: Vec<String> = pay_methods_of(rs).iter().map(|m| lit(m.as_str())).collect();
        inline_union(
            &mut s,
            &format!("The pay methods of {}.", rules_file(rs)),
            ts_pay_method_type(rs),
            &items,
        );
    }
    s.push('\n');
    let response: Vec<String> = RESPONSE_ONLY_PAY_METHODS.iter().map(|m| lit(m)).collect();
    inline_union(
        &mut s,
        "`pay_method` in a response (request-pay-response.mdx \"결제수단 구분코드\"): every request \
         code, plus the codes only responses carry.",
        "ResponsePayMethod",
        &[vec!["PayMethod".to_string()], response].concat(),
    );
    blocks.push(("pay-methods", s));

    let mut s = String::new();
    let currencies: Vec<String> = Currency::ALL.iter().map(|c| lit(c.as_str())).collect();
    inline_union(
        &mut s,
        "`currency` (request-pay-params.mdx \"결제통화 구분코드\"); KRW when omitted.",
        "Currency",
        &currencies,
    );
    s.push('\n');
    let languages: Vec<String> = Language::ALL.iter().map(|l| lit(l.as_str())).collect();
    inline_union(
        &mut s,
        "`language` of the payment window (request-pay-params.mdx).",
        "Language",
        &languages,
    );
    for rs in RULE_SETS {
        s.push('\n');
        let items: Vec<String> = languages_of(rs).iter().map(|l| lit(l.as_str())).collect();
        inline_union(
            &mut s,
            &format!("The `language` values of {}.", rules_file(rs)),
            ts_language_type(rs),
            &items,
        );
    }
    blocks.push(("enums", s));

    let mut s = String::new();
    let _ = writeln!(
        s,
        "/** Stable issue codes (API.md \"Issue codes\"; src/issue.rs). */"
    );
    let _ = writeln!(
        s,
        "export type IssueCode = ErrorIssueCode | WarningIssueCode;"
    );
    for (severity, name, doc) in [
        (
            Severity::Error,
            "ErrorIssueCode",
            "Codes that block the payment by default.",
        ),
        (
            Severity::Warning,
            "WarningIssueCode",
            "Codes that never block.",
        ),
    ] {
        s.push('\n');
        let items: Vec<(String, String)> = Code::ALL
            .iter()
            .filter(|c| c.default_severity() == severity)
            .map(|c| (lit(c.as_str()), code_doc(*c).to_string()))
            .collect();
        commented_union(&mut s, doc, name, &items);
    }
    blocks.push(("issue-codes", s));
    blocks
}

/// One line on each code, for the generated comments (API.md "Issue codes").
const fn code_doc(code: Code) -> &'static str {
    match code {
        Code::Required => "a field this PG / mode needs is missing or empty",
        Code::InvalidType => "wrong JSON type",
        Code::InvalidValue => "a value outside the allowed set or format",
        Code::TooLong => "a string over its limit",
        Code::OutOfRange => "a number out of range",
        Code::UnsupportedPayMethod => "this PG (or mode) does not offer this pay_method",
        Code::UnsupportedOption => "this PG does not support this option in this combination",
        Code::ForbiddenField => "card data in browser params",
        Code::UnknownProvider => "`pg` is not a PortOne PG code",
        Code::UnknownField => "a key PortOne does not define",
        Code::Deprecated => "a deprecated form, e.g. `pg: \"daou\"`",
        Code::BelowInstallmentMinimum => "installments offered below 50,000 KRW",
        Code::Coerced => "a documented legacy form was accepted and normalized",
        Code::UncheckedProvider => "a PortOne PG without a rule set here",
    }
}

/// `const PAY_METHODS = { card: ['신용카드', 'Credit card'], … };`: every pay method and its
/// labels, as JavaScript (`name` is the constant's name).
fn pay_method_labels_js(out: &mut String, name: &str) {
    let _ = writeln!(out, "const {name} = {{");
    for m in PayMethod::ALL {
        let (ko, en) = pay_method_label(*m);
        let _ = writeln!(out, "  {}: [{}, {}],", m.as_str(), lit(ko), lit(en));
    }
    let _ = writeln!(out, "}};");
}

/// The generated blocks of `js/sandbox.js`, by name (the file stays free of imports).
pub fn sandbox_blocks() -> Vec<(&'static str, String)> {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "/** Every `pay_method` code (src/request.rs) and its labels [ko, en]. */"
    );
    pay_method_labels_js(&mut s, "PAY_METHODS");
    s.push('\n');
    let _ = writeln!(
        s,
        "/** Every PortOne PG code (src/provider.rs) and its names [ko, en]. */"
    );
    let _ = writeln!(s, "const PG_NAMES = {{");
    for p in Provider::ALL {
        let _ = writeln!(
            s,
            "  {}: [{}, {}],",
            p.as_str(),
            lit(p.display_name(crate::Lang::Ko)),
            lit(p.display_name(crate::Lang::En))
        );
    }
    let _ = writeln!(s, "}};");
    vec![("tables", s)]
}

/// A JavaScript string literal (JSON's escaping; the PG names hold Korean text).
fn js_str(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// The generated block of `js/index.js`: the PGs, the codes `checkInput` answers with by
/// index and the names `{pg}` shows. (The messages are not copied: the wrapper reads them from
/// the wasm, `Msg::lines`, and renders each issue from its row, `{path}` / `{arg}` / `{pg}`
/// values and PG; see `wire::push_issue`.)
pub fn index_js_blocks() -> Vec<(&'static str, String)> {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "/** Every PortOne PG (src/provider.rs), in table order: [code, English name, Korean name]. */"
    );
    let _ = writeln!(s, "const PGS = [");
    for p in Provider::ALL {
        let _ = writeln!(
            s,
            "  [{}, {}, {}],",
            lit(p.as_str()),
            js_str(p.display_name(crate::Lang::En)),
            js_str(p.display_name(crate::Lang::Ko)),
        );
    }
    let _ = writeln!(s, "];");
    vec![("pgs", s)]
}

/// The whole of `www/tables.js`, the demo page's copy of the tables.
pub fn www_tables_js() -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "// GENERATED from src/tables.rs: do not edit. Regenerate with `{REGENERATE}`."
    );
    let _ = writeln!(s, "// The library's tables for the demo page (www/app.js).");
    s.push('\n');
    let _ = writeln!(
        s,
        "/** Every `pay_method` code (src/request.rs), in table order, and its labels [ko, en]. */"
    );
    let _ = write!(s, "export ");
    pay_method_labels_js(&mut s, "PAY_METHODS");
    s.push('\n');
    let _ = writeln!(
        s,
        "/** The pay methods each checked provider takes (src/rules/<pg>.rs). */"
    );
    let _ = writeln!(s, "export const PAY_METHODS_BY_PROVIDER = {{");
    for p in Provider::ALL {
        let Some(rs) = p.rule_set() else { continue };
        let items: Vec<String> = pay_methods_of(rs).iter().map(|m| lit(m.as_str())).collect();
        let _ = writeln!(s, "  {}: [{}],", p.as_str(), items.join(", "));
    }
    let _ = writeln!(s, "}};");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_templates_hold_no_line_break() {
        // js/index.js splits each language's templates (`Msg::lines`) at line breaks.
        for m in crate::issue::Msg::ALL {
            for lang in [crate::Lang::En, crate::Lang::Ko] {
                assert!(!m.template(lang).contains('\n'), "{m:?} {lang:?}");
            }
        }
    }
    use crate::rules::{inicis, kcp};

    #[test]
    fn pay_methods_of_matches_the_static_lists() {
        assert_eq!(
            sorted(pay_methods_of(RuleSet::Inicis)),
            sorted(inicis::PAY_METHODS.to_vec())
        );
        assert_eq!(
            sorted(pay_methods_of(RuleSet::Kcp)),
            sorted(kcp::PAY_METHODS.to_vec())
        );
        assert_eq!(pay_methods_of(RuleSet::KcpBilling), [PayMethod::Card]);
        // daou.mdx and ksnet.mdx "결제수단 구분코드", as the rules hold them.
        let ksnet: Vec<&str> = pay_methods_of(RuleSet::Ksnet)
            .iter()
            .map(|m| m.as_str())
            .collect();
        assert_eq!(
            ksnet,
            [
                "card", "trans", "vbank", "phone", "naverpay", "kakaopay", "payco", "lpay",
                "ssgpay"
            ]
        );
        assert_eq!(pay_methods_of(RuleSet::Daou).len(), 12);
    }

    #[test]
    fn descriptor_lists_agree_with_what_the_rules_accept() {
        for rs in RULE_SETS {
            let accepted: Vec<PayMethod> = PayMethod::ALL
                .iter()
                .copied()
                .filter(|m| no_issue_at(rs, "pay_method", m.as_str()))
                .collect();
            assert_eq!(pay_methods_of(rs), accepted, "{rs:?}");
            let languages: Vec<Language> = Language::ALL
                .iter()
                .copied()
                .filter(|l| no_issue_at(rs, "language", l.as_str()))
                .collect();
            assert_eq!(languages_of(rs), languages, "{rs:?}");
        }
    }

    #[test]
    fn languages_of_follow_the_pg_pages() {
        let ko_en = [Language::En, Language::Ko];
        assert_eq!(languages_of(RuleSet::Inicis), ko_en);
        assert_eq!(languages_of(RuleSet::Kcp), ko_en);
        assert_eq!(languages_of(RuleSet::Ksnet), Language::ALL);
        assert_eq!(languages_of(RuleSet::Daou), Language::ALL);
    }

    #[test]
    fn every_rule_set_is_listed_once_with_its_provider() {
        for rs in RULE_SETS {
            assert_eq!(provider_of(rs).rule_set(), Some(rs));
            assert_eq!(RULE_SETS.iter().filter(|r| **r == rs).count(), 1);
        }
        for p in Provider::ALL {
            if let Some(rs) = p.rule_set() {
                assert!(
                    RULE_SETS.contains(&rs),
                    "{p} has a rule set not in RULE_SETS"
                );
            }
        }
    }

    #[test]
    fn table_strings_need_no_escaping() {
        let plain = |s: &str| !s.contains(['\'', '\\', '\n']);
        for m in PayMethod::ALL {
            assert!(m
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'));
            let (ko, en) = pay_method_label(*m);
            assert!(plain(ko) && plain(en), "{m}");
        }
        for p in Provider::ALL {
            assert!(p
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
            assert!(
                plain(p.display_name(crate::Lang::Ko)) && plain(p.display_name(crate::Lang::En))
            );
        }
        for m in RESPONSE_ONLY_PAY_METHODS {
            assert!(m.parse::<PayMethod>().is_err(), "{m} is a request code too");
        }
    }

    #[test]
    fn unions_wrap_at_100_columns() {
        let items: Vec<String> = (0..40).map(|i| lit(&format!("value{i}"))).collect();
        let mut s = String::new();
        inline_union(&mut s, "doc", "Long", &items);
        assert!(s.lines().all(|l| l.len() <= 100), "{s}");
        assert!(s.starts_with("/** doc */\nexport type Long =\n  | 'value0' | 'value1'"));
        assert!(s.ends_with("'value39';\n"));
        let mut s = String::new();
        inline_union(&mut s, "doc", "Short", &items[..2]);
        assert_eq!(s, "/** doc */\nexport type Short = 'value0' | 'value1';\n");
    }

    #[test]
    fn doc_comments_wrap_at_100_columns() {
        let mut s = String::new();
        doc_comment(&mut s, "short");
        assert_eq!(s, "/** short */\n");
        let long = ["word"; 40].join(" ");
        let mut s = String::new();
        doc_comment(&mut s, &long);
        assert!(s.starts_with("/**\n * word word"), "{s}");
        assert!(s.ends_with(" word\n */\n"), "{s}");
        assert!(s.lines().all(|l| l.len() <= 100), "{s}");
        assert_eq!(s.matches("word").count(), 40);
    }

    fn sorted(mut v: Vec<PayMethod>) -> Vec<PayMethod> {
        v.sort();
        v
    }
}
