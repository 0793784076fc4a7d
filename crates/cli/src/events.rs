//! `vigil events`: query stored events; `vigil export`: write them all in an exchange format.

use crate::code::parse_date_arg;
use anyhow::{Context, Result};
use clap::Args as ClapArgs;
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use vigil_store::{Filter, StoredEvent};

/// Output formats of `vigil events`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventsFormat {
    /// An aligned table for reading.
    Table,
    /// One JSON object per event (the fields of `vigil code`, plus `event_id`, `mentions`,
    /// `sources`, `articles`).
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
}

/// Arguments of `vigil events`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Database: `sqlite:PATH` or `postgres://…`.
    #[arg(long, env = "VIGIL_DB", default_value = "sqlite:vigil.db")]
    pub db: String,
    /// Source or target code starts with this (`RUS` matches `RUSGOV`).
    #[arg(long)]
    pub actor: Option<String>,
    /// Source code starts with this.
    #[arg(long)]
    pub source: Option<String>,
    /// Target code starts with this.
    #[arg(long)]
    pub target: Option<String>,
    /// Event code starts with this (`15`, `036`).
    #[arg(long)]
    pub code: Option<String>,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4
    /// material conflict.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Option<u8>,
    /// Events dated on or after (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date_arg)]
    pub since: Option<chrono::NaiveDate>,
    /// Events dated on or before (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date_arg)]
    pub until: Option<chrono::NaiveDate>,
    /// At most this many events (most recent first).
    #[arg(long)]
    pub limit: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EventsFormat::Table)]
    pub format: EventsFormat,
}

/// Export formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// One JSON object per event.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
    /// The GDELT 2.0 events table: 61 tab-separated columns, no header.
    Gdelt,
    /// Apache Parquet: typed columns, zstd-compressed (needs `--out`, and a build with
    /// `--features parquet`).
    Parquet,
}

/// Arguments of `vigil export`.
#[derive(ClapArgs, Debug)]
pub struct ExportArgs {
    /// Database: `sqlite:PATH` or `postgres://…`.
    #[arg(long, env = "VIGIL_DB", default_value = "sqlite:vigil.db")]
    pub db: String,
    /// Format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write here instead of stdout (required for parquet).
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
}

fn load(db: &str, filter: &Filter) -> Result<Vec<StoredEvent>> {
    let mut store = vigil_store::open(db).with_context(|| format!("cannot open database {db}"))?;
    store.events(filter).context("cannot read events")
}

/// Runs `vigil events`.
pub fn run(args: Args) -> Result<ExitCode> {
    let filter = Filter {
        actor: args.actor,
        source: args.source,
        target: args.target,
        code: args.code,
        quad: args.quad,
        since: args.since,
        until: args.until,
        limit: args.limit,
        ids: None,
    };
    let events = load(&args.db, &filter)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        EventsFormat::Table => table(&mut out, &events)?,
        EventsFormat::Jsonl => {
            for e in &events {
                vigil_store::export::write_jsonl(&mut out, e)?;
            }
        }
        EventsFormat::Csv => {
            writeln!(out, "{}", vigil_store::export::CSV_HEADER)?;
            for e in &events {
                vigil_store::export::write_csv(&mut out, e)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn table(out: &mut impl Write, events: &[StoredEvent]) -> Result<()> {
    writeln!(
        out,
        "{:<10}  {:<12}  {:<5}  {:<12}  {:>4}  {:>6}  {:<18}  {:<24}  verb",
        "date", "source", "code", "target", "ment", "gold", "where", "first report"
    )?;
    for e in events {
        let f = &e.first;
        let mut id = f.id.clone();
        if id.chars().count() > 24 {
            id = format!(
                "…{}",
                id.chars()
                    .rev()
                    .take(23)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<String>()
            );
        }
        writeln!(
            out,
            "{:<10}  {:<12}  {:<5}  {:<12}  {:>4}  {:>6}  {:<18}  {:<24}  {}",
            e.event_date,
            f.source,
            f.code,
            f.target,
            e.mentions.len(),
            f.goldstein.map(|g| format!("{g:.1}")).unwrap_or_default(),
            f.location
                .as_ref()
                .map_or(String::new(), |l| l.name.chars().take(18).collect()),
            id,
            f.provenance.verb_text,
        )?;
    }
    Ok(())
}

/// A usage error: the message on stderr, exit status 2 (as for errors clap reports).
fn usage_error(message: &str) -> ExitCode {
    eprintln!("vigil: error: {message}");
    ExitCode::from(2)
}

/// Runs `vigil export`.
pub fn export(args: ExportArgs) -> Result<ExitCode> {
    if args.format == ExportFormat::Parquet {
        return export_parquet(&args);
    }
    let events = load(&args.db, &Filter::default())?;
    let sink: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    if args.format == ExportFormat::Csv {
        writeln!(out, "{}", vigil_store::export::CSV_HEADER)?;
    }
    for e in &events {
        match args.format {
            ExportFormat::Jsonl => vigil_store::export::write_jsonl(&mut out, e)?,
            ExportFormat::Csv => vigil_store::export::write_csv(&mut out, e)?,
            ExportFormat::Gdelt => vigil_store::export::write_gdelt(&mut out, e)?,
            ExportFormat::Parquet => unreachable!("written by export_parquet"),
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes every stored event to a new Parquet file at `--out`. A file left unfinished by
/// an error is removed: without its footer it would be unreadable anyway.
#[cfg(feature = "parquet")]
fn export_parquet(args: &ExportArgs) -> Result<ExitCode> {
    let Some(path) = &args.out else {
        return Ok(usage_error(
            "--format parquet needs --out FILE (Parquet is a binary file format, not written \
             to stdout)",
        ));
    };
    let events = load(&args.db, &Filter::default())?;
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let written = vigil_store::parquet::ParquetWriter::new(file).and_then(|mut w| {
        for e in &events {
            w.write(e)?;
        }
        w.finish()
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(path);
        return Err(e).with_context(|| format!("cannot write {}", path.display()));
    }
    Ok(ExitCode::SUCCESS)
}

/// `--format parquet` in a build without the `parquet` feature: a usage error.
#[cfg(not(feature = "parquet"))]
fn export_parquet(_: &ExportArgs) -> Result<ExitCode> {
    Ok(usage_error(
        "this build has no Parquet support: build with --features parquet",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parquet_args(out: Option<std::path::PathBuf>) -> ExportArgs {
        ExportArgs {
            db: "sqlite:/nonexistent/vigil-never-opened.db".into(),
            format: ExportFormat::Parquet,
            out,
        }
    }

    fn is_usage_error(code: ExitCode) -> bool {
        format!("{code:?}") == format!("{:?}", ExitCode::from(2))
    }

    /// With or without Parquet support, Parquet to stdout is refused before the database
    /// is opened (it does not exist here).
    #[test]
    fn parquet_to_stdout_is_a_usage_error() {
        assert!(is_usage_error(export(parquet_args(None)).unwrap()));
    }

    #[cfg(not(feature = "parquet"))]
    #[test]
    fn parquet_without_the_feature_is_a_usage_error() {
        let out = std::env::temp_dir().join(format!("vigil-no-parquet-{}", std::process::id()));
        assert!(is_usage_error(
            export(parquet_args(Some(out.clone()))).unwrap()
        ));
        assert!(!out.exists());
    }
}
