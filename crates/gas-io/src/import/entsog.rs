//! ENTSOG Transparency Platform physical flows → `route_flows_daily.csv`.
//!
//! Reads the CSV of the platform's `operationaldatas` export (API or web
//! download): `periodFrom`, `operatorKey`, `pointKey`, `directionKey`, `value`,
//! `unit` (`kWh/d`) and, when present, `indicator` (only `Physical Flow` rows
//! are used). Point-level extracts with the columns `dates`, `operator`,
//! `location`, `direction`, `values` (kWh/d; Bruegel's raw data) are read too.
//!
//! Points are mapped to routes by [`ENTSOG_POINT_ROUTES`]; the flows of a
//! route's points are summed per gas day, converted kWh/d → GWh/d (÷ 10⁶), and
//! `flow_mcm_d` is set to GWh/d ÷ 10.55 (the project factor). Each (date, route)
//! replaces the row with the same key. Points not in the table are skipped and
//! listed in the summary.

use super::{
    check_imported, cite, file_name, finish, merge, ImportError, ImportSummary, Sheet, TableChange,
};
use crate::error::{InputError, InputErrors};
use crate::table::parse_date;
use gas_core::dataset::{RouteFlowRecord, SourceRecord};
use gas_core::units::GwhPerDay;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The source id the imported rows cite.
const SOURCE_ID: &str = "entsog_tp_import";

/// ENTSOG point directions that carry each import route: (route id, point key,
/// operator key, direction). Only the EU entry side is listed, one operator per
/// physical flow, so that sums do not count a flow twice (e.g. Greifswald is
/// the OPAL and NEL landings; GUD and Fluxys report the NEL flow again).
///
/// Point and operator keys as on the ENTSOG Transparency Platform, checked
/// against the point lists of Bruegel's import dataset (greenbruegel/gas-imports).
pub const ENTSOG_POINT_ROUTES: &[(&str, &str, &str, &str)] = &[
    ("NS1", "ITP-00251", "DE-TSO-0016", "entry"), // Greifswald / OPAL
    ("NS1", "ITP-00247", "DE-TSO-0017", "entry"), // Greifswald / NEL
    ("YAMAL", "ITP-00104", "PL-TSO-0001", "entry"), // Kondratki
    ("YAMAL", "ITP-00092", "PL-TSO-0002", "entry"), // Wysokoje
    ("YAMAL", "ITP-00094", "PL-TSO-0002", "entry"), // Tieterowka
    ("UA-TRANSIT-SK", "ITP-00117", "SK-TSO-0001", "entry"), // Velké Kapušany
    ("UA-TRANSIT-HU", "ITP-10006", "HU-TSO-0001", "entry"), // VIP Bereg
    ("UA-TRANSIT-PL", "ITP-10008", "PL-TSO-0002", "entry"), // Drozdowicze (GCP)
    ("UA-TRANSIT-RO", "ITP-00087", "RO-TSO-0001", "entry"), // Isaccea I
    ("UA-TRANSIT-RO", "ITP-00299", "RO-TSO-0001", "entry"), // Isaccea II
    ("UA-TRANSIT-RO", "ITP-00300", "RO-TSO-0001", "entry"), // Isaccea III
    ("TURKSTREAM", "ITP-00549", "BG-TSO-0001", "entry"), // Strandzha 2
    ("TAP", "ITP-00274", "AL-TSO-0001", "entry"), // Kipoi
    ("IMATRA", "ITP-00024", "FI-TSO-0003", "entry"), // Imatra
    ("KOTLOVKA", "ITP-00085", "LT-TSO-0001", "entry"), // Kotlovka
    ("RU-BALTIC", "ITP-00187", "EE-TSO-0001", "entry"), // Värska
    ("RU-BALTIC", "ITP-00243", "EE-TSO-0001", "entry"), // Narva
    ("RU-BALTIC", "ITP-00493", "LV-TSO-0001", "entry"), // Luhamaa
    ("MEDGAZ", "ITP-00048", "ES-TSO-0006", "entry"), // Almería
    ("GREENSTREAM", "ITP-00074", "IT-TSO-0001", "entry"), // Gela
    ("NORWAY-FR", "ITP-00045", "FR-TSO-0003", "entry"), // Dunkerque
    ("NORWAY-BE", "ITP-00106", "BE-TSO-0001", "entry"), // Zeebrugge ZPT
    ("NORWAY-DE", "ITP-00188", "DE-TSO-0005", "entry"), // Dornum / NETRA (GUD)
    ("NORWAY-DE", "ITP-00126", "DE-TSO-0009", "entry"), // Dornum / NETRA (OGE)
    ("NORWAY-DE", "ITP-00105", "DE-TSO-0002", "entry"), // Emden EPT1 (Thyssengas)
    ("NORWAY-DE", "ITP-00081", "DE-TSO-0005", "entry"), // Emden EPT1 (GUD)
    ("NORWAY-DE", "ITP-00080", "DE-TSO-0009", "entry"), // Emden EPT1 (OGE)
    ("NORWAY-NL", "ITP-00160", "NL-TSO-0001", "entry"), // Emden EPT1 (GTS)
];

fn route_of(point: &str, operator: Option<&str>, direction: &str) -> Option<&'static str> {
    ENTSOG_POINT_ROUTES
        .iter()
        .find(|(_, p, o, d)| {
            *p == point && operator.is_none_or(|op| op == *o) && d.eq_ignore_ascii_case(direction)
        })
        .map(|(route, ..)| *route)
}

/// Imports an ENTSOG physical-flow export (`file`) into the dataset folder
/// `into_dir` as daily route flows (key: date, route).
pub fn import_entsog(file: &Path, into_dir: &Path) -> Result<ImportSummary, ImportError> {
    let sheet = Sheet::read(file)?;
    let mut errors = Vec::new();
    let mut need = |names: &[&str]| match sheet.require(names) {
        Ok(i) => Some(i),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let (date_c, point_c, direction_c, value_c) = (
        need(&["periodFrom", "dates"]),
        need(&["pointKey", "location"]),
        need(&["directionKey", "direction"]),
        need(&["value", "values"]),
    );
    let (Some(date_c), Some(point_c), Some(direction_c), Some(value_c)) =
        (date_c, point_c, direction_c, value_c)
    else {
        return Err(InputErrors(errors).into());
    };
    let operator_c = sheet.column(&["operatorKey", "operator"]);
    let unit_c = sheet.column(&["unit"]);
    let indicator_c = sheet.column(&["indicator"]);

    // Per (day, route): the sum and the first line that contributed to it.
    let mut sums: BTreeMap<(chrono::NaiveDate, &'static str), (f64, usize)> = BTreeMap::new();
    let mut unmapped: BTreeSet<String> = BTreeSet::new();
    for (line, cells) in &sheet.rows {
        let line = *line;
        if let Some(i) = indicator_c {
            if !sheet.cell(cells, i).eq_ignore_ascii_case("Physical Flow") {
                continue;
            }
        }
        let point = sheet.cell(cells, point_c);
        let operator = operator_c.map(|i| sheet.cell(cells, i));
        let direction = sheet.cell(cells, direction_c);
        let Some(route) = route_of(point, operator, direction) else {
            unmapped.insert(format!(
                "{point} {} {direction}: point not in ENTSOG_POINT_ROUTES",
                operator.unwrap_or("")
            ));
            continue;
        };
        let raw_date = sheet.cell(cells, date_c);
        let date = raw_date.get(..10).and_then(parse_date);
        if date.is_none() {
            errors.push(InputError::cell(
                &sheet.file,
                line,
                &sheet.header[date_c],
                "date YYYY-MM-DD (optionally followed by a time)",
                raw_date,
            ));
        }
        if let Some(i) = unit_c {
            let unit = sheet.cell(cells, i);
            if !unit.eq_ignore_ascii_case("kWh/d") && !unit.eq_ignore_ascii_case("kWh") {
                errors.push(InputError::cell(
                    &sheet.file,
                    line,
                    &sheet.header[i],
                    "kWh/d",
                    unit,
                ));
                continue;
            }
        }
        // An empty value is a day without data, not a zero.
        if sheet.cell(cells, value_c).is_empty() {
            continue;
        }
        let value = sheet.number(line, cells, value_c, &mut errors);
        if let (Some(date), Some(value)) = (date, value) {
            if value < 0.0 {
                errors.push(InputError::cell(
                    &sheet.file,
                    line,
                    &sheet.header[value_c],
                    "non-negative number",
                    sheet.cell(cells, value_c),
                ));
                continue;
            }
            sums.entry((date, route)).or_insert((0.0, line)).0 += value / 1e6;
        }
    }
    if !errors.is_empty() {
        return Err(InputErrors(errors).into());
    }

    let mut dataset = crate::load_dataset(into_dir)?;
    let mut skipped: Vec<String> = unmapped.into_iter().collect();
    let known: BTreeSet<&str> = dataset.routes.iter().map(|r| r.id.as_str()).collect();
    let mut flows = Vec::new();
    let mut first_lines = Vec::new();
    for ((date, route), (gwh_d, first_line)) in sums {
        if !known.contains(route) {
            skipped.push(format!("{route}: route not in routes.csv"));
            continue;
        }
        let gwh_d = (gwh_d * 1000.0).round() / 1000.0;
        first_lines.push(first_line);
        flows.push(RouteFlowRecord {
            date,
            route: route.to_string(),
            flow_gwh_d: GwhPerDay(gwh_d),
            flow_mcm_d: (gwh_d / gas_core::units::TWH_PER_BCM * 1000.0).round() / 1000.0,
            source: SOURCE_ID.to_string(),
        });
    }
    skipped.dedup();
    // Daily sums out of the dataset's ranges are errors of the downloaded file
    // (at the first line of the day and route).
    let errors = check_imported(
        &sheet,
        &first_lines.iter().copied().zip(&flows).collect::<Vec<_>>(),
        &[],
    );
    if !errors.is_empty() {
        return Err(InputErrors(errors).capped(crate::read::MAX_ALIKE).into());
    }
    let (added, replaced) = merge(&mut dataset.route_flows_daily, flows, |r| {
        (r.date, r.route.clone())
    });
    cite(
        &mut dataset,
        SourceRecord {
            id: SOURCE_ID.to_string(),
            title: "ENTSOG Transparency Platform, physical flows per interconnection point".to_string(),
            publisher: "ENTSOG".to_string(),
            r#where: format!("https://transparency.entsog.eu; imported file {}", file_name(file)),
            version: String::new(),
            licence: "ENTSOG Transparency Platform terms of use".to_string(),
            note: "kWh/d / 1e6 = GWh/d; mcm/d = GWh/d / 10.55; points mapped by gas_io::import::ENTSOG_POINT_ROUTES".to_string(),
        },
    );
    finish(&dataset, into_dir)?;
    Ok(ImportSummary {
        tables: vec![TableChange {
            file: "route_flows_daily.csv".to_string(),
            added,
            replaced,
        }],
        skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_point_direction_maps_to_one_route() {
        let mut seen = BTreeSet::new();
        for (_, point, operator, direction) in ENTSOG_POINT_ROUTES {
            assert!(
                seen.insert((point, operator, direction)),
                "{point} {operator}"
            );
        }
    }

    #[test]
    fn exit_side_is_not_mapped() {
        assert_eq!(
            route_of("ITP-00117", Some("SK-TSO-0001"), "entry"),
            Some("UA-TRANSIT-SK")
        );
        assert_eq!(route_of("ITP-00117", Some("UA-TSO-0001"), "exit"), None);
    }
}
