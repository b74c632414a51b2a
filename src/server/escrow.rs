//! Escrow logistics: `POST /escrows/logis/{imp_uid}` registers the shipment of an escrow
//! payment, `PUT` of the same path changes it.
//!
//! Kiwoom Pay: "에스크로 결제가 완료되면 고객사는 배송정보 등록을 진행해야 하며 해당 작업이
//! 누락되는 경우 정산이 진행되지 않습니다" (004:192, daou.mdx:374), sample body 004:195 /
//! daou.mdx:376-390, and "키움페이 측에서 유효성 체크를 하지 않습니다" (004:199,
//! daou.mdx:393-397) — so the checks here are the only ones. KSNET: `logis.sent_at` is UNIX
//! seconds (ksnet-warning.mdx:87-89). Other field names: PortOne REST V1 reference for
//! `/escrows/logis/{imp_uid}` (linked from daou.mdx:374).

use super::{finish, require, segment, RestCall};
use crate::rules::format::DateFormat;
use crate::{Code, Issue, Msg, Report};
use serde::{Deserialize, Serialize};

/// `logis`: the shipment.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logis {
    /// Carrier code, e.g. `"CJGLS"`.
    pub company: String,
    /// Tracking number.
    pub invoice: String,
    /// When it was sent, UNIX seconds (ksnet-warning.mdx:89: 10 digits, not milliseconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<i64>,
    /// Expected receipt date `YYYYMMDD` (Kiwoom sample: `"20220215"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiving_at: Option<String>,
    /// Delivery address (Kiwoom sample).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

redacted_debug!(Logis { company, invoice, sent_at, receiving_at; address });

/// `receiver`: who receives the goods.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receiver {
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tel: Option<String>,
    /// Address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addr: Option<String>,
    /// Postcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
}

redacted_debug!(Receiver { ; name, tel, addr, postcode });

/// `sender`: who ships the goods.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sender {
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tel: Option<String>,
    /// Address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addr: Option<String>,
    /// Postcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// Relationship to the buyer, e.g. `"본인"` (Kiwoom sample).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<String>,
}

redacted_debug!(Sender { relationship; name, tel, addr, postcode });

/// `POST` (register) or `PUT` (change) `/escrows/logis/{imp_uid}` body.
///
/// # Examples
/// ```
/// use iamport_pay::server::{EscrowLogis, RestCall};
/// let body = EscrowLogis::builder("imp_123", "CJGLS", "1728384716123")
///     .receiving_at("20220215")
///     .address("성수이로20길16")
///     .receiver_name("홍길동")
///     .sender_relationship("본인")
///     .build()
///     .unwrap();
/// assert_eq!(body.path(), "/escrows/logis/imp_123");
/// assert_eq!(body.body()["logis"]["company"], "CJGLS");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscrowLogis {
    /// The escrow payment (path parameter; not serialized).
    #[serde(skip)]
    pub imp_uid: String,
    /// The shipment.
    pub logis: Logis,
    /// The receiver.
    pub receiver: Receiver,
    /// The sender.
    pub sender: Sender,
}

impl EscrowLogis {
    /// The method that changes registered logistics (daou.mdx:374 "배송수정 API").
    pub const UPDATE_METHOD: &'static str = "PUT";

    /// A builder with the carrier `company` and tracking number `invoice`.
    pub fn builder(
        imp_uid: impl Into<String>,
        company: impl Into<String>,
        invoice: impl Into<String>,
    ) -> EscrowLogisBuilder {
        EscrowLogisBuilder {
            body: EscrowLogis {
                imp_uid: imp_uid.into(),
                logis: Logis {
                    company: company.into(),
                    invoice: invoice.into(),
                    sent_at: None,
                    receiving_at: None,
                    address: None,
                },
                receiver: Receiver::default(),
                sender: Sender::default(),
            },
        }
    }

    /// Every issue of this body.
    pub fn validate(&self) -> Report {
        let mut r = Report::new();
        require(&mut r, "imp_uid", Some(&self.imp_uid));
        // The carrier and tracking number are the shipment (004:195 sample; Kiwoom does not
        // check them: 004:199).
        require(&mut r, "logis.company", Some(&self.logis.company));
        require(&mut r, "logis.invoice", Some(&self.logis.invoice));
        // ksnet-warning.mdx:87-89 "logis.sent_at … 초 단위의 UNIX TIMESTAMP(통상 10자리
        // 자연수)": a 13-digit millisecond value is the usual mistake.
        if let Some(t) = self.logis.sent_at {
            if !(1_000_000_000..10_000_000_000).contains(&t) {
                r.push(
                    Issue::new(
                        "logis.sent_at",
                        Code::InvalidValue,
                        Msg::ServerSentAtSeconds,
                    )
                    .arg(t.to_string()),
                );
            }
        }
        if let Some(d) = &self.logis.receiving_at {
            if DateFormat::Date8.parse(d).is_none() {
                r.push(Issue::new(
                    "logis.receiving_at",
                    Code::InvalidValue,
                    Msg::BadDate,
                ));
            }
        }
        r
    }
}

impl RestCall for EscrowLogis {
    const METHOD: &'static str = "POST";
    fn path(&self) -> String {
        format!("/escrows/logis/{}", segment(&self.imp_uid))
    }
}

/// Builder of [`EscrowLogis`].
#[derive(Clone, Debug)]
pub struct EscrowLogisBuilder {
    body: EscrowLogis,
}

macro_rules! nested {
    ($($(#[$doc:meta])* $name:ident => $part:ident . $field:ident;)*) => {
        impl EscrowLogisBuilder {
            $($(#[$doc])* pub fn $name(mut self, value: impl Into<String>) -> Self {
                self.body.$part.$field = Some(value.into());
                self
            })*
        }
    };
}

nested! {
    /// `logis.receiving_at` (`YYYYMMDD`).
    receiving_at => logis.receiving_at;
    /// `logis.address`.
    address => logis.address;
    /// `receiver.name`.
    receiver_name => receiver.name;
    /// `receiver.tel`.
    receiver_tel => receiver.tel;
    /// `receiver.addr`.
    receiver_addr => receiver.addr;
    /// `receiver.postcode`.
    receiver_postcode => receiver.postcode;
    /// `sender.name`.
    sender_name => sender.name;
    /// `sender.tel`.
    sender_tel => sender.tel;
    /// `sender.addr`.
    sender_addr => sender.addr;
    /// `sender.postcode`.
    sender_postcode => sender.postcode;
    /// `sender.relationship`.
    sender_relationship => sender.relationship;
}

impl EscrowLogisBuilder {
    /// `logis.sent_at`, UNIX seconds.
    pub fn sent_at(mut self, unix_seconds: i64) -> Self {
        self.body.logis.sent_at = Some(unix_seconds);
        self
    }

    /// The body, or every issue.
    ///
    /// # Errors
    /// A [`Report`] with every issue when there is an error.
    pub fn build(self) -> Result<EscrowLogis, Report> {
        let report = self.body.validate();
        finish(self.body, report)
    }
}
