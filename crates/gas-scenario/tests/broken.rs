//! The corpus of broken scenario and package files: each `tests/broken/<name>.toml`
//! must fail with exactly the messages in `<name>.expected` (one error a line).
//!
//! Files named `pkg-*` are packages, built on a valid July-2022 scenario; the
//! others are scenarios. Both are built against the small test dataset of
//! `tests/common`. A package named `pkg-duplicate-*` is given twice.
//!
//! Regenerate after an intended change of wording, then review the diff:
//! `UPDATE_EXPECTED=1 cargo test -p gas-scenario --test broken`.

mod common;

use gas_scenario::{build, parse_package, parse_scenario, FileErrors};
use std::path::Path;

fn errors_of(name: &str, text: &str) -> Result<(), FileErrors> {
    let label = format!("tests/broken/{name}.toml");
    let dataset = common::dataset();
    if name.starts_with("pkg-") {
        let scenario = parse_scenario(&common::scenario_text(""), "tests/base.toml")
            .expect("base scenario parses");
        let package = parse_package(text, &label)?;
        let packages = if name.starts_with("pkg-duplicate") {
            vec![package.clone(), package]
        } else {
            vec![package]
        };
        build(&dataset, &scenario, &packages).map(|_| ())
    } else {
        let scenario = parse_scenario(text, &label)?;
        build(&dataset, &scenario, &[]).map(|_| ())
    }
}

#[test]
fn every_broken_file_fails_with_its_expected_messages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "toml").then(|| path.file_stem()?.to_str().map(str::to_string))?
        })
        .collect();
    names.sort();
    assert!(names.len() >= 30, "the corpus has {} files", names.len());
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let mut failures = Vec::new();
    for name in &names {
        let text = std::fs::read_to_string(dir.join(format!("{name}.toml"))).expect("readable");
        let found = match std::panic::catch_unwind(|| errors_of(name, &text)) {
            Ok(Ok(())) => "(no error)".to_string(),
            Ok(Err(errors)) => errors
                .0
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
            Err(_) => "(panic)".to_string(),
        };
        let expected_path = dir.join(format!("{name}.expected"));
        if update {
            std::fs::write(&expected_path, format!("{found}\n")).expect("writable");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected.trim_end() != found {
            failures.push(format!(
                "{name}:\n  expected:\n{}\n  found:\n{found}",
                expected.trim_end()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A window that ends before it starts, as written, is an error of reading the file:
/// `gasbuffer validate` (which only reads packages) finds it as `run` does.
#[test]
fn a_reversed_window_is_found_when_the_package_is_read() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken/pkg-reversed-window.toml"),
    )
    .unwrap();
    let errors = parse_package(&text, "p.toml").unwrap_err();
    assert_eq!(errors.0.len(), 1, "{errors}");
    assert_eq!(
        errors.0[0].to_string(),
        "p.toml:11:6: measures[0].to: expected a date on or after the start 2022-09-01, found 2022-06-01"
    );
}
