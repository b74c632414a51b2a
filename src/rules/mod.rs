//! The rules: the pass order, the schema pass, the common rules, and one unit per PG.
//!
//! Each PG module (`inicis.rs`, `kcp.rs`, `ksnet.rs`, `daou.rs`) holds everything that PG
//! does: one [`Pg`] descriptor of its data (pay methods, bypass keys, formats, minimums,
//! coercions, languages, currencies, capabilities), read by the common rules, plus its own
//! `check` for the rules that are not data. Every rule cites its source line.
//!
//! Rules read params through the cursor of [`ctx`] only; the cursor reads through the
//! [`tree::Tree`] trait.

pub(crate) mod common;
pub(crate) mod ctx;
pub(crate) mod daou;
pub mod format;
pub(crate) mod inicis;
pub(crate) mod kcp;
pub(crate) mod ksnet;
#[allow(dead_code)] // used through format::euc_kr_len
pub(crate) mod ksx1001;
pub(crate) mod schema;
pub(crate) mod tree;

use crate::issue::{Code, Msg};
use crate::provider::{Provider, RuleSet};
use crate::request::{Currency, Language, PayMethod};
use ctx::Ctx;
use format::DateFormat;
use schema::Type;

/// One PG's data, read by the common rules (docs/RULES.md, one section per PG).
pub(crate) struct Pg {
    /// The PG's section in docs/RULES.md, e.g. `"§4 KSNET"` (a test checks it is there).
    #[cfg_attr(not(test), allow(dead_code))]
    pub section: &'static str,
    /// The pay methods the PG offers (`unsupported_pay_method` otherwise).
    pub pay_methods: &'static [PayMethod],
    /// The message of `unsupported_pay_method` (shows the method as `{arg}`).
    pub pay_method_msg: Msg,
    /// In the billing-key window (`customer_uid` set): the pay methods and the message.
    pub billing_pay_methods: Option<(&'static [PayMethod], Msg)>,
    /// Pay methods still accepted with a `deprecated` warning.
    pub deprecated_pay_methods: &'static [(PayMethod, Msg)],
    /// `customer_uid` is `unsupported_option` (no billing-key window), with this message.
    pub no_billing_window: Option<Msg>,
    /// Top-level keys only this PG documents, with their types (the schema pass knows the
    /// keys of every PG, so they are no `unknown_field` elsewhere).
    pub keys: &'static [(&'static str, Type)],
    /// Documented top-level `bypass` keys.
    pub bypass_keys: &'static [&'static str],
    /// The nested bypass table, `bypass.<name>`, and its keys.
    pub bypass_sub: Option<(&'static str, &'static [&'static str])>,
    /// `vbank_due` formats.
    pub vbank_due_formats: &'static [DateFormat],
    /// `period.from` / `period.to` formats.
    pub period_formats: &'static [DateFormat],
    /// `amount` may be a decimal-digit string, sent as a number (warning `coerced`).
    pub amount_digit_string: bool,
    /// `display.card_quota` means "exactly these months", and the PG's own rule handles the
    /// installment minimum (no common `below_installment_minimum` warning).
    pub card_quota_exact: bool,
    /// The installment months a `card.direct.quota` stands for (card code, quota); `None`
    /// when the quota means something else that the PG's rule reports.
    pub direct_quota_months: fn(Option<&str>, u64) -> Option<u64>,
    /// The amount from which some cards take `card.direct` installments, and the message of
    /// the warning from it up to 50,000 KRW (instead of the error `out_of_range`).
    pub direct_quota_soft_minimum: Option<(u64, Msg)>,
    /// The languages the window offers, and the message for another PortOne language.
    pub languages: Option<(&'static [Language], Msg)>,
    /// The currencies the PG takes, and the message for another PortOne currency.
    pub currencies: Option<(&'static [Currency], Msg)>,
    /// `name` (주문명) is required: the PG page lists it without `?`.
    pub name_required: bool,
    /// `card.interest_free` is not supported: `unsupported_option` with this message.
    pub no_interest_free: Option<Msg>,
    /// Merchant-paid interest-free installments (`useFreeInterestFromMall`,
    /// `card.detail[].max_month`) are not supported: `unsupported_option` with this message.
    pub no_mall_interest: Option<Msg>,
    /// The PG's own rules (those that are not data).
    pub check: fn(&mut Ctx),
}

impl Pg {
    /// What a PG is unless its descriptor says otherwise: request-pay-params.mdx's formats,
    /// every PortOne language and currency, no coercion, every option supported. Each PG's
    /// `DESCRIPTOR` names what differs and takes the rest from here (`..Pg::COMMON`).
    pub(crate) const COMMON: Pg = Pg {
        section: "",
        pay_methods: &[],
        pay_method_msg: Msg::UnsupportedPayMethodBy,
        billing_pay_methods: None,
        deprecated_pay_methods: &[],
        no_billing_window: None,
        keys: &[],
        bypass_keys: &[],
        bypass_sub: None,
        vbank_due_formats: common::VBANK_DUE_FORMATS,
        period_formats: common::PERIOD_FORMATS,
        amount_digit_string: false,
        card_quota_exact: false,
        direct_quota_months: quota_is_months,
        direct_quota_soft_minimum: None,
        languages: None,
        currencies: None,
        name_required: false,
        no_interest_free: None,
        no_mall_interest: None,
        check: |_| {},
    };
}

/// Every quota means its own number of months.
pub(crate) fn quota_is_months(_code: Option<&str>, quota: u64) -> Option<u64> {
    Some(quota)
}

/// The descriptor of a rule set.
pub(crate) fn pg(rule_set: RuleSet) -> &'static Pg {
    match rule_set {
        RuleSet::Inicis => &inicis::DESCRIPTOR,
        RuleSet::Kcp => &kcp::DESCRIPTOR,
        RuleSet::KcpBilling => &kcp::BILLING_DESCRIPTOR,
        RuleSet::Ksnet => &ksnet::DESCRIPTOR,
        RuleSet::Daou => &daou::DESCRIPTOR,
    }
}

/// The four PGs' descriptors (kcp_billing shares KCP's keys).
pub(crate) const PGS: [&Pg; 4] = [
    &inicis::DESCRIPTOR,
    &kcp::DESCRIPTOR,
    &ksnet::DESCRIPTOR,
    &daou::DESCRIPTOR,
];

/// The pass order: provider, schema, common rules, then the PG's data rules, its own rules
/// and its bypass keys.
pub(crate) fn run(ctx: &mut Ctx) {
    ctx.provider = common::resolve_provider(ctx);
    ctx.pg = ctx.provider.and_then(Provider::rule_set).map(pg);
    schema::check(ctx);
    common::check(ctx);
    if let Some(pg) = ctx.pg {
        common::pg_data_rules(ctx, pg);
        (pg.check)(ctx);
        check_bypass_keys(ctx);
    }
}

/// Whether `key` is a documented `bypass` key of one of the four PGs (docs/RULES.md §1.2):
/// top level when `scope` is `None`, else inside `bypass.<scope>`.
pub(crate) fn known_bypass_key(scope: Option<&str>, key: &str) -> bool {
    PGS.iter().any(|pg| match scope {
        None => pg.bypass_keys.contains(&key),
        Some(scope) => pg
            .bypass_sub
            .is_some_and(|(name, keys)| name == scope && keys.contains(&key)),
    })
}

/// Under the four rule sets, `bypass` keys no PG documents are `unknown_field` warnings,
/// checked one level into `bypass.inicis` / `bypass.ksnet` / `bypass.daou`.
fn check_bypass_keys(ctx: &mut Ctx) {
    let bypass = ctx.at(["bypass"]);
    if bypass.kind() != Some(tree::Kind::Object) {
        return;
    }
    bypass.each_entry(|key, at| {
        if !known_bypass_key(None, key) {
            at.add(Code::UnknownField, Msg::UnknownBypassKey);
            return;
        }
        // Only the sub-tables (`bypass.inicis`, `.ksnet`, `.daou`) are walked: an object where
        // a PG wants a string (`P_RESERVED: {..}`) is that PG's invalid_type, not unknown keys.
        let has_sub_table = PGS
            .iter()
            .any(|pg| pg.bypass_sub.is_some_and(|(name, _)| name == key));
        if has_sub_table && at.kind() == Some(tree::Kind::Object) {
            at.each_entry(|sub_key, sub| {
                if !known_bypass_key(Some(key), sub_key) {
                    sub.add(Code::UnknownField, Msg::UnknownBypassKey);
                }
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: impl Iterator<Item = &'static str>) -> String {
        let v: Vec<&str> = items.collect();
        if v.is_empty() {
            "-".to_string()
        } else {
            v.join(", ")
        }
    }

    fn yes(b: bool) -> &'static str {
        if b {
            "yes"
        } else {
            "no"
        }
    }

    /// The descriptor block docs/RULES.md shows in each PG's section.
    fn render(pg: &Pg) -> String {
        let msgs = |v: Option<Msg>| {
            if v.is_some() {
                "unsupported"
            } else {
                "supported"
            }
        };
        let lines = [
            format!("descriptor: {}", pg.section),
            format!(
                "pay_methods: {}",
                list(pg.pay_methods.iter().map(|m| m.as_str()))
            ),
            format!(
                "billing_pay_methods (customer_uid set): {}",
                pg.billing_pay_methods
                    .map_or("-".to_string(), |(m, _)| list(m.iter().map(|m| m.as_str())))
            ),
            format!(
                "deprecated_pay_methods: {}",
                list(pg.deprecated_pay_methods.iter().map(|(m, _)| m.as_str()))
            ),
            format!(
                "billing-key window (customer_uid): {}",
                msgs(pg.no_billing_window)
            ),
            format!(
                "own top-level keys: {}",
                list(pg.keys.iter().map(|(k, _)| *k))
            ),
            format!("bypass keys: {}", list(pg.bypass_keys.iter().copied())),
            format!(
                "bypass sub-table: {}",
                pg.bypass_sub
                    .map_or("-".to_string(), |(name, keys)| format!(
                        "{name} {{ {} }}",
                        list(keys.iter().copied())
                    ))
            ),
            format!(
                "vbank_due formats: {}",
                list(pg.vbank_due_formats.iter().map(|f| f.pattern()))
            ),
            format!(
                "period formats: {}",
                list(pg.period_formats.iter().map(|f| f.pattern()))
            ),
            format!(
                "amount as a digit string (coerced): {}",
                yes(pg.amount_digit_string)
            ),
            format!(
                "display.card_quota exact months: {}",
                yes(pg.card_quota_exact)
            ),
            format!(
                "card.direct installments from (some cards): {}",
                pg.direct_quota_soft_minimum
                    .map_or("-".to_string(), |(n, _)| n.to_string())
            ),
            format!(
                "languages: {}",
                pg.languages
                    .map_or("any PortOne language".to_string(), |(l, _)| list(
                        l.iter().map(|l| l.as_str())
                    ))
            ),
            format!(
                "currencies: {}",
                pg.currencies
                    .map_or("any PortOne currency".to_string(), |(c, _)| list(
                        c.iter().map(|c| c.as_str())
                    ))
            ),
            format!("name required: {}", yes(pg.name_required)),
            format!("card.interest_free: {}", msgs(pg.no_interest_free)),
            format!(
                "merchant-paid interest-free (useFreeInterestFromMall, max_month): {}",
                msgs(pg.no_mall_interest)
            ),
        ];
        lines.join("\n")
    }

    /// docs/RULES.md shows each descriptor as it is. On a change, run
    /// `cargo test --lib rules::tests -- --nocapture` and paste the printed block.
    #[test]
    fn rules_md_shows_each_descriptor() {
        let doc = include_str!("../../docs/RULES.md");
        let mut missing = Vec::new();
        for pg in PGS.iter().copied().chain([&kcp::BILLING_DESCRIPTOR]) {
            let block = format!("```text\n{}\n```", render(pg));
            if !doc.contains(&block) {
                println!("{block}\n");
                missing.push(pg.section);
            }
        }
        assert!(
            missing.is_empty(),
            "docs/RULES.md lacks the descriptor of {missing:?}"
        );
    }

    #[test]
    fn every_rule_set_has_a_descriptor() {
        for p in Provider::ALL {
            if let Some(rs) = p.rule_set() {
                let pg = pg(rs);
                assert!(!pg.pay_methods.is_empty(), "{p}");
            }
        }
    }
}
