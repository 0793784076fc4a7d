//! Reading records for `vigil code`: plain-text articles, JSON Lines, standard input.
//! A bad record is reported with its file and line and skipped; it never stops the batch.

use anyhow::{Context, Result, bail};
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
#[derive(Debug)]
pub struct BadRecord {
    /// `file:line` (or the file alone).
    pub place: String,
    /// What is wrong.
    pub message: String,
}

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
pub fn read_txt(path: &str, text: String, date: Option<NaiveDate>) -> Result<Article> {
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
        (None, None) => bail!(
            "{path}: no publication date: pass --date YYYY-MM-DD or start the file with a line `Date: YYYY-MM-DD`"
        ),
    };
    Ok(Article::new(path, date, body))
}

/// Reads JSON Lines records from `reader`; `name` is used in messages and in the ids of
/// records without one (`name#line`). Bad lines go to `bad`.
pub fn read_jsonl(
    name: &str,
    reader: impl BufRead,
    bad: &mut Vec<BadRecord>,
) -> Result<Vec<Article>> {
    let mut out = Vec::new();
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = line.with_context(|| format!("{name}:{}: cannot read", n + 1))?;
        let place = format!("{name}:{}", n + 1);
        // A line that is not UTF-8 is one bad record, not the end of the file.
        let line = match String::from_utf8(line) {
            Ok(l) => l,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                bad.push(BadRecord {
                    place,
                    message: format!("not UTF-8 text (byte {at} of the line)"),
                });
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let rec: JsonRecord = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                bad.push(BadRecord {
                    place,
                    message: format!("not a valid record: {e}"),
                });
                continue;
            }
        };
        let Some(date) = parse_date(&rec.date) else {
            bad.push(BadRecord {
                place,
                message: format!("bad date `{}` (want YYYY-MM-DD)", rec.date),
            });
            continue;
        };
        let id = rec
            .id
            .as_ref()
            .map(id_string)
            .unwrap_or_else(|| place.clone());
        let mut a = Article::new(id, date, rec.text);
        a.article = rec.article.as_ref().map(id_string);
        a.url = rec.url;
        a.outlet = rec.outlet;
        a.title = rec.title;
        out.push(a);
    }
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
                .to_string()
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
        assert_eq!(recs[2].id, "in.jsonl:5");
        let groups = group_articles(recs);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].len(), 2);
    }
}
