//! Verifies one payment against the order it should pay for, through PortOne's V1 API.
//!
//! ```text
//! IAMPORT_API_KEY=… IAMPORT_API_SECRET=… \
//!   cargo run --features client --example verify_payment -- \
//!     --imp-uid imp_123456789012 --merchant-uid order-0001 --amount 1004 [--currency KRW]
//! ```
//!
//! `IAMPORT_API_URL` overrides the API host (default `https://api.iamport.kr`).
//! Prints one JSON line, `{"verified": true, …}` or `{"verified": false, "reasons": […]}`.
//! Exit status: 0 verified; 1 the payment exists but does not match the order (amount,
//! merchant_uid, currency, status); 2 any error (usage, credentials, not found, network),
//! explained on stderr.
//!
//! Only `status: "paid"` verifies by default: an issued virtual account (`ready`) has no
//! money in it yet, and a script that ships on exit 0 must not ship it. With
//! `--accept-vbank-ready`, an issued account verifies too (`"status": "ready"` and its
//! `vbank` in the line).

use iamport_pay::client::{Client, VerifyFailure};
use iamport_pay::server::{ExpectedOrder, PaymentState};
use iamport_pay::Lang;
use serde_json::{json, Value};
use std::process::ExitCode;

const USAGE: &str = "usage: verify_payment --imp-uid IMP_UID --merchant-uid MERCHANT_UID --amount N [--currency KRW] [--accept-vbank-ready]
env: IAMPORT_API_KEY, IAMPORT_API_SECRET (required), IAMPORT_API_URL (default https://api.iamport.kr)";

struct Args {
    imp_uid: String,
    merchant_uid: String,
    amount: u64,
    currency: String,
    accept_vbank_ready: bool,
}

/// `--name value` or `--name=value`; every flag once.
fn parse(argv: &[String]) -> Result<Args, String> {
    let (mut imp, mut mer, mut amt, mut cur) = (None, None, None, None);
    let mut accept_vbank_ready = false;
    let mut it = argv.iter();
    while let Some(a) = it.next() {
        if a == "-h" || a == "--help" {
            return Err(String::new());
        }
        if a == "--accept-vbank-ready" {
            accept_vbank_ready = true;
            continue;
        }
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let slot = match name {
            "--imp-uid" => &mut imp,
            "--merchant-uid" => &mut mer,
            "--amount" => &mut amt,
            "--currency" => &mut cur,
            other => return Err(format!("unknown argument {other:?}")),
        };
        let value = match inline {
            Some(v) => v,
            None => it
                .next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))?,
        };
        if slot.replace(value).is_some() {
            return Err(format!("{name} given twice"));
        }
    }
    let need = |v: Option<String>, name: &str| {
        v.filter(|s| !s.trim().is_empty())
            .ok_or_else(|| format!("{name} is required"))
    };
    let imp_uid = need(imp, "--imp-uid")?;
    let merchant_uid = need(mer, "--merchant-uid")?;
    let amount_text = need(amt, "--amount")?;
    let amount = parse_amount(&amount_text).ok_or_else(|| {
        format!("--amount must be a whole non-negative number, not {amount_text:?}")
    })?;
    let currency = cur
        .map(|c| c.trim().to_ascii_uppercase())
        .unwrap_or_else(|| "KRW".into());
    if currency.is_empty() {
        return Err("--currency is empty".into());
    }
    Ok(Args {
        imp_uid,
        merchant_uid,
        amount,
        currency,
        accept_vbank_ready,
    })
}

/// `1004`, or `1004.0` (a whole number written as a float).
fn parse_amount(s: &str) -> Option<u64> {
    let s = s.trim();
    if let Ok(n) = s.parse::<u64>() {
        return Some(n);
    }
    let f: f64 = s.parse().ok()?;
    (f.is_finite() && f >= 0.0 && f.fract() == 0.0 && f <= 9_007_199_254_740_991.0)
        .then_some(f as u64)
}

fn env(name: &str) -> Result<String, String> {
    match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => Ok(v),
        _ => Err(format!("{name} is not set")),
    }
}

fn fail(line: Value, message: &str) -> ExitCode {
    println!("{line}");
    eprintln!("verify_payment: {message}");
    ExitCode::from(2)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse(&argv) {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let line = json!({"verified": false, "error": {"kind": "usage", "message": e}});
            return fail(line, &format!("{e}\n{USAGE}"));
        }
    };
    let base = std::env::var("IAMPORT_API_URL")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| iamport_pay::server::API_BASE.to_string());
    let (key, secret) = match (env("IAMPORT_API_KEY"), env("IAMPORT_API_SECRET")) {
        (Ok(k), Ok(s)) => (k, s),
        (Err(e), _) | (_, Err(e)) => {
            let line = json!({"verified": false, "error": {"kind": "config", "message": e}});
            return fail(line, &e);
        }
    };
    let client = match Client::builder(key, secret).base_url(base.trim()).build() {
        Ok(c) => c,
        Err(e) => {
            let line =
                json!({"verified": false, "error": {"kind": e.kind(), "message": e.to_string()}});
            return fail(line, &e.to_string());
        }
    };
    let order = ExpectedOrder::new(&args.merchant_uid, args.amount)
        .currency(&args.currency)
        .accept_vbank_ready(args.accept_vbank_ready);
    match client.verify(&args.imp_uid, &order).await {
        Ok(v) => {
            let (status, vbank) = match &v.state {
                PaymentState::Paid => ("paid", Value::Null),
                PaymentState::VbankIssued(a) => (
                    "ready",
                    json!({"num": a.num, "bank_name": a.bank_name, "holder": a.holder, "due": a.due}),
                ),
            };
            let mut line = json!({
                "verified": true, "imp_uid": v.imp_uid, "merchant_uid": v.merchant_uid,
                "amount": v.amount, "currency": v.currency, "status": status,
                "pay_method": v.pay_method,
            });
            if !vbank.is_null() {
                line["vbank"] = vbank;
            }
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(VerifyFailure::Mismatch(m)) => {
            let reasons: Vec<Value> = m
                .mismatches
                .iter()
                .map(|r| json!({"code": r.code(), "field": r.field(), "message": r.message(Lang::En)}))
                .collect();
            let line = json!({
                "verified": false, "imp_uid": args.imp_uid, "merchant_uid": args.merchant_uid,
                "amount": args.amount, "currency": args.currency,
                "reasons": reasons, "message": m.message(Lang::En),
            });
            println!("{line}");
            eprintln!("verify_payment: the payment does not match the order: {m}");
            ExitCode::from(1)
        }
        Err(VerifyFailure::Request(e)) => {
            let line = json!({
                "verified": false, "imp_uid": args.imp_uid,
                "error": {"kind": e.kind(), "status": e.status(), "code": e.code(), "message": e.to_string()},
            });
            fail(line, &e.to_string())
        }
    }
}
