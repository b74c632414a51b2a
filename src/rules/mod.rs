//! The rules: the schema pass, the common rules, and one module per PG.
//!
//! Each PG module reads like that PG's guide; every rule cites its source line.

pub(crate) mod common;
pub(crate) mod daou;
pub mod format;
pub(crate) mod inicis;
pub(crate) mod kcp;
pub(crate) mod ksnet;
#[allow(dead_code)] // used through format::euc_kr_len
pub(crate) mod ksx1001;
pub(crate) mod schema;

use crate::check::Ctx;
use crate::issue::{Code, Msg};
use crate::provider::{Provider, RuleSet};
use format::DateFormat;
use serde_json::Value;

/// `vbank_due` formats: request-pay-params.mdx "다음과 같은 형식으로 설정이 가능합니다",
/// narrowed or widened by a PG's own page (docs/RULES.md §1.3).
pub(crate) fn vbank_due_formats(provider: Option<Provider>) -> &'static [DateFormat] {
    match provider.and_then(Provider::rule_set) {
        Some(RuleSet::Kcp | RuleSet::KcpBilling) => kcp::VBANK_DUE_FORMATS,
        _ => common::VBANK_DUE_FORMATS,
    }
}

/// `period.from` / `period.to` formats (docs/RULES.md §1.3): `YYYYMMDD` (000), and for KSNET
/// also `YYYY-MM-DD` (its samples send "2022-12-01").
pub(crate) fn period_formats(provider: Option<Provider>) -> &'static [DateFormat] {
    match provider.and_then(Provider::rule_set) {
        Some(RuleSet::Ksnet) => ksnet::PERIOD_FORMATS,
        _ => common::PERIOD_FORMATS,
    }
}

/// The installment months a `card.direct.quota` stands for, for the 50,000 KRW rule.
/// `None` when the PG gives the quota another meaning that is valid here (KCP point quotas).
pub(crate) fn direct_quota_months(
    provider: Option<Provider>,
    code: Option<&str>,
    quota: u64,
) -> Option<u64> {
    match provider.and_then(Provider::rule_set) {
        Some(RuleSet::Kcp | RuleSet::KcpBilling) => kcp::direct_quota_months(code, quota),
        _ => Some(quota),
    }
}

/// The amount from which a PG takes `card.direct` installments on some cards, and the
/// message for the range from it up to 50,000 KRW (warning `below_installment_minimum`
/// instead of the error `out_of_range`). KCP: kcp.mdx "특정 카드사에 따라 1만원 이상일 경우에도
/// 사용이 가능합니다" (docs/RULES.md §3.4 `kcp_card_direct_some_cards_from_10000`).
pub(crate) fn direct_quota_soft_minimum(provider: Option<Provider>) -> Option<(u64, Msg)> {
    match provider.and_then(Provider::rule_set) {
        Some(RuleSet::Kcp | RuleSet::KcpBilling) => Some((
            kcp::SOME_CARDS_INSTALLMENT_MINIMUM,
            Msg::KcpInstallmentSomeCards,
        )),
        _ => None,
    }
}

/// A PG's nested bypass table: its name (`bypass.<name>`) and keys.
type SubTable = Option<(&'static str, &'static [&'static str])>;

/// The nested bypass tables of the four PGs.
const SUB_TABLES: [SubTable; 4] = [
    inicis::BYPASS_SUB,
    kcp::BYPASS_SUB,
    ksnet::BYPASS_SUB,
    daou::BYPASS_SUB,
];

/// Whether `key` is a documented `bypass` key of one of the four PGs (docs/RULES.md §1.2):
/// top level when `scope` is `None`, else inside `bypass.<scope>`.
pub(crate) fn known_bypass_key(scope: Option<&str>, key: &str) -> bool {
    let tables: [(&str, &[&str], SubTable); 4] = [
        ("inicis", inicis::BYPASS_KEYS, inicis::BYPASS_SUB),
        ("kcp", kcp::BYPASS_KEYS, kcp::BYPASS_SUB),
        ("ksnet", ksnet::BYPASS_KEYS, ksnet::BYPASS_SUB),
        ("daou", daou::BYPASS_KEYS, daou::BYPASS_SUB),
    ];
    tables.iter().any(|(_, top, sub)| match scope {
        None => top.contains(&key),
        Some(scope) => sub.is_some_and(|(name, keys)| name == scope && keys.contains(&key)),
    })
}

/// Under the four rule sets, `bypass` keys no PG documents are `unknown_field` warnings,
/// checked one level into `bypass.inicis` / `bypass.ksnet` / `bypass.daou`.
pub(crate) fn check_bypass_keys(ctx: &mut Ctx) {
    let Some(Value::Object(bypass)) = ctx.get("bypass") else {
        return;
    };
    for (key, value) in bypass {
        if !known_bypass_key(None, key) {
            ctx.add(
                format!("bypass.{key}"),
                Code::UnknownField,
                Msg::UnknownBypassKey,
            );
            continue;
        }
        // Only the sub-tables (`bypass.inicis`, `.ksnet`, `.daou`) are walked: an object where
        // a PG wants a string (`P_RESERVED: {..}`) is that PG's invalid_type, not unknown keys.
        let has_sub_table = SUB_TABLES
            .iter()
            .any(|sub| sub.is_some_and(|(name, _)| name == key));
        if let (true, Value::Object(sub)) = (has_sub_table, value) {
            for sub_key in sub.keys() {
                if !known_bypass_key(Some(key), sub_key) {
                    ctx.add(
                        format!("bypass.{key}.{sub_key}"),
                        Code::UnknownField,
                        Msg::UnknownBypassKey,
                    );
                }
            }
        }
    }
}
