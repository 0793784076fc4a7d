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
    let coded = coder
        .code_records(std::slice::from_ref(&article))
        .pop()
        .unwrap_or_default();
    let events = coded.events;
    let (claims, places) = (coded.claims, coded.places);
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
    if !claims.is_empty() {
        println!("\nClaims (who says how many):");
        for c in &claims {
            let amount = match (c.value, c.low, c.high) {
                (Some(v), _, _) => v.to_string(),
                (None, Some(lo), Some(hi)) => format!("{lo}-{hi}"),
                _ => "?".into(),
            };
            let who = match (c.claimant.as_str(), c.anonymous) {
                ("unattributed", _) => "the article itself".to_string(),
                (name, true) => format!("{name} (anonymous)"),
                (name, false) => name.to_string(),
            };
            println!(
                "{:>3}  {:<12} {:<8} {:<8} {:<7} according to {who}",
                c.sentence,
                amount,
                c.qualifier.as_str(),
                c.unit,
                c.subject_code,
            );
        }
        for k in vigil_extract::conflict::find(&claims) {
            let (a, b) = (&claims[k.low], &claims[k.high]);
            println!(
                "     conflict: {} vs {} {}s ({} vs {})",
                a.text, b.text, a.unit, a.claimant, b.claimant
            );
        }
    }
    let named: Vec<_> = places.iter().filter(|(_, p)| !p.relational).collect();
    if !named.is_empty() {
        println!("\nPlaces:");
        for (i, p) in named {
            println!(
                "{i:>3}  {:<22} {:<9} {:<3} {:>7.2} {:>8.2}  {}",
                p.text,
                p.place.kind.as_str(),
                p.place.country.as_deref().unwrap_or("-"),
                p.place.lat,
                p.place.lon,
                p.place.full_name
            );
        }
    }
    let mut store =
        vigil_store::open(&args.db).with_context(|| format!("cannot open database {}", args.db))?;
    store.write(&[vigil_store::CodedRecord {
        hash: vigil_store::content_hash(&article),
        sentences: vigil_text::split_sentences(&article.text),
        events,
        claims: claims.clone(),
        places: places.clone(),
        times: coded.times,
        article,
    }])?;
    store.prune()?;
    let c = store.counts()?;
    println!(
        "Stored in {}: {} articles, {} sentences, {} events ({} mentions).",
        args.db, c.articles, c.sentences, c.events, c.mentions
    );
    println!(
        "Next: `vigil events --db {0}` to query them, `vigil claims --conflicts --db {0}` for contradicting figures, `vigil ingest PATH` for your own news, `vigil eval` to score the coder.",
        args.db
    );
    Ok(ExitCode::SUCCESS)
}
