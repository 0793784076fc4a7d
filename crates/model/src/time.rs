use crate::Span;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar period at the precision the text gives: a day, a month or a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// One day (`2021-12-07`).
    Day(NaiveDate),
    /// One month (`2022-01`): year and month 1–12.
    Month(i32, u32),
    /// One year (`2014`).
    Year(i32),
}

impl Period {
    /// The first day of the period.
    pub fn first_day(self) -> NaiveDate {
        match self {
            Period::Day(d) => d,
            Period::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN),
            Period::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN),
        }
    }

    /// The last day of the period.
    pub fn last_day(self) -> NaiveDate {
        match self {
            Period::Day(d) => d,
            Period::Month(y, m) => {
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                NaiveDate::from_ymd_opt(ny, nm, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(NaiveDate::MAX)
            }
            Period::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// The month containing a day.
    pub fn month_of(d: NaiveDate) -> Period {
        Period::Month(d.year(), d.month())
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Period::Year(y) => write!(f, "{y:04}"),
        }
    }
}

impl FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Period, String> {
        let bad = || format!("not a day, month or year: {s:?}");
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str| p.parse::<i64>().map_err(|_| bad());
        match parts.as_slice() {
            [y] if y.len() == 4 => Ok(Period::Year(num(y)? as i32)),
            [y, m] if y.len() == 4 && m.len() == 2 => {
                let m = num(m)? as u32;
                if (1..=12).contains(&m) {
                    Ok(Period::Month(num(y)? as i32, m))
                } else {
                    Err(bad())
                }
            }
            [_, _, _] => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(Period::Day)
                .map_err(|_| bad()),
            _ => Err(bad()),
        }
    }
}

/// A resolved time: one period, or an interval `start/end` between two periods.
/// Written as the gold files write it: `2021-12-07`, `2022-01`, `2014`, `2022-01/2022-03`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateRange {
    /// The period (or the interval's first period).
    pub start: Period,
    /// The interval's last period; `None` for a single period.
    pub end: Option<Period>,
}

impl DateRange {
    /// A single period.
    pub fn at(p: Period) -> DateRange {
        DateRange {
            start: p,
            end: None,
        }
    }

    /// An interval; collapses to a single period when both ends are equal.
    pub fn between(start: Period, end: Period) -> DateRange {
        DateRange {
            start,
            end: (start != end).then_some(end),
        }
    }

    /// First day covered.
    pub fn first_day(&self) -> NaiveDate {
        self.start.first_day()
    }

    /// Last day covered.
    pub fn last_day(&self) -> NaiveDate {
        self.end.unwrap_or(self.start).last_day()
    }

    /// How precisely the range pins a date down.
    pub fn precision(&self) -> DatePrecision {
        match (self.start, self.end) {
            (_, Some(_)) => DatePrecision::Range,
            (Period::Day(_), None) => DatePrecision::Day,
            (Period::Month(..), None) => DatePrecision::Month,
            (Period::Year(_), None) => DatePrecision::Year,
        }
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            Some(end) => write!(f, "{}/{}", self.start, end),
            None => write!(f, "{}", self.start),
        }
    }
}

impl FromStr for DateRange {
    type Err = String;
    fn from_str(s: &str) -> Result<DateRange, String> {
        match s.split_once('/') {
            Some((a, b)) => Ok(DateRange::between(a.parse()?, b.parse()?)),
            None => Ok(DateRange::at(s.parse()?)),
        }
    }
}

impl Serialize for DateRange {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateRange {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<DateRange, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// How precisely an event's date is known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// A single day.
    #[default]
    Day,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
    /// An interval (`early next year`, `a seven-year conflict`).
    Range,
}

impl DatePrecision {
    /// The lower-case name, as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Range => "range",
        }
    }
}

/// What kind of time a temporal expression names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// A point or period in time ("Tuesday evening", "next month", "2014").
    #[default]
    Point,
    /// An interval from a point to now ("since 1954"): only its start is stated.
    Since,
    /// A duration ending at publication ("a seven-year conflict").
    Duration,
    /// A vague time ("recently") that cannot be resolved.
    Vague,
}

/// A temporal expression found in a sentence and resolved against the publication date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// The words as written.
    pub text: String,
    /// Byte span in the record text.
    pub span: Span,
    /// The resolved date or interval; `None` for a vague time ("recently").
    pub resolved: Option<DateRange>,
    /// What kind of time it is.
    #[serde(default)]
    pub kind: TimeKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_round_trip_through_text() {
        for s in [
            "2021-12-07",
            "2022-01",
            "2014",
            "2022-01/2022-03",
            "1954/2021-12-04",
        ] {
            let r: DateRange = s.parse().unwrap();
            assert_eq!(r.to_string(), s);
        }
        assert!("2022-13".parse::<DateRange>().is_err());
        assert!("soon".parse::<DateRange>().is_err());
    }

    #[test]
    fn periods_know_their_days() {
        let r: DateRange = "2022-01/2022-03".parse().unwrap();
        assert_eq!(r.first_day().to_string(), "2022-01-01");
        assert_eq!(r.last_day().to_string(), "2022-03-31");
        assert_eq!(r.precision(), DatePrecision::Range);
        let feb: DateRange = "2024-02".parse().unwrap();
        assert_eq!(feb.last_day().to_string(), "2024-02-29");
    }
}
