//! Starting points carried between formulations: the status of each column, matched by
//! key, day by day ([`gas_lp::Basis::from_col_statuses`]).
//!
//! Every window builds a day's columns in the same order with the same keys, so the
//! columns of day `d` in one formulation and of day `d'` in another match position by
//! position (keys equal up to the day); a day whose columns do not match is skipped.

use crate::formulation::Formulation;
use crate::keys::ColKey;
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
///
/// A storage may have more or fewer level segments on one day than on the other (a
/// filling target or a window's filling guide adds a breakpoint): its segments are then
/// matched by position, an extra target segment taking `Lower` (the solver repairs the
/// hint's tree). Any other difference leaves the day unmatched and `out` unchanged.
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
    if from_cols.is_empty() || to_cols.is_empty() {
        return false;
    }
    if from_cols.iter().any(|&a| a as usize >= seed.statuses.len()) {
        return false;
    }
    let Some(pairs) = match_columns(seed.f, from_cols, to, to_cols, to_day) else {
        return false;
    };
    for (a, b) in pairs {
        out[b as usize] = a.map_or(ColStatus::Lower, |a| seed.statuses[a as usize]);
    }
    true
}

/// The source column (if any) of each target column of one day: equal keys in order,
/// with a storage's level segments matched by position when their counts differ.
/// `None` when the days differ otherwise.
fn match_columns(
    from: &Formulation,
    from_cols: &[u32],
    to: &Formulation,
    to_cols: &[u32],
    to_day: usize,
) -> Option<Vec<(Option<u32>, u32)>> {
    let level_of = |key: ColKey| match key {
        ColKey::StorageLevel(s, _, _) => Some(s),
        _ => None,
    };
    // The storage of column `k` of `cols` when it is a level segment after another of the
    // same storage: one that the other day may lack.
    let further_segment = |f: &Formulation, cols: &[u32], k: usize| {
        let storage = level_of(f.cols[cols[k] as usize])?;
        (k > 0 && level_of(f.cols[cols[k - 1] as usize]) == Some(storage)).then_some(storage)
    };
    let mut pairs = Vec::with_capacity(to_cols.len());
    let (mut i, mut j) = (0, 0);
    while j < to_cols.len() {
        let b = to.cols[to_cols[j] as usize];
        let a = from_cols
            .get(i)
            .map(|&a| from.cols[a as usize].with_day(to_day));
        if a == Some(b) {
            pairs.push((Some(from_cols[i]), to_cols[j]));
            i += 1;
            j += 1;
        } else if i < from_cols.len()
            && further_segment(from, from_cols, i).is_some_and(|s| level_of(b) != Some(s))
        {
            i += 1; // a source segment beyond the target's last one for its storage
        } else if further_segment(to, to_cols, j).is_some() {
            pairs.push((None, to_cols[j])); // a target segment beyond the source's last one
            j += 1;
        } else {
            return None;
        }
    }
    // Source columns left over must be further segments too.
    if (i..from_cols.len()).any(|k| further_segment(from, from_cols, k).is_none()) {
        return None;
    }
    Some(pairs)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formulation::build;
    use crate::testing::Builder;
    use crate::{window_input, RunOptions};
    use gas_core::system::FillTarget;
    use gas_core::units::EurPerMwh;

    /// Two days, one storage, a filling target at the end of the second: its level has
    /// one more segment that day than the first.
    fn two_days() -> (Builder, Formulation) {
        let mut b = Builder::new(2);
        let z = b.zone("DE");
        b.flat_demand(z, 20.0, 500.0);
        b.production(z, 30.0, 10.0);
        b.storage(z, 100.0, 50.0, 10.0, 10.0);
        b.system.storages[0].targets = vec![FillTarget {
            date: b.system.period.date(1),
            min_fill: 0.5,
            penalty_eur_mwh: EurPerMwh(300.0),
        }];
        let input = window_input(&b.system, 0..2, vec![50.0], &RunOptions::default());
        let f = build(&b.system, &input);
        (b, f)
    }

    #[test]
    fn level_segments_of_another_count_are_carried_by_position() {
        let (_, f) = two_days();
        let index = DayIndex::new(&f);
        let levels = |day: usize| {
            index
                .day(day)
                .iter()
                .filter(|&&j| matches!(f.cols[j as usize], ColKey::StorageLevel(..)))
                .count()
        };
        assert_eq!((levels(0), levels(1)), (1, 2));
        // Every column of the formulation gets its own status, so carried ones are known.
        let all = [ColStatus::Basic, ColStatus::Upper, ColStatus::Lower];
        let statuses: Vec<ColStatus> = (0..f.cols.len()).map(|j| all[j % 3]).collect();
        let seed = Seed {
            f: &f,
            index: &index,
            statuses: &statuses,
        };
        let status_of = |key: ColKey| {
            let j = f.cols.iter().position(|&k| k == key).unwrap_or(usize::MAX);
            statuses.get(j).copied()
        };
        // Day 2 onto day 1: the second segment has no place and is dropped.
        let mut out = vec![ColStatus::Lower; f.cols.len()];
        assert!(carry_day(&seed, 1, &f, &index, 0, &mut out));
        for &j in index.day(0) {
            let key = f.cols[j as usize];
            assert_eq!(Some(out[j as usize]), status_of(key.with_day(1)), "{key:?}");
        }
        // Day 1 onto day 2: the second segment, which day 1 lacks, is at its lower bound.
        let mut out = vec![ColStatus::Basic; f.cols.len()];
        assert!(carry_day(&seed, 0, &f, &index, 1, &mut out));
        for &j in index.day(1) {
            let key = f.cols[j as usize];
            let expected = match key {
                ColKey::StorageLevel(_, 1, _) => Some(ColStatus::Lower),
                _ => status_of(key.with_day(0)),
            };
            assert_eq!(Some(out[j as usize]), expected, "{key:?}");
        }
    }

    #[test]
    fn days_that_differ_otherwise_are_not_carried() {
        let (_, f) = two_days();
        let index = DayIndex::new(&f);
        let (mut b, _) = two_days();
        let z = gas_core::ZoneId::from_index(0);
        b.production(z, 5.0, 20.0);
        let input = window_input(&b.system, 0..2, vec![50.0], &RunOptions::default());
        let g = build(&b.system, &input);
        let g_index = DayIndex::new(&g);
        let statuses = vec![ColStatus::Basic; f.cols.len()];
        let seed = Seed {
            f: &f,
            index: &index,
            statuses: &statuses,
        };
        let mut out = vec![ColStatus::Lower; g.cols.len()];
        assert!(!carry_day(&seed, 0, &g, &g_index, 0, &mut out));
        assert!(out.iter().all(|&s| s == ColStatus::Lower));
    }
}
