//! One source for every table: the copies in `js/index.js` (the PGs), `js/index.d.ts`,
//! `js/sandbox.js` and `www/tables.js` are rendered from the Rust tables (src/tables.rs), and
//! `tests/types/cases.generated.ts` from the case tables (tests/cases/*.json). Each test fails
//! on any difference and prints the expected text.
//!
//! Regenerate everything with `UPDATE_TABLES=1 cargo test --test tables`.
mod common;

use iamport_pay::builder::KiwoomCard;
use iamport_pay::tables::{self, REGENERATE};
use iamport_pay::{check, CheckOptions, Provider};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn updating() -> bool {
    std::env::var_os("UPDATE_TABLES").is_some_and(|v| v == "1")
}

fn begin_line(name: &str) -> String {
    format!("// BEGIN GENERATED {name}: from src/tables.rs; regenerate with `{REGENERATE}`")
}

fn end_line(name: &str) -> String {
    format!("// END GENERATED {name}")
}

/// `text` with each block's lines replaced by the rendered ones. Errors when a block is
/// missing, doubled or unterminated, or when the file has a block nobody renders.
fn splice(text: &str, blocks: &[(&str, String)]) -> Result<String, String> {
    const BEGIN: &str = "// BEGIN GENERATED ";
    for line in text.lines() {
        if let Some(rest) = line.trim_start().strip_prefix(BEGIN) {
            let name = rest.split(':').next().unwrap_or(rest).trim();
            if !blocks.iter().any(|(n, _)| *n == name) {
                return Err(format!("unknown generated block `{name}`"));
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut seen = Vec::new();
    loop {
        // The next block start, in file order.
        let next = blocks
            .iter()
            .filter_map(|(name, body)| {
                let marker = format!("{BEGIN}{name}");
                find_line(rest, &marker).map(|at| (at, *name, body))
            })
            .min_by_key(|(at, _, _)| *at);
        let Some((at, name, body)) = next else {
            out.push_str(rest);
            break;
        };
        if seen.contains(&name) {
            return Err(format!("generated block `{name}` appears twice"));
        }
        seen.push(name);
        out.push_str(&rest[..at]);
        let after_begin = &rest[at..];
        let end = end_line(name);
        let Some(end_at) = find_line(after_begin, &end) else {
            return Err(format!("generated block `{name}` has no `{end}` line"));
        };
        out.push_str(&begin_line(name));
        out.push('\n');
        out.push_str(body);
        out.push_str(&end);
        rest = &after_begin[end_at + end.len()..];
    }
    for (name, _) in blocks {
        if !seen.contains(name) {
            return Err(format!(
                "no generated block `{name}`: add the lines\n{}\n{}",
                begin_line(name),
                end_line(name)
            ));
        }
    }
    Ok(out)
}

/// Byte offset of the first line that starts with `prefix` (the prefix ends at the line's end
/// or at a `:`).
fn find_line(text: &str, prefix: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches('\n');
        if let Some(tail) = bare.strip_prefix(prefix) {
            if tail.is_empty() || tail.starts_with(':') {
                return Some(offset);
            }
        }
        offset += line.len();
    }
    None
}

/// Compares (or, with `UPDATE_TABLES=1`, writes) a file against its expected text.
fn expect_file(rel: &str, expected: &str) {
    let file = path(rel);
    let found = std::fs::read_to_string(&file).unwrap_or_default();
    if found == expected {
        return;
    }
    if updating() {
        std::fs::write(&file, expected).expect("write the generated file");
        eprintln!("updated {rel}");
        return;
    }
    let line = found
        .lines()
        .zip(expected.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| found.lines().count().min(expected.lines().count()));
    panic!(
        "{rel} is out of date with the Rust tables (first difference at line {}):\n  found:    {:?}\n  expected: {:?}\n\
         Run `{REGENERATE}` to rewrite it. The expected file:\n{expected}",
        line + 1,
        found.lines().nth(line).unwrap_or("<end of file>"),
        expected.lines().nth(line).unwrap_or("<end of file>"),
    );
}

fn expect_blocks(rel: &str, blocks: &[(&str, String)]) {
    let text = std::fs::read_to_string(path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let expected = splice(&text, blocks).unwrap_or_else(|e| panic!("{rel}: {e}"));
    expect_file(rel, &expected);
}

#[test]
fn index_d_ts_unions_are_the_rust_tables() {
    expect_blocks("js/index.d.ts", &tables::index_dts_blocks());
}

#[test]
fn sandbox_js_tables_are_the_rust_tables() {
    let rel = "js/sandbox.js";
    expect_blocks(rel, &tables::sandbox_blocks());
    // It is loaded as a wasm-bindgen inline snippet and as a plain script: no imports.
    let text = std::fs::read_to_string(path(rel)).expect("read js/sandbox.js");
    assert!(
        !text.lines().any(|l| l.starts_with("import ")),
        "{rel} must stay self-contained"
    );
}

#[test]
fn index_js_pgs_are_the_rust_table() {
    expect_blocks("js/index.js", &tables::index_js_blocks());
}

#[test]
fn www_tables_js_is_the_rust_tables() {
    expect_file("www/tables.js", &tables::www_tables_js());
    let app = std::fs::read_to_string(path("www/app.js")).expect("read www/app.js");
    assert!(
        app.contains("from './tables.js'"),
        "www/app.js imports the generated tables"
    );
}

#[test]
fn splice_replaces_blocks_and_reports_bad_ones() {
    let blocks = [("a", "new\n".to_string())];
    let text = format!("x\n{}\nold\n{}\ny\n", begin_line("a"), end_line("a"));
    let want = format!("x\n{}\nnew\n{}\ny\n", begin_line("a"), end_line("a"));
    assert_eq!(splice(&text, &blocks).as_deref(), Ok(want.as_str()));
    // An old BEGIN line (any text after the name) is rewritten too.
    let stale = "// BEGIN GENERATED a: old note\nold\n// END GENERATED a\n";
    assert_eq!(
        splice(stale, &blocks),
        Ok(format!("{}\nnew\n{}\n", begin_line("a"), end_line("a")))
    );
    assert!(splice("x\n", &blocks)
        .unwrap_err()
        .contains("no generated block `a`"));
    assert!(splice("// BEGIN GENERATED a\n", &blocks)
        .unwrap_err()
        .contains("no `// END GENERATED a` line"));
    assert!(splice("// BEGIN GENERATED b\n", &blocks)
        .unwrap_err()
        .contains("unknown generated block `b`"));
    let twice = format!("{text}{text}");
    assert!(splice(&twice, &blocks)
        .unwrap_err()
        .contains("appears twice"));
}

// ---------------------------------------------------------------------------------------------
// The TypeScript agreement file

/// A TypeScript identifier for a case name.
fn ident(name: &str) -> String {
    let mut s: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    s
}

/// `tests/types/cases.generated.ts`: every case of tests/cases/*.json that the runtime accepts
/// with no issue at all, as an object literal that must satisfy its provider's params type.
fn cases_ts() -> (String, usize) {
    let mut out = String::new();
    out.push_str(&format!(
        "// GENERATED by tests/tables.rs from tests/cases/*.json: do not edit. Regenerate with\n\
         // `{REGENERATE}`; checked by `tsc -p tests/types/tsconfig.cases.json`.\n\
         //\n\
         // Every case the runtime accepts with no issue at all (no error, no warning) must\n\
         // type-check as the params type of its provider.\n\n\
         import type {{ RequestPayParams, RequestPayParamsFor }} from 'iamport-pay';\n"
    ));
    let mut n = 0;
    for case in common::all() {
        if !case.expect.is_empty() {
            continue;
        }
        let report = check(&case.params, &case.check_options());
        assert!(
            report.issues().is_empty(),
            "{}/{} expects no issue but got {:?}",
            case.file,
            case.name,
            report.pairs()
        );
        let provider = case.check_options().provider.or_else(|| {
            case.params
                .get("pg")
                .and_then(Value::as_str)
                .and_then(|pg| Provider::from_pg(pg).ok())
        });
        let ty = match provider {
            Some(p) if p.rule_set().is_some() => format!("RequestPayParamsFor<'{p}'>"),
            _ => "RequestPayParams".to_string(),
        };
        let literal = serde_json::to_string_pretty(&case.params).expect("JSON");
        out.push_str(&format!(
            "\n// {}.json: {}\nexport const {} = {literal} satisfies {ty};\n",
            case.file,
            case.name,
            ident(&case.name)
        ));
        n += 1;
    }
    (out, n)
}

#[test]
fn cases_ts_lists_every_case_the_runtime_accepts_cleanly() {
    let (text, n) = cases_ts();
    assert!(n >= 20, "only {n} clean cases");
    expect_file("tests/types/cases.generated.ts", &text);
}

#[test]
fn ident_makes_typescript_names() {
    assert_eq!(ident("kcp_001_sample"), "kcp_001_sample");
    assert_eq!(ident("a-b.c"), "a_b_c");
    assert_eq!(ident("1x"), "_1x");
}

// ---------------------------------------------------------------------------------------------
// Kiwoom card codes: the builder's table and the rules' table are the same set

/// Whether the Kiwoom Pay rules take `code` in `bypass.daou.CARDQUOTA`.
fn kiwoom_rules_take(code: &str) -> bool {
    let params = json!({
        "channelKey": "channel-key-tables", "pay_method": "card", "merchant_uid": "o1",
        "name": "n", "amount": 1000, "digital": false,
        "bypass": { "daou": { "CARDQUOTA": format!("{code}-0") } },
    });
    let report = check(&params, &CheckOptions::provider(Provider::Daou));
    !report
        .issues()
        .iter()
        .any(|i| i.path == "bypass.daou.CARDQUOTA")
}

#[test]
fn kiwoom_card_codes_of_the_builder_are_the_codes_the_rules_take() {
    let builder: BTreeSet<String> = KiwoomCard::ALL
        .iter()
        .map(|c| c.as_str().to_string())
        .collect();
    assert_eq!(builder.len(), 24, "daou.mdx 카드사 코드 lists 24 codes");
    // Every code of both tables is `C` plus three capitals (daou.mdx 카드사 코드): probing
    // all 17,576 such codes finds the rules' whole table.
    let mut rules = BTreeSet::new();
    let letters = b'A'..=b'Z';
    for a in letters.clone() {
        for b in letters.clone() {
            for c in letters.clone() {
                let code = String::from_utf8(vec![b'C', a, b, c]).expect("ASCII");
                if kiwoom_rules_take(&code) {
                    rules.insert(code);
                }
            }
        }
    }
    assert_eq!(rules, builder);
    assert!(!kiwoom_rules_take("XXXX"));
}

/// The late-result event's name is one fact in four files: the Rust constant
/// (`iamport_pay::LATE_RESULT_EVENT`, wasm32 only, so read here as text), the JS runtime that
/// dispatches the event, the npm export and its type.
#[test]
fn the_late_result_event_has_one_name() {
    let quoted = |rel: &str, prefix: &str| -> String {
        let text = std::fs::read_to_string(path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(prefix))
            .unwrap_or_else(|| panic!("{rel}: no line starting with {prefix:?}"));
        let rest = &line[line.find(prefix).unwrap() + prefix.len()..];
        let q = rest
            .chars()
            .find(|c| *c == '"' || *c == '\'')
            .expect("a quoted name");
        let start = rest.find(q).unwrap() + 1;
        let len = rest[start..].find(q).expect("a closing quote");
        rest[start..start + len].to_string()
    };
    let rust = quoted("src/js/runtime.rs", "pub const LATE_RESULT_EVENT: &str =");
    assert_eq!(rust, "iamport-pay:late-result");
    for (rel, prefix) in [
        ("js/runtime.js", "const LATE_EVENT ="),
        ("js/index.js", "export const LATE_RESULT_EVENT ="),
        ("js/index.d.ts", "export declare const LATE_RESULT_EVENT:"),
    ] {
        assert_eq!(quoted(rel, prefix), rust, "{rel}");
    }
}
