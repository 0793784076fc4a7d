//! `vigil serve` end to end: a real server process on a loopback port, over a real SQLite
//! file, spoken to over HTTP/1.1.

mod server;

use serde_json::{Value, json};
use server::Server;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

fn vigil() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vigil-serve-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run_ok(cmd: &mut Command) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_api_answers_reads_writes_and_errors_over_http() {
    let d = dir("api");
    let input = d.join("a.jsonl");
    server::corpus(&input);
    let db = format!("sqlite:{}", d.join("v.db").display());
    run_ok(vigil().args(["ingest", "--db", &db]).arg(&input));
    run_ok(vigil().args(["watch", "--db", &db]));
    let srv = Server::start(&db, Some("s3cret"));

    // Summary.
    let s = srv.ok("/api/summary");
    let events = s["counts"]["events"].as_u64().unwrap();
    assert!(events >= 240, "{s}");
    assert_eq!(s["counts"]["alerts"], 1);
    assert_eq!(s["last_date"], "2022-04-30");
    assert_eq!(s["synthetic_articles"], 0);
    assert_eq!(s["top_dyads"][0]["source"], "RUS");

    // Events: filters, pages that follow each other, ids as strings.
    let page = |q: &str| srv.ok(&format!("/api/events?{q}"));
    let p1 = page("actor=RUS&limit=5");
    let list = p1["events"].as_array().unwrap();
    assert_eq!(list.len(), 5);
    assert_eq!(p1["next_offset"], 5);
    for e in list {
        assert!(
            e["source"].as_str().unwrap().starts_with("RUS")
                || e["target"].as_str().unwrap().starts_with("RUS")
        );
        assert!(e["event_id"].is_string());
    }
    let dates: Vec<&str> = list
        .iter()
        .map(|e| e["event_date"].as_str().unwrap())
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "most recent first: {dates:?}"
    );
    let both = page("actor=RUS&limit=10");
    let p2 = page("actor=RUS&limit=5&offset=5");
    let ids = |v: &Value| -> Vec<String> {
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["event_id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!([ids(&p1), ids(&p2)].concat(), ids(&both));
    let shelling = page("source=RUS&code=19&quad=4&since=2022-04-24&until=2022-04-30&limit=500");
    assert_eq!(shelling["events"].as_array().unwrap().len(), 7);
    assert_eq!(shelling["next_offset"], Value::Null);

    // One event: the sentence in pieces, source, verb and target marked; the coding.
    let e = &shelling["events"][0];
    let id = e["event_id"].as_str().unwrap();
    let detail = srv.ok(&format!("/api/events/{id}"));
    let segs = detail["segments"].as_array().unwrap();
    let joined: String = segs.iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert_eq!(joined, e["sentence_text"].as_str().unwrap());
    let marked = |role: &str| -> String {
        segs.iter()
            .filter(|s| s["role"] == role)
            .map(|s| s["text"].as_str().unwrap())
            .collect()
    };
    assert_eq!(marked("source"), "Russian forces");
    assert_eq!(marked("verb"), "shelled");
    assert!(marked("target").contains("Ukrainian"), "{segs:?}");
    assert!(!detail["coding"]["verb_entry"].as_str().unwrap().is_empty());
    assert!(
        !detail["coding"]["source"]["entries"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(detail["article"]["title"], "Shelling near the border");
    assert_eq!(detail["event"]["location"]["name"], "Kharkiv");
    assert_eq!(srv.get("/api/events/12345").0, 404);
    assert_eq!(srv.get("/api/events/abc").0, 400);

    // The alert and its evidence.
    let alerts = srv.ok("/api/alerts");
    let a = &alerts["alerts"][0];
    assert_eq!(a["dyad"], "RUS>UKR");
    assert_eq!(a["evidence"].as_array().unwrap().len(), 7);
    let aid = a["id"]
        .as_str()
        .unwrap()
        .replace('>', "%3E")
        .replace('/', "%2F");
    let ad = srv.ok(&format!("/api/alerts/{aid}"));
    let ev = ad["events"].as_array().unwrap();
    assert_eq!(ev.len(), 7);
    assert!(
        ev.iter()
            .all(|e| e["code"].as_str().unwrap().starts_with("19"))
    );
    assert_eq!(srv.get("/api/alerts/none").0, 404);

    // Aggregates.
    let series = srv.ok("/api/series?source=RUS&target=UKR&interval=week");
    let points = series["points"].as_array().unwrap();
    // Shelling from Sunday 24 April to Saturday 30 April: one day in the week of Monday
    // 18 April, six in the week of Monday 25 April.
    let last = points.last().unwrap();
    assert_eq!(last["date"], "2022-04-25");
    assert_eq!(last["quad"][3], 6, "{last}");
    assert_eq!(points[points.len() - 2]["quad"][3], 1);
    let total: u64 = points.iter().map(|p| p["events"].as_u64().unwrap()).sum();
    assert!(total >= 127, "{total}");
    assert_eq!(series["top_codes"][0]["code"], "111");
    let daily = srv.ok("/api/series?actor=FRA&interval=day");
    assert_eq!(daily["points"].as_array().unwrap().len(), 120);
    let map = srv.ok("/api/map");
    assert!(
        map["countries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["country"] == "MLI")
    );
    // Events are placed at the place their sentence names (Kharkiv) and, where it names
    // none, by the dateline, the article or their actors (France): both are on the map.
    let places = map["places"].as_array().unwrap();
    assert!(places.iter().any(|p| p["name"] == "Kharkiv"), "{places:?}");
    let net = srv.ok("/api/network?limit=5");
    assert!(
        net["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["source"] == "FRA" && l["target"] == "MLI")
    );
    let actors = srv.ok("/api/actors?q=ukr");
    assert!(
        actors["actors"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["code"].as_str().unwrap().starts_with("UKR"))
    );

    // Search: stemmed, every word.
    let hits = srv.ok("/api/search?q=shelling+Kharkiv&limit=3");
    assert_eq!(hits["results"].as_array().unwrap().len(), 3);
    assert_eq!(hits["next_offset"], 3);
    assert!(
        hits["results"][0]["snippet"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["hit"] == true)
    );
    assert!(
        srv.ok("/api/search?q=shelling+Paris")["results"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // Claims.
    assert!(srv.ok("/api/claims")["claims"].is_array());

    // Clear errors.
    for (path, status, words) in [
        ("/api/events?quad=7", 400, "QuadClass"),
        ("/api/events?limit=100000", 400, "limit"),
        ("/api/events?since=yesterday", 400, "YYYY-MM-DD"),
        ("/api/events?colour=red", 400, "unknown parameter `colour`"),
        ("/api/series?interval=month", 400, "day or week"),
        ("/api/search", 400, "`q`"),
        ("/api/nothing", 404, "no endpoint"),
        ("/api/", 404, "openapi.json"),
        ("/api/events/%FF", 400, "bad path"),
    ] {
        let (got, v) = srv.get(path);
        assert_eq!(got, status, "{path}: {v}");
        assert_eq!(v["error"]["status"], status);
        assert!(
            v["error"]["message"].as_str().unwrap().contains(words),
            "{path}: {v}"
        );
    }

    // A page elsewhere that rebinds its name to this machine is refused.
    let (status, _) = srv.request("GET", "/api/summary", &[("Host", "evil.example")], b"");
    assert_eq!(status, 421);

    // The OpenAPI document and the dashboard.
    let doc = srv.ok("/api/openapi.json");
    assert!(doc["paths"]["/api/events"]["get"].is_object());
    let (status, html) = srv.request("GET", "/", &[], b"");
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&html).contains("app.js"));

    // Posting: the token is required; bad records store nothing; good ones are served at
    // once.
    let rec = json!({"id": "live-1", "date": "2022-05-01", "title": "Live",
        "text": "Ukrainian forces attacked Russian positions near Belgorod."})
    .to_string();
    let post = |headers: &[(&str, &str)], body: &str| {
        let (status, body) = srv.request("POST", "/api/articles", headers, body.as_bytes());
        (status, serde_json::from_slice::<Value>(&body).unwrap())
    };
    assert_eq!(post(&[], &rec).0, 401);
    assert_eq!(post(&[("Authorization", "Bearer wrong")], &rec).0, 401);
    assert_eq!(post(&[("Authorization", "Basic s3cret")], &rec).0, 401);
    let auth = [("Authorization", "Bearer s3cret")];
    let bad = format!("[{rec}, {{\"id\": \"x\", \"date\": \"soon\", \"text\": \"a\"}}]");
    let (status, v) = post(&auth, &bad);
    assert_eq!(status, 400, "{v}");
    assert!(
        v["error"]["message"].as_str().unwrap().contains("bad date"),
        "{v}"
    );
    assert_eq!(
        srv.ok("/api/summary")["counts"]["articles"],
        s["counts"]["articles"]
    );
    // The scheme is case-insensitive.
    let (status, v) = post(&[("Authorization", "bearer s3cret")], &rec);
    assert_eq!(status, 201, "{v}");
    assert_eq!(v["records"], 1);
    assert!(v["events"].as_u64().unwrap() >= 1);
    let after = srv.ok("/api/events?since=2022-05-01");
    assert_eq!(
        after["events"][0]["source"].as_str().unwrap().get(..3),
        Some("UKR")
    );
    assert_eq!(
        srv.ok("/api/search?q=Belgorod")["results"][0]["id"],
        "live-1"
    );
    let art = srv.ok("/api/articles/live-1");
    assert!(
        art["article"]["text"]
            .as_str()
            .unwrap()
            .contains("Belgorod")
    );
    assert_eq!(art["events"][0]["record_id"], "live-1");
    assert_eq!(srv.get("/api/articles/none").0, 404);
    let huge = "x".repeat(17 << 20);
    assert_eq!(post(&auth, &huge).0, 413);

    // A change by another process is picked up without a restart.
    let more = d.join("b.jsonl");
    std::fs::write(
        &more,
        json!({"id": "late", "date": "2022-05-02", "text": "Poland pledged aid to Ukraine."})
            .to_string(),
    )
    .unwrap();
    run_ok(vigil().args(["ingest", "--db", &db]).arg(&more));
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if srv.ok("/api/summary")["last_date"] == "2022-05-02" {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the server did not see the new article"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    drop(srv);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn without_a_token_posting_is_refused() {
    let d = dir("readonly");
    let db = format!("sqlite:{}", d.join("v.db").display());
    let srv = Server::start(&db, None);
    let (status, body) = srv.request(
        "POST",
        "/api/articles",
        &[("Authorization", "Bearer anything")],
        b"{\"date\": \"2022-01-01\", \"text\": \"Hi.\"}",
    );
    assert_eq!(status, 403, "{}", String::from_utf8_lossy(&body));
    // An empty database serves empty views, not errors.
    let s = srv.ok("/api/summary");
    assert_eq!(s["counts"]["events"], 0);
    assert!(
        srv.ok("/api/series")["points"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    drop(srv);
    let _ = std::fs::remove_dir_all(&d);
}
