//! The KSNET and Kiwoom Pay builders: exact wire output, and every guide sample of
//! tests/cases/ksnet.json and daou.json rebuilt with the builder gives the same request.

use iamport_pay::builder::{
    Carrier, CashReceiptFlag, Kiwoom, KiwoomCard, Ksnet, KsnetKakaopayType, KsnetQpayType,
    KsnetTcode,
};
use iamport_pay::{build_params, Currency, PayMethod, Period, StoreDetails, UnknownValue};
use serde_json::{json, Value};

/// The `params` of the case `name` in a case file.
fn case_params(file: &str, name: &str) -> Value {
    let cases: Vec<Value> = serde_json::from_str(file).expect("case file is JSON");
    cases
        .into_iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no case {name}"))["params"]
        .clone()
}

fn ksnet_case(name: &str) -> Value {
    case_params(include_str!("cases/ksnet.json"), name)
}

fn daou_case(name: &str) -> Value {
    case_params(include_str!("cases/daou.json"), name)
}

/// 002 / ksnet.mdx sample fields shared by the two samples (everything but pg/channelKey and
/// amount).
fn ksnet_sample(b: Ksnet) -> Ksnet {
    b.pay_method(PayMethod::Card)
        .merchant_uid("order_id_1667634130160")
        .name("나이키 와플 트레이너 2 SD")
        .escrow(false)
        .amount(109_000)
        .tax_free(3000)
        .buyer_name("홍길동")
        .buyer_email("buyer@example.com")
        .buyer_tel("02-1670-5176")
        .buyer_addr("성수이로 20길 16")
        .buyer_postcode("04783")
        .app_scheme("portone://")
        .m_redirect_url("https://helloworld.com/payments/result")
        .notice_url("https://helloworld.com/api/v1/payments/notice")
        .confirm_url("https://helloworld.com/api/v1/payments/confirm")
        .currency(Currency::Krw)
        .digital(false)
        .period(Period {
            from: "2022-12-01".into(),
            to: "2023-01-01".into(),
        })
        .custom_data(json!({ "userId": 30930 }))
        .installment_months(true, [6])
        .snd_qpay_type(KsnetQpayType::Hide)
}

/// A KSNET base request as the smaller cases write it.
fn ksnet_base(pay_method: PayMethod) -> Ksnet {
    Ksnet::new("2999199999")
        .pay_method(pay_method)
        .merchant_uid("order_id_1667634130160")
        .name("나이키 와플 트레이너 2 SD")
        .amount(109_000)
        .tax_free(0)
}

#[test]
fn ksnet_002_sample_is_reproduced_with_a_number_amount() {
    let req = ksnet_sample(Ksnet::new("2999199999")).build().unwrap();
    // The guide sends amount "109000" (a string); the builder sends the number, which is
    // exactly what build_params makes of the sample (warning `coerced`).
    let sample = ksnet_case("ksnet_002_sample_amount_string_is_coerced");
    assert_eq!(sample["amount"], json!("109000"));
    let mut expected = sample.clone();
    expected["amount"] = json!(109000);
    assert_eq!(req.to_value(), expected);
    let normalized = build_params(&sample, &Default::default()).unwrap();
    assert_eq!(req.to_value(), normalized);
}

#[test]
fn ksnet_mdx_sample_is_reproduced() {
    let req = ksnet_sample(Ksnet::with_channel_key(
        "channel-key-1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
    ))
    .build()
    .unwrap();
    assert_eq!(
        req.to_value(),
        ksnet_case("ksnet_mdx_sample_with_channel_key")
    );
}

#[test]
fn ksnet_feature_samples_are_reproduced() {
    let quota = ksnet_base(PayMethod::Card)
        .installment_months(false, [5, 6])
        .build()
        .unwrap();
    assert_eq!(
        quota.to_value(),
        ksnet_case("ksnet_card_quota_exact_months_sample")
    );

    let max_month = ksnet_base(PayMethod::Card)
        .card_detail_max_month("366", 5)
        .card_detail_max_month("381", 3)
        .use_free_interest_from_mall(true)
        .build()
        .unwrap();
    assert_eq!(max_month.to_value(), ksnet_case("ksnet_max_month_sample"));

    let direct = ksnet_base(PayMethod::Card)
        .buyer_name("홍길동")
        .card_direct("361")
        .build()
        .unwrap();
    assert_eq!(direct.to_value(), ksnet_case("ksnet_card_direct_sample"));

    let naverpay = ksnet_base(PayMethod::Naverpay)
        .buyer_name("홍길동")
        .easy_pay_direct(true)
        .store_details(StoreDetails {
            ceo_full_name: Some("홍길동".into()),
            address: Some("서울시 ...".into()),
            phone_number: Some("01000000000".into()),
            business_name: Some("상호명".into()),
            business_registration_number: Some("000000000".into()),
        })
        .build()
        .unwrap();
    assert_eq!(
        naverpay.to_value(),
        ksnet_case("ksnet_easy_pay_direct_naverpay_sample")
    );

    let kakaopay = ksnet_base(PayMethod::Kakaopay)
        .buyer_name("홍길동")
        .buyer_email("buyer@example.com")
        .buyer_tel("01012345678")
        .easy_pay_direct(true)
        .snd_kakaopay_type(KsnetKakaopayType::Money)
        .store_details(StoreDetails {
            ceo_full_name: Some("홍길동".into()),
            address: Some("서울시 성동구 성수이로 20길 16".into()),
            phone_number: Some("0216705176".into()),
            ..StoreDetails::default()
        })
        .build()
        .unwrap();
    assert_eq!(
        kakaopay.to_value(),
        ksnet_case("ksnet_easy_pay_direct_kakaopay")
    );

    let vbank = Ksnet::new("2999199999")
        .pay_method(PayMethod::Vbank)
        .merchant_uid("order_id_1667634130160")
        .name("나이키 와플 트레이너 2 SD")
        .amount(109_000)
        .vbank_due("20301231235959")
        .build()
        .unwrap();
    assert_eq!(
        vbank.to_value(),
        ksnet_case("ksnet_vbank_with_due_and_no_tax_free")
    );

    let usd = Ksnet::new("2999199999")
        .pay_method(PayMethod::Card)
        .merchant_uid("order_id_1667634130160")
        .name("나이키 와플 트레이너 2 SD")
        .amount(100)
        .tax_free(0)
        .currency(Currency::Usd)
        .build()
        .unwrap();
    assert_eq!(usd.to_value(), ksnet_case("ksnet_usd_allowed"));

    let mobile_bc = ksnet_base(PayMethod::Card)
        .mobile(true)
        .m_redirect_url("https://helloworld.com/payments/result")
        .buyer_name("홍길동")
        .buyer_tel("01012345678")
        .card_direct("361")
        .tcode(KsnetTcode::Unknown)
        .build()
        .unwrap();
    assert_eq!(
        mobile_bc.to_value(),
        ksnet_case("ksnet_tcode_accepts_any_value_on_mobile_bc_direct")
    );
}

#[test]
fn ksnet_builder_reports_every_missing_field() {
    // ksnet.mdx: Shinhan (366) card direct needs storeDetails and bypass.ksnet.url.
    let report = ksnet_base(PayMethod::Card)
        .buyer_name("홍길동")
        .card_direct("366")
        .build()
        .unwrap_err();
    assert_eq!(
        report.pairs(),
        vec![
            ("bypass.ksnet.url".to_string(), "required"),
            ("storeDetails.businessName".to_string(), "required"),
            (
                "storeDetails.businessRegistrationNumber".to_string(),
                "required"
            ),
        ]
    );
    let fixed = ksnet_base(PayMethod::Card)
        .buyer_name("홍길동")
        .card_direct("366")
        .site_url("https://shop.example.com")
        .store_details(StoreDetails {
            business_name: Some("상호명".into()),
            business_registration_number: Some("1178178260".into()),
            ..StoreDetails::default()
        })
        .use_installment(true)
        .tcode(KsnetTcode::Skt)
        .build()
        .unwrap();
    assert_eq!(
        fixed.to_value()["bypass"],
        json!({ "ksnet": { "url": "https://shop.example.com", "tcode": "skt" } })
    );
    assert_eq!(fixed.to_value()["card"]["useInstallment"], json!(true));

    // Installments without lump sum below 10,000 KRW: no card can pay (ksnet.mdx).
    let report = Ksnet::new("2999199999")
        .pay_method(PayMethod::Card)
        .merchant_uid("o1")
        .amount(5000)
        .tax_free(0)
        .installment_months(false, [2, 3])
        .build()
        .unwrap_err();
    assert_eq!(
        report.pairs(),
        vec![("display.card_quota".to_string(), "out_of_range")]
    );

    // No tax_free: a warning only, so build() succeeds and report() shows it.
    let b = Ksnet::new("2999199999")
        .pay_method(PayMethod::Card)
        .merchant_uid("o1")
        .amount(1004)
        .snd_qpay_type(KsnetQpayType::Show)
        .snd_qpay_type(KsnetQpayType::Hide)
        .escrow(true)
        .buyer_email("buyer@example.com");
    assert_eq!(
        b.report().pairs(),
        vec![("tax_free".to_string(), "required")]
    );
    let req = b.build().unwrap();
    // Setting a bypass key twice keeps one key, the last value.
    assert_eq!(
        req.to_value()["bypass"],
        json!({ "ksnet": { "sndQpayType": "0" } })
    );
}

/// 004 / daou.mdx sample as a builder call.
fn kiwoom_sample() -> Kiwoom {
    Kiwoom::new("channel-key-7f3a2b1c-9d8e-4f60-a5b4-c3d2e1f0a9b8", false)
        .pay_method(PayMethod::Card)
        .merchant_uid("mid_1234567890")
        .escrow(false)
        .amount(1004)
        .name("노스페이스 롱패딩 M")
        .buyer_name("홍길동")
        .buyer_email("hello@world.com")
        .buyer_tel("01012345678")
        .m_redirect_url("https://allerts.com/payments/complete")
        .product_code("portone")
        .cash_receipt_flag(CashReceiptFlag::Transfer { allow: false })
        .app_scheme("portoneappscheme")
}

fn kiwoom_base(pay_method: PayMethod, amount: u64, digital: bool) -> Kiwoom {
    Kiwoom::new("channel-key-7f3a2b1c-9d8e-4f60-a5b4-c3d2e1f0a9b8", digital)
        .pay_method(pay_method)
        .merchant_uid("mid_1234567890")
        .name("노스페이스 롱패딩 M")
        .amount(amount)
}

#[test]
fn kiwoom_004_and_mdx_samples_are_reproduced() {
    let req = kiwoom_sample().build().unwrap();
    assert_eq!(req.to_value(), daou_case("daou_004_sample_request_pay"));
    let in_app = kiwoom_sample().mobile(true).webview(true).build().unwrap();
    assert_eq!(
        in_app.to_value(),
        daou_case("daou_mdx_sample_in_app_webview")
    );
}

#[test]
fn kiwoom_feature_samples_are_reproduced() {
    let quota = kiwoom_base(PayMethod::Card, 50_000, false)
        .card_quota([6])
        .build()
        .unwrap();
    assert_eq!(quota.to_value(), daou_case("daou_card_quota_sample"));

    let direct = kiwoom_base(PayMethod::Card, 50_000, false)
        .card_direct("367", Some(3))
        .build()
        .unwrap();
    assert_eq!(direct.to_value(), daou_case("daou_card_direct_sample"));

    let cardquota = kiwoom_base(PayMethod::Card, 60_000, false)
        .card_quota_by_card([
            (KiwoomCard::Bc, vec![0, 2, 3, 4, 5, 6]),
            (KiwoomCard::Nh, vec![0, 2, 3]),
            (KiwoomCard::Kb, vec![0, 2, 3, 4]),
        ])
        .build()
        .unwrap();
    assert_eq!(cardquota.to_value(), daou_case("daou_cardquota_sample"));

    let escrow = kiwoom_base(PayMethod::Trans, 1004, false)
        .escrow(true)
        .cash_receipt_flag(CashReceiptFlag::Transfer { allow: true })
        .build()
        .unwrap();
    assert_eq!(
        escrow.to_value(),
        daou_case("daou_escrow_trans_with_cash_receipt")
    );

    let kakaopay = kiwoom_base(PayMethod::Kakaopay, 1004, false)
        .cash_receipt_flag(CashReceiptFlag::Kakaopay { allow: true })
        .direct_yn(true)
        .build()
        .unwrap();
    assert_eq!(
        kakaopay.to_value(),
        daou_case("daou_kakaopay_direct_with_cash_receipt_y")
    );

    let phone = kiwoom_base(PayMethod::Phone, 1004, true)
        .phone_carriers([
            (Carrier::Skt, true),
            (Carrier::Kt, true),
            (Carrier::Lg, false),
            (Carrier::Cjh, false),
        ])
        .prefill_phone_number("01012345678")
        .build()
        .unwrap();
    assert_eq!(
        phone.to_value(),
        daou_case("daou_phone_carrier_and_prefill_samples")
    );

    let all = kiwoom_base(PayMethod::Phone, 1004, false)
        .phone_carriers([(Carrier::All, true)])
        .build()
        .unwrap();
    assert_eq!(all.to_value(), daou_case("daou_phone_all_carriers_sample"));

    let tax_free = kiwoom_base(PayMethod::Card, 10_000, false)
        .tax_free(3000)
        .build()
        .unwrap();
    assert_eq!(tax_free.to_value(), daou_case("daou_tax_free_with_card"));
}

#[test]
fn kiwoom_builder_rejects_what_kiwoom_does_not_take() {
    // The kakaopay form of CASHRECEIPTFLAG with trans (004: trans/vbank take 1 or 0).
    let report = kiwoom_base(PayMethod::Trans, 1004, false)
        .cash_receipt_flag(CashReceiptFlag::Kakaopay { allow: true })
        .build()
        .unwrap_err();
    assert_eq!(
        report.pairs(),
        vec![("bypass.daou.CASHRECEIPTFLAG".to_string(), "invalid_value")]
    );
    // EUC-KR (daou-notes.mdx): 똠 is not among KS X 1001's 2,350 syllables.
    let report = kiwoom_base(PayMethod::Card, 1004, false)
        .buyer_name("김똠")
        .build()
        .unwrap_err();
    assert_eq!(
        report.pairs(),
        vec![("buyer_name".to_string(), "invalid_value")]
    );
    // tax_free on vbank (daou-notes.mdx "계좌이체 / 가상계좌 결제 시에는 설정할 수 없어").
    let report = kiwoom_base(PayMethod::Vbank, 10_000, false)
        .tax_free(3000)
        .build()
        .unwrap_err();
    assert_eq!(
        report.pairs(),
        vec![("tax_free".to_string(), "unsupported_option")]
    );
    // In an app WebView app_scheme is required (004 "모바일 앱 환경에서 결제시 필수 파라미터").
    let report = kiwoom_base(PayMethod::Card, 1004, false)
        .mobile(true)
        .webview(true)
        .m_redirect_url("https://shop.example/done")
        .build()
        .unwrap_err();
    assert_eq!(report.pairs(), vec![("app_scheme".to_string(), "required")]);
    // CARDQUOTA installments below 50,000 KRW: a warning; build() succeeds.
    let b = kiwoom_base(PayMethod::Card, 1004, false)
        .card_quota_by_card([(KiwoomCard::Samsung, [0u8, 2, 3])]);
    assert_eq!(
        b.report().pairs(),
        vec![(
            "bypass.daou.CARDQUOTA".to_string(),
            "below_installment_minimum"
        )]
    );
    assert_eq!(
        b.build().unwrap().to_value()["bypass"]["daou"]["CARDQUOTA"],
        json!("CCSS-0:2:3")
    );
}

#[test]
fn kiwoom_card_codes_match_the_rule_table() {
    // Every builder card code passes the CARDQUOTA rule, and the table has daou.mdx's 24 rows.
    assert_eq!(KiwoomCard::ALL.len(), 24);
    for card in KiwoomCard::ALL {
        let report = kiwoom_base(PayMethod::Card, 60_000, false)
            .card_quota_by_card([(*card, [0u8, 3])])
            .report();
        assert!(report.issues().is_empty(), "{card:?}: {report}");
    }
    assert_eq!(Carrier::ALL.len(), 5);
}

#[test]
fn option_enum_tables_round_trip() {
    fn both_ways<T>(all: &[T], as_str: fn(T) -> &'static str, field: &'static str)
    where
        T: Copy
            + PartialEq
            + std::fmt::Debug
            + std::fmt::Display
            + std::str::FromStr<Err = UnknownValue>,
    {
        for v in all {
            assert_eq!(as_str(*v).parse::<T>(), Ok(*v));
            assert_eq!(v.to_string(), as_str(*v));
        }
        assert_eq!("nope".parse::<T>(), Err(UnknownValue(field)));
    }
    both_ways(
        KsnetQpayType::ALL,
        KsnetQpayType::as_str,
        "bypass.ksnet.sndQpayType",
    );
    both_ways(KsnetTcode::ALL, KsnetTcode::as_str, "bypass.ksnet.tcode");
    both_ways(
        KsnetKakaopayType::ALL,
        KsnetKakaopayType::as_str,
        "bypass.ksnet.sndKakaopayType",
    );
    both_ways(
        KiwoomCard::ALL,
        KiwoomCard::as_str,
        "bypass.daou.CARDQUOTA card code",
    );
    both_ways(Carrier::ALL, Carrier::as_str, "phone.detail[].carrier");
    assert_eq!(KsnetQpayType::Hide.as_str(), "0");
    assert_eq!(KsnetTcode::Kt.as_str(), "ktf");
    assert_eq!(KiwoomCard::Shinhan.as_str(), "CCLG");
    assert_eq!(Carrier::All.as_str(), "*");
    assert_eq!(
        CashReceiptFlag::Transfer { allow: true }.to_value(),
        json!(1)
    );
    assert_eq!(
        CashReceiptFlag::Kakaopay { allow: false }.to_value(),
        json!("N")
    );
}
