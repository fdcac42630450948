//! Server tests against the router (no socket): real scenario files and the bundled dataset.

use crate::routes::router;
use crate::state::AppState;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

fn state() -> Arc<AppState> {
    static STATE: OnceLock<Arc<AppState>> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
            let state = AppState::load(&root.join("scenarios"), &root.join("packages"), None)
                .unwrap_or_else(|e| panic!("{e}"));
            Arc::new(state)
        })
        .clone()
}

async fn get(uri: &str) -> (StatusCode, String) {
    request("GET", uri).await
}

async fn request(method: &str, uri: &str) -> (StatusCode, String) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty());
    let Ok(request) = request else {
        return (StatusCode::BAD_REQUEST, "bad uri".into());
    };
    let response = router(state())
        .oneshot(request)
        .await
        .unwrap_or_else(|e| match e {});
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test]
async fn the_page_and_its_assets_are_served() {
    let (status, body) = get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<script src=\"/assets/app.js\">"));
    assert!(!body.contains("http://") && !body.contains("https://"));
    assert_eq!(get("/assets/app.js").await.0, StatusCode::OK);
    assert_eq!(get("/assets/app.css").await.0, StatusCode::OK);
}

#[tokio::test]
async fn unknown_assets_and_path_traversal_get_404() {
    for uri in [
        "/assets/nope.js",
        "/assets/../../etc/passwd",
        "/assets/..%2F..%2Fetc%2Fpasswd",
        "/assets/%2e%2e%2f%2e%2e%2fCargo.toml",
        "/assets/..%5c..%5cCargo.toml",
        "/../../etc/passwd",
        "/api/download/..%2F..%2Fetc%2Fpasswd",
        "/api/download/Cargo.toml",
        "/nothing-here",
    ] {
        let (status, body) = get(uri).await;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::BAD_REQUEST,
            "{uri}: {status}"
        );
        assert!(
            !body.contains("root:") && !body.contains("[workspace]"),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn bad_parameters_get_400_with_the_message() {
    let cases = [
        (
            "/api/run?cutoff_share=abc",
            "parameter `cutoff_share`: expected a share between 0 and 1, found \\\"abc\\\"",
        ),
        (
            "/api/run?scenario=..%2Fetc%2Fpasswd",
            "parameter `scenario`: expected one of",
        ),
        (
            "/api/run?extra_lng=1e9",
            "parameter `extra_lng`: expected GWh/d between 0 and 6000, found \\\"1e9\\\"",
        ),
        ("/api/run?mode=fast", "parameter `mode`"),
        (
            "/api/run?packages=nope",
            "parameter `packages`: expected one of",
        ),
        ("/api/run?x=1", "parameter `x`: expected a known parameter"),
        (
            "/api/download/ledger.csv?start_fill=2",
            "parameter `start_fill`: expected a fill share",
        ),
    ];
    for (uri, message) in cases {
        let (status, body) = get(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert!(body.contains(message), "{uri}: {body}");
    }
}

#[tokio::test]
async fn options_list_the_shipped_files() {
    let (status, body) = get("/api/options").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("\"id\":\"russia-full-cutoff\""));
    assert!(body.contains("\"id\":\"eu-contingency\""));
}

#[tokio::test]
async fn a_run_returns_figures_and_a_download() {
    let query = "scenario=russia-full-cutoff&cutoff_share=0.5&demand_reduction=0.1&extra_lng=100&start_fill=0.4&mode=perfect_foresight";
    let (status, body) = get(&format!("/api/run?{query}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("data-chart=\\\"eu-fill\\\""));
    let (status, csv) = get(&format!("/api/download/zones_summary.csv?{query}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv.starts_with("zone,"), "{csv}");
}

#[tokio::test]
async fn a_cutoff_date_outside_the_period_is_named_as_the_parameter() {
    let (status, body) =
        get("/api/run?scenario=russia-full-cutoff&cutoff_share=1&cutoff_date=2030-01-01").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(
        body.contains("parameter `cutoff_date`: expected a date within the period of russia-full-cutoff, 2022-04-01 to 2023-03-31, found \\\"2030-01-01\\\""),
        "{body}"
    );
}

#[tokio::test]
async fn the_default_scenario_is_not_a_replay_that_cannot_run_alone() {
    // actual-2022 forces the observed route flows for `gasbuffer backtest` and is
    // infeasible on its own: it is listed, but not first (the default).
    let state = state();
    let first = state.scenarios.first().map(|s| s.id.as_str());
    assert_ne!(first, Some("actual-2022"));
    assert!(state.scenarios.iter().any(|s| s.id == "actual-2022"));
    let (status, body) = get("/api/run?mode=myopic").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body.contains("\"status\":\"Optimal\""),
        "{}",
        &body[..200.min(body.len())]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_requests_run_at_most_one_engine_run_per_slot() {
    let state = state();
    let slots = AppState::run_slot_count();
    let requests: Vec<_> = (0..3 * slots + 2)
        .map(|i| {
            let uri = format!(
                "/api/run?scenario=cold-winter&mode=myopic&extra_lng={}",
                11 + i
            );
            tokio::spawn(async move { get(&uri).await.0 })
        })
        .collect();
    for request in requests {
        assert_eq!(request.await.ok(), Some(StatusCode::OK));
    }
    let peak = state.peak_concurrent_runs();
    assert!(
        peak >= 1 && peak <= slots,
        "{peak} runs at once with {slots} slots"
    );
}

#[tokio::test]
async fn api_paths_asked_with_another_method_answer_a_json_error() {
    for (method, uri) in [
        ("POST", "/api/run?scenario=russia-full-cutoff"),
        ("PUT", "/api/options"),
        ("DELETE", "/api/download/summary.json"),
    ] {
        let (status, body) = request(method, uri).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
        let value: serde_json::Value =
            serde_json::from_str(&body).unwrap_or_else(|e| panic!("{method} {uri}: {e}: {body}"));
        assert!(
            value["error"].as_str().is_some_and(|m| m.contains("GET")),
            "{method} {uri}: {body}"
        );
    }
}
