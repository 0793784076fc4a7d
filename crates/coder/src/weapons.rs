//! The weapon decides the kind of fighting: a generic use of force (190) named with
//! artillery, aircraft or guns takes the codebook's code for that weapon (194, 195, 193),
//! as the guideline's "most specific code" asks (`data/rules/weapons.tsv`).

use crate::rules::rows;
use crate::view::View;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../data/rules/weapons.tsv");

/// The generic code the table refines.
pub const GENERIC: &str = "190";

/// The code of fighting with small arms.
pub const SMALL_ARMS: &str = "193";

/// How far before the verb its subject's words may name the weapon ("Israeli *warplanes*
/// on Sunday struck …").
const BEFORE: usize = 8;

/// How far after the verb its object's words may name it ("shelled the town with
/// *artillery*").
const AFTER: usize = 10;

/// Weapon phrases by their first word: (the other words, code). The table is embedded,
/// so its words and codes borrow from it.
type Table = FxHashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>>;

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table::default();
        for r in rows(TABLE).filter(|r| r.len() >= 2) {
            for phrase in r[1].split('|') {
                let mut words = phrase.split_whitespace();
                let Some(first) = words.next() else { continue };
                let entry = t.entry(first).or_default();
                entry.push((words.collect(), r[0]));
                // Longer phrases first, so "SHOT DEAD" is tried before "SHOT".
                entry.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
            }
        }
        t
    })
}

/// The code of a weapon named within tokens `start..end` (the source's words: "Israeli
/// *jets* struck …, killing two", where the weapon is outside the second verb's clause).
pub fn named_in(view: &View, start: usize, end: usize) -> Option<&'static str> {
    (start..end.min(view.len())).find_map(|k| weapon_at(view, k))
}

fn weapon_at(view: &View, k: usize) -> Option<&'static str> {
    let rest = table().get(view.up(k))?;
    rest.iter()
        .find(|(words, _)| {
            k + words.len() < view.len()
                && words
                    .iter()
                    .enumerate()
                    .all(|(j, w)| view.up(k + 1 + j) == *w)
        })
        .map(|&(_, code)| code)
}

/// The code of the weapon named nearest the verb at tokens `verb` (start, end), within
/// its clause: back to the previous comma, semicolon or finite verb, and on to `limit`
/// (where the verb's object region ends).
pub fn refine(view: &View, verb: (usize, usize), limit: usize) -> Option<&'static str> {
    let at = |k: usize| weapon_at(view, k);
    let before = (verb.0.saturating_sub(BEFORE)..verb.0)
        .rev()
        .take_while(|&k| {
            !matches!(view.up(k), "," | ";") && view.pos(k) != vigil_model::Pos::VerbFin
        })
        .map(|k| (verb.0 - k, k));
    let after = (verb.0..limit.min(verb.1 + AFTER)).map(|k| (k - verb.0, k));
    // The weapon nearest the verb, on either side. The verb's own words ("shot") name
    // a weapon only when the clause names no other ("jets *shot at* the plane").
    let mut best: Option<(usize, &'static str)> = None;
    for (d, k) in before.chain(after) {
        let d = if k < verb.1 { d + usize::MAX / 2 } else { d };
        if let Some(code) = at(k)
            && best.is_none_or(|(bd, _)| d < bd)
        {
            best = Some((d, code));
        }
    }
    best.map(|(_, code)| code)
}
