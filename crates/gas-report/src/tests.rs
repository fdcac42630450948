//! Report tests on a hand-made three-zone run, all three counted as the EU: AA
//! and BB with storage, CC without; Russian route NS1 into AA, US LNG,
//! production in BB; CC switches part of its power demand to another fuel.

use crate::figures::RUN_FIGURE_IDS;
use crate::{render_compare_report, render_run_report};
use chrono::NaiveDate;
use gas_app::compare::Cell;
use gas_app::run::{Comparison, RunOutcome};
use gas_core::dataset::{LevelQuality, StorageLevelRecord};
use gas_core::period::Period;
use gas_core::sector::Sector;
use gas_core::system::*;
use gas_core::units::{EurPerMwh, Gwh, GwhPerDay, Twh};
use gas_core::{OriginId, Results, RunStatus, ZoneId};
use gas_metrics::kpi::{group_kpi, zone_kpis};
use gas_metrics::ledger::{compare, ledger, LedgerOptions};
use gas_scenario::Built;

const DAYS: usize = 60;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn daily<T: Copy>(value: T) -> Vec<T> {
    vec![value; DAYS]
}

fn system() -> System {
    let zone = |code: &str| Zone {
        code: code.into(),
        name: format!("Zone {code}"),
    };
    let storage = |code: &str, zone: u32, gwh: f64| Storage {
        code: code.into(),
        zone: ZoneId(zone),
        working_gas_gwh: Gwh(gwh),
        initial_level_gwh: Gwh(gwh * 0.8),
        injection_capacity_gwh_d: daily(GwhPerDay(100.0)),
        withdrawal_capacity_gwh_d: daily(GwhPerDay(100.0)),
        withdrawal_curve: FillCurve::flat(),
        injection_curve: FillCurve::flat(),
        targets: vec![FillTarget {
            date: date(2022, 5, 1),
            min_fill: 0.5,
            penalty_eur_mwh: EurPerMwh(10.0),
        }],
        floor_gwh: daily(Gwh::ZERO),
        value_eur_mwh: daily(EurPerMwh(50.0)),
    };
    let demand = |zone: u32, sector: Sector| Demand {
        zone: ZoneId(zone),
        sector,
        demand_gwh_d: daily(GwhPerDay(100.0)),
        curtailment: vec![CurtailmentTranche::constant(
            "all",
            1.0,
            DAYS,
            EurPerMwh(600.0),
        )],
    };
    System {
        period: Period {
            start: date(2022, 4, 1),
            days: DAYS,
        },
        zones: vec![zone("AA"), zone("BB"), zone("CC")],
        origins: vec![
            Origin {
                code: "RU".into(),
                name: "Russia".into(),
            },
            Origin {
                code: "US".into(),
                name: "United States".into(),
            },
        ],
        pipelines: Vec::new(),
        routes: vec![Route {
            code: "NS1".into(),
            origin: OriginId(0),
            entry: ZoneId(0),
            capacity_gwh_d: daily(GwhPerDay(200.0)),
            min_flow_gwh_d: daily(GwhPerDay::ZERO),
            price_eur_mwh: daily(EurPerMwh(80.0)),
        }],
        lng_terminals: vec![LngTerminal {
            code: "LNG-AA".into(),
            zone: ZoneId(0),
            sendout_capacity_gwh_d: daily(GwhPerDay(200.0)),
            min_sendout_gwh_d: daily(GwhPerDay::ZERO),
        }],
        lng_supplies: vec![LngSupply {
            origin: OriginId(1),
            tranches: vec![SupplyTranche {
                capacity_gwh_d: daily(GwhPerDay(200.0)),
                min_gwh_d: daily(GwhPerDay::ZERO),
                price_eur_mwh: daily(EurPerMwh(100.0)),
            }],
        }],
        production: vec![Production {
            zone: ZoneId(1),
            max_gwh_d: daily(GwhPerDay(50.0)),
            min_gwh_d: daily(GwhPerDay::ZERO),
            price_eur_mwh: daily(EurPerMwh(20.0)),
        }],
        storages: vec![storage("UGS-AA", 0, 3000.0), storage("UGS-BB", 1, 1000.0)],
        demands: vec![
            demand(0, Sector::Industry),
            demand(1, Sector::HouseholdsServices),
            // CC's power demand can switch half of itself to another fuel first.
            Demand {
                curtailment: vec![
                    CurtailmentTranche::constant(
                        gas_metrics::kpi::FUEL_SWITCHING_LABEL,
                        0.5,
                        DAYS,
                        EurPerMwh(150.0),
                    ),
                    CurtailmentTranche::constant("all", 0.5, DAYS, EurPerMwh(600.0)),
                ],
                ..demand(2, Sector::Power)
            },
        ],
        settings: DispatchSettings::default(),
    }
}

fn results(system: &System, cut: bool) -> Results {
    let mut results = Results::zeroed(system, RunStatus::Optimal);
    for day in 0..DAYS {
        let f = day as f64;
        results.route_flow_gwh_d[0][day] = GwhPerDay(if cut && day >= 20 { 0.0 } else { 150.0 });
        results.lng_supply_gwh_d[0][day] = GwhPerDay(50.0 + f);
        results.lng_tranche_gwh_d[0][0][day] = GwhPerDay(50.0 + f);
        results.lng_sendout_gwh_d[0][day] = GwhPerDay(50.0 + f);
        results.production_gwh_d[0][day] = GwhPerDay(40.0);
        results.storage_level_gwh[0][day] = Gwh((2400.0 - 45.0 * f).max(0.0));
        results.storage_level_gwh[1][day] = Gwh(800.0 + 2.0 * f);
        results.storage_withdrawal_gwh_d[0][day] = GwhPerDay(if day < 53 { 45.0 } else { 0.0 });
        // AA curtails 30 GWh/d from day 53; CC switches 20 GWh/d to another fuel every
        // day and, with the cut, curtails 10 GWh/d from day 40.
        let aa = if day >= 53 { 30.0 } else { 0.0 };
        let cc_switched = 20.0;
        let cc_unserved = if cut && day >= 40 { 10.0 } else { 0.0 };
        results.curtailed_gwh_d[0][day] = GwhPerDay(aa);
        results.curtailed_by_tranche_gwh_d[0][0][day] = GwhPerDay(aa);
        results.curtailed_gwh_d[2][day] = GwhPerDay(cc_switched + cc_unserved);
        results.curtailed_by_tranche_gwh_d[2][0][day] = GwhPerDay(cc_switched);
        results.curtailed_by_tranche_gwh_d[2][1][day] = GwhPerDay(cc_unserved);
        for zone in 0..3 {
            results.zone_price_eur_mwh[zone][day] = EurPerMwh(80.0 + f);
        }
    }
    results
}

/// A run of the fixture; `with_package` adds a priced comparison.
pub fn outcome(with_package: bool) -> RunOutcome {
    let system = system();
    let results = results(&system, true);
    let eu_zones = vec![ZoneId(0), ZoneId(1), ZoneId(2)];
    let start = Some(date(2022, 4, 21));
    let options = LedgerOptions {
        russian_origins: vec!["RU".into()],
        us_origins: vec!["US".into()],
        importing_zones: Some(eu_zones.clone()),
        group_name: "EU".into(),
    };
    let main_ledger = ledger(&system, &results, &options);
    let versus_do_nothing = with_package.then(|| {
        let base = results_for_base(&system);
        let base_ledger = ledger(&system, &base, &options);
        let (deltas, cost) = compare(&main_ledger, &base_ledger);
        Comparison {
            deltas,
            cost,
            do_nothing_eu: group_kpi(&system, &base, &eu_zones, "EU", start),
        }
    });
    RunOutcome {
        scenario: "test <cut> & \"friends\"".into(),
        packages: if with_package {
            vec!["pkg".into()]
        } else {
            Vec::new()
        },
        zones: zone_kpis(&system, &results, start),
        eu: group_kpi(&system, &results, &eu_zones, "EU", start),
        eu_zones,
        ledger: main_ledger,
        versus_do_nothing,
        disruption_start: start,
        solver: "test",
        solve_seconds: 0.0,
        built: Built {
            system,
            applied: Vec::new(),
            warnings: vec!["a <warning>".into()],
            supplies: Vec::new(),
        },
        results,
    }
}

fn results_for_base(system: &System) -> Results {
    results(system, false)
}

fn observed() -> Vec<StorageLevelRecord> {
    let record = |day: u32, zone: &str, pct: f64, quality| StorageLevelRecord {
        date: date(2022, 4, day),
        zone: zone.into(),
        gas_in_storage_twh: Twh(1.0),
        full_pct: pct,
        working_gas_twh: Twh(1.0),
        injection_gwh_d: None,
        withdrawal_gwh_d: None,
        quality,
        source: "test".into(),
        note: String::new(),
    };
    vec![
        record(1, "EU", 30.0, LevelQuality::Ok),
        record(2, "EU", 31.0, LevelQuality::Ok),
        record(3, "EU", 99.0, LevelQuality::Suspect),
        record(1, "AA", 40.0, LevelQuality::Ok),
    ]
}

/// The `<svg>...</svg>` of the figure with `data-chart="id"`.
/// A compare of `scenario` without packages and with the package "pkg" (`with_pkg`).
fn do_nothing_and_pkg(scenario: &str, with_pkg: RunOutcome) -> Vec<Cell> {
    vec![
        Cell {
            scenario: scenario.into(),
            package: "do-nothing".into(),
            outcome: outcome(false),
        },
        Cell {
            scenario: scenario.into(),
            package: "pkg".into(),
            outcome: with_pkg,
        },
    ]
}

fn figure_svg<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let start = html.find(&format!("<figure data-chart=\"{id}\">"))?;
    let rest = &html[start..];
    let end = rest.find("</figure>")?;
    Some(&rest[..end])
}

#[test]
fn every_figure_is_present_with_svg_caption_and_drawing() {
    let html = render_run_report(&outcome(true), &observed());
    for id in RUN_FIGURE_IDS {
        let figure = figure_svg(&html, id).unwrap_or_else(|| panic!("figure {id} missing"));
        assert!(
            figure.contains("<svg") && figure.contains("</svg>"),
            "{id}: no svg"
        );
        assert!(figure.contains("<figcaption>"), "{id}: no caption");
        assert!(
            figure.contains("<path") || figure.contains("<rect"),
            "{id}: nothing drawn"
        );
    }
    assert!(html.contains("data-table=\"ledger\"") && html.contains("data-table=\"kpis\""));
}

#[test]
fn output_is_deterministic() {
    let a = render_run_report(&outcome(true), &observed());
    let b = render_run_report(&outcome(true), &observed());
    assert_eq!(a, b);
    let cells = || do_nothing_and_pkg("s", outcome(true));
    assert_eq!(
        render_compare_report(&cells()),
        render_compare_report(&cells())
    );
}

#[test]
fn report_is_self_contained_and_escaped() {
    let html = render_run_report(&outcome(false), &observed());
    assert!(
        !html.contains("http://")
            || html.matches("http://").count()
                == html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
    assert!(!html.contains("https://"));
    assert!(!html.contains("<script"));
    assert!(html.contains("test &lt;cut&gt; &amp; &quot;friends&quot;"));
    assert!(html.contains("a &lt;warning&gt;"));
    // Without packages there is no package-change figure.
    assert!(figure_svg(&html, "package-change").is_none());
}

#[test]
fn a_zone_without_storage_is_handled() {
    let run = outcome(false);
    let html = render_run_report(&run, &[]);
    let map = figure_svg(&html, "map-buffer").unwrap_or_default();
    assert!(map.contains("<title>CC: no UGS</title>"));
    // CC has no storage panel, AA and BB have one.
    let panels = figure_svg(&html, "zone-fill").unwrap_or_default();
    assert!(panels.contains(">AA</text>") && panels.contains(">BB</text>"));
    assert!(!panels.contains(">CC</text>"));
    assert!(html.contains("<tr data-zone=\"CC\"><th>CC</th><td>0.0</td><td>no storage</td>"));
}

#[test]
fn observed_line_skips_suspect_rows_and_targets_are_drawn() {
    let run = outcome(false);
    let html = render_run_report(&run, &observed());
    let eu = figure_svg(&html, "eu-fill").unwrap_or_default();
    assert!(eu.contains("observed fill (AGSI+)"));
    assert!(eu.contains("target 2022-05-01: 50.0 %"));
    let values = crate::figures::observed_pct(&observed(), "EU", &run.results).unwrap_or_default();
    assert_eq!(values[..4], [Some(30.0), Some(31.0), None, None]);
}

#[test]
fn empty_and_broken_runs_do_not_panic() {
    let mut run = outcome(true);
    run.results.storage_level_gwh.clear();
    run.results.route_flow_gwh_d.clear();
    run.results.curtailed_gwh_d.clear();
    run.zones[0].unserved_share = Some(f64::NAN);
    run.built.system.storages[0].working_gas_gwh = Gwh(f64::NAN);
    let html = render_run_report(&run, &observed());
    assert!(html.ends_with("</html>\n"));
    let empty = render_compare_report(&[]);
    assert!(empty.contains("data-headline=\"eu_unserved_twh\""));
}

#[test]
fn compare_report_has_a_coloured_table_per_headline() {
    let cells = do_nothing_and_pkg("s1", outcome(true));
    let html = render_compare_report(&cells);
    for name in gas_app::compare::HEADLINES {
        assert!(
            html.contains(&format!("data-headline=\"{name}\"")),
            "{name}"
        );
    }
    for id in ["compare-eu-fill", "compare-unserved", "compare-costs"] {
        assert!(figure_svg(&html, id).is_some(), "{id}");
    }
    assert!(html.contains("style=\"background:#"));
}

#[test]
fn the_unserved_heatmap_leaves_out_fuel_switching() {
    // April 2022 is days 0-29, May days 30-59. CC switches 20 GWh/d all along
    // (0.6 TWh a month) and curtails 10 GWh/d on days 40-59 (20 days: 0.2 TWh in May);
    // AA curtails 30 GWh/d on days 53-59 (7 days: 0.21 TWh in May).
    let html = render_run_report(&outcome(false), &[]);
    let map = figure_svg(&html, "unserved-heatmap").unwrap_or_default();
    // The largest month is 0.21 TWh: two decimals.
    assert!(map.contains("<title>CC, Apr 22: 0.00 TWh</title>"), "{map}");
    assert!(map.contains("<title>CC, May 22: 0.20 TWh</title>"), "{map}");
    assert!(map.contains("<title>AA, May 22: 0.21 TWh</title>"), "{map}");
    assert!(
        !map.contains("0.60 TWh") && !map.contains("0.80 TWh"),
        "{map}"
    );
}

#[test]
fn the_ledger_shows_fuel_switching_apart_and_reconciles_with_the_key_figures() {
    // Unserved: AA 30 GWh/d x 7 days + CC 10 GWh/d x 20 days = 410 GWh at 600 EUR/MWh
    // = 246 MEUR. Fuel switching: CC 20 GWh/d x 60 days = 1200 GWh at 150 EUR/MWh = 180 MEUR.
    let html = render_run_report(&outcome(false), &[]);
    assert!(html.contains(
        "<tr><th>EU curtailment cost: unserved demand</th><td>0.4</td><td>246</td></tr>"
    ));
    assert!(html
        .contains("<tr><th>EU curtailment cost: fuel switching</th><td>1.2</td><td>180</td></tr>"));
    // The EU key figures: 0.41 TWh unserved (0.21 industry, 0.20 power), 1.20 TWh switched.
    assert!(html.contains("<th>fuel switched (TWh)</th>"));
    assert!(
        html.contains("<td>0.00</td><td>0.20</td><td>0.21</td><td>0.00</td><td>1.20</td>"),
        "{html}"
    );
}

#[test]
fn a_zone_without_demand_gets_no_buffer_share_or_price() {
    // BB keeps its storage (1 TWh) but demands nothing: the map and the table say
    // "no demand" and leave share, fill and peak price empty.
    let mut run = outcome(false);
    run.built.system.demands[1].demand_gwh_d = daily(GwhPerDay::ZERO);
    run.zones = zone_kpis(&run.built.system, &run.results, run.disruption_start);
    let html = render_run_report(&run, &[]);
    assert!(
        html.contains(
            "<tr data-zone=\"BB\"><th>BB</th><td>1.0</td><td>no demand</td><td>0.00</td><td>–</td>"
        ),
        "{html}"
    );
    assert!(html.contains("<td>–</td><td>–</td><td>–</td><td>–</td></tr>"));
    let buffer = figure_svg(&html, "map-buffer").unwrap_or_default();
    assert!(buffer.contains("<title>BB: no demand</title>"), "{buffer}");
    let share = figure_svg(&html, "map-unserved").unwrap_or_default();
    assert!(share.contains("<title>BB: no demand</title>"), "{share}");
}

#[test]
fn unsolved_days_are_unknown_never_a_lasting_buffer_or_zero() {
    // Days 40-59 (2022-05-11 to 2022-05-30) unsolved: May is unknown in the heat
    // map, April is not; AA's and BB's storage do not reach their floor on a
    // solved day, so their buffer is unknown (not "lasts the period").
    let mut run = outcome(false);
    run.results.mark_unsolved_from(40);
    run.results.status = RunStatus::Stopped;
    let start = run.disruption_start;
    run.zones = zone_kpis(&run.built.system, &run.results, start);
    run.eu = group_kpi(&run.built.system, &run.results, &run.eu_zones, "EU", start);
    let html = render_run_report(&run, &[]);
    assert!(
        html.contains("2022-05-11 to 2022-05-30 (20 days) are unsolved"),
        "{html}"
    );
    assert!(!html.contains("lasts the period"), "{html}");
    assert!(html.contains("<dt>EU buffer</dt><dd>unknown (unsolved days)</dd>"));
    // An unknown figure is a dash, without a unit.
    assert!(
        html.contains("<dt>EU unserved demand</dt><dd>–</dd>"),
        "{html}"
    );
    assert!(html
        .contains("<tr data-zone=\"AA\"><th>AA</th><td>3.0</td><td>unknown (unsolved days)</td>"));
    let buffer = figure_svg(&html, "map-buffer").unwrap_or_default();
    assert!(buffer.contains("<title>AA: unsolved</title>"), "{buffer}");
    assert!(!buffer.contains(">lasts</text>"), "{buffer}");
    let share = figure_svg(&html, "map-unserved").unwrap_or_default();
    assert!(share.contains("<title>AA: unsolved</title>"), "{share}");
    let heatmap = figure_svg(&html, "unserved-heatmap").unwrap_or_default();
    assert!(
        heatmap.contains("<title>AA, May 22: unknown</title>"),
        "{heatmap}"
    );
    assert!(
        heatmap.contains("<title>CC, Apr 22: 0.0 TWh</title>"),
        "{heatmap}"
    );
    // The supply mix covers the solved weeks only (days 0-39: 6 weeks).
    let mix = figure_svg(&html, "supply-mix").unwrap_or_default();
    assert!(
        mix.contains(">8 Apr 22</text>") && !mix.contains(">13 May 22</text>"),
        "{mix}"
    );
}

#[test]
fn a_compare_cell_with_unsolved_days_shows_its_status_never_a_zero_cost() {
    let mut stopped = outcome(true);
    stopped.results.mark_unsolved_from(0);
    stopped.results.status = RunStatus::Infeasible;
    let cells = do_nothing_and_pkg("s1", stopped);
    let html = render_compare_report(&cells);
    assert!(
        html.contains("<tr><th>pkg</th><td class=\"none\">infeasible</td></tr>"),
        "{html}"
    );
    let costs = figure_svg(&html, "compare-costs").unwrap_or_default();
    assert!(costs.contains(">s1 · pkg (infeasible)</text>"), "{costs}");
    // Three unknown costs: three dashes, no bar and no 0.
    assert_eq!(costs.matches(">–</text>").count(), 3, "{costs}");
    assert!(!costs.contains("</title></rect>"), "{costs}");
}

#[test]
fn supply_mix_weeks_are_labelled_with_their_year() {
    // A run over two calendar years would otherwise label two weeks "1 Apr".
    let html = render_run_report(&outcome(false), &[]);
    let mix = figure_svg(&html, "supply-mix").unwrap_or_default();
    assert!(mix.contains(">1 Apr 22</text>"), "{mix}");
    assert!(!mix.contains(">1 Apr</text>"), "{mix}");
}

#[test]
fn the_header_says_how_the_dispatch_looked_ahead() {
    // The same scenario gives other figures myopic than with perfect foresight.
    let mut run = outcome(false);
    run.built.system.settings.operation = Operation::Myopic;
    assert!(render_run_report(&run, &[]).contains(" · operation myopic (day by day) · "));
    run.built.system.settings.operation = Operation::RollingHorizon {
        window_days: 30,
        commit_days: 7,
    };
    assert!(render_run_report(&run, &[]).contains(" · operation rolling horizon (30 d, keep 7) · "));
}

#[test]
fn a_compare_of_do_nothing_alone_has_no_empty_cost_chart() {
    let cells = vec![Cell {
        scenario: "s1".into(),
        package: "do-nothing".into(),
        outcome: outcome(false),
    }];
    let html = render_compare_report(&cells);
    assert!(figure_svg(&html, "compare-unserved").is_some());
    assert!(figure_svg(&html, "compare-costs").is_none(), "{html}");
}

#[test]
fn a_run_without_a_disruption_says_buffer_days_count_from_the_first_day() {
    let with = render_run_report(&outcome(false), &observed());
    assert!(with.contains("· disruption from 2022-04-21</p>"), "{with}");
    let mut calm = outcome(false);
    calm.disruption_start = None;
    let html = render_run_report(&calm, &observed());
    assert!(
        html.contains("· no disruption (buffer days count from the first day)</p>"),
        "{html}"
    );
    assert!(html.contains("from the first day of the period (the scenario has no disruption)"));
    assert!(!html.contains("disruption from –"));
}
