//! Line charts over the days of a period, with target markers.

use super::{coord, diamond, esc, legend_row, month_ticks, nice_ticks, Frame, Mark, Svg};
use chrono::NaiveDate;
use std::fmt::Write;

/// One line: a value (or a gap) per day.
#[derive(Debug, Clone)]
pub struct Series {
    /// Legend label.
    pub name: String,
    /// Stroke colour.
    pub color: String,
    /// Value per day of the period; `None` (or non-finite) leaves a gap.
    pub values: Vec<Option<f64>>,
    /// Dashed stroke, joined across gaps (used for sparse observations); the
    /// values next to a gap get a dot.
    pub dashed: bool,
}

/// A point marker, e.g. a filling target.
#[derive(Debug, Clone)]
pub struct Marker {
    /// Day index in the period.
    pub day: usize,
    /// Value.
    pub value: f64,
    /// Tooltip.
    pub label: String,
}

/// A line chart over a period.
#[derive(Debug, Clone)]
pub struct LineChart {
    /// Title.
    pub title: String,
    /// Y-axis label with its unit.
    pub y_label: String,
    /// First day.
    pub start: NaiveDate,
    /// Number of days.
    pub days: usize,
    /// Lines.
    pub series: Vec<Series>,
    /// Markers (drawn as diamonds).
    pub markers: Vec<Marker>,
    /// Legend label of the markers.
    pub marker_name: String,
    /// Fixed y range; `None`: from the data (and zero).
    pub y_range: Option<(f64, f64)>,
}

fn y_extent(chart: &LineChart) -> (f64, f64) {
    if let Some(range) = chart.y_range {
        return range;
    }
    let values = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten().copied())
        .chain(chart.markers.iter().map(|m| m.value))
        .filter(|v| v.is_finite());
    let (min, max) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if max > min {
        (min, max)
    } else {
        (0.0, 1.0)
    }
}

/// The SVG path of a series (`M` at each new segment after a gap; `connect`
/// joins points across gaps, for sparse observations).
fn path(frame: &Frame, values: &[Option<f64>], connect: bool) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for (day, value) in values.iter().enumerate() {
        match value.filter(|v| v.is_finite()) {
            Some(v) => {
                let _ = write!(
                    d,
                    "{}{} {}",
                    if pen_down { "L" } else { "M" },
                    coord(frame.sx(day as f64)),
                    coord(frame.sy(v))
                );
                pen_down = true;
            }
            None => pen_down = pen_down && connect,
        }
    }
    d
}

/// Days whose point a line alone would not show: an isolated value (no
/// neighbour on either side), and for a series joined across gaps every value
/// next to a gap, so that a joined stretch is not read as observed days.
fn dot_days(values: &[Option<f64>], connect: bool) -> Vec<usize> {
    let known = |day: Option<usize>| {
        day.and_then(|d| values.get(d))
            .is_some_and(|v| v.is_some_and(f64::is_finite))
    };
    (0..values.len())
        .filter(|&day| known(Some(day)))
        .filter(|&day| {
            let (before, after) = (known(day.checked_sub(1)), known(Some(day + 1)));
            if connect {
                !before || !after
            } else {
                !before && !after
            }
        })
        .collect()
}

/// The first series before `index` drawn with the same path as series `index`, if any: a
/// line that would hide it entirely.
fn hidden_under<'a>(chart: &'a LineChart, index: usize, paths: &[String]) -> Option<&'a Series> {
    (0..index)
        .find(|&earlier| !paths[index].is_empty() && paths[earlier] == paths[index])
        .map(|earlier| &chart.series[earlier])
}

fn draw_lines(svg: &mut Svg, frame: &Frame, chart: &LineChart, width: f64) {
    let paths: Vec<String> = chart
        .series
        .iter()
        .map(|series| path(frame, &series.values, series.dashed))
        .collect();
    for (index, series) in chart.series.iter().enumerate() {
        let d = &paths[index];
        if d.is_empty() {
            continue;
        }
        // A line on the very path of an earlier one is dashed with wide gaps, so that both
        // colours show, and its tooltip says so.
        let under = hidden_under(chart, index, &paths);
        let dash = match (series.dashed, under) {
            (true, _) => " stroke-dasharray=\"5 3\"",
            (false, Some(_)) => " stroke-dasharray=\"6 6\"",
            (false, None) => "",
        };
        let tooltip = match under {
            Some(earlier) => format!("{} (same as {})", series.name, earlier.name),
            None => series.name.clone(),
        };
        let _ = write!(
            svg_buffer(svg),
            "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{dash}><title>{}</title></path>",
            esc(&series.color),
            coord(width),
            esc(&tooltip)
        );
        for day in dot_days(&series.values, series.dashed) {
            let value = series.values[day].unwrap_or_default();
            let _ = write!(
                svg_buffer(svg),
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"/>",
                coord(frame.sx(day as f64)),
                coord(frame.sy(value)),
                coord(width.max(1.0) + 0.5),
                esc(&series.color)
            );
        }
    }
    for marker in &chart.markers {
        if marker.day < chart.days.max(1) && marker.value.is_finite() {
            svg.raw(&diamond(
                frame.sx(marker.day as f64),
                frame.sy(marker.value),
                5.0,
                "#ffffff",
                Some(&marker.label),
            ));
        }
    }
}

/// A tiny adaptor so `write!` can target an [`Svg`].
struct SvgWriter<'a>(&'a mut Svg);

impl std::fmt::Write for SvgWriter<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.raw(s);
        Ok(())
    }
}

fn svg_buffer(svg: &mut Svg) -> SvgWriter<'_> {
    SvgWriter(svg)
}

fn legend_items(chart: &LineChart) -> Vec<(String, String, Mark)> {
    let mut items: Vec<(String, String, Mark)> = chart
        .series
        .iter()
        .map(|s| {
            (
                s.name.clone(),
                s.color.clone(),
                if s.dashed { Mark::Dashed } else { Mark::Line },
            )
        })
        .collect();
    if !chart.markers.is_empty() {
        items.push((
            chart.marker_name.clone(),
            "#ffffff".to_string(),
            Mark::Diamond,
        ));
    }
    items
}

/// One line chart, 760 x 340 px.
pub fn line_chart(chart: &LineChart) -> String {
    let (width, height) = (760.0, 340.0);
    let mut svg = Svg::new(width, height, &chart.title);
    svg.title(&chart.title);
    let below = legend_row(&mut svg, 80.0, 42.0, width - 10.0, &legend_items(chart));
    let (lo, hi) = y_extent(chart);
    let ticks = nice_ticks(lo, hi, 5);
    let frame = Frame {
        left: 80.0,
        top: below + 4.0,
        width: width - 100.0,
        height: height - below - 4.0 - 50.0,
        x: (0.0, chart.days.saturating_sub(1).max(1) as f64),
        y: (
            ticks.first().copied().unwrap_or(lo),
            ticks.last().copied().unwrap_or(hi),
        ),
    };
    frame.axes(
        &mut svg,
        &ticks,
        &chart.y_label,
        &month_ticks(chart.start, chart.days),
        "gas day (month starts)",
    );
    draw_lines(&mut svg, &frame, chart, 2.2);
    svg.finish()
}

/// Panel size of [`small_multiples`] for many panels (a zone each), px.
pub const SMALL_PANEL_PX: (f64, f64) = (180.0, 130.0);

/// Panel size of [`small_multiples`] for a few panels (a scenario each), px.
pub const LARGE_PANEL_PX: (f64, f64) = (340.0, 220.0);

/// Small multiples: one panel per chart (its title is the panel label) of
/// `panel_px` (width, height), in `columns` columns, sharing the legend of the
/// first panel.
pub fn small_multiples(
    title: &str,
    y_label: &str,
    panels: &[LineChart],
    columns: usize,
    panel_px: (f64, f64),
) -> String {
    let columns = columns.max(1);
    let rows = panels.len().div_ceil(columns).max(1);
    let (panel_w, panel_h) = panel_px;
    let width = 60.0 + columns as f64 * panel_w;
    let legend = panels.first().map(legend_items).unwrap_or_default();
    let mut probe = Svg::new(0.0, 0.0, "");
    let below = legend_row(&mut probe, 60.0, 42.0, width - 10.0, &legend);
    let height = below + 10.0 + rows as f64 * panel_h + 20.0;
    let mut svg = Svg::new(width, height, title);
    svg.title(title);
    legend_row(&mut svg, 60.0, 42.0, width - 10.0, &legend);
    let axis_y = below + 10.0 + rows as f64 * panel_h / 2.0;
    svg.text(
        16.0,
        axis_y,
        "middle",
        &format!(
            "fill=\"#333\" transform=\"rotate(-90 16 {})\"",
            coord(axis_y)
        ),
        y_label,
    );
    for (index, chart) in panels.iter().enumerate() {
        let column = index % columns;
        let row = index / columns;
        let left = 60.0 + column as f64 * panel_w;
        let top = below + 10.0 + row as f64 * panel_h;
        let (lo, hi) = y_extent(chart);
        let frame = Frame {
            left: left + 8.0,
            top: top + 18.0,
            width: panel_w - 24.0,
            height: panel_h - 44.0,
            x: (0.0, chart.days.saturating_sub(1).max(1) as f64),
            y: (lo, hi),
        };
        svg.text(
            left + 8.0,
            top + 12.0,
            "start",
            "font-weight=\"600\"",
            &chart.title,
        );
        svg.rect(
            frame.left,
            frame.top,
            frame.width,
            frame.height,
            "#f7f7f7",
            None,
        );
        for tick in [lo, (lo + hi) / 2.0, hi] {
            let y = frame.sy(tick);
            svg.line(frame.left, y, frame.left + frame.width, y, "#e0e0e0", "");
        }
        svg.text(
            frame.left - 2.0,
            frame.sy(hi) + 4.0,
            "end",
            "font-size=\"9\" fill=\"#555\"",
            &super::figure(hi, 0),
        );
        svg.text(
            frame.left - 2.0,
            frame.sy(lo) + 3.0,
            "end",
            "font-size=\"9\" fill=\"#555\"",
            &super::figure(lo, 0),
        );
        let ticks = month_ticks(chart.start, chart.days);
        let (first, last) = (ticks.first(), ticks.last());
        for (x, label) in [first, last].into_iter().flatten() {
            svg.text(
                frame.sx(*x),
                frame.top + frame.height + 12.0,
                "middle",
                "font-size=\"9\" fill=\"#555\"",
                label,
            );
        }
        draw_lines(&mut svg, &frame, chart, 1.5);
    }
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(values: Vec<Option<f64>>) -> LineChart {
        LineChart {
            title: "t".into(),
            y_label: "fill (%)".into(),
            start: NaiveDate::from_ymd_opt(2022, 4, 1).unwrap_or_default(),
            days: values.len(),
            series: vec![Series {
                name: "model".into(),
                color: "#000".into(),
                values,
                dashed: false,
            }],
            markers: vec![],
            marker_name: "target".into(),
            y_range: Some((0.0, 100.0)),
        }
    }

    #[test]
    fn gaps_start_new_segments() {
        let c = chart(vec![Some(0.0), None, Some(100.0), Some(50.0)]);
        let frame = Frame {
            left: 0.0,
            top: 0.0,
            width: 30.0,
            height: 100.0,
            x: (0.0, 3.0),
            y: (0.0, 100.0),
        };
        assert_eq!(
            path(&frame, &c.series[0].values, false),
            "M0 100M20 0L30 50"
        );
        assert_eq!(path(&frame, &c.series[0].values, true), "M0 100L20 0L30 50");
    }

    #[test]
    fn values_next_to_a_joined_gap_and_isolated_values_get_a_dot() {
        let observed = [Some(30.0), None, None, Some(40.0), Some(41.0), Some(42.0)];
        assert_eq!(dot_days(&observed, true), vec![0, 3, 5]);
        // A solid series' line shows every value but an isolated one (day 0
        // here, or the only day of a one-day run).
        assert_eq!(dot_days(&observed, false), vec![0]);
        assert_eq!(dot_days(&[Some(35.0)], false), vec![0]);
        let svg = line_chart(&chart(vec![Some(35.0)]));
        assert_eq!(svg.matches("<circle").count(), 1, "{svg}");
    }

    #[test]
    fn a_line_on_the_path_of_an_earlier_one_is_dashed_so_both_show() {
        let mut c = chart(vec![Some(50.0), Some(40.0), Some(30.0)]);
        let twin = |name: &str, color: &str, values: Vec<Option<f64>>| Series {
            name: name.into(),
            color: color.into(),
            values,
            dashed: false,
        };
        c.series[0].name = "do-nothing".into();
        c.series.push(twin(
            "package",
            "#111",
            vec![Some(50.0), Some(45.0), Some(30.0)],
        ));
        c.series.push(twin(
            "no effect",
            "#222",
            vec![Some(50.0), Some(40.0), Some(30.0)],
        ));
        let svg = line_chart(&c);
        // Only the third line follows an earlier one (the first) day by day.
        assert_eq!(svg.matches("stroke-dasharray=\"6 6\"").count(), 1, "{svg}");
        assert!(
            svg.contains("stroke=\"#222\" stroke-width=\"2.2\" stroke-dasharray=\"6 6\"><title>no effect (same as do-nothing)</title>"),
            "{svg}"
        );
        assert!(svg.contains("<title>package</title>"), "{svg}");
    }

    #[test]
    fn empty_and_nan_input_do_not_panic() {
        let svg = line_chart(&chart(vec![]));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        let svg = line_chart(&chart(vec![Some(f64::NAN); 3]));
        assert!(svg.contains("fill (%)"));
        let svg = small_multiples("x", "y", &[], 4, SMALL_PANEL_PX);
        assert!(svg.ends_with("</svg>"));
    }
}
