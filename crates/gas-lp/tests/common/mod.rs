//! Helpers shared by the integration tests.
#![allow(dead_code)]

use gas_lp::{NetworkSimplex, Solver};

/// Every backend compiled in: the network simplex, and HiGHS (simplex and IPM) with the
/// `highs` feature.
pub fn solvers() -> Vec<Box<dyn Solver>> {
    #[allow(unused_mut)]
    let mut all: Vec<Box<dyn Solver>> = vec![Box::new(NetworkSimplex::default())];
    #[cfg(feature = "highs")]
    {
        all.push(Box::new(gas_lp::Highs {
            method: gas_lp::HighsMethod::Simplex,
        }));
        all.push(Box::new(gas_lp::Highs {
            method: gas_lp::HighsMethod::Ipm,
        }));
    }
    all
}

pub fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= 1e-6 * (1.0 + expected.abs()),
        "{what}: got {actual}, expected {expected}"
    );
}

pub fn assert_all_close(actual: &[f64], expected: &[f64], what: &str) {
    assert_eq!(actual.len(), expected.len(), "{what}: lengths");
    for (i, (&a, &e)) in actual.iter().zip(expected).enumerate() {
        assert_close(a, e, &format!("{what}[{i}]"));
    }
}
