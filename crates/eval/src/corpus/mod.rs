//! The fixed benchmark corpus: sentences from known sources, shuffled into articles by
//! a seeded generator, so that every run of `vigil bench` codes exactly the same input.

mod prng;

use crate::EvalError;
use crate::suite::Suite;
use chrono::NaiveDate;
use prng::SplitMix64;
use roxmltree::{Document, Node};
use serde::{Deserialize, Serialize};
use vigil_model::Article;

/// The date every benchmark record carries: the seed article's publication day.
///
/// Benchmark articles mix sentences from sources of different dates, so no source date
/// would be right for a whole article; one fixed date keeps runs comparable.
pub fn bench_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 12, 4).expect("a valid calendar date")
}

/// One benchmark article, in the JSONL record shape `vigil code` reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BenchRecord {
    /// `bench-000001`, `bench-000002`, …
    pub id: String,
    /// Always [`bench_date`].
    pub date: NaiveDate,
    /// The article's sentences joined by single spaces.
    pub text: String,
}

impl BenchRecord {
    /// The record as a coder input.
    pub fn to_article(&self) -> Article {
        Article::new(self.id.clone(), self.date, self.text.clone())
    }
}

/// Builds `articles` articles of `sentences_per_article` sentences each from `texts`.
///
/// The non-blank texts are shuffled with a SplitMix64 generator seeded by `seed` and
/// dealt out in order; when more sentences are needed than there are texts, the pool
/// is reshuffled and dealt again. The same inputs and seed always give the same
/// corpus. With no usable text, no articles or no sentences per article, the corpus is
/// empty.
pub fn bench_corpus(
    texts: &[String],
    articles: usize,
    sentences_per_article: usize,
    seed: u64,
) -> Vec<BenchRecord> {
    let mut pool: Vec<&str> = texts
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if pool.is_empty() || sentences_per_article == 0 {
        return Vec::new();
    }
    let mut rng = SplitMix64::new(seed);
    let mut next = pool.len(); // forces a shuffle before the first sentence
    (1..=articles)
        .map(|n| {
            let mut sentences = Vec::with_capacity(sentences_per_article);
            for _ in 0..sentences_per_article {
                if next == pool.len() {
                    rng.shuffle(&mut pool);
                    next = 0;
                }
                sentences.push(pool[next]);
                next += 1;
            }
            BenchRecord {
                id: format!("bench-{n:06}"),
                date: bench_date(),
                text: sentences.join(" "),
            }
        })
        .collect()
}

/// The texts of all suite records, in file order.
pub fn suite_texts(suite: &Suite) -> Vec<String> {
    suite.records.iter().map(|r| r.text.clone()).collect()
}

/// The `<Sentence><Text>` texts of a PETRARCH input file such as
/// `GigaWord.sample.PETR.xml`, whitespace collapsed, in file order. `name` is used in
/// error messages only.
pub fn gigaword_texts(xml: &str, name: &str) -> Result<Vec<String>, EvalError> {
    let doc = Document::parse(xml).map_err(|e| EvalError::Xml {
        file: name.to_string(),
        message: e.to_string(),
    })?;
    Ok(doc
        .descendants()
        .filter(|n| n.has_tag_name("Sentence"))
        .filter_map(|s| s.children().find(|n| n.has_tag_name("Text")))
        .map(|t| {
            let raw: String = t
                .descendants()
                .filter(Node::is_text)
                .filter_map(|n| n.text())
                .collect();
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .filter(|t| !t.is_empty())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("Sentence {i}.")).collect()
    }

    #[test]
    fn ids_dates_and_sizes() {
        let corpus = bench_corpus(&texts(10), 3, 4, 1);
        assert_eq!(corpus.len(), 3);
        assert_eq!(
            corpus.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["bench-000001", "bench-000002", "bench-000003"]
        );
        for r in &corpus {
            assert_eq!(r.date, bench_date());
            assert_eq!(r.text.matches("Sentence").count(), 4);
        }
    }

    #[test]
    fn deterministic_for_a_seed_and_different_across_seeds() {
        let a = bench_corpus(&texts(30), 5, 5, 99);
        assert_eq!(a, bench_corpus(&texts(30), 5, 5, 99));
        assert_ne!(a, bench_corpus(&texts(30), 5, 5, 100));
    }

    #[test]
    fn one_pass_uses_each_text_once() {
        let corpus = bench_corpus(&texts(12), 3, 4, 5);
        let mut used: Vec<String> = corpus
            .iter()
            .flat_map(|r| {
                r.text
                    .split_inclusive('.')
                    .map(|s| s.trim().to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
        used.sort();
        let mut all = texts(12);
        all.sort();
        assert_eq!(used, all);
    }

    #[test]
    fn reuses_texts_when_more_are_needed() {
        let corpus = bench_corpus(&texts(3), 4, 5, 0);
        assert_eq!(corpus.len(), 4);
        assert!(
            corpus
                .iter()
                .all(|r| r.text.matches("Sentence").count() == 5)
        );
    }

    #[test]
    fn blank_texts_are_skipped_and_empty_inputs_give_nothing() {
        let input = vec!["  ".to_string(), " Only one. ".to_string(), String::new()];
        let corpus = bench_corpus(&input, 2, 2, 3);
        assert!(corpus.iter().all(|r| r.text == "Only one. Only one."));
        assert!(bench_corpus(&[], 2, 2, 3).is_empty());
        assert!(bench_corpus(&input, 0, 2, 3).is_empty());
        assert!(bench_corpus(&input, 2, 0, 3).is_empty());
    }

    #[test]
    fn serializes_as_a_coder_input_record() {
        let r = &bench_corpus(&texts(1), 1, 1, 0)[0];
        assert_eq!(
            serde_json::to_string(r).unwrap(),
            r#"{"id":"bench-000001","date":"2021-12-04","text":"Sentence 0."}"#
        );
        let article = r.to_article();
        assert_eq!(
            (article.id.as_str(), article.text.as_str()),
            ("bench-000001", "Sentence 0.")
        );
    }

    #[test]
    fn reads_gigaword_texts() {
        let xml = r#"<!-- header -->
<Sentences>
<Sentence date = "20080804" id ="AFP_4" source = "AFP" sentence = "True">
<Text>
The stopover came as the US leader
prepared to attend. 
</Text>
<Parse>( (S (NP (DT The))))</Parse>
</Sentence>
<Sentence date="20080806" id="AFP_5" source="AFP" sentence="True"><Text>  </Text></Sentence>
</Sentences>"#;
        assert_eq!(
            gigaword_texts(xml, "g.xml").unwrap(),
            ["The stopover came as the US leader prepared to attend."]
        );
        let err = gigaword_texts("<Sentences>", "g.xml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("g.xml: invalid XML"), "{err}");
    }
}
