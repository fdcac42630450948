//! One [`Table`](crate::table::Table) implementation per dataset file, grouped by concern.

pub(crate) mod demand;
mod lng;
mod meta;
pub(crate) use meta::parse_year_month;
mod network;
mod storage;
mod zones;

/// Calls `$m!(Type)` for every table of a dataset, in the canonical file order.
macro_rules! for_each_table {
    ($m:ident) => {
        $m!(gas_core::dataset::SourceRecord);
        $m!(gas_core::dataset::ZoneRecord);
        $m!(gas_core::dataset::OriginRecord);
        $m!(gas_core::dataset::InterconnectorRecord);
        $m!(gas_core::dataset::RouteRecord);
        $m!(gas_core::dataset::RouteFlowRecord);
        $m!(gas_core::dataset::LngTerminalRecord);
        $m!(gas_core::dataset::LngImportRecord);
        $m!(gas_core::dataset::StorageRecord);
        $m!(gas_core::dataset::StorageLevelRecord);
        $m!(gas_core::dataset::StorageCurvePoint);
        $m!(gas_core::dataset::ProductionRecord);
        $m!(gas_core::dataset::AnnualDemandRecord);
        $m!(gas_core::dataset::MonthlyDemandRecord);
        $m!(gas_core::dataset::DailyDemandRecord);
        $m!(gas_core::dataset::MonthlyPriceRecord);
        $m!(gas_core::dataset::FxMonthlyRecord);
        $m!(gas_core::dataset::CheckRecord);
    };
}
pub(crate) use for_each_table;

/// The file names of all tables, in the canonical order.
pub const TABLE_FILES: &[&str] = &[
    "sources.csv",
    "zones.csv",
    "origins.csv",
    "interconnectors.csv",
    "routes.csv",
    "route_flows_daily.csv",
    "lng_terminals.csv",
    "lng_imports_by_origin.csv",
    "storage.csv",
    "storage_levels.csv",
    "storage_curves.csv",
    "production.csv",
    "demand_annual.csv",
    "demand_monthly.csv",
    "demand_daily.csv",
    "prices_monthly.csv",
    "fx_monthly.csv",
    "checks.csv",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Table;

    #[test]
    fn table_files_follow_the_macro_order() {
        let mut files = Vec::new();
        macro_rules! push {
            ($t:ty) => {
                files.push(<$t as Table>::FILE)
            };
        }
        for_each_table!(push);
        assert_eq!(files, TABLE_FILES);
    }
}
