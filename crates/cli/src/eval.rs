//! `vigil eval`: score the coder on a gold JSONL file (as the reference scorer does) or on
//! the PETRARCH validation suite (from raw text, honouring the suite's dictionaries, dates
//! and settings). With `--misses`, it also lists every event the coder missed or coded
//! wrongly, with the stage that lost it.

use crate::dicts::DictArgs;
use anyhow::{Context, Result, bail};
use clap::Args as ClapArgs;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use vigil_coder::{Coder, CoderConfig, Profile};
use vigil_dict::{DictFile, DictSet, LoadOptions};
use vigil_eval::gold::{self, PredEvent};
use vigil_eval::suite::{self, Expected, Triple};
use vigil_ingest as input;
use vigil_model::Article;

/// Arguments of `vigil eval`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// A gold file (JSONL segments with `events`), or with `--petrarch` the suite's XML.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// FILE is the PETRARCH validation suite (`PETR.UnitTest.records.xml`).
    #[arg(long)]
    pub petrarch: bool,
    /// Print the scores as JSON (the reference scorer's keys; for the suite, the last line).
    #[arg(long)]
    pub json: bool,
    /// Fail (exit 1) when a score is below a floor: `--min triple=0.7` (repeatable; root,
    /// code, triple, claims, claimants, times, places, location).
    #[arg(long = "min", value_name = "LEVEL=F1")]
    pub min: Vec<String>,
    /// Score only the gold records whose `split` is NAME (`train`, `test`); splits are by
    /// article, so only these are coded.
    #[arg(long, value_name = "NAME")]
    pub split: Option<String>,
    /// List every missed gold event and every false event (lines starting `MISS` and
    /// `FALSE`) with the stage of the coder that lost it, then the counts per stage.
    #[arg(long)]
    pub misses: bool,
    /// With `--petrarch`: fail (exit 1) when fewer records than this are fully correct.
    #[arg(long, value_name = "N")]
    pub min_correct: Option<usize>,
    /// With `--petrarch`: do not list the failing records.
    #[arg(long)]
    pub quiet: bool,
    /// Write the coder's events for the gold file to this JSONL file.
    #[arg(long, value_name = "FILE")]
    pub events: Option<PathBuf>,
    #[command(flatten)]
    pub dicts: DictArgs,
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    if args.petrarch && (args.split.is_some() || args.misses) {
        bail!("--split and --misses are for gold files, not --petrarch");
    }
    if args.petrarch {
        run_suite(&args)
    } else {
        run_gold(&args)
    }
}

fn run_gold(args: &Args) -> Result<ExitCode> {
    let name = args.file.display().to_string();
    let text =
        std::fs::read_to_string(&args.file).with_context(|| format!("cannot read {name}"))?;
    let mut gold = gold::read_gold(&text, &name)?;
    if let Some(split) = &args.split {
        let cut;
        (gold, cut) = gold::select_split(gold, split);
        if gold.is_empty() {
            bail!("{name}: no record has \"split\": \"{split}\"");
        }
        for a in cut {
            eprintln!(
                "vigil: warning: article {a} has records outside the split {split}; \
                 they are not coded with it"
            );
        }
    }
    // Floors on claims, times, places and event locations are checked here; the rest by
    // the event scorer, as the reference scorer checks them.
    let (fact_mins, event_mins): (Vec<&String>, Vec<&String>) = args.min.iter().partition(|m| {
        ["claims=", "times=", "places=", "claimants=", "location="]
            .iter()
            .any(|p| m.starts_with(p))
    });
    let mins = event_mins
        .iter()
        .map(|m| gold::parse_threshold(m).map(|(l, v)| (l.name().to_string(), v)))
        .collect::<Result<Vec<_>, _>>()?;
    let fact_mins = fact_mins
        .iter()
        .map(|m| {
            let (k, v) = m.split_once('=').expect("partitioned on '='");
            v.parse::<f64>()
                .map(|v| (k.to_string(), v))
                .map_err(|_| anyhow::anyhow!("--min {m}: `{v}` is not a number"))
        })
        .collect::<Result<Vec<_>>>()?;
    let mut records = Vec::new();
    for g in &gold {
        let Some(date) = g.date else {
            bail!("{name}:{}: record {} has no date", g.line, g.id)
        };
        let mut a = Article::new(g.id.clone(), date, g.text.clone());
        a.article = g.article.clone();
        records.push(a);
    }
    let dicts = args.dicts.load()?;
    let coder = Coder::new(dicts.clone(), CoderConfig::default());
    let articles = input::group_articles(records);
    let coded: Vec<(String, vigil_coder::Coded)> = articles
        .par_iter()
        .flat_map_iter(|a| {
            a.iter()
                .map(|r| r.id.clone())
                .zip(coder.code_records(a))
                .collect::<Vec<_>>()
        })
        .collect();
    let events: Vec<_> = coded.iter().flat_map(|(_, c)| c.events.clone()).collect();
    let claims: Vec<vigil_model::Claim> =
        coded.iter().flat_map(|(_, c)| c.claims.clone()).collect();
    let found: std::collections::HashMap<String, gold::SegmentFacts> = coded
        .into_iter()
        .map(|(id, c)| {
            let facts = gold::SegmentFacts {
                claims: c.claims,
                times: c.times.into_iter().map(|(_, t)| t).collect(),
                places: c.places.into_iter().map(|(_, p)| p).collect(),
            };
            (id, facts)
        })
        .collect();
    let facts = gold::score_facts(&gold, &found);
    let conflicts = vigil_extract::conflict::find(&claims);
    if let Some(path) = &args.events {
        let mut out = String::new();
        for e in &events {
            out.push_str(&serde_json::to_string(e)?);
            out.push('\n');
        }
        std::fs::write(path, out).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let preds: Vec<PredEvent> = events.iter().map(PredEvent::from).collect();
    let scores = gold::score_events(&gold, &preds);
    let stages = if args.misses {
        let findings = find_misses(&gold, &preds, &dicts, &articles);
        for f in &findings {
            println!("{}", f.line());
        }
        let counts = gold::stage_counts(&findings);
        print_stage_counts(&counts, &scores.triple);
        Some(counts)
    } else {
        None
    };
    let conflict_ids: Vec<(String, String)> = conflicts
        .iter()
        .map(|k| (claims[k.low].id.clone(), claims[k.high].id.clone()))
        .collect();
    let claimant_share = if facts.claims.tp > 0 {
        facts.claimants_right as f64 / facts.claims.tp as f64
    } else {
        0.0
    };
    if args.json {
        let mut v = serde_json::to_value(&scores)?;
        if let serde_json::Value::Object(m) = &mut v {
            m.insert("claims".into(), serde_json::to_value(&facts.claims)?);
            m.insert("claimants_right".into(), facts.claimants_right.into());
            m.insert("times".into(), serde_json::to_value(&facts.times)?);
            m.insert("places".into(), serde_json::to_value(&facts.places)?);
            m.insert("conflicts".into(), serde_json::to_value(&conflict_ids)?);
            if let Some(counts) = &stages {
                let counts: serde_json::Map<String, serde_json::Value> = counts
                    .iter()
                    .map(|(stage, n)| (stage.to_string(), (*n).into()))
                    .collect();
                m.insert("misses".into(), counts.into());
            }
        }
        println!("{}", serde_json::to_string(&v)?);
    } else {
        for (level, s) in [
            ("root", &scores.root),
            ("code", &scores.code),
            ("triple", &scores.triple),
        ] {
            print_level(level, s, "coded");
        }
        println!(
            "false alarms: {:.3} of {} sentences with no gold event; {} sentences in all",
            scores.false_alarm_rate, scores.no_event_sentences, scores.sentences
        );
        if let Some(loc) = &scores.event_location {
            println!(
                "event location: {:.3} ({} of {} predicted events in sentences with a gold country)",
                loc.share, loc.right, loc.events
            );
        }
        for (what, s) in [
            ("claims", &facts.claims),
            ("times", &facts.times),
            ("places", &facts.places),
        ] {
            print_level(what, s, "found");
        }
        println!(
            "claimants right: {} of {} matched claims",
            facts.claimants_right, facts.claims.tp
        );
        for (a, b) in &conflict_ids {
            println!("conflict: {a} vs {b}");
        }
    }
    let mut facts_ok = true;
    for (k, floor) in &fact_mins {
        let got = match k.as_str() {
            "claims" => facts.claims.f1,
            "times" => facts.times.f1,
            "places" => facts.places.f1,
            "location" => match &scores.event_location {
                Some(loc) => loc.share,
                None => {
                    eprintln!("vigil: location: no record of {name} has an action_country");
                    facts_ok = false;
                    continue;
                }
            },
            _ => claimant_share,
        };
        if got < *floor {
            eprintln!("vigil: {k} {got:.3} is below the floor {floor}");
            facts_ok = false;
        }
    }
    // Name each missed event floor too: the summary line's `short` says only that one was
    // missed, and scripts/test counts the floors missed from these lines. A repeated level
    // is held to its last floor, as the scorer holds it.
    for (i, (level, floor)) in mins.iter().enumerate() {
        let last = !mins[i + 1..].iter().any(|(l, _)| l == level);
        let Ok(l) = level.parse::<gold::Level>() else {
            continue;
        };
        let got = scores.level(l).f1;
        if last && got < *floor {
            eprintln!("vigil: {level} {got:.3} is below the floor {floor}");
        }
    }
    println!("{}", scores.summary_line(&mins));
    Ok(if scores.check_min(&mins) && facts_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Codes the gold articles again with the coder's diagnostic settings (events without a
/// party allowed; filtered acts kept) and lists the misses and false events of `preds`
/// with the stage that lost each.
fn find_misses(
    gold: &[gold::GoldRecord],
    preds: &[PredEvent],
    dicts: &Arc<DictSet>,
    articles: &[Vec<Article>],
) -> Vec<gold::Finding> {
    let run = |config: CoderConfig| -> Vec<vigil_model::Event> {
        let coder = Coder::new(dicts.clone(), config);
        articles
            .par_iter()
            .flat_map_iter(|a| coder.code_article(a))
            .collect()
    };
    let bare = CoderConfig {
        annotate: false,
        ..CoderConfig::default()
    };
    let without_dyad = run(CoderConfig {
        require_dyad: false,
        ..bare.clone()
    });
    let kept = run(CoderConfig {
        keep_filtered: true,
        ..bare
    });
    let coder = Coder::new(dicts.clone(), CoderConfig::default());
    let mut diagnostics: HashMap<String, gold::Diagnostics> = gold
        .iter()
        .map(|g| {
            let d = gold::Diagnostics {
                event_word: coder.has_event_word(&g.text),
                ..Default::default()
            };
            (g.id.clone(), d)
        })
        .collect();
    for e in &without_dyad {
        if let Some(d) = diagnostics.get_mut(&e.id) {
            d.without_dyad.push(PredEvent::from(e));
        }
    }
    for e in &kept {
        // The first filter named is the one that dropped it (a discard before all else).
        let why = e
            .provenance
            .rules
            .iter()
            .find_map(|r| r.strip_prefix(vigil_coder::FILTERED));
        if let (Some(d), Some(why)) = (diagnostics.get_mut(&e.id), why) {
            d.filtered.push((PredEvent::from(e), why.to_string()));
        }
    }
    gold::find_misses(gold, preds, &diagnostics)
}

/// The counts per stage, misses first, then false events.
fn print_stage_counts(counts: &BTreeMap<gold::Stage, usize>, triple: &gold::LevelScore) {
    for (false_events, title, of) in [
        (false, "missed gold events", triple.gold),
        (true, "false events", triple.pred),
    ] {
        let rows: Vec<_> = counts
            .iter()
            .filter(|(s, _)| s.is_false() == false_events)
            .collect();
        let total: usize = rows.iter().map(|(_, n)| **n).sum();
        println!("{title} by stage: {total} of {of}");
        for (stage, n) in rows {
            println!(
                "  {:<30} {n:>5}  {:.3}",
                stage.to_string(),
                *n as f64 / total.max(1) as f64
            );
        }
    }
}

/// One line of scores: precision, recall, F1 and the counts behind them.
fn print_level(name: &str, s: &gold::LevelScore, predicted: &str) {
    println!(
        "{name:<7} P {:.3}  R {:.3}  F1 {:.3}   ({} matched, {} {predicted}, {} gold)",
        s.p, s.r, s.f1, s.tp, s.pred, s.gold
    );
}

fn dict_file(dir: &Path, name: &Option<String>, what: &str) -> Result<Vec<DictFile>> {
    let Some(name) = name else {
        bail!("the suite's <Environment> names no {what} file")
    };
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the suite's {what} file {}", path.display()))?;
    Ok(vec![DictFile {
        name: name.clone(),
        text,
    }])
}

fn suite_dicts(xml: &Path, env: &suite::Environment, strict: bool) -> Result<Arc<DictSet>> {
    let dir = xml.parent().unwrap_or(Path::new("."));
    let set = DictSet::load(
        &dict_file(dir, &env.verbfile, "verb")?,
        &dict_file(dir, &env.actorfile, "actor")?,
        &dict_file(dir, &env.agentfile, "agent")?,
        &dict_file(dir, &env.discardfile, "discard")?,
        LoadOptions { strict },
    )?;
    for w in &set.warnings {
        eprintln!("vigil: warning: {w} (entry skipped)");
    }
    Ok(Arc::new(set))
}

fn run_suite(args: &Args) -> Result<ExitCode> {
    let name = args.file.display().to_string();
    let xml = std::fs::read_to_string(&args.file).with_context(|| format!("cannot read {name}"))?;
    let suite = suite::read_suite(&xml, &name)?;
    let dicts = suite_dicts(&args.file, &suite.environment, args.dicts.strict)?;
    let coded: Vec<Vec<Triple>> = suite
        .records
        .par_iter()
        .map(|r| {
            let config = CoderConfig {
                require_dyad: r.config.require_dyad,
                profile: Profile::Literal,
                annotate: false,
                keep_filtered: false,
                facts: false,
            };
            let coder = Coder::new(dicts.clone(), config);
            let a = Article::new(r.id.clone(), r.date, r.text.clone());
            let dash = |s: &str| {
                if s.is_empty() {
                    "---".to_string()
                } else {
                    s.to_string()
                }
            };
            coder
                .code_article(std::slice::from_ref(&a))
                .into_iter()
                .map(|e| (dash(&e.source), dash(&e.target), e.code))
                .collect()
        })
        .collect();
    let report = suite::score_suite(&suite, &coded);
    if !args.quiet && !args.json {
        for f in &report.failures {
            let expected = match &f.expected {
                Expected::Events(t) => fmt_triples(t),
                Expected::NoEvents => "no events".into(),
                Expected::Error(e) => format!("error {e}"),
            };
            println!(
                "FAIL {} ({}, line {}): {}",
                f.id, f.category, f.line, f.text
            );
            println!("     expected {expected}");
            println!(
                "     got      {}",
                if f.got.is_empty() {
                    "no events".into()
                } else {
                    fmt_triples(&f.got)
                }
            );
        }
    }
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
        println!(
            "{}",
            serde_json::json!({"correct": report.correct, "total": report.total, "excluded": report.excluded})
        );
    } else {
        println!("by category:");
        for (cat, (c, t)) in &report.by_category {
            println!("  {cat:<10} {c:>3} / {t:<3}");
        }
        println!(
            "PETRARCH validation suite: {} of {} records fully correct ({:.1}%), {} error records excluded",
            report.correct,
            report.total,
            100.0 * report.correct as f64 / report.total.max(1) as f64,
            report.excluded
        );
    }
    let ok = args.min_correct.is_none_or(|n| report.correct >= n);
    if !ok {
        eprintln!(
            "vigil: fewer than {} records correct",
            args.min_correct.unwrap_or(0)
        );
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn fmt_triples(t: &[Triple]) -> String {
    t.iter()
        .map(|(s, g, c)| format!("{s} {c} {g}"))
        .collect::<Vec<_>>()
        .join("; ")
}
