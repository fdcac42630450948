//! An infeasible scenario is reported, not filled with zeros: its unsolved days are
//! empty in every result file, and `summary.json` says which days they are.

mod common;

use common::run_files;
use gas_app::write;
use gas_core::RunStatus;
use gas_output::Format;
use std::path::Path;

/// The cells of the rows of a CSV file whose column `key` is `value`, by column name.
fn rows(path: &Path, key: &str, value: &str) -> Vec<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    let index = header.iter().position(|h| h == key).unwrap();
    lines
        .map(|line| line.split(',').map(String::from).collect::<Vec<_>>())
        .filter(|cells| cells[index] == value)
        .map(|cells| header.iter().cloned().zip(cells).collect())
        .collect()
}

fn cell<'a>(row: &'a [(String, String)], column: &str) -> &'a str {
    &row.iter().find(|(name, _)| name == column).unwrap().1
}

#[test]
fn an_infeasible_run_leaves_its_unsolved_days_empty_and_names_them() {
    let (outcome, files, info) =
        run_files("crates/gas-app/tests/fixtures/forced-surplus.toml", &[]);
    assert_eq!(outcome.results.status, RunStatus::Infeasible);
    assert_eq!(outcome.results.unsolved_days(), 0..10);
    let note = outcome.results.notes.last().unwrap();
    assert!(
        note.starts_with("stopped: the window 2022-06-01 to 2022-06-10 is infeasible"),
        "{note}"
    );
    assert!(note.contains("balances that cannot close: "), "{note}");

    let folder = tempfile::tempdir().unwrap();
    write::write_run(&outcome, folder.path(), Format::Csv, &files, &info).unwrap();

    // Storage started full: no made-up buffer of 0 days or minimum fill of 0 %.
    let de = &rows(&folder.path().join("zones_summary.csv"), "zone", "DE")[0];
    assert!(cell(de, "working_gas_twh").parse::<f64>().unwrap() > 0.0);
    for column in [
        "buffer_days",
        "buffer_end_date",
        "unserved_twh",
        "unserved_share",
        "min_fill_pct",
        "min_fill_date",
        "peak_price_eur_mwh",
    ] {
        assert_eq!(cell(de, column), "", "zones_summary DE {column}");
    }
    // Demand is an input: known (removed by the scenario).
    assert_eq!(cell(de, "demand_twh"), "0");

    let daily = rows(&folder.path().join("zones_daily.csv"), "zone", "DE");
    assert_eq!(daily.len(), 10);
    for row in &daily {
        for column in [
            "storage_level_twh",
            "storage_fill_pct",
            "injection_gwh_d",
            "route_imports_gwh_d",
            "curtailed_households_services_gwh_d",
            "shadow_price_eur_mwh",
        ] {
            assert_eq!(cell(row, column), "", "zones_daily DE {column}");
        }
    }
    let flows = rows(&folder.path().join("flows_daily.csv"), "id", "NS1");
    assert!(flows.iter().all(|row| cell(row, "flow_gwh_d").is_empty()));

    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(folder.path().join("summary.json")).unwrap())
            .unwrap();
    assert_eq!(summary["solver"]["status"], "infeasible");
    assert_eq!(
        summary["solver"]["unsolved"],
        serde_json::json!({"from": "2022-06-01", "to": "2022-06-10", "days": 10})
    );
    assert!(summary["solver"]["objective_keur"].is_null());
    assert!(summary["eu"]["min_fill_pct"].is_null());
    assert!(summary["eu"]["unserved_twh"].is_null());
}
