//! The tense of the clause around a temporal expression, from its words alone.
//!
//! Each word may be a *cue*: future (`will`, `'ll`, `shall`, `would`, `is to`, `going
//! to`, `expected`, `scheduled`, `set to`, `due to`, `plans to`, `next`, `upcoming`,
//! `tomorrow`), past (a past-tense verb — a regular `-ed` form or an irregular one such
//! as `said`, `met`, `held` — `was`, `were`, `had`, `did`, `has`/`have` + participle,
//! `ago`, `last`, `yesterday`) or present (`is`, `are`, a modal like `can`, `may`).
//! A participle after a form of *be*, *have* or *get* (`will be held`, `has been
//! postponed`) is no cue of its own: the auxiliary carries the tense.
//!
//! An expression takes the tense of the cheapest cue around it. The cost of a cue is its
//! distance in words, plus 3 for each comma, bracket or dash and 4 for each clause word
//! (`and`, `but`, `which`, `that`, `when`…) crossed, plus 1 for a cue *after* the
//! expression (the verb governing a time adjunct usually precedes it) and 2 for a
//! present-tense cue. A semicolon ends the search, and so does a cost over 14.
use vigil_model::{Pos, Token};

/// The tense a clause is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Present,
    Future,
}

const MAX_COST: u32 = 14;

/// The tense cue of every token of a sentence (`None` when a token is no cue).
pub(super) fn cues(toks: &[Token]) -> Vec<Option<Tense>> {
    (0..toks.len()).map(|i| cue(toks, i)).collect()
}

/// The tense of the clause around tokens `start..end`, from the precomputed `cues`.
pub(super) fn tense_around(
    toks: &[Token],
    cues: &[Option<Tense>],
    start: usize,
    end: usize,
) -> Option<Tense> {
    let mut best: Option<(u32, Tense)> = None;
    let weight = |t: Tense| if t == Tense::Present { 2 } else { 0 };
    // Backwards from the word before the expression, then forwards from the word after
    // it (a cue after costs one more).
    let mut scan = |js: &mut dyn Iterator<Item = usize>, mut cost: u32| {
        for j in js {
            let Some(step) = step_cost(&toks[j]) else {
                break;
            };
            cost += step;
            if cost > MAX_COST {
                break;
            }
            if let Some(t) = cues[j] {
                let c = cost + weight(t);
                if best.is_none_or(|(b, _)| c < b) {
                    best = Some((c, t));
                }
            }
        }
    };
    scan(&mut (0..start).rev(), 0);
    scan(&mut (end..toks.len()), 1);
    best.map(|(_, t)| t)
}

/// The cost of stepping over a token, or `None` for a hard clause boundary.
fn step_cost(t: &Token) -> Option<u32> {
    Some(match t.upper.as_str() {
        ";" => return None,
        "," | "(" | ")" | "--" | "-" | ":" | "[" | "]" => 3,
        "AND" | "BUT" | "OR" | "WHILE" | "WHEREAS" | "ALTHOUGH" | "THOUGH" | "BECAUSE" | "WHEN"
        | "AFTER" | "BEFORE" | "AS" | "IF" | "UNLESS" | "WHICH" | "WHO" | "THAT" | "WHERE"
        | "SINCE" | "UNTIL" => 4,
        _ => 1,
    })
}

fn up(toks: &[Token], i: usize) -> &str {
    toks.get(i).map_or("", |t| t.upper.as_str())
}

/// Adverbs that may sit inside a verb group (`has not yet`, `was reportedly`).
fn is_inner_adverb(u: &str) -> bool {
    matches!(
        u,
        "NOT"
            | "N'T"
            | "ALSO"
            | "ALREADY"
            | "JUST"
            | "YET"
            | "STILL"
            | "NEVER"
            | "EVER"
            | "REPORTEDLY"
            | "ALLEGEDLY"
            | "RECENTLY"
            | "FINALLY"
            | "OFFICIALLY"
            | "REPEATEDLY"
            | "BEEN"
            | "BEING"
    )
}

/// The index of the word before `i`, skipping inner adverbs.
fn prev_word(toks: &[Token], i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| !is_inner_adverb(up(toks, j)))
}

/// The index of the word after `i`, skipping inner adverbs.
fn next_word(toks: &[Token], i: usize) -> Option<usize> {
    (i + 1..toks.len()).find(|&j| !is_inner_adverb(up(toks, j)))
}

/// Forms of *be*, *have* and *get* that make a following participle part of their
/// verb group.
fn is_auxiliary(u: &str) -> bool {
    matches!(
        u,
        "BE" | "BEEN"
            | "BEING"
            | "IS"
            | "ARE"
            | "AM"
            | "'RE"
            | "'M"
            | "WAS"
            | "WERE"
            | "HAVE"
            | "HAS"
            | "HAD"
            | "HAVING"
            | "'VE"
            | "'D"
            | "GET"
            | "GETS"
            | "GOT"
            | "GOTTEN"
    )
}

/// Words after which an `-ed` form is an adjective (`the armed forces`).
fn is_determiner(u: &str) -> bool {
    matches!(
        u,
        "THE"
            | "A"
            | "AN"
            | "ITS"
            | "THEIR"
            | "HIS"
            | "HER"
            | "OUR"
            | "MY"
            | "YOUR"
            | "THIS"
            | "THESE"
            | "THOSE"
            | "'S"
            | "'"
            | "SOME"
            | "MANY"
            | "NO"
            | "ANY"
            | "OTHER"
            | "SEVERAL"
    )
}

/// Verbs that point forward when an infinitive follows (`plans to`, `vowed to`).
fn is_intention(u: &str) -> bool {
    matches!(
        u,
        "PLAN"
            | "PLANS"
            | "PLANNING"
            | "INTEND"
            | "INTENDS"
            | "INTENDED"
            | "GOING"
            | "SET"
            | "DUE"
            | "ABOUT"
            | "POISED"
            | "READY"
            | "PREPARING"
            | "AIM"
            | "AIMS"
            | "HOPE"
            | "HOPES"
            | "HOPED"
            | "WANT"
            | "WANTS"
            | "WANTED"
            | "VOWED"
            | "VOWS"
            | "PROMISED"
            | "PROMISES"
            | "PLEDGED"
            | "PLEDGES"
            | "THREATENED"
            | "THREATENS"
            | "AGREED"
            | "DECIDED"
            | "LIKELY"
            | "IS"
            | "ARE"
            | "WAS"
            | "WERE"
            | "AM"
    )
}

/// Simple past forms (most of them also participles) of irregular verbs.
fn is_irregular_past(u: &str) -> bool {
    matches!(
        u,
        "SAID"
            | "TOLD"
            | "MET"
            | "SPOKE"
            | "HELD"
            | "TOOK"
            | "WENT"
            | "CAME"
            | "MADE"
            | "BEGAN"
            | "SENT"
            | "LEFT"
            | "WON"
            | "LOST"
            | "FOUGHT"
            | "STRUCK"
            | "GAVE"
            | "SAW"
            | "KNEW"
            | "THOUGHT"
            | "BROUGHT"
            | "BOUGHT"
            | "CAUGHT"
            | "TAUGHT"
            | "FELL"
            | "FELT"
            | "KEPT"
            | "LED"
            | "RAN"
            | "ROSE"
            | "SAT"
            | "STOOD"
            | "WROTE"
            | "SHOT"
            | "BROKE"
            | "CHOSE"
            | "DREW"
            | "DROVE"
            | "FLED"
            | "FLEW"
            | "GREW"
            | "HUNG"
            | "LAID"
            | "PAID"
            | "SOLD"
            | "SOUGHT"
            | "SHOOK"
            | "SPENT"
            | "STOLE"
            | "SWORE"
            | "THREW"
            | "TORE"
            | "UNDERTOOK"
            | "UNDERWENT"
            | "WITHDREW"
            | "WOKE"
            | "WORE"
            | "OVERSAW"
            | "OVERTOOK"
            | "OVERRAN"
            | "OVERTHREW"
            | "OVERCAME"
            | "BLEW"
            | "BUILT"
            | "DEALT"
            | "FOUND"
            | "HEARD"
            | "HID"
            | "LENT"
            | "MEANT"
            | "SLEPT"
            | "STUCK"
            | "SWEPT"
            | "UNDERSTOOD"
            | "FORGOT"
            | "FORGAVE"
            | "FROZE"
            | "AROSE"
            | "BECAME"
            | "BIT"
            | "BLED"
            | "SANK"
            | "SANG"
            | "SHONE"
            | "SHRANK"
            | "SPRANG"
            | "STROVE"
            | "SWAM"
            | "SWUNG"
            | "REBUILT"
            | "FORESAW"
            | "WITHHELD"
            | "UPHELD"
            | "BESIEGED"
            | "GOT"
            | "WAS"
            | "WERE"
            | "HAD"
            | "DID"
    )
}

/// Participles that are never simple past forms: a cue only without an auxiliary.
fn is_participle_only(u: &str) -> bool {
    matches!(
        u,
        "TAKEN"
            | "GIVEN"
            | "SEEN"
            | "DONE"
            | "GONE"
            | "SPOKEN"
            | "BROKEN"
            | "CHOSEN"
            | "DRAWN"
            | "DRIVEN"
            | "FALLEN"
            | "FLOWN"
            | "FORGOTTEN"
            | "FROZEN"
            | "GROWN"
            | "HIDDEN"
            | "KNOWN"
            | "RISEN"
            | "SHAKEN"
            | "SHOWN"
            | "STOLEN"
            | "SWORN"
            | "THROWN"
            | "TORN"
            | "WITHDRAWN"
            | "WRITTEN"
            | "BEGUN"
            | "UNDERTAKEN"
            | "OVERTAKEN"
            | "OVERTHROWN"
    )
}

/// `-ed` words that are not past-tense verbs (or are too often adjectives).
fn is_ed_exception(u: &str) -> bool {
    matches!(
        u,
        "RED"
            | "BED"
            | "SHED"
            | "WED"
            | "HUNDRED"
            | "SACRED"
            | "NAKED"
            | "WICKED"
            | "RAGGED"
            | "KINDRED"
            | "HATRED"
            | "BELOVED"
            | "ALLEGED"
            | "SO-CALLED"
            | "UNITED"
            | "ARMED"
            | "LIMITED"
            | "RELATED"
            | "BASED"
            | "CONCERNED"
            | "INTERESTED"
            | "SKILLED"
            | "TALENTED"
            | "ADVANCED"
            | "DETAILED"
            | "SOPHISTICATED"
            | "UNPRECEDENTED"
            | "UNEXPECTED"
            | "UNIDENTIFIED"
            | "UNNAMED"
            | "RENEWED"
            | "DEDICATED"
            | "EXPERIENCED"
            | "MARRIED"
            | "TIRED"
            | "HEATED"
            | "DISPUTED"
            | "OCCUPIED"
            | "REQUIRED"
            | "EMBATTLED"
            | "BELEAGUERED"
            | "INDEED"
    )
}

/// Words that mark the future on their own.
fn is_future_word(u: &str) -> bool {
    matches!(
        u,
        "WILL"
            | "'LL"
            | "SHALL"
            | "WOULD"
            | "WO"
            | "UPCOMING"
            | "NEXT"
            | "TOMORROW"
            | "EXPECTED"
            | "SCHEDULED"
            | "RESCHEDULED"
            | "SLATED"
            | "PLANNED"
            | "FORTHCOMING"
    )
}

/// True for a regular past form: `-ed`, at least four letters, not a listed adjective.
fn is_regular_past(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    let u = t.upper.as_str();
    if u.len() < 4 || !u.ends_with("ED") || is_ed_exception(u) {
        return false;
    }
    if !u.bytes().all(|b| b.is_ascii_uppercase() || b == b'-') {
        return false;
    }
    if u.ends_with("EED") && !matches!(u, "AGREED" | "FREED" | "DECREED" | "GUARANTEED") {
        return false;
    }
    // A capitalised word inside the sentence is a name (`United`, `Ahmed`).
    i == 0 || !t.text.starts_with(|c: char| c.is_uppercase()) || t.text == t.upper
}

/// The tense cue of token `i`.
pub(super) fn cue(toks: &[Token], i: usize) -> Option<Tense> {
    let t = &toks[i];
    let u = t.upper.as_str();
    let b = u.as_bytes();
    if b.is_empty() || !(b[0].is_ascii_uppercase() || b[0] == b'\'') {
        return None;
    }
    if matches!(
        t.pos,
        Pos::Adj | Pos::Noun | Pos::Propn | Pos::Adp | Pos::Det
    ) {
        // The tagger has spoken: not a verb. (`next`, `last` are adjectives but cues.)
        return match u {
            "NEXT" | "UPCOMING" => Some(Tense::Future),
            "LAST" => Some(Tense::Past),
            _ => None,
        };
    }
    if is_future_word(u) {
        return Some(Tense::Future);
    }
    let next = up(toks, i + 1);
    if is_intention(u) && next == "TO" {
        // `due to the storm`, `is to blame`: a noun after `to` is no infinitive.
        let after = up(toks, i + 2);
        let noun_follows = after.is_empty()
            || matches!(
                after,
                "THE" | "A" | "AN" | "ITS" | "THEIR" | "HIS" | "HER" | "BLAME"
            )
            || after.as_bytes()[0].is_ascii_digit();
        if !noun_follows {
            return Some(Tense::Future);
        }
    }
    if matches!(u, "SET" | "DUE") && matches!(next, "FOR" | "ON" | "IN") {
        return Some(Tense::Future);
    }
    match u {
        "AGO" | "LAST" | "YESTERDAY" | "WAS" | "WERE" | "HAD" | "DID" => {
            return Some(Tense::Past);
        }
        "HAS" | "HAVE" | "'VE" => {
            // Present perfect reports the past; `has a meeting` is present.
            let participle = next_word(toks, i).is_some_and(|j| {
                let v = up(toks, j);
                is_participle_only(v) || is_irregular_past(v) || is_regular_past(toks, j)
            });
            return Some(if participle {
                Tense::Past
            } else {
                Tense::Present
            });
        }
        "IS" | "ARE" | "AM" | "'RE" | "'M" | "CAN" | "MAY" | "MIGHT" | "MUST" | "SHOULD"
        | "COULD" => return Some(Tense::Present),
        // Expecting or planning something puts it ahead ("mediators expect a delegation
        // on Tuesday").
        "EXPECT" | "EXPECTS" | "ANTICIPATE" | "ANTICIPATES" | "AWAIT" | "AWAITS" => {
            return Some(Tense::Future);
        }
        // Present-tense verbs of schedules ("the fiscal year that begins in April").
        "BEGINS" | "STARTS" | "ENDS" | "OPENS" | "CLOSES" | "EXPIRES" | "RESUMES" | "RUNS"
        | "TAKES" | "MEETS" | "LASTS" | "CONVENES" => return Some(Tense::Present),
        _ => {}
    }
    // A finite verb in -s, where the tagger ran, is present tense.
    if t.pos == Pos::VerbFin && u.ends_with('S') && !u.ends_with("SS") {
        return Some(Tense::Present);
    }
    if is_participle_only(u) || is_irregular_past(u) || is_regular_past(toks, i) {
        // A participle without an auxiliary heads a reduced relative clause (`a decision
        // taken on Friday`), which reports the past.
        let prev = prev_word(toks, i).map_or("", |j| up(toks, j));
        if is_auxiliary(prev) {
            return None;
        }
        if t.pos == Pos::X && is_determiner(prev) {
            return None;
        }
        return Some(Tense::Past);
    }
    None
}
