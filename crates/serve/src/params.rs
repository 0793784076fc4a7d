//! Query-string parameters: decoded, checked against what each endpoint accepts, and
//! parsed with messages that name the parameter.

use crate::error::ApiError;
use crate::snapshot::{Interval, Query};
use chrono::NaiveDate;

/// The parameters of one request.
pub(crate) struct Params {
    pairs: Vec<(String, String)>,
}

/// The filter parameters the aggregate and event endpoints share.
pub(crate) const FILTERS: &[&str] = &[
    "actor", "source", "target", "code", "quad", "since", "until",
];

impl Params {
    /// Decodes `raw` (`a=1&b=two`), refusing names not in `allowed` and repeated names.
    pub(crate) fn parse(raw: Option<&str>, allowed: &[&[&str]]) -> Result<Params, ApiError> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for part in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let (k, v) = (decode(k)?, decode(v)?);
            if !allowed.iter().any(|list| list.contains(&k.as_str())) {
                let mut known: Vec<&str> = allowed.iter().flat_map(|l| l.iter().copied()).collect();
                known.sort_unstable();
                return Err(ApiError::bad(format!(
                    "unknown parameter `{k}` (this endpoint takes: {})",
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                )));
            }
            if pairs.iter().any(|(seen, _)| *seen == k) {
                return Err(ApiError::bad(format!("parameter `{k}` given twice")));
            }
            pairs.push((k, v));
        }
        Ok(Params { pairs })
    }

    /// The parameters given (with values), sorted: one key for the same request written
    /// in any order.
    pub(crate) fn canonical(&self) -> String {
        let mut pairs: Vec<String> = self
            .pairs
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| format!("{k}={}", v.trim()))
            .collect();
        pairs.sort_unstable();
        pairs.join("&")
    }

    /// The value of `name`, when given and not empty.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// An integer in `min..=max`, else `default`.
    pub(crate) fn int(
        &self,
        name: &str,
        default: u64,
        min: u64,
        max: u64,
    ) -> Result<u64, ApiError> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => match v.parse::<u64>() {
                Ok(n) if (min..=max).contains(&n) => Ok(n),
                _ => Err(ApiError::bad(format!(
                    "`{name}` must be a whole number from {min} to {max}, not {v:?}"
                ))),
            },
        }
    }

    /// A code prefix: letters and digits only.
    fn code(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(v) if v.len() <= 32 && v.chars().all(|c| c.is_ascii_alphanumeric()) => {
                Ok(Some(v.to_ascii_uppercase()))
            }
            Some(v) => Err(ApiError::bad(format!(
                "`{name}` must be a code of letters and digits (e.g. RUS, USAGOV, 19), not {v:?}"
            ))),
        }
    }

    fn date(&self, name: &str) -> Result<Option<NaiveDate>, ApiError> {
        self.get(name)
            .map(|v| {
                NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
                    ApiError::bad(format!("`{name}` must be a date as YYYY-MM-DD, not {v:?}"))
                })
            })
            .transpose()
    }

    /// The shared filters.
    pub(crate) fn query(&self) -> Result<Query, ApiError> {
        let quad = match self.get("quad") {
            None => None,
            Some(v) => match v.parse::<u8>() {
                Ok(q @ 1..=4) => Some(q),
                _ => {
                    return Err(ApiError::bad(format!(
                        "`quad` must be a QuadClass from 1 to 4, not {v:?}"
                    )));
                }
            },
        };
        Ok(Query {
            actor: self.code("actor")?,
            source: self.code("source")?,
            target: self.code("target")?,
            code: self.code("code")?,
            quad,
            since: self.date("since")?,
            until: self.date("until")?,
            ..Query::default()
        })
    }

    /// `interval`: `day` or `week` (the default).
    pub(crate) fn interval(&self) -> Result<Interval, ApiError> {
        match self.get("interval") {
            None | Some("week") => Ok(Interval::Week),
            Some("day") => Ok(Interval::Day),
            Some(v) => Err(ApiError::bad(format!(
                "`interval` must be day or week, not {v:?}"
            ))),
        }
    }
}

/// Percent-decodes a query-string component (`+` is a space).
fn decode(s: &str) -> Result<String, ApiError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| ApiError::bad("bad percent-encoding in the query string"))?;
                out.push(hex);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| ApiError::bad("the query string is not UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_decoded_checked_and_parsed() {
        let p = Params::parse(
            Some("actor=rus&since=2024-01-02&q=a+b%21"),
            &[FILTERS, &["q"]],
        )
        .unwrap();
        assert_eq!(p.get("q"), Some("a b!"));
        let q = p.query().unwrap();
        assert_eq!(q.actor.as_deref(), Some("RUS"));
        assert_eq!(q.since.unwrap().to_string(), "2024-01-02");
        let err = |raw: &str| {
            Params::parse(Some(raw), &[FILTERS])
                .and_then(|p| p.query())
                .unwrap_err()
                .message
        };
        assert!(err("nope=1").contains("unknown parameter `nope`"));
        assert!(err("actor=a&actor=b").contains("twice"));
        assert!(err("quad=5").contains("QuadClass"));
        assert!(err("since=2024-13-01").contains("YYYY-MM-DD"));
        assert!(err("actor=RU%25").contains("letters and digits"));
        assert!(err("actor=%zz").contains("percent"));
        let p = Params::parse(Some("limit=0"), &[&["limit"]]).unwrap();
        assert!(p.int("limit", 50, 1, 500).is_err());
        assert_eq!(
            Params::parse(None, &[&["limit"]])
                .unwrap()
                .int("limit", 50, 1, 500)
                .unwrap(),
            50
        );
    }
}
