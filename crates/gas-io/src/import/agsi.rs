//! GIE AGSI+ country data → `storage_levels.csv` and `storage.csv`.
//!
//! Two export formats are read:
//!
//! - the country table of the AGSI+ web site (semicolon separated, quoted), one
//!   gas day per file, the day in the file name (`..._gasDayStart_2022-09-27.csv`):
//!   `Name`, `Gas in storage (TWh)`, `Full (%)`, `Injection (GWh/d)`,
//!   `Withdrawal (GWh/d)`, `Working (gas) volume (TWh)` (or `Technical Capacity (TWh)`),
//!   `Injection Capacity (GWh/d)`, `Withdrawal Capacity (GWh/d)`; an optional
//!   `Type` column keeps only `EU` and `country` rows;
//! - the API-style CSV, one row per country and day: `code`, `gasDayStart`,
//!   `gasInStorage`, `full`, `injection`, `withdrawal`, `workingGasVolume`,
//!   `injectionCapacity`, `withdrawalCapacity`.
//!
//! Units are AGSI+'s own (TWh, GWh/d), as in the dataset. Each (date, zone)
//! replaces the level of the same key; the capacities of the latest day of each
//! zone replace its `storage.csv` row. Rows of zones the dataset does not have,
//! the `Non-EU` aggregate, the pre-Brexit UK series and zones without working
//! gas are skipped and listed in the summary.

use super::{
    check_imported, cite, file_name, finish, merge, ImportError, ImportSummary, Sheet, TableChange,
};
use crate::error::{InputError, InputErrors};
use crate::table::parse_date;
use gas_core::dataset::{
    LevelQuality, SourceRecord, StorageLevelRecord, StorageRecord, EU_AGGREGATE,
};
use gas_core::units::{GwhPerDay, Twh};
use std::collections::BTreeMap;
use std::path::Path;

/// The source id the imported rows cite.
const SOURCE_ID: &str = "gie_agsi_import";

/// AGSI+ country names (web table) → zone ids. `None`: not a zone of its own.
const COUNTRY_NAMES: &[(&str, Option<&str>)] = &[
    ("EU", Some(EU_AGGREGATE)),
    ("Non-EU", None),
    ("Austria", Some("AT")),
    ("Belgium", Some("BE")),
    ("Bulgaria", Some("BG")),
    ("Croatia", Some("HR")),
    ("Czech Republic", Some("CZ")),
    ("Czechia", Some("CZ")),
    ("Denmark", Some("DK")),
    ("France", Some("FR")),
    ("Germany", Some("DE")),
    ("Hungary", Some("HU")),
    ("Ireland", Some("IE")),
    ("Italy", Some("IT")),
    ("Latvia", Some("LV")),
    ("Netherlands", Some("NL")),
    ("Poland", Some("PL")),
    ("Portugal", Some("PT")),
    ("Romania", Some("RO")),
    ("Slovakia", Some("SK")),
    ("Spain", Some("ES")),
    ("Sweden", Some("SE")),
    ("Serbia", Some("RS")),
    ("Ukraine", Some("UA")),
    ("United Kingdom (Post-Brexit)", Some("GB")),
    ("United Kingdom (Pre-Brexit)", None),
];

/// AGSI+ API country codes that differ from the zone ids.
fn zone_of_code(code: &str) -> Option<&str> {
    match code {
        "GB*" => Some("GB"),
        // The API's `GB` is the pre-Brexit series.
        "GB" => None,
        "EU" => Some(EU_AGGREGATE),
        "NE" | "Non-EU" => None,
        other => Some(other),
    }
}

/// One observed day of one zone.
struct Observation {
    line: usize,
    date: chrono::NaiveDate,
    zone: String,
    gas_in_storage: f64,
    full_pct: f64,
    injection: Option<f64>,
    withdrawal: Option<f64>,
    working_gas: f64,
    injection_capacity: f64,
    withdrawal_capacity: f64,
}

/// The file's columns of the figures an observation carries, as
/// (dataset column, file column index), for `storage_levels.csv` and `storage.csv`.
struct FigureColumns {
    levels: Vec<(&'static str, usize)>,
    storage: Vec<(&'static str, usize)>,
}

fn read_observations(
    sheet: &Sheet,
    skipped: &mut Vec<String>,
) -> Result<(Vec<Observation>, FigureColumns), InputErrors> {
    let file = &sheet.file;
    let web_table = sheet.column(&["Name"]).is_some() && sheet.column(&["code"]).is_none();
    let mut errors = Vec::new();
    let columns = if web_table {
        [
            sheet.require(&["Name"]),
            sheet.require(&["Gas in storage (TWh)"]),
            sheet.require(&["Full (%)"]),
            sheet.require(&["Injection (GWh/d)"]),
            sheet.require(&["Withdrawal (GWh/d)"]),
            sheet.require(&["Working (gas) volume (TWh)", "Technical Capacity (TWh)"]),
            sheet.require(&["Injection Capacity (GWh/d)"]),
            sheet.require(&["Withdrawal Capacity (GWh/d)"]),
            Ok(usize::MAX),
        ]
    } else {
        [
            sheet.require(&["code"]),
            sheet.require(&["gasInStorage"]),
            sheet.require(&["full"]),
            sheet.require(&["injection"]),
            sheet.require(&["withdrawal"]),
            sheet.require(&["workingGasVolume"]),
            sheet.require(&["injectionCapacity"]),
            sheet.require(&["withdrawalCapacity"]),
            sheet.require(&["gasDayStart"]),
        ]
    };
    let mut c = [0usize; 9];
    for (slot, column) in c.iter_mut().zip(columns) {
        match column {
            Ok(i) => *slot = i,
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(InputErrors(errors));
    }
    let [name_c, gas_c, full_c, inj_c, wd_c, wgv_c, injcap_c, wdcap_c, day_c] = c;
    let figures = FigureColumns {
        levels: vec![
            ("gas_in_storage_twh", gas_c),
            ("full_pct", full_c),
            ("working_gas_twh", wgv_c),
            ("injection_gwh_d", inj_c),
            ("withdrawal_gwh_d", wd_c),
        ],
        storage: vec![
            ("working_gas_twh", wgv_c),
            ("injection_capacity_gwh_d", injcap_c),
            ("withdrawal_capacity_gwh_d", wdcap_c),
        ],
    };
    let file_day = if web_table {
        let name = file_name(file);
        let day = name
            .split("gasDayStart_")
            .nth(1)
            .and_then(|rest| rest.get(..10))
            .and_then(parse_date);
        match day {
            Some(day) => Some(day),
            None => {
                return Err(InputError::file(
                    file,
                    "a file name with the gas day, like AGSI_CountryAggregatedDataset_gasDayStart_2022-09-27.csv",
                    name,
                )
                .into())
            }
        }
    } else {
        None
    };
    let type_c = sheet.column(&["Type"]);
    let mut observations = Vec::new();
    for (line, cells) in &sheet.rows {
        let line = *line;
        if let Some(t) = type_c {
            if !matches!(sheet.cell(cells, t), "EU" | "country") {
                continue;
            }
        }
        let label = sheet.cell(cells, name_c);
        let zone = if web_table {
            match COUNTRY_NAMES.iter().find(|(name, _)| *name == label) {
                Some((_, zone)) => *zone,
                None => {
                    errors.push(InputError::cell(
                        file,
                        line,
                        &sheet.header[name_c],
                        "an AGSI+ country name (Austria, Czech Republic, United Kingdom (Post-Brexit), ...)",
                        label,
                    ));
                    continue;
                }
            }
        } else {
            zone_of_code(label)
        };
        let date = match file_day {
            Some(day) => Some(day),
            None => {
                let raw = sheet.cell(cells, day_c);
                let day = raw.get(..10).and_then(parse_date);
                if day.is_none() {
                    errors.push(InputError::cell(
                        file,
                        line,
                        &sheet.header[day_c],
                        "date YYYY-MM-DD",
                        raw,
                    ));
                }
                day
            }
        };
        // Countries without storage (status N) publish empty cells: no data, not an error.
        let data_columns = [gas_c, full_c, inj_c, wd_c, wgv_c, injcap_c, wdcap_c];
        if data_columns
            .iter()
            .all(|&c| sheet.cell(cells, c).is_empty())
        {
            skipped.push(format!("{}:{line}: {label}: no figures", file.display()));
            continue;
        }
        let mut number = |column: usize| sheet.number(line, cells, column, &mut errors);
        let values = [
            number(gas_c),
            number(full_c),
            number(inj_c),
            number(wd_c),
            number(wgv_c),
            number(injcap_c),
            number(wdcap_c),
        ];
        for (column, value) in data_columns.iter().zip(values) {
            if value.is_some_and(|v| v < 0.0) {
                errors.push(InputError::cell(
                    file,
                    line,
                    &sheet.header[*column],
                    "non-negative number",
                    sheet.cell(cells, *column),
                ));
            }
        }
        let (
            Some(date),
            [Some(gas), Some(full), Some(inj), Some(wd), Some(wgv), Some(injcap), Some(wdcap)],
        ) = (date, values)
        else {
            continue;
        };
        let Some(zone) = zone else {
            skipped.push(format!(
                "{}:{line}: {label}: not a zone of its own",
                file.display()
            ));
            continue;
        };
        observations.push(Observation {
            line,
            date,
            zone: zone.to_string(),
            gas_in_storage: gas,
            full_pct: full,
            injection: Some(inj),
            withdrawal: Some(wd),
            working_gas: wgv,
            injection_capacity: injcap,
            withdrawal_capacity: wdcap,
        });
    }
    InputErrors(errors).into_result((observations, figures))
}

/// Imports a GIE AGSI+ country export (`file`) into the dataset folder `into_dir`:
/// storage levels into `storage_levels.csv` (key: date, zone) and the
/// capacities of each zone's latest day into `storage.csv` (key: zone).
pub fn import_agsi(file: &Path, into_dir: &Path) -> Result<ImportSummary, ImportError> {
    let sheet = Sheet::read(file)?;
    let mut skipped = Vec::new();
    let (observations, figures) = read_observations(&sheet, &mut skipped)?;
    let mut dataset = crate::load_dataset(into_dir)?;

    let known = |zone: &str| zone == EU_AGGREGATE || dataset.zones.iter().any(|z| z.id == zone);
    let mut levels = Vec::new();
    let mut level_lines = Vec::new();
    let mut latest: BTreeMap<String, &Observation> = BTreeMap::new();
    for o in &observations {
        if !known(&o.zone) {
            skipped.push(format!(
                "{}:{}: {}: zone not in zones.csv",
                file.display(),
                o.line,
                o.zone
            ));
            continue;
        }
        if o.working_gas <= 0.0 {
            skipped.push(format!(
                "{}:{}: {}: no working gas",
                file.display(),
                o.line,
                o.zone
            ));
            continue;
        }
        level_lines.push(o.line);
        levels.push(StorageLevelRecord {
            date: o.date,
            zone: o.zone.clone(),
            gas_in_storage_twh: Twh(o.gas_in_storage),
            full_pct: o.full_pct,
            working_gas_twh: Twh(o.working_gas),
            injection_gwh_d: o.injection.map(GwhPerDay),
            withdrawal_gwh_d: o.withdrawal.map(GwhPerDay),
            quality: LevelQuality::Ok,
            source: SOURCE_ID.to_string(),
            note: String::new(),
        });
        if o.zone != EU_AGGREGATE && latest.get(&o.zone).is_none_or(|p| p.date < o.date) {
            latest.insert(o.zone.clone(), o);
        }
    }
    let capacities: Vec<StorageRecord> = latest
        .values()
        .map(|o| StorageRecord {
            zone: o.zone.clone(),
            working_gas_twh: Twh(o.working_gas),
            injection_capacity_gwh_d: GwhPerDay(o.injection_capacity),
            withdrawal_capacity_gwh_d: GwhPerDay(o.withdrawal_capacity),
            as_of: o.date,
            source: SOURCE_ID.to_string(),
            note: format!("AGSI+ country aggregate on {}", o.date.format("%Y-%m-%d")),
        })
        .collect();

    // Figures out of the dataset's ranges are errors of the downloaded file.
    let mut errors = check_imported(
        &sheet,
        &level_lines.iter().copied().zip(&levels).collect::<Vec<_>>(),
        &figures.levels,
    );
    errors.extend(check_imported(
        &sheet,
        &latest
            .values()
            .map(|o| o.line)
            .zip(&capacities)
            .collect::<Vec<_>>(),
        &figures.storage,
    ));
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(InputErrors(errors).capped(crate::read::MAX_ALIKE).into());
    }
    let (levels_added, levels_replaced) = merge(&mut dataset.storage_levels, levels, |r| {
        (r.date, r.zone.clone())
    });
    let (storage_added, storage_replaced) =
        merge(&mut dataset.storage, capacities, |r| r.zone.clone());
    cite(
        &mut dataset,
        SourceRecord {
            id: SOURCE_ID.to_string(),
            title: "Aggregated gas storage inventory (AGSI+), country data".to_string(),
            publisher: "Gas Infrastructure Europe (GIE)".to_string(),
            r#where: format!("https://agsi.gie.eu; imported file {}", file_name(file)),
            version: String::new(),
            licence: "GIE AGSI+ terms of use".to_string(),
            note: "imported with gas_io::import::import_agsi".to_string(),
        },
    );
    finish(&dataset, into_dir)?;
    Ok(ImportSummary {
        tables: vec![
            TableChange {
                file: "storage_levels.csv".to_string(),
                added: levels_added,
                replaced: levels_replaced,
            },
            TableChange {
                file: "storage.csv".to_string(),
                added: storage_added,
                replaced: storage_replaced,
            },
        ],
        skipped,
    })
}
