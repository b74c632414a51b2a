//! Billing and key-in REST bodies: `POST /subscribe/payments/again`,
//! `POST /subscribe/payments/onetime` and `POST /subscribe/customers/{customer_uid}`.
//!
//! Sources: the "비 인증 API" sections of 000 (KG Inicis, lines 78-106), 001 (NHN KCP,
//! 126-153), 003 (English, 58-64 and 83-130), 004 (Kiwoom Pay, 102-135); portone-docs
//! inicis.mdx:414-469, kcp.mdx:702-789, ksnet.mdx:289-321, daou.mdx:248-291;
//! non-auth-billing.mdx (card field formats, lines 45-132); ksnet-warning.mdx (KSNET notes).

use super::{amounts, finish, max_chars, provider_of, require, require_by, segment, RestCall};
use crate::{Code, Currency, Issue, Msg, Provider, Report};
use serde::{Deserialize, Serialize};

/// `product_type`: what is sold, `"digital"` or `"real"` (ksnet.mdx:339 "디지털: `digital`,
/// 실물: `real`"). KSNET needs it for key-in and billing payments (ksnet-warning.mdx:96-114).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProductType {
    /// 디지털 상품.
    Digital,
    /// 실물 상품.
    Real,
}

impl ProductType {
    /// The wire string.
    pub const fn as_str(self) -> &'static str {
        match self {
            ProductType::Digital => "digital",
            ProductType::Real => "real",
        }
    }
}

/// Card data for key-in payments and billing-key issue. Server only: its `Debug` prints
/// `<redacted>` for every field, and the browser checker rejects these keys
/// (`forbidden_field`).
///
/// Formats (non-auth-billing.mdx:58-61 and 125-128, samples 000:85,90):
/// - `card_number`: "카드 번호 16자리", written `"1234-1234-1234-1234"`: digits with optional
///   dashes. Decision: 15 digits are accepted too, for 4-6-5 AMEX numbers, which the guides
///   neither list nor exclude. No Luhn check: every guide sample (`1234-1234-1234-1234`)
///   fails it, and PortOne/the PG does the real check.
/// - `expiry`: `"YYYY-MM"`, month 01-12 (no clock check: the samples use 2019-01).
/// - `birth`: `"YYMMDD"` (6 digits), or a 10-digit business number for corporate cards
///   ("무기명 법인카드의 경우 사업자 번호 10자리"). Only the length is checked: the samples
///   use `"123456"`, which is not a date.
/// - `pwd_2digit`: `"NN"`, the first 2 digits of the card password.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardData {
    /// `card_number`.
    pub card_number: String,
    /// `expiry` (`YYYY-MM`).
    pub expiry: String,
    /// `birth` (`YYMMDD` or a 10-digit business number).
    pub birth: String,
    /// `pwd_2digit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pwd_2digit: Option<String>,
}

redacted_debug!(CardData { ; card_number, expiry, birth, pwd_2digit });

impl CardData {
    /// Card data without `pwd_2digit`.
    pub fn new(
        card_number: impl Into<String>,
        expiry: impl Into<String>,
        birth: impl Into<String>,
    ) -> Self {
        CardData {
            card_number: card_number.into(),
            expiry: expiry.into(),
            birth: birth.into(),
            pwd_2digit: None,
        }
    }

    /// Sets `pwd_2digit`.
    pub fn pwd_2digit(mut self, pwd_2digit: impl Into<String>) -> Self {
        self.pwd_2digit = Some(pwd_2digit.into());
        self
    }

    /// Adds an issue for every field not in its documented format.
    pub fn validate_into(&self, report: &mut Report, pg: Option<Provider>) {
        require(report, "card_number", Some(&self.card_number));
        require(report, "expiry", Some(&self.expiry));
        require(report, "birth", Some(&self.birth));
        let digits = self.card_number.bytes().filter(u8::is_ascii_digit).count();
        let only_digits_and_dashes = self
            .card_number
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-');
        if !self.card_number.trim().is_empty()
            && (!only_digits_and_dashes || !(15..=16).contains(&digits))
        {
            report.push(Issue::new(
                "card_number",
                Code::InvalidValue,
                Msg::ServerCardNumber,
            ));
        }
        if !self.expiry.trim().is_empty() && !is_expiry(&self.expiry) {
            report.push(Issue::new("expiry", Code::InvalidValue, Msg::ServerExpiry));
        }
        let b = self.birth.as_str();
        if !b.trim().is_empty() && !(is_digits(b) && (b.len() == 6 || b.len() == 10)) {
            report.push(Issue::new("birth", Code::InvalidValue, Msg::ServerBirth));
        }
        match self.pwd_2digit.as_deref() {
            Some(p) if !(p.len() == 2 && is_digits(p)) => report.push(Issue::new(
                "pwd_2digit",
                Code::InvalidValue,
                Msg::ServerPwd2Digit,
            )),
            // ksnet-warning.mdx:117-122 "빌링키 등록: card_number, expiry, pwd_2digit, birth
            // 파라미터 입력은 필수" — the caller says when a key is registered.
            None if pg == Some(Provider::Ksnet) => {
                require_by(report, "pwd_2digit", None, Provider::Ksnet)
            }
            _ => {}
        }
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_expiry(s: &str) -> bool {
    match s.as_bytes() {
        [y0, y1, y2, y3, b'-', m0, m1]
            if [y0, y1, y2, y3, m0, m1].iter().all(|b| b.is_ascii_digit()) =>
        {
            matches!((m0 - b'0') * 10 + (m1 - b'0'), 1..=12)
        }
        _ => false,
    }
}

/// merchant_uid rules shared by the bodies that carry one: required, ≤ 40 characters
/// (request-pay-params.mdx `merchant_uid`: "40자 이내").
fn merchant_uid(report: &mut Report, value: &str) {
    require(report, "merchant_uid", Some(value));
    max_chars(report, "merchant_uid", Some(value), 40);
}

/// `pg`, when given, names a PortOne PG (non-auth-billing.mdx:57 `pg: "${pg_provider}.${pg_mid}"`).
fn pg_field(report: &mut Report, pg: Option<&str>) {
    if let Some(pg) = pg {
        if Provider::from_pg(pg).is_err() {
            report.push(
                Issue::new("pg", Code::UnknownProvider, Msg::UnknownPg).arg(format!("{pg:?}")),
            );
        }
    }
}

// ---- POST /subscribe/payments/again ------------------------------------------------------

/// `POST /subscribe/payments/again`: charge a saved billing key (`customer_uid`).
///
/// Sample (000:104-106, and the same body in 001:151-153, 003:128-130, 004:133-135,
/// inicis.mdx:466-468, kcp.mdx:769-771, daou.mdx:288-290):
/// `{"customer_uid":"your-customer-unique-id", "merchant_uid":"order_id_8237352", "amount":3000}`;
/// KSNET adds `"product_type": "digital"` (ksnet.mdx:319).
///
/// # Examples
/// ```
/// use iamport_pay::server::{AgainPayment, RestCall};
/// let body = AgainPayment::builder("your-customer-unique-id", "order_id_8237352", 3000)
///     .build()
///     .unwrap();
/// assert_eq!(body.path(), "/subscribe/payments/again");
/// assert_eq!(body.body(), serde_json::json!(
///     {"customer_uid":"your-customer-unique-id", "merchant_uid":"order_id_8237352", "amount":3000}));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgainPayment {
    /// The billing key's id.
    pub customer_uid: String,
    /// The shop's order id, new for every charge.
    pub merchant_uid: String,
    /// The amount to charge.
    pub amount: u64,
    /// Order name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Tax-free part of `amount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_free: Option<u64>,
    /// VAT part of `amount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_amount: Option<u64>,
    /// Currency (default KRW).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// KSNET: digital or real goods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_type: Option<ProductType>,
}

impl AgainPayment {
    /// A builder with the three fields every sample has.
    pub fn builder(
        customer_uid: impl Into<String>,
        merchant_uid: impl Into<String>,
        amount: u64,
    ) -> AgainPaymentBuilder {
        AgainPaymentBuilder {
            body: AgainPayment {
                customer_uid: customer_uid.into(),
                merchant_uid: merchant_uid.into(),
                amount,
                name: None,
                tax_free: None,
                vat_amount: None,
                currency: None,
                product_type: None,
            },
            provider: None,
        }
    }

    /// Every issue of this body. `provider` is the billing key's PG when known (this body has
    /// no `pg`); it turns on that PG's notes.
    pub fn validate(&self, provider: Option<Provider>) -> Report {
        let mut r = Report::new();
        // customer_uid: the key to charge (000:101-103 "customer_uid를 이용해서 재결제").
        require(&mut r, "customer_uid", Some(&self.customer_uid));
        merchant_uid(&mut r, &self.merchant_uid);
        max_chars(&mut r, "name", self.name.as_deref(), 40);
        // A charge of 0 charges nothing: the window's amount is display-only and the real
        // charge is this call (000:74-77).
        if self.amount == 0 {
            r.push(Issue::new(
                "amount",
                Code::OutOfRange,
                Msg::ServerBillingAmount,
            ));
        }
        amounts(&mut r, Some(self.amount), self.tax_free, self.vat_amount);
        // ksnet-warning.mdx:107-114 "빌링키 결제: product_type 을 파라미터로 사용해야 결제가
        // 가능합니다"; sample ksnet.mdx:319.
        if provider == Some(Provider::Ksnet) && self.product_type.is_none() {
            require_by(&mut r, "product_type", None, Provider::Ksnet);
        }
        r
    }
}

impl RestCall for AgainPayment {
    const METHOD: &'static str = "POST";
    fn path(&self) -> String {
        "/subscribe/payments/again".to_string()
    }
}

/// Builder of [`AgainPayment`].
#[derive(Clone, Debug)]
pub struct AgainPaymentBuilder {
    body: AgainPayment,
    provider: Option<Provider>,
}

setters!(AgainPaymentBuilder.body {
    /// `name`: order name, ≤ 40 characters.
    name: String,
});

value_setters!(AgainPaymentBuilder.body {
    /// `tax_free`.
    tax_free: u64,
    /// `vat_amount`.
    vat_amount: u64,
    /// `currency`.
    currency: Currency,
    /// `product_type` (KSNET requires it).
    product_type: ProductType,
});

impl AgainPaymentBuilder {
    /// The billing key's PG, to check its notes (not sent: the key knows its PG).
    pub fn provider(mut self, provider: Provider) -> Self {
        self.provider = Some(provider);
        self
    }

    /// The body, or every issue.
    ///
    /// # Errors
    /// A [`Report`] with every issue when there is an error.
    pub fn build(self) -> Result<AgainPayment, Report> {
        let report = self.body.validate(self.provider);
        finish(self.body, report)
    }
}

// ---- POST /subscribe/payments/onetime ----------------------------------------------------

/// `POST /subscribe/payments/onetime`: a key-in payment with card data; with `customer_uid`
/// it also saves the card as that billing key (000:92-96).
///
/// Samples: 000:84-86 `{"merchant_uid":"order_id_8237352", "card_number":"1234-1234-1234-1234",
/// "expiry":"2019-01", "birth":"123456", "amount":3000}` and 000:97-99 (the same with
/// `"customer_uid":"your-customer-unique-id"`), repeated in 001, 003, 004, inicis.mdx,
/// kcp.mdx, ksnet.mdx, daou.mdx.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnetimePayment {
    /// The shop's order id.
    pub merchant_uid: String,
    /// The amount to charge.
    pub amount: u64,
    /// Card data (flattened into the body).
    #[serde(flatten)]
    pub card: CardData,
    /// Saves the card under this billing key id as well.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_uid: Option<String>,
    /// Which PG and MID, `"{pg_provider}.{pg_mid}"` (non-auth-billing.mdx:57).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pg: Option<String>,
    /// Order name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Tax-free part of `amount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_free: Option<u64>,
    /// VAT part of `amount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_amount: Option<u64>,
    /// KSNET: digital or real goods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_type: Option<ProductType>,
}

impl OnetimePayment {
    /// A builder with the fields every sample has.
    pub fn builder(
        merchant_uid: impl Into<String>,
        amount: u64,
        card: CardData,
    ) -> OnetimePaymentBuilder {
        OnetimePaymentBuilder {
            body: OnetimePayment {
                merchant_uid: merchant_uid.into(),
                amount,
                card,
                customer_uid: None,
                pg: None,
                name: None,
                tax_free: None,
                vat_amount: None,
                product_type: None,
            },
            provider: None,
        }
    }

    /// Every issue of this body; `provider` is used when `pg` is absent.
    pub fn validate(&self, provider: Option<Provider>) -> Report {
        let mut r = Report::new();
        let pg = provider_of(self.pg.as_deref()).or(provider);
        merchant_uid(&mut r, &self.merchant_uid);
        max_chars(&mut r, "name", self.name.as_deref(), 40);
        pg_field(&mut r, self.pg.as_deref());
        // customer_uid, when sent, must name the key (000:94-95 "빌링키 등록을 위해서 지정").
        if let Some(uid) = &self.customer_uid {
            require(&mut r, "customer_uid", Some(uid));
        }
        // pwd_2digit is required by KSNET only when a key is registered (ksnet-warning.mdx:
        // 117-122); its key-in payment does not check birth/pwd_2digit (ksnet-warning.mdx:103).
        let registers = self.customer_uid.is_some();
        self.card.validate_into(&mut r, pg.filter(|_| registers));
        amounts(&mut r, Some(self.amount), self.tax_free, self.vat_amount);
        // ksnet-warning.mdx:93-97 "키인결제: product_type 파라미터를 사용해야 결제가 가능".
        if pg == Some(Provider::Ksnet) && self.product_type.is_none() {
            require_by(&mut r, "product_type", None, Provider::Ksnet);
        }
        r
    }
}

impl RestCall for OnetimePayment {
    const METHOD: &'static str = "POST";
    fn path(&self) -> String {
        "/subscribe/payments/onetime".to_string()
    }
}

/// Builder of [`OnetimePayment`].
#[derive(Clone, Debug)]
pub struct OnetimePaymentBuilder {
    body: OnetimePayment,
    provider: Option<Provider>,
}

setters!(OnetimePaymentBuilder.body {
    /// `customer_uid`: also issue a billing key under this id.
    customer_uid: String,
    /// `pg`: `"{pg_provider}.{pg_mid}"`.
    pg: String,
    /// `name`: order name, ≤ 40 characters.
    name: String,
});

value_setters!(OnetimePaymentBuilder.body {
    /// `tax_free`.
    tax_free: u64,
    /// `vat_amount`.
    vat_amount: u64,
    /// `product_type` (KSNET requires it).
    product_type: ProductType,
});

impl OnetimePaymentBuilder {
    /// The PG, when `pg` is not sent (the shop's default PG), to check its notes.
    pub fn provider(mut self, provider: Provider) -> Self {
        self.provider = Some(provider);
        self
    }

    /// The body, or every issue.
    ///
    /// # Errors
    /// A [`Report`] with every issue when there is an error.
    pub fn build(self) -> Result<OnetimePayment, Report> {
        let report = self.body.validate(self.provider);
        finish(self.body, report)
    }
}

// ---- POST /subscribe/customers/{customer_uid} --------------------------------------------

/// `POST /subscribe/customers/{customer_uid}`: issue a billing key from card data, without
/// a payment. `customer_uid` goes in the path, not the body.
///
/// Sample (000:89-91, repeated in 001, 003, 004, inicis.mdx, kcp.mdx, ksnet.mdx, daou.mdx):
/// `{"card_number":"1234-1234-1234-1234", "expiry":"2025-12", "birth":"820213", "pwd_2digit":"00"}`
/// to `/subscribe/customers/your-customer-unique-id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingKey {
    /// The billing key's id (path parameter; not serialized).
    #[serde(skip)]
    pub customer_uid: String,
    /// Card data (flattened into the body).
    #[serde(flatten)]
    pub card: CardData,
    /// Which PG and MID (non-auth-billing.mdx:123).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pg: Option<String>,
    /// The shop's id for the customer (non-auth-billing.mdx:124).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
}

impl BillingKey {
    /// A builder; `customer_uid` names the key (one per customer and card:
    /// non-auth-billing.mdx:197-210).
    pub fn builder(customer_uid: impl Into<String>, card: CardData) -> BillingKeyBuilder {
        BillingKeyBuilder {
            body: BillingKey {
                customer_uid: customer_uid.into(),
                card,
                pg: None,
                customer_id: None,
            },
            provider: None,
        }
    }

    /// Every issue of this body; `provider` is used when `pg` is absent.
    pub fn validate(&self, provider: Option<Provider>) -> Report {
        let mut r = Report::new();
        let pg = provider_of(self.pg.as_deref()).or(provider);
        // The path needs it (000:88 "POST /subscribe/customers/{customer_uid}").
        require(&mut r, "customer_uid", Some(&self.customer_uid));
        pg_field(&mut r, self.pg.as_deref());
        self.card.validate_into(&mut r, pg);
        r
    }
}

impl RestCall for BillingKey {
    const METHOD: &'static str = "POST";
    fn path(&self) -> String {
        format!("/subscribe/customers/{}", segment(&self.customer_uid))
    }
}

/// Builder of [`BillingKey`].
#[derive(Clone, Debug)]
pub struct BillingKeyBuilder {
    body: BillingKey,
    provider: Option<Provider>,
}

setters!(BillingKeyBuilder.body {
    /// `pg`: `"{pg_provider}.{pg_mid}"`.
    pg: String,
    /// `customer_id`: the shop's id for the customer.
    customer_id: String,
});

impl BillingKeyBuilder {
    /// The PG, when `pg` is not sent, to check its notes.
    pub fn provider(mut self, provider: Provider) -> Self {
        self.provider = Some(provider);
        self
    }

    /// The body, or every issue.
    ///
    /// # Errors
    /// A [`Report`] with every issue when there is an error.
    pub fn build(self) -> Result<BillingKey, Report> {
        let report = self.body.validate(self.provider);
        finish(self.body, report)
    }
}
