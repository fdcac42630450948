//! Terminal output: the run summary table and the compare matrix (printed through the
//! `out!` and `outln!` macros of [`crate::out`]).

use gas_app::compare::{headline, Cell};
use gas_app::RunOutcome;
use gas_core::RunStatus;
use gas_metrics::kpi::ZoneKpi;
use gas_metrics::ledger::LedgerLine;

fn or_dash(value: Option<String>) -> String {
    value.unwrap_or_else(|| "-".to_string())
}

/// The status of a run as `summary.json` and `matrix.csv` write it (`infeasible`, ...).
pub fn status_word(status: RunStatus) -> &'static str {
    match status {
        RunStatus::Optimal => "optimal",
        RunStatus::Infeasible => "infeasible",
        RunStatus::Unbounded => "unbounded",
        RunStatus::Stopped => "stopped",
    }
}

/// A number with `decimals` decimals, or `-` when it is unknown (NaN: unsolved days).
fn figure(value: f64, decimals: usize) -> String {
    if value.is_finite() {
        format!("{:.*}", decimals, value + 0.0)
    } else {
        "-".to_string()
    }
}

/// One line of the zone table; `complete`: every day of the run was solved (else a
/// storage that did not reach its floor on a solved day has an unknown buffer, `-`).
fn kpi_row(kpi: &ZoneKpi, complete: bool) -> String {
    let [households, power, industry, other] = kpi.unserved_twh_by_sector.map(|v| figure(v, 1));
    format!(
        "{:<5} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>7} {:>11} {:>8} {:>9}",
        kpi.zone,
        match (
            kpi.demand_twh > 0.0,
            kpi.working_gas_twh > 0.0,
            kpi.buffer_days
        ) {
            (false, _, _) => "no demand".to_string(),
            (true, false, _) => "no UGS".to_string(),
            (true, true, Some(days)) => days.to_string(),
            (true, true, None) if complete => "> period".to_string(),
            (true, true, None) => "-".to_string(),
        },
        figure(kpi.unserved_twh, 1),
        households,
        power,
        industry,
        other,
        figure(kpi.fuel_switched_twh, 1),
        or_dash(kpi.min_fill_pct.map(|f| format!("{f:.0}%"))),
        or_dash(kpi.min_fill_date.map(|d| d.to_string())),
        or_dash(kpi.fill_on_1_nov_pct.map(|f| format!("{f:.0}%"))),
        or_dash(kpi.peak_price_eur_mwh.map(|p| format!("{p:.0}"))),
    )
}

/// Prints the per-zone summary of a run, the EU line and the ledger totals.
pub fn run_summary(outcome: &RunOutcome) {
    let results = &outcome.results;
    let packages = if outcome.packages.is_empty() {
        "without packages".to_string()
    } else {
        format!("with packages {}", outcome.packages.join(", "))
    };
    outln!(
        "Scenario {} {}: {} to {}, solver {} ({:?}, {:.2} s)",
        outcome.scenario,
        packages,
        results.period.start,
        results.period.end(),
        outcome.solver,
        results.status,
        outcome.solve_seconds
    );
    if let Some(start) = outcome.disruption_start {
        outln!("Buffer days count from the first disruption, {start}.");
    }
    let unsolved = results.unsolved_days();
    if !unsolved.is_empty() {
        outln!(
            "Unsolved: {} to {} ({} days, the dispatch is {} there): their figures are unknown, shown - and left empty in the files.",
            results.period.date(unsolved.start),
            results.period.date(unsolved.end - 1),
            unsolved.len(),
            status_word(results.status)
        );
    }
    outln!(
        "\n{:<5} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>7} {:>11} {:>8} {:>9}",
        "zone",
        "buffer",
        "unserved",
        "hh+serv",
        "power",
        "industry",
        "other",
        "switched",
        "minfill",
        "min date",
        "1 Nov",
        "peak EUR"
    );
    outln!(
        "{:<5} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>7} {:>11} {:>8} {:>9}",
        "",
        "days",
        "TWh",
        "TWh",
        "TWh",
        "TWh",
        "TWh",
        "TWh",
        "",
        "",
        "fill",
        "/MWh"
    );
    let complete = results.is_complete();
    for kpi in &outcome.zones {
        outln!("{}", kpi_row(kpi, complete));
    }
    outln!("{}", kpi_row(&outcome.eu, complete));
    if outcome.zones.iter().any(|kpi| kpi.demand_twh <= 0.0) {
        outln!("no demand: the zone has no modelled demand; its buffer, fill and peak price are left out (-).");
    }
    outln!("\nLedger (period totals):");
    for line in LedgerLine::ALL {
        let (volume, value) = outcome.ledger.line_total(line);
        outln!(
            "  {:<38} {:>9} TWh {:>12} MEUR",
            line.label(),
            figure(volume, 1),
            figure(value, 0)
        );
    }
    if let Some(comparison) = &outcome.versus_do_nothing {
        let cost = comparison.cost;
        outln!("\nPackages against do-nothing (positive = a cost):");
        outln!(
            "  cost to Russia {:>12} MEUR",
            figure(cost.cost_to_russia_meur, 0)
        );
        outln!(
            "  cost to Europe {:>12} MEUR",
            figure(cost.cost_to_europe_meur, 0)
        );
        outln!(
            "  cost to the US {:>12} MEUR",
            figure(cost.cost_to_us_meur, 0)
        );
        outln!(
            "  EU unserved: {} TWh without the packages, {} TWh with them",
            figure(comparison.do_nothing_eu.unserved_twh, 1),
            figure(outcome.eu.unserved_twh, 1)
        );
    }
    for warning in &outcome.built.warnings {
        outln!("note: {warning}");
    }
    // The dispatch's own notes (its solves, the fill-curve refinement, reserve floors it
    // had to lower); a stopped run's last note is the warning printed at the end.
    let shown = match results.status {
        RunStatus::Optimal => results.notes.len(),
        _ => results.notes.len().saturating_sub(1),
    };
    for note in &results.notes[..shown] {
        outln!("dispatch: {note}");
    }
}

/// A solved run's headline figure as the matrix prints it: one decimal, except
/// buffer days, which are whole days, or `> period` when the EU storage did not
/// reach its floor (as in the zone table; `matrix.csv` leaves that cell empty).
fn headline_text(name: &str, value: Option<f64>) -> String {
    match (name, value) {
        ("eu_buffer_days", Some(days)) => format!("{days:.0}"),
        ("eu_buffer_days", None) => "> period".to_string(),
        (_, value) => or_dash(value.map(|v| format!("{v:.1}"))),
    }
}

/// Prints the matrix of one headline figure: packages down, scenarios across
/// (the orientation of the HTML report's matrices).
pub fn matrix(cells: &[Cell], name: &str) {
    let mut scenarios: Vec<&str> = Vec::new();
    let mut packages: Vec<&str> = Vec::new();
    for cell in cells {
        if !scenarios.contains(&cell.scenario.as_str()) {
            scenarios.push(&cell.scenario);
        }
        if !packages.contains(&cell.package.as_str()) {
            packages.push(&cell.package);
        }
    }
    outln!("{name}");
    out!("{:<32}", "package \\ scenario");
    for scenario in &scenarios {
        out!(" {scenario:>24}");
    }
    outln!();
    for package in &packages {
        out!("{package:<32}");
        for scenario in &scenarios {
            let cell = cells
                .iter()
                .find(|c| c.scenario == *scenario && c.package == *package);
            // A run that did not solve shows its status, never a number.
            let shown = match cell {
                Some(cell) if cell.outcome.results.status != RunStatus::Optimal => {
                    status_word(cell.outcome.results.status).to_string()
                }
                Some(cell) => headline_text(name, headline(cell, name)),
                None => "-".to_string(),
            };
            out!(" {shown:>24}");
        }
        outln!();
    }
}

#[cfg(test)]
mod tests {
    use super::headline_text;

    #[test]
    fn the_matrix_prints_buffer_days_as_days_and_an_unreached_floor_as_beyond_the_period() {
        assert_eq!(headline_text("eu_buffer_days", Some(365.0)), "365");
        assert_eq!(headline_text("eu_buffer_days", None), "> period");
        assert_eq!(headline_text("eu_unserved_twh", Some(730.436495)), "730.4");
        assert_eq!(headline_text("eu_min_fill_pct", None), "-");
    }
}
