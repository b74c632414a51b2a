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

use crate::provider::{Provider, RuleSet};
use format::DateFormat;

/// `vbank_due` formats: request-pay-params.mdx "다음과 같은 형식으로 설정이 가능합니다",
/// plus what a PG's own page adds.
pub(crate) fn vbank_due_formats(provider: Option<Provider>) -> &'static [DateFormat] {
    match provider.and_then(Provider::rule_set) {
        Some(RuleSet::Inicis) => inicis::VBANK_DUE_FORMATS,
        _ => common::VBANK_DUE_FORMATS,
    }
}
