//! Importers on small hand-made files (tests/fixtures/) and, where the shared
//! reference folder is beside the repository, on the real downloads.

use chrono::{Datelike, NaiveDate};
use gas_core::dataset::Dataset;
use gas_io::import::{import_agsi, import_entsog, import_eurostat, ImportError};
use gas_io::{bundled_dataset_dir, load_dataset, TABLE_FILES};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A temporary copy of a dataset folder.
fn copy_of(dir: &Path) -> tempfile::TempDir {
    let target = tempfile::tempdir().unwrap();
    for file in TABLE_FILES {
        std::fs::copy(dir.join(file), target.path().join(file)).unwrap();
    }
    target
}

fn messages(error: ImportError, base: &Path) -> Vec<String> {
    match error {
        ImportError::Input(errors) => errors
            .iter()
            .map(|e| e.relative_to(base).to_string())
            .collect(),
        other => panic!("expected input errors, got {other}"),
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn level(d: &Dataset, date: &str, zone: &str) -> (f64, f64, f64) {
    let r = d
        .storage_levels
        .iter()
        .find(|r| r.date == day(date) && r.zone == zone)
        .unwrap_or_else(|| panic!("no level {date} {zone}"));
    (
        r.gas_in_storage_twh.value(),
        r.full_pct,
        r.working_gas_twh.value(),
    )
}

#[test]
fn agsi_country_table_merges_levels_and_capacities() {
    let dir = copy_of(&fixture("valid"));
    let summary = import_agsi(
        &fixture("AGSI_CountryAggregatedDataset_gasDayStart_2022-09-27.csv"),
        dir.path(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // EU, DE, PL, UA are new levels; DE and PL capacities replaced, UA added.
    assert_eq!(
        (summary.tables[0].added, summary.tables[0].replaced),
        (4, 0)
    );
    assert_eq!(
        (summary.tables[1].added, summary.tables[1].replaced),
        (1, 2)
    );
    assert_eq!(summary.skipped.len(), 2, "{summary}"); // Ireland (no zone), Non-EU (aggregate)
    let d = load_dataset(dir.path()).unwrap();
    assert_eq!(level(&d, "2022-09-27", "DE"), (220.1, 91.0, 242.0));
    assert_eq!(level(&d, "2022-09-27", "EU"), (978.5, 88.2, 1109.4));
    assert_eq!(
        level(&d, "2021-09-27", "DE").2,
        242.0,
        "older levels are kept"
    );
    let de = d.storage.iter().find(|s| s.zone == "DE").unwrap();
    assert_eq!(
        (
            de.working_gas_twh.value(),
            de.injection_capacity_gwh_d.value(),
            de.withdrawal_capacity_gwh_d.value(),
            de.as_of
        ),
        (242.0, 3899.6, 6746.0, day("2022-09-27"))
    );
    assert_eq!(de.source, "gie_agsi_import");
    assert!(d.sources.iter().any(|s| s.id == "gie_agsi_import"));
    // Importing the same file again replaces, adds nothing.
    let again = import_agsi(
        &fixture("AGSI_CountryAggregatedDataset_gasDayStart_2022-09-27.csv"),
        dir.path(),
    )
    .unwrap();
    assert_eq!((again.tables[0].added, again.tables[0].replaced), (0, 4));
}

#[test]
fn agsi_api_csv_takes_capacities_from_the_latest_day() {
    let dir = copy_of(&fixture("valid"));
    let summary = import_agsi(&fixture("agsi_api_country_daily.csv"), dir.path())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (summary.tables[0].added, summary.tables[0].replaced),
        (3, 0)
    );
    assert_eq!(
        (summary.tables[1].added, summary.tables[1].replaced),
        (0, 2)
    );
    assert_eq!(summary.skipped.len(), 1, "{summary}"); // RS is not a zone of the fixture
    let d = load_dataset(dir.path()).unwrap();
    assert_eq!(level(&d, "2022-05-02", "DE"), (80.3, 32.9, 244.1));
    let de = d.storage.iter().find(|s| s.zone == "DE").unwrap();
    assert_eq!(de.as_of, day("2022-05-02"));
}

#[test]
fn agsi_errors_name_line_and_column() {
    let dir = copy_of(&fixture("valid"));
    let error = import_agsi(&fixture("agsi_broken.csv"), dir.path()).unwrap_err();
    assert_eq!(
        messages(error, &fixture("")),
        [
            r#"agsi_broken.csv:2: workingGasVolume: expected number, found "lots""#,
            r#"agsi_broken.csv:3: gasDayStart: expected date YYYY-MM-DD, found "01/05/2022""#,
            r#"agsi_broken.csv:3: withdrawalCapacity: expected non-negative number, found "-590.0""#,
        ]
    );
}

#[test]
fn errors_of_a_download_with_crlf_line_endings_and_comments_name_the_faulty_line() {
    // The broken AGSI file as saved on Windows, after two comment lines:
    // every line number is two more than in the original file.
    let dir = copy_of(&fixture("valid"));
    let original = std::fs::read_to_string(fixture("agsi_broken.csv")).unwrap();
    let download = dir.path().join("agsi_crlf.csv");
    let text = format!("# AGSI+ export\n# second comment\n{original}").replace('\n', "\r\n");
    std::fs::write(&download, text).unwrap();
    let error = import_agsi(&download, dir.path()).unwrap_err();
    assert_eq!(
        messages(error, dir.path()),
        vec![
            r#"agsi_crlf.csv:4: workingGasVolume: expected number, found "lots""#,
            r#"agsi_crlf.csv:5: gasDayStart: expected date YYYY-MM-DD, found "01/05/2022""#,
            r#"agsi_crlf.csv:5: withdrawalCapacity: expected non-negative number, found "-590.0""#,
        ]
    );
}

#[test]
fn a_missing_column_is_reported_at_the_header_line_after_comments() {
    let dir = copy_of(&fixture("valid"));
    let download = dir.path().join("entsog_no_value.csv");
    std::fs::write(
        &download,
        "# ENTSOG export\nperiodFrom,pointKey,directionKey,unit\n2022-06-01,ITP-00251,entry,kWh/d\n",
    )
    .unwrap();
    let error = import_entsog(&download, dir.path()).unwrap_err();
    assert_eq!(
        messages(error, dir.path()),
        vec!["entsog_no_value.csv:2: expected a column value or values, found nothing"]
    );
}

#[test]
fn a_utf16_download_is_one_error_that_names_its_encoding() {
    let dir = copy_of(&fixture("valid"));
    let original = std::fs::read_to_string(fixture("agsi_api_country_daily.csv")).unwrap();
    let download = dir.path().join("agsi_utf16.csv");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(original.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&download, bytes).unwrap();
    let error = import_agsi(&download, dir.path()).unwrap_err();
    assert_eq!(
        messages(error, dir.path()),
        vec![r#"agsi_utf16.csv: expected UTF-8 text (save it as CSV UTF-8), found "UTF-16 text""#]
    );
}

#[test]
fn entsog_flows_are_summed_per_route_and_day() {
    let dir = copy_of(&fixture("valid"));
    let summary = import_entsog(&fixture("entsog_physical_flows.csv"), dir.path())
        .unwrap_or_else(|e| panic!("{e}"));
    // NS1 on two days, YAMAL and UA-TRANSIT-PL on one each.
    assert_eq!(
        (summary.tables[0].added, summary.tables[0].replaced),
        (4, 0)
    );
    // Greifswald/GUD (a second report of the NEL flow) and MEDGAZ (not a route of the fixture).
    assert_eq!(summary.skipped.len(), 2, "{summary}");
    let d = load_dataset(dir.path()).unwrap();
    let flow = |date: &str, route: &str| {
        d.route_flows_daily
            .iter()
            .find(|f| f.date == day(date) && f.route == route)
            .map(|f| (f.flow_gwh_d.value(), f.flow_mcm_d))
    };
    // 600e6 + 1000e6 kWh/d = 1600 GWh/d = 151.659 mcm/d at 10.55 GWh/mcm.
    assert_eq!(flow("2022-06-01", "NS1"), Some((1600.0, 151.659)));
    // The NEL value is missing on 2022-06-02: a gap, not a zero.
    assert_eq!(flow("2022-06-02", "NS1"), Some((550.0, 52.133)));
    assert_eq!(flow("2022-06-01", "YAMAL"), Some((0.0, 0.0)));
    assert_eq!(flow("2022-06-02", "UA-TRANSIT-PL"), Some((135.6, 12.853)));
}

#[test]
fn entsog_errors_name_line_and_column() {
    let dir = copy_of(&fixture("valid"));
    let error = import_entsog(&fixture("entsog_broken.csv"), dir.path()).unwrap_err();
    assert_eq!(
        messages(error, &fixture("")),
        [
            r#"entsog_broken.csv:2: unit: expected kWh/d, found "kWh/h""#,
            r#"entsog_broken.csv:3: periodFrom: expected date YYYY-MM-DD (optionally followed by a time), found "2022-13-01T06:00:00+02:00""#,
            r#"entsog_broken.csv:4: value: expected number, found "many""#,
        ]
    );
}

fn monthly_total(d: &Dataset, zone: &str, year: i32, month: u32) -> Option<f64> {
    d.demand_monthly
        .iter()
        .find(|r| {
            r.zone == zone
                && r.year == year
                && r.month == month
                && r.sector == gas_core::dataset::DemandSector::Total
        })
        .map(|r| r.demand_twh.value())
}

/// What the Eurostat importer says about PL 2021, whose only month in the fixture
/// files is January (the valid fixture has no PL months).
const PL_2021_SKIPPED: &str = "PL 2021: the file has months 1 only, and demand_monthly.csv needs all 12 months of a zone-year (a missing month would be zero demand)";

#[test]
fn eurostat_sdmx_csv_gives_monthly_totals_in_twh() {
    let dir = copy_of(&fixture("valid"));
    let summary = import_eurostat(&fixture("eurostat_nrg_cb_gasm.csv"), dir.path())
        .unwrap_or_else(|e| panic!("{e}"));
    // DE 2021-01 replaces the fixture's total; EU 2021-01 is new (the EU aggregate
    // is informational, it need not have every month).
    assert_eq!(
        (summary.tables[0].added, summary.tables[0].replaced),
        (1, 1)
    );
    assert_eq!(
        summary.skipped,
        [PL_2021_SKIPPED, "XK: zone not in zones.csv"]
    );
    let d = load_dataset(dir.path()).unwrap();
    // 432,000 TJ / 3600 = 120 TWh (TJ_GCV wins over the MIO_M3 row of the same month).
    assert_eq!(monthly_total(&d, "DE", 2021, 1), Some(120.0));
    assert_eq!(monthly_total(&d, "EU", 2021, 1), Some(500.0));
    assert_eq!(
        monthly_total(&d, "DE", 2021, 2),
        Some(120.0),
        "an empty value is not a zero: the fixture's row is kept"
    );
    assert_eq!(
        monthly_total(&d, "DE", 2021, 12),
        Some(120.0),
        "other months are kept"
    );
}

/// An import rewrites `demand_monthly.csv` in the bundled table's order (zone, year,
/// month, then the sector's file word), so rows it does not import keep their place.
#[test]
fn eurostat_keeps_the_table_s_row_order() {
    let dir = copy_of(&fixture("valid"));
    let path = dir.path().join("demand_monthly.csv");
    let mut table = std::fs::read_to_string(&path).unwrap();
    for month in 1..=12 {
        for sector in ["industry", "other", "power"] {
            table.push_str(&format!("DE,2021,{month},{sector},10,s1,A:gasm\n"));
        }
    }
    std::fs::write(&path, table).unwrap();
    // The sectors of DE's March 2021 rows, in file order.
    let sectors_of_march = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| line.starts_with("DE,2021,3,"))
            .map(|line| line.split(',').nth(3).unwrap().to_string())
            .collect()
    };
    import_eurostat(&fixture("eurostat_nrg_cb_gasm.csv"), dir.path())
        .unwrap_or_else(|e| panic!("{e}"));
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        sectors_of_march(&written),
        ["households_services", "industry", "other", "power", "total"]
    );
}

/// A zone-year that the import would leave with some months only is not
/// imported (it would read as zero demand in the others) and is listed.
#[test]
fn eurostat_leaves_out_zone_years_it_would_leave_incomplete() {
    let dir = copy_of(&fixture("valid"));
    let summary = import_eurostat(&fixture("eurostat_nrg_cb_gasm.csv"), dir.path())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        summary.skipped.iter().any(|s| s == PL_2021_SKIPPED),
        "{summary}"
    );
    let d = load_dataset(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!d.demand_monthly.iter().any(|r| r.zone == "PL"));
}

#[test]
fn eurostat_tsv_reads_flags_and_missing_values() {
    let dir = copy_of(&fixture("valid"));
    let summary = import_eurostat(&fixture("eurostat_nrg_cb_gasm.tsv"), dir.path())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (summary.tables[0].added, summary.tables[0].replaced),
        (0, 2)
    );
    assert_eq!(
        summary.skipped,
        ["GR: zone not in zones.csv", PL_2021_SKIPPED]
    );
    let d = load_dataset(dir.path()).unwrap();
    assert_eq!(monthly_total(&d, "DE", 2021, 2), Some(100.0)); // "360000 p"
    assert_eq!(monthly_total(&d, "PL", 2021, 2), None); // ":"
}

/// `../shared/reference` beside the repository (CI has it); `None` with a note otherwise.
fn reference() -> Option<PathBuf> {
    let dir = bundled_dataset_dir().join("../../shared/reference");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "note: {} not found; real-data import test skipped",
            dir.display()
        );
        None
    }
}

/// GIE AGSI+ country table of 2021-09-27 (cristobal-GC/energy extract): the EU row is 1,109.4142 TWh.
#[test]
fn real_agsi_country_tables_import_into_the_bundled_dataset() {
    let Some(reference) = reference() else { return };
    let dir = copy_of(&bundled_dataset_dir());
    let file =
        reference.join("cristobal_energy/AGSI_CountryAggregatedDataset_gasDayStart_2021-09-27.csv");
    let summary = import_agsi(&file, dir.path()).unwrap_or_else(|e| panic!("{e}"));
    println!("{summary}");
    let d = load_dataset(dir.path()).unwrap();
    assert_eq!(level(&d, "2021-09-27", "EU").2, 1109.4142);
    let de = d.storage.iter().find(|s| s.zone == "DE").unwrap();
    assert_eq!(de.working_gas_twh.value(), 242.0536);
    // The API-style daily file of summer 2022, and the 2024 file with facility rows.
    let daily =
        reference.join("agsi_country_daily_2022/agsi_country_daily_2022-04-24_2022-08-23.csv");
    let summary = import_agsi(&daily, dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        summary.tables[0].added + summary.tables[0].replaced > 1500,
        "{summary}"
    );
    let facilities =
        reference.join("cristobal_energy/AGSI_CountryAggregatedDataset_gasDayStart_2024-01-20.csv");
    import_agsi(&facilities, dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let d = load_dataset(dir.path()).unwrap();
    assert_eq!(level(&d, "2024-01-20", "EU").2, 1139.4835);
}

/// ENTSOG physical flows of 2021 (Bruegel's point extract, kWh/d): the imported NS1
/// and Ukraine-transit totals match Bruegel's own route series in the bundled data
/// (mcm/d x 10.30) within 2 %.
#[test]
fn real_entsog_flows_match_the_bundled_route_series() {
    let Some(reference) = reference() else { return };
    let bundled = load_dataset(&bundled_dataset_dir()).unwrap();
    let total = |d: &Dataset, routes: &[&str]| {
        d.route_flows_daily
            .iter()
            .filter(|f| f.date.year() == 2021 && routes.contains(&f.route.as_str()))
            .map(|f| f.flow_gwh_d.value() / 1000.0)
            .sum::<f64>()
    };
    let dir = copy_of(&bundled_dataset_dir());
    let file = reference.join("bruegel_gas_imports/entsog_points_2021manual_EU27.csv");
    let summary = import_entsog(&file, dir.path()).unwrap_or_else(|e| panic!("{e}"));
    println!("{summary}");
    let imported = load_dataset(dir.path()).unwrap();
    for (label, ours, theirs) in [
        ("NS1", vec!["NS1"], vec!["NS1"]),
        ("YAMAL", vec!["YAMAL"], vec!["YAMAL"]),
    ] {
        let a = total(&imported, &ours);
        let b = total(&bundled, &theirs);
        println!("{label} 2021: ENTSOG import {a:.1} TWh, bundled (Bruegel) {b:.1} TWh");
        assert!((a - b).abs() / b < 0.02, "{label}: {a} vs {b}");
    }
}

/// A figure of the downloaded file outside the dataset's range is reported at
/// that file's line and column, with its own text (not at the line of the
/// target folder's file where the row would have gone).
#[test]
fn out_of_range_figures_are_errors_of_the_downloaded_file() {
    let dir = copy_of(&fixture("valid"));
    let files = tempfile::tempdir().unwrap();
    let agsi = files.path().join("agsi.csv");
    let text = std::fs::read_to_string(fixture("agsi_api_country_daily.csv")).unwrap();
    let line_4 =
        "Germany,DE,DE,2022-05-02,80.3,905.3,8.9,820.0,0.0,244.1,3900.0,6750.0,C,0.33,32.9";
    assert_eq!(text.lines().nth(3), Some(line_4));
    std::fs::write(
        &agsi,
        text.replace(line_4, &line_4.replace(",32.9", ",122.9")),
    )
    .unwrap();
    let error = import_agsi(&agsi, dir.path()).unwrap_err();
    assert_eq!(
        messages(error, files.path()),
        [
            r#"agsi.csv:4: full: expected number between 0 and 120 (as storage_levels.csv full_pct), found "122.9""#
        ]
    );

    let eurostat = files.path().join("gasm.csv");
    let text = std::fs::read_to_string(fixture("eurostat_nrg_cb_gasm.csv")).unwrap();
    std::fs::write(
        &eurostat,
        text.replace("DE,2021-01,432000,", "DE,2021-01,9e9,"),
    )
    .unwrap();
    let error = import_eurostat(&eurostat, dir.path()).unwrap_err();
    assert_eq!(
        messages(error, files.path()),
        [
            r#"gasm.csv:2: OBS_VALUE: expected non-negative number up to 2000 TWh (the EU27's largest month is about 600 TWh) (as demand_monthly.csv demand_twh), found "9e9""#
        ]
    );
    // Nothing was written.
    assert_eq!(
        std::fs::read(dir.path().join("storage_levels.csv")).unwrap(),
        std::fs::read(fixture("valid/storage_levels.csv")).unwrap()
    );
}
