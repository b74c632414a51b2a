//! The `IMP.request_pay` parameter model: every V1 field, with PortOne's wire names.
//!
//! Sources: request-pay-params.mdx (all common fields), and the PG pages for the PG-only
//! fields (kcp.mdx: `kcpProducts`, `company`, `auth_mode`, `appCard`, `prefill`;
//! daou.mdx: `channelKey`; inicis.mdx and 000: `bypass.acceptmethod` / `P_RESERVED`).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident, $err:literal { $($(#[$doc:meta])* $variant:ident = $s:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$doc])* $variant,)* }

        impl $name {
            /// Every value, in table order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The wire string.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s,)* }
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                // A scan of ALL, not a `match` on the strings: same result (the strings are
                // unique), and one loop instead of a compare chain per variant in the wasm.
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or(UnknownValue($err))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// Error of parsing a string that is not in an enum's table; names the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownValue(pub &'static str);

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a known {} value", self.0)
    }
}

impl std::error::Error for UnknownValue {}

string_enum! {
    /// `pay_method`: request-pay-params.mdx "결제수단 구분코드" list, plus the codes the PG
    /// guides use (000: `samsung`, `chai`; request-pay-response.mdx: `culturegift`).
    PayMethod, "pay_method" {
        /// 신용카드
        Card = "card",
        /// 실시간계좌이체
        Trans = "trans",
        /// 가상계좌
        Vbank = "vbank",
        /// 휴대폰소액결제
        Phone = "phone",
        /// 애플페이
        Applepay = "applepay",
        /// 네이버페이
        Naverpay = "naverpay",
        /// 삼성페이
        Samsungpay = "samsungpay",
        /// 삼성페이 (000: KG이니시스 허브형 code)
        Samsung = "samsung",
        /// KPay앱
        Kpay = "kpay",
        /// 카카오페이
        Kakaopay = "kakaopay",
        /// 페이코
        Payco = "payco",
        /// LPAY
        Lpay = "lpay",
        /// SSG페이
        Ssgpay = "ssgpay",
        /// 토스페이
        Tosspay = "tosspay",
        /// 차이페이 (000)
        Chai = "chai",
        /// 컬쳐랜드
        Cultureland = "cultureland",
        /// 스마트문상
        Smartculture = "smartculture",
        /// 해피머니 (000, 001)
        Happymoney = "happymoney",
        /// 문화상품권
        Culturegift = "culturegift",
        /// 도서문화상품권
        Booknlife = "booknlife",
        /// 베네피아 포인트 / OK캐시백 포인트
        Point = "point",
        /// 위쳇페이
        Wechat = "wechat",
        /// 알리페이
        Alipay = "alipay",
        /// 유니온페이
        Unionpay = "unionpay",
        /// 핀페이
        Pinpay = "pinpay",
        /// SSG 은행계좌
        SsgpayBank = "ssgpay_bank",
        /// 11Pay (구.SKPay)
        Skpay = "skpay",
        /// 네이버페이 - 카드
        NaverpayCard = "naverpay_card",
        /// 네이버페이 카드/포인트 선택창 (kcp.mdx "네이버페이(카드, 포인트 선택창 호출) : `naverpay_bridge`")
        NaverpayBridge = "naverpay_bridge",
        /// 네이버페이 - 포인트
        NaverpayPoint = "naverpay_point",
        /// 페이팔 SPB
        Paypal = "paypal",
        /// 토스페이먼츠 브랜드페이
        TossBrandpay = "toss_brandpay",
        /// 토스페이 - 카드
        TosspayCard = "tosspay_card",
        /// 토스페이 - 머니
        TosspayMoney = "tosspay_money",
    }
}

string_enum! {
    /// `currency`: request-pay-params.mdx "결제통화 구분코드" (KRW, USD, EUR, JPY).
    Currency, "currency" {
        /// Korean won (the default).
        Krw = "KRW",
        /// US dollar.
        Usd = "USD",
        /// Euro.
        Eur = "EUR",
        /// Japanese yen.
        Jpy = "JPY",
    }
}

string_enum! {
    /// `language`: request-pay-params.mdx "결제창 언어 설정" (en, ko, zh).
    Language, "language" {
        /// English.
        En = "en",
        /// Korean.
        Ko = "ko",
        /// Chinese.
        Zh = "zh",
    }
}

/// `notice_url`: one webhook URL or several (request-pay-params.mdx `notice_url`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum NoticeUrl {
    /// One URL.
    One(String),
    /// Several URLs.
    Many(Vec<String>),
}

/// `display`: which installment months the window offers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Display {
    /// `display.card_quota`: `[]` lump sum only; `[2,3]` lump sum plus 2 and 3 months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card_quota: Option<Vec<u32>>,
}

/// `card.direct`: open one card company's module directly.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardDirect {
    /// Card company code (card-codes.mdx).
    pub code: String,
    /// Installment months; 0 is lump sum.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quota: Option<u32>,
}

/// One `card.detail[]` entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardDetail {
    /// Card company code, or `*` for all.
    pub card_code: String,
    /// Show (true) or hide (false) this card company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Merchant-paid interest-free installments up to this many months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_month: Option<u32>,
}

/// `card`: card-company options.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// `card.direct`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direct: Option<CardDirect>,
    /// `card.detail`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<Vec<CardDetail>>,
    /// `card.interest_free` (000: "card: { interest_free: 7 }", merchant-paid interest-free).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interest_free: Option<serde_json::Value>,
    /// `card.useInstallment` (ksnet.mdx "useInstallment?: boolean 할부 가능 여부").
    #[serde(rename = "useInstallment", skip_serializing_if = "Option::is_none")]
    pub use_installment: Option<bool>,
}

/// `storeDetails` (ksnet.mdx "storeDetails?: object 상점 세부 정보"; KSNET card and easy-pay
/// direct).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreDetails {
    /// `businessName`: the shop's business name.
    #[serde(rename = "businessName", skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    /// `businessRegistrationNumber`: digits only, no hyphens.
    #[serde(
        rename = "businessRegistrationNumber",
        skip_serializing_if = "Option::is_none"
    )]
    pub business_registration_number: Option<String>,
    /// `ceoFullName`: the representative's name.
    #[serde(rename = "ceoFullName", skip_serializing_if = "Option::is_none")]
    pub ceo_full_name: Option<String>,
    /// `address`: the shop's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// `phoneNumber`: the shop's phone number.
    #[serde(rename = "phoneNumber", skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

/// One `phone.detail[]` entry (daou.mdx "통신사 노출 제어").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneCarrier {
    /// `carrier`: `*` (all), `SKT`, `KTF`, `LGT` or `CJH`.
    pub carrier: String,
    /// `enabled`: show (true) or hide (false) this carrier.
    pub enabled: bool,
}

/// `phone` (daou.mdx "통신사 노출 제어"): which carriers the phone-payment window shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    /// `phone.detail`.
    pub detail: Vec<PhoneCarrier>,
}

/// `period`: the service period shown in the window (000: `from`/`to` YYYYMMDD).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// Start, `YYYYMMDD`.
    pub from: String,
    /// End, `YYYYMMDD`.
    pub to: String,
}

/// One `kcpProducts[]` item (kcp.mdx, escrow: "4개의 필수 속성").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KcpProduct {
    /// Product order number.
    #[serde(rename = "orderNumber")]
    pub order_number: String,
    /// Product name.
    pub name: String,
    /// Quantity, ≥ 1.
    pub quantity: u32,
    /// Amount, ≥ 0.
    pub amount: u64,
}

/// `prefill` (kcp.mdx: `prefill.phoneNumber` fixes the phone number, digits only).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefill {
    /// Phone number, digits only.
    #[serde(rename = "phoneNumber", skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

/// The `IMP.request_pay` params. Serializes with PortOne's wire names and skips unset fields.
///
/// Build one with a PG builder (see [`crate::builder`]) so the PG's rules run, or fill it
/// directly and check it with [`PaymentRequest::check`].
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PaymentRequest {
    /// `channelKey` (daou.mdx, request-pay-params.mdx; newest SDK).
    #[serde(rename = "channelKey", skip_serializing_if = "Option::is_none")]
    pub channel_key: Option<String>,
    /// `pg`: `code.{MID}` (deprecated in favour of channelKey).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pg: Option<String>,
    /// `pay_method`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_method: Option<PayMethod>,
    /// `merchant_uid`, ≤ 40 characters, unique per request.
    pub merchant_uid: String,
    /// `name`, ≤ 40 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `amount` in the currency's unit (KRW: won).
    pub amount: u64,
    /// `tax_free`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_free: Option<u64>,
    /// `vat_amount`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vat_amount: Option<u64>,
    /// `currency`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// `language`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// `buyer_name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_name: Option<String>,
    /// `buyer_tel`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_tel: Option<String>,
    /// `buyer_email`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_email: Option<String>,
    /// `buyer_addr`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_addr: Option<String>,
    /// `buyer_postcode`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_postcode: Option<String>,
    /// `m_redirect_url`: where mobile windows navigate with the result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub m_redirect_url: Option<String>,
    /// `notice_url`: webhook URL(s) for this payment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice_url: Option<NoticeUrl>,
    /// `confirm_url`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirm_url: Option<String>,
    /// `app_scheme`: URL scheme to return to the shop's app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_scheme: Option<String>,
    /// `custom_data`: echoed back in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<serde_json::Value>,
    /// `escrow`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub escrow: Option<bool>,
    /// `digital`: required for `phone`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digital: Option<bool>,
    /// `vbank_due`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vbank_due: Option<String>,
    /// `biz_num`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub biz_num: Option<String>,
    /// `period`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// `display`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<Display>,
    /// `card`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card: Option<Card>,
    /// `useFreeInterestFromMall`.
    #[serde(
        rename = "useFreeInterestFromMall",
        skip_serializing_if = "Option::is_none"
    )]
    pub use_free_interest_from_mall: Option<bool>,
    /// `customer_uid`: opens the billing-key window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_uid: Option<String>,
    /// `company` (KCP): the shop name shown in the window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// `auth_mode` (KCP): `key-in`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_mode: Option<String>,
    /// `appCard` (KCP): only app-card payments.
    #[serde(rename = "appCard", skip_serializing_if = "Option::is_none")]
    pub app_card: Option<bool>,
    /// `prefill` (KCP).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefill: Option<Prefill>,
    /// `kcpProducts` (KCP escrow).
    #[serde(rename = "kcpProducts", skip_serializing_if = "Option::is_none")]
    pub kcp_products: Option<Vec<KcpProduct>>,
    /// `popup`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub popup: Option<bool>,
    /// `storeDetails` (KSNET).
    #[serde(rename = "storeDetails", skip_serializing_if = "Option::is_none")]
    pub store_details: Option<StoreDetails>,
    /// `phone` (Kiwoom Pay carrier filter).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    /// `bypass`: PG-specific options, written by the PG builders.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bypass: Option<serde_json::Map<String, serde_json::Value>>,
}

impl PaymentRequest {
    /// The wire form, as `IMP.request_pay` receives it.
    pub fn to_value(&self) -> serde_json::Value {
        // Serializing plain data with string keys into a `Value` cannot fail.
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// Runs every rule on this request: the same report `check` gives for its wire form.
    pub fn check(&self, options: &crate::CheckOptions) -> crate::Report {
        crate::check(&self.to_value(), options)
    }
}

/// Buyer data is personal: `Debug` shows whether it is set, never its value (STYLE.md).
impl fmt::Debug for PaymentRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redacted = |v: &Option<String>| v.as_ref().map(|_| "<redacted>");
        f.debug_struct("PaymentRequest")
            .field("pg", &self.pg)
            .field("channelKey", &self.channel_key)
            .field("pay_method", &self.pay_method)
            .field("merchant_uid", &self.merchant_uid)
            .field("name", &self.name)
            .field("amount", &self.amount)
            .field("currency", &self.currency)
            .field("buyer_name", &redacted(&self.buyer_name))
            .field("buyer_tel", &redacted(&self.buyer_tel))
            .field("buyer_email", &redacted(&self.buyer_email))
            .field("buyer_addr", &redacted(&self.buyer_addr))
            .field("buyer_postcode", &redacted(&self.buyer_postcode))
            .field("customer_uid", &self.customer_uid)
            .field("escrow", &self.escrow)
            .field("bypass", &self.bypass)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_tables_round_trip() {
        for m in PayMethod::ALL {
            assert_eq!(m.as_str().parse::<PayMethod>(), Ok(*m));
        }
        for c in Currency::ALL {
            assert_eq!(c.as_str().parse::<Currency>(), Ok(*c));
        }
        for l in Language::ALL {
            assert_eq!(l.as_str().parse::<Language>(), Ok(*l));
        }
        assert_eq!("krw".parse::<Currency>(), Err(UnknownValue("currency")));
        assert!("Card".parse::<PayMethod>().is_err());
    }

    #[test]
    fn serializes_wire_names_and_skips_unset() {
        let req = PaymentRequest {
            channel_key: Some("channel-key-1".into()),
            pay_method: Some(PayMethod::Card),
            merchant_uid: "o1".into(),
            amount: 1000,
            app_card: Some(true),
            ..Default::default()
        };
        assert_eq!(
            req.to_value(),
            serde_json::json!({"channelKey": "channel-key-1", "pay_method": "card",
                "merchant_uid": "o1", "amount": 1000, "appCard": true})
        );
    }

    #[test]
    fn debug_redacts_buyer() {
        let req = PaymentRequest {
            buyer_tel: Some("010-1234-5678".into()),
            ..Default::default()
        };
        let s = format!("{req:?}");
        assert!(!s.contains("1234"), "{s}");
        assert!(s.contains("<redacted>"));
    }
}
