//! Every curl sample body of the five guides and the portone-docs pages, built with the
//! server builders and parsed back (feature `server`).
//!
//! The 40 `curl -d '…'` bodies in the guides are 7 distinct JSON values (listed in SAMPLES
//! with every place they occur); the Kiwoom escrow body (004:195, daou.mdx:376-390) is an
//! "API Body 예시" without curl and is tested too. `every_guide_curl_body_is_covered` reads
//! the guides, when present, and fails on a body or endpoint not listed here.
#![cfg(feature = "server")]

use iamport_pay::server::{
    AgainPayment, BillingKey, CardData, EscrowLogis, ExternalReceipt, IdentifierType,
    OnetimePayment, ProductType, Receipt, ReceiptType, RestCall,
};
use iamport_pay::{Code, Provider};
use serde_json::{json, Value};

/// (endpoint as the guides write it, the body exactly as in the guide, where it occurs)
const SAMPLES: &[(&str, &str, &str)] = &[
    (
        "/subscribe/payments/again",
        r#"{"customer_uid":"your-customer-unique-id", "merchant_uid":"order_id_8237352", "amount":3000}"#,
        "000:80,105 001:130,152 003:120,129 004:134 inicis.mdx:420,467 kcp.mdx:770,787 daou.mdx:289",
    ),
    (
        "/subscribe/payments/again",
        r#"{"customer_uid": "your-customer-unique-id", "merchant_uid": "order_id_8237352", "amount": 3000, "product_type": "digital"}"#,
        "ksnet.mdx:319",
    ),
    (
        "/subscribe/payments/onetime",
        r#"{"merchant_uid":"order_id_8237352", "card_number":"1234-1234-1234-1234", "expiry":"2019-01", "birth":"123456", "amount":3000}"#,
        "000:85 001:135 003:84 004:109 inicis.mdx:434 kcp.mdx:712 ksnet.mdx:297 daou.mdx:257",
    ),
    (
        "/subscribe/payments/onetime",
        r#"{"customer_uid":"your-customer-unique-id", "merchant_uid":"order_id_8237352", "card_number":"1234-1234-1234-1234", "expiry":"2019-01", "birth":"123456", "amount":3000}"#,
        "000:98 001:145 003:126 004:126 inicis.mdx:457 kcp.mdx:734 daou.mdx:279",
    ),
    (
        "/subscribe/customers/your-customer-unique-id",
        r#"{"card_number":"1234-1234-1234-1234", "expiry":"2025-12", "birth":"820213", "pwd_2digit":"00"}"#,
        "000:90 001:139 003:123 004:117 inicis.mdx:444 kcp.mdx:742 ksnet.mdx:307 daou.mdx:267",
    ),
    (
        "/receipts/{imp_uid}",
        r#"{"identifier": "1178178260", "identifier_type": "business", "type": "company", "product_type": "digital"}"#,
        "002:101 ksnet.mdx:343",
    ),
    (
        "/receipts/external/{merchant_uid}",
        r#"{"merchant_uid": "order_id_1667643230720", "name": "나이키 와플 트레이너 2 SD", "amount": 109000, "identifier": "1178178260", "identifier_type": "business", "type": "company", "product_type": "digital", "tax_free": "3000", "pg": "ksnet"}"#,
        "002:110 ksnet.mdx:357",
    ),
];

const ESCROW_SAMPLE: &str = r#"{ "logis": { "invoice": "1728384716123", "company": "CJGLS", "receiving_at": "20220215", "address": "성수이로20길16" }, "receiver": { "name": "홍길동" }, "sender": { "relationship": "본인" } }"#;

fn sample(i: usize) -> Value {
    serde_json::from_str(SAMPLES[i].1).expect("sample JSON")
}

fn card(expiry: &str, birth: &str) -> CardData {
    CardData::new("1234-1234-1234-1234", expiry, birth)
}

/// Serializes `built` and compares it with `expected`; parses `sample` back into the same type
/// and checks that it serializes to `expected` too. (Callers also compare the parsed value with
/// `built` field by field, after setting the path parameters the body does not carry.)
fn round_trip<T>(built: &T, expected: &Value, sample: &Value)
where
    T: RestCall + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    assert_eq!(&built.body(), expected, "builder output");
    let parsed: T = serde_json::from_value(sample.clone()).expect("sample parses");
    assert_eq!(&parsed.body(), expected, "parsed sample re-serialized");
}

#[test]
fn again_000_80() {
    let s = sample(0);
    let b = AgainPayment::builder("your-customer-unique-id", "order_id_8237352", 3000)
        .build()
        .unwrap();
    assert_eq!(b.path(), SAMPLES[0].0);
    assert_eq!(AgainPayment::METHOD, "POST");
    round_trip(&b, &s, &s);
    let parsed: AgainPayment = serde_json::from_value(s).unwrap();
    assert_eq!(parsed, b);
}

#[test]
fn again_ksnet_mdx_319() {
    let s = sample(1);
    let b = AgainPayment::builder("your-customer-unique-id", "order_id_8237352", 3000)
        .product_type(ProductType::Digital)
        .provider(Provider::Ksnet)
        .build()
        .unwrap();
    assert_eq!(b.path(), SAMPLES[1].0);
    round_trip(&b, &s, &s);
    assert_eq!(serde_json::from_value::<AgainPayment>(s).unwrap(), b);
    // Without product_type, KSNET refuses the billing payment (ksnet-warning.mdx:107-114).
    let err = AgainPayment::builder("your-customer-unique-id", "order_id_8237352", 3000)
        .provider(Provider::Ksnet)
        .build()
        .unwrap_err();
    assert_eq!(err.pairs(), [("product_type".to_string(), "required")]);
}

#[test]
fn onetime_000_85() {
    let s = sample(2);
    let b = OnetimePayment::builder("order_id_8237352", 3000, card("2019-01", "123456"))
        .build()
        .unwrap();
    assert_eq!(b.path(), SAMPLES[2].0);
    round_trip(&b, &s, &s);
    assert_eq!(serde_json::from_value::<OnetimePayment>(s).unwrap(), b);
}

#[test]
fn onetime_with_customer_uid_000_98() {
    let s = sample(3);
    let b = OnetimePayment::builder("order_id_8237352", 3000, card("2019-01", "123456"))
        .customer_uid("your-customer-unique-id")
        .build()
        .unwrap();
    assert_eq!(b.path(), SAMPLES[3].0);
    round_trip(&b, &s, &s);
    assert_eq!(serde_json::from_value::<OnetimePayment>(s).unwrap(), b);
}

#[test]
fn billing_key_000_90() {
    let s = sample(4);
    let b = BillingKey::builder(
        "your-customer-unique-id",
        card("2025-12", "820213").pwd_2digit("00"),
    )
    .build()
    .unwrap();
    assert_eq!(b.path(), SAMPLES[4].0);
    round_trip(&b, &s, &s);
    // customer_uid is the path, not the body: the parsed body lacks it until it is set.
    let mut parsed: BillingKey = serde_json::from_value(s).unwrap();
    assert_eq!(parsed.customer_uid, "");
    parsed.customer_uid = "your-customer-unique-id".into();
    assert_eq!(parsed, b);
    // KSNET registers keys only with pwd_2digit (ksnet-warning.mdx:117-122).
    let err = BillingKey::builder("your-customer-unique-id", card("2025-12", "820213"))
        .provider(Provider::Ksnet)
        .build()
        .unwrap_err();
    assert_eq!(err.pairs(), [("pwd_2digit".to_string(), "required")]);
}

#[test]
fn receipt_002_101() {
    let s = sample(5);
    let b = Receipt::builder("imp_123412341234", "1178178260")
        .identifier_type(IdentifierType::Business)
        .receipt_type(ReceiptType::Company)
        .product_type(ProductType::Digital)
        .build()
        .unwrap();
    assert_eq!(b.path(), "/receipts/imp_123412341234");
    round_trip(&b, &s, &s);
    let mut parsed: Receipt = serde_json::from_value(s.clone()).unwrap();
    parsed.imp_uid = "imp_123412341234".into();
    assert_eq!(parsed, b);
    // The prose (002:97-99, ksnet.mdx:339) makes buyer_name required for KSNET; the sample
    // omits it, so with the provider known the same body reports it, and adding it passes.
    let ksnet = || {
        Receipt::builder("imp_123412341234", "1178178260")
            .identifier_type(IdentifierType::Business)
            .receipt_type(ReceiptType::Company)
            .product_type(ProductType::Digital)
            .provider(Provider::Ksnet)
    };
    let err = ksnet().build().unwrap_err();
    assert_eq!(err.pairs(), [("buyer_name".to_string(), "required")]);
    assert_eq!(
        err.issues()[0].message(iamport_pay::Lang::Ko),
        "KSNET 결제는 buyer_name 값이 필수입니다"
    );
    let ok = ksnet().buyer_name("홍길동").build().unwrap();
    let mut with_name = s;
    with_name["buyer_name"] = json!("홍길동");
    assert_eq!(ok.body(), with_name);
}

#[test]
fn external_receipt_002_110() {
    let s = sample(6);
    // The one deliberate difference: "tax_free": "3000" is read and written as a number.
    let mut expected = s.clone();
    expected["tax_free"] = json!(3000);
    let builder = || {
        ExternalReceipt::builder(
            "order_id_1667643230720",
            "나이키 와플 트레이너 2 SD",
            109000,
            "1178178260",
        )
        .identifier_type(IdentifierType::Business)
        .receipt_type(ReceiptType::Company)
        .product_type(ProductType::Digital)
        .tax_free(3000)
        .pg("ksnet")
    };
    let b = builder().build_unchecked();
    assert_eq!(b.path(), "/receipts/external/order_id_1667643230720");
    round_trip(&b, &expected, &s);
    assert_eq!(
        serde_json::from_value::<ExternalReceipt>(s.clone()).unwrap(),
        b
    );
    // Only tax_free differs from the sample, and only in its JSON type.
    let body = b.body();
    let (bo, so) = (body.as_object().unwrap(), s.as_object().unwrap());
    assert_eq!(bo.keys().collect::<Vec<_>>(), so.keys().collect::<Vec<_>>());
    let differing: Vec<&String> = bo.keys().filter(|k| bo[*k] != so[*k]).collect();
    assert_eq!(differing, ["tax_free"]);
    // pg "ksnet" makes buyer_name required (002:105-108); the sample lacks it.
    let err = builder().build().unwrap_err();
    assert_eq!(err.pairs(), [("buyer_name".to_string(), "required")]);
    assert!(err.has("buyer_name", Code::Required));
    let ok = builder().buyer_name("홍길동").build().unwrap();
    expected["buyer_name"] = json!("홍길동");
    assert_eq!(ok.body(), expected);
}

#[test]
fn escrow_logis_004_195() {
    let s: Value = serde_json::from_str(ESCROW_SAMPLE).unwrap();
    let b = EscrowLogis::builder("imp_123412341234", "CJGLS", "1728384716123")
        .receiving_at("20220215")
        .address("성수이로20길16")
        .receiver_name("홍길동")
        .sender_relationship("본인")
        .build()
        .unwrap();
    assert_eq!(b.path(), "/escrows/logis/imp_123412341234");
    assert_eq!(EscrowLogis::METHOD, "POST");
    assert_eq!(EscrowLogis::UPDATE_METHOD, "PUT");
    round_trip(&b, &s, &s);
    let mut parsed: EscrowLogis = serde_json::from_value(s).unwrap();
    parsed.imp_uid = "imp_123412341234".into();
    assert_eq!(parsed, b);
}

/// Extracts every `-d '{…}'` body and the `https://api.iamport.kr/…` URL that follows it.
fn curl_bodies(text: &str) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("-d '") {
        let after = &rest[i + 4..];
        let Some(end) = after.find('\'') else { break };
        let body: Value = serde_json::from_str(&after[..end]).expect("curl body is JSON");
        let tail = &after[end..];
        let url = tail
            .find("https://api.iamport.kr")
            .map(|u| {
                let s = &tail[u + "https://api.iamport.kr".len()..];
                s.split(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .expect("curl has a URL");
        out.push((url, body));
        rest = &after[end..];
    }
    out
}

/// The guides (`shared/pg-guides`): `$IAMPORT_PAY_GUIDES` when set, else the first
/// `shared/pg-guides` found walking up from the crate root (`../shared/pg-guides` next to the
/// repository; a git worktree such as `/work/wt/i13` finds `/work/shared/pg-guides`).
/// Panics when there is none: this test must not pass without reading them.
fn guides_dir() -> std::path::PathBuf {
    if let Some(dir) = std::env::var_os("IAMPORT_PAY_GUIDES") {
        let dir = std::path::PathBuf::from(dir);
        assert!(
            dir.join("portone-docs").is_dir(),
            "IAMPORT_PAY_GUIDES={} has no portone-docs/",
            dir.display()
        );
        return dir;
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    root.ancestors()
        .map(|a| a.join("shared").join("pg-guides"))
        .find(|d| d.join("portone-docs").is_dir())
        .unwrap_or_else(|| {
            panic!(
                "the PG guides are missing: no shared/pg-guides above {} (expected ../shared/pg-guides next to the repository); set IAMPORT_PAY_GUIDES to their folder",
                root.display()
            )
        })
}

#[test]
fn every_guide_curl_body_is_covered() {
    let dir = guides_dir();
    let dir = dir.as_path();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .chain(std::fs::read_dir(dir.join("portone-docs")).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "mdx")))
        .collect();
    files.sort();
    let mut seen = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (url, body) in curl_bodies(&text) {
            seen += 1;
            let listed = SAMPLES.iter().any(|(u, b, _)| {
                *u == url.as_str() && serde_json::from_str::<Value>(b).unwrap() == body
            });
            assert!(listed, "{}: {url} {body} is not in SAMPLES", file.display());
        }
    }
    assert_eq!(seen, 40, "the guides hold 40 curl bodies");
}
