//! Pipeline origins deliver what they delivered, not their routes' technical
//! capacity.
//!
//! A pipeline origin without a producer zone of its own (Russia, Algeria,
//! Libya, Azerbaijan; Norway is capped by its production figure instead) has
//! its routes' capacity scaled, day by day, so that together they carry at most
//! the origin's **mean observed daily delivery over the 365 days before the
//! period** (`route_flows_daily.csv`: the `ORIGIN:<id>` series where the
//! dataset has one, else the sum of the origin's route series). When fewer than
//! 180 of those days have data, the first 365 days of the series are used
//! instead. Events and measures then act on the capped routes; a measure that
//! adds volume from an origin can still use the headroom up to the technical
//! capacity.

use chrono::{Duration, NaiveDate};
use gas_core::dataset::Dataset;
use std::collections::BTreeMap;

/// Days of history needed before the period; with fewer, the series' first year is used.
pub const MIN_HISTORY_DAYS: usize = 180;

/// An origin's observed deliveries.
#[derive(Debug, Clone, PartialEq)]
pub struct ObservedDeliveries {
    /// Mean daily delivery over the window, GWh/d.
    pub mean_gwh_d: f64,
    /// First and last day of the window.
    pub window: (NaiveDate, NaiveDate),
    /// Days with data in the window.
    pub days: usize,
}

/// Mean observed daily delivery of `origin` (via its `ORIGIN:` series, else the
/// sum of `route_codes`' series) before `start`, or `None` when the dataset has no
/// series for it.
pub fn observed_deliveries(
    dataset: &Dataset,
    origin: &str,
    route_codes: &[&str],
    start: NaiveDate,
) -> Option<ObservedDeliveries> {
    let origin_series = format!("ORIGIN:{origin}");
    let has_origin_series = dataset
        .route_flows_daily
        .iter()
        .any(|f| f.route == origin_series);
    let mut daily: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    for flow in &dataset.route_flows_daily {
        let counts = if has_origin_series {
            flow.route == origin_series
        } else {
            route_codes.contains(&flow.route.as_str())
        };
        if counts && flow.flow_gwh_d.value().is_finite() {
            *daily.entry(flow.date).or_default() += flow.flow_gwh_d.value().max(0.0);
        }
    }
    let first = *daily.keys().next()?;
    let before = (start - Duration::days(365), start - Duration::days(1));
    let in_window = |from: NaiveDate, to: NaiveDate| -> Vec<f64> {
        daily.range(from..=to).map(|(_, v)| *v).collect()
    };
    let mut window = before;
    let mut values = in_window(before.0, before.1);
    if values.len() < MIN_HISTORY_DAYS {
        window = (first, first + Duration::days(364));
        values = in_window(window.0, window.1);
    }
    if values.is_empty() {
        return None;
    }
    Some(ObservedDeliveries {
        mean_gwh_d: values.iter().sum::<f64>() / values.len() as f64,
        window,
        days: values.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use gas_core::dataset::RouteFlowRecord;
    use gas_core::units::GwhPerDay;

    fn flow(route: &str, date: NaiveDate, gwh_d: f64) -> RouteFlowRecord {
        RouteFlowRecord {
            date,
            route: route.into(),
            flow_gwh_d: GwhPerDay(gwh_d),
            flow_mcm_d: 0.0,
            source: "test".into(),
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_year_before_the_period_or_else_the_first_year_of_data() {
        let mut dataset = Dataset::default();
        // 400 days from 2021-01-01: 100 GWh/d, then 200 GWh/d from 2021-07-01 (day 181).
        for day in 0..400 {
            let d = date(2021, 1, 1) + Duration::days(day);
            let value = if d < date(2021, 7, 1) { 100.0 } else { 200.0 };
            dataset.route_flows_daily.push(flow("TAP", d, value));
        }
        // Period from 2022-01-01: the year 2021 (181 days at 100, 184 at 200).
        let got = observed_deliveries(&dataset, "AZ", &["TAP"], date(2022, 1, 1)).unwrap();
        assert_eq!(got.days, 365);
        assert!((got.mean_gwh_d - (181.0 * 100.0 + 184.0 * 200.0) / 365.0).abs() < 1e-9);
        // Period from 2021-03-01: 59 days before it, too few; the first 365 days instead.
        let early = observed_deliveries(&dataset, "AZ", &["TAP"], date(2021, 3, 1)).unwrap();
        assert_eq!(early.window, (date(2021, 1, 1), date(2021, 12, 31)));
        // An ORIGIN: series wins over the route series; no series at all gives None.
        dataset
            .route_flows_daily
            .push(flow("ORIGIN:AZ", date(2021, 12, 31), 50.0));
        let origin = observed_deliveries(&dataset, "AZ", &["TAP"], date(2022, 1, 1)).unwrap();
        assert_eq!((origin.days, origin.mean_gwh_d), (1, 50.0));
        assert!(observed_deliveries(&dataset, "LY", &["GREENSTREAM"], date(2022, 1, 1)).is_none());
    }
}
