//! Writing a backtest: `backtest.csv`, the printed error table and the SVG / HTML chart.

use crate::compare::{BacktestTable, ZoneStats};
use chrono::{Duration, NaiveDate};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

/// Header of `backtest.csv`.
pub const CSV_HEADER: &str = "date,zone,observed_fill_pct,simulated_fill_pct,error_pp";

/// Writes `backtest.csv` (one row per compared observation) atomically.
pub fn write_csv(path: &Path, table: &BacktestTable) -> io::Result<()> {
    gas_output::atomic::write_atomically(path, |file| {
        writeln!(file, "{CSV_HEADER}")?;
        for row in &table.rows {
            writeln!(
                file,
                "{},{},{},{},{}",
                row.date,
                row.zone,
                two_decimals(row.observed_fill_pct),
                two_decimals(row.simulated_fill_pct),
                two_decimals(row.error_pp)
            )?;
        }
        Ok(())
    })
}

/// A number with two decimals for `backtest.csv`; one that rounds to zero is
/// `0.00`, never `-0.00` (an error of -0.001 pp is no error).
fn two_decimals(value: f64) -> String {
    without_negative_zero(format!("{value:.2}"), "")
}

/// A signed number with one decimal for the printed table; one that rounds to zero is
/// `+0.0`, as an exact zero is, never `-0.0`.
fn signed(value: f64) -> String {
    without_negative_zero(format!("{value:+.1}"), "+")
}

/// `text` (a formatted number) with a negative zero such as `-0.00` written as zero with
/// the sign `positive` (`""` or `"+"`).
fn without_negative_zero(text: String, positive: &str) -> String {
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => format!("{positive}{rest}"),
        _ => text,
    }
}

fn key_cell(stats: &ZoneStats, index: usize) -> String {
    let key = &stats.key_dates[index];
    match (key.used, key.error_pp) {
        (Some(used), Some(error)) if used == key.target => signed(error),
        (Some(used), Some(error)) => format!("{} ({})", signed(error), used.format("%m-%d")),
        _ => "-".to_string(),
    }
}

/// The error table as aligned text: one line per zone (EU first), with the
/// number of observations, mean absolute error, worst error and its date, and
/// the error on each key date (`(mm-dd)` = the nearest observation used, `-` = none within ±[`crate::compare::KEY_DATE_WINDOW_DAYS`] days).
pub fn error_table(table: &BacktestTable, zones: &[&str]) -> String {
    let header = [
        "zone", "obs", "MAE pp", "worst pp", "worst on", "1 Apr 22", "1 Jul 22", "1 Oct 22",
        "1 Nov 22", "1 Apr 23",
    ];
    let mut lines: Vec<Vec<String>> = vec![header.iter().map(|s| s.to_string()).collect()];
    for stats in table
        .zones
        .iter()
        .filter(|s| zones.is_empty() || zones.contains(&s.zone.as_str()))
    {
        let mut line = vec![
            stats.zone.clone(),
            stats.observations.to_string(),
            format!("{:.1}", stats.mean_abs_error_pp),
            signed(stats.worst.0),
            stats.worst.1.to_string(),
        ];
        line.extend((0..stats.key_dates.len()).map(|i| key_cell(stats, i)));
        lines.push(line);
    }
    let columns = header.len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            lines
                .iter()
                .map(|l| l.get(c).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let cells: Vec<String> = line
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                if c == 0 {
                    format!("{cell:<width$}", width = widths[c])
                } else {
                    format!("{cell:>width$}", width = widths[c])
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
        if i == 0 {
            out.push_str(&"-".repeat(widths.iter().sum::<usize>() + 2 * (columns - 1)));
            out.push('\n');
        }
    }
    out
}

/// Title of the error tables, with the legend of their cells.
pub fn error_table_title() -> String {
    format!(
        "Storage fill error, simulated - observed (percentage points; (mm-dd) = nearest observation within {} days, - = none)",
        crate::compare::KEY_DATE_WINDOW_DAYS
    )
}

/// Heading of the table of the zones outside the EU.
pub const OUTSIDE_EU: &str = "Outside the EU (not part of the replay's observed inputs)";

/// The zones of the error tables: the EU and its members (EU first), and the others.
pub fn zone_groups(table: &BacktestTable) -> (Vec<&str>, Vec<&str>) {
    let codes = |eu_member: bool| {
        table
            .zones
            .iter()
            .filter(|z| z.eu_member == eu_member)
            .map(|z| z.zone.as_str())
            .collect()
    };
    (codes(true), codes(false))
}

const COLOURS: [&str; 6] = [
    "#1f4e79", "#c0504d", "#4f8a10", "#8064a2", "#d98c00", "#2a9d8f",
];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The title of the fill charts' vertical axis.
const FILL_AXIS_TITLE: &str = "storage fill, % of working gas";

/// A self-contained SVG line chart of simulated (lines) and observed (dots)
/// fill for `zones` (at most six), fill 0-100 % against date, its vertical axis titled.
pub fn svg_chart(table: &BacktestTable, zones: &[&str], title: &str) -> String {
    let (width, height) = (760.0, 360.0);
    let (left, right, top, bottom) = (60.0, 110.0, 28.0, 36.0);
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    let days = table
        .simulated
        .first()
        .map_or(1, |s| s.fill_pct.len())
        .max(2);
    let x = |day: f64| left + day / (days - 1) as f64 * plot_w;
    let y = |pct: f64| top + (1.0 - pct.clamp(0.0, 110.0) / 100.0) * plot_h;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="sans-serif" font-size="11" role="img" aria-label="{label}">"##,
        label = escape(title)
    );
    let _ = write!(
        svg,
        r##"<rect width="{width}" height="{height}" fill="#ffffff"/>"##
    );
    let _ = write!(
        svg,
        r##"<text x="{left}" y="16" font-size="13" font-weight="bold">{}</text>"##,
        escape(title)
    );
    let _ = write!(
        svg,
        r##"<text transform="rotate(-90)" x="{mx:.1}" y="14" text-anchor="middle" fill="#555555">{axis}</text>"##,
        mx = -(top + plot_h / 2.0),
        axis = FILL_AXIS_TITLE
    );
    for pct in [0, 20, 40, 60, 80, 100] {
        let yy = y(f64::from(pct));
        let _ = write!(
            svg,
            r##"<line x1="{left}" x2="{x2}" y1="{yy:.1}" y2="{yy:.1}" stroke="#dddddd"/><text x="{tx}" y="{ty:.1}" text-anchor="end">{pct} %</text>"##,
            x2 = left + plot_w,
            tx = left - 4.0,
            ty = yy + 4.0
        );
    }
    // Month ticks: the first of every third month.
    let start = table.start;
    for day in 0..days {
        let date = start + Duration::days(day as i64);
        if date.format("%d").to_string() == "01"
            && matches!(
                date.format("%m").to_string().as_str(),
                "01" | "04" | "07" | "10"
            )
        {
            let xx = x(day as f64);
            let _ = write!(
                svg,
                r##"<line x1="{xx:.1}" x2="{xx:.1}" y1="{top}" y2="{yb}" stroke="#eeeeee"/><text x="{xx:.1}" y="{ty}" text-anchor="middle">{label}</text>"##,
                yb = top + plot_h,
                ty = top + plot_h + 14.0,
                label = date.format("%b %Y")
            );
        }
    }
    for (i, zone) in zones.iter().take(COLOURS.len()).enumerate() {
        let colour = COLOURS[i];
        let Some(series) = table.simulated.iter().find(|s| s.zone == *zone) else {
            continue;
        };
        let mut path = String::new();
        for (day, pct) in series.fill_pct.iter().enumerate() {
            let _ = write!(
                path,
                "{}{:.1},{:.1}",
                if day == 0 { "M" } else { " L" },
                x(day as f64),
                y(*pct)
            );
        }
        let _ = write!(
            svg,
            r##"<path d="{path}" fill="none" stroke="{colour}" stroke-width="1.6"/>"##
        );
        for row in table.rows_of(zone) {
            let day = (row.date - start).num_days() as f64;
            let _ = write!(
                svg,
                r##"<circle cx="{:.1}" cy="{:.1}" r="2.2" fill="{colour}" fill-opacity="0.35" stroke="{colour}" stroke-width="0.6"/>"##,
                x(day),
                y(row.observed_fill_pct)
            );
        }
        let ly = top + 14.0 * i as f64 + 6.0;
        let lx = left + plot_w + 10.0;
        let _ = write!(
            svg,
            r##"<line x1="{lx}" x2="{lx2}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="2"/><text x="{tx}" y="{ty}">{zone}</text>"##,
            lx2 = lx + 16.0,
            tx = lx + 20.0,
            ty = ly + 4.0,
            zone = escape(zone)
        );
    }
    let ly = top + 14.0 * zones.len().min(COLOURS.len()) as f64 + 14.0;
    let lx = left + plot_w + 10.0;
    let _ = write!(
        svg,
        r##"<text x="{lx}" y="{ly}" fill="#555555">line: simulated</text><text x="{lx}" y="{ly2}" fill="#555555">dots: observed</text>"##,
        ly2 = ly + 14.0
    );
    svg.push_str("</svg>\n");
    svg
}

/// A self-contained HTML page: the error table, the notes and one chart per
/// group of zones, each in a `<figure data-chart="...">`.
pub fn html_report(
    table: &BacktestTable,
    title: &str,
    notes: &[String],
    charts: &[(&str, Vec<&str>)],
) -> String {
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title>\
<style>body{{font-family:sans-serif;max-width:980px;margin:2em auto;color:#222}}pre{{background:#f6f6f6;padding:1em;overflow-x:auto}}figure{{margin:1.5em 0}}</style>\
</head><body><h1>{t}</h1>\n",
        t = escape(title)
    );
    let (eu, others) = zone_groups(table);
    let _ = writeln!(html, "<h2>{}</h2>", escape(&error_table_title()));
    let _ = writeln!(html, "<pre>{}</pre>", escape(&error_table(table, &eu)));
    if !others.is_empty() {
        let _ = writeln!(
            html,
            "<h3>{}</h3>\n<pre>{}</pre>",
            escape(OUTSIDE_EU),
            escape(&error_table(table, &others))
        );
    }
    for (name, zones) in charts {
        let _ = write!(html, "<figure data-chart=\"backtest-{}\">", escape(name));
        html.push_str(&svg_chart(
            table,
            zones,
            &format!("Storage fill, simulated vs observed: {}", zones.join(", ")),
        ));
        let _ = writeln!(
            html,
            "<figcaption>{}: simulated (lines) and observed (dots, GIE AGSI+) storage fill, % of working gas.</figcaption></figure>",
            escape(&zones.join(", "))
        );
    }
    if !notes.is_empty() {
        html.push_str("<h2>Notes</h2>\n<ul>\n");
        for note in notes {
            let _ = writeln!(html, "<li>{}</li>", escape(note));
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</body></html>\n");
    html
}

/// Formats a date as `YYYY-MM-DD` (helper for front ends).
pub fn iso(date: NaiveDate) -> String {
    date.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{zone_stats, BacktestRow, SimulatedSeries};

    fn table() -> BacktestTable {
        let start = NaiveDate::from_ymd_opt(2022, 10, 30).unwrap();
        let rows = vec![BacktestRow {
            date: start + Duration::days(2),
            zone: "EU".into(),
            observed_fill_pct: 95.0,
            simulated_fill_pct: 93.5,
            error_pp: -1.5,
        }];
        let stats = zone_stats(
            "EU",
            true,
            1100.0,
            &rows,
            &[NaiveDate::from_ymd_opt(2022, 11, 1).unwrap()],
        )
        .unwrap();
        BacktestTable {
            start,
            rows,
            zones: vec![stats],
            simulated: vec![SimulatedSeries {
                zone: "EU".into(),
                fill_pct: vec![90.0, 92.0, 93.5],
            }],
        }
    }

    #[test]
    fn error_table_marks_the_nearest_observation() {
        let text = error_table(&table(), &[]);
        let line = text.lines().nth(2).unwrap();
        // The observation is on 1 November itself (30 October + 2 days): no date mark.
        assert!(line.starts_with("EU"), "{text}");
        assert!(line.contains("-1.5"), "{text}");
    }

    #[test]
    fn csv_has_one_row_per_observation() {
        let dir = std::env::temp_dir().join(format!("gas-backtest-{}", std::process::id()));
        let path = dir.join("backtest.csv");
        write_csv(&path, &table()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            format!("{CSV_HEADER}\n2022-11-01,EU,95.00,93.50,-1.50\n")
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_printed_table_shows_an_error_that_rounds_to_zero_as_plus_0() {
        assert_eq!(signed(-0.04), "+0.0");
        assert_eq!(signed(0.0), "+0.0");
        assert_eq!(signed(-0.05), "-0.1");
        assert_eq!(signed(2.26), "+2.3");
    }

    #[test]
    fn csv_writes_an_error_that_rounds_to_zero_as_0() {
        // The replay's PL on its first day: simulated a hair below observed.
        let mut table = table();
        table.rows[0].observed_fill_pct = 96.64;
        table.rows[0].simulated_fill_pct = 96.637;
        table.rows[0].error_pp = 96.637 - 96.64;
        let dir = std::env::temp_dir().join(format!("gas-backtest-zero-{}", std::process::id()));
        let path = dir.join("backtest.csv");
        write_csv(&path, &table).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            format!("{CSV_HEADER}\n2022-11-01,EU,96.64,96.64,0.00\n")
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn chart_is_an_svg_with_one_line_and_one_dot() {
        let svg = svg_chart(&table(), &["EU"], "EU fill");
        assert!(svg.starts_with("<svg"));
        assert!(
            svg.contains(">storage fill, % of working gas</text>"),
            "{svg}"
        );
        assert_eq!(svg.matches("<path").count(), 1);
        assert_eq!(svg.matches("<circle").count(), 1);
        let html = html_report(
            &table(),
            "Backtest",
            &["a < b".into()],
            &[("EU", vec!["EU"])],
        );
        assert!(html.contains("<figure data-chart=\"backtest-EU\">"));
        assert!(html.contains("a &lt; b"));
        // The caption names the zones, not the chart's id.
        let named = html_report(&table(), "Backtest", &[], &[("largest-zones", vec!["EU"])]);
        assert!(
            named.contains("<figcaption>EU: simulated (lines)"),
            "{named}"
        );
    }

    #[test]
    fn html_report_puts_zones_outside_the_eu_apart_as_the_printed_table_does() {
        let mut table = table();
        let mut ua = table.zones[0].clone();
        ua.zone = "UA".into();
        ua.eu_member = false;
        table.zones.push(ua);
        let html = html_report(&table, "Backtest", &[], &[]);
        let outside = html.find(OUTSIDE_EU).unwrap_or(0);
        assert!(outside > 0, "{html}");
        let ua_line = html.find("\nUA ").unwrap_or(0);
        assert!(ua_line > outside, "UA is listed before the heading: {html}");
        assert!(html.contains("(mm-dd) = nearest observation"), "{html}");
    }
}
