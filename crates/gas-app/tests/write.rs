//! The result folder of a run: a rerun into a folder that holds an earlier run
//! either completes (and leaves no file of the earlier run) or leaves a folder
//! without `summary.json`, the mark of an interrupted run (`docs/outputs.md`).

mod common;

use common::run_files;
use gas_app::inputs::{DatasetInfo, InputFile};
use gas_app::{write, RunOutcome};
use gas_output::Format;
use std::path::Path;

/// The ten-day fixture, with the Russian LNG embargo package or without packages.
fn ten_days(with_package: bool) -> (RunOutcome, Vec<InputFile>, DatasetInfo) {
    let packages: &[&str] = if with_package {
        &["packages/russian-lng-embargo.toml"]
    } else {
        &[]
    };
    run_files("crates/gas-app/tests/fixtures/ten-days.toml", packages)
}

fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_rerun_that_fails_while_writing_leaves_no_summary_and_no_earlier_file() {
    let folder = tempfile::tempdir().unwrap();
    let (with, files, info) = ten_days(true);
    write::write_run(&with, folder.path(), Format::Csv, &files, &info).unwrap();
    assert!(folder.path().join("ledger_delta.csv").exists());
    let earlier_summary = std::fs::read(folder.path().join("summary.json")).unwrap();

    // The rerun cannot write ledger.csv: a folder is in the way.
    std::fs::remove_file(folder.path().join("ledger.csv")).unwrap();
    std::fs::create_dir(folder.path().join("ledger.csv")).unwrap();
    std::fs::write(folder.path().join("ledger.csv/keep.txt"), "mine").unwrap();
    let (without, files, info) = ten_days(false);
    let error = write::write_run(&without, folder.path(), Format::Csv, &files, &info)
        .unwrap_err()
        .to_string();
    assert!(error.contains("ledger.csv: could not write"), "{error}");
    assert!(
        !folder.path().join("summary.json").exists(),
        "the earlier run's summary.json makes the failed rerun look complete"
    );
    assert_ne!(earlier_summary, Vec::<u8>::new());
    // What is left is this run's tables written before the failure, and the folder
    // in the way (not a file gasbuffer wrote, left alone).
    assert_eq!(
        names(folder.path()),
        vec![
            "flows_daily.csv",
            "ledger.csv",
            "zones_daily.csv",
            "zones_summary.csv"
        ]
    );
    assert!(folder.path().join("ledger.csv/keep.txt").exists());
}

#[test]
fn a_rerun_removes_the_files_of_earlier_runs_that_it_does_not_write() {
    let folder = tempfile::tempdir().unwrap();
    let (with, files, info) = ten_days(true);
    write::write_run(&with, folder.path(), Format::Csv, &files, &info).unwrap();
    std::fs::write(folder.path().join("my-notes.txt"), "not gasbuffer's").unwrap();
    // Left by an earlier run killed while writing.
    std::fs::write(folder.path().join(".ledger_delta.csv.tmp-4242"), "half").unwrap();
    let (without, files, info) = ten_days(false);
    write::write_run(&without, folder.path(), Format::Json, &files, &info).unwrap();
    assert_eq!(
        names(folder.path()),
        vec![
            "flows_daily.json",
            "ledger.json",
            "my-notes.txt",
            "summary.json",
            "zones_daily.json",
            "zones_summary.json"
        ]
    );
}

/// The rows of the `summary.json` table of `docs/outputs.md`: its first cells.
fn documented_summary_keys() -> String {
    let docs = std::fs::read_to_string(common::repo().join("docs/outputs.md")).unwrap();
    let section = docs
        .split("## `summary.json`")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("docs/outputs.md has a summary.json section");
    section
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .map(|line| line.split('`').next().unwrap_or_default().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_key_of_summary_json_is_documented() {
    let (outcome, files, info) = ten_days(true);
    let summary = write::summary_json(&outcome, &files, &info);
    let documented = documented_summary_keys();
    let mut missing = Vec::new();
    for (key, value) in summary.as_object().unwrap() {
        // `inputs` is documented key by key (`inputs.scenario`, ...).
        if key == "inputs" {
            for inner in value.as_object().unwrap().keys() {
                let path = format!("inputs.{inner}");
                if !documented.split(' ').any(|k| k == path) {
                    missing.push(path);
                }
            }
        } else if !documented.split(' ').any(|k| k == key) {
            missing.push(key.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "keys of summary.json missing from docs/outputs.md: {missing:?}"
    );
}

/// The text cells of column `name` of `table`.
fn text_column<'t>(table: &'t gas_output::table::Table, name: &str) -> &'t [String] {
    match &table.column(name).unwrap().data {
        gas_output::table::ColumnData::Text(values) => values,
        _ => panic!("{name} is not a text column"),
    }
}

#[test]
fn flows_daily_lng_ids_are_as_documented() {
    // docs/outputs.md: `LNG-<zone>` for lng_sendout, `LNG-<origin>` for lng_supply.
    let docs = std::fs::read_to_string(common::repo().join("docs/outputs.md")).unwrap();
    assert!(docs.contains("`LNG-<zone>` for `lng_sendout`"));
    assert!(docs.contains("`LNG-<origin>` for `lng_supply`"));
    let (outcome, _, _) = ten_days(false);
    let flows = gas_output::tables::flows_daily(&outcome.built.system, &outcome.results);
    let (kinds, ids) = (text_column(&flows, "kind"), text_column(&flows, "id"));
    let (from, to) = (text_column(&flows, "from"), text_column(&flows, "to"));
    let mut seen = [false, false];
    for row in 0..flows.rows() {
        match kinds[row].as_str() {
            "lng_sendout" => {
                assert_eq!(ids[row], format!("LNG-{}", to[row]));
                seen[0] = true;
            }
            "lng_supply" => {
                assert_eq!(ids[row], format!("LNG-{}", from[row]));
                seen[1] = true;
            }
            _ => {}
        }
    }
    assert_eq!(seen, [true, true]);
}
