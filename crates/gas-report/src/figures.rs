//! The figures of a run: data taken from a [`RunOutcome`] and drawn with [`crate::charts`].
//!
//! Each figure has a stable id (the `data-chart` attribute), a title, a
//! caption and its `<svg>`. The web app shows the same figures.

use crate::charts::area::{stacked_area, Layer, StackedArea};
use crate::charts::bars::{bar_chart, BarChart, BarGroup};
use crate::charts::heatmap::{heatmap, Heatmap};
use crate::charts::line::{line_chart, small_multiples, LineChart, Marker, Series, SMALL_PANEL_PX};
use crate::charts::tilemap::{tile_map, Tile, TileMap};
use crate::charts::{esc, figure as fmt, month_label};
use crate::palette::{self, lighten};
use chrono::{Datelike, NaiveDate};
use gas_app::run::{RunOutcome, RUSSIAN_ORIGINS};
use gas_core::dataset::{LevelQuality, StorageLevelRecord};
use gas_core::sector::Sector;
use gas_core::{Results, System, ZoneId};
use gas_metrics::kpi::{is_fuel_switching, ZoneKpi};
use gas_metrics::ledger::LedgerLine;
use std::collections::BTreeMap;

/// One chart with its id, title and caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Stable id, used as `data-chart`.
    pub id: String,
    /// Title (also inside the SVG).
    pub title: String,
    /// What the chart shows and where the data comes from.
    pub caption: String,
    /// The `<svg>` element.
    pub svg: String,
}

impl Figure {
    /// The figure as `<figure data-chart="id"><svg/><figcaption/></figure>`.
    pub fn html(&self) -> String {
        format!(
            "<figure data-chart=\"{}\">{}<figcaption>{}</figcaption></figure>\n",
            esc(&self.id),
            self.svg,
            esc(&self.caption)
        )
    }
}

/// Daily fill (percent of working gas) of the storage in `zones` together; `None` without storage.
pub fn fill_pct(system: &System, results: &Results, zones: &[ZoneId]) -> Option<Vec<Option<f64>>> {
    let days = results.period.days;
    let mut level = vec![0.0; days];
    let mut working = 0.0;
    for (index, storage) in system.storages.iter().enumerate() {
        if !zones.contains(&storage.zone) {
            continue;
        }
        working += storage.working_gas_gwh.value();
        if let Some(series) = results.storage_level_gwh.get(index) {
            for (day, value) in series.iter().enumerate().take(days) {
                level[day] += value.value();
            }
        }
    }
    if working.is_nan() || working <= 0.0 {
        return None;
    }
    Some(
        level
            .into_iter()
            .map(|l| Some(100.0 * l / working).filter(|v| v.is_finite()))
            .collect(),
    )
}

/// The filling targets of the storage in `zones`, as percent of their total
/// working gas on each target date (a storage without a target that day counts as 0).
pub fn target_markers(system: &System, results: &Results, zones: &[ZoneId]) -> Vec<Marker> {
    let mut working = 0.0;
    let mut by_date: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    for storage in system.storages.iter().filter(|s| zones.contains(&s.zone)) {
        working += storage.working_gas_gwh.value();
        for target in &storage.targets {
            *by_date.entry(target.date).or_default() +=
                target.min_fill * storage.working_gas_gwh.value();
        }
    }
    if working.is_nan() || working <= 0.0 {
        return Vec::new();
    }
    by_date
        .into_iter()
        .filter_map(|(date, gwh)| {
            let day = results.period.index_of(date)?;
            let value = 100.0 * gwh / working;
            Some(Marker {
                day,
                value,
                label: format!("target {date}: {} %", fmt(value, 1)),
            })
        })
        .collect()
}

/// Observed fill (percent) of `zone` (a code or `EU`) on each day of the period;
/// rows flagged suspect are skipped. `None` when no usable row falls in the period.
pub fn observed_pct(
    observed: &[StorageLevelRecord],
    zone: &str,
    results: &Results,
) -> Option<Vec<Option<f64>>> {
    let mut values = vec![None; results.period.days];
    let mut any = false;
    for record in observed {
        if record.zone != zone
            || record.quality == LevelQuality::Suspect
            || !record.full_pct.is_finite()
        {
            continue;
        }
        if let Some(day) = results.period.index_of(record.date) {
            if let Some(slot) = values.get_mut(day) {
                *slot = Some(record.full_pct);
                any = true;
            }
        }
    }
    any.then_some(values)
}

fn fill_chart(
    outcome: &RunOutcome,
    observed: &[StorageLevelRecord],
    title: &str,
    code: &str,
    zones: &[ZoneId],
) -> Option<LineChart> {
    let system = &outcome.built.system;
    let results = &outcome.results;
    let model = fill_pct(system, results, zones)?;
    let mut series = vec![Series {
        name: "modelled fill".into(),
        color: palette::BLUE.into(),
        values: model,
        dashed: false,
    }];
    if let Some(values) = observed_pct(observed, code, results) {
        series.push(Series {
            name: "observed fill (AGSI+)".into(),
            color: palette::ORANGE.into(),
            values,
            dashed: true,
        });
    }
    Some(LineChart {
        title: title.to_string(),
        y_label: "storage fill (% of working gas)".into(),
        start: results.period.start,
        days: results.period.days,
        series,
        markers: target_markers(system, results, zones),
        marker_name: "filling target".into(),
        y_range: Some((0.0, 100.0)),
    })
}

fn all_zones(system: &System) -> Vec<ZoneId> {
    (0..system.zones.len()).map(ZoneId::from_index).collect()
}

fn zone_has_storage(system: &System, zone: ZoneId) -> bool {
    system
        .storages
        .iter()
        .any(|s| s.zone == zone && s.working_gas_gwh.value() > 0.0)
}

/// EU storage fill against targets and observations.
pub fn eu_fill(outcome: &RunOutcome, observed: &[StorageLevelRecord]) -> Figure {
    let title = "EU storage fill against filling targets";
    let svg = match fill_chart(outcome, observed, title, "EU", &outcome.eu_zones) {
        Some(chart) => line_chart(&chart),
        None => line_chart(&LineChart {
            title: format!("{title} (no EU storage in the system)"),
            y_label: "storage fill (% of working gas)".into(),
            start: outcome.results.period.start,
            days: outcome.results.period.days,
            series: Vec::new(),
            markers: Vec::new(),
            marker_name: String::new(),
            y_range: Some((0.0, 100.0)),
        }),
    };
    Figure {
        id: "eu-fill".into(),
        title: title.into(),
        caption: "End-of-day gas in storage of the EU27 zones together as a share of their working gas; diamonds: filling targets (share of the total working gas); dashed: observed fill (GIE AGSI+, rows flagged suspect left out) where the period overlaps the dataset; the dashes join observations across days without one, and a dot marks each observation next to such a gap.".into(),
        svg,
    }
}

/// Per-zone storage fill (small multiples), zones with storage only.
pub fn zone_fill(outcome: &RunOutcome, observed: &[StorageLevelRecord]) -> Figure {
    let system = &outcome.built.system;
    let panels: Vec<LineChart> = all_zones(system)
        .into_iter()
        .filter(|zone| zone_has_storage(system, *zone))
        .filter_map(|zone| {
            let code = system.zones.get(zone.index())?.code.clone();
            fill_chart(outcome, observed, &code, &code, &[zone])
        })
        .collect();
    let title = "Storage fill by zone against filling targets";
    Figure {
        id: "zone-fill".into(),
        title: title.into(),
        caption: format!(
            "One panel per zone with underground storage ({} zones); y axis 0–100 % of the zone's working gas. Zones without storage are not shown.",
            panels.len()
        ),
        svg: small_multiples(
            title,
            "storage fill (% of working gas)",
            &panels,
            5,
            SMALL_PANEL_PX,
        ),
    }
}

/// What the buffer of a zone is, as the report shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Buffer {
    /// The zone has no modelled demand: no buffer.
    NoDemand,
    /// The zone has demand but no storage.
    NoStorage,
    /// The storage reached its floor after this many days.
    Days(u32),
    /// The storage did not reach its floor within the period.
    Lasts,
    /// The storage did not reach its floor on a solved day of a run with
    /// unsolved days: unknown.
    Unknown,
}

impl Buffer {
    /// The buffer of `kpi` in a run whose days were all solved (`complete`) or not.
    pub fn of(kpi: &ZoneKpi, complete: bool) -> Buffer {
        if kpi.demand_twh <= 0.0 {
            Buffer::NoDemand
        } else if kpi.working_gas_twh <= 0.0 {
            Buffer::NoStorage
        } else {
            match kpi.buffer_days {
                Some(days) => Buffer::Days(days),
                None if complete => Buffer::Lasts,
                None => Buffer::Unknown,
            }
        }
    }

    /// The text of the tables and headline figures.
    pub fn text(self) -> String {
        match self {
            Buffer::NoDemand => "no demand".into(),
            Buffer::NoStorage => "no storage".into(),
            Buffer::Days(days) => format!("{days} d"),
            Buffer::Lasts => "lasts the period".into(),
            Buffer::Unknown => "unknown (unsolved days)".into(),
        }
    }
}

/// Note of a figure's unknown values: empty when every day was solved.
fn unsolved_note(results: &Results) -> String {
    let unsolved = results.unsolved_days();
    if unsolved.is_empty() {
        String::new()
    } else {
        format!(
            " The dispatch is unsolved from {} ({} days): what depends on those days is unknown.",
            results.period.date(unsolved.start),
            unsolved.len()
        )
    }
}

/// Tile maps: buffer days and unserved share by zone.
pub fn maps(outcome: &RunOutcome) -> Vec<Figure> {
    let complete = outcome.results.is_complete();
    let days = outcome.results.period.days as f64;
    let tile = |kpi: &ZoneKpi, value: Option<f64>, note: String| Tile {
        code: kpi.zone.clone(),
        value,
        note,
    };
    let buffer_tiles: Vec<Tile> = outcome
        .zones
        .iter()
        .map(|kpi| match Buffer::of(kpi, complete) {
            Buffer::NoDemand => tile(kpi, None, "no demand".into()),
            Buffer::NoStorage => tile(kpi, None, "no UGS".into()),
            Buffer::Days(d) => tile(kpi, Some(f64::from(d)), format!("{d} d")),
            Buffer::Lasts => tile(kpi, Some(days), "lasts".into()),
            Buffer::Unknown => tile(kpi, None, "unsolved".into()),
        })
        .collect();
    let max_share = outcome
        .zones
        .iter()
        .filter_map(|k| k.unserved_share.map(|share| 100.0 * share))
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let share_tiles: Vec<Tile> = outcome
        .zones
        .iter()
        .map(|kpi| match kpi.unserved_share {
            Some(share) if share.is_finite() => {
                let pct = 100.0 * share;
                tile(kpi, Some(pct), format!("{} %", fmt(pct, 1)))
            }
            Some(_) => tile(kpi, None, "unsolved".into()),
            None => tile(kpi, None, "no demand".into()),
        })
        .collect();
    let or_unsolved = |label: &str| {
        if complete {
            label.to_string()
        } else {
            format!("{label}, or unsolved days")
        }
    };
    let note = unsolved_note(&outcome.results);
    let counted_from = match outcome.disruption_start {
        Some(_) => "the day of the first disruption",
        None => "the first day of the period (the scenario has no disruption)",
    };
    vec![
        Figure {
            id: "map-buffer".into(),
            title: "Buffer days by zone".into(),
            caption: format!("Gas days the zone's storage covered, from {counted_from} through the day it reaches its floor; \"lasts\": not within the period (top colour). Grey: no underground storage (UGS), or no modelled demand (a storage that only serves other zones has no buffer). Tile positions are schematic.{note}"),
            svg: tile_map(&TileMap {
                title: "Buffer days by zone".into(),
                tiles: buffer_tiles,
                legend: "buffer (days)".into(),
                max: days.max(1.0),
                open_top: true,
                none_label: or_unsolved("no storage or no demand"),
                high_is_dark: false,
                decimals: 0,
            }),
        },
        Figure {
            id: "map-unserved".into(),
            title: "Unserved share of demand by zone".into(),
            caption: format!("Unserved demand over the period as a share of the zone's demand, fuel switching excluded (darker: more unserved). Grey: no modelled demand.{note}"),
            svg: tile_map(&TileMap {
                title: "Unserved share of demand by zone".into(),
                tiles: share_tiles,
                legend: "unserved (% of demand)".into(),
                max: if max_share > 0.0 { max_share } else { 1.0 },
                open_top: false,
                none_label: or_unsolved("no modelled demand"),
                high_is_dark: true,
                decimals: 1,
            }),
        },
    ]
}

/// The months of a period, in order, as `(year, month)`.
fn months(results: &Results) -> Vec<(i32, u32)> {
    let mut out: Vec<(i32, u32)> = Vec::new();
    for date in results.period.dates() {
        let key = (date.year(), date.month());
        if out.last() != Some(&key) {
            out.push(key);
        }
    }
    out
}

/// Unserved demand by zone and month (heat map): curtailed demand without the
/// fuel-switching step, which is gas demand met by another fuel.
pub fn unserved_heatmap(outcome: &RunOutcome) -> Figure {
    let system = &outcome.built.system;
    let results = &outcome.results;
    let month_keys = months(results);
    let mut rows = Vec::new();
    let mut values = Vec::new();
    for (z, zone) in system.zones.iter().enumerate() {
        let zone_id = ZoneId::from_index(z);
        if !system.demands.iter().any(|d| d.zone == zone_id) {
            continue;
        }
        let mut row = vec![0.0; month_keys.len()];
        for (index, demand) in system.demands.iter().enumerate() {
            if demand.zone != zone_id {
                continue;
            }
            let Some(steps) = results.curtailed_by_tranche_gwh_d.get(index) else {
                continue;
            };
            // Unserved only: the fuel-switching step is demand met by another fuel.
            let unserved_steps = demand
                .curtailment
                .iter()
                .zip(steps)
                .filter(|(tranche, _)| !is_fuel_switching(tranche));
            for (_, series) in unserved_steps {
                for (day, value) in series.iter().enumerate() {
                    let date = results.period.date(day);
                    if let Some(m) = month_keys
                        .iter()
                        .position(|k| *k == (date.year(), date.month()))
                    {
                        row[m] += value.value() / 1000.0;
                    }
                }
            }
        }
        rows.push(zone.code.clone());
        values.push(row);
    }
    let columns = month_keys
        .iter()
        .filter_map(|(y, m)| NaiveDate::from_ymd_opt(*y, *m, 1).map(month_label))
        .collect();
    let title = "Unserved demand by zone and month";
    Figure {
        id: "unserved-heatmap".into(),
        title: title.into(),
        caption: format!("Unserved (curtailed) demand, all sectors, summed per calendar month (TWh); demand met by fuel switching is not counted. Grey: none. Zones without demand data are left out.{}", unsolved_note(results)),
        svg: heatmap(&Heatmap {
            title: title.into(),
            rows,
            columns,
            values,
            unit: "TWh".into(),
            decimals: 1,
        }),
    }
}

/// A sector's label for charts.
pub fn sector_label(sector: Sector) -> &'static str {
    match sector {
        Sector::HouseholdsServices => "households and services",
        Sector::Power => "power",
        Sector::Industry => "industry",
        Sector::Other => "other",
    }
}

/// Unserved demand by sector: the EU and the other modelled zones.
pub fn unserved_by_sector(outcome: &RunOutcome) -> Figure {
    let all: [f64; 4] = outcome.zones.iter().fold([0.0; 4], |mut acc, kpi| {
        for (a, v) in acc.iter_mut().zip(kpi.unserved_twh_by_sector) {
            *a += v;
        }
        acc
    });
    let groups = Sector::ALL
        .iter()
        .enumerate()
        .map(|(i, sector)| BarGroup {
            label: sector_label(*sector).into(),
            values: vec![
                outcome.eu.unserved_twh_by_sector[i],
                all[i] - outcome.eu.unserved_twh_by_sector[i],
            ],
        })
        .collect();
    let title = "Unserved demand by sector";
    Figure {
        id: "unserved-sector".into(),
        title: title.into(),
        caption: "Curtailed demand over the whole period by sector (TWh), EU27 zones and the other modelled zones (UK, Switzerland, Ukraine, Moldova, Western Balkans, Türkiye, Norway where modelled).".into(),
        svg: bar_chart(&BarChart {
            title: title.into(),
            x_label: "unserved demand (TWh)".into(),
            series: vec![
                ("EU27".into(), palette::BLUE.into()),
                ("other modelled zones".into(), palette::ORANGE.into()),
            ],
            groups,
            decimals: 1,
        }),
    }
}

/// Which layer of the supply mix a flow belongs to, with its colour.
fn pipeline_layer(
    origin: &str,
    route: &str,
    russian_index: &mut BTreeMap<String, usize>,
) -> (String, String) {
    if RUSSIAN_ORIGINS.contains(&origin) {
        let next = russian_index.len();
        let i = *russian_index.entry(route.to_string()).or_insert(next);
        return (
            format!("Russia: {route}"),
            lighten(palette::VERMILLION, (i as f64 * 0.14).min(0.7)),
        );
    }
    match origin {
        "NO" => ("Norway (pipelines)".into(), palette::BLUE.into()),
        "DZ" | "LY" | "MA" | "TN" => ("North Africa (pipelines)".into(), palette::ORANGE.into()),
        "AZ" => ("Azerbaijan (TAP)".into(), palette::PURPLE.into()),
        _ => ("other pipelines".into(), "#999999".into()),
    }
}

fn lng_colour(origin: &str, other_index: usize) -> String {
    match origin {
        "US" => palette::YELLOW.into(),
        "QA" => palette::SKY_BLUE.into(),
        "RU" => lighten(palette::VERMILLION, 0.55),
        _ => lighten(palette::GREEN, 0.35 + (other_index as f64 * 0.12).min(0.5)),
    }
}

/// Supply mix per week by origin and route (stacked areas, weekly means in GWh/d).
pub fn supply_mix(outcome: &RunOutcome) -> Figure {
    let system = &outcome.built.system;
    let results = &outcome.results;
    // Solved days only: the unsolved ones have no flows.
    let days = results.unsolved_days().start;
    let weeks = days.div_ceil(7);
    // Ordered layers: (name, colour, daily values).
    let mut layers: Vec<(String, String, Vec<f64>)> = Vec::new();
    let add = |name: String,
               colour: String,
               daily: &[f64],
               layers: &mut Vec<(String, String, Vec<f64>)>| {
        match layers.iter_mut().find(|(n, _, _)| *n == name) {
            Some((_, _, values)) => {
                for (v, d) in values.iter_mut().zip(daily) {
                    *v += d;
                }
            }
            None => layers.push((name, colour, daily.to_vec())),
        }
    };
    let daily_of = |series: Option<&Vec<gas_core::units::GwhPerDay>>| -> Vec<f64> {
        (0..days)
            .map(|d| series.and_then(|s| s.get(d)).map_or(0.0, |v| v.value()))
            .collect()
    };
    let origin_code = |index: usize| system.origins.get(index).map_or("?", |o| o.code.as_str());
    let mut russian_index = BTreeMap::new();
    // Russian routes first (bottom of the stack), then other pipelines.
    let mut route_order: Vec<usize> = (0..system.routes.len()).collect();
    route_order
        .sort_by_key(|&i| !RUSSIAN_ORIGINS.contains(&origin_code(system.routes[i].origin.index())));
    for i in route_order {
        let route = &system.routes[i];
        let daily = daily_of(results.route_flow_gwh_d.get(i));
        if daily.iter().all(|v| *v <= 1e-9) {
            continue;
        }
        let (name, colour) = pipeline_layer(
            origin_code(route.origin.index()),
            &route.code,
            &mut russian_index,
        );
        add(name, colour, &daily, &mut layers);
    }
    let mut lng_by_origin: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (i, supply) in system.lng_supplies.iter().enumerate() {
        let daily = daily_of(results.lng_supply_gwh_d.get(i));
        let entry = lng_by_origin
            .entry(origin_code(supply.origin.index()).to_string())
            .or_insert_with(|| vec![0.0; days]);
        for (e, d) in entry.iter_mut().zip(&daily) {
            *e += d;
        }
    }
    let mut other_lng = 0;
    for (origin, daily) in lng_by_origin {
        if daily.iter().all(|v| *v <= 1e-9) {
            continue;
        }
        let colour = lng_colour(&origin, other_lng);
        if !matches!(origin.as_str(), "US" | "QA" | "RU") {
            other_lng += 1;
        }
        let name = match origin.as_str() {
            "OTHER_LNG" => "LNG other origins".to_string(),
            code => format!("LNG {code}"),
        };
        add(name, colour, &daily, &mut layers);
    }
    let mut production = vec![0.0; days];
    for (i, _) in system.production.iter().enumerate() {
        for (p, d) in production
            .iter_mut()
            .zip(daily_of(results.production_gwh_d.get(i)))
        {
            *p += d;
        }
    }
    add(
        "domestic production".into(),
        palette::GREEN.into(),
        &production,
        &mut layers,
    );
    let mut withdrawal = vec![0.0; days];
    for (i, _) in system.storages.iter().enumerate() {
        for (w, d) in withdrawal
            .iter_mut()
            .zip(daily_of(results.storage_withdrawal_gwh_d.get(i)))
        {
            *w += d;
        }
    }
    add(
        "storage withdrawal".into(),
        palette::PURPLE.to_string(),
        &withdrawal,
        &mut layers,
    );
    // Storage withdrawal shares purple with Azerbaijan; give it a distinct grey-black.
    if let Some(last) = layers.last_mut() {
        last.1 = lighten("#000000", 0.3);
    }

    let weekly = |daily: &[f64]| -> Vec<f64> {
        (0..weeks)
            .map(|w| {
                let chunk = daily
                    .get(w * 7..((w + 1) * 7).min(daily.len()))
                    .unwrap_or(&[]);
                if chunk.is_empty() {
                    0.0
                } else {
                    chunk.iter().sum::<f64>() / chunk.len() as f64
                }
            })
            .collect()
    };
    let steps = (0..weeks)
        .map(|w| {
            let date = results.period.date(w * 7);
            format!("{} {}", date.day(), month_label(date))
        })
        .collect();
    let title = "Supply by origin and route, weekly";
    Figure {
        id: "supply-mix".into(),
        title: title.into(),
        caption: format!("Weekly mean of daily supply into the modelled zones (GWh/d): each Russian pipeline route separately (shades of vermillion), other pipeline imports by origin, LNG by origin, domestic production and storage withdrawal. Layers with no flow are left out.{}", unsolved_note(results)),
        svg: stacked_area(&StackedArea {
            title: title.into(),
            y_label: "supply (GWh/d, weekly mean)".into(),
            x_label: "week starting".into(),
            steps,
            layers: layers
                .into_iter()
                .map(|(name, color, daily)| Layer { name, color, values: weekly(&daily) })
                .collect(),
        }),
    }
}

/// Per ledger line ([`LedgerLine::ALL`]): (label, volume TWh, value MEUR, change in
/// value against do-nothing if priced). The curtailment cost comes as two lines,
/// unserved demand and fuel switching.
pub fn ledger_lines(outcome: &RunOutcome) -> Vec<(&'static str, f64, f64, Option<f64>)> {
    LedgerLine::ALL
        .iter()
        .map(|line| {
            let (volume, value) = outcome.ledger.line_total(*line);
            let change = outcome
                .versus_do_nothing
                .as_ref()
                .map(|c| line.value_change_meur(&c.deltas));
            (line.label(), volume, value, change)
        })
        .collect()
}

/// The ledger: values with packages and, when priced, without them.
pub fn ledger_chart(outcome: &RunOutcome) -> Figure {
    let lines = ledger_lines(outcome);
    let priced = outcome.versus_do_nothing.is_some();
    let series = if priced {
        vec![
            ("with the packages".to_string(), palette::BLUE.to_string()),
            ("do nothing".to_string(), palette::ORANGE.to_string()),
        ]
    } else {
        vec![("this run".to_string(), palette::BLUE.to_string())]
    };
    let groups = lines
        .iter()
        .map(|(label, _, value, change)| BarGroup {
            label: (*label).into(),
            values: match change {
                Some(change) => vec![*value, value - change],
                None => vec![*value],
            },
        })
        .collect();
    let title = "Cost ledger";
    Figure {
        id: "ledger".into(),
        title: title.into(),
        caption: "Money over the period (million EUR): Russia's gas export revenue from the modelled zones, what the EU27 pays for imported gas, US LNG revenue, and the cost of curtailed EU demand at the curtailment penalties, apart for unserved demand and for fuel switching (demand met by another fuel, at its cost). With packages, the same scenario without them is shown for comparison.".into(),
        svg: bar_chart(&BarChart { title: title.into(), x_label: "million EUR".into(), series, groups, decimals: 0 }),
    }
}

/// Each priced ledger line's change against do-nothing, and the headline costs.
pub fn package_change(outcome: &RunOutcome) -> Option<Figure> {
    let comparison = outcome.versus_do_nothing.as_ref()?;
    let mut groups: Vec<BarGroup> = ledger_lines(outcome)
        .iter()
        .map(|(label, _, _, change)| BarGroup {
            label: format!("Δ {label}"),
            values: vec![change.unwrap_or(0.0)],
        })
        .collect();
    groups.push(BarGroup {
        label: "cost to Russia".into(),
        values: vec![comparison.cost.cost_to_russia_meur],
    });
    groups.push(BarGroup {
        label: "cost to Europe".into(),
        values: vec![comparison.cost.cost_to_europe_meur],
    });
    groups.push(BarGroup {
        label: "cost to the US".into(),
        values: vec![comparison.cost.cost_to_us_meur],
    });
    let title = format!(
        "Packages against do-nothing: {}",
        outcome.packages.join(" + ")
    );
    Some(Figure {
        id: "package-change".into(),
        title: title.clone(),
        caption: "Change of each ledger line with the packages minus without them (million EUR), and the resulting costs (positive = a cost to that party).".into(),
        svg: bar_chart(&BarChart {
            title,
            x_label: "million EUR".into(),
            series: vec![("change".into(), palette::VERMILLION.into())],
            groups,
            decimals: 0,
        }),
    })
}

/// Every figure of a run report, in page order.
pub fn run_figures(outcome: &RunOutcome, observed: &[StorageLevelRecord]) -> Vec<Figure> {
    let mut figures = vec![eu_fill(outcome, observed), zone_fill(outcome, observed)];
    figures.extend(maps(outcome));
    figures.push(unserved_heatmap(outcome));
    figures.push(unserved_by_sector(outcome));
    figures.push(supply_mix(outcome));
    figures.push(ledger_chart(outcome));
    figures.extend(package_change(outcome));
    figures
}

/// `id` of every figure [`run_figures`] can return (the last only with packages).
pub const RUN_FIGURE_IDS: [&str; 9] = [
    "eu-fill",
    "zone-fill",
    "map-buffer",
    "map-unserved",
    "unserved-heatmap",
    "unserved-sector",
    "supply-mix",
    "ledger",
    "package-change",
];
