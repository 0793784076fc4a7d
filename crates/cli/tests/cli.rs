//! The `vigil` binary end to end: inputs, exit codes, output shape.

use std::io::Write;
use std::process::{Command, Stdio};

fn vigil() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
}

fn tmp(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("vigil-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn txt_without_a_date_is_refused_with_its_name() {
    let p = tmp("nodate.txt", "Russia condemned Ukraine.");
    let good = tmp("good.txt", "Date: 2021-12-04\nRussia condemned Ukraine.");
    let out = vigil().arg("code").arg(&p).arg(&good).output().unwrap();
    // Refused and reported; the other file is still coded; exit status 3 says so.
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nodate.txt") && err.contains("--date"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("good.txt"));
}

#[test]
fn a_line_that_is_not_utf8_is_one_bad_record() {
    let dir = std::env::temp_dir().join(format!("vigil-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("latin1.jsonl");
    let mut bytes =
        b"{\"id\":\"a\",\"date\":\"2021-12-04\",\"text\":\"Caf\xe9 owners protested.\"}\n".to_vec();
    bytes.extend_from_slice(
        b"{\"id\":\"b\",\"date\":\"2021-12-04\",\"text\":\"Russia condemned Ukraine.\"}\n",
    );
    std::fs::write(&p, bytes).unwrap();
    let out = vigil().arg("code").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("latin1.jsonl:1") && err.contains("UTF-8"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"id\":\"b\""));
}

#[test]
fn txt_with_a_date_header_is_coded_with_provenance() {
    let p = tmp(
        "dated.txt",
        "Date: 2021-12-04\nRussia condemned Ukraine on Friday.",
    );
    let out = vigil().arg("code").arg(&p).output().unwrap();
    assert!(out.status.success());
    let line = String::from_utf8(out.stdout).unwrap();
    let e: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(e["id"], p.display().to_string());
    assert_eq!(e["sentence"], 0);
    assert_eq!(e["source"], "RUSGOV");
    assert_eq!(e["target"], "UKR");
    assert_eq!(e["root"], "11");
    assert_eq!(e["quad"], 3);
    assert_eq!(e["date"], "2021-12-04");
    assert_eq!(e["provenance"]["verb_text"], "condemned");
}

#[test]
fn bad_jsonl_lines_are_skipped_reported_and_counted() {
    let p = tmp(
        "mixed.jsonl",
        "{\"id\":\"a\",\"date\":\"2021-12-04\",\"text\":\"Russia condemned Ukraine.\"}\n\
         {broken\n\
         {\"id\":\"b\",\"date\":\"2021-12-04\",\"text\":\"Ukraine condemned Russia.\"}\n",
    );
    let out = vigil().arg("code").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mixed.jsonl:2"), "{err}");
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn stdin_jsonl_and_tsv_output() {
    let mut child = vigil()
        .args(["code", "-", "--format", "tsv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            b"{\"id\":\"x\",\"date\":\"2021-12-04\",\"text\":\"Russia condemned Ukraine.\"}\n",
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("id\tsentence\tdate\tsource\tcode\ttarget")
    );
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("x\t0\t2021-12-04\tRUSGOV\t")
    );
}

#[test]
fn eval_json_has_the_reference_scorer_keys() {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/eval/seed-gold.jsonl"
    );
    let out = vigil().args(["eval", root, "--json"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    for key in [
        "root",
        "code",
        "triple",
        "sentences",
        "no_event_sentences",
        "false_alarm_rate",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["sentences"], 24);
}

/// A small gold file of invented sentences: one article in the train split, one in the
/// test split with a sentence for each stage that can lose an event.
const SPLIT_GOLD: &str = r#"{"id":"a1","article":"A","split":"train","date":"2021-12-04","text":"Russia criticised Ukraine.","events":[{"source":"RUS","target":"UKR","code":"111"}],"action_country":"RU"}
{"id":"b1","article":"B","split":"test","date":"2021-12-05","text":"Ukraine criticised Russia in Kyiv.","events":[{"source":"RUS","target":"UKR","code":"111"}],"action_country":"UA"}
{"id":"b2","article":"B","split":"test","date":"2021-12-05","text":"Russia did not attack Ukraine.","events":[{"source":"RUS","target":"UKR","code":"190"}]}
{"id":"b3","article":"B","split":"test","date":"2021-12-05","text":"Snow in Kyiv.","events":[{"source":"UKR","target":"RUS","code":"010"}]}
{"id":"b4","article":"B","split":"test","date":"2021-12-05","text":"Ukraine criticised the decision.","events":[{"source":"UKR","target":"RUS","code":"111"}]}
{"id":"b5","article":"B","split":"test","date":"2021-12-05","text":"Russia praised Belarus.","events":[]}
{"id":"b6","article":"B","split":"test","date":"2021-12-05","text":"Russia criticised Poland.","events":[{"source":"RUS","target":"POL","code":"111"}]}
{"id":"b7","article":"B","split":"test","date":"2021-12-05","text":"Russia praised Poland.","events":[{"source":"RUS","target":"POL","code":"111"}]}
{"id":"b8","article":"B","split":"test","date":"2021-12-05","text":"Ukraine was criticised.","events":[{"source":"RUS","target":"UKR","code":"111"}]}
{"id":"b9","article":"B","split":"test","date":"2021-12-05","text":"Months later, Russia criticised Poland.","events":[{"source":"RUS","target":"POL","code":"111"}]}
"#;

#[test]
fn eval_misses_on_a_split() {
    let gold = tmp("split-gold.jsonl", SPLIT_GOLD);
    let run = |args: &[&str]| {
        let out = vigil().arg("eval").arg(&gold).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run(&["--split", "test", "--misses"]);
    let stage = |id: &str| -> Vec<&str> {
        text.lines()
            .filter(|l| l.starts_with("MISS\t") || l.starts_with("FALSE\t"))
            .filter(|l| l.split('\t').nth(1) == Some(id))
            .map(|l| l.split('\t').nth(2).unwrap())
            .collect()
    };
    // Only the test split's records are listed.
    assert!(stage("a1").is_empty(), "{text}");
    assert_eq!(stage("b1"), ["wrong role", "false: wrong actors"], "{text}");
    assert_eq!(stage("b2"), ["filtered: negation"], "{text}");
    assert_eq!(stage("b3"), ["no verb"], "{text}");
    assert_eq!(stage("b4"), ["no actor: target"], "{text}");
    assert_eq!(stage("b5"), ["false: no such event in gold"], "{text}");
    assert!(stage("b6").is_empty(), "{text}");
    assert_eq!(stage("b7"), ["wrong code", "false: wrong code"], "{text}");
    assert_eq!(stage("b8"), ["no actor: source"], "{text}");
    assert_eq!(stage("b9"), ["filtered: discard"], "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("MISS\tb2\t")
                && l.ends_with("\tdropped (negation): RUSMIL 190 UKR")),
        "{text}"
    );
    assert!(
        text.contains("missed gold events by stage: 7 of 8\n"),
        "{text}"
    );
    assert!(text.contains("\n  wrong role "), "{text}");
    assert!(
        text.contains(
            "event location: 1.000 (1 of 1 predicted events in sentences with a gold country)"
        ),
        "{text}"
    );
    // The JSON has the reference scorer's numbers for the split, and the counts per stage;
    // the misses listed are the triple level's.
    let json = run(&[
        "--split",
        "test",
        "--misses",
        "--json",
        "--min",
        "location=1",
    ]);
    let line = json.lines().find(|l| l.starts_with('{')).unwrap();
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(v["sentences"], 9);
    assert_eq!(
        v["event_location"],
        serde_json::json!({"right": 1, "events": 1, "share": 1.0})
    );
    let t = &v["triple"];
    let count = |prefix: &str| json.lines().filter(|l| l.starts_with(prefix)).count() as u64;
    assert_eq!(
        count("MISS\t"),
        t["gold"].as_u64().unwrap() - t["tp"].as_u64().unwrap()
    );
    assert_eq!(
        count("FALSE\t"),
        t["pred"].as_u64().unwrap() - t["tp"].as_u64().unwrap()
    );
    assert_eq!(v["misses"]["no verb"], 1);
    // The train split is its one article.
    let train = run(&["--split", "train", "--json"]);
    let v: serde_json::Value = serde_json::from_str(train.lines().next().unwrap()).unwrap();
    assert_eq!(
        (v["sentences"].as_u64(), v["triple"]["gold"].as_u64()),
        (Some(1), Some(1))
    );
    // A split no record has, and a location floor not met, fail.
    let out = vigil()
        .arg("eval")
        .arg(&gold)
        .args(["--split", "dev"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no record has \"split\": \"dev\""));
    let out = vigil()
        .arg("eval")
        .arg(&gold)
        .args(["--min", "location=0.9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn eval_names_each_floor_it_misses() {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/eval/seed-gold.jsonl"
    );
    let out = vigil()
        .args(["eval", root, "--min", "root=0.999", "--min", "triple=0.01"])
        .args(["--min", "times=1.001", "--min", "places=0.01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let missed: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("is below the floor"))
        .collect();
    assert_eq!(missed.len(), 2, "{err}");
    assert!(missed[0].starts_with("vigil: times ") && missed[0].ends_with(" 1.001"));
    assert!(missed[1].starts_with("vigil: root ") && missed[1].ends_with(" 0.999"));
}

#[test]
fn claims_are_printed_only_under_claims_and_events_carry_date_place_and_speaker() {
    let p = tmp(
        "claims.txt",
        "Date: 2022-03-04\nUkrainian officials said Russian forces shelled Kharkiv on Thursday, \
         killing more than 20 civilians.",
    );
    let lines = |args: &[&str]| -> Vec<serde_json::Value> {
        let out = vigil().arg("code").args(args).arg(&p).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let plain = lines(&[]);
    assert!(!plain.is_empty() && plain.iter().all(|v| v.get("type").is_none()));
    let e = &plain[0];
    assert_eq!(e["event_date"], "2022-03-03");
    assert_eq!(e["date_precision"], "day");
    assert_eq!(e["location"]["name"], "Kharkiv");
    assert_eq!(
        e["attribution"]["code"].as_str().map(|c| &c[..3]),
        Some("UKR")
    );
    assert_eq!(e["attribution"]["anonymous"], true);
    let with = lines(&["--claims"]);
    let claims: Vec<&serde_json::Value> = with.iter().filter(|v| v["type"] == "claim").collect();
    assert_eq!(claims.len(), 1, "{with:?}");
    assert_eq!(claims[0]["value"], 20.0);
    assert_eq!(claims[0]["qualifier"], "at_least");
    assert_eq!(claims[0]["unit"], "civilian");
    assert_eq!(with.len(), plain.len() + 1);
    // Without annotation: no date, place or speaker.
    let bare = lines(&["--events-only"]);
    assert!(bare[0].get("location").is_none() && bare[0].get("attribution").is_none());
}

#[test]
fn the_demo_stores_the_sample_corpus_once_and_raises_the_scripted_alert() {
    let dir = std::env::temp_dir().join(format!("vigil-demo-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = format!("sqlite:{}", dir.join("demo.db").display());
    let run = || {
        let out = vigil()
            .args(["demo", "--no-serve", "--db", &db])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let first = run();
    // The user's article, its claims and their conflict.
    assert!(
        first.contains("conflict: about 70,000 troops vs 94,300 troops"),
        "{first}"
    );
    // The synthetic part is said to be synthetic.
    assert!(first.contains("SYNTHETIC articles"), "{first}");
    assert!(first.contains("not real events"), "{first}");
    // The scripted escalation is the (first) alert, and the busiest dyad.
    let alerts = first.split("Alerts (").nth(1).expect("an alerts section");
    let top = alerts.lines().nth(1).unwrap();
    assert!(top.contains("IND→PAK material conflict"), "{top}");
    let dyads = first.split("Busiest dyads").nth(1).unwrap();
    assert!(dyads.lines().nth(1).unwrap().contains("IND→PAK"), "{dyads}");
    // A second run codes nothing again and stores nothing twice.
    let second = run();
    assert!(second.contains(" 0 new,"), "{second}");
    let counts = |s: &str| {
        s.lines()
            .find(|l| l.contains(" articles, ") && l.contains(" events ("))
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(counts(&first), counts(&second));
    let _ = std::fs::remove_dir_all(&dir);
}
