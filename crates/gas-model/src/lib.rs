//! The day-by-day LP of the European gas network.
//!
//! `gas-model` turns a [`gas_core::System`] into [`gas_lp::Problem`]s, solves
//! them with any [`gas_lp::Solver`] and maps the solutions back into
//! [`gas_core::Results`]. Entry points: [`run`] (defaults), [`run_with`]
//! ([`RunOptions`]) and [`export_mps`].
//!
//! # Formulation: a min-cost flow on the time-expanded network
//!
//! Units: flows in GWh/d, levels in GWh, costs in EUR/MWh used directly as
//! coefficients, so the objective is in kEUR and zone-balance duals in EUR/MWh.
//! Every row is a node with `inflow − outflow = rhs`; every column an arc
//! (−1 in the row it leaves, +1 in the row it enters, one entry for an arc to or
//! from the ground). One module per component; only the zone balance and the
//! objective link them:
//!
//! | module | nodes (rows) | arcs (columns) |
//! | --- | --- | --- |
//! | [`zone_balance`] | zone-day `(z,t)`, rhs = demand | national-first: hub ↔ local |
//! | [`pipeline`] | | `(from,t) → (to,t)`, `[0, cap]`, cost tariff |
//! | [`route`] | | ground → `(entry,t)`, `[min, cap]`, cost price |
//! | [`production`] | | ground → `(z,t)`, `[min, max]`, cost price |
//! | [`lng`] | LNG pool per day | tranches ground → pool `[min, cap]` at price; terminals pool → `(z,t)` `[min, cap]` |
//! | [`storage`] | storage-day `(s,t)`, rhs = −initial level on day one | injection `(z,t) → (s,t)`, withdrawal `(s,t) → (z,t)`, level `(s,t) → (s,t+1)` `[floor, working gas]`, last level → ground at −value |
//! | [`demand`] | | curtailment tranches ground → `(z,t)`, `[0, share × demand]`, cost penalty |
//!
//! Soft filling targets split a day's level arc into parallel segments (the part
//! below the target at cost −penalty, the rest at 0) plus an objective offset, so
//! the objective carries penalty × shortfall ([`storage::level_segments`]). Each
//! storage's injection and withdrawal carry a tie-break cost
//! [`storage::TIE_BREAK_EUR_MWH`] × (index + 1) so that runs are reproducible.
//! Every column and row has a typed key ([`keys::ColKey`], [`keys::RowKey`]).
//!
//! # Fill-dependent limits
//!
//! Withdrawal falls as storage empties and injection as it fills. As LP rows
//! these would break the network structure, so by default ([`FillCurveMode::Refine`])
//! the capacities are refined between solves, monotonically, identically for
//! every backend: a day's capacity starts at nominal × the curve's largest factor
//! (the first day of a window: × the factor at the known initial fill); after each
//! solve it is lowered to `min(cap, nominal × curve(fill at the start of the day))`,
//! with the fill taken from the solution's trajectory clipped to the capacities
//! lowered so far, and the LP is re-solved from the previous basis until no
//! capacity falls by more than [`RunOptions::cap_tolerance_gwh_d`] (or
//! [`RunOptions::max_passes`] is reached; the notes say so). The result satisfies
//! the curves at its own levels and is feasible; it can be conservative against the
//! exact LP because a capacity never rises again. [`FillCurveMode::Exact`] adds
//! the rows `flow(t) − a_k·level(t−1) <= b_k` for a general LP solver (HiGHS) so
//! the gap of the refinement can be measured; the network simplex rejects them and
//! [`run_with`] returns [`RunError::NeedsGeneralLp`].
//!
//! # Solidarity
//!
//! Cooperative: one objective over all zones. National-first: each zone-day is
//! split into a hub and a local node, and zone-days that curtail while exporting
//! net are refined into importing-only ([`solidarity`]).
//!
//! # Operation
//!
//! Perfect foresight solves the whole period at once. A rolling horizon
//! (`window_days` W, `commit_days` K) solves days `[s, s+W)`, keeps the first K,
//! carries the storage levels into the next window starting at `s+K`, and values
//! gas left at a window end at the storage's `value_eur_mwh` of that day; a window
//! that ends before a filling target also gets a soft minimum level on its last day,
//! the filling guide towards that target ([`storage::filling_guide`]). Myopic
//! operation is a rolling horizon with W = K = 1. Solves start from the previous
//! basis when the solver offers one; with a solver that takes hints
//! ([`gas_lp::Solver::uses_hints`]) the first solve of a window starts instead from
//! column statuses carried over by day: the days both windows formulate keep those of
//! the previous window, and new days (all days of a first window) take those of the
//! days solved one by one, which together form a feasible starting tree (see
//! [`run_with`]). A single window (perfect foresight) is instead solved coarse to fine
//! ([`gas_lp::Solver::solve_coarse_to_fine`]): the days merged into blocks of 64, 32,
//! …, 2 days and a storage-day's level segments into one arc, then every day with the
//! segments still merged, each level starting the next. The reported objective is the cost of the
//! committed days (penalties included) minus the value of gas left at the end of
//! the period.
//!
//! A window is not built from scratch when an earlier one of the same length has the
//! same structure (all windows of a rolling horizon but the last, and all days solved
//! one by one, except around a filling-target day): its formulation is rewritten in
//! place (keys, bounds, costs, right-hand sides; the columns, rows and coefficients are
//! checked to match, else it is built anew), and every solve of a run goes through a
//! [`gas_lp::Workspace`] ([`gas_lp::Solver::solve_in`]), in which the network simplex
//! updates its network and working arrays in place. The solutions are the same as with
//! fresh builds.
//!
//! # Example
//!
//! One zone, 2 days, 100 GWh/d of demand, 60 GWh/d of production at 20 EUR/MWh
//! and households' curtailment at 500 EUR/MWh:
//!
//! ```
//! use gas_core::system::*;
//! use gas_core::units::*;
//! use gas_core::*;
//! let days = 2;
//! let system = System {
//!     period: Period { start: chrono_date(), days },
//!     zones: vec![Zone { code: "DE".into(), name: "Germany".into() }],
//!     origins: vec![],
//!     pipelines: vec![],
//!     routes: vec![],
//!     lng_terminals: vec![],
//!     lng_supplies: vec![],
//!     production: vec![Production {
//!         zone: ZoneId(0),
//!         max_gwh_d: vec![GwhPerDay(60.0); days],
//!         min_gwh_d: vec![GwhPerDay(0.0); days],
//!         price_eur_mwh: vec![EurPerMwh(20.0); days],
//!     }],
//!     storages: vec![],
//!     demands: vec![Demand {
//!         zone: ZoneId(0),
//!         sector: Sector::HouseholdsServices,
//!         demand_gwh_d: vec![GwhPerDay(100.0); days],
//!         curtailment: vec![CurtailmentTranche::constant(
//!             "households",
//!             1.0,
//!             days,
//!             EurPerMwh(500.0),
//!         )],
//!     }],
//!     settings: DispatchSettings::default(),
//! };
//! let results = gas_model::run(&system, &gas_lp::NetworkSimplex::default())?;
//! assert_eq!(results.status, RunStatus::Optimal);
//! // Each day: 60 GWh produced at 20 EUR/MWh, 40 GWh curtailed at 500 EUR/MWh
//! // = 1 200 + 20 000 = 21 200 kEUR; two days 42 400 kEUR.
//! assert!((results.objective_keur - 42_400.0).abs() < 1e-6);
//! assert_eq!(results.curtailed_gwh_d[0], vec![GwhPerDay(40.0); 2]);
//! // One more MWh of demand would be curtailed: the zone price is the penalty.
//! assert!((results.zone_price_eur_mwh[0][0].0 - 500.0).abs() < 1e-9);
//! # fn chrono_date() -> chrono::NaiveDate { chrono::NaiveDate::from_ymd_opt(2022, 3, 1).unwrap() }
//! # Ok::<(), gas_model::RunError>(())
//! ```
//!
//! Bad input is reported, all of it at once:
//!
//! ```
//! # use gas_core::system::*;
//! # use gas_core::*;
//! # let system = System {
//! #     period: Period { start: chrono::NaiveDate::from_ymd_opt(2022, 3, 1).unwrap(), days: 2 },
//! #     zones: vec![], origins: vec![], pipelines: vec![], routes: vec![],
//! #     lng_terminals: vec![], lng_supplies: vec![], production: vec![], storages: vec![],
//! #     demands: vec![], settings: DispatchSettings::default(),
//! # };
//! let mut bad = system.clone();
//! bad.settings.storage_cycle_cost_eur_mwh = gas_core::units::EurPerMwh(f64::NAN);
//! match gas_model::run(&bad, &gas_lp::NetworkSimplex::default()) {
//!     Err(gas_model::RunError::Invalid(errors)) => assert_eq!(errors.0.len(), 1),
//!     other => panic!("expected a validation error, got {other:?}"),
//! }
//! ```
#![deny(missing_docs)]

mod coarse;
pub mod demand;
mod extract;
pub mod formulation;
mod hint;
pub mod keys;
pub mod lng;
mod options;
pub mod pipeline;
pub mod production;
mod refine;
pub mod route;
pub mod solidarity;
pub mod storage;
pub mod synthetic;
#[cfg(test)]
mod testing;
pub mod zone_balance;

pub use options::{FillCurveMode, RunOptions};

use formulation::{build, rebuild, Formulation, WindowInput};
use gas_core::system::{Operation, Solidarity};
use gas_core::validate::{validate, ValidationErrors};
use gas_core::{Results, RunStatus, System};
use gas_lp::{Basis, SolveError, SolveOptions, Solver, Status, Workspace};
use std::io::Write;
use std::ops::Range;

/// Why a run could not produce [`Results`]. An infeasible or unbounded
/// scenario is not an error: it is [`Results::status`].
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The system failed validation; every problem is listed with its location.
    #[error("invalid system: {0}")]
    Invalid(#[from] ValidationErrors),
    /// [`FillCurveMode::Exact`] was asked of a solver that accepts only networks.
    #[error(
        "the exact fill-curve mode adds side constraints that the `{solver}` solver cannot take \
         ({source}); use FillCurveMode::Refine or a general LP solver such as HiGHS"
    )]
    NeedsGeneralLp {
        /// The solver's name.
        solver: &'static str,
        /// The solver's error.
        source: SolveError,
    },
    /// The solver failed on a window.
    #[error("solver `{solver}` failed on the days {from} to {to}: {source}")]
    Solver {
        /// The solver's name.
        solver: &'static str,
        /// First day of the window.
        from: String,
        /// Last day of the window.
        to: String,
        /// The solver's error.
        source: SolveError,
    },
    /// Writing the MPS file failed.
    #[error("writing the LP failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Dispatches `system` with `solver` and the default [`RunOptions`].
pub fn run(system: &System, solver: &dyn Solver) -> Result<Results, RunError> {
    run_with(system, solver, &RunOptions::default())
}

/// The solve windows `(formulated days, committed days)` of an operation mode.
pub fn windows(days: usize, operation: Operation) -> Vec<(Range<usize>, Range<usize>)> {
    let (window, commit) = match operation {
        Operation::PerfectForesight => (days.max(1), days.max(1)),
        Operation::RollingHorizon {
            window_days,
            commit_days,
        } => (window_days.max(1), commit_days.clamp(1, window_days.max(1))),
        Operation::Myopic => (1, 1),
    };
    let mut out = Vec::new();
    let mut start = 0;
    while start < days {
        let end = (start + window).min(days);
        let commit_end = (start + commit).min(days);
        out.push((start..end, start..commit_end));
        start = commit_end;
    }
    out
}

fn status_of(status: Status) -> RunStatus {
    match status {
        Status::Optimal => RunStatus::Optimal,
        Status::Infeasible => RunStatus::Infeasible,
        Status::Unbounded => RunStatus::Unbounded,
        Status::IterationLimit => RunStatus::Stopped,
    }
}

pub(crate) fn window_input(
    system: &System,
    days: Range<usize>,
    initial_level: Vec<f64>,
    options: &RunOptions,
) -> WindowInput {
    let (injection_cap, withdrawal_cap) =
        refine::initial_caps(system, &days, &initial_level, options.fill_curves);
    let national_first = system.settings.solidarity == Solidarity::NationalFirst;
    WindowInput {
        no_export: vec![vec![false; days.len()]; system.zones.len()],
        days,
        initial_level,
        withdrawal_cap,
        injection_cap,
        curve_mode: options.fill_curves,
        national_first,
    }
}

/// Counts of the solves of a run.
#[derive(Debug, Default)]
struct Tally {
    passes_total: usize,
    passes_max: usize,
    unconverged: usize,
    iterations: u64,
}

/// Solves one window with the fill-curve and national-first refinements and returns the
/// last solution. The first solve starts from `start` (or, without one, coarse to fine
/// through the `coarse` levels when there are any); later passes from the basis of the
/// pass before. `basis` receives each solve's basis.
#[allow(clippy::too_many_arguments)]
fn solve_window(
    system: &System,
    solver: &dyn Solver,
    options: &RunOptions,
    f: &mut formulation::Formulation,
    input: &mut WindowInput,
    start: Option<Basis>,
    coarse: &[gas_lp::CoarseLevel],
    basis: &mut Option<Basis>,
    tally: &mut Tally,
    workspace: &mut Workspace,
) -> Result<gas_lp::Solution, RunError> {
    let days = input.days.clone();
    let national_first = system.settings.solidarity == Solidarity::NationalFirst;
    let mut start = start;
    let mut pass = 0;
    let solution = loop {
        pass += 1;
        let warm = match start.take() {
            Some(first) => Some(first),
            None => basis.clone(),
        };
        let solve_options = SolveOptions {
            warm_start: if options.warm_start {
                warm.as_ref()
            } else {
                None
            },
            time_limit_seconds: options.time_limit_seconds,
        };
        // A cold whole-period solve goes coarse to fine; every other solve reuses the
        // window workspace.
        let solution = if solve_options.warm_start.is_none() && !coarse.is_empty() {
            solver.solve_coarse_to_fine(&f.problem, coarse, &solve_options)
        } else {
            solver.solve_in(&f.problem, &solve_options, workspace)
        };
        let solution = solution.map_err(|source| {
            if matches!(source, SolveError::NotANetwork { .. })
                && options.fill_curves == FillCurveMode::Exact
            {
                RunError::NeedsGeneralLp {
                    solver: solver.name(),
                    source,
                }
            } else {
                RunError::Solver {
                    solver: solver.name(),
                    from: system.period.date(days.start).to_string(),
                    to: system.period.date(days.end.saturating_sub(1)).to_string(),
                    source,
                }
            }
        })?;
        tally.iterations += solution.iterations;
        if solution.basis.is_some() {
            basis.clone_from(&solution.basis);
        }
        if solution.status != Status::Optimal {
            break solution;
        }
        let mut changed = false;
        if options.fill_curves == FillCurveMode::Refine {
            changed |= refine::lower_caps(
                system,
                f,
                input,
                &solution,
                options.cap_tolerance_gwh_d,
                options.refine_span_days,
            );
        }
        if national_first {
            changed |= solidarity::block_exports(
                system,
                f,
                input,
                &solution,
                options.solidarity_tolerance_gwh_d,
            );
        }
        if !changed {
            break solution;
        }
        if pass >= options.max_passes.max(1) {
            tally.unconverged += 1;
            break solution;
        }
    };
    tally.passes_total += pass;
    tally.passes_max = tally.passes_max.max(pass);
    Ok(solution)
}

/// Column statuses for the days `days` of the formulation `f` (written into `out`), from
/// solving those days one by one from the storage levels `start_level` (myopic, each day
/// from the basis of the day before, which is cheap). Each day's tree reaches the ground
/// either directly or through its level arcs, which in `f` lead to the next day, so the
/// days' trees together span `f`'s days: a solve of `f` starts from a feasible tree
/// near a good dispatch instead of from scratch. Returns `false` (leaving `out` partly
/// written) when a day is not solved to optimality.
#[allow(clippy::too_many_arguments)]
fn day_by_day(
    system: &System,
    solver: &dyn Solver,
    options: &RunOptions,
    days: Range<usize>,
    start_level: &[f64],
    f: &formulation::Formulation,
    index: &hint::DayIndex,
    out: &mut [gas_lp::ColStatus],
    basis: &mut Option<Basis>,
    tally: &mut Tally,
    reuse: &mut Reuse,
) -> bool {
    let mut level = start_level.to_vec();
    let mut day_tally = Tally::default();
    let mut ok = true;
    for day in days {
        let mut input = window_input(system, day..day + 1, level.clone(), options);
        let rebuilt = reuse.day.take().and_then(|(mut g, mut index)| {
            rebuild(&mut g, system, &input).then(|| {
                index.move_to(day);
                (g, index)
            })
        });
        let (mut g, g_index) = rebuilt.unwrap_or_else(|| {
            let g = build(system, &input);
            let index = hint::DayIndex::new(&g);
            (g, index)
        });
        let solved = solve_window(
            system,
            solver,
            options,
            &mut g,
            &mut input,
            None,
            &[],
            basis,
            &mut day_tally,
            &mut reuse.days,
        );
        let (Ok(solution), Some(b)) = (solved, basis.as_ref()) else {
            ok = false;
            break;
        };
        if solution.status != Status::Optimal {
            ok = false;
            break;
        }
        let seed = hint::Seed {
            f: &g,
            index: &g_index,
            statuses: b.col_statuses(),
        };
        hint::carry_day(&seed, day, f, index, day, out);
        level = end_levels(&g, &solution, 0);
        reuse.day = Some((g, g_index));
    }
    tally.iterations += day_tally.iterations;
    ok
}

/// Storage levels at the end of the window slot `slot` of a solved formulation.
fn end_levels(f: &formulation::Formulation, solution: &gas_lp::Solution, slot: usize) -> Vec<f64> {
    f.level
        .iter()
        .map(|days| {
            days[slot]
                .iter()
                .map(|c| solution.col_values[c.0 as usize])
                .sum::<f64>()
                .max(0.0)
        })
        .collect()
}

/// Formulations and solver workspaces kept between the solves of a run, so that a window
/// (or a day solved on its own) of the same length is rewritten in place
/// ([`formulation::rebuild`]) and its network updated in place ([`Solver::solve_in`])
/// instead of both being built again.
#[derive(Default)]
struct Reuse {
    /// The formulation of an earlier window no longer needed, with its day index if any.
    spare: Option<(Formulation, Option<hint::DayIndex>)>,
    /// The formulation of the last day solved on its own, with its day index.
    day: Option<(Formulation, hint::DayIndex)>,
    /// Workspace of the window solves.
    windows: Workspace,
    /// Workspace of the days solved on their own.
    days: Workspace,
}

/// A solved rolling window whose statuses start the next one.
struct Previous {
    f: formulation::Formulation,
    index: hint::DayIndex,
    statuses: Vec<gas_lp::ColStatus>,
    /// Storage levels at the end of its last day.
    end_level: Vec<f64>,
}

/// Dispatches `system` with `solver` and `options`.
///
/// Validates the system first ([`RunError::Invalid`]), then solves each window
/// of the operation mode with the fill-curve and national-first refinements,
/// and fills every field of [`Results`]. A window that is not solved to
/// optimality ends the run: the status says why and the days before it are filled.
///
/// With [`RunOptions::warm_start`] and a solver that takes hints
/// ([`Solver::uses_hints`]), the first solve of a window starts from a hint: the days
/// it shares with the previous window keep their column statuses, and its new days (all
/// of them in a first window) are solved one by one first, from the storage levels the
/// days before ended with (their pivots count in the notes' solver iterations). A single
/// window (perfect foresight) is solved coarse to fine instead (days merged into blocks,
/// see [`gas_lp::Solver::solve_coarse_to_fine`]). Other solves start from the previous
/// basis.
pub fn run_with(
    system: &System,
    solver: &dyn Solver,
    options: &RunOptions,
) -> Result<Results, RunError> {
    validate(system)?;
    let mut results = Results::zeroed(system, RunStatus::Optimal);
    let total_days = system.period.days;
    let plan = windows(total_days, system.settings.operation);
    let mut level: Vec<f64> = system
        .storages
        .iter()
        .map(|s| s.initial_level_gwh.0)
        .collect();
    let mut basis: Option<Basis> = None;
    let mut objective = 0.0;
    let mut tally = Tally::default();
    let mut blocked = 0usize;
    let national_first = system.settings.solidarity == Solidarity::NationalFirst;
    let hints = options.warm_start && solver.uses_hints();
    // The previous window, when windows overlap; the basis of the one-day solves.
    let mut previous: Option<Previous> = None;
    let mut day_basis: Option<Basis> = None;
    let mut reuse = Reuse::default();
    // Per storage: the first kept day whose floor was lowered to the reachable level.
    let mut floor_capped: std::collections::BTreeMap<usize, usize> =
        std::collections::BTreeMap::new();
    for (days, commit) in &plan {
        let mut input = window_input(system, days.clone(), level.clone(), options);
        let rebuilt = reuse.spare.take().and_then(|(mut f, index)| {
            rebuild(&mut f, system, &input).then(|| {
                let index = index.map(|mut index| {
                    index.move_to(days.start);
                    index
                });
                (f, index)
            })
        });
        let (mut f, kept_index) = rebuilt.unwrap_or_else(|| (build(system, &input), None));
        let mut coarse_levels: Vec<(Vec<u32>, Vec<u32>)> = Vec::new();
        // Hints need the day index: when windows overlap, or for a single window.
        let overlapping = days.end > commit.end;
        let index = (hints && (overlapping || previous.is_some() || plan.len() == 1))
            .then(|| kept_index.unwrap_or_else(|| hint::DayIndex::new(&f)));
        let start = match (&index, &previous) {
            (Some(index), Some(prev)) => {
                // Days both windows formulate keep their statuses; the new days are
                // solved one by one from the levels the previous window ended with.
                let seed = hint::Seed {
                    f: &prev.f,
                    index: &prev.index,
                    statuses: &prev.statuses,
                };
                let shift = days.start - prev.f.days.start;
                let mut out = hint::shifted(&seed, &f, index, shift);
                let new_days = prev.f.days.end.max(days.start)..days.end;
                day_by_day(
                    system,
                    solver,
                    options,
                    new_days,
                    &prev.end_level,
                    &f,
                    index,
                    &mut out,
                    &mut day_basis,
                    &mut tally,
                    &mut reuse,
                );
                Some(out)
            }
            // A single window (perfect foresight) is solved coarse to fine instead.
            (Some(_), None) if plan.len() == 1 && days.len() > 1 => {
                coarse_levels = coarse::levels(&f, system);
                None
            }
            (Some(index), None) if days.len() > 1 => {
                let mut out = vec![gas_lp::ColStatus::Lower; f.cols.len()];
                day_by_day(
                    system,
                    solver,
                    options,
                    days.clone(),
                    &level,
                    &f,
                    index,
                    &mut out,
                    &mut day_basis,
                    &mut tally,
                    &mut reuse,
                )
                .then_some(out)
            }
            _ => None,
        }
        .map(Basis::from_col_statuses);
        let levels: Vec<gas_lp::CoarseLevel> = coarse_levels
            .iter()
            .map(|(rows, cols)| gas_lp::CoarseLevel {
                row_groups: rows,
                col_groups: cols,
            })
            .collect();
        let solution = solve_window(
            system,
            solver,
            options,
            &mut f,
            &mut input,
            start,
            &levels,
            &mut basis,
            &mut tally,
            &mut reuse.windows,
        )?;
        if solution.status != Status::Optimal {
            results.status = status_of(solution.status);
            results.objective_keur = objective;
            results.mark_unsolved_from(days.start);
            results.notes.push(stop_note(system, &f, &solution, days));
            return Ok(results);
        }
        let period_end = commit.end == total_days;
        objective += f.committed_objective(&solution.col_values, commit, period_end);
        extract::extract(system, &f, &input, &solution, commit, &mut results);
        for &(s, day) in &f.floor_capped {
            if commit.contains(&day) {
                floor_capped.entry(s).or_insert(day);
            }
        }
        blocked += input
            .no_export
            .iter()
            .map(|row| row[..commit.len()].iter().filter(|&&b| b).count())
            .sum::<usize>();
        if let Some(last) = commit.end.checked_sub(1) {
            for (s, l) in level.iter_mut().enumerate() {
                *l = results.storage_level_gwh[s][last].0;
            }
        }
        // The window before the one kept (or this one, when none is kept) is rewritten
        // for a later window.
        let older = previous.take();
        previous = match (index, &basis) {
            (Some(index), Some(b)) if overlapping && !b.col_statuses().is_empty() => {
                Some(Previous {
                    end_level: end_levels(&f, &solution, f.days.len() - 1),
                    statuses: b.col_statuses().to_vec(),
                    f,
                    index,
                })
            }
            (index, _) => {
                reuse.spare = Some((f, index));
                None
            }
        };
        if let Some(older) = older {
            reuse.spare = Some((older.f, Some(older.index)));
        }
    }
    let Tally {
        passes_total,
        passes_max,
        unconverged,
        iterations,
    } = tally;
    results.objective_keur = objective;
    results.notes.push(format!(
        "{} with `{}`: {} window(s), {} solve(s) ({} at most per window), {} solver iterations",
        match system.settings.operation {
            Operation::PerfectForesight => "perfect foresight".to_string(),
            Operation::RollingHorizon {
                window_days,
                commit_days,
            } => format!("rolling horizon {window_days}/{commit_days}"),
            Operation::Myopic => "myopic".to_string(),
        },
        solver.name(),
        plan.len(),
        passes_total,
        passes_max,
        iterations,
    ));
    let curves = system
        .storages
        .iter()
        .any(|s| !s.withdrawal_curve.is_flat() || !s.injection_curve.is_flat());
    if curves {
        results.notes.push(match options.fill_curves {
            FillCurveMode::Refine => format!(
                "fill curves: monotone refinement (tolerance {} GWh/d){}",
                options.cap_tolerance_gwh_d,
                if unconverged > 0 {
                    format!(", stopped at the pass limit in {unconverged} window(s)")
                } else {
                    ", converged".to_string()
                }
            ),
            FillCurveMode::Exact => "fill curves: exact rows".to_string(),
            FillCurveMode::Ignore => "fill curves: ignored (nominal capacities)".to_string(),
        });
    } else if unconverged > 0 {
        results.notes.push(format!(
            "refinement stopped at the pass limit in {unconverged} window(s)"
        ));
    }
    if national_first {
        results.notes.push(format!(
            "national-first: {blocked} zone-day(s) curtailing while exporting were made import-only"
        ));
    }
    for (s, day) in floor_capped {
        results.notes.push(format!(
            "storage {}: the strategic reserve floor was above the level the storage could reach by injecting at full capacity from the start of its solve window (first on {}); it is capped at that level",
            system.storages[s].code,
            system.period.date(day)
        ));
    }
    Ok(results)
}

/// How many rows [`stop_note`] names at most.
const OPEN_ROWS_NAMED: usize = 3;

/// The note of a run stopped at a window that was not solved to optimality: the
/// window's dates, what the solver found, and for an infeasible window the rows
/// (zone or storage balances on a day) that the solver's last point leaves most open,
/// with the gap, when that point is within every column's bounds (the network
/// simplex's is: the flow left on its artificial arcs is where balances cannot close).
fn stop_note(
    system: &System,
    f: &Formulation,
    solution: &gas_lp::Solution,
    days: &Range<usize>,
) -> String {
    let first = system.period.date(days.start);
    let last = system.period.date(days.end.saturating_sub(1));
    let what = match solution.status {
        Status::Infeasible => "infeasible: the hard limits (fixed or minimum flows, storage bounds, capacities) cannot all hold",
        Status::Unbounded => "unbounded: the cost falls without limit (a negative price with unlimited supply?)",
        Status::IterationLimit => "not finished: the solver stopped at its iteration or time limit",
        Status::Optimal => "optimal",
    };
    let mut note = format!(
        "stopped: the window {first} to {last} is {what}; the days from {first} on are unsolved and left empty in the results"
    );
    // The open rows mean something only at a point within every column's bounds (the
    // network simplex's last point is; another solver's need not be).
    let within_bounds = solution.col_values.len() == f.problem.num_cols()
        && solution.col_values.iter().enumerate().all(|(col, &x)| {
            let (lower, upper) = f.problem.col_bounds(gas_lp::Col(col as u32));
            let slack = 1e-6 * (1.0 + x.abs());
            x >= lower - slack && x <= upper + slack
        });
    if solution.status != Status::Infeasible
        || !within_bounds
        || solution.row_activities.len() != f.problem.num_rows()
    {
        return note;
    }
    let mut open: Vec<(f64, usize)> = solution
        .row_activities
        .iter()
        .enumerate()
        .filter_map(|(row, &activity)| {
            let (lower, upper) = f.problem.row_bounds(gas_lp::Row(row as u32));
            let gap = if activity > upper {
                activity - upper
            } else if activity < lower {
                activity - lower
            } else {
                0.0
            };
            (gap.abs() > 1e-6 * (1.0 + lower.abs().max(upper.abs()).min(1e12)))
                .then_some((gap, row))
        })
        .collect();
    if open.is_empty() {
        return note;
    }
    open.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()).then(a.1.cmp(&b.1)));
    let names = keys::Names::new(system);
    let named: Vec<String> = open
        .iter()
        .take(OPEN_ROWS_NAMED)
        .map(|&(gap, row)| {
            let direction = if gap > 0.0 {
                "more gas in than can go out"
            } else {
                "less gas in than must go out"
            };
            format!(
                "{} ({:.1} GWh {direction})",
                f.rows[row].name(&names),
                gap.abs()
            )
        })
        .collect();
    note.push_str(&format!(
        "; balances that cannot close: {}{}",
        named.join(", "),
        if open.len() > OPEN_ROWS_NAMED {
            format!(" and {} more", open.len() - OPEN_ROWS_NAMED)
        } else {
            String::new()
        }
    ));
    note
}

/// Writes the whole-period LP of `system` (as the first solve of a perfect
/// foresight run with `options` would see it) as free MPS with readable names
/// such as `zone_balance[DE][2022-03-01]` and `pipeline_flow[DE>PL][2022-03-01]`.
pub fn export_mps_with(
    system: &System,
    options: &RunOptions,
    out: &mut impl Write,
) -> Result<(), RunError> {
    let f = formulate(system, options)?;
    let names = keys::Names::new(system);
    f.problem.write_mps(
        out,
        "gasbuffer",
        &|c| f.cols[c.0 as usize].name(&names),
        &|r| f.rows[r.0 as usize].name(&names),
    )?;
    Ok(())
}

/// The whole-period LP of `system` as the first solve of a perfect-foresight run
/// with `options` sees it (validated first), with the keys of its rows and columns.
pub fn formulate(
    system: &System,
    options: &RunOptions,
) -> Result<formulation::Formulation, RunError> {
    validate(system)?;
    let days = 0..system.period.days;
    let level = system
        .storages
        .iter()
        .map(|s| s.initial_level_gwh.0)
        .collect();
    let input = window_input(system, days, level, options);
    Ok(build(system, &input))
}

/// The coarse levels (row groups, column groups; coarsest first) through which a
/// perfect-foresight run solves `f`, a whole-period formulation of `system` (see
/// [`formulate`] and [`gas_lp::Solver::solve_coarse_to_fine`]).
pub fn coarse_levels(f: &formulation::Formulation, system: &System) -> Vec<(Vec<u32>, Vec<u32>)> {
    coarse::levels(f, system)
}

/// [`export_mps_with`] the default options.
pub fn export_mps(system: &System, out: &mut impl Write) -> Result<(), RunError> {
    export_mps_with(system, &RunOptions::default(), out)
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use gas_core::system::Operation;
    use gas_core::units::{EurPerMwh, Gwh};
    use gas_core::RunStatus;

    #[test]
    fn windows_cover_the_period_once() {
        // 10 days, window 4, commit 3: [0,4) keep [0,3); [3,7) keep [3,6); [6,10) keep [6,9);
        // [9,10) keep [9,10).
        let plan = super::windows(
            10,
            Operation::RollingHorizon {
                window_days: 4,
                commit_days: 3,
            },
        );
        assert_eq!(
            plan,
            vec![(0..4, 0..3), (3..7, 3..6), (6..10, 6..9), (9..10, 9..10)]
        );
        assert_eq!(super::windows(3, Operation::Myopic).len(), 3);
        assert_eq!(
            super::windows(3, Operation::PerfectForesight),
            vec![(0..3, 0..3)]
        );
    }

    /// One zone, 4 days, demand 20 GWh/d, a route at 10 EUR/MWh on days 1-2 and 100 on
    /// days 3-4, an empty storage (100 GWh, 50 GWh/d each way) valued at `value`.
    fn cheap_now_dear_later(value: f64) -> Builder {
        let mut b = Builder::new(4);
        let z = b.zone("DE");
        b.flat_demand(z, 20.0, 500.0);
        b.route(z, vec![100.0; 4], vec![10.0, 10.0, 100.0, 100.0]);
        b.storage(z, 100.0, 0.0, 50.0, 50.0);
        b.system.storages[0].value_eur_mwh = vec![EurPerMwh(value); 4];
        b
    }

    /// A strategic reserve of 60 GWh on day 4 of the empty 100 GWh storage (50 GWh/d in):
    /// perfect foresight fills it in time. A myopic operator (value 5 < the cost of 10 of
    /// storing) keeps the storage empty on days 1-3 and on day 4 can reach only 50 GWh:
    /// the floor is lowered to 50 for that solve (a note says so) instead of the run
    /// being infeasible. Day 4 buys its 20 of demand plus 50 to inject at 100:
    /// 2 x 20 x 10 + 20 x 100 + 70 x 100 - 50 x 5 (value of the gas left) = 9 150 kEUR.
    #[test]
    fn a_reserve_floor_out_of_reach_from_a_window_start_is_lowered_to_the_reachable_level() {
        let mut b = cheap_now_dear_later(5.0);
        b.system.storages[0].floor_gwh = vec![Gwh(0.0), Gwh(0.0), Gwh(0.0), Gwh(60.0)];
        let r = solve(&b.system, Prices::MayDiffer);
        assert_eq!(r.status, RunStatus::Optimal);
        assert!(r.storage_level_gwh[0][3].0 >= 60.0 - 1e-9);
        assert!(
            !r.notes.iter().any(|n| n.contains("reserve")),
            "{:?}",
            r.notes
        );
        b.system.settings.operation = Operation::Myopic;
        let r = solve(&b.system, Prices::MayDiffer);
        assert_eq!(r.status, RunStatus::Optimal, "{:?}", r.notes);
        assert_eq!(
            values(&r.storage_level_gwh[0], |v| v.0),
            vec![0.0, 0.0, 0.0, 50.0]
        );
        assert_close(r.objective_keur, 9_150.0, "myopic objective with the floor");
        assert!(
            r.notes
                .iter()
                .any(|n| n.contains("the strategic reserve floor")
                    && n.contains(&b.system.period.date(3).to_string())),
            "{:?}",
            r.notes
        );
    }

    #[test]
    fn perfect_foresight_stores_cheap_gas_that_a_myopic_operator_does_not() {
        // Perfect foresight, value 5: buy 40 on days 1-2 for days 3-4: 80 GWh x 10 = 800 kEUR,
        // levels 20, 40, 20, 0.
        let mut b = cheap_now_dear_later(5.0);
        let r = solve(&b.system, Prices::MayDiffer);
        assert_close(r.objective_keur, 800.0, "foresight objective");
        assert_close(
            r.storage_level_gwh[0][1].0,
            40.0,
            "foresight level after day 2",
        );
        // Myopic, value 5: storing costs 10 and is worth 5: buy day by day:
        // 2 x 20 x 10 + 2 x 20 x 100 = 4 400 kEUR.
        b.system.settings.operation = Operation::Myopic;
        let r = solve(&b.system, Prices::MayDiffer);
        assert_close(r.objective_keur, 4_400.0, "myopic objective");
        assert_eq!(values(&r.storage_level_gwh[0], |v| v.0), vec![0.0; 4]);
        // Myopic, value 50 > 10: it stores all it can (50 GWh/d) on days 1-2 (level 100),
        // then uses storage (worth 50) rather than buy at 100 on days 3-4 (level 60 left):
        // 2 x 70 x 10 - 60 x 50 = -1 600 kEUR. Perfect foresight does the same.
        let mut b = cheap_now_dear_later(50.0);
        b.system.settings.operation = Operation::Myopic;
        let r = solve(&b.system, Prices::MayDiffer);
        assert_eq!(
            values(&r.storage_level_gwh[0], |v| v.0),
            vec![50.0, 100.0, 80.0, 60.0]
        );
        assert_close(r.objective_keur, -1_600.0, "myopic objective, value 50");
        b.system.settings.operation = Operation::PerfectForesight;
        let r = solve(&b.system, Prices::MayDiffer);
        assert_close(r.objective_keur, -1_600.0, "foresight objective, value 50");
        // A rolling horizon of 3 days committing 2: window days 1-3 sees only day 3 as dear,
        // stores 20 (levels end of day 2: 20); window days 3-4 uses it on day 3 and buys
        // day 4 at 100: 60 x 10 + 20 x 100 = 2 600 kEUR, between foresight and myopic.
        b = cheap_now_dear_later(5.0);
        b.system.settings.operation = Operation::RollingHorizon {
            window_days: 3,
            commit_days: 2,
        };
        let r = solve(&b.system, Prices::MayDiffer);
        assert_close(r.objective_keur, 2_600.0, "rolling objective");
        assert_close(
            r.storage_level_gwh[0][1].0,
            20.0,
            "rolling level after day 2",
        );
    }

    /// One zone, 4 days, demand 20 GWh/d, a route at 10 EUR/MWh (100 GWh/d), an empty
    /// storage (100 GWh, `injection` GWh/d each way) worth 5 EUR/MWh at a window end, and a
    /// target of 80 % at the end of day 4 (penalty 300 EUR/MWh).
    fn target_after_the_first_days(injection: f64) -> Builder {
        let mut b = Builder::new(4);
        let z = b.zone("DE");
        b.flat_demand(z, 20.0, 500.0);
        b.route(z, vec![100.0; 4], vec![10.0; 4]);
        b.storage(z, 100.0, 0.0, injection, injection);
        b.system.storages[0].value_eur_mwh = vec![EurPerMwh(5.0); 4];
        b.system.storages[0].targets = vec![gas_core::system::FillTarget {
            date: b.system.period.date(3),
            min_fill: 0.8,
            penalty_eur_mwh: EurPerMwh(300.0),
        }];
        b
    }

    #[test]
    fn a_myopic_operator_follows_the_filling_guide_to_a_target_it_cannot_see() {
        // Injection 50 GWh/d: the guide is the trajectory from 0 (start) to 80 GWh (end of
        // day 4): 20, 40, 60 GWh at the ends of days 1-3, penalty 300 - 5 = 295 EUR/MWh.
        // Storing costs 10 < 295 + 5: the operator injects 20 a day, levels 20, 40, 60, 80.
        // Objective: 4 x (20 + 20) x 10 - 80 x 5 (gas left) = 1 200 kEUR, as with foresight.
        let myopic = |injection: f64| {
            let mut b = target_after_the_first_days(injection);
            b.system.settings.operation = Operation::Myopic;
            (solve(&b.system, Prices::MayDiffer), b)
        };
        let (r, _) = myopic(50.0);
        assert_eq!(
            values(&r.storage_level_gwh[0], |v| v.0),
            vec![20.0, 40.0, 60.0, 80.0]
        );
        assert_close(r.objective_keur, 1_200.0, "myopic objective");
        // Injection 15 GWh/d: the target is reachable from 80 - 15 x 3 = 35, 80 - 15 x 2 = 50
        // and 80 - 15 = 65 GWh at the ends of days 1-3, above the trajectory (20, 40, 60):
        // the operator injects 15 a day (levels 15, 30, 45, 60) and misses the target by 20.
        // The guides' penalties are an operating rule, left out of the objective:
        // 4 x 35 x 10 + 20 x 300 - 60 x 5 = 7 100 kEUR, again as with foresight.
        let (r, mut b) = myopic(15.0);
        assert_eq!(
            values(&r.storage_level_gwh[0], |v| v.0),
            vec![15.0, 30.0, 45.0, 60.0]
        );
        assert_close(r.objective_keur, 7_100.0, "myopic objective, injection 15");
        b.system.settings.operation = Operation::PerfectForesight;
        let r = solve(&b.system, Prices::MayDiffer);
        assert_close(
            r.objective_keur,
            7_100.0,
            "foresight objective, injection 15",
        );
        // Without the guide the operator stored nothing before day 4 (worth 5, costs 10),
        // then 15 on day 4: 20 375 kEUR (65 GWh short of the target).
    }

    #[test]
    fn invalid_systems_are_reported_with_every_problem() {
        let mut b = Builder::new(3);
        let z = b.zone("DE");
        b.flat_demand(z, 10.0, 500.0);
        b.storage(z, 100.0, 150.0, 10.0, 10.0);
        b.system.demands[0].demand_gwh_d.pop();
        let error = crate::run(&b.system, &gas_lp::NetworkSimplex::default()).unwrap_err();
        let text = error.to_string();
        assert!(text.contains("2 problem(s)"), "{text}");
        assert!(
            text.contains("initial_level_gwh: expected at most working gas 100, found 150"),
            "{text}"
        );
        assert!(
            text.contains("demand_gwh_d: expected 3 daily values, found 2 values"),
            "{text}"
        );
    }

    #[test]
    fn export_mps_names_rows_and_columns_by_their_keys() {
        let mut b = Builder::new(2);
        let a = b.zone("DE");
        let z = b.zone("PL");
        b.flat_demand(z, 10.0, 500.0);
        b.production(a, 20.0, 10.0);
        b.pipeline(a, z, 5.0, 1.0);
        let mut out = Vec::new();
        crate::export_mps(&b.system, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("zone_balance[DE][2022-03-01]"), "{text}");
        assert!(text.contains("pipeline_flow[DE>PL][2022-03-02]"), "{text}");
    }
}
