//! The modelled period: a first gas day and a number of consecutive days.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// A run of consecutive calendar days, `start` included, `days` long.
///
/// Days are indexed `0..days`; day `t` is `start + t`. Every daily series of a
/// [`crate::system::System`] has exactly `days` entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// The first day.
    pub start: NaiveDate,
    /// How many days, at least one.
    pub days: usize,
}

impl Period {
    /// The period from `start` to `end`, both included; `None` when `end` is before `start`.
    pub fn from_dates(start: NaiveDate, end: NaiveDate) -> Option<Period> {
        let days = (end - start).num_days();
        if days < 0 {
            return None;
        }
        Some(Period {
            start,
            days: days as usize + 1,
        })
    }

    /// The date of day index `day`.
    pub fn date(&self, day: usize) -> NaiveDate {
        self.start + Duration::days(day as i64)
    }

    /// The last day of the period.
    pub fn end(&self) -> NaiveDate {
        self.date(self.days.saturating_sub(1))
    }

    /// The day index of `date`, or `None` if the date is outside the period.
    pub fn index_of(&self, date: NaiveDate) -> Option<usize> {
        let offset = (date - self.start).num_days();
        if offset < 0 || offset as usize >= self.days {
            None
        } else {
            Some(offset as usize)
        }
    }

    /// All dates of the period in order.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        (0..self.days).map(|day| self.date(day))
    }
}

/// Number of days in a calendar month (`month` 1-12); 30 for an impossible month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    match (next, NaiveDate::from_ymd_opt(year, month, 1)) {
        (Some(next), Some(first)) => (next - first).num_days() as u32,
        _ => 30,
    }
}

/// True when `date` lies in the validity window `[from, to]` (a missing end is open).
pub fn in_window(date: NaiveDate, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    from.is_none_or(|from| date >= from) && to.is_none_or(|to| date <= to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_lengths_and_windows() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2022, 12), 31);
        assert_eq!(days_in_month(2022, 13), 30);
        let day = NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
        assert!(in_window(day, None, None));
        assert!(in_window(day, Some(day), Some(day)));
        assert!(!in_window(day, None, NaiveDate::from_ymd_opt(2022, 5, 31)));
    }

    #[test]
    fn period_counts_both_ends() {
        let start = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2022, 12, 31).unwrap();
        let period = Period::from_dates(start, end).unwrap();
        assert_eq!(period.days, 365);
        assert_eq!(period.end(), end);
        assert_eq!(
            period.index_of(NaiveDate::from_ymd_opt(2022, 2, 24).unwrap()),
            Some(54)
        );
        assert_eq!(
            period.index_of(NaiveDate::from_ymd_opt(2023, 1, 1).unwrap()),
            None
        );
        assert!(Period::from_dates(end, start).is_none());
    }
}
