//! What a dataset holds, per zone and per route: the figures behind
//! `gasbuffer data show` and `data check`.

use crate::error::InputErrors;
use gas_core::dataset::{Dataset, DemandSector, LngTerminalStatus};
use gas_core::sector::Sector;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// Totals of a dataset, per zone and per route. `Display` gives aligned text
/// tables; `Serialize` gives the same figures for `--json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatasetSummary {
    /// [`crate::dataset_fingerprint`] of the dataset.
    pub fingerprint: String,
    /// Rows per file, in the canonical file order.
    pub tables: Vec<TableCount>,
    /// One entry per zone of `zones.csv`, in file order.
    pub zones: Vec<ZoneSummary>,
    /// Annual demand and production per zone (and `EU`) and year.
    pub years: Vec<ZoneYear>,
    /// One entry per route of `routes.csv`, in file order.
    pub routes: Vec<RouteSummary>,
    /// Annual totals of every series of `route_flows_daily.csv`, routes and pseudo-routes alike.
    pub flows: Vec<FlowTotal>,
}

/// The number of rows of one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableCount {
    /// File name.
    pub file: String,
    /// Data rows (without the header).
    pub rows: usize,
}

/// Capacities of one zone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneSummary {
    /// Zone id.
    pub zone: String,
    /// Display name.
    pub name: String,
    /// Member of the EU27.
    pub eu_member: bool,
    /// Storage working gas (TWh), `None` without storage.
    pub working_gas_twh: Option<f64>,
    /// Storage injection capacity (GWh/d).
    pub injection_capacity_gwh_d: Option<f64>,
    /// Storage withdrawal capacity (GWh/d).
    pub withdrawal_capacity_gwh_d: Option<f64>,
    /// LNG send-out capacity (GWh/d) of the operating terminal rows still in service
    /// (`valid_to` empty) whose capacity is known.
    pub lng_sendout_gwh_d: f64,
    /// Directed interconnector capacity out of the zone (GWh/d), rows still in service.
    pub export_capacity_gwh_d: f64,
    /// Directed interconnector capacity into the zone (GWh/d), rows still in service.
    pub import_capacity_gwh_d: f64,
}

/// Demand by sector and production of one zone in one year (TWh).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneYear {
    /// Zone id or `EU`.
    pub zone: String,
    /// Calendar year.
    pub year: i32,
    /// Households and services.
    pub households_services_twh: Option<f64>,
    /// Power and heat.
    pub power_twh: Option<f64>,
    /// Industry.
    pub industry_twh: Option<f64>,
    /// Other uses.
    pub other_twh: Option<f64>,
    /// All sectors.
    pub total_twh: Option<f64>,
    /// Domestic production.
    pub production_twh: Option<f64>,
}

/// Capacity and annual flows of one route.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RouteSummary {
    /// Route id.
    pub id: String,
    /// Origin id.
    pub origin: String,
    /// Entry zone id.
    pub entry_zone: String,
    /// Capacity (GWh/d), `None` where not in open data.
    pub capacity_gwh_d: Option<f64>,
    /// Observed flow per calendar year (TWh), from `route_flows_daily.csv`.
    pub annual_flow_twh: BTreeMap<i32, f64>,
}

/// The yearly total of one series of `route_flows_daily.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowTotal {
    /// Route id or pseudo-route (`ORIGIN:RU`, ...).
    pub route: String,
    /// Calendar year.
    pub year: i32,
    /// Days with a value.
    pub days: usize,
    /// Sum of the daily flows (TWh).
    pub twh: f64,
    /// The same in bcm at 10.55 TWh/bcm.
    pub bcm: f64,
}

/// Computes the summary of a dataset.
pub fn summarize(dataset: &Dataset) -> DatasetSummary {
    use chrono::Datelike;
    let d = dataset;
    let tables = crate::write::render_all(d)
        .into_iter()
        .map(|(file, text)| TableCount {
            file: file.to_string(),
            rows: text.lines().count().saturating_sub(1),
        })
        .collect();
    let zones = d
        .zones
        .iter()
        .map(|z| {
            let storage = d.storage.iter().find(|s| s.zone == z.id);
            let lng = d
                .lng_terminals
                .iter()
                .filter(|t| {
                    t.zone == z.id
                        && t.status == LngTerminalStatus::Operating
                        && t.valid_to.is_none()
                })
                .filter_map(|t| t.sendout_capacity_gwh_d)
                .map(|c| c.value());
            let open = d.interconnectors.iter().filter(|i| i.valid_to.is_none());
            let export = open
                .clone()
                .filter(|i| i.from_zone == z.id)
                .filter_map(|i| i.capacity_gwh_d)
                .map(|c| c.value());
            let import = open
                .filter(|i| i.to_zone == z.id)
                .filter_map(|i| i.capacity_gwh_d)
                .map(|c| c.value());
            ZoneSummary {
                zone: z.id.clone(),
                name: z.name.clone(),
                eu_member: z.eu_member,
                working_gas_twh: storage.map(|s| s.working_gas_twh.value()),
                injection_capacity_gwh_d: storage.map(|s| s.injection_capacity_gwh_d.value()),
                withdrawal_capacity_gwh_d: storage.map(|s| s.withdrawal_capacity_gwh_d.value()),
                lng_sendout_gwh_d: total(lng),
                export_capacity_gwh_d: total(export),
                import_capacity_gwh_d: total(import),
            }
        })
        .collect();

    let mut years: BTreeMap<(String, i32), ZoneYear> = BTreeMap::new();
    let blank = |zone: &str, year: i32| ZoneYear {
        zone: zone.to_string(),
        year,
        households_services_twh: None,
        power_twh: None,
        industry_twh: None,
        other_twh: None,
        total_twh: None,
        production_twh: None,
    };
    for r in &d.demand_annual {
        let entry = years
            .entry((r.zone.clone(), r.year))
            .or_insert_with(|| blank(&r.zone, r.year));
        let slot = match r.sector {
            DemandSector::Sector(Sector::HouseholdsServices) => &mut entry.households_services_twh,
            DemandSector::Sector(Sector::Power) => &mut entry.power_twh,
            DemandSector::Sector(Sector::Industry) => &mut entry.industry_twh,
            DemandSector::Sector(Sector::Other) => &mut entry.other_twh,
            DemandSector::Total => &mut entry.total_twh,
        };
        *slot = Some(slot.unwrap_or(0.0) + r.demand_twh.value());
    }
    for r in &d.production {
        let entry = years
            .entry((r.zone.clone(), r.year))
            .or_insert_with(|| blank(&r.zone, r.year));
        entry.production_twh = r.production_twh.map(|t| t.value());
    }
    // Zones in file order, then EU and anything else.
    let order: BTreeMap<&str, usize> = d
        .zones
        .iter()
        .enumerate()
        .map(|(i, z)| (z.id.as_str(), i))
        .collect();
    let mut years: Vec<ZoneYear> = years.into_values().collect();
    years.sort_by_key(|y| {
        (
            order.get(y.zone.as_str()).copied().unwrap_or(usize::MAX),
            y.zone.clone(),
            y.year,
        )
    });

    let mut totals: BTreeMap<(String, i32), (usize, f64)> = BTreeMap::new();
    for f in &d.route_flows_daily {
        let entry = totals.entry((f.route.clone(), f.date.year())).or_default();
        entry.0 += 1;
        entry.1 += f.flow_gwh_d.value() / 1000.0;
    }
    let routes = d
        .routes
        .iter()
        .map(|r| RouteSummary {
            id: r.id.clone(),
            origin: r.origin.clone(),
            entry_zone: r.entry_zone.clone(),
            capacity_gwh_d: r.capacity_gwh_d.map(|c| c.value()),
            annual_flow_twh: totals
                .iter()
                .filter(|((route, _), _)| *route == r.id)
                .map(|((_, year), (_, twh))| (*year, *twh))
                .collect(),
        })
        .collect();
    let flows = totals
        .into_iter()
        .map(|((route, year), (days, twh))| FlowTotal {
            route,
            year,
            days,
            twh,
            bcm: twh / gas_core::units::TWH_PER_BCM,
        })
        .collect();

    DatasetSummary {
        fingerprint: crate::dataset_fingerprint(d),
        tables,
        zones,
        years,
        routes,
        flows,
    }
}

/// The sum of `values`, `0` (not `-0`, what `Iterator::sum` gives for no
/// value at all) when there is none, so that a zone without any LNG terminal
/// shows `0`, not `-0`.
fn total(values: impl Iterator<Item = f64>) -> f64 {
    values.fold(0.0, |sum, x| sum + x)
}

/// Loads the dataset in `dir` and summarizes it: the library side of `gasbuffer data check`.
pub fn check_dataset(dir: &Path) -> Result<DatasetSummary, InputErrors> {
    crate::load_dataset(dir).map(|d| summarize(&d))
}

/// A text table whose columns are padded to their widest cell; numbers right-aligned.
struct TextTable {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl TextTable {
    fn new(header: Vec<&str>) -> TextTable {
        TextTable {
            header: header.into_iter().map(str::to_string).collect(),
            rows: Vec::new(),
        }
    }

    fn write(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(columns) {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
        // A column is numeric when every non-empty cell after the first parses as a number.
        let numeric: Vec<bool> = (0..columns)
            .map(|i| {
                i > 0
                    && self
                        .rows
                        .iter()
                        .all(|r| blank_or(r.get(i), |c| c.replace(',', "").parse::<f64>().is_ok()))
            })
            .collect();
        let line = |f: &mut fmt::Formatter<'_>, cells: &[String]| -> fmt::Result {
            let mut text = String::new();
            for (i, cell) in cells.iter().enumerate().take(columns) {
                if i > 0 {
                    text.push_str("  ");
                }
                let pad = widths[i].saturating_sub(cell.chars().count());
                if numeric[i] {
                    text.push_str(&" ".repeat(pad));
                    text.push_str(cell);
                } else {
                    text.push_str(cell);
                    text.push_str(&" ".repeat(pad));
                }
            }
            writeln!(f, "{}", text.trim_end())
        };
        line(f, &self.header)?;
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(f, &rule)?;
        for row in &self.rows {
            line(f, row)?;
        }
        Ok(())
    }
}

/// A blank cell (`""` or `-`) or one that passes `f`.
fn blank_or(cell: Option<&String>, f: impl Fn(&String) -> bool) -> bool {
    match cell {
        None => true,
        Some(cell) if cell.is_empty() || cell == "-" => true,
        Some(cell) => f(cell),
    }
}

/// `x` with `decimals` decimals; a value that rounds to zero is `0`, never `-0`.
fn num(x: f64, decimals: usize) -> String {
    let text = format!("{x:.decimals$}");
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => text,
    }
}

fn opt(x: Option<f64>, decimals: usize) -> String {
    x.map(|x| num(x, decimals))
        .unwrap_or_else(|| "-".to_string())
}

impl fmt::Display for DatasetSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "dataset {}", self.fingerprint)?;
        writeln!(f)?;
        let mut t = TextTable::new(vec!["file", "rows"]);
        for c in &self.tables {
            t.rows.push(vec![c.file.clone(), c.rows.to_string()]);
        }
        t.write(f)?;

        writeln!(f)?;
        writeln!(f, "zones (capacities in service at the end of the data)")?;
        let mut t = TextTable::new(vec![
            "zone",
            "name",
            "EU",
            "storage TWh",
            "injection GWh/d",
            "withdrawal GWh/d",
            "LNG send-out GWh/d",
            "pipeline in GWh/d",
            "pipeline out GWh/d",
        ]);
        for z in &self.zones {
            t.rows.push(vec![
                z.zone.clone(),
                z.name.clone(),
                if z.eu_member { "yes" } else { "no" }.to_string(),
                opt(z.working_gas_twh, 1),
                opt(z.injection_capacity_gwh_d, 0),
                opt(z.withdrawal_capacity_gwh_d, 0),
                num(z.lng_sendout_gwh_d, 0),
                num(z.import_capacity_gwh_d, 0),
                num(z.export_capacity_gwh_d, 0),
            ]);
        }
        t.write(f)?;

        writeln!(f)?;
        writeln!(f, "annual demand by sector and production (TWh)")?;
        let mut t = TextTable::new(vec![
            "zone",
            "year",
            "households+services",
            "power",
            "industry",
            "other",
            "total",
            "production",
        ]);
        for y in &self.years {
            t.rows.push(vec![
                y.zone.clone(),
                y.year.to_string(),
                opt(y.households_services_twh, 1),
                opt(y.power_twh, 1),
                opt(y.industry_twh, 1),
                opt(y.other_twh, 1),
                opt(y.total_twh, 1),
                opt(y.production_twh, 1),
            ]);
        }
        t.write(f)?;

        writeln!(f)?;
        writeln!(f, "routes (observed flow per year, TWh)")?;
        let years: std::collections::BTreeSet<i32> = self
            .routes
            .iter()
            .flat_map(|r| r.annual_flow_twh.keys().copied())
            .collect();
        let mut t = TextTable::new(vec!["route", "origin", "entry", "capacity GWh/d"]);
        t.header.extend(years.iter().map(|y| y.to_string()));
        for r in &self.routes {
            let mut row = vec![
                r.id.clone(),
                r.origin.clone(),
                r.entry_zone.clone(),
                opt(r.capacity_gwh_d, 0),
            ];
            row.extend(
                years
                    .iter()
                    .map(|y| opt(r.annual_flow_twh.get(y).copied(), 1)),
            );
            t.rows.push(row);
        }
        t.write(f)?;

        writeln!(f)?;
        writeln!(f, "all flow series (route_flows_daily.csv)")?;
        let mut t = TextTable::new(vec!["series", "year", "days", "TWh", "bcm (10.55)"]);
        for s in &self.flows {
            t.rows.push(vec![
                s.route.clone(),
                s.year.to_string(),
                s.days.to_string(),
                num(s.twh, 1),
                num(s.bcm, 1),
            ]);
        }
        t.write(f)
    }
}

#[cfg(test)]
mod tests {
    use super::{num, summarize};

    #[test]
    fn zones_without_terminals_or_links_have_zero_capacity_not_minus_zero() {
        let dataset = crate::load_bundled().unwrap();
        let summary = summarize(&dataset);
        let cyprus = summary.zones.iter().find(|z| z.zone == "CY").unwrap();
        for capacity in [
            cyprus.lng_sendout_gwh_d,
            cyprus.import_capacity_gwh_d,
            cyprus.export_capacity_gwh_d,
        ] {
            assert!(capacity == 0.0 && capacity.is_sign_positive(), "{capacity}");
        }
        let json = serde_json::to_string(&summary).unwrap();
        assert!(!json.contains(":-0.0"), "{json}");
        let text = summary.to_string();
        assert!(!text.contains(" -0 ") && !text.contains(" -0\n"), "{text}");
    }

    #[test]
    fn numbers_that_round_to_zero_print_without_a_sign() {
        assert_eq!(num(-0.0, 0), "0");
        assert_eq!(num(-0.04, 1), "0.0");
        assert_eq!(num(-0.06, 1), "-0.1");
        assert_eq!(num(-12.0, 0), "-12");
    }
}
