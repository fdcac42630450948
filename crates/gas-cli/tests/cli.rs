//! End-to-end tests of the `gasbuffer` binary: exit codes, messages, files written.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gasbuffer(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gasbuffer"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary starts")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The text of the short fixture scenario, for tests that write variants of it.
fn short_cutoff_text() -> String {
    std::fs::read_to_string(repo().join("crates/gas-cli/tests/fixtures/short-cutoff.toml")).unwrap()
}

/// Runs the short fixture scenario without pricing packages, in `format`, into `out`.
fn run_short(out: &Path, format: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "run",
        "crates/gas-cli/tests/fixtures/short-cutoff.toml",
        "--no-compare",
        "--format",
        format,
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    gasbuffer(&args, &repo())
}

fn assert_no_panic(output: &Output) {
    let stderr = text(&output.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
}

#[test]
fn every_shipped_scenario_and_package_validates() {
    let mut files: Vec<String> = Vec::new();
    for folder in ["scenarios", "packages"] {
        for entry in std::fs::read_dir(repo().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                files.push(format!(
                    "{folder}/{}",
                    path.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    files.sort();
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let output = gasbuffer(&args, &repo());
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout).lines().count(), files.len());
}

#[test]
fn validate_tells_scenarios_from_packages_by_their_keys() {
    // An inline `period = { ... }` is a scenario too (no `[period]` line).
    let dir = std::env::temp_dir().join(format!("gasbuffer-validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("inline.toml");
    std::fs::write(
        &file,
        "name = \"inline\"\nperiod = { start = 2022-07-01, end = 2022-07-31 }\n",
    )
    .unwrap();
    let output = gasbuffer(&["validate", file.to_str().unwrap()], &repo());
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).ends_with("ok (scenario)\n"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn validate_reads_a_scenario_with_a_misspelt_period_as_a_scenario() {
    // `[periode]` instead of `[period]`: the file is still a scenario (it has
    // events), so the scenario reader says what is wrong, not the package reader
    // (which asked for a `trigger` and called `events` an unknown key).
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("periode.toml");
    std::fs::write(
        &file,
        "name = \"typo\"\n[periode]\nstart = 2022-04-01\nend = 2023-03-31\n\n\
         [[events]]\ntype = \"route_cutoff\"\nroutes = [\"NS1\"]\nfrom = 2022-06-01\n",
    )
    .unwrap();
    let output = gasbuffer(&["validate", "periode.toml"], dir.path());
    assert_eq!(output.status.code(), Some(3));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("periode.toml:1:1: period: expected a table, found nothing"),
        "{stderr}"
    );
    assert!(
        stderr.contains("periode.toml:2:2: periode: expected one of the keys curtailment,"),
        "{stderr}"
    );
    assert!(!stderr.contains(": trigger: "), "{stderr}");
}

/// Every broken file of the scenario crate's corpus makes `validate` fail with
/// exit code 3, a located message naming the file, and no panic.
#[test]
fn broken_scenario_and_package_files_exit_3_with_located_messages() {
    let crate_dir = repo().join("crates/gas-scenario");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(crate_dir.join("tests/broken"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "the corpus has {} files", cases.len());
    let mut checked = 0;
    for case in &cases {
        let relative = format!(
            "tests/broken/{}",
            case.file_name().unwrap().to_string_lossy()
        );
        let expected = std::fs::read_to_string(case.with_extension("expected")).unwrap();
        let output = gasbuffer(&["validate", "--against-dataset", &relative], &crate_dir);
        assert_no_panic(&output);
        let stderr = text(&output.stderr);
        // Errors found only when building against the corpus's own small test dataset
        // (e.g. a zone it lacks but the bundled dataset has) may pass here.
        if output.status.code() == Some(0) {
            continue;
        }
        assert_eq!(output.status.code(), Some(3), "{relative}: {stderr}");
        assert!(
            stderr.contains(&format!("{relative}:")),
            "{relative}: {stderr}"
        );
        // Parse-level messages (no dataset involved) must match the corpus exactly.
        let first = expected.lines().next().unwrap_or_default();
        if !first.contains("dataset") && stderr.contains(first) {
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} exact messages matched");
}

#[test]
fn a_run_writes_every_result_file_and_a_summary() {
    let out = tempfile::tempdir().unwrap();
    let output = gasbuffer(
        &[
            "run",
            "crates/gas-cli/tests/fixtures/short-cutoff.toml",
            "--package",
            "packages/russian-lng-embargo.toml",
            "--out",
            out.path().to_str().unwrap(),
        ],
        &repo(),
    );
    assert_no_panic(&output);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("Packages against do-nothing"), "{stdout}");
    for file in [
        "zones_daily.csv",
        "flows_daily.csv",
        "zones_summary.csv",
        "ledger.csv",
        "ledger_delta.csv",
        "summary.json",
    ] {
        assert!(out.path().join(file).exists(), "{file} missing");
    }
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("summary.json")).unwrap())
            .unwrap();
    assert_eq!(summary["solver"]["status"], "optimal");
    assert_eq!(summary["period"]["days"], 61);
    assert_eq!(summary["inputs"]["scenario"]["name"], "short-cutoff");
    assert!(summary["package_cost"]["cost_to_russia_meur"].is_number());
    // What each event and measure changed, not only where it came from.
    let applied = &summary["inputs"]["applied"][0];
    assert_eq!(applied["label"], "scenario events[0]");
    assert_eq!(
        applied["change"],
        "origin RU (all) supply x 0.000 (cut-off 100 %)"
    );
    assert_eq!(applied["from"], "2022-04-01");
    assert!(applied["file"]
        .as_str()
        .unwrap()
        .ends_with("short-cutoff.toml"));
    let daily = std::fs::read_to_string(out.path().join("zones_daily.csv")).unwrap();
    assert!(daily.starts_with("date,zone,demand_households_services_gwh_d"));
    // 61 days x every zone, plus the header.
    let zones = summary["zones"].as_array().unwrap().len();
    assert_eq!(daily.lines().count(), 61 * zones + 1);
}

#[test]
fn runs_are_reproducible_byte_for_byte_and_parquet_json_work() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    for folder in [&first, &second] {
        let format = "csv";
        let output = run_short(folder.path(), format, &[]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        let stdout = text(&output.stdout);
        assert!(
            stdout.starts_with("Scenario short-cutoff without packages: "),
            "{stdout}"
        );
    }
    for file in [
        "zones_daily.csv",
        "flows_daily.csv",
        "ledger.csv",
        "summary.json",
    ] {
        assert_eq!(
            std::fs::read(first.path().join(file)).unwrap(),
            std::fs::read(second.path().join(file)).unwrap(),
            "{file} differs between two identical runs"
        );
    }
    for format in ["parquet", "json"] {
        let out = tempfile::tempdir().unwrap();
        let output = run_short(out.path(), format, &[]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        assert!(out.path().join(format!("zones_daily.{format}")).exists());
    }
}

#[test]
fn the_lp_can_be_exported_as_mps() {
    let out = tempfile::tempdir().unwrap();
    let mps = out.path().join("short.mps");
    let output = run_short(out.path(), "csv", &["--export-lp", mps.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let lp = std::fs::read_to_string(mps).unwrap();
    assert!(lp.contains("ROWS") && lp.contains("COLUMNS") && lp.contains("zone_balance[DE]"));
}

#[test]
fn bad_options_exit_2_with_the_expected_values() {
    let output = gasbuffer(
        &["run", "scenarios/baseline-2022.toml", "--format", "xlsx"],
        &repo(),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("--format: expected csv, json or parquet, found \"xlsx\"")
    );
    let output = gasbuffer(
        &["run", "scenarios/baseline-2022.toml", "--solver", "cplex"],
        &repo(),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("--solver: expected one of network"));
}

#[test]
fn a_missing_scenario_file_is_named() {
    let output = gasbuffer(&["run", "scenarios/does-not-exist.toml"], &repo());
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(3));
    assert!(text(&output.stderr).contains("scenarios/does-not-exist.toml"));
}

#[test]
fn a_broken_dataset_folder_exits_3_naming_file_and_row() {
    let broken = repo().join("crates/gas-io/tests/broken/negative_capacity");
    let output = gasbuffer(&["data", "check", broken.to_str().unwrap()], &repo());
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(3));
    let expected = std::fs::read_to_string(broken.join("expected.txt")).unwrap();
    let stderr = text(&output.stderr);
    for line in expected.lines().filter(|l| !l.trim().is_empty()) {
        let tail = line.rsplit_once(".csv").map_or(line, |(_, rest)| rest);
        assert!(stderr.contains(tail), "{stderr} lacks {line}");
    }
}

#[test]
fn the_bundled_dataset_checks_and_shows() {
    let output = gasbuffer(&["data", "check"], &repo());
    assert!(output.status.success(), "{}", text(&output.stderr));
    let output = gasbuffer(&["data", "show", "--json"], &repo());
    assert!(output.status.success());
    let shown: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(shown["zones"].as_array().unwrap().len() >= 30);
}

#[test]
fn every_command_has_help_with_an_example() {
    for command in ["run", "compare", "validate"] {
        let output = gasbuffer(&[command, "--help"], &repo());
        assert!(output.status.success());
        assert!(text(&output.stdout).contains("EXAMPLE"), "{command}");
    }
}

/// A scenario whose dataset folder does not exist: any command that gets past the
/// output checks fails on it with exit code 3, so an exit code 6 proves the output
/// paths were checked before the dataset was loaded and anything solved.
fn scenario_without_dataset(dir: &Path) -> PathBuf {
    let path = dir.join("no-dataset.toml");
    std::fs::write(
        &path,
        "name = \"no-dataset\"\ndataset = \"missing-dataset\"\n\
         period = { start = 2022-04-01, end = 2022-04-10 }\n",
    )
    .unwrap();
    path
}

#[test]
fn output_paths_in_the_way_are_named_before_anything_is_solved() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = scenario_without_dataset(dir.path());
    let scenario = scenario.to_str().unwrap();
    let afile = dir.path().join("afile");
    std::fs::write(&afile, "not a folder").unwrap();
    let afile = afile.to_str().unwrap();
    let folder = dir.path().join("out");
    std::fs::create_dir_all(folder.join("ledger.csv")).unwrap();
    let folder = folder.to_str().unwrap();
    let good_out = dir.path().join("good");
    let good_out = good_out.to_str().unwrap();
    let under_file = format!("{afile}/x");
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec!["run", scenario, "--out", afile],
            format!("error: --out: {afile} is a file, not a folder"),
        ),
        (
            vec!["run", scenario, "--out", &under_file],
            format!("error: --out: {afile} is a file, not a folder"),
        ),
        (
            vec!["run", scenario, "--out", "/dev/null"],
            "error: --out: /dev/null is a character device, not a folder".to_string(),
        ),
        (
            vec!["run", scenario, "--out", folder],
            format!("error: --out: {folder}/ledger.csv is a folder, not a file"),
        ),
        (
            vec!["run", scenario, "--out", good_out, "--report", &under_file],
            format!("error: --report: {afile} is a file, not a folder"),
        ),
        (
            vec![
                "run",
                scenario,
                "--out",
                good_out,
                "--export-lp",
                &under_file,
            ],
            format!("error: --export-lp: {afile} is a file, not a folder"),
        ),
        (
            vec!["run", scenario, "--out", good_out, "--report", "/dev/null"],
            "error: --report: /dev/null is a character device, not a file".to_string(),
        ),
        (
            vec![
                "compare",
                "--scenarios",
                scenario,
                "--packages",
                "packages/do-nothing.toml",
                "--out",
                afile,
            ],
            format!("error: --out: {afile} is a file, not a folder"),
        ),
        (
            vec!["backtest", scenario, "--out", afile],
            format!("error: --out: {afile} is a file, not a folder"),
        ),
    ];
    for (args, expected) in cases {
        let output = gasbuffer(&args, &repo());
        assert_no_panic(&output);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(6), "{args:?}: {stderr}");
        assert_eq!(stderr.trim_end(), expected, "{args:?}");
    }
    assert!(!Path::new(good_out).exists(), "nothing is written");
}

#[test]
fn a_compare_that_fails_leaves_no_matrix_of_an_earlier_compare() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = scenario_without_dataset(dir.path());
    let out = dir.path().join("matrix-out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("matrix.csv"), "scenario,package\nold,do-nothing\n").unwrap();
    let output = gasbuffer(
        &[
            "compare",
            "--scenarios",
            scenario.to_str().unwrap(),
            "--packages",
            "packages/do-nothing.toml",
            "--out",
            out.to_str().unwrap(),
        ],
        &repo(),
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(3), "{}", text(&output.stderr));
    assert!(
        !out.join("matrix.csv").exists(),
        "an earlier matrix.csv makes the failed compare look complete"
    );
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_exits_130_and_leaves_no_temporary_file() {
    let out = tempfile::tempdir().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_gasbuffer"))
        .args([
            "run",
            "scenarios/baseline-2022.toml",
            "--no-compare",
            "--out",
            out.path().to_str().unwrap(),
        ])
        .current_dir(repo())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // A year takes seconds to solve: the signal comes while it runs.
    std::thread::sleep(std::time::Duration::from_millis(500));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(130), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("interrupted"));
    let left: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        left.iter()
            .all(|name| !name.contains(".tmp-") && name != "summary.json"),
        "{left:?}"
    );
}

const INFEASIBLE: &str = "crates/gas-app/tests/fixtures/forced-surplus.toml";

#[test]
fn an_infeasible_run_exits_4_and_shows_no_made_up_zeros() {
    let out = tempfile::tempdir().unwrap();
    let output = gasbuffer(
        &["run", INFEASIBLE, "--out", out.path().to_str().unwrap()],
        &repo(),
    );
    assert_no_panic(&output);
    let stdout = text(&output.stdout);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(4), "{stderr}");
    assert!(
        stdout.contains(
            "Unsolved: 2022-06-01 to 2022-06-10 (10 days, the dispatch is infeasible there)"
        ),
        "{stdout}"
    );
    // Storage started full: DE's unserved energy and fills are unknown, not 0 (the
    // fixture gives DE no demand, so its buffer column says so).
    let de = stdout.lines().find(|l| l.starts_with("DE ")).unwrap();
    let de = de.replacen("no demand", "no-demand", 1);
    let cells: Vec<&str> = de.split_whitespace().collect();
    assert_eq!(cells[1], "no-demand", "{de}");
    assert_eq!(cells[2..7], ["-"; 5], "{de}");
    assert_eq!(cells[8..], ["-"; 4], "{de}");
    assert!(
        stderr.contains(
            "warning: the dispatch stopped: the window 2022-06-01 to 2022-06-10 is infeasible"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("balances that cannot close: "), "{stderr}");
}

#[test]
fn compare_shows_an_infeasible_run_as_such_and_exits_4() {
    let out = tempfile::tempdir().unwrap();
    let output = gasbuffer(
        &[
            "compare",
            "--scenarios",
            INFEASIBLE,
            "--packages",
            "packages/eu-contingency.toml",
            "--out",
            out.path().to_str().unwrap(),
        ],
        &repo(),
    );
    assert_no_panic(&output);
    let stdout = text(&output.stdout);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(4), "{stderr}");
    // Packages down, scenarios across: each run of the one scenario says infeasible.
    for package in ["do-nothing", "eu-contingency"] {
        let row = stdout
            .lines()
            .find(|l| l.starts_with(package))
            .unwrap_or_else(|| panic!("{stdout}"));
        assert_eq!(
            row.split_whitespace().collect::<Vec<_>>(),
            [package, "infeasible"],
            "{stdout}"
        );
    }
    assert!(
        stderr.contains("warning: forced-surplus with do-nothing: the dispatch stopped"),
        "{stderr}"
    );
    let matrix = std::fs::read_to_string(out.path().join("matrix.csv")).unwrap();
    assert!(
        matrix.contains("forced-surplus,do-nothing,infeasible,,,,,,,\n"),
        "{matrix}"
    );
}

/// `gasbuffer run ... | head -1`: the reader goes away; the run neither panics nor
/// stops short of writing its results.
#[test]
fn a_closed_standard_output_does_not_stop_a_run() {
    let out = tempfile::tempdir().unwrap();
    let report = out.path().join("report.html");
    let mut child = Command::new(env!("CARGO_BIN_EXE_gasbuffer"))
        .args([
            "run",
            "crates/gas-cli/tests/fixtures/short-cutoff.toml",
            "--no-compare",
            "--out",
            out.path().to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
        ])
        .current_dir(repo())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(out.path().join("summary.json").exists());
    assert!(
        report.exists(),
        "the report is written after the summary is printed"
    );
}

#[test]
fn compare_runs_a_listed_do_nothing_once_and_prints_packages_down() {
    let out = tempfile::tempdir().unwrap();
    let report = out.path().join("c.html");
    let output = gasbuffer(
        &[
            "compare",
            "--scenarios",
            "crates/gas-cli/tests/fixtures/short-cutoff.toml",
            "--packages",
            "packages/do-nothing.toml",
            "packages/russian-lng-embargo.toml",
            "--out",
            out.path().to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
        ],
        &repo(),
    );
    assert_no_panic(&output);
    assert!(output.status.success(), "{}", text(&output.stderr));
    // One scenario, two packages of which one is do-nothing: two runs.
    let matrix = std::fs::read_to_string(out.path().join("matrix.csv")).unwrap();
    let packages: Vec<&str> = matrix
        .lines()
        .skip(1)
        .map(|line| line.split(',').nth(1).unwrap_or_default())
        .collect();
    assert_eq!(packages, ["do-nothing", "russian-lng-embargo"], "{matrix}");
    // The printed matrix has the report's orientation: packages down, scenarios across.
    let stdout = text(&output.stdout);
    let header = stdout
        .lines()
        .find(|line| line.contains('\\'))
        .unwrap_or_default();
    assert!(header.starts_with("package \\ scenario"), "{stdout}");
    assert!(header.contains("short-cutoff"), "{stdout}");
    assert_eq!(
        stdout
            .lines()
            .filter(|line| line.starts_with("do-nothing"))
            .count(),
        1,
        "{stdout}"
    );
    let html = std::fs::read_to_string(report).unwrap();
    assert!(html.contains("<th>package \\ scenario</th>"));
    // Seven headline tables, one do-nothing row each.
    assert_eq!(html.matches("<tr><th>do-nothing</th>").count(), 7);
}

/// A dataset folder that is not there is one error that says where the name
/// came from (`data check`, `--dataset`, the scenario's `dataset` key with its
/// line), not one error per missing file.
#[test]
fn a_missing_dataset_folder_is_one_error_naming_where_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nodata");
    let missing_text = missing.to_str().unwrap();
    let one_error = |output: &Output, expected: &str| {
        assert_no_panic(output);
        assert_eq!(output.status.code(), Some(3), "{}", text(&output.stderr));
        assert_eq!(text(&output.stderr), format!("error: {expected}\n"));
    };
    let output = gasbuffer(&["data", "check", missing_text], &repo());
    one_error(
        &output,
        &format!("{missing_text}: no such folder (the folder given to data check)"),
    );
    let output = gasbuffer(&["data", "show", "--dataset", missing_text], &repo());
    one_error(
        &output,
        &format!("{missing_text}: no such folder (given by --dataset)"),
    );
    let output = run_short(dir.path(), "csv", &["--dataset", missing_text]);
    one_error(
        &output,
        &format!("{missing_text}: no such folder (given by --dataset)"),
    );
    let scenario = dir.path().join("elsewhere.toml");
    std::fs::write(
        &scenario,
        "name = \"elsewhere\"\ndataset = \"nodata\"\n\n[period]\nstart = 2022-04-01\nend = 2022-04-30\n",
    )
    .unwrap();
    let output = gasbuffer(&["run", scenario.to_str().unwrap()], &repo());
    one_error(
        &output,
        &format!(
            "{}:2:11: dataset: expected an existing dataset folder, relative to the scenario file's folder, found \"nodata\" ({missing_text}: no such folder)\n1 error",
            scenario.display()
        ),
    );
}

/// A header-only routes.csv is one error, not one per route reference.
#[test]
fn a_header_only_routes_file_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    for file in gas_io_files() {
        std::fs::copy(repo().join("data").join(&file), dir.path().join(&file)).unwrap();
    }
    let routes = std::fs::read_to_string(dir.path().join("routes.csv")).unwrap();
    let header = routes.lines().next().unwrap();
    std::fs::write(dir.path().join("routes.csv"), format!("{header}\n")).unwrap();
    let output = gasbuffer(&["data", "check", dir.path().to_str().unwrap()], &repo());
    assert_eq!(output.status.code(), Some(3));
    assert_eq!(
        text(&output.stderr),
        format!(
            "error: the dataset has errors:\n{}:2: expected rows after the header (other files refer to its ids), found nothing\n1 input error\n",
            dir.path().join("routes.csv").display()
        )
    );
}

/// The dataset's file names (the CSV files of `data/`).
fn gas_io_files() -> Vec<String> {
    std::fs::read_dir(repo().join("data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".csv"))
        .collect()
}

/// The write end of a pipe whose reader has already exited: every write to it
/// fails with a broken pipe.
#[cfg(unix)]
fn closed_pipe() -> std::process::Stdio {
    let mut reader = Command::new("true")
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("`true` starts");
    let pipe = reader.stdin.take().unwrap();
    reader.wait().unwrap();
    std::process::Stdio::from(pipe)
}

/// `gasbuffer ... | head -1`: when the reader of stdout or stderr goes away the
/// command drops the rest of that output and finishes its work with its own exit
/// code, never with a panic (exit 101, "failed printing to stdout: Broken pipe").
#[cfg(unix)]
#[test]
fn a_closed_output_pipe_ends_the_command_quietly() {
    let run = |args: &[&str], stdout_closed: bool, code: i32| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_gasbuffer"));
        command.args(args).current_dir(repo());
        if stdout_closed {
            command
                .stdout(closed_pipe())
                .stderr(std::process::Stdio::piped());
        } else {
            command
                .stderr(closed_pipe())
                .stdout(std::process::Stdio::piped());
        }
        let output = command.output().expect("the binary starts");
        let other = if stdout_closed {
            &output.stderr
        } else {
            &output.stdout
        };
        assert!(
            !text(other).contains("panicked"),
            "{args:?}: {}",
            text(other)
        );
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?}: {}",
            text(other)
        );
    };
    run(&["data", "show"], true, 0);
    run(&["data", "check"], true, 0);
    let out = tempfile::tempdir().unwrap();
    run(
        &[
            "run",
            "crates/gas-cli/tests/fixtures/short-cutoff.toml",
            "--no-compare",
            "--out",
            out.path().to_str().unwrap(),
        ],
        true,
        0,
    );
    // The run's files are written although nobody read its summary.
    assert!(out.path().join("summary.json").exists());
    // Errors on stderr: a dataset folder that is not there (exit 3, invalid input).
    let missing = out.path().join("nodata");
    run(&["data", "check", missing.to_str().unwrap()], false, 3);
}

/// Two scenarios, or two packages, whose names give the same result folder would
/// overwrite each other's files: `compare` refuses them before solving, at the
/// `name` key, naming the other file.
#[test]
fn compare_refuses_names_that_share_a_result_folder() {
    let dir = tempfile::tempdir().unwrap();
    let fixture =
        std::fs::read_to_string(repo().join("crates/gas-cli/tests/fixtures/short-cutoff.toml"))
            .unwrap();
    let copy = dir.path().join("copy.toml");
    std::fs::write(&copy, &fixture).unwrap();
    let embargo =
        std::fs::read_to_string(repo().join("packages/russian-lng-embargo.toml")).unwrap();
    let slash = dir.path().join("slash.toml");
    std::fs::write(
        &slash,
        embargo.replace("name = \"russian-lng-embargo\"", "name = \"a/b\""),
    )
    .unwrap();
    let dash = dir.path().join("dash.toml");
    std::fs::write(
        &dash,
        embargo.replace("name = \"russian-lng-embargo\"", "name = \"a-b\""),
    )
    .unwrap();
    let output = gasbuffer(
        &[
            "compare",
            "--scenarios",
            "crates/gas-cli/tests/fixtures/short-cutoff.toml",
            copy.to_str().unwrap(),
            "--packages",
            slash.to_str().unwrap(),
            dash.to_str().unwrap(),
            "--out",
            dir.path().join("out").to_str().unwrap(),
        ],
        &repo(),
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(3), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "{}:2:8: name: expected a scenario name whose result folder no other scenario of the comparison has, found \"short-cutoff\" (folder short-cutoff), also the folder of \"short-cutoff\" in crates/gas-cli/tests/fixtures/short-cutoff.toml",
            copy.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("found \"a-b\" (folder a-b), also the folder of \"a/b\""),
        "{stderr}"
    );
    assert!(
        !dir.path().join("out").exists(),
        "nothing is run or written"
    );
}

/// A route of routes.csv that the model leaves out (Blue Stream enters Türkiye, a
/// transit zone) is named as such, not as unknown.
#[test]
fn a_route_left_out_of_the_model_is_named_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let scenario =
        std::fs::read_to_string(repo().join("scenarios/nord-stream-2022-actual-cuts.toml"))
            .unwrap()
            .replacen("routes = [\"NS1\"]", "routes = [\"BLUESTREAM\"]", 1);
    let path = dir.path().join("s.toml");
    std::fs::write(&path, scenario).unwrap();
    let output = gasbuffer(
        &["validate", "--against-dataset", path.to_str().unwrap()],
        &repo(),
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(3), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("found \"BLUESTREAM\", which is in routes.csv but left out of the model: it enters TR, a transit zone modelled in its transit role only"),
        "{stderr}"
    );
}

#[test]
fn backtest_without_a_scenario_outside_the_repository_replays_the_built_in_copy() {
    // An installed binary run in a folder without scenarios/: the default scenario
    // is the built-in copy of scenarios/actual-2022.toml, not a missing file. The
    // --out check (after the scenario is read, before the solve) stops it quickly.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("afile"), "").unwrap();
    let output = gasbuffer(&["backtest", "--out", "afile"], dir.path());
    assert_no_panic(&output);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(6), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        "error: --out: afile is a file, not a folder"
    );
    // A package given with it is read and checked as with a scenario file.
    let output = gasbuffer(&["backtest", "--package", "missing.toml"], dir.path());
    assert_eq!(output.status.code(), Some(3));
    assert!(text(&output.stderr).starts_with("error: missing.toml: expected a readable file"));
}

#[test]
fn validate_against_the_dataset_builds_packages_with_the_scenarios_given() {
    // A package naming an origin, a route and a zone the dataset does not have.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("names.toml"),
        "name = \"names\"\ntrigger = \"invasion\"\n\n[[measures]]\ntype = \"embargo\"\norigin = \"ZZ\"\n\n\
         [[measures]]\ntype = \"route_status\"\nroute = \"NS3\"\nstatus = \"online\"\n",
    )
    .unwrap();
    let scenario = repo().join("scenarios/baseline-2022.toml");
    let scenario = scenario.to_str().unwrap();
    // With a scenario: built with it, each unknown name reported at the package's line.
    let output = gasbuffer(
        &["validate", "--against-dataset", scenario, "names.toml"],
        dir.path(),
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(3));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("names.toml:6:10: measures[0].origin: expected an origin of the dataset"),
        "{stderr}"
    );
    assert!(
        stderr.contains("names.toml:10:9: measures[1].route: expected a route of the model"),
        "{stderr}"
    );
    assert!(text(&output.stdout).contains("ok (scenario, built against its dataset)"));
    // Alone, it reads, and the output says its names were not checked.
    let output = gasbuffer(&["validate", "--against-dataset", "names.toml"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert!(text(&output.stdout).contains(
        "names.toml: ok (package; its names are checked against a dataset only with a scenario"
    ));
    // A good package with the scenario is ok.
    let package = repo().join("packages/eu-contingency.toml");
    let output = gasbuffer(
        &[
            "validate",
            "--against-dataset",
            package.to_str().unwrap(),
            scenario,
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout)
        .contains("eu-contingency.toml: ok (package, built with the 1 scenario given)"));
}

#[test]
fn an_infeasible_run_with_observed_route_flows_points_to_the_backtest() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("observed.toml");
    std::fs::write(
        &scenario,
        "name = \"observed-flows\"\nroutes_as_observed = true\n\n[period]\nstart = 2022-09-14\nend = 2022-09-16\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = gasbuffer(
        &[
            "run",
            scenario.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        &repo(),
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(4), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("hint: this scenario fixes every import route to its observed flow")
            && stderr.contains("gasbuffer backtest"),
        "{stderr}"
    );
}

/// The dispatch's own notes are printed: a strategic reserve that a rolling operator sees
/// only two weeks ahead is lowered to what IT's storage can reach from the window's start,
/// and `run` says so (before, only `solver.notes` in summary.json did).
#[test]
fn a_run_prints_the_dispatch_notes_such_as_a_lowered_reserve_floor() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = short_cutoff_text();
    let scenario = dir.path().join("rolling.toml");
    let rolling = fixture.replace(
        "[demand]",
        "[operation]\nmode = \"rolling_horizon\"\nwindow_days = 14\ncommit_days = 7\n\n[demand]",
    );
    std::fs::write(&scenario, rolling).unwrap();
    let package = dir.path().join("late-reserve.toml");
    std::fs::write(
        &package,
        "name = \"late-reserve\"\ndescription = \"seen two weeks ahead\"\ntrigger = 2022-04-01\n\n\
         [[measures]]\ntype = \"strategic_reserve\"\nzones = [\"IT\"]\nfill = 0.6\nfrom = 2022-05-20\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = gasbuffer(
        &[
            "run",
            scenario.to_str().unwrap(),
            "--package",
            package.to_str().unwrap(),
            "--no-compare",
            "--out",
            out.to_str().unwrap(),
        ],
        &repo(),
    );
    assert_no_panic(&output);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("dispatch: rolling horizon 14/7 with `network-simplex`: 9 window(s)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("dispatch: storage UGS-IT: the strategic reserve floor was above the level the storage could reach")
            && stdout.contains("(first on 2022-05-20); it is capped at that level"),
        "{stdout}"
    );
}

/// Validated with several scenarios, a package's error names the scenarios it comes with
/// when not all of them: here the trigger `invasion`, which only one scenario defines.
#[test]
fn validate_names_the_scenario_a_package_error_comes_with() {
    let dir = tempfile::tempdir().unwrap();
    let with_trigger = short_cutoff_text();
    std::fs::write(dir.path().join("with.toml"), &with_trigger).unwrap();
    let without = with_trigger.replace("[triggers]\ninvasion = 2022-02-24\n", "");
    assert_ne!(without, with_trigger);
    std::fs::write(dir.path().join("without.toml"), without).unwrap();
    std::fs::write(
        dir.path().join("pkg.toml"),
        "name = \"pkg\"\ntrigger = \"invasion\"\n\n[[measures]]\ntype = \"demand_reduction\"\npreset = \"eu_coordinated_15pct\"\n",
    )
    .unwrap();
    let output = gasbuffer(
        &[
            "validate",
            "--against-dataset",
            "with.toml",
            "without.toml",
            "pkg.toml",
        ],
        dir.path(),
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(3), "{}", text(&output.stdout));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("pkg.toml:2:11"), "{stderr}");
    assert!(stderr.contains("(with scenario without.toml)"), "{stderr}");
    assert!(!stderr.contains("with.toml,"), "{stderr}");
}
