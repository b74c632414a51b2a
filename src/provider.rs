//! PortOne PG codes (providers) and which of them this library has a rule set for.

use crate::issue::Lang;
use std::fmt;
use std::str::FromStr;

macro_rules! providers {
    ($($variant:ident = $s:literal, $rules:expr, $en:literal, $ko:literal;)*) => {
        /// A PortOne V1 PG code, the part of `pg` before the first `.`.
        ///
        /// Source: request-pay-params.mdx, `pg` → "상세코드 확인하기" (the full list below).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Provider { $(#[allow(missing_docs)] $variant,)* }

        impl Provider {
            /// Every PG code PortOne lists, in table order.
            pub const ALL: &'static [Provider] = &[$(Provider::$variant,)*];

            /// The PG code, e.g. `"html5_inicis"`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Provider::$variant => $s,)* }
            }

            /// The rule set that checks this PG, if this library has one.
            pub const fn rule_set(self) -> Option<RuleSet> {
                match self { $(Provider::$variant => $rules,)* }
            }

            /// The PG's name for people, in `lang`.
            pub const fn display_name(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => match self { $(Provider::$variant => $en,)* },
                    Lang::Ko => match self { $(Provider::$variant => $ko,)* },
                }
            }
        }

        impl FromStr for Provider {
            type Err = UnknownProvider;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                // A scan of ALL, not a `match` on the strings: same result (the codes are
                // unique), and one loop instead of a compare chain per code in the wasm.
                Provider::ALL
                    .iter()
                    .copied()
                    .find(|p| p.as_str() == s)
                    .ok_or(UnknownProvider)
            }
        }
    };
}

use RuleSet::*;

providers! {
    // The four PGs this library checks.
    Html5Inicis = "html5_inicis", Some(Inicis), "KG Inicis", "KG이니시스";
    Inicis = "inicis", Some(Inicis), "KG Inicis", "KG이니시스";
    Kcp = "kcp", Some(Kcp), "NHN KCP", "NHN KCP";
    KcpBilling = "kcp_billing", Some(KcpBilling), "NHN KCP (billing)", "NHN KCP 정기결제";
    Ksnet = "ksnet", Some(Ksnet), "KSNET", "KSNET";
    Daou = "daou", Some(Daou), "Kiwoom Pay", "키움페이";
    // Listed by PortOne (request-pay-params.mdx), no rule set here: common rules only.
    Danal = "danal", None, "Danal", "다날";
    DanalTpay = "danal_tpay", None, "Danal", "다날";
    InicisUnified = "inicis_unified", None, "KG Inicis unified auth", "KG이니시스 통합인증";
    Kicc = "kicc", None, "KICC EasyPay", "이지페이(한국정보통신)";
    Mobilians = "mobilians", None, "KG Mobilians", "KG모빌리언스";
    Nice = "nice", None, "NICE (legacy)", "나이스정보통신";
    NiceV2 = "nice_v2", None, "NICEPAY", "나이스페이";
    Settle = "settle", None, "Hecto Financial", "헥토파이낸셜";
    SettleAcc = "settle_acc", None, "Hecto Financial account", "헥토파이낸셜 내통장결제";
    Smartro = "smartro", None, "Smartro (legacy)", "스마트로";
    SmartroV2 = "smartro_v2", None, "Smartro", "스마트로";
    Tosspayments = "tosspayments", None, "Toss Payments", "토스페이먼츠";
    TossBrandpay = "toss_brandpay", None, "Toss Payments BrandPay", "토스페이먼츠 브랜드페이";
    Uplus = "uplus", None, "Toss Payments (legacy)", "토스페이먼츠(구모듈)";
    Welcome = "welcome", None, "Welcome Payments", "웰컴페이먼츠";
    Tosspay = "tosspay", None, "Toss Pay", "토스페이";
    TosspayV2 = "tosspay_v2", None, "Toss Pay", "토스페이";
    Payco = "payco", None, "PAYCO", "페이코";
    Kakaopay = "kakaopay", None, "Kakao Pay", "카카오페이";
    Naverpay = "naverpay", None, "Naver Pay", "네이버페이";
    Naverco = "naverco", None, "Naver Pay (order)", "네이버페이 주문형";
    Smilepay = "smilepay", None, "Smile Pay", "스마일페이";
    Paypal = "paypal", None, "PayPal", "페이팔";
    PaypalV2 = "paypal_v2", None, "PayPal", "페이팔";
    Eximbay = "eximbay", None, "Eximbay", "엑심베이";
    Paymentwall = "paymentwall", None, "Paymentwall", "페이먼트월";
}

impl Provider {
    /// The provider named by a `pg` value: the part before the first `.`.
    ///
    /// # Examples
    /// ```
    /// use iamport_pay::Provider;
    /// assert_eq!(Provider::from_pg("html5_inicis.INIpayTest"), Ok(Provider::Html5Inicis));
    /// assert_eq!(Provider::from_pg("kcp"), Ok(Provider::Kcp));
    /// assert!(Provider::from_pg("stripe.acct_1").is_err());
    /// ```
    ///
    /// # Errors
    /// [`UnknownProvider`] when the code is not one PortOne lists.
    pub fn from_pg(pg: &str) -> Result<Provider, UnknownProvider> {
        let code = pg.split('.').next().unwrap_or(pg);
        code.parse()
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error of parsing a string that is not a PortOne PG code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownProvider;

impl fmt::Display for UnknownProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a PortOne PG code")
    }
}

impl std::error::Error for UnknownProvider {}

/// The rule sets this library has, one per PG module in `rules/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleSet {
    /// KG Inicis (`html5_inicis`, `inicis`): rules/inicis.rs.
    Inicis,
    /// NHN KCP (`kcp`): rules/kcp.rs.
    Kcp,
    /// NHN KCP billing window (`kcp_billing`): rules/kcp.rs.
    KcpBilling,
    /// KSNET (`ksnet`): rules/ksnet.rs.
    Ksnet,
    /// Kiwoom Pay (`channelKey`, deprecated `daou`): rules/daou.rs.
    Daou,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_round_trips() {
        for p in Provider::ALL {
            assert_eq!(p.as_str().parse::<Provider>(), Ok(*p));
            assert_eq!(p.to_string(), p.as_str());
        }
        assert_eq!("Kcp".parse::<Provider>(), Err(UnknownProvider));
    }

    #[test]
    fn four_pgs_have_rule_sets() {
        let checked: Vec<_> = Provider::ALL
            .iter()
            .filter(|p| p.rule_set().is_some())
            .map(|p| p.as_str())
            .collect();
        assert_eq!(
            checked,
            [
                "html5_inicis",
                "inicis",
                "kcp",
                "kcp_billing",
                "ksnet",
                "daou"
            ]
        );
    }

    #[test]
    fn from_pg_takes_prefix() {
        assert_eq!(
            Provider::from_pg("kcp_billing.A52CY"),
            Ok(Provider::KcpBilling)
        );
        assert_eq!(Provider::from_pg(""), Err(UnknownProvider));
        assert_eq!(Provider::from_pg(".kcp"), Err(UnknownProvider));
    }
}
