//! Golden scenarios: two shipped scenarios run end to end on the bundled
//! dataset; their per-zone key figures and ledger must match the stored CSVs in
//! `tests/golden/<case>/` within a tolerance tied to the solver's (1e-6 relative,
//! plus 1e-3 absolute for rounding in the files).
//!
//! Regenerate after an intended change, then review the diff:
//! `UPDATE_GOLDEN=1 cargo test -p gas-app --test golden`.

mod common;

use common::{repo, run_files};
use gas_output::{tables, write::write_csv};

/// Golden cases: (folder, scenario, packages).
const CASES: [(&str, &str, &[&str]); 2] = [
    (
        "russia-full-cutoff+eu-contingency",
        "scenarios/russia-full-cutoff.toml",
        &["packages/eu-contingency.toml"],
    ),
    (
        "nord-stream-2022-actual-cuts",
        "scenarios/nord-stream-2022-actual-cuts.toml",
        &[],
    ),
];

fn csv_text(table: &gas_output::table::Table) -> String {
    let mut out = Vec::new();
    write_csv(table, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn close(expected: &str, actual: &str) -> bool {
    match (expected.parse::<f64>(), actual.parse::<f64>()) {
        (Ok(e), Ok(a)) => (e - a).abs() <= 1e-3 + 1e-6 * e.abs().max(a.abs()),
        _ => expected == actual,
    }
}

fn compare_csv(case: &str, name: &str, expected: &str, actual: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let expected_lines: Vec<&str> = expected.lines().collect();
    let actual_lines: Vec<&str> = actual.lines().collect();
    if expected_lines.len() != actual_lines.len() {
        problems.push(format!(
            "{case}/{name}: {} rows expected, {} found",
            expected_lines.len(),
            actual_lines.len()
        ));
        return problems;
    }
    let header: Vec<&str> = expected_lines[0].split(',').collect();
    for (row, (e, a)) in expected_lines.iter().zip(&actual_lines).enumerate() {
        for (column, (ev, av)) in e.split(',').zip(a.split(',')).enumerate() {
            if !close(ev, av) {
                problems.push(format!(
                    "{case}/{name}:{}: {}: expected {ev}, found {av}",
                    row + 1,
                    header.get(column).unwrap_or(&"?")
                ));
            }
        }
    }
    problems
}

#[test]
fn golden_scenarios_match_their_stored_results() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut problems = Vec::new();
    for (case, scenario_file, package_files) in CASES {
        let (outcome, _, _) = run_files(scenario_file, package_files);
        let mut kpis = outcome.zones.clone();
        kpis.push(outcome.eu.clone());
        let files = [
            ("zones_summary.csv", csv_text(&tables::zones_summary(&kpis))),
            ("ledger.csv", csv_text(&tables::ledger(&outcome.ledger))),
        ];
        let folder = repo().join("tests/golden").join(case);
        for (name, actual) in files {
            let path = folder.join(name);
            if update {
                std::fs::create_dir_all(&folder).unwrap();
                std::fs::write(&path, &actual).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("{} missing: run with UPDATE_GOLDEN=1", path.display()));
            problems.extend(compare_csv(case, name, &expected, &actual));
        }
    }
    assert!(
        problems.is_empty(),
        "{} differences:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
