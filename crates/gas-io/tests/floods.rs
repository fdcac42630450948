//! A dataset that is missing wholesale (a folder, the rows of a table others
//! refer to) gives one error that says so, not one per reference; errors alike
//! are listed up to a cap, the others counted.

mod common;

use common::messages;

use gas_io::{load_dataset, TABLE_FILES};
use std::path::Path;

fn valid_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let valid = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    for file in TABLE_FILES {
        std::fs::copy(valid.join(file), dir.path().join(file)).unwrap();
    }
    dir
}

fn header_only(dir: &Path, file: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let header = text.lines().next().unwrap().to_string();
    std::fs::write(&path, header + "\n").unwrap();
}

#[test]
fn a_header_only_table_that_others_refer_to_is_one_error() {
    for file in ["routes.csv", "zones.csv", "origins.csv", "sources.csv"] {
        let dir = valid_copy();
        header_only(dir.path(), file);
        let errors = load_dataset(dir.path()).unwrap_err();
        assert_eq!(
            messages(&errors, dir.path()),
            [format!(
                "{file}:2: expected rows after the header (other files refer to its ids), found nothing"
            )]
        );
    }
}

#[test]
fn a_header_only_table_nothing_refers_to_is_fine() {
    let dir = valid_copy();
    header_only(dir.path(), "checks.csv");
    load_dataset(dir.path()).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_missing_folder_a_file_and_an_empty_folder_are_one_error_each() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nodata");
    let errors = load_dataset(&missing).unwrap_err();
    assert_eq!(
        errors.to_string(),
        format!(
            "{}: expected a dataset folder, found \"no such folder\"\n1 input error",
            missing.display()
        )
    );
    let file = dir.path().join("zones.csv");
    std::fs::write(&file, "id\n").unwrap();
    let errors = load_dataset(&file).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(
        errors.to_string().contains("a file, not a folder"),
        "{errors}"
    );
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let errors = load_dataset(&empty).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(
        errors
            .to_string()
            .contains("a folder without any of the dataset's 18 files"),
        "{errors}"
    );
    // A folder with some of the files names each missing one.
    let partial = valid_copy();
    std::fs::remove_file(partial.path().join("checks.csv")).unwrap();
    let errors = load_dataset(partial.path()).unwrap_err();
    assert_eq!(messages(&errors, partial.path()).len(), 1);
    assert!(errors.to_string().starts_with(&format!(
        "{}: expected a file with the columns",
        partial.path().join("checks.csv").display()
    )));
}

#[test]
fn many_errors_alike_are_listed_up_to_ten_then_counted() {
    let dir = valid_copy();
    let mut text = String::from("date,route,flow_gwh_d,flow_mcm_d,source\n");
    for day in 1..=28 {
        for route in ["NS8", "NS9"] {
            text.push_str(&format!("2021-02-{day:02},{route},1,0.1,s1\n"));
        }
    }
    std::fs::write(dir.path().join("route_flows_daily.csv"), text).unwrap();
    let errors = load_dataset(dir.path()).unwrap_err();
    let listed = messages(&errors, dir.path());
    assert_eq!(listed.len(), 10, "{listed:#?}");
    assert!(listed[0].starts_with("route_flows_daily.csv:2: route: expected a route id"));
    assert!(
        listed[9].ends_with(r#"found "NS9" (and 46 more like it, not listed)"#),
        "{}",
        listed[9]
    );
    assert_eq!(errors.total(), 56);
    assert!(errors
        .to_string()
        .ends_with("56 input errors (46 not listed)"));
}
