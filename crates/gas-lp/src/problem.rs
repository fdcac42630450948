//! The solver-neutral LP: columns, rows, coefficients and an objective to minimise.

use crate::ProblemError;

/// Bounds of magnitude at least this are treated as infinite by every backend.
///
/// (HiGHS uses the same threshold by default.)
pub const INFINITY_THRESHOLD: f64 = 1e20;

/// A column (variable) of a [`Problem`]: an index, in the order of [`Problem::add_col`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Col(pub u32);

/// A row (constraint) of a [`Problem`]: an index, in the order of [`Problem::add_row`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Row(pub u32);

/// A linear program in minimisation form:
///
/// ```text
/// minimise    Σ_j cost_j · x_j + offset
/// subject to  row_lower_i ≤ Σ_j a_ij · x_j ≤ row_upper_i   for every row i
///             col_lower_j ≤ x_j ≤ col_upper_j                for every column j
/// ```
///
/// Bounds may be `±f64::INFINITY` (any magnitude ≥ [`INFINITY_THRESHOLD`] counts as
/// infinite). A row with equal bounds is an equality.
///
/// Builder methods never panic. A call with a row or column that does not exist is
/// recorded and reported by [`Problem::validate`] (which every solver calls first);
/// so are NaN values and crossed bounds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Problem {
    col_lower: Vec<f64>,
    col_upper: Vec<f64>,
    col_cost: Vec<f64>,
    /// Column-wise coefficients, in order of first insertion.
    col_entries: Vec<Entries>,
    row_lower: Vec<f64>,
    row_upper: Vec<f64>,
    nonzeros: usize,
    offset: f64,
    first_error: Option<ProblemError>,
}

impl Problem {
    /// An empty problem.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty problem with room for `cols` columns, `rows` rows and `nonzeros` coefficients.
    pub fn with_capacity(cols: usize, rows: usize, nonzeros: usize) -> Self {
        let _ = nonzeros; // coefficients are stored per column
        Problem {
            col_lower: Vec::with_capacity(cols),
            col_upper: Vec::with_capacity(cols),
            col_cost: Vec::with_capacity(cols),
            col_entries: Vec::with_capacity(cols),
            row_lower: Vec::with_capacity(rows),
            row_upper: Vec::with_capacity(rows),
            ..Self::default()
        }
    }

    fn record(&mut self, error: ProblemError) {
        if self.first_error.is_none() {
            self.first_error = Some(error);
        }
    }

    fn check_col(&mut self, method: &'static str, col: Col) -> bool {
        let ok = (col.0 as usize) < self.col_cost.len();
        if !ok {
            let num_cols = self.col_cost.len();
            self.record(ProblemError::NoSuchCol {
                method,
                col,
                num_cols,
            });
        }
        ok
    }

    fn check_row(&mut self, method: &'static str, row: Row) -> bool {
        let ok = (row.0 as usize) < self.row_lower.len();
        if !ok {
            let num_rows = self.row_lower.len();
            self.record(ProblemError::NoSuchRow {
                method,
                row,
                num_rows,
            });
        }
        ok
    }

    /// Adds a column `lower ≤ x ≤ upper` with objective coefficient `cost`.
    pub fn add_col(&mut self, lower: f64, upper: f64, cost: f64) -> Col {
        let index = self.col_cost.len();
        if index >= u32::MAX as usize {
            self.record(ProblemError::TooLarge { what: "columns" });
            return Col(u32::MAX);
        }
        self.col_lower.push(lower);
        self.col_upper.push(upper);
        self.col_cost.push(cost);
        self.col_entries.push(Entries::default());
        Col(index as u32)
    }

    /// Adds a row `lower ≤ Σ a_j x_j ≤ upper` (an equality when `lower == upper`).
    pub fn add_row(&mut self, lower: f64, upper: f64) -> Row {
        let index = self.row_lower.len();
        if index >= u32::MAX as usize {
            self.record(ProblemError::TooLarge { what: "rows" });
            return Row(u32::MAX);
        }
        self.row_lower.push(lower);
        self.row_upper.push(upper);
        Row(index as u32)
    }

    /// Adds `value` to the coefficient of `col` in `row` (creating the entry if needed).
    ///
    /// Cost: linear in the number of entries already in the column.
    pub fn set_coef(&mut self, row: Row, col: Col, value: f64) {
        if !self.check_row("set_coef", row) || !self.check_col("set_coef", col) {
            return;
        }
        let entries = &mut self.col_entries[col.0 as usize];
        match entries.as_mut_slice().iter_mut().find(|(r, _)| *r == row) {
            Some(entry) => entry.1 += value,
            None => {
                entries.push((row, value));
                self.nonzeros += 1;
            }
        }
    }

    /// Replaces the bounds of a column.
    pub fn set_col_bounds(&mut self, col: Col, lower: f64, upper: f64) {
        if self.check_col("set_col_bounds", col) {
            self.col_lower[col.0 as usize] = lower;
            self.col_upper[col.0 as usize] = upper;
        }
    }

    /// Replaces the objective coefficient of a column.
    pub fn set_col_cost(&mut self, col: Col, cost: f64) {
        if self.check_col("set_col_cost", col) {
            self.col_cost[col.0 as usize] = cost;
        }
    }

    /// Replaces the bounds of a row.
    pub fn set_row_bounds(&mut self, row: Row, lower: f64, upper: f64) {
        if self.check_row("set_row_bounds", row) {
            self.row_lower[row.0 as usize] = lower;
            self.row_upper[row.0 as usize] = upper;
        }
    }

    /// Adds a constant to the objective (reported in [`crate::Solution::objective`]).
    pub fn add_objective_offset(&mut self, offset: f64) {
        self.offset += offset;
    }

    /// Replaces the constant term of the objective.
    pub fn set_objective_offset(&mut self, offset: f64) {
        self.offset = offset;
    }

    /// The constant term of the objective.
    pub fn objective_offset(&self) -> f64 {
        self.offset
    }

    /// Number of columns.
    pub fn num_cols(&self) -> usize {
        self.col_cost.len()
    }

    /// Number of rows.
    pub fn num_rows(&self) -> usize {
        self.row_lower.len()
    }

    /// Number of stored coefficients (explicit zeros included).
    pub fn num_nonzeros(&self) -> usize {
        self.nonzeros
    }

    /// Bounds of a column; `(NaN, NaN)` for a column that does not exist.
    pub fn col_bounds(&self, col: Col) -> (f64, f64) {
        let j = col.0 as usize;
        match (self.col_lower.get(j), self.col_upper.get(j)) {
            (Some(&l), Some(&u)) => (l, u),
            _ => (f64::NAN, f64::NAN),
        }
    }

    /// Objective coefficient of a column; NaN for a column that does not exist.
    pub fn col_cost(&self, col: Col) -> f64 {
        self.col_cost
            .get(col.0 as usize)
            .copied()
            .unwrap_or(f64::NAN)
    }

    /// Bounds of a row; `(NaN, NaN)` for a row that does not exist.
    pub fn row_bounds(&self, row: Row) -> (f64, f64) {
        let i = row.0 as usize;
        match (self.row_lower.get(i), self.row_upper.get(i)) {
            (Some(&l), Some(&u)) => (l, u),
            _ => (f64::NAN, f64::NAN),
        }
    }

    /// The coefficients of a column, in order of first insertion (empty for a column
    /// that does not exist).
    pub fn col_coefs(&self, col: Col) -> &[(Row, f64)] {
        self.col_entries
            .get(col.0 as usize)
            .map(Entries::as_slice)
            .unwrap_or(&[])
    }

    /// The coefficient of `col` in `row` (0 when there is no entry).
    pub fn coef(&self, row: Row, col: Col) -> f64 {
        self.col_coefs(col)
            .iter()
            .find(|(r, _)| *r == row)
            .map_or(0.0, |&(_, v)| v)
    }

    /// `Σ_j a_ij · x_j` for every row, given one value per column (missing values count as 0).
    pub fn row_activities(&self, col_values: &[f64]) -> Vec<f64> {
        let mut activity = vec![0.0; self.num_rows()];
        for (entries, &x) in self.col_entries.iter().zip(col_values) {
            for &(row, a) in entries.as_slice() {
                activity[row.0 as usize] += a * x;
            }
        }
        activity
    }

    /// `Σ_j cost_j · x_j + offset`.
    pub fn objective_value(&self, col_values: &[f64]) -> f64 {
        self.col_cost
            .iter()
            .zip(col_values)
            .fold(
                self.offset,
                |acc, (&c, &x)| if c == 0.0 { acc } else { acc + c * x },
            )
    }

    /// Checks the problem: NaN or infinite costs (a magnitude of at least
    /// [`INFINITY_THRESHOLD`] counts as infinite, as for bounds), coefficients and offset; NaN bounds,
    /// a lower bound of `+inf` or an upper bound of `-inf`; crossed bounds; and any
    /// builder call that named a row or column that did not exist.
    ///
    /// ```
    /// use gas_lp::{Problem, ProblemError};
    /// let mut p = Problem::new();
    /// let x = p.add_col(2.0, 1.0, 0.0);
    /// assert!(matches!(p.validate(), Err(ProblemError::ColBoundsCrossed { .. })));
    /// p.set_col_bounds(x, 0.0, 1.0);
    /// assert!(p.validate().is_ok());
    /// ```
    pub fn validate(&self) -> Result<(), ProblemError> {
        if let Some(error) = &self.first_error {
            return Err(error.clone());
        }
        if !self.offset.is_finite() {
            return Err(ProblemError::InvalidOffset {
                offset: self.offset,
            });
        }
        for j in 0..self.num_cols() {
            let col = Col(j as u32);
            let (lower, upper, cost) = (self.col_lower[j], self.col_upper[j], self.col_cost[j]);
            if bounds_invalid(lower, upper) {
                return Err(ProblemError::InvalidColBounds { col, lower, upper });
            }
            if lower > upper {
                return Err(ProblemError::ColBoundsCrossed { col, lower, upper });
            }
            if !cost.is_finite() || is_infinite(cost) {
                return Err(ProblemError::InvalidCost { col, cost });
            }
            for &(row, value) in self.col_entries[j].as_slice() {
                if !value.is_finite() {
                    return Err(ProblemError::InvalidCoefficient { row, col, value });
                }
            }
        }
        for i in 0..self.num_rows() {
            let row = Row(i as u32);
            let (lower, upper) = (self.row_lower[i], self.row_upper[i]);
            if bounds_invalid(lower, upper) {
                return Err(ProblemError::InvalidRowBounds { row, lower, upper });
            }
            if lower > upper {
                return Err(ProblemError::RowBoundsCrossed { row, lower, upper });
            }
        }
        Ok(())
    }
}

/// The coefficients of one column: up to two inline (every network column), more on the
/// heap, so that building a large network LP does not allocate once per column.
#[derive(Debug, Clone)]
enum Entries {
    Inline { len: u8, items: [(Row, f64); 2] },
    Heap(Vec<(Row, f64)>),
}

impl Default for Entries {
    fn default() -> Self {
        Entries::Inline {
            len: 0,
            items: [(Row(0), 0.0); 2],
        }
    }
}

impl PartialEq for Entries {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Entries {
    fn as_slice(&self) -> &[(Row, f64)] {
        match self {
            Entries::Inline { len, items } => &items[..*len as usize],
            Entries::Heap(items) => items,
        }
    }

    fn as_mut_slice(&mut self) -> &mut [(Row, f64)] {
        match self {
            Entries::Inline { len, items } => &mut items[..*len as usize],
            Entries::Heap(items) => items,
        }
    }

    fn push(&mut self, entry: (Row, f64)) {
        match self {
            Entries::Inline { len, items } if (*len as usize) < items.len() => {
                items[*len as usize] = entry;
                *len += 1;
            }
            Entries::Inline { items, .. } => {
                let mut heap = items.to_vec();
                heap.push(entry);
                *self = Entries::Heap(heap);
            }
            Entries::Heap(items) => items.push(entry),
        }
    }
}

fn bounds_invalid(lower: f64, upper: f64) -> bool {
    lower.is_nan() || upper.is_nan() || lower >= INFINITY_THRESHOLD || upper <= -INFINITY_THRESHOLD
}

/// `true` when `value` counts as `+inf` or `-inf` (magnitude ≥ [`INFINITY_THRESHOLD`]).
pub(crate) fn is_infinite(value: f64) -> bool {
    value.abs() >= INFINITY_THRESHOLD
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_coef_adds_to_existing_entry() {
        let mut p = Problem::new();
        let x = p.add_col(0.0, 1.0, 1.0);
        let r = p.add_row(0.0, 0.0);
        p.set_coef(r, x, 1.0);
        p.set_coef(r, x, 2.5);
        assert_eq!(p.coef(r, x), 3.5);
        assert_eq!(p.num_nonzeros(), 1);
    }

    #[test]
    fn a_cost_of_infinite_magnitude_is_invalid_as_a_bound_would_be_infinite() {
        // 1e25 next to unit costs left the network simplex's optimality tolerance
        // (relative to the largest cost) at 1e16: it reported a wrong optimum.
        let mut p = Problem::new();
        let r = p.add_row(0.0, 1.0);
        let x = p.add_col(0.0, 1.0, 1e25);
        p.set_coef(r, x, 1.0);
        assert!(matches!(
            p.validate(),
            Err(ProblemError::InvalidCost { .. })
        ));
        p.set_col_cost(x, -1e20);
        assert!(matches!(
            p.validate(),
            Err(ProblemError::InvalidCost { .. })
        ));
        p.set_col_cost(x, 1e19);
        assert!(p.validate().is_ok());
    }

    #[test]
    fn bad_indices_are_reported_not_panicked() {
        let mut p = Problem::new();
        p.set_coef(Row(3), Col(0), 1.0);
        p.set_col_cost(Col(7), 1.0);
        assert!(p.col_cost(Col(7)).is_nan());
        assert!(matches!(p.validate(), Err(ProblemError::NoSuchRow { .. })));
    }

    #[test]
    fn nan_and_infinite_values_are_rejected() {
        let mut p = Problem::new();
        let x = p.add_col(0.0, f64::INFINITY, f64::NAN);
        assert!(matches!(
            p.validate(),
            Err(ProblemError::InvalidCost { .. })
        ));
        p.set_col_cost(x, 1.0);
        p.set_col_bounds(x, f64::INFINITY, f64::INFINITY);
        assert!(matches!(
            p.validate(),
            Err(ProblemError::InvalidColBounds { .. })
        ));
        p.set_col_bounds(x, 0.0, 1.0);
        let r = p.add_row(f64::NEG_INFINITY, f64::NEG_INFINITY);
        assert!(matches!(
            p.validate(),
            Err(ProblemError::InvalidRowBounds { .. })
        ));
        p.set_row_bounds(r, 1.0, 0.0);
        assert!(matches!(
            p.validate(),
            Err(ProblemError::RowBoundsCrossed { .. })
        ));
        p.set_row_bounds(r, 0.0, 1.0);
        p.set_coef(r, x, f64::INFINITY);
        assert!(matches!(
            p.validate(),
            Err(ProblemError::InvalidCoefficient { .. })
        ));
    }
}
