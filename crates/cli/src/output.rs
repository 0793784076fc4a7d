//! Writing events: JSON Lines (one object per event) or a tab-separated table.

use std::io::Write;
use vigil_model::{Claim, Event};

/// Output formats of `vigil code`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per event, with provenance.
    #[default]
    Jsonl,
    /// A tab-separated table with a header line.
    Tsv,
}

/// Column names of the TSV format. Where the event happened (the place's full name, its
/// ISO country and how it was chosen: `sentence`, `dateline`, `article`, `actor`) comes
/// last, so that tables read by position before it was added read the same.
pub const TSV_HEADER: &str = "id\tsentence\tdate\tsource\tcode\ttarget\troot\tquad\tgoldstein\tverb\t\
pattern\tsentence_text\tlocation\tlocation_country\tlocation_basis";

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Writes one event in `format`.
pub fn write_event(out: &mut impl Write, e: &Event, format: Format) -> std::io::Result<()> {
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, e)?;
            out.write_all(b"\n")
        }
        Format::Tsv => writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            clean(&e.id),
            e.sentence,
            e.date,
            e.source,
            e.code,
            e.target,
            e.root,
            e.quad.map(|q| q.to_string()).unwrap_or_default(),
            e.goldstein.map(|g| g.to_string()).unwrap_or_default(),
            clean(&e.provenance.verb_text),
            clean(&e.provenance.pattern),
            clean(&e.provenance.sentence_text),
            e.location
                .as_ref()
                .map(|p| clean(&p.full_name))
                .unwrap_or_default(),
            e.location
                .as_ref()
                .and_then(|p| p.country.as_deref())
                .unwrap_or_default(),
            e.location
                .as_ref()
                .and_then(|p| p.basis)
                .map_or("", |b| b.as_str()),
        ),
    }
}

/// Writes one claim as a JSON line marked `"type":"claim"`.
pub fn write_claim(out: &mut impl Write, c: &Claim) -> std::io::Result<()> {
    let mut v = serde_json::to_value(c)?;
    if let serde_json::Value::Object(m) = &mut v {
        m.insert("type".into(), "claim".into());
    }
    serde_json::to_writer(&mut *out, &v)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigil_model::{LocationBasis, Place, PlaceKind};

    #[test]
    fn tsv_rows_have_the_headers_columns_and_the_location_last() {
        let mut e = Event {
            id: "a".into(),
            code: "173".into(),
            ..Event::default()
        };
        let mut out = Vec::new();
        write_event(&mut out, &e, Format::Tsv).unwrap();
        e.location = Some(Place {
            name: "Quito".into(),
            full_name: "Quito, Pichincha, Ecuador".into(),
            kind: PlaceKind::City,
            country: Some("EC".into()),
            adm1: None,
            lat: -0.23,
            lon: -78.52,
            feature_id: "geonames:3652462".into(),
            basis: Some(LocationBasis::Dateline),
        });
        write_event(&mut out, &e, Format::Tsv).unwrap();
        let text = String::from_utf8(out).unwrap();
        let columns = TSV_HEADER.split('\t').count();
        let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
        assert!(rows.iter().all(|r| r.len() == columns));
        assert_eq!(rows[0][columns - 3..], ["", "", ""]);
        assert_eq!(
            rows[1][columns - 3..],
            ["Quito, Pichincha, Ecuador", "EC", "dateline"]
        );
    }
}
