//! Scoring claims, times and places against a gold file's `claims`, `times` and `places`
//! annotations, by the matching rules of the gold README:
//!
//! * a claim matches a gold claim of the same segment when the values are equal, or, for
//!   vague amounts, when the ranges overlap; a matched claim's claimant is right when
//!   the claimant codes agree at country level (empty = unattributed);
//! * a time matches a gold time of the same segment whose words overlap it when the
//!   resolved values are equal; for "since X" only the start is compared; gold times
//!   resolved to null are not scored (and predictions overlapping them are not counted),
//!   nor are predictions resolved to null (vague times: no value to compare);
//! * a place matches a gold place of the same segment when the country is equal (both
//!   null for seas) and, for cities and landmarks, the coordinates are within 100 km.
//!
//! Matching is greedy and one-to-one within a segment, gold items in file order.

use super::record::GoldRecord;
use super::score::LevelScore;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use vigil_model::{Claim, DateRange, PlaceMention, TimeExpr, TimeKind};

/// What the system found in one gold segment (spans are bytes of the segment's text).
#[derive(Clone, Debug, Default)]
pub struct SegmentFacts {
    /// Quantity claims.
    pub claims: Vec<Claim>,
    /// Time expressions.
    pub times: Vec<TimeExpr>,
    /// Place mentions (relational ones are not place mentions and are left out).
    pub places: Vec<PlaceMention>,
}

/// Scores of claims, times and places.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FactScores {
    /// Claims matched by value.
    pub claims: LevelScore,
    /// Matched claims whose claimant is right.
    pub claimants_right: usize,
    /// Times matched by resolved value.
    pub times: LevelScore,
    /// Places matched by country and distance.
    pub places: LevelScore,
}

/// Great-circle distance in kilometres.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

fn num(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64)
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn items(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

fn claim_matches(g: &Value, c: &Claim) -> bool {
    match (num(g, "value"), c.value) {
        (Some(gv), Some(pv)) => gv == pv,
        (None, None) => {
            let (glo, ghi) = (num(g, "low"), num(g, "high"));
            let (plo, phi) = (c.low, c.high);
            glo.unwrap_or(f64::MIN) <= phi.unwrap_or(f64::MAX)
                && plo.unwrap_or(f64::MIN) <= ghi.unwrap_or(f64::MAX)
        }
        _ => false,
    }
}

fn same_country(a: &str, b: &str) -> bool {
    a.get(..3).unwrap_or(a) == b.get(..3).unwrap_or(b)
}

/// Byte ranges where `needle` occurs in `hay`.
fn occurrences(hay: &str, needle: &str) -> Vec<(u32, u32)> {
    if needle.is_empty() {
        return Vec::new();
    }
    hay.match_indices(needle)
        .map(|(i, _)| (i as u32, (i + needle.len()) as u32))
        .collect()
}

fn time_matches(g: &Value, t: &TimeExpr) -> bool {
    let Some(want) = g.get("resolved").and_then(Value::as_str) else {
        return false;
    };
    let Ok(want) = want.parse::<DateRange>() else {
        return false;
    };
    let Some(got) = t.resolved else { return false };
    if t.kind == TimeKind::Since {
        return want.start == got.start;
    }
    want == got
}

fn place_matches(g: &Value, p: &PlaceMention) -> bool {
    let gc = g.get("country").and_then(Value::as_str);
    if gc != p.place.country.as_deref() {
        return false;
    }
    match text(g, "kind") {
        "city" | "landmark" => match (num(g, "lat"), num(g, "lon")) {
            (Some(lat), Some(lon)) => distance_km(lat, lon, p.place.lat, p.place.lon) <= 100.0,
            _ => true,
        },
        _ => true,
    }
}

/// Greedy one-to-one matching: for each gold item in order, the first unused
/// prediction that `ok` accepts, preferring one that `near` also accepts (the same words,
/// the same unit), so that a prediction is not taken by a gold item it only happens to
/// fit. Returns the matched (gold, prediction) pairs.
fn greedy<G, P>(
    gold: &[G],
    pred: &[P],
    ok: impl Fn(&G, &P) -> bool,
    near: impl Fn(&G, &P) -> bool,
) -> Vec<(usize, usize)> {
    let mut used = vec![false; pred.len()];
    let mut out = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let free = |pi: &usize| !used[*pi] && ok(g, &pred[*pi]);
        let pick = (0..pred.len())
            .filter(free)
            .find(|&pi| near(g, &pred[pi]))
            .or_else(|| (0..pred.len()).find(free));
        if let Some(pi) = pick {
            used[pi] = true;
            out.push((gi, pi));
        }
    }
    out
}

/// Scores `found` (by segment id) against the gold records' annotations.
pub fn score_facts(gold: &[GoldRecord], found: &HashMap<String, SegmentFacts>) -> FactScores {
    let empty = SegmentFacts::default();
    let (mut c, mut t, mut p) = ([0usize; 3], [0usize; 3], [0usize; 3]);
    let mut claimants_right = 0;
    for g in gold {
        let f = found.get(&g.id).unwrap_or(&empty);
        // Claims.
        let gc = items(&g.claims);
        let pairs = greedy(gc, &f.claims, claim_matches, |g, c| {
            text(g, "unit") == c.unit
        });
        claimants_right += pairs
            .iter()
            .filter(|&&(gi, pi)| {
                same_country(text(&gc[gi], "claimant_code"), &f.claims[pi].claimant_code)
            })
            .count();
        c[0] += pairs.len();
        c[1] += f.claims.len();
        c[2] += gc.len();
        // Times: where each gold time's words are in the segment.
        let gt: Vec<(&Value, Vec<(u32, u32)>)> = items(&g.times)
            .iter()
            .map(|v| (v, occurrences(&g.text, text(v, "text"))))
            .collect();
        let overlaps = |spans: &[(u32, u32)], t: &TimeExpr| {
            spans
                .iter()
                .any(|&(a, b)| a < t.span.end && t.span.start < b)
        };
        let scored: Vec<&(&Value, Vec<(u32, u32)>)> = gt
            .iter()
            .filter(|(v, _)| !v.get("resolved").is_none_or(Value::is_null))
            .collect();
        // Predictions over an unscored (null) gold time are not counted, nor are vague
        // predictions (resolved to null): as for the gold, there is no value to compare.
        let preds: Vec<&TimeExpr> = f
            .times
            .iter()
            .filter(|t| t.resolved.is_some())
            .filter(|t| {
                !gt.iter().any(|(v, spans)| {
                    v.get("resolved").is_none_or(Value::is_null) && overlaps(spans, t)
                })
            })
            .collect();
        let pairs = greedy(
            &scored,
            &preds,
            |(v, spans), t| overlaps(spans, t) && time_matches(v, t),
            |_, _| true,
        );
        t[0] += pairs.len();
        t[1] += preds.len();
        t[2] += scored.len();
        // Places: a prediction over the gold place's words is tried first.
        let g_text = &g.text;
        let gp = items(&g.places);
        let preds: Vec<&PlaceMention> = f.places.iter().filter(|p| !p.relational).collect();
        let pairs = greedy(
            gp,
            &preds,
            |g, p| place_matches(g, p),
            |g, p| {
                occurrences(g_text, text(g, "text"))
                    .iter()
                    .any(|&(a, b)| a < p.span.end && p.span.start < b)
            },
        );
        p[0] += pairs.len();
        p[1] += preds.len();
        p[2] += gp.len();
    }
    FactScores {
        claims: LevelScore::new(c[0], c[1], c[2]),
        claimants_right,
        times: LevelScore::new(t[0], t[1], t[2]),
        places: LevelScore::new(p[0], p[1], p[2]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_great_circle_kilometres() {
        // Kyiv to Kharkiv is about 410 km.
        let d = distance_km(50.45, 30.52, 49.99, 36.23);
        assert!((d - 410.0).abs() < 15.0, "{d}");
        assert!(distance_km(10.0, 10.0, 10.0, 10.0) < 1e-9);
    }
}
