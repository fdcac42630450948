//! Every folder under `tests/broken/` is the valid fixture with one defect;
//! loading it must give exactly the messages of its `expected.txt`.
//! (`tests/broken/make_cases.py` regenerates the folders.)

mod common;

use common::messages;

use gas_io::load_dataset;
use std::path::Path;

#[test]
fn the_valid_fixture_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    if let Err(errors) = load_dataset(&dir) {
        panic!("{}", messages(&errors, &dir).join("\n"));
    }
}

#[test]
fn each_broken_folder_gives_exactly_its_expected_messages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 15, "only {} broken cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let expected: Vec<String> = std::fs::read_to_string(case.join("expected.txt"))
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        let found = match load_dataset(case) {
            Ok(_) => vec!["(loaded without errors)".to_string()],
            Err(errors) => {
                // The count closes the message.
                let n = expected.len();
                let tail = format!("{n} input error{}", if n == 1 { "" } else { "s" });
                assert!(errors.to_string().ends_with(&tail), "{}", case.display());
                messages(&errors, case)
            }
        };
        if found != expected {
            failures.push(format!(
                "{}:\n  expected: {expected:#?}\n  found:    {found:#?}",
                case.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn errors_of_a_file_with_crlf_line_endings_name_the_faulty_line() {
    // A file saved on Windows: CRLF line endings, a BOM, and the defect on line 3.
    let valid = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&valid).unwrap().flatten() {
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let zones = std::fs::read_to_string(valid.join("zones.csv")).unwrap();
    let broken = zones
        .replacen("PL,Poland,true", "PL,Poland,yes", 1)
        .replace('\n', "\r\n");
    std::fs::write(dir.path().join("zones.csv"), format!("\u{feff}{broken}")).unwrap();
    let errors = load_dataset(dir.path()).unwrap_err();
    assert_eq!(
        messages(&errors, dir.path()),
        vec![r#"zones.csv:3: eu_member: expected true or false, found "yes""#]
    );
}

/// `text` as UTF-16 little-endian with its byte-order mark, as spreadsheets save
/// "Unicode text".
fn utf16(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

#[test]
fn a_utf16_file_is_one_error_that_names_its_encoding() {
    let valid = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&valid).unwrap().flatten() {
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let zones = std::fs::read_to_string(valid.join("zones.csv")).unwrap();
    std::fs::write(dir.path().join("zones.csv"), utf16(&zones)).unwrap();
    let errors = load_dataset(dir.path()).unwrap_err();
    assert_eq!(
        messages(&errors, dir.path()),
        vec!["zones.csv: expected UTF-8 text (save it as CSV UTF-8), found \"UTF-16 text\""]
    );
}
