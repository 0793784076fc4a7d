//! The event store: articles, their sentences, coded events and the mentions that report
//! them, in a SQLite file (the default) or a PostgreSQL database (many writers at once).
//!
//! The store is written one batch at a time, each batch one transaction, and every write is
//! an idempotent upsert keyed by what the row *is* (a record id, an event id), so a batch
//! interrupted at any point (Ctrl-C, `kill -9`) leaves the last committed state, and
//! running the same input again completes the job without duplicates.
//!
//! Events: several reports of one event (same event date, source, code and target) are one
//! event, identified by [`event_id`], with one *mention* per report (record id, sentence,
//! provenance). Counts (GDELT's NumMentions, NumSources, NumArticles) and the event's `id`
//! (the record id of its first report: the smallest publication date, then record id) are
//! computed from the mentions when read, so they never disagree with them and do not depend
//! on the order of ingestion.

pub mod export;
mod hash;
#[cfg(feature = "parquet")]
pub mod parquet;
mod postgres;
mod query;
mod schema;
mod sqlite;

pub use hash::{content_hash, event_id};
pub use query::{
    Alert, DailyCount, EventLocation, EventRow, Filter, HIT_END, HIT_START, SearchHit,
    StoredArticle, StoredEvent, search_terms,
};

use vigil_model::{Article, Claim, Event, Place, PlaceMention, Span, TimeExpr};

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database URL is not one Vigil understands.
    #[error("unsupported database URL `{0}` (use sqlite:PATH or postgres://...)")]
    Url(String),
    /// The database was written by a newer Vigil.
    #[error(
        "the database has schema version {found}; this Vigil knows up to {known}: upgrade Vigil"
    )]
    TooNew {
        /// Version found in the database.
        found: i64,
        /// Newest version this build knows.
        known: i64,
    },
    /// SQLite said no.
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL said no, or could not be reached. (The message includes the server's
    /// own, which the client error's `Display` leaves out; it is not a `source` so that
    /// error chains do not print it twice.)
    #[error("PostgreSQL: {}", crate::postgres::describe(.0))]
    Postgres(::postgres::Error),
    /// A stored row could not be read back.
    #[error("stored data: {0}")]
    Data(String),
}

/// Result of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// One coded record, ready to store.
#[derive(Clone, Debug)]
pub struct CodedRecord {
    /// The record as read.
    pub article: Article,
    /// Its [`content_hash`].
    pub hash: String,
    /// Byte spans of its sentences (index = sentence number).
    pub sentences: Vec<Span>,
    /// Its events, in coding order.
    pub events: Vec<Event>,
    /// Its quantity claims.
    pub claims: Vec<Claim>,
    /// The places its sentences name, as (sentence, mention).
    pub places: Vec<(usize, PlaceMention)>,
    /// The time expressions of its sentences, as (sentence, expression).
    pub times: Vec<(usize, TimeExpr)>,
}

/// A place and how often the stored articles name it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceCount {
    /// The geocoded place.
    pub place: Place,
    /// Mentions of it.
    pub mentions: u64,
    /// Records that name it.
    pub records: u64,
}

/// What the store holds, in numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Articles (records).
    pub articles: u64,
    /// Sentences.
    pub sentences: u64,
    /// Distinct events (with at least one mention).
    pub events: u64,
    /// Mentions (reports of events).
    pub mentions: u64,
    /// Quantity claims.
    pub claims: u64,
    /// Stored alerts.
    pub alerts: u64,
}

/// A database Vigil stores into and reads from.
pub trait Store: Send {
    /// The stored content hash of each of `ids` that is stored.
    fn hashes(&mut self, ids: &[&str]) -> Result<std::collections::HashMap<String, String>>;
    /// Writes `records` in one transaction: each replaces whatever was stored under its id
    /// (its sentences and mentions), and adds its events where they are new.
    fn write(&mut self, records: &[CodedRecord]) -> Result<()>;
    /// Removes events that no mention reports any more (after superseded records).
    fn prune(&mut self) -> Result<u64>;
    /// Events matching `filter`, most recent first.
    fn events(&mut self, filter: &Filter) -> Result<Vec<StoredEvent>>;
    /// Row counts.
    fn counts(&mut self) -> Result<Counts>;
    /// Stored quantity claims, by publication date, record, sentence and position; at most
    /// `limit` when given.
    fn claims(&mut self, limit: Option<u64>) -> Result<Vec<Claim>>;
    /// Places named as locations (relational phrases left out), most named first.
    fn places(&mut self) -> Result<Vec<PlaceCount>>;
    /// Events per (source, target, QuadClass, event date), for events with both actors
    /// and a QuadClass that some mention still reports.
    fn daily(&mut self) -> Result<Vec<DailyCount>>;
    /// Stores the alerts of the windows ending on `window_end`, in one transaction: they
    /// replace every alert stored for that day, so an alert that no longer holds (the
    /// counts changed) goes.
    fn write_alerts(&mut self, window_end: &str, alerts: &[Alert]) -> Result<()>;
    /// Stored alerts, most severe first.
    fn alerts(&mut self) -> Result<Vec<Alert>>;
    /// Every live event (one some mention reports), compact, most recent first (then by
    /// event id): what analytics scan.
    fn event_rows(&mut self) -> Result<Vec<EventRow>>;
    /// The record stored under `id`.
    fn article(&mut self, id: &str) -> Result<Option<StoredArticle>>;
    /// Ids of the events a record reports.
    fn events_of(&mut self, record_id: &str) -> Result<Vec<i64>>;
    /// The quantity claims of one record, in text order.
    fn claims_of(&mut self, record_id: &str) -> Result<Vec<Claim>>;
    /// Records whose title or text hold every word of `query` (stemmed), best first.
    fn search(&mut self, query: &str, limit: u64, offset: u64) -> Result<Vec<SearchHit>>;
    /// Records from `outlet`.
    fn articles_from(&mut self, outlet: &str) -> Result<u64>;
    /// A value that changes whenever any connection commits a change (to tell when data
    /// read earlier is stale).
    fn version(&mut self) -> Result<String>;
}

/// Opens (creating and migrating when needed) the database at `url`: `sqlite:PATH`, a bare
/// path, or `postgres://…`.
pub fn open(url: &str) -> Result<Box<dyn Store>> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok(Box::new(postgres::Postgres::open(url)?));
    }
    let path = url.strip_prefix("sqlite:").unwrap_or(url);
    if path.is_empty() {
        return Err(StoreError::Url(url.to_string()));
    }
    Ok(Box::new(sqlite::Sqlite::open(path)?))
}

#[cfg(test)]
mod tests;

/// Parses a stored JSON column, naming the table when it is not what Vigil wrote.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(table: &str, json: &str) -> Result<T> {
    serde_json::from_str(json).map_err(|e| StoreError::Data(format!("{table}: {e}")))
}

/// Serialises a row's JSON column.
pub(crate) fn to_json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Data(e.to_string()))
}
