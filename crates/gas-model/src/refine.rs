//! Monotone successive refinement of fill-dependent capacities
//! ([`crate::FillCurveMode::Refine`]).

use crate::formulation::{Formulation, WindowInput};
use crate::options::FillCurveMode;
use crate::storage::{fill_of, max_factor};
use gas_core::System;
use gas_lp::Solution;

/// The capacities a window starts from, `(injection, withdrawal)`, each `[storage][slot]`.
///
/// Refine: day one of the window at nominal × curve(initial fill), the other days at
/// nominal × the curve's largest factor. Ignore (and Exact, where they are unused):
/// nominal.
pub(crate) fn initial_caps(
    system: &System,
    input_days: &std::ops::Range<usize>,
    initial_level: &[f64],
    mode: FillCurveMode,
) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
    let mut injection = Vec::with_capacity(system.storages.len());
    let mut withdrawal = Vec::with_capacity(system.storages.len());
    for (s, storage) in system.storages.iter().enumerate() {
        let fill = fill_of(storage, initial_level.get(s).copied().unwrap_or(0.0));
        let mut inj = Vec::with_capacity(input_days.len());
        let mut wd = Vec::with_capacity(input_days.len());
        for (slot, day) in input_days.clone().enumerate() {
            let inominal = storage.injection_capacity_gwh_d[day].0;
            let wnominal = storage.withdrawal_capacity_gwh_d[day].0;
            let (ifactor, wfactor) = match mode {
                FillCurveMode::Refine if slot == 0 => (
                    storage.injection_curve.factor_at(fill),
                    storage.withdrawal_curve.factor_at(fill),
                ),
                FillCurveMode::Refine => (
                    max_factor(&storage.injection_curve),
                    max_factor(&storage.withdrawal_curve),
                ),
                FillCurveMode::Exact | FillCurveMode::Ignore => (1.0, 1.0),
            };
            inj.push(inominal * ifactor);
            wd.push(wnominal * wfactor);
        }
        injection.push(inj);
        withdrawal.push(wd);
    }
    (injection, withdrawal)
}

/// One refinement step: lowers each storage-day capacity to
/// `nominal × curve(fill at the start of the day)` where that is more than
/// `tolerance` below the capacity in force, on the days from each storage's first
/// such day for `span_days` days; returns whether any fell.
///
/// The fill at the start of a day is taken from the solution's trajectory with
/// every flow clipped to the capacities lowered so far in this step
/// (`level(t) = level(t−1) + min(inject, Icap) − min(withdraw, Wcap)`): once an
/// early capacity falls, later levels rise, so later capacities are not lowered
/// for gas that can no longer be withdrawn. Along a draw-down this reaches in one
/// step the trajectory that withdraws as much as the curve allows each day.
pub(crate) fn lower_caps(
    system: &System,
    f: &mut Formulation,
    input: &mut WindowInput,
    solution: &Solution,
    tolerance: f64,
    span_days: usize,
) -> bool {
    let mut changed = false;
    let start = f.days.start;
    let value = |c: gas_lp::Col| {
        solution
            .col_values
            .get(c.0 as usize)
            .copied()
            .unwrap_or(0.0)
    };
    for (s, storage) in system.storages.iter().enumerate() {
        let wflat = storage.withdrawal_curve.is_flat();
        let iflat = storage.injection_curve.is_flat();
        if wflat && iflat {
            continue;
        }
        let working = storage.working_gas_gwh.0.max(0.0);
        let mut level = input.initial_level.get(s).copied().unwrap_or(0.0);
        let mut first_violation: Option<usize> = None;
        for day in f.days.clone() {
            let slot = day - start;
            if first_violation.is_some_and(|first| slot >= first.saturating_add(span_days.max(1))) {
                break;
            }
            let fill = fill_of(storage, level);
            if !wflat {
                let target = storage.withdrawal_capacity_gwh_d[day].0
                    * storage.withdrawal_curve.factor_at(fill);
                let cap = &mut input.withdrawal_cap[s][slot];
                if target < *cap - tolerance {
                    *cap = target.max(0.0);
                    f.problem.set_col_bounds(f.withdrawal[s][slot], 0.0, *cap);
                    changed = true;
                    first_violation.get_or_insert(slot);
                }
            }
            if !iflat {
                let target = storage.injection_capacity_gwh_d[day].0
                    * storage.injection_curve.factor_at(fill);
                let cap = &mut input.injection_cap[s][slot];
                if target < *cap - tolerance {
                    *cap = target.max(0.0);
                    f.problem.set_col_bounds(f.injection[s][slot], 0.0, *cap);
                    changed = true;
                    first_violation.get_or_insert(slot);
                }
            }
            let inject = value(f.injection[s][slot]).min(input.injection_cap[s][slot]);
            let withdraw = value(f.withdrawal[s][slot]).min(input.withdrawal_cap[s][slot]);
            level = (level + inject - withdraw).clamp(0.0, working);
        }
    }
    changed
}
