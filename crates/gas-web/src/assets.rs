//! The page, its script and its style sheet, embedded in the binary.
//!
//! Assets are looked up by exact name in a fixed table: no path from a
//! request ever reaches the file system.

/// `(name, content type, body)` of every asset.
pub const ASSETS: [(&str, &str, &str); 3] = [
    (
        "index.html",
        "text/html; charset=utf-8",
        include_str!("assets/index.html"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/app.js"),
    ),
    ("app.css", "text/css; charset=utf-8", gas_report::CSS),
];

/// The asset called `name` (content type and body), if there is one.
pub fn asset(name: &str) -> Option<(&'static str, &'static str)> {
    ASSETS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, content_type, body)| (*content_type, *body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_names_are_served() {
        assert!(asset("app.js").is_some());
        assert!(asset("../Cargo.toml").is_none());
        assert!(asset("/etc/passwd").is_none());
        assert!(asset("").is_none());
    }
}
