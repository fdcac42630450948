//! Horizontal grouped bar charts (negative values extend to the left).

use super::{figure, legend_row, nice_ticks, text_width, tick_decimals, Mark, Svg};

/// One group of bars (one bar per series).
#[derive(Debug, Clone)]
pub struct BarGroup {
    /// Group label.
    pub label: String,
    /// One value per series (missing: no bar; non-finite: unknown, a `–` and no bar).
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

/// Widest group-label column (px); longer labels are cut with `…` (the bars'
/// tooltips keep the whole label).
pub const MAX_LABEL_WIDTH: f64 = 420.0;

/// `label` cut with `…` so that it fits in `width` px at 12 px.
fn fit(label: &str, width: f64) -> String {
    if text_width(label, 12.0) <= width {
        return label.to_string();
    }
    let keep = (width / text_width("m", 12.0)).floor().max(1.0) as usize - 1;
    let mut cut: String = label.chars().take(keep).collect();
    cut.push('…');
    cut
}

/// The chart, at least 760 px wide: the label column is as wide as the longest
/// group label (up to [`MAX_LABEL_WIDTH`]), and room is kept on either side of
/// the plot for the value labels of the longest bars.
pub fn bar_chart(chart: &BarChart) -> String {
    let bar_h = 16.0;
    let value_label = |v: f64| figure(v, chart.decimals);
    let longest = chart
        .groups
        .iter()
        .map(|g| text_width(&g.label, 12.0))
        .fold(0.0, f64::max);
    let label_w = (longest + 18.0).clamp(100.0, MAX_LABEL_WIDTH);
    let n_series = chart.series.len().max(1);
    let group_h = bar_h * n_series as f64 + 10.0;
    let items: Vec<(String, String, Mark)> = chart
        .series
        .iter()
        .map(|(name, color)| (name.clone(), color.clone(), Mark::Swatch))
        .collect();
    let values = chart
        .groups
        .iter()
        .flat_map(|g| g.values.iter().copied())
        .filter(|v| v.is_finite());
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    // Value labels sit left of negative bars and right of positive ones.
    let left_room = if lo < 0.0 {
        text_width(&value_label(lo), 11.0) + 8.0
    } else {
        0.0
    };
    let right_room = (text_width(&value_label(hi), 11.0) + 12.0).max(30.0);
    let width = (label_w + left_room + 480.0 + right_room).max(760.0);
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
    let ticks = nice_ticks(lo, if hi > lo { hi } else { lo + 1.0 }, 5);
    let (t0, t1) = (
        ticks.first().copied().unwrap_or(0.0),
        ticks.last().copied().unwrap_or(1.0),
    );
    let plot_left = label_w + left_room;
    let plot_w = width - plot_left - right_room;
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
            label_w - 8.0,
            gy + bar_h * n_series as f64 / 2.0 + 4.0,
            "end",
            "fill=\"#222\"",
            &fit(&group.label, label_w - 10.0),
        );
        for (s, value) in group.values.iter().enumerate() {
            let y = gy + s as f64 * bar_h;
            if !value.is_finite() {
                // Unknown (e.g. a run with unsolved days): a dash, no bar.
                svg.text(
                    sx(0.0) + 4.0,
                    y + bar_h - 5.0,
                    "start",
                    "font-size=\"11\" fill=\"#222\"",
                    "–",
                );
                continue;
            }
            let color = chart.series.get(s).map_or("#0072B2", |(_, c)| c.as_str());
            let name = chart.series.get(s).map_or("", |(n, _)| n.as_str());
            let (x0, x1) = (sx(0.0), sx(*value));
            let tip = format!(
                "{}{}{}: {}",
                group.label,
                if name.is_empty() { "" } else { ", " },
                name,
                value_label(*value)
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
                &value_label(*value),
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

    /// `(left, right, text)` extent of every `<text>` of `svg` (estimated widths).
    fn text_extents(svg: &str) -> Vec<(f64, f64, String)> {
        svg.split("<text ")
            .skip(1)
            .filter_map(|part| {
                let tag = part.split('>').next()?;
                let attr = |name: &str| {
                    let start = if tag.starts_with(&format!("{name}=\"")) {
                        0
                    } else {
                        tag.find(&format!(" {name}=\""))?
                    };
                    tag[start..].split('"').nth(1).map(str::to_string)
                };
                let x: f64 = attr("x")?.parse().ok()?;
                let size = attr("font-size").map_or(12.0, |s| s.parse().unwrap_or(12.0));
                let text = part.split('>').nth(1)?.split('<').next()?.to_string();
                let w = text_width(&text, size);
                let (left, right) = match attr("text-anchor")?.as_str() {
                    "end" => (x - w, x),
                    "middle" => (x - w / 2.0, x + w / 2.0),
                    _ => (x, x + w),
                };
                Some((left, right, text))
            })
            .collect()
    }

    #[test]
    fn long_group_labels_and_value_labels_stay_inside_and_apart() {
        let label = "EU curtailment cost: unserved demand";
        let chart = BarChart {
            title: "Packages against do-nothing".into(),
            x_label: "million EUR".into(),
            series: vec![("change".into(), "#000".into())],
            groups: vec![
                BarGroup {
                    label: label.into(),
                    values: vec![-200_000.0],
                },
                BarGroup {
                    label: "ukraine-transit-stop · nord-stream-2-blocked".into(),
                    values: vec![63_080.0],
                },
            ],
            decimals: 0,
        };
        let svg = bar_chart(&chart);
        let width = crate::charts::svg_width(&svg);
        let texts = text_extents(&svg);
        assert!(texts.iter().any(|(_, _, t)| t == label), "{svg}");
        for (left, right, text) in &texts {
            assert!(
                *left >= 0.0 && *right <= width,
                "{text}: {left}..{right} of {width}"
            );
        }
        let group_labels_end = texts
            .iter()
            .filter(|(_, _, t)| t.contains(" · ") || t == label)
            .map(|(_, right, _)| *right)
            .fold(0.0, f64::max);
        // The value label of the negative bar (drawn after the tick labels).
        let negative_label = texts.iter().rev().find(|(_, _, t)| t.starts_with('−'));
        assert!(
            negative_label.is_some_and(|(left, _, _)| *left > group_labels_end),
            "{negative_label:?} overlaps the group labels ending at {group_labels_end}"
        );
    }

    #[test]
    fn labels_beyond_the_widest_column_are_cut() {
        let long = "x".repeat(200);
        let cut = fit(&long, MAX_LABEL_WIDTH - 10.0);
        assert!(cut.ends_with('…') && text_width(&cut, 12.0) <= MAX_LABEL_WIDTH - 10.0);
        assert_eq!(fit("short", 100.0), "short");
    }
}
