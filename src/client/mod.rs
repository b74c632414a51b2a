//! An async PortOne V1 REST API client (cargo feature `client`, native only).
//!
//! The three steps of auth-payment-flow.mdx "4. 결제 완료 처리하기" (lines 354-394) as one
//! call, [`Client::verify`]:
//! 1. `POST /users/getToken` with `imp_key` / `imp_secret` (auth-payment-flow.mdx:356-367);
//! 2. `GET /payments/{imp_uid}` with the token in `Authorization` (370-376);
//! 3. compare the amount and status with the shop's order (378-394): [`verify_payment`].
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use iamport_pay::client::Client;
//! use iamport_pay::server::ExpectedOrder;
//!
//! let client = Client::new("imp_apikey", "secret")?;
//! let order = ExpectedOrder::new("order_0001", 1004); // from the shop's database
//! let verified = client.verify("imp_123456789012", &order).await?;
//! println!("paid: {} {}", verified.amount, verified.currency);
//! # Ok(()) }
//! ```
//!
//! Access token: PortOne's answer has `access_token`, `now` and `expired_at` (UNIX seconds,
//! PortOne REST V1 reference for `POST /users/getToken`). The token is kept for
//! `expired_at - now` measured on this machine's monotonic clock from the moment the answer
//! arrived (so a skewed local clock does not matter), minus a margin of a tenth of that,
//! at most 60 s (a 30-minute token is renewed 1 minute early). One refresh is in flight at a
//! time: concurrent calls wait for it. A 401 on a call drops that token, fetches a fresh one
//! and retries once; a second 401 is returned as [`Error::Http`] (status 401).
//!
//! The header: PortOne's REST V1 reference writes `Authorization: Bearer <access_token>`,
//! the guide's sample sends the bare token (auth-payment-flow.mdx:372 `headers: {
//! Authorization: access_token }`). The client sends the first; when a token fetched for that
//! very call is refused (401), the form is the suspect, so the one retry uses the other form,
//! which the client keeps when it works.
//!
//! Every request has a timeout (30 s by default, 10 s to connect): [`ClientBuilder::timeout`].
//! Path parameters are percent-encoded. `Debug` never prints the secret or the token.
//! Webhooks: [`webhook`].

mod error;
mod types;
pub mod webhook;

pub use error::{Error, VerifyFailure};
pub use types::{BillingKeyInfo, EscrowInfo, PaymentInfo, Prepared, ReceiptInfo};

use crate::server::{
    segment, verify_payment, AgainPayment, BillingKey, CancelPayment, EscrowLogis, ExpectedOrder,
    ExternalReceipt, OnetimePayment, Receipt, RestCall, Verified, API_BASE,
};
pub use reqwest::Method;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// The default timeout of a whole request.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest margin before `expired_at` at which a token is renewed.
pub const MAX_TOKEN_MARGIN: Duration = Duration::from_secs(60);

/// A cached access token.
struct Token {
    value: String,
    /// When this process stops using it.
    renew_at: Instant,
    /// Which fetch gave it: a 401 drops the token only if no newer one replaced it.
    generation: u64,
}

struct Inner {
    http: reqwest::Client,
    base: String,
    key: String,
    secret: String,
    token: Mutex<Option<Token>>,
    generation: AtomicU64,
    token_fetches: AtomicU64,
    /// `Authorization: Bearer <token>` (true) or the bare token (false).
    bearer: AtomicBool,
}

/// The PortOne V1 API client. Cheap to clone: clones share the token cache.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base)
            .field("api_key", &self.inner.key)
            .field("api_secret", &"<redacted>")
            .field("access_token", &"<redacted>")
            .finish()
    }
}

/// Options of a [`Client`].
pub struct ClientBuilder {
    key: String,
    secret: String,
    base: String,
    timeout: Duration,
    connect_timeout: Duration,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base)
            .field("api_key", &self.key)
            .field("api_secret", &"<redacted>")
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .finish()
    }
}

impl ClientBuilder {
    /// Another API host, e.g. a proxy or a fake PortOne in tests (default
    /// [`API_BASE`], `https://api.iamport.kr`). A trailing `/` is dropped.
    pub fn base_url(mut self, base: impl Into<String>) -> Self {
        self.base = base.into().trim_end_matches('/').to_string();
        self
    }

    /// The timeout of a whole request (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The connect timeout (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The client.
    ///
    /// # Errors
    /// [`Error::Config`] when reqwest cannot set up TLS.
    pub fn build(self) -> Result<Client, Error> {
        let http = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .user_agent(concat!("iamport-pay/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Config(e.to_string()))?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base: self.base,
                key: self.key,
                secret: self.secret,
                token: Mutex::new(None),
                generation: AtomicU64::new(0),
                token_fetches: AtomicU64::new(0),
                bearer: AtomicBool::new(true),
            }),
        })
    }
}

/// The `{ code, message, response }` envelope of every answer.
struct Envelope {
    code: Option<i64>,
    message: Option<String>,
    response: Value,
}

fn envelope(body: &[u8]) -> Option<Envelope> {
    let v: Value = serde_json::from_slice(body).ok()?;
    let o = v.as_object()?;
    Some(Envelope {
        code: o.get("code").and_then(Value::as_i64),
        message: o.get("message").and_then(Value::as_str).map(str::to_string),
        response: o.get("response").cloned().unwrap_or(Value::Null),
    })
}

/// The token margin for a token valid `valid_for`: a tenth, at most [`MAX_TOKEN_MARGIN`].
fn margin(valid_for: Duration) -> Duration {
    (valid_for / 10).min(MAX_TOKEN_MARGIN)
}

impl Client {
    /// A client for `https://api.iamport.kr` with the REST API key and secret (PortOne
    /// console; auth-payment-flow.mdx:360-361 `imp_key`, `imp_secret`).
    ///
    /// # Errors
    /// [`Error::Config`] when reqwest cannot set up TLS.
    pub fn new(api_key: impl Into<String>, api_secret: impl Into<String>) -> Result<Self, Error> {
        Client::builder(api_key, api_secret).build()
    }

    /// A builder, for the base URL and timeouts.
    pub fn builder(api_key: impl Into<String>, api_secret: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            key: api_key.into(),
            secret: api_secret.into(),
            base: API_BASE.to_string(),
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
        }
    }

    /// The base URL.
    pub fn base_url(&self) -> &str {
        &self.inner.base
    }

    /// How many times this client (and its clones) called `POST /users/getToken`.
    pub fn token_fetches(&self) -> u64 {
        self.inner.token_fetches.load(Ordering::Relaxed)
    }

    /// Drops the cached token; the next call fetches a new one.
    pub async fn forget_token(&self) {
        *self.inner.token.lock().await = None;
    }

    /// A valid access token and its generation: the cached one, or a fresh one. The lock is
    /// held across the fetch, so one refresh is in flight and the others wait for it.
    /// `fresh` says whether this call fetched it.
    async fn token(&self) -> Result<(String, u64, bool), Error> {
        let mut slot = self.inner.token.lock().await;
        if let Some(t) = slot.as_ref() {
            if Instant::now() < t.renew_at {
                return Ok((t.value.clone(), t.generation, false));
            }
        }
        let t = self.fetch_token().await?;
        let out = (t.value.clone(), t.generation, true);
        *slot = Some(t);
        Ok(out)
    }

    /// Drops the token of `generation` after a 401 (a newer one is kept).
    async fn drop_token(&self, generation: u64) {
        let mut slot = self.inner.token.lock().await;
        if slot.as_ref().is_some_and(|t| t.generation == generation) {
            *slot = None;
        }
    }

    async fn fetch_token(&self) -> Result<Token, Error> {
        const CALL: &str = "POST /users/getToken";
        self.inner.token_fetches.fetch_add(1, Ordering::Relaxed);
        let body = json!({ "imp_key": self.inner.key, "imp_secret": self.inner.secret });
        let sent = Instant::now();
        let res = self
            .inner
            .http
            .post(format!("{}/users/getToken", self.inner.base))
            .json(&body)
            .send()
            .await;
        let response = self.finish(CALL, res).await?;
        let o = response.as_object().ok_or_else(|| Error::Decode {
            call: CALL.into(),
            status: 200,
            detail: "response is not an object".into(),
        })?;
        let value = o
            .get("access_token")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .ok_or_else(|| Error::Decode {
                call: CALL.into(),
                status: 200,
                detail: "response has no access_token".into(),
            })?
            .to_string();
        let secs = |k: &str| o.get(k).and_then(Value::as_f64).map(|f| f as i64);
        let (now, expired_at) = (secs("now"), secs("expired_at"));
        // Without both times the token is used for this one call and fetched again next time.
        // At most a day (PortOne's tokens live 30 minutes), so that no answer overflows the clock.
        let valid_for = match (now, expired_at) {
            (Some(now), Some(exp)) if exp > now => {
                Duration::from_secs(exp.saturating_sub(now).min(86_400) as u64)
            }
            _ => Duration::ZERO,
        };
        Ok(Token {
            value,
            renew_at: sent + valid_for - margin(valid_for),
            generation: self.inner.generation.fetch_add(1, Ordering::Relaxed) + 1,
        })
    }

    /// Reads an answer: the `response` of a 2xx with `code` 0, or the error.
    async fn finish(
        &self,
        call: &str,
        res: Result<reqwest::Response, reqwest::Error>,
    ) -> Result<Value, Error> {
        let res = res.map_err(|source| Error::Transport {
            call: call.into(),
            source,
        })?;
        let status = res.status();
        let bytes = res.bytes().await.map_err(|source| Error::Transport {
            call: call.into(),
            source,
        })?;
        let env = envelope(&bytes);
        let (code, message) = env
            .as_ref()
            .map_or((None, None), |e| (e.code, e.message.clone()));
        if status == StatusCode::NOT_FOUND {
            return Err(Error::NotFound {
                call: call.into(),
                code,
                message,
            });
        }
        if !status.is_success() {
            return Err(Error::Http {
                call: call.into(),
                status: status.as_u16(),
                code,
                message,
            });
        }
        let Some(env) = env else {
            return Err(Error::Decode {
                call: call.into(),
                status: status.as_u16(),
                detail: format!("not a JSON object ({} bytes)", bytes.len()),
            });
        };
        match env.code {
            Some(0) => Ok(env.response),
            // Every PortOne answer has `code`; a 2xx body with a `response` and no `code`
            // (some proxies and fakes) is read as code 0: the payment in it is still verified.
            None if !env.response.is_null() => Ok(env.response),
            Some(code) => Err(Error::Api {
                call: call.into(),
                code,
                message: env.message,
            }),
            None => Err(Error::Decode {
                call: call.into(),
                status: status.as_u16(),
                detail: "no numeric code".into(),
            }),
        }
    }

    /// Any authorized call: `method path` with an optional JSON body, giving the envelope's
    /// `response`. The typed calls below are built on it.
    ///
    /// `path` starts with `/` and has its parameters percent-encoded already (every
    /// [`RestCall::path`] does).
    ///
    /// # Errors
    /// Every [`Error`].
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Value, Error> {
        let call = format!("{method} {path}");
        let url = format!("{}{}", self.inner.base, path);
        let mut retried = false;
        loop {
            let (token, generation, fresh) = self.token().await?;
            let bearer = self.inner.bearer.load(Ordering::Relaxed);
            let value = if bearer {
                format!("Bearer {token}")
            } else {
                token
            };
            let mut req = self
                .inner
                .http
                .request(method.clone(), &url)
                .header(reqwest::header::AUTHORIZATION, value);
            if let Some(b) = body {
                req = req.json(b);
            }
            let res = req.send().await;
            if let Ok(r) = &res {
                if r.status() == StatusCode::UNAUTHORIZED && !retried {
                    // Once, with a fresh token. A cached token was revoked or expired early:
                    // same form. A token fetched for this very call was refused for its form:
                    // the retry uses the other one, and keeps it if it works.
                    retried = true;
                    self.drop_token(generation).await;
                    if fresh {
                        self.inner.bearer.store(!bearer, Ordering::Relaxed);
                    }
                    continue;
                }
            }
            return self.finish(&call, res).await;
        }
    }

    /// Sends a typed body ([`RestCall`]: method, path, JSON).
    async fn send<B: RestCall>(&self, method: &str, body: &B) -> Result<Value, Error> {
        let method = Method::from_bytes(method.as_bytes())
            .map_err(|_| Error::Config(format!("bad method {method}")))?;
        self.call(method, &body.path(), Some(&body.body())).await
    }

    fn shape<T>(call: &str, v: Value, read: impl FnOnce(Value) -> Option<T>) -> Result<T, Error> {
        read(v).ok_or_else(|| Error::Decode {
            call: call.into(),
            status: 200,
            detail: "response is not an object".into(),
        })
    }

    /// `GET /payments/{imp_uid}`: one payment (auth-payment-flow.mdx:370-376).
    ///
    /// # Errors
    /// [`Error::NotFound`] when PortOne has no such payment; every other [`Error`].
    pub async fn get_payment(&self, imp_uid: &str) -> Result<PaymentInfo, Error> {
        let path = format!("/payments/{}", segment(imp_uid));
        let v = self.call(Method::GET, &path, None).await?;
        Self::shape(&format!("GET {path}"), v, PaymentInfo::from_json)
    }

    /// `GET /payments/find/{merchant_uid}`: the latest payment of an order (PortOne REST V1
    /// reference), e.g. for an order whose `imp_uid` never reached the server.
    ///
    /// # Errors
    /// [`Error::NotFound`] when the order has no payment; every other [`Error`].
    pub async fn find_payment(&self, merchant_uid: &str) -> Result<PaymentInfo, Error> {
        let path = format!("/payments/find/{}", segment(merchant_uid));
        let v = self.call(Method::GET, &path, None).await?;
        Self::shape(&format!("GET {path}"), v, PaymentInfo::from_json)
    }

    /// `POST /payments/prepare`: registers the amount of `merchant_uid` before the payment
    /// window opens, so that PortOne refuses a window with another amount (PortOne REST V1
    /// reference, "사전 검증").
    ///
    /// # Errors
    /// [`Error::Api`] when the `merchant_uid` is registered already; every other [`Error`].
    pub async fn prepare(&self, merchant_uid: &str, amount: u64) -> Result<Prepared, Error> {
        let body = json!({ "merchant_uid": merchant_uid, "amount": amount });
        let v = self
            .call(Method::POST, "/payments/prepare", Some(&body))
            .await?;
        Self::shape("POST /payments/prepare", v, Prepared::from_json)
    }

    /// `GET /payments/prepare/{merchant_uid}`: the amount registered by [`prepare`](Self::prepare).
    ///
    /// # Errors
    /// [`Error::NotFound`] when nothing was registered; every other [`Error`].
    pub async fn get_prepared(&self, merchant_uid: &str) -> Result<Prepared, Error> {
        let path = format!("/payments/prepare/{}", segment(merchant_uid));
        let v = self.call(Method::GET, &path, None).await?;
        Self::shape(&format!("GET {path}"), v, Prepared::from_json)
    }

    /// `POST /payments/cancel` (002:93-94): the cancelled payment, with `cancel_amount` and
    /// `status` as PortOne has them now.
    ///
    /// A [`Error::Transport`] leaves the cancel's outcome unknown: look the payment up before
    /// trying again (a `checksum` guards a repeat).
    ///
    /// # Errors
    /// [`Error::Api`] when PortOne refuses (already cancelled, checksum differs); every
    /// other [`Error`].
    pub async fn cancel(&self, body: &CancelPayment) -> Result<PaymentInfo, Error> {
        let v = self.send(CancelPayment::METHOD, body).await?;
        Self::shape("POST /payments/cancel", v, PaymentInfo::from_json)
    }

    /// `POST /subscribe/payments/again`: charges a billing key (000:101-106). The answer's
    /// `status` says whether the card company approved (`paid`) or not (`failed`, with
    /// `fail_reason`): a `code` of 0 is not an approval.
    ///
    /// # Errors
    /// Every [`Error`].
    pub async fn pay_again(&self, body: &AgainPayment) -> Result<PaymentInfo, Error> {
        let v = self.send(AgainPayment::METHOD, body).await?;
        Self::shape("POST /subscribe/payments/again", v, PaymentInfo::from_json)
    }

    /// `POST /subscribe/payments/onetime`: a key-in payment (000:83-86;
    /// non-auth-billing.mdx:45-66). Check `status` as for [`pay_again`](Self::pay_again).
    ///
    /// # Errors
    /// Every [`Error`].
    pub async fn pay_onetime(&self, body: &OnetimePayment) -> Result<PaymentInfo, Error> {
        let v = self.send(OnetimePayment::METHOD, body).await?;
        Self::shape(
            "POST /subscribe/payments/onetime",
            v,
            PaymentInfo::from_json,
        )
    }

    /// `POST /subscribe/customers/{customer_uid}`: issues a billing key from card data
    /// (000:88-91; non-auth-billing.mdx:111-132).
    ///
    /// # Errors
    /// Every [`Error`].
    pub async fn register_billing_key(&self, body: &BillingKey) -> Result<BillingKeyInfo, Error> {
        let v = self.send(BillingKey::METHOD, body).await?;
        Self::shape(
            &format!("POST {}", body.path()),
            v,
            BillingKeyInfo::from_json,
        )
    }

    /// `GET /subscribe/customers/{customer_uid}`: the billing key.
    ///
    /// # Errors
    /// [`Error::NotFound`] when there is no such key; every other [`Error`].
    pub async fn get_billing_key(&self, customer_uid: &str) -> Result<BillingKeyInfo, Error> {
        let path = format!("/subscribe/customers/{}", segment(customer_uid));
        let v = self.call(Method::GET, &path, None).await?;
        Self::shape(&format!("GET {path}"), v, BillingKeyInfo::from_json)
    }

    /// `DELETE /subscribe/customers/{customer_uid}`: deletes the billing key and gives it back.
    ///
    /// # Errors
    /// [`Error::NotFound`] when there is no such key; every other [`Error`].
    pub async fn delete_billing_key(&self, customer_uid: &str) -> Result<BillingKeyInfo, Error> {
        let path = format!("/subscribe/customers/{}", segment(customer_uid));
        let v = self.call(Method::DELETE, &path, None).await?;
        Self::shape(&format!("DELETE {path}"), v, BillingKeyInfo::from_json)
    }

    /// `POST /receipts/{imp_uid}`: a cash receipt for a PortOne payment (002:95-102;
    /// ksnet.mdx:333-345).
    ///
    /// # Errors
    /// Every [`Error`].
    pub async fn issue_receipt(&self, body: &Receipt) -> Result<ReceiptInfo, Error> {
        let v = self.send(Receipt::METHOD, body).await?;
        Self::shape(&format!("POST {}", body.path()), v, ReceiptInfo::from_json)
    }

    /// `POST /receipts/external/{merchant_uid}`: a cash receipt for a sale outside PortOne
    /// (002:103-111; ksnet.mdx:347-359).
    ///
    /// # Errors
    /// Every [`Error`].
    pub async fn issue_external_receipt(
        &self,
        body: &ExternalReceipt,
    ) -> Result<ReceiptInfo, Error> {
        let v = self.send(ExternalReceipt::METHOD, body).await?;
        Self::shape(&format!("POST {}", body.path()), v, ReceiptInfo::from_json)
    }

    /// `POST /escrows/logis/{imp_uid}`: registers the shipment of an escrow payment; without
    /// it Kiwoom Pay does not settle (004:192; daou.mdx:373-397).
    ///
    /// # Errors
    /// Every [`Error`].
    pub async fn register_escrow_logis(&self, body: &EscrowLogis) -> Result<EscrowInfo, Error> {
        let v = self.send(EscrowLogis::METHOD, body).await?;
        Self::shape(&format!("POST {}", body.path()), v, EscrowInfo::from_json)
    }

    /// `PUT /escrows/logis/{imp_uid}`: changes registered logistics (daou.mdx:374 "배송수정").
    ///
    /// # Errors
    /// Every [`Error`].
    pub async fn update_escrow_logis(&self, body: &EscrowLogis) -> Result<EscrowInfo, Error> {
        let v = self.send(EscrowLogis::UPDATE_METHOD, body).await?;
        Self::shape(&format!("PUT {}", body.path()), v, EscrowInfo::from_json)
    }

    /// Fetches the payment and compares it with the order ([`verify_payment`]): the payment
    /// must be `imp_uid` (unless the order names another), the order's `merchant_uid`, amount
    /// and currency, and `paid` (or an issued virtual account, when the order accepts one).
    ///
    /// # Errors
    /// [`VerifyFailure::Mismatch`] naming every field that disagrees (do not fulfil), or
    /// [`VerifyFailure::Request`] when the payment could not be fetched (state unknown).
    pub async fn verify(
        &self,
        imp_uid: &str,
        order: &ExpectedOrder,
    ) -> Result<Verified, VerifyFailure> {
        let payment = self.get_payment(imp_uid).await?;
        let mut order = order.clone();
        if order.imp_uid.is_none() {
            order.imp_uid = Some(imp_uid.to_string());
        }
        Ok(verify_payment(&payment, &order)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margin_is_a_tenth_up_to_a_minute() {
        assert_eq!(margin(Duration::from_secs(1800)), Duration::from_secs(60));
        assert_eq!(margin(Duration::from_secs(300)), Duration::from_secs(30));
        assert_eq!(margin(Duration::from_secs(2)), Duration::from_millis(200));
        assert_eq!(margin(Duration::ZERO), Duration::ZERO);
    }

    #[test]
    fn debug_redacts_the_secret() {
        let c = Client::builder("key_123", "s3cr3t-value")
            .base_url("http://127.0.0.1:9/")
            .build()
            .unwrap();
        let d = format!("{c:?}");
        assert!(!d.contains("s3cr3t-value"), "{d}");
        assert!(
            d.contains("<redacted>") && d.contains("http://127.0.0.1:9\""),
            "{d}"
        );
        let b = format!("{:?}", Client::builder("k", "s3cr3t-value"));
        assert!(!b.contains("s3cr3t-value"), "{b}");
    }

    #[test]
    fn envelope_reads_code_message_response() {
        let e = envelope(br#"{"code":-1,"message":"bad","response":null,"x":1}"#).unwrap();
        assert_eq!((e.code, e.message.as_deref()), (Some(-1), Some("bad")));
        assert!(e.response.is_null());
        assert!(envelope(b"<html>").is_none());
        assert!(envelope(b"[1]").is_none());
    }
}
