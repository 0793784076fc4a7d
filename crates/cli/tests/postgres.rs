//! `vigil ingest` and `vigil export` against a real PostgreSQL server: the same results as
//! SQLite, and two ingest processes writing overlapping inputs into one database at once.
//!
//! The server is the one `VIGIL_TEST_POSTGRES` names (an admin URL that may create
//! databases; `scripts/test` starts a throwaway server and sets it). Each test creates a
//! database of its own with `psql` and drops it at the end. The tests are `#[ignore]`d, so a
//! plain `cargo test` lists them as ignored instead of passing them unchecked;
//! `scripts/test` runs them with `--ignored` once its server is up, and run without the
//! variable they fail.

mod server;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn vigil() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
}

/// The admin URL. The tests are ignored unless asked for: asked for without a server, they
/// fail rather than pass having checked nothing.
fn admin_url() -> String {
    std::env::var("VIGIL_TEST_POSTGRES")
        .ok()
        .filter(|u| !u.is_empty())
        .expect(
            "VIGIL_TEST_POSTGRES is not set: this PostgreSQL test needs the admin URL of a \
             server that lets it create databases (scripts/test starts one and sets it)",
        )
}

/// Runs `sql` with psql on `url`; returns its unaligned output.
fn psql(url: &str, sql: &str) -> String {
    let out = Command::new("psql")
        .args([
            "-X",
            "-q",
            "-A",
            "-t",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            url,
            "-c",
            sql,
        ])
        .output()
        .expect("psql runs (scripts/test puts PostgreSQL's tools on PATH)");
    assert!(
        out.status.success(),
        "psql {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// `url` with its database replaced by `db`.
fn with_database(url: &str, db: &str) -> String {
    let (scheme, rest) = url.split_once("://").expect("a postgres:// URL");
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, format!("?{q}")),
        None => (rest, String::new()),
    };
    let authority = rest.split('/').next().unwrap_or(rest);
    format!("{scheme}://{authority}/{db}{query}")
}

/// A fresh database for one test, dropped when the value goes.
struct Database {
    admin: String,
    name: String,
    url: String,
}

impl Database {
    fn new(admin: &str, tag: &str) -> Database {
        let name = format!("vigil_cli_{tag}_{}", std::process::id());
        psql(
            admin,
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        );
        psql(admin, &format!("CREATE DATABASE {name}"));
        Database {
            admin: admin.to_string(),
            url: with_database(admin, &name),
            name,
        }
    }

    /// One number from a query.
    fn number(&self, sql: &str) -> u64 {
        psql(&self.url, sql).parse().expect("a number")
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        let _ = Command::new("psql")
            .args(["-X", "-q", "-d", &self.admin, "-c"])
            .arg(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .output();
    }
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vigil-pg-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Writes the built-in bench corpus (`articles` articles, one record each) to `path`.
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

/// Lines `range` of the JSONL file `from`, written to `to`.
fn slice(from: &Path, range: std::ops::Range<usize>, to: &Path) {
    let text = std::fs::read_to_string(from).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.len() >= range.end,
        "the corpus has {} records",
        lines.len()
    );
    std::fs::write(to, lines[range].join("\n") + "\n").unwrap();
}

fn ingest_cmd(db: &str, input: &Path) -> Command {
    let mut c = vigil();
    // Small batches, so that concurrent ingests interleave many transactions.
    c.args(["ingest", "--batch", "50", "--db", db])
        .arg(input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn ok(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    err
}

/// Every stored event as JSONL, sorted.
fn export(db: &str) -> Vec<String> {
    let out = vigil()
        .args(["export", "--format", "jsonl", "--db", db])
        .output()
        .unwrap();
    ok(&out);
    let mut lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

/// Every stored claim and place, and the alerts, as `vigil claims`, `vigil places` and
/// `vigil watch` print them.
fn facts(db: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for what in ["claims", "places", "watch"] {
        let out = vigil()
            .args([what, "--format", "jsonl", "--db", db])
            .output()
            .unwrap();
        ok(&out);
        let text = String::from_utf8(out.stdout).unwrap();
        lines.extend(text.lines().map(|l| format!("{what} {l}")));
    }
    lines
}

/// Mentions listed by an export (each event lists all of its reports).
fn mentions(export: &[String]) -> u64 {
    export
        .iter()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["mentions"].as_array().unwrap().len() as u64
        })
        .sum()
}

/// The whole corpus ingested into SQLite: its export, and its sentence count.
fn sqlite_reference(d: &Path, input: &Path) -> (Vec<String>, u64) {
    let db = format!("sqlite:{}", d.join("v.db").display());
    let summary = ok(&ingest_cmd(&db, input).output().unwrap());
    let sentences = summary
        .split("; ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a sentence count in {summary}"));
    (export(&db), sentences)
}

#[test]
#[ignore = "needs a PostgreSQL server (VIGIL_TEST_POSTGRES); scripts/test runs it"]
fn a_postgres_ingest_exports_exactly_what_a_sqlite_ingest_exports() {
    let admin = admin_url();
    let d = dir("parity");
    let input = d.join("c.jsonl");
    corpus(&input, 400);
    let (want, sentences) = sqlite_reference(&d, &input);
    assert!(want.len() > 50, "the corpus yields events");
    let want_facts = facts(&format!("sqlite:{}", d.join("v.db").display()));
    assert!(
        want_facts.iter().any(|l| l.starts_with("claims"))
            && want_facts.iter().any(|l| l.starts_with("places")),
        "the corpus yields claims and places"
    );

    let pg = Database::new(&admin, "parity");
    let summary = ok(&ingest_cmd(&pg.url, &input).output().unwrap());
    assert!(summary.contains("400 articles new"), "{summary}");
    assert_eq!(export(&pg.url), want);
    assert_eq!(facts(&pg.url), want_facts);
    assert_eq!(pg.number("SELECT count(*) FROM articles"), 400);
    assert_eq!(pg.number("SELECT count(*) FROM sentences"), sentences);
    assert_eq!(pg.number("SELECT count(*) FROM mentions"), mentions(&want));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
#[ignore = "needs a PostgreSQL server (VIGIL_TEST_POSTGRES); scripts/test runs it"]
fn two_ingests_at_once_of_overlapping_inputs_store_every_record_once() {
    let admin = admin_url();
    let d = dir("concurrent");
    let input = d.join("c.jsonl");
    corpus(&input, 400);
    let (want, sentences) = sqlite_reference(&d, &input);
    // Two overlapping parts: records 100..300 are in both.
    let (first, second) = (d.join("first.jsonl"), d.join("second.jsonl"));
    slice(&input, 0..300, &first);
    slice(&input, 100..400, &second);

    // A fresh database: both processes also race to create the schema.
    let pg = Database::new(&admin, "concurrent");
    let both = |expect: &str| {
        let a = ingest_cmd(&pg.url, &first).spawn().unwrap();
        let b = ingest_cmd(&pg.url, &second).spawn().unwrap();
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        for out in [a, b] {
            let summary = ok(&out);
            assert!(summary.contains(expect), "{summary}");
        }
    };
    both(" articles new");
    assert_eq!(pg.number("SELECT count(*) FROM articles"), 400);
    assert_eq!(pg.number("SELECT count(*) FROM sentences"), sentences);
    assert_eq!(pg.number("SELECT count(*) FROM mentions"), mentions(&want));
    assert_eq!(
        pg.number(
            "SELECT count(*) FROM mentions m WHERE NOT EXISTS
               (SELECT 1 FROM events e WHERE e.event_id = m.event_id)"
        ),
        0,
        "every mention has its event"
    );
    assert_eq!(export(&pg.url), want);

    // Again, at once: everything is stored already.
    both("0 articles new, 0 changed, 300 unchanged");
    assert_eq!(pg.number("SELECT count(*) FROM mentions"), mentions(&want));
    assert_eq!(export(&pg.url), want);
    let _ = std::fs::remove_dir_all(&d);
}

/// The API serves the same answers from PostgreSQL as from SQLite, for the same input:
/// pages of events, one event, aggregates, alerts with their evidence, and search.
#[test]
#[ignore = "needs a PostgreSQL server (VIGIL_TEST_POSTGRES); scripts/test runs it"]
fn the_api_answers_the_same_from_postgres_as_from_sqlite() {
    let admin = admin_url();
    let pg = Database::new(&admin, "api");
    let d = dir("api");
    let input = d.join("a.jsonl");
    server::corpus(&input);
    let lite = format!("sqlite:{}", d.join("v.db").display());
    for db in [&lite, &pg.url] {
        ok(&vigil()
            .args(["ingest", "--db", db])
            .arg(&input)
            .output()
            .unwrap());
        ok(&vigil().args(["watch", "--db", db]).output().unwrap());
    }
    let (a, b) = (
        server::Server::start(&lite, None),
        server::Server::start(&pg.url, None),
    );
    let first = a.ok("/api/events?limit=1")["events"][0]["event_id"]
        .as_str()
        .unwrap()
        .to_string();
    let alert = a.ok("/api/alerts")["alerts"][0]["id"]
        .as_str()
        .unwrap()
        .replace('>', "%3E")
        .replace('/', "%2F");
    for path in [
        "/api/events?actor=RUS&limit=20".to_string(),
        "/api/events?quad=1&limit=5&offset=10".to_string(),
        format!("/api/events/{first}"),
        "/api/series?source=RUS&interval=week".to_string(),
        "/api/map".to_string(),
        "/api/network".to_string(),
        "/api/actors?q=R".to_string(),
        format!("/api/alerts/{alert}"),
        "/api/articles/s119-2".to_string(),
        "/api/claims".to_string(),
    ] {
        assert_eq!(a.ok(&path), b.ok(&path), "{path}");
    }
    // Search ranks differently in the two engines; the same articles match.
    let ids = |s: &server::Server| -> Vec<String> {
        let mut v: Vec<String> = s.ok("/api/search?q=shelled+Kharkiv&limit=200")["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    let found = ids(&a);
    assert_eq!(found.len(), 21);
    assert_eq!(ids(&b), found);
    // The summary differs only where the stores count alike.
    assert_eq!(a.ok("/api/summary"), b.ok("/api/summary"));
    drop((a, b));
    let _ = std::fs::remove_dir_all(&d);
}
