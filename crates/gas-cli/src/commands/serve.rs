//! `gasbuffer serve`.

use super::Failure;
use crate::flags::ServeArgs;
use std::net::SocketAddr;

/// Loads the dataset and the scenario and package files once, then serves the web app.
pub fn serve(args: ServeArgs) -> Result<u8, Failure> {
    let state =
        gas_web::state::AppState::load(&args.scenarios, &args.packages, args.dataset.as_deref())
            .map_err(|message| Failure { code: 3, message })?;
    gas_web::serve_blocking(state, SocketAddr::new(args.bind, args.port))
        .map_err(|message| Failure { code: 1, message })?;
    Ok(0)
}
