//! KSNET (`ksnet[.MID]`): guide 002 and portone-docs/ksnet.mdx, ksnet-warning.mdx.
//! Rule ids and decisions: docs/RULES.md §4.

use crate::check::Ctx;
use crate::rules::format::DateFormat;

/// Top-level `bypass` keys (docs/RULES.md §4.2).
pub(crate) const BYPASS_KEYS: &[&str] = &["ksnet"];
/// `bypass.ksnet` keys (ksnet.mdx).
pub(crate) const BYPASS_SUB: Option<(&str, &[&str])> = Some((
    "ksnet",
    &[
        "sndQpayType",
        "tcode",
        "url",
        "sndKakaopayType",
        "easyPayDirect",
    ],
));

/// `period` formats under KSNET: its samples send "2022-12-01" (docs/RULES.md §1.3).
pub(crate) const PERIOD_FORMATS: &[DateFormat] = &[DateFormat::Date8, DateFormat::DashDate];

/// Runs the KSNET rule set.
pub(crate) fn check(_ctx: &mut Ctx) {}
