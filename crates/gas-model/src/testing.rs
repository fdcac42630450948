//! Small hand-built systems and a solve helper for the unit tests.
//!
//! [`solve`] runs the network simplex and, with the `highs` feature, HiGHS too,
//! and checks that both agree (objective to 1e-6 relative; zone prices when the
//! caller says they are unique).

use crate::{run_with, RunOptions};
use gas_core::system::*;
use gas_core::units::*;
use gas_core::*;

pub(crate) fn date(month: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2022, month, day).unwrap()
}

/// Builds small systems; every storage starts with flat curves, no floor, value 0.
pub(crate) struct Builder {
    pub system: System,
}

impl Builder {
    pub fn new(days: usize) -> Builder {
        Builder {
            system: System {
                period: Period {
                    start: date(3, 1),
                    days,
                },
                zones: vec![],
                origins: vec![],
                pipelines: vec![],
                routes: vec![],
                lng_terminals: vec![],
                lng_supplies: vec![],
                production: vec![],
                storages: vec![],
                demands: vec![],
                settings: DispatchSettings {
                    storage_cycle_cost_eur_mwh: EurPerMwh(0.0),
                    // Hand-computed objectives: no fill-balancing reward unless a test sets it.
                    storage_balance_eur_mwh_day: EurPerMwh(0.0),
                    ..DispatchSettings::default()
                },
            },
        }
    }

    fn days(&self) -> usize {
        self.system.period.days
    }

    pub fn zone(&mut self, code: &str) -> ZoneId {
        self.system.zones.push(Zone {
            code: code.into(),
            name: code.into(),
        });
        ZoneId::from_index(self.system.zones.len() - 1)
    }

    pub fn origin(&mut self, code: &str) -> OriginId {
        self.system.origins.push(Origin {
            code: code.into(),
            name: code.into(),
        });
        OriginId::from_index(self.system.origins.len() - 1)
    }

    /// A demand with one tranche per `(share, penalty)`.
    pub fn demand(
        &mut self,
        zone: ZoneId,
        sector: Sector,
        gwh_d: Vec<f64>,
        tranches: &[(f64, f64)],
    ) -> DemandId {
        self.system.demands.push(Demand {
            zone,
            sector,
            demand_gwh_d: gwh_d.into_iter().map(GwhPerDay).collect(),
            curtailment: tranches
                .iter()
                .enumerate()
                .map(|(k, &(share, penalty))| {
                    CurtailmentTranche::constant(
                        format!("tranche {k}"),
                        share,
                        self.system.period.days,
                        EurPerMwh(penalty),
                    )
                })
                .collect(),
        });
        DemandId::from_index(self.system.demands.len() - 1)
    }

    /// Households demand, all curtailable at `penalty`.
    pub fn flat_demand(&mut self, zone: ZoneId, gwh_d: f64, penalty: f64) -> DemandId {
        let days = self.days();
        self.demand(
            zone,
            Sector::HouseholdsServices,
            vec![gwh_d; days],
            &[(1.0, penalty)],
        )
    }

    pub fn production(&mut self, zone: ZoneId, max: f64, price: f64) -> ProductionId {
        let days = self.days();
        self.system.production.push(Production {
            zone,
            max_gwh_d: vec![GwhPerDay(max); days],
            min_gwh_d: vec![GwhPerDay(0.0); days],
            price_eur_mwh: vec![EurPerMwh(price); days],
        });
        ProductionId::from_index(self.system.production.len() - 1)
    }

    pub fn route(&mut self, entry: ZoneId, capacity: Vec<f64>, price: Vec<f64>) -> RouteId {
        let origin = if self.system.origins.is_empty() {
            self.origin("RU")
        } else {
            OriginId(0)
        };
        let days = self.days();
        let code = format!("R{}", self.system.routes.len());
        self.system.routes.push(Route {
            code,
            origin,
            entry,
            capacity_gwh_d: capacity.into_iter().map(GwhPerDay).collect(),
            min_flow_gwh_d: vec![GwhPerDay(0.0); days],
            price_eur_mwh: price.into_iter().map(EurPerMwh).collect(),
        });
        RouteId::from_index(self.system.routes.len() - 1)
    }

    pub fn pipeline(&mut self, from: ZoneId, to: ZoneId, capacity: f64, tariff: f64) -> PipelineId {
        let days = self.days();
        let code = format!(
            "{}>{}",
            self.system.zones[from.index()].code,
            self.system.zones[to.index()].code
        );
        self.system.pipelines.push(Pipeline {
            code,
            from,
            to,
            capacity_gwh_d: vec![GwhPerDay(capacity); days],
            tariff_eur_mwh: EurPerMwh(tariff),
        });
        PipelineId::from_index(self.system.pipelines.len() - 1)
    }

    pub fn storage(
        &mut self,
        zone: ZoneId,
        working: f64,
        initial: f64,
        injection: f64,
        withdrawal: f64,
    ) -> StorageId {
        let days = self.days();
        let code = format!("UGS{}", self.system.storages.len());
        self.system.storages.push(Storage {
            code,
            zone,
            working_gas_gwh: Gwh(working),
            initial_level_gwh: Gwh(initial),
            injection_capacity_gwh_d: vec![GwhPerDay(injection); days],
            withdrawal_capacity_gwh_d: vec![GwhPerDay(withdrawal); days],
            withdrawal_curve: FillCurve::flat(),
            injection_curve: FillCurve::flat(),
            targets: vec![],
            floor_gwh: vec![Gwh(0.0); days],
            value_eur_mwh: vec![EurPerMwh(0.0); days],
        });
        StorageId::from_index(self.system.storages.len() - 1)
    }

    pub fn lng(&mut self, zone: ZoneId, sendout: f64, supply: f64, price: f64) {
        let days = self.days();
        let origin = self.origin("US");
        self.system.lng_terminals.push(LngTerminal {
            code: format!("LNG{}", self.system.lng_terminals.len()),
            zone,
            sendout_capacity_gwh_d: vec![GwhPerDay(sendout); days],
            min_sendout_gwh_d: vec![GwhPerDay(0.0); days],
        });
        self.system.lng_supplies.push(LngSupply {
            origin,
            tranches: vec![SupplyTranche {
                capacity_gwh_d: vec![GwhPerDay(supply); days],
                min_gwh_d: vec![GwhPerDay(0.0); days],
                price_eur_mwh: vec![EurPerMwh(price); days],
            }],
        });
    }
}

/// Whether to compare zone prices between backends.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prices {
    Unique,
    #[allow(dead_code)]
    MayDiffer,
}

/// Solves with the network simplex (and HiGHS with the `highs` feature, checking agreement).
pub(crate) fn solve_with(system: &System, options: &RunOptions, prices: Prices) -> Results {
    let results =
        run_with(system, &gas_lp::NetworkSimplex::default(), options).expect("network simplex run");
    #[cfg(feature = "highs")]
    {
        let reference = run_with(system, &gas_lp::Highs::default(), options).expect("HiGHS run");
        assert_eq!(results.status, reference.status);
        let scale = results.objective_keur.abs().max(1.0);
        assert!(
            (results.objective_keur - reference.objective_keur).abs() <= 1e-6 * scale,
            "objective: network simplex {} vs HiGHS {}",
            results.objective_keur,
            reference.objective_keur
        );
        if prices == Prices::Unique {
            for (z, (a, b)) in results
                .zone_price_eur_mwh
                .iter()
                .zip(&reference.zone_price_eur_mwh)
                .enumerate()
            {
                for (t, (x, y)) in a.iter().zip(b).enumerate() {
                    assert!(
                        (x.0 - y.0).abs() <= 1e-6 * x.0.abs().max(1.0),
                        "price zone {z} day {t}: {} vs {}",
                        x.0,
                        y.0
                    );
                }
            }
        }
    }
    let _ = prices;
    results
}

/// [`solve_with`] the default options.
pub(crate) fn solve(system: &System, prices: Prices) -> Results {
    solve_with(system, &RunOptions::default(), prices)
}

pub(crate) fn values<T: Copy>(series: &[T], get: impl Fn(T) -> f64) -> Vec<f64> {
    series.iter().map(|&v| get(v)).collect()
}

pub(crate) fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= 1e-6 * expected.abs().max(1.0),
        "{what}: expected {expected}, found {actual}"
    );
}
