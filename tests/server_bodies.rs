//! Validation of the server REST bodies, one case per guide statement, and `Debug` redaction
//! of card and personal data (feature `server`).
#![cfg(feature = "server")]

use iamport_pay::server::{
    AgainPayment, BillingKey, CancelPayment, CardData, EscrowLogis, ExternalReceipt,
    IdentifierType, OnetimePayment, ProductType, Receipt, RestCall,
};
use iamport_pay::{Lang, Provider, Report};

fn pairs(r: Result<impl std::fmt::Debug, Report>) -> Vec<(String, &'static str)> {
    match r {
        Ok(_) => Vec::new(),
        Err(report) => report.pairs(),
    }
}

fn p(path: &str, code: &'static str) -> (String, &'static str) {
    (path.to_string(), code)
}

fn key(card: CardData) -> Vec<(String, &'static str)> {
    pairs(BillingKey::builder("cust_1", card).build())
}

// ---- card formats: non-auth-billing.mdx:58-61 ----------------------------------------------

#[test]
fn card_number_is_16_digits_with_optional_dashes() {
    for ok in [
        "1234-1234-1234-1234",
        "1234123412341234",
        "3782-822463-10005",
    ] {
        assert_eq!(key(CardData::new(ok, "2025-12", "820213")), [], "{ok}");
    }
    for bad in [
        "1234-1234-1234",
        "1234 1234 1234 1234",
        "1234-1234-1234-123X",
        "12345678901234567",
    ] {
        assert_eq!(
            key(CardData::new(bad, "2025-12", "820213")),
            [p("card_number", "invalid_value")],
            "{bad}"
        );
    }
}

#[test]
fn expiry_is_yyyy_mm() {
    for bad in ["2025-13", "2025-00", "2025/12", "202512", "25-12", "2025-1"] {
        assert_eq!(
            key(CardData::new("1234-1234-1234-1234", bad, "820213")),
            [p("expiry", "invalid_value")],
            "{bad}"
        );
    }
}

#[test]
fn birth_is_6_or_10_digits() {
    assert_eq!(
        key(CardData::new("1234123412341234", "2025-12", "1178178260")),
        []
    );
    for bad in ["8202130", "82-02-13", "19820213"] {
        assert_eq!(
            key(CardData::new("1234123412341234", "2025-12", bad)),
            [p("birth", "invalid_value")],
            "{bad}"
        );
    }
}

#[test]
fn pwd_2digit_is_two_digits() {
    for bad in ["0", "000", "a1"] {
        assert_eq!(
            key(CardData::new("1234123412341234", "2025-12", "820213").pwd_2digit(bad)),
            [p("pwd_2digit", "invalid_value")],
            "{bad}"
        );
    }
}

#[test]
fn every_card_problem_at_once_with_both_languages() {
    let err = BillingKey::builder(" ", CardData::new("", "12/25", "1").pwd_2digit("123"))
        .build()
        .unwrap_err();
    assert_eq!(
        err.pairs(),
        [
            p("birth", "invalid_value"),
            p("card_number", "required"),
            p("customer_uid", "required"),
            p("expiry", "invalid_value"),
            p("pwd_2digit", "invalid_value"),
        ]
    );
    let expiry = err.issues().iter().find(|i| i.path == "expiry").unwrap();
    assert_eq!(
        expiry.message(Lang::En),
        "expiry must be the card's expiry month written YYYY-MM, such as 2025-12"
    );
    assert_eq!(
        expiry.message(Lang::Ko),
        "expiry는 카드 유효기간을 YYYY-MM 형식으로 적어야 합니다 (예: 2025-12)"
    );
}

#[test]
fn billing_key_path_encodes_customer_uid() {
    let b = BillingKey::builder(
        "gildong 0001/1234",
        CardData::new("1234123412341234", "2025-12", "820213"),
    )
    .build()
    .unwrap();
    assert_eq!(b.path(), "/subscribe/customers/gildong%200001%2F1234");
}

// ---- again / onetime -------------------------------------------------------------------------

#[test]
fn again_needs_customer_uid_merchant_uid_and_a_charge() {
    assert_eq!(
        pairs(AgainPayment::builder("", "", 0).build()),
        [
            p("amount", "out_of_range"),
            p("customer_uid", "required"),
            p("merchant_uid", "required")
        ]
    );
    let long = "o".repeat(41);
    assert_eq!(
        pairs(AgainPayment::builder("c", long, 1000).build()),
        [p("merchant_uid", "too_long")]
    );
}

#[test]
fn again_amount_parts_fit_in_amount() {
    assert_eq!(
        pairs(
            AgainPayment::builder("c", "m", 1000)
                .tax_free(1001)
                .vat_amount(1)
                .build()
        ),
        [
            p("tax_free", "out_of_range"),
            p("vat_amount", "out_of_range")
        ]
    );
    assert_eq!(
        pairs(
            AgainPayment::builder("c", "m", 1000)
                .tax_free(0)
                .vat_amount(0)
                .build()
        ),
        []
    );
    assert_eq!(
        pairs(AgainPayment::builder("c", "m", 1u64 << 53).build()),
        [p("amount", "out_of_range")]
    );
}

#[test]
fn onetime_ksnet_needs_product_type_and_pwd_only_when_registering() {
    let card = || CardData::new("1234-1234-1234-1234", "2019-01", "123456");
    // ksnet-warning.mdx:93-97: key-in payments need product_type.
    assert_eq!(
        pairs(
            OnetimePayment::builder("m", 3000, card())
                .pg("ksnet.mid")
                .build()
        ),
        [p("product_type", "required")]
    );
    assert_eq!(
        pairs(
            OnetimePayment::builder("m", 3000, card())
                .pg("ksnet.mid")
                .product_type(ProductType::Real)
                .build()
        ),
        []
    );
    // ksnet-warning.mdx:117-122: registering a key needs pwd_2digit.
    assert_eq!(
        pairs(
            OnetimePayment::builder("m", 3000, card())
                .provider(Provider::Ksnet)
                .product_type(ProductType::Real)
                .customer_uid("c")
                .build()
        ),
        [p("pwd_2digit", "required")]
    );
    // Other PGs: neither.
    assert_eq!(
        pairs(
            OnetimePayment::builder("m", 3000, card())
                .pg("html5_inicis.MID")
                .customer_uid("c")
                .build()
        ),
        []
    );
}

#[test]
fn onetime_rejects_unknown_pg_and_blank_customer_uid() {
    let card = CardData::new("1234-1234-1234-1234", "2019-01", "123456");
    assert_eq!(
        pairs(
            OnetimePayment::builder("m", 3000, card)
                .pg("stripe.acct")
                .customer_uid("  ")
                .build()
        ),
        [p("customer_uid", "required"), p("pg", "unknown_provider")]
    );
}

// ---- cancel -----------------------------------------------------------------------------------

#[test]
fn cancel_needs_a_payment_id() {
    let mut b = CancelPayment::by_imp_uid("imp_1").build().unwrap();
    assert_eq!(b.path(), "/payments/cancel");
    assert_eq!(b.body(), serde_json::json!({"imp_uid": "imp_1"}));
    b.imp_uid = None;
    assert_eq!(b.validate(None).pairs(), [p("imp_uid", "required")]);
    b.merchant_uid = Some("order_1".into());
    assert!(b.validate(None).is_ok());
}

#[test]
fn cancel_parts_need_amount_and_inicis_needs_all_three() {
    assert_eq!(
        pairs(
            CancelPayment::by_imp_uid("i")
                .tax_free(0)
                .vat_amount(0)
                .build()
        ),
        [
            p("tax_free", "unsupported_option"),
            p("vat_amount", "unsupported_option")
        ]
    );
    // 000:134-135: KG Inicis cancels exactly the values sent.
    assert_eq!(
        pairs(
            CancelPayment::by_imp_uid("i")
                .amount(1000)
                .vat_amount(91)
                .provider(Provider::Inicis)
                .build()
        ),
        [p("tax_free", "required")]
    );
    // Other PGs compute the split themselves.
    assert_eq!(
        pairs(
            CancelPayment::by_imp_uid("i")
                .amount(1000)
                .provider(Provider::Kcp)
                .build()
        ),
        []
    );
    // A full cancel (no amount) at Inicis is fine.
    assert_eq!(
        pairs(
            CancelPayment::by_imp_uid("i")
                .provider(Provider::Html5Inicis)
                .build()
        ),
        []
    );
}

#[test]
fn cancel_amount_rules() {
    assert_eq!(
        pairs(CancelPayment::by_imp_uid("i").amount(0).build()),
        [p("amount", "out_of_range")]
    );
    assert_eq!(
        pairs(
            CancelPayment::by_imp_uid("i")
                .amount(5000)
                .checksum(4000)
                .build()
        ),
        [p("amount", "out_of_range")]
    );
    assert_eq!(
        pairs(
            CancelPayment::by_imp_uid("i")
                .amount(1000)
                .tax_free(500)
                .vat_amount(501)
                .build()
        ),
        [p("vat_amount", "out_of_range")]
    );
}

#[test]
fn cancel_vbank_refund_needs_the_whole_account() {
    assert_eq!(
        pairs(CancelPayment::by_imp_uid("i").refund_bank("04").build()),
        [
            p("refund_account", "required"),
            p("refund_holder", "required")
        ]
    );
    let ok = CancelPayment::by_merchant_uid("order_1")
        .reason("단순 변심")
        .refund_holder("홍길동")
        .refund_bank("04")
        .refund_account("12345678901234")
        .build()
        .unwrap();
    assert_eq!(ok.body()["refund_account"], "12345678901234");
}

// ---- receipts ---------------------------------------------------------------------------------

#[test]
fn receipt_identifier_rules() {
    assert_eq!(
        pairs(Receipt::builder("", "").build()),
        [p("identifier", "required"), p("imp_uid", "required")]
    );
    // non-auth-billing.mdx:60: a business number has 10 digits.
    assert_eq!(
        pairs(
            Receipt::builder("i", "117817826")
                .identifier_type(IdentifierType::Business)
                .build()
        ),
        [p("identifier", "invalid_value")]
    );
    // ksnet-warning.mdx:43-50: digits only for KSNET.
    assert_eq!(
        pairs(
            Receipt::builder("i", "010-1234-5678")
                .identifier_type(IdentifierType::Phone)
                .product_type(ProductType::Digital)
                .buyer_name("홍길동")
                .provider(Provider::Ksnet)
                .build()
        ),
        [p("identifier", "invalid_value")]
    );
}

#[test]
fn external_receipt_ksnet_needs_pg_product_type_and_buyer_name() {
    // Provider given without pg: pg is required too (002:105-108).
    assert_eq!(
        pairs(
            ExternalReceipt::builder("m", "n", 1000, "01012345678")
                .provider(Provider::Ksnet)
                .build()
        ),
        [
            p("buyer_name", "required"),
            p("pg", "required"),
            p("product_type", "required")
        ]
    );
    assert_eq!(
        pairs(ExternalReceipt::builder("", "", 0, "01012345678").build()),
        [
            p("amount", "out_of_range"),
            p("merchant_uid", "required"),
            p("name", "required")
        ]
    );
}

// ---- escrow -----------------------------------------------------------------------------------

#[test]
fn escrow_needs_carrier_invoice_and_seconds() {
    assert_eq!(
        pairs(EscrowLogis::builder("", " ", "").build()),
        [
            p("imp_uid", "required"),
            p("logis.company", "required"),
            p("logis.invoice", "required")
        ]
    );
    // ksnet-warning.mdx:87-89: seconds, not milliseconds.
    let err = EscrowLogis::builder("i", "CJGLS", "1")
        .sent_at(1_648_344_363_000)
        .build()
        .unwrap_err();
    assert_eq!(err.pairs(), [p("logis.sent_at", "invalid_value")]);
    assert!(err.issues()[0].message(Lang::En).contains("1648344363000"));
    assert!(EscrowLogis::builder("i", "CJGLS", "1")
        .sent_at(1_648_344_363)
        .build()
        .is_ok());
    assert_eq!(
        pairs(
            EscrowLogis::builder("i", "CJGLS", "1")
                .receiving_at("20220230")
                .build()
        ),
        [p("logis.receiving_at", "invalid_value")]
    );
}

// ---- Debug never prints card or personal data --------------------------------------------------

#[test]
fn debug_redacts_card_and_personal_data() {
    let card = CardData::new("9410-1234-5678-9012", "2031-07", "820213").pwd_2digit("47");
    let onetime = OnetimePayment::builder("order_1", 3000, card.clone()).customer_uid("cust_9");
    let key = BillingKey::builder("cust_9", card.clone()).build().unwrap();
    let cancel = CancelPayment::by_imp_uid("imp_1")
        .refund_holder("홍길동")
        .refund_bank("04")
        .refund_account("55501234567890")
        .refund_tel("01099998888")
        .build()
        .unwrap();
    let receipt = Receipt::builder("imp_1", "01077776666")
        .buyer_name("김구매")
        .buyer_email("kim@example.com");
    let escrow = EscrowLogis::builder("imp_1", "CJGLS", "1728384716123")
        .address("성수이로20길16")
        .receiver_name("이수령")
        .receiver_tel("01055554444")
        .sender_relationship("본인");
    let printed = [
        format!("{card:?}"),
        format!("{onetime:?}"),
        format!("{:?}", onetime.clone().build()),
        format!("{key:?}"),
        format!("{cancel:?}"),
        format!("{receipt:?}"),
        format!("{escrow:?}"),
    ]
    .join("\n");
    for secret in [
        "9410",
        "9012",
        "2031",
        "820213",
        "\"47\"",
        "홍길동",
        "55501234567890",
        "01099998888",
        "01077776666",
        "김구매",
        "kim@example.com",
        "성수이로",
        "이수령",
        "01055554444",
    ] {
        assert!(!printed.contains(secret), "{secret} leaked:\n{printed}");
    }
    // What is not personal stays readable.
    for shown in [
        "order_1",
        "3000",
        "cust_9",
        "imp_1",
        "CJGLS",
        "1728384716123",
        "본인",
        "<redacted>",
    ] {
        assert!(printed.contains(shown), "{shown} missing:\n{printed}");
    }
    // The JSON body still carries the data.
    assert_eq!(key.body()["card_number"], "9410-1234-5678-9012");
}

// ---- bad input never panics ---------------------------------------------------------------------

#[cfg(not(target_arch = "wasm32"))]
mod never_panics {
    use super::*;
    use iamport_pay::server::{verify_payment, ExpectedOrder};
    use proptest::prelude::*;
    use serde_json::json;

    proptest! {
        #[test]
        fn card_and_ids(number in ".{0,24}", expiry in ".{0,9}", birth in ".{0,12}", pwd in ".{0,4}", uid in ".{0,50}") {
            let card = CardData::new(number.clone(), expiry.clone(), birth.clone()).pwd_2digit(pwd.clone());
            let r = BillingKey::builder(uid.clone(), card.clone()).provider(Provider::Ksnet).build();
            if let Ok(k) = r {
                prop_assert!(k.path().starts_with("/subscribe/customers/"));
                prop_assert!(k.path().is_ascii());
            }
            let _ = OnetimePayment::builder(uid.clone(), 1, card).customer_uid(uid.clone()).pg(uid.clone()).build();
            let _ = Receipt::builder(uid.clone(), number).identifier_type(IdentifierType::Business).provider(Provider::Ksnet).build();
            let _ = EscrowLogis::builder(uid, expiry, birth).receiving_at(pwd).build();
        }

        #[test]
        fn verify_any_shape(amount in proptest::option::of(any::<f64>()), status in ".{0,10}", uid in ".{0,10}", date in ".{0,12}") {
            let payment = json!({"imp_uid": uid, "merchant_uid": uid, "amount": amount,
                                 "status": status, "pay_method": "vbank", "vbank_num": uid,
                                 "vbank_name": uid, "vbank_date": date});
            if let Err(e) = verify_payment(&payment, &ExpectedOrder::new(uid.clone(), 1)) {
                prop_assert!(!e.mismatches.is_empty());
                prop_assert!(!e.message(Lang::Ko).is_empty());
            }
        }
    }
}
