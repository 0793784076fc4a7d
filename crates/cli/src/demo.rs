//! `vigil demo`: code the bundled sample article, show what Vigil finds in it, and store
//! it in a local SQLite file to query.

use crate::dicts::DictArgs;
use anyhow::{Context, Result};
use clap::Args as ClapArgs;
use std::process::ExitCode;
use vigil_coder::{Coder, CoderConfig};
use vigil_model::{Article, EventCodes};

/// The bundled sample: the user's seed article (see NOTICE).
const SAMPLE: &str = include_str!("../../../data/eval/seed.txt");
const SAMPLE_DATE: (i32, u32, u32) = (2021, 12, 4);

/// Arguments of `vigil demo`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Where to store the coded sample.
    #[arg(long, default_value = "sqlite:vigil-demo.db")]
    pub db: String,
    #[command(flatten)]
    pub dicts: DictArgs,
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let coder = Coder::new(args.dicts.load()?, CoderConfig::default());
    let (y, m, d) = SAMPLE_DATE;
    let date = chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
    let article = Article::new("data/eval/seed.txt", date, SAMPLE);
    let events = coder.code_article(std::slice::from_ref(&article));
    let codes = EventCodes::get();
    println!(
        "Vigil demo: the bundled sample article (published {date}), coded with the shipped dictionaries.\n"
    );
    println!(
        "{:>3}  {:<10} {:<5} {:<10} {:>6}  {:<40}  verb",
        "sen", "source", "code", "target", "gold.", "event"
    );
    for e in &events {
        let name = codes.info(&e.code).map_or("", |i| i.name.as_str());
        println!(
            "{:>3}  {:<10} {:<5} {:<10} {:>6}  {:<40}  {}",
            e.sentence,
            e.source,
            e.code,
            e.target,
            e.goldstein.map_or(String::new(), |g| format!("{g:+.1}")),
            name.chars().take(40).collect::<String>(),
            e.provenance.verb_text
        );
    }
    println!(
        "\n{} events from {} sentences in {:.0} ms (dictionary loading included).",
        events.len(),
        vigil_text::split_sentences(SAMPLE).len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    let mut store =
        vigil_store::open(&args.db).with_context(|| format!("cannot open database {}", args.db))?;
    store.write(&[vigil_store::CodedRecord {
        hash: vigil_store::content_hash(&article),
        sentences: vigil_text::split_sentences(&article.text),
        events,
        article,
    }])?;
    store.prune()?;
    let c = store.counts()?;
    println!(
        "Stored in {}: {} articles, {} sentences, {} events ({} mentions).",
        args.db, c.articles, c.sentences, c.events, c.mentions
    );
    println!(
        "Next: `vigil events --db {}` to query them, `vigil ingest PATH` for your own news, `vigil eval` to score the coder.",
        args.db
    );
    Ok(ExitCode::SUCCESS)
}
