//! Micro precision/recall/F1 of predicted events against a gold file.

use super::matching::{code_match, greedy_matches, triple_match};
use super::python::{float_repr, round4};
use super::{GoldEvent, GoldRecord, PredEvent};
use crate::EvalError;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

/// A scoring level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// The CAMEO root (first two characters of the code).
    Root,
    /// The CAMEO base code (first three characters).
    Code,
    /// Base code plus source and target actors.
    Triple,
}

impl Level {
    /// All levels, in the order the report lists them.
    pub const ALL: [Level; 3] = [Level::Root, Level::Code, Level::Triple];

    /// The level's name as used in reports and `--min` (`root`, `code`, `triple`).
    pub fn name(self) -> &'static str {
        match self {
            Level::Root => "root",
            Level::Code => "code",
            Level::Triple => "triple",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Level {
    type Err = EvalError;

    fn from_str(s: &str) -> Result<Level, EvalError> {
        Level::ALL
            .into_iter()
            .find(|l| l.name() == s)
            .ok_or_else(|| EvalError::Threshold {
                spec: s.to_string(),
                message: "the level must be root, code or triple".to_string(),
            })
    }
}

/// Precision, recall and F1 at one level, with the counts behind them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelScore {
    /// Precision, rounded to 4 decimals; 1.0 when nothing was predicted and nothing
    /// was expected, 0.0 when nothing was predicted but something was expected.
    pub p: f64,
    /// Recall, rounded to 4 decimals; 1.0 when nothing was expected.
    pub r: f64,
    /// F1 of the unrounded precision and recall, rounded to 4 decimals.
    pub f1: f64,
    /// Matched gold events.
    pub tp: usize,
    /// Predicted events (on known ids).
    pub pred: usize,
    /// Gold events.
    pub gold: usize,
}

impl LevelScore {
    /// The score for `tp` matches among `pred` predictions and `gold` gold events.
    pub fn new(tp: usize, pred: usize, gold: usize) -> LevelScore {
        let p = if pred > 0 {
            tp as f64 / pred as f64
        } else if gold == 0 {
            1.0
        } else {
            0.0
        };
        let r = if gold > 0 {
            tp as f64 / gold as f64
        } else {
            1.0
        };
        // Same operation order as the script (`2 * p * r / (p + r)`), so the same bits.
        let f1 = if p + r != 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        LevelScore {
            p: round4(p),
            r: round4(r),
            f1: round4(f1),
            tp,
            pred,
            gold,
        }
    }
}

/// How many predicted events are placed in the country the gold gives for their segment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocationScore {
    /// Predicted events whose `location.country` is the segment's `action_country`.
    pub right: usize,
    /// Predicted events in segments with an `action_country`.
    pub events: usize,
    /// `right / events`, rounded to 4 decimals (0.0 when there are no such events).
    pub share: f64,
}

/// The result of scoring events against a gold file.
///
/// Serializes to the same JSON object, with the same keys in the same order, as the
/// first line `score.py` prints.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventScores {
    /// Root level.
    pub root: LevelScore,
    /// Base-code level.
    pub code: LevelScore,
    /// Triple level.
    pub triple: LevelScore,
    /// Distinct gold segment ids.
    pub sentences: usize,
    /// Gold segments with no events.
    pub no_event_sentences: usize,
    /// Share of no-event segments on which anything was predicted (4 decimals; 0.0
    /// when there are no such segments).
    pub false_alarm_rate: f64,
    /// Where events happened, when gold segments carry `action_country` (absent, as in
    /// the script's output, when none does).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_location: Option<LocationScore>,
    /// Predicted events whose id is not in the gold file (reported, not scored).
    pub events_with_unknown_id: usize,
    /// Prediction lines that could not be read. Scoring itself never sees them, so
    /// [`score_events`] leaves this at 0 for the caller to fill in.
    pub unparsable_lines: usize,
}

impl EventScores {
    /// The scores at `level`.
    pub fn level(&self, level: Level) -> &LevelScore {
        match level {
            Level::Root => &self.root,
            Level::Code => &self.code,
            Level::Triple => &self.triple,
        }
    }

    /// True when every `(level, minimum F1)` is met. As in the script, which keeps the
    /// thresholds in a dict, a level given twice is held to its last value. An unknown
    /// level is never met (the script would stop with an error; use
    /// [`parse_threshold`] to reject it early).
    pub fn check_min<L: AsRef<str>>(&self, mins: &[(L, f64)]) -> bool {
        thresholds(mins)
            .iter()
            .all(|(name, min)| match name.parse::<Level>() {
                Ok(level) => self.level(level).f1 >= *min,
                Err(_) => false,
            })
    }

    /// The script's second line: `ok root-F1=0.750 code-F1=0.500 triple-F1=0.250`,
    /// starting with `short` instead when a threshold is missed, and ending with
    /// ` (need {'triple': 0.7})` when thresholds were given (pass `&[]` for none).
    pub fn summary_line<L: AsRef<str>>(&self, mins: &[(L, f64)]) -> String {
        let verdict = if self.check_min(mins) { "ok" } else { "short" };
        let levels: Vec<String> = Level::ALL
            .iter()
            .map(|&l| format!("{l}-F1={:.3}", self.level(l).f1))
            .collect();
        let mut line = format!("{verdict} {}", levels.join(" "));
        if !mins.is_empty() {
            line.push_str(&format!(" (need {})", python_dict(mins)));
        }
        line
    }
}

/// The thresholds as the script's dict holds them: a repeated level keeps its first
/// position and its last value.
fn thresholds<L: AsRef<str>>(mins: &[(L, f64)]) -> Vec<(&str, f64)> {
    let mut entries: Vec<(&str, f64)> = Vec::new();
    for (name, v) in mins {
        match entries.iter_mut().find(|(n, _)| *n == name.as_ref()) {
            Some(entry) => entry.1 = *v,
            None => entries.push((name.as_ref(), *v)),
        }
    }
    entries
}

/// How the script prints its thresholds: the dict's Python repr.
fn python_dict<L: AsRef<str>>(mins: &[(L, f64)]) -> String {
    let body: Vec<String> = thresholds(mins)
        .iter()
        .map(|(n, v)| format!("'{n}': {}", float_repr(*v)))
        .collect();
    format!("{{{}}}", body.join(", "))
}

/// Parses a `LEVEL=F1` threshold (`triple=0.7`), as given to `--min`.
pub fn parse_threshold(spec: &str) -> Result<(Level, f64), EvalError> {
    let bad = |message: &str| EvalError::Threshold {
        spec: spec.to_string(),
        message: message.into(),
    };
    let (name, value) = spec
        .split_once('=')
        .ok_or_else(|| bad("expected LEVEL=F1"))?;
    let level = name
        .trim()
        .parse::<Level>()
        .map_err(|_| bad("the level must be root, code or triple"))?;
    let value = value
        .trim()
        .parse::<f64>()
        .map_err(|_| bad("the F1 must be a number"))?;
    Ok((level, value))
}

/// Scores predicted events against gold segments exactly as `score.py` does.
///
/// Per gold segment, gold events (in file order) are matched greedily and one-to-one
/// to the predictions with the same id (in their order) at three levels; counts are
/// summed over segments (micro averaging). Predictions on unknown ids are only counted.
/// When the gold file repeats an id, the segment is counted once with the events of
/// its last occurrence (the script stores segments in a dict).
///
/// `event_location` counts, over segments with an `action_country`, every prediction
/// and those placed in that country. A repeated id keeps the country of its last
/// occurrence that gives one (the script only stores a country when there is one).
pub fn score_events(gold: &[GoldRecord], pred: &[PredEvent]) -> EventScores {
    let gold_by_id: HashMap<&str, &[GoldEvent]> = segments(gold).into_iter().collect();
    let pred_by_id = predictions_by_id(pred);

    let mut tp = [0usize; 3];
    let (mut n_pred, mut n_gold) = (0, 0);
    let (mut no_event, mut false_alarms) = (0, 0);
    for (id, gev) in &gold_by_id {
        let pev: &[&PredEvent] = pred_by_id.get(id).map_or(&[], Vec::as_slice);
        tp[0] += greedy_matches(gev, pev, |g, p| code_match(g, p, 2));
        tp[1] += greedy_matches(gev, pev, |g, p| code_match(g, p, 3));
        tp[2] += greedy_matches(gev, pev, triple_match);
        n_pred += pev.len();
        n_gold += gev.len();
        if gev.is_empty() {
            no_event += 1;
            if !pev.is_empty() {
                false_alarms += 1;
            }
        }
    }
    let unknown = pred
        .iter()
        .filter(|p| !gold_by_id.contains_key(p.id.as_str()))
        .count();

    EventScores {
        root: LevelScore::new(tp[0], n_pred, n_gold),
        code: LevelScore::new(tp[1], n_pred, n_gold),
        triple: LevelScore::new(tp[2], n_pred, n_gold),
        sentences: gold_by_id.len(),
        no_event_sentences: no_event,
        false_alarm_rate: if no_event > 0 {
            round4(false_alarms as f64 / no_event as f64)
        } else {
            0.0
        },
        event_location: event_location(gold, &pred_by_id),
        events_with_unknown_id: unknown,
        unparsable_lines: 0,
    }
}

/// The gold segments as the script's dict holds them: one per distinct id, in the order
/// ids first appear, each with the events of its last occurrence.
pub(crate) fn segments(gold: &[GoldRecord]) -> Vec<(&str, &[GoldEvent])> {
    let mut order: Vec<(&str, &[GoldEvent])> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for rec in gold {
        match index.get(rec.id.as_str()) {
            Some(&i) => order[i].1 = &rec.events,
            None => {
                index.insert(&rec.id, order.len());
                order.push((&rec.id, &rec.events));
            }
        }
    }
    order
}

/// Predictions grouped by segment id, each group in prediction order.
pub(crate) fn predictions_by_id(pred: &[PredEvent]) -> HashMap<&str, Vec<&PredEvent>> {
    let mut by_id: HashMap<&str, Vec<&PredEvent>> = HashMap::new();
    for p in pred {
        by_id.entry(p.id.as_str()).or_default().push(p);
    }
    by_id
}

fn event_location(
    gold: &[GoldRecord],
    pred_by_id: &HashMap<&str, Vec<&PredEvent>>,
) -> Option<LocationScore> {
    let mut place: HashMap<&str, &str> = HashMap::new();
    for rec in gold {
        if let Some(c) = &rec.action_country {
            place.insert(&rec.id, c);
        }
    }
    if place.is_empty() {
        return None;
    }
    let (mut right, mut events) = (0, 0);
    for (id, country) in place {
        for p in pred_by_id.get(id).map_or(&[][..], Vec::as_slice) {
            events += 1;
            right += usize::from(p.country == country);
        }
    }
    Some(LocationScore {
        right,
        events,
        share: if events > 0 {
            round4(right as f64 / events as f64)
        } else {
            0.0
        },
    })
}
