//! The README's axum handler (a `rust,ignore` block: axum is not a dependency), line for line
//! as plain Rust, run against an in-memory order table and PortOne (feature `server`).
#![cfg(feature = "server")]

use iamport_pay::server::{unwrap_response, verify_payment, ExpectedOrder};
use iamport_pay::Lang;
use serde_json::{json, Value};
use std::collections::HashMap;

struct Order {
    merchant_uid: String,
    amount: u64,
}

struct Complete {
    imp_uid: String,
    merchant_uid: String,
}

const NOT_FOUND: u16 = 404;
const BAD_GATEWAY: u16 = 502;
const BAD_REQUEST: u16 = 400;

/// In-memory stand-in for the shop's HTTP client to api.iamport.kr.
struct PortOne(HashMap<String, Value>);

impl PortOne {
    fn get(&self, path: &str) -> Value {
        self.0.get(path).cloned().unwrap_or(
            json!({"code": 1, "message": "존재하지 않는 결제정보입니다", "response": null}),
        )
    }
}

/// The README handler's body.
fn complete(
    orders: &HashMap<String, Order>,
    portone: &PortOne,
    req: Complete,
) -> Result<String, (u16, String)> {
    let order = orders
        .get(&req.merchant_uid)
        .ok_or((NOT_FOUND, "no order".to_string()))?;
    let body: Value = portone.get(&format!("/payments/{}", req.imp_uid));
    let payment = unwrap_response(&body).ok_or((BAD_GATEWAY, "PortOne error".to_string()))?;
    let expected = ExpectedOrder::new(&order.merchant_uid, order.amount).imp_uid(&req.imp_uid);
    verify_payment(payment, &expected)
        .map(|v| format!("{:?}", v.state))
        .map_err(|e| (BAD_REQUEST, e.message(Lang::Ko)))
}

fn setup() -> (HashMap<String, Order>, PortOne) {
    let mut orders = HashMap::new();
    orders.insert(
        "order_0001".to_string(),
        Order {
            merchant_uid: "order_0001".into(),
            amount: 64900,
        },
    );
    let mut payments = HashMap::new();
    let ok = |amount: u64, imp: &str| {
        json!({"code": 0, "message": null, "response": {
            "imp_uid": imp, "merchant_uid": "order_0001", "amount": amount,
            "currency": "KRW", "status": "paid", "pay_method": "card"}})
    };
    payments.insert("/payments/imp_good".to_string(), ok(64900, "imp_good"));
    payments.insert("/payments/imp_cheap".to_string(), ok(100, "imp_cheap"));
    (orders, PortOne(payments))
}

fn req(imp_uid: &str, merchant_uid: &str) -> Complete {
    Complete {
        imp_uid: imp_uid.into(),
        merchant_uid: merchant_uid.into(),
    }
}

#[test]
fn handler_accepts_a_matching_payment() {
    let (orders, portone) = setup();
    assert_eq!(
        complete(&orders, &portone, req("imp_good", "order_0001")),
        Ok("Paid".to_string())
    );
}

#[test]
fn handler_rejects_a_tampered_amount_with_the_korean_reason() {
    let (orders, portone) = setup();
    assert_eq!(
        complete(&orders, &portone, req("imp_cheap", "order_0001")),
        Err((
            BAD_REQUEST,
            "결제 금액 100이(가) 주문 금액 64900와(과) 다릅니다: 위변조가 의심됩니다".to_string()
        ))
    );
}

#[test]
fn handler_maps_unknown_orders_and_portone_errors() {
    let (orders, portone) = setup();
    assert_eq!(
        complete(&orders, &portone, req("imp_good", "order_9999")),
        Err((NOT_FOUND, "no order".to_string()))
    );
    assert_eq!(
        complete(&orders, &portone, req("imp_missing", "order_0001")),
        Err((BAD_GATEWAY, "PortOne error".to_string()))
    );
}
