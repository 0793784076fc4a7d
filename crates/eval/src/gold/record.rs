//! Reading a gold JSONL file (one annotated segment per line).

use super::python::str_or_empty;
use crate::EvalError;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};

/// One annotated segment of a gold file.
///
/// Only `id` and `events` matter to event scoring; the rest is kept so that the CLI can
/// code the gold texts and so that later scorers can read the other annotations.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoldRecord {
    /// The segment id as text (`str(id)` in `score.py`, so a numeric id `7` is `"7"`).
    pub id: String,
    /// 1-based line of the record in its file (for messages).
    pub line: usize,
    /// Article grouping key: consecutive records sharing it are one article.
    pub article: Option<String>,
    /// Publication date, when the record gives one.
    pub date: Option<NaiveDate>,
    /// The segment text (empty when the record has none; scoring does not need it).
    pub text: String,
    /// The part of the gold file the record belongs to (`"train"`, `"test"`), when given.
    pub split: Option<String>,
    /// Where the segment's first event took place (ISO 3166-1 alpha-2, upper case), when
    /// the text says; absent or empty in the file is `None`, as `score.py` skips it.
    pub action_country: Option<String>,
    /// The expected events, in file order (the order greedy matching visits them).
    pub events: Vec<GoldEvent>,
    /// The `claims` annotation, kept raw (`Null` when absent); `facts` scores it.
    pub claims: Value,
    /// The `times` annotation, kept raw (`Null` when absent); `facts` scores it.
    pub times: Value,
    /// The `places` annotation, kept raw (`Null` when absent); `facts` scores it.
    pub places: Value,
}

/// One expected event of a gold segment.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct GoldEvent {
    /// Source actor code (`""` when the annotation has none).
    pub source: String,
    /// Target actor code (`""` when the annotation has none).
    pub target: String,
    /// CAMEO code, verbatim (surrounding spaces are ignored when matching).
    pub code: String,
    /// Other defensible codes, each accepted in place of `code`.
    pub alt_codes: Vec<String>,
    /// The words naming the source, when annotated.
    pub source_text: Option<String>,
    /// The words naming the target, when annotated.
    pub target_text: Option<String>,
    /// The annotator's note, when any.
    pub note: Option<String>,
}

/// Reads a gold JSONL file. `name` is used in error messages only.
///
/// Blank lines are skipped, as `score.py` does. Records must be JSON objects with an
/// `id` (string or number). `events` may be absent or null (no events). Fields the
/// scorer reads are converted the way the script converts them (`str(x or "")`), so a
/// missing or null actor is `""`. Unlike the script, which would crash or misread
/// them, malformed shapes (a non-list `events` or `alt_codes`, an event that is not an
/// object, an unparsable `date`) are reported with the file and line.
pub fn read_gold(text: &str, name: &str) -> Result<Vec<GoldRecord>, EvalError> {
    let mut records = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(raw).map_err(|e| EvalError::Json {
            file: name.to_string(),
            line,
            message: e.to_string(),
        })?;
        let fail = |message: String| EvalError::Gold {
            file: name.to_string(),
            line,
            message,
        };
        let Value::Object(obj) = value else {
            return Err(fail("record is not a JSON object".to_string()));
        };
        records.push(record_from_json(obj, line).map_err(fail)?);
    }
    Ok(records)
}

fn record_from_json(mut obj: Map<String, Value>, line: usize) -> Result<GoldRecord, String> {
    let id = match obj.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err("`id` must be a string or a number".to_string()),
        None => return Err("record has no `id`".to_string()),
    };
    let events = match obj.get("events") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(k, e)| event_from_json(e).map_err(|m| format!("{id}: event {}: {m}", k + 1)))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(format!("{id}: `events` must be a list")),
    };
    let date = match obj.get("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| format!("{id}: `date` must be YYYY-MM-DD, got `{s}`"))?,
        ),
        Some(_) => return Err(format!("{id}: `date` must be a string")),
    };
    let text = optional_string(&obj, "text").map_err(|m| format!("{id}: {m}"))?;
    let article = optional_string(&obj, "article").map_err(|m| format!("{id}: {m}"))?;
    let split = optional_string(&obj, "split").map_err(|m| format!("{id}: {m}"))?;
    let action_country = optional_string(&obj, "action_country")
        .map_err(|m| format!("{id}: {m}"))?
        .filter(|c| !c.is_empty())
        .map(|c| c.to_uppercase());
    Ok(GoldRecord {
        id,
        line,
        article,
        date,
        text: text.unwrap_or_default(),
        split,
        action_country,
        events,
        claims: obj.remove("claims").unwrap_or(Value::Null),
        times: obj.remove("times").unwrap_or(Value::Null),
        places: obj.remove("places").unwrap_or(Value::Null),
    })
}

fn event_from_json(e: &Value) -> Result<GoldEvent, String> {
    let Value::Object(obj) = e else {
        return Err("not a JSON object".to_string());
    };
    let alt_codes = match obj.get("alt_codes") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().map(|c| str_or_empty(Some(c))).collect(),
        // The script would iterate a string character by character; refuse instead.
        Some(_) => return Err("`alt_codes` must be a list".to_string()),
    };
    Ok(GoldEvent {
        source: str_or_empty(obj.get("source")),
        target: str_or_empty(obj.get("target")),
        code: str_or_empty(obj.get("code")),
        alt_codes,
        source_text: obj
            .get("source_text")
            .and_then(Value::as_str)
            .map(str::to_string),
        target_text: obj
            .get("target_text")
            .and_then(Value::as_str)
            .map(str::to_string),
        note: obj.get("note").and_then(Value::as_str).map(str::to_string),
    })
}

/// The records of one split (those whose `split` is `split`), in file order, and the
/// articles that also have records outside it.
///
/// Gold files are split by article, so a split's records are whole articles and can be
/// coded on their own, as the reference workflow codes them; an article cut by the split
/// would lose the context of its other sentences, so the caller should say so.
pub fn select_split(records: Vec<GoldRecord>, split: &str) -> (Vec<GoldRecord>, Vec<String>) {
    let (inside, outside): (Vec<GoldRecord>, Vec<GoldRecord>) = records
        .into_iter()
        .partition(|r| r.split.as_deref() == Some(split));
    let mut cut: Vec<String> = Vec::new();
    for r in &inside {
        if let Some(a) = &r.article
            && !cut.contains(a)
            && outside.iter().any(|o| o.article.as_ref() == Some(a))
        {
            cut.push(a.clone());
        }
    }
    (inside, cut)
}

fn optional_string(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("`{key}` must be a string")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_schema() {
        let text = r#"{"id":"s007","article":"seed","date":"2021-12-04","text":"Russia massed troops.","events":[{"source":"RUSMIL","target":"UKR","code":"154","root":"15","quad":4,"source_text":"Russia","target_text":null,"alt_codes":["150"],"note":"build-up"}],"claims":[{"value":70000}],"times":[],"places":[]}"#;
        let recs = read_gold(text, "g.jsonl").unwrap();
        assert_eq!(recs.len(), 1);
        let r = &recs[0];
        assert_eq!(r.id, "s007");
        assert_eq!(r.line, 1);
        assert_eq!(r.article.as_deref(), Some("seed"));
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2021, 12, 4));
        assert_eq!(r.text, "Russia massed troops.");
        assert_eq!(
            r.events,
            vec![GoldEvent {
                source: "RUSMIL".into(),
                target: "UKR".into(),
                code: "154".into(),
                alt_codes: vec!["150".into()],
                source_text: Some("Russia".into()),
                target_text: None,
                note: Some("build-up".into()),
            }]
        );
        assert_eq!(r.claims[0]["value"], 70000);
        assert_eq!(r.times, Value::Array(vec![]));
        assert_eq!(r.places, Value::Array(vec![]));
    }

    #[test]
    fn minimal_records_and_blank_lines() {
        let text = "\n{\"id\": 12}\n   \n{\"id\":\"b\",\"events\":null}\n";
        let recs = read_gold(text, "g").unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].id, "12");
        assert_eq!(recs[0].line, 2);
        assert!(recs[0].events.is_empty());
        assert_eq!(recs[0].claims, Value::Null);
        assert_eq!(recs[1].line, 4);
        assert!(recs[1].date.is_none());
    }

    #[test]
    fn split_and_action_country() {
        let text = concat!(
            r#"{"id":"a","article":"x","split":"train","action_country":"ua"}"#,
            "\n",
            r#"{"id":"b","article":"x","split":"train","action_country":""}"#,
            "\n",
            r#"{"id":"c","article":"y","split":"test"}"#,
            "\n",
            r#"{"id":"d","article":"z"}"#,
            "\n",
        );
        let recs = read_gold(text, "g").unwrap();
        assert_eq!(recs[0].split.as_deref(), Some("train"));
        assert_eq!(recs[0].action_country.as_deref(), Some("UA"));
        assert_eq!(recs[1].action_country, None);
        assert_eq!(recs[3].split, None);
        let (train, cut) = select_split(recs.clone(), "train");
        let ids: Vec<&str> = train.iter().map(|r| r.id.as_str()).collect();
        assert_eq!((ids, cut.len()), (vec!["a", "b"], 0));
        let (test, _) = select_split(recs.clone(), "test");
        assert_eq!(test.len(), 1);
        assert!(select_split(recs, "dev").0.is_empty());
    }

    #[test]
    fn an_article_cut_by_the_split_is_named() {
        let text = concat!(
            r#"{"id":"a","article":"x","split":"train"}"#,
            "\n",
            r#"{"id":"b","article":"x","split":"test"}"#,
            "\n",
            r#"{"id":"c","split":"test"}"#,
            "\n",
        );
        let recs = read_gold(text, "g").unwrap();
        let (test, cut) = select_split(recs, "test");
        assert_eq!(test.len(), 2);
        assert_eq!(cut, vec!["x".to_string()]);
    }

    #[test]
    fn null_actors_become_empty() {
        let text = r#"{"id":"a","events":[{"source":null,"code":"036"}]}"#;
        let e = &read_gold(text, "g").unwrap()[0].events[0];
        assert_eq!(
            (e.source.as_str(), e.target.as_str(), e.code.as_str()),
            ("", "", "036")
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let cases = [
            ("{\"id\":\"a\"}\n{not json", "gold.jsonl:2: invalid JSON"),
            ("[1,2]", "gold.jsonl:1: record is not a JSON object"),
            ("{\"text\":\"x\"}", "gold.jsonl:1: record has no `id`"),
            (
                "{\"id\":\"a\",\"events\":{}}",
                "gold.jsonl:1: a: `events` must be a list",
            ),
            (
                "{\"id\":\"a\",\"events\":[3]}",
                "gold.jsonl:1: a: event 1: not a JSON object",
            ),
            (
                "{\"id\":\"a\",\"events\":[{\"code\":\"01\",\"alt_codes\":\"02\"}]}",
                "gold.jsonl:1: a: event 1: `alt_codes` must be a list",
            ),
            (
                "{\"id\":\"a\",\"date\":\"2021-13-01\"}",
                "gold.jsonl:1: a: `date` must be YYYY-MM-DD",
            ),
            (
                "{\"id\":\"a\",\"split\":1}",
                "gold.jsonl:1: a: `split` must be a string",
            ),
            (
                "{\"id\":\"a\",\"action_country\":[\"UA\"]}",
                "gold.jsonl:1: a: `action_country` must be a string",
            ),
        ];
        for (text, want) in cases {
            let err = read_gold(text, "gold.jsonl").unwrap_err().to_string();
            assert!(err.starts_with(want), "{err:?} should start with {want:?}");
        }
    }
}
