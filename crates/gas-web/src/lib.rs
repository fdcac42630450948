//! The gasbuffer local web app: pick a scenario and packages, move sliders
//! for a cut-off of Russian pipeline gas, demand reduction, extra LNG and the
//! starting storage, and see the key figures and the report's charts update.
//!
//! A thin layer over [`gas_app`] and [`gas_report`]: the handlers in
//! [`routes`] parse and check parameters ([`params`]), run on tokio's
//! blocking pool against state loaded once ([`state`]), and serve only the
//! assets embedded in the binary ([`assets`]). The server binds 127.0.0.1
//! unless told otherwise.
//!
//! ```no_run
//! # async fn serve() -> Result<(), String> {
//! let state = gas_web::state::AppState::load("scenarios".as_ref(), "packages".as_ref(), None)?;
//! gas_web::serve(state, "127.0.0.1:8080".parse().map_err(|_| "bad address")?).await
//! # }
//! ```
#![deny(missing_docs)]

pub mod assets;
pub mod params;
pub mod routes;
pub mod state;

use std::net::SocketAddr;
use std::sync::Arc;

/// Serves the app on `addr` until the process ends.
pub async fn serve(state: state::AppState, addr: SocketAddr) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("{addr}: could not listen: {e}"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    println!("gasbuffer web app on http://{local}/ (Ctrl-C to stop)");
    axum::serve(listener, routes::router(Arc::new(state)))
        .await
        .map_err(|e| e.to_string())
}

/// Runs [`serve`] on a new multi-threaded tokio runtime (for the command line).
pub fn serve_blocking(state: state::AppState, addr: SocketAddr) -> Result<(), String> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?
        .block_on(serve(state, addr))
}

#[cfg(test)]
mod tests;
