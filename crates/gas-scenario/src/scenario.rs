//! The scenario file: what happens (events) over which period, and how the
//! engine runs. See the crate docs for the full schema.

use crate::common::{
    read_carrier, read_sectors, read_window, read_zones, resolve_window, Carrier, Window, ZoneSel,
};
use crate::errors::{FileError, FileErrors};
use crate::location::{Loc, Located};
use crate::reader::{raw_date, raw_number, Bound, Ctx, Table};
use crate::trigger::{is_name, Trigger};
use chrono::NaiveDate;
use gas_core::system::Operation;
use gas_core::{Period, Sector};

/// A parsed, checked scenario file.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// The file label errors name.
    pub file: String,
    /// Short name.
    pub name: String,
    /// Location of `name` (for errors found when scenarios are compared).
    pub name_loc: Loc,
    /// Free text.
    pub description: String,
    /// Which dataset to build against.
    pub dataset: DatasetRef,
    /// The modelled days.
    pub period: Period,
    /// Location of `[period]` (for errors found at build time).
    pub period_loc: Loc,
    /// The operator's foresight.
    pub operation: Operation,
    /// Where daily demand comes from.
    pub demand: Located<DemandBasis>,
    /// The storage level on the first day.
    pub initial_storage: InitialStorage,
    /// Named dates usable in `from`, `to` and package triggers.
    pub triggers: Vec<Trigger>,
    /// Curtailment penalties and the default fuel-switching share.
    pub curtailment: Curtailment,
    /// Force route flows to the observed daily flows where the dataset has them.
    pub routes_as_observed: bool,
    /// Pipeline origins without a producer zone are capped at their observed
    /// deliveries of the year before the period (`origin_caps = "observed"`, the
    /// default) rather than left at their routes' technical capacity
    /// (`"technical"`).
    pub origins_at_observed_deliveries: bool,
    /// Storage obligations in force by law (`[storage] obligations`).
    pub storage: StorageObligations,
    /// Events in file order.
    pub events: Vec<Event>,
}

/// Which dataset a scenario names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetRef {
    /// The dataset shipped in `data/` (the default).
    Bundled,
    /// A dataset folder, as written in the file (relative to the scenario
    /// file), with where it was written (for an error if it is not there).
    Path(Located<String>),
}

/// Where daily demand comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemandBasis {
    /// The monthly demand of a historical year, repeated for the period's months.
    Year(i32),
    /// The observed daily demand of the period's own days.
    Actual,
}

/// The storage level on the first day.
#[derive(Debug, Clone, PartialEq)]
pub struct InitialStorage {
    /// Default for every zone: observed, or an EU-wide fill.
    pub default: InitialFill,
    /// Per-zone fills (fractions of working gas) that override the default.
    pub zones: Vec<(Located<String>, f64)>,
}

/// The default initial fill.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InitialFill {
    /// The dataset's observed level on (or interpolated to) the start date.
    Observed,
    /// The same fraction of working gas in every zone.
    Fill(f64),
}

/// Storage filling obligations applied without any package (`[storage]`).
///
/// Default: the EU storage regulation ([`crate::presets`] `eu_regulation_2022_1032`)
/// for EU members, on its target dates on or after its entry into force
/// ([`crate::presets::STORAGE_REGULATION_IN_FORCE`], 1 July 2022).
#[derive(Debug, Clone, PartialEq)]
pub struct StorageObligations {
    /// Preset name, or `None` (`obligations = "none"`).
    pub preset: Option<String>,
    /// Penalty per MWh below a target, EUR/MWh.
    pub penalty_eur_mwh: f64,
    /// Soft target on the last day: each storage's level at least its initial
    /// level (`end_level = "start"`, the default), or none (`"free"`).
    pub end_at_least_start: bool,
}

impl Default for StorageObligations {
    fn default() -> Self {
        StorageObligations {
            preset: Some("eu_regulation_2022_1032".to_string()),
            penalty_eur_mwh: crate::package::DEFAULT_TARGET_PENALTY,
            end_at_least_start: true,
        }
    }
}

/// Curtailment penalties (EUR/MWh) by merit-order step: **assumptions**, see the crate docs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Curtailment {
    /// Fuel switching in power (gas-fired output replaced by coal or oil). `None`
    /// (the default): derived from prices, see `build::demand::fuel_switching_cost`.
    pub fuel_switching: Option<f64>,
    /// Share of power-sector gas demand that can switch fuel without a package measure: 0.
    pub fuel_switching_share: f64,
    /// Power (beyond fuel switching): 400.
    pub power: f64,
    /// Industry: 600.
    pub industry: f64,
    /// Other uses: 800.
    pub other: f64,
    /// Households and services (protected customers): 3000.
    pub households_services: f64,
}

impl Default for Curtailment {
    fn default() -> Self {
        Curtailment {
            fuel_switching: None,
            fuel_switching_share: 0.0,
            power: 400.0,
            industry: 600.0,
            other: 800.0,
            households_services: 3000.0,
        }
    }
}

impl Curtailment {
    /// The penalty of curtailing `sector` (beyond fuel switching for power).
    pub fn penalty(&self, sector: Sector) -> f64 {
        match sector {
            Sector::HouseholdsServices => self.households_services,
            Sector::Power => self.power,
            Sector::Industry => self.industry,
            Sector::Other => self.other,
        }
    }
}

/// One event of a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Key path, `events[i]`.
    pub key: String,
    /// Location of the event's table.
    pub loc: Loc,
    /// What happens.
    pub kind: EventKind,
    /// When, as written.
    pub window: Window,
    /// When, resolved: first and last day (included); may reach outside the period.
    pub dates: (NaiveDate, NaiveDate),
    /// Free-text note (e.g. the source of an assumption).
    pub note: String,
}

/// What an event does.
#[derive(Debug, Clone, PartialEq)]
pub enum EventKind {
    /// Pipeline routes or a whole origin stop delivering `share` of their capacity.
    RouteCutoff {
        /// Routes or origin.
        target: CutoffTarget,
        /// Share of capacity lost, `[0, 1]` (0.6: capacity 100 becomes 40).
        share: f64,
    },
    /// The LNG an origin offers is multiplied by `factor` (0.5 halves it, 1.2 adds 20 %).
    LngAvailability {
        /// Origin code.
        origin: Located<String>,
        /// Multiplier, `>= 0`.
        factor: f64,
    },
    /// Pipelines or LNG terminals lose `share` of their capacity.
    Outage {
        /// Pipeline codes (`DE>PL`).
        pipelines: Vec<Located<String>>,
        /// LNG terminal names (as in the dataset) or zone aggregates (`LNG-DE`).
        terminals: Vec<Located<String>>,
        /// Share of capacity lost, `[0, 1]`.
        share: f64,
    },
    /// Demand changes by `change` (+0.1 = +10 %) in the zones and sectors.
    DemandShock {
        /// Zones.
        zones: ZoneSel,
        /// Sectors.
        sectors: Vec<Sector>,
        /// Relative change, `>= -1`.
        change: f64,
    },
    /// Households and services demand rises by `uplift` (0.15 = +15 %).
    ColdSpell {
        /// Zones.
        zones: ZoneSel,
        /// Relative uplift, `>= 0`.
        uplift: f64,
    },
}

/// The routes a cut-off applies to.
#[derive(Debug, Clone, PartialEq)]
pub enum CutoffTarget {
    /// Named routes.
    Routes(Vec<Located<String>>),
    /// Every route (pipeline) and/or LNG supply of an origin.
    Origin {
        /// Origin code.
        origin: Located<String>,
        /// Which carriers stop (default: all).
        carrier: Carrier,
    },
}

/// The event types a scenario accepts (`[[events]] type = ...`), in the order of
/// [`EventKind`]. `docs/scenarios.md` documents each one (checked by `tests/docs.rs`).
pub const EVENT_TYPES: [&str; 5] = [
    "route_cutoff",
    "lng_availability",
    "outage",
    "demand_shock",
    "cold_spell",
];

/// The top-level keys a scenario file accepts, in alphabetical order (the order of
/// the "expected one of the keys ..." error for an unknown key). `tests/docs.rs`
/// checks this list against that error and `docs/scenarios.md` against this list.
pub const SCENARIO_KEYS: [&str; 13] = [
    "curtailment",
    "dataset",
    "demand",
    "description",
    "events",
    "initial_storage",
    "name",
    "operation",
    "origin_caps",
    "period",
    "routes_as_observed",
    "storage",
    "triggers",
];

/// Reads a scenario file.
pub fn load_scenario(path: &std::path::Path) -> Result<Scenario, FileErrors> {
    let label = path.display().to_string();
    let text = crate::read_text(path)?;
    parse_scenario(&text, &label)
}

/// Parses scenario text; `file_label` is the file name errors carry.
///
/// Every problem is reported, not only the first:
///
/// ```
/// let errors = gas_scenario::parse_scenario("name = 3\nperiod = { start = 2022-04-01 }\n", "x.toml")
///     .unwrap_err();
/// assert_eq!(errors.0.len(), 2);
/// assert_eq!(errors.0[0].to_string(), "x.toml:1:8: name: expected a string, found 3");
/// assert_eq!(errors.0[1].key, "period.end");
/// ```
pub fn parse_scenario(text: &str, file_label: &str) -> Result<Scenario, FileErrors> {
    let mut ctx = Ctx::new(text, file_label);
    let Some(document) = ctx.parse(text) else {
        return Err(FileErrors(ctx.errors).normalise());
    };
    let mut root = Table::root(&document);
    let scenario = read_scenario(&mut ctx, &mut root);
    root.finish(&mut ctx);
    match scenario {
        Some(scenario) if ctx.errors.is_empty() => Ok(scenario),
        _ => Err(FileErrors(ctx.errors).normalise()),
    }
}

fn read_scenario(ctx: &mut Ctx<'_>, root: &mut Table<'_, '_>) -> Option<Scenario> {
    let name = root.string(ctx, "name", true);
    if let Some(name) = name.as_ref().filter(|n| n.value.trim().is_empty()) {
        // The name labels outputs and comparison rows.
        ctx.errors
            .push(name.loc.error("a non-empty name", "an empty string"));
    }
    let description = root.string(ctx, "description", false);
    let dataset = match root.string(ctx, "dataset", false) {
        None => DatasetRef::Bundled,
        Some(text) if text.value == "bundled" => DatasetRef::Bundled,
        Some(text) if text.value.trim().is_empty() => {
            ctx.errors.push(
                text.loc
                    .error("\"bundled\" or a dataset folder", "an empty string"),
            );
            DatasetRef::Bundled
        }
        Some(text) => DatasetRef::Path(text),
    };
    let routes_as_observed = root
        .boolean(ctx, "routes_as_observed")
        .is_some_and(|flag| flag.value);
    let origins_at_observed_deliveries = root
        .choice(ctx, "origin_caps", false, &["observed", "technical"])
        .is_none_or(|choice| choice.value == "observed");

    let period_loc = root.loc(ctx, "period");
    let period = read_period(ctx, root);
    let operation = read_operation(ctx, root);
    let demand = read_demand(ctx, root);
    let initial_storage = read_initial_storage(ctx, root);
    let triggers = read_triggers(ctx, root);
    let curtailment = read_curtailment(ctx, root);
    let storage = read_storage(ctx, root);

    let mut events = Vec::new();
    for mut table in root.tables(ctx, "events") {
        if let Some(event) = read_event(ctx, &mut table, &triggers, period) {
            events.push(event);
        }
        table.finish(ctx);
    }

    let name = name?;
    Some(Scenario {
        file: ctx.file.clone(),
        name: name.value,
        name_loc: name.loc,
        description: description.map(|d| d.value).unwrap_or_default(),
        dataset,
        period: period?,
        period_loc,
        operation: operation?,
        demand: demand?,
        initial_storage,
        triggers,
        curtailment,
        routes_as_observed,
        origins_at_observed_deliveries,
        storage,
        events,
    })
}

fn read_period(ctx: &mut Ctx<'_>, root: &mut Table<'_, '_>) -> Option<Period> {
    let mut table = root.table(ctx, "period", true)?;
    let start = table.date(ctx, "start", true);
    let end = table.date(ctx, "end", true);
    table.finish(ctx);
    let (start, end) = (start?, end?);
    if end.value < start.value {
        ctx.errors.push(end.loc.error(
            format!("a date on or after period.start {}", start.value),
            end.value.to_string(),
        ));
        return None;
    }
    let period = Period::from_dates(start.value, end.value)?;
    if period.days > 3 * 366 {
        ctx.errors.push(end.loc.error(
            "a period of at most three years",
            format!("{} days", period.days),
        ));
        return None;
    }
    Some(period)
}

fn read_operation(ctx: &mut Ctx<'_>, root: &mut Table<'_, '_>) -> Option<Operation> {
    let Some(mut table) = root.table(ctx, "operation", false) else {
        return Some(Operation::PerfectForesight);
    };
    let mode = table.choice(
        ctx,
        "mode",
        true,
        &["perfect_foresight", "rolling_horizon", "myopic"],
    );
    let operation = match mode.as_ref().map(|mode| mode.value.as_str()) {
        Some("rolling_horizon") => {
            let window = table.integer(ctx, "window_days", true, 1, 3 * 366);
            let commit = table.integer(ctx, "commit_days", true, 1, 3 * 366);
            match (window, commit) {
                (Some(window), Some(commit)) if commit.value > window.value => {
                    ctx.errors.push(commit.loc.error(
                        format!(
                            "a whole number between 1 and window_days ({})",
                            window.value
                        ),
                        commit.value.to_string(),
                    ));
                    None
                }
                (Some(window), Some(commit)) => Some(Operation::RollingHorizon {
                    window_days: window.value as usize,
                    commit_days: commit.value as usize,
                }),
                _ => None,
            }
        }
        Some("myopic") => Some(Operation::Myopic),
        Some(_) => Some(Operation::PerfectForesight),
        None => None,
    };
    table.finish(ctx);
    operation
}

fn read_demand(ctx: &mut Ctx<'_>, root: &mut Table<'_, '_>) -> Option<Located<DemandBasis>> {
    let loc = root.loc(ctx, "demand");
    let Some(mut table) = root.table(ctx, "demand", false) else {
        // Default: the monthly demand of 2021, the last year before the crisis.
        return Some(Located::new(DemandBasis::Year(2021), loc));
    };
    let basis = table.choice(ctx, "basis", true, &["year", "actual"]);
    let result = match basis.as_ref().map(|basis| basis.value.as_str()) {
        Some("year") => table
            .integer(ctx, "year", true, 1990, 2100)
            .map(|year| Located::new(DemandBasis::Year(year.value as i32), year.loc)),
        Some(_) => {
            let basis = basis?;
            Some(Located::new(DemandBasis::Actual, basis.loc))
        }
        None => None,
    };
    table.finish(ctx);
    result
}

fn read_initial_storage(ctx: &mut Ctx<'_>, root: &mut Table<'_, '_>) -> InitialStorage {
    let mut result = InitialStorage {
        default: InitialFill::Observed,
        zones: Vec::new(),
    };
    let Some(mut table) = root.table(ctx, "initial_storage", false) else {
        return result;
    };
    let source = table.choice(ctx, "source", false, &["observed", "fill"]);
    let fill = table.number(ctx, "fill", false, Bound::Share);
    match (source.as_ref().map(|s| s.value.as_str()), fill) {
        (Some("fill"), Some(fill)) | (None, Some(fill)) => {
            result.default = InitialFill::Fill(fill.value)
        }
        (Some("fill"), None) if !table.has("fill") => {
            let loc = table.loc(ctx, "fill");
            ctx.errors
                .push(loc.error("a number between 0 and 1", "nothing (the key is missing)"));
        }
        (Some(_), Some(fill)) => ctx.errors.push(fill.loc.error(
            "no fill when source = \"observed\" (use source = \"fill\")",
            fill.value.to_string(),
        )),
        _ => {}
    }
    if let Some(zones) = table.table(ctx, "zones", false) {
        for (code, _, raw) in zones.entries() {
            if let Some(value) = raw_number(ctx, &raw, Bound::Share) {
                result
                    .zones
                    .push((Located::new(code, ctx.loc(&raw.span, &raw.key)), value));
            }
        }
    }
    table.finish(ctx);
    result
}

fn read_triggers(ctx: &mut Ctx<'_>, root: &mut Table<'_, '_>) -> Vec<Trigger> {
    let mut triggers = Vec::new();
    let Some(table) = root.table(ctx, "triggers", false) else {
        return triggers;
    };
    for (name, name_span, raw) in table.entries() {
        if !is_name(&name) {
            ctx.error(
                &name_span,
                &raw.key,
                "a trigger name (a letter, then letters, digits, _ or -)",
                format!("{name:?}"),
            );
            continue;
        }
        if let Some(date) = raw_date(ctx, &raw) {
            triggers.push(Trigger { name, date });
        }
    }
    triggers
}

fn read_storage(ctx: &mut Ctx<'_>, root: &mut Table<'_, '_>) -> StorageObligations {
    let mut result = StorageObligations::default();
    let Some(mut table) = root.table(ctx, "storage", false) else {
        return result;
    };
    let mut options = vec!["none"];
    options.extend(crate::presets::STORAGE_TARGET_NAMES);
    if let Some(choice) = table.choice(ctx, "obligations", false, &options) {
        result.preset = (choice.value != "none").then_some(choice.value);
    }
    if let Some(end) = table.choice(ctx, "end_level", false, &["start", "free"]) {
        result.end_at_least_start = end.value == "start";
    }
    if let Some(penalty) = table.number(ctx, "target_penalty_eur_mwh", false, Bound::Price) {
        result.penalty_eur_mwh = penalty.value;
    }
    table.finish(ctx);
    result
}

fn read_curtailment(ctx: &mut Ctx<'_>, root: &mut Table<'_, '_>) -> Curtailment {
    let mut curtailment = Curtailment::default();
    let Some(mut table) = root.table(ctx, "curtailment", false) else {
        return curtailment;
    };
    if let Some(value) = table.number(ctx, "fuel_switching", false, Bound::Price) {
        curtailment.fuel_switching = Some(value.value);
    }
    let mut set = |ctx: &mut Ctx<'_>, key: &'static str, bound: Bound, target: &mut f64| {
        if let Some(value) = table.number(ctx, key, false, bound) {
            *target = value.value;
        }
    };
    set(
        ctx,
        "fuel_switching_share",
        Bound::Share,
        &mut curtailment.fuel_switching_share,
    );
    set(ctx, "power", Bound::Price, &mut curtailment.power);
    set(ctx, "industry", Bound::Price, &mut curtailment.industry);
    set(ctx, "other", Bound::Price, &mut curtailment.other);
    set(
        ctx,
        "households_services",
        Bound::Price,
        &mut curtailment.households_services,
    );
    table.finish(ctx);
    curtailment
}

fn read_event(
    ctx: &mut Ctx<'_>,
    table: &mut Table<'_, '_>,
    triggers: &[Trigger],
    period: Option<Period>,
) -> Option<Event> {
    if table.is_placeholder() {
        return None;
    }
    let kind_name = table.choice(ctx, "type", true, &EVENT_TYPES);
    let note = table
        .string(ctx, "note", false)
        .map(|n| n.value)
        .unwrap_or_default();
    let window = read_window(ctx, table);
    let kind = match kind_name.as_ref().map(|k| k.value.as_str())? {
        "route_cutoff" => {
            let target = read_cutoff_target(ctx, table);
            let share = table
                .number(ctx, "share", false, Bound::Share)
                .map_or(1.0, |s| s.value);
            EventKind::RouteCutoff {
                target: target?,
                share,
            }
        }
        "lng_availability" => {
            let origin = table.string(ctx, "origin", true);
            let factor = table.number(ctx, "factor", true, Bound::Multiplier);
            EventKind::LngAvailability {
                origin: origin?,
                factor: factor?.value,
            }
        }
        "outage" => {
            let pipelines =
                table.strings(ctx, "pipelines", false, "pipeline codes such as \"DE>PL\"");
            let terminals = table.strings(ctx, "terminals", false, "LNG terminal names");
            let share = table
                .number(ctx, "share", false, Bound::Share)
                .map_or(1.0, |s| s.value);
            if pipelines.is_none()
                && terminals.is_none()
                && !table.has("pipelines")
                && !table.has("terminals")
            {
                let loc = table.loc(ctx, "pipelines");
                ctx.errors.push(loc.error(
                    "pipelines or terminals (a non-empty list)",
                    "nothing (both keys are missing)",
                ));
                return None;
            }
            EventKind::Outage {
                pipelines: pipelines.unwrap_or_default(),
                terminals: terminals.unwrap_or_default(),
                share,
            }
        }
        "demand_shock" => {
            let zones = read_zones(ctx, table, "zones");
            let sectors = read_sectors(ctx, table, "sectors");
            let change = table.number(ctx, "change", true, Bound::Change);
            EventKind::DemandShock {
                zones,
                sectors,
                change: change?.value,
            }
        }
        _ => {
            let zones = read_zones(ctx, table, "zones");
            let uplift = table.number(ctx, "uplift", true, Bound::Multiplier);
            EventKind::ColdSpell {
                zones,
                uplift: uplift?.value,
            }
        }
    };
    let loc = ctx.loc(&table.span, &table.path);
    if window.from.is_none() {
        if table.has("from") {
            return None;
        }
        let from_loc = table.loc(ctx, "from");
        ctx.errors.push(from_loc.error(
            crate::trigger::EXPRESSION_EXPECTED,
            "nothing (the key is missing)",
        ));
        return None;
    }
    let period = period?;
    let mut errors: Vec<FileError> = Vec::new();
    let dates = resolve_window(
        &window,
        period.start,
        &loc,
        triggers,
        (period.start, period.end()),
        crate::common::OutsidePeriod::Error,
        &mut errors,
    );
    ctx.errors.extend(errors);
    Some(Event {
        key: table.path.clone(),
        loc,
        kind,
        window,
        dates: dates?,
        note,
    })
}

fn read_cutoff_target(ctx: &mut Ctx<'_>, table: &mut Table<'_, '_>) -> Option<CutoffTarget> {
    let routes = table.strings(ctx, "routes", false, "route ids");
    let origin = table.string(ctx, "origin", false);
    let has_carrier = table.has("carrier");
    let carrier = read_carrier(ctx, table, Carrier::All);
    match (routes, origin) {
        (Some(_), Some(origin)) => {
            ctx.errors.push(origin.loc.error(
                "either routes or origin, not both",
                format!("{:?} as well as routes", origin.value),
            ));
            None
        }
        (Some(routes), None) => {
            if has_carrier {
                let loc = table.loc(ctx, "carrier");
                ctx.errors
                    .push(loc.error("no carrier with routes (routes are pipelines)", "a carrier"));
            }
            Some(CutoffTarget::Routes(routes))
        }
        (None, Some(origin)) => Some(CutoffTarget::Origin { origin, carrier }),
        (None, None) => {
            if !table.has("routes") {
                let loc = table.loc(ctx, "routes");
                ctx.errors.push(loc.error(
                    "routes (a non-empty list of route ids) or origin",
                    "nothing (both keys are missing)",
                ));
            }
            None
        }
    }
}

/// Whether `text` is a scenario rather than a package: it has a top-level
/// `period` (a table or an inline table), or, without any key of a package
/// (`trigger`, `measures`), a key only a scenario has (`events`, `triggers`,
/// ...), so that a scenario whose `[period]` is misspelt or missing is told
/// so by the scenario reader instead of being read as a package. Text that is
/// not valid TOML is judged by its table headers (`[period]`, `[[events]]`,
/// ...), so that its syntax error comes from the right reader.
///
/// ```
/// assert!(gas_scenario::is_scenario_text("name = \"s\"\nperiod = { start = 2022-01-01, end = 2022-01-31 }\n"));
/// assert!(!gas_scenario::is_scenario_text("name = \"p\"\ntrigger = 2022-02-24\n[[measures]]\ntype = \"solidarity\"\n"));
/// assert!(gas_scenario::is_scenario_text("name = \"broken\n[period]\n"));
/// assert!(gas_scenario::is_scenario_text("name = \"typo\"\n[periode]\n[[events]]\ntype = \"cold_spell\"\n"));
/// assert!(!gas_scenario::is_scenario_text("name = \"p\"\ntrigger = 2022-02-24\n[triggers]\n"));
/// assert!(!gas_scenario::is_scenario_text(""));
/// ```
pub fn is_scenario_text(text: &str) -> bool {
    let scenario_only = keys_only_in(&SCENARIO_KEYS, &crate::package::PACKAGE_KEYS);
    match text.parse::<toml::Table>() {
        Ok(table) => {
            let has_any = |keys: &[&str]| keys.iter().any(|key| table.contains_key(*key));
            let package_only = keys_only_in(&crate::package::PACKAGE_KEYS, &SCENARIO_KEYS);
            table.contains_key("period") || (!has_any(&package_only) && has_any(&scenario_only))
        }
        Err(_) => text.lines().any(|line| {
            let header = line.trim_start().trim_start_matches('[');
            line.trim_start().starts_with('[')
                && scenario_only
                    .iter()
                    .any(|key| header.starts_with(&format!("{key}]")))
        }),
    }
}

/// The keys of `keys` that `others` does not have.
fn keys_only_in(keys: &[&'static str], others: &[&str]) -> Vec<&'static str> {
    keys.iter()
        .copied()
        .filter(|key| !others.contains(key))
        .collect()
}
