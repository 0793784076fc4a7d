//! The words temporal expressions are made of, looked up once per token.
use rustc_hash::FxHashMap;
use std::sync::LazyLock;
use vigil_model::Token;

/// A calendar unit a count can measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
}

/// What a word contributes to a temporal expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Lex {
    /// A day of the week, 0 = Monday.
    Weekday(u32),
    /// A month name that is only ever a month (`January`), 1–12.
    Month(u32),
    /// A month name that is also an ordinary word or a name (`May`, `March`, `Jan.`):
    /// a month only next to a day number, a year or a temporal preposition.
    MonthAmbiguous(u32),
    /// A unit, and whether the word is plural.
    Unit(Unit, bool),
    /// A written-out number (`seven`, `twenty`).
    Num(u32),
    /// `a`, `an`: one, before a unit.
    A,
    /// `few`, `several`, `many`, `some`: a count that cannot be resolved.
    VagueCount,
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    Next,
    Last,
    This,
    /// `past` (and `previous`), as in "the past three years", "in the past".
    Past,
    Coming,
    Early,
    Mid,
    Late,
    Earlier,
    Later,
    Ago,
    Weekend,
    /// `morning`, `afternoon`, `evening`, `night`.
    TimeOfDay,
    /// `recently`, `soon`, `lately`, `shortly`.
    VagueAdverb,
    Recent,
    Near,
    /// The noun `future` ("in the near future").
    Future,
    Since,
    From,
    Between,
    /// `to`, `until`, `till`, `through`, `-`, `--`: the end of a range.
    RangeTo,
    And,
    /// A preposition that can head a duration: `in`, `over`, `for`, `during`, `within`,
    /// `throughout`.
    DurationPrep,
    The,
    Of,
    /// `end` (of the year).
    End,
    /// `beginning`, `start` (of the year).
    Start,
    /// `decades`, `years`… as in "for decades": handled through `Unit`.
    /// `'s` after a year (`the 1990's`).
    Possessive,
}

impl Lex {
    /// True for the words that can head or anchor a temporal expression on their own;
    /// a sentence without any of them (or a digit, or a hyphenated word) has no time.
    fn triggers(self) -> bool {
        matches!(
            self,
            Lex::Weekday(_)
                | Lex::Month(_)
                | Lex::MonthAmbiguous(_)
                | Lex::Unit(..)
                | Lex::Today
                | Lex::Tonight
                | Lex::Yesterday
                | Lex::Tomorrow
                | Lex::Weekend
                | Lex::TimeOfDay
                | Lex::VagueAdverb
                | Lex::Past
                | Lex::Future
        )
    }
}

/// Weekday names, Monday first, upper case.
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
];

/// Month names, January first, upper case.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];

static WORDS: LazyLock<FxHashMap<&'static str, Lex>> = LazyLock::new(|| {
    use Lex::*;
    let mut m = FxHashMap::default();
    let days = WEEKDAY_NAMES;
    for (i, d) in days.iter().enumerate() {
        m.insert(*d, Weekday(i as u32));
    }
    let months = MONTH_NAMES;
    for (i, name) in months.iter().enumerate() {
        let n = i as u32 + 1;
        let lex = if matches!(n, 3 | 5) {
            MonthAmbiguous(n)
        } else {
            Month(n)
        };
        m.insert(*name, lex);
    }
    for (abbr, n) in [
        ("JAN.", 1),
        ("JAN", 1),
        ("FEB.", 2),
        ("FEB", 2),
        ("MAR.", 3),
        ("APR.", 4),
        ("APR", 4),
        ("JUN.", 6),
        ("JUL.", 7),
        ("AUG.", 8),
        ("AUG", 8),
        ("SEP.", 9),
        ("SEPT.", 9),
        ("SEPT", 9),
        ("OCT.", 10),
        ("OCT", 10),
        ("NOV.", 11),
        ("NOV", 11),
        ("DEC.", 12),
        ("DEC", 12),
    ] {
        m.insert(abbr, MonthAmbiguous(n));
    }
    for (w, u, pl) in [
        ("HOUR", self::Unit::Hour, false),
        ("HOURS", self::Unit::Hour, true),
        ("DAY", self::Unit::Day, false),
        ("DAYS", self::Unit::Day, true),
        ("WEEK", self::Unit::Week, false),
        ("WEEKS", self::Unit::Week, true),
        ("MONTH", self::Unit::Month, false),
        ("MONTHS", self::Unit::Month, true),
        ("YEAR", self::Unit::Year, false),
        ("YEARS", self::Unit::Year, true),
        ("DECADE", self::Unit::Decade, false),
        ("DECADES", self::Unit::Decade, true),
    ] {
        m.insert(w, Lex::Unit(u, pl));
    }
    for (w, n) in NUMBER_WORDS {
        m.insert(*w, Num(*n));
    }
    for (w, l) in [
        ("A", A),
        ("AN", A),
        ("FEW", VagueCount),
        ("SEVERAL", VagueCount),
        ("MANY", VagueCount),
        ("SOME", VagueCount),
        ("TODAY", Today),
        ("TONIGHT", Tonight),
        ("YESTERDAY", Yesterday),
        ("TOMORROW", Tomorrow),
        ("NEXT", Next),
        ("LAST", Last),
        ("THIS", This),
        ("PAST", Past),
        ("PREVIOUS", Past),
        ("COMING", Coming),
        ("UPCOMING", Coming),
        ("EARLY", Early),
        ("MID", Mid),
        ("MIDDLE", Mid),
        ("LATE", Late),
        ("EARLIER", Earlier),
        ("LATER", Later),
        ("AGO", Ago),
        ("WEEKEND", Weekend),
        ("MORNING", TimeOfDay),
        ("AFTERNOON", TimeOfDay),
        ("EVENING", TimeOfDay),
        ("NIGHT", TimeOfDay),
        ("RECENTLY", VagueAdverb),
        ("SOON", VagueAdverb),
        ("LATELY", VagueAdverb),
        ("SHORTLY", VagueAdverb),
        ("RECENT", Recent),
        ("NEAR", Near),
        ("FUTURE", Future),
        ("SINCE", Since),
        ("FROM", From),
        ("BETWEEN", Between),
        ("TO", RangeTo),
        ("UNTIL", RangeTo),
        ("TILL", RangeTo),
        ("THROUGH", RangeTo),
        ("-", RangeTo),
        ("--", RangeTo),
        ("AND", And),
        ("IN", DurationPrep),
        ("OVER", DurationPrep),
        ("FOR", DurationPrep),
        ("DURING", DurationPrep),
        ("WITHIN", DurationPrep),
        ("THROUGHOUT", DurationPrep),
        ("THE", The),
        ("OF", Of),
        ("END", End),
        ("BEGINNING", Start),
        ("START", Start),
        ("'S", Possessive),
    ] {
        m.insert(w, l);
    }
    m
});

/// Written-out numbers (hyphenated tens like `twenty-five` are composed by
/// [`number_word`]).
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("ONE", 1),
    ("TWO", 2),
    ("THREE", 3),
    ("FOUR", 4),
    ("FIVE", 5),
    ("SIX", 6),
    ("SEVEN", 7),
    ("EIGHT", 8),
    ("NINE", 9),
    ("TEN", 10),
    ("ELEVEN", 11),
    ("TWELVE", 12),
    ("THIRTEEN", 13),
    ("FOURTEEN", 14),
    ("FIFTEEN", 15),
    ("SIXTEEN", 16),
    ("SEVENTEEN", 17),
    ("EIGHTEEN", 18),
    ("NINETEEN", 19),
    ("TWENTY", 20),
    ("THIRTY", 30),
    ("FORTY", 40),
    ("FIFTY", 50),
    ("SIXTY", 60),
    ("SEVENTY", 70),
    ("EIGHTY", 80),
    ("NINETY", 90),
    ("HUNDRED", 100),
];

/// The word class of an upper-case word, if it takes part in temporal expressions.
#[inline]
pub(super) fn lookup(upper: &str) -> Option<Lex> {
    // Every listed word is 1–10 bytes long; skip the hash for anything else.
    if upper.is_empty() || upper.len() > 10 {
        return None;
    }
    WORDS.get(upper).copied()
}

/// For each first letter A–Z, a bit set of the lengths of the trigger words starting
/// with it: most words are ruled out without hashing.
static TRIGGER_SHAPES: LazyLock<[u16; 26]> = LazyLock::new(|| {
    let mut shapes = [0u16; 26];
    for (w, lex) in WORDS.iter() {
        let b = w.as_bytes();
        if lex.triggers() && b[0].is_ascii_uppercase() && b.len() < 16 {
            shapes[(b[0] - b'A') as usize] |= 1 << b.len();
        }
    }
    shapes
});

/// The cheap first test: could this token take part in a temporal expression?
#[inline]
pub(super) fn may_trigger(t: &Token) -> bool {
    let b = t.upper.as_bytes();
    match b.first() {
        None => false,
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if !c.is_ascii_uppercase() => false,
        Some(c) => {
            let shape_fits =
                b.len() < 16 && TRIGGER_SHAPES[(c - b'A') as usize] & (1 << b.len()) != 0;
            (shape_fits && lookup(&t.upper).is_some_and(Lex::triggers)) || b.contains(&b'-')
        }
    }
}

/// A number written in digits (`7`, `24`, `1954`; not `2,014` nor `7.5`).
#[inline]
pub(super) fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A number written out (`seven`, `twenty-five`, `Seven`) or in digits, in upper case.
pub(super) fn number_word(upper: &str) -> Option<u32> {
    if let Some(n) = digits(upper) {
        return Some(n);
    }
    if let Some(Lex::Num(n)) = lookup(upper) {
        return Some(n);
    }
    let (tens, ones) = upper.split_once('-')?;
    match (lookup(tens)?, lookup(ones)?) {
        (Lex::Num(t), Lex::Num(o)) if t >= 20 && t % 10 == 0 && t < 100 && o < 10 => Some(t + o),
        _ => None,
    }
}

/// A unit word in upper case (`YEAR`, `YEARS`).
pub(super) fn unit_word(upper: &str) -> Option<(Unit, bool)> {
    match lookup(upper) {
        Some(Lex::Unit(u, plural)) => Some((u, plural)),
        _ => None,
    }
}

/// A day-of-month number: `5`, `05`, `5th`, `21st`, `22nd`, `3rd`.
pub(super) fn day_number(upper: &str) -> Option<u32> {
    let d = upper
        .strip_suffix("ST")
        .or_else(|| upper.strip_suffix("ND"))
        .or_else(|| upper.strip_suffix("RD"))
        .or_else(|| upper.strip_suffix("TH"))
        .unwrap_or(upper);
    if d.len() > 2 {
        return None;
    }
    digits(d).filter(|n| (1..=31).contains(n))
}

/// A four-digit year 1900–2099 (`2014`).
pub(super) fn year_number(s: &str) -> Option<i32> {
    if s.len() != 4 {
        return None;
    }
    digits(s)
        .filter(|y| (1900..=2099).contains(y))
        .map(|y| y as i32)
}
