//! Acts named by a noun after a support verb ("launched *air strikes* on", "imposed
//! *sanctions* on", "signed a *truce*", "held *talks* with"): the verb carries tense,
//! negation and the parties, the noun decides the code (`data/rules/event-nouns.tsv`).

use crate::view::View;
use rustc_hash::FxHashMap;
use vigil_model::Pos;

const TABLE: &str = include_str!("../../../data/rules/event-nouns.tsv");

/// How many words before the noun its object may hold ("a series of fresh deadly air
/// strikes").
const MAX_MODIFIERS: usize = 6;

/// One noun of the table.
#[derive(Debug)]
struct Entry {
    words: Vec<String>,
    code: String,
    mutual: bool,
    verbs: Vec<String>,
}

/// The event-noun table, keyed by the noun's first word.
#[derive(Debug, Default)]
pub struct EventNouns {
    by_first: FxHashMap<String, Vec<Entry>>,
    /// Every support verb of the table, so other verbs are passed over at once.
    support: rustc_hash::FxHashSet<String>,
}

/// A noun found as a support verb's object.
#[derive(Debug, Clone)]
pub struct Found {
    /// The act's code.
    pub code: String,
    /// Both parties do the act.
    pub mutual: bool,
    /// The noun's tokens `[start, end)`.
    pub start: usize,
    pub end: usize,
}

/// A verb lemma as the table writes it (`CARRY OUT` and `CARRY_OUT` alike).
fn lemma_key(l: &str) -> String {
    l.trim().replace(' ', "_")
}

impl EventNouns {
    /// The shipped table.
    pub fn embedded() -> EventNouns {
        let rows: Vec<Vec<&str>> = TABLE
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim_end())
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.split('\t').map(str::trim).collect())
            .filter(|r: &Vec<&str>| r.len() >= 4)
            .collect();
        let general: Vec<String> = rows
            .iter()
            .filter(|r| r[0] == "*")
            .flat_map(|r| r[3].split('|').map(lemma_key))
            .collect();
        let mut out = EventNouns::default();
        for r in rows.iter().filter(|r| r[0] != "*") {
            let verbs: Vec<String> = if r[3] == "*" {
                general.clone()
            } else {
                r[3].split('|').map(lemma_key).collect()
            };
            out.support.extend(verbs.iter().cloned());
            for noun in r[0].split('|') {
                let words: Vec<String> = noun.split_whitespace().map(str::to_string).collect();
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                out.by_first.entry(first).or_default().push(Entry {
                    words,
                    code: r[1].to_string(),
                    mutual: r[2] == "mutual",
                    verbs: verbs.clone(),
                });
            }
        }
        // Longest nouns first, so "AIR STRIKE" wins over "STRIKE".
        for v in out.by_first.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        out
    }

    /// True when `lemma` is a support verb of some noun of the table.
    pub fn supports(&self, lemma: &str) -> bool {
        self.support.contains(&lemma_key(lemma))
    }

    /// The act the object of support verb `lemma` names, when its object (starting at
    /// token `from`, before `limit`) is headed by a listed noun.
    pub fn find(&self, view: &View, lemma: &str, from: usize, limit: usize) -> Option<Found> {
        let lemma = lemma_key(lemma);
        let mut k = from;
        let mut skipped = 0;
        while k < limit && skipped <= MAX_MODIFIERS {
            if let Some(entries) = self.by_first.get(view.up(k)) {
                for e in entries {
                    let end = k + e.words.len();
                    if end <= limit
                        && e.words.iter().enumerate().all(|(j, w)| view.up(k + j) == w)
                        && e.verbs.contains(&lemma)
                        // The noun heads the phrase: "attack helicopters" is no attack.
                        && (end >= view.len() || !matches!(view.pos(end), Pos::Noun))
                    {
                        return Some(Found {
                            code: e.code.clone(),
                            mutual: e.mutual,
                            start: k,
                            end,
                        });
                    }
                }
            }
            // Only the words of one noun phrase before the noun.
            let up = view.up(k);
            let modifier = matches!(
                view.pos(k),
                Pos::Det | Pos::Num | Pos::Adj | Pos::Adv | Pos::Propn
            ) || matches!(
                up,
                "OF" | "SERIES"
                    | "WAVE"
                    | "ROUND"
                    | "NUMBER"
                    | "SPATE"
                    | "STRING"
                    | "FRESH"
                    | "NEW"
                    | "'S"
                    | "-"
            );
            // "agreed *to* a ceasefire", "agreed *on* a truce".
            let preposition = k == from && matches!(up, "TO" | "ON" | "UPON");
            if !modifier && !preposition {
                return None;
            }
            skipped += 1;
            k += 1;
        }
        None
    }
}
