//! `vigil demo`: code the bundled sample article and show what Vigil finds in it; store
//! the sample corpus (that article, the PETRARCH validation suite's sentences, and a
//! generated synthetic corpus spanning months) in a local SQLite file; compute the
//! escalation alerts; print a summary; and serve the dashboard.

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
    /// Where to store the coded sample corpus.
    #[arg(long, default_value = "sqlite:vigil-demo.db")]
    pub db: String,
    /// Address to serve the dashboard on (when taken, a free port is used instead).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Store and summarise, but do not serve.
    #[arg(long)]
    pub no_serve: bool,
    /// Days the synthetic corpus spans.
    #[arg(long, default_value_t = 180, value_parser = clap::value_parser!(u32).range(120..=3650))]
    pub days: u32,
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
    let seed = vigil_store::CodedRecord {
        hash: vigil_store::content_hash(&article),
        sentences: vigil_text::split_sentences(&article.text),
        events,
        claims: claims.clone(),
        places: places.clone(),
        times: coded.times,
        article,
    };
    corpus(&args, &coder, seed)
}

/// The PETRARCH validation suite's sentences (see NOTICE), one record each.
const SUITE: &str = include_str!("../../../data/validation/PETR.UnitTest.records.xml");

/// Stores the sample corpus, computes alerts, prints the summary, and serves.
fn corpus(args: &Args, coder: &Coder, seed: vigil_store::CodedRecord) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let mut store =
        vigil_store::open(&args.db).with_context(|| format!("cannot open database {}", args.db))?;
    store.write(&[seed])?;

    let suite = vigil_eval::suite::read_suite(SUITE, "PETR.UnitTest.records.xml")
        .context("the bundled validation suite")?;
    let mut records: Vec<Article> = suite
        .records
        .iter()
        .map(|r| {
            let mut a = Article::new(
                format!("petrarch-suite/{}", r.index),
                r.date,
                r.text.clone(),
            );
            a.outlet = Some("PETRARCH2 validation suite".into());
            a
        })
        .collect();
    let cfg = crate::synth::SynthConfig {
        days: args.days,
        ..crate::synth::SynthConfig::default()
    };
    let mut jsonl = Vec::new();
    let stats = crate::synth::generate(&cfg, &mut jsonl)?;
    let mut bad = Vec::new();
    records.extend(vigil_ingest::read_jsonl(
        "synthetic corpus",
        &jsonl[..],
        &mut bad,
    )?);
    anyhow::ensure!(
        bad.is_empty(),
        "the synthetic corpus has bad records: {}",
        bad[0]
    );

    // As `vigil ingest` does it: unchanged records (a second demo run) are not coded again.
    let mut tally = crate::ingest::Tally::default();
    let groups = vigil_ingest::group_articles(records);
    for batch in groups.chunks(2000) {
        let coded =
            crate::ingest::code_batch(coder, store.as_mut(), batch.to_vec(), false, &mut tally)?;
        store.write(&coded)?;
    }
    store.prune()?;
    let watched = crate::watch::watch(store.as_mut(), &vigil_watch::Detector::default())?;
    let c = store.counts()?;
    println!(
        "\nSample corpus stored in {} in {:.1} s: the article above, {} sentences of the PETRARCH validation suite, and {} SYNTHETIC articles ({} to {}, generated by `vigil synth`: invented news with a scripted {}→{} escalation, not real events).",
        args.db,
        started.elapsed().as_secs_f64(),
        suite.records.len(),
        stats.articles,
        stats.first,
        stats.last,
        cfg.source,
        cfg.target,
    );
    println!(
        "{} articles, {} sentences, {} events ({} mentions), {} claims; {} new, {} unchanged.",
        c.articles, c.sentences, c.events, c.mentions, c.claims, tally.new, tally.unchanged
    );
    println!("\nBusiest dyads (events, of which conflict):");
    for (dyad, n, conflict) in top_dyads(store.as_mut(), 5)? {
        println!("  {dyad:<12} {n:>6} {conflict:>6}");
    }
    match &watched {
        Some(w) if !w.alerts.is_empty() => {
            println!("\nAlerts (window ending {}, most severe first):", w.last);
            for a in w.alerts.iter().take(5) {
                println!("  {:>5.1}  {}", a.severity, a.summary);
            }
        }
        Some(w) => println!("\nNo alerts ({} dyads watched).", w.dyads),
        None => {}
    }
    drop(store);
    if args.no_serve {
        println!(
            "\nNext: `vigil serve --db {0}` for the dashboard, `vigil events --db {0}` to query, `vigil ingest PATH` for your own news.",
            args.db
        );
        return Ok(ExitCode::SUCCESS);
    }
    let server = match crate::serve::bind(&args.db, args.addr, None, 4, &args.dicts) {
        Ok(s) => s,
        // The port is taken (another demo?): any free one will do.
        Err(_) => {
            let any = std::net::SocketAddr::new(args.addr.ip(), 0);
            crate::serve::bind(&args.db, any, None, 4, &args.dicts)?
        }
    };
    let addr = server.local_addr()?;
    println!("\nDashboard: http://{addr}/   (API: http://{addr}/api/openapi.json; Ctrl-C stops)");
    server.run()?;
    Ok(ExitCode::SUCCESS)
}

/// The busiest dyads (between countries or organisations) over all stored events: name,
/// events, conflict events.
fn top_dyads(store: &mut dyn vigil_store::Store, n: usize) -> Result<Vec<(String, u64, u64)>> {
    let mut by: std::collections::HashMap<String, (u64, u64)> = std::collections::HashMap::new();
    for d in store.daily()? {
        let (s, t) = (
            vigil_model::dyad_side(&d.source),
            vigil_model::dyad_side(&d.target),
        );
        if s == t {
            continue;
        }
        let e = by.entry(format!("{s}→{t}")).or_default();
        e.0 += d.events;
        if d.quad >= 3 {
            e.1 += d.events;
        }
    }
    let mut list: Vec<(String, u64, u64)> = by.into_iter().map(|(k, (a, b))| (k, a, b)).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list.truncate(n);
    Ok(list)
}
