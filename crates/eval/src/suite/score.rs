//! Scoring coded triples against the suite's expectations.

use super::{Expected, Suite, Triple};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many suite records were coded exactly right, overall and per category, and
/// what went wrong on the others.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SuiteReport {
    /// Records coded exactly as expected.
    pub correct: usize,
    /// Records scored (every record except those expecting an input error).
    pub total: usize,
    /// Records left out because they expect an input error.
    pub excluded: usize,
    /// `(correct, total)` per category; categories with no scored record are absent.
    pub by_category: BTreeMap<String, (usize, usize)>,
    /// The records that were not coded as expected, in file order.
    pub failures: Vec<Failure>,
}

/// One record the coder got wrong.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    /// Position of the record in the suite.
    pub index: usize,
    /// The record's id (not unique).
    pub id: String,
    /// 1-based line of the record in the suite file.
    pub line: u32,
    /// The record's category.
    pub category: String,
    /// The record's text.
    pub text: String,
    /// What was expected.
    pub expected: Expected,
    /// What the coder produced.
    pub got: Vec<Triple>,
}

/// Scores the coder's output on the suite. `coded[i]` holds the `(source, target,
/// code)` triples produced for `suite.records[i]`.
///
/// A record is correct when the multiset of coded triples equals the expected one,
/// strings compared exactly, or, for a record expecting no events, when nothing was
/// coded. Records expecting an input error are counted in `excluded` only: they test
/// PETRARCH's input checks, which have no counterpart in the triples.
///
/// # Panics
/// When `coded` does not have one entry per record: a missing entry would silently
/// count as "nothing coded" and pass every no-event record.
pub fn score_suite(suite: &Suite, coded: &[Vec<Triple>]) -> SuiteReport {
    assert_eq!(
        coded.len(),
        suite.records.len(),
        "score_suite needs one list of coded triples per suite record"
    );
    let mut report = SuiteReport::default();
    for (record, got) in suite.records.iter().zip(coded) {
        let Some(ok) = record.expected.is_met_by(got) else {
            report.excluded += 1;
            continue;
        };
        let tally = report
            .by_category
            .entry(record.category.clone())
            .or_default();
        tally.1 += 1;
        report.total += 1;
        if ok {
            tally.0 += 1;
            report.correct += 1;
        } else {
            report.failures.push(Failure {
                index: record.index,
                id: record.id.clone(),
                line: record.line,
                category: record.category.clone(),
                text: record.text.clone(),
                expected: record.expected.clone(),
                got: got.clone(),
            });
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::super::{Config, Environment, SuiteRecord};
    use super::*;
    use chrono::NaiveDate;

    fn t(s: &str, t: &str, c: &str) -> Triple {
        (s.into(), t.into(), c.into())
    }

    fn rec(index: usize, id: &str, category: &str, expected: Expected) -> SuiteRecord {
        SuiteRecord {
            index,
            id: id.into(),
            line: 10 + index as u32,
            date: NaiveDate::from_ymd_opt(1995, 1, 1).unwrap(),
            category: category.into(),
            sentence: true,
            text: format!("text {index}"),
            expected,
            config: Config::default(),
        }
    }

    fn suite() -> Suite {
        Suite {
            environment: Environment::default(),
            records: vec![
                rec(
                    0,
                    "D-1",
                    "DEMO",
                    Expected::Events(vec![t("ARN", "GON", "064")]),
                ),
                rec(
                    1,
                    "D-1",
                    "DEMO",
                    Expected::Events(vec![t("ARN", "GON", "064"), t("GON", "ARN", "064")]),
                ),
                rec(2, "V-1", "VERB", Expected::NoEvents),
                rec(3, "V-2", "VERB", Expected::NoEvents),
                rec(4, "E-1", "ERROR", Expected::Error("dateline".into())),
            ],
        }
    }

    #[test]
    fn counts_correct_records_per_category() {
        let coded = vec![
            vec![t("ARN", "GON", "064")],
            vec![t("ARN", "GON", "064")],
            vec![],
            vec![t("ARN", "GON", "010")],
            vec![t("X", "Y", "010")],
        ];
        let r = score_suite(&suite(), &coded);
        assert_eq!((r.correct, r.total, r.excluded), (2, 4, 1));
        assert_eq!(
            r.by_category.into_iter().collect::<Vec<_>>(),
            [("DEMO".to_string(), (1, 2)), ("VERB".to_string(), (1, 2))]
        );
        let failed: Vec<(usize, &str)> = r
            .failures
            .iter()
            .map(|f| (f.index, f.id.as_str()))
            .collect();
        assert_eq!(failed, [(1, "D-1"), (3, "V-2")]);
        assert_eq!(r.failures[1].got, [t("ARN", "GON", "010")]);
        assert_eq!(r.failures[1].expected, Expected::NoEvents);
        assert_eq!(r.failures[1].line, 13);
    }

    #[test]
    fn report_serializes_with_totals_first() {
        let coded = vec![vec![t("ARN", "GON", "064")], vec![], vec![], vec![], vec![]];
        let json = serde_json::to_string(&score_suite(&suite(), &coded)).unwrap();
        assert!(
            json.starts_with(
                r#"{"correct":3,"total":4,"excluded":1,"by_category":{"DEMO":[1,2],"VERB":[2,2]}"#
            ),
            "{json}"
        );
        assert!(
            json.contains(
                r#""expected":{"events":[["ARN","GON","064"],["GON","ARN","064"]]},"got":[]"#
            ),
            "{json}"
        );
    }

    #[test]
    #[should_panic(expected = "one list of coded triples per suite record")]
    fn wrong_number_of_results_panics() {
        score_suite(&suite(), &[vec![]]);
    }
}
