//! Hand-checkable tests of how events and measures change the system.

mod common;

use common::{dataset, date, scenario_text};
use gas_core::Sector;
use gas_scenario::{build, parse_package, parse_scenario};

fn capacity(built: &gas_scenario::Built, code: &str, day: usize) -> f64 {
    let route = built.system.routes.iter().find(|r| r.code == code).unwrap();
    route.capacity_gwh_d[day].value()
}

#[test]
fn a_cutoff_of_share_0_6_leaves_40_from_its_date_and_nothing_changes_before() {
    // NS1 has 100 GWh/d; cut 60 % from 11 July (day 10 of July).
    let text = scenario_text(
        "\n[[events]]\ntype = \"route_cutoff\"\nroutes = [\"NS1\"]\nshare = 0.6\nfrom = 2022-07-11\n",
    );
    let scenario = parse_scenario(&text, "cut.toml").unwrap();
    let built = build(&dataset(), &scenario, &[]).unwrap();
    assert_eq!(capacity(&built, "NS1", 9), 100.0);
    assert!((capacity(&built, "NS1", 10) - 40.0).abs() < 1e-9);
    assert!((capacity(&built, "NS1", 30) - 40.0).abs() < 1e-9);
    assert_eq!(capacity(&built, "YAMAL", 30), 50.0);
    assert_eq!(built.applied.len(), 1);
    assert_eq!(built.applied[0].from, date(2022, 7, 11));
}

#[test]
fn nord_stream_steps_override_each_other_day_by_day() {
    let text = scenario_text(concat!(
        "\n[[events]]\ntype = \"route_cutoff\"\nroutes = [\"NS1\"]\nshare = 0.6\nfrom = 2022-07-05\n",
        "\n[[events]]\ntype = \"route_cutoff\"\nroutes = [\"NS1\"]\nshare = 0.8\nfrom = 2022-07-20\n",
    ));
    let built = build(&dataset(), &parse_scenario(&text, "ns.toml").unwrap(), &[]).unwrap();
    assert_eq!(capacity(&built, "NS1", 3), 100.0);
    assert!((capacity(&built, "NS1", 4) - 40.0).abs() < 1e-9);
    assert!((capacity(&built, "NS1", 19) - 20.0).abs() < 1e-9);
    assert_eq!(
        built.applied[1].overrides,
        vec!["scenario events[0]".to_string()]
    );
}

#[test]
fn a_fifteen_percent_household_reduction_applies_from_its_date() {
    // 2021 July demand: 31 GWh per sector = 1 GWh/d; -15 % from 2022-07-15 (day 14).
    let scenario = parse_scenario(&scenario_text(""), "s.toml").unwrap();
    let package = parse_package(
        "name = \"cut\"\ntrigger = 2022-07-15\n[[measures]]\ntype = \"demand_reduction\"\nzones = [\"DE\"]\nsectors = [\"households_services\"]\nshare = 0.15\n",
        "p.toml",
    )
    .unwrap();
    let built = build(&dataset(), &scenario, &[package]).unwrap();
    let de = built.system.zone_by_code("DE").unwrap();
    let demand = |sector: Sector| {
        built
            .system
            .demands
            .iter()
            .find(|d| d.zone == de && d.sector == sector)
            .unwrap()
            .demand_gwh_d
            .clone()
    };
    let households = demand(Sector::HouseholdsServices);
    assert!((households[13].value() - 1.0).abs() < 1e-9);
    assert!((households[14].value() - 0.85).abs() < 1e-9);
    assert!((demand(Sector::Industry)[20].value() - 1.0).abs() < 1e-9);
}

#[test]
fn an_embargo_on_russian_lng_zeroes_its_tranches_from_its_date() {
    let scenario = parse_scenario(&scenario_text(""), "s.toml").unwrap();
    let package = parse_package(
        "name = \"embargo\"\ntrigger = \"invasion + 150d\"\n[[measures]]\ntype = \"embargo\"\norigin = \"RU\"\ncarrier = \"lng\"\n",
        "p.toml",
    )
    .unwrap();
    // invasion + 150 d = 2022-07-24 (day 23).
    let built = build(&dataset(), &scenario, &[package]).unwrap();
    let ru = built.system.origin_by_code("RU").unwrap();
    let supply = built
        .system
        .lng_supplies
        .iter()
        .find(|s| s.origin == ru)
        .unwrap();
    for tranche in &supply.tranches {
        assert!(tranche.capacity_gwh_d[22].value() > 0.0);
        assert_eq!(tranche.capacity_gwh_d[23].value(), 0.0);
        assert_eq!(tranche.capacity_gwh_d[30].value(), 0.0);
    }
    // Pipelines untouched.
    assert_eq!(capacity(&built, "NS1", 30), 100.0);
    // The US supply is untouched; base LNG = 26 % of the 100 GWh/d pool (fallback shares).
    let us = built.system.origin_by_code("US").unwrap();
    let us = built
        .system
        .lng_supplies
        .iter()
        .find(|s| s.origin == us)
        .unwrap();
    assert!((us.tranches[0].capacity_gwh_d[30].value() - 26.0).abs() < 1e-9);
}

#[test]
fn a_later_package_overrides_an_earlier_one_and_both_are_listed() {
    let scenario = parse_scenario(&scenario_text(""), "s.toml").unwrap();
    let first = parse_package(
        "name = \"first\"\ntrigger = 2022-07-01\n[[measures]]\ntype = \"demand_reduction\"\nzones = [\"PL\"]\nshare = 0.10\n",
        "first.toml",
    )
    .unwrap();
    let second = parse_package(
        "name = \"second\"\ntrigger = 2022-07-11\n[[measures]]\ntype = \"demand_reduction\"\nzones = [\"PL\"]\nshare = 0.20\n",
        "second.toml",
    )
    .unwrap();
    let built = build(&dataset(), &scenario, &[first, second]).unwrap();
    let pl = built.system.zone_by_code("PL").unwrap();
    let industry = built
        .system
        .demands
        .iter()
        .find(|d| d.zone == pl && d.sector == Sector::Industry)
        .unwrap();
    assert!((industry.demand_gwh_d[9].value() - 0.9).abs() < 1e-9);
    assert!((industry.demand_gwh_d[10].value() - 0.8).abs() < 1e-9);
    assert_eq!(built.applied.len(), 2);
    assert_eq!(built.applied[0].source, "package first");
    assert_eq!(built.applied[1].source, "package second");
    assert_eq!(
        built.applied[1].overrides,
        vec!["package first measures[0]".to_string()]
    );
}

#[test]
fn ns2_is_offline_unless_a_package_sets_it_online() {
    let scenario = parse_scenario(&scenario_text(""), "s.toml").unwrap();
    let built = build(&dataset(), &scenario, &[]).unwrap();
    assert_eq!(capacity(&built, "NS2", 0), 0.0);
    let online = parse_package(
        "name = \"ns2\"\ntrigger = 2022-07-01\n[[measures]]\ntype = \"route_status\"\nroute = \"NS2\"\nstatus = \"online\"\n",
        "p.toml",
    )
    .unwrap();
    let built = build(&dataset(), &scenario, &[online]).unwrap();
    assert_eq!(capacity(&built, "NS2", 0), 100.0);
}

#[test]
fn a_price_cap_caps_russian_prices_and_keeps_volumes() {
    let scenario = parse_scenario(&scenario_text(""), "s.toml").unwrap();
    let cap = parse_package(
        "name = \"cap\"\ntrigger = 2022-07-01\n[[measures]]\ntype = \"price_cap\"\norigin = \"RU\"\ncap_eur_mwh = 15.0\n",
        "p.toml",
    )
    .unwrap();
    let built = build(&dataset(), &scenario, &[cap]).unwrap();
    let ns1 = built
        .system
        .routes
        .iter()
        .find(|r| r.code == "NS1")
        .unwrap();
    assert_eq!(ns1.price_eur_mwh[0].value(), 15.0);
    assert_eq!(ns1.capacity_gwh_d[0].value(), 100.0);
    let norway = built
        .system
        .routes
        .iter()
        .find(|r| r.code == "NORWAY-DE")
        .unwrap();
    assert_eq!(norway.price_eur_mwh[0].value(), 20.0);
    let info = built.supplies.iter().find(|s| s.code == "NS1").unwrap();
    assert_eq!(info.origin, "RU");
    assert_eq!(info.price_eur_mwh[0].value(), 15.0);
    assert_eq!(built.routes_by_origin()["RU"].len(), 3);
}

#[test]
fn extra_lng_adds_a_tranche_and_storage_targets_land_on_the_storage() {
    let scenario = parse_scenario(&scenario_text(""), "s.toml").unwrap();
    let package = parse_package(
        concat!(
            "name = \"more\"\ntrigger = 2022-07-10\n",
            "[[measures]]\ntype = \"extra_lng\"\norigin = \"US\"\nvolume_gwh_d = 50\nprice_eur_mwh = 90\n",
            "[[measures]]\ntype = \"storage_targets\"\ntargets = [{ date = 2022-07-31, fill = 0.6 }]\n",
            "[[measures]]\ntype = \"strategic_reserve\"\nzones = [\"DE\"]\nfill = 0.1\n",
        ),
        "p.toml",
    )
    .unwrap();
    let built = build(&dataset(), &scenario, &[package]).unwrap();
    let us = built.system.origin_by_code("US").unwrap();
    let us = built
        .system
        .lng_supplies
        .iter()
        .find(|s| s.origin == us)
        .unwrap();
    let extra = us.tranches.last().unwrap();
    assert_eq!(extra.capacity_gwh_d[8].value(), 0.0);
    assert_eq!(extra.capacity_gwh_d[9].value(), 50.0);
    assert_eq!(extra.price_eur_mwh[9].value(), 90.0);
    let storage = &built.system.storages[0];
    assert_eq!(storage.targets.len(), 1);
    assert_eq!(storage.targets[0].min_fill, 0.6);
    // 10 % of 10 TWh = 1000 GWh from 10 July, capped at the initial level (50 %, unknown) = 5000.
    assert_eq!(storage.floor_gwh[8].value(), 0.0);
    assert!((storage.floor_gwh[9].value() - 1000.0).abs() < 1e-9);
}

#[test]
fn a_strategic_reserve_is_capped_at_the_level_the_storage_can_reach_by_each_day() {
    // DE storage: 10 TWh working gas, 5000 GWh on 1 July (50 %), 100 GWh/d injection,
    // no injection curve. A 90 % reserve (9000 GWh) from 11 July (day 10): by the end
    // of day t the storage holds at most 5000 + 100 (t + 1) GWh, so the floor is
    // 6100 on day 10 and 8100 on day 30, not the initial 5000 (nor 9000).
    let scenario = parse_scenario(&scenario_text(""), "s.toml").unwrap();
    let package = parse_package(
        "name = \"reserve\"\ntrigger = 2022-07-11\n[[measures]]\ntype = \"strategic_reserve\"\nzones = [\"DE\"]\nfill = 0.9\n",
        "p.toml",
    )
    .unwrap();
    let built = build(&dataset(), &scenario, &[package]).unwrap();
    let floor = &built.system.storages[0].floor_gwh;
    assert_eq!(floor[9].value(), 0.0);
    assert!(
        (floor[10].value() - 6100.0).abs() < 1e-9,
        "{}",
        floor[10].value()
    );
    assert!(
        (floor[30].value() - 8100.0).abs() < 1e-9,
        "{}",
        floor[30].value()
    );
    assert!(
        built
            .warnings
            .iter()
            .any(|w| w.contains("strategic reserve") && w.contains("2022-07-11")),
        "{:?}",
        built.warnings
    );
}

#[test]
fn actual_demand_takes_eurostat_s_month_shaped_by_the_daily_series_or_the_daily_total_alone() {
    use gas_core::dataset::{DailyDemandRecord, DemandSector, MonthlyDemandRecord};
    use gas_core::units::{GwhPerDay, Twh};
    let mut data = dataset();
    // DE, July 2022: Eurostat 62 GWh per sector (2 GWh/d flat); the TSO daily series
    // covers only part of it: 3 GWh/d, 6 on 10 July. Its mean is (30·3 + 6)/31 = 96/31,
    // so 10 July is 6 / (96/31) = 1.9375 times the flat day: 3.875 GWh/d per sector,
    // the other days 3 / (96/31) · 2 = 1.9375. The month keeps Eurostat's 62 GWh.
    for sector in Sector::ALL {
        data.demand_monthly.push(MonthlyDemandRecord {
            zone: "DE".into(),
            year: 2022,
            month: 7,
            sector: DemandSector::Sector(sector),
            demand_twh: Twh(0.062),
            source: "test".into(),
            note: String::new(),
        });
    }
    for day in 1..=31 {
        for (zone, value) in [("DE", if day == 10 { 6.0 } else { 3.0 }), ("FR", 8.0)] {
            data.demand_daily.push(DailyDemandRecord {
                zone: zone.into(),
                date: date(2022, 7, day),
                sector: DemandSector::Total,
                demand_gwh_d: GwhPerDay(value),
                source: "test".into(),
            });
        }
    }
    let scenario = parse_scenario(&scenario_text("\n[demand]\nbasis = \"actual\"\n"), "s.toml");
    let built = build(&data, &scenario.unwrap(), &[]).unwrap();
    let series = |zone: &str, sector: Sector| {
        let zone = built.system.zone_by_code(zone).unwrap();
        let demand = built.system.demands.iter();
        let demand = demand.filter(|d| d.zone == zone && d.sector == sector);
        demand.map(|d| d.demand_gwh_d.clone()).next().unwrap()
    };
    let households = series("DE", Sector::HouseholdsServices);
    assert!((households[9].value() - 3.875).abs() < 1e-9);
    assert!((households[0].value() - 1.9375).abs() < 1e-9);
    let month: f64 = households.iter().map(|d| d.value()).sum();
    assert!((month - 62.0).abs() < 1e-9);
    // FR has no 2022 month: the observed total (8 GWh/d) split by 2021's equal shares.
    assert!((series("FR", Sector::Industry)[20].value() - 2.0).abs() < 1e-9);
}

#[test]
fn pipeline_origins_are_capped_at_last_year_s_deliveries_unless_technical() {
    // Russia (NS1 100 + YAMAL 50 GWh/d of capacity) delivered 75 GWh/d every day of the
    // year before the period (2021-07-01 .. 2022-06-30): both routes are scaled by
    // 75 / 150 = 0.5, to 50 and 25 GWh/d. With origin_caps = "technical" they stay.
    let data = dataset_with_russian_deliveries(75.0);
    let capped = build(
        &data,
        &parse_scenario(&scenario_text(""), "s.toml").unwrap(),
        &[],
    );
    let capped = capped.unwrap();
    assert!((capacity(&capped, "NS1", 0) - 50.0).abs() < 1e-9);
    assert!((capacity(&capped, "YAMAL", 30) - 25.0).abs() < 1e-9);
    assert!(capped.warnings.iter().any(|w| w.contains("origin RU")));
    let text = scenario_text("").replace("[period]", "origin_caps = \"technical\"\n\n[period]");
    let technical = build(&data, &parse_scenario(&text, "s.toml").unwrap(), &[]).unwrap();
    assert_eq!(capacity(&technical, "NS1", 0), 100.0);
    assert_eq!(capacity(&technical, "YAMAL", 30), 50.0);
}

#[test]
fn fuel_switching_opens_on_the_measure_s_days_only() {
    // 30 % of DE's power demand can switch from 2022-07-15 (day 14): before it the power
    // step takes the whole demand, from it 30 % / 70 %.
    let scenario = parse_scenario(&scenario_text(""), "s.toml").unwrap();
    let package = parse_package(
        "name = \"switch\"\ntrigger = 2022-07-15\n[[measures]]\ntype = \"fuel_switching\"\nzones = [\"DE\"]\nshare = 0.3\n",
        "p.toml",
    )
    .unwrap();
    let built = build(&dataset(), &scenario, &[package]).unwrap();
    let de = built.system.zone_by_code("DE").unwrap();
    let power = built
        .system
        .demands
        .iter()
        .find(|d| d.zone == de && d.sector == Sector::Power)
        .unwrap();
    let [switching, rest] = &power.curtailment[..] else {
        panic!("two steps expected: {:?}", power.curtailment);
    };
    assert_eq!(switching.label, "fuel switching");
    assert_eq!(
        (switching.share_by_day[13], rest.share_by_day[13]),
        (0.0, 1.0)
    );
    assert_eq!(
        (switching.share_by_day[14], rest.share_by_day[14]),
        (0.3, 0.7)
    );
    assert_eq!(switching.share_by_day[30], 0.3);
    // Another zone keeps a single power step.
    let fr = built.system.zone_by_code("FR").unwrap();
    let fr_power = built.system.demands.iter();
    let fr_power = fr_power.filter(|d| d.zone == fr && d.sector == Sector::Power);
    assert_eq!(fr_power.map(|d| d.curtailment.len()).next(), Some(1));
}

#[test]
fn a_blocked_route_carries_no_added_pipeline_volume() {
    // Russia +30 GWh/d spread over NS1 and YAMAL by headroom; NS1 blocked in the same
    // package: NS1 carries nothing at all.
    let scenario = parse_scenario(&scenario_text(""), "s.toml").unwrap();
    let package = parse_package(
        concat!(
            "name = \"p\"\ntrigger = 2022-07-01\n",
            "[[measures]]\ntype = \"pipeline_increase\"\norigin = \"RU\"\nvolume_gwh_d = 30\n",
            "[[measures]]\ntype = \"route_status\"\nroute = \"NS1\"\nstatus = \"blocked\"\n",
        ),
        "p.toml",
    )
    .unwrap();
    // Russia delivered 75 GWh/d: NS1 50 and YAMAL 25 of 100 and 50, headroom 50 and 25;
    // +30 GWh/d adds 20 to NS1 and 10 to YAMAL.
    let built = build(
        &dataset_with_russian_deliveries(75.0),
        &scenario,
        &[package],
    )
    .unwrap();
    assert_eq!(capacity(&built, "NS1", 5), 0.0);
    assert!((capacity(&built, "YAMAL", 5) - 35.0).abs() < 1e-9);
}

/// The test dataset with Russia delivering `gwh_d` every day of the year before July 2022.
fn dataset_with_russian_deliveries(gwh_d: f64) -> gas_core::dataset::Dataset {
    use gas_core::dataset::RouteFlowRecord;
    use gas_core::units::GwhPerDay;
    let mut data = dataset();
    let mut day = date(2021, 7, 1);
    while day < date(2022, 7, 1) {
        data.route_flows_daily.push(RouteFlowRecord {
            date: day,
            route: "ORIGIN:RU".into(),
            flow_gwh_d: GwhPerDay(gwh_d),
            flow_mcm_d: 0.0,
            source: "test".into(),
        });
        day = day.succ_opt().unwrap();
    }
    data
}

#[test]
fn lng_availability_of_an_origin_without_lng_warns() {
    let mut data = dataset();
    let mut azerbaijan = data.origins[0].clone();
    azerbaijan.id = "AZ".into();
    azerbaijan.lng = false;
    data.origins.push(azerbaijan);
    let text = scenario_text(
        "\n[[events]]\ntype = \"lng_availability\"\norigin = \"AZ\"\nfactor = 0.5\nfrom = 2022-07-01\n",
    );
    let built = build(&data, &parse_scenario(&text, "s.toml").unwrap(), &[]).unwrap();
    assert!(
        built.warnings.iter().any(
            |w| w == "scenario events[0]: origin AZ has no LNG supply in the system; no effect"
        ),
        "{:?}",
        built.warnings
    );
}

/// An LNG cut-off or factor of an origin without LNG in the base pool applies
/// to a package's `extra_lng` tranche of that origin (docs/scenarios.md): the
/// tranche of 100 GWh/d is cut by half and then halved again, and no note
/// claims the events had no effect. Without the package the notes stay.
#[test]
fn an_lng_event_on_an_origin_with_only_a_package_tranche_is_not_called_without_effect() {
    let mut data = dataset();
    let mut azerbaijan = data.origins[0].clone();
    azerbaijan.id = "AZ".into();
    azerbaijan.lng = false;
    data.origins.push(azerbaijan);
    let text = scenario_text(concat!(
        "\n[[events]]\ntype = \"route_cutoff\"\norigin = \"AZ\"\ncarrier = \"lng\"\nshare = 0.5\nfrom = 2022-07-01\n",
        "\n[[events]]\ntype = \"lng_availability\"\norigin = \"AZ\"\nfactor = 0.5\nfrom = 2022-07-01\n",
    ));
    let scenario = parse_scenario(&text, "s.toml").unwrap();
    let package = parse_package(
        "name = \"more\"\ntrigger = 2022-07-10\n[[measures]]\ntype = \"extra_lng\"\norigin = \"AZ\"\nvolume_gwh_d = 100\nprice_eur_mwh = 90\n",
        "p.toml",
    )
    .unwrap();
    let built = build(&data, &scenario, &[package]).unwrap();
    let az = built.system.origin_by_code("AZ").unwrap();
    let supply = built
        .system
        .lng_supplies
        .iter()
        .find(|s| s.origin == az)
        .unwrap();
    assert!((supply.tranches[0].capacity_gwh_d[9].value() - 25.0).abs() < 1e-9);
    assert!(
        !built.warnings.iter().any(|w| w.contains("no effect")),
        "{:?}",
        built.warnings
    );
    let alone = build(&data, &scenario, &[]).unwrap();
    for expected in [
        "scenario events[0]: origin AZ has no LNG supply in the system; no effect",
        "scenario events[1]: origin AZ has no LNG supply in the system; no effect",
    ] {
        assert!(
            alone.warnings.iter().any(|w| w == expected),
            "{expected}\n{:?}",
            alone.warnings
        );
    }
}

/// The applied list (summary.json `inputs.applied`, the HTML report) names a
/// solidarity mode as the package writes it.
#[test]
fn a_solidarity_measure_is_described_with_its_mode_as_written() {
    let scenario = parse_scenario(&scenario_text(""), "s.toml").unwrap();
    let package = parse_package(
        "name = \"own\"\ntrigger = 2022-07-01\n[[measures]]\ntype = \"solidarity\"\nmode = \"national_first\"\n",
        "p.toml",
    )
    .unwrap();
    let built = build(&dataset(), &scenario, &[package]).unwrap();
    assert_eq!(built.applied[0].change, "solidarity national_first");
}

/// The test dataset with DE's storage observed at `fills` (date, percent).
fn dataset_with_levels(fills: &[(chrono::NaiveDate, f64)]) -> gas_core::dataset::Dataset {
    use gas_core::dataset::{LevelQuality, StorageLevelRecord};
    use gas_core::units::Twh;
    let mut data = dataset();
    for &(day, pct) in fills {
        data.storage_levels.push(StorageLevelRecord {
            date: day,
            zone: "DE".into(),
            gas_in_storage_twh: Twh(10.0 * pct / 100.0),
            full_pct: pct,
            working_gas_twh: Twh(10.0),
            injection_gwh_d: None,
            withdrawal_gwh_d: None,
            quality: LevelQuality::Ok,
            source: "test".into(),
            note: String::new(),
        });
    }
    data
}

/// An initial level interpolated between observations 123 days apart (40 % on
/// 1 May, 80 % on 1 September: 40 + 40 x 61 / 123 = 59.84 % on 1 July) is noted,
/// as the straight line may miss what happened in between; 35 days apart it is not.
#[test]
fn an_initial_level_interpolated_over_a_long_gap_is_noted() {
    let scenario = parse_scenario(&scenario_text(""), "s.toml").unwrap();
    let data = dataset_with_levels(&[(date(2022, 5, 1), 40.0), (date(2022, 9, 1), 80.0)]);
    let built = build(&data, &scenario, &[]).unwrap();
    let level = built.system.storages[0].initial_level_gwh.value();
    assert!((level - 10_000.0 * (0.4 + 0.4 * 61.0 / 123.0)).abs() < 1e-6);
    let expected = "storage: the initial level of 1 zone(s) (DE) is interpolated linearly between their observed levels on 2022-05-01 and 2022-09-01, 123 days apart with none in between, so the draw-down or filling between them is not seen ([initial_storage] fill or zones sets the start instead)";
    assert!(
        built.warnings.iter().any(|w| w == expected),
        "{:?}",
        built.warnings
    );
    let data = dataset_with_levels(&[(date(2022, 6, 15), 40.0), (date(2022, 7, 20), 80.0)]);
    let built = build(&data, &scenario, &[]).unwrap();
    assert!(
        !built.warnings.iter().any(|w| w.contains("interpolated")),
        "{:?}",
        built.warnings
    );
}

/// The storage-target preset of the EU regulation without `zones` targets the EU
/// zones' storages only (as the demand-reduction preset): a storage in a non-EU zone
/// (PL made non-EU here, with 5 TWh of storage) gets no 80 % target on 1 November
/// 2022 unless the package names it (`zones = "all"`).
#[test]
fn the_storage_target_preset_defaults_to_the_eu_zones() {
    let mut data = dataset();
    data.zones
        .iter_mut()
        .filter(|z| z.id == "PL")
        .for_each(|z| z.eu_member = false);
    let mut storage = data.storage[0].clone();
    storage.zone = "PL".into();
    storage.working_gas_twh = gas_core::units::Twh(5.0);
    data.storage.push(storage);
    let scenario = parse_scenario(
        "name = \"autumn\"\n[period]\nstart = 2022-10-01\nend = 2022-11-30\n[triggers]\ninvasion = 2022-02-24\n[storage]\nobligations = \"none\"\nend_level = \"free\"\n",
        "s.toml",
    )
    .unwrap();
    let targets = |zones: &str| {
        let package = parse_package(
            &format!("name = \"p\"\ntrigger = \"invasion\"\n[[measures]]\ntype = \"storage_targets\"\npreset = \"eu_regulation_2022_1032\"\n{zones}"),
            "p.toml",
        )
        .unwrap();
        let built = build(&data, &scenario, &[package]).unwrap();
        built
            .system
            .storages
            .iter()
            .map(|s| {
                (
                    s.code.clone(),
                    s.targets.iter().map(|t| (t.date, t.min_fill)).collect(),
                )
            })
            .collect::<Vec<(String, Vec<_>)>>()
    };
    let nov = date(2022, 11, 1);
    assert_eq!(
        targets(""),
        vec![
            ("UGS-DE".to_string(), vec![(nov, 0.8)]),
            ("UGS-PL".to_string(), vec![])
        ]
    );
    assert_eq!(
        targets("zones = \"all\"\n"),
        vec![
            ("UGS-DE".to_string(), vec![(nov, 0.8)]),
            ("UGS-PL".to_string(), vec![(nov, 0.8)])
        ]
    );
}

#[test]
fn package_days_outside_the_period_are_warnings_not_errors() {
    // The test scenario runs over July 2022. A package is reused with scenarios of other
    // periods, so what falls outside this one is left out with a warning.
    let scenario = parse_scenario(&scenario_text(""), "s.toml").unwrap();
    let later = parse_package(
        "name = \"later\"\ntrigger = 2023-06-01\n[[measures]]\ntype = \"solidarity\"\nmode = \"national_first\"\n",
        "later.toml",
    )
    .unwrap();
    let mixed = parse_package(
        concat!(
            "name = \"mixed\"\ntrigger = 2022-07-01\n",
            "[[measures]]\ntype = \"demand_reduction\"\nzones = [\"DE\"]\nsectors = [\"industry\"]\nshare = 0.1\nfrom = 2022-09-01\n",
            "[[measures]]\ntype = \"storage_targets\"\ntargets = [{ date = 2025-01-01, fill = 0.9 }, { date = 2022-07-20, fill = 0.5 }]\n",
        ),
        "mixed.toml",
    )
    .unwrap();
    let built = build(&dataset(), &scenario, &[later, mixed]).unwrap();
    let expected = [
        "package later: its trigger 2023-06-01 is after the period (2022-07-01 to 2022-07-31); nothing applied",
        "package mixed measures[0]: its days lie outside the period (2022-07-01 to 2022-07-31); not applied",
        "package mixed measures[1]: target date 2025-01-01 is outside the period (2022-07-01 to 2022-07-31); left out",
    ];
    for warning in expected {
        assert!(
            built.warnings.iter().any(|w| w == warning),
            "{warning}\n{:?}",
            built.warnings
        );
    }
    // The target inside the period is kept; solidarity stays cooperative.
    let targets: usize = built.system.storages.iter().map(|s| s.targets.len()).sum();
    assert!(targets >= 1);
    assert_eq!(
        built.system.settings.solidarity,
        gas_core::system::Solidarity::Cooperative
    );
}

/// A zone with no `demand_monthly.csv` row for the scenario's demand year is
/// built without demand, and the note says which file, which year and that it
/// consumes nothing (rather than only "no data").
#[test]
fn a_zone_without_rows_for_the_demand_year_is_named_in_a_clear_note() {
    let mut data = dataset();
    data.demand_monthly.retain(|r| r.zone != "FR");
    let scenario = parse_scenario(&scenario_text(""), "s.toml").unwrap();
    let built = build(&data, &scenario, &[]).unwrap();
    let expected = "demand: demand_monthly.csv has no rows for 2021 (the scenario's demand year) for 1 zone (FR): built without demand (they consume nothing in this run)";
    assert!(
        built.warnings.iter().any(|w| w == expected),
        "{:?}",
        built.warnings
    );
}

/// A cut-off of every supply of a transit-only origin (BY carries Russian gas;
/// its routes name RU) has no effect; the note says so in plain words and
/// names the origin to use.
#[test]
fn a_cutoff_of_a_transit_origin_says_which_origin_to_name() {
    let mut data = dataset();
    let mut belarus = data.origins[0].clone();
    belarus.id = "BY".into();
    belarus.lng = false;
    belarus.transit_of = Some("RU".into());
    data.origins.push(belarus);
    let text = scenario_text(
        "\n[[events]]\ntype = \"route_cutoff\"\norigin = \"BY\"\ncarrier = \"all\"\nfrom = 2022-07-01\n",
    );
    let built = build(&data, &parse_scenario(&text, "s.toml").unwrap(), &[]).unwrap();
    let expected = "scenario events[0]: origin BY has neither pipeline routes nor LNG in the system (BY only carries gas of origin RU, transit_of in origins.csv: name RU instead); no effect";
    assert!(
        built.warnings.iter().any(|w| w == expected),
        "{:?}",
        built.warnings
    );
}
