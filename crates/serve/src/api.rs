//! The JSON endpoints under `/api/`. Each one is described in `openapi.json`, which a test
//! checks against [`PATHS`].

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};
use vigil_model::{Article, EventCodes, Span};
use vigil_store::{Filter, HIT_END, HIT_START, StoredEvent};

use crate::error::ApiError;
use crate::params::{FILTERS, Params};
use crate::snapshot::{Interval, Query, Snapshot};
use crate::{AppState, SYNTHETIC_OUTLET, load_snapshot};

/// Every API path, as routed and as `openapi.json` documents it.
#[cfg(test)]
pub(crate) const PATHS: &[&str] = &[
    "/api/summary",
    "/api/events",
    "/api/events/{event_id}",
    "/api/alerts",
    "/api/alerts/{alert_id}",
    "/api/claims",
    "/api/series",
    "/api/map",
    "/api/network",
    "/api/actors",
    "/api/search",
    "/api/articles",
    "/api/articles/{record_id}",
    "/api/openapi.json",
];

/// The OpenAPI 3.1 description of this API.
pub(crate) const OPENAPI: &str = include_str!("openapi.json");

type St = State<Arc<AppState>>;

/// The API's routes.
pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/api/summary", get(summary))
        .route("/api/events", get(events))
        .route("/api/events/{event_id}", get(event))
        .route("/api/alerts", get(alerts))
        .route("/api/alerts/{alert_id}", get(alert))
        .route("/api/claims", get(claims))
        .route("/api/series", get(series))
        .route("/api/map", get(map))
        .route("/api/network", get(network))
        .route("/api/actors", get(actors))
        .route("/api/search", get(search))
        .route("/api/articles", post(post_articles))
        .route("/api/articles/{record_id}", get(article))
        .route("/api/openapi.json", get(openapi))
        .route("/api", axum::routing::any(api_root))
        .route("/api/", axum::routing::any(api_root))
        .route("/api/{*rest}", axum::routing::any(no_such_endpoint))
        .method_not_allowed_fallback(method_not_allowed)
}

/// A JSON body with status 200.
fn ok(v: Value) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        v.to_string(),
    )
        .into_response()
}

async fn api_root() -> ApiError {
    ApiError::not_found("the API's endpoints are listed at /api/openapi.json")
}

/// A path parameter, or a JSON error saying what is wrong with it.
fn path_param(p: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    p.map(|Path(v)| v)
        .map_err(|e| ApiError::bad(format!("bad path: {}", e.body_text())))
}

async fn no_such_endpoint(p: Result<Path<String>, PathRejection>) -> ApiError {
    let rest = match path_param(p) {
        Ok(r) => r,
        Err(e) => return e,
    };
    ApiError::not_found(format!(
        "no endpoint /api/{rest}: see /api/openapi.json for the ones there are"
    ))
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "this endpoint does not take that method (see /api/openapi.json)",
    )
}

async fn openapi() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        OPENAPI,
    )
        .into_response()
}

async fn summary(State(st): St, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &[])?;
    view(&st, "summary", &p, summary_of).await
}

/// The summary of a snapshot.
fn summary_of(snap: &Snapshot) -> Value {
    let range = snap.date_range();
    let top = snap.network(&Default::default(), 10);
    json!({
        "counts": snap.totals.counts,
        "first_date": range.map(|r| r.0),
        "last_date": range.map(|r| r.1),
        "synthetic_articles": snap.totals.synthetic_articles,
        "top_dyads": top.links,
    })
}

/// An aggregate view: from the view cache, else computed from the snapshot on a blocking
/// thread (a million rows take tens of milliseconds) and cached for this snapshot.
async fn view<F>(st: &Arc<AppState>, endpoint: &str, p: &Params, f: F) -> Result<Response, ApiError>
where
    F: FnOnce(&Snapshot) -> Value + Send + 'static,
{
    let key = format!("{endpoint}?{}", p.canonical());
    if let Some(hit) = st.cached_view(&key) {
        return Ok(ok_text(hit));
    }
    let snap = st.snapshot();
    let version = snap.version.clone();
    let body: Arc<str> = tokio::task::spawn_blocking(move || f(&snap).to_string().into())
        .await
        .map_err(|_| ApiError::internal("the view failed"))?;
    st.cache_view(&version, key, body.clone());
    Ok(ok_text(body))
}

/// The views the dashboard asks for first, for a new snapshot: computed before it is
/// installed, so the first visitor after a change does not wait for them.
pub(crate) fn default_views(snap: &Snapshot) -> Vec<(String, Arc<str>)> {
    let all = Query::default();
    let text = |v: Value| -> Arc<str> { v.to_string().into() };
    let json = |v: &dyn erased::Json| text(v.value());
    vec![
        ("summary?".to_string(), text(summary_of(snap))),
        (
            "series?interval=week".to_string(),
            json(&snap.series(&all, Interval::Week)),
        ),
        ("map?".to_string(), json(&snap.map(&all, 2000))),
        (
            "network?limit=60".to_string(),
            json(&snap.network(&all, 60)),
        ),
    ]
}

/// Serialising the snapshot's result types behind one signature.
mod erased {
    /// A value that becomes JSON.
    pub(crate) trait Json {
        fn value(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Json for T {
        fn value(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
        }
    }
}

/// A serialised JSON body with status 200.
fn ok_text(body: Arc<str>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body.to_string(),
    )
        .into_response()
}

/// The list form of an event.
fn item(e: &StoredEvent) -> Value {
    let ev = &e.first;
    json!({
        "event_id": e.event_id.to_string(),
        "event_date": e.event_date,
        "date": ev.date,
        "source": ev.source,
        "target": ev.target,
        "code": ev.code,
        "root": ev.root,
        "code_name": EventCodes::get().info(&ev.code).map(|i| i.name.as_str()),
        "quad": ev.quad,
        // Two decimals: the f32 score as f64 would print float noise (-7.199999809…).
        "goldstein": ev.goldstein.map(|g| (f64::from(g) * 100.0).round() / 100.0),
        "record_id": ev.id,
        "sentence": ev.sentence,
        "sentence_text": ev.provenance.sentence_text,
        "num_mentions": e.mentions.len(),
        "sources": e.sources,
        "outlet": e.outlet,
        "location": ev.location.as_ref().map(|p| json!({
            "name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
        })),
        "synthetic": e.outlet.as_deref() == Some(SYNTHETIC_OUTLET),
    })
}

/// The stored events with these ids, in this order.
async fn events_by_id(st: &AppState, ids: Vec<i64>) -> Result<Vec<StoredEvent>, ApiError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let order = ids.clone();
    let mut found = st
        .pool
        .run(move |db| {
            Ok(db.events(&Filter {
                ids: Some(ids),
                ..Filter::default()
            })?)
        })
        .await?;
    let at: std::collections::HashMap<i64, usize> =
        order.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    found.sort_by_key(|e| at.get(&e.event_id).copied());
    Ok(found)
}

/// The list items of these events, serialised, in this order (missing ones left out):
/// from the item cache, the rest read from the store and cached.
async fn items(st: &Arc<AppState>, ids: Vec<i64>) -> Result<Vec<Arc<str>>, ApiError> {
    let mut have: Vec<Option<Arc<str>>> = {
        let cache = st.items.lock().unwrap_or_else(|e| e.into_inner());
        ids.iter().map(|&id| cache.get(id)).collect()
    };
    let missing: Vec<i64> = ids
        .iter()
        .zip(&have)
        .filter(|(_, h)| h.is_none())
        .map(|(&id, _)| id)
        .collect();
    if !missing.is_empty() {
        // The version before reading: items read from a store that has changed since are
        // not cached under the newer snapshot.
        let version = st.snapshot().version.clone();
        let found = events_by_id(st, missing).await?;
        let at: std::collections::HashMap<i64, usize> =
            ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        let mut cache = st.items.lock().unwrap_or_else(|e| e.into_inner());
        for e in &found {
            let text: Arc<str> = item(e).to_string().into();
            cache.put(&version, e.event_id, text.clone());
            if let Some(&i) = at.get(&e.event_id) {
                have[i] = Some(text);
            }
        }
    }
    Ok(have.into_iter().flatten().collect())
}

/// `{"events": [items…], "next_offset": …}`, written from serialised items.
fn event_page(items: &[Arc<str>], next: Option<usize>) -> Response {
    let mut body = String::with_capacity(items.iter().map(|i| i.len() + 1).sum::<usize>() + 40);
    body.push_str("{\"events\":[");
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        body.push_str(it);
    }
    body.push_str("],\"next_offset\":");
    match next {
        Some(n) => body.push_str(&n.to_string()),
        None => body.push_str("null"),
    }
    body.push('}');
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

async fn events(State(st): St, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &[FILTERS, &["limit", "offset"]])?;
    let query = p.query()?;
    let limit = p.int("limit", 50, 1, 500)? as usize;
    let offset = p.int("offset", 0, 0, 1_000_000)? as usize;
    // A deep page scans much of the snapshot: off the async workers.
    let snap = st.snapshot();
    let (ids, more) = tokio::task::spawn_blocking(move || snap.page(&query, offset, limit))
        .await
        .map_err(|_| ApiError::internal("the page failed"))?;
    let list = items(&st, ids).await?;
    Ok(event_page(&list, more.then_some(offset + limit)))
}

/// A piece of the sentence for the event view, and what it is.
fn segments(text: &str, sentence: Span, marks: &[(Option<Span>, &'static str)]) -> Vec<Value> {
    let (lo, hi) = (sentence.start as usize, sentence.end as usize);
    // A span that is not the text's (the record changed between two reads): no pieces.
    if text.get(lo..hi).is_none() {
        return Vec::new();
    }
    let mut spans: Vec<(usize, usize, &str)> = marks
        .iter()
        .filter_map(|(s, role)| {
            let s = (*s)?;
            let (a, b) = ((s.start as usize).max(lo), (s.end as usize).min(hi));
            (a < b && text.get(a..b).is_some()).then_some((a, b, *role))
        })
        .collect();
    spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    let mut out = Vec::new();
    let mut at = lo;
    for (a, b, role) in spans {
        if a < at {
            continue; // overlaps a span already marked
        }
        if a > at {
            out.push(json!({"text": &text[at..a], "role": null}));
        }
        out.push(json!({"text": &text[a..b], "role": role}));
        at = b;
    }
    if at < hi {
        out.push(json!({"text": &text[at..hi], "role": null}));
    }
    out
}

async fn event(
    State(st): St,
    p: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = path_param(p)?;
    let eid: i64 = id
        .parse()
        .map_err(|_| ApiError::bad(format!("event ids are integers, not {id:?}")))?;
    let detail = st
        .pool
        .run(move |db| {
            let mut found = db.events(&Filter {
                ids: Some(vec![eid]),
                ..Filter::default()
            })?;
            let Some(e) = found.pop() else {
                return Err(ApiError::not_found(format!("no event {eid}")));
            };
            let article = db.article(&e.first.id)?;
            let claims = db.claims_of(&e.first.id)?;
            let mut mentions = Vec::new();
            for (record, sentence) in e.mentions.iter().take(50) {
                let a = db.article(record)?;
                mentions.push(json!({
                    "record_id": record,
                    "sentence": sentence,
                    "date": a.as_ref().map(|a| a.date),
                    "title": a.as_ref().and_then(|a| a.title.clone()),
                    "outlet": a.as_ref().and_then(|a| a.outlet.clone()),
                    "url": a.as_ref().and_then(|a| a.url.clone()),
                }));
            }
            Ok((e, article, claims, mentions))
        })
        .await?;
    let (e, article, claims, mentions) = detail;
    let ev = &e.first;
    let pr = &ev.provenance;
    let marks = [
        (pr.source.span, "source"),
        (pr.target.span, "target"),
        (Some(pr.verb_span).filter(|s| s.end > s.start), "verb"),
        (ev.attribution.as_ref().and_then(|a| a.span), "speaker"),
        (pr.time.as_ref().map(|t| t.span), "time"),
    ];
    let segs = match &article {
        Some(a)
            if a.text
                .get(pr.sentence_span.start as usize..pr.sentence_span.end as usize)
                == Some(pr.sentence_text.as_str()) =>
        {
            segments(&a.text, pr.sentence_span, &marks)
        }
        // The record is gone or changed: the sentence as coded, spans shifted to it.
        _ => {
            let base = pr.sentence_span.start;
            let shift = |s: Option<Span>| {
                s.and_then(|s| {
                    Some(Span::new(
                        s.start.checked_sub(base)? as usize,
                        s.end.checked_sub(base)? as usize,
                    ))
                })
            };
            let shifted: Vec<(Option<Span>, &'static str)> =
                marks.iter().map(|(s, r)| (shift(*s), *r)).collect();
            segments(
                &pr.sentence_text,
                Span::new(0, pr.sentence_text.len()),
                &shifted,
            )
        }
    };
    Ok(ok(json!({
        "event": item(&e),
        "article": article.as_ref().map(|a| article_json(a, false)),
        "segments": segs,
        "coding": {
            "pattern": pr.pattern,
            "verb_entry": pr.verb_entry,
            "verb_text": pr.verb_text,
            "rules": pr.rules,
            "source": pr.source,
            "target": pr.target,
            "reported_by": pr.reported_by,
        },
        "attribution": ev.attribution,
        "time": pr.time,
        "date_precision": ev.date_precision,
        "claims": claims,
        "mentions": mentions,
    })))
}

async fn article(
    State(st): St,
    p: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = path_param(p)?;
    let key = id.clone();
    let (a, ids, claims) = st
        .pool
        .run(move |db| {
            let Some(a) = db.article(&key)? else {
                return Err(ApiError::not_found(format!("no article {key:?}")));
            };
            Ok((a, db.events_of(&key)?, db.claims_of(&key)?))
        })
        .await?;
    let mut found = events_by_id(&st, ids).await?;
    // In the order the article reports them.
    found.sort_by_key(|e| {
        e.mentions
            .iter()
            .find(|(r, _)| *r == id)
            .map_or(usize::MAX, |(_, s)| *s)
    });
    Ok(ok(json!({
        "article": article_json(&a, true),
        "events": found.iter().map(item).collect::<Vec<_>>(),
        "claims": claims,
    })))
}

/// An article's header as JSON, with its text when asked.
fn article_json(a: &vigil_store::StoredArticle, with_text: bool) -> Value {
    let mut v = json!({
        "id": a.id, "title": a.title, "url": a.url, "outlet": a.outlet, "date": a.date,
        "synthetic": a.outlet.as_deref() == Some(SYNTHETIC_OUTLET),
    });
    if with_text {
        v["text"] = a.text.clone().into();
    }
    v
}

/// An alert as JSON, event ids as strings (they exceed JavaScript's safe integers).
fn alert_json(a: &vigil_store::Alert) -> Value {
    let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
    if let Some(ev) = v.get_mut("evidence") {
        *ev = Value::Array(a.evidence.iter().map(|i| i.to_string().into()).collect());
    }
    v
}

async fn alerts(State(st): St, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &[&["limit"]])?;
    let limit = p.int("limit", 200, 1, 10_000)? as usize;
    let list = st.pool.run(|db| Ok(db.alerts()?)).await?;
    Ok(ok(json!({
        "alerts": list.iter().take(limit).map(alert_json).collect::<Vec<_>>(),
    })))
}

async fn alert(
    State(st): St,
    p: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = path_param(p)?;
    let list = st.pool.run(|db| Ok(db.alerts()?)).await?;
    let Some(a) = list.into_iter().find(|a| a.id == id) else {
        return Err(ApiError::not_found(format!("no alert {id:?}")));
    };
    let found = events_by_id(&st, a.evidence.clone()).await?;
    Ok(ok(json!({
        "alert": alert_json(&a),
        "events": found.iter().map(item).collect::<Vec<_>>(),
    })))
}

async fn claims(State(st): St, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &[&["limit"]])?;
    let limit = p.int("limit", 1000, 1, 20_000)?;
    // Conflicts compare claims pairwise within a group: on the blocking thread too.
    let body = st
        .pool
        .run(move |db| {
            let list = db.claims(Some(limit))?;
            let conflicts: Vec<Value> = vigil_extract::conflict::find(&list)
                .into_iter()
                .map(|c| json!({"a": list[c.low], "b": list[c.high]}))
                .collect();
            Ok(json!({"claims": list, "conflicts": conflicts}))
        })
        .await?;
    Ok(ok(body))
}

async fn series(State(st): St, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &[FILTERS, &["interval"]])?;
    let (query, interval) = (p.query()?, p.interval()?);
    view(&st, "series", &p, move |s| {
        serde_json::to_value(s.series(&query, interval)).unwrap_or(Value::Null)
    })
    .await
}

async fn map(State(st): St, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &[FILTERS, &["places"]])?;
    let max = p.int("places", 2000, 0, 20_000)? as usize;
    let query = p.query()?;
    view(&st, "map", &p, move |s| {
        serde_json::to_value(s.map(&query, max)).unwrap_or(Value::Null)
    })
    .await
}

async fn network(State(st): St, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &[FILTERS, &["limit"]])?;
    let limit = p.int("limit", 60, 1, 1000)? as usize;
    let query = p.query()?;
    view(&st, "network", &p, move |s| {
        serde_json::to_value(s.network(&query, limit)).unwrap_or(Value::Null)
    })
    .await
}

async fn actors(State(st): St, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &[&["q", "limit"]])?;
    let limit = p.int("limit", 20, 1, 1000)? as usize;
    let prefix = p.get("q").unwrap_or("").to_string();
    view(
        &st,
        "actors",
        &p,
        move |s| json!({"actors": s.actors(&prefix, limit)}),
    )
    .await
}

/// A snippet as pieces, the matched words marked.
fn snippet_pieces(s: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut hit = false;
    for part in s.split([HIT_START, HIT_END]) {
        if !part.is_empty() {
            out.push(json!({"text": part, "hit": hit}));
        }
        hit = !hit;
    }
    // A marker pair always alternates; should the text hold a stray one, `hit` is only
    // cosmetic.
    out
}

async fn search(State(st): St, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &[&["q", "limit", "offset"]])?;
    let words = p
        .get("q")
        .ok_or_else(|| ApiError::bad("`q` (the words to search for) is required"))?
        .to_string();
    if words.len() > 500 {
        return Err(ApiError::bad("`q` is longer than 500 bytes"));
    }
    let limit = p.int("limit", 20, 1, 200)?;
    let offset = p.int("offset", 0, 0, 100_000)?;
    let hits = st
        .pool
        .run(move |db| Ok(db.search(&words, limit + 1, offset)?))
        .await?;
    let more = hits.len() as u64 > limit;
    let results: Vec<Value> = hits
        .iter()
        .take(limit as usize)
        .map(|h| {
            json!({
                "id": h.id, "title": h.title, "date": h.date, "outlet": h.outlet, "url": h.url,
                "synthetic": h.outlet.as_deref() == Some(SYNTHETIC_OUTLET),
                "events": h.events,
                "snippet": snippet_pieces(&h.snippet),
            })
        })
        .collect();
    Ok(ok(json!({
        "results": results,
        "next_offset": more.then_some(offset + limit),
    })))
}

/// Compares in time independent of where the strings differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn check_token(st: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = &st.token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "posting articles is disabled: start `vigil serve` with --token",
        ));
    };
    // The scheme is case-insensitive (RFC 9110).
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map_or("", |(_, t)| t);
    if same_secret(given.trim().as_bytes(), token.as_bytes()) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "a valid token is required: send `Authorization: Bearer TOKEN`",
        ))
    }
}

/// The records of a request body: one JSON object, an array of them, or JSON Lines.
fn read_records(body: &[u8]) -> Result<Vec<Article>, ApiError> {
    let text = std::str::from_utf8(body).map_err(|_| ApiError::bad("the body is not UTF-8"))?;
    let trimmed = text.trim_start();
    let lines: String = if trimmed.starts_with('[') {
        let list: Vec<Value> = serde_json::from_str(trimmed)
            .map_err(|e| ApiError::bad(format!("the body is not a JSON array of records: {e}")))?;
        list.iter().map(|v| format!("{v}\n")).collect()
    } else if let Ok(v @ Value::Object(_)) = serde_json::from_str::<Value>(trimmed) {
        format!("{v}\n")
    } else {
        text.to_string()
    };
    let mut bad = Vec::new();
    let records = vigil_ingest::read_jsonl("body", lines.as_bytes(), &mut bad)
        .map_err(|b| ApiError::bad(b.to_string()))?;
    if !bad.is_empty() {
        let list: Vec<String> = bad.iter().take(10).map(|b| b.to_string()).collect();
        return Err(ApiError::bad(format!(
            "{} bad record(s), nothing stored: {}",
            bad.len(),
            list.join("; ")
        )));
    }
    if records.is_empty() {
        return Err(ApiError::bad(
            "no records: send a JSON object, an array, or JSON Lines with `text` and `date`",
        ));
    }
    Ok(records)
}

async fn post_articles(State(st): St, req: Request) -> Result<Response, ApiError> {
    check_token(&st, req.headers())?;
    let Some(coder) = st.coder.clone() else {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "this server has no coder to code articles with",
        ));
    };
    let body = axum::body::to_bytes(req.into_body(), st.max_body)
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the body is larger than {} bytes", st.max_body),
            )
        })?;
    let records = read_records(&body)?;
    let n = records.len();
    let coded = tokio::task::spawn_blocking(move || coder(records))
        .await
        .map_err(|_| ApiError::internal("coding failed"))?;
    let events: usize = coded.iter().map(|r| r.events.len()).sum();
    let claims: usize = coded.iter().map(|r| r.claims.len()).sum();
    // Stored in one transaction, then the snapshot is reloaded, so the articles' events
    // are in every view from the moment this answers.
    let state = st.clone();
    let (snap, seq) = st
        .pool
        .run(move |db| {
            db.write(&coded)?;
            db.prune()?;
            let seq = state.next_seq();
            Ok((load_snapshot(db)?, seq))
        })
        .await?;
    let state = st.clone();
    tokio::task::spawn_blocking(move || state.install(snap, seq))
        .await
        .map_err(|_| ApiError::internal("reloading the events failed"))?;
    st.poke();
    Ok((
        StatusCode::CREATED,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        json!({"records": n, "events": events, "claims": claims}).to_string(),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_openapi_document_lists_exactly_the_routed_paths() {
        let doc: Value = serde_json::from_str(OPENAPI).expect("openapi.json is JSON");
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
        let mut documented: Vec<&str> = doc["paths"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut routed = PATHS.to_vec();
        documented.sort_unstable();
        routed.sort_unstable();
        assert_eq!(documented, routed);
    }

    #[test]
    fn segments_mark_roles_in_order_and_skip_overlaps() {
        let text = "Intro. Russian troops shelled Kharkiv on Tuesday.";
        let sentence = Span::new(7, text.len());
        let segs = segments(
            text,
            sentence,
            &[
                (Some(Span::new(7, 21)), "source"),
                (Some(Span::new(30, 37)), "target"),
                (Some(Span::new(22, 29)), "verb"),
                (Some(Span::new(15, 25)), "speaker"), // overlaps: dropped
                (Some(Span::new(0, 5)), "time"),      // outside the sentence: dropped
            ],
        );
        let roles: Vec<(String, Value)> = segs
            .iter()
            .map(|s| (s["text"].as_str().unwrap().to_string(), s["role"].clone()))
            .collect();
        assert_eq!(roles[0], ("Russian troops".into(), json!("source")));
        assert_eq!(roles[1], (" ".into(), Value::Null));
        assert_eq!(roles[2], ("shelled".into(), json!("verb")));
        assert_eq!(roles[4], ("Kharkiv".into(), json!("target")));
        assert_eq!(roles[5], (" on Tuesday.".into(), Value::Null));
        let joined: String = segs.iter().map(|s| s["text"].as_str().unwrap()).collect();
        assert_eq!(joined, &text[7..]);
    }

    #[test]
    fn snippets_split_at_the_markers() {
        let s = format!("the {HIT_START}troops{HIT_END} moved");
        let p = snippet_pieces(&s);
        assert_eq!(p.len(), 3);
        assert_eq!(p[1], json!({"text": "troops", "hit": true}));
        assert_eq!(p[2], json!({"text": " moved", "hit": false}));
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abc", b"abd"));
        assert!(!same_secret(b"abc", b"abcd"));
    }
}
