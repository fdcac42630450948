//! Small SVG chart builders. Each returns one `<svg>` element as a string:
//! titled, with units on the axes and a legend, in fixed-precision numbers so
//! the same input always gives the same bytes.
//!
//! - [`mod@line`]: lines over days (storage fill against targets and observations);
//! - [`area`]: stacked areas over weeks (supply mix);
//! - [`heatmap`]: a grid of rows by columns (unserved demand by zone and month);
//! - [`tilemap`]: Europe as a grid of zone squares;
//! - [`bars`]: horizontal grouped bars (unserved by sector, ledger).

pub mod area;
pub mod bars;
pub mod heatmap;
pub mod line;
pub mod tilemap;

use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

/// Font stack used in every chart (system fonts only: nothing is downloaded).
pub const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/// Escapes text for HTML and SVG content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A coordinate with two decimals (non-finite values become 0).
pub fn coord(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" || text.is_empty() {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// A figure for labels: thousands separated by a thin space, `decimals` places.
pub fn figure(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match text.split_once('.') {
        Some((int, frac)) => (int.to_string(), Some(frac.to_string())),
        None => (text.clone(), None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('\u{2009}');
        }
        grouped.push(c);
    }
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if negative { "−" } else { "" };
    match frac {
        Some(frac) => format!("{sign}{grouped}.{frac}"),
        None => format!("{sign}{grouped}"),
    }
}

/// About `count` round tick values covering `[min, max]`.
pub fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    let (min, max) = if min.is_finite() && max.is_finite() && max > min {
        (min, max)
    } else if min.is_finite() {
        (min, min + 1.0)
    } else {
        (0.0, 1.0)
    };
    let raw = (max - min) / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (min / step).floor() * step;
    let mut ticks = Vec::new();
    let mut value = first;
    while value <= max + step * 1e-9 && ticks.len() < 50 {
        ticks.push(if value.abs() < step * 1e-9 {
            0.0
        } else {
            value
        });
        value += step;
    }
    if ticks.last().is_some_and(|last| *last < max) {
        ticks.push(value);
    }
    ticks
}

/// Decimals needed to tell ticks apart.
pub fn tick_decimals(ticks: &[f64]) -> usize {
    let step = match ticks {
        [a, b, ..] => (b - a).abs(),
        _ => 1.0,
    };
    if step >= 1.0 || step <= 0.0 {
        0
    } else {
        (-step.log10().floor()).clamp(0.0, 6.0) as usize
    }
}

/// An SVG element under construction.
#[derive(Debug)]
pub struct Svg {
    out: String,
}

impl Svg {
    /// Opens an `<svg>` of `width` x `height` with an accessible title.
    pub fn new(width: f64, height: f64, title: &str) -> Svg {
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" font-family=\"{font}\" font-size=\"12\"><title>{title}</title>",
            w = coord(width),
            h = coord(height),
            font = esc(FONT),
            title = esc(title)
        );
        Svg { out }
    }

    /// Appends raw SVG markup.
    pub fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// A text element (escaped); `anchor` is `start`, `middle` or `end`.
    pub fn text(&mut self, x: f64, y: f64, anchor: &str, extra: &str, text: &str) {
        let _ = write!(
            self.out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\"{}{extra}>{}</text>",
            coord(x),
            coord(y),
            if extra.is_empty() { "" } else { " " },
            esc(text)
        );
    }

    /// The chart title, bold, at the top left.
    pub fn title(&mut self, text: &str) {
        self.text(
            10.0,
            20.0,
            "start",
            "font-size=\"15\" font-weight=\"600\"",
            text,
        );
    }

    /// A filled rectangle with an optional tooltip.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, tooltip: Option<&str>) {
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"",
            coord(x),
            coord(y),
            coord(w.max(0.0)),
            coord(h.max(0.0)),
            esc(fill)
        );
        match tooltip {
            Some(tip) => {
                let _ = write!(self.out, "><title>{}</title></rect>", esc(tip));
            }
            None => self.out.push_str("/>"),
        }
    }

    /// A line segment.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str, extra: &str) {
        let _ = write!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"{}{extra}/>",
            coord(x1),
            coord(y1),
            coord(x2),
            coord(y2),
            esc(stroke),
            if extra.is_empty() { "" } else { " " }
        );
    }

    /// Closes the element.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

/// The plotting area of a chart and its scales.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Left edge (px).
    pub left: f64,
    /// Top edge (px).
    pub top: f64,
    /// Width (px).
    pub width: f64,
    /// Height (px).
    pub height: f64,
    /// Data range on x.
    pub x: (f64, f64),
    /// Data range on y.
    pub y: (f64, f64),
}

impl Frame {
    /// Pixel x of data `x`.
    pub fn sx(&self, x: f64) -> f64 {
        let span = self.x.1 - self.x.0;
        if span.abs() < 1e-12 {
            self.left
        } else {
            self.left + (x - self.x.0) / span * self.width
        }
    }

    /// Pixel y of data `y`.
    pub fn sy(&self, y: f64) -> f64 {
        let span = self.y.1 - self.y.0;
        if span.abs() < 1e-12 {
            self.top + self.height
        } else {
            self.top + self.height - (y - self.y.0) / span * self.height
        }
    }

    /// Draws the y grid with tick labels, the y-axis label, the x ticks and the x-axis label.
    pub fn axes(
        &self,
        svg: &mut Svg,
        y_ticks: &[f64],
        y_label: &str,
        x_ticks: &[(f64, String)],
        x_label: &str,
    ) {
        let decimals = tick_decimals(y_ticks);
        for tick in y_ticks {
            let y = self.sy(*tick);
            svg.line(self.left, y, self.left + self.width, y, "#e0e0e0", "");
            svg.text(
                self.left - 6.0,
                y + 4.0,
                "end",
                "fill=\"#333\"",
                &figure(*tick, decimals),
            );
        }
        let bottom = self.top + self.height;
        svg.line(
            self.left,
            bottom,
            self.left + self.width,
            bottom,
            "#555",
            "",
        );
        svg.line(self.left, self.top, self.left, bottom, "#555", "");
        for (x, label) in x_ticks {
            let px = self.sx(*x);
            svg.line(px, bottom, px, bottom + 4.0, "#555", "");
            svg.text(px, bottom + 17.0, "middle", "fill=\"#333\"", label);
        }
        if !x_label.is_empty() {
            svg.text(
                self.left + self.width / 2.0,
                bottom + 34.0,
                "middle",
                "fill=\"#333\"",
                x_label,
            );
        }
        if !y_label.is_empty() {
            let x = self.left - 56.0;
            let y = self.top + self.height / 2.0;
            svg.text(
                x,
                y,
                "middle",
                &format!(
                    "fill=\"#333\" transform=\"rotate(-90 {} {})\"",
                    coord(x),
                    coord(y)
                ),
                y_label,
            );
        }
    }
}

/// Estimated width (px) of `text` in the chart font at `font_size` px: a
/// generous mean advance of 6.8 px per character at 12 px, so that labels
/// placed with it do not run into each other (nothing measures text in a
/// static SVG).
pub fn text_width(text: &str, font_size: f64) -> f64 {
    6.8 / 12.0 * font_size * text.chars().count() as f64
}

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A solid line.
    Line,
    /// A dashed line.
    Dashed,
    /// A filled square.
    Swatch,
    /// A diamond marker.
    Diamond,
}

/// Draws legend entries in a row starting at `(x, y)`, wrapping at `max_x`; returns the y below it.
pub fn legend_row(
    svg: &mut Svg,
    x: f64,
    y: f64,
    max_x: f64,
    items: &[(String, String, Mark)],
) -> f64 {
    let mut cx = x;
    let mut cy = y;
    for (label, color, mark) in items {
        let width = 26.0 + text_width(label, 12.0) + 14.0;
        if cx + width > max_x && cx > x {
            cx = x;
            cy += 18.0;
        }
        draw_mark(svg, cx, cy, color, *mark);
        svg.text(cx + 24.0, cy + 4.0, "start", "fill=\"#222\"", label);
        cx += width;
    }
    cy + 18.0
}

/// Draws a legend mark 18 px wide centred vertically on `y`.
pub fn draw_mark(svg: &mut Svg, x: f64, y: f64, color: &str, mark: Mark) {
    match mark {
        Mark::Line => svg.line(x, y, x + 18.0, y, color, "stroke-width=\"2.5\""),
        Mark::Dashed => svg.line(
            x,
            y,
            x + 18.0,
            y,
            color,
            "stroke-width=\"2\" stroke-dasharray=\"4 3\"",
        ),
        Mark::Swatch => svg.rect(x + 2.0, y - 6.0, 14.0, 12.0, color, None),
        Mark::Diamond => svg.raw(&diamond(x + 9.0, y, 5.0, color, None)),
    }
}

/// A diamond marker path centred on `(x, y)`.
pub fn diamond(x: f64, y: f64, r: f64, color: &str, tooltip: Option<&str>) -> String {
    let path = format!(
        "<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.8\"",
        coord(x),
        coord(y - r),
        coord(x + r),
        coord(y),
        coord(x),
        coord(y + r),
        coord(x - r),
        coord(y),
        esc(color)
    );
    match tooltip {
        Some(tip) => format!("{path}><title>{}</title></path>", esc(tip)),
        None => format!("{path}/>"),
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Short month name, e.g. `Apr 22`.
pub fn month_label(date: NaiveDate) -> String {
    let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("?");
    format!("{month} {:02}", date.year().rem_euclid(100))
}

/// Ticks on the first day of each month of a `days`-long period from `start`
/// (day index, label), thinned to at most 13.
pub fn month_ticks(start: NaiveDate, days: usize) -> Vec<(f64, String)> {
    let mut ticks = Vec::new();
    for (day, date) in start.iter_days().take(days).enumerate() {
        if date.day() == 1 || (day == 0 && days < 40) {
            ticks.push((day as f64, month_label(date)));
        }
    }
    let step = ticks.len().div_ceil(13).max(1);
    ticks.into_iter().step_by(step).collect()
}

/// The `width` attribute of a chart's outer `<svg>` (0 when it has none), for tests.
#[cfg(test)]
pub(crate) fn svg_width(svg: &str) -> f64 {
    svg.split("width=\"")
        .nth(1)
        .and_then(|w| w.split('"').next())
        .and_then(|w| w.parse().ok())
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(
            nice_ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(nice_ticks(0.0, 0.0, 5).len(), 6);
        assert!(!nice_ticks(f64::NAN, f64::INFINITY, 5).is_empty());
    }

    #[test]
    fn figures_group_thousands() {
        assert_eq!(figure(12345.678, 1), "12\u{2009}345.7");
        assert_eq!(figure(-5.0, 0), "−5");
        assert_eq!(figure(-0.01, 0), "0");
        assert_eq!(coord(-0.0001), "0");
        assert_eq!(coord(1.50), "1.5");
    }

    #[test]
    fn escaping() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
