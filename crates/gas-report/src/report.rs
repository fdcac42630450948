//! HTML pages: the run report and the matrix report, with inline CSS and SVG only.

use crate::charts::bars::{bar_chart, BarChart, BarGroup};
use crate::charts::line::{small_multiples, LineChart, Series, LARGE_PANEL_PX};
use crate::charts::{esc, figure as fmt};
use crate::figures::{fill_pct, ledger_lines, run_figures, sector_label, Buffer, Figure};
use crate::palette::{self, text_on_viridis, viridis, OKABE_ITO};
use gas_app::compare::{headline, Cell, DO_NOTHING, HEADLINES};
use gas_app::run::RunOutcome;
use gas_core::dataset::StorageLevelRecord;
use gas_core::sector::Sector;
use gas_core::system::Operation;
use gas_metrics::kpi::ZoneKpi;
use std::fmt::Write;

/// The page's style sheet (also used by the web app).
pub const CSS: &str = include_str!("report.css");

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        esc(title)
    )
}

fn opt(value: Option<f64>, decimals: usize, unit: &str) -> String {
    match value.filter(|v| v.is_finite()) {
        Some(v) => format!("{}{unit}", fmt(v, decimals)),
        None => "–".into(),
    }
}

fn buffer_text(outcome: &RunOutcome, kpi: &ZoneKpi) -> String {
    Buffer::of(kpi, outcome.results.is_complete()).text()
}

/// The table of key figures: the EU first, then every zone. Unserved energy and
/// fuel switching are apart: together they are the volume of the ledger's two
/// curtailment-cost lines.
pub fn kpi_table(outcome: &RunOutcome) -> String {
    let mut html = String::from("<table class=\"kpis\" data-table=\"kpis\">\n<thead><tr><th>zone</th><th>working gas (TWh)</th><th>buffer</th><th>unserved (TWh)</th><th>unserved share</th>");
    for sector in Sector::ALL {
        let _ = write!(
            html,
            "<th>unserved {} (TWh)</th>",
            esc(sector_label(sector))
        );
    }
    html.push_str("<th>fuel switched (TWh)</th><th>min fill</th><th>min fill date</th><th>fill 1 Nov</th><th>peak price (EUR/MWh)</th></tr></thead>\n<tbody>\n");
    for kpi in std::iter::once(&outcome.eu).chain(&outcome.zones) {
        let class = if kpi.zone == outcome.eu.zone && std::ptr::eq(kpi, &outcome.eu) {
            " class=\"total\""
        } else {
            ""
        };
        let _ = write!(
            html,
            "<tr{class} data-zone=\"{}\"><th>{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
            esc(&kpi.zone),
            esc(&kpi.zone),
            fmt(kpi.working_gas_twh, 1),
            esc(&buffer_text(outcome, kpi)),
            fmt(kpi.unserved_twh, 2),
            opt(kpi.unserved_share.map(|share| 100.0 * share), 2, " %"),
        );
        for value in kpi.unserved_twh_by_sector {
            let _ = write!(html, "<td>{}</td>", fmt(value, 2));
        }
        let _ = write!(html, "<td>{}</td>", fmt(kpi.fuel_switched_twh, 2));
        let _ = writeln!(
            html,
            "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            opt(kpi.min_fill_pct, 1, " %"),
            kpi.min_fill_date.map_or("–".into(), |d| d.to_string()),
            opt(kpi.fill_on_1_nov_pct, 1, " %"),
            opt(kpi.peak_price_eur_mwh, 0, ""),
        );
    }
    html.push_str("</tbody>\n</table>\n");
    html
}

/// The ledger table: volume and value per line, and the change against do-nothing when priced.
pub fn ledger_table(outcome: &RunOutcome) -> String {
    let priced = outcome.versus_do_nothing.is_some();
    let mut html = String::from("<table class=\"ledger\" data-table=\"ledger\">\n<thead><tr><th>line</th><th>volume (TWh)</th><th>value (million EUR)</th>");
    if priced {
        html.push_str("<th>do nothing (million EUR)</th><th>change (million EUR)</th>");
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for (label, volume, value, change) in ledger_lines(outcome) {
        let _ = write!(
            html,
            "<tr><th>{}</th><td>{}</td><td>{}</td>",
            esc(label),
            fmt(volume, 1),
            fmt(value, 0)
        );
        if let Some(change) = change {
            let _ = write!(
                html,
                "<td>{}</td><td>{}</td>",
                fmt(value - change, 0),
                fmt(change, 0)
            );
        }
        html.push_str("</tr>\n");
    }
    if let Some(comparison) = &outcome.versus_do_nothing {
        let cost = comparison.cost;
        let _ = writeln!(
            html,
            "<tr class=\"total\"><th>cost to Russia / Europe / the US</th><td></td><td colspan=\"3\">{} / {} / {}</td></tr>",
            fmt(cost.cost_to_russia_meur, 0),
            fmt(cost.cost_to_europe_meur, 0),
            fmt(cost.cost_to_us_meur, 0)
        );
    }
    html.push_str("</tbody>\n</table>\n");
    html
}

/// The headline figures of a run as a short list (`data-kpi` attributes for scripts and tests).
pub fn headline_list(outcome: &RunOutcome) -> String {
    let eu = &outcome.eu;
    let mut items = vec![
        ("eu_buffer", "EU buffer", buffer_text(outcome, eu)),
        (
            "eu_unserved_twh",
            "EU unserved demand",
            opt(Some(eu.unserved_twh), 2, " TWh"),
        ),
        (
            "eu_min_fill_pct",
            "EU minimum fill",
            opt(eu.min_fill_pct, 1, " %"),
        ),
        (
            "eu_fill_on_1_nov_pct",
            "EU fill on 1 November",
            opt(eu.fill_on_1_nov_pct, 1, " %"),
        ),
    ];
    if let Some(c) = &outcome.versus_do_nothing {
        items.push((
            "cost_to_russia_meur",
            "cost to Russia",
            opt(Some(c.cost.cost_to_russia_meur), 0, " MEUR"),
        ));
        items.push((
            "cost_to_europe_meur",
            "cost to Europe",
            opt(Some(c.cost.cost_to_europe_meur), 0, " MEUR"),
        ));
        items.push((
            "cost_to_us_meur",
            "cost to the US",
            opt(Some(c.cost.cost_to_us_meur), 0, " MEUR"),
        ));
    }
    let mut html = String::from("<dl class=\"headline\">\n");
    for (key, label, value) in items {
        let _ = writeln!(
            html,
            "<div data-kpi=\"{key}\"><dt>{}</dt><dd>{}</dd></div>",
            esc(label),
            esc(&value)
        );
    }
    html.push_str("</dl>\n");
    html
}

/// How the dispatch looked ahead: the same scenario gives other figures under
/// another operation (the web app's default is myopic).
fn operation_text(operation: Operation) -> String {
    match operation {
        Operation::PerfectForesight => "perfect foresight".into(),
        Operation::RollingHorizon {
            window_days,
            commit_days,
        } => format!("rolling horizon ({window_days} d, keep {commit_days})"),
        Operation::Myopic => "myopic (day by day)".into(),
    }
}

fn run_header(outcome: &RunOutcome) -> String {
    let results = &outcome.results;
    let packages = if outcome.packages.is_empty() {
        "none".to_string()
    } else {
        outcome.packages.join(", ")
    };
    let mut html = format!(
        "<header>\n<h1>gasbuffer: {}</h1>\n<p class=\"meta\">packages: {} · period {} to {} ({} days) · operation {} · solver {} ({}) · {}</p>\n</header>\n",
        esc(&outcome.scenario),
        esc(&packages),
        results.period.start,
        results.period.end(),
        results.period.days,
        esc(&operation_text(outcome.built.system.settings.operation)),
        esc(outcome.solver),
        esc(&format!("{:?}", results.status)),
        outcome.disruption_start.map_or(
            "no disruption (buffer days count from the first day)".to_string(),
            |d| format!("disruption from {d}")
        ),
    );
    let unsolved = results.unsolved_days();
    if !unsolved.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"warning\">The dispatch ended {:?}: {} to {} ({} days) are unsolved. Every figure that depends on those days is unknown, shown – or \"unsolved\", and left out of the charts.</p>",
            results.status,
            results.period.date(unsolved.start),
            results.period.date(unsolved.end - 1),
            unsolved.len()
        );
    } else if results.status != gas_core::RunStatus::Optimal {
        let _ = writeln!(
            html,
            "<p class=\"warning\">The dispatch ended {:?}: the figures below are not a valid dispatch.</p>",
            results.status
        );
    }
    html
}

fn section(title: &str, figures: &[&Figure], extra: &str) -> String {
    let mut html = format!("<section>\n<h2>{}</h2>\n", esc(title));
    for figure in figures {
        html.push_str(&figure.html());
    }
    html.push_str(extra);
    html.push_str("</section>\n");
    html
}

fn notes(outcome: &RunOutcome) -> String {
    let mut html =
        String::from("<section>\n<h2>Inputs applied and data notes</h2>\n<ul class=\"notes\">\n");
    for applied in &outcome.built.applied {
        let _ = writeln!(
            html,
            "<li>{}: {}</li>",
            esc(&applied.label()),
            esc(&applied.change)
        );
    }
    for warning in &outcome.built.warnings {
        let _ = writeln!(html, "<li class=\"note\">note: {}</li>", esc(warning));
    }
    html.push_str("</ul>\n</section>\n");
    html
}

/// The body sections of a run (everything but the page shell): headline, figures, tables, notes.
pub fn run_body(outcome: &RunOutcome, observed: &[StorageLevelRecord]) -> String {
    let figures = run_figures(outcome, observed);
    let by_id = |id: &str| figures.iter().filter(|f| f.id == id).collect::<Vec<_>>();
    let pick = |ids: &[&str]| ids.iter().flat_map(|id| by_id(id)).collect::<Vec<_>>();
    let mut html = run_header(outcome);
    html.push_str(&headline_list(outcome));
    html.push_str(&section("Storage", &pick(&["eu-fill", "zone-fill"]), ""));
    html.push_str(&section(
        "Where the buffer runs out",
        &pick(&["map-buffer", "map-unserved"]),
        "",
    ));
    html.push_str(&section(
        "Unserved demand",
        &pick(&["unserved-heatmap", "unserved-sector"]),
        "",
    ));
    html.push_str(&section("Supply", &pick(&["supply-mix"]), ""));
    html.push_str(&section(
        "Costs",
        &pick(&["ledger", "package-change"]),
        &ledger_table(outcome),
    ));
    html.push_str(&format!(
        "<section>\n<h2>Key figures by zone</h2>\n{}</section>\n",
        kpi_table(outcome)
    ));
    html.push_str(&notes(outcome));
    html
}

/// The self-contained HTML report of one run.
pub fn render_run_report(outcome: &RunOutcome, observed: &[StorageLevelRecord]) -> String {
    page(
        &format!("gasbuffer report: {}", outcome.scenario),
        &run_body(outcome, observed),
    )
}

fn unique<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// Label and decimals of a headline figure, and whether higher is better.
fn headline_info(name: &str) -> (&'static str, usize, bool) {
    match name {
        "eu_unserved_twh" => ("EU unserved demand (TWh)", 2, false),
        "eu_min_fill_pct" => ("EU minimum fill (%)", 1, true),
        "eu_fill_on_1_nov_pct" => ("EU fill on 1 November (%)", 1, true),
        "eu_buffer_days" => ("EU buffer (days; – : storage lasts the period)", 0, true),
        "cost_to_russia_meur" => ("cost to Russia against do-nothing (million EUR)", 0, true),
        "cost_to_europe_meur" => ("cost to Europe against do-nothing (million EUR)", 0, false),
        "cost_to_us_meur" => ("cost to the US against do-nothing (million EUR)", 0, false),
        _ => ("", 1, true),
    }
}

/// The status of a cell whose run has unsolved days (`infeasible`, ...), as
/// `matrix.csv` and the printed matrix give it; `None` for a complete run.
fn unsolved_status(cell: &Cell) -> Option<String> {
    let results = &cell.outcome.results;
    (!results.is_complete() || results.status != gas_core::RunStatus::Optimal)
        .then(|| format!("{:?}", results.status).to_lowercase())
}

/// One coloured package x scenario table for a headline figure; a run with
/// unsolved days shows its status instead of a number.
pub fn matrix_html(cells: &[Cell], name: &str) -> String {
    let scenarios = unique(cells.iter().map(|c| c.scenario.as_str()));
    let packages = unique(cells.iter().map(|c| c.package.as_str()));
    let (label, decimals, higher_better) = headline_info(name);
    let values: Vec<f64> = cells
        .iter()
        .filter_map(|c| headline(c, name))
        .filter(|v| v.is_finite())
        .collect();
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut html = format!(
        "<table class=\"matrix\" data-headline=\"{}\">\n<caption>{} <span class=\"hint\">({} is better; colour: yellow = best, purple = worst)</span></caption>\n<thead><tr><th>package \\ scenario</th>",
        esc(name),
        esc(label),
        if higher_better { "higher" } else { "lower" },
    );
    for scenario in &scenarios {
        let _ = write!(html, "<th>{}</th>", esc(scenario));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for package in &packages {
        let _ = write!(html, "<tr><th>{}</th>", esc(package));
        for scenario in &scenarios {
            let cell = cells
                .iter()
                .find(|c| c.scenario == *scenario && c.package == *package);
            if let Some(status) = cell.and_then(unsolved_status) {
                let _ = write!(html, "<td class=\"none\">{status}</td>");
                continue;
            }
            match cell
                .and_then(|c| headline(c, name))
                .filter(|v| v.is_finite())
            {
                Some(v) => {
                    let t = if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
                    let t = if higher_better { t } else { 1.0 - t };
                    let _ = write!(
                        html,
                        "<td style=\"background:{};color:{}\">{}</td>",
                        viridis(t),
                        text_on_viridis(t),
                        fmt(v, decimals)
                    );
                }
                None => html.push_str("<td class=\"none\">–</td>"),
            }
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
    html
}

/// Figures of a matrix: EU fill per scenario (one line per package), EU unserved
/// and, when a package besides do-nothing was run, the package costs.
pub fn compare_figures(cells: &[Cell]) -> Vec<Figure> {
    let scenarios = unique(cells.iter().map(|c| c.scenario.as_str()));
    let packages = unique(cells.iter().map(|c| c.package.as_str()));
    let colour = |package: &str| {
        let i = packages.iter().position(|p| *p == package).unwrap_or(0);
        OKABE_ITO[(i + 5) % OKABE_ITO.len()].to_string()
    };
    let panels: Vec<LineChart> = scenarios
        .iter()
        .filter_map(|scenario| {
            let first = cells.iter().find(|c| c.scenario == *scenario)?;
            let results = &first.outcome.results;
            let series = cells
                .iter()
                .filter(|c| c.scenario == *scenario)
                .map(|c| Series {
                    name: c.package.clone(),
                    color: colour(&c.package),
                    values: fill_pct(
                        &c.outcome.built.system,
                        &c.outcome.results,
                        &c.outcome.eu_zones,
                    )
                    .unwrap_or_default(),
                    dashed: false,
                })
                .collect();
            Some(LineChart {
                title: (*scenario).to_string(),
                y_label: String::new(),
                start: results.period.start,
                days: results.period.days,
                series,
                markers: Vec::new(),
                marker_name: String::new(),
                y_range: Some((0.0, 100.0)),
            })
        })
        .collect();
    let fill_title = "EU storage fill by scenario and package";
    let group_label = |c: &Cell| match unsolved_status(c) {
        Some(status) => format!("{} · {} ({status})", c.scenario, c.package),
        None => format!("{} · {}", c.scenario, c.package),
    };
    // Unknown figures (runs with unsolved days) are NaN: a dash in the chart.
    let value = |c: &Cell, name: &str| headline(c, name).unwrap_or(f64::NAN);
    let unserved_title = "EU unserved demand by scenario and package";
    let cost_title = "Package costs against do-nothing";
    let priced: Vec<&Cell> = cells.iter().filter(|c| c.package != DO_NOTHING).collect();
    let mut figures = vec![
        Figure {
            id: "compare-eu-fill".into(),
            title: fill_title.into(),
            caption: "One panel per scenario; one line per package (EU27 storage fill, % of working gas). A package whose line is the same as an earlier one's is drawn dashed over it.".into(),
            svg: small_multiples(fill_title, "EU storage fill (%)", &panels, 2, LARGE_PANEL_PX),
        },
        Figure {
            id: "compare-unserved".into(),
            title: unserved_title.into(),
            caption: "Curtailed EU27 demand over each scenario's period (TWh).".into(),
            svg: bar_chart(&BarChart {
                title: unserved_title.into(),
                x_label: "EU unserved demand (TWh)".into(),
                series: vec![("EU unserved".into(), palette::VERMILLION.into())],
                groups: cells
                    .iter()
                    .map(|c| BarGroup { label: group_label(c), values: vec![value(c, "eu_unserved_twh")] })
                    .collect(),
                decimals: 1,
            }),
        },
    ];
    // Without a package besides do-nothing there is no cost to show.
    if priced.is_empty() {
        return figures;
    }
    figures.push(Figure {
            id: "compare-costs".into(),
            title: cost_title.into(),
            caption: "Each package against the do-nothing run of its scenario (million EUR; positive = a cost to that party).".into(),
            svg: bar_chart(&BarChart {
                title: cost_title.into(),
                x_label: "million EUR".into(),
                series: vec![
                    ("cost to Russia".into(), palette::VERMILLION.into()),
                    ("cost to Europe".into(), palette::BLUE.into()),
                    ("cost to the US".into(), palette::YELLOW.into()),
                ],
                groups: priced
                    .iter()
                    .map(|c| BarGroup {
                        label: group_label(c),
                        values: ["cost_to_russia_meur", "cost_to_europe_meur", "cost_to_us_meur"]
                            .iter()
                            .map(|n| value(c, n))
                            .collect(),
                    })
                    .collect(),
                decimals: 0,
            }),
        });
    figures
}

/// The self-contained HTML report of a package x scenario matrix.
pub fn render_compare_report(cells: &[Cell]) -> String {
    let scenarios = unique(cells.iter().map(|c| c.scenario.as_str()));
    let packages = unique(cells.iter().map(|c| c.package.as_str()));
    let mut body = format!(
        "<header>\n<h1>gasbuffer: package × scenario matrix</h1>\n<p class=\"meta\">{} scenarios ({}) · {} packages ({}) · {} runs</p>\n</header>\n",
        scenarios.len(),
        esc(&scenarios.join(", ")),
        packages.len(),
        esc(&packages.join(", ")),
        cells.len()
    );
    if cells
        .iter()
        .any(|c| c.outcome.results.status != gas_core::RunStatus::Optimal)
    {
        body.push_str("<p class=\"warning\">Some dispatches did not end optimal: see each run's summary.json.</p>\n");
    }
    body.push_str("<section>\n<h2>Headline figures</h2>\n<div class=\"matrices\">\n");
    for name in HEADLINES {
        body.push_str(&matrix_html(cells, name));
    }
    body.push_str("</div>\n</section>\n");
    let figures = compare_figures(cells);
    let refs: Vec<&Figure> = figures.iter().collect();
    body.push_str(&section("Charts", &refs, ""));
    page("gasbuffer matrix report", &body)
}
