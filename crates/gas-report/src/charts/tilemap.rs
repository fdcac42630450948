//! Europe as a tile grid: each zone a square at a fixed position, labelled
//! with its code and coloured by a value.

use super::{figure, text_width, Svg};
use crate::palette::{text_on_viridis, viridis, NO_DATA};

/// Grid positions (column, row) of the zones gasbuffer models.
pub const POSITIONS: [(&str, u32, u32); 40] = [
    ("NO", 3, 0),
    ("SE", 4, 0),
    ("FI", 5, 0),
    ("IE", 0, 1),
    ("GB", 1, 1),
    ("DK", 3, 1),
    ("EE", 5, 1),
    ("NL", 2, 2),
    ("DE", 3, 2),
    ("PL", 4, 2),
    ("LV", 5, 2),
    ("BE", 1, 3),
    ("LU", 2, 3),
    ("CZ", 3, 3),
    ("SK", 4, 3),
    ("LT", 5, 3),
    ("UA", 6, 3),
    ("FR", 1, 4),
    ("CH", 2, 4),
    ("AT", 3, 4),
    ("HU", 4, 4),
    ("RO", 5, 4),
    ("MD", 6, 4),
    ("PT", 0, 5),
    ("ES", 1, 5),
    ("IT", 2, 5),
    ("SI", 3, 5),
    ("HR", 4, 5),
    ("RS", 5, 5),
    ("BG", 6, 5),
    ("BA", 4, 6),
    ("ME", 5, 7),
    ("MK", 5, 6),
    ("TR", 7, 6),
    ("AL", 4, 7),
    ("XK", 6, 7),
    ("MT", 2, 7),
    ("GR", 6, 6),
    ("CY", 7, 7),
    ("IS", 0, 0),
];

/// One zone on the map.
#[derive(Debug, Clone)]
pub struct Tile {
    /// Zone code.
    pub code: String,
    /// Value (coloured), or `None` (grey, labelled with `note`).
    pub value: Option<f64>,
    /// Short text under the code (e.g. `45 d`, `no UGS`).
    pub note: String,
}

/// A tile map.
#[derive(Debug, Clone)]
pub struct TileMap {
    /// Title.
    pub title: String,
    /// Tiles; codes without a fixed position go to a row below the map.
    pub tiles: Vec<Tile>,
    /// Legend title with the unit.
    pub legend: String,
    /// Value at the top of the ramp (values above it get the top colour).
    pub max: f64,
    /// The top colour also stands for values beyond `max` (a buffer that lasts the
    /// period): the legend's top reads `≥ max` instead of `max`.
    pub open_top: bool,
    /// Legend text of the grey tiles.
    pub none_label: String,
    /// Flip the ramp so that high values are dark (e.g. unserved share).
    pub high_is_dark: bool,
    /// Decimals in the legend.
    pub decimals: usize,
}

/// The chart.
pub fn tile_map(map: &TileMap) -> String {
    let size = 52.0;
    let gap = 4.0;
    let left = 20.0;
    let top = 40.0;
    let position = |code: &str| {
        POSITIONS
            .iter()
            .find(|(c, _, _)| *c == code)
            .map(|(_, col, row)| (*col, *row))
    };
    let mut extra = 0u32;
    let placed: Vec<(&Tile, u32, u32)> = map
        .tiles
        .iter()
        .map(|tile| match position(&tile.code) {
            Some((col, row)) => (tile, col, row),
            None => {
                extra += 1;
                (tile, extra - 1, 8)
            }
        })
        .collect();
    let rows = if extra > 0 { 9 } else { 8 };
    let grid_w = 8.0 * (size + gap);
    // The legend right of the grid: at least 200 px, wider for longer labels.
    let lx = left + grid_w + 20.0;
    let legend_w = [
        text_width(&map.legend, 12.0),
        24.0 + text_width(&map.none_label, 12.0),
    ]
    .into_iter()
    .fold(180.0, f64::max);
    let width = lx + legend_w + 10.0;
    let height = top + rows as f64 * (size + gap) + 20.0;
    let mut svg = Svg::new(width, height, &map.title);
    svg.title(&map.title);
    let scale = |v: f64| {
        let t = if map.max > 0.0 { v / map.max } else { 0.0 };
        if map.high_is_dark {
            1.0 - t.clamp(0.0, 1.0)
        } else {
            t.clamp(0.0, 1.0)
        }
    };
    for (tile, col, row) in placed {
        let x = left + f64::from(col) * (size + gap);
        let y = top + f64::from(row) * (size + gap);
        let (fill, ink, label) = match tile.value.filter(|v| v.is_finite()) {
            Some(v) => {
                let t = scale(v);
                (viridis(t), text_on_viridis(t), tile.note.clone())
            }
            None => (NO_DATA.to_string(), "#000000", tile.note.clone()),
        };
        let tip = format!("{}: {}", tile.code, label);
        svg.rect(x, y, size, size, &fill, Some(&tip));
        svg.text(
            x + size / 2.0,
            y + 24.0,
            "middle",
            &format!("font-size=\"15\" font-weight=\"600\" fill=\"{ink}\""),
            &tile.code,
        );
        svg.text(
            x + size / 2.0,
            y + 41.0,
            "middle",
            &format!("font-size=\"10\" fill=\"{ink}\""),
            &label,
        );
    }
    // Legend: a vertical ramp.
    svg.text(lx, top + 10.0, "start", "font-weight=\"600\"", &map.legend);
    let steps = 20;
    for i in 0..steps {
        let t_value = 1.0 - i as f64 / (steps - 1) as f64;
        let t = if map.high_is_dark {
            1.0 - t_value
        } else {
            t_value
        };
        svg.rect(
            lx,
            top + 20.0 + i as f64 * 8.0,
            18.0,
            8.0,
            &viridis(t),
            None,
        );
    }
    svg.text(
        lx + 24.0,
        top + 30.0,
        "start",
        "",
        &format!(
            "{}{}",
            if map.open_top { "≥ " } else { "" },
            figure(map.max, map.decimals)
        ),
    );
    svg.text(lx + 24.0, top + 20.0 + steps as f64 * 8.0, "start", "", "0");
    svg.rect(lx, top + 200.0, 18.0, 12.0, NO_DATA, None);
    svg.text(lx + 24.0, top + 210.0, "start", "", &map.none_label);
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tile_is_drawn_and_unknown_codes_go_below() {
        let map = TileMap {
            title: "Buffer".into(),
            tiles: vec![
                Tile {
                    code: "DE".into(),
                    value: Some(30.0),
                    note: "30 d".into(),
                },
                Tile {
                    code: "ZZ".into(),
                    value: None,
                    note: "no UGS".into(),
                },
            ],
            legend: "buffer (days)".into(),
            max: 0.0,
            open_top: true,
            none_label: "no storage".into(),
            high_is_dark: false,
            decimals: 0,
        };
        let svg = tile_map(&map);
        assert!(svg.contains(">DE</text>") && svg.contains(">ZZ</text>"));
        assert!(svg.contains("<title>ZZ: no UGS</title>"));
    }

    #[test]
    fn positions_are_unique() {
        for (i, a) in POSITIONS.iter().enumerate() {
            for b in &POSITIONS[i + 1..] {
                assert!(a.0 != b.0 && (a.1, a.2) != (b.1, b.2), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn a_long_legend_label_fits_in_the_chart() {
        let none_label = "no storage or no demand, or unsolved days";
        let map = TileMap {
            title: "Buffer".into(),
            tiles: Vec::new(),
            legend: "buffer (days)".into(),
            max: 10.0,
            open_top: true,
            none_label: none_label.into(),
            high_is_dark: false,
            decimals: 0,
        };
        let svg = tile_map(&map);
        let width = crate::charts::svg_width(&svg);
        let label_x: f64 = svg
            .split(&format!(">{none_label}</text>"))
            .next()
            .and_then(|before| before.rsplit("<text x=\"").next())
            .and_then(|x| x.split('"').next())
            .and_then(|x| x.parse().ok())
            .unwrap_or(f64::MAX);
        assert!(label_x + text_width(none_label, 12.0) <= width, "{svg}");
    }

    #[test]
    fn the_legend_top_reads_at_least_only_when_the_top_colour_is_open() {
        let map = |open_top| TileMap {
            title: "Unserved".into(),
            tiles: Vec::new(),
            legend: "unserved (% of demand)".into(),
            max: 44.0,
            open_top,
            none_label: "no modelled demand".into(),
            high_is_dark: true,
            decimals: 1,
        };
        assert!(tile_map(&map(true)).contains(">≥ 44.0</text>"));
        let closed = tile_map(&map(false));
        assert!(
            closed.contains(">44.0</text>") && !closed.contains("≥"),
            "{closed}"
        );
    }
}
