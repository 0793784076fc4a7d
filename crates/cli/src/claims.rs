//! `vigil claims`: stored quantity claims, or the conflicts between them; `vigil places`:
//! the places stored articles name, with counts.

use anyhow::{Context, Result};
use clap::Args as ClapArgs;
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use vigil_model::Claim;

/// Output formats of `vigil claims` and `vigil places`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    /// An aligned table for reading.
    Table,
    /// One JSON object per line.
    Jsonl,
}

/// Arguments of `vigil claims`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Database: `sqlite:PATH` or `postgres://…`.
    #[arg(long, env = "VIGIL_DB", default_value = "sqlite:vigil.db")]
    pub db: String,
    /// List conflicts (claims by different claimants whose numbers for the same thing
    /// cannot both be true) instead of claims.
    #[arg(long)]
    pub conflicts: bool,
    /// At most this many claims (earliest first).
    #[arg(long)]
    pub limit: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// Arguments of `vigil places`.
#[derive(ClapArgs, Debug)]
pub struct PlacesArgs {
    /// Database: `sqlite:PATH` or `postgres://…`.
    #[arg(long, env = "VIGIL_DB", default_value = "sqlite:vigil.db")]
    pub db: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

fn open(db: &str) -> Result<Box<dyn vigil_store::Store>> {
    vigil_store::open(db).with_context(|| format!("cannot open database {db}"))
}

/// A claim's value as words: `70000`, `20000–90000`, `≥ 14000`.
fn amount(c: &Claim) -> String {
    match (c.value, c.low, c.high) {
        (Some(v), _, _) => format!("{v}"),
        (None, Some(lo), Some(hi)) => format!("{lo}–{hi}"),
        (None, Some(lo), None) => format!("≥ {lo}"),
        (None, None, Some(hi)) => format!("≤ {hi}"),
        (None, None, None) => "?".into(),
    }
}

fn claim_row(c: &Claim) -> String {
    format!(
        "{:<12} {:>8} {:<14} {:<9} {:<10} {:<30} {}",
        amount(c),
        c.qualifier.as_str(),
        c.unit,
        c.subject_code,
        c.claimant_code,
        c.claimant.chars().take(30).collect::<String>(),
        c.text
    )
}

/// Runs `vigil claims`.
pub fn run(args: Args) -> Result<ExitCode> {
    let mut store = open(&args.db)?;
    let limit = if args.conflicts { None } else { args.limit };
    let claims = store.claims(limit)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if !args.conflicts {
        if args.format == ListFormat::Table {
            writeln!(
                out,
                "{:<12} {:>8} {:<14} {:<9} {:<10} {:<30} text",
                "value", "qualif.", "unit", "subject", "claimant", "claimant (as written)"
            )?;
        }
        for c in &claims {
            match args.format {
                ListFormat::Jsonl => {
                    serde_json::to_writer(&mut out, c)?;
                    writeln!(out)?;
                }
                ListFormat::Table => writeln!(out, "{}", claim_row(c))?,
            }
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let conflicts = vigil_extract::conflict::find(&claims);
    for (n, k) in conflicts.iter().enumerate() {
        let (a, b) = (&claims[k.low], &claims[k.high]);
        match args.format {
            ListFormat::Jsonl => {
                let v = serde_json::json!({
                    "unit": a.unit,
                    "subject_code": a.subject_code,
                    "subject_places": a.subject_places,
                    "claims": [a, b],
                });
                serde_json::to_writer(&mut out, &v)?;
                writeln!(out)?;
            }
            ListFormat::Table => {
                if n > 0 {
                    writeln!(out)?;
                }
                writeln!(
                    out,
                    "conflict {}: {} of {} ({})",
                    n + 1,
                    a.unit,
                    a.subject_code,
                    a.subject_places.join(", ")
                )?;
                for c in [a, b] {
                    writeln!(out, "  {}  [{} #{}]", claim_row(c), c.id, c.sentence)?;
                }
            }
        }
    }
    if args.format == ListFormat::Table && conflicts.is_empty() {
        writeln!(out, "no conflicting claims among {} stored", claims.len())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `vigil places`.
pub fn places(args: PlacesArgs) -> Result<ExitCode> {
    let mut store = open(&args.db)?;
    let places = store.places()?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.format == ListFormat::Table {
        writeln!(
            out,
            "{:>8} {:>8}  {:<9} {:<3} {:>8} {:>9}  {:<22} name",
            "mentions", "records", "kind", "cc", "lat", "lon", "feature"
        )?;
    }
    for p in &places {
        match args.format {
            ListFormat::Jsonl => {
                let mut v = serde_json::to_value(&p.place)?;
                if let serde_json::Value::Object(m) = &mut v {
                    m.insert("mentions".into(), p.mentions.into());
                    m.insert("records".into(), p.records.into());
                }
                serde_json::to_writer(&mut out, &v)?;
                writeln!(out)?;
            }
            ListFormat::Table => writeln!(
                out,
                "{:>8} {:>8}  {:<9} {:<3} {:>8.3} {:>9.3}  {:<22} {}",
                p.mentions,
                p.records,
                p.place.kind.as_str(),
                p.place.country.as_deref().unwrap_or("-"),
                p.place.lat,
                p.place.lon,
                p.place.feature_id,
                p.place.full_name
            )?,
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
