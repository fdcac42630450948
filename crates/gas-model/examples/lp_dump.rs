//! Solves the synthetic Europe instance (perfect foresight, curves ignored: one LP)
//! with the network simplex, prints the time, and dumps the same LP as JSON for
//! `tools/bench/linopy_compare.py`.
//!
//! `cargo run --release -p gas-model --example lp_dump -- [--days N] [--out PATH]`

use gas_lp::Col;
use gas_model::synthetic::{europe_with, Shape};
use gas_model::{formulate, run_with, FillCurveMode, RunOptions};
use std::io::Write;
use std::time::Instant;

fn num(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        "null".to_string()
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let days: usize = arg("--days").map_or(Ok(456), |d| d.parse())?;
    let out = arg("--out").unwrap_or_else(|| "lp_dump.json".to_string());
    let system = europe_with(
        1,
        Shape {
            days,
            ..Shape::default()
        },
    );
    let options = RunOptions {
        fill_curves: FillCurveMode::Ignore,
        ..RunOptions::default()
    };
    let t0 = Instant::now();
    let results = run_with(&system, &gas_lp::NetworkSimplex::default(), &options)?;
    let seconds = t0.elapsed().as_secs_f64();
    println!("gasbuffer_seconds={seconds}");
    println!("gasbuffer_objective={}", results.objective_keur);
    println!("gasbuffer_status={:?}", results.status);

    let f = formulate(&system, &options)?;
    let p = &f.problem;
    let mut w = std::io::BufWriter::new(std::fs::File::create(&out)?);
    let cols = p.num_cols();
    let mut lower = Vec::with_capacity(cols);
    let mut upper = Vec::with_capacity(cols);
    let mut cost = Vec::with_capacity(cols);
    let mut from = Vec::with_capacity(cols);
    let mut to = Vec::with_capacity(cols);
    for j in 0..cols {
        let col = Col(j as u32);
        let (l, u) = p.col_bounds(col);
        lower.push(num(l));
        upper.push(num(u));
        cost.push(num(p.col_cost(col)));
        let (mut fr, mut tr) = (-1i64, -1i64);
        for &(row, a) in p.col_coefs(col) {
            if a < 0.0 {
                fr = i64::from(row.0);
            } else {
                tr = i64::from(row.0);
            }
        }
        from.push(fr.to_string());
        to.push(tr.to_string());
    }
    let rows = p.num_rows();
    let (mut rlo, mut rup) = (Vec::with_capacity(rows), Vec::with_capacity(rows));
    for i in 0..rows {
        let (l, u) = p.row_bounds(gas_lp::Row(i as u32));
        rlo.push(num(l));
        rup.push(num(u));
    }
    writeln!(w, "{{")?;
    writeln!(w, "\"offset\": {},", num(p.objective_offset()))?;
    for (name, values) in [
        ("col_lower", &lower),
        ("col_upper", &upper),
        ("col_cost", &cost),
        ("col_from", &from),
        ("col_to", &to),
        ("row_lower", &rlo),
        ("row_upper", &rup),
    ] {
        writeln!(w, "\"{name}\": [{}],", values.join(","))?;
    }
    writeln!(w, "\"cols\": {cols}, \"rows\": {rows}")?;
    writeln!(w, "}}")?;
    println!("lp_dump={out} cols={cols} rows={rows}");
    Ok(())
}
