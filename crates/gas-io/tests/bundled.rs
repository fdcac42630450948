//! The bundled `data/` folder: it loads, it round-trips, and its aggregates
//! match the published totals listed in `data/checks.csv`.

use chrono::Datelike;
use gas_core::dataset::{Dataset, DemandSector};
use gas_io::{bundled_dataset_dir, load_bundled, load_dataset, write_dataset, TABLE_FILES};

fn bundled() -> Dataset {
    match load_dataset(&bundled_dataset_dir()) {
        Ok(d) => d,
        Err(errors) => panic!("the bundled dataset must load:\n{errors}"),
    }
}

#[test]
fn the_bundled_folder_loads_without_errors() {
    let d = bundled();
    assert!(d.zones.len() >= 30, "{} zones", d.zones.len());
    assert!(!d.route_flows_daily.is_empty());
}

#[test]
fn the_compiled_in_copy_equals_the_folder() {
    let embedded = load_bundled().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(embedded, bundled());
}

#[test]
fn load_write_load_gives_the_same_dataset_and_the_same_bytes() {
    let d = bundled();
    let dir = tempfile::tempdir().unwrap();
    write_dataset(&d, dir.path()).unwrap();
    let again = load_dataset(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again, d);
    let mut differing = Vec::new();
    for file in TABLE_FILES {
        let original = std::fs::read(bundled_dataset_dir().join(file)).unwrap();
        let written = std::fs::read(dir.path().join(file)).unwrap();
        if original != written {
            differing.push(*file);
        }
    }
    assert!(
        differing.is_empty(),
        "files not byte-identical after a round trip: {differing:?}"
    );
}

/// The row of `data/checks.csv` with this id: (expected value, relative tolerance).
fn published(d: &Dataset, id: &str) -> (f64, f64) {
    let check = d
        .checks
        .iter()
        .find(|c| c.check_id == id)
        .unwrap_or_else(|| panic!("checks.csv has no {id}"));
    (check.expected_value, check.tolerance_rel)
}

fn assert_close(what: &str, measured: f64, expected: f64, tolerance_rel: f64) {
    let error = (measured - expected).abs() / expected.abs();
    println!(
        "{what}: measured {measured:.3}, published {expected}, error {:.2} % (tolerance {:.1} %)",
        error * 100.0,
        tolerance_rel * 100.0
    );
    assert!(
        error <= tolerance_rel,
        "{what}: measured {measured}, published {expected}"
    );
}

/// GIE AGSI+ EU row, 2021-09-27: about 1,100 TWh working gas (checks.csv `storage_eu_working_gas_2021`).
#[test]
fn eu_storage_working_gas_matches_agsi() {
    let d = bundled();
    let eu_members: Vec<&str> = d
        .zones
        .iter()
        .filter(|z| z.eu_member)
        .map(|z| z.id.as_str())
        .collect();
    let from_storage: f64 = d
        .storage
        .iter()
        .filter(|s| eu_members.contains(&s.zone.as_str()))
        .map(|s| s.working_gas_twh.value())
        .sum();
    let (expected, tolerance) = published(&d, "storage_eu_working_gas_2021");
    assert_close(
        "EU27 working gas, sum of storage.csv (TWh)",
        from_storage,
        expected,
        tolerance,
    );
}

/// Eurostat nrg_cb_gas, EU27 inland consumption 2021 (checks.csv `demand_eu_2021`).
#[test]
fn eu_inland_consumption_2021_matches_eurostat() {
    let d = bundled();
    let eu_total: f64 = d
        .demand_annual
        .iter()
        .filter(|r| r.zone == "EU" && r.year == 2021 && r.sector == DemandSector::Total)
        .map(|r| r.demand_twh.value())
        .sum();
    let (expected, tolerance) = published(&d, "demand_eu_2021");
    assert_close(
        "EU27 inland consumption 2021 (TWh)",
        eu_total,
        expected,
        tolerance,
    );
    let eu_members: Vec<&str> = d
        .zones
        .iter()
        .filter(|z| z.eu_member)
        .map(|z| z.id.as_str())
        .collect();
    let member_sum: f64 = d
        .demand_annual
        .iter()
        .filter(|r| {
            eu_members.contains(&r.zone.as_str())
                && r.year == 2021
                && r.sector == DemandSector::Total
        })
        .map(|r| r.demand_twh.value())
        .sum();
    assert_close(
        "EU27 members' 2021 demand vs EU row (TWh)",
        member_sum,
        eu_total,
        0.01,
    );
}

fn origin_flow_bcm(d: &Dataset, series: &str, year: i32) -> f64 {
    d.route_flows_daily
        .iter()
        .filter(|f| f.route == series && f.date.year() == year)
        .map(|f| f.flow_gwh_d.value() / 1000.0)
        .sum::<f64>()
        / gas_core::units::TWH_PER_BCM
}

/// Russian pipeline gas into the EU27: ≈ 140 bcm in 2021 (checks.csv `russia_pipeline_eu_2021`).
#[test]
fn russian_pipeline_deliveries_2021() {
    let d = bundled();
    let (expected, tolerance) = published(&d, "russia_pipeline_eu_2021");
    assert_close(
        "Russian pipeline gas to the EU27 2021 (bcm)",
        origin_flow_bcm(&d, "ORIGIN:RU", 2021),
        expected,
        tolerance,
    );
}

/// Russian pipeline gas into the EU27: ≈ 60 bcm in 2022 (checks.csv `russia_pipeline_eu_2022`).
#[test]
fn russian_pipeline_deliveries_2022() {
    let d = bundled();
    let (expected, tolerance) = published(&d, "russia_pipeline_eu_2022");
    assert_close(
        "Russian pipeline gas to the EU27 2022 (bcm)",
        origin_flow_bcm(&d, "ORIGIN:RU", 2022),
        expected,
        tolerance,
    );
}

/// GIE ALSI DTRS, EU row 2022-09-20: 5,904.1 GWh/d (checks.csv `lng_eu_sendout_2022`).
#[test]
fn eu_lng_sendout_matches_alsi() {
    let d = bundled();
    let eu_members: Vec<&str> = d
        .zones
        .iter()
        .filter(|z| z.eu_member)
        .map(|z| z.id.as_str())
        .collect();
    let day = chrono::NaiveDate::from_ymd_opt(2022, 9, 20).unwrap();
    // The ALSI country aggregates valid on that day (rows without a start date: the
    // aggregates themselves; terminals that started later are not in the EU row).
    let sendout: f64 = d
        .lng_terminals
        .iter()
        .filter(|t| eu_members.contains(&t.zone.as_str()))
        .filter(|t| t.status == gas_core::dataset::LngTerminalStatus::Operating)
        .filter(|t| {
            t.valid_from.is_none_or(|from| from <= day) && t.valid_to.is_none_or(|to| to >= day)
        })
        .filter_map(|t| t.sendout_capacity_gwh_d)
        .map(|c| c.value())
        .sum();
    let (expected, tolerance) = published(&d, "lng_eu_sendout_2022");
    assert_close(
        "EU LNG send-out capacity on 2022-09-20 (GWh/d)",
        sendout,
        expected,
        tolerance,
    );
}
