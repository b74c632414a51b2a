//! A fake PortOne V1 REST API on 127.0.0.1 (a random port), for the client's tests and the
//! demo server (`examples/server` includes this file).
//!
//! It answers like api.iamport.kr: every body is the `{code, message, response}` envelope;
//! payments are full V1 payment objects with PortOne's `null`s and `0`s; tokens expire after
//! `token_ttl` seconds and can be revoked (401); unknown ids are 404; refusals are HTTP 200
//! with a non-zero `code`. Knobs on [`State`] script the failures.
#![allow(dead_code)]

use axum::body::Bytes;
use axum::extract::{Path, Request, State as AxState};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub const API_KEY: &str = "imp_apikey";
pub const API_SECRET: &str = "ekKoeW8RyKuT0zgaZsUtXXTLQ4AhPFW";

/// What the fake holds and how it misbehaves.
pub struct State {
    pub api_key: String,
    pub api_secret: String,
    /// Seconds a token lives (PortOne: 30 minutes).
    pub token_ttl: u64,
    /// How long `POST /users/getToken` takes to answer.
    pub token_delay: Duration,
    /// Added to the `now` / `expired_at` the fake reports (a server clock ahead of ours).
    pub clock_offset: i64,
    /// Live tokens and when they stop working.
    pub tokens: HashMap<String, Instant>,
    /// `POST /users/getToken` calls.
    pub token_calls: usize,
    /// Every authorized call, `"GET /payments/imp_1 -> 200"`.
    pub log: Vec<String>,
    /// Every authorized call answers 401 (a revoked key).
    pub reject_all: bool,
    /// `Some(true)`: only `Authorization: Bearer <token>`; `Some(false)`: only the bare
    /// token; `None`: both, as api.iamport.kr.
    pub bearer_only: Option<bool>,
    /// The next authorized call answers 200 with this non-zero code.
    pub next_code: Option<(i64, String)>,
    /// Payments by imp_uid.
    pub payments: HashMap<String, Value>,
    /// `POST /payments/prepare` amounts by merchant_uid.
    pub prepared: HashMap<String, Value>,
    /// Billing keys by customer_uid.
    pub billing_keys: HashMap<String, Value>,
    /// Escrow logistics by imp_uid.
    pub escrows: HashMap<String, Value>,
    /// Cash receipts by imp_uid.
    pub receipts: HashMap<String, Value>,
    seq: u64,
}

pub type Shared = Arc<Mutex<State>>;

pub struct FakePortOne {
    pub url: String,
    pub state: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FakePortOne {
    fn drop(&mut self) {
        self.task.abort();
    }
}

pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl FakePortOne {
    /// Starts on 127.0.0.1 with a random port.
    pub async fn start() -> FakePortOne {
        let state: Shared = Arc::new(Mutex::new(State {
            api_key: API_KEY.into(),
            api_secret: API_SECRET.into(),
            token_ttl: 1800,
            token_delay: Duration::ZERO,
            clock_offset: 0,
            tokens: HashMap::new(),
            token_calls: 0,
            log: Vec::new(),
            reject_all: false,
            bearer_only: None,
            next_code: None,
            payments: HashMap::new(),
            prepared: HashMap::new(),
            billing_keys: HashMap::new(),
            escrows: HashMap::new(),
            receipts: HashMap::new(),
            seq: 0,
        }));
        let app = router(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let url = format!("http://{}", listener.local_addr().expect("local addr"));
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakePortOne { url, state, task }
    }

    pub fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        f(&mut self.state.lock().unwrap())
    }

    pub fn insert(&self, payment: Value) {
        insert(&self.state, payment);
    }

    pub fn token_calls(&self) -> usize {
        self.with(|s| s.token_calls)
    }

    /// Authorized calls whose log line starts with `prefix`, e.g. `"GET /payments/"`.
    pub fn calls(&self, prefix: &str) -> usize {
        self.with(|s| s.log.iter().filter(|l| l.starts_with(prefix)).count())
    }

    /// Every live token stops working (revoked in PortOne's console, say).
    pub fn revoke_tokens(&self) {
        self.with(|s| s.tokens.clear());
    }
}

/// Stores a payment under its imp_uid.
pub fn insert(state: &Shared, payment: Value) {
    let imp_uid = payment["imp_uid"].as_str().unwrap_or_default().to_string();
    state.lock().unwrap().payments.insert(imp_uid, payment);
}

/// A card payment as `GET /payments/{imp_uid}` returns it, every field PortOne sends.
pub fn card_payment(imp_uid: &str, merchant_uid: &str, amount: u64) -> Value {
    let now = unix_now();
    let head = json!({
        "amount": amount, "apply_num": "30016941", "bank_code": null, "bank_name": null,
        "buyer_addr": "서울특별시 강남구 삼성동", "buyer_email": "gildong@gmail.com",
        "buyer_name": "홍길동", "buyer_postcode": "123-456", "buyer_tel": "010-4242-4242",
        "cancel_amount": 0, "cancel_history": [], "cancel_reason": null,
        "cancel_receipt_urls": [], "cancelled_at": 0, "card_code": "361",
        "card_name": "BC카드", "card_number": "910020*********6", "card_quota": 0,
        "card_type": 0, "cash_receipt_issued": false, "channel": "pc",
        "currency": "KRW", "custom_data": null, "customer_uid": null,
        "customer_uid_usage": null, "emb_pg_provider": null, "escrow": false,
    });
    let tail = json!({
        "fail_reason": null, "failed_at": 0, "imp_uid": imp_uid,
        "merchant_uid": merchant_uid, "name": "제주 유기농 감귤 3kg 외 2건",
        "paid_at": now, "pay_method": "card", "pg_id": "INIpayTest",
        "pg_provider": "html5_inicis", "pg_tid": "StdpayCARDINIpayTest20261201123456789012",
        "promotion": null,
        "receipt_url": "https://iniweb.inicis.com/DefaultWebApp/mall/cr/cm/mCmReceipt_head.jsp?noTid=x",
        "started_at": now - 30, "status": "paid",
        "user_agent": "Mozilla/5.0 (X11; Linux x86_64)", "vbank_code": null,
        "vbank_date": 0, "vbank_holder": null, "vbank_issued_at": 0, "vbank_name": null,
        "vbank_num": null
    });
    with_fields(head, tail)
}

/// A virtual account that was issued and awaits the deposit (`status: "ready"`).
pub fn vbank_ready(imp_uid: &str, merchant_uid: &str, amount: u64) -> Value {
    let mut p = card_payment(imp_uid, merchant_uid, amount);
    let now = unix_now();
    let o = p.as_object_mut().unwrap();
    for (k, v) in [
        ("pay_method", json!("vbank")),
        ("status", json!("ready")),
        ("paid_at", json!(0)),
        ("apply_num", Value::Null),
        ("card_code", Value::Null),
        ("card_name", Value::Null),
        ("card_number", Value::Null),
        ("card_quota", json!(0)),
        ("card_type", Value::Null),
        ("vbank_code", json!("004")),
        ("vbank_name", json!("KB국민은행")),
        ("vbank_num", json!("T0309260000000")),
        ("vbank_holder", json!("（주）케이지이니시스")),
        ("vbank_date", json!(now + 3 * 86400)),
        ("vbank_issued_at", json!(now)),
    ] {
        o.insert(k.into(), v);
    }
    p
}

/// Sets fields of a payment (`status`, `cancel_amount`, …).
pub fn with_fields(mut p: Value, fields: Value) -> Value {
    if let (Some(o), Some(f)) = (p.as_object_mut(), fields.as_object()) {
        for (k, v) in f {
            o.insert(k.clone(), v.clone());
        }
    }
    p
}

fn reply(status: StatusCode, code: i64, message: Option<&str>, response: Value) -> Response {
    (
        status,
        Json(json!({ "code": code, "message": message, "response": response })),
    )
        .into_response()
}

fn ok(response: Value) -> Response {
    reply(StatusCode::OK, 0, None, response)
}

fn not_found(message: &str) -> Response {
    reply(StatusCode::NOT_FOUND, 1, Some(message), Value::Null)
}

/// Reads a JSON or form body into an object.
fn body_object(headers: &HeaderMap, body: &Bytes) -> Map<String, Value> {
    let form = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("x-www-form-urlencoded"));
    if form {
        return url_pairs(body);
    }
    serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|v| v.as_object().cloned())
        .unwrap_or_default()
}

fn url_pairs(body: &[u8]) -> Map<String, Value> {
    let text = String::from_utf8_lossy(body);
    let mut m = Map::new();
    for pair in text.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        m.insert(k.to_string(), Value::String(v.replace('+', " ")));
    }
    m
}

async fn get_token(AxState(st): AxState<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let b = body_object(&headers, &body);
    let delay = {
        let mut s = st.lock().unwrap();
        s.token_calls += 1;
        s.token_delay
    };
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let mut s = st.lock().unwrap();
    let good = b.get("imp_key").and_then(Value::as_str) == Some(s.api_key.as_str())
        && b.get("imp_secret").and_then(Value::as_str) == Some(s.api_secret.as_str());
    if !good {
        return reply(
            StatusCode::UNAUTHORIZED,
            -1,
            Some("imp_key, imp_secret 정보가 올바르지 않습니다."),
            Value::Null,
        );
    }
    s.seq += 1;
    let token = format!("fake_token_{:040}", s.seq);
    let ttl = s.token_ttl;
    s.tokens
        .insert(token.clone(), Instant::now() + Duration::from_secs(ttl));
    let now = unix_now() + s.clock_offset;
    ok(json!({ "access_token": token, "now": now, "expired_at": now + ttl as i64 }))
}

/// Checks the token; logs the call. `Some` is the 401 (or scripted) answer.
fn authorize(st: &Shared, method: &Method, uri: &Uri, headers: &HeaderMap) -> Option<Response> {
    let mut s = st.lock().unwrap();
    let header = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let token = match (s.bearer_only, header.strip_prefix("Bearer ")) {
        (Some(true), None) | (Some(false), Some(_)) => "",
        (_, Some(t)) => t,
        (_, None) => header,
    }
    .to_string();
    let live = s
        .tokens
        .get(&token)
        .is_some_and(|exp| Instant::now() < *exp);
    let line = |code: u16| format!("{method} {} -> {code}", uri.path());
    if s.reject_all || !live {
        s.log.push(line(401));
        return Some(reply(
            StatusCode::UNAUTHORIZED,
            -1,
            Some("Unauthorized"),
            Value::Null,
        ));
    }
    if let Some((code, message)) = s.next_code.take() {
        s.log.push(line(200));
        return Some(reply(StatusCode::OK, code, Some(&message), Value::Null));
    }
    s.log.push(line(200));
    None
}

async fn get_payment(AxState(st): AxState<Shared>, Path(imp_uid): Path<String>) -> Response {
    match st.lock().unwrap().payments.get(&imp_uid) {
        Some(p) => ok(p.clone()),
        None => not_found("존재하지 않는 결제정보입니다."),
    }
}

async fn find_payment(AxState(st): AxState<Shared>, Path(merchant_uid): Path<String>) -> Response {
    let s = st.lock().unwrap();
    let latest = s
        .payments
        .values()
        .filter(|p| p["merchant_uid"] == merchant_uid.as_str())
        .max_by_key(|p| p["started_at"].as_i64().unwrap_or(0));
    match latest {
        Some(p) => ok(p.clone()),
        None => not_found("존재하지 않는 결제정보입니다."),
    }
}

async fn prepare(AxState(st): AxState<Shared>, h: HeaderMap, body: Bytes) -> Response {
    let b = body_object(&h, &body);
    let (Some(uid), Some(amount)) = (
        b.get("merchant_uid").and_then(Value::as_str),
        b.get("amount").and_then(Value::as_f64),
    ) else {
        return reply(
            StatusCode::BAD_REQUEST,
            -1,
            Some("merchant_uid, amount 는 필수입니다."),
            Value::Null,
        );
    };
    let mut s = st.lock().unwrap();
    if s.prepared.contains_key(uid) {
        return reply(
            StatusCode::OK,
            1,
            Some("이미 등록된 merchant_uid입니다."),
            Value::Null,
        );
    }
    let v = json!({ "merchant_uid": uid, "amount": amount });
    s.prepared.insert(uid.to_string(), v.clone());
    ok(v)
}

async fn get_prepared(AxState(st): AxState<Shared>, Path(merchant_uid): Path<String>) -> Response {
    match st.lock().unwrap().prepared.get(&merchant_uid) {
        Some(v) => ok(v.clone()),
        None => not_found("사전등록된 결제정보가 존재하지 않습니다."),
    }
}

async fn cancel(AxState(st): AxState<Shared>, h: HeaderMap, body: Bytes) -> Response {
    let b = body_object(&h, &body);
    let mut s = st.lock().unwrap();
    let key = match (
        b.get("imp_uid").and_then(Value::as_str),
        b.get("merchant_uid").and_then(Value::as_str),
    ) {
        (Some(i), _) => Some(i.to_string()),
        (None, Some(mu)) => s
            .payments
            .iter()
            .find(|(_, p)| p["merchant_uid"] == mu)
            .map(|(k, _)| k.clone()),
        _ => None,
    };
    let Some(p) = key.and_then(|k| s.payments.get_mut(&k)) else {
        // PortOne answers a cancel of an unknown payment with HTTP 200 and code 1.
        return reply(
            StatusCode::OK,
            1,
            Some("취소할 결제건이 존재하지 않습니다."),
            Value::Null,
        );
    };
    if p["status"] == "cancelled" {
        return reply(
            StatusCode::OK,
            1,
            Some("이미 전액취소된 주문입니다."),
            Value::Null,
        );
    }
    let amount = p["amount"].as_f64().unwrap_or(0.0);
    let before = p["cancel_amount"].as_f64().unwrap_or(0.0);
    let left = amount - before;
    if let Some(c) = b.get("checksum").and_then(Value::as_f64) {
        if c != left {
            return reply(
                StatusCode::OK,
                1,
                Some("checksum이 일치하지 않습니다."),
                Value::Null,
            );
        }
    }
    let want = b.get("amount").and_then(Value::as_f64).unwrap_or(left);
    if want > left {
        return reply(
            StatusCode::OK,
            1,
            Some("취소 가능 잔액보다 큰 금액입니다."),
            Value::Null,
        );
    }
    let o = p.as_object_mut().unwrap();
    o.insert("cancel_amount".into(), json!(before + want));
    o.insert(
        "cancel_reason".into(),
        b.get("reason").cloned().unwrap_or(Value::Null),
    );
    o.insert("cancelled_at".into(), json!(unix_now()));
    if before + want >= amount {
        o.insert("status".into(), json!("cancelled"));
    }
    ok(p.clone())
}

fn new_imp_uid(s: &mut State) -> String {
    s.seq += 1;
    format!("imp_{:012}", 700_000_000_000u64 + s.seq)
}

async fn pay_again(AxState(st): AxState<Shared>, h: HeaderMap, body: Bytes) -> Response {
    let b = body_object(&h, &body);
    let mut s = st.lock().unwrap();
    let cu = b
        .get("customer_uid")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    if !s.billing_keys.contains_key(&cu) {
        return reply(
            StatusCode::OK,
            1,
            Some("등록되지 않은 구매자입니다."),
            Value::Null,
        );
    }
    let imp = new_imp_uid(&mut s);
    let mu = b.get("merchant_uid").and_then(Value::as_str).unwrap_or("");
    let amount = b.get("amount").and_then(Value::as_u64).unwrap_or(0);
    let p = with_fields(
        card_payment(&imp, mu, amount),
        json!({"customer_uid": cu, "customer_uid_usage": "payment", "name": b.get("name")}),
    );
    s.payments.insert(imp, p.clone());
    ok(p)
}

async fn pay_onetime(AxState(st): AxState<Shared>, h: HeaderMap, body: Bytes) -> Response {
    let b = body_object(&h, &body);
    let mut s = st.lock().unwrap();
    let imp = new_imp_uid(&mut s);
    let mu = b.get("merchant_uid").and_then(Value::as_str).unwrap_or("");
    let amount = b.get("amount").and_then(Value::as_u64).unwrap_or(0);
    let mut p = card_payment(&imp, mu, amount);
    if let Some(cu) = b.get("customer_uid").and_then(Value::as_str) {
        p = with_fields(
            p,
            json!({"customer_uid": cu, "customer_uid_usage": "issue"}),
        );
        s.billing_keys.insert(cu.into(), billing_key(cu));
    }
    s.payments.insert(imp, p.clone());
    ok(p)
}

fn billing_key(customer_uid: &str) -> Value {
    let now = unix_now();
    json!({
        "customer_uid": customer_uid, "pg_provider": "html5_inicis", "pg_id": "INIBillTst",
        "card_name": "신한카드", "card_code": "366", "card_number": "1234********1234",
        "card_type": 0, "customer_name": null, "customer_tel": null, "customer_email": null,
        "customer_addr": null, "customer_postcode": null, "inserted": now, "updated": now
    })
}

async fn customers(
    AxState(st): AxState<Shared>,
    m: Method,
    h: HeaderMap,
    Path(customer_uid): Path<String>,
    body: Bytes,
) -> Response {
    let b = body_object(&h, &body);
    let mut s = st.lock().unwrap();
    match m {
        Method::GET => match s.billing_keys.get(&customer_uid) {
            Some(k) => ok(k.clone()),
            None => not_found("요청하신 customer_uid로 등록된 정보를 찾을 수 없습니다."),
        },
        Method::DELETE => match s.billing_keys.remove(&customer_uid) {
            Some(k) => ok(k),
            None => not_found("요청하신 customer_uid로 등록된 정보를 찾을 수 없습니다."),
        },
        _ => {
            let card_ok = ["card_number", "expiry", "birth"].iter().all(|k| {
                b.get(*k)
                    .and_then(Value::as_str)
                    .is_some_and(|v| !v.is_empty())
            });
            if !card_ok {
                return reply(
                    StatusCode::OK,
                    1,
                    Some("카드정보 인증 및 빌키 발급에 실패하였습니다."),
                    Value::Null,
                );
            }
            let k = billing_key(&customer_uid);
            s.billing_keys.insert(customer_uid, k.clone());
            ok(k)
        }
    }
}

async fn receipt(
    AxState(st): AxState<Shared>,
    h: HeaderMap,
    Path(imp_uid): Path<String>,
    body: Bytes,
) -> Response {
    let b = body_object(&h, &body);
    let mut s = st.lock().unwrap();
    let Some(amount) = s.payments.get(&imp_uid).map(|p| p["amount"].clone()) else {
        return not_found("존재하지 않는 결제정보입니다.");
    };
    let r = json!({
        "imp_uid": imp_uid, "receipt_tid": format!("R{}", unix_now()), "apply_num": "123456789",
        "type": b.get("type").cloned().unwrap_or(json!("person")), "amount": amount,
        "vat": 0, "receipt_url": "https://sandbox.invalid/receipt", "applied_at": unix_now(),
        "cancelled_at": 0
    });
    s.receipts.insert(imp_uid, r.clone());
    ok(r)
}

async fn external_receipt(
    AxState(st): AxState<Shared>,
    h: HeaderMap,
    Path(merchant_uid): Path<String>,
    body: Bytes,
) -> Response {
    let b = body_object(&h, &body);
    let mut s = st.lock().unwrap();
    let imp = new_imp_uid(&mut s);
    let r = json!({
        "imp_uid": imp, "merchant_uid": merchant_uid, "receipt_tid": format!("R{}", unix_now()),
        "apply_num": "987654321", "type": b.get("type"), "amount": b.get("amount"),
        "receipt_url": "https://sandbox.invalid/receipt", "applied_at": unix_now()
    });
    s.receipts.insert(imp, r.clone());
    ok(r)
}

async fn escrow(
    AxState(st): AxState<Shared>,
    m: Method,
    h: HeaderMap,
    Path(imp_uid): Path<String>,
    body: Bytes,
) -> Response {
    let b = body_object(&h, &body);
    let mut s = st.lock().unwrap();
    if !s.payments.contains_key(&imp_uid) {
        return not_found("존재하지 않는 결제정보입니다.");
    }
    if m == Method::PUT && !s.escrows.contains_key(&imp_uid) {
        return reply(
            StatusCode::OK,
            1,
            Some("등록된 배송정보가 없습니다."),
            Value::Null,
        );
    }
    let logis = b.get("logis").cloned().unwrap_or(Value::Null);
    let r = json!({
        "company": logis.get("company"), "invoice": logis.get("invoice"),
        "sent_at": logis.get("sent_at").cloned().unwrap_or(json!(0)),
        "applied_at": unix_now()
    });
    s.escrows.insert(imp_uid, r.clone());
    ok(r)
}

/// Every route but `/users/getToken` needs a live token: [`authorize`] answers before the
/// handler runs.
async fn require_token(AxState(st): AxState<Shared>, req: Request, next: Next) -> Response {
    match authorize(&st, req.method(), req.uri(), req.headers()) {
        Some(refused) => refused,
        None => next.run(req).await,
    }
}

/// The API routes, on `state`.
pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/payments/find/{merchant_uid}", get(find_payment))
        .route("/payments/prepare", post(prepare))
        .route("/payments/prepare/{merchant_uid}", get(get_prepared))
        .route("/payments/cancel", post(cancel))
        .route("/payments/{imp_uid}", get(get_payment))
        .route("/subscribe/payments/again", post(pay_again))
        .route("/subscribe/payments/onetime", post(pay_onetime))
        .route(
            "/subscribe/customers/{customer_uid}",
            get(customers).post(customers).delete(customers),
        )
        .route("/receipts/external/{merchant_uid}", post(external_receipt))
        .route("/receipts/{imp_uid}", post(receipt))
        .route("/escrows/logis/{imp_uid}", post(escrow).put(escrow))
        .route_layer(middleware::from_fn_with_state(state.clone(), require_token))
        .route("/users/getToken", post(get_token))
        .with_state(state)
}
