//! Where events happen and how that is known (`location.basis`), with the shipped
//! dictionaries and gazetteer, on invented sentences.

use chrono::NaiveDate;
use std::sync::{Arc, OnceLock};
use vigil_coder::{Coder, CoderConfig};
use vigil_model::{Article, Event, LocationBasis};

fn coder() -> &'static Coder {
    static C: OnceLock<Coder> = OnceLock::new();
    C.get_or_init(|| {
        let dicts = vigil_dict::DictSet::default_set(vigil_dict::LoadOptions::default()).unwrap();
        // Events with one side only are coded too: placing them is what is tested.
        let config = CoderConfig {
            require_dyad: false,
            ..CoderConfig::default()
        };
        Coder::new(Arc::new(dicts), config)
    })
}

/// The events of an article whose records are `texts`, in order.
fn article(texts: &[&str]) -> Vec<Event> {
    let date = NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
    let records: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut a = Article::new(format!("r{i}"), date, *t);
            a.article = Some("story".into());
            a
        })
        .collect();
    coder().code_article(&records)
}

/// The event of record `record` whose verb is `verb`.
fn event<'a>(events: &'a [Event], record: usize, verb: &str) -> &'a Event {
    let id = format!("r{record}");
    events
        .iter()
        .find(|e| e.id == id && e.provenance.verb_text == verb)
        .unwrap_or_else(|| panic!("no {verb:?} event in record {id}: {events:#?}"))
}

/// (country, basis) of an event's location.
fn placed(e: &Event) -> Option<(&str, LocationBasis)> {
    let p = e.location.as_ref()?;
    Some((p.country.as_deref().unwrap_or(""), p.basis?))
}

#[test]
fn the_sentence_names_the_place() {
    let evs = article(&["Riot police detained dozens of marchers in central Tbilisi on Sunday."]);
    let e = event(&evs, 0, "detained");
    assert_eq!(placed(e), Some(("GE", LocationBasis::Sentence)));
    assert_eq!(e.provenance.location_text.as_deref(), Some("Tbilisi"));
}

#[test]
fn a_directional_region_and_a_palestinian_town_are_where_they_are() {
    let evs = article(&["Rebels attacked an army post in eastern Chad."]);
    let e = event(&evs, 0, "attacked");
    assert_eq!(placed(e), Some(("TD", LocationBasis::Sentence)));
    assert_eq!(e.location.as_ref().unwrap().name, "eastern Chad");
    let evs = article(&["Israeli troops raided a refugee camp in Jenin."]);
    assert_eq!(
        placed(event(&evs, 0, "raided")),
        Some(("PS", LocationBasis::Sentence))
    );
}

#[test]
fn an_act_on_the_ground_without_a_place_is_at_the_dateline() {
    let evs =
        article(&["TBILISI (Reuters) - Police detained dozens of opposition marchers on Sunday."]);
    let e = event(&evs, 0, "detained");
    assert_eq!(placed(e), Some(("GE", LocationBasis::Dateline)));
    assert_eq!(e.location.as_ref().unwrap().name, "Tbilisi");
    assert_eq!(e.provenance.location_text.as_deref(), Some("TBILISI"));
}

#[test]
fn a_later_sentence_without_a_place_is_in_the_articles_country() {
    let evs = article(&[
        "Protesters clashed with police in Lima on Saturday.",
        "Police arrested 40 people.",
    ]);
    let e = event(&evs, 1, "arrested");
    assert_eq!(placed(e), Some(("PE", LocationBasis::Article)));
    assert_eq!(
        e.location.as_ref().unwrap().kind,
        vigil_model::PlaceKind::Country
    );
    assert_eq!(e.provenance.location_text, None);
}

#[test]
fn a_bureaus_dateline_gives_way_to_the_places_the_story_names() {
    let evs = article(&[
        "NAIROBI (Reuters) - Gunmen attacked a police convoy in Somalia on Monday.",
        "Police arrested three suspects.",
    ]);
    assert_eq!(
        placed(event(&evs, 1, "arrested")),
        Some(("SO", LocationBasis::Article))
    );
}

#[test]
fn a_government_speaks_at_home_and_a_foreign_one_is_not_placed() {
    let evs = article(&[
        "KYIV (AP) — Ukraine's foreign ministry condemned the strikes.",
        "The Chinese foreign ministry criticised the sanctions.",
    ]);
    assert_eq!(
        placed(event(&evs, 0, "condemned")),
        Some(("UA", LocationBasis::Dateline))
    );
    assert_eq!(placed(event(&evs, 1, "criticised")), None);
}

#[test]
fn an_attack_on_another_states_forces_is_on_their_territory() {
    let evs = article(&["Russian forces attacked Ukrainian troops on Tuesday."]);
    let e = event(&evs, 0, "attacked");
    assert_eq!(placed(e), Some(("UA", LocationBasis::Actor)));
    assert_eq!(
        e.provenance.location_text.as_deref(),
        Some("Ukrainian troops")
    );
}

#[test]
fn a_border_names_the_side_the_event_is_not_on() {
    let evs = article(&[
        "BAMAKO (Reuters) - Malian troops clashed with rebels near the border with Niger.",
    ]);
    for e in evs.iter().filter(|e| e.provenance.verb_text == "clashed") {
        let (country, _) = placed(e).expect("placed");
        assert_eq!(country, "ML", "{e:#?}");
    }
}

#[test]
fn a_place_in_the_speakers_clause_is_where_they_spoke() {
    let evs = article(&["A UN official condemned the raid on the farmers in Vienna on Monday."]);
    assert_eq!(
        placed(event(&evs, 0, "condemned")),
        Some(("AT", LocationBasis::Sentence))
    );
    // A reporting verb is no event, but where its speaker spoke is still not where the
    // killing happened.
    let evs = article(&["Gunmen killed four farmers, a UN official said in Vienna."]);
    assert!(evs.iter().all(|e| e.provenance.verb_text != "said"));
    assert_ne!(placed(event(&evs, 0, "killed")).map(|p| p.0), Some("AT"));
}

#[test]
fn a_place_in_the_reported_words_is_the_storys() {
    let evs = article(&[
        "A spokeswoman said an army patrol killed a gunman in Nablus overnight.",
        "Soldiers arrested five men.",
    ]);
    assert_eq!(
        placed(event(&evs, 0, "killed")),
        Some(("PS", LocationBasis::Sentence))
    );
    assert_eq!(
        placed(event(&evs, 1, "arrested")),
        Some(("PS", LocationBasis::Article))
    );
}

#[test]
fn a_home_institution_speaks_where_the_article_is() {
    // The ministry's country comes from the sentence before: it is Kenya's ministry,
    // speaking at home.
    let evs = article(&[
        "Kenyan police fired tear gas at protesters in Nairobi on Tuesday.",
        "The interior ministry condemned the protests.",
    ]);
    assert_eq!(
        placed(event(&evs, 1, "condemned")),
        Some(("KE", LocationBasis::Article))
    );
}
