//! Attribution, event dates, places and quantity claims, on small dictionaries written
//! here (the gazetteer and the time and quantity finders are the shipped ones).

mod common;

use chrono::NaiveDate;
use vigil_coder::{Coded, Coder, CoderConfig};
use vigil_model::{Article, Attribution};

fn coder() -> Coder {
    Coder::new(common::dicts(common::VERBS), CoderConfig::default())
}

/// Everything the coder finds in `text`, published on `date`.
fn coded(date: &str, text: &str) -> Coded {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    let a = Article::new("t", date, text);
    coder().code_records(std::slice::from_ref(&a)).remove(0)
}

/// The attribution of the only event coded with `code`.
fn attribution_of(c: &Coded, code: &str) -> Option<Attribution> {
    let mut evs = c.events.iter().filter(|e| e.code == code);
    let e = evs
        .next()
        .unwrap_or_else(|| panic!("no {code} event in {:?}", c.events));
    assert!(evs.next().is_none(), "several {code} events");
    e.attribution.clone()
}

#[test]
fn a_quotation_is_its_speakers_words() {
    let c = coded(
        "2021-06-01",
        "\u{201c}We condemn Sudland,\u{201d} Anna Berg said.",
    );
    let a = attribution_of(&c, "122").expect("attributed");
    assert_eq!(a.speaker, "Anna Berg");
    assert_eq!(a.code, "NORGOV");
    assert!(a.direct_quote && !a.anonymous);
    assert_eq!(a.rule, "quotation");
}

#[test]
fn a_quotation_closed_in_the_next_sentence_takes_its_speaker() {
    let c = coded(
        "2021-06-01",
        "\u{201c}Norland condemned Sudland. Nothing else matters,\u{201d} Anna Berg said.",
    );
    let a = attribution_of(&c, "122").expect("attributed");
    assert_eq!(
        (a.speaker.as_str(), a.code.as_str()),
        ("Anna Berg", "NORGOV")
    );
    assert!(a.direct_quote);
    assert_eq!(a.rule, "quotation: next sentence");
}

#[test]
fn according_to_an_unnamed_official_is_anonymous() {
    let c = coded(
        "2021-06-01",
        "Norland attacked Sudland's soldiers, according to a senior Westmark official.",
    );
    let a = attribution_of(&c, "193").expect("attributed");
    assert_eq!(a.speaker, "a senior Westmark official");
    assert_eq!(a.code, "WSMGOV");
    assert!(a.anonymous && !a.direct_quote);
    assert_eq!(
        (a.rule.as_str(), a.cue.as_str()),
        ("according to", "according to")
    );
}

#[test]
fn a_reporting_verb_attributes_its_clause() {
    let c = coded(
        "2021-06-01",
        "Westmark officials said Norland attacked Sudland's soldiers.",
    );
    let a = attribution_of(&c, "193").expect("attributed");
    assert_eq!(
        (a.speaker.as_str(), a.code.as_str()),
        ("Westmark officials", "WSMGOV")
    );
    assert!(a.anonymous, "officials are not named");
    assert_eq!(
        (a.rule.as_str(), a.cue.as_str()),
        ("reporting verb", "said")
    );
    // A named speaker after an apposition, and after the verb.
    let c = coded(
        "2021-06-01",
        "The businessman, Erik Lund, said Norland attacked Sudland's soldiers.",
    );
    let a = attribution_of(&c, "193").expect("attributed");
    assert_eq!(
        (a.speaker.as_str(), a.code.as_str()),
        ("Erik Lund", "SUDBUS")
    );
    assert!(!a.anonymous);
    let c = coded("2021-06-01", "Norland condemned Sudland, said Erik Lund.");
    let a = attribution_of(&c, "122").expect("attributed");
    assert_eq!(a.speaker, "Erik Lund");
}

#[test]
fn the_narrators_background_clause_is_not_the_speakers() {
    let c = coded(
        "2021-06-01",
        "Westmark officials said they would meet Sudland after Norland attacked Sudland's soldiers.",
    );
    assert_eq!(attribution_of(&c, "193"), None);
}
