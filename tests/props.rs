//! Property tests (proptest, bounded case counts so they run in the normal test command).
#![cfg(not(target_arch = "wasm32"))]

use iamport_pay::{build_params, check, CheckOptions, PayMethod, PaymentRequest, Provider};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Values that exercise the rules: valid ones, wrong types, edge numbers, bad formats.
fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-5i64..200_000).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        "[a-z0-9_]{0,12}".prop_map(Value::from),
        "[가-힣]{0,45}".prop_map(Value::from),
        Just(json!("https://shop.example/complete")),
        Just(json!("javascript:alert(1)")),
        Just(json!("20301231")),
        Just(json!("2030-02-30")),
        Just(json!({"card_quota": [2, 3]})),
        Just(json!({"from": "20300101", "to": "20291231"})),
        Just(json!({"direct": {"code": "367", "quota": 3}})),
        Just(json!([{"orderNumber": "1", "name": "a", "quantity": 0, "amount": 1}])),
        prop::collection::vec("[a-z]{1,5}".prop_map(Value::from), 0..3).prop_map(Value::Array),
    ]
}

const KEYS: &[&str] = &[
    "pg",
    "channelKey",
    "pay_method",
    "merchant_uid",
    "name",
    "amount",
    "tax_free",
    "vat_amount",
    "currency",
    "language",
    "buyer_tel",
    "buyer_name",
    "m_redirect_url",
    "notice_url",
    "vbank_due",
    "period",
    "display",
    "card",
    "escrow",
    "digital",
    "customer_uid",
    "kcpProducts",
    "bypass",
    "buyer_phone",
    "card_number",
    "shipping",
];

fn params() -> impl Strategy<Value = Vec<(String, Value)>> {
    let pg = prop::sample::select(vec![
        "html5_inicis.INIpayTest",
        "inicis.MID",
        "kcp.T0000",
        "kcp_billing.T0000",
        "ksnet.M",
        "daou.D",
        "tosspayments.x",
        "nope.x",
    ]);
    let method = prop::sample::select(
        PayMethod::ALL
            .iter()
            .map(|m| m.as_str())
            .collect::<Vec<_>>(),
    );
    (
        pg,
        method,
        prop::collection::vec((prop::sample::select(KEYS.to_vec()), value()), 0..12),
    )
        .prop_map(|(pg, method, rest)| {
            let mut v = vec![
                ("pg".to_string(), json!(pg)),
                ("pay_method".to_string(), json!(method)),
                ("merchant_uid".to_string(), json!("order-1")),
                ("amount".to_string(), json!(60000)),
            ];
            v.extend(rest.into_iter().map(|(k, val)| (k.to_string(), val)));
            v
        })
}

fn options() -> impl Strategy<Value = CheckOptions> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::option::of(prop::sample::select(Provider::ALL.to_vec())),
    )
        .prop_map(|(mobile, webview, provider)| CheckOptions {
            provider,
            mobile,
            webview,
        })
}

fn object(pairs: &[(String, Value)]) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        m.insert(k.clone(), v.clone());
    }
    Value::Object(m)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    /// buildParams(x), checked again, has no errors.
    #[test]
    fn built_params_recheck_clean(pairs in params(), opts in options()) {
        let v = object(&pairs);
        if let Ok(built) = build_params(&v, &opts) {
            let again = check(&built, &opts);
            prop_assert!(again.is_ok(), "{:?}", again);
            // Normalizing twice changes nothing.
            prop_assert_eq!(build_params(&built, &opts).ok(), Some(built));
        }
    }

    /// checkParams is deterministic and does not depend on the order keys are given in.
    #[test]
    fn check_is_deterministic_and_order_independent(pairs in params(), opts in options(), seed in any::<u64>()) {
        let a = check(&object(&pairs), &opts);
        let b = check(&object(&pairs), &opts);
        prop_assert_eq!(&a, &b);
        let mut shuffled = pairs.clone();
        // Deterministic shuffle from the seed (Fisher–Yates with an LCG).
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        let mut unique = std::collections::HashSet::new();
        let keys_once = |p: &[(String, Value)]| -> Vec<(String, Value)> {
            let mut seen = std::collections::HashSet::new();
            p.iter().filter(|(k, _)| seen.insert(k.clone())).cloned().collect()
        };
        let original = keys_once(&pairs);
        let reordered: Vec<_> = shuffled
            .into_iter()
            .filter(|(k, v)| original.contains(&(k.clone(), v.clone())) && unique.insert(k.clone()))
            .collect();
        prop_assert_eq!(reordered.len(), original.len());
        prop_assert_eq!(check(&object(&original), &opts).pairs(), check(&object(&reordered), &opts).pairs());
    }

    /// A typed request serialized to the wire form and read back is equal.
    #[test]
    fn payment_request_round_trips(uid in "[a-z0-9_-]{1,40}", amount in 0u64..10_000_000, tel in prop::option::of("[0-9]{9,11}"),
                                   escrow in prop::option::of(any::<bool>()), method in prop::sample::select(PayMethod::ALL.to_vec())) {
        let req = PaymentRequest {
            pg: Some("kcp.T0000".into()),
            pay_method: Some(method),
            merchant_uid: uid,
            amount,
            buyer_tel: tel,
            escrow,
            ..Default::default()
        };
        let wire = req.to_value();
        let back: PaymentRequest = serde_json::from_value(wire.clone()).expect("reads back");
        prop_assert_eq!(&back, &req);
        prop_assert_eq!(back.to_value(), wire);
    }

    /// A redirect query we generate (any text, Korean included, percent- or `+`-encoded, keys
    /// in any order, optional fields absent) parses back to exactly what we put in.
    #[test]
    fn parse_redirect_round_trips(
        uid in "[ -~가-힣]{1,40}",
        imp in prop::option::of("[ -~]{1,20}"),
        flag in prop::option::of(any::<bool>()),
        code in prop::option::of("[ -~]{1,10}"),
        msg in prop::option::of("[ -~가-힣]{1,60}"),
        legacy in any::<bool>(),
        reverse in any::<bool>(),
        prefix in prop::sample::select(vec!["", "?", "https://shop.example/done?", "/done?"]),
    ) {
        let enc = |s: &str| -> String { form_urlencoded::byte_serialize(s.as_bytes()).collect() };
        let mut parts = vec![format!("merchant_uid={}", enc(&uid))];
        if let Some(v) = &imp { parts.push(format!("imp_uid={}", enc(v))); }
        if let Some(f) = flag { parts.push(format!("{}={f}", if legacy { "success" } else { "imp_success" })); }
        if let Some(v) = &code { parts.push(format!("error_code={}", enc(v))); }
        if let Some(v) = &msg { parts.push(format!("error_msg={}", enc(v))); }
        if reverse { parts.reverse(); }
        let query = format!("{prefix}{}#frag=1", parts.join("&"));
        let r = iamport_pay::parse_redirect(&query).expect("a query with merchant_uid parses");
        prop_assert_eq!(&r.merchant_uid, &uid);
        prop_assert_eq!(&r.imp_uid, &imp);
        prop_assert_eq!(&r.error_code, &code);
        prop_assert_eq!(&r.error_msg, &msg);
        let want = flag.or(if code.is_some() || msg.is_some() { Some(false) } else { None });
        prop_assert_eq!(r.success, want);
    }
}
