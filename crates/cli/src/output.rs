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

/// Column names of the TSV format.
pub const TSV_HEADER: &str =
    "id\tsentence\tdate\tsource\tcode\ttarget\troot\tquad\tgoldstein\tverb\tpattern\tsentence_text";

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
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
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
