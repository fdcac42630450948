//! Replaying what happened: fixing a built [`System`]'s imports, LNG send-out
//! and production to the observed series (min = max), so that the engine
//! decides only cross-border flows, storage injection and withdrawal, and
//! (at a high penalty) curtailment.
//!
//! # Method (every choice is also listed in `docs/validation.md`)
//!
//! - **Observed EU-level series** of `route_flows_daily.csv` (Bruegel, EU27
//!   border) are spread over the routes of [`ROUTE_SERIES`] **in proportion
//!   to their `routes.csv` capacity on the day** (`ORIGIN:NO` over the
//!   Norwegian routes into EU zones, `ORIGIN:DZ` over Medgaz, Transmed and
//!   the Maghreb-Europe pipeline, `UA-TRANSIT` over the four Ukrainian entry
//!   points; the Russian remainder `ORIGIN:RU − NS1 − YAMAL − UA-TRANSIT −
//!   TURKSTREAM`, clamped at 0, over Imatra, Kotlovka and the Estonian
//!   points). A day missing from a series that has rows (NS1 after
//!   2022-08-31, YAMAL after 2022-05-10) is a zero flow. NS2 carries nothing.
//! - **LNG**: the LNG supply pool is fixed (min = max) to the observed EU
//!   send-out `LNG:EU` (split over origins by the pool's 2021 shares, which
//!   do not matter for the fill); the dispatch splits it over the EU
//!   terminals within their send-out capacity. (A pro-rata split by capacity
//!   sent a third of EU LNG to Spain, which cannot pass it on: 156 TWh spilled.)
//!   Non-EU terminals (GB) are closed.
//! - **TurkStream onward** (Balkan Stream BG > RS > HU, 2021): not in the
//!   dataset; the replay adds BG > RS and RS > HU at TurkStream's entry
//!   capacity (455 GWh/d), since Bruegel's TurkStream series at the EU border
//!   includes the gas for Serbia and Hungary.
//! - **Great Britain**: `NETFLOW:GB` (net GB → EU27, part of `TOTAL:EU`)
//!   enters Belgium (the only GB → EU27 pipeline with a capacity in the
//!   dataset) as route [`GB_ROUTE`] from origin [`GB_ORIGIN`] when positive;
//!   when negative it is added to Belgium's `other` demand (an export).
//! - **Zones outside the replay**: a non-EU zone with its own storage, import
//!   route, LNG terminal or production (GB, UA, NO, ...) has unobserved supply
//!   or use, so its pipelines to and from EU zones are closed (the observed
//!   series already count everything crossing the EU27 border). Exception:
//!   GB → IE stays open (Ireland's only supply besides the Corrib field).
//!   Non-EU zones without any of these (CH, RS,
//!   MK, BA, MD) stay connected: they only pass on or consume EU gas.
//! - **Missing onward capacity of TAP**: the dataset has the GR > IT
//!   interconnector (TAP via Albania) without a capacity; the replay gives it
//!   the capacity of the TAP route at Kipi (375 GWh/d, `routes.csv`): the
//!   same pipeline, so the same order of capacity (an assumption).
//! - **Overflow links**: beside every pipeline between two EU zones, an
//!   uncapacitated link at [`OVERFLOW_PENALTY`] EUR/MWh (above the curtailment
//!   penalties, below the spill): observed inflows prove the gas left the
//!   zone, and the dataset's capacities (ENTSOG's 2019 map, with points such
//!   as Belgium's H-gas exits to France and Luxembourg missing) are a lower
//!   bound. The flow on them is reported per link.
//! - **Surplus outlet**: fixed inflows have nowhere to go when a zone's
//!   storage is full and its export capacity is used, so every EU zone gets a
//!   pipeline to the sink zone [`SPILL_ZONE`] at [`SPILL_PENALTY`] EUR/MWh
//!   (above every curtailment penalty): the symmetric counterpart of
//!   curtailment. Both are reported: large values mean that the observed
//!   inputs do not balance (or the network data lacks a link).
//! - **Demand level**: the scenario's `[demand] basis = "actual"` (see
//!   `gas-scenario`) already gives each zone-month Eurostat's observed total,
//!   shaped by the TSO daily series: several daily series cover only part of
//!   consumption (2022: PT 22 vs 62 TWh, RO 73 vs 105, HU 78 vs 104).
//! - **Production**: the dataset has national figures (Eurostat) for 2019
//!   and 2020 and the EU total for 2019, 2020 and 2022. Production of EU
//!   member zones is fixed, flat over each year, to
//!   `gas_scenario::build::production`'s split: the EU total of the nearest
//!   year (2022 = 45.9 bcm for 2021-2023), each member at its latest figure
//!   and the Netherlands taking the rest (the Groningen phase-out is where the
//!   EU's decline since 2020 came from). The EU total is observed, its split
//!   and its seasonal shape are not.
//! - **Moffat** (GB > IE) is capped at its observed flow, not fixed to it: the
//!   point also serves Northern Ireland and the Isle of Man (the Scotland -
//!   Northern Ireland pipeline tees off downstream of it), outside the IE zone.

mod great_britain;
mod links;
mod lng;
mod outlets;
mod outside;
mod production;
mod routes;

pub use great_britain::{
    GB_EXCHANGE_ZONE, GB_IRELAND_ROUTE, GB_IRELAND_SERIES, GB_IRELAND_ZONE, GB_ORIGIN, GB_ROUTE,
};
pub use outlets::{OVERFLOW_PENALTY, OVERFLOW_SUFFIX, SPILL_PENALTY, SPILL_ZONE};
pub use outside::KEPT_OPEN;
pub use routes::{ROUTES_IDLE, ROUTE_SERIES, RUSSIAN_NAMED_SERIES, RUSSIAN_REST_ROUTES};

use chrono::NaiveDate;
use gas_core::dataset::Dataset;
use gas_core::period::in_window as active;
use gas_core::System;
use std::collections::BTreeMap;

/// What the replay did, for the report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplayReport {
    /// Human-readable notes (one per choice or data gap met).
    pub notes: Vec<String>,
    /// Non-EU zones cut off from the EU zones.
    pub outside: Vec<String>,
    /// Routes fixed to observed flows.
    pub fixed_routes: Vec<String>,
    /// LNG terminals fixed to observed send-out.
    pub fixed_terminals: Vec<String>,
    /// Total fixed imports into the EU zones over the period, TWh (routes + LNG + GB net).
    pub fixed_imports_twh: f64,
    /// Total fixed production of the EU zones, TWh.
    pub fixed_production_twh: f64,
    /// Exports to GB added to Belgian demand, TWh.
    pub exports_to_gb_twh: f64,
}

/// What every step reads: the dataset, its observed daily series and which of the
/// system's zones are EU members.
pub(crate) struct Inputs<'a> {
    dataset: &'a Dataset,
    /// Observed GWh/d by (series, day) of `route_flows_daily.csv`.
    flows: BTreeMap<(&'a str, NaiveDate), f64>,
    /// The series that have any row.
    has_rows: Vec<&'a str>,
    /// Whether each zone of the system (by index) is an EU member.
    eu: Vec<bool>,
}

impl<'a> Inputs<'a> {
    fn new(system: &System, dataset: &'a Dataset) -> Inputs<'a> {
        let eu = system
            .zones
            .iter()
            .map(|zone| {
                dataset
                    .zones
                    .iter()
                    .any(|z| z.id == zone.code && z.eu_member)
            })
            .collect();
        let mut flows = BTreeMap::new();
        let mut has_rows: Vec<&str> = Vec::new();
        for row in &dataset.route_flows_daily {
            if row.flow_gwh_d.value().is_finite() {
                flows.insert((row.route.as_str(), row.date), row.flow_gwh_d.value());
                if !has_rows.contains(&row.route.as_str()) {
                    has_rows.push(row.route.as_str());
                }
            }
        }
        Inputs {
            dataset,
            flows,
            has_rows,
            eu,
        }
    }

    /// The observed flow of `series` on `date`, 0 without a row.
    fn observed(&self, series: &str, date: NaiveDate) -> f64 {
        self.flows.get(&(series, date)).copied().unwrap_or(0.0)
    }
}

/// Capacity of route `id` on `date` in `routes.csv` (sum of active rows).
fn route_capacity(dataset: &Dataset, id: &str, date: NaiveDate) -> f64 {
    dataset
        .routes
        .iter()
        .filter(|row| row.id == id && active(date, row.valid_from, row.valid_to))
        .filter_map(|row| row.capacity_gwh_d.map(|c| c.value()))
        .filter(|c| c.is_finite() && *c > 0.0)
        .sum()
}

/// Splits `total` over `capacities` in proportion; all zero capacity → nothing.
pub fn spread(total: f64, capacities: &[f64]) -> Vec<f64> {
    let sum: f64 = capacities.iter().sum();
    if sum <= 0.0 {
        return vec![0.0; capacities.len()];
    }
    capacities.iter().map(|c| total * c / sum).collect()
}

/// Fixes `system` (built from `dataset`) to the observed series; see the module docs.
pub fn apply(system: &mut System, dataset: &Dataset) -> ReplayReport {
    let mut report = ReplayReport::default();
    let inputs = Inputs::new(system, dataset);
    routes::fix_routes(system, &inputs, &mut report);
    outside::cut_off_outside(system, &inputs, &mut report);
    great_britain::add_net_flows(system, &inputs, &mut report);
    lng::fix_lng(system, &inputs, &mut report);
    links::add_missing_links(system, &inputs, &mut report);
    production::fix_production(system, &inputs, &mut report);
    outlets::add_outlets(system, &inputs, &mut report);
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_is_proportional_to_capacity() {
        // 300 over capacities 100 and 200 → 100 and 200; 90 → 30 and 60.
        assert_eq!(spread(300.0, &[100.0, 200.0]), vec![100.0, 200.0]);
        assert_eq!(spread(90.0, &[100.0, 200.0]), vec![30.0, 60.0]);
        assert_eq!(spread(90.0, &[0.0, 0.0]), vec![0.0, 0.0]);
    }
}
