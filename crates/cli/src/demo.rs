//! `vigil demo`: code the bundled sample article and show what Vigil finds in it.

use crate::dicts::DictArgs;
use anyhow::Result;
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
    println!("Next: `vigil code FILE` for your own text, `vigil eval` to score the coder.");
    Ok(ExitCode::SUCCESS)
}
