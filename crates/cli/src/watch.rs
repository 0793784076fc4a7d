//! `vigil watch`: test every dyad's recent conflict events against its own baseline
//! (`vigil-watch`), store the alerts, and print them most severe first.

use crate::claims::ListFormat;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Args as ClapArgs;
use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use vigil_model::dyad_side;
use vigil_store::{Alert, Filter, Store};
use vigil_watch::Detector;

/// Arguments of `vigil watch`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Database: `sqlite:PATH` or `postgres://…`.
    #[arg(long, env = "VIGIL_DB", default_value = "sqlite:vigil.db")]
    pub db: String,
    /// Days in the window tested (it ends on the latest event date stored).
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u64).range(1..=90))]
    pub window: u64,
    /// Days of baseline before the window.
    #[arg(long, default_value_t = 90, value_parser = clap::value_parser!(u64).range(7..=3650))]
    pub baseline: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// The QuadClasses watched: verbal and material conflict.
const QUADS: [(u8, &str); 2] = [(3, "verbal conflict"), (4, "material conflict")];

/// One dyad's days: events and summed Goldstein scores by day.
type Series = BTreeMap<NaiveDate, (u64, f64)>;

/// What one run of the detector over a store found.
pub(crate) struct Watched {
    /// The last day of the window tested (the latest event date stored).
    pub last: NaiveDate,
    /// Dyads (and QuadClasses) tested.
    pub dyads: usize,
    /// The alerts raised, most severe first (also stored).
    pub alerts: Vec<Alert>,
}

/// Tests every dyad's window ending on the latest event date against its baseline and
/// stores the alerts; `None` when no event is stored.
pub(crate) fn watch(store: &mut dyn Store, detector: &Detector) -> Result<Option<Watched>> {
    let daily = store.daily()?;
    let Some(last) = daily.iter().map(|d| d.day).max() else {
        return Ok(None);
    };
    let first = daily.iter().map(|d| d.day).min().unwrap_or(last);
    let mut dyads: BTreeMap<(String, String, u8), Series> = BTreeMap::new();
    for d in daily.iter().filter(|d| QUADS.iter().any(|q| q.0 == d.quad)) {
        let key = (
            dyad_side(&d.source).to_string(),
            dyad_side(&d.target).to_string(),
            d.quad,
        );
        if key.0 == key.1 {
            continue;
        }
        let e = dyads.entry(key).or_default().entry(d.day).or_default();
        e.0 += d.events;
        e.1 += d.goldstein;
    }
    let days = (last - first).num_days() as usize + 1;
    let mut alerts = Vec::new();
    for ((source, target, quad), series) in &dyads {
        let mut counts = vec![0u64; days];
        for (day, (n, _)) in series {
            counts[(*day - first).num_days() as usize] = *n;
        }
        let Some(signal) = detector.test(&counts, days - 1) else {
            continue;
        };
        if !signal.alert {
            continue;
        }
        let start = last - chrono::Duration::days(detector.window_days as i64 - 1);
        let base_start = start - chrono::Duration::days(detector.baseline_days as i64);
        let mean = |from: NaiveDate, to: NaiveDate| {
            let (n, g) = series
                .range(from..=to)
                .fold((0u64, 0.0), |(n, g), (_, (a, b))| (n + a, g + b));
            (n > 0).then(|| g / n as f64)
        };
        let goldstein_window = mean(start, last);
        let goldstein_baseline = mean(base_start, start.pred_opt().unwrap_or(start));
        let evidence: Vec<i64> = store
            .events(&Filter {
                source: Some(source.clone()),
                target: Some(target.clone()),
                quad: Some(*quad),
                since: Some(start),
                until: Some(last),
                limit: Some(100),
                ..Filter::default()
            })?
            .into_iter()
            .map(|e| e.event_id)
            .collect();
        let name = QUADS.iter().find(|q| q.0 == *quad).map_or("", |q| q.1);
        let tone = match (goldstein_window, goldstein_baseline) {
            (Some(w), Some(b)) => format!("; Goldstein mean {w:.1} vs {b:.1}"),
            (Some(w), None) => format!("; Goldstein mean {w:.1}, none before"),
            _ => String::new(),
        };
        alerts.push(Alert {
            id: format!("{source}>{target}/{quad}/{last}"),
            dyad: format!("{source}>{target}"),
            quad: *quad,
            window: format!("{start}/{last}"),
            observed: signal.observed,
            expected: signal.expected,
            ratio: signal.ratio,
            severity: signal.severity(),
            goldstein_window,
            goldstein_baseline,
            evidence,
            summary: format!(
                "{source}→{target} {name} {:.1}× baseline in the {} days to {last} ({} events, {:.1} expected){tone}",
                signal.ratio, detector.window_days, signal.observed, signal.expected
            ),
        });
    }
    store.write_alerts(&last.to_string(), &alerts)?;
    let mut shown = store.alerts()?;
    shown.retain(|a| a.window.ends_with(&last.to_string()));
    Ok(Some(Watched {
        last,
        dyads: dyads.len(),
        alerts: shown,
    }))
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let mut store =
        vigil_store::open(&args.db).with_context(|| format!("cannot open database {}", args.db))?;
    let detector = Detector {
        window_days: args.window as usize,
        baseline_days: args.baseline as usize,
        ..Detector::default()
    };
    let Some(Watched {
        last,
        dyads,
        alerts: shown,
    }) = watch(store.as_mut(), &detector)?
    else {
        println!("no events stored in {}", args.db);
        return Ok(ExitCode::SUCCESS);
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for a in &shown {
        match args.format {
            ListFormat::Jsonl => {
                serde_json::to_writer(&mut out, a)?;
                writeln!(out)?;
            }
            ListFormat::Table => writeln!(out, "{:>6.1}  {}", a.severity, a.summary)?,
        }
    }
    if args.format == ListFormat::Table && shown.is_empty() {
        writeln!(
            out,
            "no alerts: {dyads} dyads watched, window ending {last}"
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
