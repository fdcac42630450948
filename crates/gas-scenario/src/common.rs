//! Pieces shared by scenario events and package measures: zone and sector
//! selections, carriers, and the active window of an event or measure.

use crate::location::{Loc, Located};
use crate::reader::{Ctx, Table};
use crate::trigger::{DateSpec, Trigger};
use chrono::NaiveDate;
use gas_core::Sector;

/// Which zones an event or measure applies to.
#[derive(Debug, Clone, PartialEq)]
pub enum ZoneSel {
    /// Every zone of the system (`"all"` or `"*"`, the default).
    All,
    /// The EU27 member states (`"eu"`).
    Eu,
    /// The listed zone codes.
    List(Vec<Located<String>>),
}

/// How gas is carried from an origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carrier {
    /// Pipeline routes.
    Pipeline,
    /// LNG cargoes.
    Lng,
    /// Both.
    All,
}

impl Carrier {
    /// True when this selection includes `other` (a single carrier).
    pub fn covers(self, other: Carrier) -> bool {
        self == Carrier::All || self == other
    }

    /// The file identifier.
    pub fn code(self) -> &'static str {
        match self {
            Carrier::Pipeline => "pipeline",
            Carrier::Lng => "lng",
            Carrier::All => "all",
        }
    }
}

/// The optional `from` / `to` of an event or measure, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    /// First day (date or trigger expression); `None` = the package trigger for a
    /// measure (an event must give it).
    pub from: Option<Located<DateSpec>>,
    /// Last day, included; `None` = the end of the period.
    pub to: Option<Located<DateSpec>>,
}

pub(crate) const SECTOR_EXPECTED: &str = "one of households_services, power, industry, other";

pub(crate) fn read_zones(
    ctx: &mut Ctx<'_>,
    table: &mut Table<'_, '_>,
    key: &'static str,
) -> ZoneSel {
    match table.strings(ctx, key, false, "zone codes, or \"all\" or \"eu\"") {
        None => ZoneSel::All,
        Some(list) => {
            if list.len() == 1 {
                match list[0].value.as_str() {
                    "all" | "*" => return ZoneSel::All,
                    "eu" | "EU" => return ZoneSel::Eu,
                    _ => {}
                }
            }
            ZoneSel::List(list)
        }
    }
}

pub(crate) fn read_sectors(
    ctx: &mut Ctx<'_>,
    table: &mut Table<'_, '_>,
    key: &'static str,
) -> Vec<Sector> {
    match table.strings(ctx, key, false, "sectors") {
        None => Sector::ALL.to_vec(),
        Some(list) => {
            let mut sectors = Vec::new();
            for item in list {
                match Sector::from_code(&item.value) {
                    Some(sector) => {
                        if !sectors.contains(&sector) {
                            sectors.push(sector);
                        }
                    }
                    None => ctx
                        .errors
                        .push(item.loc.error(SECTOR_EXPECTED, format!("{:?}", item.value))),
                }
            }
            sectors
        }
    }
}

pub(crate) fn read_carrier(
    ctx: &mut Ctx<'_>,
    table: &mut Table<'_, '_>,
    default: Carrier,
) -> Carrier {
    match table.choice(ctx, "carrier", false, &["pipeline", "lng", "all"]) {
        None => default,
        Some(choice) => match choice.value.as_str() {
            "pipeline" => Carrier::Pipeline,
            "lng" => Carrier::Lng,
            _ => Carrier::All,
        },
    }
}

/// Reads `from` and `to`. A `to` before `from` that the file alone shows (two dates,
/// or two offsets from the same trigger) is an error here, so that `validate` finds it
/// in a package as well as `run` does; other windows are checked when resolved.
pub(crate) fn read_window(ctx: &mut Ctx<'_>, table: &mut Table<'_, '_>) -> Window {
    let from = table.date_spec(ctx, "from", false);
    let to = table.date_spec(ctx, "to", false);
    let window = Window { from, to };
    if let (Some(f), Some(t), true) = (&window.from, &window.to, reversed_as_written(&window)) {
        ctx.errors.push(t.loc.error(
            format!("a date on or after the start {}", f.value),
            t.value.to_string(),
        ));
    }
    window
}

/// Whether `to` is before `from` as written: two dates, or two offsets from the same
/// trigger ([`read_window`] reports it).
fn reversed_as_written(window: &Window) -> bool {
    let (Some(from), Some(to)) = (&window.from, &window.to) else {
        return false;
    };
    match (&from.value, &to.value) {
        (DateSpec::Date(a), DateSpec::Date(b)) => b < a,
        (
            DateSpec::Trigger {
                name: a,
                offset_days: x,
            },
            DateSpec::Trigger {
                name: b,
                offset_days: y,
            },
        ) => a == b && y < x,
        _ => false,
    }
}

/// What a window wholly outside the period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OutsidePeriod {
    /// A located error (scenario events: the file is about this period).
    Error,
    /// Nothing: the caller warns (package measures: a package is reused with
    /// scenarios of other periods).
    Skipped,
}

/// Resolves a window against the triggers and the period.
///
/// `default_from` stands in for a missing `from`. Errors: unknown trigger, `to`
/// before `from`, and (with [`OutsidePeriod::Error`]) a window that lies wholly
/// outside `[period_start, period_end]`; with [`OutsidePeriod::Skipped`] such a
/// window is `None` without an error.
pub(crate) fn resolve_window(
    window: &Window,
    default_from: NaiveDate,
    default_from_loc: &Loc,
    triggers: &[Trigger],
    period: (NaiveDate, NaiveDate),
    outside: OutsidePeriod,
    errors: &mut Vec<crate::errors::FileError>,
) -> Option<(NaiveDate, NaiveDate)> {
    let resolve = |spec: &Located<DateSpec>, errors: &mut Vec<crate::errors::FileError>| match spec
        .value
        .resolve(triggers)
    {
        Ok(date) => Some(date),
        Err(name) => {
            errors.push(spec.loc.error(
                format!(
                    "a trigger defined in the scenario's [triggers] ({})",
                    trigger_names(triggers)
                ),
                format!("{name:?}"),
            ));
            None
        }
    };
    let from = match &window.from {
        Some(spec) => resolve(spec, errors)?,
        None => default_from,
    };
    let to = match &window.to {
        Some(spec) => resolve(spec, errors)?,
        None => period.1.max(from),
    };
    if to < from {
        if reversed_as_written(window) {
            // Already reported where the window was read.
            return None;
        }
        let loc = window.to.as_ref().map_or(default_from_loc, |to| &to.loc);
        errors.push(loc.error(
            format!("a date on or after the start {from}"),
            as_written(window.to.as_ref(), to, triggers),
        ));
        return None;
    }
    if from > period.1 || to < period.0 {
        if outside == OutsidePeriod::Skipped {
            return None;
        }
        let spec = match (&window.from, &window.to) {
            (Some(spec), _) if from > period.1 => Some(spec),
            (_, Some(spec)) => Some(spec),
            (Some(spec), None) => Some(spec),
            (None, None) => None,
        };
        let loc = spec.map_or(default_from_loc, |spec| &spec.loc);
        let found = if from > period.1 { from } else { to };
        errors.push(loc.error(
            format!("a date within the period {} to {}", period.0, period.1),
            as_written(spec, found, triggers),
        ));
        return None;
    }
    Some((from, to))
}

/// A resolved date as the file wrote it: a trigger expression with its date
/// (`"invasion + 400d" = 2023-03-31`), so that the message shows what to change;
/// a plain date (or a date that `spec` does not give) as itself.
fn as_written(spec: Option<&Located<DateSpec>>, date: NaiveDate, triggers: &[Trigger]) -> String {
    match spec {
        Some(spec)
            if matches!(spec.value, DateSpec::Trigger { .. })
                && spec.value.resolve(triggers) == Ok(date) =>
        {
            format!("\"{}\" = {date}", spec.value)
        }
        _ => date.to_string(),
    }
}

fn trigger_names(triggers: &[Trigger]) -> String {
    if triggers.is_empty() {
        "none defined".to_string()
    } else {
        triggers
            .iter()
            .map(|trigger| trigger.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}
