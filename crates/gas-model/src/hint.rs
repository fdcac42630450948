//! Starting points carried between formulations: the status of each column, matched by
//! key, day by day ([`gas_lp::Basis::from_col_statuses`]).
//!
//! Every window builds a day's columns in the same order with the same keys, so the
//! columns of day `d` in one formulation and of day `d'` in another match position by
//! position (keys equal up to the day); a day whose columns do not match is skipped.

use crate::formulation::Formulation;
use gas_lp::ColStatus;

/// The columns of each formulated day, in column order.
pub(crate) struct DayIndex {
    start: usize,
    /// `cols[offsets[i]..offsets[i + 1]]` are the columns of day `start + i`.
    offsets: Vec<usize>,
    cols: Vec<u32>,
}

impl DayIndex {
    /// Groups the columns of `f` by day (a counting sort, column order kept).
    pub(crate) fn new(f: &Formulation) -> DayIndex {
        let start = f.days.start;
        let days = f.days.len();
        let mut offsets = vec![0usize; days + 1];
        for key in &f.cols {
            offsets[key.day() - start + 1] += 1;
        }
        for i in 0..days {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut cols = vec![0u32; f.cols.len()];
        for (j, key) in f.cols.iter().enumerate() {
            let slot = key.day() - start;
            cols[fill[slot]] = j as u32;
            fill[slot] += 1;
        }
        DayIndex {
            start,
            offsets,
            cols,
        }
    }

    /// The index of a formulation rebuilt in place ([`crate::formulation::rebuild`]) for
    /// days starting at `start`: the columns keep their positions, only the days move.
    pub(crate) fn move_to(&mut self, start: usize) {
        self.start = start;
    }

    /// The columns of `day` (empty outside the formulated days).
    fn day(&self, day: usize) -> &[u32] {
        match day.checked_sub(self.start) {
            Some(slot) if slot + 1 < self.offsets.len() => {
                &self.cols[self.offsets[slot]..self.offsets[slot + 1]]
            }
            _ => &[],
        }
    }
}

/// A solved formulation whose column statuses can seed another.
pub(crate) struct Seed<'a> {
    pub f: &'a Formulation,
    pub index: &'a DayIndex,
    pub statuses: &'a [ColStatus],
}

/// Copies the statuses of day `from_day` of `seed` onto the columns of day `to_day` of
/// `to` (indexed by `to_index`). Returns whether the day's columns matched.
pub(crate) fn carry_day(
    seed: &Seed<'_>,
    from_day: usize,
    to: &Formulation,
    to_index: &DayIndex,
    to_day: usize,
    out: &mut [ColStatus],
) -> bool {
    let from_cols = seed.index.day(from_day);
    let to_cols = to_index.day(to_day);
    if from_cols.len() != to_cols.len() || from_cols.is_empty() {
        return false;
    }
    let same = from_cols.iter().zip(to_cols).all(|(&a, &b)| {
        seed.f.cols[a as usize].with_day(to_day) == to.cols[b as usize]
            && (a as usize) < seed.statuses.len()
    });
    if !same {
        return false;
    }
    for (&a, &b) in from_cols.iter().zip(to_cols) {
        out[b as usize] = seed.statuses[a as usize];
    }
    true
}

/// The hint for the next rolling window `to` from the solved window `seed`: days both
/// formulate keep their statuses; each later day takes those of the day `shift` days
/// earlier in `seed` (the same position from the window end).
pub(crate) fn shifted(
    seed: &Seed<'_>,
    to: &Formulation,
    to_index: &DayIndex,
    shift: usize,
) -> Vec<ColStatus> {
    let mut out = vec![ColStatus::Lower; to.cols.len()];
    for day in to.days.clone() {
        let from_day = if seed.f.days.contains(&day) {
            day
        } else {
            day.saturating_sub(shift)
        };
        carry_day(seed, from_day, to, to_index, day, &mut out);
    }
    out
}
