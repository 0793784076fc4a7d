//! `vigil bench`: coding throughput (sentences/s, MB/s of raw text) single-threaded and on
//! all threads, and peak memory, on a fixed corpus of real sentences or on one you give.

use crate::dicts::DictArgs;
use anyhow::{Context, Result};
use clap::Args as ClapArgs;
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use vigil_coder::{Coder, CoderConfig};
use vigil_eval::corpus;
use vigil_ingest as input;
use vigil_model::Article;

const SUITE: &str = include_str!("../../../data/validation/PETR.UnitTest.records.xml");
const GIGAWORD: &str = include_str!("../../../data/validation/GigaWord.sample.PETR.xml");
const SEED: &str = include_str!("../../../data/eval/seed.txt");

/// Arguments of `vigil bench`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Benchmark on this JSONL corpus instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub corpus: Option<PathBuf>,
    /// Write the built-in corpus as JSONL to this file and exit (for timing `vigil code`).
    #[arg(long, value_name = "FILE")]
    pub write_corpus: Option<PathBuf>,
    /// Articles in the built-in corpus.
    #[arg(long, default_value_t = 10_000)]
    pub articles: usize,
    /// Sentences per article in the built-in corpus.
    #[arg(long, default_value_t = 20)]
    pub sentences: usize,
    #[command(flatten)]
    pub dicts: DictArgs,
}

/// The built-in corpus: the suite's texts, the GigaWord sample's and the seed's sentences,
/// shuffled with a fixed seed into articles.
pub fn builtin_corpus(articles: usize, sentences: usize) -> Result<Vec<corpus::BenchRecord>> {
    let suite = vigil_eval::suite::read_suite(SUITE, "PETR.UnitTest.records.xml")?;
    let mut texts = corpus::suite_texts(&suite);
    texts.extend(corpus::gigaword_texts(
        GIGAWORD,
        "GigaWord.sample.PETR.xml",
    )?);
    texts.extend(
        vigil_text::split_sentences(SEED)
            .into_iter()
            .map(|s| s.slice(SEED).replace('\n', " ")),
    );
    Ok(corpus::bench_corpus(&texts, articles, sentences, 20211204))
}

fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    if let Some(path) = &args.write_corpus {
        let mut out = String::new();
        for r in builtin_corpus(args.articles, args.sentences)? {
            out.push_str(&serde_json::to_string(&r)?);
            out.push('\n');
        }
        std::fs::write(path, out).with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {} articles to {}", args.articles, path.display());
        return Ok(ExitCode::SUCCESS);
    }
    let t0 = Instant::now();
    let dicts = args.dicts.load()?;
    let load = t0.elapsed();
    let articles: Vec<Vec<Article>> = match &args.corpus {
        Some(path) => {
            let mut bad = Vec::new();
            let f = std::fs::File::open(path)
                .with_context(|| format!("cannot open {}", path.display()))?;
            let recs = input::read_jsonl(
                &path.display().to_string(),
                std::io::BufReader::new(f),
                &mut bad,
            )?;
            input::group_articles(recs)
        }
        None => builtin_corpus(args.articles, args.sentences)?
            .iter()
            .map(|r| vec![r.to_article()])
            .collect(),
    };
    let bytes: usize = articles.iter().flatten().map(|a| a.text.len()).sum();
    let sentences: usize = articles
        .par_iter()
        .flatten()
        .map(|a| vigil_text::split_sentences(&a.text).len())
        .sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {} articles, {sentences} sentences, {mb:.1} MB",
        articles.len()
    );
    println!("dictionary load: {:.0} ms", load.as_secs_f64() * 1000.0);
    let mut rates = Vec::new();
    for (name, annotate) in [("coder only", false), ("full pipeline", true)] {
        let config = CoderConfig {
            annotate,
            ..CoderConfig::default()
        };
        let coder = Coder::new(dicts.clone(), config);
        // Warm up the tagger, the gazetteer and caches on a few articles.
        for a in articles.iter().take(50) {
            coder.code_records(a);
        }
        // Events, claims and places found, so the work cannot be skipped.
        let count = |a: &Vec<Article>| -> usize {
            coder
                .code_records(a)
                .iter()
                .map(|c| c.events.len() + c.claims.len() + c.places.len())
                .sum()
        };
        let single = rayon::ThreadPoolBuilder::new().num_threads(1).build()?;
        let t = Instant::now();
        let found1: usize = single.install(|| articles.iter().map(count).sum());
        let one = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let found_n: usize = articles.par_iter().map(count).sum();
        let all = t.elapsed().as_secs_f64();
        assert_eq!(
            found1, found_n,
            "coding must not depend on the thread count"
        );
        println!("{name} ({found_n} events, claims and places):");
        println!(
            "  1 thread:   {:>9.0} sentences/s  {:>6.2} MB/s  ({one:.2} s)",
            sentences as f64 / one,
            mb / one
        );
        println!(
            "  {} threads:  {:>9.0} sentences/s  {:>6.2} MB/s  ({all:.2} s)",
            rayon::current_num_threads(),
            sentences as f64 / all,
            mb / all
        );
        rates.push((sentences as f64 / one, sentences as f64 / all));
    }
    println!(
        "full pipeline keeps {:.0}% of coder-only throughput on 1 thread, {:.0}% on all",
        100.0 * rates[1].0 / rates[0].0,
        100.0 * rates[1].1 / rates[0].1
    );
    if let Some(peak) = peak_memory_mb() {
        println!("peak memory: {peak:.0} MB");
    }
    Ok(ExitCode::SUCCESS)
}
