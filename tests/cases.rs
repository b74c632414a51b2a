//! The shared case table, natively.
mod common;

use iamport_pay::check;

#[test]
fn every_case_gives_exactly_its_issues() {
    let n = common::run_all(|case| {
        check(&case.params, &case.check_options())
            .pairs()
            .into_iter()
            .map(|(p, c)| (p, c.to_string()))
            .collect()
    });
    assert!(n >= 10, "only {n} cases");
}
