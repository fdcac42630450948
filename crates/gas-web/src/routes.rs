//! HTTP routes: the page, its assets, the file lists, runs and downloads.

use crate::assets::asset;
use crate::params::{ParamError, RunParams};
use crate::state::{AppState, RunError};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use gas_app::run::RunOutcome;
use serde_json::{json, Value};
use std::sync::Arc;

/// Largest request body accepted (the API only reads query strings).
pub const BODY_LIMIT_BYTES: usize = 16 * 1024;

/// The router over shared state.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/assets/{name}", get(assets))
        .route(
            "/api/options",
            get(options).fallback(api_method_not_allowed),
        )
        .route("/api/run", get(run).fallback(api_method_not_allowed))
        .route(
            "/api/download/{file}",
            get(download).fallback(api_method_not_allowed),
        )
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .with_state(state)
}

fn text(status: StatusCode, message: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message,
    )
        .into_response()
}

fn json_error(status: StatusCode, message: String) -> Response {
    (status, axum::Json(json!({ "error": message }))).into_response()
}

async fn not_found() -> Response {
    text(StatusCode::NOT_FOUND, "not found".into())
}

/// An API path asked with another method than GET: the JSON error every API answer uses.
async fn api_method_not_allowed() -> Response {
    let mut response = json_error(
        StatusCode::METHOD_NOT_ALLOWED,
        "the API answers GET requests only (parameters in the query string)".into(),
    );
    response
        .headers_mut()
        .insert(header::ALLOW, header::HeaderValue::from_static("GET, HEAD"));
    response
}

async fn index() -> Response {
    serve_asset("index.html")
}

fn serve_asset(name: &str) -> Response {
    match asset(name) {
        Some((content_type, body)) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            body,
        )
            .into_response(),
        None => text(StatusCode::NOT_FOUND, "not found".into()),
    }
}

async fn assets(Path(name): Path<String>) -> Response {
    serve_asset(&name)
}

async fn options(State(state): State<Arc<AppState>>) -> Response {
    let scenarios: Vec<Value> = state
        .scenarios
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "name": s.value.name,
                "description": s.value.description,
                "start": s.value.period.start.to_string(),
                "end": s.value.period.end().to_string(),
            })
        })
        .collect();
    let packages: Vec<Value> = state
        .packages
        .iter()
        .map(
            |p| json!({"id": p.id, "name": p.value.name.value, "description": p.value.description}),
        )
        .collect();
    axum::Json(json!({"scenarios": scenarios, "packages": packages, "dataset": state.dataset_info}))
        .into_response()
}

fn parse(state: &AppState, pairs: &[(String, String)]) -> Result<RunParams, ParamError> {
    RunParams::parse(pairs, &state.scenario_ids(), &state.package_ids())
}

async fn outcome_for(state: Arc<AppState>, params: RunParams) -> Result<Arc<RunOutcome>, Response> {
    if let Some(hit) = state.cached(&params.canonical()) {
        return Ok(hit);
    }
    // Wait for a run slot: a request dropped while waiting (its client has gone,
    // e.g. the page sent a newer one) never runs. The slot goes with the run, so
    // a run whose client has gone still holds it until it ends.
    let Ok(slot) = Arc::clone(&state.run_slots).acquire_owned().await else {
        return Err(json_error(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is stopping".into(),
        ));
    };
    let result = tokio::task::spawn_blocking(move || {
        let _slot = slot;
        state.run(&params)
    })
    .await;
    match result {
        Ok(Ok(outcome)) => Ok(outcome),
        Ok(Err(RunError::Settings(message))) => Err(json_error(StatusCode::BAD_REQUEST, message)),
        Ok(Err(RunError::Engine(message))) => {
            Err(json_error(StatusCode::INTERNAL_SERVER_ERROR, message))
        }
        Err(_) => Err(json_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the run stopped unexpectedly".into(),
        )),
    }
}

fn kpi_value(kpi: &gas_metrics::kpi::ZoneKpi) -> Value {
    json!({
        "zone": kpi.zone,
        "buffer_days": kpi.buffer_days,
        "unserved_twh": kpi.unserved_twh,
        "unserved_share": kpi.unserved_share,
        "min_fill_pct": kpi.min_fill_pct,
        "fill_on_1_nov_pct": kpi.fill_on_1_nov_pct,
        "working_gas_twh": kpi.working_gas_twh,
    })
}

async fn run(
    State(state): State<Arc<AppState>>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    let params = match parse(&state, &pairs) {
        Ok(params) => params,
        Err(error) => return json_error(StatusCode::BAD_REQUEST, error.to_string()),
    };
    let query = params.canonical();
    let observed_state = Arc::clone(&state);
    let outcome = match outcome_for(state, params).await {
        Ok(outcome) => outcome,
        Err(response) => return response,
    };
    let rendered = tokio::task::spawn_blocking(move || {
        gas_report::run_body(&outcome, &observed_state.dataset.storage_levels)
            .pipe(|html| (html, outcome))
    })
    .await;
    let (html, outcome) = match rendered {
        Ok(pair) => pair,
        Err(_) => {
            return json_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "rendering stopped unexpectedly".into(),
            )
        }
    };
    axum::Json(json!({
        "query": query,
        "status": format!("{:?}", outcome.results.status),
        "solve_seconds": outcome.solve_seconds,
        "eu": kpi_value(&outcome.eu),
        "zones": outcome.zones.iter().map(kpi_value).collect::<Vec<_>>(),
        "html": html,
    }))
    .into_response()
}

trait Pipe: Sized {
    fn pipe<R>(self, f: impl FnOnce(Self) -> R) -> R {
        f(self)
    }
}
impl<T> Pipe for T {}

/// The files a run can be downloaded as.
pub const DOWNLOADS: [&str; 6] = [
    "zones_daily.csv",
    "flows_daily.csv",
    "zones_summary.csv",
    "ledger.csv",
    "ledger_delta.csv",
    "summary.json",
];

async fn download(
    State(state): State<Arc<AppState>>,
    Path(file): Path<String>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    if !DOWNLOADS.contains(&file.as_str()) {
        return text(StatusCode::NOT_FOUND, "not found".into());
    }
    let params = match parse(&state, &pairs) {
        Ok(params) => params,
        Err(error) => return text(StatusCode::BAD_REQUEST, error.to_string()),
    };
    let inputs = state.inputs(&params);
    let info = state.dataset_info.clone();
    let outcome = match outcome_for(state, params).await {
        Ok(outcome) => outcome,
        Err(response) => return response,
    };
    let system = &outcome.built.system;
    let table = match file.as_str() {
        "zones_daily.csv" => gas_output::tables::zones_daily(system, &outcome.results),
        "flows_daily.csv" => gas_output::tables::flows_daily(system, &outcome.results),
        "zones_summary.csv" => {
            let mut kpis = outcome.zones.clone();
            kpis.push(outcome.eu.clone());
            gas_output::tables::zones_summary(&kpis)
        }
        "ledger.csv" => gas_output::tables::ledger(&outcome.ledger),
        "ledger_delta.csv" => gas_output::tables::ledger_delta(
            outcome
                .versus_do_nothing
                .as_ref()
                .map_or(&[][..], |c| &c.deltas[..]),
        ),
        _ => {
            let summary = gas_app::write::summary_json(&outcome, &inputs, &info);
            let body = serde_json::to_string_pretty(&summary).unwrap_or_default();
            return attachment(&file, "application/json", body.into_bytes());
        }
    };
    let mut bytes = Vec::new();
    match gas_output::write::write_csv(&table, &mut bytes) {
        Ok(()) => attachment(&file, "text/csv; charset=utf-8", bytes),
        Err(error) => text(StatusCode::INTERNAL_SERVER_ERROR, error.to_string()),
    }
}

fn attachment(name: &str, content_type: &'static str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}
