//! Typed indices of the components of a [`crate::system::System`].
//!
//! Each id is an index into the matching `Vec` of the system (`ZoneId(3)` is
//! `system.zones[3]`). Names and codes live in the component itself and only
//! matter at the file boundary and in output.

use serde::{Deserialize, Serialize};

macro_rules! index_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            /// The position in the system's vector of this component.
            pub fn index(self) -> usize {
                self.0 as usize
            }
            /// The id of the component at `index`.
            ///
            /// # Panics
            /// Never in practice: a system holds far fewer than `u32::MAX` components;
            /// an index that large saturates.
            pub fn from_index(index: usize) -> Self {
                Self(u32::try_from(index).unwrap_or(u32::MAX))
            }
        }
    };
}

index_id!(
    /// A balancing zone (a country, ISO 3166-1 alpha-2 code; GB for the UK).
    ZoneId
);
index_id!(
    /// A supply origin outside the modelled zones (RU, DZ, US, QA, ...).
    OriginId
);
index_id!(
    /// A directed cross-border pipeline (interconnector) between two zones.
    PipelineId
);
index_id!(
    /// A named import route from an origin into an entry zone (NS1, YAMAL, ...).
    RouteId
);
index_id!(
    /// An LNG import terminal (or all terminals of a zone) with its send-out capacity.
    LngTerminalId
);
index_id!(
    /// The LNG supply of one origin to the shared European pool.
    LngSupplyId
);
index_id!(
    /// Domestic production of a zone.
    ProductionId
);
index_id!(
    /// An (aggregate) underground storage of a zone.
    StorageId
);
index_id!(
    /// The demand of one sector in one zone.
    DemandId
);
