//! The PortOne V1 client (feature `client`) against the fake PortOne in tests/fake_portone:
//! token reuse, expiry, one refresh in flight, one retry after a 401, 404s, non-zero codes,
//! verification (tampered amount, vbank ready, cancelled), every typed call, webhooks, and
//! the `verify_payment` example's exit codes.
#![cfg(all(feature = "client", not(target_arch = "wasm32")))]

mod fake_portone;

use fake_portone::{card_payment, vbank_ready, with_fields, FakePortOne, API_KEY, API_SECRET};
use iamport_pay::client::webhook::{self, Shop, WebhookBody, WebhookOutcome};
use iamport_pay::client::{Client, Error, PaymentInfo, VerifyFailure};
use iamport_pay::server::{
    AgainPayment, BillingKey, CancelPayment, CardData, EscrowLogis, ExpectedOrder, ExternalReceipt,
    IdentifierType, PaymentState, Receipt, Verified,
};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::Duration;

fn client(fake: &FakePortOne) -> Client {
    Client::builder(API_KEY, API_SECRET)
        .base_url(&fake.url)
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

#[tokio::test]
async fn token_is_fetched_once_and_reused() {
    let fake = FakePortOne::start().await;
    fake.insert(card_payment("imp_100000000001", "order-1", 1004));
    let c = client(&fake);
    for _ in 0..5 {
        let p = c.get_payment("imp_100000000001").await.unwrap();
        assert_eq!(p.payment.amount, Some(1004.0));
        assert_eq!(p.status(), Some("paid"));
    }
    assert_eq!(fake.token_calls(), 1);
    assert_eq!(c.token_fetches(), 1);
    assert_eq!(fake.calls("GET /payments/imp_100000000001 -> 200"), 5);
    // Clones share the cache.
    c.clone().get_payment("imp_100000000001").await.unwrap();
    assert_eq!(fake.token_calls(), 1);
}

#[tokio::test]
async fn token_is_refreshed_before_it_expires() {
    let fake = FakePortOne::start().await;
    fake.with(|s| s.token_ttl = 2);
    fake.insert(card_payment("imp_100000000002", "order-2", 500));
    let c = client(&fake);
    c.get_payment("imp_100000000002").await.unwrap();
    c.get_payment("imp_100000000002").await.unwrap();
    assert_eq!(fake.token_calls(), 1);
    // Kept for 2 s minus the margin (0.2 s): at 1.9 s a new one is fetched, and the old
    // one (still live at the fake until 2 s) is never sent late: no 401 at all.
    tokio::time::sleep(Duration::from_millis(1900)).await;
    c.get_payment("imp_100000000002").await.unwrap();
    assert_eq!(fake.token_calls(), 2);
    assert_eq!(fake.calls("GET /payments/imp_100000000002 -> 401"), 0);
}

#[tokio::test]
async fn the_margin_uses_the_servers_clock_not_ours() {
    // PortOne's clock is an hour ahead: expired_at - now is still 30 minutes.
    let fake = FakePortOne::start().await;
    fake.with(|s| s.clock_offset = 3600);
    fake.insert(card_payment("imp_100000000003", "order-3", 500));
    let c = client(&fake);
    c.get_payment("imp_100000000003").await.unwrap();
    c.get_payment("imp_100000000003").await.unwrap();
    assert_eq!(fake.token_calls(), 1);
}

#[tokio::test]
async fn twenty_concurrent_calls_share_one_refresh() {
    let fake = FakePortOne::start().await;
    fake.with(|s| s.token_delay = Duration::from_millis(300));
    fake.insert(card_payment("imp_100000000004", "order-4", 1004));
    let c = client(&fake);
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let c = c.clone();
        tasks.push(tokio::spawn(async move {
            c.get_payment("imp_100000000004").await
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap().unwrap().payment.amount, Some(1004.0));
    }
    assert_eq!(fake.token_calls(), 1, "one getToken for 20 waiting calls");
    assert_eq!(fake.calls("GET /payments/imp_100000000004 -> 200"), 20);
}

#[tokio::test]
async fn a_revoked_token_is_replaced_once() {
    let fake = FakePortOne::start().await;
    fake.insert(card_payment("imp_100000000005", "order-5", 1004));
    let c = client(&fake);
    c.get_payment("imp_100000000005").await.unwrap();
    fake.revoke_tokens();
    let p = c.get_payment("imp_100000000005").await.unwrap();
    assert_eq!(p.payment.merchant_uid.as_deref(), Some("order-5"));
    assert_eq!(fake.token_calls(), 2);
    assert_eq!(fake.calls("GET /payments/imp_100000000005 -> 401"), 1);
    assert_eq!(fake.calls("GET /payments/imp_100000000005 -> 200"), 2);
}

#[tokio::test]
async fn the_authorization_form_follows_the_server() {
    for bearer_only in [true, false] {
        let fake = FakePortOne::start().await;
        fake.with(|s| s.bearer_only = Some(bearer_only));
        fake.insert(card_payment("imp_100000000009", "order-9", 1004));
        let c = client(&fake);
        for _ in 0..3 {
            c.get_payment("imp_100000000009").await.unwrap();
        }
        // Bearer (the REST reference's form) first; a bare-token server costs one retry once.
        let refused = if bearer_only { 0 } else { 1 };
        assert_eq!(fake.calls("GET /payments/imp_100000000009 -> 401"), refused);
        assert_eq!(fake.calls("GET /payments/imp_100000000009 -> 200"), 3);
        assert_eq!(fake.token_calls(), 1 + refused);
        // A revoked token is then replaced in the form that works.
        fake.revoke_tokens();
        c.get_payment("imp_100000000009").await.unwrap();
        assert_eq!(
            fake.calls("GET /payments/imp_100000000009 -> 401"),
            refused + 1
        );
    }
}

#[tokio::test]
async fn a_401_is_retried_once_not_forever() {
    let fake = FakePortOne::start().await;
    fake.insert(card_payment("imp_100000000006", "order-6", 1004));
    fake.with(|s| s.reject_all = true);
    let c = client(&fake);
    let err = c.get_payment("imp_100000000006").await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Http {
                status: 401,
                code: Some(-1),
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.kind(), "unauthorized");
    assert_eq!(
        fake.calls("GET /payments/imp_100000000006"),
        2,
        "the call and one retry"
    );
    assert_eq!(fake.token_calls(), 2);
}

#[tokio::test]
async fn bad_credentials_are_an_error_with_portones_message() {
    let fake = FakePortOne::start().await;
    let c = Client::builder(API_KEY, "wrong")
        .base_url(&fake.url)
        .build()
        .unwrap();
    let err = c.get_payment("imp_1").await.unwrap_err();
    assert!(
        matches!(&err, Error::Http { status: 401, call, .. } if call == "POST /users/getToken"),
        "{err:?}"
    );
    assert_eq!(
        err.portone_message(),
        Some("imp_key, imp_secret 정보가 올바르지 않습니다.")
    );
    assert!(err.to_string().contains("POST /users/getToken"), "{err}");
    assert_eq!(fake.calls("GET"), 0, "no call without a token");
}

#[tokio::test]
async fn a_404_is_not_found_never_success() {
    let fake = FakePortOne::start().await;
    let c = client(&fake);
    let err = c.get_payment("imp_000000000000").await.unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(err.code(), Some(1));
    assert_eq!(err.portone_message(), Some("존재하지 않는 결제정보입니다."));
    assert!(c
        .find_payment("no-such-order")
        .await
        .unwrap_err()
        .is_not_found());
    assert!(c
        .get_prepared("no-such-order")
        .await
        .unwrap_err()
        .is_not_found());
    assert!(c
        .get_billing_key("nobody")
        .await
        .unwrap_err()
        .is_not_found());
    let v = c
        .verify("imp_000000000000", &ExpectedOrder::new("o", 1))
        .await
        .unwrap_err();
    assert!(
        matches!(v, VerifyFailure::Request(ref e) if e.is_not_found()),
        "{v:?}"
    );
}

#[tokio::test]
async fn a_non_zero_code_on_200_is_an_error() {
    let fake = FakePortOne::start().await;
    fake.insert(card_payment("imp_100000000007", "order-7", 1004));
    let c = client(&fake);
    fake.with(|s| s.next_code = Some((-1, "일시적인 오류입니다".into())));
    let err = c.get_payment("imp_100000000007").await.unwrap_err();
    assert!(
        matches!(&err, Error::Api { code: -1, message: Some(m), .. } if m == "일시적인 오류입니다"),
        "{err:?}"
    );
    assert_eq!(err.status(), Some(200));
    // prepare twice: PortOne's code 1 on HTTP 200.
    c.prepare("order-7b", 1004).await.unwrap();
    let dup = c.prepare("order-7b", 1004).await.unwrap_err();
    assert!(matches!(dup, Error::Api { code: 1, .. }), "{dup:?}");
}

#[tokio::test]
async fn path_segments_are_percent_encoded() {
    let fake = FakePortOne::start().await;
    fake.insert(card_payment("imp_100000000008", "주문/8 #1", 1004));
    let c = client(&fake);
    let p = c.find_payment("주문/8 #1").await.unwrap();
    assert_eq!(p.payment.imp_uid.as_deref(), Some("imp_100000000008"));
    assert_eq!(
        fake.calls("GET /payments/find/%EC%A3%BC%EB%AC%B8%2F8%20%231 -> 200"),
        1
    );
    // A slash in an imp_uid stays in its segment (404, not another endpoint).
    assert!(c
        .get_payment("../users/getToken")
        .await
        .unwrap_err()
        .is_not_found());
}

#[tokio::test]
async fn undecodable_bodies_and_timeouts_are_typed() {
    // A server that answers HTML, and one that never answers.
    use axum::routing::{get, post};
    let app = axum::Router::new()
        .route(
            "/users/getToken",
            post(|| async { axum::Json(json!({"code":0,"message":null,"response":{"access_token":"t","now":1,"expired_at":1801}})) }),
        )
        .route("/payments/{id}", get(|| async { "<html>502 Bad Gateway</html>" }))
        .route(
            "/payments/find/{id}",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "late"
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let c = Client::builder("k", "s")
        .base_url(url)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let err = c.get_payment("imp_1").await.unwrap_err();
    assert!(matches!(err, Error::Decode { status: 200, .. }), "{err:?}");
    let err = c.find_payment("o").await.unwrap_err();
    assert_eq!(err.kind(), "timeout", "{err:?}");
    // Nothing listens on this port.
    let dead = Client::builder("k", "s")
        .base_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    assert_eq!(
        dead.get_payment("imp_1").await.unwrap_err().kind(),
        "transport"
    );
}

#[tokio::test]
async fn verify_paid_tampered_vbank_and_cancelled() {
    let fake = FakePortOne::start().await;
    fake.insert(card_payment("imp_200000000001", "order-a", 82700));
    fake.insert(card_payment("imp_200000000002", "order-b", 1004));
    fake.insert(vbank_ready("imp_200000000003", "order-c", 82700));
    fake.insert(with_fields(
        card_payment("imp_200000000004", "order-d", 82700),
        json!({"status": "cancelled", "cancel_amount": 82700, "cancelled_at": 1_764_590_000}),
    ));
    // Float-formatted amount, as some proxies write it.
    fake.insert(with_fields(
        card_payment("imp_200000000005", "order-e", 0),
        json!({"amount": 82700.0}),
    ));
    let c = client(&fake);

    let ok = c
        .verify("imp_200000000001", &ExpectedOrder::new("order-a", 82700))
        .await
        .unwrap();
    assert_eq!((ok.amount, ok.state.clone()), (82700, PaymentState::Paid));

    // The browser changed the amount: 1004 paid for an 82,700 order.
    let err = c
        .verify("imp_200000000002", &ExpectedOrder::new("order-b", 82700))
        .await
        .unwrap_err();
    let m = err.mismatch().expect("a mismatch");
    assert_eq!(m.codes(), ["amount_mismatch"]);
    assert_eq!(m.mismatches[0].field(), "amount");

    let vb = c
        .verify("imp_200000000003", &ExpectedOrder::new("order-c", 82700))
        .await
        .unwrap();
    assert!(matches!(&vb.state, PaymentState::VbankIssued(a) if a.bank_name == "KB국민은행"));
    let strict = ExpectedOrder::new("order-c", 82700).accept_vbank_ready(false);
    let e = c.verify("imp_200000000003", &strict).await.unwrap_err();
    assert_eq!(e.mismatch().unwrap().codes(), ["not_paid"]);

    let e = c
        .verify("imp_200000000004", &ExpectedOrder::new("order-d", 82700))
        .await
        .unwrap_err();
    assert_eq!(e.mismatch().unwrap().codes(), ["cancelled"]);

    c.verify("imp_200000000005", &ExpectedOrder::new("order-e", 82700))
        .await
        .unwrap();

    // Another order's payment, and another currency.
    let e = c
        .verify(
            "imp_200000000001",
            &ExpectedOrder::new("order-x", 82700).currency("USD"),
        )
        .await
        .unwrap_err();
    assert_eq!(
        e.mismatch().unwrap().codes(),
        ["merchant_uid_mismatch", "currency_mismatch"]
    );
}

#[tokio::test]
async fn prepare_cancel_billing_receipts_escrow() {
    let fake = FakePortOne::start().await;
    let c = client(&fake);

    let p = c.prepare("order-p", 82700).await.unwrap();
    assert_eq!(
        (p.merchant_uid.as_deref(), p.amount),
        (Some("order-p"), Some(82700.0))
    );
    assert_eq!(
        c.get_prepared("order-p").await.unwrap().amount,
        Some(82700.0)
    );

    fake.insert(card_payment("imp_300000000001", "order-q", 10000));
    let partial = CancelPayment::by_imp_uid("imp_300000000001")
        .amount(4000)
        .checksum(10000)
        .reason("부분 환불")
        .build()
        .unwrap();
    let after = c.cancel(&partial).await.unwrap();
    assert_eq!(
        (after.cancel_amount, after.status()),
        (Some(4000.0), Some("paid"))
    );
    let rest = CancelPayment::by_imp_uid("imp_300000000001")
        .build()
        .unwrap();
    let after = c.cancel(&rest).await.unwrap();
    assert_eq!(
        (after.cancel_amount, after.status()),
        (Some(10000.0), Some("cancelled"))
    );
    let again = c.cancel(&rest).await.unwrap_err();
    assert!(matches!(again, Error::Api { code: 1, .. }), "{again:?}");
    let missing = c
        .cancel(&CancelPayment::by_imp_uid("imp_999").build().unwrap())
        .await
        .unwrap_err();
    assert!(matches!(missing, Error::Api { code: 1, .. }), "{missing:?}");

    let card = CardData::new("1234-1234-1234-1234", "2029-12", "880101").pwd_2digit("12");
    let key = BillingKey::builder("cust/0001", card)
        .pg("html5_inicis.INIBillTst")
        .build()
        .unwrap();
    let k = c.register_billing_key(&key).await.unwrap();
    assert_eq!(k.customer_uid.as_deref(), Some("cust/0001"));
    assert!(
        !format!("{k:?}").contains("1234********"),
        "Debug leaves the card out"
    );
    assert_eq!(
        c.get_billing_key("cust/0001")
            .await
            .unwrap()
            .card_name
            .as_deref(),
        Some("신한카드")
    );
    let charge = AgainPayment::builder("cust/0001", "order-r", 8900)
        .name("월간 이용권")
        .build()
        .unwrap();
    let paid = c.pay_again(&charge).await.unwrap();
    assert_eq!(
        (paid.status(), paid.customer_uid.as_deref()),
        (Some("paid"), Some("cust/0001"))
    );
    c.verify(
        paid.payment.imp_uid.as_deref().unwrap(),
        &ExpectedOrder::new("order-r", 8900),
    )
    .await
    .unwrap();
    c.delete_billing_key("cust/0001").await.unwrap();
    assert!(c
        .get_billing_key("cust/0001")
        .await
        .unwrap_err()
        .is_not_found());
    let unknown = c.pay_again(&charge).await.unwrap_err();
    assert!(matches!(unknown, Error::Api { code: 1, .. }), "{unknown:?}");

    fake.insert(card_payment("imp_300000000002", "order-s", 33000));
    let r = Receipt::builder("imp_300000000002", "01012345678")
        .identifier_type(IdentifierType::Phone)
        .build()
        .unwrap();
    let issued = c.issue_receipt(&r).await.unwrap();
    assert_eq!(
        (issued.imp_uid.as_deref(), issued.amount),
        (Some("imp_300000000002"), Some(33000.0))
    );
    let ext = ExternalReceipt::builder("order-t", "현금 판매", 109000, "1178178260")
        .identifier_type(IdentifierType::Business)
        .build()
        .unwrap();
    assert_eq!(
        c.issue_external_receipt(&ext).await.unwrap().amount,
        Some(109000.0)
    );

    let logis = EscrowLogis::builder("imp_300000000002", "CJGLS", "1728384716123")
        .receiving_at("20220215")
        .receiver_name("홍길동")
        .build()
        .unwrap();
    let e = c.register_escrow_logis(&logis).await.unwrap();
    assert_eq!(
        (e.company.as_deref(), e.invoice.as_deref()),
        (Some("CJGLS"), Some("1728384716123"))
    );
    assert!(e.applied_at.is_some());
    c.update_escrow_logis(&logis).await.unwrap();
    assert_eq!(fake.calls("PUT /escrows/logis/imp_300000000002 -> 200"), 1);
    let none = EscrowLogis::builder("imp_404", "CJGLS", "1")
        .build()
        .unwrap();
    assert!(c
        .register_escrow_logis(&none)
        .await
        .unwrap_err()
        .is_not_found());
}

#[test]
fn payment_info_debug_has_no_buyer_data() {
    let info = PaymentInfo::from_json(card_payment("imp_1", "o", 1)).unwrap();
    let d = format!("{info:?}");
    assert!(!d.contains("홍길동") && !d.contains("010-4242-4242"), "{d}");
    assert!(d.contains("imp_1"), "{d}");
}

/// An in-memory shop: orders by merchant_uid, settled (imp_uid, state) keys.
#[derive(Default)]
struct MemoryShop {
    orders: HashMap<String, u64>,
    settled: Mutex<HashSet<String>>,
    settle_calls: Mutex<Vec<String>>,
}

impl Shop for MemoryShop {
    type Error = String;
    async fn order(&self, merchant_uid: &str) -> Result<Option<ExpectedOrder>, String> {
        Ok(self
            .orders
            .get(merchant_uid)
            .map(|a| ExpectedOrder::new(merchant_uid, *a)))
    }
    async fn settle(&self, v: &Verified, _p: &PaymentInfo) -> Result<bool, String> {
        let key = webhook::settle_key(v);
        self.settle_calls.lock().unwrap().push(key.clone());
        Ok(self.settled.lock().unwrap().insert(key))
    }
}

#[tokio::test]
async fn webhook_refetches_verifies_and_settles_once() {
    let fake = FakePortOne::start().await;
    let c = client(&fake);
    let mut shop = MemoryShop::default();
    shop.orders.insert("order-w1".into(), 82700);
    shop.orders.insert("order-w2".into(), 82700);
    fake.insert(card_payment("imp_400000000001", "order-w1", 82700));

    // The body claims a status and an order; only imp_uid is used, and the payment is fetched.
    let body = WebhookBody::parse(
        Some("application/x-www-form-urlencoded"),
        b"imp_uid=imp_400000000001&merchant_uid=order-w2&status=cancelled",
    )
    .unwrap();
    let first = webhook::handle(&c, &shop, &body).await;
    assert!(
        matches!(&first, WebhookOutcome::Settled(v) if v.merchant_uid == "order-w1"),
        "{first:?}"
    );
    assert_eq!(first.http_status(), 200);
    assert_eq!(
        fake.calls("GET /payments/imp_400000000001 -> 200"),
        1,
        "re-fetched"
    );

    // The same notice again (JSON this time): verified again, not settled twice.
    let again = WebhookBody::from_json(
        br#"{"imp_uid":"imp_400000000001","merchant_uid":"order-w1","status":"paid"}"#,
    )
    .unwrap();
    let second = webhook::handle(&c, &shop, &again).await;
    assert_eq!(second.kind(), "repeat");
    assert_eq!(second.http_status(), 200);
    assert_eq!(shop.settled.lock().unwrap().len(), 1);

    // A body that claims "paid" for a payment PortOne holds with a tampered amount.
    fake.insert(card_payment("imp_400000000002", "order-w2", 1004));
    let forged =
        WebhookBody::from_json(br#"{"imp_uid":"imp_400000000002","status":"paid"}"#).unwrap();
    match webhook::handle(&c, &shop, &forged).await {
        WebhookOutcome::Refused { reasons, .. } => assert_eq!(reasons.codes(), ["amount_mismatch"]),
        other => panic!("{other:?}"),
    }

    // vbank: issued, then deposited: two settlements, one each.
    shop.orders.insert("order-w3".into(), 50000);
    fake.insert(vbank_ready("imp_400000000003", "order-w3", 50000));
    let vb = WebhookBody::from_json(br#"{"imp_uid":"imp_400000000003","status":"ready"}"#).unwrap();
    assert_eq!(webhook::handle(&c, &shop, &vb).await.kind(), "settled");
    fake.insert(with_fields(
        vbank_ready("imp_400000000003", "order-w3", 50000),
        json!({"status": "paid", "paid_at": 1_764_600_000}),
    ));
    assert_eq!(webhook::handle(&c, &shop, &vb).await.kind(), "settled");
    assert_eq!(webhook::handle(&c, &shop, &vb).await.kind(), "repeat");
    let keys = shop.settled.lock().unwrap().clone();
    assert!(
        keys.contains("imp_400000000003:vbank_issued") && keys.contains("imp_400000000003:paid"),
        "{keys:?}"
    );

    // Unknown to PortOne, unknown to the shop, PortOne down.
    let nf = WebhookBody::from_json(br#"{"imp_uid":"imp_000000000000"}"#).unwrap();
    let out = webhook::handle(&c, &shop, &nf).await;
    assert_eq!((out.kind(), out.http_status()), ("not_found", 404));
    fake.insert(card_payment("imp_400000000004", "order-unknown", 1000));
    let uo = WebhookBody::from_json(br#"{"imp_uid":"imp_400000000004"}"#).unwrap();
    assert_eq!(
        webhook::handle(&c, &shop, &uo).await.kind(),
        "unknown_order"
    );
    fake.with(|s| s.reject_all = true);
    let down = webhook::handle(&c, &shop, &uo).await;
    assert_eq!((down.kind(), down.http_status()), ("unreachable", 503));
}

#[tokio::test]
async fn webhook_reply_is_the_whole_route() {
    let fake = FakePortOne::start().await;
    let c = client(&fake);
    let mut shop = MemoryShop::default();
    shop.orders.insert("order-r1".into(), 82700);
    fake.insert(card_payment("imp_400000000101", "order-r1", 82700));
    let form = Some("application/x-www-form-urlencoded");
    let body = b"imp_uid=imp_400000000101&merchant_uid=order-r1&status=paid";
    assert_eq!(webhook::reply(&c, &shop, form, body).await, 200);
    assert_eq!(webhook::reply(&c, &shop, form, body).await, 200, "a repeat");
    assert_eq!(shop.settle_calls.lock().unwrap().len(), 2);
    assert_eq!(shop.settled.lock().unwrap().len(), 1, "settled once");
    let json = Some("application/json");
    assert_eq!(
        webhook::reply(&c, &shop, json, br#"{"status":"paid"}"#).await,
        400
    );
    let unknown = br#"{"imp_uid":"imp_000000000000"}"#;
    assert_eq!(webhook::reply(&c, &shop, json, unknown).await, 404);
}

#[test]
fn webhook_bodies() {
    let j = WebhookBody::parse(None, br#" {"imp_uid":"imp_1","merchant_uid":null,"event":"Inicis.Escrow.Changed","extra":{"escrow_status":"4"}}"#).unwrap();
    assert_eq!(
        (j.imp_uid.as_str(), j.merchant_uid, j.event.as_deref()),
        ("imp_1", None, Some("Inicis.Escrow.Changed"))
    );
    let f = WebhookBody::from_form(b"imp_uid=imp_%EA%B0%80+1&status=paid&x=y").unwrap();
    assert_eq!(
        (f.imp_uid.as_str(), f.status.as_deref()),
        ("imp_가 1", Some("paid"))
    );
    assert!(WebhookBody::from_json(br#"{"imp_uid":""}"#).is_err());
    assert!(WebhookBody::from_json(br#"{"imp_uid":5}"#).is_err());
    assert!(WebhookBody::from_json(b"[]").is_err());
    assert!(WebhookBody::from_form(b"status=paid").is_err());
}

// ---- The example CLI --------------------------------------------------------------------

/// Runs the built `verify_payment` example against `url`.
fn cli(url: &str, secret: &str, args: &[&str]) -> (i32, String, String) {
    // This test runs from <target>/debug/deps/; `cargo test` builds the examples next to it.
    let deps = std::env::current_exe().unwrap();
    let exe = deps
        .parent()
        .and_then(|d| d.parent())
        .unwrap()
        .join("examples")
        .join(format!("verify_payment{}", std::env::consts::EXE_SUFFIX));
    assert!(
        exe.exists(),
        "{} is not built: run `cargo test --features client` (it builds the examples) or `cargo build --features client --example verify_payment`",
        exe.display()
    );
    // `cargo test --test client` alone does not rebuild examples: refuse a stale binary.
    let built = std::fs::metadata(&exe).and_then(|m| m.modified()).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["examples", "src/client", "src/server"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                let changed = std::fs::metadata(&path).and_then(|m| m.modified()).unwrap();
                assert!(
                    changed <= built,
                    "{} is older than {}: run `cargo build --features client --example verify_payment` (a full `cargo test --features client` builds it)",
                    exe.display(),
                    path.display()
                );
            }
        }
    }
    let out = std::process::Command::new(exe)
        .args(args)
        .env("IAMPORT_API_KEY", API_KEY)
        .env("IAMPORT_API_SECRET", secret)
        .env("IAMPORT_API_URL", url)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn line(stdout: &str) -> serde_json::Value {
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON line: {stdout:?}");
    serde_json::from_str(lines[0]).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn cli_exit_codes() {
    let fake = FakePortOne::start().await;
    fake.insert(card_payment("imp_500000000001", "order-c1", 1004));
    fake.insert(vbank_ready("imp_500000000002", "order-c2", 1004));
    fake.insert(with_fields(
        card_payment("imp_500000000003", "order-c3", 1004),
        json!({"status": "cancelled"}),
    ));
    fake.insert(with_fields(
        card_payment("imp_500000000004", "order-c4", 1004),
        json!({"currency": "USD", "amount": 1004.0}),
    ));
    let url = fake.url.clone();
    let run = move |secret: &'static str, args: Vec<&'static str>| {
        let url = url.clone();
        tokio::task::spawn_blocking(move || cli(&url, secret, &args))
    };

    let (code, out, err) = run(
        API_SECRET,
        vec![
            "--imp-uid",
            "imp_500000000001",
            "--merchant-uid",
            "order-c1",
            "--amount",
            "1004",
        ],
    )
    .await
    .unwrap();
    assert_eq!(code, 0, "{out} {err}");
    let v = line(&out);
    assert_eq!(
        (
            v["verified"].clone(),
            v["amount"].clone(),
            v["status"].clone()
        ),
        (json!(true), json!(1004), json!("paid"))
    );

    // A fake that takes only the bare token, or only "Bearer <token>": verified either way.
    for form in [false, true] {
        fake.with(|s| s.bearer_only = Some(form));
        let c1 = [
            "--imp-uid",
            "imp_500000000001",
            "--merchant-uid",
            "order-c1",
            "--amount",
            "1004",
        ];
        let (code, out, err) = run(API_SECRET, c1.to_vec()).await.unwrap();
        assert_eq!(
            (code, line(&out)["verified"].clone()),
            (0, json!(true)),
            "{err}"
        );
    }
    fake.with(|s| s.bearer_only = None);

    // Every number written as a float, strings where a number is odd: still a paid card.
    fake.insert(with_fields(
        card_payment("imp_500000000005", "order-c5", 1004),
        json!({"amount": 1004.0, "paid_at": 1_764_590_000.0, "vbank_date": 0.0, "cancel_amount": 0.0,
               "card_quota": 0.0, "failed_at": 0.0, "vbank_num": "", "vbank_holder": null,
               "unknown_field": {"nested": [1, 2]}}),
    ));
    let c5 = [
        "--imp-uid",
        "imp_500000000005",
        "--merchant-uid",
        "order-c5",
        "--amount",
        "1004",
    ];
    let (code, out, err) = run(API_SECRET, c5.to_vec()).await.unwrap();
    assert_eq!(
        (code, line(&out)["verified"].clone()),
        (0, json!(true)),
        "{out} {err}"
    );

    let (code, out, _) = run(
        API_SECRET,
        vec![
            "--imp-uid",
            "imp_500000000001",
            "--merchant-uid",
            "order-c1",
            "--amount",
            "82700",
        ],
    )
    .await
    .unwrap();
    assert_eq!(code, 1);
    let v = line(&out);
    assert_eq!(v["verified"], json!(false));
    assert_eq!(v["reasons"][0]["code"], "amount_mismatch");
    assert_eq!(v["reasons"][0]["field"], "amount");

    let (code, out, _) = run(
        API_SECRET,
        vec![
            "--imp-uid",
            "imp_500000000001",
            "--merchant-uid",
            "order-zz",
            "--amount",
            "1004",
        ],
    )
    .await
    .unwrap();
    assert_eq!(
        (code, line(&out)["reasons"][0]["field"].clone()),
        (1, json!("merchant_uid"))
    );

    // vbank ready: no money yet, so not verified by default; with the flag, an issued account.
    let c2 = [
        "--imp-uid",
        "imp_500000000002",
        "--merchant-uid",
        "order-c2",
        "--amount",
        "1004",
    ];
    let (code, out, _) = run(API_SECRET, c2.to_vec()).await.unwrap();
    let v = line(&out);
    assert_eq!(
        (
            code,
            v["reasons"][0]["code"].clone(),
            v["reasons"][0]["field"].clone()
        ),
        (1, json!("not_paid"), json!("status"))
    );
    let mut strict_off = vec!["--accept-vbank-ready"];
    strict_off.extend(c2);
    let (code, out, _) = run(API_SECRET, strict_off).await.unwrap();
    let v = line(&out);
    assert_eq!(
        (code, v["status"].clone(), v["vbank"]["bank_name"].clone()),
        (0, json!("ready"), json!("KB국민은행"))
    );

    let (code, out, _) = run(
        API_SECRET,
        vec![
            "--imp-uid",
            "imp_500000000003",
            "--merchant-uid",
            "order-c3",
            "--amount",
            "1004",
        ],
    )
    .await
    .unwrap();
    assert_eq!(
        (code, line(&out)["reasons"][0]["field"].clone()),
        (1, json!("status"))
    );

    let (code, out, _) = run(
        API_SECRET,
        vec![
            "--imp-uid",
            "imp_500000000004",
            "--merchant-uid",
            "order-c4",
            "--amount",
            "1004",
            "--currency",
            "KRW",
        ],
    )
    .await
    .unwrap();
    assert_eq!(
        (code, line(&out)["reasons"][0]["code"].clone()),
        (1, json!("currency_mismatch"))
    );
    let (code, _, _) = run(
        API_SECRET,
        vec![
            "--imp-uid",
            "imp_500000000004",
            "--merchant-uid",
            "order-c4",
            "--amount",
            "1004",
            "--currency",
            "USD",
        ],
    )
    .await
    .unwrap();
    assert_eq!(code, 0);

    // Errors: not found, bad credentials, bad usage, nothing listening.
    let (code, out, err) = run(
        API_SECRET,
        vec![
            "--imp-uid",
            "imp_000000000000",
            "--merchant-uid",
            "o",
            "--amount",
            "1",
        ],
    )
    .await
    .unwrap();
    assert_eq!(code, 2, "{out} {err}");
    assert!(err.contains("not found"), "{err}");
    assert_eq!(line(&out)["verified"], json!(false));
    let (code, _, err) = run(
        "wrong",
        vec![
            "--imp-uid",
            "imp_500000000001",
            "--merchant-uid",
            "order-c1",
            "--amount",
            "1004",
        ],
    )
    .await
    .unwrap();
    assert_eq!(code, 2);
    assert!(err.contains("401"), "{err}");
    let (code, _, err) = run(
        API_SECRET,
        vec!["--imp-uid", "imp_500000000001", "--amount", "10x"],
    )
    .await
    .unwrap();
    assert_eq!(code, 2);
    assert!(
        err.contains("--amount") || err.contains("--merchant-uid"),
        "{err}"
    );
    let (code, _, err) = tokio::task::spawn_blocking(|| {
        cli(
            "http://127.0.0.1:9",
            API_SECRET,
            &["--imp-uid", "i", "--merchant-uid", "o", "--amount", "1"],
        )
    })
    .await
    .unwrap();
    assert_eq!(code, 2);
    assert!(err.contains("could not reach PortOne"), "{err}");
}
