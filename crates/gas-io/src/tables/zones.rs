//! `zones.csv` and `origins.csv`.

use crate::table::{Fields, Range, Row, Table};
use gas_core::dataset::{Dataset, OriginRecord, ZoneKind, ZoneRecord};

impl Table for ZoneRecord {
    const FILE: &'static str = "zones.csv";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "name",
        "eu_member",
        "kind",
        "protected_share",
        "source",
        "note",
    ];
    const ID: Option<&'static str> = Some("id");

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let id = r.code("id");
        let name = r.text("name");
        let eu_member = r.boolean("eu_member");
        let kind = r.choice("kind", &ZoneKind::CODES);
        let protected_share = r.opt_number("protected_share", Range::Between(0.0, 1.0));
        let source = r.code("source");
        Some(ZoneRecord {
            id: id?,
            name: name?,
            eu_member: eu_member?,
            kind: kind?,
            protected_share: protected_share?,
            source: source?,
            note: r.opt_text("note"),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.id);
        w.text(&self.name);
        w.boolean(self.eu_member);
        w.text(self.kind.code());
        w.opt_number(self.protected_share);
        w.text(&self.source);
        w.text(&self.note);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.zones
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.zones
    }
}

impl Table for OriginRecord {
    const FILE: &'static str = "origins.csv";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "name",
        "pipeline",
        "lng",
        "transit_of",
        "source",
        "note",
    ];
    const ID: Option<&'static str> = Some("id");

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let id = r.code("id");
        let name = r.text("name");
        let pipeline = r.boolean("pipeline");
        let lng = r.boolean("lng");
        let transit_of = r.opt_code("transit_of");
        let source = r.code("source");
        Some(OriginRecord {
            id: id?,
            name: name?,
            pipeline: pipeline?,
            lng: lng?,
            transit_of: transit_of?,
            source: source?,
            note: r.opt_text("note"),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.id);
        w.text(&self.name);
        w.boolean(self.pipeline);
        w.boolean(self.lng);
        w.text(self.transit_of.as_deref().unwrap_or(""));
        w.text(&self.source);
        w.text(&self.note);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.origins
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.origins
    }
}
