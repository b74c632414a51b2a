//! The shop server's half of a PortOne V1 integration (cargo feature `server`, native only).
//!
//! Every guide ends with work that must happen on the shop's server. This module holds it,
//! without an HTTP client: it checks what PortOne returned and builds the JSON bodies the
//! server sends, and the caller brings its own client and access token.
//!
//! | call | type | source |
//! | --- | --- | --- |
//! | `GET /payments/{imp_uid}` → verify | [`verify_payment`], [`ExpectedOrder`] | auth-payment-flow.mdx "4. 결제 완료 처리하기" |
//! | `POST /subscribe/payments/again` | [`AgainPayment`] | 000:80,104-106; ksnet.mdx:317-321 |
//! | `POST /subscribe/payments/onetime` | [`OnetimePayment`] | 000:83-99; non-auth-billing.mdx:45-66 |
//! | `POST /subscribe/customers/{customer_uid}` | [`BillingKey`] | 000:88-91; non-auth-billing.mdx:111-132 |
//! | `POST /payments/cancel` | [`CancelPayment`] | 002:93-94; 000:134-135 |
//! | `POST /receipts/{imp_uid}` | [`Receipt`] | 002:95-102; ksnet.mdx:333-345 |
//! | `POST /receipts/external/{merchant_uid}` | [`ExternalReceipt`] | 002:103-111; ksnet.mdx:347-359 |
//! | `POST` / `PUT /escrows/logis/{imp_uid}` | [`EscrowLogis`] | 004:192-199; daou.mdx:373-397 |
//!
//! Card data (`card_number`, `expiry`, `birth`, `pwd_2digit`) exists only here, in
//! [`CardData`], whose `Debug` never prints it. The wasm package is built without this
//! feature, so none of this code or data reaches the browser.
//!
//! Each body type has `validate(provider)` returning a [`Report`] with every issue, a builder
//! whose `build()` runs it, and `path()` / [`RestCall::METHOD`] for the request line.

// Card data must never reach the browser (issue 9: "never compiled into the wasm package";
// API.md `forbidden_field`): the feature refuses to build for wasm32 at all. Rustdoc may
// document it there (docs.rs builds the wasm32 page with every feature): that makes no wasm.
#[cfg(all(target_arch = "wasm32", not(doc)))]
compile_error!(
    "the `server` feature of iamport-pay is native only: card data and REST bodies must never be compiled into WebAssembly"
);

/// Setters for the `Option` fields of a body, named after the wire field.
macro_rules! setters {
    ($builder:ident . $body:ident { $($(#[$doc:meta])* $name:ident: $ty:ty,)* }) => {
        impl $builder {
            $($(#[$doc])* pub fn $name(mut self, value: impl Into<$ty>) -> Self {
                self.$body.$name = Some(value.into());
                self
            })*
        }
    };
}

/// Setters for `Option` fields whose value is given as is (amounts, enums), so that literals
/// such as `.amount(1000)` infer their type.
macro_rules! value_setters {
    ($builder:ident . $body:ident { $($(#[$doc:meta])* $name:ident: $ty:ty,)* }) => {
        impl $builder {
            $($(#[$doc])* pub fn $name(mut self, value: $ty) -> Self {
                self.$body.$name = Some(value);
                self
            })*
        }
    };
}

/// A `Debug` that prints `secret` fields as `<redacted>` (STYLE.md: `Debug` redacts buyer
/// personal data; the issue: card fields never show in logs).
macro_rules! redacted_debug {
    ($ty:ident { $($plain:ident),* ; $($secret:ident),* }) => {
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let mut d = f.debug_struct(stringify!($ty));
                $(d.field(stringify!($plain), &self.$plain);)*
                $(d.field(stringify!($secret), &$crate::server::Redacted(&self.$secret));)*
                d.finish()
            }
        }
    };
}

mod billing;
mod cancel;
mod escrow;
mod receipt;
mod verify;

pub use billing::{
    AgainPayment, AgainPaymentBuilder, BillingKey, BillingKeyBuilder, CardData, OnetimePayment,
    OnetimePaymentBuilder, ProductType,
};
pub use cancel::{CancelPayment, CancelPaymentBuilder};
pub use escrow::{EscrowLogis, EscrowLogisBuilder, Logis, Receiver, Sender};
pub use receipt::{
    ExternalReceipt, ExternalReceiptBuilder, IdentifierType, Receipt, ReceiptBuilder, ReceiptType,
};
pub use verify::{
    unwrap_response, verify_payment, ExpectedOrder, Mismatch, Payment, PaymentData, PaymentState,
    VbankAccount, Verified, VerifyError,
};

use crate::rules::ctx::MAX_SAFE;
use crate::{Code, Issue, Msg, Provider, Report};
use serde::Serialize;

/// A PortOne V1 REST call whose JSON body is `Self`.
pub trait RestCall: Serialize {
    /// The HTTP method, e.g. `"POST"`.
    const METHOD: &'static str;

    /// The path after `https://api.iamport.kr`, with path parameters percent-encoded.
    fn path(&self) -> String;

    /// The JSON body.
    fn body(&self) -> serde_json::Value {
        // These types hold only strings, integers, booleans and maps with string keys, which
        // serde_json always serializes; `Null` is unreachable but keeps this panic-free.
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// The base URL every path is relative to (the host of every curl sample, e.g. 000:80).
pub const API_BASE: &str = "https://api.iamport.kr";

/// Prints a secret as `<redacted>` (or `None`), never its value.
pub(crate) struct Redacted<'a, T: ?Sized>(pub &'a T);

impl std::fmt::Debug for Redacted<'_, String> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

impl std::fmt::Debug for Redacted<'_, Option<String>> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(_) => f.write_str("Some(<redacted>)"),
            None => f.write_str("None"),
        }
    }
}

/// Percent-encodes one path segment (RFC 3986 unreserved characters stay as they are).
pub(crate) fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The provider a `pg` value names, if it names one (`"ksnet"`, `"html5_inicis.MID"`).
pub(crate) fn provider_of(pg: Option<&str>) -> Option<Provider> {
    pg.and_then(|pg| Provider::from_pg(pg).ok())
}

/// `field` is present and not blank.
pub(crate) fn require(report: &mut Report, path: &str, value: Option<&str>) {
    if value.is_none_or(|v| v.trim().is_empty()) {
        report.push(Issue::new(path, Code::Required, Msg::Required));
    }
}

/// `field` is required by `pg` (a PG note says so).
pub(crate) fn require_by(report: &mut Report, path: &str, value: Option<&str>, pg: Provider) {
    if value.is_none_or(|v| v.trim().is_empty()) {
        report.push(Issue::new(path, Code::Required, Msg::RequiredBy).pg(Some(pg)));
    }
}

/// A string limit in characters (request-pay-params.mdx: `merchant_uid` and `name` ≤ 40).
pub(crate) fn max_chars(report: &mut Report, path: &str, value: Option<&str>, limit: usize) {
    if value.is_some_and(|v| v.chars().count() > limit) {
        report.push(Issue::new(path, Code::TooLong, Msg::TooLongChars).arg(limit.to_string()));
    }
}

/// Amount rules shared by every body that carries `amount` / `tax_free` / `vat_amount`.
///
/// - Integers, not strings (000:41-44 "amount *integer … string 이 아닌점에 유의하세요"): the
///   types make them `u64`; JSON numbers above 2^53 − 1 cannot be exact in PortOne's JS-era
///   API, so they are reported like `check` does (rules/ctx.rs `MAX_SAFE`).
/// - `tax_free` ≤ `amount` and `vat_amount` ≤ `amount − tax_free` (the same rule as the
///   request_pay check, request-pay-params.mdx `tax_free` / `vat_amount`).
pub(crate) fn amounts(
    report: &mut Report,
    amount: Option<u64>,
    tax_free: Option<u64>,
    vat_amount: Option<u64>,
) {
    for (path, v) in [
        ("amount", amount),
        ("tax_free", tax_free),
        ("vat_amount", vat_amount),
    ] {
        if v.is_some_and(|v| v > MAX_SAFE) {
            report.push(Issue::new(path, Code::OutOfRange, Msg::UnsafeInteger));
        }
    }
    if let (Some(a), Some(t)) = (amount, tax_free) {
        if t > a {
            report.push(Issue::new(
                "tax_free",
                Code::OutOfRange,
                Msg::TaxFreeOverAmount,
            ));
        }
    }
    if let (Some(a), Some(v)) = (amount, vat_amount) {
        if v > a.saturating_sub(tax_free.unwrap_or(0)) {
            report.push(Issue::new(
                "vat_amount",
                Code::OutOfRange,
                Msg::VatOverTaxable,
            ));
        }
    }
}

/// `Ok(value)` when `report` has no error.
pub(crate) fn finish<T>(value: T, report: Report) -> Result<T, Report> {
    if report.is_ok() {
        Ok(value)
    } else {
        Err(report)
    }
}

/// Serde helpers for amounts that some samples write as strings.
pub(crate) mod amount_serde {
    use serde::{Deserialize, Deserializer};

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumOrText {
        Num(u64),
        Text(String),
    }

    /// Reads `3000` or `"3000"` (ksnet.mdx:357 writes `"tax_free": "3000"`); always written
    /// back as a number, like `check` normalizes KSNET's string `amount` (`coerced`).
    pub fn opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        match Option::<NumOrText>::deserialize(d)? {
            None => Ok(None),
            Some(NumOrText::Num(n)) => Ok(Some(n)),
            Some(NumOrText::Text(s)) => s
                .trim()
                .parse::<u64>()
                .map(Some)
                .map_err(|_| serde::de::Error::custom("expected a whole amount")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_encodes_reserved_bytes() {
        assert_eq!(
            segment("your-customer-unique-id"),
            "your-customer-unique-id"
        );
        assert_eq!(segment("a/b c"), "a%2Fb%20c");
        assert_eq!(segment("주문"), "%EC%A3%BC%EB%AC%B8");
    }

    #[test]
    fn amounts_report_every_problem() {
        let mut r = Report::new();
        amounts(&mut r, Some(100), Some(200), Some(50));
        assert_eq!(
            r.pairs(),
            [
                ("tax_free".to_string(), "out_of_range"),
                ("vat_amount".to_string(), "out_of_range")
            ]
        );
        let mut r = Report::new();
        amounts(&mut r, Some(MAX_SAFE + 1), None, None);
        assert!(r.has("amount", Code::OutOfRange));
        let mut r = Report::new();
        amounts(&mut r, Some(1000), Some(0), Some(0));
        assert!(r.is_ok());
    }
}
