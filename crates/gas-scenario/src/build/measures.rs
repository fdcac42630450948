//! Package measures → daily overrides (after the scenario's events, packages in order).
//!
//! Effects:
//! - `embargo`: capacity of the origin's routes / LNG tranches x (1 - share), separate from
//!   (and multiplied with) any cut-off of the scenario.
//! - `route_status`: the route at its dataset capacity (online) or at zero (blocked).
//! - `price_cap`: the price of the origin's routes / LNG tranches is `min(price, cap)`.
//!   **Assumption:** the origin keeps delivering the same volumes at the cap; a
//!   scenario that expects retaliation adds a cut-off event.
//! - `extra_lng`: a new tranche of the origin's LNG (volume, price) on the measure's days.
//! - `pipeline_increase`: the volume is spread over the origin's routes in proportion to
//!   their headroom that day (technical capacity minus the capacity offered) and added,
//!   at most up to the technical capacity.
//! - `fuel_switching`: the power demand's first curtailment step (share on the
//!   measure's days, cost).
//! - `demand_reduction`: demand x (1 - share).
//! - `storage_targets`: soft targets (later packages replace the same storage and date).
//! - `strategic_reserve`: a hard floor of `fill x working gas`.
//! - `solidarity`: the dispatch setting.

use super::events::cut_origin;
use super::lng::{supply_of, TrancheDraft};
use super::{AppliedOverride, Draft, Param};
use crate::common::{resolve_window, Carrier, OutsidePeriod, ZoneSel};
use crate::package::{Measure, MeasureKind, Package, TargetSpec};
use crate::presets;
use crate::scenario::Scenario;
use chrono::NaiveDate;
use gas_core::system::Solidarity;

pub(super) fn apply(draft: &mut Draft, scenario: &Scenario, package: &Package) {
    let period = draft.period();
    let bounds = (period.start, period.end());
    let trigger = match package.trigger.value.resolve(&scenario.triggers) {
        Ok(date) => date,
        Err(name) => {
            let names: Vec<&str> = scenario.triggers.iter().map(|t| t.name.as_str()).collect();
            let error = package.trigger.loc.error(
                format!(
                    "a trigger defined in the scenario's [triggers] ({})",
                    if names.is_empty() {
                        "none defined".to_string()
                    } else {
                        names.join(", ")
                    }
                ),
                format!("{name:?}"),
            );
            draft.errors.push(error);
            return;
        }
    };
    if trigger > bounds.1 {
        draft.warnings.push(format!(
            "package {}: its trigger {trigger} is after the period ({} to {}); nothing applied",
            package.name.value, bounds.0, bounds.1
        ));
        return;
    }
    for measure in &package.measures {
        let mut errors = Vec::new();
        let dates = resolve_window(
            &measure.window,
            trigger,
            &package.trigger.loc,
            &scenario.triggers,
            bounds,
            OutsidePeriod::Skipped,
            &mut errors,
        );
        let invalid = !errors.is_empty();
        draft.errors.extend(errors);
        match dates {
            Some((from, to)) => apply_measure(draft, package, measure, from, to),
            None if !invalid => draft.warnings.push(format!(
                "package {} {}: its days lie outside the period ({} to {}); not applied",
                package.name.value, measure.key, bounds.0, bounds.1
            )),
            None => {}
        }
    }
}

fn zone_label(zones: &ZoneSel) -> String {
    match zones {
        ZoneSel::All => "all zones".into(),
        ZoneSel::Eu => "EU zones".into(),
        ZoneSel::List(list) => list
            .iter()
            .map(|z| z.value.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn describe(kind: &MeasureKind) -> String {
    match kind {
        MeasureKind::Embargo {
            origin,
            carrier,
            share,
        } => {
            format!(
                "embargo on {} {} imports: {:.0} %",
                origin.value,
                carrier.code(),
                share * 100.0
            )
        }
        MeasureKind::RouteStatus { route, online } => {
            format!(
                "route {} {}",
                route.value,
                if *online { "online" } else { "blocked" }
            )
        }
        MeasureKind::PriceCap {
            origin,
            carrier,
            cap_eur_mwh,
        } => {
            format!(
                "price cap on {} ({}) at {cap_eur_mwh} EUR/MWh",
                origin.value,
                carrier.code()
            )
        }
        MeasureKind::ExtraLng {
            origin,
            volume_gwh_d,
            price_eur_mwh,
        } => {
            format!(
                "extra LNG from {}: {volume_gwh_d} GWh/d at {price_eur_mwh} EUR/MWh",
                origin.value
            )
        }
        MeasureKind::PipelineIncrease {
            origin,
            volume_gwh_d,
        } => {
            format!(
                "pipeline supply from {} +{volume_gwh_d} GWh/d",
                origin.value
            )
        }
        MeasureKind::FuelSwitching {
            zones,
            share,
            cost_eur_mwh,
        } => format!(
            "fuel switching in power of {}: {:.0} % switchable{}",
            zone_label(zones),
            share * 100.0,
            cost_eur_mwh.map_or(String::new(), |c| format!(" at {c} EUR/MWh"))
        ),
        MeasureKind::DemandReduction {
            zones,
            sectors,
            share,
            preset,
        } => format!(
            "demand of {} ({}) -{:.0} %{}",
            zone_label(zones),
            sectors
                .iter()
                .map(|s| s.code())
                .collect::<Vec<_>>()
                .join(", "),
            share * 100.0,
            preset
                .as_ref()
                .map_or(String::new(), |p| format!(" (preset {p})"))
        ),
        MeasureKind::StorageTargets {
            zones,
            targets,
            penalty_eur_mwh,
        } => format!(
            "storage targets for {}: {} (penalty {penalty_eur_mwh} EUR/MWh)",
            zone_label(zones),
            match targets {
                TargetSpec::Preset(name) => format!("preset {}", name.value),
                TargetSpec::List(list) => list
                    .iter()
                    .map(|(date, fill)| format!("{} {:.0} %", date.value, fill * 100.0))
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        ),
        MeasureKind::StrategicReserve { zones, fill } => {
            format!(
                "strategic reserve in {}: floor {:.0} % of working gas",
                zone_label(zones),
                fill * 100.0
            )
        }
        // The mode as written in the package (`national_first`), not the Rust name.
        MeasureKind::Solidarity { mode } => format!(
            "solidarity {}",
            match mode {
                Solidarity::Cooperative => "cooperative",
                Solidarity::NationalFirst => "national_first",
            }
        ),
    }
}

/// Zones listed by name in a storage measure must have storage (an error at
/// the name otherwise, as for a scenario's per-zone initial fill); `all` and
/// `eu` simply cover the zones that have it. Unknown zones are reported by
/// [`Draft::zones`].
fn require_listed_storage(draft: &mut Draft, zones: &ZoneSel) {
    if let ZoneSel::List(list) = zones {
        let known: Vec<_> = list
            .iter()
            .filter(|code| draft.zone(&code.value).is_some())
            .collect();
        super::storage::require_storage(draft, &known);
    }
}

fn apply_measure(
    draft: &mut Draft,
    package: &Package,
    measure: &Measure,
    from: NaiveDate,
    to: NaiveDate,
) {
    let days = draft.days(from, to);
    let src = draft.record(AppliedOverride {
        source: format!("package {}", package.name.value),
        file: package.file.clone(),
        key: measure.key.clone(),
        change: describe(&measure.kind),
        from,
        to,
        overrides: Vec::new(),
    });
    let len = draft.period().days;
    match &measure.kind {
        MeasureKind::Embargo {
            origin,
            carrier,
            share,
        } => {
            if let Some(o) = draft.origin_or_error(origin) {
                cut_origin(
                    draft,
                    o,
                    *carrier,
                    days,
                    *share,
                    src,
                    Param::RouteBan,
                    Param::LngBan,
                );
            }
        }
        MeasureKind::RouteStatus { route, online } => {
            if let Some(r) = draft.route_or_error(route) {
                draft.set(
                    Param::RouteOnline(r),
                    days,
                    if *online { 1.0 } else { 0.0 },
                    src,
                );
            }
        }
        MeasureKind::PriceCap {
            origin,
            carrier,
            cap_eur_mwh,
        } => {
            if let Some(o) = draft.origin_or_error(origin) {
                cut_origin(
                    draft,
                    o,
                    *carrier,
                    days,
                    *cap_eur_mwh,
                    src,
                    Param::RoutePriceCap,
                    Param::LngPriceCap,
                );
            }
        }
        MeasureKind::ExtraLng {
            origin,
            volume_gwh_d,
            price_eur_mwh,
        } => {
            if let Some(o) = draft.origin_or_error(origin) {
                let mut capacity = vec![0.0; len];
                for slot in &mut capacity[days] {
                    *slot = *volume_gwh_d;
                }
                let s = supply_of(draft, o);
                draft.lng[s].tranches.push(TrancheDraft {
                    capacity,
                    price: vec![*price_eur_mwh; len],
                    basis: format!(
                        "extra LNG of package {} {}",
                        package.name.value, measure.key
                    ),
                });
            }
        }
        MeasureKind::PipelineIncrease {
            origin,
            volume_gwh_d,
        } => {
            if let Some(o) = draft.origin_or_error(origin) {
                let routes: Vec<usize> = (0..draft.route_origin.len())
                    .filter(|&r| draft.route_origin[r] == o)
                    .collect();
                if routes.is_empty() {
                    let error = origin.loc.error(
                        "an origin with pipeline routes",
                        format!("{:?}", origin.value),
                    );
                    draft.errors.push(error);
                }
                let mut short = 0usize;
                for day in days {
                    // Headroom: technical capacity minus the capacity already offered.
                    let headroom: Vec<f64> = routes
                        .iter()
                        .map(|&r| {
                            if draft.route_online_default[r] {
                                (draft.route_tech[r][day]
                                    - draft.route_base[r][day]
                                    - draft.route_extra[r][day])
                                    .max(0.0)
                            } else {
                                0.0
                            }
                        })
                        .collect();
                    let total: f64 = headroom.iter().sum();
                    if total < *volume_gwh_d - 1e-9 {
                        short += 1;
                    }
                    if total <= 0.0 {
                        continue;
                    }
                    let added = volume_gwh_d.min(total);
                    for (i, &r) in routes.iter().enumerate() {
                        draft.route_extra[r][day] += added * headroom[i] / total;
                    }
                }
                if short > 0 && !routes.is_empty() {
                    let warning = format!(
                        "package {} {}: the routes of {} lack the headroom for +{volume_gwh_d} GWh/d on {short} days; capped at their technical capacity",
                        package.name.value, measure.key, origin.value
                    );
                    draft.warnings.push(warning);
                }
            }
        }
        MeasureKind::FuelSwitching {
            zones,
            share,
            cost_eur_mwh,
        } => {
            let cost = cost_eur_mwh.unwrap_or(f64::NAN);
            for zone in draft.zones(zones) {
                draft.set(Param::FuelSwitchingShare(zone), days.clone(), *share, src);
                let previous = draft.fuel_switching.insert(zone, (cost, src));
                if let Some((previous_cost, previous)) = previous {
                    if previous != src && previous_cost.to_bits() != cost.to_bits() {
                        let warning = format!(
                            "package {} {}: one fuel-switching cost per zone; this measure's cost replaces the earlier one for the whole period",
                            package.name.value, measure.key
                        );
                        if !draft.warnings.contains(&warning) {
                            draft.warnings.push(warning);
                        }
                    }
                }
            }
        }
        MeasureKind::DemandReduction {
            zones,
            sectors,
            share,
            ..
        } => {
            for zone in draft.zones(zones) {
                for sector in sectors {
                    draft.set(
                        Param::DemandReduction(zone, *sector),
                        days.clone(),
                        *share,
                        src,
                    );
                }
            }
        }
        MeasureKind::StorageTargets {
            zones,
            targets,
            penalty_eur_mwh,
        } => {
            require_listed_storage(draft, zones);
            let zones = draft.zones(zones);
            let period = draft.period();
            let list: Vec<(Option<String>, NaiveDate, f64)> = match targets {
                TargetSpec::List(list) => {
                    let mut out = Vec::new();
                    for (date, fill) in list {
                        if period.index_of(date.value).is_none() {
                            draft.warnings.push(format!(
                                "package {} {}: target date {} is outside the period ({} to {}); left out",
                                package.name.value,
                                measure.key,
                                date.value,
                                period.start,
                                period.end()
                            ));
                        } else {
                            out.push((None, date.value, *fill));
                        }
                    }
                    out
                }
                TargetSpec::Preset(name) => presets::storage_targets(&name.value)
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|t| period.index_of(t.date).is_some())
                    .map(|t| (t.zone.map(str::to_string), t.date, t.fill))
                    .collect(),
            };
            for s in 0..draft.system.storages.len() {
                let zone = draft.system.storages[s].zone.index();
                if !zones.contains(&zone) {
                    continue;
                }
                let code = draft.system.zones[zone].code.clone();
                for (target_zone, date, fill) in &list {
                    if target_zone.as_ref().is_some_and(|z| *z != code) {
                        continue;
                    }
                    let previous = draft
                        .targets
                        .insert((s, *date), (*fill, *penalty_eur_mwh, src));
                    if let Some((_, _, previous)) = previous {
                        if previous != src {
                            draft.note_overrides(src, vec![previous]);
                        }
                    }
                }
            }
        }
        MeasureKind::StrategicReserve { zones, fill } => {
            require_listed_storage(draft, zones);
            for zone in draft.zones(zones) {
                draft.set(Param::Reserve(zone), days.clone(), *fill, src);
            }
        }
        MeasureKind::Solidarity { mode } => {
            if let Some((_, previous)) = draft.solidarity.replace((*mode, src)) {
                draft.note_overrides(src, vec![previous]);
            }
        }
    }
    let _ = Carrier::All;
}
