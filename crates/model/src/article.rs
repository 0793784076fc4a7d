use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One input record: the unit that carries an id, a date and a text.
///
/// Several consecutive records may form one *article* (they share `article`), so that
/// context such as pronouns carries across them; see `DESIGN.md`, "Identifiers".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The record id exactly as the input gave it (JSONL `id`, a URL, or a path).
    pub id: String,
    /// Publication date; relative times and date-restricted actor codes resolve against it.
    pub date: NaiveDate,
    /// The record's text, as given (normalisation keeps byte offsets into this).
    pub text: String,
    /// Article grouping key: consecutive records with the same value are one article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Source URL, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Outlet (publisher) name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Headline, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl Article {
    /// A record with only the required fields set.
    pub fn new(id: impl Into<String>, date: NaiveDate, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            date,
            text: text.into(),
            article: None,
            url: None,
            outlet: None,
            title: None,
        }
    }
}
