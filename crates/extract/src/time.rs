//! Temporal expressions, found in one sentence and resolved against the publication date.
//!
//! [`find`] works from the words alone (part-of-speech tags only sharpen the tense cues
//! when present). It first checks cheaply whether any token could start a temporal
//! expression — a digit, a hyphenated word, or a weekday, month, unit or deictic word —
//! and returns an empty vector (no allocation) when none does, which is the common case.
//!
//! # What is found and how it resolves
//!
//! | text | kind | resolved (published Sat 2021-12-04) |
//! |---|---|---|
//! | `Saturday`, `Tuesday evening` | point | a day, by the clause's tense (below) |
//! | `last Tuesday` / `next Tuesday` | point | strictly before / after publication |
//! | `Tuesday next week` | point | the Tuesday of next week |
//! | `today`, `tonight`, `this morning` / `yesterday` / `tomorrow`, `last night` | point | the day |
//! | `this week`, `last week`, `next week` | point | a Monday–Sunday day interval |
//! | `earlier this week` / `later this week` | point | Monday … the day before / the day after … Sunday |
//! | `this month`, `earlier this month`, `next month`, `last month` | point | `YYYY-MM` |
//! | `this year`, `later this year`, `next year`, `last year` | point | `YYYY` |
//! | `the weekend`, `this weekend`, `a weekend stay` | point | Saturday–Sunday, by tense (below) |
//! | `last weekend` / `next weekend` | point | the weekend before / after the current one |
//! | `in the coming week`, `the next two weeks`, `over the next three months` | point | the stretch after publication: days from pub+1, months from the next month, years from the next year |
//! | `January`, `in May` (month context) | point | `YYYY-MM` by tense (below) |
//! | `last May` / `next January` | point | strictly before / after the publication month |
//! | `January 5`, `5 January`, `Jan. 5th` | point | a day, year by tense (below) |
//! | `January 5, 2022`, `5 January 2022`, `2021-12-04` | point | the day |
//! | `January 2022`, `mid-January 2022` | point | the month (or its part) |
//! | `2014`, `Russia's 2014 annexation` | point | `YYYY` |
//! | `the 1990s` | point | `1990/1999` |
//! | `early` / `mid` / `late` + year | point | months 01–03 / 05–08 / 10–12 |
//! | `early` / `mid` / `late` + month | point | days 1–10 / 11–20 / 21–end of the month |
//! | `early` / `mid` / `late` + decade | point | years 0–3 / 4–6 / 7–9 |
//! | `early` / `mid` / `late` + week | point | Mon–Wed / Tue–Thu / Thu–Sun |
//! | `the beginning`/`start` / `middle` / `end of` X | point | as early / mid / late X, except a year's beginning and end are its January and December |
//! | `from 2014 to 2016`, `between 2014 and 2016`, `2014-2016`, `2014-16` | point | an interval |
//! | `since 1954`, `since Tuesday` | since | X's start … the publication day (`since` resolves X in the past) |
//! | `a seven-year conflict`, `seven years of war`, `for seven years`, `over the past three years`, `in the past two weeks`, `the past year`, `for the first time in five years` | duration | pub − N units … pub, at the unit's precision (days/weeks/hours: days; months: `YYYY-MM`; years/decades: `YYYY`) |
//! | `three days ago`, `two weeks ago`, `a month ago`, `two years ago` | point | pub − N: a day (days, weeks, hours), a month or a year |
//! | `in two weeks` (future clause) | point | pub + N at the same precision |
//! | `recently`, `soon`, `lately`, `shortly`, `in the past`, `in the (near) future`, `in recent weeks`, `in the coming days`, `for years`, `a few days ago` | vague | none |
//!
//! A compound like `seven-year` is a duration only before a noun of an ongoing state
//! (`war`, `conflict`, `occupation`, `crisis`…, possibly after an adjective: `seven-year
//! civil war`); `a two-day visit` or `a 10-year plan` are not times. `for N units` is
//! skipped in a future clause (`will stay for three days`).
//!
//! **Tense.** A bare weekday, weekend, month or month-day takes the tense of its own
//! clause (see the `tense` submodule: the cheapest cue around the expression, by distance
//! and clause boundaries). Past: the most recent such day/weekend/month on or before
//! publication. Future: a weekday is the next one strictly after publication; a weekend,
//! month or month-day the next one on or after it (the current weekend or month counts).
//! Present (`is`, `are`, modals): as future, but a weekday may be the publication day.
//! No cue: the nearest one to the publication date, ties going to the past.
//!
//! **Not times.** `May` and `March` (and abbreviations like `Jan.`) count as months only
//! next to a day number or a year or after a temporal word (`in`, `since`, `by`, `until`,
//! `from`, `during`, `before`, `after`, `early`, `late`, `mid`, `last`, `next`, `this`,
//! `of`, …); any month or weekday must be capitalised. A four-digit number 1900–2099 is
//! not a year when a count noun follows (`2014 troops`) or a plural noun follows without
//! a determiner or preposition before it, when a currency sign precedes or `%`/`GMT`
//! follows; `2,014` is never a year.
//!
//! **Spans.** The preposition is left out (`on Saturday` → `Saturday`, `in 2014` →
//! `2014`) except where it makes the expression: `since 1954`, `from 2014 to 2016`,
//! `between … and …`, and the duration phrases `for seven years`, `in the past two
//! weeks`, `over the past three years`, `in the coming week`, `in the past`, `in recent
//! weeks`. Determiners that belong to a phrase are kept (`the weekend`, `the 1990s`,
//! `the end of the year`); a time of day after a day is kept (`Tuesday evening`).
mod calendar;
pub(crate) mod lexicon;
mod tense;
#[cfg(test)]
mod tests;

use calendar::Part;
use chrono::{Datelike, NaiveDate};
use lexicon::{Lex, Unit};
use tense::Tense;
use vigil_model::{DateRange, Period, Span, TimeExpr, TimeKind, Token};

/// Finds and resolves the temporal expressions of one sentence.
///
/// `text` is the whole record text, `tokens` the sentence's tokens (spans into `text`),
/// `published` the article's publication date. Expressions come in text order and do not
/// overlap.
pub fn find(text: &str, tokens: &[Token], published: NaiveDate) -> Vec<TimeExpr> {
    if !tokens.iter().any(lexicon::may_trigger) {
        return Vec::new();
    }
    let mut p = Parser {
        toks: tokens,
        lex: tokens.iter().map(|t| lexicon::lookup(&t.upper)).collect(),
        published,
        cues: None,
        forced: None,
        month_ok: false,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match p.at(i) {
            Some(m) if m.end > i && m.start >= i => {
                let span = Span::new(
                    tokens[m.start].span.start as usize,
                    tokens[m.end - 1].span.end as usize,
                );
                let words = text
                    .get(span.start as usize..span.end as usize)
                    .unwrap_or_default();
                out.push(TimeExpr {
                    text: words.to_owned(),
                    span,
                    // An interval that would run backwards ("since 1954" in an article
                    // dated before 1954: a wrong publication date) is left unresolved.
                    resolved: m.value.filter(|r| r.first_day() <= r.last_day()),
                    kind: m.kind,
                });
                i = m.end;
            }
            _ => i += 1,
        }
    }
    out
}

/// A recognised expression: tokens `start..end`.
#[derive(Clone, Copy, Debug)]
struct Match {
    start: usize,
    end: usize,
    value: Option<DateRange>,
    kind: TimeKind,
}

impl Match {
    fn point(start: usize, end: usize, value: DateRange) -> Match {
        Match {
            start,
            end,
            value: Some(value),
            kind: TimeKind::Point,
        }
    }

    fn day(start: usize, end: usize, d: NaiveDate) -> Match {
        Match::point(start, end, DateRange::at(Period::Day(d)))
    }

    fn vague(start: usize, end: usize) -> Match {
        Match {
            start,
            end,
            value: None,
            kind: TimeKind::Vague,
        }
    }

    fn duration(start: usize, end: usize, value: Option<DateRange>) -> Match {
        Match {
            start,
            end,
            value,
            kind: TimeKind::Duration,
        }
    }

    /// The resolved range of a point expression.
    fn point_value(&self) -> Option<DateRange> {
        (self.kind == TimeKind::Point)
            .then_some(self.value)
            .flatten()
    }
}

/// Nouns of an ongoing state that a `seven-year` compound measures back from now.
fn is_ongoing_noun(u: &str) -> bool {
    matches!(
        u,
        "WAR"
            | "WARS"
            | "CONFLICT"
            | "INSURGENCY"
            | "OCCUPATION"
            | "SIEGE"
            | "BLOCKADE"
            | "CRISIS"
            | "STANDOFF"
            | "STAND-OFF"
            | "DISPUTE"
            | "RULE"
            | "REIGN"
            | "STRUGGLE"
            | "CAMPAIGN"
            | "FIGHTING"
            | "FIGHT"
            | "BATTLE"
            | "PRESENCE"
            | "STALEMATE"
            | "VIOLENCE"
            | "UNREST"
            | "FEUD"
            | "RIVALRY"
            | "TENURE"
            | "HOSTILITIES"
            | "REBELLION"
            | "UPRISING"
            | "PROTESTS"
            | "EMBARGO"
            | "ISOLATION"
            | "DROUGHT"
            | "FAMINE"
            | "DETENTION"
            | "CAPTIVITY"
            | "EXILE"
            | "ABSENCE"
            | "HIATUS"
            | "FREEZE"
            | "DEADLOCK"
            | "IMPASSE"
            | "INSURRECTION"
            | "CONFRONTATION"
            | "INTERVENTION"
            | "DICTATORSHIP"
            | "REGIME"
            | "BLOODSHED"
            | "DEPLOYMENT"
            | "CRACKDOWN"
            | "LOCKDOWN"
            | "SANCTIONS"
            | "TENSIONS"
            | "BOYCOTT"
            | "STRIKE"
            | "PANDEMIC"
            | "EPIDEMIC"
            | "RECESSION"
    )
}

/// Words after which a four-digit number is a count (`2014 troops`), not a year.
fn is_count_noun(u: &str) -> bool {
    matches!(
        u,
        "TROOPS"
            | "PEOPLE"
            | "SOLDIERS"
            | "CIVILIANS"
            | "MIGRANTS"
            | "REFUGEES"
            | "DEATHS"
            | "CASES"
            | "PERSONS"
            | "MEMBERS"
            | "WORKERS"
            | "PROTESTERS"
            | "PROTESTORS"
            | "RESIDENTS"
            | "CHILDREN"
            | "MEN"
            | "WOMEN"
            | "CASUALTIES"
            | "VOTES"
            | "HOMES"
            | "HOUSES"
            | "BUILDINGS"
            | "TONNES"
            | "TONS"
            | "BARRELS"
            | "DOLLARS"
            | "EUROS"
            | "KM"
            | "KILOMETRES"
            | "KILOMETERS"
            | "MILES"
            | "METRES"
            | "METERS"
            | "FEET"
            | "VEHICLES"
            | "TANKS"
            | "ROCKETS"
            | "MISSILES"
            | "SHELLS"
            | "DRONES"
            | "ARRESTS"
            | "PRISONERS"
            | "DETAINEES"
            | "FIGHTERS"
            | "POLICE"
            | "OFFICERS"
            | "STUDENTS"
            | "JOBS"
            | "SEATS"
            | "GMT"
            | "UTC"
            | "HRS"
            | "HOURS"
            | "LOCAL"
            | "%"
            | "PERCENT"
            | "PER"
    )
}

/// Words before a temporal expression that make a following `May` or `March` a month.
fn is_month_context(u: &str) -> bool {
    matches!(
        u,
        "IN" | "SINCE"
            | "BY"
            | "UNTIL"
            | "TILL"
            | "FROM"
            | "THROUGH"
            | "DURING"
            | "BEFORE"
            | "AFTER"
            | "EARLY"
            | "LATE"
            | "MID"
            | "LAST"
            | "NEXT"
            | "THIS"
            | "OF"
            | "BETWEEN"
            | "THROUGHOUT"
            | "PAST"
            | "COMING"
            | "EARLIER"
            | "LATER"
    )
}

/// The sentence being read.
struct Parser<'a> {
    toks: &'a [Token],
    lex: Vec<Option<Lex>>,
    published: NaiveDate,
    /// Tense cues, computed the first time an expression needs its clause's tense.
    cues: Option<Vec<Option<Tense>>>,
    /// A tense imposed by the context (`since` looks back).
    forced: Option<Tense>,
    /// A month name needs no further context (the second end of a range).
    month_ok: bool,
}

impl Parser<'_> {
    fn up(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.upper.as_str())
    }

    fn lx(&self, i: usize) -> Option<Lex> {
        self.lex.get(i).copied().flatten()
    }

    /// True when token `i` starts with a capital letter.
    fn cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.text.starts_with(|c: char| c.is_uppercase()))
    }

    /// A unit at token `i`.
    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lx(i) {
            Some(Lex::Unit(u, plural)) => Some((u, plural)),
            _ => None,
        }
    }

    /// The tense of the clause around tokens `start..end`.
    fn tense(&mut self, start: usize, end: usize) -> Option<Tense> {
        if self.forced.is_some() {
            return self.forced;
        }
        let toks = self.toks;
        let cues = self.cues.get_or_insert_with(|| tense::cues(toks));
        tense::tense_around(toks, cues, start, end)
    }

    /// The expression starting at token `i`, if any.
    fn at(&mut self, i: usize) -> Option<Match> {
        match self.lx(i) {
            Some(Lex::Since) => return self.since(i),
            Some(Lex::From | Lex::Between) => {
                if let Some(m) = self.range(i) {
                    return Some(m);
                }
            }
            Some(Lex::DurationPrep) => {
                if let Some(m) = self.prep(i) {
                    return Some(m);
                }
            }
            _ => {}
        }
        self.expr(i)
    }

    /// An expression without a leading preposition.
    fn expr(&mut self, i: usize) -> Option<Match> {
        let u = self.up(i);
        let first = *u.as_bytes().first()?;
        if first.is_ascii_digit() {
            return self.numeric(i);
        }
        let p = self.published;
        match self.lx(i) {
            Some(Lex::Weekday(wd)) if self.cap(i) => self.weekday(i, wd),
            Some(Lex::Month(m)) if self.cap(i) => self.month(i, m, false),
            Some(Lex::MonthAmbiguous(m)) if self.cap(i) => self.month(i, m, true),
            Some(Lex::Today) => Some(Match::day(i, self.time_of_day(i + 1), p)),
            Some(Lex::Tonight) => Some(Match::day(i, i + 1, p)),
            Some(Lex::Yesterday) => Some(Match::day(
                i,
                self.time_of_day(i + 1),
                calendar::shift(p, -1),
            )),
            Some(Lex::Tomorrow) => Some(Match::day(
                i,
                self.time_of_day(i + 1),
                calendar::shift(p, 1),
            )),
            Some(Lex::Next | Lex::Last | Lex::This | Lex::Past | Lex::Coming) => self.relative(i),
            Some(Lex::The) => self.the(i),
            Some(Lex::Early) => self.part(i, Part::Early),
            Some(Lex::Mid) => self.part(i, Part::Mid),
            Some(Lex::Late) => self.part(i, Part::Late),
            Some(Lex::Earlier | Lex::Later) => self.earlier_later(i),
            Some(Lex::Weekend) => {
                let t = self.tense(i, i + 1);
                Some(Match::point(i, i + 1, calendar::weekend_in(p, t)))
            }
            // "as soon as", "as late as": a conjunction or a comparison, not a time.
            Some(Lex::VagueAdverb)
                if i > 0
                    && self.toks[i - 1].upper == "AS"
                    && self.toks.get(i + 1).is_some_and(|t| t.upper == "AS") =>
            {
                None
            }
            Some(Lex::VagueAdverb) => Some(Match::vague(i, i + 1)),
            Some(Lex::A | Lex::Num(_) | Lex::VagueCount) => self.counted(i),
            _ if u.contains('-') => self.hyphenated(i),
            _ => None,
        }
    }

    /// Extends a day expression ending before `j` over a time of day (`evening`).
    fn time_of_day(&self, j: usize) -> usize {
        if self.lx(j) == Some(Lex::TimeOfDay) {
            j + 1
        } else {
            j
        }
    }

    /// A count at `i` (`seven`, `24`, `a`, `a few`): the number (`None` when vague) and
    /// the token after it.
    fn count(&self, i: usize) -> Option<(Option<u32>, usize)> {
        match self.lx(i) {
            Some(Lex::A) => match self.up(i + 1) {
                "FEW" => Some((None, i + 2)),
                "COUPLE" if self.up(i + 2) == "OF" => Some((Some(2), i + 3)),
                _ => Some((Some(1), i + 1)),
            },
            Some(Lex::VagueCount) => Some((None, i + 1)),
            _ => {
                let n = lexicon::number_word(self.up(i))?;
                (1..=1000).contains(&n).then_some((Some(n), i + 1))
            }
        }
    }

    /// The token after an approximation before a count (`almost`, `more than`), or `j`.
    fn skip_qualifier(&self, j: usize) -> usize {
        match (self.up(j), self.up(j + 1)) {
            ("MORE" | "LESS" | "FEWER", "THAN") | ("AT", "LEAST") | ("UP", "TO") => j + 2,
            (
                "ALMOST" | "NEARLY" | "ABOUT" | "AROUND" | "OVER" | "ROUGHLY" | "APPROXIMATELY"
                | "JUST" | "ONLY" | "SOME" | "UNDER",
                _,
            ) if self.count(j + 1).is_some_and(|(n, _)| n.is_some()) => j + 1,
            _ => j,
        }
    }

    /// `three days ago`, `a few weeks ago`, `seven years of war`.
    fn counted(&mut self, i: usize) -> Option<Match> {
        let (n, j) = self.count(i)?;
        let (unit, _) = self.unit(j)?;
        match self.lx(j + 1) {
            Some(Lex::Ago) => Some(match n {
                Some(n) => Match::point(i, j + 2, calendar::offset(self.published, n, unit, -1)),
                None => Match::vague(i, j + 2),
            }),
            Some(Lex::Of) => {
                let k = (j + 2..j + 4).find(|&k| is_ongoing_noun(self.up(k)))?;
                if (j + 2..k).any(|x| !self.is_lower_word(x)) {
                    return None;
                }
                let value = n.and_then(|n| calendar::duration_back(self.published, n, unit));
                Some(Match::duration(i, k + 1, value))
            }
            _ => None,
        }
    }

    /// True for a lower-case word (an adjective between a compound and its noun).
    fn is_lower_word(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.text.chars().all(|c| c.is_lowercase() || c == '-'))
    }

    /// A token starting with a digit.
    fn numeric(&mut self, i: usize) -> Option<Match> {
        let u = self.up(i);
        if u.contains('-') {
            return self.hyphenated(i);
        }
        if let Some(y) = decade(u) {
            return Some(Match::point(i, i + 1, decade_range(y)));
        }
        if let Some(y) = lexicon::year_number(u)
            && !self.year_is_count(i)
        {
            return Some(self.year(i, y));
        }
        if lexicon::day_number(u).is_some()
            && let Some(m) = self.day_month(i)
        {
            return Some(m);
        }
        self.counted(i)
    }

    /// True when the four-digit number at `i` counts things (`2014 troops`).
    fn year_is_count(&self, i: usize) -> bool {
        let prev = if i == 0 { "" } else { self.up(i - 1) };
        if matches!(
            prev,
            "$" | "€" | "£" | "US$" | "NO." | "NUMBER" | "RESOLUTION" | "FLIGHT" | "ROUTE" | "#"
        ) {
            return true;
        }
        if matches!(
            prev,
            "IN" | "SINCE" | "BY" | "UNTIL" | "DURING" | "FROM" | "THROUGH" | "TILL" | "OF"
        ) {
            return false;
        }
        let next = self.up(i + 1);
        if is_count_noun(next) {
            return true;
        }
        // Another plural noun, with no determiner or preposition saying `the 2014 ...`.
        let lower_plural = self.is_lower_word(i + 1)
            && next.len() > 3
            && next.ends_with('S')
            && !next.ends_with("SS")
            && !next.ends_with("US")
            && !next.ends_with("IS");
        lower_plural
            && !matches!(
                prev,
                "THE"
                    | "ITS"
                    | "THEIR"
                    | "HIS"
                    | "HER"
                    | "'S"
                    | "IN"
                    | "SINCE"
                    | "OF"
                    | "BY"
                    | "UNTIL"
                    | "DURING"
                    | "FROM"
                    | "AFTER"
                    | "BEFORE"
                    | "THROUGH"
                    | "TILL"
                    | "AND"
                    | "TO"
                    | ","
            )
    }

    /// A year at `i`, possibly the start of a range (`2014 to 2016`) or a decade written
    /// `1990's`.
    fn year(&mut self, i: usize, y: i32) -> Match {
        if self.up(i + 1) == "'S" && y % 10 == 0 && i > 0 && self.up(i - 1) == "THE" {
            return Match::point(i, i + 2, decade_range(y));
        }
        if self.lx(i + 1) == Some(Lex::RangeTo)
            && let Some(y2) = lexicon::year_number(self.up(i + 2))
            && y2 > y
        {
            return Match::point(
                i,
                i + 3,
                DateRange::between(Period::Year(y), Period::Year(y2)),
            );
        }
        Match::point(i, i + 1, DateRange::at(Period::Year(y)))
    }

    /// `5 January`, `5th of January 2022`.
    fn day_month(&mut self, i: usize) -> Option<Match> {
        let d = lexicon::day_number(self.up(i))?;
        let mut j = i + 1;
        if self.up(j) == "OF" {
            j += 1;
        }
        let m = match self.lx(j) {
            Some(Lex::Month(m) | Lex::MonthAmbiguous(m)) if self.cap(j) => m,
            _ => return None,
        };
        self.day_of_month(i, j + 1, m, d)
    }

    /// A day `d` of month `m` whose words end before `end`, possibly followed by a year.
    fn day_of_month(&mut self, start: usize, end: usize, m: u32, d: u32) -> Option<Match> {
        let year = if self.up(end) == "," {
            lexicon::year_number(self.up(end + 1)).map(|y| (y, end + 2))
        } else {
            lexicon::year_number(self.up(end)).map(|y| (y, end + 1))
        };
        if let Some((y, e)) = year {
            return Some(Match::day(start, e, calendar::ymd(y, m, d)?));
        }
        let t = self.tense(start, end);
        let day = calendar::month_day_in(self.published, m, d, t)?;
        Some(Match::day(start, end, day))
    }

    /// A month name at `i`: `January 5`, `January 5, 2022`, `January 2022`, `January`.
    fn month(&mut self, i: usize, m: u32, ambiguous: bool) -> Option<Match> {
        if let Some((a, b)) = self.up(i + 1).split_once('-')
            && let (Some(d1), Some(d2)) = (lexicon::day_number(a), lexicon::day_number(b))
            && d1 < d2
        {
            // `Dec. 9-10`: the year of the first day holds for both.
            let first = self.day_of_month(i, i + 2, m, d1)?;
            let Some(DateRange {
                start: Period::Day(d),
                end: None,
            }) = first.value
            else {
                return None;
            };
            let last = calendar::ymd(d.year(), m, d2)?;
            return Some(Match::point(i, first.end, calendar::days(d, last)));
        }
        if let Some(d) = lexicon::day_number(self.up(i + 1))
            && !is_count_noun(self.up(i + 2))
        {
            return self.day_of_month(i, i + 2, m, d);
        }
        if let Some(y) = lexicon::year_number(self.up(i + 1)) {
            return Some(Match::point(i, i + 2, DateRange::at(Period::Month(y, m))));
        }
        if self.up(i + 1) == "OF"
            && let Some(y) = lexicon::year_number(self.up(i + 2))
        {
            return Some(Match::point(i, i + 3, DateRange::at(Period::Month(y, m))));
        }
        if ambiguous && !self.month_ok && (i == 0 || !is_month_context(self.up(i - 1))) {
            return None;
        }
        let t = self.tense(i, i + 1);
        Some(Match::point(
            i,
            i + 1,
            DateRange::at(calendar::month_in(self.published, m, t)),
        ))
    }

    /// A weekday at `i`, with what may follow it.
    fn weekday(&mut self, i: usize, wd: u32) -> Option<Match> {
        // `Tuesday, December 7`, `Tuesday 7 December 2021`: the date decides.
        let k = if self.up(i + 1) == "," { i + 2 } else { i + 1 };
        if let Some(m) = self.explicit_day(k) {
            return Some(Match { start: i, ..m });
        }
        // `Tuesday next week`.
        let shift = match self.lx(i + 1) {
            Some(Lex::Last) => Some(-1),
            Some(Lex::This) => Some(0),
            Some(Lex::Next) => Some(1),
            _ => None,
        };
        if let Some(n) = shift
            && self.unit(i + 2) == Some((Unit::Week, false))
        {
            let (monday, _) = calendar::week(self.published, n);
            return Some(Match::day(i, i + 3, calendar::shift(monday, wd as i64)));
        }
        let end = self.time_of_day(i + 1);
        let t = self.tense(i, end);
        Some(Match::day(
            i,
            end,
            calendar::weekday_in(self.published, wd, t),
        ))
    }

    /// A date at day precision starting at `k` (`December 7`, `7 December 2021`).
    fn explicit_day(&mut self, k: usize) -> Option<Match> {
        let m = match self.lx(k) {
            Some(Lex::Month(_) | Lex::MonthAmbiguous(_))
                if lexicon::day_number(self.up(k + 1)).is_some() =>
            {
                self.expr(k)?
            }
            _ if lexicon::day_number(self.up(k)).is_some() => self.day_month(k)?,
            _ => return None,
        };
        matches!(
            m.point_value(),
            Some(DateRange {
                start: Period::Day(_),
                end: None
            })
        )
        .then_some(m)
    }

    /// `next`/`last`/`this`/`past`/`coming` at `i` followed by a unit, weekday, month or
    /// weekend.
    fn relative(&mut self, i: usize) -> Option<Match> {
        let w = self.lx(i)?;
        let j = i + 1;
        let p = self.published;
        if w == Lex::This && self.lx(j) == Some(Lex::TimeOfDay) {
            return Some(Match::day(i, j + 1, p));
        }
        if w == Lex::Last && self.up(j) == "NIGHT" {
            return Some(Match::day(i, j + 1, calendar::shift(p, -1)));
        }
        if w == Lex::This && self.lx(j) == Some(Lex::Past) {
            // `this past week`, `this past weekend`.
            return self.stretch(i, j, true, false);
        }
        match self.lx(j) {
            Some(Lex::Weekday(wd)) if self.cap(j) => {
                let end = self.time_of_day(j + 1);
                let d = match w {
                    Lex::Last | Lex::Past => calendar::weekday_strict(p, wd, false),
                    Lex::Next => calendar::weekday_strict(p, wd, true),
                    Lex::Coming => calendar::weekday_in(p, wd, Some(Tense::Future)),
                    _ => {
                        let t = self.tense(i, end);
                        calendar::weekday_in(p, wd, t)
                    }
                };
                return Some(Match::day(i, end, d));
            }
            Some(Lex::Month(m) | Lex::MonthAmbiguous(m)) if self.cap(j) => {
                let period = match w {
                    Lex::Last | Lex::Past => calendar::month_strict(p, m, false),
                    Lex::Next => calendar::month_strict(p, m, true),
                    Lex::Coming => calendar::month_in(p, m, Some(Tense::Future)),
                    _ => {
                        let t = self.tense(i, j + 1);
                        calendar::month_in(p, m, t)
                    }
                };
                return Some(Match::point(i, j + 1, DateRange::at(period)));
            }
            Some(Lex::Weekend) => {
                let r = match w {
                    Lex::Last => calendar::weekend_strict(p, false),
                    Lex::Next => calendar::weekend_strict(p, true),
                    Lex::Past => calendar::weekend_in(p, Some(Tense::Past)),
                    Lex::Coming => calendar::weekend_in(p, Some(Tense::Future)),
                    _ => {
                        let t = self.tense(i, j + 1);
                        calendar::weekend_in(p, t)
                    }
                };
                return Some(Match::point(i, j + 1, r));
            }
            Some(Lex::Unit(unit, false)) if matches!(w, Lex::Next | Lex::Last | Lex::This) => {
                let n = match w {
                    Lex::Next => 1,
                    Lex::Last => -1,
                    _ => 0,
                };
                if unit == Unit::Day {
                    return None;
                }
                return Some(Match::point(i, j + 1, calendar::relative(p, n, unit)?));
            }
            _ => {}
        }
        if w == Lex::This {
            return None;
        }
        self.stretch(i, i, false, false)
    }

    /// A stretch of time around now: `past`/`last`/`coming`/`next` at `j`, then a count
    /// and a unit, in words `start..`. `the` says the phrase had an article (or a
    /// preposition): only then is `last week` a duration rather than a calendar week;
    /// `next` makes a stretch only after a preposition (`next_ok`).
    fn stretch(&mut self, start: usize, j: usize, the: bool, next_ok: bool) -> Option<Match> {
        let w = self.lx(j)?;
        let back = match w {
            Lex::Past | Lex::Last => true,
            Lex::Coming | Lex::Next => false,
            _ => return None,
        };
        let p = self.published;
        if self.lx(j + 1) == Some(Lex::Weekend) {
            let t = if back { Tense::Past } else { Tense::Future };
            return Some(Match::point(start, j + 2, calendar::weekend_in(p, Some(t))));
        }
        let (n, k) = match self.count(j + 1) {
            Some((n, k)) if self.unit(k).is_some() => (n, k),
            _ => (Some(1), j + 1),
        };
        let (unit, plural) = self.unit(k)?;
        let counted = k > j + 1;
        if !counted && (!the || (w == Lex::Next && !next_ok)) {
            return None;
        }
        if !counted && plural {
            // `the past weeks`, `the coming months`.
            return Some(Match::vague(start, k + 1));
        }
        let Some(n) = n else {
            return Some(Match::vague(start, k + 1));
        };
        Some(if back {
            Match::duration(start, k + 1, calendar::duration_back(p, n, unit))
        } else {
            Match::point(start, k + 1, calendar::duration_ahead(p, n, unit)?)
        })
    }

    /// A phrase starting with `the` at `i`.
    fn the(&mut self, i: usize) -> Option<Match> {
        let j = i + 1;
        match self.lx(j) {
            Some(Lex::Weekend) => {
                let t = self.tense(i, j + 1);
                Some(Match::point(
                    i,
                    j + 1,
                    calendar::weekend_in(self.published, t),
                ))
            }
            Some(Lex::Past | Lex::Last | Lex::Coming | Lex::Next) => {
                self.stretch(i, j, true, false)
            }
            Some(Lex::Early | Lex::Mid | Lex::Late)
                if decade(self.up(j + 1)).is_some() && self.lx(j) != Some(Lex::Mid) =>
            {
                let m = self.expr(j)?;
                Some(Match { start: i, ..m })
            }
            Some(Lex::End) => self.end_of(i, j, Part::Late),
            Some(Lex::Start) => self.end_of(i, j, Part::Early),
            Some(Lex::Mid) if self.up(j) == "MIDDLE" => self.end_of(i, j, Part::Mid),
            _ => {
                let u = self.up(j);
                if let Some(y) = decade(u) {
                    return Some(Match::point(i, j + 1, decade_range(y)));
                }
                if let Some(y) = lexicon::year_number(u)
                    && self.up(j + 1) == "'S"
                    && y % 10 == 0
                {
                    return Some(Match::point(i, j + 2, decade_range(y)));
                }
                None
            }
        }
    }

    /// `the end of X`, `the beginning of X`, `the middle of X` (`the` at `i`, the noun at
    /// `j`).
    fn end_of(&mut self, i: usize, j: usize, part: Part) -> Option<Match> {
        if self.up(j + 1) != "OF" {
            return None;
        }
        let k = j + 2;
        let p = self.published;
        let (value, end) = if matches!(self.lx(k), Some(Lex::The)) && self.unit(k + 1).is_some() {
            // `the end of the year`: the current one.
            let (unit, plural) = self.unit(k + 1)?;
            if plural {
                return None;
            }
            (calendar::relative(p, 0, unit)?, k + 2)
        } else {
            let m = self.expr(k)?;
            (m.point_value()?, m.end)
        };
        let narrowed = match (value.start, value.end, part) {
            (Period::Year(y), None, Part::Late) => DateRange::at(Period::Month(y, 12)),
            (Period::Year(y), None, Part::Early) => DateRange::at(Period::Month(y, 1)),
            _ => calendar::narrow(value, part)?,
        };
        Some(Match::point(i, end, narrowed))
    }

    /// `early`/`mid`/`late` at `i` before a point (`early next year`, `late 2021`,
    /// `early in January`, `late Tuesday`).
    fn part(&mut self, i: usize, part: Part) -> Option<Match> {
        let mut j = i + 1;
        if matches!(self.up(j), "IN" | "ON") {
            j += 1;
        }
        let m = self.expr(j)?;
        let value = calendar::narrow(m.point_value()?, part)?;
        Some(Match::point(i, m.end, value))
    }

    /// `earlier this week`, `later this month`, `earlier today`.
    fn earlier_later(&mut self, i: usize) -> Option<Match> {
        let earlier = self.lx(i) == Some(Lex::Earlier);
        let p = self.published;
        let (unit, end) = match (self.lx(i + 1), self.lx(i + 2)) {
            (Some(Lex::Today), _) => return Some(Match::day(i, i + 2, p)),
            (Some(Lex::This), Some(Lex::TimeOfDay)) => return Some(Match::day(i, i + 3, p)),
            (Some(Lex::This), Some(Lex::Unit(u, false))) => (u, i + 3),
            (Some(Lex::DurationPrep), Some(Lex::The)) if self.up(i + 1) == "IN" => {
                match self.unit(i + 3) {
                    Some((u, false)) => (u, i + 4),
                    _ => return None,
                }
            }
            _ => return None,
        };
        let value = match unit {
            Unit::Week => {
                let (monday, sunday) = calendar::week(p, 0);
                if earlier {
                    calendar::days(monday, calendar::shift(p, -1).max(monday))
                } else {
                    calendar::days(calendar::shift(p, 1).min(sunday), sunday)
                }
            }
            Unit::Month | Unit::Year => calendar::relative(p, 0, unit)?,
            _ => return None,
        };
        Some(Match::point(i, end, value))
    }

    /// A hyphenated token: `2021-12-04`, `2014-2016`, `mid-2022`, `mid-January`,
    /// `seven-year` (before an ongoing noun), `twenty-five`.
    fn hyphenated(&mut self, i: usize) -> Option<Match> {
        let u = self.up(i);
        let mut parts = u.split('-');
        let (a, b, c) = (parts.next()?, parts.next()?, parts.next());
        let rest = parts.next();
        // Dates and year ranges.
        if let Some(y) = lexicon::year_number(a) {
            if let Some(c) = c {
                if rest.is_none() && b.len() == 2 && c.len() == 2 {
                    let d = calendar::ymd(y, lexicon::digits(b)?, lexicon::digits(c)?)?;
                    return Some(Match::day(i, i + 1, d));
                }
                return None;
            }
            if let Some(y2) = lexicon::year_number(b) {
                return (y2 > y).then(|| {
                    Match::point(
                        i,
                        i + 1,
                        DateRange::between(Period::Year(y), Period::Year(y2)),
                    )
                });
            }
            if b.len() == 2 {
                let n = lexicon::digits(b)? as i32;
                let y2 = y / 100 * 100 + n;
                if y2 > y {
                    return Some(Match::point(
                        i,
                        i + 1,
                        DateRange::between(Period::Year(y), Period::Year(y2)),
                    ));
                }
                if (1..=12).contains(&n) {
                    return Some(Match::point(
                        i,
                        i + 1,
                        DateRange::at(Period::Month(y, n as u32)),
                    ));
                }
            }
            return None;
        }
        // `mid-2022`, `early-2022`, `mid-January`, `mid-1990s`.
        let part = match a {
            "MID" => Some(Part::Mid),
            "EARLY" => Some(Part::Early),
            "LATE" => Some(Part::Late),
            _ => None,
        };
        if let Some(part) = part {
            if c.is_some() {
                return None;
            }
            let (value, end) = if let Some(y) = lexicon::year_number(b) {
                (DateRange::at(Period::Year(y)), i + 1)
            } else if let Some(y) = decade(b) {
                (decade_range(y), i + 1)
            } else if let Some(Lex::Month(m) | Lex::MonthAmbiguous(m)) = lexicon::lookup(b) {
                if let Some(y) = lexicon::year_number(self.up(i + 1)) {
                    (DateRange::at(Period::Month(y, m)), i + 2)
                } else {
                    let t = self.tense(i, i + 1);
                    (
                        DateRange::at(calendar::month_in(self.published, m, t)),
                        i + 1,
                    )
                }
            } else {
                return None;
            };
            return Some(Match::point(i, end, calendar::narrow(value, part)?));
        }
        // `seven-year conflict`, `20-year-long war`, `decade-old` is not counted.
        if let (Some(n), Some((unit, false))) = (lexicon::number_word(a), lexicon::unit_word(b)) {
            if !matches!(c, None | Some("LONG" | "OLD")) || rest.is_some() {
                return None;
            }
            let k = (i + 1..i + 4).find(|&k| is_ongoing_noun(self.up(k)))?;
            if (i + 1..k).any(|x| !self.is_lower_word(x)) {
                return None;
            }
            return Some(Match::duration(
                i,
                k + 1,
                calendar::duration_back(self.published, n, unit),
            ));
        }
        if lexicon::number_word(u).is_some() {
            return self.counted(i);
        }
        None
    }

    /// `since X`: X's start to the publication day.
    fn since(&mut self, i: usize) -> Option<Match> {
        let saved = self.forced.replace(Tense::Past);
        let inner = self.expr(i + 1);
        self.forced = saved;
        let inner = inner?;
        let start = inner.point_value()?.start;
        Some(Match {
            start: i,
            end: inner.end,
            value: Some(DateRange::between(start, Period::Day(self.published))),
            kind: TimeKind::Since,
        })
    }

    /// `from X to Y`, `between X and Y`.
    fn range(&mut self, i: usize) -> Option<Match> {
        let x = self.expr(i + 1)?;
        let a = x.point_value()?;
        if a.end.is_some() && (i + 1..x.end).any(|k| self.lx(k) == Some(Lex::RangeTo)) {
            // `from 2014 to 2016` was read whole as a year range.
            return Some(Match { start: i, ..x });
        }
        if !matches!(self.lx(x.end), Some(Lex::RangeTo | Lex::And)) {
            return None;
        }
        let saved = std::mem::replace(&mut self.month_ok, true);
        let y = self.expr(x.end + 1);
        self.month_ok = saved;
        let y = y?;
        let b = y.point_value()?;
        if a.first_day() > b.last_day() {
            return None;
        }
        Some(Match::point(
            i,
            y.end,
            DateRange::between(a.start, b.end.unwrap_or(b.start)),
        ))
    }

    /// A phrase headed by `in`, `over`, `for`, `during`, `within` or `throughout` at `i`.
    fn prep(&mut self, i: usize) -> Option<Match> {
        let prep = match self.up(i) {
            "IN" => "IN",
            "FOR" => "FOR",
            "WITHIN" => "WITHIN",
            _ => "",
        };
        let j = i + 1;
        match (self.lx(j), self.lx(j + 1)) {
            (Some(Lex::The), Some(Lex::Past))
                if prep == "IN"
                    && self.unit(j + 2).is_none()
                    && self
                        .count(j + 2)
                        .is_none_or(|(_, k)| self.unit(k).is_none()) =>
            {
                return Some(Match::vague(i, j + 2));
            }
            (Some(Lex::The), Some(Lex::Future)) if prep == "IN" => {
                return Some(Match::vague(i, j + 2));
            }
            (Some(Lex::The), Some(Lex::Near)) if self.lx(j + 2) == Some(Lex::Future) => {
                return Some(Match::vague(i, j + 3));
            }
            (Some(Lex::Recent), Some(Lex::Unit(_, true))) => return Some(Match::vague(i, j + 2)),
            (Some(Lex::The), Some(Lex::Past | Lex::Last | Lex::Coming | Lex::Next)) => {
                return self.stretch(i, j + 1, true, true);
            }
            (Some(Lex::Past | Lex::Last | Lex::Coming | Lex::Next), _) => {
                if let Some(m) = self.stretch(i, j, false, false) {
                    return Some(m);
                }
                return None;
            }
            (Some(Lex::Unit(_, true)), _) if prep == "FOR" => {
                return Some(Match::vague(i, j + 1));
            }
            _ => {}
        }
        // `for seven years`, `in two weeks`, `within three days`, `for almost eight years`.
        let j = self.skip_qualifier(j);
        let (n, k) = self.count(j)?;
        let (unit, _) = self.unit(k)?;
        if matches!(self.lx(k + 1), Some(Lex::Ago | Lex::Of)) {
            return None;
        }
        let future = matches!(self.tense(i, k + 1), Some(Tense::Future));
        let p = self.published;
        match prep {
            "FOR" if future => None,
            "FOR" | "IN" if n.is_none() => Some(Match::vague(i, k + 1)),
            "FOR" => Some(Match::duration(
                i,
                k + 1,
                calendar::duration_back(p, n?, unit),
            )),
            "IN" if future => Some(Match::point(i, k + 1, calendar::offset(p, n?, unit, 1))),
            "IN" => Some(Match::duration(
                i,
                k + 1,
                calendar::duration_back(p, n?, unit),
            )),
            "WITHIN" if future => Some(Match::point(
                i,
                k + 1,
                calendar::duration_ahead(p, n?, unit)?,
            )),
            _ => None,
        }
    }
}

/// A decade written `1990S` (upper case of `1990s`): its first year.
fn decade(u: &str) -> Option<i32> {
    let y = lexicon::year_number(u.strip_suffix('S')?)?;
    (y % 10 == 0).then_some(y)
}

/// The years of a decade.
fn decade_range(y: i32) -> DateRange {
    DateRange::between(Period::Year(y), Period::Year(y + 9))
}
