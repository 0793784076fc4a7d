//! `vigil code`: articles in, events out, in input order, on all cores.

use crate::dicts::DictArgs;
use crate::output::{self, Format};
use anyhow::Result;
use clap::Args as ClapArgs;
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use vigil_coder::{Coder, CoderConfig, Profile};
use vigil_ingest::{self as input, BadRecord};
use vigil_model::Article;

/// Arguments of `vigil code`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Input files: `.txt` (one article), `.jsonl` (records), or `-` for JSONL on stdin.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// Publication date of `.txt` inputs (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<chrono::NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Also code events that lack a source or a target.
    #[arg(long)]
    pub no_require_dyad: bool,
    /// Coding conventions: `cameo` (the codebook's reading: intentions, threats, negation)
    /// or `literal` (verbs as written, as TABARI and PETRARCH-1 coded them).
    #[arg(long, value_enum, default_value_t = ProfileArg::Cameo)]
    pub profile: ProfileArg,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Also print each record's quantity claims, as objects with `"type":"claim"`
    /// (JSON Lines only).
    #[arg(long)]
    pub claims: bool,
    /// Code events only: no attribution, event dates, locations or claims (faster).
    #[arg(long, conflicts_with = "claims")]
    pub events_only: bool,
    #[command(flatten)]
    pub dicts: DictArgs,
}

pub fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    input::parse_date(s).ok_or_else(|| format!("`{s}` is not a date (want YYYY-MM-DD)"))
}

/// The `--profile` values.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileArg {
    /// CAMEO as the codebook reads it.
    Cameo,
    /// Verbs coded as written (TABARI, PETRARCH-1).
    Literal,
}

/// Articles are coded in batches of this many, in parallel, and written in order.
const BATCH: usize = 256;

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .ok();
    }
    // Load the dictionaries while the first input is read: both take a noticeable share
    // of a run, and they do not depend on each other.
    let mut bad = Vec::new();
    let (dicts, first) = std::thread::scope(|scope| {
        // The tagger's weights load on first use; load them here, beside the rest.
        let tagger = scope.spawn(vigil_text::Tagger::embedded);
        let loading = scope.spawn(|| args.dicts.load());
        let first = read_input(&args.files[0], args.date, &mut bad);
        let dicts = loading.join().expect("dictionary loading does not panic");
        tagger.join().expect("tagger loading does not panic");
        (dicts, first)
    });
    let dicts = dicts?;
    if args.claims && args.format != Format::Jsonl {
        anyhow::bail!("--claims needs --format jsonl (claims are records of their own)");
    }
    let mut first = Some(first);
    let config = CoderConfig {
        require_dyad: !args.no_require_dyad,
        profile: match args.profile {
            ProfileArg::Cameo => Profile::Cameo,
            ProfileArg::Literal => Profile::Literal,
        },
        annotate: !args.events_only,
        keep_filtered: false,
        facts: args.claims,
    };
    let coder = Coder::new(dicts, config);
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    if args.format == Format::Tsv {
        writeln!(out, "{}", output::TSV_HEADER)?;
    }
    for file in &args.files {
        let articles = match first.take() {
            Some(a) => a,
            None => read_input(file, args.date, &mut bad),
        };
        // A file that cannot be read or is refused is reported and skipped; the others
        // are still coded.
        match articles {
            Ok(articles) => code_articles(&coder, &articles, args.format, args.claims, &mut out)?,
            Err(e) => bad.push(BadRecord {
                place: file.clone(),
                message: format!("{e:#}"),
            }),
        }
    }
    out.flush()?;
    for b in &bad {
        eprintln!("vigil: skipped {}: {}", b.place, b.message);
    }
    if !bad.is_empty() {
        eprintln!("vigil: {} record(s) skipped", bad.len());
        return Ok(ExitCode::from(3));
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads one input argument (any format `vigil-ingest` reads) into articles (records
/// grouped by `article`). Bad records go to `bad`; a refused input is an error.
pub fn read_input(
    file: &str,
    date: Option<chrono::NaiveDate>,
    bad: &mut Vec<BadRecord>,
) -> Result<Vec<Vec<Article>>> {
    let opts = input::Options {
        date,
        ..input::Options::default()
    };
    let mut records = Vec::new();
    input::read_input(file, &opts, &mut |item| match item {
        input::Item::Record(a) => records.push(a),
        input::Item::Bad(b) => bad.push(b),
        input::Item::Note(n) => eprintln!("vigil: note: {}: {}", n.place, n.message),
    })
    .map_err(|b| anyhow::anyhow!("{}: {}", b.place, b.message))?;
    Ok(input::group_articles(records))
}

/// Codes `articles` in parallel batches and writes the events (and, with `claims`, each
/// record's claims after its events) in input order.
pub fn code_articles(
    coder: &Coder,
    articles: &[Vec<Article>],
    format: Format,
    claims: bool,
    out: &mut impl Write,
) -> Result<()> {
    for batch in articles.chunks(BATCH) {
        // Workers code and serialize; the main thread only writes bytes, in input order.
        let coded: Vec<std::io::Result<Vec<u8>>> = batch
            .par_iter()
            .map(|a| {
                let mut buf = Vec::new();
                for r in coder.code_records(a) {
                    for e in &r.events {
                        output::write_event(&mut buf, e, format)?;
                    }
                    if claims {
                        for c in &r.claims {
                            output::write_claim(&mut buf, c)?;
                        }
                    }
                }
                Ok(buf)
            })
            .collect();
        for buf in coded {
            out.write_all(&buf?)?;
        }
    }
    Ok(())
}
