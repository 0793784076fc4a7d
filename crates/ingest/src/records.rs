//! Plain-text articles and JSON Lines records. A bad record is reported with its file and
//! line and skipped; it never stops the batch.

use chrono::NaiveDate;
use serde::Deserialize;
use std::io::BufRead;
use vigil_model::Article;

/// One JSONL input record as `vigil code` reads it.
#[derive(Deserialize)]
struct JsonRecord {
    id: Option<serde_json::Value>,
    text: String,
    date: String,
    article: Option<serde_json::Value>,
    url: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
}

/// A problem with one input record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRecord {
    /// `file:line` (or the file alone).
    pub place: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for BadRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

impl std::error::Error for BadRecord {}

/// Parses a date written `YYYY-MM-DD` or `YYYYMMDD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y%m%d"))
        .ok()
        .or_else(|| {
            s.get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        })
}

fn id_string(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Reads a plain-text article. Its date is `date`, else a first line `Date: YYYY-MM-DD`
/// (which is then not part of the text); without either the file is refused.
pub fn read_txt(path: &str, text: String, date: Option<NaiveDate>) -> Result<Article, BadRecord> {
    let first = text.lines().next().unwrap_or("");
    let header = first
        .strip_prefix("Date:")
        .or_else(|| first.strip_prefix("date:"))
        .and_then(parse_date);
    let after_header = || {
        text[first.len()..]
            .trim_start_matches(['\r', '\n'])
            .to_string()
    };
    let (date, body) = match (date, header) {
        (Some(d), None) => (d, text.clone()),
        (Some(d), Some(_)) => (d, after_header()),
        (None, Some(h)) => (h, after_header()),
        (None, None) => {
            return Err(BadRecord {
                place: path.to_string(),
                message: "no publication date: pass --date YYYY-MM-DD or start the file with a line `Date: YYYY-MM-DD`".into(),
            });
        }
    };
    Ok(Article::new(path, date, body))
}

/// Parses one JSON line (`place` is `name:line`, `fallback_id` the id of a record without
/// one).
fn parse_line(line: &[u8], place: &str, fallback_id: &str) -> Result<Article, String> {
    // A line that is not UTF-8 is one bad record, not the end of the file.
    let line = std::str::from_utf8(line)
        .map_err(|e| format!("not UTF-8 text (byte {} of the line)", e.valid_up_to()))?;
    let _ = place;
    let rec: JsonRecord =
        serde_json::from_str(line).map_err(|e| format!("not a valid record: {e}"))?;
    let date = parse_date(&rec.date)
        .ok_or_else(|| format!("bad date `{}` (want YYYY-MM-DD)", rec.date))?;
    if rec.text.len() > crate::MAX_RECORD {
        return Err("text larger than 64 MB: refused".into());
    }
    // An empty id names nothing (found by fuzzing): such a record is named like one
    // without an id.
    let id = rec
        .id
        .as_ref()
        .map(id_string)
        .filter(|id| !id.trim().is_empty())
        .unwrap_or_else(|| fallback_id.to_string());
    let mut a = Article::new(id, date, rec.text);
    a.article = rec.article.as_ref().map(id_string);
    a.url = rec.url;
    a.outlet = rec.outlet;
    a.title = rec.title;
    Ok(a)
}

/// Streams JSON Lines records from `reader` to `sink`; `name` is used in messages
/// (`name:line`) and in the ids of records without one (`name#line`). A line longer than
/// [`crate::MAX_RECORD`] is reported and skipped without being held in memory.
pub(crate) fn stream_jsonl(
    name: &str,
    mut reader: impl BufRead,
    gz: bool,
    sink: &mut dyn FnMut(crate::Item),
) -> Result<(), BadRecord> {
    let id_base = name.strip_suffix(".gz").unwrap_or(name);
    let mut line = Vec::new();
    let mut n = 0usize;
    loop {
        line.clear();
        n += 1;
        let place = format!("{name}:{n}");
        match read_line_limited(&mut reader, &mut line) {
            Ok(None) => return Ok(()),
            Ok(Some(false)) => {
                sink(crate::Item::Bad(BadRecord {
                    place,
                    message: "line longer than 64 MB: refused".into(),
                }));
                continue;
            }
            Ok(Some(true)) => {}
            Err(e) => {
                return Err(BadRecord {
                    place,
                    message: crate::read_error(&e, gz),
                });
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_line(&line, &place, &format!("{id_base}#{n}")) {
            Ok(a) => sink(crate::Item::Record(a)),
            Err(message) => sink(crate::Item::Bad(BadRecord { place, message })),
        }
    }
}

/// Reads one line into `out` (without its newline). `Ok(None)` at the end of input;
/// `Ok(Some(false))` when the line was longer than [`crate::MAX_RECORD`] (the rest of it
/// is skipped, not kept).
fn read_line_limited(r: &mut impl BufRead, out: &mut Vec<u8>) -> std::io::Result<Option<bool>> {
    let mut any = false;
    let mut fits = true;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(any.then_some(fits));
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        if fits && out.len() + chunk.len() <= crate::MAX_RECORD {
            out.extend_from_slice(chunk);
        } else {
            fits = false;
            out.clear();
        }
        let used = done.unwrap_or(buf.len());
        r.consume(used);
        if done.is_some() {
            return Ok(Some(fits));
        }
    }
}

/// Reads JSON Lines records from `reader`; `name` is used in messages and in the ids of
/// records without one (`name#line`). Bad lines go to `bad`; an error reading the input
/// itself ends it.
pub fn read_jsonl(
    name: &str,
    reader: impl BufRead,
    bad: &mut Vec<BadRecord>,
) -> Result<Vec<Article>, BadRecord> {
    let mut out = Vec::new();
    stream_jsonl(name, reader, false, &mut |item| match item {
        crate::Item::Record(a) => out.push(a),
        crate::Item::Bad(b) => bad.push(b),
        crate::Item::Note(_) => {}
    })?;
    Ok(out)
}

/// Groups consecutive records that share an `article` value; other records stand alone.
pub fn group_articles(records: Vec<Article>) -> Vec<Vec<Article>> {
    let mut out: Vec<Vec<Article>> = Vec::new();
    for r in records {
        let joins = match (out.last().and_then(|g| g.last()), &r.article) {
            (Some(prev), Some(a)) => prev.article.as_ref() == Some(a),
            _ => false,
        };
        if joins {
            out.last_mut().unwrap().push(r);
        } else {
            out.push(vec![r]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn txt_date_header_is_read_and_removed() {
        let a = read_txt(
            "a.txt",
            "Date: 2021-12-04\nRussia massed troops.".into(),
            None,
        )
        .unwrap();
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2021, 12, 4).unwrap());
        assert_eq!(a.text, "Russia massed troops.");
        assert!(
            read_txt("b.txt", "Russia massed troops.".into(), None)
                .unwrap_err()
                .place
                .contains("b.txt")
        );
    }

    #[test]
    fn jsonl_bad_lines_are_reported_and_skipped() {
        let input = "{\"id\":\"a\",\"text\":\"x\",\"date\":\"2021-12-04\",\"article\":\"k\"}\nnot json\n{\"id\":\"b\",\"text\":\"y\",\"date\":\"2021-12-04\",\"article\":\"k\"}\n{\"text\":\"z\",\"date\":\"bad\"}\n{\"text\":\"w\",\"date\":\"20211204\"}\n";
        let mut bad = Vec::new();
        let recs = read_jsonl("in.jsonl", input.as_bytes(), &mut bad).unwrap();
        assert_eq!(recs.len(), 3);
        assert_eq!(bad.len(), 2);
        assert_eq!(bad[0].place, "in.jsonl:2");
        assert_eq!(bad[1].place, "in.jsonl:4");
        assert_eq!(recs[2].id, "in.jsonl#5");
        let groups = group_articles(recs);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].len(), 2);
    }
}
