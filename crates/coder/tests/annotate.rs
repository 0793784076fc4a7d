//! Attribution, event dates, places and quantity claims, on small dictionaries written
//! here (the gazetteer and the time and quantity finders are the shipped ones).

mod common;

use chrono::NaiveDate;
use vigil_coder::{Coded, Coder, CoderConfig};
use vigil_model::{Article, Attribution, DatePrecision, PlaceKind, Qualifier};

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

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn an_event_is_dated_by_the_time_in_its_clause() {
    // Published on a Saturday.
    let c = coded(
        "2021-12-04",
        "Norland attacked Sudland's soldiers on Friday.",
    );
    let e = &c.events[0];
    assert_eq!(e.event_date, Some(day("2021-12-03")));
    assert_eq!(e.date_precision, DatePrecision::Day);
    assert_eq!(e.provenance.time.as_ref().unwrap().text, "Friday");
    // A future meeting: the next Tuesday. A month: month precision.
    let c = coded("2021-12-04", "Anna Berg will meet Erik Lund on Tuesday.");
    assert_eq!(c.events[0].event_date, Some(day("2021-12-07")));
    let c = coded(
        "2021-12-04",
        "Anna Berg will meet Westmark next month because Norland attacked Sudland's soldiers.",
    );
    let attack = c
        .events
        .iter()
        .find(|e| e.code == "193")
        .unwrap_or_else(|| {
            panic!(
                "{:?}",
                c.events
                    .iter()
                    .map(|e| (&e.source, &e.code, &e.target))
                    .collect::<Vec<_>>()
            )
        });
    assert_eq!(
        attack.event_date,
        Some(day("2021-12-04")),
        "not the meeting's month"
    );
    assert!(attack.provenance.time.is_none());
    let meeting = c.events.iter().find(|e| e.code != "193").unwrap();
    assert_eq!(meeting.event_date, Some(day("2022-01-01")));
    assert_eq!(meeting.event_date_end, Some(day("2022-01-31")));
    assert_eq!(meeting.date_precision, DatePrecision::Month);
}

#[test]
fn an_event_is_placed_where_the_sentence_says() {
    let c = coded(
        "2022-03-02",
        "Norland attacked Sudland's soldiers in Kharkiv.",
    );
    let place = c.events[0].location.as_ref().expect("located");
    assert_eq!(
        (place.name.as_str(), place.kind),
        ("Kharkiv", PlaceKind::City)
    );
    assert_eq!(place.country.as_deref(), Some("UA"));
    assert!((place.lat - 49.99).abs() < 0.5 && (place.lon - 36.23).abs() < 0.5);
    assert_eq!(c.places.len(), 1);
    assert_eq!(c.places[0].0, 0, "sentence index");
}

#[test]
fn claims_know_whose_things_they_count_where_and_who_says_so() {
    let c = coded(
        "2022-02-10",
        "Norland has massed about 40,000 soldiers near Kharkiv, according to a senior \
         Westmark official. The businessman, Erik Lund, said the number of Norlandian troops \
         near Kharkiv was 90,000.",
    );
    assert_eq!(c.claims.len(), 2, "{:?}", c.claims);
    let (a, b) = (&c.claims[0], &c.claims[1]);
    assert_eq!(
        (a.value, a.qualifier, a.unit.as_str()),
        (Some(40000.0), Qualifier::Approx, "troop")
    );
    assert_eq!(a.text, "about 40,000 soldiers");
    assert_eq!(
        (a.subject_code.as_str(), a.subject_places.as_slice()),
        ("NOR", &["UA".to_string()][..])
    );
    assert_eq!(
        (a.claimant.as_str(), a.claimant_code.as_str()),
        ("a senior Westmark official", "WSMGOV")
    );
    assert!(a.anonymous);
    assert_eq!(
        (b.value, b.unit.as_str(), b.subject_code.as_str()),
        (Some(90000.0), "troop", "NOR")
    );
    assert_eq!(
        (b.claimant.as_str(), b.claimant_code.as_str()),
        ("Erik Lund", "SUDBUS")
    );
    assert!(!b.anonymous);
    // Different claimants, the same troops, numbers apart: a conflict.
    let conflicts = vigil_extract::conflict::find(&c.claims);
    assert_eq!(conflicts.len(), 1);
    assert_eq!((conflicts[0].low, conflicts[0].high), (0, 1));
}

#[test]
fn a_narrated_claim_is_unattributed_and_vague_amounts_are_ranges() {
    let c = coded(
        "2022-02-10",
        "Westmark officials said talks would resume after Norland moved tens of thousands of \
         soldiers to the border.",
    );
    let q = &c.claims[0];
    assert_eq!(
        (q.value, q.low, q.high),
        (None, Some(20000.0), Some(90000.0))
    );
    assert_eq!(q.qualifier, Qualifier::Vague);
    assert_eq!(
        (q.claimant.as_str(), q.claimant_code.as_str()),
        ("unattributed", "")
    );
}

/// With the shipped dictionaries and gazetteer.
fn shipped(date: &str, text: &str) -> Coded {
    let dicts = vigil_dict::DictSet::default_set(vigil_dict::LoadOptions::default()).unwrap();
    let coder = Coder::new(std::sync::Arc::new(dicts), CoderConfig::default());
    let a = Article::new("t", day(date), text);
    coder.code_records(std::slice::from_ref(&a)).remove(0)
}

#[test]
fn actors_carry_their_country_and_places_named_as_actors_are_not_places() {
    let c = shipped(
        "2022-03-02",
        "Russian forces shelled Ukrainian positions in Kharkiv.",
    );
    let e = &c.events[0];
    assert_eq!(e.provenance.source.country.as_deref(), Some("RUS"));
    assert_eq!(e.provenance.target.country.as_deref(), Some("UKR"));
    assert_eq!(e.location.as_ref().unwrap().name, "Kharkiv");
    // "Russia" is the actor here, "Crimea" (which the actor dictionary also lists) the
    // place; the year 2014 is history, not coded, but still a time.
    let c = shipped(
        "2022-03-02",
        "Russia said the annexation of Crimea in 2014 was legal.",
    );
    let names: Vec<&str> = c
        .places
        .iter()
        .map(|(_, p)| p.place.name.as_str())
        .collect();
    assert_eq!(names, ["Crimea"]);
    assert_eq!(c.times[0].1.text, "2014");
}

#[test]
fn unnamed_speakers_relative_clauses_and_counted_speakers() {
    // A speaker no dictionary knows, after a comma at the end.
    let c = coded(
        "2022-02-10",
        "About 300 soldiers crossed into Sudland on Friday, aid workers said.",
    );
    let q = &c.claims[0];
    assert_eq!(
        (q.claimant.as_str(), q.claimant_code.as_str()),
        ("aid workers", "")
    );
    assert!(
        !q.anonymous,
        "workers are not in the list of anonymous nouns"
    );
    // A relative clause between the speaker and the verb.
    let c = coded(
        "2022-02-10",
        "Anna Berg, who has led Norland since 2020, said 4,000 soldiers had left.",
    );
    assert_eq!(c.claims[0].claimant, "Anna Berg");
    assert_eq!(c.claims[0].claimant_code, "NORGOV");
    // The number of speakers is no claim; "put … at" reports a figure.
    let c = coded(
        "2022-02-10",
        "Westmark put the number of Norlandian soldiers at 9,000, according to two officials.",
    );
    assert_eq!(c.claims.len(), 1, "{:?}", c.claims);
    assert_eq!(c.claims[0].value, Some(9000.0));
}

#[test]
fn a_capitalised_cue_is_a_name_and_a_participle_phrase_is_skipped() {
    // "Claim" in a name is no reporting verb; the speaker is found past the phrase
    // between the subject and the verb.
    let c = coded(
        "2022-02-10",
        "Anna Berg, speaking on condition of anonymity, said 4,000 soldiers had left the \
         Claim Valley.",
    );
    let q = &c.claims[0];
    assert_eq!(
        (q.claimant.as_str(), q.claimant_code.as_str()),
        ("Anna Berg", "NORGOV")
    );
    assert_eq!(q.attribution.as_ref().unwrap().cue, "said");
}

#[test]
fn a_speaker_closing_the_sentence_reports_what_came_before() {
    // The speaker after a comma, then when they said it: the report is before.
    let c = coded(
        "2022-02-10",
        "Norland moved 5,000 soldiers to the border, a Westmark official said on Tuesday in a \
         statement.",
    );
    assert_eq!(c.claims[0].claimant, "a Westmark official");
    // The speaker after a comma, then what they said.
    let c = coded(
        "2022-02-10",
        "In Sudland, Anna Berg said Norland had moved 5,000 soldiers to the border.",
    );
    assert_eq!(c.claims[0].claimant, "Anna Berg");
    // "citing" names the subject's reason, not a speaker.
    let c = coded(
        "2022-02-10",
        "Norland, citing security concerns, moved 5,000 soldiers to the border, Anna Berg said.",
    );
    assert_eq!(c.claims[0].claimant, "Anna Berg");
    // A place named at the end of the clause is not part of the speaker after it, even
    // where the two could be one actor named twice.
    let c = coded(
        "2022-02-10",
        "Norland moved 5,000 soldiers to the border near Portville, the Sudland ministry said.",
    );
    assert_eq!(c.claims[0].claimant, "the Sudland ministry");
    // A subject with an apposition keeps it.
    let c = coded(
        "2022-02-10",
        "Sudland's president, Anna Berg, said Norland had moved 5,000 soldiers to the border.",
    );
    assert_eq!(c.claims[0].claimant, "Sudland's president, Anna Berg");
}
