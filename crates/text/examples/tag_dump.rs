//! Prints, for every sentence of the given files, its words (the non-punctuation tokens)
//! and their tags as one JSON line: `{"words": [...], "tags": [...]}`. Used to compare the
//! tagger with the reference Python implementation.
//!
//! Files ending in `.xml` contribute the contents of their `<Text>` elements; other files
//! are read as plain text.
//!
//! ```text
//! cargo run --release -p vigil-text --example tag_dump -- data/eval/seed.txt > tags.jsonl
//! ```
//!
//! To compare, run the reference (`perceptron.py` of denckring-en-pos) on each line's
//! `words` with the same model and count the positions where its labels differ from
//! `tags`:
//! ```text
//! raw = json.loads(gzip.decompress(open("data/tagger/tagger.json.gz", "rb").read()))
//! ref = Tagger(raw["weights"], raw["tagdict"], raw["classes"], frozenset(raw["vocabulary"]))
//! for line in open("tags.jsonl"):
//!     d = json.loads(line); mismatches += sum(a != b for a, b in zip(ref.tag(d["words"]), d["tags"]))
//! ```

use vigil_text::{Tagger, analyse};

fn main() {
    let tagger = Tagger::embedded();
    // `--pipeline`: print the tags as `analyse` sets them (headline handling included)
    // instead of the reference's.
    let pipeline = std::env::args().any(|a| a == "--pipeline");
    for path in std::env::args().skip(1).filter(|a| a != "--pipeline") {
        let content = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let texts: Vec<&str> = if path.ends_with(".xml") {
            content
                .split("<Text>")
                .skip(1)
                .filter_map(|t| t.split("</Text>").next())
                .collect()
        } else {
            vec![content.as_str()]
        };
        for text in texts {
            if pipeline {
                for s in analyse(text, Some(tagger)) {
                    let (words, tags): (Vec<&str>, Vec<String>) = s
                        .tokens
                        .iter()
                        .filter(|t| !t.is_punct())
                        .map(|t| (t.text.as_str(), format!("{:?}", t.pos)))
                        .unzip();
                    println!("{}", serde_json::json!({ "words": words, "tags": tags }));
                }
                continue;
            }
            for s in analyse(text, None) {
                let words: Vec<&str> = s
                    .tokens
                    .iter()
                    .filter(|t| !t.is_punct())
                    .map(|t| t.text.as_str())
                    .collect();
                let tags = tagger.tag_words(&words);
                println!("{}", serde_json::json!({ "words": words, "tags": tags }));
            }
        }
    }
}
