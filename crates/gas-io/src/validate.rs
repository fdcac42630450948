//! Rules across rows and tables: unique keys, known ids, sources, curve order.
//!
//! Rules within one cell or row (numbers, ranges, dates, validity order) are
//! checked while reading, in the table modules.

use crate::error::{InputError, InputErrors};
use crate::table::Table;
use gas_core::dataset::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// The file line of each row, per table (index + 2 when unknown: header, then one line per row).
#[derive(Default)]
pub(crate) struct Lines(HashMap<&'static str, Vec<usize>>);

impl Lines {
    pub(crate) fn set(&mut self, file: &'static str, lines: Vec<usize>) {
        self.0.insert(file, lines);
    }
    fn get(&self, file: &str, index: usize) -> usize {
        self.0
            .get(file)
            .and_then(|lines| lines.get(index).copied())
            .unwrap_or(index + 2)
    }
}

/// What ids exist, from the rows read and the rows that failed to read.
struct Ids<'a> {
    zones: BTreeSet<&'a str>,
    origins: BTreeSet<&'a str>,
    routes: BTreeSet<&'a str>,
    sources: BTreeSet<&'a str>,
}

/// How far above a zone's mean daily demand (from its annual total) an observed
/// day may be before it is taken for a unit error. Cold days reach about 2-2.5
/// times the annual mean in heating-dominated zones.
pub const DAILY_DEMAND_PLAUSIBLE_FACTOR: f64 = 5.0;

struct Checker<'a> {
    lines: &'a Lines,
    path: &'a dyn Fn(&str) -> PathBuf,
    errors: Vec<InputError>,
}

impl Checker<'_> {
    fn cell<T: Table>(&mut self, index: usize, column: &str, expected: &str, found: &str) {
        let line = self.lines.get(T::FILE, index);
        self.errors.push(InputError::cell(
            (self.path)(T::FILE),
            line,
            column,
            expected,
            found,
        ));
    }

    /// Daily demand must be of the zone's order of magnitude: at most
    /// [`DAILY_DEMAND_PLAUSIBLE_FACTOR`] times its largest mean daily total in
    /// `demand_annual.csv` (a unit slip such as kWh for GWh is a factor of 10⁶).
    /// Zones without an annual total are not checked. One error per zone (its
    /// first implausible row), with the count of the others.
    fn daily_demand_plausible(
        &mut self,
        daily: &[DailyDemandRecord],
        annual: &[AnnualDemandRecord],
    ) {
        let mut mean_gwh_d: BTreeMap<&str, f64> = BTreeMap::new();
        for row in annual.iter().filter(|r| r.sector == DemandSector::Total) {
            let mean = row.demand_twh.0 * 1000.0 / 365.0;
            let entry = mean_gwh_d.entry(row.zone.as_str()).or_insert(0.0);
            *entry = entry.max(mean);
        }
        let mut first: BTreeMap<&str, (usize, f64, usize)> = BTreeMap::new();
        for (index, row) in daily.iter().enumerate() {
            let Some(&mean) = mean_gwh_d.get(row.zone.as_str()) else {
                continue;
            };
            let value = row.demand_gwh_d.value();
            if value > DAILY_DEMAND_PLAUSIBLE_FACTOR * mean {
                first
                    .entry(row.zone.as_str())
                    .and_modify(|e| e.2 += 1)
                    .or_insert((index, value, 0));
            }
        }
        for (zone, (index, value, more)) in first {
            let limit = DAILY_DEMAND_PLAUSIBLE_FACTOR * mean_gwh_d[zone];
            let expected = format!(
                "GWh/d of the order of {zone}'s demand: at most {limit:.0} \
                 ({DAILY_DEMAND_PLAUSIBLE_FACTOR} x its largest mean daily total in \
                 demand_annual.csv); is the unit GWh/d?"
            );
            let found = if more > 0 {
                format!("{value} (and {more} more rows of {zone})")
            } else {
                value.to_string()
            };
            self.cell::<DailyDemandRecord>(index, "demand_gwh_d", &expected, &found);
        }
    }

    /// Every zone-year of `demand_monthly.csv` that has rows must have all of
    /// them: each of the 12 months for each sector the zone-year uses anywhere
    /// (the builder reads a missing row as no demand, so a gap would silently be
    /// zero demand). A zone with no rows at all for a year is not checked here
    /// (the run notes it), nor is the informational `EU` aggregate. One error per
    /// incomplete zone-year, on the line after which the first missing row belongs.
    fn monthly_demand_complete(&mut self, monthly: &[MonthlyDemandRecord]) {
        type Group<'r> = (Vec<usize>, BTreeSet<DemandSector>);
        let mut order: Vec<(&str, i32)> = Vec::new();
        let mut groups: BTreeMap<(&str, i32), Group<'_>> = BTreeMap::new();
        for (index, row) in monthly.iter().enumerate() {
            if row.zone == EU_AGGREGATE {
                continue;
            }
            let key = (row.zone.as_str(), row.year);
            let group = groups.entry(key).or_insert_with(|| {
                order.push(key);
                (Vec::new(), BTreeSet::new())
            });
            group.0.push(index);
            group.1.insert(row.sector);
        }
        for key in order {
            let (indices, sectors) = &groups[&key];
            let present: BTreeSet<(u32, DemandSector)> = indices
                .iter()
                .map(|&i| (monthly[i].month, monthly[i].sector))
                .collect();
            let mut missing: Vec<(u32, Vec<&str>)> = Vec::new();
            for month in 1..=12 {
                let gaps: Vec<&str> = sectors
                    .iter()
                    .filter(|sector| !present.contains(&(month, **sector)))
                    .map(|sector| sector.code())
                    .collect();
                if !gaps.is_empty() {
                    missing.push((month, gaps));
                }
            }
            let Some((first_month, first_sectors)) = missing.first() else {
                continue;
            };
            // The line of the last row that sorts before the first missing one
            // (the zone-year's first line when none does).
            let first_sector = first_sectors.iter().min().copied().unwrap_or_default();
            let first_missing = (*first_month, first_sector);
            let line_of = |i: usize| self.lines.get(MonthlyDemandRecord::FILE, i);
            let before = indices
                .iter()
                .filter(|&&i| (monthly[i].month, monthly[i].sector.code()) < first_missing)
                .max_by_key(|&&i| (monthly[i].month, monthly[i].sector.code()))
                .or(indices.first())
                .map_or(0, |&i| line_of(i));
            let lines: Vec<usize> = indices.iter().map(|&i| line_of(i)).collect();
            let (lo, hi) = (
                lines.iter().min().copied().unwrap_or(0),
                lines.iter().max().copied().unwrap_or(0),
            );
            let all_sectors: Vec<&str> = sectors.iter().map(|s| s.code()).collect();
            let expected = format!(
                "all 12 months for each sector of {} {} ({}), as a zone-year with some rows \
                 must have them all (its rows are on lines {lo}-{hi})",
                key.0,
                key.1,
                all_sectors.join(", ")
            );
            let gaps: Vec<String> = missing
                .iter()
                .map(|(month, gaps)| {
                    if gaps.len() == all_sectors.len() && gaps.len() > 1 {
                        format!("month {month} (all sectors)")
                    } else {
                        format!("month {month} ({})", gaps.join(", "))
                    }
                })
                .collect();
            let found = format!("no rows for {}", gaps.join(", "));
            self.errors.push(InputError::cell(
                (self.path)(MonthlyDemandRecord::FILE),
                before,
                "month",
                expected,
                found,
            ));
        }
    }

    /// Every zone of `storage_levels.csv` (other than `EU`) must have its
    /// storage in `storage.csv`: the levels observe that storage, and a zone
    /// without a `storage.csv` row is built without storage. One error per zone,
    /// on its first level row, with the count of the others.
    /// (Unknown zones are reported by the reference check.)
    fn levels_have_storage(
        &mut self,
        levels: &[StorageLevelRecord],
        storage: &[StorageRecord],
        zones: &BTreeSet<&str>,
    ) {
        let with_storage: BTreeSet<&str> = storage.iter().map(|s| s.zone.as_str()).collect();
        let mut first: Vec<(&str, usize, usize)> = Vec::new();
        for (index, row) in levels.iter().enumerate() {
            if !zones.contains(row.zone.as_str()) || with_storage.contains(row.zone.as_str()) {
                continue;
            }
            match first.iter_mut().find(|(zone, _, _)| *zone == row.zone) {
                Some(entry) => entry.2 += 1,
                None => first.push((&row.zone, index, 0)),
            }
        }
        for (zone, index, more) in first {
            let expected = format!(
                "a zone with a row in storage.csv (these levels observe its storage; \
                 without a storage.csv row, {zone} is built without storage)"
            );
            let found = if more > 0 {
                format!("{zone} (and {more} more rows of {zone})")
            } else {
                zone.to_string()
            };
            self.cell::<StorageLevelRecord>(index, "zone", &expected, &found);
        }
    }

    /// Every zone of `storage.csv` needs a withdrawal/injection curve in
    /// `storage_curves.csv`: points of its own, or the default curve (zone `*`).
    /// Without either the builder would take a flat curve (full rates at any
    /// fill) without saying so. One error, on the first zone without a curve,
    /// listing the others.
    fn storage_has_curves(&mut self, storage: &[StorageRecord], curves: &[StorageCurvePoint]) {
        let with_curve: BTreeSet<&str> = curves.iter().map(|p| p.zone.as_str()).collect();
        if with_curve.contains("*") {
            return;
        }
        let without: Vec<(usize, &str)> = storage
            .iter()
            .enumerate()
            .filter(|(_, s)| !with_curve.contains(s.zone.as_str()))
            .map(|(i, s)| (i, s.zone.as_str()))
            .collect();
        let Some(&(index, zone)) = without.first() else {
            return;
        };
        let found = if without.len() > 1 {
            let others: Vec<&str> = without[1..].iter().map(|(_, z)| *z).collect();
            format!(
                "{zone} (and {} more zones without a curve: {})",
                others.len(),
                others.join(", ")
            )
        } else {
            zone.to_string()
        };
        self.cell::<StorageRecord>(
            index,
            "zone",
            "a zone with a withdrawal/injection curve in storage_curves.csv \
             (rows of its own, or the default curve of zone *, which storage_curves.csv lacks)",
            &found,
        );
    }

    /// A route's origin must supply Europe by pipeline (`pipeline = true` in
    /// `origins.csv`).
    fn routes_from_pipeline_origins(&mut self, routes: &[RouteRecord], origins: &[OriginRecord]) {
        for (i, route) in routes.iter().enumerate() {
            let Some((j, _)) = origins
                .iter()
                .enumerate()
                .find(|(_, o)| o.id == route.origin && !o.pipeline)
            else {
                continue;
            };
            let line = self.lines.get(OriginRecord::FILE, j);
            let expected = format!(
                "an origin with pipeline = true in origins.csv ({} has pipeline = false on line {line}: \
                 either it has pipeline routes, or this route belongs to another origin)",
                route.origin
            );
            self.cell::<RouteRecord>(i, "origin", &expected, &route.origin);
        }
    }

    /// Every value of `column` must satisfy `known`.
    fn refs<'r, T: Table + 'r>(
        &mut self,
        rows: &'r [T],
        column: &str,
        get: impl Fn(&'r T) -> Option<&'r str>,
        known: impl Fn(&str) -> bool,
        expected: &str,
    ) {
        for (i, row) in rows.iter().enumerate() {
            if let Some(value) = get(row) {
                if !known(value) {
                    self.cell::<T>(i, column, expected, value);
                }
            }
        }
    }

    /// Every row's `source` must be in sources.csv.
    fn sources<'r, T: Table + 'r>(
        &mut self,
        rows: &'r [T],
        ids: &Ids<'_>,
        get: impl Fn(&'r T) -> &'r str,
    ) {
        self.refs(
            rows,
            "source",
            |r| Some(get(r)),
            |s| ids.sources.contains(s),
            "a source id from sources.csv",
        );
    }

    /// No two rows may share a key.
    fn unique<'r, T: Table + 'r, K: Ord>(
        &mut self,
        rows: &'r [T],
        key_columns: &[&str],
        key: impl Fn(&'r T) -> K,
        shown: impl Fn(&'r T) -> String,
    ) {
        let mut first: BTreeMap<K, usize> = BTreeMap::new();
        for (i, row) in rows.iter().enumerate() {
            match first.get(&key(row)) {
                Some(&j) => {
                    let first_line = self.lines.get(T::FILE, j);
                    let expected = format!(
                        "a unique {} (first on line {first_line})",
                        key_columns.join(", ")
                    );
                    let line = self.lines.get(T::FILE, i);
                    let error = if key_columns.len() == 1 {
                        InputError::cell(
                            (self.path)(T::FILE),
                            line,
                            key_columns[0],
                            expected,
                            shown(row),
                        )
                    } else {
                        InputError::row((self.path)(T::FILE), line, expected, shown(row))
                    };
                    self.errors.push(error);
                }
                None => {
                    first.insert(key(row), i);
                }
            }
        }
    }
}

fn date_text(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Checks the rules across rows and tables of a loaded dataset.
pub(crate) fn validate_loaded(
    d: &Dataset,
    lines: &Lines,
    path: &dyn Fn(&str) -> PathBuf,
    failed_ids: &BTreeSet<(&'static str, String)>,
    files_with_row_errors: &BTreeSet<&'static str>,
) -> Vec<InputError> {
    fn failed<'a>(
        failed_ids: &'a BTreeSet<(&'static str, String)>,
        file: &'static str,
    ) -> impl Iterator<Item = &'a str> {
        failed_ids
            .iter()
            .filter(move |(f, _)| *f == file)
            .map(|(_, id)| id.as_str())
    }
    let ids = Ids {
        zones: d
            .zones
            .iter()
            .map(|z| z.id.as_str())
            .chain(failed(failed_ids, ZoneRecord::FILE))
            .collect(),
        origins: d
            .origins
            .iter()
            .map(|o| o.id.as_str())
            .chain(failed(failed_ids, OriginRecord::FILE))
            .collect(),
        routes: d
            .routes
            .iter()
            .map(|r| r.id.as_str())
            .chain(failed(failed_ids, RouteRecord::FILE))
            .collect(),
        sources: d
            .sources
            .iter()
            .map(|s| s.id.as_str())
            .chain(failed(failed_ids, SourceRecord::FILE))
            .collect(),
    };
    let zone = |z: &str| ids.zones.contains(z);
    let zone_or_eu = |z: &str| z == EU_AGGREGATE || ids.zones.contains(z);
    let origin = |o: &str| ids.origins.contains(o);
    const ZONE: &str = "a zone id from zones.csv";
    const ZONE_OR_EU: &str = "a zone id from zones.csv or EU";
    const ORIGIN: &str = "an origin id from origins.csv";

    let mut c = Checker {
        lines,
        path,
        errors: Vec::new(),
    };

    // sources.csv
    c.unique(&d.sources, &["id"], |s| &s.id, |s| s.id.clone());

    // zones.csv, origins.csv
    c.unique(&d.zones, &["id"], |z| &z.id, |z| z.id.clone());
    c.sources(&d.zones, &ids, |z| &z.source);
    c.unique(&d.origins, &["id"], |o| &o.id, |o| o.id.clone());
    c.refs(
        &d.origins,
        "transit_of",
        |o| o.transit_of.as_deref(),
        origin,
        ORIGIN,
    );
    c.sources(&d.origins, &ids, |o| &o.source);

    // interconnectors.csv
    c.refs(
        &d.interconnectors,
        "from_zone",
        |r| Some(&r.from_zone),
        zone,
        ZONE,
    );
    c.refs(
        &d.interconnectors,
        "to_zone",
        |r| Some(&r.to_zone),
        zone,
        ZONE,
    );
    for (i, r) in d.interconnectors.iter().enumerate() {
        if r.from_zone == r.to_zone {
            c.cell::<InterconnectorRecord>(i, "to_zone", "a zone other than from_zone", &r.to_zone);
        }
    }
    c.unique(
        &d.interconnectors,
        &["from_zone", "to_zone", "valid_from"],
        |r| (&r.from_zone, &r.to_zone, r.valid_from),
        |r| format!("{},{},{}", r.from_zone, r.to_zone, date_text(r.valid_from)),
    );
    c.sources(&d.interconnectors, &ids, |r| &r.source);

    // routes.csv
    c.unique(&d.routes, &["id"], |r| &r.id, |r| r.id.clone());
    c.refs(&d.routes, "origin", |r| Some(&r.origin), origin, ORIGIN);
    c.routes_from_pipeline_origins(&d.routes, &d.origins);
    c.refs(&d.routes, "entry_zone", |r| Some(&r.entry_zone), zone, ZONE);
    c.sources(&d.routes, &ids, |r| &r.source);

    // route_flows_daily.csv
    let route_ok = |route: &str| route_flow_target_known(route, &ids);
    c.refs(
        &d.route_flows_daily,
        "route",
        |r| Some(&r.route),
        route_ok,
        "a route id from routes.csv, a route group (UA-TRANSIT, optionally :POINT), ORIGIN:<origin>, NETFLOW:<zone>, NETFLOW:<zone>><zone>, LNG:<zone or EU> or TOTAL:<zone or EU>",
    );
    for (i, r) in d.route_flows_daily.iter().enumerate() {
        if !r.route.starts_with("NETFLOW:") {
            if r.flow_gwh_d.value() < 0.0 {
                let raw = crate::table::format_number(r.flow_gwh_d.value());
                c.cell::<RouteFlowRecord>(
                    i,
                    "flow_gwh_d",
                    "non-negative number (only NETFLOW: rows may be negative)",
                    &raw,
                );
            }
            if r.flow_mcm_d < 0.0 {
                let raw = crate::table::format_number(r.flow_mcm_d);
                c.cell::<RouteFlowRecord>(
                    i,
                    "flow_mcm_d",
                    "non-negative number (only NETFLOW: rows may be negative)",
                    &raw,
                );
            }
        }
    }
    c.unique(
        &d.route_flows_daily,
        &["date", "route"],
        |r| (r.date, &r.route),
        |r| format!("{},{}", r.date.format("%Y-%m-%d"), r.route),
    );
    c.sources(&d.route_flows_daily, &ids, |r| &r.source);

    // lng_terminals.csv, lng_imports_by_origin.csv
    c.refs(&d.lng_terminals, "zone", |r| Some(&r.zone), zone, ZONE);
    c.unique(
        &d.lng_terminals,
        &["zone", "name", "valid_from"],
        |r| (&r.zone, &r.name, r.valid_from),
        |r| format!("{},{},{}", r.zone, r.name, date_text(r.valid_from)),
    );
    c.sources(&d.lng_terminals, &ids, |r| &r.source);
    c.refs(
        &d.lng_imports_by_origin,
        "origin",
        |r| Some(&r.origin),
        |o| o == "ALL" || origin(o),
        "an origin id from origins.csv or ALL",
    );
    c.unique(
        &d.lng_imports_by_origin,
        &["period", "geography", "origin", "unit", "source"],
        |r| (&r.period, &r.geography, &r.origin, r.unit.code(), &r.source),
        |r| {
            format!(
                "{},{},{},{},{}",
                r.period,
                r.geography,
                r.origin,
                r.unit.code(),
                r.source
            )
        },
    );
    c.sources(&d.lng_imports_by_origin, &ids, |r| &r.source);

    // storage.csv, storage_levels.csv, storage_curves.csv
    c.refs(&d.storage, "zone", |r| Some(&r.zone), zone, ZONE);
    c.unique(&d.storage, &["zone"], |r| &r.zone, |r| r.zone.clone());
    c.sources(&d.storage, &ids, |r| &r.source);
    c.refs(
        &d.storage_levels,
        "zone",
        |r| Some(&r.zone),
        zone_or_eu,
        ZONE_OR_EU,
    );
    c.unique(
        &d.storage_levels,
        &["date", "zone"],
        |r| (r.date, &r.zone),
        |r| format!("{},{}", r.date.format("%Y-%m-%d"), r.zone),
    );
    c.sources(&d.storage_levels, &ids, |r| &r.source);
    // A storage row that failed to read would show up as a zone without storage.
    if !files_with_row_errors.contains(StorageRecord::FILE) {
        c.levels_have_storage(&d.storage_levels, &d.storage, &ids.zones);
    }
    c.refs(
        &d.storage_curves,
        "zone",
        |r| Some(&r.zone),
        |z| z == "*" || zone(z),
        "a zone id from zones.csv or *",
    );
    let mut last_fill: HashMap<&str, f64> = HashMap::new();
    for (i, r) in d.storage_curves.iter().enumerate() {
        if let Some(&previous) = last_fill.get(r.zone.as_str()) {
            if r.fill_pct <= previous {
                let raw = crate::table::format_number(r.fill_pct);
                let expected = format!("fill above the zone's previous point ({previous})");
                c.cell::<StorageCurvePoint>(i, "fill_pct", &expected, &raw);
            }
        }
        last_fill.insert(&r.zone, r.fill_pct);
    }
    c.sources(&d.storage_curves, &ids, |r| &r.source);
    // A curve or storage row that failed to read would show up as a missing curve.
    if !files_with_row_errors.contains(StorageCurvePoint::FILE)
        && !files_with_row_errors.contains(StorageRecord::FILE)
    {
        c.storage_has_curves(&d.storage, &d.storage_curves);
    }

    // production.csv, demand_*.csv
    c.refs(
        &d.production,
        "zone",
        |r| Some(&r.zone),
        zone_or_eu,
        ZONE_OR_EU,
    );
    c.unique(
        &d.production,
        &["zone", "year"],
        |r| (&r.zone, r.year),
        |r| format!("{},{}", r.zone, r.year),
    );
    c.sources(&d.production, &ids, |r| &r.source);
    c.refs(
        &d.demand_annual,
        "zone",
        |r| Some(&r.zone),
        zone_or_eu,
        ZONE_OR_EU,
    );
    c.unique(
        &d.demand_annual,
        &["zone", "year", "sector"],
        |r| (&r.zone, r.year, r.sector),
        |r| format!("{},{},{}", r.zone, r.year, r.sector.code()),
    );
    c.sources(&d.demand_annual, &ids, |r| &r.source);
    c.refs(
        &d.demand_monthly,
        "zone",
        |r| Some(&r.zone),
        zone_or_eu,
        ZONE_OR_EU,
    );
    c.unique(
        &d.demand_monthly,
        &["zone", "year", "month", "sector"],
        |r| (&r.zone, r.year, r.month, r.sector),
        |r| format!("{},{},{},{}", r.zone, r.year, r.month, r.sector.code()),
    );
    c.sources(&d.demand_monthly, &ids, |r| &r.source);
    // A row that failed to read would show up as a gap: check complete files only.
    if !files_with_row_errors.contains(MonthlyDemandRecord::FILE) {
        c.monthly_demand_complete(&d.demand_monthly);
    }
    c.refs(
        &d.demand_daily,
        "zone",
        |r| Some(&r.zone),
        zone_or_eu,
        ZONE_OR_EU,
    );
    c.unique(
        &d.demand_daily,
        &["zone", "date", "sector"],
        |r| (&r.zone, r.date, r.sector),
        |r| {
            format!(
                "{},{},{}",
                r.zone,
                r.date.format("%Y-%m-%d"),
                r.sector.code()
            )
        },
    );
    c.sources(&d.demand_daily, &ids, |r| &r.source);
    c.daily_demand_plausible(&d.demand_daily, &d.demand_annual);

    // prices_monthly.csv, checks.csv
    c.unique(
        &d.prices_monthly,
        &["month", "series"],
        |r| (r.month, &r.series),
        |r| format!("{},{}", r.month, r.series),
    );
    c.sources(&d.prices_monthly, &ids, |r| &r.source);
    c.unique(
        &d.fx_monthly,
        &["year", "month"],
        |r| (r.year, r.month),
        |r| format!("{},{}", r.year, r.month),
    );
    c.sources(&d.fx_monthly, &ids, |r| &r.source);
    c.unique(
        &d.checks,
        &["check_id"],
        |r| &r.check_id,
        |r| r.check_id.clone(),
    );

    c.errors
}

/// Is `route` a known target of a route flow row?
///
/// Accepted: a route id; a route group, i.e. a prefix `G` such that some route id
/// starts with `G-` (e.g. `UA-TRANSIT`); either followed by `:POINT`;
/// `ORIGIN:<origin id>`; `NETFLOW:<zone id>` or `NETFLOW:<zone id>><zone id>`; `LNG:<zone id or EU>`; `TOTAL:<zone id or EU>`.
fn route_flow_target_known(route: &str, ids: &Ids<'_>) -> bool {
    let (head, tail) = match route.split_once(':') {
        Some((head, tail)) => (head, Some(tail)),
        None => (route, None),
    };
    let zone_or_eu = |z: &str| z == EU_AGGREGATE || ids.zones.contains(z);
    match (head, tail) {
        ("ORIGIN", Some(o)) => ids.origins.contains(o),
        ("NETFLOW", Some(z)) => match z.split_once('>') {
            // NETFLOW:<from>><to>: the part of NETFLOW:<from> that enters zone <to>.
            Some((from, to)) => ids.zones.contains(from) && ids.zones.contains(to),
            None => ids.zones.contains(z),
        },
        ("LNG" | "TOTAL", Some(z)) => zone_or_eu(z),
        (_, tail) => {
            let is_route_or_group = ids.routes.contains(head)
                || ids.routes.iter().any(|r| {
                    r.strip_prefix(head)
                        .is_some_and(|rest| rest.starts_with('-'))
                });
            is_route_or_group && tail.is_none_or(|point| !point.is_empty())
        }
    }
}

/// Checks every rule of the file format on an in-memory dataset (e.g. one
/// assembled by an importer) as if it were written to `dir`: each table is
/// rendered to its canonical CSV text and read back, so errors name the file
/// and line that [`crate::write_dataset`] would write.
pub fn validate_dataset(dataset: &Dataset, dir: &Path) -> Result<(), InputErrors> {
    let files = crate::write::render_all(dataset);
    let source = crate::read::Memory { dir, files };
    crate::read::load_from(&source).map(|_| ())
}
