//! Heat maps: rows by columns, coloured on a viridis ramp.

use super::{coord, esc, figure, text_width, Svg};
use crate::palette::{text_on_viridis, viridis, NO_DATA};

/// A heat map; zero cells are drawn light grey, positive ones on the ramp from 0
/// to the maximum, unknown ones (missing or non-finite, e.g. unsolved days)
/// white with a `–`.
#[derive(Debug, Clone)]
pub struct Heatmap {
    /// Title.
    pub title: String,
    /// Row labels (e.g. zones).
    pub rows: Vec<String>,
    /// Column labels (e.g. months).
    pub columns: Vec<String>,
    /// `values[row][column]`; missing or non-finite cells are unknown.
    pub values: Vec<Vec<f64>>,
    /// Unit of the values (legend).
    pub unit: String,
    /// Decimals in cell labels (at least; more when the largest value needs them).
    pub decimals: usize,
}

/// An unknown cell: white, outlined, with a `–` in its middle.
fn unknown_cell(svg: &mut Svg, x: f64, y: f64, w: f64, h: f64, tooltip: Option<&str>) {
    svg.raw(&format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" stroke=\"#bbbbbb\">{}</rect>",
        coord(x + 0.5),
        coord(y + 0.5),
        coord(w - 1.0),
        coord(h - 1.0),
        tooltip.map_or(String::new(), |tip| format!("<title>{}</title>", esc(tip)))
    ));
    svg.text(
        x + w / 2.0,
        y + h / 2.0 + 4.0,
        "middle",
        "font-size=\"10\" fill=\"#777\"",
        "–",
    );
}

/// Decimals to print values up to `max`: at least `decimals`, and enough for
/// two significant digits of `max` (at most 4), so that small amounts (a run
/// whose largest month is 0.004 TWh) do not all print as 0.0.
fn shown_decimals(max: f64, decimals: usize) -> usize {
    if !(max > 0.0 && max.is_finite()) {
        return decimals;
    }
    let needed = (1.0 - max.log10().floor()).clamp(0.0, 4.0) as usize;
    decimals.max(needed)
}

/// The chart.
pub fn heatmap(chart: &Heatmap) -> String {
    let cell_w = 56.0;
    let cell_h = 20.0;
    let left = 60.0;
    let top = 76.0;
    let columns = chart.columns.len();
    let rows = chart.rows.len();
    let width = (left + cell_w * columns as f64 + 20.0).max(420.0);
    let height = top + cell_h * rows.max(1) as f64 + 40.0;
    let mut svg = Svg::new(width, height, &chart.title);
    svg.title(&chart.title);
    let cell = |r: usize, c: usize| -> Option<f64> {
        chart
            .values
            .get(r)
            .and_then(|row| row.get(c))
            .copied()
            .filter(|v| v.is_finite())
    };
    let max = (0..rows)
        .flat_map(|r| (0..columns).map(move |c| (r, c)))
        .filter_map(|(r, c)| cell(r, c))
        .fold(0.0, f64::max);
    let decimals = shown_decimals(max, chart.decimals);

    // Legend: grey "0", then the ramp from 0 to the maximum.
    svg.rect(left, 34.0, 14.0, 12.0, NO_DATA, None);
    svg.text(left + 18.0, 44.0, "start", "fill=\"#222\"", "0 / none");
    let bar_left = left + 90.0;
    for i in 0..20 {
        let t = i as f64 / 19.0;
        svg.rect(
            bar_left + i as f64 * 8.0,
            34.0,
            8.0,
            12.0,
            &viridis(t),
            None,
        );
    }
    svg.text(bar_left, 60.0, "start", "fill=\"#222\"", "> 0");
    svg.text(
        bar_left + 160.0,
        60.0,
        "end",
        "fill=\"#222\"",
        &figure(max, decimals),
    );
    svg.text(
        bar_left + 168.0,
        44.0,
        "start",
        "fill=\"#222\"",
        &chart.unit,
    );
    let any_unknown = (0..rows).any(|r| (0..columns).any(|c| cell(r, c).is_none()));
    if any_unknown {
        let x = bar_left + 168.0 + text_width(&chart.unit, 12.0) + 24.0;
        unknown_cell(&mut svg, x, 34.0, 14.0, 12.0, None);
        svg.text(
            x + 18.0,
            44.0,
            "start",
            "fill=\"#222\"",
            "unknown (unsolved)",
        );
    }

    for (c, label) in chart.columns.iter().enumerate() {
        svg.text(
            left + cell_w * (c as f64 + 0.5),
            top - 4.0,
            "middle",
            "fill=\"#333\"",
            label,
        );
    }
    for (r, label) in chart.rows.iter().enumerate() {
        let y = top + cell_h * r as f64;
        svg.text(left - 6.0, y + 14.0, "end", "fill=\"#333\"", label);
        for c in 0..columns {
            let x = left + cell_w * c as f64;
            let tip = format!(
                "{label}, {}: {}",
                chart.columns.get(c).map_or("", String::as_str),
                cell(r, c).map_or("unknown".to_string(), |v| format!(
                    "{} {}",
                    figure(v, decimals),
                    chart.unit
                )),
            );
            match cell(r, c) {
                Some(v) if v > 0.0 && max > 0.0 => {
                    let t = v / max;
                    svg.rect(x, y, cell_w - 1.0, cell_h - 1.0, &viridis(t), Some(&tip));
                    svg.text(
                        x + cell_w / 2.0,
                        y + 14.0,
                        "middle",
                        &format!("font-size=\"10\" fill=\"{}\"", text_on_viridis(t)),
                        &figure(v, decimals),
                    );
                }
                Some(_) => svg.rect(x, y, cell_w - 1.0, cell_h - 1.0, NO_DATA, Some(&tip)),
                None => unknown_cell(&mut svg, x, y, cell_w - 1.0, cell_h - 1.0, Some(&tip)),
            }
        }
    }
    if rows == 0 {
        svg.text(
            left,
            top + 14.0,
            "start",
            "fill=\"#555\"",
            "no zones with demand",
        );
    }
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_one_rect_per_cell_plus_legend() {
        let chart = Heatmap {
            title: "Unserved".into(),
            rows: vec!["AT".into(), "BE".into()],
            columns: vec!["Apr 22".into()],
            values: vec![vec![1.0], vec![]],
            unit: "TWh".into(),
            decimals: 1,
        };
        let svg = heatmap(&chart);
        // Two cells, the ramp, the grey and the unknown legend boxes.
        assert_eq!(svg.matches("<rect").count(), 2 + 21 + 1);
        assert!(svg.contains("<title>AT, Apr 22: 1.0 TWh</title>"));
        assert!(svg.contains("<title>BE, Apr 22: unknown</title>"));
    }

    #[test]
    fn small_amounts_get_the_decimals_they_need() {
        let chart = Heatmap {
            title: "Unserved".into(),
            rows: vec!["BA".into(), "RS".into()],
            columns: vec!["Nov 22".into()],
            values: vec![vec![0.0012], vec![0.0043]],
            unit: "TWh".into(),
            decimals: 1,
        };
        let svg = heatmap(&chart);
        assert!(
            svg.contains("<title>RS, Nov 22: 0.0043 TWh</title>"),
            "{svg}"
        );
        assert!(
            svg.contains(">0.0012</text>") && !svg.contains(">0.0</text>"),
            "{svg}"
        );
        assert_eq!(shown_decimals(16.8, 1), 1);
        assert_eq!(shown_decimals(0.2, 1), 2);
        assert_eq!(shown_decimals(0.0, 1), 1);
    }
}
