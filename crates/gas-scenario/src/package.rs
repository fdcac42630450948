//! The package file: a named bundle of measures issued on a trigger.

use crate::common::{
    read_carrier, read_sectors, read_window, read_zones, Carrier, Window, ZoneSel,
};
use crate::errors::FileErrors;
use crate::location::{Loc, Located};
use crate::presets;
use crate::reader::{raw_date, raw_number, Bound, Ctx, Table};
use crate::trigger::DateSpec;
use chrono::NaiveDate;
use gas_core::system::Solidarity;
use gas_core::Sector;

/// A parsed, checked package file.
#[derive(Debug, Clone, PartialEq)]
pub struct Package {
    /// The file label errors name.
    pub file: String,
    /// Short name (unique among the packages of a run).
    pub name: Located<String>,
    /// Free text.
    pub description: String,
    /// When the package is issued; measures start then unless they say `from`.
    pub trigger: Located<DateSpec>,
    /// Measures in file order.
    pub measures: Vec<Measure>,
}

/// One measure of a package.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    /// Key path, `measures[i]`.
    pub key: String,
    /// Location of the measure's table.
    pub loc: Loc,
    /// What it does.
    pub kind: MeasureKind,
    /// When, as written (missing `from` = the package trigger; missing `to` = the period end).
    pub window: Window,
    /// Free-text note.
    pub note: String,
}

/// What a measure does.
#[derive(Debug, Clone, PartialEq)]
pub enum MeasureKind {
    /// Sanctions: imports from `origin` by `carrier` are banned for `share` of the volume.
    Embargo {
        /// Origin code.
        origin: Located<String>,
        /// Pipeline, LNG or both.
        carrier: Carrier,
        /// Share banned, `[0, 1]`.
        share: f64,
    },
    /// Sanctions: a route is online (its dataset capacity) or blocked (zero).
    RouteStatus {
        /// Route id.
        route: Located<String>,
        /// The status.
        online: bool,
    },
    /// Sanctions: a cap on the price paid for gas from `origin`.
    ///
    /// Assumption: the origin keeps delivering at the capped price (volumes are not
    /// reduced by the cap unless a scenario event says so).
    PriceCap {
        /// Origin code.
        origin: Located<String>,
        /// Pipeline, LNG or both.
        carrier: Carrier,
        /// The cap.
        cap_eur_mwh: f64,
    },
    /// Contingency: an extra LNG tranche from an origin.
    ExtraLng {
        /// Origin code.
        origin: Located<String>,
        /// Extra volume each day.
        volume_gwh_d: f64,
        /// Its price.
        price_eur_mwh: f64,
    },
    /// Contingency: more pipeline gas from an origin, spread over its routes in
    /// proportion to their headroom (technical capacity minus what they offer).
    PipelineIncrease {
        /// Origin code.
        origin: Located<String>,
        /// Extra capacity each day, over all the origin's routes.
        volume_gwh_d: f64,
    },
    /// Contingency: a share of power-sector gas demand can switch fuel at a cost.
    FuelSwitching {
        /// Zones.
        zones: ZoneSel,
        /// Switchable share of power demand, `[0, 1]`.
        share: f64,
        /// Cost of switching (`None`: the scenario's `[curtailment] fuel_switching`).
        cost_eur_mwh: Option<f64>,
    },
    /// Contingency: demand falls by `share` in the zones and sectors.
    DemandReduction {
        /// Zones.
        zones: ZoneSel,
        /// Sectors.
        sectors: Vec<Sector>,
        /// Reduction, `[0, 1]`.
        share: f64,
        /// The preset used, if any.
        preset: Option<String>,
    },
    /// Contingency: soft storage filling targets.
    StorageTargets {
        /// Zones with storage.
        zones: ZoneSel,
        /// The targets.
        targets: TargetSpec,
        /// Penalty per MWh short of a target.
        penalty_eur_mwh: f64,
    },
    /// Contingency: a hard floor on storage as a share of working gas.
    StrategicReserve {
        /// Zones with storage.
        zones: ZoneSel,
        /// Floor, share of working gas.
        fill: f64,
    },
    /// How zones share gas in a shortage.
    Solidarity {
        /// The mode.
        mode: Solidarity,
    },
}

/// Storage targets as written.
#[derive(Debug, Clone, PartialEq)]
pub enum TargetSpec {
    /// `(date, fill)` pairs applying to every selected zone.
    List(Vec<(Located<NaiveDate>, f64)>),
    /// A named preset (see [`crate::presets`]).
    Preset(Located<String>),
}

/// Default penalty of a missed storage target, EUR/MWh: an **assumption** above every
/// monthly TTF price of 2021-2023 in the dataset and below the cheapest sector curtailment
/// (400), so that storage is filled with bought gas but not by cutting consumers.
pub const DEFAULT_TARGET_PENALTY: f64 = 300.0;

/// The measure types a package accepts (`[[measures]] type = ...`), in the order of
/// [`MeasureKind`]. `docs/scenarios.md` documents each one (checked by `tests/docs.rs`).
pub const MEASURE_TYPES: [&str; 10] = [
    "embargo",
    "route_status",
    "price_cap",
    "extra_lng",
    "pipeline_increase",
    "fuel_switching",
    "demand_reduction",
    "storage_targets",
    "strategic_reserve",
    "solidarity",
];

/// The top-level keys a package file accepts, in alphabetical order (the order of
/// the "expected one of the keys ..." error for an unknown key). `tests/docs.rs`
/// checks this list against that error and `docs/scenarios.md` against this list.
pub const PACKAGE_KEYS: [&str; 4] = ["description", "measures", "name", "trigger"];

/// Reads a package file.
pub fn load_package(path: &std::path::Path) -> Result<Package, FileErrors> {
    let label = path.display().to_string();
    let text = crate::read_text(path)?;
    parse_package(&text, &label)
}

/// Parses package text; `file_label` is the file name errors carry.
///
/// ```
/// let package = gas_scenario::parse_package(
///     "name = \"ban\"\ntrigger = \"invasion + 7d\"\n\n[[measures]]\ntype = \"embargo\"\norigin = \"RU\"\ncarrier = \"lng\"\n",
///     "ban.toml",
/// ).unwrap();
/// assert_eq!(package.measures.len(), 1);
/// ```
pub fn parse_package(text: &str, file_label: &str) -> Result<Package, FileErrors> {
    let mut ctx = Ctx::new(text, file_label);
    let Some(document) = ctx.parse(text) else {
        return Err(FileErrors(ctx.errors).normalise());
    };
    let mut root = Table::root(&document);
    let name = root.string(&mut ctx, "name", true);
    let description = root.string(&mut ctx, "description", false);
    let trigger = root.date_spec(&mut ctx, "trigger", true);
    let mut measures = Vec::new();
    let tables = root.tables(&mut ctx, "measures");
    if tables.is_empty() && !root.has("measures") {
        // A package without measures is allowed (the "do nothing" reference).
    }
    for mut table in tables {
        if let Some(measure) = read_measure(&mut ctx, &mut table) {
            measures.push(measure);
        }
        table.finish(&mut ctx);
    }
    root.finish(&mut ctx);
    if let Some(name) = &name {
        if name.value.trim().is_empty() {
            ctx.errors
                .push(name.loc.error("a non-empty name", "an empty string"));
        }
    }
    match (name, trigger) {
        (Some(name), Some(trigger)) if ctx.errors.is_empty() => Ok(Package {
            file: file_label.to_string(),
            name,
            description: description.map(|d| d.value).unwrap_or_default(),
            trigger,
            measures,
        }),
        _ => Err(FileErrors(ctx.errors).normalise()),
    }
}

fn read_measure(ctx: &mut Ctx<'_>, table: &mut Table<'_, '_>) -> Option<Measure> {
    if table.is_placeholder() {
        return None;
    }
    let kind_name = table.choice(ctx, "type", true, &MEASURE_TYPES);
    let note = table
        .string(ctx, "note", false)
        .map(|n| n.value)
        .unwrap_or_default();
    let mut window = read_window(ctx, table);
    // Storage targets carry their own dates and solidarity holds for the whole run:
    // a from/to there would be silently ignored, so it is an error.
    if let Some(kind) = kind_name
        .as_ref()
        .map(|k| k.value.as_str())
        .filter(|k| matches!(*k, "storage_targets" | "solidarity"))
    {
        let reason = if kind == "storage_targets" {
            "no from/to for storage_targets (each target has its own date)"
        } else {
            "no from/to for solidarity (it holds for the whole run)"
        };
        for spec in [window.from.take(), window.to.take()].into_iter().flatten() {
            ctx.errors.push(spec.loc.error(reason, "a date"));
        }
    }
    let kind = match kind_name.as_ref().map(|k| k.value.as_str())? {
        "embargo" => {
            let origin = table.string(ctx, "origin", true);
            let carrier = read_carrier(ctx, table, Carrier::All);
            let share = table
                .number(ctx, "share", false, Bound::Share)
                .map_or(1.0, |s| s.value);
            MeasureKind::Embargo {
                origin: origin?,
                carrier,
                share,
            }
        }
        "route_status" => {
            let route = table.string(ctx, "route", true);
            let status = table.choice(ctx, "status", true, &["online", "blocked"]);
            MeasureKind::RouteStatus {
                route: route?,
                online: status?.value == "online",
            }
        }
        "price_cap" => {
            let origin = table.string(ctx, "origin", true);
            let carrier = read_carrier(ctx, table, Carrier::All);
            let cap = table.number(ctx, "cap_eur_mwh", true, Bound::Price);
            MeasureKind::PriceCap {
                origin: origin?,
                carrier,
                cap_eur_mwh: cap?.value,
            }
        }
        "extra_lng" => {
            let origin = table.string(ctx, "origin", true);
            let volume = table.number(ctx, "volume_gwh_d", true, Bound::Volume);
            let price = table.number(ctx, "price_eur_mwh", true, Bound::Price);
            MeasureKind::ExtraLng {
                origin: origin?,
                volume_gwh_d: volume?.value,
                price_eur_mwh: price?.value,
            }
        }
        "pipeline_increase" => {
            let origin = table.string(ctx, "origin", true);
            let volume = table.number(ctx, "volume_gwh_d", true, Bound::Volume);
            MeasureKind::PipelineIncrease {
                origin: origin?,
                volume_gwh_d: volume?.value,
            }
        }
        "fuel_switching" => {
            let zones = read_zones(ctx, table, "zones");
            let share = table.number(ctx, "share", true, Bound::Share);
            let cost = table.number(ctx, "cost_eur_mwh", false, Bound::Price);
            MeasureKind::FuelSwitching {
                zones,
                share: share?.value,
                cost_eur_mwh: cost.map(|c| c.value),
            }
        }
        "demand_reduction" => {
            let preset = table.string(ctx, "preset", false);
            let preset_value = match &preset {
                Some(name) => match presets::demand_reduction(&name.value) {
                    Some(preset) => Some(preset),
                    None => {
                        ctx.errors.push(name.loc.error(
                            format!(
                                "one of the demand-reduction presets {}",
                                presets::DEMAND_REDUCTION_NAMES.join(", ")
                            ),
                            format!("{:?}", name.value),
                        ));
                        return None;
                    }
                },
                None => None,
            };
            let zones_given = table.has("zones");
            let zones = read_zones(ctx, table, "zones");
            let sectors = read_sectors(ctx, table, "sectors");
            let share = table.number(ctx, "share", preset_value.is_none(), Bound::Share);
            let share = match (share, &preset_value) {
                (Some(share), _) => share.value,
                (None, Some(preset)) => preset.share,
                (None, None) => return None,
            };
            let zones = match (&preset_value, zones_given) {
                (Some(_), false) => ZoneSel::Eu,
                _ => zones,
            };
            if let Some(preset) = &preset_value {
                let loc = preset_loc(ctx, table, "preset");
                if window.from.is_none() {
                    window.from = Some(Located::new(DateSpec::Date(preset.from), loc.clone()));
                }
                if window.to.is_none() {
                    window.to = Some(Located::new(DateSpec::Date(preset.to), loc));
                }
            }
            MeasureKind::DemandReduction {
                zones,
                sectors,
                share,
                preset: preset.map(|p| p.value),
            }
        }
        "storage_targets" => {
            let zones_given = table.has("zones");
            let zones = read_zones(ctx, table, "zones");
            let penalty = table
                .number(ctx, "penalty_eur_mwh", false, Bound::Price)
                .map_or(DEFAULT_TARGET_PENALTY, |p| p.value);
            let preset = table.string(ctx, "preset", false);
            let targets = read_targets(ctx, table);
            let targets = match (preset, targets) {
                (Some(preset), None) => {
                    if presets::storage_targets(&preset.value).is_none() {
                        ctx.errors.push(preset.loc.error(
                            format!(
                                "one of the storage-target presets {}",
                                presets::STORAGE_TARGET_NAMES.join(", ")
                            ),
                            format!("{:?}", preset.value),
                        ));
                        return None;
                    }
                    TargetSpec::Preset(preset)
                }
                (None, Some(targets)) => TargetSpec::List(targets),
                (Some(preset), Some(_)) => {
                    ctx.errors.push(
                        preset
                            .loc
                            .error("either preset or targets, not both", "both"),
                    );
                    return None;
                }
                (None, None) => {
                    if !table.has("targets") {
                        let loc = table.loc(ctx, "targets");
                        ctx.errors.push(loc.error(
                            "targets (a list of { date, fill }) or preset",
                            "nothing (both keys are missing)",
                        ));
                    }
                    return None;
                }
            };
            // The regulation's targets bind EU members: with a preset and no zones, the
            // EU zones (as the demand-reduction preset), not every zone with storage.
            let zones = match (&targets, zones_given) {
                (TargetSpec::Preset(_), false) => ZoneSel::Eu,
                _ => zones,
            };
            MeasureKind::StorageTargets {
                zones,
                targets,
                penalty_eur_mwh: penalty,
            }
        }
        "strategic_reserve" => {
            let zones = read_zones(ctx, table, "zones");
            let fill = table.number(ctx, "fill", true, Bound::Share);
            MeasureKind::StrategicReserve {
                zones,
                fill: fill?.value,
            }
        }
        _ => {
            let mode = table.choice(ctx, "mode", true, &["cooperative", "national_first"]);
            MeasureKind::Solidarity {
                mode: if mode?.value == "cooperative" {
                    Solidarity::Cooperative
                } else {
                    Solidarity::NationalFirst
                },
            }
        }
    };
    Some(Measure {
        key: table.path.clone(),
        loc: ctx.loc(&table.span, &table.path),
        kind,
        window,
        note,
    })
}

fn preset_loc(ctx: &Ctx<'_>, table: &Table<'_, '_>, key: &str) -> Loc {
    table.loc(ctx, key)
}

fn read_targets(
    ctx: &mut Ctx<'_>,
    table: &mut Table<'_, '_>,
) -> Option<Vec<(Located<NaiveDate>, f64)>> {
    let items = table.tables(ctx, "targets");
    if items.is_empty() {
        if let Some(raw) = table.raw("targets") {
            if matches!(raw.value, toml::de::DeValue::Array(a) if a.is_empty()) {
                ctx.error(
                    &raw.span,
                    &raw.key,
                    "a non-empty list of { date, fill }",
                    "an empty list",
                );
            }
        }
        return None;
    }
    let mut targets = Vec::new();
    for mut item in items {
        if item.is_placeholder() {
            continue;
        }
        let date = item.raw("date").and_then(|raw| {
            raw_date(ctx, &raw).map(|d| Located::new(d, ctx.loc(&raw.span, &raw.key)))
        });
        let fill = item
            .raw("fill")
            .and_then(|raw| raw_number(ctx, &raw, Bound::Share));
        if !item.has("date") {
            let loc = item.loc(ctx, "date");
            ctx.errors
                .push(loc.error("a date (YYYY-MM-DD)", "nothing (the key is missing)"));
        }
        if !item.has("fill") {
            let loc = item.loc(ctx, "fill");
            ctx.errors
                .push(loc.error("a number between 0 and 1", "nothing (the key is missing)"));
        }
        item.finish(ctx);
        if let (Some(date), Some(fill)) = (date, fill) {
            targets.push((date, fill));
        }
    }
    Some(targets)
}
