//! Demand sectors.

use serde::{Deserialize, Serialize};

/// A demand sector. The order is the default curtailment merit order's reverse
/// priority: households and services are protected longest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// Households and services (commercial and public): temperature-driven, mostly protected customers.
    HouseholdsServices,
    /// Gas burnt for electricity and district heat (including CHP).
    Power,
    /// Industry, energy and non-energy use.
    Industry,
    /// Everything else: energy sector own use, transport, losses.
    Other,
}

impl Sector {
    /// All sectors in a fixed order (used for columns in outputs).
    pub const ALL: [Sector; 4] = [
        Sector::HouseholdsServices,
        Sector::Power,
        Sector::Industry,
        Sector::Other,
    ];

    /// The identifier used in files (`households_services`, `power`, `industry`, `other`).
    pub fn code(self) -> &'static str {
        match self {
            Sector::HouseholdsServices => "households_services",
            Sector::Power => "power",
            Sector::Industry => "industry",
            Sector::Other => "other",
        }
    }

    /// Parses the file identifier; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|sector| sector.code() == code)
    }
}

impl std::fmt::Display for Sector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
