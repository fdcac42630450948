//! The ledger closes on a real run of the bundled dataset: Russia's revenue is
//! the sum over Russian routes and LNG of volume x price, recomputed here from the
//! daily results; package costs are the differences of the two runs.

use gas_app::run::{RunSettings, RUSSIAN_ORIGINS};
use gas_app::{inputs, run};
use gas_metrics::ledger::LedgerCategory;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn russian_revenue_is_volume_times_price_and_package_costs_are_run_differences() {
    let scenario_path = repo().join("scenarios/nord-stream-2022-actual-cuts.toml");
    let package = repo().join("packages/russian-lng-embargo.toml");
    let (scenario, packages, _) = inputs::load_files(&scenario_path, &[package]).unwrap();
    let (dataset, _) = inputs::load_dataset_for(&scenario, Some(&scenario_path), None).unwrap();
    let solver = gas_lp::default_solver();
    let settings = RunSettings::default();
    let with = run(&dataset, &scenario, &packages, solver.as_ref(), &settings).unwrap();
    let without = run(&dataset, &scenario, &[], solver.as_ref(), &settings).unwrap();

    // Recompute Russia's revenue from the daily flows and prices.
    let system = &with.built.system;
    let russian = |origin: gas_core::OriginId| {
        RUSSIAN_ORIGINS.contains(&system.origins[origin.index()].code.as_str())
    };
    let mut keur = 0.0;
    for (index, route) in system.routes.iter().enumerate() {
        if russian(route.origin) {
            for day in 0..system.period.days {
                keur += with.results.route_flow_gwh_d[index][day].value()
                    * route.price_eur_mwh[day].value();
            }
        }
    }
    for (index, supply) in system.lng_supplies.iter().enumerate() {
        if russian(supply.origin) {
            for (step, tranche) in supply.tranches.iter().enumerate() {
                for day in 0..system.period.days {
                    keur += with.results.lng_tranche_gwh_d[index][step][day].value()
                        * tranche.price_eur_mwh[day].value();
                }
            }
        }
    }
    let (_, revenue_meur) = with.ledger.total(LedgerCategory::RussiaExportRevenue);
    assert!(
        keur > 0.0,
        "Russia still delivers by pipeline in this scenario"
    );
    assert!(
        (revenue_meur - keur / 1000.0).abs() <= 1e-9 * revenue_meur.abs().max(1.0),
        "ledger {revenue_meur} MEUR vs recomputed {} MEUR",
        keur / 1000.0
    );

    // The package cost is the difference of the two runs' ledgers.
    let cost = with.versus_do_nothing.as_ref().unwrap().cost;
    let russia =
        |outcome: &gas_app::RunOutcome| outcome.ledger.total(LedgerCategory::RussiaExportRevenue).1;
    let europe = |outcome: &gas_app::RunOutcome| {
        outcome.ledger.total(LedgerCategory::ImportBill).1
            + outcome.ledger.total(LedgerCategory::CurtailmentCost).1
    };
    let us = |outcome: &gas_app::RunOutcome| outcome.ledger.total(LedgerCategory::UsLngRevenue).1;
    assert!((cost.cost_to_russia_meur - (russia(&without) - russia(&with))).abs() < 1e-6);
    assert!((cost.cost_to_europe_meur - (europe(&with) - europe(&without))).abs() < 1e-6);
    assert!((cost.cost_to_us_meur - (us(&without) - us(&with))).abs() < 1e-6);
}
