//! `verify_payment` cases (feature `server`): each case is a payment as `GET /payments/{imp_uid}`
//! returns it, the order, and the outcome; every case runs on the JSON and on the typed
//! `Payment`, which must agree.
#![cfg(feature = "server")]

use iamport_pay::server::{
    unwrap_response, verify_payment, ExpectedOrder, Mismatch, Payment, PaymentState, VbankAccount,
};
use iamport_pay::Lang;
use serde_json::{json, Value};

/// The REST payment of request-pay-response.mdx's sample (lines 268-294), with the REST
/// name `amount` (auth-payment-flow.mdx:380) for the callback's `paid_amount`.
fn paid_card() -> Value {
    json!({
        "imp_uid": "imp_347242536261", "merchant_uid": "57008833-33004",
        "amount": 1004, "currency": "KRW", "status": "paid", "pay_method": "card",
        "pg_provider": "kcp", "name": "당근 10kg", "paid_at": 1648344363
    })
}

fn vbank_ready() -> Value {
    json!({
        "imp_uid": "imp_100000000001", "merchant_uid": "57008833-33004",
        "amount": 1004, "currency": "KRW", "status": "ready", "pay_method": "vbank",
        "vbank_num": "T0309260001169", "vbank_name": "KB국민은행", "vbank_holder": null,
        "vbank_date": 1648430763
    })
}

fn with(mut v: Value, patch: Value) -> Value {
    for (k, x) in patch.as_object().unwrap() {
        if x.is_null() {
            v.as_object_mut().unwrap().remove(k);
        } else {
            v[k] = x.clone();
        }
    }
    v
}

fn order() -> ExpectedOrder {
    ExpectedOrder::new("57008833-33004", 1004)
}

enum Outcome {
    Paid,
    Vbank(VbankAccount),
    /// (code, field) of every mismatch, in order.
    Err(&'static [(&'static str, &'static str)]),
}

struct Case {
    name: &'static str,
    payment: Value,
    order: ExpectedOrder,
    outcome: Outcome,
}

fn cases() -> Vec<Case> {
    use Outcome::*;
    vec![
        Case {
            name: "paid card (auth-payment-flow.mdx:387-390)",
            payment: paid_card(),
            order: order(),
            outcome: Paid,
        },
        Case {
            name: "amount tampered in the browser (auth-payment-flow.mdx:392-394)",
            payment: with(paid_card(), json!({"amount": 4})),
            order: order(),
            outcome: Err(&[("amount_mismatch", "amount")]),
        },
        Case {
            name: "payment of another order (auth-payment-flow.mdx:379)",
            payment: with(paid_card(), json!({"merchant_uid": "57008833-99999"})),
            order: order(),
            outcome: Err(&[("merchant_uid_mismatch", "merchant_uid")]),
        },
        Case {
            name: "cancelled payment",
            payment: with(paid_card(), json!({"status": "cancelled"})),
            order: order(),
            outcome: Err(&[("cancelled", "status")]),
        },
        Case {
            name: "failed payment (request-pay-response.mdx:114)",
            payment: with(paid_card(), json!({"status": "failed"})),
            order: order(),
            outcome: Err(&[("failed", "status")]),
        },
        Case {
            name: "card left in ready: buyer closed the window (request-pay-response.mdx:112)",
            payment: with(paid_card(), json!({"status": "ready"})),
            order: order(),
            outcome: Err(&[("not_paid", "status")]),
        },
        Case {
            name: "vbank issued (auth-payment-flow.mdx:382-385)",
            payment: vbank_ready(),
            order: order(),
            outcome: Vbank(VbankAccount {
                num: "T0309260001169".into(),
                bank_name: "KB국민은행".into(),
                holder: None,
                due: 1648430763,
            }),
        },
        Case {
            name: "vbank issued, deadline as a string of digits (request-pay-response.mdx:261-263)",
            payment: with(
                vbank_ready(),
                json!({"vbank_date": "1648430763", "vbank_holder": "(주)포트원"}),
            ),
            order: order(),
            outcome: Vbank(VbankAccount {
                num: "T0309260001169".into(),
                bank_name: "KB국민은행".into(),
                holder: Some("(주)포트원".into()),
                due: 1648430763,
            }),
        },
        Case {
            name: "vbank ready without the account",
            payment: with(
                vbank_ready(),
                json!({"vbank_num": null, "vbank_date": null}),
            ),
            order: order(),
            outcome: Err(&[("missing", "vbank_num"), ("missing", "vbank_date")]),
        },
        Case {
            name: "vbank ready when only deposits count",
            payment: vbank_ready(),
            order: order().accept_vbank_ready(false),
            outcome: Err(&[("not_paid", "status")]),
        },
        Case {
            name: "vbank paid",
            payment: with(vbank_ready(), json!({"status": "paid"})),
            order: order().accept_vbank_ready(false),
            outcome: Paid,
        },
        Case {
            name: "currency mismatch",
            payment: with(paid_card(), json!({"currency": "USD"})),
            order: order(),
            outcome: Err(&[("currency_mismatch", "currency")]),
        },
        Case {
            name: "USD order paid in USD, decimal amount",
            payment: with(paid_card(), json!({"currency": "USD", "amount": 10.5})),
            order: ExpectedOrder::new("57008833-33004", 10).currency("USD"),
            outcome: Err(&[("amount_mismatch", "amount")]),
        },
        Case {
            name: "no currency means KRW (request-pay-params.mdx currency)",
            payment: with(paid_card(), json!({"currency": null})),
            order: order(),
            outcome: Paid,
        },
        Case {
            name: "imp_uid from the callback differs",
            payment: paid_card(),
            order: order().imp_uid("imp_000000000000"),
            outcome: Err(&[("imp_uid_mismatch", "imp_uid")]),
        },
        Case {
            name: "imp_uid from the callback matches",
            payment: paid_card(),
            order: order().imp_uid("imp_347242536261"),
            outcome: Paid,
        },
        Case {
            name: "every mismatch at once, in field order",
            payment: with(
                paid_card(),
                json!({"merchant_uid": "x", "amount": 4, "currency": "USD", "status": "cancelled"}),
            ),
            order: order(),
            outcome: Err(&[
                ("merchant_uid_mismatch", "merchant_uid"),
                ("amount_mismatch", "amount"),
                ("currency_mismatch", "currency"),
                ("cancelled", "status"),
            ]),
        },
        Case {
            name: "the callback response is not the REST payment: paid_amount, no amount",
            payment: json!({
                "imp_uid": "imp_347242536261", "merchant_uid": "57008833-33004",
                "paid_amount": 1004, "status": "paid", "success": true
            }),
            order: order(),
            outcome: Err(&[("missing", "amount")]),
        },
        Case {
            name: "KSNET-style callback with ids only (ksnet.mdx:44-48)",
            payment: json!({"imp_uid": "imp_347242536261", "merchant_uid": "57008833-33004"}),
            order: order(),
            outcome: Err(&[("missing", "amount"), ("missing", "status")]),
        },
        Case {
            name: "amount as a string",
            payment: with(paid_card(), json!({"amount": "1004"})),
            order: order(),
            outcome: Err(&[("invalid_type", "amount")]),
        },
        Case {
            name: "undocumented status",
            payment: with(paid_card(), json!({"status": "refunded"})),
            order: order(),
            outcome: Err(&[("unknown_status", "status")]),
        },
        Case {
            name: "not an object",
            payment: json!([paid_card()]),
            order: order(),
            outcome: Err(&[("not_an_object", "")]),
        },
    ]
}

#[test]
fn verify_cases() {
    let mut failures = Vec::new();
    for case in cases() {
        let got = verify_payment(&case.payment, &case.order);
        let ok = match (&case.outcome, &got) {
            (Outcome::Paid, Ok(v)) => {
                v.state == PaymentState::Paid
                    && v.merchant_uid == case.order.merchant_uid
                    && v.amount == case.order.amount
                    && !v.imp_uid.is_empty()
            }
            (Outcome::Vbank(acct), Ok(v)) => v.state == PaymentState::VbankIssued(acct.clone()),
            (Outcome::Err(want), Err(e)) => {
                let have: Vec<_> = e.mismatches.iter().map(|m| (m.code(), m.field())).collect();
                have == *want
            }
            _ => false,
        };
        if !ok {
            failures.push(format!("{}: got {:?}", case.name, got));
        }
        // The typed Payment gives the same answer whenever the JSON has the documented types.
        if let Ok(typed) = serde_json::from_value::<Payment>(case.payment.clone()) {
            assert_eq!(
                verify_payment(&typed, &case.order),
                got,
                "{}: typed and JSON disagree",
                case.name
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn messages_name_the_reason_in_both_languages() {
    let err = verify_payment(
        &with(
            paid_card(),
            json!({"merchant_uid": "x", "amount": 4, "status": "cancelled"}),
        ),
        &order(),
    )
    .unwrap_err();
    assert_eq!(
        err.message(Lang::En),
        "the payment belongs to order \"x\", not \"57008833-33004\"; \
         amount is 4 but the order costs 1004: the amount may have been tampered with; \
         the payment was cancelled"
    );
    assert_eq!(
        err.message(Lang::Ko),
        "이 결제는 주문 \"57008833-33004\"가 아닌 주문 \"x\"의 결제입니다; \
         결제 금액 4이(가) 주문 금액 1004와(과) 다릅니다: 위변조가 의심됩니다; \
         취소된 결제입니다"
    );
    assert_eq!(err.to_string(), err.message(Lang::En));
    assert!(err.has("amount_mismatch"));
    assert!(!err.has("currency_mismatch"));
    let vbank = Mismatch::NotPaid {
        pay_method: Some("vbank".into()),
    };
    assert_eq!(
        vbank.message(Lang::Ko),
        "가상계좌가 발급되었지만 아직 입금되지 않았습니다"
    );
}

#[test]
fn envelope_is_unwrapped_only_on_success() {
    let ok = json!({"code": 0, "message": null, "response": paid_card()});
    let payment = unwrap_response(&ok).unwrap();
    assert!(verify_payment(payment, &order()).is_ok());
    assert!(
        unwrap_response(&json!({"code": 1, "message": "없는 결제", "response": null})).is_none()
    );
    assert!(unwrap_response(&json!({"code": 0, "response": "paid"})).is_none());
    assert!(unwrap_response(&paid_card()).is_none());
    // The envelope itself is not a payment: every field is missing.
    let err = verify_payment(&ok, &order()).unwrap_err();
    assert_eq!(
        err.codes(),
        ["missing", "missing", "missing", "missing"],
        "{err}"
    );
}
