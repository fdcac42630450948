//! MPS export: a snapshot of a tiny problem, and (with `highs`) a round trip through
//! HiGHS's own MPS reader.

use gas_lp::{Col, Problem, Row};

/// Every kind of row and column bound, a nonzero offset and an empty column.
fn tiny() -> Problem {
    let inf = f64::INFINITY;
    let mut p = Problem::new();
    let balance = p.add_row(4.0, 4.0);
    let ranged = p.add_row(-1.0, 2.5);
    let at_most = p.add_row(-inf, 6.0);
    let at_least = p.add_row(1.0, inf);
    let x = p.add_col(0.0, inf, 1.0);
    let y = p.add_col(-2.0, 3.0, -0.5);
    let z = p.add_col(-inf, 8.0, 2.0);
    let w = p.add_col(-inf, inf, 0.0);
    let _fixed = p.add_col(1.5, 1.5, 3.0);
    for (row, col, value) in [
        (balance, x, 1.0),
        (balance, y, 1.0),
        (ranged, y, -1.0),
        (ranged, z, 1.0),
        (at_most, z, 1.0),
        (at_most, w, -1.0),
        (at_least, w, 1.0),
        (at_least, x, 0.25),
    ] {
        p.set_coef(row, col, value);
    }
    p.add_objective_offset(7.0);
    p
}

fn mps_text(p: &Problem) -> String {
    let mut out = Vec::new();
    p.write_mps(
        &mut out,
        "tiny",
        &|c: Col| format!("c{}", c.0),
        &|r: Row| format!("r{}", r.0),
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn mps_snapshot() {
    let expected = include_str!("snapshots/tiny.mps");
    assert_eq!(mps_text(&tiny()), expected);
}

#[cfg(feature = "highs")]
#[test]
fn mps_round_trip_through_highs() {
    use gas_lp::{Highs, SolveOptions, Solver, Status};
    use std::ffi::CString;

    let p = tiny();
    let direct = Highs::default()
        .solve(&p, &SolveOptions::default())
        .unwrap();
    assert_eq!(direct.status, Status::Optimal);

    let path = std::env::temp_dir().join(format!("gas-lp-tiny-{}.mps", std::process::id()));
    std::fs::write(&path, mps_text(&p)).unwrap();
    let c_path = CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: plain use of the HiGHS C API on an instance created and destroyed here.
    let (read, run, num_cols, num_rows, objective, model_status) = unsafe {
        let h = highs_sys::Highs_create();
        let quiet = CString::new("output_flag").unwrap();
        highs_sys::Highs_setBoolOptionValue(h, quiet.as_ptr(), 0);
        let read = highs_sys::Highs_readModel(h, c_path.as_ptr());
        let run = highs_sys::Highs_run(h);
        let result = (
            read,
            run,
            highs_sys::Highs_getNumCol(h),
            highs_sys::Highs_getNumRow(h),
            highs_sys::Highs_getObjectiveValue(h),
            highs_sys::Highs_getModelStatus(h),
        );
        highs_sys::Highs_destroy(h);
        result
    };
    let _ = std::fs::remove_file(&path);
    assert_eq!(read, highs_sys::STATUS_OK);
    assert_eq!(run, highs_sys::STATUS_OK);
    assert_eq!(model_status, highs_sys::MODEL_STATUS_OPTIMAL);
    assert_eq!(
        (num_cols as usize, num_rows as usize),
        (p.num_cols(), p.num_rows())
    );
    assert!(
        (objective - direct.objective).abs() <= 1e-9 * (1.0 + direct.objective.abs()),
        "read back {objective}, direct {}",
        direct.objective
    );
}
