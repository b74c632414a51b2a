//! `POST /payments/cancel`: cancel (refund) a payment, in full or in part.
//!
//! The guides name the call (002:93-94, ksnet.mdx:327-331) but give no sample body; the field
//! names and the "imp_uid or merchant_uid" rule are PortOne's REST V1 reference for
//! `POST /payments/cancel`, which ksnet.mdx:330 links (`/api/rest-v1/payment`). The amount
//! rules are the guides' (000:134-135, inicis.mdx:602-606).

use super::{amounts, finish, require, RestCall};
use crate::{Code, Issue, Msg, Provider, Report};
use serde::{Deserialize, Serialize};

/// `POST /payments/cancel` body.
///
/// # Examples
/// ```
/// use iamport_pay::{Provider, server::{CancelPayment, RestCall}};
/// // A partial cancel at KG Inicis must say how much of it is VAT and tax-free.
/// let err = CancelPayment::by_imp_uid("imp_123")
///     .amount(1000)
///     .provider(Provider::Html5Inicis)
///     .build()
///     .unwrap_err();
/// assert_eq!(err.pairs(), [("tax_free".to_string(), "required"), ("vat_amount".to_string(), "required")]);
///
/// let ok = CancelPayment::by_imp_uid("imp_123")
///     .amount(1000).tax_free(0).vat_amount(0)
///     .provider(Provider::Html5Inicis)
///     .build()
///     .unwrap();
/// assert_eq!(ok.body(), serde_json::json!(
///     {"imp_uid": "imp_123", "amount": 1000, "tax_free": 0, "vat_amount": 0}));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelPayment {
    /// PortOne's payment id (preferred when both ids are given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imp_uid: Option<String>,
    /// The shop's order id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_uid: Option<String>,
    /// Amount to cancel; absent cancels everything that is left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<u64>,
    /// Tax-free part of the cancelled amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_free: Option<u64>,
    /// VAT part of the cancelled amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_amount: Option<u64>,
    /// The cancellable balance the shop believes is left; PortOne refuses the cancel when it
    /// differs (guards against double refunds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<u64>,
    /// Reason shown in PortOne's console.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Virtual-account refund: account holder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_holder: Option<String>,
    /// Virtual-account refund: bank code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_bank: Option<String>,
    /// Virtual-account refund: account number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_account: Option<String>,
    /// Virtual-account refund: holder's phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_tel: Option<String>,
}

redacted_debug!(CancelPayment {
    imp_uid, merchant_uid, amount, tax_free, vat_amount, checksum, reason, refund_bank;
    refund_holder, refund_account, refund_tel
});

impl CancelPayment {
    fn empty() -> Self {
        CancelPayment {
            imp_uid: None,
            merchant_uid: None,
            amount: None,
            tax_free: None,
            vat_amount: None,
            checksum: None,
            reason: None,
            refund_holder: None,
            refund_bank: None,
            refund_account: None,
            refund_tel: None,
        }
    }

    /// A builder for the payment `imp_uid`.
    pub fn by_imp_uid(imp_uid: impl Into<String>) -> CancelPaymentBuilder {
        CancelPaymentBuilder {
            body: CancelPayment {
                imp_uid: Some(imp_uid.into()),
                ..CancelPayment::empty()
            },
            provider: None,
        }
    }

    /// A builder for the payment of order `merchant_uid`.
    pub fn by_merchant_uid(merchant_uid: impl Into<String>) -> CancelPaymentBuilder {
        CancelPaymentBuilder {
            body: CancelPayment {
                merchant_uid: Some(merchant_uid.into()),
                ..CancelPayment::empty()
            },
            provider: None,
        }
    }

    /// Every issue of this body; `provider` is the payment's PG when known.
    pub fn validate(&self, provider: Option<Provider>) -> Report {
        let mut r = Report::new();
        // REST V1 reference: imp_uid or merchant_uid identifies the payment.
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        if blank(&self.imp_uid) && blank(&self.merchant_uid) {
            r.push(Issue::new(
                "imp_uid",
                Code::Required,
                Msg::ServerCancelWhich,
            ));
        }
        if self.amount == Some(0) {
            r.push(Issue::new(
                "amount",
                Code::OutOfRange,
                Msg::ServerCancelAmount,
            ));
        }
        // tax_free / vat_amount are parts of the cancelled amount (000:134-135: "취소할 금액,
        // 부가세, 면세금액을 정확하게 전달"); without amount they describe nothing.
        if self.amount.is_none() {
            for (path, v) in [("tax_free", self.tax_free), ("vat_amount", self.vat_amount)] {
                if v.is_some() {
                    r.push(Issue::new(
                        path,
                        Code::UnsupportedOption,
                        Msg::ServerCancelPartWithoutAmount,
                    ));
                }
            }
        }
        // KG Inicis cancels exactly the values sent, so amount, VAT and tax-free go together
        // (000:134-135; inicis.mdx:602-606 "취소 시 요청된 값 그대로 KG이니시스에서 취소").
        if matches!(provider, Some(Provider::Html5Inicis | Provider::Inicis))
            && self.amount.is_some()
        {
            for (path, v) in [("tax_free", self.tax_free), ("vat_amount", self.vat_amount)] {
                if v.is_none() {
                    r.push(Issue::new(
                        path,
                        Code::Required,
                        Msg::ServerCancelInicisParts,
                    ));
                }
            }
        }
        amounts(&mut r, self.amount, self.tax_free, self.vat_amount);
        // checksum is the balance before this cancel (REST V1 reference), so it bounds amount.
        if let (Some(a), Some(c)) = (self.amount, self.checksum) {
            if a > c {
                r.push(Issue::new(
                    "amount",
                    Code::OutOfRange,
                    Msg::ServerCancelOverChecksum,
                ));
            }
        }
        // A virtual-account refund goes to an account: holder, bank and number together
        // (REST V1 reference; daou-notes.mdx:145-158 and ksnet-warning.mdx:170-171 describe
        // vbank refunds).
        let refund = [
            ("refund_holder", &self.refund_holder),
            ("refund_bank", &self.refund_bank),
            ("refund_account", &self.refund_account),
        ];
        if refund.iter().any(|(_, v)| v.is_some()) || self.refund_tel.is_some() {
            for (path, v) in refund {
                require(&mut r, path, v.as_deref());
            }
        }
        r
    }
}

impl RestCall for CancelPayment {
    const METHOD: &'static str = "POST";
    fn path(&self) -> String {
        "/payments/cancel".to_string()
    }
}

/// Builder of [`CancelPayment`].
#[derive(Clone, Debug)]
pub struct CancelPaymentBuilder {
    body: CancelPayment,
    provider: Option<Provider>,
}

setters!(CancelPaymentBuilder.body {
    /// `merchant_uid` (with `by_imp_uid`, both are sent).
    merchant_uid: String,
    /// `reason`.
    reason: String,
    /// `refund_holder` (virtual account).
    refund_holder: String,
    /// `refund_bank` (virtual account).
    refund_bank: String,
    /// `refund_account` (virtual account).
    refund_account: String,
    /// `refund_tel` (virtual account).
    refund_tel: String,
});

value_setters!(CancelPaymentBuilder.body {
    /// `amount`: a partial cancel; leave out for a full one.
    amount: u64,
    /// `tax_free` part of `amount`.
    tax_free: u64,
    /// `vat_amount` part of `amount`.
    vat_amount: u64,
    /// `checksum`: the cancellable balance before this cancel.
    checksum: u64,
});

impl CancelPaymentBuilder {
    /// The payment's PG, to check its notes (not sent).
    pub fn provider(mut self, provider: Provider) -> Self {
        self.provider = Some(provider);
        self
    }

    /// The body, or every issue.
    ///
    /// # Errors
    /// A [`Report`] with every issue when there is an error.
    pub fn build(self) -> Result<CancelPayment, Report> {
        let report = self.body.validate(self.provider);
        finish(self.body, report)
    }
}
