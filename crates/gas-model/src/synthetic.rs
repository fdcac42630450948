//! Deterministic synthetic systems for benchmarks.
