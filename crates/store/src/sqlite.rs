//! The SQLite store: one file, WAL mode, one transaction per batch.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::query::{EventLocation, EventRow, SearchHit, StoredArticle, search_terms};
use crate::query::{Filter, StoredEvent};
use crate::schema;
use crate::{
    Alert, CodedRecord, Counts, DailyCount, PlaceCount, Result, Store, StoreError, event_id,
    from_json, to_json,
};

/// A SQLite database file.
pub struct Sqlite {
    conn: Connection,
}

impl Sqlite {
    /// Opens (creating it if needed) and migrates the database at `path`.
    pub fn open(path: &str) -> Result<Sqlite> {
        let conn = Connection::open(path)?;
        // WAL: readers never block the writer, and a killed writer leaves the last
        // committed transaction. NORMAL sync is crash-safe in WAL mode (a power cut may
        // lose the last commit, never consistency). Other writers wait rather than fail.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(60))?;
        // A bigger page cache and fewer, larger checkpoints: ingest writes in big batches.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "wal_autocheckpoint", 16384)?;
        let mut db = Sqlite { conn };
        db.migrate()?;
        Ok(db)
    }

    fn migrate(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch("CREATE TABLE IF NOT EXISTS vigil_schema (version INTEGER NOT NULL)")?;
        let found: i64 = tx
            .query_row("SELECT max(version) FROM vigil_schema", [], |r| {
                r.get::<_, Option<i64>>(0)
            })?
            .unwrap_or(0);
        let known = schema::SQLITE.len() as i64;
        if found > known {
            return Err(StoreError::TooNew { found, known });
        }
        for (i, sql) in schema::SQLITE.iter().enumerate().skip(found as usize) {
            tx.execute_batch(sql)?;
            tx.execute(
                "INSERT INTO vigil_schema (version) VALUES (?1)",
                [i as i64 + 1],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// Events per (source, target, QuadClass, day) that a mention still reports; the same
/// statement serves both stores.
pub(crate) const DAILY_SQL: &str = "SELECT e.source, e.target, e.quad, e.event_date, count(*),
        sum(e.goldstein)
    FROM events e
    WHERE e.source <> '' AND e.target <> '' AND e.quad IS NOT NULL
      AND EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.event_id)
    GROUP BY e.source, e.target, e.quad, e.event_date";

/// Every event, compact, by event id; the same statement serves both stores.
pub(crate) const EVENT_ROWS_SQL: &str = "SELECT event_id, event_date, source, target, code,
        quad, goldstein, place_name, place_country, lat, lon, place_basis
    FROM events ORDER BY event_id";

/// Mentions per event, by event id: one scan of the mentions' primary key (a count per
/// event, correlated, would be a million index seeks).
pub(crate) const MENTION_COUNTS_SQL: &str =
    "SELECT event_id, count(*) FROM mentions GROUP BY event_id ORDER BY event_id";

/// Puts the mention counts (by event id) into `events` (by event id), drops the events no
/// mention reports, and orders the rest most recent first, then by event id.
pub(crate) fn join_mention_counts(events: &mut Vec<EventRow>, counts: Vec<(i64, i64)>) {
    let mut c = counts.into_iter().peekable();
    events.retain_mut(|e| {
        while c.next_if(|(id, _)| *id < e.event_id).is_some() {}
        match c.next_if(|(id, _)| *id == e.event_id) {
            Some((_, n)) => {
                e.mentions = n as u32;
                true
            }
            None => false,
        }
    });
    events.sort_unstable_by(|a, b| b.date.cmp(&a.date).then(a.event_id.cmp(&b.event_id)));
}

/// A stored `YYYY-MM-DD`, naming the table when it is not one.
pub(crate) fn parse_day(table: &str, s: &str) -> Result<chrono::NaiveDate> {
    s.parse()
        .map_err(|_| StoreError::Data(format!("{table}: bad date {s:?}")))
}

/// The location columns of an events row: place_name, place_country, lat, lon,
/// place_basis.
pub(crate) type LocationColumns = (
    Option<String>,
    Option<String>,
    Option<f64>,
    Option<f64>,
    Option<String>,
);

/// An event's location from its columns: a name and coordinates, else none. A basis the
/// store does not know reads as none.
pub(crate) fn event_location(
    (name, country, lat, lon, basis): LocationColumns,
) -> Option<EventLocation> {
    Some(EventLocation {
        name: name?,
        country,
        lat: lat?,
        lon: lon?,
        basis: basis.as_deref().and_then(vigil_model::LocationBasis::parse),
    })
}

/// Bumps the change counter (`Store::version`); the last statement of every write
/// transaction, in both stores.
pub(crate) const BUMP_SQL: &str = "UPDATE vigil_changes SET n = n + 1 WHERE id = 1";

/// `YYYYMMDDHHMMSS` now, in UTC.
pub(crate) fn now_stamp() -> String {
    chrono::Utc::now().format("%Y%m%d%H%M%S").to_string()
}

/// What NumSources counts a record under: its outlet, else its URL's host, else itself.
pub(crate) fn source_key(a: &vigil_model::Article) -> String {
    if let Some(o) = a.outlet.as_deref().filter(|o| !o.is_empty()) {
        return o.to_string();
    }
    if let Some(u) = a.url.as_deref() {
        let rest = u.split_once("://").map_or(u, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
        if !host.is_empty() {
            return host.to_ascii_lowercase();
        }
    }
    a.id.clone()
}

/// The country and role parts of an actor code (`RUSGOV` → `RUS`, `GOV`).
pub(crate) fn split_actor(code: &str) -> (&str, &str) {
    if code.len() >= 3 && code.is_char_boundary(3) {
        code.split_at(3)
    } else {
        (code, "")
    }
}

impl Store for Sqlite {
    fn hashes(&mut self, ids: &[&str]) -> Result<HashMap<String, String>> {
        let mut out = HashMap::with_capacity(ids.len());
        let mut stmt = self
            .conn
            .prepare_cached("SELECT hash FROM articles WHERE id = ?1")?;
        for id in ids {
            if let Some(h) = stmt.query_row([id], |r| r.get::<_, String>(0)).optional()? {
                out.insert((*id).to_string(), h);
            }
        }
        Ok(out)
    }

    fn write(&mut self, records: &[CodedRecord]) -> Result<()> {
        let stamp = now_stamp();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        {
            let mut article = tx.prepare_cached(
                "INSERT INTO articles (id, article, date, url, outlet, title, hash, text, stored_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (id) DO UPDATE SET article = excluded.article, date = excluded.date,
                   url = excluded.url, outlet = excluded.outlet, title = excluded.title,
                   hash = excluded.hash, text = excluded.text, stored_at = excluded.stored_at",
            )?;
            let mut drop_sentences =
                tx.prepare_cached("DELETE FROM sentences WHERE record_id = ?1")?;
            let mut drop_mentions =
                tx.prepare_cached("DELETE FROM mentions WHERE record_id = ?1")?;
            let mut sentence = tx.prepare_cached(
                "INSERT INTO sentences (record_id, idx, start_byte, end_byte) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut event = tx.prepare_cached(
                "INSERT INTO events (event_id, event_date, source, code, target, root, quad, goldstein,
                   place_name, place_country, lat, lon, place_basis)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                 ON CONFLICT DO NOTHING",
            )?;
            let mut mention = tx.prepare_cached(
                "INSERT INTO mentions (event_id, record_id, sentence, date, source_key, article_key, event)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
            )?;
            let mut actor = tx.prepare_cached(
                "INSERT INTO actors (code, country, role) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            )?;
            let mut drop_claims = tx.prepare_cached("DELETE FROM claims WHERE record_id = ?1")?;
            let mut drop_places = tx.prepare_cached("DELETE FROM places WHERE record_id = ?1")?;
            let mut drop_times = tx.prepare_cached("DELETE FROM times WHERE record_id = ?1")?;
            let mut claim = tx.prepare_cached(
                "INSERT INTO claims (record_id, sentence, start_byte, date, unit, subject_code,
                   claimant_code, claim) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT DO NOTHING",
            )?;
            let mut place = tx.prepare_cached(
                "INSERT INTO places (record_id, sentence, start_byte, feature_id, relational, place)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
            )?;
            let mut time = tx.prepare_cached(
                "INSERT INTO times (record_id, sentence, start_byte, resolved, time)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
            )?;
            // Actors repeat from record to record: insert each once per batch.
            let mut actors_seen = std::collections::HashSet::new();
            for r in records {
                let a = &r.article;
                let date = a.date.to_string();
                article.execute(params![
                    a.id, a.article, date, a.url, a.outlet, a.title, r.hash, a.text, stamp
                ])?;
                drop_sentences.execute([&a.id])?;
                drop_mentions.execute([&a.id])?;
                drop_claims.execute([&a.id])?;
                drop_places.execute([&a.id])?;
                drop_times.execute([&a.id])?;
                for c in &r.claims {
                    claim.execute(params![
                        a.id,
                        c.sentence as i64,
                        c.span.start as i64,
                        date,
                        c.unit,
                        c.subject_code,
                        c.claimant_code,
                        to_json(c)?
                    ])?;
                }
                for (i, p) in &r.places {
                    place.execute(params![
                        a.id,
                        *i as i64,
                        p.span.start as i64,
                        p.place.feature_id,
                        p.relational as i64,
                        to_json(p)?
                    ])?;
                }
                for (i, t) in &r.times {
                    time.execute(params![
                        a.id,
                        *i as i64,
                        t.span.start as i64,
                        t.resolved.map(|r| r.to_string()),
                        to_json(t)?
                    ])?;
                }
                for (i, s) in r.sentences.iter().enumerate() {
                    sentence.execute(params![a.id, i as i64, s.start as i64, s.end as i64])?;
                }
                let skey = source_key(a);
                let akey = a.article.clone().unwrap_or_else(|| a.id.clone());
                for e in &r.events {
                    let event_date = e.when();
                    let eid = event_id(event_date, &e.source, &e.code, &e.target);
                    event.execute(params![
                        eid,
                        event_date.to_string(),
                        e.source,
                        e.code,
                        e.target,
                        e.root,
                        e.quad,
                        e.goldstein.map(f64::from),
                        e.location.as_ref().map(|p| &p.name),
                        e.location.as_ref().and_then(|p| p.country.as_ref()),
                        e.location.as_ref().map(|p| p.lat),
                        e.location.as_ref().map(|p| p.lon),
                        e.location
                            .as_ref()
                            .and_then(|p| p.basis)
                            .map(|b| b.as_str())
                    ])?;
                    let json = serde_json::to_string(e)
                        .map_err(|err| StoreError::Data(err.to_string()))?;
                    mention.execute(params![
                        eid,
                        a.id,
                        e.sentence as i64,
                        date,
                        skey,
                        akey,
                        json
                    ])?;
                    for code in [&e.source, &e.target] {
                        if !code.is_empty() && actors_seen.insert(code.as_str()) {
                            let (country, role) = split_actor(code);
                            actor.execute(params![code, country, role])?;
                        }
                    }
                }
            }
        }
        tx.execute(BUMP_SQL, [])?;
        tx.commit()?;
        Ok(())
    }

    fn prune(&mut self) -> Result<u64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = tx.execute(
            "DELETE FROM events WHERE NOT EXISTS
               (SELECT 1 FROM mentions m WHERE m.event_id = events.event_id)",
            [],
        )?;
        if n > 0 {
            tx.execute(BUMP_SQL, [])?;
        }
        tx.commit()?;
        Ok(n as u64)
    }

    fn events(&mut self, f: &Filter) -> Result<Vec<StoredEvent>> {
        let mut sql = String::from(
            "SELECT e.event_id, e.event_date, count(*), count(DISTINCT m.source_key),
                    count(DISTINCT m.article_key)
             FROM events e JOIN mentions m ON m.event_id = e.event_id WHERE 1 = 1",
        );
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let mut prefix = |sql: &mut String, cols: &[&str], p: &str| {
            let p = p.to_ascii_uppercase();
            let conds: Vec<String> = cols
                .iter()
                .map(|c| {
                    args.push(p.clone().into());
                    format!("substr(e.{c}, 1, {}) = ?{}", p.chars().count(), args.len())
                })
                .collect();
            sql.push_str(&format!(" AND ({})", conds.join(" OR ")));
        };
        if let Some(a) = &f.actor {
            prefix(&mut sql, &["source", "target"], a);
        }
        if let Some(s) = &f.source {
            prefix(&mut sql, &["source"], s);
        }
        if let Some(t) = &f.target {
            prefix(&mut sql, &["target"], t);
        }
        if let Some(c) = &f.code {
            prefix(&mut sql, &["code"], c);
        }
        if let Some(q) = f.quad {
            args.push(i64::from(q).into());
            sql.push_str(&format!(" AND e.quad = ?{}", args.len()));
        }
        if let Some(d) = f.since {
            args.push(d.to_string().into());
            sql.push_str(&format!(" AND e.event_date >= ?{}", args.len()));
        }
        if let Some(d) = f.until {
            args.push(d.to_string().into());
            sql.push_str(&format!(" AND e.event_date <= ?{}", args.len()));
        }
        if let Some(ids) = &f.ids {
            // Integers written into the statement: nothing to escape.
            let list: Vec<String> = ids.iter().map(i64::to_string).collect();
            sql.push_str(&format!(" AND e.event_id IN ({})", list.join(",")));
        }
        sql.push_str(" GROUP BY e.event_id ORDER BY e.event_date DESC, e.event_id");
        if let Some(n) = f.limit {
            sql.push_str(&format!(" LIMIT {n}"));
        }
        let only_ids = f.ids.is_some()
            && f.actor.is_none()
            && f.source.is_none()
            && f.target.is_none()
            && f.code.is_none()
            && f.quad.is_none()
            && f.since.is_none()
            && f.until.is_none();
        let rows: Vec<(i64, String, i64, i64, i64)> = if only_ids {
            // The API's case (a page of events by id): one cached statement per id
            // rather than a new statement for every list of ids.
            let mut stmt = self.conn.prepare_cached(
                "SELECT e.event_id, e.event_date, count(*), count(DISTINCT m.source_key),
                        count(DISTINCT m.article_key)
                 FROM events e JOIN mentions m ON m.event_id = e.event_id
                 WHERE e.event_id = ?1 GROUP BY e.event_id",
            )?;
            let mut rows = Vec::new();
            for id in f.ids.iter().flatten() {
                if let Some(r) = stmt
                    .query_row([id], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                    })
                    .optional()?
                {
                    rows.push(r);
                }
            }
            rows.sort_by(|a: &(i64, String, i64, i64, i64), b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            rows.truncate(f.limit.map_or(usize::MAX, |n| n as usize));
            rows
        } else {
            let mut stmt = self.conn.prepare(&sql)?;
            stmt.query_map(rusqlite::params_from_iter(args), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let mut mentions = self.conn.prepare_cached(
            "SELECT m.record_id, m.sentence, m.event, a.stored_at, a.url, a.outlet
             FROM mentions m JOIN articles a ON a.id = m.record_id
             WHERE m.event_id = ?1 ORDER BY m.date, m.record_id, m.sentence",
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for (eid, date, _n, sources, articles) in rows {
            let mut first = None;
            let mut list = Vec::new();
            let mut rows = mentions.query([eid])?;
            while let Some(r) = rows.next()? {
                let id: String = r.get(0)?;
                let sentence: i64 = r.get(1)?;
                if first.is_none() {
                    let json: String = r.get(2)?;
                    let e: vigil_model::Event = serde_json::from_str(&json)
                        .map_err(|err| StoreError::Data(format!("event {eid}: {err}")))?;
                    first = Some((
                        e,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                    ));
                }
                list.push((id, sentence as usize));
            }
            let Some((first, added, url, outlet)) = first else {
                continue;
            };
            out.push(StoredEvent {
                event_id: eid,
                event_date: date
                    .parse()
                    .map_err(|err| StoreError::Data(format!("event {eid} date: {err}")))?,
                first,
                mentions: list,
                sources: sources as u64,
                articles: articles as u64,
                added,
                url,
                outlet,
            });
        }
        Ok(out)
    }

    fn counts(&mut self) -> Result<Counts> {
        let one = |sql: &str| -> Result<u64> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Counts {
            articles: one("SELECT count(*) FROM articles")?,
            sentences: one("SELECT count(*) FROM sentences")?,
            events: one("SELECT count(*) FROM events e WHERE EXISTS
                   (SELECT 1 FROM mentions m WHERE m.event_id = e.event_id)")?,
            mentions: one("SELECT count(*) FROM mentions")?,
            claims: one("SELECT count(*) FROM claims")?,
            alerts: one("SELECT count(*) FROM alerts")?,
        })
    }

    fn claims(&mut self, limit: Option<u64>) -> Result<Vec<vigil_model::Claim>> {
        let mut stmt = self.conn.prepare(
            "SELECT claim FROM claims ORDER BY date, record_id, sentence, start_byte LIMIT ?1",
        )?;
        let limit = limit.map_or(-1, |l| l.min(i64::MAX as u64) as i64);
        let rows = stmt.query_map([limit], |r| r.get::<_, String>(0))?;
        rows.map(|r| from_json("claims", &r?)).collect()
    }

    fn daily(&mut self) -> Result<Vec<DailyCount>> {
        let mut stmt = self.conn.prepare(DAILY_SQL)?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, Option<f64>>(5)?,
            ))
        })?;
        rows.map(|r| {
            let (source, target, quad, day, events, goldstein) = r?;
            Ok(DailyCount {
                source,
                target,
                quad: quad as u8,
                day: day
                    .parse()
                    .map_err(|_| StoreError::Data(format!("events: bad date {day:?}")))?,
                events: events as u64,
                goldstein: goldstein.unwrap_or(0.0),
            })
        })
        .collect()
    }

    fn write_alerts(&mut self, window_end: &str, alerts: &[Alert]) -> Result<()> {
        let stamp = now_stamp();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM alerts WHERE window_end = ?1", [window_end])?;
        {
            let mut put = tx.prepare_cached(
                "INSERT INTO alerts (id, source, target, quad, window_start, window_end, observed,
                   expected, severity, alert, computed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (id) DO UPDATE SET observed = excluded.observed,
                   expected = excluded.expected, severity = excluded.severity,
                   alert = excluded.alert, computed_at = excluded.computed_at",
            )?;
            for a in alerts {
                let (source, target, start, end) = a.key_columns();
                put.execute(params![
                    a.id,
                    source,
                    target,
                    a.quad,
                    start,
                    end,
                    a.observed as i64,
                    a.expected,
                    a.severity,
                    to_json(a)?,
                    stamp
                ])?;
            }
        }
        tx.execute(BUMP_SQL, [])?;
        tx.commit()?;
        Ok(())
    }

    fn alerts(&mut self) -> Result<Vec<Alert>> {
        let mut stmt = self
            .conn
            .prepare("SELECT alert FROM alerts ORDER BY severity DESC, id")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|r| from_json("alerts", &r?)).collect()
    }

    fn places(&mut self) -> Result<Vec<PlaceCount>> {
        let mut stmt = self.conn.prepare(
            "SELECT count(*), count(DISTINCT record_id), min(place) FROM places
             WHERE relational = 0 GROUP BY feature_id ORDER BY count(*) DESC, feature_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        rows.map(|r| {
            let (n, records, json) = r?;
            let m: vigil_model::PlaceMention = from_json("places", &json)?;
            Ok(PlaceCount {
                place: m.place,
                mentions: n as u64,
                records: records as u64,
            })
        })
        .collect()
    }

    fn event_rows(&mut self) -> Result<Vec<EventRow>> {
        // One read transaction: both statements see the same committed state.
        let tx = self.conn.transaction()?;
        let mut events = Vec::new();
        {
            let mut stmt = tx.prepare(EVENT_ROWS_SQL)?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let date: String = r.get(1)?;
                events.push(EventRow {
                    event_id: r.get(0)?,
                    date: parse_day("events", &date)?,
                    source: r.get(2)?,
                    target: r.get(3)?,
                    code: r.get(4)?,
                    quad: r.get::<_, Option<i64>>(5)?.map(|q| q as u8),
                    goldstein: r.get::<_, Option<f64>>(6)?.map(|g| g as f32),
                    mentions: 0,
                    location: event_location((
                        r.get(7)?,
                        r.get(8)?,
                        r.get(9)?,
                        r.get(10)?,
                        r.get(11)?,
                    )),
                });
            }
            let mut stmt = tx.prepare(MENTION_COUNTS_SQL)?;
            let counts = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
            let counts = counts.collect::<rusqlite::Result<Vec<_>>>()?;
            join_mention_counts(&mut events, counts);
        }
        tx.commit()?;
        Ok(events)
    }

    fn article(&mut self, id: &str) -> Result<Option<StoredArticle>> {
        let row = self
            .conn
            .query_row(
                "SELECT id, date, title, url, outlet, text FROM articles WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )
            .optional()?;
        row.map(|(id, date, title, url, outlet, text)| {
            Ok(StoredArticle {
                date: parse_day("articles", &date)?,
                id,
                title,
                url,
                outlet,
                text,
            })
        })
        .transpose()
    }

    fn events_of(&mut self, record_id: &str) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT event_id FROM mentions WHERE record_id = ?1 ORDER BY event_id",
        )?;
        let rows = stmt.query_map([record_id], |r| r.get::<_, i64>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn claims_of(&mut self, record_id: &str) -> Result<Vec<vigil_model::Claim>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT claim FROM claims WHERE record_id = ?1 ORDER BY sentence, start_byte",
        )?;
        let rows = stmt.query_map([record_id], |r| r.get::<_, String>(0))?;
        rows.map(|r| from_json("claims", &r?)).collect()
    }

    fn search(&mut self, query: &str, limit: u64, offset: u64) -> Result<Vec<SearchHit>> {
        let terms = search_terms(query);
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        // Each word quoted: FTS5 reads it as a plain term, never as syntax.
        let fts: Vec<String> = terms.iter().map(|t| format!("\"{t}\"")).collect();
        let mut stmt = self.conn.prepare_cached(
            // The page is ranked first (inner query), and snippets are made for its rows
            // only: a common word matches most articles.
            "SELECT a.id, a.date, a.title, a.url, a.outlet,
                    (SELECT count(*) FROM mentions m WHERE m.record_id = a.id),
                    snippet(articles_fts, 1, char(2), char(3), '…', 24)
             FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
             WHERE articles_fts MATCH ?1 AND articles_fts.rowid IN (
                 SELECT articles_fts.rowid FROM articles_fts
                 JOIN articles b ON b.rowid = articles_fts.rowid
                 WHERE articles_fts MATCH ?1
                 ORDER BY bm25(articles_fts, 4.0, 1.0), b.date DESC, b.id
                 LIMIT ?2 OFFSET ?3)
             ORDER BY bm25(articles_fts, 4.0, 1.0), a.date DESC, a.id",
        )?;
        let rows = stmt.query_map(
            params![
                fts.join(" "),
                limit.min(i64::MAX as u64) as i64,
                offset.min(i64::MAX as u64) as i64
            ],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, String>(6)?,
                ))
            },
        )?;
        rows.map(|r| {
            let (id, date, title, url, outlet, events, snippet) = r?;
            Ok(SearchHit {
                date: parse_day("articles", &date)?,
                id,
                title,
                url,
                outlet,
                events: events as u64,
                snippet,
            })
        })
        .collect()
    }

    fn articles_from(&mut self, outlet: &str) -> Result<u64> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM articles WHERE outlet = ?1",
            [outlet],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    fn version(&mut self) -> Result<String> {
        let n: i64 = self
            .conn
            .query_row("SELECT n FROM vigil_changes", [], |r| r.get(0))?;
        Ok(n.to_string())
    }
}
