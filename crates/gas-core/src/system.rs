//! The fully specified system that the dispatch engine solves.
//!
//! A [`System`] is what remains after the scenario layer has applied events
//! (cut-offs, outages, cold spells) and package measures (embargoes, extra
//! LNG, demand reduction, targets) to a dataset: every capacity, bound, price
//! and demand is a plain daily series over [`System::period`]. The dispatch
//! engine reads nothing else.
//!
//! Sign conventions: a pipeline flow is positive from `from` to `to`;
//! storage injection moves gas from the zone into storage, withdrawal from
//! storage into the zone; both are non-negative.

use crate::ids::{OriginId, ZoneId};
use crate::period::Period;
use crate::sector::Sector;
use crate::units::{EurPerMwh, Gwh, GwhPerDay};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A value for each day of the period (index = day).
pub type Daily<T> = Vec<T>;

/// Everything the dispatch engine needs, day by day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct System {
    /// The modelled days.
    pub period: Period,
    /// Balancing zones; [`ZoneId`] indexes this vector.
    pub zones: Vec<Zone>,
    /// Supply origins outside the zones; [`OriginId`] indexes this vector.
    pub origins: Vec<Origin>,
    /// Directed cross-border pipelines.
    pub pipelines: Vec<Pipeline>,
    /// Import routes from origins into entry zones.
    pub routes: Vec<Route>,
    /// LNG terminals (send-out into their zone from the shared LNG pool).
    pub lng_terminals: Vec<LngTerminal>,
    /// LNG supply offered to the shared pool, by origin.
    pub lng_supplies: Vec<LngSupply>,
    /// Domestic production.
    pub production: Vec<Production>,
    /// Underground storage (one aggregate per zone is usual).
    pub storages: Vec<Storage>,
    /// Demand by zone and sector with its curtailment options.
    pub demands: Vec<Demand>,
    /// How to dispatch.
    pub settings: DispatchSettings,
}

/// A balancing zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Zone {
    /// ISO 3166-1 alpha-2 code (GB for the UK).
    pub code: String,
    /// Display name.
    pub name: String,
}

/// A supply origin outside the modelled zones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Origin {
    /// Short code, e.g. `RU`, `US`, `QA`.
    pub code: String,
    /// Display name.
    pub name: String,
}

/// A directed pipeline between two zones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pipeline {
    /// Stable identifier, e.g. `DE>PL`.
    pub code: String,
    /// Zone the gas leaves.
    pub from: ZoneId,
    /// Zone the gas enters.
    pub to: ZoneId,
    /// Maximum flow each day (0 during an outage).
    pub capacity_gwh_d: Daily<GwhPerDay>,
    /// A small transport cost so that flows do not loop.
    pub tariff_eur_mwh: EurPerMwh,
}

/// An import route from an origin into an entry zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Route {
    /// Stable identifier, e.g. `NS1`, `YAMAL`, `UA-TRANSIT`.
    pub code: String,
    /// Where the gas comes from.
    pub origin: OriginId,
    /// Where it enters the modelled system.
    pub entry: ZoneId,
    /// Maximum flow each day.
    pub capacity_gwh_d: Daily<GwhPerDay>,
    /// Minimum (fixed, e.g. observed or take-or-pay) flow each day; must not exceed capacity.
    pub min_flow_gwh_d: Daily<GwhPerDay>,
    /// Price paid for the gas each day.
    pub price_eur_mwh: Daily<EurPerMwh>,
}

/// An LNG terminal: regasified gas from the shared pool into its zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LngTerminal {
    /// Stable identifier, e.g. `LNG-ES`.
    pub code: String,
    /// The zone it sends out into.
    pub zone: ZoneId,
    /// Maximum send-out each day.
    pub sendout_capacity_gwh_d: Daily<GwhPerDay>,
    /// Minimum send-out each day (e.g. observed send-out in a backtest).
    pub min_sendout_gwh_d: Daily<GwhPerDay>,
}

/// LNG one origin offers to the European pool shared by all terminals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LngSupply {
    /// Where the cargoes come from.
    pub origin: OriginId,
    /// Price tranches: each more expensive than the last (extra cargoes cost more).
    pub tranches: Vec<SupplyTranche>,
}

/// One price step of a supply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplyTranche {
    /// Volume available at this price each day.
    pub capacity_gwh_d: Daily<GwhPerDay>,
    /// Minimum volume taken each day (contracted).
    pub min_gwh_d: Daily<GwhPerDay>,
    /// Price each day.
    pub price_eur_mwh: Daily<EurPerMwh>,
}

/// Domestic production in a zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Production {
    /// The producing zone.
    pub zone: ZoneId,
    /// Maximum output each day.
    pub max_gwh_d: Daily<GwhPerDay>,
    /// Minimum output each day (fields that cannot turn down).
    pub min_gwh_d: Daily<GwhPerDay>,
    /// Marginal cost or value of the gas.
    pub price_eur_mwh: Daily<EurPerMwh>,
}

/// A piecewise-linear factor of nominal capacity against the fill level.
///
/// `points` are `(fill, factor)` pairs with `fill` in `[0, 1]` strictly increasing;
/// between points the factor is interpolated linearly, outside it is held flat.
/// For withdrawal the factor usually falls as storage empties; for injection
/// it usually falls as storage fills.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FillCurve {
    /// `(fill fraction, capacity factor)` points.
    pub points: Vec<(f64, f64)>,
}

impl FillCurve {
    /// The curve that is 1 everywhere: the capacity does not depend on the fill.
    pub fn flat() -> FillCurve {
        FillCurve {
            points: vec![(0.0, 1.0), (1.0, 1.0)],
        }
    }

    /// True when the factor is the same at every fill level.
    pub fn is_flat(&self) -> bool {
        self.points
            .windows(2)
            .all(|pair| (pair[0].1 - pair[1].1).abs() < 1e-12)
    }

    /// The capacity factor at `fill` (a fraction of working gas).
    pub fn factor_at(&self, fill: f64) -> f64 {
        let points = &self.points;
        match points.len() {
            0 => 1.0,
            1 => points[0].1,
            _ => {
                if fill <= points[0].0 {
                    return points[0].1;
                }
                for pair in points.windows(2) {
                    let (x0, y0) = pair[0];
                    let (x1, y1) = pair[1];
                    if fill <= x1 {
                        let share = if x1 > x0 {
                            (fill - x0) / (x1 - x0)
                        } else {
                            1.0
                        };
                        return y0 + share * (y1 - y0);
                    }
                }
                points[points.len() - 1].1
            }
        }
    }
}

/// A filling target: at the end of `date` the level should be at least `min_fill` of working gas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FillTarget {
    /// The day at whose end the target applies.
    pub date: NaiveDate,
    /// Minimum fill as a fraction of working gas, `[0, 1]`.
    pub min_fill: f64,
    /// Penalty per MWh missing (the target is soft).
    pub penalty_eur_mwh: EurPerMwh,
}

/// An aggregate underground storage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Storage {
    /// Stable identifier, e.g. `UGS-DE`.
    pub code: String,
    /// The zone it injects from and withdraws into.
    pub zone: ZoneId,
    /// Working-gas capacity.
    pub working_gas_gwh: Gwh,
    /// Level at the start of the first day.
    pub initial_level_gwh: Gwh,
    /// Nominal (full-pressure) injection capacity each day.
    pub injection_capacity_gwh_d: Daily<GwhPerDay>,
    /// Nominal (full-pressure) withdrawal capacity each day.
    pub withdrawal_capacity_gwh_d: Daily<GwhPerDay>,
    /// Withdrawal capacity factor against fill (falls as storage empties).
    pub withdrawal_curve: FillCurve,
    /// Injection capacity factor against fill (falls as storage fills).
    pub injection_curve: FillCurve,
    /// Soft filling targets.
    pub targets: Vec<FillTarget>,
    /// Hard floor on the end-of-day level (a strategic reserve), each day.
    pub floor_gwh: Daily<Gwh>,
    /// Value of gas left in storage at the end of a solve window, each day
    /// (used as the terminal value in rolling-horizon and myopic operation, and at the end of the period).
    pub value_eur_mwh: Daily<EurPerMwh>,
}

/// One step of the curtailment merit order of a demand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurtailmentTranche {
    /// What this step is (`fuel switching`, `industry`, `protected` ...), for output.
    pub label: String,
    /// Share of the day's demand this step can curtail on each day of the period,
    /// `[0, 1]`; on each day the steps of a demand sum to at most 1. Daily, so that a
    /// step can open on a date (fuel switching from a package's trigger).
    pub share_by_day: Vec<f64>,
    /// Cost of each MWh curtailed in this step.
    pub penalty_eur_mwh: EurPerMwh,
}

impl CurtailmentTranche {
    /// A step with the same `share` on each of `days` days.
    pub fn constant(
        label: impl Into<String>,
        share: f64,
        days: usize,
        penalty_eur_mwh: EurPerMwh,
    ) -> CurtailmentTranche {
        CurtailmentTranche {
            label: label.into(),
            share_by_day: vec![share; days],
            penalty_eur_mwh,
        }
    }
}

/// The demand of one sector in one zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Demand {
    /// The consuming zone.
    pub zone: ZoneId,
    /// The sector.
    pub sector: Sector,
    /// Demand each day, after any demand-reduction measure.
    pub demand_gwh_d: Daily<GwhPerDay>,
    /// How it can be curtailed, cheapest first.
    pub curtailment: Vec<CurtailmentTranche>,
}

/// How the engine dispatches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DispatchSettings {
    /// Foresight of the operator.
    pub operation: Operation,
    /// How zones share gas in a shortage.
    pub solidarity: Solidarity,
    /// Cost of moving one MWh into and out of storage (split between injection
    /// and withdrawal); keeps storage from cycling for nothing.
    pub storage_cycle_cost_eur_mwh: EurPerMwh,
    /// Step of the fill-balancing reward, EUR/MWh per day: each storage's working
    /// gas is split into eight bands and gas held in band `q` (0 = emptiest)
    /// earns `(8 − q) ·` this per day. Among otherwise equally cheap dispatches the
    /// emptier storages fill first and the fuller ones are drawn first, so storages
    /// move in step (as operators filling to common targets did in 2022) instead
    /// of one of many equal-cost splits. 0 switches it off.
    pub storage_balance_eur_mwh_day: EurPerMwh,
}

/// Default [`DispatchSettings::storage_balance_eur_mwh_day`]: far below every
/// price (at most 0.15 EUR/MWh over a year), far above solver tolerances.
pub const STORAGE_BALANCE_EUR_MWH_DAY: f64 = 1e-4;

impl Default for DispatchSettings {
    fn default() -> Self {
        DispatchSettings {
            operation: Operation::PerfectForesight,
            solidarity: Solidarity::Cooperative,
            storage_cycle_cost_eur_mwh: EurPerMwh(0.1),
            storage_balance_eur_mwh_day: EurPerMwh(STORAGE_BALANCE_EUR_MWH_DAY),
        }
    }
}

/// The operator's foresight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Operation {
    /// One linear program over the whole period.
    PerfectForesight,
    /// Windows of `window_days`, of which the first `commit_days` are kept.
    RollingHorizon {
        /// Days each solve looks ahead.
        window_days: usize,
        /// Days kept from each solve before moving on (at most `window_days`).
        commit_days: usize,
    },
    /// One day at a time; the storage value stands in for the future.
    Myopic,
}

/// How zones share gas in a shortage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Solidarity {
    /// One objective over all zones: curtailment falls where it costs least in total.
    Cooperative,
    /// A zone exports (net) only gas it does not need for its own demand.
    NationalFirst,
}

impl System {
    /// The zone with this code, if any.
    pub fn zone_by_code(&self, code: &str) -> Option<ZoneId> {
        self.zones
            .iter()
            .position(|zone| zone.code == code)
            .map(ZoneId::from_index)
    }

    /// The origin with this code, if any.
    pub fn origin_by_code(&self, code: &str) -> Option<OriginId> {
        self.origins
            .iter()
            .position(|origin| origin.code == code)
            .map(OriginId::from_index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_curve_interpolates_and_holds_flat_outside() {
        // Withdrawal at full rate above 40 % fill, falling linearly to 30 % of it when empty.
        let curve = FillCurve {
            points: vec![(0.0, 0.3), (0.4, 1.0), (1.0, 1.0)],
        };
        assert!((curve.factor_at(0.2) - 0.65).abs() < 1e-12);
        assert_eq!(curve.factor_at(0.7), 1.0);
        assert_eq!(curve.factor_at(-0.1), 0.3);
        assert!(!curve.is_flat());
        assert!(FillCurve::flat().is_flat());
    }
}
