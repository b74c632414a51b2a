//! Cash receipts: `POST /receipts/{imp_uid}` (a PortOne payment whose window issued no
//! receipt) and `POST /receipts/external/{merchant_uid}` (a cash sale outside PortOne).
//!
//! Sources: 002:95-111 (KSNET guide, the samples), ksnet.mdx:333-359 (the newer page, same
//! samples, `product_type` values). `identifier_type` and `type` values: PortOne REST V1
//! reference for `/receipts` (linked from ksnet.mdx:336 and 350).

use super::{
    amount_serde, amounts, finish, max_chars, provider_of, require, require_by, segment, RestCall,
};
use crate::{Code, Issue, Msg, Provider, Report};
use serde::{Deserialize, Serialize};

use super::billing::ProductType;

/// `identifier_type`: what `identifier` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IdentifierType {
    /// 주민등록번호.
    Person,
    /// 사업자등록번호 (002:101 sample).
    Business,
    /// 휴대폰번호.
    Phone,
    /// 국세청 현금영수증 카드.
    Taxcard,
}

/// `type`: 소득공제용 (`person`) or 지출증빙용 (`company`, 002:101 sample).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReceiptType {
    /// 소득공제용 (individual).
    Person,
    /// 지출증빙용 (business expense).
    Company,
}

/// Checks shared by both receipt calls.
fn identifier_rules(
    r: &mut Report,
    identifier: &str,
    identifier_type: Option<IdentifierType>,
    pg: Option<Provider>,
) {
    require(r, "identifier", Some(identifier));
    let digits = !identifier.is_empty() && identifier.bytes().all(|b| b.is_ascii_digit());
    // KSNET issues no receipt, silently, when the phone or business number has a dash
    // (ksnet-warning.mdx:43-50 "사업자번호, 휴대폰 번호에 숫자만 입력해야합니다").
    if pg == Some(Provider::Ksnet) && !identifier.trim().is_empty() && !digits {
        r.push(Issue::new(
            "identifier",
            Code::InvalidValue,
            Msg::DigitsOnly,
        ));
    }
    // A business registration number has 10 digits (non-auth-billing.mdx:60 "사업자 번호
    // 10자리"); the sample's is "1178178260".
    if identifier_type == Some(IdentifierType::Business) && digits && identifier.len() != 10 {
        r.push(Issue::new(
            "identifier",
            Code::InvalidValue,
            Msg::ServerBusinessIdentifier,
        ));
    }
}

// ---- POST /receipts/{imp_uid} -------------------------------------------------------------

/// `POST /receipts/{imp_uid}`: issue a cash receipt for a PortOne payment.
///
/// Sample (002:100-102, ksnet.mdx:341-345):
/// `{"identifier": "1178178260", "identifier_type": "business", "type": "company", "product_type": "digital"}`.
/// With KSNET, `product_type` and `buyer_name` are required (002:97-99, ksnet.mdx:339). The
/// sample has no `buyer_name`: the prose wins (pg-guides README), so
/// `.provider(Provider::Ksnet)` reports it, and the sample builds without a provider.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The payment (path parameter; not serialized).
    #[serde(skip)]
    pub imp_uid: String,
    /// Phone, business or resident registration number, or cash-receipt card number.
    pub identifier: String,
    /// What `identifier` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier_type: Option<IdentifierType>,
    /// 소득공제용 / 지출증빙용 (wire name `type`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub receipt_type: Option<ReceiptType>,
    /// Digital or real goods (KSNET requires it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_type: Option<ProductType>,
    /// Buyer's name (KSNET requires it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_name: Option<String>,
    /// Buyer's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_email: Option<String>,
    /// Buyer's phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_tel: Option<String>,
    /// Tax-free part.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "amount_serde::opt"
    )]
    pub tax_free: Option<u64>,
}

redacted_debug!(Receipt {
    imp_uid, identifier_type, receipt_type, product_type, tax_free;
    identifier, buyer_name, buyer_email, buyer_tel
});

impl Receipt {
    /// A builder for payment `imp_uid` and the buyer's `identifier`.
    pub fn builder(imp_uid: impl Into<String>, identifier: impl Into<String>) -> ReceiptBuilder {
        ReceiptBuilder {
            body: Receipt {
                imp_uid: imp_uid.into(),
                identifier: identifier.into(),
                identifier_type: None,
                receipt_type: None,
                product_type: None,
                buyer_name: None,
                buyer_email: None,
                buyer_tel: None,
                tax_free: None,
            },
            provider: None,
        }
    }

    /// Every issue of this body; `provider` is the payment's PG when known.
    pub fn validate(&self, provider: Option<Provider>) -> Report {
        let mut r = Report::new();
        // The path needs it (002:96 "POST /receipts/{imp_uid}").
        require(&mut r, "imp_uid", Some(&self.imp_uid));
        identifier_rules(&mut r, &self.identifier, self.identifier_type, provider);
        amounts(&mut r, None, self.tax_free, None);
        // 002:97-99 "product_type, buyer_name 파라미터는 KSPAY 필수 입력 대상입니다";
        // ksnet.mdx:339.
        if provider == Some(Provider::Ksnet) {
            if self.product_type.is_none() {
                require_by(&mut r, "product_type", None, Provider::Ksnet);
            }
            require_by(
                &mut r,
                "buyer_name",
                self.buyer_name.as_deref(),
                Provider::Ksnet,
            );
        }
        r
    }
}

impl RestCall for Receipt {
    const METHOD: &'static str = "POST";
    fn path(&self) -> String {
        format!("/receipts/{}", segment(&self.imp_uid))
    }
}

/// Builder of [`Receipt`].
#[derive(Clone, Debug)]
pub struct ReceiptBuilder {
    body: Receipt,
    provider: Option<Provider>,
}

setters!(ReceiptBuilder.body {
    /// `buyer_name`.
    buyer_name: String,
    /// `buyer_email`.
    buyer_email: String,
    /// `buyer_tel`.
    buyer_tel: String,
});

value_setters!(ReceiptBuilder.body {
    /// `identifier_type`.
    identifier_type: IdentifierType,
    /// `type` (소득공제용 / 지출증빙용).
    receipt_type: ReceiptType,
    /// `product_type`.
    product_type: ProductType,
    /// `tax_free`.
    tax_free: u64,
});

impl ReceiptBuilder {
    /// The payment's PG, to check its notes (the body has no `pg`).
    pub fn provider(mut self, provider: Provider) -> Self {
        self.provider = Some(provider);
        self
    }

    /// The body, or every issue.
    ///
    /// # Errors
    /// A [`Report`] with every issue when there is an error.
    pub fn build(self) -> Result<Receipt, Report> {
        let report = self.body.validate(self.provider);
        finish(self.body, report)
    }
}

// ---- POST /receipts/external/{merchant_uid} -----------------------------------------------

/// `POST /receipts/external/{merchant_uid}`: issue a cash receipt for a sale PortOne did not
/// process.
///
/// Sample (002:109-111, ksnet.mdx:355-359): `{"merchant_uid": "order_id_1667643230720",
/// "name": "나이키 와플 트레이너 2 SD", "amount": 109000, "identifier": "1178178260",
/// "identifier_type": "business", "type": "company", "product_type": "digital",
/// "tax_free": "3000", "pg": "ksnet"}`.
///
/// Two decisions, both tested:
/// - The sample writes `"tax_free": "3000"`, a string. It is read, and written back as the
///   number `3000`: amounts are numbers (000:41-44; ksnet.mdx:63 writes `tax_free: 3000`), as
///   `check` normalizes KSNET's string `amount`.
/// - With `pg: "ksnet"`, `buyer_name` is required (002:105-108 "product_type, pg, buyer_name
///   파라미터는 KSPAY 필수"; ksnet.mdx:353). The sample has none: the prose wins, so
///   `build()` reports it and [`ExternalReceiptBuilder::build_unchecked`] reproduces the sample.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalReceipt {
    /// The shop's order id (also the path parameter).
    pub merchant_uid: String,
    /// Order name.
    pub name: String,
    /// Amount received in cash.
    pub amount: u64,
    /// Phone, business or resident registration number, or cash-receipt card number.
    pub identifier: String,
    /// What `identifier` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier_type: Option<IdentifierType>,
    /// 소득공제용 / 지출증빙용 (wire name `type`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub receipt_type: Option<ReceiptType>,
    /// Digital or real goods (KSNET requires it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_type: Option<ProductType>,
    /// Tax-free part of `amount`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "amount_serde::opt"
    )]
    pub tax_free: Option<u64>,
    /// VAT part of `amount`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "amount_serde::opt"
    )]
    pub vat_amount: Option<u64>,
    /// Which PG issues the receipt (KSNET requires it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pg: Option<String>,
    /// Buyer's name (KSNET requires it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_name: Option<String>,
    /// Buyer's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_email: Option<String>,
    /// Buyer's phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_tel: Option<String>,
}

redacted_debug!(ExternalReceipt {
    merchant_uid, name, amount, identifier_type, receipt_type, product_type, tax_free, vat_amount, pg;
    identifier, buyer_name, buyer_email, buyer_tel
});

impl ExternalReceipt {
    /// A builder with the fields the sample and the reference require.
    pub fn builder(
        merchant_uid: impl Into<String>,
        name: impl Into<String>,
        amount: u64,
        identifier: impl Into<String>,
    ) -> ExternalReceiptBuilder {
        ExternalReceiptBuilder {
            body: ExternalReceipt {
                merchant_uid: merchant_uid.into(),
                name: name.into(),
                amount,
                identifier: identifier.into(),
                identifier_type: None,
                receipt_type: None,
                product_type: None,
                tax_free: None,
                vat_amount: None,
                pg: None,
                buyer_name: None,
                buyer_email: None,
                buyer_tel: None,
            },
            provider: None,
        }
    }

    /// Every issue of this body; `provider` is used when `pg` is absent.
    pub fn validate(&self, provider: Option<Provider>) -> Report {
        let mut r = Report::new();
        let pg = provider_of(self.pg.as_deref()).or(provider);
        require(&mut r, "merchant_uid", Some(&self.merchant_uid));
        max_chars(&mut r, "merchant_uid", Some(&self.merchant_uid), 40);
        require(&mut r, "name", Some(&self.name));
        if let Some(p) = &self.pg {
            if Provider::from_pg(p).is_err() {
                r.push(
                    Issue::new("pg", Code::UnknownProvider, Msg::UnknownPg).arg(format!("{p:?}")),
                );
            }
        }
        if self.amount == 0 {
            r.push(Issue::new(
                "amount",
                Code::OutOfRange,
                Msg::ServerReceiptAmount,
            ));
        }
        identifier_rules(&mut r, &self.identifier, self.identifier_type, pg);
        amounts(&mut r, Some(self.amount), self.tax_free, self.vat_amount);
        // 002:105-108 "product_type, pg, buyer_name 파라미터는 KSPAY 필수 입력 대상";
        // ksnet.mdx:353.
        if pg == Some(Provider::Ksnet) {
            if self.product_type.is_none() {
                require_by(&mut r, "product_type", None, Provider::Ksnet);
            }
            require_by(&mut r, "pg", self.pg.as_deref(), Provider::Ksnet);
            require_by(
                &mut r,
                "buyer_name",
                self.buyer_name.as_deref(),
                Provider::Ksnet,
            );
        }
        r
    }
}

impl RestCall for ExternalReceipt {
    const METHOD: &'static str = "POST";
    fn path(&self) -> String {
        format!("/receipts/external/{}", segment(&self.merchant_uid))
    }
}

/// Builder of [`ExternalReceipt`].
#[derive(Clone, Debug)]
pub struct ExternalReceiptBuilder {
    body: ExternalReceipt,
    provider: Option<Provider>,
}

setters!(ExternalReceiptBuilder.body {
    /// `pg` (KSNET: `"ksnet"`).
    pg: String,
    /// `buyer_name`.
    buyer_name: String,
    /// `buyer_email`.
    buyer_email: String,
    /// `buyer_tel`.
    buyer_tel: String,
});

value_setters!(ExternalReceiptBuilder.body {
    /// `identifier_type`.
    identifier_type: IdentifierType,
    /// `type` (소득공제용 / 지출증빙용).
    receipt_type: ReceiptType,
    /// `product_type`.
    product_type: ProductType,
    /// `tax_free`.
    tax_free: u64,
    /// `vat_amount`.
    vat_amount: u64,
});

impl ExternalReceiptBuilder {
    /// The PG, when `pg` is not sent, to check its notes.
    pub fn provider(mut self, provider: Provider) -> Self {
        self.provider = Some(provider);
        self
    }

    /// The body, or every issue.
    ///
    /// # Errors
    /// A [`Report`] with every issue when there is an error.
    pub fn build(self) -> Result<ExternalReceipt, Report> {
        let report = self.body.validate(self.provider);
        finish(self.body, report)
    }

    /// The body without validation, for the rare body PortOne accepts although a PG note
    /// calls it incomplete (the KSNET sample above). Prefer [`build`](Self::build).
    pub fn build_unchecked(self) -> ExternalReceipt {
        self.body
    }
}
