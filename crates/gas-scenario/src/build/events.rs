//! Scenario events → daily overrides (applied before any package).

use super::{AppliedOverride, Draft, Param};
use crate::common::{Carrier, ZoneSel};
use crate::scenario::{CutoffTarget, Event, EventKind, Scenario};

pub(super) fn apply(draft: &mut Draft, scenario: &Scenario) {
    for event in &scenario.events {
        apply_event(draft, scenario, event);
    }
}

fn zone_label(draft: &Draft, zones: &ZoneSel) -> String {
    match zones {
        ZoneSel::All => "all zones".into(),
        ZoneSel::Eu => "EU zones".into(),
        ZoneSel::List(list) => {
            let _ = draft;
            list.iter()
                .map(|z| z.value.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}

fn apply_event(draft: &mut Draft, scenario: &Scenario, event: &Event) {
    let (from, to) = event.dates;
    let days = draft.days(from, to);
    let change = match &event.kind {
        EventKind::RouteCutoff { target, share } => match target {
            CutoffTarget::Routes(routes) => format!(
                "routes {} capacity x {:.3} (cut-off {:.0} %)",
                routes
                    .iter()
                    .map(|r| r.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                1.0 - share,
                share * 100.0
            ),
            CutoffTarget::Origin { origin, carrier } => format!(
                "origin {} ({}) supply x {:.3} (cut-off {:.0} %)",
                origin.value,
                carrier.code(),
                1.0 - share,
                share * 100.0
            ),
        },
        EventKind::LngAvailability { origin, factor } => {
            format!("LNG from {} x {factor}", origin.value)
        }
        EventKind::Outage {
            pipelines,
            terminals,
            share,
        } => format!(
            "outage of {:.0} % on {}",
            share * 100.0,
            pipelines
                .iter()
                .chain(terminals)
                .map(|c| c.value.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        EventKind::DemandShock {
            zones,
            sectors,
            change,
        } => format!(
            "demand of {} ({}) x {:.3}",
            zone_label(draft, zones),
            sectors
                .iter()
                .map(|s| s.code())
                .collect::<Vec<_>>()
                .join(", "),
            1.0 + change
        ),
        EventKind::ColdSpell { zones, uplift } => format!(
            "cold spell: households_services demand of {} x {:.3}",
            zone_label(draft, zones),
            1.0 + uplift
        ),
    };
    let src = draft.record(AppliedOverride {
        source: "scenario".into(),
        file: scenario.file.clone(),
        key: event.key.clone(),
        change,
        from,
        to,
        overrides: Vec::new(),
    });
    match &event.kind {
        EventKind::RouteCutoff { target, share } => match target {
            CutoffTarget::Routes(routes) => {
                for route in routes {
                    if let Some(r) = draft.route_or_error(route) {
                        draft.set(Param::RouteCut(r), days.clone(), *share, src);
                    }
                }
            }
            CutoffTarget::Origin { origin, carrier } => {
                if let Some(o) = draft.origin_or_error(origin) {
                    cut_origin(
                        draft,
                        o,
                        *carrier,
                        days,
                        *share,
                        src,
                        Param::RouteCut,
                        Param::LngCut,
                    );
                }
            }
        },
        EventKind::LngAvailability { origin, factor } => {
            if let Some(o) = draft.origin_or_error(origin) {
                // The factor also applies to a later package's `extra_lng` tranche of
                // the origin: whether it has an effect is known after every package.
                draft.lng_effect_checks.push((o, Carrier::Lng, src));
                draft.set(Param::LngFactor(o), days, *factor, src);
            }
        }
        EventKind::Outage {
            pipelines,
            terminals,
            share,
        } => {
            for code in pipelines {
                match draft
                    .system
                    .pipelines
                    .iter()
                    .position(|p| p.code == code.value)
                {
                    Some(p) => draft.set(Param::PipelineOutage(p), days.clone(), *share, src),
                    None => {
                        let mut known: Vec<&str> = draft
                            .system
                            .pipelines
                            .iter()
                            .map(|p| p.code.as_str())
                            .collect();
                        known.truncate(12);
                        let error = code.loc.error(
                            format!(
                                "a pipeline of the dataset as FROM>TO (e.g. {} ...)",
                                known.join(", ")
                            ),
                            format!("{:?}", code.value),
                        );
                        draft.errors.push(error);
                    }
                }
            }
            for name in terminals {
                let rows: Vec<usize> = draft
                    .terminals
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| {
                        t.name == name.value
                            || format!("LNG-{}", draft.system.zones[t.zone].code) == name.value
                    })
                    .map(|(i, _)| i)
                    .collect();
                if rows.is_empty() {
                    let error = name.loc.error(
                        "an LNG terminal name of lng_terminals.csv, or LNG-<zone>",
                        format!("{:?}", name.value),
                    );
                    draft.errors.push(error);
                }
                for row in rows {
                    draft.set(Param::TerminalOutage(row), days.clone(), *share, src);
                }
            }
        }
        EventKind::DemandShock {
            zones,
            sectors,
            change,
        } => {
            for zone in draft.zones(zones) {
                for sector in sectors {
                    draft.set(
                        Param::DemandShock(zone, *sector),
                        days.clone(),
                        *change,
                        src,
                    );
                }
            }
        }
        EventKind::ColdSpell { zones, uplift } => {
            for zone in draft.zones(zones) {
                draft.set(Param::ColdSpell(zone), days.clone(), *uplift, src);
            }
        }
    }
}

/// Sets `route_param` on every route of origin `o` and/or `lng_param` on its LNG.
#[allow(clippy::too_many_arguments)]
pub(super) fn cut_origin(
    draft: &mut Draft,
    o: usize,
    carrier: Carrier,
    days: std::ops::Range<usize>,
    share: f64,
    src: usize,
    route_param: fn(usize) -> Param,
    lng_param: fn(usize) -> Param,
) {
    let mut touched = false;
    if carrier.covers(Carrier::Pipeline) {
        let routes: Vec<usize> = (0..draft.route_origin.len())
            .filter(|&r| draft.route_origin[r] == o)
            .collect();
        touched |= !routes.is_empty();
        for r in routes {
            draft.set(route_param(r), days.clone(), share, src);
        }
    }
    if carrier.covers(Carrier::Lng) {
        draft.set(lng_param(o), days, share, src);
    }
    if !touched {
        if carrier.covers(Carrier::Lng) {
            // The LNG setting also applies to a later package's `extra_lng` tranche
            // of the origin: whether it has an effect is known after every package.
            draft.lng_effect_checks.push((o, carrier, src));
        } else {
            let warning = no_supply_warning(draft, o, carrier, src);
            draft.warnings.push(warning);
        }
    }
}

/// After every event and measure is applied: the note for each LNG setting
/// (cut-off, factor, embargo, price cap) of an origin that has no LNG supply
/// in the system, not even an `extra_lng` tranche of a package.
pub(super) fn warn_lng_without_effect(draft: &mut Draft) {
    let checks = std::mem::take(&mut draft.lng_effect_checks);
    for (o, carrier, src) in checks {
        if !draft.lng.iter().any(|s| s.origin == o) {
            let warning = no_supply_warning(draft, o, carrier, src);
            draft.warnings.push(warning);
        }
    }
}

/// The note for an event or measure (`src`) on an origin without supply of
/// that carrier, e.g. `scenario events[0]: origin BY has neither pipeline
/// routes nor LNG in the system (BY only carries gas of origin RU, transit_of
/// in origins.csv: name RU instead); no effect`.
fn no_supply_warning(draft: &Draft, o: usize, carrier: Carrier, src: usize) -> String {
    let applied = &draft.applied[src];
    let code = &draft.system.origins[o].code;
    let what = match carrier {
        Carrier::Pipeline => "no pipeline route",
        Carrier::Lng => "no LNG supply",
        Carrier::All => "neither pipeline routes nor LNG",
    };
    let transit = match draft.origin_transit_of.get(o).cloned().flatten() {
        Some(owner) => format!(
            " ({code} only carries gas of origin {owner}, transit_of in origins.csv: name {owner} instead)"
        ),
        None => String::new(),
    };
    format!(
        "{} {}: origin {code} has {what} in the system{transit}; no effect",
        applied.source, applied.key
    )
}
