//! Checks against the real PETRARCH files shipped in `data/validation/`.

use std::collections::BTreeMap;
use vigil_eval::corpus::{bench_corpus, gigaword_texts, suite_texts};
use vigil_eval::suite::{Config, Expected, Suite, Triple, read_suite, score_suite};

const SUITE: &str = include_str!("../../../data/validation/PETR.UnitTest.records.xml");
const GIGAWORD: &str = include_str!("../../../data/validation/GigaWord.sample.PETR.xml");

fn suite() -> Suite {
    read_suite(SUITE, "PETR.UnitTest.records.xml").unwrap()
}

#[test]
fn record_counts() {
    let suite = suite();
    assert_eq!(suite.records.len(), 284);
    let mut kinds = BTreeMap::new();
    let mut triples = 0;
    for r in &suite.records {
        let kind = match &r.expected {
            Expected::Events(t) => {
                triples += t.len();
                "events"
            }
            Expected::NoEvents => "none",
            Expected::Error(_) => "error",
        };
        *kinds.entry(kind).or_insert(0) += 1;
    }
    // 19 `noevents` records plus PATTERN-06, which has no <EventCoding> at all.
    assert_eq!(
        kinds,
        BTreeMap::from([("error", 7), ("events", 257), ("none", 20)])
    );
    assert_eq!(triples, 359);
    let pattern06 = suite.records.iter().find(|r| r.id == "PATTERN-06").unwrap();
    assert_eq!(pattern06.expected, Expected::NoEvents);
}

#[test]
fn environment() {
    let env = suite().environment;
    assert_eq!(env.verbfile.as_deref(), Some("PETR.Validate.verbs.txt"));
    assert_eq!(env.actorfile.as_deref(), Some("PETR.Validate.actors.txt"));
    assert_eq!(env.agentfile.as_deref(), Some("PETR.Validate.agents.txt"));
    assert_eq!(
        env.discardfile.as_deref(),
        Some("PETR.Validate.discards.txt")
    );
    assert_eq!(env.include.len(), 12);
    assert_eq!(env.include[0], "valid");
    assert_eq!(env.configs.len(), 1);
}

#[test]
fn duplicate_ids_are_separate_records() {
    let suite = suite();
    let agents18: Vec<(usize, &str, bool)> = suite
        .records
        .iter()
        .filter(|r| r.id == "AGENTS-18")
        .map(|r| (r.index, r.category.as_str(), r.sentence))
        .collect();
    assert_eq!(agents18.len(), 2);
    assert_eq!((agents18[0].1, agents18[0].2), ("AGENT", true));
    assert_eq!((agents18[1].1, agents18[1].2), ("AGENTS", false));
    assert!(suite.records.iter().enumerate().all(|(i, r)| r.index == i));
}

#[test]
fn quoted_new_actors_are_kept_verbatim() {
    let suite = suite();
    let demo22 = suite.records.iter().find(|r| r.id == "DEMO-22").unwrap();
    let quoted: Triple = ("\"INJURY TOLL\"".into(), "OSG".into(), "223".into());
    let plain: Triple = ("ERI".into(), "OSG".into(), "223".into());
    assert_eq!(demo22.expected, Expected::Events(vec![plain, quoted]));
    assert_eq!(demo22.config.new_actor_length, 4);
}

#[test]
fn effective_configs_follow_document_order() {
    // (index, id, new_actor_length, require_dyad, comma min/max/bmin/bmax/emin/emax)
    // wherever the setting changes; computed independently with Python's ElementTree.
    let changes: [(usize, &str, u32, bool, [u32; 6]); 15] = [
        (0, "DEMO-00", 0, true, [2, 8, 0, 0, 2, 8]),
        (21, "DEMO-22", 4, true, [2, 8, 0, 0, 2, 8]),
        (22, "DEMO-23", 0, true, [2, 8, 0, 0, 2, 8]),
        (60, "COMPOUND-03", 0, false, [2, 8, 0, 0, 2, 8]),
        (62, "COMPOUND-05", 0, true, [2, 8, 0, 0, 2, 8]),
        (73, "COMPOUND-15", 0, false, [2, 8, 0, 0, 2, 8]),
        (75, "COMPOUND-17", 0, true, [2, 8, 0, 0, 2, 8]),
        (116, "DATE-16", 0, false, [2, 8, 0, 0, 2, 0]),
        (117, "DATE-17", 0, true, [2, 8, 0, 0, 2, 8]),
        (134, "ACTOR-01", 4, true, [2, 8, 0, 0, 2, 8]),
        (136, "ACTOR-03", 3, true, [2, 8, 0, 0, 2, 8]),
        (137, "ACTOR-04", 0, true, [2, 8, 0, 0, 2, 8]),
        (210, "COMMA-05", 0, false, [4, 6, 3, 6, 3, 6]),
        (215, "COMMA-10", 0, false, [4, 0, 3, 0, 3, 0]),
        // The reset restores min/max/emin/emax and require_dyad, but leaves bmin at 3.
        (218, "COMMA-13", 0, true, [2, 8, 3, 0, 2, 8]),
    ];
    let suite = suite();
    let key = |c: &Config| {
        (
            c.new_actor_length,
            c.require_dyad,
            [
                c.comma_min,
                c.comma_max,
                c.comma_bmin,
                c.comma_bmax,
                c.comma_emin,
                c.comma_emax,
            ],
        )
    };
    let mut found = Vec::new();
    let mut prev = None;
    for r in &suite.records {
        assert!(r.config.stop_on_error, "{}", r.id);
        let k = key(&r.config);
        if prev != Some(k) {
            found.push((r.index, r.id.as_str(), k.0, k.1, k.2));
        }
        prev = Some(k);
    }
    assert_eq!(found, changes);
}

#[test]
fn texts_are_collapsed() {
    let suite = suite();
    assert_eq!(
        suite.records[0].text,
        "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its embassy."
    );
    assert!(
        suite
            .records
            .iter()
            .all(|r| !r.text.is_empty() && !r.text.contains("  ") && !r.text.contains('\n'))
    );
}

#[test]
fn scoring_the_expectations_themselves() {
    let suite = suite();
    let perfect: Vec<Vec<Triple>> = suite
        .records
        .iter()
        .map(|r| match &r.expected {
            Expected::Events(t) => t.iter().rev().cloned().collect(),
            _ => Vec::new(),
        })
        .collect();
    let report = score_suite(&suite, &perfect);
    assert_eq!(
        (report.correct, report.total, report.excluded),
        (277, 277, 7)
    );
    assert!(report.failures.is_empty());
    assert!(!report.by_category.contains_key("ERROR"));
    assert_eq!(report.by_category["SYNSET"], (52, 52));

    let nothing = vec![Vec::new(); suite.records.len()];
    let report = score_suite(&suite, &nothing);
    assert_eq!((report.correct, report.total), (20, 277));
    assert_eq!(report.failures.len(), 257);
}

#[test]
fn benchmark_corpus_from_the_shipped_texts() {
    let mut texts = suite_texts(&suite());
    assert_eq!(texts.len(), 284);
    let giga = gigaword_texts(GIGAWORD, "GigaWord.sample.PETR.xml").unwrap();
    // 76 <Sentence>s, of which TEST_1 … TEST_9 have an empty <Text> (parse only).
    assert_eq!(giga.len(), 67);
    assert!(
        giga[0].starts_with(
            "The stopover came as the US leader prepared to attend the Beijing Olympics"
        )
    );
    texts.extend(giga);
    let corpus = bench_corpus(&texts, 100, 8, 2021);
    assert_eq!(corpus.len(), 100);
    assert_eq!(corpus, bench_corpus(&texts, 100, 8, 2021));
    assert_eq!(corpus[99].id, "bench-000100");
}
