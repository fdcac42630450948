//! The LP of one solve window and its assembler.
//!
//! `build` (crate-private; public as [`crate::formulate`]) reads as the list of components: each `add_*` function lives in
//! the component's module, adds its own columns (and rows, for storage) and
//! touches only the zone balance ([`Balance`]) and the objective (column costs
//! and [`Formulation::add_offset`]).

use crate::keys::{ColKey, RowKey};
use crate::options::FillCurveMode;
use gas_core::{StorageId, System, ZoneId};
use gas_lp::{Col, Problem, Row};
use std::ops::Range;

/// A formulated window: the LP plus the typed key of each column and row.
#[derive(Debug, Clone)]
pub struct Formulation {
    /// The linear program (costs in EUR/MWh on GWh columns: objective in kEUR).
    pub problem: Problem,
    /// Key of each column, indexed by `Col.0`.
    pub cols: Vec<ColKey>,
    /// Key of each row, indexed by `Row.0`.
    pub rows: Vec<RowKey>,
    /// The days formulated (indices into the system's period).
    pub days: Range<usize>,
    /// The part of each column's cost that is the terminal value of storage at
    /// the window end (counted in the run's objective only at the period end).
    pub(crate) terminal_cost: Vec<(Col, f64)>,
    /// Objective offsets by day (filling targets), counted for committed days.
    pub(crate) offsets: Vec<(usize, f64)>,
    /// The part of each column's cost that is the penalty of a filling guide
    /// ([`crate::storage::filling_guide`]): an operating rule, left out of the run's
    /// objective.
    pub(crate) guide_cost: Vec<(Col, f64)>,
    /// The objective offsets of filling guides by day, left out of the run's objective.
    pub(crate) guide_offsets: Vec<(usize, f64)>,
    /// Withdrawal column of each storage and window day, `[storage][day - start]`.
    pub(crate) withdrawal: Vec<Vec<Col>>,
    /// Injection column of each storage and window day.
    pub(crate) injection: Vec<Vec<Col>>,
    /// Level segment columns of each storage and window day.
    pub(crate) level: Vec<Vec<Vec<Col>>>,
    /// National-first: the local-to-hub column of each zone and window day.
    pub(crate) local_to_hub: Vec<Vec<Col>>,
    /// Storage-days whose floor was out of reach from the window's initial level and
    /// was lowered to the reachable level, `(storage, day)` (see [`crate::storage`]).
    pub(crate) floor_capped: Vec<(usize, usize)>,
    /// While [`rebuild`] overwrites this formulation: where it has got to.
    rewrite: Option<Cursor>,
}

/// Progress of [`rebuild`]: the next column and row to overwrite, and whether every one
/// so far had the structure of the one it overwrote.
#[derive(Debug, Clone)]
struct Cursor {
    col: usize,
    row: usize,
    same: bool,
}

impl Formulation {
    fn new(days: Range<usize>, cols: usize, rows: usize) -> Formulation {
        Formulation {
            problem: Problem::with_capacity(cols, rows, 2 * cols),
            cols: Vec::with_capacity(cols),
            rows: Vec::with_capacity(rows),
            days,
            terminal_cost: Vec::new(),
            offsets: Vec::new(),
            guide_cost: Vec::new(),
            guide_offsets: Vec::new(),
            withdrawal: Vec::new(),
            injection: Vec::new(),
            level: Vec::new(),
            local_to_hub: Vec::new(),
            floor_capped: Vec::new(),
            rewrite: None,
        }
    }

    /// Adds a column `lower <= x <= upper` with cost `cost` (EUR/MWh).
    pub fn add_col(&mut self, key: ColKey, lower: f64, upper: f64, cost: f64) -> Col {
        if let Some(cursor) = &mut self.rewrite {
            let j = cursor.col;
            cursor.col += 1;
            if j < self.cols.len() {
                let col = Col(j as u32);
                self.cols[j] = key;
                self.problem.set_col_bounds(col, lower, upper);
                self.problem.set_col_cost(col, cost);
            } else {
                cursor.same = false;
            }
            return Col(j as u32);
        }
        self.cols.push(key);
        self.problem.add_col(lower, upper, cost)
    }

    /// Adds an arc column: leaves `from` (coefficient −1), enters `to` (+1);
    /// `None` is the ground (outside the network).
    pub fn add_arc(
        &mut self,
        key: ColKey,
        from: Option<Row>,
        to: Option<Row>,
        lower: f64,
        upper: f64,
        cost: f64,
    ) -> Col {
        let col = self.add_col(key, lower, upper, cost);
        if let Some(cursor) = &mut self.rewrite {
            // The column must have the coefficients `set_coef` would have given it.
            let mut expected = [(Row(0), 0.0); 2];
            let mut len = 0;
            for (row, value) in [(from, -1.0), (to, 1.0)] {
                let Some(row) = row else { continue };
                match expected[..len].iter_mut().find(|(r, _)| *r == row) {
                    Some(entry) => entry.1 += value,
                    None => {
                        expected[len] = (row, value);
                        len += 1;
                    }
                }
            }
            if cursor.same && self.problem.col_coefs(col) != &expected[..len] {
                cursor.same = false;
            }
            return col;
        }
        if let Some(from) = from {
            self.problem.set_coef(from, col, -1.0);
        }
        if let Some(to) = to {
            self.problem.set_coef(to, col, 1.0);
        }
        col
    }

    /// Adds a row `lower <= Σ a x <= upper`.
    pub fn add_row(&mut self, key: RowKey, lower: f64, upper: f64) -> Row {
        if let Some(cursor) = &mut self.rewrite {
            let i = cursor.row;
            cursor.row += 1;
            if i < self.rows.len() {
                self.rows[i] = key;
                self.problem.set_row_bounds(Row(i as u32), lower, upper);
            } else {
                cursor.same = false;
            }
            return Row(i as u32);
        }
        self.rows.push(key);
        self.problem.add_row(lower, upper)
    }

    /// Adds a constant to the objective, attributed to `day` (kEUR).
    pub fn add_offset(&mut self, day: usize, offset: f64) {
        self.problem.add_objective_offset(offset);
        self.offsets.push((day, offset));
    }

    /// The objective of the days `committed` (a sub-range of the window) from a
    /// primal solution, in kEUR; `period_end` adds the terminal value of storage.
    pub(crate) fn committed_objective(
        &self,
        col_values: &[f64],
        committed: &Range<usize>,
        period_end: bool,
    ) -> f64 {
        let mut total = 0.0;
        for (j, key) in self.cols.iter().enumerate() {
            if committed.contains(&key.day()) {
                let cost = self.problem.col_cost(Col(j as u32));
                let x = col_values.get(j).copied().unwrap_or(0.0);
                if cost != 0.0 {
                    total += cost * x;
                }
            }
        }
        for &(col, terminal) in &self.terminal_cost {
            let x = col_values.get(col.0 as usize).copied().unwrap_or(0.0);
            let day = self.cols[col.0 as usize].day();
            if committed.contains(&day) && !period_end {
                // Remove the terminal value of a window end that is not the period end.
                total -= terminal * x;
            }
        }
        for &(day, offset) in &self.offsets {
            if committed.contains(&day) {
                total += offset;
            }
        }
        // Filling guides are an operating rule of windowed operation, not a cost.
        for &(col, guide) in &self.guide_cost {
            let x = col_values.get(col.0 as usize).copied().unwrap_or(0.0);
            if committed.contains(&self.cols[col.0 as usize].day()) {
                total -= guide * x;
            }
        }
        for &(day, offset) in &self.guide_offsets {
            if committed.contains(&day) {
                total -= offset;
            }
        }
        total
    }
}

/// The zone balance rows of a window: the only rows shared between components.
///
/// Cooperative: one row per zone-day, `inflow − outflow = demand`. National-first:
/// a hub row (pipelines attach) and a local row (the zone's own supply, storage
/// and demand attach) per zone-day; in cooperative mode the two are the same row.
#[derive(Debug, Clone)]
pub struct Balance {
    start: usize,
    days: usize,
    hub: Vec<Row>,
    local: Vec<Row>,
    /// Demand on each local row (its right-hand side), set by [`crate::demand`].
    pub(crate) demand: Vec<f64>,
}

impl Balance {
    fn index(&self, zone: ZoneId, day: usize) -> usize {
        zone.index() * self.days + (day - self.start)
    }

    /// The row pipelines attach to.
    pub fn hub(&self, zone: ZoneId, day: usize) -> Row {
        self.hub[self.index(zone, day)]
    }

    /// The row the zone's own supply, storage and demand attach to.
    pub fn local(&self, zone: ZoneId, day: usize) -> Row {
        self.local[self.index(zone, day)]
    }

    /// Number of zones.
    pub fn zones(&self) -> usize {
        self.demand.len().checked_div(self.days).unwrap_or(0)
    }

    /// Adds `amount` GWh/d of demand to the local row of `zone` on `day`.
    pub fn add_demand(&mut self, zone: ZoneId, day: usize, amount: f64) {
        let i = self.index(zone, day);
        self.demand[i] += amount;
    }
}

/// Everything that changes from one window (or one refinement pass) to the next.
#[derive(Debug, Clone)]
pub struct WindowInput {
    /// Days formulated.
    pub days: Range<usize>,
    /// Storage level at the start of the window, `[storage]`, GWh.
    pub initial_level: Vec<f64>,
    /// Withdrawal capacity in force, `[storage][day - start]`, GWh/d.
    pub withdrawal_cap: Vec<Vec<f64>>,
    /// Injection capacity in force, `[storage][day - start]`, GWh/d.
    pub injection_cap: Vec<Vec<f64>>,
    /// How fill curves enter the LP.
    pub curve_mode: FillCurveMode,
    /// Split zones into hub and local nodes.
    pub national_first: bool,
    /// National-first: zone-days whose local node may not export, `[zone][day - start]`.
    pub no_export: Vec<Vec<bool>>,
}

/// Builds the LP of one window: the assembler.
pub(crate) fn build(system: &System, input: &WindowInput) -> Formulation {
    let days = input.days.clone();
    let n = days.len();
    let estimate_cols = n
        * (system.pipelines.len()
            + system.routes.len()
            + system.lng_terminals.len()
            + system.production.len()
            + 4 * system.storages.len()
            + 4 * system.demands.len()
            + 12);
    let estimate_rows = n * (2 * system.zones.len() + system.storages.len() + 1);
    let mut f = Formulation::new(days, estimate_cols, estimate_rows);
    assemble(&mut f, system, input);
    f
}

/// Overwrites `f` with the LP of `input`'s window in place, keeping its columns, rows and
/// coefficients and writing only keys, bounds, costs and right-hand sides. Returns
/// `false` when the window's LP has another structure (then `f` is left half written and
/// must be built again with [`build`]); always `false` for exact fill-curve rows.
///
/// A window of the same length as `f`'s usually has the same structure; one whose days
/// include a filling target where `f`'s did not (or the reverse) does not.
pub(crate) fn rebuild(f: &mut Formulation, system: &System, input: &WindowInput) -> bool {
    if input.curve_mode == FillCurveMode::Exact || f.days.len() != input.days.len() {
        return false;
    }
    f.days = input.days.clone();
    f.terminal_cost.clear();
    f.offsets.clear();
    f.guide_cost.clear();
    f.guide_offsets.clear();
    f.problem.set_objective_offset(0.0);
    f.rewrite = Some(Cursor {
        col: 0,
        row: 0,
        same: true,
    });
    assemble(f, system, input);
    let cursor = f.rewrite.take();
    cursor.is_some_and(|c| c.same && c.col == f.cols.len() && c.row == f.rows.len())
}

/// Adds every component to the empty (or rewritten) formulation `f`.
fn assemble(f: &mut Formulation, system: &System, input: &WindowInput) {
    let mut balance = crate::zone_balance::add_zone_balance(f, system, input);
    crate::pipeline::add_pipelines(f, system, &mut balance);
    crate::route::add_routes(f, system, &mut balance);
    crate::lng::add_lng(f, system, &mut balance);
    crate::production::add_production(f, system, &mut balance);
    crate::storage::add_storage(f, system, input, &mut balance);
    crate::demand::add_demand(f, system, &mut balance);
    crate::zone_balance::finish_zone_balance(f, &balance);
}

/// Creates the balance rows (called by [`crate::zone_balance::add_zone_balance`]).
pub(crate) fn new_balance(f: &mut Formulation, system: &System, national_first: bool) -> Balance {
    let start = f.days.start;
    let days = f.days.len();
    let zones = system.zones.len();
    let mut hub = Vec::with_capacity(zones * days);
    let mut local = Vec::with_capacity(zones * days);
    for z in 0..zones {
        let zone = ZoneId::from_index(z);
        for day in f.days.clone() {
            let row = f.add_row(RowKey::ZoneBalance(zone, day), 0.0, 0.0);
            hub.push(row);
            if national_first {
                local.push(f.add_row(RowKey::ZoneLocalBalance(zone, day), 0.0, 0.0));
            } else {
                local.push(row);
            }
        }
    }
    Balance {
        start,
        days,
        hub,
        local,
        demand: vec![0.0; zones * days],
    }
}

/// Storage ids in order.
pub(crate) fn storage_ids(system: &System) -> impl Iterator<Item = StorageId> + '_ {
    (0..system.storages.len()).map(StorageId::from_index)
}

#[cfg(test)]
mod tests {
    use super::{build, rebuild};
    use crate::{window_input, FillCurveMode, RunOptions};
    use gas_core::system::Solidarity;

    /// A formulation rewritten in place for another window is the one [`build`] gives,
    /// whenever [`rebuild`] accepts it (windows crossing a filling-target day have
    /// another structure and are refused).
    #[test]
    fn a_rebuilt_window_is_the_built_one() {
        for national_first in [false, true] {
            let mut system = crate::synthetic::europe_with(
                3,
                crate::synthetic::Shape {
                    zones: 8,
                    days: 400, // a filling target on day 396
                    extra_links: 4,
                },
            );
            if national_first {
                system.settings.solidarity = Solidarity::NationalFirst;
            }
            let options = RunOptions {
                fill_curves: FillCurveMode::Refine,
                ..RunOptions::default()
            };
            let level: Vec<f64> = system
                .storages
                .iter()
                .enumerate()
                .map(|(s, st)| st.initial_level_gwh.0 * (0.5 + 0.1 * s as f64).min(1.0))
                .collect();
            let (mut accepted, mut refused) = (0, 0);
            for length in [1, 9] {
                let first = window_input(&system, 0..length, level.clone(), &options);
                let mut f = build(&system, &first);
                for start in (3..system.period.days - length).step_by(5) {
                    let input =
                        window_input(&system, start..start + length, level.clone(), &options);
                    let fresh = build(&system, &input);
                    if !rebuild(&mut f, &system, &input) {
                        refused += 1;
                        f = fresh;
                        continue;
                    }
                    accepted += 1;
                    assert_eq!(f.problem, fresh.problem, "window from day {start}");
                    assert_eq!(f.cols, fresh.cols);
                    assert_eq!(f.rows, fresh.rows);
                    assert_eq!(f.days, fresh.days);
                    assert_eq!(f.terminal_cost, fresh.terminal_cost);
                    assert_eq!(f.offsets, fresh.offsets);
                    assert_eq!(f.guide_cost, fresh.guide_cost);
                    assert_eq!(f.guide_offsets, fresh.guide_offsets);
                    assert_eq!(f.withdrawal, fresh.withdrawal);
                    assert_eq!(f.injection, fresh.injection);
                    assert_eq!(f.level, fresh.level);
                    assert_eq!(f.local_to_hub, fresh.local_to_hub);
                }
            }
            assert!(accepted > 100 && refused > 0, "{accepted} {refused}");
        }
    }
}
