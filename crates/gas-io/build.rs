//! Embeds the repository's `data/*.csv` into the library so that an installed
//! binary carries the bundled dataset (see `gas_io::load_bundled`).
//!
//! A missing `data/` folder gives an empty bundle, not a build failure.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

fn main() {
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let data = manifest.join("..").join("..").join("data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    if let Ok(entries) = fs::read_dir(&data) {
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_file() && name.ends_with(".csv") {
                files.push((name, path));
            }
        }
    }
    files.sort();
    let mut code = String::from("/// The bundled CSV files: (file name, content), sorted by name.\npub(crate) static BUNDLED: &[(&str, &str)] = &[\n");
    for (name, path) in &files {
        let path = path.canonicalize().unwrap_or_else(|_| path.clone());
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled.rs");
    fs::write(out, code).expect("write bundled.rs");
}
