//! Terminal output: the run summary table and the compare matrix, and [`write_out`]
//! (through the `out!` and `outln!` macros), which every command prints with.

/// Writes to standard output without ever panicking. Once a write fails (the reader
/// has gone, as in `gasbuffer run ... | head -1`, or the output cannot be written),
/// later output is dropped and the command carries on: its result files are still
/// written and its exit code is that of its work. A failure other than a closed pipe
/// is reported once on standard error.
pub fn write_out(text: std::fmt::Arguments) {
    use std::io::Write;
    use std::sync::atomic::{AtomicBool, Ordering};
    static FAILED: AtomicBool = AtomicBool::new(false);
    if FAILED.load(Ordering::Relaxed) {
        return;
    }
    let mut stdout = std::io::stdout().lock();
    let written = stdout.write_fmt(text).and_then(|()| stdout.flush());
    if let Err(error) = written {
        FAILED.store(true, Ordering::Relaxed);
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = writeln!(
                std::io::stderr(),
                "warning: standard output: {error}; further output dropped"
            );
        }
    }
}

/// `print!` to standard output through [`write_out`]: never panics.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::print::write_out(format_args!($($arg)*))
    };
}

/// `println!` to standard output through [`write_out`]: never panics.
macro_rules! outln {
    () => {
        $crate::print::write_out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::print::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {out, outln};

use gas_app::compare::{headline, Cell};
use gas_app::RunOutcome;
use gas_core::RunStatus;
use gas_metrics::kpi::ZoneKpi;
use gas_metrics::ledger::LedgerCategory;

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
        "{:<5} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>7} {:>11} {:>8} {:>9}",
        kpi.zone,
        match (kpi.working_gas_twh > 0.0, kpi.buffer_days) {
            (false, _) => "no UGS".to_string(),
            (true, Some(days)) => days.to_string(),
            (true, None) if complete => "> period".to_string(),
            (true, None) => "-".to_string(),
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
    outln!(
        "Scenario {} with packages [{}]: {} to {}, solver {} ({:?}, {:.2} s)",
        outcome.scenario,
        outcome.packages.join(", "),
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
        "\n{:<5} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>7} {:>11} {:>8} {:>9}",
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
        "{:<5} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>7} {:>11} {:>8} {:>9}",
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
    outln!("\nLedger (period totals):");
    for (category, label) in [
        (
            LedgerCategory::RussiaExportRevenue,
            "Russia's gas export revenue",
        ),
        (LedgerCategory::ImportBill, "EU import bill"),
        (LedgerCategory::UsLngRevenue, "US LNG revenue"),
        (LedgerCategory::CurtailmentCost, "EU curtailment cost"),
    ] {
        let (volume, value) = outcome.ledger.total(category);
        outln!(
            "  {label:<30} {:>9} TWh {:>12} MEUR",
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
}

/// Prints the matrix of one headline figure: scenarios down, packages across.
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
    out!("{:<32}", "scenario \\ package");
    for package in &packages {
        out!(" {package:>20}");
    }
    outln!();
    for scenario in &scenarios {
        out!("{scenario:<32}");
        for package in &packages {
            let cell = cells
                .iter()
                .find(|c| c.scenario == *scenario && c.package == *package);
            // A run that did not solve shows its status, never a number.
            let shown = match cell {
                Some(cell) if cell.outcome.results.status != RunStatus::Optimal => {
                    status_word(cell.outcome.results.status).to_string()
                }
                cell => or_dash(
                    cell.and_then(|cell| headline(cell, name))
                        .map(|v| format!("{v:.1}")),
                ),
            };
            out!(" {shown:>20}");
        }
        outln!();
    }
}
