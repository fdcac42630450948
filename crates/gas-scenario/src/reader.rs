//! A small typed reader over the spanned TOML tree.
//!
//! It replaces serde derives so that *every* problem is collected (not only
//! the first), with the key path and position of each one. Each table
//! remembers the keys that were asked for; any other key is reported as
//! unknown when the table is finished (the `deny_unknown_fields` rule).

use crate::errors::FileError;
use crate::location::{LineIndex, Loc, Located};
use crate::trigger::{parse_expression, DateSpec, EXPRESSION_EXPECTED};
use chrono::NaiveDate;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// Collects errors for one file.
pub(crate) struct Ctx<'s> {
    pub(crate) file: String,
    index: LineIndex<'s>,
    pub(crate) errors: Vec<FileError>,
}

impl<'s> Ctx<'s> {
    pub(crate) fn new(text: &'s str, file: &str) -> Ctx<'s> {
        Ctx {
            file: file.to_string(),
            index: LineIndex::new(text),
            errors: Vec::new(),
        }
    }

    pub(crate) fn loc(&self, span: &Range<usize>, key: &str) -> Loc {
        self.index.loc(&self.file, span, key)
    }

    pub(crate) fn error(
        &mut self,
        span: &Range<usize>,
        key: &str,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) {
        let error = self.loc(span, key).error(expected, found);
        self.errors.push(error);
    }

    /// Parses the document; syntax errors are recorded and `None` returned.
    pub(crate) fn parse<'i>(&mut self, text: &'i str) -> Option<Spanned<DeTable<'i>>> {
        let (table, errors) = DeTable::parse_recoverable(text);
        if errors.is_empty() {
            return Some(table);
        }
        for error in errors {
            let span = error.span().unwrap_or(0..0);
            let message = name_duplicate_key(error.message().trim(), text, &span);
            let (found, expected) = match message.split_once(", expected ") {
                Some((found, expected)) => (found.to_string(), expected.to_string()),
                None => (message.clone(), "valid TOML".to_string()),
            };
            self.error(&span, "", expected, format!("TOML syntax error: {found}"));
        }
        None
    }
}

/// The largest price, cost or penalty a file may give (EUR/MWh): far above any
/// real one (the 2022 TTF peak was about 340), and small enough that the
/// solver's arithmetic stays exact next to the model's smallest costs (with
/// 1e12 a cheap optional supply was left unused and demand curtailed instead).
pub(crate) const MAX_EUR_MWH: f64 = 1e6;

/// The largest volume a file may give (GWh/d): about a hundred times Europe's
/// peak daily demand; larger ones made the solver report feasible runs as
/// infeasible.
pub(crate) const MAX_GWH_D: f64 = 1e6;

/// The largest multiplier or relative change (`lng_availability` factor,
/// `cold_spell` uplift, `demand_shock` change): a hundred times, for the same
/// reason as [`MAX_GWH_D`].
pub(crate) const MAX_MULTIPLIER: f64 = 100.0;

/// The parser's "duplicate key" names no key; the span does (a key, or the
/// name of a table given twice): `duplicate key "period"`. Other messages as they are.
fn name_duplicate_key(message: &str, text: &str, span: &Range<usize>) -> String {
    match text.get(span.clone()).map(str::trim) {
        Some(key) if message == "duplicate key" && !key.is_empty() => {
            format!("duplicate key {key:?}")
        }
        _ => message.to_string(),
    }
}

/// How a number is constrained.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Bound {
    /// `[0, 1]`.
    Share,
    /// A price, cost or penalty in EUR/MWh: `[0, MAX_EUR_MWH]`.
    Price,
    /// A volume in GWh/d: `[0, MAX_GWH_D]`.
    Volume,
    /// A multiplier or relative uplift: `[0, MAX_MULTIPLIER]`.
    Multiplier,
    /// `[-1, MAX_MULTIPLIER]` (a relative change that cannot remove more than everything).
    Change,
}

impl Bound {
    fn expected(self) -> &'static str {
        match self {
            Bound::Share => "a number between 0 and 1",
            Bound::Price => "a number between 0 and 1000000 (EUR/MWh)",
            Bound::Volume => "a number between 0 and 1000000 (GWh/d)",
            Bound::Multiplier => "a number between 0 and 100",
            Bound::Change => "a number between -1 and 100 (a relative change)",
        }
    }

    fn accepts(self, value: f64) -> bool {
        value.is_finite()
            && match self {
                Bound::Share => (0.0..=1.0).contains(&value),
                Bound::Price => (0.0..=MAX_EUR_MWH).contains(&value),
                Bound::Volume => (0.0..=MAX_GWH_D).contains(&value),
                Bound::Multiplier => (0.0..=MAX_MULTIPLIER).contains(&value),
                Bound::Change => (-1.0..=MAX_MULTIPLIER).contains(&value),
            }
    }
}

/// What a value looks like, for "found ..." in messages.
pub(crate) fn describe(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(text) => format!("{:?}", text.as_ref()),
        DeValue::Integer(integer) => integer.as_str().to_string(),
        DeValue::Float(float) => float.as_str().to_string(),
        DeValue::Boolean(flag) => flag.to_string(),
        DeValue::Datetime(datetime) => datetime.to_string(),
        DeValue::Array(_) => "an array".to_string(),
        DeValue::Table(_) => "a table".to_string(),
    }
}

fn as_number(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(integer) => {
            i64::from_str_radix(&integer.as_str().replace('_', ""), integer.radix())
                .ok()
                .map(|n| n as f64)
        }
        DeValue::Float(float) => match float.as_str().replace('_', "").as_str() {
            "inf" | "+inf" => Some(f64::INFINITY),
            "-inf" => Some(f64::NEG_INFINITY),
            "nan" | "+nan" | "-nan" => Some(f64::NAN),
            other => other.parse().ok(),
        },
        _ => None,
    }
}

fn as_date(value: &DeValue<'_>) -> Option<NaiveDate> {
    match value {
        DeValue::Datetime(datetime) if datetime.time.is_none() && datetime.offset.is_none() => {
            let date = datetime.date?;
            NaiveDate::from_ymd_opt(
                i32::from(date.year),
                u32::from(date.month),
                u32::from(date.day),
            )
        }
        _ => None,
    }
}

/// One TOML table being read.
pub(crate) struct Table<'a, 'i> {
    entries: Option<&'a DeTable<'i>>,
    /// Key path of the table (`""` for the document).
    pub(crate) path: String,
    /// Span of the table (its header or inline braces).
    pub(crate) span: Range<usize>,
    asked: Vec<&'static str>,
}

/// A raw value with its key path and span.
pub(crate) struct Raw<'a, 'i> {
    pub(crate) value: &'a DeValue<'i>,
    pub(crate) span: Range<usize>,
    pub(crate) key: String,
}

impl<'a, 'i> Table<'a, 'i> {
    pub(crate) fn root(table: &'a Spanned<DeTable<'i>>) -> Table<'a, 'i> {
        Table {
            entries: Some(table.get_ref()),
            path: String::new(),
            span: 0..0,
            asked: Vec::new(),
        }
    }

    /// A placeholder that has no keys (used after a type error, to keep going).
    pub(crate) fn empty(path: String, span: Range<usize>) -> Table<'a, 'i> {
        Table {
            entries: None,
            path,
            span,
            asked: Vec::new(),
        }
    }

    fn key_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// Location of a key of this table (its value, or the table when absent).
    pub(crate) fn loc(&self, ctx: &Ctx<'_>, key: &str) -> Loc {
        ctx.loc(&self.span, &self.key_path(key))
    }

    /// Marks `key` as known and returns its value when present.
    pub(crate) fn raw(&mut self, key: &'static str) -> Option<Raw<'a, 'i>> {
        self.asked.push(key);
        let entries = self.entries?;
        entries
            .iter()
            .find(|(name, _)| name.get_ref().as_ref() == key)
            .map(|(_, value)| Raw {
                value: value.get_ref(),
                span: value.span(),
                key: self.key_path(key),
            })
    }

    /// True when `key` is present (does not mark it as known).
    pub(crate) fn has(&self, key: &str) -> bool {
        self.entries.is_some_and(|entries| {
            entries
                .iter()
                .any(|(name, _)| name.get_ref().as_ref() == key)
        })
    }

    fn missing(&self, ctx: &mut Ctx<'_>, key: &str, expected: &str) {
        let path = self.key_path(key);
        ctx.error(&self.span, &path, expected, "nothing (the key is missing)");
    }

    /// Reports every key that was never asked for.
    pub(crate) fn finish(self, ctx: &mut Ctx<'_>) {
        let Some(entries) = self.entries else { return };
        for (name, _) in entries.iter() {
            let key = name.get_ref().as_ref();
            if !self.asked.contains(&key) {
                let mut known: Vec<&str> = self.asked.clone();
                known.sort_unstable();
                known.dedup();
                ctx.error(
                    &name.span(),
                    &self.key_path(key),
                    format!("one of the keys {}", known.join(", ")),
                    "an unknown key",
                );
            }
        }
    }

    pub(crate) fn string(
        &mut self,
        ctx: &mut Ctx<'_>,
        key: &'static str,
        required: bool,
    ) -> Option<Located<String>> {
        const EXPECTED: &str = "a string";
        match self.raw(key) {
            None => {
                if required {
                    self.missing(ctx, key, EXPECTED);
                }
                None
            }
            Some(raw) => match raw.value {
                DeValue::String(text) => Some(Located::new(
                    text.as_ref().to_string(),
                    ctx.loc(&raw.span, &raw.key),
                )),
                other => {
                    ctx.error(&raw.span, &raw.key, EXPECTED, describe(other));
                    None
                }
            },
        }
    }

    /// A string that must be one of `options`.
    pub(crate) fn choice(
        &mut self,
        ctx: &mut Ctx<'_>,
        key: &'static str,
        required: bool,
        options: &[&str],
    ) -> Option<Located<String>> {
        let expected = format!(
            "one of {}",
            options
                .iter()
                .map(|option| format!("\"{option}\""))
                .collect::<Vec<_>>()
                .join(", ")
        );
        match self.raw(key) {
            None => {
                if required {
                    self.missing(ctx, key, &expected);
                }
                None
            }
            Some(raw) => match raw.value {
                DeValue::String(text) if options.contains(&text.as_ref()) => Some(Located::new(
                    text.as_ref().to_string(),
                    ctx.loc(&raw.span, &raw.key),
                )),
                other => {
                    ctx.error(&raw.span, &raw.key, expected, describe(other));
                    None
                }
            },
        }
    }

    pub(crate) fn number(
        &mut self,
        ctx: &mut Ctx<'_>,
        key: &'static str,
        required: bool,
        bound: Bound,
    ) -> Option<Located<f64>> {
        match self.raw(key) {
            None => {
                if required {
                    self.missing(ctx, key, bound.expected());
                }
                None
            }
            Some(raw) => match as_number(raw.value) {
                Some(value) if bound.accepts(value) => {
                    Some(Located::new(value, ctx.loc(&raw.span, &raw.key)))
                }
                _ => {
                    ctx.error(&raw.span, &raw.key, bound.expected(), describe(raw.value));
                    None
                }
            },
        }
    }

    /// A whole number within `[min, max]`.
    pub(crate) fn integer(
        &mut self,
        ctx: &mut Ctx<'_>,
        key: &'static str,
        required: bool,
        min: i64,
        max: i64,
    ) -> Option<Located<i64>> {
        let expected = format!("a whole number between {min} and {max}");
        match self.raw(key) {
            None => {
                if required {
                    self.missing(ctx, key, &expected);
                }
                None
            }
            Some(raw) => {
                let value = match raw.value {
                    DeValue::Integer(_) => as_number(raw.value).map(|n| n as i64),
                    _ => None,
                };
                match value {
                    Some(value) if (min..=max).contains(&value) => {
                        Some(Located::new(value, ctx.loc(&raw.span, &raw.key)))
                    }
                    _ => {
                        ctx.error(&raw.span, &raw.key, expected, describe(raw.value));
                        None
                    }
                }
            }
        }
    }

    pub(crate) fn boolean(
        &mut self,
        ctx: &mut Ctx<'_>,
        key: &'static str,
    ) -> Option<Located<bool>> {
        let raw = self.raw(key)?;
        match raw.value {
            DeValue::Boolean(flag) => Some(Located::new(*flag, ctx.loc(&raw.span, &raw.key))),
            other => {
                ctx.error(&raw.span, &raw.key, "true or false", describe(other));
                None
            }
        }
    }

    pub(crate) fn date(
        &mut self,
        ctx: &mut Ctx<'_>,
        key: &'static str,
        required: bool,
    ) -> Option<Located<NaiveDate>> {
        const EXPECTED: &str = "a date (YYYY-MM-DD)";
        match self.raw(key) {
            None => {
                if required {
                    self.missing(ctx, key, EXPECTED);
                }
                None
            }
            Some(raw) => {
                let date = as_date(raw.value).or_else(|| match raw.value {
                    DeValue::String(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
                    _ => None,
                });
                match date {
                    Some(date) => Some(Located::new(date, ctx.loc(&raw.span, &raw.key))),
                    None => {
                        ctx.error(&raw.span, &raw.key, EXPECTED, describe(raw.value));
                        None
                    }
                }
            }
        }
    }

    /// A date or a trigger expression.
    pub(crate) fn date_spec(
        &mut self,
        ctx: &mut Ctx<'_>,
        key: &'static str,
        required: bool,
    ) -> Option<Located<DateSpec>> {
        match self.raw(key) {
            None => {
                if required {
                    self.missing(ctx, key, EXPRESSION_EXPECTED);
                }
                None
            }
            Some(raw) => {
                let spec = match raw.value {
                    DeValue::String(text) => parse_expression(text),
                    other => as_date(other).map(DateSpec::Date),
                };
                match spec {
                    Some(spec) => Some(Located::new(spec, ctx.loc(&raw.span, &raw.key))),
                    None => {
                        ctx.error(
                            &raw.span,
                            &raw.key,
                            EXPRESSION_EXPECTED,
                            describe(raw.value),
                        );
                        None
                    }
                }
            }
        }
    }

    /// A non-empty array of strings (a single string is accepted as a one-element list).
    pub(crate) fn strings(
        &mut self,
        ctx: &mut Ctx<'_>,
        key: &'static str,
        required: bool,
        what: &str,
    ) -> Option<Vec<Located<String>>> {
        let expected = format!("a non-empty list of {what}");
        let raw = match self.raw(key) {
            None => {
                if required {
                    self.missing(ctx, key, &expected);
                }
                return None;
            }
            Some(raw) => raw,
        };
        match raw.value {
            DeValue::String(text) => Some(vec![Located::new(
                text.as_ref().to_string(),
                ctx.loc(&raw.span, &raw.key),
            )]),
            DeValue::Array(items) if items.is_empty() => {
                ctx.error(&raw.span, &raw.key, expected, "an empty list");
                None
            }
            DeValue::Array(items) => {
                let mut out = Vec::new();
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    let key = format!("{}[{i}]", raw.key);
                    match item.get_ref() {
                        DeValue::String(text) => out.push(Located::new(
                            text.as_ref().to_string(),
                            ctx.loc(&item.span(), &key),
                        )),
                        other => {
                            ctx.error(&item.span(), &key, "a string", describe(other));
                            ok = false;
                        }
                    }
                }
                ok.then_some(out)
            }
            other => {
                ctx.error(&raw.span, &raw.key, expected, describe(other));
                None
            }
        }
    }

    /// A sub-table (`[name]` or `name = { ... }`).
    pub(crate) fn table(
        &mut self,
        ctx: &mut Ctx<'_>,
        key: &'static str,
        required: bool,
    ) -> Option<Table<'a, 'i>> {
        match self.raw(key) {
            None => {
                if required {
                    self.missing(ctx, key, "a table");
                }
                None
            }
            Some(raw) => match raw.value {
                DeValue::Table(entries) => Some(Table {
                    entries: Some(entries),
                    path: raw.key,
                    span: raw.span,
                    asked: Vec::new(),
                }),
                other => {
                    ctx.error(&raw.span, &raw.key, "a table", describe(other));
                    None
                }
            },
        }
    }

    /// An array of tables (`[[name]]`); absent means empty.
    pub(crate) fn tables(&mut self, ctx: &mut Ctx<'_>, key: &'static str) -> Vec<Table<'a, 'i>> {
        let Some(raw) = self.raw(key) else {
            return Vec::new();
        };
        match raw.value {
            DeValue::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let path = format!("{}[{i}]", raw.key);
                    match item.get_ref() {
                        DeValue::Table(entries) => Table {
                            entries: Some(entries),
                            path,
                            span: item.span(),
                            asked: Vec::new(),
                        },
                        other => {
                            ctx.error(&item.span(), &path, "a table", describe(other));
                            Table::empty(path, item.span())
                        }
                    }
                })
                .collect(),
            other => {
                ctx.error(
                    &raw.span,
                    &raw.key,
                    format!("an array of tables ([[{key}]])"),
                    describe(other),
                );
                Vec::new()
            }
        }
    }

    /// Every entry of a free-form table, as (key, raw value); all keys count as known.
    pub(crate) fn entries(&self) -> Vec<(String, Range<usize>, Raw<'a, 'i>)> {
        let Some(entries) = self.entries else {
            return Vec::new();
        };
        entries
            .iter()
            .map(|(name, value)| {
                let key = self.key_path(name.get_ref().as_ref());
                (
                    name.get_ref().as_ref().to_string(),
                    name.span(),
                    Raw {
                        value: value.get_ref(),
                        span: value.span(),
                        key,
                    },
                )
            })
            .collect()
    }

    /// True when the table is a placeholder after a type error.
    pub(crate) fn is_placeholder(&self) -> bool {
        self.entries.is_none()
    }
}

/// Reads a free-form number out of a raw value.
pub(crate) fn raw_number(ctx: &mut Ctx<'_>, raw: &Raw<'_, '_>, bound: Bound) -> Option<f64> {
    match as_number(raw.value) {
        Some(value) if bound.accepts(value) => Some(value),
        _ => {
            ctx.error(&raw.span, &raw.key, bound.expected(), describe(raw.value));
            None
        }
    }
}

/// Reads a free-form date out of a raw value.
pub(crate) fn raw_date(ctx: &mut Ctx<'_>, raw: &Raw<'_, '_>) -> Option<NaiveDate> {
    let date = as_date(raw.value).or_else(|| match raw.value {
        DeValue::String(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
        _ => None,
    });
    if date.is_none() {
        ctx.error(
            &raw.span,
            &raw.key,
            "a date (YYYY-MM-DD)",
            describe(raw.value),
        );
    }
    date
}
