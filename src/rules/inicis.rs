//! KG Inicis (`html5_inicis[.MID]`, `inicis[.MID]`): guides 000 (Korean), 003 (English) and
//! portone-docs/inicis.mdx. Rule ids and decisions: docs/RULES.md §2.

use crate::check::Ctx;
use crate::issue::Msg;

/// Top-level `bypass` keys (inicis.mdx; docs/RULES.md §2.2).
pub(crate) const BYPASS_KEYS: &[&str] = &[
    "acceptmethod",
    "P_RESERVED",
    "ini_PAYSHOT_KEY",
    "P_PAYSHOT_KEY",
    "inicis",
];
/// `bypass.inicis` keys (inicis.mdx billing tab).
pub(crate) const BYPASS_SUB: Option<(&str, &[&str])> = Some(("inicis", &["authtype"]));

/// Runs the KG Inicis rule set.
pub(crate) fn check(ctx: &mut Ctx) {
    // 000: "buyer_tel * string 주문자연락처 — 필수 파라미터 입니다." (also in the billing-key
    // window sample: `buyer_tel: "02-1234-1234"`).
    ctx.require("buyer_tel", Msg::BuyerTelRequired);
}
