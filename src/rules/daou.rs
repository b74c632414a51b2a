//! Kiwoom Pay / Daou (`channelKey` + `options.provider: "daou"`, deprecated `pg: "daou"`):
//! guide 004 and portone-docs/daou.mdx, daou-notes.mdx. Rule ids and decisions:
//! docs/RULES.md §5.

use crate::check::Ctx;

/// Top-level `bypass` keys (docs/RULES.md §5.2).
pub(crate) const BYPASS_KEYS: &[&str] = &["daou"];
/// `bypass.daou` keys (daou.mdx).
pub(crate) const BYPASS_SUB: Option<(&str, &[&str])> = Some((
    "daou",
    &["PRODUCTCODE", "CASHRECEIPTFLAG", "DIRECT_YN", "CARDQUOTA"],
));

/// Runs the Kiwoom Pay rule set.
pub(crate) fn check(_ctx: &mut Ctx) {}
