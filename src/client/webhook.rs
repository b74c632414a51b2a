//! Webhooks (`notice_url`): PortOne's server-to-server notice that a payment changed.
//!
//! auth-payment-flow.mdx:220-224: "최종 결제 결과 처리는 반드시 웹훅을 이용하여 안정적으로
//! 처리해 주셔야 합니다 … 웹훅 연동을 생략하시는 경우 결제 결과를 정상적으로 수신받지 못하는
//! 상황이 발생합니다". The URL is set in PortOne's console or per payment with `notice_url`
//! (request-pay-params.mdx:294-299; a per-payment URL replaces the console's). The body
//! carries `imp_uid` and `merchant_uid` (non-auth-billing.mdx:305-306, and the server sample
//! there reads `imp_uid` from `req.body`, 319) plus `status`; Inicis' escrow notice adds `event`
//! and `extra` (inicis.mdx:626-653).
//!
//! **Never trust the body.** Anyone can POST it. [`handle`] takes only `imp_uid` from it,
//! fetches the payment from PortOne, finds the shop's order by the fetched `merchant_uid`,
//! verifies, and settles through the shop's [`Shop`], once per `imp_uid` and state.
//!
//! **Replies** ([`WebhookOutcome::http_status`]):
//! - Answer quickly: verify and record, then reply; do slow work (mail, shipping) afterwards.
//! - `200` once the outcome is final: settled, a repeat of a settled notice, or a payment
//!   that does not match (retrying cannot change that; alert a human).
//! - `5xx` when the outcome is unknown (PortOne unreachable, the shop's store failed). The
//!   guides do not say whether PortOne sends a notice again after a failed reply, so do not
//!   rely on it: also reconcile open orders with [`Client::find_payment`] later.
//! - The same notice may arrive more than once, and a virtual account gives two (`ready` when
//!   issued, `paid` on deposit): settle by (`imp_uid`, state), never twice.
//!
//! The demo server (`examples/server`) has an axum route; the README's server section shows
//! the same in 15 lines.

use super::{Client, Error, PaymentInfo};
use crate::server::{verify_payment, ExpectedOrder, PaymentState, Verified, VerifyError};
use serde::Deserialize;
use std::fmt;
use std::future::Future;

/// A webhook body: `{"imp_uid": …, "merchant_uid": …, "status": …}`, as JSON or
/// `application/x-www-form-urlencoded` (PortOne's console offers both). Unknown fields are
/// ignored. Only `imp_uid` is required; nothing in it is trusted.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct WebhookBody {
    /// PortOne's payment id: the one field [`handle`] uses, to fetch the payment.
    pub imp_uid: String,
    /// The order id, as the sender claims.
    #[serde(default)]
    pub merchant_uid: Option<String>,
    /// `ready`, `paid`, `failed`, `cancelled`, as the sender claims.
    #[serde(default)]
    pub status: Option<String>,
    /// Present on special notices, e.g. `"Inicis.Escrow.Changed"` (inicis.mdx:631).
    #[serde(default)]
    pub event: Option<String>,
}

/// The webhook body could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookBodyError(pub String);

impl fmt::Display for WebhookBodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "webhook body: {}", self.0)
    }
}

impl std::error::Error for WebhookBodyError {}

impl WebhookBody {
    /// Reads a JSON body.
    ///
    /// # Errors
    /// [`WebhookBodyError`] when it is not a JSON object with a non-empty string `imp_uid`.
    pub fn from_json(body: &[u8]) -> Result<Self, WebhookBodyError> {
        let b: WebhookBody = serde_json::from_slice(body)
            .map_err(|e| WebhookBodyError(format!("not the JSON PortOne sends: {e}")))?;
        b.checked()
    }

    /// Reads a form-encoded body (`imp_uid=…&merchant_uid=…&status=paid`).
    ///
    /// # Errors
    /// [`WebhookBodyError`] when `imp_uid` is missing or empty.
    pub fn from_form(body: &[u8]) -> Result<Self, WebhookBodyError> {
        let mut b = WebhookBody {
            imp_uid: String::new(),
            merchant_uid: None,
            status: None,
            event: None,
        };
        for (k, v) in form_urlencoded::parse(body) {
            match &*k {
                "imp_uid" => b.imp_uid = v.into_owned(),
                "merchant_uid" => b.merchant_uid = Some(v.into_owned()),
                "status" => b.status = Some(v.into_owned()),
                "event" => b.event = Some(v.into_owned()),
                _ => {}
            }
        }
        b.checked()
    }

    /// Reads a body by its `Content-Type`: form-encoded when it says so, JSON when it says
    /// so, otherwise by its first character (`{` is JSON).
    ///
    /// # Examples
    /// ```
    /// use iamport_pay::client::webhook::WebhookBody;
    /// let a = WebhookBody::parse(Some("application/json"),
    ///     br#"{"imp_uid":"imp_1","merchant_uid":"o_1","status":"paid","extra":{}}"#).unwrap();
    /// let b = WebhookBody::parse(Some("application/x-www-form-urlencoded"),
    ///     b"imp_uid=imp_1&merchant_uid=o_1&status=paid").unwrap();
    /// assert_eq!(a, b);
    /// assert!(WebhookBody::parse(None, b"merchant_uid=o_1").is_err());
    /// ```
    ///
    /// # Errors
    /// [`WebhookBodyError`] when the body has no `imp_uid`.
    pub fn parse(content_type: Option<&str>, body: &[u8]) -> Result<Self, WebhookBodyError> {
        let ct = content_type.unwrap_or("").to_ascii_lowercase();
        if ct.contains("x-www-form-urlencoded") {
            Self::from_form(body)
        } else if ct.contains("json") || body.trim_ascii_start().starts_with(b"{") {
            Self::from_json(body)
        } else {
            Self::from_form(body)
        }
    }

    fn checked(self) -> Result<Self, WebhookBodyError> {
        if self.imp_uid.trim().is_empty() {
            return Err(WebhookBodyError("imp_uid is missing or empty".into()));
        }
        Ok(self)
    }
}

/// The shop's side of [`handle`]: its orders and its settle step.
pub trait Shop: Sync {
    /// The store's error.
    type Error: fmt::Display;

    /// The order saved under `merchant_uid` (the amount the server priced), or `None` when
    /// the shop has no such order.
    fn order(
        &self,
        merchant_uid: &str,
    ) -> impl Future<Output = Result<Option<ExpectedOrder>, Self::Error>> + Send;

    /// Records a verified payment, at most once per ([`Verified::imp_uid`], [`settle_key`]):
    /// `Ok(true)` when this call recorded it, `Ok(false)` when it was recorded before (a
    /// repeated notice, or the browser's `/payments/complete` got there first). Do it in one
    /// atomic step (`INSERT … ON CONFLICT DO NOTHING`), not a read then a write.
    fn settle(
        &self,
        verified: &Verified,
        payment: &PaymentInfo,
    ) -> impl Future<Output = Result<bool, Self::Error>> + Send;
}

/// The idempotency key of a verified payment: `"imp_123:paid"` or `"imp_123:vbank_issued"`
/// (a virtual account is settled twice: issued, then paid).
pub fn settle_key(verified: &Verified) -> String {
    let state = match verified.state {
        PaymentState::Paid => "paid",
        PaymentState::VbankIssued(_) => "vbank_issued",
    };
    format!("{}:{state}", verified.imp_uid)
}

/// What [`handle`] did.
#[derive(Debug)]
#[non_exhaustive]
pub enum WebhookOutcome {
    /// Verified and recorded now: fulfil the order.
    Settled(Verified),
    /// Verified, and recorded before: nothing to do.
    Repeat(Verified),
    /// PortOne's payment does not match the shop's order (tampered amount, cancelled,
    /// failed…): do not fulfil; a cancel after a settle needs the shop's attention.
    Refused {
        /// The payment as PortOne has it.
        payment: Box<PaymentInfo>,
        /// Every field that disagreed.
        reasons: VerifyError,
    },
    /// PortOne has the payment but the shop has no order for its `merchant_uid`.
    UnknownOrder {
        /// The payment as PortOne has it.
        payment: Box<PaymentInfo>,
    },
    /// PortOne has no payment with this `imp_uid`: a forged or mistyped notice.
    NotFound,
    /// PortOne could not be asked: the outcome is unknown.
    Unreachable(Error),
    /// The shop's store failed: the outcome is unknown.
    Store(String),
}

impl WebhookOutcome {
    /// The HTTP status to reply with: 200 when the outcome is final, 404 for a payment
    /// PortOne does not have, 503 / 500 when it is unknown (see the module docs).
    pub fn http_status(&self) -> u16 {
        match self {
            WebhookOutcome::Settled(_)
            | WebhookOutcome::Repeat(_)
            | WebhookOutcome::Refused { .. }
            | WebhookOutcome::UnknownOrder { .. } => 200,
            WebhookOutcome::NotFound => 404,
            WebhookOutcome::Unreachable(_) => 503,
            WebhookOutcome::Store(_) => 500,
        }
    }

    /// A stable name: `settled`, `repeat`, `refused`, `unknown_order`, `not_found`,
    /// `unreachable`, `store_error`.
    pub fn kind(&self) -> &'static str {
        match self {
            WebhookOutcome::Settled(_) => "settled",
            WebhookOutcome::Repeat(_) => "repeat",
            WebhookOutcome::Refused { .. } => "refused",
            WebhookOutcome::UnknownOrder { .. } => "unknown_order",
            WebhookOutcome::NotFound => "not_found",
            WebhookOutcome::Unreachable(_) => "unreachable",
            WebhookOutcome::Store(_) => "store_error",
        }
    }
}

/// Handles one notice: fetch `body.imp_uid` from PortOne, find the order by the fetched
/// `merchant_uid`, verify, settle once. The body's `merchant_uid` and `status` are not used.
pub async fn handle<S: Shop>(client: &Client, shop: &S, body: &WebhookBody) -> WebhookOutcome {
    let payment = match client.get_payment(&body.imp_uid).await {
        Ok(p) => p,
        Err(e) if e.is_not_found() => return WebhookOutcome::NotFound,
        Err(e) => return WebhookOutcome::Unreachable(e),
    };
    let Some(merchant_uid) = payment.payment.merchant_uid.clone() else {
        return WebhookOutcome::UnknownOrder {
            payment: Box::new(payment),
        };
    };
    let order = match shop.order(&merchant_uid).await {
        Ok(Some(o)) => o,
        Ok(None) => {
            return WebhookOutcome::UnknownOrder {
                payment: Box::new(payment),
            }
        }
        Err(e) => return WebhookOutcome::Store(e.to_string()),
    };
    // An order that kept the imp_uid of its payment must be paid by that one.
    let order = match order.imp_uid {
        Some(_) => order,
        None => order.imp_uid(body.imp_uid.clone()),
    };
    match verify_payment(&payment, &order) {
        Err(reasons) => WebhookOutcome::Refused {
            payment: Box::new(payment),
            reasons,
        },
        Ok(verified) => match shop.settle(&verified, &payment).await {
            Ok(true) => WebhookOutcome::Settled(verified),
            Ok(false) => WebhookOutcome::Repeat(verified),
            Err(e) => WebhookOutcome::Store(e.to_string()),
        },
    }
}

/// The whole `notice_url` route in one call: reads the body (JSON or form, by
/// `content_type`; [`WebhookBody::parse`]), then [`handle`]s it, and gives the HTTP status
/// to answer PortOne with ([`WebhookOutcome::http_status`]; `400` for a body without an
/// `imp_uid`). Nothing in the body is trusted but the `imp_uid`.
pub async fn reply<S: Shop>(
    client: &Client,
    shop: &S,
    content_type: Option<&str>,
    body: &[u8],
) -> u16 {
    match WebhookBody::parse(content_type, body) {
        Ok(body) => handle(client, shop, &body).await.http_status(),
        Err(_) => 400,
    }
}
