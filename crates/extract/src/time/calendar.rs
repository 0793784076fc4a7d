//! Calendar arithmetic for resolving expressions against the publication date.
use super::lexicon::Unit;
use super::tense::Tense;
use chrono::{Datelike, Days, NaiveDate};
use vigil_model::{DateRange, Period};

/// Weekday index of a date, 0 = Monday.
pub(super) fn weekday(d: NaiveDate) -> u32 {
    d.weekday().num_days_from_monday()
}

/// `d` moved by `n` days (saturating at chrono's limits).
pub(super) fn shift(d: NaiveDate, n: i64) -> NaiveDate {
    let r = if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    };
    r.unwrap_or(d)
}

/// The month `n` months after (or before) `y`-`m`.
pub(super) fn shift_month(y: i32, m: u32, n: i32) -> (i32, u32) {
    let idx = y * 12 + m as i32 - 1 + n;
    (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
}

/// A day, if it exists.
pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A day interval.
pub(super) fn days(a: NaiveDate, b: NaiveDate) -> DateRange {
    DateRange::between(Period::Day(a), Period::Day(b))
}

/// The Monday–Sunday week containing `d`, moved by `n` weeks.
pub(super) fn week(d: NaiveDate, n: i64) -> (NaiveDate, NaiveDate) {
    let monday = shift(d, -(weekday(d) as i64) + 7 * n);
    (monday, shift(monday, 6))
}

/// Resolves a weekday named without `last`/`next`: in the past, the most recent such day
/// on or before publication; in the future, the next one strictly after; in the present
/// (`the vote is on Tuesday`), the next one on or after; with no cue, the nearest one,
/// ties going to the past.
pub(super) fn weekday_in(published: NaiveDate, wd: u32, tense: Option<Tense>) -> NaiveDate {
    let today = weekday(published);
    let back = (today + 7 - wd) % 7;
    let ahead = (wd + 7 - today) % 7;
    let days_back = match tense {
        Some(Tense::Past) => back as i64,
        Some(Tense::Future) => -(if ahead == 0 { 7 } else { ahead as i64 }),
        Some(Tense::Present) => -(ahead as i64),
        None if back <= ahead => back as i64,
        None => -(ahead as i64),
    };
    shift(published, -days_back)
}

/// `last Tuesday` (strictly before publication) or `next Tuesday` (strictly after).
pub(super) fn weekday_strict(published: NaiveDate, wd: u32, forward: bool) -> NaiveDate {
    let today = weekday(published);
    if forward {
        let ahead = (wd + 7 - today) % 7;
        shift(published, if ahead == 0 { 7 } else { ahead as i64 })
    } else {
        let back = (today + 7 - wd) % 7;
        shift(published, -(if back == 0 { 7 } else { back as i64 }))
    }
}

/// Resolves a month named without a year: in the future or present, its next occurrence
/// (the publication month counts); in the past, the most recent on or before the
/// publication month; with no cue, the nearer of the two, ties going to the past.
pub(super) fn month_in(published: NaiveDate, m: u32, tense: Option<Tense>) -> Period {
    let (y, pm) = (published.year(), published.month());
    let ahead = (m + 12 - pm) % 12;
    let back = (pm + 12 - m) % 12;
    let forward = match tense {
        Some(Tense::Future | Tense::Present) => true,
        Some(Tense::Past) => false,
        None => ahead < back,
    };
    let (yy, mm) = if forward {
        shift_month(y, pm, ahead as i32)
    } else {
        shift_month(y, pm, -(back as i32))
    };
    Period::Month(yy, mm)
}

/// `last May` (strictly before the publication month) or `next May` (strictly after).
pub(super) fn month_strict(published: NaiveDate, m: u32, forward: bool) -> Period {
    let (y, pm) = (published.year(), published.month());
    let (yy, mm) = if forward {
        let ahead = (m + 12 - pm) % 12;
        shift_month(y, pm, if ahead == 0 { 12 } else { ahead as i32 })
    } else {
        let back = (pm + 12 - m) % 12;
        shift_month(y, pm, -(if back == 0 { 12 } else { back as i32 }))
    };
    Period::Month(yy, mm)
}

/// Resolves a day of a month named without a year (`on January 5`): in the future or
/// present the first such date on or after publication, in the past the last one on or
/// before it, with no cue the nearest (ties to the past).
pub(super) fn month_day_in(
    published: NaiveDate,
    m: u32,
    d: u32,
    tense: Option<Tense>,
) -> Option<NaiveDate> {
    let y = published.year();
    let past = (y - 1..=y)
        .rev()
        .filter_map(|yy| ymd(yy, m, d))
        .find(|&x| x <= published);
    let future = (y..=y + 1)
        .filter_map(|yy| ymd(yy, m, d))
        .find(|&x| x >= published);
    match tense {
        Some(Tense::Past) => past.or(future),
        Some(Tense::Future | Tense::Present) => future.or(past),
        None => match (past, future) {
            (Some(p), Some(f)) => {
                if (published - p) <= (f - published) {
                    Some(p)
                } else {
                    Some(f)
                }
            }
            (p, f) => p.or(f),
        },
    }
}

/// The Saturday–Sunday weekend meant by `the weekend`: in the past, the latest one whose
/// Saturday is on or before publication; in the future or present, the first whose
/// Sunday is on or after it (on a Saturday or Sunday, both are the current weekend);
/// with no cue, the nearer of the two (ties to the past).
pub(super) fn weekend_in(published: NaiveDate, tense: Option<Tense>) -> DateRange {
    let today = weekday(published) as i64;
    let past_sat = shift(published, -((today + 2) % 7));
    let next_sat = if today == 6 {
        shift(published, -1)
    } else {
        shift(published, 5 - today)
    };
    let sat = match tense {
        Some(Tense::Past) => past_sat,
        Some(_) => next_sat,
        None => {
            let back = (published - shift(past_sat, 1)).num_days().max(0);
            let ahead = (next_sat - published).num_days().max(0);
            if back <= ahead { past_sat } else { next_sat }
        }
    };
    days(sat, shift(sat, 1))
}

/// `last weekend` (the latest one before the current one) and `next weekend` (the first
/// whose Saturday is after publication and that does not contain it).
pub(super) fn weekend_strict(published: NaiveDate, forward: bool) -> DateRange {
    let today = weekday(published) as i64;
    let sat = if forward {
        let ahead = (5 - today).rem_euclid(7);
        shift(published, if ahead == 0 { 7 } else { ahead })
    } else {
        // The Saturday of the previous Monday–Sunday week.
        shift(published, -today - 2)
    };
    days(sat, shift(sat, 1))
}

/// A duration of `n` units ending at publication, at the unit's precision.
pub(super) fn duration_back(published: NaiveDate, n: u32, unit: Unit) -> Option<DateRange> {
    let (y, m) = (published.year(), published.month());
    let n = n as i64;
    Some(match unit {
        Unit::Hour => days(shift(published, -(n + 23) / 24), published),
        Unit::Day => days(shift(published, -n), published),
        Unit::Week => days(shift(published, -7 * n), published),
        Unit::Month => {
            let (yy, mm) = shift_month(y, m, -(n as i32));
            DateRange::between(Period::Month(yy, mm), Period::Month(y, m))
        }
        Unit::Year => DateRange::between(Period::Year(y - n as i32), Period::Year(y)),
        Unit::Decade => DateRange::between(Period::Year(y - 10 * n as i32), Period::Year(y)),
    })
}

/// A stretch of `n` units starting after publication (`in the coming week`, `over the
/// next three months`): days from the day after, months from the month after, years from
/// the year after.
pub(super) fn duration_ahead(published: NaiveDate, n: u32, unit: Unit) -> Option<DateRange> {
    let (y, m) = (published.year(), published.month());
    let n = n.max(1) as i64;
    Some(match unit {
        Unit::Hour => days(published, shift(published, (n + 23) / 24)),
        Unit::Day => days(shift(published, 1), shift(published, n)),
        Unit::Week => days(shift(published, 1), shift(published, 7 * n)),
        Unit::Month => {
            let (ay, am) = shift_month(y, m, 1);
            let (by, bm) = shift_month(y, m, n as i32);
            DateRange::between(Period::Month(ay, am), Period::Month(by, bm))
        }
        Unit::Year => DateRange::between(Period::Year(y + 1), Period::Year(y + n as i32)),
        Unit::Decade => DateRange::between(Period::Year(y + 1), Period::Year(y + 10 * n as i32)),
    })
}

/// The point `n` units before publication (`two weeks ago`), or after it (`in two
/// weeks`), at the unit's precision (hours, days and weeks give a day).
pub(super) fn offset(published: NaiveDate, n: u32, unit: Unit, sign: i64) -> DateRange {
    let (y, m) = (published.year(), published.month());
    let n = n as i64 * sign;
    DateRange::at(match unit {
        Unit::Hour => Period::Day(shift(published, n / 24)),
        Unit::Day => Period::Day(shift(published, n)),
        Unit::Week => Period::Day(shift(published, 7 * n)),
        Unit::Month => {
            let (yy, mm) = shift_month(y, m, n as i32);
            Period::Month(yy, mm)
        }
        Unit::Year => Period::Year(y + n as i32),
        Unit::Decade => Period::Year(y + 10 * n as i32),
    })
}

/// `last`/`this`/`next` (`n` = -1, 0, 1) week, month or year.
pub(super) fn relative(published: NaiveDate, n: i32, unit: Unit) -> Option<DateRange> {
    let (y, m) = (published.year(), published.month());
    Some(match unit {
        Unit::Week => {
            let (a, b) = week(published, n as i64);
            days(a, b)
        }
        Unit::Month => {
            let (yy, mm) = shift_month(y, m, n);
            DateRange::at(Period::Month(yy, mm))
        }
        Unit::Year => DateRange::at(Period::Year(y + n)),
        Unit::Day => DateRange::at(Period::Day(shift(published, n as i64))),
        Unit::Hour | Unit::Decade => return None,
    })
}

/// Which part of a period `early`, `mid` and `late` pick out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Part {
    Early,
    Mid,
    Late,
}

/// Narrows a period to its early, middle or late part: a year to months 01–03, 05–08 or
/// 10–12; a month to days 1–10, 11–20 or 21–end; a decade to its years 0–3, 4–6 or
/// 7–9; a Monday–Sunday week to Monday–Wednesday, Tuesday–Thursday or Thursday–Sunday.
/// A single day stays itself (`late Tuesday`); anything else is not narrowed (`None`).
pub(super) fn narrow(r: DateRange, part: Part) -> Option<DateRange> {
    fn pick<T>(part: Part, a: T, b: T, c: T) -> T {
        match part {
            Part::Early => a,
            Part::Mid => b,
            Part::Late => c,
        }
    }
    match (r.start, r.end) {
        (Period::Year(y), None) => {
            let (a, b) = pick(part, (1, 3), (5, 8), (10, 12));
            Some(DateRange::between(Period::Month(y, a), Period::Month(y, b)))
        }
        (Period::Month(y, m), None) => {
            let last = Period::Month(y, m).last_day();
            let (a, b) = pick(part, (1, 10), (11, 20), (21, last.day()));
            Some(days(ymd(y, m, a)?, ymd(y, m, b)?))
        }
        (Period::Year(a), Some(Period::Year(b))) if b - a == 9 && a % 10 == 0 => {
            let (x, z): (i32, i32) = pick(part, (0, 3), (4, 6), (7, 9));
            Some(DateRange::between(Period::Year(a + x), Period::Year(a + z)))
        }
        (Period::Day(a), Some(Period::Day(b))) if (b - a).num_days() == 6 && weekday(a) == 0 => {
            let (x, z): (i64, i64) = pick(part, (0, 2), (1, 3), (3, 6));
            Some(days(shift(a, x), shift(a, z)))
        }
        (Period::Day(_), None) => Some(r),
        _ => None,
    }
}
