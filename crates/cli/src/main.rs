//! `vigil`: code news text into CAMEO events, score the coder, measure its speed.

mod bench;
mod claims;
mod code;
mod demo;
mod dicts;
mod eval;
mod events;
mod ingest;
mod output;
mod serve;
mod synth;
mod watch;

use clap::{Parser, Subcommand};

// Coding allocates many small strings per sentence; mimalloc serves them much faster than
// the system allocator, and without contention between threads.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;

/// Vigil: who did what to whom, when, where, according to whom.
#[derive(Parser)]
#[command(name = "vigil", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles into CAMEO events (JSON Lines or TSV on stdout).
    Code(code::Args),
    /// Score the coder on a gold file or on the PETRARCH validation suite.
    Eval(eval::Args),
    /// Measure coding speed and memory on a fixed corpus of real sentences.
    Bench(bench::Args),
    /// Code the bundled sample article and print its events.
    Demo(demo::Args),
    /// Read inputs (text, JSONL, HTML, feeds, WARC; folders; gzip), code what is new or
    /// changed, and store it in SQLite or PostgreSQL.
    Ingest(ingest::Args),
    /// Query stored events.
    Events(events::Args),
    /// Export all stored events (JSONL, CSV, GDELT 2.0, Parquet).
    Export(events::ExportArgs),
    /// List stored quantity claims, or with --conflicts the claims that contradict each
    /// other.
    Claims(claims::Args),
    /// List the places stored articles name, most named first.
    Places(claims::PlacesArgs),
    /// Test every dyad's recent conflict events against its own baseline, store the
    /// alerts and print them, most severe first.
    Watch(watch::Args),
    /// Serve the HTTP API (under /api/) and the dashboard (at /).
    Serve(serve::Args),
    /// Generate a synthetic news corpus (JSON Lines, labelled synthetic) spanning months,
    /// with a scripted escalation between two countries.
    Synth(synth::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(a) => code::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Demo(a) => demo::run(a),
        Command::Ingest(a) => ingest::run(a),
        Command::Events(a) => events::run(a),
        Command::Export(a) => events::export(a),
        Command::Claims(a) => claims::run(a),
        Command::Places(a) => claims::places(a),
        Command::Watch(a) => watch::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Synth(a) => synth::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("vigil: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
