//! The cost ledger: who pays and who earns how much, by origin and route.
//!
//! Rows are volumes (TWh) and values (million EUR) over the whole period:
//! - [`LedgerCategory::RussiaExportRevenue`]: every route and LNG supply whose
//!   origin is Russian, volume x the price paid each day;
//! - [`LedgerCategory::ImportBill`]: every import into the chosen group of zones
//!   (the EU by default in the CLI): routes whose entry zone is in the group, and
//!   LNG in proportion to the group's share of each day's LNG send-out;
//! - [`LedgerCategory::UsLngRevenue`]: US LNG sold to the modelled zones;
//! - [`LedgerCategory::CurtailmentCost`]: curtailed demand in the group x the
//!   penalty of its merit-order step, by sector (a proxy of the economic damage);
//!   the fuel-switching step is its own item, `fuel_switching`, priced at its cost;
//!   [`LedgerLine`] shows the two apart.
//!
//! A package's cost is the change of these rows against the do-nothing run of
//! the same scenario ([`compare`]).

use gas_core::{Results, System, ZoneId};
use serde::Serialize;
use std::collections::BTreeMap;

/// Million EUR per (GWh x EUR/MWh): a GWh at 1 EUR/MWh is a thousand euros.
pub const MEUR_PER_GWH_EUR_MWH: f64 = 1e-3;

/// What a ledger row measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LedgerCategory {
    /// Russia's gas export revenue from the modelled zones.
    RussiaExportRevenue,
    /// What the group of zones pays for imported gas.
    ImportBill,
    /// US LNG export revenue from the modelled zones.
    UsLngRevenue,
    /// Cost of curtailed demand in the group of zones.
    CurtailmentCost,
}

impl LedgerCategory {
    /// The identifier used in files.
    pub fn code(self) -> &'static str {
        match self {
            LedgerCategory::RussiaExportRevenue => "russia_export_revenue",
            LedgerCategory::ImportBill => "import_bill",
            LedgerCategory::UsLngRevenue => "us_lng_revenue",
            LedgerCategory::CurtailmentCost => "curtailment_cost",
        }
    }
}

/// The `item` of the curtailment-cost rows of the fuel-switching step.
pub const FUEL_SWITCHING_ITEM: &str = "fuel_switching";

/// A ledger total as the printed summary and the reports show it: the
/// categories, with the curtailment cost split into unserved demand and fuel
/// switching (demand met by another fuel), so that its volume cannot be read as
/// unserved energy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LedgerLine {
    /// [`LedgerCategory::RussiaExportRevenue`].
    RussiaExportRevenue,
    /// [`LedgerCategory::ImportBill`].
    ImportBill,
    /// [`LedgerCategory::UsLngRevenue`].
    UsLngRevenue,
    /// [`LedgerCategory::CurtailmentCost`] of unserved demand (every item but fuel switching).
    UnservedCost,
    /// [`LedgerCategory::CurtailmentCost`] of fuel switching (item [`FUEL_SWITCHING_ITEM`]).
    FuelSwitchingCost,
}

impl LedgerLine {
    /// Every line, in display order.
    pub const ALL: [LedgerLine; 5] = [
        LedgerLine::RussiaExportRevenue,
        LedgerLine::ImportBill,
        LedgerLine::UsLngRevenue,
        LedgerLine::UnservedCost,
        LedgerLine::FuelSwitchingCost,
    ];

    /// The label shown for the line (the group of the curtailment rows is the EU in the front ends).
    pub fn label(self) -> &'static str {
        match self {
            LedgerLine::RussiaExportRevenue => "Russia's gas export revenue",
            LedgerLine::ImportBill => "EU import bill",
            LedgerLine::UsLngRevenue => "US LNG revenue",
            LedgerLine::UnservedCost => "EU curtailment cost: unserved demand",
            LedgerLine::FuelSwitchingCost => "EU curtailment cost: fuel switching",
        }
    }

    /// True when a row of `category` and `item` belongs to the line.
    pub fn contains(self, category: LedgerCategory, item: &str) -> bool {
        match self {
            LedgerLine::RussiaExportRevenue => category == LedgerCategory::RussiaExportRevenue,
            LedgerLine::ImportBill => category == LedgerCategory::ImportBill,
            LedgerLine::UsLngRevenue => category == LedgerCategory::UsLngRevenue,
            LedgerLine::UnservedCost => {
                category == LedgerCategory::CurtailmentCost && item != FUEL_SWITCHING_ITEM
            }
            LedgerLine::FuelSwitchingCost => {
                category == LedgerCategory::CurtailmentCost && item == FUEL_SWITCHING_ITEM
            }
        }
    }

    /// Sum of the value changes of the line's rows, million EUR.
    pub fn value_change_meur(self, deltas: &[LedgerDelta]) -> f64 {
        deltas
            .iter()
            .filter(|delta| self.contains(delta.category, &delta.item))
            .map(|delta| delta.value_change_meur)
            .sum()
    }
}

/// One line of the ledger.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LedgerRow {
    /// What it measures.
    pub category: LedgerCategory,
    /// Origin code (`RU`, `US`...), or the zone group for curtailment.
    pub origin: String,
    /// `pipeline`, `lng` or `curtailment`.
    pub carrier: &'static str,
    /// Route code, `LNG`, or the curtailed sector.
    pub item: String,
    /// Volume over the period.
    pub volume_twh: f64,
    /// Value over the period.
    pub value_meur: f64,
}

/// All ledger rows of a run, in a fixed order (category, origin, item).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Ledger {
    /// The rows.
    pub rows: Vec<LedgerRow>,
}

impl Ledger {
    /// Volume and value summed over a category.
    pub fn total(&self, category: LedgerCategory) -> (f64, f64) {
        self.rows
            .iter()
            .filter(|row| row.category == category)
            .fold((0.0, 0.0), |(volume, value), row| {
                (volume + row.volume_twh, value + row.value_meur)
            })
    }

    /// Volume (TWh) and value (million EUR) summed over the rows of a [`LedgerLine`].
    pub fn line_total(&self, line: LedgerLine) -> (f64, f64) {
        self.rows
            .iter()
            .filter(|row| line.contains(row.category, &row.item))
            .fold((0.0, 0.0), |(volume, value), row| {
                (volume + row.volume_twh, value + row.value_meur)
            })
    }
}

/// Which origins and zones the ledger groups.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerOptions {
    /// Origin codes counted as Russian gas (Russia, and a transit origin such as `BY` if the dataset uses one).
    pub russian_origins: Vec<String>,
    /// Origin codes counted as US LNG.
    pub us_origins: Vec<String>,
    /// Zones whose import bill and curtailment are counted; `None`: all zones.
    pub importing_zones: Option<Vec<ZoneId>>,
    /// Name of that group in the rows (e.g. `EU`).
    pub group_name: String,
}

impl Default for LedgerOptions {
    fn default() -> Self {
        LedgerOptions {
            russian_origins: vec!["RU".to_string()],
            us_origins: vec!["US".to_string()],
            importing_zones: None,
            group_name: "all zones".to_string(),
        }
    }
}

#[derive(Default)]
struct Accumulator {
    volume_gwh: f64,
    value_keur: f64,
}

/// The ledger of a run.
pub fn ledger(system: &System, results: &Results, options: &LedgerOptions) -> Ledger {
    let days = results.period.days;
    let in_group = |zone: ZoneId| {
        options
            .importing_zones
            .as_ref()
            .is_none_or(|zones| zones.contains(&zone))
    };
    let origin_code = |origin: gas_core::OriginId| system.origins[origin.index()].code.as_str();
    let is_russian = |code: &str| options.russian_origins.iter().any(|c| c == code);
    let is_us = |code: &str| options.us_origins.iter().any(|c| c == code);

    let mut rows: BTreeMap<(LedgerCategory, String, String), (&'static str, Accumulator)> =
        BTreeMap::new();
    let mut add = |category, origin: &str, carrier, item: &str, volume_gwh: f64, value_keur| {
        let entry = rows
            .entry((category, origin.to_string(), item.to_string()))
            .or_insert((carrier, Accumulator::default()));
        entry.1.volume_gwh += volume_gwh;
        entry.1.value_keur += value_keur;
    };

    for (index, route) in system.routes.iter().enumerate() {
        let origin = origin_code(route.origin);
        let flows = &results.route_flow_gwh_d[index];
        let volume: f64 = flows.iter().map(|f| f.value()).sum();
        let value: f64 = (0..days)
            .map(|day| flows[day].value() * route.price_eur_mwh[day].value())
            .sum();
        if is_russian(origin) {
            add(
                LedgerCategory::RussiaExportRevenue,
                origin,
                "pipeline",
                &route.code,
                volume,
                value,
            );
        }
        if in_group(route.entry) {
            add(
                LedgerCategory::ImportBill,
                origin,
                "pipeline",
                &route.code,
                volume,
                value,
            );
        }
    }

    // Share of each day's LNG send-out that lands in the group.
    let group_lng_share: Vec<f64> = (0..days)
        .map(|day| {
            let (group, total) = system.lng_terminals.iter().enumerate().fold(
                (0.0, 0.0),
                |(group, total), (index, terminal)| {
                    let sendout = results.lng_sendout_gwh_d[index][day].value();
                    let group_part = if in_group(terminal.zone) {
                        sendout
                    } else {
                        0.0
                    };
                    (group + group_part, total + sendout)
                },
            );
            if total > 0.0 {
                group / total
            } else {
                0.0
            }
        })
        .collect();

    for (index, supply) in system.lng_supplies.iter().enumerate() {
        let origin = origin_code(supply.origin);
        let mut volume = 0.0;
        let mut value = 0.0;
        let mut group_volume = 0.0;
        let mut group_value = 0.0;
        for (tranche_index, tranche) in supply.tranches.iter().enumerate() {
            let taken = &results.lng_tranche_gwh_d[index][tranche_index];
            for day in 0..days {
                let flow = taken[day].value();
                let money = flow * tranche.price_eur_mwh[day].value();
                volume += flow;
                value += money;
                group_volume += flow * group_lng_share[day];
                group_value += money * group_lng_share[day];
            }
        }
        if is_russian(origin) {
            add(
                LedgerCategory::RussiaExportRevenue,
                origin,
                "lng",
                "LNG",
                volume,
                value,
            );
        }
        if is_us(origin) {
            add(
                LedgerCategory::UsLngRevenue,
                origin,
                "lng",
                "LNG",
                volume,
                value,
            );
        }
        add(
            LedgerCategory::ImportBill,
            origin,
            "lng",
            "LNG",
            group_volume,
            group_value,
        );
    }

    for (index, demand) in system.demands.iter().enumerate() {
        if !in_group(demand.zone) {
            continue;
        }
        for (tranche_index, tranche) in demand.curtailment.iter().enumerate() {
            let curtailed = &results.curtailed_by_tranche_gwh_d[index][tranche_index];
            let volume: f64 = curtailed.iter().map(|c| c.value()).sum();
            let item = if crate::kpi::is_fuel_switching(tranche) {
                FUEL_SWITCHING_ITEM
            } else {
                demand.sector.code()
            };
            add(
                LedgerCategory::CurtailmentCost,
                &options.group_name,
                "curtailment",
                item,
                volume,
                volume * tranche.penalty_eur_mwh.value(),
            );
        }
    }

    Ledger {
        rows: rows
            .into_iter()
            .map(|((category, origin, item), (carrier, sum))| LedgerRow {
                category,
                origin,
                carrier,
                item,
                volume_twh: sum.volume_gwh / 1000.0,
                value_meur: sum.value_keur * MEUR_PER_GWH_EUR_MWH,
            })
            .collect(),
    }
}

/// The change of one ledger line made by a package.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LedgerDelta {
    /// What it measures.
    pub category: LedgerCategory,
    /// Origin code or zone group.
    pub origin: String,
    /// `pipeline`, `lng` or `curtailment`, as in the ledger line.
    pub carrier: &'static str,
    /// Route, `LNG` or sector.
    pub item: String,
    /// Volume with the package minus volume without.
    pub volume_change_twh: f64,
    /// Value with the package minus value without.
    pub value_change_meur: f64,
}

/// The headline costs of a package against do-nothing, in million EUR (positive = a cost).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PackageCost {
    /// Russia's lost export revenue.
    pub cost_to_russia_meur: f64,
    /// Change of the import bill plus change of the curtailment cost.
    pub cost_to_europe_meur: f64,
    /// US LNG revenue lost (negative: gained).
    pub cost_to_us_meur: f64,
}

/// Line-by-line changes of `with_package` against `do_nothing` (union of lines, missing = 0).
pub fn compare(with_package: &Ledger, do_nothing: &Ledger) -> (Vec<LedgerDelta>, PackageCost) {
    let key = |row: &LedgerRow| (row.category, row.origin.clone(), row.item.clone());
    // A line's carrier follows from its category and item, so both runs give the same one.
    let mut lines: BTreeMap<(LedgerCategory, String, String), (&'static str, f64, f64)> =
        BTreeMap::new();
    for (rows, sign) in [(&with_package.rows, 1.0), (&do_nothing.rows, -1.0)] {
        for row in rows {
            let entry = lines.entry(key(row)).or_insert((row.carrier, 0.0, 0.0));
            entry.1 += sign * row.volume_twh;
            entry.2 += sign * row.value_meur;
        }
    }
    let deltas: Vec<LedgerDelta> = lines
        .into_iter()
        .map(
            |((category, origin, item), (carrier, volume, value))| LedgerDelta {
                category,
                origin,
                carrier,
                item,
                volume_change_twh: volume,
                value_change_meur: value,
            },
        )
        .collect();
    let change = |category| {
        deltas
            .iter()
            .filter(|delta| delta.category == category)
            .map(|delta| delta.value_change_meur)
            .sum::<f64>()
    };
    let cost = PackageCost {
        cost_to_russia_meur: -change(LedgerCategory::RussiaExportRevenue),
        cost_to_europe_meur: change(LedgerCategory::ImportBill)
            + change(LedgerCategory::CurtailmentCost),
        cost_to_us_meur: -change(LedgerCategory::UsLngRevenue),
    };
    (deltas, cost)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{switching_then_protected, two_origin_system};
    use gas_core::units::GwhPerDay;
    use gas_core::RunStatus;

    #[test]
    fn russian_revenue_is_volume_times_price_over_routes_and_lng() {
        // Route NS1 (RU) carries 100 GWh/d for 3 days at 80 EUR/MWh: 300 GWh, 24 MEUR.
        // RU LNG tranche takes 10 GWh/d for 3 days at 90 EUR/MWh: 30 GWh, 2.7 MEUR.
        // US LNG tranche takes 20 GWh/d at 100 EUR/MWh: 60 GWh, 6 MEUR.
        let system = two_origin_system(3);
        let mut results = Results::zeroed(&system, RunStatus::Optimal);
        results.route_flow_gwh_d[0] = vec![GwhPerDay(100.0); 3];
        results.lng_tranche_gwh_d[0][0] = vec![GwhPerDay(10.0); 3];
        results.lng_tranche_gwh_d[1][0] = vec![GwhPerDay(20.0); 3];
        results.lng_sendout_gwh_d[0] = vec![GwhPerDay(30.0); 3];
        let ledger = ledger(&system, &results, &LedgerOptions::default());
        let (volume, value) = ledger.total(LedgerCategory::RussiaExportRevenue);
        assert!((volume - 0.33).abs() < 1e-12);
        assert!((value - 26.7).abs() < 1e-9);
        let (us_volume, us_value) = ledger.total(LedgerCategory::UsLngRevenue);
        assert!((us_volume - 0.06).abs() < 1e-12);
        assert!((us_value - 6.0).abs() < 1e-9);
        // The single zone imports everything: 24 + 2.7 + 6 = 32.7 MEUR.
        let (_, bill) = ledger.total(LedgerCategory::ImportBill);
        assert!((bill - 32.7).abs() < 1e-9);
    }

    #[test]
    fn curtailment_cost_splits_into_unserved_demand_and_fuel_switching() {
        // Households: 10 GWh/d switched to another fuel at 150 EUR/MWh and 5 GWh/d
        // unserved at 3000 EUR/MWh, for 4 days: 40 GWh (6 MEUR) and 20 GWh (60 MEUR).
        let mut system = two_origin_system(4);
        system.demands[0].curtailment = switching_then_protected(4);
        let mut results = Results::zeroed(&system, RunStatus::Optimal);
        results.curtailed_by_tranche_gwh_d[0][0] = vec![GwhPerDay(10.0); 4];
        results.curtailed_by_tranche_gwh_d[0][1] = vec![GwhPerDay(5.0); 4];
        let ledger = ledger(&system, &results, &LedgerOptions::default());
        let (unserved_twh, unserved_meur) = ledger.line_total(LedgerLine::UnservedCost);
        assert!((unserved_twh - 0.02).abs() < 1e-12);
        assert!((unserved_meur - 60.0).abs() < 1e-9);
        let (switched_twh, switched_meur) = ledger.line_total(LedgerLine::FuelSwitchingCost);
        assert!((switched_twh - 0.04).abs() < 1e-12);
        assert!((switched_meur - 6.0).abs() < 1e-9);
        // The two lines make up the category.
        let (total_twh, total_meur) = ledger.total(LedgerCategory::CurtailmentCost);
        assert!((total_twh - 0.06).abs() < 1e-12);
        assert!((total_meur - 66.0).abs() < 1e-9);
        // Against a run without curtailment, each line changes by its own value.
        let none = super::ledger(
            &system,
            &Results::zeroed(&system, RunStatus::Optimal),
            &LedgerOptions::default(),
        );
        let (deltas, _) = compare(&ledger, &none);
        assert!((LedgerLine::FuelSwitchingCost.value_change_meur(&deltas) - 6.0).abs() < 1e-9);
        assert!((LedgerLine::UnservedCost.value_change_meur(&deltas) - 60.0).abs() < 1e-9);
    }

    #[test]
    fn package_costs_are_the_differences_of_the_two_runs() {
        let system = two_origin_system(3);
        let mut base = Results::zeroed(&system, RunStatus::Optimal);
        base.route_flow_gwh_d[0] = vec![GwhPerDay(100.0); 3];
        base.lng_sendout_gwh_d[0] = vec![GwhPerDay(0.0); 3];
        let mut embargo = Results::zeroed(&system, RunStatus::Optimal);
        embargo.lng_tranche_gwh_d[1][0] = vec![GwhPerDay(100.0); 3];
        embargo.lng_sendout_gwh_d[0] = vec![GwhPerDay(100.0); 3];
        let options = LedgerOptions::default();
        let (deltas, cost) = compare(
            &ledger(&system, &embargo, &options),
            &ledger(&system, &base, &options),
        );
        // Russia loses 300 GWh x 80 = 24 MEUR; the US gains 300 GWh x 100 = 30 MEUR;
        // Europe pays 30 - 24 = 6 MEUR more.
        assert!((cost.cost_to_russia_meur - 24.0).abs() < 1e-9);
        assert!((cost.cost_to_us_meur + 30.0).abs() < 1e-9);
        assert!((cost.cost_to_europe_meur - 6.0).abs() < 1e-9);
        assert!(deltas
            .iter()
            .any(|d| d.item == "NS1" && (d.volume_change_twh + 0.3).abs() < 1e-12));
        // Lines found in only one of the runs keep their carrier: NS1 (do-nothing
        // only) a pipeline, US LNG (embargo only) LNG.
        let carrier = |category, item: &str| {
            deltas
                .iter()
                .find(|d| d.category == category && d.item == item)
                .map(|d| d.carrier)
        };
        assert_eq!(
            carrier(LedgerCategory::RussiaExportRevenue, "NS1"),
            Some("pipeline")
        );
        assert_eq!(carrier(LedgerCategory::UsLngRevenue, "LNG"), Some("lng"));
    }
}
