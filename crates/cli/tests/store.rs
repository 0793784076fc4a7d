//! `vigil ingest`, `vigil events` and `vigil export` end to end on a real SQLite file,
//! including a real `kill -9` in the middle of an ingest.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn vigil() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vigil-store-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Writes the built-in bench corpus (`articles` articles of 20 sentences) to `path`.
fn corpus(path: &Path, articles: usize) {
    let st = vigil()
        .args([
            "bench",
            "--articles",
            &articles.to_string(),
            "--write-corpus",
        ])
        .arg(path)
        .status()
        .unwrap();
    assert!(st.success());
}

fn ingest(db: &Path, inputs: &[&Path], extra: &[&str]) -> std::process::Output {
    vigil()
        .arg("ingest")
        .arg("--db")
        .arg(format!("sqlite:{}", db.display()))
        .args(extra)
        .args(inputs)
        .output()
        .unwrap()
}

/// Every stored event as JSONL, sorted (the export order is by date, then event id, but
/// sorting makes the comparison independent of it).
fn export(db: &Path) -> Vec<String> {
    let out = vigil()
        .args(["export", "--format", "jsonl", "--db"])
        .arg(format!("sqlite:{}", db.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

fn summary(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn ingesting_twice_adds_nothing_and_events_can_be_queried() {
    let d = dir("twice");
    let input = d.join("c.jsonl");
    corpus(&input, 60);
    let db = d.join("v.db");
    let first = ingest(&db, &[&input], &[]);
    assert!(first.status.success(), "{}", summary(&first));
    assert!(
        summary(&first).contains("60 articles new"),
        "{}",
        summary(&first)
    );
    let before = export(&db);
    assert!(!before.is_empty());
    let again = ingest(&db, &[&input], &[]);
    assert!(again.status.success());
    assert!(
        summary(&again).contains("0 articles new, 0 changed, 60 unchanged"),
        "{}",
        summary(&again)
    );
    assert_eq!(export(&db), before);

    // Filters and formats.
    let q = |args: &[&str]| {
        let out = vigil()
            .arg("events")
            .arg("--db")
            .arg(format!("sqlite:{}", db.display()))
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let jsonl = q(&["--format", "jsonl", "--code", "1", "--limit", "5"]);
    let rows: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!rows.is_empty() && rows.len() <= 5);
    for r in &rows {
        assert!(r["code"].as_str().unwrap().starts_with('1'));
        assert!(r["event_id"].as_i64().unwrap() > 0);
        assert!(!r["mentions"].as_array().unwrap().is_empty());
        assert!(r["provenance"]["sentence_text"].is_string());
    }
    let csv = q(&["--format", "csv", "--actor", "USA"]);
    assert!(csv.lines().count() >= 2, "{csv}");
    assert!(q(&["--format", "table", "--quad", "4"]).lines().count() >= 1);
}

#[test]
fn a_changed_article_supersedes_its_old_version() {
    let d = dir("changed");
    let db = d.join("v.db");
    let a = d.join("a.jsonl");
    std::fs::write(
        &a,
        "{\"id\":\"x1\",\"date\":\"2021-12-04\",\"text\":\"Russia attacked Ukraine.\"}\n",
    )
    .unwrap();
    assert!(ingest(&db, &[&a], &[]).status.success());
    std::fs::write(
        &a,
        "{\"id\":\"x1\",\"date\":\"2021-12-04\",\"text\":\"Russia condemned Ukraine.\"}\n",
    )
    .unwrap();
    let out = ingest(&db, &[&a], &[]);
    assert!(summary(&out).contains("1 changed"), "{}", summary(&out));
    let events = export(&db);
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(
        events[0].contains("\"code\":\"111\"") || events[0].contains("\"root\":\"11\""),
        "{}",
        events[0]
    );
}

#[test]
fn bad_inputs_are_reported_counted_and_skipped_and_exit_3() {
    let d = dir("bad");
    let db = d.join("v.db");
    let good = d.join("good.jsonl");
    std::fs::write(
        &good,
        "{\"id\":\"g\",\"date\":\"2021-12-04\",\"text\":\"Russia attacked Ukraine.\"}\nnot json\n",
    )
    .unwrap();
    let bin = d.join("bin.txt");
    std::fs::write(&bin, [0u8, 1, 2, 3, 0, 0, 7]).unwrap();
    let out = ingest(&db, &[&good, &bin], &[]);
    assert_eq!(out.status.code(), Some(3));
    let err = summary(&out);
    assert!(err.contains("good.jsonl:2"), "{err}");
    assert!(err.contains("bin.txt") && err.contains("binary"), "{err}");
    assert!(
        err.contains("1 articles new") && err.contains("2 failed"),
        "{err}"
    );
}

#[test]
fn kill_9_mid_ingest_then_rerun_equals_a_clean_run() {
    let d = dir("kill");
    let input = d.join("c.jsonl");
    corpus(&input, 1500);
    let clean = d.join("clean.db");
    let out = ingest(&clean, &[&input], &["--batch", "50"]);
    assert!(out.status.success(), "{}", summary(&out));

    let killed = d.join("killed.db");
    let mut child = vigil()
        .arg("ingest")
        .arg("--db")
        .arg(format!("sqlite:{}", killed.display()))
        .args(["--batch", "50"])
        .arg(&input)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches are committed (the WAL or the database grows), then kill.
    let wal = PathBuf::from(format!("{}-wal", killed.display()));
    let t0 = std::time::Instant::now();
    loop {
        let size = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        if size > 2 << 20 || t0.elapsed() > std::time::Duration::from_secs(60) {
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // SIGKILL: no destructor, no rollback by us; SQLite's journal must do it.
    assert!(
        child.try_wait().unwrap().is_none(),
        "the ingest finished before it could be killed: use a larger corpus"
    );
    child.kill().unwrap();
    let _ = child.wait();
    let partial = export(&killed);
    let full = export(&clean);
    assert!(
        !partial.is_empty() && partial.len() < full.len(),
        "killed after {} of {} events",
        partial.len(),
        full.len()
    );

    let rerun = ingest(&killed, &[&input], &["--batch", "50"]);
    assert!(rerun.status.success(), "{}", summary(&rerun));
    assert_eq!(
        export(&killed),
        full,
        "re-run after kill -9 differs from a clean run"
    );
    // The database is intact.
    let check = rusqlite::Connection::open(&killed)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
        .unwrap();
    assert_eq!(check, "ok");
    let articles: i64 = rusqlite::Connection::open(&killed)
        .unwrap()
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(articles, 1500);
}

/// The JSON lines `vigil ARGS --db sqlite:DB` prints.
fn json_lines(db: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = vigil()
        .args(args)
        .arg("--db")
        .arg(format!("sqlite:{}", db.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", summary(&out));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn claims_their_conflicts_and_places_are_stored_listed_and_replaced_with_their_article() {
    let d = dir("claims");
    let db = d.join("v.db");
    let input = d.join("a.jsonl");
    let text = "Belarus has deployed about 30,000 troops near its border with Lithuania, \
                according to a senior NATO official. Lithuania's defence minister said the \
                number of Belarusian troops near Lithuania is 12,000. The soldiers arrived in \
                Grodno last week.";
    let record = |text: &str| serde_json::json!({"id": "b1", "date": "2023-05-12", "text": text});
    std::fs::write(&input, format!("{}\n", record(text))).unwrap();
    for _ in 0..2 {
        assert!(ingest(&db, &[&input], &[]).status.success());
    }
    let claims = json_lines(&db, &["claims", "--format", "jsonl"]);
    assert_eq!(claims.len(), 2, "ingesting twice adds nothing: {claims:?}");
    // Coding everything again (after an upgrade) replaces, never duplicates.
    let out = ingest(&db, &[&input], &["--recode"]);
    assert!(summary(&out).contains("1 changed"), "{}", summary(&out));
    assert_eq!(json_lines(&db, &["claims", "--format", "jsonl"]).len(), 2);
    for (c, value, claimant) in [
        (&claims[0], 30000.0, "IGOWSTNAT"),
        (&claims[1], 12000.0, "LTUGOV"),
    ] {
        assert_eq!(c["value"], value);
        assert_eq!(
            (c["unit"].as_str(), c["subject_code"].as_str()),
            (Some("troop"), Some("BLR"))
        );
        assert_eq!(c["claimant_code"], claimant);
        assert_eq!(
            (c["id"].as_str(), c["article"].as_str()),
            (Some("b1"), Some("b1"))
        );
        for key in [
            "low",
            "high",
            "qualifier",
            "subject",
            "claimant",
            "anonymous",
            "sentence",
            "text",
        ] {
            assert!(c.get(key).is_some(), "{key} in {c}");
        }
    }
    assert_eq!(claims[0]["anonymous"], true);
    let conflicts = json_lines(&db, &["claims", "--conflicts", "--format", "jsonl"]);
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    let linked: Vec<&serde_json::Value> =
        conflicts[0]["claims"].as_array().unwrap().iter().collect();
    assert_eq!(
        (linked[0]["value"].as_f64(), linked[1]["value"].as_f64()),
        (Some(12000.0), Some(30000.0))
    );
    let places = json_lines(&db, &["places", "--format", "jsonl"]);
    assert_eq!(places.len(), 1, "near Lithuania only locates: {places:?}");
    assert_eq!(
        (places[0]["country"].as_str(), places[0]["kind"].as_str()),
        (Some("BY"), Some("city"))
    );
    assert_eq!(places[0]["mentions"], 1);

    // A changed article replaces its claims: the minister's figure is gone.
    let first = text.split(". ").next().unwrap().to_string() + ".";
    std::fs::write(&input, format!("{}\n", record(&first))).unwrap();
    assert!(ingest(&db, &[&input], &[]).status.success());
    let claims = json_lines(&db, &["claims", "--format", "jsonl"]);
    assert_eq!(claims.len(), 1);
    assert!(json_lines(&db, &["claims", "--conflicts", "--format", "jsonl"]).is_empty());
    assert!(json_lines(&db, &["places", "--format", "jsonl"]).is_empty());
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn watch_alerts_a_burst_of_conflict_against_the_dyads_baseline_and_stores_it() {
    let d = dir("watch");
    let db = d.join("v.db");
    let input = d.join("a.jsonl");
    // Four months of steady verbal conflict, then a week of shelling.
    let start = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
    let mut lines = String::new();
    for i in 0..120 {
        let day = start + chrono::Duration::days(i);
        let rec = |id: String, text: &str| {
            serde_json::json!({"id": id, "date": day.to_string(), "text": text}).to_string() + "\n"
        };
        lines += &rec(format!("q{i}"), "Russia criticised Ukraine over the talks.");
        if i >= 113 {
            for k in 0..3 {
                lines += &rec(
                    format!("s{i}-{k}"),
                    "Russian forces shelled Ukrainian positions near the border.",
                );
            }
        }
    }
    std::fs::write(&input, lines).unwrap();
    assert!(ingest(&db, &[&input], &[]).status.success());
    for _ in 0..2 {
        let alerts = json_lines(&db, &["watch", "--format", "jsonl"]);
        assert_eq!(alerts.len(), 1, "only the burst: {alerts:?}");
        let a = &alerts[0];
        assert_eq!(
            (a["dyad"].as_str(), a["quad"].as_u64()),
            (Some("RUS>UKR"), Some(4))
        );
        assert_eq!(a["window"], "2022-04-24/2022-04-30");
        assert_eq!(a["observed"], 7);
        assert!(a["severity"].as_f64().unwrap() > 6.0);
        assert_eq!(a["evidence"].as_array().unwrap().len(), 7);
        assert!(a["summary"].as_str().unwrap().contains("material conflict"));
    }
    // Stored once, however often it is computed.
    let c = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM alerts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    // The shelling reports are corrected into talks: the alert no longer holds, and goes.
    let fixed = d.join("b.jsonl");
    let mut lines = String::new();
    for i in 113..120 {
        let day = start + chrono::Duration::days(i);
        for k in 0..3 {
            lines += &(serde_json::json!({"id": format!("s{i}-{k}"), "date": day.to_string(),
                "text": "Russian diplomats met Ukrainian negotiators near the border."})
            .to_string()
                + "\n");
        }
    }
    std::fs::write(&fixed, lines).unwrap();
    assert!(ingest(&db, &[&fixed], &[]).status.success());
    assert!(json_lines(&db, &["watch", "--format", "jsonl"]).is_empty());
    let n: i64 = c
        .query_row("SELECT count(*) FROM alerts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    let _ = std::fs::remove_dir_all(&d);
}
