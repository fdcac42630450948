//! The settings of a web run, parsed and checked from the query string.
//!
//! Every bad parameter is answered with a [`ParamError`] naming the
//! parameter, what was expected and what was found.

use chrono::NaiveDate;
use std::fmt;

/// A parameter that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    /// The parameter name.
    pub param: String,
    /// What was expected.
    pub expected: String,
    /// What was found (truncated to 80 characters).
    pub found: String,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "parameter `{}`: expected {}, found \"{}\"",
            self.param, self.expected, self.found
        )
    }
}

/// A [`ParamError`]; `found` is cut to 80 characters.
pub(crate) fn error(param: &str, expected: impl Into<String>, found: &str) -> ParamError {
    let found: String = found.chars().take(80).collect();
    ParamError {
        param: param.to_string(),
        expected: expected.into(),
        found,
    }
}

/// How the engine looks ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// As the scenario file says.
    Scenario,
    /// One LP over the whole period.
    PerfectForesight,
    /// 30-day windows, 7 days kept from each.
    RollingHorizon,
    /// Day by day.
    Myopic,
}

impl Mode {
    /// The query-string word.
    pub fn code(self) -> &'static str {
        match self {
            Mode::Scenario => "scenario",
            Mode::PerfectForesight => "perfect_foresight",
            Mode::RollingHorizon => "rolling_horizon",
            Mode::Myopic => "myopic",
        }
    }

    /// Every mode.
    pub const ALL: [Mode; 4] = [
        Mode::Scenario,
        Mode::PerfectForesight,
        Mode::RollingHorizon,
        Mode::Myopic,
    ];
}

/// Upper bound of `extra_lng` (GWh/d): about 200 bcm/y, more than the world can ship to Europe.
pub const MAX_EXTRA_LNG_GWH_D: f64 = 6000.0;

/// The settings of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct RunParams {
    /// Scenario id (file stem in `scenarios/`).
    pub scenario: String,
    /// Package ids (file stems in `packages/`), applied in order.
    pub packages: Vec<String>,
    /// First day of the extra cut-off of Russian pipeline routes (default: the period start).
    pub cutoff_date: Option<NaiveDate>,
    /// Share of Russian pipeline capacity cut, `[0, 1]` (0: no extra event).
    pub cutoff_share: f64,
    /// Demand reduction in every EU zone and sector, `[0, 1]`.
    pub demand_reduction: f64,
    /// Extra US LNG, GWh/d, `[0, MAX_EXTRA_LNG_GWH_D]`.
    pub extra_lng_gwh_d: f64,
    /// EU-wide starting storage fill, `[0, 1]`; `None`: as the scenario says.
    pub start_fill: Option<f64>,
    /// Operation mode.
    pub mode: Mode,
    /// Also run without the packages to price them.
    pub compare: bool,
}

/// The parameter names accepted.
pub const NAMES: [&str; 9] = [
    "scenario",
    "packages",
    "cutoff_date",
    "cutoff_share",
    "demand_reduction",
    "extra_lng",
    "start_fill",
    "mode",
    "compare",
];

fn number(param: &str, text: &str, lo: f64, hi: f64, what: &str) -> Result<f64, ParamError> {
    let expected = format!("{what} between {lo} and {hi}");
    match text.trim().parse::<f64>() {
        Ok(value) if value.is_finite() && value >= lo && value <= hi => Ok(value),
        _ => Err(error(param, expected, text)),
    }
}

/// Checks an id: letters, digits, `-`, `_` and `.` only, at most 100 characters.
fn id(param: &str, text: &str, known: &[String]) -> Result<String, ParamError> {
    if known.iter().any(|k| k == text) {
        Ok(text.to_string())
    } else {
        Err(error(param, format!("one of {}", known.join(", ")), text))
    }
}

impl RunParams {
    /// Parses query pairs. `scenarios` and `packages` are the ids the server knows.
    pub fn parse(
        pairs: &[(String, String)],
        scenarios: &[String],
        packages: &[String],
    ) -> Result<RunParams, ParamError> {
        let mut params = RunParams {
            scenario: scenarios.first().cloned().unwrap_or_default(),
            packages: Vec::new(),
            cutoff_date: None,
            cutoff_share: 0.0,
            demand_reduction: 0.0,
            extra_lng_gwh_d: 0.0,
            start_fill: None,
            mode: Mode::Scenario,
            compare: false,
        };
        let mut seen: Vec<&str> = Vec::new();
        for (key, value) in pairs {
            let Some(name) = NAMES.iter().find(|n| **n == key.as_str()) else {
                return Err(error(
                    key,
                    format!("a known parameter ({})", NAMES.join(", ")),
                    key,
                ));
            };
            if seen.contains(name) {
                return Err(error(key, "the parameter at most once", value));
            }
            seen.push(name);
            let value = value.as_str();
            match *name {
                "scenario" => params.scenario = id(name, value, scenarios)?,
                "packages" => {
                    params.packages = value
                        .split(',')
                        .filter(|p| !p.is_empty())
                        .map(|p| id(name, p, packages))
                        .collect::<Result<_, _>>()?;
                    if params.packages.len() > 10 {
                        return Err(error(name, "at most 10 packages", value));
                    }
                }
                "cutoff_date" if !value.is_empty() => {
                    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
                        .ok()
                        .filter(|d| (2000..=2100).contains(&chrono::Datelike::year(d)));
                    params.cutoff_date = Some(date.ok_or_else(|| {
                        error(name, "a date YYYY-MM-DD between 2000 and 2100", value)
                    })?);
                }
                "cutoff_share" => params.cutoff_share = number(name, value, 0.0, 1.0, "a share")?,
                "demand_reduction" => {
                    params.demand_reduction = number(name, value, 0.0, 1.0, "a share")?
                }
                "extra_lng" => {
                    params.extra_lng_gwh_d = number(name, value, 0.0, MAX_EXTRA_LNG_GWH_D, "GWh/d")?
                }
                "start_fill" => {
                    params.start_fill = if value.is_empty() || value == "scenario" {
                        None
                    } else {
                        Some(number(
                            name,
                            value,
                            0.0,
                            1.0,
                            "a fill share (or `scenario`)",
                        )?)
                    }
                }
                "mode" => {
                    params.mode = Mode::ALL
                        .into_iter()
                        .find(|m| m.code() == value)
                        .ok_or_else(|| {
                            error(
                                name,
                                "one of scenario, perfect_foresight, rolling_horizon, myopic",
                                value,
                            )
                        })?
                }
                "compare" => {
                    params.compare = match value {
                        "1" | "true" => true,
                        "0" | "false" | "" => false,
                        _ => return Err(error(name, "1 or 0", value)),
                    }
                }
                _ => {}
            }
        }
        if params.scenario.is_empty() {
            return Err(error("scenario", "a scenario (none is installed)", ""));
        }
        Ok(params)
    }

    /// The canonical query string (fixed order), used for sharing and caching.
    pub fn canonical(&self) -> String {
        format!(
            "scenario={}&packages={}&cutoff_date={}&cutoff_share={}&demand_reduction={}&extra_lng={}&start_fill={}&mode={}&compare={}",
            self.scenario,
            self.packages.join(","),
            self.cutoff_date.map(|d| d.to_string()).unwrap_or_default(),
            self.cutoff_share,
            self.demand_reduction,
            self.extra_lng_gwh_d,
            self.start_fill.map(|f| f.to_string()).unwrap_or_default(),
            self.mode.code(),
            u8::from(self.compare)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn parse(list: &[(&str, &str)]) -> Result<RunParams, ParamError> {
        RunParams::parse(&pairs(list), &["a".into(), "b".into()], &["p".into()])
    }

    #[test]
    fn good_parameters() {
        let p = parse(&[
            ("scenario", "b"),
            ("packages", "p"),
            ("cutoff_share", "0.5"),
            ("mode", "myopic"),
        ]);
        let p = p.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.scenario, "b");
        assert_eq!(p.packages, vec!["p"]);
        assert_eq!(p.mode, Mode::Myopic);
        assert!(p.canonical().starts_with("scenario=b&packages=p&"));
    }

    #[test]
    fn bad_parameters_name_what_was_expected() {
        let cases = [
            (("cutoff_share", "abc"), "parameter `cutoff_share`: expected a share between 0 and 1, found \"abc\""),
            (("cutoff_share", "NaN"), "parameter `cutoff_share`: expected a share between 0 and 1, found \"NaN\""),
            (("extra_lng", "-1"), "parameter `extra_lng`: expected GWh/d between 0 and 6000, found \"-1\""),
            (("scenario", "../etc"), "parameter `scenario`: expected one of a, b, found \"../etc\""),
            (("cutoff_date", "2022-13-01"), "parameter `cutoff_date`: expected a date YYYY-MM-DD between 2000 and 2100, found \"2022-13-01\""),
            (("mode", "fast"), "parameter `mode`: expected one of scenario, perfect_foresight, rolling_horizon, myopic, found \"fast\""),
            (("bogus", "1"), "parameter `bogus`: expected a known parameter (scenario, packages, cutoff_date, cutoff_share, demand_reduction, extra_lng, start_fill, mode, compare), found \"bogus\""),
        ];
        for ((key, value), message) in cases {
            let err = parse(&[(key, value)]).err().map(|e| e.to_string());
            assert_eq!(err.as_deref(), Some(message));
        }
    }
}
