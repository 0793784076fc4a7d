//! Numbers with what they count and how sure they are.
//!
//! [`find`] reads one tokenized sentence and returns its quantities: a value (or a range
//! or a vague amount's conventional range), the counted noun as a singular unit, and a
//! qualifier. It works from the words alone (no part-of-speech tags).
//!
//! - **Numbers**: digits with thousands separators and decimals (`94,300`, `3.5`), scale
//!   words and suffixes (`1.5 million`, `2.3bn`, `$5m`, `5 lakh`), written-out numbers
//!   (`seven`, `twenty-five`, `two hundred and fifty`, `a dozen`, `half a million`),
//!   currency signs and codes before the number (`$`, `€`, `£`, `US$`, `EUR`) and
//!   percentages (`3.5%`, `3.5 percent`, `3.5 per cent`).
//! - **Qualifiers** (`data/rules/quantity-words.tsv`): a cue before the number (`about`,
//!   `more than`, `up to`, ...; part of the text), a verbal cue (`is estimated at`; not
//!   part of the text) or a cue after it (`or more`, `or so`); the longest cue wins.
//!   `as many as` is an upper bound (at_most). Ranges: `between X and Y`, `X-Y`, `X to Y`,
//!   `X or Y`, `X – Y`, `range from X to Y` (not `rose from X to Y`, a change); a scale word on the
//!   second number also scales the first when the first is smaller (`5 to 7 million`).
//! - **Vague amounts**: `thousands` 2,000–9,000, `tens of thousands` 20,000–90,000,
//!   `hundreds of thousands`, `dozens` 24–96, `scores` 40–100, `several` 3–9, `a few`
//!   2–4, `several thousand` 3,000–9,000 (low×base to high×base, bases multiplying
//!   along `of` chains). A cue keeps them vague: `at least` drops the upper bound, `up to`
//!   the lower one.
//! - **Unit**: the head of the noun phrase after the number (`70,000 Russian troops`,
//!   `tens of thousands of troops`, `70,000 of its troops`): the first plural or listed
//!   noun, normalised through `data/rules/units.tsv` or singularised by rule. A number
//!   with no noun after it takes the noun of a `number/total/count/tally of NOUN` phrase
//!   or a `death toll` on its left in the same clause, when a link word or verbal cue
//!   (`is`, `stands at`, `rose to`, `is estimated at`) stands right before it.
//! - **Not quantities**: years (a four-digit 1900–2099 integer unless a listed count noun
//!   follows), dates (`December 4`, `4 Dec.`), durations and ages (`10 days`, `seven-year`,
//!   `65-year-old`, `aged 65`), clock times, ordinals, numbers in names and labels
//!   (`Group of Seven`, `G20`, `Flight 17`, `Resolution 2334`), scores (`3-1`), phone-like
//!   digit runs, `one` unless a listed noun follows it (`one of the`, `no one`), and
//!   written-out numbers after a determiner (`the two leaders`) or without a counted noun.
//!
//! The tables are built once; a sentence without a digit or a number word returns at
//! once without allocating.

mod tables;
#[cfg(test)]
mod tests;

use tables::{
    CLOCK, CUE, Cue, CuePos, DET, HEAD, LABEL, LINK, MONTH, RANGE, STOP, Scale, TOLL, Tables,
    UnitKind, tables, word_value,
};
use vigil_model::{Qualifier, Quantity, Span, Token};

/// Finds the quantities of one sentence.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Quantity> {
    let t = tables();
    if !tokens.iter().any(|tok| is_trigger(t, tok)) {
        return Vec::new();
    }
    let scan = Scan {
        t,
        text,
        toks: tokens,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        i = match scan.at(i) {
            Step::Found(q, next) => {
                out.push(q);
                next.max(i + 1)
            }
            Step::Skip(next) => next.max(i + 1),
            Step::Nothing => i + 1,
        };
    }
    out
}

/// The cheap pre-check: a token with a digit or a number or vague-amount word.
fn is_trigger(t: &Tables, tok: &Token) -> bool {
    match tok.upper.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => true,
        Some(b) if b.is_ascii_uppercase() => {
            t.is_trigger_word(&tok.upper)
                || (tok.upper.len() >= 9
                    && matches!(b, b'T' | b'F' | b'S' | b'E' | b'N')
                    && tok.upper.contains('-')
                    && word_value(&tok.upper).is_some())
        }
        _ => false,
    }
}

/// What a scan at one token found.
enum Step {
    /// No number starts here.
    Nothing,
    /// A number that is not a quantity ends before this token.
    Skip(usize),
    /// A quantity; scanning resumes at the token given.
    Found(Quantity, usize),
}

/// What stands before the first number of a possible range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Plain,
    /// `between X and Y`.
    Between,
    /// `range from X to Y`.
    FromRange,
    /// `rose from X to Y`: a change, not a range.
    FromChange,
}

/// A number read from one or more tokens, before its unit.
#[derive(Clone, Copy, Debug)]
struct Simple {
    /// The value, scale words included.
    value: f64,
    /// The number as written, before scale words (`1.5` of `1.5 million`).
    raw: f64,
    /// Product of the scale words and suffixes applied.
    mult: f64,
    /// One past its last token.
    end: usize,
    /// Written out in words.
    words: bool,
    /// Number of digits when a plain integer (no separator, decimal or scale); else 0.
    plain: usize,
    /// The high end of a hyphenated range in one token (`5,000-7,000`).
    high: Option<f64>,
    /// Plain digit count of that high end.
    high_plain: usize,
    /// `5,000-plus`.
    plus: bool,
}

/// The counted noun of a quantity.
#[derive(Clone, Copy, Debug)]
struct Hit {
    /// Token index of the noun (or currency sign).
    idx: usize,
    /// Canonical unit when listed; `None` to singularise the token by rule.
    unit: Option<&'static str>,
    /// Listed in the units table.
    known: bool,
    /// A duration.
    time: bool,
}

/// A number, range or vague amount with its extent, ready for unit and qualifier.
#[derive(Clone, Copy, Debug)]
struct Num {
    /// First token (currency sign and `between` included).
    start: usize,
    /// One past the last token of the number phrase (postfix cue included).
    end: usize,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    /// A range, a vague amount or a postfix cue.
    qualifier: Option<Qualifier>,
    /// Currency sign: token index and unit.
    currency: Option<(usize, &'static str)>,
    /// Allow `of` before the noun (`70,000 of its troops`).
    allow_of: bool,
    /// Quantity only with a counted noun.
    needs_noun: bool,
}

struct Scan<'a> {
    t: &'static Tables,
    text: &'a str,
    toks: &'a [Token],
}

#[inline]
fn starts_digit(tok: &Token) -> bool {
    tok.upper.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

#[inline]
fn is_capitalized(tok: &Token) -> bool {
    tok.text.chars().next().is_some_and(char::is_uppercase)
}

/// Looks like an English plural (`troops`, `Ukrainians`; not `news`, `various`, `its`).
fn plural_looking(upper: &str) -> bool {
    upper.len() > 3
        && upper.ends_with('S')
        && !["SS", "US", "IS", "OUS", "ICS", "'S"]
            .iter()
            .any(|e| upper.ends_with(e))
}

/// The singular of an unlisted plural noun, lower case.
fn singularize(word: &str) -> String {
    let w = word.to_lowercase();
    let n = w.len();
    if w.ends_with("ies") && n > 4 {
        format!("{}y", &w[..n - 3])
    } else if ["sses", "shes", "ches", "xes", "zes", "oes"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        w[..n - 2].to_owned()
    } else if w.ends_with('s') && !w.ends_with("ss") && n > 3 {
        w[..n - 1].to_owned()
    } else {
        w
    }
}

/// Parses digits with thousands separators, a decimal part and a scale suffix
/// (`94,300`, `3.5`, `2.3BN`; `5M` only after a currency sign). Returns the value, the
/// value before the suffix, the suffix factor and the digit count of a plain integer.
fn parse_digits(t: &Tables, s: &str, currency: bool) -> Option<(f64, f64, f64, usize)> {
    let b = s.as_bytes();
    let n = b
        .iter()
        .position(|c| !(c.is_ascii_digit() || *c == b',' || *c == b'.'))
        .unwrap_or(b.len());
    let (num, suffix) = s.split_at(n);
    let nb = num.as_bytes();
    if nb.is_empty() || !nb[0].is_ascii_digit() || !nb[nb.len() - 1].is_ascii_digit() {
        return None;
    }
    let (mut int, mut frac, mut div) = (0.0f64, 0.0f64, 1.0f64);
    let mut in_frac = false;
    let mut separated = false;
    for &c in nb {
        match c {
            b'.' if !in_frac => in_frac = true,
            b'.' => return None,
            b',' if !in_frac => separated = true,
            b',' => return None,
            d if in_frac => {
                div *= 10.0;
                frac += f64::from(d - b'0') / div;
            }
            d => int = int * 10.0 + f64::from(d - b'0'),
        }
    }
    let raw = int + frac;
    let mult = if suffix.is_empty() {
        1.0
    } else {
        let sc: &Scale = t.scales.get(suffix)?;
        if sc.currency_only && !currency {
            return None;
        }
        sc.factor
    };
    let plain = if separated || in_frac || !suffix.is_empty() {
        0
    } else {
        num.len()
    };
    Some((raw * mult, raw, mult, plain))
}

impl Scan<'_> {
    #[inline]
    fn upper(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.upper.as_str())
    }

    #[inline]
    fn class(&self, i: usize) -> u16 {
        self.toks.get(i).map_or(0, |t| self.t.class(&t.upper))
    }

    /// The scale word at `i`, if any.
    fn scale(&self, i: usize, currency: bool) -> Option<Scale> {
        let sc = *self.t.scales.get(self.upper(i))?;
        (!sc.currency_only || currency).then_some(sc)
    }

    /// Tries to read a quantity starting at token `i`.
    fn at(&self, i: usize) -> Step {
        let toks = self.toks;
        let mut start = i;
        let mut k = i;
        let mut currency = None;
        if let Some(u) = self.t.units.get(toks[i].upper.as_str())
            && u.kind == UnitKind::Prefix
        {
            if !toks.get(i + 1).is_some_and(starts_digit) {
                return Step::Nothing;
            }
            currency = Some((i, u.unit));
            k = i + 1;
            // `US$5`: a short upper-case prefix glued to the sign.
            if i > 0 {
                let p = &toks[i - 1];
                if p.span.end == toks[i].span.start
                    && (1..=3).contains(&p.text.len())
                    && p.text.bytes().all(|c| c.is_ascii_uppercase())
                {
                    start = i - 1;
                }
            }
        } else if let Some(num) = self.vague_at(i) {
            return self.finish(num);
        }
        let Some(n1) = self.simple(k, currency.is_some()) else {
            return Step::Nothing;
        };
        let prev = start.checked_sub(1);
        let prev_up = prev.map_or("", |p| self.upper(p));
        // Written-out numbers: names ("Group of Seven"), references ("the two leaders").
        if n1.words {
            let cap = i > 0 && is_capitalized(&toks[k]) && !toks[i - 1].is_punct();
            if cap || self.class(start.wrapping_sub(1)) & DET != 0 || prev_up == "'S" {
                return Step::Skip(n1.end);
            }
        }
        // Ranges: `between X and Y`; `from X to Y` only after `range` ("estimates range
        // from X to Y"), as elsewhere it is a change ("rose from X to Y").
        let open = match prev_up {
            "BETWEEN" => Open::Between,
            "FROM" if self.class(start.wrapping_sub(2)) & RANGE != 0 => Open::FromRange,
            "FROM" => Open::FromChange,
            _ => Open::Plain,
        };
        let mut between = matches!(open, Open::Between | Open::FromRange).then(|| start - 1);
        let mut low = n1.value;
        let mut high = None;
        let mut end = n1.end;
        if let Some(h) = n1.high {
            // A phone-like or score-like pair is not a range.
            let phone = n1.plain > 0 && n1.high_plain >= 4 && h % 100.0 != 0.0;
            if low >= h || phone {
                return Step::Skip(end);
            }
            high = Some(h);
        } else if let Some((l, h, e)) = self.range_tail(&n1, currency.is_some(), open) {
            low = l;
            high = Some(h);
            end = e;
        }
        if high.is_none() {
            between = None;
        }
        if between.is_some() {
            start -= 1;
        }
        let next_up = self.upper(end);
        // Clock times, dates, runs of digits (phone numbers, identifiers).
        if self.class(end) & CLOCK != 0 {
            return Step::Skip(end);
        }
        if n1.plain > 0 && n1.plain <= 2 && (1.0..=31.0).contains(&n1.value) {
            let month_before = self.class(start.wrapping_sub(1)) & MONTH != 0;
            if month_before || self.class(end) & MONTH != 0 {
                return Step::Skip(end);
            }
        }
        if toks.get(end).is_some_and(starts_digit) {
            let mut e = end;
            while toks.get(e).is_some_and(starts_digit) {
                e += 1;
            }
            return Step::Skip(e);
        }
        // Labels and names: "Flight 17", "Resolution 2334", "Nord Stream 2".
        if currency.is_none() && !n1.words && between.is_none() {
            let pc = self.class(start.wrapping_sub(1));
            if pc & LABEL != 0 {
                return Step::Skip(end);
            }
            let name_before = prev.is_some_and(|p| {
                let pt = &toks[p];
                is_capitalized(pt)
                    && pt.text.chars().all(|c| c.is_alphabetic() || c == '-')
                    && pc & (STOP | DET | CUE | LINK | MONTH) == 0
            });
            if name_before && n1.plain > 0 {
                return Step::Skip(end);
            }
            // An age in apposition: "Zelenskyy, 44, said".
            let age = n1.plain > 0
                && n1.value <= 120.0
                && high.is_none()
                && next_up == ","
                && prev_up == ","
                && start >= 2
                && is_capitalized(&toks[start - 2]);
            if age {
                return Step::Skip(end);
            }
        }
        // A cue after the number ("5,000 or more troops", "5,000-plus").
        let mut qualifier = high.map(|_| Qualifier::Range);
        if n1.plus && qualifier.is_none() {
            qualifier = Some(Qualifier::AtLeast);
        }
        if qualifier.is_none()
            && let Some(list) = self.t.cues_after.get(next_up)
            && let Some(cue) = list.iter().find(|c| self.matches(end, c))
        {
            qualifier = Some(cue.qualifier);
            end += cue.words.len();
        }
        let year_like = |v: f64, plain: usize| plain == 4 && (1900.0..=2099.0).contains(&v);
        let num = Num {
            start,
            end,
            value: high.is_none().then_some(low),
            low: high.map(|_| low),
            high,
            qualifier,
            currency,
            // "one of the" is a pronoun; "70,000 of its troops" counts troops.
            allow_of: !(n1.words && n1.value == 1.0),
            needs_noun: n1.words,
        };
        // Years: a quantity only with a listed count noun ("2000 troops").
        if currency.is_none() && year_like(n1.value, n1.plain) {
            let hit = self.unit_after(end, false);
            if !hit.is_some_and(|h| h.known && !h.time) {
                return Step::Skip(end);
            }
        }
        // "one" counts only a listed noun right after it ("one soldier").
        if n1.words && n1.value == 1.0 && high.is_none() {
            let hit = self.unit_after(end, false);
            if !hit.is_some_and(|h| h.known && h.idx == end) {
                return Step::Skip(end);
            }
        }
        self.finish(num)
    }

    /// True when the words of `cue` start at token `i`.
    fn matches(&self, i: usize, cue: &Cue) -> bool {
        cue.words
            .iter()
            .enumerate()
            .all(|(j, w)| self.upper(i + j) == &**w)
    }

    /// A number in digits or words at token `k`, with the scale words after it.
    fn simple(&self, k: usize, currency: bool) -> Option<Simple> {
        let tok = self.toks.get(k)?;
        let u = tok.upper.as_str();
        let mut s = if u.as_bytes().first()?.is_ascii_digit() {
            let mut s = Simple {
                value: 0.0,
                raw: 0.0,
                mult: 1.0,
                end: k + 1,
                words: false,
                plain: 0,
                high: None,
                high_plain: 0,
                plus: false,
            };
            if let Some((a, b)) = u.split_once('-') {
                let (v, raw, mult, plain) = parse_digits(self.t, a, currency)?;
                (s.value, s.raw, s.mult, s.plain) = (v, raw, mult, plain);
                if b == "PLUS" {
                    s.plus = true;
                } else {
                    let (hv, _, _, hp) = parse_digits(self.t, b, currency)?;
                    s.high = Some(hv);
                    s.high_plain = hp;
                }
            } else {
                let (v, raw, mult, plain) = parse_digits(self.t, u, currency)?;
                (s.value, s.raw, s.mult, s.plain) = (v, raw, mult, plain);
            }
            s
        } else {
            let (value, end) = self.written(k)?;
            Simple {
                value,
                raw: value,
                mult: 1.0,
                end,
                words: true,
                plain: 0,
                high: None,
                high_plain: 0,
                plus: false,
            }
        };
        if !s.words {
            while let Some(sc) = self.scale(s.end, currency) {
                s.value *= sc.factor;
                s.mult *= sc.factor;
                s.high = s.high.map(|h| h * sc.factor);
                s.plain = 0;
                s.end += 1;
            }
        }
        Some(s)
    }

    /// A written-out number at `k` (`seven`, `two hundred and fifty`, `a dozen`,
    /// `half a million`): its value and the token after it.
    fn written(&self, k: usize) -> Option<(f64, usize)> {
        #[derive(PartialEq)]
        enum Last {
            Nothing,
            Tens,
            Ones,
            Hundred,
            Scale,
        }
        let after_a = |i: usize| self.scale(i, false).is_some_and(|s| s.after_a);
        let (mut total, mut cur, mut m) = (0.0, 0.0, k);
        match self.upper(k) {
            "A" | "AN" if after_a(k + 1) => (cur, m) = (1.0, k + 1),
            "HALF" if matches!(self.upper(k + 1), "A" | "AN") && after_a(k + 2) => {
                (cur, m) = (0.5, k + 2)
            }
            _ => {}
        }
        let mut last = Last::Nothing;
        loop {
            let u = self.upper(m);
            if let Some(v) = word_value(u) {
                let ok = match last {
                    Last::Nothing => cur == 0.0,
                    Last::Hundred | Last::Scale => true,
                    Last::Tens => v < 10.0,
                    Last::Ones => false,
                };
                if !ok {
                    break;
                }
                cur += v;
                last = if v >= 20.0 && v % 10.0 == 0.0 {
                    Last::Tens
                } else {
                    Last::Ones
                };
            } else if let Some(sc) = self.scale(m, false)
                && cur > 0.0
            {
                if sc.factor == 100.0 {
                    cur *= 100.0;
                    last = Last::Hundred;
                } else {
                    total += cur * sc.factor;
                    cur = 0.0;
                    last = Last::Scale;
                }
            } else if u == "AND"
                && matches!(last, Last::Hundred | Last::Scale)
                && word_value(self.upper(m + 1)).is_some()
            {
                m += 1;
                continue;
            } else {
                break;
            }
            m += 1;
        }
        (last != Last::Nothing).then_some((total + cur, m))
    }

    /// The second half of a range after `n1`: `to Y`, `or Y`, `– Y`, or `and Y` after
    /// `between`. Returns the low and high values and the token after the range.
    fn range_tail(&self, n1: &Simple, currency: bool, open: Open) -> Option<(f64, f64, usize)> {
        let ok = match self.upper(n1.end) {
            "AND" => open == Open::Between,
            "TO" => matches!(open, Open::Plain | Open::FromRange),
            "OR" | "--" => open == Open::Plain,
            _ => false,
        };
        if !ok || n1.high.is_some() || n1.plus {
            return None;
        }
        let mut k = n1.end + 1;
        if currency
            && self
                .t
                .units
                .get(self.upper(k))
                .is_some_and(|u| u.kind == UnitKind::Prefix)
        {
            k += 1;
        }
        let n2 = self.simple(k, currency)?;
        if n2.words != n1.words || n2.high.is_some() {
            return None;
        }
        let low = if n1.mult == 1.0 && n2.mult > 1.0 && n1.raw < n2.raw {
            n1.raw * n2.mult
        } else {
            n1.value
        };
        (low < n2.value).then_some((low, n2.value, n2.end))
    }

    /// A vague amount at `i` (`tens of thousands`, `dozens`, `several hundred`).
    fn vague_at(&self, i: usize) -> Option<Num> {
        let list = self.t.vague.get(self.upper(i))?;
        let v = list.iter().find(|v| {
            v.words
                .iter()
                .enumerate()
                .all(|(j, w)| self.upper(i + j) == &**w)
        })?;
        let (mut low, mut high) = (v.low * v.base, v.high * v.base);
        let mut end = i + v.words.len();
        let mut chained = false;
        if v.plural {
            // "tens of thousands", "hundreds of millions".
            while self.upper(end) == "OF"
                && let Some(next) = self.t.vague.get(self.upper(end + 1))
                && let Some(p) = next.iter().find(|p| p.plural && p.words.len() == 1)
            {
                low *= p.base;
                high *= p.base;
                end += 2;
                chained = true;
            }
        } else {
            // "several thousand", "a few hundred".
            while let Some(sc) = self.scale(end, false) {
                low *= sc.factor;
                high *= sc.factor;
                end += 1;
                chained = true;
            }
        }
        if v.needs_of && !chained && self.upper(end) != "OF" {
            return None;
        }
        Some(Num {
            start: i,
            end,
            value: None,
            low: Some(low),
            high: Some(high),
            qualifier: Some(Qualifier::Vague),
            currency: None,
            allow_of: true,
            needs_noun: v.needs_noun && !chained,
        })
    }

    /// The qualifier cue ending just before token `lead`: its first token and the cue.
    fn cue_before(&self, lead: usize) -> Option<(usize, &'static Cue)> {
        let last = self.upper(lead.checked_sub(1)?);
        let list = self.t.cues_before.get(last)?;
        list.iter().find_map(|c| {
            let first = lead.checked_sub(c.words.len())?;
            self.matches(first, c).then_some((first, c))
        })
    }

    /// A token that may be part of the noun phrase after a number.
    fn is_run_word(&self, m: usize) -> bool {
        let tok = &self.toks[m];
        if !tok.text.chars().next().is_some_and(char::is_alphabetic) {
            return false;
        }
        // An acronym ("US", "IT") is not the pronoun.
        let acronym = tok.text.len() >= 2 && tok.text.bytes().all(|c| c.is_ascii_uppercase());
        acronym || self.t.class(&tok.upper) & STOP == 0
    }

    /// A two-word unit at `m` ("per cent", "percentage points").
    fn two_word(&self, m: usize) -> Option<Hit> {
        let list = self.t.units2.get(self.upper(m))?;
        let second = self.upper(m + 1);
        let (_, u) = list.iter().find(|(w, _)| &**w == second)?;
        Some(Hit {
            idx: m + 1,
            unit: Some(u.unit),
            known: true,
            time: u.kind == UnitKind::Time,
        })
    }

    /// The counted noun after token `j` (the token after the number).
    fn unit_after(&self, j: usize, allow_of: bool) -> Option<Hit> {
        let toks = self.toks;
        let tok = toks.get(j)?;
        let listed = |m: usize| self.t.units.get(toks[m].upper.as_str());
        let hit = |m: usize, u: &tables::Unit| Hit {
            idx: m,
            unit: Some(u.unit),
            known: true,
            time: u.kind == UnitKind::Time,
        };
        if let Some(h) = self.two_word(j) {
            return Some(h);
        }
        if tok.is_punct() {
            return listed(j).map(|u| hit(j, u));
        }
        let mut k = j;
        if allow_of && tok.upper == "OF" {
            k += 1;
            for _ in 0..3 {
                if self.class(k) & DET != 0 {
                    k += 1;
                } else if k < toks.len() && is_capitalized(&toks[k]) && self.upper(k + 1) == "'S" {
                    k += 2;
                } else {
                    break;
                }
            }
        }
        let start = k;
        let mut end = k;
        while end < toks.len() && end - start < 4 && self.is_run_word(end) {
            end += 1;
        }
        // The first plural or listed plural-like noun ("Russian troops", "dead").
        let rule = |m: usize| Hit {
            idx: m,
            unit: None,
            known: false,
            time: false,
        };
        for (m, tk) in toks.iter().enumerate().take(end).skip(start) {
            if let Some(h) = self.two_word(m) {
                return Some(h);
            }
            if let Some(u) = listed(m) {
                // A participle is the noun only on its own ("14,000 dead").
                if u.plural && (u.kind != UnitKind::Adj || (m == start && m + 1 == end)) {
                    return Some(hit(m, u));
                }
            } else if !is_capitalized(tk) && plural_looking(&tk.upper) {
                return Some(rule(m));
            }
        }
        // A capitalized plural ("2,000 Ukrainians"), then a listed singular ("one tank").
        if let Some(m) =
            (start..end).find(|&m| listed(m).is_none() && plural_looking(&toks[m].upper))
        {
            return Some(rule(m));
        }
        (start..end).find_map(|m| {
            listed(m)
                .filter(|u| u.kind != UnitKind::Adj || m == start)
                .map(|u| hit(m, u))
        })
    }

    /// The noun of a `number of NOUN` or `death toll` phrase on the left of a number
    /// whose phrase (or verbal cue) starts at `lead`.
    fn unit_left(&self, lead: usize, linked: bool) -> Option<Hit> {
        let before = lead.checked_sub(1)?;
        if !linked && self.class(before) & LINK == 0 {
            return None;
        }
        let toks = self.toks;
        for m in (before.saturating_sub(30)..=before).rev() {
            let tk = &toks[m];
            if starts_digit(tk)
                || matches!(
                    tk.text.as_str(),
                    "." | ";" | ":" | "--" | "(" | ")" | "\"" | "?" | "!" | "[" | "]"
                )
            {
                return None;
            }
            let c = self.t.class(&tk.upper);
            if c & HEAD != 0 {
                if self.upper(m + 1) != "OF" {
                    return None;
                }
                return self
                    .unit_after(m + 1, true)
                    .filter(|h| !h.time && h.idx < lead);
            }
            if c & TOLL != 0 {
                if m > 0
                    && let Some(u) = self.t.units.get(toks[m - 1].upper.as_str())
                    && matches!(u.kind, UnitKind::Count | UnitKind::Adj)
                {
                    return Some(Hit {
                        idx: m - 1,
                        unit: Some(u.unit),
                        known: true,
                        time: false,
                    });
                }
                return Some(Hit {
                    idx: m,
                    unit: self.t.toll_units.get(tk.upper.as_str()).copied(),
                    known: true,
                    time: false,
                });
            }
        }
        None
    }

    /// Adds unit and qualifier cue to a number and builds the quantity.
    fn finish(&self, num: Num) -> Step {
        let toks = self.toks;
        let cue = self.cue_before(num.start);
        let after = match num.currency {
            Some((idx, unit)) => Some(Hit {
                idx,
                unit: Some(unit),
                known: true,
                time: false,
            }),
            None => self.unit_after(num.end, num.allow_of),
        };
        if after.is_some_and(|h| h.time) {
            return Step::Skip(num.end);
        }
        let left = if after.is_none() {
            let (lead, linked) = match cue {
                Some((first, c)) => (first, c.pos == CuePos::Verb),
                None => (num.start, false),
            };
            self.unit_left(lead, linked)
        } else {
            None
        };
        let hit = after.or(left);
        if num.needs_noun && hit.is_none() {
            return Step::Skip(num.end);
        }
        let (mut value, mut low, mut high) = (num.value, num.low, num.high);
        let cue_q = cue.map(|(_, c)| c.qualifier);
        let qualifier = match num.qualifier {
            Some(Qualifier::Vague) => {
                match cue_q {
                    Some(Qualifier::AtLeast) => high = None,
                    Some(Qualifier::AtMost) => low = None,
                    _ => {}
                }
                Qualifier::Vague
            }
            Some(Qualifier::Range) => Qualifier::Range,
            q => cue_q.or(q).unwrap_or(Qualifier::Exact),
        };
        if qualifier == Qualifier::Range || qualifier == Qualifier::Vague {
            value = None;
        }
        let first = match cue {
            Some((f, c)) if c.pos == CuePos::Before => f,
            _ => num.start,
        };
        let mut last = num.end - 1;
        if let Some(h) = after
            && h.idx >= num.end
        {
            last = h.idx;
        }
        let span = Span::new(
            toks[first].span.start as usize,
            toks[last].span.end as usize,
        );
        let unit = hit.map_or_else(String::new, |h| match h.unit {
            Some(u) => u.to_owned(),
            // A capitalised plural counts people by a nationality or group ("6.5 million
            // Ukrainians", "3,000 Palestinians"): they are persons.
            None if is_capitalized(&toks[h.idx]) => "person".to_owned(),
            None => singularize(&toks[h.idx].text),
        });
        let q = Quantity {
            value,
            low,
            high,
            unit,
            qualifier,
            text: self
                .text
                .get(span.start as usize..span.end as usize)
                .unwrap_or_default()
                .to_owned(),
            span,
            unit_token: hit.map(|h| h.idx),
            tokens: (first, last + 1),
        };
        Step::Found(q, last + 1)
    }
}
