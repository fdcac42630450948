//! Horizontal grouped bar charts (negative values extend to the left).

use super::{figure, legend_row, nice_ticks, tick_decimals, Mark, Svg};

/// One group of bars (one bar per series).
#[derive(Debug, Clone)]
pub struct BarGroup {
    /// Group label.
    pub label: String,
    /// One value per series (missing or non-finite: no bar).
    pub values: Vec<f64>,
}

/// A horizontal grouped bar chart.
#[derive(Debug, Clone)]
pub struct BarChart {
    /// Title.
    pub title: String,
    /// Value-axis label with its unit.
    pub x_label: String,
    /// Series names and colours (legend).
    pub series: Vec<(String, String)>,
    /// Groups, top to bottom.
    pub groups: Vec<BarGroup>,
    /// Decimals in value labels.
    pub decimals: usize,
}

/// The chart, 760 px wide.
pub fn bar_chart(chart: &BarChart) -> String {
    let width = 760.0;
    let label_w = 210.0;
    let bar_h = 16.0;
    let n_series = chart.series.len().max(1);
    let group_h = bar_h * n_series as f64 + 10.0;
    let items: Vec<(String, String, Mark)> = chart
        .series
        .iter()
        .map(|(name, color)| (name.clone(), color.clone(), Mark::Swatch))
        .collect();
    let mut probe = Svg::new(0.0, 0.0, "");
    let below = if items.len() > 1 {
        legend_row(&mut probe, label_w, 42.0, width - 10.0, &items)
    } else {
        34.0
    };
    let plot_h = group_h * chart.groups.len().max(1) as f64;
    let height = below + plot_h + 50.0;
    let mut svg = Svg::new(width, height, &chart.title);
    svg.title(&chart.title);
    if items.len() > 1 {
        legend_row(&mut svg, label_w, 42.0, width - 10.0, &items);
    }
    let values = chart
        .groups
        .iter()
        .flat_map(|g| g.values.iter().copied())
        .filter(|v| v.is_finite());
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let ticks = nice_ticks(lo, if hi > lo { hi } else { lo + 1.0 }, 5);
    let (t0, t1) = (
        ticks.first().copied().unwrap_or(0.0),
        ticks.last().copied().unwrap_or(1.0),
    );
    let plot_left = label_w;
    let plot_w = width - label_w - 70.0;
    let sx = |v: f64| {
        if t1 > t0 {
            plot_left + (v - t0) / (t1 - t0) * plot_w
        } else {
            plot_left
        }
    };
    let top = below + 4.0;
    let decimals = tick_decimals(&ticks);
    for tick in &ticks {
        let x = sx(*tick);
        svg.line(x, top, x, top + plot_h, "#e0e0e0", "");
        svg.text(
            x,
            top + plot_h + 16.0,
            "middle",
            "fill=\"#333\"",
            &figure(*tick, decimals),
        );
    }
    svg.text(
        plot_left + plot_w / 2.0,
        top + plot_h + 34.0,
        "middle",
        "fill=\"#333\"",
        &chart.x_label,
    );
    for (g, group) in chart.groups.iter().enumerate() {
        let gy = top + g as f64 * group_h + 5.0;
        svg.text(
            plot_left - 8.0,
            gy + bar_h * n_series as f64 / 2.0 + 4.0,
            "end",
            "fill=\"#222\"",
            &group.label,
        );
        for (s, value) in group.values.iter().enumerate() {
            if !value.is_finite() {
                continue;
            }
            let color = chart.series.get(s).map_or("#0072B2", |(_, c)| c.as_str());
            let name = chart.series.get(s).map_or("", |(n, _)| n.as_str());
            let y = gy + s as f64 * bar_h;
            let (x0, x1) = (sx(0.0), sx(*value));
            let tip = format!(
                "{}{}{}: {}",
                group.label,
                if name.is_empty() { "" } else { ", " },
                name,
                figure(*value, chart.decimals)
            );
            svg.rect(
                x0.min(x1),
                y,
                (x1 - x0).abs().max(0.5),
                bar_h - 2.0,
                color,
                Some(&tip),
            );
            let (lx, anchor) = if *value >= 0.0 {
                (x1 + 4.0, "start")
            } else {
                (x1 - 4.0, "end")
            };
            svg.text(
                lx,
                y + bar_h - 5.0,
                anchor,
                "font-size=\"11\" fill=\"#222\"",
                &figure(*value, chart.decimals),
            );
        }
    }
    let zero = sx(0.0);
    svg.line(zero, top, zero, top + plot_h, "#555", "");
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_bars_grow_left_of_zero() {
        let chart = BarChart {
            title: "t".into(),
            x_label: "MEUR".into(),
            series: vec![("a".into(), "#000".into())],
            groups: vec![
                BarGroup {
                    label: "up".into(),
                    values: vec![10.0],
                },
                BarGroup {
                    label: "down".into(),
                    values: vec![-10.0, f64::NAN],
                },
            ],
            decimals: 0,
        };
        let svg = bar_chart(&chart);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("−10"));
    }
}
