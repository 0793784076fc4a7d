//! What each fuzz target does with its input, shared by the fuzz targets (`fuzz_targets/`)
//! and the corpus replay test (`crates/cli/tests/fuzz_corpus.rs`). Every function must
//! return normally on any input: a panic is a bug.

#![allow(dead_code)]

use std::sync::OnceLock;
use vigil_ingest::{Item, Options, read_bytes};

/// A fuzz target's entry point.
pub type Entry = fn(&[u8]);

/// The fuzz targets, by name (the folder of each corpus under `fuzz/corpus/`).
pub const TARGETS: &[(&str, Entry)] = &[
    ("ingest_jsonl", ingest_jsonl),
    ("ingest_text", ingest_text),
    ("ingest_html", ingest_html),
    ("ingest_feed", ingest_feed),
    ("ingest_warc", ingest_warc),
    ("ingest_gzip", ingest_gzip),
    ("dict_verbs", dict_verbs),
    ("dict_actors", dict_actors),
    ("coder_text", coder_text),
    ("extract_text", extract_text),
];

fn read_as(name: &str, data: &[u8]) {
    let opts = Options {
        date: chrono::NaiveDate::from_ymd_opt(2021, 12, 4),
        ..Options::default()
    };
    let mut n = 0usize;
    let _ = read_bytes(name, data, &opts, &mut |item| {
        if let Item::Record(a) = item {
            // Records must be well formed: the text is valid (it is a String) and the id
            // is not empty.
            assert!(!a.id.is_empty(), "a record without id");
        }
        n += 1;
    });
}

/// JSON Lines.
pub fn ingest_jsonl(data: &[u8]) {
    read_as("fuzz.jsonl", data);
}

/// Plain text.
pub fn ingest_text(data: &[u8]) {
    read_as("fuzz.txt", data);
}

/// HTML pages.
pub fn ingest_html(data: &[u8]) {
    read_as("fuzz.html", data);
}

/// RSS and Atom feeds.
pub fn ingest_feed(data: &[u8]) {
    read_as("fuzz.rss", data);
}

/// WARC archives.
pub fn ingest_warc(data: &[u8]) {
    read_as("fuzz.warc", data);
}

/// Gzip-compressed JSON Lines (the fuzzer mutates the compressed bytes).
pub fn ingest_gzip(data: &[u8]) {
    read_as("fuzz.jsonl.gz", data);
}

fn small(name: &str, text: &str) -> Vec<vigil_dict::DictFile> {
    vec![vigil_dict::DictFile {
        name: name.into(),
        text: text.into(),
    }]
}

fn load(verbs: &str, actors: &str) {
    let _ = vigil_dict::DictSet::load(
        &small("verbs.txt", verbs),
        &small("actors.txt", actors),
        &small("agents.txt", "PRESIDENT [~GOV]\n"),
        &small("discards.txt", "FOOTBALL\n"),
        vigil_dict::LoadOptions { strict: false },
    );
}

/// A verb dictionary (PETRARCH2 or TABARI layout).
pub fn dict_verbs(data: &[u8]) {
    load(&String::from_utf8_lossy(data), "NORLAND_ [NOR]\n");
}

/// An actor dictionary.
pub fn dict_actors(data: &[u8]) {
    load(
        "---  ATTACK   [190]  ---\nATTACK\n",
        &String::from_utf8_lossy(data),
    );
}

/// Any text through the whole coder with the shipped dictionaries.
pub fn coder_text(data: &[u8]) {
    static CODER: OnceLock<vigil_coder::Coder> = OnceLock::new();
    let coder = CODER.get_or_init(|| {
        let dicts = vigil_dict::DictSet::default_set(vigil_dict::LoadOptions { strict: false })
            .expect("the shipped dictionaries load");
        vigil_coder::Coder::new(
            std::sync::Arc::new(dicts),
            vigil_coder::CoderConfig::default(),
        )
    });
    let text = String::from_utf8_lossy(data).into_owned();
    let date = chrono::NaiveDate::from_ymd_opt(2021, 12, 4).expect("a valid date");
    let a = vigil_model::Article::new("fuzz", date, text);
    let inside =
        |span: vigil_model::Span| a.text.get(span.start as usize..span.end as usize).is_some();
    for r in coder.code_records(std::slice::from_ref(&a)) {
        // Every span points into the text.
        for e in &r.events {
            assert!(inside(e.provenance.verb_span));
        }
        for c in &r.claims {
            assert!(inside(c.span));
        }
        for (_, p) in &r.places {
            assert!(inside(p.span));
        }
        for (_, t) in &r.times {
            assert!(inside(t.span));
        }
    }
}

/// Any text through the time, quantity and place finders, published on a date the first
/// two bytes choose (among them the first and last days chrono can represent).
pub fn extract_text(data: &[u8]) {
    let (head, rest) = data.split_at(data.len().min(2));
    let days = head.iter().fold(0i64, |n, &b| n * 256 + i64::from(b));
    let date = match days % 4 {
        0 => chrono::NaiveDate::MIN,
        1 => chrono::NaiveDate::MAX,
        _ => {
            chrono::NaiveDate::from_ymd_opt(1900, 1, 1).expect("a valid date")
                + chrono::Duration::days(days * 3)
        }
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let span = vigil_model::Span::new(0, text.len());
    let tokens = vigil_text::tokenize(&text, span);
    let inside = |s: vigil_model::Span| text.get(s.start as usize..s.end as usize).is_some();
    for t in vigil_extract::time::find(&text, &tokens, date) {
        assert!(inside(t.span));
        if let Some(r) = t.resolved {
            assert!(r.first_day() <= r.last_day(), "{r} runs backwards");
        }
    }
    for q in vigil_extract::quantity::find(&text, &tokens) {
        assert!(inside(q.span));
    }
    let gaz = vigil_extract::places::Gazetteer::embedded();
    let mut ctx = vigil_extract::places::GeoContext::default();
    let found = gaz.scan(&text, &tokens, &[]);
    for m in &found {
        gaz.observe(m, &mut ctx);
    }
    for m in &found {
        if let Some(p) = gaz.resolve(m, &ctx) {
            assert!(inside(p.span));
        }
    }
}
