//! Stacked area charts over weeks (supply mix).

use super::{coord, esc, legend_row, nice_ticks, Frame, Mark, Svg};
use std::fmt::Write;

/// One layer of the stack.
#[derive(Debug, Clone)]
pub struct Layer {
    /// Legend label.
    pub name: String,
    /// Fill colour.
    pub color: String,
    /// Value per step (non-finite and negative values count as 0).
    pub values: Vec<f64>,
}

/// A stacked area chart; layers stack bottom-up in the given order.
#[derive(Debug, Clone)]
pub struct StackedArea {
    /// Title.
    pub title: String,
    /// Y-axis label with its unit.
    pub y_label: String,
    /// X-axis label.
    pub x_label: String,
    /// Label of each step (e.g. the week's first day); every few are shown.
    pub steps: Vec<String>,
    /// Layers, bottom first.
    pub layers: Vec<Layer>,
}

fn clean(value: f64) -> f64 {
    if value.is_finite() && value > 0.0 {
        value
    } else {
        0.0
    }
}

/// The chart, 860 px wide.
pub fn stacked_area(chart: &StackedArea) -> String {
    let width = 860.0;
    let items: Vec<(String, String, Mark)> = chart
        .layers
        .iter()
        .map(|l| (l.name.clone(), l.color.clone(), Mark::Swatch))
        .collect();
    let mut probe = Svg::new(0.0, 0.0, "");
    let below = legend_row(&mut probe, 80.0, 42.0, width - 10.0, &items);
    let height = below + 300.0;
    let mut svg = Svg::new(width, height, &chart.title);
    svg.title(&chart.title);
    legend_row(&mut svg, 80.0, 42.0, width - 10.0, &items);

    let steps = chart.steps.len();
    let totals: Vec<f64> = (0..steps)
        .map(|i| {
            chart
                .layers
                .iter()
                .map(|l| clean(l.values.get(i).copied().unwrap_or(0.0)))
                .sum()
        })
        .collect();
    let max = totals.iter().copied().fold(0.0, f64::max);
    let ticks = nice_ticks(0.0, if max > 0.0 { max } else { 1.0 }, 5);
    let frame = Frame {
        left: 80.0,
        top: below + 4.0,
        width: width - 100.0,
        height: 240.0,
        x: (0.0, steps.saturating_sub(1).max(1) as f64),
        y: (0.0, ticks.last().copied().unwrap_or(1.0)),
    };
    // At most 10 labels: each is a date such as "14 Mar 23" (about 60 px).
    let every = steps.div_ceil(10).max(1);
    let x_ticks: Vec<(f64, String)> = chart
        .steps
        .iter()
        .enumerate()
        .step_by(every)
        .map(|(i, label)| (i as f64, label.clone()))
        .collect();
    frame.axes(&mut svg, &ticks, &chart.y_label, &x_ticks, &chart.x_label);

    let mut base = vec![0.0; steps];
    for layer in &chart.layers {
        let top: Vec<f64> = (0..steps)
            .map(|i| base[i] + clean(layer.values.get(i).copied().unwrap_or(0.0)))
            .collect();
        if steps == 0 || top.iter().zip(&base).all(|(t, b)| t <= b) {
            base = top;
            continue;
        }
        let mut d = String::new();
        for (i, value) in top.iter().enumerate() {
            let _ = write!(
                d,
                "{}{} {}",
                if i == 0 { "M" } else { "L" },
                coord(frame.sx(i as f64)),
                coord(frame.sy(*value))
            );
        }
        if steps == 1 {
            let _ = write!(d, "L{} {}", coord(frame.sx(1.0)), coord(frame.sy(top[0])));
            let _ = write!(d, "L{} {}", coord(frame.sx(1.0)), coord(frame.sy(base[0])));
        }
        for i in (0..steps).rev() {
            let _ = write!(
                d,
                "L{} {}",
                coord(frame.sx(i as f64)),
                coord(frame.sy(base[i]))
            );
        }
        d.push('Z');
        svg.raw(&format!(
            "<path d=\"{d}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>{}</title></path>",
            esc(&layer.color),
            esc(&layer.name)
        ));
        base = top;
    }
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_stack_and_bad_values_count_as_zero() {
        let chart = StackedArea {
            title: "Supply".into(),
            y_label: "GWh/d".into(),
            x_label: "week".into(),
            steps: vec!["a".into(), "b".into()],
            layers: vec![
                Layer {
                    name: "one".into(),
                    color: "#000".into(),
                    values: vec![1.0, f64::NAN],
                },
                Layer {
                    name: "two".into(),
                    color: "#111".into(),
                    values: vec![1.0],
                },
            ],
        };
        let svg = stacked_area(&chart);
        assert_eq!(svg.matches("<path").count(), 2);
        let empty = StackedArea {
            steps: vec![],
            ..chart
        };
        assert_eq!(stacked_area(&empty).matches("<path").count(), 0);
    }
}
