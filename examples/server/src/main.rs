//! The demo's server: serves the checkout (www/) and the package files like
//! scripts/serve.mjs, and verifies every payment through `iamport_pay::client`.
//!
//!   cargo run -p iamport-pay-example-server -- [port]     (default 8080; 0 picks a free one)
//!
//! PortOne: by default an in-process fake PortOne API (tests/fake_portone, the same one the
//! client's tests use) on a random 127.0.0.1 port; the page records each sandbox payment
//! there (`POST /fake-portone/payments`, as PortOne would hold it) before it asks the server
//! to verify. With IAMPORT_API_KEY and IAMPORT_API_SECRET set, the real API
//! (IAMPORT_API_URL, default https://api.iamport.kr) and no fake.
//!
//! API:
//! - `POST /orders` `{merchant_uid, lines: [{id, qty}]}`: the server prices the cart from its
//!   own catalog and keeps the order; the browser's amount is never used.
//! - `POST /payments/complete` `{imp_uid, merchant_uid}`: `client.verify` against that order.
//! - `POST /portone/webhook`: the notice_url route (`webhook::handle`).
//!
//! Prints "serving http://127.0.0.1:<port>/" once listening.

#[path = "../../../tests/fake_portone/mod.rs"]
mod fake_portone;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use iamport_pay::client::webhook::{self, Shop, WebhookBody};
use iamport_pay::client::{Client, PaymentInfo, VerifyFailure};
use iamport_pay::server::{ExpectedOrder, PaymentState, Verified};
use iamport_pay::Lang;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The shop's catalog: the same products and prices as www/app.js `PRODUCTS`, and its
/// shipping rule (3,000 KRW under 50,000 KRW). The server prices orders from this table.
const CATALOG: &[(&str, u64)] = &[("tangerine", 24900), ("board", 38000), ("tea", 9900)];
const SHIPPING_FEE: u64 = 3000;
const FREE_SHIPPING_OVER: u64 = 50000;

#[derive(Default)]
struct Orders {
    /// merchant_uid -> amount the server priced.
    amounts: HashMap<String, u64>,
    /// settle keys (`imp_uid:state`) recorded once.
    settled: HashSet<String>,
}

#[derive(Clone)]
struct App {
    client: Client,
    orders: Arc<Mutex<Orders>>,
    /// The in-process fake PortOne, when no API key is set.
    fake: Option<Arc<fake_portone::FakePortOne>>,
    root: Arc<PathBuf>,
}

impl Shop for App {
    type Error = String;

    async fn order(&self, merchant_uid: &str) -> Result<Option<ExpectedOrder>, String> {
        let orders = self.orders.lock().map_err(|e| e.to_string())?;
        Ok(orders
            .amounts
            .get(merchant_uid)
            .map(|a| ExpectedOrder::new(merchant_uid, *a)))
    }

    async fn settle(&self, v: &Verified, _p: &PaymentInfo) -> Result<bool, String> {
        let mut orders = self.orders.lock().map_err(|e| e.to_string())?;
        Ok(orders.settled.insert(webhook::settle_key(v)))
    }
}

#[derive(Deserialize)]
struct Line {
    id: String,
    qty: u64,
}

#[derive(Deserialize)]
struct NewOrder {
    merchant_uid: String,
    lines: Vec<Line>,
}

fn price(lines: &[Line]) -> Result<u64, String> {
    let mut subtotal: u64 = 0;
    for l in lines {
        let Some((_, p)) = CATALOG.iter().find(|(id, _)| *id == l.id) else {
            return Err(format!("unknown product {:?}", l.id));
        };
        if l.qty > 100 {
            return Err(format!("quantity {} of {} is over 100", l.qty, l.id));
        }
        subtotal += p * l.qty;
    }
    let shipping = if subtotal == 0 || subtotal >= FREE_SHIPPING_OVER {
        0
    } else {
        SHIPPING_FEE
    };
    Ok(subtotal + shipping)
}

fn bad(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({"error": message.into()}))).into_response()
}

async fn new_order(State(app): State<App>, Json(o): Json<NewOrder>) -> Response {
    if o.merchant_uid.trim().is_empty() {
        return bad(StatusCode::BAD_REQUEST, "merchant_uid is required");
    }
    let amount = match price(&o.lines) {
        Ok(a) => a,
        Err(e) => return bad(StatusCode::BAD_REQUEST, e),
    };
    app.orders
        .lock()
        .unwrap()
        .amounts
        .insert(o.merchant_uid.clone(), amount);
    Json(json!({
        "merchant_uid": o.merchant_uid, "amount": amount, "currency": "KRW",
        "portone": if app.fake.is_some() { "fake" } else { "real" },
    }))
    .into_response()
}

#[derive(Deserialize)]
struct Complete {
    imp_uid: String,
    merchant_uid: String,
}

fn state_name(v: &Verified) -> &'static str {
    match v.state {
        PaymentState::Paid => "paid",
        PaymentState::VbankIssued(_) => "vbank_issued",
    }
}

/// `client.verify` against the order the server priced. A verdict (verified or not) is a
/// 200 with `verified`; 404 for an unknown order; 502 when PortOne could not be asked.
async fn complete(State(app): State<App>, Json(req): Json<Complete>) -> Response {
    let amount = app
        .orders
        .lock()
        .unwrap()
        .amounts
        .get(&req.merchant_uid)
        .copied();
    let Some(amount) = amount else {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"verified": false, "error": "no such order on this server", "merchant_uid": req.merchant_uid})),
        )
            .into_response();
    };
    let order = ExpectedOrder::new(&req.merchant_uid, amount).imp_uid(&req.imp_uid);
    match app.client.verify(&req.imp_uid, &order).await {
        // Settling (fulfilment) is the webhook's job (/portone/webhook, idempotent by
        // imp_uid); this answer is the page's verdict.
        Ok(v) => Json(json!({
            "verified": true, "imp_uid": v.imp_uid, "merchant_uid": v.merchant_uid,
            "amount": v.amount, "currency": v.currency, "state": state_name(&v),
        }))
        .into_response(),
        Err(VerifyFailure::Mismatch(m)) => Json(json!({
            "verified": false, "imp_uid": req.imp_uid, "merchant_uid": req.merchant_uid,
            "order_amount": amount,
            "reasons": m.mismatches.iter().map(|r| json!({
                "code": r.code(), "field": r.field(),
                "ko": r.message(Lang::Ko), "en": r.message(Lang::En),
            })).collect::<Vec<_>>(),
        }))
        .into_response(),
        Err(VerifyFailure::Request(e)) => (
            StatusCode::BAD_GATEWAY,
            Json(json!({"verified": false, "error": e.to_string(), "kind": e.kind()})),
        )
            .into_response(),
    }
}

async fn notice(State(app): State<App>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let Ok(body) = WebhookBody::parse(ct, &body) else {
        return StatusCode::BAD_REQUEST;
    };
    let outcome = webhook::handle(&app.client, &app, &body).await;
    eprintln!("webhook {}: {}", body.imp_uid, outcome.kind());
    StatusCode::from_u16(outcome.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// Dev only: the sandbox's payment as the fake PortOne will hold it. Built from what the
/// sandbox window charged (the page's params and the sandbox's answer).
async fn record(State(app): State<App>, Json(b): Json<Value>) -> Response {
    let Some(fake) = &app.fake else {
        return bad(
            StatusCode::NOT_FOUND,
            "the real PortOne API is in use: nothing to record",
        );
    };
    let (Some(imp_uid), Some(merchant_uid), Some(amount)) = (
        b["imp_uid"].as_str().filter(|s| !s.is_empty()),
        b["merchant_uid"].as_str(),
        b["amount"].as_u64(),
    ) else {
        return bad(
            StatusCode::BAD_REQUEST,
            "imp_uid, merchant_uid and a whole amount are required",
        );
    };
    let base = if b["pay_method"] == "vbank" {
        fake_portone::vbank_ready(imp_uid, merchant_uid, amount)
    } else {
        fake_portone::card_payment(imp_uid, merchant_uid, amount)
    };
    let mut fields = serde_json::Map::new();
    for k in [
        "status",
        "pay_method",
        "currency",
        "pg_provider",
        "name",
        "fail_reason",
        "vbank_num",
        "vbank_name",
        "vbank_holder",
        "vbank_date",
    ] {
        if let Some(v) = b.get(k).filter(|v| !v.is_null()) {
            fields.insert(k.into(), v.clone());
        }
    }
    if b["status"] == "failed" {
        fields.insert("paid_at".into(), json!(0));
        fields.insert("failed_at".into(), json!(fake_portone::unix_now()));
    }
    fake.insert(fake_portone::with_fields(base, Value::Object(fields)));
    Json(json!({"recorded": imp_uid})).into_response()
}

// ---- static files, as scripts/serve.mjs serves them -------------------------------------

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json" | "map") => "application/json; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("txt") => "text/plain; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        Some("ts") => "text/plain; charset=utf-8",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The headers every answer of the demo server carries: its type, never cached, never sniffed.
fn served_as(h: &mut header::HeaderMap, content_type: &'static str) {
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store, max-age=0"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
}

fn plain(status: StatusCode, text: String, extra: &[(header::HeaderName, String)]) -> Response {
    let mut r = (status, text).into_response();
    let h = r.headers_mut();
    served_as(h, "text/plain; charset=utf-8");
    for (k, v) in extra {
        if let Ok(v) = HeaderValue::from_str(v) {
            h.insert(k.clone(), v);
        }
    }
    r
}

/// `%XX` decoding of a URL path (decodeURIComponent); `None` when it is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

async fn files(State(app): State<App>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return plain(
            StatusCode::METHOD_NOT_ALLOWED,
            "method not allowed\n".into(),
            &[(header::ALLOW, "GET, HEAD".into())],
        );
    }
    let Some(path) = percent_decode(uri.path()) else {
        return plain(StatusCode::BAD_REQUEST, "bad request\n".into(), &[]);
    };
    if path == "/" || path == "/index.html" {
        return plain(
            StatusCode::FOUND,
            String::new(),
            &[(header::LOCATION, "/www/".into())],
        );
    }
    if path.contains('\0') {
        return plain(StatusCode::BAD_REQUEST, "bad request\n".into(), &[]);
    }
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return plain(StatusCode::FORBIDDEN, "forbidden\n".into(), &[]);
                }
            }
            s if s.contains('\\') => {
                return plain(StatusCode::FORBIDDEN, "forbidden\n".into(), &[])
            }
            s => parts.push(s),
        }
    }
    // Keep the demo from serving what is not web content.
    if parts.first() == Some(&".git")
        || (parts.first() == Some(&"target") && parts.get(1) != Some(&"e2e"))
    {
        return plain(StatusCode::NOT_FOUND, "not found\n".into(), &[]);
    }
    let mut file = app.root.as_ref().clone();
    for p in &parts {
        file.push(p);
    }
    let missing = || plain(StatusCode::NOT_FOUND, format!("not found: {path}\n"), &[]);
    let Ok(meta) = tokio::fs::metadata(&file).await else {
        return missing();
    };
    if meta.is_dir() {
        if !path.ends_with('/') {
            return plain(
                StatusCode::MOVED_PERMANENTLY,
                String::new(),
                &[(header::LOCATION, format!("{}/", uri.path()))],
            );
        }
        file.push("index.html");
    }
    let Ok(body) = tokio::fs::read(&file).await else {
        return missing();
    };
    let len = body.len();
    let body = if method == Method::HEAD {
        Body::empty()
    } else {
        Body::from(body)
    };
    let mut r = Response::new(body);
    let h = r.headers_mut();
    served_as(h, content_type(&file));
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    r
}

#[tokio::main]
async fn main() {
    let arg = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("PORT").ok())
        .unwrap_or_else(|| "8080".into());
    let Ok(port) = arg.parse::<u16>() else {
        eprintln!("usage: demo-server [port]   (got {arg:?})");
        std::process::exit(2);
    };
    let root = std::env::var("DEMO_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."));
    let root = root.canonicalize().unwrap_or(root);

    let key = std::env::var("IAMPORT_API_KEY")
        .ok()
        .filter(|s| !s.is_empty());
    let secret = std::env::var("IAMPORT_API_SECRET")
        .ok()
        .filter(|s| !s.is_empty());
    let (client, fake, note) = match (key, secret) {
        (Some(k), Some(s)) => {
            let base = std::env::var("IAMPORT_API_URL")
                .ok()
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| iamport_pay::server::API_BASE.into());
            let c = Client::builder(k, s).base_url(&base).build();
            (c, None, format!("PortOne: real API at {base}"))
        }
        _ => {
            let fake = fake_portone::FakePortOne::start().await;
            let c = Client::builder(fake_portone::API_KEY, fake_portone::API_SECRET)
                .base_url(&fake.url)
                .build();
            let note = format!(
                "PortOne: in-process fake at {} (set IAMPORT_API_KEY and IAMPORT_API_SECRET for the real API)",
                fake.url
            );
            (c, Some(Arc::new(fake)), note)
        }
    };
    let client = match client {
        Ok(c) => c,
        Err(e) => {
            eprintln!("demo-server: {e}");
            std::process::exit(1);
        }
    };
    let app = App {
        client,
        orders: Arc::default(),
        fake,
        root: Arc::new(root),
    };
    let routes = Router::new()
        .route("/orders", post(new_order))
        .route("/payments/complete", post(complete))
        .route("/portone/webhook", post(notice))
        .route("/fake-portone/payments", post(record))
        .fallback(files)
        .with_state(app);
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("demo-server: cannot listen on 127.0.0.1:{port}: {e}");
            std::process::exit(1);
        }
    };
    let addr = listener.local_addr().map(|a| a.port()).unwrap_or(port);
    println!("serving http://127.0.0.1:{addr}/  (repo root, / -> /www/; {note})");
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(e) = axum::serve(listener, routes)
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("demo-server: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_cart_costs_82700() {
        let cart = [("tangerine", 1), ("board", 1), ("tea", 2)]
            .map(|(id, qty)| Line { id: id.into(), qty });
        assert_eq!(price(&cart), Ok(82700));
        assert_eq!(
            price(&[Line {
                id: "tea".into(),
                qty: 1
            }]),
            Ok(12900)
        );
        assert!(price(&[Line {
            id: "gold".into(),
            qty: 1
        }])
        .is_err());
    }

    /// The catalog is written twice (the page shows it, the server prices from it): the
    /// page's `PRODUCTS` prices and shipping constants must be these.
    #[test]
    fn the_catalog_matches_the_page() {
        let app =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/app.js"))
                .expect("www/app.js");
        for (id, price) in CATALOG {
            let line = app
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("{id}: {{")))
                .unwrap_or_else(|| panic!("www/app.js PRODUCTS has no {id}"));
            assert!(
                line.contains(&format!("price: {price},")),
                "www/app.js prices {id} differently: {line}"
            );
        }
        assert!(app.contains(&format!("const SHIPPING_FEE = {SHIPPING_FEE};")));
        assert!(app.contains(&format!("const FREE_SHIPPING_OVER = {FREE_SHIPPING_OVER};")));
        let products = app
            .split("const PRODUCTS = {")
            .nth(1)
            .and_then(|r| r.split("};").next())
            .unwrap();
        let ids = products.lines().filter(|l| l.contains("price:")).count();
        assert_eq!(
            ids,
            CATALOG.len(),
            "every product of the page is in CATALOG"
        );
    }
}
