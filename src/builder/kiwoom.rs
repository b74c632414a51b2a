//! The Kiwoom Pay builder (Daou; `channelKey`): 004 and portone-docs/daou.mdx, daou-notes.mdx.

use crate::builder::common_setters;
use crate::builder::wire_enum::wire_enum;
use crate::{
    Card, CardDirect, CheckOptions, PaymentRequest, Phone, PhoneCarrier, Prefill, Provider,
};
use serde_json::{Map, Value};

/// `bypass.daou.CASHRECEIPTFLAG`, whose form depends on the pay_method (004 / daou.mdx
/// "실시간 계좌이체, 가상계좌인 경우 - `1`: 허용 - `0`: 차단 / 카카오페이인 경우 - `Y`: 허용 -
/// `N`: 차단"). `build()` rejects a form that does not match the pay_method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CashReceiptFlag {
    /// For `trans` and `vbank`: the number `1` (issue automatically) or `0` (block).
    Transfer {
        /// Issue the cash receipt.
        allow: bool,
    },
    /// For `kakaopay`: `"Y"` (issue automatically) or `"N"` (block).
    Kakaopay {
        /// Issue the cash receipt.
        allow: bool,
    },
}

impl CashReceiptFlag {
    /// The wire value.
    pub fn to_value(self) -> Value {
        match self {
            CashReceiptFlag::Transfer { allow } => Value::from(u8::from(allow)),
            CashReceiptFlag::Kakaopay { allow } => Value::from(if allow { "Y" } else { "N" }),
        }
    }
}

wire_enum! {
    /// A Kiwoom Pay card company code for `bypass.daou.CARDQUOTA` (daou.mdx "카드사 코드"
    /// table, in its order).
    KiwoomCard, "bypass.daou.CARDQUOTA card code" {
        /// 비씨카드
        Bc = "CCBC",
        /// 국민카드
        Kb = "CCKM",
        /// 제주은행
        Jeju = "CCCJ",
        /// 신한카드
        Shinhan = "CCLG",
        /// 씨티은행
        Citi = "CCCT",
        /// 롯데카드
        Lotte = "CCLO",
        /// 신협카드
        Shinhyup = "CCCU",
        /// 새마을금고
        Mg = "CCMG",
        /// 현대카드
        Hyundai = "CCDI",
        /// NH카드
        Nh = "CCNH",
        /// 현대증권
        HyundaiSecurities = "CCHD",
        /// 우리카드
        Woori = "CCPH",
        /// 하나SK카드
        Hana = "CCHN",
        /// 우체국카드
        Post = "CCPO",
        /// 전북은행
        Jeonbuk = "CCJB",
        /// 저축은행카드
        SavingsBank = "CCSB",
        /// 카카오뱅크
        KakaoBank = "CCKA",
        /// 삼성카드
        Samsung = "CCSS",
        /// 산은카드
        Kdb = "CCKD",
        /// 수협
        Suhyup = "CCSU",
        /// 하나은행
        HanaBank = "CCKE",
        /// 토스뱅크
        TossBank = "CCTS",
        /// 광주은행
        Gwangju = "CCKJ",
        /// K뱅크
        KBank = "CKBK",
    }
}

wire_enum! {
    /// A carrier for `phone.detail[].carrier` (daou.mdx "통신사 노출 제어" samples).
    Carrier, "phone.detail[].carrier" {
        /// `"*"`: every carrier.
        All = "*",
        /// `"SKT"`.
        Skt = "SKT",
        /// `"KTF"` (KT).
        Kt = "KTF",
        /// `"LGT"` (LG U+).
        Lg = "LGT",
        /// `"CJH"` (CJ Hello).
        Cjh = "CJH",
    }
}

/// A Kiwoom Pay payment request (`channelKey`, checked with `options.provider: "daou"`).
///
/// Kiwoom-only options: the typed `bypass.daou` keys, `phone.detail` carriers,
/// `prefill.phoneNumber`, card direct with quota, escrow (trans and vbank only). There is no
/// `customer_uid` setter (no billing-key window) and no `card.detail[].max_month` (not
/// supported by Kiwoom Pay). `name` and `buyer_name` must be EUC-KR-representable
/// (daou-notes.mdx); `build()` checks it.
#[derive(Clone, Debug)]
pub struct Kiwoom {
    req: PaymentRequest,
    options: CheckOptions,
}

common_setters!(Kiwoom);

impl Kiwoom {
    /// A request for the Kiwoom Pay channel `channel_key` (daou.mdx "channelKey: string
    /// 채널키"). `digital` is required and must match the Kiwoom Pay contract (daou.mdx
    /// "digital: boolean 디지털 컨텐츠 여부 고객사 <-> 키움페이간 계약 상태에 따라 정해진 올바른
    /// 값을 넣어야 함. 그렇지 않은 경우 결제 진행 불가").
    ///
    /// # Examples
    /// ```
    /// use iamport_pay::builder::{CashReceiptFlag, Kiwoom};
    /// use iamport_pay::PayMethod;
    /// use serde_json::json;
    ///
    /// let req = Kiwoom::new("channel-key-1", false)
    ///     .pay_method(PayMethod::Trans)
    ///     .merchant_uid("mid_1234567890")
    ///     .name("노스페이스 롱패딩 M")
    ///     .amount(1004)
    ///     .escrow(true)
    ///     .cash_receipt_flag(CashReceiptFlag::Transfer { allow: true })
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(req.to_value(), json!({
    ///     "channelKey": "channel-key-1", "pay_method": "trans",
    ///     "merchant_uid": "mid_1234567890", "name": "노스페이스 롱패딩 M", "amount": 1004,
    ///     "escrow": true, "digital": false,
    ///     "bypass": { "daou": { "CASHRECEIPTFLAG": 1 } }
    /// }));
    ///
    /// // Kiwoom Pay escrow is for trans and vbank only (004 "계좌이체,가상계좌만 지원됩니다").
    /// let report = Kiwoom::new("channel-key-1", false)
    ///     .name("Order")
    ///     .pay_method(PayMethod::Card)
    ///     .merchant_uid("o1")
    ///     .amount(1004)
    ///     .escrow(true)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(report.pairs(), vec![("escrow".to_string(), "unsupported_option")]);
    /// ```
    pub fn new(channel_key: impl Into<String>, digital: bool) -> Self {
        Kiwoom {
            req: PaymentRequest {
                channel_key: Some(channel_key.into()),
                digital: Some(digital),
                ..PaymentRequest::default()
            },
            options: CheckOptions::provider(Provider::Daou),
        }
    }

    /// `escrow`: Kiwoom Pay supports it only with `trans` and `vbank` (004 / daou.mdx
    /// "에스크로 설정여부 계좌이체,가상계좌만 지원됩니다."); `build()` rejects it otherwise.
    pub fn escrow(mut self, escrow: bool) -> Self {
        self.req.escrow = Some(escrow);
        self
    }

    /// `card.direct`: open this card company's module directly, with `quota` installment
    /// months (0 = lump sum) (daou.mdx "카드사 모듈 바로 호출").
    pub fn card_direct(mut self, code: impl Into<String>, quota: Option<u32>) -> Self {
        self.req.card.get_or_insert_with(Card::default).direct = Some(CardDirect {
            code: code.into(),
            quota,
        });
        self
    }

    /// `bypass.daou.PRODUCTCODE`: the product id, free form (004 "값에 대해 정해진 규격이 없고
    /// 보내지 않을 경우 포트원에서 기본값(iamport)을 설정").
    pub fn product_code(self, code: impl Into<String>) -> Self {
        self.bypass("PRODUCTCODE", Value::from(code.into()))
    }

    /// `bypass.daou.CASHRECEIPTFLAG`: whether Kiwoom Pay issues the cash receipt itself.
    pub fn cash_receipt_flag(self, flag: CashReceiptFlag) -> Self {
        self.bypass("CASHRECEIPTFLAG", flag.to_value())
    }

    /// `bypass.daou.DIRECT_YN`: with `true` (`"Y"`) the easy-pay window opens without the
    /// Kiwoom Pay page (daou.mdx "`Y`로 입력하는 경우 키움페이 화면이 노출되지 않고 바로
    /// 간편결제 결제창이 호출됩니다.").
    pub fn direct_yn(self, direct: bool) -> Self {
        self.bypass("DIRECT_YN", Value::from(if direct { "Y" } else { "N" }))
    }

    /// `bypass.daou.CARDQUOTA`: the installment months per card company (daou.mdx
    /// "`{키움페이_카드사_코드}-{할부_개월수_옵션1}:{할부_개월수_옵션2}:...`" groups joined by
    /// `^`; 0 = 일시불).
    ///
    /// # Examples
    /// ```
    /// use iamport_pay::builder::{Kiwoom, KiwoomCard};
    /// use iamport_pay::PayMethod;
    /// let req = Kiwoom::new("channel-key-1", false)
    ///     .name("Order")
    ///     .pay_method(PayMethod::Card)
    ///     .merchant_uid("o1")
    ///     .amount(60_000)
    ///     .card_quota_by_card([
    ///         (KiwoomCard::Bc, vec![0, 2, 3, 4, 5, 6]),
    ///         (KiwoomCard::Nh, vec![0, 2, 3]),
    ///         (KiwoomCard::Kb, vec![0, 2, 3, 4]),
    ///     ])
    ///     .build()
    ///     .unwrap();
    /// // daou.mdx: "예시로 `CCBC-0:2:3:4:5:6^CCNH-0:2:3^CCKM-0:2:3:4` 를 입력하는 경우"
    /// assert_eq!(
    ///     req.to_value()["bypass"]["daou"]["CARDQUOTA"],
    ///     "CCBC-0:2:3:4:5:6^CCNH-0:2:3^CCKM-0:2:3:4"
    /// );
    /// ```
    pub fn card_quota_by_card<I, M>(self, groups: I) -> Self
    where
        I: IntoIterator<Item = (KiwoomCard, M)>,
        M: IntoIterator<Item = u8>,
    {
        let text: Vec<String> = groups
            .into_iter()
            .map(|(card, months)| {
                let months: Vec<String> = months.into_iter().map(|m| m.to_string()).collect();
                format!("{}-{}", card.as_str(), months.join(":"))
            })
            .collect();
        self.bypass("CARDQUOTA", Value::from(text.join("^")))
    }

    /// `phone.detail`: which carriers the phone-payment window shows (daou.mdx "통신사 노출
    /// 제어"; unset = every carrier).
    pub fn phone_carriers(mut self, carriers: impl IntoIterator<Item = (Carrier, bool)>) -> Self {
        self.req.phone = Some(Phone {
            detail: carriers
                .into_iter()
                .map(|(carrier, enabled)| PhoneCarrier {
                    carrier: carrier.as_str().to_string(),
                    enabled,
                })
                .collect(),
        });
        self
    }

    /// `prefill.phoneNumber`: fixes the phone number in the phone-payment window, digits only
    /// (daou.mdx "휴대폰번호 입력(하이픈 제거)").
    pub fn prefill_phone_number(mut self, number: impl Into<String>) -> Self {
        self.req.prefill = Some(Prefill {
            phone_number: Some(number.into()),
        });
        self
    }

    /// Sets one key of `bypass.daou` (an object; setting a key twice keeps the last value).
    fn bypass(mut self, key: &str, value: Value) -> Self {
        let bypass = self.req.bypass.get_or_insert_with(Map::new);
        let daou = bypass
            .entry("daou")
            .or_insert_with(|| Value::Object(Map::new()));
        if !daou.is_object() {
            *daou = Value::Object(Map::new());
        }
        if let Value::Object(m) = daou {
            m.insert(key.to_string(), value);
        }
        self
    }
}
