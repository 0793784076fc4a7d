//! Date restrictions of actor codes: `>YYMMDD`, `<YYMMDD`, `YYMMDD-YYMMDD`, with 6- or
//! 8-digit dates.

use crate::types::Validity;
use chrono::NaiveDate;

/// Parses a dictionary date: `YYYYMMDD`, or `YYMMDD` where YY 00–30 means 20YY and
/// anything else 19YY (the convention of KEDS, TABARI and PETRARCH).
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("date '{text}' is not a number"));
    }
    let num = |r: std::ops::Range<usize>| text[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = match text.len() {
        6 => {
            let yy = num(0..2) as i32;
            (
                if yy <= 30 { 2000 + yy } else { 1900 + yy },
                num(2..4),
                num(4..6),
            )
        }
        8 => (num(0..4) as i32, num(4..6), num(6..8)),
        n => {
            return Err(format!(
                "date '{text}' has {n} digits; expected YYMMDD or YYYYMMDD"
            ));
        }
    };
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| format!("date '{text}' is not a calendar date"))
}

/// Parses the restriction that follows a code inside its brackets, with any spaces
/// already removed (`>140608`, `<950601`, `19950601-19990815`).
pub fn parse_restriction(text: &str) -> Result<Validity, String> {
    if let Some(d) = text.strip_prefix('>') {
        return Ok(Validity::From(parse_date(d)?));
    }
    if let Some(d) = text.strip_prefix('<') {
        return Ok(Validity::Before(parse_date(d)?));
    }
    if let Some((a, b)) = text.split_once('-') {
        let (a, b) = (parse_date(a)?, parse_date(b)?);
        if b < a {
            return Err(format!("date range '{text}' ends before it starts"));
        }
        return Ok(Validity::Range(a, b));
    }
    Err(format!(
        "date restriction '{text}' needs '>', '<' or a range 'FROM-TO'"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn six_and_eight_digits() {
        assert_eq!(parse_date("011222").unwrap(), d(2001, 12, 22));
        assert_eq!(parse_date("300101").unwrap(), d(2030, 1, 1));
        assert_eq!(parse_date("310101").unwrap(), d(1931, 1, 1));
        assert_eq!(parse_date("19950601").unwrap(), d(1995, 6, 1));
        assert!(parse_date("9008223").unwrap_err().contains("7 digits"));
        assert!(parse_date("20100931").unwrap_err().contains("calendar"));
        assert!(parse_date("20O10101").is_err());
    }

    #[test]
    fn restrictions() {
        assert_eq!(
            parse_restriction(">140608").unwrap(),
            Validity::From(d(2014, 6, 8))
        );
        assert_eq!(
            parse_restriction("<950601").unwrap(),
            Validity::Before(d(1995, 6, 1))
        );
        assert_eq!(
            parse_restriction("19950601-990815").unwrap(),
            Validity::Range(d(1995, 6, 1), d(1999, 8, 15))
        );
        assert!(
            parse_restriction("20121207-20120802")
                .unwrap_err()
                .contains("ends before")
        );
        assert!(parse_restriction("20121204").unwrap_err().contains("needs"));
    }
}
