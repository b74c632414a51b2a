//! Payment verification: compare `GET /payments/{imp_uid}` with the order the shop saved.
//!
//! auth-payment-flow.mdx "4. 결제 완료 처리하기" (lines 323-400): the server looks the
//! payment up by `imp_uid`, finds its own order by `merchant_uid`, and compares the amount;
//! then `status` says `ready` (a virtual account was issued) or `paid`. Anything else is not a
//! payment to fulfil. "결제 검증 필수" (335-340): the amount and the other details passed
//! through the buyer's browser, so only this server-side comparison stops tampering.

use crate::rules::tree::{Kind, Tree};
use crate::Lang;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::fmt;

/// What the shop saved when it created the order, to compare the payment with.
///
/// # Examples
/// ```
/// use iamport_pay::server::ExpectedOrder;
/// let order = ExpectedOrder::new("order_0001", 1004).imp_uid("imp_123");
/// assert_eq!(order.amount, 1004);
/// assert_eq!(order.currency, "KRW");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedOrder {
    /// The shop's order id (`merchant_uid`).
    pub merchant_uid: String,
    /// The amount the order costs, in the currency's unit (KRW: won).
    pub amount: u64,
    /// The currency; `"KRW"` unless set (request-pay-params.mdx `currency`: "미입력 시 기본값은
    /// KRW 입니다").
    pub currency: String,
    /// The `imp_uid` the callback or redirect reported, when the shop kept it.
    pub imp_uid: Option<String>,
    /// Whether a virtual account that is issued but not yet paid (`status: "ready"`,
    /// `pay_method: "vbank"`) verifies, as [`PaymentState::VbankIssued`]. Default `true`.
    pub accept_vbank_ready: bool,
}

impl ExpectedOrder {
    /// An order of `amount` KRW under `merchant_uid`.
    pub fn new(merchant_uid: impl Into<String>, amount: u64) -> Self {
        ExpectedOrder {
            merchant_uid: merchant_uid.into(),
            amount,
            currency: "KRW".to_string(),
            imp_uid: None,
            accept_vbank_ready: true,
        }
    }

    /// Sets the currency (`"KRW"`, `"USD"`, …), compared case-sensitively as PortOne writes it.
    pub fn currency(mut self, currency: impl Into<String>) -> Self {
        self.currency = currency.into();
        self
    }

    /// Also requires the payment's `imp_uid` to be this one.
    pub fn imp_uid(mut self, imp_uid: impl Into<String>) -> Self {
        self.imp_uid = Some(imp_uid.into());
        self
    }

    /// Whether an issued, unpaid virtual account verifies (default `true`). Set `false` where
    /// only money received counts, e.g. when the deposit webhook arrives.
    pub fn accept_vbank_ready(mut self, accept: bool) -> Self {
        self.accept_vbank_ready = accept;
        self
    }
}

/// The payment object of `GET /payments/{imp_uid}` (the `response` of PortOne's envelope),
/// with the fields verification reads. Unknown fields are ignored.
///
/// Field names: auth-payment-flow.mdx:380-391 (`amount`, `status`), request-pay-response.mdx
/// (`imp_uid`, `merchant_uid`, `pay_method`, `currency`, `vbank_num`, `vbank_name`,
/// `vbank_holder`, `vbank_date`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Payment {
    /// PortOne's payment id.
    #[serde(default)]
    pub imp_uid: Option<String>,
    /// The shop's order id.
    #[serde(default)]
    pub merchant_uid: Option<String>,
    /// The amount paid, or to be deposited into a virtual account.
    #[serde(default)]
    pub amount: Option<f64>,
    /// The currency code.
    #[serde(default)]
    pub currency: Option<String>,
    /// `ready`, `paid`, `failed` or `cancelled`.
    #[serde(default)]
    pub status: Option<String>,
    /// `card`, `vbank`, …
    #[serde(default)]
    pub pay_method: Option<String>,
    /// Virtual account number (may contain dashes: request-pay-response.mdx:245-247).
    #[serde(default)]
    pub vbank_num: Option<String>,
    /// Virtual account bank name.
    #[serde(default)]
    pub vbank_name: Option<String>,
    /// Virtual account holder (`null` for some PGs: request-pay-response.mdx:257-259).
    #[serde(default)]
    pub vbank_holder: Option<String>,
    /// Deposit deadline, UNIX seconds (request-pay-response.mdx:261-263; a number or a string
    /// of digits).
    #[serde(default, deserialize_with = "unix_opt")]
    pub vbank_date: Option<i64>,
}

fn unix_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => None,
        Some(v) => {
            Some(unix_of(&v).ok_or_else(|| serde::de::Error::custom("expected UNIX seconds"))?)
        }
    })
}

fn unix_of(v: &Value) -> Option<i64> {
    match v.kind() {
        // A whole number, also when written as a float (`0.0`, `1700000000.0`).
        Kind::Number => Tree::as_i64(v).or_else(|| {
            Tree::as_f64(v)
                .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
                .map(|f| f as i64)
        }),
        Kind::String => v.str().and_then(|s| s.trim().parse().ok()),
        _ => None,
    }
}

/// Something [`verify_payment`] can read: a `serde_json::Value` or a typed [`Payment`].
pub trait PaymentData {
    /// The payment's fields, and the fields that had the wrong JSON type.
    fn read(&self) -> (Payment, Vec<Mismatch>);
}

impl PaymentData for Payment {
    fn read(&self) -> (Payment, Vec<Mismatch>) {
        (self.clone(), Vec::new())
    }
}

impl PaymentData for Value {
    /// Reads through the checker's read-only tree (rules/tree.rs), as `check` does.
    fn read(&self) -> (Payment, Vec<Mismatch>) {
        let mut bad = Vec::new();
        if self.kind() != Kind::Object {
            return (Payment::default(), vec![Mismatch::NotAnObject]);
        }
        let field_of = |field: &str| Tree::get(self, field).filter(|v| !Tree::is_null(*v));
        let mut text = |field: &'static str| -> Option<String> {
            let v = field_of(field)?;
            match v.str() {
                Some(s) => Some(s.to_string()),
                None => {
                    bad.push(Mismatch::Malformed { field });
                    None
                }
            }
        };
        let mut p = Payment {
            imp_uid: text("imp_uid"),
            merchant_uid: text("merchant_uid"),
            currency: text("currency"),
            status: text("status"),
            pay_method: text("pay_method"),
            vbank_num: text("vbank_num"),
            vbank_name: text("vbank_name"),
            vbank_holder: text("vbank_holder"),
            ..Payment::default()
        };
        if let Some(v) = field_of("amount") {
            match v.kind() {
                Kind::Number => p.amount = Tree::as_f64(v),
                _ => bad.push(Mismatch::Malformed { field: "amount" }),
            }
        }
        if let Some(v) = field_of("vbank_date") {
            match unix_of(v) {
                Some(t) => p.vbank_date = Some(t),
                None => bad.push(Mismatch::Malformed {
                    field: "vbank_date",
                }),
            }
        }
        (p, bad)
    }
}

/// Why a payment does not match its order. [`VerifyError`] holds every one found.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Mismatch {
    /// The payment is not a JSON object.
    NotAnObject,
    /// A field verification needs is absent or `null`.
    Missing {
        /// Wire name.
        field: &'static str,
    },
    /// A field has the wrong JSON type.
    Malformed {
        /// Wire name.
        field: &'static str,
    },
    /// `imp_uid` is another payment's.
    ImpUid {
        /// From the order.
        expected: String,
        /// From PortOne.
        actual: String,
    },
    /// `merchant_uid` is another order's.
    MerchantUid {
        /// From the order.
        expected: String,
        /// From PortOne.
        actual: String,
    },
    /// `amount` differs from the order: a tampered amount.
    Amount {
        /// From the order.
        expected: u64,
        /// From PortOne.
        actual: f64,
    },
    /// `currency` differs from the order.
    Currency {
        /// From the order.
        expected: String,
        /// From PortOne.
        actual: String,
    },
    /// `status: "cancelled"`.
    Cancelled,
    /// `status: "failed"`.
    Failed,
    /// `status: "ready"` for something other than an issued virtual account (the buyer left
    /// the window), or a virtual account when the order does not accept one that is unpaid.
    NotPaid {
        /// The payment's `pay_method`, if any.
        pay_method: Option<String>,
    },
    /// A `status` PortOne does not document.
    UnknownStatus {
        /// The status.
        status: String,
    },
}

impl Mismatch {
    /// A stable code for this kind of mismatch, e.g. `"amount_mismatch"`.
    pub fn code(&self) -> &'static str {
        match self {
            Mismatch::NotAnObject => "not_an_object",
            Mismatch::Missing { .. } => "missing",
            Mismatch::Malformed { .. } => "invalid_type",
            Mismatch::ImpUid { .. } => "imp_uid_mismatch",
            Mismatch::MerchantUid { .. } => "merchant_uid_mismatch",
            Mismatch::Amount { .. } => "amount_mismatch",
            Mismatch::Currency { .. } => "currency_mismatch",
            Mismatch::Cancelled => "cancelled",
            Mismatch::Failed => "failed",
            Mismatch::NotPaid { .. } => "not_paid",
            Mismatch::UnknownStatus { .. } => "unknown_status",
        }
    }

    /// The wire name of the field this mismatch is about (`""` for the whole payment).
    pub fn field(&self) -> &'static str {
        match self {
            Mismatch::NotAnObject => "",
            Mismatch::Missing { field } | Mismatch::Malformed { field } => field,
            Mismatch::ImpUid { .. } => "imp_uid",
            Mismatch::MerchantUid { .. } => "merchant_uid",
            Mismatch::Amount { .. } => "amount",
            Mismatch::Currency { .. } => "currency",
            Mismatch::Cancelled
            | Mismatch::Failed
            | Mismatch::NotPaid { .. }
            | Mismatch::UnknownStatus { .. } => "status",
        }
    }

    /// The reason in `lang`.
    ///
    /// # Examples
    /// ```
    /// use iamport_pay::{Lang, server::Mismatch};
    /// let m = Mismatch::Amount { expected: 1004, actual: 4.0 };
    /// assert_eq!(m.message(Lang::En),
    ///     "amount is 4 but the order costs 1004: the amount may have been tampered with");
    /// assert_eq!(m.message(Lang::Ko),
    ///     "결제 금액 4이(가) 주문 금액 1004와(과) 다릅니다: 위변조가 의심됩니다");
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        let ko = lang == Lang::Ko;
        match self {
            Mismatch::NotAnObject => pick(
                ko,
                "the payment must be the JSON object of GET /payments/{imp_uid}".into(),
                "결제 정보는 GET /payments/{imp_uid} 응답의 JSON 객체여야 합니다".into(),
            ),
            Mismatch::Missing { field } => pick(
                ko,
                format!("the payment has no {field}"),
                format!("결제 정보에 {field} 값이 없습니다"),
            ),
            Mismatch::Malformed { field } => pick(
                ko,
                format!("the payment's {field} has the wrong JSON type"),
                format!("결제 정보의 {field} 값의 형식(JSON 타입)이 올바르지 않습니다"),
            ),
            Mismatch::ImpUid { expected, actual } => pick(
                ko,
                format!("imp_uid is {actual:?}, not the {expected:?} this order was paid with"),
                format!("imp_uid {actual:?}은(는) 이 주문의 결제번호 {expected:?}가 아닙니다"),
            ),
            Mismatch::MerchantUid { expected, actual } => pick(
                ko,
                format!("the payment belongs to order {actual:?}, not {expected:?}"),
                format!("이 결제는 주문 {expected:?}가 아닌 주문 {actual:?}의 결제입니다"),
            ),
            Mismatch::Amount { expected, actual } => pick(
                ko,
                format!(
                    "amount is {actual} but the order costs {expected}: the amount may have been tampered with"
                ),
                format!("결제 금액 {actual}이(가) 주문 금액 {expected}와(과) 다릅니다: 위변조가 의심됩니다"),
            ),
            Mismatch::Currency { expected, actual } => pick(
                ko,
                format!("currency is {actual} but the order is in {expected}"),
                format!("결제 통화 {actual}이(가) 주문 통화 {expected}와(과) 다릅니다"),
            ),
            Mismatch::Cancelled => pick(
                ko,
                "the payment was cancelled".into(),
                "취소된 결제입니다".into(),
            ),
            Mismatch::Failed => pick(
                ko,
                "the payment failed".into(),
                "실패한 결제입니다".into(),
            ),
            Mismatch::NotPaid { pay_method } if pay_method.as_deref() == Some("vbank") => pick(
                ko,
                "the virtual account is issued but nothing has been deposited yet".into(),
                "가상계좌가 발급되었지만 아직 입금되지 않았습니다".into(),
            ),
            Mismatch::NotPaid { .. } => pick(
                ko,
                "the payment is not paid (status ready: the buyer left the payment window)".into(),
                "결제가 완료되지 않았습니다 (status ready: 결제창 이탈 등 미결제 상태)".into(),
            ),
            Mismatch::UnknownStatus { status } => pick(
                ko,
                format!("status {status:?} is not one PortOne documents (ready, paid, failed, cancelled)"),
                format!("status {status:?}은(는) 포트원이 정의한 상태(ready, paid, failed, cancelled)가 아닙니다"),
            ),
        }
    }
}

fn pick(ko: bool, en: String, ko_text: String) -> String {
    if ko {
        ko_text
    } else {
        en
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// The payment does not match the order: every [`Mismatch`] found, in a fixed order.
#[derive(Clone, Debug, PartialEq)]
pub struct VerifyError {
    /// Every reason, never empty.
    pub mismatches: Vec<Mismatch>,
}

impl VerifyError {
    /// Whether a mismatch with this [`Mismatch::code`] is present.
    pub fn has(&self, code: &str) -> bool {
        self.mismatches.iter().any(|m| m.code() == code)
    }

    /// The codes, in order; handy in tests and logs.
    pub fn codes(&self) -> Vec<&'static str> {
        self.mismatches.iter().map(Mismatch::code).collect()
    }

    /// Every reason in `lang`, joined with `"; "`.
    pub fn message(&self, lang: Lang) -> String {
        let parts: Vec<String> = self.mismatches.iter().map(|m| m.message(lang)).collect();
        parts.join("; ")
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for VerifyError {}

/// A virtual account that was issued and awaits the deposit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VbankAccount {
    /// `vbank_num`: the account number, as PortOne gave it (may contain dashes).
    pub num: String,
    /// `vbank_name`: the bank.
    pub bank_name: String,
    /// `vbank_holder`, when the PG gives one.
    pub holder: Option<String>,
    /// `vbank_date`: deposit deadline, UNIX seconds.
    pub due: i64,
}

/// Whether the verified payment is complete or awaits a virtual-account deposit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentState {
    /// `status: "paid"`: fulfil the order.
    Paid,
    /// `status: "ready"` with `pay_method: "vbank"`: show the account to the buyer and wait
    /// for the deposit webhook (auth-payment-flow.mdx:382-385).
    VbankIssued(VbankAccount),
}

/// A payment that matches its order.
#[derive(Clone, Debug, PartialEq)]
pub struct Verified {
    /// PortOne's payment id.
    pub imp_uid: String,
    /// The order id.
    pub merchant_uid: String,
    /// The amount, equal to the order's.
    pub amount: u64,
    /// The currency, equal to the order's.
    pub currency: String,
    /// `pay_method`, when present.
    pub pay_method: Option<String>,
    /// Paid, or awaiting a deposit.
    pub state: PaymentState,
}

/// The `response` object of PortOne's `{ "code": 0, "message": …, "response": {…} }`
/// envelope, or `None` when `code` is not 0 or `response` is not an object.
///
/// # Examples
/// ```
/// use iamport_pay::server::unwrap_response;
/// let body = serde_json::json!({"code": 0, "message": null, "response": {"status": "paid"}});
/// assert_eq!(unwrap_response(&body).unwrap()["status"], "paid");
/// assert!(unwrap_response(&serde_json::json!({"code": -1, "response": null})).is_none());
/// ```
pub fn unwrap_response(envelope: &Value) -> Option<&Value> {
    let code = envelope.get("code")?.as_i64()?;
    let response = envelope.get("response")?;
    (code == 0 && response.is_object()).then_some(response)
}

/// Compares a payment from `GET /payments/{imp_uid}` with the order the shop saved.
///
/// Checks, each reported separately so that every problem shows at once:
/// - `imp_uid` is present, and equal to [`ExpectedOrder::imp_uid`] when set;
/// - `merchant_uid` is the order's;
/// - `amount` is the order's, and `currency` too (absent means KRW);
/// - `status` is `paid`, or `ready` for a `vbank` payment with its account
///   (`vbank_num`, `vbank_name`, `vbank_date`) when the order accepts that.
///
/// # Examples
/// ```
/// use iamport_pay::server::{verify_payment, ExpectedOrder, PaymentState};
/// let payment = serde_json::json!({
///     "imp_uid": "imp_347242536261", "merchant_uid": "57008833-33004",
///     "amount": 1004, "currency": "KRW", "status": "paid", "pay_method": "card"
/// });
/// let ok = verify_payment(&payment, &ExpectedOrder::new("57008833-33004", 1004)).unwrap();
/// assert_eq!(ok.state, PaymentState::Paid);
///
/// let err = verify_payment(&payment, &ExpectedOrder::new("57008833-33004", 50000)).unwrap_err();
/// assert_eq!(err.codes(), ["amount_mismatch"]);
/// ```
///
/// # Errors
/// [`VerifyError`] with every [`Mismatch`] when the payment is not one to fulfil for this order.
pub fn verify_payment<P: PaymentData + ?Sized>(
    payment: &P,
    expected: &ExpectedOrder,
) -> Result<Verified, VerifyError> {
    let (p, mut bad) = payment.read();
    if bad.contains(&Mismatch::NotAnObject) {
        return Err(VerifyError { mismatches: bad });
    }
    let mut out = Vec::new();
    let malformed = |field: &str, bad: &[Mismatch]| {
        bad.iter()
            .any(|m| matches!(m, Mismatch::Malformed { field: f } if *f == field))
    };

    // imp_uid: the id the server looked up (auth-payment-flow.mdx:369-373); when the shop kept
    // the one the callback reported, a different one is another payment.
    match (&p.imp_uid, &expected.imp_uid) {
        (None, _) if !malformed("imp_uid", &bad) => {
            out.push(Mismatch::Missing { field: "imp_uid" })
        }
        (Some(actual), Some(exp)) if actual != exp => out.push(Mismatch::ImpUid {
            expected: exp.clone(),
            actual: actual.clone(),
        }),
        _ => {}
    }

    // merchant_uid: the order is found by it (auth-payment-flow.mdx:379 "OrderService.
    // findById(merchant_uid)"; 163-167: the id is kept for "위변조 대사").
    match &p.merchant_uid {
        None if !malformed("merchant_uid", &bad) => out.push(Mismatch::Missing {
            field: "merchant_uid",
        }),
        Some(actual) if *actual != expected.merchant_uid => out.push(Mismatch::MerchantUid {
            expected: expected.merchant_uid.clone(),
            actual: actual.clone(),
        }),
        _ => {}
    }

    // amount: "고객사 내부 주문 데이터의 가격과 실제 지불된 금액을 비교" — a different amount
    // means "결제 금액이 불일치하여 위/변조 시도가 의심됩니다" (auth-payment-flow.mdx:378-394).
    match p.amount {
        None if !malformed("amount", &bad) => out.push(Mismatch::Missing { field: "amount" }),
        Some(actual) if actual != expected.amount as f64 => out.push(Mismatch::Amount {
            expected: expected.amount,
            actual,
        }),
        _ => {}
    }

    // currency: an amount is only equal in the same currency; request-pay-params.mdx
    // `currency` "미입력 시 기본값은 KRW", so an absent currency is KRW.
    if !malformed("currency", &bad) {
        let actual = p.currency.as_deref().unwrap_or("KRW");
        if actual != expected.currency {
            out.push(Mismatch::Currency {
                expected: expected.currency.clone(),
                actual: actual.to_string(),
            });
        }
    }

    // status (auth-payment-flow.mdx:381-390; request-pay-response.mdx:108-114): `paid` is
    // complete; `ready` is "가상계좌 발급 완료 등 미결제 상태" — only a vbank with its account
    // (request-pay-response.mdx:241-263) is a state to act on; `failed` is a failure.
    // `cancelled` is the REST API's status for a cancelled payment (PortOne REST V1
    // reference, GET /payments/{imp_uid}, `status` enum: ready, paid, cancelled, failed).
    let mut state = None;
    match p.status.as_deref() {
        None if !malformed("status", &bad) => out.push(Mismatch::Missing { field: "status" }),
        None => {}
        Some("paid") => state = Some(PaymentState::Paid),
        Some("ready")
            if p.pay_method.as_deref() == Some("vbank") && expected.accept_vbank_ready =>
        {
            let mut account_ok = true;
            for (field, present) in [
                (
                    "vbank_num",
                    p.vbank_num.as_deref().is_some_and(|s| !s.is_empty()),
                ),
                (
                    "vbank_name",
                    p.vbank_name.as_deref().is_some_and(|s| !s.is_empty()),
                ),
                ("vbank_date", p.vbank_date.is_some()),
            ] {
                if !present {
                    account_ok = false;
                    if !malformed(field, &bad) {
                        out.push(Mismatch::Missing { field });
                    }
                }
            }
            if account_ok {
                state = Some(PaymentState::VbankIssued(VbankAccount {
                    num: p.vbank_num.clone().unwrap_or_default(),
                    bank_name: p.vbank_name.clone().unwrap_or_default(),
                    holder: p.vbank_holder.clone(),
                    due: p.vbank_date.unwrap_or_default(),
                }));
            }
        }
        Some("ready") => out.push(Mismatch::NotPaid {
            pay_method: p.pay_method.clone(),
        }),
        Some("failed") => out.push(Mismatch::Failed),
        Some("cancelled") => out.push(Mismatch::Cancelled),
        Some(other) => out.push(Mismatch::UnknownStatus {
            status: other.to_string(),
        }),
    }

    // A wrong type counts only in a field this verdict reads: the account fields and
    // pay_method only for `ready` (a card payment's stray `vbank_date: ""` is not a reason).
    let ready = p.status.as_deref() == Some("ready") || malformed("status", &bad);
    bad.retain(|m| match m {
        Mismatch::Malformed { field } => {
            ready
                || !matches!(
                    *field,
                    "pay_method" | "vbank_num" | "vbank_name" | "vbank_holder" | "vbank_date"
                )
        }
        _ => true,
    });
    bad.append(&mut out);
    match state {
        Some(state) if bad.is_empty() => Ok(Verified {
            imp_uid: p.imp_uid.unwrap_or_default(),
            merchant_uid: expected.merchant_uid.clone(),
            amount: expected.amount,
            currency: expected.currency.clone(),
            pay_method: p.pay_method,
            state,
        }),
        _ => Err(VerifyError { mismatches: bad }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn typed_and_json_payments_agree() {
        let v = json!({"imp_uid": "i", "merchant_uid": "m", "amount": 10, "status": "paid",
                       "vbank_date": "1700000000"});
        let typed: Payment = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(typed.vbank_date, Some(1_700_000_000));
        assert_eq!(v.read(), (typed.clone(), vec![]));
        let order = ExpectedOrder::new("m", 10);
        assert_eq!(verify_payment(&v, &order), verify_payment(&typed, &order));
    }

    #[test]
    fn stray_types_outside_the_verdict_do_not_count() {
        let card = json!({"imp_uid": "i", "merchant_uid": "m", "amount": 10.0, "status": "paid",
                          "pay_method": "card", "vbank_date": "", "vbank_num": 0, "vbank_holder": 1});
        assert!(verify_payment(&card, &ExpectedOrder::new("m", 10)).is_ok());
        let float_zero = json!({"imp_uid": "i", "merchant_uid": "m", "amount": 10, "status": "paid",
                                "vbank_date": 0.0});
        assert!(verify_payment(&float_zero, &ExpectedOrder::new("m", 10)).is_ok());
        // For a virtual account they are read, and reported.
        let vbank = json!({"imp_uid": "i", "merchant_uid": "m", "amount": 10, "status": "ready",
                           "pay_method": "vbank", "vbank_num": 5, "vbank_name": "KB",
                           "vbank_date": 1_700_000_000.0});
        let err = verify_payment(&vbank, &ExpectedOrder::new("m", 10)).unwrap_err();
        assert_eq!(err.codes(), ["invalid_type"]);
        assert_eq!(err.mismatches[0].field(), "vbank_num");
    }

    #[test]
    fn wrong_types_are_reported_once() {
        let v = json!({"imp_uid": 5, "merchant_uid": "m", "amount": "10", "status": "paid"});
        let err = verify_payment(&v, &ExpectedOrder::new("m", 10)).unwrap_err();
        assert_eq!(err.codes(), ["invalid_type", "invalid_type"]);
        assert_eq!(err.mismatches[0].field(), "imp_uid");
        assert_eq!(err.mismatches[1].field(), "amount");
    }
}
