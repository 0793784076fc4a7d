//! Reading events back: filters and the stored form of an event.

use chrono::NaiveDate;
use serde_json::{Map, Value};
use vigil_model::Event;

/// Which events to read. Codes match by prefix (`RUS` matches `RUSGOV`, `15` matches `154`).
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Source or target starts with this.
    pub actor: Option<String>,
    /// Source starts with this.
    pub source: Option<String>,
    /// Target starts with this.
    pub target: Option<String>,
    /// Event code starts with this.
    pub code: Option<String>,
    /// QuadClass.
    pub quad: Option<u8>,
    /// Event date on or after.
    pub since: Option<NaiveDate>,
    /// Event date on or before.
    pub until: Option<NaiveDate>,
    /// At most this many events.
    pub limit: Option<u64>,
    /// Only these events (by event id).
    pub ids: Option<Vec<i64>>,
}

/// One stored event with what its mentions say about it.
#[derive(Clone, Debug)]
pub struct StoredEvent {
    /// Stable event id.
    pub event_id: i64,
    /// The event date (the publication date until dates are resolved).
    pub event_date: NaiveDate,
    /// The first report, as coded: its `id` is the event's id.
    pub first: Event,
    /// Every report, as (record id, sentence), first report first.
    pub mentions: Vec<(String, usize)>,
    /// Distinct sources (outlets) reporting it.
    pub sources: u64,
    /// Distinct articles reporting it.
    pub articles: u64,
    /// When it was first stored (UTC, YYYYMMDDHHMMSS).
    pub added: String,
    /// URL of the first report, when known.
    pub url: Option<String>,
    /// Outlet of the first report, when known.
    pub outlet: Option<String>,
}

impl StoredEvent {
    /// The JSON object `vigil events --format jsonl` prints: the fields of `vigil code`
    /// (of the first report) plus `event_id`, `event_date`, `mentions`, `sources`,
    /// `articles`.
    pub fn to_json(&self) -> Value {
        let mut v = match serde_json::to_value(&self.first) {
            Ok(Value::Object(m)) => m,
            _ => Map::new(),
        };
        v.insert("event_id".into(), self.event_id.into());
        v.insert("event_date".into(), self.event_date.to_string().into());
        v.insert(
            "mentions".into(),
            Value::Array(
                self.mentions
                    .iter()
                    .map(|(id, s)| serde_json::json!({"id": id, "sentence": s}))
                    .collect(),
            ),
        );
        v.insert("num_mentions".into(), (self.mentions.len() as u64).into());
        v.insert("sources".into(), self.sources.into());
        v.insert("articles".into(), self.articles.into());
        Value::Object(v)
    }
}

/// Events of one (source, target, QuadClass) on one day: what escalation watching counts.
#[derive(Clone, Debug, PartialEq)]
pub struct DailyCount {
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// QuadClass 1–4.
    pub quad: u8,
    /// Event date.
    pub day: NaiveDate,
    /// Distinct events.
    pub events: u64,
    /// Sum of their Goldstein scores.
    pub goldstein: f64,
}

/// An escalation alert: a dyad's recent events against its own baseline.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Alert {
    /// Stable id: `SOURCE>TARGET/QUAD/WINDOW_END`.
    pub id: String,
    /// The dyad as `SOURCE>TARGET` (country or organisation codes).
    pub dyad: String,
    /// QuadClass of the events counted.
    pub quad: u8,
    /// First and last day of the window, `start/end`.
    pub window: String,
    /// Events in the window.
    pub observed: u64,
    /// Events the baseline leads to expect in the window.
    pub expected: f64,
    /// `observed / expected`.
    pub ratio: f64,
    /// `−log10` of the probability of so many events by chance.
    pub severity: f64,
    /// Mean Goldstein score of the window's events.
    pub goldstein_window: Option<f64>,
    /// Mean Goldstein score of the baseline's events.
    pub goldstein_baseline: Option<f64>,
    /// Event ids of the window's events (the evidence), most recent first.
    pub evidence: Vec<i64>,
    /// One line for a person.
    pub summary: String,
}

impl Alert {
    /// The columns the stores index an alert by: source, target, window start, window end.
    pub(crate) fn key_columns(&self) -> (&str, &str, &str, &str) {
        let (source, target) = self.dyad.split_once('>').unwrap_or((&self.dyad, ""));
        let (start, end) = self
            .window
            .split_once('/')
            .unwrap_or((&self.window, &self.window));
        (source, target, start, end)
    }
}

/// One live event in the compact form analytics scan: codes, numbers and where, without
/// the text or the coded JSON.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    /// Stable event id.
    pub event_id: i64,
    /// The event date.
    pub date: NaiveDate,
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// CAMEO event code.
    pub code: String,
    /// QuadClass 1–4.
    pub quad: Option<u8>,
    /// Goldstein score.
    pub goldstein: Option<f32>,
    /// Reports of it.
    pub mentions: u32,
    /// Where it happened (of its first report), when known.
    pub location: Option<EventLocation>,
}

/// Where an event happened, as the events table keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct EventLocation {
    /// Place name.
    pub name: String,
    /// ISO 3166 alpha-2 country, when known.
    pub country: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// How the location was chosen; `None` for events stored before Vigil recorded it.
    pub basis: Option<vigil_model::LocationBasis>,
}

/// A stored record (article) with its text.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredArticle {
    /// Record id.
    pub id: String,
    /// Publication date.
    pub date: NaiveDate,
    /// Title, when known.
    pub title: Option<String>,
    /// URL, when known.
    pub url: Option<String>,
    /// Outlet, when known.
    pub outlet: Option<String>,
    /// The text as coded.
    pub text: String,
}

/// An article found by full-text search.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// Record id.
    pub id: String,
    /// Publication date.
    pub date: NaiveDate,
    /// Title, when known.
    pub title: Option<String>,
    /// URL, when known.
    pub url: Option<String>,
    /// Outlet, when known.
    pub outlet: Option<String>,
    /// Event mentions the record holds.
    pub events: u64,
    /// A passage around the matches: the matched words between [`HIT_START`] and
    /// [`HIT_END`].
    pub snippet: String,
}

/// Opens a matched word in [`SearchHit::snippet`] (a control character no article text
/// keeps).
pub const HIT_START: char = '\u{2}';
/// Closes a matched word in [`SearchHit::snippet`].
pub const HIT_END: char = '\u{3}';

/// The words of a search query, as a conjunction both stores understand: letters and
/// digits only, so no query syntax (quotes, operators, column filters) reaches the
/// database.
pub fn search_terms(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(str::to_lowercase)
        .collect()
}
