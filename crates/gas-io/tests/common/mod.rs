//! What gas-io's integration tests share.

use gas_io::InputErrors;
use std::path::Path;

/// The messages of `errors`, with file paths relative to `dir` (as the expected
/// messages are written).
pub fn messages(errors: &InputErrors, dir: &Path) -> Vec<String> {
    errors
        .iter()
        .map(|e| e.relative_to(dir).to_string())
        .collect()
}
