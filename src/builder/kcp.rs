//! The NHN KCP builders: `Kcp` (the payment window) and `KcpBilling` (the billing-key
//! window), docs/RULES.md §3.

use super::pg_code;
use crate::{
    CardDetail, CardDirect, CheckOptions, KcpProduct, PayMethod, PaymentRequest, Prefill, Provider,
};
use serde_json::{Map, Value};

/// `bypass.app_flag`: how a KB Kookmin Card direct call pays (kcp.mdx "KB국민카드 다이렉트 호출 시
/// 앱카드 사용 여부").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KcpAppFlag {
    /// `Y`: the KB Pay app card.
    AppCard,
    /// `N`: ISP.
    Isp,
    /// `S`: offer both (mobile only).
    Choice,
}

impl KcpAppFlag {
    /// The wire value: `"Y"`, `"N"` or `"S"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            KcpAppFlag::AppCard => "Y",
            KcpAppFlag::Isp => "N",
            KcpAppFlag::Choice => "S",
        }
    }
}

/// Sets `bypass.<key>` on a request.
fn set_bypass(req: &mut PaymentRequest, key: &str, value: impl Into<Value>) {
    req.bypass
        .get_or_insert_with(Map::new)
        .insert(key.to_string(), value.into());
}

fn yn(on: bool) -> &'static str {
    if on {
        "Y"
    } else {
        "N"
    }
}

/// An `IMP.request_pay` request for the NHN KCP payment window (`pg: "kcp.{site code}"`).
///
/// For a billing key use [`KcpBilling`]: a `customer_uid` on plain `kcp` is an error.
#[derive(Clone, Debug)]
pub struct Kcp {
    req: PaymentRequest,
    options: CheckOptions,
}

impl Kcp {
    /// A KCP request for the site code `site_code` (001: "테스트인경우 kcp.T0000"); an empty
    /// code gives the bare `pg: "kcp"`.
    ///
    /// # Examples
    /// ```
    /// use iamport_pay::builder::Kcp;
    /// use iamport_pay::{KcpProduct, PayMethod};
    ///
    /// let req = Kcp::new("T0000")
    ///     .pay_method(PayMethod::Trans)
    ///     .merchant_uid("order_no_0001")
    ///     .name("당근 10kg")
    ///     .amount(9000)
    ///     .escrow(true)
    ///     .kcp_product(KcpProduct {
    ///         order_number: "xxxx".into(),
    ///         name: "상품A".into(),
    ///         quantity: 3,
    ///         amount: 1000,
    ///     })
    ///     .build()
    ///     .unwrap();
    /// let v = req.to_value();
    /// assert_eq!(v["pg"], "kcp.T0000");
    /// assert_eq!(v["kcpProducts"][0]["orderNumber"], "xxxx");
    ///
    /// // Gift certificates need the shop's member id, at most 20 EUC-KR bytes.
    /// let report = Kcp::new("T0000")
    ///     .name("Order")
    ///     .pay_method(PayMethod::Cultureland)
    ///     .merchant_uid("order_no_0002")
    ///     .amount(1004)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(report.pairs(), vec![("bypass.shop_user_id".to_string(), "required")]);
    /// ```
    pub fn new(site_code: impl AsRef<str>) -> Self {
        Kcp {
            req: PaymentRequest {
                pg: Some(pg_code(Provider::Kcp, site_code.as_ref())),
                ..PaymentRequest::default()
            },
            options: CheckOptions::provider(Provider::Kcp),
        }
    }

    /// `escrow`: an escrow payment; KCP then needs [`kcp_product`](Self::kcp_product) items.
    pub fn escrow(mut self, escrow: bool) -> Self {
        self.req.escrow = Some(escrow);
        self
    }

    /// Adds a `kcpProducts` item (orderNumber, name, quantity ≥ 1, amount): the goods of an
    /// escrow payment. Their amounts are not compared with `amount` (kcp.mdx).
    pub fn kcp_product(mut self, product: KcpProduct) -> Self {
        self.req
            .kcp_products
            .get_or_insert_with(Vec::new)
            .push(product);
        self
    }

    /// Adds several `kcpProducts` items.
    pub fn kcp_products(mut self, products: impl IntoIterator<Item = KcpProduct>) -> Self {
        self.req
            .kcp_products
            .get_or_insert_with(Vec::new)
            .extend(products);
        self
    }

    /// `company`: the shop name shown in the window and card modules ("설정하지 않으면
    /// `iamport`로 표기").
    pub fn company(mut self, company: impl Into<String>) -> Self {
        self.req.company = Some(company.into());
        self
    }

    /// `auth_mode: "key-in"`: the key-in (one-off) payment window.
    pub fn auth_mode_key_in(mut self) -> Self {
        self.req.auth_mode = Some("key-in".into());
        self
    }

    /// `appCard`: `true` shows only the card companies' app cards.
    pub fn app_card(mut self, app_card: bool) -> Self {
        self.req.app_card = Some(app_card);
        self
    }

    /// `prefill.phoneNumber`: fix the phone number of a phone payment (digits only).
    pub fn prefill_phone_number(mut self, phone_number: impl Into<String>) -> Self {
        self.req.prefill = Some(Prefill {
            phone_number: Some(phone_number.into()),
        });
        self
    }

    /// `digital`: whether a phone payment is for digital goods (required for `phone`).
    pub fn digital(mut self, digital: bool) -> Self {
        self.req.digital = Some(digital);
        self
    }

    /// `card.direct`: open this card company's module directly; `quota` is the fixed
    /// installment months (0: lump sum).
    pub fn card_direct(mut self, code: impl Into<String>, quota: Option<u32>) -> Self {
        self.req.card.get_or_insert_with(Default::default).direct = Some(CardDirect {
            code: code.into(),
            quota,
        });
        self
    }

    /// `card.direct` with card points: KCP adds 80 to the months for Hyundai (`"367"`) and 60
    /// for the other point cards (kcp.mdx "카드사별 포인트 사용시 아래 할부 개월수를 더해서 요청해야
    /// 합니다"). `months` is 0 for a lump sum.
    pub fn card_direct_with_points(self, code: impl Into<String>, months: u32) -> Self {
        let code = code.into();
        let base = if code == "367" { 80 } else { 60 };
        self.card_direct(code, Some(base + months))
    }

    /// Adds a `card.detail` entry (show or hide a card company; `"*"` = every card). KCP does
    /// not take `max_month`.
    pub fn card_detail(mut self, detail: CardDetail) -> Self {
        self.req
            .card
            .get_or_insert_with(Default::default)
            .detail
            .get_or_insert_with(Vec::new)
            .push(detail);
        self
    }

    /// `bypass.shop_user_id`: the shop's member id, required for gift certificates and phone
    /// payments; at most 20 bytes in EUC-KR.
    pub fn shop_user_id(mut self, shop_user_id: impl Into<String>) -> Self {
        set_bypass(&mut self.req, "shop_user_id", shop_user_id.into());
        self
    }

    /// `bypass.coupon_apply_yn`: show the discount-coupon area (`Y`/`N`; agreed with KCP).
    pub fn coupon_apply(mut self, on: bool) -> Self {
        set_bypass(&mut self.req, "coupon_apply_yn", yn(on));
        self
    }

    /// `bypass.skin_indx`: the PC window skin, 1 to 11.
    pub fn skin_indx(mut self, skin: u8) -> Self {
        set_bypass(&mut self.req, "skin_indx", skin.to_string());
        self
    }

    /// `bypass.site_logo`: the PC window's logo URL (http(s)).
    pub fn site_logo(mut self, url: impl Into<String>) -> Self {
        set_bypass(&mut self.req, "site_logo", url.into());
        self
    }

    /// `bypass.complex_pnt_yn`: `true` lets a point payment top up with a credit card (PC).
    pub fn complex_pnt(mut self, on: bool) -> Self {
        set_bypass(&mut self.req, "complex_pnt_yn", yn(on));
        self
    }

    /// `bypass.pt_memcorp_cd`: the Benepia member code, required for `point`.
    pub fn pt_memcorp_cd(mut self, code: impl Into<String>) -> Self {
        set_bypass(&mut self.req, "pt_memcorp_cd", code.into());
        self
    }

    /// `bypass.app_flag`: how a KB Kookmin Card direct call (`card_direct("381", ..)`) pays.
    pub fn app_flag(mut self, flag: KcpAppFlag) -> Self {
        set_bypass(&mut self.req, "app_flag", flag.as_str());
        self
    }
}

common_setters!(Kcp);

/// An `IMP.request_pay` request for NHN KCP's billing-key window
/// (`pg: "kcp_billing.{site code}"`, card only, `customer_uid` required; KCP charges nothing
/// when issuing the key).
#[derive(Clone, Debug)]
pub struct KcpBilling {
    req: PaymentRequest,
    options: CheckOptions,
}

impl KcpBilling {
    /// A billing-key request for the site code `site_code` that issues the billing key
    /// `customer_uid`; `pay_method` is `card`, the only one the window takes.
    ///
    /// # Examples
    /// ```
    /// use iamport_pay::builder::KcpBilling;
    ///
    /// let req = KcpBilling::new("T0000", "your-customer-unique-id")
    ///     .merchant_uid("order_monthly_0001")
    ///     .name("정기결제")
    ///     .amount(0)
    ///     .batch_birth_day_yn(true)
    ///     .build()
    ///     .unwrap();
    /// let v = req.to_value();
    /// assert_eq!(v["pg"], "kcp_billing.T0000");
    /// assert_eq!(v["pay_method"], "card");
    /// assert_eq!(v["customer_uid"], "your-customer-unique-id");
    /// assert_eq!(v["bypass"]["batch_birth_day_yn"], "Y");
    /// ```
    pub fn new(site_code: impl AsRef<str>, customer_uid: impl Into<String>) -> Self {
        KcpBilling {
            req: PaymentRequest {
                pg: Some(pg_code(Provider::KcpBilling, site_code.as_ref())),
                pay_method: Some(PayMethod::Card),
                customer_uid: Some(customer_uid.into()),
                ..PaymentRequest::default()
            },
            options: CheckOptions::provider(Provider::KcpBilling),
        }
    }

    /// `bypass.site_logo`: the PC window's logo URL (http(s)).
    pub fn site_logo(mut self, url: impl Into<String>) -> Self {
        set_bypass(&mut self.req, "site_logo", url.into());
        self
    }

    /// `bypass.batch_birth_day_yn`: `true` always shows the birth-date box (PC; kcp.mdx "`Y`:
    /// 생년월일 입력박스 항상 표시").
    pub fn batch_birth_day_yn(mut self, on: bool) -> Self {
        set_bypass(&mut self.req, "batch_birth_day_yn", yn(on));
        self
    }
}

common_setters!(KcpBilling);
