//! Predicted events: what the coder produced, reduced to what scoring compares.

use super::python::{id_str, str_or_empty};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One predicted event, as scoring sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredEvent {
    /// Id of the gold segment the event was coded from (compared as a string).
    pub id: String,
    /// Source actor code (`""` when none).
    pub source: String,
    /// Target actor code (`""` when none).
    pub target: String,
    /// CAMEO event code.
    pub code: String,
    /// The country of the event's location (`location.country`, ISO 3166-1 alpha-2, upper
    /// case; `""` when the event has none), for the `event_location` score.
    #[serde(default)]
    pub country: String,
}

impl From<&vigil_model::Event> for PredEvent {
    fn from(e: &vigil_model::Event) -> PredEvent {
        PredEvent {
            id: e.id.clone(),
            source: e.source.clone(),
            target: e.target.clone(),
            code: e.code.clone(),
            country: e
                .location
                .as_ref()
                .and_then(|l| l.country.as_deref())
                .unwrap_or("")
                .to_uppercase(),
        }
    }
}

/// The events read from a prediction JSONL file, plus the lines that were not JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Predictions {
    /// The events in file order (matching visits predictions in this order).
    pub events: Vec<PredEvent>,
    /// Non-blank lines that could not be read as a JSON object; they are skipped and
    /// counted, as `score.py` does, because a coder's output should still be scored
    /// when one line of it is damaged.
    pub unparsable_lines: usize,
}

/// Reads a prediction file (one event object per line, with `id`, `source`, `target`,
/// `code` and `location.country`; other fields are ignored) the way `score.py` reads it.
///
/// A missing or null `id` becomes `"None"` (the script's `str(None)`), so such events
/// count as having an unknown id. A line that is valid JSON but not an object, which
/// would stop the script, is counted as unparsable.
pub fn read_predictions(text: &str) -> Predictions {
    let mut out = Predictions::default();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(obj)) => out.events.push(PredEvent {
                id: id_str(obj.get("id")),
                source: str_or_empty(obj.get("source")),
                target: str_or_empty(obj.get("target")),
                code: str_or_empty(obj.get("code")),
                // `((e.get("location") or {}).get("country") or "").upper()`.
                country: match obj.get("location") {
                    Some(Value::Object(loc)) => str_or_empty(loc.get("country")).to_uppercase(),
                    _ => String::new(),
                },
            }),
            _ => out.unparsable_lines += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_events_and_counts_bad_lines() {
        let text = concat!(
            "{\"id\":\"s1\",\"source\":\"USA\",\"target\":\"RUS\",\"code\":\"036\",\"root\":\"03\"}\n",
            "\n",
            "{broken\n",
            "[1]\n",
            "{\"id\":7,\"code\":\"01\"}\n",
            "{\"source\":\"X\"}\n",
            "{\"id\":\"s2\",\"code\":\"042\",\"location\":{\"name\":\"Kyiv\",\"country\":\"ua\"}}\n",
            "{\"id\":\"s2\",\"code\":\"042\",\"location\":{\"country\":null}}\n",
        );
        let p = read_predictions(text);
        assert_eq!(p.unparsable_lines, 2);
        assert_eq!(
            p.events,
            vec![
                PredEvent {
                    id: "s1".into(),
                    source: "USA".into(),
                    target: "RUS".into(),
                    code: "036".into(),
                    country: String::new(),
                },
                PredEvent {
                    id: "7".into(),
                    code: "01".into(),
                    ..PredEvent::default()
                },
                PredEvent {
                    id: "None".into(),
                    source: "X".into(),
                    ..PredEvent::default()
                },
                PredEvent {
                    id: "s2".into(),
                    code: "042".into(),
                    country: "UA".into(),
                    ..PredEvent::default()
                },
                PredEvent {
                    id: "s2".into(),
                    code: "042".into(),
                    ..PredEvent::default()
                },
            ]
        );
    }
}
