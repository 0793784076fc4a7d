//! Loads a dictionary set and prints what was read, the warnings and the load time.
//!
//! `cargo run --release -p vigil-dict --example dict_stats [DIR]`: the built-in set, or
//! the production file names read from DIR. The first load of a process (the one a
//! program start pays, with fresh memory) is timed apart from the mean of later loads.
//! `--once` only times the first load of the built-in set (for profilers).

use std::time::Instant;
use vigil_dict::{DictSet, DictSources, LoadOptions, LoadStats};

fn main() {
    let once = std::env::args().any(|a| a == "--once");
    let dir = std::env::args().skip(1).find(|a| a != "--once");
    let opts = LoadOptions::default();
    let load = || -> (DictSet, LoadStats) {
        let result = match &dir {
            Some(dir) => DictSources::from_dir(std::path::Path::new(dir)).and_then(|s| {
                DictSet::load_with_stats(&s.verbs, &s.actors, &s.agents, &s.discards, opts)
            }),
            None => {
                let s = DictSources::embedded();
                DictSet::load_with_stats(&s.verbs, &s.actors, &s.agents, &s.discards, opts)
            }
        };
        result.unwrap_or_else(|e| panic!("{e}"))
    };
    let start = Instant::now();
    let cold = DictSet::default_set(opts).unwrap_or_else(|e| panic!("{e}"));
    let cold_time = start.elapsed();
    std::hint::black_box(&cold);
    if once {
        println!(
            "built-in set, first load: {:.1} ms",
            cold_time.as_secs_f64() * 1e3
        );
        std::mem::forget(cold);
        return;
    }

    let (set, stats) = load();
    let runs = 5;
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(load());
    }
    let warm_time = start.elapsed() / runs;

    for f in &stats.files {
        println!("{} ({:?})", f.name, f.kind);
        for (k, v) in &f.counts {
            println!("    {k:<20} {v}");
        }
    }
    let patterns: usize = set.verbs.blocks.iter().map(|b| b.patterns.len()).sum();
    println!(
        "words {}  actor entries {}  agent entries {}  verb blocks {}  patterns {}  verb forms {}  synsets {}  discards {}",
        set.lexicon.len(),
        set.actors.entries.len(),
        set.agents.entries.len(),
        set.verbs.blocks.len(),
        patterns,
        set.verbs.forms.len(),
        set.verbs.synsets.len(),
        set.discards.entries.len()
    );
    for w in &set.warnings {
        println!("warning: {w}");
    }
    println!("{} warnings", set.warnings.len());
    println!(
        "built-in set, first load in this process: {:.1} ms; later loads{}: {:.1} ms (mean of {runs})",
        cold_time.as_secs_f64() * 1e3,
        if dir.is_some() {
            " (from DIR, with file reading)"
        } else {
            ""
        },
        warm_time.as_secs_f64() * 1e3
    );
    // Dropping ~50 MB of small allocations takes a while and says nothing about loading.
    std::mem::forget(cold);
    std::mem::forget(set);
}
