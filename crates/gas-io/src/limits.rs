//! Plausible ranges of the physical quantities of a dataset.
//!
//! A figure outside its range is an error when a dataset is loaded (and so in
//! `gasbuffer data check`): such a value is a typing or unit slip (TWh for GWh,
//! a stray exponent), and left in it would reach the model as a meaningless or
//! infinite bound (1e308 TWh of working gas is infinite in GWh). The bounds are
//! wide, several times the largest real figure (the EU27 as a whole), so that
//! no real zone, route or year comes near them.
//!
//! | quantity | columns | range |
//! |---|---|---|
//! | storage volume | `storage.csv` `working_gas_twh`; `storage_levels.csv` `gas_in_storage_twh`, `working_gas_twh` | 0 – [`STORAGE_TWH`] |
//! | daily energy | every `_gwh_d` column (capacities, flows, daily demand) | 0 – [`DAILY_GWH_D`] (route flows: ± that, net flows may be negative) |
//! | daily volume | `route_flows_daily.csv` `flow_mcm_d` | ± [`DAILY_MCM_D`] |
//! | monthly energy | `demand_monthly.csv` `demand_twh` | 0 – [`MONTHLY_TWH`] |
//! | annual energy | `demand_annual.csv` `demand_twh`; `production.csv` `production_twh`; `lng_imports_by_origin.csv` `value_twh` | 0 – [`ANNUAL_TWH`] |
//! | annual volume | `production.csv` `production_bcm` | 0 – [`ANNUAL_BCM`] |
//! | exchange rate | `fx_monthly.csv` `usd_per_eur` | [`USD_PER_EUR`] |
//! | curve factor | `storage_curves.csv` `withdrawal_factor`, `injection_factor` | 0 – 1 ([`CURVE_FACTOR`]) |
//!
//! Also checked on each `storage_levels.csv` row: the gas in storage is at most
//! [`FULL_PCT_MAX`] % of the row's working gas.

/// A closed range with its unit and the reason for its bounds (shown in errors).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limit {
    /// Smallest allowed value.
    pub lo: f64,
    /// Largest allowed value.
    pub hi: f64,
    /// The unit, as people write it (`TWh`, `GWh/d`); empty for a pure number.
    pub unit: &'static str,
    /// Why the bound is where it is.
    pub why: &'static str,
}

impl Limit {
    /// True when `x` lies in the range.
    pub fn contains(&self, x: f64) -> bool {
        (self.lo..=self.hi).contains(&x)
    }

    /// What an error message expects, e.g.
    /// `non-negative number up to 2000 TWh (the EU27's working gas is about 1 140 TWh)`.
    pub fn expected(&self) -> String {
        let unit = if self.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", self.unit)
        };
        if self.lo == 0.0 {
            format!("non-negative number up to {}{unit} ({})", self.hi, self.why)
        } else {
            format!(
                "number between {} and {}{unit} ({})",
                self.lo, self.hi, self.why
            )
        }
    }
}

/// Storage volumes (working gas, gas in storage) of a zone or of the EU aggregate, TWh.
pub const STORAGE_TWH: Limit = Limit {
    lo: 0.0,
    hi: 2_000.0,
    unit: "TWh",
    why: "the EU27's working gas is about 1 140 TWh",
};

/// Daily energy: capacities, flows and daily demand, GWh/d.
pub const DAILY_GWH_D: Limit = Limit {
    lo: 0.0,
    hi: 100_000.0,
    unit: "GWh/d",
    why: "the EU27 consumes about 12 000 GWh/d on average",
};

/// Daily flows, which may be negative (net flows), GWh/d.
pub const FLOW_GWH_D: Limit = Limit {
    lo: -DAILY_GWH_D.hi,
    hi: DAILY_GWH_D.hi,
    unit: "GWh/d",
    why: "the EU27 consumes about 12 000 GWh/d on average",
};

/// Daily flows in volume, which may be negative (net flows), million m³ per day.
pub const DAILY_MCM_D: Limit = Limit {
    lo: -10_000.0,
    hi: 10_000.0,
    unit: "mcm/d",
    why: "the EU27 consumes about 1 100 mcm/d on average",
};

/// Demand of one zone (or the EU) in one month, TWh.
pub const MONTHLY_TWH: Limit = Limit {
    lo: 0.0,
    hi: 2_000.0,
    unit: "TWh",
    why: "the EU27's largest month is about 600 TWh",
};

/// Annual demand, production or imports, TWh.
pub const ANNUAL_TWH: Limit = Limit {
    lo: 0.0,
    hi: 20_000.0,
    unit: "TWh",
    why: "the EU27 consumes about 4 400 TWh a year",
};

/// Annual production, bcm.
pub const ANNUAL_BCM: Limit = Limit {
    lo: 0.0,
    hi: 2_000.0,
    unit: "bcm",
    why: "the EU27 consumes about 420 bcm a year",
};

/// Monthly mean EUR/USD rate, USD per EUR.
pub const USD_PER_EUR: Limit = Limit {
    lo: 0.5,
    hi: 2.0,
    unit: "USD per EUR",
    why: "the monthly mean has stayed between 0.85 and 1.6 since 1999",
};

/// Withdrawal or injection rate as a fraction of the nominal capacity.
pub const CURVE_FACTOR: Limit = Limit {
    lo: 0.0,
    hi: 1.0,
    unit: "",
    why: "a fraction of the nominal capacity",
};

/// Largest fill a storage level may have, percent of working gas (`storage_levels.csv`
/// `full_pct`, and gas in storage against the row's working gas): AGSI+ publishes
/// fills slightly above 100 % when a site holds more than its declared working gas.
pub const FULL_PCT_MAX: f64 = 120.0;
