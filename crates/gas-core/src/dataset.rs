//! The bundled (or user-supplied) dataset as plain tables, one struct per file row.
//!
//! This mirrors the dataset folder format documented in `data/README.md`:
//! each table is one CSV file, each field one column with its unit in the name.
//! Codes (zones, origins, routes, sources) are kept as the strings of the files;
//! the loader in `gas-io` guarantees that every code refers to an existing row,
//! so later layers may look them up without failing.

use crate::sector::Sector;
use crate::units::{GwhPerDay, Twh};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// All tables of a dataset folder.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Dataset {
    /// `zones.csv`: balancing zones.
    pub zones: Vec<ZoneRecord>,
    /// `origins.csv`: supply origins outside the zones.
    pub origins: Vec<OriginRecord>,
    /// `interconnectors.csv`: directed cross-border capacities.
    pub interconnectors: Vec<InterconnectorRecord>,
    /// `routes.csv`: named import routes.
    pub routes: Vec<RouteRecord>,
    /// `route_flows_daily.csv`: observed daily flows per route (or per origin).
    pub route_flows: Vec<RouteFlowRecord>,
    /// `lng_terminals.csv`: LNG send-out capacity per terminal or zone.
    pub lng_terminals: Vec<LngTerminalRecord>,
    /// `storage.csv`: aggregate storage per zone.
    pub storage: Vec<StorageRecord>,
    /// `storage_levels.csv`: observed fill levels.
    pub storage_levels: Vec<StorageLevelRecord>,
    /// `storage_curves.csv`: capacity factors against fill.
    pub storage_curves: Vec<StorageCurvePoint>,
    /// `production.csv`: annual domestic production.
    pub production: Vec<ProductionRecord>,
    /// `demand_monthly.csv`: monthly demand by sector.
    pub demand_monthly: Vec<MonthlyDemandRecord>,
    /// `demand_daily.csv`: observed daily demand.
    pub demand_daily: Vec<DailyDemandRecord>,
    /// `prices_monthly.csv`: monthly price series.
    pub prices_monthly: Vec<MonthlyPriceRecord>,
    /// `sources.csv`: full citations, referred to by every row's `source`.
    pub sources: Vec<SourceRecord>,
}

/// What role a zone plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZoneKind {
    /// Mostly consumes.
    Consumer,
    /// Produces more than it consumes (Norway).
    Producer,
    /// Mainly passes gas through (Türkiye, Ukraine for transit).
    Transit,
}

/// A row of `zones.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ZoneRecord {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Member of the EU27.
    pub eu_member: bool,
    /// Role.
    pub kind: ZoneKind,
    /// Share of demand that is protected customers, if published.
    pub protected_share: Option<f64>,
    /// Source id.
    pub source: String,
}

/// A row of `origins.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OriginRecord {
    /// Short code (`RU`, `US`, ...).
    pub code: String,
    /// Display name.
    pub name: String,
    /// Source id.
    pub source: String,
}

/// A row of `interconnectors.csv`: capacity from one zone to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterconnectorRecord {
    /// Zone the gas leaves.
    pub from_zone: String,
    /// Zone the gas enters.
    pub to_zone: String,
    /// Firm technical capacity.
    pub capacity_gwh_d: GwhPerDay,
    /// First day in service (`None`: always).
    pub valid_from: Option<NaiveDate>,
    /// Last day in service (`None`: still).
    pub valid_to: Option<NaiveDate>,
    /// Interconnection points aggregated in this row.
    pub name: String,
    /// Source id.
    pub source: String,
    /// Remarks.
    pub note: String,
}

/// A row of `routes.csv`: a named import route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteRecord {
    /// Stable id (`NS1`, `YAMAL`, `UA-TRANSIT`, ...).
    pub id: String,
    /// Origin code.
    pub origin: String,
    /// Entry zone code.
    pub entry_zone: String,
    /// Capacity.
    pub capacity_gwh_d: GwhPerDay,
    /// First day in service (`None`: always).
    pub valid_from: Option<NaiveDate>,
    /// Last day in service (`None`: still).
    pub valid_to: Option<NaiveDate>,
    /// Source id.
    pub source: String,
    /// Remarks.
    pub note: String,
}

/// A row of `route_flows_daily.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteFlowRecord {
    /// Gas day.
    pub date: NaiveDate,
    /// Route id, or `ORIGIN:XX` where only the origin total is known.
    pub route: String,
    /// Observed flow.
    pub flow_gwh_d: GwhPerDay,
    /// Source id.
    pub source: String,
}

/// A row of `lng_terminals.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LngTerminalRecord {
    /// Zone code.
    pub zone: String,
    /// Terminal name, or an aggregate label.
    pub name: String,
    /// Send-out capacity.
    pub sendout_capacity_gwh_d: GwhPerDay,
    /// First day in service (`None`: always).
    pub valid_from: Option<NaiveDate>,
    /// Last day in service (`None`: still).
    pub valid_to: Option<NaiveDate>,
    /// A floating storage and regasification unit.
    pub floating: bool,
    /// Source id.
    pub source: String,
    /// Remarks.
    pub note: String,
}

/// A row of `storage.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorageRecord {
    /// Zone code.
    pub zone: String,
    /// Working-gas capacity.
    pub working_gas_twh: Twh,
    /// Injection capacity at low fill.
    pub injection_capacity_gwh_d: GwhPerDay,
    /// Withdrawal capacity at high fill.
    pub withdrawal_capacity_gwh_d: GwhPerDay,
    /// Date the capacities were reported.
    pub as_of: NaiveDate,
    /// Source id.
    pub source: String,
}

/// A row of `storage_levels.csv`: an observed level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorageLevelRecord {
    /// Gas day.
    pub date: NaiveDate,
    /// Zone code, or `EU` for the EU aggregate.
    pub zone: String,
    /// Gas in storage.
    pub gas_in_storage_twh: Twh,
    /// Fill as a percentage of working gas.
    pub full_pct: f64,
    /// Source id.
    pub source: String,
}

/// A row of `storage_curves.csv`: one point of the capacity-against-fill curves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorageCurvePoint {
    /// Zone code, or `*` for the default curve.
    pub zone: String,
    /// Fill in percent of working gas.
    pub fill_pct: f64,
    /// Withdrawal capacity as a fraction of nominal.
    pub withdrawal_factor: f64,
    /// Injection capacity as a fraction of nominal.
    pub injection_factor: f64,
    /// Source id.
    pub source: String,
}

/// A row of `production.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductionRecord {
    /// Zone code.
    pub zone: String,
    /// Calendar year.
    pub year: i32,
    /// Annual production, `None` where no open source gives it.
    pub production_twh: Option<Twh>,
    /// Source id.
    pub source: String,
    /// Remarks.
    pub note: String,
}

/// The sector of a demand row: one of the four sectors, or the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DemandSector {
    /// One sector.
    Sector(Sector),
    /// All sectors together.
    Total,
}

/// A row of `demand_monthly.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthlyDemandRecord {
    /// Zone code.
    pub zone: String,
    /// Calendar year.
    pub year: i32,
    /// Month 1-12.
    pub month: u32,
    /// Sector or total.
    pub sector: DemandSector,
    /// Demand in the month.
    pub demand_twh: Twh,
    /// Source id.
    pub source: String,
}

/// A row of `demand_daily.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DailyDemandRecord {
    /// Zone code.
    pub zone: String,
    /// Gas day.
    pub date: NaiveDate,
    /// Sector or total.
    pub sector: DemandSector,
    /// Demand on the day.
    pub demand_gwh_d: GwhPerDay,
    /// Source id.
    pub source: String,
}

/// A row of `prices_monthly.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthlyPriceRecord {
    /// Calendar year.
    pub year: i32,
    /// Month 1-12.
    pub month: u32,
    /// Series id (`TTF`, `HENRY_HUB`, `ASIA_LNG_PROXY`, `BRENT`).
    pub series: String,
    /// Value in EUR/MWh where a conversion is sourced.
    pub value_eur_mwh: Option<f64>,
    /// Value in the source's unit.
    pub value_source_unit: f64,
    /// The source's unit (e.g. `USD/MMBtu`).
    pub source_unit: String,
    /// Source id.
    pub source: String,
}

/// A row of `sources.csv`: a full citation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRecord {
    /// The id rows refer to.
    pub id: String,
    /// Title of the dataset or page.
    pub title: String,
    /// Who publishes it.
    pub publisher: String,
    /// Where it is (URL, or repository + path + commit).
    pub url: String,
    /// Version or retrieval date.
    pub version: String,
    /// Licence.
    pub licence: String,
    /// Remarks.
    pub note: String,
}
