//! Error types: malformed problems and solver failures.
//!
//! A solver *outcome* such as "infeasible" is not an error: see [`crate::Status`].

use crate::{Col, Row};

/// A problem that cannot be solved as stated (found by [`crate::Problem::validate`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProblemError {
    /// A column bound is NaN, or the lower bound is `+inf`, or the upper bound is `-inf`.
    #[error("column {}: invalid bounds [{lower}, {upper}]", col.0)]
    InvalidColBounds {
        /// The offending column.
        col: Col,
        /// Its lower bound.
        lower: f64,
        /// Its upper bound.
        upper: f64,
    },
    /// A column's lower bound exceeds its upper bound.
    #[error("column {}: lower bound {lower} exceeds upper bound {upper}", col.0)]
    ColBoundsCrossed {
        /// The offending column.
        col: Col,
        /// Its lower bound.
        lower: f64,
        /// Its upper bound.
        upper: f64,
    },
    /// A row bound is NaN, or the lower bound is `+inf`, or the upper bound is `-inf`.
    #[error("row {}: invalid bounds [{lower}, {upper}]", row.0)]
    InvalidRowBounds {
        /// The offending row.
        row: Row,
        /// Its lower bound.
        lower: f64,
        /// Its upper bound.
        upper: f64,
    },
    /// A row's lower bound exceeds its upper bound.
    #[error("row {}: lower bound {lower} exceeds upper bound {upper}", row.0)]
    RowBoundsCrossed {
        /// The offending row.
        row: Row,
        /// Its lower bound.
        lower: f64,
        /// Its upper bound.
        upper: f64,
    },
    /// A column cost is NaN or infinite (magnitude ≥ [`crate::INFINITY_THRESHOLD`], as for
    /// bounds).
    #[error("column {}: cost must be finite (below 1e20 in magnitude), found {cost}", col.0)]
    InvalidCost {
        /// The offending column.
        col: Col,
        /// The cost found.
        cost: f64,
    },
    /// A constraint coefficient is NaN or infinite.
    #[error("row {}, column {}: coefficient must be finite, found {value}", row.0, col.0)]
    InvalidCoefficient {
        /// The row of the entry.
        row: Row,
        /// The column of the entry.
        col: Col,
        /// The value found.
        value: f64,
    },
    /// The objective offset is NaN or infinite.
    #[error("objective offset must be finite, found {offset}")]
    InvalidOffset {
        /// The offset found.
        offset: f64,
    },
    /// A method was called with a column that does not exist.
    #[error("{method}: column {} does not exist (the problem has {num_cols} columns)", col.0)]
    NoSuchCol {
        /// The method called.
        method: &'static str,
        /// The column passed.
        col: Col,
        /// How many columns the problem had.
        num_cols: usize,
    },
    /// A method was called with a row that does not exist.
    #[error("{method}: row {} does not exist (the problem has {num_rows} rows)", row.0)]
    NoSuchRow {
        /// The method called.
        method: &'static str,
        /// The row passed.
        row: Row,
        /// How many rows the problem had.
        num_rows: usize,
    },
    /// More than `u32::MAX` rows or columns.
    #[error("too many {what}: at most {} are supported", u32::MAX)]
    TooLarge {
        /// "rows" or "columns".
        what: &'static str,
    },
}

/// Why a solver could not produce a [`crate::Solution`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SolveError {
    /// The problem failed [`crate::Problem::validate`].
    #[error("invalid problem: {0}")]
    InvalidProblem(#[from] ProblemError),
    /// The network simplex was given a matrix that is not a node–arc incidence matrix.
    #[error("not a network: column {}{}: {reason}", col.0, row.map(|r| format!(", row {}", r.0)).unwrap_or_default())]
    NotANetwork {
        /// The row of the offending entry, when one entry is at fault.
        row: Option<Row>,
        /// The offending column.
        col: Col,
        /// What is wrong with it.
        reason: String,
    },
    /// The backend failed for another reason (message from the backend).
    #[error("solver backend failed: {0}")]
    Backend(String),
}
