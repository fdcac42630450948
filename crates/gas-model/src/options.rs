//! Options of a run that are about the method, not the system.

/// How fill-dependent injection and withdrawal limits enter the dispatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FillCurveMode {
    /// Monotone successive refinement (default; every backend, including the
    /// network simplex). Each storage-day's capacity starts at nominal × the
    /// largest curve factor (day one of a window: × the factor at the known
    /// initial fill); after each solve, a day's capacity is lowered to
    /// `min(cap, nominal × curve(fill at the start of that day in the solution))`
    /// (from each storage's first violated day on, [`RunOptions::refine_span_days`]
    /// days per pass) and the LP re-solved from the previous basis, until no capacity falls by
    /// more than [`RunOptions::cap_tolerance_gwh_d`] or [`RunOptions::max_passes`]
    /// is reached. Capacities only fall, so the loop ends; the final dispatch
    /// satisfies the curves at its own levels (within the tolerance) and is
    /// feasible, possibly slightly conservative against the exact LP.
    #[default]
    Refine,
    /// Exact: one row `flow(t) − a_k · level(t−1) <= b_k` per curve segment and
    /// day. Needs a general LP solver (HiGHS); the network simplex rejects it and
    /// [`crate::run_with`] returns [`crate::RunError::NeedsGeneralLp`].
    Exact,
    /// Ignore the curves: nominal capacities throughout (for comparisons).
    Ignore,
}

/// Method options of [`crate::run_with`]. `RunOptions::default()` gives:
///
/// | field | default |
/// | --- | --- |
/// | `fill_curves` | [`FillCurveMode::Refine`] |
/// | `max_passes` | 100 (solves per window, fill curves and national-first refinements together) |
/// | `refine_span_days` | `usize::MAX` (all days of the window in each pass) |
/// | `cap_tolerance_gwh_d` | 0.01 GWh/d |
/// | `solidarity_tolerance_gwh_d` | 1e-6 GWh/d (curtailment and net export that count as positive) |
/// | `warm_start` | `true` (re-solve from the previous basis, across passes and windows) |
/// | `time_limit_seconds` | `None` (per solve) |
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunOptions {
    /// How fill curves enter the dispatch.
    pub fill_curves: FillCurveMode,
    /// Most solves of one window (the first solve included).
    pub max_passes: usize,
    /// Days refined per pass from each storage's first violated day (a larger span
    /// needs fewer passes but is more conservative).
    pub refine_span_days: usize,
    /// A capacity lowered by less than this (GWh/d) ends the fill-curve refinement.
    pub cap_tolerance_gwh_d: f64,
    /// Curtailment and net export above this (GWh/d) count in the national-first refinement.
    pub solidarity_tolerance_gwh_d: f64,
    /// Start each solve from the basis of the previous one, when the solver offers it.
    pub warm_start: bool,
    /// Time limit of each solve, seconds.
    pub time_limit_seconds: Option<f64>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            fill_curves: FillCurveMode::Refine,
            max_passes: 100,
            refine_span_days: usize::MAX,
            cap_tolerance_gwh_d: 0.01,
            solidarity_tolerance_gwh_d: 1e-6,
            warm_start: true,
            time_limit_seconds: None,
        }
    }
}
