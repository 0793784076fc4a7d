//! An in-memory copy of every live event in compact form, for the aggregate views.
//!
//! The dashboard's timeline, map, network and actor lists aggregate over all events that
//! match a filter. Grouping a million rows in SQL on every page view costs about a second;
//! scanning a million 40-byte rows in memory costs milliseconds. So the server keeps this
//! snapshot (codes interned, rows most recent first) and replaces it whenever the store's
//! [`version`](vigil_store::Store::version) changes. Event details (sentences, coding,
//! articles) are still read from the store, by id, for the few events a page shows.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::HashMap;
use vigil_model::{LocationBasis, dyad_side};
use vigil_store::{Counts, EventLocation, EventRow};

/// "No value" in the compact row's small fields.
const NONE: u32 = u32::MAX;

/// One event, compact.
#[derive(Clone, Copy, Debug)]
struct Row {
    id: i64,
    /// Days since 1 January of year 1 (chrono's `num_days_from_ce`).
    day: i32,
    source: u32,
    target: u32,
    code: u32,
    /// QuadClass 1–4, 0 when unknown.
    quad: u8,
    /// NaN when unknown.
    goldstein: f32,
    mentions: u32,
    /// Index into `places`, or [`NONE`].
    place: u32,
}

/// Which events a view covers: the store's filter (codes match by prefix, as everywhere
/// in Vigil). Its `limit` and `ids` are not used here: views page by themselves.
pub type Query = vigil_store::Filter;

/// Buckets of a series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interval {
    /// One point per day.
    Day,
    /// One point per ISO week (starting on Monday).
    Week,
}

/// What the store held when the snapshot was taken, beyond the events.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Totals {
    /// Articles, sentences, events, mentions, claims, alerts.
    pub counts: Counts,
    /// Articles of the synthetic corpus (outlet [`crate::SYNTHETIC_OUTLET`]).
    pub synthetic_articles: u64,
}

/// The snapshot.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The store's version it was taken at.
    pub version: String,
    /// Row counts.
    pub totals: Totals,
    rows: Vec<Row>,
    actors: Vec<String>,
    /// Actor index → index into `sides`.
    actor_side: Vec<u32>,
    sides: Vec<String>,
    codes: Vec<String>,
    places: Vec<EventLocation>,
    /// Events per actor, as source or target.
    actor_events: Vec<u64>,
}

/// Interns strings as dense indices.
#[derive(Default)]
struct Interner {
    index: HashMap<String, u32>,
    list: Vec<String>,
}

impl Interner {
    fn get(&mut self, s: String) -> u32 {
        if let Some(&i) = self.index.get(&s) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(s.clone());
        self.index.insert(s, i);
        i
    }
}

/// True when an event location with this basis is shown as a place on the map: the text
/// named it (or it was stored before Vigil recorded how it was chosen).
fn pinned(basis: Option<LocationBasis>) -> bool {
    matches!(
        basis,
        None | Some(LocationBasis::Sentence | LocationBasis::Dateline)
    )
}

impl Snapshot {
    /// Builds a snapshot from the store's event rows (most recent first, as
    /// [`event_rows`](vigil_store::Store::event_rows) returns them).
    pub fn build(version: String, totals: Totals, events: Vec<EventRow>) -> Snapshot {
        let (mut actors, mut codes, mut places) = (
            Interner::default(),
            Interner::default(),
            Vec::<EventLocation>::new(),
        );
        let mut place_index: HashMap<(String, i64, i64), u32> = HashMap::new();
        let mut rows = Vec::with_capacity(events.len());
        for e in events {
            let place = match e.location {
                // A pin marks a point the text named (the sentence, or the dateline); a
                // location inferred from the article's places or the actors is a country,
                // which the map's country layer already shows.
                Some(p) if pinned(p.basis) => {
                    // One place per name and position (to about a metre).
                    let key = (
                        p.name.clone(),
                        (p.lat * 1e5).round() as i64,
                        (p.lon * 1e5).round() as i64,
                    );
                    *place_index.entry(key).or_insert_with(|| {
                        places.push(p);
                        (places.len() - 1) as u32
                    })
                }
                _ => NONE,
            };
            rows.push(Row {
                id: e.event_id,
                day: e.date.num_days_from_ce(),
                source: actors.get(e.source),
                target: actors.get(e.target),
                code: codes.get(e.code),
                quad: e.quad.filter(|q| (1..=4).contains(q)).unwrap_or(0),
                goldstein: e.goldstein.unwrap_or(f32::NAN),
                mentions: e.mentions,
                place,
            });
        }
        let mut sides = Interner::default();
        let actor_side = actors
            .list
            .iter()
            .map(|a| sides.get(dyad_side(a).to_string()))
            .collect();
        let mut actor_events = vec![0u64; actors.list.len()];
        for r in &rows {
            actor_events[r.source as usize] += 1;
            if r.target != r.source {
                actor_events[r.target as usize] += 1;
            }
        }
        Snapshot {
            version,
            totals,
            rows,
            actors: actors.list,
            actor_side,
            sides: sides.list,
            codes: codes.list,
            places,
            actor_events,
        }
    }

    /// Events held.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether it holds no event.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// First and last event dates.
    pub fn date_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let last = day_date(self.rows.first()?.day);
        let first = day_date(self.rows.last()?.day);
        Some((first, last))
    }

    /// The rows matching `q`, most recent first.
    fn select<'a>(&'a self, q: &Query) -> impl Iterator<Item = &'a Row> + 'a {
        let mask = |p: &Option<String>, list: &[String]| -> Option<Vec<bool>> {
            let p = p.as_deref()?.to_ascii_uppercase();
            Some(list.iter().map(|s| s.starts_with(&p)).collect())
        };
        let actor = mask(&q.actor, &self.actors);
        let source = mask(&q.source, &self.actors);
        let target = mask(&q.target, &self.actors);
        let code = mask(&q.code, &self.codes);
        let quad = q.quad;
        // Rows are sorted by day, descending: the date bounds are a contiguous range.
        let start = q.until.map_or(0, |d| {
            let d = d.num_days_from_ce();
            self.rows.partition_point(|r| r.day > d)
        });
        let end = q.since.map_or(self.rows.len(), |d| {
            let d = d.num_days_from_ce();
            self.rows.partition_point(|r| r.day >= d)
        });
        let hit = |m: &Option<Vec<bool>>, i: u32| m.as_ref().is_none_or(|m| m[i as usize]);
        self.rows[start..end.max(start)].iter().filter(move |r| {
            (actor.is_none() || hit(&actor, r.source) || hit(&actor, r.target))
                && hit(&source, r.source)
                && hit(&target, r.target)
                && hit(&code, r.code)
                && quad.is_none_or(|qc| r.quad == qc)
        })
    }

    /// Ids of one page of matching events (most recent first), and whether more follow.
    pub fn page(&self, q: &Query, offset: usize, limit: usize) -> (Vec<i64>, bool) {
        let mut ids: Vec<i64> = self
            .select(q)
            .skip(offset)
            .take(limit + 1)
            .map(|r| r.id)
            .collect();
        let more = ids.len() > limit;
        ids.truncate(limit);
        (ids, more)
    }

    /// Events per day or week of the matching events, and their most frequent codes.
    pub fn series(&self, q: &Query, interval: Interval) -> Series {
        let mut buckets: Vec<(i32, Point)> = Vec::new();
        let mut by_code: HashMap<u32, u64> = HashMap::new();
        for r in self.select(q) {
            let key = match interval {
                Interval::Day => r.day,
                // num_days_from_ce: day 1 (0001-01-01) was a Monday.
                Interval::Week => r.day - (r.day - 1).rem_euclid(7),
            };
            // Rows come most recent first, so a new bucket is always the last one.
            if buckets.last().is_none_or(|(k, _)| *k != key) {
                buckets.push((key, Point::new(day_date(key))));
            }
            let p = &mut buckets.last_mut().expect("just pushed").1;
            p.add(r);
            *by_code.entry(r.code).or_default() += 1;
        }
        let mut points: Vec<Point> = buckets.into_iter().rev().map(|(_, p)| p.done()).collect();
        points.shrink_to_fit();
        let mut top: Vec<(u32, u64)> = by_code.into_iter().collect();
        top.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(self.codes[a.0 as usize].cmp(&self.codes[b.0 as usize]))
        });
        let names = vigil_model::EventCodes::get();
        let top_codes = top
            .into_iter()
            .take(10)
            .map(|(c, n)| {
                let code = self.codes[c as usize].clone();
                CodeCount {
                    name: names.info(&code).map(|i| i.name.clone()),
                    code,
                    events: n,
                }
            })
            .collect();
        Series {
            interval: match interval {
                Interval::Day => "day",
                Interval::Week => "week",
            },
            points,
            top_codes,
        }
    }

    /// Events per country (dyad side) of their actors, and per location.
    pub fn map(&self, q: &Query, max_places: usize) -> MapData {
        let mut by_side: HashMap<u32, Tally> = HashMap::new();
        let mut by_place: HashMap<u32, Tally> = HashMap::new();
        for r in self.select(q) {
            let (s, t) = (
                self.actor_side[r.source as usize],
                self.actor_side[r.target as usize],
            );
            for side in [s, t] {
                if !self.sides[side as usize].is_empty() {
                    by_side.entry(side).or_default().add(r);
                }
                if s == t {
                    break;
                }
            }
            if r.place != NONE {
                by_place.entry(r.place).or_default().add(r);
            }
        }
        let mut countries: Vec<CountryCount> = by_side
            .into_iter()
            .map(|(side, t)| CountryCount {
                country: self.sides[side as usize].clone(),
                events: t.events,
                conflict: t.conflict,
                goldstein_mean: t.mean(),
            })
            .collect();
        countries.sort_by(|a, b| b.events.cmp(&a.events).then(a.country.cmp(&b.country)));
        let mut places: Vec<(u32, Tally)> = by_place.into_iter().collect();
        places.sort_by(|a, b| b.1.events.cmp(&a.1.events).then(a.0.cmp(&b.0)));
        let places = places
            .into_iter()
            .take(max_places)
            .map(|(i, t)| {
                let p = &self.places[i as usize];
                PlaceCount {
                    name: p.name.clone(),
                    country: p.country.clone(),
                    lat: p.lat,
                    lon: p.lon,
                    events: t.events,
                    conflict: t.conflict,
                }
            })
            .collect();
        MapData { countries, places }
    }

    /// Who acts on whom: the `limit` busiest dyads between different sides (countries or
    /// organisations), and their nodes.
    pub fn network(&self, q: &Query, limit: usize) -> Network {
        let mut by_dyad: HashMap<(u32, u32), Tally> = HashMap::new();
        for r in self.select(q) {
            let (s, t) = (
                self.actor_side[r.source as usize],
                self.actor_side[r.target as usize],
            );
            if s != t && !self.sides[s as usize].is_empty() && !self.sides[t as usize].is_empty() {
                by_dyad.entry((s, t)).or_default().add(r);
            }
        }
        let mut dyads: Vec<((u32, u32), Tally)> = by_dyad.into_iter().collect();
        dyads.sort_by(|a, b| b.1.events.cmp(&a.1.events).then(a.0.cmp(&b.0)));
        dyads.truncate(limit);
        let mut node_events: HashMap<u32, u64> = HashMap::new();
        for ((s, t), tally) in &dyads {
            *node_events.entry(*s).or_default() += tally.events;
            *node_events.entry(*t).or_default() += tally.events;
        }
        let mut nodes: Vec<Node> = node_events
            .into_iter()
            .map(|(i, events)| Node {
                id: self.sides[i as usize].clone(),
                events,
            })
            .collect();
        nodes.sort_by(|a, b| b.events.cmp(&a.events).then(a.id.cmp(&b.id)));
        let links = dyads
            .into_iter()
            .map(|((s, t), tally)| Link {
                source: self.sides[s as usize].clone(),
                target: self.sides[t as usize].clone(),
                events: tally.events,
                conflict: tally.conflict,
                goldstein_mean: tally.mean(),
            })
            .collect();
        Network { nodes, links }
    }

    /// Actor codes starting with `prefix`, with the events they take part in, busiest
    /// first.
    pub fn actors(&self, prefix: &str, limit: usize) -> Vec<ActorCount> {
        let prefix = prefix.to_ascii_uppercase();
        let mut out: Vec<ActorCount> = self
            .actors
            .iter()
            .zip(&self.actor_events)
            .filter(|(a, _)| !a.is_empty() && a.starts_with(&prefix))
            .map(|(a, &n)| ActorCount {
                code: a.clone(),
                events: n,
            })
            .collect();
        out.sort_by(|a, b| b.events.cmp(&a.events).then(a.code.cmp(&b.code)));
        out.truncate(limit);
        out
    }
}

/// A chrono date from `num_days_from_ce`.
fn day_date(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or_default()
}

/// Events, conflict events and Goldstein scores of a group.
#[derive(Default)]
struct Tally {
    events: u64,
    conflict: u64,
    goldstein_sum: f64,
    goldstein_n: u64,
}

impl Tally {
    fn add(&mut self, r: &Row) {
        self.events += 1;
        if r.quad >= 3 {
            self.conflict += 1;
        }
        if !r.goldstein.is_nan() {
            self.goldstein_sum += f64::from(r.goldstein);
            self.goldstein_n += 1;
        }
    }

    fn mean(&self) -> Option<f64> {
        (self.goldstein_n > 0).then(|| round2(self.goldstein_sum / self.goldstein_n as f64))
    }
}

/// Two decimals: enough for a chart, and smaller JSON.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// One bucket of a series.
#[derive(Clone, Debug, Serialize)]
pub struct Point {
    /// The day, or the Monday of the week.
    pub date: NaiveDate,
    /// Distinct events.
    pub events: u64,
    /// Reports of them.
    pub mentions: u64,
    /// Events per QuadClass 1–4.
    pub quad: [u64; 4],
    /// Summed Goldstein scores.
    pub goldstein_sum: f64,
    /// Mean Goldstein score, when any event has one.
    pub goldstein_mean: Option<f64>,
    #[serde(skip)]
    goldstein_n: u64,
}

impl Point {
    fn new(date: NaiveDate) -> Point {
        Point {
            date,
            events: 0,
            mentions: 0,
            quad: [0; 4],
            goldstein_sum: 0.0,
            goldstein_mean: None,
            goldstein_n: 0,
        }
    }

    fn add(&mut self, r: &Row) {
        self.events += 1;
        self.mentions += u64::from(r.mentions);
        if (1..=4).contains(&r.quad) {
            self.quad[usize::from(r.quad - 1)] += 1;
        }
        if !r.goldstein.is_nan() {
            self.goldstein_sum += f64::from(r.goldstein);
            self.goldstein_n += 1;
        }
    }

    fn done(mut self) -> Point {
        if self.goldstein_n > 0 {
            self.goldstein_mean = Some(round2(self.goldstein_sum / self.goldstein_n as f64));
        }
        self.goldstein_sum = round2(self.goldstein_sum);
        self
    }
}

/// A series and its most frequent event codes.
#[derive(Clone, Debug, Serialize)]
pub struct Series {
    /// `day` or `week`.
    pub interval: &'static str,
    /// Buckets with at least one event, oldest first.
    pub points: Vec<Point>,
    /// The ten most frequent event codes.
    pub top_codes: Vec<CodeCount>,
}

/// An event code and how often it occurs.
#[derive(Clone, Debug, Serialize)]
pub struct CodeCount {
    /// CAMEO code.
    pub code: String,
    /// Its codebook name.
    pub name: Option<String>,
    /// Events.
    pub events: u64,
}

/// A country's (or organisation's) share of the events.
#[derive(Clone, Debug, Serialize)]
pub struct CountryCount {
    /// CAMEO country (or organisation) code.
    pub country: String,
    /// Events it takes part in.
    pub events: u64,
    /// Of which QuadClass 3 or 4.
    pub conflict: u64,
    /// Mean Goldstein score.
    pub goldstein_mean: Option<f64>,
}

/// Events at one location.
#[derive(Clone, Debug, Serialize)]
pub struct PlaceCount {
    /// Place name.
    pub name: String,
    /// ISO 3166 alpha-2 country.
    pub country: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Events there.
    pub events: u64,
    /// Of which QuadClass 3 or 4.
    pub conflict: u64,
}

/// The map's data.
#[derive(Clone, Debug, Serialize)]
pub struct MapData {
    /// Per country, busiest first.
    pub countries: Vec<CountryCount>,
    /// Per location, busiest first.
    pub places: Vec<PlaceCount>,
}

/// A node of the dyad network.
#[derive(Clone, Debug, Serialize)]
pub struct Node {
    /// Country or organisation code.
    pub id: String,
    /// Events on its links.
    pub events: u64,
}

/// A directed link of the dyad network.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    /// Acting side.
    pub source: String,
    /// Side acted on.
    pub target: String,
    /// Events.
    pub events: u64,
    /// Of which QuadClass 3 or 4.
    pub conflict: u64,
    /// Mean Goldstein score.
    pub goldstein_mean: Option<f64>,
}

/// The dyad network.
#[derive(Clone, Debug, Serialize)]
pub struct Network {
    /// Sides, busiest first.
    pub nodes: Vec<Node>,
    /// Dyads, busiest first.
    pub links: Vec<Link>,
}

/// An actor code and the events it takes part in.
#[derive(Clone, Debug, Serialize)]
pub struct ActorCount {
    /// Actor code.
    pub code: String,
    /// Events as source or target.
    pub events: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, date: &str, s: &str, c: &str, t: &str, quad: u8, g: f32) -> EventRow {
        EventRow {
            event_id: id,
            date: date.parse().unwrap(),
            source: s.into(),
            target: t.into(),
            code: c.into(),
            quad: Some(quad),
            goldstein: Some(g),
            mentions: 2,
            location: None,
        }
    }

    fn snap() -> Snapshot {
        let mut rows = vec![
            row(1, "2024-03-06", "RUSMIL", "190", "UKR", 4, -10.0),
            row(2, "2024-03-05", "UKRGOV", "112", "RUS", 3, -2.0),
            row(3, "2024-03-04", "RUS", "190", "UKRMIL", 4, -10.0),
            row(4, "2024-02-27", "USA", "042", "UKR", 1, 1.9),
            row(5, "2024-02-26", "IGOUNO", "020", "RUS", 1, 3.0),
        ];
        rows[0].location = Some(EventLocation {
            name: "Kharkiv".into(),
            country: Some("UA".into()),
            lat: 49.98,
            lon: 36.25,
            basis: None,
        });
        rows[2].location = rows[0].location.clone();
        // Placed in a country from the article's places, not named: no pin.
        rows[3].location = Some(EventLocation {
            name: "Ukraine".into(),
            country: Some("UA".into()),
            lat: 49.0,
            lon: 31.0,
            basis: Some(LocationBasis::Article),
        });
        Snapshot::build("v".into(), Totals::default(), rows)
    }

    fn d(s: &str) -> Option<NaiveDate> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn filters_match_prefixes_quads_and_date_ranges() {
        let s = snap();
        let ids = |q: Query| s.page(&q, 0, 10).0;
        let q = |f: fn(&mut Query)| {
            let mut q = Query::default();
            f(&mut q);
            q
        };
        assert_eq!(ids(Query::default()), vec![1, 2, 3, 4, 5]);
        assert_eq!(ids(q(|q| q.actor = Some("rus".into()))), vec![1, 2, 3, 5]);
        assert_eq!(ids(q(|q| q.source = Some("RUS".into()))), vec![1, 3]);
        assert_eq!(ids(q(|q| q.target = Some("UKRMIL".into()))), vec![3]);
        assert_eq!(ids(q(|q| q.code = Some("19".into()))), vec![1, 3]);
        assert_eq!(ids(q(|q| q.quad = Some(1))), vec![4, 5]);
        assert_eq!(
            ids(q(|q| {
                q.since = d("2024-02-27");
                q.until = d("2024-03-05");
            })),
            vec![2, 3, 4]
        );
        assert_eq!(
            ids(q(|q| {
                q.since = d("2024-03-07");
            })),
            Vec::<i64>::new()
        );
        assert_eq!(
            ids(q(|q| {
                q.since = d("2024-03-05");
                q.until = d("2024-03-01");
            })),
            Vec::<i64>::new(),
            "an empty range"
        );
        assert_eq!(s.page(&Query::default(), 1, 2), (vec![2, 3], true));
        assert_eq!(s.page(&Query::default(), 3, 2), (vec![4, 5], false));
    }

    #[test]
    fn weekly_series_start_on_mondays_and_count_quads_and_goldstein() {
        let s = snap();
        let series = s.series(&Query::default(), Interval::Week);
        let dates: Vec<String> = series.points.iter().map(|p| p.date.to_string()).collect();
        // 2024-02-26 and 2024-03-04 are Mondays.
        assert_eq!(dates, ["2024-02-26", "2024-03-04"]);
        let last = &series.points[1];
        assert_eq!(last.events, 3);
        assert_eq!(last.mentions, 6);
        assert_eq!(last.quad, [0, 0, 1, 2]);
        assert_eq!(last.goldstein_sum, -22.0);
        assert_eq!(last.goldstein_mean, Some(-7.33));
        assert_eq!(series.top_codes[0].code, "190");
        assert_eq!(series.top_codes[0].events, 2);
        assert!(series.top_codes[0].name.is_some());
        let daily = s.series(&Query::default(), Interval::Day);
        assert_eq!(daily.points.len(), 5);
        assert_eq!(daily.points[0].date.to_string(), "2024-02-26");
    }

    #[test]
    fn map_and_network_count_sides_and_places() {
        let s = snap();
        let map = s.map(&Query::default(), 10);
        let rus = map.countries.iter().find(|c| c.country == "RUS").unwrap();
        assert_eq!((rus.events, rus.conflict), (4, 3));
        assert!(map.countries.iter().any(|c| c.country == "IGOUNO"));
        // Kharkiv, named twice; not the country the article placed another event in.
        assert_eq!(map.places.len(), 1);
        assert_eq!(map.places[0].events, 2);
        let net = s.network(&Query::default(), 10);
        let top = &net.links[0];
        assert_eq!(
            (top.source.as_str(), top.target.as_str(), top.events),
            ("RUS", "UKR", 2)
        );
        assert_eq!(top.goldstein_mean, Some(-10.0));
        assert_eq!(net.nodes[0].id, "RUS");
        assert_eq!(s.network(&Query::default(), 1).links.len(), 1);
        let actors = s.actors("ukr", 10);
        assert_eq!(actors.len(), 3);
        assert_eq!(actors[0].code, "UKR");
        assert_eq!(actors[0].events, 2);
        assert_eq!(s.date_range().unwrap().0.to_string(), "2024-02-26");
    }
}
