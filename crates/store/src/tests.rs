//! Store tests on a real SQLite file.

use super::*;
use chrono::NaiveDate;
use vigil_model::{Article, Event, Provenance};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ev(id: &str, date: &str, sentence: usize, s: &str, c: &str, t: &str) -> Event {
    Event {
        id: id.into(),
        sentence,
        source: s.into(),
        target: t.into(),
        code: c.into(),
        root: c[..2].into(),
        quad: Some(4),
        goldstein: Some(-9.0),
        date: day(date),
        provenance: Provenance::default(),
        ..Event::default()
    }
}

fn rec(id: &str, date: &str, outlet: &str, text: &str, events: Vec<Event>) -> CodedRecord {
    let mut a = Article::new(id, day(date), text);
    a.outlet = Some(outlet.into());
    CodedRecord {
        hash: content_hash(&a),
        sentences: vec![Span::new(0, text.len())],
        article: a,
        events,
        claims: vec![],
        places: vec![],
        times: vec![],
    }
}

fn open_temp() -> (tempfile::TempDir, Box<dyn Store>) {
    let dir = tempfile::tempdir().unwrap();
    let db = open(&format!("sqlite:{}", dir.path().join("v.db").display())).unwrap();
    (dir, db)
}

#[test]
fn reports_of_one_event_are_one_event_with_mentions_and_the_first_report_names_it() {
    let (_d, mut db) = open_temp();
    // Written in the "wrong" order: the later report first.
    db.write(&[rec(
        "b",
        "2021-12-04",
        "Reuters",
        "Russia massed troops.",
        vec![ev("b", "2021-12-04", 0, "RUSMIL", "154", "UKR")],
    )])
    .unwrap();
    db.write(&[
        rec(
            "a",
            "2021-12-04",
            "AP",
            "Russia massed troops. Again.",
            vec![
                ev("a", "2021-12-04", 0, "RUSMIL", "154", "UKR"),
                ev("a", "2021-12-04", 1, "RUSMIL", "154", "UKR"),
            ],
        ),
        rec(
            "c",
            "2021-12-05",
            "AP",
            "Russia massed troops.",
            vec![ev("c", "2021-12-05", 0, "RUSMIL", "154", "UKR")],
        ),
    ])
    .unwrap();
    let all = db.events(&Filter::default()).unwrap();
    assert_eq!(all.len(), 2, "a different date is a different event");
    let e = all
        .iter()
        .find(|e| e.event_date == day("2021-12-04"))
        .unwrap();
    assert_eq!(e.first.id, "a");
    assert_eq!(
        e.mentions,
        [("a".into(), 0), ("a".into(), 1), ("b".into(), 0)]
    );
    assert_eq!((e.sources, e.articles), (2, 2));
    assert_eq!(
        e.event_id,
        event_id(day("2021-12-04"), "RUSMIL", "154", "UKR")
    );
    let c = db.counts().unwrap();
    assert_eq!(
        (c.articles, c.sentences, c.events, c.mentions),
        (3, 3, 2, 4)
    );
}

#[test]
fn writing_again_adds_nothing_and_a_changed_record_supersedes_its_old_version() {
    let (_d, mut db) = open_temp();
    let r = rec(
        "a",
        "2021-12-04",
        "AP",
        "Russia massed troops.",
        vec![ev("a", "2021-12-04", 0, "RUSMIL", "154", "UKR")],
    );
    db.write(std::slice::from_ref(&r)).unwrap();
    db.write(std::slice::from_ref(&r)).unwrap();
    assert_eq!(db.counts().unwrap().mentions, 1);
    assert_eq!(db.hashes(&["a", "zz"]).unwrap().get("a"), Some(&r.hash));
    let changed = rec(
        "a",
        "2021-12-04",
        "AP",
        "Russia attacked Ukraine.",
        vec![ev("a", "2021-12-04", 0, "RUSMIL", "190", "UKR")],
    );
    db.write(&[changed]).unwrap();
    assert_eq!(db.prune().unwrap(), 1);
    let all = db.events(&Filter::default()).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].first.code, "190");
}

#[test]
fn filters_match_prefixes_quads_and_dates() {
    let (_d, mut db) = open_temp();
    db.write(&[rec(
        "a",
        "2021-12-04",
        "AP",
        "x",
        vec![
            ev("a", "2021-12-04", 0, "RUSMIL", "154", "UKR"),
            ev("a", "2021-12-04", 0, "USAGOV", "036", "RUSGOV"),
        ],
    )])
    .unwrap();
    let mut n = |f: Filter| db.events(&f).unwrap().len();
    assert_eq!(
        n(Filter {
            actor: Some("rus".into()),
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        n(Filter {
            source: Some("RUS".into()),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        n(Filter {
            target: Some("UKR".into()),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        n(Filter {
            code: Some("15".into()),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        n(Filter {
            quad: Some(1),
            ..Filter::default()
        }),
        0
    );
    assert_eq!(
        n(Filter {
            since: Some(day("2021-12-05")),
            ..Filter::default()
        }),
        0
    );
    assert_eq!(
        n(Filter {
            until: Some(day("2021-12-04")),
            limit: Some(1),
            ..Filter::default()
        }),
        1
    );
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.db");
    drop(open(path.to_str().unwrap()).unwrap());
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute("INSERT INTO vigil_schema (version) VALUES (99)", [])
        .unwrap();
    drop(c);
    assert!(matches!(
        open(path.to_str().unwrap()),
        Err(StoreError::TooNew { found: 99, .. })
    ));
}

#[test]
fn a_version_1_database_is_migrated_keeping_its_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.db");
    // A database as the first release wrote it: migration 1 only, one stored event.
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE vigil_schema (version INTEGER NOT NULL)")
            .unwrap();
        c.execute_batch(schema::SQLITE[0]).unwrap();
        c.execute("INSERT INTO vigil_schema (version) VALUES (1)", [])
            .unwrap();
    }
    let e = ev("a", "2021-12-04", 0, "RUSMIL", "154", "UKR");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        let eid = event_id(e.date, &e.source, &e.code, &e.target);
        c.execute(
            "INSERT INTO events VALUES (?1, '2021-12-04', 'RUSMIL', '154', 'UKR', '15', 4, -9.0)",
            [eid],
        )
        .unwrap();
        c.execute(
            "INSERT INTO mentions VALUES (?1, 'a', 0, '2021-12-04', 'a', 'a', ?2)",
            rusqlite::params![eid, serde_json::to_string(&e).unwrap()],
        )
        .unwrap();
    }
    let mut db = open(path.to_str().unwrap()).unwrap();
    assert_eq!(db.counts().unwrap().events, 1);
    assert!(db.claims(None).unwrap().is_empty() && db.places().unwrap().is_empty());
    // Writing the same report again (now with an event date) keeps one event: an event
    // dated by its publication date has the id it had.
    let mut again = e.clone();
    again.event_date = Some(day("2021-12-04"));
    db.write(&[rec(
        "a",
        "2021-12-04",
        "a",
        "Russia massed troops.",
        vec![again],
    )])
    .unwrap();
    db.prune().unwrap();
    assert_eq!(db.counts().unwrap().events, 1);
    let c = rusqlite::Connection::open(&path).unwrap();
    let v: i64 = c
        .query_row("SELECT max(version) FROM vigil_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v as usize, schema::SQLITE.len());
}

#[test]
fn a_version_5_database_gets_its_events_location_basis() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.db");
    // A database at version 5 holding one located event, its report saying how the
    // location was chosen (a report written by a later Vigil, or by hand).
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE vigil_schema (version INTEGER NOT NULL)")
            .unwrap();
        for sql in &schema::SQLITE[..5] {
            c.execute_batch(sql).unwrap();
        }
        c.execute("INSERT INTO vigil_schema (version) VALUES (5)", [])
            .unwrap();
        let mut e = ev("a", "2021-12-04", 0, "RUSMIL", "190", "UKR");
        e.location = Some(vigil_model::Place {
            name: "Kharkiv".into(),
            full_name: "Kharkiv, Ukraine".into(),
            kind: vigil_model::PlaceKind::City,
            country: Some("UA".into()),
            adm1: None,
            lat: 49.98,
            lon: 36.25,
            feature_id: "geonames:706483".into(),
            basis: Some(vigil_model::LocationBasis::Dateline),
        });
        let eid = event_id(e.when(), &e.source, &e.code, &e.target);
        c.execute(
            "INSERT INTO events VALUES (?1, '2021-12-04', 'RUSMIL', '190', 'UKR', '19', 4, -10.0,
                'Kharkiv', 'UA', 49.98, 36.25)",
            [eid],
        )
        .unwrap();
        c.execute(
            "INSERT INTO mentions VALUES (?1, 'a', 0, '2021-12-04', 'a', 'a', ?2)",
            rusqlite::params![eid, serde_json::to_string(&e).unwrap()],
        )
        .unwrap();
    }
    let mut db = open(path.to_str().unwrap()).unwrap();
    let rows = db.event_rows().unwrap();
    let at = rows[0].location.as_ref().expect("location kept");
    assert_eq!(at.basis, Some(vigil_model::LocationBasis::Dateline));
}

#[test]
fn two_places_at_one_position_are_both_kept() {
    let (_d, mut db) = open_temp();
    let place = |name: &str, cc: &str, id: &str| vigil_model::PlaceMention {
        text: "the Russia-Ukraine border".into(),
        span: Span::new(20, 45),
        place: vigil_model::Place {
            name: name.into(),
            full_name: name.into(),
            kind: vigil_model::PlaceKind::Country,
            country: Some(cc.into()),
            adm1: None,
            lat: 0.0,
            lon: 0.0,
            feature_id: id.into(),
            basis: None,
        },
        relational: false,
        why: String::new(),
    };
    let mut r = rec(
        "a",
        "2022-02-01",
        "x",
        "Troops massed on the Russia-Ukraine border.",
        vec![],
    );
    r.places = vec![
        (0, place("Russia", "RU", "geonames:2017370")),
        (0, place("Ukraine", "UA", "geonames:690791")),
    ];
    db.write(&[r]).unwrap();
    let names: Vec<String> = db
        .places()
        .unwrap()
        .into_iter()
        .map(|p| p.place.name)
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

/// What the API reads, on any store: compact event rows with their locations and mention
/// counts, one article, its claims, full-text search, and a version that changes with
/// every write (seen from another connection too).
pub(crate) fn reads_for_the_api(db: &mut dyn Store, reopen: &dyn Fn() -> Box<dyn Store>) {
    let mut shelling = ev("a", "2021-12-04", 0, "RUSMIL", "190", "UKR");
    shelling.location = Some(vigil_model::Place {
        name: "Kharkiv".into(),
        full_name: "Kharkiv, Kharkivska, Ukraine".into(),
        kind: vigil_model::PlaceKind::City,
        country: Some("UA".into()),
        adm1: None,
        lat: 49.98,
        lon: 36.25,
        feature_id: "geonames:706483".into(),
        basis: Some(vigil_model::LocationBasis::Sentence),
    });
    let mut claim = vigil_model::Claim {
        id: "a:0:20".into(),
        article: "a".into(),
        unit: "troop".into(),
        value: Some(70000.0),
        text: "70,000 troops".into(),
        ..Default::default()
    };
    claim.span = Span::new(20, 33);
    let mut a = rec(
        "a",
        "2021-12-04",
        "AP",
        "Russian forces shelled Kharkiv with 70,000 troops nearby.",
        vec![shelling],
    );
    a.article.title = Some("Shelling in the east".into());
    a.claims = vec![claim];
    let b = rec(
        "b",
        "2021-12-05",
        "AP",
        "Diplomats met in Geneva.",
        vec![
            ev("b", "2021-12-05", 0, "USA", "040", "RUS"),
            ev("b", "2021-12-04", 0, "RUSMIL", "190", "UKR"),
        ],
    );
    let mut watcher = reopen();
    let before = watcher.version().unwrap();
    assert_eq!(
        watcher.version().unwrap(),
        before,
        "no change, same version"
    );
    db.write(&[a, b]).unwrap();
    assert_ne!(
        watcher.version().unwrap(),
        before,
        "another connection sees the change"
    );

    let rows = db.event_rows().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].date, day("2021-12-05"), "most recent first");
    let shell = &rows[1];
    assert_eq!(
        (shell.source.as_str(), shell.code.as_str()),
        ("RUSMIL", "190")
    );
    assert_eq!(shell.mentions, 2);
    let at = shell.location.as_ref().expect("location kept");
    assert_eq!(
        (at.name.as_str(), at.country.as_deref()),
        ("Kharkiv", Some("UA"))
    );
    assert!((at.lat - 49.98).abs() < 1e-9);
    assert_eq!(at.basis, Some(vigil_model::LocationBasis::Sentence));
    assert_eq!(rows[0].location, None);

    let only = db
        .events(&Filter {
            ids: Some(vec![shell.event_id]),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(only.len(), 1);
    assert_eq!(only[0].outlet.as_deref(), Some("AP"));
    assert_eq!(only[0].mentions.len(), 2);
    // By id: most recent first, as any other read; unknown ids are left out.
    let both = db
        .events(&Filter {
            ids: Some(vec![shell.event_id, 42, rows[0].event_id]),
            ..Filter::default()
        })
        .unwrap();
    let got: Vec<i64> = both.iter().map(|e| e.event_id).collect();
    assert_eq!(got, vec![rows[0].event_id, shell.event_id]);

    let art = db.article("a").unwrap().expect("stored");
    assert_eq!(art.title.as_deref(), Some("Shelling in the east"));
    assert!(art.text.starts_with("Russian forces"));
    assert!(db.article("nope").unwrap().is_none());
    assert_eq!(db.events_of("a").unwrap(), vec![shell.event_id]);
    assert_eq!(db.events_of("b").unwrap().len(), 2);
    assert!(db.events_of("nope").unwrap().is_empty());
    let claims = db.claims_of("a").unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].value, Some(70000.0));
    assert!(db.claims_of("b").unwrap().is_empty());

    // Stemmed: "shelling" finds "shelled"; every word must match; syntax is inert.
    let hits = db.search("Shelling Kharkiv", 10, 0).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "a");
    assert_eq!(hits[0].events, 1);
    assert!(
        hits[0].snippet.contains(HIT_START) && hits[0].snippet.contains(HIT_END),
        "{:?}",
        hits[0].snippet
    );
    assert!(db.search("shelled Geneva", 10, 0).unwrap().is_empty());
    assert_eq!(
        db.search("\"Geneva\" ^* (diplomats:", 10, 0).unwrap().len(),
        1
    );
    assert!(db.search("  --  ", 10, 0).unwrap().is_empty());
    assert!(db.search("Geneva", 10, 1).unwrap().is_empty(), "offset");

    // A changed record is searched by its new text only.
    let mut a2 = rec("a", "2021-12-04", "AP", "Talks resumed in Vienna.", vec![]);
    a2.article.title = Some("Talks".into());
    db.write(&[a2]).unwrap();
    assert!(db.search("Kharkiv", 10, 0).unwrap().is_empty());
    assert_eq!(db.search("vienna", 10, 0).unwrap().len(), 1);
}

#[test]
fn reads_for_the_api_on_sqlite() {
    let (dir, mut db) = open_temp();
    let path = format!("sqlite:{}", dir.path().join("v.db").display());
    reads_for_the_api(db.as_mut(), &|| open(&path).unwrap());
}

#[test]
fn mention_counts_join_by_id_and_events_without_mentions_are_left_out() {
    let row = |id: i64, date: &str| EventRow {
        event_id: id,
        date: day(date),
        source: String::new(),
        target: String::new(),
        code: String::new(),
        quad: None,
        goldstein: None,
        mentions: 0,
        location: None,
    };
    let mut events = vec![
        row(1, "2024-01-01"),
        row(2, "2024-01-03"),
        row(5, "2024-01-02"),
        row(7, "2024-01-03"),
    ];
    crate::sqlite::join_mention_counts(&mut events, vec![(0, 9), (2, 3), (5, 1), (7, 2), (8, 4)]);
    let got: Vec<(i64, u32)> = events.iter().map(|e| (e.event_id, e.mentions)).collect();
    assert_eq!(got, vec![(2, 3), (7, 2), (5, 1)]);
}
