#!/usr/bin/env python3
"""Regenerates the broken dataset folders of tests/broken/ from tests/fixtures/valid/.

Each case is the valid fixture with one defect (one file edited or removed) and an
`expected.txt` holding the exact messages `gas_io::load_dataset` must give, paths
relative to the case folder. Run from crates/gas-io: `python3 tests/broken/make_cases.py`.
"""
import pathlib
import shutil

HERE = pathlib.Path(__file__).resolve().parent
VALID = HERE.parent / "fixtures" / "valid"

# name: (file, old text, new text (None: delete the file), [expected messages])
CASES = {
    "missing_file": ("storage.csv", None, None, [
        "storage.csv: expected a file with the columns zone,working_gas_twh,injection_capacity_gwh_d,withdrawal_capacity_gwh_d,as_of,source,note, found nothing",
    ]),
    "missing_column": ("zones.csv", "eu_member,kind,protected_share", "eu_member,protected_share", [
        "zones.csv:1: expected column kind, found nothing",
    ]),
    "unknown_column": ("storage_curves.csv", "source,note\n", "source,note,colour\n", [
        'storage_curves.csv:1: colour: expected one of the columns zone, fill_pct, withdrawal_factor, injection_factor, source, note, found "colour"',
    ]),
    "wrong_unit_column": ("interconnectors.csv", "capacity_gwh_d", "capacity_mcm_d", [
        'interconnectors.csv:1: capacity_mcm_d: expected capacity in GWh/d (column capacity_gwh_d), found "capacity_mcm_d"',
    ]),
    "unknown_zone_in_interconnectors": ("interconnectors.csv", "DE,PL,100", "DE,XX,100", [
        'interconnectors.csv:2: to_zone: expected a zone id from zones.csv, found "XX"',
    ]),
    "unknown_origin_in_routes": ("routes.csv", "Yamal-Europe,RU", "Yamal-Europe,QQ", [
        'routes.csv:4: origin: expected an origin id from origins.csv, found "QQ"',
    ]),
    "unknown_source": ("storage.csv", "2021-09-27,s1,\nPL", "2021-09-27,s9,\nPL", [
        'storage.csv:2: source: expected a source id from sources.csv, found "s9"',
    ]),
    "duplicate_zone": ("zones.csv", "UA,Ukraine", "DE,Ukraine", [
        'zones.csv:4: id: expected a unique id (first on line 2), found "DE"',
    ]),
    "duplicate_flow_day": ("route_flows_daily.csv", "2021-01-01,UA-TRANSIT", "2021-01-01,NS1", [
        'route_flows_daily.csv:5: expected a unique date, route (first on line 2), found "2021-01-01,NS1"',
    ]),
    "negative_capacity": ("interconnectors.csv", "DE,PL,100", "DE,PL,-3", [
        'interconnectors.csv:2: capacity_gwh_d: expected non-negative number, found "-3"',
    ]),
    "non_number_capacity": ("routes.csv", "1742", "lots", [
        'routes.csv:2: capacity_gwh_d: expected non-negative number, found "lots"',
    ]),
    "nan": ("storage.csv", "DE,242", "DE,NaN", [
        'storage.csv:2: working_gas_twh: expected finite non-negative number, found "NaN"',
    ]),
    "bad_date": ("storage_levels.csv", "2021-09-27,DE", "27.09.2021,DE", [
        'storage_levels.csv:2: date: expected date YYYY-MM-DD, found "27.09.2021"',
    ]),
    "valid_to_before_valid_from": ("interconnectors.csv", "2021-01-01,2022-12-31", "2021-01-01,2020-12-31", [
        'interconnectors.csv:3: valid_to: expected date on or after valid_from (2021-01-01), found "2020-12-31"',
    ]),
    "daily_demand_in_kwh": ("demand_daily.csv", "DE,2021-01-02,total,4100.5", "DE,2021-01-02,total,4100500000", [
        'demand_daily.csv:3: demand_gwh_d: expected non-negative number up to 100000 GWh/d (the EU27 consumes about 12 000 GWh/d on average), found "4100500000"',
    ]),
    "daily_demand_implausible_for_the_zone": ("demand_daily.csv", "DE,2021-01-02,total,4100.5", "DE,2021-01-02,total,41005", [
        'demand_daily.csv:3: demand_gwh_d: expected GWh/d of the order of DE\'s demand: at most 13699 (5 x its largest mean daily total in demand_annual.csv); is the unit GWh/d?, found "41005"',
    ]),
    "month_13": ("demand_monthly.csv", "DE,2021,12,total", "DE,2021,13,total", [
        'demand_monthly.csv:25: month: expected month (1 to 12), found "13"',
    ]),
    "percent_over_100": ("storage_curves.csv", "*,100,", "*,101,", [
        'storage_curves.csv:4: fill_pct: expected percentage between 0 and 100, found "101"',
    ]),
    "non_increasing_curve": ("storage_curves.csv", "DE,100,", "DE,0,", [
        "storage_curves.csv:6: fill_pct: expected fill above the zone's previous point (0), found \"0\"",
    ]),
    "unknown_sector": ("demand_annual.csv", "DE,2021,households_services", "DE,2021,households", [
        'demand_annual.csv:2: sector: expected one of households_services, power, industry, other, total, found "households"',
    ]),
    "empty_required_cell": ("zones.csv", "PL,Poland", "PL,", [
        "zones.csv:3: name: expected text, found nothing",
    ]),
    "unknown_route_in_flows": ("route_flows_daily.csv", "2021-01-01,NS1", "2021-01-01,NS9", [
        'route_flows_daily.csv:2: route: expected a route id from routes.csv, a route group (UA-TRANSIT, optionally :POINT), ORIGIN:<origin>, NETFLOW:<zone>, NETFLOW:<zone>><zone>, LNG:<zone or EU> or TOTAL:<zone or EU>, found "NS9"',
    ]),
    "negative_import_flow": ("route_flows_daily.csv", "ORIGIN:RU,2000,194.2", "ORIGIN:RU,-2000,194.2", [
        'route_flows_daily.csv:4: flow_gwh_d: expected non-negative number (only NETFLOW: rows may be negative), found "-2000"',
    ]),
    "bad_boolean": ("zones.csv", "DE,Germany,true", "DE,Germany,yes", [
        'zones.csv:2: eu_member: expected true or false, found "yes"',
    ]),
    "wrong_field_count": ("fx_monthly.csv", "2021,1,1.217083,20,s1", "2021,1,1.217083,20,s1,extra", [
        'fx_monthly.csv:2: expected 5 fields like the header, found "2021,1,1.217083,20,s1,extra"',
    ]),
    "unknown_lng_status": ("lng_terminals.csv", "false,operating", "false,running", [
        'lng_terminals.csv:3: status: expected one of operating, planned, mothballed, possibly_in_aggregate, found "running"',
    ]),
    "errors_in_two_files_are_all_reported": ("demand_daily.csv", "DE,2021-01-02,total,4100.5", "DE,2021-01-32,total,-1", [
        'demand_daily.csv:3: date: expected date YYYY-MM-DD, found "2021-01-32"',
        'demand_daily.csv:3: demand_gwh_d: expected non-negative number, found "-1"',
    ]),
    "monthly_demand_row_missing": ("demand_monthly.csv", "DE,2021,3,total,110,s1,A:gasm\n", "", [
        'demand_monthly.csv:6: month: expected all 12 months for each sector of DE 2021 (households_services, total), as a zone-year with some rows must have them all (its rows are on lines 2-24), found "no rows for month 3 (total)"',
    ]),
    "monthly_demand_month_missing": ("demand_monthly.csv", "DE,2021,1,households_services,50,s1,A:gasm\nDE,2021,1,total,130,s1,A:gasm\n", "", [
        'demand_monthly.csv:2: month: expected all 12 months for each sector of DE 2021 (households_services, total), as a zone-year with some rows must have them all (its rows are on lines 2-23), found "no rows for month 1 (all sectors)"',
    ]),
    "levels_without_storage": ("storage.csv", "DE,242,3900,6746,2021-09-27,s1,\n", "", [
        'storage_levels.csv:2: zone: expected a zone with a row in storage.csv (these levels observe its storage; without a storage.csv row, DE is built without storage), found "DE"',
    ]),
    "working_gas_1e308": ("storage.csv", "DE,242,", "DE,1e308,", [
        'storage.csv:2: working_gas_twh: expected non-negative number up to 2000 TWh (the EU27\'s working gas is about 1 140 TWh), found "1e308"',
    ]),
    "usd_per_eur_zero": ("fx_monthly.csv", "2021,1,1.217083,", "2021,1,0,", [
        'fx_monthly.csv:2: usd_per_eur: expected number between 0.5 and 2 USD per EUR (the monthly mean has stayed between 0.85 and 1.6 since 1999), found "0"',
    ]),
    "withdrawal_factor_above_1": ("storage_curves.csv", "*,0,0.35,", "*,0,5,", [
        'storage_curves.csv:2: withdrawal_factor: expected non-negative number up to 1 (a fraction of the nominal capacity), found "5"',
    ]),
    "gas_above_working_gas": ("storage_levels.csv", "2021-09-27,DE,162.3,", "2021-09-27,DE,999,", [
        'storage_levels.csv:2: gas_in_storage_twh: expected at most 120 % of the row\'s working_gas_twh (242 TWh), i.e. 290.4 TWh, found "999"',
    ]),
    "no_default_curve": ("storage_curves.csv", "*,0,0.35,1,s1,ASSUMPTION\n*,50,1,1,s1,ASSUMPTION\n*,100,1,0.4,s1,ASSUMPTION\n", "", [
        'storage.csv:3: zone: expected a zone with a withdrawal/injection curve in storage_curves.csv (rows of its own, or the default curve of zone *, which storage_curves.csv lacks), found "PL"',
    ]),
    "routes_of_an_origin_without_pipeline": ("origins.csv", "RU,Russia,true,true", "RU,Russia,false,true", [
        'routes.csv:%d: origin: expected an origin with pipeline = true in origins.csv (RU has pipeline = false on line 4: either it has pipeline routes, or this route belongs to another origin), found "RU"' % line
        for line in (2, 3, 4)
    ]),
}


def main():
    for name, (file, old, new, expected) in CASES.items():
        case = HERE / name
        if case.exists():
            shutil.rmtree(case)
        shutil.copytree(VALID, case)
        target = case / file
        if old is None:
            target.unlink()
        else:
            text = target.read_text()
            assert text.count(old) == 1, (name, old)
            target.write_text(text.replace(old, new))
        (case / "expected.txt").write_text("\n".join(expected) + "\n")


if __name__ == "__main__":
    main()
