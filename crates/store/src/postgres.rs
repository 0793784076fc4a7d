//! The PostgreSQL store: the SQLite store's schema and results, for many writers at once.
//!
//! Several `vigil ingest` processes, on several machines, may write to one database at the
//! same time. What makes that safe:
//!
//! * Every write is an upsert keyed by what the row is, as in SQLite, so two writers that
//!   store the same record or the same event leave one row.
//! * A batch's first statement upserts its articles, which takes a row lock on each record
//!   id: a second writer of the same record waits there until the first commits, then
//!   replaces that record's sentences and mentions as a whole (each statement of a READ
//!   COMMITTED transaction sees what committed before it started). So a record is never
//!   half one writer's version and half another's.
//! * Rows are locked in one order everywhere (each statement's rows sorted by key, the
//!   statements in the same order in every batch), so writers queue instead of
//!   deadlocking; a deadlock or serialization failure that happens anyway is retried.
//! * Migrations run under a transaction-scoped advisory lock, so processes opening a new
//!   database at the same moment create the schema once.
//! * `prune` locks out writers of mentions while it deletes unreported events (see there).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::time::Duration;

use ::postgres::binary_copy::BinaryCopyInWriter;
use ::postgres::error::SqlState;
use ::postgres::types::{ToSql, Type};
use ::postgres::{Client, IsolationLevel, NoTls, Statement};

use crate::query::{EventRow, Filter, SearchHit, StoredArticle, StoredEvent, search_terms};
use crate::schema;
use crate::sqlite::{
    BUMP_SQL, DAILY_SQL, EVENT_ROWS_SQL, MENTION_COUNTS_SQL, event_location, join_mention_counts,
    now_stamp, parse_day, source_key, split_actor,
};
use crate::{
    Alert, CodedRecord, Counts, DailyCount, PlaceCount, Result, Store, StoreError, event_id,
    from_json, to_json,
};

/// Key of the advisory lock that serializes migrations ("vigil" in ASCII).
const MIGRATION_LOCK: i64 = 0x76_69_67_69_6c;

/// How many times a transaction that lost a race (deadlock, serialization failure,
/// concurrent unique insert) is tried again before the error is reported.
const RETRIES: u32 = 8;

/// Events whose mentions one query reads (bounds the size of the id array sent).
const EVENTS_PER_QUERY: usize = 5000;

impl From<::postgres::Error> for StoreError {
    fn from(e: ::postgres::Error) -> StoreError {
        StoreError::Postgres(e)
    }
}

/// A readable one-line description of a PostgreSQL error: the server's message and
/// SQLSTATE when the server said no, else the client's error and its causes (the
/// client's own `Display` says only "db error").
pub(crate) fn describe(e: &::postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        let mut s = format!(
            "{}: {} (SQLSTATE {})",
            db.severity(),
            db.message(),
            db.code().code()
        );
        if let Some(d) = db.detail() {
            s.push_str("; ");
            s.push_str(d);
        }
        return s;
    }
    let mut s = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cause = c.source();
    }
    s
}

/// Whether `e` means "another transaction got in the way; trying again will work".
fn retryable(e: &::postgres::Error) -> bool {
    matches!(
        e.code(),
        Some(c) if *c == SqlState::T_R_SERIALIZATION_FAILURE
            || *c == SqlState::T_R_DEADLOCK_DETECTED
            || *c == SqlState::UNIQUE_VIOLATION
    )
}

/// Pause before try number `attempt` (1-based): exponential from 10 ms, with jitter so two
/// writers that collided do not collide again in lockstep.
fn backoff(attempt: u32) -> Duration {
    let base = 10u64 << attempt.min(6);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::from(d.subsec_nanos()));
    let jitter = (nanos ^ u64::from(std::process::id()).wrapping_mul(0x9e37_79b9)) % base;
    Duration::from_millis(base + jitter)
}

/// The statements of a write, prepared once per connection. Each writes all of a batch's
/// rows of one table in one round trip, from arrays (`unnest`): per-row statements would
/// cost a round trip per row. (Sentences and mentions, the most rows, go by `COPY`.)
struct Writes {
    article: Statement,
    drop_sentences: Statement,
    drop_mentions: Statement,
    event: Statement,
    actor: Statement,
    drop_facts: [Statement; 3],
    claim: Statement,
    place: Statement,
    time: Statement,
}

impl Writes {
    fn prepare(c: &mut Client) -> Result<Writes, ::postgres::Error> {
        Ok(Writes {
            article: c.prepare(
                "INSERT INTO articles (id, article, date, url, outlet, title, hash, text, stored_at)
                 SELECT r.*, $9::text FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
                     $5::text[], $6::text[], $7::text[], $8::text[])
                   AS r (id, article, date, url, outlet, title, hash, text)
                 ON CONFLICT (id) DO UPDATE SET article = excluded.article, date = excluded.date,
                   url = excluded.url, outlet = excluded.outlet, title = excluded.title,
                   hash = excluded.hash, text = excluded.text, stored_at = excluded.stored_at",
            )?,
            drop_sentences: c.prepare("DELETE FROM sentences WHERE record_id = ANY($1::text[])")?,
            drop_mentions: c.prepare("DELETE FROM mentions WHERE record_id = ANY($1::text[])")?,
            event: c.prepare(
                "INSERT INTO events (event_id, event_date, source, code, target, root, quad, goldstein,
                   place_name, place_country, lat, lon, place_basis)
                 SELECT * FROM unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::text[],
                     $6::text[], $7::int4[], $8::float8[], $9::text[], $10::text[], $11::float8[],
                     $12::float8[], $13::text[])
                 ON CONFLICT DO NOTHING",
            )?,
            actor: c.prepare(
                "INSERT INTO actors (code, country, role)
                 SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
                 ON CONFLICT DO NOTHING",
            )?,
            drop_facts: [
                c.prepare("DELETE FROM claims WHERE record_id = ANY($1::text[])")?,
                c.prepare("DELETE FROM places WHERE record_id = ANY($1::text[])")?,
                c.prepare("DELETE FROM times WHERE record_id = ANY($1::text[])")?,
            ],
            claim: c.prepare(
                "INSERT INTO claims (record_id, sentence, start_byte, date, unit, subject_code,
                   claimant_code, claim)
                 SELECT * FROM unnest($1::text[], $2::int4[], $3::int8[], $4::text[], $5::text[],
                     $6::text[], $7::text[], $8::text[])
                 ON CONFLICT DO NOTHING",
            )?,
            place: c.prepare(
                "INSERT INTO places (record_id, sentence, start_byte, feature_id, relational, place)
                 SELECT * FROM unnest($1::text[], $2::int4[], $3::int8[], $4::text[], $5::int4[],
                     $6::text[])
                 ON CONFLICT DO NOTHING",
            )?,
            time: c.prepare(
                "INSERT INTO times (record_id, sentence, start_byte, resolved, time)
                 SELECT * FROM unnest($1::text[], $2::int4[], $3::int8[], $4::text[], $5::text[])
                 ON CONFLICT DO NOTHING",
            )?,
        })
    }
}

/// A PostgreSQL database.
pub struct Postgres {
    client: Client,
    writes: Writes,
}

impl Postgres {
    /// Connects to the database at `url` (`postgres://user:password@host:port/database`,
    /// without TLS) and migrates it.
    pub fn open(url: &str) -> Result<Postgres> {
        let mut client = Client::connect(url, NoTls)?;
        migrate(&mut client)?;
        let writes = Writes::prepare(&mut client)?;
        Ok(Postgres { client, writes })
    }

    /// Runs `f` in a transaction, trying again (after a pause) when it lost a race with
    /// another writer. `f` must do all its work inside the transaction it is given, so a
    /// failed try leaves nothing behind.
    fn retrying<T>(
        &mut self,
        mut f: impl FnMut(&mut ::postgres::Transaction<'_>, &Writes) -> Result<T, ::postgres::Error>,
    ) -> Result<T> {
        let mut attempt = 0;
        loop {
            let tried = (|| {
                let mut tx = self.client.transaction()?;
                let out = f(&mut tx, &self.writes)?;
                // Last, so the counter's row lock is held only until the commit: writers
                // wait for each other here briefly, never while holding it.
                tx.execute(BUMP_SQL, &[])?;
                tx.commit()?;
                Ok(out)
            })();
            match tried {
                Ok(out) => return Ok(out),
                Err(e) if attempt < RETRIES && retryable(&e) => {
                    attempt += 1;
                    std::thread::sleep(backoff(attempt));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
}

/// Applies the migrations the database lacks, in one transaction. The advisory lock makes
/// concurrent first openers wait for each other instead of racing to create the tables.
fn migrate(client: &mut Client) -> Result<()> {
    let mut tx = client.transaction()?;
    tx.query("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS vigil_schema (version INTEGER NOT NULL)")?;
    let found: Option<i32> = tx
        .query_one("SELECT max(version) FROM vigil_schema", &[])?
        .get(0);
    let found = i64::from(found.unwrap_or(0));
    let known = schema::POSTGRES.len() as i64;
    if found > known {
        return Err(StoreError::TooNew { found, known });
    }
    for (i, sql) in schema::POSTGRES.iter().enumerate().skip(found as usize) {
        tx.batch_execute(sql)?;
        tx.execute(
            "INSERT INTO vigil_schema (version) VALUES ($1)",
            &[&(i as i32 + 1)],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// A batch's rows, table by table, as the arrays the statements take.
#[derive(Default)]
struct Rows<'a> {
    articles: ArticleRows<'a>,
    /// Record ids whose sentences and mentions are replaced.
    replaced: Vec<&'a str>,
    sentences: (Vec<&'a str>, Vec<i32>, Vec<i64>, Vec<i64>),
    events: EventRows<'a>,
    mentions: MentionRows<'a>,
    actors: (Vec<&'a str>, Vec<&'a str>, Vec<&'a str>),
    facts: FactRows<'a>,
}

/// The key columns (record id, sentence, start byte) of claims, places or times rows.
#[derive(Default)]
struct FactKeys<'a> {
    record: Vec<&'a str>,
    sentence: Vec<i32>,
    start: Vec<i64>,
}

impl<'a> FactKeys<'a> {
    fn push(&mut self, record: &'a str, sentence: usize, start: u32) -> Result<()> {
        self.record.push(record);
        self.sentence.push(int32(sentence, "sentence")?);
        self.start.push(i64::from(start));
        Ok(())
    }
}

/// Rows of the claims, places and times tables.
#[derive(Default)]
struct FactRows<'a> {
    claims: FactKeys<'a>,
    claim_date: Vec<String>,
    claim_unit: Vec<&'a str>,
    claim_subject: Vec<&'a str>,
    claim_claimant: Vec<&'a str>,
    claim_json: Vec<String>,
    places: FactKeys<'a>,
    place_feature: Vec<&'a str>,
    place_relational: Vec<i32>,
    place_json: Vec<String>,
    times: FactKeys<'a>,
    time_resolved: Vec<Option<String>>,
    time_json: Vec<String>,
}

#[derive(Default)]
struct ArticleRows<'a> {
    id: Vec<&'a str>,
    article: Vec<Option<&'a str>>,
    date: Vec<String>,
    url: Vec<Option<&'a str>>,
    outlet: Vec<Option<&'a str>>,
    title: Vec<Option<&'a str>>,
    hash: Vec<&'a str>,
    text: Vec<&'a str>,
}

#[derive(Default)]
struct EventRows<'a> {
    id: Vec<i64>,
    date: Vec<String>,
    source: Vec<&'a str>,
    code: Vec<&'a str>,
    target: Vec<&'a str>,
    root: Vec<&'a str>,
    quad: Vec<Option<i32>>,
    goldstein: Vec<Option<f64>>,
    place_name: Vec<Option<&'a str>>,
    place_country: Vec<Option<&'a str>>,
    lat: Vec<Option<f64>>,
    lon: Vec<Option<f64>>,
    place_basis: Vec<Option<&'static str>>,
}

#[derive(Default)]
struct MentionRows<'a> {
    event_id: Vec<i64>,
    record_id: Vec<&'a str>,
    sentence: Vec<i32>,
    date: Vec<String>,
    source_key: Vec<String>,
    article_key: Vec<&'a str>,
    event: Vec<String>,
}

/// PostgreSQL's text cannot hold NUL characters (SQLite's can): name the record that has
/// one, rather than fail the batch with the server's encoding error. (Coded events are
/// stored as JSON, which escapes NUL.)
fn no_nul(r: &CodedRecord) -> Result<()> {
    let a = &r.article;
    let fields = [
        ("id", Some(a.id.as_str())),
        ("text", Some(a.text.as_str())),
        ("title", a.title.as_deref()),
        ("url", a.url.as_deref()),
        ("outlet", a.outlet.as_deref()),
        ("article", a.article.as_deref()),
    ];
    match fields
        .iter()
        .find(|(_, v)| v.is_some_and(|v| v.contains('\0')))
    {
        Some((field, _)) => Err(StoreError::Data(format!(
            "record {:?}: its {field} holds a NUL character, which PostgreSQL cannot store",
            a.id
        ))),
        None => Ok(()),
    }
}

/// An int column value, or a data error naming what overflowed.
fn int32(n: usize, what: &str) -> Result<i32> {
    i32::try_from(n).map_err(|_| StoreError::Data(format!("{what} {n} is out of range")))
}

impl<'a> Rows<'a> {
    /// The rows SQLite ends with after writing `records` one after the other, each table's
    /// rows sorted by key (the lock order shared by all writers) and without duplicate
    /// keys (one statement may not upsert a row twice).
    fn new(records: &'a [CodedRecord]) -> Result<Rows<'a>> {
        let mut rows = Rows::default();
        // A record id given twice: the last version replaces the earlier ones, as when
        // SQLite writes them in turn. Events of every version are added (as SQLite adds
        // them), the superseded versions' ones without mentions until `prune`.
        let mut last: HashMap<&str, &CodedRecord> = HashMap::with_capacity(records.len());
        for r in records {
            last.insert(&r.article.id, r);
        }
        let mut kept: Vec<&CodedRecord> = last.into_values().collect();
        kept.sort_by(|a, b| a.article.id.cmp(&b.article.id));

        // The first version of an event or actor row wins (ON CONFLICT DO NOTHING).
        let mut events: BTreeMap<i64, &vigil_model::Event> = BTreeMap::new();
        let mut actors: BTreeSet<&str> = BTreeSet::new();
        for r in records {
            for e in &r.events {
                let eid = event_id(e.when(), &e.source, &e.code, &e.target);
                events.entry(eid).or_insert(e);
                for code in [&e.source, &e.target] {
                    if !code.is_empty() {
                        actors.insert(code);
                    }
                }
            }
        }
        for (eid, e) in events {
            let ev = &mut rows.events;
            ev.id.push(eid);
            ev.date.push(e.when().to_string());
            ev.source.push(&e.source);
            ev.code.push(&e.code);
            ev.target.push(&e.target);
            ev.root.push(&e.root);
            ev.quad.push(e.quad.map(i32::from));
            ev.goldstein.push(e.goldstein.map(f64::from));
            let at = e.location.as_ref();
            ev.place_name.push(at.map(|p| p.name.as_str()));
            ev.place_country.push(at.and_then(|p| p.country.as_deref()));
            ev.lat.push(at.map(|p| p.lat));
            ev.lon.push(at.map(|p| p.lon));
            ev.place_basis
                .push(at.and_then(|p| p.basis).map(|b| b.as_str()));
        }
        for code in actors {
            let (country, role) = split_actor(code);
            rows.actors.0.push(code);
            rows.actors.1.push(country);
            rows.actors.2.push(role);
        }

        for r in kept {
            no_nul(r)?;
            let a = &r.article;
            let date = a.date.to_string();
            let ar = &mut rows.articles;
            ar.id.push(&a.id);
            ar.article.push(a.article.as_deref());
            ar.date.push(date.clone());
            ar.url.push(a.url.as_deref());
            ar.outlet.push(a.outlet.as_deref());
            ar.title.push(a.title.as_deref());
            ar.hash.push(&r.hash);
            ar.text.push(&a.text);
            rows.replaced.push(&a.id);
            for (i, s) in r.sentences.iter().enumerate() {
                rows.sentences.0.push(&a.id);
                rows.sentences.1.push(int32(i, "sentence number")?);
                rows.sentences.2.push(i64::from(s.start));
                rows.sentences.3.push(i64::from(s.end));
            }
            let skey = source_key(a);
            let akey = a.article.as_deref().unwrap_or(&a.id);
            // Two reports of one event in one sentence are one mention: the first.
            let mut seen = HashSet::new();
            let f = &mut rows.facts;
            for c in &r.claims {
                f.claims.push(&a.id, c.sentence, c.span.start)?;
                f.claim_date.push(date.clone());
                f.claim_unit.push(&c.unit);
                f.claim_subject.push(&c.subject_code);
                f.claim_claimant.push(&c.claimant_code);
                f.claim_json.push(to_json(c)?);
            }
            for (i, p) in &r.places {
                f.places.push(&a.id, *i, p.span.start)?;
                f.place_feature.push(&p.place.feature_id);
                f.place_relational.push(i32::from(p.relational));
                f.place_json.push(to_json(p)?);
            }
            for (i, t) in &r.times {
                f.times.push(&a.id, *i, t.span.start)?;
                f.time_resolved.push(t.resolved.map(|r| r.to_string()));
                f.time_json.push(to_json(t)?);
            }
            for e in &r.events {
                let eid = event_id(e.when(), &e.source, &e.code, &e.target);
                if !seen.insert((eid, e.sentence)) {
                    continue;
                }
                let m = &mut rows.mentions;
                m.event_id.push(eid);
                m.record_id.push(&a.id);
                m.sentence.push(int32(e.sentence, "sentence")?);
                m.date.push(date.clone());
                m.source_key.push(skey.clone());
                m.article_key.push(akey);
                m.event.push(
                    serde_json::to_string(e).map_err(|err| StoreError::Data(err.to_string()))?,
                );
            }
        }
        Ok(rows)
    }
}

/// `p` as a LIKE pattern matching the strings that start with it.
fn prefix_pattern(p: &str) -> String {
    let mut s = String::with_capacity(p.len() + 1);
    for c in p.chars() {
        if matches!(c, '\\' | '%' | '_') {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('%');
    s
}

impl Store for Postgres {
    fn hashes(&mut self, ids: &[&str]) -> Result<HashMap<String, String>> {
        let rows = self.client.query(
            "SELECT id, hash FROM articles WHERE id = ANY($1::text[])",
            &[&ids],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn write(&mut self, records: &[CodedRecord]) -> Result<()> {
        if records.is_empty() {
            return Ok(());
        }
        let rows = Rows::new(records)?;
        let stamp = now_stamp();
        self.retrying(|tx, w| {
            let a = &rows.articles;
            // First: the article rows, whose locks make other writers of these records
            // wait for this transaction (see the module comment).
            tx.execute(
                &w.article,
                &[
                    &a.id, &a.article, &a.date, &a.url, &a.outlet, &a.title, &a.hash, &a.text,
                    &stamp,
                ],
            )?;
            tx.execute(&w.drop_sentences, &[&rows.replaced])?;
            // Also takes the lock on `mentions` that `prune` waits for: from here to the
            // commit, no event this batch reports can be pruned.
            tx.execute(&w.drop_mentions, &[&rows.replaced])?;
            // Sentences and mentions are the bulk of the rows; COPY stores them about twice
            // as fast as INSERT. It needs no ON CONFLICT: the record's rows were deleted
            // above, the batch has no duplicates, and no other writer can add rows for
            // these records before this commits (it waits on their article rows). Should
            // that ever fail, the unique violation makes the whole batch try again.
            let s = &rows.sentences;
            let mut copy = BinaryCopyInWriter::new(
                tx.copy_in("COPY sentences (record_id, idx, start_byte, end_byte) FROM STDIN (FORMAT binary)")?,
                &[Type::TEXT, Type::INT4, Type::INT8, Type::INT8],
            );
            for i in 0..s.0.len() {
                copy.write(&[&s.0[i], &s.1[i], &s.2[i], &s.3[i]])?;
            }
            copy.finish()?;
            let e = &rows.events;
            tx.execute(
                &w.event,
                &[
                    &e.id,
                    &e.date,
                    &e.source,
                    &e.code,
                    &e.target,
                    &e.root,
                    &e.quad,
                    &e.goldstein,
                    &e.place_name,
                    &e.place_country,
                    &e.lat,
                    &e.lon,
                    &e.place_basis,
                ],
            )?;
            // After the events: a mention's event always exists when the mention does.
            let m = &rows.mentions;
            let mut copy = BinaryCopyInWriter::new(
                tx.copy_in(
                    "COPY mentions (event_id, record_id, sentence, date, source_key, article_key, event)
                     FROM STDIN (FORMAT binary)",
                )?,
                &[
                    Type::INT8,
                    Type::TEXT,
                    Type::INT4,
                    Type::TEXT,
                    Type::TEXT,
                    Type::TEXT,
                    Type::TEXT,
                ],
            );
            for i in 0..m.event_id.len() {
                copy.write(&[
                    &m.event_id[i],
                    &m.record_id[i],
                    &m.sentence[i],
                    &m.date[i],
                    &m.source_key[i],
                    &m.article_key[i],
                    &m.event[i],
                ])?;
            }
            copy.finish()?;
            let ac = &rows.actors;
            tx.execute(&w.actor, &[&ac.0, &ac.1, &ac.2])?;
            for drop in &w.drop_facts {
                tx.execute(drop, &[&rows.replaced])?;
            }
            let f = &rows.facts;
            let k = &f.claims;
            tx.execute(
                &w.claim,
                &[
                    &k.record,
                    &k.sentence,
                    &k.start,
                    &f.claim_date,
                    &f.claim_unit,
                    &f.claim_subject,
                    &f.claim_claimant,
                    &f.claim_json,
                ],
            )?;
            let k = &f.places;
            tx.execute(
                &w.place,
                &[
                    &k.record,
                    &k.sentence,
                    &k.start,
                    &f.place_feature,
                    &f.place_relational,
                    &f.place_json,
                ],
            )?;
            let k = &f.times;
            tx.execute(
                &w.time,
                &[&k.record, &k.sentence, &k.start, &f.time_resolved, &f.time_json],
            )?;
            Ok(())
        })
    }

    /// Why this is safe while other processes write: a writer reporting an event that
    /// already exists inserts only a mention (its event insert does nothing), so a plain
    /// `DELETE … WHERE NOT EXISTS (mention)` could see no mention (the writer has not
    /// committed), delete the event, and leave the writer's mention without its event.
    /// SHARE mode on `mentions` conflicts with the ROW EXCLUSIVE lock every writer takes on
    /// `mentions` (its `DELETE FROM mentions`) before it inserts events or mentions, and
    /// holds until commit: the prune first waits for writers already past that point to
    /// commit, and writers not yet there wait for the prune. The DELETE's snapshot is
    /// taken after the lock is granted, so it sees every committed mention, and a writer
    /// that waited inserts the event anew if it was pruned.
    fn prune(&mut self) -> Result<u64> {
        self.retrying(|tx, _| {
            tx.batch_execute("LOCK TABLE mentions IN SHARE MODE")?;
            tx.execute(
                "DELETE FROM events e WHERE NOT EXISTS
                   (SELECT 1 FROM mentions m WHERE m.event_id = e.event_id)",
                &[],
            )
        })
    }

    fn events(&mut self, f: &Filter) -> Result<Vec<StoredEvent>> {
        let mut sql = String::from(
            "SELECT e.event_id, e.event_date, count(*), count(DISTINCT m.source_key),
                    count(DISTINCT m.article_key)
             FROM events e JOIN mentions m ON m.event_id = e.event_id WHERE TRUE",
        );
        let mut args: Vec<Box<dyn ToSql + Sync>> = Vec::new();
        // Codes match by prefix, as in SQLite (which compares the first characters). The
        // "C" collation of these columns makes LIKE byte-wise and index-assisted.
        let mut prefix = |sql: &mut String, cols: &[&str], p: &str| {
            args.push(Box::new(prefix_pattern(&p.to_ascii_uppercase())));
            let n = args.len();
            let conds: Vec<String> = cols.iter().map(|c| format!("e.{c} LIKE ${n}")).collect();
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
            args.push(Box::new(i32::from(q)));
            sql.push_str(&format!(" AND e.quad = ${}", args.len()));
        }
        if let Some(d) = f.since {
            args.push(Box::new(d.to_string()));
            sql.push_str(&format!(" AND e.event_date >= ${}", args.len()));
        }
        if let Some(d) = f.until {
            args.push(Box::new(d.to_string()));
            sql.push_str(&format!(" AND e.event_date <= ${}", args.len()));
        }
        if let Some(ids) = &f.ids {
            args.push(Box::new(ids.clone()));
            sql.push_str(&format!(" AND e.event_id = ANY(${}::int8[])", args.len()));
        }
        sql.push_str(" GROUP BY e.event_id ORDER BY e.event_date DESC, e.event_id");
        if let Some(n) = f.limit {
            sql.push_str(&format!(" LIMIT {n}"));
        }
        let params: Vec<&(dyn ToSql + Sync)> = args.iter().map(|b| b.as_ref()).collect();

        // One snapshot for both queries, so the mentions listed are the ones counted even
        // while other processes write.
        let mut tx = self
            .client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let found: Vec<(i64, String, i64, i64)> = tx
            .query(&sql, &params)?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(3), r.get(4)))
            .collect();
        // Every mention of the events found, first report first; only the first report's
        // coded event (the large JSON) is sent.
        let mentions = tx.prepare(
            "SELECT m.event_id, m.record_id, m.sentence,
                    CASE WHEN row_number() OVER w = 1 THEN m.event END, a.stored_at, a.url,
                    a.outlet
             FROM mentions m JOIN articles a ON a.id = m.record_id
             WHERE m.event_id = ANY($1::int8[])
             WINDOW w AS (PARTITION BY m.event_id ORDER BY m.date, m.record_id, m.sentence)
             ORDER BY m.event_id, m.date, m.record_id, m.sentence",
        )?;
        type Reports = (
            Option<(String, String, Option<String>, Option<String>)>,
            Vec<(String, usize)>,
        );
        let mut reports: HashMap<i64, Reports> = HashMap::with_capacity(found.len());
        for chunk in found.chunks(EVENTS_PER_QUERY) {
            let ids: Vec<i64> = chunk.iter().map(|e| e.0).collect();
            for r in tx.query(&mentions, &[&ids])? {
                let (first, list) = reports.entry(r.get(0)).or_default();
                let sentence: i32 = r.get(2);
                if first.is_none() {
                    let json: Option<String> = r.get(3);
                    *first = json.map(|j| (j, r.get(4), r.get(5), r.get(6)));
                }
                list.push((r.get(1), sentence as usize));
            }
        }
        tx.commit()?;

        let mut out = Vec::with_capacity(found.len());
        for (eid, date, sources, articles) in found {
            let Some((Some((json, added, url, outlet)), list)) = reports.remove(&eid) else {
                continue;
            };
            let first: vigil_model::Event = serde_json::from_str(&json)
                .map_err(|err| StoreError::Data(format!("event {eid}: {err}")))?;
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

    fn claims(&mut self, limit: Option<u64>) -> Result<Vec<vigil_model::Claim>> {
        let limit = limit.map(|l| l.min(i64::MAX as u64) as i64);
        let rows = self.client.query(
            "SELECT claim FROM claims ORDER BY date, record_id, sentence, start_byte LIMIT $1",
            &[&limit],
        )?;
        rows.iter()
            .map(|r| from_json("claims", r.get::<_, &str>(0)))
            .collect()
    }

    fn daily(&mut self) -> Result<Vec<DailyCount>> {
        let rows = self.client.query(DAILY_SQL, &[])?;
        rows.iter()
            .map(|r| {
                let day: &str = r.get(3);
                Ok(DailyCount {
                    source: r.get(0),
                    target: r.get(1),
                    quad: r.get::<_, i32>(2) as u8,
                    day: day
                        .parse()
                        .map_err(|_| StoreError::Data(format!("events: bad date {day:?}")))?,
                    events: r.get::<_, i64>(4) as u64,
                    goldstein: r.get::<_, Option<f64>>(5).unwrap_or(0.0),
                })
            })
            .collect()
    }

    fn write_alerts(&mut self, window_end: &str, alerts: &[Alert]) -> Result<()> {
        let stamp = now_stamp();
        let mut tx = self.client.transaction()?;
        tx.execute("DELETE FROM alerts WHERE window_end = $1", &[&window_end])?;
        let put = tx.prepare(
            "INSERT INTO alerts (id, source, target, quad, window_start, window_end, observed,
               expected, severity, alert, computed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
             ON CONFLICT (id) DO UPDATE SET observed = excluded.observed,
               expected = excluded.expected, severity = excluded.severity,
               alert = excluded.alert, computed_at = excluded.computed_at",
        )?;
        for a in alerts {
            let (source, target, start, end) = a.key_columns();
            tx.execute(
                &put,
                &[
                    &a.id,
                    &source,
                    &target,
                    &i32::from(a.quad),
                    &start,
                    &end,
                    &(a.observed as i64),
                    &a.expected,
                    &a.severity,
                    &to_json(a)?,
                    &stamp,
                ],
            )?;
        }
        tx.execute(BUMP_SQL, &[])?;
        tx.commit()?;
        Ok(())
    }

    fn alerts(&mut self) -> Result<Vec<Alert>> {
        let rows = self
            .client
            .query("SELECT alert FROM alerts ORDER BY severity DESC, id", &[])?;
        rows.iter()
            .map(|r| from_json("alerts", r.get::<_, &str>(0)))
            .collect()
    }

    fn places(&mut self) -> Result<Vec<PlaceCount>> {
        let rows = self.client.query(
            "SELECT count(*), count(DISTINCT record_id), min(place) FROM places
             WHERE relational = 0 GROUP BY feature_id ORDER BY count(*) DESC, feature_id",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                let m: vigil_model::PlaceMention = from_json("places", r.get::<_, &str>(2))?;
                Ok(PlaceCount {
                    place: m.place,
                    mentions: r.get::<_, i64>(0) as u64,
                    records: r.get::<_, i64>(1) as u64,
                })
            })
            .collect()
    }

    fn event_rows(&mut self) -> Result<Vec<EventRow>> {
        // One snapshot for both statements.
        let mut tx = self
            .client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let mut events = tx
            .query(EVENT_ROWS_SQL, &[])?
            .iter()
            .map(|r| {
                Ok(EventRow {
                    event_id: r.get(0),
                    date: parse_day("events", r.get(1))?,
                    source: r.get(2),
                    target: r.get(3),
                    code: r.get(4),
                    quad: r.get::<_, Option<i32>>(5).map(|q| q as u8),
                    goldstein: r.get::<_, Option<f64>>(6).map(|g| g as f32),
                    mentions: 0,
                    location: event_location((r.get(7), r.get(8), r.get(9), r.get(10), r.get(11))),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let counts = tx
            .query(MENTION_COUNTS_SQL, &[])?
            .iter()
            .map(|r| (r.get::<_, i64>(0), r.get::<_, i64>(1)))
            .collect();
        tx.commit()?;
        join_mention_counts(&mut events, counts);
        Ok(events)
    }

    fn article(&mut self, id: &str) -> Result<Option<StoredArticle>> {
        let row = self.client.query_opt(
            "SELECT id, date, title, url, outlet, text FROM articles WHERE id = $1",
            &[&id],
        )?;
        row.map(|r| {
            Ok(StoredArticle {
                id: r.get(0),
                date: parse_day("articles", r.get(1))?,
                title: r.get(2),
                url: r.get(3),
                outlet: r.get(4),
                text: r.get(5),
            })
        })
        .transpose()
    }

    fn events_of(&mut self, record_id: &str) -> Result<Vec<i64>> {
        let rows = self.client.query(
            "SELECT DISTINCT event_id FROM mentions WHERE record_id = $1 ORDER BY event_id",
            &[&record_id],
        )?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn claims_of(&mut self, record_id: &str) -> Result<Vec<vigil_model::Claim>> {
        let rows = self.client.query(
            "SELECT claim FROM claims WHERE record_id = $1 ORDER BY sentence, start_byte",
            &[&record_id],
        )?;
        rows.iter()
            .map(|r| from_json("claims", r.get::<_, &str>(0)))
            .collect()
    }

    fn search(&mut self, query: &str, limit: u64, offset: u64) -> Result<Vec<SearchHit>> {
        let terms = search_terms(query);
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        // plainto_tsquery: the words joined by AND, stemmed, no query syntax.
        let rows = self.client.query(
            // The page is ranked first; headlines are made for its rows only.
            "WITH q AS (SELECT plainto_tsquery('english', $1) AS q),
             page AS (
                 SELECT a.id, ts_rank(v.doc, q.q) AS rank
                 FROM articles a, q,
                      LATERAL (SELECT to_tsvector('english',
                          coalesce(a.title, '') || ' ' || a.text) AS doc) v
                 WHERE to_tsvector('english', coalesce(a.title, '') || ' ' || a.text) @@ q.q
                 ORDER BY rank DESC, a.date DESC, a.id
                 LIMIT $2 OFFSET $3)
             SELECT a.id, a.date, a.title, a.url, a.outlet,
                    (SELECT count(*) FROM mentions m WHERE m.record_id = a.id),
                    ts_headline('english', a.text, q.q,
                        'StartSel=' || chr(2) || ', StopSel=' || chr(3)
                        || ', MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=…')
             FROM page JOIN articles a ON a.id = page.id, q
             ORDER BY page.rank DESC, a.date DESC, a.id",
            &[
                &terms.join(" "),
                &(limit.min(i64::MAX as u64) as i64),
                &(offset.min(i64::MAX as u64) as i64),
            ],
        )?;
        rows.iter()
            .map(|r| {
                Ok(SearchHit {
                    id: r.get(0),
                    date: parse_day("articles", r.get(1))?,
                    title: r.get(2),
                    url: r.get(3),
                    outlet: r.get(4),
                    events: r.get::<_, i64>(5) as u64,
                    snippet: r.get(6),
                })
            })
            .collect()
    }

    fn articles_from(&mut self, outlet: &str) -> Result<u64> {
        let r = self.client.query_one(
            "SELECT count(*) FROM articles WHERE outlet = $1",
            &[&outlet],
        )?;
        Ok(r.get::<_, i64>(0) as u64)
    }

    fn version(&mut self) -> Result<String> {
        let r = self.client.query_one("SELECT n FROM vigil_changes", &[])?;
        Ok(r.get::<_, i64>(0).to_string())
    }

    fn counts(&mut self) -> Result<Counts> {
        // One statement: one snapshot, so the four numbers agree with each other.
        let r = self.client.query_one(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences),
                    (SELECT count(*) FROM events e WHERE EXISTS
                       (SELECT 1 FROM mentions m WHERE m.event_id = e.event_id)),
                    (SELECT count(*) FROM mentions), (SELECT count(*) FROM claims),
                    (SELECT count(*) FROM alerts)",
            &[],
        )?;
        let n = |i: usize| r.get::<_, i64>(i) as u64;
        Ok(Counts {
            articles: n(0),
            sentences: n(1),
            events: n(2),
            mentions: n(3),
            claims: n(4),
            alerts: n(5),
        })
    }
}

/// The store tests of `tests.rs`, and the ones only many writers need, against a real
/// PostgreSQL server: the one `VIGIL_TEST_POSTGRES` names (an admin URL allowed to create
/// databases; `scripts/test` starts a throwaway server and sets it). Each test works in a
/// database of its own, dropped at the end. They are `#[ignore]`d, so a plain `cargo test`
/// lists them as ignored instead of passing them unchecked; `scripts/test` runs them with
/// `--ignored` once its server is up, and run without the variable they fail.
#[cfg(test)]
mod pg_tests {
    use super::*;
    use crate::{Filter, Store, content_hash, open};
    use chrono::NaiveDate;
    use std::sync::atomic::{AtomicU32, Ordering};
    use vigil_model::{Article, Event, Provenance, Span};

    const NO_SERVER: &str = "VIGIL_TEST_POSTGRES is not set: this PostgreSQL test needs the \
        admin URL of a server that lets it create databases (scripts/test starts one and sets it)";

    /// A database of its own for one test; dropped (connections and all) when it goes.
    struct TestDb {
        admin: String,
        name: String,
        url: String,
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

    impl TestDb {
        fn new(test: &str) -> TestDb {
            static N: AtomicU32 = AtomicU32::new(0);
            // The test is ignored unless asked for: asked for without a server, it fails
            // rather than pass having checked nothing.
            let admin = std::env::var("VIGIL_TEST_POSTGRES")
                .ok()
                .filter(|u| !u.is_empty())
                .expect(NO_SERVER);
            let name = format!(
                "vigil_{test}_{}_{}",
                std::process::id(),
                N.fetch_add(1, Ordering::Relaxed)
            );
            let mut c = Client::connect(&admin, NoTls).expect("the test server answers");
            // A language-aware default collation where the server has one, to show that the
            // byte-order ("C") columns give SQLite's order whatever the database's default.
            if c.batch_execute(&format!(
                "CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'"
            ))
            .is_err()
            {
                c.batch_execute(&format!("CREATE DATABASE {name}"))
                    .expect("can create a test database");
            }
            TestDb {
                url: with_database(&admin, &name),
                admin,
                name,
            }
        }

        fn open(&self) -> Box<dyn Store> {
            open(&self.url).expect("opens the test database")
        }
    }

    impl Drop for TestDb {
        fn drop(&mut self) {
            if let Ok(mut c) = Client::connect(&self.admin, NoTls) {
                let _ = c.batch_execute(&format!(
                    "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                    self.name
                ));
            }
        }
    }

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

    /// What a store says about its events, without the storage time (which differs).
    fn snapshot(db: &mut dyn Store, f: &Filter) -> Vec<String> {
        db.events(f)
            .unwrap()
            .iter()
            .map(|e| format!("{} {:?}", e.to_json(), e.url))
            .collect()
    }

    #[test]
    #[ignore = "needs a PostgreSQL server (VIGIL_TEST_POSTGRES); scripts/test runs it"]
    fn reports_of_one_event_are_one_event_with_mentions_and_the_first_report_names_it() {
        let t = TestDb::new("first");
        let mut db = t.open();
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
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].event_date, day("2021-12-05"), "most recent first");
        let e = &all[1];
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
        assert_eq!(e.added.len(), 14);
        let c = db.counts().unwrap();
        assert_eq!(
            (c.articles, c.sentences, c.events, c.mentions),
            (3, 3, 2, 4)
        );
    }

    #[test]
    #[ignore = "needs a PostgreSQL server (VIGIL_TEST_POSTGRES); scripts/test runs it"]
    fn writing_again_adds_nothing_and_a_changed_record_supersedes_its_old_version() {
        let t = TestDb::new("again");
        let mut db = t.open();
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
        let hashes = db.hashes(&["a", "zz"]).unwrap();
        assert_eq!(hashes.len(), 1);
        assert_eq!(hashes.get("a"), Some(&r.hash));
        let changed = rec(
            "a",
            "2021-12-04",
            "AP",
            "Russia attacked Ukraine.",
            vec![ev("a", "2021-12-04", 0, "RUSMIL", "190", "UKR")],
        );
        db.write(&[changed]).unwrap();
        assert_eq!(db.prune().unwrap(), 1);
        assert_eq!(db.prune().unwrap(), 0);
        let all = db.events(&Filter::default()).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].first.code, "190");
    }

    #[test]
    #[ignore = "needs a PostgreSQL server (VIGIL_TEST_POSTGRES); scripts/test runs it"]
    fn filters_match_prefixes_quads_and_dates() {
        let t = TestDb::new("filters");
        let mut db = t.open();
        db.write(&[rec(
            "a",
            "2021-12-04",
            "AP",
            "x",
            vec![
                ev("a", "2021-12-04", 0, "RUSMIL", "154", "UKR"),
                ev("a", "2021-12-04", 0, "USAGOV", "036", "RUSGOV"),
                // LIKE's wildcards are matched as themselves.
                ev("a", "2021-12-04", 0, "X_%", "036", "UKR"),
            ],
        )])
        .unwrap();
        let mut n = |f: Filter| db.events(&f).unwrap().len();
        let f = Filter::default;
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            n(Filter {
                actor: some("rus"),
                ..f()
            }),
            2
        );
        assert_eq!(
            n(Filter {
                source: some("RUS"),
                ..f()
            }),
            1
        );
        assert_eq!(
            n(Filter {
                target: some("UKR"),
                ..f()
            }),
            2
        );
        assert_eq!(
            n(Filter {
                code: some("15"),
                ..f()
            }),
            1
        );
        assert_eq!(
            n(Filter {
                source: some("X_"),
                ..f()
            }),
            1
        );
        assert_eq!(
            n(Filter {
                source: some("_"),
                ..f()
            }),
            0
        );
        assert_eq!(
            n(Filter {
                quad: Some(1),
                ..f()
            }),
            0
        );
        assert_eq!(
            n(Filter {
                since: Some(day("2021-12-05")),
                ..f()
            }),
            0
        );
        assert_eq!(
            n(Filter {
                until: Some(day("2021-12-04")),
                limit: Some(1),
                ..f()
            }),
            1
        );
    }

    #[test]
    #[ignore = "needs a PostgreSQL server (VIGIL_TEST_POSTGRES); scripts/test runs it"]
    fn a_newer_schema_is_refused() {
        let t = TestDb::new("newer");
        drop(t.open());
        let mut c = Client::connect(&t.url, NoTls).unwrap();
        c.batch_execute("INSERT INTO vigil_schema (version) VALUES (99)")
            .unwrap();
        drop(c);
        assert!(matches!(
            open(&t.url),
            Err(StoreError::TooNew { found: 99, .. })
        ));
    }

    #[test]
    #[ignore = "needs a PostgreSQL server (VIGIL_TEST_POSTGRES); scripts/test runs it"]
    fn errors_carry_the_servers_message() {
        let t = TestDb::new("errors");
        let mut c = Client::connect(&t.url, NoTls).unwrap();
        let e = StoreError::from(c.batch_execute("SELECT * FROM nowhere").unwrap_err());
        let s = e.to_string();
        assert!(s.contains("nowhere") && s.contains("42P01"), "{s}");
        let bad = with_database(&t.url, "vigil_no_such_database");
        let s = open(&bad).err().expect("no such database").to_string();
        assert!(s.contains("vigil_no_such_database"), "{s}");
    }

    #[test]
    #[ignore = "needs a PostgreSQL server (VIGIL_TEST_POSTGRES); scripts/test runs it"]
    fn a_nul_character_is_refused_by_name_and_the_batch_is_not_written() {
        let t = TestDb::new("nul");
        let mut db = t.open();
        let ok = rec("a", "2021-12-04", "AP", "Fine.", vec![]);
        let bad = rec("b\0", "2021-12-04", "AP", "Not\0fine.", vec![]);
        let e = db.write(&[ok.clone(), bad]).unwrap_err().to_string();
        assert!(e.contains("NUL") && e.contains("b\\0"), "{e}");
        assert_eq!(db.counts().unwrap().articles, 0);
        db.write(&[ok]).unwrap();
        assert_eq!(db.counts().unwrap().articles, 1);
    }

    /// A deterministic mixed workload: records in several batches, reports of one event
    /// from several outlets and articles, ids whose byte order differs from dictionary
    /// order, a record given twice in one batch, and records superseded later.
    fn workload() -> Vec<Vec<CodedRecord>> {
        let ids = ["b", "A", "é", "Z", "a", "_x", "a-1", "a1", "Ω", "B"];
        let actors = ["RUSMIL", "UKR", "USAGOV", "IGOWSTNAT", "CHN"];
        let codes = ["036", "154", "190", "042"];
        let mut seed = 20211204u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        };
        let mut make = |id: &str, version: usize| {
            let date = format!("2021-12-0{}", 1 + next(3));
            let n = 1 + next(4);
            let events = (0..n)
                .map(|i| {
                    let s = actors[next(actors.len())];
                    let t = actors[next(actors.len())];
                    ev(id, &date, i % 2, s, codes[next(codes.len())], t)
                })
                .collect();
            let mut r = rec(
                id,
                &date,
                ["AP", "Reuters", "TASS"][next(3)],
                &format!("{id} version {version}. Second sentence."),
                events,
            );
            if next(2) == 0 {
                r.article.article = Some(format!("art-{}", next(3)));
            }
            if next(2) == 0 {
                r.article.url = Some(format!("https://news{}.example/{id}", next(3)));
            }
            r.hash = content_hash(&r.article);
            r.sentences.push(Span::new(0, 1));
            r
        };
        let mut batches = Vec::new();
        for round in 0..4 {
            let mut batch = Vec::new();
            for (k, id) in ids.iter().enumerate() {
                if (k + round) % 3 != 0 {
                    batch.push(make(id, round));
                }
            }
            // The same id twice in one batch: the later version wins.
            batch.push(make(ids[round], 100 + round));
            batches.push(batch);
        }
        batches
    }

    fn filters() -> Vec<Filter> {
        let some = |s: &str| Some(s.to_string());
        vec![
            Filter::default(),
            Filter {
                actor: some("US"),
                ..Filter::default()
            },
            Filter {
                code: some("1"),
                since: Some(day("2021-12-02")),
                ..Filter::default()
            },
            Filter {
                quad: Some(4),
                until: Some(day("2021-12-02")),
                limit: Some(3),
                ..Filter::default()
            },
        ]
    }

    #[test]
    #[ignore = "needs a PostgreSQL server (VIGIL_TEST_POSTGRES); scripts/test runs it"]
    fn the_same_writes_read_back_exactly_as_from_sqlite() {
        let t = TestDb::new("parity");
        let dir = tempfile::tempdir().unwrap();
        let mut lite = open(&format!("sqlite:{}", dir.path().join("v.db").display())).unwrap();
        let mut pg = t.open();
        for batch in workload() {
            lite.write(&batch).unwrap();
            pg.write(&batch).unwrap();
        }
        assert_eq!(lite.counts().unwrap(), pg.counts().unwrap());
        assert_eq!(lite.prune().unwrap(), pg.prune().unwrap());
        assert_eq!(lite.counts().unwrap(), pg.counts().unwrap());
        for f in filters() {
            let want = snapshot(lite.as_mut(), &f);
            assert!(!want.is_empty(), "{f:?}");
            assert_eq!(snapshot(pg.as_mut(), &f), want, "{f:?}");
        }
        let ids = ["a", "A", "é", "nope"];
        assert_eq!(lite.hashes(&ids).unwrap(), pg.hashes(&ids).unwrap());
        assert_eq!(lite.event_rows().unwrap(), pg.event_rows().unwrap());
    }

    #[test]
    #[ignore = "needs a PostgreSQL server (VIGIL_TEST_POSTGRES); scripts/test runs it"]
    fn reads_for_the_api() {
        let t = TestDb::new("api");
        let mut db = t.open();
        crate::tests::reads_for_the_api(db.as_mut(), &|| t.open());
    }

    #[test]
    #[ignore = "needs a PostgreSQL server (VIGIL_TEST_POSTGRES); scripts/test runs it"]
    fn concurrent_writers_of_overlapping_records_store_each_once() {
        let t = TestDb::new("writers");
        let batches = workload();
        // Every record of the workload, in one order: what one writer would end with.
        let dir = tempfile::tempdir().unwrap();
        let mut lite = open(&format!("sqlite:{}", dir.path().join("v.db").display())).unwrap();
        let last = batches.last().unwrap().clone();
        // Writers that all end by writing the final batch agree on the final state;
        // before it they race over the earlier batches in different orders.
        std::thread::scope(|s| {
            for w in 0..4usize {
                let (batches, last, url) = (&batches, &last, &t.url);
                s.spawn(move || {
                    let mut db = open(url).unwrap();
                    for round in 0..5 {
                        for k in 0..batches.len() - 1 {
                            let b = &batches[(k + w + round) % (batches.len() - 1)];
                            db.write(b).unwrap();
                        }
                        db.prune().unwrap();
                    }
                    db.write(last).unwrap();
                });
            }
        });
        for b in &batches[..batches.len() - 1] {
            lite.write(b).unwrap();
        }
        lite.write(&last).unwrap();
        let mut pg = t.open();
        // Earlier batches hold the other writers' versions of records outside the final
        // batch; those agree as a set, not in which version is last: compare only what the
        // final batch decides, plus the absence of duplicates everywhere.
        let mut c = Client::connect(&t.url, NoTls).unwrap();
        let dups: i64 = c
            .query_one(
                "SELECT (SELECT count(*) FROM (SELECT id FROM articles GROUP BY id
                           HAVING count(*) > 1) d)
                      + (SELECT count(*) FROM mentions m WHERE NOT EXISTS
                           (SELECT 1 FROM events e WHERE e.event_id = m.event_id))
                      + (SELECT count(*) FROM sentences s WHERE NOT EXISTS
                           (SELECT 1 FROM articles a WHERE a.id = s.record_id))",
                &[],
            )
            .unwrap()
            .get(0);
        assert_eq!(dups, 0, "duplicates or orphans");
        let final_ids: Vec<&str> = last.iter().map(|r| r.article.id.as_str()).collect();
        assert_eq!(
            pg.hashes(&final_ids).unwrap(),
            lite.hashes(&final_ids).unwrap()
        );
        // Writing every batch once more in one order makes the two stores equal.
        for b in &batches {
            pg.write(b).unwrap();
            lite.write(b).unwrap();
        }
        pg.prune().unwrap();
        lite.prune().unwrap();
        assert_eq!(pg.counts().unwrap(), lite.counts().unwrap());
        assert_eq!(
            snapshot(pg.as_mut(), &Filter::default()),
            snapshot(lite.as_mut(), &Filter::default())
        );
    }

    #[test]
    #[ignore = "needs a PostgreSQL server (VIGIL_TEST_POSTGRES); scripts/test runs it"]
    fn concurrent_first_opens_create_the_schema_once() {
        let t = TestDb::new("opens");
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..6).map(|_| s.spawn(|| open(&t.url).map(drop))).collect();
            for h in handles {
                h.join().unwrap().expect("every opener succeeds");
            }
        });
        let mut c = Client::connect(&t.url, NoTls).unwrap();
        let versions: i64 = c
            .query_one("SELECT count(*) FROM vigil_schema", &[])
            .unwrap()
            .get(0);
        assert_eq!(versions, schema::POSTGRES.len() as i64);
    }

    #[test]
    #[ignore = "needs a PostgreSQL server (VIGIL_TEST_POSTGRES); scripts/test runs it"]
    fn prune_never_removes_an_event_that_a_concurrent_writer_reports() {
        let t = TestDb::new("prune");
        let mut setup = t.open();
        let mut writer = t.open();
        let mut pruner = t.open();
        let reported = |v: usize| {
            rec(
                "r",
                "2021-12-04",
                "AP",
                &format!("Russia massed troops ({v})."),
                vec![ev("r", "2021-12-04", 0, "RUSMIL", "154", "UKR")],
            )
        };
        for v in 0..60 {
            // The event exists with no mention: exactly what a prune removes.
            setup.write(&[reported(2 * v)]).unwrap();
            setup
                .write(&[rec(
                    "r",
                    "2021-12-04",
                    "AP",
                    &format!("Nothing ({v})."),
                    vec![],
                )])
                .unwrap();
            // Meanwhile another process reports it again.
            std::thread::scope(|s| {
                let w = s.spawn(|| writer.write(&[reported(2 * v + 1)]).unwrap());
                pruner.prune().unwrap();
                w.join().unwrap();
            });
            let all = setup.events(&Filter::default()).unwrap();
            assert_eq!(all.len(), 1, "round {v}: the reported event is kept");
            assert_eq!(setup.counts().unwrap().mentions, 1);
        }
    }
}
