//! `docs/scenarios.md`, the reference of scenario and package files, is checked
//! against the readers so that it cannot drift from the code.
//!
//! Convention for the fenced blocks of the doc (the word after `toml`):
//! - ```` ```toml scenario ````: a complete scenario file; parsed with `parse_scenario`.
//! - ```` ```toml package ````: a complete package file; parsed with `parse_package`.
//! - ```` ```toml event ````: `[[events]]` tables appended to the first scenario block.
//! - ```` ```toml measure ````: `[[measures]]` tables appended to the first package block.
//! - ```` ```toml invalid-scenario ````: must fail with exactly the lines of the
//!   ```` ```text ```` block that follows it (the file label is the text before the
//!   first `:` of its first line).
//!
//! Every toml block must carry one of these marks. The examples must also build
//! against the bundled dataset (packages on the first scenario block), every event
//! and measure type must have an example, and every key the readers accept must be
//! named (as `` `key` ``) in the section of the doc that documents its table or type.

use gas_scenario::package::{MEASURE_TYPES, PACKAGE_KEYS};
use gas_scenario::scenario::{EVENT_TYPES, SCENARIO_KEYS};
use gas_scenario::{
    build, parse_package, parse_scenario, EventKind, FileErrors, MeasureKind, Package, Scenario,
};
use std::collections::BTreeSet;
use std::path::Path;

const DOC: &str = "docs/scenarios.md";

fn doc() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(DOC);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A fenced block: its info string, the doc line of its opening fence, its text.
struct Block {
    info: String,
    line: usize,
    text: String,
}

fn blocks(doc: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (i, line) in doc.lines().enumerate() {
        match open.as_mut() {
            None => {
                if let Some(info) = line.strip_prefix("```") {
                    open = Some(Block {
                        info: info.trim().to_string(),
                        line: i + 1,
                        text: String::new(),
                    });
                }
            }
            Some(block) => {
                if line.trim_end() == "```" {
                    blocks.extend(open.take());
                } else {
                    block.text.push_str(line);
                    block.text.push('\n');
                }
            }
        }
    }
    assert!(open.is_none(), "{DOC}: a fenced block is not closed");
    blocks
}

/// What a toml block is, from the word after `toml` in its info string.
fn mark(block: &Block) -> Option<&str> {
    let mut words = block.info.split_whitespace();
    (words.next() == Some("toml")).then(|| words.next().unwrap_or(""))
}

/// Every toml example of the doc, parsed.
struct Examples {
    scenarios: Vec<(usize, Scenario)>,
    packages: Vec<(usize, Package)>,
    /// (doc line, label, text, expected messages) of each invalid example.
    invalid: Vec<(usize, String, String, String)>,
    failures: Vec<String>,
}

fn examples() -> Examples {
    let doc = doc();
    let blocks = blocks(&doc);
    let first = |wanted: &str| {
        blocks
            .iter()
            .find(|b| mark(b) == Some(wanted))
            .map(|b| b.text.clone())
            .unwrap_or_default()
    };
    let (base_scenario, base_package) = (first("scenario"), first("package"));
    // Fragments are parsed appended to the first block of their kind, so their
    // errors count lines from the start of that block.
    let base_line = |wanted: &str| {
        blocks
            .iter()
            .find(|b| mark(b) == Some(wanted))
            .map_or(0, |b| b.line)
    };
    let mut examples = Examples {
        scenarios: Vec::new(),
        packages: Vec::new(),
        invalid: Vec::new(),
        failures: Vec::new(),
    };
    for (i, block) in blocks.iter().enumerate() {
        let Some(mark) = mark(block) else { continue };
        let label = match mark {
            "event" => format!(
                "{DOC} block at line {} appended to the block at line {}",
                block.line,
                base_line("scenario")
            ),
            "measure" => format!(
                "{DOC} block at line {} appended to the block at line {}",
                block.line,
                base_line("package")
            ),
            _ => format!("{DOC} block at line {}", block.line),
        };
        let scenario = |text: &str| parse_scenario(text, &label);
        let package = |text: &str| parse_package(text, &label);
        let failed = |errors: FileErrors| format!("{label} ({mark}) does not parse:\n{errors}");
        match mark {
            "scenario" => match scenario(&block.text) {
                Ok(parsed) => examples.scenarios.push((block.line, parsed)),
                Err(errors) => examples.failures.push(failed(errors)),
            },
            "event" => match scenario(&format!("{base_scenario}\n{}", block.text)) {
                Ok(parsed) => examples.scenarios.push((block.line, parsed)),
                Err(errors) => examples.failures.push(failed(errors)),
            },
            "package" => match package(&block.text) {
                Ok(parsed) => examples.packages.push((block.line, parsed)),
                Err(errors) => examples.failures.push(failed(errors)),
            },
            "measure" => match package(&format!("{base_package}\n{}", block.text)) {
                Ok(parsed) => examples.packages.push((block.line, parsed)),
                Err(errors) => examples.failures.push(failed(errors)),
            },
            "invalid-scenario" => match blocks.get(i + 1) {
                Some(next) if next.info == "text" => {
                    let file = next.text.split(':').next().unwrap_or("").to_string();
                    examples.invalid.push((
                        block.line,
                        file,
                        block.text.clone(),
                        next.text.trim_end().to_string(),
                    ));
                }
                _ => examples.failures.push(format!(
                    "{label}: an invalid-scenario block must be followed by a ```text block of its messages"
                )),
            },
            other => examples.failures.push(format!(
                "{label}: unknown mark \"toml {other}\" (use toml scenario, package, event, measure or invalid-scenario)"
            )),
        }
    }
    examples
}

fn event_type(kind: &EventKind) -> &'static str {
    match kind {
        EventKind::RouteCutoff { .. } => "route_cutoff",
        EventKind::LngAvailability { .. } => "lng_availability",
        EventKind::Outage { .. } => "outage",
        EventKind::DemandShock { .. } => "demand_shock",
        EventKind::ColdSpell { .. } => "cold_spell",
    }
}

fn measure_type(kind: &MeasureKind) -> &'static str {
    match kind {
        MeasureKind::Embargo { .. } => "embargo",
        MeasureKind::RouteStatus { .. } => "route_status",
        MeasureKind::PriceCap { .. } => "price_cap",
        MeasureKind::ExtraLng { .. } => "extra_lng",
        MeasureKind::PipelineIncrease { .. } => "pipeline_increase",
        MeasureKind::FuelSwitching { .. } => "fuel_switching",
        MeasureKind::DemandReduction { .. } => "demand_reduction",
        MeasureKind::StorageTargets { .. } => "storage_targets",
        MeasureKind::StrategicReserve { .. } => "strategic_reserve",
        MeasureKind::Solidarity { .. } => "solidarity",
    }
}

#[test]
fn every_toml_block_of_the_doc_is_marked_and_parses() {
    let examples = examples();
    assert!(
        examples.failures.is_empty(),
        "{}",
        examples.failures.join("\n\n")
    );
    assert!(!examples.scenarios.is_empty() && !examples.packages.is_empty());
}

#[test]
fn every_event_and_measure_type_has_an_example() {
    let examples = examples();
    let events: BTreeSet<&str> = examples
        .scenarios
        .iter()
        .flat_map(|(_, s)| s.events.iter().map(|e| event_type(&e.kind)))
        .collect();
    let measures: BTreeSet<&str> = examples
        .packages
        .iter()
        .flat_map(|(_, p)| p.measures.iter().map(|m| measure_type(&m.kind)))
        .collect();
    let missing: Vec<&str> = EVENT_TYPES
        .iter()
        .chain(&MEASURE_TYPES)
        .filter(|t| !events.contains(*t) && !measures.contains(*t))
        .copied()
        .collect();
    assert!(
        missing.is_empty(),
        "{DOC} has no parsed example of: {}",
        missing.join(", ")
    );
}

#[test]
fn invalid_examples_fail_with_the_documented_messages() {
    let examples = examples();
    assert!(!examples.invalid.is_empty(), "{DOC}: no invalid example");
    for (line, file, text, expected) in &examples.invalid {
        let errors = parse_scenario(text, file)
            .err()
            .unwrap_or_else(|| panic!("{DOC} line {line}: the invalid example parses"));
        let found: Vec<String> = errors.0.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            found.join("\n"),
            *expected,
            "{DOC} line {line}: messages differ"
        );
    }
}

#[test]
fn every_example_builds_against_the_bundled_dataset() {
    let examples = examples();
    let dataset = gas_io::load_bundled().expect("bundled dataset loads");
    let mut failures = Vec::new();
    for (line, scenario) in &examples.scenarios {
        if let Err(errors) = build(&dataset, scenario, &[]) {
            failures.push(format!("{DOC} block at line {line}:\n{errors}"));
        }
    }
    let (_, base) = &examples.scenarios[0];
    for (line, package) in &examples.packages {
        if let Err(errors) = build(&dataset, base, std::slice::from_ref(package)) {
            failures.push(format!("{DOC} block at line {line}:\n{errors}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

// ---- the keys each reader accepts, taken from its unknown-key error ----

const PROBE: &str = "zz_probe";

/// The keys listed by the "expected one of the keys ..." error for `zz_probe`.
fn accepted(result: Result<(), FileErrors>, what: &str) -> Vec<String> {
    let errors = result.expect_err("the probe key is rejected");
    let error = errors
        .0
        .iter()
        .find(|e| e.key == PROBE || e.key.ends_with(&format!(".{PROBE}")))
        .unwrap_or_else(|| panic!("{what}: no unknown-key error for the probe:\n{errors}"));
    let list = error
        .expected
        .strip_prefix("one of the keys ")
        .unwrap_or_else(|| panic!("{what}: unexpected message {error}"));
    list.split(", ").map(str::to_string).collect()
}

fn scenario_keys(body: &str) -> Vec<String> {
    let text =
        format!("name = \"probe\"\n\n[period]\nstart = 2022-04-01\nend = 2022-04-30\n\n{body}");
    accepted(parse_scenario(&text, "probe.toml").map(|_| ()), body)
}

fn package_keys(body: &str) -> Vec<String> {
    let text = format!("name = \"probe\"\ntrigger = 2022-04-01\n\n{body}");
    accepted(parse_package(&text, "probe.toml").map(|_| ()), body)
}

#[test]
fn the_top_level_key_lists_are_what_the_readers_accept() {
    let text =
        format!("{PROBE} = 0\nname = \"probe\"\n[period]\nstart = 2022-04-01\nend = 2022-04-30\n");
    let scenario = accepted(parse_scenario(&text, "probe.toml").map(|_| ()), "scenario");
    assert_eq!(scenario, SCENARIO_KEYS, "update SCENARIO_KEYS");
    let text = format!("{PROBE} = 0\nname = \"probe\"\ntrigger = 2022-04-01\n");
    let package = accepted(parse_package(&text, "probe.toml").map(|_| ()), "package");
    assert_eq!(package, PACKAGE_KEYS, "update PACKAGE_KEYS");
}

/// The text of the doc section under `heading`, up to the next heading of any
/// level (lines inside fenced blocks are not headings).
fn section(doc: &str, heading: &str) -> String {
    let mut text = String::new();
    let mut inside = false;
    let mut fenced = false;
    for line in doc.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if !fenced && line.starts_with('#') {
            if inside {
                break;
            }
            inside = line.trim_end() == heading;
        }
        if inside {
            text.push_str(line);
            text.push('\n');
        }
    }
    assert!(!text.is_empty(), "{DOC} has no heading {heading:?}");
    text
}

#[test]
fn every_key_the_readers_accept_is_named_in_its_section() {
    let doc = doc();
    let mut checks: Vec<(String, Vec<String>, Vec<String>)> = Vec::new();
    let strings = |keys: &[&str]| keys.iter().map(|k| k.to_string()).collect::<Vec<_>>();
    checks.push((
        "scenario".into(),
        vec!["### Top-level keys".into()],
        strings(&SCENARIO_KEYS),
    ));
    checks.push((
        "package".into(),
        vec!["### Package top-level keys".into()],
        strings(&PACKAGE_KEYS),
    ));
    let period = {
        let text = format!(
            "name = \"probe\"\n[period]\nstart = 2022-04-01\nend = 2022-04-30\n{PROBE} = 0\n"
        );
        accepted(parse_scenario(&text, "probe.toml").map(|_| ()), "[period]")
    };
    checks.push(("[period]".into(), vec!["### `[period]`".into()], period));
    for (table, body) in [
        ("operation", "mode = \"rolling_horizon\"\n"),
        ("demand", "basis = \"year\"\n"),
        ("initial_storage", ""),
        ("curtailment", ""),
        ("storage", ""),
    ] {
        let keys = scenario_keys(&format!("[{table}]\n{body}{PROBE} = 0\n"));
        checks.push((format!("[{table}]"), vec![format!("### `[{table}]`")], keys));
    }
    for kind in EVENT_TYPES {
        let keys = scenario_keys(&format!("[[events]]\ntype = \"{kind}\"\n{PROBE} = 0\n"));
        checks.push((
            kind.to_string(),
            vec![format!("### `{kind}`"), "### Keys of every event".into()],
            keys,
        ));
    }
    for kind in MEASURE_TYPES {
        let keys = package_keys(&format!("[[measures]]\ntype = \"{kind}\"\n{PROBE} = 0\n"));
        checks.push((
            kind.to_string(),
            vec![format!("### `{kind}`"), "### Keys of every measure".into()],
            keys,
        ));
    }
    let target = package_keys(&format!(
        "[[measures]]\ntype = \"storage_targets\"\ntargets = [{{ {PROBE} = 0 }}]\n"
    ));
    checks.push((
        "storage_targets.targets".into(),
        vec!["### `storage_targets`".into()],
        target,
    ));

    let mut missing = Vec::new();
    for (what, headings, keys) in &checks {
        assert!(!keys.is_empty(), "{what}: no accepted keys found");
        let text: String = headings.iter().map(|h| section(&doc, h)).collect();
        for key in keys {
            if !text.contains(&format!("`{key}`")) {
                missing.push(format!("{what}: `{key}` (under {})", headings.join(" or ")));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{DOC} does not name these accepted keys:\n{}",
        missing.join("\n")
    );
}
