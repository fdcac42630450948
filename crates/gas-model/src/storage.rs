//! Underground storage: level balance, injection, withdrawal, fill-dependent
//! limits, soft filling targets and the terminal value.

use crate::formulation::{storage_ids, Balance, Formulation, WindowInput};
use crate::keys::{ColKey, RowKey};
use crate::options::FillCurveMode;
use gas_core::system::{FillCurve, FillTarget, Storage};
use gas_core::System;
use gas_lp::Row;

/// Deterministic tie-break added to the cost of each storage's injection and
/// withdrawal, `TIE_BREAK · (index + 1)` EUR/MWh: among otherwise equal
/// storages the one listed first is used first, so runs are reproducible.
/// Withdrawal also carries `TIE_BREAK · (day − window start)`: when the timing of a
/// withdrawal does not matter to the cost, gas is withdrawn early. This also makes
/// the fill-curve refinement start from the greedy trajectory, the one it refines best.
pub const TIE_BREAK_EUR_MWH: f64 = 1e-7;

/// How far (GWh) a storage floor may lie above the level reachable from the window's
/// initial level before it is lowered to that level and reported: rounding in the
/// scenario builder's own cap stays below it.
pub const FLOOR_REACH_TOLERANCE_GWH: f64 = 1e-6;

/// Adds every storage `s` over the window days `t = t0..t1`:
///
/// ```text
/// balance(s,t):  level(s,t−1) + inject(s,t) − withdraw(s,t) − level(s,t) = 0   [GWh]
///                (for t = t0, level(s,t0−1) is the constant initial level: rhs = −initial)
/// 0 <= inject(s,t)   <= Icap(s,t)    local(zone(s),t) → storage       cost c/2 + tie(s)
/// 0 <= withdraw(s,t) <= Wcap(s,t)    storage → local(zone(s),t)       cost c/2 + tie(s)
/// floor'(s,t) <= level(s,t) <= working_gas(s)                          (arc t → t+1)
/// level(s,t1−1): arc to the ground, cost −value(s,t1−1) (terminal value of gas left)
/// ```
///
/// `tie(s)` is [`TIE_BREAK_EUR_MWH`] `· (s + 1)`, plus `· (t − t0)` on withdrawal.
/// `floor'(s,t) = min(floor(s,t), reach(s,t))`: the hard floor (a strategic reserve) is
/// capped at `reach(s,t)`, the level the storage holds at the end of day `t` by injecting
/// `Icap` every day from the window's initial level (at most its working gas). The
/// scenario builder caps the floor the same way from the period's initial level; a
/// later window (rolling horizon, myopic) may start lower than a floor its operator did
/// not see coming, and would otherwise be infeasible. Lowered days are listed in
/// `f.floor_capped`.
/// `c` is the storage cycle cost (EUR/MWh moved in and out). Injection is
/// positive when gas leaves the zone into storage, withdrawal when it enters the
/// zone. `Icap`/`Wcap` are the nominal capacities times the fill curves: in
/// [`FillCurveMode::Refine`] the capacities in force come from `input` (see
/// [`FillCurveMode::Refine`]); in [`FillCurveMode::Exact`] the curve becomes rows (see
/// [`add_fill_curve_rows`]).
///
/// Soft filling targets and the fill balance split a day's level arc into
/// parallel segments (see [`level_segments`]); the objective then carries
/// `penalty · shortfall` and the balance charge on the unfilled bands.
pub fn add_storage(
    f: &mut Formulation,
    system: &System,
    input: &WindowInput,
    balance: &mut Balance,
) {
    let cycle_half = system.settings.storage_cycle_cost_eur_mwh.0 / 2.0;
    let balance_step = system.settings.storage_balance_eur_mwh_day.0.max(0.0);
    let start = f.days.start;
    let last = f.days.end.saturating_sub(1);
    let n_storage = system.storages.len();
    f.withdrawal = vec![Vec::with_capacity(f.days.len()); n_storage];
    f.injection = vec![Vec::with_capacity(f.days.len()); n_storage];
    f.level = vec![Vec::with_capacity(f.days.len()); n_storage];
    f.floor_capped.clear();
    for id in storage_ids(system) {
        let s = id.index();
        let storage = &system.storages[s];
        let tie = TIE_BREAK_EUR_MWH * (s as f64 + 1.0);
        let initial = input.initial_level.get(s).copied().unwrap_or(0.0);
        // The day of each filling target (dates looked up once, not once per day).
        let target_days: Vec<Option<usize>> = storage
            .targets
            .iter()
            .map(|t| system.period.index_of(t.date))
            .collect();
        // The segments of a day without a filling target (the same every such day).
        let plain_segments = segments_of(storage, &[], balance_step);
        let rows: Vec<Row> = f
            .days
            .clone()
            .map(|day| {
                let rhs = if day == start { -initial } else { 0.0 };
                f.add_row(RowKey::StorageBalance(id, day), rhs, rhs)
            })
            .collect();
        let working = storage.working_gas_gwh.0.max(0.0);
        let mut reach = initial.clamp(0.0, working);
        for day in f.days.clone() {
            let slot = day - start;
            let here = rows[slot];
            let local = balance.local(storage.zone, day);
            let (icap, wcap) = capacities(storage, s, input, day, slot, initial);
            reach = (reach + icap.max(0.0)).min(working);
            let inject = f.add_arc(
                ColKey::StorageInjection(id, day),
                Some(local),
                Some(here),
                0.0,
                icap,
                cycle_half + tie,
            );
            let withdraw = f.add_arc(
                ColKey::StorageWithdrawal(id, day),
                Some(here),
                Some(local),
                0.0,
                wcap,
                cycle_half + tie + TIE_BREAK_EUR_MWH * slot as f64,
            );
            f.injection[s].push(inject);
            f.withdrawal[s].push(withdraw);

            let next = if day == last {
                None
            } else {
                Some(rows[slot + 1])
            };
            let terminal = if day == last {
                storage.value_eur_mwh[day].0
            } else {
                0.0
            };
            let mut floor = storage.floor_gwh[day].0;
            if floor > reach + FLOOR_REACH_TOLERANCE_GWH {
                f.floor_capped.push((s, day));
                floor = reach;
            }
            let mut todays: Vec<&FillTarget> = storage
                .targets
                .iter()
                .zip(&target_days)
                .filter(|(_, &d)| d == Some(day))
                .map(|(t, _)| t)
                .collect();
            // The period's last day is valued as the model says, with no guide.
            let guide = if day == last && last + 1 < system.period.days {
                filling_guide(storage, &target_days, day, system.period.start)
            } else {
                None
            };
            todays.extend(guide.as_ref());
            let with_targets;
            let segments = if todays.is_empty() {
                &plain_segments
            } else {
                with_targets = segments_of(storage, &todays, balance_step);
                &with_targets
            };
            let mut cols = Vec::with_capacity(segments.segments.len());
            for (k, segment) in segments.segments.iter().enumerate() {
                let lower = (floor - segment.from).clamp(0.0, segment.length);
                let col = f.add_arc(
                    ColKey::StorageLevel(id, k, day),
                    Some(here),
                    next,
                    lower,
                    segment.length,
                    segment.cost - terminal,
                );
                if terminal != 0.0 {
                    f.terminal_cost.push((col, -terminal));
                }
                if let Some(guide) = &guide {
                    // The guide's penalty is in the cost of every segment below its level.
                    if segment.from + segment.length <= guide_level(storage, guide) + 1e-9 {
                        f.guide_cost.push((col, -guide.penalty_eur_mwh.0));
                    }
                }
                cols.push(col);
            }
            if segments.offset != 0.0 {
                f.add_offset(day, segments.offset);
            }
            if let Some(guide) = &guide {
                let offset = guide.penalty_eur_mwh.0 * guide_level(storage, guide);
                f.guide_offsets.push((day, offset));
            }
            f.level[s].push(cols);
        }
        if input.curve_mode == FillCurveMode::Exact {
            add_fill_curve_rows(f, storage, id);
        }
    }
}

/// The soft target that guides a window ending on day `last` (of a period starting on
/// `period_start`) towards a storage's later filling targets, if any: the **filling
/// guide** of windowed operation.
///
/// A rolling window or a myopic day does not see a filling target beyond its last day,
/// and values gas left at its end at the day's gas price only, so it would not fill
/// storage for a target it cannot see. Storage operators work to filling trajectories
/// instead (Regulation (EU) 2022/1032 asks for intermediate targets). For the next
/// target `j` (day `d_j`, level `L_j = f_j · working_gas`), the guide's level is the
/// larger of
///
/// ```text
/// trajectory:   L_a + (L_j − L_a) · (last − a) / (d_j − a)           [GWh]
/// reachability: L_k − Σ_{t = last+1}^{d_k} Icap_nominal(t) · max_factor(injection curve)
/// ```
///
/// The trajectory runs between the points of the storage's yearly cycle around `last`:
/// `(a, L_a)` the latest of the period start (day −1, the initial level), the targets on
/// or before `last` and an empty storage at the end of the last 31 March (before the
/// injection season); `(d_j, L_j)` the earliest of the later targets and an empty storage
/// at the end of the next 31 March (a target on a 31 March wins over the empty point). So
/// it rises to 1 November targets and falls through the winter to an empty storage at the
/// end of March (or to an end-of-period target), and a period starting in autumn is not
/// made to fill storage through the winter. Its penalty is that of the next target (or
/// else the last one); a storage without targets gets no guide. The
/// reachability term takes the largest over every later target `k`: the level from
/// which it can still be met by injecting at full capacity every day. A positive guide
/// becomes a soft target on `last` whose penalty is that of the target that set it
/// minus the terminal value of gas on `last` (`value_eur_mwh`), so that gas below the
/// guide is worth the target's penalty in all (below a target itself it also keeps its
/// later value; no guide when that penalty is not positive). It is an operating rule, not a cost: its
/// penalty is left out of the run's objective (`Formulation::committed_objective`). A
/// window that ends the period (perfect foresight's, say) has none.
pub fn filling_guide(
    storage: &Storage,
    target_days: &[Option<usize>],
    last: usize,
    period_start: chrono::NaiveDate,
) -> Option<FillTarget> {
    let working = storage.working_gas_gwh.0;
    if working <= 0.0 {
        return None;
    }
    // Each target with its day and its level (GWh).
    let dated: Vec<(usize, f64, &FillTarget)> = storage
        .targets
        .iter()
        .zip(target_days)
        .filter_map(|(t, d)| d.map(|d| (d, t.min_fill.clamp(0.0, 1.0) * working, t)))
        .collect();
    // Its penalty is that of the next target (or else the last one).
    let line_target = dated
        .iter()
        .filter(|&&(d, ..)| d > last)
        .min_by_key(|&&(d, ..)| d)
        .or_else(|| dated.iter().max_by_key(|&&(d, ..)| d));
    let line = line_target.and_then(|&(.., target)| {
        let level = cycle_line(storage, &dated, last, period_start)?;
        Some((level, target))
    });
    let reachability = dated
        .iter()
        .filter(|&&(d, ..)| d > last)
        .map(|&(d, level, target)| (reachable_from(storage, level, last, d), target));
    let (level, target) = line
        .into_iter()
        .chain(reachability)
        .filter(|&(level, _)| level > 0.0)
        .fold(
            None,
            |best: Option<(f64, &FillTarget)>, (level, target)| match best {
                Some((l, _)) if l >= level => best,
                _ => Some((level, target)),
            },
        )?;
    // Gas left at the window end is also worth the terminal value: the guide's penalty
    // makes up the rest of the target's, so that gas below the guide is worth the
    // target's penalty in all.
    let terminal = storage.value_eur_mwh.get(last).map_or(0.0, |v| v.0);
    let penalty = target.penalty_eur_mwh.0 - terminal.max(0.0);
    (penalty > 0.0).then(|| FillTarget {
        date: period_start + chrono::Days::new(last as u64),
        min_fill: (level / working).clamp(0.0, 1.0),
        penalty_eur_mwh: gas_core::units::EurPerMwh(penalty),
    })
}

/// The level of the straight line through the storage's yearly cycle at the end of day
/// `last` (see [`filling_guide`]): between the latest of the period start (initial
/// level), the targets on or before `last` and an empty storage at the end of the last
/// 31 March, and the earliest of the later targets and an empty storage at the end of the
/// next 31 March (a target wins a tie with an empty point). `None` on a point itself,
/// where a target applies anyway.
fn cycle_line(
    storage: &Storage,
    dated: &[(usize, f64, &FillTarget)],
    last: usize,
    period_start: chrono::NaiveDate,
) -> Option<f64> {
    let (march_before, march_after) = march_ends_around(period_start, last);
    let previous = dated
        .iter()
        .filter(|&&(d, ..)| d <= last)
        .map(|&(d, level, _)| (d as f64, level))
        .chain([(-1.0, storage.initial_level_gwh.0), (march_before, 0.0)])
        .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)))?;
    let next = dated
        .iter()
        .filter(|&&(d, ..)| d > last)
        .map(|&(d, level, _)| (d as f64, level))
        .chain([(march_after, 0.0)])
        .min_by(|a, b| a.0.total_cmp(&b.0).then(b.1.total_cmp(&a.1)))?;
    let ((a, level_a), (b, level_b)) = (previous, next);
    let share = (last as f64 - a) / (b - a);
    (a < last as f64).then_some(level_a + (level_b - level_a) * share)
}

/// The level at the end of day `last` from which `needed` GWh can still be in storage at
/// the end of day `day`, injecting at the nominal capacity times the injection curve's
/// largest factor every day between (≤ 0 when it can be reached from empty).
fn reachable_from(storage: &Storage, needed: f64, last: usize, day: usize) -> f64 {
    let factor = max_factor(&storage.injection_curve);
    let mut reachable = 0.0;
    for cap in storage
        .injection_capacity_gwh_d
        .get(last + 1..=day)
        .unwrap_or(&[])
    {
        reachable += cap.0.max(0.0) * factor;
        if reachable >= needed {
            break; // reachable from empty
        }
    }
    needed - reachable
}

/// The days (from the period start) of the last 31 March on or before day `last` and of
/// the first after it: the ends of the storage withdrawal season.
fn march_ends_around(period_start: chrono::NaiveDate, last: usize) -> (f64, f64) {
    use chrono::Datelike;
    let date = period_start + chrono::Days::new(last as u64);
    let march_end = |year: i32| chrono::NaiveDate::from_ymd_opt(year, 3, 31).unwrap_or(date);
    let this_year = march_end(date.year());
    let (before, after) = if date >= this_year {
        (this_year, march_end(date.year() + 1))
    } else {
        (march_end(date.year() - 1), this_year)
    };
    let day = |d: chrono::NaiveDate| (d - period_start).num_days() as f64;
    (day(before), day(after))
}

/// The level of a guide's target, GWh.
fn guide_level(storage: &Storage, guide: &FillTarget) -> f64 {
    guide.min_fill * storage.working_gas_gwh.0.max(0.0)
}

/// Injection and withdrawal capacity of a storage on a window day, GWh/d.
fn capacities(
    storage: &Storage,
    s: usize,
    input: &WindowInput,
    day: usize,
    slot: usize,
    initial: f64,
) -> (f64, f64) {
    let inominal = storage.injection_capacity_gwh_d[day].0;
    let wnominal = storage.withdrawal_capacity_gwh_d[day].0;
    match input.curve_mode {
        FillCurveMode::Exact => {
            if slot == 0 {
                let fill = fill_of(storage, initial);
                (
                    inominal * storage.injection_curve.factor_at(fill),
                    wnominal * storage.withdrawal_curve.factor_at(fill),
                )
            } else {
                (
                    inominal * max_factor(&storage.injection_curve),
                    wnominal * max_factor(&storage.withdrawal_curve),
                )
            }
        }
        FillCurveMode::Refine | FillCurveMode::Ignore => (
            input_cap(&input.injection_cap, s, slot, inominal),
            input_cap(&input.withdrawal_cap, s, slot, wnominal),
        ),
    }
}

fn input_cap(caps: &[Vec<f64>], s: usize, slot: usize, nominal: f64) -> f64 {
    caps.get(s)
        .and_then(|row| row.get(slot))
        .copied()
        .unwrap_or(nominal)
}

/// The fill fraction of `level` (0 for a storage without working gas).
pub fn fill_of(storage: &Storage, level: f64) -> f64 {
    let working = storage.working_gas_gwh.0;
    if working > 0.0 {
        (level / working).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// The largest factor of a curve (1 for an empty curve).
pub fn max_factor(curve: &FillCurve) -> f64 {
    if curve.points.is_empty() {
        1.0
    } else {
        curve.points.iter().fold(0.0_f64, |m, p| m.max(p.1))
    }
}

/// One parallel arc of a day's level.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelSegment {
    /// Level at which the segment starts, GWh.
    pub from: f64,
    /// Its length, GWh.
    pub length: f64,
    /// Its cost, EUR/MWh (minus the penalties of the targets above it, minus the fill
    /// balance's reward).
    pub cost: f64,
    /// The fill balance's reward in `cost` (EUR/MWh per day; 0 without the balance):
    /// `cost + balance_reward` is the segment's filling-target part.
    pub balance_reward: f64,
}

/// The level segments of one storage-day and the objective offset they need.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelSegments {
    /// The parallel arcs, lowest first.
    pub segments: Vec<LevelSegment>,
    /// `Σ_j penalty_j · L_j` in kEUR.
    pub offset: f64,
}

/// Splits the level of storage `s` at the end of `day` at its filling targets.
///
/// With targets `j` on that day at levels `L_j = min_fill_j · working_gas` and
/// penalties `p_j`, the breakpoints `0 = b_0 < b_1 < ... < b_m = working_gas` are
/// the distinct `L_j`; segment `i` spans `[b_i, b_{i+1}]` at cost
/// `−Σ_{j: L_j >= b_{i+1}} p_j`, and the objective gets the offset `Σ_j p_j L_j`.
/// Filled in order (the cheapest first), the segments sum to the level `x` and add
///
/// ```text
/// Σ_j p_j L_j − Σ_j p_j · min(x, L_j) = Σ_j p_j · max(0, L_j − x) = Σ penalty × shortfall   [kEUR]
/// ```
///
/// The fill balance (a step `ε` > 0 in the settings) adds the boundaries of the
/// [`BALANCE_BANDS`] eighths of working gas as breakpoints; a segment in band `q`
/// (0 = emptiest) costs `(8 − q) · ε` less, with the matching offset, so the objective
/// carries `Σ_q (8 − q) · ε · (unfilled part of band q)`.
/// Without targets and balance there is one segment `[0, working_gas]` at cost 0.
/// The floor is the lower bound of the sum, spread over the lowest segments.
pub fn level_segments(storage: &Storage, day: usize, system: &System) -> LevelSegments {
    let balance_step = system.settings.storage_balance_eur_mwh_day.0.max(0.0);
    if storage.targets.is_empty() {
        return segments_of(storage, &[], balance_step);
    }
    let date = system.period.date(day);
    let targets: Vec<&FillTarget> = storage.targets.iter().filter(|t| t.date == date).collect();
    segments_of(storage, &targets, balance_step)
}

/// Bands (eighths) of working gas of the fill-balancing reward; eighths rather than
/// quarters by measurement: the replay of 2022 (`gas-backtest`, example `path_spread`)
/// moved zone errors by up to 6.6 pp between equally optimal solver paths with quarters,
/// 2.2 pp with eighths
/// ([`gas_core::system::DispatchSettings::storage_balance_eur_mwh_day`]).
pub const BALANCE_BANDS: usize = 8;

/// [`level_segments`] given the targets of the day and the balancing step.
fn segments_of(storage: &Storage, targets: &[&FillTarget], balance_step: f64) -> LevelSegments {
    let working = storage.working_gas_gwh.0.max(0.0);
    if targets.is_empty() && (balance_step == 0.0 || working == 0.0) {
        return LevelSegments {
            segments: vec![LevelSegment {
                from: 0.0,
                length: working,
                cost: 0.0,
                balance_reward: 0.0,
            }],
            offset: 0.0,
        };
    }
    let mut breaks: Vec<f64> = targets
        .iter()
        .map(|t| (t.min_fill.clamp(0.0, 1.0) * working).min(working))
        .filter(|&b| b > 0.0)
        .collect();
    if balance_step > 0.0 {
        breaks.extend((1..BALANCE_BANDS).map(|q| working * q as f64 / BALANCE_BANDS as f64));
    }
    breaks.push(working);
    breaks.sort_by(f64::total_cmp);
    breaks.dedup();
    let mut segments = Vec::with_capacity(breaks.len());
    let mut from = 0.0;
    // Reward of gas in the band holding [from, to]: (BANDS − q) · step.
    let balance = |from: f64| {
        if balance_step == 0.0 || working == 0.0 {
            return 0.0;
        }
        let band = ((from / working) * BALANCE_BANDS as f64 + 1e-9).floor() as usize;
        (BALANCE_BANDS - band.min(BALANCE_BANDS - 1)) as f64 * balance_step
    };
    for &to in &breaks {
        let cost: f64 = -targets
            .iter()
            .filter(|t| t.min_fill.clamp(0.0, 1.0) * working >= to - 1e-12)
            .map(|t| t.penalty_eur_mwh.0)
            .sum::<f64>()
            - balance(from);
        segments.push(LevelSegment {
            from,
            length: to - from,
            cost: if cost == 0.0 { 0.0 } else { cost },
            balance_reward: balance(from),
        });
        from = to;
    }
    if segments.is_empty() {
        segments.push(LevelSegment {
            from: 0.0,
            length: 0.0,
            cost: 0.0,
            balance_reward: 0.0,
        });
    }
    // The constant that makes the rewards a charge on the unfilled part:
    // Σ_segments reward · length (the whole storage full earns all of it).
    let balance_offset: f64 = segments.iter().map(|s| balance(s.from) * s.length).sum();
    let offset = targets
        .iter()
        .map(|t| t.penalty_eur_mwh.0 * t.min_fill.clamp(0.0, 1.0) * working)
        .sum::<f64>()
        + balance_offset;
    LevelSegments { segments, offset }
}

/// Exact fill-curve mode: for each window day `t > t0` and each segment `k` of a
/// curve with points `(x_k, y_k)`, slope `a_k = (y_{k+1} − y_k)/(x_{k+1} − x_k)`:
///
/// ```text
/// withdraw(s,t) − Wnom(s,t)·a_k/WG · level(s,t−1) <= Wnom(s,t)·(y_k − a_k·x_k)   [GWh/d]
/// inject(s,t)   − Inom(s,t)·a_k/WG · level(s,t−1) <= Inom(s,t)·(y_k − a_k·x_k)
/// ```
///
/// where `level(s,t−1)` is the sum of that day's level segments and `WG` the
/// working gas. The rows are exact for concave curves (the usual shapes: a
/// withdrawal factor rising with fill and flattening, an injection factor flat then
/// falling); for a non-concave curve they are the lower envelope of its segments
/// (conservative). They make the LP a general LP: the network simplex rejects it.
pub fn add_fill_curve_rows(f: &mut Formulation, storage: &Storage, id: gas_core::StorageId) {
    let s = id.index();
    let working = storage.working_gas_gwh.0;
    if working <= 0.0 {
        return;
    }
    let start = f.days.start;
    for day in f.days.clone().skip(1) {
        let slot = day - start;
        for (curve, nominal, is_withdrawal) in [
            (
                &storage.withdrawal_curve,
                storage.withdrawal_capacity_gwh_d[day].0,
                true,
            ),
            (
                &storage.injection_curve,
                storage.injection_capacity_gwh_d[day].0,
                false,
            ),
        ] {
            if curve.is_flat() || nominal <= 0.0 {
                continue;
            }
            for (k, pair) in curve.points.windows(2).enumerate() {
                let (x0, y0) = pair[0];
                let (x1, y1) = pair[1];
                if x1 <= x0 {
                    continue;
                }
                let slope = (y1 - y0) / (x1 - x0);
                let rhs = nominal * (y0 - slope * x0);
                let key = if is_withdrawal {
                    RowKey::WithdrawalCurve(id, k, day)
                } else {
                    RowKey::InjectionCurve(id, k, day)
                };
                let row = f.add_row(key, f64::NEG_INFINITY, rhs);
                let flow = if is_withdrawal {
                    f.withdrawal[s][slot]
                } else {
                    f.injection[s][slot]
                };
                f.problem.set_coef(row, flow, 1.0);
                let coef = -nominal * slope / working;
                if coef != 0.0 {
                    for &level in &f.level[s][slot - 1] {
                        f.problem.set_coef(row, level, coef);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::{FillCurveMode, RunOptions};
    use gas_core::system::{FillCurve, FillTarget, Operation};
    use gas_core::units::EurPerMwh;

    /// A storage of 1000 GWh (initial 300, injection 10 GWh/d) over a period from
    /// 2021-10-01, with a target of 80 % on 2022-11-01 (penalty 300 EUR/MWh) and gas worth
    /// 100 EUR/MWh at a window end.
    fn autumn_start() -> (Builder, Vec<Option<usize>>) {
        let mut b = Builder::new(400);
        b.system.period.start = chrono::NaiveDate::from_ymd_opt(2021, 10, 1).unwrap();
        let z = b.zone("DE");
        b.storage(z, 1000.0, 300.0, 10.0, 10.0);
        let target = chrono::NaiveDate::from_ymd_opt(2022, 11, 1).unwrap();
        b.system.storages[0].value_eur_mwh = vec![EurPerMwh(100.0); 400];
        b.system.storages[0].targets = vec![FillTarget {
            date: target,
            min_fill: 0.8,
            penalty_eur_mwh: EurPerMwh(300.0),
        }];
        let days = vec![b.system.period.index_of(target)];
        (b, days)
    }

    #[test]
    fn the_filling_guide_runs_down_to_an_empty_storage_on_31_march_then_up_to_the_target() {
        let (b, days) = autumn_start();
        let storage = &b.system.storages[0];
        let start = b.system.period.start;
        let guide = |date: (i32, u32, u32)| {
            let date = chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap();
            let last = (date - start).num_days() as usize;
            super::filling_guide(storage, &days, last, start).map(|g| {
                assert_eq!(g.date, date);
                assert!((g.penalty_eur_mwh.0 - 200.0).abs() < 1e-9, "300 - 100");
                g.min_fill * 1000.0
            })
        };
        // Days 0-395 are 2021-10-01 .. 2022-10-31; the target is day 396 (800 GWh).
        assert_eq!(days, vec![Some(396)]);
        // Winter 2021/22: the line runs from the initial 300 GWh (end of day -1) down to an
        // empty storage at the end of 2022-03-31 (day 181); the target is reachable
        // (10 GWh/d x 200+ days > 800 GWh). 2021-12-31 is day 91: 300 x (1 - 92/182).
        let december = guide((2021, 12, 31)).unwrap();
        assert!(
            (december - 300.0 * (1.0 - 92.0 / 182.0)).abs() < 1e-6,
            "{december}"
        );
        assert_eq!(guide((2022, 3, 31)), None, "the line's empty point");
        // 2022-07-31 is day 303: 800 x (303 - 181) / (396 - 181) = 453.95 GWh on the line;
        // reachable from 800 - 10 x 93 < 0.
        let july = guide((2022, 7, 31)).unwrap();
        assert!((july - 800.0 * 122.0 / 215.0).abs() < 1e-6, "{july}");
        // 2022-10-11 is day 375: the line gives 800 x 194 / 215 = 721.9, reachability
        // 800 - 10 x 21 = 590: the line.
        let october = guide((2022, 10, 11)).unwrap();
        assert!((october - 800.0 * 194.0 / 215.0).abs() < 1e-6, "{october}");
    }

    #[test]
    fn the_filling_guide_follows_reachability_when_injection_is_slow() {
        // As above with injection 2 GWh/d: on 2022-07-31 (day 303) the target needs
        // 800 - 2 x 93 = 614 GWh, above the line's 453.95.
        let (mut b, days) = autumn_start();
        b.system.storages[0].injection_capacity_gwh_d = vec![gas_core::units::GwhPerDay(2.0); 400];
        let storage = &b.system.storages[0];
        let g = super::filling_guide(storage, &days, 303, b.system.period.start).unwrap();
        assert!((g.min_fill * 1000.0 - 614.0).abs() < 1e-6, "{}", g.min_fill);
        // A target penalty below the value of gas: no guide (gas is kept anyway).
        b.system.storages[0].targets[0].penalty_eur_mwh = EurPerMwh(80.0);
        let storage = &b.system.storages[0];
        assert_eq!(
            super::filling_guide(storage, &days, 303, b.system.period.start),
            None
        );
    }

    #[test]
    fn a_full_storage_drains_at_constant_demand_then_curtailment_starts() {
        // One zone, 14 days, demand 100 GWh/d curtailable at 500 EUR/MWh, no supply but a
        // full storage of 1000 GWh (withdrawal up to 1000 GWh/d, value 0).
        // Buffer = 1000 GWh / 100 GWh/d = 10 days: level 900, 800, ..., 0 after day 10,
        // then 100 GWh/d curtailed on days 11-14: 4 x 100 GWh x 500 EUR/MWh = 200 000 kEUR.
        let mut b = Builder::new(14);
        let z = b.zone("DE");
        b.flat_demand(z, 100.0, 500.0);
        b.storage(z, 1000.0, 1000.0, 0.0, 1000.0);
        b.system.settings.operation = Operation::Myopic;
        let r = solve(&b.system, Prices::Unique);
        let level = values(&r.storage_level_gwh[0], |v| v.0);
        let expected: Vec<f64> = (1..=14)
            .map(|t| (1000.0 - 100.0 * t as f64).max(0.0))
            .collect();
        assert_eq!(level, expected);
        let curtailed = values(&r.curtailed_gwh_d[0], |v| v.0);
        assert_eq!(&curtailed[..10], &[0.0; 10]);
        assert_eq!(&curtailed[10..], &[100.0; 4]);
        for t in 10..14 {
            assert_close(r.zone_price_eur_mwh[0][t].0, 500.0, "price when curtailing");
        }
        assert_close(r.objective_keur, 200_000.0, "objective");

        // Perfect foresight: the same cost (when the storage is used does not matter here).
        b.system.settings.operation = Operation::PerfectForesight;
        let r = solve(&b.system, Prices::MayDiffer);
        assert_close(r.objective_keur, 200_000.0, "objective, perfect foresight");
        let total: f64 = r.curtailed_gwh_d[0].iter().map(|v| v.0).sum();
        assert_close(total, 400.0, "total curtailment");
    }

    #[test]
    fn the_fill_balance_draws_the_fuller_storage_first() {
        // Two zones joined by a free pipeline; demand 200 GWh on one day in BB. AA's
        // storage (listed second, so the plain tie-break would use BB's own first) is 90 %
        // full, BB's 10 %. With the balance step 1e-4 EUR/MWh/day and eighths of 125 GWh:
        // AA's gas above 625 sits in bands 5-7 (rewards 3e-4, 2e-4, 1e-4), BB's in its
        // bottom band (8e-4), so AA supplies all 200 GWh (AA 900 → 700, BB stays at 100).
        // Objective: the unfilled part's charge, AA 50 GWh of band 5 at 3e-4 + 125 at
        // 2e-4 + 125 at 1e-4 = 0.015 + 0.025 + 0.0125; BB 25 of band 0 at 8e-4 + 125 ·
        // (7 + 6 + … + 1) e-4 = 0.02 + 0.35; 0.4225 kEUR, plus AA's withdrawal tie-break
        // 200 · 2e-7 = 0.00004: 0.42254.
        let mut b = Builder::new(1);
        let bb = b.zone("BB");
        let aa = b.zone("AA");
        b.flat_demand(bb, 200.0, 500.0);
        b.pipeline(aa, bb, 1000.0, 0.0);
        b.storage(bb, 1000.0, 100.0, 0.0, 1000.0);
        b.storage(aa, 1000.0, 900.0, 0.0, 1000.0);
        b.system.settings.storage_balance_eur_mwh_day = EurPerMwh(1e-4);
        let r = solve(&b.system, Prices::MayDiffer);
        assert_close(
            r.storage_level_gwh[1][0].0,
            700.0,
            "AA, the fuller storage, supplies",
        );
        assert_close(r.storage_level_gwh[0][0].0, 100.0, "BB keeps its gas");
        assert_close(r.objective_keur, 0.42254, "objective");
        // (Without the balance only the 1e-7 tie-breaks decide, below the solvers'
        // optimality tolerances: which storage supplies is then not pinned down.)
    }

    #[test]
    fn a_constant_withdrawal_cap_binds_before_storage_is_empty() {
        // 10 days, demand 100 GWh/d at 500 EUR/MWh, storage 1000 GWh full, withdrawal cap 60.
        // Each day 60 withdrawn, 40 curtailed: level 1000 - 60 t, 400 GWh left after day 10;
        // cost 10 x 40 x 500 = 200 000 kEUR; price 500 every day.
        let mut b = Builder::new(10);
        let z = b.zone("DE");
        b.flat_demand(z, 100.0, 500.0);
        b.storage(z, 1000.0, 1000.0, 0.0, 60.0);
        let r = solve(&b.system, Prices::Unique);
        let level = values(&r.storage_level_gwh[0], |v| v.0);
        let expected: Vec<f64> = (1..=10).map(|t| 1000.0 - 60.0 * t as f64).collect();
        assert_eq!(level, expected);
        assert_eq!(
            values(&r.storage_withdrawal_limit_gwh_d[0], |v| v.0),
            vec![60.0; 10]
        );
        assert_close(r.objective_keur, 200_000.0, "objective");
        assert_close(r.zone_price_eur_mwh[0][0].0, 500.0, "price");
    }

    /// Withdrawal factor fill/0.5 below half full, 1 above; 1000 GWh, 600 at the start.
    fn curve_case() -> Builder {
        let mut b = Builder::new(10);
        let z = b.zone("DE");
        b.flat_demand(z, 100.0, 500.0);
        b.storage(z, 1000.0, 600.0, 0.0, 100.0);
        b.system.storages[0].withdrawal_curve = FillCurve {
            points: vec![(0.0, 0.0), (0.5, 1.0), (1.0, 1.0)],
        };
        b
    }

    #[test]
    fn the_fill_curve_refinement_lowers_withdrawal_as_storage_empties() {
        // Cap = 100 x min(1, fill / 0.5) = 0.2 x level below 500 GWh. Withdrawing as much
        // as allowed: day 1 from 600 (cap 100) to 500, day 2 (cap 100) to 400, then each day
        // withdraws 0.2 x level: level(t) = 400 x 0.8^(t-2) for t >= 2:
        // 500, 400, 320, 256, 204.8, 163.84, 131.072, 104.858, 83.886, 67.109.
        // A myopic operator does exactly that (each window's first-day cap is exact).
        let mut expected = vec![500.0, 400.0];
        for t in 2..10 {
            expected.push(400.0 * 0.8_f64.powi(t - 1));
        }
        let mut b = curve_case();
        b.system.settings.operation = Operation::Myopic;
        let r = solve(&b.system, Prices::MayDiffer);
        for (t, (l, e)) in r.storage_level_gwh[0].iter().zip(&expected).enumerate() {
            assert!(
                (l.0 - e).abs() < 1e-6,
                "myopic day {t}: level {}, expected {e}",
                l.0
            );
        }
        // Perfect foresight with the refinement: never better than the exact optimum
        // (67.109 GWh left; greedy withdrawal is optimal), and close to it.
        b.system.settings.operation = Operation::PerfectForesight;
        let r = solve(&b.system, Prices::MayDiffer);
        let level = values(&r.storage_level_gwh[0], |v| v.0);
        assert!(level[9] >= expected[9] - 0.05, "left {}", level[9]);
        assert!(level[9] <= expected[9] + 0.5, "left {}", level[9]);
        // The curve holds at the result's own levels (within the refinement tolerance).
        let curve = &b.system.storages[0].withdrawal_curve;
        let mut before = 600.0;
        for (t, &after) in level.iter().enumerate() {
            let cap = 100.0 * curve.factor_at(before / 1000.0);
            let w = r.storage_withdrawal_gwh_d[0][t].0;
            assert!(
                w <= cap + 0.01 + 1e-9,
                "day {t}: withdrawal {w} above curve cap {cap}"
            );
            assert!(r.storage_withdrawal_limit_gwh_d[0][t].0 <= cap + 0.01 + 1e-9);
            before = after;
        }
        assert!(
            r.notes.iter().any(|n| n.contains("converged")),
            "{:?}",
            r.notes
        );
    }

    #[test]
    fn the_exact_fill_curve_mode_needs_a_general_lp_solver() {
        let b = curve_case();
        let options = RunOptions {
            fill_curves: FillCurveMode::Exact,
            ..RunOptions::default()
        };
        let error =
            crate::run_with(&b.system, &gas_lp::NetworkSimplex::default(), &options).unwrap_err();
        assert!(
            matches!(error, crate::RunError::NeedsGeneralLp { .. }),
            "{error}"
        );
        assert!(error.to_string().contains("FillCurveMode::Refine"));
    }

    #[cfg(feature = "highs")]
    #[test]
    fn the_refinement_matches_the_exact_mode_on_the_curve_case() {
        // Greedy withdrawal is optimal here, so refinement and the exact LP agree.
        let b = curve_case();
        let refined = solve(&b.system, Prices::MayDiffer);
        let options = RunOptions {
            fill_curves: FillCurveMode::Exact,
            ..RunOptions::default()
        };
        let exact = crate::run_with(&b.system, &gas_lp::Highs::default(), &options).unwrap();
        let gap = (refined.objective_keur - exact.objective_keur) / exact.objective_keur;
        assert!(
            (0.0..1e-3).contains(&gap),
            "refined {} exact {}",
            refined.objective_keur,
            exact.objective_keur
        );
    }

    /// One zone, 5 days, demand 50 GWh/d, a route of 200 GWh/d at 30 EUR/MWh, an empty
    /// storage (1000 GWh, injection 100 GWh/d) with a target of 30 % (300 GWh) on day 5.
    fn target_case(penalty: f64) -> Builder {
        let mut b = Builder::new(5);
        let z = b.zone("DE");
        b.flat_demand(z, 50.0, 500.0);
        b.route(z, vec![200.0; 5], vec![30.0; 5]);
        b.storage(z, 1000.0, 0.0, 100.0, 100.0);
        b.system.storages[0].targets.push(FillTarget {
            date: date(3, 5),
            min_fill: 0.3,
            penalty_eur_mwh: EurPerMwh(penalty),
        });
        b
    }

    #[test]
    fn a_filling_target_forces_injection_when_its_penalty_exceeds_the_gas_price() {
        // Penalty 50 > price 30: inject 300 GWh: 5 x 50 x 30 + 300 x 30 = 16 500 kEUR.
        let r = solve(&target_case(50.0).system, Prices::Unique);
        assert_close(
            r.storage_level_gwh[0][4].0,
            300.0,
            "level on the target day",
        );
        assert_close(r.objective_keur, 16_500.0, "objective");
        assert_close(r.zone_price_eur_mwh[0][2].0, 30.0, "price");
        // Penalty 20 < price 30: pay the penalty: 5 x 50 x 30 + 300 x 20 = 13 500 kEUR.
        let r = solve(&target_case(20.0).system, Prices::Unique);
        assert_close(r.storage_level_gwh[0][4].0, 0.0, "level on the target day");
        assert_close(r.objective_keur, 13_500.0, "objective");
    }

    #[test]
    fn level_segments_price_the_shortfall_below_each_target() {
        // Targets 30 % at 50 and 60 % at 10 on a 1000 GWh storage: segments [0,300] at
        // -(50+10), [300,600] at -10, [600,1000] at 0; offset 50 x 300 + 10 x 600 = 21 000.
        let mut b = target_case(50.0);
        b.system.storages[0].targets.push(FillTarget {
            date: date(3, 5),
            min_fill: 0.6,
            penalty_eur_mwh: EurPerMwh(10.0),
        });
        let segs = super::level_segments(&b.system.storages[0], 4, &b.system);
        let costs: Vec<f64> = segs.segments.iter().map(|s| s.cost).collect();
        let lengths: Vec<f64> = segs.segments.iter().map(|s| s.length).collect();
        assert_eq!(costs, vec![-60.0, -10.0, 0.0]);
        assert_eq!(lengths, vec![300.0, 300.0, 400.0]);
        assert_eq!(segs.offset, 21_000.0);
    }
}
