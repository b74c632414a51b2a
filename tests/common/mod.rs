//! The shared case table: tests/cases/*.json, run natively (tests/cases.rs), in Node
//! (tests/wasm_node.rs) and in headless Chromium (tests/web.rs).
#![allow(dead_code)]

#[cfg(target_arch = "wasm32")]
pub mod js;

use iamport_pay::{CheckOptions, Provider};
use serde_json::Value;

/// The case files, compiled in so the wasm tests need no file system.
pub const CASE_FILES: &[(&str, &str)] = &[
    ("common", include_str!("../cases/common.json")),
    ("inicis", include_str!("../cases/inicis.json")),
    ("kcp", include_str!("../cases/kcp.json")),
    ("ksnet", include_str!("../cases/ksnet.json")),
    ("daou", include_str!("../cases/daou.json")),
];

/// One case: params in, the exact set of (path, code) pairs out.
pub struct Case {
    pub file: &'static str,
    pub name: String,
    pub options: Value,
    pub params: Value,
    pub expect: Vec<(String, String)>,
}

impl Case {
    /// The Rust options of this case.
    pub fn check_options(&self) -> CheckOptions {
        let mut o = CheckOptions::default();
        if let Some(p) = self.options.get("provider").and_then(Value::as_str) {
            o.provider = Some(p.parse::<Provider>().expect("case provider is a PG code"));
        }
        o.mobile = self
            .options
            .get("mobile")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        o.webview = self
            .options
            .get("webview")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        o
    }
}

/// Every case of every file.
pub fn all() -> Vec<Case> {
    let mut out = Vec::new();
    for (file, text) in CASE_FILES {
        let cases: Vec<Value> = serde_json::from_str(text).expect("case file is JSON");
        for c in cases {
            let mut expect: Vec<(String, String)> = c["expect"]
                .as_array()
                .expect("expect is an array")
                .iter()
                .map(|p| {
                    (
                        p[0].as_str().expect("path").to_string(),
                        p[1].as_str().expect("code").to_string(),
                    )
                })
                .collect();
            expect.sort();
            out.push(Case {
                file,
                name: c["name"].as_str().expect("name").to_string(),
                options: c.get("options").cloned().unwrap_or(Value::Null),
                params: c["params"].clone(),
                expect,
            });
        }
    }
    out
}

/// Runs every case through `run` and fails with a list of every mismatch.
pub fn run_all(run: impl Fn(&Case) -> Vec<(String, String)>) -> usize {
    let cases = all();
    let mut failures = Vec::new();
    let mut names = std::collections::HashSet::new();
    for case in &cases {
        assert!(
            names.insert(case.name.clone()),
            "duplicate case name {}",
            case.name
        );
        let mut got = run(case);
        got.sort();
        if got != case.expect {
            failures.push(format!(
                "{}/{}:\n   expected {:?}\n   got      {:?}",
                case.file, case.name, case.expect, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    cases.len()
}
