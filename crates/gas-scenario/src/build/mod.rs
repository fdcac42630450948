//! From a scenario, its packages and a dataset to the daily [`System`].
//!
//! Steps: `base` lays out zones, origins, pipelines, routes and prices;
//! `lng`, `storage` and `demand` add those components; `events` and
//! `measures` record every change as a daily override (later wins, see the
//! crate docs on precedence); `finalise` applies them (private modules of
//! this one, each documented in the source).
//!
//! # Assumptions (also in `docs/assumptions.md`)
//!
//! - **Prices.** The dataset's monthly `TTF` series has no EUR values (only
//!   USD/MMBtu, World Bank pink sheet). It is converted with 1 MMBtu =
//!   0.29307107 MWh and the ECB's **annual average** EUR/USD reference rate
//!   ([`EUR_USD`]: 2019 1.1195, 2020 1.1422, 2021 1.1827, 2022 1.0530,
//!   2023 1.0813; an assumption that ignores the monthly moves of the rate).
//!   Months without a value take the nearest month that has one.
//! - **Route prices** are the month's TTF (hub-indexed contracts; an
//!   assumption), **route minimum flows** 0 unless `routes_as_observed`.
//! - **NS2** is built with zero capacity (it never operated: routes.csv) unless
//!   a package's `route_status` measure sets it online.
//! - **Pipeline tariff** 0.1 EUR/MWh on every interconnector (assumption; keeps
//!   flows from looping).
//! - **Norway** (a producer zone that is also an origin): its `production.csv`
//!   figure (Gassco pipeline deliveries) caps the origin's routes: their
//!   capacities are scaled down so that they sum to the annual figure / days.
//!   A `pipeline_increase` measure adds back up to the technical capacity.
//! - **Production**: the annual figure of the day's year (nearest year with a
//!   value otherwise) / days in the year, with a band of 0-105 % of that mean
//!   (assumption: production may turn down), priced at the month's TTF.
//! - **LNG**: see `build/lng.rs`; **storage**: see `build/storage.rs`;
//!   **demand and curtailment**: see `build/demand.rs`.

mod base;
mod demand;
mod events;
mod lng;
mod measures;
mod origin_caps;
pub mod production;
mod storage;

use crate::common::Carrier;
use crate::errors::{FileError, FileErrors};
use crate::package::Package;
use crate::scenario::Scenario;
use chrono::NaiveDate;
use gas_core::dataset::Dataset;
use gas_core::system::{FillTarget, Solidarity};
use gas_core::units::{EurPerMwh, Gwh, GwhPerDay};
use gas_core::{LngSupplyId, Period, RouteId, Sector, System};
use std::collections::BTreeMap;
use std::ops::Range;

pub use lng::LNG_SHARES_2021;

/// ECB euro reference rate, annual average, USD per EUR (assumption: one rate per year).
pub const EUR_USD: [(i32, f64); 5] = [
    (2019, 1.1195),
    (2020, 1.1422),
    (2021, 1.1827),
    (2022, 1.0530),
    (2023, 1.0813),
];

/// MWh per MMBtu.
pub const MWH_PER_MMBTU: f64 = 0.293_071_07;

/// Heat content of crude oil, MMBtu per barrel (EIA's approximate heat content
/// of crude oil, 5.8 million Btu per barrel; an assumption: the references have
/// no barrel-energy factor).
pub const MMBTU_PER_BARREL: f64 = 5.8;

/// Pipeline tariff on every interconnector, EUR/MWh (assumption).
pub const PIPELINE_TARIFF: f64 = 0.1;

/// What a build produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The system to dispatch.
    pub system: System,
    /// Every event and measure applied, in order of application.
    pub applied: Vec<AppliedOverride>,
    /// Gaps in the data and approximations made (each names the zone or component).
    pub warnings: Vec<String>,
    /// For each route and each LNG tranche: origin, carrier and price basis (for the cost ledger).
    pub supplies: Vec<SupplyInfo>,
}

impl Built {
    /// The routes of each origin code, in system order.
    pub fn routes_by_origin(&self) -> BTreeMap<String, Vec<RouteId>> {
        let mut map: BTreeMap<String, Vec<RouteId>> = BTreeMap::new();
        for info in &self.supplies {
            if let SupplyRef::Route(id) = info.component {
                map.entry(info.origin.clone()).or_default().push(id);
            }
        }
        map
    }
}

/// One applied event or measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedOverride {
    /// `scenario` or `package <name>`.
    pub source: String,
    /// The file it came from.
    pub file: String,
    /// Its key, e.g. `events[0]` or `measures[2]`.
    pub key: String,
    /// What it changed, e.g. `route NS1 capacity x 0.4`.
    pub change: String,
    /// First day it applies (may be before the period).
    pub from: NaiveDate,
    /// Last day it applies.
    pub to: NaiveDate,
    /// Earlier sources (`source key`) whose value it replaced on at least one day.
    pub overrides: Vec<String>,
}

impl AppliedOverride {
    /// `source key`, e.g. `package eu-contingency measures[2]`.
    pub fn label(&self) -> String {
        format!("{} {}", self.source, self.key)
    }
}

/// Which system component a [`SupplyInfo`] describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupplyRef {
    /// A pipeline import route.
    Route(RouteId),
    /// One tranche of an LNG supply.
    LngTranche {
        /// The supply.
        supply: LngSupplyId,
        /// Index of the tranche in the supply.
        tranche: usize,
    },
}

/// Ledger metadata of an import: where it comes from, how, and how it is priced.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplyInfo {
    /// The component.
    pub component: SupplyRef,
    /// Route id or `LNG-<origin>-<n>`.
    pub code: String,
    /// Origin code (`RU`, `US`, ...).
    pub origin: String,
    /// Pipeline or LNG.
    pub carrier: Carrier,
    /// How the price was set (e.g. `TTF monthly (USD converted at ECB annual EUR/USD)`).
    pub price_basis: String,
    /// Price each day after any price cap (same as in the system).
    pub price_eur_mwh: Vec<EurPerMwh>,
}

/// A parameter that events and measures override day by day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Param {
    RouteCut(usize),
    RouteBan(usize),
    RouteOnline(usize),
    RoutePriceCap(usize),
    LngCut(usize),
    LngFactor(usize),
    LngBan(usize),
    LngPriceCap(usize),
    PipelineOutage(usize),
    TerminalOutage(usize),
    DemandShock(usize, Sector),
    ColdSpell(usize),
    DemandReduction(usize, Sector),
    Reserve(usize),
    /// Share of a zone's power demand that can switch fuel.
    FuelSwitchingShare(usize),
}

/// Daily overrides, later wins.
#[derive(Debug, Default)]
pub(crate) struct Layers {
    values: BTreeMap<Param, Vec<Option<(f64, usize)>>>,
}

impl Layers {
    /// Sets `param` to `value` on `days` for source `src`; returns the other sources replaced.
    pub(crate) fn set(
        &mut self,
        param: Param,
        days: Range<usize>,
        len: usize,
        value: f64,
        src: usize,
    ) -> Vec<usize> {
        let series = self.values.entry(param).or_insert_with(|| vec![None; len]);
        let mut replaced = Vec::new();
        for slot in &mut series[days] {
            if let Some((_, previous)) = slot {
                if *previous != src && !replaced.contains(previous) {
                    replaced.push(*previous);
                }
            }
            *slot = Some((value, src));
        }
        replaced
    }

    /// The value on `day`, if any source set it.
    pub(crate) fn get(&self, param: Param, day: usize) -> Option<f64> {
        self.values
            .get(&param)
            .and_then(|series| series[day])
            .map(|(value, _)| value)
    }
}

/// Everything being assembled.
pub(crate) struct Draft {
    pub(crate) system: System,
    pub(crate) eu_member: Vec<bool>,
    /// Per origin: the origin whose gas it only carries (`transit_of` in `origins.csv`).
    pub(crate) origin_transit_of: Vec<Option<String>>,
    pub(crate) route_origin: Vec<usize>,
    pub(crate) route_base: Vec<Vec<f64>>,
    pub(crate) route_tech: Vec<Vec<f64>>,
    pub(crate) route_online_default: Vec<bool>,
    pub(crate) route_extra: Vec<Vec<f64>>,
    pub(crate) route_observed: Vec<Vec<Option<f64>>>,
    pub(crate) terminals: Vec<lng::TerminalRow>,
    pub(crate) lng: Vec<lng::LngDraft>,
    pub(crate) ttf: Vec<f64>,
    pub(crate) asia: Vec<f64>,
    /// Brent in EUR per MWh of oil each day (`None` where the month has no value).
    pub(crate) brent: Vec<Option<f64>>,
    pub(crate) layers: Layers,
    pub(crate) targets: BTreeMap<(usize, NaiveDate), (f64, f64, usize)>,
    /// Fuel-switching cost per zone (EUR/MWh, NaN = derived from prices) and the
    /// measure that set it; the share is the daily layer `Param::FuelSwitchingShare`.
    pub(crate) fuel_switching: BTreeMap<usize, (f64, usize)>,
    /// Routes of `routes.csv` left out of the model, with the reason.
    pub(crate) routes_left_out: BTreeMap<String, String>,
    pub(crate) solidarity: Option<(Solidarity, usize)>,
    pub(crate) applied: Vec<AppliedOverride>,
    /// LNG settings of an origin without pipeline routes in their carrier:
    /// (origin, carrier, event or measure); each gets a "no effect" note unless
    /// the origin has LNG supply once every package is applied.
    pub(crate) lng_effect_checks: Vec<(usize, Carrier, usize)>,
    pub(crate) warnings: Vec<String>,
    pub(crate) errors: Vec<FileError>,
}

impl Draft {
    pub(crate) fn period(&self) -> Period {
        self.system.period
    }

    /// Day indices of `[from, to]` inside the period (empty when outside).
    pub(crate) fn days(&self, from: NaiveDate, to: NaiveDate) -> Range<usize> {
        let period = self.period();
        let start = (from - period.start).num_days().max(0) as usize;
        let end = ((to - period.start).num_days() + 1).clamp(0, period.days as i64) as usize;
        start.min(end)..end
    }

    /// Records an applied event or measure and returns its index.
    pub(crate) fn record(&mut self, applied: AppliedOverride) -> usize {
        self.applied.push(applied);
        self.applied.len() - 1
    }

    /// Sets a layer value and notes what it replaced.
    pub(crate) fn set(&mut self, param: Param, days: Range<usize>, value: f64, src: usize) {
        let len = self.period().days;
        let replaced = self.layers.set(param, days, len, value, src);
        self.note_overrides(src, replaced);
    }

    pub(crate) fn note_overrides(&mut self, src: usize, replaced: Vec<usize>) {
        for previous in replaced {
            let label = self.applied[previous].label();
            let overrides = &mut self.applied[src].overrides;
            if !overrides.contains(&label) {
                overrides.push(label);
            }
        }
    }

    pub(crate) fn zone(&self, code: &str) -> Option<usize> {
        self.system.zones.iter().position(|zone| zone.code == code)
    }

    pub(crate) fn origin(&self, code: &str) -> Option<usize> {
        self.system
            .origins
            .iter()
            .position(|origin| origin.code == code)
    }

    pub(crate) fn route(&self, code: &str) -> Option<usize> {
        self.system
            .routes
            .iter()
            .position(|route| route.code == code)
    }

    /// Zones selected, resolving codes; unknown codes are located errors.
    pub(crate) fn zones(&mut self, selection: &crate::common::ZoneSel) -> Vec<usize> {
        use crate::common::ZoneSel;
        match selection {
            ZoneSel::All => (0..self.system.zones.len()).collect(),
            ZoneSel::Eu => (0..self.system.zones.len())
                .filter(|&z| self.eu_member[z])
                .collect(),
            ZoneSel::List(list) => {
                let mut zones = Vec::new();
                for code in list {
                    match self.zone(&code.value) {
                        Some(zone) => zones.push(zone),
                        None => {
                            let error = code.loc.error(
                                format!("a zone of the dataset ({})", self.zone_codes()),
                                format!("{:?}", code.value),
                            );
                            self.errors.push(error);
                        }
                    }
                }
                zones
            }
        }
    }

    pub(crate) fn zone_codes(&self) -> String {
        self.system
            .zones
            .iter()
            .map(|z| z.code.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub(crate) fn origin_codes(&self) -> String {
        self.system
            .origins
            .iter()
            .map(|o| o.code.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub(crate) fn route_codes(&self) -> String {
        self.system
            .routes
            .iter()
            .map(|r| r.code.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Resolves an origin code or records a located error.
    pub(crate) fn origin_or_error(
        &mut self,
        code: &crate::location::Located<String>,
    ) -> Option<usize> {
        let found = self.origin(&code.value);
        if found.is_none() {
            let error = code.loc.error(
                format!("an origin of the dataset ({})", self.origin_codes()),
                format!("{:?}", code.value),
            );
            self.errors.push(error);
        }
        found
    }

    /// Resolves a route id or records a located error.
    pub(crate) fn route_or_error(
        &mut self,
        code: &crate::location::Located<String>,
    ) -> Option<usize> {
        let found = self.route(&code.value);
        if found.is_none() {
            let found_text = match self.routes_left_out.get(&code.value) {
                Some(reason) => format!(
                    "{:?}, which is in routes.csv but left out of the model: {reason}",
                    code.value
                ),
                None => format!("{:?}", code.value),
            };
            let error = code.loc.error(
                format!("a route of the model ({})", self.route_codes()),
                found_text,
            );
            self.errors.push(error);
        }
        found
    }
}

/// Builds the system for `scenario` plus `packages` (applied in order) on `dataset`.
///
/// Checks against the dataset (unknown zone, route, origin, pipeline or terminal;
/// dates outside the period; unknown triggers in packages; duplicate package
/// names; a demand basis year without data) are located errors, all reported together.
pub fn build(
    dataset: &Dataset,
    scenario: &Scenario,
    packages: &[Package],
) -> Result<Built, FileErrors> {
    let mut errors = Vec::new();
    for (i, package) in packages.iter().enumerate() {
        if let Some(first) = packages[..i]
            .iter()
            .find(|p| p.name.value == package.name.value)
        {
            errors.push(package.name.loc.error(
                format!(
                    "a package name not used before in this run (\"{}\" is also in {})",
                    first.name.value, first.file
                ),
                format!("{:?}", package.name.value),
            ));
        }
    }
    let mut draft = base::draft(dataset, scenario);
    lng::add(&mut draft, dataset, scenario);
    storage::add(&mut draft, dataset, scenario);
    demand::add(&mut draft, dataset, scenario);
    events::apply(&mut draft, scenario);
    for package in packages {
        measures::apply(&mut draft, scenario, package);
    }
    events::warn_lng_without_effect(&mut draft);
    errors.append(&mut draft.errors);
    if !errors.is_empty() {
        return Err(FileErrors(errors).normalise());
    }
    let built = finalise(draft, scenario);
    if let Err(problems) = gas_core::validate::validate(&built.system) {
        let errors = problems
            .0
            .iter()
            .map(|problem| FileError {
                file: scenario.file.clone(),
                line: 0,
                column: 0,
                key: format!("(built system) {}", problem.component),
                expected: problem.expected.clone(),
                found: format!("{} in {}", problem.found, problem.field),
            })
            .collect();
        return Err(FileErrors(errors));
    }
    Ok(built)
}

fn finalise(mut draft: Draft, scenario: &Scenario) -> Built {
    let days = draft.period().days;
    let mut supplies = Vec::new();
    // Routes.
    for r in 0..draft.system.routes.len() {
        let mut overridden_by_observation = 0;
        let origin = draft.route_origin[r];
        for day in 0..days {
            let layers = &draft.layers;
            let base = draft.route_base[r][day];
            let default_online = if draft.route_online_default[r] {
                1.0
            } else {
                0.0
            };
            let online = layers
                .get(Param::RouteOnline(r), day)
                .unwrap_or(default_online);
            let cut = layers.get(Param::RouteCut(r), day).unwrap_or(0.0);
            let ban = layers.get(Param::RouteBan(r), day).unwrap_or(0.0);
            // A blocked (offline) route carries nothing, not even volume a
            // pipeline_increase measure added to it.
            let mut capacity =
                (base + draft.route_extra[r][day]) * online * (1.0 - cut) * (1.0 - ban);
            let mut price = draft.ttf[day];
            if let Some(cap) = layers.get(Param::RoutePriceCap(r), day) {
                price = price.min(cap);
            }
            let mut min = 0.0;
            if scenario.routes_as_observed {
                if let Some(observed) = draft.route_observed[r][day] {
                    let observed = observed.max(0.0);
                    if (capacity - observed).abs() > 1e-9
                        && (online < 1.0 || cut > 0.0 || ban > 0.0)
                    {
                        overridden_by_observation += 1;
                    }
                    capacity = observed;
                    min = observed;
                }
            }
            let route = &mut draft.system.routes[r];
            route.capacity_gwh_d[day] = GwhPerDay(capacity.max(0.0));
            route.min_flow_gwh_d[day] = GwhPerDay(min);
            route.price_eur_mwh[day] = EurPerMwh(price);
        }
        if overridden_by_observation > 0 {
            draft.warnings.push(format!(
                "route {}: routes_as_observed fixes the observed flow on {overridden_by_observation} days where an event or measure had changed its capacity (the observation wins)",
                draft.system.routes[r].code
            ));
        }
        let route = &draft.system.routes[r];
        supplies.push(SupplyInfo {
            component: SupplyRef::Route(RouteId::from_index(r)),
            code: route.code.clone(),
            origin: draft.system.origins[origin].code.clone(),
            carrier: Carrier::Pipeline,
            price_basis: "TTF monthly (USD converted at the ECB annual EUR/USD rate)".into(),
            price_eur_mwh: route.price_eur_mwh.clone(),
        });
    }
    // Pipelines.
    for p in 0..draft.system.pipelines.len() {
        for day in 0..days {
            if let Some(share) = draft.layers.get(Param::PipelineOutage(p), day) {
                let capacity = &mut draft.system.pipelines[p].capacity_gwh_d[day];
                *capacity = *capacity * (1.0 - share);
            }
        }
    }
    lng::finalise(&mut draft, &mut supplies);
    storage::obligations(&mut draft, scenario);
    storage::finalise(&mut draft);
    demand::finalise(&mut draft, scenario);
    if let Some((solidarity, _)) = draft.solidarity {
        draft.system.settings.solidarity = solidarity;
    }
    draft.system.settings.operation = scenario.operation;
    Built {
        system: draft.system,
        applied: draft.applied,
        warnings: draft.warnings,
        supplies,
    }
}

/// A fill target for the system (used by [`storage`]).
pub(crate) fn fill_target(date: NaiveDate, fill: f64, penalty: f64) -> FillTarget {
    FillTarget {
        date,
        min_fill: fill,
        penalty_eur_mwh: EurPerMwh(penalty),
    }
}

/// Zero series helpers.
pub(crate) fn zeros_gwh_d(days: usize) -> Vec<GwhPerDay> {
    vec![GwhPerDay::ZERO; days]
}

pub(crate) fn zeros_gwh(days: usize) -> Vec<Gwh> {
    vec![Gwh::ZERO; days]
}
