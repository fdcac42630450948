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
//!   GB → IE stays open (Ireland's only supply besides the Corrib field,
//!   which the dataset lacks). Non-EU zones without any of these (CH, RS,
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
//! - **Production**: the dataset has per-zone production only for DE, NL and
//!   RO (2019-2020) and the EU total for 2019, 2020 and 2022. Production of EU
//!   member zones is fixed, flat, to the zone figure of the nearest year
//!   scaled so that the EU members sum to the EU total of the nearest year
//!   (2022 = 45.9 bcm for every day of the backtest): the EU total is
//!   observed, its split is not.

use chrono::{Datelike, NaiveDate};
use gas_core::dataset::Dataset;
use gas_core::period::in_window as active;
use gas_core::system::{Origin, Route};
use gas_core::units::{EurPerMwh, GwhPerDay};
use gas_core::{OriginId, System, ZoneId};
use std::collections::BTreeMap;

/// Observed series and the routes each is spread over (∝ capacity).
pub const ROUTE_SERIES: [(&str, &[&str]); 8] = [
    ("NS1", &["NS1"]),
    ("YAMAL", &["YAMAL"]),
    ("TURKSTREAM", &["TURKSTREAM"]),
    ("GREENSTREAM", &["GREENSTREAM"]),
    ("TAP", &["TAP"]),
    (
        "UA-TRANSIT",
        &[
            "UA-TRANSIT-SK",
            "UA-TRANSIT-HU",
            "UA-TRANSIT-RO",
            "UA-TRANSIT-PL",
        ],
    ),
    (
        "ORIGIN:NO",
        &[
            "NORWAY-DE",
            "NORWAY-BE",
            "NORWAY-FR",
            "NORWAY-NL",
            "BALTIC-PIPE",
        ],
    ),
    ("ORIGIN:DZ", &["MEDGAZ", "TRANSMED", "MEG"]),
];

/// Routes carrying the Russian remainder (`ORIGIN:RU` minus the named Russian series).
pub const RUSSIAN_REST_ROUTES: [&str; 3] = ["IMATRA", "KOTLOVKA", "RU-BALTIC"];

/// The named Russian series subtracted from `ORIGIN:RU`.
pub const RUSSIAN_NAMED_SERIES: [&str; 4] = ["NS1", "YAMAL", "UA-TRANSIT", "TURKSTREAM"];

/// Routes that carried nothing in the backtest period.
pub const ROUTES_IDLE: [&str; 1] = ["NS2"];

/// The origin code added for net imports from Great Britain.
pub const GB_ORIGIN: &str = "GB-NET";

/// The route added for net imports from Great Britain.
pub const GB_ROUTE: &str = "NETFLOW-GB";

/// The observed GB > IE part of `NETFLOW:GB` (Moffat).
pub const GB_IRELAND_SERIES: &str = "NETFLOW:GB>IE";

/// The route added for [`GB_IRELAND_SERIES`].
pub const GB_IRELAND_ROUTE: &str = "NETFLOW-GB-IE";

/// Ireland's zone code.
pub const GB_IRELAND_ZONE: &str = "IE";

/// Closes the GB > IE pipeline on `day` (its flow is fixed by the observed series).
fn close_gb_ireland_pipeline(system: &mut System, day: usize) {
    let (Some(gb), Some(ie)) = (
        system.zone_by_code("GB"),
        system.zone_by_code(GB_IRELAND_ZONE),
    ) else {
        return;
    };
    for pipeline in system
        .pipelines
        .iter_mut()
        .filter(|p| p.from == gb && p.to == ie)
    {
        pipeline.capacity_gwh_d[day] = GwhPerDay::ZERO;
    }
}

/// The EU zone where `NETFLOW:GB` enters or leaves.
pub const GB_EXCHANGE_ZONE: &str = "BE";

/// Non-EU zone pairs whose pipeline stays open although the zone is outside the replay.
pub const KEPT_OPEN: [(&str, &str); 1] = [("GB", "IE")];

/// The sink zone that takes surplus gas.
pub const SPILL_ZONE: &str = "SPILL";

/// Cost of sending one MWh to [`SPILL_ZONE`], EUR/MWh (above every curtailment penalty).
pub const SPILL_PENALTY: f64 = 5000.0;

/// Cost of one MWh on an overflow link (beside a pipeline between EU zones, for
/// flows beyond the dataset's capacity), EUR/MWh: above every default
/// curtailment penalty (households 3000), below [`SPILL_PENALTY`].
pub const OVERFLOW_PENALTY: f64 = 4000.0;

/// Code suffix of the overflow links.
pub const OVERFLOW_SUFFIX: &str = " (overflow)";

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

/// What [`fix_terminals_by_zone`] fixed on one day.
struct ZoneLng {
    /// Observed send-out placed on the zones' terminals, GWh/d.
    placed: f64,
    /// Send-out capacity of terminals in zones without any `LNG:<zone>` series
    /// (left free, e.g. Malta, which ENTSOG does not cover), GWh/d.
    free_capacity: f64,
    /// Observed send-out of zones without a terminal in the system, GWh/d.
    unplaced: Vec<(String, f64)>,
}

/// Fixes each EU zone's LNG terminals to the zone's observed send-out
/// (`LNG:<zone>`) on day `day`, spread over its terminals by capacity (a terminal
/// keeps the observed value even above its capacity); a zone with a series but
/// no value that day sends out nothing, a zone without any series stays free.
/// Returns `None` (nothing changed) when no `LNG:<zone>` series has a value that day.
fn fix_terminals_by_zone(
    system: &mut System,
    eu_terminals: &[usize],
    flows: &BTreeMap<(&str, NaiveDate), f64>,
    has_rows: &[&str],
    day: usize,
    date: NaiveDate,
) -> Option<ZoneLng> {
    let observed: Vec<(String, f64)> = flows
        .iter()
        .filter(|((series, d), _)| *d == date && series.starts_with("LNG:") && *series != "LNG:EU")
        .map(|((series, _), value)| (series["LNG:".len()..].to_string(), value.max(0.0)))
        .collect();
    if observed.is_empty() {
        return None;
    }
    let mut placed = 0.0;
    let mut free_capacity = 0.0;
    let mut unplaced = Vec::new();
    let mut zones: Vec<ZoneId> = eu_terminals
        .iter()
        .map(|&t| system.lng_terminals[t].zone)
        .collect();
    zones.sort_by_key(|z| z.index());
    zones.dedup();
    for (code, _) in &observed {
        if !zones.iter().any(|z| system.zones[z.index()].code == *code) {
            let value = observed
                .iter()
                .find(|(c, _)| c == code)
                .map_or(0.0, |o| o.1);
            unplaced.push((code.clone(), value));
        }
    }
    for zone in zones {
        let code = &system.zones[zone.index()].code;
        let terminals_of = |system: &System| -> Vec<usize> {
            eu_terminals
                .iter()
                .copied()
                .filter(|&t| system.lng_terminals[t].zone == zone)
                .collect()
        };
        if !has_rows.contains(&format!("LNG:{code}").as_str()) {
            free_capacity += terminals_of(system)
                .iter()
                .map(|&t| system.lng_terminals[t].sendout_capacity_gwh_d[day].value())
                .sum::<f64>();
            continue;
        }
        let value = observed
            .iter()
            .find(|(c, _)| c == code)
            .map_or(0.0, |o| o.1);
        let terminals = terminals_of(system);
        let capacities: Vec<f64> = terminals
            .iter()
            .map(|&t| system.lng_terminals[t].sendout_capacity_gwh_d[day].value())
            .collect();
        let shares = if capacities.iter().sum::<f64>() > 0.0 {
            spread(value, &capacities)
        } else {
            let mut v = vec![0.0; terminals.len()];
            v[0] = value;
            v
        };
        for (&t, share) in terminals.iter().zip(shares) {
            let terminal = &mut system.lng_terminals[t];
            // The observed send-out is a floor: terminals missing from the ENTSOG
            // point extract (new FSRUs) leave the EU total above the zones' sum, and
            // that residual may go to any terminal with room (see the caller).
            let nominal = terminal.sendout_capacity_gwh_d[day].value();
            terminal.sendout_capacity_gwh_d[day] = GwhPerDay(share.max(nominal));
            terminal.min_sendout_gwh_d[day] = GwhPerDay(share);
        }
        placed += value;
    }
    Some(ZoneLng {
        placed,
        free_capacity,
        unplaced,
    })
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
    let period = system.period;
    let days = period.days;
    let eu: Vec<bool> = system
        .zones
        .iter()
        .map(|zone| {
            dataset
                .zones
                .iter()
                .any(|z| z.id == zone.code && z.eu_member)
        })
        .collect();
    let mut flows: BTreeMap<(&str, NaiveDate), f64> = BTreeMap::new();
    let mut has_rows: Vec<&str> = Vec::new();
    for row in &dataset.route_flows_daily {
        if row.flow_gwh_d.value().is_finite() {
            flows.insert((row.route.as_str(), row.date), row.flow_gwh_d.value());
            if !has_rows.contains(&row.route.as_str()) {
                has_rows.push(row.route.as_str());
            }
        }
    }
    let observed = |series: &str, date: NaiveDate| -> f64 {
        flows.get(&(series, date)).copied().unwrap_or(0.0)
    };

    // Routes.
    let route_index =
        |system: &System, code: &str| system.routes.iter().position(|r| r.code == code);
    let mut groups: Vec<(String, Vec<&str>)> = ROUTE_SERIES
        .iter()
        .map(|(s, r)| (s.to_string(), r.to_vec()))
        .collect();
    groups.push((
        "ORIGIN:RU (remainder)".to_string(),
        RUSSIAN_REST_ROUTES.to_vec(),
    ));
    let mut over_capacity: BTreeMap<String, usize> = BTreeMap::new();
    for (series, routes) in &groups {
        if !series.contains("remainder") && !has_rows.contains(&series.as_str()) {
            report.notes.push(format!(
                "series {series}: no rows in route_flows_daily.csv; routes left as built"
            ));
            continue;
        }
        let present: Vec<(usize, &str)> = routes
            .iter()
            .filter_map(|code| route_index(system, code).map(|r| (r, *code)))
            .collect();
        for code in routes.iter().filter(|c| route_index(system, c).is_none()) {
            report.notes.push(format!(
                "route {code} not in the system; its share of {series} is left out"
            ));
        }
        for (day, date) in period.dates().enumerate() {
            let total = if series.contains("remainder") {
                let named: f64 = RUSSIAN_NAMED_SERIES.iter().map(|s| observed(s, date)).sum();
                (observed("ORIGIN:RU", date) - named).max(0.0)
            } else {
                observed(series, date).max(0.0)
            };
            // Routes with their own observed series (ENTSOG entry points) take it;
            // the rest of the group's total is spread over the others.
            let own: Vec<Option<f64>> = present
                .iter()
                .map(|(_, code)| flows.get(&(*code, date)).map(|v| v.max(0.0)))
                .collect();
            let own_sum: f64 = own.iter().flatten().sum();
            let rest = if own.iter().all(Option::is_some) {
                0.0
            } else {
                (total - own_sum).max(0.0)
            };
            let capacities: Vec<f64> = present
                .iter()
                .zip(&own)
                .map(|((_, code), own)| match own {
                    Some(_) => 0.0,
                    None => route_capacity(dataset, code, date),
                })
                .collect();
            let sum: f64 = capacities.iter().sum();
            if rest > sum + 1e-6 && rest > 0.0 {
                *over_capacity.entry(series.clone()).or_default() += 1;
            }
            let spread_rest = if sum > 0.0 {
                spread(rest, &capacities)
            } else {
                // No capacity: all on the first route without its own series.
                let mut v = vec![0.0; present.len()];
                if let Some(first) = own.iter().position(Option::is_none) {
                    v[first] = rest;
                }
                v
            };
            let shares: Vec<f64> = own
                .iter()
                .zip(spread_rest)
                .map(|(own, spread)| own.unwrap_or(spread))
                .collect();
            for ((r, _), value) in present.iter().zip(shares) {
                let route = &mut system.routes[*r];
                route.capacity_gwh_d[day] = GwhPerDay(value);
                route.min_flow_gwh_d[day] = GwhPerDay(value);
                report.fixed_imports_twh += value / 1000.0;
            }
        }
        report
            .fixed_routes
            .extend(present.iter().map(|(_, code)| code.to_string()));
    }
    for (series, count) in over_capacity {
        report.notes.push(format!(
            "series {series}: the observed flow exceeds the routes' capacity on {count} days; the observed flow is kept"
        ));
    }
    for code in ROUTES_IDLE {
        if let Some(r) = route_index(system, code) {
            let route = &mut system.routes[r];
            route.capacity_gwh_d = vec![GwhPerDay::ZERO; days];
            route.min_flow_gwh_d = vec![GwhPerDay::ZERO; days];
            report.fixed_routes.push(code.to_string());
        }
    }

    // Zones outside the replay.
    let mut outside = vec![false; system.zones.len()];
    for (z, zone) in system.zones.iter().enumerate() {
        if eu[z] {
            continue;
        }
        let id = ZoneId::from_index(z);
        let own = system.storages.iter().any(|s| s.zone == id)
            || system.routes.iter().any(|r| r.entry == id)
            || system.lng_terminals.iter().any(|t| t.zone == id)
            || system.production.iter().any(|p| p.zone == id);
        if own {
            outside[z] = true;
            report.outside.push(zone.code.clone());
        }
    }
    for pipeline in &mut system.pipelines {
        let (from, to) = (pipeline.from.index(), pipeline.to.index());
        let crosses = (outside[from] && eu[to]) || (eu[from] && outside[to]);
        let kept = KEPT_OPEN
            .iter()
            .any(|(a, b)| system.zones[from].code == *a && system.zones[to].code == *b);
        if crosses && !kept {
            pipeline.capacity_gwh_d = vec![GwhPerDay::ZERO; days];
            report.notes.push(format!(
                "pipeline {} closed (zone outside the replay)",
                pipeline.code
            ));
        }
    }

    // Net flow from Great Britain.
    if let Some(be) = system.zone_by_code(GB_EXCHANGE_ZONE) {
        let origin = OriginId::from_index(system.origins.len());
        system.origins.push(Origin {
            code: GB_ORIGIN.to_string(),
            name: "Great Britain, net exports to the EU27 (observed NETFLOW:GB)".to_string(),
        });
        let price: Vec<EurPerMwh> = system
            .routes
            .iter()
            .find(|r| r.entry == be)
            .or(system.routes.first())
            .map_or(vec![EurPerMwh::ZERO; days], |r| r.price_eur_mwh.clone());
        let mut flow = vec![GwhPerDay::ZERO; days];
        let ireland = system.zone_by_code(GB_IRELAND_ZONE);
        let mut ireland_flow = vec![GwhPerDay::ZERO; days];
        let demand_row = system
            .demands
            .iter()
            .position(|d| d.zone == be && d.sector == gas_core::Sector::Other)
            .or_else(|| system.demands.iter().position(|d| d.zone == be));
        for (day, date) in period.dates().enumerate() {
            let mut net = observed("NETFLOW:GB", date);
            // The GB > IE part (Moffat), where observed, goes to Ireland and the
            // GB > IE pipeline closes that day.
            if let (Some(_), Some(to_ireland)) = (ireland, flows.get(&(GB_IRELAND_SERIES, date))) {
                let to_ireland = to_ireland.max(0.0);
                ireland_flow[day] = GwhPerDay(to_ireland);
                report.fixed_imports_twh += to_ireland / 1000.0;
                net -= to_ireland;
                close_gb_ireland_pipeline(system, day);
            }
            if net >= 0.0 {
                flow[day] = GwhPerDay(net);
                report.fixed_imports_twh += net / 1000.0;
            } else if let Some(d) = demand_row {
                system.demands[d].demand_gwh_d[day] += GwhPerDay(-net);
                report.exports_to_gb_twh += -net / 1000.0;
            }
        }
        system.routes.push(Route {
            code: GB_ROUTE.to_string(),
            origin,
            entry: be,
            capacity_gwh_d: flow.clone(),
            min_flow_gwh_d: flow,
            price_eur_mwh: price,
        });
        report.fixed_routes.push(GB_ROUTE.to_string());
        if let Some(ie) = ireland.filter(|_| ireland_flow.iter().any(|f| f.value() > 0.0)) {
            let price = system.routes[system.routes.len() - 1].price_eur_mwh.clone();
            system.routes.push(Route {
                code: GB_IRELAND_ROUTE.to_string(),
                origin,
                entry: ie,
                capacity_gwh_d: ireland_flow.clone(),
                min_flow_gwh_d: ireland_flow,
                price_eur_mwh: price,
            });
            report.fixed_routes.push(GB_IRELAND_ROUTE.to_string());
        }
    } else {
        report.notes.push(format!(
            "zone {GB_EXCHANGE_ZONE} not in the system; NETFLOW:GB left out"
        ));
    }

    // LNG: the pool is fixed to the observed EU send-out; the LP splits it over the EU terminals.
    let eu_terminals: Vec<usize> = (0..system.lng_terminals.len())
        .filter(|&t| eu[system.lng_terminals[t].zone.index()])
        .collect();
    for terminal in system
        .lng_terminals
        .iter_mut()
        .filter(|t| !eu[t.zone.index()])
    {
        terminal.sendout_capacity_gwh_d = vec![GwhPerDay::ZERO; days];
        terminal.min_sendout_gwh_d = vec![GwhPerDay::ZERO; days];
    }
    let mut short_days = 0;
    let mut zone_days = 0;
    let mut residual_twh = 0.0;
    let mut unplaced_twh: BTreeMap<String, f64> = BTreeMap::new();
    for (day, date) in period.dates().enumerate() {
        let by_zone = fix_terminals_by_zone(system, &eu_terminals, &flows, &has_rows, day, date);
        let (total, free_capacity) = match by_zone {
            Some(fixed) => {
                zone_days += 1;
                for (zone, gwh) in fixed.unplaced {
                    *unplaced_twh.entry(zone).or_default() += gwh / 1000.0;
                }
                // The EU total (Bruegel) where it is above the zones' sum: the
                // residual is send-out of terminals the point extract lacks.
                let eu_total = observed("LNG:EU", date).max(0.0);
                if eu_total > fixed.placed {
                    residual_twh += (eu_total - fixed.placed) / 1000.0;
                }
                (eu_total.max(fixed.placed), fixed.free_capacity)
            }
            None => (observed("LNG:EU", date).max(0.0), 0.0),
        };
        let capacity: f64 = eu_terminals
            .iter()
            .map(|&t| system.lng_terminals[t].sendout_capacity_gwh_d[day].value())
            .sum();
        let total = if total > capacity {
            short_days += 1;
            capacity
        } else {
            total
        };
        report.fixed_imports_twh += total / 1000.0;
        // Each origin's supply: its share of the pool's first tranches, fixed (min = max); other tranches closed.
        let base: Vec<f64> = system
            .lng_supplies
            .iter()
            .map(|s| {
                s.tranches
                    .first()
                    .map_or(0.0, |t| t.capacity_gwh_d[day].value())
            })
            .collect();
        let minimum = spread(total, &base);
        let maximum = spread(total + free_capacity, &base);
        for ((supply, min), max) in system.lng_supplies.iter_mut().zip(minimum).zip(maximum) {
            for (k, tranche) in supply.tranches.iter_mut().enumerate() {
                let (min, max) = if k == 0 { (min, max) } else { (0.0, 0.0) };
                tranche.capacity_gwh_d[day] = GwhPerDay(max);
                tranche.min_gwh_d[day] = GwhPerDay(min);
            }
        }
    }
    report.fixed_terminals = eu_terminals
        .iter()
        .map(|&t| system.lng_terminals[t].code.clone())
        .collect();
    if short_days > 0 {
        report.notes.push(format!(
            "LNG:EU exceeds the EU terminals' send-out capacity on {short_days} days; capped at the capacity"
        ));
    }
    report.notes.push(format!(
        "LNG: on {zone_days} days each EU zone's terminals are fixed to its observed send-out (LNG:<zone>, ENTSOG points) and the pool to their sum; on the other {} days the pool is fixed to LNG:EU and the dispatch splits it over the EU terminals (non-EU terminals closed)",
        days - zone_days
    ));
    report.notes.push(format!(
        "LNG: {residual_twh:.1} TWh of LNG:EU above the zones' observed send-out (terminals missing from the ENTSOG point extract) placed by the dispatch on terminals with room"
    ));
    for (zone, twh) in unplaced_twh {
        report.notes.push(format!(
            "LNG:{zone}: {twh:.1} TWh observed where the system has no terminal; left out"
        ));
    }

    // Onward legs of TurkStream (Balkan Stream BG > RS > HU), missing in the dataset.
    let turkstream = route_capacity(dataset, "TURKSTREAM", period.start);
    for (from, to) in [("BG", "RS"), ("RS", "HU")] {
        let (Some(f), Some(t)) = (system.zone_by_code(from), system.zone_by_code(to)) else {
            continue;
        };
        let code = format!("{from}>{to}");
        let exists = system
            .pipelines
            .iter()
            .any(|p| p.code == code && p.capacity_gwh_d.iter().any(|c| c.value() > 0.0));
        if !exists && turkstream > 0.0 {
            system.pipelines.retain(|p| p.code != code);
            system.pipelines.push(gas_core::system::Pipeline {
                code: code.clone(),
                from: f,
                to: t,
                capacity_gwh_d: vec![GwhPerDay(turkstream); days],
                tariff_eur_mwh: EurPerMwh(0.1),
            });
            report.notes.push(format!(
                "pipeline {code} (TurkStream onward, Balkan Stream) is not in the dataset; {turkstream} GWh/d assumed (TurkStream string 2 at Strandzha 2)"
            ));
        }
    }

    // TAP onward to Italy.
    let tap = route_capacity(dataset, "TAP", period.start);
    if let Some(pipeline) = system.pipelines.iter_mut().find(|p| p.code == "GR>IT") {
        if pipeline.capacity_gwh_d.iter().all(|c| c.value() <= 0.0) && tap > 0.0 {
            pipeline.capacity_gwh_d = vec![GwhPerDay(tap); days];
            report.notes.push(format!("pipeline GR>IT (TAP onward) has no capacity in the dataset; {tap} GWh/d assumed (TAP at Kipi)"));
        }
    }

    // Production of the EU zones.
    let mut zone_years: BTreeMap<String, BTreeMap<i32, f64>> = BTreeMap::new();
    for row in &dataset.production {
        if let Some(twh) = row
            .production_twh
            .map(|t| t.value())
            .filter(|t| t.is_finite())
        {
            zone_years
                .entry(row.zone.clone())
                .or_default()
                .insert(row.year, twh);
        }
    }
    let nearest = |years: &BTreeMap<i32, f64>, year: i32| -> Option<f64> {
        years
            .iter()
            .min_by_key(|(y, _)| ((**y - year).abs(), -**y))
            .map(|(_, v)| *v)
    };
    let eu_total = zone_years.get("EU").cloned().unwrap_or_default();
    let eu_production: Vec<usize> = (0..system.production.len())
        .filter(|&p| eu[system.production[p].zone.index()])
        .collect();
    for (day, date) in period.dates().enumerate() {
        let year = date.year();
        let figures: Vec<f64> = eu_production
            .iter()
            .map(|&p| {
                let code = &system.zones[system.production[p].zone.index()].code;
                zone_years
                    .get(code)
                    .and_then(|y| nearest(y, year))
                    .unwrap_or(0.0)
            })
            .collect();
        let sum: f64 = figures.iter().sum();
        let scale = match nearest(&eu_total, year) {
            Some(total) if sum > 0.0 => total / sum,
            _ => 1.0,
        };
        let days_in_year = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
            366.0
        } else {
            365.0
        };
        for (&p, figure) in eu_production.iter().zip(figures) {
            let value = figure * scale * 1000.0 / days_in_year;
            let production = &mut system.production[p];
            production.max_gwh_d[day] = GwhPerDay(value);
            production.min_gwh_d[day] = GwhPerDay(value);
            report.fixed_production_twh += value / 1000.0;
        }
    }
    // Surplus outlet.
    let sink = ZoneId::from_index(system.zones.len());
    system.zones.push(gas_core::system::Zone {
        code: SPILL_ZONE.to_string(),
        name: "Surplus outlet of the backtest (gas the observed inputs bring but no zone can take)"
            .to_string(),
    });
    let bound = 100_000.0;
    system.demands.push(gas_core::system::Demand {
        zone: sink,
        sector: gas_core::Sector::Other,
        demand_gwh_d: vec![GwhPerDay(bound); days],
        curtailment: vec![gas_core::system::CurtailmentTranche::constant(
            "unused outlet",
            1.0,
            days,
            EurPerMwh(0.0),
        )],
    });
    // Overflow beside every pipeline between two EU zones: observed inflows
    // prove that the gas left the zone, so a link's dataset capacity (the 2019
    // capacity map, with points missing) is a lower bound. Priced between the
    // highest curtailment penalty and the spill, so only surplus takes it.
    let overflow: Vec<gas_core::system::Pipeline> = system
        .pipelines
        .iter()
        .filter(|p| {
            let (from, to) = (p.from.index(), p.to.index());
            from < eu.len() && to < eu.len() && eu[from] && eu[to]
        })
        .filter(|p| p.capacity_gwh_d.iter().any(|c| c.value() > 0.0))
        .map(|p| gas_core::system::Pipeline {
            code: format!("{}{OVERFLOW_SUFFIX}", p.code),
            from: p.from,
            to: p.to,
            capacity_gwh_d: vec![GwhPerDay(bound); days],
            tariff_eur_mwh: EurPerMwh(OVERFLOW_PENALTY),
        })
        .collect();
    report.notes.push(format!(
        "{} overflow links (beside the pipelines between EU zones, {OVERFLOW_PENALTY} EUR/MWh) carry surplus beyond the dataset's capacity",
        overflow.len()
    ));
    system.pipelines.extend(overflow);
    for (z, zone) in system.zones.clone().iter().enumerate() {
        if z < eu.len() && eu[z] {
            system.pipelines.push(gas_core::system::Pipeline {
                code: format!("{}>{SPILL_ZONE}", zone.code),
                from: ZoneId::from_index(z),
                to: sink,
                capacity_gwh_d: vec![GwhPerDay(bound); days],
                tariff_eur_mwh: EurPerMwh(SPILL_PENALTY),
            });
        }
    }

    report.notes.push(format!(
        "production of {} EU zones fixed, scaled to the EU total of the nearest year ({:.0} TWh over the period)",
        eu_production.len(),
        report.fixed_production_twh
    ));
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
