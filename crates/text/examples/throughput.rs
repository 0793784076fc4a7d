//! Measures the text stage, single-threaded: model load time, sentence splitting and
//! tokenisation in MB/s, tagging in tokens/s, and the whole `analyse` in sentences/s.
//!
//! ```text
//! cargo run --release -p vigil-text --example throughput [FILE...]
//! ```
//! Without files it uses the repository's seed article and validation records, repeated
//! to about 16 MB. Files ending in `.xml` contribute their `<Text>` elements.

use std::time::Instant;
use vigil_model::Token;
use vigil_text::{Tagger, analyse, split_sentences, tokenize};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn main() {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        files = [
            "data/eval/seed.txt",
            "data/validation/PETR.UnitTest.records.xml",
            "data/validation/GigaWord.sample.PETR.xml",
        ]
        .iter()
        .map(|f| format!("{ROOT}/{f}"))
        .collect();
    }
    let mut base = String::new();
    for path in &files {
        let content = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        if path.ends_with(".xml") {
            for t in content
                .split("<Text>")
                .skip(1)
                .filter_map(|t| t.split("</Text>").next())
            {
                base.push_str(t.trim());
                base.push_str("\n\n");
            }
        } else {
            base.push_str(&content);
            base.push_str("\n\n");
        }
    }
    let mut corpus = String::new();
    while corpus.len() < 16 << 20 {
        corpus.push_str(&base);
    }
    let mb = corpus.len() as f64 / 1e6;

    let gz = std::fs::read(format!("{ROOT}/data/tagger/tagger.json.gz")).expect("model file");
    let t0 = Instant::now();
    let loaded = Tagger::from_gzip_json(&gz).expect("model loads");
    let load = t0.elapsed();
    drop(loaded);
    let t0 = Instant::now();
    let tagger = Tagger::embedded();
    println!(
        "load: {:.1} ms (from_gzip_json), {:.1} ms (embedded, first call)",
        load.as_secs_f64() * 1e3,
        t0.elapsed().as_secs_f64() * 1e3
    );

    let t0 = Instant::now();
    let spans = split_sentences(&corpus);
    let split = t0.elapsed().as_secs_f64();
    println!(
        "split_sentences: {} sentences, {:.0} MB/s",
        spans.len(),
        mb / split
    );

    // Tokens are dropped sentence by sentence, as a coder does; keeping millions alive
    // would measure the allocator's page faults instead.
    let t0 = Instant::now();
    let mut n_tokens = 0;
    for &s in &spans {
        n_tokens += tokenize(&corpus, s).len();
    }
    let tok = t0.elapsed().as_secs_f64();
    println!(
        "tokenize: {n_tokens} tokens, {:.0} MB/s, {:.2} M tokens/s",
        mb / tok,
        n_tokens as f64 / tok / 1e6
    );

    // Tagging is measured on the base text's sentences, tokenized beforehand.
    let base_spans = split_sentences(&base);
    let mut sentences: Vec<Vec<Token>> = base_spans.iter().map(|&s| tokenize(&base, s)).collect();
    let rounds = corpus.len() / base.len();
    let n_words = rounds * sentences.iter().flatten().filter(|t| !t.is_punct()).count();
    let n_tokens = rounds * sentences.iter().map(Vec::len).sum::<usize>();

    let t0 = Instant::now();
    for _ in 0..rounds {
        for s in &mut sentences {
            tagger.tag(s);
        }
    }
    let tag = t0.elapsed().as_secs_f64();
    println!(
        "tag: {n_words} words, {:.2} M words/s ({:.2} M tokens/s incl. punctuation)",
        n_words as f64 / tag / 1e6,
        n_tokens as f64 / tag / 1e6
    );

    // `analyse` record by record (the base text's paragraphs), results dropped as used.
    let records: Vec<&str> = base
        .split("\n\n")
        .filter(|r| !r.trim().is_empty())
        .collect();
    let t0 = Instant::now();
    let mut n_sentences = 0;
    for _ in 0..rounds {
        for r in &records {
            n_sentences += analyse(r, Some(tagger)).len();
        }
    }
    let all = t0.elapsed().as_secs_f64();
    println!(
        "analyse: {n_sentences} sentences, {:.0} sentences/s, {:.1} MB/s",
        n_sentences as f64 / all,
        mb / all
    );
}
