//! The PETRARCH validation suite (`PETR.UnitTest.records.xml`): reading it and scoring
//! coded triples against it.
//!
//! Record ids are not unique in the suite (AGENTS-18 and AGENTS-19 occur twice), so
//! records are identified by their position, [`SuiteRecord::index`].

mod config;
mod read;
mod score;

pub use config::Config;
pub use read::read_suite;
pub use score::{Failure, SuiteReport, score_suite};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One event as the suite writes it: `(source, target, code)`, verbatim strings.
pub type Triple = (String, String, String);

/// A whole validation file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suite {
    /// The `<Environment>` header.
    pub environment: Environment,
    /// The `<Sentence>` records, in file order.
    pub records: Vec<SuiteRecord>,
}

/// The suite's `<Environment>`: which dictionaries its expectations were written for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Environment {
    /// `<Verbfile>`, as written (relative to the suite file).
    pub verbfile: Option<String>,
    /// `<Actorfile>`.
    pub actorfile: Option<String>,
    /// `<Agentfile>`.
    pub agentfile: Option<String>,
    /// `<Discardfile>`.
    pub discardfile: Option<String>,
    /// `<Include>`, split on whitespace: the categories PETRARCH-1 ran (its first word
    /// is `valid`, which is not a category).
    pub include: Vec<String>,
    /// The `<Config>` settings given in the header, in order; they are already part of
    /// every record's [`SuiteRecord::config`].
    pub configs: Vec<ConfigSetting>,
}

/// One `<Config option=… value=…>` element, as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigSetting {
    /// The option name.
    pub option: String,
    /// The value, as text.
    pub value: String,
}

/// One `<Sentence>` of the suite.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SuiteRecord {
    /// 0-based position among the file's records: the record's identity.
    pub index: usize,
    /// The `id` attribute (not unique).
    pub id: String,
    /// 1-based line of the `<Sentence>` tag (for messages).
    pub line: u32,
    /// The `date` attribute.
    pub date: NaiveDate,
    /// The `category` attribute (`DEMO`, `SYNSET`, …).
    pub category: String,
    /// The `sentence` attribute. The suite sets it to `false` on the few records whose
    /// comments say the tested feature is not implemented; it is kept, not acted on.
    pub sentence: bool,
    /// The `<Text>`, with every run of whitespace collapsed to one space, trimmed.
    pub text: String,
    /// What the coder should produce.
    pub expected: Expected,
    /// The settings in force for this record.
    pub config: Config,
}

/// What a record expects from the coder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// These events, as a multiset (one per `<EventCoding>`).
    Events(Vec<Triple>),
    /// No event (`noevents="True"`, or no `<EventCoding>` with content at all).
    NoEvents,
    /// An input error of the named kind (`dateline`, `storydiscard`, …); such records
    /// test PETRARCH's input checks and are not scored.
    Error(String),
}

impl Expected {
    /// Whether `got` is what this record expects: the same multiset of triples (strings
    /// compared exactly), or nothing for [`Expected::NoEvents`]. `None` for
    /// [`Expected::Error`], which is not scored.
    pub fn is_met_by(&self, got: &[Triple]) -> Option<bool> {
        match self {
            Expected::Events(want) => {
                if want.len() != got.len() {
                    return Some(false);
                }
                let mut want: Vec<&Triple> = want.iter().collect();
                let mut got: Vec<&Triple> = got.iter().collect();
                want.sort();
                got.sort();
                Some(want == got)
            }
            Expected::NoEvents => Some(got.is_empty()),
            Expected::Error(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str, t: &str, c: &str) -> Triple {
        (s.into(), t.into(), c.into())
    }

    #[test]
    fn events_compare_as_multisets() {
        let e = Expected::Events(vec![t("ARN", "GON", "064"), t("GON", "ARN", "064")]);
        assert_eq!(
            e.is_met_by(&[t("GON", "ARN", "064"), t("ARN", "GON", "064")]),
            Some(true)
        );
        assert_eq!(e.is_met_by(&[t("ARN", "GON", "064")]), Some(false));
        assert_eq!(
            e.is_met_by(&[t("ARN", "GON", "064"), t("ARN", "GON", "064")]),
            Some(false)
        );
        assert_eq!(
            e.is_met_by(&[
                t("ARN", "GON", "064"),
                t("GON", "ARN", "064"),
                t("GON", "ARN", "064")
            ]),
            Some(false)
        );
    }

    #[test]
    fn strings_compare_exactly() {
        let e = Expected::Events(vec![t("\"INJURY TOLL\"", "OSG", "223")]);
        assert_eq!(
            e.is_met_by(&[t("\"INJURY TOLL\"", "OSG", "223")]),
            Some(true)
        );
        assert_eq!(e.is_met_by(&[t("INJURY TOLL", "OSG", "223")]), Some(false));
        assert_eq!(
            e.is_met_by(&[t("\"INJURY TOLL\"", "OSG", "22")]),
            Some(false)
        );
        assert_eq!(
            e.is_met_by(&[t("\"injury toll\"", "OSG", "223")]),
            Some(false)
        );
    }

    #[test]
    fn no_events_and_errors() {
        assert_eq!(Expected::NoEvents.is_met_by(&[]), Some(true));
        assert_eq!(
            Expected::NoEvents.is_met_by(&[t("A", "B", "010")]),
            Some(false)
        );
        assert_eq!(Expected::Error("dateline".into()).is_met_by(&[]), None);
    }
}
