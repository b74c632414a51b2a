//! The KG Inicis and NHN KCP builders: the guide samples built with them give exactly the
//! (fixed) sample params of tests/cases/*.json, and the Inicis bypass composer never writes a
//! token or key twice.
#![cfg(not(target_arch = "wasm32"))]

use iamport_pay::builder::{
    compose_acceptmethod, compose_p_reserved, Inicis, InicisBypass, Kcp, KcpAppFlag, KcpBilling,
};
use iamport_pay::{
    check, CardDetail, CheckOptions, Code, KcpProduct, Language, PayMethod, Period, Provider,
};
use proptest::prelude::*;
use serde_json::{json, Value};

/// The params of a case in a case table.
fn case_params(file: &str, name: &str) -> Value {
    let text = match file {
        "inicis" => include_str!("cases/inicis.json"),
        "kcp" => include_str!("cases/kcp.json"),
        _ => unreachable!("no such table"),
    };
    let cases: Vec<Value> = serde_json::from_str(text).expect("case table is JSON");
    cases
        .into_iter()
        .find(|c| c["name"] == name)
        .map(|c| c["params"].clone())
        .expect("case exists")
}

fn sample_000() -> Inicis {
    Inicis::new("INIpayTest")
        .pay_method(PayMethod::Card)
        .merchant_uid("order_no_0001")
        .name("주문명:결제테스트")
        .amount(1004)
        .buyer_email("test@portone.io")
        .buyer_name("구매자이름")
        .buyer_tel("010-1234-5678")
        .buyer_addr("서울특별시 강남구 삼성동")
        .buyer_postcode("123-456")
        .m_redirect_url("https://shop.example.com/payments/complete")
        .escrow(true)
        .vbank_due("20301231")
        .period(Period {
            from: "20200101".into(),
            to: "20201231".into(),
        })
}

/// 000's sample writes, inside ONE bypass object,
/// `acceptmethod : "noeasypay" P_RESERVED: "noeasypay=Y" acceptmethod: 'cardpoint'
/// P_RESERVED : 'cp_yn=Y'`. As an object literal the last key wins, so `noeasypay` is
/// silently lost. The builder merges the two writes of each key into one string instead.
#[test]
fn inicis_000_sample_repeated_keys_are_merged_by_the_builder() {
    // What the sample as written means: a JSON/JS object keeps only the last of a repeated key.
    let as_written: Value = serde_json::from_str(
        r#"{"acceptmethod": "noeasypay", "P_RESERVED": "noeasypay=Y",
            "acceptmethod": "cardpoint", "P_RESERVED": "cp_yn=Y"}"#,
    )
    .expect("JSON with repeated keys parses");
    assert_eq!(
        as_written,
        json!({"acceptmethod": "cardpoint", "P_RESERVED": "cp_yn=Y"})
    );

    // The builder, given the sample's four writes in order, keeps all four options.
    let req = sample_000()
        .bypass(
            InicisBypass::new()
                .acceptmethod_raw("noeasypay")
                .p_reserved_raw("noeasypay=Y"),
        )
        .bypass(
            InicisBypass::new()
                .acceptmethod_raw("cardpoint")
                .p_reserved_raw("cp_yn=Y"),
        )
        .build()
        .expect("the merged sample is valid");
    let v = req.to_value();
    assert_eq!(v["bypass"]["acceptmethod"], "noeasypay:cardpoint");
    assert_eq!(v["bypass"]["P_RESERVED"], "noeasypay=Y&cp_yn=Y");
    // Exactly the fixed sample of the case table.
    assert_eq!(v, case_params("inicis", "inicis_000_sample_request_pay"));

    // The typed options write the same options (CARDPOINT as inicis.mdx spells it).
    let typed = sample_000()
        .bypass(InicisBypass::new().hide_easy_pay().card_point())
        .build()
        .expect("valid");
    assert_eq!(
        typed.to_value()["bypass"],
        json!({"acceptmethod": "noeasypay:CARDPOINT", "P_RESERVED": "noeasypay=Y&cp_yn=Y"})
    );
}

#[test]
fn inicis_typed_options_give_every_documented_token_once() {
    let b = InicisBypass::new()
        .hide_easy_pay()
        .card_point()
        .direct_card_point()
        .no_cash_receipt()
        .show_vbank_receipt()
        .skin("#c1272c")
        .card_show_option("04", 6)
        .hyundai_m_point(true)
        .shinhan_partnership("14", 3)
        .two_transaction_bank()
        .ios_app()
        .return_to_app("myshop://")
        .payshot_key("SHOP20240101123045123user0001")
        // Repeats of the same options change nothing.
        .hide_easy_pay()
        .card_point();
    assert_eq!(
        b.acceptmethod().as_deref(),
        Some("noeasypay:CARDPOINT:no_receipt:SKIN(#c1272c):cardshowopt(04-6):usespcp:cd_ps(14-3)")
    );
    assert_eq!(
        b.p_reserved().as_deref(),
        Some(
            "noeasypay=Y&cp_yn=Y&dcp_yn=Y&bank_receipt=N&vbank_receipt=Y&cardshowopt=04:6\
             &twotrs_bank=Y&iosapp=Y&app_scheme=myshop://"
        )
    );
    let req = Inicis::new("INIpayTest")
        .name("Order")
        .pay_method(PayMethod::Card)
        .merchant_uid("o1")
        .amount(50_000)
        .buyer_tel("010-1234-5678")
        .bypass(b)
        .build()
        .expect("every typed option is valid");
    let v = req.to_value();
    assert_eq!(
        v["bypass"]["ini_PAYSHOT_KEY"],
        "SHOP20240101123045123user0001"
    );
    assert_eq!(
        v["bypass"]["P_PAYSHOT_KEY"],
        "SHOP20240101123045123user0001"
    );
}

#[test]
fn inicis_exclusive_options_replace_each_other() {
    // apprun_check=Y "app_scheme과 같이 사용 불가": the later option wins.
    let b = InicisBypass::new().return_to_app("myshop").android_intent();
    assert_eq!(b.p_reserved().as_deref(), Some("apprun_check=Y"));
    let b = b.return_to_app("myshop");
    assert_eq!(b.p_reserved().as_deref(), Some("app_scheme=myshop://"));
    // Hyundai M-point on / off.
    let b = InicisBypass::new()
        .hyundai_m_point(true)
        .hyundai_m_point(false);
    assert_eq!(b.acceptmethod().as_deref(), Some("disablepoint"));
    // A later skin replaces the earlier one in place.
    let b = InicisBypass::new().skin("BLUE").hide_easy_pay().skin("RED");
    assert_eq!(b.acceptmethod().as_deref(), Some("SKIN(RED):noeasypay"));
    assert_eq!(b.p_reserved().as_deref(), Some("noeasypay=Y"));
}

#[test]
fn inicis_raw_tokens_are_checked_at_build() {
    // The raw escape hatch passes an undocumented token through; build() names it.
    let report = Inicis::new("INIpayTest")
        .name("Order")
        .pay_method(PayMethod::Card)
        .merchant_uid("o1")
        .amount(1004)
        .buyer_tel("010-1234-5678")
        .bypass(
            InicisBypass::new()
                .acceptmethod_raw("noeasypay:cardpoints")
                .p_reserved_raw("apprun_check=Y&app_scheme=myshop://"),
        )
        .build()
        .unwrap_err();
    assert_eq!(
        report.pairs(),
        vec![
            ("bypass.P_RESERVED".to_string(), "unsupported_option"),
            ("bypass.acceptmethod".to_string(), "invalid_value"),
        ]
    );
}

#[test]
fn inicis_billing_window() {
    let req = Inicis::new("INIBillTst")
        .pay_method(PayMethod::Card)
        .merchant_uid("order_monthly_0001")
        .name("최초인증결제")
        .amount(0)
        .customer_uid("your-customer-unique-id")
        .buyer_tel("02-1234-1234")
        .authtype_01()
        .build()
        .expect("valid billing request");
    assert_eq!(
        req.to_value()["bypass"],
        json!({"inicis": {"authtype": "01"}})
    );
    // Card only in the billing window.
    let report = Inicis::new("INIBillTst")
        .name("Order")
        .pay_method(PayMethod::Trans)
        .merchant_uid("o2")
        .amount(0)
        .customer_uid("uid")
        .buyer_tel("02-1234-1234")
        .build()
        .unwrap_err();
    assert_eq!(
        report.pairs(),
        vec![("pay_method".to_string(), "unsupported_pay_method")]
    );
    // authtype without customer_uid.
    let report = Inicis::new("INIpayTest")
        .name("Order")
        .pay_method(PayMethod::Card)
        .merchant_uid("o3")
        .amount(1004)
        .buyer_tel("010-1234-5678")
        .authtype_01()
        .build()
        .unwrap_err();
    assert!(report.has("bypass.inicis.authtype", Code::UnsupportedOption));
}

#[test]
fn inicis_card_options() {
    let req = Inicis::new("INIpayTest")
        .name("Order")
        .pay_method(PayMethod::Card)
        .merchant_uid("o1")
        .amount(50_000)
        .buyer_tel("010-1234-5678")
        .card_direct("367", Some(3))
        .card_detail(CardDetail {
            card_code: "366".into(),
            enabled: None,
            max_month: Some(5),
        })
        .use_free_interest_from_mall(true)
        .interest_free(7)
        .tax_free(0)
        .vat_amount(0)
        .language(Language::En)
        .build()
        .expect("valid");
    let v = req.to_value();
    assert_eq!(
        v["card"],
        json!({"direct": {"code": "367", "quota": 3},
               "detail": [{"card_code": "366", "max_month": 5}], "interest_free": 7})
    );
    assert_eq!(v["useFreeInterestFromMall"], true);
    // zh is a PortOne language but not a KG Inicis one.
    let report = Inicis::new("INIpayTest")
        .name("Order")
        .pay_method(PayMethod::Card)
        .merchant_uid("o1")
        .amount(1004)
        .buyer_tel("010-1234-5678")
        .language(Language::Zh)
        .build()
        .unwrap_err();
    assert_eq!(
        report.pairs(),
        vec![("language".to_string(), "invalid_value")]
    );
}

#[test]
fn kcp_001_sample() {
    let req = Kcp::new("T0000")
        .pay_method(PayMethod::Card)
        .merchant_uid("order_no_0001")
        .name("주문명:결제테스트")
        .amount(1004)
        .company("상호명")
        .buyer_email("test@portone.io")
        .buyer_name("구매자이름")
        .buyer_tel("010-1234-5678")
        .buyer_addr("서울특별시 강남구 삼성동")
        .buyer_postcode("123-456")
        .language(Language::Ko)
        .m_redirect_url("https://shop.example.com/payments/complete")
        .auth_mode_key_in()
        .build()
        .expect("valid");
    assert_eq!(
        req.to_value(),
        case_params("kcp", "kcp_001_sample_request_pay")
    );
}

#[test]
fn kcp_billing_sample() {
    let req = KcpBilling::new("T0000", "your-customer-unique-id")
        .merchant_uid("order_monthly_0001")
        .name("최초인증결제")
        .amount(0)
        .buyer_email("test@portone.io")
        .buyer_name("포트원")
        .buyer_tel("02-1234-1234")
        .m_redirect_url("https://shop.example.com/payments/complete")
        .build()
        .expect("valid");
    assert_eq!(req.to_value(), case_params("kcp", "kcp_001_billing_sample"));
    // The billing window takes card only.
    let report = KcpBilling::new("T0000", "uid")
        .name("Order")
        .pay_method(PayMethod::Trans)
        .merchant_uid("o1")
        .amount(0)
        .build()
        .unwrap_err();
    assert_eq!(
        report.pairs(),
        vec![("pay_method".to_string(), "unsupported_pay_method")]
    );
    // An empty customer_uid is missing.
    let report = KcpBilling::new("T0000", "")
        .name("Order")
        .merchant_uid("o1")
        .amount(0)
        .build()
        .unwrap_err();
    assert_eq!(
        report.pairs(),
        vec![("customer_uid".to_string(), "required")]
    );
}

#[test]
fn kcp_escrow_sample() {
    let item = |n: &str, name: &str, quantity, amount| KcpProduct {
        order_number: n.into(),
        name: name.into(),
        quantity,
        amount,
    };
    let req = Kcp::new("")
        .pay_method(PayMethod::Trans)
        .merchant_uid("order_no_0002")
        .name("상품A 외 1건")
        .amount(9000)
        .escrow(true)
        .kcp_product(item("xxxx", "상품A", 3, 1000))
        .kcp_products([item("yyyy", "상품B", 2, 3000)])
        .build()
        .expect("valid");
    assert_eq!(
        req.to_value(),
        case_params("kcp", "kcp_escrow_kcpProducts_sample")
    );
    // Escrow without items, and an item with quantity 0.
    let base = || {
        Kcp::new("T0000")
            .name("Order")
            .pay_method(PayMethod::Trans)
            .merchant_uid("o1")
            .amount(1004)
            .escrow(true)
    };
    assert_eq!(
        base().build().unwrap_err().pairs(),
        vec![("kcpProducts".to_string(), "required")]
    );
    assert_eq!(
        base()
            .kcp_product(item("a", "b", 0, 1))
            .build()
            .unwrap_err()
            .pairs(),
        vec![("kcpProducts[0].quantity".to_string(), "out_of_range")]
    );
}

#[test]
fn kcp_bypass_options() {
    let req = Kcp::new("T0000")
        .name("Order")
        .pay_method(PayMethod::Phone)
        .merchant_uid("o1")
        .amount(1004)
        .digital(false)
        .buyer_name("포트원 기술지원팀")
        .prefill_phone_number("01012345678")
        .shop_user_id("가나다라마바사아자차")
        .coupon_apply(true)
        .skin_indx(11)
        .site_logo("https://shop.example.com/logo.png")
        .app_card(true)
        .build()
        .expect("valid");
    assert_eq!(
        req.to_value()["bypass"],
        json!({"shop_user_id": "가나다라마바사아자차", "coupon_apply_yn": "Y",
               "skin_indx": "11", "site_logo": "https://shop.example.com/logo.png"})
    );
    // Benepia points with a card top-up.
    let req = Kcp::new("T0000")
        .name("Order")
        .pay_method(PayMethod::Point)
        .merchant_uid("o2")
        .amount(1004)
        .pt_memcorp_cd("BNP0001")
        .complex_pnt(true)
        .build()
        .expect("valid");
    assert_eq!(
        req.to_value()["bypass"],
        json!({"pt_memcorp_cd": "BNP0001", "complex_pnt_yn": "Y"})
    );
    // app_flag needs a KB Kookmin direct call; skin 12 is outside 1..=11.
    let report = Kcp::new("T0000")
        .name("Order")
        .pay_method(PayMethod::Card)
        .merchant_uid("o3")
        .amount(1004)
        .app_flag(KcpAppFlag::Choice)
        .skin_indx(12)
        .build()
        .unwrap_err();
    assert_eq!(
        report.pairs(),
        vec![
            ("bypass.app_flag".to_string(), "unsupported_option"),
            ("bypass.skin_indx".to_string(), "invalid_value"),
        ]
    );
    let req = Kcp::new("T0000")
        .name("Order")
        .pay_method(PayMethod::Card)
        .merchant_uid("o4")
        .amount(1004)
        .card_direct("381", Some(0))
        .app_flag(KcpAppFlag::AppCard)
        .build()
        .expect("valid");
    assert_eq!(req.to_value()["bypass"]["app_flag"], "Y");
}

#[test]
fn kcp_card_direct_with_points() {
    let base = |amount| {
        Kcp::new("T0000")
            .name("Order")
            .pay_method(PayMethod::Card)
            .merchant_uid("o1")
            .amount(amount)
    };
    // Hyundai: 80 + months; lump sum passes below 50,000.
    let req = base(1004)
        .card_direct_with_points("367", 0)
        .build()
        .expect("valid");
    assert_eq!(
        req.to_value()["card"]["direct"],
        json!({"code": "367", "quota": 80})
    );
    // Other point cards: 60 + months.
    let req = base(50_000)
        .card_direct_with_points("381", 3)
        .build()
        .expect("valid");
    assert_eq!(req.to_value()["card"]["direct"]["quota"], 63);
    // Installments still need 50,000 KRW.
    assert_eq!(
        base(1004)
            .card_direct_with_points("361", 3)
            .build()
            .unwrap_err()
            .pairs(),
        vec![("card.direct.quota".to_string(), "out_of_range")]
    );
    // A card without a point quota.
    assert_eq!(
        base(50_000)
            .card_direct_with_points("045", 0)
            .build()
            .unwrap_err()
            .pairs(),
        vec![("card.direct.quota".to_string(), "invalid_value")]
    );
}

#[test]
fn kcp_customer_uid_points_to_kcp_billing() {
    let report = check(
        &json!({"pg": "kcp.T0000", "pay_method": "card", "merchant_uid": "o1", "amount": 1004,
                "customer_uid": "uid"}),
        &CheckOptions::provider(Provider::Kcp),
    );
    let issue = report
        .errors()
        .find(|i| i.path == "customer_uid")
        .expect("customer_uid error");
    assert_eq!(
        issue.message(iamport_pay::Lang::En),
        "customer_uid opens a billing-key window, which NHN KCP serves on \"kcp_billing.T0000\", not on plain kcp"
    );
}

/// Keys of a composed string: no empty piece, no key twice.
fn assert_clean(s: &str, sep: char, key: fn(&str) -> String) {
    if s.is_empty() {
        return;
    }
    let keys: Vec<String> = s.split(sep).map(key).collect();
    assert!(s.split(sep).all(|p| !p.is_empty()), "empty piece in {s:?}");
    for (i, k) in keys.iter().enumerate() {
        assert!(!keys[i + 1..].contains(k), "{k:?} twice in {s:?}");
    }
}

fn pc_key(t: &str) -> String {
    t.split('(').next().unwrap_or(t).to_ascii_lowercase()
}

fn mobile_key(p: &str) -> String {
    p.split('=').next().unwrap_or(p).to_string()
}

/// Strings made of the characters that matter to the two grammars, plus some others.
fn piece() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[:&=()#A-Za-z0-9_ 가é]{0,24}").expect("regex")
}

proptest! {
    #[test]
    fn composers_never_repeat_a_token_or_key(inputs in proptest::collection::vec(piece(), 0..8)) {
        let pc = compose_acceptmethod(&inputs);
        assert_clean(&pc, ':', pc_key);
        let mobile = compose_p_reserved(&inputs);
        assert_clean(&mobile, '&', mobile_key);
        // Every non-empty input token survives under its key.
        for input in &inputs {
            for t in input.split(':').filter(|t| !t.is_empty()) {
                prop_assert!(pc.split(':').any(|o| pc_key(o) == pc_key(t)));
            }
        }
        // Composing is idempotent.
        prop_assert_eq!(compose_acceptmethod([&pc]), pc.clone());
        prop_assert_eq!(compose_p_reserved([&mobile]), mobile.clone());
    }

    #[test]
    fn typed_options_and_raw_input_render_clean_strings(
        ops in proptest::collection::vec((0u8..16, piece(), 0u32..100), 0..12)
    ) {
        let mut b = InicisBypass::new();
        for (op, s, n) in &ops {
            b = match op {
                0 => b.hide_easy_pay(),
                1 => b.card_point(),
                2 => b.direct_card_point(),
                3 => b.no_cash_receipt(),
                4 => b.show_vbank_receipt(),
                5 => b.card_show_option(s, *n),
                6 => b.skin(s),
                7 => b.hyundai_m_point(n % 2 == 0),
                8 => b.shinhan_partnership(s, *n),
                9 => b.two_transaction_bank(),
                10 => b.android_intent(),
                11 => b.return_to_app(s),
                12 => b.ios_app(),
                13 => b.acceptmethod_raw(s),
                14 => b.p_reserved_raw(s),
                _ => b.merge(InicisBypass::new().acceptmethod_raw(s).p_reserved_raw(s)),
            };
        }
        if let Some(pc) = b.acceptmethod() {
            prop_assert!(!pc.is_empty());
            assert_clean(&pc, ':', pc_key);
        }
        if let Some(mobile) = b.p_reserved() {
            prop_assert!(!mobile.is_empty());
            assert_clean(&mobile, '&', mobile_key);
        }
    }

    /// Typed options with well-formed arguments always pass the KG Inicis rules.
    #[test]
    fn typed_options_with_good_arguments_pass_the_checker(
        ops in proptest::collection::vec((0u8..13, "[A-Z]{1,8}", 0u32..100), 0..12)
    ) {
        let mut b = InicisBypass::new();
        for (op, word, n) in &ops {
            b = match op {
                0 => b.hide_easy_pay(),
                1 => b.card_point(),
                2 => b.direct_card_point(),
                3 => b.no_cash_receipt(),
                4 => b.show_vbank_receipt(),
                5 => b.card_show_option(&format!("{:02}", n % 40), n % 10),
                6 => b.skin(word),
                7 => b.hyundai_m_point(n % 2 == 0),
                8 => b.shinhan_partnership("14", n % 13),
                9 => b.two_transaction_bank(),
                10 => b.android_intent(),
                11 => b.return_to_app(&word.to_ascii_lowercase()),
                _ => b.ios_app(),
            };
        }
        let report = Inicis::new("INIpayTest")
            .name("Order")
            .pay_method(PayMethod::Card)
            .merchant_uid("o1")
            .amount(1004)
            .buyer_tel("010-1234-5678")
            .bypass(b)
            .report();
        prop_assert!(report.issues().is_empty(), "{}", report);
    }
}
