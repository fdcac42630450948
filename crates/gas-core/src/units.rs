//! Quantities with their unit in the type.
//!
//! One canonical unit per quantity (DESIGN.md, "Units and conventions"):
//! flows and capacities in [`GwhPerDay`], energy in [`Gwh`] inside the engine,
//! [`Twh`] for storage capacities and annual totals at the file boundary,
//! prices in [`EurPerMwh`]. All energy is on a gross calorific value basis.
//!
//! Only meaningful operations are implemented: `GwhPerDay * Days = Gwh`,
//! `Gwh / Days = GwhPerDay`, `Twh <-> Gwh`, sums and differences of like
//! quantities, scaling by a plain factor.

use serde::{Deserialize, Serialize};
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

/// Terawatt-hours per billion cubic metres used when a source states no factor of its own.
pub const TWH_PER_BCM: f64 = 10.55;

macro_rules! quantity {
    ($(#[$doc:meta])* $name:ident, $unit:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub f64);

        impl $name {
            /// Zero of this quantity.
            pub const ZERO: Self = Self(0.0);
            /// The unit written after the number, e.g. in messages.
            pub const UNIT: &'static str = $unit;
            /// The plain number in this type's unit.
            pub fn value(self) -> f64 {
                self.0
            }
            /// The larger of two quantities.
            pub fn max(self, other: Self) -> Self {
                Self(self.0.max(other.0))
            }
            /// The smaller of two quantities.
            pub fn min(self, other: Self) -> Self {
                Self(self.0.min(other.0))
            }
        }
        impl Add for $name {
            type Output = Self;
            fn add(self, rhs: Self) -> Self {
                Self(self.0 + rhs.0)
            }
        }
        impl AddAssign for $name {
            fn add_assign(&mut self, rhs: Self) {
                self.0 += rhs.0;
            }
        }
        impl Sub for $name {
            type Output = Self;
            fn sub(self, rhs: Self) -> Self {
                Self(self.0 - rhs.0)
            }
        }
        impl SubAssign for $name {
            fn sub_assign(&mut self, rhs: Self) {
                self.0 -= rhs.0;
            }
        }
        impl Neg for $name {
            type Output = Self;
            fn neg(self) -> Self {
                Self(-self.0)
            }
        }
        impl Mul<f64> for $name {
            type Output = Self;
            fn mul(self, factor: f64) -> Self {
                Self(self.0 * factor)
            }
        }
        impl Div<$name> for $name {
            type Output = f64;
            fn div(self, rhs: Self) -> f64 {
                self.0 / rhs.0
            }
        }
        impl std::iter::Sum for $name {
            fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
                Self(iter.map(|q| q.0).sum())
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                if let Some(precision) = f.precision() {
                    write!(f, "{:.*} {}", precision, self.0, $unit)
                } else {
                    write!(f, "{} {}", self.0, $unit)
                }
            }
        }
    };
}

quantity!(
    /// A flow or a daily capacity, in gigawatt-hours per day.
    GwhPerDay,
    "GWh/d"
);
quantity!(
    /// An amount of energy, in gigawatt-hours (the engine's unit).
    Gwh,
    "GWh"
);
quantity!(
    /// An amount of energy, in terawatt-hours (storage capacities and annual totals in files).
    Twh,
    "TWh"
);
quantity!(
    /// A price or a cost per unit of energy, in euros per megawatt-hour.
    ///
    /// With flows in GWh, `GWh x EUR/MWh = thousand EUR`: objective values are in kEUR.
    EurPerMwh,
    "EUR/MWh"
);

/// A whole number of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Days(pub u32);

impl Mul<Days> for GwhPerDay {
    type Output = Gwh;
    fn mul(self, days: Days) -> Gwh {
        Gwh(self.0 * f64::from(days.0))
    }
}

impl Div<Days> for Gwh {
    type Output = GwhPerDay;
    fn div(self, days: Days) -> GwhPerDay {
        GwhPerDay(self.0 / f64::from(days.0))
    }
}

impl From<Twh> for Gwh {
    fn from(twh: Twh) -> Gwh {
        Gwh(twh.0 * 1000.0)
    }
}

impl From<Gwh> for Twh {
    fn from(gwh: Gwh) -> Twh {
        Twh(gwh.0 / 1000.0)
    }
}

impl Twh {
    /// Converts billion cubic metres to TWh with [`TWH_PER_BCM`].
    pub fn from_bcm(bcm: f64) -> Twh {
        Twh(bcm * TWH_PER_BCM)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flow_over_days_is_energy() {
        // 50 GWh/d for 10 days = 500 GWh = 0.5 TWh.
        let energy = GwhPerDay(50.0) * Days(10);
        assert_eq!(energy, Gwh(500.0));
        assert_eq!(Twh::from(energy), Twh(0.5));
        assert_eq!(energy / Days(10), GwhPerDay(50.0));
    }

    #[test]
    fn bcm_uses_the_design_factor() {
        assert!((Twh::from_bcm(140.0).value() - 1477.0).abs() < 1e-9);
    }

    #[test]
    fn display_carries_the_unit() {
        assert_eq!(format!("{:.1}", GwhPerDay(2.25)), "2.2 GWh/d");
    }
}
