//! Checks a [`System`] before it is dispatched.
//!
//! [`validate`] collects every problem it finds (it does not stop at the first)
//! and names each one by component, day, field, what was expected and what was
//! found, e.g. `storage UGS-DE, 2022-03-01: floor_gwh: expected at most working gas
//! 1000, found 1200`.
//!
//! What is checked:
//! - the period has at least one day and every daily series has exactly `period.days` values;
//! - every id (zone, origin) is in range;
//! - every number is finite; capacities, demands, floors and shares are non-negative;
//! - minimum flows do not exceed capacities (route, LNG tranche, LNG terminal, production);
//! - fill-curve points have fills strictly increasing in `[0, 1]` and non-negative finite factors;
//! - curtailment shares are in `[0, 1]` and sum to at most 1;
//! - the initial storage level and each floor lie within `[0, working gas]`;
//! - filling targets lie inside the period with `min_fill` in `[0, 1]`;
//! - a rolling horizon has `1 <= commit_days <= window_days`.
//!
//! ```
//! use gas_core::validate::validate;
//! use gas_core::{Period, System};
//! use gas_core::system::DispatchSettings;
//! use chrono::NaiveDate;
//! let system = System {
//!     period: Period { start: NaiveDate::from_ymd_opt(2022, 1, 1).unwrap(), days: 0 },
//!     zones: vec![], origins: vec![], pipelines: vec![], routes: vec![],
//!     lng_terminals: vec![], lng_supplies: vec![], production: vec![],
//!     storages: vec![], demands: vec![], settings: DispatchSettings::default(),
//! };
//! let errors = validate(&system).unwrap_err();
//! assert_eq!(errors.0.len(), 1);
//! assert_eq!(errors.0[0].field, "period.days");
//! ```

use crate::period::Period;
use crate::system::{FillCurve, Operation, System};
use chrono::NaiveDate;
use std::fmt;

/// One problem found in a [`System`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// The component, e.g. `storage UGS-DE` or `pipeline DE>PL`.
    pub component: String,
    /// The day concerned, for daily series.
    pub date: Option<NaiveDate>,
    /// The field, e.g. `capacity_gwh_d`.
    pub field: String,
    /// What was expected.
    pub expected: String,
    /// What was found.
    pub found: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.component)?;
        if let Some(date) = self.date {
            write!(f, ", {date}")?;
        }
        write!(
            f,
            ": {}: expected {}, found {}",
            self.field, self.expected, self.found
        )
    }
}

/// Every problem found in a [`System`] (never empty when returned as an error).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ValidationErrors(pub Vec<ValidationError>);

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} problem(s) in the system", self.0.len())?;
        for error in &self.0 {
            write!(f, "\n  {error}")?;
        }
        Ok(())
    }
}

struct Checker {
    period: Period,
    errors: Vec<ValidationError>,
}

impl Checker {
    fn push(
        &mut self,
        component: &str,
        date: Option<NaiveDate>,
        field: &str,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) {
        self.errors.push(ValidationError {
            component: component.to_string(),
            date,
            field: field.to_string(),
            expected: expected.into(),
            found: found.into(),
        });
    }

    /// A finite number `>= min`.
    fn number(
        &mut self,
        component: &str,
        date: Option<NaiveDate>,
        field: &str,
        value: f64,
        min: Option<f64>,
    ) {
        if !value.is_finite() {
            self.push(component, date, field, "a finite number", value.to_string());
        } else if let Some(min) = min {
            if value < min {
                let expected = if min == 0.0 {
                    "a non-negative number".to_string()
                } else {
                    format!("at least {min}")
                };
                self.push(component, date, field, expected, value.to_string());
            }
        }
    }

    /// A daily series of the right length, finite, `>= min` if given. Returns whether the length is right.
    fn series(&mut self, component: &str, field: &str, values: &[f64], min: Option<f64>) -> bool {
        if values.len() != self.period.days {
            self.push(
                component,
                None,
                field,
                format!("{} daily values", self.period.days),
                format!("{} values", values.len()),
            );
            return false;
        }
        for (day, &value) in values.iter().enumerate() {
            // The date only for a value that is reported (dates are slow to compute).
            if !value.is_finite() || min.is_some_and(|min| value < min) {
                let date = Some(self.period.date(day));
                self.number(component, date, field, value, min);
            }
        }
        true
    }

    /// `min[t] <= max[t]` for each day (both series already checked for length).
    fn min_le_max(
        &mut self,
        component: &str,
        min_field: &str,
        min: &[f64],
        max_field: &str,
        max: &[f64],
    ) {
        for (day, (&lo, &hi)) in min.iter().zip(max).enumerate() {
            if lo > hi {
                let date = Some(self.period.date(day));
                self.push(
                    component,
                    date,
                    min_field,
                    format!("at most {max_field} {hi}"),
                    lo.to_string(),
                );
            }
        }
    }

    fn id(&mut self, component: &str, field: &str, index: usize, count: usize) {
        if index >= count {
            self.push(
                component,
                None,
                field,
                format!("an index below {count}"),
                index.to_string(),
            );
        }
    }

    fn curve(&mut self, component: &str, field: &str, curve: &FillCurve) {
        if curve.points.is_empty() {
            self.push(
                component,
                None,
                field,
                "at least one (fill, factor) point",
                "none",
            );
        }
        let mut previous: Option<f64> = None;
        for &(fill, factor) in &curve.points {
            if !fill.is_finite() || !(0.0..=1.0).contains(&fill) {
                self.push(
                    component,
                    None,
                    field,
                    "fill fractions in [0, 1]",
                    fill.to_string(),
                );
            } else if let Some(prev) = previous {
                if fill <= prev {
                    self.push(
                        component,
                        None,
                        field,
                        format!("fill fractions strictly increasing (after {prev})"),
                        fill.to_string(),
                    );
                }
            }
            if !factor.is_finite() || factor < 0.0 {
                self.push(
                    component,
                    None,
                    field,
                    "non-negative finite factors",
                    factor.to_string(),
                );
            }
            previous = Some(fill);
        }
    }
}

fn values<T: Copy>(series: &[T], get: impl Fn(T) -> f64) -> Vec<f64> {
    series.iter().map(|&v| get(v)).collect()
}

/// Checks `system`; `Err` lists every problem found.
pub fn validate(system: &System) -> Result<(), ValidationErrors> {
    let mut c = Checker {
        period: system.period,
        errors: Vec::new(),
    };
    if system.period.days == 0 {
        c.push("period", None, "period.days", "at least one day", "0");
    }
    let zones = system.zones.len();
    let origins = system.origins.len();
    let zone_code = |index: usize| {
        system
            .zones
            .get(index)
            .map_or_else(|| format!("#{index}"), |zone| zone.code.clone())
    };

    for (p, pipeline) in system.pipelines.iter().enumerate() {
        let name = format!("pipeline {} (#{p})", pipeline.code);
        c.id(&name, "from", pipeline.from.index(), zones);
        c.id(&name, "to", pipeline.to.index(), zones);
        if pipeline.from == pipeline.to {
            c.push(
                &name,
                None,
                "to",
                "a zone other than `from`",
                zone_code(pipeline.to.index()),
            );
        }
        c.series(
            &name,
            "capacity_gwh_d",
            &values(&pipeline.capacity_gwh_d, |v| v.0),
            Some(0.0),
        );
        c.number(
            &name,
            None,
            "tariff_eur_mwh",
            pipeline.tariff_eur_mwh.0,
            None,
        );
    }

    for (r, route) in system.routes.iter().enumerate() {
        let name = format!("route {} (#{r})", route.code);
        c.id(&name, "origin", route.origin.index(), origins);
        c.id(&name, "entry", route.entry.index(), zones);
        let cap = values(&route.capacity_gwh_d, |v| v.0);
        let min = values(&route.min_flow_gwh_d, |v| v.0);
        let ok_cap = c.series(&name, "capacity_gwh_d", &cap, Some(0.0));
        let ok_min = c.series(&name, "min_flow_gwh_d", &min, Some(0.0));
        if ok_cap && ok_min {
            c.min_le_max(&name, "min_flow_gwh_d", &min, "capacity_gwh_d", &cap);
        }
        c.series(
            &name,
            "price_eur_mwh",
            &values(&route.price_eur_mwh, |v| v.0),
            None,
        );
    }

    for (l, terminal) in system.lng_terminals.iter().enumerate() {
        let name = format!("lng terminal {} (#{l})", terminal.code);
        c.id(&name, "zone", terminal.zone.index(), zones);
        let cap = values(&terminal.sendout_capacity_gwh_d, |v| v.0);
        let min = values(&terminal.min_sendout_gwh_d, |v| v.0);
        let ok_cap = c.series(&name, "sendout_capacity_gwh_d", &cap, Some(0.0));
        let ok_min = c.series(&name, "min_sendout_gwh_d", &min, Some(0.0));
        if ok_cap && ok_min {
            c.min_le_max(
                &name,
                "min_sendout_gwh_d",
                &min,
                "sendout_capacity_gwh_d",
                &cap,
            );
        }
    }

    for (l, supply) in system.lng_supplies.iter().enumerate() {
        let origin = system
            .origins
            .get(supply.origin.index())
            .map_or_else(|| format!("#{}", supply.origin.0), |o| o.code.clone());
        let name = format!("lng supply {origin} (#{l})");
        c.id(&name, "origin", supply.origin.index(), origins);
        for (k, tranche) in supply.tranches.iter().enumerate() {
            let cap = values(&tranche.capacity_gwh_d, |v| v.0);
            let min = values(&tranche.min_gwh_d, |v| v.0);
            let cap_field = format!("tranches[{k}].capacity_gwh_d");
            let min_field = format!("tranches[{k}].min_gwh_d");
            let ok_cap = c.series(&name, &cap_field, &cap, Some(0.0));
            let ok_min = c.series(&name, &min_field, &min, Some(0.0));
            if ok_cap && ok_min {
                c.min_le_max(&name, &min_field, &min, &cap_field, &cap);
            }
            let price_field = format!("tranches[{k}].price_eur_mwh");
            c.series(
                &name,
                &price_field,
                &values(&tranche.price_eur_mwh, |v| v.0),
                None,
            );
        }
    }

    for (p, production) in system.production.iter().enumerate() {
        let name = format!("production {} (#{p})", zone_code(production.zone.index()));
        c.id(&name, "zone", production.zone.index(), zones);
        let max = values(&production.max_gwh_d, |v| v.0);
        let min = values(&production.min_gwh_d, |v| v.0);
        let ok_max = c.series(&name, "max_gwh_d", &max, Some(0.0));
        let ok_min = c.series(&name, "min_gwh_d", &min, Some(0.0));
        if ok_max && ok_min {
            c.min_le_max(&name, "min_gwh_d", &min, "max_gwh_d", &max);
        }
        c.series(
            &name,
            "price_eur_mwh",
            &values(&production.price_eur_mwh, |v| v.0),
            None,
        );
    }

    for (s, storage) in system.storages.iter().enumerate() {
        let name = format!("storage {} (#{s})", storage.code);
        c.id(&name, "zone", storage.zone.index(), zones);
        let working = storage.working_gas_gwh.0;
        c.number(&name, None, "working_gas_gwh", working, Some(0.0));
        let initial = storage.initial_level_gwh.0;
        c.number(&name, None, "initial_level_gwh", initial, Some(0.0));
        if initial.is_finite() && working.is_finite() && initial > working {
            c.push(
                &name,
                None,
                "initial_level_gwh",
                format!("at most working gas {working}"),
                initial.to_string(),
            );
        }
        c.series(
            &name,
            "injection_capacity_gwh_d",
            &values(&storage.injection_capacity_gwh_d, |v| v.0),
            Some(0.0),
        );
        c.series(
            &name,
            "withdrawal_capacity_gwh_d",
            &values(&storage.withdrawal_capacity_gwh_d, |v| v.0),
            Some(0.0),
        );
        c.curve(&name, "withdrawal_curve", &storage.withdrawal_curve);
        c.curve(&name, "injection_curve", &storage.injection_curve);
        let floor = values(&storage.floor_gwh, |v| v.0);
        if c.series(&name, "floor_gwh", &floor, Some(0.0)) {
            for (day, &f) in floor.iter().enumerate() {
                if f.is_finite() && working.is_finite() && f > working {
                    let date = Some(c.period.date(day));
                    c.push(
                        &name,
                        date,
                        "floor_gwh",
                        format!("at most working gas {working}"),
                        f.to_string(),
                    );
                }
            }
        }
        c.series(
            &name,
            "value_eur_mwh",
            &values(&storage.value_eur_mwh, |v| v.0),
            None,
        );
        for (k, target) in storage.targets.iter().enumerate() {
            let field = format!("targets[{k}]");
            if system.period.index_of(target.date).is_none() {
                c.push(
                    &name,
                    Some(target.date),
                    &format!("{field}.date"),
                    format!(
                        "a day from {} to {}",
                        system.period.start,
                        system.period.end()
                    ),
                    target.date.to_string(),
                );
            }
            if !target.min_fill.is_finite() || !(0.0..=1.0).contains(&target.min_fill) {
                c.push(
                    &name,
                    Some(target.date),
                    &format!("{field}.min_fill"),
                    "a fraction in [0, 1]",
                    target.min_fill.to_string(),
                );
            }
            c.number(
                &name,
                Some(target.date),
                &format!("{field}.penalty_eur_mwh"),
                target.penalty_eur_mwh.0,
                Some(0.0),
            );
        }
    }

    for (d, demand) in system.demands.iter().enumerate() {
        let name = format!(
            "demand {} {} (#{d})",
            zone_code(demand.zone.index()),
            demand.sector
        );
        c.id(&name, "zone", demand.zone.index(), zones);
        c.series(
            &name,
            "demand_gwh_d",
            &values(&demand.demand_gwh_d, |v| v.0),
            Some(0.0),
        );
        let mut total = vec![0.0; c.period.days];
        for (k, tranche) in demand.curtailment.iter().enumerate() {
            let field = format!("curtailment[{k}].share_by_day");
            if c.series(&name, &field, &tranche.share_by_day, Some(0.0)) {
                match tranche.share_by_day.iter().position(|s| *s > 1.0) {
                    Some(day) => c.push(
                        &name,
                        Some(c.period.date(day)),
                        &field,
                        "a fraction in [0, 1]",
                        tranche.share_by_day[day].to_string(),
                    ),
                    None => total
                        .iter_mut()
                        .zip(&tranche.share_by_day)
                        .for_each(|(t, s)| *t += s),
                }
            }
            c.number(
                &name,
                None,
                &format!("curtailment[{k}].penalty_eur_mwh"),
                tranche.penalty_eur_mwh.0,
                None,
            );
        }
        if let Some(day) = total.iter().position(|t| *t > 1.0 + 1e-9) {
            c.push(
                &name,
                Some(c.period.date(day)),
                "curtailment.share_by_day",
                "shares summing to at most 1 on each day",
                total[day].to_string(),
            );
        }
    }

    c.number(
        "settings",
        None,
        "storage_cycle_cost_eur_mwh",
        system.settings.storage_cycle_cost_eur_mwh.0,
        Some(0.0),
    );
    if let Operation::RollingHorizon {
        window_days,
        commit_days,
    } = system.settings.operation
    {
        if commit_days == 0 || commit_days > window_days {
            c.push(
                "settings",
                None,
                "operation.commit_days",
                format!("between 1 and window_days ({window_days})"),
                commit_days.to_string(),
            );
        }
    }

    if c.errors.is_empty() {
        Ok(())
    } else {
        Err(ValidationErrors(c.errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ZoneId;
    use crate::system::{DispatchSettings, Pipeline, Zone};
    use crate::units::{EurPerMwh, GwhPerDay};

    /// Germany alone over 1-2 March 2022, nothing else.
    fn germany_over_two_days() -> System {
        System {
            period: Period {
                start: NaiveDate::from_ymd_opt(2022, 3, 1).unwrap(),
                days: 2,
            },
            zones: vec![Zone {
                code: "DE".into(),
                name: "Germany".into(),
            }],
            origins: vec![],
            pipelines: vec![],
            routes: vec![],
            lng_terminals: vec![],
            lng_supplies: vec![],
            production: vec![],
            storages: vec![],
            demands: vec![],
            settings: DispatchSettings::default(),
        }
    }

    #[test]
    fn collects_every_problem_with_its_location() {
        let mut system = germany_over_two_days();
        system.pipelines.push(Pipeline {
            code: "DE>PL".into(),
            from: ZoneId(0),
            to: ZoneId(5),
            capacity_gwh_d: vec![GwhPerDay(1.0), GwhPerDay(-3.0)],
            tariff_eur_mwh: EurPerMwh(f64::NAN),
        });
        let errors = validate(&system).unwrap_err().0;
        // to out of range, negative capacity on day 2, NaN tariff.
        assert_eq!(errors.len(), 3, "{errors:?}");
        let text = errors[1].to_string();
        assert_eq!(
            text,
            "pipeline DE>PL (#0), 2022-03-02: capacity_gwh_d: expected a non-negative number, found -3"
        );
    }

    #[test]
    fn curtailment_shares_are_checked_day_by_day() {
        use crate::system::{CurtailmentTranche, Demand};
        use crate::Sector;
        let step = |share_by_day: Vec<f64>| CurtailmentTranche {
            label: "step".into(),
            share_by_day,
            penalty_eur_mwh: EurPerMwh(100.0),
        };
        // Day 2: 0.6 + 0.5 = 1.1 > 1; the second demand's step has one value for two days.
        let mut system = germany_over_two_days();
        system.demands = vec![
            Demand {
                zone: ZoneId(0),
                sector: Sector::Power,
                demand_gwh_d: vec![GwhPerDay(10.0); 2],
                curtailment: vec![step(vec![0.0, 0.6]), step(vec![1.0, 0.5])],
            },
            Demand {
                zone: ZoneId(0),
                sector: Sector::Industry,
                demand_gwh_d: vec![GwhPerDay(10.0); 2],
                curtailment: vec![step(vec![1.0])],
            },
        ];
        let errors = validate(&system).unwrap_err().0;
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(
            errors[0].to_string(),
            "demand DE power (#0), 2022-03-02: curtailment.share_by_day: expected shares summing to at most 1 on each day, found 1.1"
        );
        assert_eq!(errors[1].field, "curtailment[0].share_by_day");
    }
}
