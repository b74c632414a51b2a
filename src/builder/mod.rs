//! Typed builders, one per PG: the fields every request of that PG needs go in `new(..)`,
//! setters are named after the wire field, PG-only options exist only on that PG's builder,
//! and `build()` runs every rule (common + the PG's) and returns all issues at once.
//!
//! | builder | provider | `new(..)` |
//! | --- | --- | --- |
//! | `Inicis` | `html5_inicis` | MID → `pg: "html5_inicis.{MID}"` |
//! | `Kcp` | `kcp` | site code → `pg: "kcp.{site}"` |
//! | `KcpBilling` | `kcp_billing` | site code, `customer_uid` |
//! | `Ksnet` | `ksnet` | MID → `pg: "ksnet.{MID}"` |
//! | `Kiwoom` | `daou` | `channelKey`, `digital` |

use crate::{CheckOptions, PaymentRequest, Provider, Report};

mod kiwoom;
mod ksnet;
mod wire_enum;
pub use kiwoom::{Carrier, CashReceiptFlag, Kiwoom, KiwoomCard};
pub use ksnet::{Ksnet, KsnetKakaopayType, KsnetQpayType, KsnetTcode};

/// Runs every rule of `provider` on `req` and returns it when there is no error.
pub(crate) fn finish(
    req: PaymentRequest,
    options: &CheckOptions,
) -> Result<PaymentRequest, Report> {
    let report = req.check(options);
    if report.is_ok() {
        Ok(req)
    } else {
        Err(report)
    }
}

/// `pg` for a provider and an optional MID / site code: `"html5_inicis.MID"`, or the bare
/// code when `mid` is empty.
pub(crate) fn pg_code(provider: Provider, mid: &str) -> String {
    if mid.is_empty() {
        provider.as_str().to_string()
    } else {
        format!("{}.{}", provider.as_str(), mid)
    }
}

/// The setters every PG builder shares, and `build` / `report` / `check_options`.
/// The builder struct must have fields `req: PaymentRequest` and `options: CheckOptions`.
macro_rules! common_setters {
    ($ty:ident) => {
        impl $ty {
            /// `pay_method`.
            pub fn pay_method(mut self, pay_method: $crate::PayMethod) -> Self {
                self.req.pay_method = Some(pay_method);
                self
            }
            /// `merchant_uid`: the shop's order id, unique per request, ≤ 40 characters.
            pub fn merchant_uid(mut self, merchant_uid: impl Into<String>) -> Self {
                self.req.merchant_uid = merchant_uid.into();
                self
            }
            /// `name`: the order name shown in the window, ≤ 40 characters.
            pub fn name(mut self, name: impl Into<String>) -> Self {
                self.req.name = Some(name.into());
                self
            }
            /// `amount` in the currency's unit (KRW: won).
            pub fn amount(mut self, amount: u64) -> Self {
                self.req.amount = amount;
                self
            }
            /// `tax_free`: the tax-free part of `amount`.
            pub fn tax_free(mut self, tax_free: u64) -> Self {
                self.req.tax_free = Some(tax_free);
                self
            }
            /// `vat_amount`: the VAT part of `amount`.
            pub fn vat_amount(mut self, vat_amount: u64) -> Self {
                self.req.vat_amount = Some(vat_amount);
                self
            }
            /// `currency`.
            pub fn currency(mut self, currency: $crate::Currency) -> Self {
                self.req.currency = Some(currency);
                self
            }
            /// `language` of the payment window.
            pub fn language(mut self, language: $crate::Language) -> Self {
                self.req.language = Some(language);
                self
            }
            /// `buyer_name`.
            pub fn buyer_name(mut self, buyer_name: impl Into<String>) -> Self {
                self.req.buyer_name = Some(buyer_name.into());
                self
            }
            /// `buyer_tel`.
            pub fn buyer_tel(mut self, buyer_tel: impl Into<String>) -> Self {
                self.req.buyer_tel = Some(buyer_tel.into());
                self
            }
            /// `buyer_email`.
            pub fn buyer_email(mut self, buyer_email: impl Into<String>) -> Self {
                self.req.buyer_email = Some(buyer_email.into());
                self
            }
            /// `buyer_addr`.
            pub fn buyer_addr(mut self, buyer_addr: impl Into<String>) -> Self {
                self.req.buyer_addr = Some(buyer_addr.into());
                self
            }
            /// `buyer_postcode`.
            pub fn buyer_postcode(mut self, buyer_postcode: impl Into<String>) -> Self {
                self.req.buyer_postcode = Some(buyer_postcode.into());
                self
            }
            /// `m_redirect_url`: where a mobile window navigates with the result (http(s)).
            pub fn m_redirect_url(mut self, url: impl Into<String>) -> Self {
                self.req.m_redirect_url = Some(url.into());
                self
            }
            /// `notice_url`: one webhook URL for this payment.
            pub fn notice_url(mut self, url: impl Into<String>) -> Self {
                self.req.notice_url = Some($crate::NoticeUrl::One(url.into()));
                self
            }
            /// `notice_url` as a list of webhook URLs.
            pub fn notice_urls<I, S>(mut self, urls: I) -> Self
            where
                I: IntoIterator<Item = S>,
                S: Into<String>,
            {
                self.req.notice_url = Some($crate::NoticeUrl::Many(
                    urls.into_iter().map(Into::into).collect(),
                ));
                self
            }
            /// `confirm_url`.
            pub fn confirm_url(mut self, url: impl Into<String>) -> Self {
                self.req.confirm_url = Some(url.into());
                self
            }
            /// `app_scheme`: the URL scheme that returns to the shop's app from a PG app.
            pub fn app_scheme(mut self, app_scheme: impl Into<String>) -> Self {
                self.req.app_scheme = Some(app_scheme.into());
                self
            }
            /// `custom_data`: any JSON, echoed back in the response.
            pub fn custom_data(mut self, custom_data: serde_json::Value) -> Self {
                self.req.custom_data = Some(custom_data);
                self
            }
            /// `vbank_due`: the virtual account deadline, in a format the PG accepts.
            pub fn vbank_due(mut self, vbank_due: impl Into<String>) -> Self {
                self.req.vbank_due = Some(vbank_due.into());
                self
            }
            /// `biz_num`: the shop's business registration number.
            pub fn biz_num(mut self, biz_num: impl Into<String>) -> Self {
                self.req.biz_num = Some(biz_num.into());
                self
            }
            /// `period`: the service period shown for subscriptions.
            pub fn period(mut self, period: $crate::Period) -> Self {
                self.req.period = Some(period);
                self
            }
            /// `display.card_quota`: the installment months offered (empty: lump sum only).
            pub fn card_quota(mut self, months: impl IntoIterator<Item = u32>) -> Self {
                self.req.display = Some($crate::Display {
                    card_quota: Some(months.into_iter().collect()),
                });
                self
            }
            /// `popup`.
            pub fn popup(mut self, popup: bool) -> Self {
                self.req.popup = Some(popup);
                self
            }
            /// Check as a mobile browser (the result comes back through `m_redirect_url`).
            pub fn mobile(mut self, mobile: bool) -> Self {
                self.options.mobile = mobile;
                self
            }
            /// Check as a page inside an app's WebView (`app_scheme` is then needed).
            pub fn webview(mut self, webview: bool) -> Self {
                self.options.webview = webview;
                self
            }
            /// Every issue (errors and warnings) the request has now.
            pub fn report(&self) -> $crate::Report {
                self.req.check(&self.options)
            }
            /// Runs every rule and returns the request.
            ///
            /// # Errors
            /// The [`Report`]($crate::Report) with every issue when there is at least one
            /// error. Warnings alone do not fail; see [`report`](Self::report).
            pub fn build(self) -> Result<$crate::PaymentRequest, $crate::Report> {
                $crate::builder::finish(self.req, &self.options)
            }
        }
    };
}
#[allow(unused_imports)] // until the PG builders use it
pub(crate) use common_setters;

mod inicis;
pub use inicis::{compose_acceptmethod, compose_p_reserved, Inicis, InicisBypass};
mod kcp;
pub use kcp::{Kcp, KcpAppFlag, KcpBilling};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Code, PayMethod};

    /// A builder with only the common setters, checked as KCP.
    #[allow(dead_code)]
    struct Plain {
        req: PaymentRequest,
        options: CheckOptions,
    }
    #[allow(dead_code)]
    mod setters {
        use super::*;
        common_setters!(Plain);
    }

    fn plain() -> Plain {
        Plain {
            req: PaymentRequest {
                pg: Some(pg_code(Provider::Kcp, "T0000")),
                ..PaymentRequest::default()
            },
            options: CheckOptions::provider(Provider::Kcp),
        }
    }

    #[test]
    fn build_collects_every_issue() {
        let report = plain()
            .pay_method(PayMethod::Card)
            .merchant_uid("x".repeat(41))
            .amount(1004)
            .m_redirect_url("javascript:alert(1)")
            .build()
            .unwrap_err();
        assert!(report.has("merchant_uid", Code::TooLong));
        assert!(report.has("m_redirect_url", Code::InvalidValue));
    }

    #[test]
    fn build_returns_the_request() {
        let req = plain()
            .pay_method(PayMethod::Card)
            .merchant_uid("order-1")
            .name("Mug")
            .amount(60_000)
            .card_quota([2, 3])
            .notice_urls(["https://shop.example/hook"])
            .build()
            .unwrap();
        assert_eq!(req.pg.as_deref(), Some("kcp.T0000"));
        assert_eq!(
            req.to_value()["display"]["card_quota"],
            serde_json::json!([2, 3])
        );
        assert_eq!(pg_code(Provider::Ksnet, ""), "ksnet");
    }
}
