//! Arbitrary input never panics the loader: any bytes in any file give
//! `Ok` or located `InputErrors`. And any finite figures survive a write-then-read.

use gas_io::{load_dataset, write_dataset, TABLE_FILES};
use proptest::prelude::*;
use std::path::Path;

fn valid_fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid")
}

fn copy_fixture(to: &Path) {
    for file in TABLE_FILES {
        std::fs::copy(valid_fixture().join(file), to.join(file)).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_in_a_table_never_panic(
        table in 0..TABLE_FILES.len(),
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
    ) {
        let dir = tempfile::tempdir().unwrap();
        copy_fixture(dir.path());
        std::fs::write(dir.path().join(TABLE_FILES[table]), &bytes).unwrap();
        if let Err(errors) = load_dataset(dir.path()) {
            prop_assert!(!errors.is_empty());
            for error in errors.iter() {
                prop_assert!(error.file.starts_with(dir.path()));
            }
        }
    }

    #[test]
    fn csv_like_text_after_a_valid_header_never_panics(
        table in 0..TABLE_FILES.len(),
        body in "([-0-9a-zA-Z.,\"é:* ]{0,30}\n){0,6}",
    ) {
        let dir = tempfile::tempdir().unwrap();
        copy_fixture(dir.path());
        let path = dir.path().join(TABLE_FILES[table]);
        let original = std::fs::read_to_string(&path).unwrap();
        let header = original.lines().next().unwrap();
        std::fs::write(&path, format!("{header}\n{body}")).unwrap();
        let _ = load_dataset(dir.path());
    }

    #[test]
    fn finite_figures_survive_write_then_read(
        // Within the plausible ranges of gas_io::limits.
        working_gas in 0.0f64..2e3,
        injection in 0.0f64..1e5,
        fill in 0.0f64..100.0,
        price in -1e3f64..1e3,
    ) {
        let mut dataset = load_dataset(&valid_fixture()).unwrap();
        dataset.storage[0].working_gas_twh.0 = working_gas;
        dataset.storage[0].injection_capacity_gwh_d.0 = injection;
        dataset.storage_levels[0].full_pct = fill;
        dataset.prices_monthly[0].value_eur_mwh = Some(price);
        let dir = tempfile::tempdir().unwrap();
        write_dataset(&dataset, dir.path()).unwrap();
        let again = load_dataset(dir.path()).unwrap();
        prop_assert_eq!(again, dataset);
    }
}
