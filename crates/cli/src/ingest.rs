//! `vigil ingest`: read inputs of every shape, code what is new or changed, store it.
//!
//! Three stages run at once: a reader thread streams records from the inputs, the main
//! thread groups them into articles and codes each batch on all cores, and a writer thread
//! stores the previous batch in one transaction. A record whose content hash is already
//! stored under its id is not coded again, so re-running an unchanged input only reads it.

use crate::code::{ProfileArg, parse_date_arg};
use crate::dicts::DictArgs;
use anyhow::{Context, Result};
use clap::Args as ClapArgs;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::Instant;
use vigil_coder::{Coder, CoderConfig, Profile};
use vigil_ingest::{self as input, BadRecord, Item};
use vigil_model::Article;
use vigil_store::{CodedRecord, Store, content_hash};

/// Arguments of `vigil ingest`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Inputs: files (.txt, .jsonl, .html, .rss/.atom, .warc, each optionally .gz),
    /// folders (read recursively), or `-` for JSON Lines on stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Database: `sqlite:PATH` (default `sqlite:vigil.db`) or `postgres://…`.
    #[arg(long, env = "VIGIL_DB", default_value = "sqlite:vigil.db")]
    pub db: String,
    /// Publication date of inputs that carry none (plain text), YYYY-MM-DD.
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<chrono::NaiveDate>,
    /// Fetch each feed item's linked page instead of using the feed's own text.
    #[arg(long)]
    pub follow: bool,
    /// Records per transaction.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch: u64,
    /// Coding conventions (see `vigil code --help`).
    #[arg(long, value_enum, default_value_t = ProfileArg::Cameo)]
    pub profile: ProfileArg,
    /// Code every record again, even when its text is stored unchanged (after upgrading
    /// Vigil or changing dictionaries: records stored before claims, places and times
    /// were found get them this way).
    #[arg(long)]
    pub recode: bool,
    #[command(flatten)]
    pub dicts: DictArgs,
}

/// What the reader thread sends.
enum Msg {
    Item(Item),
}

/// Running totals for the summary.
#[derive(Default)]
pub(crate) struct Tally {
    pub(crate) new: u64,
    pub(crate) changed: u64,
    pub(crate) unchanged: u64,
    pub(crate) sentences: u64,
    pub(crate) events: u64,
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    let mut store =
        vigil_store::open(&args.db).with_context(|| format!("cannot open database {}", args.db))?;
    // A second connection answers "is this record stored?" while the writer writes.
    let mut lookup =
        vigil_store::open(&args.db).with_context(|| format!("cannot open database {}", args.db))?;
    let (files, mut bad) = input::expand(&args.paths);
    let total_bytes: u64 = files
        .iter()
        .filter(|f| *f != "-")
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let bytes_read = Arc::new(AtomicU64::new(0));
    let opts = input::Options {
        date: args.date,
        follow: args.follow,
        bytes_read: Some(bytes_read.clone()),
    };

    let (tx, rx) = sync_channel::<Msg>(4096);
    let reader = std::thread::spawn(move || read_all(files, opts, tx));
    let loading = std::thread::scope(|s| {
        let tagger = s.spawn(vigil_text::Tagger::embedded);
        let dicts = args.dicts.load();
        tagger.join().expect("tagger loading does not panic");
        dicts
    })?;
    let coder = Coder::new(
        loading,
        CoderConfig {
            require_dyad: true,
            profile: match args.profile {
                ProfileArg::Cameo => Profile::Cameo,
                ProfileArg::Literal => Profile::Literal,
            },
            annotate: true,
            keep_filtered: false,
            facts: true,
        },
    );

    let bar = progress_bar(total_bytes);
    let (wtx, wrx) = sync_channel::<Vec<CodedRecord>>(1);
    let writer = std::thread::Builder::new()
        .name("vigil-writer".into())
        .spawn(move || -> Result<Box<dyn Store>> {
            for batch in wrx {
                store
                    .write(&batch)
                    .context("cannot write to the database")?;
            }
            Ok(store)
        })
        .context("cannot start the writer thread")?;

    let mut tally = Tally::default();
    let mut groups = Groups::default();
    let mut write_failed = false;
    loop {
        let (batch, done) = groups.next_batch(&rx, args.batch as usize, &mut bad);
        if !batch.is_empty() {
            let coded = code_batch(&coder, lookup.as_mut(), batch, args.recode, &mut tally)?;
            if !coded.is_empty() && wtx.send(coded).is_err() {
                // The writer stopped on an error: it says which below.
                write_failed = true;
                break;
            }
        }
        if let Some(b) = &bar {
            b.set_position(bytes_read.load(Ordering::Relaxed));
            let done = tally.new + tally.changed + tally.unchanged;
            b.set_message(format!(
                "{done} articles, {:.0}/s",
                done as f64 / started.elapsed().as_secs_f64().max(1e-3)
            ));
        }
        if done {
            break;
        }
    }
    drop(wtx);
    let mut store = writer
        .join()
        .expect("the writer does not panic")
        .context("ingest stopped; everything committed before this is kept")?;
    if write_failed {
        anyhow::bail!("the database writer stopped");
    }
    reader.join().expect("the reader does not panic");
    store.prune().context("cannot prune superseded events")?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    for b in &bad {
        eprintln!("vigil: skipped {}: {}", b.place, b.message);
    }
    let secs = started.elapsed().as_secs_f64();
    let stored = tally.new + tally.changed;
    eprintln!(
        "ingest: {} articles new, {} changed, {} unchanged, {} failed; {} sentences, {} events coded; {:.1} s ({:.0} articles/s)",
        tally.new,
        tally.changed,
        tally.unchanged,
        bad.len(),
        tally.sentences,
        tally.events,
        secs,
        (stored + tally.unchanged) as f64 / secs.max(1e-3),
    );
    Ok(if bad.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// A progress bar on a terminal (by bytes of input read), nothing otherwise.
fn progress_bar(total: u64) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(total.max(1));
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {msg} (ETA {eta})")
            .expect("the template is valid"),
    );
    Some(bar)
}

/// The reader thread: every input in order, every record and bad record to `tx`.
fn read_all(files: Vec<String>, opts: input::Options, tx: SyncSender<Msg>) {
    for f in files {
        let r = input::read_input(&f, &opts, &mut |item| {
            // The receiver only goes away when ingest is stopping anyway.
            let _ = tx.send(Msg::Item(item));
        });
        if let Err(b) = r {
            let _ = tx.send(Msg::Item(Item::Bad(b)));
        }
    }
}

/// Groups consecutive records with the same `article` key, as `vigil code` does.
#[derive(Default)]
struct Groups {
    /// The group being filled (its last record may still be followed by more).
    open: Vec<Article>,
    finished: bool,
}

impl Groups {
    /// Receives records until about `size` are in complete groups, or the input ends.
    /// Returns the groups and whether the input has ended.
    fn next_batch(
        &mut self,
        rx: &Receiver<Msg>,
        size: usize,
        bad: &mut Vec<BadRecord>,
    ) -> (Vec<Vec<Article>>, bool) {
        let mut out: Vec<Vec<Article>> = Vec::new();
        let mut n = 0;
        while !self.finished && n < size {
            match rx.recv() {
                Ok(Msg::Item(Item::Record(a))) => {
                    let joins = matches!(
                        (self.open.last(), &a.article),
                        (Some(prev), Some(k)) if prev.article.as_ref() == Some(k)
                    );
                    if !joins && !self.open.is_empty() {
                        n += self.open.len();
                        out.push(std::mem::take(&mut self.open));
                    }
                    self.open.push(a);
                }
                Ok(Msg::Item(Item::Bad(b))) => bad.push(b),
                Ok(Msg::Item(Item::Note(n))) => {
                    eprintln!("vigil: note: {}: {}", n.place, n.message)
                }
                Err(_) => self.finished = true,
            }
        }
        if self.finished && !self.open.is_empty() {
            out.push(std::mem::take(&mut self.open));
        }
        (out, self.finished)
    }
}

/// Codes the records of one article (context carries across them) into what the store
/// writes; `hashes` are their content hashes, in order.
pub(crate) fn code_group(coder: &Coder, g: Vec<Article>, hashes: Vec<String>) -> Vec<CodedRecord> {
    let coded = coder.code_records(&g);
    g.into_iter()
        .zip(hashes)
        .zip(coded)
        .map(|((article, hash), c)| CodedRecord {
            sentences: vigil_text::split_sentences(&article.text),
            article,
            hash,
            events: c.events,
            claims: c.claims,
            places: c.places,
            times: c.times,
        })
        .collect()
}

/// Codes the groups of a batch that are new or changed (all of them with `recode`);
/// counts the rest as unchanged.
pub(crate) fn code_batch(
    coder: &Coder,
    lookup: &mut dyn Store,
    groups: Vec<Vec<Article>>,
    recode: bool,
    tally: &mut Tally,
) -> Result<Vec<CodedRecord>> {
    let ids: Vec<&str> = groups.iter().flatten().map(|a| a.id.as_str()).collect();
    let stored = lookup.hashes(&ids).context("cannot read the database")?;
    let mut todo = Vec::new();
    for g in groups {
        let hashes: Vec<String> = g.iter().map(content_hash).collect();
        let same = g
            .iter()
            .zip(&hashes)
            .all(|(a, h)| stored.get(&a.id) == Some(h));
        if same && !recode {
            tally.unchanged += g.len() as u64;
            continue;
        }
        for a in &g {
            if stored.contains_key(&a.id) {
                tally.changed += 1;
            } else {
                tally.new += 1;
            }
        }
        todo.push((g, hashes));
    }
    // An article's records are coded together (context carries across them).
    let coded: Vec<Vec<CodedRecord>> = todo
        .into_par_iter()
        .map(|(g, hashes)| code_group(coder, g, hashes))
        .collect();
    let coded: Vec<CodedRecord> = coded.into_iter().flatten().collect();
    for r in &coded {
        tally.sentences += r.sentences.len() as u64;
        tally.events += r.events.len() as u64;
    }
    Ok(coded)
}
