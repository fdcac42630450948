//! Command-line arguments (parsed by clap; validated in the commands).

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// gasbuffer: how long Europe's gas storage lasts if supply is cut, who runs
/// short, which measures close the gap, and what each sanctions package costs.
#[derive(Debug, Parser)]
#[command(name = "gasbuffer", version, about, long_about = None)]
#[command(after_help = "EXIT CODES:
  0  success
  1  unexpected failure
  2  bad command-line usage
  3  invalid input: dataset, scenario or package file (every error is listed with file, line and column)
  4  the run finished but the dispatch is infeasible or unbounded, for compare in any of its
     runs (results are still written, the unsolved days left empty)
  5  the solver failed
  6  result files could not be written (output paths are checked before solving)
  130  interrupted (Ctrl-C; 128 + the signal number for SIGTERM, SIGHUP): no temporary file is left
Output whose reader has gone (`| head`) is dropped; the command still writes its files and keeps its exit code.")]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a scenario with packages and write the result files.
    #[command(after_help = "EXAMPLE:
  gasbuffer run scenarios/russia-full-cutoff.toml --package packages/eu-contingency.toml --out out/cutoff")]
    Run(RunArgs),
    /// Run the package x scenario matrix.
    #[command(after_help = "EXAMPLE:
  gasbuffer compare --scenarios scenarios/russia-full-cutoff.toml scenarios/cold-winter.toml \\
                    --packages packages/do-nothing.toml packages/eu-contingency.toml --out out/matrix")]
    Compare(CompareArgs),
    /// Check scenario and package files without solving.
    #[command(after_help = "EXAMPLE:
  gasbuffer validate scenarios/*.toml packages/*.toml")]
    Validate(ValidateArgs),
    /// Check, show or import dataset folders.
    Data(DataArgs),
    /// Replay 2021-2023 with observed inputs and compare simulated and observed storage fill.
    #[command(after_help = "EXAMPLE:
  gasbuffer backtest scenarios/actual-2022.toml --report out/backtest/backtest.html --out out/backtest")]
    Backtest(BacktestArgs),
    /// Serve the interactive web app on localhost.
    #[command(
        after_help = "EXAMPLE:\n  gasbuffer serve --port 8080   (then open http://127.0.0.1:8080/)"
    )]
    Serve(ServeArgs),
}

/// Options shared by the commands that solve.
#[derive(Debug, Args, Clone)]
pub struct SolveArgs {
    /// A dataset folder to use instead of the one the scenario names (default: the bundled one).
    #[arg(long, value_name = "PATH")]
    pub dataset: Option<PathBuf>,
    /// Result file format: csv, json or parquet.
    #[arg(long, default_value = "csv", value_name = "FORMAT")]
    pub format: String,
    /// Solver backend: network (default), or highs / highs-ipm in builds with the `highs` feature.
    #[arg(long, default_value = "network", value_name = "NAME")]
    pub solver: String,
}

/// `gasbuffer run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The scenario file (TOML).
    pub scenario: PathBuf,
    /// A package file (TOML); repeat for several, applied in the order given.
    #[arg(long = "package", short = 'p', value_name = "FILE")]
    pub packages: Vec<PathBuf>,
    /// Folder for the result files (default: out/SCENARIO_NAME).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Also write the whole-period linear program as an MPS file.
    #[arg(long, value_name = "FILE")]
    pub export_lp: Option<PathBuf>,
    /// Do not run the scenario without packages to price them.
    #[arg(long)]
    pub no_compare: bool,
    /// Also write a self-contained HTML report (charts, tables) to this file.
    #[arg(long, value_name = "FILE.html")]
    pub report: Option<PathBuf>,
    /// Solve options.
    #[command(flatten)]
    pub solve: SolveArgs,
}

/// `gasbuffer compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Scenario files.
    #[arg(long, num_args = 1.., required = true, value_name = "FILE")]
    pub scenarios: Vec<PathBuf>,
    /// Package files (each is run alone against each scenario; do-nothing is always included, once, listed or not).
    #[arg(long, num_args = 1.., required = true, value_name = "FILE")]
    pub packages: Vec<PathBuf>,
    /// Folder for matrix.csv and each run's files (default: out/compare).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Figure shown in the printed matrix: eu_unserved_twh, eu_min_fill_pct,
    /// eu_fill_on_1_nov_pct, eu_buffer_days, cost_to_russia_meur, cost_to_europe_meur, cost_to_us_meur.
    #[arg(long, default_value = "eu_unserved_twh", value_name = "NAME")]
    pub headline: String,
    /// Also write a self-contained HTML report of the matrix to this file.
    #[arg(long, value_name = "FILE.html")]
    pub report: Option<PathBuf>,
    /// Solve options.
    #[command(flatten)]
    pub solve: SolveArgs,
}

/// `gasbuffer backtest`.
#[derive(Debug, Args)]
pub struct BacktestArgs {
    /// The scenario to replay (TOML) [default: scenarios/actual-2022.toml, or the copy built into the program when the current folder has no such file]
    pub scenario: Option<PathBuf>,
    /// A package file (TOML); repeat for several, applied in the order given.
    #[arg(long = "package", short = 'p', value_name = "FILE")]
    pub packages: Vec<PathBuf>,
    /// Folder for backtest.csv and the EU chart (default: out/backtest).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Also write a self-contained HTML report with simulated vs observed fill.
    #[arg(long, value_name = "FILE.html")]
    pub report: Option<PathBuf>,
    /// A dataset folder to use instead of the one the scenario names (default: the bundled one).
    #[arg(long, value_name = "PATH")]
    pub dataset: Option<PathBuf>,
    /// Solver backend: network (default), or highs / highs-ipm in builds with the `highs` feature.
    #[arg(long, default_value = "network", value_name = "NAME")]
    pub solver: String,
}

/// `gasbuffer validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Scenario or package files (a file with a `[period]` table is a scenario, otherwise a package).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Also build each scenario against its dataset, and each package with each scenario given, to check the names they use.
    #[arg(long)]
    pub against_dataset: bool,
}

/// `gasbuffer data`.
#[derive(Debug, Args)]
pub struct DataArgs {
    /// What to do with the dataset.
    #[command(subcommand)]
    pub command: DataCommand,
}

/// `gasbuffer data ...`.
#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Validate a dataset folder (default: the bundled one); exit 3 on errors.
    #[command(after_help = "EXAMPLE:\n  gasbuffer data check my-data/")]
    Check {
        /// The folder.
        path: Option<PathBuf>,
    },
    /// Show a dataset's figures per zone and per route.
    #[command(after_help = "EXAMPLE:\n  gasbuffer data show --json > dataset.json")]
    Show {
        /// The folder (default: the bundled one).
        #[arg(long, value_name = "PATH")]
        dataset: Option<PathBuf>,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
    },
    /// Merge a file you downloaded into a dataset folder (rows with the same key are replaced).
    #[command(after_help = "EXAMPLES:
  gasbuffer data import agsi AGSI_CountryAggregatedDataset.csv --into my-data/
  gasbuffer data import entsog physical_flows.csv --into my-data/
  gasbuffer data import eurostat nrg_cb_gasm.csv --into my-data/")]
    Import {
        /// Source kind: agsi (GIE AGSI+ storage), entsog (ENTSOG physical flows) or eurostat (nrg_cb_gasm).
        kind: String,
        /// The downloaded file.
        file: PathBuf,
        /// The dataset folder to update (default: the bundled data/ folder).
        #[arg(long, value_name = "PATH")]
        into: Option<PathBuf>,
    },
}

/// `gasbuffer serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (127.0.0.1 keeps the app local to this machine).
    #[arg(long, default_value = "127.0.0.1", value_name = "IP")]
    pub bind: std::net::IpAddr,
    /// Port to listen on.
    #[arg(long, default_value_t = 8080, value_name = "PORT")]
    pub port: u16,
    /// Folder of scenario files offered by the app.
    #[arg(long, default_value = "scenarios", value_name = "DIR")]
    pub scenarios: PathBuf,
    /// Folder of package files offered by the app.
    #[arg(long, default_value = "packages", value_name = "DIR")]
    pub packages: PathBuf,
    /// A dataset folder (default: the bundled one).
    #[arg(long, value_name = "PATH")]
    pub dataset: Option<PathBuf>,
}
