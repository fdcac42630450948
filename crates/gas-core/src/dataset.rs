//! The bundled (or user-supplied) dataset as plain tables, one struct per file row.
//!
//! This mirrors the dataset folder format documented in `data/README.md`:
//! each table is one CSV file, each field one column with its unit in the name,
//! and each struct field is named exactly like its column. Codes (zones,
//! origins, routes, sources) are kept as the strings of the files; the loader
//! in `gas-io` guarantees that every code refers to an existing row, so later
//! layers may look them up without failing. An empty cell is `None` (missing,
//! never zero).

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
    /// `route_flows_daily.csv`: observed daily flows per route (or per pseudo-route).
    pub route_flows_daily: Vec<RouteFlowRecord>,
    /// `lng_terminals.csv`: LNG send-out capacity per terminal or zone.
    pub lng_terminals: Vec<LngTerminalRecord>,
    /// `lng_imports_by_origin.csv`: published LNG import figures by origin.
    pub lng_imports_by_origin: Vec<LngImportRecord>,
    /// `storage.csv`: aggregate storage per zone.
    pub storage: Vec<StorageRecord>,
    /// `storage_levels.csv`: observed fill levels.
    pub storage_levels: Vec<StorageLevelRecord>,
    /// `storage_curves.csv`: capacity factors against fill.
    pub storage_curves: Vec<StorageCurvePoint>,
    /// `production.csv`: annual domestic production.
    pub production: Vec<ProductionRecord>,
    /// `demand_annual.csv`: annual demand by sector.
    pub demand_annual: Vec<AnnualDemandRecord>,
    /// `demand_monthly.csv`: monthly demand by sector.
    pub demand_monthly: Vec<MonthlyDemandRecord>,
    /// `demand_daily.csv`: observed daily demand.
    pub demand_daily: Vec<DailyDemandRecord>,
    /// `prices_monthly.csv`: monthly price series.
    pub prices_monthly: Vec<MonthlyPriceRecord>,
    /// `fx_monthly.csv`: monthly EUR/USD averages.
    pub fx_monthly: Vec<FxMonthlyRecord>,
    /// `sources.csv`: full citations, referred to by every row's `source`.
    pub sources: Vec<SourceRecord>,
    /// `checks.csv`: published totals the dataset is checked against.
    pub checks: Vec<CheckRecord>,
}

/// The zone code of the EU27 aggregate, allowed where a table says "zone id or `EU`".
pub const EU_AGGREGATE: &str = "EU";

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

impl ZoneKind {
    /// All kinds with their file words.
    pub const CODES: [(&'static str, ZoneKind); 3] = [
        ("consumer", ZoneKind::Consumer),
        ("producer", ZoneKind::Producer),
        ("transit", ZoneKind::Transit),
    ];

    /// The word used in files.
    pub fn code(self) -> &'static str {
        match self {
            ZoneKind::Consumer => "consumer",
            ZoneKind::Producer => "producer",
            ZoneKind::Transit => "transit",
        }
    }
}

/// A row of `zones.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ZoneRecord {
    /// ISO 3166-1 alpha-2 code (GB for the UK, GR for Greece).
    pub id: String,
    /// English name.
    pub name: String,
    /// Member of the EU27 in 2021–2023.
    pub eu_member: bool,
    /// Role.
    pub kind: ZoneKind,
    /// Share of annual demand that is protected customers, a fraction 0–1, if known.
    pub protected_share: Option<f64>,
    /// Source id.
    pub source: String,
    /// Remarks.
    pub note: String,
}

/// A row of `origins.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OriginRecord {
    /// ISO alpha-2 code of the exporting country (`RU`, `US`, ...) or `OTHER_LNG`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Supplies Europe by pipeline.
    pub pipeline: bool,
    /// Supplies Europe as LNG.
    pub lng: bool,
    /// For transit-only countries: the origin whose gas they carry (BY carries RU gas).
    pub transit_of: Option<String>,
    /// Source id.
    pub source: String,
    /// Remarks.
    pub note: String,
}

/// A row of `interconnectors.csv`: capacity from one zone to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterconnectorRecord {
    /// Zone the gas leaves.
    pub from_zone: String,
    /// Zone the gas enters.
    pub to_zone: String,
    /// Technical capacity, summed over the points of the pair; `None`: not in open data.
    pub capacity_gwh_d: Option<GwhPerDay>,
    /// First gas day the row applies (`None`: always).
    pub valid_from: Option<NaiveDate>,
    /// Last gas day the row applies (`None`: open-ended).
    pub valid_to: Option<NaiveDate>,
    /// Point names and per-point capacities.
    pub points: String,
    /// Source id.
    pub source: String,
    /// The capacity is a labelled estimate.
    pub estimated: bool,
    /// Remarks.
    pub note: String,
}

/// A row of `routes.csv`: a named import route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteRecord {
    /// Stable id (`NS1`, `YAMAL`, `UA-TRANSIT-SK`, ...).
    pub id: String,
    /// Description and entry points.
    pub name: String,
    /// Origin id of the gas.
    pub origin: String,
    /// Zone where the gas enters the network.
    pub entry_zone: String,
    /// Entry capacity; `None`: not in open data.
    pub capacity_gwh_d: Option<GwhPerDay>,
    /// First gas day in service (`None`: always).
    pub valid_from: Option<NaiveDate>,
    /// Last gas day in service (`None`: still).
    pub valid_to: Option<NaiveDate>,
    /// Source id.
    pub source: String,
    /// The capacity is a labelled estimate.
    pub estimated: bool,
    /// Remarks.
    pub note: String,
}

/// A row of `route_flows_daily.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteFlowRecord {
    /// Gas day.
    pub date: NaiveDate,
    /// A route id, a route group (`UA-TRANSIT`, optionally `:POINT`), or a
    /// pseudo-route `ORIGIN:<origin>`, `NETFLOW:<zone>`, `LNG:EU`, `TOTAL:EU`.
    pub route: String,
    /// Observed flow; negative only for `NETFLOW:` rows (flow out of the EU27).
    pub flow_gwh_d: GwhPerDay,
    /// The value as published, in million m³ per day.
    pub flow_mcm_d: f64,
    /// Source id.
    pub source: String,
}

/// Operating status of an LNG terminal row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LngTerminalStatus {
    /// In operation over the row's validity.
    Operating,
    /// Not operating by 2023-12-31: not for backtests.
    Planned,
    /// Out of service.
    Mothballed,
    /// May already be counted in the zone's aggregate row.
    PossiblyInAggregate,
}

impl LngTerminalStatus {
    /// All statuses with their file words.
    pub const CODES: [(&'static str, LngTerminalStatus); 4] = [
        ("operating", LngTerminalStatus::Operating),
        ("planned", LngTerminalStatus::Planned),
        ("mothballed", LngTerminalStatus::Mothballed),
        (
            "possibly_in_aggregate",
            LngTerminalStatus::PossiblyInAggregate,
        ),
    ];

    /// The word used in files.
    pub fn code(self) -> &'static str {
        match self {
            LngTerminalStatus::Operating => "operating",
            LngTerminalStatus::Planned => "planned",
            LngTerminalStatus::Mothballed => "mothballed",
            LngTerminalStatus::PossiblyInAggregate => "possibly_in_aggregate",
        }
    }
}

/// A row of `lng_terminals.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LngTerminalRecord {
    /// Zone code.
    pub zone: String,
    /// Terminal name, or an aggregate label.
    pub name: String,
    /// Send-out capacity; `None`: not in open data.
    pub sendout_capacity_gwh_d: Option<GwhPerDay>,
    /// First gas day in service (`None`: always).
    pub valid_from: Option<NaiveDate>,
    /// Last gas day in service (`None`: still).
    pub valid_to: Option<NaiveDate>,
    /// A floating storage and regasification unit.
    pub floating: bool,
    /// Operating status.
    pub status: LngTerminalStatus,
    /// Source id.
    pub source: String,
    /// The capacity is a labelled estimate.
    pub estimated: bool,
    /// Remarks.
    pub note: String,
}

/// The unit of a value in `lng_imports_by_origin.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LngImportUnit {
    /// Percent of all LNG imports of the geography.
    #[serde(rename = "percent_of_lng_imports")]
    PercentOfLngImports,
    /// Billion cubic metres.
    #[serde(rename = "bcm")]
    Bcm,
    /// Million tonnes of LNG.
    #[serde(rename = "Mt_LNG")]
    MtLng,
}

impl LngImportUnit {
    /// All units with their file words.
    pub const CODES: [(&'static str, LngImportUnit); 3] = [
        ("percent_of_lng_imports", LngImportUnit::PercentOfLngImports),
        ("bcm", LngImportUnit::Bcm),
        ("Mt_LNG", LngImportUnit::MtLng),
    ];

    /// The word used in files.
    pub fn code(self) -> &'static str {
        match self {
            LngImportUnit::PercentOfLngImports => "percent_of_lng_imports",
            LngImportUnit::Bcm => "bcm",
            LngImportUnit::MtLng => "Mt_LNG",
        }
    }
}

/// A row of `lng_imports_by_origin.csv`: one published figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LngImportRecord {
    /// `YYYY`, `YYYY-MM`, `YYYY-H1` or `YYYY-H2`.
    pub period: String,
    /// `EU` or `EU27+UK`, as stated by the source.
    pub geography: String,
    /// Origin id, or `ALL`.
    pub origin: String,
    /// The figure, in `unit`.
    pub value: f64,
    /// Unit of `value`.
    pub unit: LngImportUnit,
    /// `Some("min")` when the source says "more than".
    pub bound: Option<String>,
    /// The figure in TWh where it is a volume (bcm × 10.55).
    pub value_twh: Option<Twh>,
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
    /// Nominal injection capacity.
    pub injection_capacity_gwh_d: GwhPerDay,
    /// Nominal withdrawal capacity.
    pub withdrawal_capacity_gwh_d: GwhPerDay,
    /// Gas day the capacities refer to.
    pub as_of: NaiveDate,
    /// Source id.
    pub source: String,
    /// Remarks.
    pub note: String,
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
    /// Fill as a percentage of working gas, as published (may exceed 100 slightly).
    pub full_pct: f64,
    /// Working-gas volume reported that day.
    pub working_gas_twh: Twh,
    /// Injection reported that day.
    pub injection_gwh_d: Option<GwhPerDay>,
    /// Withdrawal reported that day.
    pub withdrawal_gwh_d: Option<GwhPerDay>,
    /// Whether the row may serve as a backtest observation.
    pub quality: LevelQuality,
    /// Source id.
    pub source: String,
    /// Remarks (`DERIVED:` for computed EU sums; why a row is suspect).
    pub note: String,
}

/// Quality flag of an observed storage level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelQuality {
    /// Usable as an observation.
    Ok,
    /// Published before all facilities had reported: not an observation.
    Suspect,
}

impl LevelQuality {
    /// All flags with their file words.
    pub const CODES: [(&'static str, LevelQuality); 2] =
        [("ok", LevelQuality::Ok), ("suspect", LevelQuality::Suspect)];

    /// The word used in files.
    pub fn code(self) -> &'static str {
        match self {
            LevelQuality::Ok => "ok",
            LevelQuality::Suspect => "suspect",
        }
    }
}

/// A row of `storage_curves.csv`: one point of the capacity-against-fill curves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorageCurvePoint {
    /// Zone code, or `*` for the default curve.
    pub zone: String,
    /// Fill in percent of working gas; increasing within a zone.
    pub fill_pct: f64,
    /// Withdrawal capacity as a fraction of nominal.
    pub withdrawal_factor: f64,
    /// Injection capacity as a fraction of nominal.
    pub injection_factor: f64,
    /// Source id.
    pub source: String,
    /// Remarks.
    pub note: String,
}

/// A row of `production.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductionRecord {
    /// Zone code, or `EU`.
    pub zone: String,
    /// Calendar year.
    pub year: i32,
    /// Annual production, `None` where no open source gives it.
    pub production_twh: Option<Twh>,
    /// The value as published, in bcm.
    pub production_bcm: Option<f64>,
    /// Source id.
    pub source: String,
    /// Remarks.
    pub note: String,
}

/// The sector of a demand row: one of the four sectors, or the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DemandSector {
    /// One sector.
    Sector(Sector),
    /// All sectors together.
    Total,
}

impl DemandSector {
    /// All values with their file words.
    pub const CODES: [(&'static str, DemandSector); 5] = [
        (
            "households_services",
            DemandSector::Sector(Sector::HouseholdsServices),
        ),
        ("power", DemandSector::Sector(Sector::Power)),
        ("industry", DemandSector::Sector(Sector::Industry)),
        ("other", DemandSector::Sector(Sector::Other)),
        ("total", DemandSector::Total),
    ];

    /// The word used in files.
    pub fn code(self) -> &'static str {
        match self {
            DemandSector::Sector(sector) => sector.code(),
            DemandSector::Total => "total",
        }
    }
}

/// A row of `demand_annual.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnualDemandRecord {
    /// Zone code, or `EU`.
    pub zone: String,
    /// Calendar year.
    pub year: i32,
    /// Sector or total.
    pub sector: DemandSector,
    /// Demand in the year.
    pub demand_twh: Twh,
    /// Source id.
    pub source: String,
    /// Remarks.
    pub note: String,
}

/// A row of `demand_monthly.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthlyDemandRecord {
    /// Zone code, or `EU`.
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
    /// Remarks (method and shape source).
    pub note: String,
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

/// A calendar month, written `YYYY-MM` in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth {
    /// Calendar year.
    pub year: i32,
    /// Month 1-12.
    pub month: u32,
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A row of `prices_monthly.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthlyPriceRecord {
    /// The month.
    pub month: YearMonth,
    /// Series id (`TTF`, `HENRY_HUB`, `HENRY_HUB_WB`, `ASIA_LNG_PROXY`, `BRENT`).
    pub series: String,
    /// Value in EUR/MWh where a conversion is sourced.
    pub value_eur_mwh: Option<f64>,
    /// Value in the source's unit.
    pub value_source_unit: f64,
    /// The source's unit (e.g. `USD/MMBtu`).
    pub source_unit: String,
    /// Value in USD/MWh where the unit converts (USD/MMBtu ÷ 0.29307107).
    pub value_usd_mwh: Option<f64>,
    /// Source id.
    pub source: String,
    /// Remarks.
    pub note: String,
}

/// A row of `fx_monthly.csv`: the monthly mean of the ECB EUR/USD reference rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FxMonthlyRecord {
    /// Calendar year.
    pub year: i32,
    /// Month 1-12.
    pub month: u32,
    /// US dollars per euro.
    pub usd_per_eur: f64,
    /// Number of daily fixings averaged.
    pub days: u32,
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
    /// Where it is (URL, or repository + path + commit, and the reference file).
    pub r#where: String,
    /// Version or retrieval date.
    pub version: String,
    /// Licence.
    pub licence: String,
    /// Remarks.
    pub note: String,
}

/// A row of `checks.csv`: a published total the dataset is checked against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckRecord {
    /// Stable id of the check.
    pub check_id: String,
    /// What is compared.
    pub description: String,
    /// The published figure.
    pub expected_value: f64,
    /// Unit of `expected_value` and `measured_value`.
    pub unit: String,
    /// Relative tolerance (0.05 = 5 %).
    pub tolerance_rel: f64,
    /// The publication (free text, may name a source id).
    pub source: String,
    /// The figure measured on the dataset when it was compiled.
    pub measured_value: Option<f64>,
    /// The table the measurement reads.
    pub table: String,
    /// `pass` or `FAIL` at compile time.
    pub status: String,
}
