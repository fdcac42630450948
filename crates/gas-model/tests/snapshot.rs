//! Per-constraint snapshot: the MPS text of a tiny system with one of every
//! component, compared with `tests/snapshots/tiny.mps`.
//!
//! Regenerate after an intended change with
//! `GASBUFFER_BLESS=1 cargo test -p gas-model --test snapshot` and review the diff.

use gas_model::synthetic::{europe_with, Shape};

#[test]
fn the_lp_of_a_tiny_system_matches_its_snapshot() {
    let system = europe_with(
        3,
        Shape {
            zones: 2,
            days: 2,
            extra_links: 0,
        },
    );
    let mut out = Vec::new();
    gas_model::export_mps(&system, &mut out).expect("export");
    let text = String::from_utf8(out).expect("utf-8");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/tiny.mps");
    if std::env::var_os("GASBUFFER_BLESS").is_some() {
        std::fs::write(&path, &text).expect("write snapshot");
    }
    let expected =
        std::fs::read_to_string(&path).expect("snapshot missing: run with GASBUFFER_BLESS=1");
    assert_eq!(
        text, expected,
        "the LP changed; review and bless if intended"
    );
}
