//! Shared state: the dataset (loaded once), the scenario and package files
//! (read once at start-up), a small cache of recent runs, and the run itself.

use crate::params::{error, Mode, RunParams};
use gas_app::inputs::{DatasetInfo, InputFile};
use gas_app::run::{RunOutcome, RunSettings};
use gas_core::dataset::Dataset;
use gas_core::system::Operation;
use gas_scenario::{InitialFill, InitialStorage, Package, Scenario};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// A scenario or package file known to the server.
#[derive(Debug, Clone)]
pub struct Named<T> {
    /// Id: the file stem.
    pub id: String,
    /// The parsed file.
    pub value: T,
    /// Name, file and hash (for `summary.json`).
    pub input: InputFile,
}

/// How many recent runs are kept for downloads.
pub const CACHE_SIZE: usize = 8;

/// Everything the handlers share (behind an `Arc`).
#[derive(Debug)]
pub struct AppState {
    /// The dataset.
    pub dataset: Dataset,
    /// Where it came from.
    pub dataset_info: DatasetInfo,
    /// Scenario files, by id order.
    pub scenarios: Vec<Named<Scenario>>,
    /// Package files, by id order.
    pub packages: Vec<Named<Package>>,
    /// Recent runs by canonical query.
    cache: Mutex<Vec<(String, Arc<RunOutcome>)>>,
    /// Slots for engine runs: one per core. More runs at once only share the
    /// cores and add memory, and a slider moved quickly would pile them up; a
    /// request waits for a slot, and one whose client has gone by then never
    /// starts (see `routes`).
    pub run_slots: Arc<Semaphore>,
    /// Engine runs in progress, and the most there have been at once.
    running: AtomicUsize,
    peak_running: AtomicUsize,
}

/// Why a run failed.
#[derive(Debug)]
pub enum RunError {
    /// The settings do not fit the scenario (status 400).
    Settings(String),
    /// The engine failed (status 500).
    Engine(String),
}

fn toml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn input(name: &str, path: &Path) -> InputFile {
    InputFile {
        name: name.to_string(),
        file: path.display().to_string(),
        sha256: gas_app::inputs::file_sha256(path),
    }
}

impl AppState {
    /// Loads the dataset (`dataset_dir`, or the bundled one) and every
    /// `*.toml` in the two folders; files with errors are reported on stderr and skipped.
    pub fn load(
        scenario_dir: &Path,
        package_dir: &Path,
        dataset_dir: Option<&Path>,
    ) -> Result<AppState, String> {
        let mut scenarios = Vec::new();
        for path in toml_files(scenario_dir) {
            match gas_scenario::load_scenario(&path) {
                Ok(scenario) => scenarios.push(Named {
                    id: stem(&path),
                    input: input(&scenario.name, &path),
                    value: scenario,
                }),
                // Best effort: a closed stderr must not stop the server.
                Err(errors) => {
                    let _ = writeln!(std::io::stderr(), "skipped {}: {errors}", path.display());
                }
            }
        }
        let mut packages = Vec::new();
        for path in toml_files(package_dir) {
            match gas_scenario::load_package(&path) {
                Ok(package) => packages.push(Named {
                    id: stem(&path),
                    input: input(&package.name.value, &path),
                    value: package,
                }),
                // Best effort: a closed stderr must not stop the server.
                Err(errors) => {
                    let _ = writeln!(std::io::stderr(), "skipped {}: {errors}", path.display());
                }
            }
        }
        // Replays of observed flows (`routes_as_observed`, made for `gasbuffer
        // backtest`) cannot be dispatched on their own: list them last, so that the
        // default scenario (the first) is one that runs.
        scenarios.sort_by_key(|s| s.value.routes_as_observed);
        if scenarios.is_empty() {
            return Err(format!(
                "{}: no usable scenario files (*.toml)",
                scenario_dir.display()
            ));
        }
        let (dataset, location) = match dataset_dir {
            Some(dir) => {
                if let Some(problem) = gas_io::dataset_folder_problem(dir) {
                    return Err(format!("{}: {problem} (given by --dataset)", dir.display()));
                }
                (
                    gas_io::load_dataset(dir).map_err(|e| e.to_string())?,
                    dir.display().to_string(),
                )
            }
            None => (
                gas_io::load_bundled().map_err(|e| e.to_string())?,
                "bundled".to_string(),
            ),
        };
        let fingerprint = gas_io::dataset_fingerprint(&dataset);
        Ok(AppState {
            dataset,
            dataset_info: DatasetInfo {
                location,
                fingerprint,
            },
            scenarios,
            packages,
            cache: Mutex::new(Vec::new()),
            run_slots: Arc::new(Semaphore::new(AppState::run_slot_count())),
            running: AtomicUsize::new(0),
            peak_running: AtomicUsize::new(0),
        })
    }

    /// Scenario ids.
    pub fn scenario_ids(&self) -> Vec<String> {
        self.scenarios.iter().map(|s| s.id.clone()).collect()
    }

    /// Package ids.
    pub fn package_ids(&self) -> Vec<String> {
        self.packages.iter().map(|p| p.id.clone()).collect()
    }

    /// The scenario and packages of `params`, with the web settings applied:
    /// the cut-off as an extra `route_cutoff` event on Russia's pipeline
    /// routes, demand reduction and extra US LNG as a generated package, the
    /// starting fill and the operation mode. The generated TOML goes through
    /// gas-scenario's parser, so it is validated like a file.
    pub fn prepare(&self, params: &RunParams) -> Result<(Scenario, Vec<Package>), RunError> {
        let named = self
            .scenarios
            .iter()
            .find(|s| s.id == params.scenario)
            .ok_or_else(|| RunError::Settings(format!("unknown scenario {}", params.scenario)))?;
        let mut scenario = named.value.clone();
        let start = scenario.period.start;
        let end = scenario.period.end();
        if params.cutoff_share > 0.0 {
            let from = params.cutoff_date.unwrap_or(start);
            if from < start || from > end {
                let expected = format!(
                    "a date within the period of {}, {start} to {end}",
                    params.scenario
                );
                return Err(RunError::Settings(
                    error("cutoff_date", expected, &from.to_string()).to_string(),
                ));
            }
            let snippet = format!(
                "name = \"web\"\n[period]\nstart = {start}\nend = {end}\n\n[[events]]\ntype = \"route_cutoff\"\norigin = \"RU\"\ncarrier = \"pipeline\"\nshare = {}\nfrom = {from}\nnote = \"web app: cut-off of Russian pipeline routes\"\n",
                params.cutoff_share
            );
            let parsed = gas_scenario::parse_scenario(&snippet, "web settings")
                .map_err(|e| RunError::Settings(e.to_string()))?;
            for mut event in parsed.events {
                event.key = format!("web cutoff events[{}]", scenario.events.len());
                scenario.events.push(event);
            }
        }
        if let Some(fill) = params.start_fill {
            scenario.initial_storage = InitialStorage {
                default: InitialFill::Fill(fill),
                zones: Vec::new(),
            };
        }
        match params.mode {
            Mode::Scenario => {}
            Mode::PerfectForesight => scenario.operation = Operation::PerfectForesight,
            Mode::RollingHorizon => {
                scenario.operation = Operation::RollingHorizon {
                    window_days: 30,
                    commit_days: 7,
                }
            }
            Mode::Myopic => scenario.operation = Operation::Myopic,
        }
        let mut packages: Vec<Package> = params
            .packages
            .iter()
            .filter_map(|id| self.packages.iter().find(|p| p.id == *id))
            .map(|p| p.value.clone())
            .collect();
        if params.demand_reduction > 0.0 || params.extra_lng_gwh_d > 0.0 {
            let mut snippet = format!("name = \"web-settings\"\ntrigger = {start}\n");
            if params.demand_reduction > 0.0 {
                snippet.push_str(&format!(
                    "\n[[measures]]\ntype = \"demand_reduction\"\nzones = \"eu\"\nshare = {}\n",
                    params.demand_reduction
                ));
            }
            if params.extra_lng_gwh_d > 0.0 {
                snippet.push_str(&format!(
                    "\n[[measures]]\ntype = \"extra_lng\"\norigin = \"US\"\nvolume_gwh_d = {}\nprice_eur_mwh = 150.0\nnote = \"web app: extra US LNG at an assumed 150 EUR/MWh\"\n",
                    params.extra_lng_gwh_d
                ));
            }
            let package = gas_scenario::parse_package(&snippet, "web settings")
                .map_err(|e| RunError::Settings(e.to_string()))?;
            packages.push(package);
        }
        Ok((scenario, packages))
    }

    /// Runs `params` (or returns the cached run). Blocking: call from a blocking thread.
    pub fn run(&self, params: &RunParams) -> Result<Arc<RunOutcome>, RunError> {
        let key = params.canonical();
        if let Some(hit) = self.cached(&key) {
            return Ok(hit);
        }
        let (scenario, packages) = self.prepare(params)?;
        let now = self.running.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak_running.fetch_max(now, Ordering::SeqCst);
        let outcome = self.run_engine(params, &scenario, &packages);
        self.running.fetch_sub(1, Ordering::SeqCst);
        let outcome = Arc::new(outcome?);
        if let Ok(mut cache) = self.cache.lock() {
            cache.retain(|(k, _)| *k != key);
            cache.push((key, Arc::clone(&outcome)));
            if cache.len() > CACHE_SIZE {
                cache.remove(0);
            }
        }
        Ok(outcome)
    }

    /// How many [`AppState::run_slots`] there are: one per core.
    pub fn run_slot_count() -> usize {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }

    /// The most engine runs there have been at once (at most the number of
    /// [`AppState::run_slots`] when runs go through the routes).
    pub fn peak_concurrent_runs(&self) -> usize {
        self.peak_running.load(Ordering::SeqCst)
    }

    fn run_engine(
        &self,
        params: &RunParams,
        scenario: &Scenario,
        packages: &[Package],
    ) -> Result<RunOutcome, RunError> {
        let solver = gas_app::solver::solver_by_name("network")
            .ok_or_else(|| RunError::Engine("no network solver".into()))?;
        let settings = RunSettings {
            compare_with_do_nothing: params.compare,
            ..RunSettings::default()
        };
        gas_app::run(
            &self.dataset,
            scenario,
            packages,
            solver.as_ref(),
            &settings,
        )
        .map_err(|error| match error {
            gas_app::AppError::Scenario(problems) => RunError::Settings(problems.to_string()),
            other => RunError::Engine(other.to_string()),
        })
    }

    /// The cached run of a canonical query, if there is one.
    pub fn cached(&self, key: &str) -> Option<Arc<RunOutcome>> {
        let cache = self.cache.lock().ok()?;
        cache
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, outcome)| Arc::clone(outcome))
    }

    /// The input files of a run (scenario first), for `summary.json`.
    pub fn inputs(&self, params: &RunParams) -> Vec<InputFile> {
        let scenario = self.scenarios.iter().find(|s| s.id == params.scenario);
        let packages = params
            .packages
            .iter()
            .filter_map(|id| self.packages.iter().find(|p| p.id == *id));
        scenario
            .map(|s| s.input.clone())
            .into_iter()
            .chain(packages.map(|p| p.input.clone()))
            .collect()
    }
}
