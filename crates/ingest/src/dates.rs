//! Publication dates as web pages, feeds and archives write them.
//!
//! The date kept is the calendar date *as written* by the publisher: for
//! `2021-12-04T23:30:00-05:00` that is 4 December, not the UTC date. An outlet dates its
//! story in its own time zone, and relative times in the text ("on Saturday") resolve
//! against that date, so converting to UTC would shift late-evening stories by a day.

use chrono::NaiveDate;

/// Parses the dates found in pages, feeds and WARC headers: ISO 8601 / RFC 3339
/// (`2021-12-04`, `2021-12-04T10:00:00Z`, `2021-12-04 10:00`, `2021/12/04`, `20211204`)
/// and RFC 2822 or prose-like dates with a month name (`Sat, 04 Dec 2021 10:00:00 GMT`,
/// `4 December 2021`, `Dec 4, 2021`). A weekday that disagrees with the date is ignored:
/// feeds get it wrong often enough that refusing the item would lose real news.
/// Placeholder years before 1000 (`0001-01-01`, a common CMS "no date") are refused.
pub(crate) fn parse_loose_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let d = iso_date(s).or_else(|| named_month_date(s))?;
    use chrono::Datelike;
    (1000..=9999).contains(&d.year()).then_some(d)
}

/// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD` at the start of `s` (anything may follow),
/// or `YYYYMMDD` alone or followed by `T`.
fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if part.iter().all(u8::is_ascii_digit) {
            // At most 4 ASCII digits: always fits and always parses.
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    let year = digits(0..4)?;
    let sep = *b.get(4)?;
    let (month, day, end) = if matches!(sep, b'-' | b'/' | b'.') {
        if b.get(7) != Some(&sep) {
            return None;
        }
        (digits(5..7)?, digits(8..10)?, 10)
    } else {
        (digits(4..6)?, digits(6..8)?, 8)
    };
    // A digit right after the day means this was some longer number, not a date.
    if b.get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The month whose English name (in full, as three letters, or `Sept`) is `word`.
fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| {
            // Only whole names or their abbreviations: "Marketing" is no month.
            *m == w || (w.len() == 3 && m.starts_with(w)) || (w == "sept" && *m == "september")
        })
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// A date with a month name and day and year numbers in either order, as RFC 2822 and
/// English prose write it. Time and zone tokens (with `:` or a sign) are skipped.
fn named_month_date(s: &str) -> Option<NaiveDate> {
    let (mut day, mut month, mut year) = (None, None, None);
    for tok in s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-')
        .filter(|t| !t.is_empty())
        .take(8)
    {
        if let Some(m) = month_of(tok) {
            month = month.or(Some(m));
            continue;
        }
        let num = tok.trim_end_matches(['.', 's', 't', 'n', 'd', 'r', 'h']);
        if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) || num.len() > 4 {
            continue;
        }
        let Ok(v) = num.parse::<u32>() else { continue };
        match num.len() {
            4 if year.is_none() => year = Some(v),
            1 | 2 if day.is_none() => day = Some(v),
            // RFC 2822's obsolete two-digit years.
            2 if year.is_none() && month.is_some() => {
                year = Some(if v < 50 { 2000 + v } else { 1900 + v })
            }
            _ => {}
        }
        if day.is_some() && month.is_some() && year.is_some() {
            break;
        }
    }
    NaiveDate::from_ymd_opt(i32::try_from(year?).ok()?, month?, day?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn iso_and_rfc3339_keep_the_written_date() {
        assert_eq!(parse_loose_date("2021-12-04"), d(2021, 12, 4));
        assert_eq!(
            parse_loose_date("2021-12-04T23:30:00-05:00"),
            d(2021, 12, 4)
        );
        assert_eq!(parse_loose_date(" 2021-12-04 10:00:00 "), d(2021, 12, 4));
        assert_eq!(parse_loose_date("2021/12/04"), d(2021, 12, 4));
        assert_eq!(parse_loose_date("20211204"), d(2021, 12, 4));
        assert_eq!(parse_loose_date("20211204T101500Z"), d(2021, 12, 4));
        assert_eq!(parse_loose_date("2021-13-04"), None);
        assert_eq!(parse_loose_date("0001-01-01T00:00:00"), None);
        assert_eq!(parse_loose_date("202112041"), None);
    }

    #[test]
    fn rfc2822_and_prose_dates() {
        assert_eq!(
            parse_loose_date("Sat, 04 Dec 2021 10:00:00 GMT"),
            d(2021, 12, 4)
        );
        // Wrong weekday, no weekday, two-digit year, zone names: all still read.
        assert_eq!(
            parse_loose_date("Mon, 4 Dec 2021 23:59:59 +0100"),
            d(2021, 12, 4)
        );
        assert_eq!(parse_loose_date("4 Dec 21 10:00 EST"), d(2021, 12, 4));
        assert_eq!(parse_loose_date("December 4, 2021"), d(2021, 12, 4));
        assert_eq!(parse_loose_date("Sept. 4th, 2021"), d(2021, 9, 4));
        assert_eq!(parse_loose_date("Marketing 4 2021"), None);
        assert_eq!(parse_loose_date("yesterday"), None);
        assert_eq!(parse_loose_date(""), None);
    }
}
