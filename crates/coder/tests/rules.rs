//! One test per coding rule, on small dictionaries written here, so each rule is checked
//! on its own and no test depends on the shipped data.

mod common;

use chrono::NaiveDate;
use common::VERBS;
use std::sync::Arc;
use vigil_coder::{Coder, CoderConfig, Profile};
use vigil_dict::{DictSet, LoadOptions};
use vigil_model::Article;

fn coder(profile: Profile) -> Coder {
    coder_with(profile, VERBS)
}

/// A coder over the test dictionaries with `verbs` as the verb dictionary.
fn coder_with(profile: Profile, verbs: &str) -> Coder {
    Coder::new(
        common::dicts(verbs),
        CoderConfig {
            require_dyad: true,
            profile,
            annotate: true,
            keep_filtered: false,
            facts: true,
        },
    )
}

/// The (source, code, target) triples `coder` gives for `text` published on `date`.
fn triples(coder: &Coder, date: &str, text: &str) -> Vec<(String, String, String)> {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    let a = Article::new("t", date, text);
    coder
        .code_article(std::slice::from_ref(&a))
        .into_iter()
        .map(|e| (e.source, e.code, e.target))
        .collect()
}

fn code(profile: Profile, date: &str, text: &str) -> Vec<(String, String, String)> {
    triples(&coder(profile), date, text)
}

fn ev(s: &str, c: &str, t: &str) -> (String, String, String) {
    (s.into(), c.into(), t.into())
}

#[test]
fn subject_verb_object() {
    assert_eq!(
        code(Profile::Cameo, "2021-01-01", "Norland condemned Sudland."),
        [ev("NORGOV", "122", "SUD")]
    );
}

#[test]
fn pattern_with_synonym_set_wins_over_default() {
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland attacked Sudland's troops."
        ),
        [ev("NORMIL", "193", "SUD")]
    );
    // In the PETRARCH2 layout a bare pattern word is the object's head, so a word in a
    // later prepositional phrase does not match it.
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland attacked Sudland with troops."
        ),
        [ev("NORMIL", "190", "SUD")]
    );
}

#[test]
fn negated_act_is_not_coded_but_negated_acceptance_is_a_rejection() {
    assert!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland did not attack Sudland."
        )
        .is_empty()
    );
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland did not accept Sudland's offer."
        ),
        [ev("NORGOV", "120", "SUD")]
    );
}

#[test]
fn future_meeting_is_an_intention_and_compound_subjects_are_mutual() {
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland and Sudland will meet."
        ),
        [ev("NORGOV", "036", "SUD"), ev("SUDGOV", "036", "NOR")]
    );
}

#[test]
fn future_attack_is_a_threat() {
    assert_eq!(
        code(Profile::Cameo, "2021-01-01", "Norland will attack Sudland."),
        [ev("NORGOV", "1384", "SUD")]
    );
}

#[test]
fn prediction_is_not_coded() {
    assert!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland could attack Sudland."
        )
        .is_empty()
    );
}

#[test]
fn literal_profile_codes_verbs_as_written() {
    assert_eq!(
        code(
            Profile::Literal,
            "2021-01-01",
            "Norland will attack Sudland."
        ),
        [ev("NOR", "190", "SUD")]
    );
}

#[test]
fn passive_voice_takes_the_by_phrase_as_source() {
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Sudland was opposed by Norland."
        ),
        [ev("NORGOV", "112", "SUD")]
    );
}

#[test]
fn second_code_of_a_pair_goes_the_other_way() {
    assert_eq!(
        code(Profile::Literal, "2021-01-01", "Norland visited Sudland."),
        [ev("NOR", "042", "SUD"), ev("SUD", "043", "NOR")]
    );
}

#[test]
fn compound_objects_give_one_event_each() {
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland condemned Sudland and Westmark."
        ),
        [ev("NORGOV", "122", "SUD"), ev("NORGOV", "122", "WSM")]
    );
}

#[test]
fn agents_compose_with_actors() {
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norlandian soldiers attacked Sudland."
        ),
        [ev("NORMIL", "190", "SUD")]
    );
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "The president of Norland condemned Sudland."
        ),
        [ev("NORGOV", "122", "SUD")]
    );
}

#[test]
fn actor_codes_follow_the_date() {
    assert_eq!(
        code(Profile::Cameo, "2021-06-01", "Anna Berg condemned Sudland."),
        [ev("NORGOV", "122", "SUD")]
    );
    assert_eq!(
        code(Profile::Cameo, "2019-06-01", "Anna Berg condemned Sudland."),
        [ev("NORBUS", "122", "SUD")]
    );
}

#[test]
fn pronoun_takes_the_previous_sentence_actor() {
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland held elections. It condemned Sudland."
        ),
        [ev("NORGOV", "122", "SUD")]
    );
}

#[test]
fn coordinated_verbs_share_the_subject() {
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland condemned Sudland and attacked Westmark."
        ),
        [ev("NORGOV", "122", "SUD"), ev("NORMIL", "190", "WSM")]
    );
}

#[test]
fn reporting_verb_codes_the_reported_act() {
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Westmark said Norland attacked Sudland."
        ),
        [ev("NORMIL", "190", "SUD")]
    );
}

#[test]
fn discards_skip_the_sentence_or_the_story() {
    assert!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland condemned Sudland after the football match."
        )
        .is_empty()
    );
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland condemned Sudland at football. Norland condemned Westmark."
        ),
        [ev("NORGOV", "122", "WSM")]
    );
    assert!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Your horoscope. Norland condemned Westmark."
        )
        .is_empty()
    );
}

#[test]
fn provenance_points_at_the_words() {
    let date = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    let text = "Norland condemned Sudland.";
    let a = Article::new("t", date, text);
    let e = &coder(Profile::Cameo).code_article(std::slice::from_ref(&a))[0];
    let p = &e.provenance;
    assert_eq!(p.verb_span.slice(text), "condemned");
    assert_eq!(p.source.span.unwrap().slice(text), "Norland");
    assert_eq!(p.target.span.unwrap().slice(text), "Sudland");
    assert!(p.verb_entry.starts_with("verbs.txt:"));
    assert!(p.source.entries[0].starts_with("actors.txt:1 "));
    assert_eq!(p.pattern, "default");
}

#[test]
fn capitalised_plural_of_an_actor_is_that_actor() {
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norlandians attacked Sudland."
        ),
        [ev("NORMIL", "190", "SUD")]
    );
}

#[test]
fn a_short_name_refers_to_the_full_name_given_earlier() {
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Erik Lund condemned Norland. Later Lund condemned Westmark."
        ),
        [ev("SUDBUS", "122", "NOR"), ev("SUDBUS", "122", "WSM")]
    );
}

#[test]
fn a_denial_answers_the_last_accuser() {
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland accused Sudland. Sudland denied the charge."
        ),
        [ev("NORGOV", "112", "SUD"), ev("SUDGOV", "016", "NOR")]
    );
}

#[test]
fn literal_profile_codes_a_subordinate_clause_only_when_the_main_clause_is_empty() {
    assert_eq!(
        code(
            Profile::Literal,
            "2021-01-01",
            "Norland condemned Sudland after Westmark attacked Norland."
        ),
        [ev("NOR", "122", "SUD")]
    );
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland condemned Sudland after Westmark attacked Norland."
        ),
        [ev("NORGOV", "122", "SUD"), ev("WSMMIL", "190", "NOR")]
    );
}

#[test]
fn progressive_is_not_passive() {
    assert_eq!(
        code(
            Profile::Literal,
            "2021-01-01",
            "Norland is opposing Sudland."
        ),
        [ev("NOR", "112", "SUD")]
    );
}

#[test]
fn a_sentence_without_end_is_coded_in_pieces() {
    // 3,000 clauses and no full stop: coded piece by piece, every clause found once.
    let text = "Norland condemned Sudland and ".repeat(3000) + "Norland condemned Westmark";
    let events = code(Profile::Cameo, "2021-01-01", &text);
    assert!(events.contains(&ev("NORGOV", "122", "WSM")));
    assert!(events.contains(&ev("NORGOV", "122", "SUD")));
}

#[test]
fn where_parties_meet_is_not_a_party() {
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland and Sudland will meet in Westmark."
        ),
        [ev("NORGOV", "036", "SUD"), ev("SUDGOV", "036", "NOR")]
    );
}

#[test]
fn we_in_a_quotation_is_its_speaker_and_the_speaker_is_recorded() {
    let date = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    let text = "“We condemned Sudland,” Norland said. “We will meet Westmark.”";
    let a = Article::new("t", date, text);
    let events = coder(Profile::Cameo).code_article(std::slice::from_ref(&a));
    let got: Vec<_> = events
        .iter()
        .map(|e| (e.source.as_str(), e.code.as_str(), e.target.as_str()))
        .collect();
    assert_eq!(got, [("NORGOV", "122", "SUD"), ("NORGOV", "036", "WSM")]);
    for e in &events {
        let by = e
            .provenance
            .reported_by
            .as_ref()
            .expect("quotation has a speaker");
        assert_eq!(by.code, "NOR");
        assert_eq!(by.rule, "quotation");
    }
}

#[test]
fn a_reporting_verb_attributes_the_reported_act() {
    let date = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    let a = Article::new("t", date, "Westmark said Norland attacked Sudland.");
    let e = &coder(Profile::Cameo).code_article(std::slice::from_ref(&a))[0];
    assert_eq!((e.source.as_str(), e.target.as_str()), ("NORMIL", "SUD"));
    assert_eq!(e.provenance.reported_by.as_ref().unwrap().code, "WSM");
}

#[test]
fn an_expected_meeting_between_two_actors_is_an_intention_to_meet() {
    // With the shipped dictionaries: EXPECT is an intention verb (030) there.
    let dicts = DictSet::default_set(LoadOptions::default()).unwrap();
    let coder = Coder::new(Arc::new(dicts), CoderConfig::default());
    assert_eq!(
        triples(&coder, "2023-01-01", "Macron-Scholz talks expected"),
        [ev("FRAGOV", "036", "DEUGOV"), ev("DEUGOV", "036", "FRAGOV")]
    );
}

#[test]
fn what_one_actor_asks_of_another_has_not_happened() {
    let verbs = format!("{VERBS}\n---  DEMAND   [100]  ---\nURGE {{URGES URGED URGING}}\n");
    let coder = coder_with(Profile::Cameo, &verbs);
    assert_eq!(
        triples(
            &coder,
            "2021-01-01",
            "Norland urged Sudland to attack Westmark."
        ),
        [ev("NORGOV", "100", "SUD")]
    );
}

#[test]
fn a_negated_governor_negates_its_infinitive() {
    assert!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Norland would not try to attack Sudland."
        )
        .is_empty()
    );
}

#[test]
fn bare_names_in_a_compound_share_the_head_noun() {
    assert_eq!(
        code(
            Profile::Cameo,
            "2021-01-01",
            "Westmark and Norlandian soldiers attacked Sudland."
        ),
        [ev("WSMMIL", "190", "SUD"), ev("NORMIL", "190", "SUD")]
    );
}

#[test]
fn a_country_acting_is_its_military_or_its_government() {
    // The literal profile keeps the bare code; the CAMEO profile adds the role.
    assert_eq!(
        code(Profile::Literal, "2021-01-01", "Norland attacked Sudland."),
        [ev("NOR", "190", "SUD")]
    );
    assert_eq!(
        code(Profile::Cameo, "2021-01-01", "Norland attacked Sudland."),
        [ev("NORMIL", "190", "SUD")]
    );
    assert_eq!(
        code(Profile::Cameo, "2021-01-01", "Norland condemned Sudland."),
        [ev("NORGOV", "122", "SUD")]
    );
    // A source that already has a role keeps it.
    assert_eq!(
        code(Profile::Cameo, "2021-06-01", "Anna Berg condemned Sudland."),
        [ev("NORGOV", "122", "SUD")]
    );
}

#[test]
fn a_refused_acceptance_is_a_rejection_even_without_a_code_and_answers_the_demand() {
    let verbs = "\
####### VERB PATTERNS #######
---  EMBRACE   [---]  ---
ACCEPT
---  DEMAND   [100]  ---
DEMAND
";
    let c = coder_with(Profile::Cameo, verbs);
    // ACCEPT has no code, so accepting is no event and not accepting is a rejection; with
    // no other party named, it answers the last demand.
    assert_eq!(
        triples(
            &c,
            "2021-01-01",
            "Sudland demanded guarantees from Norland. Norland did not accept any red line."
        ),
        [ev("SUDGOV", "100", "NOR"), ev("NORGOV", "120", "SUD")]
    );
    assert!(triples(&c, "2021-01-01", "Norland accepted Sudland.").is_empty());
}

#[test]
fn a_verb_listed_again_in_another_block_adds_that_blocks_patterns() {
    let verbs = "\
####### VERB PATTERNS #######
---  SEARCH   [030]  ---
SEEK {SEEKS SEEKING SOUGHT}
- * HELP  [023]
---  DEMAND_ASSURANCES   [---]  ---
SEEK {SEEKS SEEKING SOUGHT}
- * GUARANTEES  [1042]
";
    let c = coder_with(Profile::Cameo, verbs);
    let t = |s| triples(&c, "2021-01-01", s);
    assert_eq!(
        t("Norland sought binding guarantees from Sudland."),
        [ev("NORGOV", "1042", "SUD")]
    );
    assert_eq!(
        t("Norland sought help from Sudland."),
        [ev("NORGOV", "023", "SUD")]
    );
    // Neither block's pattern: the first block's default.
    assert_eq!(t("Norland sought Sudland."), [ev("NORGOV", "030", "SUD")]);
}

#[test]
fn a_speech_act_named_by_a_noun_is_coded_with_its_possessor_and_addressee() {
    let c = coder(Profile::Cameo);
    let t = |s| triples(&c, "2021-01-01", s);
    // The possessive pronoun stands for the clause's actor; the compound addressee gives
    // one event each.
    assert_eq!(
        t("The Norlandians have become more explicit in their warnings to Sudland and Westmark."),
        [ev("NORGOV", "130", "SUD"), ev("NORGOV", "130", "WSM")]
    );
    assert_eq!(
        t("Norland's latest demands on Sudland surprised observers."),
        [ev("NORGOV", "100", "SUD")]
    );
    // No addressee, or a material act: nothing.
    assert!(t("Norland's warnings were ignored.").is_empty());
    assert!(t("Norland's invasion of Sudland went on.").is_empty());
}

#[test]
fn keep_filtered_emits_what_the_filters_drop_and_says_why() {
    let mut keep = coder(Profile::Cameo);
    keep.config_mut().keep_filtered = true;
    let date = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    let coded = |c: &Coder, text: &str| -> Vec<(String, String, String, Vec<String>)> {
        let a = Article::new("t", date, text);
        c.code_article(std::slice::from_ref(&a))
            .into_iter()
            .map(|e| {
                let why = e
                    .provenance
                    .rules
                    .iter()
                    .filter(|r| r.starts_with(vigil_coder::FILTERED))
                    .cloned()
                    .collect();
                (e.source, e.code, e.target, why)
            })
            .collect()
    };
    let why = |s: &str| vec![s.to_string()];
    let t = |s: &str, c: &str, g: &str, w: Vec<String>| (s.into(), c.into(), g.into(), w);
    assert_eq!(
        coded(&keep, "Norland did not attack Sudland."),
        [t("NORMIL", "190", "SUD", why("filtered: negation"))]
    );
    assert_eq!(
        coded(&keep, "Norland could attack Sudland."),
        [t("NORMIL", "190", "SUD", why("filtered: prediction"))]
    );
    // A refused acceptance is a rejection, not a filtered act.
    assert_eq!(
        coded(&keep, "Norland did not accept Sudland's offer."),
        [t("NORGOV", "120", "SUD", vec![])]
    );
    let discarded = coded(&keep, "Norland condemned Sudland after the football match.");
    assert_eq!(discarded.len(), 1);
    assert!(discarded[0].3[0].starts_with("filtered: discard "));
    // A story-level discard drops the rest of the article too.
    let story = coded(&keep, "Your horoscope. Norland condemned Westmark.");
    assert_eq!(
        story,
        [t(
            "NORGOV",
            "122",
            "WSM",
            why("filtered: discard (story discarded earlier)")
        )]
    );
}

#[test]
fn keep_filtered_changes_no_other_event() {
    let plain = coder(Profile::Cameo);
    let mut keep = coder(Profile::Cameo);
    keep.config_mut().keep_filtered = true;
    // Filtered acts and a discarded sentence between the coded ones: what later sentences
    // see (the last subject, the last accuser) must not change.
    let text = "Norland did not attack Sudland. He condemned Westmark. \
                Sudland condemned Norland at football. Westmark accused Sudland. \
                Sudland did not accuse Westmark. Norland denied the charge.";
    let date = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    let a = Article::new("t", date, text);
    let events = |c: &Coder| c.code_article(std::slice::from_ref(&a));
    let kept: Vec<_> = events(&keep)
        .into_iter()
        .filter(|e| {
            !e.provenance
                .rules
                .iter()
                .any(|r| r.starts_with(vigil_coder::FILTERED))
        })
        .collect();
    let plain = events(&plain);
    // The denial answers Westmark's accusation, not the one Sudland did not make.
    let last = plain.last().map(|e| (e.code.as_str(), e.target.as_str()));
    assert_eq!((plain.len(), last), (3, Some(("016", "WSM"))));
    assert_eq!(kept, plain);
}
