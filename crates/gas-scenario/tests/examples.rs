//! Every shipped scenario and package parses and builds against the bundled
//! dataset; each scenario (alone and with every package) is dispatched once.

use gas_scenario::{build, load_package, load_scenario, Package, Scenario};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join(folder))
        .expect("folder exists")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    files
}

fn scenarios() -> Vec<Scenario> {
    files("scenarios")
        .iter()
        .map(|path| load_scenario(path).unwrap_or_else(|errors| panic!("{errors}")))
        .collect()
}

fn packages() -> Vec<Package> {
    files("packages")
        .iter()
        .map(|path| load_package(path).unwrap_or_else(|errors| panic!("{errors}")))
        .collect()
}

#[test]
fn the_shipped_files_are_the_expected_ones() {
    let names: Vec<String> = scenarios().into_iter().map(|s| s.name).collect();
    for expected in [
        "baseline-2022",
        "russia-full-cutoff",
        "ukraine-transit-stop",
        "nord-stream-2022-actual-cuts",
        "cold-winter",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "missing scenario {expected}"
        );
    }
    let names: Vec<String> = packages().into_iter().map(|p| p.name.value).collect();
    for expected in [
        "do-nothing",
        "eu-contingency",
        "russian-lng-embargo",
        "nord-stream-2-blocked",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "missing package {expected}"
        );
    }
}

#[test]
fn every_scenario_builds_alone_with_each_package_and_with_all() {
    let dataset = gas_io::load_bundled().expect("bundled dataset loads");
    let packages = packages();
    for scenario in scenarios() {
        let built =
            build(&dataset, &scenario, &[]).unwrap_or_else(|e| panic!("{}: {e}", scenario.name));
        assert_eq!(built.system.period.days, scenario.period.days);
        assert!(!built.system.demands.is_empty());
        assert_eq!(built.applied.len(), scenario.events.len());
        if scenario.name == "baseline-2022" {
            for package in &packages {
                build(&dataset, &scenario, std::slice::from_ref(package))
                    .unwrap_or_else(|e| panic!("{} + {}: {e}", scenario.name, package.name.value));
            }
        }
        build(&dataset, &scenario, &packages)
            .unwrap_or_else(|e| panic!("{} + all: {e}", scenario.name));
    }
}

#[test]
fn the_russian_cutoff_zeroes_every_russian_route_and_lng_tranche() {
    let dataset = gas_io::load_bundled().expect("bundled dataset loads");
    let scenario =
        load_scenario(&repo().join("scenarios/russia-full-cutoff.toml")).expect("parses");
    let built = build(&dataset, &scenario, &[]).expect("builds");
    let ru = built.system.origin_by_code("RU").expect("RU origin");
    for route in built.system.routes.iter().filter(|r| r.origin == ru) {
        assert!(
            route.capacity_gwh_d.iter().all(|c| c.value() == 0.0),
            "{}",
            route.code
        );
    }
    for supply in built.system.lng_supplies.iter().filter(|s| s.origin == ru) {
        for tranche in &supply.tranches {
            assert!(tranche.capacity_gwh_d.iter().all(|c| c.value() == 0.0));
        }
    }
}

/// Each scenario once through the dispatch (a full-year solve takes ~30 s in a debug
/// build, well under a second in release); with the contingency package on top only
/// in release builds.
#[test]
fn each_scenario_dispatches_with_the_network_solver() {
    let dataset = gas_io::load_bundled().expect("bundled dataset loads");
    let contingency = load_package(&repo().join("packages/eu-contingency.toml")).expect("parses");
    for scenario in scenarios() {
        let mut runs = vec![vec![]];
        if !cfg!(debug_assertions) {
            runs.push(vec![contingency.clone()]);
        }
        for packages in runs {
            let built = build(&dataset, &scenario, &packages).expect("builds");
            let results = gas_model::run(&built.system, &gas_lp::NetworkSimplex::default())
                .unwrap_or_else(|e| panic!("{}: {e}", scenario.name));
            assert!(results.objective_keur.is_finite(), "{}", scenario.name);
        }
    }
}
