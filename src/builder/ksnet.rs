//! The KSNET builder (`ksnet.{MID}`): 002 and portone-docs/ksnet.mdx, ksnet-warning.mdx.

use crate::builder::wire_enum::wire_enum;
use crate::builder::{common_setters, pg_code};
use crate::{
    Card, CardDetail, CardDirect, CheckOptions, Display, PaymentRequest, Provider, StoreDetails,
};
use serde_json::{Map, Value};

wire_enum! {
    /// `bypass.ksnet.sndQpayType` (002 / ksnet.mdx "카드 결제 시 결제창에 간편 결제 수단 표시
    /// 여부").
    KsnetQpayType, "bypass.ksnet.sndQpayType" {
        /// `"0"`: 간편결제 수단 표시하지 않음 (the card window shows no easy-pay methods).
        Hide = "0",
        /// `"1"`: 간편결제 수단 표시함 (the card window shows easy-pay methods).
        Show = "1",
    }
}

wire_enum! {
    /// `bypass.ksnet.tcode`, the buyer's carrier (ksnet.mdx "LG는 `lgt`, KT는 `ktf`, SKT는
    /// `skt`로 입력해야 하며, 통신사 구분이 어려우신 경우 임의의 값을 입력하여 요청해도
    /// 무방합니다.").
    KsnetTcode, "bypass.ksnet.tcode" {
        /// `"skt"`.
        Skt = "skt",
        /// `"ktf"`.
        Kt = "ktf",
        /// `"lgt"`.
        Lg = "lgt",
        /// The carrier is not known: `"unknown"` ("임의의 값을 입력하여 요청해도 무방합니다").
        Unknown = "unknown",
    }
}

wire_enum! {
    /// `bypass.ksnet.sndKakaopayType` (ksnet.mdx "카카오페이 결제시 허용할 결제수단"; leave it
    /// unset to allow both).
    KsnetKakaopayType, "bypass.ksnet.sndKakaopayType" {
        /// `"CARD"`: 카드 결제만 허용.
        Card = "CARD",
        /// `"MONEY"`: 카카오머니 결제만 허용.
        Money = "MONEY",
    }
}

/// A KSNET payment request (`pg: "ksnet.{MID}"`, or a KSNET `channelKey`).
///
/// KSNET-only options: the typed `bypass.ksnet` keys, `storeDetails`, card direct by code,
/// `card.useInstallment`, exact installment months. There is no `customer_uid` setter: KSNET
/// has no billing-key window (ksnet.mdx "KSNET은 결제창 기반 비인증 결제를 지원하지 않습니다").
/// `amount` is always sent as a number (002's string `"109000"` is the documented legacy form).
#[derive(Clone, Debug)]
pub struct Ksnet {
    req: PaymentRequest,
    options: CheckOptions,
}

common_setters!(Ksnet);

impl Ksnet {
    /// A request for the KSNET merchant `mid` (002: `ksnet.{PG 상점 아이디}`, test MID
    /// `2999199999`).
    ///
    /// # Examples
    /// ```
    /// use iamport_pay::builder::{Ksnet, KsnetQpayType};
    /// use iamport_pay::PayMethod;
    /// use serde_json::json;
    ///
    /// let req = Ksnet::new("2999199999")
    ///     .pay_method(PayMethod::Card)
    ///     .merchant_uid("order_id_1667634130160")
    ///     .name("나이키 와플 트레이너 2 SD")
    ///     .amount(109_000)
    ///     .tax_free(3000)
    ///     .snd_qpay_type(KsnetQpayType::Hide)
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(req.to_value(), json!({
    ///     "pg": "ksnet.2999199999", "pay_method": "card",
    ///     "merchant_uid": "order_id_1667634130160", "name": "나이키 와플 트레이너 2 SD",
    ///     "amount": 109000, "tax_free": 3000,
    ///     "bypass": { "ksnet": { "sndQpayType": "0" } }
    /// }));
    ///
    /// // KSNET's rules run in build(): card direct needs buyer_name (ksnet.mdx).
    /// let report = Ksnet::new("2999199999")
    ///     .pay_method(PayMethod::Card)
    ///     .merchant_uid("o1")
    ///     .amount(109_000)
    ///     .tax_free(0)
    ///     .card_direct("361")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(report.pairs(), vec![("buyer_name".to_string(), "required")]);
    /// ```
    pub fn new(mid: impl AsRef<str>) -> Self {
        Ksnet {
            req: PaymentRequest {
                pg: Some(pg_code(Provider::Ksnet, mid.as_ref())),
                ..PaymentRequest::default()
            },
            options: CheckOptions::provider(Provider::Ksnet),
        }
    }

    /// A request for a KSNET channel by its `channelKey` (ksnet.mdx "channelKey: string
    /// 채널키"), checked with the KSNET rules.
    ///
    /// # Examples
    /// ```
    /// use iamport_pay::builder::Ksnet;
    /// use iamport_pay::PayMethod;
    /// let req = Ksnet::with_channel_key("channel-key-1")
    ///     .pay_method(PayMethod::Trans)
    ///     .merchant_uid("o1")
    ///     .amount(1004)
    ///     .tax_free(0)
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(req.channel_key.as_deref(), Some("channel-key-1"));
    /// assert_eq!(req.pg, None);
    /// ```
    pub fn with_channel_key(channel_key: impl Into<String>) -> Self {
        Ksnet {
            req: PaymentRequest {
                channel_key: Some(channel_key.into()),
                ..PaymentRequest::default()
            },
            options: CheckOptions::provider(Provider::Ksnet),
        }
    }

    /// `escrow`. KSNET escrow needs `buyer_email` (ksnet-warning.mdx "에스크로 결제에서
    /// 구매확인 이메일 수신을 위해 필수로 입력해야 합니다").
    pub fn escrow(mut self, escrow: bool) -> Self {
        self.req.escrow = Some(escrow);
        self
    }

    /// `digital`: whether the goods are digital (ksnet.mdx: used only for phone payments; a
    /// shop set up for digital goods always sends `true`).
    pub fn digital(mut self, digital: bool) -> Self {
        self.req.digital = Some(digital);
        self
    }

    /// `appCard`: the card window offers app cards only (ksnet.mdx "appCard?: boolean").
    pub fn app_card(mut self, app_card: bool) -> Self {
        self.req.app_card = Some(app_card);
        self
    }

    /// `card.direct.code`: open this card company's window directly (ksnet.mdx "카드사
    /// 다이렉트 호출"; KSNET documents only the code, no quota). Depending on the card, KSNET
    /// then needs `buyer_name`, [`store_details`](Self::store_details),
    /// [`site_url`](Self::site_url), and on mobile `buyer_tel` and [`tcode`](Self::tcode);
    /// `build()` reports what is missing.
    pub fn card_direct(mut self, code: impl Into<String>) -> Self {
        self.card().direct = Some(CardDirect {
            code: code.into(),
            quota: None,
        });
        self
    }

    /// `display.card_quota` with KSNET's meaning: the window shows **exactly** these months
    /// (ksnet.mdx "`[0]` : 일시불 `[2,3,4]` : 2,3,4 개월"); with `lump_sum` a `0` (일시불) comes
    /// first. Installments need at least 50,000 KRW (Hyundai Card 10,000 KRW).
    ///
    /// # Examples
    /// ```
    /// use iamport_pay::builder::Ksnet;
    /// use iamport_pay::PayMethod;
    /// // ksnet.mdx: "card_quota": [5, 6] // 할부개월 5,6개월만 활성화
    /// let req = Ksnet::new("2999199999")
    ///     .pay_method(PayMethod::Card)
    ///     .merchant_uid("o1")
    ///     .amount(109_000)
    ///     .tax_free(0)
    ///     .installment_months(false, [5, 6])
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(req.to_value()["display"]["card_quota"], serde_json::json!([5, 6]));
    /// ```
    pub fn installment_months(
        mut self,
        lump_sum: bool,
        months: impl IntoIterator<Item = u32>,
    ) -> Self {
        let mut quota: Vec<u32> = if lump_sum { vec![0] } else { Vec::new() };
        quota.extend(months);
        self.req.display = Some(Display {
            card_quota: Some(quota),
        });
        self
    }

    /// Adds a `card.detail[]` entry `{ card_code, max_month }`: merchant-paid interest-free
    /// installments up to `max_month` for that card (ksnet.mdx "상점 부담 무이자 할부의 경우
    /// card.detail 파라미터를 사용하여 최대 할부개월수 설정이 가능합니다"). KSNET allows it for
    /// cards 361, 381, 374, 365, 366, 367, 368, 371 and not with easy pay. Use together with
    /// [`use_free_interest_from_mall`](Self::use_free_interest_from_mall).
    pub fn card_detail_max_month(mut self, card_code: impl Into<String>, max_month: u32) -> Self {
        self.card()
            .detail
            .get_or_insert_with(Vec::new)
            .push(CardDetail {
                card_code: card_code.into(),
                enabled: None,
                max_month: Some(max_month),
            });
        self
    }

    /// `useFreeInterestFromMall` (ksnet.mdx "상점 부담 무이자 할부 사용 여부").
    pub fn use_free_interest_from_mall(mut self, on: bool) -> Self {
        self.req.use_free_interest_from_mall = Some(on);
        self
    }

    /// `card.useInstallment` (ksnet.mdx "할부 가능 여부"; "KB 앱카드 결제 시,
    /// card.useInstallment 파라미터 true 설정 시에만 할부 개월 수 설정이 가능합니다").
    pub fn use_installment(mut self, on: bool) -> Self {
        self.card().use_installment = Some(on);
        self
    }

    /// `storeDetails` (ksnet.mdx "상점 세부 정보"), needed by card direct for most cards and by
    /// easy-pay direct. `businessRegistrationNumber` is digits only.
    pub fn store_details(mut self, details: StoreDetails) -> Self {
        self.req.store_details = Some(details);
        self
    }

    /// `bypass.ksnet.sndQpayType`: whether the card window shows easy-pay methods.
    pub fn snd_qpay_type(self, value: KsnetQpayType) -> Self {
        self.bypass("sndQpayType", Value::from(value.as_str()))
    }

    /// `bypass.ksnet.tcode`: the buyer's carrier, needed on mobile for card direct with BC,
    /// Suhyup, Jeonbuk, Gwangju and Kakao Bank cards.
    pub fn tcode(self, value: KsnetTcode) -> Self {
        self.bypass("tcode", Value::from(value.as_str()))
    }

    /// `bypass.ksnet.url`: the URL of the site that requests the payment ("결제를 요청하는
    /// 사이트의 url"), needed for card direct with most cards.
    pub fn site_url(self, url: impl Into<String>) -> Self {
        self.bypass("url", Value::from(url.into()))
    }

    /// `bypass.ksnet.sndKakaopayType`: which Kakao Pay means are allowed.
    pub fn snd_kakaopay_type(self, value: KsnetKakaopayType) -> Self {
        self.bypass("sndKakaopayType", Value::from(value.as_str()))
    }

    /// `bypass.ksnet.easyPayDirect`: open the easy-pay window (naverpay, kakaopay, payco, lpay)
    /// directly (ksnet.mdx "간편결제 다이렉트 호출"). It then needs `buyer_name` and, per
    /// pay_method, `storeDetails` fields and buyer contacts; `build()` reports what is missing.
    pub fn easy_pay_direct(self, on: bool) -> Self {
        self.bypass("easyPayDirect", Value::Bool(on))
    }

    fn card(&mut self) -> &mut Card {
        self.req.card.get_or_insert_with(Card::default)
    }

    /// Sets one key of `bypass.ksnet` (an object; setting a key twice keeps the last value).
    fn bypass(mut self, key: &str, value: Value) -> Self {
        let bypass = self.req.bypass.get_or_insert_with(Map::new);
        let ksnet = bypass
            .entry("ksnet")
            .or_insert_with(|| Value::Object(Map::new()));
        if !ksnet.is_object() {
            *ksnet = Value::Object(Map::new());
        }
        if let Value::Object(m) = ksnet {
            m.insert(key.to_string(), value);
        }
        self
    }
}
