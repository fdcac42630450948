//! Colours: the Okabe–Ito palette for categories (safe for the common forms of
//! colour blindness) and a viridis ramp for sequential values.

/// The eight Okabe–Ito colours: black, orange, sky blue, bluish green,
/// yellow, blue, vermillion, reddish purple.
pub const OKABE_ITO: [&str; 8] = [
    "#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
];

/// Orange.
pub const ORANGE: &str = OKABE_ITO[1];
/// Sky blue.
pub const SKY_BLUE: &str = OKABE_ITO[2];
/// Bluish green.
pub const GREEN: &str = OKABE_ITO[3];
/// Yellow.
pub const YELLOW: &str = OKABE_ITO[4];
/// Blue.
pub const BLUE: &str = OKABE_ITO[5];
/// Vermillion.
pub const VERMILLION: &str = OKABE_ITO[6];
/// Reddish purple.
pub const PURPLE: &str = OKABE_ITO[7];
/// Neutral grey for "no data".
pub const NO_DATA: &str = "#d9d9d9";

/// Viridis sampled at 9 evenly spaced points (dark purple to yellow).
const VIRIDIS: [(u8, u8, u8); 9] = [
    (68, 1, 84),
    (71, 44, 122),
    (59, 81, 139),
    (44, 113, 142),
    (33, 144, 141),
    (39, 173, 129),
    (92, 200, 99),
    (170, 220, 50),
    (253, 231, 37),
];

/// The viridis colour at `t` in `[0, 1]` (clamped; NaN gives the low end), as `#rrggbb`.
pub fn viridis(t: f64) -> String {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    let scaled = t * (VIRIDIS.len() - 1) as f64;
    let low = (scaled.floor() as usize).min(VIRIDIS.len() - 2);
    let frac = scaled - low as f64;
    let (a, b) = (VIRIDIS[low], VIRIDIS[low + 1]);
    let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * frac).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(a.0, b.0),
        mix(a.1, b.1),
        mix(a.2, b.2)
    )
}

/// Black or white, whichever reads better on the viridis colour at `t`.
pub fn text_on_viridis(t: f64) -> &'static str {
    if t.is_nan() || t < 0.6 {
        "#ffffff"
    } else {
        "#000000"
    }
}

/// `base` lightened towards white by `amount` in `[0, 1]` (for shades of one hue).
pub fn lighten(base: &str, amount: f64) -> String {
    let hex = base.trim_start_matches('#');
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    let amount = if amount.is_nan() {
        0.0
    } else {
        amount.clamp(0.0, 1.0)
    };
    let mix = |c: u8| (f64::from(c) + (255.0 - f64::from(c)) * amount).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(channel(0)),
        mix(channel(2)),
        mix(channel(4))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viridis_ends_and_clamps() {
        assert_eq!(viridis(0.0), "#440154");
        assert_eq!(viridis(1.0), "#fde725");
        assert_eq!(viridis(2.0), "#fde725");
        assert_eq!(viridis(f64::NAN), "#440154");
    }

    #[test]
    fn lighten_mixes_towards_white() {
        assert_eq!(lighten("#000000", 0.5), "#808080");
        assert_eq!(lighten("#D55E00", 0.0), "#d55e00");
    }
}
