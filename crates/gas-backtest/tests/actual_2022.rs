//! End-to-end backtest: the real `scenarios/actual-2022.toml` on the bundled
//! dataset, solved with the default network simplex.
//!
//! The EU bounds are the target (3 pp on each key date with an
//! observation). The zone bounds are the errors actually achieved (measured
//! 2026-11-29, see docs/validation.md), the 5 pp where it is met.

use gas_backtest::{run, EU};
use std::path::Path;

/// The target for the EU fill error on the five key dates, pp (measured, at the
/// nearest observation within 21 days: -2.5 on 1 Apr 2022 (22 Apr), -1.7 on 1 Jul (27 Jun),
/// -0.5 on 1 Oct (27 Sep), -0.3 on 1 Nov 2022, -2.8 on 1 Apr 2023 (18 Mar)).
const EU_KEY_DATE_BOUND_PP: f64 = 3.0;
/// Achieved bound on the EU mean absolute error over all observed dates, pp (measured 1.5
/// since every member's production is in the dataset; 0.7 before, when Corrib's volume
/// was credited to the continent, see docs/validation.md).
const EU_MAE_BOUND_PP: f64 = 2.0;
/// Bounds on the mean absolute error of the five largest zones, pp. The target
/// is 5 pp: DE (measured 3.9) meets it; IT (12.2), NL (6.0), FR (22.0) and AT (14.8) do
/// not, for the reasons in docs/validation.md, and are bounded at their measured values
/// with a margin. Equally optimal solver paths move these by up to 1.9 pp
/// (`cargo run --release -p gas-backtest --example path_spread`, docs/validation.md): DE
/// 3.0-3.9, IT 12.2-12.5, NL 6.0-7.9, AT 14.7-16.3.
const ZONE_MAE_BOUNDS_PP: [(&str, f64); 5] = [
    ("DE", 5.0),
    ("IT", 14.0),
    ("NL", 9.0),
    ("FR", 25.0),
    ("AT", 18.0),
];

#[test]
fn actual_2022_replay_tracks_the_observed_eu_fill() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let scenario = gas_scenario::load_scenario(&root.join("scenarios/actual-2022.toml")).unwrap();
    let dataset = gas_io::load_dataset(&root.join("data")).unwrap();
    let solver = gas_lp::NetworkSimplex::default();
    let backtest = run(
        &dataset,
        &scenario,
        &[],
        &solver,
        &gas_model::RunOptions::default(),
    )
    .unwrap();
    assert_eq!(backtest.results.status, gas_core::RunStatus::Optimal);

    println!(
        "{}",
        gas_backtest::output::error_table(&backtest.table, &[])
    );
    let overflow_twh: f64 = backtest.overflow.iter().map(|o| o.twh).sum();
    println!(
        "curtailment {:.1} TWh, spill {:.1} TWh, overflow {overflow_twh:.1} TWh",
        backtest.eu_curtailment_twh(),
        backtest.eu_spill_twh()
    );
    let eu = backtest.table.zone(EU).unwrap();
    assert!(eu.observations > 80, "{} EU observations", eu.observations);
    assert!(
        eu.mean_abs_error_pp <= EU_MAE_BOUND_PP,
        "EU MAE {:.2}",
        eu.mean_abs_error_pp
    );
    let mut compared = 0;
    for key in &eu.key_dates {
        if let Some(error) = key.error_pp {
            compared += 1;
            assert!(
                error.abs() <= EU_KEY_DATE_BOUND_PP,
                "EU error on {} (obs {:?}): {error:.2}",
                key.target,
                key.used
            );
        }
    }
    // Every key date has an observation within 21 days (1 Apr 2022: 22 Apr; 1 Apr 2023: 18 Mar).
    assert_eq!(compared, 5);

    for (zone, bound) in ZONE_MAE_BOUNDS_PP {
        let stats = backtest.table.zone(zone).unwrap();
        assert!(
            stats.mean_abs_error_pp <= bound,
            "{zone} MAE {:.2}",
            stats.mean_abs_error_pp
        );
    }
    // The observed inputs nearly balance against ≈ 6,500 TWh of supply (measured:
    // curtailment 3.9 TWh, spill 27.6 TWh of which 15.8 TWh is Lithuania's transit to
    // Kaliningrad, overflow beyond the dataset's pipeline capacity 74.5 TWh).
    assert!(
        backtest.eu_curtailment_twh() < 15.0,
        "curtailment {:.1} TWh",
        backtest.eu_curtailment_twh()
    );
    assert!(
        backtest.eu_spill_twh() < 50.0,
        "spill {:.1} TWh",
        backtest.eu_spill_twh()
    );
    assert!(overflow_twh < 100.0, "overflow {overflow_twh:.1} TWh");
}
