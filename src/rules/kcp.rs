//! NHN KCP (`kcp[.site]`, `kcp_billing[.site]`): guide 001 and portone-docs/kcp.mdx.
//! Rule ids and decisions: docs/RULES.md §3.

use crate::check::Ctx;
use crate::rules::format::DateFormat;

/// Top-level `bypass` keys (kcp.mdx; docs/RULES.md §3.2).
pub(crate) const BYPASS_KEYS: &[&str] = &[
    "shop_user_id",
    "coupon_apply_yn",
    "skin_indx",
    "site_logo",
    "complex_pnt_yn",
    "pt_memcorp_cd",
    "app_flag",
    "batch_birth_day_yn",
];
/// KCP has no nested bypass object.
pub(crate) const BYPASS_SUB: Option<(&str, &[&str])> = None;

/// `vbank_due` formats KCP accepts (docs/RULES.md §1.3).
pub(crate) const VBANK_DUE_FORMATS: &[DateFormat] = &[DateFormat::Date8, DateFormat::DateTime14];

/// The installment months of a `card.direct.quota` under KCP (docs/RULES.md §3); `None` for a
/// point quota that is valid for this card (no 50,000 KRW rule).
pub(crate) fn direct_quota_months(_code: Option<&str>, quota: u64) -> Option<u64> {
    Some(quota)
}

/// Runs the NHN KCP rule set (and the billing rules for `kcp_billing`).
pub(crate) fn check(_ctx: &mut Ctx) {}
