//! Eurostat `nrg_cb_gasm` (monthly gas supply and consumption) → `demand_monthly.csv`.
//!
//! Reads the SDMX-CSV download (`freq,nrg_bal,siec,unit,geo,TIME_PERIOD,OBS_VALUE`,
//! plus optional `DATAFLOW`, `LAST UPDATE`, `OBS_FLAG`) and the TSV download
//! (first column `freq,nrg_bal,siec,unit,geo\TIME_PERIOD`, one column per month,
//! values with optional flags like `1234.5 p`, `:` for missing).
//!
//! Rows used: `freq` M, `nrg_bal` `IC_OBS` (inland consumption, observed),
//! `siec` `G3000` (natural gas). Units: `TJ_GCV` → TWh ÷ 3600; `MIO_M3` → TWh
//! × 10.55 ÷ 1000 (1 mcm = 10.55 GWh, the project factor); when both are given
//! for a country and month, `TJ_GCV` wins. Geo codes: `EU27_2020` → `EU`,
//! `EL` → `GR`, `UK` → `GB`. Each (zone, year, month) gives a `total` row that
//! replaces the row with the same key; countries the dataset does not have are
//! skipped and listed in the summary.

use super::{
    check_imported, cite, file_name, finish, merge, ImportError, ImportSummary, Sheet, TableChange,
};
use crate::error::{InputError, InputErrors};
use crate::table::parse_number;
use gas_core::dataset::{DemandSector, MonthlyDemandRecord, SourceRecord, YearMonth, EU_AGGREGATE};
use gas_core::units::{Twh, TWH_PER_BCM};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The source id the imported rows cite.
const SOURCE_ID: &str = "eurostat_nrg_cb_gasm_import";

/// TWh per TJ.
const TWH_PER_TJ: f64 = 1.0 / 3600.0;

fn zone_of_geo(geo: &str) -> &str {
    match geo {
        "EU27_2020" => EU_AGGREGATE,
        "EL" => "GR",
        "UK" => "GB",
        other => other,
    }
}

/// A value with its unit: (TWh, from TJ_GCV?).
type Value = (f64, bool);

/// Reads `YYYY-MM` or `YYYYMmm` (e.g. `2021M01`).
fn parse_period(raw: &str) -> Option<YearMonth> {
    let raw = raw.trim();
    if let Some(ym) = crate::tables::parse_year_month(raw) {
        return Some(ym);
    }
    let (year, month) = raw.split_once('M')?;
    let year: i32 = year.parse().ok().filter(|_| year.len() == 4)?;
    let month: u32 = month
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m) && month.len() == 2)?;
    Some(YearMonth { year, month })
}

/// Converts a value in `unit` to TWh; `None` for units this importer does not read.
fn to_twh(value: f64, unit: &str) -> Option<Value> {
    match unit {
        "TJ_GCV" => Some((value * TWH_PER_TJ, true)),
        "MIO_M3" => Some((value * TWH_PER_BCM / 1000.0, false)),
        _ => None,
    }
}

/// The values read, per (zone, month), with the line and column of the file they came from.
type Values = BTreeMap<(String, YearMonth), (Value, (usize, usize))>;

fn keep(values: &mut Values, key: (String, YearMonth), value: Value, at: (usize, usize)) {
    match values.get(&key) {
        Some(((_, true), _)) if !value.1 => {}
        _ => {
            values.insert(key, (value, at));
        }
    }
}

fn read_sdmx(sheet: &Sheet, errors: &mut Vec<InputError>) -> Values {
    let mut values = BTreeMap::new();
    let mut need = |names: &[&str]| match sheet.require(names) {
        Ok(i) => Some(i),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let columns = [
        need(&["freq"]),
        need(&["nrg_bal"]),
        need(&["siec"]),
        need(&["unit"]),
        need(&["geo"]),
        need(&["TIME_PERIOD"]),
        need(&["OBS_VALUE"]),
    ];
    let [Some(freq), Some(bal), Some(siec), Some(unit), Some(geo), Some(time), Some(obs)] = columns
    else {
        return values;
    };
    for (line, cells) in &sheet.rows {
        let cell = |i| sheet.cell(cells, i);
        if cell(freq) != "M" || cell(bal) != "IC_OBS" || cell(siec) != "G3000" {
            continue;
        }
        let Some(period) = parse_period(cell(time)) else {
            errors.push(InputError::cell(
                &sheet.file,
                *line,
                &sheet.header[time],
                "month YYYY-MM",
                cell(time),
            ));
            continue;
        };
        if cell(obs).is_empty() || cell(obs) == ":" {
            continue;
        }
        let Some(value) = sheet.number(*line, cells, obs, errors) else {
            continue;
        };
        if value < 0.0 {
            errors.push(InputError::cell(
                &sheet.file,
                *line,
                &sheet.header[obs],
                "non-negative number",
                cell(obs),
            ));
            continue;
        }
        if let Some(v) = to_twh(value, cell(unit)) {
            keep(
                &mut values,
                (zone_of_geo(cell(geo)).to_string(), period),
                v,
                (*line, obs),
            );
        }
    }
    values
}

fn read_tsv(sheet: &Sheet, errors: &mut Vec<InputError>) -> Values {
    let mut values = BTreeMap::new();
    let keys: Vec<&str> = sheet.header[0]
        .split('\\')
        .next()
        .unwrap_or("")
        .split(',')
        .collect();
    let position = |name: &str| keys.iter().position(|k| *k == name);
    let (Some(freq), Some(bal), Some(siec), Some(unit), Some(geo)) = (
        position("freq"),
        position("nrg_bal"),
        position("siec"),
        position("unit"),
        position("geo"),
    ) else {
        errors.push(InputError::cell(
            &sheet.file,
            1,
            &sheet.header[0],
            "the dimensions freq,nrg_bal,siec,unit,geo\\TIME_PERIOD",
            &sheet.header[0],
        ));
        return values;
    };
    let mut periods = Vec::new();
    for (i, label) in sheet.header.iter().enumerate().skip(1) {
        match parse_period(label) {
            Some(p) => periods.push((i, p)),
            None => errors.push(InputError::cell(
                &sheet.file,
                1,
                label,
                "month YYYY-MM",
                label,
            )),
        }
    }
    for (line, cells) in &sheet.rows {
        let dims: Vec<&str> = sheet.cell(cells, 0).split(',').collect();
        let dim = |i: usize| dims.get(i).copied().unwrap_or("");
        if dim(freq) != "M" || dim(bal) != "IC_OBS" || dim(siec) != "G3000" {
            continue;
        }
        for (column, period) in &periods {
            let raw = sheet.cell(cells, *column);
            // Values carry optional flags after a space: "1234.5 p"; ":" is missing.
            let number = raw.split_whitespace().next().unwrap_or("");
            if number.is_empty() || number == ":" {
                continue;
            }
            match parse_number(number).filter(|x| x.is_finite() && *x >= 0.0) {
                Some(value) => {
                    if let Some(v) = to_twh(value, dim(unit)) {
                        keep(
                            &mut values,
                            (zone_of_geo(dim(geo)).to_string(), *period),
                            v,
                            (*line, *column),
                        );
                    }
                }
                None => errors.push(InputError::cell(
                    &sheet.file,
                    *line,
                    &sheet.header[*column],
                    "non-negative number, optionally followed by flags",
                    raw,
                )),
            }
        }
    }
    values
}

/// Imports a Eurostat `nrg_cb_gasm` download (`file`, SDMX-CSV or TSV) into the
/// dataset folder `into_dir` as monthly `total` demand (key: zone, year, month, sector).
pub fn import_eurostat(file: &Path, into_dir: &Path) -> Result<ImportSummary, ImportError> {
    let sheet = Sheet::read(file)?;
    let mut errors = Vec::new();
    let tsv = sheet.header.first().is_some_and(|h| h.contains('\\'));
    let values = if tsv {
        read_tsv(&sheet, &mut errors)
    } else {
        read_sdmx(&sheet, &mut errors)
    };
    if !errors.is_empty() {
        return Err(InputErrors(errors).into());
    }

    let mut dataset = crate::load_dataset(into_dir)?;
    let known: BTreeSet<&str> = dataset
        .zones
        .iter()
        .map(|z| z.id.as_str())
        .chain([EU_AGGREGATE])
        .collect();
    let mut skipped = BTreeSet::new();
    let mut rows = Vec::new();
    let mut origins = Vec::new();
    for ((zone, period), ((twh, _), at)) in values {
        if !known.contains(zone.as_str()) {
            skipped.insert(format!("{zone}: zone not in zones.csv"));
            continue;
        }
        origins.push(at);
        rows.push(MonthlyDemandRecord {
            zone,
            year: period.year,
            month: period.month,
            sector: DemandSector::Total,
            demand_twh: Twh((twh * 1e4).round() / 1e4),
            source: SOURCE_ID.to_string(),
            note: String::new(),
        });
    }
    // Figures out of the dataset's ranges are errors of the downloaded file.
    let mut errors = Vec::new();
    for (&(line, column), row) in origins.iter().zip(&rows) {
        errors.extend(check_imported(
            &sheet,
            &[(line, row)],
            &[("demand_twh", column)],
        ));
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(InputErrors(errors).capped(crate::read::MAX_ALIKE).into());
    }
    let rows = drop_incomplete_zone_years(&dataset.demand_monthly, rows, &mut skipped);
    // Sectors sort by their file word, as the bundled table does, so that an import
    // changes only the rows it imports.
    let (added, replaced) = merge(&mut dataset.demand_monthly, rows, |r| {
        (r.zone.clone(), r.year, r.month, r.sector.code())
    });
    cite(
        &mut dataset,
        SourceRecord {
            id: SOURCE_ID.to_string(),
            title: "Supply, transformation and consumption of gas - monthly data (nrg_cb_gasm), inland consumption observed".to_string(),
            publisher: "Eurostat".to_string(),
            r#where: format!("https://ec.europa.eu/eurostat/databrowser/view/nrg_cb_gasm; imported file {}", file_name(file)),
            version: String::new(),
            licence: "CC BY 4.0".to_string(),
            note: "TJ_GCV / 3600 = TWh; MIO_M3 x 10.55 / 1000 = TWh".to_string(),
        },
    );
    finish(&dataset, into_dir)?;
    Ok(ImportSummary {
        tables: vec![TableChange {
            file: "demand_monthly.csv".to_string(),
            added,
            replaced,
        }],
        skipped: skipped.into_iter().collect(),
    })
}

/// Leaves out the imported rows of every zone-year (other than `EU`) that the
/// merge would leave incomplete: `demand_monthly.csv` requires each zone-year
/// with rows to have all 12 months of each of its sectors (a gap would be read
/// as zero demand). E.g. the first months of a year not yet in the dataset.
/// Each zone-year left out is listed in `skipped`.
fn drop_incomplete_zone_years(
    existing: &[MonthlyDemandRecord],
    rows: Vec<MonthlyDemandRecord>,
    skipped: &mut BTreeSet<String>,
) -> Vec<MonthlyDemandRecord> {
    let mut keys: BTreeMap<(String, i32), BTreeSet<(u32, DemandSector)>> = BTreeMap::new();
    for row in existing.iter().chain(&rows) {
        keys.entry((row.zone.clone(), row.year))
            .or_default()
            .insert((row.month, row.sector));
    }
    let incomplete: BTreeSet<(String, i32)> = keys
        .into_iter()
        .filter(|((zone, _), present)| {
            let sectors: BTreeSet<DemandSector> = present.iter().map(|(_, s)| *s).collect();
            zone != EU_AGGREGATE
                && !(1..=12).all(|m| sectors.iter().all(|s| present.contains(&(m, *s))))
        })
        .map(|(key, _)| key)
        .collect();
    let mut months: BTreeMap<(String, i32), Vec<u32>> = BTreeMap::new();
    let kept = rows
        .into_iter()
        .filter(|row| {
            let key = (row.zone.clone(), row.year);
            if incomplete.contains(&key) {
                months.entry(key).or_default().push(row.month);
                false
            } else {
                true
            }
        })
        .collect();
    for ((zone, year), months) in months {
        let listed: Vec<String> = months.iter().map(u32::to_string).collect();
        skipped.insert(format!(
            "{zone} {year}: the file has months {} only, and demand_monthly.csv needs all 12 months of a zone-year (a missing month would be zero demand)",
            listed.join(", ")
        ));
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_in_both_notations() {
        assert_eq!(
            parse_period("2021-03"),
            Some(YearMonth {
                year: 2021,
                month: 3
            })
        );
        assert_eq!(
            parse_period("2021M03 "),
            Some(YearMonth {
                year: 2021,
                month: 3
            })
        );
        assert_eq!(parse_period("2021M13"), None);
    }

    #[test]
    fn units_convert_to_twh() {
        // 36,000 TJ = 10 TWh; 1,000 million m³ = 1 bcm = 10.55 TWh.
        assert_eq!(to_twh(36_000.0, "TJ_GCV"), Some((10.0, true)));
        assert!((to_twh(1000.0, "MIO_M3").unwrap().0 - 10.55).abs() < 1e-12);
        assert_eq!(to_twh(1.0, "KTOE"), None);
    }
}
