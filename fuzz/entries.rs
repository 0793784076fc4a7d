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
    for e in coder.code_article(std::slice::from_ref(&a)) {
        // Provenance spans point into the text.
        let span = e.provenance.verb_span;
        assert!(a.text.get(span.start as usize..span.end as usize).is_some());
    }
}
