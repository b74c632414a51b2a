//! KG Inicis (`html5_inicis[.MID]`, `inicis[.MID]`): guides 000 (Korean), 003 (English) and
//! portone-docs/inicis.mdx. See docs/RULES.md for the full rule list.

use crate::check::Ctx;
use crate::issue::Msg;
use crate::rules::format::DateFormat;

/// `vbank_due` formats KG Inicis accepts.
pub(crate) const VBANK_DUE_FORMATS: &[DateFormat] = crate::rules::common::VBANK_DUE_FORMATS;

/// Runs the KG Inicis rule set.
pub(crate) fn check(ctx: &mut Ctx) {
    // 000: "buyer_tel * string 주문자연락처 — 필수 파라미터 입니다." (also in the billing-key
    // window sample: `buyer_tel: "02-1234-1234"`).
    ctx.require("buyer_tel", Msg::BuyerTelRequired);
}
