//! Dates written either as TOML dates or as trigger expressions (`"invasion + 7d"`).
//!
//! A trigger is a named date of the scenario (`[triggers] invasion = 2022-02-24`).
//! An expression is the name, optionally followed by `+` or `-` and a whole
//! number of days with the suffix `d`: `invasion`, `invasion + 0d`, `invasion - 3d`.
//! A quoted ISO date (`"2022-06-14"`) is read as that date.

use chrono::{Duration, NaiveDate};

/// A date as written in a file: fixed, or relative to a named trigger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateSpec {
    /// A calendar date.
    Date(NaiveDate),
    /// `name + offset_days` (offset may be negative).
    Trigger {
        /// The trigger name.
        name: String,
        /// Days after (positive) or before (negative) the trigger.
        offset_days: i64,
    },
}

/// A named date of a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// The name used in expressions.
    pub name: String,
    /// The date.
    pub date: NaiveDate,
}

/// What a trigger expression must look like (used in error messages).
pub const EXPRESSION_EXPECTED: &str =
    "a date (YYYY-MM-DD) or a trigger such as \"invasion + 7d\" (a name, then + or - a whole number of days)";

/// Parses a trigger expression or quoted ISO date; `None` when it is neither.
///
/// ```
/// use gas_scenario::trigger::{parse_expression, DateSpec};
/// assert_eq!(
///     parse_expression("invasion + 7d"),
///     Some(DateSpec::Trigger { name: "invasion".into(), offset_days: 7 })
/// );
/// assert_eq!(parse_expression("invasion + 7x"), None);
/// ```
pub fn parse_expression(text: &str) -> Option<DateSpec> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(DateSpec::Date(date));
    }
    let name_end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(text.len());
    // A '-' directly inside the name is allowed, but "name -3d" / "name - 3d" is an offset:
    // split on the first sign that is surrounded by spaces or followed by a digit.
    let (name, rest) = split_name(text, name_end);
    if !is_name(name) {
        return None;
    }
    let rest = rest.trim();
    if rest.is_empty() {
        return Some(DateSpec::Trigger {
            name: name.to_string(),
            offset_days: 0,
        });
    }
    let (sign, number) = if let Some(number) = rest.strip_prefix('+') {
        (1, number)
    } else if let Some(number) = rest.strip_prefix('-') {
        (-1, number)
    } else {
        return None;
    };
    let digits = number.trim().strip_suffix('d')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 5 {
        return None;
    }
    let days: i64 = digits.parse().ok()?;
    Some(DateSpec::Trigger {
        name: name.to_string(),
        offset_days: sign * days,
    })
}

fn split_name(text: &str, name_end: usize) -> (&str, &str) {
    let candidate = &text[..name_end];
    // "invasion-7d": treat a trailing "-<digits>d" as an offset.
    if let Some(pos) = candidate.rfind('-') {
        let tail = &candidate[pos + 1..];
        if tail.ends_with('d')
            && tail.len() > 1
            && tail[..tail.len() - 1].bytes().all(|b| b.is_ascii_digit())
        {
            return (&text[..pos], &text[pos..]);
        }
    }
    (candidate, &text[name_end..])
}

/// True for a valid trigger name: a letter, then letters, digits, `_` or `-`.
pub fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

impl DateSpec {
    /// The date, given the scenario's triggers; `Err(name)` when the trigger is unknown.
    pub fn resolve(&self, triggers: &[Trigger]) -> Result<NaiveDate, String> {
        match self {
            DateSpec::Date(date) => Ok(*date),
            DateSpec::Trigger { name, offset_days } => triggers
                .iter()
                .find(|trigger| &trigger.name == name)
                .and_then(|trigger| {
                    trigger
                        .date
                        .checked_add_signed(Duration::days(*offset_days))
                })
                .ok_or_else(|| name.clone()),
        }
    }
}

impl std::fmt::Display for DateSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateSpec::Date(date) => write!(f, "{date}"),
            // `invasion` and `invasion + 0d` are the same date: shown as the shorter.
            DateSpec::Trigger {
                name,
                offset_days: 0,
            } => write!(f, "{name}"),
            DateSpec::Trigger { name, offset_days } if *offset_days < 0 => {
                write!(f, "{name} - {}d", -offset_days)
            }
            DateSpec::Trigger { name, offset_days } => write!(f, "{name} + {offset_days}d"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn invasion_plus_seven_days_is_the_third_of_march() {
        let triggers = [Trigger {
            name: "invasion".into(),
            date: date(2022, 2, 24),
        }];
        let spec = parse_expression("invasion + 7d").unwrap();
        assert_eq!(spec.resolve(&triggers), Ok(date(2022, 3, 3)));
        let spec = parse_expression("invasion").unwrap();
        assert_eq!(spec.resolve(&triggers), Ok(date(2022, 2, 24)));
        let spec = parse_expression("invasion - 24d").unwrap();
        assert_eq!(spec.resolve(&triggers), Ok(date(2022, 1, 31)));
        let spec = parse_expression("invasion-1d").unwrap();
        assert_eq!(spec.resolve(&triggers), Ok(date(2022, 2, 23)));
        let spec = parse_expression("war + 1d").unwrap();
        assert_eq!(spec.resolve(&triggers), Err("war".to_string()));
    }

    #[test]
    fn bad_offsets_are_rejected() {
        for text in [
            "invasion + 7",
            "invasion + d",
            "invasion * 7d",
            "invasion + 7w",
            "7d",
            "",
            "invasion + 1.5d",
        ] {
            assert_eq!(parse_expression(text), None, "{text}");
        }
        assert_eq!(
            parse_expression("2022-06-14"),
            Some(DateSpec::Date(date(2022, 6, 14)))
        );
        assert_eq!(
            parse_expression("invasion + 0d").unwrap().to_string(),
            "invasion"
        );
        assert_eq!(
            parse_expression("invasion").unwrap().to_string(),
            "invasion"
        );
        assert_eq!(
            parse_expression("invasion + 7d").unwrap().to_string(),
            "invasion + 7d"
        );
    }
}
