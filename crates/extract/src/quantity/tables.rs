//! The word tables of the quantity finder, built once from `data/rules/units.tsv` and
//! `data/rules/quantity-words.tsv`.
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;
use vigil_model::Qualifier;

const UNITS_TSV: &str = include_str!("../../../../data/rules/units.tsv");
const WORDS_TSV: &str = include_str!("../../../../data/rules/quantity-words.tsv");

/// What a unit surface is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UnitKind {
    /// A counted thing.
    Count,
    /// A currency sign or code that may stand before the number.
    Prefix,
    /// A duration: the number is not a quantity claim.
    Time,
    /// A participle used as a noun ("dead"): the head only at the end of the phrase.
    Adj,
}

/// A listed unit surface.
#[derive(Clone, Copy, Debug)]
pub(super) struct Unit {
    /// Canonical singular unit.
    pub unit: &'static str,
    pub kind: UnitKind,
    /// The surface differs from its unit (`troops`, `lives`): a head noun wherever it
    /// stands in the noun phrase.
    pub plural: bool,
}

/// Where a qualifier cue stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CuePos {
    /// Before the number, part of the quantity's text.
    Before,
    /// Before the number, not part of its text; links the number to a phrase on its left.
    Verb,
    /// After the number, part of its text.
    After,
}

/// A qualifier cue phrase.
#[derive(Debug)]
pub(super) struct Cue {
    /// Upper-case words.
    pub words: Vec<Box<str>>,
    pub qualifier: Qualifier,
    pub pos: CuePos,
}

/// A vague amount word or phrase.
#[derive(Debug)]
pub(super) struct Vague {
    /// Upper-case words.
    pub words: Vec<Box<str>>,
    pub low: f64,
    pub high: f64,
    pub base: f64,
    /// A plural scale word ("thousands"), which may chain ("tens of thousands").
    pub plural: bool,
    /// Only before "of".
    pub needs_of: bool,
    /// Only with a counted noun or a following scale word.
    pub needs_noun: bool,
}

/// A scale word.
#[derive(Clone, Copy, Debug)]
pub(super) struct Scale {
    pub factor: f64,
    /// May follow "a" ("a million").
    pub after_a: bool,
    /// Only after a currency sign ("$5m").
    pub currency_only: bool,
}

/// Word-class bits.
pub(super) const STOP: u16 = 1;
pub(super) const LABEL: u16 = 1 << 1;
pub(super) const DET: u16 = 1 << 2;
pub(super) const LINK: u16 = 1 << 3;
pub(super) const HEAD: u16 = 1 << 4;
pub(super) const TOLL: u16 = 1 << 5;
pub(super) const CLOCK: u16 = 1 << 6;
pub(super) const MONTH: u16 = 1 << 7;
/// A word before `from X to Y` that makes it a range, not a change.
pub(super) const RANGE: u16 = 1 << 10;
/// A word that can start or be part of a number or vague amount: the cheap pre-check.
pub(super) const TRIGGER: u16 = 1 << 8;
/// The first word of a qualifier cue (so it is not read as a name before a number).
pub(super) const CUE: u16 = 1 << 9;

/// All tables.
#[derive(Debug, Default)]
pub(super) struct Tables {
    /// One-word unit surfaces, upper case.
    pub units: FxHashMap<Box<str>, Unit>,
    /// Two-word unit surfaces, by first word: (second word, unit).
    pub units2: FxHashMap<Box<str>, Vec<(Box<str>, Unit)>>,
    /// Cues before the number, by their last word, longest first.
    pub cues_before: FxHashMap<Box<str>, Vec<Cue>>,
    /// Cues after the number, by their first word, longest first.
    pub cues_after: FxHashMap<Box<str>, Vec<Cue>>,
    /// Vague amounts, by their first word, longest first.
    pub vague: FxHashMap<Box<str>, Vec<Vague>>,
    pub scales: FxHashMap<Box<str>, Scale>,
    /// Word-class bits, by upper-case word.
    pub classes: FxHashMap<Box<str>, u16>,
    /// Units of toll heads (`toll` → `death`).
    pub toll_units: FxHashMap<Box<str>, &'static str>,
    /// The trigger words packed by [`pack`].
    pub trigger_keys: FxHashSet<u128>,
    /// For each (first letter, last letter) pair, a bit mask of the lengths of trigger
    /// words with that shape, so that the pre-check rarely hashes a word.
    pub trigger_shapes: Vec<u32>,
}

impl Tables {
    /// The class bits of an upper-case word.
    #[inline]
    pub fn class(&self, upper: &str) -> u16 {
        self.classes.get(upper).copied().unwrap_or(0)
    }

    /// True when an upper-case word (not starting with a digit) is a number word, scale
    /// word or vague-amount word: the cheap pre-check of every token.
    #[inline]
    pub fn is_trigger_word(&self, upper: &str) -> bool {
        let b = upper.as_bytes();
        let len = b.len();
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
            return false;
        };
        if len >= 32 || !first.is_ascii_uppercase() || !last.is_ascii_uppercase() {
            return false;
        }
        let shape = usize::from(first - b'A') * 26 + usize::from(last - b'A');
        if self
            .trigger_shapes
            .get(shape)
            .is_none_or(|m| m & (1 << len) == 0)
        {
            return false;
        }
        match pack(upper) {
            Some(key) => self.trigger_keys.contains(&key),
            None => false,
        }
    }

    fn add_class(&mut self, word: &str, bits: u16) {
        *self.classes.entry(up(word)).or_insert(0) |= bits;
    }
}

/// The tables, built on first use.
pub(super) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| build(UNITS_TSV, WORDS_TSV))
}

fn up(word: &str) -> Box<str> {
    word.to_uppercase().into_boxed_str()
}

fn words_of(phrase: &str) -> Vec<Box<str>> {
    phrase.split_whitespace().map(up).collect()
}

/// Data lines: trimmed, without comments and blank lines.
fn lines(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn build(units_tsv: &'static str, words_tsv: &'static str) -> Tables {
    let mut t = Tables::default();
    for cols in lines(units_tsv) {
        let (Some(&surface), Some(&unit)) = (cols.first(), cols.get(1)) else {
            continue;
        };
        let kind = match cols.get(2).copied().unwrap_or("") {
            "prefix" => UnitKind::Prefix,
            "time" => UnitKind::Time,
            "adj" => UnitKind::Adj,
            _ => UnitKind::Count,
        };
        let u = Unit {
            unit,
            kind,
            plural: !surface.eq_ignore_ascii_case(unit),
        };
        let words = words_of(surface);
        match words.as_slice() {
            [w] => {
                t.units.insert(w.clone(), u);
            }
            [a, b] => t.units2.entry(a.clone()).or_default().push((b.clone(), u)),
            _ => {}
        }
    }
    for cols in lines(words_tsv) {
        let kind = cols[0];
        let arg = cols.get(1).copied().unwrap_or("");
        let qualifier = match kind {
            "approx" => Some(Qualifier::Approx),
            "at_least" => Some(Qualifier::AtLeast),
            "at_most" => Some(Qualifier::AtMost),
            _ => None,
        };
        if let Some(qualifier) = qualifier {
            let pos = match cols.get(2).copied().unwrap_or("") {
                "verb" => CuePos::Verb,
                "after" => CuePos::After,
                _ => CuePos::Before,
            };
            let words = words_of(arg);
            let (Some(first), Some(last)) = (words.first().cloned(), words.last().cloned()) else {
                continue;
            };
            t.add_class(&first, CUE);
            let cue = Cue {
                words,
                qualifier,
                pos,
            };
            let key = if pos == CuePos::After { first } else { last };
            let map = if pos == CuePos::After {
                &mut t.cues_after
            } else {
                &mut t.cues_before
            };
            map.entry(key).or_default().push(cue);
            continue;
        }
        match kind {
            "vague" => {
                let num = |i: usize| cols.get(i).and_then(|s| s.parse::<f64>().ok());
                let (Some(low), Some(high), Some(base)) = (num(2), num(3), num(4)) else {
                    continue;
                };
                let flags = cols.get(5).copied().unwrap_or("");
                let words = words_of(arg);
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                for w in &words {
                    if !matches!(&**w, "A" | "AN" | "OF") {
                        t.add_class(w, TRIGGER);
                    }
                }
                let has = |f: &str| flags.split_whitespace().any(|x| x == f);
                t.vague.entry(first).or_default().push(Vague {
                    words,
                    low,
                    high,
                    base,
                    plural: has("plural"),
                    needs_of: has("of"),
                    needs_noun: has("noun"),
                });
            }
            "scale" => {
                let Some(factor) = cols.get(2).and_then(|s| s.parse::<f64>().ok()) else {
                    continue;
                };
                let flags = cols.get(3).copied().unwrap_or("");
                let currency_only = flags.contains("currency");
                if !currency_only {
                    t.add_class(arg, TRIGGER);
                }
                t.scales.insert(
                    up(arg),
                    Scale {
                        factor,
                        after_a: flags.split_whitespace().any(|f| f == "a"),
                        currency_only,
                    },
                );
            }
            "toll" => {
                let unit = cols.get(2).copied().unwrap_or("death");
                t.add_class(arg, TOLL);
                t.toll_units.insert(up(arg), unit);
            }
            _ => {
                let bits = match kind {
                    "stop" => STOP,
                    "label" => LABEL,
                    "det" => DET,
                    "link" => LINK,
                    "head" => HEAD,
                    "clock" => CLOCK,
                    "month" => MONTH,
                    "range" => RANGE,
                    _ => continue,
                };
                for w in arg.split_whitespace() {
                    t.add_class(w, bits);
                }
            }
        }
    }
    for (w, _) in NUMBER_WORDS {
        t.add_class(w, TRIGGER);
    }
    let triggers: Vec<Box<str>> = t
        .classes
        .iter()
        .filter(|(_, c)| *c & TRIGGER != 0)
        .map(|(w, _)| w.clone())
        .collect();
    t.trigger_shapes = vec![0; 26 * 26];
    for w in triggers {
        let b = w.as_bytes();
        if let (Some(key), Some(&first), Some(&last)) = (pack(&w), b.first(), b.last())
            && first.is_ascii_uppercase()
            && last.is_ascii_uppercase()
        {
            t.trigger_keys.insert(key);
            t.trigger_shapes[usize::from(first - b'A') * 26 + usize::from(last - b'A')] |=
                1 << b.len();
        }
    }
    for list in t.cues_before.values_mut().chain(t.cues_after.values_mut()) {
        list.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
    }
    for list in t.vague.values_mut() {
        list.sort_by_key(|v| std::cmp::Reverse(v.words.len()));
    }
    t
}

/// A word of at most 16 bytes packed into an integer key.
#[inline]
pub(super) fn pack(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if b.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..b.len()].copy_from_slice(b);
    Some(u128::from_le_bytes(buf))
}

/// Written-out numbers below a hundred (compounds like `twenty-five` are read from their
/// parts). English grammar, not data.
const NUMBER_WORDS: [(&str, f64); 27] = [
    ("ONE", 1.0),
    ("TWO", 2.0),
    ("THREE", 3.0),
    ("FOUR", 4.0),
    ("FIVE", 5.0),
    ("SIX", 6.0),
    ("SEVEN", 7.0),
    ("EIGHT", 8.0),
    ("NINE", 9.0),
    ("TEN", 10.0),
    ("ELEVEN", 11.0),
    ("TWELVE", 12.0),
    ("THIRTEEN", 13.0),
    ("FOURTEEN", 14.0),
    ("FIFTEEN", 15.0),
    ("SIXTEEN", 16.0),
    ("SEVENTEEN", 17.0),
    ("EIGHTEEN", 18.0),
    ("NINETEEN", 19.0),
    ("TWENTY", 20.0),
    ("THIRTY", 30.0),
    ("FORTY", 40.0),
    ("FIFTY", 50.0),
    ("SIXTY", 60.0),
    ("SEVENTY", 70.0),
    ("EIGHTY", 80.0),
    ("NINETY", 90.0),
];

/// The value of a written-out number word below a hundred (`SEVEN`, `TWENTY-FIVE`).
pub(super) fn word_value(upper: &str) -> Option<f64> {
    if let Some((tens, ones)) = upper.split_once('-') {
        let t = word_value(tens)?;
        let o = word_value(ones)?;
        return (t >= 20.0 && t % 10.0 == 0.0 && o < 10.0).then_some(t + o);
    }
    if upper.len() < 3 || upper.len() > 9 || !upper.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == upper)
        .map(|&(_, v)| v)
}
