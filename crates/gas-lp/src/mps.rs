//! Free-format MPS export.

use std::io::{self, Write};

use crate::problem::is_infinite;
use crate::{Col, Problem, Row};

/// Name of the objective row in written MPS files.
const OBJECTIVE_ROW: &str = "_OBJ_";

impl Problem {
    /// Writes the problem as free-format MPS (minimisation; `RANGES` for rows with two
    /// finite bounds, `BOUNDS` for columns other than `[0, +inf)`, the objective offset as
    /// minus the right-hand side of the objective row, as HiGHS and most readers expect).
    ///
    /// Names come from the caller and must be non-empty without whitespace (an
    /// [`io::ErrorKind::InvalidInput`] error otherwise); the objective row is `_OBJ_`.
    /// A row with no finite bound is written as a free (`N`) row.
    ///
    /// ```
    /// use gas_lp::Problem;
    /// let mut p = Problem::new();
    /// let x = p.add_col(0.0, 4.0, 2.0);
    /// let r = p.add_row(1.0, f64::INFINITY);
    /// p.set_coef(r, x, 1.0);
    /// let mut out = Vec::new();
    /// p.write_mps(&mut out, "tiny", &|c| format!("x{}", c.0), &|r| format!("r{}", r.0))?;
    /// let text = String::from_utf8(out).unwrap();
    /// assert!(text.contains(" G  r0\n"));
    /// assert!(text.contains(" UP BND x0 4\n"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write_mps<W: Write>(
        &self,
        out: &mut W,
        name: &str,
        col_name: &dyn Fn(Col) -> String,
        row_name: &dyn Fn(Row) -> String,
    ) -> io::Result<()> {
        let mut out = io::BufWriter::new(out);
        check_name(name)?;
        let row_names = (0..self.num_rows())
            .map(|i| row_name(Row(i as u32)))
            .collect::<Vec<_>>();
        for n in &row_names {
            check_name(n)?;
        }
        writeln!(out, "NAME {name}")?;
        writeln!(out, "ROWS")?;
        writeln!(out, " N  {OBJECTIVE_ROW}")?;
        for (i, n) in row_names.iter().enumerate() {
            let (lower, upper) = self.row_bounds(Row(i as u32));
            let kind = match (is_infinite(lower), is_infinite(upper)) {
                _ if lower == upper => "E",
                (false, _) => "G",
                (true, false) => "L",
                (true, true) => "N",
            };
            writeln!(out, " {kind}  {n}")?;
        }
        writeln!(out, "COLUMNS")?;
        let mut col_names = Vec::with_capacity(self.num_cols());
        for j in 0..self.num_cols() {
            let col = Col(j as u32);
            let n = col_name(col);
            check_name(&n)?;
            let cost = self.col_cost(col);
            let entries = self.col_coefs(col);
            if cost != 0.0 || entries.is_empty() {
                writeln!(out, "    {n} {OBJECTIVE_ROW} {}", num(cost))?;
            }
            for &(row, value) in entries {
                writeln!(out, "    {n} {} {}", row_names[row.0 as usize], num(value))?;
            }
            col_names.push(n);
        }
        writeln!(out, "RHS")?;
        if self.objective_offset() != 0.0 {
            writeln!(
                out,
                "    RHS {OBJECTIVE_ROW} {}",
                num(-self.objective_offset())
            )?;
        }
        let mut ranges = Vec::new();
        for (i, n) in row_names.iter().enumerate() {
            let (lower, upper) = self.row_bounds(Row(i as u32));
            let rhs = match (is_infinite(lower), is_infinite(upper)) {
                (false, false) if lower != upper => {
                    ranges.push((n, upper - lower));
                    lower
                }
                (false, _) => lower,
                (true, false) => upper,
                (true, true) => 0.0,
            };
            if rhs != 0.0 {
                writeln!(out, "    RHS {n} {}", num(rhs))?;
            }
        }
        if !ranges.is_empty() {
            writeln!(out, "RANGES")?;
            for (n, range) in ranges {
                writeln!(out, "    RNG {n} {}", num(range))?;
            }
        }
        let mut wrote_bounds = false;
        for (j, n) in col_names.iter().enumerate() {
            let (lower, upper) = self.col_bounds(Col(j as u32));
            let mut lines = Vec::new();
            match (is_infinite(lower), is_infinite(upper)) {
                (true, true) => lines.push(format!(" FR BND {n}")),
                _ if lower == upper => lines.push(format!(" FX BND {n} {}", num(lower))),
                (true, false) => {
                    lines.push(format!(" MI BND {n}"));
                    lines.push(format!(" UP BND {n} {}", num(upper)));
                }
                (false, upper_inf) => {
                    if lower != 0.0 {
                        lines.push(format!(" LO BND {n} {}", num(lower)));
                    }
                    if !upper_inf {
                        lines.push(format!(" UP BND {n} {}", num(upper)));
                    }
                }
            }
            if !lines.is_empty() && !wrote_bounds {
                writeln!(out, "BOUNDS")?;
                wrote_bounds = true;
            }
            for line in lines {
                writeln!(out, "{line}")?;
            }
        }
        writeln!(out, "ENDATA")?;
        out.flush()
    }
}

fn check_name(name: &str) -> io::Result<()> {
    if name.is_empty() || name.chars().any(char::is_whitespace) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("MPS name {name:?} is empty or contains whitespace"),
        ));
    }
    Ok(())
}

/// Shortest text that reads back as the same `f64`; integers without a decimal point.
fn num(value: f64) -> String {
    if value == value.trunc() && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        for v in [0.0, -3.0, 0.1, 1e-7, 123456.789, 1e300, -2.5e-12] {
            assert_eq!(num(v).parse::<f64>().unwrap(), v);
        }
        assert_eq!(num(-0.0), "0");
    }

    #[test]
    fn names_with_spaces_are_rejected() {
        let mut p = Problem::new();
        p.add_col(0.0, 1.0, 1.0);
        let mut out = Vec::new();
        let err = p
            .write_mps(&mut out, "t", &|_| "a b".into(), &|_| "r".into())
            .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}
