//! Typed `response` objects. Every reader is lenient: an unknown field is ignored, a `null`
//! or a field of an unexpected JSON type reads as `None` (and verification, which reads the
//! same JSON, reports the wrong type as [`Mismatch::Malformed`](crate::server::Mismatch)),
//! and the whole object stays available as `json`.

use crate::server::{Mismatch, Payment, PaymentData};
use serde_json::{Map, Value};
use std::fmt;

fn text(o: &Map<String, Value>, k: &str) -> Option<String> {
    o.get(k).and_then(Value::as_str).map(str::to_string)
}

fn num(o: &Map<String, Value>, k: &str) -> Option<f64> {
    o.get(k).and_then(Value::as_f64)
}

/// UNIX seconds: a number, or a string of digits; `0` (PortOne's "never") reads as `None`.
fn time(o: &Map<String, Value>, k: &str) -> Option<i64> {
    let v = match o.get(k)? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }?;
    (v != 0).then_some(v)
}

/// Prints how many fields an object has, never their values (buyer data, card numbers).
struct Fields<'a>(&'a Value);

impl fmt::Debug for Fields<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_object() {
            Some(o) => write!(f, "<{} fields>", o.len()),
            None => f.write_str("<not an object>"),
        }
    }
}

/// A payment as `GET /payments/{imp_uid}` (and cancel, billing charges) returns it.
///
/// `payment` holds the fields verification reads; the other fields a shop commonly stores are
/// here too. `Debug` leaves out `json`, which holds buyer data (STYLE.md: `Debug` redacts
/// personal data).
#[derive(Clone, PartialEq)]
pub struct PaymentInfo {
    /// `imp_uid`, `merchant_uid`, `amount`, `currency`, `status`, `pay_method`, `vbank_*`.
    pub payment: Payment,
    /// `name`: the order name.
    pub name: Option<String>,
    /// `pg_provider`, e.g. `"html5_inicis"`.
    pub pg_provider: Option<String>,
    /// `pg_tid`: the PG's transaction id.
    pub pg_tid: Option<String>,
    /// `paid_at`, UNIX seconds (`None` when `0`: not paid).
    pub paid_at: Option<i64>,
    /// `failed_at`, UNIX seconds.
    pub failed_at: Option<i64>,
    /// `cancelled_at`, UNIX seconds.
    pub cancelled_at: Option<i64>,
    /// `cancel_amount`: the amount cancelled so far.
    pub cancel_amount: Option<f64>,
    /// `fail_reason`.
    pub fail_reason: Option<String>,
    /// `cancel_reason`.
    pub cancel_reason: Option<String>,
    /// `receipt_url`.
    pub receipt_url: Option<String>,
    /// `customer_uid`: the billing key a billing charge used.
    pub customer_uid: Option<String>,
    /// The whole object as PortOne sent it.
    pub json: Value,
}

impl PaymentInfo {
    /// Reads a payment object; `None` when `json` is not an object.
    pub fn from_json(json: Value) -> Option<Self> {
        let o = json.as_object()?;
        let (payment, _) = json.read();
        Some(PaymentInfo {
            payment,
            name: text(o, "name"),
            pg_provider: text(o, "pg_provider"),
            pg_tid: text(o, "pg_tid"),
            paid_at: time(o, "paid_at"),
            failed_at: time(o, "failed_at"),
            cancelled_at: time(o, "cancelled_at"),
            cancel_amount: num(o, "cancel_amount"),
            fail_reason: text(o, "fail_reason"),
            cancel_reason: text(o, "cancel_reason"),
            receipt_url: text(o, "receipt_url"),
            customer_uid: text(o, "customer_uid"),
            json,
        })
    }

    /// `status`, when present.
    pub fn status(&self) -> Option<&str> {
        self.payment.status.as_deref()
    }
}

/// Verification reads the JSON as PortOne sent it, so a wrong type is reported as such.
impl PaymentData for PaymentInfo {
    fn read(&self) -> (Payment, Vec<Mismatch>) {
        self.json.read()
    }
}

impl fmt::Debug for PaymentInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PaymentInfo")
            .field("payment", &self.payment)
            .field("pg_provider", &self.pg_provider)
            .field("paid_at", &self.paid_at)
            .field("cancel_amount", &self.cancel_amount)
            .field("json", &Fields(&self.json))
            .finish_non_exhaustive()
    }
}

/// `POST /payments/prepare` and `GET /payments/prepare/{merchant_uid}`: the amount PortOne
/// will hold the payment window of `merchant_uid` to.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    /// The order id.
    pub merchant_uid: Option<String>,
    /// The registered amount.
    pub amount: Option<f64>,
    /// The whole object.
    pub json: Value,
}

impl Prepared {
    pub(crate) fn from_json(json: Value) -> Option<Self> {
        let o = json.as_object()?;
        Some(Prepared {
            merchant_uid: text(o, "merchant_uid"),
            amount: num(o, "amount"),
            json,
        })
    }
}

/// A billing key (`/subscribe/customers/{customer_uid}`): which card is behind it, never the
/// card data (PortOne returns a masked number; `Debug` leaves it and `json` out).
#[derive(Clone, PartialEq)]
pub struct BillingKeyInfo {
    /// The key's id.
    pub customer_uid: Option<String>,
    /// `pg_provider`.
    pub pg_provider: Option<String>,
    /// `pg_id`: the MID.
    pub pg_id: Option<String>,
    /// `card_name`, e.g. `"신한카드"`.
    pub card_name: Option<String>,
    /// `card_code`.
    pub card_code: Option<String>,
    /// `card_number`, masked by PortOne.
    pub card_number: Option<String>,
    /// `inserted`, UNIX seconds.
    pub inserted: Option<i64>,
    /// `updated`, UNIX seconds.
    pub updated: Option<i64>,
    /// The whole object.
    pub json: Value,
}

impl BillingKeyInfo {
    pub(crate) fn from_json(json: Value) -> Option<Self> {
        let o = json.as_object()?;
        Some(BillingKeyInfo {
            customer_uid: text(o, "customer_uid"),
            pg_provider: text(o, "pg_provider"),
            pg_id: text(o, "pg_id"),
            card_name: text(o, "card_name"),
            card_code: text(o, "card_code"),
            card_number: text(o, "card_number"),
            inserted: time(o, "inserted"),
            updated: time(o, "updated"),
            json,
        })
    }
}

impl fmt::Debug for BillingKeyInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BillingKeyInfo")
            .field("customer_uid", &self.customer_uid)
            .field("pg_provider", &self.pg_provider)
            .field("card_name", &self.card_name)
            .field("json", &Fields(&self.json))
            .finish_non_exhaustive()
    }
}

/// A cash receipt (`/receipts/{imp_uid}`, `/receipts/external/{merchant_uid}`).
#[derive(Clone, PartialEq)]
pub struct ReceiptInfo {
    /// `imp_uid` of the payment, or of the external receipt.
    pub imp_uid: Option<String>,
    /// `receipt_tid`: the PG's receipt id.
    pub receipt_tid: Option<String>,
    /// `apply_num`: the approval number.
    pub apply_num: Option<String>,
    /// `receipt_url`.
    pub receipt_url: Option<String>,
    /// `amount`.
    pub amount: Option<f64>,
    /// The whole object.
    pub json: Value,
}

impl ReceiptInfo {
    pub(crate) fn from_json(json: Value) -> Option<Self> {
        let o = json.as_object()?;
        Some(ReceiptInfo {
            imp_uid: text(o, "imp_uid"),
            receipt_tid: text(o, "receipt_tid"),
            apply_num: text(o, "apply_num"),
            receipt_url: text(o, "receipt_url"),
            amount: num(o, "amount"),
            json,
        })
    }
}

impl fmt::Debug for ReceiptInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReceiptInfo")
            .field("imp_uid", &self.imp_uid)
            .field("receipt_tid", &self.receipt_tid)
            .field("apply_num", &self.apply_num)
            .field("amount", &self.amount)
            .field("json", &Fields(&self.json))
            .finish_non_exhaustive()
    }
}

/// Registered escrow logistics (`/escrows/logis/{imp_uid}`).
#[derive(Clone, PartialEq)]
pub struct EscrowInfo {
    /// `company`: the carrier code.
    pub company: Option<String>,
    /// `invoice`: the tracking number.
    pub invoice: Option<String>,
    /// `sent_at`, UNIX seconds.
    pub sent_at: Option<i64>,
    /// `applied_at`: when PortOne registered it, UNIX seconds.
    pub applied_at: Option<i64>,
    /// The whole object.
    pub json: Value,
}

impl EscrowInfo {
    pub(crate) fn from_json(json: Value) -> Option<Self> {
        let o = json.as_object()?;
        Some(EscrowInfo {
            company: text(o, "company"),
            invoice: text(o, "invoice"),
            sent_at: time(o, "sent_at"),
            applied_at: time(o, "applied_at"),
            json,
        })
    }
}

impl fmt::Debug for EscrowInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EscrowInfo")
            .field("company", &self.company)
            .field("invoice", &self.invoice)
            .field("sent_at", &self.sent_at)
            .field("json", &Fields(&self.json))
            .finish_non_exhaustive()
    }
}
