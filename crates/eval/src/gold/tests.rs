//! End-to-end checks of event scoring. Every expected line below was produced by
//! running the reference script, `python3 score.py GOLD PRED [--min …]`, on the same
//! inline fixtures; its spaces are removed to compare with compact serde output.

use super::*;

fn score(gold: &str, pred: &str) -> EventScores {
    let gold = read_gold(gold, "gold.jsonl").unwrap();
    let pred = read_predictions(pred);
    let mut scores = score_events(&gold, &pred.events);
    scores.unparsable_lines = pred.unparsable_lines;
    scores
}

fn assert_json(scores: &EventScores, python_line: &str) {
    assert_eq!(
        serde_json::to_string(scores).unwrap(),
        python_line.replace(' ', "")
    );
}

/// Duplicate prediction (a), prefix actors (b), alt code (c), a false alarm (d), an
/// empty sentence left empty (e), the IGO nine-letter rule (f, g), numeric ids and a
/// null target (7), a root-only match (h), an unknown id and an unparsable line.
const GOLD: &str = r#"{"id":"a","text":"Biden and Putin will talk.","events":[{"source":"USAGOV","target":"RUSGOV","code":"036"},{"source":"RUSGOV","target":"USAGOV","code":"036"}]}
{"id":"b","events":[{"source":"RUSMIL","target":"UKR","code":"154"}]}
{"id":"c","events":[{"source":"USA","target":"RUS","code":"1042","alt_codes":["100","102"]}]}
{"id":"d","events":[]}
{"id":"e","events":[]}
{"id":"f","events":[{"source":"IGOWSTNATMIL","target":"RUS","code":"130"}]}
{"id":"g","events":[{"source":"IGOUNO","target":"SYR","code":"042"}]}
{"id":7,"events":[{"source":"FRA","target":"","code":"0871"}]}
{"id":"h","events":[{"source":"ISR","target":"PSE","code":"0874"}]}
"#;

const PRED: &str = r#"{"id":"a","source":"USAGOV","target":"RUSGOV","code":"036"}
{"id":"a","source":"USAGOV","target":"RUSGOV","code":"036"}
{"id":"b","source":"RUS","target":"UKRMIL","code":"154"}
{"id":"c","source":"USAGOV","target":"RUS","code":"100"}
{"id":"d","source":"USA","target":"RUS","code":"010"}
{"id":"f","source":"IGOWSTNATGOV","target":"RUS","code":"130"}
{"id":"g","source":"IGOWSTNAT","target":"SYR","code":"042"}
{"id":"zz","source":"USA","target":"RUS","code":"010"}
this is not json
{"id":7,"source":"FRAGOV","target":null,"code":"087"}
{"id":"h","source":"ISR","target":"PSE","code":"080"}
"#;

#[test]
fn mixed_fixture_matches_the_script() {
    let s = score(GOLD, PRED);
    assert_json(
        &s,
        r#"{"root": {"p": 0.8889, "r": 1.0, "f1": 0.9412, "tp": 8, "pred": 9, "gold": 8}, "code": {"p": 0.7778, "r": 0.875, "f1": 0.8235, "tp": 7, "pred": 9, "gold": 8}, "triple": {"p": 0.5556, "r": 0.625, "f1": 0.5882, "tp": 5, "pred": 9, "gold": 8}, "sentences": 9, "no_event_sentences": 2, "false_alarm_rate": 0.5, "events_with_unknown_id": 1, "unparsable_lines": 1}"#,
    );
    assert_eq!(
        s.summary_line::<&str>(&[]),
        "ok root-F1=0.941 code-F1=0.824 triple-F1=0.588"
    );
    let mins = [("triple", 0.7), ("code", 0.5), ("triple", 0.6)];
    assert!(!s.check_min(&mins));
    // A repeated level is held to its last value only.
    assert!(s.check_min(&[("triple", 0.7), ("triple", 0.5)]));
    assert_eq!(
        s.summary_line(&mins),
        "short root-F1=0.941 code-F1=0.824 triple-F1=0.588 (need {'triple': 0.6, 'code': 0.5})"
    );
}

#[test]
fn no_predictions_at_all() {
    let s = score(GOLD, "");
    assert_json(
        &s,
        r#"{"root": {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 8}, "code": {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 8}, "triple": {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 8}, "sentences": 9, "no_event_sentences": 2, "false_alarm_rate": 0.0, "events_with_unknown_id": 0, "unparsable_lines": 0}"#,
    );
}

#[test]
fn nothing_expected_and_nothing_predicted_is_perfect() {
    let s = score("{\"id\":\"x\",\"events\":[]}\n", "");
    assert_json(
        &s,
        r#"{"root": {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 0, "pred": 0, "gold": 0}, "code": {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 0, "pred": 0, "gold": 0}, "triple": {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 0, "pred": 0, "gold": 0}, "sentences": 1, "no_event_sentences": 1, "false_alarm_rate": 0.0, "events_with_unknown_id": 0, "unparsable_lines": 0}"#,
    );
    assert_eq!(
        s.summary_line::<&str>(&[]),
        "ok root-F1=1.000 code-F1=1.000 triple-F1=1.000"
    );
}

#[test]
fn precision_one_in_thirty_two_rounds_half_to_even() {
    let gold = r#"{"id":"t","events":[{"source":"A","target":"B","code":"010"}]}"#;
    let mut pred =
        String::from("{\"id\":\"t\",\"source\":\"A\",\"target\":\"B\",\"code\":\"010\"}\n");
    for _ in 0..31 {
        pred.push_str("{\"id\":\"t\",\"source\":\"A\",\"target\":\"B\",\"code\":\"020\"}\n");
    }
    let s = score(gold, &pred);
    let level = r#"{"p": 0.0312, "r": 1.0, "f1": 0.0606, "tp": 1, "pred": 32, "gold": 1}"#;
    assert_json(
        &s,
        &format!(
            r#"{{"root": {level}, "code": {level}, "triple": {level}, "sentences": 1, "no_event_sentences": 0, "false_alarm_rate": 0.0, "events_with_unknown_id": 0, "unparsable_lines": 0}}"#
        ),
    );
    let mins = [("root", 0.06), ("root", 0.0001)];
    assert!(s.check_min(&mins));
    assert_eq!(
        s.summary_line(&mins),
        "ok root-F1=0.061 code-F1=0.061 triple-F1=0.061 (need {'root': 0.0001})"
    );
}

#[test]
fn repeated_gold_id_counts_once_with_its_last_events() {
    let gold = r#"{"id":"a","events":[{"source":"USA","target":"RUS","code":"036"}]}
{"id":"b","events":[]}
{"id":"a","events":[{"source":"USA","target":"RUS","code":"036"},{"source":"RUS","target":"USA","code":"036"}]}
"#;
    let pred = r#"{"id":"a","source":"RUS","target":"USA","code":"036"}
{"id":"b","source":"RUS","target":"USA","code":"036"}
{"source":"RUS","target":"USA","code":"036"}
"#;
    let s = score(gold, pred);
    assert_json(
        &s,
        r#"{"root": {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "pred": 2, "gold": 2}, "code": {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "pred": 2, "gold": 2}, "triple": {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "pred": 2, "gold": 2}, "sentences": 2, "no_event_sentences": 1, "false_alarm_rate": 1.0, "events_with_unknown_id": 1, "unparsable_lines": 0}"#,
    );
    assert!(!s.check_min(&[("triple", 1.0)]));
}

#[test]
fn seed_gold_with_swapped_actors() {
    // The repository's seed gold, predicted with every event's actors swapped.
    let text = include_str!("../../../../data/eval/seed-gold.jsonl");
    let gold = read_gold(text, "seed-gold.jsonl").unwrap();
    assert_eq!(gold.len(), 24);
    let pred: Vec<PredEvent> = gold
        .iter()
        .flat_map(|r| {
            r.events.iter().map(|e| PredEvent {
                id: r.id.clone(),
                source: e.target.clone(),
                target: e.source.clone(),
                code: e.code.clone(),
                country: String::new(),
            })
        })
        .collect();
    assert_json(
        &score_events(&gold, &pred),
        r#"{"root": {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 25, "pred": 25, "gold": 25}, "code": {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 25, "pred": 25, "gold": 25}, "triple": {"p": 0.4, "r": 0.4, "f1": 0.4, "tp": 10, "pred": 25, "gold": 25}, "sentences": 24, "no_event_sentences": 8, "false_alarm_rate": 0.0, "events_with_unknown_id": 0, "unparsable_lines": 0}"#,
    );
}

#[test]
fn thresholds_parse_and_check() {
    assert_eq!(parse_threshold("triple=0.7").unwrap(), (Level::Triple, 0.7));
    assert_eq!(parse_threshold(" root = 1 ").unwrap(), (Level::Root, 1.0));
    for bad in ["triple", "quad=0.5", "code=high"] {
        let err = parse_threshold(bad).unwrap_err().to_string();
        assert!(err.starts_with(&format!("bad threshold `{bad}`")), "{err}");
    }
    let s = score(GOLD, PRED);
    assert!(s.check_min(&[("root", 0.9412)]));
    assert!(!s.check_min(&[("root", 0.9413)]));
    assert!(!s.check_min(&[("quad", 0.0)]));
    assert!(s.check_min::<String>(&[]));
    assert_eq!(s.level(Level::Code).tp, 7);
    assert_eq!("code".parse::<Level>().unwrap().to_string(), "code");
}

#[test]
fn scores_round_trip_through_json() {
    let s = score(GOLD, PRED);
    let back: EventScores = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
}

/// Gold countries in upper and lower case, an empty one (not scored), a segment without
/// one, a repeated id whose first occurrence gives the country, and predictions placed
/// right, wrong, nowhere (`location` absent or null) and in lower case.
const LOCATION_GOLD: &str = r#"{"id":"a","action_country":"UA","events":[{"source":"RUSMIL","target":"UKR","code":"190"}]}
{"id":"b","action_country":"sy","events":[{"source":"ISR","target":"SYR","code":"195"}]}
{"id":"c","action_country":"FR","events":[]}
{"id":"d","action_country":"","events":[]}
{"id":"e","events":[{"source":"TUR","target":"GRC","code":"042"}]}
{"id":"f","action_country":"IQ","events":[]}
{"id":"f","events":[{"source":"USA","target":"IRQ","code":"042"}]}
"#;

const LOCATION_PRED: &str = r#"{"id":"a","source":"RUSMIL","target":"UKR","code":"190","location":{"name":"Kharkiv","country":"UA"}}
{"id":"a","source":"RUSMIL","target":"UKR","code":"193","location":{"name":"Belgorod","country":"RU"}}
{"id":"b","source":"ISRMIL","target":"SYR","code":"195","location":{"country":"sy"}}
{"id":"b","source":"ISRMIL","target":"LBN","code":"195","location":{"country":"LB"}}
{"id":"c","source":"FRA","target":"DEU","code":"036"}
{"id":"d","source":"FRA","target":"DEU","code":"036","location":{"country":"FR"}}
{"id":"e","source":"TUR","target":"GRC","code":"042","location":{"country":"GR"}}
{"id":"f","source":"USAGOV","target":"IRQ","code":"042","location":{"country":"IQ"}}
{"id":"f","source":"USAGOV","target":"IRQ","code":"043","location":null}
"#;

#[test]
fn event_location_matches_the_script() {
    let s = score(LOCATION_GOLD, LOCATION_PRED);
    assert_json(
        &s,
        r#"{"root": {"p": 0.4444, "r": 1.0, "f1": 0.6154, "tp": 4, "pred": 9, "gold": 4}, "code": {"p": 0.4444, "r": 1.0, "f1": 0.6154, "tp": 4, "pred": 9, "gold": 4}, "triple": {"p": 0.4444, "r": 1.0, "f1": 0.6154, "tp": 4, "pred": 9, "gold": 4}, "sentences": 6, "no_event_sentences": 2, "false_alarm_rate": 1.0, "event_location": {"right": 3, "events": 7, "share": 0.4286}, "events_with_unknown_id": 0, "unparsable_lines": 0}"#,
    );
    assert_eq!(
        s.summary_line(&[("triple", 0.5)]),
        "ok root-F1=0.615 code-F1=0.615 triple-F1=0.615 (need {'triple': 0.5})"
    );
    let back: EventScores = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
}

#[test]
fn event_location_from_coded_events() {
    // The CLI scores the coder's events, not a file: the country comes from the place.
    let mut e = vigil_model::Event {
        id: "a".into(),
        code: "190".into(),
        ..vigil_model::Event::default()
    };
    let unplaced = PredEvent::from(&e);
    assert_eq!(unplaced.country, "");
    e.location = Some(
        serde_json::from_value(
            serde_json::json!({"name": "Kharkiv", "full_name": "Kharkiv, Ukraine",
            "kind": "city", "country": "UA", "lat": 49.99, "lon": 36.23, "feature_id": "x"}),
        )
        .unwrap(),
    );
    let placed = PredEvent::from(&e);
    assert_eq!(placed.country, "UA");
    let gold = read_gold(LOCATION_GOLD, "gold.jsonl").unwrap();
    let loc = score_events(&gold, &[placed, unplaced])
        .event_location
        .unwrap();
    assert_eq!((loc.right, loc.events, loc.share), (1, 2, 0.5));
}

#[test]
fn no_gold_country_no_event_location() {
    let s = score(GOLD, PRED);
    assert!(s.event_location.is_none());
    assert!(
        !serde_json::to_string(&s)
            .unwrap()
            .contains("event_location")
    );
}

#[test]
fn a_split_scores_only_its_own_segments() {
    let gold = r#"{"id":"t1","article":"A","split":"train","action_country":"UA","events":[{"source":"RUS","target":"UKR","code":"190"}]}
{"id":"t2","article":"A","split":"train","events":[]}
{"id":"v1","article":"B","split":"test","action_country":"SY","events":[{"source":"ISR","target":"SYR","code":"195"},{"source":"ISR","target":"LBN","code":"190"}]}
{"id":"x1","events":[{"source":"USA","target":"CHN","code":"036"}]}
"#;
    let pred = r#"{"id":"t1","source":"RUS","target":"UKR","code":"190","location":{"country":"UA"}}
{"id":"t2","source":"RUS","target":"UKR","code":"190"}
{"id":"v1","source":"ISR","target":"SYR","code":"195","location":{"country":"LB"}}
{"id":"x1","source":"USA","target":"CHN","code":"036"}
"#;
    let all = read_gold(gold, "gold.jsonl").unwrap();
    let (train, cut) = select_split(all.clone(), "train");
    assert!(cut.is_empty());
    let pred = read_predictions(pred).events;
    let s = score_events(&train, &pred);
    // t1 right; a false alarm on t2; v1 and x1 are not this split's.
    assert_eq!((s.triple.tp, s.triple.gold, s.sentences), (1, 1, 2));
    assert_eq!(s.false_alarm_rate, 1.0);
    assert_eq!(s.events_with_unknown_id, 2);
    assert_eq!(s.event_location.unwrap().share, 1.0);
    let (test, _) = select_split(all, "test");
    let s = score_events(&test, &pred);
    assert_eq!((s.triple.tp, s.triple.gold, s.sentences), (1, 2, 1));
    let loc = s.event_location.unwrap();
    assert_eq!((loc.right, loc.events), (0, 1));
}
