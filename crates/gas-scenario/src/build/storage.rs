//! Underground storage: one aggregate per zone of `storage.csv`.
//!
//! - Working gas and nominal injection / withdrawal capacity from `storage.csv`
//!   (constant over the period).
//! - Capacity-against-fill curves from `storage_curves.csv`: the zone's own
//!   points, else the default `*` curve, else flat.
//! - Initial level: a per-zone fill of the scenario, else its EU-wide fill, else
//!   the observed `full_pct` of `storage_levels.csv` interpolated linearly to the
//!   start date (the nearest observation when the date is outside the observed
//!   range; the `EU` aggregate's fill when the zone has none, with a warning).
//! - Value of gas left in storage: the month's TTF (forward price proxy; assumption).
//! - Targets and floors come from package measures.

use super::{fill_target, zeros_gwh, Draft, Param};
use crate::location::Located;
use crate::scenario::{InitialFill, Scenario};
use chrono::NaiveDate;
use gas_core::dataset::{Dataset, LevelQuality};
use gas_core::system::{FillCurve, Storage};
use gas_core::units::{EurPerMwh, Gwh, GwhPerDay};
use gas_core::ZoneId;

/// Fill (share) used when nothing is known about a zone's level (assumption).
pub const UNKNOWN_FILL: f64 = 0.5;

/// Longest span, days, between the two observations an initial level is interpolated
/// between without a note: about a month on each side of the start date (as the
/// one-sided case, which notes an observation more than 31 days away). Over a longer
/// span the straight line misses the draw-down or filling in between: the bundled
/// dataset has no level between 2021-09-27 and 2022-04-22, so a start on 2022-04-01
/// interpolates to an EU fill of 35 % where AGSI+ reported about 26 %.
pub const LONG_INTERPOLATION_DAYS: i64 = 62;

pub(super) fn add(draft: &mut Draft, dataset: &Dataset, scenario: &Scenario) {
    let days = draft.period().days;
    let start = draft.period().start;
    let mut long_spans = LongSpans::new();
    for record in &dataset.storage {
        let Some(zone) = draft.zone(&record.zone) else {
            draft
                .warnings
                .push(format!("storage: zone {} unknown; left out", record.zone));
            continue;
        };
        let working = Gwh::from(record.working_gas_twh);
        let (withdrawal_curve, injection_curve) = curves(dataset, &record.zone);
        let fill = initial_fill(
            draft,
            dataset,
            scenario,
            &record.zone,
            start,
            &mut long_spans,
        );
        draft.system.storages.push(Storage {
            code: format!("UGS-{}", record.zone),
            zone: ZoneId::from_index(zone),
            working_gas_gwh: working,
            initial_level_gwh: working * fill.clamp(0.0, 1.0),
            injection_capacity_gwh_d: vec![
                GwhPerDay(
                    record.injection_capacity_gwh_d.value().max(0.0)
                );
                days
            ],
            withdrawal_capacity_gwh_d: vec![
                GwhPerDay(
                    record.withdrawal_capacity_gwh_d.value().max(0.0)
                );
                days
            ],
            withdrawal_curve,
            injection_curve,
            targets: Vec::new(),
            floor_gwh: zeros_gwh(days),
            value_eur_mwh: draft.ttf.iter().map(|p| EurPerMwh(*p)).collect(),
        });
    }
    for ((before, after), zones) in long_spans {
        draft.warnings.push(format!(
            "storage: the initial level of {} zone(s) ({}) is interpolated linearly between their observed levels on {before} and {after}, {} days apart with none in between, so the draw-down or filling between them is not seen ([initial_storage] fill or zones sets the start instead)",
            zones.len(),
            zones.join(", "),
            (after - before).num_days()
        ));
    }
    // Per-zone initial fills naming a zone without storage are errors.
    let codes: Vec<&Located<String>> = scenario
        .initial_storage
        .zones
        .iter()
        .map(|(c, _)| c)
        .collect();
    require_storage(draft, &codes);
}

/// Zones named explicitly for a storage setting (a per-zone initial fill, a
/// strategic reserve, storage targets) must have storage: naming one without
/// is an error at the name (it would otherwise do nothing).
pub(super) fn require_storage(draft: &mut Draft, codes: &[&Located<String>]) {
    let with: Vec<String> = draft
        .system
        .storages
        .iter()
        .map(|s| draft.system.zones[s.zone.index()].code.clone())
        .collect();
    for code in codes {
        if !with.contains(&code.value) {
            let error = code.loc.error(
                format!("a zone with storage ({})", with.join(", ")),
                format!("{:?}", code.value),
            );
            draft.errors.push(error);
        }
    }
}

fn curves(dataset: &Dataset, zone: &str) -> (FillCurve, FillCurve) {
    let own: Vec<_> = dataset
        .storage_curves
        .iter()
        .filter(|p| p.zone == zone)
        .collect();
    let points = if own.is_empty() {
        dataset
            .storage_curves
            .iter()
            .filter(|p| p.zone == "*")
            .collect()
    } else {
        own
    };
    if points.is_empty() {
        return (FillCurve::flat(), FillCurve::flat());
    }
    let mut sorted: Vec<(f64, f64, f64)> = points
        .iter()
        .map(|p| (p.fill_pct / 100.0, p.withdrawal_factor, p.injection_factor))
        .filter(|(f, w, i)| {
            f.is_finite() && w.is_finite() && i.is_finite() && (0.0..=1.0).contains(f)
        })
        .collect();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    sorted.dedup_by(|a, b| (a.0 - b.0).abs() < 1e-12);
    if sorted.is_empty() {
        return (FillCurve::flat(), FillCurve::flat());
    }
    (
        FillCurve {
            points: sorted.iter().map(|(f, w, _)| (*f, w.max(0.0))).collect(),
        },
        FillCurve {
            points: sorted.iter().map(|(f, _, i)| (*f, i.max(0.0))).collect(),
        },
    )
}

fn initial_fill(
    draft: &mut Draft,
    dataset: &Dataset,
    scenario: &Scenario,
    zone: &str,
    start: NaiveDate,
    long_spans: &mut LongSpans,
) -> f64 {
    if let Some((_, fill)) = scenario
        .initial_storage
        .zones
        .iter()
        .find(|(code, _)| code.value == zone)
    {
        return *fill;
    }
    if let InitialFill::Fill(fill) = scenario.initial_storage.default {
        return fill;
    }
    if let Some(fill) = observed_fill(dataset, zone, start, &mut draft.warnings, long_spans) {
        return fill;
    }
    if let Some(fill) = observed_fill(dataset, "EU", start, &mut draft.warnings, long_spans) {
        draft.warnings.push(format!(
            "storage {zone}: no observed level; the EU aggregate fill {:.1} % on {start} is used",
            fill * 100.0
        ));
        return fill;
    }
    draft.warnings.push(format!(
        "storage {zone}: no observed level; {:.0} % fill assumed",
        UNKNOWN_FILL * 100.0
    ));
    UNKNOWN_FILL
}

/// The zones (or `EU`) whose initial level was interpolated over more than
/// [`LONG_INTERPOLATION_DAYS`], by the dates of the two observations.
type LongSpans = std::collections::BTreeMap<(NaiveDate, NaiveDate), Vec<String>>;

/// The observed fill share on `date`, interpolated between the nearest observations
/// (a span longer than [`LONG_INTERPOLATION_DAYS`] is recorded in `long_spans`).
fn observed_fill(
    dataset: &Dataset,
    zone: &str,
    date: NaiveDate,
    warnings: &mut Vec<String>,
    long_spans: &mut LongSpans,
) -> Option<f64> {
    let mut before: Option<(NaiveDate, f64)> = None;
    let mut after: Option<(NaiveDate, f64)> = None;
    for row in dataset
        .storage_levels
        .iter()
        .filter(|r| r.zone == zone && r.full_pct.is_finite() && r.quality == LevelQuality::Ok)
    {
        let fill = row.full_pct / 100.0;
        if row.date <= date && before.is_none_or(|(d, _)| row.date > d) {
            before = Some((row.date, fill));
        }
        if row.date >= date && after.is_none_or(|(d, _)| row.date < d) {
            after = Some((row.date, fill));
        }
    }
    let fill = match (before, after) {
        (Some((d0, f0)), Some((d1, f1))) => {
            if d1 == d0 {
                f0
            } else {
                if (d1 - d0).num_days() > LONG_INTERPOLATION_DAYS {
                    long_spans
                        .entry((d0, d1))
                        .or_default()
                        .push(zone.to_string());
                }
                let share = (date - d0).num_days() as f64 / (d1 - d0).num_days() as f64;
                f0 + share * (f1 - f0)
            }
        }
        (Some((d, f)), None) | (None, Some((d, f))) => {
            let gap = (date - d).num_days().abs();
            if gap > 31 {
                warnings.push(format!(
                    "storage {zone}: nearest observed level is {gap} days from {date} ({d}); used as is"
                ));
            }
            f
        }
        (None, None) => return None,
    };
    Some(fill.clamp(0.0, 1.0))
}

/// Source index of the default obligations in `Draft::targets` (they are not
/// events or measures, so not in `Built::applied`; a warning names them).
const DEFAULT_SOURCE: usize = usize::MAX;

/// The storage obligations in force by law (`[storage] obligations`, default the
/// EU storage regulation): the preset's targets dated on or after its entry into
/// force, on the storages of EU members, at the scenario's target penalty; and
/// the end-level target (`[storage] end_level`). Applied after every package:
/// a package's `storage_targets` for the same storage and date wins.
pub(super) fn obligations(draft: &mut Draft, scenario: &Scenario) {
    if draft.system.storages.is_empty() {
        return;
    }
    let period = draft.period();
    let penalty = scenario.storage.penalty_eur_mwh;
    if let Some(preset) = scenario.storage.preset.as_deref() {
        let (y, m, d) = crate::presets::STORAGE_REGULATION_IN_FORCE;
        let in_force = NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
        let targets: Vec<_> = crate::presets::storage_targets(preset)
            .unwrap_or_default()
            .into_iter()
            .filter(|t| t.date >= in_force && period.index_of(t.date).is_some())
            .collect();
        let mut added = 0;
        for s in 0..draft.system.storages.len() {
            let zone = draft.system.storages[s].zone.index();
            if !draft.eu_member[zone] {
                continue;
            }
            let code = draft.system.zones[zone].code.clone();
            for target in &targets {
                if target.zone.is_some_and(|z| z != code) {
                    continue;
                }
                if let std::collections::btree_map::Entry::Vacant(slot) =
                    draft.targets.entry((s, target.date))
                {
                    slot.insert((target.fill, penalty, DEFAULT_SOURCE));
                    added += 1;
                }
            }
        }
        if added > 0 {
            draft.warnings.push(format!(
                "storage: obligations in force ({preset}, from {in_force}): {added} targets on the storages of EU members (penalty {penalty} EUR/MWh; [storage] obligations = \"none\" to switch off)"
            ));
        }
    }
    if scenario.storage.end_at_least_start {
        // Assumption: a gas-year storage cycle ends where it started; without
        // it, perfect foresight values gas left at the end only at the last
        // month's TTF and empties storage.
        let last = period.end();
        for s in 0..draft.system.storages.len() {
            let storage = &draft.system.storages[s];
            let working = storage.working_gas_gwh.value();
            if working <= 0.0 {
                continue;
            }
            let fill = (storage.initial_level_gwh.value() / working).clamp(0.0, 1.0);
            draft
                .targets
                .entry((s, last))
                .or_insert((fill, penalty, DEFAULT_SOURCE));
        }
        draft.warnings.push(format!(
            "storage: every storage should end the period ({last}) at least at its initial fill (soft, penalty {penalty} EUR/MWh; [storage] end_level = \"free\" to switch off)"
        ));
    }
}

pub(super) fn finalise(draft: &mut Draft) {
    let days = draft.period().days;
    for s in 0..draft.system.storages.len() {
        let zone = draft.system.storages[s].zone.index();
        let working = draft.system.storages[s].working_gas_gwh;
        for day in 0..days {
            if let Some(fill) = draft.layers.get(Param::Reserve(zone), day) {
                draft.system.storages[s].floor_gwh[day] = working * fill;
            }
        }
        let targets = draft
            .targets
            .range((s, NaiveDate::MIN)..=(s, NaiveDate::MAX))
            .filter(|((_, date), _)| draft.system.period.index_of(*date).is_some())
            .map(|((_, date), (fill, penalty, _))| fill_target(*date, *fill, *penalty))
            .collect();
        draft.system.storages[s].targets = targets;
        // A hard floor above what the storage can hold by a day would be infeasible:
        // each day's floor is capped at that level (assumption), with a warning.
        let reachable = reachable_levels_gwh(&draft.system.storages[s]);
        let mut first_capped = None;
        for (day, floor) in draft.system.storages[s].floor_gwh.iter_mut().enumerate() {
            if *floor > reachable[day] {
                *floor = reachable[day];
                first_capped.get_or_insert(day);
            }
        }
        if let Some(day) = first_capped {
            draft.warnings.push(format!(
                "storage {}: the strategic reserve floor is above the level the storage can reach by injecting at full capacity from its initial level (first on {}); it is capped at that level",
                draft.system.storages[s].code,
                draft.system.period.date(day)
            ));
        }
    }
}

/// The highest level a storage can hold at the end of each day of the period, GWh:
/// from its initial level, injecting its full capacity every day, lowered by the
/// injection curve at the fill the day starts with (as the dispatch's fill-curve
/// refinement does), never above its working gas.
fn reachable_levels_gwh(storage: &Storage) -> Vec<Gwh> {
    let working = storage.working_gas_gwh.value().max(0.0);
    let mut level = storage.initial_level_gwh.value().clamp(0.0, working);
    storage
        .injection_capacity_gwh_d
        .iter()
        .map(|capacity| {
            let fill = if working > 0.0 { level / working } else { 0.0 };
            let injection = capacity.value().max(0.0) * storage.injection_curve.factor_at(fill);
            level = (level + injection).min(working);
            Gwh(level)
        })
        .collect()
}
